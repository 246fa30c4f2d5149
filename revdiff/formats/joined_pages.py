"""HTML files that hold two pages, one after the other (two saves appended to one file, `cat
a.html b.html > both.html`): a reader would read the first page alone, without a word."""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage

# A page's end followed by another's start, with only white space, a byte order mark and comments
# (a browser's `<!-- saved from url=… -->`, an archive's notes) between them; a script's string
# that writes a frame's page (`document.write('<html><body></body></html>')`) is no page's end.
_NEXT_DOCUMENT = re.compile(r"</html\s*>[\s\ufeff]*(?:<!--[^>]*-->[\s\ufeff]*)*"
                            r"(?P<start><!doctype\s+html\b|<html\b)", re.IGNORECASE)


def refuse_a_second_page(text: str, where: str) -> None:
    """Refuse a page after which another page starts, naming the line where it does."""
    second = _NEXT_DOCUMENT.search(text)
    if second is not None:
        raise MalformedPage("a second page starts here: the file holds more than one page", where,
                            text.count("\n", 0, second.start("start")) + 1,
                            hint="save each page in a file of its own and give them all")
