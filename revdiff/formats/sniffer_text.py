"""News Sniffer pages saved as text: the flattened diff page and the single-version page.

The header of a flattened diff page is read exactly; the body rows are handed to the column
splitter (`revdiff.splitter`), which recovers both versions from the glued cells. A diff page
copied from the browser keeps its cells apart with a tab: both versions are read exactly from
it, and given to the splitter as versions it knows, with which it reads the page, and any
flattened page of the same article, for certain.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from itertools import pairwise
from typing import NoReturn

from revdiff.errors import InconsistentPages, MalformedPage
from revdiff.formats.fields import (
    at_second_59,
    checked_url,
    joined_sniffer_count,
    leap_second_warning,
    parse_iso_time,
    parse_number,
    shown,
    sniffer_url_warnings,
    textless_warning,
    time_row_contradiction,
    version_page_article,
)
from revdiff.formats.foreign import has_translated_diff_header
from revdiff.formats.sniffer_shown_times import SHOWN_TIME, iso_time_of, seen_time
from revdiff.formats.sniffer_version_line import VERSION_OF_LINE
from revdiff.formats.text_input import ASCII_WHITESPACE, collapse_whitespace
from revdiff.formats.translation import SAVE_UNTRANSLATED
from revdiff.model import Article, Version
from revdiff.read_warnings import counted, first_few
from revdiff.splitter.chain import read_chain
from revdiff.splitter.evidence import is_glued_match
from revdiff.splitter.page import PageHeader

# How the article-info line opens, which a page cut short inside that line still holds
_SOURCE_LINE_START = "This article is from the source '"
_SOURCE_LINE = re.compile(
    rf"{_SOURCE_LINE_START}(?P<source>[^']*)' and was first published or seen on"
    r" ?(?P<seen>.*?)\.(?: (?P<status>.*))?$"
)
_URL_LINE = re.compile(r"You can find the current article at its original source at (?P<url>\S+)")
_CHANGES_LINE = re.compile(r"The article has changed (?P<changes>\d+) times?\.")
# `Version 6 Version 7` flattened; `Version 6<TAB>Version 7` copied from a browser, which keeps
# the table's cells apart with a tab.
_VERSIONS_LINE = re.compile(r"Version (?P<old>\d+)(?P<gap> | *\t *)Version (?P<new>\d+)")
# The version row's two cells on lines of their own (`Version 0`, then `Version 1`): the text a
# tag stripper (BeautifulSoup's `get_text`, lxml's `text_content`) pulls out of the HTML page.
_SPLIT_VERSIONS = re.compile(r"^[ \t]*Version (?P<old>\d+)[ \t]*\n\s*Version (?P<new>\d+)[ \t]*$",
                             re.MULTILINE)
# A line that opens as the version row does, in any case, without being one: the row damaged
# (`Version 6 Versio 7`), a version page's line (`Version 2 of 5`), or its case changed.
_DAMAGED_VERSIONS_LINE = re.compile(r"[ \t]*version\b.*\d", re.IGNORECASE)
_PAGINATION = re.compile(r"(Previous|Next) version\b")
# The pagination line a flattener that keeps the whole page leaves after the table:
# `Previous version`, `Previous version 2 3 Next version`, `0 1 Next version`.
_PAGINATION_LINE = re.compile(r"(?=.*\bversion$|Previous version\b)(?:Previous version)?(?: ?\d+)*"
                              r"(?: ?Next version)?")
# The site's footer line (`revdiff.render.sniffer`, `revdiff.render.sniffer_version`), which a
# text taken from the whole page keeps last.
_SITE_FOOTER = re.compile(r"Currently monitoring [\d,]+ articles\.|News Sniffer watches news websites"
                          r" for changes to their articles\.")
# Lines a site's footer can take after the pagination; more are read as rows.
_MAX_FOOTER_LINES = 5
# The time row's text (`(about 1 hour later)`): Rails writes no brackets inside it, and a search
# that let them in read on to the end of a cell from each `(`, a time growing with the square of
# the cell's length.
_TIME_LINE = re.compile(r"\((?P<distance>[^()]+ (?:later|earlier))\)")
# The time row of a flattener that keeps the time cells' text too: `2020-01-02 17:12:09 UTC
# 2020-01-02 18:20:00 UTC (about 1 hour later)`.
_TIME_ROW = re.compile(rf"(?:{SHOWN_TIME.pattern} ?){{0,2}}{_TIME_LINE.pattern}")
# The start of a time row, cut short: `(about 1 hour l`.
_CUT_TIME_LINE = re.compile(r"\([^()]*")

# Longest row of a flattened page: one paragraph's old and new cells glued together. News
# paragraphs are a few hundred characters; the splitter's cost grows with every space in a row,
# so a row this long is a damaged or hostile page, refused instead of taking minutes.
MAX_ROW_CHARS = 100_000
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


# The version row of a diff page whose table a Markdown writer (trafilatura's text output) laid
# out: `| Version 0 | Version 1 |`, each row `| OLD | NEW |`, a `|` in a cell written `\|`.
_MARKDOWN_VERSIONS = re.compile(r"^[ \t]*\|[ \t]*Version \d+[ \t]*\|[ \t]*Version \d+[ \t]*\|[ \t]*$",
                                re.MULTILINE)
_MARKDOWN_ROW = re.compile(r"\|(?P<cells>.*)\|")
_MARKDOWN_RULE = re.compile(r"\|(?:[ :]*-+[ :]*\|)+")
_MARKDOWN_CELL_EDGE = re.compile(r"(?<!\\)\|")


def _from_markdown_table(text: str, name: str | None = None) -> str:
    """A page whose table is laid out in Markdown, its rows turned into rows of cells apart by a
    tab, as a browser copies the table (`_read_cells`); any other text as it is. With the `name`
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


