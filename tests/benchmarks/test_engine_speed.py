"""benchmarks/engine_speed.py times its peer as often as revdiff in the growth table."""

from __future__ import annotations

import pytest
from benchmark_scripts import load_benchmark

from revdiff.model import Version


def test_the_growth_table_peer_is_a_median_of_as_many_rounds(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("engine_speed", monkeypatch)
    peer_runs: list[tuple[Version, Version]] = []
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: peer_runs.append((old, new)))
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=3)
    assert len(peer_runs) == 3 * len(script.GROWTH_FACTORS)
    assert "medians of 3 rounds" in capsys.readouterr().out


def test_no_rounds_are_refused(monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("engine_speed", monkeypatch).main(["--growth-only", "--repeat", "0"])
    assert stopped.value.code == 2
    assert "--repeat must be 1 or more" in capsys.readouterr().err
