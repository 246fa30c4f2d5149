"""benchmarks/export_memory.py prints a peak per input, format and workers, set against JSONL."""

from __future__ import annotations

import pytest
from benchmark_scripts import load_benchmark


def test_a_tiny_run_measures_each_case_against_jsonl(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("export_memory", monkeypatch)
    script.main(["--versions", "3", "--articles", "2", "--formats", "csv", "--repeat", "1"])
    rows = [line.split() for line in capsys.readouterr().out.splitlines()
            if line.startswith(("blog", "2 articles"))]
    # input, format, workers, pairs: the blog's 2 pairs, the 2 articles' 2 pairs each
    assert [(row[-8], row[-7], row[-6]) for row in rows] == [
        ("jsonl", "1", "2"), ("csv", "1", "2"), ("jsonl", "2", "2"), ("csv", "2", "2"),
        ("jsonl", "1", "4"), ("csv", "1", "4"), ("jsonl", "2", "4"), ("csv", "2", "4")]
    assert all(row[-3] == "1.00" for row in rows if row[-8] == "jsonl")
    assert all(float(row[-4]) > 0 for row in rows)  # the driver's peak


def test_no_rounds_are_refused(monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("export_memory", monkeypatch)
    monkeypatch.setattr(script, "run", lambda *arguments: pytest.fail("ran"))
    with pytest.raises(SystemExit) as stopped:
        script.main(["--repeat", "0"])
    assert stopped.value.code == 2
    assert "--repeat must be 1 or more" in capsys.readouterr().err
