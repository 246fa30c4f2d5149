"""What a path names when it is no regular file: the readers and writers that must not open a
FIFO (it waits for a writer for ever) or a device (`/dev/zero` never ends) say which it is."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def special_kind(mode: int) -> str:
    """What a file of this mode (`os.stat`'s `st_mode`) is, when it is no regular file, in the
    words an error line uses: `a FIFO`, `a socket`, `a folder` or `a device`."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a folder" if stat.S_ISDIR(mode) else "a device"


def is_dev_null(path: Path) -> bool:
    """Whether `path` is `/dev/null` (or a link to it): the way to say "empty" or "none" that a
    hook, an exclude file or a settings file may take, and no device to refuse."""
    try:
        return os.path.samefile(path, os.devnull)
    except OSError:
        return False
