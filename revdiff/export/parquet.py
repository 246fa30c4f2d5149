"""Parquet export (optional extra `revdiff[parquet]`): the CSV tables, typed, via pyarrow.

Same columns, same order as the CSV export; list cells (`old_indices`, `new_indices`, `flags`) are
Parquet lists instead of space-joined strings, and booleans are booleans.

While the run goes on, each checkpoint writes one finished part file per table into the staging
directory (a Parquet file is only readable once closed, so parts are what makes `--resume`
possible); at the end the parts are streamed into the final files one part at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revdiff.export.extras import require_arrow, require_pyarrow
from revdiff.export.records import (
    COMPARISON_COLUMNS,
    EDIT_COLUMNS,
    ArticleRef,
    article_rows,
    check_int64,
)
from revdiff.export.staging import Staging
from revdiff.export.writers import ExportWriter, table_paths
from revdiff.model import Article, Comparison

if TYPE_CHECKING:
    import pyarrow as pa

# Rows per row group of the final files (parts are joined until they reach this size).
ROW_GROUP_ROWS = 128 * 1024


def arrow_schema(columns: tuple[tuple[str, str], ...]) -> pa.Schema:
    pa = require_arrow()
    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string(),
             "int_list": pa.list_(pa.int64()), "str_list": pa.list_(pa.string()),
             "text_list": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind]) for name, kind in columns])


def edits_batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    pa = require_arrow()
    return pa.RecordBatch.from_pylist(rows, schema=arrow_schema(EDIT_COLUMNS))


def comparisons_batch(rows: list[dict[str, Any]]) -> pa.RecordBatch:
    pa = require_arrow()
    return pa.RecordBatch.from_pylist(rows, schema=arrow_schema(COMPARISON_COLUMNS))


def render_parquet(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                   ) -> tuple[tuple[pa.RecordBatch, pa.RecordBatch], int]:
    edits: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    check_int64(ref, article, "Parquet")
    for _, summary, rows in article_rows(ref, article, comparisons):
        edits.extend(rows)
        summaries.append(summary)
    return (edits_batch(edits), comparisons_batch(summaries)), len(edits)


class ParquetWriter(ExportWriter):
    """Buffers record batches between checkpoints; each checkpoint closes one part per table."""

    def __init__(self, out: Path, staging: Staging) -> None:
        super().__init__(out, staging)
        self.pa = require_pyarrow()
        self.targets = table_paths(out, "parquet")
        self.schemas = (arrow_schema(EDIT_COLUMNS), arrow_schema(COMPARISON_COLUMNS))
        self.buffers: tuple[list[Any], list[Any]] = ([], [])
        self.parts = 0

    def _part(self, table: int, number: int) -> Path:
        return self.staging.file(f"{('edits', 'comparisons')[table]}-{number:06d}.parquet")

    def restore(self, state: dict[str, Any] | None) -> None:
        self.parts = 0 if state is None else int(state["parts"])
        for path in self.staging.directory.glob("*.parquet"):
            number = int(path.stem.rsplit("-", 1)[1])
            if number >= self.parts:  # written after the last checkpoint: not in the journal
                path.unlink()

    def write(self, index: int, payload: Any) -> None:
        for table, batch in enumerate(payload):
            if batch.num_rows:
                self.buffers[table].append(batch)

    def checkpoint(self) -> dict[str, Any]:
        if any(self.buffers):
            import pyarrow.parquet as pq

            for table in (0, 1):
                data = self.pa.Table.from_batches(self.buffers[table], schema=self.schemas[table])
                target = self._part(table, self.parts)
                temporary = target.with_suffix(".tmp")
                pq.write_table(data, temporary)
                os.replace(temporary, target)
                self.buffers[table].clear()
            self.parts += 1
        return {"parts": self.parts}

    def finish(self) -> list[tuple[Path, Path]]:
        import pyarrow.parquet as pq

        self.checkpoint()
        moves = []
        for table in (0, 1):
            merged = self.staging.file(f"{('edits', 'comparisons')[table]}.parquet")
            with pq.ParquetWriter(merged, self.schemas[table]) as writer:
                pending: list[Any] = []
                rows = 0
                for number in range(self.parts):  # small parts joined into large row groups
                    part = pq.read_table(self._part(table, number))
                    pending.append(part)
                    rows += part.num_rows
                    if rows >= ROW_GROUP_ROWS:
                        writer.write_table(self.pa.concat_tables(pending))
                        pending, rows = [], 0
                if pending:
                    writer.write_table(self.pa.concat_tables(pending))
            moves.append((merged, self.targets[table]))
        return moves

    def final_paths(self) -> list[Path]:
        return list(self.targets)
