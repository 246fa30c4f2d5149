"""The command lines the README's `Commands` and docs/EXPORT.md show name every option of each
command, with the value its --help names (`-o OUT|-`, the choices of `--format`), and no other."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from revdiff.cli import main

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
EXPORT_MD = (REPO / "docs" / "EXPORT.md").read_text(encoding="utf-8")
# Options every command takes that the README names once, below its command lines.
SAID_BELOW = {"--help", "--max-size"}


def readme_command_lines() -> dict[str, str]:
    """Each command's line in the README's `Commands` block, its remark after two spaces left out;
    `revdiff INPUT...` is `view`'s."""
    block = README.partition("## Commands\n\n```\n")[2].partition("```")[0]
    lines = {}
    for line in block.splitlines():
        words = re.split(r" {2,}", line)[0].split()
        if words[1] != "--version":
            lines["view" if words[1] == "INPUT..." else words[1]] = " ".join(words)
    return lines


def documented_options(line: str) -> dict[tuple[str, ...], str | None]:
    """The options of a command line, each as its names (`--color|--no-color` is one) and the
    value shown after it, None for a flag."""
    words = re.findall(r"[^\s\[\]]+", line)
    options: dict[tuple[str, ...], str | None] = {}
    for word, following in zip(words, [*words[1:], ""], strict=True):
        if word.startswith("-") and word != "-":
            value = following if following and following[0] not in "-|." else None
            options[tuple(word.split("|"))] = value
    return options


def is_help_value(value: str | None, option: click.Option, context: click.Context) -> bool:
    """Whether a command line shows the option's value as --help does: a choice's `[a|b]` written
    `a|b`, or as a name in capitals for the choices (`--only LABEL`, the README's tables listing
    them); None for a flag."""
    if option.is_flag or value is None:
        return option.is_flag and value is None
    if isinstance(option.type, click.Choice) and re.fullmatch("[A-Z]+", value):
        return True
    return value == option.make_metavar(context).removeprefix("[").removesuffix("]")


def check_line(name: str, line: str, said_elsewhere: set[str]) -> None:
    command = main.get_command(click.Context(main), name)
    assert command is not None
    context = click.Context(command, info_name=name)
    options = [param for param in command.get_params(context) if isinstance(param, click.Option)]
    documented = documented_options(line)
    for names, value in documented.items():
        matching = [option for option in options
                    if set(names) <= {*option.opts, *option.secondary_opts}]
        assert matching, f"{line}: no option {'|'.join(names)}"
        assert is_help_value(value, matching[0], context), f"{line}: {'|'.join(names)} {value}"
    shown = {name for names in documented for name in names}
    for option in options:
        if not shown & {*option.opts, *option.secondary_opts}:
            assert said_elsewhere & set(option.opts), f"{line}: {option.opts} is left out"


@pytest.mark.parametrize(("name", "line"), readme_command_lines().items())
def test_the_readme_s_command_lines_are_the_help_s(name: str, line: str) -> None:
    check_line(name, line, SAID_BELOW)


def test_the_readme_has_a_line_for_each_command() -> None:
    assert sorted(readme_command_lines()) == sorted(main.list_commands(click.Context(main)))


def test_export_md_s_command_line_is_the_help_s() -> None:
    # its `-o OUT` left out the `-` that writes to stdout
    usage = " ".join(EXPORT_MD.partition("\n```\n")[2].partition("```")[0].split())
    assert usage.startswith("revdiff export INPUT... ")
    check_line("export", usage, {"--help"})
