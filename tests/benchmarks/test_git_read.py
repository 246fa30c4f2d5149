"""benchmarks/git_read.py times its cases in turns, so that a busy machine slows them alike."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark


def test_the_clone_and_the_peer_in_place_take_turns_round_by_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run through the clone came first, then every run in place, then every whole read:
    on a machine whose load changed meanwhile the ratio measured the load as much as the clone.
    The peer now runs before the second clone does."""
    script = load_benchmark("git_read", monkeypatch)
    runs: list[str] = []
    read_all, read_through_clone = script.read_all, script.read_through_clone

    def in_place_or_in_clone(git_dir: Path) -> int:
        runs.append("in place" if git_dir.name == ".git" else "read of the clone")
        return read_all(git_dir)

    def through_clone(repo_dir: Path) -> int:
        runs.append("clone")
        return read_through_clone(repo_dir)

    monkeypatch.setattr(script, "read_all", in_place_or_in_clone)
    monkeypatch.setattr(script, "read_through_clone", through_clone)
    monkeypatch.setattr(sys, "argv", ["git_read.py", "--articles", "2", "--versions", "2", "--repeats", "3"])
    assert script.main() == 0
    assert runs.count("clone") == runs.count("in place") == 3
    second_clone = [k for k, run in enumerate(runs) if run == "clone"][1]
    assert "in place" in runs[:second_clone]


@pytest.mark.parametrize("option", ["--articles", "--versions"])
def test_a_store_of_no_version_is_refused_in_one_line(
        option: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--articles 0` or `--versions 0` stored nothing, then stopped in a traceback of the clone's
    `cannot read the history of HEAD`, which said neither which option nor what to give."""
    script = load_benchmark("git_read", monkeypatch)
    monkeypatch.setattr(script, "store_articles", lambda *arguments: pytest.fail("stored"))
    monkeypatch.setattr(sys, "argv", ["git_read.py", option, "0", "--repeats", "1"])
    with pytest.raises(SystemExit) as stopped:
        script.main()
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "git_read.py: error: --articles and --versions must be 1 or more: a store of no version "
        "has no history to read")


@pytest.mark.parametrize(("clock_step", "said"), [
    (0.0, "clone against in place: not measured: both times were below the clock's resolution"),
    (1.0, "clone against in place: 1.0x faster"),
])
def test_a_time_of_zero_is_told_not_divided(
        clock_step: float, said: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`safe / in_place` raised ZeroDivisionError where the read in place took less than the
    clock's tick: a clock that stands still times every run at 0, one that moves a second a
    reading times every run at 1 s."""
    script = load_benchmark("git_read", monkeypatch)
    ticks = iter(range(10**6))
    timed = script.medians_in_turns
    monkeypatch.setattr(script, "medians_in_turns", lambda functions, repeat: timed(
        functions, repeat, clock=lambda: clock_step * next(ticks)))
    monkeypatch.setattr(sys, "argv", ["git_read.py", "--articles", "1", "--versions", "1",
                                      "--repeats", "1"])
    assert script.main() == 0
    assert f"{said}  (cost of the clone: 0.000 s)" in capsys.readouterr().out.splitlines()
