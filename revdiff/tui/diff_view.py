"""The diff itself: a scrolling view that draws only the rows on screen (Textual's Line API).

Rows are laid out lazily: a rebuild lays out the first screenful, the frame is drawn, and the rest
is laid out in small steps between events. Drawing further down lays out what it needs first;
`view_layout` (what navigation uses) finishes the layout before returning it.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from revdiff.tui.layout import MIN_WIDTH, Layout, LayoutBuilder, ViewRow
from revdiff.tui.styles import CURSOR_MARK, CURSOR_STYLE, row_styles

# A builder for the width, or None while the comparison is still being computed.
StartLayout = Callable[[int], LayoutBuilder | None]
# Items laid out per step in the background: a few milliseconds, so keys stay responsive.
ITEMS_PER_STEP = 150


class DiffView(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of a `Layout`; the rows of the current edit carry a cursor mark in the first column."""

    DEFAULT_CSS = """
    DiffView {
        height: 1fr;
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """

    class LayoutChanged(Message):
        """The rows were laid out again (new width, comparison, filters or mode)."""

    def __init__(self, start_layout: StartLayout, *, colours: dict[str, str] | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._row_styles = row_styles(colours)
        self._start_layout = start_layout
        self._builder: LayoutBuilder | None = None
        self._built_width = -1  # -1: never laid out
        self._shown_height = 0  # the screen's rows before the last resize: where the place was
        # blank rows the view scrolls to below the last row, so that a search hit on the last
        # rows shows above its notice (`scroll_to_text`); none again from the next layout
        self._rows_past_the_end = 0
        self.current_edit: int | None = None
        # A few screens of drawn rows: each cached strip is a dozen objects for the collector.
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(256)
        self._styles: dict[str, Style] = {}  # row styles combined with the widget's own style
        self._styles_base: Style | None = None

    # -- layout ---------------------------------------------------------------------------------
    @property
    def layout_width(self) -> int:
        """Cells available to a row, after the scrollbar and the cursor column."""
        return max(MIN_WIDTH, self.scrollable_content_region.width - 1)

    @property
    def view_layout(self) -> Layout:
        """The whole layout (laid out to the end first, if the background has not finished)."""
        self.finish_layout()
        return self._builder.layout if self._builder is not None else Layout(rows=[])

    def finish_layout(self) -> None:
        """Lay out, now, the rows the background steps have not reached yet."""
        if self._builder is not None and not self._builder.done:
            self._builder.extend()
            self._fit_virtual_size()

    @property
    def has_layout(self) -> bool:
        """Whether the comparison has been laid out once (before, it may still be computing)."""
        return self._builder is not None

    @property
    def changes(self) -> list[int]:
        """Highlighted edits in reading order; known before the rows are laid out."""
        return self._builder.layout.changes if self._builder is not None else []

    @property
    def rows_laid_out(self) -> int:
        return len(self._builder.layout.rows) if self._builder is not None else 0

    def rebuild(self) -> None:
        """Lay the rows out again (after the comparison, the filters or the mode changed): the
        screenful at the top now, the rest in steps after the next frame."""
        width = self.layout_width
        self._builder = self._start_layout(width)
        self._built_width = width
        self._rows_past_the_end = 0
        if self._builder is not None:
            self._builder.extend(rows=self.top_row + 2 * max(1, self.scrollable_content_region.height))
        self._strips.clear()
        self._fit_virtual_size()
        self.refresh()
        self.post_message(self.LayoutChanged())
        if self._builder is not None and not self._builder.done:
            self.call_after_refresh(self._lay_out_step, self._builder)

    def _lay_out_step(self, builder: LayoutBuilder) -> None:
        if builder is not self._builder or builder.done:
            return  # a newer rebuild replaced it, or navigation finished it
        builder.extend(items=ITEMS_PER_STEP)
        self._fit_virtual_size()
        if not builder.done:
            self.call_later(self._lay_out_step, builder)

    def _fit_virtual_size(self) -> None:
        rows = self._builder.estimated_rows() if self._builder is not None else 0
        self.virtual_size = Size(self._built_width + 1, rows + self._rows_past_the_end)

    def on_resize(self) -> None:
        """Rows wrap anew at another width (a resize, the statistics panel beside the diff): the
        edit at the top of the screen, or the current edit when it is on screen, stays where it
        was on screen. On fewer rows (the statistics panel below the diff) the current edit
        moves up as far as it must to stay in view. A view left without a layout (its pair is
        compared apart, or comparing it failed) stays so: what asks for the pair again lays it
        out (a failed pair was compared again, and its error said again, at every width)."""
        place = self._place_on_screen()
        self._shown_height = self.scrollable_content_region.height
        if self.layout_width != self._built_width and (self.has_layout or self._built_width < 0):
            self.rebuild()
        if place is None:
            return
        edit, offset = place
        first_row = self._lay_out_to(edit)
        if first_row is None:
            return
        if edit == self.current_edit and self._builder is not None:
            rows = self._builder.layout.last_row[edit] - first_row + 1
            offset = min(offset, max(0, self.scrollable_content_region.height - rows))
        self.scroll_to(y=max(0, first_row - offset), animate=False, immediate=True)

    def _lay_out_to(self, edit: int) -> int | None:
        """Lay out as far as `edit` and a screenful below it, no further (the rest follows in the
        background steps); its first row, or None when the layout does not show it."""
        builder = self._builder
        if builder is None:
            return None
        while edit not in builder.layout.first_row and not builder.done:
            builder.extend(items=ITEMS_PER_STEP)
        first_row = builder.layout.first_row.get(edit)
        if first_row is not None:
            builder.extend(rows=first_row + 2 * max(1, self.scrollable_content_region.height))
        self._fit_virtual_size()
        return first_row

    def _place_on_screen(self) -> tuple[int, int] | None:
        """The edit to keep in place and how many rows below the screen's top its first row is:
        the current edit when its first row was on screen (the rows shown before a resize),
        else the first edit that starts on screen; else None at the top (which stays the top)."""
        if self._builder is None:
            return None
        layout = self._builder.layout
        height = max(1, self._shown_height)
        current = self.current_edit
        if current is not None and current in layout.first_row \
                and 0 <= layout.first_row[current] - self.top_row < height:
            return current, layout.first_row[current] - self.top_row
        if self.top_row == 0:
            return None
        for row in range(self.top_row, min(len(layout.rows), self.top_row + height)):
            edit = layout.rows[row].edit
            if edit is not None and layout.first_row.get(edit) == row:
                return edit, row - self.top_row
        return None

    # -- cursor and scrolling -------------------------------------------------------------------
    def set_current(self, edit: int | None, *, scroll: bool = True) -> None:
        self.current_edit = edit
        self.refresh()
        if scroll and edit is not None:
            first_row = self.view_layout.first_row
            if edit in first_row:
                self.scroll_to_row(first_row[edit])

    def scroll_to_text(self, edit: int, side: str, start: int, end: int, *,
                       covered: int = 0) -> None:
        """Bring on screen, where they are not, the rows that show the characters from `start`
        to `end` of the edit's text on `side` ("old" or "new"), scrolling to the first: in a
        sentence longer than the screen they may be below the edit's first row. Rows among the
        screen's last `covered` (a notice over them) are scrolled up above them, past the last
        row of the diff if need be (`_rows_past_the_end`)."""
        self.finish_layout()
        if self._builder is None:
            return
        first, last = (self._builder.row_showing(edit, side, offset) for offset in (start, end - 1))
        if first is None:
            return
        last = first if last is None else last
        height = max(1, self.scrollable_content_region.height)
        if not (0 <= first - self.top_row and last - self.top_row < height):
            self.scroll_to_row(first)
        uncovered = height - covered
        if 0 < uncovered < height and last - self.top_row >= uncovered:
            top = min(first, last - uncovered + 1)
            self._rows_past_the_end = max(0, top + height - len(self._builder.layout.rows))
            self._fit_virtual_size()
            self.scroll_to(y=top, animate=False, immediate=True)

    def scroll_to_row(self, row: int) -> None:
        """Bring `row` on screen a few rows below the top, so the lines before it stay in view."""
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=max(0, row - min(3, height // 4)), animate=False, immediate=True)

    @property
    def top_row(self) -> int:
        return round(self.scroll_offset.y)

    def visible_rows(self) -> list[ViewRow]:
        height = self.scrollable_content_region.height
        return self.view_layout.rows[self.top_row:self.top_row + height]

    def visible_text(self) -> list[str]:
        """What the view shows, one string per screen line (used by tests and the benchmark)."""
        return [row.text.rstrip() for row in self.visible_rows()]

    # -- drawing --------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.top_row + y
        width = self.scrollable_content_region.width
        if self._builder is None:
            return Strip.blank(width, self.rich_style)
        rows = self._builder.layout.rows
        if index >= len(rows) and not self._builder.done:
            self._builder.extend(rows=index + max(1, self.scrollable_content_region.height))
        if index >= len(rows):
            return Strip.blank(width, self.rich_style)
        row = rows[index]
        is_current = row.edit is not None and row.edit == self.current_edit
        key = (index, is_current)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._draw(row, is_current, width)
            self._strips[key] = strip
        return strip

    def _combined_styles(self) -> dict[str, Style]:
        base = self.rich_style
        if base != self._styles_base:
            self._styles = {name: base + style for name, style in self._row_styles.items()}
            self._styles["cursor"] = base + CURSOR_STYLE
            self._styles_base = base
        return self._styles

    def _draw(self, row: ViewRow, is_current: bool, width: int) -> Strip:
        styles = self._combined_styles()
        plain = styles["plain"]
        segments = [Segment(CURSOR_MARK if is_current else " ", styles["cursor"])]
        segments += [Segment(text, styles.get(name, plain)) for text, name in row.spans]
        return Strip(segments).crop_extend(0, width, plain)
