"""The flat row schema shared by the JSONL, CSV and Parquet exports (and `revdiff.edits_table`).

Two tables:

- **edits**: one row per edit of every comparison (unchanged sentences included, so a table holds
  the whole alignment; filter on `op` to drop them);
- **comparisons**: one summary row per consecutive version pair.

Both start with the same key columns, so they join on
`(article_index, old_version, new_version)`. List-valued cells (`old_indices`, `new_indices`,
`flags`, `title_flags`) are lists in JSONL and Parquet and space-joined strings in CSV (see
`flatten_for_csv`); `warnings` and the sources (`old_sources`, `new_sources`), lists of text
whose items hold spaces, are written as a JSON list in a CSV cell. CSV text cells that a
spreadsheet would run as a formula get a leading `'` (`csv_cells`).

These rows are the one edit schema of revdiff: `revdiff diff --format json|jsonl|csv` writes them
too (docs/EXPORT.md documents them).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from revdiff.engine.stats import word_changes
from revdiff.engine.word_count import count_words
from revdiff.errors import ValueTooLarge
from revdiff.export.csv_cells import spreadsheet_safe
from revdiff.export.exported_floats import six_digits
from revdiff.export.pairs import PairReading, pair_reading
from revdiff.formats.fields import time_text_after
from revdiff.model import Article, Comparison, EditOp

# (name, kind) where kind is one of: int, float, bool, str, int_list, str_list, text_list.
# Every kind may be null (None) except the lists.
KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_index", "int"),
    ("article", "str"),
    ("source", "str"),
    ("url", "str"),
    ("old_version", "int"),
    ("new_version", "int"),
)

EDIT_COLUMNS: tuple[tuple[str, str], ...] = KEY_COLUMNS + (
    ("edit_index", "int"),
    ("op", "str"),
    ("old_indices", "int_list"),
    ("new_indices", "int_list"),
    ("old_text", "str"),
    ("new_text", "str"),
    ("similarity", "float"),
    ("flags", "str_list"),
    ("old_sources", "text_list"),
    ("new_sources", "text_list"),
    ("old_words", "int"),
    ("new_words", "int"),
    ("words_removed", "int"),
    ("words_added", "int"),
    ("confidence", "float"),
    ("warnings", "text_list"),
)

COMPARISON_COLUMNS: tuple[tuple[str, str], ...] = KEY_COLUMNS + (
    ("old_time", "str"),
    ("new_time", "str"),
    ("old_title", "str"),
    ("new_title", "str"),
    ("title_flags", "str_list"),
    ("old_sentences", "int"),
    ("new_sentences", "int"),
    *((op.value, "int") for op in EditOp),
    ("words_added", "int"),
    ("words_removed", "int"),
    ("chars_added", "int"),
    ("chars_removed", "int"),
    ("changed_share", "float"),
    ("boring", "bool"),
    ("rewrite", "bool"),
    ("confidence", "float"),
    ("warnings", "text_list"),
)

# The columns the SQLite export (`revdiff.export.newsedits_sqlite`) writes in its `entryversion`
# table, NewsEdits' and revdiff's own (`article`, `time_text`); `id` numbers the rows itself.
ENTRYVERSION_COLUMNS: tuple[str, ...] = ("entry_id", "version", "title", "url", "source",
                                         "created", "num_versions", "summary", "article",
                                         "time_text", "time_from")

EDIT_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in EDIT_COLUMNS)
COMPARISON_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in COMPARISON_COLUMNS)

# SQLite and Parquet store integers in 64 bits.
INT64_MAX = 2**63 - 1


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Which article of the run a row belongs to: its position and a readable name."""

    index: int  # 0-based position of the article in the run, in output order
    name: str  # the article's key: its URL, else its first title (see `article_ref`)
    source: str | None
    url: str | None
    # the input it was read from, its place among the input's articles too when that holds
    # several (`input_name`: `news.sqlite#2`): what tells apart two articles of one key
    read_from: str = ""


def article_ref(index: int, article: Article, input_name: str, read_from: str = "") -> ArticleRef:
    """Name an article as every command's rows name it: by its key (`Article.key`: its URL, else
    its first version's title, which for version files is their folder's name), whatever path
    it was read from; by `input_name`, the input it came from, only when it has neither.
    `read_from`: the input it was read from (`ArticleRef.read_from`)."""
    return ArticleRef(index, article.key or input_name, article.source, article.url, read_from)


def display_title(ref: ArticleRef, article: Article) -> str:
    """A heading for the article: its latest title (for version files, their folder's name), or
    its name when that is empty."""
    return (article.versions[-1].title.strip() if article.versions else "") or ref.name


def _key_values(ref: ArticleRef, comparison: Comparison) -> dict[str, Any]:
    return {
        "article_index": ref.index,
        "article": ref.name,
        "source": ref.source,
        "url": ref.url,
        "old_version": comparison.old.number,
        "new_version": comparison.new.number,
    }


