"""News Sniffer's diff table with spacer columns, as its commit 447c055 wrote it.

That layout (no earlier than 2016: its page loads jQuery 3.1.0) gives each version's column a
narrow spacer column before it, a cell of class `diff-row` in every row: the header rows are
`th.diff-row, th.version, th.diff-row, th.version` (title and time rows alike), a row of a
changed, deleted or added paragraph is `td.diff-row, td, td.diff-row, td` (the absent side an
empty cell). A paragraph both versions share is written without cells: the row holds the old
version's text followed at once by the new one's, the same paragraph twice.
"""

from __future__ import annotations

from bs4 import Tag

from revdiff.errors import MalformedPage
from revdiff.formats.fields import shown
from revdiff.read_warnings import counted

_SPACER = "diff-row"
_SAVE_AGAIN = "save the page again from News Sniffer, as the browser received it"


def has_spacer_columns(version_cell: Tag) -> bool:
    """Whether the header row that holds `version_cell` (a `th.version`) holds spacer cells."""
    row = version_cell.find_parent("tr")
    return row is not None and any(_is_spacer(cell) for cell in row_cells(row))


def version_cells_of(row: Tag, what: str, where: str) -> tuple[Tag, Tag]:
    """The two cells of `row` that hold the versions' text, `what` naming the row in an error
    (`the title row`, `body row 'p2'`): each after its spacer cell, four cells in all."""
    cells = row_cells(row)
    if len(cells) != 4 or not (_is_spacer(cells[0]) and _is_spacer(cells[2])) or any(
            _is_spacer(cell) for cell in (cells[1], cells[3])):
        spacers = sum(_is_spacer(cell) for cell in cells)
        raise MalformedPage(f"{what} has {counted(len(cells), 'cell')} ({spacers} of them spacers, "
                            "td.diff-row), where News Sniffer's layout with spacer columns writes "
                            "4: a spacer before each version's cell", where, row.sourceline,
                            hint=_SAVE_AGAIN)
    return cells[1], cells[3]


def shared_paragraph(row: Tag, text: str, what: str, where: str) -> str:
    """The paragraph a row without cells holds for both versions, `text` being the row's text as
    a browser shows it, white space collapsed (`sniffer_html._paragraph_text`: the words of an
    element in it too), `what` naming the row in an error: that text, written twice, once; none
    where the row is `hidden`. A row whose text is not one text written twice, or that holds
    none (a browser's view of the page saved, which moves such text out of the table), was
    changed after News Sniffer wrote it."""
    if not text:  # (a hidden row's text is none too: `_paragraph_text` shows none of it)
        if any(element.has_attr("hidden") for element in (row, *row.parents)):
            return ""
        raise MalformedPage(f"{what} holds neither cells nor text, where News Sniffer's layout "
                            "with spacer columns writes an unchanged paragraph twice (a browser "
                            "that saves a page as it shows it moves that text out of the table)",
                            where, row.sourceline, hint=_SAVE_AGAIN)
    paragraph = _written_twice(text)
    if paragraph is None:
        raise MalformedPage(f"{what} holds text without cells that is not one paragraph written "
                            f"twice, as News Sniffer writes an unchanged paragraph: "
                            f"{shown(text)}", where, row.sourceline, hint=_SAVE_AGAIN)
    return paragraph


def _written_twice(text: str) -> str | None:
    """The paragraph `text` writes twice, glued or with a space between (white space an editor or
    a re-indented save put around the copies); none when it is not one paragraph twice."""
    half = len(text) // 2
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        return text[:half]
    if len(text) % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:]:
        return text[:half]
    return None


def row_cells(row: Tag) -> list[Tag]:
    """A table row's cells, `td` and `th` (copies that bold a row), its children looked at
    directly: a search of them for each of a page's rows took a quarter of the time a page of
    many rows was read in."""
    return [child for child in row.children if isinstance(child, Tag)
            and child.name in ("td", "th")]


def _is_spacer(cell: Tag) -> bool:
    return _SPACER in cell.get_attribute_list("class")
