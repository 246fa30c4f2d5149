"""SIGTERM handled as Ctrl-C is: a run that `kill`, `timeout` or a batch scheduler stops takes the
same way out as one stopped with Ctrl-C, its cleanup done and its finished part kept.

Python turns SIGINT into KeyboardInterrupt, and the code that must clean up catches that. SIGTERM's
default ends the process at once: no `finally` runs, the pool's semaphores are left for Python's
resource tracker to complain about, and the user is told nothing. Within `sigterm_as_interrupt()`
the first SIGTERM raises `Terminated`, a KeyboardInterrupt, wherever Ctrl-C would have; a second
one ends the process at once, as its default does, for a user who means it, after the last words
of `said_if_ended_at_once()` where they were given.

Either arrives between two bytecodes, so a step that changes two things that must agree (a
checkpoint's data and the count of finished articles) can be cut between them: `stops_held()`
makes Ctrl-C and SIGTERM wait for the end of such a step, then act as they would have.

`python -m revdiff` ends by SIGINT, whatever exit status the run chose, when a KeyboardInterrupt
escaped code evaluated from a string, though the run caught it: `forget_caught_interrupts()`.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import FrameType

from revdiff.errors import INTERRUPTED_EXIT, TERMINATED_EXIT


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the run stops as after Ctrl-C, with its own message and exit status."""


_terminated = threading.Event()  # SIGTERM came within `sigterm_as_interrupt()`
_last_words: list[Callable[[], None]] = []  # said before a second SIGTERM ends the process


def _raise_terminated(_signal_number: int, _frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, _end_at_once)  # a second SIGTERM ends the process at once
    _terminated.set()
    raise Terminated


def _end_at_once(_signal_number: int, _frame: FrameType | None) -> None:
    """A second SIGTERM: the last words said (`said_if_ended_at_once`), the process ends as
    SIGTERM's default ends it."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for say in _last_words[-1:]:
        with suppress(Exception):  # (stderr may be mid-write: the process ends all the same)
            say()
    _remove_semaphores()
    signal.raise_signal(signal.SIGTERM)


def _remove_semaphores() -> None:
    """Remove the named semaphores this process's multiprocessing objects made (an export's
    worker pool and its queues), as their finalizers do when the process exits. A process ended
    at once leaves them to Python's resource tracker, which removes them too but says so on
    stderr (`There appear to be 11 leaked semaphore objects`), a line after the run's last words.
    multiprocessing keeps its finalizers in a private registry: no public call runs them."""
    util = sys.modules.get("multiprocessing.util")
    synchronize = sys.modules.get("multiprocessing.synchronize")
    if util is None or synchronize is None:  # no semaphore was made
        return
    # private names, looked up so that a Python without them leaves the tracker's line, no error
    registry = getattr(util, "_finalizer_registry", None)
    cleanup = getattr(getattr(synchronize, "SemLock", None), "_cleanup", None)
    if not isinstance(registry, dict) or cleanup is None:
        return
    for finalizer in list(registry.values()):
        if getattr(finalizer, "_callback", None) is cleanup:
            with suppress(Exception):  # (the tracker in use by the code the signal cut)
                finalizer()


@contextmanager
def said_if_ended_at_once(say: Callable[[], None]) -> Iterator[None]:
    """Within: a second SIGTERM, which ends the process at once, first calls `say`, which says
    in one line what the run leaves."""
    _last_words.append(say)
    try:
        yield
    finally:
        _last_words.remove(say)


def stops_not_ending_at_once() -> tuple[int, ...]:
    """Ctrl-C and SIGTERM, but a SIGTERM whose handler ends the process at once as this is
    called (its default, or the second within `sigterm_as_interrupt()`): what `stops_held`
    holds where a user who means it is not to wait, as while a stopped run puts away what it
    did, with `second_sigterm_at_once` for a second SIGTERM within the block (see
    `stops_held`)."""
    return tuple(number for number in (signal.SIGINT, signal.SIGTERM)
                 if signal.getsignal(number) not in (signal.SIG_DFL, _end_at_once))


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within: SIGTERM raises `Terminated` in the main thread (call it from the main thread)."""
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        _terminated.clear()