def check_int64(ref: ArticleRef, article: Article, output: str) -> None:
    """Refuse version numbers that SQLite, Parquet or Arrow cannot store (64-bit integers)."""
    for number in (version.number for version in article.versions):
        if not -INT64_MAX - 1 <= number <= INT64_MAX:
            beyond = "too large" if number > 0 else "too far below zero"
            raise ValueTooLarge(f"version number {number} is {beyond} for {output} "
                                "(64-bit integers)", ref.name,
                                hint="number the versions from 0, or export as jsonl or csv",
                                python_hint="number the versions from 0, or use edits_table "
                                            "or comparisons_table, whose rows take any int")


def _confidence(value: float | None) -> float | None:
    return None if value is None else six_digits(value)


def edit_rows(ref: ArticleRef, comparison: Comparison, reading: PairReading | None = None
              ) -> Iterator[dict[str, Any]]:
    """One row per edit of the comparison, in reading order, keys as in EDIT_COLUMNS.

    `reading` (`revdiff.export.pairs.pair_reading`) gives each edit its confidence and the
    article's warnings; without it they are null and empty.
    """
    key = _key_values(ref, comparison)
    warnings = list(reading.warnings) if reading else []
    for position, edit in enumerate(comparison.edits):
        removed, added = word_changes(edit)
        old_words = count_words(edit.old_text)
        # an unchanged sentence's two texts are one (about half the rows): counted once
        new_words = old_words if edit.new_text == edit.old_text else count_words(edit.new_text)
        row = dict(key)
        row.update({
            "edit_index": position,
            "op": edit.op.value,
            "old_indices": list(edit.old),
            "new_indices": list(edit.new),
            "old_text": edit.old_text,
            "new_text": edit.new_text,
            "similarity": six_digits(edit.similarity),
            "flags": sorted(flag.value for flag in edit.flags),
            "old_sources": [" ".join(words) for words in edit.old_sources],
            "new_sources": [" ".join(words) for words in edit.new_sources],
            "old_words": old_words,
            "new_words": new_words,
            "words_removed": removed,
            "words_added": added,
            "confidence": _confidence(reading.edit_confidence(edit, comparison)
                                      if reading else None),
            "warnings": warnings,
        })
        yield row


def comparison_row(ref: ArticleRef, comparison: Comparison, reading: PairReading | None = None
                   ) -> dict[str, Any]:
    """The summary row of one comparison, keys as in COMPARISON_COLUMNS."""
    stats = comparison.stats
    old, new = comparison.old, comparison.new
    row = _key_values(ref, comparison)
    row.update({
        # a time told from another version only where it counts from the pair's other one
        "old_time": old.time.isoformat() if old.time else time_text_after(old, new),
        "new_time": new.time.isoformat() if new.time else time_text_after(new, old),
        "old_title": old.title,
        "new_title": new.title,
        "title_flags": sorted(flag.value for flag in comparison.title_flags),
        "old_sentences": len(comparison.old_sentences),
        "new_sentences": len(comparison.new_sentences),
    })
    for op in EditOp:
        row[op.value] = int(stats.counts.get(op.value, 0))
    row.update({
        "words_added": stats.words_added,
        "words_removed": stats.words_removed,
        "chars_added": stats.chars_added,
        "chars_removed": stats.chars_removed,
        "changed_share": six_digits(stats.changed_share),
        "boring": bool(stats.boring),
        "rewrite": bool(stats.rewrite),
        "confidence": _confidence(reading.confidence if reading else None),
        "warnings": list(reading.warnings) if reading else [],
    })
    return row


def article_rows(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                 ) -> Iterator[tuple[Comparison, dict[str, Any], list[dict[str, Any]]]]:
    """(comparison, its summary row, its edit rows) for each comparison of the article, each
    comparison taken from `comparisons` when the one before it has been handed on."""
    for comparison in comparisons:
        reading = pair_reading(article, comparison)
        yield (comparison, comparison_row(ref, comparison, reading),
               list(edit_rows(ref, comparison, reading)))


def flatten_for_csv(row: dict[str, Any], columns: tuple[tuple[str, str], ...]) -> list[Any]:
    """Cells of a row for csv.writer: lists space-joined, booleans as true/false, None empty,
    text that starts like a formula prefixed with `'` (see `revdiff.export.csv_cells`)."""
    cells: list[Any] = []
    for name, kind in columns:
        value = row[name]
        if value is None:
            cells.append("")
        elif kind in ("int_list", "str_list"):
            cells.append(" ".join(str(item) for item in value))
        elif kind == "text_list":
            cells.append(spreadsheet_safe(json.dumps(value, ensure_ascii=False)) if value else "")
        elif kind == "bool":
            cells.append("true" if value else "false")
        else:
            cells.append(spreadsheet_safe(value))
    return cells
