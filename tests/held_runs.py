"""Running `revdiff` as a user does, in a child process, for the export and atomic-write tests.

`held_export` starts an export whose last input is standard input and keeps stdin open: the run
does all the other inputs and then waits, so a test can act on a run that is certainly still going
(kill it, start a second one) however fast the machine is, and then let it finish by writing the
last article and closing stdin. Whatever a test does, its held exports end with it: the
`held_runs_end` fixture (tests/conftest.py) kills the process group of each one still running.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

# The article that standard input holds: a NewsDiffs page of two versions.
LAST_ARTICLE = (Path(__file__).resolve().parents[1] / "samples" / "newsdiffs"
                / "us-deploys-troops-v1-v2-raw.html").read_bytes()


def refused_at_once(*args: str, naming: str) -> str:
    """Run revdiff on an input planted with a FIFO (or what else could make it wait): it must
    refuse it with one line on stderr that names `naming`, exit 2, and never wait. Its stderr."""
    try:
        result = subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True,
                                text=True, timeout=20, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"revdiff waited on {naming}")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert naming in result.stderr, result.stderr
    return result.stderr


def _default_interrupts() -> None:
    """A shell starts background jobs with SIGINT ignored, and Python then keeps ignoring it:
    give the child the default, so that Python installs its KeyboardInterrupt handler (and
    SIGTERM's, whatever the test runner was started with)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


# The held exports the running test started, for `end_held_runs`.
_held: list[subprocess.Popen[bytes]] = []


def held_export(*args: str, stdout: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    """`revdiff export ARGS -` (stdin last), in its own session, with stdin kept open; its
    standard output goes to `stdout` (`subprocess.PIPE` to read it with `output_line`, which
    leaves the rest to `release_with_output`)."""
    process = subprocess.Popen([sys.executable, "-m", "revdiff", "export", *args, "-"],
                               stdin=subprocess.PIPE, stdout=stdout, bufsize=0,
                               stderr=subprocess.PIPE, start_new_session=True,
                               preexec_fn=_default_interrupts)  # noqa: PLW1509 - tests start no threads
    _held.append(process)
    return process


def end_held_runs() -> None:
    """Kill what is left of the held exports started since the last call, each with its process
    group (its workers), and reap them: a test that failed half-way (a `wait_for` that never got
    there) left its export waiting on stdin for ever, and its workers with it."""
    while _held:
        process = _held.pop()
        if process.poll() is None or session_processes(process.pid):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass  # ended meanwhile
        process.wait()
        deadline = time.monotonic() + 30
        while session_processes(process.pid) and time.monotonic() < deadline:
            time.sleep(0.01)  # the pool's processes, not ours to wait for, die a moment later
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream:
                stream.close()


def release(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    """Give the held export its last input and wait for it: (exit code, stderr). A run that
    hangs is killed with its workers, so that a failed test leaves nothing running."""
    code, _, stderr = release_with_output(process)
    return code, stderr


def release_with_output(process: subprocess.Popen[bytes]) -> tuple[int, bytes, str]:
    """`release` for an export held with `stdout=subprocess.PIPE`: (exit code, the rest of its
    standard output, stderr)."""
    try:
        stdout, stderr = process.communicate(LAST_ARTICLE, timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    return process.returncode, stdout or b"", stderr.decode()


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes],
             seconds: float = 120, named: str = "the held export") -> None:
    """Wait until `condition` holds; fail, saying so of the process `named`, where `process`
    ends first (with what it wrote on stderr) or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, f"{named} ended early: " + _stderr_now(process)
        assert time.monotonic() < deadline, f"{named} never got there in {seconds:g} s"
        time.sleep(0.01)


def output_line(process: subprocess.Popen[bytes], seconds: float = 120) -> bytes:
    """The next line of a held export's standard output (`stdout=subprocess.PIPE`), read a byte
    at a time so that the rest stays for `release_with_output`; the test fails if no whole line
    comes within `seconds` (an export that writes nothing would hang it otherwise)."""
    assert process.stdout is not None, "the export was held without stdout=subprocess.PIPE"
    deadline = time.monotonic() + seconds
    line = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                pytest.fail(f"the held export wrote no line of output in {seconds:g} s"
                            f" (so far: {bytes(line)[:200]!r})")
            byte = os.read(process.stdout.fileno(), 1)
            if not byte:
                pytest.fail(f"the held export's output ended before a whole line"
                            f" (so far: {bytes(line)[:200]!r}): {_stderr_now(process)}")
            line += byte
    return bytes(line)


def _stderr_now(process: subprocess.Popen[bytes], seconds: float = 1) -> str:
    """What the held export wrote on stderr, read until its end or for `seconds` at most: a
    worker that outlives the export holds the pipe open, and a plain read would wait for it."""
    if process.stderr is None:
        return ""
    deadline = time.monotonic() + seconds
    text = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0 and selector.select(left):
            chunk = os.read(process.stderr.fileno(), 65536)
            if not chunk:
                break
            text += chunk
    return text.decode(errors="replace")


def blocked_writing(process: int) -> bool:
    """Whether the main thread of `process` waits to write into a full pipe (its standard
    output, when the test reads none of it for now)."""
    try:
        with open(f"/proc/{process}/wchan", encoding="ascii") as handle:
            return handle.read().endswith("pipe_write")  # anon_pipe_write in Linux 6.16 on
    except OSError:
        return False


def _live_processes() -> dict[int, tuple[int, int]]:
    """Every live (not zombie) process: its parent and its session, by process id."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            found[int(entry)] = (int(fields[1]), int(fields[3]))
    return found


def session_processes(session: int) -> list[int]:
    """Live processes of a session: the driver and everything it started."""
    return [pid for pid, (_, of_session) in _live_processes().items() if of_session == session]


def child_processes(parent: int) -> list[int]:
    """The live processes `parent` started (its children, not theirs)."""
    return sorted(pid for pid, (of_parent, _) in _live_processes().items() if of_parent == parent)


def pool_workers(driver: int) -> list[int]:
    """The live worker processes of a driver's `--workers N` pool: the children of its children
    (the forkserver forks them; the resource tracker, its other child, has none)."""
    processes = _live_processes()
    children = {pid for pid, (parent, _) in processes.items() if parent == driver}
    return sorted(pid for pid, (parent, _) in processes.items() if parent in children)


def dask_workers(driver: int) -> list[int]:
    """The live worker processes of a driver's local Dask cluster (`--dask`): the children its
    nannies, which run in the driver, start with multiprocessing's spawn."""
    workers = []
    for pid, (parent, _) in _live_processes().items():
        if parent != driver:
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                command = handle.read()
        except OSError:
            continue
        if b"spawn_main" in command:
            workers.append(pid)
    return sorted(workers)
