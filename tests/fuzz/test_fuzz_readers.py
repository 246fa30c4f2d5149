"""Fuzzing every reader through `revdiff.load`: only revdiff's own errors, within the time limit.

Inputs are random bytes and text, mutated real samples (every format in samples/), truncated
HTML, deeply nested tags, huge single lines, NULs, invalid UTF-8 and mixed encodings. The
NewsEdits SQLite and git readers get hostile rows and commits. Each example ends in
`read_and_compare` (fuzz_support), which also runs the engine on whatever was read.
"""

from __future__ import annotations

import html
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from fuzz_support import (
    HOSTILE_SNIPPETS,
    check_error,
    fast_import_commit,
    fresh_folder,
    fuzz_settings,
    imported_repository,
    mutated,
    mutated_database,
    read_and_compare,
    sample_bytes,
    storable_path,
    within_limit,
    write_inputs,
)
from hypothesis import example, given
from hypothesis import strategies as st

import revdiff
from revdiff.errors import MalformedPage, RevdiffError
from revdiff.formats.detect import detect
from revdiff.formats.open_elements import MAX_DEPTH
from revdiff.model import Article
from revdiff.render.newsdiffs import escape_js

PAGE_SAMPLES = (
    "washpo-soleimani-v6-v7.txt",
    "sniffer-diff/iran-strikes-v1-v2.txt",
    "sniffer-diff/iran-strikes-v1-v2.html",
    "sniffer-version.html",
    "sniffer-version.txt",
    "newsdiffs/us-deploys-troops-v1-v2-raw.html",
    "newsdiffs/us-deploys-troops-v1-v2-rendered.html",
)
HTML_SAMPLES = tuple(name for name in PAGE_SAMPLES if name.endswith(".html"))
VERSION_FILES = sorted((Path(__file__).resolve().parents[2] / "samples" / "versions"
                        / "iran-strikes-us-troops-in-iraq").glob("*.txt"))


@fuzz_settings(40)
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    read_and_compare(write_inputs(fresh_folder(), [data]))


@fuzz_settings(40)
@given(st.lists(st.text(max_size=800), min_size=1, max_size=3))
def test_random_text_files_read_together(texts: list[str]) -> None:
    contents = [text.encode("utf-8", "surrogatepass") for text in texts]
    read_and_compare(write_inputs(fresh_folder(), contents))


@pytest.mark.parametrize("sample", PAGE_SAMPLES)
@fuzz_settings(15)
@given(data=st.data())
def test_mutated_sample_pages(sample: str, data: st.DataObject) -> None:
    page = data.draw(mutated(sample_bytes(sample)))
    suffix = Path(sample).suffix
    read_and_compare(write_inputs(fresh_folder(), [page], suffix))


@fuzz_settings(15)
@given(data=st.data())
def test_mutated_flattened_pages_read_jointly(data: st.DataObject) -> None:
    """Several flattened pages of one article read together (the joint column splitter)."""
    names = [f"sniffer-diff/iran-strikes-v{k}-v{k + 1}.txt" for k in range(4)]
    pages = [data.draw(mutated(sample_bytes(name), max_edits=2)) for name in names]
    read_and_compare(write_inputs(fresh_folder(), pages))


@fuzz_settings(20)
@given(data=st.data())
def test_mutated_version_files(data: st.DataObject) -> None:
    files = [data.draw(mutated(path.read_bytes(), max_edits=3)) for path in VERSION_FILES]
    read_and_compare(write_inputs(fresh_folder(), files))


@pytest.mark.parametrize("sample", HTML_SAMPLES)
@fuzz_settings(10)
@given(fraction=st.floats(0, 1))
def test_truncated_html(sample: str, fraction: float) -> None:
    page = sample_bytes(sample)
    read_and_compare(write_inputs(fresh_folder(), [page[: int(len(page) * fraction)]], ".html"))


