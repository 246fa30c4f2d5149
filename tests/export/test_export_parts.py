"""A long article written in parts of its version pairs: the same output, journal and resume as
written whole."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_corpus import make_chain

from revdiff.export import article_parts, driver, registry, task_reading, tasks
from revdiff.export import staging as staging_module
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.executors import chunk_results
from revdiff.export.inputs import expand_inputs
from revdiff.export.journal import JournalEntry
from revdiff.export.ordered_map import SerialExecutor
from revdiff.export.progress import ExportProgress
from revdiff.export.run_errors import InterruptedExport, finished_kept
from revdiff.export.staging import staging_path
from revdiff.export.worker_loss import InFlight, WorkerLost

PART_FORMATS = ["jsonl", "csv", "parquet", "sqlite"]


def live_blog(folder: Path, versions: int) -> Path:
    """A blog whose version k adds update k and edits update k - 1, so that each pair has
    unchanged, edited and added rows."""
    chain = []
    for k in range(versions):
        chain.append([f"Update {u} says the talks went on at hour {u} of the "
                      f"{'night' if u == k - 1 else 'day'}." for u in range(k + 1)])
    return make_chain(folder, chain)


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[str, ...]:
    """A short article, a blog of 9 versions (8 pairs), another short one: the blog's index and
    rows sit between others'."""
    before = make_chain(tmp_path / "in" / "before", [["A calm day."], ["A calm day, then rain."]])
    blog = live_blog(tmp_path / "in" / "blog", 9)
    after = make_chain(tmp_path / "in" / "after", [["It ended."], ["It ended at noon."],
                                                   ["It ended at noon, they said."]])
    return str(before), str(blog), str(after)


