"""Parquet export (optional extra `revdiff[parquet]`): the CSV tables, typed, via pyarrow.

Same columns, same order as the CSV export; list cells are Parquet lists, where CSV space-joins
them (`old_indices`, `new_indices`, `flags`, `title_flags`) or writes a JSON list in the cell
(`warnings`, `old_sources`, `new_sources`), and booleans are booleans.

A worker hands an article back as Arrow IPC messages, a record batch per version pair and table
(as the JSONL and CSV renderers hand back a piece of text per pair), and the writer joins each
table's batches as they come until they hold `PART_GROUP_BYTES`, then writes them as one row group
to the open part file of its table in the staging directory; each checkpoint writes what is left
and closes the parts (a Parquet file is only readable once closed, so parts are what makes
`--resume` possible). At the end the parts are streamed into the final files a batch at a time,
joined into row groups of `ROW_GROUP_ROWS` each (the last one fewer), whatever parts the run's
checkpoints made, so that the files are the same bytes from run to run: the writer holds at most
about `PART_GROUP_BYTES` of batches per table, or a row group, however many rows an article or a
checkpoint has.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from revdiff.export.disk_sync import sync_file, sync_folder
from revdiff.export.extras import require_arrow, require_pyarrow
from revdiff.export.records import (
    COMPARISON_COLUMNS,
    EDIT_COLUMNS,
    ArticleRef,
    article_rows,
    check_int64,
)
from revdiff.export.staging import Staging
from revdiff.export.writers import ExportWriter, check_staged, damaged_staged, table_paths
from revdiff.model import Article, Comparison

if TYPE_CHECKING:
    import pyarrow as pa

# Rows per row group of the final files (the parts' batches are joined until they reach this size).
ROW_GROUP_ROWS = 128 * 1024
# Arrow bytes of a table's batches joined into one row group of a part. A row group per pair made
# a part of small articles mostly footer (1 MB of it for 3,500 rows), and the export of 5,000
# articles of 2-6 versions took twice as long.
PART_GROUP_BYTES = 8 * 1024 * 1024
# A part's name in the staging directory, as `ParquetWriter._part` makes it (and not the final
# files that `finish` joins there, `edits.parquet` and `comparisons.parquet`).
_PART_NAME = re.compile(r"(?:edits|comparisons)-([0-9]{6,})\.parquet")


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
                   ) -> tuple[tuple[list[bytes], list[bytes]], int]:
    """Each table's rows as Arrow IPC messages, one record batch per version pair (bytes pickle
    without the copies a RecordBatch's buffers take on their way back to the driver)."""
    edits: list[bytes] = []
    summaries: list[bytes] = []
    edit_rows = 0
    check_int64(ref, article, "Parquet")
    for _, summary, rows in article_rows(ref, article, comparisons):
        edits.append(edits_batch(rows).serialize().to_pybytes())
        summaries.append(comparisons_batch([summary]).serialize().to_pybytes())
        edit_rows += len(rows)
    return (edits, summaries), edit_rows


def is_damage(error: Exception) -> bool:
    """Whether pyarrow's `error`, reading a Parquet file, says the file is damaged: Arrow's own
    error, or an OSError of no errno (`Corrupt snappy compressed data`, `Couldn't deserialize
    thrift`), not one of the operating system (a read refused, a failing disk)."""
    return not isinstance(error, OSError) or error.errno is None


def _reason(error: Exception) -> str:
    """pyarrow's message of a damaged file, on one line."""
    return " ".join(str(error).split()).rstrip(".")


