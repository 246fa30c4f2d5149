"""The app's text fields (the search phrase, the export's file name): Textual's `Input`, holding
no control character whatever is pasted into it."""

from __future__ import annotations

from textual.widgets import Input

from revdiff.terminal_text import field_text


class PlainTextInput(Input):
    """An `Input` that leaves the control characters out of what is pasted or typed into it (a tab
    becomes a space): Textual's draws them as they are, and the terminal obeys an escape sequence
    drawn. Every edit goes through `replace`."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(field_text(text), start, end)
