"""Where a fragment of markup is cut short, and where it only leaves out end tags HTML lets go."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from revdiff.formats.open_elements import cut_short_at, end_tags_implied


@pytest.mark.parametrize("markup", [
    "<p>One<p>Two</p>",
    "<div><p>One<p>Two</div>",
    "<ul><li>One<li>Two</ul><dl><dt>Term<dd>Meaning</dl>",
    ("<table><caption>C<colgroup><col><thead><tr><th>H<tbody><tr><td>One<td>Two<tfoot><tr><td>F"
    "</table>"),
    "<select><optgroup label=a><option>One<option>Two</select>",
    "<ruby>Kan<rp>(<rt>kan<rp>)</ruby>",
    "<html><head><title>T</title><body><p>One",
])
def test_end_tags_html_lets_go_leave_nothing_open(markup: str) -> None:
    assert cut_short_at(markup) is None


@pytest.mark.parametrize(("markup", "unended", "line"), [
    ("<div>\n<p>One<p>Two", "this <div> does not end (no </div> after it)", 1),
    ("<p>One\n<p>Two<span>three", "this <span> does not end (no </span> after it)", 2),
    ("<p>One</p>\n<p cla", "this tag does not end (no > after it)", 2),
])
def test_an_element_that_must_end_left_open_or_a_tag_unended_is_a_cut(markup: str, unended: str,
                                                                      line: int) -> None:
    assert cut_short_at(markup) == (unended, line)


@pytest.mark.parametrize(("markup", "ended"), [
    ("<p>One<p>Two</p>", "<p>One</p><p>Two</p>"),
    ("<p>One\n<div>Two</div>\n<P class=a>Three", "<p>One\n</p><div>Two</div>\n<P class=a>Three"),
    ("<p>One<span>two<hr/>three", "<p>One<span>two</p><hr/>three"),  # a browser ends the span too
    ("<p>One<table><tr><td><p>Two<ul><li>x</ul></table>",
     "<p>One</p><table><tr><td><p>Two</p><ul><li>x</ul></table>"),
    ("<p>One<button><p>Two</button>", "<p>One<button><p>Two</button>"),  # not from inside a button
    ("<p>One</p><div>Two</div><b>x</b><p>Three", "<p>One</p><div>Two</div><b>x</b><p>Three"),
])
def test_a_browser_ends_an_open_paragraph_where_a_block_starts(markup: str, ended: str) -> None:
    assert end_tags_implied(markup) == ended


@pytest.mark.parametrize(("markup", "ended"), [
    ("<ul><li>One<li>Two</ul>", "<ul><li>One</li><li>Two</ul>"),
    ("<ul><li>One<div><b>x<li>Two</ul>", "<ul><li>One<div><b>x</li><li>Two</ul>"),
    # a list inside an item: its items end its own, not the outer one
    ("<ul><li>One<ol><li>a<li>b</ol><li>Two</ul>",
     "<ul><li>One<ol><li>a</li><li>b</ol></li><li>Two</ul>"),
    ("<ul><li>One<section><li>a</section></ul>", "<ul><li>One<section><li>a</section></ul>"),
    ("<dl><dt>Term<dd>Meaning<dt>Next</dl>", "<dl><dt>Term</dt><dd>Meaning</dd><dt>Next</dl>"),
    ("<p>One<li>Two", "<p>One</p><li>Two"),
    ("<table><tr><th>H<td>One<tr><td>Two</table>",
     "<table><tr><th>H</th><td>One</td></tr><tr><td>Two</table>"),
    ("<table><thead><tr><th>H<tbody><tr><td>One</table>",
     "<table><thead><tr><th>H</th></tr></thead><tbody><tr><td>One</table>"),
    # a table inside a cell: its cells end its own, not the outer one
    ("<table><tr><td><table><tr><td>a<td>b</table>x<td>Two</table>",
     "<table><tr><td><table><tr><td>a</td><td>b</table>x</td><td>Two</table>"),
    ("<table><tr><td><p>One<td>Two</table>", "<table><tr><td><p>One</td><td>Two</table>"),
    ("<select><option>One<option>Two<optgroup><option>a<optgroup>",
     ("<select><option>One</option><option>Two</option><optgroup><option>a</option></optgroup>"
      "<optgroup>")),
    ("<ul><li>One</li><li>Two</li></ul>", "<ul><li>One</li><li>Two</li></ul>"),
])
def test_a_browser_ends_an_item_cell_row_or_option_where_the_next_starts(markup: str,
                                                                         ended: str) -> None:
    assert end_tags_implied(markup) == ended


@pytest.mark.parametrize("void", ["basefont", "bgsound", "command", "frame", "image", "isindex",
                                  "keygen", "menuitem", "nextid", "spacer"])
def test_an_element_beautifulsoup_gives_no_content_opens_nothing(void: str) -> None:
    """An element of old HTML that BeautifulSoup, as a browser, gives no end tag (`<keygen>`,
    `<frame>`) was read as one left open: a cut where it ends a fragment, and a scope the next
    list item was not ended from, where BeautifulSoup's tree has it ended before that item."""
    assert cut_short_at(f"<div>One</div><{void}>") is None
    markup = f"<ul><li>One<{void}><li>Two</{void}></ul>"
    assert end_tags_implied(markup) == f"<ul><li>One<{void}></li><li>Two</{void}></ul>"
    soup = BeautifulSoup(end_tags_implied(markup), "html.parser")
    assert [len(item.find_all("li")) for item in soup.find_all("li")] == [0, 0]
