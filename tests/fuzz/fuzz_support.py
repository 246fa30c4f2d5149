"""What the fuzz tests share: time limits, example counts, hostile byte strategies, the oracle.

The oracle: reading any input and comparing any versions either succeeds or raises a
`RevdiffError` (one clear message), within a time limit. Anything else fails the test.

Example counts are small by default so the whole fuzz suite stays brief in CI. For a longer run
with fresh random examples, set `REVDIFF_FUZZ_TIMES` (each test runs that many times its CI count)
or `REVDIFF_FUZZ_EXAMPLES` (examples per test, whatever its CI count), or run
`benchmarks/fuzz_long.py`.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import os
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

import revdiff
from revdiff.errors import RevdiffError
from revdiff.model import Article

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

EXAMPLES = int(os.environ.get("REVDIFF_FUZZ_EXAMPLES", "0") or 0)
TIMES = int(os.environ.get("REVDIFF_FUZZ_TIMES", "0") or 0)

# Longest one call (read or compare) may take. Generous, since CI machines are shared and slow;
# what it catches is a hang or a blow-up, not a slowdown.
CALL_SECONDS = float(os.environ.get("REVDIFF_FUZZ_CALL_SECONDS", "20"))
# If a call is stuck where Python cannot interrupt it (inside C code), the whole test process
# writes every thread's stack to HANG_REPORT and exits with an error after this long, so a hang
# never stalls CI (pytest captures stderr, so the stacks go to a file).
HARD_STOP_SECONDS = CALL_SECONDS * 3
# The report is the test process's own (the path in REVDIFF_FUZZ_HANG_REPORT, as
# benchmarks/fuzz_long.py gives it, or one named by the process id): each time-limited call empties
# it, and a report shared by every run was wiped by the next run on the machine. A process that
# ends without a hang removes its empty report.
HANG_REPORT_ENV = "REVDIFF_FUZZ_HANG_REPORT"
HANG_REPORT = Path(os.environ.get(HANG_REPORT_ENV)
                   or Path(tempfile.gettempdir()) / f"revdiff-fuzz-hang-{os.getpid()}.txt")
# The examples' files, one folder each, all in one folder that is removed when the run ends
# (thousands of examples ran each run, and each left its folder behind).
_EXAMPLE_FOLDERS = tempfile.TemporaryDirectory(prefix="revdiff-fuzz-")

T = TypeVar("T")


@atexit.register
def _remove_empty_hang_report() -> None:
    with contextlib.suppress(FileNotFoundError):
        if HANG_REPORT.stat().st_size == 0:
            HANG_REPORT.unlink()


def fresh_folder(prefix: str = "") -> Path:
    """A new empty folder for one example's files, removed with the others when the run ends."""
    return Path(tempfile.mkdtemp(prefix=prefix, dir=_EXAMPLE_FOLDERS.name))


class TimeLimitExceeded(AssertionError):
    """A call ran longer than its time limit: a hang, as far as the fuzz tests are concerned."""


@contextlib.contextmanager
def time_limit(seconds: float = CALL_SECONDS) -> Iterator[None]:
    """Raise TimeLimitExceeded in the calling (main) thread when the block runs too long."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"call ran longer than its limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    with open(HANG_REPORT, "w") as report:
        faulthandler.dump_traceback_later(max(seconds * 3, HARD_STOP_SECONDS), exit=True,
                                          file=report)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            faulthandler.cancel_dump_traceback_later()
            signal.signal(signal.SIGALRM, previous)


def example_count(ci_examples: int, times: int = TIMES, examples: int = EXAMPLES) -> int:
    """How many examples a fuzz test that CI runs `ci_examples` times runs: `examples` if set
    (not 0), else `times` as many as in CI if set, else as many as in CI."""
    return examples or ci_examples * (times or 1)


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for a fuzz test: `examples` fixed ones in CI, or as many fresh ones
    as `example_count` says when REVDIFF_FUZZ_EXAMPLES or REVDIFF_FUZZ_TIMES is set.

    No hypothesis deadline: the per-call `time_limit` is the hang limit, and a deadline would
    flake on a loaded machine.
    """
    return settings(max_examples=example_count(examples), deadline=None,
                    derandomize=not (EXAMPLES or TIMES),
                    database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture,
                                           HealthCheck.large_base_example])


def within_limit(call: Callable[[], T], seconds: float = CALL_SECONDS) -> T | RevdiffError:
    """Run `call` under the time limit; return its result, or the RevdiffError it raised."""
    with time_limit(seconds):
        try:
            return call()
        except RevdiffError as error:
            return error


