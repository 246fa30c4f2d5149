"""benchmarks/engine_speed.py times its peer as often as revdiff in the growth table."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from revdiff.model import Version

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("engine_speed", BENCHMARKS / "engine_speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_growth_table_peer_is_a_median_of_as_many_rounds(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # the script imports `timing` beside it
    monkeypatch.delitem(sys.modules, "timing", raising=False)
    script = load_script()
    peer_runs: list[tuple[Version, Version]] = []
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: peer_runs.append((old, new)))
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=3)
    assert len(peer_runs) == 3 * len(script.GROWTH_FACTORS)
    assert "medians of 3 rounds" in capsys.readouterr().out


def test_no_rounds_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_script().main(["--growth-only", "--repeat", "0"])
    assert stopped.value.code == 2
    assert "--repeat must be 1 or more" in capsys.readouterr().err
