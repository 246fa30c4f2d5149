"""News Sniffer diff pages in the layout with spacer columns (its commit 447c055): unchanged
paragraphs written without cells, each version's column after a spacer cell."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cli_run import revdiff
from story_chains import SAMPLES

from revdiff.errors import MalformedPage
from revdiff.formats import load
from revdiff.formats.detect import Format, detect
from revdiff.formats.sniffer_html import read_diff_page

SAMPLE = SAMPLES / "sniffer-diff-spacer-columns.html"
PAGE = SAMPLE.read_text("utf-8")
# the same refusals a page in the later layout gets
CURRENT = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html").read_text("utf-8")
_SHARED_ROW = "<tr id='p2'>"  # a paragraph both versions share
_SAVE_AGAIN = "(save the page again from News Sniffer, as the browser received it)"

OLD_PARAGRAPHS = (
    ("The Pentagon is sending several thousand more soldiers to the Middle East after a US strike "
     "killed Iran's top general in Baghdad."),
    ("The troops come from the 82nd Airborne Division, whose Global Response Force sent several "
     "hundred soldiers to Kuwait earlier this week."),
    "A defence official said the deployment was a precaution.",
    ("Protesters attacked the US embassy compound in Baghdad on December 31 after air strikes "
     "killed 25 fighters of an Iran-backed militia."),
)
NEW_PARAGRAPHS = (
    ("The Pentagon is sending about 3,500 more soldiers to the Middle East after a US strike "
     "killed Iran's top general in Baghdad."),
    OLD_PARAGRAPHS[1],
    OLD_PARAGRAPHS[3],
    ("President Donald Trump said Iran would be held \"fully responsible\" for any attack on "
     "American facilities."),
)


def _line_of(text: str, page: str = PAGE) -> int:
    assert page.count(text) == 1
    return page[:page.index(text)].count("\n") + 1


def test_a_page_with_spacer_columns_gives_both_versions_exactly() -> None:
    """It was refused: "the title row has 4 cells, where News Sniffer writes 2"."""
    assert detect(PAGE) is Format.SNIFFER_DIFF_HTML
    (article,) = load([str(SAMPLE)])
    old, new = article.versions
    assert (old.number, old.title, old.paragraphs) == (
        2, "US sends more troops to the Middle East", OLD_PARAGRAPHS)
    assert (new.number, new.title, new.paragraphs) == (
        3, "US to send 3,500 more troops to the Middle East", NEW_PARAGRAPHS)
    assert (old.time, new.time) == (datetime(2020, 1, 3, 10, 5, tzinfo=UTC),
                                    datetime(2020, 1, 3, 13, 20, tzinfo=UTC))
    assert (new.time_text, new.time_from) == ("about 3 hours later", 2)
    assert (article.source, article.url, article.changes) == (
        "examplenews", "https://news.example/world/us-troops-middle-east", 4)
    assert article.warnings == ()


def test_the_command_line_diffs_the_page_as_read() -> None:
    run = revdiff("diff", str(SAMPLE))
    assert run.returncode == 0, run.stderr
    assert "2 unchanged, 1 edited, 1 added, 1 deleted" in run.stdout


@pytest.mark.parametrize("page", [PAGE, CURRENT], ids=["spacer-columns", "later-layout"])
def test_a_page_cut_inside_its_rows_is_refused_as_truncated(page: str) -> None:
    cut = page[:page.index("<tr id='p3'>")]
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(cut, "cut.html")
    assert str(refused.value) == (
        f"cut.html:{_line_of('<table class', page)}: page is truncated: the diff table that "
        "starts here does not end (no </table> after it) (save the whole page again)")


@pytest.mark.parametrize("page", [PAGE, CURRENT], ids=["spacer-columns", "later-layout"])
def test_a_page_without_its_title_row_is_refused_naming_the_table_line(page: str) -> None:
    damaged = page.replace('<tr id="title">', "<tr>").replace('class="title"', "")
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(damaged, "copy.html")
    assert str(refused.value) == (
        f"copy.html:{_line_of('<table class', page)}: the title row (tr#title, or th.title "
        f"cells) is missing from the diff table {_SAVE_AGAIN}")


@pytest.mark.parametrize("page", [PAGE, CURRENT], ids=["spacer-columns", "later-layout"])
def test_a_page_without_body_rows_is_read_with_a_warning_for_each_textless_version(
        page: str) -> None:
    article = read_diff_page(re.sub(r"<tr id='p\d+'>.*?</tr>", "", page, flags=re.DOTALL),
                             "copy.html")
    numbers = [version.number for version in article.versions]
    assert [version.paragraphs for version in article.versions] == [(), ()]
    assert article.warnings == tuple(
        f"copy.html: the page shows no text of version {number}; kept as a version without "
        "paragraphs" for number in numbers)


def test_a_row_of_two_empty_cells_gives_no_paragraph() -> None:
    emptied = re.sub(r"(<tr id='p3'>).*?(</tr>)", r"\1<td class='diff-row diff-row-first'></td>"
                     r"<td></td><td class='diff-row diff-row-last'></td><td></td>\2", PAGE)
    old, new = read_diff_page(emptied, "copy.html").versions
    assert old.paragraphs == (OLD_PARAGRAPHS[0], *OLD_PARAGRAPHS[1:4:2])
    assert new.paragraphs == NEW_PARAGRAPHS


def test_text_outside_a_changed_rows_cells_is_warned_of_and_left_out() -> None:
    """A changed row's text outside its four cells was dropped without a word; a browser shows
    it above the table, in neither version's column."""
    spacer = "<td class='diff-row diff-row-last'></td>"
    row_start = PAGE.index("<tr id='p3'>")
    at = PAGE.index(spacer, row_start)
    copy = PAGE[:at] + "stray words" + PAGE[at:]
    article = read_diff_page(copy, "copy.html")
    line = _line_of("<tr id='p3'>")
    assert article.warnings == ((
        f"copy.html:{line}: body row 'p3' holds text outside its 4 cells "
        "(td), which News Sniffer never writes and a browser shows above the table; its text "
        "'stray words' is left out of both versions (save the page again from News Sniffer to "
        "have it read)"),)
    assert article.versions == read_diff_page(PAGE, "p.html").versions


