"""News Sniffer pages as HTML: the diff page (exact cells) and the single-version page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.element import RubyTextString

from revdiff.errors import MalformedPage
from revdiff.formats.fields import (
    at_second_59,
    checked_url,
    leap_second_warning,
    offset_out_of_range_reason,
    parse_iso_time,
    parse_number,
    shown,
    sniffer_count_warning,
    sniffer_url_warnings,
    textless_warning,
    time_row_contradiction,
    version_page_article,
    without_wayback_prefix,
)
from revdiff.formats.joined_pages import refuse_a_second_page
from revdiff.formats.open_elements import (
    NestedTooDeep,
    OpenElements,
    TooManyElements,
    cut_short_at,
    end_tags_implied,
    read_open_elements,
)
from revdiff.formats.shown_markup import closing_html_tag, opening_html_tag, shown_markup
from revdiff.formats.sniffer_shown_times import SHOWN_TIME, iso_time_of, seen_time
from revdiff.formats.sniffer_spacer_columns import (
    has_spacer_columns,
    row_cells,
    shared_paragraph,
    version_cells_of,
)
from revdiff.formats.sniffer_version_line import VERSION_OF_LINE
from revdiff.formats.text_input import collapse_whitespace
from revdiff.formats.translation import SAVE_UNTRANSLATED, looks_translated
from revdiff.model import Article, Version
from revdiff.read_warnings import counted

_VERSION_NUMBER = re.compile(r"Version\s+(\d+)")
# White space in the markup, a no-break space written as a character reference too
# (`Version&nbsp;2&nbsp;of&nbsp;5.`), which the shown text holds as white space
_MARKUP_SPACE = r"(?:\s|&nbsp;?|&#0*160;|&#[xX]0*[aA]0;)+"
_MARKUP_VERSION_OF = re.compile(rf"Version{_MARKUP_SPACE}\d+{_MARKUP_SPACE}of{_MARKUP_SPACE}\d+")
_VERSION_WORD = re.compile(r"\bVersion\b")
# A version cell in a browser's translation (`Versión 0`, `Versione 0`, `Versie 0`)
_TRANSLATED_VERSION = re.compile(r"[^\W\d]+\s+\d+")
_RELATIVE_TIME = re.compile(r"\(([^()]*\b(?:later|earlier))\)")
# A page News Sniffer wrote holds all of these; one that lacks one was changed after it was saved
_SAVE_AGAIN = "save the page again from News Sniffer, as the browser received it"
# The diff table's start tag. Attribute text cannot hold `<` or `>`, so each try stops at the
# next tag and a search of the whole page stays linear, however much markup comes first.
# Tags and attribute names in any case, the class quoted or not (as minifiers write it).
_DIFF_TABLE = re.compile(r"<table\b[^<>]*\bclass\s*=\s*[\"']?[^\"'<>]*version_diff", re.IGNORECASE)
_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)
_HEADING = re.compile(r"<h1\b", re.IGNORECASE)
# A paragraph of text alone, no tag inside it, tags in any case: its text is read as the reader
# reads a version line (`_version_of_line`), character references too (`&thinsp;`). Possessive,
# so that a paragraph not closed where its text ends is left at once.
_TEXT_PARAGRAPH = re.compile(r"<[pP]\b[^<>]*+>(?P<text>[^<>]*+)</[pP]\s*>")
# The classes of the header cells, `th` on News Sniffer's pages and `td` on some saved copies:
# their rows are no body rows
_HEADER_CELLS = frozenset({"version", "title", "time"})
# How many elements a page may hold: the corpus's largest diff page holds 1,679, and a tree of
# them takes about a kilobyte of memory for each (8 MB of `<p>x`, a million elements side by side,
# took 156 s and 2.8 GB)
MAX_PAGE_ELEMENTS = 200_000
# Elements a browser shows on a line of their own: the words either side of one are parted
_LINE_BREAKING = frozenset({"br", "p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5",
                            "h6"})
# Elements a browser's own style sheet hides wherever they stand (`title { display: none }`, and
# any element with the `hidden` attribute): their text, a title's kept by `shown_markup` for the
# page's own title, is none of a cell's. (An `rp`'s, a `template`'s, a script's and a style's text
# BeautifulSoup reads as strings of their own kinds, left out with comments.)
_HIDDEN = frozenset({"title", "datalist", "noembed", "noframes"})


# Both tests search the whole page: hostile or bloated markup before the table (tens of
# thousands of nested tags) must not hide a page from its reader. They read the markup a browser
# shows (`shown_markup`): a diff table only in a comment or a script makes no diff page of a
# version page; of another page it does, which the diff page's reader then refuses, saying why.
# A title or version line only there makes no version page.
def looks_like_diff_page(text: str) -> bool:
    if _DIFF_TABLE.search(text) is None:
        return False
    markup = shown_markup(text)
    return _DIFF_TABLE.search(markup) is not None or not _has_version_line(markup)


def looks_like_version_page(text: str) -> bool:
    markup = shown_markup(text)
    return _has_version_line(markup) and _DIFF_TABLE.search(markup) is None


def looks_like_version_without_title(shown: str) -> bool:
    """Whether a page, `shown` being its `shown_markup`, is a version page's text without its
    `<h1>` title: a `<p>Version N of M.</p>` line and no title, as the page's `<div
    class="version">` alone is (a browser's Copy element on it, not on the `<div id="content">`
    that holds the title too)."""
    return _HEADING.search(shown) is None and any(
        _version_of_line(html.unescape(paragraph["text"])) is not None
        for paragraph in _TEXT_PARAGRAPH.finditer(shown) if "Version" in paragraph["text"])


def _version_of_line(text: str) -> re.Match[str] | None:
    """'Version N of M.' as the whole of a paragraph's shown text: white space at its edges (a
    no-break space) means nothing there, and the full stop may be lost, not doubled."""
    return VERSION_OF_LINE.fullmatch(text)


def _has_version_line(markup: str) -> bool:
    """Whether the shown markup holds an `<h1>` and a 'Version N of M' line."""
    return _HEADING.search(markup) is not None and _MARKUP_VERSION_OF.search(markup) is not None


def _cell_text(cell: Tag) -> str:
    """The element's text as `_paragraph_text` gives it, but none where it is nothing but white
    space (`&nbsp;`, `&thinsp;`): the page's furniture (its version line, times, links)."""
    text = _paragraph_text(cell)
    return text if text.strip() else ""


def _paragraph_text(cell: Tag) -> str:
    """The cell's text as a browser shows it, ASCII white space collapsed and trimmed as News
    Sniffer stores a paragraph: a line break (`<br>`) or a paragraph inside it parts the words
    around it. A no-break space (`&nbsp;`) is text: a diff page's cell of nothing but one
    (padded with spaces in a change row) is a paragraph of it alone, as News Sniffer stores one,
    and so is a version page's `<p>` of one (FORMATS.md §2: one `<p>` per paragraph); the absent
    side of a one-sided row is an empty `<td></td>`. An element a browser hides shows nothing,
    nor does the cell when it or an element around it (its row) is `hidden`; a ruby's annotation
    (`<rt>`) shows, its parentheses (`<rp>`) do not."""
    return _shown_text(cell, cell.contents)


def _shown_text(holder: Tag, nodes: list[PageElement]) -> str:
    """The text `nodes`, children of `holder`, show as `_paragraph_text` gives a cell's."""
    if any(element.has_attr("hidden") for element in (holder, *holder.parents)):
        return ""
    strings: list[str] = []
    pending: list[PageElement | str] = list(reversed(nodes))
    while pending:
        node = pending.pop()
        if isinstance(node, Tag) and (node.name in _HIDDEN or node.has_attr("hidden")):
            continue
        if isinstance(node, Tag):
            if node.name in _LINE_BREAKING:
                strings.append(" ")
                pending.append(" ")
            pending.extend(reversed(node.contents))
        # No comment, script or CDATA section: a browser reads `<![CDATA[...]]>` in HTML as a comment
        elif type(node) in (NavigableString, RubyTextString, str):
            strings.append(str(node))
    return collapse_whitespace("".join(strings))


def _article_info(soup: BeautifulSoup, table: Tag, where: str, warnings: list[str],
                  ) -> tuple[str | None, str | None, int | None, dict[str, str]]:
    """The source, URL, change count and metadata of a diff page's article info
    (`_article_info_holders`): a page without it has none of them (but the URL its `<link
    rel=author>` gives), warned in `warnings`, not ones a layout element elsewhere holds."""
    holders = _article_info_holders(soup, table)
    if not holders:
        warnings.append(f"{where}: no article info (div.article-info, or the paragraphs around "
                        "its cite.article_url), which holds the article's source, change count "
                        "and check status; they are left out")
        return None, _author_url(soup, where), None, {}
    metadata: dict[str, str] = {}
    source = None
    cites = [cite for holder in holders for cite in _within(holder, "cite")]
    for cite in cites:
        if "article_url" not in (cite.get("class") or []):
            source = _cell_text(cite)
            break
    url_cite = next((cite for cite in cites if "article_url" in (cite.get("class") or [])), None)
    if url_cite is None:
        url = _author_url(soup, where)
    else:
        shown_url = _cited_url(url_cite)
        url = checked_url(shown_url, "article URL", where) if shown_url else None
    changes = None
    var = next((found for holder in holders for found in _within(holder, "var")), None)
    if var is not None:
        changes = parse_number(_cell_text(var), "change count (<var>)", where, var.sourceline)
    first_p = next((found for holder in holders for found in _within(holder, "p")), None)
    if first_p is not None:
        seen = first_p.find("time")
        if seen is not None:
            first_seen = _first_seen(seen, f"{where}:{seen.sourceline}", warnings)
            if first_seen:
                metadata["first_seen"] = first_seen
        status = _cell_text(first_p)
        match = re.search(r"(It will not be checked again for changes\.|It last changed over.*|"
                          r"The next check for changes will be.*)", status)
        if match:
            metadata["check_status"] = match.group(1)
    return source, url, changes, metadata


def _cited_url(url_cite: Tag) -> str:
    """The article URL of the info's `cite.article_url`: its link's target, out of a Wayback
    Machine copy's prefix, where that is an address of its own (`https://...`); else the URL
    the cite shows, as News Sniffer's earlier pages link it to the diff page itself (a path
    of the site, `/articles/42/diff/1/2`), or do not link it."""
    link = url_cite.find("a")
    target = without_wayback_prefix(str(link.get("href") or "")) if link is not None else ""
    try:
        own_address = bool(urlsplit(target).netloc)
    except ValueError:  # no well-formed URL, which `checked_url` refuses naming it
        own_address = True
    return target if own_address else without_wayback_prefix(_cell_text(url_cite))


def _article_info_holders(soup: BeautifulSoup, table: Tag) -> list[Tag]:
    """The elements that hold a diff page's article info: its `div.article-info`, where News
    Sniffer's later pages write it; on its earlier pages, which write the info's paragraphs
    straight into the page's content, the paragraphs before the diff table beside the one
    that holds the article's URL (`cite.article_url`). None where the page holds neither."""
    info = soup.find("div", class_="article-info")
    if info is not None:
        return [info]
    url_cite = soup.find("cite", class_="article_url")
    holder = url_cite.find_parent("p") if url_cite is not None else None
    if holder is None or holder.parent is None or not _before(holder, table):
        return []
    return [child for child in holder.parent.find_all("p", recursive=False)
            if _before(child, table)]


