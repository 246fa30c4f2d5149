"""docs/EXPORT.md's tables of columns are what the exports write.

The names, order and types are read from the document's own tables, so a column added, renamed,
moved or retyped in the code without the document (or the other way round) fails here.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from pathlib import Path

import pytest

from revdiff.export.driver import ExportJob, run_export
from revdiff.export.records import COMPARISON_COLUMN_NAMES, EDIT_COLUMN_NAMES, KEY_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
EXPORT_MD = (ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8")
KEY_COLUMN_NAMES = [name for name, _ in KEY_COLUMNS]
SAMPLES = ROOT / "samples" / "versions"
EDITS_HEADING = "Edits table (JSONL, CSV, Parquet; `edits` in SQLite)"

# The document's type of a column, and the Arrow type Parquet writes for it.
ARROW_TYPES = {"int": "int64", "str": "string", "float": "double", "bool": "bool",
               "list of int": "list<element: int64>", "list of str": "list<element: string>"}


def _section(heading: str) -> str:
    """The text under a `###` heading of EXPORT.md, up to the next heading."""
    start = EXPORT_MD.index(f"\n### {heading}\n")
    end = EXPORT_MD.find("\n#", start + 1)
    return EXPORT_MD[start:end]


def _table_rows(section: str) -> list[list[str]]:
    """The cells of each row of the first Markdown table in `section`, header and rule left out."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.splitlines() if line.startswith("| `")]
    assert rows, "no table found"
    return rows


def documented_columns(heading: str) -> list[tuple[str, str]]:
    """(name, type) of each column of a table as EXPORT.md lists them, in order; `a` ... `b`
    stands for the key columns, "as in the edits table"."""
    columns: list[tuple[str, str]] = []
    for name_cell, type_cell, _meaning in _table_rows(_section(heading)):
        if "..." in name_cell:
            assert re.findall(r"`(\w+)`", name_cell) == [KEY_COLUMN_NAMES[0], KEY_COLUMN_NAMES[-1]]
            columns += documented_columns(EDITS_HEADING)[:len(KEY_COLUMN_NAMES)]
            continue
        kind = type_cell.removesuffix(" / null")
        columns += [(name, kind) for name in re.findall(r"`(\w+)`", name_cell)]
    return columns


EDITS = documented_columns(EDITS_HEADING)
COMPARISONS = documented_columns("Comparisons table")


def export(fmt: str, out: Path) -> list[Path]:
    """The samples exported in `fmt`: the edits table's file first, then the comparisons'."""
    return list(run_export(ExportJob((str(SAMPLES),), out / f"news.{fmt}", fmt)).outputs)


def test_the_documented_types_are_known() -> None:
    assert {kind for _, kind in EDITS + COMPARISONS} <= set(ARROW_TYPES)


def test_the_code_has_the_documented_columns_in_order() -> None:
    assert [name for name, _ in EDITS] == list(EDIT_COLUMN_NAMES)
    assert [name for name, _ in COMPARISONS] == list(COMPARISON_COLUMN_NAMES)


def test_the_table_formats_write_the_documented_files(tmp_path: Path) -> None:
    formats = EXPORT_MD[EXPORT_MD.index("\n## Formats\n"):]
    for fmt in ("jsonl", "csv"):
        (row,) = [line for line in formats.splitlines() if line.startswith(f"| `{fmt}` |")]
        _fmt_cell, out_cell, files_cell = row.strip("|").split("|")
        (out,) = re.findall(r"`([\w.]+)`", out_cell)
        written = run_export(ExportJob((str(SAMPLES),), tmp_path / out, fmt)).outputs
        assert [path.name for path in written] == re.findall(r"`([\w.]+)`", files_cell)


def test_jsonl_and_csv_write_the_documented_columns(tmp_path: Path) -> None:
    for path, documented in zip(export("jsonl", tmp_path), (EDITS, COMPARISONS), strict=True):
        first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        assert list(first) == [name for name, _ in documented], path.name
    for path, documented in zip(export("csv", tmp_path), (EDITS, COMPARISONS), strict=True):
        with path.open(newline="", encoding="utf-8") as file:
            assert next(csv.reader(file)) == [name for name, _ in documented], path.name


def test_parquet_writes_the_documented_columns_and_types(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    for path, documented in zip(export("parquet", tmp_path), (EDITS, COMPARISONS), strict=True):
        schema = pq.read_schema(path)
        assert [(field.name, str(field.type)) for field in schema] == [
            (name, ARROW_TYPES[kind]) for name, kind in documented], path.name


def test_sqlite_holds_the_documented_tables_and_columns(tmp_path: Path) -> None:
    documented = {}
    for table_cell, columns_cell, _rows in _table_rows(_section("SQLite: the NewsEdits schema")):
        (table,) = re.findall(r"`(\w+)`", table_cell)
        named = {"the comparisons table": COMPARISONS, "the edits table": EDITS}.get(columns_cell)
        documented[table] = ([name for name, _ in named] if named
                             else columns_cell.strip("`").split(", "))
    (database,) = export("sqlite", tmp_path)
    with sqlite3.connect(database) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        written = {table: [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
                   for table in tables}
    assert written == documented


def test_sqlite_has_the_documented_indexes(tmp_path: Path) -> None:
    """The keys a NewsEdits notebook may rely on, and what a pair's lookup finds fast, are the
    document's: `table(column, ...)` after "Indexes:", those before "are unique" unique."""
    section = " ".join(_section("SQLite: the NewsEdits schema").split())
    indexes = section[section.index("Indexes:"):]
    index_pattern = r"`(\w+)\(([\w, ]+)\)`"
    documented = {(table, tuple(columns.split(", ")))
                  for table, columns in re.findall(index_pattern, indexes)}
    unique = {(table, tuple(columns.split(", "))) for table, columns in
              re.findall(index_pattern, indexes[:indexes.index("are unique")])}
    (database,) = export("sqlite", tmp_path)
    written, written_unique = set(), set()
    with sqlite3.connect(database) as connection:
        for name, table, is_unique in connection.execute(
                "SELECT il.name, m.name, il.\"unique\" FROM sqlite_master AS m, "
                "pragma_index_list(m.name) AS il WHERE m.type = 'table'"):
            key = (table, tuple(row[2] for row in connection.execute(
                "SELECT * FROM pragma_index_info(?) ORDER BY seqno", (name,))))
            written.add(key)
            if is_unique:
                written_unique.add(key)
    assert written == documented
    assert written_unique == unique
