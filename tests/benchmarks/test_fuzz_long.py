"""benchmarks/fuzz_long.py: how many examples each fuzz test runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
# CI runs it 60 times (`fuzz_settings(60)` in tests/fuzz/test_fuzz_engine.py), quickly
QUICK_FUZZ_TEST = "test_random_paragraphs"


def fuzz_long(*arguments: str) -> str:
    finished = subprocess.run([sys.executable, str(BENCHMARKS / "fuzz_long.py"), *arguments],
                              capture_output=True, text=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout


@pytest.mark.parametrize(("counts", "examples"), [
    (["--times", "2"], 120),
    (["--times", "2", "--examples", "7"], 7),
])
def test_examples_are_a_multiple_of_the_ci_count(counts: list[str], examples: int) -> None:
    """`--examples N` gave every test N examples, however many CI gives it: a test of 10 ran for
    minutes where one of 150 ran for seconds. `--times` keeps their proportions."""
    output = fuzz_long(*counts, "--", "-k", QUICK_FUZZ_TEST, "--hypothesis-show-statistics")
    assert f"Stopped because settings.max_examples={examples}\n" in output


def test_the_run_names_each_test_and_its_hang_report() -> None:
    """It passed -q, and pyproject.toml adds another: a run showed only dots, and -v did not help."""
    output = fuzz_long("--", "-k", "test_time_limit")
    assert [line.split("::")[1].split()[:2] for line in output.splitlines()
            if " PASSED" in line] == [
        ["test_time_limit_interrupts_a_python_loop", "PASSED"],
        ["test_time_limit_interrupts_a_sleep", "PASSED"],
        ["test_time_limit_lets_a_quick_call_through_and_disarms", "PASSED"]]
    report = Path(output.split("every thread's stack in ", 1)[1].splitlines()[0])
    assert report.name.startswith("revdiff-fuzz-hang-") and not report.exists()  # no hang


def test_the_pytest_arguments_decide_the_verbosity() -> None:
    output = fuzz_long("--", "-q", "-k", "test_time_limit")
    assert "PASSED" not in output and "3 passed" in output


def test_the_hang_report_is_named_first_as_the_help_says() -> None:
    """Its help says the run prints the hang report's path first; it printed the pytest command
    line first."""
    assert "whose path the run prints first" in fuzz_long("--help")
    first = fuzz_long("--", "--collect-only", "-q", "-k", "test_time_limit").splitlines()[0]
    assert first.startswith("a call stuck in C code ends the run, every thread's stack in ")
