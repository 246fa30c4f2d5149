"""benchmarks/attribution_flags.py counts the rows docs/FLAGS.md's attribution_changed figures
name."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark


def test_an_unchanged_row_is_two_sided_but_not_changed(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "0.txt").write_text("Troops arrived on Monday.\n\nThe base was hit.\n")
    (story / "1.txt").write_text("Troops arrived on Monday.\n\nThe base was hit, officials said.\n")
    (story / "2.txt").write_text("The base was hit, officials said.\n")
    count = load_benchmark("attribution_flags", monkeypatch).count_flags([story])
    assert (count.two_sided, count.changed) == (3, 1)
    assert [row["new_sources"] for row in count.flagged_rows] == [["officials"]]


def test_without_the_corpus_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("attribution_flags", monkeypatch)
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "corpus" / "wikipedia")
    assert script.main([]) == 0
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err == f"skipped: {tmp_path / 'corpus' / 'wikipedia'} is not there\n"
