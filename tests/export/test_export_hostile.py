"""`revdiff export` in a hostile world: what it must not overwrite, concurrent runs, dying drivers,
looping folders, full disks and bad addresses. Every case runs the CLI as a user does."""

from __future__ import annotations

import base64
import json
import os
import resource
import signal
import sqlite3
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import revdiff
from export_corpus import make_chain, make_corpus
from held_runs import (
    held_export,
    release,
    session_processes,
    wait_for,
)

from revdiff.export.staging import discarded_path, staging_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "versions"


def one_error_line(result_stderr: str) -> str:
    lines = result_stderr.strip().splitlines()
    assert len(lines) == 1, result_stderr
    assert "Traceback" not in result_stderr
    assert lines[0].startswith("revdiff: error: ")
    return lines[0]


# -- -o - and --resume -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, first", [("jsonl", "{"), ("csv", "article_index,"),
                                        ("unified", "article ")])
def test_dash_writes_stream_formats_to_stdout(fmt: str, first: str, tmp_path: Path) -> None:
    result = revdiff("export", str(SAMPLES), "-o", "-", "--format", fmt, "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(first)
    assert list(tmp_path.iterdir()) == []  # no file named "-", no staging folder
    if fmt == "jsonl":
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert {row["article_index"] for row in rows} == {0, 1, 2}


@pytest.mark.parametrize("fmt", ["sqlite", "parquet", "html"])
def test_dash_refuses_file_formats(fmt: str, tmp_path: Path) -> None:
    result = revdiff("export", str(SAMPLES), "-o", "-", "--format", fmt, cwd=tmp_path)
    assert result.returncode == 2
    assert "standard output" in one_error_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_dash_with_html_asks_for_a_folder(tmp_path: Path) -> None:
    # the hint said to name a file with -o, and a report is a folder of pages
    result = revdiff("export", str(SAMPLES), "-o", "-", "--format", "html", cwd=tmp_path)
    assert "(name a folder with -o, or use --format jsonl or csv or unified)" in one_error_line(
        result.stderr)


def test_resume_with_nothing_to_resume_says_so(tmp_path: Path) -> None:
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "e.jsonl"), "--resume")
    assert result.returncode == 0, result.stderr
    assert "nothing to resume" in result.stderr
    assert (tmp_path / "e.jsonl").is_file()


# -- outputs that must not be replaced ---------------------------------------------------------


def test_device_output_is_refused(tmp_path: Path) -> None:
    """A character device as -o (the test makes its own null device, never the system's)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    result = revdiff("export", str(SAMPLES), "-o", str(device), "--format", "jsonl")
    assert result.returncode == 2
    assert "device" in one_error_line(result.stderr)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_fifo_output_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.diff"
    os.mkfifo(fifo)
    result = revdiff("export", str(SAMPLES), "-o", str(fifo))
    assert result.returncode == 2
    assert "FIFO" in one_error_line(result.stderr)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_fifo_as_a_tables_output_is_told_which_formats_standard_output_takes(tmp_path: Path) -> None:
    """The hint offered `-o - for stdout` to a SQLite export, which cannot write there."""
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    result = revdiff("export", str(SAMPLES), "-o", str(fifo), "--format", "sqlite")
    assert result.returncode == 2
    assert "or -o - to write jsonl, csv or unified to standard output" in one_error_line(result.stderr)


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_read_only_output_is_kept(fmt: str, tmp_path: Path) -> None:
    """A file its owner made read-only was replaced (a rename ignores the file's permissions)."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    kept = tmp_path / f"kept.{fmt}"
    kept.write_bytes(b"mine")
    kept.chmod(0o444)
    result = revdiff("export", str(SAMPLES), "-o", str(kept), "-q")
    assert result.returncode == 2
    assert "read-only file" in one_error_line(result.stderr)
    assert kept.read_bytes() == b"mine"
    assert sorted(path.name for path in tmp_path.iterdir()) == [kept.name]


@pytest.mark.parametrize(("out", "mine", "fmt"), [
    ("res.csv", "res.comparisons.csv", "csv"), ("tables", "tables/edits.jsonl", "jsonl"),
    ("t.parquet", "t.comparisons.parquet", "parquet")])
def test_a_file_that_o_does_not_name_is_replaced_only_when_revdiff_wrote_it(
        out: str, mine: str, fmt: str, tmp_path: Path) -> None:
    """`-o res.csv` replaced the user's own `res.comparisons.csv`, and `-o tables` the files of
    the folder, without a word."""
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    (tmp_path / "tables").mkdir()
    # the user's own table, even one whose first column is revdiff's
    for own in (b"MY DATA\n", b"article_index,my_notes\n1,important\n"):
        (tmp_path / mine).write_bytes(own)
        result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / out), "--format", fmt, "-q")
        assert result.returncode == 2
        assert "which -o does not name and revdiff did not write" in one_error_line(result.stderr)
        assert (tmp_path / mine).read_bytes() == own
    (tmp_path / mine).unlink()
    for _ in range(2):  # written, then replaced: its own tables
        result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / out), "--format", fmt,
                         "-q")
        assert result.returncode == 0, result.stderr
    assert (tmp_path / mine).stat().st_size > 100


