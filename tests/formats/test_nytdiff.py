"""NYTdiff databases (original and RSS fork): round trip, what real files do, broken rows."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from story_chains import SAMPLES, story_chains
from tracker_databases import tracked_article_lists

from revdiff.errors import InputTooLarge, MalformedPage
from revdiff.formats.databases import read_database
from revdiff.formats.nytdiff import split_abstract
from revdiff.model import Article, Version
from revdiff.render.nytdiff import write_database


@pytest.mark.parametrize("variant", ["nyt", "rss"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=tracked_article_lists(zoned=False))
def test_versions_come_back_from_either_variant(tmp_path: Path, variant: str,
                                                written: list[Article]) -> None:
    path = tmp_path / f"{variant}.db"
    write_database(path, written, variant)
    read = read_database(path)
    assert [a.versions for a in read] == [a.versions for a in written]
    assert [a.url for a in read] == [a.url for a in written]


@pytest.mark.parametrize(("name", "local_hour"), [("nytdiff-titles.db", 11),
                                                   ("nytdiff-rss-titles.db", 6)])
def test_sample_files_hold_the_three_chains(name: str, local_hour: int) -> None:
    read = read_database(SAMPLES / name)
    chains = story_chains()
    assert [[v.paragraphs for v in a.versions] for a in read] == [
        [v.paragraphs for v in c.versions] for c in chains]
    assert [v.number for v in read[0].versions] == [1, 2, 3, 4]
    # 14:05 UTC in the tracker's local time (Buenos Aires, Los Angeles), stored without a zone
    assert read[0].versions[0].time == datetime(2020, 1, 3, local_hour, 5)


def _versions_db(path: Path, rows: list[tuple[object, ...]], table: str = "nyt_versions") -> Path:
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, article_id TEXT, url TEXT, "
                       "title TEXT, abstract TEXT, byline TEXT, kicker TEXT, hash TEXT, "
                       "date_time DATETIME, version INTEGER)")
    connection.executemany(f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    connection.commit()
    connection.close()
    return path


def test_rows_stuck_at_version_one_are_ordered_by_time_then_id(tmp_path: Path) -> None:
    url = "https://www.nytimes.com/2020/01/03/world/a.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "x", url, "Third", "C", None, None, "h3", "2020-01-03 12:00:00.000000", 1),
        (2, "x", url, "First", "A", None, None, "h1", "2020-01-03 10:00:00.000000", 1),
        (3, "x", url, "Second", "B", None, None, "h2", "2020-01-03 11:00:00.000000", 1),
        (4, "x", url, "Second again", "B2", None, None, "h4", "2020-01-03 11:00:00.000000", 1),
    ])
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [
        (1, "First"), (2, "Second"), (3, "Second again"), (4, "Third")]
    assert any("repeats or lacks version numbers" in w for w in article.warnings)
    assert any("no time zone" in w for w in article.warnings)


def test_broken_rows_are_read_and_each_is_warned_about(tmp_path: Path) -> None:
    url = "https://www.nytimes.com/2020/01/03/world/b.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "y", url, "One", "Body one.\nSecond paragraph &amp; more.", "By A", "K", "h",
         "2020-01-03 10:00:00", 1),
        (2, "y", url, None, None, "By A", "K", "h", "2020-01-03 11:00:00", 2),
        (3, "y", url, "Three", "Body three.", "By B", "K", "h", "2020-01-03 09:30:00", 3),
        (4, "y", url, "Four", "Body four.", "By B", "K", "h", "yesterday", 4),
        (5, "z", url + "?2", "Other", "Other body.", None, None, "h", "2020-01-04 10:00:00", 1),
    ])
    first, second = read_database(path)
    assert [v.number for v in first.versions] == [1, 2, 3, 4]  # version order, not time order
    assert first.versions[0].paragraphs == ("Body one.", "Second paragraph & more.")
    assert first.versions[1] == Version(2, "", (), datetime(2020, 1, 3, 11))
    assert first.versions[3].time is None and first.versions[3].time_text == "yesterday"
    warnings = "\n".join(first.warnings)
    assert "row 2 (version 2): title is NULL" in warnings
    assert "row 2 (version 2): abstract is NULL" in warnings
    assert "version 3 is dated before version 2" in warnings
    assert "date_time 'yesterday' is not a time" in warnings
    assert first.metadata["byline"] == "By B" and first.source == "nyt"
    assert second.versions[0].paragraphs == ("Other body.",)


def test_long_values_in_warnings_are_shortened(tmp_path: Path) -> None:
    # they were quoted whole: a page of text in a warning line
    url = "https://www.nytimes.com/2020/01/03/world/c.html"
    long_id, long_time = "i" * 5000, "t" * 5000
    path = _versions_db(tmp_path / "titles.db", [
        (1, long_id, url, "One", "Body one.", None, None, "h", long_time, 1),
        (2, long_id, url, "Two", "Body two.", None, None, "h", "2020-01-03 11:00:00", 1),
    ])
    article, = read_database(path)
    assert all(long_id not in warning and long_time not in warning for warning in article.warnings)
    warnings = "\n".join(article.warnings)
    assert (f"article {'i' * 16!r}...{'i' * 16!r} (5,000 characters) repeats or lacks version "
            "numbers") in warnings
    assert f"date_time {'t' * 16!r}...{'t' * 16!r} (5,000 characters) is not a time" in warnings


def test_date_time_at_a_leap_second_or_out_of_range_says_what_the_other_readers_say(
        tmp_path: Path) -> None:
    """`23:59:60`, an offset no zone has, and one that puts the time outside the years 1 to 9999
    in UTC were each "is not a time" with no reason given; `-01:60` was read as `-02:00`."""
    url = "https://www.nytimes.com/2020/01/03/world/d.html"
    times = ["2020-01-03 23:59:60", "2020-01-04 10:00:00+2500", "2020-01-04 11:00:00-01:60",
             "0001-01-01T00:00+01:00"]
    path = _versions_db(tmp_path / "titles.db", [
        (number, "x", url, "T", "Body.", None, None, "h", time, number)
        for number, time in enumerate(times, start=1)])
    article, = read_database(path)
    assert article.versions[0].time == datetime(2020, 1, 3, 23, 59, 59)
    assert [v.time_text for v in article.versions] == [None, *times[1:]]
    offset_out_of_range = ("is not a time: its zone offset {} is out of range (offsets run from "
                           "-23:59 to +23:59, their minutes from 00 to 59); correct the offset in "
                           "the file")
    assert [w for w in article.warnings if "no time zone" not in w] == [
        ("nyt_versions row 1 (version 1): date_time '2020-01-03 23:59:60' is at a leap second "
        "(second 60), which revdiff's times cannot hold: read as second 59, a second early, which "
        "keeps the versions' order; nothing to correct"),
        f"nyt_versions row 2 (version 2): date_time {times[1]!r} "
        + offset_out_of_range.format("+2500"),
        f"nyt_versions row 3 (version 3): date_time {times[2]!r} "
        + offset_out_of_range.format("-01:60"),
        (f"nyt_versions row 4 (version 4): date_time {times[3]!r} is not a time: its zone puts it "
        "outside the years 1 to 9999 in UTC; correct its date or offset in the file")]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE rss_versions (id INTEGER PRIMARY KEY, article_id TEXT, url TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(MalformedPage, match="rss_versions lacks the NYTdiff columns title, "
                                            "abstract, date_time"):
        read_database(path)


def test_split_abstract() -> None:
    assert split_abstract("A &lt;b&gt;\r\n\n  B  ") == ("A <b>", "B")


def test_a_version_in_other_digits_is_no_version_number(tmp_path: Path) -> None:
    url = "https://www.nytimes.com/2020/01/03/world/c.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "x", url, "One", "A", None, None, "h1", "2020-01-03 10:00:00", "²"),
        (2, "x", url, "Two", "B", None, None, "h2", "2020-01-03 11:00:00", "3"),
    ])
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]
    assert any("repeats or lacks version numbers" in w for w in article.warnings)


def test_a_versions_table_that_is_a_view_without_ids_is_read(tmp_path: Path) -> None:
    """A view's rows have no rowid: without an id column, the reading stopped with a ValueError
    traceback."""
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE kept (article_id TEXT, url TEXT, title TEXT, abstract TEXT, "
                       "date_time TEXT, version INTEGER)")
    connection.executemany("INSERT INTO kept VALUES (?, ?, ?, ?, ?, ?)", [
        ("a", "https://www.nytimes.com/a.html", "One", "A", "2020-01-03 10:00:00", 1),
        ("a", "https://www.nytimes.com/a.html", "Two", "B", "2020-01-03 11:00:00", 2)])
    connection.execute("CREATE VIEW nyt_versions AS SELECT * FROM kept")
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]


def test_an_abstract_without_paragraphs_is_a_version_warned_of(tmp_path: Path) -> None:
    url = "https://www.nytimes.com/2020/01/03/world/c.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "y", url, "One", "Body one.", None, None, "h", "2020-01-03 10:00:00", 1),
        (2, "y", url, "One", "", None, None, "h", "2020-01-03 11:00:00", 2),
    ])
    article, = read_database(path)
    assert [v.paragraphs for v in article.versions] == [("Body one.",), ()]
    assert "nyt_versions row 2 (version 2): abstract holds no text; kept as a version without " \
           "paragraphs" in article.warnings


def test_a_view_making_a_value_over_the_size_limit_is_named_saying_what_to_do(
        tmp_path: Path) -> None:
    """A file read whole is refused over the size limit, so only a view can make a value longer
    than SQLite makes for it; the error named no view and told only to raise the limit."""
    url = "https://www.nytimes.com/2020/01/03/world/c.html"
    path = _versions_db(tmp_path / "titles.db", [
        (row, "a1", url, "T", "Body.", None, None, "h", "2020-01-03 10:00:00", row)
        for row in (1, 2, 3)], table="stored")
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIEW nyt_versions AS SELECT id, article_id, url, title, CASE WHEN "
                       "id = 2 THEN hex(zeroblob(600000)) ELSE abstract END AS abstract, "
                       "date_time, version FROM stored")
    connection.commit()
    connection.close()
    with pytest.raises(InputTooLarge) as error:
        read_database(path, max_bytes=16 * 1024)
    assert error.value.message == (
        "nyt_versions is a view that makes a value longer than 1M (1,081,344 bytes), more than "
        "the size limit allows a version, from a file within it")
    assert error.value.hint is not None
    assert error.value.hint.startswith("give the file the tracker wrote, whose tables hold")


def test_a_kicker_is_not_read(tmp_path: Path) -> None:
    """`kicker` was read from every row and never used: a view making it longer than the size
    limit allows refused the file, whose versions are within it."""
    url = "https://www.nytimes.com/2020/01/03/world/c.html"
    path = _versions_db(tmp_path / "titles.db", [
        (row, "a1", url, f"T{row}", f"Body {row}.", None, None, "h", "2020-01-03 10:00:00", row)
        for row in (1, 2)], table="stored")
    connection = sqlite3.connect(path)
    connection.execute("CREATE VIEW nyt_versions AS SELECT id, article_id, url, title, abstract, "
                       "hex(zeroblob(600000)) AS kicker, date_time, version FROM stored")
    connection.commit()
    connection.close()
    article, = read_database(path, max_bytes=16 * 1024)
    assert [(v.number, v.title) for v in article.versions] == [(1, "T1"), (2, "T2")]


def test_rows_without_an_article_id_are_told_apart_by_their_url(tmp_path: Path) -> None:
    # they were read as one article: two stories of two URLs merged into four versions
    first_url = "https://www.nytimes.com/2020/01/03/world/d.html"
    second_url = "https://www.nytimes.com/2020/01/03/world/e.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, None, first_url, "D one", "D body one.", None, None, "h", "2020-01-03 10:00:00", 1),
        (2, None, second_url, "E one", "E body one.", None, None, "h", "2020-01-03 10:30:00", 1),
        (3, None, first_url, "D two", "D body two.", None, None, "h", "2020-01-03 11:00:00", 2),
        (4, None, second_url, "E two", "E body two.", None, None, "h", "2020-01-03 11:30:00", 2),
        (5, None, None, "F", "F body.", None, None, "h", "2020-01-03 12:00:00", 1),
    ])
    articles = read_database(path)
    assert [(a.url, [v.title for v in a.versions]) for a in articles] == [
        (first_url, ["D one", "D two"]), (second_url, ["E one", "E two"]), (None, ["F"])]
    assert articles[0].warnings[0] == (
        "nyt_versions: 2 rows have no article_id (rows 1, 3); read as one article by the url "
        "'https://www.nytimes.com/2020/01/03/world/d.html'")
    assert articles[2].warnings[0] == (
        "nyt_versions: 1 row has no article_id (row 5) and no url; read as one article")


def test_renumbered_rows_without_an_article_id_are_named_by_their_url(tmp_path: Path) -> None:
    # the warning said "article ''" for every such group, naming none of them
    url = "https://www.nytimes.com/2020/01/03/world/g.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, None, url, "G two", "G body two.", None, None, "h", "2020-01-03 11:00:00", 1),
        (2, None, url, "G one", "G body one.", None, None, "h", "2020-01-03 10:00:00", 1),
        (3, None, None, "H two", "H body two.", None, None, "h", "2020-01-03 13:00:00", None),
        (4, None, None, "H one", "H body one.", None, None, "h", "2020-01-03 12:00:00", None),
    ])
    by_url, without_url = read_database(path)
    assert [v.title for v in by_url.versions] == ["G one", "G two"]
    assert by_url.warnings[1] == (
        "nyt_versions: the article of url 'https://www.nytimes.com/2020/01/03/world/g.html' "
        "(no article_id; rows 1, 2) repeats or lacks version numbers; its 2 rows are ordered by "
        "date_time, then id, and numbered 1, 2, ...")
    assert without_url.warnings[1:4] == (
        *(f"nyt_versions row {row}: version NULL is not a version number (a whole number from 0, "
          "of at most 15 digits)" for row in (3, 4)),
        ("nyt_versions: the article of the rows without article_id or url (3, 4) repeats or lacks "
         "version numbers; its 2 rows are ordered by date_time, then id, and numbered 1, 2, ..."))


def test_rows_without_an_article_id_join_the_one_article_of_their_url(tmp_path: Path) -> None:
    # they were an article of their own beside the article with an id at the same url
    url = "https://www.nytimes.com/2020/01/03/world/j.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "j", url, "J one", "J body one.", None, None, "h", "2020-01-03 10:00:00", 1),
        (2, None, url, "J two", "J body two.", None, None, "h", "2020-01-03 11:00:00", 2),
        (3, "j", url, "J three", "J body three.", None, None, "h", "2020-01-03 12:00:00", 3),
    ])
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [
        (1, "J one"), (2, "J two"), (3, "J three")]
    assert article.metadata["article_id"] == "j"
    assert article.warnings[0] == (
        "nyt_versions: 1 row has no article_id (row 2); read as article 'j', the one article "
        "whose rows have the url 'https://www.nytimes.com/2020/01/03/world/j.html'")


def test_rows_without_an_article_id_stay_apart_where_their_url_has_several_ids(
        tmp_path: Path) -> None:
    url = "https://www.nytimes.com/2020/01/03/world/k.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "k1", url, "K one", "K body one.", None, None, "h", "2020-01-03 10:00:00", 1),
        (2, "k2", url, "K again", "K body again.", None, None, "h", "2020-01-04 10:00:00", 1),
        (3, None, url, "K which", "K body which.", None, None, "h", "2020-01-05 10:00:00", 2),
    ])
    articles = read_database(path)
    assert [(a.metadata["article_id"], [v.title for v in a.versions]) for a in articles] == [
        ("k1", ["K one"]), ("k2", ["K again"]), ("", ["K which"])]
    without_id = articles[2]
    assert without_id.warnings[0] == (
        "nyt_versions: 1 row has no article_id (row 3); read as one article by the url "
        "'https://www.nytimes.com/2020/01/03/world/k.html', not joined to articles 'k1', "
        "'k2', whose rows have it too")


def test_a_title_or_abstract_that_is_not_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    # its bad bytes were replaced with `�` and nothing said so
    path = _versions_db(tmp_path / "titles.db", [
        (1, "m", "https://example.com/m", b"M caf\xe9", b"Body \xff one.", None, None, "h",
         "2020-01-03 10:00:00", 1),
    ])
    article, = read_database(path)
    assert article.versions[0].title == "M caf\ufffd"
    assert article.versions[0].paragraphs == ("Body \ufffd one.",)
    assert article.warnings[:2] == tuple(
        f"nyt_versions row 1 (version 1): {column} holds bytes that are not UTF-8; bad bytes "
        "replaced with �" for column in ("title", "abstract"))


@pytest.mark.parametrize("declared", ["", "TEXT"])
def test_an_article_id_written_as_an_integer_and_a_float_is_one_article(
        tmp_path: Path, declared: str) -> None:
    """`1` in some rows and `1.0` in others (a table put together from a CSV file) were two
    articles, without a warning; NewsEdits reads such an entry id as one entry, warned."""
    url = "https://www.nytimes.com/2020/01/03/world/f.html"
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute(f"CREATE TABLE nyt_versions (id INTEGER PRIMARY KEY, article_id {declared}, "
                       "url TEXT, title TEXT, abstract TEXT, date_time TEXT, version INTEGER)")
    connection.executemany("INSERT INTO nyt_versions VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (1, 1, url, "One", "A.", "2020-01-03 10:00:00", 1),
        (2, 1.0, url, "Two", "B.", "2020-01-03 11:00:00", 2),
        (3, "007", url + "?x", "Other", "C.", "2020-01-03 12:00:00", 1),
    ])
    connection.commit()
    connection.close()
    articles = read_database(path)
    assert [(a.metadata["article_id"], [v.title for v in a.versions]) for a in articles] == [
        ("1", ["One", "Two"]), ("007", ["Other"])]
    spelled = "'1', '1.0'" if declared else "1, 1.0"
    assert (f"nyt_versions: article 1 is written as {spelled} in article_id: read as one "
            "article") in articles[0].warnings
    assert not any("written as" in w for w in articles[1].warnings)


def test_an_article_id_that_is_not_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    # its bad bytes were replaced with `�` without a word, where a title's are warned of
    url = "https://www.nytimes.com/2020/01/03/world/g.html"
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE nyt_versions (id INTEGER PRIMARY KEY, article_id, url TEXT, "
                       "title TEXT, abstract TEXT, date_time TEXT, version INTEGER)")
    connection.executemany("INSERT INTO nyt_versions VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (1, b"\xff7", url, "One", "A.", "2020-01-03 10:00:00", 1),
        (2, b"1", url + "?x", "Two", "B.", "2020-01-03 11:00:00", 1),
    ])
    connection.commit()
    connection.close()
    bad_bytes, blob = read_database(path)
    assert bad_bytes.metadata["article_id"] == "\ufffd7"
    assert ("nyt_versions: article '\ufffd7': article_id holds bytes that are not UTF-8; bad "
            "bytes replaced with �") in bad_bytes.warnings
    assert not any("UTF-8" in w for w in blob.warnings)


@pytest.mark.parametrize(("version", "quoted"), [(-1, "-1"), ("x", "'x'"), ("x\x1b[2J", r"'x\x1b[2J'")])
def test_a_version_that_is_no_number_is_named_with_its_row(tmp_path: Path, version: object,
                                                           quoted: str) -> None:
    # only the article's "repeats or lacks version numbers" said something was wrong
    url = "https://www.nytimes.com/2020/01/03/world/g.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "g", url, "One", "A", None, None, "h1", "2020-01-03 10:00:00", 1),
        (2, "g", url, "Two", "B", None, None, "h2", "2020-01-03 11:00:00", version),
    ])
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]
    assert (f"nyt_versions row 2: version {quoted} is not a version number (a whole number from "
            "0, of at most 15 digits)") in article.warnings
    assert any("repeats or lacks version numbers" in w for w in article.warnings)


@pytest.mark.parametrize(("version", "quoted"), [(None, "NULL"), ("", "''")])
def test_a_null_or_empty_version_is_named_with_its_row(tmp_path: Path, version: object,
                                                       quoted: str) -> None:
    # only the article's "repeats or lacks version numbers" said something was wrong, and
    # nothing where the article has one row; NewsEdits names such a row
    url = "https://www.nytimes.com/2020/01/03/world/h.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "h", url, "One", "A", None, None, "h1", "2020-01-03 10:00:00", 1),
        (2, "h", url, "Two", "B", None, None, "h2", "2020-01-03 11:00:00", version),
        (3, "i", url + "?i", "Alone", "C", None, None, "h3", "2020-01-03 12:00:00", version),
    ])
    two_rows, one_row = read_database(path)
    assert [(v.number, v.title) for v in two_rows.versions] == [(1, "One"), (2, "Two")]
    no_number = "is not a version number (a whole number from 0, of at most 15 digits)"
    assert f"nyt_versions row 2: version {quoted} {no_number}" in two_rows.warnings
    assert f"nyt_versions row 3: version {quoted} {no_number}" in one_row.warnings


def test_a_table_without_a_version_column_names_no_row(tmp_path: Path) -> None:
    url = "https://www.nytimes.com/2020/01/03/world/j.html"
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE nyt_versions (id INTEGER PRIMARY KEY, article_id TEXT, "
                       "url TEXT, title TEXT, abstract TEXT, date_time TEXT)")
    connection.executemany("INSERT INTO nyt_versions VALUES (?, ?, ?, ?, ?, ?)", [
        (1, "j", url, "One", "A.", "2020-01-03 10:00:00"),
        (2, "j", url, "Two", "B.", "2020-01-03 11:00:00")])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]
    assert not any("is not a version number" in w for w in article.warnings)
    assert any("repeats or lacks version numbers" in w for w in article.warnings)


def test_a_row_whose_id_is_0_is_named_by_it(tmp_path: Path) -> None:
    # an id of 0 was taken for none and the row named by its rowid, here 1, as the next row is
    url = "https://www.nytimes.com/2020/01/03/world/z.html"
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE nyt_versions (id INTEGER, article_id TEXT, url TEXT, "
                       "title TEXT, abstract TEXT, date_time TEXT, version INTEGER)")
    connection.executemany("INSERT INTO nyt_versions VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (0, "z", url, None, "A.", "2020-01-03 10:00:00", 1),
        (1, "z", url, "Two", "B.", "2020-01-03 11:00:00", 2),
    ])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert "nyt_versions row 0 (version 1): title is NULL, read as empty" in article.warnings
    assert not any("row 1 (version 1)" in w for w in article.warnings)


@pytest.mark.parametrize("table", ["nyt_versions", "rss_versions"])
def test_a_url_or_byline_that_is_not_utf8_is_read_with_a_warning(tmp_path: Path,
                                                                 table: str) -> None:
    # their bad bytes were replaced with `�` and nothing said so, where a title's were warned of
    path = _versions_db(tmp_path / "titles.db", [
        (1, "m", b"https://example.com/caf\xe9", "M", "Body.", b"By Jos\xe9", None, "h",
         "2020-01-03 10:00:00", 1),
    ], table)
    if table == "rss_versions":  # the fork's credit column is `author`
        with sqlite3.connect(path) as connection:
            connection.execute("ALTER TABLE rss_versions RENAME COLUMN byline TO author")
        connection.close()
    article, = read_database(path)
    credit = "byline" if table == "nyt_versions" else "author"
    assert article.url == "https://example.com/caf\ufffd"
    assert article.metadata[credit] == "By Jos\ufffd"
    assert article.warnings[:2] == tuple(
        f"{table} row 1 (version 1): {column} holds bytes that are not UTF-8; bad bytes "
        "replaced with �" for column in ("url", credit))


def test_a_version_dated_back_is_warned_of_naming_its_article(tmp_path: Path) -> None:
    # the warning named the table alone, where every other one names the article
    url = "https://www.nytimes.com/2020/01/03/world/d.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "d", url, "One", "A.", None, None, "h", "2020-01-03 10:00:00", 1),
        (2, "d", url, "Two", "B.", None, None, "h", "2020-01-03 09:00:00", 2),
    ])
    article, = read_database(path)
    dated_back = ("nyt_versions: article 'd': version 2 is dated before version 1 "
                  "(2020-01-03 09:00:00 < 2020-01-03 10:00:00); kept in version order")
    assert [w for w in article.warnings if "dated before" in w] == [dated_back]


@pytest.mark.parametrize("url", ["http://[::1/x", "https://["])
def test_a_url_python_cannot_split_is_refused_naming_its_row(tmp_path: Path, url: str) -> None:
    # it became the article's URL, where the NewsEdits and NewsDiffs readers refuse it
    # (`checked_url`)
    path = _versions_db(tmp_path / "titles.db", [
        (1, "n", "https://example.com/n", "N", "A.", None, None, "h", "2020-01-03 10:00:00", 1),
        (2, "n", url, "N", "B.", None, None, "h", "2020-01-03 11:00:00", 2),
    ])
    with pytest.raises(MalformedPage, match="nyt_versions row 2: url .* is not a well-formed URL"):
        read_database(path)


def test_the_written_kicker_column_is_null(tmp_path: Path) -> None:
    """The writer filled `kicker` from an article's `metadata`, which no reader sets (the reader
    does not read the column): an article given one wrote a value that reads back as nothing."""
    path = tmp_path / "nyt.db"
    article = Article(source=None, url="https://www.nytimes.com/2020/01/03/world/k.html",
                      versions=(Version(1, "T", ("Body.",), time=datetime(2020, 1, 3, 10)),),
                      metadata={"kicker": "Breaking News"})
    write_database(path, [article])
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT kicker FROM nyt_versions").fetchall() == [(None,)]
    finally:
        connection.close()


def test_the_original_names_the_source_of_another_site_by_its_url(tmp_path: Path) -> None:
    """The original gave `nyt` for every article, also one of independent.co.uk (as the sample
    holds); it names the URL's site as the fork does, `nyt` for nytimes.com and without a url."""
    path = _versions_db(tmp_path / "titles.db", [
        (1, "a", "https://www.independent.co.uk/news/a.html", "A", "Body.", None, None, "h",
         "2020-01-03 10:00:00", 1),
        (2, "b", "https://www.nytimes.com/2020/01/03/world/b.html", "B", "Body.", None, None, "h",
         "2020-01-03 10:00:00", 1),
        (3, "c", None, "C", "Body.", None, None, "h", "2020-01-03 10:00:00", 1),
    ])
    assert [a.source for a in read_database(path)] == ["independent", "nyt", "nyt"]


