"""The diff itself: a scrolling view that draws only the rows on screen (Textual's Line API)."""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from revdiff.tui.layout import Layout, ViewRow
from revdiff.tui.styles import CURSOR_MARK, CURSOR_STYLE, ROW_STYLES

LayoutBuilder = Callable[[int], Layout]


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

    def __init__(self, build_layout: LayoutBuilder, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._build_layout = build_layout
        self._layout = Layout(rows=[])
        self._built_width = -1
        self.current_edit: int | None = None
        self._strips: LRUCache[tuple[int, bool], Strip] = LRUCache(2048)
        self._styles: dict[str, Style] = {}  # row styles combined with the widget's own style
        self._styles_base: Style | None = None

    # -- layout ---------------------------------------------------------------------------------
    @property
    def layout_width(self) -> int:
        """Cells available to a row, after the scrollbar and the cursor column."""
        return max(20, self.scrollable_content_region.width - 1)

    @property
    def view_layout(self) -> Layout:
        return self._layout

    def rebuild(self) -> None:
        """Lay the rows out again (after the comparison, the filters or the mode changed)."""
        width = self.layout_width
        self._layout = self._build_layout(width)
        self._built_width = width
        self._strips.clear()
        self.virtual_size = Size(width + 1, len(self._layout.rows))
        self.refresh()
        self.post_message(self.LayoutChanged())

    def on_resize(self) -> None:
        if self.layout_width != self._built_width:
            self.rebuild()

    # -- cursor and scrolling -------------------------------------------------------------------
    def set_current(self, edit: int | None, *, scroll: bool = True) -> None:
        self.current_edit = edit
        self.refresh()
        if scroll and edit is not None and edit in self._layout.first_row:
            self.scroll_to_row(self._layout.first_row[edit])

    def scroll_to_row(self, row: int) -> None:
        """Bring `row` on screen a few rows below the top, so the lines before it stay in view."""
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=max(0, row - min(3, height // 4)), animate=False, immediate=True)

    @property
    def top_row(self) -> int:
        return round(self.scroll_offset.y)

    def visible_rows(self) -> list[ViewRow]:
        height = self.scrollable_content_region.height
        return self._layout.rows[self.top_row:self.top_row + height]

    def visible_text(self) -> list[str]:
        """What the view shows, one string per screen line (used by tests and the benchmark)."""
        return [row.text.rstrip() for row in self.visible_rows()]

    # -- drawing --------------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = self.top_row + y
        width = self.scrollable_content_region.width
        rows = self._layout.rows
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
            self._styles = {name: base + style for name, style in ROW_STYLES.items()}
            self._styles["cursor"] = base + CURSOR_STYLE
            self._styles_base = base
        return self._styles

    def _draw(self, row: ViewRow, is_current: bool, width: int) -> Strip:
        styles = self._combined_styles()
        plain = styles["plain"]
        segments = [Segment(CURSOR_MARK if is_current else " ", styles["cursor"])]
        segments += [Segment(text, styles.get(name, plain)) for text, name in row.spans]
        return Strip(segments).crop_extend(0, width, plain)
