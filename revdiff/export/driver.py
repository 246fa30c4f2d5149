"""Batch export: every consecutive version pair of every article of many inputs, streamed to a file.

The driving process reads the inputs one *unit* at a time (a directory, a git repository, a
NewsEdits database, or the loose files of the command line), numbers the articles in input order,
and hands them in small chunks to an executor (this process, local worker processes, or a Dask
cluster). Workers compare every consecutive pair and render the format's payload; the driver
writes payloads in article order as they come back. At most a few chunks are in flight, so memory
does not grow with the corpus, and the output is the same whichever executor ran it. In the
formats of a row per pair, a long article is compared in parts of its pairs, each written as it
comes and the article journaled once its last part is (`revdiff.export.article_parts`), so memory
does not grow with its rows either.

Output goes to a staging directory with a journal (`revdiff.export.staging`); an interrupted run
continues with `resume=True`, and the final files appear only when the run succeeds. A run whose
worker process died (`revdiff.export.worker_loss`) keeps every article written before, as an
interrupted one does.

This module is the run itself: its checks before anything is written, and its loop, to files or
to standard output. The rest is in modules of its own: `job` (what the run is asked), `task_reading`
(the inputs read into tasks), `tasks` (tasks, results, chunks and the worker's side), `executors`,
`progress` (counts and notes), `checkpoints` (the staging folder's journal, resume and publishing)
and `run_errors`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext, suppress
from pathlib import Path

from revdiff.errors import RevdiffError, writing_stdout
from revdiff.export import registry
from revdiff.export.article_parts import PART_PAIRS, ArticleParts, in_parts
from revdiff.export.checkpoints import (
    checkpoint,
    count_resumed,
    finish_publishing,
    leave_staging,
    skip_done,
)
from revdiff.export.executors import chunk_results, open_executor
from revdiff.export.inputs import InputNote, InputUnit, MissingInput, expand_inputs
from revdiff.export.job import ExportJob, fingerprint
from revdiff.export.journal import JournalEntry
from revdiff.export.ordered_map import Executor
from revdiff.export.output_guard import (
    OutputLock,
    OutputProblem,
    check_companions,
    check_sqlite_journals,
    check_targets,
    check_writable,
)
from revdiff.export.progress import (
    READING_INPUT,
    ExportProgress,
    NotesInInputOrder,
    as_warning,
    failures_only,
    note_skip,
)
from revdiff.export.records import EDIT_COLUMN_NAMES
from revdiff.export.run_errors import (
    ArticleFailed,
    NothingExported,
    WorkerDied,
    failure_reason,
    finished_kept,
    interrupted,
    skip_hint,
    unwritable,
)
from revdiff.export.staging import Staging, check_room_for_staging
from revdiff.export.task_reading import iter_tasks
from revdiff.export.tasks import ArticleResult
from revdiff.export.worker_loss import InFlight, WorkerLost
from revdiff.export.writers import csv_header
from revdiff.read_warnings import counted
from revdiff.terminal_text import ByteSink, visible

# How often the writer makes its files durable and the journal records progress.
CHECKPOINT_SECONDS = 1.0
CHECKPOINT_ARTICLES = 512


def run_export(job: ExportJob, *, resume: bool = False, executor: Executor | None = None,
               workers: int = 1, scheduler: str | None = None, local_dask: bool = False,
               stream: ByteSink | None = None,
               on_progress: Callable[[ExportProgress], None] | None = None,
               on_note: Callable[[str], None] | None = None, quiet: bool = False,
               part_pairs: int | None = PART_PAIRS) -> ExportProgress:
    """Export every consecutive version pair of every article of `job.inputs` to `job.out`.

    `job.out` of `-` writes the edits table (jsonl, csv) or the diff text (unified) to `stream`
    instead of files. `executor` runs the comparisons (default: built from workers / scheduler /
    local_dask and closed at the end). An article of more than `part_pairs` version pairs is
    compared and written in parts of that many (`in_parts`) to files of the formats of a row per
    pair (`registry.PART_FORMATS`), with the same bytes; None keeps every article whole. Raises
    RevdiffError for bad input before anything is written; when the run stops later, the
    finished part stays staged for `resume=True`. `on_note` is told the run's notes (inputs and
    articles skipped, warnings); with `quiet`, only the skips of those that failed, which are
    errors, not progress (`--quiet`).
    """
    note = on_note or (lambda text: None)
    if quiet:
        note = failures_only(note)
    if job.format not in registry.FORMAT_NAMES:
        raise RevdiffError(f"unknown export format {job.format!r}",
                           hint=f"use one of: {', '.join(registry.FORMAT_NAMES)}")
    registry.check_available(job.format)
    to_stream = str(job.out) == "-"
    if to_stream:
        _check_stream(job, resume, stream)
    missing: list[MissingInput] = []
    placed: list[InputNote] = []
    units = expand_inputs(job.inputs, None, missing if job.skip_errors else None, placed=placed)
    in_place: list[MissingInput | InputNote] = [*missing, *placed]
    # reading a folder says again what expanding it said
    note = _once(note, {as_warning(item.text) for item in placed})
    if not to_stream:
        targets = registry.output_paths(job.format, job.out)
        check_targets(targets, [*job.inputs, *(path for unit in units for path in unit.paths)],
                      folder=job.format == "html")
        check_companions(targets, job.out)
        if job.format == "sqlite":
            check_sqlite_journals(job.out)
        check_writable(targets, folder=job.format == "html")
        check_room_for_staging(job.out)
    progress = ExportProgress(units_total=len(units), resuming=resume,
                              unit_pass=READING_INPUT if len(units) == 1 else None)
    try:
        with (nullcontext(executor) if executor is not None else
              open_executor(workers, scheduler, local_dask, note)) as running:
            if to_stream:
                assert stream is not None
                return _stream(job, units, in_place, progress, running, stream, on_progress,
                               note)
            with OutputLock(job.out):
                return _run(job, units, in_place, progress, running, resume, on_progress, note,
                            part_pairs if job.format in registry.PART_FORMATS else None)
    except NothingExported as nothing:
        # a quiet run names the inputs and articles that failed, not those of one version
        every_skip_told = not quiet or len(progress.failed_inputs) == len(progress.skipped_inputs)
        if on_note is not None and every_skip_told:
            raise
        # the notes that say why an input was skipped went nowhere: it is not named above
        raise NothingExported(nothing.message, nothing.where,
                              hint="drop -q to see which inputs were skipped and why") from None


def _tell_discarded(staging: Staging, note: Callable[[str], None]) -> None:
    """Say what starting over threw away of an interrupted run's staging folder, if anything."""
    if staging.discarded is None:
        note("starting over: discarding the staging folder an interrupted run left, whose "
             "journal could not be read")
    elif staging.discarded and staging.discarded_unlike is None:
        note(f"starting over: discarding the {counted(staging.discarded, 'finished article')} "
             "of an interrupted run of this export (--resume keeps them)")
    elif staging.discarded:
        note(f"starting over: discarding the {counted(staging.discarded, 'finished article')} "
             f"of an interrupted run {staging.discarded_unlike}")


