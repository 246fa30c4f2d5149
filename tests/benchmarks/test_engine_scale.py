"""benchmarks/engine_scale.py runs revdiff and its peer in turns, so that a busy machine slows
them alike."""

from __future__ import annotations

import subprocess
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
    assert "cpu revdiff/difflib" in out and "growth" not in out


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
