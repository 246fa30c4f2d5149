"""A machine without the git program (a slim container): GitPython fails on import there, with
a page of text. Reading anything but a git repository needs no git, and what needs it says so in
one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import CHAIN


@pytest.fixture
def without_git(tmp_path: Path) -> dict[str, str]:
    environment = {name: value for name, value in os.environ.items()
                   if name != "GIT_PYTHON_GIT_EXECUTABLE"}
    empty = tmp_path / "no-programs"
    empty.mkdir()
    environment["PATH"] = str(empty)
    return environment


def run(environment: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True,
                          text=True, timeout=120, check=False, env=environment)


def test_a_folder_of_versions_is_read_without_git(without_git: dict[str, str]) -> None:
    # it was a traceback: any folder loaded the git reader, which imported GitPython
    result = run(without_git, "diff", str(CHAIN))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "version 0 -> 1" in result.stdout


NEEDS_GIT = ("revdiff: error: reading a git repository or storing into one needs git, and 'git' "
             "is not a program on PATH (install git, or set GIT_PYTHON_GIT_EXECUTABLE to its "
             "path)\n")


def test_store_says_git_is_missing(without_git: dict[str, str], tmp_path: Path) -> None:
    assert run(without_git, "store", "--help").returncode == 0
    result = run(without_git, "store", str(CHAIN), "--repo", str(tmp_path / "repo"))
    assert (result.returncode, result.stdout, result.stderr) == (2, "", NEEDS_GIT)
    assert not (tmp_path / "repo").exists()


def test_a_git_repository_says_git_is_missing(without_git: dict[str, str],
                                              tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("needs git to make the repository")
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    result = run(without_git, "parse", str(tmp_path / "repo"))
    assert (result.returncode, result.stdout, result.stderr) == (2, "", NEEDS_GIT)


NOT_GIT = ("is not git: it does not say its version as git does (set GIT_PYTHON_GIT_EXECUTABLE "
           "to the git program, or unset it to use git on PATH)")
TOO_OLD = ("reading a git repository or storing into one needs git 2.31 or later, and this is "
           "2.25.1 (install a newer git, or name one with GIT_PYTHON_GIT_EXECUTABLE)")


@pytest.mark.parametrize(("says", "error"), [("", NOT_GIT), ("git version 2.25.1", TOO_OLD)])
def test_a_program_that_is_no_git_or_too_old_a_git_is_named(
        without_git: dict[str, str], tmp_path: Path, says: str, error: str) -> None:
    # it was GitPython's traceback on import, or a git error on the first option it lacks
    program = tmp_path / "not-quite-git"
    program.write_text(f"#!/bin/sh\necho '{says}'\n")
    program.chmod(0o755)
    environment = dict(without_git, GIT_PYTHON_GIT_EXECUTABLE=str(program))
    result = run(environment, "store", str(CHAIN), "--repo", str(tmp_path / "repo"))
    said = f"revdiff: error: {program}: {error}\n"
    assert (result.returncode, result.stdout, result.stderr) == (2, "", said)
    assert not (tmp_path / "repo").exists()


def test_a_git_program_named_that_does_not_exist_is_said_so(without_git: dict[str, str],
                                                           tmp_path: Path) -> None:
    # it said `'/nowhere/git' is not a program on PATH` and to set the variable already set
    environment = dict(without_git, GIT_PYTHON_GIT_EXECUTABLE="/nowhere/git")
    result = run(environment, "store", str(CHAIN), "--repo", str(tmp_path / "repo"))
    said = ("revdiff: error: GIT_PYTHON_GIT_EXECUTABLE names '/nowhere/git', which is no "
            "program (set it to the git program's path, or unset it to use git on PATH)\n")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", said)


def test_a_git_program_named_in_bytes_that_are_not_utf8_is_spelled_as_revdiff_spells_names(
        without_git: dict[str, str], tmp_path: Path) -> None:
    """A name that is not UTF-8 came out in Python's repr (`'/nowhere/gi\\udce9t'`), where
    revdiff's other messages write `gi\\xe9t`."""
    environment = dict(without_git, GIT_PYTHON_GIT_EXECUTABLE=os.fsdecode(b"/nowhere/gi\xe9t"))
    result = run(environment, "store", str(CHAIN), "--repo", str(tmp_path / "repo"))
    assert result.returncode == 2
    assert result.stderr.startswith("revdiff: error: GIT_PYTHON_GIT_EXECUTABLE names "
                                    "'/nowhere/gi\\xe9t', which is no program ("), result.stderr