def _before(element: Tag, table: Tag) -> bool:
    """Whether `element` starts before the diff table in the page."""
    return ((element.sourceline or 0), (element.sourcepos or 0)) < (
        (table.sourceline or 0), (table.sourcepos or 0))


def _within(holder: Tag, name: str) -> list[Tag]:
    """`holder` where it is a `name` element, and the `name` elements inside it, in page order."""
    return [holder, *holder.find_all(name)] if holder.name == name else holder.find_all(name)


def _first_seen(stamp: Tag, place: str, warnings: list[str]) -> str | None:
    """When the article was first seen, as the article-info's `<time>` at `place` gives it: its
    `datetime` attribute as written, or without one its text, as HTML reads the element, the
    form News Sniffer shows (`January 2, 2020 17:12 (UTC)`) as the text page's reader reads it;
    either is checked as a version's `<time>` is (`_stamped_time`), and one that is no time is
    left out, warned of in `warnings`; one at a leap second is kept at second 59, as its warning
    says."""
    stamped = stamp.get("datetime")
    if stamped is not None:
        written, what = str(stamped), "the first-seen <time datetime>"
    else:
        written, what = seen_time(_cell_text(stamp)), "the first-seen <time> text"
    time, warning = _stamped_time(written, what, place)
    if warning is not None:
        warnings.append(warning)
    return at_second_59(written) if time is not None else None


