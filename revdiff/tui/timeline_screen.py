"""The version timeline: every version with its time, size and how much changed since the one
before; pick any pair to compare, consecutive or not."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from revdiff.engine.words import version_words
from revdiff.model import Version
from revdiff.terminal_text import visible
from revdiff.tui.dialog import Dialog
from revdiff.tui.pair_header import version_time
from revdiff.tui.session import PairSummary
from revdiff.tui.stats_text import bar
from revdiff.tui.wrapping import shorten

TIME_CELLS = 16
TITLE_CELLS = 60
HINT = "Enter: compare with the previous version · m: mark as old side, Enter on another: compare · Esc"


class TimelineScreen(Dialog[tuple[int, int] | None]):
    """Dismisses with the chosen pair of version indices, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,t", "dismiss", "Close"),
        Binding("m", "mark", "Mark old side"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        # priority: the table itself binds Home and End to scrolling sideways
        Binding("g,home", "cursor_to(0)", "First version", show=False, priority=True),
        Binding("G,end", "cursor_to(-1)", "Last version", show=False, priority=True),
    ]
    DEFAULT_CSS = """
    TimelineScreen { align: center middle; }
    TimelineScreen > Vertical {
        width: 100%;
        max-width: 120;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
    }
    TimelineScreen DataTable { height: auto; max-height: 30; }
    TimelineScreen #timeline-hint { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, versions: tuple[Version, ...], summaries: list[PairSummary],
                 current: tuple[int, int]) -> None:
        super().__init__()
        self.versions = versions
        self.summaries = summaries
        self.current = current
        self.marked: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Version timeline", style="bold"), id="timeline-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="timeline-table")
            yield Static(HINT, id="timeline-hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(" ", key="mark")
        table.add_column("ver", key="version")
        table.add_column("time", key="time")
        table.add_column("words", key="words")
        table.add_column("changed since previous", key="change")
        table.add_column("title", key="title")
        for index, version in enumerate(self.versions):
            # Text, not strings: a table reads a string as markup, and a title is no markup.
            table.add_row(self._mark(index), f"v{version.number}",
                          Text(shorten(visible(version_time(version)), TIME_CELLS)),
                          str(version_words(version)), self._change(index),
                          Text(shorten(visible(version.title or ""), TITLE_CELLS)), key=str(index))
        table.move_cursor(row=self.current[1], animate=False)
        table.focus()

    def _mark(self, index: int) -> Text:
        if index == self.marked:
            return Text("◆", style="bold #ffd75f")
        if index in self.current:
            return Text("●" if index == self.current[1] else "○", style="bold")
        return Text(" ")

    def _change(self, index: int) -> Text:
        if index == 0:
            return Text("first version", style="dim")
        summary = self.summaries[index - 1]
        text = Text(bar(summary.changed_share, 10), style="#87afff")
        text.append(f" {summary.changed_share:>4.0%}  +{summary.words_added} -{summary.words_removed}"
                    f"  {summary.changes} edits")
        if summary.boring:
            text.append("  boring", style="dim")
        return text

    def _refresh_marks(self) -> None:
        table = self.query_one(DataTable)
        for index in range(len(self.versions)):
            table.update_cell(str(index), "mark", self._mark(index))

    def action_mark(self) -> None:
        row = self.query_one(DataTable).cursor_row
        self.marked = None if self.marked == row else row
        self._refresh_marks()

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=max(0, min(len(self.versions) - 1, table.cursor_row + step)),
                          animate=False)

    def action_cursor_to(self, row: int) -> None:
        """Move to a row; -1 is the last."""
        self.query_one(DataTable).move_cursor(row=row % len(self.versions), animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        chosen = event.cursor_row
        if self.marked is not None and self.marked != chosen:
            self.dismiss((min(self.marked, chosen), max(self.marked, chosen)))
        elif chosen == 0:
            self.dismiss((0, 1))
        else:
            self.dismiss((chosen - 1, chosen))
