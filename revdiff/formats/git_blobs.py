"""File contents of a git repository's history: one `git cat-file --batch` process
(`BlobReader`), a Git LFS pointer's content from the repository's LFS store (`lfs_content`), and
a version over the size limit read only so far as to tell it binary, else refused. What to do
about a missing object (`missing_object_hint`) is said here too, as reading the history for
renames reads contents as well.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from revdiff.errors import StoreError
from revdiff.file_kinds import open_without_waiting
from revdiff.formats.decoding import (
    SNIFF_BYTES,
    starts_as_binary_data_without_nul,
    starts_with_wide_byte_order_mark,
)
from revdiff.formats.text_input import check_size
from revdiff.safe_git import git_complaint, git_executable, reading_environment
from revdiff.size_limit import DEFAULT_MAX_BYTES

# A Git LFS pointer (spec v1): git holds it in place of the file, whose content `git lfs fetch`
# puts in the repository's LFS store (`lfs/objects/`). No pointer is longer than 1024 bytes.
_LFS_POINTER = re.compile(rb"version https://git-lfs\.github\.com/spec/v1\n"
                          rb"(?:ext-\d+-\w+ sha256:[0-9a-f]{64}\n)*"
                          rb"oid sha256:([0-9a-f]{64})\nsize (\d+)\n")
_LONGEST_LFS_POINTER = 1024
FETCH_LFS = "git lfs fetch --all fetches it into the repository"


# What to do about an object missing from a repository that is no partial clone
DAMAGED = "the repository is incomplete or damaged; check it with git fsck"


def missing_object_hint(common: Path) -> str:
    """What to do when an object the history names is missing from the repository whose git
    directory is `common`: a partial clone (`git clone --filter`, its packs marked `.promisor`)
    lacks file contents by design, and revdiff fetches nothing."""
    if any((common / "objects" / "pack").glob("*.promisor")):
        return ("the repository is a partial clone, made with git clone --filter, and revdiff "
                "fetches nothing: fetch every version's content into it first with git -c "
                "remote.origin.partialclonefilter= fetch --refetch origin, or clone it again "
                "without --filter")
    return DAMAGED


def lfs_content(data: bytes, common: Path, where: str, max_bytes: int) -> bytes | None:
    """The content a Git LFS pointer stands for, read from the repository's LFS store
    (`common` is its git directory): `data` itself when it is no pointer, None when the store
    lacks the content (or holds other bytes under its id), whatever size the pointer gives.
    Content that is there and larger than `max_bytes` is not read (`_binary_or_refused`)."""
    pointer = _LFS_POINTER.fullmatch(data) if len(data) <= _LONGEST_LFS_POINTER else None
    if pointer is None:
        return data
    object_id, size = pointer.group(1).decode("ascii"), int(pointer.group(2))
    stored = common / "lfs" / "objects" / object_id[:2] / object_id[2:4] / object_id
    try:
        # opened without waiting: `lfs` may link out of the git directory, past the check for
        # FIFOs and devices (`refuse_special_files`), to a FIFO, whose open waits for a writer
        file = open_without_waiting(stored)
    except OSError:
        return None
    with file:
        found = os.fstat(file.fileno())
        if not stat.S_ISREG(found.st_mode) or found.st_size != size:
            return None
        try:
            if size > max_bytes:
                return _binary_or_refused(file.read(SNIFF_BYTES), size, where, max_bytes)
            content = file.read(size + 1)
        except OSError:  # a file the system makes, whose read would wait (`open_without_waiting`)
            return None
    return content if hashlib.sha256(content).hexdigest() == object_id else None


class BlobReader:
    """File contents from one `git cat-file --batch` process in a sanitized clone.

    Each object's size is read from its header and checked before its content is read: of one
    larger than the limit, only the first bytes are read (`_binary_or_refused`), and a new
    process reads the next object, where the rest would have to be passed over.
    `missing_hint` says what to do when an object is missing (`missing_object_hint`).
    """

    def __init__(self, git_dir: Path, missing_hint: str = DAMAGED) -> None:
        self._git_dir = git_dir
        self._missing_hint = missing_hint
        self._start()

    def _start(self) -> None:
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the process
        self._process = subprocess.Popen(
            [git_executable(), "--git-dir", str(self._git_dir), "cat-file", "--batch"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            env=reading_environment())
        assert self._process.stdin is not None and self._process.stdout is not None
        self._stdin: IO[bytes] = self._process.stdin
        self._stdout: IO[bytes] = self._process.stdout

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._process.kill()
        self._process.wait()
        self._stdin.close()
        self._stdout.close()
        self._stderr.close()

    def read(self, object_id: str, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
        """The content of the blob `object_id`; StoreError when it is missing or damaged. Of a
        blob larger than `max_bytes`, its first bytes when they tell it binary, else
        InputTooLarge (`_binary_or_refused`)."""
        try:
            self._stdin.write(object_id.encode("ascii") + b"\n")
            self._stdin.flush()
        except BrokenPipeError:
            pass  # the process has died: the empty header below says so
        header = self._stdout.readline().split()
        if len(header) == 2 and header[1] == b"missing" and self._said():
            # git reports an object it cannot inflate as missing, after complaining.
            raise StoreError(f"stored version {object_id} cannot be read", where,
                             hint=f"git said: {self._complaint()}; check it with git fsck")
        if len(header) == 2 and header[1] == b"missing":
            raise StoreError(f"stored version {object_id} is missing from the repository", where,
                             hint=self._missing_hint)
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
            raise StoreError(f"stored version {object_id} cannot be read", where,
                             hint=f"git said: {self._complaint()}; check it with git fsck")
        size = int(header[2])
        if size > max_bytes:
            head = self._stdout.read(min(size, SNIFF_BYTES))
            # the rest is never read: git would pour all of it through the pipe (a gigabyte took
            # half a minute), so the process is ended and the next object read by a new one
            self.close()
            self._start()
            return _binary_or_refused(head, size, where, max_bytes)
        data = self._stdout.read(size + 1)
        if len(data) != size + 1:
            raise StoreError(f"stored version {object_id} is cut short", where,
                             hint=f"git said: {self._complaint()}; check it with git fsck")
        return data[:-1]

    def _said(self) -> bool:
        return os.fstat(self._stderr.fileno()).st_size > 0

    def _complaint(self) -> str:
        self._process.kill()
        self._process.wait()
        self._stderr.seek(0)
        return git_complaint(self._stderr.read())


def _binary_or_refused(head: bytes, size: int, where: str, max_bytes: int) -> bytes:
    """The first bytes `head` of a version of `size` bytes, over the limit `max_bytes`, when
    they tell it binary (a NUL byte among its first SNIFF_BYTES, as a plain file's are told, but
    for text that a UTF-16 or UTF-32 byte-order mark begins, or bytes no text holds, as
    `decode_version_bytes` tells them): enough for it to be left out as binary content is, since
    a picture or an archive kept beside the articles is no version at any size. Else
    InputTooLarge, as for any input."""
    if (starts_with_wide_byte_order_mark(head)
            or (b"\0" not in head and not starts_as_binary_data_without_nul(head))):
        check_size(size, where, max_bytes)
    return head