def _author_url(soup: BeautifulSoup, where: str) -> str | None:
    """The article URL a page's `<link rel=author>` gives, None where it gives none."""
    author_link = soup.find("link", rel=lambda r: r is not None and "author" in r)
    url = author_link.get("href") if author_link is not None else None
    return checked_url(without_wayback_prefix(str(url)), "article URL", where) if url else None


@dataclass
class _TableParts:
    """The elements of a diff table its reader looks at, each in the order of the page."""

    # The first table and table footer inside it, which News Sniffer never writes
    nested: Tag | None = None
    footer: Tag | None = None
    # Its `th` or `td` cells of class `version` and `time`, its first `tr#title`, the row of its
    # first cell of class `title` (News Sniffer's earlier pages give the title row no id), and
    # its rows
    version_cells: list[Tag] = field(default_factory=list)
    time_cells: list[Tag] = field(default_factory=list)
    title_row: Tag | None = None
    titled_row: Tag | None = None
    rows: list[Tag] = field(default_factory=list)


def _table_parts(table: Tag) -> _TableParts:
    """The diff table's parts, found in one walk of it, where six searches of it took a fifth
    of the time a page of many rows was read in."""
    parts = _TableParts()
    for element in table.descendants:
        if not isinstance(element, Tag):
            continue
        if element.name in ("th", "td"):
            classes = element.get_attribute_list("class")
            if "version" in classes:
                parts.version_cells.append(element)
            if "time" in classes:
                parts.time_cells.append(element)
            if "title" in classes and parts.titled_row is None:
                parts.titled_row = element.find_parent("tr")
        elif element.name == "tr":
            parts.rows.append(element)
            if parts.title_row is None and element.get("id") == "title":
                parts.title_row = element
        elif element.name == "table" and parts.nested is None:
            parts.nested = element
        elif element.name == "tfoot" and parts.footer is None:
            parts.footer = element
    return parts


