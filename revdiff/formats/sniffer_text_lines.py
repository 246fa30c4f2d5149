"""The lines of News Sniffer pages saved as text around their paragraphs: a diff page's
article-info lines, version row, time row, pagination and site footer, and a version page's
article URL, as patterns the readers of the diff page's and the version page's text share."""

from __future__ import annotations

import re

from revdiff.formats.sniffer_shown_times import SHOWN_TIME

# How the article-info line opens, which a page cut short inside that line still holds
SOURCE_LINE_START = "This article is from the source '"
SOURCE_LINE = re.compile(
    rf"{SOURCE_LINE_START}(?P<source>[^']*)' and was first published or seen on"
    r" ?(?P<seen>.*?)\.(?: (?P<status>.*))?$"
)
URL_LINE = re.compile(r"You can find the current article at its original source at (?P<url>\S+)")
CHANGES_LINE = re.compile(r"The article has changed (?P<changes>\d+) times?\.")
# `Version 6 Version 7` flattened; `Version 6<TAB>Version 7` copied from a browser, which keeps
# the table's cells apart with a tab.
VERSIONS_LINE = re.compile(r"Version (?P<old>\d+)(?P<gap> | *\t *)Version (?P<new>\d+)")
# The version row's two cells on lines of their own (`Version 0`, then `Version 1`): the text a
# tag stripper (BeautifulSoup's `get_text`, lxml's `text_content`) pulls out of the HTML page.
SPLIT_VERSIONS = re.compile(r"^[ \t]*Version (?P<old>\d+)[ \t]*\n\s*Version (?P<new>\d+)[ \t]*$",
                            re.MULTILINE)
# A line that opens as the version row does, in any case, without being one: the row damaged
# (`Version 6 Versio 7`), a version page's line (`Version 2 of 5`), or its case changed.
DAMAGED_VERSIONS_LINE = re.compile(r"[ \t]*version\b.*\d", re.IGNORECASE)
PAGINATION = re.compile(r"(Previous|Next) version\b")
# The pagination line a flattener that keeps the whole page leaves after the table:
# `Previous version`, `Previous version 2 3 Next version`, `0 1 Next version`.
PAGINATION_LINE = re.compile(r"(?=.*\bversion$|Previous version\b)(?:Previous version)?(?: ?\d+)*"
                             r"(?: ?Next version)?")
# The site's footer line (`revdiff.render.sniffer`, `revdiff.render.sniffer_version`), which a
# text taken from the whole page keeps last.
SITE_FOOTER = re.compile(r"Currently monitoring [\d,]+ articles\.|News Sniffer watches news websites"
                         r" for changes to their articles\.")
# The time row's text (`(about 1 hour later)`): Rails writes no brackets inside it, and a search
# that let them in read on to the end of a cell from each `(`, a time growing with the square of
# the cell's length.
TIME_LINE = re.compile(r"\((?P<distance>[^()]+ (?:later|earlier))\)")
# The time row of a flattener that keeps the time cells' text too: `2020-01-02 17:12:09 UTC
# 2020-01-02 18:20:00 UTC (about 1 hour later)`.
TIME_ROW = re.compile(rf"(?:{SHOWN_TIME.pattern} ?){{0,2}}{TIME_LINE.pattern}")
# The start of a time row, cut short: `(about 1 hour l`.
CUT_TIME_LINE = re.compile(r"\([^()]*")
# A line that is a URL alone: a version page's article URL, right above its version line
URL_ALONE = re.compile(r"https?://\S+")
# Lines a page's header takes at the most: a version page's version line is looked for within
# as many of its non-blank lines (`sniffer_version_text`), a diff page's damaged version row
# within as many of its lines (`refuse_a_damaged_version_row`).
HEADER_LINES_MAX = 40


def opens_as_info_line(line: str) -> bool:
    """Whether `line` opens as the article-info line, or as the URL or change count line (a page
    copied without the lines above it), in News Sniffer's case or another (`this article is from
    the source '`, `the article has changed 16 times`, as a page whose text was lower-cased as a
    whole does): such a page is read as a diff page, its recased version row refused, naming its
    line (`refuse_a_damaged_version_row`), not taken for a page translated by the browser nor
    read as a plain version."""
    return (line.lstrip()[:len(SOURCE_LINE_START)].casefold() == SOURCE_LINE_START.casefold()
            or any(re.match(info.pattern, line.lstrip(), re.IGNORECASE) is not None
                   for info in (URL_LINE, CHANGES_LINE)))


def tabbed_info_line(line: str) -> bool:
    """Whether `line` is the article-info line with tabs where the page holds spaces in its
    opening words, as an editor or a converter that turns spaces into tabs leaves it: refused
    (`parse_header`), as the body's rows, where a tab parts a copied table's cells, cannot be
    read then. A tab further on, in what the line reads as it is, is no such sign."""
    return (not line.startswith(SOURCE_LINE_START)
            and line.replace("\t", " ").startswith(SOURCE_LINE_START))
