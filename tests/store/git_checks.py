"""Checks of a store's git repository shared by the store's tests: its commits and its health."""

from __future__ import annotations

import subprocess
from pathlib import Path


def commit_count(repo_dir: Path) -> int:
    out = subprocess.run(["git", "-C", str(repo_dir), "rev-list", "--count", "HEAD"],
                         capture_output=True, text=True, check=True)
    return int(out.stdout)


def fsck(repo_dir: Path) -> None:
    result = subprocess.run(["git", "-C", str(repo_dir), "fsck", "--full", "--strict"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
