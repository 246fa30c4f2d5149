"""News Sniffer single-version pages, HTML and saved text: render, read back, compare."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_chains import SAMPLES, story_chains, versions

from revdiff.errors import InconsistentPages, MalformedPage, UnknownFormat
from revdiff.formats import load
from revdiff.formats.detect import Format, detect
from revdiff.formats.sniffer_html import read_version_page
from revdiff.formats.sniffer_version_text import read_version_text
from revdiff.model import Article, Version
from revdiff.render.sniffer import PageInfo, render_diff_html
from revdiff.render.sniffer_version import render_version_html, render_version_text

urls = st.sampled_from(["https://www.bbc.co.uk/news/world-51000000?a=1&b=2", None])


def without_time(version: Version) -> Version:
    return Version(version.number, version.title, version.paragraphs)


@settings(max_examples=60, deadline=None)
@given(versions(), urls, st.integers(1, 50))
def test_html_round_trips(version: Version, url: str | None, more: int) -> None:
    total = version.number + more  # versions are numbered from 0: version N needs a count above N
    article = read_version_page(render_version_html(version, url, total), "v.html")
    assert article.versions == (without_time(version),)
    assert (article.url, article.changes) == (url, total)


@settings(max_examples=60, deadline=None)
@given(versions(), urls, st.integers(1, 50))
def test_text_round_trips(version: Version, url: str | None, more: int) -> None:
    total = version.number + more  # versions are numbered from 0: version N needs a count above N
    article = read_version_text(render_version_text(version, url, total), "v.txt")
    assert article.versions == (without_time(version),)
    assert (article.url, article.changes) == (url, total)


def test_layout_paragraphs_are_not_article_text() -> None:
    page = render_version_html(Version(1, "T", ("Body.",)), "https://x.org/a", 2)
    assert "<div id=\"footer\"><p>" in page
    assert read_version_page(page, "v.html").versions[0].paragraphs == ("Body.",)


# (what the sample holds, what it is replaced with): the text in a <div> of its own, or the URL
# and version lines in one
WRAPPERS = [
    ("<p>Version 2 of 5.</p>\n", "<p>Version 2 of 5.</p>\n<div class=\"text\">\n"),
    ("</p>\n</div>\n</div>", "</p>\n</div>\n</div>\n</div>"),
], [
    ("<p><a href", "<div class=\"meta\"><p><a href"),
    ("Version 2 of 5.</p>", "Version 2 of 5.</p></div>"),
]


@pytest.mark.parametrize("replacements", WRAPPERS)
def test_a_wrapper_element_around_the_text_or_the_version_line_keeps_the_version(
        replacements: list[tuple[str, str]]) -> None:
    """A page saved with its text, or its URL and version lines, in an element of their own was
    read as a version without paragraphs (and, for the second, without its URL)."""
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    for before, after in replacements:
        assert before in page
        page = page.replace(before, after, 1)
    article = read_version_page(page, "v.html")
    chain = story_chains()[1]
    assert article.versions == (without_time(chain.versions[2]),)
    assert article.url == chain.url


@pytest.mark.parametrize(("name", "reader"), [("sniffer-version.html", read_version_page),
                                              ("sniffer-version.txt", read_version_text)])
def test_samples_give_back_the_chain_version(name: str, reader: object) -> None:
    chain = story_chains()[1]
    article = reader((SAMPLES / name).read_text("utf-8"), name)  # type: ignore[operator]
    assert article.versions == (without_time(chain.versions[2]),)
    assert article.url == chain.url and article.changes == len(chain.versions)


def test_page_without_version_line() -> None:
    with pytest.raises(MalformedPage, match="Version N of M"):
        read_version_page("<html><h1>T</h1><p>text</p></html>", "v.html")
    with pytest.raises(MalformedPage, match="Version N of M") as raised:
        read_version_text("T\nsome text\n", "v.txt")
    assert raised.value.hint is not None and "save or copy the whole page again" in raised.value.hint


@pytest.mark.parametrize("line", ["Version 2 of 5", "Version\t2 of 5.", "Version 2  of  5."])
def test_a_version_line_copied_without_its_full_stop_or_with_a_tab_is_read(line: str) -> None:
    # such a page was read as one plain version: its URL and title lines became paragraphs
    text = render_version_text(Version(2, "T", ("Body.",)), "https://x.org/a", 5)
    text = text.replace("Version 2 of 5.", line)
    assert detect(text) is Format.SNIFFER_VERSION_TEXT
    article = read_version_text(text, "v.txt")
    assert article.versions == (Version(2, "T", ("Body.",)),) and article.changes == 5


@pytest.mark.parametrize("line", ["Version 2 of 5.\xa0", "\xa0Version 2 of 5.", "Version 2 of 5\u2009"])
def test_a_version_line_with_unicode_white_space_at_its_edge_is_read(line: str) -> None:
    """`Version 2 of 5.` followed (or led) by a no-break space, which white space at a line's or
    a paragraph's edge means nothing, was refused by both readers as a page without its version
    line."""
    version = Version(2, "T", ("Body.",))
    text = render_version_text(version, "https://x.org/a", 5).replace("Version 2 of 5.", line)
    assert detect(text) is Format.SNIFFER_VERSION_TEXT
    article = read_version_text(text, "v.txt")
    assert article.versions == (version,) and article.changes == 5
    page = render_version_html(version, "https://x.org/a", 5)
    assert page.count("Version 2 of 5.") == 1
    article = read_version_page(page.replace("Version 2 of 5.", line), "v.html")
    assert article.versions == (version,) and article.changes == 5


@pytest.mark.parametrize("line", ["Version 2 of 5..", "Version 2 of 5..."])
def test_a_version_line_with_more_than_one_full_stop_is_refused_by_both_readers(line: str) -> None:
    """FORMATS.md §2: "Version N of M.", which may lose its full stop. The text's reader took at
    most one, the HTML's any number (`Version 2 of 5..` read as a version line)."""
    version = Version(2, "T", ("Body.",))
    text = render_version_text(version, "https://x.org/a", 5).replace("Version 2 of 5.", line)
    with pytest.raises(MalformedPage, match="no 'Version N of M.' line"):
        read_version_text(text, "v.txt")
    page = render_version_html(version, "https://x.org/a", 5).replace("Version 2 of 5.", line)
    with pytest.raises(MalformedPage, match="no 'Version N of M.' line in the version page"):
        read_version_page(page, "v.html")


