"""A News Sniffer diff page copied from the browser, which keeps the table's cells apart: a tab
between the old and the new cell of each row. Both versions are read from it exactly."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import NoReturn

from revdiff.errors import MalformedPage
from revdiff.formats.fields import leap_second_warning, parse_iso_time, shown
from revdiff.formats.sniffer_header_checks import (
    refuse_a_second_header,
    warn_of_a_contradicting_time_row,
)
from revdiff.formats.sniffer_shown_times import SHOWN_TIME, iso_time_of
from revdiff.formats.sniffer_text_lines import PAGINATION, SITE_FOOTER, TIME_LINE
from revdiff.formats.text_input import collapse_whitespace
from revdiff.read_warnings import counted
from revdiff.splitter.page import PageHeader


def read_cells(header: PageHeader, lines: list[str], versions_at: int) -> PageHeader:
    """The rest of a page copied from the browser, whose lines hold the table's cells apart: a
    tab between the old and the new cell of each row, an empty cell where a row is one-sided.
    Its title row, time row and body rows are read exactly; `body` holds the rows glued as the
    flattener glues them (a match row X+X, a change row OLD NEW, a one-sided row its cell)."""
    name = header.name
    rows = [(number, _copied_line(line)) for number, line in enumerate(lines[versions_at + 1:],
                                                                       versions_at + 2)]
    rows = [(number, line) for number, line in rows
            if line.strip() or any(_cell_text(cell) for cell in _two_cells(line))]
    rows = _old_rows_with_their_tab(header, rows, lines[:versions_at])
    # the table ends at the first line that is no row of two cells: what follows it (the
    # pagination, the site's footer) is no part of it, unless rows follow again where no
    # pagination ended the table (a cell broken over two lines)
    end = next((i for i, (_, line) in enumerate(rows) if len(_two_cells(line)) != 2), len(rows))
    for number, line in rows[end:]:
        # a second page saved into the same file (its article info or version row), which the
        # pagination or a line repeated from the header would otherwise end the table before
        refuse_a_second_header(line.strip(), name, number)
    header_lines = lines[:versions_at]
    paginated = end < len(rows) and _is_pagination(rows[end][1], header_lines)
    if not paginated and any("\t" in line for _, line in rows[end + 1:]):
        _refuse_a_damaged_row(rows[end], name)
    if rows and not paginated and any(PAGINATION.match(line.strip(" \xa0"))
                                      for line in header_lines):
        # the pagination above the table is shown after it too: a copy that lost it lost the
        # rows before it, or the end of its last row; one that keeps it after a line that ends
        # the table lost nothing, and no cut adds a tab, so such a line is a damaged row
        if end < len(rows) and (len(_two_cells(rows[end][1])) > 2 or any(
                _is_pagination(line, header_lines) for _, line in rows[end + 1:])):
            _refuse_a_damaged_row(rows[end], name)
        raise MalformedPage("the copy looks cut short: the table is not followed by the pagination "
                            "News Sniffer shows above and after it", name,
                            rows[end][0] if end < len(rows) else rows[-1][0],
                            hint="copy the whole page again, or save it as HTML")
    cells: list[tuple[int, str, str]] = []
    for number, line in rows[:end]:
        old, new = (_cell_text(cell) for cell in _two_cells(line))
        cells.append((number, old, new))
    if cells and SHOWN_TIME.search(cells[0][1]) is None and not TIME_LINE.search(cells[0][2]):
        header.title_line_number = cells[0][0]
        header.titles = (cells[0][1], cells[0][2])
        header.title_line = f"{cells[0][1]} {cells[0][2]}"
        cells = cells[1:]
    else:
        header.warnings.append(f"{name}:{versions_at + 2}: the title row is missing; titles left empty")
    time_row_read = bool(cells and (SHOWN_TIME.search(cells[0][1]) or TIME_LINE.search(cells[0][2])))
    if time_row_read:
        old_time, new_time = (_shown_time(cell, f"the {side} version's time", name, cells[0][0],
                                          header.warnings)
                              for side, cell in zip(("old", "new"), cells[0][1:]))
        header.times = (old_time, new_time)
        relative = TIME_LINE.search(cells[0][2])
        header.time_text = relative["distance"] if relative else None
        warn_of_a_contradicting_time_row(header, cells[0][0])
        cells = cells[1:]
    elif cells:
        header.warnings.append(f"{name}:{cells[0][0]}: the time row is missing; check that the "
                               "row before it holds the titles")
    if not cells and not time_row_read:  # cut short in its header
        raise MalformedPage("the page ends before its first body row", name, len(lines),
                            hint="the page is cut short; copy it again")
    _refuse_rows_out_of_layout(cells, name, runs_to_the_end=end == len(rows))
    header.cells = [(old, new) for _, old, new in cells]
    header.body = [(number, _glued(old, new)) for number, old, new in cells]
    return header


def _old_rows_with_their_tab(header: PageHeader, rows: list[tuple[int, str]],
                             header_lines: list[str]) -> list[tuple[int, str]]:
    """The rows of a copy whose line ends were trimmed (by an editor, or `sed 's/\\s*$//'`),
    each row of the old version alone given back the tab its empty new cell left at the line's
    end. Such rows are told from a cell broken over two lines by where they stand: rows of one
    side come after a gap's change rows, so a run of old rows ends at a match row (two equal
    cells) or where the table ends. Rows as they are when any row kept a tab at its end."""
    if any(line.endswith("\t") for _, line in rows):
        return rows
    restored = list(rows)
    first = len(rows)
    start = 0
    while start < len(rows):
        end = start
        while (end < len(rows) and len(_two_cells(rows[end][1])) == 1
               and not _ends_the_table(rows[end][1], header_lines)):
            end += 1
        if start < end and start > 0 and (end == len(rows)
                                          or _ends_the_table(rows[end][1], header_lines)
                                          or _is_match_row(rows[end][1])
                                          or _is_new_only_row(rows[end][1])):
            restored[start:end] = [(number, f"{line}\t") for number, line in rows[start:end]]
            first = min(first, start)
        start = end + 1
    if first < len(rows):
        trimmed = sum(a != b for a, b in zip(rows, restored, strict=True))
        read_as, them = ("an old-only row", "it") if trimmed == 1 else ("old-only rows", "them")
        header.warnings.append(
            f"{header.name}:{rows[first][0]}: {counted(trimmed, 'row')} without a tab read as "
            f"{read_as} (the tab of an empty new cell was trimmed from the line's end); "
            f"check {them}")
    return restored


def _one_side(old: str, new: str) -> str | None:
    """Which version alone a copied row shows ("old", "new"), None for a row of both."""
    return "old" if not new else "new" if not old else None


def _refuse_rows_out_of_layout(cells: list[tuple[int, str, str]], name: str,
                              runs_to_the_end: bool) -> None:
    """Refuse a copied page whose rows News Sniffer never lays out: between two match rows it
    writes the changed rows first, then rows of one version alone, all of the same version, so
    such a row is followed by another of its version, a match row or the table's end. A page
    changed after it was copied (rows moved, a row added) fits no reading of its versions; one
    whose text ends in its last row (`runs_to_the_end`) was cut short in that row."""
    for (_, old, new), (number, next_old, next_new) in pairwise(cells):
        side, next_side = _one_side(old, new), _one_side(next_old, next_new)
        if side is None or next_side == side or next_old == next_new:
            continue
        if runs_to_the_end and number == cells[-1][0]:
            raise MalformedPage("the page looks cut short in its last row, which does not fit the "
                                f"row of the {side} version alone before it", name, number,
                                hint="copy the whole page again")
        row = f"a row of the {next_side} version alone" if next_side else "a changed row"
        raise MalformedPage(f"{row} follows one of the {side} version alone, which News Sniffer "
                            "never lays out: between unchanged rows it puts the changed rows "
                            "first, then rows of one version alone", name, number,
                            hint="the rows were changed after the page was copied; copy it "
                                 "again from News Sniffer, or save it as HTML")


def _ends_the_table(line: str, header_lines: list[str]) -> bool:
    """Whether a copied line is the pagination or the site's footer after the table."""
    return _is_pagination(line, header_lines) or SITE_FOOTER.fullmatch(line) is not None


