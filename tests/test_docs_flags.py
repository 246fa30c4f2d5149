"""The table of flags of docs/COMMANDS.md (once the README's) says in a sentence what each flag
means, and docs/FLAGS.md holds each flag's whole rule under a heading of its own."""

from __future__ import annotations

import re
from pathlib import Path

from revdiff.model import Flag

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = (ROOT / "docs" / "COMMANDS.md").read_text(encoding="utf-8")
FLAGS = (ROOT / "docs" / "FLAGS.md").read_text(encoding="utf-8")
# The longest a description in the table of flags may be: one sentence.
CELL_AT_MOST = 200


def _table_rows() -> dict[str, str]:
    """Each flag of docs/COMMANDS.md's table of flags, with its description."""
    table = COMMANDS.partition("| flag | the edit's old and new text |\n|---|---|\n")[2]
    return dict(re.findall(r"^\| `(\w+)` \| (.*) \|$", table.partition("\n\n")[0],
                           flags=re.MULTILINE))


def test_the_table_of_flags_names_each_flag_in_a_sentence() -> None:
    # its `attribution_changed` and `number_changed` cells ran to 21,442 and 14,836 characters
    rows = _table_rows()
    assert set(rows) == {flag.value for flag in Flag}
    long = {flag: len(text) for flag, text in rows.items() if len(text) > CELL_AT_MOST}
    assert not long, f"descriptions longer than {CELL_AT_MOST} characters: {long}"
    assert "`docs/FLAGS.md`" in README and "`docs/FLAGS.md`" in COMMANDS


def test_docs_flags_holds_each_flag_under_its_own_heading_in_the_table_s_order() -> None:
    headings = re.findall(r"^## `(\w+)`$", FLAGS, flags=re.MULTILINE)
    assert headings == list(_table_rows())
    # the whole rule, not a sentence: the longest two hold thousands of characters each
    sections = re.split(r"^## ", FLAGS, flags=re.MULTILINE)[1:]
    lengths = {section.partition("\n")[0]: len(section) for section in sections}
    assert lengths["`number_changed`"] > 10_000 and lengths["`attribution_changed`"] > 10_000
