"""Bad input: one line on stderr naming the file and the problem, exit code 2, nothing on stdout."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from story_chains import SAMPLES

from revdiff.cli import main


def unrelated_html(path: Path) -> Path:
    target = path / "news-home.html"
    target.write_text("<!DOCTYPE html><html><head><title>Home</title></head>"
                      "<body><h1>Top stories</h1><p>Nothing here.</p></body></html>", "utf-8")
    return target


def truncated_newsdiffs(path: Path) -> Path:
    target = path / "diff.html"
    page = (SAMPLES / "newsdiffs/us-deploys-troops-v1-v2-raw.html").read_bytes()
    target.write_bytes(page[: len(page) // 2])
    return target


def truncated_version_page(path: Path) -> Path:
    target = path / "version.html"
    target.write_bytes((SAMPLES / "sniffer-version.html").read_bytes()[:900])
    return target


def version_page_fragment_cut_short(path: Path) -> Path:
    """The page's content element alone (no `<html>`), cut after its first paragraph: it was read
    as a version of that paragraph, as any `</p>` made a fragment whole."""
    target = path / "version.html"
    page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
    start = page.index('<div id="content">')
    target.write_text(page[start:page.index("</p>", page.index("Version 2 of 5.")) + 200], "utf-8")
    return target


def diff_page_cut_after_a_layout_table(path: Path) -> Path:
    """A site's own table closes before the diff table: `</table>` on the page did not mean the
    diff table was whole, and the page cut in its fifth row was read as 4 paragraphs a side."""
    target = path / "diff.html"
    page = (SAMPLES / "sniffer-diff/iran-strikes-v0-v1.html").read_text("utf-8")
    page = page.replace("<body>", '<body><table class="layout"><tr><td>Menu</td></tr></table>', 1)
    target.write_text(page[:page.index("</table>", page.index("version_diff")) - 200], "utf-8")
    return target


def page_text_cut_in_its_header(path: Path) -> Path:
    target = path / "diff.txt"
    target.write_bytes((SAMPLES / "washpo-soleimani-v6-v7.txt").read_bytes()[:400])
    return target


def page_text_cut_in_its_title_row(path: Path) -> Path:
    target = path / "diff.txt"
    target.write_bytes((SAMPLES / "washpo-soleimani-v6-v7.txt").read_bytes()[:520])
    return target


def page_text_cut_in_its_time_row(path: Path) -> Path:
    """`(about 1 hour l`: its two halves were read as the two versions' only paragraph."""
    target = path / "diff.txt"
    target.write_bytes((SAMPLES / "washpo-soleimani-v6-v7.txt").read_bytes()[:700])
    return target


def page_text_wrapped_at_80_columns(path: Path) -> Path:
    target = path / "diff.txt"
    page = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8")
    target.write_text("\n".join("\n".join(textwrap.wrap(line, 80)) for line in page.split("\n")),
                      encoding="utf-8")
    return target


def empty_file(path: Path) -> Path:
    target = path / "empty.txt"
    target.write_bytes(b"")
    return target


def blank_file(path: Path) -> Path:
    target = path / "blank.txt"
    target.write_bytes(b" \n\t\n")
    return target


def binary_file(path: Path) -> Path:
    target = path / "photo.jpg"
    target.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    return target


def utf16_with_nul(path: Path) -> Path:
    target = path / "version.txt"
    target.write_bytes(b"\xff\xfe" + "Le président\x00 a déclaré.\n".encode("utf-16-le"))
    return target


def utf32_cut_short(path: Path) -> Path:
    target = path / "version.txt"
    target.write_bytes(b"\xff\xfe\x00\x00" + "Le président a déclaré.\n".encode("utf-32-le")[:-2])
    return target


def charset_that_is_no_charset(path: Path) -> Path:
    target = path / "page.html"
    target.write_bytes(b'<html><meta charset="punycode">'
                       + (SAMPLES / "sniffer-version.html").read_bytes())
    return target


def empty_directory(path: Path) -> Path:
    target = path / "versions"
    target.mkdir()
    (target / ".DS_Store").write_bytes(b"\x00")
    return target


def directory_of_folders(path: Path) -> Path:
    target = path / "stories"
    (target / "one").mkdir(parents=True)
    (target / "two").mkdir()
    return target


def missing_path(path: Path) -> Path:
    return path / "no-such-page.html"


def sqlite_without_versions(path: Path) -> Path:
    target = path / "outlet.db"
    connection = sqlite3.connect(target)
    connection.execute("CREATE TABLE articles (id INTEGER)")
    connection.commit()
    connection.close()
    return target


def damaged_sqlite(path: Path) -> Path:
    target = path / "outlet.db"
    target.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes()[:3000])
    return target


def sqlite_with_broken_schema(path: Path, table: str, broken: str) -> Path:
    """A SQLite file of one table whose schema entry is then rewritten by `broken`, an UPDATE of
    sqlite_master (as a damaged file or a hostile one holds it)."""
    target = path / "outlet.db"
    with sqlite3.connect(target) as connection:
        connection.execute(f"CREATE TABLE {table} (a)")
    connection.close()
    with sqlite3.connect(target) as connection:
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute(broken)
    connection.close()
    return target


def sqlite_schema_name_not_utf8(path: Path) -> Path:
    """A schema entry named by bytes that are no UTF-8 and whose SQL is broken: SQLite's error
    message quotes the name, and Python's sqlite3 failed to decode it (a UnicodeDecodeError
    traceback)."""
    return sqlite_with_broken_schema(path, "t", "UPDATE sqlite_master SET name = "
                                     "CAST(X'7480' AS TEXT), sql = 'CREATE TABE x' WHERE name = 't'")


def sqlite_schema_sql_over_lines(path: Path) -> Path:
    """A schema entry whose broken SQL spans lines: SQLite's error message quotes it, and the
    error came out on as many lines (found by the long fuzz run)."""
    return sqlite_with_broken_schema(path, "entryversion", "UPDATE sqlite_master SET sql = "
                                     "'CREATE TABLE [entryversion (\n    id INTEGER PRIMARY KEY,\n"
                                     "    title TEXT\n)'")


def json_nested_deep(path: Path) -> Path:
    """json recursed once per level: 100,000 levels gave a RecursionError traceback."""
    target = path / "export.json"
    target.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    return target


