"""NewsEdits SQLite files: `entryversion` rows grouped by entry, ordered by version.

NewsEdits ships one SQLite file per outlet. Its `entryversion` table holds one row per stored
version; the column names vary between releases, so they are looked up from the table itself:
entry id (`entry_id`), version number (`version`), title, url, creation time (`created`), source,
number of versions (`num_versions`) and the text (`summary`, paragraphs joined by `</p><p>`).
The file is opened read-only.

Broken rows are read as far as they go, each with a warning naming its entry and version: of rows
that repeat an entry's version number the first written (lowest rowid) is read and the others are
left out; a NULL title or text is read as empty; a `created` that is no time keeps its text (News
Sniffer's "about 1 hour later", which revdiff's own export writes there, without a warning); a
version dated before the one before it keeps its place by number.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from revdiff.errors import EmptyInput, MalformedPage, RevdiffError
from revdiff.formats.article_errors import skip_or_raise
from revdiff.formats.fields import (
    RELATIVE_TIME,
    checked_url,
    dated_back_warnings,
    parse_iso_time,
    parse_number,
    shown,
    time_from_epoch,
)
from revdiff.formats.sqlite_schema import cell_text, open_read_only, quote
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

_PARAGRAPH_BREAK = re.compile(r"\s*</p>\s*<p(?:\s[^>]*)?>\s*", re.IGNORECASE)
_OUTER_P = re.compile(r"^\s*<p(?:\s[^>]*)?>|</p>\s*$", re.IGNORECASE)


def split_summary(summary: str) -> tuple[str, ...]:
    """Paragraphs of a NewsEdits text: joined by `</p><p>`, a line break inside one read as a
    space; a text without `<p>` marks, one per line."""
    inner = _OUTER_P.sub("", summary)
    marked = inner != summary or _PARAGRAPH_BREAK.search(inner)  # paragraphs given as <p>
    pieces = _PARAGRAPH_BREAK.split(inner) if marked else inner.split("\n")
    paragraphs = (collapse_whitespace(p) for p in pieces)
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
        table = quote(columns["table"])
        fields = [f for f in COLUMN_CANDIDATES if f in columns]
        row_id = "rowid" if _has_rowid(connection, table) else "NULL"
        select = ", ".join([*(quote(columns[f]) for f in fields), row_id])
        query = (f"SELECT {select} FROM {table} "
                 f"ORDER BY {quote(columns['entry'])}, {quote(columns['version'])}, {row_id}")
        try:
            rows = [dict(zip((*fields, "rowid"), row)) for row in connection.execute(query)]
        except sqlite3.DatabaseError as error:
            raise MalformedPage(f"cannot read {TABLE} ({error})", where) from None
    finally:
        connection.close()
    if not rows:
        raise EmptyInput(f"the {TABLE} table is empty", where,
                         hint="give a NewsEdits file that holds versions")
    return _group_articles(rows, columns, where)


def _has_rowid(connection: sqlite3.Connection, table: str) -> bool:
    """Whether the table's rows have a rowid (the order they were written in): not WITHOUT ROWID."""
    try:
        connection.execute(f"SELECT rowid FROM {table} LIMIT 0")
    except sqlite3.DatabaseError:
        return False
    return True


def _group_articles(rows: Sequence[dict[str, object]], columns: dict[str, str],
                    where: str) -> list[Article]:
    grouped: dict[object, list[dict[str, object]]] = {}
    for row in rows:
        grouped.setdefault(row["entry"], []).append(row)
    articles = []
    for entry, entry_rows in grouped.items():
        try:
            articles.append(_article(entry, entry_rows, columns, where))
        except RevdiffError as error:  # one entry's: `export --skip-errors` reads the others
            skip_or_raise(error)
    return articles