def test_a_file_beside_the_output_nested_deeper_than_json_reads_is_kept(tmp_path: Path) -> None:
    """Its first line, a JSON array nested a hundred thousand deep, was read to tell whether
    revdiff wrote it: a RecursionError's traceback."""
    mine = tmp_path / "res.comparisons.jsonl"
    mine.write_text("[" * 100_000 + "\n")
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "res.jsonl"), "-q")
    assert result.returncode == 2
    assert "which -o does not name and revdiff did not write" in one_error_line(result.stderr)
    assert mine.read_text() == "[" * 100_000 + "\n"


@pytest.mark.parametrize("columns", [("article_index", "my_notes"),
                                     ("my_notes", "about_article_index")])
def test_a_users_own_parquet_table_that_o_does_not_name_is_kept(
        columns: tuple[str, str], tmp_path: Path) -> None:
    """A Parquet file was taken for revdiff's whenever its footer held the bytes `article_index`
    anywhere, so `-o tables/` replaced the user's own `tables/comparisons.parquet` without a
    word."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    (tmp_path / "tables").mkdir()
    mine = tmp_path / "tables" / "comparisons.parquet"
    pq.write_table(pa.table({columns[0]: [1], columns[1]: ["important"]}), mine)
    own = mine.read_bytes()
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "tables"), "--format", "parquet",
                     "-q")
    assert result.returncode == 2
    assert "which -o does not name and revdiff did not write" in one_error_line(result.stderr)
    assert mine.read_bytes() == own


def test_a_parquet_file_beside_the_output_that_pyarrow_cannot_read_is_kept(tmp_path: Path) -> None:
    """A schema of a type pyarrow does not implement (an integer of 4 bits, in the Arrow schema
    a Parquet file keeps) raised its ArrowNotImplementedError, which is no ValueError nor
    OSError, while telling whether revdiff wrote the file: a traceback."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field("article_index", pa.int8())]).serialize().to_pybytes()
    # the flatbuffer of the type Int: signed (1), then its width in bits (8 as 32 bits)
    eight_bits = b"\x01" + (8).to_bytes(4, "little")
    assert schema.count(eight_bits) == 1
    four_bits = schema.replace(eight_bits, b"\x01" + (4).to_bytes(4, "little"))
    table = pa.table({"article_index": pa.array([1], pa.int8())})
    mine = tmp_path / "t.comparisons.parquet"
    pq.write_table(table.replace_schema_metadata({"ARROW:schema": base64.b64encode(four_bits)}),
                   mine)
    with pytest.raises(NotImplementedError):
        pq.read_schema(mine)
    own = mine.read_bytes()
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "t.parquet"), "-q")
    assert result.returncode == 2
    assert "which -o does not name and revdiff did not write" in one_error_line(result.stderr)
    assert mine.read_bytes() == own


