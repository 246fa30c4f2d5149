"""benchmarks/long_article_memory.py prints the median peak of its rounds, not one run's."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark


def test_each_peak_is_the_median_of_rounds_that_take_turns(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Each figure came from a single run, where memory peaks vary from run to run."""
    script = load_benchmark("long_article_memory", monkeypatch)
    peaks = {"read": iter([30.0, 90.0, 31.0]), "whole": iter([100.0, 101.0, 300.0]),
             "parts": iter([50.0, 51.0, 52.0])}
    ran: list[str] = []

    def made_up_peak(folder: Path, out: Path, fmt: str, split: str) -> dict[str, float]:
        kind = split if split in ("read", "whole") else "parts"
        ran.append(kind)
        return {"peak_mb": next(peaks[kind]), "rows": 0.0 if kind == "read" else 6.0}

    monkeypatch.setattr(script, "peak", made_up_peak)
    monkeypatch.setattr(sys, "argv", ["long_article_memory.py", "--versions", "2"])
    script.main()
    assert ran == ["read", "whole", "parts", "parts", "whole", "read", "read", "whole", "parts"]
    row = capsys.readouterr().out.splitlines()[-1]
    assert row.split() == ["2", "6", "31", "MB", "101", "MB", "51", "MB", "0.50"]


@pytest.mark.parametrize("count", ["0", "-1"])
def test_no_rounds_are_refused(count: str, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("long_article_memory", monkeypatch)
    monkeypatch.setattr(script, "peak", lambda *arguments: pytest.fail("ran"))
    monkeypatch.setattr(sys, "argv", ["long_article_memory.py", "--versions", "2",
                                      "--repeat", count])
    with pytest.raises(SystemExit) as stopped:
        script.main()
    assert stopped.value.code == 2
    assert "--repeat must be 1 or more" in capsys.readouterr().err