def test_a_hidden_shared_row_gives_no_paragraph_and_is_not_refused_as_empty() -> None:
    hidden = PAGE.replace(_SHARED_ROW, "<tr id='p2' hidden>")
    old, new = read_diff_page(hidden, "copy.html").versions
    assert OLD_PARAGRAPHS[1] not in old.paragraphs and OLD_PARAGRAPHS[1] not in new.paragraphs
    assert len(old.paragraphs) == len(OLD_PARAGRAPHS) - 1


def test_a_page_saved_as_the_browser_shows_it_is_refused_not_read_without_its_shared_paragraphs(
        ) -> None:
    # a browser's parser moves text that a row holds without cells out of the table, before it:
    # saved from the browser's view, each shared paragraph's row is left empty
    moved: list[str] = []

    def emptied(row: re.Match[str]) -> str:
        if "<td" in row.group(2):
            return row.group(0)
        moved.append(row.group(2))
        return row.group(1) + row.group(3)

    saved = re.sub(r"(<tr id='p\d+'>)(.*?)(</tr>)", emptied, PAGE, flags=re.DOTALL)
    table = saved.index("<table")
    saved = saved[:table] + " ".join(moved) + saved[table:]
    assert moved
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(saved, "copy.html")
    assert str(refused.value).startswith(
        f"copy.html:{_line_of(_SHARED_ROW)}: body row 'p2' holds neither cells nor text")


@pytest.mark.parametrize("between", ["", "\n", "\n    "], ids=["glued", "newline", "indented"])
def test_an_unchanged_row_reads_its_paragraph_with_white_space_around_or_between_the_copies(
        between: str) -> None:
    paragraph = "Officials said the deployment was a precaution."
    spaced = re.sub(r"(<tr id='p2'>).*?(</tr>)", rf"\g<1>\n  {paragraph}{between}{paragraph}\n\2",
                    PAGE, flags=re.DOTALL)
    old, new = read_diff_page(spaced, "copy.html").versions
    assert old.paragraphs[1] == new.paragraphs[1] == paragraph


