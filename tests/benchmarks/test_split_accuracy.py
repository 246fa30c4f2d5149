"""benchmarks/split_accuracy.py: its speed figures time revdiff and the peer in turns."""

from __future__ import annotations

import pytest
from benchmark_scripts import load_benchmark


def test_revdiff_and_the_peer_take_turns_on_each_made_up_page(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page's revdiff runs all came first, then the peer's: on a machine whose load changed
    meanwhile the ratio measured the load as much as the reading. The two now take turns."""
    script = load_benchmark("split_accuracy", monkeypatch)
    runs: list[str] = []
    monkeypatch.setattr(script, "revdiff_read", lambda page: runs.append("revdiff"))
    monkeypatch.setattr(script, "baseline_read", lambda page: runs.append("peer"))
    lines = script.linked_speed().splitlines()
    assert len(lines) == 3
    assert runs == ["revdiff", "peer", "peer", "revdiff", "revdiff", "peer"] * 3
