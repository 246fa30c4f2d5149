"""NewsEdits SQLite files: `entryversion` rows grouped by entry."""

from __future__ import annotations

from pathlib import Path

from revdiff.model import Article


def read_database(path: Path) -> list[Article]:
    raise NotImplementedError
