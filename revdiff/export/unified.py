"""A comparison as a unified diff whose lines are sentences, with hunks and context."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from revdiff.model import Comparison, Edit, EditOp, Sentence

CONTEXT = 2


def _lines(edit: Edit, old: Sequence[Sentence], new: Sequence[Sentence]) -> list[str]:
    if edit.op is EditOp.UNCHANGED:
        return [f" {new[k].text}" for k in edit.new]
    return [f"-{old[k].text}" for k in edit.old] + [f"+{new[k].text}" for k in edit.new]


def unified_diff(comparison: Comparison, *, old_label: str | None = None,
                 new_label: str | None = None, context: int = CONTEXT) -> str:
    """`--- old` / `+++ new` headers, `@@ -a,b +c,d @@` hunks, one sentence per line.

    Line numbers are 1-based sentence numbers. A moved sentence shows as removed and added at its
    new position. Empty string when nothing changed.
    """
    edits = comparison.edits
    changed = [k for k, edit in enumerate(edits) if edit.op is not EditOp.UNCHANGED]
    if not changed:
        return ""
    groups: list[list[int]] = [[changed[0]]]
    for k in changed[1:]:
        if k - groups[-1][-1] <= 2 * context + 1:
            groups[-1].append(k)
        else:
            groups.append([k])
    old_label = old_label or f"version {comparison.old.number}"
    new_label = new_label or f"version {comparison.new.number}"
    out = [f"--- {old_label}", f"+++ {new_label}"]
    for group in groups:
        first = max(0, group[0] - context)
        last = min(len(edits) - 1, group[-1] + context)
        span = edits[first:last + 1]
        old_numbers = [k for edit in span for k in edit.old if edit.op is not EditOp.MOVED]
        new_numbers = [k for edit in span for k in edit.new]
        old_start = _start(old_numbers, edits[:first], lambda e: e.old if e.op is not EditOp.MOVED else ())
        new_start = _start(new_numbers, edits[:first], lambda e: e.new)
        out.append(f"@@ -{old_start},{len(old_numbers)} +{new_start},{len(new_numbers)} @@")
        for edit in span:
            out.extend(_lines(edit, comparison.old_sentences, comparison.new_sentences))
    return "\n".join(out) + "\n"


def _start(numbers: list[int], before: Sequence[Edit],
           side: Callable[[Edit], tuple[int, ...]]) -> int:
    if numbers:
        return min(numbers) + 1
    earlier = [k for edit in before for k in side(edit)]
    return max(earlier) + 1 if earlier else 0
