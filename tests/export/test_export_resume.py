"""Interrupted runs: nothing half-written appears, and --resume finishes without duplicates."""

from __future__ import annotations

import errno
import io
import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

import pytest
from export_corpus import make_chain

import revdiff
from revdiff.errors import RevdiffError
from revdiff.export import checkpoints, registry, tasks
from revdiff.export import driver as batch
from revdiff.export import journal as journal_module
from revdiff.export import publishing as publishing_module
from revdiff.export import staging as staging_module
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.journal import JournalEntry
from revdiff.export.ordered_map import Pending, SerialExecutor
from revdiff.export.output_guard import OutputProblem
from revdiff.export.progress import ExportProgress
from revdiff.export.records import ArticleRef
from revdiff.export.resume_checks import ResumeMismatch
from revdiff.export.run_errors import InterruptedExport, NothingExported, WorkerDied
from revdiff.export.staging import staging_path
from revdiff.export.worker_loss import WorkerLost

FORMATS = ["jsonl", "csv", "sqlite", "parquet", "html", "unified"]


def snapshot(path: Path) -> dict[str, bytes]:
    """Every output file's bytes (parquet and sqlite compared by content, see below)."""
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    files = sorted(path.parent.glob(path.stem + "*"))
    return {p.name: p.read_bytes() for p in files if not p.name.startswith(".")}


def table_content(path: Path, fmt: str) -> Any:
    if fmt == "sqlite":
        with sqlite3.connect(path) as connection:
            return {table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
                    for table in ("entryversion", "split_sentences", "matched_sentences",
                                  "comparisons", "edits")}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {p.name: pq.read_table(p).to_pylist() for p in sorted(path.parent.glob("*.parquet"))}
    return snapshot(path)


