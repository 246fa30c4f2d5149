"""`revdiff diff --versions OLD..NEW`: one pair of each article, its two versions compared directly."""

from __future__ import annotations

import json
import re

import pytest
from cli_run import CHAIN, SAMPLES
from click.testing import CliRunner, Result

from revdiff.cli import main

NEWSEDITS = str(SAMPLES / "newsedits.sqlite")
TWO_PAGES = [str(SAMPLES / "sniffer-diff" / f"iran-strikes-{pair}.txt") for pair in ("v0-v1", "v2-v3")]


def diff(*args: str) -> Result:
    return CliRunner().invoke(main, ["diff", *args])


def printed(*args: str) -> str:
    result = diff(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_first_to_last_is_the_diff_of_the_first_and_last_version_files() -> None:
    chosen = printed(str(CHAIN), "--versions", "first..last", "--no-color")
    assert chosen.startswith("iran-strikes-us-troops-in-iraq: version 0 -> 4\n")
    assert chosen == printed(str(CHAIN / "0.txt"), str(CHAIN / "4.txt"), "--no-color")


def test_a_numbered_pair_is_compared_directly_in_every_format() -> None:
    chosen = printed(str(CHAIN), "--versions", "1..3", "--no-color", "--changes-only")
    assert chosen.splitlines()[0] == "iran-strikes-us-troops-in-iraq: version 1 -> 3"
    assert chosen == printed(str(CHAIN / "1.txt"), str(CHAIN / "3.txt"), "--no-color",
                             "--changes-only")
    rows = [json.loads(line) for line in
            printed(str(CHAIN), "--versions", "1..3", "--format", "jsonl").splitlines()]
    assert {(row["old_version"], row["new_version"]) for row in rows} == {(1, 3)}
    files = [json.loads(line) for line in printed(str(CHAIN / "1.txt"), str(CHAIN / "3.txt"),
                                                  "--format", "jsonl").splitlines()]
    assert ([(row["op"], row["old_text"], row["new_text"], row["flags"]) for row in rows]
            == [(row["op"], row["old_text"], row["new_text"], row["flags"]) for row in files])
    patch = printed(str(CHAIN), "--versions", "1..3", "--format", "unified")
    assert "\tversion 1\n" in patch and "\tversion 3\n" in patch


def test_an_article_without_both_versions_is_left_out_with_a_warning() -> None:
    result = diff(NEWSEDITS, "--versions", "0..4", "--no-color")
    assert result.exit_code == 0, result.output
    heads = [line for line in result.stdout.splitlines() if ": version " in line]
    assert len(heads) == 1 and " version 0 (" in heads[0] and ") -> 4 (" in heads[0]
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2
    assert all(re.fullmatch(r"revdiff: warning: https://\S+ has no version 4 \(it has versions "
                            r"0-[23]\), asked for by --versions 0\.\.4; left out", line)
               for line in warnings), warnings
    assert diff(NEWSEDITS, "--versions", "0..4", "-q").stderr == ""


@pytest.mark.parametrize(("inputs", "value", "said"), [
    ([str(CHAIN)], "3..1", ("diff: Invalid value for '--versions': 3..1: in "
                            f"{CHAIN}, version 3 comes after version 1; name the older one first")),
    ([NEWSEDITS], "4..2", "diff: Invalid value for '--versions': 4..2: in https://"),
    ([str(CHAIN)], "2..9", (f"--versions 2..9 names versions no article has: {CHAIN} has no "
                            "version 9 (it has versions 0-4)")),
    ([NEWSEDITS], "7..last", "--versions 7..last names versions no article has: https://"),
    ([str(CHAIN)], "3", "diff: Invalid value for '--versions': '3' is not OLD..NEW"),
    ([str(CHAIN)], "a..b", "diff: Invalid value for '--versions': 'a..b' is not OLD..NEW"),
    ([str(CHAIN)], "2..2", ("diff: Invalid value for '--versions': '2..2' does not name two "
                            "versions, the older first")),
    ([str(CHAIN)], "last..first", "diff: Invalid value for '--versions': 'last..first' does not"),
])
def test_a_pair_no_article_can_give_is_one_line_error(inputs: list[str], value: str, said: str
                                                      ) -> None:
    result = diff(*inputs, "--versions", value)
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {said}"), line


def test_a_direct_pair_marks_its_edits_as_sure_as_the_rows_of_its_two_versions() -> None:
    """Versions 0 and 3 are read from two pages (0 to 1, 2 to 3), no page comparing them: each
    edit is as sure as the least sure row its sentences come from in those pages, as the app
    marks a pair it is asked to compare and the tables give its `confidence`."""
    rows = [json.loads(line) for line in printed(*TWO_PAGES, "--versions", "0..3", "-q",
                                                 "--format", "jsonl").splitlines()]
    heads = [line for line in printed(*TWO_PAGES, "--versions", "0..3", "-q", "--no-color")
             .splitlines() if re.match(r". \w+ +[\d,-]+ -> ", line)]
    assert len(heads) == len(rows)
    for head, row in zip(heads, rows, strict=True):
        unsure = row["confidence"] < 0.99
        assert head.endswith(f"  ? {int(row['confidence'] * 100)}% sure") == unsure, head
    assert sum("% sure" in head for head in heads) >= 3


def test_an_article_keeps_its_index_when_one_before_it_is_left_out() -> None:
    """The first article of the NewsEdits sample has no version 4: the one that has is still
    article 1, as `revdiff parse` and a plain `diff` number it, where it came out as 0."""
    rows = [json.loads(line) for line in
            printed(NEWSEDITS, "--versions", "0..4", "--format", "jsonl", "-q").splitlines()]
    everything = [json.loads(line) for line in printed(NEWSEDITS, "--format", "jsonl").splitlines()]
    indices = {row["article"]: row["article_index"] for row in everything}
    assert rows and {(row["article"], row["article_index"]) for row in rows} == {
        (rows[0]["article"], indices[rows[0]["article"]])}
    assert rows[0]["article_index"] == 1


def test_the_html_heading_names_the_two_versions_compared() -> None:
    page = printed(str(CHAIN), "--versions", "1..3", "--format", "html")
    assert ": versions 1 to 3" in page
    assert "versions 0 to 4" not in page
