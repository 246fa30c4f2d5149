"""benchmarks/diff_json.py reads ../shared's Wikipedia chains, and says so where they are not."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from benchmark_scripts import load_benchmark


def test_without_the_corpus_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("diff_json", monkeypatch)
    missing = tmp_path / "corpus" / "wikipedia"
    monkeypatch.setattr(script, "DEFAULT_CORPUS", missing)
    assert script.main([]) == 0
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err == f"skipped: {missing} is not there\n"


def test_a_corpus_named_that_is_not_there_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("diff_json", monkeypatch)
    with pytest.raises(SystemExit) as stopped:
        script.main(["--corpus", str(tmp_path / "nowhere")])
    assert stopped.value.code == 2
    assert f"--corpus {tmp_path / 'nowhere'} is no folder" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["0", "-1"])
def test_no_articles_are_refused(count: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """It ended in a revdiff.errors.EmptyInput traceback: no article was read to make JSON of."""
    (tmp_path / "some-article").mkdir()
    script = load_benchmark("diff_json", monkeypatch)
    with pytest.raises(SystemExit) as stopped:
        script.main(["--corpus", str(tmp_path), "--articles", count])
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "--articles must be 1 or more" in error
    assert "Traceback" not in error


@pytest.mark.parametrize(("clock_step", "said"), [
    (0.0, ("json_array against the peer: not measured: both times were below the clock's "
           "resolution")),
    (1.0, "json_array against the peer: 1.0x faster"),
])
def test_a_time_of_zero_is_told_not_divided(
        clock_step: float, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`peer / medians['json_array']` raised ZeroDivisionError where json_array took less than
    the clock's tick: a clock that stands still times every run at 0, one that moves a second a
    reading times every run at 1 s."""
    article = tmp_path / "some-article"
    article.mkdir()
    (article / "0.txt").write_text("The council met.\n")
    (article / "1.txt").write_text("The council met again.\n")
    script = load_benchmark("diff_json", monkeypatch)
    ticks = iter(range(10**6))
    timed = script.medians_in_turns
    monkeypatch.setattr(script, "medians_in_turns", lambda functions, repeat: timed(
        functions, repeat, clock=lambda: clock_step * next(ticks)))
    assert script.main(["--corpus", str(tmp_path), "--articles", "1", "--repeat", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == said


def test_the_two_ways_take_turns_round_by_round(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The docstring said the rounds take turns, but json_array ran first in every round, so a
    load rising or falling on the machine meanwhile weighed on the peer more."""
    article = tmp_path / "some-article"
    article.mkdir()
    (article / "0.txt").write_text("The council met.\n")
    (article / "1.txt").write_text("The council met again.\n")
    script = load_benchmark("diff_json", monkeypatch)
    ran: list[str] = []
    json_array, dumps = script.json_array, script.json.dumps

    def recorded_json_array(records: list[dict[str, object]]) -> object:
        ran.append("json_array")
        return json_array(records)

    def recorded_dumps(records: list[dict[str, object]], **options: Any) -> str:
        ran.append("json.dumps")
        return dumps(records, **options)

    monkeypatch.setattr(script, "json_array", recorded_json_array)
    monkeypatch.setattr(script, "json", SimpleNamespace(dumps=recorded_dumps))
    assert script.main(["--corpus", str(tmp_path), "--articles", "1", "--repeat", "3"]) == 0
    # once each to check the texts are the same, then the rounds
    assert ran == ["json_array", "json.dumps"] * 2 + ["json.dumps", "json_array"] + \
        ["json_array", "json.dumps"]
