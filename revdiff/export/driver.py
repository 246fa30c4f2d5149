"""Batch export: every consecutive version pair of every article of many inputs, streamed to a file.

The driving process reads the inputs one *unit* at a time (a directory, a git repository, a
NewsEdits database, or the loose files of the command line), numbers the articles in input order,
and hands them in small chunks to an executor (this process, local worker processes, or a Dask
cluster). Workers compare every consecutive pair and render the format's payload; the driver
writes payloads in article order as they come back. At most a few chunks are in flight, so memory
does not grow with the corpus, and the output is the same whichever executor ran it. In the
formats of a row per pair, a long article is compared in parts of its pairs (`in_parts`), each
written as it comes and the article journaled once its last part is (`ArticleParts`), so memory
does not grow with its rows either.

Output goes to a staging directory with a journal (`revdiff.export.staging`); an interrupted run
continues with `resume=True`, and the final files appear only when the run succeeds. A run whose
worker process died (`revdiff.export.worker_loss`) keeps every article written before, as an
interrupted one does.
"""

from __future__ import annotations

import errno
import hashlib
import math
import resource
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from revdiff.errors import (
    INTERRUPTED_EXIT,
    WORKER_LOST_EXIT,
    MissingExtra,
    RevdiffError,
    writing_stdout,
)
from revdiff.export import registry
from revdiff.export.inputs import InputNote, InputUnit, MissingInput, expand_inputs
from revdiff.export.output_guard import (
    OutputLock,
    OutputProblem,
    check_companions,
    check_sqlite_journals,
    check_targets,
    check_writable,
)
from revdiff.export.pairs import compared_pairs
from revdiff.export.parallel import (
    DaskExecutor,
    Executor,
    ProcessExecutor,
    SerialExecutor,
    abandoned,
    ordered_map,
)
from revdiff.export.records import (
    EDIT_COLUMN_NAMES,
    ArticleRef,
    article_ref,
    display_title,
)
from revdiff.export.staging import (
    JournalEntry,
    ResumeMismatch,
    Staging,
    check_room_for_staging,
)
from revdiff.export.worker_loss import InFlight, WorkerLost, working_on
from revdiff.export.writers import ExportWriter, SkippedInput, csv_header
from revdiff.formats.article_errors import skipping_bad_articles
from revdiff.formats.load import load_unit
from revdiff.model import Article, Comparison, ComparisonStats
from revdiff.read_warnings import (
    NOTHING_TO_COMPARE,
    counted,
    counted_skips,
    has_pairs,
    input_name,
    warning_lines,
)
from revdiff.size_limit import DEFAULT_MAX_BYTES
from revdiff.stop_signals import stop_exit_code, stop_reason, stops_held
from revdiff.terminal_text import ByteSink, visible

# A chunk sent to a worker holds whole articles and about this many version pairs.
CHUNK_PAIRS = 16
# A longer article is compared in parts of this many pairs in the formats of a row per pair
# (`in_parts`), so that its rows are held a part at a time.
PART_PAIRS = CHUNK_PAIRS
# Chunks in flight per worker: enough to keep workers busy while the driver writes.
IN_FLIGHT_PER_WORKER = 4
# How often the writer makes its files durable and the journal records progress.
CHECKPOINT_SECONDS = 1.0
CHECKPOINT_ARTICLES = 512


class InterruptedExport(RevdiffError):
    """The run was stopped (Ctrl-C, SIGTERM) before the end; what is done is kept for --resume."""

    exit_code = INTERRUPTED_EXIT


class WorkerDied(RevdiffError):
    """A worker process died (killed from outside, often for lack of memory); what is done is
    kept for --resume."""

    exit_code = WORKER_LOST_EXIT


class ArticleFailed(RevdiffError):
    """One article could not be read or exported (and --skip-errors was not given)."""


def _skip_hint(job: ExportJob, progress: ExportProgress) -> str:
    """What to do about an input or article that stops the run: fix, remove or skip it; and,
    where articles were written to an output file before it (the stopped run keeps them),
    --resume to keep them (again, in a run that has it), which goes on only with the same inputs:
    fixed in place or skipped, not removed. An input read ahead of the articles before it is
    written has none before it."""
    if not progress.articles or str(job.out) == "-":
        return "fix or remove that input, or rerun with --skip-errors to skip it"
    how = "rerun with --resume again" if progress.resuming else "add --resume"
    return (f"fix that input in place, or rerun with --skip-errors to skip it; {how} to keep the "
            "articles exported before it, with the same inputs")


