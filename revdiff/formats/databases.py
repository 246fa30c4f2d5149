"""Read a SQLite input with the reader of the tracker that wrote it (see `sqlite_schema`)."""

from __future__ import annotations

from pathlib import Path

from revdiff.formats import diffengine, newsedits, nytdiff
from revdiff.formats.sqlite_schema import (
    DatabaseKind,
    database_kind,
    open_read_only,
    tables,
)
from revdiff.model import Article


def read_database(path: Path) -> list[Article]:
    """Every article of a NewsEdits, diffengine or NYTdiff file; refuse any other SQLite file."""
    where = str(path)
    connection = open_read_only(path)
    try:
        schema = tables(connection, where)
        kind = database_kind(schema, where)
        if kind is DatabaseKind.NYTDIFF:
            return nytdiff.read_tables(connection, schema, where)
        if kind is DatabaseKind.DIFFENGINE:
            return diffengine.read_tables(connection, schema, where)
    finally:
        connection.close()
    return newsedits.read_database(path)
