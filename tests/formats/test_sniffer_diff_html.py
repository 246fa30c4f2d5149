"""News Sniffer diff pages in HTML: what saved copies of them change."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag
from nested_pages import nested_divs, nested_in_body
from story_chains import NO_BREAK_SPACE_VERSIONS, SAMPLES

from revdiff.errors import InconsistentPages, MalformedPage
from revdiff.formats import load
from revdiff.formats.open_elements import MAX_DEPTH
from revdiff.formats.sniffer_html import read_diff_page, read_version_page
from revdiff.model import Version
from revdiff.render.sniffer import PageInfo, render_diff_html, render_diff_text

PAGE = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html").read_text("utf-8")
# the warning of a page without its article URL
_NOT_JOINED = ("the page names no article URL, so it is not joined with other pages of its "
               "article (save the whole page again from News Sniffer to read them as one)")


@pytest.mark.parametrize("header", [("title",), ("version", "title", "time")])
def test_header_cells_written_as_td_are_no_body_rows(header: tuple[str, ...]) -> None:
    """A copy whose header cells are `td` gives the versions of the page as written: the title
    row's were read as the first paragraph of each version, the version row's were refused."""
    copy = PAGE
    for name in header:
        cell = f'<th class="{name}">'
        assert cell in copy
        copy = copy.replace(cell, f'<td class="{name}">')
    copy = copy.replace("</th>", "</td>")
    assert read_diff_page(copy, "copy.html").versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("host", ["https://web.archive.org", ""])
def test_wayback_copy_gives_the_article_url_not_the_archive_link(host: str) -> None:
    """The Wayback Machine rewrites every link to its own copy (`/web/<time>/<url>`): the
    article URL of a diff page saved from it was the archive's link, not the article's."""
    url = 'href="https://www.channelnewsasia.com/'
    assert url in PAGE
    copy = PAGE.replace(url, f'href="{host}/web/20200201000000/https://www.channelnewsasia.com/')
    assert read_diff_page(copy, "copy.html").url == read_diff_page(PAGE, "p.html").url


def test_page_with_the_later_version_on_the_left_gives_the_versions_in_order() -> None:
    """News Sniffer's "Previous version" link opens a page with the later version on the left
    and "(... earlier)" in its time row: its versions came back later first, so `diff` compared
    version 7 with version 6, reading each deletion as an addition."""
    later = Version(7, "New head", ("Kept.", "Added."))
    earlier = Version(6, "Old head", ("Kept.",))
    page = render_diff_html(later, earlier, PageInfo(time_text="about 1 hour earlier"))
    article = read_diff_page(page, "p.html")
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (6, ("Kept.",)), (7, ("Kept.", "Added."))]
    assert article.versions[0].time_text == "about 1 hour earlier"


@pytest.mark.parametrize("blank", ["", " ", "\n\t  \n", "<br>"])
def test_a_cell_of_nothing_but_ascii_white_space_is_an_empty_cell(blank: str) -> None:
    """News Sniffer writes the absent side of a one-sided row as `<td></td>`; a copy that pads
    it with spaces, line breaks or a `<br>` gives no paragraph either."""
    empty_cell = "<tr id='p4'><td></td>"
    assert empty_cell in PAGE
    copy = PAGE.replace(empty_cell, f"<tr id='p4'><td>{blank}</td>")
    assert read_diff_page(copy, "copy.html").versions == read_diff_page(PAGE, "p.html").versions


# NO_BREAK_SPACE_VERSIONS, and a paragraph of a thin space before a no-break space
_BLANK_PARAGRAPH_VERSIONS = [
    *NO_BREAK_SPACE_VERSIONS,
    (("Kept one.", "\u2009\xa0", "Kept two."), ("Kept one.", "\u2009\xa0", "Kept two.", "Added.")),
]


@pytest.mark.parametrize("title", ["Title", "\xa0"])
@pytest.mark.parametrize(("old", "new"), _BLANK_PARAGRAPH_VERSIONS)
def test_a_paragraph_of_a_no_break_space_comes_back_from_the_html_page(
        old: tuple[str, ...], new: tuple[str, ...], title: str) -> None:
    """A cell holding only a no-break space (a change row's padded with spaces too) was read as
    an empty cell, the paragraph '\\xa0' and a title '\\xa0' lost, where the page's flattened
    text keeps them."""
    versions = (Version(3, title, old), Version(4, title, new))
    page = render_diff_html(*versions, PageInfo())
    assert [(v.number, v.title, v.paragraphs) for v in read_diff_page(page, "p.html").versions] == [
        (v.number, v.title, v.paragraphs) for v in versions]


@pytest.mark.parametrize("title", ["Title", "\xa0"])
@pytest.mark.parametrize(("old", "new"), [NO_BREAK_SPACE_VERSIONS[i] for i in (0, 1, 4)])
def test_the_html_and_the_text_of_a_page_with_a_no_break_space_paragraph_agree(
        tmp_path: Path, old: tuple[str, ...], new: tuple[str, ...], title: str) -> None:
    """The flattened text of a page kept a paragraph '\\xa0' its HTML page lost: read together,
    the two were refused as disagreeing. (Of the rows a flattened page alone cannot place, an
    old-only row or a change row that opens with the old cell's '\\xa0', none is taken here.)"""
    versions = (Version(3, title, old), Version(4, title, new))
    html, text = tmp_path / "page.html", tmp_path / "page.txt"
    html.write_text(render_diff_html(*versions, PageInfo()), "utf-8")
    text.write_text(render_diff_text(*versions, PageInfo()), "utf-8")
    [from_text] = load([str(text)])
    assert [(v.title, v.paragraphs) for v in from_text.versions] == [(title, old), (title, new)]
    [both] = load([str(html), str(text)])
    assert [(v.title, v.paragraphs) for v in both.versions] == [(title, old), (title, new)]


@pytest.mark.parametrize("sample", ["sniffer-diff/iran-strikes-v0-v1.html", "sniffer-version.html",
                                    "newsdiffs/us-deploys-troops-v1-v2-rendered.html"])
def test_a_page_given_twice_is_read_once_with_a_warning_as_a_flattened_one(
        sample: str, tmp_path: Path) -> None:
    """The same HTML page given twice, or a copy of it, was read silently, where a flattened
    page given so is warned about."""
    page = tmp_path / "page.html"
    copy = tmp_path / "page (1).html"
    page.write_text((SAMPLES / sample).read_text("utf-8"), "utf-8")
    copy.write_text(page.read_text("utf-8"), "utf-8")
    [alone] = load([str(page)])
    [twice] = load([str(page), str(page)])
    assert twice.warnings == (*alone.warnings, f"{page}: given twice; read once")
    [copied] = load([str(page), str(copy)])
    assert copied.warnings == (*alone.warnings, f"{copy}: the same page as {page}; read once")
    assert copied.versions == twice.versions == alone.versions


@pytest.mark.parametrize(("shown", "otherwise"), [
    ('<time datetime="2020-01-08T00:25:00Z">', '<time datetime="2020-01-08T00:55:00Z">'),
    ("Iran fires missiles at US troops in Iraq</ins>", "Iran fires missiles at US troops</ins>"),
    ("Iranian state television said Iran had fired missiles",
     "Iranian TV said Iran had fired missiles"),
])
def test_two_pages_of_the_same_versions_that_differ_are_refused_as_flattened_ones_are(
        shown: str, otherwise: str, tmp_path: Path) -> None:
    """Two diff pages of one article that compare versions 0 and 1 with another time or title
    of version 1 were merged silently, the one given first winning; flattened pages so are an
    error that names both."""
    page = tmp_path / "v0-v1.html"
    other = tmp_path / "v0-v1 later.html"
    assert shown in PAGE
    page.write_text(PAGE, "utf-8")
    other.write_text(PAGE.replace(shown, otherwise, 1), "utf-8")
    with pytest.raises(InconsistentPages, match="two pages compare the same versions 0 and 1 and "
                                                "differ") as refused:
        load([str(page), str(other)])
    assert refused.value.hint == f"drop one of {page} and {other}"


@pytest.mark.parametrize(("shown", "otherwise", "difference"), [
    ('<time datetime="2020-01-08T00:25:00Z">', '<time datetime="2020-01-08T00:55:00Z">',
     "the time '2020-01-08T00:55:00+00:00' where {page} shows '2020-01-08T00:25:00+00:00'"),
    ("<del>Iran fires missiles at US troops in Iraq</del>", "<del>Iran fires missiles at US troops</del>",
     ("the title 'Iran fires missiles at US troops' where {page} shows "
      "'Iran fires missiles at US troops in Iraq'")),
])
def test_two_pages_that_show_a_shared_version_otherwise_are_warned_of_naming_both(
        shown: str, otherwise: str, difference: str, tmp_path: Path) -> None:
    """Diff pages of versions 0 to 1 and 1 to 2 that give version 1 another time or title were
    merged silently, where flattened pages that show a version otherwise are warned of."""
    page, other = tmp_path / "v0-v1.html", tmp_path / "v1-v2.html"
    later = (SAMPLES / "sniffer-diff" / "iran-strikes-v1-v2.html").read_text("utf-8")
    assert shown in later
    page.write_text(PAGE, "utf-8")
    other.write_text(later.replace(shown, otherwise, 1), "utf-8")
    [article] = load([str(page), str(other)])
    assert article.warnings[-1] == (f"{other}: version 1 has {difference.format(page=page)}; "
                                    f"kept {page}'s")
    assert article.versions[1] == read_diff_page(PAGE, "p.html").versions[1]


def test_a_version_shown_with_a_time_is_kept_over_another_title_on_a_page_without_one(
        tmp_path: Path) -> None:
    """A version page (no time) given before a diff page that titles its version otherwise: the
    diff page's reading, with its time, is kept, and the warning says so."""
    version_page, diff_page = tmp_path / "v2.html", tmp_path / "v1-v2.html"
    shown = "<h1>Iran fires missiles at US troops in Iraq in retaliation for general&#x27;s killing</h1>"
    version_html = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    assert shown in version_html
    version_page.write_text(version_html.replace(shown, "<h1>Iran fires missiles</h1>"), "utf-8")
    diff_page.write_text((SAMPLES / "sniffer-diff" / "iran-strikes-v1-v2.html").read_text("utf-8"),
                         "utf-8")
    [article] = load([str(version_page), str(diff_page)])
    assert article.warnings[-1] == (
        f"{diff_page}: version 2 has the title \"Iran fires missiles at US troops in Iraq in retaliation "
        f"for general's killing\" where {version_page} shows 'Iran fires missiles'; kept {diff_page}'s")
    assert article.versions[-1].title.endswith("general's killing")


def test_a_table_inside_the_diff_table_is_refused_naming_its_line() -> None:
    """News Sniffer writes no table inside a cell: the rows of one were read as body rows of
    the page too, their text also glued into the cell that held them."""
    row = "<tr id='p2'><td>"
    assert PAGE.count(row) == 1
    copy = PAGE.replace(row, f"{row}<table><tr><td>inner</td><td>cell</td></tr></table>")
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(copy, "copy.html")
    assert refused.value.line == PAGE[:PAGE.index(row)].count("\n") + 1
    assert refused.value.message == "a table inside the diff table, which News Sniffer never writes"


@pytest.mark.parametrize("before", [True, False], ids=["before the table", "after it"])
def test_a_diff_table_in_an_html_comment_is_no_second_table(before: bool) -> None:
    """A browser shows nothing of a comment: a diff table written out in one (an old copy of
    the table kept by an editor) made the page refused as two pages saved into one file."""
    fake = ('<!-- <table class="version_diff"><tr><th class="version">Version 7</th></tr>\n'
            "</table> -->\n")
    table = '<table class="version_diff">'
    copy = PAGE.replace(table, fake + table) if before else PAGE.replace("</main>", fake + "</main>")
    assert copy != PAGE
    assert read_diff_page(copy, "copy.html") == read_diff_page(PAGE, "copy.html")


@pytest.mark.parametrize("element", ["script", "STYLE"])
@pytest.mark.parametrize("before", [True, False], ids=["before the table", "after it"])
def test_a_diff_table_written_in_a_script_or_style_is_no_second_table(element: str,
                                                                       before: bool) -> None:
    """A script's text is no markup to a browser: a diff table written in one (a template a
    browser extension or a site script holds) made the page refused as two pages in one file."""
    fake = (f"<{element}>\nvar row = '<table class=\"version_diff\"><tr><td>a</td></tr>';\n"
            f"</{element}>\n")
    table = '<table class="version_diff">'
    copy = PAGE.replace(table, fake + table) if before else PAGE.replace("</main>", fake + "</main>")
    assert copy != PAGE
    assert read_diff_page(copy, "copy.html") == read_diff_page(PAGE, "copy.html")


@pytest.mark.parametrize("cell", ["Version 0 Version 3", "Version 0 of 5"])
def test_a_version_cell_holding_more_than_version_n_is_refused_naming_its_line(cell: str) -> None:
    """A version cell damaged into `Version 0 Version 3` or `Version 0 of 5` was read as
    version 0 without a word."""
    header = '<th class="version"><small>Version 0</small></th>'
    assert PAGE.count(header) == 1
    copy = PAGE.replace(header, f'<th class="version"><small>{cell}</small></th>')
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(copy, "copy.html")
    assert refused.value.line == PAGE[:PAGE.index(header)].count("\n") + 1
    assert refused.value.message == f"the version cell '{cell}' holds more than 'Version N'"


def test_a_page_without_its_time_row_is_read_with_a_warning() -> None:
    """A diff page without a time row gave versions without times and no word, where a page
    saved as text without one is warned of."""
    time_row = PAGE[PAGE.index('<th class="time">'):PAGE.index("(about 1 hour later)")]
    assert PAGE.count('<th class="time">') == 2 and time_row.count('<th class="time">') == 2
    article = read_diff_page(PAGE.replace(time_row, ""), "copy.html")
    assert article.warnings == ("copy.html: the time row (two th.time cells) is missing",)
    assert [version.time for version in article.versions] == [None, None]


@pytest.mark.parametrize(("row", "named"), [
    ("<tr id='p9'>A paragraph without its cells.</tr>", "body row 'p9'"),
    ("<tr><div>A paragraph without its cells.</div></tr>", "body row without an id"),
])
def test_a_body_row_of_text_without_cells_is_warned_of_naming_it(row: str, named: str) -> None:
    """A body row of the two-cell layout that held text but no cell was passed over without a
    word: its text was in neither version."""
    before = "<tr id='p2'>"
    assert PAGE.count(before) == 1
    copy = PAGE.replace(before, f"{row}\n{before}")
    article = read_diff_page(copy, "copy.html")
    line = copy[:copy.index(row)].count("\n") + 1
    assert article.warnings == ((
        f"copy.html:{line}: {named} holds text but no cells (td), where News Sniffer writes 2; "
        "its text 'A paragraph without its cells.' is left out of both versions (save the page "
        "again from News Sniffer to have it read)"),)
    assert article.versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("row", ["<tr id='p9'> &nbsp; </tr>", "<tr hidden>Hidden text.</tr>"])
def test_a_body_row_without_cells_or_shown_text_is_passed_over_without_a_word(row: str) -> None:
    """A row of white space alone, or one a browser hides, shows no text to leave out."""
    copy = PAGE.replace("<tr id='p2'>", f"{row}\n<tr id='p2'>")
    article = read_diff_page(copy, "copy.html")
    assert article.warnings == ()
    assert article.versions == read_diff_page(PAGE, "p.html").versions


_TWO_CELL_ROW = "<tr id='p5'><td>More details to follow.</td><td>More details to follow.</td></tr>"


@pytest.mark.parametrize(("row", "left_out"), [
    (_TWO_CELL_ROW.replace("</td><td>", "</td>stray words<td>"), "stray words"),
    (_TWO_CELL_ROW.replace("<td>", "Before <td>", 1).replace("</tr>", "<span>after</span></tr>"),
     "Before after"),
])
def test_text_outside_a_body_rows_two_cells_is_warned_of_naming_the_row(row: str,
                                                                       left_out: str) -> None:
    """Text of a body row outside its cells was dropped without a word. A browser moves it out
    of the table ("foster parenting") and shows it above it, in neither version's column, so it
    is left out of both, and the cells are read as they stand."""
    assert PAGE.count(_TWO_CELL_ROW) == 1
    copy = PAGE.replace(_TWO_CELL_ROW, row)
    article = read_diff_page(copy, "copy.html")
    line = copy[:copy.index(row)].count("\n") + 1
    assert article.warnings == ((
        f"copy.html:{line}: body row 'p5' holds text outside its 2 cells (td), which News Sniffer "
        f"never writes and a browser shows above the table; its text '{left_out}' is left out of "
        "both versions (save the page again from News Sniffer to have it read)"),)
    assert article.versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("between", ["\n\t ", " &nbsp; ", "<!-- a note -->", "<span hidden>x</span>"])
def test_white_space_between_a_body_rows_cells_is_passed_over_without_a_word(between: str) -> None:
    """White space, a comment or a hidden element between a row's cells shows no text."""
    copy = PAGE.replace(_TWO_CELL_ROW, _TWO_CELL_ROW.replace("</td><td>", f"</td>{between}<td>"))
    article = read_diff_page(copy, "copy.html")
    assert article.warnings == ()
    assert article.versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("cells", [1, 3])
def test_a_time_row_of_other_than_two_cells_is_warned_of_as_damaged(cells: int) -> None:
    """A time row of one, or three, th.time cells was warned of as missing: it is damaged."""
    first = '<th class="time"><time datetime="2020-01-07T23:10:00Z">2020-01-07 23:10:00 UTC</time></th>'
    assert PAGE.count(first) == 1
    copy = PAGE.replace(first, "" if cells == 1 else first * 2)
    article = read_diff_page(copy, "copy.html")
    line = copy[:copy.index('<th class="time">')].count("\n") + 1
    cells_named = "1 th.time cell" if cells == 1 else f"{cells} th.time cells"
    damaged = (f"copy.html:{line}: the time row has {cells_named}, where News Sniffer writes 2; "
               "the versions' times are left out")
    assert article.warnings == (damaged,)
    assert [version.time for version in article.versions] == [None, None]


def test_a_time_at_a_leap_second_is_read_at_second_59_and_warned_of() -> None:
    """`<time datetime="...23:59:60Z">` was "not a time; left out", without saying why."""
    stamp = 'datetime="2020-01-07T23:10:00Z"'
    assert PAGE.count(stamp) == 1
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, 'datetime="2016-12-31T23:59:60Z"'), "copy.html")
    assert article.versions[0].time == datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert article.warnings == ((
        f"copy.html:{line}: the old version's <time datetime> '2016-12-31T23:59:60Z' is at a leap second "
        "(second 60), which revdiff's times cannot hold: read as second 59, a second early, which "
        "keeps the versions' order; nothing to correct"),)


