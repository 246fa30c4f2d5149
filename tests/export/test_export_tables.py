"""JSONL, CSV and Parquet: the schema, and that the rows say what the engine found."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import sqlite3
import unicodedata
import warnings
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_corpus import make_chain

from revdiff.cli import main
from revdiff.engine.stats import word_changes
from revdiff.engine.word_count import count_words
from revdiff.export import records
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.inputs import expand_inputs
from revdiff.export.pairs import compare_chain
from revdiff.export.progress import ExportProgress
from revdiff.export.records import (
    COMPARISON_COLUMN_NAMES,
    EDIT_COLUMN_NAMES,
    EDIT_COLUMNS,
    article_ref,
    edit_rows,
    flatten_for_csv,
)
from revdiff.export.tasks import ArticleResult, process_chunk
from revdiff.formats import load
from revdiff.model import Article, Comparison, Edit, EditOp, Version
from revdiff.render.newsedits import write_database
from revdiff.render.sniffer import PageInfo, render_diff_text

ROOT = Path(__file__).resolve().parents[2]


def export(inputs: list[str], out: Path, fmt: str, **options: object) -> list[Path]:
    job = ExportJob(tuple(inputs), out, fmt)
    return run_export(job, **options).outputs  # type: ignore[arg-type]


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def expected_counts(inputs: list[str]) -> tuple[int, int]:
    """(comparisons, edits) the engine finds for the inputs, computed directly."""
    pairs = edits = 0
    for unit in expand_inputs(inputs):
        for article in load(list(unit.paths)):
            comparisons = compare_chain(article, "auto")
            pairs += len(comparisons)
            edits += sum(len(c.edits) for c in comparisons)
    return pairs, edits


def test_jsonl_schema_and_counts(samples: Path, tmp_path: Path) -> None:
    edits_path, comparisons_path = export([str(samples)], tmp_path / "out.jsonl", "jsonl")
    assert comparisons_path == tmp_path / "out.comparisons.jsonl"
    edits, summaries = read_jsonl(edits_path), read_jsonl(comparisons_path)
    assert all(tuple(row) == EDIT_COLUMN_NAMES for row in edits)
    assert all(tuple(row) == COMPARISON_COLUMN_NAMES for row in summaries)
    assert (len(summaries), len(edits)) == expected_counts([str(samples)])
    # Three sample stories with 5, 4 and 3 versions: 4 + 3 + 2 consecutive pairs, in order.
    assert [(r["article_index"], r["old_version"], r["new_version"]) for r in summaries] == [
        (0, 0, 1), (0, 1, 2), (0, 2, 3), (0, 3, 4), (1, 0, 1), (1, 1, 2), (1, 2, 3),
        (2, 0, 1), (2, 1, 2)]
    assert summaries[0]["article"].endswith("iran-strikes-us-troops-in-iraq")


def test_jsonl_rows_match_the_comparisons(samples: Path, tmp_path: Path) -> None:
    story = samples / "us-sends-3000-troops-to-middle-east"
    edits_path, comparisons_path = export([str(story)], tmp_path / "one.jsonl", "jsonl")
    article = load([str(story)])[0]
    comparisons = compare_chain(article, "auto")
    rows = read_jsonl(edits_path)
    expected = [edit for c in comparisons for edit in c.edits]
    assert [r["op"] for r in rows] == [e.op.value for e in expected]
    assert [r["new_text"] for r in rows] == [e.new_text for e in expected]
    assert [r["old_indices"] for r in rows] == [list(e.old) for e in expected]
    summaries = read_jsonl(comparisons_path)
    for summary, comparison in zip(summaries, comparisons):
        assert summary["words_added"] == comparison.stats.words_added
        assert summary["new_sentences"] == len(comparison.new_sentences)
        assert sum(summary[op.value] for op in EditOp) == len(comparison.edits)
        per_pair = [r for r in rows if r["new_version"] == summary["new_version"]]
        assert [r["edit_index"] for r in per_pair] == list(range(len(comparison.edits)))


def test_csv_has_the_jsonl_content(generated: Path, tmp_path: Path) -> None:
    jsonl_edits, jsonl_summaries = export([str(generated)], tmp_path / "g.jsonl", "jsonl")
    csv_edits, csv_summaries = export([str(generated)], tmp_path / "g.csv", "csv")
    with open(csv_edits, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        assert tuple(next(reader)) == EDIT_COLUMN_NAMES
        csv_rows = list(reader)
    json_rows = read_jsonl(jsonl_edits)
    assert len(csv_rows) == len(json_rows) > 0
    for cells, row in zip(csv_rows, json_rows):
        record = dict(zip(EDIT_COLUMN_NAMES, cells))
        assert record["old_text"] == row["old_text"] and record["op"] == row["op"]
        assert record["old_indices"] == " ".join(map(str, row["old_indices"]))
        assert record["flags"] == " ".join(row["flags"])
        assert float(record["similarity"]) == row["similarity"]
    with open(csv_summaries, newline="", encoding="utf-8") as handle:
        summary_rows = list(csv.DictReader(handle))
    assert len(summary_rows) == len(read_jsonl(jsonl_summaries))
    assert {row["boring"] for row in summary_rows} <= {"true", "false"}


def test_csv_reads_into_pandas_with_the_same_shape_as_parquet(generated: Path,
                                                               tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    csv_edits, csv_summaries = export([str(generated)], tmp_path / "g.csv", "csv")
    pq_edits, pq_summaries = export([str(generated)], tmp_path / "g.parquet", "parquet")
    from_csv, from_parquet = pd.read_csv(csv_edits), pd.read_parquet(pq_edits)
    assert list(from_csv.columns) == list(from_parquet.columns) == list(EDIT_COLUMN_NAMES)
    assert len(from_csv) == len(from_parquet)
    assert list(from_csv["op"]) == list(from_parquet["op"])
    assert list(from_csv["words_added"]) == list(from_parquet["words_added"])
    assert list(pd.read_csv(csv_summaries).columns) == list(pd.read_parquet(pq_summaries).columns)


def test_parquet_types_and_content(generated: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    edits_path, summaries_path = export([str(generated)], tmp_path / "g.parquet", "parquet")
    table = pq.read_table(edits_path)
    assert table.schema.field("old_indices").type == pa.list_(pa.int64())
    assert table.schema.field("flags").type == pa.list_(pa.string())
    assert table.schema.field("similarity").type == pa.float64()
    json_edits, _ = export([str(generated)], tmp_path / "g.jsonl", "jsonl")
    assert table.to_pylist() == read_jsonl(json_edits)
    assert pq.read_table(summaries_path).schema.field("boring").type == pa.bool_()


def test_output_folder_gets_edits_and_comparisons(samples: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    outputs = export([str(samples)], folder, "csv")
    assert outputs == [folder / "edits.csv", folder / "comparisons.csv"]
    assert all(path.stat().st_size > 0 for path in outputs)
    assert not list(tmp_path.glob(".*revdiff-partial"))


@pytest.mark.parametrize(("name", "comparisons"), [("news", "news.comparisons.csv"),
                                                    ("news.", "news.comparisons.csv"),
                                                    ("news.txt", "news.comparisons.txt")])
def test_comparisons_table_beside_an_output_without_suffix(samples: Path, tmp_path: Path, name: str,
                                                          comparisons: str) -> None:
    outputs = export([str(samples)], tmp_path / name, "csv")
    assert outputs == [tmp_path / name, tmp_path / comparisons]


def test_identical_versions_give_one_unchanged_row(tmp_path: Path) -> None:
    make_chain(tmp_path / "in" / "a", [["Nothing changed here."], ["Nothing changed here."]])
    edits_path, summaries_path = export([str(tmp_path / "in" / "a")], tmp_path / "o.jsonl",
                                        "jsonl")
    summary = read_jsonl(summaries_path)
    assert len(summary) == 1 and summary[0]["unchanged"] == 1
    assert summary[0]["words_added"] == summary[0]["words_removed"] == 0
    assert [r["op"] for r in read_jsonl(edits_path)] == ["unchanged"]


def test_word_changes_count_the_word_diff() -> None:
    edit = Edit(EditOp.EDITED, (0,), (0,), "five dead today", "nine dead now", 0.5,
                ((-1, "five"), (1, "nine"), (0, " dead "), (-1, "today"), (1, "now")))
    assert word_changes(edit) == (2, 2)
    added = Edit(EditOp.ADDED, (), (3,), "", "A new sentence here.", 0.0, ())
    assert word_changes(added) == (0, 4)


def test_word_changes_count_words_with_a_letter_or_digit_once() -> None:
    edit = Edit(EditOp.EDITED, (0,), (0,), "Iran's 700 troops", "Iran's 3,000 troops — now", 0.5,
                ((0, "Iran's "), (-1, "700"), (1, "3,000"), (0, " troops"), (1, " — now")))
    assert word_changes(edit) == (1, 2)  # `—` is no word, `3,000` is one


def test_the_comparisons_word_totals_are_the_sums_over_their_edits(samples: Path, tmp_path: Path
                                                                   ) -> None:
    edits_path, summaries_path = export([str(samples)], tmp_path / "o.jsonl", "jsonl")
    totals: dict[tuple[int, int, int], list[int]] = {}
    for row in read_jsonl(edits_path):
        pair = totals.setdefault((row["article_index"], row["old_version"], row["new_version"]),
                                 [0, 0])
        pair[0] += row["words_added"]
        pair[1] += row["words_removed"]
    summaries = read_jsonl(summaries_path)
    assert len(summaries) == len(totals) > 5
    for summary in summaries:
        key = (summary["article_index"], summary["old_version"], summary["new_version"])
        assert [summary["words_added"], summary["words_removed"]] == totals[key]


def test_flatten_for_csv_writes_lists_booleans_and_none(samples: Path) -> None:
    article = load([str(samples / "us-sends-3000-troops-to-middle-east")])[0]
    comparison = compare_chain(article, "auto")[0]
    row = next(edit_rows(article_ref(3, article, "samples/story"), comparison))
    cells = dict(zip(EDIT_COLUMN_NAMES, flatten_for_csv(row, EDIT_COLUMNS)))
    assert cells["article_index"] == 3
    assert cells["article"] == "us-sends-3000-troops-to-middle-east"
    assert cells["url"] == "" and cells["source"] == ""
    assert cells["old_indices"] == " ".join(map(str, row["old_indices"]))


UNICODE_FORMS = ("Le café a été rénové.", "Il pleut à Montréal.")


def _flags_and_words(path: Path, fmt: str) -> list[tuple[list[str], int, int]]:
    """(flags, words removed, words added) of each edited row of an edits table, as written."""
    if fmt == "jsonl":
        rows = read_jsonl(path)
    elif fmt == "csv":
        rows = [dict(row, flags=row["flags"].split()) for row in
                csv.DictReader(path.open(encoding="utf-8", newline=""))]
    elif fmt == "parquet":
        rows = pytest.importorskip("pyarrow.parquet").read_table(path).to_pylist()
    else:
        with sqlite3.connect(path) as connection:
            connection.row_factory = sqlite3.Row
            rows = [dict(row, flags=json.loads(row["flags"])) for row in
                    connection.execute("SELECT * FROM edits ORDER BY edit_index")]
    return [(list(row["flags"]), int(row["words_removed"]), int(row["words_added"]))
            for row in rows if row["op"] == "edited"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_a_change_of_unicode_form_alone_is_flagged_and_changes_no_word(tmp_path: Path, fmt: str
                                                                       ) -> None:
    # the new version writes every accent as a combining character (NFD): the same text, which
    # was counted as 5 words removed and 5 added, with no flag to tell
    story = tmp_path / "in" / "story"
    make_chain(story, [list(UNICODE_FORMS),
                       [unicodedata.normalize("NFD", line) for line in UNICODE_FORMS]])
    out = tmp_path / ("news.sqlite" if fmt == "sqlite" else f"e.{fmt}")
    edits_path = export([str(story)], out, fmt)[0]
    assert _flags_and_words(edits_path, fmt) == [(["encoding_only"], 0, 0)] * 2


def _title_flags(path: Path, fmt: str) -> list[list[str]]:
    """The `title_flags` of each row of a comparisons table, as written."""
    if fmt == "jsonl":
        return [list(row["title_flags"]) for row in read_jsonl(path)]
    if fmt == "csv":
        return [row["title_flags"].split()
                for row in csv.DictReader(path.open(encoding="utf-8", newline=""))]
    if fmt == "parquet":
        table = pytest.importorskip("pyarrow.parquet").read_table(path)
        return [list(flags) for flags in table.column("title_flags").to_pylist()]
    with sqlite3.connect(path) as connection:
        return [json.loads(flags) for (flags,) in
                connection.execute("SELECT title_flags FROM comparisons ORDER BY new_version")]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_a_title_written_in_another_unicode_form_is_flagged_encoding_only(tmp_path: Path, fmt: str
                                                                          ) -> None:
    # version 1 writes the title's accents as combining characters, version 2 changes a word of
    # it: the comparisons table gave both pairs two titles that looked alike and no flag to tell
    title = "Le café de Montréal rouvre"
    titles = (title, unicodedata.normalize("NFD", title), title.replace("rouvre", "ferme"))
    database = tmp_path / "news.db"
    write_database(database, [Article(None, "https://example.org/cafe", tuple(
        Version(number, text, (f"Il pleut {number} fois.",)) for number, text in enumerate(titles)
    ), 3)])
    out = tmp_path / ("news.sqlite" if fmt == "sqlite" else f"e.{fmt}")
    outputs = export([str(database)], out, fmt)
    assert _title_flags(outputs[0] if fmt == "sqlite" else outputs[1], fmt) == [
        ["encoding_only"], []]


def _sources(path: Path, fmt: str) -> list[tuple[list[str], list[str], list[str]]]:
    """(flags, old_sources, new_sources) of each row of an edits table, as written."""
    if fmt == "jsonl":
        rows = read_jsonl(path)
    elif fmt == "csv":
        rows = [dict(row, flags=row["flags"].split(),
                     **{side: json.loads(row[side]) if row[side] else []
                        for side in ("old_sources", "new_sources")})
                for row in csv.DictReader(path.open(encoding="utf-8", newline=""))]
    elif fmt == "parquet":
        rows = pytest.importorskip("pyarrow.parquet").read_table(path).to_pylist()
    else:
        with sqlite3.connect(path) as connection:
            connection.row_factory = sqlite3.Row
            rows = [{name: json.loads(row[name])
                     for name in ("flags", "old_sources", "new_sources")} for row in
                    connection.execute("SELECT * FROM edits ORDER BY edit_index")]
    return [(list(row["flags"]), list(row["old_sources"]), list(row["new_sources"]))
            for row in rows]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite"])
def test_the_edits_table_names_the_sources_of_each_side(tmp_path: Path, fmt: str) -> None:
    # the table flagged attribution_changed and said nothing of which source came or went
    story = make_chain(tmp_path / "in" / "story", [
        ["A Pentagon official said the troops left.", "Police officials said it was calm."],
        ["Defense Secretary Mark Esper said the troops left.",
         "Police officials said it was calm.", "It was over, NBC News reported."]])
    out = tmp_path / ("news.sqlite" if fmt == "sqlite" else f"e.{fmt}")
    assert _sources(export([str(story)], out, fmt)[0], fmt) == [
        (["attribution_changed"], ["pentagon official"], ["defense secretary mark esper"]),
        ([], ["police officials"], ["police officials"]),
        ([], [], ["nbc news"])]


def test_jsonl_records_are_one_line_each_to_splitlines(tmp_path: Path) -> None:
    """A sentence holding a line separator (U+2028), a paragraph separator or NEL was written raw:
    a JSONL reader splitting the file with `str.splitlines()` got pieces of records, not JSON."""
    database = tmp_path / "news.db"
    write_database(database, [Article(None, "https://example.org/sep", (
        Version(0, "Title\u2029one", ("It rained\u2028hard.",)),
        Version(1, "Title\u2029one", ("It rained\x85hard today.",))), 2)])
    edits_path, comparisons_path = export([str(database)], tmp_path / "e.jsonl", "jsonl")
    [edit] = read_jsonl(edits_path)
    assert (edit["old_text"], edit["new_text"]) == ("It rained\u2028hard.", "It rained\x85hard today.")
    assert [row["old_title"] for row in read_jsonl(comparisons_path)] == ["Title\u2029one"]


@pytest.mark.parametrize("command", ["diff", "parse"])
def test_diff_and_parse_jsonl_records_are_one_line_each_to_splitlines(tmp_path: Path, command: str
                                                                      ) -> None:
    database = tmp_path / "news.db"
    write_database(database, [Article(None, "https://example.org/sep", (
        Version(0, "Title", ("It rained\u2028hard.",)),
        Version(1, "Title", ("It rained\u2028hard today.",))), 2)])
    result = CliRunner().invoke(main, [command, str(database), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1 and "It rained\u2028hard." in json.dumps(records, ensure_ascii=False)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "sqlite", "unified", "html"])
def test_an_article_is_exported_one_comparison_at_a_time(tmp_path: Path, fmt: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A live blog's forty comparisons were all held at once while its rows were made (a worker
    of 476 MB): every format holds at most the one before a pair when the next is compared (the
    HTML report's timeline and charts, at the top of its page, keep each pair's statistics
    only, and are made after its diffs)."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    import revdiff.engine

    compare = revdiff.engine.compare
    held_at_each_comparison: list[int] = []

    def compare_counting_those_held(*args: object, **kwargs: object) -> Comparison:
        held_at_each_comparison.append(
            sum(isinstance(thing, Comparison) for thing in gc.get_objects()))
        return compare(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(revdiff.engine, "compare", compare_counting_those_held)
    article = _growing_blog(tmp_path)
    export([str(article)], tmp_path / f"out.{fmt}", fmt)
    assert len(held_at_each_comparison) == 5
    assert max(held_at_each_comparison) <= 1


def _growing_blog(tmp_path: Path) -> Path:
    """An article of six versions, each a paragraph longer than the one before."""
    versions = [[f"Paragraph {n} of version {v}." for n in range(3 + v)] for v in range(6)]
    return make_chain(tmp_path / "blog", versions)


def _exported_by_a_worker(tmp_path: Path, fmt: str) -> tuple[ExportJob, ArticleResult]:
    """The export job of `_growing_blog`'s article to `fmt`, and what a worker hands back."""
    from revdiff.export.task_reading import iter_tasks

    job = ExportJob((str(_growing_blog(tmp_path)),), tmp_path / f"out.{fmt}", fmt)
    tasks = list(iter_tasks(job, expand_inputs(job.inputs), ExportProgress(), lambda text: None))
    [result] = process_chunk(fmt, "auto", tasks)
    return job, result


