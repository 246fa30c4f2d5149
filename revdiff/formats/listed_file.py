"""A file of a folder's listing, opened: still one inside the folder.

Whether an entry links out of its folder is looked at when the folder is listed
(`folders.folder_entries`), and the file is opened later, following links: someone who may write
into the folder could put a link to the reader's file (`1.txt -> ~/.ssh/id_rsa`) in the entry's
place in between, and someone who may write into the folder above it, a link in the folder's own
place (`corpus/b -> ~/private`, after `export corpus/` walked it). What was opened is checked
before it is read against the folder's real path as it was listed, never looked up again; a
database, which SQLite opens by its path again, is checked again once SQLite has it open
(`refuse_reopened_elsewhere`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from revdiff.errors import EmptyInput
from revdiff.formats.text_input import resolved


def refuse_opened_outside(handle: BinaryIO, path: Path, listed_folder: Path, name: str) -> None:
    """Refuse the file `handle` opened at `path`, an entry of the folder whose real path was
    `listed_folder` when it was listed, unless it is the file that `path` leads to now and that
    lies in `listed_folder`: the same device and inode (`os.fstat`), so that one opened through a
    link out, put in the entry's place and taken away again, is refused too. `listed_folder` is
    not looked up again: the folder itself, or one above it, swapped for a link out after the
    listing leads `path` out of it."""
    opened = os.fstat(handle.fileno())
    target = resolved(path)
    try:
        now = os.stat(target)
    except OSError:
        now = None
    if (now is not None and (now.st_dev, now.st_ino) == (opened.st_dev, opened.st_ino)
            and target.is_relative_to(listed_folder)):
        return
    raise EmptyInput("cannot read the file: what was opened lies out of its folder (a symbolic "
                     "link put in the place of the file or of a folder holding it after the "
                     "folder was listed), not read, for safety", name,
                     hint="check who else may write into the folder, and give it again")


def refuse_reopened_elsewhere(checked: int, name: str) -> None:
    """Refuse the database `name` unless a file descriptor other than `checked` (the one its
    checks read) is open on the file `checked` is: SQLite's, which opened it by its path again,
    so that a link put in its place in between, to a reader's own database, is not read. Where
    the system lists no descriptors (`/dev/fd`), nothing is checked."""
    opened = os.fstat(checked)
    try:
        descriptors = [int(entry) for entry in os.listdir("/dev/fd")]
    except OSError:
        return
    for descriptor in descriptors:
        if descriptor == checked:
            continue
        try:
            found = os.fstat(descriptor)
        except OSError:  # the listing's own, closed since
            continue
        if (found.st_dev, found.st_ino) == (opened.st_dev, opened.st_ino):
            return
    raise EmptyInput("cannot read the database: what SQLite opened is not the file checked (a "
                     "symbolic link put in its place after it was opened), not read, for safety",
                     name, hint="check who else may write into its folder, and give it again")