class NothingExported(RevdiffError):
    """No article was exported: every input was skipped (--skip-errors) or held no article of two
    versions. A run that exported nothing is no export; an earlier run's output stays as it was."""


def _check_something_exported(progress: ExportProgress, out: str) -> None:
    if progress.articles:
        return
    skipped = len(progress.failed_inputs)
    why = (f"{counted_skips(skipped)} {'was' if skipped == 1 else 'were'} skipped and no other "
           "holds an article of two versions" if skipped
           else "no input holds an article of two versions")
    raise NothingExported(f"nothing was exported: {why}"
                          + ("" if out == "-" else "; the output is left as it was"), out,
                          hint="check the inputs named above")


# ---------------------------------------------------------------------------------------------
# Work items and the worker side
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticlePart:
    """Where a task's versions stand in a long article compared in parts (`in_parts`)."""

    first_version: int  # the position of the part's first version among the article's
    last: bool  # whether the part ends with the article's last version
    versions: int  # the article's versions, all parts together


@dataclass(frozen=True, slots=True)
class ArticleTask:
    index: int
    ref: ArticleRef
    article: Article  # of a part, the part's versions only
    where: str  # the article as the run's messages name it: by its input (see `iter_tasks`)
    # input units finished once it is written: its unit's number, and the share of that unit's
    # articles up to this one (of a part, up to the part's last version)
    units_done: float = 1.0
    units_before: float = 0.0  # those finished before the article: up to the one before it
    part: ArticlePart | None = None  # None: the whole article

    @property
    def pairs(self) -> int:
        return max(0, len(self.article.versions) - 1)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    index: int
    key: str  # the article's name in the rows (`ArticleRef.name`)
    where: str  # `ArticleTask.where`
    pairs: int
    rows: int
    payload: Any
    info: dict[str, Any]
    units_done: float  # `ArticleTask.units_done`
    error: str | None = None  # why the article could not be exported (no payload then)
    part: ArticlePart | None = None  # `ArticleTask.part`


def joined_parts(before: ArticleResult | None, part: ArticleResult) -> ArticleResult:
    """The results of a long article's parts so far, with its next part's: pairs and rows added
    up, the facts of each pair in `info` joined (the title is the last part's, of the article's
    last version); no payload, as each part is written when it comes."""
    if before is None:
        return replace(part, payload=None)
    info = {**part.info, "changed": before.info["changed"] + part.info["changed"],
            "words_added": before.info["words_added"] + part.info["words_added"],
            "words_removed": before.info["words_removed"] + part.info["words_removed"]}
    return replace(part, pairs=before.pairs + part.pairs, rows=before.rows + part.rows,
                   info=info, payload=None)


def article_info(ref: ArticleRef, article: Article, pair_stats: list[ComparisonStats]
                 ) -> dict[str, Any]:
    """Small facts about an article for the journal, the HTML index and summaries, from the
    statistics of each of its comparisons."""
    return {
        "title": display_title(ref, article),
        "versions": len(article.versions),
        "source": ref.source,
        "changed": [round(stats.changed_share, 4) for stats in pair_stats],
        "words_added": sum(stats.words_added for stats in pair_stats),
        "words_removed": sum(stats.words_removed for stats in pair_stats),
    }


def _stats_noted(comparisons: Iterator[Comparison], pair_stats: list[ComparisonStats]
                 ) -> Iterator[Comparison]:
    """The comparisons, each one's statistics added to `pair_stats` as it is handed on (the
    renderer keeps no comparison it has rendered)."""
    for comparison in comparisons:
        pair_stats.append(comparison.stats)
        yield comparison


def process_chunk(format_name: str, sentences: str, tasks: list[ArticleTask]
                  ) -> list[ArticleResult]:
    """Worker entry point: compare and render each article (or part of one) of the chunk (none
    once the run is abandoned: nobody will read the results)."""
    results = []
    for task in tasks:
        if abandoned():
            break
        working_on(task.index)  # named by the driver if this process dies on it
        units_done = task.units_done
        pair_stats: list[ComparisonStats] = []
        render = registry.renderer(format_name, opens_article=task.part is None
                                   or task.part.first_version == 0)
        try:
            payload, rows = render(task.ref, task.article,
                                   _stats_noted(compared_pairs(task.article, sentences),
                                                pair_stats))
        except Exception as error:  # noqa: BLE001 - the driver stops or skips (--skip-errors)
            results.append(ArticleResult(task.index, task.ref.name, task.where, 0, 0, None,
                                         {"skipped": describe(error), "where": task.where},
                                         units_done, describe(error), task.part))
            continue
        info = article_info(task.ref, task.article, pair_stats)
        if task.part is not None:
            info["versions"] = task.part.versions
        results.append(ArticleResult(task.index, task.ref.name, task.where, len(pair_stats), rows,
                                     payload, info, units_done, part=task.part))
    working_on(None)
    return results


