"""The Markdown files' line check counts a line in the columns a terminal gives it
(`text_columns`): counted in characters, a line of Chinese twice as wide as the limit passed the
checks docs/INPUTS.md and SECURITY.md had of their own, and a line of accents written as combining
marks, within the limit, failed those and CHANGELOG.md's."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_docs_lines
from text_columns import terminal_columns

# 61 characters, 122 columns; a space in it, as a line of one word (a test's path) may run wider.
TOO_WIDE = "政府" * 15 + " " + "政府" * 15
# 199 characters, 100 columns: each accent a combining mark after its `e`.
AS_WIDE_AS_ALLOWED = "e\u0301" * 49 + " " + "e\u0301" * 50
DOCUMENTS = [pytest.param(document, id=test_docs_lines.path_in_project(document))
             for document in test_docs_lines.markdown_files()]


def _with_line_added(document: Path, line: str, folder: Path) -> Path:
    """A copy of `document` in `folder` with `line` at its end."""
    copy = folder / document.name
    copy.write_text(f"{document.read_text(encoding='utf-8')}\n{line}\n", encoding="utf-8")
    return copy


@pytest.mark.parametrize(("line", "columns"), [
    ("Storm hits coast", 16), ("政府", 4), ("민주", 4), ("ＡＢ", 4), ("\u3000", 2),
    ("e\u0301", 1), ("a\u200bb", 2), ("\u200d\ufeff", 0), ("प्रधानमंत्री", 9), ("co\u00adop", 5),
])
def test_terminal_columns_counts_wide_characters_two_and_marks_none(line: str,
                                                                    columns: int) -> None:
    assert terminal_columns(line) == columns


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_documents_line_check_refuses_a_line_wider_than_100_columns(document: Path,
                                                                     tmp_path: Path) -> None:
    assert len(TOO_WIDE) <= 100 < terminal_columns(TOO_WIDE)
    with pytest.raises(AssertionError, match="wider than 100 columns"):
        test_docs_lines.test_a_markdown_file_has_no_line_wider_than_100_columns(
            _with_line_added(document, TOO_WIDE, tmp_path))


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_documents_line_check_passes_a_line_of_100_columns_in_more_characters(
        document: Path, tmp_path: Path) -> None:
    assert terminal_columns(AS_WIDE_AS_ALLOWED) == 100 < len(AS_WIDE_AS_ALLOWED)
    test_docs_lines.test_a_markdown_file_has_no_line_wider_than_100_columns(
        _with_line_added(document, AS_WIDE_AS_ALLOWED, tmp_path))