def test_a_version_page_names_the_source_its_url_names_unless_a_diff_page_names_one(
        tmp_path: Path) -> None:
    """A version page's article had no source (null in every output), where the diff pages of
    the same URL named `channelnewsasia`; a diff page's own key still wins, in either order."""
    from revdiff.formats import load

    version_page = str(SAMPLES / "sniffer-version.html")
    (alone,) = load([version_page])
    assert alone.source == "channelnewsasia"
    diff_page = tmp_path / "v1-v2.html"
    diff_page.write_text((SAMPLES / "sniffer-diff" / "iran-strikes-v1-v2.html").read_text("utf-8")
                         .replace("<cite>channelnewsasia</cite>", "<cite>cna</cite>"), "utf-8")
    for order in ([version_page, str(diff_page)], [str(diff_page), version_page]):
        (joined,) = load(order)
        assert joined.source == "cna"


def test_a_page_saved_with_upper_case_tags_is_a_version_page() -> None:
    """`<H1>` (as older browsers and editors save a page) made the page one of no tracker."""
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    upper = page.replace("<h1>", "<H1>").replace("</h1>", "</H1>")
    assert upper != page
    assert detect(upper) is Format.SNIFFER_VERSION_HTML
    assert read_version_page(upper, "v.html").versions == read_version_page(page, "v.html").versions


def test_a_version_without_text_takes_no_paragraph_of_the_layout_after_it() -> None:
    # a version line without paragraphs after it in its container looked further up the page,
    # and read the footer as the version's text
    page = render_version_html(Version(1, "T", ()), "https://x.org/a", 2)
    assert "<div id=\"footer\"><p>" in page
    article = read_version_page(page, "v.html")
    assert article.versions == (Version(1, "T", ()),)
    assert article.url == "https://x.org/a"


@pytest.mark.parametrize(("render", "read", "name"), [
    (render_version_html, read_version_page, "v.html"),
    (render_version_text, read_version_text, "v.txt"),
])
def test_a_page_without_text_is_a_version_warned_of(render, read, name) -> None:  # type: ignore[no-untyped-def]
    """A page that showed no paragraph (its version empty, or the text lost in saving) was read
    as a version without paragraphs without a word: `diff` showed the text deleted, then added."""
    empty = Version(3, "Title", ())
    article = read(render(empty, "https://x.test/a", 5), name)
    assert article.versions == (empty,)
    [warning] = article.warnings
    assert warning == f"{name}: the page shows no text of version 3; kept as a version without " \
                      "paragraphs"


@pytest.mark.parametrize("empty_first", [False, True])
def test_a_page_without_the_text_another_page_shows_is_named(tmp_path: Path,
                                                             empty_first: bool) -> None:
    # two pages of one version, one of them saved without its text: refused as two pages that
    # "disagree about the text of version 2", which did not say which page or what to do
    url = "https://x.test/a"
    shown = tmp_path / "shown.txt"
    shown.write_text(render_version_text(Version(2, "Title", ("One.", "Two.")), url, 5))
    empty = tmp_path / "empty.txt"
    empty.write_text(render_version_text(Version(2, "Title", ()), url, 5))
    pages = [str(empty), str(shown)] if empty_first else [str(shown), str(empty)]
    with pytest.raises(InconsistentPages) as error:
        load(pages)
    assert str(error.value) == (
        f"{url}: {empty} shows no text of version 2, where {shown} shows 2 paragraphs (leave "
        f"{empty} out, or save it again once its text shows)")


