"""`revdiff export` on the command line: options, errors, the summary lines."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from click.testing import Result
from export_corpus import make_chain
from newsedits_files import NEWSEDITS_TABLE, make_database


def test_export_writes_and_summarises(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "edits.jsonl"
    result = run_cli("export", str(samples), "-o", str(out))  # format from the suffix
    assert result.exit_code == 0, result.output
    assert out.is_file() and (tmp_path / "edits.comparisons.jsonl").is_file()
    what, *where, how = result.output.strip().split("revdiff: exported ")[-1].splitlines()
    assert what == "3 articles, 9 version pairs, 85 edit rows"
    assert " ".join(where) == f"  to {out},   {tmp_path / 'edits.comparisons.jsonl'}"
    assert how.startswith("  in ") and how.endswith(" pairs/s, 1 worker)")


def test_an_output_named_sqlite3_is_a_newsedits_database(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    # `.sqlite3`, the suffix SQLite's own tools suggest, was refused: "cannot tell the export
    # format from the output name"
    out = tmp_path / "news.sqlite3"
    result = run_cli("export", str(samples), "-o", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    with sqlite3.connect(out) as connection:
        assert connection.execute("SELECT COUNT(*) FROM entryversion").fetchone()[0] > 0
    connection.close()


def test_the_summary_counts_one_of_a_kind_in_the_singular(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    story = make_chain(tmp_path / "story", [["One paragraph."], ["One paragraph, longer now."]])
    result = run_cli("export", str(story), "-o", str(tmp_path / "report"), "--format", "html")
    assert result.exit_code == 0, result.output
    assert "exported 1 article, 1 version pair, 1 report page\n  to " in result.output
    assert "pairs/s, 1 worker)" in result.output  # it said `1 worker(s)`


def test_the_summary_counts_every_input_or_article_skipped(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The summary's `skipped N inputs or articles` left out those of one version, so it counted
    fewer than the `skipped` lines above it."""
    single = tmp_path / "single"
    single.mkdir()
    (single / "0.txt").write_text("One version only.\n")
    result = run_cli("export", str(samples), str(tmp_path / "nope"), str(single), "-o",
                     str(tmp_path / "x.jsonl"), "--skip-errors")
    assert result.exit_code == 0, result.output
    assert len([line for line in result.output.splitlines()
                if line.startswith("revdiff: skipped ")]) == 2
    assert result.output.endswith(" pairs/s, 1 worker);\n  skipped 1 input or article that "
                                  "failed and 1 article of one version\n")


