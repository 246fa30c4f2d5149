"""Writing many commits at once through one `git fast-import` process.

The stream holds each version inline (`M 100644 inline <path>`), so no marks file is needed.
fast-import moves its ref only at a `checkpoint` and at the end, and only as a fast-forward: a
run killed midway leaves the ref at its last checkpoint (a valid commit whose objects are all
written) plus, at worst, an unreferenced pack that `git gc` removes. The store imports onto a
private ref (`revdiff.formats.git_layout.import_ref`) and moves the branch at the end; the next
run puts what a killed run checkpointed on the branch (`private_ref.adopt_unfinished_import`) and
writes the rest.
A run killed while fast-import moved the ref also leaves the ref's lock; the next run removes it.
A run stopped (Ctrl-C, SIGTERM) waits for fast-import to store what it was given, also while a
commit waits for room in fast-import's pipe, but not for ever: fast-import, in a session of its
own, gets no Ctrl-C from the terminal, and one that stalls is ended after a while
(`ImportEndedAfterStop`), as a killed run's is.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import tempfile
import time
from collections.abc import Callable
from types import TracebackType
from typing import BinaryIO, Self

from revdiff.errors import StoreError
from revdiff.safe_git import git_complaint, git_executable, room_to_make, writing_environment
from revdiff.stop_signals import Terminated, stop_reason, stops_held

AUTHOR = "revdiff <revdiff@localhost>"

# How long a stopped run waits for fast-import before it says what it waits for (at most the
# whole wait): most imports end well within it, and the stop's line then comes alone.
SECONDS_BEFORE_SAYING_THE_WAIT = 1.0

# How long a wait for fast-import blocks before it looks again: Python runs a signal's handler
# between two steps, and a wait blocked in the system is woken only by a signal that comes once it
# blocks; a Ctrl-C that came just before (or went to another thread) is acted on when it returns.
SECONDS_BETWEEN_LOOKS_FOR_A_STOP = 0.1


class TimeAfterAStop:
    """The time a stopped run has left for git: `seconds` from the stop, shared by the wait for
    fast-import and the git commands after it, so that the run ends by then, before a
    scheduler's SIGKILL. The time runs from the first time `deadline` is asked for, as the run
    handles the stop."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._deadline: float | None = None

    def deadline(self) -> float:
        """When the time is up (of `time.monotonic`)."""
        if self._deadline is None:
            self._deadline = time.monotonic() + self.seconds
        return self._deadline


class ImportEndedAfterStop(Exception):
    """After `stop`, fast-import did not end in time (or a second stop came while the run
    waited for it) and was ended: its ref stays at its last checkpoint. `how` says so
    (`git fast-import did not end within 20 s of the stop and was ended`)."""

    def __init__(self, stop: KeyboardInterrupt, how: str) -> None:
        super().__init__(how)
        self.stop = stop
        self.how = how


