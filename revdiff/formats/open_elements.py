"""The elements a fragment of markup leaves open: where it is cut short, and where a browser
ends an element whose end tag HTML lets go.

A fragment (a page's element as a browser's "Copy element" or a tool that saves the article's
element writes it) has no `</html>` to tell it whole, but such a writer closes every element it
opens whose end tag HTML requires: one left open at the end, or a tag without its `>`, is where it
was cut. An element whose end tag HTML lets go (`<p>One<p>Two</p>`, `<li>`, `<td>`, `<body>`) is
no cut where it is left open.

A browser also ends an element whose end tag HTML lets go where the next of its kind starts
(the HTML standard's tree construction): an open `<p>` where a block starts (the next `<p>`, a
`<div>`, a list, a table); an `<li>` at the next `<li>` of its list; a `<dt>` or `<dd>` at the
next `<dt>` or `<dd>`; a `<td>` or `<th>` at the next cell or row; a `<tr>` at the next row or
table section; a `<thead>`, `<tbody>` or `<tfoot>` at the next section; an `<option>` at the next
`<option>` or `<optgroup>`, an `<optgroup>` at the next `<optgroup>`. html.parser, and
BeautifulSoup on it, nest each in the one before: `end_tags_implied` writes the end tags a
browser implies, so that each is read as one. (The end of the parent, `</ul>`, `</table>`,
ends them in BeautifulSoup's reading too.)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from revdiff.errors import MalformedPage

# How deep a page's elements may nest: the pages revdiff reads nest some tens deep at most, and
# a tree of elements nested deeper costs time and memory that grow faster than the page (500,000
# nested <div>s, 5.5 MB, took a News Sniffer diff page's reader 17 s and 358 MB; 80,000, 0.9 MB,
# took the version page's 6 s, the NewsDiffs page's 10 s and the saved page's 10 s)
MAX_DEPTH = 512
# Elements HTML gives no end tag, and those of old HTML that a browser, and BeautifulSoup's tree,
# give none either (`<keygen>`, `<frame>`, `<basefont>`): read as open, one was a cut where it
# ended a fragment, and a scope that kept a list item from being ended, where the tree ends it
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame",
                   "image", "isindex", "keygen", "menuitem", "nextid", "spacer"})
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
# HTML's "special" elements but `address`, `div` and `p`: a list item or a term or description
# open outside one is not ended from inside it (`<li><section><li>` nests the second item)
_ITEM_SCOPE = frozenset({"applet", "area", "article", "aside", "base", "basefont", "bgsound",
                         "blockquote", "body", "br", "button", "caption", "center", "col",
                         "colgroup", "dd", "details", "dir", "dl", "dt", "embed", "fieldset",
                         "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
                         "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
                         "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
                         "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
                         "object", "ol", "param", "plaintext", "pre", "script", "search",
                         "section", "select", "source", "style", "summary", "table", "tbody",
                         "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
                         "track", "ul", "wbr", "xmp"})
# Elements a table's cell, row or section outside them is not ended from inside (HTML's "table
# scope")
_TABLE_SCOPE = frozenset({"html", "table", "template"})


class _Implied:
    """Elements that a browser ends where one of `starts` starts: the innermost open element of
    `ended`, unless an element of `scope` is open inside it."""

    def __init__(self, starts: frozenset[str], ended: frozenset[str], scope: frozenset[str]
                 ) -> None:
        self.starts = starts
        self.ended = ended
        self.marked = ended | scope


# In the order a browser ends them at one tag: an `<li>` ends the open item, then the paragraph
# it was in (HTML's tree construction for each start tag)
_IMPLIED_ENDS = (
    _Implied(frozenset({"li"}), frozenset({"li"}), _ITEM_SCOPE),
    _Implied(frozenset({"dd", "dt"}), frozenset({"dd", "dt"}), _ITEM_SCOPE),
    _Implied(_ENDS_PARAGRAPH, frozenset({"p"}),
             # HTML's "button scope"
             frozenset({"applet", "button", "caption", "html", "marquee", "object", "table", "td",
                        "template", "th"})),
    _Implied(frozenset({"td", "th", "tr", "thead", "tbody", "tfoot"}), frozenset({"td", "th"}),
             _TABLE_SCOPE),
    _Implied(frozenset({"tr", "thead", "tbody", "tfoot"}), frozenset({"tr"}), _TABLE_SCOPE),
    _Implied(frozenset({"thead", "tbody", "tfoot"}), frozenset({"thead", "tbody", "tfoot"}),
             _TABLE_SCOPE),
    _Implied(frozenset({"option", "optgroup"}), frozenset({"option"}),
             frozenset({"select", "datalist", "optgroup"})),
    _Implied(frozenset({"optgroup"}), frozenset({"optgroup"}), frozenset({"select", "datalist"})),
)
# A tag's start with no `>` after it: the markup ends inside the tag. Attribute text holds no
# `<`, so each try stops at the next tag and the search stays linear.
_UNENDED_TAG = re.compile(r"<[/!?]?[a-zA-Z][^<>]*\Z")
# A tag name that can be shown as it is (no control characters, nothing to quote)
_PLAIN_NAME = re.compile(r"[a-z][a-z0-9-]*")


class NestedTooDeep(Exception):
    """An element that starts inside `MAX_DEPTH` open elements, at `line`: what holds them all
    grows with their depth."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line

    def refusal(self, where: str, usual: str, hint: str) -> MalformedPage:
        """The page's refusal at the element's line, `usual` saying how deep its kind nests."""
        return MalformedPage(f"an element nested more than {MAX_DEPTH} elements deep starts here, "
                             f"where {usual}", where, self.line, hint=hint)


