"""A page's tree of elements, each ended where a browser ends it, and its `OpenElements`, read
in one html.parser pass: `BeautifulSoup(end_tags_implied(markup, elements), "html.parser")` after
`read_open_elements(markup)` reads the page twice, which took a third of the time a long page
was read in.

The tree is the one that gives: the elements an `ElementStack` of the page ends at a tag's
start are ended in the tree right before it, where `end_tags_implied` writes their end tags.
"""

from __future__ import annotations

from bs4 import BeautifulSoup
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder

from revdiff.formats.open_elements import ElementStack, OpenElements


class _Parser(BeautifulSoupHTMLParser):
    """BeautifulSoup's html.parser reading, each element ended where its builder's
    `ElementStack` ends it."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]],
                        handle_empty_element: bool = True) -> None:
        self._end(self._stack().start(tag, *self.getpos()))
        super().handle_starttag(tag, attrs, handle_empty_element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """`<div/>`: an element started and ended in the tree, as BeautifulSoup reads it, and
        one that opens nothing in the stack (`ElementStack.start_closed`), which its end, no
        end tag in the page, does not close."""
        self._end(self._stack().start_closed(tag, *self.getpos()))
        super().handle_starttag(tag, attrs, handle_empty_element=False)
        super().handle_endtag(tag)

    def handle_endtag(self, tag: str, check_already_closed: bool = True) -> None:
        self._stack().end(tag)
        super().handle_endtag(tag, check_already_closed)

    def _end(self, names: list[str]) -> None:
        """End the elements the stack ended, in the tree alone."""
        for name in names:
            super().handle_endtag(name)

    def _stack(self) -> ElementStack:
        builder = self.soup.builder
        assert isinstance(builder, _Builder)
        return builder.stack


class _Builder(HTMLParserTreeBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.stack = ElementStack()

    def feed(self, markup: object) -> None:  # type: ignore[override]
        super().feed(markup, _parser_class=_Parser)  # type: ignore[arg-type]


def page_tree(markup: str) -> tuple[BeautifulSoup, OpenElements]:
    """`markup`'s tree, each element ended where a browser ends it, on the lines of the markup,
    and its `read_open_elements`, read in one pass; an element that starts inside `MAX_DEPTH`
    open elements raises NestedTooDeep."""
    builder = _Builder()
    soup = BeautifulSoup(markup, builder=builder)
    return soup, builder.stack.elements()