def _require_closed(markup: str, elements: OpenElements, where: str) -> None:
    """Refuse a page cut short, `markup` being the page as `shown_markup` gives it (its `</html>`
    found by `closing_html_tag`) and `elements` its `read_open_elements`: one that
    leaves open an element whose end tag HTML requires, or ends inside a tag. A page with `</html>`
    is whole; HTML lets a page go without `</body>` and `</html>`, so one without them is whole
    when it closes every element it must (a fragment without `<html>`, a page's element as a
    browser's "Copy element" writes it, too). A page cut between two elements its body or the
    fragment holds directly, none left open (one of paragraphs alone cut after a `</p>`), cannot be
    told from a whole one."""
    has_root = opening_html_tag(markup) is not None
    if has_root and closing_html_tag(markup) is not None:
        return
    if (cut := cut_short_at(markup, elements)) is not None:
        unended, line = cut
        raise MalformedPage(f"page is truncated: {'no </html> found, and ' if has_root else ''}"
                            f"{unended}", where, line,
                            hint="save the whole page, or the whole element, again")


def _page_elements(markup: str, where: str) -> OpenElements:
    """The page's `read_open_elements`, refused where its elements nest deeper than News
    Sniffer's (the corpus's at most 8) or are more than `MAX_PAGE_ELEMENTS`."""
    try:
        return read_open_elements(markup, MAX_PAGE_ELEMENTS)
    except NestedTooDeep as deep:
        raise deep.refusal(where, "a News Sniffer page nests about ten", _SAVE_AGAIN) from None
    except TooManyElements as many:
        raise many.refusal(where, MAX_PAGE_ELEMENTS, "a News Sniffer page holds a few thousand",
                           _SAVE_AGAIN) from None


