"""SQLite export in the NewsEdits schema, so researchers' NewsEdits notebooks run unchanged.

Tables (see docs/EXPORT.md for the column meanings):

- `entryversion(id, entry_id, version, title, url, source, created, num_versions, summary,
  article, time_text, time_from)`: one row per version; `title` NULL for a version without one (a
  NewsEdits input's NULL title, read as empty); `summary` is the version's text with paragraphs
  joined by `</p><p>` as in NewsEdits (a version a rendered NewsDiffs page cut without its
  `[...]` marks, as it is compared), `created` an ISO timestamp (or what the page said, e.g.
  "about 1 hour later"), `num_versions` the count the input's tracker gave (NULL when it gave
  none: version files, a git repository), `article` revdiff's name for the article and
  `time_text` what the input said of the version's time (`Version.time_text`), which a page
  may say beside the timestamp `created` holds, and `time_from` the number of the version a
  relative one counts from (`Version.time_from`), NULL where the input does not say;
- `split_sentences(entry_id, version, sent_idx, sentence)`: the engine's sentences of every version;
- `matched_sentences(entry_id, version_x, version_y, sent_idx_x, sent_idx_y,
  avg_sentence_distance_x, avg_sentence_distance_y)`: the alignment of each consecutive pair,
  one row per aligned sentence pair; `sent_idx_y` is NULL for a deleted sentence and `sent_idx_x`
  NULL for an added one, both distances NULL for either. The distance is 1 - similarity (0 for
  identical sentences);
- `comparisons` and `edits`: revdiff's own summary and edit tables, the same columns as the CSV
  export (list cells as JSON text).

`entry_id` is the article's position in the run (`article_index` of the other exports).
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from revdiff.export.exported_floats import six_digits
from revdiff.export.records import (
    COMPARISON_COLUMNS,
    EDIT_COLUMNS,
    ENTRYVERSION_COLUMNS,
    ArticleRef,
    article_rows,
    check_int64,
)
from revdiff.export.staging import Staging
from revdiff.export.writers import ExportWriter, check_staged, damaged_staged
from revdiff.formats.elision import compared_versions
from revdiff.model import Article, Comparison, Edit, Sentence

_SQL_TYPES = {"int": "INTEGER", "float": "REAL", "bool": "INTEGER", "str": "TEXT",
              "int_list": "TEXT", "str_list": "TEXT", "text_list": "TEXT"}

PARAGRAPH_JOIN = "</p><p>"

SCHEMA = [
    ("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL, "
     "version INTEGER NOT NULL, title TEXT, url TEXT, source TEXT, created TEXT, "
     "num_versions INTEGER, summary TEXT, article TEXT, time_text TEXT, time_from INTEGER)"),
    ("CREATE TABLE split_sentences (entry_id INTEGER NOT NULL, version INTEGER NOT NULL, "
     "sent_idx INTEGER NOT NULL, sentence TEXT)"),
    ("CREATE TABLE matched_sentences (entry_id INTEGER NOT NULL, version_x INTEGER NOT NULL, "
     "version_y INTEGER NOT NULL, sent_idx_x INTEGER, sent_idx_y INTEGER, "
     "avg_sentence_distance_x REAL, avg_sentence_distance_y REAL)"),
    "CREATE TABLE comparisons (" + ", ".join(
        f"{name} {_SQL_TYPES[kind]}" for name, kind in COMPARISON_COLUMNS) + ")",
    "CREATE TABLE edits (" + ", ".join(
        f"{name} {_SQL_TYPES[kind]}" for name, kind in EDIT_COLUMNS) + ")",
]

# Created once the data is in: bulk inserts into unindexed tables are several times faster. Each
# is made in a transaction of its own, so a run stopped while they are made has some of them:
# --resume makes the others.
INDEXES = [
    "CREATE UNIQUE INDEX IF NOT EXISTS entryversion_key ON entryversion(entry_id, version)",
    ("CREATE UNIQUE INDEX IF NOT EXISTS split_sentences_key "
     "ON split_sentences(entry_id, version, sent_idx)"),
    ("CREATE INDEX IF NOT EXISTS matched_sentences_pair "
     "ON matched_sentences(entry_id, version_x, version_y)"),
    ("CREATE INDEX IF NOT EXISTS comparisons_pair "
     "ON comparisons(article_index, old_version, new_version)"),
    "CREATE INDEX IF NOT EXISTS edits_pair ON edits(article_index, old_version, new_version)",
]

# (table, column holding the entry id) for rolling back to a checkpoint.
_TABLES = (("entryversion", "entry_id"), ("split_sentences", "entry_id"),
           ("matched_sentences", "entry_id"), ("comparisons", "article_index"),
           ("edits", "article_index"))

_INSERTS = {
    "entryversion": f"INSERT INTO entryversion ({', '.join(ENTRYVERSION_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(ENTRYVERSION_COLUMNS))})",
    "split_sentences": "INSERT INTO split_sentences VALUES (?, ?, ?, ?)",
    "matched_sentences": "INSERT INTO matched_sentences VALUES (?, ?, ?, ?, ?, ?, ?)",
    "comparisons": f"INSERT INTO comparisons VALUES ({', '.join('?' * len(COMPARISON_COLUMNS))})",
    "edits": f"INSERT INTO edits VALUES ({', '.join('?' * len(EDIT_COLUMNS))})",
}

Rows = dict[str, list[tuple[Any, ...]]]

# The staged database's copy that `finish` makes, the file published.
FINAL_NAME = "final.sqlite"


def _distance(similarity: float) -> float:
    return six_digits(1.0 - similarity)


def matched_pairs(entry_id: int, comparison: Comparison) -> list[tuple[Any, ...]]:
    """`matched_sentences` rows of one comparison, in edit order."""
    x, y = comparison.old.number, comparison.new.number
    rows: list[tuple[Any, ...]] = []
    for edit in comparison.edits:
        rows.extend(_edit_pairs(entry_id, x, y, edit))
    return rows


def _edit_pairs(entry_id: int, x: int, y: int, edit: Edit) -> list[tuple[Any, ...]]:
    if edit.old and edit.new:
        distance = _distance(edit.similarity)
        return [(entry_id, x, y, i, j, distance, distance) for i in edit.old for j in edit.new]
    # added or deleted: matched to no sentence, so no distance on either side, as NewsEdits
    # writes it (its queries that filter or average a distance leave such rows out)
    if edit.old:
        return [(entry_id, x, y, i, None, None, None) for i in edit.old]
    return [(entry_id, x, y, None, j, None, None) for j in edit.new]


def _sentence_rows(entry_id: int, version: int, sentences: tuple[Sentence, ...]
                   ) -> list[tuple[Any, ...]]:
    return [(entry_id, version, s.index, s.text) for s in sentences]


def render_sqlite(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison], *,
                  opens_article: bool = True) -> tuple[list[bytes], int]:
    """Every row one article contributes, in pieces ready for executemany: the versions' rows,
    then one piece per version pair, each its tables' rows pickled (bytes take a fraction of the
    memory of the tuples, which are never all held at once, in the worker or in the driver).

    `article` may be a part of a long article's versions
    (`revdiff.export.article_parts.in_parts`): the parts after the first (`opens_article` False)
    leave out the rows of their first version, which the part before wrote, so that the parts'
    rows in turn are the article's."""
    entry_id = ref.index
    # a cut version's `[...]` marks are no article text: its row holds the text it is compared as
    versions = compared_versions(article)
    new_versions = versions if opens_article else versions[1:]
    pieces = [_packed({"entryversion": [
        (entry_id, version.number, version.title or None, ref.url, ref.source,
         version.time.isoformat() if version.time else version.time_text,
         article.changes, PARAGRAPH_JOIN.join(version.paragraphs), ref.name,
         version.time_text, version.time_from)
        for version in new_versions]})]
    check_int64(ref, article, "SQLite")
    edit_rows = 0
    for position, (comparison, summary, edits) in enumerate(article_rows(ref, article,
                                                                         comparisons)):
        sentences = _sentence_rows(entry_id, comparison.new.number, comparison.new_sentences)
        # the article's first version's sentences; each later one's come as its new side
        if position == 0 and opens_article:
            sentences = _sentence_rows(entry_id, comparison.old.number,
                                       comparison.old_sentences) + sentences
        pieces.append(_packed({
            "split_sentences": sentences,
            "matched_sentences": matched_pairs(entry_id, comparison),
            "comparisons": [tuple(_sql_value(summary[n], k) for n, k in COMPARISON_COLUMNS)],
            "edits": [tuple(_sql_value(row[n], k) for n, k in EDIT_COLUMNS) for row in edits],
        }))
        edit_rows += len(edits)
    return pieces, edit_rows


