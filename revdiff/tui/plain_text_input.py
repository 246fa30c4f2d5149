"""The app's text fields (the search phrase, the article list's filter, the export's file
name): Textual's `Input`, holding no control character whatever is pasted into it, and keeping
its cursor in sight."""

from __future__ import annotations

from rich.cells import cell_len
from textual.events import Resize
from textual.geometry import Region
from textual.widgets import Input

from revdiff.terminal_text import field_text


class PlainTextInput(Input):
    """An `Input` that leaves the control characters out of what is pasted or typed into it (a tab
    becomes a space): Textual's draws them as they are, and the terminal obeys an escape sequence
    drawn. Every edit goes through `replace`.

    Its text scrolls to the cursor whenever its width changes: Textual's scrolls only when the
    cursor moves, so a value wider than the field (the export's file name in a narrow terminal)
    opened on its start, the cursor and the file's name past the right edge."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(field_text(text), start, end)

    def on_resize(self, event: Resize) -> None:
        cursor = cell_len(self.value[:self.cursor_position])  # the cell the cursor stands on
        self.scroll_to_region(Region(cursor, 0, width=1, height=1), force=True, animate=False)