@pytest.mark.parametrize(("stamped", "offset"), [("2020-01-07T23:10:00+2500", "+2500"),
                                                 ("2020-01-07T23:10:00-01:60", "-01:60")])
def test_a_time_whose_zone_offset_is_out_of_range_says_so(stamped: str, offset: str) -> None:
    """Such a time was "not a time; left out", which did not say what was wrong with it."""
    stamp = 'datetime="2020-01-07T23:10:00Z"'
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, f'datetime="{stamped}"'), "copy.html")
    assert article.versions[0].time is None
    assert article.warnings == ((
        f"copy.html:{line}: the old version's <time datetime> {stamped!r} is not a time: its zone offset "
        f"{offset} is out of range (offsets run from -23:59 to +23:59, their minutes from 00 to "
        "59); left out (correct the offset in the file to have it read)"),)


@pytest.mark.parametrize("stamped", ["2020-01-07 at 23:10+2500", "Tue, 07 Jan 2020 23:10:00 +2500"])
def test_a_stamp_that_is_no_time_with_its_offset_in_range_is_not_blamed_on_the_offset(
        stamped: str) -> None:
    """Such a stamp was "its zone offset +2500 is out of range ... correct the offset": corrected,
    it was still no time (`<time datetime>` is ISO 8601, an RFC 2822 time none)."""
    stamp = 'datetime="2020-01-07T23:10:00Z"'
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, f'datetime="{stamped}"'), "copy.html")
    assert article.versions[0].time is None
    assert article.warnings == (
        f"copy.html:{line}: the old version's <time datetime> {stamped!r} is not a time; left out",)


