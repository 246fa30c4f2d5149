"""The app's work on a thread of its own: comparing long pairs, or reading a long pair's page again
(`f`, `F`) and comparing it, while the keys that need no comparison (quit, help) answer.

One job runs at a time; what is asked for meanwhile waits for it and is asked again after it (what
asks for the job's own pairs is not compared twice: it fails with the job when the job fails). The
job holds what the status line says of it (`comparing…`, `reading the page again…`), and a job of
several pairs counts them as they are compared (`comparing 12 of 39 pairs…`). Threads are daemons:
quitting does not wait for them.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from textual.timer import Timer

from revdiff.errors import RevdiffError
from revdiff.model import Version
from revdiff.terminal_text import visible
from revdiff.tui.session import ArticleSession

PAIRS_COUNT_SHOWN_EVERY = 0.25  # seconds between two counts of the pairs compared apart
# Pairs of versions this long together (characters of both versions of each) are compared on a
# thread of their own, the screen answering meanwhile (a pair of 60,000 paragraphs took 8.5 s, the
# timeline of a live blog's 40 versions of 400 paragraphs 3.5 s); shorter ones, at once.
LONG_PAIR_CHARACTERS = 300_000

Pair = tuple[int, int]


def are_long(session: ArticleSession, pairs: Sequence[Pair]) -> bool:
    """Whether the session's `pairs` are long enough together to be compared on a thread."""
    versions = session.article.versions
    return sum(len(paragraph) for pair in pairs for index in pair
               for paragraph in versions[index].paragraphs) >= LONG_PAIR_CHARACTERS


@dataclass(frozen=True)
class ComparisonFailure:
    """Why comparing a pair of versions failed, and which pair: the numbers of its versions."""

    old_number: int
    new_number: int
    error: Exception

    @classmethod
    def of(cls, versions: Sequence[Version], pair: Pair, error: Exception) -> ComparisonFailure:
        return cls(versions[pair[0]].number, versions[pair[1]].number, error)

    def notice(self) -> str:
        """`Cannot compare v1 → v2: ` and the error: the pair that failed may be another than
        the one on screen (one of the timeline's chain)."""
        return (f"Cannot compare v{self.old_number} → v{self.new_number}: "
                f"{visible(str(self.error))}")


@dataclass(frozen=True)
class Job:
    """A job on the thread: the article (its index among the inputs) and the pairs it compares,
    and what the status line says of it while it runs."""

    article: int
    pairs: tuple[Pair, ...]
    note: str


class Host(Protocol):
    """What the background work asks of the app (`RevdiffApp`)."""

    @property
    def article_index(self) -> int: ...

    @property
    def session(self) -> ArticleSession: ...

    def refresh_bindings(self) -> None: ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any) -> Any: ...

    def set_interval(self, interval: float, callback: Callable[[], None]) -> Timer: ...

    def comparison_failed_with(self, failure: ComparisonFailure) -> None:
        """Say which pair failed to compare and why."""

    def show_status(self) -> None:
        """Show the status line again, once the diff is laid out."""

    def lay_out_compared_pair(self) -> None:
        """Lay out the pair on screen if it had no layout and has a comparison now."""


