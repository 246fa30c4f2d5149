"""The README says in short what `revdiff store` does, and docs/STORE.md holds its rules in
paragraphs and lists a person can read; so does SECURITY.md its guarantees."""

from __future__ import annotations

import re
from pathlib import Path

from revdiff.store.fast_import import AUTHOR

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
STORE = (ROOT / "docs" / "STORE.md").read_text(encoding="utf-8")
SECURITY = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
# The longest a paragraph of "What it reads" (its table aside) may be, and a paragraph or list
# item of docs/STORE.md or SECURITY.md, in characters (their lines are checked with every
# Markdown file's, in test_docs_lines.py).
README_PARAGRAPH_AT_MOST = 600
STORE_PARAGRAPH_AT_MOST = 500
# The longest the README's section on the store may be: what it does, the commands, a second run,
# reading it back.
STORE_SECTION_AT_MOST = 1500


def _section(text: str, heading: str) -> str:
    """The text under `heading` up to the next heading of any level."""
    return text.partition(f"\n{heading}\n")[2].partition("\n#")[0]


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of `text` and the items of its lists, each on one line."""
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(part.split()) for block in blocks for part in re.split(r"\n *- ", f"\n{block}")
            if part.strip()]


def test_what_it_reads_holds_no_long_paragraph() -> None:
    # the paragraph on `revdiff store` ran to 10,414 characters under "What it reads"
    section = README.partition("\n## What it reads\n")[2].partition("\n## ")[0]
    long = [paragraph[:40] for paragraph in _paragraphs(section)
            if not paragraph.startswith("|") and len(paragraph) > README_PARAGRAPH_AT_MOST]
    assert not long, f"paragraphs longer than {README_PARAGRAPH_AT_MOST} characters: {long}"


def test_the_readme_has_a_short_section_on_the_store_that_points_at_docs_store() -> None:
    commands = README.partition("\n## Commands\n")[2].partition("\n## ")[0]
    section = _section(commands, "### Storing versions in git")
    assert "revdiff store " in section and "revdiff parse " in section
    assert "`docs/STORE.md` (\"How revdiff store writes a repository\")" in " ".join(
        section.split())
    assert len(section) <= STORE_SECTION_AT_MOST


def test_docs_store_is_in_short_paragraphs_under_headings() -> None:
    assert STORE.startswith("# How revdiff store writes a repository\n")
    assert len(re.findall(r"^##+ ", STORE, flags=re.MULTILINE)) >= 8
    long = [paragraph[:40] for paragraph in _paragraphs(STORE)
            if len(paragraph) > STORE_PARAGRAPH_AT_MOST]
    assert not long, f"paragraphs longer than {STORE_PARAGRAPH_AT_MOST} characters: {long}"


def test_security_md_is_in_short_paragraphs() -> None:
    # items ran to 2,600 characters
    long = [paragraph[:40] for paragraph in _paragraphs(SECURITY)
            if len(paragraph) > STORE_PARAGRAPH_AT_MOST]
    assert not long, f"paragraphs longer than {STORE_PARAGRAPH_AT_MOST} characters: {long}"


def test_docs_store_names_who_authors_and_commits_the_versions() -> None:
    # `git log --format=fuller` of a store shows every commit by `revdiff <revdiff@localhost>`,
    # whatever git's user.name says, and the page named no author or committer
    dates = _section(STORE, "## Commit dates")
    assert f"`{AUTHOR}`" in dates
    assert "user.name" in dates
