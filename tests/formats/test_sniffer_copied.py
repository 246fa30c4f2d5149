"""A News Sniffer diff page copied from the browser: its table's cells come apart by a tab, so
both versions are read exactly, every row sure."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from locales import printed_in_german_locale
from story_chains import NO_BREAK_SPACE_VERSIONS, SAMPLES

from revdiff.cli import main
from revdiff.formats import load
from revdiff.formats.detect import Format, detect
from revdiff.model import Version
from revdiff.render.sniffer import PageInfo, render_diff_html

PAGES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pages"
SAMPLE_PAGES = sorted((SAMPLES / "sniffer-diff").glob("*.html"))


def browser_copy(html: str, trailing_tab: bool = False) -> str:
    """The page as a browser's select-all and copy gives it: each block of text on a line (the
    site's header, the article info, the pagination and the footer after the table), each
    table row's cells joined by a tab (ASCII white space collapsed and trimmed, a no-break space
    kept as a browser that copies it as it is keeps it, an empty cell empty; with `trailing_tab`,
    a tab after the last cell as some browsers write it)."""
    soup = BeautifulSoup(html, "html.parser")

    def text(element: object) -> str:
        return re.sub(r"[ \t\r\n\f]+", " ", element.get_text()).strip(" ")  # type: ignore[attr-defined]

    table = soup.find("table", class_="version_diff")
    rows = ["\t".join(text(cell) for cell in row.find_all(["th", "td"])) + ("\t" if trailing_tab else "")
            for row in table.find_all("tr")]
    table.replace_with(soup.new_tag("table"))  # where its rows go
    blocks = ("p", "div", "li", "footer", "header", "nav", "h1", "h2", "h3", "table")
    lines = []
    for block in soup.body.find_all(blocks):
        if block.name == "table":
            lines.extend(rows)
        elif not block.find(blocks) and text(block):  # a block of text, holding no other
            lines.append(text(block))
    return "\n".join(lines) + "\n"


def _versions(article):  # type: ignore[no-untyped-def]
    return [(v.number, v.title, v.paragraphs, v.time, v.time_text) for v in article.versions]


@pytest.mark.parametrize("page", SAMPLE_PAGES, ids=lambda page: page.name)
def test_a_copied_page_reads_as_its_html_page(tmp_path: Path, page: Path) -> None:
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(page.read_text("utf-8")), "utf-8")
    assert detect(copied.read_text("utf-8")) is Format.SNIFFER_DIFF_TEXT
    (article,) = load([str(copied)])
    (shown,) = load([str(page)])
    assert _versions(article) == _versions(shown)
    assert article.url == shown.url and article.warnings == ()
    assert all(row.confidence == 1.0 for page_read in article.pages for row in page_read.rows)


def test_a_copied_page_among_flattened_pages_decides_them(tmp_path: Path) -> None:
    first, *others = sorted((SAMPLES / "sniffer-diff").glob("*.txt"))
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(first.with_suffix(".html").read_text("utf-8")), "utf-8")
    (article,) = load([str(copied), *map(str, others)])
    (shown,) = load(list(map(str, sorted((SAMPLES / "sniffer-diff").glob("*.html")))))
    assert [v.paragraphs for v in article.versions] == [v.paragraphs for v in shown.versions]


def test_a_copy_with_a_tab_after_each_row_reads_the_same(tmp_path: Path) -> None:
    page = SAMPLE_PAGES[1]
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(page.read_text("utf-8"), trailing_tab=True), "utf-8")
    (article,) = load([str(copied)])
    assert _versions(article) == _versions(load([str(page)])[0])


def test_a_copy_without_its_time_row_is_read_with_a_warning(tmp_path: Path) -> None:
    lines = browser_copy(SAMPLE_PAGES[0].read_text("utf-8")).split("\n")
    time_row = next(i for i, line in enumerate(lines) if "UTC\t" in line)
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(lines[:time_row] + lines[time_row + 1:]), "utf-8")
    (article,) = load([str(copied)])
    assert [v.title for v in article.versions] == [v.title for v in load([str(SAMPLE_PAGES[0])])[0].versions]
    assert article.warnings == ((f"{copied}:{time_row + 1}: the time row is missing; check that "
                                "the row before it holds the titles"),)


def test_a_row_without_its_tab_is_one_error_line(tmp_path: Path) -> None:
    lines = browser_copy(SAMPLE_PAGES[0].read_text("utf-8")).split("\n")
    body = next(i for i, line in enumerate(lines) if line.startswith("BAGHDAD"))
    lines[body] = lines[body].replace("\t", " ")
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(lines), "utf-8")
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"{copied}:{body + 1}: row holds 1 cell," in line and "copy the whole page again" in line


def test_footer_lines_with_tabs_after_the_pagination_are_no_rows(tmp_path: Path) -> None:
    """A site footer laid out in columns copies with tabs: after the pagination that ends the
    table it refused the page ("row holds 1 cell(s)")."""
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(SAMPLE_PAGES[0].read_text("utf-8"))
                      + "About\tContact\nNews Sniffer\t2020\n", "utf-8")
    (article,) = load([str(copied)])
    assert _versions(article) == _versions(load([str(SAMPLE_PAGES[0])])[0])


@pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is not present")
def test_every_corpus_page_copied_reads_as_its_html_page(tmp_path: Path) -> None:
    folders = sorted(folder for folder in PAGES.iterdir() if folder.is_dir())
    for folder in folders:
        copied = tmp_path / f"{folder.name}.txt"
        copied.write_text(browser_copy((folder / "page.html").read_text("utf-8")), "utf-8")
        (article,) = load([str(copied)])
        (shown,) = load([str(folder / "page.html")])
        assert _versions(article) == _versions(shown), folder.name
    assert len(folders) == 65


@pytest.mark.parametrize("page", sorted((SAMPLES / "sniffer-diff").glob("*.html")), ids=lambda p: p.stem)
def test_a_page_taken_out_by_trafilatura_reads_as_its_html_page(tmp_path: Path, page: Path,
                                                                trafilatura: ModuleType) -> None:
    """trafilatura writes the diff table in Markdown (`| OLD | NEW |`): the cells are apart, so
    the page is read exactly, as a copied one; it was refused ("no 'Version N Version M' header
    row")."""
    text = trafilatura.extract(page.read_text(encoding="utf-8"))
    assert text and "| Version " in text
    extracted = tmp_path / "page.txt"
    extracted.write_text(text, encoding="utf-8")
    assert detect(text) is Format.SNIFFER_DIFF_TEXT
    (read,), (original,) = load([str(extracted)]), load([str(page)])
    # the extractor leaves the shown times out, as a flattener does
    assert ([(v.number, v.title, v.paragraphs) for v in read.versions]
            == [(v.number, v.title, v.paragraphs) for v in original.versions])


def test_a_markdown_table_keeps_a_pipe_written_in_a_cell(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("This article is from the source 'bbc' and was first published or seen on .\n"
                    "| Version 1 | Version 2 |\n|---|---|\n| Title | Title |\n"
                    "|  | (about 1 hour later) |\n| a \\| b | a \\| b c |\n| same | same |\n",
                    encoding="utf-8")
    article, = load([str(page)])
    assert [version.paragraphs for version in article.versions] == [("a | b", "same"),
                                                                    ("a | b c", "same")]


@pytest.mark.parametrize("cut", ["| Same. | Same", "| Old words. | New wor", "| Old wor"])
def test_a_markdown_table_cut_short_in_a_row_is_one_error_line(tmp_path: Path, cut: str) -> None:
    """A Markdown row cut before its closing `|` was read as a row of the old version alone,
    the `|` between its cells taken for text (`| Same. | Same`), exit 0."""
    page = tmp_path / "page.txt"
    page.write_text("This article is from the source 'bbc' and was first published or seen on .\n"
                    "| Version 1 | Version 2 |\n|---|---|\n| Title | Title |\n"
                    f"|  | (about 1 hour later) |\n| Same. | Same. |\n{cut}", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {page}:7: row of the Markdown table does not end in '|': it "
                    "is cut short (save the page's text again, or give its HTML page)")


@pytest.mark.parametrize(("row", "cells"), [("| Old words. |", "1 cell"),
                                          ("| Old words. | New | words. |", "3 cells")])
def test_a_markdown_row_of_other_than_two_cells_is_one_error_line(tmp_path: Path, row: str,
                                                                   cells: str) -> None:
    """A Markdown writer writes every row of the two-column table with two cells (an empty one
    `|  |`): a row of one, cut after its old cell's `|`, was read as a row of the old version
    alone whose tab was trimmed; one of three as a row of one cell."""
    page = tmp_path / "page.txt"
    page.write_text("This article is from the source 'bbc' and was first published or seen on .\n"
                    "| Version 1 | Version 2 |\n|---|---|\n| Title | Title |\n"
                    f"|  | (about 1 hour later) |\n| Same. | Same. |\n{row}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {page}:7: row of the Markdown table holds {cells}, where each "
                    "of its rows holds two: it is cut short or damaged (save the page's text again, "
                    "or give its HTML page)")


@pytest.mark.parametrize("cut", ["before the pagination", "in the last row", "in an old cell"])
def test_a_copy_whose_table_is_not_followed_by_its_pagination_is_refused(tmp_path: Path,
                                                                         cut: str) -> None:
    """News Sniffer shows the pagination above the table and after it: a copy that holds the
    one above but not the one after was cut short, and was read without its lost rows, or with
    a cut row, exit 0."""
    text = browser_copy(SAMPLE_PAGES[1].read_text("utf-8"))
    last_row = "\tOne source said"
    end = {"before the pagination": text.index("\nPrevious version\nCurrently"),
           "in the last row": text.index(last_row) + 12,
           "in an old cell": text.index("More details") + 8}[cut]
    copied = tmp_path / "copied.txt"
    copied.write_text(text[:end], "utf-8")
    line = text[:text.index("More details" if cut == "in an old cell" else last_row)].count("\n") + 1
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error == (f"revdiff: error: {copied}:{line}: the copy looks cut short: the table is not "
                     "followed by the pagination News Sniffer shows above and after it (copy the "
                     "whole page again, or save it as HTML)")


@pytest.mark.parametrize("damage", ["a third cell", "its tabs lost", "a third cell, nothing after"])
def test_a_copy_whose_last_row_is_damaged_names_the_row(tmp_path: Path, damage: str) -> None:
    """A last row of three cells, or one that lost its tabs where every row kept one at its end,
    before the pagination (or a third cell, which no cut adds) was refused as a copy cut short,
    at its line but saying nothing of the row."""
    text = browser_copy(SAMPLE_PAGES[1].read_text("utf-8"), trailing_tab=damage == "its tabs lost")
    last_row = text.index("\tOne source said")
    row_end = text.index("\n", last_row)
    row = {"a third cell": text[last_row:row_end] + "\tmore",
           "its tabs lost": text[last_row:row_end].replace("\t", ""),
           "a third cell, nothing after": text[last_row:row_end] + "\tmore"}[damage]
    after = "" if damage == "a third cell, nothing after" else text[row_end:]
    copied = tmp_path / "copied.txt"
    copied.write_text(text[:last_row] + row + after, "utf-8")
    line = text[:last_row].count("\n") + 1
    cells = "1 cell" if damage == "its tabs lost" else "3 cells"
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error == (f"revdiff: error: {copied}:{line}: row holds {cells}, where each row of a "
                     "page copied from its table holds two, apart by a tab (copy the whole page "
                     "again, or save it as HTML)")


@pytest.mark.parametrize("cut_after", ["was first published or seen on Jan", "has changed 5 times."])
def test_a_copy_cut_before_its_version_row_is_one_error_line(tmp_path: Path, cut_after: str) -> None:
    """A copy opens with the site's header (`Home`), not with the article info: cut before its
    version row, it was read as one plain version made of the page's furniture, exit 0."""
    text = browser_copy(SAMPLE_PAGES[1].read_text("utf-8"))
    copied = tmp_path / "copied.txt"
    copied.write_text(text[:text.index(cut_after) + len(cut_after)], "utf-8")
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error == (f"revdiff: error: {copied}: no 'Version N Version M' header row after the "
                     "article info (the page is cut short, or its header row damaged; save or "
                     "copy it again from News Sniffer)")


def test_a_page_opening_with_its_change_count_without_a_version_row_is_one_error_line(
        tmp_path: Path) -> None:
    """A flattened page whose first line is the change count (its source line cut off) and that
    has no version row was refused as no News Sniffer page might be (`is this a News Sniffer diff
    page saved as text?`), where a page whose source line is kept is told its header row is
    missing after the article info."""
    text = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text("utf-8")
    start, end = text.index("The article has changed"), text.index("Version 6 Version 7")
    page = tmp_path / "page.txt"
    page.write_text(text[start:end] + text[text.index("\n", end) + 1:], "utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error == (f"revdiff: error: {page}: no 'Version N Version M' header row after the "
                     "article info (the page is cut short, or its header row damaged; save or "
                     "copy it again from News Sniffer)")


def test_a_copy_cut_inside_its_version_row_is_one_error_line_naming_it(tmp_path: Path) -> None:
    text = browser_copy(SAMPLE_PAGES[1].read_text("utf-8"))
    copied = tmp_path / "copied.txt"
    cut = text[:text.index("Next version\nVersion 1\tVers") + len("Next version\nVersion 1\tVers")]
    copied.write_text(cut, "utf-8")
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error == (f"revdiff: error: {copied}:{cut.count(chr(10)) + 1}: line 'Version 1\\tVers' "
                     "is not a 'Version N Version M' header row: the row is damaged or cut short "
                     "(save or copy the page again from News Sniffer, or give its HTML page)")


@pytest.mark.parametrize("form", ["copied", "trafilatura"])
def test_two_pages_with_their_cells_apart_in_one_file_are_refused(tmp_path: Path, form: str,
                                                                  request: pytest.FixtureRequest) -> None:
    """Two copied (or trafilatura Markdown) pages appended to one file: the second page's
    article info ended the first one's table as a line repeated from the header (or its
    pagination did), and the second page was dropped without a word, exit 0."""
    pages = [(SAMPLES / f"sniffer-diff/iran-strikes-v{pair}.html").read_text(encoding="utf-8")
             for pair in ("0-v1", "1-v2")]
    if form == "copied":
        texts = [browser_copy(page) for page in pages]
    else:
        trafilatura = request.getfixturevalue("trafilatura")
        texts = [trafilatura.extract(page) + "\n" for page in pages]
    both = tmp_path / "both.txt"
    both.write_text("".join(texts), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(both)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert str(both) in line and "more than one page" in line


@pytest.mark.parametrize("page", SAMPLE_PAGES, ids=lambda page: page.name)
def test_a_copy_with_its_line_ends_trimmed_reads_as_its_html_page(tmp_path: Path,
                                                                  page: Path) -> None:
    """An editor that trims the line ends takes the tab of each row of the old version alone
    (`old<TAB>`): such a row before a match row was refused, and one at the table's end was
    left out without a word."""
    copied = tmp_path / "copied.txt"
    lines = browser_copy(page.read_text("utf-8")).split("\n")
    copied.write_text("\n".join(line.rstrip("\t ") for line in lines), "utf-8")
    (article,) = load([str(copied)])
    assert _versions(article) == _versions(load([str(page)])[0])
    trimmed = [number for number, line in enumerate(lines, 1) if line.endswith("\t")]
    assert [w for w in article.warnings if "without a tab" in w] == (
        [(f"{copied}:{trimmed[0]}: {len(trimmed)} row{'s' * (len(trimmed) > 1)} without a tab "
          + ("read as an old-only row" if len(trimmed) == 1 else "read as old-only rows")
          + " (the tab of an empty new cell was trimmed from the line's end); check "
          + ("it" if len(trimmed) == 1 else "them"))] if trimmed else [])


@pytest.mark.parametrize("after", ["", "Previous version 3 4 Next version\n"])
def test_trimmed_old_rows_at_the_end_of_the_table_are_read(tmp_path: Path, after: str) -> None:
    copied = tmp_path / "copied.txt"
    copied.write_text("Version 3\tVersion 4\nOld title\tNew title\n\t(about 1 hour later)\n"
                      "Same.\tSame.\nOld words.\tNew words.\nOld only one.\nOld only two.\n"
                      + after, "utf-8")
    (article,) = load([str(copied)])
    assert [v.paragraphs for v in article.versions] == [
        ("Same.", "Old words.", "Old only one.", "Old only two."), ("Same.", "New words.")]
    assert any(f"{copied}:6: 2 rows without a tab" in w for w in article.warnings)


def test_when_the_article_was_first_seen_is_the_html_page_s_time_to_the_minute(
        tmp_path: Path) -> None:
    html = SAMPLE_PAGES[0].read_text("utf-8")
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(html), "utf-8")
    (article,) = load([str(copied)])
    (shown,) = load([str(SAMPLE_PAGES[0])])
    assert shown.metadata["first_seen"] == "2020-01-02T17:12:09Z"
    assert article.metadata["first_seen"] == "2020-01-02T17:12Z"
    odd = tmp_path / "odd.txt"
    odd.write_text(browser_copy(html).replace("January 2, 2020 17:12 (UTC)", "2 Jan 2020"), "utf-8")
    (article,) = load([str(odd)])
    assert article.metadata["first_seen"] == "2 Jan 2020"


def test_a_first_seen_time_at_a_leap_second_is_kept_at_second_59_and_warned_of(
        tmp_path: Path) -> None:
    """The text page kept it at second 60 without a word, where its HTML page warns that it
    is read at second 59."""
    html = SAMPLE_PAGES[0].read_text("utf-8")
    copied = tmp_path / "copied.txt"
    text = browser_copy(html)
    assert text.count("January 2, 2020 17:12 (UTC)") == 1
    text = text.replace("January 2, 2020 17:12 (UTC)", "2016-12-31T23:59:60Z")
    copied.write_text(text, "utf-8")
    line = text[:text.index("2016-12-31T23:59:60Z")].count("\n") + 1
    (article,) = load([str(copied)])
    assert article.metadata["first_seen"] == "2016-12-31T23:59:59Z"
    assert (f"{copied}:{line}: the first-seen time '2016-12-31T23:59:60Z' is at a leap second "
            "(second 60)") in "\n".join(article.warnings)


def test_one_trimmed_old_row_is_named_as_one(tmp_path: Path) -> None:
    """One such row was said to be `1 row without a tab read as old-only rows`."""
    copied = tmp_path / "copied.txt"
    copied.write_text("Version 3\tVersion 4\nOld title\tNew title\n\t(about 1 hour later)\n"
                      "Same.\tSame.\nOld only.\nEnd.\tEnd.\n", "utf-8")
    (article,) = load([str(copied)])
    assert f"{copied}:5: 1 row without a tab read as an old-only row (the tab of an empty new " \
        "cell was trimmed from the line's end); check it" in article.warnings


@pytest.mark.parametrize("trimmed", [False, True], ids=["with its tab", "line ends trimmed"])
def test_an_old_only_row_followed_by_a_new_only_row_is_one_error_line(tmp_path: Path,
                                                                       trimmed: bool) -> None:
    """News Sniffer lays out no such rows, so a copy that holds them was changed: with its tabs
    it was refused as fitting no reading of `version 3 as another input shows it` (there was no
    other input), trimmed as a row of one cell, neither saying what was wrong."""
    rows = ["Version 3\tVersion 4", "Old title\tNew title", "\t(about 1 hour later)",
            "Same.\tSame.", "Old only.\t", "\tNew only.", "End.\tEnd."]
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(row.rstrip("\t") if trimmed else row for row in rows), "utf-8")
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {copied}:6: a row of the new version alone follows "
                           "one of the old version alone, which News Sniffer never lays out")
    assert "copy it again from News Sniffer, or save it as HTML" in line