class ParquetWriter(ExportWriter):
    """Writes each record batch to the open part of its table; each checkpoint closes the parts."""

    def __init__(self, out: Path, staging: Staging) -> None:
        super().__init__(out, staging)
        self.pa = require_pyarrow()
        self.targets = table_paths(out, "parquet")
        self.schemas = (arrow_schema(EDIT_COLUMNS), arrow_schema(COMPARISON_COLUMNS))
        self.open_parts: list[Any] = []  # a pyarrow.parquet.ParquetWriter per table, or none
        self.part_files: list[Any] = []  # the file each of them writes to
        self.unwritten: tuple[list[Any], list[Any]] = ([], [])  # each table's batches to join
        self.unwritten_bytes = [0, 0]  # and their Arrow bytes
        self.parts = 0

    def _part(self, table: int, number: int) -> Path:
        return self.staging.file(f"{('edits', 'comparisons')[table]}-{number:06d}.parquet")

    def _unfinished_part(self, table: int) -> Path:
        return self._part(table, self.parts).with_suffix(".tmp")

    def restore(self, state: dict[str, Any] | None) -> None:
        self.parts = 0 if state is None else self.staging.checkpoint_count(
            state.get("parts"), "parts")
        self.unwritten = ([], [])  # after `close`, a rollback drops the batches not written
        self.unwritten_bytes = [0, 0]
        kept = [self._part(table, number) for number in range(self.parts) for table in (0, 1)]
        check_staged(kept)
        for path in kept:
            self._check_intact(path)
        for path in self.staging.directory.glob("*.parquet"):
            part = _PART_NAME.fullmatch(path.name)  # a final file `finish` began is made anew
            if part and int(part.group(1)) >= self.parts:  # written after the last checkpoint:
                path.unlink()  # not in the journal

    def _check_intact(self, path: Path) -> None:
        """Refuse a staged part whose footer cannot be read (a power cut, a disk fault): joining
        the parts would fail on it at every resume alike. Only the footer is read, not the rows."""
        import pyarrow.parquet as pq

        with self._arrow_file(path, "rb") as file:
            try:
                pq.read_metadata(file)
            except (self.pa.ArrowException, OSError) as error:
                if not is_damage(error):
                    raise
                raise damaged_staged("staged Parquet part", _reason(error), path) from None

    def _part_batches(self, table: int, number: int) -> Iterator[Any]:
        """A staged part's rows, a batch at a time. Rows damaged under a footer that reads (which
        is all `restore` checks) are refused as damaged: a resume would find them alike."""
        import pyarrow.parquet as pq

        path = self._part(table, number)
        with self._arrow_file(path, "rb") as part_file, pq.ParquetFile(part_file) as part:
            try:
                yield from part.iter_batches(batch_size=ROW_GROUP_ROWS)
            except (self.pa.ArrowException, OSError) as error:
                if not is_damage(error):
                    raise
                raise damaged_staged("staged Parquet part", _reason(error), path,
                                     on_resume=False) from None

    def write(self, index: int, payload: Any) -> None:
        for table, messages in enumerate(payload):
            for message in messages:
                batch = self.pa.ipc.read_record_batch(self.pa.py_buffer(message),
                                                      self.schemas[table])
                if batch.num_rows:
                    self.unwritten[table].append(batch)
                    self.unwritten_bytes[table] += batch.nbytes
                    if self.unwritten_bytes[table] >= PART_GROUP_BYTES:
                        self._write_unwritten(table)

    def _write_unwritten(self, table: int) -> None:
        """The table's batches not written yet, joined into one row group of its part."""
        if not self.unwritten[table]:
            return
        if not self.open_parts:
            self._open_parts()
        self.open_parts[table].write_table(self._joined(self.unwritten[table], table))
        self.unwritten[table].clear()
        self.unwritten_bytes[table] = 0

    def _open_parts(self) -> None:
        import pyarrow.parquet as pq

        self.part_files = [self._arrow_file(self._unfinished_part(table), "wb") for table in (0, 1)]
        self.open_parts = [pq.ParquetWriter(file, schema)
                           for file, schema in zip(self.part_files, self.schemas, strict=True)]

    def _arrow_file(self, path: Path, mode: str) -> Any:
        """`path` opened by pyarrow, named by its bytes: pyarrow takes a path as UTF-8 text,
        which a folder named in other bytes (`caf\\xe9/`, a str with lone surrogates) is not."""
        return self.pa.OSFile(os.fsencode(path), mode)

    def checkpoint(self) -> dict[str, Any]:
        for table in (0, 1):
            self._write_unwritten(table)
        if self.open_parts:
            self.close()
            for table in (0, 1):
                sync_file(self._unfinished_part(table))
                os.replace(self._unfinished_part(table), self._part(table, self.parts))
            sync_folder(self.staging.directory)
            self.parts += 1
        return {"parts": self.parts}

    def finish(self) -> list[tuple[Path, Path]]:
        import pyarrow.parquet as pq

        self.checkpoint()
        moves = []
        for table in (0, 1):
            merged = self.staging.file(f"{('edits', 'comparisons')[table]}.parquet")
            with (self._arrow_file(merged, "wb") as file,
                  pq.ParquetWriter(file, self.schemas[table]) as writer):
                pending: list[Any] = []
                rows = 0
                for number in range(self.parts):  # small batches joined into large row groups
                    for batch in self._part_batches(table, number):
                        pending.append(batch)
                        rows += batch.num_rows
                        while rows >= ROW_GROUP_ROWS:
                            pending, rows = self._write_row_group(writer, pending, table)
                if pending:
                    writer.write_table(self._joined(pending, table).combine_chunks())
            moves.append((merged, self.targets[table]))
        return moves

    def _write_row_group(self, writer: Any, pending: list[Any], table: int
                         ) -> tuple[list[Any], int]:
        """Write the first ROW_GROUP_ROWS rows of `pending` as one row group, whatever batches
        (the parts, which end where the run's checkpoints fell) they came in, so that the file's
        bytes do not depend on when the run checkpointed; the batches of the rows left, and
        their count."""
        joined = self._joined(pending, table)
        writer.write_table(joined.slice(0, ROW_GROUP_ROWS).combine_chunks())
        rest = joined.slice(ROW_GROUP_ROWS)
        return rest.to_batches(), rest.num_rows

    def _joined(self, batches: list[Any], table: int) -> Any:
        return self.pa.Table.from_batches(batches, schema=self.schemas[table])

    def close(self) -> None:
        for part in self.open_parts:
            part.close()
        for file in self.part_files:
            file.close()
        self.open_parts, self.part_files = [], []

    def final_paths(self) -> list[Path]:
        return list(self.targets)
