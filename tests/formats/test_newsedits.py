"""NewsEdits SQLite files: the writer and reader round-trip; column variants; bad files."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from held_runs import refused_at_once
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsedits_files import (
    NEWSEDITS_TABLE,
    exported_time_from_page,
    make_database,
    wal_copied_without_shm,
)
from story_chains import SAMPLES, story_chains, versions

from revdiff.errors import EmptyInput, InconsistentPages, InputTooLarge, MalformedPage
from revdiff.export.records import article_ref
from revdiff.formats import load, sqlite_schema
from revdiff.formats.article_errors import skipping_bad_articles
from revdiff.formats.fields import source_of_url, time_text_after
from revdiff.formats.newsedits import DatabaseArticles, read_database
from revdiff.formats.summary_paragraphs import split_summary
from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database

# NewsEdits joins paragraphs with `</p><p>`: a paragraph holding a <p> tag of its own cannot come
# back as it was, so the round trip is checked on paragraphs without one.
_P_TAG = re.compile(r"</?p(?:\s|>)", re.IGNORECASE)


def _without_p_tags(version: Version) -> bool:
    return not any(_P_TAG.search(paragraph) for paragraph in version.paragraphs)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    chain = draw(st.lists(versions().filter(_without_p_tags), min_size=1, max_size=4,
                          unique_by=lambda version: version.number))
    chain.sort(key=lambda version: version.number)
    return Article(draw(st.sampled_from(["bbc", "guardian", None])),
                   draw(st.sampled_from(["https://www.bbc.co.uk/news/a-1", None])),
                   tuple(chain), len(chain))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(articles(), min_size=1, max_size=3))
def test_written_file_reads_back(tmp_path: Path, written: list[Article]) -> None:
    path = tmp_path / "outlet.db"
    write_database(path, written)
    read = read_database(path)
    assert len(read) == len(written)
    for original, back in zip(written, read):
        assert back.versions == original.versions
        # a row without a source reads as the one its URL names, as every reader gives it
        source = original.source or source_of_url(original.url)
        assert (back.source, back.url, back.changes) == (source, original.url, original.changes)


def test_sample_holds_the_three_chains() -> None:
    read = read_database(SAMPLES / "newsedits.sqlite")
    chains = story_chains()
    assert [a.versions for a in read] == [c.versions for c in chains]
    assert [a.url for a in read] == [c.url for c in chains]
    assert [a.metadata["entry_id"] for a in read] == ["1", "2", "3"]


def test_the_trackers_count_is_said_to_count_versions() -> None:
    """num_versions (as News Sniffer's "changed N times") counts the versions, the first one
    too: an entry of 4 versions, num_versions 4, was said to have `changed 4 times`."""
    from revdiff.export.article_json import article_summary

    first = read_database(SAMPLES / "newsedits.sqlite")[0]
    assert (first.changes, len(first.versions)) == (4, 4)
    assert article_summary(first).splitlines()[1] == "tracker counts 4 versions"


def test_reading_leaves_the_file_untouched() -> None:
    path = SAMPLES / "newsedits.sqlite"
    before = path.read_bytes()
    read_database(path)
    assert path.read_bytes() == before
    assert not (SAMPLES / "newsedits.sqlite-journal").exists()


def test_other_column_names_and_text_versions_are_understood(tmp_path: Path) -> None:
    path = make_database(
        tmp_path / "variant.db",
        "CREATE TABLE EntryVersion (article_id TEXT, version TEXT, headline TEXT, text TEXT, "
        "created_at TEXT, extra BLOB)",
        [("a", "10", "Ten", "Last.\nLine two.", "2019-05-01 10:00:00", b"x"),
         ("a", "9", "Nine", "<p>First.</p><p>Second &amp; more.</p>", "not a date", None),
         ("b", "0", None, "Only.", None, None)],
    )
    first, second = read_database(path)
    assert [v.number for v in first.versions] == [9, 10]  # numeric order, not text order
    assert first.versions[0].paragraphs == ("First.", "Second &amp; more.")
    assert first.versions[0].time is None and first.versions[0].time_text == "not a date"
    assert first.versions[1].title == "Ten" and first.versions[1].time is not None
    assert first.versions[1].paragraphs == ("Last.", "Line two.")
    assert second.versions[0].title == "" and second.url is None


def test_split_summary() -> None:
    assert split_summary("<p>A</p> <p class='x'>B</p>") == ("A", "B")
    assert split_summary("A</p><p>B</P><P>C") == ("A", "B", "C")
    assert split_summary("") == ()
    # a line break inside a paragraph marked with <p> is a space (it had split the paragraph);
    # a text without the marks is one paragraph a line
    assert split_summary("Line one\nline two</p><p>B\r\nC") == ("Line one line two", "B C")
    assert split_summary("<p>Line one\nline two</p>") == ("Line one line two",)
    assert split_summary("A\nB\n\nC") == ("A", "B", "C")


_SUMMARY_PIECES = st.sampled_from(["a", "b", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0",
                                   "\x85", "\u2028", "\x00", "<p>", "</p>", "<p class='x'>", "é"])


@given(st.lists(_SUMMARY_PIECES, max_size=30).map("".join))
def test_split_summary_collapses_whitespace_in_each_paragraph(summary: str) -> None:
    """However it is found out that there is no whitespace to collapse (once for the text, or
    for each paragraph: quicker than substituting every space with itself), each paragraph is
    as the substitution leaves it."""
    collapsed = tuple(re.sub("[ \t\n\r\f\v]+", " ", paragraph).strip(" ")
                      for paragraph in split_summary(summary))
    assert split_summary(summary) == collapsed
    assert "" not in collapsed


def test_file_without_entryversion_names_its_tables(tmp_path: Path) -> None:
    path = make_database(tmp_path / "other.db", "CREATE TABLE articles (id INTEGER)", [])
    with pytest.raises(MalformedPage, match=r"no entryversion table \(tables: articles\)") as info:
        read_database(path)
    assert str(path) in str(info.value)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = make_database(tmp_path / "cols.db", "CREATE TABLE entryversion (entry_id, title)", [])
    with pytest.raises(MalformedPage, match="version: one of version.*text: one of summary"):
        read_database(path)


def test_empty_table(tmp_path: Path) -> None:
    path = make_database(tmp_path / "empty.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)", [])
    with pytest.raises(EmptyInput, match="empty"):
        read_database(path)


def test_null_title_and_text_and_a_created_that_is_no_time_are_warned_of(tmp_path: Path) -> None:
    path = make_database(tmp_path / "broken.db", NEWSEDITS_TABLE, [
        (2, 2, 0, "A", "https://y.test/b", "s", "2020-01-02T00:00:00", 2, "<p>One.</p>"),
        (3, 2, 1, None, "https://y.test/b", "s", "not a time", 2, None),
    ])
    (article,) = read_database(path)
    assert [(v.number, v.title, v.paragraphs, v.time_text) for v in article.versions] == [
        (0, "A", ("One.",), None), (1, "", (), "not a time")]
    assert article.warnings == (
        "entry 2 version 1: title is NULL, read as empty",
        "entry 2 version 1: summary is NULL, read as no text",
        "entry 2 version 1: created 'not a time' is not a time",
    )


def test_a_created_of_white_space_only_is_no_time_as_an_empty_one(tmp_path: Path) -> None:
    """`created` of spaces was kept as the time text '' and warned as "created '' is not a
    time"; exported, that '' read back as no time: the round trip changed the version."""
    path = make_database(tmp_path / "blank.db", NEWSEDITS_TABLE, [
        (2, 2, 0, "A", "https://y.test/b", "s", "  ", 2, "<p>One.</p>"),
        (3, 2, 1, "A", "https://y.test/b", "s", "\t\n", 2, "<p>Two.</p>"),
    ])
    (article,) = read_database(path)
    assert [(v.time, v.time_text) for v in article.versions] == [(None, None), (None, None)]
    assert article.warnings == ()


def test_created_written_with_utc_after_it_or_as_rfc_2822_is_a_time(tmp_path: Path) -> None:
    """`2019-01-10 20:31:03 UTC` (BigQuery, R) and RFC 2822 were kept as text and warned of."""
    path = make_database(tmp_path / "written.db", NEWSEDITS_TABLE, [
        (2, 2, 0, "A", "https://y.test/b", "s", "2019-01-10 20:31:03 UTC", 2, "<p>One.</p>"),
        (3, 2, 1, "A", "https://y.test/b", "s", "Thu, 10 Jan 2019 22:31:03 GMT", 2,
         "<p>Two.</p>"),
    ])
    (article,) = read_database(path)
    assert [(v.time, v.time_text) for v in article.versions] == [
        (datetime(2019, 1, 10, 20, 31, 3, tzinfo=UTC), None),
        (datetime(2019, 1, 10, 22, 31, 3, tzinfo=UTC), None)]
    assert article.warnings == ()


def test_zones_not_read_are_warned_of_once_an_article(tmp_path: Path) -> None:
    """Times in a zone Python's email reader does not know were read without it, silently; then
    warned of once an entry and zone, a line for each of thousands of entries; then once for the
    file, on its first article, which held no such time."""
    path = make_database(tmp_path / "zones.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, "2019-01-10 20:00:00", 1, "Zero."),
        (2, 2, 0, "A", None, None, "Thu, 10 Jan 2019 22:31:03 CET", 3, "One."),
        (3, 2, 1, "A", None, None, "Thu, 10 Jan 2019 23:31:03 CET", 3, "Two."),
        (4, 2, 2, "A", None, None, "Fri, 11 Jan 2019 09:00:00 IST", 3, "Three."),
        (5, 3, 0, "B", None, None, "Thu, 10 Jan 2019 22:31:03 CET", 2, "One."),
        (6, None, 0, "C", None, None, "Thu, 10 Jan 2019 22:31:03 X\x1b[2J", 1, "One."),
    ])
    articles = read_database(path)
    assert articles[1].versions[0].time == datetime(2019, 1, 10, 22, 31, 3)
    assert articles[0].warnings == ()
    read_so = ("; read as written, in no zone (write an offset, `+0100`, to read a time in its "
               "zone)")
    assert articles[1].warnings == (
        ("entry 2: created names a time zone that is not read (unknown or ambiguous): 'CET' "
         f"(versions 0 and 1), 'IST' (version 2){read_so}"),)
    assert articles[2].warnings == (
        ("entry 3: created names a time zone that is not read (unknown or ambiguous): 'CET' "
         f"(version 0){read_so}"),)
    assert articles[3].warnings[-1] == (
        "the row with rowid 6 without an entry id: created names a time zone that is not read "
        f"(unknown or ambiguous): 'X\\x1b[2J' (version 0){read_so}")


