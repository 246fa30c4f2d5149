"""The README's table of inputs is one a person can scan, and docs/INPUTS.md holds the rules of
each of its rows, saved pages' among them, of which the README says only what they are."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
INPUTS = ROOT / "docs" / "INPUTS.md"
# The longest a cell of the table may be: a name, a sample, a sentence on how exact.
CELL_AT_MOST = 160


def _table_rows() -> list[list[str]]:
    """The cells of each row of the table under `## What it reads`, its header left out."""
    section = README.partition("\n## What it reads\n")[2].partition("\n## ")[0]
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in lines[1:]]


def _bare(name: str) -> str:
    """An input's name in lower case, its remarks in brackets left out."""
    while (shorter := re.sub(r" ?\([^()]*\)", "", name)) != name:
        name = shorter
    return " ".join(name.split()).lower()


def test_the_readme_table_of_inputs_has_short_cells() -> None:
    # its cells ran to thousands of characters (the plain versions' to 8,780): a new user could
    # not read it
    rows = _table_rows()
    assert len(rows) >= 10
    long = [(row[0][:40], len(cell)) for row in rows for cell in row if len(cell) > CELL_AT_MOST]
    assert not long, f"cells longer than {CELL_AT_MOST} characters: {long}"


def test_docs_inputs_has_a_section_for_each_row_of_the_table() -> None:
    assert "`docs/INPUTS.md`" in README
    sections = re.split(r"^## ", INPUTS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    for name, sample, _ in _table_rows():
        # a section headed by the input's name, or its start, that names its sample
        holding = [section for section in sections
                   if _bare(name).startswith(_bare(section.partition("\n")[0]))
                   and f"Sample: {sample}" in " ".join(section.split())]
        assert len(holding) == 1, f"docs/INPUTS.md has no one section for {name!r}"


# The longest a paragraph or list item of docs/INPUTS.md may be, in characters, as docs/STORE.md
# keeps them: a person reads the rules in a terminal or a diff (its lines are checked with every
# Markdown file's, in test_docs_lines.py).
INPUTS_PARAGRAPH_AT_MOST = 500


def test_docs_inputs_is_in_short_paragraphs() -> None:
    # the rules of a renamed git file ran to one paragraph of 760 characters
    text = INPUTS.read_text(encoding="utf-8")
    blocks = re.split(r"\n\s*\n", text)
    items = [" ".join(part.split()) for block in blocks
             for part in re.split(r"\n *- ", f"\n{block}") if part.strip()]
    long = [item[:40] for item in items if len(item) > INPUTS_PARAGRAPH_AT_MOST]
    assert not long, f"paragraphs longer than {INPUTS_PARAGRAPH_AT_MOST} characters: {long}"


# The longest the README's section on saved pages may be: what they are, how to give them and
# where their rules are.
SAVED_PAGES_SECTION_AT_MOST = 500


def test_the_readme_section_on_saved_pages_is_short_and_points_at_docs_inputs() -> None:
    # it ran to about 150 lines of rules (12,460 characters in one paragraph) and a benchmark
    section = README.partition("\n## Saved pages: how they are read\n")[2].partition("\n#")[0]
    said = " ".join(section.split())
    assert '`docs/INPUTS.md`, "A folder of saved publisher pages"' in said
    assert "`revdiff diff a.html b.html`" in said
    assert len(section) <= SAVED_PAGES_SECTION_AT_MOST


def test_docs_inputs_holds_the_rules_of_saved_pages() -> None:
    text = INPUTS.read_text(encoding="utf-8")
    section = text.partition("\n## A folder of saved publisher pages\n")[2].partition("\n## ")[0]
    assert re.findall(r"^### .+$", section, flags=re.MULTILINE) == [
        "### Pages given as files", "### Pages, their URLs and other files", "### Times of pages",
        "### Order of pages", "### Text of a page", "### Pages left out or warned",
        "### A folder of several articles", "### How well the text is extracted"]
    assert "| revdiff's reader |" in section
