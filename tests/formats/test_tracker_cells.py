"""Tracker databases whose cells hold anything SQLite can store: read, or refused with one
RevdiffError, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