def clean_and_run_outputs(fmt: str, generated: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A clean run's output of `generated` in `fmt`, and where the run under test writes."""
    suffix = "" if fmt == "html" else f".{fmt}"
    clean = tmp_path / "clean" / f"out{suffix}"
    clean.parent.mkdir()
    run_export(ExportJob((str(generated),), clean, fmt))
    out = tmp_path / "run" / f"out{suffix}"
    out.parent.mkdir()
    return clean, out


class StopAfter:
    """Wraps a writer: after `limit` articles it writes one more article, then 'crashes'."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
        real = registry.make_writer
        self.limit = limit

        def make_writer(name: str, out: Path, staging: Any) -> Any:
            writer = real(name, out, staging)
            original_write = writer.write

            def write(index: int, payload: Any) -> None:
                original_write(index, payload)  # data past the last checkpoint
                if index >= self.limit:
                    raise KeyboardInterrupt

            writer.write = write  # type: ignore[method-assign]
            return writer

        monkeypatch.setattr(registry, "make_writer", make_writer)


def interrupted_export(job: ExportJob, monkeypatch: pytest.MonkeyPatch, *, limit: int,
                       chunk_pairs: int | None = None, resume: bool = False
                       ) -> InterruptedExport:
    """Runs `job` (resumed if `resume`) until `StopAfter(limit)` interrupts it, and returns the
    InterruptedExport it raised. With `chunk_pairs`, the run and every later one of the test
    compare chunks of that many pairs, with a checkpoint after each chunk."""
    if chunk_pairs is not None:
        monkeypatch.setattr(batch, "CHECKPOINT_ARTICLES", 1)
        monkeypatch.setattr(tasks, "CHUNK_PAIRS", chunk_pairs)
    with monkeypatch.context() as patch:
        StopAfter(patch, limit=limit)
        with pytest.raises(InterruptedExport) as stop:
            run_export(job, resume=resume)
    return stop.value


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_after_interruption_equals_a_clean_run(fmt: str, generated: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    clean, out = clean_and_run_outputs(fmt, generated, tmp_path)
    stop = interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=5,
                              chunk_pairs=2)
    assert "--resume" in str(stop)
    assert not out.exists(), "an interrupted run must not publish its output"
    journal = staging_path(out) / "journal.jsonl"
    done = len(journal.read_text().splitlines()) - 1
    assert 0 < done <= 5

    progress = run_export(ExportJob((str(generated),), out, fmt), resume=True)
    assert progress.resumed_articles == done
    assert progress.articles == 12
    assert not staging_path(out).exists()
    assert table_content(out, fmt) == table_content(clean, fmt)


@pytest.mark.parametrize("fmt", ["sqlite", "parquet"])
def test_a_resumed_run_writes_the_bytes_of_a_clean_run(fmt: str, generated: Path,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The resumed SQLite file held the pages its rollback freed, and a header that counted the
    transactions of both runs: the final file is a copy made from its rows, the same bytes as a
    clean run's, and so is a Parquet file's."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    clean, out = clean_and_run_outputs(fmt, generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=5,
                       chunk_pairs=2)
    progress = run_export(ExportJob((str(generated),), out, fmt), resume=True)
    assert progress.resumed_articles > 0
    for path in progress.outputs:
        assert path.read_bytes() == (clean.parent / path.name).read_bytes(), path.name


class Killed(BaseException):
    """Stands for SIGKILL: nothing of the run handles it."""


def killed_while_publishing(job: ExportJob, monkeypatch: pytest.MonkeyPatch,
                            dies: Callable[[Path, Path], bool]) -> None:
    """Run `job`, killed (`Killed`) at the first rename of its publishing for which
    `dies(source, target)` holds; the others are made."""
    real_replace = os.replace

    def dying_replace(source: Any, target: Any) -> None:
        if dies(Path(source), Path(target)):
            raise Killed
        real_replace(source, target)

    with monkeypatch.context() as patch:
        patch.setattr(publishing_module.os, "replace", dying_replace)
        with pytest.raises(Killed):
            run_export(job)


@pytest.mark.parametrize(("fmt", "renames_made"), [("jsonl", 1), ("jsonl", 0), ("sqlite", 0),
                                                   ("html", 1)])
def test_a_run_killed_while_publishing_is_finished_by_resume(
        fmt: str, renames_made: int, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """--resume had found a valid journal whose staged files had been moved out, and published
    empty files over the finished output, exit 0."""
    clean, out = clean_and_run_outputs(fmt, generated, tmp_path)
    if fmt == "html":  # an earlier report, which the first rename moves into the staging folder
        run_export(ExportJob((str(generated),), out, fmt))
    calls = []

    def dies(source: Path, target: Path) -> bool:
        if staging_path(out) not in (source.parent, target.parent):
            return False
        calls.append(source)
        return len(calls) > renames_made

    killed_while_publishing(ExportJob((str(generated),), out, fmt), monkeypatch, dies)
    progress = run_export(ExportJob((str(generated),), out, fmt), resume=True)
    assert progress.articles == progress.resumed_articles == 12
    assert not staging_path(out).exists()
    assert table_content(out, fmt) == table_content(clean, fmt)


def test_a_resumed_run_with_nothing_left_to_compare_says_so_not_a_rate_of_nothing(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found by a review: a --resume run whose every article came from the interrupted run
    ended its summary with '(0.0 pairs/s, 1 worker)', a rate of work it never did."""
    from revdiff.cli.progress import summary_lines

    out = tmp_path / "out.jsonl"
    killed_while_publishing(ExportJob((str(generated),), out, "jsonl"), monkeypatch,
                            lambda source, target: True)
    progress = run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    said = summary_lines(progress, "1 worker", "jsonl")
    assert said[:2] == [("revdiff: exported 12 articles (12 from the interrupted run), "
                         f"{progress.pairs:,} version pairs,"), f"  {progress.rows:,} edit rows"], said
    assert " ".join(line.strip() for line in said).endswith(
        " s (nothing left to compare: every pair came from the interrupted run)"), said


def test_a_run_killed_while_publishing_resumes_from_another_folder_and_only_as_itself(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The renames were listed relative to the folder the run started in: a --resume from
    another folder made none and removed the finished files; and a --resume of another command
    (another format) published the killed run's output as its own."""
    clean = tmp_path / "clean.jsonl"
    run_export(ExportJob((str(generated),), clean, "jsonl"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    killed_while_publishing(ExportJob((str(generated),), Path("out.jsonl"), "jsonl"), monkeypatch,
                            lambda source, target: target.name.startswith("out."))
    with pytest.raises(ResumeMismatch):
        run_export(ExportJob((str(generated),), work / "out.jsonl", "csv"), resume=True)
    monkeypatch.chdir(tmp_path)
    run_export(ExportJob((str(generated),), work / "out.jsonl", "jsonl"), resume=True)
    assert snapshot(work / "out.jsonl") == {name.replace("clean", "out"): data for name, data
                                            in snapshot(clean).items()}
    assert sorted(p.name for p in work.iterdir()) == ["out.comparisons.jsonl", "out.jsonl"]


def test_resume_makes_no_rename_the_publishing_list_names_beyond_its_output(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--resume made every rename a staging folder's `publishing.jsonl` listed: one from a
    stranger (a shared folder, an unpacked archive) moved the user's own files anywhere."""
    out = tmp_path / "out.jsonl"
    killed_while_publishing(ExportJob((str(generated),), out, "jsonl"), monkeypatch,
                            lambda source, target: source.parent == staging_path(out))
    notes, elsewhere = tmp_path / "notes.txt", tmp_path / "elsewhere"
    notes.write_text("mine")
    elsewhere.mkdir()
    staged = staging_path(out) / "edits.jsonl"
    for source, target in [(notes, elsewhere / "notes.txt"), (staged, elsewhere / "x.jsonl"),
                           (notes, out)]:
        (staging_path(out) / "publishing.jsonl").write_text(
            json.dumps([[str(source), str(target)]]) + "\n")
        with pytest.raises(ResumeMismatch, match="publishing.jsonl.* lists a rename"):
            run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert notes.read_text() == "mine" and staged.exists()
    assert not any(elsewhere.iterdir()) and not out.exists()


def test_ctrl_c_while_publishing_lets_the_renames_finish_and_the_run_succeed(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It reported 'interrupted ... rerun with --resume' with the output already in place, and
    left the staging folder behind."""
    out = tmp_path / "out.jsonl"
    real_replace = os.replace

    def interrupted_replace(source: Any, target: Any) -> None:
        real_replace(source, target)
        if Path(target) == out:
            signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(publishing_module.os, "replace", interrupted_replace)
    progress = run_export(ExportJob((str(generated),), out, "jsonl"))
    assert progress.articles == 12
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.comparisons.jsonl", "out.jsonl"]


def test_a_resume_that_still_cannot_put_the_output_in_place_says_so_in_one_error(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that could not rename its finished files into place (a folder it may not write)
    said so in one line, but the --resume run before the folder was fixed ended in a
    PermissionError traceback."""
    out = tmp_path / "out.jsonl"
    real_replace = os.replace

    def refused_replace(source: Any, target: Any) -> None:
        if Path(target) == out:
            raise PermissionError(13, "Permission denied")
        real_replace(source, target)

    job = ExportJob((str(generated),), out, "jsonl")
    with monkeypatch.context() as patch:
        patch.setattr(publishing_module.os, "replace", refused_replace)
        with pytest.raises(OutputProblem, match="Permission denied; 12 finished articles"):
            run_export(job)
        with pytest.raises(OutputProblem, match="Permission denied; 12 finished articles"):
            run_export(job, resume=True)
    assert staging_path(out).exists()
    assert run_export(job, resume=True).articles == 12 and out.is_file()


def _sqlite_error(message: str, code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(("error", "fix"), [
    (PermissionError(errno.EACCES, "Permission denied"),
     "check the permissions of the output and its folder"),
    (PermissionError(errno.EPERM, "Operation not permitted"),
     "check the permissions of the output and its folder"),
    (OSError(errno.ENOSPC, "No space left on device"), "free some space"),
    (OSError(errno.EDQUOT, "Disk quota exceeded"), "free some space"),
    (_sqlite_error("database or disk is full", sqlite3.SQLITE_FULL), "free some space"),
    (_sqlite_error("attempt to write a readonly database", 1544),  # SQLITE_READONLY_DIRECTORY
     "check the permissions of the output and its folder"),
    (OSError(errno.EIO, "Input/output error"), "fix the problem the error names"),
    (OSError(errno.EFBIG, "File too large"),
     ("the file reached the largest size allowed here, by a file-size limit (ulimit -f) or by the "
      "file system: write elsewhere or split the export, or raise that limit")),
])
def test_a_failed_write_hints_at_what_its_error_names(
        error: Exception, fix: str, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every failed write was told "free some space (or fix the problem)", a refused permission
    too; a file grown to the largest size allowed, "fix the problem the error names"."""
    assert _hint_of_a_write_failing_with(error, generated, tmp_path, monkeypatch) == (
        f"{fix}, then rerun the same command: there is nothing to resume")


@pytest.mark.parametrize(("limit", "fix"), [
    (200_000, ("the database may have reached the file-size limit set here, 200000 bytes by "
               "ulimit -f: write elsewhere or split the export, or raise that limit; if not, fix "
               "the problem the error names")),
    (resource.RLIM_INFINITY, "fix the problem the error names")])
def test_a_sqlite_io_error_names_the_file_size_limit_set(
        limit: int, fix: str, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's write past a file-size limit fails as `disk I/O error`, with no errno to tell it
    by, and was told only "fix the problem the error names"."""
    real_getrlimit = resource.getrlimit
    monkeypatch.setattr(resource, "getrlimit", lambda which: (limit, limit)
                        if which == resource.RLIMIT_FSIZE else real_getrlimit(which))
    error = _sqlite_error("disk I/O error", 778)  # SQLITE_IOERR_WRITE
    assert _hint_of_a_write_failing_with(error, generated, tmp_path, monkeypatch).startswith(
        f"{fix}, then rerun the same command")


def _hint_of_a_write_failing_with(error: Exception, generated: Path, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> str:
    """The hint of an export of `generated` whose every write fails with `error`."""
    real = registry.make_writer

    def make_writer(name: str, out: Path, staging: Any) -> Any:
        writer = real(name, out, staging)

        def write(index: int, payload: Any) -> None:
            raise error

        writer.write = write  # type: ignore[method-assign]
        return writer

    monkeypatch.setattr(registry, "make_writer", make_writer)
    with pytest.raises(OutputProblem) as failed:
        run_export(ExportJob((str(generated),), tmp_path / "out.jsonl", "jsonl"))
    assert failed.value.hint is not None
    return failed.value.hint


def test_a_folder_in_the_way_of_a_companion_file_is_refused_before_anything_is_written(
        generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "y.jsonl"
    out.write_text("mine\n")
    (tmp_path / "y.comparisons.jsonl").mkdir()
    with pytest.raises(OutputProblem, match="a folder is in the way"):
        run_export(ExportJob((str(generated),), out, "jsonl"))
    assert out.read_text() == "mine\n"


def test_resumed_jsonl_has_no_duplicate_rows(generated: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "e.jsonl"
    for limit in (2, 6):  # interrupted twice, resumed twice
        interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=limit,
                           chunk_pairs=1, resume=True)
    run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    keys = [(r["article_index"], r["old_version"], r["new_version"], r["edit_index"])
            for r in rows]
    assert len(keys) == len(set(keys))
    assert keys == sorted(keys)
    assert {r["article_index"] for r in rows} == set(range(12))


@pytest.mark.parametrize("earlier_journal", [False, True])
def test_the_resumed_bar_starts_at_the_inputs_the_interrupted_run_finished(
        earlier_journal: bool, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """After `resuming after N finished articles` the bar showed 0 of 12 inputs until the first
    article left to do was written. The journal of an earlier revdiff, which does not record the
    inputs done, is still resumed, its bar starting at 0 as it did."""
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    header, *lines = journal.read_text().splitlines()
    if earlier_journal:
        entries = [json.loads(line) for line in lines]
        for entry in entries:
            del entry["units_done"]
        journal.write_text("\n".join([header, *map(json.dumps, entries)]) + "\n")
    seen: list[float] = []
    progress = run_export(ExportJob((str(generated),), out, "jsonl"), resume=True,
                          on_progress=lambda progress: seen.append(progress.units_done))
    assert progress.resumed_articles == len(lines) > 0
    assert seen[0] == (0 if earlier_journal else len(lines))  # each article an input of its own
    assert seen[-1] == 12


def test_a_journal_line_whose_inputs_done_is_no_number_is_no_finished_article() -> None:
    """As a line whose other fields are not what revdiff writes: NaN (which JSON readers take)
    would have reached the resumed run's progress bar, which cannot draw it."""
    line = json.dumps({"i": 0, "key": "a", "pairs": 1, "rows": 1, "state": {}, "info": {}})
    entry = journal_module._parse_entry(line[:-1] + ', "units_done": 0.5}')
    assert entry is not None and entry.units_done == 0.5
    for bad in ("NaN", "-Infinity", '"half"', "[1]"):
        assert journal_module._parse_entry(line[:-1] + f', "units_done": {bad}}}') is None


def test_torn_journal_and_trailing_garbage_are_rolled_back(generated: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    clean = tmp_path / "clean.csv"
    run_export(ExportJob((str(generated),), clean, "csv"))
    out = tmp_path / "out.csv"
    interrupted_export(ExportJob((str(generated),), out, "csv"), monkeypatch, limit=4,
                       chunk_pairs=1)
    staged = staging_path(out)
    with open(staged / "edits.csv", "a", encoding="utf-8") as handle:
        handle.write('7,"half a row')  # the process died mid-write
    with open(staged / "journal.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"i": 99, "key": "torn')  # ... or mid-journal-line
    run_export(ExportJob((str(generated),), out, "csv"), resume=True)
    assert out.read_bytes() == clean.read_bytes()
    assert (tmp_path / "out.comparisons.csv").read_bytes() == \
        (tmp_path / "clean.comparisons.csv").read_bytes()


def test_resume_refuses_a_different_job(generated: Path, samples: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=3,
                       chunk_pairs=1)
    with pytest.raises(ResumeMismatch):
        run_export(ExportJob((str(samples),), out, "jsonl"), resume=True)
    # Without --resume the old staging is discarded and the run starts over.
    progress = run_export(ExportJob((str(samples),), out, "jsonl"))
    assert progress.resumed_articles == 0 and progress.articles == 3


@pytest.mark.parametrize(("changed", "said"), [
    ({"sentences": "lines"}, "with --sentences auto, this one with --sentences lines"),
    ({"format": "csv"}, "with --format jsonl, this one with --format csv"),
    ({"max_bytes": 1024}, "with --max-size 64M, this one with --max-size 1K"),
    ({"inputs": ("SAMPLES",)}, "with other inputs")])
def test_resume_names_what_differs_from_the_interrupted_run(
        changed: dict[str, object], said: str, generated: Path, samples: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`--resume` after changing an option said only that the interrupted export was run with
    "other inputs, format or options", leaving the user to find which."""
    import dataclasses

    out = tmp_path / "out.jsonl"
    job = ExportJob((str(generated),), out, "jsonl")
    interrupted_export(job, monkeypatch, limit=3, chunk_pairs=1)
    if changed.get("inputs") == ("SAMPLES",):
        changed = {"inputs": (str(samples),)}
    with pytest.raises(ResumeMismatch) as refused:
        run_export(dataclasses.replace(job, **changed), resume=True)  # type: ignore[arg-type]
    assert str(refused.value) == (f"{staging_path(out)}: the interrupted export was run {said} "
                                  "(rerun the same command with --resume, or drop --resume to "
                                  "start over)")


def test_a_run_without_resume_says_it_discards_the_interrupted_runs_finished_articles(
        generated: Path, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rerunning an interrupted export without --resume removed its finished articles without a
    word: it now says how many it discards, and, for the same job, that --resume keeps them."""
    out = tmp_path / "out.jsonl"
    job = ExportJob((str(generated),), out, "jsonl")
    interrupted_export(job, monkeypatch, limit=3, chunk_pairs=1)
    notes: list[str] = []
    run_export(job, on_note=notes.append)
    assert notes == [("starting over: discarding the 3 finished articles of an interrupted run "
                      "of this export (--resume keeps them)")]

    interrupted_export(job, monkeypatch, limit=3, chunk_pairs=1)
    notes.clear()
    run_export(ExportJob((str(samples),), out, "jsonl"), on_note=notes.append)
    assert notes == [("starting over: discarding the 3 finished articles of an interrupted run "
                      "with other inputs")]

    notes.clear()  # a run that leaves no staging folder, then one that finishes: nothing to say
    run_export(job, on_note=notes.append)
    assert notes == []


def test_a_run_without_resume_names_the_option_the_discarded_run_had_otherwise(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Starting over after changing an option said the discarded run was "of other inputs,
    format or options", where --resume names the option and its two values."""
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=3,
                       chunk_pairs=1)
    notes: list[str] = []
    run_export(ExportJob((str(generated),), out, "csv"), on_note=notes.append)
    assert notes == [("starting over: discarding the 3 finished articles of an interrupted run "
                      "with --format jsonl, this one with --format csv")]


def test_a_run_without_resume_reads_no_linked_journal_to_count_what_it_discards(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A staging folder whose journal is a link (to a FIFO, which would hang a read) is not read
    to count its articles: the run says it discards that folder, and starts over."""
    out = tmp_path / "out.jsonl"
    job = ExportJob((str(generated),), out, "jsonl")
    interrupted_export(job, monkeypatch, limit=3, chunk_pairs=1)
    journal = staging_path(out) / "journal.jsonl"
    journal.unlink()
    os.mkfifo(tmp_path / "fifo")
    journal.symlink_to(tmp_path / "fifo")
    notes: list[str] = []
    progress = run_export(job, on_note=notes.append)
    assert notes == [("starting over: discarding the staging folder an interrupted run left, "
                      "whose journal could not be read")]
    assert progress.articles == 12 and not staging_path(out).exists()


@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_resume_refuses_a_run_of_a_revdiff_that_wrote_other_columns(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    # A run staged by a revdiff whose tables had other columns was resumed: this one's rows went
    # on under its CSV header (rows of two lengths in one file), and into its SQLite tables. Its
    # journal's header, as an older revdiff's, names no columns.
    out = tmp_path / f"out.{fmt}"
    interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=3,
                       chunk_pairs=1)
    journal = staging_path(out) / "journal.jsonl"
    header, *entries = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    older_header = {name: value for name, value in json.loads(header).items()
                    if name != "columns"}
    journal.write_text(json.dumps(older_header) + "\n" + "".join(entries), encoding="utf-8")
    with pytest.raises(ResumeMismatch, match="another version of revdiff"):
        run_export(ExportJob((str(generated),), out, fmt), resume=True)
    # Without --resume the old staging is discarded and the run starts over.
    assert run_export(ExportJob((str(generated),), out, fmt)).resumed_articles == 0


def test_resume_refuses_a_sqlite_run_staged_without_entryversions_time_text(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # entryversion's columns were not in the journal's header: a run staged by a revdiff before
    # its time_text column was resumed, and failed inserting into the staged table with
    # sqlite3's "table entryversion has no column named time_text"
    out = tmp_path / "out.sqlite"
    interrupted_export(ExportJob((str(generated),), out, "sqlite"), monkeypatch, limit=3,
                       chunk_pairs=1)
    staged = staging_path(out)
    with sqlite3.connect(staged / "output.sqlite") as connection:
        connection.execute("ALTER TABLE entryversion DROP COLUMN time_text")
    connection.close()
    journal = staged / "journal.jsonl"
    header, *entries = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    older_header = json.loads(header)
    older_header["columns"] = {table: columns for table, columns in older_header["columns"].items()
                               if table in ("edits", "comparisons")}
    journal.write_text(json.dumps(older_header) + "\n" + "".join(entries), encoding="utf-8")
    with pytest.raises(ResumeMismatch, match="another version of revdiff"):
        run_export(ExportJob((str(generated),), out, "sqlite"), resume=True)


@pytest.mark.parametrize("header", ["garbage", "[1]", "{\"job\": " + "[" * 100_000],
                         ids=["no JSON", "a list", "nested too deep"])
def test_resume_refuses_a_journal_whose_header_is_damaged(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, header: str) -> None:
    # a journal whose first line is no JSON object (a damaged disk, a staging folder in a
    # shared place) ended the run in a JSONDecodeError's, AttributeError's or RecursionError's
    # traceback
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=3,
                       chunk_pairs=1)
    journal = staging_path(out) / "journal.jsonl"
    entries = journal.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
    journal.write_text(header + "\n" + "".join(entries), encoding="utf-8")
    with pytest.raises(ResumeMismatch, match="journal .* is damaged"):
        run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    # Without --resume the old staging is discarded and the run starts over.
    assert run_export(ExportJob((str(generated),), out, "jsonl")).resumed_articles == 0


@pytest.mark.parametrize(("name", "damaged"), [
    ("journal.jsonl", '{"i": ' + "[" * 100_000), ("publishing.jsonl", "[1]"),
    ("publishing.jsonl", "[[1, 2]]"), ("publishing.jsonl", "[" * 100_000)],
    ids=["entry nested too deep", "list of a number", "rename of numbers", "list nested too deep"])
def test_resume_goes_on_past_a_damaged_line_of_the_staging_folder(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
        damaged: str) -> None:
    # an entry of the journal, or the list of renames, that is JSON of another shape or nested
    # deeper than Python recurses, ended the run in a TypeError's or RecursionError's traceback;
    # such a line is one the run did not finish writing, as a line cut short is
    clean, out = clean_and_run_outputs("jsonl", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=3,
                       chunk_pairs=1)
    with open(staging_path(out) / name, "a", encoding="utf-8") as handle:
        handle.write(damaged + "\n")
    run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert table_content(out, "jsonl") == table_content(clean, "jsonl")


def test_resume_without_a_staged_run_starts_fresh(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    progress = run_export(ExportJob((str(samples),), out, "jsonl"), resume=True)
    assert progress.resumed_articles == 0 and progress.articles == 3 and out.is_file()


def test_run_stopped_before_any_checkpoint_leaves_nothing(samples: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    interrupted_export(ExportJob((str(samples),), tmp_path / "out.jsonl", "jsonl"), monkeypatch,
                       limit=0)
    assert list(tmp_path.iterdir()) == []


def test_run_stopped_while_its_writer_is_made_leaves_nothing(
        samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the writer was made (parquet's takes a moment to load pyarrow) left the
    hidden staging folder beside the output, the folder made just before."""
    def interrupted_make_writer(name: str, out: Path, staging: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(registry, "make_writer", interrupted_make_writer)
    with pytest.raises(KeyboardInterrupt):
        run_export(ExportJob((str(samples),), tmp_path / "out.jsonl", "jsonl"))
    assert list(tmp_path.iterdir()) == []


def test_run_stopped_before_any_article_does_not_advise_resume(
        samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stopped before it finished an article said `0 finished articles are kept (rerun the
    same command with --resume to continue)`, but removes its staging folder, so --resume then
    said there was nothing to resume: it now says to rerun the command; and it no longer counts
    `0 finished articles`, but says that none was finished."""
    stop = interrupted_export(ExportJob((str(samples),), tmp_path / "out.jsonl", "jsonl"),
                              monkeypatch, limit=0)
    message = str(stop)
    assert "; no article was finished, so nothing is kept (rerun the same command: there is " \
           "nothing to resume)" in message, message
    assert "--resume" not in message


def test_ctrl_c_while_a_checkpoint_is_written_waits_for_its_count(
        samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C right after the journal's lines were flushed, before they were counted: the run
    reported `0 finished articles are kept` and removed the staging that held them."""
    import os
    import signal

    from revdiff.export.staging import Staging

    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(batch, "CHECKPOINT_ARTICLES", 1)
    flush_then_stop = Staging.record

    def record_then_ctrl_c(staging: Staging, entries: list[Any]) -> None:
        original_flush = staging._journal.flush

        def flush() -> None:
            original_flush()
            monkeypatch.setattr(staging._journal, "flush", original_flush)  # once
            os.kill(os.getpid(), signal.SIGINT)  # acted on at the next bytecode

        monkeypatch.setattr(staging._journal, "flush", flush)
        flush_then_stop(staging, entries)

    monkeypatch.setattr(Staging, "record", record_then_ctrl_c)
    with pytest.raises(InterruptedExport, match=r"interrupted; [1-9]\d* finished articles") as stop:
        run_export(ExportJob((str(samples),), out, "jsonl"))
    kept = int(str(stop.value).split("interrupted; ")[1].split()[0])
    journal = (staging_path(out) / "journal.jsonl").read_text()
    assert journal.count("\n") == kept + 1  # the header, then each finished article


def test_ctrl_c_between_articles_keeps_every_article_written_for_resume(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C as the driver waits for its workers, with articles written since the last
    checkpoint: they are checkpointed and kept, as a lost worker's are (the run kept only those
    of the last checkpoint, fewer than the progress bar had shown written)."""
    clean = tmp_path / "clean.jsonl"
    run_export(ExportJob((str(generated),), clean, "jsonl"))
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 2)
    monkeypatch.setattr(batch, "CHECKPOINT_SECONDS", 3600.0)  # no checkpoint before the end
    shown: list[int] = []

    def ctrl_c_after_three_articles(progress: Any) -> None:
        shown.append(progress.articles)
        if progress.articles >= 3:
            raise KeyboardInterrupt

    with pytest.raises(InterruptedExport) as stop:
        run_export(ExportJob((str(generated),), out, "jsonl"),
                   on_progress=ctrl_c_after_three_articles)
    assert stop.value.exit_code == 130
    assert f"interrupted; {shown[-1]} finished articles are kept (rerun the same command with " \
           "--resume to continue)" in str(stop.value), str(stop.value)
    journal = (staging_path(out) / "journal.jsonl").read_text()
    assert journal.count("\n") == shown[-1] + 1  # the header, then each article written

    progress = run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert progress.resumed_articles == shown[-1]
    assert list(snapshot(out).values()) == list(snapshot(clean).values())


def test_ctrl_c_inside_an_article_written_keeps_only_the_articles_before_it(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop that comes while an article is written keeps the articles journaled before it,
    never the article half-written: --resume writes it once."""
    clean = tmp_path / "clean.jsonl"
    run_export(ExportJob((str(generated),), clean, "jsonl"))
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(batch, "CHECKPOINT_SECONDS", 3600.0)  # no checkpoint before the end
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=4)
    run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert list(snapshot(out).values()) == list(snapshot(clean).values())


class _WorkerDiesAfter(SerialExecutor):
    """Runs `chunks` chunks, then has lost its worker, as a pool whose worker was killed."""

    def __init__(self, chunks: int) -> None:
        self.chunks = chunks

    def submit(self, fn: Any, *args: Any) -> Pending[Any]:
        if self.chunks == 0:
            raise WorkerLost("a worker process was killed by SIGKILL", advice="use less memory")
        self.chunks -= 1
        return super().submit(fn, *args)


def test_a_lost_worker_keeps_every_article_written_for_resume(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The articles written before a worker died are checkpointed (not only those of the last
    checkpoint), and --resume continues after them."""
    clean = tmp_path / "clean.csv"
    run_export(ExportJob((str(generated),), clean, "csv"))
    out = tmp_path / "out.csv"
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 2)
    monkeypatch.setattr(batch, "CHECKPOINT_SECONDS", 3600.0)  # no checkpoint before the end
    with pytest.raises(WorkerDied) as died:
        run_export(ExportJob((str(generated),), out, "csv"), executor=_WorkerDiesAfter(3))
    assert died.value.exit_code == 75
    message = str(died.value)
    assert message.startswith(f"{out}: a worker process was killed by SIGKILL while "), message
    assert f" {generated}{os.sep}article-" in message  # the input, where to look (not its key)
    assert message.endswith(" (rerun the same command with --resume to continue; use less "
                            "memory)"), message
    kept = int(message.split("; ")[1].split()[0])
    journal = (staging_path(out) / "journal.jsonl").read_text()
    assert kept >= 3 and journal.count("\n") == kept + 1  # the header, then each article written
    assert not out.exists()

    progress = run_export(ExportJob((str(generated),), out, "csv"), resume=True)
    assert progress.resumed_articles == kept
    assert out.read_bytes() == clean.read_bytes()
    assert (tmp_path / "out.comparisons.csv").read_bytes() == \
        (tmp_path / "clean.comparisons.csv").read_bytes()


def test_a_lost_worker_on_standard_output_is_one_error(generated: Path) -> None:
    import io

    with pytest.raises(WorkerDied, match=r"^-o -: a worker process was killed by SIGKILL while "
                                         r".*; the output written is incomplete \(rerun the "
                                         r"command: standard output cannot be resumed; use less "
                                         r"memory\)$"):
        run_export(ExportJob((str(generated),), Path("-"), "jsonl"),
                   executor=_WorkerDiesAfter(1), stream=io.BytesIO())


def test_failed_run_keeps_the_previous_output(samples: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous export\n")
    interrupted_export(ExportJob((str(samples),), out, "jsonl"), monkeypatch, limit=1)
    assert out.read_text() == "previous export\n"


@pytest.fixture(scope="module")
def held_corpus_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A corpus big enough to be checkpointed before its end, and its clean export with the
    article the held runs read from standard input: (corpus, clean output)."""
    from export_corpus import make_corpus
    from held_runs import held_export, release

    root = tmp_path_factory.mktemp("held")
    corpus = make_corpus(root / "big", 600, seed=11)  # a checkpoint after 512 at the latest
    clean = root / "clean" / "e.jsonl"
    clean.parent.mkdir()
    code, stderr = release(held_export(str(corpus), "-o", str(clean), "--quiet"))
    assert code == 0, stderr
    return corpus, clean


def _checkpointed_run(corpus: Path, tmp_path: Path
                      ) -> tuple[subprocess.Popen[bytes], list[str], Path]:
    """A held `--workers 2` export of `corpus` that has checkpointed finished articles:
    (the running process, its command, its output)."""
    from held_runs import held_export, wait_for

    out = tmp_path / "out" / "e.jsonl"
    out.parent.mkdir()
    command = [str(corpus), "-o", str(out), "--workers", "2", "--quiet"]
    process = held_export(*command)
    journal = staging_path(out) / "journal.jsonl"
    wait_for(lambda: journal.is_file() and journal.read_text().count("\n") >= 2, process)
    return process, command, out


def test_ctrl_c_on_a_real_run_then_resume(held_corpus_export: tuple[Path, Path],
                                          tmp_path: Path) -> None:
    """SIGINT to the whole process group (what Ctrl-C does) on `--workers 2`, then --resume.

    The run reads the corpus and then standard input, which the test holds open: it is certainly
    still going when Ctrl-C comes, however fast the machine.
    """
    import os
    import signal

    from held_runs import held_export, release

    corpus, _ = held_corpus_export
    process, command, out = _checkpointed_run(corpus, tmp_path)
    assert process.poll() is None
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr  # Ctrl-C
    assert "--resume" in stderr.decode() and not out.exists()

    code, resumed_stderr = release(held_export(*command, "--resume"))
    assert code == 0, resumed_stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    keys = [(r["article_index"], r["old_version"], r["new_version"], r["edit_index"])
            for r in rows]
    assert len(keys) == len(set(keys)) and keys == sorted(keys)
    pairs = {(r["article_index"], r["new_version"]) for r in rows}
    expected = sum(len(list(folder.glob("*.txt"))) - 1 for folder in corpus.iterdir()) + 1
    assert len(pairs) == expected  # every pair of the corpus, and the one read from stdin


def _assert_left_staging_only_and_resumes(session: int, command: list[str], out: Path,
                                          clean: Path) -> None:
    """A stopped run leaves no process of its session and nothing beside its staging folder;
    --resume then writes what a clean run writes, byte for byte."""
    import time

    from held_runs import held_export, release, session_processes

    deadline = time.monotonic() + 60
    while session_processes(session) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert session_processes(session) == [], "processes outlived the stopped export"
    assert sorted(p.name for p in out.parent.iterdir()) == [staging_path(out).name]
    code, resumed_stderr = release(held_export(*command, "--resume"))
    assert code == 0, resumed_stderr
    assert snapshot(out) == snapshot(clean)


@pytest.mark.parametrize("whole_run", [False, True], ids=["kill-driver", "timeout-whole-run"])
def test_sigterm_stops_a_real_run_as_ctrl_c_does_then_resume(
        whole_run: bool, held_corpus_export: tuple[Path, Path], tmp_path: Path) -> None:
    """SIGTERM on `--workers 2`, to the driver (as `kill` sends it) or to every process of the
    run (as `timeout` and batch schedulers do): one line, exit 143, no process left, nothing
    half-written; --resume then writes what a clean run writes, byte for byte.

    A driver that SIGTERM killed outright left its staging unreported and Python's resource
    tracker complaining of leaked semaphores; workers that it killed broke the pool, and the
    driver could hang in its shutdown (the `communicate` timeout catches that).
    """
    import os
    import signal

    from held_runs import session_processes, wait_for

    corpus, clean = held_corpus_export
    process, command, out = _checkpointed_run(corpus, tmp_path)
    wait_for(lambda: len(session_processes(process.pid)) >= 3, process)  # the pool is up
    (os.killpg if whole_run else os.kill)(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    lines = stderr.decode().splitlines()
    assert process.returncode == 143, lines  # as shells report SIGTERM
    assert len(lines) == 1 and lines[0].startswith("revdiff: error: "), lines
    assert "stopped by SIGTERM" in lines[0] and "--resume" in lines[0]
    _assert_left_staging_only_and_resumes(process.pid, command, out, clean)


def test_the_pool_leaves_sigterm_to_its_driver(held_corpus_export: tuple[Path, Path],
                                               tmp_path: Path) -> None:
    """SIGTERM to every process of the run but the driver (the forkserver, the workers, the
    resource tracker) stops none of them: the driver alone decides, and the run completes.

    Killed, they broke the pool (and could hang the driver's shutdown when SIGTERM reached the
    driver too, as `timeout` sends it)."""
    import os
    import signal

    from held_runs import held_export, release, session_processes, wait_for

    corpus, clean = held_corpus_export
    out = tmp_path / "e.jsonl"
    process = held_export(str(corpus), "-o", str(out), "--workers", "2", "--quiet")
    wait_for(lambda: len(session_processes(process.pid)) >= 4, process)  # the pool is up
    helpers = [pid for pid in session_processes(process.pid) if pid != process.pid]
    for pid in helpers:
        os.kill(pid, signal.SIGTERM)
    code, stderr = release(process)
    assert code == 0, stderr
    assert snapshot(out) == snapshot(clean)


def test_a_killed_worker_stops_the_run_in_one_line_then_resume(
        held_corpus_export: tuple[Path, Path], tmp_path: Path) -> None:
    """SIGKILL to one worker of `--workers 2` (what the out-of-memory killer sends): one line
    saying so, exit 75, no process left, nothing half-written; --resume then writes what a clean
    run writes, byte for byte.

    The driver printed a `BrokenProcessPool` traceback (exit 1), or hung: the pool asked the other
    worker to stop with SIGTERM, which workers leave to their driver, and waited for it for ever
    (the `communicate` timeout of `release` catches that).
    """
    import os
    import re
    import signal
    import time

    from held_runs import pool_workers, release

    corpus, clean = held_corpus_export
    process, command, out = _checkpointed_run(corpus, tmp_path)
    victim = pool_workers(process.pid)[0]  # it has compared articles: the pool is up
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 60
    while os.path.exists(f"/proc/{victim}") and time.monotonic() < deadline:
        time.sleep(0.01)  # reaped: its pool knows, whether the driver waits for it or for stdin
    code, stderr = release(process)
    lines = stderr.splitlines()
    assert code == 75, lines
    assert len(lines) == 1, lines  # no traceback, no leaked semaphores
    assert re.fullmatch(
        r"revdiff: error: .*e\.jsonl: a worker process was killed by SIGKILL \(often the system "
        r"running out of memory\)( while .+)?; [1-9][\d,]* finished articles? (is|are) kept \(rerun the "
        r"same command with --resume to continue; fewer --workers use less memory\)", lines[0])
    _assert_left_staging_only_and_resumes(process.pid, command, out, clean)


def test_a_parquet_run_stopped_while_joining_its_parts_is_finished_by_resume(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C (or a full disk) while the parts were joined into the final files left a started
    `edits.parquet` in the staging folder, which --resume took for a part and failed on with an
    IndexError traceback."""
    pytest.importorskip("pyarrow")
    from revdiff.export import parquet

    clean, out = clean_and_run_outputs("parquet", generated, tmp_path)
    joined = parquet.ParquetWriter._joined

    def stopped_once_joining_the_final_file(writer: Any, *arguments: Any) -> Any:
        if writer.staging.file("edits.parquet").exists():  # not a checkpoint's row group
            raise KeyboardInterrupt
        return joined(writer, *arguments)

    with monkeypatch.context() as patch:
        patch.setattr(parquet.ParquetWriter, "_joined", stopped_once_joining_the_final_file)
        with pytest.raises(InterruptedExport, match="--resume"):
            run_export(ExportJob((str(generated),), out, "parquet"))
    assert (staging_path(out) / "edits.parquet").exists()
    progress = run_export(ExportJob((str(generated),), out, "parquet"), resume=True)
    assert progress.articles == progress.resumed_articles == 12
    assert table_content(out, "parquet") == table_content(clean, "parquet")


def test_a_sqlite_run_stopped_while_making_its_indexes_is_finished_by_resume(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the indexes were made, once every article was in, kept the indexes made so
    far in the staged database, and --resume failed to make them again ('cannot write the
    output: index entryversion_key already exists'), advising --resume once more."""
    from revdiff.export import newsedits_sqlite

    clean, out = clean_and_run_outputs("sqlite", generated, tmp_path)
    made = newsedits_sqlite.INDEXES[:2]

    def stopped_after_two_indexes(writer: Any) -> Any:
        for statement in made:
            writer.connection.execute(statement)
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(newsedits_sqlite.NewsEditsSqliteWriter, "finish", stopped_after_two_indexes)
        with pytest.raises(InterruptedExport, match="--resume"):
            run_export(ExportJob((str(generated),), out, "sqlite"))
    progress = run_export(ExportJob((str(generated),), out, "sqlite"), resume=True)
    assert progress.articles == progress.resumed_articles == 12
    assert table_content(out, "sqlite") == table_content(clean, "sqlite")
    with sqlite3.connect(out) as connection:
        indexes = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'")
        assert indexes.fetchone() == (len(newsedits_sqlite.INDEXES),)


@pytest.mark.parametrize(("fmt", "staged"), [("jsonl", "edits.jsonl"), ("csv", "comparisons.csv"),
                                             ("unified", "output.txt"), ("sqlite", "output.sqlite"),
                                             ("parquet", "edits-000000.parquet"),
                                             ("html", "report"), ("html", "report/*.html")])
def test_resume_refuses_a_staging_folder_that_lost_a_file(
        fmt: str, staged: str, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A staged file gone from the staging folder (removed by hand or by a cleaner of old files)
    was made anew, empty, and --resume published an output without the articles the journal
    counted as written, saying it exported them all, exit 0 (a report's page too: its index
    linked to a page it did not hold)."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    _, out = clean_and_run_outputs(fmt, generated, tmp_path)
    stop = interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=5,
                              chunk_pairs=2)
    assert "--resume" in str(stop)
    lost = min(staging_path(out).glob(staged))  # of a report's pages, the first article's
    if lost.is_dir():
        shutil.rmtree(lost)
    else:
        lost.unlink()
    with pytest.raises(OutputProblem, match="staged file is missing") as refused:
        run_export(ExportJob((str(generated),), out, fmt), resume=True)
    assert refused.value.where == str(lost)
    assert not out.exists()
    progress = run_export(ExportJob((str(generated),), out, fmt))  # without --resume: anew
    assert progress.articles == 12


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_resume_refuses_a_damaged_staged_sqlite_file_and_says_to_start_over(
        damage: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The staged database damaged (a power cut under `synchronous = NORMAL`, a disk fault) failed
    every --resume alike, "cannot write the output: file is not a database", each time advising
    to rerun with --resume."""
    out = tmp_path / "out.sqlite"
    interrupted_export(ExportJob((str(generated),), out, "sqlite"), monkeypatch, limit=5,
                       chunk_pairs=2)
    staged = staging_path(out) / "output.sqlite"
    if damage == "garbage":
        staged.write_bytes(b"garbage, no database" * 100)
    else:
        with staged.open("r+b") as handle:
            handle.truncate(staged.stat().st_size // 2)
    with pytest.raises(OutputProblem, match="staged database is damaged") as refused:
        run_export(ExportJob((str(generated),), out, "sqlite"), resume=True)
    assert refused.value.where == str(staged)
    assert "drop --resume" in str(refused.value)
    assert not out.exists()
    progress = run_export(ExportJob((str(generated),), out, "sqlite"))  # without --resume: anew
    assert progress.articles == 12


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
@pytest.mark.parametrize("table", ["edits", "comparisons"])
def test_resume_refuses_a_damaged_staged_parquet_part_and_says_to_start_over(
        damage: str, table: str, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A staged part damaged (a power cut, a disk fault) was found only as `finish` joined the
    parts: every --resume ended alike in a traceback (ArrowInvalid: Parquet magic bytes not found
    in footer)."""
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.parquet"
    interrupted_export(ExportJob((str(generated),), out, "parquet"), monkeypatch, limit=5,
                       chunk_pairs=2)
    staged = staging_path(out) / f"{table}-000000.parquet"
    if damage == "garbage":
        staged.write_bytes(b"garbage, no Parquet" * 100)
    else:
        with staged.open("r+b") as handle:
            handle.truncate(staged.stat().st_size // 2)
    with pytest.raises(OutputProblem, match="staged Parquet part is damaged") as refused:
        run_export(ExportJob((str(generated),), out, "parquet"), resume=True)
    assert refused.value.where == str(staged)
    assert "drop --resume" in str(refused.value)
    assert "rerun the same command with --resume" not in str(refused.value)
    assert not out.exists()
    progress = run_export(ExportJob((str(generated),), out, "parquet"))  # without --resume: anew
    assert progress.articles == 12


def test_resume_refuses_a_staged_report_page_cut_short_and_says_to_start_over(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A staged page cut short (a power cut before it reached the disk) was published as it was,
    a report page ending in the middle of its charts, exit 0."""
    out = tmp_path / "report"
    job = ExportJob((str(generated),), out, "html")
    interrupted_export(job, monkeypatch, limit=5, chunk_pairs=2)
    staged = min((staging_path(out) / "report").glob("0*.html"))
    with staged.open("r+b") as handle:
        handle.truncate(staged.stat().st_size // 2)
    with pytest.raises(OutputProblem, match="staged report page is damaged") as refused:
        run_export(job, resume=True)
    assert refused.value.where == str(staged)
    assert "drop --resume" in str(refused.value)
    assert not out.exists()
    assert run_export(job).articles == 12  # without --resume: anew


@pytest.mark.parametrize(("fmt", "name", "position"), [
    ("jsonl", "edits.jsonl", 0), ("csv", "comparisons.csv", 1), ("unified", "output.txt", 0)])
@pytest.mark.parametrize("shorter", ["file cut", "offset past its end"])
def test_resume_refuses_a_staged_file_shorter_than_its_checkpoint_as_the_file_not_the_journal(
        fmt: str, name: str, position: int, shorter: str, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A staged file cut short of the byte offset its last checkpoint counts (a power cut before
    it reached the disk) was told as `the interrupted export's journal (journal.jsonl) is
    damaged`: the journal is whole, the staged file is too short. An offset past its end (which
    would grow the file by zero bytes) is told alike."""
    out = tmp_path / f"out.{fmt}"
    job = ExportJob((str(generated),), out, fmt)
    interrupted_export(job, monkeypatch, limit=5, chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    staged = staging_path(out) / name
    offset = last["state"]["offsets"][position]
    if shorter == "file cut":
        with staged.open("r+b") as handle:
            handle.truncate(offset // 2)
    else:
        last["state"]["offsets"][position] = 10**9
        journal.write_text("\n".join([*lines[:-1], json.dumps(last)]) + "\n", encoding="utf-8")
    size, counted = staged.stat().st_size, last["state"]["offsets"][position]
    with pytest.raises(OutputProblem) as refused:
        run_export(job, resume=True)
    assert refused.value.message == (
        f"the interrupted run's staged {name} is shorter than its last checkpoint counts ({size} "
        f"bytes, where it counts {counted}), so the articles it wrote cannot be kept")
    assert refused.value.where == str(staged)
    assert refused.value.hint == "drop --resume to export from the start"
    assert run_export(job).articles == 12  # without --resume: anew


def _damage_rows_past_the_footer(part: Path) -> None:
    """Overwrite a Parquet file's rows, from its leading magic bytes to its footer, which stays
    readable (its length and the magic bytes are its last 8 bytes)."""
    data = bytearray(part.read_bytes())
    footer = int.from_bytes(data[-8:-4], "little")
    data[4:len(data) - 8 - footer] = b"\x55" * (len(data) - 12 - footer)
    part.write_bytes(bytes(data))


def test_a_staged_parquet_part_damaged_past_its_footer_is_refused_as_damaged_not_unwritable(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part whose footer reads but whose rows do not was found as `finish` joined the parts:
    "cannot write the output: Couldn't deserialize thrift: ...; 12 finished articles are kept
    (fix the problem the error names, then rerun the same command with --resume to continue)",
    and every such rerun failed alike."""
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.parquet"
    job = ExportJob((str(generated),), out, "parquet")
    interrupted_export(job, monkeypatch, limit=5, chunk_pairs=2)
    staged = staging_path(out) / "edits-000001.parquet"
    _damage_rows_past_the_footer(staged)
    with pytest.raises(OutputProblem, match="staged Parquet part is damaged") as refused:
        run_export(job, resume=True)
    assert refused.value.where == str(staged)
    assert refused.value.hint == "rerun the same command without --resume to export from the start"
    assert "finished articles are kept" not in str(refused.value)
    assert not out.exists()
    assert run_export(job).articles == 12  # without --resume: anew


def test_a_staged_database_found_malformed_as_it_is_finished_says_to_start_over(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's `database disk image is malformed` (a page of the staged database damaged) was
    told as a write that failed: "fix the problem the error names, then rerun the same command
    with --resume to continue", which found the same damage."""
    from revdiff.export.newsedits_sqlite import NewsEditsSqliteWriter

    def malformed(self: NewsEditsSqliteWriter) -> list[tuple[Path, Path]]:
        raise _sqlite_error("database disk image is malformed", sqlite3.SQLITE_CORRUPT)

    out = tmp_path / "out.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr(NewsEditsSqliteWriter, "finish", malformed)
        with pytest.raises(OutputProblem, match="staged database is damaged") as refused:
            run_export(ExportJob((str(generated),), out, "sqlite"))
    assert refused.value.hint == "rerun the same command without --resume to export from the start"
    assert "database disk image is malformed" in str(refused.value)
    assert not out.exists()


def test_a_write_that_fails_as_parquet_parts_are_joined_still_says_to_resume(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure of the file written, not of the staged parts read (a full disk), is the run's
    to go on from once fixed: --resume keeps the finished articles."""
    pytest.importorskip("pyarrow")
    from revdiff.export.parquet import ParquetWriter

    real = ParquetWriter._arrow_file

    def full_disk(self: ParquetWriter, path: Path, mode: str) -> Any:
        if path.name == "edits.parquet":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, path, mode)

    out = tmp_path / "out.parquet"
    job = ExportJob((str(generated),), out, "parquet")
    with monkeypatch.context() as patch:
        patch.setattr(ParquetWriter, "_arrow_file", full_disk)
        with pytest.raises(OutputProblem, match="No space left on device") as failed:
            run_export(job)
    assert failed.value.hint == "free some space, then rerun the same command with --resume to continue"
    assert run_export(job, resume=True).resumed_articles == 12


def _version_past_64_bits(folder: Path) -> Path:
    folder.mkdir()
    (folder / "0.txt").write_text("One sentence. Another.\n", encoding="utf-8")
    (folder / f"{2 ** 64}.txt").write_text("One sentence. Another one.\n", encoding="utf-8")
    return folder


def _binary_file(path: Path) -> Path:
    path.write_bytes(b"\x00\x01\x02 not text")
    return path


@pytest.mark.parametrize(("fmt", "make_bad_input", "hint"), [
    ("sqlite", _version_past_64_bits, "add --resume to keep the articles exported before it"),
    # the reader's hint alone said nothing of --skip-errors or of the articles kept for --resume
    ("jsonl", _binary_file, ("give a text or HTML file, a NewsEdits, NYTdiff or diffengine SQLite "
                             "file, a git repository or a folder; fix that input in "
                             "place, or rerun with --skip-errors to skip it; add --resume to keep "
                             "the articles exported before it, with the same inputs"))])
def test_a_run_stopped_by_bad_input_keeps_every_article_written_for_resume(
        fmt: str, make_bad_input: Any, hint: str, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An article that cannot be exported, or an input that cannot be read, after others: the
    articles written since the last checkpoint were dropped with the staging folder, though the
    error stops the run between two articles; they are kept, and --resume --skip-errors goes on."""
    inputs = (str(generated), str(make_bad_input(tmp_path / "bad")))
    clean, out = tmp_path / "clean" / f"out.{fmt}", tmp_path / "run" / f"out.{fmt}"
    clean.parent.mkdir()
    out.parent.mkdir()
    run_export(ExportJob(inputs, clean, fmt, skip_errors=True))
    monkeypatch.setattr(batch, "CHECKPOINT_SECONDS", 3600.0)  # no checkpoint before the end
    with pytest.raises(RevdiffError, match="bad") as stopped:
        run_export(ExportJob(inputs, out, fmt))
    assert hint in str(stopped.value.hint)
    assert not out.exists()
    journal = (staging_path(out) / "journal.jsonl").read_text()
    assert journal.count("\n") == 12 + 1  # the header, then each article of `generated`

    progress = run_export(ExportJob(inputs, out, fmt, skip_errors=True), resume=True)
    assert progress.resumed_articles == 12
    assert table_content(out, fmt) == table_content(clean, fmt)


@pytest.mark.parametrize("bad_first", [True, False], ids=["bad input first", "to stdout"])
def test_a_run_stopped_by_bad_input_offers_resume_only_when_it_kept_articles(
        bad_first: bool, generated: Path, tmp_path: Path) -> None:
    """The hint said `add --resume to keep the articles exported before it` where none was: the
    bad input first, or the articles written to standard output, which --resume cannot go on."""
    bad = str(_binary_file(tmp_path / "bad"))
    inputs = (bad, str(generated)) if bad_first else (str(generated), bad)
    out = tmp_path / "out.jsonl" if bad_first else Path("-")
    stream = io.BytesIO()
    with pytest.raises(RevdiffError, match="binary data") as stopped:
        run_export(ExportJob(inputs, out, "jsonl"), stream=stream)
    assert str(stopped.value.hint).endswith(
        "fix or remove that input, or rerun with --skip-errors to skip it")
    assert bad_first or stream.getvalue()  # articles were written before it


def test_a_resumed_run_stopped_by_bad_input_does_not_ask_to_add_resume(
        generated: Path, tmp_path: Path) -> None:
    """A run started with --resume and stopped by a bad input was told to `add --resume`, which
    it had."""
    inputs = (str(generated), str(_binary_file(tmp_path / "bad")))
    with pytest.raises(RevdiffError, match="binary data") as stopped:
        run_export(ExportJob(inputs, tmp_path / "out.jsonl", "jsonl"), resume=True)
    assert str(stopped.value.hint).endswith(
        "; rerun with --resume again to keep the articles exported before it, with the same inputs")


def test_resume_counts_an_article_the_interrupted_run_could_not_export_as_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal holds the articles that failed (--skip-errors) with those exported: the
    resumed run counted them as exported ('exported 3 articles (2 from the interrupted run)' of
    two), and a run whose only finished article had failed published an empty output where an
    uninterrupted one says that nothing was exported."""
    folders = [make_chain(tmp_path / name, [[f"{name} began."], [f"{name} went on."]])
               for name in ("broken", "calm", "last")]
    render_jsonl = registry.renderer("jsonl")
    failing = {"broken"}
    stopping = True

    def failing_render(ref: Any, article: Any, comparisons: Any) -> Any:
        if ref.name in failing:
            raise ValueError("no room for this article")
        if ref.name == "last" and stopping:
            raise KeyboardInterrupt
        return render_jsonl(ref, article, comparisons)

    monkeypatch.setattr(registry, "renderer", lambda name, opens_article=True: failing_render)
    monkeypatch.setattr(batch, "CHECKPOINT_ARTICLES", 1)  # a checkpoint after every article
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 1)
    job = ExportJob(tuple(map(str, folders)), tmp_path / "out.jsonl", "jsonl", skip_errors=True)
    with pytest.raises(InterruptedExport, match="--resume"):
        run_export(job)
    stopping = False
    progress = run_export(job, resume=True)
    assert (progress.articles, progress.resumed_articles) == (2, 1)
    assert [Path(skip.what).name for skip in progress.failed_inputs] == ["broken"]

    only_broken = ExportJob((str(folders[0]), str(folders[2])), tmp_path / "none.jsonl", "jsonl",
                            skip_errors=True)
    stopping = True
    with pytest.raises(InterruptedExport, match="--resume"):
        run_export(only_broken)
    failing.add("last")
    with pytest.raises(NothingExported):
        run_export(only_broken, resume=True)
    assert not (tmp_path / "none.jsonl").exists()


def test_resume_names_a_changed_article_as_revdiff_spells_names(samples: Path) -> None:
    """The article at the interrupted run's last checkpoint, named by a folder that is not UTF-8
    (`caf\\xe9`, as `name_text` spells it), was quoted in Python's repr, which doubled its
    backslash (`'caf\\\\xe9'`)."""
    (article,) = revdiff.load(str(samples / "iran-strikes-us-troops-in-iraq"))
    renamed = tasks.ArticleTask(0, ArticleRef(0, "caf\\xe9", None, None), article, "caf\\xe9")
    last = JournalEntry(0, "cafe", pairs=1, rows=1, state={}, info={})
    with pytest.raises(ResumeMismatch) as refused:
        list(checkpoints.skip_done(iter([renamed]), 1, last))
    assert "article 0 is now 'caf\\xe9', the interrupted run had 'cafe'" in str(refused.value)


def test_a_stop_once_the_output_is_published_ends_the_run_as_done(tmp_path: Path) -> None:
    """Ctrl-C after the output was published (while the last progress was shown) said
    `interrupted; N finished articles are kept (rerun the same command with --resume ...)`, exit
    130, though the output was whole and --resume then found nothing to resume: the run is done,
    as a store stopped once every version is stored is."""
    make_chain(tmp_path / "story", [["One."], ["One. Two."]])
    out = tmp_path / "out.jsonl"

    def stopped_once_published(progress: ExportProgress) -> None:
        if progress.outputs:
            raise KeyboardInterrupt

    progress = run_export(ExportJob((str(tmp_path / "story"),), out, "jsonl"),
                          on_progress=stopped_once_published)
    assert progress.articles == 1 and progress.outputs and out.is_file()
    assert not staging_path(out).exists()


@pytest.mark.parametrize("stop_at", ["published", "before_publishing"])
def test_a_stop_while_resume_finishes_publishing_ends_as_the_first_run_would(
        stop_at: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The --resume that makes the renames of a run killed while publishing let a stop escape
    as a bare `interrupted`, exit 130: once the output was in place (a run that was done), and
    before it (without saying to --resume, which the finished articles kept wait for)."""
    out = tmp_path / "out.jsonl"
    killed_while_publishing(ExportJob((str(generated),), out, "jsonl"), monkeypatch,
                            lambda source, target: target == out)

    def stopped(progress: ExportProgress) -> None:
        raise KeyboardInterrupt

    job = ExportJob((str(generated),), out, "jsonl")
    if stop_at == "published":
        progress = run_export(job, resume=True, on_progress=stopped)
        assert progress.articles == 12 and progress.outputs and out.is_file()
        assert not staging_path(out).exists()
        return
    with monkeypatch.context() as patch, pytest.raises(InterruptedExport) as interrupted:
        patch.setattr(checkpoints, "count_resumed", lambda staging, progress: stopped(progress))
        run_export(job, resume=True)
    assert interrupted.value.message == "interrupted; 12 finished articles are kept"
    assert interrupted.value.hint == "rerun the same command with --resume to continue"
    assert run_export(job, resume=True).articles == 12 and not staging_path(out).exists()


@pytest.mark.parametrize(("name", "link"), [("edits.jsonl", Path.symlink_to),
                                           ("publishing.jsonl", Path.symlink_to),
                                           ("journal.tmp", Path.symlink_to),
                                           ("edits.jsonl", Path.hardlink_to)])
def test_resume_refuses_a_staging_folder_holding_a_link(
        name: str, link: Any, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--resume followed a link in the staging folder (a stranger's, come in a shared folder or
    an unpacked archive): `edits.jsonl -> ~/notes.txt` was cut back and appended to, and
    `publishing.jsonl` or `journal.tmp` made it the listing of the renames or the journal. A
    hard link in its place did the same."""
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine " * 10_000)
    staged = staging_path(out) / name
    staged.unlink(missing_ok=True)
    link(staged, notes)
    with pytest.raises(ResumeMismatch, match="symbolic or hard link") as refused:
        run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert refused.value.where == str(staging_path(out))
    assert "drop --resume" in str(refused.value)
    assert notes.read_text() == "mine " * 10_000 and not out.exists()


@pytest.mark.parametrize(("fmt", "state"), [
    ("jsonl", {"offsets": [-1, 0]}), ("jsonl", {"offsets": [5]}),
    ("jsonl", {"offsets": 5}), ("jsonl", {"rows": 5}), ("sqlite", {"articles": -1}),
    ("sqlite", {"articles": "x"}), ("parquet", {"parts": -1}), ("html", {"articles": None})])
def test_resume_refuses_a_checkpoint_that_is_no_count_of_the_staging_folder(
        fmt: str, state: dict[str, Any], generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer's state of a journal's last checkpoint was obeyed as it was (offsets past the
    staged files' ends published a file grown by a GB of zero bytes: see the test above), a
    negative count of articles
    deleted those the journal holds as done (the output silently without them), and a count of
    another shape ended in an IndexError, TypeError, KeyError or ValueError traceback."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    _, out = clean_and_run_outputs(fmt, generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    lines = journal.read_text().splitlines()
    last = json.loads(lines[-1])
    assert last["state"], "the journal ends with a checkpoint"
    lines[-1] = json.dumps({**last, "state": state})
    journal.write_text("\n".join(lines) + "\n")
    with pytest.raises(ResumeMismatch, match="checkpoint") as refused:
        run_export(ExportJob((str(generated),), out, fmt), resume=True)
    assert refused.value.where == str(staging_path(out))
    assert "drop --resume" in str(refused.value) and not out.exists()


@pytest.mark.parametrize(("fmt", "info"), [
    ("jsonl", {"skipped": 5}), ("jsonl", {"skipped": "cannot", "where": ["a"]}),
    ("html", {"title": 5}), ("html", {"versions": "x"}), ("html", {"changed": 5}),
    ("html", {"changed": ["x"]})])
def test_resume_takes_an_entry_whose_facts_are_of_another_shape_for_one_not_finished(
        fmt: str, info: dict[str, Any], generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A journal entry whose facts (why it was skipped, its title, its versions, its share
    changed per pair) were of another type ended --resume in an AttributeError, TypeError or
    ValueError traceback (writing the summary or the HTML index): it is a line the run did not
    finish, as one cut short is, and the run goes on from the checkpoint before it."""
    clean, out = clean_and_run_outputs(fmt, generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    lines = journal.read_text().splitlines()
    lines[-1] = json.dumps({**json.loads(lines[-1]), "info": info})
    journal.write_text("\n".join(lines) + "\n")
    progress = run_export(ExportJob((str(generated),), out, fmt), resume=True)
    assert progress.resumed_articles < len(lines) - 1 and progress.articles == 12
    assert table_content(out, fmt) == table_content(clean, fmt)


@pytest.mark.parametrize("name", ["journal.jsonl", "publishing.jsonl"])
def test_resume_never_reads_a_line_of_the_staging_folder_whole_when_longer_than_revdiff_writes(
        name: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--resume read journal.jsonl and publishing.jsonl whole into memory: a stranger's staging
    folder whose file held one line of gigabytes made as large an allocation. A line longer
    than any revdiff writes is damaged, as a torn one is, and is never read whole."""
    import tracemalloc

    clean, out = clean_and_run_outputs("jsonl", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    monkeypatch.setattr(journal_module, "LONGEST_LINE", 1 << 20, raising=False)
    forged = 64 << 20
    with open(staging_path(out) / name, "a", encoding="utf-8") as file:
        file.write("[" * forged + "\n")
    tracemalloc.start()
    try:
        progress = run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < forged // 4
    assert progress.articles == 12 and table_content(out, "jsonl") == table_content(clean, "jsonl")


def _plant_in_report(report: Path, what: str, notes: Path) -> None:
    """What a stranger's staging folder may hold in its report folder beside revdiff's pages."""
    if what == "file":
        (report / "extra.html").write_text("<script>not the user's</script>")
    else:  # a sub-folder, with a link to the user's notes inside
        (report / "sub").mkdir()
        (report / "sub" / "notes.html").symlink_to(notes)


@pytest.mark.parametrize("what", ["file", "folder"])
@pytest.mark.parametrize("publishing", [False, True])
def test_resume_refuses_a_staged_report_holding_what_the_export_did_not_write(
        what: str, publishing: bool, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """--resume published the staged report folder as it found it: a file or a folder (with a
    link to any file inside) that a stranger's staging folder held there beside revdiff's pages
    came out in the user's HTML report."""
    _, out = clean_and_run_outputs("html", generated, tmp_path)
    if publishing:  # stopped as the report was to be renamed into place
        killed_while_publishing(ExportJob((str(generated),), out, "html"), monkeypatch,
                                lambda source, target: source.parent == staging_path(out))
    else:
        interrupted_export(ExportJob((str(generated),), out, "html"), monkeypatch, limit=5,
                           chunk_pairs=2)
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    _plant_in_report(staging_path(out) / "report", what, notes)
    # refused as what revdiff does not stage, which starting over would remove too
    with pytest.raises(OutputProblem, match="holds what revdiff did not write there "
                       r"\(report/") as refused:
        run_export(ExportJob((str(generated),), out, "html"), resume=True)
    assert refused.value.where == str(staging_path(out)) and not out.exists()


def test_resume_publishes_no_page_of_an_article_the_journal_does_not_hold(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page in the staged report that the journal holds no article for (written after its
    last checkpoint, for an article the resumed run names otherwise or skips) was published
    with the report: it is rolled back, as the rows of the other formats are."""
    clean, out = clean_and_run_outputs("html", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "html"), monkeypatch, limit=5,
                       chunk_pairs=2)
    (staging_path(out) / "report" / "000099-not-an-article.html").write_text("stale")
    run_export(ExportJob((str(generated),), out, "html"), resume=True)
    assert snapshot(out) == snapshot(clean)


def test_resume_links_the_pages_staged_with_a_room_of_another_size(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page staged by a revdiff that kept another room for the links to its neighbours (512
    bytes, before they named their titles) was published without them, no warning said so."""
    clean, out = clean_and_run_outputs("html", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "html"), monkeypatch, limit=5,
                       chunk_pairs=2)
    staged = sorted((staging_path(out) / "report").glob("0*.html"))
    assert staged
    for page in staged:
        page.write_bytes(re.sub(rb"<!--neighbours--> +<!--/neighbours-->",
                                b"<!--neighbours-->" + b" " * 512 + b"<!--/neighbours-->",
                                page.read_bytes()))
    run_export(ExportJob((str(generated),), out, "html"), resume=True)
    links = re.compile(rb'href="([^"]*)" rel="(?:prev|next)"')
    for page in staged:
        assert links.findall((out / page.name).read_bytes()) == links.findall(
            (clean / page.name).read_bytes()), page.name


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a folder to another user takes root")
@pytest.mark.parametrize("whose", ["folder", "journal.jsonl", "report/000000-x.html"])
def test_resume_refuses_a_staging_folder_owned_by_another_user(
        whose: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--resume took the staging folder of another user (a shared folder, another account's run)
    as its own, as git refuses a repository owned by another (safe.directory), even for root."""
    out = tmp_path / "report"
    interrupted_export(ExportJob((str(generated),), out, "html"), monkeypatch, limit=5,
                       chunk_pairs=2)
    staged = staging_path(out)
    owned = staged if whose == "folder" else next(staged.glob(whose.replace("x.html", "*")))
    os.chown(owned, 65534, 65534)
    with pytest.raises(ResumeMismatch, match="another user") as refused:
        run_export(ExportJob((str(generated),), out, "html"), resume=True)
    assert refused.value.where == str(staged)
    assert "drop --resume" in str(refused.value) and "chown" in str(refused.value)
    assert not out.exists() and owned.exists()


@pytest.mark.parametrize("publishing", [False, True])
def test_resume_refuses_a_replaced_report_no_rename_of_the_run_put_in_the_staging_folder(
        publishing: bool, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A `replaced-report` folder already in a resumed staging folder (a stranger's, or one whose
    publishing list was lost) ended the finished run in `cannot write the output: Directory not
    empty`, with a hint to rerun with --resume, which failed again: the earlier report could not
    be renamed into it. It is refused before the run, and left as it is."""
    _, out = clean_and_run_outputs("html", generated, tmp_path)
    run_export(ExportJob((str(generated),), out, "html"))  # the earlier report
    earlier = snapshot(out)
    if publishing:  # stopped before its first rename, that of the earlier report
        killed_while_publishing(ExportJob((str(generated),), out, "html"), monkeypatch,
                                lambda source, target: target.parent == staging_path(out))
    else:
        interrupted_export(ExportJob((str(generated),), out, "html"), monkeypatch, limit=5,
                           chunk_pairs=2)
    replaced = staging_path(out) / "replaced-report"
    replaced.mkdir()
    (replaced / "index.html").write_text("not this run's")
    with pytest.raises(ResumeMismatch, match="replaced-report") as refused:
        run_export(ExportJob((str(generated),), out, "html"), resume=True)
    assert refused.value.where == str(staging_path(out))
    assert snapshot(out) == earlier
    assert (replaced / "index.html").read_text() == "not this run's"
    # its hint said to move it out "or drop --resume", which removes it with the staging folder
    assert refused.value.hint == ("move replaced-report out of that folder first, as it may hold "
                                  "an earlier report: dropping --resume starts over and removes "
                                  "the staging folder with all it holds")
    run_export(ExportJob((str(generated),), out, "html"))
    assert not replaced.exists()


class _FailsAfterHeader:
    """A journal whose disk fails (EIO) after its first line is read."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.lines_read = 0

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def readline(self, size: int = -1) -> str:
        self.lines_read += 1
        if self.lines_read > 1:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return str(self.handle.readline(size))


@pytest.mark.parametrize("failing", ["open", "read"])
def test_resume_that_cannot_read_the_journal_says_so_not_that_it_cannot_write(
        failing: str, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A journal that failed to read as --resume rewrote it (a failing disk) was told as `cannot
    write the staging folder`, with a hint to free some space; one that could not be opened (no
    permission) ended in a PermissionError traceback."""
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    before = journal.read_bytes()
    real_open = open

    def failing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if Path(file) != journal or mode != "r":
            return real_open(file, mode, *args, **kwargs)
        if failing == "open":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return _FailsAfterHeader(real_open(file, mode, *args, **kwargs))

    monkeypatch.setattr(staging_module, "open", failing_open, raising=False)
    with pytest.raises(OutputProblem, match="cannot read") as refused:
        run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert refused.value.where == str(staging_path(out))
    assert "journal.jsonl" in str(refused.value) and "space" not in str(refused.value)
    assert journal.read_bytes() == before and not (staging_path(out) / "journal.tmp").exists()


def _journal_reads_fail_after(reads: int, journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The staging's reads of `journal` fail (a failing disk, EIO) after its first `reads`."""
    left = {"reads": reads}
    real_open = open

    def failing_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if Path(file) == journal and mode == "r":
            left["reads"] -= 1
            if left["reads"] < 0:
                raise OSError(errno.EIO, os.strerror(errno.EIO), str(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(staging_module, "open", failing_open, raising=False)


@pytest.mark.parametrize(("fmt", "resume"), [("html", False), ("jsonl", True)])
def test_a_journal_that_cannot_be_read_mid_run_is_told_as_a_read_not_a_write(
        fmt: str, resume: bool, generated: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal read back during a run (the finished articles of a resumed one counted, an
    HTML report's index made) that failed (a failing disk) was told as `cannot write the
    output`, with a hint to check the output's permissions."""
    _, out = clean_and_run_outputs(fmt, generated, tmp_path)
    if resume:
        interrupted_export(ExportJob((str(generated),), out, fmt), monkeypatch, limit=5,
                           chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    # --resume reads it twice first: header, rewrite
    _journal_reads_fail_after(2 if resume else 0, journal, monkeypatch)
    with pytest.raises(OutputProblem) as refused:
        run_export(ExportJob((str(generated),), out, fmt), resume=resume)
    assert refused.value.message.startswith("cannot read the export's journal (journal.jsonl)")
    assert refused.value.where == str(staging_path(out))
    assert "--resume" in (refused.value.hint or "") and not out.exists()


@pytest.mark.parametrize("resume", [False, True])
def test_a_staging_folder_that_cannot_be_listed_is_one_error_naming_it(
        resume: bool, generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A staging folder that could not be listed (no read permission, as a user other than
    root) ended the run, --resume or not, in a PermissionError traceback."""
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    real_listdir = os.listdir

    def refusing_listdir(path: Any = ".") -> list[str]:
        if Path(path) == staging_path(out):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", refusing_listdir)
    with pytest.raises(OutputProblem) as refused:
        run_export(ExportJob((str(generated),), out, "jsonl"), resume=resume)
    assert refused.value.message == "cannot read the staging folder: Permission denied"
    assert refused.value.where == str(staging_path(out)) and "permissions" in (
        refused.value.hint or "")
    monkeypatch.setattr(os, "listdir", real_listdir)
    assert (staging_path(out) / "journal.jsonl").is_file() and not out.exists()


def test_resume_refuses_a_journal_that_is_a_symbolic_link(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A staging folder whose journal.jsonl was a symbolic link had --resume say there was
    nothing to resume and start over, without a word about the link, where a link to any other
    file it stages is refused."""
    out = tmp_path / "out.jsonl"
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    elsewhere = tmp_path / "journal-elsewhere.jsonl"
    shutil.move(journal, elsewhere)
    before = elsewhere.read_bytes()
    journal.symlink_to(elsewhere)
    with pytest.raises(ResumeMismatch, match=r"symbolic or hard link \(journal.jsonl\)") as refused:
        run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert refused.value.where == str(staging_path(out))
    assert elsewhere.read_bytes() == before and journal.is_symlink() and not out.exists()


def test_a_staging_folder_that_cannot_be_removed_to_start_over_is_one_error(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run without --resume removes the staging folder an interrupted one left; one it may not
    remove (a folder of another user's, not run as root) ended in a PermissionError traceback."""
    _, out = clean_and_run_outputs("jsonl", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    staged = staging_path(out)
    real_rmtree = shutil.rmtree

    def refused_rmtree(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path) == staged:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES),
                                  str(staged / "journal.jsonl"))
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(staging_module.shutil, "rmtree", refused_rmtree)
    with pytest.raises(OutputProblem) as refused:
        run_export(ExportJob((str(generated),), out, "jsonl"))
    assert refused.value.where == str(staged)
    assert refused.value.message == ("cannot remove the staging folder an interrupted run left, "
                                     "to start over: Permission denied")
    assert "remove it yourself" in (refused.value.hint or "") and not out.exists()


def test_a_journal_unread_mid_run_with_no_article_kept_says_there_is_nothing_to_resume(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A resumed run whose interrupted one had kept no article (killed before its first
    checkpoint, a page written) removes the staging folder when its journal cannot be read back
    (the report's pages checked against it); the error's hint said to rerun with --resume."""
    _, out = clean_and_run_outputs("html", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "html"), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    journal.write_text(journal.read_text().splitlines()[0] + "\n")  # its header alone
    _journal_reads_fail_after(2, journal, monkeypatch)  # --resume reads it twice first: header, rewrite
    with pytest.raises(OutputProblem) as refused:
        run_export(ExportJob((str(generated),), out, "html"), resume=True)
    assert refused.value.message.startswith("cannot read the export's journal (journal.jsonl)")
    assert not staging_path(out).exists()
    assert refused.value.hint == ("fix the problem, then rerun the same command: there is "
                                  "nothing to resume")


def test_a_run_without_resume_refuses_to_remove_the_earlier_report_a_killed_publish_put_aside(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run killed once the earlier report was put aside into the staging folder, before the new
    one took its place, left no report at -o; the next run without --resume removed the earlier
    report with the staging folder, without a word. It is refused, and the report left there."""
    _, out = clean_and_run_outputs("html", generated, tmp_path)
    run_export(ExportJob((str(generated),), out, "html"))  # the earlier report
    earlier = snapshot(out)
    # killed at the new report's rename
    killed_while_publishing(ExportJob((str(generated),), out, "html"), monkeypatch,
                            lambda source, target: source.parent == staging_path(out))
    replaced = staging_path(out) / "replaced-report"
    assert not out.exists() and snapshot(replaced) == earlier
    with pytest.raises(OutputProblem) as refused:
        run_export(ExportJob((str(generated),), out, "html"))
    assert refused.value.where == str(staging_path(out))
    assert refused.value.message == ("an interrupted publish left the earlier report in "
                                     "replaced-report, and starting over removes the staging "
                                     "folder with it")
    assert refused.value.hint == ("rerun the same command with --resume to finish publishing, "
                                  "or move replaced-report out of that folder")
    assert snapshot(replaced) == earlier and not out.exists()
    run_export(ExportJob((str(generated),), out, "html"), resume=True)
    assert not staging_path(out).exists() and (out / "index.html").exists()


# A child that runs `revdiff export CORPUS -o OUT --resume --workers 2` and sends itself SIGTERM
# twice as its workers are started (a local Dask cluster takes seconds), then, were it still
# running, touches MARKER.
SIGTERM_TWICE_AS_WORKERS_START = """
import runpy, signal, sys
from pathlib import Path
from revdiff.export import executors
corpus, out, marker = sys.argv[1:]
start = executors._new_local_executor
def slow_start(*args):
    signal.raise_signal(signal.SIGTERM)
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return start(*args)
executors._new_local_executor = slow_start
sys.argv = ["revdiff", "export", corpus, "-o", out, "--resume", "--workers", "2"]
runpy.run_module("revdiff", run_name="__main__")
"""


def test_a_second_sigterm_as_the_workers_start_ends_the_export_at_once(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both SIGTERMs that came while the workers were started (a local Dask cluster takes some
    4 s on two cores) were held until they had, where a second ends the run at once. It now
    does, with one line, and leaves the staging folder of the run it resumes as it was: the next
    --resume finishes it."""
    clean, out = clean_and_run_outputs("jsonl", generated, tmp_path)
    interrupted_export(ExportJob((str(generated),), out, "jsonl"), monkeypatch, limit=5,
                       chunk_pairs=2)
    journal = staging_path(out) / "journal.jsonl"
    staged = journal.read_bytes()
    marker = tmp_path / "went-on"
    child = subprocess.run([sys.executable, "-c", SIGTERM_TWICE_AS_WORKERS_START,
                            str(generated), str(out), str(marker)], capture_output=True,
                           text=True, timeout=120, check=False)
    assert child.returncode == -signal.SIGTERM, child.stderr
    assert not marker.exists()
    assert child.stderr == (
        f"revdiff: error: {out}: stopped by SIGTERM a second time, at once; the articles "
        "finished by its last checkpoint are kept (run the same command with --resume to "
        "continue)\n")
    assert journal.read_bytes() == staged
    progress = run_export(ExportJob((str(generated),), out, "jsonl"), resume=True)
    assert 0 < progress.resumed_articles <= 5
    assert table_content(out, "jsonl") == table_content(clean, "jsonl")


# A child that runs `revdiff export CORPUS -o OUT --workers 2` and sends itself SIGTERM twice once
# its workers have started, then, were it still running, touches MARKER.
SIGTERM_TWICE_ONCE_WORKERS_RUN = """
import runpy, signal, sys
from pathlib import Path
from revdiff.export import executors
corpus, out, marker = sys.argv[1:]
start = executors._new_local_executor
def started_then_stopped(*args):
    executor = start(*args)
    signal.raise_signal(signal.SIGTERM)
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return executor
executors._new_local_executor = started_then_stopped
sys.argv = ["revdiff", "export", corpus, "-o", out, "--workers", "2"]
runpy.run_module("revdiff", run_name="__main__")
"""


def test_a_second_sigterm_once_the_workers_run_says_one_line(generated: Path,
                                                             tmp_path: Path) -> None:
    """A second SIGTERM once the worker pool was running ended the export with its line, and
    then Python's resource tracker added its own, a warning of the pool's leaked semaphores
    (`There appear to be 11 leaked semaphore objects`): stderr holds the run's line alone."""
    out, marker = tmp_path / "out.jsonl", tmp_path / "went-on"
    child = subprocess.run([sys.executable, "-c", SIGTERM_TWICE_ONCE_WORKERS_RUN,
                            str(generated), str(out), str(marker)], capture_output=True,
                           text=True, timeout=120, check=False)
    assert child.returncode == -signal.SIGTERM, child.stderr
    assert not marker.exists()
    assert child.stderr == (
        f"revdiff: error: {out}: stopped by SIGTERM a second time, at once; nothing was written "
        "(run the same command again)\n")
