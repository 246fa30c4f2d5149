"""The progress bar of long commands (a terminal line on stderr), the counts export and store draw
on it, and the export's summary."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from revdiff.cli import ends_the_echoed_line, message_text
from revdiff.read_warnings import counted
from revdiff.summary_layout import SUMMARY_COLUMNS, laid_out, listed

if TYPE_CHECKING:
    from revdiff.export.progress import ExportProgress


def obeys_escape_codes() -> bool:
    """Whether the terminal obeys escape codes (colours, `\x1b[K`): not TERM=dumb, an editor's
    shell buffer, which prints them as text, nor TERM=unknown (set where the type could not be
    found out; dumb to Rich too), in any case (`DUMB`, `Unknown`: Rich reads TERM in lower case),
    nor one that names no type (TERM not set or empty: `env -i`, cron), read as dumb, as git
    reads it."""
    return os.environ.get("TERM", "").lower() not in ("", "dumb", "unknown")


def draws_on_stderr() -> bool:
    """Whether stderr is a terminal that redraws a line (`\r`, and `\x1b[K` to clear its end)."""
    return sys.stderr is not None and sys.stderr.isatty() and obeys_escape_codes()


def stderr_columns() -> int:
    """How many columns the terminal of stderr is wide (80 when it cannot say)."""
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns or 80
    except (OSError, ValueError, AttributeError):  # no terminal, or a stderr with no descriptor
        return 80


def _duration(seconds: float) -> str:
    """`M:SS` or `H:MM:SS`, to the nearest second, as the summary's `4.7 s` rounds (`0:05`)."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """One progress line on a terminal's stderr, redrawn at most `rate` times a second.

    Every long command draws its progress with it: a bar of `done` out of `total`, then the
    command's own counts, in one column less than the terminal's width (`columns`, asked at each
    draw, as a window may be resized): the bar is shortened to fit, down to `MIN_WIDTH`, and the
    counts given in `shorter` forms (each with less in it) are tried in turn to keep a bar; where
    none leaves room for one, the bar is left out, the longest form that fits drawn, or else the
    shortest cut. A bar shortened stays as short for the rest of the run while the terminal
    keeps its width, so that counts that take a column more or less as they go (pairs, pairs
    per second, the time left) do not move it back and forth. A longer line wraps, and `\r`
    goes back only to the start of its last row, leaving the rows above on the screen at each
    redraw. The counts last given and not drawn (too soon after a drawing) are drawn as the
    line is ended, so that a stopped run's bar shows what was done, as its error line says.
    """

    WIDTH = 24
    MIN_WIDTH = 10  # a shorter bar tells too little for the counts it takes the room of

    def __init__(self, write: Callable[[str], object], rate: float = 8.0,
                 columns: Callable[[], int] = stderr_columns) -> None:
        self.write = write  # writes its text on the terminal at once (`write_to_stderr`)
        self.columns = columns
        self.interval = 1.0 / rate
        self.last_draw = 0.0
        self.drawn = False
        # the counts given since the drawing, and their shorter forms
        self.undrawn: tuple[float, int, str, tuple[str, ...]] | None = None
        # held while the line is drawn or closed, and by whoever writes a line of its own on the
        # stream in between: a bar redrawn from another thread (`export_progress`) then never
        # lands in the middle of that line
        self.lock = threading.RLock()
        # the room (columns) of the last bar drawn and its width, the widest it may be drawn
        # again in that room
        self.drawn_width: tuple[int, int] | None = None

    def show(self, done: float, total: int, details: str, *, final: bool = False,
             shorter: Sequence[str] = ()) -> None:
        with self.lock:
            now = time.monotonic()
            if not final and now - self.last_draw < self.interval:
                self.undrawn = (done, total, details, tuple(shorter))
                return
            self.last_draw = now
            self.undrawn = None
            line = self._line(done, total, [details, *shorter], max(self.columns() - 1, 0))
            self.write(f"\r{line}\x1b[K")
            self.drawn = True

    def _line(self, done: float, total: int, forms: list[str], room: int) -> str:
        """The bar and the longest form of the counts that leaves room for it in `room`
        columns, no wider than the last bar drawn in as many; without one, the counts alone
        (the bar says less than they do)."""
        widest = (self.drawn_width[1] if self.drawn_width and self.drawn_width[0] == room
                  else self.WIDTH)
        for details in forms:
            width = min(widest, room - len(details) - len("[] "))
            if width >= self.MIN_WIDTH:
                self.drawn_width = (room, width)
                filled = int(width * min(done, max(total, 1)) / max(total, 1))
                return f"[{'#' * filled}{'-' * (width - filled)}] {details}"
        alone = [details.lstrip() for details in forms]  # not kept in place for a bar
        return next((details for details in alone if len(details) <= room), alone[-1][:room])

    def close(self, *, line_end: bool = True) -> None:
        """End the bar's line, drawn a last time with the counts given since its drawing, if
        any; without `line_end` where the next line starts with its own (`past_the_echo`, which
        goes past the `^C` echoed after the bar)."""
        with self.lock:
            if self.drawn and self.undrawn is not None:
                done, total, details, shorter = self.undrawn
                self.show(done, total, details, final=True, shorter=shorter)
            if self.drawn and line_end:
                self.write("\n")
            self.drawn = False

    def wipe(self) -> None:
        """Clear the line: for a line of another's to take its place (the bar is drawn again
        at the next `show`, however soon), or a run that ends quietly (its output's reader has
        gone)."""
        with self.lock:
            if self.drawn:
                self.write("\r\x1b[K")
                self.drawn = False
                self.last_draw = 0.0
            self.undrawn = None


@contextlib.contextmanager
def closed_when_done(bar: ProgressBar) -> Iterator[ProgressBar]:
    """Within: `bar`, whose line is ended as the block ends: by the error line of a stop where
    that starts with a line end of its own past the `^C` echoed after the bar
    (`ends_the_echoed_line`); wiped where the output's reader has gone, as the run ends quietly."""
    try:
        yield bar
    except BrokenPipeError:
        bar.wipe()
        raise
    except BaseException as error:
        bar.close(line_end=not ends_the_echoed_line(error))
        raise
    finally:
        bar.close()