@pytest.mark.parametrize("host", ["https://web.archive.org", ""])
def test_wayback_copy_gives_the_article_url_not_the_archive_link(host: str) -> None:
    """A version page saved from the Wayback Machine, whose links all point at its copies."""
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    url = 'href="https://www.channelnewsasia.com/'
    assert url in page
    copy = page.replace(url, f'href="{host}/web/20200201000000/https://www.channelnewsasia.com/')
    assert read_version_page(copy, "copy.html").url == read_version_page(page, "p.html").url


def test_two_version_pages_saved_as_text_into_one_file_are_refused(tmp_path: Path) -> None:
    """The second page's title, URL and version line were read as paragraphs of the first."""
    page = (SAMPLES / "sniffer-version.txt").read_text("utf-8")
    both = tmp_path / "both.txt"
    both.write_text(page + page, "utf-8")
    second_version_line = page.count("\n") + page.split("\n").index("Version 2 of 5.") + 1
    with pytest.raises(MalformedPage) as refused:
        load([str(both)])
    assert refused.value.line == second_version_line
    assert "the file holds more than one page" in str(refused.value)


# Versions holding a paragraph that is a no-break space alone, as News Sniffer stores one (the
# corpus chains `himachal-pradesh` and `second-polish-republic` hold such paragraphs), with a
# title of one too
_NO_BREAK_SPACE_PAIRS = [
    (Version(3, title, ("Kept one.", "\xa0", "Kept two.")),
     Version(4, title, ("Kept one.", "\xa0", "Kept two.", "Added.")))
    for title in ("Title", "\xa0")
] + [(Version(3, "Title", ("\xa0", "Old words.")), Version(4, "Title", ("New words.", "\xa0")))]
_URL = "https://example.com/story"


@pytest.mark.parametrize(("old", "new"), _NO_BREAK_SPACE_PAIRS)
def test_a_paragraph_of_a_no_break_space_comes_back_from_the_version_page(
        tmp_path: Path, old: Version, new: Version) -> None:
    """News Sniffer writes each stored paragraph of a version as a `<p>`, '\\xa0' as
    `<p>\\xa0</p>`: it was dropped as a spacer, so the version page and the diff page of the
    version, given together, were refused as disagreeing about the version's text."""
    diff, html = tmp_path / "diff.html", tmp_path / "v3.html"
    diff.write_text(render_diff_html(old, new, PageInfo(url=_URL)), "utf-8")
    html.write_text(render_version_html(old, _URL, 5), "utf-8")
    assert read_version_page(html.read_text("utf-8"), "v3.html").versions == (old,)
    (article,) = load([str(diff), str(html)])
    assert [(v.number, v.title, v.paragraphs) for v in article.versions] == [
        (v.number, v.title, v.paragraphs) for v in (old, new)]


@pytest.mark.parametrize("padding", ["<p></p>", "<p> </p>", "<p>\n\t</p>", "<p><br></p>"])
def test_a_paragraph_of_nothing_but_ascii_white_space_is_no_paragraph(padding: str) -> None:
    """News Sniffer stores no paragraph of ASCII white space alone: such a `<p>` is padding."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, None, 5).replace("<p>First.</p>", f"<p>First.</p>{padding}")
    assert padding in page
    assert read_version_page(page, "v.html").versions == (version,)


@pytest.mark.parametrize(("old", "new"), _NO_BREAK_SPACE_PAIRS)
def test_a_text_line_of_a_no_break_space_comes_back_from_the_version_text(
        tmp_path: Path, old: Version, new: Version) -> None:
    """The text of a version page holds each stored paragraph on a line, '\\xa0' as a line of
    it alone (its `<p>\\xa0</p>`): it was dropped as a spacer, so the text and the diff page of
    the version, given together, were refused as disagreeing about the version's text."""
    diff, html, text = tmp_path / "diff.html", tmp_path / "v3.html", tmp_path / "v3.txt"
    diff.write_text(render_diff_html(old, new, PageInfo(url=_URL)), "utf-8")
    html.write_text(render_version_html(old, _URL, 5), "utf-8")
    text.write_text(render_version_text(old, _URL, 5), "utf-8")
    assert read_version_text(text.read_text("utf-8"), "v3.txt").versions == (old,)
    for inputs in ([diff, text], [html, text]):
        (article,) = load(list(map(str, inputs)))
        first = article.versions[0]
        assert (first.number, first.title, first.paragraphs) == (old.number, old.title, old.paragraphs)


def test_a_version_text_without_a_title_line_is_one_error_line_naming_its_version_line(
        tmp_path: Path) -> None:
    """The text of a version page that lost its title line was refused without the line or
    what to do: "no title line before 'Version N of M.'"."""
    page = tmp_path / "v2.txt"
    page.write_text("https://example.com/story\n\nVersion 2 of 5.\nOne.\n", "utf-8")
    with pytest.raises(MalformedPage) as refused:
        load([str(page)])
    assert str(refused.value) == (f"{page}:3: no title line before 'Version N of M.' (the page "
                                  "was cut above its title: save or copy the whole page again "
                                  "from News Sniffer)")


@pytest.mark.parametrize("logo", ['<h1 class="logo"><a href="/">News Sniffer</a></h1>',
                                  '<header><h1>News Sniffer</h1></header>'])
