"""Lay a comparison out as terminal rows: side by side or unified. Pure data, no Textual import.

Each row is a tuple of styled runs exactly `width` cells wide; the widget only maps style names to
colours and draws the rows that are on screen. A `LayoutBuilder` lays the rows out a few items at a
time, so the view can draw its first screen before the rows far below it are wrapped.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import StrEnum

from revdiff.engine.terminal_codes import control_sequences_whole
from revdiff.export.comparison_text import breaks_marked
from revdiff.model import Comparison, Edit, EditOp
from revdiff.terminal_text import changes_unseen, visible, visible_unseen
from revdiff.tui.direction import LEFT_TO_RIGHT_MARK, holds_right_to_left
from revdiff.tui.filters import Folded, Shown, VisibleItem
from revdiff.tui.wrapping import Span, line_holding, pad_line, shorten, text_width, wrap_spans

SIDE_BY_SIDE_MIN_WIDTH = 110  # narrower terminals start in the unified layout
# A left-to-right mark before the text of a row that holds right-to-left text, and before its
# rule: a terminal that lays out right-to-left text itself takes a row's direction from its first
# letter, drawing the gutter at the right, and gives the padding, the rule and the gutter between
# two columns of Arabic or Hebrew their direction, drawing the new column left of the old one.
COLUMN_DIRECTION: Span = (LEFT_TO_RIGHT_MARK, "plain")


class LayoutMode(StrEnum):
    SIDE_BY_SIDE = "side by side"
    UNIFIED = "unified"


def automatic_mode(width: int) -> LayoutMode:
    return LayoutMode.SIDE_BY_SIDE if width >= SIDE_BY_SIDE_MIN_WIDTH else LayoutMode.UNIFIED


@dataclass(frozen=True, slots=True)
class ViewRow:
    spans: tuple[Span, ...]
    edit: int | None = None  # the edit this row belongs to

    @property
    def text(self) -> str:
        return "".join(run for run, _ in self.spans)


@dataclass(slots=True)
class Layout:
    rows: list[ViewRow]
    first_row: dict[int, int] = field(default_factory=dict)  # edit index -> its first row
    last_row: dict[int, int] = field(default_factory=dict)
    changes: list[int] = field(default_factory=list)  # highlighted edits, in reading order


@dataclass(frozen=True, slots=True)
class Unsure:
    """Sentences whose paragraph came from a page row the splitter was unsure of."""

    old: Collection[int] = frozenset()
    new: Collection[int] = frozenset()

    def touches(self, edit: Edit, side: str | None = None) -> bool:
        """Whether a sentence of the edit (on `side`, "old" or "new", or on either) is unsure."""
        old = side != "new" and any(i in self.old for i in edit.old)
        return old or (side != "old" and any(i in self.new for i in edit.new))


# Fewer cells than this and a row is cut at the screen's edge rather than wrapped narrower.
MIN_WIDTH = 10


def _direction_marks(*lines: list[Span] | None) -> list[Span]:
    """`[COLUMN_DIRECTION]` for a row whose lines hold right-to-left text, else none."""
    text = "".join(run for line in lines if line for run, _ in line)
    return [COLUMN_DIRECTION] if holds_right_to_left(text) else []


def change_header(edit: Edit) -> str | None:
    """The line above a moved, split or merged sentence that says what happened to it."""
    old = ", ".join(str(i + 1) for i in edit.old)
    new = ", ".join(str(i + 1) for i in edit.new)
    if edit.op is EditOp.MOVED:
        return f"↕ moved: was sentence {old}, now sentence {new}"
    if edit.op is EditOp.SPLIT:
        return f"⑂ split: sentence {old} became {len(edit.new)} sentences ({new})"
    if edit.op is EditOp.MERGED:
        return f"⑃ merged: sentences {old} became sentence {new}"
    return None


def side_spans(edit: Edit, highlighted: bool) -> tuple[list[Span], list[Span]]:
    """The old and new text of an edit as styled runs, words that changed marked, control
    characters shown as symbols, but a paragraph break that changed as `¶`, as the text output and
    the HTML page show it (`breaks_marked`), and a control sequence that a change cuts marked whole
    (`control_sequences_whole`); the words of a change that differs only in characters that take
    no room on screen show those by code (`sol<U+200B>diers`)."""
    if not highlighted:
        return [(visible(edit.old_text), "plain")], [(visible(edit.new_text), "plain")]
    if edit.op is EditOp.ADDED:
        return [], [(visible(edit.new_text), "new")]
    if edit.op is EditOp.DELETED:
        return [(visible(edit.old_text), "old")], []
    if not edit.word_diff:
        return [(visible(edit.old_text), "old")], [(visible(edit.new_text), "new")]
    # a change only of characters that take no room shows them by code, or it would look like none
    runs = [(op, visible_unseen(text) if unseen_only else visible(text))
            for change, unseen_only in changes_unseen(
                breaks_marked(control_sequences_whole(edit.word_diff)))
            for op, text in change]
    old = [(text, "old_word" if op < 0 else "old") for op, text in runs if op <= 0]
    new = [(text, "new_word" if op > 0 else "new") for op, text in runs if op >= 0]
    return old, new


def _paragraph_key(comparison: Comparison, edit: Edit) -> tuple[int | None, int | None]:
    old = comparison.old_sentences[edit.old[0]].paragraph if edit.old else None
    new = comparison.new_sentences[edit.new[0]].paragraph if edit.new else None
    return old, new


class LayoutBuilder:
    """Lays out the visible items of a comparison into `layout`, in reading order, on demand.

    `layout.changes` is complete from the start; `rows`, `first_row` and `last_row` grow as
    `extend` is called, and are complete once `done` is True.
    """

    def __init__(self, comparison: Comparison, items: list[VisibleItem], mode: LayoutMode, width: int,
                 unsure: Unsure | None = None) -> None:
        self.comparison = comparison
        self.items = items
        self.mode = mode
        self.width = max(MIN_WIDTH, width)
        self.unsure = unsure or Unsure()
        self.layout = Layout(rows=[], changes=[item.edit for item in items
                                               if isinstance(item, Shown) and item.highlighted])
        self._last_paragraph: tuple[int | None, int | None] = (None, None)
        self._next_item = 0

    @property
    def done(self) -> bool:
        return self._next_item >= len(self.items) and bool(self.layout.rows)

    def estimated_rows(self) -> int:
        """The row count once done, extrapolated from the items laid out so far."""
        laid_out, rows = self._next_item, len(self.layout.rows)
        if self.done or not laid_out:
            return max(rows, len(self.items))
        return rows + round((len(self.items) - laid_out) * rows / laid_out)

    def extend(self, *, rows: int | None = None, items: int | None = None) -> None:
        """Lay out items until there are at least `rows` rows or `items` more items are laid out;
        with neither, lay out everything."""
        stop = len(self.items) if items is None else min(len(self.items), self._next_item + items)
        while self._next_item < stop and (rows is None or len(self.layout.rows) < rows):
            self._lay_out(self.items[self._next_item])
            self._next_item += 1
        if self._next_item >= len(self.items) and not self.layout.rows:
            self._add([(shorten("   nothing to show with these filters", self.width), "fold")],
                      None)

    def _lay_out(self, item: VisibleItem) -> None:
        if isinstance(item, Folded):
            self._fold(item)
            return
        edit = self.comparison.edits[item.edit]
        self._start_edit(item.edit, edit, item.highlighted)
        if self.mode is LayoutMode.SIDE_BY_SIDE:
            self._side_by_side(item.edit, edit, item.highlighted)
        else:
            self._unified(item.edit, edit, item.highlighted)
        self.layout.last_row[item.edit] = len(self.layout.rows) - 1

    def _add(self, spans: list[Span], edit: int | None) -> None:
        self.layout.rows.append(ViewRow(tuple(pad_line(spans, self.width, "plain")), edit))

    def _blank(self) -> None:
        if self.mode is LayoutMode.SIDE_BY_SIDE:
            self._add([(" " * (4 + self._column()), "plain"), ("│", "rule")], None)
        else:
            self._add([], None)

    def _fold(self, item: Folded) -> None:
        """`⋯ 12 sentences hidden (3 filtered out by label or flag)`, or where that is too wide
        `(3 filtered out)`, its bracket closed, before the line is cut."""
        note = f"   ⋯ {item.count} sentence{'s' if item.count != 1 else ''} hidden"
        if item.changes:
            full = f"{note} ({item.changes} filtered out by label or flag)"
            note = full if text_width(full) <= self.width else f"{note} ({item.changes} filtered out)"
        self._add([(shorten(note, self.width), "fold")], None)
        self._last_paragraph = (None, None)

    def _start_edit(self, index: int, edit: Edit, highlighted: bool) -> None:
        paragraph = _paragraph_key(self.comparison, edit)
        old_break = paragraph[0] is not None and paragraph[0] != self._last_paragraph[0]
        new_break = paragraph[1] is not None and paragraph[1] != self._last_paragraph[1]
        if self.layout.rows and (old_break or new_break) and self._last_paragraph != (None, None):
            self._blank()
        self._last_paragraph = (paragraph[0] if paragraph[0] is not None else self._last_paragraph[0],
                                paragraph[1] if paragraph[1] is not None else self._last_paragraph[1])
        self.layout.first_row[index] = len(self.layout.rows)
        if highlighted:
            header = change_header(edit)
            if header:  # wrapped as the text is: the end says where a move went
                for line in wrap_spans([(header, "label")], self.width - 3):
                    self._add([("   ", "label"), *line], index)

    def _unsure_mark(self, edit: Edit, side: str | None) -> Span:
        return ("?", "unsure") if self.unsure.touches(edit, side) else (" ", "plain")

    def _gutter(self, edit: Edit, highlighted: bool, marker: str) -> list[Span]:
        """Three cells: `?` when the text on this line came from an unsure page row, the marker."""
        if not highlighted:
            return [self._unsure_mark(edit, None), ("  ", "plain")]
        side = "old" if marker == "-" else "new"
        return [self._unsure_mark(edit, side), (marker, f"{side}_marker"), (" ", "plain")]

    def _unified(self, index: int, edit: Edit, highlighted: bool) -> None:
        old_lines, new_lines = self._side_lines(edit, highlighted)
        if not highlighted:  # its new text alone
            for line in new_lines or old_lines:
                self._add([*self._gutter(edit, False, " "), *_direction_marks(line), *line], index)
            return
        text_width = self._text_width()
        for marker, lines, style in (("-", old_lines, "old"), ("+", new_lines, "new")):
            for line in lines:
                self._add([*self._gutter(edit, True, marker), *_direction_marks(line),
                           *pad_line(line, text_width, style)], index)

    def _side_lines(self, edit: Edit, highlighted: bool) -> tuple[list[list[Span]], list[list[Span]]]:
        """The edit's old and new text wrapped to the layout's lines of text (none for a side
        without text)."""
        old, new = side_spans(edit, highlighted)
        width = self._text_width()
        old_lines = wrap_spans(old, width) if old else []
        if not highlighted and edit.old_text == edit.new_text:
            new_lines = old_lines  # unchanged text: wrap it once for both sides
        else:
            new_lines = wrap_spans(new, width) if new else []
        return old_lines, new_lines

    def _side_by_side(self, index: int, edit: Edit, highlighted: bool) -> None:
        old_lines, new_lines = self._side_lines(edit, highlighted)
        column = self._column()
        old_style = "old" if highlighted else "plain"
        new_style = "new" if highlighted else "plain"
        for row in range(max(len(old_lines), len(new_lines), 1)):
            marks = _direction_marks(old_lines[row] if row < len(old_lines) else None,
                                     new_lines[row] if row < len(new_lines) else None)
            if row < len(old_lines):
                left = [*self._gutter(edit, highlighted, "-"), *marks,
                        *pad_line(old_lines[row], column, old_style)]
            else:
                left = [(" ", "plain"), ("  ", "plain"), (" " * column, "void")]
            if row < len(new_lines):
                marker = ("+", "new_marker") if highlighted else (" ", "plain")
                right = [marker, self._unsure_mark(edit, "new" if highlighted else None),
                         (" ", "plain"), *pad_line(new_lines[row], column, new_style)]
            else:
                right = [("   ", "plain"), (" " * column, "void")]
            self._add([*left, *marks, (" ", "plain"), ("│", "rule"), *right], index)

    def row_showing(self, index: int, side: str, offset: int) -> int | None:
        """The row that shows the character at `offset` of the text on `side` ("old" or "new")
        of the edit at `index`, once it is laid out: its lines of text are its last rows, under
        a change's label; unified, a change's old lines come before its new ones. None where
        the edit is not laid out, or no row shows that side (unified, an edit not highlighted
        shows its new text alone). The character is counted as `visible` shows the text: a
        paragraph break a change marks `¶`, or a change shown by code (`<U+200B>`), before it
        moves it by a cell or a few."""
        last_row = self.layout.last_row.get(index)
        if last_row is None:
            return None
        edit = self.comparison.edits[index]
        highlighted = index in self.layout.changes
        old_lines, new_lines = self._side_lines(edit, highlighted)
        if self.mode is LayoutMode.SIDE_BY_SIDE:
            first_line_row = last_row - max(len(old_lines), len(new_lines), 1) + 1
        elif highlighted:
            first_line_row = last_row - len(new_lines) + 1 - (len(old_lines) if side == "old" else 0)
        elif side == "new" or edit.old_text == edit.new_text:
            first_line_row, side = last_row - len(new_lines) + 1, "new"
        else:
            return None
        spans = side_spans(edit, highlighted)[0 if side == "old" else 1]
        if not spans:
            return None
        text = edit.old_text if side == "old" else edit.new_text
        shown = "".join(run for run, _ in spans)
        return first_line_row + line_holding(shown, self._text_width(), len(visible(text[:offset])))

    def _column(self) -> int:
        """Text cells per side: 3 gutter cells, the text, a space and the rule, 3 gutter cells
        (the marker, `?`, a space), the text."""
        return max(1, (self.width - 8) // 2)

    def _text_width(self) -> int:
        """Cells of text a line holds: a column's side by side, the row's less the gutter's three
        unified."""
        return self._column() if self.mode is LayoutMode.SIDE_BY_SIDE else self.width - 3


def build_layout(comparison: Comparison, items: list[VisibleItem], mode: LayoutMode, width: int,
                 unsure: Unsure | None = None) -> Layout:
    """All the rows for the visible items of a comparison, `width` cells wide."""
    builder = LayoutBuilder(comparison, items, mode, width, unsure)
    builder.extend()
    return builder.layout
