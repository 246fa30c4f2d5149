"""A loop of symbolic links named as an input, an output or a repository gets one error line,
never a traceback (`Path.resolve()` raises RuntimeError on a loop before Python 3.13, and
`os.stat` OSError ELOOP)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _loop(folder: Path, name: str) -> Path:
    (folder / name).symlink_to(folder / f"{name}-other")
    (folder / f"{name}-other").symlink_to(folder / name)
    return folder / name


@pytest.mark.parametrize("command", [
    ["store", "{a}", "{b}", "--repo", "{loop}"],
    ["store", "{loop}", "--repo", "{repo}"],
    ["export", "{loop}", "-o", "{out}"],
    ["export", "{a}", "{b}", "-o", "{loop}", "--format", "jsonl"],
    ["export", "{a}", "{b}", "-o", "{loop}/edits.jsonl"],
    ["export", "{a}", "{sub}/0.txt", "{loop}", "-o", "{out}"],
], ids=["store-repo", "store-input", "export-input", "export-output", "export-output-below",
        "export-files-of-two-folders"])
def test_a_symlink_loop_gets_one_error_line(command: list[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One sentence here.\n")
    (tmp_path / "b.txt").write_text("One sentence there.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "0.txt").write_text("Another sentence.\n")
    names = {"a": tmp_path / "a.txt", "b": tmp_path / "b.txt", "sub": tmp_path / "sub",
             "loop": _loop(tmp_path, "loop"), "repo": tmp_path / "repo",
             "out": tmp_path / "out" / "edits.jsonl"}
    (tmp_path / "out").mkdir()
    args = [part.format(**{key: str(value) for key, value in names.items()})
            for part in command]
    result = subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True,
                            text=True, timeout=120, check=False, cwd=tmp_path,
                            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().count("\n") == 0 or all(
        line.startswith("revdiff:") for line in result.stderr.splitlines()), result.stderr
    assert "loop" in result.stderr.splitlines()[-1], result.stderr


@pytest.mark.parametrize("command", [["parse", "{link}"], ["diff", "{a}", "{link}"],
                                     ["export", "{a}", "{link}", "-o", "{out}"]])
@pytest.mark.parametrize("leads_to", ["a loop", "nothing"])
def test_an_input_that_is_a_link_to_nothing_is_named_so(command: list[str], leads_to: str,
                                                       tmp_path: Path) -> None:
    """It was `no such file or directory (check the path ...)`, of a path that is there."""
    (tmp_path / "a.txt").write_text("One sentence here.\n")
    link = _loop(tmp_path, "link") if leads_to == "a loop" else tmp_path / "link"
    if leads_to == "nothing":
        link.symlink_to(tmp_path / "gone.txt")
    names = {"a": tmp_path / "a.txt", "link": link, "out": tmp_path / "edits.jsonl"}
    args = [part.format(**{key: str(value) for key, value in names.items()})
            for part in command]
    result = subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True,
                            text=True, timeout=120, check=False, cwd=tmp_path,
                            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stderr
    what = ("a symbolic link in a loop of links" if leads_to == "a loop"
            else "a broken link")  # it said "leads to nothing (or to a loop of links)" of both
    assert result.stderr.startswith(f"revdiff: error: {link}: {what} (check where it leads, or "
                                    "give the file itself"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("leads_to", ["a loop", "nothing"])
def test_a_repository_that_is_a_link_to_nothing_is_named_so(leads_to: str,
                                                            tmp_path: Path) -> None:
    """It was `cannot create a git repository: File exists`."""
    (tmp_path / "a.txt").write_text("One sentence here.\n")
    link = _loop(tmp_path, "link") if leads_to == "a loop" else tmp_path / "link"
    if leads_to == "nothing":
        link.symlink_to(tmp_path / "gone")
    result = subprocess.run([sys.executable, "-m", "revdiff", "store", str(tmp_path / "a.txt"),
                             "--repo", str(link)], capture_output=True, text=True, timeout=120,
                            check=False, cwd=tmp_path,
                            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2, result.stderr
    what = ("a symbolic link in a loop of links" if leads_to == "a loop"
            else "a broken link")  # it said "leads to nothing (or to a loop of links)" of both
    assert result.stderr == (f"revdiff: error: {link}: is {what} (give a directory for the "
                             "repository with --repo)\n")
