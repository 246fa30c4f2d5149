"""What a path names when it is no regular file: the readers and writers that must not open a
FIFO (it waits for a writer for ever) or a device (`/dev/zero` never ends) say which it is; and
the opener of inputs that waits for neither (`open_without_waiting`)."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import Any, BinaryIO

# Why a read of a file opened without waiting failed, where it would have waited
WAITING_READ = ("a file the system makes that has nothing to give yet: a read would wait for "
                "it, as one of /proc/kmsg waits for the next kernel message")


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


def open_without_waiting(path: str | os.PathLike[str]) -> BinaryIO:
    """`path` opened to read without ever waiting: a FIFO put where a file was does not wait for
    a writer, and a read that would wait (a file the system makes that says it is regular, as
    /proc/kmsg does, whose read waits for the next kernel message) fails with an OSError
    (`EAGAIN`, whose message is `WAITING_READ`) instead. The caller checks what it opened
    (`os.fstat`) before reading from a path that may be no regular file."""
    return io.BufferedReader(_FileNotWaiting(os.open(path, os.O_RDONLY | os.O_NONBLOCK)))


class _FileNotWaiting(io.FileIO):
    """A file opened without waiting whose read that would wait raises, where a plain one
    returns None (which a buffered read gives as the file's end)."""

    def readinto(self, buffer: Any) -> int:
        count = super().readinto(buffer)
        if count is None:
            raise OSError(errno.EAGAIN, WAITING_READ)
        return count

    def readall(self) -> bytes:
        data = super().readall()
        if data is None:
            raise OSError(errno.EAGAIN, WAITING_READ)
        return data
