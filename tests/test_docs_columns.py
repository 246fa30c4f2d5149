"""The documents' line checks count a line in the columns a terminal gives it (`text_columns`),
each the same way: in characters, a line of Chinese twice as wide as the limit passed the
checks of docs/INPUTS.md and SECURITY.md, and a line of accents written as combining marks,
within the limit, failed all three."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import test_docs_changelog
import test_docs_inputs
import test_docs_store
from text_columns import terminal_columns

# 61 characters, 122 columns; a space in it, as SECURITY.md lets a line of one word (a test's
# path) run wider.
TOO_WIDE = "政府" * 15 + " " + "政府" * 15
# 199 characters, 100 columns: each accent a combining mark after its `e`.
AS_WIDE_AS_ALLOWED = "e\u0301" * 49 + " " + "e\u0301" * 50

# A document's line check, given a line added at the end of the document it reads.
Check = Callable[[str, Path, pytest.MonkeyPatch], Callable[[], None]]


def _with_line_added(module: ModuleType, name: str, line: str, folder: Path,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the test module's document `name` (a path) at a copy in `folder` with `line` at its
    end."""
    document: Path = getattr(module, name)
    copy = folder / document.name
    copy.write_text(f"{document.read_text(encoding='utf-8')}\n{line}\n", encoding="utf-8")
    monkeypatch.setattr(module, name, copy)


def changelog_check(line: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    _with_line_added(test_docs_changelog, "CHANGELOG", line, folder, monkeypatch)
    return test_docs_changelog.test_changelog_lines_are_at_most_100_columns


def inputs_check(line: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    _with_line_added(test_docs_inputs, "INPUTS", line, folder, monkeypatch)
    return test_docs_inputs.test_docs_inputs_is_wrapped_and_in_short_paragraphs


def security_check(line: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    monkeypatch.setattr(test_docs_store, "SECURITY", f"{test_docs_store.SECURITY}\n{line}\n")
    return test_docs_store.test_security_md_is_in_short_paragraphs_of_lines_of_100_columns


CHECKS = [pytest.param(changelog_check, id="CHANGELOG.md"), pytest.param(inputs_check, id="INPUTS.md"),
          pytest.param(security_check, id="SECURITY.md")]


@pytest.mark.parametrize(("line", "columns"), [
    ("Storm hits coast", 16), ("政府", 4), ("민주", 4), ("ＡＢ", 4), ("\u3000", 2),
    ("e\u0301", 1), ("a\u200bb", 2), ("\u200d\ufeff", 0), ("प्रधानमंत्री", 9), ("co\u00adop", 5),
])
def test_terminal_columns_counts_wide_characters_two_and_marks_none(line: str,
                                                                    columns: int) -> None:
    assert terminal_columns(line) == columns


@pytest.mark.parametrize("check", CHECKS)
def test_a_documents_line_check_refuses_a_line_wider_than_100_columns(
        check: Check, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(TOO_WIDE) <= 100 < terminal_columns(TOO_WIDE)
    with pytest.raises(AssertionError, match="wider than 100 columns"):
        check(TOO_WIDE, tmp_path, monkeypatch)()


@pytest.mark.parametrize("check", CHECKS)
def test_a_documents_line_check_passes_a_line_of_100_columns_in_more_characters(
        check: Check, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert terminal_columns(AS_WIDE_AS_ALLOWED) == 100 < len(AS_WIDE_AS_ALLOWED)
    check(AS_WIDE_AS_ALLOWED, tmp_path, monkeypatch)()
