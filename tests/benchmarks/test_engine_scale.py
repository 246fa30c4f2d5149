"""benchmarks/engine_scale.py runs revdiff and its peer in turns, so that a busy machine slows
them alike."""

from __future__ import annotations

import json
import subprocess
import time
from types import SimpleNamespace
from typing import Any

import pytest
from benchmark_scripts import load_benchmark


def test_revdiff_and_difflib_take_turns_round_by_round(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """All of revdiff's runs of a size came first, then all of difflib's: on a machine whose load
    changed meanwhile (the README's 20 MB figures were measured at a load of 8 to 10) the CPU
    ratio measured the load as much as the engine. The peer now runs before revdiff's second run."""
    script = load_benchmark("engine_scale", monkeypatch)
    methods: list[str] = []
    run = subprocess.run

    def child(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        methods.append(command[command.index("--child") + 1])
        return run(command, **options)

    monkeypatch.setattr(script.subprocess, "run", child)
    assert script.main(["--sizes", "0.02", "--kinds", "varied", "--repeat", "3"]) == 0
    assert sorted(methods) == ["difflib"] * 3 + ["revdiff"] * 3
    assert methods.index("difflib") < methods.index("revdiff", 1)
    assert "0.02" in capsys.readouterr().out


def test_one_size_prints_no_growth_heading(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """With one size there is nothing to grow against: the heading of the growth lines stood
    alone at the end of each kind's table."""
    script = load_benchmark("engine_scale", monkeypatch)
    assert script.main(["--sizes", "0.02", "--kinds", "varied", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "cpu: revdiff against difflib" in out and "growth" not in out


def test_two_sizes_print_the_growth_of_the_second(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("engine_scale", monkeypatch)
    assert script.main(["--sizes", "0.01,0.02", "--kinds", "varied", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "growth of revdiff against 0.01 MB" in out and "0.02 MB: size x2" in out


def test_the_growth_tells_a_size_ratio_below_two_as_it_is(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The size ratio was rounded to a whole number: 0.75 MB against 0.5 MB said `size x2`."""
    script = load_benchmark("engine_scale", monkeypatch)
    assert script.main(["--sizes", "0.01,0.015", "--kinds", "varied", "--repeat", "1",
                        "--methods", "revdiff"]) == 0
    assert "0.015 MB: size x1.5," in capsys.readouterr().out


def test_without_difflib_no_peer_is_named(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--methods revdiff` alone still opened with `peer: difflib's SequenceMatcher…`, though no
    peer ran."""
    script = load_benchmark("engine_scale", monkeypatch)
    assert script.main(["--sizes", "0.01", "--kinds", "varied", "--repeat", "1",
                        "--methods", "revdiff"]) == 0
    out = capsys.readouterr().out
    assert "difflib" not in out and "peak MB is the process's peak RSS" in out


def in_process_with_cpu_clock(script: Any, monkeypatch: pytest.MonkeyPatch,
                              cpu_seconds: dict[str, float]) -> None:
    """Each child run in this process, on a CPU clock that stands still (a tick coarser than the
    run) or, for the methods in `cpu_seconds`, moves by that much during the run."""
    clock = {"now": 0.0}

    def child(command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        method, kind, size = command[command.index("--child") + 1:]
        clock["step"] = cpu_seconds.get(method, 0.0)
        figures = script.run_child(method, kind, int(size))
        return subprocess.CompletedProcess(command, 0, json.dumps(figures), "")

    def process_time() -> float:
        clock["now"] += clock["step"] / 2
        return clock["now"]

    monkeypatch.setattr(script.subprocess, "run", child)
    monkeypatch.setattr(script, "time", SimpleNamespace(perf_counter=time.perf_counter,
                                                         process_time=process_time))


@pytest.mark.parametrize(("cpu_seconds", "said"), [
    ({}, "not measured: both times were below the clock's resolution"),
    ({"difflib": 0.5}, "faster beyond measure: its time was below the clock's resolution"),
    ({"revdiff": 0.5}, "slower beyond measure: the other's time was below the clock's resolution"),
    ({"revdiff": 0.5, "difflib": 0.25}, "2.0x slower"),
])
def test_a_cpu_time_of_zero_is_told_not_divided(
        cpu_seconds: dict[str, float], said: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The CPU ratio divided by `max(peer, 1e-9)`: a peer's time of 0 on a coarse clock printed
    revdiff as hundreds of millions of times slower, and both times 0 as a ratio of 0.00."""
    script = load_benchmark("engine_scale", monkeypatch)
    in_process_with_cpu_clock(script, monkeypatch, cpu_seconds)
    assert script.main(["--sizes", "0.01", "--kinds", "varied", "--repeat", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"  {said}")


def test_a_first_size_timed_at_zero_gives_no_growth(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The growth divided by the first size's CPU time: ZeroDivisionError where it was 0."""
    script = load_benchmark("engine_scale", monkeypatch)
    in_process_with_cpu_clock(script, monkeypatch, {})
    assert script.main(["--sizes", "0.01,0.02", "--kinds", "varied", "--repeat", "1",
                        "--methods", "revdiff"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(
        "0.02 MB: size x2, cpu not compared: its time at 0.01 MB was below the clock's "
        "resolution, peak memory x")
