"""Every table carries how sure the reading is and the page warnings; `[...]` is never text."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_run import revdiff

ROOT = Path(__file__).resolve().parents[2]
FLATTENED = ROOT / "samples" / "washpo-soleimani-v6-v7.txt"
RENDERED = ROOT / "samples" / "newsdiffs" / "us-sends-3000-troops-v1-v2-rendered.html"


def succeeded(*args: str) -> subprocess.CompletedProcess[str]:
    """The run of `revdiff ARGS`, which must succeed."""
    result = revdiff(*args)
    assert result.returncode == 0, result.stderr
    return result


def least_row_confidence(page: Path) -> float:
    (document,) = json.loads(succeeded("parse", str(page), "--format", "json").stdout)
    return min(row["confidence"] for reading in document["pages"] for row in reading["rows"])


def table(out: Path, fmt: str, name: str) -> list[dict[str, Any]]:
    """Rows of the edits or comparisons table of an export, as dicts."""
    if fmt == "sqlite":
        with sqlite3.connect(out) as db:
            db.row_factory = sqlite3.Row
            rows = [dict(row) for row in db.execute(f"SELECT * FROM {name}")]
        for row in rows:
            row["warnings"] = json.loads(row["warnings"])
        return rows
    path = out if name == "edits" else out.with_name(f"{out.stem}.comparisons{out.suffix}")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return list(pq.read_table(path).to_pylist())
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            row["confidence"] = float(row["confidence"]) if row["confidence"] else None
            row["warnings"] = json.loads(row["warnings"]) if row["warnings"] else []
        return rows
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite", "parquet"])
def test_edit_confidence_is_the_least_sure_row(fmt: str, tmp_path: Path) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    succeeded("export", str(FLATTENED), "-o", str(out), "--quiet")
    edits = table(out, fmt, "edits")
    least = least_row_confidence(FLATTENED)
    assert least < 0.99  # the seed page holds unsure rows
    assert all(row["confidence"] is not None and 0 <= row["confidence"] <= 1 for row in edits)
    assert min(row["confidence"] for row in edits) == pytest.approx(least, abs=1e-6)
    assert any(row["confidence"] > least for row in edits)  # per edit, not one value for all
    [summary] = table(out, fmt, "comparisons")
    assert summary["confidence"] == pytest.approx(least, abs=1e-6)
    assert any("could not be decided" in warning for warning in summary["warnings"])
    assert edits[0]["warnings"] == summary["warnings"]


def test_parquet_columns_are_typed(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    out = tmp_path / "out.parquet"
    succeeded("export", str(FLATTENED), "-o", str(out), "--quiet")
    schema = pq.read_schema(out)
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("warnings").type == pa.list_(pa.string())


def test_exact_inputs_have_no_confidence(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    succeeded("export", str(ROOT / "samples" / "versions"), "-o", str(out), "--quiet")
    rows = table(out, "jsonl", "edits")
    assert rows and all(row["confidence"] is None and row["warnings"] == [] for row in rows)


@pytest.mark.parametrize("fmt", ["jsonl", "sqlite"])
def test_cut_marks_are_not_text(fmt: str, tmp_path: Path) -> None:
    """A rendered NewsDiffs page's `[...]` is neither an edit nor counted; its warning is kept."""
    assert "[...]" in RENDERED.read_text(encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    succeeded("export", str(RENDERED), "-o", str(out), "--quiet")
    edits = table(out, fmt, "edits")
    assert edits
    assert not any("[...]" in row["old_text"] or "[...]" in row["new_text"] for row in edits)
    [summary] = table(out, fmt, "comparisons")
    assert summary["unchanged"] == sum(row["op"] == "unchanged" for row in edits)
    assert any("[...]" in warning for warning in summary["warnings"])
    diffed = [json.loads(line) for line in
              succeeded("diff", str(RENDERED), "--format", "jsonl").stdout.splitlines()]
    assert not any("[...]" in row["old_text"] for row in diffed)
    text = succeeded("diff", str(RENDERED), "--no-color").stdout
    assert "[...]" not in text
