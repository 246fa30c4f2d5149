"""A News Sniffer diff page whose table a Markdown writer (trafilatura's text output) laid out,
read as a browser copies the table: each row's two cells apart by a tab."""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage
from revdiff.read_warnings import counted

# The version row of a diff page whose table a Markdown writer laid out: `| Version 0 | Version
# 1 |`, each row `| OLD | NEW |`, a `|` in a cell written `\|`.
_MARKDOWN_VERSIONS = re.compile(r"^[ \t]*\|[ \t]*Version \d+[ \t]*\|[ \t]*Version \d+[ \t]*\|[ \t]*$",
                                re.MULTILINE)
_MARKDOWN_ROW = re.compile(r"\|(?P<cells>.*)\|")
_MARKDOWN_RULE = re.compile(r"\|(?:[ :]*-+[ :]*\|)+")
_MARKDOWN_CELL_EDGE = re.compile(r"(?<!\\)\|")


def from_markdown_table(text: str, name: str | None = None) -> str:
    """A page whose table is laid out in Markdown, its rows turned into rows of cells apart by a
    tab, as a browser copies the table (`read_cells`); any other text as it is. With the `name`
    of a page being read (not one only looked at, which may be cut anywhere), a row that opens
    with `|` but does not end in one, or holds other than two cells, is refused: it was cut
    short or damaged."""
    found = _MARKDOWN_VERSIONS.search(text[:20_000])
    if found is None:
        return text
    lines = text.split("\n")
    start = text.count("\n", 0, found.start())
    rows = []
    for number, line in enumerate(lines[start:], start + 1):
        stripped = line.strip()
        if _MARKDOWN_RULE.fullmatch(stripped):
            rows.append("")  # kept as a line, so that the rows keep their line numbers
            continue
        if (row := _MARKDOWN_ROW.fullmatch(stripped)) is None:
            if name is not None and stripped.startswith("|"):
                raise MalformedPage("row of the Markdown table does not end in '|': it is cut "
                                    "short", name, number,
                                    hint="save the page's text again, or give its HTML page")
            rows.append(line)
            continue
        cells = _MARKDOWN_CELL_EDGE.split(row["cells"])
        if name is not None and len(cells) != 2:
            raise MalformedPage(f"row of the Markdown table holds {counted(len(cells), 'cell')}, "
                                "where each of its rows holds two: it is cut short or damaged",
                                name, number, hint="save the page's text again, or give its HTML page")
        rows.append("\t".join(cell.replace("\\|", "|") for cell in cells))
    return "\n".join(lines[:start] + rows)