def _is_match_row(line: str) -> bool:
    """Whether a copied row's two cells hold the same paragraph."""
    cells = _two_cells(line)
    return len(cells) == 2 and _cell_text(cells[0]) == _cell_text(cells[1])


def _is_new_only_row(line: str) -> bool:
    """Whether a copied row shows the new version alone (its old cell empty). A trimmed row
    before it is read as an old-only row, for `_refuse_rows_out_of_layout` to say that News
    Sniffer lays out no such pair, rather than as a row of one cell."""
    cells = _two_cells(line)
    return len(cells) == 2 and not _cell_text(cells[0]) and bool(_cell_text(cells[1]))


def _refuse_a_damaged_row(row: tuple[int, str], name: str) -> NoReturn:
    """Refuse a copy at a row (line number, line) of other than two cells."""
    number, line = row
    raise MalformedPage(f"row holds {counted(len(_two_cells(line)), 'cell')}, where each row of a page "
                        "copied from its table holds two, apart by a tab", name, number,
                        hint="copy the whole page again, or save it as HTML")


def _is_pagination(line: str, header_lines: list[str]) -> bool:
    """Whether a line after the table is the page's pagination (`Previous version 0 1 Next
    version`), which News Sniffer shows above the table too."""
    return (PAGINATION.match(line) is not None
            or any(line == above.strip(" \xa0") for above in header_lines))