@contextmanager
def stops_held(signals: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM), *,
               second_sigterm_at_once: bool = False) -> Iterator[None]:
    """Within: Ctrl-C and SIGTERM (or only those of `signals`) are noted, not acted on; when the
    block ends, each that came is handled as it would have been (KeyboardInterrupt, `Terminated`,
    or the default), also when the block raised: the stop then replaces its error (kept as the
    stop's `__context__`), as the user asked for it. With `second_sigterm_at_once`, for a step
    that may take seconds and that the process may die in (nothing half written), a second
    SIGTERM within `sigterm_as_interrupt()` ends the process at once, as it does outside.
    Only the main thread runs signal handlers: elsewhere nothing changes.

    The two ways to let a second SIGTERM through differ (tests/test_stop_signals.py):
    `stops_held(stops_not_ending_at_once())` decides as the block starts: a SIGTERM that would
    end the process at once then (its default, or a second one) still does, and one that would
    raise is held, a second one within the block too. `stops_held(second_sigterm_at_once=True)`
    holds a SIGTERM with its default handler to the end of the block, and lets through at once
    a second one that comes after a first one was held. Together they hold Ctrl-C, and of SIGTERM
    only a first one within `sigterm_as_interrupt()`."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {number: signal.getsignal(number) for number in signals}
    installed = [number for number, handler in previous.items() if handler is not None
                 and not (second_sigterm_at_once and handler is _end_at_once)]

    def note(came: int, _frame: FrameType | None) -> None:
        arrived.append(came)
        if second_sigterm_at_once and previous.get(came) is _raise_terminated:
            signal.signal(came, _end_at_once)  # the first SIGTERM, noted: a second ends it

    for number in installed:
        signal.signal(number, note)
    try:
        yield
    finally:
        for number in installed:
            signal.signal(number, previous[number])
        for came in dict.fromkeys(arrived):
            handler = previous[signal.Signals(came)]
            if callable(handler):
                handler(came, None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(came)


def sigterm_came() -> bool:
    """Whether SIGTERM has stopped the run within `sigterm_as_interrupt()` (raised `Terminated`)."""
    return _terminated.is_set()


def stop_dropped_by_callback() -> KeyboardInterrupt:
    """The stop to raise again where a callback dropped it (sqlite3 takes any exception in a
    progress handler for a request to interrupt the query, and drops it): `Terminated` once
    SIGTERM came within `sigterm_as_interrupt()`, else KeyboardInterrupt, as Ctrl-C raises."""
    return Terminated() if sigterm_came() else KeyboardInterrupt()


def forget_caught_interrupts() -> None:
    """Clear CPython's mark of a KeyboardInterrupt that escaped code evaluated from a string (an
    `exec` or `eval` of text: a dataclass's methods are made so, as the module that defines it is
    imported, which most of revdiff's modules are only when a run first needs them). CPython takes
    the mark for a Ctrl-C that escaped the whole program, and a `python -m` run it is on ends by
    SIGINT (a Python parent sees -2) after its `interrupted` line, where the run caught the stop
    and chose 130. Each evaluation of a string clears the mark as it starts: an empty one clears
    it. A Ctrl-C that comes within it escapes, and marks it again, as it should."""
    exec("")  # noqa: S102 - an empty text: nothing runs but the clearing


def stop_reason(stop: KeyboardInterrupt) -> str:
    """How the run was stopped, as its message says it: `interrupted` or `stopped by SIGTERM`."""
    return "stopped by SIGTERM" if isinstance(stop, Terminated) else "interrupted"


def stop_exit_code(stop: KeyboardInterrupt) -> int:
    """The exit status, as shells report a process ended by that signal: 130 or 143."""
    return TERMINATED_EXIT if isinstance(stop, Terminated) else INTERRUPTED_EXIT