def test_the_original_sample_names_each_site_its_urls_are_of() -> None:
    assert [a.source for a in read_database(SAMPLES / "nytdiff-titles.db")] == [
        a.source for a in read_database(SAMPLES / "nytdiff-rss-titles.db")]


@pytest.mark.parametrize(("rowid_type", "first", "second"), [("TEXT", "zz", "aa"),
                                                              ("INTEGER", 9, 3)])
def test_a_column_named_rowid_does_not_stand_for_the_order_rows_were_written_in(
        tmp_path: Path, rowid_type: str, first: object, second: object) -> None:
    """A table without an id column but with a column named `rowid` hides SQLite's rowid behind
    it: its text stopped the reading with a ValueError traceback, and its numbers ordered rows
    of one time against the order they were written in."""
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE rss_versions (article_id TEXT, url TEXT, title TEXT, "
                       f"abstract TEXT, date_time DATETIME, version INTEGER, rowid {rowid_type})")
    connection.executemany("INSERT INTO rss_versions VALUES (?, ?, ?, ?, ?, ?, ?)", [
        ("a", "https://x.example/a", "One", "A", "2020-01-03 10:00:00", 1, first),
        ("a", "https://x.example/a", "Two", "B", "2020-01-03 10:00:00", 1, second)])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]


