"""A version file that is not there (`revdiff diff story/4.txt story/5.txt` of a folder that holds
0.txt to 4.txt) is refused in one line that names the versions its folder holds: it said only
`no such file or directory (check the path; give - to read standard input)`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_run import CHAIN, revdiff

import revdiff as api
from revdiff.errors import EmptyInput


@pytest.mark.parametrize("command", ["diff", "parse", "view"])
def test_a_missing_version_names_the_versions_of_its_folder(command: str) -> None:
    done = revdiff(command, str(CHAIN / "4.txt"), str(CHAIN / "5.txt"))
    assert done.returncode == 2
    assert done.stderr == (f"revdiff: error: {CHAIN / '5.txt'}: no such file or directory (check "
                           "the path: its folder holds 0.txt, 1.txt, 2.txt, 3.txt and 4.txt; "
                           "give - to read standard input)\n")
    assert done.stdout == ""


def test_a_folder_of_many_versions_is_named_by_its_first_and_last(tmp_path: Path) -> None:
    for number in (*range(12), 100):
        (tmp_path / f"{number}.txt").write_text(f"Version {number}.\n")
    (tmp_path / "notes.txt").write_text("Not a version.\n")  # holds no number: no version
    done = revdiff("diff", "3.txt", "12.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("revdiff: error: 12.txt: no such file or directory (check the path: "
                           "its folder holds 13 numbered files, 0.txt, 1.txt, 2.txt, ..., 100.txt; "
                           "give - to read standard input)\n")


def test_the_names_of_the_folder_reach_the_terminal_without_their_escapes(tmp_path: Path) -> None:
    (tmp_path / "0\x1b[2J.txt").write_text("One.\n")
    done = revdiff("diff", "1.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "\x1b" not in done.stderr
    assert "its folder holds 0␛[2J.txt;" in done.stderr


@pytest.mark.parametrize("name", ["final.txt", "nowhere/5.txt"])
def test_a_name_without_a_number_or_a_folder_gets_the_plain_hint(name: str,
                                                                 tmp_path: Path) -> None:
    (tmp_path / "0.txt").write_text("One.\n")
    done = revdiff("diff", "0.txt", name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (f"revdiff: error: {name}: no such file or directory (check the path; "
                           "give - to read standard input)\n")


def test_python_is_told_the_versions_too() -> None:
    with pytest.raises(EmptyInput, match=r"\(check the path: its folder holds 0\.txt, 1\.txt, "
                                         r"2\.txt, 3\.txt and 4\.txt\)$"):
        api.load(str(CHAIN / "9.txt"))


def test_a_missing_corrections_file_is_told_no_versions(tmp_path: Path) -> None:
    """Found by a review: a corrections file that is not there, whose name holds a number, was
    told the version files beside it (`check the path: its folder holds 0.txt and 1.txt`), which
    are no corrections file."""
    for number in range(2):
        (tmp_path / f"{number}.txt").write_text(f"Version {number}.\n")
    done = revdiff("diff", "0.txt", "1.txt", "--corrections", "fixes-2020.jsonl", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("revdiff: error: fixes-2020.jsonl: cannot read the corrections file: "
                           "No such file or directory (check the path)\n")


def test_a_name_that_is_not_utf_8_is_written_as_its_bytes(tmp_path: Path) -> None:
    """Found by a review: a Python caller's error held the name's lone surrogates (`2\\udcff`),
    which no UTF-8 file or terminal takes (`print(error)` in a notebook fails); the command line
    wrote them as `\\xff`, and now both do."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / os.fsdecode(b"1\xff.txt")).write_text("Two.\n")
    with pytest.raises(EmptyInput) as refused:
        api.load([str(tmp_path / "0.txt"), str(tmp_path / "2.txt")])
    assert str(refused.value).endswith(r"(check the path: its folder holds 0.txt and 1\xff.txt)")
    str(refused.value).encode("utf-8")
    done = revdiff("diff", "0.txt", "2.txt", cwd=tmp_path)
    assert r"its folder holds 0.txt and 1\xff.txt;" in done.stderr