def _version_pairs(text: str, fmt: str) -> set[tuple[str, str]]:
    """The (old_version, new_version) of every row of a piece of a table."""
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        return {(str(row["old_version"]), str(row["new_version"])) for row in rows}
    return {(row["old_version"], row["new_version"])
            for row in csv.DictReader(text.splitlines(), fieldnames=EDIT_COLUMN_NAMES)}


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_article_s_rows_come_back_one_pair_at_a_time(tmp_path: Path, fmt: str) -> None:
    """A live blog's 89 MB of JSONL was made as a list of every row, joined into one string in
    the worker (which peaked at 420 MB) and pickled back whole: each table's text comes back in
    pieces, one pair's rows each, which the writer writes one after the other."""
    job, result = _exported_by_a_worker(tmp_path, fmt)
    edits, summaries = result.payload
    assert len(edits) == len(summaries) == 5
    assert [_version_pairs(piece, fmt) for piece in edits] == [
        {(str(v), str(v + 1))} for v in range(5)]
    edits_file, _ = export(job.inputs, job.out, fmt)
    header = ",".join(EDIT_COLUMN_NAMES) + "\n" if fmt == "csv" else ""
    assert edits_file.read_text(encoding="utf-8") == header + "".join(edits)


def test_parquet_rows_come_back_one_pair_at_a_time(tmp_path: Path) -> None:
    """An article's Parquet rows were one record batch made from a list of every row's dict and
    pickled back with copies of its buffers (a live blog's worker peaked at 477 MB): they come
    back as a record batch per pair, in Arrow IPC bytes, which the writer writes one by one."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from revdiff.export.parquet import arrow_schema

    job, result = _exported_by_a_worker(tmp_path, "parquet")
    edits, summaries = result.payload
    assert len(edits) == len(summaries) == 5
    batches = [pa.ipc.read_record_batch(pa.py_buffer(message), arrow_schema(EDIT_COLUMNS))
               for message in edits]
    assert [{(row["old_version"], row["new_version"]) for row in batch.to_pylist()}
            for batch in batches] == [{(v, v + 1)} for v in range(5)]
    edits_file, _ = export(job.inputs, job.out, "parquet")
    assert pq.read_table(edits_file).equals(pa.Table.from_batches(batches))


def test_parquet_parts_are_joined_a_row_group_at_a_time(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The final file was made by reading each checkpoint's part whole (an article's rows at
    once): the parts are read a batch at a time, and joined into row groups of ROW_GROUP_ROWS."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from revdiff.export import parquet

    article = _growing_blog(tmp_path)
    whole, _ = export([str(article)], tmp_path / "whole.parquet", "parquet")
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 10)
    grouped, _ = export([str(article)], tmp_path / "grouped.parquet", "parquet")
    groups = pq.ParquetFile(grouped).metadata
    assert groups.num_rows > 20
    assert groups.num_row_groups > 1
    assert all(groups.row_group(number).num_rows < 20 for number in range(groups.num_row_groups))
    assert pq.read_table(grouped).equals(pq.read_table(whole))


def test_parquet_parts_hold_a_row_group_per_checkpoint_not_per_pair(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pair's record batch was written as a row group of its own, so a part of small
    articles was mostly footer, whose metadata the writer and the final join held (the run took
    twice as long): a checkpoint's batches are joined into one row group of each table's part,
    and the final files hold the same rows."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from revdiff.export import driver, parquet

    stories = [str(make_chain(tmp_path / f"story{number}", [["One."], ["One. Two."],
                                                          ["One. Two. Three."]]))
               for number in range(6)]
    whole, _ = export(stories, tmp_path / "whole.jsonl", "jsonl")
    part_groups = []
    finish = parquet.ParquetWriter.finish

    def finish_noting_the_parts(writer: parquet.ParquetWriter) -> list[tuple[Path, Path]]:
        writer.checkpoint()
        part_groups.extend(pq.ParquetFile(writer._part(table, number)).metadata.num_row_groups
                           for number in range(writer.parts) for table in (0, 1))
        return finish(writer)

    monkeypatch.setattr(driver, "CHECKPOINT_SECONDS", 3600.0)  # no checkpoint before the end
    monkeypatch.setattr(parquet.ParquetWriter, "finish", finish_noting_the_parts)
    edits_file, _ = export(stories, tmp_path / "out.parquet", "parquet")
    assert part_groups == [1, 1]
    assert pq.read_table(edits_file).to_pylist() == read_jsonl(whole)


def test_parquet_is_written_into_a_folder_named_in_bytes_that_are_not_utf8(tmp_path: Path
                                                                          ) -> None:
    """pyarrow takes a path as UTF-8 text: an output in a folder named in Latin-1 (kept by Python
    as lone surrogates) stopped the export with a UnicodeEncodeError traceback."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    story = make_chain(tmp_path / "story", [["One."], ["One. Two."]])
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    edits_file, comparisons_file = export([str(story)], folder / "out.parquet", "parquet")
    with open(edits_file, "rb") as edits, open(comparisons_file, "rb") as comparisons:
        assert pq.read_table(edits)["op"].to_pylist() == ["unchanged", "added"]
        assert pq.read_table(comparisons).num_rows == 1


