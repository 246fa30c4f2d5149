"""The version timeline: every version with its time, size and how much changed since the one
before; pick any pair to compare, consecutive or not."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from revdiff.export.version_times import version_time
from revdiff.model import Version
from revdiff.terminal_text import visible
from revdiff.tui.dialog import Dialog
from revdiff.tui.keys import key_shown
from revdiff.tui.session import PairSummary
from revdiff.tui.timeline_columns import (
    TimelineColumns,
    TimelineRow,
    column_headers,
    fit_columns,
    row_cells,
)
from revdiff.tui.wrapping import wrap_ranges

TABLE_HEIGHT = 30  # the table's most rows, its header's included; it scrolls through the others
# The hints end in the keys that close the timeline (`closing_keys_shown`): `Esc, q or t closes`.
HINT = ("Enter: compare with the previous version (the first with the next) · m: mark a version, "
        "Enter on another: compare the two, the older first · marks: ◆ marked, ○ ● the pair on "
        "screen, old and new · {closing} closes")
# HINT in fewer words, for a dialog where HINT would leave the table fewer than TABLE_LEAST_ROWS
# rows: at 44x12 HINT took 6 of the dialog's 10 rows, and the table showed 2 versions. It takes 3
# rows there, with `Esc, q or t closes`; where the keys that close it would add a row (`ctrl+t`),
# it names Esc alone.
SHORT_HINT = ("Enter: compare with the previous · m: mark, Enter on another: compare them · "
              "◆ marked, ○ ● shown · {closing} closes")
TABLE_LEAST_ROWS = 6  # its header and 5 versions


class TimelineTable(DataTable[Text]):
    """The versions, one a row, in the columns that fit the table's width (`fit_columns`); a new
    width lays them out again, the cursor kept, and on any new size the cursor's row stays in
    sight (in a lower terminal it went below the table's foot)."""

    def __init__(self, timeline_rows: list[TimelineRow], mark: Callable[[int], Text],
                 cursor_row: int, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=id)
        self.timeline_rows = timeline_rows
        self.mark = mark  # a row's index -> its mark
        self.first_cursor_row = cursor_row
        self.columns_shown: TimelineColumns | None = None  # None until the first width is known

    def on_resize(self, event: events.Resize) -> None:
        rows_overflow = self.virtual_size.height > event.size.height  # the event's is the size's
        scrollbar = self.styles.scrollbar_size_vertical if rows_overflow else 0
        self.fit_to(event.size.width - scrollbar)
        self.move_cursor(row=self.cursor_row, animate=False)

    def fit_to(self, width: int) -> None:
        columns = fit_columns(self.timeline_rows, width)
        if columns == self.columns_shown:
            return
        cursor_row = self.first_cursor_row if self.columns_shown is None else self.cursor_row
        self.columns_shown = columns
        self.clear(columns=True)
        self.add_column(" ", key="mark")
        for key, header in column_headers(columns):
            self.add_column(header, key=key)
        for index, row in enumerate(self.timeline_rows):
            self.add_row(self.mark(index), *row_cells(row, columns), key=str(index))
        self.move_cursor(row=cursor_row, animate=False)


class TimelineScreen(Dialog[tuple[int, int] | None]):
    """Dismisses with the chosen pair of version indices, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close"),
        Binding("m", "mark", "Mark a version"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("g", "cursor_to(0)", "First version", show=False),
        Binding("G", "cursor_to(-1)", "Last version", show=False),
        # priority: the table itself binds Home and End to scrolling sideways
        Binding("home", "cursor_to(0)", "First version", show=False, priority=True),
        Binding("end", "cursor_to(-1)", "Last version", show=False, priority=True),
    ]
    SPARE_KEYS = frozenset({"j", "k", "g", "G"})
    DEFAULT_CSS = """
    TimelineScreen { align: center middle; }
    TimelineScreen > Vertical {
        width: 100%;
        max-width: 140;  /* the title's 60 cells beside every other column */
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
    }
    /* at most TABLE_HEIGHT rows, or those the terminal leaves (`_fit`) */
    TimelineScreen DataTable { height: auto; max-height: 30; }
    TimelineScreen #timeline-title { padding: 0 1; }  /* where the hint and the table's marks start */
    TimelineScreen #timeline-hint { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, versions: tuple[Version, ...], words: list[int],
                 summaries: list[PairSummary], current: tuple[int, int]) -> None:
        super().__init__()
        self.versions = versions
        self.words = words  # of each version
        self.summaries = summaries
        self.current = current
        self.marked: int | None = None

    def compose(self) -> ComposeResult:
        rows = [TimelineRow(f"v{version.number}",
                            visible(version_time(version, self.versions[index - 1] if index else None)),
                            self.words[index], visible(version.title or "(untitled)"),
                            self.summaries[index - 1] if index else None)
                for index, version in enumerate(self.versions)]
        with Vertical():
            yield Static(Text("Version timeline", style="bold"), id="timeline-title")
            yield TimelineTable(rows, self._mark, cursor_row=self.current[1], id="timeline-table")
            # text, not markup: the keys it names may be brackets (`Esc, q, [ or ] closes`)
            yield Static(self._hint(HINT), id="timeline-hint", markup=False)

    @classmethod
    def closed_by(cls, key: str) -> bool:
        """Whether `key`, one of those that opened the timeline, closes it (`Dialog.on_key`): a
        key the timeline or its table answers otherwise does that instead (given `timeline =
        "enter"`, Enter compares), but for a spare one."""
        answered = {name for widget in (cls, TimelineTable) for owner in widget.__mro__
                    for name in BindingsMap(owner.__dict__.get("BINDINGS", [])).key_to_bindings}
        return key in cls.SPARE_KEYS or key not in answered

    @classmethod
    def closing_keys_shown(cls, opening: tuple[str, ...]) -> list[str]:
        """The keys that close the timeline, as shown: Esc, q and those of `opening`, the keys
        that opened it, that close it (`closed_by`)."""
        bound = ["escape", "q"]
        return [key_shown(key) for key in
                [*bound, *(key for key in opening if key not in bound and cls.closed_by(key))]]

    def _hint(self, text: str, *, esc_only: bool = False) -> str:
        """HINT or SHORT_HINT, ending in the keys that close the timeline: `Esc, q or t`, or
        given `esc_only`, `Esc`."""
        if esc_only:
            return text.format(closing=key_shown("escape"))
        *first, last = self.closing_keys_shown(self.closing_keys)
        return text.format(closing=f"{', '.join(first)} or {last}")

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)  # once the hint has its new width

    def _fit(self) -> None:
        """Keep the table and the hint under it on the screen: 30 rows high in a terminal of 12,
        the table ran past the dialog's foot, the hint and the rows the cursor went down to out
        of sight. The hint is HINT, or SHORT_HINT where HINT would leave the table fewer than
        TABLE_LEAST_ROWS rows, naming Esc alone where the closing keys would take a row more
        (`Esc, q or ctrl+t closes` made it 4 rows at 44x12); its rows are counted as
        `wrap_ranges` wraps it, as Textual does."""
        dialog = self.query_one(Vertical)
        hint = self.query_one("#timeline-hint", Static)
        rows = (self.size.height - dialog.styles.gutter.height
                - self.query_one("#timeline-title").outer_size.height)

        def hint_rows(text: str) -> int:
            return len(wrap_ranges(text, hint.size.width)) + hint.styles.gutter.height

        long_hint = self._hint(HINT)
        if rows - hint_rows(long_hint) >= TABLE_LEAST_ROWS:
            hint_text = long_hint
        else:
            hint_text, esc_only = self._hint(SHORT_HINT), self._hint(SHORT_HINT, esc_only=True)
            if hint_rows(hint_text) > hint_rows(esc_only):
                hint_text = esc_only
        hint.update(hint_text)
        self.query_one(DataTable).styles.max_height = min(TABLE_HEIGHT, rows - hint_rows(hint_text))

    def _mark(self, index: int) -> Text:
        """The row's mark, as the hint explains them: ◆ the marked version, ○ and ● the old and
        new versions of the pair on screen."""
        if index == self.marked:
            return Text("◆", style="bold #ffd75f")
        if index in self.current:
            return Text("●" if index == self.current[1] else "○", style="bold")
        return Text(" ")

    def action_mark(self) -> None:
        """Mark the cursor's row (or unmark it), redrawing only the rows whose mark changed: each
        press updated every row's cell, as many updates as versions."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        changed = {row} if self.marked is None else {row, self.marked}
        self.marked = None if self.marked == row else row
        for index in sorted(changed):
            table.update_cell(str(index), "mark", self._mark(index))

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