def test_the_summary_is_lines_that_fit_80_columns(run_cli, samples: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary was one line of 150 to 300 columns (two output names, the time, the skips),
    which an 80-column terminal wrapped wherever it fell: it is what was exported, where to
    and how long it took, each starting a line, broken between its parts to fit 80 columns."""
    monkeypatch.chdir(tmp_path)
    folder = Path("a folder of some length", "for this export")
    folder.mkdir(parents=True)
    single = make_chain(Path("single"), [["One version only."]])
    out = folder / "edits.csv"
    result = run_cli("export", str(samples), "nope", str(single), "-o", str(out), "--skip-errors")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    summary = lines[[line.startswith("revdiff: exported") for line in lines].index(True):]
    assert summary == ["revdiff: exported 3 articles, 9 version pairs, 85 edit rows",
                       f"  to {out},", f"  {folder / 'edits.comparisons.csv'}",
                       summary[3], ("  skipped 1 input or article that failed and 1 article of "
                                    "one version")], summary
    assert summary[3].startswith("  in ") and summary[3].endswith(" pairs/s, 1 worker);")
    assert max(len(line) for line in summary) <= 80


def test_the_summary_measures_names_by_the_columns_they_take() -> None:
    """A name of wide characters (two columns each) is measured as a terminal shows it, and a
    control character as the `␛` it is shown as; a name wider than a line stands alone."""
    from rich.cells import cell_len

    from revdiff.cli.progress import summary_lines
    from revdiff.export.progress import ExportProgress
    from revdiff.export.writers import SkippedInput

    wide = Path("/data/" + "記事" * 14 + "/edits.jsonl")  # 74 columns
    long = Path("/data/" + "x" * 90 + ".jsonl")
    progress = ExportProgress(articles=123_456, pairs=1_234_567, rows=12_345_678,
                              resumed_articles=120_000, resuming=True, resumed_pairs=1_000,
                              outputs=[wide, Path("/data/esc\x1b.jsonl"), long],
                              skipped_inputs=[SkippedInput("a", "gone")])
    lines = summary_lines(progress, "2 workers", "jsonl")
    assert lines[:2] == ["revdiff: exported 123,456 articles (120,000 from the interrupted run),",
                         "  1,234,567 version pairs, 12,345,678 edit rows"]
    assert lines[2:5] == [f"  to {wide},", "  /data/esc\u241b.jsonl,", f"  {long}"]
    assert all(cell_len(line) <= 80 for line in lines if str(long) not in line), lines


def test_quiet_prints_nothing(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("export", str(samples), "-o", str(tmp_path / "e.csv"), "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_quiet_still_names_an_input_skip_errors_skipped(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    """Found by a review: with -q the skip's line and the summary that counts it were both left
    out, so that a failed input went without a word; a skip is an error, not progress. An
    article of one version, no failure, is left out as the warnings are."""
    single = tmp_path / "single.txt"
    single.write_text("One version only.\n")
    result = run_cli("export", str(samples), str(tmp_path / "missing"), str(single), "-o",
                     str(tmp_path / "e.csv"), "--skip-errors", "-q")
    assert result.exit_code == 0
    skipped = (f"revdiff: skipped {tmp_path / 'missing'}: no such file or directory, and no file "
               "matches it as a glob")
    assert result.output == f"{skipped}\n"
    # a run that exports nothing, each skip a failure named above, points at them
    nothing = run_cli("export", str(tmp_path / "missing"), "-o", str(tmp_path / "x.csv"),
                      "--skip-errors", "-q")
    assert nothing.exit_code == 2
    [skip_line, error] = nothing.output.splitlines()
    assert skip_line == skipped and error.endswith("(check the inputs named above)")


def test_globs_are_expanded_in_natural_order(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for number in (10, 2, 1):
        make_chain(tmp_path / "in" / f"story{number}", [["First."], [f"Then {number}."]])
    out = tmp_path / "g.jsonl"
    result = run_cli("export", str(tmp_path / "in" / "story*"), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    summaries = [json.loads(line) for line in
                 (tmp_path / "g.comparisons.jsonl").read_text().splitlines()]
    assert [Path(s["article"]).name for s in summaries] == ["story1", "story2", "story10"]


def test_a_quoted_glob_of_version_files_reads_them_as_their_folder(  # type: ignore[no-untyped-def]
        run_cli, tmp_path: Path) -> None:
    """The files a quoted glob matched were sorted by the numbers in their names, in turn, dates
    with the year last too: `1-1-2020.txt` came before `9-12-2019.txt` and `30-12-2019.txt`."""
    story = tmp_path / "story"
    story.mkdir()
    for name in ("30-12-2019", "01-01-2020", "9-12-2019"):
        (story / f"{name}.txt").write_text(f"The story as of {name}.\n", encoding="utf-8")
    times = {}
    for way, given in (("glob", str(story / "*.txt")), ("folder", str(story))):
        result = run_cli("export", given, "-o", str(tmp_path / f"{way}.jsonl"), "-q")
        assert result.exit_code == 0, result.output
        pairs = [json.loads(line) for line in
                 (tmp_path / f"{way}.comparisons.jsonl").read_text().splitlines()]
        times[way] = [(pair["old_time"], pair["new_time"]) for pair in pairs]
        # given in the folder's order by revdiff's own glob, not reordered and warned so
        assert not [warning for pair in pairs for warning in pair["warnings"]
                    if "order" in warning]
    assert times["glob"] == times["folder"] == [("2019-12-09", "2019-12-30"),
                                                ("2019-12-30", "2020-01-01")]


@pytest.mark.parametrize("args, message", [
    (["export", "does-not-exist", "-o", "OUT/x.jsonl"], "no such file"),
    (["export", "SAMPLES", "-o", "OUT/x.unknown"], "--format"),
    (["export", "SAMPLES", "-o", "OUT/report"],  # did not say that a trailing / picks html
     "; or end the name with / for the HTML report, -o OUT/report/)"),
    (["export", "SAMPLES", "-o", "OUT/x.jsonl", "--dask", "--scheduler", "tcp://h:1"],
     "--scheduler and --dask"),
    (["export", "SAMPLES", "-o", "OUT/x.jsonl", "--workers", "4", "--scheduler", "tcp://h:1"],
     "--workers sets local processes, but --scheduler runs on the scheduler's workers"),
    (["export", "SAMPLES", "-o", "OUT/missing-folder/x.jsonl"], "folder does not exist"),
    # click said "'abc' is not a valid integer range", not what --workers takes
    (["export", "SAMPLES", "-o", "OUT/x.jsonl", "--workers", "abc"],
     "'abc' is not a whole number: give a whole number of workers from 1 to "),
    (["export", "SAMPLES", "-o", "OUT/x.jsonl", "--workers", "0"],
     "0 workers is out of range: give a whole number of workers from 1 to "),
    (["export", "SAMPLES", "-o", "OUT/x.csv", "--format", "jsonl"],
     ("-o ends in .csv, a csv file, but --format is jsonl (drop --format, or name the output "
      "x.jsonl)")),
    (["export", "SAMPLES", "-o", "OUT/x.sqlite", "--format", "parquet"], "a sqlite file"),
])
def test_bad_usage_is_one_line_and_writes_nothing(run_cli, samples: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  args: list[str], message: str) -> None:
    args = [a.replace("SAMPLES", str(samples)).replace("OUT", str(tmp_path)) for a in args]
    message = message.replace("OUT", str(tmp_path))
    result = run_cli(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("revdiff: error: ") and message in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_without_format_is_told_what_loses_nothing(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                                     tmp_path: Path) -> None:
    # `-o notes` for an existing folder suggested `-o notes/` for the HTML report, which replaces
    # the folder whole (and refuses one of tables or notes): the hint names what writes into it,
    # and a new folder for the report, and both keep what the folder holds
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("my notes\n", encoding="utf-8")
    result = run_cli("export", str(samples), "-o", str(notes))
    assert result.exit_code == 2
    assert result.output == (
        f"revdiff: error: {notes}: cannot tell the export format from the output name (add "
        "--format with one of: jsonl, csv, parquet to write the tables into the folder "
        "as edits.EXT and comparisons.EXT; or name a new folder for the HTML report, -o "
        f"{notes}/report/)\n")
    assert run_cli("export", str(samples), "-o", str(notes), "--format", "csv",
                   "-q").exit_code == 0
    assert run_cli("export", str(samples), "-o", f"{notes}/report/", "-q").exit_code == 0
    assert (notes / "mine.txt").read_text(encoding="utf-8") == "my notes\n"
    assert {"edits.csv", "comparisons.csv", "report"} < {path.name for path in notes.iterdir()}


def test_an_unknown_suffix_is_told_the_suffixes_that_name_a_format(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    # `-o news.txt` suggested `-o news.txt/`, a folder, for a name that meant a file
    result = run_cli("export", str(samples), "-o", str(tmp_path / "news.txt"))
    assert result.exit_code == 2
    assert result.output.endswith(
        "(add --format with one of: jsonl, csv, sqlite, parquet, html, unified; or name the "
        "output with a format's suffix: .jsonl, .csv, .sqlite, .parquet, .diff, or / for the "
        "HTML report's folder)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["report.html", "Report.HTM"])
def test_an_html_file_name_is_told_that_the_report_is_a_folder(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path, name: str) -> None:
    # `-o report.html`, a new user's first try at the HTML report, was told the format could not
    # be told from the name and given the list of suffixes, .html not among them
    result = run_cli("export", str(samples), "-o", str(tmp_path / name))
    assert result.exit_code == 2
    stem = name.rsplit(".", 1)[0]
    assert result.output == (
        f"revdiff: error: {tmp_path / name}: the HTML report is a folder of pages (its index.html "
        f"opens it), not one file (name a folder, -o {tmp_path / stem}/, or add --format html to "
        f"write the folder under this name)\n")
    assert list(tmp_path.iterdir()) == []


def test_unreadable_input_stops_or_is_skipped(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "0.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (broken / "1.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    out = tmp_path / "out" / "x.jsonl"
    out.parent.mkdir()
    result = run_cli("export", str(broken), str(samples), "-o", str(out))
    assert result.exit_code == 2 and result.output.startswith("revdiff: error: ")
    assert list(out.parent.iterdir()) == []  # nothing half-written, no staging left
    result = run_cli("export", str(broken), str(samples), "-o", str(out), "--skip-errors")
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "3 articles" in result.output
    assert out.is_file()


def test_a_skipped_input_is_named_once(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run_cli("export", str(empty), str(samples), "-o", str(tmp_path / "x.jsonl"),
                     "--skip-errors")
    assert result.exit_code == 0, result.output
    assert (f"revdiff: skipped {empty}: input is empty (give a file that holds an article)\n"
            in result.output)


def test_files_given_together_and_skipped_are_named_once(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # `skipped 0.txt (+1 files): 0.txt: plain version files and tracker pages given together`;
    # the label now counts the other files in the singular too
    repo = Path(__file__).resolve().parents[2]
    version = repo / "samples" / "versions" / "iran-strikes-us-troops-in-iraq" / "0.txt"
    page = repo / "samples" / "washpo-soleimani-v6-v7.txt"
    result = run_cli("export", str(version), str(page), "-o", str(tmp_path / "x.jsonl"),
                     "--skip-errors")
    assert (f"revdiff: skipped {version} (+1 file): plain version files and tracker pages "
            "given together") in result.output


def test_skip_errors_skips_a_missing_path_and_an_empty_glob(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A path that names nothing stopped a bulk run even with --skip-errors."""
    missing, glob = str(tmp_path / "nope"), str(tmp_path / "zz*")
    args = ["export", str(samples), missing, glob, "-o", str(tmp_path / "x.jsonl")]
    refused = run_cli(*args)
    assert refused.exit_code == 2
    # the refusal says so: it gave only `check the path`, as `diff` and `parse`, which skip nothing
    assert refused.output == (f"revdiff: error: {missing}: no such file or directory, and no file "
                              "matches it as a glob (check the path; or rerun with --skip-errors "
                              "to skip it)\n")
    result = run_cli(*args, "--skip-errors")
    assert result.exit_code == 0, result.output
    assert (f"revdiff: skipped {missing}: no such file or directory, and no file matches it "
            "as a glob\n") in result.output
    assert f"revdiff: skipped {glob}: the glob matches nothing in {tmp_path}\n" in result.output
    assert "skipped 2 inputs or articles that failed" in result.output and "3 articles" in result.output


IN_PLACE_OF_DASK = "in place of --dask, which starts a local cluster and takes no address"


@pytest.mark.parametrize(("address", "options", "hint"), [
    ("tcp://10.0.0.5:8786", ["--dask"],
     f"give it as --scheduler tcp://10.0.0.5:8786 {IN_PLACE_OF_DASK}"),
    ("10.0.0.5:8786", ["--dask", "--skip-errors"],
     f"give it as --scheduler 10.0.0.5:8786 {IN_PLACE_OF_DASK}"),
    ("ws://scheduler.example:8786", ["--skip-errors"],
     "to run on that scheduler, give it as --scheduler ws://scheduler.example:8786"),
])
def test_a_scheduler_address_given_as_an_input_is_refused_before_any_work(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, address: str, options: list[str],
        hint: str) -> None:
    """`--dask tcp://HOST:8786` (--dask, a flag, takes no address) read the address as an INPUT
    that names nothing: told to check the path, and with --skip-errors skipped while the export
    ran on a local cluster (or in local processes) instead of the scheduler meant."""
    result = run_cli("export", str(samples), address, "-o", str(tmp_path / "x.jsonl"), *options)
    assert result.exit_code == 2
    assert result.output == (f"revdiff: error: {address}: names no file or folder, and is "
                             f"written as a Dask scheduler's address ({hint})\n")
    assert list(tmp_path.iterdir()) == []


def test_an_input_written_as_an_address_that_names_a_folder_is_read(  # type: ignore[no-untyped-def]
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_chain(tmp_path / "tcp:" / "story:8786", [["One."], ["One. Two."]])
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", "tcp://story:8786", "-o", "x.jsonl", "--quiet")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.jsonl").read_text().count("\n") > 0


def test_a_glob_that_matches_nothing_says_where_revdiff_looked(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A glob revdiff was given (quoted, or left by a shell that found no match) and found no
    match for was told to be quoted so that revdiff expands it: it had been."""
    (tmp_path / "story").mkdir()
    cases = {str(tmp_path / "story" / "*.txt"): f"the glob matches nothing in {tmp_path / 'story'}",
             str(tmp_path / "stroy" / "*.txt"): f"the glob matches nothing ({tmp_path / 'stroy'} "
                                                "does not exist)",
             str(tmp_path / "s*" / "v?.txt"): f"the glob matches nothing in {tmp_path}"}
    for pattern, said in cases.items():
        refused = run_cli("export", pattern, "-o", str(tmp_path / "x.jsonl"))
        assert refused.exit_code == 2
        assert refused.output == (f"revdiff: error: {pattern}: {said} (check the pattern; or "
                                  "rerun with --skip-errors to skip it)\n")


def test_notes_about_inputs_follow_the_inputs_order(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A folder an earlier input already read was told of before every note of the run, ahead
    of the skip of a missing path given before it."""
    missing = str(tmp_path / "nope")
    result = run_cli("export", missing, str(samples), str(samples), "-o", str(tmp_path / "x.jsonl"),
                     "--skip-errors")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    skip = lines.index(f"revdiff: skipped {missing}: no such file or directory, and no file "
                       "matches it as a glob")
    again = lines.index(f"revdiff: warning: {samples}: skipped, an earlier input already read it")
    assert skip < again


def test_skip_errors_skips_a_path_too_long_to_look_up(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A name over the file system's 255 characters stopped a bulk run even with --skip-errors,
    where a path that names nothing is skipped."""
    too_long = str(tmp_path / ("a" * 300))
    args = ["export", str(samples), too_long, "-o", str(tmp_path / "x.jsonl")]
    refused = run_cli(*args)
    assert refused.exit_code == 2
    assert refused.output == (f"revdiff: error: {too_long}: cannot look up the path (File name "
                              "too long) (check the path and that you may open the folders on "
                              "it; or rerun with --skip-errors to skip it)\n")
    result = run_cli(*args, "--skip-errors")
    assert result.exit_code == 0, result.output
    assert f"revdiff: skipped {too_long}: cannot look up the path (File name too long)\n" in result.output
    assert "skipped 1 input or article that failed" in result.output and "3 articles" in result.output


@pytest.mark.parametrize(("output", "single_version"), [("x.csv", False), ("-", False),
                                                         ("x.csv", True)])
def test_a_run_that_exports_nothing_fails_and_keeps_the_earlier_output(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, output: str, single_version: bool) -> None:
    """A mistyped folder with --skip-errors, or a file of one version, replaced a good export with
    empty tables, exit 0."""
    out = str(tmp_path / output) if output != "-" else "-"
    if output != "-":
        assert run_cli("export", str(samples), "-o", out).exit_code == 0
    given = tmp_path / "sampels"
    if single_version:
        given.mkdir()
        (given / "0.txt").write_text("One version only.\n")
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    result = run_cli("export", str(given), "-o", out, "--skip-errors")
    assert result.exit_code == 2
    assert "revdiff: error: " in result.output
    why = ("no input holds an article of two versions" if single_version
           else "1 input or article that failed was skipped and no other holds an article "
                "of two versions")  # it said `every input or article was skipped (1 of them)`
    assert f"nothing was exported: {why}" in result.output
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before


def test_a_run_that_exports_nothing_counts_every_input_it_skipped(  # type: ignore[no-untyped-def]
        run_cli, tmp_path: Path) -> None:
    """A path that names nothing and a file of one version were two `skipped` lines, and the
    error said `1 input or article was skipped`: the one of one version was left out."""
    single = tmp_path / "single.txt"
    single.write_text("One version only.\n")
    result = run_cli("export", str(tmp_path / "missing"), str(single), "-o",
                     str(tmp_path / "x.jsonl"), "--skip-errors")
    assert result.exit_code == 2
    skipped = [line for line in result.output.splitlines() if line.startswith("revdiff: skipped ")]
    assert len(skipped) == 2
    assert ("nothing was exported: 1 input or article that failed and 1 article of one version "
            "were skipped and no other holds an article of two versions") in result.output


@pytest.mark.parametrize("quiet", [False, True])
def test_a_run_that_exports_nothing_points_at_the_reasons_only_where_they_are_printed(  # type: ignore[no-untyped-def]
        run_cli, tmp_path: Path, quiet: bool) -> None:
    """With -q the error said `check the inputs named above`, and none was named above."""
    story = tmp_path / "story"
    story.mkdir()
    (story / "0.txt").write_text("One version only.\n")
    result = run_cli("export", str(story), "-o", str(tmp_path / "x.csv"), *(["-q"] if quiet else []))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[-1].endswith("(drop -q to see which inputs were skipped and why)" if quiet
                              else "(check the inputs named above)")
    skipped = f"revdiff: skipped {story}: only one version, nothing to compare"
    assert lines[:-1] == ([] if quiet else [skipped])


def test_skip_errors_leaves_out_one_bad_article_of_an_input_that_holds_many(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    """A NewsEdits file with one entry whose version numbers are no numbers, and a store with one
    version over --max-size: --skip-errors leaves out that article alone, where it left out the
    whole input (and exported nothing of it)."""
    import shutil
    import sqlite3

    from revdiff.model import Article, Version
    from revdiff.store import store_articles

    database = tmp_path / "news.sqlite"
    shutil.copy(samples.parent / "newsedits.sqlite", database)
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE entryversion SET version = 1e23 WHERE entry_id = 2")
    repo = tmp_path / "store"
    repo.mkdir()
    store_articles([Article("bbc", f"https://www.bbc.co.uk/{name}", tuple(
        Version(number, name, (f"{name} {number}.", text)) for number in (1, 2)))
        for name, text in (("a", "Short."), ("b", "Long. " * 400), ("c", "Short too."))], repo)
    for source, count, problem, limit in ((database, 2, "version", "64M"),
                                          (repo, 2, "more than the size limit", "1K")):
        out = tmp_path / f"{source.name}.jsonl"
        stopped = run_cli("export", str(source), "-o", str(out), "--max-size", limit)
        assert stopped.exit_code == 2 and not out.exists()
        result = run_cli("export", str(source), "-o", str(out), "--max-size", limit,
                         "--skip-errors")
        assert result.exit_code == 0, result.output
        skipped = [line for line in result.output.splitlines() if "skipped an article" in line]
        assert len(skipped) == 1 and problem in skipped[0], result.output
        assert f"exported {count} articles" in result.output
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert len({row["article_index"] for row in rows}) == count


def test_help_lists_the_formats(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("export", "--help")
    assert result.exit_code == 0
    for name in ("jsonl", "csv", "sqlite", "parquet", "html", "unified", "--resume",
                 "--workers", "--scheduler", "--dask", "--quiet"):
        assert name in result.output


def test_git_repository_and_newsedits_inputs(run_cli, samples: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    database = samples.parent / "newsedits.sqlite"
    if shutil.which("git") is None or not database.is_file():
        pytest.skip("needs the git command and samples/newsedits.sqlite")
    repo = tmp_path / "repo"
    repo.mkdir()
    story = samples / "us-sends-3000-troops-to-middle-east"

    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args],
                       cwd=repo, check=True, capture_output=True)

    git("init", "-q")
    for version in sorted(story.glob("*.txt")):
        (repo / "story.txt").write_text(version.read_text(encoding="utf-8"), encoding="utf-8")
        git("add", "story.txt")
        git("commit", "-q", "-m", f"version {version.stem}")
    out = tmp_path / "mixed.jsonl"
    result = run_cli("export", str(repo), str(database), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    summaries = [json.loads(line) for line in
                 (tmp_path / "mixed.comparisons.jsonl").read_text().splitlines()]
    from_repo = [s for s in summaries if s["article_index"] == 0]
    assert len(from_repo) == 2 and from_repo[0]["article"] == "story.txt"  # named by its file
    from_database = [s for s in summaries if s["article_index"] > 0]
    assert from_database and all(s["url"].startswith("https://") for s in from_database)


def test_warnings_and_skips_name_an_article_of_several_by_its_url(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                                  tmp_path: Path) -> None:
    import shutil
    import sqlite3

    database = tmp_path / "newsedits.sqlite"
    shutil.copy(samples.parent / "newsedits.sqlite", database)
    with sqlite3.connect(database) as connection:
        (url,) = connection.execute("SELECT url FROM entryversion WHERE entry_id = 3").fetchone()
        connection.execute("DELETE FROM entryversion WHERE entry_id = 3 AND version > 0")
    result = run_cli("export", str(database), "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 0, result.output
    assert f"revdiff: skipped {url}: only one version, nothing to compare\n" in result.output
    assert f"{database}#" not in result.output  # it said `newsedits.sqlite#2`
    diffengine = run_cli("export", str(samples.parent / "diffengine.db"), "-o", str(tmp_path / "d.csv"))
    warnings = [line for line in diffengine.output.splitlines() if line.startswith("revdiff: warning: ")]
    assert len(warnings) == 3
    assert all(line.startswith("revdiff: warning: https://") for line in warnings), warnings


def test_warnings_name_a_database_article_without_a_url_by_its_title_as_diff_does(  # type: ignore[no-untyped-def]
        run_cli, tmp_path: Path) -> None:
    """`export` named an entry without a URL by its place (`n.db#2`) however it was titled, as it
    reads a database an article at a time; `diff`, and the `article` column of both, by its first
    title, but by its place where another entry shares that title. `export` names it as `diff` does."""
    database = make_database(tmp_path / "n.db", NEWSEDITS_TABLE, [
        (None, entry, version, title, None, None, f"Thu, 10 Jan 2019 2{version}:31:03 CET", 2,
         f"<p>Text {version} of {entry}.</p>")
        for entry, title in ((1, "Story"), (2, "Story"), (3, "Other")) for version in range(2)])

    def named(*args: str) -> list[str]:
        result = run_cli(*args, str(database), *() if args[0] == "diff" else ("-o", str(out)))
        assert result.exit_code == 0, result.output
        return [line.removeprefix("revdiff: warning: ").partition(": entry")[0]
                for line in result.output.splitlines() if "time zone" in line]

    out = tmp_path / "out.csv"
    assert named("export") == named("diff") == [f"{database}#0", f"{database}#1", "Other"]
    with out.open(encoding="utf-8") as rows:
        assert "Other" in {line.split(",")[1] for line in rows}  # as the rows name it


@pytest.mark.parametrize(("export_format", "says", "hint"), [
    ("csv", "-o names a folder (it ends with /) that does not exist",
     "create the folder first, or name a file such as edits.csv"),
    ("parquet", "-o names a folder (it ends with /) that does not exist",
     "create the folder first, or name a file such as edits.parquet"),
    ("unified", "-o ends with /, but unified is written to one file",
     "name a file with -o, such as edits.diff"),
    ("sqlite", "-o ends with /, but sqlite is written to one file",
     "name a file with -o, such as edits.sqlite"),
])
def test_an_output_ending_in_a_slash_is_a_folder(run_cli, samples: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  export_format: str, says: str,
                                                  hint: str) -> None:
    # `-o new-folder/` wrote a file named new-folder and new-folder.comparisons.csv; the hint
    # named news.sqlite or all.diff, or edits.csv, whatever --format asked for
    output = f"{tmp_path}/new-folder/"
    result = run_cli("export", str(samples), "-o", output, "--format", export_format)
    assert result.exit_code == 2
    assert result.output == f"revdiff: error: {output}: {says} ({hint})\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_device_as_output_without_format_is_not_told_to_add_a_slash(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    # `-o /dev/null` said it could not tell the format and suggested `-o /dev/null/`, which
    # cannot work; a FIFO was told the same
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for output, kind in ((os.devnull, "a device"), (str(fifo), "a FIFO")):
        result = run_cli("export", str(samples), "-o", output)
        assert result.exit_code == 2
        assert result.output == (f"revdiff: error: {output}: the output is {kind}, not a file or "
                                 "folder (choose a file or folder path with -o, or -o - to write "
                                 "jsonl, csv or unified to standard output)\n")


def test_a_file_without_suffix_as_output_is_not_told_to_add_a_slash(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    # `-o notes/` for the HTML report cannot be made while notes is a file
    notes = tmp_path / "notes"
    notes.write_text("kept\n")
    result = run_cli("export", str(samples), "-o", str(notes))
    assert result.exit_code == 2
    assert result.output.rstrip().endswith("(add --format with one of: jsonl, csv, sqlite, "
                                           "parquet, html, unified)")
    assert notes.read_text() == "kept\n"


def test_an_output_ending_in_a_slash_is_the_html_report_without_format(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    # `-o report/` said it could not tell the format, though only the HTML report is a folder
    result = run_cli("export", str(samples), "-o", f"{tmp_path}/report/", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report" / "index.html").is_file()


def test_an_existing_folder_with_a_slash_gets_the_two_tables(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    result = run_cli("export", str(samples), "-o", f"{tmp_path}/", "--format", "csv", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comparisons.csv", "edits.csv"]


def test_a_newsedits_file_over_the_size_limit_is_exported_version_by_version(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    # one outlet's NewsEdits file runs to gigabytes: the limit is each version's, not the file's
    database = samples.parent / "newsedits.sqlite"
    size = database.stat().st_size
    out = tmp_path / "x.jsonl"
    result = run_cli("export", str(database), "-o", str(out), "-q", "--max-size", str(size // 2))
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "x.comparisons.jsonl").read_text().splitlines()) == 9
    refused = run_cli("export", str(database), "-o", str(tmp_path / "y.jsonl"), "--max-size", "10")
    assert refused.exit_code == 2
    assert "entry 1 version 0 is " in refused.output
    assert "if this is really one version" in refused.output


def test_the_progress_moves_through_the_articles_of_one_input(tmp_path: Path) -> None:
    import sqlite3

    from revdiff.export.driver import ExportJob, run_export

    database = tmp_path / "outlet.db"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE entryversion (entry_id, version, summary)")
        connection.executemany("INSERT INTO entryversion VALUES (?, ?, ?)", [
            (entry, version, f"Story {entry} says {version}.")
            for entry in range(40) for version in range(2)])
    connection.close()
    seen: list[float] = []
    run_export(ExportJob((str(database),), tmp_path / "x.jsonl", "jsonl"),
               on_progress=lambda progress: seen.append(progress.units_done))
    assert seen[-1] == 1
    assert any(0 < done < 1 for done in seen)  # it stayed at 0 of 1 input until the end


def test_the_progress_is_reported_before_the_first_article_is_written(tmp_path: Path) -> None:
    """A live blog of 300 versions is one article: its bar came up only when the whole of it was
    written, after 12 s of a blank terminal."""
    from revdiff.export.driver import ExportJob, run_export

    story = tmp_path / "story"
    story.mkdir()
    for number, text in enumerate(["It rained.\n", "It rained hard.\n"]):
        (story / f"{number}.txt").write_text(text, encoding="utf-8")
    seen: list[int] = []
    for out in (tmp_path / "x.jsonl", "-"):
        seen.clear()
        run_export(ExportJob((str(story),), Path(out), "jsonl"), stream=io.BytesIO(),
                   on_progress=lambda progress: seen.append(progress.articles))
        assert seen[0] == 0 and seen[-1] == 1


def test_the_export_bar_keeps_its_clock_going_between_reports() -> None:
    from revdiff.cli.progress import ProgressBar, export_progress
    from revdiff.export.progress import ExportProgress

    class Screen(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.draws = 0
            self.redrawn = threading.Event()

        def write(self, text: str) -> int:
            self.draws += text.startswith("\r[")
            if self.draws > 1:
                self.redrawn.set()
            return super().write(text)

    screen = Screen()
    bar = ProgressBar(screen.write, rate=1000)
    with export_progress(bar, tick=0.01) as draw:
        draw(ExportProgress(units_total=1))  # reported once: the driver is comparing
        assert screen.redrawn.wait(60)
    assert "0/1 inputs  0 articles  0 pairs" in screen.getvalue()


def test_pipes_are_exported_whole(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # a look for a database's first bytes took the start of each pipe: "input is empty", or, on
    # longer input, versions that began mid-sentence, exit 0
    from shell_pipes import shell_pipes

    out = tmp_path / "p.jsonl"
    with shell_pipes("One sentence here.\nTwo.\n", "One sentence here.\nThree.\n") as pipes:
        result = run_cli("export", *pipes, "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows[0]["old_text"] == "One sentence here."


def _lock_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `folder` unlistable as `chmod 000` does for a user other than root (the tests may
    run as root, who reads every folder): listing it or looking inside it fails."""
    import os
    import pathlib

    if os.geteuid() != 0:
        folder.chmod(0)
        return
    locked = str(folder)
    real_scandir, real_stat, real_iterdir = os.scandir, pathlib.Path.stat, pathlib.Path.iterdir

    def inside(path: object) -> bool:
        if isinstance(path, int):  # a file descriptor (shutil, os.fwalk)
            return False
        text = os.fspath(path)  # type: ignore[call-overload]
        return text == locked or text.startswith(locked + os.sep)

    def scandir(path: object = ".") -> object:
        if inside(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))  # type: ignore[call-overload]
        return real_scandir(path)  # type: ignore[call-overload]

    def stat(self: pathlib.Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if inside(self) and str(self) != locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    def iterdir(self: pathlib.Path):  # type: ignore[no-untyped-def]
        if inside(self):
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(pathlib.Path, "stat", stat)
    monkeypatch.setattr(pathlib.Path, "iterdir", iterdir)


def test_an_unreadable_folder_in_a_corpus_is_one_error_line(run_cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """An article folder without read permission in a corpus (`chmod 000 corpus/b`) stopped the
    export with a PermissionError traceback from the git-repository check, --skip-errors too."""
    corpus = tmp_path / "corpus"
    for name in ("a", "b", "c"):
        make_chain(corpus / name, [["One."], ["Two."]])
    out = tmp_path / "out" / "x.jsonl"
    out.parent.mkdir()
    _lock_folder(corpus / "b", monkeypatch)
    try:
        result = run_cli("export", str(corpus), "-o", str(out), "--quiet")
        assert result.exit_code == 2
        assert result.output == (f"revdiff: error: {corpus / 'b'}: cannot read the folder "
                                 "(Permission denied) (check that you may read it and open it, "
                                 "or move it away; fix or remove that input, or rerun with "
                                 "--skip-errors to skip it)\n")
        # nothing was kept for --resume, which the hint offered: a was read, not yet written
        assert list(out.parent.iterdir()) == []
        result = run_cli("export", str(corpus), "-o", str(out), "--skip-errors")
        assert result.exit_code == 0, result.output
        assert f"revdiff: skipped {corpus / 'b'}: cannot read the folder" in result.output
        assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # a and c
    finally:
        (corpus / "b").chmod(0o755)


def test_a_billion_workers_is_refused_in_one_line(samples: Path, tmp_path: Path) -> None:
    """`--workers 1000000000` (a slip) set aside the pool's bookkeeping for a billion workers,
    gigabytes, before doing anything: minutes of swapping, then the out-of-memory killer."""
    import subprocess
    import sys

    chain = samples / "versions" / "iran-strikes-us-troops-in-iraq"
    try:
        result = subprocess.run([sys.executable, "-m", "revdiff", "export", str(chain), "-o",
                                 str(tmp_path / "edits.jsonl"), "--workers", "1000000000"],
                                capture_output=True, text=True, timeout=20, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("revdiff export --workers 1000000000 did not answer")
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "--workers" in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []


class _Started(Exception):
    """What the stand-in for `run_export` raises: the export got past its options."""


def _started_on_two_cpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The workers each export started with, as `run_export` is reached (and `_Started`
    raised), on a machine of 2 CPUs without a quota."""
    from revdiff.cli import export as export_cli
    from revdiff.export import driver

    started_with = []

    def started(*_args: object, workers: int, **_kwargs: object) -> None:
        started_with.append(workers)
        raise _Started

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(export_cli, "CGROUP_CPU_MAX", tmp_path / "no-cpu.max")  # no quota
    monkeypatch.setattr(driver, "run_export", started)
    return started_with


@pytest.mark.parametrize("cluster", [[], ["--dask"]])
def test_local_workers_are_limited_by_the_cpus(run_cli, samples: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch,
                                               cluster: list[str]) -> None:
    """`--dask --workers 1024` on 2 CPUs started 1,024 Dask workers and their nannies, some 45 GB;
    local workers, plain or Dask, are at most 32 per CPU, refused above in one line (Dask's
    fewer still: `test_dask_workers_are_limited_to_4_per_cpu`)."""
    started_with = _started_on_two_cpus(tmp_path, monkeypatch)
    out = str(tmp_path / "edits.jsonl")
    result = run_cli("export", str(samples), "-o", out, "--workers", "1024", *cluster)
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert ("Invalid value for '--workers': 1024 workers are far more than the 2 CPUs here run at "
            "once, and each takes memory: give a whole number of workers from 1 to 64 (32 per CPU, "
            "2 CPUs here), or up to 8 with --dask") in result.output
    with pytest.raises(_Started):
        run_cli("export", str(samples), "-o", out, "--workers", "64")
    assert started_with == [64] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("order", ["--dask first", "--workers first"])
def test_dask_workers_are_limited_to_4_per_cpu(run_cli, samples: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch, order: str) -> None:
    """`--dask --workers 64` on 2 CPUs was allowed, as 64 plain workers are: a local Dask cluster
    starts every worker and its nanny before any work, and 64 of them failed after minutes in
    Dask's own time-outs. With --dask, --workers is at most 4 per CPU, refused above in one line
    that says how many it takes, with --dask and without."""
    started_with = _started_on_two_cpus(tmp_path, monkeypatch)
    out = str(tmp_path / "edits.jsonl")

    def export(workers: str) -> Result:
        options = (["--dask", "--workers", workers] if order == "--dask first"
                   else ["--workers", workers, "--dask"])
        return run_cli("export", str(samples), "-o", out, *options)  # type: ignore[no-any-return]

    result = export("9")
    assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
    assert ("Invalid value for '--workers': 9 Dask workers are too many for the 2 CPUs here: "
            "--dask starts each, with a process beside it, before any work; give a whole number "
            "of workers from 1 to 8 (4 per CPU, 2 CPUs here) with --dask, or up to 64 without "
            "it") in result.output
    with pytest.raises(_Started):
        export("8")
    assert started_with == [8] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("cpu_max", "cpus"), [
    ("100000 100000\n", 1), ("150000 100000\n", 2), ("800000 100000\n", 4), ("max 100000\n", 4),
    ("", 4)])
def test_the_cpus_are_limited_by_a_container_s_quota(
        cpu_max: str, cpus: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A container's CPU quota (cgroup v2 `cpu.max`) was not counted: a container of 1 CPU on a
    machine of 4 allowed 128 local workers."""
    from revdiff.cli import export as export_cli

    (tmp_path / "cpu.max").write_text(cpu_max, encoding="ascii")
    monkeypatch.setattr(export_cli, "CGROUP_CPU_MAX", tmp_path / "cpu.max")
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert export_cli._usable_cpus() == cpus


def test_skip_errors_says_what_was_exported_of_a_database_that_fails_partway(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A NewsEdits file that turned corrupt after its first articles were exported was reported
    as `skipped news.sqlite`, as if nothing of it had been."""
    import sqlite3

    from revdiff.export import task_reading
    from revdiff.model import Article, Version

    class FailingPartway:
        def __len__(self) -> int:
            return 3

        def __iter__(self):  # type: ignore[no-untyped-def]
            for name in ("a", "b"):
                yield Article("bbc", f"https://www.bbc.co.uk/{name}", tuple(
                    Version(number, name, (f"{name} {number}.",)) for number in (1, 2)))
            raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(task_reading, "load_unit", lambda paths, max_bytes, notes, origins,
                        listed: nullcontext(FailingPartway()))
    # its URLs and titles were read ahead (`article_keys`, from the rows' scan that opening
    # makes too): its texts are where it fails
    monkeypatch.setattr(task_reading, "article_keys", lambda articles, on_listed: Counter())
    database = tmp_path / "news.sqlite"
    database.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = run_cli("export", str(database), "-o", str(out), "--skip-errors")
    assert result.exit_code == 0, result.output
    assert (f"skipped the rest of {database} after its first 2 articles: "
            "DatabaseError: database disk image is malformed") in result.output
    assert "exported 2 articles" in result.output


@pytest.mark.parametrize("export_format", ["csv", "jsonl", "unified"])
@pytest.mark.parametrize("first_fails", [False, True])
def test_a_stream_that_exports_nothing_writes_nothing_to_stdout(  # type: ignore[no-untyped-def]
        run_cli, tmp_path: Path, export_format: str, first_fails: bool) -> None:
    """`-o - --format csv` printed its header row, then failed: a table without rows on stdout."""
    given = tmp_path / "one"
    given.mkdir()
    if first_fails:
        (given / "0.txt").write_bytes(b"\x00\x01binary\x00" * 50)
        (given / "1.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    else:
        (given / "0.txt").write_text("One version only.\n")
    result = run_cli("export", str(given), "-o", "-", "--format", export_format)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith("revdiff: error: ")
    assert result.stdout == ""


def test_an_output_name_too_long_to_stage_beside_is_one_error_line(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path) -> None:
    """The output's name fits the file system, but `.<name>.revdiff-partial` beside it does not:
    refused before the run, in one line that says how long a name may be."""
    longest = os.pathconf(tmp_path, "PC_NAME_MAX")
    out = tmp_path / ("a" * (longest - 14 - len(".jsonl")) + ".jsonl")  # its lock name fits
    result = run_cli("export", str(samples), "-o", str(out))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("revdiff: error: ")
    assert f"choose an -o name of at most {longest - 19} bytes" in lines[0]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_while_the_summary_is_written_ends_the_run_as_done(
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        signal_number: signal.Signals) -> None:
    """Ctrl-C while the summary line was written, once the output was in place, said only
    `interrupted`, exit 130 (SIGTERM killed the run without a word), where a stop once the output
    is published ends the run as done, as a store stopped while its summary is written does."""
    def stopped(*args: object) -> list[str]:
        handler = signal.getsignal(signal_number)
        assert callable(handler), "the stop would end the process"
        handler(signal_number, None)
        return ["not reached"]

    story = make_chain(tmp_path / "story", [["One paragraph."], ["One paragraph, longer now."]])
    out = tmp_path / "edits.jsonl"
    monkeypatch.setattr("revdiff.cli.progress.summary_lines", stopped)
    result = run_cli("export", str(story), "-o", str(out))
    reason = "interrupted" if signal_number == signal.SIGINT else "stopped by SIGTERM"
    assert (result.exit_code, result.stderr) == (
        0, f"revdiff: {reason} once the export was done; the rest of the summary is left out\n")
    assert out.is_file()


@pytest.mark.parametrize(("out", "fmt"), [("tables", "csv"), ("report", "html")])
def test_an_output_folder_it_may_not_write_is_refused_before_the_run(  # type: ignore[no-untyped-def]
        out: str, fmt: str, run_cli, samples: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An existing output folder without write permission (`chmod 555 tables`) was found out
    only once every article was compared, when the finished files were to be put in it."""
    folder = tmp_path / out
    folder.mkdir()
    if os.geteuid() == 0:  # root may write every folder: answer as for any other user
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode, **kw: real_access(path, mode, **kw)
                            and not (os.fspath(path) == str(folder) and mode & os.W_OK))
    else:
        folder.chmod(0o555)
    try:
        result = run_cli("export", str(samples), "-o", str(folder), "--format", fmt)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 2
    assert result.output == (f"revdiff: error: {folder}: cannot write into the output's folder "
                             "(check its permissions, or choose another -o path)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [out]
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("out", "fmt", "refused"), [("tables", "csv", "tables"),
                                                    ("report", "html", "")])
def test_an_output_folder_on_a_read_only_file_system_is_said_to_be_on_one(  # type: ignore[no-untyped-def]
        out: str, fmt: str, refused: str, run_cli, samples: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder on a read-only mount (`mount -o ro`), which no one may write whatever its
    permissions, was told to check its permissions."""
    folder = tmp_path / out
    folder.mkdir()
    real_access, real_statvfs = os.access, os.statvfs

    def read_only(path: object) -> bool:
        return os.fspath(path) in (str(folder), str(tmp_path))  # type: ignore[arg-type]

    def statvfs(path: object) -> os.statvfs_result:
        found = real_statvfs(path)  # type: ignore[arg-type]
        if not read_only(path):
            return found
        fields = list(found)
        fields[8] |= os.ST_RDONLY  # f_flag
        return os.statvfs_result(fields)

    monkeypatch.setattr(os, "access", lambda path, mode, **kw: real_access(path, mode, **kw)
                        and not (read_only(path) and mode & os.W_OK))
    monkeypatch.setattr(os, "statvfs", statvfs)
    result = run_cli("export", str(samples), "-o", str(folder), "--format", fmt)
    assert result.exit_code == 2
    assert result.output == (f"revdiff: error: {tmp_path / refused}: cannot write into the "
                             "output's folder: it is on a read-only file system (choose an -o path on "
                             "a writable file system)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [out]
    assert list(folder.iterdir()) == []


def test_a_lock_refused_by_a_read_only_file_system_says_so(  # type: ignore[no-untyped-def]
        run_cli, samples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder remounted read-only after the check before the run, where the lock file is then
    refused (EROFS), was told to check its permissions, which may well allow writing."""
    out = tmp_path / "edits.jsonl"
    real_open = os.open

    def refused_lock(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if os.fspath(path).endswith(".revdiff-lock") and flags & os.O_CREAT:  # type: ignore[arg-type]
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))  # type: ignore[arg-type]
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refused_lock)
    result = run_cli("export", str(samples), "-o", str(out))
    assert result.exit_code == 2
    assert result.output == (f"revdiff: error: {tmp_path}: cannot write into the output's "
                             "folder: it is on a read-only file system (choose an -o path on a "
                             "writable file system)\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("folder", ["/proc", "/sys"])
def test_a_folder_that_takes_no_files_is_told_so(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                 folder: str) -> None:
    """`-o /proc/x.jsonl` was told that the lock file could not be created, `No such file or
    directory`, and to check the folder's permissions (so was `/sys`, `Permission denied` to
    root, whom they let write): neither is the cause, a folder of the system's that takes no
    files."""
    if not (os.path.isdir(folder) and os.access(folder, os.W_OK)):
        pytest.skip(f"no {folder} that this user may write, as root may /sys")
    result = run_cli("export", str(samples), "-o", f"{folder}/x.jsonl")
    assert result.exit_code == 2
    said = ("takes no new files: it is no real folder but a view the system gives (as /proc is)"
            if folder == "/proc" else "refuses new files though its permissions let you write "
            "(a view the system gives, as /sys is, or a folder made immutable)")
    assert result.output == (f"revdiff: error: {folder}: the output's folder {said} (choose an "
                             "-o path in a folder of your own)\n")


@pytest.mark.parametrize("option", ["--workers", "--format", "--quiet"])
def test_an_option_taken_as_the_output_name_is_said_to_be_one(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                              tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              option: str) -> None:
    # `-o --workers 2` took `--workers` as the output name and suggested `-o --workers/`; with
    # --format it wrote a file named `--workers`
    monkeypatch.chdir(tmp_path)
    for extra in ([], ["--format", "csv"]):
        result = run_cli("export", str(samples), "-o", option, *extra)
        assert result.exit_code == 2
        assert result.output == (
            f"revdiff: error: {option}: -o took the option {option} as the output name (give "
            f"the output after -o, -o OUT {option} ...; or write -o ./{option} for a file of "
            "that name)\n")
        assert list(tmp_path.iterdir()) == []


def test_an_output_named_like_no_option_of_export_is_written(run_cli, samples: Path,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("export", str(samples), "-o", "./--workers", "--format", "csv", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "--workers").is_file()


def test_the_bar_of_one_newsedits_file_counts_its_articles(tmp_path: Path) -> None:
    """One NewsEdits file is one input: its bar read `0/1 inputs` until the end, with no
    total, where the number of its articles is known before the run starts."""
    from revdiff.cli.progress import export_counts
    from revdiff.export.driver import ExportJob, run_export

    database = make_database(tmp_path / "outlet.db", NEWSEDITS_TABLE, [
        (entry * 2 + version, entry, version, f"Story {entry}", None, None, None, 2,
         f"Story {entry} says {version}.") for entry in range(1500) for version in range(2)])
    lines: list[str] = []
    run_export(ExportJob((str(database),), tmp_path / "x.jsonl", "jsonl"),
               on_progress=lambda progress: lines.append(export_counts(progress)[0]))
    assert any(0 < int(line.partition("/")[0].replace(",", "")) < 1500 for line in lines[1:])
    assert lines[-1].startswith("1,500/1,500 articles  1,500 pairs")
    # the first report comes before the file is opened, to start the bar: it read `0/1 inputs`
    assert lines[0].startswith("reading 1 input…  0:")
    assert all("inputs" not in line for line in lines)


def test_the_bar_of_one_newsedits_file_names_the_pass_that_lists_its_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its articles are listed without their texts (to name those named alike) before the
    first is compared: the bar sat at `0/3 articles` through that pass with no word of it."""
    from revdiff.cli.progress import export_counts
    from revdiff.export.driver import ExportJob, run_export
    from revdiff.export.progress import ExportProgress
    from revdiff.formats.newsedits import DatabaseArticles
    from revdiff.model import Article

    database = make_database(tmp_path / "outlet.db", NEWSEDITS_TABLE, [
        (entry * 2 + version, entry, version, f"Story {entry}", None, None, None, 2,
         f"Story {entry} says {version}.") for entry in range(3) for version in range(2)])
    reported: list[ExportProgress] = []
    during_the_pass: list[str] = []
    listed = DatabaseArticles.without_texts

    def without_texts(articles: DatabaseArticles) -> Iterator[Article]:
        for article in listed(articles):
            during_the_pass.append(export_counts(reported[0])[0].partition("  ")[0])
            yield article

    monkeypatch.setattr(DatabaseArticles, "without_texts", without_texts)
    run_export(ExportJob((str(database),), tmp_path / "x.jsonl", "jsonl"),
               on_progress=reported.append)
    assert during_the_pass == [f"listing its articles… {done}/3" for done in range(3)]


def test_the_export_bar_tells_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    """From the share of the run done in the time it took: an interrupted run's share,
    done before this run started, is left out."""
    import revdiff.export.progress
    from revdiff.cli.progress import export_counts
    from revdiff.export.progress import ExportProgress

    class Clock:
        now = 1000.0

        @classmethod
        def monotonic(cls) -> float:
            return cls.now

    monkeypatch.setattr(revdiff.export.progress, "time", Clock)
    progress = ExportProgress(units_total=1, unit_articles=1500, units_done=0.2,
                              units_resumed=0.2, started=Clock.now)
    assert "left" not in export_counts(progress)[0]  # nothing done by this run yet
    Clock.now += 60
    progress.units_done = 0.4  # a fifth more in a minute: three fifths in three minutes
    assert export_counts(progress)[0].endswith("1:00  3:00 left")
    progress.finished = Clock.now
    assert "left" not in export_counts(progress)[0]
    several = ExportProgress(units_total=4, units_done=1, started=Clock.now)
    Clock.now += 30
    assert export_counts(several)[0].startswith("1/4 inputs  0 articles")
    assert export_counts(several)[0].endswith("0:30  1:30 left")
