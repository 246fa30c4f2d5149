"""benchmarks/attribution_flags.py counts the rows the README's attribution_changed figures name."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_script(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("attribution_flags",
                                                  BENCHMARKS / "attribution_flags.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # a dataclass looks its module up in sys.modules
    monkeypatch.setitem(sys.modules, "attribution_flags", module)
    spec.loader.exec_module(module)
    return module


def test_an_unchanged_row_is_two_sided_but_not_changed(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "0.txt").write_text("Troops arrived on Monday.\n\nThe base was hit.\n")
    (story / "1.txt").write_text("Troops arrived on Monday.\n\nThe base was hit, officials said.\n")
    (story / "2.txt").write_text("The base was hit, officials said.\n")
    count = load_script(monkeypatch).count_flags([story])
    assert (count.two_sided, count.changed) == (3, 1)
    assert [row["new_sources"] for row in count.flagged_rows] == [["officials"]]


def test_without_the_corpus_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_script(monkeypatch)
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "corpus" / "wikipedia")
    assert script.main([]) == 0
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err == f"skipped: {tmp_path / 'corpus' / 'wikipedia'} is not there\n"
