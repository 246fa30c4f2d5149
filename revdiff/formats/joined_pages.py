"""HTML files that hold two pages, one after the other (two saves appended to one file, `cat
a.html b.html > both.html`): a reader would read the first page alone, without a word."""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage
from revdiff.formats.shown_markup import shown_markup

# A page's end followed by another's start, with only white space and a byte order mark between
# them in the markup a browser shows (comments, a browser's `<!-- saved from url=… -->`, an
# archive's notes, are blanked; so is a script's string that writes a frame's page,
# `document.write('<html><body></body></html>')`, which is no page's end)
_NEXT_DOCUMENT = re.compile(r"</html\s*>[\s\ufeff]*(?P<start><!doctype\s+html\b|<html\b)",
                            re.IGNORECASE)


def refuse_a_second_page(text: str, where: str) -> None:
    """Refuse a page after which another page starts, naming the line where it does. The page is
    read as a browser shows it (`shown_markup`): a page's end and start in a comment, a script's
    string, a template or a textarea are none."""
    markup = shown_markup(text)
    second = _NEXT_DOCUMENT.search(markup)
    if second is not None:
        raise MalformedPage("a second page starts here: the file holds more than one page", where,
                            markup.count("\n", 0, second.start("start")) + 1,
                            hint="save each page in a file of its own and give them all")
