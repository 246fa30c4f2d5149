"""Files that hold two pages, one after the other, are refused; what a browser reads as no page's
end or start is none."""

from __future__ import annotations

import pytest

from revdiff.errors import MalformedPage
from revdiff.formats.joined_pages import refuse_a_second_page
from revdiff.formats.shown_markup import shown_markup

PAGE = "<!DOCTYPE html>\n<html><body><p>One.</p></body>\n"


@pytest.mark.parametrize("end", ["</html>", "</HTML\n>", "</html/>", "</html data-x='>'>"])
def test_a_page_after_a_page_s_closing_tag_is_refused(end: str) -> None:
    """An end tag with attributes, or `</html/>`, which a browser reads as the page's end, was
    no end: the second page was read as part of the first."""
    with pytest.raises(MalformedPage) as refused:
        refuse_a_second_page(shown_markup(f"{PAGE}{end}\n{PAGE}</html>"), "both.html")
    assert refused.value.line == 4 + end.count("\n")
    assert "a second page starts here" in str(refused.value)


@pytest.mark.parametrize("after", ["<html-frame></html-frame>", "<!-- <html> -->", "<htmlx>",
                                   "<script>document.write('<html>')</script>"])
def test_what_a_browser_reads_as_no_second_page_is_none(after: str) -> None:
    """A custom element (`<html-frame>`) after the page's end was taken for a second page."""
    refuse_a_second_page(shown_markup(f"{PAGE}</html>{after}"), "one.html")
