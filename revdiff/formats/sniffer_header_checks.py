"""Checks of a News Sniffer diff page's text that refuse a damaged header or one pasted together
from two pages (a second article-info line, a header row again, another page's header or a
version page in its rows, lines wrapped at a width), or warn of a time row that contradicts the
versions it tells of."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from revdiff.errors import MalformedPage
from revdiff.formats.fields import shown, time_row_contradiction
from revdiff.formats.sniffer_text_lines import (
    DAMAGED_VERSIONS_LINE,
    HEADER_LINES_MAX,
    SOURCE_LINE,
    URL_ALONE,
    VERSIONS_LINE,
    opens_as_info_line,
)
from revdiff.formats.sniffer_version_line import VERSION_OF_LINE
from revdiff.splitter.evidence import is_glued_match
from revdiff.splitter.page import PageHeader

# A page saved with its lines wrapped at a fixed width (`fold`, a text browser's dump, an editor)
# breaks the header's lines, which a flattened page keeps one to a paragraph with blank lines
# between, and ends its header and body lines alike just short of that width (a flattened
# page's rows are as long as its paragraphs). Seed 004, the sample pages and the 65 corpus pages
# wrapped at 72, 80, 100 or 120 columns are all refused so, 68 of the 70 at 150, none at 180
# (the header's lines are shorter than the rows by more than WRAPPED_NEAR). None of the 2,227
# pages of the benchmarks, as they are, is refused.
WRAPPED_MAX_WIDTH = 200
WRAPPED_NEAR = 15
WRAPPED_SHARE = 0.25


def warn_of_a_contradicting_time_row(header: PageHeader, line_number: int) -> None:
    """Warn, as the HTML page's reader does, where the page's time row (at `line_number`) tells
    the right version's time after or before the left one against the two times a copied page's
    time cells show, or, without them, against the order of the versions' numbers."""
    if header.time_text is not None:
        header.warnings.extend(time_row_contradiction(
            header.time_text, (header.old_number, header.new_number), header.times,
            f"{header.name}:{line_number}", "time cell"))


def refuse_a_second_header(row: str, name: str, line_number: int) -> None:
    """Refuse a row that is another diff page's article-info line or version row: a second page
    saved into the same file."""
    if SOURCE_LINE.match(row) or VERSIONS_LINE.fullmatch(row):
        raise MalformedPage("another diff page's header starts here: the file holds more than one "
                            "page", name, line_number,
                            hint="save each page in a file of its own and give them all")


def refuse_a_version_page(rows: Sequence[tuple[int, str]], name: str) -> None:
    """Refuse body `rows` that hold a News Sniffer version page's text (its title, its article
    URL, then `Version 2 of 5.`), naming its version line: that page saved into the same file,
    whose lines would be read as rows of the diff page."""
    for (_, above), (number, row) in pairwise(rows):
        if URL_ALONE.fullmatch(above) and (found := VERSION_OF_LINE.fullmatch(row)):
            raise MalformedPage(
                "a News Sniffer version page's text starts above this line (its title, its "
                f"article URL, then 'Version {found['number']} of {found['total']}.'): the file "
                "holds another page after the diff page", name, number,
                hint="save each page in a file of its own and give them all")


# Characters of a long header line shown before and after where it differs from another
_SHOWN_BEFORE_DIFFERENCE = 30
_SHOWN_AFTER_DIFFERENCE = 50


def _around(line: str, at: int) -> str:
    """The words of `line` around its character `at`, quoted with control characters escaped,
    `...` where the line goes on (`...'changed over 40 days ago and'...`)."""
    start, end = max(0, at - _SHOWN_BEFORE_DIFFERENCE), at + _SHOWN_AFTER_DIFFERENCE
    if start > 0 and (space := line.find(" ", start, at)) >= 0:
        start = space + 1
    if end < len(line) and (space := line.rfind(" ", at + 1, end)) >= 0:
        end = space
    return f"{'...' if start > 0 else ''}{line[start:end]!r}{'...' if end < len(line) else ''}"