def test_the_zones_warning_is_on_the_entry_it_names(tmp_path: Path) -> None:
    """The warning of `'CET' (1 entry: 'Story 3')` was the file's first article's, Story 2's,
    so a reader of one article's warnings missed it on Story 3."""
    rows: list[tuple[object, ...]] = [
        (1, "Story 2", 0, "A", None, None, "2019-01-10 20:00:00", 1, "Zero.")]
    rows += [(row, "Story 3", version, "A", None, None, f"Thu, 10 Jan 2019 1{version}:31:03 CET",
              6, "One.") for row, version in enumerate(range(6), start=2)]
    path = make_database(tmp_path / "zones.db", NEWSEDITS_TABLE, rows)
    story_2, story_3 = read_database(path)
    assert story_2.warnings == ()
    warning, = story_3.warnings
    assert warning.startswith("entry 'Story 3': created names a time zone that is not read "
                              "(unknown or ambiguous): 'CET' (versions 0, 1, 2 and 3 more); ")


def test_a_zone_offset_out_of_range_is_named_in_its_warning(tmp_path: Path) -> None:
    """A time with an offset no zone has was "not a time", which did not say what was wrong."""
    path = make_database(tmp_path / "offsets.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, "Thu, 10 Jan 2019 23:31:03 +2500", 2, "One."),
        (2, 1, 1, "A", None, None, "2019-01-10T22:31:03-23:60", 2, "Two."),
        # minutes of 60, which Python read as the next hour (-02:00) without a word
        (3, 1, 2, "A", None, None, "2019-01-10T22:31:03-01:60", 2, "Three."),
        (4, 1, 3, "A", None, None, "Thu, 10 Jan 2019 23:31:03 -0160", 2, "Four."),
    ])
    offsets = [(0, "Thu, 10 Jan 2019 23:31:03 +2500", "+2500"),
               (1, "2019-01-10T22:31:03-23:60", "-23:60"),
               (2, "2019-01-10T22:31:03-01:60", "-01:60"),
               (3, "Thu, 10 Jan 2019 23:31:03 -0160", "-0160")]
    (article,) = read_database(path)
    assert [v.time_text for v in article.versions] == [text for _, text, _ in offsets]
    assert article.warnings == tuple(
        f"entry 1 version {number}: created {text!r} is not a time: its zone offset {offset} is "
        "out of range (offsets run from -23:59 to +23:59, their minutes from 00 to 59); correct "
        "the offset in the file"
        for number, text, offset in offsets)


def test_text_that_is_no_time_with_its_offset_in_range_is_not_blamed_on_the_offset(
        tmp_path: Path) -> None:
    """`not a time +2500` was "its zone offset +2500 is out of range ...; correct the offset":
    corrected, it was still no time."""
    path = make_database(tmp_path / "offsets.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, "not a time +2500", 1, "One."),
        (2, 1, 1, "A", None, None, "2019-13-45 22:31:03 +2500", 1, "Two."),
    ])
    (article,) = read_database(path)
    assert article.warnings == ("entry 1 version 0: created 'not a time +2500' is not a time",
                                "entry 1 version 1: created '2019-13-45 22:31:03 +2500' is not a time")


def test_a_time_at_a_leap_second_is_read_at_second_59_and_warned_of(tmp_path: Path) -> None:
    """`23:59:60` was "not a time", kept as text without saying why."""
    path = make_database(tmp_path / "leap.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, "2016-12-31T23:59:60+00:00", 2, "One."),
        (2, 1, 1, "A", None, None, "Sun, 01 Jan 2017 00:00:00 +0000", 2, "Two."),
    ])
    (article,) = read_database(path)
    assert [v.time for v in article.versions] == [datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC),
                                                  datetime(2017, 1, 1, tzinfo=UTC)]
    assert article.warnings == ((
        "entry 1 version 0: created '2016-12-31T23:59:60+00:00' is at a leap second (second 60), "
        "which revdiff's times cannot hold: read as second 59, a second early, which keeps the "
        "versions' order; nothing to correct"),)


@pytest.mark.parametrize("created", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
                                     "Fri, 31 Dec 9999 23:59:59 -0100"])
