"""Fixtures for the export tests: the samples, a generated corpus, the shared Wikipedia chains."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from export_corpus import make_corpus

from revdiff.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "versions"
SHARED = ROOT.parent / "shared"
WIKIPEDIA = SHARED / "corpus" / "wikipedia"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 generated articles, 2 to 5 versions each."""
    return make_corpus(tmp_path_factory.mktemp("generated") / "corpus", 12)


@pytest.fixture(scope="session")
def wikipedia_subset() -> list[str]:
    """A dozen Wikipedia chains from ../shared (skipped when the shared folder is absent)."""
    if not WIKIPEDIA.is_dir():
        pytest.skip(f"shared corpus not found at {WIKIPEDIA} (it lives beside the checkout)")
    folders = sorted(p for p in WIKIPEDIA.iterdir() if p.is_dir())
    return [str(p) for p in folders[::25]]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    def run(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run
