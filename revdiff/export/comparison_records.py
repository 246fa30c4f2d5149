"""Comparisons as plain records: JSON documents, JSONL rows (one per edit) and CSV rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from revdiff.export.csv_cells import spreadsheet_safe
from revdiff.model import Comparison, Edit

CSV_COLUMNS = ("article", "old_version", "new_version", "position", "op", "old", "new",
               "similarity", "flags", "old_text", "new_text", "word_diff")


def edit_record(edit: Edit, *, article: str | None = None, comparison: Comparison | None = None,
                position: int | None = None) -> dict[str, Any]:
    """One edit as a JSON-ready dict; article and version numbers are added when given."""
    record: dict[str, Any] = {}
    if article is not None:
        record["article"] = article
    if comparison is not None:
        record["old_version"] = comparison.old.number
        record["new_version"] = comparison.new.number
    if position is not None:
        record["position"] = position
    record.update(
        op=edit.op.value,
        old=list(edit.old),
        new=list(edit.new),
        old_text=edit.old_text,
        new_text=edit.new_text,
        similarity=round(edit.similarity, 4),
        word_diff=[[op, text] for op, text in edit.word_diff],
        flags=sorted(flag.value for flag in edit.flags),
    )
    return record


def comparison_record(comparison: Comparison, *, article: str | None = None) -> dict[str, Any]:
    stats = comparison.stats
    return {
        "article": article,
        "old_version": comparison.old.number,
        "new_version": comparison.new.number,
        "old_title": comparison.old.title,
        "new_title": comparison.new.title,
        "old_sentences": len(comparison.old_sentences),
        "new_sentences": len(comparison.new_sentences),
        "stats": {
            "counts": dict(stats.counts),
            "words_added": stats.words_added,
            "words_removed": stats.words_removed,
            "chars_added": stats.chars_added,
            "chars_removed": stats.chars_removed,
            "changed_share": round(stats.changed_share, 4),
            "boring": stats.boring,
            "rewrite": stats.rewrite,
        },
        "edits": [edit_record(edit, position=k) for k, edit in enumerate(comparison.edits)],
    }


def comparisons_json(items: Iterable[tuple[str, Comparison]]) -> str:
    """One JSON document: a list of comparisons with their statistics and edits."""
    documents = [comparison_record(comparison, article=article) for article, comparison in items]
    return json.dumps(documents, ensure_ascii=False, indent=2)


def comparisons_jsonl(items: Iterable[tuple[str, Comparison]]) -> Iterator[str]:
    """One JSON object per edit, one per line."""
    for article, comparison in items:
        for position, edit in enumerate(comparison.edits):
            record = edit_record(edit, article=article, comparison=comparison, position=position)
            yield json.dumps(record, ensure_ascii=False)


def comparisons_csv(items: Iterable[tuple[str, Comparison]]) -> str:
    """One CSV row per edit: indices joined by ';', flags by ';', the word diff as JSON.

    Text that a spreadsheet would run as a formula gets a leading `'` (`revdiff.export.csv_cells`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for article, comparison in items:
        for position, edit in enumerate(comparison.edits):
            record = edit_record(edit, article=article, comparison=comparison, position=position)
            writer.writerow(spreadsheet_safe(cell) for cell in (
                record["article"], record["old_version"], record["new_version"], position,
                record["op"], ";".join(map(str, edit.old)), ";".join(map(str, edit.new)),
                record["similarity"], ";".join(record["flags"]), edit.old_text, edit.new_text,
                json.dumps(record["word_diff"], ensure_ascii=False),
            ))
    return buffer.getvalue()