def describe(error: BaseException) -> str:
    """An error as one line: revdiff's own message, or the kind of failure and its text. A hint
    to rerun with --skip-errors is left out: the export says that itself where it is news."""
    if isinstance(error, RevdiffError):
        if error.hint and "--skip-errors" in error.hint:
            return str(RevdiffError(error.message, error.where, error.line))
        return str(error)
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def handed_out(chunks: Iterator[list[ArticleTask]], in_flight: InFlight
               ) -> Iterator[list[ArticleTask]]:
    """The chunks, each noted in `in_flight` as it is taken to be submitted."""
    for chunk in chunks:
        for task in chunk:
            in_flight.handed(task.index, task.where)
        yield chunk


def in_parts(tasks: Iterator[ArticleTask], part_pairs: int | None
             ) -> Iterator[ArticleTask]:
    """The tasks, each article of more than `part_pairs` version pairs split into tasks of that
    many pairs (a part's last version is the next one's first), so that its rows are rendered,
    handed back and written a part at a time, the input units done moving on with its pairs;
    None keeps every article whole."""
    for task in tasks:
        if part_pairs is None or task.pairs <= part_pairs:
            yield task
            continue
        versions = task.article.versions
        article_share = task.units_done - task.units_before
        for first in range(0, task.pairs, part_pairs):
            last = min(first + part_pairs, task.pairs)  # the position of the part's last version
            units_done = (task.units_done if last == task.pairs
                          else task.units_before + article_share * last / task.pairs)
            yield replace(task, article=replace(task.article, versions=versions[first:last + 1]),
                          units_done=units_done,
                          part=ArticlePart(first, last == task.pairs, len(versions)))


def chunked(tasks: Iterator[ArticleTask], pairs: int | None = None
            ) -> Iterator[list[ArticleTask]]:
    """Whole articles grouped until a chunk holds about `pairs` version pairs."""
    pairs = pairs or CHUNK_PAIRS
    chunk: list[ArticleTask] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += max(1, task.pairs)
        if size >= pairs:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


# ---------------------------------------------------------------------------------------------
# The driver
# ---------------------------------------------------------------------------------------------


@dataclass
class ExportProgress:
    """Counts reported while the run goes on and in the final summary."""

    units_total: int = 0
    units_done: float = 0  # and the share of the unit being read
    articles: int = 0
    pairs: int = 0  # and rows: with a long article's parts as each is written (`ArticleParts`)
    rows: int = 0
    resuming: bool = False  # the run was started with --resume
    resumed_articles: int = 0
    resumed_pairs: int = 0
    articles_read: int = 0  # handed out to compare: the index of the next one
    skipped_inputs: list[SkippedInput] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    outputs: list[Path] = field(default_factory=list)

    @property
    def failed_inputs(self) -> list[SkippedInput]:
        """The skipped inputs and articles that could not be read or exported, not those of
        one version, which have nothing to compare."""
        return [skip for skip in self.skipped_inputs if skip.reason != NOTHING_TO_COMPARE]

    @property
    def skipped_in_input_order(self) -> list[SkippedInput]:
        """The skipped inputs and articles as they stand in the input, however far the reader
        ran ahead of the workers when each was skipped."""
        return sorted(self.skipped_inputs, key=lambda skip: skip.place)

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def pairs_per_second(self) -> float:
        """Pairs compared by this run (not counting those of an interrupted run) per second."""
        done = self.pairs - self.resumed_pairs
        return done / self.elapsed if self.elapsed > 0 else 0.0


@dataclass(frozen=True, slots=True)
class ExportJob:
    inputs: tuple[str, ...]
    out: Path
    format: str
    sentences: str = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    skip_errors: bool = False


def fingerprint(job: ExportJob, units: list[InputUnit]) -> dict[str, Any]:
    """What must be equal for --resume to continue a run: format, inputs, options."""
    digest = hashlib.sha256()
    for unit in units:
        digest.update(unit.label.encode("utf-8", "surrogateescape") + b"\0")
        for path in unit.paths:
            digest.update(path.encode("utf-8", "surrogateescape") + b"\1")
    return {"format": job.format, "units": len(units), "inputs": digest.hexdigest(),
            "sentences": job.sentences, "max_bytes": job.max_bytes}


