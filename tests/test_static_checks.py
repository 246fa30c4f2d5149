"""ruff (its default rules, and lines of at most 110 columns: pyproject.toml) and mypy stay clean: a
finding fails the test run with their report."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run_tool(module: str, *arguments: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.fail(f"{module} is not installed: pip install -e '.[test]'")
    result = subprocess.run([sys.executable, "-m", module, *arguments], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, f"{module} {' '.join(arguments)}:\n{result.stdout}{result.stderr}"


def test_ruff_finds_nothing() -> None:
    _run_tool("ruff", "check", "--no-cache", "revdiff", "tests", "benchmarks", "samples")


def test_mypy_finds_nothing() -> None:
    _run_tool("mypy", "revdiff", "benchmarks", "samples")
