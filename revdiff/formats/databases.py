"""Read a SQLite input with the reader of the tracker that wrote it (see `sqlite_schema`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from revdiff.errors import InputTooLarge, RevdiffError
from revdiff.formats import diffengine, newsedits, nytdiff
from revdiff.formats.listed_file import refuse_opened_outside
from revdiff.formats.sqlite_schema import (
    DatabaseKind,
    database_kind,
    open_read_only,
    opened_to_check,
    tables,
)
from revdiff.formats.text_input import RAISED_LIMIT_IN_PYTHON, limit_beside
from revdiff.model import Article
from revdiff.size_limit import DEFAULT_MAX_BYTES, format_size


class DatabaseContents(Protocol):
    """A database's articles: how many, and each in turn (a NewsEdits file's read as they come)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Article]: ...


def open_database(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                  checked: int | None = None) -> DatabaseContents:
    """The articles of a NewsEdits, diffengine or NYTdiff file; refuse any other SQLite file.

    A NewsEdits file (one outlet's runs to gigabytes) is read an article at a time, each
    version refused when it is over `max_bytes`; the small files of diffengine and NYTdiff are
    read whole, and refused when the file is over it. Where `checked` is the descriptor of the
    file the caller checked, each connection must be to that file, else each to the one opened
    for it (`open_read_only`): `opened_database` holds one open for them all.
    """
    where = str(path)
    connection = open_read_only(path, max_bytes, checked)
    try:
        schema = tables(connection, where)
        kind = database_kind(schema, where)
        if kind is not DatabaseKind.NEWSEDITS:  # read whole, `export` too
            check_whole_size(path, where, max_bytes, kind, checked)
        if kind is DatabaseKind.NYTDIFF:
            return nytdiff.read_tables(connection, schema, where)
        if kind is DatabaseKind.DIFFENGINE:
            return diffengine.read_tables(connection, schema, where)
    finally:
        connection.close()
    return newsedits.DatabaseArticles(path, max_bytes, checked)


@contextmanager
def opened_database(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                    listed_folder: Path | None = None) -> Iterator[DatabaseContents]:
    """`open_database`'s articles of `path`, read as they are used while the file opened here is
    held open, as the descriptor each connection SQLite opens to it must be to (`checked`): a
    NewsEdits file read an article at a time (`export`) is opened by its path again for its
    rows, their names and their texts, and a symbolic link put in its place in between, to a
    reader's own database, is refused, not read, as it is where `read_file` opened it. An entry
    of a folder's listing (`export`'s of a folder of databases, or of a glob), whose real path
    was `listed_folder` when it was listed, is refused, as `read_file` refuses it, where what was
    opened lies out of it (`refuse_opened_outside`)."""
    with opened_to_check(path) as handle:
        if listed_folder is not None:
            refuse_opened_outside(handle, path, listed_folder, str(path))
        yield open_database(path, max_bytes, handle.fileno())


def check_whole_size(path: Path, where: str, max_bytes: int = DEFAULT_MAX_BYTES,
                     kind: DatabaseKind | None = None, checked: int | None = None) -> None:
    """Refuse a database read whole over the size limit, saying what to do with a file of its
    `kind` (found from its tables where not given): `export` reads a NewsEdits file an article
    at a time, but a diffengine or NYTdiff file, which holds many articles, whole too. A SQLite
    file no reader knows is refused, by its tables. Every error names the file `where`, as
    given, those met while finding its kind too. Where `checked` is given, the size is that of
    the file it is the descriptor of, not of the one `path` leads to now, and its kind is found
    in that file too (`open_read_only`)."""
    size = os.fstat(checked).st_size if checked is not None else path.stat().st_size
    if size <= max_bytes:
        return
    if kind is None:
        try:
            connection = open_read_only(path, max_bytes, checked)
        except RevdiffError as error:  # told under the path SQLite opened
            error.where = where
            raise
        try:
            kind = database_kind(tables(connection, where), where)
        finally:
            connection.close()
    if kind is DatabaseKind.NEWSEDITS:
        hint = ("revdiff export reads a NewsEdits file an article at a time, each version under "
                "the limit; to read it whole, raise the limit with --max-size")
    else:
        hint = (f"every command reads a {kind.tracker} file whole, export too: raise the limit "
                "with --max-size")
    raise InputTooLarge(
        f"database is {format_size(size)} ({size:,} bytes), more than the size limit of "
        f"{limit_beside(size, max_bytes)} for reading it whole", where, hint=hint,
        python_hint=f"to read it whole, raise the limit: {RAISED_LIMIT_IN_PYTHON}")


def read_database(path: Path, max_bytes: int = DEFAULT_MAX_BYTES,
                  on_article_read: Callable[[int, int], None] | None = None,
                  checked: int | None = None) -> list[Article]:
    """Every article of a NewsEdits, diffengine or NYTdiff file, read at once; `on_article_read`
    is told, as each is read, how many are read and how many the file holds. `checked` is as
    `open_database` takes it."""
    contents = open_database(path, max_bytes, checked)
    total = len(contents)
    articles: list[Article] = []
    for article in contents:
        articles.append(article)
        if on_article_read is not None:
            on_article_read(len(articles), total)
    return articles
