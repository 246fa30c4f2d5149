"""A News Sniffer version page saved as text: its title, the article URL, `Version N of M.`,
then its paragraphs, one to a line; and how a text is told for one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from revdiff.errors import MalformedPage
from revdiff.formats.fields import checked_url, parse_number, shown, version_page_article
from revdiff.formats.sniffer_text_lines import HEADER_LINES_MAX, SITE_FOOTER, URL_ALONE
from revdiff.formats.sniffer_version_line import VERSION_OF_LINE
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version
from revdiff.read_warnings import counted, first_few

# Non-blank lines a version page's text holds before its version line: its title and URL, and
# whatever few lines the site's header left above them. Further down (to `HEADER_LINES_MAX`),
# the version line is a version page's only below lines that look like a site's header
# (navigation: `News Sniffer`, `Articles`), the title and the article URL right above it; a
# plain version that quotes `Version 2 of 5.` after paragraphs of its own is not one.
_VERSION_LINE_WITHIN = 6
# Non-blank lines a plain version's text is looked at for a version page's version line below a
# header that does not show it as one (`version_line_below_a_long_header`)
_LONG_HEADER_LINES = 20
_HEADER_LINE_CHARS = 80


def _version_line(lines: Sequence[str]) -> tuple[int, re.Match[str]] | None:
    """The `Version N of M.` line of a version page's non-blank lines, and its index; None where
    the text is none: within its first few lines, or below a site's header (short lines), a
    title and the article URL."""
    for index, line in enumerate(lines[:HEADER_LINES_MAX]):
        if (found := VERSION_OF_LINE.fullmatch(line)) is None:
            continue
        if index < _VERSION_LINE_WITHIN:
            return index, found
        above_title = lines[:index - 2]
        if (URL_ALONE.fullmatch(lines[index - 1])
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
            url_above = index > 0 and URL_ALONE.fullmatch(numbered[index - 1][1]) is not None
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
    while len(lines) > 1 and SITE_FOOTER.fullmatch(lines[-1]):
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
