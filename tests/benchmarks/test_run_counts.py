"""A benchmark refuses a count of runs below 1 in one line, before it runs anything."""

from __future__ import annotations

import sys

import pytest
from benchmark_scripts import load_benchmark


@pytest.mark.parametrize(("script", "option"), [
    ("engine_scale", "--repeat"),
    ("git_read", "--repeats"),
    ("startup", "--rounds"),
    ("newsedits_read", "--rounds"),
    ("snapshot_extraction", "--repeat"),
    ("tui_latency", "--repeat"),
])
@pytest.mark.parametrize("count", ["0", "-1"])
def test_no_runs_are_refused(script: str, option: str, count: str,
                             monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """Each ended in a traceback (`StatisticsError: no median for empty data`, or an IndexError),
    most after generating their input."""
    monkeypatch.setattr(sys, "argv", [f"{script}.py", option, count])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark(script, monkeypatch).main()
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert f"{option} must be 1 or more" in error
    assert "Traceback" not in error
