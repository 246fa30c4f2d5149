"""Export writers: the protocol every format implements, and the append-only text formats.

A format has two halves. Its *renderer* runs wherever the comparisons are computed (a local worker
process or a Dask worker) and turns one article's comparisons into a small picklable payload (text
in pieces, rows or a record batch). Its *writer* runs in the driving process, appends payloads in
output order to files in the staging directory, and can roll those files back to a checkpoint for
`--resume`.

JSONL and CSV write two files: the edits table and the per-comparison summary table
(`records.EDIT_COLUMNS`, `records.COMPARISON_COLUMNS`). The unified format writes one text file.
"""

from __future__ import annotations

import io
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any, NamedTuple

from revdiff.export.csv_cells import csv_line
from revdiff.export.disk_sync import sync_folder
from revdiff.export.json_text import json_line
from revdiff.export.output_guard import OutputProblem
from revdiff.export.records import (
    COMPARISON_COLUMN_NAMES,
    COMPARISON_COLUMNS,
    EDIT_COLUMN_NAMES,
    EDIT_COLUMNS,
    ArticleRef,
    article_rows,
    flatten_for_csv,
)
from revdiff.export.staging import Staging
from revdiff.model import Article, Comparison


class SkippedInput(NamedTuple):
    """An input, or an article of one, that --skip-errors left out: what (`bad.txt`, `an article
    of news.db`) and why, in one line each."""

    what: str
    reason: str
    # where it stands among the run's articles, so that every executor lists the skips in one
    # order: an article that failed, its index; what the reader left out just before the
    # article of index k, k - 0.5
    place: float = -0.5


class ExportWriter(ABC):
    """Receives rendered articles in output order and produces the final files."""

    def __init__(self, out: Path, staging: Staging) -> None:
        self.out = out
        self.staging = staging

    @abstractmethod
    def restore(self, state: dict[str, Any] | None) -> None:
        """Open the partial output: empty when `state` is None, else rolled back to `state`."""

    @abstractmethod
    def write(self, index: int, payload: Any) -> None:
        """Append one article's rendered payload."""

    @abstractmethod
    def checkpoint(self) -> dict[str, Any]:
        """Make everything written so far durable and return the state to roll back to."""

    @abstractmethod
    def finish(self) -> list[tuple[Path, Path]]:
        """Complete the partial files; return (staged file, final path) pairs to rename."""

    def note_skipped(self, skipped: list[SkippedInput]) -> None:
        """Take, before `finish`, the inputs and articles the run left out, for an output that
        lists them (the HTML report's index); the tables say nothing of them."""

    def close(self) -> None:
        """Release open files (after finish, or when the run stops early)."""

    def final_paths(self) -> list[Path]:
        """Where the output lands, for the summary line."""
        return [self.out]


def table_paths(out: Path, extension: str) -> tuple[Path, Path]:
    """The edits file and the comparisons file of a two-table export.

    `-o DIR/` (or an existing folder) gives DIR/edits.EXT and DIR/comparisons.EXT; `-o NAME.EXT`
    gives NAME.EXT and NAME.comparisons.EXT, and `-o NAME` or `-o NAME.` (a dot and no suffix)
    NAME.comparisons.EXT of the format.
    """
    if out.is_dir():
        return out / f"edits.{extension}", out / f"comparisons.{extension}"
    if out.suffix in ("", "."):  # Python 3.14 calls a lone final dot a suffix, 3.11 none
        return out, out.with_name(f"{out.name.removesuffix('.')}.comparisons.{extension}")
    return out, out.with_name(f"{out.stem}.comparisons{out.suffix}")


# What to do about a staging folder whose finished articles cannot be kept: told as --resume
# checks it, and found later in the run (which may have had no --resume)
START_OVER = "drop --resume to export from the start"
START_AFRESH = "rerun the same command without --resume to export from the start"


def check_staged(paths: Iterable[Path]) -> None:
    """Refuse to resume from a staging folder that lost a file the interrupted run wrote: the
    articles its journal counts as written would be missing from the output."""
    for path in paths:
        if not path.exists():
            raise OutputProblem("the interrupted run's staged file is missing, so the articles "
                                "it wrote cannot be kept", str(path), hint=START_OVER)


def damaged_staged(what: str, reason: str, path: Path, *, on_resume: bool = True) -> OutputProblem:
    """A staged file that is damaged (a power cut, a disk fault; `what` names the file, `reason`
    says how): every resume would fail on it alike, so the way out is to start over. Found
    `on_resume`, as --resume checks what the interrupted run left, or else later, as the run
    reads it (its rows joined into the final file, resumed or not)."""
    whose, hint = ("the interrupted run's", START_OVER) if on_resume else ("the run's", START_AFRESH)
    return OutputProblem(f"{whose} {what} is damaged ({reason}), so the articles it wrote cannot "
                         "be kept", str(path), hint=hint)