def test_a_time_its_zone_puts_out_of_range_says_so(tmp_path: Path, created: str) -> None:
    """A time its zone puts outside the years 1 to 9999 in UTC was warned of as "not a time"."""
    path = make_database(tmp_path / "years.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, created, 1, "One.")])
    (article,) = read_database(path)
    assert article.versions[0].time_text == created
    assert article.warnings == ((
        f"entry 1 version 0: created {created!r} is not a time: its zone puts it outside the "
        "years 1 to 9999 in UTC; correct its date or offset in the file"),)


@pytest.mark.parametrize("table", ["entryversion", "ev_view"])
def test_each_row_without_an_entry_id_is_an_article_of_its_own(tmp_path: Path,
                                                                table: str) -> None:
    """Rows with a NULL entry id were read as one article, "entry 'None'", of which a row
    repeating another's version number was left out."""
    path = make_database(tmp_path / "null.db", NEWSEDITS_TABLE, [
        (1, None, 0, "A", "https://y.test/a", "s", "2020-01-01", 1, "<p>One.</p>"),
        (2, 5, 0, "C", "https://y.test/c", "s", "2020-01-01", 1, "<p>C.</p>"),
        (3, None, 0, "B", "https://y.test/b", "s", "2020-01-02", 1, "<p>Other.</p>"),
    ])
    if table == "ev_view":  # read whole, without rowids
        connection = sqlite3.connect(path)
        connection.executescript("ALTER TABLE entryversion RENAME TO ev; "
                                 "CREATE VIEW entryversion AS SELECT * FROM ev;")
        connection.close()
    articles = DatabaseArticles(path)
    assert len(articles) == 3
    entry, first, second = articles
    assert entry.metadata == {"entry_id": "5"} and entry.warnings == ()
    assert [(a.url, a.metadata) for a in (first, second)] == [("https://y.test/a", {}),
                                                             ("https://y.test/b", {})]
    if table == "entryversion":
        (warning,) = first.warnings
        assert warning == ("the row with rowid 1 without an entry id (entry_id is NULL) is read "
                           "as an article of its own")
    assert all(len(a.warnings) == 1 for a in (first, second))


def test_text_stored_as_bytes_is_read_as_text(tmp_path: Path) -> None:
    """A BLOB summary became its Python form, `b'\\xff\\xfe binary'`, as the version's text."""
    path = make_database(tmp_path / "blobs.db", NEWSEDITS_TABLE, [
        (2, 2, 0, b"Caf\xc3\xa9", b"https://y.test/b", "s", "2020-01-02", 2, b"\xff binary"),
        (3, 2, 1, "Caf\u00e9", "https://y.test/b", "s", "2020-01-03", 2, "<p>One.</p>"),
    ])
    (article,) = read_database(path)
    assert [(v.title, v.paragraphs) for v in article.versions] == [
        ("Caf\u00e9", ("\ufffd binary",)), ("Caf\u00e9", ("One.",))]
    assert article.url == "https://y.test/b"
    assert article.warnings == (
        "entry 2 version 0: summary holds bytes that are not UTF-8; bad bytes replaced with \ufffd",)


def test_text_that_is_not_utf8_is_read_with_its_bad_bytes_replaced(tmp_path: Path) -> None:
    """A TEXT cell holding bytes that are not UTF-8 (SQLite checks nothing) stopped the reading of
    the whole file: `cannot read entryversion (Could not decode to UTF-8 ...)`, every article
    lost, with --skip-errors too."""
    path = make_database(tmp_path / "latin1.db", NEWSEDITS_TABLE, [
        (2, 2, 0, "Caf\u00e9", "https://y.test/b", "s", "2020-01-02", 2, "<p>One.</p>"),
        (3, 2, 1, "Caf\u00e9", "https://y.test/b", "s", "2020-01-03", 2, "<p>One more.</p>"),
    ])
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE entryversion SET title = CAST(x'436166e9' AS TEXT) WHERE id = 2")
    (article,) = read_database(path)
    assert [v.title for v in article.versions] == ["Caf\ufffd", "Caf\u00e9"]
    assert article.warnings == (
        "entry 2 version 0: title holds bytes that are not UTF-8; bad bytes replaced with \ufffd",)


def test_a_relative_time_as_revdiffs_export_writes_it_is_kept_without_a_warning(
        tmp_path: Path) -> None:
    # versions read from flattened pages know only "about 1 hour later": the export writes that
    # into `created`, and reading the export back warned "... is not a time" on every version
    path = make_database(tmp_path / "export.db", NEWSEDITS_TABLE, [
        (1, 7, 0, "A", "https://y.test/c", "s", None, 2, "<p>One.</p>"),
        (2, 7, 1, "A", "https://y.test/c", "s", "about 1 hour later", 2, "<p>Two.</p>"),
    ])
    (article,) = read_database(path)
    assert [v.time_text for v in article.versions] == [None, "about 1 hour later"]
    assert article.warnings == ()


def test_a_time_from_naming_the_version_itself_is_warned_of(tmp_path: Path) -> None:
    """A `time_from` of revdiff's export naming the row's own version was read as it is,
    silently: the version's time was shown counted from itself."""
    out = exported_time_from_page(tmp_path)
    with sqlite3.connect(out) as connection:
        connection.execute("UPDATE entryversion SET time_from = 2 WHERE version = 2")
    connection.close()
    (article,) = read_database(out)
    assert [v.time_from for v in article.versions] == [None, None]
    assert [w for w in article.warnings if w.startswith("entry 0")] == [
        ("entry 0 version 2: time_from 2 names the version itself; its time is read as counted "
         "from the version before it")]


@pytest.mark.parametrize(("number", "told", "time_from", "side"), [
    (0, "about 3 hours later", 2, "after"), (2, "about 3 hours earlier", 0, "before")])
def test_a_time_from_on_the_wrong_side_for_its_time_is_warned_of(
        tmp_path: Path, number: int, told: str, time_from: int, side: str) -> None:
    """A `time_from` naming a later version for a time `... later` (or an earlier one for
    `... earlier`) was read as it is, silently: the time cannot count from that version."""
    out = exported_time_from_page(tmp_path)
    with sqlite3.connect(out) as connection:
        connection.execute("UPDATE entryversion SET created = NULL, time_text = NULL, "
                           "time_from = NULL")
        connection.execute("UPDATE entryversion SET created = ?, time_text = ?, time_from = ? "
                           "WHERE version = ?", (told, told, time_from, number))
    connection.close()
    (article,) = read_database(out)
    assert [v.time_from for v in article.versions] == [None, None]
    assert [w for w in article.warnings if w.startswith("entry 0")] == [
        (f"entry 0 version {number}: time_from {time_from} names a version {side} it, which "
         f"'{told}' cannot count from; its time is read as counted from the version "
         f"{'after' if told.endswith('earlier') else 'before'} it")]


def test_a_time_from_naming_a_version_cut_from_the_entry_is_shown_beside_no_other(
        tmp_path: Path) -> None:
    """Version 3's time counted from version 1, which the entry has not (its row cut): it was
    warned of and read as counted from version 2, so `about 1 hour later` was shown after
    version 2. It counts from a version not given: kept, and shown beside none."""
    out = exported_time_from_page(tmp_path)
    with sqlite3.connect(out) as connection:
        connection.execute(
            "INSERT INTO entryversion (entry_id, version, title, url, source, created, "
            "num_versions, summary, article, time_text, time_from) SELECT entry_id, 3, title, "
            "url, source, 'about 1 hour later', num_versions, summary, article || ' Last.', "
            "'about 1 hour later', 1 FROM entryversion WHERE version = 2")
    connection.close()
    (article,) = read_database(out)
    assert [v.number for v in article.versions] == [0, 2, 3]
    assert [w for w in article.warnings if w.startswith("entry 0")] == []
    assert article.versions[2].time_from == 1
    assert time_text_after(article.versions[2], article.versions[1]) is None


def test_a_date_alone_is_kept_as_the_date_without_a_warning(tmp_path: Path) -> None:
    """`2024-02-01`, as revdiff's export writes a version whose file name gave its date alone,
    was read as the time 2024-02-01T00:00:00: reading the export back invented a midnight."""
    path = make_database(tmp_path / "dates.db", NEWSEDITS_TABLE, [
        (1, 7, 0, "A", "https://y.test/c", "s", "2024-02-01", 2, "<p>One.</p>"),
        (2, 7, 1, "A", "https://y.test/c", "s", "2024-02-31", 2, "<p>Two.</p>"),
    ])
    (article,) = read_database(path)
    assert [(v.time, v.time_text) for v in article.versions] == [
        (None, "2024-02-01"), (None, "2024-02-31")]
    assert article.warnings == ("entry 7 version 1: created '2024-02-31' is not a time",)


def test_other_column_names_are_named_in_warnings(tmp_path: Path) -> None:
    path = make_database(
        tmp_path / "variant.db",
        "CREATE TABLE entryversion (article_id TEXT, num TEXT, headline TEXT, body TEXT, "
        "date TEXT)",
        [("a", "1", None, None, "soon")])
    (article,) = read_database(path)
    assert article.warnings == (
        "entry 'a' version 1: headline is NULL, read as empty",
        "entry 'a' version 1: body is NULL, read as no text",
        "entry 'a' version 1: date 'soon' is not a time",
    )


def test_a_table_without_title_or_created_gives_no_warning(tmp_path: Path) -> None:
    path = make_database(tmp_path / "bare.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(1, 0, "a"), (1, 1, "b")])
    (article,) = read_database(path)
    assert article.warnings == ()


def test_a_time_that_goes_back_is_kept_in_version_order_and_warned_of(tmp_path: Path) -> None:
    path = make_database(tmp_path / "back.db", NEWSEDITS_TABLE, [
        (1, 7, 0, "A", None, None, "2020-01-02T00:00:00", 3, "One."),
        (2, 7, 1, "B", None, None, "2020-01-01T00:00:00", 3, "Two."),
        (3, 7, 2, "C", None, None, "2020-01-03T00:00:00+00:00", 3, "Three."),  # has a zone
        (4, 7, 3, "D", None, None, "2001-09-09T01:46:40+00:00", 3, "Four."),
    ])
    (article,) = read_database(path)
    assert [v.number for v in article.versions] == [0, 1, 2, 3]
    assert article.warnings == (
        ("entry 7: version 1 is dated before version 0 (created 2020-01-01 00:00:00 < "
         "2020-01-02 00:00:00); kept in version order"),
        ("entry 7: version 3 is dated before version 2 (created 2001-09-09 01:46:40+00:00 < "
         "2020-01-03 00:00:00+00:00); kept in version order"),
    )


def test_repeated_version_numbers_read_the_first_written_row(tmp_path: Path) -> None:
    path = make_database(tmp_path / "dup.db", NEWSEDITS_TABLE, [
        (9, 1, 1, "Later", None, None, None, 2, "b"),
        (5, 1, 0, "First", None, None, None, 2, "a"),
        (6, 1, 0, "Second", None, None, None, 2, "a2"),
        (7, 1, 0, "Third", None, None, None, 2, "a3"),
        (8, 2, 0, "Same", None, None, None, 1, "x"),
        (10, 2, 0, "Same", None, None, None, 1, "x"),
    ])
    first, second = read_database(path)
    assert [(v.number, v.title, v.paragraphs) for v in first.versions] == [
        (0, "First", ("a",)), (1, "Later", ("b",))]
    assert first.warnings == (("entry 1 has 3 rows for version 0: the first written (rowid 5) "
                               "is read, the others (rowid 6, 7) left out"),)
    assert [v.title for v in second.versions] == ["Same"]
    assert second.warnings == (("entry 2 has 2 rows for version 0: the first written (rowid 8) "
                                "is read, the other (rowid 10) left out (same title and text)"),)


def test_repeated_version_numbers_in_a_table_without_rowid(tmp_path: Path) -> None:
    path = make_database(
        tmp_path / "norowid.db",
        "CREATE TABLE entryversion (entry_id INT, version TEXT, summary TEXT, "
        "PRIMARY KEY (entry_id, version)) WITHOUT ROWID",
        [(1, "0", "a"), (1, "00", "b"), (1, "1", "c")])
    (article,) = read_database(path)
    assert [(v.number, v.paragraphs) for v in article.versions] == [(0, ("a",)), (1, ("c",))]
    assert article.warnings == (
        "entry 1 has 2 rows for version 0: the first is read, 1 other left out",)


def test_warnings_quote_cells_with_control_characters_escaped(tmp_path: Path) -> None:
    path = make_database(tmp_path / "control.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, "\x1b[2J\u202enot\r a time", 1, "a")])
    (article,) = read_database(path)
    assert article.warnings == (
        r"entry 1 version 0: created '\x1b[2J\u202enot\r a time' is not a time",)
    assert article.versions[0].time_text == "\x1b[2J\u202enot\r a time"  # the text as stored


def test_parse_lists_the_warnings_and_diff_prints_them_escaped(tmp_path: Path) -> None:
    path = make_database(tmp_path / "cli.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", None, None, "2020-01-02T00:00:00", 2, "One."),
        (2, 1, 1, None, None, None, "\x1b[31mlater", 2, "Two."),
    ])
    parsed = subprocess.run(
        [sys.executable, "-m", "revdiff", "parse", str(path), "--format", "json"],
        capture_output=True, text=True, check=True)
    assert json.loads(parsed.stdout)[0]["warnings"] == [
        "entry 1 version 1: title is NULL, read as empty",
        "entry 1 version 1: created '\\x1b[31mlater' is not a time",
    ]
    diffed = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(path)],
                            capture_output=True, text=True, check=True)
    assert f"{path}: entry 1 version 1: title is NULL, read as empty" in diffed.stderr
    assert "created '\\x1b[31mlater' is not a time" in diffed.stderr
    assert "\x1b" not in diffed.stderr


