"""A comparison as readable text: one block per edit, with its deleted and inserted words marked.

Without a styler, deletions are written [-like this-] and insertions {+like this+}. Colour is the
terminal's business: `revdiff.cli` passes a `Styler` that wraps each part in its escape codes,
and `terminal_text.visible` as `shown`, so that the text's own control characters show as
symbols under the colours (compared as they are: a tab is white space, not a symbol).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from revdiff.engine.rounded_shares import percent, two_decimals
from revdiff.engine.terminal_codes import control_sequences_whole
from revdiff.engine.words import word_diff
from revdiff.export.version_times import version_time
from revdiff.model import (
    Comparison,
    Edit,
    EditOp,
    Flag,
    Version,
    WordDiff,
    is_unsure,
    sure_percent,
)
from revdiff.terminal_text import changes_unseen

_MARKS = {
    EditOp.UNCHANGED: " ", EditOp.EDITED: "~", EditOp.ADDED: "+", EditOp.DELETED: "-",
    EditOp.MOVED: ">", EditOp.SPLIT: "<", EditOp.MERGED: "=",
}


# Styles a piece of text for its role: "deleted", "inserted", "title", "edit" or "unchanged".
Styler = Callable[[str, str], str]
Colour = Literal[False] | Styler | None
# How sure the reading of an edit's text is (None: read exactly), as the tables' `confidence`.
Confidence = Callable[[Edit], float | None]
# How a piece of the article's text is written: as it is, or (for a terminal) made visible.
Shown = Callable[[str], str]


def _as_is(text: str) -> str:
    return text


PARAGRAPH_MARK = "¶"
_PARAGRAPH_BREAKS = re.compile(r"\n+")


def breaks_marked(diff: WordDiff) -> WordDiff:
    """A paragraph break that became a space (paragraphs merged), or a space that became one (a
    paragraph split), as a deleted or inserted `¶` beside the space: not as a deleted newline
    and an inserted space (`[-␊-]{+ +}`) between two words that did not change. A break inside
    a longer deleted or inserted run is a `¶` too (`[-.¶The-]{+, and the+}`), not a `␊`."""
    runs: list[tuple[int, str]] = []
    for op, piece in diff:
        before_op, before = runs[-1] if runs else (0, "")
        if (op > 0 and before_op < 0 and before.isspace() and piece.isspace()
                and ("\n" in before) != ("\n" in piece)):
            runs[-1:] = ([(-1, PARAGRAPH_MARK), (0, piece)] if "\n" in before
                         else [(0, before), (1, PARAGRAPH_MARK)])
        else:
            runs.append((op, piece))
    return tuple((op, _PARAGRAPH_BREAKS.sub(PARAGRAPH_MARK, piece) if op else piece)
                 for op, piece in runs)


def styled_word_diff(diff: WordDiff, *, color: Colour = None, shown: Shown = _as_is,
                     unseen: Shown | None = None) -> str:
    """Kept text plain; deleted and inserted text styled, or marked [-so-] and {+so+}. `unseen`,
    when given, writes the pieces of a change that differs only in characters that take no
    room (`changes_unseen`), to show them; `shown` writes the rest. Styled, a deletion and the
    insertion that replaces it are parted by a plain space where they would meet between two
    characters that are no white space (`3,000 3,500`, not `3,0003,500`): their styles alone
    tell them apart, and a terminal may draw the deletion's strikethrough as nothing."""
    parts = []
    for change, unseen_only in changes_unseen(breaks_marked(control_sequences_whole(diff))):
        write = unseen if unseen and unseen_only else shown
        deleted = ""
        for op, piece in change:
            text = write(piece)
            if op == 0:
                parts.append(text)
            elif color:
                if op > 0 and deleted and not deleted[-1].isspace() and not piece[0].isspace():
                    parts.append(" ")
                deleted = piece if op < 0 else ""
                parts.append(color(text, "deleted" if op < 0 else "inserted"))
            else:
                parts.append(f"[-{text}-]" if op < 0 else f"{{+{text}+}}")
    return "".join(parts)


# The width the indices of an edit's head are padded to, at least
INDICES_WIDTH = 7


def _indices(indices: tuple[int, ...]) -> str:
    return ",".join(str(k) for k in indices) or "-"


def flag_note(flags: frozenset[Flag]) -> str:
    """`  [case_only, number_changed]` after an edit's head or the title; nothing without flags."""
    return "  [" + ", ".join(sorted(flag.value for flag in flags)) + "]" if flags else ""


