"""NewsEdits SQLite files: `entryversion` rows grouped by entry, ordered by version.

NewsEdits ships one SQLite file per outlet. Its `entryversion` table holds one row per stored
version; the column names vary between releases, so they are looked up from the table itself:
entry id (`entry_id`), version number (`version`), title, url, creation time (`created`), source,
number of versions (`num_versions`) and the text (`summary`, paragraphs joined by `</p><p>`).
The file is opened read-only.

Broken rows are read as far as they go, each with a warning naming its entry and version: of rows
that repeat an entry's version number the first written (lowest rowid) is read and the others are
left out; a row without a version number is left out; a row whose entry id is NULL joins no other
row, an article of its own; a NULL title or text is read as empty; a `created` that is no time keeps
its text (News Sniffer's "about 1 hour later" and a date alone, `2024-02-01`, which revdiff's own
export writes there, without a warning); a time in a zone Python does not know (`CET`) is read in
no zone, with one warning for its entry that names such zones and their versions; a version dated
before the one before it keeps its place by number; an entry's url and source are its lowest
version's that has one (lower versions without one warned of), a later row's other url or source
warned of; the lowest version's num_versions is the entry's, the other rows' not read, left
out when it is no number (it counts the versions the rows hold); an entry id written as `1` in
some rows and `'1'` in others is one entry; an entry id stored as a BLOB is read as UTF-8 text
(`b'1'` is `1`; bad bytes replaced, warned), as a title is, in `entry_id` and in warnings, as
NYTdiff and diffengine read theirs. A number written as a float (`'2.0'`: a CSV file from
pandas) is the whole number it spells (`cell_int`). A file is read an article at a time
(`DatabaseArticles`).

revdiff's own SQLite export is such a file, with revdiff's `article`, `time_text` (what a page
said of a version's time beside the timestamp in `created`) and `time_from` (the number of the
version a relative time counts from) columns and tables beside:
its `comparisons` table keeps the warnings of the readings it was made from, which its articles
read back carry (`exported_warnings`), each after `in the input exported: ` (the entries they name
are the input's), so that an export of the export keeps them; an article without a URL or title
keeps the name the export gave it (its `article` column, `metadata["article"]`), not the export's.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TypeVar, cast

from revdiff.errors import EmptyInput, InputTooLarge, MalformedPage, RevdiffError
from revdiff.formats.article_errors import skip_or_raise, skipping_bad_articles
from revdiff.formats.elision import cut_version
from revdiff.formats.fields import (
    MAX_DIGITS,
    RELATIVE_TIME,
    checked_url,
    dated_back_warnings,
    iso_date,
    leap_second_warning,
    not_a_time_reason,
    parse_written_time,
    shown,
    source_of_url,
    time_from_epoch,
    time_from_problem,
    unread_time_from_warning,
    unread_zone,
)
from revdiff.formats.sqlite_schema import (
    INTEGER_DIGITS,
    ROWID_NAMES,
    Table,
    cannot_read,
    cell_int,
    cell_shown,
    cell_text,
    id_key,
    id_not_utf8_warning,
    id_spellings_warning,
    is_not_utf8,
    not_utf8_warning,
    open_read_only,
    quote,
    raise_dropped_stop,
    rowid_name,
    tables,
    text_or_bytes,
    value_too_long,
)
from revdiff.formats.text_input import (
    RAISED_LIMIT_IN_PYTHON,
    check_size,
    collapse_whitespace,
    limit_beside,
    only_lone_spaces,
    too_large,
)
from revdiff.model import Article, Version
from revdiff.natural_order import NaturalKey, natural_key
from revdiff.read_warnings import SHOWN_BY_PAGES, SHOWN_BY_PARSE_JSON, first_few
from revdiff.size_limit import DEFAULT_MAX_BYTES, MAX_SIZE_ENV, format_size

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

# What tells revdiff's own SQLite export (`revdiff.export.newsedits_sqlite`) from another's
# NewsEdits file: the column naming each version's article, which NewsEdits has none of, and the
# comparisons table whose `warnings` keep the readers' warnings about the article of the entry
# numbered `article_index`.
EXPORT_ARTICLE_COLUMN = "article"
# The columns of revdiff's export holding what the input said of a version's time
# (`Version.time_text`), which a page may say beside the timestamp `created` holds, and the
# number of the version a relative one counts from (`Version.time_from`); read from that export
# alone.
EXPORT_TIME_TEXT_COLUMN = "time_text"
EXPORT_TIME_FROM_COLUMN = "time_from"
EXPORT_WARNINGS_TABLE = "comparisons"
EXPORT_COMPARISON_COLUMNS = ("article_index", "old_version", "new_version", "confidence",
                             "warnings")
# What begins each warning read back from revdiff's export: the warnings are its input's, and
# name the input's entries (`entry 13`), which the export numbers anew (`entry_id` 0, 1, ...).
EXPORTED_INPUT = "in the input exported: "

# White space around a break is left to `collapse_whitespace` (a leading `\s*` made every space
# of the text a place to try a match).
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p(?:\s[^>]*)?>", re.IGNORECASE)
_OPENING_P = re.compile(r"\s*<p(?:\s[^>]*)?>", re.IGNORECASE)


def split_summary(summary: str) -> tuple[str, ...]:
    """Paragraphs of a NewsEdits text: joined by `</p><p>`, a line break inside one read as a
    space; a text without `<p>` marks, one per line."""
    inner = _without_outer_p(summary)
    marked = inner != summary or _PARAGRAPH_BREAK.search(inner)  # paragraphs given as <p>
    pieces = _PARAGRAPH_BREAK.split(inner) if marked else inner.split("\n")
    if only_lone_spaces(inner):  # so is every piece: found out once for the text
        paragraphs = (p.strip(" ") for p in pieces)
    else:
        paragraphs = (collapse_whitespace(p) for p in pieces)
    return tuple(p for p in paragraphs if p)


def _without_outer_p(summary: str) -> str:
    """The text without the `<p>` it opens with and the `</p>` it ends with (a regular
    expression for both tried `</p>` at every place of the text, five times slower)."""
    opening = _OPENING_P.match(summary)
    inner = summary[opening.end():] if opening else summary
    trimmed = inner.rstrip()
    return trimmed[:-4] if trimmed[-4:].lower() == "</p>" else inner


def parse_created(value: object, what: str, where: str) -> tuple[datetime | None, str | None]:
    """A `created` cell as (time, None), or (None, the text) when it is not a time.

    Numbers are seconds since 1970, or milliseconds (as JavaScript writes times) where seconds
    would give no date in the years 1 to 9999; text is read as `parse_written_time` reads it
    (ISO 8601, with ` UTC` after it as BigQuery and R write it, or RFC 2822). A time out of
    that range, or a number that is no time either way, is kept as its text, and so is a date
    alone (`2024-02-01`: the day, not its midnight). A cell of white space only is no time, as an
    empty one.
    """
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None, None
    written = value if isinstance(value, str) else repr(value)  # a float as Python writes it
    if isinstance(value, str) and _is_epoch_text(value):
        # a number in a column declared TEXT, as NewsEdits declares it (`time.time()`'s too)
        value = float(value) if "." in value else int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        for per_second in (1, 1000):
            with contextlib.suppress(MalformedPage, OverflowError):
                return time_from_epoch(value / per_second, what, where), None
        return None, written
    text = str(value)
    if iso_date(text) is not None:  # as revdiff's exports write a file name's date alone
        return None, text
    try:
        time = parse_written_time(text, what, where)
    except MalformedPage:
        time = None
    return (time, None) if time is not None else (None, text)


def _is_epoch_text(text: str) -> bool:
    """Digits that are no ISO date (`20200101` is one) but a number of seconds or milliseconds:
    nine digits or more (1973 onwards), at most as many as a SQLite integer holds, maybe with a
    fraction (`1577836800.25`: SQLite keeps a REAL inserted in a TEXT column as such text)."""
    return _EPOCH_TEXT.fullmatch(text.strip()) is not None


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


class DatabaseArticles:
    """The articles of a NewsEdits file, read one entry at a time as they are iterated: one
    outlet's file of the NewsEdits dataset holds hundreds of thousands of versions, too many to
    hold in memory at once. Their number is known before any text is read; each version's text
    is refused when it is larger than `max_bytes`.

    Opening checks the table, its columns and that it holds rows, and reads each entry's rowids
    by a name of SQLite's for them that no column takes (a table WITHOUT ROWID, rare, or one
    whose columns take all those names, is read whole instead). Articles come in entry order,
    each entry's rows ordered by version number and then in the order they were written. A value
    longer than SQLite makes for the size limit fails the article holding it alone, naming its
    entry and version; rows whose entry id is such a value, which cannot be told apart, fail as
    one article, last, named by rowid.
    """

    def __init__(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = path
        self.where = str(path)
        self.max_bytes = max_bytes
        connection = open_read_only(path, max_bytes)
        try:
            self.columns = find_columns(connection, self.where)
            self.exported = _is_revdiff_export(connection, self.where)
            # the name that selects the rowid of the export's comparisons, the order its rows
            # were written in; None where it has none (`rowid_name`)
            self.comparisons_rowid = (rowid_name(connection, tables(connection, self.where)[
                EXPORT_WARNINGS_TABLE]) if self.exported else None)
            connection.text_factory = text_or_bytes
            self.fields = [f for f in COLUMN_CANDIDATES if f in self.columns]
            versions_table = tables(connection, self.where)[TABLE]
            for field in (EXPORT_TIME_TEXT_COLUMN, EXPORT_TIME_FROM_COLUMN,
                          EXPORT_ARTICLE_COLUMN):
                column = versions_table.columns.get(field)
                if self.exported and column is not None:
                    self.columns[field] = column
                    self.fields.append(field)
            entry = quote(self.columns["entry"])
            rowid = _rowid_of(connection, versions_table)
            # the name that selects the rowid; NULL for a table read whole, which has none
            self.read_whole, self.rowid = rowid is None, rowid or "NULL"
            if not self.read_whole:
                keys, self.long_id_rows = self._made_leaving_out_too_long(
                    connection, f"{entry}, {self.rowid}", order=f"{entry}, {self.rowid}")
                self.entries: list[tuple[object, list[int]]] | None = _by_entry(
                    [(entry_id, cast(int, row_id)) for entry_id, row_id in keys])
                self.rows: list[dict[str, object]] = []
            else:
                self.entries, self.long_id_rows = None, []
                rows, _ = self._made_leaving_out_too_long(
                    connection, self._select(self.rowid),
                    order=f"{entry}, {quote(self.columns['version'])}")
                self.rows = [self._row(values) for values in rows]
        finally:
            connection.close()
        if not (self.entries or self.rows or self.long_id_rows):
            raise EmptyInput(f"the {TABLE} table is empty", self.where,
                             hint="give a NewsEdits file that holds versions")

    def __len__(self) -> int:
        if self.entries is not None:  # the rows of entry ids too long are read as one
            return len(self.entries) + bool(self.long_id_rows)
        without_entry = sum(row["entry"] is None for row in self.rows)
        return len({id_key(row["entry"]) for row in self.rows} - {None}) + without_entry

    def __iter__(self) -> Iterator[Article]:
        connection = open_read_only(self.path, self.max_bytes)
        connection.text_factory = text_or_bytes
        try:
            for article in self._entry_articles(connection, self.fields):
                yield self._as_exported(connection, article) if self.exported else article
        finally:
            connection.close()

    def without_texts(self) -> Iterator[Article]:
        """The file's articles read as `__iter__` reads them but without their texts (each
        version's paragraphs empty): enough to name each (`Article.key`) among the others
        before they are read with their texts. An entry that cannot be read is left out."""
        connection = open_read_only(self.path, self.max_bytes)
        connection.text_factory = text_or_bytes
        try:
            with skipping_bad_articles():
                yield from self._entry_articles(
                    connection, [field for field in self.fields if field != "text"])
        finally:
            connection.close()

    def _as_exported(self, connection: sqlite3.Connection, article: Article) -> Article:
        """The article read from revdiff's export with the warnings it kept (`_exported_warnings`),
        and its versions a rendered page cut marked so again (`Version.cut`), as those warnings
        name them (`cut_warning`): the export keeps their text without the `[...]` marks and no
        other sign of the cut."""
        warnings = self._exported_warnings(connection, article)
        cut = {cut_version(warning) for warning in warnings}
        versions = tuple(replace(version, cut=True) if version.number in cut else version
                         for version in article.versions)
        return replace(article, versions=versions, warnings=warnings)

    def _exported_warnings(self, connection: sqlite3.Connection, article: Article
                           ) -> tuple[str, ...]:
        """The article's warnings with those revdiff's export kept in its comparisons (the
        warnings of the readings it was made from) before them, once each. They come without
        the pointer at the output that shows each unsure row, as the rows are not kept (a git
        store drops it too), and each said to be the input's (`EXPORTED_INPUT`: the entry ids
        they name are not the export's), once through an export of the export; a cell that is no
        JSON list of text is left out, warned. A kept warning this reading gives again (the
        export's own entry dated back, read back from an export of the export) is given once, as
        this reading's, so that exports of exports settle."""
        entry = cell_int(article.metadata.get("entry_id"))
        if entry is None:
            return article.warnings
        stored: list[str] = []
        extra: list[str] = []
        written = (f" ORDER BY min({self.comparisons_rowid})" if self.comparisons_rowid
                   else "")
        for (cell,) in self._query(
                connection, f"SELECT warnings FROM {EXPORT_WARNINGS_TABLE} WHERE article_index "
                            f"= ? GROUP BY warnings{written}", (entry,)):
            warnings = _warnings_list(cell)
            if warnings is None:
                extra.append(f"entry {entry}: {EXPORT_WARNINGS_TABLE} holds warnings that are "
                             f"not a JSON list of text ({cell_shown(cell)}); left out")
                continue
            stored.extend(_as_the_inputs(warning.replace(SHOWN_BY_PARSE_JSON, "")
                                         .replace(SHOWN_BY_PAGES, "")) for warning in warnings)
        again = {_as_the_inputs(warning) for warning in article.warnings}
        kept = [warning for warning in stored if warning not in again]
        return tuple(dict.fromkeys([*kept, *article.warnings, *extra]))

    def _entry_articles(self, connection: sqlite3.Connection,
                        fields: Sequence[str]) -> Iterator[Article]:
        """Each entry's article, its rows read with the columns of `fields` alone (of those
        the file has, `self.fields`), an entry at a time."""
        if self.entries is None:
            yield from _group_articles(self.rows, self.columns, self.where, self.max_bytes,
                                       exported=self.exported)
            return
        table = quote(self.columns["table"])
        select = ", ".join([*(quote(self.columns[field]) for field in fields), self.rowid])
        for entry, rowids in self.entries:
            rows: list[dict[str, object]] = []
            try:
                for start in range(0, len(rowids), _ROWIDS_PER_QUERY):
                    some = rowids[start:start + _ROWIDS_PER_QUERY]
                    rows.extend(dict(zip((*fields, "rowid"), values)) for values in connection.execute(
                        f"SELECT {select} FROM {table} "
                        f"WHERE {self.rowid} IN ({', '.join('?' * len(some))})", some))
            except sqlite3.DatabaseError as error:
                if not value_too_long(error):
                    raise cannot_read(connection, TABLE, error, self.where) from None
                # one entry's: `export --skip-errors` reads the others
                skip_or_raise(self._too_long(connection, entry, rowids))
                continue
            if len(rows) != len(rowids) or any(id_key(row["entry"]) != entry
                                               for row in rows):
                raise MalformedPage(
                    f"the file changed while it was read (the rows of entry {cell_shown(entry)} are "
                    "gone or hold another entry)", self.where,
                    hint="read a copy of the file, or read it when nothing writes to it")
            yield from _group_articles(rows, self.columns, self.where, self.max_bytes,
                                       exported=self.exported)
        if self.long_id_rows:  # their entries cannot be told apart: they fail as one
            skip_or_raise(self._long_ids_error(connection))

    def _too_long(self, connection: sqlite3.Connection, entry: object,
                  rowids: list[int]) -> RevdiffError:
        """The error of an entry with a row holding a value longer than SQLite makes for the
        size limit (`BoundedConnection.bound`), naming the first such row by its version and
        rowid."""
        table = quote(self.columns["table"])
        place = "a row" if entry is None else f"entry {cell_shown(entry)}"
        for row_id in rowids:
            if self._made(connection, f"SELECT {self._select(self.rowid)} FROM {table} "
                                      f"WHERE {self.rowid} = ?", row_id) is None:
                row = f"the row with rowid {row_id}"
                version = self._made(connection, f"SELECT {quote(self.columns['version'])} "
                                                 f"FROM {table} WHERE {self.rowid} = ?",
                                                 row_id)
                number = cell_int(version[0][0]) if version else None
                if entry is None:
                    place = f"{row} without an entry id"
                elif number is None:
                    place = f"{place}: {row}"
                else:
                    place = f"{place} version {number} ({row})"
                break
        longest = connection.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        return too_large(f"{place} holds a value longer than {format_size(longest)} "
                         f"({longest:,} bytes), over the size limit of "
                         f"{limit_beside(longest, self.max_bytes)}", self.where, "one version")

    def _long_ids_error(self, connection: sqlite3.Connection) -> RevdiffError:
        """The error of the rows whose entry id is longer than SQLite makes for the size limit
        (`long_id_rows`), naming them by their rowids."""
        rows = self.long_id_rows
        longest = connection.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        named = (f"the rows with rowid {first_few([str(row_id) for row_id in rows])} hold"
                 if len(rows) > 1 else f"the row with rowid {rows[0]} holds")
        return too_large(f"{named} an {self.columns['entry']} longer than {format_size(longest)} "
                         f"({longest:,} bytes), over the size limit of "
                         f"{limit_beside(longest, self.max_bytes)}", self.where, "an entry id")

    def _read_whole_too_long(self, connection: sqlite3.Connection) -> RevdiffError:
        """The error of a table read whole (`_read_whole_reason`) holding a value longer than
        SQLite makes for the size limit: no rowid tells which entry holds it."""
        longest = connection.getlimit(sqlite3.SQLITE_LIMIT_LENGTH)
        reason, remedy = _read_whole_reason(connection, tables(connection, self.where)[TABLE],
                                            self.where)
        return InputTooLarge(
            f"{TABLE} is read whole ({reason}) and holds a value longer than "
            f"{format_size(longest)} ({longest:,} bytes), over the size limit of "
            f"{limit_beside(longest, self.max_bytes)}: which entry holds it cannot be told",
            self.where, hint=f"raise the limit with --max-size or {MAX_SIZE_ENV} if that value "
                             f"is really one version, {remedy}",
            python_hint=f"if that value is really one version, raise the limit: "
                        f"{RAISED_LIMIT_IN_PYTHON}; {remedy}")

    def _made(self, connection: sqlite3.Connection, query: str,
              row_id: int) -> list[tuple[object, ...]] | None:
        """What `query` selects of the row with rowid `row_id`; None where SQLite refuses to make
        one of its values as too long. Any other error is raised as `cannot_read` says."""
        try:
            return connection.execute(query, (row_id,)).fetchall()
        except sqlite3.DatabaseError as error:
            if value_too_long(error):
                return None
            raise cannot_read(connection, TABLE, error, self.where) from None

    def _made_leaving_out_too_long(self, connection: sqlite3.Connection, select: str,
                                   order: str, condition: str = "TRUE"
                                   ) -> tuple[list[tuple[object, ...]], list[int]]:
        """What `SELECT select FROM` the table `WHERE condition ORDER BY order` makes, but for
        the rows of which SQLite refuses to make a value as too long (`BoundedConnection.bound`),
        and the rowids of those rows. They are found only where the query is refused, by asking
        for the rows in batches of rowids, a batch refused halved down to its rows; a table read
        whole has no rowids to ask by, and is refused (`_read_whole_too_long`). Any other error
        is raised as `cannot_read` says."""
        table = quote(self.columns["table"])
        query = f"SELECT {select} FROM {table} WHERE"
        try:
            return connection.execute(f"{query} {condition} ORDER BY {order}").fetchall(), []
        except sqlite3.DatabaseError as error:
            if not value_too_long(error):
                raise cannot_read(connection, TABLE, error, self.where) from None
            if self.read_whole:
                raise self._read_whole_too_long(connection) from None
        rowids = [cast(int, row_id) for (row_id,) in self._query(
            connection, f"SELECT {self.rowid} FROM {table} ORDER BY {self.rowid}")]
        batches = [rowids[start:start + _ROWIDS_PER_QUERY]
                   for start in range(0, len(rowids), _ROWIDS_PER_QUERY)]
        refused: list[int] = []
        while batches:
            some = batches.pop()
            asked = ", ".join(str(row_id) for row_id in some)  # SQLite's integers
            try:  # the rowids seek the rows; CASE keeps `condition` to them whatever the plan
                connection.execute(f"{query} {self.rowid} IN ({asked}) AND CASE WHEN {self.rowid} "
                                   f"IN ({asked}) THEN ({condition}) END").fetchall()
            except sqlite3.DatabaseError as error:
                if not value_too_long(error):
                    raise cannot_read(connection, TABLE, error, self.where) from None
                if len(some) == 1:
                    refused.append(some[0])
                else:
                    batches += [some[:len(some) // 2], some[len(some) // 2:]]
        refused.sort()
        left_out = ", ".join(str(row_id) for row_id in refused)  # SQLite's integers
        # CASE tests the rowid first, so that SQLite makes no value of a row left out: the terms
        # of an AND it may test in any order
        return self._query(connection, f"{query} CASE WHEN {self.rowid} IN ({left_out}) THEN "
                                       f"FALSE ELSE ({condition}) END ORDER BY {order}"), refused

    def _select(self, row_id: str) -> str:
        return ", ".join([*(quote(self.columns[f]) for f in self.fields), row_id])

    def _row(self, values: Sequence[object]) -> dict[str, object]:
        return dict(zip((*self.fields, "rowid"), values))

    def _query(self, connection: sqlite3.Connection, query: str,
               parameters: Sequence[object] = ()) -> list[tuple[object, ...]]:
        try:
            return connection.execute(query, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            raise cannot_read(connection, TABLE, error, self.where) from None


def _is_revdiff_export(connection: sqlite3.Connection, where: str) -> bool:
    """Whether the file is revdiff's own SQLite export: its versions name their article
    (`EXPORT_ARTICLE_COLUMN`) and its comparisons table has revdiff's columns."""
    schema = tables(connection, where)
    comparisons = schema.get(EXPORT_WARNINGS_TABLE)
    return (EXPORT_ARTICLE_COLUMN in schema[TABLE].columns and comparisons is not None
            and all(column in comparisons.columns for column in EXPORT_COMPARISON_COLUMNS))


def _as_the_inputs(warning: str) -> str:
    """A warning read back from revdiff's export, said to be of the input it was made from
    (`EXPORTED_INPUT`), once: one an export of the export read back says so already."""
    return warning if warning.startswith(EXPORTED_INPUT) else f"{EXPORTED_INPUT}{warning}"


def _warnings_list(cell: object) -> list[str] | None:
    """The warnings of a `warnings` cell of revdiff's export, a JSON list of text; None for a
    cell that holds anything else (an empty list for NULL, as a pair of no warnings)."""
    if cell is None:
        return []
    try:
        warnings = json.loads(cell) if isinstance(cell, (str, bytes)) else None
    except (ValueError, RecursionError):
        return None
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        return None
    try:  # JSON's `\ud800` is a lone surrogate, which no file or terminal takes
        json.dumps(warnings, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return None
    return warnings


def _few_named(names: list[str], shown_names: int = 3) -> str:
    """`5`, `5 and 9`, `5, 9, 12 and 2 more`: the first `shown_names` names and how many more."""
    if len(names) > shown_names:
        return f"{', '.join(names[:shown_names])} and {len(names) - shown_names:,} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# Rowids fetched by one query: below SQLite's smallest limit on a statement's parameters (999).
_ROWIDS_PER_QUERY = 500


def read_database(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Every article of a NewsEdits SQLite file, versions ordered by version number."""
    return list(DatabaseArticles(path, max_bytes))


def _rowid_of(connection: sqlite3.Connection, table: Table) -> str | None:
    """The name that selects the table's rowid (the order its rows were written in), one no
    column of it takes (`rowid_name`); None for a view (its `rowid` is NULL), a table WITHOUT
    ROWID, or one whose columns take all of SQLite's names for it."""
    try:
        return rowid_name(connection, table) if _is_table(connection, table) else None
    except sqlite3.DatabaseError as error:
        raise_dropped_stop(connection, error)
        return None


def _is_table(connection: sqlite3.Connection, table: Table) -> bool:
    """Whether `table` is a table, not a view."""
    kind = connection.execute("SELECT type FROM sqlite_master WHERE name = ?",
                              (table.name,)).fetchone()
    return kind is not None and kind[0] == "table"


def _read_whole_reason(connection: sqlite3.Connection, table: Table,
                       where: str) -> tuple[str, str]:
    """Why the versions' table has no rowid to read it by (`_rowid_of`), and what to do in a
    copy of the file so that it is read an article at a time, naming the entry of a value too
    long: copy its rows into a table with rowids, or, where its columns take all of SQLite's
    names for the rowid (which a copy keeps), rename one."""
    if all(name in table.columns for name in ROWID_NAMES):
        column = table.columns[ROWID_NAMES[-1]]
        free = f"{column}_value"
        while free.lower() in table.columns:
            free += "_"
        names = ", ".join(ROWID_NAMES[:-1])
        rename = (f"or rename one of those columns, which then reads it an article at a time "
                  f"and names the entry of such a value: in a copy of the file, ALTER TABLE "
                  f"{TABLE} RENAME COLUMN {quote(column)} TO {quote(free)}")
        return f"its columns {names} and {ROWID_NAMES[-1]} hide its rowids", rename
    try:
        kind = "a table WITHOUT ROWID" if _is_table(connection, table) else "a view"
    except sqlite3.DatabaseError as error:
        raise cannot_read(connection, TABLE, error, where) from None
    copy = (f"or copy its rows into a table with rowids, which is read an article at a time and "
            f"names the entry of such a value: in a copy of the file, CREATE TABLE copied AS "
            f"SELECT * FROM {TABLE}, drop {TABLE} and rename copied to {TABLE}")
    return kind, copy


_Item = TypeVar("_Item")  # what `_by_entry` groups: a rowid, a row


def _by_entry(items: Sequence[tuple[object, _Item]]) -> list[tuple[object, list[_Item]]]:
    """The items of each entry, from (entry id, item) pairs ordered by entry: the entries in
    their natural order (`_natural_order`), then each item whose entry id is NULL, which joins
    no other, an entry of its own."""
    entries: dict[object, list[_Item]] = {}
    for entry, item in items:
        if entry is not None:
            entries.setdefault(id_key(entry), []).append(item)
    without_entry: list[tuple[object, list[_Item]]] = [
        (None, [item]) for entry, item in items if entry is None]
    return [*sorted(entries.items(), key=lambda entry_items: _natural_order(entry_items[0])),
            *without_entry]


def _natural_order(entry: object) -> NaturalKey:
    """An entry id (`id_key`) as its place among the others, its text's natural order
    (`natural_key`), so that `Story 2` comes before `Story 10` (SQLite's order put it after)."""
    return natural_key(str(entry))


# Seconds or milliseconds since 1970 written as text (`_is_epoch_text`)
_EPOCH_TEXT = re.compile(rf"[0-9]{{9,{INTEGER_DIGITS}}}(?:\.[0-9]+)?")


def _group_articles(rows: Sequence[dict[str, object]], columns: dict[str, str],
                    where: str, max_bytes: int, *, exported: bool) -> Iterator[Article]:
    for entry, entry_rows in _by_entry([(row["entry"], row) for row in rows]):
        try:
            article = _article(entry, entry_rows, columns, where, max_bytes, exported=exported)
        except RevdiffError as error:  # one entry's: `export --skip-errors` reads the others
            skip_or_raise(error)
            continue
        yield article


def _article(entry: object, entry_rows: list[dict[str, object]], columns: dict[str, str],
             where: str, max_bytes: int, *, exported: bool) -> Article:
    """One entry's rows as an article: a broken row is read as far as it goes, with a warning.

    Of rows that repeat a version number the first written is read, the others are left out, as
    are rows without a version number (an entry without any is refused). A row without an
    entry id (`entry` None) is an article of its own, warned, without an `entry_id`. A NULL title
    or text is read as empty, and a text without paragraphs is kept so (warned, unless the file
    is revdiff's export, `exported`, which writes a version without a title or paragraphs so;
    its NULL text is warned of), a `created` that is no time
    keeps its text (warned, unless it is News Sniffer's "about 1 hour later" or a date alone,
    which revdiff's export writes), a time at a leap second (`23:59:60`) is read at second 59,
    warned, a time in a zone not read (`unread_zone`) is read in no zone (one warning names the
    zones and their versions: `_zones_warning`), a version dated before the one before it keeps
    its place by number, and a num_versions that is no number is left out. The num_versions is the lowest
    version's; the url and source the lowest version's that has one, a later row's other one
    warned of (`_entry_value`); without a source in any row, the URL's (`source_of_url`).
    """
    warnings: list[str] = []
    if entry is None:
        entry_name = f"{_row_name(entry_rows[0])} without an entry id"
        warnings.append(f"{entry_name} ({columns['entry']} is NULL) is read as an article of "
                        "its own")
    else:
        entry_name = f"entry {cell_shown(entry)}"
    cells = [row["entry"] for row in entry_rows]
    warnings.extend(warning for warning in (
        id_spellings_warning(entry_name, cells, columns["entry"], "entry"),
        id_not_utf8_warning(entry_name, cells, columns["entry"])) if warning is not None)
    numbered = []
    for row in entry_rows:
        number = cell_int(row["version"])
        if number is not None:
            numbered.append((number, row))
        else:
            warnings.append(f"{entry_name}: {_row_name(row)} is left out: its {columns['version']} "
                            f"{cell_shown(row['version'])} is not a version number")
    if not numbered:
        raise MalformedPage(f"{entry_name}: no row has a version number (a whole number from 0, "
                            f"of at most {MAX_DIGITS} digits) in {columns['version']}",
                            where,
                            hint="write a version number in its rows, or delete them")
    # Stable: rows of one number stay in the order SQLite gave them (by rowid where there is one).
    numbered.sort(key=lambda item: (item[0], _written(item[1])))
    by_number: dict[int, list[dict[str, object]]] = {}
    for number, row in numbered:
        by_number.setdefault(number, []).append(row)
    versions = []
    unread_zones: dict[str, list[str]] = {}  # zone: the numbers of its versions
    for number, same in by_number.items():
        row = same[0]
        if len(same) > 1:
            warnings.append(_duplicate_warning(entry_name, number, same))
        place = f"{entry_name} version {number}"
        created = row.get("created")
        time, time_text = parse_created(created, f"{place}: created", where)
        told = row.get("time_text")  # revdiff's export: what a page said beside the time
        if time is not None and isinstance(told, str) and told:
            time_text = told
        leap_second = (leap_second_warning(created.strip(), f"{place}: {columns['created']}")
                       if time is not None and isinstance(created, str) else None)
        if leap_second is not None:
            warnings.append(leap_second)
        zone = unread_zone(created) if time is not None and isinstance(created, str) else None
        if zone is not None:
            unread_zones.setdefault(zone, []).append(str(number))
        # revdiff's export (`exported`) writes a version without a title so, which the
        # warnings it keeps tell of where its input did
        if "title" in columns and row.get("title") is None and not exported:
            warnings.append(f"{place}: {columns['title']} is NULL, read as empty")
        if row.get("text") is None:
            warnings.append(f"{place}: {columns['text']} is NULL, read as no text")
        if time_text is not None and not (RELATIVE_TIME.fullmatch(time_text)
                                          or iso_date(time_text) is not None):
            warnings.append(_not_a_time_warning(place, columns['created'], time_text))
        title = _cell_text(row, "title", columns, place, warnings)
        text = _cell_text(row, "text", columns, place, warnings)
        check_size(_utf8_size(title) + _utf8_size(text), where, max_bytes, what=place)
        paragraphs = split_summary(text)
        # an empty text is how revdiff's export (`exported`) writes a version without
        # paragraphs, which the warnings it keeps tell of where its input did
        if row.get("text") is not None and not paragraphs and not exported:
            warnings.append(f"{place}: {columns['text']} holds no text; kept as a version "
                            "without paragraphs")
        time_from = _time_from(row, number, time_text, place, warnings)
        versions.append(Version(number, title, paragraphs, time, time_text, time_from))
    if unread_zones:
        warnings.append(_zones_warning(entry_name, columns["created"], unread_zones))
    warnings.extend(dated_back_warnings(entry_name, versions,
                                        f"{columns.get('created', 'created')} "))
    first = by_number[versions[0].number][0]
    count = first.get("count")
    url = _entry_value("url", entry_name, versions, by_number, columns, warnings)
    if url is not None:
        checked_url(url, f"{entry_name}: url", where)
    changes = cell_int(count)
    if changes is None and count not in (None, ""):
        warnings.append(f"{entry_name}: {columns['count']} {cell_shown(count)} is not a number "
                        "of versions; left out")
    # no source in the rows (NULL, or no such column): the one the URL names, as every reader
    source = (_entry_value("source", entry_name, versions, by_number, columns, warnings)
              or source_of_url(url))
    metadata = {"entry_id": str(cell_text(entry))} if entry is not None else {}
    # revdiff's export names an article without a URL or title by the input it was read from:
    # read back, it keeps that name (`Article.key`), not the export's, so that exports settle
    exported_name = first.get(EXPORT_ARTICLE_COLUMN)
    if (url is None and not versions[0].title.strip() and isinstance(exported_name, str)
            and exported_name.strip()):
        metadata[EXPORT_ARTICLE_COLUMN] = exported_name
    return Article(source, url, tuple(versions), changes, metadata, tuple(warnings))


def _time_from(row: dict[str, object], number: int, time_text: str | None, place: str,
               warnings: list[str]) -> int | None:
    """The number of the version the time (`time_text`) of version `number` counts from, which
    revdiff's export keeps in its `time_from` column, also one the entry has not (its row cut);
    None without a time, and for a cell that is no version number, or names the version itself
    or one on the wrong side for the time told (`fields.time_from_problem`; warned: the time
    counts as one that names no version, `fields.unread_time_from_warning`)."""
    value = row.get(EXPORT_TIME_FROM_COLUMN)
    if time_text is None or value is None:
        return None
    time_from = cell_int(value)
    problem = ("is not a version number" if time_from is None
               else time_from_problem(number, time_from, time_text))
    if problem is None:
        return time_from
    warnings.append(unread_time_from_warning(
        f"{place}: {EXPORT_TIME_FROM_COLUMN} {cell_shown(value)}", problem, time_text))
    return None


def _entry_value(field: str, entry_name: str, versions: list[Version],
                 by_number: dict[int, list[dict[str, object]]], columns: dict[str, str],
                 warnings: list[str]) -> str | None:
    """The entry's `url` or `source` (`field`), of which an article holds one: its lowest
    version's that has one. Versions below that one, without any, are warned of, and so are the
    later versions' other values (a slug changed), naming each with its versions: they are not
    read, nor written back by the export. A row without one is none to name."""
    rows = [(version.number, by_number[version.number][0]) for version in versions]
    given = [(number, cell_text(row[field]) if row.get(field) else None) for number, row in rows]
    present = [(number, value) for number, value in given if value is not None]
    if not present:
        return None
    holder, kept = present[0]
    column = columns.get(field, field)
    without = [number for number, _ in given if number < holder]
    if without:
        warnings.append(f"{entry_name}: {_versions(without)} {'has' if len(without) == 1 else 'have'}"
                        f" no {column}: the article's is version {holder}'s ({shown(kept)})")
    numbers_of: dict[str, list[int]] = {}
    for number, other in present[1:]:
        if other != kept:
            numbers_of.setdefault(other, []).append(number)
    if numbers_of:
        named = "; ".join(f"{shown(other)} of {_versions(numbers)}"
                          for other, numbers in numbers_of.items())
        whose = f"version {holder}'s" if without else "its lowest version's"
        warnings.append(f"{entry_name}: {column} {named} {'is' if len(numbers_of) == 1 else 'are'}"
                        f" not read: an article holds one {column}, {whose} ({shown(kept)})")
    return kept


def _versions(numbers: list[int]) -> str:
    """`version 2`, `versions 2, 3`."""
    return (f"version{'s' if len(numbers) > 1 else ''} "
            f"{', '.join(str(number) for number in numbers)}")


def _not_a_time_warning(place: str, column: str, text: str) -> str:
    """The warning of a `created` kept as text, saying why where a time's zone is what is wrong
    (`not_a_time_reason`)."""
    quoted = f"{place}: {column} {shown(text)} is not a time"
    reason = not_a_time_reason(text)
    return quoted if reason is None else f"{quoted}: {reason}"


def _cell_text(row: dict[str, object], field: str, columns: dict[str, str], place: str,
               warnings: list[str]) -> str:
    """A text cell of a version's row; a BLOB is read as UTF-8, its bad bytes replaced with a
    warning (its Python form, `b'...'`, was read as the text)."""
    value = row.get(field)
    if is_not_utf8(value):
        warnings.append(not_utf8_warning(place, columns[field]))
    return cell_text(value) or ""


def _zones_warning(entry_name: str, column: str, unread_zones: dict[str, list[str]]) -> str:
    """The warning of an entry's times in a zone not read (`unread_zone`), read as written in no
    zone: the zones, the most used first, each with the first few of its versions (`'CET'
    (versions 0, 1, 2 and 3 more)`), one line for the entry however many rows hold them."""
    zones = [f"{shown(zone)} ({'version' if len(numbers) == 1 else 'versions'} "
             f"{_few_named(numbers)})"
             for zone, numbers in sorted(unread_zones.items(), key=lambda item: -len(item[1]))]
    return (f"{entry_name}: {column} names a time zone that is not read (unknown or ambiguous): "
            f"{first_few(zones)}; read as written, in no zone (write an offset, `+0100`, to read "
            "a time in its zone)")


def _row_name(row: dict[str, object]) -> str:
    """`the row with rowid 17`, or `a row` in a table without rowids."""
    row_id = row.get("rowid")
    return f"the row with rowid {row_id}" if isinstance(row_id, int) else "a row"


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


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
