"""A file of a folder's listing, opened: still one inside the folder.

Whether an entry links out of its folder is looked at when the folder is listed
(`folders.folder_entries`), and the file is opened later, following links: someone who may write
into the folder could put a link to the reader's file (`1.txt -> ~/.ssh/id_rsa`) in the entry's
place in between. What was opened is checked before it is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from revdiff.errors import EmptyInput
from revdiff.formats.text_input import resolved


def refuse_opened_outside(handle: BinaryIO, path: Path, folder: Path, name: str) -> None:
    """Refuse the file `handle` opened at `path`, an entry of `folder`, unless it is the file
    that `path` leads to inside `folder` now: the same device and inode (`os.fstat`), so that one
    opened through a link out, put in the entry's place and taken away again, is refused too."""
    opened = os.fstat(handle.fileno())
    target = resolved(path)
    try:
        now = os.stat(target)
    except OSError:
        now = None
    if (now is not None and (now.st_dev, now.st_ino) == (opened.st_dev, opened.st_ino)
            and target.is_relative_to(resolved(folder))):
        return
    raise EmptyInput("cannot read the file: what was opened lies out of its folder (a symbolic "
                     "link put in the file's place after the folder was listed), not read, for "
                     "safety", name,
                     hint="check who else may write into the folder, and give it again")
