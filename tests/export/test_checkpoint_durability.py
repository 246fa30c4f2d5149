"""A checkpoint is durable in order: the staged data reaches the disk before the journal line
that counts it, so that a power cut never leaves a journal counting articles whose rows were lost."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from test_export_resume import interrupted_export

from revdiff.export import driver, registry
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.journal import JOURNAL_NAME
from revdiff.export.publishing import PUBLISHING_NAME
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


def _place(path: Any) -> str:
    """`path` with the links of its folder followed, as /proc names an open file."""
    return os.path.join(os.path.realpath(Path(path).parent), Path(path).name)


class _DiskEvents:
    """Records, in order, each fsync (by the path its descriptor names) and each rename."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[tuple[str, ...]] = []
        real_fsync, real_replace = os.fsync, os.replace

        def fsync(descriptor: int) -> None:
            real_fsync(descriptor)
            self.events.append(("fsync", os.readlink(f"/proc/self/fd/{descriptor}")))

        def replace(source: Any, target: Any) -> None:
            real_replace(source, target)
            self.events.append(("replace", _place(source), _place(target)))

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("fmt", ["jsonl", "html"])
def test_publishing_puts_its_list_and_each_rename_on_the_disk_before_the_next_step(
        fmt: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the list's name and the renames were not synced, nor the `made` lines: after a power cut
    # the list could count a rename the disk lost (its staged file then removed with the staging
    # folder), or miss one that put an earlier report aside (to be put aside again), or be gone
    # while renames were kept (a resume over moved-out files)
    out = tmp_path / ("report" if fmt == "html" else "out.jsonl")
    if fmt == "html":  # an earlier report, which publishing puts aside into the staging folder
        run_export(ExportJob((str(generated),), out, fmt))
    folder = os.path.realpath(staging_path(out))
    listing = os.path.join(folder, PUBLISHING_NAME)
    disk = _DiskEvents(monkeypatch)
    run_export(ExportJob((str(generated),), out, fmt))
    events = disk.events[disk.events.index(("fsync", listing)):]
    events = events[:[event[:2] for event in events].index(("replace", folder))]  # discarded
    renames = [event for event in events if event[0] == "replace"]
    assert renames
    expected = [("fsync", listing), ("fsync", folder)]
    for _, source, target in renames:
        folders = dict.fromkeys([os.path.dirname(target), os.path.dirname(source)])
        expected += [("replace", source, target), *(("fsync", each) for each in folders),
                     ("fsync", listing)]
    assert events == expected


def test_resume_puts_the_journal_it_rewrites_on_the_disk_before_and_after_its_rename(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the journal kept up to the last checkpoint was renamed over the interrupted one unsynced:
    # after a power cut it could be empty, which the next --resume read as a run that finished
    # no article, starting over
    out = tmp_path / "out.csv"
    interrupted_export(ExportJob((str(generated),), out, "csv"), monkeypatch, limit=4,
                       chunk_pairs=1)
    folder = os.path.realpath(staging_path(out))
    journal, kept = os.path.join(folder, JOURNAL_NAME), os.path.join(folder, "journal.tmp")
    disk = _DiskEvents(monkeypatch)
    assert run_export(ExportJob((str(generated),), out, "csv"), resume=True).resumed_articles
    rename = disk.events.index(("replace", kept, journal))
    assert disk.events[max(rename - 1, 0):rename + 2] == [("fsync", kept), disk.events[rename],
                                                  ("fsync", folder)]
