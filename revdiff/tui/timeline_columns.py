"""The version timeline's columns, fitted to a width. No Textual import.

Too narrow for them all, the timeline leaves out the less telling parts first: the counts after
the change bar, then the words, then the bar (the share of text changed stays), then the time, so
that the title, which says what each version was, keeps at least `MIN_TITLE_CELLS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.text import Text

from revdiff.engine.rounded_shares import percent
from revdiff.read_warnings import counted
from revdiff.tui.session import PairSummary
from revdiff.tui.stats_text import bar
from revdiff.tui.wrapping import shorten

COLUMN_PADDING = 2  # the cells a table column adds to its widest cell, one on each side
MARK_CELLS = 1  # the column marking the pair shown and the version marked (`m`)
MIN_TITLE_CELLS = 20  # a title cut shorter says too little: the other columns give way first
TIME_CELLS = 25  # "2020-01-03 15:40:07+05:30", "about 12 hours later"
BAR_CELLS = 10


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One version as the timeline lists it; its time and title already made safe to show."""

    version: str  # "v3"
    time: str
    words: int
    title: str
    change: PairSummary | None  # since the version before; None for the first given


@dataclass(frozen=True, slots=True)
class TimelineColumns:
    """The parts of the timeline a narrow width can leave out (the mark, the version, the share
    changed and the title always show), and the cells the title may take."""

    change_counts: bool = True  # "+73 -17  6 changes  boring" after the share
    words: bool = True
    change_bar: bool = True
    time: bool = True
    title_cells: int | None = None  # None: the whole title
    added_cells: int = 0  # the widest "+73" of the rows, so that the counts after it line up
    removed_cells: int = 0  # the widest "-17"


# What a narrow timeline leaves out, the first first.
LEFT_OUT_FIRST = ("change_counts", "words", "change_bar", "time")


def column_headers(columns: TimelineColumns) -> list[tuple[str, str]]:
    """(key, header) of each column after the mark, as `row_cells` fills them."""
    headers = [("version", "ver")]
    if columns.time:
        headers.append(("time", "time"))
    if columns.words:
        headers.append(("words", "words"))
    headers.append(("change", "changed since previous" if columns.change_counts else "changed"))
    headers.append(("title", "title"))
    return headers


def row_cells(row: TimelineRow, columns: TimelineColumns) -> list[Text]:
    """The cells of one version after the mark. Text, not strings: a table reads a string as
    markup, and a title is no markup."""
    title = row.title if columns.title_cells is None else shorten(row.title, columns.title_cells)
    return [*_cells_before_title(row, columns), Text(title)]


def _cells_before_title(row: TimelineRow, columns: TimelineColumns) -> list[Text]:
    cells = [Text(row.version)]
    if columns.time:
        cells.append(Text(shorten(row.time, TIME_CELLS)))
    if columns.words:
        cells.append(Text(str(row.words)))
    cells.append(change_cell(row.change, columns))
    return cells


def change_cell(change: PairSummary | None, columns: TimelineColumns) -> Text:
    if change is None:
        # the first the inputs give, which may not be the story's first (diffengine's v1 is
        # whatever it saw first), so nothing says it is; narrow, a dash says there is nothing before
        return Text("first given" if columns.change_bar else "—", style="dim")
    text = Text()
    if columns.change_bar:
        text.append(bar(change.changed_share, BAR_CELLS) + " ", style="#87afff")
    text.append(f"{percent(change.changed_share):>4}")
    if columns.change_counts:
        text.append(f"  {f'+{change.words_added}':<{columns.added_cells}}"
                    f" {f'-{change.words_removed}':<{columns.removed_cells}}"
                    f"  {counted(change.changes, 'change')}")
        if change.boring:
            text.append("  boring", style="dim")
    return text


def fit_columns(rows: Sequence[TimelineRow], width: int) -> TimelineColumns:
    """The fullest columns that leave the title `MIN_TITLE_CELLS` of `width` (or all it needs, if
    less), else the fewest; the title gets what is left. Versions with no time (plain files) have
    no time column."""
    needed = min(MIN_TITLE_CELLS, max((cell_len(row.title) for row in rows), default=0))
    changes = [row.change for row in rows if row.change is not None]
    columns = TimelineColumns(
        time=any(row.time for row in rows),
        added_cells=max((len(f"+{change.words_added}") for change in changes), default=0),
        removed_cells=max((len(f"-{change.words_removed}") for change in changes), default=0))
    room = width - _cells_besides_title(rows, columns) - COLUMN_PADDING
    for part in LEFT_OUT_FIRST:
        if room >= needed:
            break
        columns = replace(columns, **{part: False})
        room = width - _cells_besides_title(rows, columns) - COLUMN_PADDING
    return replace(columns, title_cells=max(1, room))


def _cells_besides_title(rows: Sequence[TimelineRow], columns: TimelineColumns) -> int:
    """The cells every column but the title takes, its padding included."""
    headers = column_headers(columns)[:-1]
    cells = [_cells_before_title(row, columns) for row in rows]
    widths = [max([cell_len(header), *(row[index].cell_len for row in cells)])
              for index, (_, header) in enumerate(headers)]
    return MARK_CELLS + COLUMN_PADDING + sum(width + COLUMN_PADDING for width in widths)