@pytest.mark.parametrize("stamped", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-23:59"])
def test_a_time_its_zone_puts_outside_the_years_1_to_9999_in_utc_is_left_out(stamped: str) -> None:
    """Such a time refused the whole page, where a time that is none only lost its time."""
    stamp = 'datetime="2020-01-07T23:10:00Z"'
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, f'datetime="{stamped}"'), "copy.html")
    assert article.versions[0].time is None
    assert article.warnings == ((
        f"copy.html:{line}: the old version's <time datetime> {stamped!r} is not a time: its zone "
        "puts it outside the years 1 to 9999 in UTC; left out (correct its date or offset in the "
        "file to have it read)"),)


def test_a_diff_page_without_body_rows_is_read_with_a_warning_for_each_textless_version() -> None:
    # its versions came back without paragraphs and without a word, where a version page that
    # shows no paragraph, or a tracker's empty version, is warned of
    copy = re.sub(r"<tr id='p\d+'>.*?</tr>", "", PAGE, flags=re.DOTALL)
    article = read_diff_page(copy, "copy.html")
    assert [version.paragraphs for version in article.versions] == [(), ()]
    assert article.warnings == tuple(
        f"copy.html: the page shows no text of version {number}; kept as a version without "
        "paragraphs" for number in (0, 1))
    assert read_diff_page(PAGE, "p.html").warnings == ()