def test_sqlite_rows_come_back_one_pair_at_a_time(tmp_path: Path) -> None:
    """An article's SQLite rows were made as tuples, every row of every table at once, and
    handed back whole (a live blog's worker peaked at 318 MB, 241 MB to JSONL): they come back
    in pieces, the versions' rows and then one pair's rows each, which the writer inserts one
    after the other, giving the same rows."""
    import pickle

    job, result = _exported_by_a_worker(tmp_path, "sqlite")
    versions_piece, *pair_pieces = [pickle.loads(piece) for piece in result.payload]
    assert [row[1] for row in versions_piece["entryversion"]] == list(range(6))
    assert len(pair_pieces) == 5
    assert [{(row[1], row[2]) for row in piece["matched_sentences"]} for piece in pair_pieces] == [
        {(v, v + 1)} for v in range(5)]
    [database] = export(job.inputs, job.out, "sqlite")
    with sqlite3.connect(database) as connection:
        edits = connection.execute("SELECT * FROM edits ORDER BY rowid").fetchall()
        entries = connection.execute("SELECT * FROM entryversion ORDER BY id").fetchall()
    assert edits == [row for piece in pair_pieces for row in piece["edits"]]
    assert [row[1:] for row in entries] == versions_piece["entryversion"]


def _csv_records(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_a_carriage_return_in_a_csv_cell_stays_in_its_row(tmp_path: Path) -> None:
    # a title read from a NewsEdits file may hold a bare \r; csv.writer with a "\n" line end left
    # it unquoted, so readers ended the row there (the edits table too: the article, named by its
    # title, is in every row)
    titles = ("Iran\rstrikes, again", "Iran\rstrikes")
    database = tmp_path / "news.db"
    write_database(database, [Article(None, None, tuple(
        Version(number, title, (f"It rained {number} times.",))
        for number, title in enumerate(titles)), 2)])
    edits, comparisons = export([str(database)], tmp_path / "e.csv", "csv")
    edit_records = _csv_records(edits)
    assert [len(record) for record in edit_records] == [len(EDIT_COLUMN_NAMES)] * 2
    assert edit_records[1][EDIT_COLUMN_NAMES.index("article")] == titles[0]
    header, row = _csv_records(comparisons)
    assert len(row) == len(header) == len(COMPARISON_COLUMN_NAMES)
    assert (row[header.index("old_title")], row[header.index("new_title")]) == titles
    printed = CliRunner().invoke(main, ["diff", str(database), "--format", "csv"])
    assert printed.exit_code == 0, printed.output
    assert list(csv.reader(io.StringIO(printed.stdout, newline=""))) == edit_records


def test_export_md_says_which_times_have_no_utc_offset(tmp_path: Path) -> None:
    # EXPORT.md called every time an ISO timestamp, so a researcher read NYTdiff's local times,
    # written without an offset, as UTC beside the +00:00 of the other trackers
    trackers = ROOT / "samples"
    _, comparisons_path = export([str(trackers / "nytdiff-titles.db"),
                                  str(trackers / "diffengine.db")], tmp_path / "t.jsonl", "jsonl")
    rows = read_jsonl(comparisons_path)
    offsets = {(row["warnings"] != [], datetime.fromisoformat(str(row["old_time"])).utcoffset())
               for row in rows}
    assert offsets == {(True, None), (True, timedelta(0))}
    assert any("no time zone" in warning for row in rows for warning in row["warnings"])
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    assert "where the input stored none it has no UTC offset (`2020-01-03T11:05:00`" in export_md
    assert rows[0]["old_time"] == "2020-01-03T11:05:00"


def test_export_md_reads_the_times_as_text_without_a_pandas_warning(tmp_path: Path) -> None:
    # EXPORT.md said to read the comparisons with `convert_dates=False`, which pandas 3 warns
    # is deprecated (Pandas4Warning) and pandas 4 removes; the call the page gives must run as
    # written, without a warning, and keep every time the text the export wrote
    pandas = pytest.importorskip("pandas")
    trackers = ROOT / "samples"
    _, comparisons_path = export([str(trackers / "nytdiff-titles.db"),
                                  str(trackers / "diffengine.db")], tmp_path / "t.jsonl", "jsonl")
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    call = re.search(r"`pd\.read_json\(path, lines=True(, [^`]*)?\)`", export_md)
    assert call is not None, "EXPORT.md gives no pd.read_json call for the comparisons table"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frame = eval(call.group(0).strip("`"), {"pd": pandas, "path": str(comparisons_path)})
    written = [row["old_time"] for row in read_jsonl(comparisons_path)]
    assert frame["old_time"].tolist() == written


def test_export_md_reads_the_jsonl_floats_as_written(samples: Path, tmp_path: Path) -> None:
    # EXPORT.md said to read the tables back with `pd.read_json(path, lines=True, dtype=False)`,
    # whose fast float parser gave 0.8339289999999999 for the 0.833929 written (and that CSV,
    # Parquet and SQLite give), so that a similarity or changed_share compared across formats
    # disagreed; each call the page gives must read every float as the export wrote it
    pandas = pytest.importorskip("pandas")
    edits_path, comparisons_path = export([str(samples)], tmp_path / "e.jsonl", "jsonl")
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    calls = re.findall(r"`(pd\.read_json\((?:path|\"edits\.jsonl\"), lines=True[^`]*\))`", export_md)
    assert len(calls) == 2, calls
    for call in calls:
        for path, columns in ((edits_path, ["similarity", "confidence"]),
                              (comparisons_path, ["changed_share", "confidence"])):
            frame = eval(call.replace('"edits.jsonl"', "path"), {"pd": pandas, "path": str(path)})
            written = read_jsonl(path)
            for column in columns:
                read = [None if pandas.isna(value) else value for value in frame[column].tolist()]
                assert read == [row[column] for row in written], (call, column)


def test_export_md_says_a_time_may_be_a_date_alone(tmp_path: Path) -> None:
    # EXPORT.md's comparisons table said old_time and new_time were timestamps, text or null;
    # version files named by their date give the date alone, which a parser of timestamps with
    # a time of day refuses (entryversion's `created` said so, the comparisons table did not)
    story = tmp_path / "story"
    story.mkdir()
    (story / "2024-02-01.txt").write_text("Troops were sent.\n", encoding="utf-8")
    (story / "2024-02-03.txt").write_text("More troops were sent.\n", encoding="utf-8")
    _, comparisons_path = export([str(story)], tmp_path / "d.jsonl", "jsonl")
    (row,) = read_jsonl(comparisons_path)
    assert (row["old_time"], row["new_time"]) == ("2024-02-01", "2024-02-03")
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    comparisons_table = export_md[export_md.index("### Comparisons table"):
                                  export_md.index("### `revdiff diff`")]
    assert "or the date alone where the input gave no time of day (`2024-02-01`" in comparisons_table


def test_export_md_says_how_the_text_of_several_sentences_is_joined(samples: Path,
                                                                     tmp_path: Path) -> None:
    # EXPORT.md said only "the sentences' text": a split's new_text holds a line break between
    # the paragraphs its lines stand in, where split_sentences joined by a space gave another text
    story = samples / "iran-strikes-us-troops-in-iraq"
    (database,) = run_export(ExportJob((str(story),), tmp_path / "s.sqlite", "sqlite",
                                       sentences="lines")).outputs
    with sqlite3.connect(database) as connection:
        text, indices, version = connection.execute(
            "SELECT new_text, new_indices, new_version FROM edits WHERE op = 'split'").fetchone()
        sentences = [connection.execute(
            "SELECT sentence FROM split_sentences WHERE entry_id = 0 AND version = ? AND "
            "sent_idx = ?", (version, index)).fetchone()[0] for index in json.loads(indices)]
        booleans = connection.execute(
            "SELECT DISTINCT typeof(boring), typeof(rewrite) FROM comparisons").fetchall()
    assert text == "\n".join(sentences) != " ".join(sentences)
    assert booleans == [("integer", "integer")]
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    assert "a line break (`\\n`) between paragraphs" in export_md
    assert "SQLite ones the integers 1/0" in export_md


def test_export_md_reads_the_csv_indices_as_lists_of_int(samples: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # pandas reads the CSV's space-joined old_indices and new_indices as float64 (`3.0`, NaN for
    # none), or as text where a split holds two, which no join on split_sentences.sent_idx
    # matches: the way EXPORT.md gives to read them must give the JSONL's lists, and a row per
    # index typed as a whole number
    pytest.importorskip("pandas")
    for fmt in ("csv", "jsonl"):
        run_export(ExportJob((str(samples),), tmp_path / f"edits.{fmt}", fmt, sentences="lines"))
    written = read_jsonl(tmp_path / "edits.jsonl")
    assert any(len(row["new_indices"]) > 1 for row in written)  # type: ignore[arg-type]
    assert any(not row["new_indices"] for row in written)
    export_md = (ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n((?:(?!```).)*as_indices(?:(?!```).)*)```", export_md, re.DOTALL)
    assert block is not None, "EXPORT.md shows no way to read the CSV's indices"
    monkeypatch.chdir(tmp_path)
    names: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(compile(block.group(1), "docs/EXPORT.md", "exec"), names)  # noqa: S102 - the doc's own example
    edits, new_rows = names["edits"], names["new_rows"]
    for side in ("old_indices", "new_indices"):
        assert edits[side].tolist() == [row[side] for row in written]
    assert str(new_rows["new_indices"].dtype) == "Int64"
    assert new_rows["new_indices"].dropna().tolist() == [
        index for row in written for index in row["new_indices"]]  # type: ignore[attr-defined]


def test_export_md_reads_a_csv_s_empty_text_columns_as_text(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # pandas reads a column every row leaves empty (no source, no URL) as float64 NaN, and as text
    # in a file that has one: the dtype EXPORT.md gives keeps it text in both
    pytest.importorskip("pandas")
    import pandas as pd

    database = tmp_path / "untimed.sqlite"
    write_database(database, [Article(None, None, tuple(
        Version(number, "Troops", (f"{number + 1} troops were sent.",)) for number in (0, 1)))])
    export([str(database)], tmp_path / "edits.csv", "csv")
    assert str(pd.read_csv(tmp_path / "edits.csv")["source"].dtype) == "float64"
    export_md = (ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n((?:(?!```).)*text_columns(?:(?!```).)*)```", export_md, re.DOTALL)
    assert block is not None, "EXPORT.md shows no dtype to read the CSV's text columns as text"
    monkeypatch.chdir(tmp_path)
    names: dict[str, Any] = {"pd": pd, "as_indices": lambda cell: [int(index) for index in cell.split()]}
    exec(compile(block.group(1), "docs/EXPORT.md", "exec"), names)  # noqa: S102 - the doc's own example
    edits = names["edits"]
    assert edits["source"].isna().all() and edits["url"].isna().all()
    assert str(edits["source"].dtype) == str(edits["url"].dtype) == str(edits["article"].dtype) != "float64"


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_comparisons_leave_out_a_new_time_told_from_a_version_the_pair_skips(
        fmt: str, tmp_path: Path) -> None:
    """Versions 0, 1 and 3 of a NewsEdits file, timed as News Sniffer tells it: v3's `about 1
    hour later` counts from v2, and its pair 1 → 3 wrote it as v3's time after v1 (and v1's, told
    from v0, is no time of that pair either)."""
    database = tmp_path / "skips.sqlite"
    write_database(database, [Article(None, "https://example.org/troops", tuple(
        Version(number, "Troops", (f"{number + 1} troops were sent.",), None,
                "about 1 hour later" if number else None) for number in (0, 1, 3)))])
    _, comparisons_path = export([str(database)], tmp_path / f"t.{fmt}", fmt)
    if fmt == "jsonl":
        rows: list[dict[str, object]] = read_jsonl(comparisons_path)
    else:
        rows = list(csv.DictReader(comparisons_path.open(encoding="utf-8", newline="")))
    unknown = None if fmt == "jsonl" else ""  # as a time the input does not give
    assert [(row["old_time"], row["new_time"]) for row in rows] == [
        (unknown, "about 1 hour later"), (unknown, unknown)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_the_comparisons_leave_out_an_old_time_told_from_a_version_before_the_pair(
        fmt: str, tmp_path: Path) -> None:
    """Two News Sniffer pages of one story, v0 → v1 and v1 → v2, read together: v1's `about 1
    hour later` counts from v0, and pair 1 → 2 wrote it as its `old_time`, beside a `new_time`
    counted from v1, where nothing said the two count from different versions."""
    versions = [Version(n, "Head", ("Kept.", "Added.", "More.")[:n + 1]) for n in range(3)]
    pages = []
    for old, told in ((0, "about 1 hour later"), (1, "about 2 hours later")):
        pages.append(tmp_path / f"v{old}-v{old + 1}.txt")
        pages[-1].write_text(render_diff_text(versions[old], versions[old + 1],
                                              PageInfo(time_text=told)), "utf-8")
    _, comparisons_path = export([str(page) for page in pages], tmp_path / f"t.{fmt}", fmt)
    if fmt == "jsonl":
        rows: list[dict[str, object]] = read_jsonl(comparisons_path)
    else:
        rows = list(csv.DictReader(comparisons_path.open(encoding="utf-8", newline="")))
    unknown = None if fmt == "jsonl" else ""  # as a time the input does not give
    assert [(str(row["old_version"]), row["old_time"], row["new_time"]) for row in rows] == [
        ("0", unknown, "about 1 hour later"), ("1", unknown, "about 2 hours later")]


def test_an_unchanged_sentence_s_words_are_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged sentence's old and new texts are one (about half the rows): `old_words` and
    `new_words` count it once (it was counted twice; counting took a quarter of the rows' time)."""
    counted: list[str] = []

    def count(text: str) -> int:
        counted.append(text)
        return count_words(text)
    monkeypatch.setattr(records, "count_words", count)
    old = Version(number=0, title="t", paragraphs=("Troops left. Five died.",))
    new = Version(number=1, title="t", paragraphs=("Troops left. Nine died today.",))
    article = Article(source=None, url=None, versions=(old, new))
    [comparison] = compare_chain(article, "auto")
    rows = list(edit_rows(article_ref(0, article, "a"), comparison))
    assert [(row["op"], row["old_words"], row["new_words"]) for row in rows] == [
        ("unchanged", 2, 2), ("edited", 2, 3)]
    assert counted == ["Troops left.", "Five died.", "Nine died today."]


def test_a_small_confidence_or_similarity_is_exported_to_six_significant_digits() -> None:
    """Rounded to six decimals, an edit's confidence or similarity under a millionth (an edit
    resting on a row of a page read with little confidence) was exported as 0.0."""
    from dataclasses import replace

    from revdiff.export.pairs import PairReading
    from revdiff.export.records import comparison_row

    article = Article("washpo", "https://example.org/a", (
        Version(0, "T", ("Troops arrived today.",)), Version(1, "T", ("Troops arrived at dawn.",))))
    (comparison,) = compare_chain(article, "auto")
    (edit,) = comparison.edits
    comparison = replace(comparison, edits=(replace(edit, similarity=1.234567891e-9),))
    reading = PairReading((2.345678912e-11,), (3.456789123e-8,))
    ref = article_ref(0, article, "story")
    (row,) = edit_rows(ref, comparison, reading)
    assert (row["similarity"], row["confidence"]) == (1.23457e-09, 2.34568e-11)
    assert comparison_row(ref, comparison, reading)["confidence"] == 2.34568e-11