def _once(note: Callable[[str], None], texts: set[str]) -> Callable[[str], None]:
    """`note`, but each of `texts` told only the first time."""
    told: set[str] = set()

    def new_note(text: str) -> None:
        if text in texts:
            if text in told:
                return
            told.add(text)
        note(text)
    return new_note


def _check_stream(job: ExportJob, resume: bool, stream: ByteSink | None) -> None:
    if job.format not in registry.STREAM_FORMATS:
        output = "a folder" if job.format == "html" else "a file"  # a report is a folder of pages
        raise OutputProblem(f"{job.format} cannot be written to standard output", "-o -",
                            hint=f"name {output} with -o, or use --format "
                                 f"{' or '.join(registry.STREAM_FORMATS)}")
    if resume:
        raise OutputProblem("--resume needs an output file: standard output cannot be continued",
                            "-o -", hint="drop --resume, or name a file with -o")
    if stream is None:
        raise OutputProblem("no stream given for -o -", "-o -")


def _accept(result: ArticleResult, job: ExportJob, progress: ExportProgress,
            notes: NotesInInputOrder) -> bool:
    """Whether the result has something to write; a failed article stops the run or, with
    --skip-errors, is reported and skipped. The reader's `notes` placed before the article are
    told first, and those placed before the next one after it."""
    notes.tell_before(result.index)
    if result.error is not None:
        reason = failure_reason(result.error, result.key, result.where)
        if not job.skip_errors:
            raise ArticleFailed(f"cannot export this article: {reason}", result.where,
                                hint=skip_hint(job, progress))
        note_skip(progress, notes.note, visible(result.where), reason, place=result.index)
    notes.tell_before(result.index + 1)
    return result.error is None