def test_a_table_without_rowid_is_read(tmp_path: Path) -> None:
    """A WITHOUT ROWID table was refused: `cannot read nyt_versions (no such column: rowid)`."""
    path = tmp_path / "titles.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE nyt_versions (id INTEGER PRIMARY KEY, article_id TEXT, "
                       "url TEXT, title TEXT, abstract TEXT, date_time DATETIME, version INTEGER) "
                       "WITHOUT ROWID")
    connection.executemany("INSERT INTO nyt_versions VALUES (?, ?, ?, ?, ?, ?, ?)", [
        (2, "a", "https://www.nytimes.com/a.html", "Two", "B", "2020-01-03 11:00:00", 2),
        (1, "a", "https://www.nytimes.com/a.html", "One", "A", "2020-01-03 10:00:00", 1)])
    connection.commit()
    connection.close()
    article, = read_database(path)
    assert [(v.number, v.title) for v in article.versions] == [(1, "One"), (2, "Two")]


def test_a_null_or_empty_date_time_is_warned_of_once_per_article(tmp_path: Path) -> None:
    """A NULL date_time gave a version with no time and no warning, where text that is no time
    is warned of."""
    url = "https://www.nytimes.com/2020/01/03/world/c.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "c", url, "One", "A.", None, None, "h", None, 1),
        (2, "c", url, "Two", "B.", None, None, "h", "2020-01-03 10:00:00", 2),
        (3, "c", url, "Three", "C.", None, None, "h", "", 3),
        (4, "d", url + "?2", "Other", "D.", None, None, "h", "2020-01-03 10:00:00", 1),
    ])
    first, second = read_database(path)
    assert [v.time for v in first.versions] == [None, datetime(2020, 1, 3, 10), None]
    assert [w for w in first.warnings if "date_time" in w and "zone" not in w] == [
        "nyt_versions: article 'c': date_time is NULL or empty in versions 1, 3; read with no time"]
    assert not any("NULL or empty" in w for w in second.warnings)


def test_a_date_time_stored_as_a_number_is_seconds_or_milliseconds_since_1970_in_utc(
        tmp_path: Path) -> None:
    """docs/INPUTS.md said every time was kept as stored, without a zone; a number is read as
    Unix seconds, in UTC, or milliseconds where seconds give no date, as NewsEdits reads one:
    milliseconds were no time here. One that gives no date either way is kept as text."""
    url = "https://www.nytimes.com/2020/01/03/world/e.html"
    path = _versions_db(tmp_path / "titles.db", [
        (1, "x", url, "T", "One.", None, None, "h1", 1578000000, 1),
        (2, "x", url, "T", "Two.", None, None, "h2", 1578003600000, 2),
        (3, "x", url, "T", "Three.", None, None, "h3", 10 ** 18, 3)])
    article, = read_database(path)
    assert article.versions[0].time == datetime(2020, 1, 2, 21, 20, tzinfo=UTC)
    assert article.versions[1].time == datetime(2020, 1, 2, 22, 20, tzinfo=UTC)
    assert (article.versions[2].time, article.versions[2].time_text) == (None, str(10 ** 18))
    assert (f"nyt_versions row 3 (version 3): date_time '{10 ** 18}' is not a time"
            in article.warnings)
