"""Files the user may not read. An input file (`chmod 000 story.txt`) is refused by the reader,
in the words of a file unreadable inside a folder, and `export --skip-errors` skips it: the
command line's own check refused it first, as `Invalid value for 'INPUT...': Path 'x' is not
readable (see `revdiff diff --help`)`, which names an option's misuse, not the file's
permissions, and which --skip-errors could not skip. An export's output need not be readable."""

from __future__ import annotations

import builtins
import json
import os
from pathlib import Path

import pytest
from cli_run import CHAIN
from click.testing import CliRunner

from revdiff.cli import main


def _lock_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `path` unreadable as `chmod 000` does for a user other than root (the tests may run
    as root, who reads every file): the access check says so, and opening it fails, with `open`
    or `os.open` (inputs are opened without waiting, `file_kinds.open_without_waiting`)."""
    locked = str(path)
    real_access, real_open, real_os_open = os.access, builtins.open, os.open

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if os.fspath(target) == locked and mode & os.R_OK:  # type: ignore[call-overload]
            return False
        return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

    def open_(target: object, *args: object, **kwargs: object) -> object:
        if not isinstance(target, int) and os.fspath(target) == locked:  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", locked)
        return real_open(target, *args, **kwargs)  # type: ignore[call-overload]

    def os_open(target: object, *args: object, **kwargs: object) -> int:
        if os.fspath(target) == locked:  # type: ignore[call-overload]
            raise PermissionError(13, "Permission denied", locked)
        return real_os_open(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setattr(os, "open", os_open)


@pytest.mark.parametrize("command", ["parse", "diff"])
def test_an_unreadable_input_file_is_told_as_the_reader_tells_it(
        command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unreadable = tmp_path / "1.txt"
    unreadable.write_text("Iran fired missiles.\n", encoding="utf-8")
    _lock_file(unreadable, monkeypatch)
    result = CliRunner().invoke(main, [command, str(CHAIN / "0.txt"), str(unreadable)])
    assert result.exit_code == 2
    assert result.output == (f"revdiff: error: {unreadable}: cannot read the file (Permission "
                             "denied) (check that it exists and that you may read it)\n")


def test_export_skip_errors_skips_an_unreadable_input_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unreadable = tmp_path / "story.txt"
    unreadable.write_text("Iran fired missiles.\n", encoding="utf-8")
    out = tmp_path / "edits.jsonl"
    _lock_file(unreadable, monkeypatch)
    result = CliRunner().invoke(main, ["export", str(CHAIN), str(unreadable), "-o", str(out),
                                       "--skip-errors"])
    assert result.exit_code == 0, result.output
    assert f"revdiff: skipped {unreadable}: cannot read the file (Permission denied)" \
        in result.output
    articles = {json.loads(line)["article"] for line in out.read_text().splitlines()}
    assert articles == {CHAIN.name}


def test_export_replaces_a_write_only_output_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An output file that may be written but not read (`chmod 200 edits.jsonl`) was refused as
    `Invalid value for '-o' / '--output': Path 'edits.jsonl' is not readable`: the export
    replaces its output and never reads it."""
    out = tmp_path / "edits.jsonl"
    out.write_text("an older export\n", encoding="utf-8")
    locked, real_access = str(out), os.access

    def access(target: object, mode: int, *args: object, **kwargs: object) -> bool:
        if os.fspath(target) == locked and mode & os.R_OK:  # type: ignore[call-overload]
            return False
        return real_access(target, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    result = CliRunner().invoke(main, ["export", str(CHAIN), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["article"] for line in out.read_text().splitlines()} == {CHAIN.name}
