"""The example commands of the README and docs/COMMANDS.md print what they show them printing,
the README's commands run, and the examples of `parse --help`, `diff --help` and `store --help`
run."""

from __future__ import annotations

import csv
import glob
import re
import shlex
from itertools import pairwise
from pathlib import Path

import pytest
from cli_run import revdiff

REPO = Path(__file__).resolve().parents[2]
# The documents whose examples show what a command prints: the README and the commands' reference,
# which holds most of them.
DOCUMENTS = ("README.md", "docs/COMMANDS.md")
# A command in backticks that begins a paragraph (a remark may follow it), then the block of what
# it prints.
EXAMPLE = re.compile(r"^`(revdiff (?:parse|diff) [^`]+)`[^\n]*(?:\n[^\n]+)*\n\n```\n(.*?)```",
                     re.MULTILINE | re.DOTALL)
ELIDED = "..."
# An example of a command's --help: the command, then what it does, two or more spaces after it.
HELP_EXAMPLE = re.compile(r"^ +(revdiff \S+(?: \S+)*)(?: {2,}.*)?$")


def shown_examples() -> list[tuple[str, list[str]]]:
    """Each command of the DOCUMENTS shown with what it prints, and the lines it prints."""
    return [(command, block.rstrip("\n").split("\n")) for document in DOCUMENTS
            for command, block in EXAMPLE.findall((REPO / document).read_text(encoding="utf-8"))]


def commands_reference() -> str:
    """docs/COMMANDS.md, its white space runs made single spaces."""
    return " ".join((REPO / "docs" / "COMMANDS.md").read_text(encoding="utf-8").split())


def example_arguments(command: str) -> list[str]:
    """The arguments of an example command, its globs expanded in the checkout as a shell would."""
    arguments = []
    for word in shlex.split(command)[1:]:
        arguments.extend(sorted(glob.glob(word, root_dir=REPO)) if "*" in word else [word])
    return arguments


def help_examples(command: str) -> list[str]:
    """The example commands under `Examples:` in the command's --help."""
    shown = revdiff(command, "--help", cwd=REPO).stdout.partition("Examples:\n")[2]
    return [found[1] for found in map(HELP_EXAMPLE.match, shown.splitlines()) if found]


def test_the_documents_have_examples_to_check() -> None:
    commands = [command for command, _ in shown_examples()]
    assert any(command.startswith("revdiff parse") for command in commands)
    assert any(command.startswith("revdiff diff") for command in commands)