@pytest.mark.parametrize("sample", HTML_SAMPLES)
@pytest.mark.parametrize("tag", ["div", "td", "p", "b"])
def test_deeply_nested_tags(sample: str, tag: str) -> None:
    """Tens of thousands of nested tags before the article: no RecursionError, no hang, and
    the page still reaches its own reader, which reads the article from it, or, where they nest
    (a `<td>` or `<p>` ends the one before), refuses it at their line (`MAX_DEPTH`)."""
    page = sample_bytes(sample)
    nested = f"<{tag}>".encode() * 40_000 + b"x" + f"</{tag}>".encode() * 40_000
    middle = page.find(b"<body")
    middle = page.find(b">", middle) + 1 if middle >= 0 else len(page) // 2
    hostile = page[:middle] + nested + page[middle:]
    assert detect(hostile.decode("utf-8")) is detect(page.decode("utf-8"))
    if tag in ("div", "b"):
        with pytest.raises(MalformedPage) as refused:
            revdiff.load([str(path) for path in write_inputs(fresh_folder(), [hostile], ".html")])
        assert refused.value.line == page[:middle].count(b"\n") + 1
        assert f"nested more than {MAX_DEPTH} elements deep" in refused.value.message
        return
    articles = read_and_compare(write_inputs(fresh_folder(), [hostile], ".html"))
    assert [v.paragraphs for v in articles[0].versions] == [
        v.paragraphs for v in read_and_compare(write_inputs(fresh_folder(), [page], ".html"))[0]
        .versions]


@pytest.mark.parametrize("teasers", [0, 2])
def test_saved_pages_nested_deep_in_their_article(teasers: int) -> None:
    """A saved page's article of 20,000 nested lists, with related stories' teasers beside it or
    none: looking for the teasers copied the page, which Beautiful Soup does in time that grows
    with the square of its depth (nearly two minutes a page)."""
    teaser = '<article><h3><a href="/other">Another story</a></h3><p>Short.</p></article>'
    pages = [(f'<html><head><title>Story</title><link rel="canonical" href="https://ex.com/a">'
              f'<meta property="article:published_time" content="2020-01-0{day}T00:00:00Z">'
              f'</head><body><article><h1>Story</h1>{"<ul><li>" * 20_000}Version {day} of '
              f'the story, told in a sentence.{"</li></ul>" * 20_000}</article>'
              f'<div>{teaser * teasers}</div></body></html>').encode() for day in (1, 2)]
    read_and_compare(write_inputs(fresh_folder(), pages, ".html"))


@pytest.mark.parametrize("sample", PAGE_SAMPLES)
@pytest.mark.parametrize("filler", [b"x", b". "])
def test_huge_single_line(sample: str, filler: bytes) -> None:
    """A 1 MB line without a newline, spliced into the middle of the page (readers only: the
    engine's cost on one huge token is test_fuzz_engine.test_one_huge_token_then_sentences)."""
    page = sample_bytes(sample)
    middle = len(page) // 2
    hostile = page[:middle] + filler * (1_000_000 // len(filler)) + page[middle:]
    read_and_compare(write_inputs(fresh_folder(), [hostile], Path(sample).suffix),
                     compare=False)


def test_huge_single_line_plain_versions() -> None:
    old = b"Start. " + b"x" * 2_000_000 + b"\n"
    new = b"Start! " + b"x" * 2_000_000 + b"y\n"
    articles = read_and_compare(write_inputs(fresh_folder(), [old, new]), compare=False)
    assert len(articles[0].versions) == 2


ENCODING_CASES = {
    "NUL in the text": lambda page: page + b"\x00tail",
    "NUL past the sniffed start": lambda page: page + b" " * 9000 + b"\x00",
    "invalid UTF-8 byte": lambda page: page[:100] + b"\xff" + page[100:],
    "lone surrogate": lambda page: page[:100] + b"\xed\xa0\x80" + page[100:],
    "latin-1 mixed into UTF-8": lambda page: page + "Café déjà".encode("latin-1"),
    "UTF-16 with a BOM": lambda page: b"\xff\xfe" + page.decode("utf-8").encode("utf-16-le"),
    "UTF-16 cut mid-character": lambda page: b"\xff\xfe" + page[:101],
    "UTF-8 BOM": lambda page: b"\xef\xbb\xbf" + page,
    "declared latin-1, is UTF-8": lambda page: b'<meta charset="iso-8859-1">' + page,
    "declared unknown codec": lambda page: b'<html><meta charset="x-nonsense">' + page,
    "declared UTF-16, is UTF-8": lambda page: b'<html><meta charset="utf-16">' + page,
    "CR line ends only": lambda page: page.replace(b"\n", b"\r"),
}


@pytest.mark.parametrize("sample", PAGE_SAMPLES)
@pytest.mark.parametrize("case", sorted(ENCODING_CASES))
def test_encodings_nuls_and_bad_bytes(sample: str, case: str) -> None:
    hostile = ENCODING_CASES[case](sample_bytes(sample))
    read_and_compare(write_inputs(fresh_folder(), [hostile], Path(sample).suffix))


@fuzz_settings(25)
@given(st.lists(st.sampled_from(HOSTILE_SNIPPETS), min_size=1, max_size=30))
def test_pages_made_of_hostile_pieces(pieces: list[bytes]) -> None:
    read_and_compare(write_inputs(fresh_folder(), [b"".join(pieces)]))


# -- hostile fields: numbers, times, URLs and control characters in real pages ----------------
# Each of these once ended in a traceback: 5000-digit and non-ASCII numbers in page headers,
# <var> and version ids, timestamps out of range, far time zones, unsplittable URLs. Reading a
# page is cheap (about 10 ms), so these tests draw many examples; the inputs that broke revdiff
# are kept as explicit @example cases.

HUGE = "9" * 5000
NUMBER_TEXT = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(15, 6000).map(lambda digits: "9" * digits),
    st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6),
    st.sampled_from(["-1", "1e300", "inf", "0x10", "7.0", "²", "١٢"]),
)
OFFSETS = st.builds(timezone, st.timedeltas(min_value=timedelta(hours=-23, minutes=-59),
                                            max_value=timedelta(hours=23, minutes=59)))
