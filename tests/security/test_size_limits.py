"""Size limits: too-large inputs are refused with one clear line, before they are read."""

from __future__ import annotations

import _thread
import contextlib
import functools
import io
import shutil
import signal
import sqlite3
import subprocess
import sys
import tracemalloc
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

import revdiff
from revdiff.cli import main
from revdiff.errors import InputTooLarge
from revdiff.formats import sqlite_schema
from revdiff.formats.databases import read_database
from revdiff.formats.sniffer_text import MAX_ROW_CHARS
from revdiff.formats.sqlite_schema import open_read_only, table_rows, tables
from revdiff.formats.text_input import check_size, read_bounded
from revdiff.model import Article, Version
from revdiff.render import diffengine, newsedits, nytdiff
from revdiff.size_limit import parse_size
from revdiff.stop_signals import Terminated, sigterm_as_interrupt

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HUNDRED_MB = 100 * 1024 * 1024


def sparse_page(folder: Path, size: int = HUNDRED_MB) -> Path:
    """A 100 MB file that takes no disk space (and would take 100 MB of memory to read): a page
    whose first 8 KiB are text, so that it is not told binary data by its NUL bytes after them."""
    page = folder / "huge.html"
    with open(page, "wb") as handle:
        handle.write(b"<html><body>" + b"<p>The text of the article.</p>\n" * 300)
        handle.truncate(size)
    return page


def test_100_mb_page_is_refused_without_being_read(tmp_path: Path) -> None:
    page = sparse_page(tmp_path)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge) as raised:
            revdiff.load(page)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"{peak:,} bytes allocated: the page was read"
    assert "100M" in str(raised.value) and "64M" in str(raised.value)


@pytest.mark.parametrize("command", ["parse", "diff", "view", "store", "export"])
def test_every_command_refuses_a_100_mb_page_in_one_line(tmp_path: Path, command: str) -> None:
    page = sparse_page(tmp_path)
    extra = {"store": ["--repo", str(tmp_path / "repo")],
             "export": ["-o", str(tmp_path / "out.csv")]}.get(command, [])
    result = CliRunner().invoke(main, [command, str(page), *extra])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    assert str(page) in line and "more than the size limit" in line and "--max-size" in line
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "repo").exists()


def test_limit_is_set_by_option_and_by_environment(tmp_path: Path) -> None:
    sample = str(SAMPLES / "washpo-soleimani-v6-v7.txt")  # about 17 KB
    runner = CliRunner()
    assert runner.invoke(main, ["parse", sample, "--max-size", "10K"]).exit_code == 2
    assert runner.invoke(main, ["parse", sample, "--max-size", "1M"]).exit_code == 0
    refused = runner.invoke(main, ["parse", sample], env={"REVDIFF_MAX_SIZE": "10k"})
    assert refused.exit_code == 2 and "size limit of 10K" in refused.stderr
    allowed = runner.invoke(main, ["parse", sample, "--max-size", "1M"],
                            env={"REVDIFF_MAX_SIZE": "10k"})
    assert allowed.exit_code == 0  # the option wins over the environment
    bad = runner.invoke(main, ["parse", sample, "--max-size", "lots"])
    assert bad.exit_code == 2 and "not a size" in bad.stderr


def test_a_bad_limit_names_the_environment_variable_only_when_it_came_from_it() -> None:
    # `--max-size 12Q` was said to be wrong in "'--max-size' (env var: 'REVDIFF_MAX_SIZE')",
    # with no such variable set
    sample = str(SAMPLES / "washpo-soleimani-v6-v7.txt")
    runner = CliRunner()
    given = runner.invoke(main, ["parse", sample, "--max-size", "12Q"],
                          env={"REVDIFF_MAX_SIZE": None})
    assert given.exit_code == 2
    assert "Invalid value for '--max-size': '12Q' is not a size" in given.stderr
    assert "REVDIFF_MAX_SIZE" not in given.stderr
    from_environment = runner.invoke(main, ["parse", sample], env={"REVDIFF_MAX_SIZE": "12Q"})
    assert from_environment.exit_code == 2
    assert ("Invalid value for environment variable REVDIFF_MAX_SIZE: '12Q' is not a size"
            in from_environment.stderr)