@pytest.mark.parametrize(("row_id", "named"), [
    ("p2", "'p2'"),
    ("x" * 5000, f"'{'x' * 16}'...'{'x' * 16}' (5,000 characters)"),
    ("", "without an id"),
], ids=["id", "long-id", "no-id"])
def test_a_body_row_of_one_cell_is_refused_naming_its_line_and_quoting_its_id(
        row_id: str, named: str) -> None:
    # the error named no line, and put the row's id in it whole, however long
    row = "<tr id='p2'><td>"
    assert PAGE.count(row) == 1
    line = PAGE[:PAGE.index(row)].count("\n") + 1
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(PAGE.replace(row, f"<tr id='{row_id}'>"), "copy.html")
    assert str(refused.value).startswith(
        f"copy.html:{line}: body row {named} has 1 cell, where News Sniffer writes 2")


def test_a_page_without_its_title_row_is_refused_naming_the_table_line() -> None:
    # the error named no line
    row = '<tr id="title">'
    assert PAGE.count(row) == 1 and PAGE.count('class="title"') == 2
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(PAGE.replace(row, "<tr>").replace('class="title"', ""), "copy.html")
    line = PAGE[:PAGE.index('<table class="version_diff">')].count("\n") + 1
    assert str(refused.value) == (
        f"copy.html:{line}: the title row (tr#title, or th.title cells) is missing from the diff "
        "table (save the page again from News Sniffer, as the browser received it)")


def test_a_page_with_an_extra_cell_in_every_row_is_refused_naming_the_title_rows_cells() -> None:
    # it was refused as one whose title row "is missing", with no line: not what was wrong
    copy = re.sub(r"(<tr\b[^>]*>)", r"\1<td>extra</td>", PAGE)
    line = PAGE[:PAGE.index('<tr id="title">')].count("\n") + 1
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(copy, "copy.html")
    assert str(refused.value).startswith(
        f"copy.html:{line}: the title row has 3 cells, where News Sniffer writes 2")


# A diff page in the layout of News Sniffer's earlier years: the article info's paragraphs
# straight in the page's content (no div.article-info), the URL's cite linked to the diff page
# itself, no table head, a title row without an id, the times in td cells, rows without ids
_EARLIER_LAYOUT = """<!DOCTYPE html>
<html><head><title>'Bridge reopens' diff viewer (3/4) - News Sniffer</title>
<link href="https://news.example/bridge" rel="external alternate author" title="Original article"/>
</head><body>
<div id="header"><ul id="nav"><li><a href="/versions">Revisions</a></li></ul></div>
<div id="content">
<p>This article is from the source '<cite>examplenews</cite>' and was first published or seen
on <time datetime='2012-05-01T08:00:00Z'>May 1, 2012 08:00 (UTC)</time>.
The next check for changes will be <time datetime='2012-05-02T08:00:00Z'>May 2, 2012</time>
</p>
<p>You can find the current article at its original source at <cite class="article_url"><a
href="/articles/9/diff/4/3">https://news.example/bridge</a></cite></p>
<p>The article has changed <var>5</var> times. There is an <a href="/articles/9.rss">RSS feed of
changes</a> available.</p>
<div class="version_list pagination"><a href="/articles/9/diff/3/2">Previous version</a>
<span class="current">4</span> <a href="/articles/9/diff/5/4">Next version</a></div>
<table class="version_diff">
<tr><th class="version"><small>Version 3</small></th><th class="version"><small>Version 4</small></th></tr>
<tr><th class="title"><del>Bridge shut</del></th><th class="title"><ins>Bridge reopens</ins></th></tr>
<tr><td class="time"><time datetime="2012-05-01T09:00:00Z">2012-05-01 09:00:00 UTC</time></td>
<td class="time"><time datetime="2012-05-01T10:10:00Z">2012-05-01 10:10:00 UTC</time>
(about 1 hour later)</td></tr>
<tr><td>Traffic was light.</td><td>Traffic was light.</td></tr>
<tr><td><del>The bridge is shut.</del></td><td><ins>The bridge is open.</ins></td></tr>
</table>
</div>
<div id="footer"><p>Quoted in <cite>The Daily</cite> <var>99</var> times</p></div>
</body></html>
"""


def test_a_page_in_news_sniffers_earlier_layout_is_read_whole() -> None:
    """News Sniffer's earlier pages give the title row no id and hold the article info in
    paragraphs of the page's content, not in a div.article-info: such a page was refused for
    its title row, and without it lost the source, change count and check status, warned, and
    took for the article's URL the diff page's own path its cite links to."""
    article = read_diff_page(_EARLIER_LAYOUT, "earlier.html")
    assert [(v.number, v.title, v.paragraphs) for v in article.versions] == [
        (3, "Bridge shut", ("Traffic was light.", "The bridge is shut.")),
        (4, "Bridge reopens", ("Traffic was light.", "The bridge is open."))]
    assert article.versions[1].time == datetime(2012, 5, 1, 10, 10, tzinfo=UTC)
    assert (article.source, article.url, article.changes) == (
        "examplenews", "https://news.example/bridge", 5)
    assert article.metadata == {"first_seen": "2012-05-01T08:00:00Z",
                                "check_status": "The next check for changes will be May 2, 2012"}
    assert article.warnings == ()


@pytest.mark.parametrize(("left", "right", "word", "stamped"), [
    (5, 2, "later", False), (2, 5, "earlier", False), (5, 2, "later", True),
    (2, 5, "earlier", True)])
def test_a_time_row_that_contradicts_the_column_order_is_warned_of(
        left: int, right: int, word: str, stamped: bool) -> None:
    # "Version 5" then "Version 2" with "(about 1 hour later)" was read without a word (with only
    # a "dated before" warning where the <time> values put them in that order too)
    def at(hour: int) -> datetime | None:
        return datetime(2020, 1, 1, hour, tzinfo=UTC) if stamped else None

    later_first = left > right
    page = render_diff_html(Version(left, "T", ("Kept.",), at(11 if later_first else 10)),
                            Version(right, "T", ("Kept.", "Added."), at(10 if later_first else 11)),
                            PageInfo(time_text=f"about 1 hour {word}"))
    article = read_diff_page(page, "p.html")
    line = page[:page.rindex('<th class="time">')].count("\n") + 1
    said = f"p.html:{line}: the time row calls version {right} 'about 1 hour {word}' than version {left}, "
    before_after = "before" if word == "later" else "after"
    assert article.warnings == ((
        f"{said}but its <time datetime> is {before_after} that version's: the page contradicts "
        "itself; its <time datetime> values are kept") if stamped else (
        f"{said}which its number puts {before_after}; kept in version order"),)
    agreeing = render_diff_html(Version(left, "T", ("Kept.",)),
                                Version(right, "T", ("Kept.", "Added.")),
                                PageInfo(time_text=f"about 1 hour {'earlier' if later_first else 'later'}"))
    assert read_diff_page(agreeing, "p.html").warnings == ()


def test_a_time_row_with_one_zoneless_time_is_checked_against_the_numbers() -> None:
    # a zoneless <time datetime> beside one with a zone stopped the check with a TypeError
    # (offset-naive and offset-aware datetimes compared)
    page = render_diff_html(Version(5, "T", ("Kept.",), datetime(2020, 1, 1, 11, tzinfo=UTC)),
                            Version(2, "T", ("Kept.", "Added."), datetime(2020, 1, 1, 10, tzinfo=UTC)),
                            PageInfo(time_text="about 1 hour later"))
    zoneless = page.replace('datetime="2020-01-01T10:00:00Z"', 'datetime="2020-01-01T10:00:00"', 1)
    assert zoneless != page
    said, = read_diff_page(zoneless, "p.html").warnings
    assert said.endswith("the time row calls version 2 'about 1 hour later' than version 5, which "
                         "its number puts before; kept in version order")