def looks_like_diff_text(text: str) -> bool:
    """A saved diff page: its article-info line opens the text, or a version row follows it, or
    the text opens with the version row (the diff table copied without the lines above it).

    A page that opens with the article-info line but was cut before its rows still counts, so
    that reading it reports the missing header rather than mistaking it for a plain version.
    """
    head = _from_markdown_table(text[:20_000])
    first = head.lstrip().split("\n", 1)[0]
    if (_SOURCE_LINE.match(first) or _VERSIONS_LINE.fullmatch(first.strip())
            or _tabbed_info_line(first) or _opens_as_info_line(first)):
        return True
    first_lines = head.split("\n")[:40]
    versions = any(_VERSIONS_LINE.fullmatch(line.strip()) for line in first_lines)
    if not versions and _SOURCE_LINE_START in head:
        # the HTML page's text taken out tag by tag, or a page (opening with the site's header)
        # cut before its version row: refused by `parse_header`, saying so
        return (_SPLIT_VERSIONS.search(head) is not None
                or any(line.lstrip().startswith(_SOURCE_LINE_START) for line in first_lines))
    return versions and ("This article is from the source" in head
                         or "The article has changed" in head)


def _opens_as_info_line(line: str) -> bool:
    """Whether `line` opens as the article-info line, or as the URL or change count line (a page
    copied without the lines above it), in News Sniffer's case or another (`this article is from
    the source '`, `the article has changed 16 times`, as a page whose text was lower-cased as a
    whole does): such a page is read as a diff page, its recased version row refused, naming its
    line (`_refuse_a_damaged_version_row`), not taken for a page translated by the browser nor
    read as a plain version."""
    return (line.lstrip()[:len(_SOURCE_LINE_START)].casefold() == _SOURCE_LINE_START.casefold()
            or any(re.match(info.pattern, line.lstrip(), re.IGNORECASE) is not None
                   for info in (_URL_LINE, _CHANGES_LINE)))


