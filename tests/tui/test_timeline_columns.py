"""The timeline's columns at a width: what a narrow one leaves out, and in which order."""

from __future__ import annotations

from revdiff.tui.session import PairSummary
from revdiff.tui.timeline_columns import (
    MIN_TITLE_CELLS,
    TimelineColumns,
    TimelineRow,
    column_headers,
    fit_columns,
    row_cells,
)

TITLES = ("Rockets hit base housing US troops in Iraq: Iranian TV",
          "Iran fires missiles at US troops in Iraq",
          "Avenging general's killing, Iran strikes at US troops in Iraq")
ROWS = [TimelineRow(f"v{index}", "about 1 hour later" if index else "", 49 + 60 * index, title,
                    PairSummary(index - 1, index, 6, 73, 17, 0.58, index == 2) if index else None)
        for index, title in enumerate(TITLES)]


def parts_shown(columns: TimelineColumns) -> tuple[bool, ...]:
    return columns.change_counts, columns.words, columns.change_bar, columns.time


def test_a_wide_timeline_shows_every_column_and_whole_titles() -> None:
    columns = fit_columns(ROWS, 200)
    assert parts_shown(columns) == (True, True, True, True)
    assert [str(row_cells(row, columns)[-1]) for row in ROWS] == list(TITLES)
    # counted as the status line counts them (`6 changes · n for the next`): the edits table
    # has a row for each unchanged sentence too
    assert "+73 -17  6 changes  boring" in str(row_cells(ROWS[2], columns)[3])


def test_a_narrowing_timeline_leaves_out_counts_words_bar_then_time_and_keeps_the_title() -> None:
    seen: list[tuple[bool, ...]] = []
    for width in range(140, 30, -1):
        columns = fit_columns(ROWS, width)
        if parts_shown(columns) not in seen:
            seen.append(parts_shown(columns))
        assert columns.title_cells is not None
        if parts_shown(columns) != (False, False, False, False):
            assert columns.title_cells >= MIN_TITLE_CELLS, width
    assert seen == [(True, True, True, True), (False, True, True, True), (False, False, True, True),
                    (False, False, False, True), (False, False, False, False)]
    narrowest = fit_columns(ROWS, 58)  # a 60-column terminal, inside the dialog's border
    assert [key for key, _ in column_headers(narrowest)] == ["version", "change", "title"]
    assert [str(cell) for cell in row_cells(ROWS[1], narrowest)] == [
        "v1", " 58%", "Iran fires missiles at US troops in Ir…"]


def test_versions_without_a_time_have_no_time_column() -> None:
    untimed = [TimelineRow(row.version, "", row.words, row.title, row.change) for row in ROWS]
    assert "time" not in [key for key, _ in column_headers(fit_columns(untimed, 200))]


def test_a_short_title_leaves_the_other_columns_in_place() -> None:
    short = [TimelineRow(row.version, row.time, row.words, "Iran", row.change) for row in ROWS]
    assert parts_shown(fit_columns(short, 90)) == (True, True, True, True)
    assert parts_shown(fit_columns(ROWS, 90)) == (False, True, True, True)


def test_the_counts_after_the_share_line_up_whatever_their_digits() -> None:
    counts = [(58, 2, 5), (119, 5, 8), (81, 18, 5)]
    rows = [TimelineRow(f"v{index + 1}", "", 100, "Iran",
                        PairSummary(index, index + 1, changes, added, removed, 0.2, False))
            for index, (added, removed, changes) in enumerate(counts)]
    columns = fit_columns(rows, 200)
    cells = [str(row_cells(row, columns)[-2]) for row in rows]
    assert [cell.index("-") for cell in cells] == [cells[0].index("-")] * 3
    assert [cell.index("changes") for cell in cells] == [cells[0].index("changes")] * 3
    assert cells[1].endswith("+119 -5   8 changes")