ISO_TIME = st.one_of(
    st.datetimes(timezones=st.one_of(st.none(), st.just(UTC), OFFSETS)).map(datetime.isoformat),
    st.sampled_from(["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59", "2020-13-01",
                     "1e20", "", "2020-01-01T00:00:00+24:00"]),
)
EPOCH = st.one_of(st.floats(), st.integers(-2**80, 2**80), st.sampled_from([1e20, -1e20, 2**62]))
URL = st.one_of(st.just("https://example.com/a"), st.sampled_from(["http://[::1/x", "http://[",
                                                                   "https://a:99999999/x"]),
                st.text(max_size=30).map(lambda tail: "http://" + tail))
CONTROL = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co"]), min_size=1,
                  max_size=5)


def read_one(contents: bytes, suffix: str) -> list[Article] | RevdiffError:
    """Read one input; the articles, or the one-line error revdiff reported."""
    (path,) = write_inputs(fresh_folder(), [contents], suffix)
    result = within_limit(lambda: revdiff.load([str(path)]))
    if isinstance(result, RevdiffError):
        check_error(result)
    else:
        read_and_compare([path])
    return result


def plain_number(text: str) -> int | None:
    """The number a field holds when it is a number revdiff must accept, else None."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 15 else None


def number_is_read_or_refused(result: list[Article] | RevdiffError, text: str,
                              read: Callable[[list[Article]], int | None]) -> None:
    """A plain number comes back as written. Anything else is refused in one line, or (when
    the line no longer looks like the tracker's) not taken for the field at all."""
    expected = plain_number(text)
    if expected is not None:
        assert not isinstance(result, RevdiffError), str(result)
        assert read(result) == expected
    elif not isinstance(result, RevdiffError):
        assert read(result) is None, f"{text[:20]!r} was read as a number"


@fuzz_settings(150)
@example(old=HUGE, changes="5")
@example(old="²", changes="5")
@example(old="٦", changes="5")
@example(old="0", changes=HUGE)
@given(old=NUMBER_TEXT, changes=NUMBER_TEXT)
def test_flattened_header_numbers(old: str, changes: str) -> None:
    page = sample_bytes("sniffer-diff/iran-strikes-v0-v1.txt").decode("utf-8")
    page = page.replace("Version 0 Version 1", f"Version {old} Version 1000001", 1)
    result = read_one(page.replace("changed 5 times", f"changed {changes} times", 1)
                      .encode("utf-8"), ".txt")
    if plain_number(changes) is not None:
        number_is_read_or_refused(result, old, lambda articles: articles[0].pages[0].old_number)
    old_number, counted = plain_number(old), plain_number(changes)
    if old_number is not None and counted is not None:
        # a count that leaves no room for the newest version (numbered from 0) is left out, warned
        assert not isinstance(result, RevdiffError), str(result)
        assert result[0].changes == (counted if counted > max(old_number, 1_000_001) else None)


@fuzz_settings(150)
@example(var="²", version="0", stamp="2020-01-07T23:10:00Z", url="https://example.com/a")
@example(var=HUGE, version="0", stamp="2020-01-07T23:10:00Z", url="https://example.com/a")
@example(var="5", version=HUGE, stamp="2020-01-07T23:10:00Z", url="https://example.com/a")
@example(var="5", version="0", stamp="0001-01-01T00:00:00+23:59", url="https://example.com/a")
@example(var="5", version="0", stamp="2020-01-07T23:10:00Z", url="http://[::1/x")
@given(var=NUMBER_TEXT, version=NUMBER_TEXT, stamp=ISO_TIME, url=URL)
def test_sniffer_html_fields(var: str, version: str, stamp: str, url: str) -> None:
    page = sample_bytes("sniffer-diff/iran-strikes-v0-v1.html").decode("utf-8")
    article_url = "https://www.channelnewsasia.com/news/world/iran-missiles-us-troops-iraq-soleimani"
    for old, new in (("<var>5</var>", f"<var>{html.escape(var)}</var>"),
                     ("<small>Version 0</small>", f"<small>Version {html.escape(version)}</small>"),
                     ('datetime="2020-01-07T23:10:00Z"', f'datetime="{html.escape(stamp)}"'),
                     (f'href="{article_url}"', f'href="{html.escape(url)}"')):
        assert old in page
        page = page.replace(old, new, 1)
    result = read_one(page.encode("utf-8"), ".html")
    if plain_number(var) is None:
        assert isinstance(result, RevdiffError), f"<var>{var[:20]!r}</var> was accepted"


@fuzz_settings(150)
@example(version_id="²", date="Fri, 03 Jan 2020 15:40:00 +0000", url="https://example.com/a")
@example(version_id=HUGE, date="Fri, 03 Jan 2020 15:40:00 +0000", url="https://example.com/a")
@example(version_id="1", date="0001-01-01T00:00:00+23:59", url="https://example.com/a")
@example(version_id="1", date="Fri, 03 Jan 2020 15:40:00 +0000", url="http://[::1/x")
@given(version_id=NUMBER_TEXT, date=st.one_of(ISO_TIME, st.datetimes(timezones=OFFSETS).map(
    lambda when: when.strftime("%a, %d %b %Y %H:%M:%S %z"))), url=URL)
def test_newsdiffs_fields(version_id: str, date: str, url: str) -> None:
    page = sample_bytes("newsdiffs/us-deploys-troops-v1-v2-raw.html").decode("utf-8")
    for old, new in (('name="diff_v1" value="1"', f'name="diff_v1" value="{html.escape(version_id)}"'),
                     ("Fri, 03 Jan 2020 15:40:00 +0000", escape_js(date)),
                     ('<h3><a href="https://www.independent.co.uk', f'<h3><a href="{html.escape(url)}')):
        assert old in page
        page = page.replace(old, new, 1)
    result = read_one(page.encode("utf-8"), ".html")
    if plain_number(version_id) is None:
        # refused, or passed over (a word such as `inf`, as a git commit id is): the versions
        # are then numbered from the page's /diff/1/2/ URL (0 and 1 without one), never from
        # the value
        assert isinstance(result, RevdiffError) or [
            version.number for version in result[0].versions] in ([1, 2], [0, 1]), \
            f"version id {version_id[:20]!r} was accepted"


@fuzz_settings(30)
@given(data=st.data(), sample=st.sampled_from(PAGE_SAMPLES))
def test_control_characters_in_text(data: st.DataObject, sample: str) -> None:
    """Control and format characters anywhere in a page's text: read or refused in one line."""
    page = sample_bytes(sample).decode("utf-8")
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(page)))
        page = page[:at] + data.draw(CONTROL) + page[at:]
    read_one(page.encode("utf-8", "surrogatepass"), Path(sample).suffix)