@pytest.mark.parametrize("kept", [5000, 30000])
def test_a_file_cut_short_is_refused_saying_to_copy_it_again(tmp_path: Path, kept: int) -> None:
    """The hint listed the database kinds revdiff reads; a file cut inside its last page was
    even said to have changed while it was read."""
    path = tmp_path / "cut.db"
    path.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes()[:kept])
    with pytest.raises(MalformedPage, match=f"cut short: it holds {kept:,} of its 32,768 "
                                            "bytes") as refused:
        read_database(path)
    assert refused.value.hint == "the file is damaged or cut short; copy it again"


def test_a_damaged_file_is_refused_saying_to_copy_it_again(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    whole = (SAMPLES / "newsedits.sqlite").read_bytes()
    path.write_bytes(whole[:50])  # cut inside the header: no size to compare with
    with pytest.raises(MalformedPage, match="not a readable SQLite database") as refused:
        read_database(path)
    assert refused.value.hint == "the file is damaged or cut short; copy it again"


def test_a_damaged_table_is_refused_saying_to_copy_it_again(tmp_path: Path) -> None:
    """A file whose header reads but one of whose tables is damaged was refused without a hint:
    `cannot read entryversion (database disk image is malformed)`, and nothing to do."""
    path = tmp_path / "damaged.db"
    whole = bytearray((SAMPLES / "newsedits.sqlite").read_bytes())
    with sqlite3.connect(SAMPLES / "newsedits.sqlite") as connection:
        root_page, = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'entryversion'").fetchone()
    page_size = int.from_bytes(whole[16:18], "big")
    whole[(root_page - 1) * page_size] = 0x77  # the table's page no longer says what it is
    path.write_bytes(whole)
    with pytest.raises(MalformedPage, match="cannot read entryversion") as refused:
        read_database(path)
    assert refused.value.hint == "the file is damaged or cut short; copy it again"


def test_a_wal_database_in_a_read_only_folder_is_read(tmp_path: Path) -> None:
    """SQLite needs the `-shm` file of a WAL database even to read it: in a folder the user may
    not write, the database was "not a readable SQLite database". Run without root's rights
    (`unshare -U`), as root may write any folder."""
    folder = tmp_path / "shared"
    folder.mkdir()
    database = folder / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=wal")
    connection.close()
    database.chmod(0o444)
    folder.chmod(0o555)
    command = ["unshare", "-U", sys.executable, "-m", "revdiff", "parse", str(database),
               "--format", "text"]
    try:
        allowed = subprocess.run(["unshare", "-U", "true"], check=False, capture_output=True)
        if allowed.returncode != 0:
            pytest.skip("unshare -U is not allowed here")
        result = subprocess.run(command, check=False, capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("no unshare command")
    finally:
        folder.chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "US sends 700 more troops" in result.stdout


def test_a_wal_database_whose_shared_memory_file_cannot_be_made_is_read_as_immutable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a read-only mount SQLite says "unable to open database file", not "readonly", when it
    cannot make a WAL database's `-shm`; that file was refused as no readable database."""
    database = tmp_path / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=wal")
    connection.close()
    connect = sqlite_schema._connected

    def without_shared_memory(uri: str) -> sqlite3.Connection:
        if "immutable=1" not in uri:
            raise sqlite3.OperationalError("unable to open database file")
        return connect(uri)

    monkeypatch.setattr(sqlite_schema, "_connected", without_shared_memory)
    assert read_database(database)[0].versions[0].title.startswith("US sends 700 more troops")
    database.with_name("ne.sqlite-wal").write_bytes(b"")  # an empty journal holds no change
    assert read_database(database)[0].versions[0].title.startswith("US sends 700 more troops")
    database.with_name("ne.sqlite-wal").unlink()
    database.write_bytes(database.read_bytes()[:18] + b"\x01\x01" + database.read_bytes()[20:])
    with pytest.raises(MalformedPage, match="not a readable SQLite database"):
        read_database(database)  # a file in rollback mode has no -shm to miss


def test_a_wal_database_is_read_without_making_files_beside_it(tmp_path: Path) -> None:
    """SQLite made an empty `-wal` and a `-shm` beside a WAL database it read, and left them
    there: reading a dataset wrote two files into its folder."""
    database = tmp_path / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=wal")
    connection.close()
    before = (database.read_bytes(), database.stat().st_mtime_ns)
    assert read_database(database)[0].versions[0].title.startswith("US sends 700 more troops")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ne.sqlite"]
    assert (database.read_bytes(), database.stat().st_mtime_ns) == before


def test_a_wal_database_with_a_leftover_shm_and_no_wal_is_read_making_nothing(
        tmp_path: Path) -> None:
    """A WAL database copied with its `-shm` but no `-wal` (no one has it open): SQLite read it
    through the `-shm` and made an empty `-wal` beside it, in the input's folder."""
    database = tmp_path / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode=wal")
    connection.close()
    database.with_name("ne.sqlite-shm").write_bytes(b"\0" * 32768)  # left by a crashed reader
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert read_database(database)[0].versions[0].title.startswith("US sends 700 more troops")
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before


def test_a_wal_file_with_changes_but_no_shm_beside_it_is_refused_making_nothing(
        tmp_path: Path) -> None:
    """A database and its `-wal` copied without the `-shm`: SQLite read the changes only by
    making a `-shm` beside them, and left it in the input's folder."""
    database = wal_copied_without_shm(tmp_path)
    with pytest.raises(MalformedPage, match="changes in ne.sqlite-wal can be read only by making"):
        read_database(database)
    assert sorted(p.name for p in database.parent.iterdir()) == ["ne.sqlite", "ne.sqlite-wal"]


def test_a_wal_database_named_through_a_link_in_another_folder_is_read_with_its_wal(
        tmp_path: Path) -> None:
    """SQLite keeps a database's `-wal` and `-shm` beside the file a symbolic link leads to,
    not beside the link: revdiff looked for them beside the link, found none, and read the
    database as immutable, without the changes in its `-wal` that SQLite itself reads."""
    real_folder, link_folder = tmp_path / "real", tmp_path / "elsewhere"
    real_folder.mkdir()
    link_folder.mkdir()
    database = real_folder / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    (link_folder / "ne.sqlite").symlink_to(database)
    writer = sqlite3.connect(database)
    try:
        writer.execute("PRAGMA journal_mode=wal")
        writer.execute("PRAGMA wal_autocheckpoint=0")  # the new rows stay in the -wal
        writer.execute("INSERT INTO entryversion (entry_id, version, title, summary) VALUES "
                       "(99, 0, 'Only in the wal', 'First.'), (99, 1, 'Only in the wal', "
                       "'Second.')")
        writer.commit()
        titles = [article.versions[0].title
                  for article in read_database(link_folder / "ne.sqlite")]
    finally:
        writer.close()
    assert "Only in the wal" in titles
    assert sorted(p.name for p in link_folder.iterdir()) == ["ne.sqlite"]


def test_changes_in_the_wal_of_a_linked_database_without_its_shm_are_refused(
        tmp_path: Path) -> None:
    """A database and its `-wal` copied without the `-shm`, named through a link in another
    folder, was read as immutable, its changes left out, where named itself it is refused; the
    refusal names the `-wal` by its whole path, as it lies out of the folder of the name given."""
    writer_folder, folder, link_folder = tmp_path / "writer", tmp_path / "copied", tmp_path / "l"
    for made in (writer_folder, folder, link_folder):
        made.mkdir()
    writer = sqlite3.connect(writer_folder / "ne.sqlite")
    writer.execute("PRAGMA journal_mode=wal")
    writer.execute("CREATE TABLE entryversion (entry_id, version, summary)")
    writer.execute("INSERT INTO entryversion VALUES (1, 0, 'A.'), (1, 1, 'B.')")
    writer.commit()
    for name in ("ne.sqlite", "ne.sqlite-wal"):  # copied while the writer has them open
        (folder / name).write_bytes((writer_folder / name).read_bytes())
    writer.close()
    (link_folder / "news.db").symlink_to(folder / "ne.sqlite")
    wal = re.escape(str(folder / "ne.sqlite-wal"))
    with pytest.raises(MalformedPage, match=f"changes in {wal} can be read only by making"):
        read_database(link_folder / "news.db")
    assert sorted(p.name for p in folder.iterdir()) == ["ne.sqlite", "ne.sqlite-wal"]


def test_a_title_of_white_space_names_no_article() -> None:
    """It became the article's name ("   "), where an input name stands in for no title."""
    article = Article(None, None, (Version(0, "   ", ("A.",)), Version(1, "   ", ("B.",))))
    assert article.key == ""
    assert article_ref(0, article, "n.sqlite#7").name == "n.sqlite#7"


def test_a_row_without_a_version_number_is_left_out_and_the_entry_read(tmp_path: Path) -> None:
    path = make_database(tmp_path / "null.db", NEWSEDITS_TABLE, [
        (1, 2, None, "A", "https://y.test/b", "s", None, 2, "<p>Lost.</p>"),
        (2, 2, 0, "A", "https://y.test/b", "s", None, 2, "<p>One.</p>"),
        (3, 2, 1, "A", "https://y.test/b", "s", None, 2, "<p>Two.</p>"),
    ])
    (article,) = read_database(path)
    assert [v.paragraphs for v in article.versions] == [("One.",), ("Two.",)]
    assert article.warnings == (
        "entry 2: the row with rowid 1 is left out: its version NULL is not a version number",)


def test_an_entry_without_a_version_number_is_refused_and_skipped_alone(tmp_path: Path) -> None:
    path = make_database(tmp_path / "none.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", "https://y.test/a", "s", None, 2, "<p>One.</p>"),
        (2, 1, 1, "A", "https://y.test/a", "s", None, 2, "<p>Two.</p>"),
        (3, 2, "first", "B", "https://y.test/b", "s", None, 2, "<p>Lost.</p>"),
    ])
    no_version_number = ("entry 2: no row has a version number (a whole number from 0, of at most 15 digits)"
                         " in version")
    with pytest.raises(MalformedPage, match=re.escape(no_version_number)):
        read_database(path)
    with skipping_bad_articles() as skipped:
        (article,) = read_database(path)
    assert article.url == "https://y.test/a"
    assert len(skipped) == 1
    # the note of `export --skip-errors` told the user to rerun with --skip-errors
    result = subprocess.run([sys.executable, "-m", "revdiff", "export", str(path), "--skip-errors",
                             "-o", str(tmp_path / "out.jsonl")], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    (note,) = [line for line in result.stderr.splitlines() if line.startswith("revdiff: skipped")]
    assert no_version_number in note
    assert "--skip-errors" not in note
    # nor may the error of a command without --skip-errors offer it
    parsed = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(path)],
                            capture_output=True, text=True, check=False)
    assert parsed.returncode == 2
    assert "(write a version number in its rows, or delete them)" in parsed.stderr
    assert "--skip-errors" not in parsed.stderr