def content(out: Path, fmt: str) -> Any:
    """The output's bytes (JSONL, CSV); its tables' rows (Parquet, whose row groups may end
    elsewhere); every table's rows with their rowids (SQLite, whose header counts commits)."""
    if fmt == "sqlite":
        with sqlite3.connect(out) as connection:
            return {table: connection.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid")
                    .fetchall() for (table,) in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {p.name: pq.read_table(p).to_pylist() for p in sorted(out.parent.glob("*.parquet"))}
    return {p.name: p.read_bytes() for p in sorted(out.parent.glob(f"*.{fmt}"))}


def journaled(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Every article the runs journal from now on, as the journal has it (its writer's state
    left out: a checkpoint falls elsewhere when an article is written in parts)."""
    entries: list[tuple[Any, ...]] = []
    record = staging_module.Staging.record

    def noted(self: staging_module.Staging, finished: list[JournalEntry]) -> None:
        entries.extend((e.index, e.key, e.pairs, e.rows, e.info) for e in finished)
        record(self, finished)

    monkeypatch.setattr(staging_module.Staging, "record", noted)
    return entries


@pytest.mark.parametrize("fmt", PART_FORMATS)
def test_an_article_written_in_parts_is_written_as_whole(fmt: str, inputs: tuple[str, ...],
                                                         tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    entries = journaled(monkeypatch)
    outputs = {}
    for part_pairs in (None, 3, 1):  # whole; parts of 3, 3 and 2 pairs; a part per pair
        out = tmp_path / f"out-{part_pairs}" / f"out.{fmt}"
        out.parent.mkdir()
        progress = run_export(ExportJob(inputs, out, fmt), part_pairs=part_pairs)
        assert (progress.articles, progress.pairs) == (3, 1 + 8 + 2)
        outputs[part_pairs] = content(out, fmt)
    assert outputs[3] == outputs[None]
    assert outputs[1] == outputs[None]
    whole = entries[:3]
    assert [entry[2] for entry in whole] == [1, 8, 2]
    assert whole[1][4]["versions"] == 9
    assert len(whole[1][4]["changed"]) == 8
    assert entries == whole * 3


def test_the_html_report_and_unified_diff_take_a_long_article_whole(
        inputs: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rendered: list[int] = []
    render_unified = registry.renderer("unified")

    def counting(ref: Any, article: Any, comparisons: Any) -> Any:
        rendered.append(len(article.versions))
        return render_unified(ref, article, comparisons)

    monkeypatch.setattr(registry, "renderer", lambda name, opens_article=True: counting)
    run_export(ExportJob(inputs, tmp_path / "all.diff", "unified"), part_pairs=3)
    assert rendered == [2, 9, 3]


class StopInBlog:
    """Wraps a writer: Ctrl-C once it has written the blog's (article 1's) second part."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = registry.make_writer
        self.parts = 0

        def make_writer(name: str, out: Path, staging: Any) -> Any:
            writer = real(name, out, staging)
            original_write = writer.write

            def write(index: int, payload: Any) -> None:
                original_write(index, payload)
                if index == 1:
                    self.parts += 1
                    if self.parts == 2:
                        raise KeyboardInterrupt

            writer.write = write  # type: ignore[method-assign]
            return writer

        monkeypatch.setattr(registry, "make_writer", make_writer)


@pytest.mark.parametrize("fmt", PART_FORMATS)
def test_a_run_stopped_inside_a_long_article_resumes_it_whole(
        fmt: str, inputs: tuple[str, ...], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clean = tmp_path / "clean" / f"out.{fmt}"
    clean.parent.mkdir()
    whole = run_export(ExportJob(inputs, clean, fmt), part_pairs=None)
    out = tmp_path / "run" / f"out.{fmt}"
    out.parent.mkdir()
    stop = StopInBlog(monkeypatch)
    monkeypatch.setattr(driver, "CHECKPOINT_SECONDS", 0.0)  # one after every chunk it may take
    with pytest.raises(InterruptedExport, match="; 1 finished article is kept"):
        run_export(ExportJob(inputs, out, fmt), part_pairs=3)
    journal = (staging_path(out) / "journal.jsonl").read_text(encoding="utf-8")
    assert journal.count("\n") == 1 + 1  # its header, then the article before the blog
    stop.parts = 3  # no more stops
    notes: list[str] = []
    progress = run_export(ExportJob(inputs, out, fmt), resume=True, part_pairs=3,
                          on_note=notes.append)
    assert "resuming after 1 finished article" in notes  # one article: no plural
    assert (progress.resumed_articles, progress.articles) == (1, 3)
    assert (progress.pairs, progress.rows) == (whole.pairs, whole.rows)  # the blog's counted once
    assert content(out, fmt) == content(clean, fmt)


def failing_in_version(number: int) -> Any:
    """A renderer factory whose renderers fail at the comparison that ends in version `number`
    of the blog, after the rows of the pairs before it (those of its part) are made."""
    real = registry.renderer

    def renderer(name: str, opens_article: bool = True) -> Any:
        render = real(name, opens_article)

        def failing(ref: Any, article: Any, comparisons: Any) -> Any:
            def checked() -> Iterator[Any]:
                for comparison in comparisons:
                    if ref.name == "blog" and comparison.new.number == number:
                        raise ValueError("no room for this pair")
                    yield comparison
            return render(ref, article, checked())
        return failing

    return renderer


@pytest.mark.parametrize("fmt", PART_FORMATS)
def test_a_long_article_that_fails_in_a_later_part_leaves_none_of_its_rows(
        fmt: str, inputs: tuple[str, ...], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "renderer", failing_in_version(8))  # in the blog's third part
    entries = journaled(monkeypatch)
    outputs = {}
    for part_pairs in (None, 3):
        out = tmp_path / f"out-{part_pairs}" / f"out.{fmt}"
        out.parent.mkdir()
        progress = run_export(ExportJob(inputs, out, fmt, skip_errors=True),
                              part_pairs=part_pairs)
        assert progress.articles == 2
        assert [Path(skip.what).name for skip in progress.failed_inputs] == ["blog"]
        outputs[part_pairs] = content(out, fmt)
    assert outputs[3] == outputs[None]
    assert entries[3:] == entries[:3]


def test_a_long_article_is_in_flight_until_its_last_part_is_back(
        inputs: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that dies on a later part is named as comparing the article, also when the part
    was handed out before the article's first part came back."""
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 3)  # a chunk per part
    job = ExportJob(inputs, Path("out.jsonl"), "jsonl")
    progress = ExportProgress()
    units = expand_inputs(job.inputs, [])
    parts = article_parts.in_parts(task_reading.iter_tasks(job, units, progress,
                                                         lambda text: None), 3)
    in_flight = InFlight()
    blog_parts = 0
    for results in chunk_results(SerialExecutor(), parts, job, in_flight):
        for result in results:
            if result.part is not None and not result.part.last:
                blog_parts += 1
                assert in_flight.where(WorkerLost("a worker died", result.index)) \
                    == f" while comparing {inputs[1]}"
    assert blog_parts == 2


def counts_reported(job: ExportJob, part_pairs: int | None) -> list[tuple[int, int, int]]:
    """The articles, pairs and rows of each report of a run to its progress bar, a chunk of
    about 3 pairs at a time (the blog's parts of 3 pairs each come back in their own)."""
    seen: list[tuple[int, int, int]] = []
    run_export(job, part_pairs=part_pairs, on_progress=lambda progress: seen.append(
        (progress.articles, progress.pairs, progress.rows)))
    return seen


def test_the_progress_counts_a_long_article_part_by_part(
        inputs: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A live blog's pairs stayed at 0 on the bar until its last part was written."""
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 3)
    whole = counts_reported(ExportJob(inputs, tmp_path / "whole.jsonl", "jsonl"), None)
    seen = counts_reported(ExportJob(inputs, tmp_path / "parts.jsonl", "jsonl"), 3)
    # the article before the blog, then each of the blog's first two parts of 3 pairs
    assert [pairs for articles, pairs, _ in seen if articles == 1] == [1 + 3, 1 + 3 + 3]
    assert seen == sorted(seen)
    assert seen[-1] == whole[-1]


def test_the_progress_takes_back_the_parts_of_a_long_article_that_fails(
        inputs: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--skip-errors: the pairs and rows of the blog's parts written before its third one failed
    are taken back with their rows, so that the summary counts what the output holds."""
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 3)
    monkeypatch.setattr(registry, "renderer", failing_in_version(8))  # in the blog's third part
    whole = counts_reported(ExportJob(inputs, tmp_path / "whole.jsonl", "jsonl",
                                      skip_errors=True), None)
    seen = counts_reported(ExportJob(inputs, tmp_path / "parts.jsonl", "jsonl",
                                     skip_errors=True), 3)
    assert (1, 1 + 3 + 3) in [(articles, pairs) for articles, pairs, _ in seen]
    assert seen[-1] == whole[-1]
    assert seen[-1][:2] == (2, 1 + 2)


def test_the_progress_moves_through_the_inputs_part_by_part(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A live blog exported alone left its bar empty, at 0 of 1 input, until its last part was
    written; it fills with the blog's parts, as their share of its pairs."""
    monkeypatch.setattr(tasks, "CHUNK_PAIRS", 3)  # a chunk, and a report, per part
    blog = live_blog(tmp_path / "blog", 9)
    seen: list[float] = []
    run_export(ExportJob((str(blog),), tmp_path / "out.jsonl", "jsonl"), part_pairs=3,
               on_progress=lambda progress: seen.append(progress.units_done))
    assert [done for done in seen if 0 < done < 1] == [3 / 8, 6 / 8]
    assert seen[-1] == 1


def test_a_stopped_runs_count_of_finished_articles_reads_as_english() -> None:
    """`1 finished articles are kept` was said of one article, and a count of thousands had no
    separators where the summary has them; and a run that finished none said `0 finished articles
    are kept`, as no one would."""
    assert finished_kept(0) == "no article was finished, so nothing is kept"
    assert finished_kept(1) == "1 finished article is kept"
    assert finished_kept(1204) == "1,204 finished articles are kept"