def check_error(error: RevdiffError) -> None:
    """A reported error is one line that says what is wrong."""
    text = str(error)
    assert text.strip(), "empty error message"
    assert "\n" not in text, f"error message is not one line: {text!r}"
    assert error.message, "error without a message"


def read_and_compare(paths: Sequence[Path], max_bytes: int | None = None,
                     compare: bool = True) -> list[Article]:
    """The oracle: read the inputs, then compare every consecutive pair of every article.

    Returns the articles read ([] when revdiff refused the input with one of its own errors).
    """
    result = within_limit(lambda: revdiff.load([str(p) for p in paths], max_bytes=max_bytes))
    if isinstance(result, RevdiffError):
        check_error(result)
        return []
    if not compare:
        return result
    for article in result:
        for old, new in zip(article.versions, article.versions[1:]):
            compared = within_limit(lambda old=old, new=new: revdiff.compare(old, new))
            if isinstance(compared, RevdiffError):
                check_error(compared)
    return result


def write_inputs(folder: Path, contents: Sequence[bytes], suffix: str = ".txt") -> list[Path]:
    """Each content as a file `0<suffix>`, `1<suffix>`, ... in a fresh folder."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, data in enumerate(contents):
        path = folder / f"{number}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


# -- hostile bytes ---------------------------------------------------------------------------

HOSTILE_SNIPPETS: tuple[bytes, ...] = (
    b"\x00", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\xff\xfe", b"\r", b"\r\n",
    "café".encode("latin-1"), "日本".encode("shift_jis"), "naïve".encode("utf-16"),
    b'<meta charset="latin-1">', b'<meta charset="no-such-codec">', b"<table>", b"</table>",
    b"<tr><td>", b"</td></tr>", b"<td class=\"diff_add\">", b"<del>", b"</ins>",
    b"<script>var text1 = '", b"';</script>", b"\\u2028", b"\\x00", b"<!--", b"-->",
    b"<![CDATA[", b"Version 3 Version 4", b"+", b"&#0;", b"&#x110000;", b"&nbsp;" * 50,
    b"<" * 200, b"<div>" * 300, b"\xe2\x80\xa8", b"\t" * 100, b"a" * 5000, b". " * 500,
)


@st.composite
def mutated(draw: st.DrawFn, original: bytes, max_edits: int = 6) -> bytes:
    """`original` with a few random edits: cuts, insertions, duplications, byte flips."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, max_edits))):
        kind = draw(st.sampled_from(["truncate", "delete", "insert", "snippet", "duplicate",
                                     "flip"]))
        at = draw(st.integers(0, len(data)))
        if kind == "truncate":
            del data[at:]
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 400))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "snippet":
            data[at:at] = draw(st.sampled_from(HOSTILE_SNIPPETS))
        elif kind == "duplicate":
            data[at:at] = data[at:at + draw(st.integers(1, 2000))]
        elif data:
            position = min(at, len(data) - 1)
            data[position] = draw(st.integers(0, 255))
    return bytes(data)


@st.composite
def mutated_database(draw: st.DrawFn, original: bytes) -> bytes:
    """A SQLite file's bytes with a few bytes changed past its 16-byte magic header, and cut
    short half of the time."""
    database = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        position = draw(st.integers(16, len(database) - 1))  # keep the magic header
        database[position] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        del database[draw(st.integers(100, len(database))):]
    return bytes(database)


def sample_bytes(relative: str) -> bytes:
    return (SAMPLES / relative).read_bytes()


def storable_path(path: str, plain: str) -> str:
    """`path`, or `plain` when git cannot store it as a file's path (an empty, `.`, `..` or
    `.git` part, a trailing slash)."""
    unstorable = path.endswith("/") or any(part in ("", ".", "..", ".git")
                                           for part in path.split("/"))
    return plain if unstorable else path


def fast_import_commit(branch: str, seconds: int, message: bytes, path: bytes,
                       content: bytes) -> bytes:
    """One commit of a `git fast-import` stream, on `branch` at `seconds` since 1970: `content`
    written at `path` (as the stream names it: bare, or quoted with its escapes)."""
    return (b"commit refs/heads/%s\ncommitter F <f@x> %d +0000\n" % (branch.encode(), seconds)
            + b"data %d\n%s\n" % (len(message), message)
            + b"M 100644 inline " + path + b"\n"
            + b"data %d\n%s\n" % (len(content), content))


def imported_repository(stream: bytes, name: str, branch: str) -> Path:
    """A new repository `name` in a fresh folder, its `branch` holding what the fast-import
    `stream` (ended by `done`) writes."""
    repo = fresh_folder() / name
    subprocess.run(["git", "init", "-q", "-b", branch, str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet", "--done"], input=stream,
                   check=True, capture_output=True)
    return repo
