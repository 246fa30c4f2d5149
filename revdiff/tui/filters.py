"""Which edits the view shows: hide unchanged text around context, one label only, one flag only,
no boring edits.

Imports the engine for its one definition of a boring edit."""

from __future__ import annotations

from dataclasses import dataclass, replace

from revdiff.engine.stats import is_boring_edit
from revdiff.model import Edit, EditOp, Flag

# The labels `l` cycles through; None shows every label.
LABEL_CYCLE: tuple[EditOp | None, ...] = (
    None, EditOp.EDITED, EditOp.ADDED, EditOp.DELETED, EditOp.MOVED, EditOp.SPLIT, EditOp.MERGED,
)
# The flags `o` cycles through, every flag the engine sets: first those of what the text says (a
# number, a quotation, a source), then those of how it is written; None shows edits with any flags.
FLAG_CYCLE: tuple[Flag | None, ...] = (
    None, Flag.NUMBER_CHANGED, Flag.QUOTE_CHANGED, Flag.ATTRIBUTION_CHANGED, Flag.CASE_ONLY,
    Flag.PUNCTUATION_ONLY, Flag.WHITESPACE_ONLY, Flag.ENCODING_ONLY,
)


@dataclass(frozen=True, slots=True)
class FilterState:
    hide_unchanged: bool = False
    context: int = 1  # unchanged sentences kept on each side of a change when hiding unchanged text
    only: EditOp | None = None
    only_flag: Flag | None = None  # with a label too, an edit must have both
    hide_boring: bool = False

    def next_label(self) -> FilterState:
        position = LABEL_CYCLE.index(self.only) if self.only in LABEL_CYCLE else 0
        return replace(self, only=LABEL_CYCLE[(position + 1) % len(LABEL_CYCLE)])

    def next_flag(self) -> FilterState:
        position = FLAG_CYCLE.index(self.only_flag)
        return replace(self, only_flag=FLAG_CYCLE[(position + 1) % len(FLAG_CYCLE)])

    def describe(self, *, compact: bool = False) -> str:
        """The filters in force, as the header names them (`changes only ±1, no boring`); compact,
        for a narrow terminal, `changes ±1, no boring`."""
        return ", ".join(self.parts(compact=compact))

    def parts(self, *, compact: bool = False) -> list[str]:
        """Each filter in force as `describe` names it."""
        parts = []
        if self.hide_unchanged:
            parts.append(f"changes ±{self.context}" if compact else f"changes only ±{self.context}")
        if self.only is not None:
            parts.append(f"only {self.only.value}")
        if self.only_flag is not None:
            parts.append(f"only {self.only_flag.value}")
        if self.hide_boring:
            parts.append("no boring")
        return parts


def is_boring(edit: Edit) -> bool:
    """A change of nothing but whitespace, punctuation or encoding: the engine's definition, the
    same one that makes a whole pair boring."""
    return edit.op is not EditOp.UNCHANGED and is_boring_edit(edit)


def is_change(edit: Edit, state: FilterState) -> bool:
    """Whether the view highlights this edit and `n`/`p` stop at it."""
    if edit.op is EditOp.UNCHANGED:
        return False
    if state.hide_boring and is_boring(edit):
        return False
    return _has_label_and_flag(edit, state)


def _has_label_and_flag(edit: Edit, state: FilterState) -> bool:
    return ((state.only is None or edit.op is state.only)
            and (state.only_flag is None or state.only_flag in edit.flags))


def _is_excluded(edit: Edit, state: FilterState) -> bool:
    """A real change the label or flag filter leaves out: hidden, never shown as plain text, a
    boring one too (`x` alone shows a boring edit as plain text)."""
    return edit.op is not EditOp.UNCHANGED and not _has_label_and_flag(edit, state)


@dataclass(frozen=True, slots=True)
class Shown:
    """An edit the view shows; `highlighted` is False for unchanged (or filtered-out boring) text."""

    edit: int
    highlighted: bool


@dataclass(frozen=True, slots=True)
class Folded:
    """A run of edits the filters hide, shown as one line."""

    count: int
    changes: int  # how many of them are real changes hidden by the label or flag filter


VisibleItem = Shown | Folded


def visible_items(edits: tuple[Edit, ...], state: FilterState) -> list[VisibleItem]:
    """The edits to show in reading order, with hidden runs folded into single items."""
    changes = [is_change(edit, state) for edit in edits]
    keep = [False] * len(edits)
    for index, edit in enumerate(edits):
        if changes[index] or (not _is_excluded(edit, state) and not state.hide_unchanged):
            keep[index] = True
    if state.hide_unchanged and state.context > 0:
        for index, change in enumerate(changes):
            if not change:
                continue
            low, high = max(0, index - state.context), min(len(edits), index + state.context + 1)
            for near in range(low, high):
                if not _is_excluded(edits[near], state):
                    keep[near] = True
    items: list[VisibleItem] = []
    hidden = hidden_changes = 0
    for index, edit in enumerate(edits):
        if keep[index]:
            if hidden:
                items.append(Folded(hidden, hidden_changes))
                hidden = hidden_changes = 0
            items.append(Shown(index, changes[index]))
        else:
            hidden += 1
            hidden_changes += _is_excluded(edit, state)
    if hidden:
        items.append(Folded(hidden, hidden_changes))
    return items
