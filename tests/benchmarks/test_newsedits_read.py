"""benchmarks/newsedits_read.py tells the size of the file it read, and refuses to make none."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from benchmark_scripts import load_benchmark
from test_help import help_of

from revdiff.render.newsedits import write_database


def test_a_small_file_shows_its_size(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The size was printed in whole MB: a file of one article showed as `0 MB NewsEdits file`."""
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--articles", "1", "--rounds", "1"])
    load_benchmark("newsedits_read", monkeypatch).main()
    first = capsys.readouterr().out.splitlines()[0]
    assert re.fullmatch(r"[1-9][\d.]* kB NewsEdits file, median of 1 runs", first), first


@pytest.mark.parametrize("count", ["0", "-1"])
def test_no_articles_are_refused_before_the_file_is_made(
        count: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--articles 0` made an empty file and timed the sqlite3 read of it, then stopped in two
    lines, revdiff's `the entryversion table is empty` and `... parse ... failed`, exit status 1."""
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--articles", count, "--rounds", "1"])
    script = load_benchmark("newsedits_read", monkeypatch)
    monkeypatch.setattr(script, "made_up_database", lambda *arguments: pytest.fail("made"))
    with pytest.raises(SystemExit) as stopped:
        script.main()
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "--articles must be 1 or more" in error
    assert "Traceback" not in error


def test_articles_with_a_database_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--articles` was checked and defaulted but read the named file all the same, and its help
    did not say so."""
    database = tmp_path / "news.db"
    write_database(database, [])
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--database", str(database),
                                      "--articles", "5", "--rounds", "1"])
    script = load_benchmark("newsedits_read", monkeypatch)
    monkeypatch.setattr(script, "run_once", lambda *arguments: pytest.fail("ran"))
    with pytest.raises(SystemExit) as stopped:
        script.main()
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "--articles makes up a file: give it or --database, not both" in error
    assert help_of("newsedits_read").count("not with --database") == 1


def test_a_failed_run_is_one_line_with_status_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    """A run that failed printed its own error, then `<command> failed` (the whole command line,
    the interpreter's path and the script's source among it), exit status 1."""
    database = tmp_path / "news.db"
    write_database(database, [])
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--database", str(database),
                                      "--rounds", "1"])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("newsedits_read", monkeypatch).main()
    assert stopped.value.code == 2
    out, error = capfd.readouterr()
    assert out == ""
    [line] = error.splitlines()
    assert line.startswith("revdiff parse failed on the NewsEdits file (exit status 2): ")
    assert "entryversion table is empty" in line


def test_a_database_that_is_not_there_is_refused_and_not_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    """The sqlite3 read ran first and made an empty file where none was, then stopped on `no such
    table: entryversion`, which named neither the file nor what was wrong."""
    missing = tmp_path / "news\x1b[31m.db"
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--database", str(missing),
                                      "--rounds", "1"])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("newsedits_read", monkeypatch).main()
    assert stopped.value.code == 2
    assert not missing.exists()
    [line] = capfd.readouterr().err.splitlines()[-1:]
    assert line.endswith("news\\x1b[31m.db is no file: give a NewsEdits SQLite file")


@pytest.mark.parametrize(("seconds", "said"), [
    ({}, "not measured: both times were below the clock's resolution"),
    ({"sqlite3 read": 0.0, "revdiff parse": 0.5},
     "slower beyond measure: the other's time was below the clock's resolution"),
    ({"sqlite3 read": 0.5, "revdiff parse": 1.5}, "3.0x slower"),
])
def test_a_time_of_zero_is_told_not_divided(
        seconds: dict[str, float], said: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Each case's median was divided by the sqlite3 read's: ZeroDivisionError where a clock
    coarser than the read measured it as 0."""
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--articles", "1", "--rounds", "1"])
    script = load_benchmark("newsedits_read", monkeypatch)
    clock = {"now": 0.0, "step": 0.0}
    run_once = script.run_once

    def timed_run(name: str, command: list[str]) -> tuple[float, int]:
        clock["step"] = seconds.get(name, 0.0)
        return run_once(name, command)

    def perf_counter() -> float:
        clock["now"] += clock["step"] / 2
        return clock["now"]

    monkeypatch.setattr(script, "run_once", timed_run)
    monkeypatch.setattr(script, "time", SimpleNamespace(perf_counter=perf_counter))
    script.main()
    rows = dict(re.split(r"\s{2,}", line.strip(), maxsplit=1)
                for line in capsys.readouterr().out.splitlines()[1:])
    assert rows["sqlite3 read"].endswith("MB peak  the peer")
    assert rows["revdiff parse"].endswith(f"MB peak  {said}")