# -- NewsEdits SQLite ------------------------------------------------------------------------

CELL = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True),
                 st.text(max_size=60), st.binary(max_size=20), NUMBER_TEXT, ISO_TIME, URL,
                 st.sampled_from(["", "1e999", "-1", "9" * 40, "</p><p>", "<p></p>" * 30,
                                  1e20, -1e20, 2**62, HUGE]))
COLUMN_SETS = [
    ("entry_id", "version", "summary", "title", "url", "created", "source", "num_versions"),
    ("article_id", "version_number", "text", "headline", "link", "date", "outlet"),
    ("entry_id", "version", "summary"),
]


def newsedits_row(**cells: object) -> list[object]:
    """A row of COLUMN_SETS[0] whose cells are fine but for `cells`."""
    row = {"entry_id": 1, "version": 0, "summary": "a</p><p>b", "title": "t", "url": "u",
           "created": 1_600_000_000, "source": "s", "num_versions": 2, **cells}
    return [row[column] for column in COLUMN_SETS[0]]


@fuzz_settings(100)
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(created=1e20)])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(created=-1e20)])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(created=float("inf"))])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(created=2**62)])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(created="9999-12-31T23:59:59-23:59")])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(num_versions="²")])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(num_versions=HUGE)])
@example(columns=COLUMN_SETS[0], rows=[newsedits_row(url="http://[::1/x")])
@given(columns=st.sampled_from(COLUMN_SETS),
       rows=st.lists(st.lists(CELL, min_size=8, max_size=8), max_size=8))
