"""The dialogs' lists of lines to pick from (the articles, the search's hits): Textual's
`OptionList`, its highlighted line kept in sight whatever rows the list is given."""

from __future__ import annotations

from textual.widgets import OptionList


class CursorList(OptionList):
    """An `OptionList` that scrolls back to its highlighted line when it is resized: Textual's kept
    its scroll, so in a lower terminal that line went below the list's foot, out of sight."""

    def on_resize(self) -> None:
        self.scroll_to_highlight()
