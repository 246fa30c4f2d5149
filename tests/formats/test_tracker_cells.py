"""Tracker databases whose cells hold anything SQLite can store: read, or refused with one
RevdiffError, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revdiff.errors import RevdiffError
from revdiff.formats.databases import read_database

cells = st.one_of(st.none(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=True),
                  st.text(max_size=30), st.binary(max_size=20),
                  st.sampled_from(["2020-01-03 10:00:00", "2020-13-45", "1e400", "1"]))
rows = st.lists(st.tuples(*[cells] * 9), min_size=1, max_size=6)

NYTDIFF = ("CREATE TABLE nyt_versions (id INTEGER PRIMARY KEY, article_id, url, title, abstract, "
           "byline, kicker, hash, date_time, version)")
DIFFENGINE = ("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, title, url, summary, created, "
              "archive_url, entry_id, extra1, extra2, extra3)")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(schema=st.sampled_from([NYTDIFF, DIFFENGINE]), values=rows)
def test_any_cells_are_read_or_refused_cleanly(tmp_path: Path, schema: str,
                                               values: list[tuple[object, ...]]) -> None:
    path = tmp_path / "tracker.db"
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute(schema)
    if schema is DIFFENGINE:
        connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url)")
    table = schema.split()[2]
    connection.executemany(f"INSERT INTO {table} VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    connection.commit()
    connection.close()
    try:
        articles = read_database(path)
    except RevdiffError:
        return
    assert sum(len(a.versions) for a in articles) == len(values)  # no row dropped
    for article in articles:
        for version in article.versions:
            assert all(isinstance(p, str) and p for p in version.paragraphs)
            assert isinstance(version.title, str)


def test_a_time_whose_zone_puts_it_before_the_year_1_is_no_time(tmp_path: Path) -> None:
    """`0001-01-01T00:00:00+00:01` is a minute before the year 1 in UTC: sorting the versions
    by time converted it, and reading the database ended in an OverflowError."""
    for schema in (NYTDIFF, DIFFENGINE):
        path = tmp_path / f"{schema.split()[2]}.db"
        connection = sqlite3.connect(path)
        connection.execute(schema)
        if schema is DIFFENGINE:
            connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url)")
        row = {"article_id": "a1", "entry_id": 1, "title": "T", "url": "https://example.com/a",
               "abstract": "Text.", "summary": "<p>Text.</p>", "version": 1}
        columns = schema[schema.index("(") + 1:-1].split(", ")[1:]
        for number, time in ((1, "2020-01-03 10:00:00+00:00"), (2, "0001-01-01T00:00:00+00:01")):
            values = {**row, "version": number, "date_time": time, "created": time}
            connection.execute(f"INSERT INTO {schema.split()[2]} VALUES (NULL, "
                               f"{', '.join('?' * len(columns))})",
                               [values.get(column) for column in columns])
        connection.commit()
        connection.close()
        (article,) = read_database(path)
        assert [version.time is None for version in article.versions].count(True) == 1
        assert any("'0001-01-01T00:00:00+00:01' is not a time" in warning
                   for warning in article.warnings), article.warnings


def _three_trackers(folder: Path, ids: list[object]) -> dict[str, Path]:
    """A NewsEdits, a NYTdiff and a diffengine file whose rows, one per id, hold these ids in a
    column without a type (which keeps each as it is given)."""
    paths = {name: folder / f"{name}.db" for name in ("newsedits", "nytdiff", "diffengine")}
    for name, path in paths.items():
        connection = sqlite3.connect(path)
        if name == "newsedits":
            connection.execute("CREATE TABLE entryversion (entry_id, version, title, summary, "
                               "created)")
            rows = [(i, n, f"T{n}", "<p>A.</p>", f"2020-01-03 1{n}:00:00") for n, i in enumerate(ids)]
        elif name == "nytdiff":
            connection.execute("CREATE TABLE nyt_versions (article_id, version, title, abstract, "
                               "date_time)")
            rows = [(i, n, f"T{n}", "A.", f"2020-01-03 1{n}:00:00") for n, i in enumerate(ids)]
        else:
            connection.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, url)")
            connection.execute("CREATE TABLE entryversion (entry_id, title, summary, created)")
            rows = [(i, f"T{n}", "<p>A.</p>", f"2020-01-03 1{n}:00:00") for n, i in enumerate(ids)]
        table = "nyt_versions" if name == "nytdiff" else "entryversion"
        connection.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})",
                               rows)
        connection.commit()
        connection.close()
    return paths


@pytest.mark.parametrize(("ids", "apart"), [
    ([1, 1.0, "1"], False),  # a number column passed through a CSV file: one id
    ([1.5, "1.5"], True),  # no tracker writes a fractional id: as stored
    ([1e20, "100000000000000000000"], True),  # a REAL keeps no id past 2**53 exactly
])
def test_the_three_trackers_tell_ids_apart_alike(tmp_path: Path, ids: list[object],
                                                 apart: bool) -> None:
    """NYTdiff grouped rows by the text of the id (`1.5` and `'1.5'` one article) where
    NewsEdits and diffengine kept them apart."""
    for name, path in _three_trackers(tmp_path, ids).items():
        articles = read_database(path)
        assert [[v.title for v in a.versions] for a in articles] == (
            [["T0"], ["T1"]] if apart else [["T0", "T1", "T2"]]), name


def test_the_three_trackers_name_an_id_alike(tmp_path: Path) -> None:
    """NYTdiff named `article '1'`, quoting a number as text, where the others say `entry 1`;
    and the id 0 is an id, not none."""
    for name, path in _three_trackers(tmp_path, [0, "0", 1, 1.0]).items():
        zero, one = read_database(path)
        kind = "article" if name == "nytdiff" else "entry"
        warnings = "\n".join(zero.warnings + one.warnings)
        assert f"{kind} 0 is written as '0', 0 in " in warnings, name
        assert f"{kind} 1 is written as 1, 1.0 in " in warnings, name
        assert "no article_id" not in warnings, name


def test_an_id_stored_as_a_blob_is_said_to_be_one(tmp_path: Path) -> None:
    """`b'1'` beside `1` and `'1'` was said to be written as `'1', 1`: as the text, not a BLOB."""
    for name, path in _three_trackers(tmp_path, [1, b"1", "1"]).items():
        article, = read_database(path)
        kind = "article" if name == "nytdiff" else "entry"
        assert any(f"{kind} 1 is written as '1', 1, BLOB '1' in " in w
                   for w in article.warnings), name