def test_a_copy_cut_short_in_its_last_row_says_so(tmp_path: Path) -> None:
    """A copy cut in a match row after a row of one version alone: its last row's cells differ,
    so it reads as a changed row there, where News Sniffer lays out none."""
    copied = tmp_path / "copied.txt"
    copied.write_text("Version 3\tVersion 4\nOld title\tNew title\n\t(about 1 hour later)\n"
                      "Old words.\tNew words.\n\tNew only.\nSame paragraph.\tSame para", "utf-8")
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {copied}:6: the page looks cut short in its last row, which "
                    "does not fit the row of the new version alone before it (copy the whole page "
                    "again)")


def test_a_shown_time_at_a_leap_second_is_read_at_second_59_and_warned_of(tmp_path: Path) -> None:
    """A time cell showing `23:59:60` left the version without a time, and without a word."""
    lines = browser_copy(SAMPLE_PAGES[0].read_text("utf-8")).split("\n")
    time_row = next(i for i, line in enumerate(lines) if "UTC\t" in line)
    assert lines[time_row].startswith("2020-01-07 23:10:00 UTC\t")
    lines[time_row] = lines[time_row].replace("2020-01-07 23:10:00 UTC", "2016-12-31 23:59:60 UTC")
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(lines), "utf-8")
    (article,) = load([str(copied)])
    assert article.versions[0].time == datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)
    assert article.warnings == ((
        f"{copied}:{time_row + 1}: the old version's time '2016-12-31 23:59:60 UTC' is at a leap "
        "second (second 60), which revdiff's times cannot hold: read as second 59, a second "
        "early, which keeps the versions' order; nothing to correct"),)


