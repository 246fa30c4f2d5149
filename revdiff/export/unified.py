"""A comparison as a unified diff whose lines are sentences, with hunks and context.

The diff is a real patch: applied with `patch` or `git apply` to the old version written one
sentence per line (each line ending in a newline), it gives the new version written the same way.
Sentences the engine kept in place are context; everything else is a deletion at its old place and
an insertion at its new place, so a moved sentence appears twice (`-` where it was, `+` where it is
now) and a split or merge as its old lines removed and its new lines added.
"""

from __future__ import annotations

from dataclasses import dataclass

from revdiff.engine.anchors import longest_increasing_pairs
from revdiff.model import Comparison, EditOp, Sentence

CONTEXT = 2

# Characters that would end a line for `patch` or a text editor inside a sentence.
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " ", "\f": " ", "\x1c": " ",
                              "\x1d": " ", "\x1e": " ", "\x85": " ", "\u2028": " ",
                              "\u2029": " "})


def sentence_line(sentence: Sentence) -> str:
    """A sentence as one line of the diffed text (line breaks inside it become spaces)."""
    return sentence.text.translate(_LINE_BREAKS)


@dataclass(frozen=True, slots=True)
class _Line:
    tag: str  # " " context, "-" removed, "+" added
    text: str
    old: int  # 0-based old line number (context and removed lines), else -1
    new: int  # 0-based new line number (context and added lines), else -1


def _anchors(comparison: Comparison) -> list[tuple[int, int]]:
    """Unchanged sentence pairs that keep their order on both sides (the longest such chain)."""
    old, new = comparison.old_sentences, comparison.new_sentences
    # (new index, old index), ordered by the new index; the longest chain increasing in the old
    by_new = sorted((edit.new[0], edit.old[0]) for edit in comparison.edits
                    if edit.op is EditOp.UNCHANGED and len(edit.old) == len(edit.new) == 1
                    and sentence_line(old[edit.old[0]]) == sentence_line(new[edit.new[0]]))
    return [(i, j) for j, i in longest_increasing_pairs(by_new)]


def _script(comparison: Comparison) -> list[_Line]:
    """Every line of both versions in patch order: context, removals and additions."""
    old, new = comparison.old_sentences, comparison.new_sentences
    # Where each sentence's edit stands in reading order: it decides how removals and additions
    # between two context lines interleave (an edited sentence's `-` right before its `+`).
    old_rank = [0] * len(old)
    new_rank = [0] * len(new)
    for rank, edit in enumerate(comparison.edits):
        for i in edit.old:
            old_rank[i] = rank
        for j in edit.new:
            new_rank[j] = rank
    lines: list[_Line] = []
    i = j = 0
    for anchor_old, anchor_new in [*_anchors(comparison), (len(old), len(new))]:
        while i < anchor_old or j < anchor_new:
            if j >= anchor_new or (i < anchor_old and old_rank[i] <= new_rank[j]):
                lines.append(_Line("-", sentence_line(old[i]), i, -1))
                i += 1
            else:
                lines.append(_Line("+", sentence_line(new[j]), -1, j))
                j += 1
        if anchor_old < len(old):
            lines.append(_Line(" ", sentence_line(old[anchor_old]), anchor_old, anchor_new))
            i, j = anchor_old + 1, anchor_new + 1
    return lines


def _hunks(lines: list[_Line], context: int) -> list[tuple[int, int]]:
    """(first, past-last) line positions of each hunk: changed lines grouped with up to
    `context` lines of context around them."""
    changed = [k for k, line in enumerate(lines) if line.tag != " "]
    spans: list[tuple[int, int]] = []
    for k in changed:
        if spans and k - spans[-1][1] <= 2 * context:
            spans[-1] = (spans[-1][0], k + 1)
        else:
            spans.append((k, k + 1))
    return [(max(0, first - context), min(len(lines), last + context)) for first, last in spans]


def _range(numbers: list[int], before: int) -> str:
    """`start,count` of a hunk side; an empty side starts at the line before it (0 at the top)."""
    if numbers:
        return f"{numbers[0] + 1},{len(numbers)}"
    return f"{before},0"


def unified_diff(comparison: Comparison, *, old_label: str | None = None,
                 new_label: str | None = None, context: int = CONTEXT) -> str:
    """`--- old` / `+++ new` headers, `@@ -a,b +c,d @@` hunks, one sentence per line.

    Line numbers are 1-based sentence numbers. Empty string when nothing changed.
    """
    lines = _script(comparison)
    hunks = _hunks(lines, context)
    if not hunks:
        return ""
    old_label = old_label or f"version {comparison.old.number}"
    new_label = new_label or f"version {comparison.new.number}"
    out = [f"--- {old_label}", f"+++ {new_label}"]
    old_seen = new_seen = 0  # lines of each side before the hunk
    position = 0
    for first, last in hunks:
        for line in lines[position:first]:
            old_seen += line.old >= 0
            new_seen += line.new >= 0
        position = first
        hunk = lines[first:last]
        old_numbers = [line.old for line in hunk if line.old >= 0]
        new_numbers = [line.new for line in hunk if line.new >= 0]
        out.append(f"@@ -{_range(old_numbers, old_seen)} +{_range(new_numbers, new_seen)} @@")
        out.extend(line.tag + line.text for line in hunk)
    return "\n".join(out) + "\n"
