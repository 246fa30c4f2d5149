"""A checkpoint is durable in order: the staged data reaches the disk before the journal line
that counts it, so that a power cut never leaves a journal counting articles whose rows were lost."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from revdiff.export import driver, registry
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.journal import JOURNAL_NAME
from revdiff.export.staging import staging_path

# the formats whose staged files revdiff writes itself (SQLite syncs its own, below)
FORMATS = ["jsonl", "csv", "parquet", "html", "unified"]


def _staged_state(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Each staged file but the journal, by its path in the staging folder: its inode (which a
    rename keeps), size and mtime."""
    return {str(path.relative_to(folder)): _state(path)
            for path in folder.rglob("*") if path.is_file() and path.name != JOURNAL_NAME}


def _state(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_checkpoint_syncs_the_staged_data_before_the_journal_line_that_counts_it(
        fmt: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the journal's lines were only flushed, and the staged files synced only as they were
    # published: after a power cut the journal could count articles whose rows never reached
    # the disk
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / ("report" if fmt == "html" else f"out.{fmt}")
    folder = staging_path(out)
    synced: set[tuple[int, int, int]] = set()  # each staged file as it was when synced
    journal_syncs: list[dict[str, tuple[int, int, int]]] = []  # unsynced at each journal's
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        real_fsync(descriptor)
        path = Path(os.readlink(f"/proc/self/fd/{descriptor}"))
        if path.is_relative_to(folder) and path.name == JOURNAL_NAME:
            staged = _staged_state(folder)
            journal_syncs.append({name: state for name, state in staged.items()
                                  if state not in synced})
        elif path.is_relative_to(folder) and path.is_file():
            synced.add(_state(path))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(driver, "CHECKPOINT_ARTICLES", 1)
    run_export(ExportJob((str(generated),), out, fmt))
    assert len(journal_syncs) > 1  # a journal line synced at every checkpoint
    assert journal_syncs == [{}] * len(journal_syncs)


def test_the_staged_database_commits_durably_before_the_journal_counts_it(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # under `synchronous = NORMAL` the rollback journal a commit removes could come back after
    # a power cut and roll back rows the journal counted; EXTRA syncs its folder once it is gone
    levels: list[int] = []
    real = registry.make_writer

    def make_writer(name: str, out: Path, staging: Any) -> Any:
        writer = real(name, out, staging)
        real_checkpoint = writer.checkpoint

        def checkpoint() -> dict[str, Any]:
            levels.append(writer.connection.execute("PRAGMA synchronous").fetchone()[0])
            return real_checkpoint()

        writer.checkpoint = checkpoint
        return writer

    monkeypatch.setattr(registry, "make_writer", make_writer)
    run_export(ExportJob((str(generated),), tmp_path / "out.sqlite", "sqlite"))
    assert levels
    assert set(levels) == {3}  # EXTRA
