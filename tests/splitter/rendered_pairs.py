"""Two versions as the splitter meets them: written into a News Sniffer text page by revdiff's
renderer and read back, for the tests of how the splitter reads the page's rows."""

from __future__ import annotations

from revdiff.formats.sniffer_text import read_diff_texts
from revdiff.model import Article, Version
from revdiff.render.sniffer import PageInfo, render_diff_text


def read_rendered_pair(old: list[str], new: list[str]) -> Article:
    """The article read from the page of version 1 (paragraphs `old`) and version 2 (`new`)."""
    text = render_diff_text(Version(1, "T", tuple(old)), Version(2, "T", tuple(new)), PageInfo())
    [article] = read_diff_texts([("page.txt", text)])
    return article