def iter_tasks(job: ExportJob, units: list[InputUnit], progress: ExportProgress,
               on_note: Callable[[str], None],
               in_place: Sequence[MissingInput | InputNote] = ()) -> Iterator[ArticleTask]:
    """Articles of every unit, numbered in input order, read as they are handed out; each name
    in `in_place` (`expand_inputs`) that names nothing is skipped in its place, before the unit
    it comes before, and each note about an input told there, in the order the inputs were
    given."""

    def tell_in_place_before(number: int) -> None:
        for item in sorted(in_place, key=lambda item: item.given):
            if item.before != number:
                continue
            if isinstance(item, MissingInput):
                _skip(progress, on_note, visible(item.name), item.reason)
            else:
                on_note(_as_warning(item.text))

    for number, unit in enumerate(units):
        tell_in_place_before(number)
        for position, count, article in _unit_articles(job, unit, progress, on_note):
            # the messages name one article by its input, as `diff` names it; one of several by
            # its URL, else by its place in the input
            where = (unit.label if count == 1
                     else article.url or input_name(unit.label, position, count))
            for line in warning_lines(article, where, unit.paths):
                on_note(_as_warning(line))
            if not has_pairs(article):
                _skip(progress, on_note, visible(where), NOTHING_TO_COMPARE)
                continue
            index = progress.articles_read
            yield ArticleTask(index, article_ref(index, article, where), article, where,
                              number + (position + 1) / count, number + position / count)
            progress.articles_read += 1
    tell_in_place_before(len(units))


def _unit_articles(job: ExportJob, unit: InputUnit, progress: ExportProgress,
                   on_note: Callable[[str], None]) -> Iterator[tuple[int, int, Article]]:
    """Each article of a unit with its place and the unit's number of articles (a NewsEdits
    file's are read one at a time). A failure to read the unit stops the run or, with
    --skip-errors, skips the rest of the unit; an article's own failure skips that article."""
    position = 0
    # Files given together: reading them tells whether they are plain versions that make one
    # article of several folders' files; a folder of saved pages says what holds for all its pages.
    notes: list[str] = []
    try:
        with _bad_articles_noted(job, unit, progress, on_note):
            articles = load_unit(list(unit.paths), max_bytes=job.max_bytes, notes=notes)
        for text in notes:
            on_note(_as_warning(text))
        count = len(articles)
        read = iter(articles)
        while True:
            with _bad_articles_noted(job, unit, progress, on_note) as skipped:
                article = next(read, None)
            position += len(skipped)  # an article left out keeps its place
            if article is None:
                return
            yield position, count, article
            position += 1
    except MissingExtra:
        raise  # every input of its kind would fail alike: nothing to fix or skip in this one
    except Exception as error:  # any other reader failure is this input's only
        if not job.skip_errors:
            if isinstance(error, RevdiffError):  # the reader's own hint, then the run's
                error.add_hint(_skip_hint(job, progress))
                raise
            raise ArticleFailed(f"cannot read it: {describe(error)}", unit.label,
                                hint=_skip_hint(job, progress)) from error
        # the unit is named once: files given together by their label, which names the first
        reason = (describe(error).removeprefix(f"{visible(unit.label)}: ")
                  .removeprefix(f"{visible(unit.paths[0])}: "))
        if position:  # a database that fails partway: what came before it is exported
            _skip(progress, on_note, f"the rest of {unit.label} after its first "
                  f"{counted(position, 'article')}", reason)
        else:
            _skip(progress, on_note, unit.label, reason)


def _skip(progress: ExportProgress, on_note: Callable[[str], None], what: str, reason: str,
          place: float | None = None) -> None:
    """Leave out an input or an article (--skip-errors, or one of one version): noted, and kept
    for the report's index at its `place` (`SkippedInput.place`; by default, what the reader
    leaves out before the next article it hands out)."""
    if place is None:
        place = progress.articles_read - 0.5
    progress.skipped_inputs.append(SkippedInput(what, reason, place))
    on_note(f"skipped {what}: {reason}")