@pytest.mark.parametrize("render", [render_diff_html, render_diff_text])
@pytest.mark.parametrize("changes", [0, 2])
def test_a_change_count_that_leaves_no_room_for_the_versions_shown_is_left_out_warned(
        tmp_path: Path, render: Callable[[Version, Version, PageInfo], str], changes: int) -> None:
    """A page that compares versions 1 and 2 while it says 'The article has changed 2 times'
    (News Sniffer numbers versions from 0: 2 versions are 0 and 1) was read silently, the count
    kept for the store, the NewsEdits export and the hints at the pages beside it; one of 0 was
    kept from an HTML page and dropped silently from a flattened one."""
    old = Version(1, "Title", ("One paragraph here.", "Kept paragraph."))
    new = Version(2, "Title", ("One paragraph changed here.", "Kept paragraph."))
    page = tmp_path / "page"
    page.write_text(render(old, new, PageInfo(changes=changes)), "utf-8")
    [article] = load([str(page)])
    assert article.changes is None
    assert (f"{page}: the page counts {changes} versions, numbered from 0, but shows version 2; "
            "the count is left out (the page is damaged or edited by hand: save it again from "
            "News Sniffer)") in article.warnings
    page.write_text(render(old, new, PageInfo(changes=3)), "utf-8")
    [article] = load([str(page)])
    assert article.changes == 3
    assert not any("the page counts" in warning for warning in article.warnings)


@pytest.mark.parametrize("changes", [2, 3])
def test_joined_pages_drop_a_count_that_leaves_no_room_for_another_pages_version(
        tmp_path: Path, changes: int) -> None:
    """The joined article kept the highest count of its pages, checked against no other page's
    versions: a page of versions 0 and 1 saying 'changed 2 times' joined with one of version 2
    gave an article of versions 0 to 2 counted as 2."""
    versions = [Version(n, "Title", (f"Paragraph {n} here.", "Kept paragraph.")) for n in range(3)]
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    first.write_text(render_diff_html(versions[0], versions[1], PageInfo(changes=changes)), "utf-8")
    uncounted = render_diff_html(versions[1], versions[2], PageInfo(changes=3))
    assert uncounted.count("<var>3</var>") == 1
    second.write_text(uncounted.replace("<var>3</var>", ""), "utf-8")
    [article] = load([str(first), str(second)])
    assert [version.number for version in article.versions] == [0, 1, 2]
    counted = [warning for warning in article.warnings if "counts" in warning]
    if changes == 3:
        assert (article.changes, counted) == (3, [])
        return
    assert article.changes is None
    assert counted == [(
        f"{first}: the page counts 2 versions, numbered from 0, but {second} shows version 2; "
        "the count is left out (the page is damaged or edited by hand: save it again from "
        "News Sniffer)")]


def test_joined_flattened_pages_name_the_page_that_counts_and_the_page_that_shows(
        tmp_path: Path) -> None:
    """Flattened pages read together were named together in the warning of a count that leaves
    no room for a version another page shows ('a.txt, b.txt: the page counts ...', '... but
    f.txt, g.txt shows version 3'), as if they were one page."""
    versions = [Version(n, "Title", (f"Paragraph {n} here.", "Kept paragraph.")) for n in range(4)]
    pages = {"a.txt": render_diff_text(versions[0], versions[1], PageInfo(changes=2)),
             "b.txt": render_diff_text(versions[1], versions[2], PageInfo(changes=3)),
             "c.html": render_diff_html(versions[2], versions[3], PageInfo(changes=4)),
             "e.html": render_diff_html(versions[0], versions[1], PageInfo(changes=2)),
             "f.txt": render_diff_text(versions[1], versions[2], PageInfo(changes=1)),
             "g.txt": render_diff_text(versions[2], versions[3], PageInfo(changes=1))}
    assert pages["c.html"].count("<var>4</var>") == 1
    pages["c.html"] = pages["c.html"].replace("<var>4</var>", "")
    for name, text in pages.items():
        (tmp_path / name).write_text(text, "utf-8")
    warnings = []
    for names in (["a.txt", "b.txt", "c.html"], ["e.html", "f.txt", "g.txt"]):
        [article] = load([str(tmp_path / name) for name in names])
        assert [version.number for version in article.versions] == [0, 1, 2, 3]
        assert article.changes is None
        warnings += [warning.replace(f"{tmp_path}/", "") for warning in article.warnings
                     if "the page counts" in warning]
    left_out = ("; the count is left out (the page is damaged or edited by hand: save it again "
                "from News Sniffer)")
    assert warnings == [
        "b.txt: the page counts 3 versions, numbered from 0, but c.html shows version 3" + left_out,
        "f.txt: the page counts 1 version, numbered from 0, but g.txt shows version 3" + left_out,
        "e.html: the page counts 2 versions, numbered from 0, but g.txt shows version 3" + left_out]


@pytest.mark.parametrize("parting", ["<br>", "<br/>", "</p><p>", "<div></div>"])
def test_a_line_break_inside_a_cell_parts_the_words_either_side(parting: str) -> None:
    """A `<br>` or a paragraph inside a cell (in a saved or edited copy) glued the words either
    side of it (`Keptone.`), where a browser shows them on lines of their own and the flattened
    page parts them with a space."""
    kept = Version(1, "Head", ("Kept one.", "Old words."))
    page = render_diff_html(kept, Version(2, "Head", ("Kept one.", "New words.")), PageInfo())
    row = "<td>Kept one.</td><td>Kept one.</td>"
    assert row in page
    copy = page.replace(row, f"<td><p>Kept{parting}one.</p></td><td>Kept{parting}one.</td>")
    assert [version.paragraphs[0] for version in read_diff_page(copy, "copy.html").versions] == [
        "Kept one.", "Kept one."]


def test_a_cdata_section_inside_a_cell_is_no_text_of_it() -> None:
    """A browser reads `<![CDATA[...]]>` in an HTML page as a comment and shows nothing of it:
    its text was read as part of the cell's paragraph (`Kept one. x`)."""
    row = "<td>More details to follow."
    assert row in PAGE
    copy = PAGE.replace(row, f"{row}<![CDATA[ //x ]]>", 1)
    assert read_diff_page(copy, "copy.html").versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("title", ["<title>x</title>", "<TITLE lang=en>Old <b>x</TITLE >"])
def test_a_title_element_inside_a_cell_is_no_text_of_it(title: str) -> None:
    """A browser's own style sheet hides a title element wherever it stands: its text inside a
    cell was read as part of the cell's paragraph (`More details to follow.x`)."""
    row = "<td>More details to follow."
    assert row in PAGE
    copy = PAGE.replace(row, f"{row}{title}", 1)
    assert read_diff_page(copy, "copy.html").versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("hidden", [
    "<datalist id=d><option>x</option></datalist>", "<DATALIST>x</DATALIST>",
    "<noembed>x</noembed>", "<noframes>x</noframes>", "<span hidden>x</span>",
    "<b HIDDEN=''>Old <i>x</i></b>", "<em hidden=until-found>x</em>"])
def test_an_element_a_browser_hides_inside_a_cell_is_no_text_of_it(hidden: str) -> None:
    """A browser's own style sheet hides a datalist, a noembed, a noframes and any element with
    the `hidden` attribute wherever they stand: their text inside a cell was read as part of the
    cell's paragraph (`More details to follow.x`)."""
    row = "<td>More details to follow."
    assert row in PAGE
    copy = PAGE.replace(row, f"{row}{hidden}", 1)
    assert read_diff_page(copy, "copy.html").versions == read_diff_page(PAGE, "p.html").versions


