"""Comparisons in revdiff's one edit schema (`revdiff.export.records`), as JSON, JSONL and CSV text.

`revdiff diff --format json|jsonl|csv` and the TUI's JSON export write these; `revdiff export`
writes the same rows as tables. JSONL and CSV hold one edit row per line; JSON holds one document
per comparison: its summary row with the list of its edit rows under `edits`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from revdiff.export.csv_cells import csv_line
from revdiff.export.json_text import json_array, json_line
from revdiff.export.pairs import PairReading
from revdiff.export.records import (
    EDIT_COLUMN_NAMES,
    EDIT_COLUMNS,
    ArticleRef,
    comparison_row,
    edit_rows,
    flatten_for_csv,
)
from revdiff.model import Comparison

# (the article's name, its comparison, how sure its reading is): what `revdiff diff` prints.
Item = tuple[ArticleRef, Comparison, PairReading | None]


def comparison_record(comparison: Comparison, *, article: str | None = None,
                      reading: PairReading | None = None, ref: ArticleRef | None = None
                      ) -> dict[str, Any]:
    """One comparison as a JSON-ready document: its summary row plus `edits`, its edit rows."""
    ref = ref or ArticleRef(0, article or comparison.new.title, None, None)
    record = comparison_row(ref, comparison, reading)
    record["edits"] = list(edit_rows(ref, comparison, reading))
    return record


def comparisons_json(items: Iterable[Item]) -> Iterator[str]:
    """One JSON document, a list of comparisons each with its edits, in pieces made one
    comparison at a time (`json_array`)."""
    return json_array(comparison_record(comparison, reading=reading, ref=ref)
                      for ref, comparison, reading in items)


def comparisons_jsonl(items: Iterable[Item]) -> Iterator[str]:
    """One JSON object per edit, one per line."""
    for ref, comparison, reading in items:
        for row in edit_rows(ref, comparison, reading):
            yield json_line(row)


def comparisons_csv(items: Iterable[Item]) -> Iterator[str]:
    """The header line, then one CSV line per edit (cells as in the export's edits table)."""
    header = csv_line(EDIT_COLUMN_NAMES)
    for ref, comparison, reading in items:
        for row in edit_rows(ref, comparison, reading):
            yield header + csv_line(flatten_for_csv(row, EDIT_COLUMNS))
            header = ""
    yield header