class NotesInInputOrder:
    """The reader's notes (inputs and articles skipped, warnings), told in input order.

    The reader runs ahead of the workers, and the driver tells an article that could not be
    exported once its result comes back: the skips were told as the reader and the workers
    reached them, in an order that depended on the number of workers. A reader's note is placed
    as `_skip` places a skip, before the next article the reader hands out, and held until every
    article before it has been told (`tell_before`): it waits for the articles in flight, no more.
    """

    def __init__(self, note: Callable[[str], None], progress: ExportProgress) -> None:
        self.note = note
        self.progress = progress
        self.told_before: float = 0  # every article before this index has been told
        self.held: deque[tuple[float, str]] = deque()

    def __call__(self, text: str) -> None:
        self.held.append((self.progress.articles_read - 0.5, text))
        self._tell_what_may_be_told()

    def tell_before(self, index: float) -> None:
        """Every article before `index` has been told: tell the notes placed before it."""
        self.told_before = max(self.told_before, index)
        self._tell_what_may_be_told()

    def _tell_what_may_be_told(self) -> None:
        while self.held and self.held[0][0] < self.told_before:
            self.note(self.held.popleft()[1])

    def tell_all(self) -> None:
        """Tell every note held: the run ends, with no article left to tell before them."""
        self.tell_before(math.inf)


@contextmanager
def _bad_articles_noted(job: ExportJob, unit: InputUnit, progress: ExportProgress,
                        on_note: Callable[[str], None]) -> Iterator[list[RevdiffError]]:
    """With --skip-errors, the articles of `unit` that the block cannot read are left out, each
    reported; without, the first stops the run."""
    kept_apart: AbstractContextManager[list[RevdiffError]] = \
        skipping_bad_articles() if job.skip_errors else nullcontext([])
    with kept_apart as bad:
        yield bad
    for error in bad:  # one article of an input that holds many
        _skip(progress, on_note, f"an article of {unit.label}",
              describe(error).removeprefix(f"{visible(unit.label)}: "))


@contextmanager
def open_executor(workers: int, scheduler: str | None, local_dask: bool,
                  note: Callable[[str], None]) -> Iterator[Executor]:
    """The executor that `workers`, `scheduler` and `local_dask` ask for, open for the block: closed
    as it ends, without waiting for the chunks still running when it raised (a stop, a failure).

    A local executor is made and set to close with Ctrl-C and SIGTERM held (as they are while the
    local cluster starts), so that a stop as it is made, however late, closes it too: one that came
    between its making and the block that closes it left it open. A `scheduler`'s executor is made
    with them acted on, as waiting for a worker may take for ever: `DaskExecutor.connect` sets what
    it opens to close with the block as it is made. An OSError in closing it is a warning to
    `note` (`_ExecutorClosing`).
    """
    with _ExecutorClosing(note) as closing:
        if scheduler:
            executor: Executor = DaskExecutor.connect(scheduler, closing, on_note=note)
        else:
            with stops_held():
                executor = _new_local_executor(workers, local_dask)
                closing.push(lambda raised, *_: executor.close(abandon=raised is not None))
        yield executor


class _ExecutorClosing(ExitStack):
    """The steps that close an executor, an OSError of which (a Dask client closed once its
    scheduler is gone) is told to `note` in one line: the run's result, its output written or its
    own error, stands. It ended a finished export in a traceback."""

    def __init__(self, note: Callable[[str], None]) -> None:
        super().__init__()
        self.note = note

    def __exit__(self, kind: type[BaseException] | None, raised: BaseException | None,
                 trace: TracebackType | None) -> bool | None:
        try:
            return super().__exit__(kind, raised, trace)
        except OSError as error:
            if error is raised:  # the run's own, which the steps let through
                raise
            self.note(_as_warning(f"closing the workers failed: {' '.join(str(error).split())} "
                                  "(the export is not affected)"))
            return False  # the run's own error, if any, goes on


def _new_local_executor(workers: int, local_dask: bool) -> Executor:
    if local_dask:
        return DaskExecutor.local(workers)
    if workers > 1:
        return ProcessExecutor(workers)
    return SerialExecutor()