def refuse_a_damaged_version_row(lines: list[str], name: str) -> None:
    """Refuse a page whose article info (in any case) is followed by a line that opens as its
    version row but is not one, naming it: its case changed (`VERSION 6 VERSION 7`), said so,
    as a browser's translation keeps the case; any other damage (`Version 6 Versio 7`) as a
    damaged row."""
    if not any(map(opens_as_info_line, lines)):  # in News Sniffer's case or another
        return
    for number, line in enumerate(lines[:HEADER_LINES_MAX], 1):
        if not DAMAGED_VERSIONS_LINE.match(line):
            continue
        if re.fullmatch(VERSIONS_LINE.pattern, line.strip(), re.IGNORECASE):
            raise MalformedPage(f"header row {shown(line.strip())} is not in the case News "
                                "Sniffer writes it, 'Version N Version M': the page's text was "
                                "changed after it was saved", name, number,
                                hint="save or copy the page again from News Sniffer, or give "
                                     "its HTML page")
        raise MalformedPage(f"line {shown(line.strip())} is not a 'Version N Version M' header "
                            "row: the row is damaged or cut short", name, number,
                            hint="save or copy the page again from News Sniffer, or give its "
                                 "HTML page")


def refuse_another_info_line(info_lines: dict[str, tuple[int, str]], kind: str, value: str,
                             number: int, name: str) -> None:
    """Refuse a header line giving a `kind` of value the header gave already (`info_lines`, kept
    by kind), with another `value`: another page's header lines pasted into it, whose source,
    URL or count would be read as this page's. The same line again (copied twice) says nothing
    new."""
    first_number, first = info_lines.setdefault(kind, (number, value))
    if first != value and (shown(first) != repr(first) or shown(value) != repr(value)):
        # `shown` cuts a long value in its middle, where the two may be the ones that differ
        differ = next((i for i, (a, b) in enumerate(zip(first, value)) if a != b),
                      min(len(first), len(value)))
        raise MalformedPage(f"a second {kind}, where line {first_number} gives another: the "
                            "header holds lines of two pages; they differ at character "
                            f"{differ + 1}: line {first_number} {_around(first, differ)}, line "
                            f"{number} {_around(value, differ)}", name, number,
                            hint="save each page in a file of its own and give them all")
    if first != value:
        raise MalformedPage(f"a second {kind} {shown(value)}, where line {first_number} gives "
                            f"{shown(first)}: the header holds lines of two pages", name, number,
                            hint="save each page in a file of its own and give them all")


def refuse_a_repeated_row(rows: list[tuple[int, str]], header_row: str, what: str,
                          name: str) -> None:
    """Refuse a flattened page whose next line (`rows[0]`) is its header's row `what` (its
    version, title or time row) again, lines copied twice, which would be read as the row
    after it: the version row as the title row, the title and time rows as body rows."""
    if rows and rows[0][1] == header_row:
        raise MalformedPage(f"the {what} {shown(header_row)} is here again, on the line after "
                            "it: the page's lines were copied twice", name, rows[0][0],
                            hint="save or copy the page again from News Sniffer")



def refuse_wrapped_lines(header_lines: list[str], rows: list[tuple[int, str]], name: str) -> None:
    """Refuse a page whose lines look wrapped at a width (`_wrapped_width`), naming its first
    body row."""
    if (width := _wrapped_width(header_lines, [row for _, row in rows])) is not None:
        raise MalformedPage(f"the page's lines look wrapped at {width} characters: its header's "
                            "lines are broken and its rows end at that width, where a row of a "
                            "diff page is a whole paragraph pair", name, rows[0][0],
                            hint="save the page's text again without wrapping its lines, or give "
                                 "its HTML page")


def _wrapped_width(header_lines: list[str], rows: list[str]) -> int | None:
    """The width the page's lines were wrapped at, when they look wrapped; None when they do not.

    Glued match rows are left out of the rows counted: a wrapped line is hardly ever one text
    twice, and a list of paragraphs alike in length is no wrapped page.
    """
    header = [line.strip() for line in header_lines]
    body = [row for row in rows if not is_glued_match(row)]
    if not body or not any(line and after for line, after in pairwise(header)):
        return None
    width, header_width = max(len(row) for row in body), max(len(line) for line in header)
    near = sum(len(row) >= width - WRAPPED_NEAR for row in body)
    wrapped = (width <= WRAPPED_MAX_WIDTH and abs(width - header_width) <= WRAPPED_NEAR
               and near >= WRAPPED_SHARE * len(body))
    return max(width, header_width) if wrapped else None