def _copied_line(line: str) -> str:
    """A copied line less the spaces at its ends: a row of the table's cells (a line holding a
    tab) keeps its no-break spaces for `_cell_text`, as a cell may hold nothing else; any other
    line (the pagination, the site's footer) loses those at its ends too."""
    return line.strip(" ") if "\t" in line else line.strip(" \xa0")


def _cell_text(cell: str) -> str:
    """A copied cell's paragraph: ASCII white space collapsed and trimmed, as News Sniffer
    stores a paragraph. A no-break space is text, at the cell's edges too, as the HTML page's
    and its flattened text's readers read it: a paragraph ending in one, and a cell of nothing
    but one (the absent side of a one-sided row is an empty `<td></td>`). A copy whose browser
    made them spaces loses those at the edges, as nothing tells them from the cell's padding
    then."""
    return collapse_whitespace(cell)


def _two_cells(line: str) -> list[str]:
    """A copied line's cells, less empty ones a browser puts after the last (`old<TAB>new<TAB>`)."""
    cells = line.split("\t")
    while len(cells) > 2 and not cells[-1].strip():
        cells.pop()
    return cells


def _shown_time(cell: str, what: str, name: str, line: int, warnings: list[str]
                ) -> datetime | None:
    """The time a time cell shows (`2020-01-07 23:10:00 UTC`, `2020-01-08 00:10:00 +0100`), None
    when it shows none; one at a leap second (`23:59:60`) is read at second 59, and one that is
    no time (`2020-13-07`, `+2500`) left out, each warned of in `warnings` as `what`."""
    found = SHOWN_TIME.search(cell)
    if found is None:
        return None
    try:
        time = parse_iso_time(iso_time_of(found), "time", name, line)
    except MalformedPage:
        warnings.append(f"{name}:{line}: {what} {shown(found[0])} is not a time: its offset puts "
                        "it outside the years 1 to 9999 in UTC; left out")
        return None
    if time is None:
        warnings.append(f"{name}:{line}: {what} {shown(found[0])} is not a time; left out")
        return None
    leap_second = leap_second_warning(found[0], what)
    if leap_second is not None:
        warnings.append(f"{name}:{line}: {leap_second}")
    return time


def _glued(old: str, new: str) -> str:
    """A row's cells glued as the flattener glues them."""
    if old and new:
        return old + new if old == new else f"{old} {new}"
    return old or new
