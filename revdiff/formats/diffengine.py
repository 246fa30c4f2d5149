"""diffengine SQLite files (`diffengine.db`): `entryversion` rows grouped by `entry_id`.

diffengine follows RSS/Atom feeds and, each time an entry's page reads differently, stores an
`entryversion` row: `title`, the canonical `url`, `summary` (the readability extract, cleaned to
`<p>` tags only, its newlines turned into spaces and `&` `<` `>` escaped), `created` (written
with `datetime.utcnow()`, so UTC without a zone) and `archive_url` (its Wayback Machine
snapshot). The table has no version column: an entry's versions are its rows ordered by
`created`, then `id`, numbered 1, 2, ... (said in a warning). An `entry_id` written as `1` in
some rows and `1.0` or `'1'` in others is one entry (`id_key`, as NewsEdits reads it), warned.
The entry's feed link is in `entry.url`; the `diff` table pairs consecutive versions and adds no
text. An `entry_id` stored as a BLOB is read as UTF-8 text (`b'1'` is `1`), as a title is; an
`entry_id`, title, summary, `url`, `archive_url` or feed link whose bytes are not UTF-8 is warned
about, as NYTdiff and NewsEdits warn. A `url`, `archive_url` or feed link Python cannot split
(`http://[::1/x`) is refused, naming its row, as every reader refuses such a URL (`checked_url`).
A feed link that is empty or a number (no URL) is warned of, the url of the rows read instead.
"""

from __future__ import annotations

import html
import re
import sqlite3
from datetime import UTC

from revdiff.errors import EmptyInput
from revdiff.formats.fields import checked_url, source_of_url
from revdiff.formats.nytdiff import sortable_time
from revdiff.formats.sqlite_schema import (
    Table,
    cannot_read,
    cell_shown,
    cell_text,
    cell_time,
    cell_time_warning,
    id_key,
    id_not_utf8_warning,
    id_spellings_warning,
    is_not_utf8,
    not_utf8_warning,
    quote,
    table_rows,
    tracker_row_id,
    untimed_warning,
)
from revdiff.formats.summary_paragraphs import split_summary
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version
from revdiff.read_warnings import counted

REQUIRED_COLUMNS = ("entry_id", "title", "summary", "created")
OPTIONAL_COLUMNS = ("id", "url", "archive_url")
# A feed link that is a number, as the TEXT column keeps one's digits: `42`, `-4.5`, `1e3`
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?", re.IGNORECASE)


def split_paragraphs(summary: str) -> tuple[str, ...]:
    """Paragraphs of a diffengine summary: `<p>` elements, entities that bleach escaped undone."""
    paragraphs = (collapse_whitespace(html.unescape(p)) for p in split_summary(summary))
    return tuple(p for p in paragraphs if p)


def read_tables(connection: sqlite3.Connection, schema: dict[str, Table],
                where: str) -> list[Article]:
    """Every entry of a diffengine database that has at least one version."""
    table = schema["entryversion"]
    raw = table_rows(connection, table, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, where,
                     tracker="diffengine", hint="give the diffengine.db file diffengine wrote, unchanged")
    for values in raw:
        for column in ("url", "archive_url"):
            if values.get(column):
                checked_url(str(cell_text(values[column])),
                            f"entryversion row {tracker_row_id(values)}: {column}", where)
    try:
        entry_urls = _entry_urls(connection, schema.get("entry"))
    except sqlite3.DatabaseError as error:
        raise cannot_read(connection, schema["entry"].name, error, where) from None
    if not raw:
        raise EmptyInput(f"the {table.name} table is empty", where,
                         hint="give a diffengine.db whose entries have versions")
    grouped: dict[object, list[dict[str, object]]] = {}
    for values in raw:  # `1`, `1.0` and `'1'` are one entry, as NewsEdits reads them
        grouped.setdefault(id_key(values["entry_id"]), []).append(values)
    for entry in grouped:  # the feed links of the entries read, in the order of their rows
        if entry in entry_urls:
            checked_url(str(cell_text(entry_urls[entry])), f"entry {cell_shown(entry)}: url", where)
    return [_article(entry, rows, entry_urls.get(entry)) for entry, rows in grouped.items()]


def _entry_urls(connection: sqlite3.Connection, entry: Table | None) -> dict[object, object]:
    """The `entry` table's feed links by entry, their cells as stored (text, or bytes)."""
    if entry is None or "id" not in entry.columns or "url" not in entry.columns:
        return {}
    query = f"SELECT {quote(entry.columns['id'])}, {quote(entry.columns['url'])} FROM {quote(entry.name)}"
    return {id_key(row[0]): row[1] for row in connection.execute(query) if row[1] is not None}


