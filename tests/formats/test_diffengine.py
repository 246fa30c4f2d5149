"""diffengine databases: round trip, no version column, broken rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from story_chains import SAMPLES
from tracker_databases import tracked_article_lists

from revdiff.errors import MalformedPage
from revdiff.formats.databases import read_database
from revdiff.formats.diffengine import split_paragraphs
from revdiff.model import Article
from revdiff.render.diffengine import write_database


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=tracked_article_lists(zoned=True))
def test_versions_come_back(tmp_path: Path, written: list[Article]) -> None:
    path = tmp_path / "diffengine.db"
    write_database(path, written)
    read = read_database(path)
    assert [a.versions for a in read] == [a.versions for a in written]
    assert [a.url for a in read] == [a.url for a in written]
    assert all("no version column" in a.warnings[0] for a in read)


def test_sample_is_read_as_diffengine_not_newsedits() -> None:
    read = read_database(SAMPLES / "diffengine.db")
    assert [a.metadata["tracker"] for a in read] == ["diffengine"] * 3
    assert read[1].versions[0].time == datetime(2020, 1, 7, 23, 10, tzinfo=UTC)


def _database(path: Path, rows: list[tuple[object, ...]], entry_id_type: str = "INTEGER") -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url TEXT, created DATETIME, "
                       "checked DATETIME)")
    connection.execute("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, title TEXT, url TEXT, "
                       f"summary TEXT, created DATETIME, archive_url TEXT, entry_id {entry_id_type})")
    connection.execute("INSERT INTO entry VALUES (1, 'https://e.example/feed-link', '', '')")
    connection.executemany("INSERT INTO entryversion VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.close()
    return path


def test_broken_rows_are_read_and_each_is_warned_about(tmp_path: Path) -> None:
    canonical = "https://e.example/story"
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", canonical, "<p>A.</p><p>B &amp; C.</p>", "2020-01-03 10:00:00.5", None, 1),
        (2, None, canonical, None, "2020-01-03 11:00:00", None, 1),
        (3, "Back", canonical, "<p>Z.</p>", "2020-01-03 09:00:00", None, 1),
    ])
    article, = read_database(path)
    assert [v.title for v in article.versions] == ["Back", "One", ""]
    assert article.versions[1].paragraphs == ("A.", "B & C.")
    assert article.versions[2].paragraphs == ()
    warnings = "\n".join(article.warnings)
    assert "created goes back in time" in warnings
    assert "row 2 (version 3): title is NULL" in warnings
    assert "row 2 (version 3): summary is NULL" in warnings
    assert article.url == "https://e.example/feed-link"
    assert article.metadata["canonical_url"] == canonical


def test_an_entry_id_stored_as_a_blob_is_read_as_text(tmp_path: Path) -> None:
    # its Python form, `b'7'`, was the entry_id and named the entry in warnings
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", None, b"7"),
        (2, "Two", None, "<p>B.</p>", "2020-01-03 09:00:00", None, b"7"),
    ])
    article, = read_database(path)
    assert article.metadata["entry_id"] == "7"
    assert "entry 7: created goes back in time between rows; versions follow created, not the " \
           "order the rows were written" in article.warnings


def test_an_entry_id_written_as_1_and_1_0_and_text_is_one_entry_warned(tmp_path: Path) -> None:
    # rows were grouped by the cell as stored: 1, 1.0 and '1' were three articles, unwarned,
    # where NewsEdits and NYTdiff read one (a column without a type keeps what it is given)
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", None, 1),
        (2, "Two", None, "<p>B.</p>", "2020-01-03 11:00:00", None, 1.0),
        (3, "Three", None, "<p>C.</p>", "2020-01-03 12:00:00", None, "1"),
    ], entry_id_type="")
    article, = read_database(path)
    assert [v.title for v in article.versions] == ["One", "Two", "Three"]
    assert article.url == "https://e.example/feed-link"
    assert article.metadata["entry_id"] == "1"
    assert "entry 1 is written as '1', 1, 1.0 in entry_id: read as one entry" in article.warnings


def test_an_entry_id_stored_as_a_blob_is_the_entry_of_its_text_warned_if_not_utf8(
        tmp_path: Path) -> None:
    # the blob b'1' was an entry of its own beside 1, and bad bytes of an id were replaced
    # without a word, where a title's are warned of
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", None, 1),
        (2, "Two", None, "<p>B.</p>", "2020-01-03 11:00:00", None, b"1"),
        (3, "Other", None, "<p>C.</p>", "2020-01-03 12:00:00", None, b"\xff7"),
    ], entry_id_type="")
    one, bad_bytes = read_database(path)
    assert [v.title for v in one.versions] == ["One", "Two"]
    assert "entry 1 is written as 1, BLOB '1' in entry_id: read as one entry" in one.warnings
    assert bad_bytes.metadata["entry_id"] == "\ufffd7"
    assert ("entry '\ufffd7': entry_id holds bytes that are not UTF-8; bad bytes replaced with "
            "�") in bad_bytes.warnings


def test_an_entry_id_in_a_warning_is_quoted_and_shortened_as_newsedits_does(tmp_path: Path) -> None:
    # it was written as it is: a long id whole, and its control characters sent to the terminal
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", None, "story\x1b[2J" + "x" * 100),
        (2, "Two", None, "<p>B.</p>", "2020-01-03 09:00:00", None, "story\x1b[2J" + "x" * 100),
    ])
    article, = read_database(path)
    assert "entry 'story\\x1b[2Jxxxxxxx'...'xxxxxxxxxxxxxxxx' (109 characters): created goes back in " \
           "time between rows; versions follow created, not the order the rows were written" \
        in article.warnings


def test_rows_without_an_entry_id_are_no_entry_none(tmp_path: Path) -> None:
    # their article had the entry_id `None`, and a warning named `entry None`; NewsEdits leaves
    # the entry_id out
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", None, None),
        (2, "Two", None, "<p>B.</p>", "2020-01-03 09:00:00", None, None),
    ])
    article, = read_database(path)
    assert "entry_id" not in article.metadata
    assert "the entryversion rows without an entry_id: created goes back in time between rows; " \
           "versions follow created, not the order the rows were written" in article.warnings
    assert not any("None" in warning for warning in article.warnings)


def test_a_long_created_in_a_warning_is_shortened(tmp_path: Path) -> None:
    # it was quoted whole: a page of text in a warning line
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "c" * 5000, None, 1),
        (2, "Two", None, "<p>B.</p>", "2020-01-03 09:00:00", None, 1),
    ])
    article, = read_database(path)
    assert f"entryversion row 1: created {'c' * 16!r}...{'c' * 16!r} (5,000 characters) is not a time" \
        in article.warnings


def test_created_at_a_leap_second_or_out_of_range_says_what_the_other_readers_say(
        tmp_path: Path) -> None:
    """`23:59:60` and an offset no zone has were "is not a time" with no reason given."""
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 23:59:60", None, 1),
        (2, "Two", None, "<p>B.</p>", "2020-01-04T10:00:00+25:00", None, 1),
    ])
    article, = read_database(path)
    assert article.versions[0].time == datetime(2020, 1, 3, 23, 59, 59, tzinfo=UTC)
    assert article.versions[1].time_text == "2020-01-04T10:00:00+25:00"
    assert article.warnings[1:] == (
        ("entryversion row 1: created '2020-01-03 23:59:60' is at a leap second (second 60), which "
        "revdiff's times cannot hold: read as second 59, a second early, which keeps the versions' "
        "order; nothing to correct"),
        ("entryversion row 2: created '2020-01-04T10:00:00+25:00' is not a time: its zone offset "
        "+25:00 is out of range (offsets run from -23:59 to +23:59, their minutes from 00 to 59); "
        "correct the offset in the file"))


def test_created_stored_as_milliseconds_is_read_as_newsedits_reads_it(tmp_path: Path) -> None:
    """A number of milliseconds since 1970 (as JavaScript writes times) was no time, kept as
    text, where NewsEdits' `created` reads it: seconds where they give a date, else milliseconds."""
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", 1578000000, None, 1),
        (2, "Two", None, "<p>B.</p>", 1578003600000, None, 1),
    ])
    article, = read_database(path)
    assert [version.time for version in article.versions] == [
        datetime(2020, 1, 2, 21, 20, tzinfo=UTC), datetime(2020, 1, 2, 22, 20, tzinfo=UTC)]
    assert not [warning for warning in article.warnings if "not a time" in warning]


