"""The columns of a NewsEdits file's `entryversion` table: which of them holds each field.

Their names vary between NewsEdits releases and their derivatives, so they are looked up from
the table itself (`find_columns`).
"""

from __future__ import annotations

import sqlite3

from revdiff.errors import MalformedPage
from revdiff.formats.sqlite_schema import tables

TABLE = "entryversion"

# For each field, the column names NewsEdits releases and their derivatives use, best first.
COLUMN_CANDIDATES: dict[str, tuple[str, ...]] = {
    "entry": ("entry_id", "entryid", "article_id", "articleid"),
    "version": ("version", "version_id", "version_number", "num"),
    "text": ("summary", "text", "body", "content"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "created": ("created", "created_at", "date", "time"),
    "source": ("source", "outlet"),
    "count": ("num_versions", "version_count"),
}
REQUIRED_FIELDS = ("entry", "version", "text")


def find_columns(connection: sqlite3.Connection, where: str) -> dict[str, str]:
    """Map each field to the column of `entryversion` that holds it; raise if a required one lacks."""
    schema = tables(connection, where)
    table = schema.get(TABLE)
    if table is None:
        found = ", ".join(t.name for t in schema.values()) or "none"
        raise MalformedPage(f"SQLite file has no {TABLE} table (tables: {found})", where,
                            hint="give a NewsEdits file, whose versions are in entryversion")
    present = table.columns
    columns: dict[str, str] = {}
    for field, candidates in COLUMN_CANDIDATES.items():
        name = next((present[c] for c in candidates if c in present), None)
        if name is not None:
            columns[field] = name
    missing = [f for f in REQUIRED_FIELDS if f not in columns]
    if missing:
        wanted = "; ".join(f"{f}: one of {', '.join(COLUMN_CANDIDATES[f])}" for f in missing)
        raise MalformedPage(
            f"{TABLE} lacks required columns ({wanted}); it has {', '.join(present.values())}",
            where, hint="rename the columns or export the table with the NewsEdits names")
    columns["table"] = table.name
    return columns
