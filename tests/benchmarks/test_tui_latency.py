"""benchmarks/tui_latency.py times its cases in turns, so that a busy machine slows them alike."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import pytest
from benchmark_scripts import load_benchmark


def test_the_app_and_its_peers_take_turns_round_by_round(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every run of the engine came first, then every run of the plain text, of the app, of the
    one long page and of the empty app: on a machine whose load changed meanwhile the ratios
    `first screen / plain text` and `one long page / first screen` measured the load as much as
    the app. The peers now run before the app's second run."""
    script = load_benchmark("tui_latency", monkeypatch)
    runs: list[str] = []

    def recorded(name: str, function: Callable[..., Any], *args: Any, **options: Any) -> Any:
        runs.append(name)
        return function(*args, **options)

    for name, attribute in (("plain text", "comparison_text"),
                            ("app", "measure_app"), ("long page", "measure_one_long_page"),
                            ("empty app", "measure_empty_app")):
        monkeypatch.setattr(script, attribute,
                            functools.partial(recorded, name, getattr(script, attribute)))
    monkeypatch.setattr(sys, "argv", ["tui_latency.py", "--sentences", "20", "--repeat", "3"])
    script.main()
    one_round = ["plain text", "app", "long page", "empty app"]
    assert runs == one_round + one_round[::-1] + one_round
    assert "first screen against plain text" in capsys.readouterr().out


@pytest.mark.parametrize("sentences", ["4", "9", "-5"])
def test_an_article_too_short_to_scroll_is_refused_in_one_line(
        sentences: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Below 5 sentences the article had no paragraph and the generator stopped in a ValueError
    traceback (`empty range for randrange()`); below 10 it fits on one screen, `j` scrolls
    nothing, and the median of no press stopped in a StatisticsError traceback after every run."""
    script = load_benchmark("tui_latency", monkeypatch)
    monkeypatch.setattr(script, "measure_app", lambda article: pytest.fail("ran"))
    monkeypatch.setattr(sys, "argv", ["tui_latency.py", "--sentences", sentences])
    with pytest.raises(SystemExit) as stopped:
        script.main()
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "tui_latency.py: error: --sentences must be 10 or more: a shorter article fits on one "
        "screen, where `j` scrolls nothing to time")


def test_a_peer_timed_at_zero_is_told_not_divided(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`first screen / plain text` divided by the plain text's time: ZeroDivisionError where the
    clock saw none pass (a run shorter than its tick)."""
    script = load_benchmark("tui_latency", monkeypatch)
    monkeypatch.setattr(script, "wall_seconds", lambda function: (function(), 0.0)[1])
    monkeypatch.setattr(sys, "argv", ["tui_latency.py", "--sentences", "10", "--repeat", "1"])
    script.main()
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("the app's first screen against plain text: slower beyond measure: "
                           "the other's time was below the clock's resolution; against one long "
                           "page: ")