def test_split_paragraphs() -> None:
    assert split_paragraphs('<p>"Quote" &lt;p&gt; x</p> <p>Two</p>') == ('"Quote" <p> x', "Two")


def test_a_summary_without_paragraphs_is_a_version_warned_of(tmp_path: Path) -> None:
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", "https://e.example/story", "<p>A.</p>", "2020-01-03 10:00:00", None, 1),
        (2, "One", "https://e.example/story", "<p> </p>", "2020-01-03 11:00:00", None, 1),
    ])
    article, = read_database(path)
    assert [v.paragraphs for v in article.versions] == [("A.",), ()]
    assert "entryversion row 2 (version 2): summary holds no text; kept as a version without " \
           "paragraphs" in article.warnings


def test_a_title_or_summary_that_is_not_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    # its bad bytes were replaced with `�` and nothing said so, where NYTdiff and NewsEdits warn
    path = _database(tmp_path / "diffengine.db", [
        (1, b"Caf\xe9 news", None, b"<p>Body \xff one.</p>", "2020-01-03 10:00:00", None, 1),
        (2, b"Caf\xc3\xa9 news", None, b"<p>Body two.</p>", "2020-01-03 11:00:00", None, 1),
    ])
    article, = read_database(path)
    assert [v.title for v in article.versions] == ["Caf\ufffd news", "Café news"]
    assert article.versions[0].paragraphs == ("Body \ufffd one.",)
    assert [w for w in article.warnings if "UTF-8" in w] == [
        f"entryversion row 1 (version 1): {column} holds bytes that are not UTF-8; bad bytes "
        "replaced with �" for column in ("title", "summary")]


