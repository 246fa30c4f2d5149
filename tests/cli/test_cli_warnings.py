"""The reader's warnings on stderr: one line each, naming the input; `--quiet` leaves them out."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_run import CHAIN, RENDERED_NEWSDIFFS, SEED_PAGE, revdiff

UNSURE_LINE = re.compile(r"^revdiff: warning: (?P<page>.+): (?P<unsure>\d+) of (?P<rows>\d+) rows "
                         r"unsure \(lines (?P<lines>[\d, -]+)\); `revdiff parse` shows each$")


def command_args(command: str, tmp_path: Path) -> list[str]:
    """Arguments that make each command read its inputs and succeed."""
    return {"diff": [], "view": ["--plain"], "store": ["--repo", str(tmp_path / "repo")],
            "export": ["-o", str(tmp_path / "out.csv")]}[command]


def unsure_lines_from_parse(page: Path) -> list[int]:
    parsed = revdiff("parse", str(page), "--format", "json")
    assert parsed.returncode == 0, parsed.stderr
    (reading,) = json.loads(parsed.stdout)["pages"]
    return [row["line"] for row in reading["rows"] if row["confidence"] < 0.99]


def expand_runs(text: str) -> list[int]:
    lines: list[int] = []
    for run in text.split(", "):
        first, _, last = run.partition("-")
        lines.extend(range(int(first), int(last or first) + 1))
    return lines


@pytest.mark.parametrize("command", ["diff", "view", "store", "export"])
def test_unsure_rows_of_a_page_are_one_summary_line(command: str, tmp_path: Path) -> None:
    result = revdiff(command, str(SEED_PAGE), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    summaries = [m for m in map(UNSURE_LINE.match, result.stderr.splitlines()) if m]
    assert len(summaries) == 1, result.stderr
    summary = summaries[0]
    unsure = unsure_lines_from_parse(SEED_PAGE)
    assert unsure, "seed 004 is a rewrite: the splitter stays unsure of most rows"
    assert summary["page"] == str(SEED_PAGE)
    assert int(summary["unsure"]) == len(unsure) and int(summary["rows"]) == 42
    assert expand_runs(summary["lines"]) == unsure
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["diff", "view", "store", "export"])
def test_quiet_leaves_the_warnings_out(command: str, tmp_path: Path) -> None:
    result = revdiff(command, str(SEED_PAGE), "--quiet", *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("command", ["diff", "view", "store", "export"])
def test_a_newsdiffs_warning_names_the_page(command: str, tmp_path: Path) -> None:
    result = revdiff(command, str(RENDERED_NEWSDIFFS), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 2, result.stderr  # the old and the new text are cut to [...]
    for line in warnings:
        assert line.startswith(f"revdiff: warning: {RENDERED_NEWSDIFFS}: the ")
        assert "incomplete" in line


def test_a_warning_names_its_page_among_several_inputs(tmp_path: Path) -> None:
    """Files given together are one input to `export`; a page's warning still names that page,
    not the group (`SEED_PAGE (+1 files)#1`)."""
    result = revdiff("export", str(SEED_PAGE), str(RENDERED_NEWSDIFFS), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    cut = [line for line in result.stderr.splitlines() if "incomplete" in line]
    assert len(cut) == 2, result.stderr
    assert all(line.startswith(f"revdiff: warning: {RENDERED_NEWSDIFFS}: the ") for line in cut)


def test_clean_input_prints_no_warning() -> None:
    result = revdiff("diff", str(CHAIN))
    assert result.returncode == 0 and result.stderr == ""


def test_unsure_lines_are_given_alike_in_parse_and_on_stderr() -> None:
    stderr = revdiff("diff", str(SEED_PAGE), "--format", "jsonl").stderr
    summary = revdiff("parse", str(SEED_PAGE), "--format", "text").stdout
    (warned,) = re.findall(r"rows unsure \(lines ([^)]*)\)", stderr)
    (listed,) = re.findall(r"unsure rows at lines (.*)", summary)
    (decoded,) = re.findall(r"could not be decided with certainty \(lines ([^)]*)\)", summary)
    assert "-" in warned and warned == listed == decoded
