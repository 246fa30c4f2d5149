"""The line above the footer: where the cursor is and what the current edit is."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from revdiff.tui.pair_header import shortened


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $boost;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, where: str, detail: str = "", warning: str = "") -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(where, style="bold")
        if detail:
            line.append(f"  {detail}")
        if warning:
            line.append(f"  {warning}", style="bold #ffaf00")
        self.update(shortened(line, max(1, self.content_region.width or self.app.size.width - 2)),
                    layout=False)