def run_export(job: ExportJob, *, resume: bool = False, executor: Executor | None = None,
               workers: int = 1, scheduler: str | None = None, local_dask: bool = False,
               stream: ByteSink | None = None,
               on_progress: Callable[[ExportProgress], None] | None = None,
               on_note: Callable[[str], None] | None = None,
               part_pairs: int | None = PART_PAIRS) -> ExportProgress:
    """Export every consecutive version pair of every article of `job.inputs` to `job.out`.

    `job.out` of `-` writes the edits table (jsonl, csv) or the diff text (unified) to `stream`
    instead of files. `executor` runs the comparisons (default: built from workers / scheduler /
    local_dask and closed at the end). An article of more than `part_pairs` version pairs is
    compared and written in parts of that many (`in_parts`) to files of the formats of a row per
    pair (`registry.PART_FORMATS`), with the same bytes; None keeps every article whole. Raises
    RevdiffError for bad input before anything is written; when the run stops later, the
    finished part stays staged for `resume=True`.
    """
    note = on_note or (lambda text: None)
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
    note = _once(note, {_as_warning(item.text) for item in placed})
    if not to_stream:
        targets = registry.output_paths(job.format, job.out)
        check_targets(targets, [*job.inputs, *(path for unit in units for path in unit.paths)],
                      folder=job.format == "html")
        check_companions(targets, job.out)
        if job.format == "sqlite":
            check_sqlite_journals(job.out)
        check_writable(targets, folder=job.format == "html")
        check_room_for_staging(job.out)
    progress = ExportProgress(units_total=len(units), resuming=resume)
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
        if on_note is not None:
            raise
        # the notes that say why each input was skipped went nowhere: none is named above
        raise NothingExported(nothing.message, nothing.where,
                              hint="drop -q to see which inputs were skipped and why") from None


def _as_warning(text: str) -> str:
    """A note about the input, told as `diff` tells it (`revdiff: warning: ...`); the notes of
    the run itself (`skipped X: ...`, `resuming after ...`) are told as they are."""
    return f"warning: {text}"


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


def _chunk_results(executor: Executor, tasks: Iterator[ArticleTask], job: ExportJob,
                   in_flight: InFlight) -> Iterator[list[ArticleResult]]:
    """The results of each chunk of `tasks`, in order, as the workers give them back (each
    article noted in `in_flight` while a worker has it)."""
    for _, results in ordered_map(executor, process_chunk, handed_out(chunked(tasks), in_flight),
                                  job.format, job.sentences, in_flight=_in_flight(executor)):
        for result in results:
            if result.part is None or result.part.last:
                in_flight.back(result.index)
        yield results


def _in_flight(executor: Executor) -> int:
    """How many chunks to keep submitted: ahead of the workers in a pool, one in this process
    (it runs at submission, so more would hold back progress and checkpoints for nothing)."""
    return 1 if isinstance(executor, SerialExecutor) else max(2, IN_FLIGHT_PER_WORKER * executor.workers)


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
        reason = _failure_reason(result.error, result.key, result.where)
        if not job.skip_errors:
            raise ArticleFailed(f"cannot export this article: {reason}", result.where,
                                hint=_skip_hint(job, progress))
        _skip(progress, notes.note, visible(result.where), reason, place=result.index)
    notes.tell_before(result.index + 1)
    return result.error is None


def _failure_reason(error: str, key: str, where: str) -> str:
    """Why an article could not be exported, for a line that names it already: the error
    without the name it begins with (the rows' errors name it by its key, as `visible` shows it)."""
    return error.removeprefix(f"{visible(key)}: ").removeprefix(f"{visible(where)}: ")


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
        for results in _chunk_results(executor, tasks, job, in_flight):
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
    if resume and not staging.resumable:
        note(f"nothing to resume for {job.out} (no interrupted run left a staging folder); "
             "exporting from the start")
    try:
        writer = registry.make_writer(job.format, job.out, staging)
    except BaseException:  # Ctrl-C while pyarrow loads, a file that cannot be made
        _leave_staging(staging, published=False)
        raise
    if staging.unpublished is not None:
        return _finish_publishing(staging, writer, progress, on_progress, note, job.out)
    in_flight = InFlight()
    published = False
    waiting: list[JournalEntry] = []  # articles written since the last checkpoint
    mid_article = False  # a stop that comes now may have cut an article's rows short
    try:
        last = staging.last_entry
        writer.restore(last.state if last else None)
        done = staging.resumed_entries
        if done:
            _count_resumed(staging, progress)
            note(f"resuming after {done} finished articles")
        elif resume and staging.resumable:
            note("the interrupted run had not finished any article; exporting from the start")
        notes = NotesInInputOrder(note, progress)
        tasks = in_parts(_skip_done(iter_tasks(job, units, progress, notes, in_place), done, last),
                         part_pairs)
        if on_progress:  # the bar from the start, not once the first article is written
            on_progress(progress)
        last_checkpoint = time.monotonic()
        parts = ArticleParts(writer, progress)
        try:
            for results in _chunk_results(executor, tasks, job, in_flight):
                for part in results:
                    mid_article = True
                    result = parts.written(part, lambda: _checkpoint(writer, staging, waiting))
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
                    _checkpoint(writer, staging, waiting)
                    last_checkpoint = now
                if on_progress:
                    on_progress(progress)
        # raised between two chunks, or between two articles (an article that cannot be
        # exported, an input that cannot be read): every article written so far is whole
        except (WorkerLost, RevdiffError):
            _checkpoint(writer, staging, waiting)
            raise
        finally:
            notes.tell_all()
        _checkpoint(writer, staging, waiting)
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
                _checkpoint(writer, staging, waiting)
        raise _interrupted(stop, staging, job.out) from None
    except WorkerLost as lost:
        raise WorkerDied(f"{lost.how}{in_flight.where(lost)}; {staging.kept} finished articles "
                         "are kept", str(job.out),
                         hint=f"{staging.rerun_hint()}; {lost.advice}") from None
    except (OSError, sqlite3.Error) as error:  # a full disk, a failing device ...
        raise _unwritable(error, staging, job.out) from error
    finally:
        # After a failed write (a full disk) closing the files fails too, flushing what is left;
        # the run's error is the one to say. A finished run closed them in `finish` already.
        with suppress(OSError):
            writer.close()
        _leave_staging(staging, published)