def test_a_ruby_annotation_inside_a_cell_is_text_of_it() -> None:
    """A browser shows a ruby's annotation (`<rt>`) above its base and leaves out the parentheses
    (`<rp>`) that stand for it where ruby is not drawn: the annotation was lost, as BeautifulSoup
    reads it as a string of its own kind."""
    row = "<tr id='p5'><td>More details to follow.</td><td>More details to follow.</td></tr>"
    assert row in PAGE
    ruby = "<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>"
    copy = PAGE.replace(row, row.replace("to follow.", f"to follow {ruby}."))
    assert [version.paragraphs[-1] for version in read_diff_page(copy, "copy.html").versions] == [
        "More details to follow 東京とうきょう."] * 2


@pytest.mark.parametrize(("hidden_row", "left"), [
    ("<tr id='p5' hidden><td>More details to follow.</td><td>More details to follow.</td></tr>",
     ("", "")),
    ("<tr id='p5'><td HIDDEN>More details to follow.</td><td>More details to follow.</td></tr>",
     ("", "More details to follow.")),
    ("<tr id='p5'><td>More details to follow.</td><td hidden=''>More details to follow.</td></tr>",
     ("More details to follow.", ""))])
def test_a_hidden_row_or_cell_is_no_text_of_its_versions(hidden_row: str,
                                                          left: tuple[str, str]) -> None:
    """A browser hides a row or a cell with the `hidden` attribute as it hides an element inside
    a cell: its text was read as a paragraph of its versions."""
    row = "<tr id='p5'><td>More details to follow.</td><td>More details to follow.</td></tr>"
    assert row in PAGE
    read = read_diff_page(PAGE.replace(row, hidden_row), "copy.html").versions
    for version, kept, before in zip(read, left, read_diff_page(PAGE, "p.html").versions):
        assert version.paragraphs == before.paragraphs[:-1] + ((kept,) if kept else ())


def test_a_body_row_of_header_cells_is_read_as_a_body_row() -> None:
    """A copy that writes a body row's cells as `th` (a bold first row, as some editors and
    converters make it) lost that row's paragraphs from both versions, without a warning."""
    row = "<tr id='p5'><td>More details to follow.</td>"
    assert row in PAGE
    start = PAGE.index(row)
    end = PAGE.index("</tr>", start)
    copy = PAGE[:start] + PAGE[start:end].replace("<td>", "<th>").replace("</td>", "</th>") + PAGE[end:]
    assert copy != PAGE
    assert read_diff_page(copy, "copy.html").versions == read_diff_page(PAGE, "p.html").versions


@pytest.mark.parametrize("parting", ["<br>", "<br/>"])
def test_a_line_break_in_the_check_status_parts_the_words_either_side(parting: str) -> None:
    """The article info's check status was read with the words either side of a `<br>` glued
    (`40 daysago`), where the cells part them as a browser shows them."""
    status = "It last changed over 40 days ago and won't be checked again for changes."
    old, new = Version(1, "Head", ("Old words.",)), Version(2, "Head", ("New words.",))
    page = render_diff_html(old, new, PageInfo(status=status))
    assert "40 days ago" in page
    copy = page.replace("40 days ago", f"40 days{parting}ago")
    assert read_diff_page(copy, "copy.html").metadata["check_status"] == status


@pytest.mark.parametrize("element", ["template", "TEXTAREA"])
@pytest.mark.parametrize("before", [True, False], ids=["before the table", "after it"])
def test_a_diff_table_written_in_a_template_or_textarea_is_no_table_of_the_page(
        element: str, before: bool) -> None:
    """A browser shows nothing of a template's content, and a textarea's is text, not markup:
    a diff table written in one was a second diff table, the page refused as two pages in one
    file, and one in a template before the page's table was read in its place."""
    fake = (f'<{element}><table class="version_diff"><thead><tr><th class="version">'
            f"<small>Version 7</small></th><th class=\"version\"><small>Version 8</small></th>"
            f"</tr></thead>\n<tr id='p1'><td>fake</td><td>row</td></tr></table></{element}>\n")
    table = '<table class="version_diff">'
    assert PAGE.count(table) == 1
    copy = PAGE.replace(table, fake + table) if before else PAGE.replace("</main>", fake + "</main>")
    assert copy != PAGE
    assert read_diff_page(copy, "copy.html") == read_diff_page(PAGE, "copy.html")


@pytest.mark.parametrize("unshown", [
    "<template><font style=\"vertical-align: inherit;\">Übersetzt</font></template>",
    "<textarea><html class=\"translated-ltr\"></textarea>",
])
def test_a_translation_in_a_textarea_or_template_of_a_diff_page_is_none(unshown: str) -> None:
    """A template's or a textarea's content is no markup of the page: a translation's marks there
    were read from the raw text, and the diff page refused as translated."""
    assert "</body>" in PAGE
    page = PAGE.replace("</body>", f"{unshown}</body>")
    assert read_diff_page(page, "d.html").versions == read_diff_page(PAGE, "d.html").versions


def test_the_check_status_of_a_page_whose_paragraphs_are_left_unended_is_its_own() -> None:
    """html.parser nested the article info's next `<p>` in the status one, so the check status
    read on into the article's address."""
    page = render_diff_html(Version(0, "T", ("One.",)), Version(1, "T", ("Two.",)),
                            PageInfo(status="The next check for changes will be soon."))
    unended = page.replace("\t</p>", "", 1)
    assert unended != page
    article = read_diff_page(unended, "d.html")
    assert article.metadata == read_diff_page(page, "d.html").metadata
    assert article.metadata["check_status"] == "The next check for changes will be soon."


def test_a_diff_table_whose_cells_and_rows_are_left_unended_is_read_as_a_browser_shows_it() -> None:
    """A browser ends a `<td>` or `<th>` where the next cell or row starts, and a `<tr>` where
    the next row starts; html.parser nested each cell in the one before, so every body row was
    refused as a row of one cell."""
    unended = re.sub(r"</t[dhr]>", "", PAGE)
    assert unended != PAGE
    assert read_diff_page(unended, "copy.html") == read_diff_page(PAGE, "page.html")


def test_a_diff_table_that_does_not_end_is_refused_naming_its_first_line() -> None:
    start = PAGE.index("<table")
    line = PAGE[:start].count("\n") + 1
    with pytest.raises(MalformedPage, match="the diff table that starts here does not end") as raised:
        read_diff_page(PAGE[:PAGE.index("</table>")], "cut.html")
    assert raised.value.line == line and str(raised.value).startswith(f"cut.html:{line}: ")


def test_a_time_element_without_a_datetime_attribute_gives_the_time_its_text_is() -> None:
    """HTML takes such an element's text for its value: it was left out, without a warning."""
    stamp = '<time datetime="2020-01-07T23:10:00Z">2020-01-07 23:10:00 UTC</time>'
    assert PAGE.count(stamp) == 1
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, "<time>2020-01-07 23:10:00Z</time>"), "copy.html")
    assert article.versions[0].time == datetime(2020, 1, 7, 23, 10, tzinfo=UTC)
    assert article.warnings == ()
    article = read_diff_page(PAGE.replace(stamp, "<time>7 January 2020, 23:10</time>"), "copy.html")
    assert article.versions[0].time is None
    assert article.warnings == ((f"copy.html:{line}: the old version's <time> text '7 January "
                                 "2020, 23:10' is not a time; left out"),)