def _tabbed_info_line(line: str) -> bool:
    """Whether `line` is the article-info line with tabs where the page holds spaces in its
    opening words, as an editor or a converter that turns spaces into tabs leaves it: refused
    (`parse_header`), as the body's rows, where a tab parts a copied table's cells, cannot be
    read then. A tab further on, in what the line reads as it is, is no such sign."""
    return (not line.startswith(_SOURCE_LINE_START)
            and line.replace("\t", " ").startswith(_SOURCE_LINE_START))


# Non-blank lines a version page's text holds before its version line: its title and URL, and
# whatever few lines the site's header left above them
_VERSION_LINE_WITHIN = 6
# Further down, the version line is a version page's only below lines that look like a site's
# header (navigation: `News Sniffer`, `Articles`), the title and the article URL right above it;
# a plain version that quotes `Version 2 of 5.` after paragraphs of its own is not one.
_HEADER_LINES_MAX = 40
# Non-blank lines a plain version's text is looked at for a version page's version line below a
# header that does not show it as one (`version_line_below_a_long_header`)
_LONG_HEADER_LINES = 20
_HEADER_LINE_CHARS = 80
_URL = re.compile(r"https?://\S+")


def _version_line(lines: Sequence[str]) -> tuple[int, re.Match[str]] | None:
    """The `Version N of M.` line of a version page's non-blank lines, and its index; None where
    the text is none: within its first few lines, or below a site's header (short lines), a
    title and the article URL."""
    for index, line in enumerate(lines[:_HEADER_LINES_MAX]):
        if (found := VERSION_OF_LINE.fullmatch(line)) is None:
            continue
        if index < _VERSION_LINE_WITHIN:
            return index, found
        above_title = lines[:index - 2]
        if (_URL.fullmatch(lines[index - 1])
                and all(len(header) <= _HEADER_LINE_CHARS for header in above_title)):
            return index, found
    return None


def _page_lines(text: str) -> list[tuple[int, str]]:
    """A version page's text's lines but blank ones, white space collapsed, each with its line
    number: a line of a no-break space is one of them, the paragraph (or title) News Sniffer
    stores so, as the HTML page's `<p>` of one is."""
    return [(number, clean) for number, line in enumerate(text.split("\n"), 1)
            if (clean := collapse_whitespace(line))]


def version_line_below_a_long_header(text: str, where: str) -> str | None:
    """The warning of a text not read as a version page that holds a `Version N of M.` line
    within its first `_LONG_HEADER_LINES` non-blank lines, text following it as a version page's
    paragraphs follow it: a version page below a site's header of more lines than
    `_VERSION_LINE_WITHIN`, without the article URL right above its version line or with a line
    longer than `_HEADER_LINE_CHARS` above its title, which `_version_line` does not take for
    one. None for any other text."""
    numbered = _page_lines(text[:20_000])
    for index, (number, line) in enumerate(numbered[:_LONG_HEADER_LINES]):
        if VERSION_OF_LINE.fullmatch(line) and index + 1 < len(numbered):
            url_above = index > 0 and _URL.fullmatch(numbered[index - 1][1]) is not None
            why = ("with no article URL right above it" if not url_above
                   else f"one of them of more than {_HEADER_LINE_CHARS} characters above its title "
                        "and URL, as no line of a site's header is")
            return (f"{where}:{number}: {shown(line)} looks like a News Sniffer version page's "
                    f"version line below {counted(index, 'line')}, {why}; read as a plain "
                    "version, the lines above it among its paragraphs (cut the site's header "
                    "above the title to have it read as a version page)")
    return None


def looks_like_version_text(text: str) -> bool:
    """Whether `read_version_text` finds a version line in the text, looked for in its lines as
    that reads them."""
    return _version_line([line for _, line in _page_lines(text[:20_000])]) is not None


