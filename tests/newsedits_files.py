"""NewsEdits SQLite files built for the tests: the table NewsEdits' own files have
(`NEWSEDITS_TABLE`), and `make_database`, which writes a file of one table and its rows."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

# The `entryversion` table as NewsEdits writes it: a row for each version of each entry.
NEWSEDITS_TABLE = ("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, entry_id INT, version INT, "
                   "title TEXT, url TEXT, source TEXT, created TEXT, num_versions INT, "
                   "summary TEXT)")


def make_database(path: Path, create: str, rows: list[tuple[object, ...]]) -> Path:
    """`path`, an SQLite file of the table `create` makes (`CREATE TABLE name (...)`) holding
    `rows`, a value for each of its columns in each."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(create)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            table = create.split()[2]
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        connection.commit()
    return path