def test_times_in_milliseconds_are_read_and_times_out_of_range_kept_as_text(
        tmp_path: Path) -> None:
    path = make_database(tmp_path / "times.db",
                         "CREATE TABLE entryversion (entry_id, version, created, summary)", [
                             (1, 0, 1578000000000, "a"), (1, 1, 10 ** 18, "b"),
                             (1, 2, "9999-12-31T23:00-05:00", "c")])  # year 10000 in UTC
    (article,) = read_database(path)
    assert article.versions[0].time == datetime(2020, 1, 2, 21, 20, tzinfo=UTC)
    assert [v.time_text for v in article.versions] == [None, "1000000000000000000",
                                                       "9999-12-31T23:00-05:00"]
    assert [warning.split(": created ")[0] for warning in article.warnings] == [
        "entry 1 version 1", "entry 1 version 2"]
    assert all(" is not a time" in warning for warning in article.warnings)


def test_an_entry_id_written_as_number_and_as_text_is_one_entry(tmp_path: Path) -> None:
    # a file put together from a CSV file may hold `1` in some rows and `'1'` in others
    path = make_database(tmp_path / "mixed.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(1, 0, "a"), (2, 0, "x"), ("1", 1, "b"), (1.0, 2, "c")])
    first, second = read_database(path)
    assert [v.paragraphs for v in first.versions] == [("a",), ("b",), ("c",)]
    assert first.warnings == ("entry 1 is written as '1', 1, 1.0 in entry_id: read as one entry",)
    assert second.metadata["entry_id"] == "2"


def test_an_entry_id_stored_as_a_blob_is_read_as_text(tmp_path: Path) -> None:
    # its Python form, `b'story-7'`, was the entry_id and named the entry in warnings
    path = make_database(tmp_path / "blobs.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(b"story-7", 0, "a"), (b"story-7", "x", "lost"), (b"\xffid", 0, "b")])
    story, bad_bytes = read_database(path)
    assert story.metadata == {"entry_id": "story-7"}
    assert story.warnings == (
        "entry 'story-7': the row with rowid 2 is left out: its version 'x' is not a version number",)
    assert bad_bytes.metadata == {"entry_id": "\ufffdid"}
    assert bad_bytes.warnings == (
        "entry '\ufffdid': entry_id holds bytes that are not UTF-8; bad bytes replaced with �",)


def test_an_entry_id_stored_as_a_blob_is_the_entry_of_its_text(tmp_path: Path) -> None:
    # the blob b'1' was an entry of its own beside 1, and b'story' beside 'story', where NYTdiff
    # and diffengine read a BLOB id as the text it holds
    path = make_database(tmp_path / "blobs.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(1, 0, "a"), (b"1", 1, "b"), ("story", 0, "c"), (b"story", 1, "d")])
    number, story = read_database(path)
    assert [v.paragraphs for v in number.versions] == [("a",), ("b",)]
    assert number.warnings == ("entry 1 is written as 1, BLOB '1' in entry_id: read as one entry",)
    assert [v.paragraphs for v in story.versions] == [("c",), ("d",)]
    assert story.metadata == {"entry_id": "story"}
    assert story.warnings == (
        "entry 'story' is written as 'story', BLOB 'story' in entry_id: read as one entry",)


@pytest.mark.parametrize("table", [
    "CREATE TABLE entryversion (entry_id, version, summary)",
    ("CREATE TABLE entryversion (entry_id, version, summary, PRIMARY KEY (entry_id, version)) "
     "WITHOUT ROWID")])
def test_entries_of_text_ids_come_in_the_order_of_their_numbers(tmp_path: Path, table: str) -> None:
    # SQLite orders text by its characters: `Story 10` came before `Story 2`, and integers before
    # all text; the app's list, `parse` and `export` showed the entries in that order
    ids = ["Story 10", "story 3", "Story 2", 11, "Story 1", 9]
    path = make_database(tmp_path / "ids.db", table,
                         [(entry, version, f"{entry} v{version}") for entry in ids for version in (0, 1)])
    read = [article.metadata["entry_id"] for article in read_database(path)]
    assert read == ["9", "11", "Story 1", "Story 2", "story 3", "Story 10"]


def test_whole_numbers_written_as_floats_are_the_numbers_they_spell(tmp_path: Path) -> None:
    # a CSV file written by pandas from a column with a gap holds `1.0`; sqlite3's .import keeps
    # it as text, and every row was refused as "not a version number"
    path = make_database(tmp_path / "floats.db",
                         "CREATE TABLE entryversion (entry_id, version TEXT, num_versions, summary)",
                         [("1.0", "0.0", "3.0", "a"), (1, "1.", 3, "b"), ("1", " 2.00 ", 3.0, "c"),
                          (1, "1.5", 3, "lost")])
    (article,) = read_database(path)
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (0, ("a",)), (1, ("b",)), (2, ("c",))]
    assert article.changes == 3
    assert article.warnings == (
        "entry 1 is written as '1', '1.0', 1 in entry_id: read as one entry",
        "entry 1: the row with rowid 4 is left out: its version '1.5' is not a version number")


@pytest.mark.parametrize(("cell", "number"), [
    (1, 1), (1.0, 1), ("1.0", 1), ("2.", 2), (" 3 ", 3), (b"4.0", 4), ("0", 0),
    ("1.5", None), (1.5, None), ("-1", None), (-1, None), ("²", None), (True, None),
    ("1e3", None), ("", None), (".0", None), (10**15, None), ("1" * 16, None),
    ("0" * 15 + "1", 1), pytest.param("0" * 5000 + "7.0", 7, id="5000 zeros, 7.0"), ("000", 0),
    pytest.param("0" * 5000 + "1" * 16, None, id="5000 zeros, 16 ones"),
    (float("inf"), None)])
def test_an_integer_cell_is_a_whole_number_or_none(cell: object, number: int | None) -> None:
    assert sqlite_schema.cell_int(cell) == number


def test_the_size_limit_is_each_versions_not_the_files(tmp_path: Path) -> None:
    text = "<p>" + "word " * 400 + "</p>"  # 2K a version, 8K in all and more with the file
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(entry, version, text) for entry in (1, 2) for version in (0, 1)])
    assert path.stat().st_size > 4096
    assert len(read_database(path, max_bytes=4096)) == 2
    with pytest.raises(InputTooLarge, match=r"entry 1 version 0 is 2K .* limit of 1K") as error:
        read_database(path, max_bytes=1024)
    assert "if this is really one version" in str(error.value)


