"""Every Markdown file of the project is wrapped at 100 columns, so that a person reads it in a
terminal or a diff. A table's rows and fenced code (a command's output as it prints it) may be
wider, and so may a line that is one word (a URL, a path) or one code span (a test's path, a
command to copy, which a line break would make two commands when pasted) after its indent or list
marker."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from text_columns import terminal_columns

ROOT = Path(__file__).resolve().parents[1]
# The widest a line of a Markdown file may be, in columns.
LINE_AT_MOST = 100
# The folders that hold Markdown files besides the top of the project; not the build, cache or
# output folders a run leaves in a checkout.
MARKDOWN_FOLDERS = ("docs", "samples", "benchmarks")
FENCE = re.compile(r"\s*(`{3,}|~{3,})")
ONE_WORD_OR_CODE_SPAN = re.compile(r"\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:[^\s`]+|`[^`]+`)[.,;:]?")


def markdown_files() -> list[Path]:
    """The Markdown files at the top of the project and under its folders of documents."""
    files = sorted(ROOT.glob("*.md"))
    for folder in MARKDOWN_FOLDERS:
        files += sorted((ROOT / folder).rglob("*.md"))
    return files


def wide_lines(text: str) -> list[int]:
    """The numbers of the lines of the Markdown `text` wider than LINE_AT_MOST columns, but for
    a table's rows, fenced code and a line of one word or code span."""
    wide = []
    fence = ""
    for number, line in enumerate(text.splitlines(), 1):
        marker = FENCE.match(line)
        if fence:
            # a fence closes on a line of its character, at least as many, and nothing else
            if (marker and marker[1][0] == fence[0] and len(marker[1]) >= len(fence)
                    and not line[marker.end():].strip()):
                fence = ""
        elif marker:
            fence = marker[1]
        elif (terminal_columns(line) > LINE_AT_MOST and not line.lstrip().startswith("|")
              and not ONE_WORD_OR_CODE_SPAN.fullmatch(line)):
            wide.append(number)
    return wide


def path_in_project(document: Path) -> str:
    """The document's path from the top of the project, where it is in it."""
    return str(document.relative_to(ROOT) if document.is_relative_to(ROOT) else document)


def test_the_project_has_its_markdown_files_to_check() -> None:
    named = {path_in_project(document) for document in markdown_files()}
    assert {"README.md", "CHANGELOG.md", "SECURITY.md", "docs/EXPORT.md", "docs/INPUTS.md",
            "docs/SPLITTER.md", "docs/STORE.md", "docs/FLAGS.md", "docs/TUI.md",
            "samples/README.md"} <= named


@pytest.mark.parametrize("document", markdown_files(), ids=path_in_project)
def test_a_markdown_file_has_no_line_wider_than_100_columns(document: Path) -> None:
    # Only CHANGELOG.md (20 lines to 174 characters, one of Korean past 100 columns), docs/INPUTS.md
    # (a line of 154 columns) and SECURITY.md (lines to 152 columns) were checked, each by a check
    # of its own; README.md had 23 lines of prose wider, to 167 columns, docs/EXPORT.md 12,
    # samples/README.md 5 and docs/SPLITTER.md 3.
    wide = wide_lines(document.read_text(encoding="utf-8"))
    where = ", ".join(f"{path_in_project(document)}:{number}" for number in wide)
    assert not wide, f"lines wider than {LINE_AT_MOST} columns (wrap them): {where}"


WIDE_PROSE = "Storm hits coast " * 6 + "and more"
WIDE_CODE = "`" + "revdiff diff samples/versions/story/0.txt " * 3 + "`"


@pytest.mark.parametrize("text", [
    f"| a | {WIDE_PROSE} |",
    f"```\n{WIDE_PROSE}\n```",
    f"  ~~~~ text\n  {WIDE_PROSE}\n  ~~~\n  {WIDE_PROSE}\n  ~~~~",
    "https://example.org/" + "story/" * 20,
    f"  {WIDE_CODE}:",
    f"- {WIDE_CODE}.",
], ids=["table row", "fenced code", "longer fence", "URL", "code span", "list item code span"])
def test_a_table_fenced_code_or_one_word_or_code_span_may_be_wider(text: str) -> None:
    assert max(map(terminal_columns, text.splitlines())) > LINE_AT_MOST
    assert wide_lines(text) == []


@pytest.mark.parametrize(("text", "wide"), [
    (WIDE_PROSE, [1]),
    (f"```\ncode\n```\n{WIDE_PROSE}", [4]),
    (f"Run {WIDE_CODE}", [1]),
    (f"{WIDE_CODE} and {WIDE_CODE}", [1]),
    (f"- see https://example.org/{'story/' * 20}", [1]),
], ids=["prose", "prose after a fence", "words before a code span", "two code spans",
        "words before a URL"])
def test_any_other_line_wider_than_100_columns_is_named(text: str, wide: list[int]) -> None:
    assert wide_lines(text) == wide