def _unwritable(error: OSError | sqlite3.Error, staging: Staging, out: Path) -> OutputProblem:
    """What a run that could not write or put in place its output says: why, the finished
    articles it keeps, and how to go on."""
    reason = getattr(error, "strerror", None) or " ".join(str(error).split())
    return OutputProblem(f"cannot write the output: {reason}; {staging.kept} finished articles "
                         "are kept", str(out),
                         hint=f"{_first_fix(error)}, then {staging.rerun_hint()}")


# Why a write failed, by its errno or SQLite's result code: a permission refused, a disk full
_NO_PERMISSION = {errno.EACCES, errno.EPERM}
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT}
_SQLITE_NO_PERMISSION = {sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY}
# What to do about a file that reached the largest size it may have
_SMALLER_OR_ELSEWHERE = "write elsewhere or split the export, or raise that limit"


def _first_fix(error: OSError | sqlite3.Error) -> str:
    """What to fix before rerunning a run whose write failed with `error`. SQLite says no errno:
    its I/O error names a file-size limit only as what it may be, where this process has one."""
    reason = getattr(error, "errno", None)
    sqlite_code = getattr(error, "sqlite_errorcode", None)
    sqlite_reason = None if sqlite_code is None else sqlite_code & 0xFF  # less its extended part
    if reason in _NO_PERMISSION or sqlite_reason in _SQLITE_NO_PERMISSION:
        return "check the permissions of the output and its folder"
    if reason in _NO_ROOM or sqlite_reason == sqlite3.SQLITE_FULL:
        return "free some space"
    if reason == errno.EFBIG:
        return ("the file reached the largest size allowed here, by a file-size limit (ulimit -f) "
                f"or by the file system: {_SMALLER_OR_ELSEWHERE}")
    if sqlite_reason == sqlite3.SQLITE_IOERR and (limit := _file_size_limit()) is not None:
        return (f"the database may have reached the file-size limit set here, {limit} bytes by "
                f"ulimit -f: {_SMALLER_OR_ELSEWHERE}; if not, fix the problem the error names")
    return "fix the problem the error names"


def _file_size_limit() -> int | None:
    """The largest file this process may write, in bytes (`ulimit -f`); None: no limit."""
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft


def _leave_staging(staging: Staging, published: bool) -> None:
    """Close the staging folder at the end of a run, removing it when the run published nothing
    and finished no article (`Staging.discard_if_empty`); an error there (a full disk) is left
    unsaid, as the run's own is the one to say."""
    with suppress(OSError):
        if not published:
            staging.discard_if_empty()
        staging.close()


