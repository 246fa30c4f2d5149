"""Whether the names revdiff makes beside a file fit the file system that holds it."""

from __future__ import annotations

import os
from pathlib import Path


def room_lacking(path: Path, beside: list[Path]) -> tuple[int, int] | None:
    """When the longest name of `beside` (files revdiff makes beside `path`) is longer than the
    file system takes: the longest name it takes and how many bytes longer than `path`'s name
    that one is. None when they fit, or the folder is missing (which is told elsewhere)."""
    try:
        longest = os.pathconf(path.parent, "PC_NAME_MAX")
    except OSError:
        return None
    longer_by = max(len(os.fsencode(other.name)) for other in beside) - len(
        os.fsencode(path.name))
    return (longest, longer_by) if len(os.fsencode(path.name)) + longer_by > longest else None