def test_newsedits_rows_of_any_type(columns: tuple[str, ...], rows: list[list[object]]) -> None:
    path = fresh_folder() / "outlet.db"
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE entryversion ({', '.join(columns)})")
    connection.executemany(
        f"INSERT INTO entryversion VALUES ({', '.join('?' * len(columns))})",
        [row[: len(columns)] for row in rows])
    connection.commit()
    connection.close()
    read_and_compare([path])


@fuzz_settings(30)
@given(data=st.data())
def test_mutated_newsedits_file(data: st.DataObject) -> None:
    database = data.draw(mutated_database(sample_bytes("newsedits.sqlite")))
    read_and_compare(write_inputs(fresh_folder(), [database], ".sqlite"))


# -- git repositories ------------------------------------------------------------------------

@st.composite
def fast_import_stream(draw: st.DrawFn) -> bytes:
    """A history of 1-4 commits with hostile file names, contents and commit messages."""
    stream = b""
    path_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\0"),
                        min_size=1, max_size=30).filter(lambda p: not p.startswith(('"', "/")))
    for number in range(draw(st.integers(1, 4))):
        path = draw(st.one_of(path_text, st.sampled_from(
            ["a.txt", "www.nytimes.com/2014/01/a.html", "x/../y.txt", "_no-url/t~1.txt"])))
        path = storable_path(path, "a.txt")
        content = draw(st.one_of(st.binary(max_size=300), st.sampled_from(
            [sample_bytes("sniffer-version.txt"), b"\x00\x01", b"\xff\xfe\xfd"])))
        message = draw(st.one_of(st.text(max_size=200), st.sampled_from([
            "Update\n\nRevdiff-Version: x\nRevdiff-Url: \\u0000\n",
            "Update\n\nRevdiff-Version: 3\nRevdiff-Title: \"\\ud800\"\nRevdiff-Format: 99\n",
            "Update\n\nRevdiff-Encoding: utf-16\nRevdiff-Version: -1\n"]))).encode(
            "utf-8", "surrogatepass")
        stream += fast_import_commit("main", 1_600_000_000 + number, message, path.encode(),
                                     content)
    return stream + b"done\n"


@fuzz_settings(12)
@given(fast_import_stream())
def test_git_repository_with_hostile_commits(stream: bytes) -> None:
    read_and_compare([imported_repository(stream, "repo", "main")])


def test_a_root_tag_of_thousands_of_attributes_is_read_in_seconds(tmp_path: Path) -> None:
    """Found by a review: the check for a browser's translation marks rescanned the root tag
    from each `class` in it (quadratic, 4.8 s for 64 KB). Run in a child process: the time goes
    inside the regular expression engine, which no signal interrupts."""
    page = tmp_path / "page.html"
    page.write_text("<html " + "class=x " * 80_000 + "><body><p>Text.</p></body></html>")
    try:
        subprocess.run([sys.executable, "-m", "revdiff", "parse", str(page)], timeout=30,
                       capture_output=True, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("reading the page ran longer than 30 s")


def test_a_copied_page_whose_title_cell_holds_many_brackets() -> None:
    """The title row's cell was searched for the time row's `(… later)` from each `(`, each
    search reading on to the cell's end: 200 kB of `( ` took minutes. A copied page (its cells
    apart by a tab) reaches that search with any cell."""
    page = ("This article is from the source 'bbc' and was first published or seen on January 2, "
            "2020 17:12 (UTC). It will not be checked again for changes.\n"
            "You can find the current article at its original source at https://example.com/a\n"
            "The article has changed 2 times.\n"
            "Version 0\tVersion 1\n"
            f"Old title\t{'( ' * 100_000}New title\n"
            "2020-01-07 23:10:00 UTC\t2020-01-08 00:25:00 UTC (about 1 hour later)\n"
            "Troops left.\tTroops left today.\n")
    read_and_compare(write_inputs(fresh_folder(), [page.encode()], ".txt"), compare=False)