@pytest.mark.parametrize(("text", "expected"), [
    ("2020-01-07 23:10:00 UTC", datetime(2020, 1, 7, 23, 10, tzinfo=UTC)),
    ("2020-01-08 00:10:00 +0100", datetime(2020, 1, 7, 23, 10, tzinfo=UTC)),
])
def test_a_time_element_without_a_datetime_attribute_reads_news_sniffers_display_form(
        text: str, expected: datetime) -> None:
    """The time News Sniffer shows in the element (`2020-01-07 23:10:00 UTC`) is outside HTML's
    date grammar: it was warned of and left out, where the text reader reads it."""
    stamp = '<time datetime="2020-01-07T23:10:00Z">2020-01-07 23:10:00 UTC</time>'
    article = read_diff_page(PAGE.replace(stamp, f"<time>{text}</time>"), "copy.html")
    assert article.versions[0].time == expected
    assert article.warnings == ()
    article = read_diff_page(PAGE.replace(stamp, "<time>2020-13-07 23:10:00 UTC</time>"), "copy.html")
    assert article.versions[0].time is None
    assert [warning.split(": ", 1)[1] for warning in article.warnings] == [
        "the old version's <time> text '2020-13-07 23:10:00 UTC' is not a time; left out"]


def test_the_first_seen_time_element_without_a_datetime_attribute_gives_its_text() -> None:
    """It was left out without a warning, where the versions' `<time>` elements give their text."""
    stamp = "<time datetime='2020-01-02T17:12:09Z'>January 2, 2020 17:12 (UTC)</time>"
    assert PAGE.count(stamp) == 1
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    # News Sniffer's display form, read as the text page's reader reads it
    article = read_diff_page(PAGE.replace(stamp, "<time>January 2, 2020 17:12 (UTC)</time>"),
                             "copy.html")
    assert (article.metadata["first_seen"], article.warnings) == ("2020-01-02T17:12Z", ())
    article = read_diff_page(PAGE.replace(stamp, "<time>2020-01-02T17:12:09Z</time>"), "copy.html")
    assert (article.metadata["first_seen"], article.warnings) == ("2020-01-02T17:12:09Z", ())
    article = read_diff_page(PAGE.replace(stamp, "<time>the second of January</time>"), "copy.html")
    assert "first_seen" not in article.metadata
    assert article.warnings == ((f"copy.html:{line}: the first-seen <time> text 'the second of "
                                 "January' is not a time; left out"),)


def test_a_first_seen_datetime_attribute_that_is_no_time_is_left_out_and_warned_of() -> None:
    """It was kept as the article's first-seen time as written, where a version's `<time
    datetime>` that is no time is left out and warned of."""
    stamp = "<time datetime='2020-01-02T17:12:09Z'>"
    assert PAGE.count(stamp) == 1
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, "<time datetime='2020-13-02T17:12:09Z'>"),
                             "copy.html")
    assert "first_seen" not in article.metadata
    assert article.warnings == ((f"copy.html:{line}: the first-seen <time datetime> "
                                 "'2020-13-02T17:12:09Z' is not a time; left out"),)


def test_a_first_seen_time_at_a_leap_second_is_kept_at_second_59_as_warned() -> None:
    """It was warned of as read at second 59, but kept as the article's first-seen time at
    second 60."""
    stamp = "<time datetime='2020-01-02T17:12:09Z'>"
    assert PAGE.count(stamp) == 1
    line = PAGE[:PAGE.index(stamp)].count("\n") + 1
    article = read_diff_page(PAGE.replace(stamp, "<time datetime='2016-12-31T23:59:60Z'>"),
                             "copy.html")
    assert article.metadata["first_seen"] == "2016-12-31T23:59:59Z"
    assert article.warnings == ((f"copy.html:{line}: the first-seen <time datetime> "
                                 "'2016-12-31T23:59:60Z' is at a leap second (second 60), which "
                                 "revdiff's times cannot hold: read as second 59, a second early, "
                                 "which keeps the versions' order; nothing to correct"),)


def test_a_page_without_its_article_info_takes_no_source_or_count_from_its_layout() -> None:
    """Without `div.article-info` the whole page was searched: a `<cite>` or `<var>` of the
    site's layout was read as the article's source and change count, without a warning."""
    assert PAGE.count('class="article-info"') == 1 and PAGE.count("</body>") == 1
    page = (PAGE.replace('class="article-info"', 'class="about"')
            .replace('class="article_url"', "")
            .replace("</body>", "<footer><p>Quoted in <cite>The Daily</cite>, <var>99</var> times"
                                "</p></footer></body>"))
    article = read_diff_page(page, "copy.html")
    assert (article.source, article.changes, article.metadata) == (None, None, {})
    assert article.warnings == (("copy.html: no article info (div.article-info, or the paragraphs "
                                 "around its cite.article_url), which holds the article's "
                                 "source, change count and check status; they are left out"),
                                f"copy.html: {_NOT_JOINED}")
    assert read_diff_page(PAGE, "copy.html").source == "channelnewsasia"


@pytest.mark.parametrize(("written", "damaged"), [
    ("<small>Version 1</small>", "<small>Version \u0661</small>"),  # Arabic-Indic digit one
    ("<small>Version 1</small>", "<small>Version \uff11</small>"),  # fullwidth digit one
    ("<var>5</var>", "<var>five</var>"),
])
def test_a_header_number_that_is_no_number_is_refused_at_its_line(written: str, damaged: str,
                                                                  ) -> None:
    """A version number or change count in other digits than 0-9 is refused at the line of
    the element that holds it: the refusal named the file alone."""
    assert written in PAGE
    with pytest.raises(MalformedPage, match="is not a number") as refused:
        read_diff_page(PAGE.replace(written, damaged), "p.html")
    assert refused.value.line == PAGE[:PAGE.index(written)].count("\n") + 1


def test_a_page_comparing_a_version_with_itself_is_refused_at_the_version_row() -> None:
    """The refusal of a header row that names one version twice names its line too."""
    written = "<small>Version 1</small>"
    with pytest.raises(MalformedPage, match="compares version 0 with itself") as refused:
        read_diff_page(PAGE.replace(written, "<small>Version 0</small>"), "p.html")
    assert refused.value.line == PAGE[:PAGE.index(written)].count("\n") + 1


@pytest.mark.parametrize(("written", "damaged", "at"), [
    ('<th class="version"><small>Version 1</small></th>', "", '<th class="version">'),
    ('class="version"', 'class="ver"', '<table class="version_diff">'),
])
def test_a_header_row_naming_no_two_versions_is_refused_at_its_line(written: str, damaged: str,
                                                                    at: str) -> None:
    """A header row that does not name two versions is refused at the line of its first
    version cell, or of the table where it has none: the refusal named the file alone."""
    assert written in PAGE
    with pytest.raises(MalformedPage, match="does not name two versions") as refused:
        read_diff_page(PAGE.replace(written, damaged), "p.html")
    assert refused.value.line == PAGE[:PAGE.index(at)].count("\n") + 1


def test_a_damaged_version_cell_beside_an_english_one_is_no_translation() -> None:
    """A header row of `Version 0` and a damaged `Versoin 1` was said to look translated by
    the browser, which would have translated both cells."""
    written = "<small>Version 1</small>"
    assert written in PAGE
    with pytest.raises(MalformedPage, match="does not name two versions") as refused:
        read_diff_page(PAGE.replace(written, "<small>Versoin 1</small>"), "p.html")
    assert "translated" not in str(refused.value)


