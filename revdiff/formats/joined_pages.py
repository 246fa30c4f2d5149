"""HTML files that hold two pages, one after the other (two saves appended to one file, `cat
a.html b.html > both.html`): a reader would read the first page alone, without a word."""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage
from revdiff.formats.shown_markup import html_end_tags

# Another page's start (its doctype, or a start tag named html: not a custom element's
# `<html-frame>`) right after a page's end (`html_end_tags`), with only white space and a byte
# order mark between them in the markup a browser shows (comments, a browser's `<!-- saved from
# url=… -->`, an archive's notes, are blanked; so is a script's string that writes a frame's
# page, `document.write('<html><body></body></html>')`, which is no page's end)
_NEXT_DOCUMENT = re.compile(r"[\s\ufeff]*(?P<start><!doctype\s+html\b|<html(?=[\t\n\f\r />]))",
                            re.IGNORECASE)


def refuse_a_second_page(shown: str, where: str) -> None:
    """Refuse a page after which another page starts, naming the line where it does, `shown`
    being the page's `shown_markup` (so that a page's end and start in a comment, a script's
    string or another element whose text is no markup are none; its lines keep their numbers)."""
    for end in html_end_tags(shown):
        second = _NEXT_DOCUMENT.match(shown, end.end())
        if second is not None:
            raise MalformedPage("a second page starts here: the file holds more than one page",
                                where, shown.count("\n", 0, second.start("start")) + 1,
                                hint="save each page in a file of its own and give them all")
