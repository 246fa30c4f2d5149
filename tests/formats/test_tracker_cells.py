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