def test_a_table_footer_in_the_diff_table_is_refused_at_its_line() -> None:
    """A `<tfoot>`, which News Sniffer never writes and a browser shows below the body rows
    wherever it stands, was read as body rows where it stood, the versions' paragraphs out of
    the order the page shows."""
    row = "<tr id='p5'>"
    assert row in PAGE
    footer = "<tfoot><tr><td>Footer.</td><td>Footer.</td></tr></tfoot>\n"
    with pytest.raises(MalformedPage, match="tfoot") as refused:
        read_diff_page(PAGE.replace(row, footer + row), "p.html")
    assert refused.value.line == PAGE[:PAGE.index(row)].count("\n") + 1


def test_pages_without_their_article_url_are_warned_of_as_not_joined(tmp_path: Path) -> None:
    """An HTML diff page without its `cite.article_url` was read without a URL and without a
    warning: two pages of one article came back as two articles, nothing saying why."""
    names = []
    for pair in ("v0-v1", "v1-v2"):
        page = (SAMPLES / "sniffer-diff" / f"iran-strikes-{pair}.html").read_text("utf-8")
        cut = re.sub(r"<cite class=.article_url.>.*?</cite>", "", page, flags=re.DOTALL)
        assert cut != page
        (tmp_path / f"{pair}.html").write_text(cut, "utf-8")
        names.append(str(tmp_path / f"{pair}.html"))
    articles = load(names)
    assert [article.url for article in articles] == [None, None]
    assert [article.warnings for article in articles] == [(f"{name}: {_NOT_JOINED}",)
                                                          for name in names]


def test_a_version_page_without_its_article_url_is_warned_of_as_not_joined() -> None:
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    cut = re.sub(r"<p><a href=\"https://www\.channelnewsasia[^<]*</a></p>", "", page)
    assert cut != page
    article = read_version_page(cut, "v.html")
    assert article.url is None and article.warnings == (f"v.html: {_NOT_JOINED}",)


def test_a_text_page_without_its_article_url_is_warned_of_as_the_html_page_is(
        tmp_path: Path) -> None:
    page = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt").read_text("utf-8")
    cut = re.sub(r"You can find the current article at its original source at \S+\n", "", page)
    assert cut != page
    (tmp_path / "p.txt").write_text(cut, "utf-8")
    article, = load([str(tmp_path / "p.txt")])
    assert article.url is None and f"{tmp_path / 'p.txt'}: {_NOT_JOINED}" in article.warnings
@pytest.mark.parametrize("depth", [500, 5000])
def test_elements_nested_deeper_than_a_diff_page_nests_are_refused_at_their_line(depth: int) -> None:
    """Elements nested deep before the diff table (500,000 `<div>`s took 17 s and 358 MB, time
    and memory growing faster than the page) are refused at the line of the first one past the
    limit; a page nested deep within it is read as before."""
    table = '<table class="version_diff">'
    assert PAGE.count(table) == 1
    line = PAGE[:PAGE.index(table)].count("\n") + 1
    copy = PAGE.replace(table, nested_divs(depth) + table)
    if depth + 3 <= MAX_DEPTH:  # inside <html>, <body> and <main>
        assert read_diff_page(copy, "p.html").versions == read_diff_page(PAGE, "p.html").versions
        return
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(copy, "p.html")
    assert refused.value.line == line
    assert refused.value.message == (f"an element nested more than {MAX_DEPTH} elements "
                                     "deep starts here, where a News Sniffer page nests about ten")


def test_a_diff_page_of_more_elements_than_news_sniffer_writes_is_refused_at_the_first_past() -> None:
    """A page of many elements side by side, none nested deep (`<b></b>` or `<p>x` a million
    times in a cell), was built into a tree of them all: 8 MB of `<p>x` took 156 s and 2.8 GB,
    memory growing to hundreds of times the page, so that a page at the size limit would exhaust
    the machine's. Refused at the line of the first element past the limit (200,000; the
    corpus's largest page holds 1,679)."""
    table = '<table class="version_diff">'
    line = PAGE[:PAGE.index(table)].count("\n") + 1
    copy = PAGE.replace(table, "<b></b>" * 200_000 + "\n" + table)
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(copy, "p.html")
    assert refused.value.line == line
    assert refused.value.message == ("the page holds more than 200,000 elements, the next "
                                     "starting here, where a News Sniffer page holds a few "
                                     "thousand")


def test_a_version_page_of_more_elements_than_news_sniffer_writes_is_refused() -> None:
    """As a diff page is: 800 KB of `<p>x` in a version page took 15 s and 290 MB."""
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    body = page.index("<body")
    copy = page[:body] + "\n" + "<p>x" * 200_000 + page[body:]
    with pytest.raises(MalformedPage, match="more than 200,000 elements") as refused:
        read_version_page(copy, "v.html")
    assert refused.value.line == page[:body].count("\n") + 2


def test_reading_a_diff_page_searches_its_tree_as_often_however_many_rows_it_has(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row's cells were found by a search of the row (`find_all`), which took most of the
    time a page of many rows was read in: a quarter of it; they are its children."""
    searches = 0
    find_all = Tag.find_all

    def counted(self: Tag, *args: Any, **kwargs: Any) -> Any:
        nonlocal searches
        searches += 1
        return find_all(self, *args, **kwargs)

    monkeypatch.setattr(Tag, "find_all", counted)
    counts = []
    for rows in (2, 50):
        old = Version(0, "Title", tuple(f"Paragraph {n}." for n in range(rows)))
        new = Version(1, "Title", tuple(f"Paragraph {n}, edited." for n in range(rows)))
        searches = 0
        article = read_diff_page(render_diff_html(old, new, PageInfo()), "p.html")
        assert article.versions[1].paragraphs == new.paragraphs
        counts.append(searches)
    assert counts[0] == counts[1]


@pytest.mark.parametrize("depth", [100, 600])
def test_elements_nested_deeper_than_a_version_page_nests_are_refused_at_their_line(depth: int) -> None:
    """A version page's elements nested past `MAX_DEPTH` are refused as a diff page's are (its
    tree of elements was built whole, 80,000 nested `<div>`s in 6 s); one nested less is read as
    before."""
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    copy, line = nested_in_body(page, depth)
    if depth < MAX_DEPTH:
        assert read_version_page(copy, "v.html").versions == read_version_page(page, "v.html").versions
        return
    with pytest.raises(MalformedPage) as refused:
        read_version_page(copy, "v.html")
    assert refused.value.line == line
    assert refused.value.message == (f"an element nested more than {MAX_DEPTH} elements deep "
                                     "starts here, where a News Sniffer page nests about ten")


def test_reading_a_diff_page_walks_its_table_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The diff table was searched six times over (a table inside it, a footer, the version,
    title and time cells, the rows), a fifth of the time a page of many rows was read in: its
    elements are looked at in one walk."""
    searched: list[str] = []
    find_all = Tag._find_all

    def counted(self: Tag, *args: Any, **kwargs: Any) -> Any:
        if self.name == "table":
            searched.append(str(args[0]))
        return find_all(self, *args, **kwargs)

    article = read_diff_page(PAGE, "p.html")
    monkeypatch.setattr(Tag, "_find_all", counted)
    assert read_diff_page(PAGE, "p.html") == article
    assert searched == []
