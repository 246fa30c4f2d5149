"""The README's section on the commands says in short what each command does, with examples, the
exit codes and where the rest is, and docs/COMMANDS.md holds the rest: every option and rule of
each command, under headings."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = (ROOT / "docs" / "COMMANDS.md").read_text(encoding="utf-8")
# The longest the README's section on the commands may be, its subsections on the store and the
# terminal UI aside: the command lines, a sentence or two on each, examples, the facts a first
# run needs, the exit codes and where the rest is. It ran to about 490 lines (44,000 characters).
SECTION_AT_MOST = 6000
# The longest a paragraph or list item of docs/COMMANDS.md may be, in characters, as
# docs/STORE.md and docs/INPUTS.md keep them (its lines are checked with every Markdown file's, in
# test_docs_lines.py); a table's rows and fenced code are no paragraph.
PARAGRAPH_AT_MOST = 500


def _readme_section() -> str:
    """The text under the README's `## Commands` up to its first subsection."""
    return README.partition("\n## Commands\n")[2].partition("\n### ")[0]


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of `text` and the items of its lists, each on one line, its fenced code and
    tables left out."""
    prose = re.sub(r"^```.*?^```$", "", text, flags=re.MULTILINE | re.DOTALL)
    blocks = [block for block in re.split(r"\n\s*\n", prose) if not block.lstrip().startswith("|")]
    return [" ".join(part.split()) for block in blocks for part in re.split(r"\n *- ", f"\n{block}")
            if part.strip()]


def test_the_readme_section_on_the_commands_is_short_and_points_at_docs_commands() -> None:
    section = _readme_section()
    said = " ".join(section.split())
    assert "`docs/COMMANDS.md`" in said
    for fact in ("`--max-size", "stderr", "`NO_COLOR`", "Exit codes: 0 done; 2 bad input or options",
                 "130", "143", "75"):
        assert fact in said, fact
    assert len(section) <= SECTION_AT_MOST, len(section)


def test_docs_commands_holds_a_section_for_each_command_and_the_rules_they_share() -> None:
    assert COMMANDS.startswith("# The commands in full\n")
    assert re.findall(r"^## .+$", COMMANDS, flags=re.MULTILINE) == [
        "## The command line", "## Inputs", "## `revdiff parse`", "## `revdiff diff`",
        "## `revdiff view`", "## `revdiff store`", "## `revdiff export`", "## From Python",
        "## Bad input", "## One version", "## Warnings", "## Exit codes", "## Colour",
        "## Start-up time"]
    diff = COMMANDS.partition("\n## `revdiff diff`\n")[2].partition("\n## ")[0]
    assert re.findall(r"^### .+$", diff, flags=re.MULTILINE) == [
        "### Two chosen versions: `--versions`", "### How sentences are paired", "### Labels",
        "### How well the pairing agrees with people's", "### Word changes", "### Flags",
        "### Emoji and scripts written without spaces",
        "### Unicode forms, control sequences and boring edits", "### Tables and patches"]
    codes = COMMANDS.partition("\n## Exit codes\n")[2].partition("\n## ")[0]
    assert [heading.partition(":")[0] for heading in re.findall(r"^### (.+)$", codes,
                                                                 flags=re.MULTILINE)] == [
        "0", "2", "130", "143", "75"]


def test_docs_commands_is_in_short_paragraphs() -> None:
    long = [paragraph[:40] for paragraph in _paragraphs(COMMANDS)
            if len(paragraph) > PARAGRAPH_AT_MOST]
    assert not long, f"paragraphs longer than {PARAGRAPH_AT_MOST} characters: {long}"
