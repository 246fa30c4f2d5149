"""revdiff's own SQLite export read back: a NewsEdits file with columns and tables of revdiff's.

Beside NewsEdits' columns its `entryversion` has revdiff's `article`, `time_text` (what a page
said of a version's time beside the timestamp in `created`) and `time_from` (the number of the
version a relative time counts from); its `comparisons` table keeps the warnings of the readings
it was made from, which its articles read back carry (`_exported_warnings`), each after
`in the input exported: ` (the entries they name are the input's), so that an export of the
export keeps them; an article without a URL or title keeps the name the export gave it (its
`article` column, `metadata["article"]`), not the export's.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from revdiff.formats.elision import cut_version
from revdiff.formats.newsedits_columns import TABLE
from revdiff.formats.sqlite_schema import cannot_read, cell_int, cell_shown, rowid_name, tables
from revdiff.model import Article
from revdiff.read_warnings import SHOWN_BY_PAGES, SHOWN_BY_PARSE_JSON

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


def is_revdiff_export(connection: sqlite3.Connection, where: str) -> bool:
    """Whether the file is revdiff's own SQLite export: its versions name their article
    (`EXPORT_ARTICLE_COLUMN`) and its comparisons table has revdiff's columns."""
    schema = tables(connection, where)
    comparisons = schema.get(EXPORT_WARNINGS_TABLE)
    return (EXPORT_ARTICLE_COLUMN in schema[TABLE].columns and comparisons is not None
            and all(column in comparisons.columns for column in EXPORT_COMPARISON_COLUMNS))


def comparisons_rowid(connection: sqlite3.Connection, where: str) -> str | None:
    """The name that selects the rowid of the export's comparisons, the order its rows were
    written in; None where it has none (`rowid_name`)."""
    return rowid_name(connection, tables(connection, where)[EXPORT_WARNINGS_TABLE])


def as_exported(connection: sqlite3.Connection, article: Article, written: str | None,
                where: str) -> Article:
    """The article read from revdiff's export with the warnings it kept (`_exported_warnings`;
    the comparisons in the order of the rowid name `written`), and its versions a rendered page
    cut marked so again (`Version.cut`), as those warnings name them (`cut_warning`): the export
    keeps their text without the `[...]` marks and no other sign of the cut."""
    warnings = _exported_warnings(connection, article, written, where)
    cut = {cut_version(warning) for warning in warnings}
    versions = tuple(replace(version, cut=True) if version.number in cut else version
                     for version in article.versions)
    return replace(article, versions=versions, warnings=warnings)


def _exported_warnings(connection: sqlite3.Connection, article: Article, written: str | None,
                      where: str) -> tuple[str, ...]:
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
    order = f" ORDER BY min({written})" if written else ""
    try:
        cells = connection.execute(f"SELECT warnings FROM {EXPORT_WARNINGS_TABLE} WHERE "
                                   f"article_index = ? GROUP BY warnings{order}",
                                   (entry,)).fetchall()
    except sqlite3.DatabaseError as error:
        raise cannot_read(connection, EXPORT_WARNINGS_TABLE, error, where) from None
    for (cell,) in cells:
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
