"""NewsEdits SQLite files: `entryversion` rows grouped by entry, ordered by version.

NewsEdits ships one SQLite file per outlet. Its `entryversion` table holds one row per stored
version; the column names vary between releases, so they are looked up from the table itself:
entry id (`entry_id`), version number (`version`), title, url, creation time (`created`), source,
number of versions (`num_versions`) and the text (`summary`, paragraphs joined by `</p><p>`).
The file is opened read-only.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from revdiff.errors import EmptyInput, MalformedPage
from revdiff.formats.fields import (
    checked_url,
    parse_iso_time,
    parse_number,
    shown,
    time_from_epoch,
)
from revdiff.formats.sqlite_schema import open_read_only, quote
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version

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

_PARAGRAPH_BREAK = re.compile(r"\s*</p>\s*<p(?:\s[^>]*)?>\s*|\n", re.IGNORECASE)
_OUTER_P = re.compile(r"^\s*<p(?:\s[^>]*)?>|</p>\s*$", re.IGNORECASE)


def split_summary(summary: str) -> tuple[str, ...]:
    """Paragraphs of a NewsEdits text: joined by `</p><p>` (or one per line)."""
    inner = _OUTER_P.sub("", summary)
    paragraphs = (collapse_whitespace(p) for p in _PARAGRAPH_BREAK.split(inner))
    return tuple(p for p in paragraphs if p)


def parse_created(value: object, what: str, where: str) -> tuple[datetime | None, str | None]:
    """A `created` cell as (time, None), or (None, the text) when it is not a timestamp.

    Numbers are seconds since 1970; a number or ISO time out of range raises MalformedPage.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return time_from_epoch(value, what, where), None
    text = str(value).strip()
    time = parse_iso_time(text, what, where)
    return (time, None) if time is not None else (None, text)


def find_columns(connection: sqlite3.Connection, where: str) -> dict[str, str]:
    """Map each field to the column of `entryversion` that holds it; raise if a required one lacks."""
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
    table = next((t for t in tables if t.lower() == TABLE), None)
    if table is None:
        found = ", ".join(tables) if tables else "none"
        raise MalformedPage(f"SQLite file has no {TABLE} table (tables: {found})", where,
                            hint="give a NewsEdits file, whose versions are in entryversion")
    present = {row[1].lower(): row[1]
               for row in connection.execute(f"PRAGMA table_info({quote(table)})")}
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
    columns["table"] = table
    return columns


def read_database(path: Path) -> list[Article]:
    """Every article of a NewsEdits SQLite file, versions ordered by version number."""
    where = str(path)
    connection = open_read_only(path)
    try:
        columns = find_columns(connection, where)
        fields = [f for f in COLUMN_CANDIDATES if f in columns]
        select = ", ".join(quote(columns[f]) for f in fields)
        query = (f"SELECT {select} FROM {quote(columns['table'])} "
                 f"ORDER BY {quote(columns['entry'])}, {quote(columns['version'])}")
        try:
            rows = [dict(zip(fields, row)) for row in connection.execute(query)]
        except sqlite3.DatabaseError as error:
            raise MalformedPage(f"cannot read {TABLE} ({error})", where) from None
    finally:
        connection.close()
    if not rows:
        raise EmptyInput(f"the {TABLE} table is empty", where,
                         hint="give a NewsEdits file that holds versions")
    return _group_articles(rows, where)


def _group_articles(rows: Sequence[dict[str, object]], where: str) -> list[Article]:
    grouped: dict[object, list[dict[str, object]]] = {}
    for row in rows:
        grouped.setdefault(row["entry"], []).append(row)
    articles = []
    for entry, entry_rows in grouped.items():
        versions = []
        seen: set[int] = set()
        entry_name = f"entry {shown(entry)}"
        for row in entry_rows:
            number = parse_number(row["version"], f"{entry_name}: version", where)
            if number in seen:
                raise MalformedPage(f"{entry_name} has two rows for version {number}", where,
                                    hint="remove the duplicate rows")
            seen.add(number)
            time, time_text = parse_created(row.get("created"),
                                            f"{entry_name} version {number}: created", where)
            versions.append(Version(number, str(row.get("title") or ""),
                                    split_summary(str(row.get("text") or "")), time, time_text))
        versions.sort(key=lambda version: version.number)
        first = entry_rows[0]
        count = first.get("count")
        url = str(first["url"]) if first.get("url") else None
        if url is not None:
            checked_url(url, f"{entry_name}: url", where)
        if count in (None, ""):
            changes = None
        else:
            changes = parse_number(count, f"{entry_name}: num_versions", where)
        articles.append(Article(
            str(first["source"]) if first.get("source") else None, url, tuple(versions),
            changes, {"entry_id": str(entry)},
        ))
    return articles