@pytest.mark.parametrize(("name", "fmt"), [("x.jsonl", "jsonl"), ("report", "html")])
def test_output_through_a_file_is_one_line(name: str, fmt: str, tmp_path: Path) -> None:
    """`-o afile/x.jsonl` gave NotADirectoryError's traceback."""
    (tmp_path / "afile").write_text("mine")
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "afile" / name),
                     "--format", fmt)
    assert result.returncode == 2
    assert "runs through a file" in one_error_line(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.parametrize("target", ["0.txt", "."])
def test_output_that_is_an_input_is_refused(target: str, tmp_path: Path) -> None:
    story = make_chain(tmp_path / "story", [["One sentence."], ["One sentence, changed."]])
    before = {p.name: p.read_bytes() for p in story.iterdir()}
    fmt = "unified" if target.endswith(".txt") else "html"
    result = revdiff("export", str(story), "-o", str(story / target), "--format", fmt)
    assert result.returncode == 2
    assert "inputs" in one_error_line(result.stderr)
    assert {p.name: p.read_bytes() for p in story.iterdir()} == before


def test_a_new_file_among_an_input_folders_versions_is_refused(tmp_path: Path) -> None:
    """It was written, and then the folder could not be read again (`all.diff holds no
    number`), not even by the same command."""
    story = make_chain(tmp_path / "story", [["One sentence."], ["One sentence, changed."]])
    result = revdiff("export", str(story), "-o", str(story / "all.diff"))
    assert result.returncode == 2
    assert "of an input folder" in one_error_line(result.stderr)
    assert sorted(p.name for p in story.iterdir()) == ["0.txt", "1.txt"]
    # and one beside the article folders of a folder of them is refused too: the next export
    # of that folder would leave it out with a warning
    result = revdiff("export", str(tmp_path), "-o", str(tmp_path / "all.diff"))
    assert result.returncode == 2
    assert "of an input folder" in one_error_line(result.stderr)


def test_an_output_among_an_input_folders_files_is_refused_for_what_would_become_of_it(
        tmp_path: Path) -> None:
    """The reason said it would be read as versions, where a file beside a corpus's article
    folders is left out with a warning, and a report's folder read as an article's."""
    story = make_chain(tmp_path / "story", [["One sentence."], ["One sentence, changed."]])
    result = revdiff("export", str(story), "-o", str(story / "all.diff"))
    assert result.returncode == 2
    assert ("would go among the version files of an input folder, which the next read of it "
            "would take for a version") in one_error_line(result.stderr)
    result = revdiff("export", str(tmp_path), "-o", str(tmp_path / "all.diff"))
    assert result.returncode == 2
    assert ("would go beside the article folders of an input folder, where the next export of "
            "it would leave it out with a warning") in one_error_line(result.stderr)
    for corpus_or_story in (tmp_path, story):
        result = revdiff("export", str(corpus_or_story), "-o", f"{corpus_or_story}/report/")
        assert result.returncode == 2
        assert ("would go in an input folder, whose next export would read it as an article's "
                "folder") in one_error_line(result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story"]
    assert sorted(p.name for p in story.iterdir()) == ["0.txt", "1.txt"]


def test_sqlite_input_is_not_its_own_output(tmp_path: Path) -> None:
    database = tmp_path / "news.sqlite"
    assert revdiff("export", str(SAMPLES), "-o", str(database), "-q").returncode == 0
    before = database.read_bytes()
    result = revdiff("export", str(database), "-o", str(database))
    assert result.returncode == 2 and "inputs" in one_error_line(result.stderr)
    assert database.read_bytes() == before


def test_html_report_through_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "report").symlink_to(elsewhere)
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "report"), "--format", "html")
    assert result.returncode == 2
    assert "symbolic link" in one_error_line(result.stderr)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("kind", ["symlink", "file"])
def test_staging_path_in_the_way_is_one_line(kind: str, tmp_path: Path) -> None:
    keep = tmp_path / "keep"
    keep.mkdir()
    (keep / "precious.txt").write_text("mine")
    staging = tmp_path / ".e.jsonl.revdiff-partial"
    if kind == "symlink":
        staging.symlink_to(keep)
    else:
        staging.write_text("not a folder")
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "e.jsonl"))
    assert result.returncode == 2
    assert "staging path" in one_error_line(result.stderr)
    assert (keep / "precious.txt").read_text() == "mine"
    assert not (tmp_path / "e.jsonl").exists()


@pytest.mark.parametrize("folder_of", [staging_path, discarded_path])
def test_a_staging_folder_holding_a_users_file_is_refused_not_removed(
        folder_of: Callable[[Path], Path], tmp_path: Path) -> None:
    """A folder named as revdiff's staging (or discarded staging) folder was removed whole when
    a run started over, a `notes.txt` the user had put there with it."""
    out = tmp_path / "e.jsonl"
    folder = folder_of(out)
    folder.mkdir()
    (folder / "journal.jsonl").write_text("")  # as an interrupted run left it
    (folder / "notes.txt").write_text("mine")
    result = revdiff("export", str(SAMPLES), "-o", str(out), "-q")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert str(folder) in line and "notes.txt" in line
    assert (folder / "notes.txt").read_text() == "mine"
    assert not out.exists()
    (folder / "notes.txt").unlink()  # what revdiff staged alone is revdiff's to remove
    assert revdiff("export", str(SAMPLES), "-o", str(out), "-q").returncode == 0
    assert not folder.exists()


