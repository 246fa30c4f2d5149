"""Fuzzing the engine (`revdiff.compare`): any two versions compare within the time limit.

Also the tests of the time limits themselves, and of the engine inputs that fuzzing found to
blow up.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fuzz_support import (
    CALL_SECONDS,
    TimeLimitExceeded,
    fuzz_settings,
    sample_bytes,
    time_limit,
    within_limit,
)
from hypothesis import given
from hypothesis import strategies as st

import revdiff
from revdiff.errors import RevdiffError
from revdiff.model import Version

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
SAMPLE_PARAGRAPHS = [line for line in sample_bytes(
    "versions/iran-strikes-us-troops-in-iraq/4.txt").decode().splitlines() if line.strip()]


def compare_within_limit(old: list[str], new: list[str], sentences: str = "auto") -> None:
    result = within_limit(lambda: revdiff.compare(
        Version(0, "old", tuple(old)), Version(1, "new", tuple(new)), sentences=sentences))
    assert not isinstance(result, RevdiffError) or "\n" not in str(result)


@fuzz_settings(60)
@given(st.lists(TEXT, max_size=8), st.lists(TEXT, max_size=8),
       st.sampled_from(["auto", "lines"]))
def test_random_paragraphs(old: list[str], new: list[str], sentences: str) -> None:
    compare_within_limit(old, new, sentences)


@st.composite
def edited_sample(draw: st.DrawFn) -> list[str]:
    """The sample article with paragraphs dropped, repeated, shuffled and spliced with junk."""
    paragraphs = list(draw(st.permutations(SAMPLE_PARAGRAPHS)))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(paragraphs)))
        paragraphs.insert(at, draw(st.one_of(
            TEXT, st.sampled_from(SAMPLE_PARAGRAPHS),
            st.sampled_from(["\x00", "...", "U.S. Sen. J. R. R. Smith Jr. said.", "a" * 3000,
                             ". " * 2000, "“" * 500, "Mr. " * 1000, "\u2028\u2029\x85"]))))
    return paragraphs[: draw(st.integers(0, len(paragraphs)))]


@fuzz_settings(30)
@given(edited_sample(), edited_sample())
def test_mutated_sample_versions(old: list[str], new: list[str]) -> None:
    compare_within_limit(old, new)


def test_many_repeated_sentences() -> None:
    """Thousands of identical sentences: alignment has many equal candidates."""
    compare_within_limit(["The vote was delayed. " * 1500], ["The vote was delayed. " * 1499])


def test_thousands_of_paragraphs() -> None:
    old = [f"Paragraph {k} says the talks went on." for k in range(3000)]
    new = old[::2] + [f"New paragraph {k}." for k in range(500)]
    compare_within_limit(old, new)


def test_time_limit_interrupts_a_python_loop() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        while True:
            pass
    assert time.monotonic() - started < CALL_SECONDS


def test_time_limit_interrupts_a_sleep() -> None:
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        time.sleep(30)


def test_time_limit_lets_a_quick_call_through_and_disarms() -> None:
    with time_limit(0.5):
        value = sum(range(1000))
    time.sleep(0.7)  # the alarm must be off now, or this sleep would be interrupted
    assert value == 499500


def test_hard_stop_ends_a_process_stuck_in_c_code(tmp_path: Path) -> None:
    """Where time_limit's signal handler cannot run (a long call inside rapidfuzz's C++ code,
    which the engine uses), the guard's hard stop ends the process and writes the stack."""
    script = textwrap.dedent(f"""
        import random, sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from fuzz_support import TimeLimitExceeded, time_limit
        from rapidfuzz.distance import Levenshtein
        draw = random.Random(7)
        old, new = ("".join(draw.choices("abcdefgh", k=2_000_000)) for _ in range(2))
        try:
            with time_limit(0.2):
                Levenshtein.distance(old, new)  # minutes of C++ code, no signal check
        except TimeLimitExceeded:
            print("interrupted")
        print("returned")
    """)
    environment = {**os.environ, "REVDIFF_FUZZ_CALL_SECONDS": "0.2", "TMPDIR": str(tmp_path)}
    started = time.monotonic()
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=60, check=False, env=environment)
    assert finished.returncode != 0 and finished.stdout == ""
    report = (tmp_path / "revdiff-fuzz-hang.txt").read_text()
    stuck_line = next(number for number, line in enumerate(script.splitlines(), start=1)
                      if "Levenshtein.distance" in line)
    assert "Timeout" in report and f"line {stuck_line} " in report
    assert time.monotonic() - started < 30


def test_one_huge_token_then_sentences() -> None:
    """Found by this fuzzing: the word before each full stop was searched from the paragraph
    start, quadratic in a long token before later sentences (fixed in engine/sentences.py)."""
    compare_within_limit(["x" * 300_000 + " " + "Officials denied it. Talks went on. " * 200],
                         ["Officials denied it."])


def test_two_huge_near_identical_sentences_compare_in_seconds() -> None:
    """Run in a child process: the time goes inside C code, which no signal interrupts."""
    script = ("import revdiff\nfrom revdiff.model import Version\n"
              "revdiff.compare(Version(0, 'a', ('Start. ' + 'x' * 1_000_000,)),"
              " Version(1, 'b', ('Start! ' + 'x' * 1_000_000 + 'y',)))\n")
    try:
        subprocess.run([sys.executable, "-c", script], timeout=6, check=True,
                       capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail("compare ran longer than 6 s")
