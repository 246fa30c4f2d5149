"""The NewsEdits-schema SQLite export, read back the way NewsEdits users read it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from newsedits_files import exported_time_from_page, make_database

from revdiff.cli import main
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.newsedits_sqlite import PARAGRAPH_JOIN
from revdiff.export.pairs import compare_chain
from revdiff.formats import load
from revdiff.formats.elision import ELISION, compared_versions, cut_version
from revdiff.formats.export_read_back import EXPORTED_INPUT
from revdiff.model import EditOp, Version
from revdiff.read_warnings import SHOWN_BY_PARSE_JSON
from revdiff.render.newsdiffs import DiffPageInfo, render_rendered_page
from revdiff.render.sniffer import PageInfo, render_diff_html, render_diff_text

# The join NewsEdits notebooks run: each matched pair with the text of both sentences.
NEWSEDITS_JOIN = """
SELECT m.entry_id, m.version_x, m.version_y, m.sent_idx_x, m.sent_idx_y,
       sx.sentence AS sentence_x, sy.sentence AS sentence_y,
       m.avg_sentence_distance_x, m.avg_sentence_distance_y
FROM matched_sentences AS m
LEFT JOIN split_sentences AS sx
  ON sx.entry_id = m.entry_id AND sx.version = m.version_x AND sx.sent_idx = m.sent_idx_x
LEFT JOIN split_sentences AS sy
  ON sy.entry_id = m.entry_id AND sy.version = m.version_y AND sy.sent_idx = m.sent_idx_y