@pytest.mark.parametrize("text", [
    "The troops come from the 82nd Airborne Division.The troops come from the 82nd Airborne.",
    "The troops come from the 82nd Airborne Division.",
], ids=["other-text", "written-once"])
def test_an_unchanged_row_that_is_not_one_paragraph_written_twice_is_refused(text: str) -> None:
    damaged = re.sub(r"(<tr id='p2'>).*?(</tr>)", rf"\g<1>{text}\2", PAGE)
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(damaged, "copy.html")
    assert str(refused.value).startswith(
        f"copy.html:{_line_of(_SHARED_ROW)}: body row 'p2' holds text without cells "
        "that is not one paragraph written twice")


def test_an_unchanged_row_reads_the_words_of_an_element_in_it_as_a_cell_does() -> None:
    """Found by a review: the row's text was read without the words of an element in it (`Hello
    <b>big</b> world.` twice read `Hello world.`), the paragraph short of a word without one."""
    marked = re.sub(r"(<tr id='p2'>).*?(</tr>)", r"\1Hello <b>big</b> world. Hello <b>big</b> "
                    r"world.\2", PAGE)
    old, new = read_diff_page(marked, "copy.html").versions
    assert old.paragraphs[1] == new.paragraphs[1] == "Hello big world."


def test_an_unchanged_row_whose_element_is_in_one_copy_only_is_refused() -> None:
    """Found by a review: `Hello <b>big</b> world.Hello world.` was read as `Hello world.`, the
    element's words left out, where the two copies differ."""
    marked = re.sub(r"(<tr id='p2'>).*?(</tr>)", r"\1Hello <b>big</b> world.Hello world.\2", PAGE)
    with pytest.raises(MalformedPage) as refused:
        read_diff_page(marked, "copy.html")
    assert str(refused.value).startswith(
        f"copy.html:{_line_of(_SHARED_ROW)}: body row 'p2' holds text without cells "
        "that is not one paragraph written twice, as News Sniffer writes an unchanged paragraph: "
        "'Hello big world.Hello world.'")


@pytest.mark.parametrize("row", ["<tr id='p3'>", '<tr id="title">'], ids=["body", "title"])
def test_a_row_without_one_of_its_spacer_cells_is_refused_naming_it(row: str) -> None:
    line = _line_of(row)
    lines = PAGE.split("\n")
    spacer = re.compile(r"<t([dh]) class=.diff-row diff-row-last.></t\1>")
    following = next(index for index in range(line - 1, len(lines)) if spacer.search(lines[index]))
    lines[following] = spacer.sub("", lines[following], count=1)
    with pytest.raises(MalformedPage) as refused:
        read_diff_page("\n".join(lines), "copy.html")
    named = "body row 'p3'" if "p3" in row else "the title row"
    assert str(refused.value) == (
        f"copy.html:{line}: {named} has 3 cells (1 of them spacers, td.diff-row), where News "
        "Sniffer's layout with spacer columns writes 4: a spacer before each version's cell "
        f"{_SAVE_AGAIN}")


def test_a_page_of_neither_layout_is_refused_in_one_line_saying_what_to_do(tmp_path: Path) -> None:
    """News Sniffer's oldest pages (a table of no class, titles in `<h3>`) are no layout it
    reads: the error says what the page is not and what to give instead."""
    page = tmp_path / "oldest.html"
    page.write_text("<html><body><table><tr><th><small>Version 2</small></th><th><small>Version 3"
                    "</small></th></tr><tr><th><h3>Bridge shut</h3></th><th><h3>Bridge shut</h3>"
                    "</th></tr><tr><td>Traffic was light.</td><td>Traffic was light.</td></tr>"
                    "</table></body></html>", encoding="utf-8")
    run = revdiff("parse", str(page))
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == (
        f"revdiff: error: {page}: HTML page is neither a News Sniffer nor a NewsDiffs page (save "
        "the diff page itself, give the versions as text files, or give two or more saved pages "
        "of an article, or their folder)\n")
