"""The statistics panel: counts per label for the pair on screen and a chart of change across the
chain of versions. Toggled with `i`."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


class StatsPanel(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    StatsPanel {
        width: 34;
        dock: right;
        border-left: tall $accent;
        padding: 0 1;
        display: none;
    }
    StatsPanel.shown { display: block; }
    StatsPanel Static { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="stats-body")

    def show_lines(self, pair_lines: list[str], chain_lines: list[str]) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("Statistics\n", style="bold underline")
        text.append("\n".join(pair_lines))
        if chain_lines:
            text.append("\n\n")
            text.append(chain_lines[0] + "\n", style="bold")
            text.append(chain_lines[1] + "\n", style="#87afff")
            text.append("\n".join(chain_lines[2:]))
        self.query_one("#stats-body", Static).update(text)

    @property
    def shown(self) -> bool:
        return self.has_class("shown")
