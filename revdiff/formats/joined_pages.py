"""HTML files that hold two pages, one after the other (two saves appended to one file, `cat
a.html b.html > both.html`): a reader would read the first page alone, without a word."""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage

_DOCUMENT_END = re.compile(r"</html\s*>", re.IGNORECASE)
_DOCUMENT_START = re.compile(r"<!doctype\s+html\b|<html\b", re.IGNORECASE)


def refuse_a_second_page(text: str, where: str) -> None:
    """Refuse a page after which another page starts, naming the line where it does."""
    end = _DOCUMENT_END.search(text)
    second = _DOCUMENT_START.search(text, end.end()) if end is not None else None
    if second is not None:
        raise MalformedPage("a second page starts here: the file holds more than one page", where,
                            text.count("\n", 0, second.start()) + 1,
                            hint="save each page in a file of its own and give them all")