def test_a_site_heading_before_the_title_is_not_the_title(logo: str) -> None:
    """A layout whose site name is an `<h1>` before the article's gave every version the title
    'News Sniffer': the title is the heading nearest before the version line."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, "https://example.com/story", 5)
    logoed = page.replace("<body>", f"<body>{logo}", 1)
    assert logoed != page
    assert read_version_page(logoed, "v.html").versions == (version,)


def test_of_two_version_pages_that_title_a_version_otherwise_the_first_is_kept_warned(
        tmp_path: Path) -> None:
    """Two version pages of one version with different titles were merged silently, the later
    page's title kept, where the first page's reading is kept for pages that show a version
    otherwise, with a warning naming both."""
    shown = "<h1>Iran fires missiles at US troops in Iraq in retaliation for general&#x27;s killing</h1>"
    page, other = tmp_path / "v2.html", tmp_path / "v2 again.html"
    html = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    assert shown in html
    page.write_text(html, "utf-8")
    other.write_text(html.replace(shown, "<h1>Iran fires missiles</h1>"), "utf-8")
    [article] = load([str(page), str(other)])
    [warning] = article.warnings
    assert warning == (f"{other}: version 2 has the title 'Iran fires missiles' where {page} shows "
                       "\"Iran fires missiles at US troops in Iraq in retaliation for general's "
                       f"killing\"; kept {page}'s")
    assert article.versions[0].title.endswith("general's killing")


@pytest.mark.parametrize(("render", "read"), [(render_version_html, read_version_page),
                                              (render_version_text, read_version_text)])
@pytest.mark.parametrize("total", [5, 7])
def test_a_count_that_leaves_no_room_for_the_version_shown_is_left_out_warned(
        render: Callable[[Version, str | None, int], str], read: Callable[[str, str], Article],
        total: int) -> None:
    """'Version 7 of 5.' (or 'of 7': News Sniffer numbers versions from 0) was read silently,
    the tracker said to count 5 versions, which the store and the NewsEdits export then wrote."""
    version = Version(7, "Title", ("First.",))
    article = read(render(version, "https://example.com/story", total), "v.page")
    assert article.versions == (version,)
    assert article.changes is None
    assert article.warnings == (
        (f"v.page: the page counts {total} versions, numbered from 0, but shows version 7; "
         "the count is left out (the page is damaged or edited by hand: save it again from "
         "News Sniffer)"),)
    assert read(render(version, None, 8), "v.page").changes == 8


@pytest.mark.parametrize("parting", ["<br>", "<br />"])
def test_a_line_break_inside_a_paragraph_or_the_title_parts_the_words_either_side(
        parting: str) -> None:
    """A `<br>` inside a paragraph, the title or the version line glued the words either side of
    it (`Firstpara.`; the version line was not found), where a browser shows them on lines of
    their own."""
    page = render_version_html(Version(3, "A head", ("First para.", "Second.")), None, 5)
    for words in ("First para.", "<h1>A head", "Version 3 of 5."):
        assert words in page
        page = page.replace(words, words.replace(" ", parting, 1))
    version = read_version_page(page, "v.html").versions[0]
    assert (version.title, version.paragraphs) == ("A head", ("First para.", "Second."))


def test_a_version_page_whose_script_writes_a_diff_table_is_a_version_page() -> None:
    """A script's text is no markup: a version page whose script holds a diff table's start tag
    (a template of a site script) was taken for a diff page, and refused as one without a table."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, None, 5).replace(
        "</body>", "<script>var row = '<table class=\"version_diff\">';</script></body>")
    assert "<script>" in page
    assert detect(page) is Format.SNIFFER_VERSION_HTML


@pytest.mark.parametrize("unshown", ["<script>var shell = '<html><body></body></html>';</script>",
                                     "<!-- an old layout ended here: </html> -->",
                                     "<style>/* </html> */</style>"])
def test_a_version_page_cut_short_is_truncated_though_a_script_or_comment_holds_its_end_tag(
        unshown: str) -> None:
    """The truncation check looked for `</html>` anywhere in the page: one in a script's string,
    a comment or a style let a page cut off in its text pass as whole, read without the rest."""
    page = render_version_html(Version(3, "Title", ("First.", "Second.")), None, 5).replace(
        "</head>", f"{unshown}</head>")
    cut = page[:page.index("<p>Second.") + len("<p>Sec")]
    with pytest.raises(MalformedPage, match=r"truncated: no </html> found"):
        read_version_page(cut, "v.html")


