"""NewsEdits SQLite files: `entryversion` rows grouped by entry, ordered by version.

NewsEdits ships one SQLite file per outlet. Its `entryversion` table holds one row per stored
version; the column names vary between releases, so they are looked up from the table itself
(`newsedits_columns`): entry id (`entry_id`), version number (`version`), title, url, creation
time (`created`, `created_times`), source, number of versions (`num_versions`) and the text
(`summary`, paragraphs joined by `</p><p>`: `summary_paragraphs`). The file is opened
read-only, and read an article at a time (`DatabaseArticles`); each entry's rows are read as an
article by `entry_articles`, broken rows as far as they go, each with a warning naming its entry
and version.

revdiff's own SQLite export is such a file, with columns and tables of revdiff's beside, whose
kept warnings its articles read back carry (`export_read_back`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import cast

from revdiff.errors import EmptyInput, InputTooLarge, MalformedPage, RevdiffError
from revdiff.formats.article_errors import skip_or_raise, skipping_bad_articles
from revdiff.formats.entry_articles import by_entry, group_articles
from revdiff.formats.export_read_back import (
    EXPORT_ARTICLE_COLUMN,
    EXPORT_TIME_FROM_COLUMN,
    EXPORT_TIME_TEXT_COLUMN,
    as_exported,
    comparisons_rowid,
    is_revdiff_export,
)
from revdiff.formats.newsedits_columns import COLUMN_CANDIDATES, TABLE, find_columns
from revdiff.formats.sqlite_schema import (
    ROWID_NAMES,
    Table,
    cannot_read,
    cell_int,
    cell_shown,
    id_key,
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
    limit_beside,
    too_large,
)
from revdiff.model import Article
from revdiff.read_warnings import first_few
from revdiff.size_limit import DEFAULT_MAX_BYTES, MAX_SIZE_ENV, format_size


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

    def __init__(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                 checked: int | None = None) -> None:
        self.path = path
        self.where = str(path)
        self.max_bytes = max_bytes
        # the descriptor of the file the caller checked, which each connection must be to
        self.checked = checked
        connection = open_read_only(path, max_bytes, checked)
        try:
            self.columns = find_columns(connection, self.where)
            self.exported = is_revdiff_export(connection, self.where)
            self.comparisons_rowid = (comparisons_rowid(connection, self.where)
                                      if self.exported else None)
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
                self.entries: list[tuple[object, list[int]]] | None = by_entry(
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
        self.count = self._counted()  # asked at each len(): a table read whole holds every row

    def _counted(self) -> int:
        """The number of articles: an entry's rows make one (those of entry ids too long one
        together), as does each row without an entry id."""
        if self.entries is not None:
            return len(self.entries) + bool(self.long_id_rows)
        without_entry = sum(row["entry"] is None for row in self.rows)
        return len({id_key(row["entry"]) for row in self.rows} - {None}) + without_entry

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Article]:
        connection = open_read_only(self.path, self.max_bytes, self.checked)
        connection.text_factory = text_or_bytes
        try:
            for article in self._entry_articles(connection, self.fields):
                yield (as_exported(connection, article, self.comparisons_rowid, self.where)
                       if self.exported else article)
        finally:
            connection.close()

    def without_texts(self) -> Iterator[Article]:
        """The file's articles read as `__iter__` reads them but without their texts (each
        version's paragraphs empty): enough to name each (`Article.key`) among the others
        before they are read with their texts. An entry that cannot be read is left out."""
        connection = open_read_only(self.path, self.max_bytes, self.checked)
        connection.text_factory = text_or_bytes
        try:
            with skipping_bad_articles():
                yield from self._entry_articles(
                    connection, [field for field in self.fields if field != "text"])
        finally:
            connection.close()

    def _entry_articles(self, connection: sqlite3.Connection,
                        fields: Sequence[str]) -> Iterator[Article]:
        """Each entry's article, its rows read with the columns of `fields` alone (of those
        the file has, `self.fields`), an entry at a time."""
        if self.entries is None:
            yield from group_articles(self.rows, self.columns, self.where, self.max_bytes,
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
            yield from group_articles(rows, self.columns, self.where, self.max_bytes,
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

