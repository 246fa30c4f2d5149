"""What an export run counts as it goes (`ExportProgress`), and the notes it tells: inputs and
articles skipped, warnings, in input order however far the reader runs ahead of the workers."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from revdiff.export.writers import SkippedInput
from revdiff.read_warnings import NOTHING_TO_COMPARE, counted, counted_skips

# the reader's passes over a run's only input before its first article (`ExportProgress.unit_pass`)
READING_INPUT = "reading"
LISTING_ARTICLES = "listing"


@dataclass
class ExportProgress:
    """Counts reported while the run goes on and in the final summary."""

    units_total: int = 0
    units_done: float = 0  # and the share of the unit being read
    units_resumed: float = 0  # those the interrupted run had done (`count_resumed`)
    # the articles of the run's only input, where it is one: a NewsEdits file's are counted
    # before any is read, and the bar counts them rather than the input
    unit_articles: int | None = None
    # the reader's pass over the run's only input before its first article, for the bar to
    # name: reading it (`READING_INPUT`), then listing a NewsEdits file's articles without their
    # texts (`LISTING_ARTICLES`, `articles_listed` of `unit_articles`); None once its articles
    # are handed out, and where the run has several inputs
    unit_pass: str | None = None
    articles_listed: int = 0
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
    def skips_counted(self) -> str:
        """`1 input or article that failed and 2 articles of one version`: every input or article
        skipped, one `skipped` line each, the failed ones apart; empty where none was."""
        failed = len(self.failed_inputs)
        single = len(self.skipped_inputs) - failed
        return " and ".join([*([f"{counted_skips(failed)} that failed"] if failed else []),
                             *([f"{counted(single, 'article')} of one version"] if single else [])])

    @property
    def skipped_in_input_order(self) -> list[SkippedInput]:
        """The skipped inputs and articles as they stand in the input, however far the reader
        ran ahead of the workers when each was skipped."""
        return sorted(self.skipped_inputs, key=lambda skip: skip.place)

    @property
    def elapsed(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def seconds_left(self) -> float | None:
        """The time the rest of the inputs take at this run's pace so far (its share of the
        inputs done, not the interrupted run's, in its elapsed time); None once it is finished
        or before it has done any."""
        done = self.units_done - self.units_resumed
        if self.finished is not None or done <= 0:
            return None
        return self.elapsed * (self.units_total - self.units_done) / done

    @property
    def pairs_per_second(self) -> float:
        """Pairs compared by this run (not counting those of an interrupted run) per second."""
        done = self.pairs - self.resumed_pairs
        return done / self.elapsed if self.elapsed > 0 else 0.0


class FailureNote(str):
    """The note that an input or article that failed was skipped (--skip-errors): an error, not
    a warning, which a quiet run tells too (`failures_only`)."""

    __slots__ = ()


def note_skip(progress: ExportProgress, on_note: Callable[[str], None], what: str, reason: str,
          place: float | None = None) -> None:
    """Leave out an input or an article (--skip-errors, or one of one version): noted (a
    failure's as a FailureNote), and kept for the report's index at its `place`
    (`SkippedInput.place`; by default, what the reader leaves out before the next article it
    hands out)."""
    if place is None:
        place = progress.articles_read - 0.5
    progress.skipped_inputs.append(SkippedInput(what, reason, place))
    text = f"skipped {what}: {reason}"
    on_note(text if reason == NOTHING_TO_COMPARE else FailureNote(text))


def failures_only(on_note: Callable[[str], None]) -> Callable[[str], None]:
    """`on_note`, told only the skips of inputs and articles that failed (a quiet run's)."""
    def note(text: str) -> None:
        if isinstance(text, FailureNote):
            on_note(text)
    return note


class NotesInInputOrder:
    """The reader's notes (inputs and articles skipped, warnings), told in input order.

    The reader runs ahead of the workers, and the driver tells an article that could not be
    exported once its result comes back: the skips were told as the reader and the workers
    reached them, in an order that depended on the number of workers. A reader's note is placed
    as `note_skip` places a skip, before the next article the reader hands out, and held until every
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


def as_warning(text: str) -> str:
    """A note about the input, told as `diff` tells it (`revdiff: warning: ...`); the notes of
    the run itself (`skipped X: ...`, `resuming after ...`) are told as they are."""
    return f"warning: {text}"