def _packed(rows: Rows) -> bytes:
    return pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)


def _sql_value(value: Any, kind: str) -> Any:
    if kind in ("int_list", "str_list", "text_list"):
        return json.dumps(value, ensure_ascii=False)
    if kind == "bool":
        return int(value)
    return value


class NewsEditsSqliteWriter(ExportWriter):
    """Inserts each article's rows; a commit per checkpoint keeps the partial file consistent."""

    def __init__(self, out: Path, staging: Staging) -> None:
        super().__init__(out, staging)
        self.path = staging.file("output.sqlite")
        self.connection: sqlite3.Connection | None = None
        self.articles = 0

    def restore(self, state: dict[str, Any] | None) -> None:
        if state is None:
            self.path.unlink(missing_ok=True)
            self.connection = sqlite3.connect(self.path)
            for statement in SCHEMA:
                self.connection.execute(statement)
            self.connection.commit()
            self.articles = 0
        else:
            check_staged([self.path])
            self.connection = sqlite3.connect(self.path)
            self._check_intact()
            self.articles = self.staging.checkpoint_count(state.get("articles"), "articles",
                                                          self.staging.kept)
            for table, column in _TABLES:  # drop anything written after the checkpoint
                self.connection.execute(f"DELETE FROM {table} WHERE {column} >= ?",
                                        (self.articles,))
            self.connection.commit()
        # a commit on the disk once it returns, its rollback journal's removal too: a power cut
        # never rolls back rows a checkpoint's journal line counts
        self.connection.execute("PRAGMA synchronous = EXTRA")

    def _check_intact(self) -> None:
        """Refuse a staged database that is damaged (a power cut in the middle of a commit, a
        disk fault): every resume would fail on it alike, so the way out is to start over."""
        assert self.connection is not None
        try:
            problems = [row[0] for row in self.connection.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as error:
            problems = [str(error)]
        if problems != ["ok"]:
            self.close()
            raise damaged_staged("staged database", problems[0], self.path)

    def write(self, index: int, payload: Any) -> None:
        assert self.connection is not None
        for piece in payload:  # a table's rows keep their order, so their ids are the same
            rows: Rows = pickle.loads(piece)
            for table, table_rows in rows.items():
                if table_rows:
                    self.connection.executemany(_INSERTS[table], table_rows)
        self.articles = index + 1

    def checkpoint(self) -> dict[str, Any]:
        assert self.connection is not None
        self.connection.commit()
        return {"articles": self.articles}

    def finish(self) -> list[tuple[Path, Path]]:
        """Make the indexes, then copy the database into a file of its own, the one published:
        the staged file's header counts its transactions (one per checkpoint, which come about
        every second) and a resumed run's rollback left free pages in it, where the copy is the
        same bytes for the same rows, however the run went."""
        assert self.connection is not None
        for statement in INDEXES:
            self.connection.execute(statement)
        self.connection.commit()
        final = self.staging.file(FINAL_NAME)
        final.unlink(missing_ok=True)  # a copy an interrupted run began is made anew
        # named by its bytes, as text: a folder named in other bytes than UTF-8 (`caf\\xe9/`, a
        # str with lone surrogates) cannot be bound as text
        self.connection.execute("VACUUM INTO CAST(? AS TEXT)", (os.fsencode(final),))
        self.connection.close()
        self.connection = None
        return [(final, self.out)]

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