@contextlib.contextmanager
def reading_notice(write: Callable[[str], object], what: str, show: bool, after: float = 0.5,
                   columns: Callable[[], int] = stderr_columns, tick: float = 0.25
                   ) -> Iterator[Callable[[int, int], None]]:
    """While the block runs, a line on the terminal saying what is being read, once it has run
    `after` seconds (a large NewsEdits file takes a while, before any bar can start), and how
    far, where the block counts the articles read with the function it is given (`done`,
    `total`): the line is drawn again every `tick` seconds when the count has moved, and
    cleared at the end. `write` writes on the terminal at once (`write_to_stderr`). The line is
    cut to one column less than the terminal's width (`columns`), as `ProgressBar` cuts its
    own: a longer one wraps, and clearing it leaves its first rows on the screen."""
    counts: list[tuple[int, int]] = []  # the last the block gave

    def articles_read(done: int, total: int) -> None:
        counts[:] = [(done, total)]

    if not show:
        yield articles_read
        return
    ended = threading.Event()
    drawn: list[tuple[int, int] | None] = []  # what the line shows, once it is written

    def draw_until_ended() -> None:
        if ended.wait(after):
            return
        while True:
            count = counts[-1] if counts else None
            if not drawn or drawn[-1] != count:
                how_far = "" if count is None else f" {count[0]:,}/{count[1]:,} articles"
                line = f"revdiff: reading {what}…{how_far}"[:max(columns() - 1, 0)]
                write(f"\r{line}\x1b[K")
                drawn[:] = [count]
            if ended.wait(tick):
                return

    drawer = threading.Thread(target=draw_until_ended, name="revdiff-reading", daemon=True)
    drawer.start()
    try:
        yield articles_read
    finally:
        ended.set()
        drawer.join()
        if drawn:
            write("\r\x1b[K")


@contextlib.contextmanager
def export_progress(bar: ProgressBar, tick: float = 1.0
                    ) -> Iterator[Callable[[ExportProgress], None]]:
    """The export's counts on the bar: inputs done, articles, pairs and pairs per second.

    The driver reports them as each article, or part of a long one (a live blog of hundreds of
    versions), is written; in between, the last report is drawn again every `tick` seconds with
    its elapsed time, so that the bar keeps going while a part is compared, until the block ends.
    """
    reported: list[ExportProgress] = []

    def draw(progress: ExportProgress) -> None:
        with bar.lock:
            reported[:] = [progress]
            fullest, *shorter = export_counts(progress)
            bar.show(progress.units_done, progress.units_total, fullest,
                     final=progress.finished is not None, shorter=shorter)

    def redraw_until_done() -> None:
        while not done.wait(tick):
            with bar.lock:
                if reported and reported[0].finished is None:
                    draw(reported[0])

    done = threading.Event()
    ticker = threading.Thread(target=redraw_until_done, name="revdiff-progress", daemon=True)
    ticker.start()
    try:
        yield draw
    finally:
        done.set()
        ticker.join()


