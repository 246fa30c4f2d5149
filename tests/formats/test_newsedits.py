"""NewsEdits SQLite files: the writer and reader round-trip; column variants; bad files."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from story_chains import SAMPLES, story_chains, versions

from revdiff.errors import EmptyInput, MalformedPage
from revdiff.formats.newsedits import read_database, split_summary
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
        assert (back.source, back.url, back.changes) == (original.source, original.url,
                                                         original.changes)


def test_sample_holds_the_three_chains() -> None:
    read = read_database(SAMPLES / "newsedits.sqlite")
    chains = story_chains()
    assert [a.versions for a in read] == [c.versions for c in chains]
    assert [a.url for a in read] == [c.url for c in chains]
    assert [a.metadata["entry_id"] for a in read] == ["1", "2", "3"]


def test_reading_leaves_the_file_untouched() -> None:
    path = SAMPLES / "newsedits.sqlite"
    before = path.read_bytes()
    read_database(path)
    assert path.read_bytes() == before
    assert not (SAMPLES / "newsedits.sqlite-journal").exists()


def make_database(path: Path, create: str, rows: list[tuple[object, ...]]) -> Path:
    connection = sqlite3.connect(path)
    connection.execute(create)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        table = create.split()[2]
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    connection.commit()
    connection.close()
    return path


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


def test_duplicate_version_rows(tmp_path: Path) -> None:
    path = make_database(tmp_path / "dup.db",
                         "CREATE TABLE entryversion (entry_id, version, summary)",
                         [(1, 0, "a"), (1, 0, "b")])
    with pytest.raises(MalformedPage, match="two rows for version 0"):
        read_database(path)


def test_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.db"
    path.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes()[:5000])
    with pytest.raises(MalformedPage, match="not a readable SQLite database"):
        read_database(path)