def read_diff_page(text: str, where: str) -> Article:
    """Read a News Sniffer diff page; every cell is explicit, so the versions come back exactly.
    A page cut short before its diff table closes is refused (a table closed before it, such as
    a site's layout, does not count), and one that holds a second diff table; a table in a
    comment, a script, style, template or textarea element is none, and is not read. So is a
    version cell that holds more than `Version N` (`Version 0 of 5`). A page without its time
    row, or with one of other than two time cells, is read with a warning, its versions without
    times. A version the page shows no text of is kept without paragraphs, warned, as a version
    page's is. A body row of text without cells, which the two-cell layout never writes, is left
    out of both versions, warned, and so is a body row's text outside its cells (which a browser
    shows above the table)."""
    markup = shown_markup(text)
    start = _DIFF_TABLE.search(markup)
    if start is None:  # the page's only diff table is in a comment
        raise MalformedPage("no table.version_diff in the page", where, hint=_SAVE_AGAIN)
    if not _TABLE_END.search(markup, start.end()):
        raise MalformedPage("page is truncated: the diff table that starts here does not end (no "
                            "</table> after it)", where, markup.count("\n", 0, start.start()) + 1,
                            hint="save the whole page again")
    if (second := _DIFF_TABLE.search(markup, start.end())) is not None:
        raise MalformedPage("a second diff table starts here: the file holds more than one page",
                            where, markup.count("\n", 0, second.start()) + 1,
                            hint="save each page in a file of its own and give them all")
    if looks_translated(markup):
        raise MalformedPage("the diff page was translated by the browser before it was saved", where,
                            hint=SAVE_UNTRANSLATED)
    elements = _page_elements(markup, where)
    # on the lines of the page, as the checks above, each element ended where a browser ends it
    soup = BeautifulSoup(end_tags_implied(markup, elements), "html.parser")
    table = soup.find("table", class_="version_diff")
    if table is None:
        raise MalformedPage("no table.version_diff in the page", where, hint=_SAVE_AGAIN)
    parts = _table_parts(table)
    if parts.nested is not None:  # its rows would be read as body rows too
        raise MalformedPage("a table inside the diff table, which News Sniffer never writes", where,
                            parts.nested.sourceline, hint=_SAVE_AGAIN)
    if parts.footer is not None:  # a browser shows its rows after the body's
        raise MalformedPage("a table footer (tfoot) in the diff table, which News Sniffer never "
                            "writes", where, parts.footer.sourceline, hint=_SAVE_AGAIN)
    version_cells = parts.version_cells
    version_texts = [_cell_text(cell) for cell in version_cells]
    numbers = [_VERSION_NUMBER.search(cell_text) for cell_text in version_texts]
    if len(numbers) != 2 or not all(numbers):
        # a browser's translation translates both cells: one still in English is damaged
        translated = len(version_texts) == 2 and not any(numbers) and all(
            _TRANSLATED_VERSION.fullmatch(cell_text) for cell_text in version_texts)
        raise MalformedPage("the header row does not name two versions ('Version N')", where,
                            (version_cells[0] if version_cells else table).sourceline,
                            hint=(f"the page looks translated: {SAVE_UNTRANSLATED}" if translated
                                  else _SAVE_AGAIN))
    for cell, cell_text in zip(version_cells, version_texts):
        if not _VERSION_NUMBER.fullmatch(cell_text.strip()):
            raise MalformedPage(f"the version cell {shown(cell_text)} holds more than 'Version N'", where,
                                cell.sourceline, hint=_SAVE_AGAIN)
    title_row = parts.title_row or parts.titled_row
    if title_row is None:
        raise MalformedPage("the title row (tr#title, or th.title cells) is missing from the "
                            "diff table", where, table.sourceline, hint=_SAVE_AGAIN)
    spacer_columns = has_spacer_columns(version_cells[0])
    if spacer_columns:
        title_cells = list(version_cells_of(title_row, "the title row", where))
    else:
        title_cells = title_row.find_all(["th", "td"])
    if len(title_cells) != 2:
        raise MalformedPage(f"the title row has {counted(len(title_cells), 'cell')}, "
                            "where News Sniffer writes 2", where, title_row.sourceline,
                            hint=_SAVE_AGAIN)
    titles = [_paragraph_text(cell) for cell in title_cells]
    time_cells = parts.time_cells
    times: list[datetime | None] = [None, None]
    time_text = None
    warnings = []
    if len(time_cells) == 2:
        for index, cell in enumerate(time_cells):
            stamp = cell.find("time")
            if stamp is not None:
                times[index], time_warning = _element_time(
                    stamp, f"the {('old', 'new')[index]} version's", f"{where}:{stamp.sourceline}")
                if time_warning is not None:
                    warnings.append(time_warning)
        relative = _RELATIVE_TIME.search(_cell_text(time_cells[1]))
        time_text = relative.group(1) if relative else None
    elif not time_cells:
        warnings.append(f"{where}: the time row (two th.time cells) is missing")
    else:
        warnings.append(f"{where}:{time_cells[0].sourceline}: the time row has "
                        f"{counted(len(time_cells), 'th.time cell')}, where News Sniffer writes 2; "
                        "the versions' times are left out")
    old: list[str] = []
    new: list[str] = []
    for row in parts.rows:
        cells = row_cells(row)
        if not cells and spacer_columns:  # a paragraph both versions share
            old_text = new_text = shared_paragraph(row, _paragraph_text(row),
                                                       _body_row_name(row), where)
        elif not cells:
            if (cell_less := _stray_text_warning(row, 0, where)) is not None:
                warnings.append(cell_less)
            continue
        elif row is title_row or any(_HEADER_CELLS.intersection(c.get("class") or [])
                                     for c in cells):
            continue
        elif spacer_columns:
            old_cell, new_cell = version_cells_of(row, _body_row_name(row), where)
            old_text, new_text = _paragraph_text(old_cell), _paragraph_text(new_cell)
        elif len(cells) != 2:
            raise MalformedPage(f"{_body_row_name(row)} has {counted(len(cells), 'cell')}, where News "
                                "Sniffer writes 2", where, row.sourceline, hint=_SAVE_AGAIN)
        else:
            old_text, new_text = _paragraph_text(cells[0]), _paragraph_text(cells[1])
        if cells and (stray := _stray_text_warning(row, len(cells), where)) is not None:
            warnings.append(stray)
        if old_text:
            old.append(old_text)
        if new_text:
            new.append(new_text)
    source, url, changes, metadata = _article_info(soup, table, where, warnings)
    warnings.extend(sniffer_url_warnings(url, where))
    old_number, new_number = (parse_number(m.group(1), "version number", where, cell.sourceline)
                              for m, cell in zip(numbers, version_cells) if m)
    if old_number == new_number:
        raise MalformedPage(f"the page compares version {old_number} with itself", where,
                            version_cells[1].sourceline,
                            hint="the header row is damaged; save it again from News Sniffer")
    if time_text is not None:
        warnings.extend(time_row_contradiction(time_text, (old_number, new_number), times,
                                               f"{where}:{time_cells[1].sourceline}"))
    # A page reached by "Previous version" shows the later version on the left ("(... earlier)"):
    # the article's versions run in the order of their numbers, as a flattened page's do. The
    # right one's time is told from the left one.
    versions = tuple(sorted((
        Version(old_number, titles[0], tuple(old), times[0]),
        Version(new_number, titles[1], tuple(new), times[1], time_text,
                time_from=old_number if time_text is not None else None),
    ), key=lambda version: version.number))
    for version in versions:
        warnings.extend(textless_warning(version, where))
    count_warning = None if changes is None else sniffer_count_warning(changes, versions[-1].number,
                                                                       where)
    if count_warning is not None:
        warnings.append(count_warning)
        changes = None
    return Article(source, url, versions, changes, metadata, tuple(warnings))