@pytest.mark.parametrize("report", ["report", "replaced-report"])
def test_a_users_file_inside_the_report_folder_of_a_staging_folder_is_refused_not_removed(
        report: str, tmp_path: Path) -> None:
    """Only the top of a staging folder was checked: a `notes.txt` the user had put in its
    report folder (or in the earlier report put aside) was removed with the staging folder,
    without a word, when a run started over."""
    out = tmp_path / "site"
    folder = staging_path(out)
    (folder / report).mkdir(parents=True)
    (folder / "journal.jsonl").write_text("")  # as an interrupted run left it
    for name in ("index.html", "000001-title.html", ".DS_Store"):  # what a report holds
        (folder / report / name).write_text("")
    (folder / report / "notes.txt").write_text("mine")
    result = revdiff("export", str(SAMPLES), "-o", str(out), "--format", "html", "-q")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert str(folder) in line and f"({report}/notes.txt)" in line
    assert (folder / report / "notes.txt").read_text() == "mine" and not out.exists()
    (folder / report / "notes.txt").unlink()  # what revdiff staged alone is revdiff's to remove
    assert revdiff("export", str(SAMPLES), "-o", str(out), "--format", "html", "-q"
                   ).returncode == 0
    assert not folder.exists()


# -- two runs, dying drivers -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), [("journal.jsonl", "folder"), ("edits.jsonl", "folder"),
                                            ("report", "file")])
@pytest.mark.parametrize("resume", [False, True])
def test_a_staging_folder_holding_one_of_revdiffs_names_of_another_kind_is_refused_not_removed(
        name: str, kind: str, resume: bool, tmp_path: Path) -> None:
    """A staging folder was checked by the names it holds, not by their kinds: a folder named as
    revdiff's journal or partial file (a user's notes inside), or a file named as its report
    folder, was taken for revdiff's and removed with the staging folder when a run started
    over, --resume or not."""
    out = tmp_path / "site"
    folder = staging_path(out)
    folder.mkdir()
    if name != "journal.jsonl":
        (folder / "journal.jsonl").write_text("")  # as an interrupted run left it
    planted = folder / name
    if kind == "folder":
        planted.mkdir()
        (planted / "notes.txt").write_text("mine")
    else:
        planted.write_text("mine")
    result = revdiff("export", str(SAMPLES), "-o", str(out), "--format", "html", "-q",
                     *(["--resume"] if resume else []))
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert str(folder) in line and f"{name} as a {kind}" in line
    assert (planted / "notes.txt" if kind == "folder" else planted).read_text() == "mine"
    assert not out.exists()


def test_second_export_to_the_same_output_is_refused(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 30, seed=5)
    out = tmp_path / "e.jsonl"
    first = held_export(str(corpus), "-o", str(out), "-q")
    wait_for(lambda: staging_path(out).is_dir(), first)  # it holds the lock
    second = revdiff("export", str(corpus), "-o", str(out), "-q")
    assert second.returncode == 2
    assert "another revdiff export" in one_error_line(second.stderr)
    code, stderr = release(first)
    assert code == 0, stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {row["article_index"] for row in rows} == set(range(31))  # 30 + the one on stdin


