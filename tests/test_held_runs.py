"""The held exports of tests/held_runs.py end with the test that started them, even one that
failed half-way: a `wait_for` that never got there left its export, and its pool, waiting on
standard input until pytest ended. And the helpers that wait on a held export fail, not hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from held_runs import held_export, output_line, session_processes, wait_for

TESTS = Path(__file__).resolve().parent

# A test that holds a `--workers 2` export and fails while it runs, then one that looks for the
# processes of that export's session.
FAILS_HOLDING_AN_EXPORT = '''
from pathlib import Path

from held_runs import held_export, output_line, session_processes, wait_for

SESSION = Path(__file__).with_name("session")


def test_fails_while_an_export_is_held(tmp_path):
    process = held_export({corpus!r}, "-o", str(tmp_path / "e.jsonl"), "-q", "--workers", "2")
    SESSION.write_text(str(process.pid))
    wait_for(lambda: len(session_processes(process.pid)) >= 3, process)  # the pool is up
    assert False, "failed on purpose"


def test_then_nothing_of_its_session_runs():
    assert session_processes(int(SESSION.read_text())) == []
'''


def test_a_failed_test_leaves_no_held_export_running(tmp_path: Path) -> None:
    corpus = TESTS.parent / "samples" / "versions"
    (tmp_path / "test_held.py").write_text(FAILS_HOLDING_AN_EXPORT.format(corpus=str(corpus)))
    # tests/conftest.py as a plugin: its fixtures, on a test outside tests/.
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), str(tmp_path / "test_held.py")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "PYTHONPATH": str(TESTS)})
    assert "1 failed, 1 passed" in result.stdout, result.stdout + result.stderr
    assert "failed on purpose" in result.stdout


def test_wait_for_an_export_that_ended_early_fails_while_its_stderr_is_held(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export ends at once (a missing input) while a process it started keeps its stderr
    open, as a worker that outlives its driver does: `wait_for` fails with the export's error
    line, the holder still running. It read stderr to its end, and so waited for the holder."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import subprocess\nsubprocess.Popen(['sleep', '60'], stdin=subprocess.DEVNULL,"
        " stdout=subprocess.DEVNULL)\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(hook), os.environ["PYTHONPATH"]]))
    process = held_export(str(tmp_path / "missing"), "-o", str(tmp_path / "e.jsonl"))
    with pytest.raises(AssertionError, match="ended early: revdiff: error: .*missing"):
        wait_for(lambda: False, process)
    assert session_processes(process.pid), "wait_for waited until stderr's holder ended"


def test_output_line_of_an_export_that_writes_nothing_fails(tmp_path: Path) -> None:
    """An export whose only input is the held standard input writes no row before it is
    released: `output_line` fails when its time is up. A `readline()` waited for ever."""
    process = held_export("-o", "-", "--format", "jsonl", stdout=subprocess.PIPE)
    with pytest.raises(pytest.fail.Exception, match="wrote no line of output in 1 s"):
        output_line(process, seconds=1)
    assert process.poll() is None  # still held: the time ran out, the export did not end