def _stray_text_warning(row: Tag, cell_count: int, where: str) -> str | None:
    """The warning of a body row whose text a browser shows outside its `cell_count` cells
    (`td`), which News Sniffer never writes: that text is in neither version. A row without
    cells gives all its text so; one of the table's header (`thead`) holds no version's text, so
    one that lost its cells (a time row cut out, its `(... later)` left) gives none. A browser
    moves text beside cells out of the table and shows it above it ("foster parenting"), in
    neither version's column; the cells are read as they stand."""
    text = _shown_text(row, [child for child in row.children
                             if not (isinstance(child, Tag) and child.name in ("td", "th"))])
    if not text.strip():
        return None
    if not cell_count:
        section = row.find_parent(["thead", "table"])
        if section is not None and section.name == "thead":
            return None
        what = "holds text but no cells (td), where News Sniffer writes 2"
    else:
        what = (f"holds text outside its {counted(cell_count, 'cell')} (td), which News Sniffer "
                "never writes and a browser shows above the table")
    return (f"{where}:{row.sourceline}: {_body_row_name(row)} {what}; its text {shown(text)} is "
            "left out of both versions (save the page again from News Sniffer to have it read)")


def _body_row_name(row: Tag) -> str:
    """A body row as an error names it: by its id, quoted, where it has one."""
    row_id = row.get("id")
    return f"body row {shown(str(row_id)) if row_id else 'without an id'}"