def test_a_shown_time_that_is_no_time_is_warned_of_naming_its_line(tmp_path: Path) -> None:
    """A time cell showing month 13 left the version without a time, and without a word."""
    lines = browser_copy(SAMPLE_PAGES[0].read_text("utf-8")).split("\n")
    time_row = next(i for i, line in enumerate(lines) if "UTC\t" in line)
    lines[time_row] = lines[time_row].replace("2020-01-07 23:10:00 UTC", "2020-13-07 10:00:00 UTC")
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(lines), "utf-8")
    (article,) = load([str(copied)])
    assert article.versions[0].time is None
    assert article.warnings == ((f"{copied}:{time_row + 1}: the old version's time "
                                "'2020-13-07 10:00:00 UTC' is not a time; left out"),)


def test_a_page_without_body_rows_reads_as_its_html_page_does(tmp_path: Path) -> None:
    """A table of no body rows shows two versions without text: the HTML page was read so,
    warned, and the same page as text was refused as cut short."""
    html = re.sub(r"<tr id='p\d+'>.*?</tr>", "", SAMPLE_PAGES[0].read_text("utf-8"), flags=re.DOTALL)
    page = tmp_path / "page.html"
    page.write_text(html, "utf-8")
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(html), "utf-8")
    (shown,) = load([str(page)])
    (article,) = load([str(copied)])
    assert _versions(article) == _versions(shown)
    assert [v.paragraphs for v in article.versions] == [(), ()]
    numbers = [v.number for v in shown.versions]
    assert article.warnings == tuple(f"{copied}: the page shows no text of version {number}; kept "
                                     "as a version without paragraphs" for number in numbers)
    flattened = tmp_path / "flattened.txt"
    flattened.write_text("".join((SAMPLES / "washpo-soleimani-v6-v7.txt").read_text("utf-8")
                                 .splitlines(keepends=True)[:9]), "utf-8")
    (article,) = load([str(flattened)])
    assert [(v.number, v.paragraphs) for v in article.versions] == [(6, ()), (7, ())]
    assert article.warnings[-2:] == tuple(
        f"{flattened}: the page shows no text of version {number}; kept as a version without "
        "paragraphs" for number in (6, 7))