def test_a_value_too_long_for_sqlite_to_make_fails_its_article_alone(tmp_path: Path) -> None:
    """A value longer than SQLite makes for this size limit (twice it and a megabyte) stopped the
    reading of the whole file, naming no entry: `export --skip-errors` left out every article
    after it, where the size limit is each version's."""
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(1, 0, "a"), (1, 1, "b"), (2, 0, "c"), (2, 1, "x" * 1_100_000),
                          (3, 0, "e"), (3, 1, "f")])
    with pytest.raises(InputTooLarge, match=r"outlet\.db: entry 2 version 1 \(the row with rowid "
                                            r"4\) holds a value longer than 1M \(1,050,624 "
                                            r"bytes\), over the size limit of 1K") as error:
        read_database(path, max_bytes=1024)
    assert "if this is really one version" in str(error.value)
    with skipping_bad_articles() as skipped:
        read = read_database(path, max_bytes=1024)
    assert [article.metadata["entry_id"] for article in read] == ["1", "3"]
    assert len(skipped) == 1 and "outlet.db: entry 2 version 1 " in str(skipped[0])


def test_a_created_too_long_for_sqlite_to_make_fails_its_article_alone(tmp_path: Path) -> None:
    """Looking for time zones read every `created` with letters in it when the file was opened,
    and one longer than SQLite makes for the size limit refused the whole file, naming no entry."""
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary, created)",
                         [(1, 0, "a", None), (1, 1, "b", None),
                          (2, 0, "c", "Mon " + "x" * 1_200_000), (2, 1, "d", None),
                          (3, 0, "e", "Mon, 01 Jan 2024 10:00:00 CET"), (3, 1, "f", None)])
    with pytest.raises(InputTooLarge, match=r"outlet\.db: entry 2 version 0 \(the row with rowid "
                                            r"3\) holds a value longer than 1M"):
        read_database(path, max_bytes=1024)
    with skipping_bad_articles() as skipped:
        read = read_database(path, max_bytes=1024)
    assert [article.metadata["entry_id"] for article in read] == ["1", "3"]
    assert len(skipped) == 1 and "outlet.db: entry 2 version 0 " in str(skipped[0])
    assert read[0].warnings == ()
    assert read[1].warnings[0].startswith("entry 3: created names a time zone that is not read "
                                          "(unknown or ambiguous): 'CET' (version 0); ")


def test_an_entry_id_too_long_for_sqlite_to_make_fails_its_rows_alone(tmp_path: Path) -> None:
    """Listing the entries read every entry id, and one longer than SQLite makes for the size
    limit refused the whole file, naming no row."""
    long_id = "x" * 1_200_000
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(1, 0, "a"), (1, 1, "b"), (long_id, 0, "c"), (long_id, 1, "d"),
                          (3, 0, "e"), (3, 1, "f")])
    articles = DatabaseArticles(path, max_bytes=1024)
    assert len(articles) == 3
    with pytest.raises(InputTooLarge, match=r"outlet\.db: the rows with rowid 3, 4 hold an "
                                            r"entry_id longer than 1M \(1,050,624 bytes\), over "
                                            r"the size limit of 1K") as error:
        read_database(path, max_bytes=1024)
    assert "if this is really an entry id" in str(error.value)
    with skipping_bad_articles() as skipped:
        read = read_database(path, max_bytes=1024)
    assert [article.metadata["entry_id"] for article in read] == ["1", "3"]
    assert len(skipped) == 1 and "rowid 3, 4" in str(skipped[0])


def test_a_value_too_long_in_a_table_read_whole_names_the_table_and_what_to_do(
        tmp_path: Path) -> None:
    """A table WITHOUT ROWID is read whole when it is opened: a value longer than SQLite makes
    for the size limit cannot be told to its entry, and the error said so of no table."""
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary, "
                         "PRIMARY KEY (entry_id, version)) WITHOUT ROWID",
                         [(1, 0, "a"), (1, 1, "b"), (2, 0, "c"), (2, 1, "x" * 1_200_000)])
    with pytest.raises(InputTooLarge) as error:
        read_database(path, max_bytes=1024)
    assert error.value.message == (
        "entryversion is read whole (a table WITHOUT ROWID) and holds a value longer than 1M "
        "(1,050,624 bytes), over the size limit of 1K: which entry holds it cannot be told")
    assert error.value.hint is not None and "copy its rows into a table with rowids" \
        in error.value.hint


def test_a_value_too_long_in_a_table_whose_columns_hide_its_rowid_says_why_and_what_to_do(
        tmp_path: Path) -> None:
    """A table whose columns take all of SQLite's names for the rowid is read whole too: the
    error called it a table WITHOUT ROWID or a view, and told to copy its rows into a table with
    rowids, which a copy of its columns hides again."""
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary, rowid, _rowid_, "
                         "oid)",
                         [(1, 0, "a", 0, 0, 0), (2, 0, "x" * 1_200_000, 0, 0, 0)])
    with pytest.raises(InputTooLarge) as error:
        read_database(path, max_bytes=1024)
    assert error.value.message.startswith(
        "entryversion is read whole (its columns rowid, _rowid_ and oid hide its rowids) and "
        "holds a value longer than 1M")
    hint = error.value.hint
    assert hint is not None and "copy its rows" not in hint
    rename = re.search(r"ALTER TABLE [^)]*", hint)
    assert rename is not None
    # done as it says, the file is read an article at a time, the entry of the value named
    with sqlite3.connect(path) as connection:
        connection.execute(rename.group())
    connection.close()
    with pytest.raises(InputTooLarge, match=r"entry 2 version 0 \(the row with rowid 2\)"):
        read_database(path, max_bytes=1024)


def test_a_database_is_read_an_article_at_a_time(tmp_path: Path) -> None:
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(entry, version, f"text {entry}.{version}")
                          for entry in range(3) for version in range(2)])
    articles = DatabaseArticles(path)
    assert len(articles) == 3
    read = iter(articles)
    assert next(read).versions[1].paragraphs == ("text 0.1",)
    # the rest is read as it is asked for: a row changed now is read as it is now
    connection = sqlite3.connect(path)
    connection.execute("UPDATE entryversion SET summary = 'changed' WHERE entry_id = 2")
    connection.commit()
    connection.close()
    assert [a.versions[0].paragraphs for a in read] == [("text 1.0",), ("changed",)]


