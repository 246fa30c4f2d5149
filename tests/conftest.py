"""Shared test settings.

Property tests draw the same examples on every run, so that CI passes or fails on the code, not
on the luck of the draw. Set REVDIFF_HYPOTHESIS=explore to draw fresh random examples instead
(a failure found that way prints the example to add as a regression test).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from held_runs import end_held_runs
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("REVDIFF_HYPOTHESIS") == "explore" else "repeatable")

# A shell starts a background job with SIGINT ignored, and Python then leaves it ignored: the
# tests of what Ctrl-C does (in this process, and in the revdiff processes they start, which
# inherit an ignored signal) would see none. Python's own handler, as in a foreground run.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# The processes the tests start (`python -m revdiff`, Dask's workers) import this checkout's
# revdiff, wherever they run: from another folder, `-m` would import the revdiff installed in the
# environment, which may be another checkout's.
CHECKOUT = str(Path(__file__).resolve().parents[1])
os.environ["PYTHONPATH"] = os.pathsep.join(
    [CHECKOUT, *(p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p)])

# Those processes write their output as a user's do: Python buffers a pipe or a file unless
# PYTHONUNBUFFERED is set, and a developer's environment that sets it hid what a buffered stdout
# does (a failed write's text written again as Python exits: exit code 120). A test that wants
# stdout unbuffered sets it itself.
os.environ.pop("PYTHONUNBUFFERED", None)


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the settings of the person running them: an empty config directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("REVDIFF_CONFIG", raising=False)


@pytest.fixture(autouse=True)
def held_runs_end() -> Iterator[None]:
    """The exports a test held (`held_runs.held_export`) end with the test, whether it passed or
    failed: none outlives it waiting on its standard input."""
    yield
    end_held_runs()


@pytest.fixture(scope="session")
def trafilatura() -> ModuleType:
    """trafilatura, the optional extra that reads saved publisher pages: a test that asks for it
    is skipped, saying why, where it (or the lxml HTML cleaner it imports) is not installed."""
    return pytest.importorskip("trafilatura", reason="needs trafilatura, which is not installed "
                                                     "(pip install 'revdiff[snapshots]')")