def unsure_note(confidence: float | None) -> str:
    """`  ? 47% sure` after the head of an edit read from an unsure row of a flattened page, as
    the app's status line says it (rounded down: a marked edit never says 99%); nothing for one
    read surely or exactly."""
    if not is_unsure(confidence):
        return ""
    assert confidence is not None
    return f"  ? {sure_percent(confidence)}"


def _indices_widths(edits: list[Edit]) -> tuple[int, int]:
    """How wide `edit_text` pads the old and the new indices of `edits` so that their heads line
    up: 7 characters, or the widest of them (a merge of `100,101,102`)."""
    return (max([INDICES_WIDTH, *(len(_indices(edit.old)) for edit in edits)]),
            max([INDICES_WIDTH, *(len(_indices(edit.new)) for edit in edits)]))


def edit_text(edit: Edit, *, color: Colour = None, shown: Shown = _as_is,
              unseen: Shown | None = None, confidence: Confidence | None = None,
              widths: tuple[int, int] = (INDICES_WIDTH, INDICES_WIDTH)) -> str:
    """An edit's head (its kind, old and new indices, each padded to its side of `widths`, its
    similarity and flags), then its word diff."""
    old_width, new_width = widths
    head = (f"{_MARKS[edit.op]} {edit.op.value:<9} {_indices(edit.old):>{old_width}} -> "
            f"{_indices(edit.new):<{new_width}}")
    if edit.op not in (EditOp.UNCHANGED, EditOp.ADDED, EditOp.DELETED):
        head += f" sim {two_decimals(edit.similarity)}"
    head += flag_note(edit.flags) + unsure_note(confidence(edit) if confidence else None)
    head = head.rstrip()  # the padding of the new side's indices, when nothing follows them
    if color:
        head = color(head, "unchanged" if edit.op is EditOp.UNCHANGED else "edit")
    return f"{head}\n    {styled_word_diff(edit.word_diff, color=color, shown=shown, unseen=unseen)}"


def _version_and_time(version: Version, shown: Shown, other: Version) -> str:
    """`3 (2024-01-05 10:00:00)`, `4 (about 1 hour later)`, or the number alone for a version
    without a time, its time beside the pair's `other` version (`version_time`: an old version's
    time told from the version before it, which the pair does not show, is left out, `version 1
    -> 2 (about 1 hour later)`; one told from the new version is kept, `version 4 (about 1 hour
    earlier) -> 5`)."""
    when = version_time(version, other)
    return f"{version.number} ({shown(when)})" if when else str(version.number)


def _every_edit(edit: Edit) -> bool:
    return True


def comparison_text(comparison: Comparison, *, article: str | None = None, color: Colour = None,
                    kept: Callable[[Edit], bool] = _every_edit, title_kept: bool = True,
                    shown: Shown = _as_is, unseen: Shown | None = None,
                    confidence: Confidence | None = None) -> str:
    """A header (the article, the versions and their times), one line of statistics, the
    title's change (where it changed and `title_kept`), then the edits `kept` picks (by default
    every edit).

    `color` styles the parts (a `Styler`); False or None gives plain text with markers. `shown`
    writes each piece of the article's text (its name and titles too); `unseen`, the pieces of a
    change made only of characters that take no room (`styled_word_diff`). `confidence`, where
    given, tells how sure each edit's reading is (`PairReading.edit_confidence`): an unsure one
    is marked.
    """
    stats = comparison.stats
    name = shown(article or comparison.new.title)
    title = (f"{name}: version {_version_and_time(comparison.old, shown, comparison.new)} -> "
             f"{_version_and_time(comparison.new, shown, comparison.old)}")
    counts = ", ".join(f"{count} {op}" for op, count in stats.counts.items() if count)
    summary = (f"{counts or 'no sentences'}; +{stats.words_added}/-{stats.words_removed} words, "
               f"{percent(stats.changed_share)} changed")
    if stats.boring:
        summary += "; boring"
    if stats.rewrite:
        summary += "; rewrite"
    lines = [color(title, "title") if color else title, summary]
    if title_kept and comparison.old.title != comparison.new.title:
        title_diff = word_diff(comparison.old.title, comparison.new.title)
        lines.append("title: " + styled_word_diff(title_diff, color=color, shown=shown,
                                                  unseen=unseen)
                     + flag_note(comparison.title_flags))
    shown_edits = [edit for edit in comparison.edits if kept(edit)]
    widths = _indices_widths(shown_edits)
    edits = [edit_text(edit, color=color, shown=shown, unseen=unseen, confidence=confidence,
                       widths=widths)
             for edit in shown_edits]
    # a blank line between the head and the edits; none after a head without any (the pairs of
    # a text are one blank line apart, `echo_blocks`)
    return "\n".join([*lines, "", *edits] if edits else lines)