def json_lines_nested_deep(path: Path) -> Path:
    target = path / "export.jsonl"
    target.write_text('{"a":' * 100_000 + "1" + "}" * 100_000 + '\n{"a": 1}\n', "utf-8")
    return target


BAD_INPUTS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "unknown format": (unrelated_html, "neither a News Sniffer nor a NewsDiffs page"),
    "truncated NewsDiffs HTML": (truncated_newsdiffs, "truncated"),
    "truncated version page": (truncated_version_page, "truncated"),
    "version page fragment cut short": (version_page_fragment_cut_short,
                                        "page is truncated: this <div> does not end"),
    "diff page cut after a layout table": (diff_page_cut_after_a_layout_table,
                                           "the diff table that starts here does not end"),
    "flattened page cut in its header": (page_text_cut_in_its_header, "no 'Version N Version M'"),
    "flattened page cut before its body": (page_text_cut_in_its_title_row,
                                           "ends before its first body row"),
    "flattened page cut in its time row": (page_text_cut_in_its_time_row,
                                           "ends inside its time row"),
    "flattened page wrapped at 80 columns": (page_text_wrapped_at_80_columns,
                                             "lines look wrapped at 80 characters: its header"),
    "empty file": (empty_file, "empty"),
    "blank file": (blank_file, "empty"),
    "binary file": (binary_file, "binary"),
    "UTF-16 holding NUL": (utf16_with_nul, "NUL characters"),
    "UTF-32 cut short": (utf32_cut_short, "not valid utf-32-le"),
    "charset that is no character set": (charset_that_is_no_charset, "not a character set"),
    "directory with no versions": (empty_directory, "no version files"),
    "directory of folders": (directory_of_folders, "only folders"),
    "nonexistent path": (missing_path, "no such file"),
    "SQLite of no known tracker": (sqlite_without_versions,
                                   "SQLite file of no tracker revdiff knows (tables: articles)"),
    "damaged SQLite": (damaged_sqlite, "SQLite database is cut short"),
    "SQLite schema name not UTF-8": (sqlite_schema_name_not_utf8, "a name in it is not UTF-8"),
    "SQLite schema over lines": (sqlite_schema_sql_over_lines,
                                 'unrecognized token: "[entryversion ( id INTEGER PRIMARY KEY,'),
    "JSON nested deep": (json_nested_deep, "JSON nested deeper than Python reads"),
    "JSON Lines nested deep": (json_lines_nested_deep, "JSON nested deeper than Python reads"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
@pytest.mark.parametrize("command", [["parse"], ["parse", "--format", "jsonl"], []])
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, case: str,
                                             command: list[str]) -> None:
    make, problem = BAD_INPUTS[case]
    target = make(tmp_path)
    result = CliRunner().invoke(main, [*command, str(target)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert str(target) in lines[0]
    assert problem in lines[0]
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_a_folder_of_article_folders_says_how_to_read_every_one(tmp_path: Path) -> None:
    # the error said only `give one of them`, where a researcher wants all the stories
    target = directory_of_folders(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(target)])
    assert result.exit_code == 2
    assert (f"give one of them, or each of them ({target / '*'}/, unquoted, for the shell to "
            "expand)") in result.stderr


@pytest.mark.parametrize("links", [(), ("link",), ("link", "other-link")])
def test_a_folder_of_one_article_folder_and_links_to_it_says_to_give_it(
        tmp_path: Path, links: tuple[str, ...]) -> None:
    """A folder holding only real/ and link -> real said `it holds only folders (link, real)` and
    gave `fo/*/` to read every folder, counting the link as another article."""
    target = tmp_path / "fo"
    (target / "real").mkdir(parents=True)
    for link in links:
        (target / link).symlink_to("real", target_is_directory=True)
    result = CliRunner().invoke(main, ["diff", str(target)])
    assert result.exit_code == 2
    linked = f" ({', '.join(links)}: {'a link' if len(links) == 1 else 'links'} to it)" \
        if links else ""
    assert result.stderr == (f"revdiff: error: {target}: directory holds no version files (it "
                             f"holds only the folder real{linked}; give it: "
                             f"{target / 'real'}/)\n")


@pytest.mark.parametrize("command", [["parse"], ["diff"], ["view"], ["store", "--repo", "r"]])
def test_a_quoted_glob_is_said_to_be_for_the_shell(tmp_path: Path, command: list[str]) -> None:
    """The hint above gives `folder/*/`; quoted, it was "no such file or directory (check the
    path)", though export's help says export takes globs: these commands expand none."""
    target = tmp_path / "stories"
    for story in ("one", "two"):
        (target / story).mkdir(parents=True)
        for number in range(2):
            (target / story / f"{number}.txt").write_text(f"Version {number}.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [*command, f"{target / '*'}/"])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {target / '*'}/: no such file or directory (a glob: "
                             "give it unquoted, for the shell to expand; of revdiff's commands "
                             "only export expands globs itself)\n")
    expanded = [f"{folder}/" for folder in sorted(target.iterdir())]
    assert CliRunner().invoke(main, ["parse", *expanded]).exit_code == 0


@pytest.mark.parametrize(("page", "kind"), [
    ("sniffer-diff/iran-strikes-v0-v1.txt", "a News Sniffer diff page saved as text"),
    ("sniffer-diff/iran-strikes-v0-v1.html", "an HTML News Sniffer diff page"),
    ("sniffer-version.txt", "a News Sniffer version page saved as text"),
    ("newsdiffs/us-deploys-troops-v1-v2-raw.html", "a NewsDiffs diff page"),
])
def test_a_page_given_with_version_files_is_named_as_the_readme_names_it(page: str,
                                                                          kind: str) -> None:
    # the error named the page by revdiff's internal format name, `a sniffer-diff-text page`
    version = SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq" / "0.txt"
    result = CliRunner().invoke(main, ["diff", str(version), str(SAMPLES / page)])
    assert result.exit_code == 2
    assert f"{SAMPLES / page} is {kind}; read them separately" in result.stderr


def test_no_traceback_from_the_installed_command(tmp_path: Path) -> None:
    target = binary_file(tmp_path)
    finished = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(target)],
                              capture_output=True, text=True, check=False)
    assert finished.returncode == 2
    assert finished.stdout == ""
    assert finished.stderr.count("\n") == 1 and str(target) in finished.stderr


