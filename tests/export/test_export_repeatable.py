"""Two exports of the same input give the same bytes, however often each run checkpointed: the
checkpoints come about every second, so how many a run makes depends on how fast it ran, and
researchers compare outputs by their hashes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from export_corpus import make_chain

from revdiff.export import driver, tasks
from revdiff.export.driver import ExportJob, run_export

FORMATS = ["jsonl", "csv", "sqlite", "parquet", "html"]


def _stories(tmp_path: Path) -> list[str]:
    return [str(make_chain(tmp_path / "in" / f"story{number}",
                           [[f"Sentence {n} of version {v} in story {number}." for n in range(v + 2)]
                            for v in range(4)]))
            for number in range(6)]


def _output_bytes(outputs: list[Path]) -> dict[str, bytes]:
    """Every output file's bytes by its name (an HTML report's pages by their names too)."""
    files: dict[str, bytes] = {}
    for output in outputs:
        if output.is_dir():
            files.update((f"{output.name}/{page.name}", page.read_bytes())
                         for page in sorted(output.iterdir()))
        else:
            files[output.name] = output.read_bytes()
    return files


def _export(inputs: list[str], out: Path, fmt: str, every: float,
            monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """`fmt` of `inputs` to `out`, a checkpoint after every `every` articles."""
    monkeypatch.setattr(driver, "CHECKPOINT_SECONDS", math.inf)
    monkeypatch.setattr(driver, "CHECKPOINT_ARTICLES", every)
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 1)  # a chunk per article: a checkpoint after each
    out.parent.mkdir(parents=True, exist_ok=True)
    progress = run_export(ExportJob(tuple(inputs), out, fmt))
    return _output_bytes(progress.outputs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_runs_checkpointing_at_other_times_write_the_same_bytes(
        fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A SQLite file's header counts the transactions that made it, one per checkpoint, and a
    Parquet table's row groups ended where checkpoints fell: the final files differed by run."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
        from revdiff.export import parquet

        monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 7)  # row groups across the parts
    name = "report" if fmt == "html" else f"out.{fmt}"
    stories = _stories(tmp_path)
    often = _export(stories, tmp_path / "often" / name, fmt, 1, monkeypatch)
    seldom = _export(stories, tmp_path / "seldom" / name, fmt, math.inf, monkeypatch)
    assert often.keys() == seldom.keys()
    assert often == seldom