def _article(entry: object, rows: list[dict[str, object]], feed_link: object) -> Article:
    """One entry's rows as an article; `feed_link`, its `entry.url` cell, is its URL where it
    has one."""
    warnings: list[str] = []
    entry_name = ("the entryversion rows without an entry_id" if entry is None
                  else f"entry {cell_shown(entry)}")
    if entry is None:
        warnings.append(f"{counted(len(rows), 'entryversion row')} "
                        f"{'has' if len(rows) == 1 else 'have'} no entry_id; read as one article")
    cells = [row["entry_id"] for row in rows]
    warnings.extend(warning for warning in (id_spellings_warning(entry_name, cells, "entry_id", "entry"),
                                            id_not_utf8_warning(entry_name, cells, "entry_id"))
                    if warning is not None)
    timed = []
    for row in rows:
        row_id = tracker_row_id(row)
        read = cell_time(row["created"])
        time = read[0]
        if time is not None and time.tzinfo is None:
            time = time.replace(tzinfo=UTC)
        time_warning = cell_time_warning(row["created"], read, f"entryversion row {row_id}: created")
        if time_warning is not None:
            warnings.append(time_warning)
        timed.append((time, row_id, row))
    in_rows = [row_id for _, row_id, _ in timed]
    timed.sort(key=lambda item: (item[0] is None, sortable_time(item[0]), item[1]))
    if [row_id for _, row_id, _ in timed] != in_rows:
        warnings.append(f"{entry_name}: created goes back in time between rows; versions "
                        "follow created, not the order the rows were written")
    versions = []
    for number, (time, row_id, row) in enumerate(timed, start=1):
        if row["title"] is None:
            warnings.append(f"entryversion row {row_id} (version {number}): title is NULL, "
                            "read as empty")
        if row["summary"] is None:
            warnings.append(f"entryversion row {row_id} (version {number}): summary is NULL, "
                            "read as no text")
        warnings.extend(not_utf8_warning(f"entryversion row {row_id} (version {number})", column)
                        for column in ("title", "summary", "url", "archive_url")
                        if is_not_utf8(row.get(column)))
        paragraphs = split_paragraphs(cell_text(row["summary"]) or "")
        if row["summary"] is not None and not paragraphs:
            warnings.append(f"entryversion row {row_id} (version {number}): summary holds no "
                            "text; kept as a version without paragraphs")
        versions.append(Version(number, collapse_whitespace(cell_text(row["title"]) or ""),
                                paragraphs, time,
                                None if time is not None else _text(row["created"])))
    untimed = untimed_warning(entry_name, "created", [
        number for number, (_, _, row) in enumerate(timed, start=1)
        if cell_time(row["created"]) == (None, None)])
    if untimed is not None:
        warnings.append(untimed)
    warnings.insert(0, "entryversion has no version column: versions are numbered 1, 2, ... "
                       "in order of created (read as UTC, as diffengine writes it)")
    urls = [str(cell_text(row["url"])) for _, _, row in timed if row.get("url")]
    if is_not_utf8(feed_link):
        warnings.append(not_utf8_warning(entry_name, "url (its feed link, in the entry table)"))
    url = _feed_link_url(entry_name, feed_link, bool(urls), warnings) or (urls[-1] if urls
                                                                        else None)
    metadata = {"tracker": "diffengine"}
    if entry is not None:  # as NewsEdits: rows without an entry_id have none
        metadata["entry_id"] = str(cell_text(entry))
    archives = [str(cell_text(row["archive_url"])) for _, _, row in timed
                if row.get("archive_url")]
    if archives:
        metadata["archive_urls"] = " ".join(archives)
    if urls and urls[-1] != url:
        metadata["canonical_url"] = urls[-1]
    return Article(source_of_url(url), url, tuple(versions), None,
                   metadata, tuple(warnings))


def _feed_link_url(entry_name: str, feed_link: object, rows_have_url: bool,
                   warnings: list[str]) -> str | None:
    """The entry's URL from its feed link (`entry.url`), None for NULL; an empty one, or a
    number (stored as one, or as its digits in the TEXT column), no URL, is warned of and left
    for the url of its rows."""
    text = cell_text(feed_link)
    if text is None:
        return None
    if not text.strip():
        wrong = "is empty"
    elif _NUMBER.fullmatch(text.strip()):
        wrong = f"is a number ({text.strip()}), no URL"
    else:
        return text
    instead = "the url of its rows is read instead" if rows_have_url else "read as no URL"
    warnings.append(f"{entry_name}: url (its feed link, in the entry table) {wrong}; {instead}")
    return None


def _text(value: object) -> str | None:
    return None if value is None or value == "" else cell_text(value)