def test_bad_file_among_good_ones_is_named(tmp_path: Path) -> None:
    good = SAMPLES / "sniffer-version.txt"
    bad = utf16_with_nul(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(good), str(bad)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert str(bad) in line and "NUL characters" in line


def parsed_pair(original: Path, variant: Path, output_format: str = "json") -> tuple[Any, Any]:
    """`revdiff parse` of a page and of a variant of it, both read without an error."""
    results = [CliRunner().invoke(main, ["parse", "--format", output_format, str(path)])
               for path in (original, variant)]
    assert [result.exit_code for result in results] == [0, 0], results[1].stderr
    documents = [json.loads(result.stdout) for result in results]
    if output_format == "json":  # a list of the one article
        documents = [article for (article,) in documents]
    return documents[0], documents[1]


@pytest.mark.parametrize("sample", ["newsdiffs/us-deploys-troops-v1-v2-raw.html",
                                    "newsdiffs/us-deploys-troops-v1-v2-rendered.html",
                                    "newsdiffs/us-sends-3000-troops-v1-v2-rendered.html",
                                    "newsedits.sqlite", "sniffer-version.html",
                                    "sniffer-version.txt",
                                    "versions/us-deploys-troops-after-soleimani-strike"])
def test_good_samples_parse(sample: str) -> None:
    result = CliRunner().invoke(main, ["parse", "--format", "jsonl", str(SAMPLES / sample)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()


def test_a_page_whose_header_lost_its_blank_lines_is_not_taken_for_a_wrapped_one(
        tmp_path: Path) -> None:
    """Header lines side by side are one sign of a wrapped page; rows of a whole paragraph
    pair each, longer than the header's lines, show this page is not one."""
    page = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8")
    header, body = page.split("\nVersion ", 1)
    compact = tmp_path / "compact.txt"
    compact.write_text("\n".join(line for line in header.split("\n") if line) + "\nVersion " + body,
                       encoding="utf-8")
    original, read = parsed_pair(SAMPLES / "washpo-soleimani-v6-v7.txt", compact, "jsonl")
    assert read["versions"] == original["versions"]


@pytest.mark.parametrize("extract", ["get_text", "get_text_lines", "text_content"])
def test_a_diff_pages_html_taken_out_tag_by_tag_is_refused_not_read_as_one_version(
        tmp_path: Path, extract: str) -> None:
    """BeautifulSoup's get_text and lxml's text_content put the version row's cells on lines of
    their own: such a text was read as one plain version, silently."""
    from bs4 import BeautifulSoup

    page = (SAMPLES / "sniffer-diff/iran-strikes-v0-v1.html").read_text(encoding="utf-8")
    if extract == "text_content":  # lxml is no dependency of revdiff's own
        lxml_html = pytest.importorskip("lxml.html", reason="lxml comes with the snapshots extra "
                                                            "(pip install 'revdiff[snapshots]')")
        text = lxml_html.fromstring(page).text_content()
    else:
        soup = BeautifulSoup(page, "html.parser")
        text = soup.get_text() if extract == "get_text" else soup.get_text("\n", strip=True)
    target = tmp_path / "page.txt"
    target.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(target)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert str(target) in line and "give the HTML page itself" in line


@pytest.mark.parametrize("after", ["\nPrevious version\n\nCurrently monitoring 12345 articles.\n",
                                   "\nPrevious version 1 2 Next version\n",
                                   "\n\n1 2 Next version\nNews Sniffer\nAbout\n"])
def test_a_flattened_pages_pagination_and_footer_are_no_rows(tmp_path: Path, after: str) -> None:
    """A flattener that keeps the whole page leaves the pagination and the site's footer after
    the table: they were read as rows, `Previous version` a paragraph of a version."""
    sample = SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt"
    whole = tmp_path / "whole.txt"
    whole.write_text(sample.read_text(encoding="utf-8") + after, encoding="utf-8")
    original, read = parsed_pair(sample, whole)
    assert read["versions"] == original["versions"]


def test_a_flattened_page_copied_without_its_source_line_is_read_with_its_neighbour(
        tmp_path: Path) -> None:
    """A page copied from its second line names no source: beside a page that names one, the
    two were refused as naming different sources ('None', 'channelnewsasia'), the error naming
    the other page, where each read alone was read."""
    first = SAMPLES / "sniffer-diff/iran-strikes-v0-v1.txt"
    second = SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt"
    copied = tmp_path / "v1-v2.txt"
    copied.write_text(second.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    results = [CliRunner().invoke(main, ["parse", "--format", "json", str(first), str(page)])
               for page in (second, copied)]
    assert [result.exit_code for result in results] == [0, 0], results[1].stderr
    (original,), (read,) = (json.loads(result.stdout) for result in results)
    assert read["source"] == original["source"] == "channelnewsasia"
    assert read["versions"] == original["versions"]


def test_pages_of_one_url_that_name_two_sources_are_refused_naming_the_second(tmp_path: Path) -> None:
    """The error named the first page given, whose source agreed, and printed a Python list."""
    first = SAMPLES / "sniffer-diff/iran-strikes-v0-v1.txt"
    second = SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt"
    other = tmp_path / "v1-v2.txt"
    other.write_text(second.read_text(encoding="utf-8").replace("'channelnewsasia'", "'reuters'", 1),
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(first), str(other)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"revdiff: error: {other}: this page names the source 'reuters' where {first}, of the same "
        "URL, names 'channelnewsasia'; check that both are pages of one article as News Sniffer "
        "saved them\n")


@pytest.mark.parametrize("url", ["h", "https://", "javascript:alert(1)", "not a url"])
def test_an_article_url_that_is_no_web_address_is_warned_of(tmp_path: Path, url: str) -> None:
    """A URL line cut short (`… at h`) or damaged was taken as the article's URL without a word,
    and the page then stayed apart from the other pages of its article."""
    sample = SAMPLES / "sniffer-diff/iran-strikes-v0-v1.txt"
    whole = "https://www.channelnewsasia.com/news/world/iran-missiles-us-troops-iraq-soleimani"
    page = tmp_path / "v0-v1.txt"
    page.write_text(sample.read_text(encoding="utf-8").replace(f"at {whole}", f"at {url}", 1),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(page)])
    assert result.exit_code == 0, result.stderr
    (article,) = json.loads(result.stdout)
    read = url.split()[0]
    assert f"{page}: the article URL '{read}' is no web address (cut short?)" in " ".join(
        article["warnings"])
    original = CliRunner().invoke(main, ["parse", "--format", "json", str(sample)])
    assert not any("web address" in warning for warning in json.loads(original.stdout)[0]["warnings"])


def test_a_flattened_time_row_that_keeps_the_shown_times_is_the_time_row(tmp_path: Path) -> None:
    """A flattener that keeps the time cells' text puts both times before `(... later)`: the
    line was read as a body row, its times a paragraph of a version."""
    sample = SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt"
    text = sample.read_text(encoding="utf-8")
    row = next(line for line in text.split("\n") if line.startswith("(") and line.endswith("later)"))
    timed = tmp_path / "timed.txt"
    timed.write_text(text.replace(row, f"2020-01-08 00:10:00 UTC 2020-01-08 01:15:00 UTC {row}", 1),
                     encoding="utf-8")
    original, read = parsed_pair(sample, timed)
    assert read["versions"] == original["versions"]
    assert not any("time row" in warning for warning in read["warnings"])


def test_the_site_footer_of_a_version_page_taken_out_whole_is_no_paragraph(tmp_path: Path) -> None:
    """The text of the whole version page (BeautifulSoup's get_text) ends with the site's footer,
    which was read as the version's last paragraph, without a warning."""
    from bs4 import BeautifulSoup

    page = (SAMPLES / "sniffer-version.html").read_text(encoding="utf-8")
    whole = tmp_path / "version.txt"
    whole.write_text(BeautifulSoup(page, "html.parser").get_text(), encoding="utf-8")
    original, read = parsed_pair(SAMPLES / "sniffer-version.html", whole)
    assert read["versions"][0]["paragraphs"] == original["versions"][0]["paragraphs"]


def test_the_site_footer_after_a_flattened_diff_page_is_no_row(tmp_path: Path) -> None:
    sample = SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt"
    whole = tmp_path / "whole.txt"
    whole.write_text(sample.read_text(encoding="utf-8") + "\nCurrently monitoring 12345 articles.\n",
                     encoding="utf-8")
    original, read = parsed_pair(sample, whole)
    assert read["versions"] == original["versions"]


@pytest.mark.parametrize("between", ["", "\n", "\n\n"])
def test_flattened_pages_saved_into_one_file_are_refused_naming_the_second_header(
        tmp_path: Path, between: str) -> None:
    """Two pages appended to one text file: the second page's header and rows were read as rows
    of the first, its versions two paragraph lists mixing both pages."""
    first, second = (SAMPLES / f"sniffer-diff/iran-strikes-v{pair}.txt" for pair in ("0-v1", "1-v2"))
    both = tmp_path / "both.txt"
    both.write_text(first.read_text(encoding="utf-8") + between + second.read_text(encoding="utf-8"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(both)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert str(both) in line and "more than one page" in line


def test_html_diff_pages_saved_into_one_file_are_refused(tmp_path: Path) -> None:
    """Two HTML pages appended to one file: only the first was read, without a warning."""
    first, second = (SAMPLES / f"sniffer-diff/iran-strikes-v{pair}.html" for pair in ("0-v1", "1-v2"))
    both = tmp_path / "both.html"
    both.write_bytes(first.read_bytes() + second.read_bytes())
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(both)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert str(both) in line and "more than one page" in line


@pytest.mark.parametrize("sample", ["sniffer-version.html", "newsdiffs/us-deploys-troops-v1-v2-raw.html",
                                    "newsdiffs/us-sends-3000-troops-v1-v2-rendered.html"])
def test_other_html_pages_saved_into_one_file_are_refused_naming_the_second(
        tmp_path: Path, sample: str) -> None:
    """A version page or a NewsDiffs page appended to another: only the first was read, without
    a warning."""
    page = (SAMPLES / sample).read_text(encoding="utf-8")
    both = tmp_path / "both.html"
    both.write_text(page + page, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(both)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    start = min(page.find("<!DOCTYPE"), page.find("<html"))  # after the `saved from` comment
    second = page.count("\n") + 1 + page.count("\n", 0, start)
    assert line.startswith(f"revdiff: error: {both}:{second}: a second page starts here: the file "
                           "holds more than one page")


def test_a_page_cut_before_its_tracker_markup_is_said_to_be_cut(tmp_path: Path) -> None:
    """A NewsDiffs page cut before its comparison was refused as no tracker's page at all, with
    a hint to save the diff page or give text files."""
    page = (SAMPLES / "newsdiffs/us-sends-3000-troops-v1-v2-rendered.html").read_text("utf-8")
    cut = tmp_path / "diff.html"
    cut.write_text(page[:page.index('id="compare"')].rsplit("\n", 1)[0], "utf-8")
    result = CliRunner().invoke(main, ["parse", str(cut)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {cut}: HTML page is neither a News Sniffer nor a NewsDiffs "
                    "page, and it ends without </html> (if it is a diff page cut short, save the "
                    "whole page again; else give the versions as text files, or give two or more "
                    "saved pages of an article, or their folder)")


@pytest.mark.parametrize("after", [
    "\n", "", "\r\n<!-- saved from url=(0042)https://www.newssniffer.co.uk/ -->\n"])
def test_a_page_cut_right_after_its_doctype_is_said_to_be_cut(tmp_path: Path, after: str) -> None:
    """A page that ends right after its doctype, before `<html>`, was refused as no tracker's page
    with a hint to save the diff page itself, not as a page cut short."""
    cut = tmp_path / "diff.html"
    cut.write_text(f"<!DOCTYPE html>{after}", "utf-8")
    result = CliRunner().invoke(main, ["parse", str(cut)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {cut}: HTML page ends right after its doctype (if it is a "
                    "diff page cut short, save the whole page again; else give the versions as "
                    "text files, or give two or more saved pages of an article, or their folder)")


@pytest.mark.parametrize(("page", "where"), [
    ("<!DOCTYPE ht", "inside its doctype"), ("<!doc", "inside its doctype"),
    ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0', "inside its doctype"),
    ("<!-- saved from url=(0042)https://www.newssniffer.co.uk/ -->\n<!DOCTYPE html",
     "inside its doctype"),
    ("<!DOCTYPE html>\n<ht", "in a half-written tag right after its doctype"),
    ("<!DOCTYPE html><", "in a half-written tag right after its doctype"),
    ('<!doctype html>\r\n<html lang="en"', "in a half-written tag right after its doctype")])
def test_a_page_cut_in_its_doctype_or_its_first_tag_is_said_to_be_cut(tmp_path: Path, page: str,
                                                                      where: str) -> None:
    """A page cut inside its doctype (`<!DOCTYPE ht`) or in the tag after it (`<ht`) was refused
    as no tracker's page, with a hint to save the diff page itself, not as a page cut short."""
    cut = tmp_path / "diff.html"
    cut.write_bytes(page.encode("utf-8"))
    result = CliRunner().invoke(main, ["parse", str(cut)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {cut}: HTML page ends {where}: it looks cut short (if it is "
                    "a diff page cut short, save the whole page again; else give the versions as "
                    "text files, or give two or more saved pages of an article, or their folder)")


@pytest.mark.parametrize("unshown", [
    "<script>frame.document.write('<html><body></body></html>');</script>",
    "<!-- </html> -->",
])
def test_a_page_cut_before_its_tracker_markup_is_cut_for_a_closing_tag_it_does_not_show(
        tmp_path: Path, unshown: str) -> None:
    """A `</html>` in a script's string or a comment is no end of the page: a NewsDiffs page cut
    before its comparison was refused as no tracker's page, not as one that may be cut short."""
    page = (SAMPLES / "newsdiffs/us-sends-3000-troops-v1-v2-rendered.html").read_text("utf-8")
    cut = tmp_path / "diff.html"
    cut.write_text(page[:page.index('id="compare"')].rsplit("\n", 1)[0].replace(
        "</head>", f"{unshown}</head>"), "utf-8")
    result = CliRunner().invoke(main, ["parse", str(cut)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {cut}: HTML page is neither a News Sniffer nor a "
                           "NewsDiffs page, and it ends without </html> (if it is a diff page "
                           "cut short, save the whole page again;")


@pytest.mark.parametrize("unshown", [
    "<!-- <h1>Troops Sent (NYT), Change Log</h1> <a href=/diff/101/102/a.html>x</a> -->",
    "<script>var log = '<h1>Change Log</h1><a href=\"/diff/101/102/a.html\">';</script>",
    "<template><h1>Change Log</h1><a href='/diff/101/102/a.html'>x</a></template>",
])
def test_a_page_is_no_article_history_for_markup_it_does_not_show(tmp_path: Path,
                                                                  unshown: str) -> None:
    """A 'Change Log' heading and /diff/ links in a comment, a script or a template are no
    markup of the page: a page of no tracker was called a NewsDiffs article history page."""
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{unshown}<p>An article.</p></body></html>", "utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {page}: HTML page is neither a News Sniffer nor a "
                           "NewsDiffs page (save the diff page itself,")


def test_a_piece_of_a_page_holding_an_element_named_html_x_is_not_said_to_end_cut(
        tmp_path: Path) -> None:
    """A custom element's start tag (`<html-frame>`) is no `<html>`: a piece of a page of no
    tracker holding one was said to end without `</html>`, as if it were a page cut short."""
    page = tmp_path / "piece.html"
    page.write_text("<div><html-frame></html-frame><p>An article.</p></div>", "utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {page}: HTML page is neither a News Sniffer nor a "
                           "NewsDiffs page (save the diff page itself,")


def test_a_newsdiffs_article_history_page_is_named_with_what_to_give(tmp_path: Path) -> None:
    """NewsDiffs' list of an article's versions was refused as no tracker's page at all."""
    page = tmp_path / "history.html"
    page.write_text(textwrap.dedent("""\
        <html><body><h1>Troops Sent (NYT), Change Log</h1>
        <table><tr><td>Headline</td><td>Date/Time EST Archived</td><td>Diff</td></tr>
        <tr><td><a href="">Troops Sent</a></td><td>Jan. 3, 2020, 3:40 p.m.</td><td></td></tr>
        <tr><td><a href="">Troops Sent</a></td><td>Jan. 3, 2020, 5:12 p.m.</td>
        <td><a href="/diff/101/102/www.nytimes.com/a.html">(Compare with previous)</a></td></tr>
        </table></body></html>"""), "utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line == (f"revdiff: error: {page}: this is a NewsDiffs article history page, which "
                    "lists the versions but holds none of their text (save each of its (Compare) "
                    "links' diff pages and give those, or put them in a folder and give the "
                    "folder)")


@pytest.mark.parametrize(("page", "said"), [
    ("""<html><body><h1>Bridge reopens</h1><p>This article is from '<strong>examplenews</strong>'
     and has <strong>2 versions</strong>.</p><table><tr><th>Version</th><th>Title</th></tr>
     <tr><td><a href="/articles/9/versions/30">0</a></td><td>Bridge shut</td></tr>
     <tr><td><a href="/articles/9/versions/31">1</a></td><td>Bridge reopens</td></tr>
     </table></body></html>""",
     ("this is a News Sniffer article page, which lists the article's versions but holds none of "
      "their text (save the version pages it links to,")),
    ("""<html><body><table class="versions"><tr><th class="title">Title</th></tr>
     <tr><td class="title"><a href="/articles/9/diff/0/1" class="version_title">Bridge reopens</a>
     </td><td class="version">1</td></tr></table></body></html>""",
     ("this is News Sniffer's list of revisions, which names the articles' versions but holds "
      "none of their text (save the diff pages its titles link to")),
    ("""<html><body><h1>Hafen wird ausgebaut</h1><p>Quelle: <a href="http://zeitung.example">
     zeitung.example</a> (<a id="original" href="http://zeitung.example/h.html">zum Original</a>)
     </p><table><tr><td>Hafen</td><td><a href="/diffview/?vid1=40&amp;vid2=41">Vorherige
     Version</a></td></tr></table></body></html>""",
     ("this is a newsdiffs.de article history page (Versionsübersicht), which lists the versions "
      "but holds none of their text (save each of its diff pages")),
], ids=["sniffer-article", "sniffer-revisions", "newsdiffs-de-history"])
def test_a_trackers_listing_page_is_named_with_what_to_give(tmp_path: Path, page: str,
                                                           said: str) -> None:
    """News Sniffer's article page and list of revisions, and newsdiffs.de's article history,
    were refused as pages of neither News Sniffer nor NewsDiffs."""
    saved = tmp_path / "listing.html"
    saved.write_text(page, "utf-8")
    result = CliRunner().invoke(main, ["parse", str(saved)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {saved}: {said}")


_WITHHELD = ("this is News Sniffer's reply that the article cannot be shown for legal reasons, "
             "not a version of it (the site shows none of its versions:")
_NOT_FOUND = ("this is News Sniffer's reply that the article or version asked for was not found "
              "(404), not a version of it (check the article id and version numbers")


@pytest.mark.parametrize(("name", "reply", "said"), [
    ("withheld.txt", "This article cannot be shown for legal reasons\n", _WITHHELD),
    ("article-gone.txt", "Couldn't find NewsArticle with 'id'=4071", _NOT_FOUND),
    ("article-gone-older-rails.txt", "Couldn't find NewsArticle with id=4071", _NOT_FOUND),
    ("version-gone.txt", "Couldn't find NewsArticleVersion with version = 7", _NOT_FOUND),
    ("version-gone-rails-4-1.txt", "ActiveRecord::RecordNotFound", _NOT_FOUND),
    ("withheld.html", ("<html><head></head><body>This article cannot be shown for legal "
                       "reasons</body></html>"), _WITHHELD),
], ids=["withheld", "article", "article-older-rails", "version", "version-rails-4-1",
        "withheld-saved-as-page"])
def test_a_news_sniffer_plain_text_reply_is_named_with_what_to_give(tmp_path: Path, name: str,
                                                                    reply: str,
                                                                    said: str) -> None:
    """News Sniffer answers a withheld article, and a diff page's missing article or version,
    with a bare line of text: saved alone, it was read as a one-paragraph version."""
    saved = tmp_path / name
    saved.write_text(reply, "utf-8")
    result = CliRunner().invoke(main, ["parse", str(saved)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {saved}: {said}")


def test_a_version_that_quotes_a_news_sniffer_reply_is_read(tmp_path: Path) -> None:
    """Only a file that is the whole reply is refused: a version that quotes it is read."""
    saved = tmp_path / "story.txt"
    saved.write_text("This article cannot be shown for legal reasons\n\nThe court lifted the "
                     "order on Monday, and the paper restored the story.\n", "utf-8")
    result = CliRunner().invoke(main, ["parse", str(saved)])
    assert result.exit_code == 0, result.stderr
    (article,) = json.loads(result.stdout)
    assert article["versions"][0]["paragraphs"][0] == ("This article cannot be shown for legal "
                                                       "reasons")


def test_a_page_that_leaves_out_its_closing_tag_is_not_called_truncated(tmp_path: Path) -> None:
    """HTML allows a page to leave out `</html>`: such a page of no tracker was said to be
    truncated and only told to be saved again."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>An article.</p>", "utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    assert "truncated" not in result.stderr and "give the versions as text files" in result.stderr


@pytest.mark.parametrize("sample", ["sniffer-version.html", "newsdiffs/us-deploys-troops-v1-v2-raw.html"])
def test_a_script_writing_a_frame_s_page_is_no_second_page(sample: str, tmp_path: Path) -> None:
    """An ad's script that writes its frame's page (`'<html><body></body></html>'`, twice) held a
    `</html>` with an `<html` after it, which refused the page as holding two pages."""
    page = (SAMPLES / sample).read_text(encoding="utf-8")
    script = "<script>var a = '<html><body></body></html>', b = '<html><body></body></html>';</script>"
    with_script = tmp_path / "page.html"
    with_script.write_text(page.replace("</head>", script + "</head>", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(with_script)])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(
        CliRunner().invoke(main, ["parse", "--format", "json", str(SAMPLES / sample)]).stdout)


@pytest.mark.parametrize("beside", [None, "2.txt"], ids=["alone", "beside a version"])
def test_compressed_files_in_a_folder_are_said_to_be_moved_out_only_beside_another_to_read(
        tmp_path: Path, beside: str | None) -> None:
    """Two compressed files in a folder: the error said to move the first out of the folder to
    read the other files, which are no more readable."""
    for number in (0, 1):
        (tmp_path / f"{number}.txt.gz").write_bytes(gzip.compress(f"Version {number}.\n".encode()))
    if beside:
        (tmp_path / beside).write_text("Version 2.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "0.txt.gz: input is gzip-compressed" in line
    assert ("move it out of the folder" in line) == bool(beside)


@pytest.mark.parametrize(("name", "content", "said"), [
    ("notes.md", b"Called the press office at 10.\n",
     ("tracker pages and text files that are no page (notes.md) in one directory (move the "
      "files that are no page out of it, or give the pages by name)")),
    ("notes.json", b'{"story": "iran"}',
     "if it is no version, move it out of the folder to read the other files)"),
    ("screenshot.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR",
     "if it is no version, move it out of the folder to read the other files)"),
])
def test_a_stray_file_among_saved_pages_is_said_to_be_moved_out(tmp_path: Path, name: str,
                                                                 content: bytes, said: str) -> None:
    # the error said `read them separately`, or what to give instead of the file, as if it had
    # been named alone: nothing said how to read the folder's pages
    for page in (SAMPLES / "sniffer-diff").glob("*.txt"):
        (tmp_path / page.name).write_bytes(page.read_bytes())
    (tmp_path / name).write_bytes(content)
    result = CliRunner().invoke(main, ["diff", str(tmp_path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.endswith(said)
    (tmp_path / name).unlink()
    assert CliRunner().invoke(main, ["diff", str(tmp_path)]).exit_code == 0


def test_an_input_that_is_a_device_or_a_socket_is_refused_saying_which(tmp_path: Path) -> None:
    # both were refused as "not a regular file", without saying what they are
    import socket

    listening = tmp_path / "events.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(listening))
        for path, kind in ((os.devnull, "a device"), (str(listening), "a socket")):
            result = CliRunner().invoke(main, ["parse", path])
            assert result.exit_code == 2
            assert result.stderr == (f"revdiff: error: {path}: {kind}, not a regular file "
                                     "(give a file, a directory or -)\n")


def test_a_page_cut_before_its_tracker_markup_is_cut_though_it_holds_an_element_named_html_x(
        tmp_path: Path) -> None:
    """A custom element's end tag (`</html-frame>`) is no `</html>`: a NewsDiffs page cut before its
    comparison was refused as no tracker's page, not as one that may be cut short."""
    page = (SAMPLES / "newsdiffs/us-sends-3000-troops-v1-v2-rendered.html").read_text("utf-8")
    cut = tmp_path / "diff.html"
    cut.write_text(page[:page.index('id="compare"')].rsplit("\n", 1)[0].replace(
        "</head>", "<html-frame></html-frame></head>"), "utf-8")
    result = CliRunner().invoke(main, ["parse", str(cut)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "HTML page is neither a News Sniffer nor a NewsDiffs page, and it ends without </html>" in line


@pytest.mark.parametrize("beside", [None, "3.txt"], ids=["alone", "beside a version"])
def test_a_folders_refusal_says_how_many_other_files_are_refused_too(
        tmp_path: Path, beside: str | None) -> None:
    """Three compressed files in a folder: the error named the first alone, as if moving it out
    (or decompressing it) were all the folder needed."""
    for number in (0, 1, 2):
        (tmp_path / f"{number}.txt.gz").write_bytes(gzip.compress(f"Version {number}.\n".encode()))
    if beside:
        (tmp_path / beside).write_text("Version 3.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "0.txt.gz: input is gzip-compressed" in line
    assert "and 2 more files of the folder are refused too (1.txt.gz, 2.txt.gz)" in line


# A child that reads a file whose read waits for ever though it says it is regular, as /proc/kmsg
# does (which a test must not read: it takes the host's kernel log): a FIFO with a writer that
# never writes, made to look like a regular file.
_WAITING_FILE_SCRIPT = """
import os, pathlib, sys
target = pathlib.Path(sys.argv[1])
fifo = target / "0.txt" if target.is_dir() else target
os.mkfifo(fifo)
writer = os.open(fifo, os.O_RDWR)  # a writer that never writes: a read waits
is_file, is_fifo = pathlib.Path.is_file, pathlib.Path.is_fifo
pathlib.Path.is_file = lambda path: path == fifo or is_file(path)
pathlib.Path.is_fifo = lambda path: path != fifo and is_fifo(path)
from revdiff.cli import main
main(["parse", str(target)])
"""


@pytest.mark.parametrize("in_folder", [False, True], ids=["file", "folder"])
def test_a_file_whose_read_would_wait_is_refused_not_waited_for(tmp_path: Path,
                                                                in_folder: bool) -> None:
    # `revdiff parse /proc/kmsg` (or `parse /proc`) as root waited for ever for the next kernel
    # message; run in a child with a time limit, as the wait is in a read
    target = tmp_path / "versions" if in_folder else tmp_path / "kmsg"
    if in_folder:
        target.mkdir()
    try:
        result = subprocess.run([sys.executable, "-c", _WAITING_FILE_SCRIPT, str(target)],
                                capture_output=True, text=True, timeout=30, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("the read waited for data that never came")
    fifo = target / "0.txt" if in_folder else target
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"revdiff: error: {fifo}: not a file of versions but a file the system "
                             "makes that has nothing to give yet: a read would wait for it, as "
                             "one of /proc/kmsg waits for the next kernel message (give a file, "
                             "a directory or -)\n")


def test_a_flattened_pages_version_row_copied_twice_is_refused_naming_the_copy(
        tmp_path: Path) -> None:
    """A page whose `Version N Version M` line was copied twice read the copy as its title row,
    both titles `Version N` and `Version M`, with a warning of a missing time row only."""
    text = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index("Version 6 Version 7")
    twice = tmp_path / "twice.txt"
    twice.write_text("\n".join(lines[:at + 1] + lines[at:]), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(twice)])
    assert result.exit_code == 2, result.stdout[:300]
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"{twice}:{at + 2}:" in line and "copied twice" in line


@pytest.mark.parametrize(("row", "problem"), [
    ("VERSION 6 VERSION 7", "not in the case News Sniffer writes it"),
    ("version 6 version 7", "not in the case News Sniffer writes it"),
    ("Version 6 Versio 7", "not a 'Version N Version M' header row"),
    ("Version 6  Version 7", "not a 'Version N Version M' header row"),
    ("Version 2 of 5", "not a 'Version N Version M' header row"),
])
def test_a_flattened_pages_damaged_version_row_is_refused_naming_its_line(
        tmp_path: Path, row: str, problem: str) -> None:
    """A version row whose case was changed was said to be a page translated by the browser,
    and a damaged one refused without naming its line."""
    text = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index("Version 6 Version 7")
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("\n".join(lines[:at] + [row] + lines[at + 1:]), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(damaged)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"{damaged}:{at + 1}:" in line and problem in line and "translated" not in line


@pytest.mark.parametrize(("row", "problem"), [
    ("version 6 version 7", "is not in the case News Sniffer writes it"),
    ("VERSION 6 VERSION 7", "is not in the case News Sniffer writes it"),
    ("Version 6 Versio 7", "is not a 'Version N Version M' header row")])
def test_a_damaged_version_row_under_the_change_count_alone_is_refused_naming_its_line(
        tmp_path: Path, row: str, problem: str) -> None:
    """A page copied without its source and address lines, whose change count line opens it,
    and whose version row was recased or damaged, was read as one plain version."""
    lines = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8").split("\n")
    changes = next(i for i, line in enumerate(lines) if line.startswith("The article has changed"))
    at = lines.index("Version 6 Version 7")
    damaged = tmp_path / "damaged.txt"
    damaged.write_text("\n".join(lines[changes:at] + [row] + lines[at + 1:]), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(damaged)])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"{damaged}:{at - changes + 1}:" in line and problem in line


@pytest.mark.parametrize("row", ["title", "time"])
def test_a_flattened_pages_title_or_time_row_copied_twice_is_refused_naming_the_copy(
        tmp_path: Path, row: str) -> None:
    """A title row or time row copied onto the next line again was read as a body row: the time
    row `(about 1 hour later)` a paragraph, the title row a pair of them."""
    text = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index("Version 6 Version 7") + (1 if row == "title" else 2)
    twice = tmp_path / "twice.txt"
    twice.write_text("\n".join(lines[:at + 1] + lines[at:]), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(twice)])
    assert result.exit_code == 2, result.stdout[:300]
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert f"{twice}:{at + 2}:" in line and f"the {row} row" in line and "copied twice" in line


def test_a_flattened_page_whose_version_row_holds_a_tab_is_read_as_flattened(
        tmp_path: Path) -> None:
    """A tab in the version row alone (an editor's, for the space) made the page be read as one
    copied from the browser, and refused as cut short at its last line: no row after it holds
    the tab a copy puts between the cells."""
    sample = SAMPLES / "washpo-soleimani-v6-v7.txt"
    tabbed = tmp_path / "tabbed.txt"
    tabbed.write_text(sample.read_text(encoding="utf-8").replace("Version 6 Version 7",
                                                                 "Version 6\tVersion 7", 1),
                      encoding="utf-8")
    original, read = parsed_pair(sample, tabbed)
    assert read["versions"] == original["versions"]


@pytest.mark.parametrize(("kind", "line"), [
    ("article info", ("This article is from the source 'bbc' and was first published or seen "
                      "on . It will not be checked again for changes.")),
    ("article URL", ("You can find the current article at its original source at "
                     "https://www.bbc.co.uk/news/world-123")),
    ("change count", "The article has changed 3 times."),
])
def test_a_flattened_pages_header_line_given_twice_with_another_value_is_refused(
        tmp_path: Path, kind: str, line: str) -> None:
    """A header holding another page's article-info, URL or change count line was read with the
    last one's value, silently: the article given another page's URL or source."""
    text = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = lines.index("Version 6 Version 7")
    mixed = tmp_path / "mixed.txt"
    mixed.write_text("\n".join(lines[:at] + [line, ""] + lines[at:]), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--format", "json", str(mixed)])
    assert result.exit_code == 2, result.stdout[:300]
    assert result.stdout == ""
    (error,) = result.stderr.splitlines()
    assert f"{mixed}:{at + 1}:" in error and f"a second {kind}" in error


@pytest.mark.parametrize("tabbed", ["header", "every line"])
def test_a_glued_page_with_tabs_for_spaces_is_refused_saying_so(tmp_path: Path,
                                                                tabbed: str) -> None:
    # a glued News Sniffer page whose header lines (or all its lines) held tabs for spaces was
    # read as one plain version of all its lines, exit 0
    lines = (SAMPLES / "sniffer-diff/iran-strikes-v0-v1.txt").read_text("utf-8").split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("Version "))
    page = tmp_path / "page.txt"
    page.write_text("\n".join(line.replace(" ", "\t") if tabbed == "every line" or i <= header
                              else line for i, line in enumerate(lines)), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"revdiff: error: {page}:1: the News Sniffer page's article-info line holds tabs where "
        "the page holds spaces, as an editor or a converter that turns spaces into tabs leaves "
        "it (save the page's text again from News Sniffer, or give its HTML page)\n")


def test_a_glued_page_lower_cased_as_a_whole_is_refused_as_recased_naming_its_row(
        tmp_path: Path) -> None:
    # `this article is from the source ...`, `version 0 version 1`: the page was said to be
    # translated by the browser, naming no line
    page = tmp_path / "page.txt"
    page.write_text((SAMPLES / "sniffer-diff/iran-strikes-v0-v1.txt").read_text("utf-8").lower(),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"revdiff: error: {page}:7: header row 'version 0 version 1' is not in the case News "
        "Sniffer writes it, 'Version N Version M': the page's text was changed after it was "
        "saved (save or copy the page again from News Sniffer, or give its HTML page)\n")


def test_a_version_pages_text_pasted_after_a_glued_diff_page_is_refused(tmp_path: Path) -> None:
    # its title, URL and `Version 2 of 5.` lines were read as body rows, without an error
    diff_page = (SAMPLES / "sniffer-diff/iran-strikes-v0-v1.txt").read_text("utf-8")
    page = tmp_path / "page.txt"
    page.write_text(diff_page + (SAMPLES / "sniffer-version.txt").read_text("utf-8"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    line = diff_page.count("\n") + 3
    assert result.stderr == (
        f"revdiff: error: {page}:{line}: a News Sniffer version page's text starts above this "
        "line (its title, its article URL, then 'Version 2 of 5.'): the file holds another "
        "page after the diff page (save each page in a file of its own and give them all)\n")


@pytest.mark.parametrize("after", ["", "\nPrevious version 1 2 Next version\n"])
def test_a_whole_glued_page_cut_in_its_last_row_is_warned_of(tmp_path: Path, after: str) -> None:
    # a flattener that keeps the whole page keeps the pagination News Sniffer shows above the
    # table and after it: one cut in its last row, that pagination gone, was read without a word
    text = (SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt").read_text(encoding="utf-8")
    text = text.replace("\nVersion 1 Version 2\n", "\nPrevious version 1 2 Next version\n"
                        "Version 1 Version 2\n", 1).rstrip("\n")
    cut = text[:text.rindex(" ")]  # in the middle of its last row
    original, whole = tmp_path / "original.txt", tmp_path / "whole.txt"
    original.write_text(text + "\n" + after, encoding="utf-8")
    whole.write_text(cut + "\n" + after, encoding="utf-8")
    _, read = parsed_pair(original, whole)
    last_row = cut.count("\n") + 1
    warning = (f"{whole}:{last_row}: the page shows its pagination above the table but not "
               "after it, as a page cut short does; its last row may be cut")
    assert (warning in read["warnings"]) == (after == "")


def test_two_article_info_lines_are_shown_where_they_differ(tmp_path: Path) -> None:
    # both long lines were cut in their middle, where they differ: the error showed two values
    # that looked alike
    text = (SAMPLES / "sniffer-diff/iran-strikes-v1-v2.txt").read_text(encoding="utf-8")
    info = text.split("\n", 1)[0]
    other = info.replace("over 40 days ago", "over 12 days ago")
    page = tmp_path / "page.txt"
    page.write_text(text.replace(info, f"{info}\n{other}", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(page)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"revdiff: error: {page}:2: a second article info, where line 1 gives another: the "
        "header holds lines of two pages; they differ at character 109: line 1 "
        "...\"on . It last changed over 40 days ago and won't be checked again for\"..., "
        "line 2 ...\"on . It last changed over 12 days ago and won't be checked again "
        "for\"... (save each page in a file of its own and give them all)\n")