@pytest.mark.parametrize(("paragraphs", "where", "unshown"), [
    (("First.", "Second."), "</head>",
     "<template><h1>Draft</h1><p>Version 9 of 9.</p><p>Draft text.</p></template>"),
    (("First.", "Second."), "</head>",
     "<TEXTAREA name=note><h1>Note</h1><p>Version 4 of 4.</p></TEXTAREA>"),
    ((), "of 5.</p>", "of 5.</p><textarea><p>Typed in a box.</p></textarea>"),
])
def test_a_template_or_textarea_holds_no_title_version_line_or_paragraph_of_the_page(
        paragraphs: tuple[str, ...], where: str, unshown: str) -> None:
    """html.parser reads the inside of a template or a textarea as markup, where a browser never
    shows a template's content and shows a textarea's as text: the page was read from the raw
    markup, so an `<h1>` or a version line there was taken for the page's, and a `<p>` there
    (after a version line without paragraphs of its own) for a paragraph of the version."""
    version = Version(3, "Title", paragraphs)
    page = render_version_html(version, None, 5)
    assert where in page
    page = page.replace(where, unshown, 1)
    article = read_version_page(page, "v.html")
    assert article.versions == (version,) and article.changes == 5


def _content_fragment(version: Version) -> str:
    """The version page's content, without `<html>`: as a browser's "Copy element" (outerHTML)
    or a tool that saves the article's element writes it, every element closed."""
    page = render_version_html(version, "https://x.test/a", 5)
    return page[page.index('<div id="content">'):page.index('<div id="footer">')]


def test_the_version_element_alone_without_the_title_is_refused_saying_what_to_copy(
        tmp_path: Path) -> None:
    """The inner `<div class="version">` alone (Copy element on it, not on the `<div
    id="content">` that holds the `<h1>` too) was refused as "neither a News Sniffer nor a
    NewsDiffs page", which said nothing of what to copy instead."""
    fragment = _content_fragment(Version(3, "Title", ("First.", "Second.")))
    inner = fragment[fragment.index('<div class="version">'):fragment.rindex("</div>")]
    path = tmp_path / "v.html"
    path.write_text(inner, encoding="utf-8")
    with pytest.raises(UnknownFormat) as error:
        load([str(path)])
    assert str(error.value) == (
        f"{path}: HTML is a News Sniffer version page's text without the page's <h1> title "
        "(copy the element that holds the title too, <div id=\"content\">, or save the whole "
        "page)")


@pytest.mark.parametrize("line", ["Version 3 of 5.&nbsp;", "&nbsp;Version 3 of 5.", "Version 3 of 5.&#160;",
                                  "Version 3 of 5.\xa0", "Version 3 of 5&thinsp;"])
def test_the_version_element_alone_with_white_space_at_its_version_line_s_edge_is_refused_so(
        tmp_path: Path, line: str) -> None:
    """A version line with a no-break space at its edge, which the reader reads, was no version
    line to the test of a copied version element: its copy without the title was refused as
    "neither a News Sniffer nor a NewsDiffs page", which said nothing of what to copy."""
    fragment = _content_fragment(Version(3, "Title", ("First.", "Second.")))
    inner = fragment[fragment.index('<div class="version">'):fragment.rindex("</div>")]
    assert inner.count("Version 3 of 5.") == 1
    path = tmp_path / "v.html"
    path.write_text(inner.replace("Version 3 of 5.", line), encoding="utf-8")
    with pytest.raises(UnknownFormat, match="without the page's <h1> title"):
        load([str(path)])


def test_a_whole_fragment_of_a_version_page_is_read() -> None:
    """A fragment is whole when it leaves no element open: `<br>`, `<br/>` and `<img>` open
    none."""
    version = Version(3, "Title", ("First.", "Second.", "Third."))
    fragment = _content_fragment(version)
    edited = fragment.replace("First.</p>", "First.<br><img src=a.png><br/></p>", 1)
    for page in (fragment, edited):
        article = read_version_page(page, "v.html")
        assert article.versions == (version,) and article.url == "https://x.test/a"


@pytest.mark.parametrize(("cut_after", "line", "element"), [
    ("<p>First.</p>", 3, "div"),  # between paragraphs: the version's element does not end
    # inside a paragraph: HTML lets a `<p>` go without its end tag, so the element around it
    # is the one that must end
    ("<p>Sec", 3, "div"),
])
def test_a_fragment_of_a_version_page_cut_short_is_truncated(cut_after: str, line: int,
                                                             element: str) -> None:
    """A page without `<html>` counted as whole if it held any `</p>`: a fragment cut after its
    first paragraph, or in its second, was read as a version of what it kept."""
    fragment = _content_fragment(Version(3, "Title", ("First.", "Second.", "Third.")))
    cut = fragment[:fragment.index(cut_after) + len(cut_after)]
    with pytest.raises(MalformedPage) as refused:
        read_version_page(cut, "v.html")
    assert refused.value.line == line
    assert f"page is truncated: this <{element}> does not end (no </{element}> after it)" \
        in str(refused.value)


def test_a_fragment_holding_an_element_named_html_x_is_not_said_to_lack_its_closing_tag() -> None:
    """A custom element (`<html-frame>`) is no `<html>`: a fragment cut short that held one was
    said to have no `</html>`, which a fragment never has."""
    fragment = _content_fragment(Version(3, "Title", ("First.", "Second.", "Third.")))
    cut = fragment[:fragment.index("<p>First.</p>")] + "<html-frame></html-frame><p>First.</p>"
    with pytest.raises(MalformedPage) as refused:
        read_version_page(cut, "v.html")
    assert "page is truncated: this <div> does not end" in str(refused.value)
    assert "</html>" not in str(refused.value)