def _check_something_exported(progress: ExportProgress, out: str) -> None:
    if progress.articles:
        return
    one = len(progress.skipped_inputs) == 1
    why = (f"{progress.skips_counted} {'was' if one else 'were'} skipped and no other holds an "
           "article of two versions" if progress.failed_inputs
           else "no input holds an article of two versions")
    raise NothingExported(f"nothing was exported: {why}"
                          + ("" if out == "-" else "; the output is left as it was"), out,
                          hint="check the inputs named above")


def _stream(job: ExportJob, units: list[InputUnit], in_place: Sequence[MissingInput | InputNote],
            progress: ExportProgress, executor: Executor, stream: ByteSink,
            on_progress: Callable[[ExportProgress], None] | None,
            note: Callable[[str], None]) -> ExportProgress:
    """`-o -`: the edits table (jsonl, csv) or the diff text (unified), written as it comes.
    The CSV header goes out with the first article, so a run that exports nothing writes nothing."""
    header = csv_header(EDIT_COLUMN_NAMES) if job.format == "csv" else ""
    notes = NotesInInputOrder(note, progress)
    tasks = iter_tasks(job, units, progress, notes, in_place)
    in_flight = InFlight()
    if on_progress:  # the bar from the start, not once the first article is written
        on_progress(progress)
    try:
        for results in chunk_results(executor, tasks, job, in_flight):
            for result in results:
                if _accept(result, job, progress, notes):
                    _write_stream(stream, [header, *(result.payload if job.format == "unified"
                                                     else result.payload[0])])
                    header = ""
                    progress.pairs += result.pairs
                    progress.rows += result.rows
                    progress.articles += 1
                progress.units_done = max(progress.units_done, result.units_done)
            if on_progress:
                on_progress(progress)
    except WorkerLost as lost:
        raise WorkerDied(f"{lost.how}{in_flight.where(lost)}; the output written is incomplete",
                         "-o -", hint=f"rerun the command: standard output cannot be resumed; "
                                      f"{lost.advice}") from None
    finally:
        notes.tell_all()
    _check_something_exported(progress, "-")
    progress.units_done = progress.units_total
    progress.outputs = [Path("<stdout>")]
    progress.finished = time.monotonic()
    if on_progress:
        on_progress(progress)
    return progress


def _write_stream(stream: ByteSink, pieces: Iterable[str]) -> None:
    """Write text to the `-o -` stream piece by piece, then flush; a failed write (a full disk,
    not a closed pipe) is one error line."""
    with writing_stdout():
        for text in pieces:
            stream.write(text.encode("utf-8"))
        stream.flush()


