"""Paths that name nothing: an empty one (an unset shell variable) is refused, never read or
written as the current folder; a web address is told to be saved first; a mistyped command is
told which it meant."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import CHAIN, VERSION_PAGE, revdiff

import revdiff as api
from revdiff.errors import EmptyInput


@pytest.mark.parametrize("args", [
    ("export", str(CHAIN), "-o", "", "--format", "jsonl"),
    ("store", str(VERSION_PAGE), "--repo", ""),
    ("parse", ""),
    ("diff", str(CHAIN), ""),
    ("export", "", "-o", "out.jsonl"),
])
def test_an_empty_path_is_refused_and_nothing_is_written(args: tuple[str, ...],
                                                         tmp_path: Path) -> None:
    """`export X -o "" --format jsonl` wrote edits.jsonl and comparisons.jsonl into the current
    folder; `store X --repo ""` committed into the repository of the current folder; an empty
    input read the current folder."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("Two.\n")
    done = revdiff(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert "the path is empty (an unset shell variable?)" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["0.txt", "1.txt"]


def test_the_api_refuses_an_empty_input() -> None:
    with pytest.raises(EmptyInput, match="an input's path is empty"):
        api.load("")
    with pytest.raises(EmptyInput, match="an input's path is empty"):
        api.edits_table([""])


@pytest.mark.parametrize("command", [("diff",), ("parse",), ("export", "-o", "out.jsonl")])
def test_a_web_address_given_as_an_input_says_to_save_the_page(command: tuple[str, ...],
                                                               tmp_path: Path) -> None:
    """It said only `no such file or directory (check the path ...)`; export, which could skip
    it, left out that it can, as it says of other paths that name nothing."""
    done = revdiff(command[0], "https://www.bbc.co.uk/news/world-51012345", *command[1:],
                   cwd=tmp_path)
    assert done.returncode == 2
    skip = "; or rerun with --skip-errors to skip it" if command[0] == "export" else ")"
    assert "revdiff reads saved pages, not web addresses: save the page first with curl -o " \
           f"page.html URL, or give <(curl -s URL){skip}" in done.stderr
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("skip", [(), ("--skip-errors",)])
def test_export_tells_a_web_address_no_glob(skip: tuple[str, ...], tmp_path: Path) -> None:
    """A web address is no glob to the user: export said `no such file or directory, and no file
    matches it as a glob` before the web address's advice, and so did its skip; parse and diff
    say `no such file or directory`."""
    done = revdiff("export", "https://example.com/a", str(CHAIN), "-o", "out.jsonl", *skip,
                   cwd=tmp_path)
    said = ("https://example.com/a: no such file or directory (revdiff reads saved pages"
            if not skip else "skipped https://example.com/a: no such file or directory\n")
    assert said in done.stderr
    assert "as a glob" not in done.stderr


@pytest.mark.parametrize("command", [("diff",), ("parse",), ("view", "--plain"),
                                     ("store", "--repo", "repo"), ("export", "-o", "out.jsonl")])
def test_a_web_address_with_a_query_is_no_glob(command: tuple[str, ...], tmp_path: Path) -> None:
    """Its `?` begins the query: parse, diff, view and store told it `a glob: give it
    unquoted`, export the web address's advice."""
    done = revdiff(command[0], "https://example.com/a?b=1", *command[1:], cwd=tmp_path)
    assert done.returncode == 2
    assert "revdiff reads saved pages, not web addresses: save the page first" in done.stderr
    assert "a glob: give it" not in done.stderr
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize(("word", "meant"), [("difff", "diff"), ("exprot", "export"),
                                             ("pares", "parse")])
def test_a_mistyped_command_says_which_it_meant(word: str, meant: str, tmp_path: Path) -> None:
    """`revdiff difff a b` was read as `revdiff view difff a b`: `difff: no such file`."""
    done = revdiff(word, "a.txt", "b.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (f"revdiff: error: {word}: no such command, nor file (did you mean "
                           f"`revdiff {meant}`? see `revdiff --help`)\n")


def test_a_file_named_like_a_command_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "stor").mkdir()
    for number in range(2):
        (tmp_path / "stor" / f"{number}.txt").write_text(f"Version {number}.\n")
    done = revdiff("stor", cwd=tmp_path)  # not a terminal: the text diff
    assert done.returncode == 0, done.stderr
    assert "version 0 -> 1" in done.stdout


@pytest.mark.parametrize(("args", "reordered"), [
    (("-q", "diff", "a.txt", "b.txt"), "diff -q a.txt b.txt"),
    (("--max-size", "1M", "parse", "a.txt"), "parse --max-size 1M a.txt"),
])
def test_options_before_the_command_say_to_give_the_command_first(
        args: tuple[str, ...], reordered: str, tmp_path: Path) -> None:
    """`revdiff -q diff a b` was read as `revdiff view -q diff a b`: `diff: no such file`."""
    done = revdiff(*args, cwd=tmp_path)
    assert done.returncode == 2
    command = reordered.split()[0]
    assert done.stderr == (f"revdiff: error: {command}: a command's name comes before its "
                           f"options, else it is read as an input (run `revdiff {reordered}`; "
                           f"see `revdiff {command} --help`)\n")


@pytest.mark.parametrize("args", [("-", "diff"), ("-", "a.txt", "diff")])
def test_standard_input_before_a_command_s_name_is_an_input(args: tuple[str, ...],
                                                             tmp_path: Path) -> None:
    """`revdiff - diff` took `-` for an option: `diff: a command's name comes before its
    options`; `-` is standard input, as `a.txt` an input, so `diff` names a file."""
    (tmp_path / "a.txt").write_text("One.\n")
    done = revdiff(*args, stdin="Two.\n", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ("revdiff: error: diff: no such file or directory (check the path; "
                           "give - to read standard input)\n")


def test_an_option_s_value_named_like_a_command_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "diff").mkdir()
    for number in range(2):
        (tmp_path / "diff" / f"{number}.txt").write_text(f"Version {number}.\n")
    done = revdiff("-q", "diff", cwd=tmp_path)  # the folder `diff`, viewed
    assert done.returncode == 0, done.stderr
    assert "version 0 -> 1" in done.stdout


@pytest.mark.parametrize("command", [("parse",), ("diff", str(CHAIN)), ("export", "-o", "out.jsonl")])
def test_a_path_too_long_to_look_up_is_refused_in_one_line(command: tuple[str, ...],
                                                           tmp_path: Path) -> None:
    """A name over the 255 characters most file systems take was a traceback ending in
    `OSError: [Errno 36] File name too long`."""
    too_long = "a" * 300 + ".txt"
    done = revdiff(command[0], *command[1:], too_long, cwd=tmp_path)
    assert done.returncode == 2
    # export, which could skip it, says how
    skip = "; or rerun with --skip-errors to skip it" if command[0] == "export" else ""
    assert done.stderr == (f"revdiff: error: {too_long}: cannot look up the path (File name too "
                           f"long) (check the path and that you may open the folders on it{skip})\n")


@pytest.mark.parametrize(("args", "not_taken", "reordered"), [
    (("--layout", "side", "diff", "a.txt", "b.txt"), "--layout", "diff a.txt b.txt"),
    (("--layout=side", "-q", "diff", "a.txt"), "--layout", "diff -q a.txt"),
    (("--plain", "--max-size", "1M", "parse", "a.txt"), "--plain", "parse --max-size 1M a.txt"),
    (("--layout", "side", "--plain", "export", "a.txt"), "--layout, --plain", "export a.txt"),
])
def test_an_option_before_the_command_that_it_does_not_take_is_named_and_left_out(
        args: tuple[str, ...], not_taken: str, reordered: str, tmp_path: Path) -> None:
    """`revdiff --layout side diff a b` said to run `revdiff diff --layout side a b`, which
    failed in turn: --layout is an option of view alone."""
    done = revdiff(*args, cwd=tmp_path)
    assert done.returncode == 2
    command = reordered.split()[0]
    assert done.stderr == (f"revdiff: error: {command}: a command's name comes before its "
                           f"options, else it is read as an input, and `revdiff {command}` takes "
                           f"no {not_taken} (run `revdiff {reordered}`; see `revdiff {command} "
                           "--help`)\n")


@pytest.mark.parametrize("closed", [False, True])
def test_a_file_named_dash_is_told_to_be_given_as_dot_slash_dash(closed: bool,
                                                                  tmp_path: Path) -> None:
    """`-` is standard input, so a file named `-` in the current folder cannot be read by that
    name: an error about standard input (empty, or closed: `<&-`) said nothing of it; `./-`
    reads it."""
    (tmp_path / "-").write_text("One.\n")
    done = subprocess.run([sys.executable, "-m", "revdiff", "parse", "-"], cwd=tmp_path,
                          preexec_fn=(lambda: os.close(0)) if closed else None,
                          input=None if closed else "", capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.endswith("; - is standard input: to read the file named - here, give "
                                "./-)\n"), done.stderr
    assert '"One."' in revdiff("parse", "./-", cwd=tmp_path).stdout
    (tmp_path / "-").unlink()
    assert "./-" not in revdiff("parse", "-", stdin="", cwd=tmp_path).stderr