def test_when_the_article_was_first_seen_is_read_whatever_the_locale(tmp_path: Path) -> None:
    """The month was read with strptime's `%B`, in LC_TIME's language: a caller that set a
    German locale had `January 2, 2020 17:12 (UTC)` kept as text."""
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(SAMPLE_PAGES[0].read_text("utf-8")), "utf-8")
    printed = printed_in_german_locale(tmp_path, "import sys\nfrom revdiff.formats import load\n"
                                       "print(load([sys.argv[1]])[0].metadata['first_seen'])\n",
                                       str(copied))
    assert printed == ["2020-01-02T17:12Z"]


@pytest.mark.parametrize("title", ["Title", "\xa0"])
@pytest.mark.parametrize(("old", "new"), NO_BREAK_SPACE_VERSIONS)
def test_a_copied_cell_of_a_no_break_space_is_the_paragraph_its_html_page_shows(
        tmp_path: Path, old: tuple[str, ...], new: tuple[str, ...], title: str) -> None:
    """A copied cell holding only a no-break space (the cell of News Sniffer's paragraph '\\xa0';
    an absent cell is empty) was trimmed to an empty cell, the paragraph lost, and the copy
    given with its HTML page was refused as disagreeing about the versions' text."""
    versions = (Version(3, title, old), Version(4, title, new))
    html, copied = tmp_path / "page.html", tmp_path / "copied.txt"
    html.write_text(render_diff_html(*versions, PageInfo()), "utf-8")
    copied.write_text(browser_copy(html.read_text("utf-8")), "utf-8")
    expected = [(v.number, v.title, v.paragraphs) for v in versions]
    (article,) = load([str(copied)])
    assert [(v.number, v.title, v.paragraphs) for v in article.versions] == expected
    (both,) = load([str(copied), str(html)])
    assert [(v.number, v.title, v.paragraphs) for v in both.versions] == expected


