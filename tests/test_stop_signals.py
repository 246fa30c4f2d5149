"""The two ways `stops_held` lets a SIGTERM through a held step, side by side: what a first
SIGTERM, a second one, and Ctrl-C do within each, where SIGTERM has its default handler and where
`sigterm_as_interrupt` installed its own."""

from __future__ import annotations

import subprocess
import sys

import pytest

# A child that holds stops with FORM (`not-ending-at-once`:
# `stops_held(stops_not_ending_at_once())`; `second-at-once`:
# `stops_held(second_sigterm_at_once=True)`, the export's; `both`: the two at once, the store's
# once stopped), SIGTERM's handler HANDLER
# (`default`, or `installed` by `sigterm_as_interrupt`), sends itself the signals SENT (`TERM`,
# `INT`, comma-separated; those before a `|` before the block), and prints what came of each.
CHILD = """
import contextlib, signal, sys
from revdiff.stop_signals import (sigterm_as_interrupt, stops_held,
                                  stops_not_ending_at_once)
form, handler, sent = sys.argv[1:]
before, _, within = sent.rpartition("|")
def held():
    if form == "not-ending-at-once":
        return stops_held(stops_not_ending_at_once())
    if form == "both":
        return stops_held(stops_not_ending_at_once(), second_sigterm_at_once=True)
    return stops_held(second_sigterm_at_once=True)
with sigterm_as_interrupt() if handler == "installed" else contextlib.nullcontext():
    try:
        for name in filter(None, before.split(",")):
            signal.raise_signal(getattr(signal, "SIG" + name))
    except KeyboardInterrupt as stop:
        print("before:", type(stop).__name__, flush=True)
    try:
        with held():
            for name in within.split(","):
                signal.raise_signal(getattr(signal, "SIG" + name))
                print("held", name, flush=True)
        print("block ended", flush=True)
    except KeyboardInterrupt as stop:
        print("raised", type(stop).__name__, flush=True)
"""

BOTH = ("not-ending-at-once", "second-at-once")


def came_of(form: str, handler: str, sent: str) -> tuple[int, list[str]]:
    child = subprocess.run([sys.executable, "-c", CHILD, form, handler, sent],
                           capture_output=True, text=True, timeout=60, check=False)
    assert child.stderr == ""
    return child.returncode, child.stdout.splitlines()


@pytest.mark.parametrize("form", BOTH)
@pytest.mark.parametrize(("handler", "sent", "came"), [
    # with `sigterm_as_interrupt`: a first SIGTERM, or Ctrl-C, is held and raised at the end
    ("installed", "TERM", (0, ["held TERM", "raised Terminated"])),
    ("installed", "INT", (0, ["held INT", "raised KeyboardInterrupt"])),
    ("installed", "INT,TERM", (0, ["held INT", "held TERM", "raised KeyboardInterrupt"])),
    # a SIGTERM after a first one that came before the block ends the process at once
    ("installed", "TERM|TERM", (-15, ["before: Terminated"])),
])
def test_both_forms_hold_alike(form: str, handler: str, sent: str,
                               came: tuple[int, list[str]]) -> None:
    assert came_of(form, handler, sent) == came


@pytest.mark.parametrize(("form", "handler", "sent", "came"), [
    # a second SIGTERM after a first that came within the block: held, or at once
    ("not-ending-at-once", "installed", "TERM,TERM",
     (0, ["held TERM", "held TERM", "raised Terminated"])),
    ("second-at-once", "installed", "TERM,TERM", (-15, ["held TERM"])),
    # SIGTERM's default: not held (the process ends at once), or held to the end of the block
    ("not-ending-at-once", "default", "TERM", (-15, [])),
    ("second-at-once", "default", "TERM", (-15, ["held TERM"])),
])
def test_where_the_forms_differ(form: str, handler: str, sent: str,
                                came: tuple[int, list[str]]) -> None:
    assert came_of(form, handler, sent) == came


@pytest.mark.parametrize(("handler", "sent", "came"), [
    ("installed", "TERM", (0, ["held TERM", "raised Terminated"])),
    ("installed", "INT,TERM", (0, ["held INT", "held TERM", "raised KeyboardInterrupt"])),
    ("installed", "INT,TERM,TERM", (-15, ["held INT", "held TERM"])),
    ("installed", "TERM|TERM", (-15, ["before: Terminated"])),
    ("default", "TERM", (-15, [])),
])
def test_both_forms_at_once_let_every_sigterm_that_ends_the_process_through(
        handler: str, sent: str, came: tuple[int, list[str]]) -> None:
    """The store, once stopped, holds a first SIGTERM (or Ctrl-C) and lets through at once a
    second SIGTERM, also one that comes after a first within the block, and one whose handler
    is SIGTERM's default."""
    assert came_of("both", handler, sent) == came
