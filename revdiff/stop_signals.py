"""SIGTERM handled as Ctrl-C is: a run that `kill`, `timeout` or a batch scheduler stops takes the
same way out as one stopped with Ctrl-C, its cleanup done and its finished part kept.

Python turns SIGINT into KeyboardInterrupt, and the code that must clean up catches that. SIGTERM's
default ends the process at once: no `finally` runs, the pool's semaphores are left for Python's
resource tracker to complain about, and the user is told nothing. Within `sigterm_as_interrupt()`
the first SIGTERM raises `Terminated`, a KeyboardInterrupt, wherever Ctrl-C would have; a second
one ends the process at once, as its default does, for a user who means it.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from revdiff.errors import INTERRUPTED_EXIT, TERMINATED_EXIT


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: the run stops as after Ctrl-C, with its own message and exit status."""


def _raise_terminated(_signal_number: int, _frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
    raise Terminated


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within: SIGTERM raises `Terminated` in the main thread (call it from the main thread)."""
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_reason(stop: KeyboardInterrupt) -> str:
    """How the run was stopped, as its message says it: `interrupted` or `stopped by SIGTERM`."""
    return "stopped by SIGTERM" if isinstance(stop, Terminated) else "interrupted"


def stop_exit_code(stop: KeyboardInterrupt) -> int:
    """The exit status, as shells report a process ended by that signal: 130 or 143."""
    return TERMINATED_EXIT if isinstance(stop, Terminated) else INTERRUPTED_EXIT