def readme_commands() -> list[str]:
    """The example commands of the README's `Commands`, in the block of shell commands after its
    command lines."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.partition("\n## Commands\n")[2].partition("\n### ")[0]
    return section.partition("```sh\n")[2].partition("```")[0].splitlines()


def test_the_readme_shows_examples_of_every_command() -> None:
    commands = readme_commands()
    for name in ("parse", "diff", "export"):
        assert sum(command.startswith(f"revdiff {name} ") for command in commands) >= 2, name
    assert any(command.split()[1].startswith("samples/") for command in commands)  # the app


@pytest.mark.parametrize("command", readme_commands())
def test_an_example_command_of_the_readme_runs(command: str, tmp_path: Path) -> None:
    # run where its outputs (`-o edits.jsonl`) are written to `tmp_path`, not to the checkout;
    # `revdiff INPUT...` prints the text diff, its output not a terminal
    arguments = [str(REPO / word) if word.startswith("samples/") else word
                 for word in example_arguments(command)]
    result = revdiff(*arguments, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = [word for option, word in pairwise(arguments) if option == "-o"]
    if written:
        assert all((tmp_path / word).exists() for word in written), written
    else:
        assert result.stdout


@pytest.mark.parametrize(("command", "shown"), shown_examples(), ids=lambda value: str(value)[:60])
def test_an_example_prints_what_its_document_shows(command: str, shown: list[str]) -> None:
    result = revdiff(*example_arguments(command), cwd=REPO)
    assert result.returncode == 0, result.stderr
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    if shown[-1] == ELIDED:
        shown = shown[:-1]
        printed = printed[:len(shown)]
    assert printed == [line.rstrip() for line in shown]


@pytest.mark.parametrize("command", ["parse", "diff"])
def test_every_example_of_the_help_runs(command: str) -> None:
    # `parse --help` and `diff --help` had no examples, where `export --help` and `revdiff --help`
    # have them
    examples = help_examples(command)
    assert len(examples) >= 2
    for example in examples:
        assert example.startswith(f"revdiff {command} ")
        result = revdiff(*example_arguments(example), cwd=REPO)
        assert result.returncode == 0 and result.stdout, (example, result.stderr)


def test_every_example_of_the_store_help_runs_and_a_second_run_adds_nothing(
        tmp_path: Path) -> None:
    # `store --help` had no examples, where `parse`, `diff` and `export` have them. They run in
    # order, their repository made in `tmp_path`, not in the checkout.
    examples = help_examples("store")
    assert len(examples) >= 3
    repositories = {words[at + 1] for words in map(shlex.split, examples)
                    for at, word in enumerate(words[:-1]) if word == "--repo"}
    assert repositories
    printed = []
    for example in examples:
        arguments = [str(tmp_path / word) if word in repositories else word
                     for word in example_arguments(example)]
        result = revdiff(*arguments, cwd=REPO)
        assert result.returncode == 0 and result.stdout, (example, result.stderr)
        printed.append(result.stdout)
    stores = [said for example, said in zip(examples, printed, strict=True)
              if example.startswith("revdiff store ")]
    assert " 0 versions stored" not in stores[0] and " 0 versions stored" in stores[1]


def test_the_commands_reference_says_what_each_note_of_the_summary_line_means() -> None:
    # `diff` ended seed 004's summary in `; rewrite`, a word the README never explained; the
    # README's rules of `diff` moved to docs/COMMANDS.md
    version = "samples/versions/iran-strikes-us-troops-in-iraq/0.txt"
    notes = []
    for inputs in (["samples/washpo-soleimani-v6-v7.txt"], [version, version]):
        summary = revdiff("diff", "--quiet", *inputs, cwd=REPO).stdout.splitlines()[1]
        notes += re.findall(r"; [a-z]+$", summary)
    assert notes == ["; rewrite", "; boring"]
    reference = commands_reference()
    for note in notes:
        assert f"It ends in `{note}`" in reference or f"and in `{note}`" in reference


def test_the_commands_reference_shows_the_warnings_seed_004_is_read_with() -> None:
    # the title row's warning said "give neighbouring pages" where the unsure rows' line beside it
    # named them (Version 5 to 6, Version 7 to 8); both name them now, as docs/COMMANDS.md (once
    # the README) shows
    page = "samples/washpo-soleimani-v6-v7.txt"
    said = revdiff("diff", page, cwd=REPO).stderr.splitlines()
    assert any("title row" in line and "(Version 5 to 6, Version 7 to 8)" in line for line in said)
    reference = (REPO / "docs" / "COMMANDS.md").read_text(encoding="utf-8")
    shown = [line for line in reference.splitlines()
             if line.startswith(f"revdiff: warning: {page}")]
    assert shown == said


def test_the_quick_start_s_export_writes_the_tables_it_names(tmp_path: Path) -> None:
    # the README showed no `export` command, which a researcher starts from; its quick start
    # names one, the files it writes and what their rows are
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    quick_start = readme.partition("## Quick start")[2].partition("## ")[0]
    said = re.search(r"`(revdiff export [^`]+)` writes the edits of the samples' (\w+) stories, "
                     r"one row an edit, to `([^`]+)`, and one row a pair of versions to `([^`]+)`",
                     quick_start)
    assert said, "the quick start names no export command and the tables it writes"
    command, stories, edits_name, pairs_name = said.groups()
    arguments = [str(REPO / word) if word.startswith("samples/") else word
                 for word in shlex.split(command)[1:]]
    result = revdiff(*arguments, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([edits_name, pairs_name])
    with (tmp_path / edits_name).open(encoding="utf-8", newline="") as edits_file:
        edits = list(csv.DictReader(edits_file))
    with (tmp_path / pairs_name).open(encoding="utf-8", newline="") as pairs_file:
        pairs = list(csv.DictReader(pairs_file))
    assert {"op", "old_text", "new_text"} <= set(edits[0])
    assert {"old_version", "new_version", "changed_share"} <= set(pairs[0])
    articles = {row["article"] for row in edits}
    assert len(articles) == {"two": 2, "three": 3, "four": 4}[stories]
    assert {row["article"] for row in pairs} == articles
    keys = [(row["article"], row["old_version"], row["new_version"]) for row in pairs]
    assert len(set(keys)) == len(pairs)


def test_the_readme_s_store_commands_run_and_a_second_run_says_what_the_readme_shows(
        tmp_path: Path) -> None:
    # the README's store block and the summary it quotes for a second run were run by no test
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.partition("\n### Storing versions in git\n")[2].partition("\n### ")[0]
    commands = section.partition("```sh\n")[2].partition("```")[0].splitlines()
    quoted = re.search(r"A second run of the same inputs stores nothing again \(`([^`]+)`\)",
                       " ".join(section.split()))
    assert quoted and commands
    repository = str(tmp_path / "news")

    def run(command: str) -> str:
        arguments = [repository if word == "news" else word for word in example_arguments(command)]
        result = revdiff(*arguments, cwd=REPO)
        assert result.returncode == 0 and result.stdout, (command, result.stderr)
        return result.stdout

    for command in commands:
        run(command)
    for command in commands:
        if command.startswith("revdiff store "):
            assert run(command).splitlines()[0] == quoted[1]
