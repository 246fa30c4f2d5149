"""benchmarks/align_quality.py reads ../shared's gold alignments, and says so where they are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark


def test_without_the_gold_file_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It said `gold file not found` and exited 2, where the other benchmarks skip."""
    script = load_benchmark("align_quality", monkeypatch)
    missing = tmp_path / "corpus" / "align" / "argrewrite-dev.jsonl"
    monkeypatch.setattr(script, "DEFAULT_GOLD", missing)
    assert script.main([]) == 0
    output = capsys.readouterr()
    assert (output.out, output.err) == ("", f"skipped: {missing} is not there\n")


def test_a_gold_file_named_that_is_not_there_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("align_quality", monkeypatch).main(["--gold", str(tmp_path / "gold.jsonl")])
    assert stopped.value.code == 2
    assert f"--gold {tmp_path / 'gold.jsonl'} is no file" in capsys.readouterr().err