def test_a_fragment_of_a_version_page_cut_in_a_tag_is_truncated() -> None:
    """Its paragraphs all closed, a fragment cut inside the start tag of its next one (`<p cla`)
    was read as whole."""
    page = "<h1>Title</h1>\n<p>Version 3 of 5.</p>\n<p>First.</p>\n<p cla"
    with pytest.raises(MalformedPage) as refused:
        read_version_page(page, "v.html")
    assert refused.value.line == 4
    assert "page is truncated: this tag does not end (no > after it)" in str(refused.value)


def test_an_element_left_open_is_named_without_its_control_characters() -> None:
    page = "<h1>Title</h1>\n<p>Version 3 of 5.</p>\n<p>First.</p>\n<x\x1b[2J>"
    with pytest.raises(MalformedPage) as refused:
        read_version_page(page, "v.html")
    assert "page is truncated" in str(refused.value) and "\x1b" not in str(refused.value)


@pytest.mark.parametrize("fragment", [
    ("<h1>Title</h1>\n<p>Version 3 of 5.</p>\n<ul><li>Aside<li>More</ul>\n<p>First.</p>"
    "<p>Second.</p>"),
    ("<body><h1>Title</h1>\n<p>Version 3 of 5.</p>\n<table><tr><td>Aside</table>\n<p>First.</p>"
    "<p>Second.</p>"),
])
def test_a_fragment_that_leaves_out_end_tags_html_lets_it_leave_out_is_read(fragment: str) -> None:
    """HTML lets a `<p>`, `<li>`, `<td>`, `<tr>`, `<body>` and more go without an end tag: a
    fragment that left one out was refused as cut short there."""
    article = read_version_page(fragment, "v.html")
    assert article.versions == (Version(3, "Title", ("First.", "Second.")),)


def test_a_fragment_cut_inside_an_element_that_must_end_is_truncated_past_unended_paragraphs(
        ) -> None:
    """A `<p>` left open is no cut, but the `<div>` around it still must end."""
    page = "<div class=version>\n<h1>Title</h1>\n<p>Version 3 of 5.\n<p>First.\n<p>Sec"
    with pytest.raises(MalformedPage) as refused:
        read_version_page(page, "v.html")
    assert refused.value.line == 1
    assert "page is truncated: this <div> does not end (no </div> after it)" in str(refused.value)


@pytest.mark.parametrize("left_out", ["</html>", "</body>\n</html>"])
def test_a_whole_version_page_that_leaves_out_its_end_tags_is_read(left_out: str) -> None:
    """HTML lets a page go without `</body>` and `</html>`: a whole page that left them out was
    refused as truncated."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, None, 5)
    assert page.rstrip().endswith(left_out)
    article = read_version_page(page.rstrip()[:-len(left_out)], "v.html")
    assert article.versions == (version,)


def test_a_version_page_without_its_end_tags_cut_between_elements_names_the_one_left_open(
        ) -> None:
    """A page cut after a closed paragraph leaves the version's `<div>` open."""
    page = render_version_html(Version(3, "Title", ("First.", "Second.")), None, 5)
    cut = page[:page.index("<p>First.</p>") + len("<p>First.</p>")]
    with pytest.raises(MalformedPage) as refused:
        read_version_page(cut, "v.html")
    assert refused.value.line == 10
    assert ("page is truncated: no </html> found, and this <div> does not end (no </div> after it)"
            in str(refused.value))


@pytest.mark.parametrize("unshown", [
    "<textarea>pasted: </html>\n<html><body></textarea>",
    "<template></html><!doctype html><html></template>",
    "<template><font style=\"vertical-align: inherit;\">Übersetzt</font></template>",
    "<textarea><html class=\"translated-ltr\"></textarea>",
])
def test_a_second_page_or_a_translation_in_a_textarea_or_template_is_none(unshown: str) -> None:
    """A textarea's or a template's content is no markup of the page: a page's end and start, or
    a translation's marks, there were read from the raw text, and the page refused as two pages
    in one file or as translated."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, None, 5).replace("</body>", f"{unshown}</body>")
    assert read_version_page(page, "v.html").versions == (version,)


@pytest.mark.parametrize("edit", [
    lambda page: page.replace("</p>", ""),  # every paragraph left unended
    lambda page: page.replace("First.</p>", "First.").replace("Second.</p>", "Second.<div>x</div>"),
])
def test_each_paragraph_left_unended_is_a_paragraph_as_a_browser_reads_it(
        edit: Callable[[str], str]) -> None:
    """A browser ends an open `<p>` where the next `<p>` (or a `<div>`) starts; html.parser
    nested each in the one before, so the version line held the version's text and the page
    was refused as one without a version line."""
    version = Version(3, "Title", ("First.", "Second."))
    page = edit(render_version_html(version, "https://x.test/a", 5))
    article = read_version_page(page, "v.html")
    assert article.versions == (version,) and article.url == "https://x.test/a"


def test_a_layout_table_whose_cells_are_left_unended_gives_no_paragraph_of_the_next_cell() -> None:
    """A browser ends a `<td>`, and the paragraph left open in it, where the next cell starts;
    html.parser nested the sidebar's cell in the article's last paragraph, so its text was read
    into that paragraph."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, None, 5)
    laid_out = (page.replace('<div class="version">', '<div class="version"><table><tr><td>')
                .replace("Second.</p>\n</div>", "Second.\n<td><p>Advertisement</table></div>"))
    assert laid_out.count("Advertisement") == 1
    assert read_version_page(laid_out, "v.html").versions == (version,)


