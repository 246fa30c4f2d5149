"""The elements a fragment of markup leaves open: where it is cut short, and where a browser
ends a paragraph left open.

A fragment (a page's element as a browser's "Copy element" or a tool that saves the article's
element writes it) has no `</html>` to tell it whole, but such a writer closes every element it
opens whose end tag HTML requires: one left open at the end, or a tag without its `>`, is where it
was cut. An element whose end tag HTML lets go (`<p>One<p>Two</p>`, `<li>`, `<td>`, `<body>`) is
no cut where it is left open.

A browser ends an open `<p>` where a block starts (the next `<p>`, a `<div>`, a list, a table);
html.parser, and BeautifulSoup on it, nest the block in the paragraph: `paragraphs_ended` writes
the `</p>` a browser implies, so that each paragraph is read as one.
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
# Elements whose start ends an open `<p>` (HTML's "close a p element" in its tree building)
_ENDS_PARAGRAPH = frozenset({"address", "article", "aside", "blockquote", "center", "dd",
                             "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
                             "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
                             "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu",
                             "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary",
                             "table", "ul", "xmp"})
# Elements a `<p>` outside them is not ended from inside (HTML's "button scope")
_PARAGRAPH_SCOPE = frozenset({"applet", "button", "caption", "html", "marquee", "object", "table",
                              "td", "template", "th"})
# A tag's start with no `>` after it: the markup ends inside the tag. Attribute text holds no
# `<`, so each try stops at the next tag and the search stays linear.
_UNENDED_TAG = re.compile(r"<[/!?]?[a-zA-Z][^<>]*\Z")
# A tag name that can be shown as it is (no control characters, nothing to quote)
_PLAIN_NAME = re.compile(r"[a-z][a-z0-9-]*")


class _OpenElements(HTMLParser):
    """The elements open at the end of the markup fed, each with the line of its start tag, and
    where a `<p>` left open is ended by the start of a block (line and column of its tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.paragraph_ends: list[tuple[int, int]] = []
        self._counts: Counter[str] = Counter()
        # Where in `open` the open `<p>` elements and those of `_PARAGRAPH_SCOPE` are: the last
        # tells at once whether a block's start ends a paragraph
        self._scope_marks: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_paragraph_before(tag)
        if tag not in _VOID:
            if tag == "p" or tag in _PARAGRAPH_SCOPE:
                self._scope_marks.append(len(self.open))
            self.open.append((tag, self.getpos()[0]))
            self._counts[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<div/>` opens nothing that needs an end tag: as a writer of XHTML meant it."""
        self._end_paragraph_before(tag)

    def handle_endtag(self, tag: str) -> None:
        # An end tag closes the elements opened inside its own; a stray one closes nothing
        if self._counts[tag]:
            self._close(tag)

    def _end_paragraph_before(self, tag: str) -> None:
        if (tag in _ENDS_PARAGRAPH and self._scope_marks
                and self.open[self._scope_marks[-1]][0] == "p"):
            self.paragraph_ends.append(self.getpos())
            self._close("p")

    def _close(self, tag: str) -> None:
        """Close the innermost open `tag` and the elements opened inside it."""
        while True:
            name, _ = self.open.pop()
            self._counts[name] -= 1
            if self._scope_marks and self._scope_marks[-1] == len(self.open):
                self._scope_marks.pop()
            if name == tag:
                break


def _read(markup: str) -> _OpenElements:
    parser = _OpenElements()
    parser.feed(markup)
    parser.close()
    return parser


def cut_short_at(markup: str) -> tuple[str, int] | None:
    """Where `markup`, a fragment whose comments, scripts and the like are blanked, is cut short:
    what is left unended, and its line (that of the innermost element left open whose end tag
    HTML requires, or of the tag the markup ends inside); None for a fragment that ends all it
    starts but for elements whose end tag HTML lets go."""
    unended = _UNENDED_TAG.search(markup)
    if unended is not None:
        return "this tag does not end (no > after it)", markup.count("\n", 0, unended.start()) + 1
    required = [(name, line) for name, line in _read(markup).open
                if name not in _END_TAG_OPTIONAL]
    if not required:
        return None
    name, line = required[-1]
    if not _PLAIN_NAME.fullmatch(name):
        return "this element does not end (no end tag after it)", line
    return f"this <{name}> does not end (no </{name}> after it)", line


def paragraphs_ended(markup: str) -> str:
    """`markup` with a `</p>` before each tag that a browser ends an open paragraph at, on the
    lines the tags were on."""
    ends = _read(markup).paragraph_ends
    if not ends:
        return markup
    line_starts = [0, *(found.end() for found in re.finditer("\n", markup))]
    pieces: list[str] = []
    done = 0
    for line, column in ends:
        at = line_starts[line - 1] + column
        pieces.extend((markup[done:at], "</p>"))
        done = at
    pieces.append(markup[done:])
    return "".join(pieces)