def parse_header(text: str, name: str) -> PageHeader:
    """Read the article info, version numbers, title row and time row of a flattened diff page."""
    header = PageHeader(name)
    lines = _from_markdown_table(text, name).split("\n")
    versions_at = None
    info_lines: dict[str, tuple[int, str]] = {}  # each kind of article-info line, where it was
    for index, raw in enumerate(lines):
        line = raw.strip()
        if _tabbed_info_line(line):
            raise MalformedPage(
                "the News Sniffer page's article-info line holds tabs where the page holds "
                "spaces, as an editor or a converter that turns spaces into tabs leaves it", name,
                index + 1, hint="save the page's text again from News Sniffer, or give its HTML "
                                "page")
        if versions_at is None and (found := _VERSIONS_LINE.fullmatch(line)):
            header.old_number = parse_number(found["old"], "old version number", name, index + 1)
            header.new_number = parse_number(found["new"], "new version number", name, index + 1)
            if header.old_number == header.new_number:
                raise MalformedPage(f"the page compares version {header.old_number} with itself", name,
                                    index + 1, hint="the header row is damaged; save it again from "
                                                    "News Sniffer")
            versions_at = index
            # a copy's rows hold a tab between their cells, its title row too; a flattened
            # page's version row may hold one an editor put for the space
            if "\t" in found["gap"] and any("\t" in row for row in lines[index + 1:]):
                return _read_cells(header, lines, versions_at)
            break
        if found := _SOURCE_LINE.match(line):
            _refuse_another_info_line(info_lines, "article info", line, index + 1, name)
            header.source = found["source"] or None
            seen = seen_time(found["seen"])
            leap_second = leap_second_warning(seen, "the first-seen time")
            if leap_second is not None:  # kept at second 59, as the HTML page's reader keeps it
                header.warnings.append(f"{name}:{index + 1}: {leap_second}")
            header.first_seen = at_second_59(seen) or None
            header.check_status = found["status"] or None
        elif found := _URL_LINE.match(line):
            _refuse_another_info_line(info_lines, "article URL", found["url"], index + 1, name)
            header.url = checked_url(found["url"], "article URL", name, index + 1)
        elif found := _CHANGES_LINE.match(line):
            _refuse_another_info_line(info_lines, "change count", found["changes"], index + 1,
                                      name)
            header.changes = parse_number(found["changes"], "change count", name, index + 1)
    if versions_at is None and (split := _SPLIT_VERSIONS.search(text[:20_000])):
        raise MalformedPage(
            f"'Version {split['old']}' and 'Version {split['new']}' are on lines of their own: this "
            "is the text of a diff page's HTML taken out tag by tag (BeautifulSoup get_text, lxml "
            "text_content), whose header and cells are not laid out as a flattened page's",
            name, text.count("\n", 0, split.start()) + 1,
            hint="give the HTML page itself, which is read exactly")
    if versions_at is None:
        _refuse_a_damaged_version_row(lines, name)
    if versions_at is None and has_translated_diff_header(text):
        raise MalformedPage("the diff page was translated by the browser before it was saved (its "
                            "header is not in English)", name,
                            hint=SAVE_UNTRANSLATED)
    # an article-info line read (a page may open with any of them), or a source line damaged
    if versions_at is None and (info_lines or any(line.lstrip().startswith(_SOURCE_LINE_START)
                                                  for line in lines)):
        raise MalformedPage("no 'Version N Version M' header row after the article info", name,
                            hint="the page is cut short, or its header row damaged; save or copy "
                                 "it again from News Sniffer")
    if versions_at is None:
        raise MalformedPage("no 'Version N Version M' header row", name,
                            hint="is this a News Sniffer diff page saved as text?")
    header.warnings.extend(sniffer_url_warnings(header.url, name))
    # rows are trimmed as trackers trim paragraphs: a no-break space at a paragraph's edge, or
    # a paragraph that is only one, is text of the page
    rows = ((i + 1, lines[i].strip(ASCII_WHITESPACE)) for i in range(versions_at + 1, len(lines)))
    remaining = [(number, row) for number, row in rows if row]
    _refuse_a_repeated_row(remaining, lines[versions_at].strip(), "version row", name)
    if remaining:
        _refuse_a_second_header(remaining[0][1], name, remaining[0][0])
    if remaining and not _TIME_ROW.fullmatch(remaining[0][1]):
        header.title_line_number, header.title_line = remaining[0]
        remaining = remaining[1:]
        _refuse_a_repeated_row(remaining, header.title_line, "title row", name)
    else:
        header.warnings.append(f"{name}:{versions_at + 2}: the title row is missing; titles left empty")
    time_row = _TIME_ROW.fullmatch(remaining[0][1]) if remaining else None
    if time_row is not None:
        header.time_text = time_row["distance"]
        _warn_of_a_contradicting_time_row(header, remaining[0][0])
        time_line, remaining = remaining[0][1], remaining[1:]
        _refuse_a_repeated_row(remaining, time_line, "time row", name)
    elif len(remaining) == 1 and _CUT_TIME_LINE.fullmatch(remaining[0][1]):
        raise MalformedPage("the page ends inside its time row (no body rows follow)", name,
                            remaining[0][0], hint="the page is cut short; save it again from "
                                                  "News Sniffer")
    else:
        line_number = remaining[0][0] if remaining else versions_at + 2
        header.warnings.append(f"{name}:{line_number}: the time row '(... later)' is missing")
    _refuse_a_version_page(remaining, name)  # before the pagination, which may end the table
    # the pagination after the table ends it: what follows is the site's footer
    last_rows = range(len(remaining) - 1, max(len(remaining) - 2 - _MAX_FOOTER_LINES, 0), -1)
    end = next((i for i in last_rows if _PAGINATION_LINE.fullmatch(remaining[i][1])), None)
    if end is not None:
        remaining = remaining[:end]
    elif remaining and any(_PAGINATION_LINE.fullmatch(line.strip(" \xa0"))
                           for line in lines[:versions_at]):
        # the pagination News Sniffer shows above the table it shows after it too: a whole
        # page's text without it after the table was cut short, maybe inside its last row
        header.warnings.append(f"{name}:{remaining[-1][0]}: the page shows its pagination above "
                               "the table but not after it, as a page cut short does; its last "
                               "row may be cut")
    while len(remaining) > 1 and _SITE_FOOTER.fullmatch(remaining[-1][1]):
        remaining = remaining[:-1]
    if not remaining and time_row is None:  # cut short in its header
        raise MalformedPage("the page ends before its first body row", name, len(lines),
                            hint="the page is cut short; save it again from News Sniffer")
    if (width := _wrapped_width(lines[:versions_at], [row for _, row in remaining])) is not None:
        raise MalformedPage(f"the page's lines look wrapped at {width} characters: its header's "
                            "lines are broken and its rows end at that width, where a row of a "
                            "diff page is a whole paragraph pair", name, remaining[0][0],
                            hint="save the page's text again without wrapping its lines, or give "
                                 "its HTML page")
    for line_number, row in remaining:
        _refuse_a_second_header(row, name, line_number)
        if len(row) > MAX_ROW_CHARS:
            raise MalformedPage(
                f"row is {len(row):,} characters long, more than the {MAX_ROW_CHARS:,} a "
                "paragraph of a diff page can hold", name, line_number,
                hint="the page is damaged; save it again from News Sniffer")
    header.body = remaining
    return header