def _run(job: ExportJob, units: list[InputUnit], in_place: Sequence[MissingInput | InputNote],
         progress: ExportProgress, executor: Executor, resume: bool,
         on_progress: Callable[[ExportProgress], None] | None,
         note: Callable[[str], None], part_pairs: int | None) -> ExportProgress:
    staging = Staging(job.out, fingerprint(job, units), resume)
    _tell_discarded(staging, note)
    if resume and not staging.resumable:
        note(f"nothing to resume for {job.out} (no interrupted run left a staging folder); "
             "exporting from the start")
    try:
        writer = registry.make_writer(job.format, job.out, staging)
    except BaseException:  # Ctrl-C while pyarrow loads, a file that cannot be made
        leave_staging(staging, published=False)
        raise
    if staging.unpublished is not None:
        return finish_publishing(staging, writer, progress, on_progress, note, job.out)
    in_flight = InFlight()
    published = False
    waiting: list[JournalEntry] = []  # articles written since the last checkpoint
    mid_article = False  # a stop that comes now may have cut an article's rows short
    try:
        last = staging.last_entry
        writer.restore(last.state if last else None)
        done = staging.resumed_entries
        if done:
            count_resumed(staging, progress)
            note(f"resuming after {counted(done, 'finished article')}")
        elif resume and staging.resumable:
            note("the interrupted run had not finished any article; exporting from the start")
        notes = NotesInInputOrder(note, progress)
        tasks = in_parts(skip_done(iter_tasks(job, units, progress, notes, in_place), done, last),
                         part_pairs)
        if on_progress:  # the bar from the start, not once the first article is written
            on_progress(progress)
        last_checkpoint = time.monotonic()
        parts = ArticleParts(writer, progress)
        try:
            for results in chunk_results(executor, tasks, job, in_flight):
                for part in results:
                    mid_article = True
                    result = parts.written(part, lambda: checkpoint(writer, staging, waiting))
                    progress.units_done = max(progress.units_done, part.units_done)
                    if result is None:  # the article goes on in its next part
                        mid_article = False
                        continue
                    if _accept(result, job, progress, notes):
                        if result.part is None:  # else written and counted a part at a time
                            writer.write(result.index, result.payload)
                            progress.pairs += result.pairs
                            progress.rows += result.rows
                        progress.articles += 1
                    waiting.append(JournalEntry(result.index, result.key, result.pairs,
                                                result.rows, {}, result.info, result.units_done))
                    mid_article = False
                now = time.monotonic()
                if (now - last_checkpoint >= CHECKPOINT_SECONDS
                        or len(waiting) >= CHECKPOINT_ARTICLES):
                    checkpoint(writer, staging, waiting)
                    last_checkpoint = now
                if on_progress:
                    on_progress(progress)
        # raised between two chunks, or between two articles (an article that cannot be
        # exported, an input that cannot be read): every article written so far is whole
        except (WorkerLost, RevdiffError):
            checkpoint(writer, staging, waiting)
            raise
        finally:
            notes.tell_all()
        checkpoint(writer, staging, waiting)
        _check_something_exported(progress, str(job.out))
        progress.units_done = progress.units_total
        writer.note_skipped(progress.skipped_in_input_order)
        moves = writer.finish()
        progress.outputs = writer.final_paths()
        staging.publish(moves)
        published = True
        progress.finished = time.monotonic()
        if on_progress:
            on_progress(progress)
        return progress
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`revdiff.stop_signals`)
        if published:  # the output is whole: a stop that came after it ends no work
            return progress
        if not mid_article:  # between articles (most often as the workers are waited for):
            # every article written is whole, and kept as a lost worker's are, unless the disk
            # fails the checkpoint again or a second stop cuts it: the run stops as it is
            with suppress(OSError, sqlite3.Error, KeyboardInterrupt):
                checkpoint(writer, staging, waiting)
        raise interrupted(stop, staging, job.out) from None
    except WorkerLost as lost:
        raise WorkerDied(f"{lost.how}{in_flight.where(lost)}; {finished_kept(staging.kept)}",
                         str(job.out),
                         hint=f"{staging.rerun_hint()}; {lost.advice}") from None
    except (OSError, sqlite3.Error) as error:  # a full disk, a failing device ...
        raise unwritable(error, staging, job.out) from error
    finally:
        # After a failed write (a full disk) closing the files fails too, flushing what is left;
        # the run's error is the one to say. A finished run closed them in `finish` already.
        with suppress(OSError):
            writer.close()
        leave_staging(staging, published)