def test_a_view_named_entryversion_is_read(tmp_path: Path) -> None:
    # a view's rowid is NULL: every entry was read as no rows, and the file as no article
    path = make_database(tmp_path / "view.db", "CREATE TABLE raw (entry_id, version, summary)",
                         [(1, 0, "a"), (1, 1, "b"), (2, 0, "c"), (2, 1, "d")])
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE VIEW entryversion AS SELECT * FROM raw")
    connection.close()
    assert [[v.paragraphs for v in a.versions] for a in read_database(path)] == [
        [("a",), ("b",)], [("c",), ("d",)]]


def test_a_file_changed_while_it_is_read_is_refused(tmp_path: Path) -> None:
    path = make_database(tmp_path / "outlet.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(entry, version, "text") for entry in range(3) for version in range(2)])
    articles = iter(DatabaseArticles(path))
    next(articles)
    with sqlite3.connect(path) as connection:  # rows of entry 2 gone, their rowids taken by others
        connection.execute("DELETE FROM entryversion WHERE entry_id = 2")
        connection.execute("INSERT INTO entryversion (rowid, entry_id, version, summary) "
                           "VALUES (5, 9, 0, 'x')")
    connection.close()
    next(articles)
    with pytest.raises(MalformedPage, match="the file changed while it was read "
                                            r"\(the rows of entry 2 are gone"):
        next(articles)


def test_times_written_as_text_in_a_text_column_are_read(tmp_path: Path) -> None:
    # NewsEdits declares `created` TEXT: SQLite keeps an inserted number there as text
    path = make_database(tmp_path / "text.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", "https://y.test/a", "s", 1577836800000, 3, "<p>One.</p>"),
        (2, 1, 1, "A", "https://y.test/a", "s", 1577836800, 3, "<p>Two.</p>"),
        (3, 1, 2, "A", "https://y.test/a", "s", "20200101", 3, "<p>Three.</p>")])
    (article,) = read_database(path)
    assert [v.time for v in article.versions] == [
        datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 1, 1, tzinfo=UTC), datetime(2020, 1, 1)]


def test_times_with_a_fraction_written_as_text_in_a_text_column_are_read(tmp_path: Path) -> None:
    # a crawler that stores `time.time()` in NewsEdits' TEXT `created`: SQLite keeps it as text
    path = make_database(tmp_path / "fraction.db", NEWSEDITS_TABLE, [
        (1, 1, 0, "A", "https://y.test/a", "s", 1577836800.25, 2, "<p>One.</p>"),
        (2, 1, 1, "A", "https://y.test/a", "s", "1577836801000.5", 2, "<p>Two.</p>"),
        (3, 1, 2, "A", "https://y.test/a", "s", "99999999999999999.5", 2, "<p>Three.</p>")])
    (article,) = read_database(path)
    assert [v.time for v in article.versions] == [
        datetime(2020, 1, 1, 0, 0, 0, 250000, tzinfo=UTC),
        datetime(2020, 1, 1, 0, 0, 1, 500, tzinfo=UTC), None]
    assert article.versions[2].time_text == "99999999999999999.5"  # as written
    assert [w.split(": created ")[0] for w in article.warnings] == ["entry 1 version 2"]


def test_entry_ids_are_one_only_when_they_spell_one_number(tmp_path: Path) -> None:
    path = make_database(tmp_path / "ids.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [("007", 0, "a"), (7, 0, "b"), (9223372036854775807, 0, "c"),
                          ("9223372036854775807", 1, "d")])
    # `'007'` is text of its own, placed beside entry 7 (`_natural_order`)
    assert [[v.paragraphs for v in a.versions] for a in read_database(path)] == [
        [("b",)], [("a",)], [("c",), ("d",)]]