def _element_time(stamp: Tag, whose: str, place: str) -> tuple[datetime | None, str | None]:
    """The time a version's `<time>` at `place` gives, and its warning, `whose` naming the
    version: its `datetime` attribute, or without one its text, as HTML reads the element, the
    form News Sniffer shows (`2020-01-07 23:10:00 UTC`) as the text page's reader reads it."""
    stamped = stamp.get("datetime")
    if stamped is not None:
        return _stamped_time(str(stamped), f"{whose} <time datetime>", place)
    text = _cell_text(stamp)
    display = SHOWN_TIME.fullmatch(text)
    return _stamped_time(iso_time_of(display) if display else text, f"{whose} <time> text", place,
                         written=text)


def _stamped_time(stamped: str, what: str, place: str, written: str | None = None
                  ) -> tuple[datetime | None, str | None]:
    """The time a `<time datetime>` value gives, and its warning, `what` naming it at `place`
    (`page.html:12`) and quoting `written`, the text that gives `stamped`, where there is one: one
    that is no time is left out, saying why where its zone is what is wrong (an offset out of
    range, `+2500`, `-01:60`, or one that puts the time outside the years 1 to 9999 in UTC,
    `0001-01-01T00:00+05:00`); one at a leap second is read at second 59.
    """
    quoted = f"{place}: {what} {shown(stamped if written is None else written)} is not a time"
    try:
        time = parse_iso_time(stamped, what, place)
    except MalformedPage:
        return None, (f"{quoted}: its zone puts it outside the years 1 to 9999 in UTC; left out "
                      "(correct its date or offset in the file to have it read)")
    if time is None:
        if not stamped.strip():
            return None, None
        offset_reason = offset_out_of_range_reason(stamped, iso=True)
        if offset_reason is None:
            return None, f"{quoted}; left out"
        return None, (f"{quoted}: {offset_reason}; left out (correct the offset in the file to "
                      "have it read)")
    leap_second = leap_second_warning(stamped, what)
    return time, None if leap_second is None else f"{place}: {leap_second}"