ORDER BY m.entry_id, m.version_x, m.rowid
"""


@pytest.fixture
def database(samples: Path, tmp_path: Path) -> Path:
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(samples),), out, "sqlite"))
    return out


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def test_newsedits_tables_and_columns(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        assert columns(connection, "split_sentences") == ["entry_id", "version", "sent_idx",
                                                          "sentence"]
        assert columns(connection, "matched_sentences") == [
            "entry_id", "version_x", "version_y", "sent_idx_x", "sent_idx_y",
            "avg_sentence_distance_x", "avg_sentence_distance_y"]
        assert {"entry_id", "version", "title", "url", "created", "summary", "num_versions"} <= set(
            columns(connection, "entryversion"))
        assert connection.execute("SELECT count(*) FROM entryversion").fetchone()[0] == 5 + 4 + 3
        # The staging table of the run is gone: only the documented tables remain.
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"entryversion", "split_sentences", "matched_sentences", "comparisons",
                          "edits"}


def test_join_gives_the_engine_alignment(database: Path, samples: Path) -> None:
    with sqlite3.connect(database) as connection:
        joined = connection.execute(NEWSEDITS_JOIN).fetchall()
    article = load([str(samples / "iran-strikes-us-troops-in-iraq")])[0]
    comparison = compare_chain(article, "auto")[0]  # entry 0, versions 0 -> 1
    rows = [r for r in joined if r[0] == 0 and (r[1], r[2]) == (0, 1)]
    expected = []
    for edit in comparison.edits:
        for i in edit.old or (None,):
            for j in edit.new or (None,):
                expected.append((i, j))
    assert [(r[3], r[4]) for r in rows] == expected
    for row in rows:
        x, y, sentence_x, sentence_y = row[3], row[4], row[5], row[6]
        assert (sentence_x is None) == (x is None) and (sentence_y is None) == (y is None)
        if x is not None:
            assert sentence_x == comparison.old_sentences[x].text
        if y is not None:
            assert sentence_y == comparison.new_sentences[y].text
    unchanged = [e for e in comparison.edits if e.op is EditOp.UNCHANGED]
    same = [r for r in rows if r[7] == 0.0]
    assert len(same) >= len(unchanged)


def test_added_and_deleted_sentences_have_a_null_side(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        added = connection.execute(
            "SELECT count(*) FROM matched_sentences WHERE sent_idx_x IS NULL").fetchone()[0]
        deleted = connection.execute(
            "SELECT count(*) FROM matched_sentences WHERE sent_idx_y IS NULL").fetchone()[0]
        both_null = connection.execute(
            "SELECT count(*) FROM matched_sentences WHERE sent_idx_x IS NULL "
            "AND sent_idx_y IS NULL").fetchone()[0]
        counted = connection.execute(
            "SELECT sum(added), sum(deleted) FROM comparisons").fetchone()
    assert added > 0 and deleted > 0 and both_null == 0
    assert added >= counted[0] and deleted >= counted[1]


def test_an_added_or_deleted_sentence_has_no_distance_as_in_newsedits(database: Path) -> None:
    # NewsEdits' matcher (spark/pipeline_steps.py in isi-nlp/NewsEdits) writes a NULL distance
    # where it matched a sentence to none, so its queries that filter or average a distance
    # leave added and deleted sentences out; a 1.0 on the present side counted them in
    with sqlite3.connect(database) as connection:
        distances = set(connection.execute(
            "SELECT avg_sentence_distance_x, avg_sentence_distance_y FROM matched_sentences "
            "WHERE sent_idx_x IS NULL OR sent_idx_y IS NULL").fetchall())
        matched_without_one = connection.execute(
            "SELECT count(*) FROM matched_sentences WHERE sent_idx_x IS NOT NULL "
            "AND sent_idx_y IS NOT NULL AND (avg_sentence_distance_x IS NULL "
            "OR avg_sentence_distance_y IS NULL)").fetchone()[0]
    assert distances == {(None, None)}
    assert matched_without_one == 0


def test_every_version_has_its_sentences(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        missing = connection.execute(
            "SELECT e.entry_id, e.version FROM entryversion e LEFT JOIN split_sentences s "
            "ON s.entry_id = e.entry_id AND s.version = e.version WHERE s.sent_idx IS NULL"
        ).fetchall()
        gaps = connection.execute(
            "SELECT entry_id, version, count(*), max(sent_idx) FROM split_sentences "
            "GROUP BY entry_id, version").fetchall()
    assert missing == []
    assert all(count == top + 1 for _, _, count, top in gaps)


def test_pandas_reads_the_join(database: Path) -> None:
    pd = pytest.importorskip("pandas")
    with sqlite3.connect(database) as connection:
        frame = pd.read_sql_query(NEWSEDITS_JOIN, connection)
        versions = pd.read_sql_query("SELECT * FROM entryversion", connection)
    assert len(frame) > 0 and frame["sentence_y"].notna().any()
    assert versions.groupby("entry_id")["version"].count().tolist() == [5, 4, 3]


def test_export_reads_back_as_a_newsedits_input(database: Path, samples: Path) -> None:
    again = load([str(database)])
    originals = [load([str(folder)])[0] for folder in sorted(samples.iterdir())]
    assert [len(a.versions) for a in again] == [len(a.versions) for a in originals]
    for read_back, original in zip(again, originals):
        assert [v.paragraphs for v in read_back.versions] == [
            v.paragraphs for v in original.versions]


def test_a_cut_versions_marks_are_no_text_of_its_row_and_read_back_as_none(tmp_path: Path) -> None:
    # a rendered NewsDiffs page cut both versions to [...]: `summary` held the marks, and reading
    # the export back compared them as sentences of the article, where its split_sentences and
    # the export's edits had none
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    page = render_rendered_page(Version(1, "T", p), Version(2, "T", (*p[:6], "Inserted.", *p[6:])),
                                DiffPageInfo("https://example.com/a"))
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    (original,) = load([str(tmp_path / "cut.html")])
    assert all(ELISION in version.paragraphs for version in original.versions)
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(tmp_path / "cut.html"),), out, "sqlite"))
    with sqlite3.connect(out) as connection:
        summaries = [row[0] for row in connection.execute(
            "SELECT summary FROM entryversion ORDER BY version")]
        sentences = [row[0] for row in connection.execute("SELECT sentence FROM split_sentences")]
        [warnings] = connection.execute("SELECT warnings FROM comparisons").fetchone()
    assert {cut_version(warning) for warning in json.loads(warnings)} >= {1, 2}  # the cut is told
    compared = compared_versions(original)
    assert summaries == [PARAGRAPH_JOIN.join(version.paragraphs) for version in compared]
    assert ELISION not in sentences
    (read_back,) = load([str(out)])
    assert [v.paragraphs for v in read_back.versions] == [v.paragraphs for v in compared]
    # the shorter text it holds is still told to be incomplete
    assert {cut_version(warning) for warning in read_back.warnings} >= {1, 2}


def test_a_cut_version_read_back_is_cut_as_its_warning_says(tmp_path: Path) -> None:
    # read back, a version the page cut was warned of again, but its `cut` was false: `revdiff
    # parse --format json` showed `cut: false` for a text the warning called incomplete
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    page = render_rendered_page(Version(1, "T", p), Version(2, "T", (*p[:6], "Inserted.", *p[6:])),
                                DiffPageInfo("https://example.com/a"))
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")
    (original,) = load([str(tmp_path / "cut.html")])
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(tmp_path / "cut.html"),), out, "sqlite"))
    (read_back,) = load([str(out)])
    assert [v.cut for v in read_back.versions] == [v.cut for v in original.versions] == [True, True]
    parsed = CliRunner().invoke(main, ["parse", str(out), "--format", "json"])
    assert parsed.exit_code == 0, parsed.output
    assert [v["cut"] for v in json.loads(parsed.stdout)[0]["versions"]] == [True, True]


def test_a_real_mark_of_a_version_no_page_cut_stays_in_its_row(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "0.txt").write_text(f"The filing reads:\n{ELISION}\nIt ends.\n", encoding="utf-8")
    (story / "1.txt").write_text(f"The filing reads:\n{ELISION}\nIt ends here.\n", encoding="utf-8")
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(story),), out, "sqlite"))
    (read_back,) = load([str(out)])
    assert [v.paragraphs[1] for v in read_back.versions] == [ELISION, ELISION]


def test_a_version_dated_by_its_file_name_reads_back_with_its_date_alone(tmp_path: Path
                                                                          ) -> None:
    # `created` 2024-02-01 read back as the time 2024-02-01T00:00:00, a midnight no input gave
    story = tmp_path / "story"
    story.mkdir()
    (story / "2024-02-01.txt").write_text("One. Two.\n", encoding="utf-8")
    (story / "2024-02-03.txt").write_text("One. Three.\n", encoding="utf-8")
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(story),), out, "sqlite"))
    (original,) = load([str(story)])
    (read_back,) = load([str(out)])
    assert [(v.time, v.time_text) for v in read_back.versions] == [
        (v.time, v.time_text) for v in original.versions] == [
        (None, "2024-02-01"), (None, "2024-02-03")]
    # the version files' warning, kept by the export, and none of the reader's own of the dates
    assert read_back.warnings == tuple(EXPORTED_INPUT + w for w in original.warnings)


def test_a_version_without_text_reads_back_with_the_warnings_it_was_read_with(tmp_path: Path
                                                                              ) -> None:
    # its empty `summary`, how the export writes a version without paragraphs, was warned of
    # again, the same fact twice under the export's entry id ("entry 0 version 2: ...")
    tracked = make_database(
        tmp_path / "tracked.sqlite",
        "CREATE TABLE entryversion (entry_id, version, title, url, summary)",
        [(7, 1, "T", "https://y.test/a", "<p>One. Two.</p>"), (7, 2, "T", "https://y.test/a", "")])
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(tracked),), out, "sqlite"))
    (original,) = load([str(tracked)])
    (read_back,) = load([str(out)])
    assert original.warnings == (
        "entry 7 version 2: summary holds no text; kept as a version without paragraphs",)
    assert read_back.warnings == tuple(EXPORTED_INPUT + w for w in original.warnings)
    assert read_back.versions[1].paragraphs == ()

def test_num_versions_is_the_trackers_count_and_null_without_one(database: Path,
                                                                 samples: Path,
                                                                 tmp_path: Path) -> None:
    # version files got num_versions = their number of versions, which read back as
    # `tracker counts 5 versions` of folders no tracker ever saw
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT DISTINCT num_versions FROM entryversion").fetchall() \
            == [(None,)]
    assert [article.changes for article in load([str(database)])] == [None, None, None]
    tracked = samples.parent / "newsedits.sqlite"
    out = tmp_path / "again.sqlite"
    run_export(ExportJob((str(tracked),), out, "sqlite"))
    assert [a.changes for a in load([str(out)])] == [a.changes for a in load([str(tracked)])]


def _stored_warnings(path: Path) -> list[list[str]]:
    with sqlite3.connect(path) as connection:
        return [json.loads(warnings) for (warnings,) in connection.execute(
            "SELECT warnings FROM comparisons ORDER BY rowid")]


def test_an_export_of_the_export_keeps_the_readers_warnings(tmp_path: Path) -> None:
    # the export read back gave no warnings (only its comparisons and edits tables keep them), so
    # an export of the export marked the flattened page's guessed text as read exactly
    root = Path(__file__).resolve().parents[2]
    first, second = tmp_path / "news.sqlite", tmp_path / "again.sqlite"
    run_export(ExportJob((str(root / "samples" / "washpo-soleimani-v6-v7.txt"),), first, "sqlite"))
    (kept,) = _stored_warnings(first)
    assert any(SHOWN_BY_PARSE_JSON in warning for warning in kept)
    (article,) = load([str(first)])
    # read back without the page's rows, the pointer at the output that shows them is dropped,
    # as a git store drops it
    assert article.warnings == tuple(EXPORTED_INPUT + w.replace(SHOWN_BY_PARSE_JSON, "")
                                     for w in kept)
    assert article.pages == ()
    run_export(ExportJob((str(first),), second, "sqlite"))
    assert _stored_warnings(second) == [list(article.warnings)]


def test_warnings_are_read_back_only_from_revdiffs_own_export(database: Path,
                                                              tmp_path: Path) -> None:
    # a NewsEdits file of another's with a table named comparisons holds no warnings of revdiff's
    stranger = tmp_path / "stranger.sqlite"
    with sqlite3.connect(stranger) as connection:
        connection.execute("CREATE TABLE entryversion (entry_id, version, title, summary)")
        connection.executemany("INSERT INTO entryversion VALUES (0, ?, 't', ?)",
                               [(0, "<p>One.</p>"), (1, "<p>Two.</p>")])
        connection.execute("CREATE TABLE comparisons (article_index, warnings)")
        connection.execute("""INSERT INTO comparisons VALUES (0, '["not revdiff''s"]')""")
    assert [a.warnings for a in load([str(stranger)])] == [()]
    # revdiff's own export read back keeps what its comparisons hold, none for the samples
    assert all(a.warnings == () for a in load([str(database)]))


def test_warnings_read_back_that_are_not_a_list_of_text_are_left_out_with_a_warning(
        tmp_path: Path) -> None:
    out = tmp_path / "news.sqlite"
    root = Path(__file__).resolve().parents[2]
    run_export(ExportJob((str(root / "samples" / "washpo-soleimani-v6-v7.txt"),), out, "sqlite"))
    with sqlite3.connect(out) as connection:
        connection.execute("""UPDATE comparisons SET warnings = '{"a": 1}'""")
    (article,) = load([str(out)])
    left_out = ("entry 0: comparisons holds warnings that are not a JSON list of text "
                "('{\"a\": 1}'); left out")
    assert article.warnings == (left_out,)


def test_control_characters_of_warnings_read_back_do_not_reach_the_terminal(
        tmp_path: Path) -> None:
    out = tmp_path / "news.sqlite"
    root = Path(__file__).resolve().parents[2]
    run_export(ExportJob((str(root / "samples" / "washpo-soleimani-v6-v7.txt"),), out, "sqlite"))
    with sqlite3.connect(out) as connection:
        connection.execute("""UPDATE comparisons SET warnings = '["\\u001b[2Jcleared"]'""")
    (article,) = load([str(out)])
    assert article.warnings == (EXPORTED_INPUT + "\x1b[2Jcleared",)
    result = CliRunner().invoke(main, ["diff", str(out), "--format", "jsonl"])
    assert "\x1b" not in result.stderr and "␛[2Jcleared" in result.stderr


def test_a_versions_time_and_what_the_page_said_of_it_both_read_back(tmp_path: Path) -> None:
    # a News Sniffer HTML page gives version 1 its ISO time and "about 1 hour later": `created`
    # held the time alone, and the page's words were lost on the way back
    root = Path(__file__).resolve().parents[2]
    page = root / "samples" / "sniffer-diff" / "iran-strikes-v0-v1.html"
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(page),), out, "sqlite"))
    (original,) = load([str(page)])
    (read_back,) = load([str(out)])
    assert [(v.time, v.time_text) for v in read_back.versions] == [
        (v.time, v.time_text) for v in original.versions]
    assert original.versions[1].time is not None
    assert original.versions[1].time_text == "about 1 hour later"


def _tracked_input(path: Path, entry: int, titles: tuple[str | None, str | None]) -> Path:
    """A generated NewsEdits file of one entry of two versions with these titles."""
    return make_database(path, "CREATE TABLE entryversion (entry_id, version, title, url, summary)", [
        (entry, 1, titles[0], "https://y.test/a", "<p>One. Two.</p>"),
        (entry, 2, titles[1], "https://y.test/a", "<p>One. Three.</p>")])


def test_a_null_title_is_exported_null(tmp_path: Path) -> None:
    # it was written '', so that the export read by SQL had a title the input had not
    tracked = _tracked_input(tmp_path / "tracked.sqlite", 7, ("T", None))
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(tracked),), out, "sqlite"))
    with sqlite3.connect(out) as connection:
        titles = connection.execute("SELECT title FROM entryversion ORDER BY version").fetchall()
    connection.close()
    assert titles == [("T",), (None,)]
    # read back empty, without a warning of the export's own entry 0 beside the one it kept
    (read_back,) = load([str(out)])
    assert read_back.versions[1].title == ""
    assert len(read_back.warnings) == 1
    assert not read_back.warnings[0].startswith("entry 0")
    again = tmp_path / "again.sqlite"
    run_export(ExportJob((str(out),), again, "sqlite"))
    with sqlite3.connect(again) as connection:
        assert connection.execute(
            "SELECT title FROM entryversion ORDER BY version").fetchall() == titles
    connection.close()


def test_warnings_read_back_say_they_are_of_the_input_exported(tmp_path: Path) -> None:
    # `entry 13 version 2: ...` read back from the export named an entry the export has not:
    # it numbers its entries 0, 1, ...
    tracked = _tracked_input(tmp_path / "tracked.sqlite", 13, ("T", None))
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(tracked),), out, "sqlite"))
    (original,) = load([str(tracked)])
    (read_back,) = load([str(out)])
    assert original.warnings == ("entry 13 version 2: title is NULL, read as empty",)
    assert read_back.metadata["entry_id"] == "0"
    assert read_back.warnings == (
        "in the input exported: entry 13 version 2: title is NULL, read as empty",)
    # an export of the export says so once
    again = tmp_path / "again.sqlite"
    run_export(ExportJob((str(out),), again, "sqlite"))
    (read_again,) = load([str(again)])
    assert read_again.warnings == read_back.warnings


def _pair_times(database: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT old_version, new_version, old_time, new_time FROM comparisons").fetchall()
    connection.close()
    return rows


@pytest.mark.parametrize(("old", "new", "told"), [(0, 2, "about 3 hours later"),
                                                  (2, 1, "about 1 hour earlier")])
def test_the_version_a_time_counts_from_reads_back(tmp_path: Path, old: int, new: int,
                                                   told: str) -> None:
    # a page comparing v0 with v2 tells v2's time from v0, a "Previous version" page v1's from
    # v2: read back, each was counted from the version numbered before it, so that an export of
    # the export lost the pair's `new_time`
    versions = [Version(n, "Head", ("Kept.", "Added.", "More.")[:n + 1]) for n in range(3)]
    page = tmp_path / f"v{old}-v{new}.txt"
    page.write_text(render_diff_text(versions[old], versions[new], PageInfo(time_text=told)),
                    "utf-8")
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(page),), out, "sqlite"))
    (original,) = load([str(page)])
    assert any(v.time_from not in (None, v.number - 1) for v in original.versions)
    (read_back,) = load([str(out)])
    assert [v.time_from for v in read_back.versions] == [v.time_from for v in original.versions]
    again = tmp_path / "again.sqlite"
    run_export(ExportJob((str(out),), again, "sqlite"))
    assert told in _pair_times(out)[0]
    assert _pair_times(again) == _pair_times(out)


def test_an_export_of_the_export_of_a_page_of_versions_apart_is_the_same_bytes(
        tmp_path: Path) -> None:
    versions = [Version(n, "Head", ("Kept.", "Added.", "More.")[:n + 1]) for n in range(3)]
    page = tmp_path / "v0-v2.html"
    page.write_text(render_diff_html(versions[0], versions[2],
                                     PageInfo(time_text="about 3 hours later")), "utf-8")
    out = tmp_path / "news.sqlite"
    run_export(ExportJob((str(page),), out, "sqlite"))
    again = tmp_path / "again.sqlite"
    run_export(ExportJob((str(out),), again, "sqlite"))
    assert again.read_bytes() == out.read_bytes()


def test_a_time_from_that_is_no_version_number_is_warned_of(tmp_path: Path) -> None:
    out = exported_time_from_page(tmp_path)
    with sqlite3.connect(out) as connection:
        connection.execute("UPDATE entryversion SET time_from = 'x' WHERE version = 2")
    connection.close()
    (read_back,) = load([str(out)])
    assert read_back.versions[1].time_from is None
    assert ("entry 0 version 2: time_from 'x' is not a version number; its time is read as "
            "counted from the version before it") in read_back.warnings


def test_a_time_from_naming_a_later_version_the_entry_has_not_is_warned_of(
        tmp_path: Path) -> None:
    # a cell naming version 7 of an entry of versions 0 and 2 was read as it is, silently: a
    # time `... later` cannot count from a later version
    out = exported_time_from_page(tmp_path)
    with sqlite3.connect(out) as connection:
        connection.execute("UPDATE entryversion SET time_from = 7 WHERE version = 2")
    connection.close()
    (read_back,) = load([str(out)])
    assert read_back.versions[1].time_from is None
    assert [w for w in read_back.warnings if w.startswith("entry 0")] == [
        ("entry 0 version 2: time_from 7 names a version after it, which 'about 3 hours later' "
         "cannot count from; its time is read as counted from the version before it")]


def _comparison_warnings(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        (cell,) = {row[0] for row in connection.execute("SELECT warnings FROM comparisons")}
    connection.close()
    return list(json.loads(cell))


# A tracker's table of versions with their times (`created`), which the exports of exports start from
_TIMED_TABLE = "CREATE TABLE entryversion (entry_id, version, title, url, created, summary)"


def test_exports_of_exports_settle(tmp_path: Path) -> None:
    # the reader warns of the export's own entry 0 dated back, a warning the next export kept
    # and the next reading gave again beside its own: the third export gained
    # `in the input exported: entry 0: ...` beside `entry 0: ...`, the same fact twice
    dated = make_database(tmp_path / "dated.sqlite", _TIMED_TABLE, [
        (13, 1, "T", "https://y.test/a", "2024-01-02T10:00:00", "<p>One. Two.</p>"),
        (13, 2, "T", "https://y.test/a", "2024-01-01T10:00:00", "<p>One. Three.</p>")])
    exports = [dated]
    for round_number in range(1, 4):
        exports.append(tmp_path / f"round{round_number}.sqlite")
        run_export(ExportJob((str(exports[-2]),), exports[-1], "sqlite"))
    dated_back = ("version 2 is dated before version 1 (created 2024-01-01 10:00:00 < "
                  "2024-01-02 10:00:00); kept in version order")
    assert _comparison_warnings(exports[1]) == [f"entry 13: {dated_back}"]
    assert _comparison_warnings(exports[2]) == [f"{EXPORTED_INPUT}entry 13: {dated_back}",
                                                f"entry 0: {dated_back}"]
    assert exports[3].read_bytes() == exports[2].read_bytes()


def test_exports_of_exports_settle_for_an_article_without_url_or_title(tmp_path: Path) -> None:
    # an article with neither a URL nor a title is named by its input (`untitled.sqlite`); read
    # back, each export named it after itself (`round1.sqlite`, `round2.sqlite`, ...), so no two
    # exports of exports were the same bytes
    untitled = make_database(tmp_path / "untitled.sqlite", _TIMED_TABLE, [
        (13, 1, "", None, "2024-01-01T10:00:00", "<p>One. Two.</p>"),
        (13, 2, "", None, "2024-01-02T10:00:00", "<p>One. Three.</p>")])
    exports = [untitled]
    for round_number in range(1, 4):
        exports.append(tmp_path / f"round{round_number}.sqlite")
        run_export(ExportJob((str(exports[-2]),), exports[-1], "sqlite"))
    for export in exports[1:]:
        with sqlite3.connect(export) as connection:
            assert {row[0] for row in connection.execute("SELECT article FROM entryversion")} == {
                str(untitled)}
        connection.close()
    assert exports[3].read_bytes() == exports[2].read_bytes()


def test_a_distance_near_zero_is_kept_to_six_significant_digits() -> None:
    """Rounded to six decimals, the distance of two sentences alike but for a few characters in a
    million was exported as 0.0, that of identical ones."""
    from dataclasses import replace

    from revdiff.export.newsedits_sqlite import matched_pairs
    from revdiff.model import Article

    article = Article("washpo", "https://example.org/a", (
        Version(0, "T", ("Troops arrived today.",)), Version(1, "T", ("Troops arrived at dawn.",))))
    (comparison,) = compare_chain(article, "auto")
    (edit,) = comparison.edits
    comparison = replace(comparison, edits=(replace(edit, similarity=1 - 1.234567891e-9),))
    (row,) = matched_pairs(7, comparison)
    assert row[5:] == (1.23457e-09, 1.23457e-09)
