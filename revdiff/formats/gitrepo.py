"""Git repositories of versions: every commit that touches a file is a version of that file."""

from __future__ import annotations

from pathlib import Path

from revdiff.model import Article


def is_repository(path: Path) -> bool:
    return (path / ".git").exists() or ((path / "HEAD").is_file() and (path / "objects").is_dir())


def read_repository(path: Path) -> list[Article]:
    raise NotImplementedError