class BackgroundWork:
    """The app's comparisons and readings apart: at once when what is left to do is short
    (`are_long` says which pairs are not), else on a thread of its own, one job at a time."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.job: Job | None = None  # the job on the thread, else None
        self._pairs_compared = 0  # of the job's pairs, how many the thread has compared so far
        self._counting_pairs: Timer | None = None  # shows that count while it grows
        self._waiting: list[Callable[[], None]] = []  # asked for meanwhile, asked again after it
        # asked for meanwhile of the job's own article and pairs: each asked again after it, or
        # when it fails, its `failed` called
        self._following: list[tuple[Callable[[], None], Callable[[], None] | None]] = []

    @property
    def running(self) -> bool:
        return self.job is not None

    def note(self) -> str:
        """What the status line says of the job: its note, or while it compares several pairs,
        which one (`comparing 12 of 39 pairs…`: the timeline of a live blog's 40 versions takes
        seconds); `comparing…` while a pair's comparison is awaited before its job starts."""
        if self.job is None:
            return "comparing…"
        pairs = self.job.pairs
        if len(pairs) < 2:
            return self.job.note
        return f"comparing {min(self._pairs_compared + 1, len(pairs))} of {len(pairs)} pairs…"

    def when_compared(self, pairs: Sequence[Pair], then: Callable[[], None],
                      until: Callable[[Pair], bool] | None = None, *, summaries: bool = False,
                      failed: Callable[[], None] | None = None) -> None:
        """Call `then` once the current article's `pairs` are compared (in their order, up to the
        first for which `until` holds), or with `summaries` once their summaries are (the
        timeline's and the chart's, which outlast the comparisons an article keeps): at once
        when those left to compare are short together, else when a thread of its own has
        compared them, so that the keys that need no comparison (quit, help) answer meanwhile
        and the status says `comparing…` (`comparing 12 of 39 pairs…` for several). When
        comparing fails, either way, the failure is said (`comparison_failed_with`) and `failed`,
        if given, is called in place of `then`."""
        host = self.host
        session = host.session
        is_ready, work = ((session.has_summary_of, session.pair_summary) if summaries
                          else (session.has_comparison_of, session.comparison_of))
        missing = tuple(pair for pair in pairs if not is_ready(*pair))

        def compare(*, counting: bool) -> ComparisonFailure | None:
            """Compare the pairs (up to `until`'s, which reads what was just compared), with
            `counting` the missing ones compared so far in `_pairs_compared`; the pair that failed
            and why, or None."""
            for pair in pairs:
                try:
                    work(*pair)
                except Exception as error:  # noqa: BLE001 - said on screen, as any failed command
                    return ComparisonFailure.of(session.article.versions, pair, error)
                if counting and pair in missing:
                    self._pairs_compared += 1
                if until is not None and until(pair):
                    break
            return None

        if not are_long(session, missing):
            failure = compare(counting=False)
            if failure is not None:
                host.comparison_failed_with(failure)
                if failed is not None:
                    failed()
            else:
                then()
            return
        job = Job(host.article_index, missing, "comparing…")
        if self.job is not None and (self.job.article, self.job.pairs) == (job.article, job.pairs):
            # the running job compares them (or reads their page again): not twice
            self._following.append((lambda: self.when_compared(
                pairs, then, until, summaries=summaries, failed=failed), failed))
            return
        if self.job is not None:  # one job at a time
            self._waiting.append(lambda: self.when_compared(pairs, then, until,
                                                            summaries=summaries, failed=failed))
            return
        self.job = job
        self._pairs_compared = 0
        if len(missing) > 1:  # a timer, not a call from the thread: it would wait for the app
            self._counting_pairs = host.set_interval(PAIRS_COUNT_SHOWN_EVERY, host.show_status)
        host.refresh_bindings()  # the footer shows only the keys that answer meanwhile
        host.show_status()

        def compare_apart() -> None:
            failure = compare(counting=True)
            with contextlib.suppress(RuntimeError):  # the app has quit meanwhile
                host.call_from_thread(self._done, job, failure, then, failed)

        threading.Thread(target=compare_apart, name="revdiff-compare", daemon=True).start()

    def read_again(self, change: Callable[[], None], done: Callable[[], None],
                   refused: Callable[[Exception], None]) -> None:
        """Make `change` to how the pair's page is read (a flip, or undoing the flips), compare the
        pair again and call `done`; or, when the change is refused (a row with no other reading),
        call `refused` with why. On a thread of its own when the pair is long, as when it was
        first compared (`when_compared`): reading a live blog's page of 1,500 rows again and
        comparing its pair took 2 s on the app's loop, no key answering."""
        host = self.host
        session = host.session

        def read_again() -> Exception | None:
            try:
                change()
            except (ImportError, ValueError, RevdiffError) as error:
                return error
            return None

        if not are_long(session, [session.pair]):
            error = read_again()
            if error is not None:
                refused(error)
            else:
                done()
            return
        if self.job is not None:  # one job at a time
            self._waiting.append(lambda: self.read_again(change, done, refused))
            return
        job = Job(host.article_index, (session.pair,), "reading the page again…")
        self.job = job
        host.refresh_bindings()  # the footer shows only the keys that answer meanwhile
        host.show_status()

        def read_apart() -> None:
            error = read_again()
            failure = None
            if error is None:
                try:
                    session.comparison()
                except Exception as compare_error:  # noqa: BLE001 - said on screen
                    failure = ComparisonFailure.of(session.article.versions, session.pair,
                                                   compare_error)
            then = (lambda: refused(error)) if error is not None else done
            with contextlib.suppress(RuntimeError):  # the app has quit meanwhile
                host.call_from_thread(self._done, job, failure, then, None)

        threading.Thread(target=read_apart, name="revdiff-read-again", daemon=True).start()

    def _done(self, job: Job, failure: ComparisonFailure | None, then: Callable[[], None],
              failed: Callable[[], None] | None) -> None:
        """On the app's loop, once the thread has done `job`: `then`, or on a failure, say it and
        `failed`, when the job's article is still on screen, and so for what asked for the job's
        own pairs meanwhile; then what waited for the job."""
        host = self.host
        self.job = None
        if self._counting_pairs is not None:
            self._counting_pairs.stop()
            self._counting_pairs = None
        host.refresh_bindings()
        following, self._following = self._following, []
        on_screen = job.article == host.article_index
        if failure is not None:
            host.comparison_failed_with(failure)
            for fail in [failed, *(fail_too for _, fail_too in following)]:
                if fail is not None and on_screen:
                    fail()
        elif on_screen:
            then()
            for ask_again, _ in following:  # answered at once if the job compared the pairs
                ask_again()
        host.lay_out_compared_pair()  # the pair on screen, whose comparison failed, compared
        waiting, self._waiting = self._waiting, []
        for ask in waiting:
            ask()
        host.show_status()
