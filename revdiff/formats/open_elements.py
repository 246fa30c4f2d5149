"""Where a fragment of markup is cut short: the element it leaves open, or the tag it ends in.

A fragment (a page's element as a browser's "Copy element" or a tool that saves the article's
element writes it) has no `</html>` to tell it whole, but such a writer closes every element it
opens whose end tag HTML requires: one left open at the end, or a tag without its `>`, is where it
was cut. An element whose end tag HTML lets go (`<p>One<p>Two</p>`, `<li>`, `<td>`, `<body>`) is
no cut where it is left open.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

# Elements HTML gives no end tag
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# Elements whose end tag HTML lets a page leave out: one left open is no sign of a cut
_END_TAG_OPTIONAL = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
                               "option", "optgroup", "colgroup", "caption", "rp", "rt", "html",
                               "head", "body"})
# A tag's start with no `>` after it: the markup ends inside the tag. Attribute text holds no
# `<`, so each try stops at the next tag and the search stays linear.
_UNENDED_TAG = re.compile(r"<[/!?]?[a-zA-Z][^<>]*\Z")
# A tag name that can be shown as it is (no control characters, nothing to quote)
_PLAIN_NAME = re.compile(r"[a-z][a-z0-9-]*")


class _OpenElements(HTMLParser):
    """The elements open at the end of the markup fed, each with the line of its start tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self._counts: Counter[str] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append((tag, self.getpos()[0]))
            self._counts[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<div/>` opens nothing that needs an end tag: as a writer of XHTML meant it."""

    def handle_endtag(self, tag: str) -> None:
        # An end tag closes the elements opened inside its own; a stray one closes nothing
        if self._counts[tag]:
            while True:
                name, _ = self.open.pop()
                self._counts[name] -= 1
                if name == tag:
                    break


def cut_short_at(markup: str) -> tuple[str, int] | None:
    """Where `markup`, a fragment whose comments, scripts and the like are blanked, is cut short:
    what is left unended, and its line (that of the innermost element left open whose end tag
    HTML requires, or of the tag the markup ends inside); None for a fragment that ends all it
    starts but for elements whose end tag HTML lets go."""
    unended = _UNENDED_TAG.search(markup)
    if unended is not None:
        return "this tag does not end (no > after it)", markup.count("\n", 0, unended.start()) + 1
    parser = _OpenElements()
    parser.feed(markup)
    parser.close()
    required = [(name, line) for name, line in parser.open if name not in _END_TAG_OPTIONAL]
    if not required:
        return None
    name, line = required[-1]
    if not _PLAIN_NAME.fullmatch(name):
        return "this element does not end (no end tag after it)", line
    return f"this <{name}> does not end (no </{name}> after it)", line