def export_counts(progress: ExportProgress) -> list[str]:
    """The counts `export_progress` draws on the bar: the inputs done and the articles written,
    or the articles done out of those of the only input, where they are known; then pairs, pairs
    per second, the elapsed time and the time left; before the only input's first article, the
    pass the reader makes over it (`ExportProgress.unit_pass`) and the elapsed time. The first
    form holds them all; the shorter ones after it leave out, in turn, pairs per second, pairs
    and the elapsed time, for a narrow terminal to keep the bar (`ProgressBar.show`)."""
    from revdiff.export.progress import READING_INPUT  # loaded with the export already

    elapsed = _duration(progress.elapsed)
    if progress.unit_pass is not None and progress.finished is None:
        reading = ("reading 1 input…"
                   if progress.unit_pass == READING_INPUT or progress.unit_articles is None else
                   f"listing its articles… {_out_of(progress.articles_listed, progress.unit_articles)}")
        return [f"{reading}  {elapsed}"]
    if progress.unit_articles is not None:  # the run's only input: its share done is its articles'
        done = int(round(progress.units_done * progress.unit_articles, 6))
        counts = f"{_out_of(done, progress.unit_articles)} articles"
    else:
        counts = (f"{_out_of(int(progress.units_done), progress.units_total)} inputs  "
                  f"{progress.articles:,} articles")
    left = progress.seconds_left
    time_left = ([] if left is None else ["<0:01 left"] if 0 < left < 0.5  # (no `0:00` yet)
                 else [f"{_duration(left)} left"])
    pairs = f"{progress.pairs:,} pairs"
    pace = f"{progress.pairs_per_second:,.1f} pairs/s"
    return ["  ".join(fields) for fields in ([counts, pairs, pace, elapsed, *time_left],
                                              [counts, pairs, elapsed, *time_left],
                                              [counts, elapsed, *time_left],
                                              [counts, *time_left])]


def store_counts(done: int, total: int, *, finishing: bool = False) -> list[str]:
    """The counts `store` draws on the bar: the versions stored out of those to store, `done`
    taking its total's columns (`_out_of`) as export's counts do; once all are, that the run is
    finishing (moving the branch, writing the working tree). The first form holds it all; the
    shorter one leaves out the label, for a narrow terminal to keep the bar (`ProgressBar.show`).
    The counts take the finishing note's columns from the start (blank at the end), so that the
    bar does not shrink, or go, as the note is added."""
    counts = _out_of(done, total)
    noted = [f"storing versions: {counts}; finishing…", f"{counts}; finishing…"]
    if finishing:
        return noted
    return [form.ljust(len(note))
            for form, note in zip([f"storing versions: {counts}", f"{counts} versions"], noted,
                                  strict=True)]


def _out_of(done: int, total: int) -> str:
    """`done/total`, `done` taking as many columns as `total` (`    9/2,000`): the counts keep
    their width, and the bar its own (`ProgressBar`), as `done` gains digits."""
    total_text = f"{total:,}"
    return f"{done:>{len(total_text)},}/{total_text}"


# what the summary counts per format, in the singular (an `s` makes the plural)
ROWS_LABELS = {"jsonl": "edit row", "csv": "edit row", "parquet": "edit row",
               "sqlite": "edit row", "unified": "diff", "html": "report page"}


def summary_lines(progress: ExportProgress, workers_text: str, format_name: str,
                  columns: int = SUMMARY_COLUMNS) -> list[str]:
    """The export's summary: what it exported, then where to, then how long it took, each
    starting a line of its own, broken between its parts where it is wider than `columns`
    (`laid_out`, as `store`'s summary is). The names are shown as `message_text` shows them,
    and measured so."""
    rows = progress.articles if format_name == "html" else progress.rows
    exported = f"revdiff: exported {counted(progress.articles, 'article')}"
    what = ([f"{exported} ({progress.resumed_articles:,} from the interrupted run),"]
            if progress.resumed_articles else [f"{exported},"])
    what += [f"{counted(progress.pairs, 'version pair')},",
             counted(rows, ROWS_LABELS.get(format_name, "row"))]
    where = listed([message_text(str(path)) for path in progress.outputs], opening="to ")
    # a rate of no pairs would be a worker's work that was never done
    pace = ("(nothing left to compare: every pair came from the interrupted run)"
            if progress.resuming and progress.pairs == progress.resumed_pairs
            else f"({progress.pairs_per_second:,.1f} pairs/s, {workers_text})")
    how = [f"in {progress.elapsed:.1f} s",
           *([f"{pace};", f"skipped {progress.skips_counted}"] if progress.skipped_inputs
             else [pace])]
    return laid_out([what, where, how], columns)
