"""A file whose name begins with a dash, given as it is (`revdiff diff -v1.txt v2.txt`): click
reads it as options it does not know, so the error says how to give it as a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import revdiff


@pytest.mark.parametrize("command", [["diff"], ["parse"], ["view", "--plain"], []])
def test_a_file_named_with_a_leading_dash_is_told_how_to_give_it(tmp_path: Path,
                                                                   command: list[str]) -> None:
    (tmp_path / "-draft.txt").write_text("Troops land.\n", encoding="utf-8")
    (tmp_path / "final.txt").write_text("Troops landed.\n", encoding="utf-8")
    finished = revdiff(*command, "-draft.txt", "final.txt", cwd=tmp_path)
    assert finished.returncode == 2 and finished.stdout == ""
    [line] = finished.stderr.splitlines()
    assert line.startswith("revdiff: error: ") and line.endswith(
        "-draft.txt is a file, not an option (give it as ./-draft.txt, or put -- before it)")


def test_an_option_that_names_no_file_keeps_the_plain_error(tmp_path: Path) -> None:
    finished = revdiff("diff", "-draft.txt", "final.txt", cwd=tmp_path)
    [line] = finished.stderr.splitlines()
    assert line == "revdiff: error: diff: No such option '-d' (see `revdiff diff --help`)"


def test_a_dashed_name_with_control_characters_is_shown_in_symbols(tmp_path: Path) -> None:
    (tmp_path / "-a\x1b[2J.txt").write_text("Troops land.\n", encoding="utf-8")
    finished = revdiff("diff", "-a\x1b[2J.txt", "b.txt", cwd=tmp_path)
    [line] = finished.stderr.splitlines()
    assert "\x1b" not in line and "-a␛[2J.txt is a file" in line and "'./-a␛[2J.txt'" in line