def test_help_documents_the_limit() -> None:
    text = CliRunner().invoke(main, ["diff", "--help"]).output
    assert "--max-size" in text and "REVDIFF_MAX_SIZE" in text and "64M" in text


def max_size_help(command: str) -> str:
    """The help of the command's --max-size, its lines joined."""
    text = CliRunner().invoke(main, [command, "--help"], terminal_width=80).output
    return " ".join(text.partition("--max-size SIZE")[2].partition("-h, --help")[0].split())


@pytest.mark.parametrize("command", ["diff", "parse", "view", "store"])
def test_the_limit_s_help_says_only_what_the_command_does(command: str) -> None:
    # every command's help said that `export` limits each version of a NewsEdits file, which
    # these commands read whole, limited as a file
    limit_help = max_size_help(command)
    assert limit_help.startswith("Refuse any input file")
    assert "export" not in limit_help and "NewsEdits" not in limit_help


def test_export_s_help_says_it_limits_each_version_of_a_newsedits_file() -> None:
    assert "A NewsEdits file is limited version by version" in max_size_help("export")


def test_sizes_parse() -> None:
    assert parse_size("5000") == 5000
    assert parse_size("64M") == 64 * 1024**2
    assert parse_size("1.5g") == int(1.5 * 1024**3)
    assert parse_size("512KiB") == 512 * 1024
    for bad in ("", "M", "-1", "0", "12x"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_a_fraction_of_a_byte_count_is_refused() -> None:
    """`--max-size 1.5` was cut to 1 byte without a word; a fraction needs a unit."""
    with pytest.raises(ValueError, match="fraction.*1.5K"):
        parse_size("1.5")
    refused = CliRunner().invoke(main, ["parse", "-", "--max-size", "1.5"], input="a\n")
    assert refused.exit_code == 2
    assert "'1.5' is a fraction of a byte" in refused.stderr
    assert parse_size("1.5K") == 1536


class EndlessStream(io.RawIOBase):
    """Standard input that never ends: reading it all would never return."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"a" * len(buffer)
        return len(buffer)


def test_endless_stdin_is_cut_at_the_limit() -> None:
    with pytest.raises(InputTooLarge, match="more than the size limit of 1M"):
        read_bounded(io.BufferedReader(EndlessStream()), "-", 1024 * 1024)


def test_a_size_under_1k_is_said_in_bytes_once() -> None:
    """It said `input is 135 (135 bytes), more than the size limit of 100`."""
    with pytest.raises(InputTooLarge) as raised:
        check_size(135, "big.txt", 100)
    assert "input is 135 bytes, more than the size limit of 100 bytes" in str(raised.value)
    with pytest.raises(InputTooLarge) as raised:
        check_size(17_547, "big.txt", 2048)
    assert "input is 17.1K (17,547 bytes), more than the size limit of 2K" in str(raised.value)


def test_a_size_just_over_the_limit_gives_the_limit_in_bytes_too(tmp_path: Path) -> None:
    """It said `input is 1K (1,070 bytes), more than the size limit of 1K`: both round to 1K."""
    with pytest.raises(InputTooLarge) as raised:
        check_size(1070, "big.txt", 1024)
    assert "input is 1K (1,070 bytes), more than the size limit of 1K (1,024 bytes)" in str(
        raised.value)
    database = tmp_path / "news.sqlite"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE entryversion (entry_id, version, title, summary)")
        connection.commit()
    size = database.stat().st_size  # whole pages of 4K: a byte less reads as the same size
    refused = CliRunner().invoke(main, ["parse", str(database), "--max-size", str(size - 1)])
    assert refused.exit_code == 2
    assert (f"more than the size limit of {size // 1024}K ({size - 1:,} bytes) for reading it "
            "whole") in refused.stderr


def test_stdin_over_the_limit_is_refused(tmp_path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "revdiff", "parse", "--max-size", "4K", "-"], input=b"word " * 10_000,
        capture_output=True, check=False, timeout=60)
    assert finished.returncode == 2
    assert finished.stderr.decode().count("\n") == 1
    assert b"-: input is more than the size limit of 4K" in finished.stderr


def test_stored_version_over_the_limit_is_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    runner = CliRunner()
    stored = runner.invoke(main, ["store", str(SAMPLES / "versions/iran-strikes-us-troops-in-iraq"),
                                  "--repo", str(repo)])
    assert stored.exit_code == 0, stored.output
    result = runner.invoke(main, ["parse", str(repo), "--max-size", "200"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"{repo}:" in line and "more than the size limit of 200 bytes" in line


def test_device_file_is_not_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["parse", "/dev/zero"])
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_a_row_too_long_for_a_diff_page_is_refused_in_one_line(tmp_path: Path) -> None:
    """The column splitter's cost grows with every space of a row: a damaged page with a
    row over MAX_ROW_CHARS is refused, naming the line, before any split is tried."""
    page = (SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt").read_text(encoding="utf-8")
    huge_row = "word " * (MAX_ROW_CHARS // 5 + 1)
    target = tmp_path / "page.txt"
    target.write_text(f"{page}\n{huge_row}", encoding="utf-8")
    finished = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(target)],
                              capture_output=True, text=True, check=False, timeout=60)
    assert finished.returncode == 2
    [line] = finished.stderr.splitlines()
    row_line = page.count("\n") + 2
    assert f"{target}:{row_line}" in line and f"more than the {MAX_ROW_CHARS:,}" in line


@pytest.mark.parametrize("limit", ["100G", "9999999999G"])
@pytest.mark.parametrize("stdin", [False, True])
def test_a_raised_limit_reads_a_small_input(limit: str, stdin: bool, tmp_path: Path) -> None:
    """A limit raised far above the input (100G for a big archive) read the input with one
    read(limit + 1), which sets aside that many bytes first: a MemoryError traceback, or an
    OverflowError beyond what an index holds."""
    version = tmp_path / "0.txt"
    version.write_text("One sentence here.\n")
    inputs = ["-"] if stdin else [str(version)]
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", *inputs, "--format",
                             "text", "--max-size", limit], capture_output=True, text=True,
                            input=version.read_text() if stdin else None, timeout=60,
                            check=False)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert "1 paragraph" in result.stdout


def test_read_bounded_reads_past_one_piece_and_refuses_past_the_limit() -> None:
    data = bytes(range(256)) * 40_000  # 10 MB: more than one piece
    assert read_bounded(io.BytesIO(data), "-", len(data)) == data
    with pytest.raises(InputTooLarge):
        read_bounded(io.BytesIO(data), "-", len(data) - 1)


@pytest.mark.parametrize("command", ["parse", "export"])
def test_a_view_that_computes_without_end_is_refused_in_one_line(tmp_path: Path,
                                                                 command: str) -> None:
    """A file of a few kilobytes whose `entryversion` is a view counting for ever: reading it
    ran that query without end; it is stopped once it takes more work than the file can need."""
    database = tmp_path / "endless.db"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute(
            "CREATE VIEW entryversion AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
            "SELECT x + 1 FROM n) SELECT 1 AS entry_id, x AS version, 'Text ' || x || '.' "
            "AS summary, 'Title' AS title FROM n")
    out = [] if command == "parse" else ["-o", str(tmp_path / "edits.jsonl")]
    result = subprocess.run([sys.executable, "-m", "revdiff", command, str(database), *out],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "endless.db" in line and "a view in it computes without end" in line
    assert not (tmp_path / "edits.jsonl").exists()


@pytest.mark.parametrize("command", ["parse", "export"])
def test_a_value_a_view_makes_longer_than_a_version_may_be_is_never_made(tmp_path: Path,
                                                                         command: str) -> None:
    """A file of a few kilobytes whose `entryversion` view makes a value of hundreds of
    megabytes (`hex(zeroblob(N))`): SQLite made it whole (3.7 GB for N = 200 million) before
    the version's size was checked; it now refuses to make a value past twice the limit."""
    database = tmp_path / "huge.db"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute(
            "CREATE VIEW entryversion AS SELECT 1 AS entry_id, v.x AS version, 'T' AS title, "
            "hex(zeroblob(3000000)) AS summary FROM (SELECT 0 AS x UNION SELECT 1) v")
    out = [] if command == "parse" else ["-o", str(tmp_path / "edits.jsonl")]
    result = subprocess.run([sys.executable, "-m", "revdiff", command, str(database), *out,
                             "--max-size", "1M"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "huge.db: entryversion is read whole (a view) and holds a value longer than 3M " \
        "(3,145,728 bytes), over the size limit of 1M" in line
    assert not (tmp_path / "edits.jsonl").exists()


@pytest.mark.parametrize("within_sigterm_handling", [False, True])
def test_a_stop_while_sqlite_reads_is_a_stop_not_an_endless_view(tmp_path: Path,
                                                                  within_sigterm_handling: bool
                                                                  ) -> None:
    """Ctrl-C (or SIGTERM in export and store) during a long query raised its KeyboardInterrupt in
    the progress handler that bounds the work, where sqlite3 dropped it: the query ended as
    interrupted and the file was said to hold a view that computes without end (status 2)."""
    database = tmp_path / "long.db"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute(  # the signal arrives after a thousand rows (no Python code runs in it)
            "CREATE VIEW entryversion AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL "
            "SELECT x + 1 FROM n WHERE x < 10000000) SELECT 1 AS entry_id, x AS version, "
            "CASE WHEN x = 1000 THEN signal_arrives() END AS summary FROM n")
    stop = signal.SIGTERM if within_sigterm_handling else signal.SIGINT
    connection = open_read_only(database)
    connection.create_function("signal_arrives", 0, functools.partial(_thread.interrupt_main, stop))
    table = tables(connection, str(database))["entryversion"]
    handling = sigterm_as_interrupt() if within_sigterm_handling else contextlib.nullcontext()
    with closing(connection), handling, pytest.raises(KeyboardInterrupt) as stopped:
        table_rows(connection, table, ("entry_id", "version", "summary"), (), str(database),
                   tracker="NewsEdits", hint="")
    assert isinstance(stopped.value, Terminated) == within_sigterm_handling


@pytest.mark.parametrize("tracker", [newsedits, diffengine, nytdiff])
def test_a_stop_in_any_query_of_a_database_is_a_stop(tmp_path: Path, tracker: ModuleType,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The small queries that read the schema caught sqlite3's errors themselves: Ctrl-C in one
    was told as `cannot read the SQLite schema (interrupted)` (status 2), or, in the query that
    asks whether the table has rowids, dropped, and the file was read on. A stop at any of the
    progress handler's checks of a whole read now stops it."""
    database = tmp_path / "tracked.db"
    versions = tuple(Version(n, "Title", (f"Text {n}.",)) for n in range(1, 3))
    tracker.write_database(database, [Article(None, "https://example.com/story", versions)])
    monkeypatch.setattr(sqlite_schema, "_STEPS_PER_CHECK", 1)  # a check at every step
    checks = 0
    stop_at: int | None = None

    def check(connection: sqlite_schema.BoundedConnection) -> bool:
        nonlocal checks
        checks += 1
        if checks == stop_at:
            raise KeyboardInterrupt  # as Ctrl-C raises it, in the handler SQLite calls back
        return False

    monkeypatch.setattr(sqlite_schema.BoundedConnection, "_out_of_steps", check)
    assert len(read_database(database)) == 1
    for stop_at in range(1, checks + 1):
        checks = 0
        with pytest.raises(KeyboardInterrupt):
            read_database(database)


def test_an_endless_view_of_diffengine_s_entries_is_named(tmp_path: Path) -> None:
    """A diffengine file whose `entry` table is an endless view was said to compute without end
    in `entryversion`, the table read before it."""
    database = tmp_path / "diffengine.db"
    shutil.copy(SAMPLES / "diffengine.db", database)
    with closing(sqlite3.connect(database)) as connection:
        connection.executescript(
            "ALTER TABLE entry RENAME TO entry_old; CREATE VIEW entry AS WITH RECURSIVE n(x) AS "
            "(SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS id, 'u' AS url FROM n;")
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(database)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "reading entry takes more work" in line