def test_a_url_archive_url_or_feed_link_that_is_not_utf8_is_read_with_a_warning(
        tmp_path: Path) -> None:
    # their bad bytes were replaced with `�` and nothing said so, where NYTdiff warns of a url's
    path = _database(tmp_path / "diffengine.db", [
        (1, "News", b"https://e.example/caf\xe9", "<p>One.</p>", "2020-01-03 10:00:00",
         b"https://web.archive.org/caf\xe9", 1),
        (2, "News", "https://e.example/story", "<p>Two.</p>", "2020-01-03 11:00:00", None, 1),
    ])
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE entry SET url = ? WHERE id = 1",
                           (b"https://e.example/feed-caf\xe9",))
    connection.close()
    article, = read_database(path)
    assert article.url == "https://e.example/feed-caf\ufffd"
    assert article.metadata["archive_urls"] == "https://web.archive.org/caf\ufffd"
    assert [w for w in article.warnings if "UTF-8" in w] == [
        *(f"entryversion row 1 (version 1): {column} holds bytes that are not UTF-8; bad bytes "
          "replaced with �" for column in ("url", "archive_url")),
        ("entry 1: url (its feed link, in the entry table) holds bytes that are not UTF-8; bad "
         "bytes replaced with �")]


def test_a_row_whose_id_is_0_is_named_by_it(tmp_path: Path) -> None:
    # an id of 0 was taken for none and the row named by its rowid, here 1, as the next row is
    path = tmp_path / "diffengine.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("CREATE TABLE entryversion (id INTEGER, title TEXT, url TEXT, summary TEXT, "
                       "created DATETIME, entry_id INTEGER)")
    connection.executemany("INSERT INTO entryversion VALUES (?, ?, ?, ?, ?, ?)", [
        (0, None, None, "<p>A.</p>", "2020-01-03 10:00:00", 1),
        (1, "Two", None, "<p>B.</p>", "2020-01-03 11:00:00", 1),
    ])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert "entryversion row 0 (version 1): title is NULL, read as empty" in article.warnings
    assert not any("row 1 (version 1)" in w for w in article.warnings)


