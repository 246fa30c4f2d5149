"""The README's example commands print what the README shows them printing."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import pytest
from cli_run import revdiff

REPO = Path(__file__).resolve().parents[2]
# A command in backticks that begins a paragraph (a remark may follow it), then the block of what
# it prints.
EXAMPLE = re.compile(r"^`(revdiff (?:parse|diff) [^`]+)`[^\n]*(?:\n[^\n]+)*\n\n```\n(.*?)```",
                     re.MULTILINE | re.DOTALL)
ELIDED = "..."


def readme_examples() -> list[tuple[str, list[str]]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return [(command, block.rstrip("\n").split("\n")) for command, block in EXAMPLE.findall(readme)]


def test_the_readme_has_examples_to_check() -> None:
    commands = [command for command, _ in readme_examples()]
    assert any(command.startswith("revdiff parse") for command in commands)
    assert any(command.startswith("revdiff diff") for command in commands)


@pytest.mark.parametrize(("command", "shown"), readme_examples(), ids=lambda value: str(value)[:60])
def test_an_example_prints_what_the_readme_shows(command: str, shown: list[str]) -> None:
    arguments = []
    for word in shlex.split(command)[1:]:
        arguments.extend(sorted(glob.glob(word, root_dir=REPO)) if "*" in word else [word])
    result = revdiff(*arguments, cwd=REPO)
    assert result.returncode == 0, result.stderr
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    if shown[-1] == ELIDED:
        shown = shown[:-1]
        printed = printed[:len(shown)]
    assert printed == [line.rstrip() for line in shown]


def test_the_readme_says_what_each_note_of_the_summary_line_means() -> None:
    # `diff` ended seed 004's summary in `; rewrite`, a word the README never explained
    version = "samples/versions/iran-strikes-us-troops-in-iraq/0.txt"
    notes = []
    for inputs in (["samples/washpo-soleimani-v6-v7.txt"], [version, version]):
        summary = revdiff("diff", "--quiet", *inputs, cwd=REPO).stdout.splitlines()[1]
        notes += re.findall(r"; [a-z]+$", summary)
    assert notes == ["; rewrite", "; boring"]
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    for note in notes:
        assert f"It ends in `{note}`" in readme or f"and in `{note}`" in readme