def test_reading_a_database_whole_keeps_the_file_limit(tmp_path: Path) -> None:
    # parse, diff and view hold every article at once: an outlet's file is refused, with the
    # command that reads it an article at a time
    database = SAMPLES / "newsedits.sqlite"
    size = database.stat().st_size
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(database),
                             "--max-size", str(size // 2)], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "for reading it whole" in line and "revdiff export reads a NewsEdits file" in line


def test_a_database_given_twice_is_read_once(tmp_path: Path) -> None:
    database = tmp_path / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    notes: list[str] = []
    articles = load([str(database), str(tmp_path / "." / "ne.sqlite")], notes=notes)
    assert len(articles) == len(load([str(database)]))
    assert notes == [f"{tmp_path / '.' / 'ne.sqlite'}: skipped, it is a database already read"]


@pytest.mark.parametrize("folder_first", [True, False])
def test_a_database_named_and_inside_a_folder_named_is_read_once(tmp_path: Path,
                                                                  folder_first: bool) -> None:
    # `parse` and `diff` read it twice, each article given twice, without a word
    folder = tmp_path / "outlets"
    folder.mkdir()
    database = folder / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    (folder / "other.sqlite").write_bytes(database.read_bytes())
    inputs = [str(folder), str(database)] if folder_first else [str(database), str(folder)]
    notes: list[str] = []
    articles = load(inputs, notes=notes)
    assert len(articles) == 2 * len(load([str(database)]))
    assert notes == [f"{database}: skipped, it is a database already read"]


def test_a_folder_holding_a_database_a_tracker_still_writes_is_read(tmp_path: Path) -> None:
    """SQLite keeps `-wal` and `-shm` files beside a database open in WAL mode: the folder was
    refused, as `ne.sqlite-shm: input is binary data`."""
    database = tmp_path / "ne.sqlite"
    database.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA journal_mode=wal")
    writer.execute("CREATE TABLE tracker_state (x)")
    writer.commit()
    try:
        assert {path.name for path in tmp_path.iterdir()} >= {"ne.sqlite-wal", "ne.sqlite-shm"}
        assert len(load([str(tmp_path)])) == len(load([str(database)]))
    finally:
        writer.close()


def test_an_entry_without_a_source_takes_the_one_its_url_names(tmp_path: Path) -> None:
    """A NewsEdits file without a `source` column, or with NULL or empty in it, exported `source`
    null for articles whose URL names the site, where EXPORT.md (and every other reader) gives
    News Sniffer's key for the URL's site, else its host without `www.`."""
    path = make_database(
        tmp_path / "nosource.db",
        "CREATE TABLE entryversion (entry_id, version, url, summary)",
        [(1, 0, "https://www.nytimes.com/2020/01/03/world/a.html", "One."),
         (1, 1, "https://www.nytimes.com/2020/01/03/world/a.html", "Two."),
         (2, 0, None, "One."), (2, 1, None, "Two.")],
    )
    with_url, without = read_database(path)
    assert with_url.source == "nyt" and without.source is None
    path = make_database(
        tmp_path / "nullsource.db",
        "CREATE TABLE entryversion (entry_id, version, url, source, summary)",
        [(1, 0, "https://www.example.org/x", None, "One."),
         (1, 1, "https://www.example.org/x", "", "Two."),
         (2, 0, "https://www.example.org/y", "wire", "One.")],
    )
    guessed, given_source = read_database(path)
    assert guessed.source == "example.org"
    assert given_source.source == "wire"  # the file's own source is kept
    assert article_ref(0, guessed, str(path)).source == "example.org"


@pytest.mark.parametrize("suffix", ["-journal"])
def test_a_fifo_beside_the_database_is_refused_not_waited_on(suffix: str, tmp_path: Path) -> None:
    """SQLite opens the `-journal` beside a database to see whether it is hot; a FIFO there
    (planted in an archive) made it wait forever."""
    import os
    import shutil

    database = tmp_path / "newsedits.sqlite"
    shutil.copy(SAMPLES / "newsedits.sqlite", database)
    os.mkfifo(tmp_path / f"newsedits.sqlite{suffix}")
    stderr = refused_at_once("parse", str(database), "--format", "text",
                             naming=f"newsedits.sqlite{suffix}")
    assert "FIFO" in stderr


def test_a_text_without_paragraphs_is_a_version_warned_of_as_a_null_one(tmp_path: Path) -> None:
    """An empty or white-space `summary` was read as a version without paragraphs without a word,
    where a NULL one is warned of: `diff` showed the whole text deleted, then added again."""
    path = make_database(tmp_path / "blank.db", NEWSEDITS_TABLE, [
        (2, 2, 0, "A", "https://y.test/b", "s", "2020-01-02T00:00:00", 3, "<p>One.</p>"),
        (3, 2, 1, "A", "https://y.test/b", "s", "2020-01-03T00:00:00", 3, " \n"),
        (4, 2, 2, "A", "https://y.test/b", "s", "2020-01-04T00:00:00", 3, "<p>One.</p>"),
    ])
    (article,) = read_database(path)
    assert [v.paragraphs for v in article.versions] == [("One.",), (), ("One.",)]
    assert article.warnings == (
        "entry 2 version 1: summary holds no text; kept as a version without paragraphs",)


def test_a_folder_of_another_trackers_database_and_text_names_them(tmp_path: Path) -> None:
    # the error called every tracker's database a NewsEdits one: a diffengine file beside notes
    # was refused as `NewsEdits databases and text files in one directory`
    (tmp_path / "diffengine.db").write_bytes((SAMPLES / "diffengine.db").read_bytes())
    (tmp_path / "notes.txt").write_text("What to check next.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages) as refused:
        load([str(tmp_path)])
    assert "NewsEdits" not in str(refused.value)
    assert "databases (diffengine.db) and text files (notes.txt)" in str(refused.value)


def test_parse_text_leaves_out_a_time_told_from_a_version_not_listed_before_it(tmp_path: Path
                                                                               ) -> None:
    """Versions 0, 1 and 3, timed as News Sniffer tells it: `parse --format text` listed v3's
    `about 1 hour later`, which counts from v2, under v1, as if it counted from v1."""
    from revdiff.export.article_json import article_summary

    database = tmp_path / "skips.sqlite"
    write_database(database, [Article(None, "https://example.org/troops", tuple(
        Version(number, "Troops", (f"{number + 1} troops were sent.",), None,
                "about 1 hour later" if number else None) for number in (0, 1, 3)))])
    (article,) = load([database])
    assert [line.split("words")[1].strip() for line in article_summary(article).splitlines()
            if line.startswith("  version")] == ["Troops", "about 1 hour later  Troops", "Troops"]


def test_an_entry_whose_url_changes_between_versions_is_warned_of(tmp_path: Path) -> None:
    """The article holds one URL, its lowest version's: a later row's other URL (a slug changed)
    is not read, and is named, as the export writes the lowest version's for every version."""
    path = make_database(tmp_path / "urls.db", NEWSEDITS_TABLE, [
        (1, 1, 1, "A", "https://y.test/old-slug", "s", None, 3, "<p>One.</p>"),
        (2, 1, 2, "A", "https://y.test/new-slug", "s", None, 3, "<p>Two.</p>"),
        (3, 1, 3, "A", "https://y.test/new-slug", "s", None, 3, "<p>Three.</p>"),
        (4, 1, 4, "A", None, "s", None, 3, "<p>Four.</p>"),
    ])
    (article,) = read_database(path)
    assert article.url == "https://y.test/old-slug"
    assert article.warnings == (
        ("entry 1: url 'https://y.test/new-slug' of versions 2, 3 is not read: an article holds "
         "one url, its lowest version's ('https://y.test/old-slug')"),)


def test_an_entry_whose_source_changes_between_versions_is_warned_of(tmp_path: Path) -> None:
    """The article holds one source, its lowest version's that has one: a later row's other
    source was dropped without a word, where a later row's other url is warned of, and a lowest
    version without one gave the URL's (`y.test`) though a later row named it."""
    path = make_database(tmp_path / "sources.db", NEWSEDITS_TABLE, [
        (1, 1, 1, "A", "https://y.test/a", "wapo", None, 3, "<p>One.</p>"),
        (2, 1, 2, "A", "https://y.test/a", "ap", None, 3, "<p>Two.</p>"),
        (3, 1, 3, "A", "https://y.test/a", None, None, 3, "<p>Three.</p>"),
        (4, 2, 1, "B", "https://y.test/b", None, None, 2, "<p>One.</p>"),
        (5, 2, 2, "B", "https://y.test/b", "ap", None, 2, "<p>Two.</p>"),
    ])
    first, second = read_database(path)
    assert (first.source, second.source) == ("wapo", "ap")
    assert first.warnings == (
        ("entry 1: source 'ap' of version 2 is not read: an article holds one source, its "
         "lowest version's ('wapo')"),)
    assert second.warnings == (
        "entry 2: version 1 has no source: the article's is version 2's ('ap')",)


def test_an_entry_whose_lowest_version_has_no_url_takes_the_first_one_given(tmp_path: Path
                                                                             ) -> None:
    """Version 1 without a url gave the article none, though versions 2 and 3 name it; and its
    source was then read from no url."""
    path = make_database(tmp_path / "urls.db", NEWSEDITS_TABLE, [
        (1, 1, 1, "A", None, None, None, 3, "<p>One.</p>"),
        (2, 1, 2, "A", "https://www.bbc.co.uk/news/a-1", None, None, 3, "<p>Two.</p>"),
        (3, 1, 3, "A", "https://y.test/moved", None, None, 3, "<p>Three.</p>"),
    ])
    (article,) = read_database(path)
    assert (article.url, article.source) == ("https://www.bbc.co.uk/news/a-1",
                                             source_of_url("https://www.bbc.co.uk/news/a-1"))
    assert article.warnings == (
        ("entry 1: version 1 has no url: the article's is version 2's "
         "('https://www.bbc.co.uk/news/a-1')"),
        ("entry 1: url 'https://y.test/moved' of version 3 is not read: an article holds one "
         "url, version 2's ('https://www.bbc.co.uk/news/a-1')"))


@pytest.mark.parametrize(("rowid_columns", "first", "second"), [
    ("rowid TEXT", ("zz",), ("aa",)),
    ("rowid TEXT", (None,), (None,)),
    ("rowid INTEGER, _rowid_ TEXT, oid TEXT", (9, "zz", "zz"), (3, "aa", "aa"))])
def test_a_column_named_rowid_does_not_stand_for_the_order_rows_were_written_in(
        tmp_path: Path, rowid_columns: str, first: tuple[object, ...],
        second: tuple[object, ...]) -> None:
    """An entryversion with a column named as SQLite names the rowid hid the rowid behind it:
    NULL in it was read as the file changing while it was read, and other values ordered the
    rows of one version against the order they were written in."""
    path = make_database(
        tmp_path / "named.db",
        f"CREATE TABLE entryversion (entry_id INT, version INT, summary TEXT, {rowid_columns})",
        [(1, 0, "a", *first), (1, 0, "b", *second), (1, 1, "c", *first)])
    (article,) = read_database(path)
    assert [(v.number, v.paragraphs) for v in article.versions] == [(0, ("a",)), (1, ("c",))]


def test_warnings_kept_in_an_export_come_in_the_order_written_beside_a_column_named_rowid(
        tmp_path: Path) -> None:
    """The comparisons of revdiff's export were read in the order of a column named `rowid`,
    not in the order their rows were written in."""
    path = make_database(tmp_path / "export.sqlite",
                         "CREATE TABLE entryversion (entry_id, version, title, summary, article)",
                         [(0, 0, "T", "<p>One.</p>", "a"), (0, 1, "T", "<p>Two.</p>", "a")])
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE comparisons (article_index, old_version, new_version, "
                           "confidence, warnings, rowid TEXT)")
        connection.executemany("INSERT INTO comparisons VALUES (0, 0, 1, 1.0, ?, ?)",
                               [('["written first"]', "zz"), ('["written second"]', "aa")])
    connection.close()
    (article,) = read_database(path)
    assert article.warnings == ("in the input exported: written first",
                                "in the input exported: written second")


def test_a_comparisons_table_of_an_export_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    """A failed read of the comparisons of revdiff's export was told as one of `entryversion`,
    which had been read."""
    path = make_database(tmp_path / "export.sqlite",
                         "CREATE TABLE entryversion (entry_id, version, title, summary, article)",
                         [(0, 0, "T", "<p>One.</p>", "a"), (0, 1, "T", "<p>Two.</p>", "a")])
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE VIEW comparisons AS SELECT 0 AS article_index, 0 AS "
                           "old_version, 1 AS new_version, 1.0 AS confidence, "
                           "json_extract('not json', '$') AS warnings")
    connection.close()
    with pytest.raises(MalformedPage) as raised:
        read_database(path)
    assert str(raised.value) == f"{path}: cannot read comparisons (malformed JSON)"


def test_the_number_of_articles_of_a_table_read_whole_is_counted_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table WITHOUT ROWID is held whole: its number of articles was counted again over all
    its rows at each len(), which every reader of the count asks for."""
    from revdiff.formats import newsedits

    path = make_database(
        tmp_path / "norowid.db",
        "CREATE TABLE entryversion (entry_id INT, version TEXT, summary TEXT, "
        "PRIMARY KEY (entry_id, version)) WITHOUT ROWID",
        [(entry, str(version), "a") for entry in range(1, 4) for version in range(2)])
    articles = DatabaseArticles(path)
    keyed: list[object] = []

    def counted_id_key(value: object) -> object:
        keyed.append(value)
        return original(value)

    original = newsedits.id_key
    monkeypatch.setattr(newsedits, "id_key", counted_id_key)
    assert len(articles) == 3
    assert len(articles) == 3
    assert keyed == []