def _article(entry: object, entry_rows: list[dict[str, object]], columns: dict[str, str],
             where: str) -> Article:
    """One entry's rows as an article: a broken row is read as far as it goes, with a warning.

    Of rows that repeat a version number the first written is read, the others are left out. A
    NULL title or text is read as empty, a `created` that is no time keeps its text (warned,
    unless it is News Sniffer's "about 1 hour later", which revdiff's export writes), and a
    version dated before the one before it keeps its place by number. The url, source and
    num_versions are the lowest version's.
    """
    entry_name = f"entry {shown(entry)}"
    numbered = [(parse_number(row["version"], f"{entry_name}: version", where), row)
                for row in entry_rows]
    # Stable: rows of one number stay in the order SQLite gave them (by rowid where there is one).
    numbered.sort(key=lambda item: (item[0], _written(item[1])))
    by_number: dict[int, list[dict[str, object]]] = {}
    for number, row in numbered:
        by_number.setdefault(number, []).append(row)
    warnings: list[str] = []
    versions = []
    for number, same in by_number.items():
        row = same[0]
        if len(same) > 1:
            warnings.append(_duplicate_warning(entry_name, number, same))
        place = f"{entry_name} version {number}"
        time, time_text = parse_created(row.get("created"), f"{place}: created", where)
        if "title" in columns and row.get("title") is None:
            warnings.append(f"{place}: {columns['title']} is NULL, read as empty")
        if row.get("text") is None:
            warnings.append(f"{place}: {columns['text']} is NULL, read as no text")
        if time_text is not None and not RELATIVE_TIME.fullmatch(time_text):
            warnings.append(f"{place}: {columns['created']} {shown(time_text)} is not a time")
        title = _cell_text(row, "title", columns, place, warnings)
        text = _cell_text(row, "text", columns, place, warnings)
        versions.append(Version(number, title, split_summary(text), time, time_text))
    warnings.extend(dated_back_warnings(entry_name, versions,
                                        f"{columns.get('created', 'created')} "))
    first = by_number[versions[0].number][0]
    count = first.get("count")
    url = cell_text(first["url"]) if first.get("url") else None
    if url is not None:
        checked_url(url, f"{entry_name}: url", where)
    if count in (None, ""):
        changes = None
    else:
        changes = parse_number(count, f"{entry_name}: num_versions", where)
    return Article(
        cell_text(first["source"]) if first.get("source") else None, url, tuple(versions),
        changes, {"entry_id": str(entry)}, tuple(warnings),
    )


def _cell_text(row: dict[str, object], field: str, columns: dict[str, str], place: str,
               warnings: list[str]) -> str:
    """A text cell of a version's row; a BLOB is read as UTF-8, its bad bytes replaced with a
    warning (its Python form, `b'...'`, was read as the text)."""
    value = row.get(field)
    if isinstance(value, bytes) and not value.isascii():
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            warnings.append(f"{place}: {columns[field]} holds bytes that are not UTF-8; bad "
                            "bytes replaced with �")
    return cell_text(value) or ""


def _written(row: dict[str, object]) -> int:
    """Where a row comes in the order rows were written: its rowid (0 where there is none)."""
    row_id = row.get("rowid")
    return row_id if isinstance(row_id, int) else 0


def _duplicate_warning(entry_name: str, number: int, same: Sequence[dict[str, object]]) -> str:
    others = len(same) - 1
    ids = [row.get("rowid") for row in same]
    if all(isinstance(row_id, int) for row_id in ids):
        read = f"the first written (rowid {ids[0]}) is read"
        left = (f"the other{'s' if others > 1 else ''} "
                f"(rowid {', '.join(str(row_id) for row_id in ids[1:])}) left out")
    else:
        read = "the first is read"
        left = f"{others} other{'s' if others > 1 else ''} left out"
    kept = (same[0].get("title"), same[0].get("text"))
    alike = all((row.get("title"), row.get("text")) == kept for row in same[1:])
    return (f"{entry_name} has {len(same)} rows for version {number}: {read}, {left}"
            f"{' (same title and text)' if alike else ''}")
