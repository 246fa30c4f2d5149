from __future__ import annotations

from pathlib import Path

import pytest

from revdiff.model import Version

REPO = Path(__file__).resolve().parents[2]
SHARED = (Path(__file__).parents[2] / ".." / "shared").resolve()
SAMPLES = REPO / "samples"


def version(*paragraphs: str, number: int = 1, title: str = "t") -> Version:
    return Version(number=number, title=title, paragraphs=tuple(paragraphs))


class CountingText(str):
    """A text that counts the characters its slices copy (`CountingText.copied`): a reader that
    slices a long text once per mark in it copies its length squared."""
    copied = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        piece = super().__getitem__(key)
        CountingText.copied += len(piece)
        return piece


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent (seeds and corpus live outside the repo)")
    return SHARED
