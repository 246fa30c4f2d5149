"""Where a fragment of markup is cut short, and where it only leaves out end tags HTML lets go."""

from __future__ import annotations

import pytest

from revdiff.formats.open_elements import cut_short_at


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