def _read_cells(header: PageHeader, lines: list[str], versions_at: int) -> PageHeader:
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
        _refuse_a_second_header(line.strip(), name, number)
    header_lines = lines[:versions_at]
    paginated = end < len(rows) and _is_pagination(rows[end][1], header_lines)
    if not paginated and any("\t" in line for _, line in rows[end + 1:]):
        _refuse_a_damaged_row(rows[end], name)
    if rows and not paginated and any(_PAGINATION.match(line.strip(" \xa0"))
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
    if cells and SHOWN_TIME.search(cells[0][1]) is None and not _TIME_LINE.search(cells[0][2]):
        header.title_line_number = cells[0][0]
        header.titles = (cells[0][1], cells[0][2])
        header.title_line = f"{cells[0][1]} {cells[0][2]}"
        cells = cells[1:]
    else:
        header.warnings.append(f"{name}:{versions_at + 2}: the title row is missing; titles left empty")
    time_row_read = bool(cells and (SHOWN_TIME.search(cells[0][1]) or _TIME_LINE.search(cells[0][2])))
    if time_row_read:
        old_time, new_time = (_shown_time(cell, f"the {side} version's time", name, cells[0][0],
                                          header.warnings)
                              for side, cell in zip(("old", "new"), cells[0][1:]))
        header.times = (old_time, new_time)
        relative = _TIME_LINE.search(cells[0][2])
        header.time_text = relative["distance"] if relative else None
        _warn_of_a_contradicting_time_row(header, cells[0][0])
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


def _warn_of_a_contradicting_time_row(header: PageHeader, line_number: int) -> None:
    """Warn, as the HTML page's reader does, where the page's time row (at `line_number`) tells
    the right version's time after or before the left one against the two times a copied page's
    time cells show, or, without them, against the order of the versions' numbers."""
    if header.time_text is not None:
        header.warnings.extend(time_row_contradiction(
            header.time_text, (header.old_number, header.new_number), header.times,
            f"{header.name}:{line_number}", "time cell"))


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
    return _is_pagination(line, header_lines) or _SITE_FOOTER.fullmatch(line) is not None


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


def _refuse_a_second_header(row: str, name: str, line_number: int) -> None:
    """Refuse a row that is another diff page's article-info line or version row: a second page
    saved into the same file."""
    if _SOURCE_LINE.match(row) or _VERSIONS_LINE.fullmatch(row):
        raise MalformedPage("another diff page's header starts here: the file holds more than one "
                            "page", name, line_number,
                            hint="save each page in a file of its own and give them all")


def _refuse_a_version_page(rows: Sequence[tuple[int, str]], name: str) -> None:
    """Refuse body `rows` that hold a News Sniffer version page's text (its title, its article
    URL, then `Version 2 of 5.`), naming its version line: that page saved into the same file,
    whose lines would be read as rows of the diff page."""
    for (_, above), (number, row) in pairwise(rows):
        if _URL.fullmatch(above) and (found := VERSION_OF_LINE.fullmatch(row)):
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


def _refuse_a_damaged_version_row(lines: list[str], name: str) -> None:
    """Refuse a page whose article info (in any case) is followed by a line that opens as its
    version row but is not one, naming it: its case changed (`VERSION 6 VERSION 7`), said so, as a browser's
    translation keeps the case; any other damage (`Version 6 Versio 7`) as a damaged row."""
    if not any(map(_opens_as_info_line, lines)):  # in News Sniffer's case or another
        return
    for number, line in enumerate(lines[:_HEADER_LINES_MAX], 1):
        if not _DAMAGED_VERSIONS_LINE.match(line):
            continue
        if re.fullmatch(_VERSIONS_LINE.pattern, line.strip(), re.IGNORECASE):
            raise MalformedPage(f"header row {shown(line.strip())} is not in the case News "
                                "Sniffer writes it, 'Version N Version M': the page's text was "
                                "changed after it was saved", name, number,
                                hint="save or copy the page again from News Sniffer, or give "
                                     "its HTML page")
        raise MalformedPage(f"line {shown(line.strip())} is not a 'Version N Version M' header "
                            "row: the row is damaged or cut short", name, number,
                            hint="save or copy the page again from News Sniffer, or give its "
                                 "HTML page")


def _refuse_another_info_line(info_lines: dict[str, tuple[int, str]], kind: str, value: str,
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


def _refuse_a_repeated_row(rows: list[tuple[int, str]], header_row: str, what: str,
                           name: str) -> None:
    """Refuse a flattened page whose next line (`rows[0]`) is its header's row `what` (its
    version, title or time row) again, lines copied twice, which would be read as the row
    after it: the version row as the title row, the title and time rows as body rows."""
    if rows and rows[0][1] == header_row:
        raise MalformedPage(f"the {what} {shown(header_row)} is here again, on the line after "
                            "it: the page's lines were copied twice", name, rows[0][0],
                            hint="save or copy the page again from News Sniffer")


def _refuse_a_damaged_row(row: tuple[int, str], name: str) -> NoReturn:
    """Refuse a copy at a row (line number, line) of other than two cells."""
    number, line = row
    raise MalformedPage(f"row holds {counted(len(_two_cells(line)), 'cell')}, where each row of a page "
                        "copied from its table holds two, apart by a tab", name, number,
                        hint="copy the whole page again, or save it as HTML")


def _is_pagination(line: str, header_lines: list[str]) -> bool:
    """Whether a line after the table is the page's pagination (`Previous version 0 1 Next
    version`), which News Sniffer shows above the table too."""
    return (_PAGINATION.match(line) is not None
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


def read_diff_texts(named_texts: Sequence[tuple[str, str]],
                    known: Mapping[str, Mapping[int, Version]] | None = None) -> list[Article]:
    """Read flattened diff pages; pages of one article (same URL) are read jointly. `known`
    holds, by URL, versions other inputs give exactly (by number): pages that show them are
    fitted to them."""
    return read_diff_headers([parse_header(text, name) for name, text in named_texts], known)


def read_diff_headers(headers: Sequence[PageHeader],
                      known: Mapping[str, Mapping[int, Version]] | None = None) -> list[Article]:
    """`read_diff_texts` of pages whose headers are parsed already (`parse_header`)."""
    groups: dict[str, list[PageHeader]] = {}
    for index, header in enumerate(headers):
        groups.setdefault(header.url or f"#{index}", []).append(header)
    return [_read_article(group, (known or {}).get(group[0].url or "", {})) for group in groups.values()]


def _read_article(headers: list[PageHeader], known: Mapping[int, Version]) -> Article:
    sources = {h.source for h in headers}
    if len(sources) > 1:
        raise InconsistentPages(f"pages of one URL name different sources {sorted(map(str, sources))}",
                                headers[0].name)
    copied = {version.number: version for header in headers for version in _copied_versions(header)}
    chain = read_chain(headers, {**copied, **known})
    first = headers[0]
    metadata = {k: v for k, v in (("first_seen", first.first_seen),
                                  ("check_status", first.check_status)) if v}
    # the highest count of versions the pages give ('The article has changed N times'), or none,
    # warned, where it leaves no room for a version they show
    shown_by: dict[int, str] = {}
    for page in chain.pages:
        shown_by.setdefault(page.old_number, page.name)
        shown_by.setdefault(page.new_number, page.name)
    changes, count_warning = joined_sniffer_count(((h.changes, h.name) for h in headers), shown_by)
    versions = tuple(replace(copied.get(v.number, v), time_text=v.time_text,
                             time_from=_time_counted_from(v, headers))
                     for v in chain.versions)
    # a page whose table has no body rows shows no change of two versions without text, as the
    # HTML page's reader keeps them
    textless = tuple(warning for v in versions
                     for warning in textless_warning(v, shown_by.get(v.number, first.name)))
    warnings = (tuple(w for h in headers for w in h.warnings) + chain.warnings
                + ((count_warning,) if count_warning else ()) + textless)
    return Article(first.source, first.url, versions, changes, metadata, warnings, chain.pages)


def _time_counted_from(version: Version, headers: Sequence[PageHeader]) -> int | None:
    """The number of the version `version`'s time (`time_text`) is told from: the left version
    of a page whose time row tells it of `version` on the right (a page reached by "Previous
    version" shows the later version on the left, "(... earlier)"); of several such pages, the
    nearest version's. None for a version without a time."""
    if version.time_text is None:
        return None
    telling = [header.old_number for header in headers
               if header.new_number == version.number and header.time_text == version.time_text]
    return min(telling, key=lambda number: abs(number - version.number), default=None)


def _copied_versions(header: PageHeader) -> list[Version]:
    """The two versions a page copied with its cells apart shows exactly; none for a flattened
    page."""
    if header.cells is None:
        return []
    titles = header.titles or ("", "")
    return [Version(header.old_number, titles[0], tuple(old for old, _ in header.cells if old),
                    header.times[0]),
            Version(header.new_number, titles[1], tuple(new for _, new in header.cells if new),
                    header.times[1], header.time_text)]


def _refuse_a_second_version_line(lines: list[tuple[int, str]], where: str) -> None:
    """Refuse a version page's text that holds another page's version line (two pages saved
    into one file), whose title and paragraphs would be read as the first page's paragraphs."""
    for number, line in lines:
        if VERSION_OF_LINE.fullmatch(line):
            raise MalformedPage("another version page's 'Version N of M.' line: the file holds "
                                "more than one page", where, number,
                                hint="save each page in a file of its own and give them all")


def read_version_text(text: str, where: str) -> Article:
    """Read a single-version page saved as text: title, URL, 'Version N of M.', paragraphs, one
    to a line (`_page_lines`). A text extractor that made a paragraph's no-break space a space
    loses it: nothing tells it from a blank line then."""
    numbered = _page_lines(text)
    lines = [line for _, line in numbered]
    while len(lines) > 1 and _SITE_FOOTER.fullmatch(lines[-1]):
        lines.pop()
    located = _version_line(lines)
    if located is None:
        raise MalformedPage("no 'Version N of M.' line", where,
                            hint="a version page's text holds its title, the article URL and that "
                                 "line above the paragraphs: save or copy the whole page again "
                                 "from News Sniffer, or give a plain version's file as it is")
    index, found = located
    _refuse_a_second_version_line(numbered[index + 1:len(lines)], where)
    number = parse_number(found["number"], "version number", where)
    total = parse_number(found["total"], "version count", where)
    before = lines[:index]
    url = next((b for b in before if re.match(r"https?://", b)), None)
    if url is not None:
        checked_url(url, "article URL", where)
    titles = [b for b in before if b != url]
    if not titles:
        raise MalformedPage("no title line before 'Version N of M.'", where, numbered[index][0],
                            hint="the page was cut above its title: save or copy the whole page "
                                 "again from News Sniffer")
    version = Version(number, titles[-1], tuple(lines[index + 1:]))
    article = version_page_article(url, version, total, where)
    header = [(line_number, line) for line_number, line in numbered[:index] if line != url]
    left_out = _header_left_out_warning(header[:-1], version.title, where)
    return replace(article, warnings=article.warnings + (left_out,)) if left_out else article


def _header_left_out_warning(header: list[tuple[int, str]], title: str, where: str) -> str | None:
    """The warning naming the lines above a version page's title, left out as a site's header
    (navigation, mostly): a paragraph of a text that quotes a version line is among them so.
    None where there are none."""
    if not header:
        return None
    them = "it is" if len(header) == 1 else "they are"
    return (f"{where}:{header[0][0]}: left out {counted(len(header), 'line')} above the title "
            f"{shown(title)} as a site's header ({first_few([shown(line) for _, line in header])}); "
            f"if {them} the article's text, cut the 'Version N of M.' line to have the file read "
            "as a plain version")
