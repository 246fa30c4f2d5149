"""benchmarks/snapshot_extraction.py times its methods in turns, so that a busy machine slows them
alike."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from benchmark_scripts import load_benchmark


def test_the_methods_take_turns_round_by_round(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Every timing run of the naive baseline came first, then every one of the next method, and
    so on: on a machine whose load changed meanwhile the `x naive` ratio measured the load as much
    as the extraction. The peer now reads the pages before the baseline's second run does."""
    script = load_benchmark("snapshot_extraction", monkeypatch)
    calls: list[str] = []

    def recorded(name: str, read: Callable[[str], tuple[str, ...]]) -> Callable[[str], tuple[str, ...]]:
        def read_and_record(html: str) -> tuple[str, ...]:
            calls.append(name)
            return read(html)
        return read_and_record

    monkeypatch.setattr(script, "METHODS", {"naive": recorded("naive", script.naive_paragraphs),
                                            "revdiff": recorded("revdiff", script.revdiff_paragraphs)})
    script.main(["--random", "0", "--repeat", "3"])
    passes = [name for name, _ in itertools.groupby(calls)]
    assert passes == ["naive", "revdiff"] * 3  # a first pass each, then N R, R N, N R
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines()[2:]]
    assert rows == ["naive", "revdiff"]


def test_a_baseline_timed_at_zero_is_told_not_divided(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The `x naive` column divided by the baseline's median time: ZeroDivisionError where the
    clock saw none pass (a run shorter than its tick). A clock that stands still times every run
    at 0."""
    script = load_benchmark("snapshot_extraction", monkeypatch)
    timed = script.medians_in_turns
    monkeypatch.setattr(script, "medians_in_turns",
                        lambda functions, repeat: timed(functions, repeat, clock=lambda: 0.0))
    script.main(["--random", "0", "--repeat", "1"])
    rows = capsys.readouterr().out.splitlines()[2:]
    assert rows[0].endswith("  the baseline")
    assert all(row.endswith("  not measured: both times were below the clock's resolution")
               for row in rows[1:])


def test_a_negative_count_of_random_articles_is_refused(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--random -1` ran as `--random 0`, and the help did not say what it takes."""
    script = load_benchmark("snapshot_extraction", monkeypatch)
    monkeypatch.setattr(script, "make_pages", lambda count: pytest.fail("ran"))
    with pytest.raises(SystemExit) as stopped:
        script.main(["--random", "-1"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(
        " error: --random must be 0 or more: the count of seeded random articles added to the "
        "sample chains' pages")
