"""benchmarks/export_memory.py prints a peak per input, format and workers, set against JSONL."""

from __future__ import annotations

from pathlib import Path

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


def test_the_cases_take_turns_round_by_round(monkeypatch: pytest.MonkeyPatch) -> None:
    """The docstring said the cases take turns, but every round ran them in the same order, so a
    load rising or falling on the machine meanwhile weighed on the later ones more."""
    script = load_benchmark("export_memory", monkeypatch)
    ran: list[tuple[str, int, str]] = []

    def made_up_run(folders: list[str], workers: int, dask: bool, fmt: str
                    ) -> dict[str, float]:
        ran.append((Path(folders[0]).name, workers, fmt))
        return {"pairs": 2.0, "seconds": 1.0, "driver_rss_mb": 50.0, "worker_rss_mb": 40.0}

    monkeypatch.setattr(script, "run", made_up_run)
    script.main(["--versions", "2", "--articles", "1", "--formats", "csv", "--repeat", "2"])
    first = [("blog", 1, "jsonl"), ("blog", 1, "csv"), ("blog", 2, "jsonl"), ("blog", 2, "csv"),
             ("news.db", 1, "jsonl"), ("news.db", 1, "csv"), ("news.db", 2, "jsonl"),
             ("news.db", 2, "csv")]
    assert ran == [*first, *first[::-1]]


def test_a_worker_peak_not_sampled_is_told_apart_from_one_measured(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Where the JSONL export's workers were never sampled (a run shorter than the sampler's
    0.2 s), the row showed `-` for the format's own worker MB too, and nothing said why."""
    script = load_benchmark("export_memory", monkeypatch)

    def run_sampled_for_csv_alone(folders: list[str], workers: int, dask: bool, fmt: str
                                  ) -> dict[str, float]:
        return {"pairs": 2.0, "seconds": 1.0, "driver_rss_mb": 50.0,
                "worker_rss_mb": 40.0 if fmt == "csv" and workers > 1 else 0.0}

    monkeypatch.setattr(script, "run", run_sampled_for_csv_alone)
    script.main(["--versions", "2", "--articles", "1", "--formats", "csv", "--repeat", "1"])
    lines = capsys.readouterr().out.splitlines()
    rows = [line.split() for line in lines if line.startswith(("blog", "1 articles"))]
    assert [row[-2:] for row in rows if row[-8:-6] == ["csv", "2"]] == [["40", "-"], ["40", "-"]]
    assert [row[-2:] for row in rows if row[-8:-6] == ["jsonl", "2"]] == [["-", "-"], ["-", "-"]]
    assert ("worker MB -: no worker process was sampled while the export ran (it ended within the "
            "0.2 s between samples); x jsonl -: the format's or the JSONL export's worker peak "
            "is not measured") in lines