@pytest.mark.parametrize("column", ["url", "archive_url", "entry.url"])
@pytest.mark.parametrize("url", ["http://[::1/x", "https://["])
def test_a_url_python_cannot_split_is_refused_naming_its_row(tmp_path: Path, column: str,
                                                             url: str) -> None:
    # it became the article's URL (or an archive URL), where the NewsEdits and NewsDiffs readers
    # refuse it (`checked_url`)
    row = {"url": "https://e.example/s", "archive_url": None}
    if column in row:
        row[column] = url
    path = _database(tmp_path / "diffengine.db", [
        (1, "S", row["url"], "<p>A.</p>", "2020-01-03 10:00:00", row["archive_url"], 1)])
    if column == "entry.url":
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE entry SET url = ? WHERE id = 1", (url,))
        connection.close()
    named = "entry 1: url" if column == "entry.url" else f"entryversion row 1: {column}"
    with pytest.raises(MalformedPage, match=f"{named} .* is not a well-formed URL"):
        read_database(path)


@pytest.mark.parametrize(("feed_link", "said"), [
    ("", "is empty"),
    ("  ", "is empty"),
    (42, "is a number (42), no URL"),
    (4.5, "is a number (4.5), no URL"),
])
def test_a_feed_link_that_is_empty_or_a_number_is_warned_of(tmp_path: Path, feed_link: object,
                                                            said: str) -> None:
    # an empty one fell back to the rows' url unwarned; a number was the article's URL, `42`
    canonical = "https://e.example/story"
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", canonical, "<p>A.</p>", "2020-01-03 10:00:00", None, 1),
        (2, "Two", canonical, "<p>B.</p>", "2020-01-03 11:00:00", None, 1),
    ])
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE entry SET url = ? WHERE id = 1", (feed_link,))
    connection.close()
    article, = read_database(path)
    assert article.url == canonical
    assert (f"entry 1: url (its feed link, in the entry table) {said}; the url of its rows is "
            "read instead") in article.warnings


@pytest.mark.parametrize("rowid_column", ["rowid TEXT", "rowid INTEGER, _rowid_ TEXT, oid TEXT"])
def test_a_column_named_rowid_does_not_stand_for_the_order_rows_were_written_in(
        tmp_path: Path, rowid_column: str) -> None:
    """An entryversion without an id column but with columns named as SQLite names the rowid:
    text in one stopped the reading with a ValueError traceback, and numbers ordered rows of one
    time against the order they were written in."""
    path = tmp_path / "diffengine.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("CREATE TABLE entryversion (title TEXT, url TEXT, summary TEXT, "
                       f"created DATETIME, entry_id INTEGER, {rowid_column})")
    names = rowid_column.count(",") + 1
    connection.executemany(f"INSERT INTO entryversion VALUES (?, ?, ?, ?, ?{', ?' * names})", [
        ("One", None, "<p>A.</p>", "2020-01-03 10:00:00", 1, *["9", "zz", "zz"][:names]),
        ("Two", None, "<p>B.</p>", "2020-01-03 10:00:00", 1, *["3", "aa", "aa"][:names])])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]


def test_an_entryversion_without_rowid_is_read(tmp_path: Path) -> None:
    """A WITHOUT ROWID table was refused: `cannot read entryversion (no such column: rowid)`."""
    path = tmp_path / "diffengine.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url TEXT)")
    connection.execute("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, title TEXT, url TEXT, "
                       "summary TEXT, created DATETIME, entry_id INTEGER) WITHOUT ROWID")
    connection.executemany("INSERT INTO entryversion VALUES (?, ?, ?, ?, ?, ?)", [
        (2, "Two", None, "<p>B.</p>", "2020-01-03 10:00:00", 1),
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", 1)])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]


def test_a_null_or_empty_created_is_warned_of_once_per_entry(tmp_path: Path) -> None:
    """A NULL created gave a version with no time and no warning, where text that is no time is
    warned of."""
    path = _database(tmp_path / "diffengine.db", [
        (1, "One", None, "<p>A.</p>", "2020-01-03 10:00:00", None, 1),
        (2, "Two", None, "<p>B.</p>", None, None, 1),
        (3, "Three", None, "<p>C.</p>", "2020-01-03 11:00:00", None, 2),
    ])
    first, second = read_database(path)
    assert [v.title for v in first.versions if v.time is None] == ["Two"]
    assert [w for w in first.warnings if "created is" in w] == [
        "entry 1: created is NULL or empty in version 2; read with no time"]
    assert not any("NULL or empty" in w for w in second.warnings)
