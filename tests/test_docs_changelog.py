"""CHANGELOG.md is wrapped as the other documents are, so that a person reads it in a terminal or
a diff."""

from __future__ import annotations

from pathlib import Path

from text_columns import terminal_columns

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"
# The widest a line of CHANGELOG.md may be, in columns.
LINE_AT_MOST = 100


def test_changelog_lines_are_at_most_100_columns() -> None:
    # 20 lines ran past 100 characters, one to 174, and one of Korean past 100 columns
    text = CHANGELOG.read_text(encoding="utf-8")
    wide = [number for number, line in enumerate(text.splitlines(), 1)
            if terminal_columns(line) > LINE_AT_MOST]
    assert not wide, f"lines wider than {LINE_AT_MOST} columns: {wide}"