def test_a_users_file_with_the_locks_name_is_refused_not_removed(tmp_path: Path) -> None:
    """A file the user had at `.<OUT>.revdiff-lock` was taken for the lock and deleted when the
    run ended."""
    out = tmp_path / "e.jsonl"
    mine = tmp_path / ".e.jsonl.revdiff-lock"
    mine.write_text("mine")
    result = revdiff("export", str(SAMPLES), "-o", str(out), "-q")
    assert result.returncode == 2
    assert str(mine) in one_error_line(result.stderr)
    assert mine.read_text() == "mine"
    assert not out.exists()
    mine.unlink()
    assert revdiff("export", str(SAMPLES), "-o", str(out), "-q").returncode == 0
    assert not mine.exists()  # the lock revdiff made is removed at the end


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_when_their_driver_is_killed(signal_number: int, tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 40, seed=9)
    out = tmp_path / "e.jsonl"
    driver = held_export(str(corpus), "-o", str(out), "-q", "--workers", "2")
    wait_for(lambda: staging_path(out).is_dir(), driver)
    wait_for(lambda: len(session_processes(driver.pid)) >= 3, driver)  # the pool is up
    os.kill(driver.pid, signal_number)  # the driver only, as `kill` or an OOM killer does
    driver.wait(timeout=30)
    deadline = time.monotonic() + 5
    while session_processes(driver.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = session_processes(driver.pid)
    assert left == [], f"worker processes outlived their driver: {left}"


# -- inputs that loop ---------------------------------------------------------------------------


def test_a_folder_linking_to_itself_is_read_once(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 3, seed=2)
    (corpus / "self").symlink_to(".")
    (corpus / "article-000" / "up").symlink_to("..")
    loop_a, loop_b = corpus / "loop-a", corpus / "loop-b"
    make_chain(loop_a, [["A one."], ["A two."]])
    make_chain(loop_b, [["B one."], ["B two."]])
    (loop_a / "other").symlink_to("../loop-b")
    (loop_b / "other").symlink_to("../loop-a")
    out = tmp_path / "e.jsonl"
    result = revdiff("export", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.stderr
    edits = [json.loads(line) for line in out.read_text().splitlines()]
    names = {}  # article index -> its name: the folder's, as the path read names it
    texts: dict[int, set[str]] = {}
    for edit in edits:
        names[edit["article_index"]] = edit["article"]
        texts.setdefault(edit["article_index"], set()).update((edit["old_text"], edit["new_text"]))
    # loop-b, read as itself: links are followed after the real folders (it was read through
    # loop-a's link to it, and named `other`); loop-a's own files are loose beside a folder
    assert sorted(names.values()) == ["article-000", "article-001", "article-002", "loop-b"]
    [loop_b_index] = [index for index, name in names.items() if name == "loop-b"]
    assert texts[loop_b_index] == {"B one.", "B two."}


# -- errors that were tracebacks ----------------------------------------------------------------


@pytest.fixture
def huge_version_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    make_chain(corpus / "good", [["One sentence."], ["One sentence, changed."]])
    huge = make_chain(corpus / "huge", [["One sentence."]])
    (huge / f"{2**63}.txt").write_text("One sentence, changed.\n")
    make_chain(corpus / "later", [["Later one."], ["Later two."]])
    return corpus


@pytest.mark.parametrize("fmt", ["sqlite", "parquet"])
def test_version_numbers_beyond_64_bits(fmt: str, huge_version_corpus: Path, tmp_path: Path
                                        ) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = tmp_path / f"out.{fmt}"
    result = revdiff("export", str(huge_version_corpus), "-o", str(out))
    assert result.returncode == 2
    assert "too large" in one_error_line(result.stderr)
    assert not out.exists()
    skipped = revdiff("export", str(huge_version_corpus), "-o", str(out), "--skip-errors")
    assert skipped.returncode == 0, skipped.stderr
    assert "skipped" in skipped.stderr and "too large" in skipped.stderr
    assert "Traceback" not in skipped.stderr
    if fmt == "sqlite":
        with sqlite3.connect(out) as db:
            articles = {row[0] for row in db.execute("SELECT article FROM comparisons")}
    else:
        import pyarrow.parquet as pq

        articles = set(pq.read_table(out.with_name("out.comparisons.parquet"))
                       .column("article").to_pylist())
    assert {Path(a).name for a in articles} == {"good", "later"}


def _file_limit_of(size: int) -> Callable[[], None]:
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


@pytest.mark.parametrize("fmt", ["jsonl", "sqlite"])
def test_a_full_disk_is_one_line(fmt: str, tmp_path: Path) -> None:
    """Writes fail as on a full disk (the file size limit makes them fail with EFBIG)."""
    import subprocess

    out = tmp_path / f"out.{fmt}"
    result = subprocess.run([sys.executable, "-m", "revdiff", "export", str(SAMPLES), "-o",
                             str(out)], capture_output=True, text=True, check=False,
                            preexec_fn=_file_limit_of(4096), timeout=300)
    assert result.returncode == 2
    assert "cannot write the output" in one_error_line(result.stderr)
    assert not out.exists()


# `revdiff export ...` whose checkpoints come every 4 articles, never with the clock: a run that
# fails at a given byte has kept the same finished articles however fast the machine is
CHECKPOINTS_BY_COUNT_ONLY = ("import math; from revdiff.export import driver; "
                             "driver.CHECKPOINT_SECONDS = math.inf; driver.CHECKPOINT_ARTICLES = 4; "
                             "from revdiff.cli import main; main(prog_name='revdiff')")


def _exported(out: Path) -> dict[str, list[str] | bytes]:
    """Every file an export to `out` wrote, by the part of its name after `out`'s stem: a SQLite
    database as its SQL dump (its pages may lie apart where the rows are the same)."""
    files: dict[str, list[str] | bytes] = {}
    for path in sorted(out.parent.glob(f"{out.stem}.*")):
        if path.suffix == ".sqlite":
            with sqlite3.connect(path) as database:
                files[path.name[len(out.stem):]] = list(database.iterdump())
        else:
            files[path.name[len(out.stem):]] = path.read_bytes()
    return files


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "sqlite"])
def test_a_disk_filling_up_mid_run_is_one_line_and_resumes(fmt: str, tmp_path: Path) -> None:
    """Closing the files after the failed write flushed them and failed again: a traceback,
    exit 1, where the error line was buried. The articles finished before the failure are kept,
    and --resume goes on after them to the output a run without the failure writes."""
    import re
    import subprocess

    corpus = make_corpus(tmp_path / "corpus", 120)
    out = tmp_path / f"out.{fmt}"
    arguments = ["export", str(corpus), "-o", str(out), "--workers", "1"]
    result = subprocess.run([sys.executable, "-c", CHECKPOINTS_BY_COUNT_ONLY, *arguments, "-q"],
                            capture_output=True, text=True, check=False,
                            preexec_fn=_file_limit_of(200_000), timeout=300)
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert "cannot write the output" in line
    assert "ulimit -f" in line  # what stopped it, not "fix the problem the error names"
    kept = re.search(r"; ([0-9]+) finished articles? (?:is|are) kept", line)
    assert kept is not None, line
    assert 0 < int(kept[1]) < 120
    journal = (staging_path(out) / "journal.jsonl").read_text().splitlines()
    assert len(journal) - 1 == int(kept[1])  # its header, then a line per article kept
    assert not out.exists()
    resumed = revdiff(*arguments, "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming after {kept[1]} finished article" in resumed.stderr
    whole = revdiff(*arguments[:3], str(tmp_path / f"whole.{fmt}"), *arguments[4:], "-q")
    assert whole.returncode == 0, whole.stderr
    assert _exported(out) == _exported(tmp_path / f"whole.{fmt}")


def test_a_disk_full_from_the_start_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    """The journal's first line could not be written: a traceback, and an empty journal that
    `--resume` then called the run of other inputs."""
    import subprocess

    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "revdiff", "export", str(SAMPLES), "-o", str(out), "-q"]
    result = subprocess.run(command, capture_output=True, text=True, check=False,
                            preexec_fn=_file_limit_of(10), timeout=300)
    assert result.returncode == 2
    assert "cannot write the staging folder" in one_error_line(result.stderr)
    assert list(tmp_path.iterdir()) == []
    staging_path(out).mkdir()
    (staging_path(out) / "journal.jsonl").write_text("")  # as an older revdiff left it
    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True,
                             check=False, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert out.is_file()


def test_a_bad_scheduler_address_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    result = revdiff("export", str(SAMPLES), "-o", str(tmp_path / "e.jsonl"),
                     "--scheduler", "not a url")
    assert result.returncode == 2
    assert "scheduler" in one_error_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("journal", ["-wal", "-journal"])
def test_a_sqlite_journal_beside_the_database_named_is_refused(journal: str,
                                                               tmp_path: Path) -> None:
    """A `news.sqlite-wal` left beside `-o news.sqlite` (the old database still open in another
    program, or a crash) was left there: SQLite read it with the new database, which then showed
    the old one's tables and no `edits`, or read as damaged."""
    out = tmp_path / "news.sqlite"
    left = tmp_path / f"news.sqlite{journal}"
    left.write_bytes(b"the old database's pages")
    result = revdiff("export", str(SAMPLES), "-o", str(out), "-q")
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert str(left) in line and "journal" in line
    assert left.read_bytes() == b"the old database's pages"
    assert not out.exists()
    left.write_bytes(b"")  # an empty journal holds nothing SQLite would read
    assert revdiff("export", str(SAMPLES), "-o", str(out), "-q").returncode == 0
    with sqlite3.connect(f"file:{out}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT count(*) FROM edits").fetchone()[0] > 0
