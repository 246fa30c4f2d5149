"""Helpers for the TUI tests: sample paths, a runner for async pilot tests, and readers of what the
app shows on screen. (No pytest-asyncio here: each async test runs in its own event loop.)"""

from __future__ import annotations

import asyncio
import functools
import importlib
import io
import re
from collections.abc import Callable, Coroutine, Iterable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from revdiff.formats import load
from revdiff.model import Article
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.pair_header import PairHeader
from revdiff.tui.status_line import StatusLine

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CHAIN = SAMPLES / "versions" / "us-deploys-troops-after-soleimani-strike"
PAGE = SAMPLES / "washpo-soleimani-v6-v7.txt"


def load_one(path: Path) -> Article:
    return load([str(path)])[0]


async def wait_until(pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Let the app run until `done` holds, for at most 5 s (a thread compares apart meanwhile)."""
    for _ in range(100):
        await pilot.pause(0.05)
        if done():
            return


async def footer_hints(app: RevdiffApp, pilot: Pilot[None]) -> list[str]:
    """The footer's hints as it shows them (`n next`), once Textual has composed them: it does so
    after the screen's bindings are in place, which a loaded machine may not have reached at the
    first pause (the footer was found empty)."""
    await wait_until(pilot, lambda: bool(app.query("FooterKey")))
    return [str(key.render()).strip() for key in app.query("FooterKey")]


async def export_written(app: RevdiffApp, pilot: Pilot[None]) -> None:
    """Let the export dialog's thread finish writing, and the dialog take in how it went (it
    closes, or says why the file was not written); nothing when no file was being written."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def rendered_text(renderables: Iterable[object], width: int) -> str:
    """Rich renderables as the plain text a terminal `width` wide shows, printed into a string:
    a Console of its own would print them onto the tests' output too."""
    console = Console(width=width, file=io.StringIO(), record=True)
    for renderable in renderables:
        console.print(renderable)
    return console.export_text()


def shown_text(app: RevdiffApp) -> str:
    """The text of the screen's Static widgets (the help), as a terminal 120 wide shows it."""
    return rendered_text((static.content for static in app.screen.query(Static)), width=120)


def on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `revdiff view` see a terminal that can draw the app: stdout and keys on one, and a
    TERM other than dumb (which it refuses) whatever the tests run in."""
    view_module = importlib.import_module("revdiff.cli.view")  # `revdiff.cli.view` is also the command
    monkeypatch.setattr(view_module, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(view_module, "keyboard_on_stdin", lambda: True)
    monkeypatch.setenv("TERM", "xterm-256color")


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test function to completion in a fresh event loop."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper


def diff_lines(app: RevdiffApp) -> list[str]:
    """The diff rows on screen, as text."""
    return app.query_one(DiffView).visible_text()


def shown_words(app: RevdiffApp) -> str:
    """The unified view's text on screen with gutters removed and wrapped lines joined."""
    return re.sub(r"\s+", " ", " ".join(line[3:] for line in diff_lines(app)))


def status_text(app: RevdiffApp) -> str:
    return str(app.query_one(StatusLine).content)


def header_text(app: RevdiffApp) -> str:
    return str(app.query_one(PairHeader).content)


def current_edit_text(app: RevdiffApp) -> str:
    edit = app.query_one(DiffView).current_edit
    assert edit is not None, "no edit under the cursor"
    found = app.session.comparison().edits[edit]
    return found.new_text or found.old_text