class TooManyElements(Exception):
    """An element past the most `read_open_elements` was told to read, at `line`: a tree of
    them all takes about a kilobyte of memory for each."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line

    def refusal(self, where: str, limit: int, usual: str, hint: str) -> MalformedPage:
        """The page's refusal at the element's line, past `limit`, `usual` saying how many its
        kind holds."""
        return MalformedPage(f"the page holds more than {limit:,} elements, the next starting "
                             f"here, where {usual}", where, self.line, hint=hint)


class _OpenElements(HTMLParser):
    """The elements open at the end of the markup fed, each with the line of its start tag, and
    the elements a browser ends at the start of a later tag (`_IMPLIED_ENDS`): the line and
    column of that tag, and the name of the element ended. An element that starts inside
    `MAX_DEPTH` open elements raises NestedTooDeep, and one past the first `max_elements`
    (void ones too) TooManyElements."""

    def __init__(self, max_elements: int | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.max_elements = max_elements
        self.started = 0  # the elements whose start tag was read
        self.open: list[tuple[str, int]] = []
        self.implied_ends: list[tuple[int, int, str]] = []
        self._counts: Counter[str] = Counter()
        # For each rule of `_IMPLIED_ENDS`, where in `open` the elements it ends or is scoped by
        # are: the last tells at once whether a tag's start ends an element
        self._marks: list[list[int]] = [[] for _ in _IMPLIED_ENDS]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._count_element()
        self._end_implied_before(tag)
        if tag not in _VOID:
            if len(self.open) >= MAX_DEPTH:
                raise NestedTooDeep(self.getpos()[0])
            for rule, marks in zip(_IMPLIED_ENDS, self._marks):
                if tag in rule.marked:
                    marks.append(len(self.open))
            self.open.append((tag, self.getpos()[0]))
            self._counts[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<div/>` opens nothing that needs an end tag: as a writer of XHTML meant it."""
        self._count_element()
        self._end_implied_before(tag)

    def _count_element(self) -> None:
        self.started += 1
        if self.max_elements is not None and self.started > self.max_elements:
            raise TooManyElements(self.getpos()[0])

    def handle_endtag(self, tag: str) -> None:
        # An end tag closes the elements opened inside its own; a stray one closes nothing
        if self._counts[tag]:
            self._close(tag)

    def _end_implied_before(self, tag: str) -> None:
        for rule, marks in zip(_IMPLIED_ENDS, self._marks):
            if tag in rule.starts and marks and (name := self.open[marks[-1]][0]) in rule.ended:
                line, column = self.getpos()
                self.implied_ends.append((line, column, name))
                self._close(name)

    def _close(self, tag: str) -> None:
        """Close the innermost open `tag` and the elements opened inside it."""
        while True:
            name, _ = self.open.pop()
            self._counts[name] -= 1
            for marks in self._marks:
                if marks and marks[-1] == len(self.open):
                    marks.pop()
            if name == tag:
                break


@dataclass(frozen=True)
class OpenElements:
    """What one html.parser pass over a markup finds (`read_open_elements`): the elements open
    at its end, each with the line of its start tag, and the elements a browser ends at the
    start of a later tag, each with that tag's line and column. A caller that needs both
    `cut_short_at` and `end_tags_implied` of one markup passes them this, read once."""

    open: tuple[tuple[str, int], ...]
    implied_ends: tuple[tuple[int, int, str], ...]


def read_open_elements(markup: str, max_elements: int | None = None) -> OpenElements:
    """What one html.parser pass over `markup` finds (`OpenElements`); an element that starts
    inside `MAX_DEPTH` open elements raises NestedTooDeep, as `cut_short_at` and
    `end_tags_implied` do without `elements`; with `max_elements`, one past that many raises
    TooManyElements."""
    parser = _OpenElements(max_elements)
    parser.feed(markup)
    parser.close()
    return OpenElements(tuple(parser.open), tuple(parser.implied_ends))


def cut_short_at(markup: str, elements: OpenElements | None = None) -> tuple[str, int] | None:
    """Where `markup`, a fragment whose comments, scripts and the like are blanked, is cut short:
    what is left unended, and its line (that of the innermost element left open whose end tag
    HTML requires, or of the tag the markup ends inside); None for a fragment that ends all it
    starts but for elements whose end tag HTML lets go. `elements`, when given, is
    `read_open_elements(markup)`."""
    unended = _UNENDED_TAG.search(markup)
    if unended is not None:
        return "this tag does not end (no > after it)", markup.count("\n", 0, unended.start()) + 1
    required = [(name, line) for name, line in (elements or read_open_elements(markup)).open
                if name not in _END_TAG_OPTIONAL]
    if not required:
        return None
    name, line = required[-1]
    if not _PLAIN_NAME.fullmatch(name):
        return "this element does not end (no end tag after it)", line
    return f"this <{name}> does not end (no </{name}> after it)", line


def end_tags_implied(markup: str, elements: OpenElements | None = None) -> str:
    """`markup` with the end tag of each element a browser ends at the start of a later tag
    (`</p>` before a `<div>`, `</li>` before the next `<li>`) written before that tag, on the
    lines the tags were on. `elements`, when given, is `read_open_elements(markup)`."""
    ends = (elements or read_open_elements(markup)).implied_ends
    if not ends:
        return markup
    line_starts = [0, *(found.end() for found in re.finditer("\n", markup))]
    pieces: list[str] = []
    done = 0
    for line, column, name in ends:
        at = line_starts[line - 1] + column
        pieces.extend((markup[done:at], f"</{name}>"))
        done = at
    pieces.append(markup[done:])
    return "".join(pieces)