def _version_line(soup: BeautifulSoup) -> tuple[Tag, re.Match[str]] | None:
    """The first `<p>` whose whole text is 'Version N of M.'.

    Only a paragraph that directly holds the word `Version` is looked at, so a page of
    thousands of nested paragraphs is not read once for each of them.
    """
    for string in soup.find_all(string=_VERSION_WORD):
        paragraph = string.parent
        if isinstance(paragraph, Tag) and paragraph.name == "p":
            found = _version_of_line(_cell_text(paragraph))
            if found:
                return paragraph, found
    return None


def _text_paragraphs(version_line: Tag, heading: Tag) -> list[Tag]:
    """The `<p>` elements of the version's text: those that follow the version line in its own
    container; where none does, those in the elements that follow it (the text wrapped in an
    element of its own), or that follow the element the version line is wrapped in, up to the
    element that holds the title too: a version without text has no paragraphs, not those of
    the site layout after it (a footer)."""
    paragraphs: list[Tag] = list(version_line.find_next_siblings("p"))
    title_holders = {id(holder) for holder in heading.parents}
    element: Tag | None = version_line
    while not paragraphs and element is not None and id(element) not in title_holders:
        paragraphs = [p for following in element.find_next_siblings()
                      for p in ([following] if following.name == "p" else following.find_all("p"))]
        element = element.parent
    return paragraphs


def _url_line(heading: Tag, version_line: Tag) -> str | None:
    """The URL of the last paragraph between the title and the version line that is a link and
    nothing else, however either is wrapped."""
    url = None
    for element in heading.next_elements:
        if element is version_line:
            return url
        if isinstance(element, Tag) and element.name == "p":
            link = element.find("a")
            if link is not None and _cell_text(element) == _cell_text(link):
                url = str(link.get("href") or _cell_text(link))
    return None


def read_version_page(text: str, where: str) -> Article:
    """Read a News Sniffer single-version page: title, URL, 'Version N of M.', paragraphs.

    The title is the `<h1>` nearest before the version line, so a site name's heading above it
    is not taken for the title. The paragraphs are the `<p>` elements that follow the version
    line in its own container (`_text_paragraphs`), so paragraphs of the site layout (header,
    footer) are not taken for article text. The page is read as a browser shows it
    (`shown_markup`): a title, version line or paragraph in a comment, a script, style, template
    or textarea element is none.
    """
    markup = shown_markup(text)
    elements = _page_elements(markup, where)  # read once for both uses
    _require_closed(markup, elements, where)
    refuse_a_second_page(markup, where)
    if looks_translated(markup):
        raise MalformedPage("the version page was translated by the browser before it was saved", where,
                            hint=SAVE_UNTRANSLATED)
    soup = BeautifulSoup(end_tags_implied(markup, elements), "html.parser")
    first_heading = soup.find("h1")
    if first_heading is None:
        raise MalformedPage("no <h1> title in the version page", where, hint=_SAVE_AGAIN)
    located = _version_line(soup)
    if located is None:
        raise MalformedPage("no 'Version N of M.' line in the version page", where,
                            hint=_SAVE_AGAIN)
    version_line, found = located
    # the title is the heading nearest before the version line, not a site name's `<h1>` above it
    heading = version_line.find_previous("h1") or first_heading
    number = parse_number(found.group(1), "version number", where)
    total = parse_number(found.group(2), "version count", where)
    url = _url_line(heading, version_line)
    if url is None:
        author_link = soup.find("link", rel=lambda r: r is not None and "author" in r)
        url = str(author_link.get("href")) if author_link is not None else None
    if url is not None:
        url = checked_url(without_wayback_prefix(url), "article URL", where)
    # each `<p>` a paragraph News Sniffer stores, '\xa0' too; one of ASCII white space alone none
    paragraphs = [content for p in _text_paragraphs(version_line, heading)
                  if (content := _paragraph_text(p))]
    version = Version(number, _paragraph_text(heading), tuple(paragraphs))
    return version_page_article(url, version, total, where)