class FastImport:
    """A running `git fast-import` that appends commits to one ref.

    Use as a context manager; `commit` for each version, then leave the block to finish the
    import. Leaving with Ctrl-C or SIGTERM (a KeyboardInterrupt, which comes between two
    commits, or as one waits for room in fast-import's pipe) finishes it too, with the commits
    given it so far, waiting until `after_a_stop` is up at most (and telling `waiting` the stop and
    what it waits for, when that takes a while): an import that has not ended by then, or by a
    second stop, is ended and raises `ImportEndedAfterStop`;
    leaving with another exception aborts: the ref keeps its last checkpoint. fast-import runs
    in a session of its own, so that a Ctrl-C at the terminal reaches revdiff only, which
    decides.
    """

    def __init__(self, git_dir: str, ref: str, parent: str | None,
                 checkpoint_every: int = 1000, checkpoint_seconds: float = 10.0,
                 after_a_stop: TimeAfterAStop | None = None,
                 waiting: Callable[[KeyboardInterrupt, str], None] | None = None,
                 given: Callable[[int], None] | None = None) -> None:
        self.git_dir = git_dir
        self.ref = ref
        self.parent = parent
        self.checkpoint_every = checkpoint_every
        self.checkpoint_seconds = checkpoint_seconds
        self.after_a_stop = after_a_stop or TimeAfterAStop(20.0)
        self.waiting = waiting
        # told 1 as each commit is given, with the stops held that `commits` is counted under:
        # a progress bar then counts each commit a stop leaves to be stored, as the run's count
        self.given = given
        self.commits = 0
        self._since_checkpoint = 0
        self._last_checkpoint = time.monotonic()
        self._process: subprocess.Popen[bytes] | None = None
        self._stdin: BinaryIO | None = None
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the import
        self._unwritten = b""  # of the stream, not yet taken by fast-import (`_send`)
        self._done_given = False  # the stream's end is in `_unwritten`, or sent

    def __enter__(self) -> Self:
        executable = git_executable()
        env = dict(os.environ, GIT_DIR=self.git_dir, **writing_environment())
        try:
            self._process = subprocess.Popen(
                # Light zlib: most of the size is saved by deltas, most of the time by zlib.
                [executable, "-c", "pack.compression=1", "fast-import", "--quiet", "--done"],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self._stderr, env=env,
                start_new_session=True, bufsize=0,  # (`_send` writes, and keeps what is left)
            )
        except OSError as error:
            raise StoreError(f"cannot start git fast-import: {error}", self.git_dir,
                             hint="install git 2.x and put it on PATH") from error
        assert self._process.stdin is not None
        self._stdin = self._process.stdin  # type: ignore[assignment]
        os.set_blocking(self._process.stdin.fileno(), False)  # a stop while the pipe is full is heard
        self._write(b"feature done\n")
        return self

    def commit(self, path: str, data: bytes, message: str, author_date: str,
               committer_date: str) -> None:
        """Append one commit that sets `path` to `data`."""
        if "\n" in path or path.startswith('"'):
            raise StoreError(f"path {path!r} cannot be written by fast-import", self.git_dir,
                             hint="paths come from path_from_url, which never makes these")
        encoded_message = message.encode("utf-8")
        parts = [
            b"commit ", os.fsencode(self.ref), b"\n",  # as git named it: any bytes
            b"author ", AUTHOR.encode(), b" ", author_date.encode(), b"\n",
            b"committer ", AUTHOR.encode(), b" ", committer_date.encode(), b"\n",
            b"data %d\n" % len(encoded_message), encoded_message, b"\n",
        ]
        if self.commits == 0 and self.parent is not None:
            parts += [b"from ", self.parent.encode(), b"\n"]
        parts += [b"M 100644 inline ", path.encode("utf-8", "surrogateescape"), b"\n",
                  b"data %d\n" % len(data), data, b"\n\n"]
        with stops_held():  # the commit is given whole, and counted, or not at all
            self._unwritten += b"".join(parts)
            self.commits += 1
            self._since_checkpoint += 1
            if (self._since_checkpoint >= self.checkpoint_every
                    or time.monotonic() - self._last_checkpoint >= self.checkpoint_seconds):
                # fast-import writes its pack and moves the ref to the newest commit
                self._unwritten += b"checkpoint\n\n"
                self._since_checkpoint = 0
                self._last_checkpoint = time.monotonic()
            if self.given is not None:
                self.given(1)
        self._write(b"")  # a stop as it waits leaves the rest to `_finish_after`, in time

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        process = self._process
        assert process is not None
        if isinstance(error, KeyboardInterrupt):  # stopped between commits: store those written
            self._finish_after(error)
            return
        if kind is not None:
            process.kill()  # abort: the ref stays at the last checkpoint
            process.wait()
            self._stderr.close()
            return
        self._finish()

    def _finish(self) -> None:
        """End the stream and wait for fast-import to write it and move the ref (as after any
        stop, `_finish_after`, where a stop comes meanwhile)."""
        process, stdin = self._process, self._stdin
        assert process is not None and stdin is not None
        try:
            self._give_the_end()
            self._write(b"")
            stdin.close()
            code = _exit_code(process)
        except KeyboardInterrupt as stop:  # as it writes the last commits: wait as for a stop
            self._finish_after(stop)
            raise
        if code != 0:
            self._fail(code)
        self._stderr.close()

    def _finish_after(self, stop: KeyboardInterrupt) -> None:
        """End the stream and wait for fast-import to write it, until `after_a_stop` is up;
        a second Ctrl-C (or a SIGTERM after a Ctrl-C) ends the wait at once, and a second
        SIGTERM the process (`stop_signals`; fast-import, in a session of its own, then still
        finishes). An import that failed is left at its last checkpoint, as one that was ended:
        the stop is what the run reports."""
        process = self._process
        assert process is not None
        bound = self.after_a_stop.seconds
        deadline = self.after_a_stop.deadline()
        how = f"git fast-import did not end within {bound:g} s of the stop and was ended"
        ended = False
        try:
            self._give_the_end()
            quiet = min(time.monotonic() + SECONDS_BEFORE_SAYING_THE_WAIT, deadline)
            ended = self._end_stream_by(quiet) and _ended_within(process, quiet)
            if not ended:
                self._say_the_wait(stop)
                ended = self._end_stream_by(deadline) and _ended_within(process, deadline)
        except KeyboardInterrupt:
            how = "git fast-import was ended at a second stop"
        if not ended:
            process.kill()  # its ref stays at its last checkpoint, as a killed run's
            process.wait()
        self._close_after_a_stop()
        if not ended:
            raise ImportEndedAfterStop(stop, how) from None

    def _end_stream_by(self, deadline: float) -> bool:
        """Write what is left of the stream and its end, then close it, by `deadline` (of
        `time.monotonic`), or say that fast-import has not taken it by then (False): a stalled
        import, its pipe full, would keep a blocking write waiting for ever. Once the stream is
        closed, or fast-import has ended (a broken pipe), there is nothing more to write."""
        stdin = self._stdin
        assert stdin is not None
        if stdin.closed:
            return True
        try:
            if not self._send(deadline):
                return False
        except BrokenPipeError:
            return True
        stdin.close()
        return True

    def _give_the_end(self) -> None:
        """Put the stream's end after what is left to send, once."""
        with stops_held():
            if not self._done_given:
                self._unwritten += b"done\n"
                self._done_given = True

    def _send(self, deadline: float | None) -> bool:
        """Write what is left of the stream (`_unwritten`) as fast-import takes it, waiting
        while its pipe is full up to `deadline` (of `time.monotonic`; None: as long as it takes),
        or say that it has not taken it all by then (False). A stop as it waits (heard within
        `SECONDS_BETWEEN_LOOKS_FOR_A_STOP`) leaves in `_unwritten` exactly what fast-import has
        not taken (a commit in part, perhaps), for `_finish_after` to send. A BrokenPipeError says that
        fast-import has ended."""
        stdin = self._stdin
        assert stdin is not None
        while self._unwritten:
            with stops_held():  # what was written and what is left agree
                try:
                    written = os.write(stdin.fileno(), self._unwritten)
                except BlockingIOError:
                    written = 0
                self._unwritten = self._unwritten[written:]
            if not self._unwritten:
                return True
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                return False
            look = SECONDS_BETWEEN_LOOKS_FOR_A_STOP
            select.select([], [stdin], [], look if left is None else min(left, look))
        return True

    def _close_after_a_stop(self) -> None:
        """Close the stream (what fast-import did not take is dropped) and its stderr."""
        assert self._stdin is not None
        with contextlib.suppress(OSError):
            self._stdin.close()
        self._stderr.close()

    def _say_the_wait(self, stop: KeyboardInterrupt) -> None:
        """Tell `waiting` what the stopped run waits for, and how to end the wait."""
        if self.waiting is None:
            return
        again = ("a second SIGTERM ends the run at once" if isinstance(stop, Terminated)
                 else "a second Ctrl-C ends the wait at once")
        self.waiting(stop, f"{stop_reason(stop)}; waiting up to {self.after_a_stop.seconds:g} "
                           f"s for git fast-import to write the versions stored so far ({again})")

    def _write(self, data: bytes) -> None:
        """Send `data` after what is left to send, waiting as long as fast-import takes."""
        assert self._process is not None
        with stops_held():
            self._unwritten += data
        try:
            self._send(None)
        except BrokenPipeError:
            self._fail(self._process.wait())

    def _fail(self, code: int) -> None:
        self._stderr.seek(0)
        said = self._stderr.read()
        raise StoreError(f"git fast-import failed: {git_complaint(said, code)}", self.git_dir,
                         hint=_retry_hint(code, said))


def _ended_within(process: subprocess.Popen[bytes], deadline: float) -> bool:
    """Whether `process` ends by `deadline` (of `time.monotonic`)."""
    try:
        process.wait(timeout=max(deadline - time.monotonic(), 0))
    except subprocess.TimeoutExpired:
        return False
    return True


def _exit_code(process: subprocess.Popen[bytes]) -> int:
    """Wait for `process` to end and give its exit code, hearing a stop within
    `SECONDS_BETWEEN_LOOKS_FOR_A_STOP` (a wait with no limit hears one that came just before it
    blocked only when the process ends)."""
    while not _ended_within(process, time.monotonic() + SECONDS_BETWEEN_LOOKS_FOR_A_STOP):
        pass
    return process.returncode


def _retry_hint(code: int, said: bytes) -> str:
    """What to do about a failed import: run the command again, after making room first when
    the file size limit (`ulimit -f`, SIGXFSZ) or a full disk stopped it, or it fails again."""
    again = ("run the command again: it keeps the versions written up to the import's last "
             "checkpoint and writes the rest")
    room = room_to_make(code, said)
    return f"{room} first, then {again}" if room else again