class ArticleParts:
    """The parts of the long article being written (`in_parts`), each written as it comes.

    Before its first part the articles written so far are journaled and the writer's state is
    kept: the article is journaled only once its last part is written, and a part that fails
    rolls its earlier parts' rows back, so that the article is skipped (--skip-errors) or stops
    the run as a whole one does, none of its rows written; its parts after that one are dropped.
    Each part's pairs and rows are added to `progress` as it is written, so that the bar moves
    through a long article, and taken back with its rows.
    """

    def __init__(self, writer: ExportWriter, progress: ExportProgress) -> None:
        self.writer = writer
        self.progress = progress
        self.so_far: ArticleResult | None = None  # the article's parts written
        self.start: dict[str, Any] = {}  # the writer's state before its first part
        self.failed: int | None = None  # the index of an article whose part failed

    def written(self, result: ArticleResult, journal: Callable[[], None]
                ) -> ArticleResult | None:
        """A whole article's `result` as it is; a part written, and the article's result once
        its last part is (or the failed part's), else None. `journal` records the articles
        written before."""
        if result.part is None:
            return result
        if result.index == self.failed:
            return None
        if result.part.first_version == 0:
            journal()
            self.start = self.writer.checkpoint()
        if result.error is not None:
            self.failed = result.index
            if self.so_far is not None:
                self.writer.close()
                self.writer.restore(self.start)
                self.progress.pairs -= self.so_far.pairs
                self.progress.rows -= self.so_far.rows
                self.so_far = None
            return result
        self.writer.write(result.index, result.payload)
        self.progress.pairs += result.pairs
        self.progress.rows += result.rows
        self.so_far = joined_parts(self.so_far, result)
        if not result.part.last:
            return None
        article, self.so_far = self.so_far, None
        return article


def _interrupted(stop: KeyboardInterrupt, staging: Staging, out: Path) -> InterruptedExport:
    """What a run stopped before its output was published says: the finished articles it keeps,
    and how to go on."""
    stopped = InterruptedExport(f"{stop_reason(stop)}; {staging.kept} finished articles are kept",
                                str(out), hint=staging.rerun_hint())
    stopped.exit_code = stop_exit_code(stop)
    return stopped


def _finish_publishing(staging: Staging, writer: ExportWriter, progress: ExportProgress,
                       on_progress: Callable[[ExportProgress], None] | None,
                       note: Callable[[str], None], out: Path) -> ExportProgress:
    """The interrupted run had written everything and was putting it in place: finish that. A
    stop before the output is in place keeps the finished articles for --resume, as a stop of
    any run does; one that comes after it ends no work, and the run ends as done."""
    published = False
    try:
        note("the interrupted run had finished; putting its output in place")
        _count_resumed(staging, progress)
        progress.units_done = progress.units_total
        progress.outputs = writer.final_paths()
        staging.finish_publishing([out, *progress.outputs])
        published = True
        progress.finished = time.monotonic()
        if on_progress:
            on_progress(progress)
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`revdiff.stop_signals`)
        if not published:
            staging.close()
            raise _interrupted(stop, staging, out) from None
    except OSError as error:  # a folder it may not write, a full disk ...
        staging.close()
        raise _unwritable(error, staging, out) from error
    return progress


def _count_resumed(staging: Staging, progress: ExportProgress) -> None:
    """Count the articles the interrupted run finished: their pairs and rows, those it exported
    (not those it could not export, which its journal holds too: they are kept as skipped), and
    the input units done with the last of them (left at 0 where its journal does not say)."""
    for entry in staging.entries():
        if entry.units_done is not None:
            progress.units_done = entry.units_done
        progress.pairs += entry.pairs
        progress.rows += entry.rows
        if entry.info.get("skipped"):  # an article the interrupted run could not export
            # named by its input, as the interrupted run named it (a journal of an earlier
            # revdiff keeps only the article's name)
            where = entry.info.get("where", entry.key)
            progress.skipped_inputs.append(SkippedInput(
                visible(where), _failure_reason(entry.info["skipped"], entry.key, where),
                entry.index))
        else:
            progress.articles += 1
    progress.resumed_articles = progress.articles
    progress.resumed_pairs = progress.pairs


def _checkpoint(writer: Any, staging: Staging, waiting: list[JournalEntry]) -> None:
    if not waiting:
        return
    # a stop between the journal's lines and their count reported and kept no finished article
    with stops_held():
        state = writer.checkpoint()
        entries = [replace(e, state=state if k == len(waiting) - 1 else {})
                   for k, e in enumerate(waiting)]
        staging.record(entries)
        waiting.clear()


def _skip_done(tasks: Iterator[ArticleTask], done: int, last: JournalEntry | None
               ) -> Iterator[ArticleTask]:
    """Drop the articles an interrupted run finished, checking that they are the same ones."""
    for task in tasks:
        if task.index < done:
            if task.index == done - 1 and last is not None and task.ref.name != last.key:
                raise ResumeMismatch(
                    f"article {done - 1} is now '{task.ref.name}', the interrupted run had "
                    f"'{last.key}'", str(task.ref.name),
                    hint="the inputs changed; drop --resume to start over")
            continue
        yield task