def test_a_version_page_without_end_tags_is_parsed_once_for_its_open_elements(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that leaves out `</body>` and `</html>` was read by html.parser twice for the same
    elements, once to tell it whole and once for the ends a browser implies."""
    from revdiff.formats import open_elements

    page = render_version_html(Version(3, "Title", ("First.", "Second.")), None, 5)
    left_out = page.replace("</body>", "").replace("</html>", "")
    fed: list[str] = []
    feed = open_elements._OpenElements.feed

    def counted_feed(parser: open_elements._OpenElements, markup: str) -> None:
        fed.append(markup)
        feed(parser, markup)

    monkeypatch.setattr(open_elements._OpenElements, "feed", counted_feed)
    assert read_version_page(left_out, "v.html") == read_version_page(page, "v.html")
    assert len(fed) == 2  # one reading of each page


@pytest.mark.parametrize("closing", ["</html >", "</HTML\n>", "</html><!-- cached: </html> -->"])
def test_a_version_page_whose_closing_html_tag_is_written_otherwise_is_whole(closing: str) -> None:
    """A page closed by `</html >` or `</HTML\\n>` is whole, as one closed by `</html>` is, though
    an element left open follows it (one a site appends after its page): it was refused as cut
    short."""
    version = Version(3, "Title", ("First.", "Second."))
    page = render_version_html(version, None, 5) + '<div id="ad"><a href="/ad">Ad</a>\n'
    assert read_version_page(page, "v.html").versions == (version,)
    assert read_version_page(page.replace("</html>", closing), "v.html").versions == (version,)


_SITE_HEADER = "News Sniffer\nHome\nArticles\nSources\nSearch\nAbout\nLog in\n"


def test_a_version_text_under_a_site_header_of_many_lines_is_read_as_a_version_page() -> None:
    """Below more than six lines the version line was not looked for: the page was read as one
    plain version, its header, title, URL and version line among its paragraphs."""
    text = _SITE_HEADER + render_version_text(Version(2, "T", ("Body.",)), "https://x.org/a", 5)
    assert detect(text) is Format.SNIFFER_VERSION_TEXT
    article = read_version_text(text, "v.txt")
    assert article.versions == (Version(2, "T", ("Body.",)),) and article.changes == 5


def test_a_plain_version_quoting_a_version_line_below_its_paragraphs_stays_plain() -> None:
    paragraphs = "\n".join(f"Paragraph {n} of the story, long enough to be no line of a site's "
                           "header, and ending as a sentence does." for n in range(7))
    text = f"{paragraphs}\nhttps://x.org/a\nVersion 2 of 5.\nMore.\n"
    assert detect(text) is not Format.SNIFFER_VERSION_TEXT


@pytest.mark.parametrize("space", ["&nbsp;", "&#160;", "&#xA0;", "\xa0"])
def test_a_version_line_spaced_with_no_break_spaces_is_read(space: str) -> None:
    """`Version&nbsp;2&nbsp;of&nbsp;5.` was looked for in the markup as written: the page was
    no version page, though a browser shows the same line."""
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    page = page.replace("Version 2 of 5.", f"Version{space}2{space}of{space}5.")
    assert detect(page) is Format.SNIFFER_VERSION_HTML
    expected = read_version_page((SAMPLES / "sniffer-version.html").read_text("utf-8"), "v.html")
    assert read_version_page(page, "v.html").versions == expected.versions


def test_a_plain_version_that_looks_like_a_version_page_below_a_long_header_is_warned_of(
        tmp_path: Path) -> None:
    """A version page's text with no URL line and more than six lines above its version line
    was read silently as a plain version, the site's header, title and version line among its
    paragraphs."""
    page = tmp_path / "v2.txt"
    page.write_text(_SITE_HEADER + render_version_text(Version(2, "T", ("Body.",)), None, 5), "utf-8")
    plain = tmp_path / "v3.txt"
    plain.write_text("Body, and more.\n", "utf-8")
    article = load([str(page), str(plain)])[0]
    assert article.versions[0].paragraphs[-2:] == ("Version 2 of 5.", "Body.")
    assert [warning for warning in article.warnings if "Version 2 of 5." in warning] == [
        (f"{page}:9: 'Version 2 of 5.' looks like a News Sniffer version page's version line below "
         "8 lines, with no article URL right above it; read as a plain version, the lines above "
         "it among its paragraphs (cut the site's header above the title to have it read as a "
         "version page)")]


def test_a_version_line_below_its_url_and_a_long_header_line_is_warned_of_for_that_line(
        tmp_path: Path) -> None:
    """A version page's text with its URL right above its version line, below a header line of
    more than 80 characters, was read as a plain version warned of as having "no article URL
    right above it": the reason was the long line, and the warning sent the reader after a URL
    the page holds."""
    header = _SITE_HEADER.replace("Search\n", "Search " + "x" * 80 + "\n")
    page = tmp_path / "v2.txt"
    page.write_text(header + render_version_text(Version(2, "T", ("Body.",)), "https://x.org/a", 5),
                    "utf-8")
    plain = tmp_path / "v3.txt"
    plain.write_text("Body, and more.\n", "utf-8")
    article = load([str(page), str(plain)])[0]
    assert [warning for warning in article.warnings if "Version 2 of 5." in warning] == [
        (f"{page}:10: 'Version 2 of 5.' looks like a News Sniffer version page's version line below "
         "9 lines, one of them of more than 80 characters above its title and URL, as no line of "
         "a site's header is; read as a plain version, the lines above it among its paragraphs "
         "(cut the site's header above the title to have it read as a version page)")]


@pytest.mark.parametrize("text", [
    # the version line below the first 20 lines, or the text's last line
    "".join(f"Paragraph {n} of the story.\n" for n in range(20)) + "Version 2 of 5.\nMore.\n",
    _SITE_HEADER + "T\nVersion 2 of 5.\n",
])
def test_a_plain_version_quoting_a_version_line_otherwise_is_not_warned_of(
        text: str, tmp_path: Path) -> None:
    first, second = tmp_path / "v1.txt", tmp_path / "v2.txt"
    first.write_text(text, "utf-8")
    second.write_text("Body.\n", "utf-8")
    assert not [warning for warning in load([str(first), str(second)])[0].warnings
                if "News Sniffer" in warning]


@pytest.mark.parametrize(("version", "line", "above"), [
    (Version(2, "T", ("\xa0",)), 9, 8),  # the version line followed by a paragraph '\xa0' alone
    (Version(2, "\xa0", ("Body.",)), 9, 8),  # below a title '\xa0'
])
def test_a_line_of_a_no_break_space_counts_where_a_version_line_below_a_long_header_is_looked_for(
        tmp_path: Path, version: Version, line: int, above: int) -> None:
    """A line of a no-break space is a version page's paragraph (or title), as `read_version_text`
    reads it: it was skipped, so a page whose only paragraph is '\\xa0' was read silently as a
    plain version holding its header, and a title '\\xa0' went uncounted among the lines above."""
    page = tmp_path / "v2.txt"
    page.write_text(_SITE_HEADER + render_version_text(version, None, 5), "utf-8")
    plain = tmp_path / "v3.txt"
    plain.write_text("Body, and more.\n", "utf-8")
    article = load([str(page), str(plain)])[0]
    assert [warning for warning in article.warnings if "Version 2 of 5." in warning] == [
        (f"{page}:{line}: 'Version 2 of 5.' looks like a News Sniffer version page's version line "
         f"below {above} lines, with no article URL right above it; read as a plain version, the "
         "lines above it among its paragraphs (cut the site's header above the title to have it "
         "read as a version page)")]


def test_a_line_of_a_no_break_space_in_the_header_counts_where_a_version_page_is_detected() -> None:
    """`detect` skipped a line of a no-break space that `read_version_text` keeps: a text with
    one among five header lines was taken for a version page (its version line within six lines)
    and then refused as holding no version line, where it is read as a plain version."""
    text = "News Sniffer\nHome\nArticles\nSources\n\xa0\nT\nVersion 2 of 5.\nBody.\n"
    assert detect(text) is Format.PLAIN
    fitting = "News Sniffer\nHome\nArticles\n\xa0\nT\nVersion 2 of 5.\nBody.\n"
    assert detect(fitting) is Format.SNIFFER_VERSION_TEXT
    assert read_version_text(fitting, "v.txt").versions == (Version(2, "T", ("Body.",)),)


def test_the_lines_a_version_text_leaves_out_above_its_title_are_warned_of() -> None:
    """A version line among the first six lines made the lines above the title a site's header,
    left out without a word: a paragraph above it was lost."""
    article = read_version_text("Long paragraph.\nSecond para.\nVersion 2 of 5.\nMore.\n", "v.txt")
    assert article.versions == (Version(2, "Second para.", ("More.",)),)
    assert [warning for warning in article.warnings if "left out" in warning] == [
        ("v.txt:1: left out 1 line above the title 'Second para.' as a site's header "
         "('Long paragraph.'); if it is the article's text, cut the 'Version N of M.' line to "
         "have the file read as a plain version")]


def test_a_version_text_with_nothing_above_its_title_leaves_out_nothing() -> None:
    text = render_version_text(Version(2, "T", ("Body.",)), "https://x.org/a", 5)
    assert not [w for w in read_version_text(text, "v.txt").warnings if "left out" in w]