class AppendFiles:
    """A few files in the staging directory that only grow, checkpointed by byte offset."""

    def __init__(self, staging: Staging, names: list[str]) -> None:
        self.paths = [staging.file(name) for name in names]
        self.handles: list[IO[bytes]] = []
        self.named_on_disk = False  # whether the staging folder on the disk names the files

    def open(self, offsets: list[int] | None) -> bool:
        """Open for appending; roll back to `offsets`. Returns True when the files are new."""
        fresh = offsets is None
        self.handles = []  # after `close`, opened again to roll back
        self.named_on_disk = not fresh
        for position, path in enumerate(self.paths):
            if fresh:
                handle = open(path, "w+b")  # noqa: SIM115 - open until close()
            else:
                handle = open(path, "r+b")  # noqa: SIM115 - open until close()
                assert offsets is not None
                handle.truncate(offsets[position])
                handle.seek(0, io.SEEK_END)
            self.handles.append(handle)
        return fresh

    def write(self, position: int, text: str) -> None:
        if text:
            self.handles[position].write(text.encode("utf-8"))

    def offsets(self) -> list[int]:
        result = []
        for handle in self.handles:
            handle.flush()
            result.append(handle.tell())
        return result

    def durable_offsets(self) -> list[int]:
        """`offsets`, once what the files hold up to them is on the disk."""
        result = self.offsets()
        for handle in self.handles:
            os.fsync(handle.fileno())
        if not self.named_on_disk:
            sync_folder(self.paths[0].parent)
            self.named_on_disk = True
        return result

    def close(self) -> None:
        for handle in self.handles:
            if not handle.closed:
                handle.close()


class AppendingTextWriter(ExportWriter):
    """Text files appended article by article; a checkpoint is their byte offsets.

    A payload holds each file's text in pieces, one list per file in the order of `names` (the
    tables' a piece per version pair): a live blog's rows run to tens of MB, and are never joined
    into one string, in the worker or in the driver that writes them.
    """

    def __init__(self, out: Path, staging: Staging, names: list[str],
                 targets: tuple[Path, ...]) -> None:
        super().__init__(out, staging)
        self.targets = targets
        self.files = AppendFiles(staging, names)

    def header(self, position: int) -> str:
        return ""

    def restore(self, state: dict[str, Any] | None) -> None:
        fresh = self.files.open(None if state is None else self._offsets(state))
        if fresh:
            for position in range(len(self.targets)):
                self.files.write(position, self.header(position))

    def _offsets(self, state: dict[str, Any]) -> list[int]:
        """The staged files' byte offsets at the checkpoint `state`, each within its file: a
        rollback cuts a file back, never grows it. A file shorter than its offset (cut by a power
        cut before it reached the disk) lacks rows the journal counts: told as the file's."""
        check_staged(self.files.paths)
        offsets = state.get("offsets")
        if not isinstance(offsets, list) or len(offsets) != len(self.files.paths):
            offsets = [None] * len(self.files.paths)
        counts = [self.staging.checkpoint_count(offset, "byte offsets") for offset in offsets]
        for count, path in zip(counts, self.files.paths, strict=True):
            size = path.stat().st_size
            if size < count:
                raise OutputProblem(f"the interrupted run's staged {path.name} is shorter than "
                                    f"its last checkpoint counts ({size} bytes, where it counts "
                                    f"{count}), so the articles it wrote cannot be kept",
                                    str(path), hint=START_OVER)
        return counts

    def write(self, index: int, payload: Any) -> None:
        for position, pieces in enumerate(payload):
            for text in pieces:
                self.files.write(position, text)

    def checkpoint(self) -> dict[str, Any]:
        return {"offsets": self.files.durable_offsets()}

    def finish(self) -> list[tuple[Path, Path]]:
        self.files.offsets()
        self.files.close()
        return list(zip(self.files.paths, self.targets))

    def close(self) -> None:
        self.files.close()

    def final_paths(self) -> list[Path]:
        return list(self.targets)


class TwoTableTextWriter(AppendingTextWriter):
    """Shared by JSONL and CSV: an edits file and a comparisons file."""

    extension = ""

    def __init__(self, out: Path, staging: Staging) -> None:
        super().__init__(out, staging, [f"edits.{self.extension}", f"comparisons.{self.extension}"],
                         table_paths(out, self.extension))


# A row of a table written as its line (JSON Lines, CSV), its line end included.
_RowLine = Callable[[dict[str, Any]], str]


def _render_two_tables(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison],
                       edit_line: _RowLine, comparison_line: _RowLine
                       ) -> tuple[tuple[list[str], list[str]], int]:
    """The article's edits table and comparisons table, each comparison's rows one piece of text
    (its rows' lines, `edit_line` and `comparison_line` writing one), and how many edit rows
    they hold: the payload of a `TwoTableTextWriter`."""
    edits: list[str] = []
    summaries: list[str] = []
    edit_rows = 0
    for _, summary, rows in article_rows(ref, article, comparisons):
        edits.append("".join(map(edit_line, rows)))
        summaries.append(comparison_line(summary))
        edit_rows += len(rows)
    return (edits, summaries), edit_rows


def _jsonl_line(row: dict[str, Any]) -> str:
    return json_line(row) + "\n"


def render_jsonl(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                 ) -> tuple[tuple[list[str], list[str]], int]:
    return _render_two_tables(ref, article, comparisons, _jsonl_line, _jsonl_line)


class JsonlWriter(TwoTableTextWriter):
    extension = "jsonl"


def render_csv(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
               ) -> tuple[tuple[list[str], list[str]], int]:
    return _render_two_tables(
        ref, article, comparisons, lambda row: csv_line(flatten_for_csv(row, EDIT_COLUMNS)),
        lambda summary: csv_line(flatten_for_csv(summary, COMPARISON_COLUMNS)))


def csv_header(names: tuple[str, ...]) -> str:
    return csv_line(names)


class CsvWriter(TwoTableTextWriter):
    extension = "csv"

    def header(self, position: int) -> str:
        return csv_header(EDIT_COLUMN_NAMES if position == 0 else COMPARISON_COLUMN_NAMES)


class SingleTextWriter(AppendingTextWriter):
    """One text file appended article by article (the unified diff format): a payload is its
    pieces."""

    def __init__(self, out: Path, staging: Staging) -> None:
        super().__init__(out, staging, ["output.txt"], (out,))

    def write(self, index: int, payload: Any) -> None:
        super().write(index, (payload,))