def _ending_in_a_no_break_space(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraphs, the one of a no-break space alone made one that ends in it."""
    return tuple("Ends\xa0" if paragraph == "\xa0" else paragraph for paragraph in paragraphs)


@pytest.mark.parametrize(("old", "new"), [
    (_ending_in_a_no_break_space(old), _ending_in_a_no_break_space(new))
    for old, new in NO_BREAK_SPACE_VERSIONS])
def test_a_no_break_space_ending_a_copied_cell_is_text_of_its_paragraph(
        tmp_path: Path, old: tuple[str, ...], new: tuple[str, ...]) -> None:
    """A paragraph News Sniffer stores ending in a no-break space ('Ends\\xa0') is read so from
    the HTML page and its flattened text; the copy's reader trimmed it from the cell's edge, so
    the copy gave 'Ends', and given with its HTML page was refused as disagreeing."""
    versions = (Version(3, "Title", old), Version(4, "Title", new))
    html, copied = tmp_path / "page.html", tmp_path / "copied.txt"
    html.write_text(render_diff_html(*versions, PageInfo()), "utf-8")
    copied.write_text(browser_copy(html.read_text("utf-8")), "utf-8")
    expected = [(v.number, v.paragraphs) for v in versions]
    (article,) = load([str(copied)])
    assert [(v.number, v.paragraphs) for v in article.versions] == expected
    (both,) = load([str(copied), str(html)])
    assert [(v.number, v.paragraphs) for v in both.versions] == expected


def test_a_page_opening_with_its_url_line_without_a_version_row_is_one_error_line(
        tmp_path: Path) -> None:
    """A flattened page whose first line is the `You can find the current article...` line (its
    source line cut off) and that has no version row was read as one plain version, exit 0,
    where one opening with its source line or its change count line is refused."""
    text = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text("utf-8")
    start = text.index("You can find the current article")
    end = text.index("Version 6 Version 7")
    page = tmp_path / "page.txt"
    page.write_text(text[start:end] + text[text.index("\n", end) + 1:], "utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (error,) = result.stderr.splitlines()
    assert error == (f"revdiff: error: {page}: no 'Version N Version M' header row after the "
                     "article info (the page is cut short, or its header row damaged; save or "
                     "copy it again from News Sniffer)")
