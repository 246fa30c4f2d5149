"""Every format on real data: a dozen Wikipedia version chains from ../shared/corpus."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from revdiff.export.driver import ExportJob, run_export
from revdiff.export.records import EDIT_COLUMN_NAMES


@pytest.fixture(scope="module")
def exports(wikipedia_subset: list[str], tmp_path_factory: pytest.TempPathFactory
            ) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("wikipedia")
    outputs = {}
    for fmt, name in (("jsonl", "w.jsonl"), ("csv", "w.csv"), ("sqlite", "w.sqlite"),
                      ("html", "report"), ("unified", "w.diff")):
        outputs[fmt] = folder / name
        run_export(ExportJob(tuple(wikipedia_subset), outputs[fmt], fmt))
    return outputs


def expected_pairs(wikipedia_subset: list[str]) -> int:
    return sum(len(list(Path(folder).glob("*.txt"))) - 1 for folder in wikipedia_subset)


def test_jsonl_covers_every_pair(exports: dict[str, Path], wikipedia_subset: list[str]) -> None:
    summaries = [json.loads(line) for line in
                 exports["jsonl"].with_name("w.comparisons.jsonl").read_text().splitlines()]
    assert len(summaries) == expected_pairs(wikipedia_subset)
    assert len({s["article_index"] for s in summaries}) == len(wikipedia_subset)
    edits = [json.loads(line) for line in exports["jsonl"].read_text().splitlines()]
    assert all(tuple(row) == EDIT_COLUMN_NAMES for row in edits)
    per_pair = {}
    for row in edits:
        key = (row["article_index"], row["old_version"], row["new_version"])
        per_pair[key] = per_pair.get(key, 0) + 1
    for summary in summaries:
        key = (summary["article_index"], summary["old_version"], summary["new_version"])
        ops = ("unchanged", "edited", "added", "deleted", "moved", "split", "merged")
        assert per_pair.get(key, 0) == sum(summary[op] for op in ops)


def test_csv_row_count_matches_jsonl(exports: dict[str, Path]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(exports["csv"], keep_default_na=False)
    jsonl_rows = exports["jsonl"].read_text().count("\n")
    assert len(frame) == jsonl_rows
    assert set(frame["op"]) <= {"unchanged", "edited", "added", "deleted", "moved", "split",
                                "merged"}


def test_sqlite_join_on_real_chains(exports: dict[str, Path], wikipedia_subset: list[str]
                                    ) -> None:
    with sqlite3.connect(exports["sqlite"]) as connection:
        pairs = connection.execute(
            "SELECT count(DISTINCT entry_id || ':' || version_x) FROM matched_sentences"
        ).fetchone()[0]
        orphans = connection.execute(
            "SELECT count(*) FROM matched_sentences m LEFT JOIN split_sentences s "
            "ON s.entry_id = m.entry_id AND s.version = m.version_y AND s.sent_idx = m.sent_idx_y "
            "WHERE m.sent_idx_y IS NOT NULL AND s.sentence IS NULL").fetchone()[0]
    assert pairs == expected_pairs(wikipedia_subset)
    assert orphans == 0


def test_html_and_unified_on_real_chains(exports: dict[str, Path],
                                         wikipedia_subset: list[str]) -> None:
    pages = list(exports["html"].glob("0*.html"))
    assert len(pages) == len(wikipedia_subset)
    assert all("<script" not in page.read_text(encoding="utf-8") for page in pages)
    text = exports["unified"].read_text(encoding="utf-8")
    assert 0 < text.count("\n+++ ") + text.startswith("+++") <= expected_pairs(wikipedia_subset)
