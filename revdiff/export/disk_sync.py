"""Putting what was written on the disk, so that a power cut does not take it back."""

from __future__ import annotations

import os
from pathlib import Path


def sync_file(path: Path) -> None:
    """Put what the file at `path` holds on the disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def sync_folder(path: Path) -> None:
    """Put the folder `path` on the disk: the names of the files made or renamed in it."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
