"""An OSError no command turned into its own line (a file the user named, the machine) ends the
run with one error line and exit status 2; a bug (any other exception) keeps its traceback."""

from __future__ import annotations

import errno
import os

import pytest
from cli_run import CHAIN
from click.testing import CliRunner

from revdiff.cli import main


def _failing_with(error: BaseException) -> object:
    def load_articles(*args: object, **kwargs: object) -> None:
        raise error

    return load_articles


_NAMED = "(check that it is there and that you may use it, then rerun the command)"
_UNNAMED = "(check the files the command names and their permissions, then rerun the command)"


@pytest.mark.parametrize(("error", "line"), [
    (PermissionError(errno.EACCES, os.strerror(errno.EACCES), "notes/caf\udce9.txt"),
     f"notes/caf\\xe9.txt: cannot read or write this file: Permission denied {_NAMED}"),
    (OSError(errno.EIO, os.strerror(errno.EIO), "corpus/a.txt"),  # a disk's, not stdout's
     f"corpus/a.txt: cannot read or write this file: Input/output error {_NAMED}"),
    (OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), "a\x1b[31m", None, "b"),
     f"a␛[31m: cannot rename this file to b: File name too long {_NAMED}"),
    (OSError(errno.EACCES, os.strerror(errno.EACCES)),
     f"a file could not be read or written: Permission denied {_UNNAMED}"),
])
def test_an_os_error_reaching_the_top_is_one_line_and_exit_2(
        error: OSError, line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """It was re-raised: the run ended in a traceback, exit status 1."""
    monkeypatch.setattr("revdiff.cli.parse.load_articles", _failing_with(error))
    result = CliRunner().invoke(main, ["parse", str(CHAIN)])
    assert result.exit_code == 2
    assert result.stderr == f"revdiff: error: {line}\n"


def test_a_bug_keeps_its_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("revdiff.cli.parse.load_articles", _failing_with(ValueError("a bug")))
    result = CliRunner().invoke(main, ["parse", str(CHAIN)])
    assert isinstance(result.exception, ValueError)
