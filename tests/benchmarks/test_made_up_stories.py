"""benchmarks/made_up_stories.py writes stories of versions to export, the same each time."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark


def contents(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*.txt"))}


def test_stories_of_versions_that_differ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_benchmark("made_up_stories", monkeypatch)
    folders = script.write_stories(tmp_path / "stories", 20)
    assert [folder.name for folder in folders] == [f"story-{n:05d}" for n in range(20)]
    first_versions = set()
    for folder in folders:
        versions = [(folder / f"{k}.txt").read_text(encoding="utf-8")
                    for k in range(len(list(folder.glob("*.txt"))))]
        assert 2 <= len(versions) <= 6
        assert all(old != new for old, new in pairwise(versions))
        assert all(len(version.split("\n\n")) >= 8 for version in versions)
        first_versions.add(versions[0])
    assert len(first_versions) == 20


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    script = load_benchmark("made_up_stories", monkeypatch)
    script.write_stories(tmp_path / "a", 5)
    script.write_stories(tmp_path / "b", 5)
    script.write_stories(tmp_path / "c", 5, seed=1)
    assert contents(tmp_path / "a") == contents(tmp_path / "b") != contents(tmp_path / "c")
