"""Writing a file whole or not at all: through a temporary file beside it and a rename, keeping
the permissions of the file it replaces."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path

from revdiff.errors import folder_taking_no_files, os_reason
from revdiff.export.name_room import room_lacking
from revdiff.export.output_guard import OutputProblem, is_read_only


def keep_permissions(source: Path, target: Path) -> None:
    """Give a finished file the permissions of the file it replaces (`chmod 600 edits.csv`
    stays private), where it was made with the default ones."""
    try:
        replaced = target.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(replaced.st_mode) and source.is_file() and not source.is_symlink():
        os.chmod(source, stat.S_IMODE(replaced.st_mode) & 0o777)


def _temporary_path(path: Path) -> Path:
    """Where `write_text_atomically` writes first: a new file under a name no one can guess (a
    link planted at a known name would be followed)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")


def check_room_for_temporary(path: Path) -> None:
    """Refuse a name that leaves the file system no room for the temporary file
    `write_text_atomically` writes beside it (`.<NAME>.<16 hex digits>.tmp`), before writing."""
    lacking = room_lacking(path, [_temporary_path(path)])
    if lacking:
        longest, longer_by = lacking
        raise OutputProblem(f"the name is too long: this file system takes names of up to "
                            f"{longest} bytes, and revdiff writes through a temporary file beside "
                            f"it named {longer_by} bytes longer, so a name may have "
                            f"{longest - longer_by} bytes at most", str(path))


def write_text_atomically(path: Path, text: str) -> None:
    """Write `path` through a temporary file beside it and a rename: old or new, never half, with
    the permissions of the file it replaces. A read-only file is not replaced
    (`PermissionError`), as a write to it would fail."""
    if path.is_file() and is_read_only(path.stat().st_mode):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_path(path)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:  # told as the folder's, which the user can act on
        raise _cannot_create_in(path.parent, error) from error
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        keep_permissions(temporary, path)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _cannot_create_in(folder: Path, error: OSError) -> OSError:
    """The error of a file that could not be created in `folder`, naming the folder, not the
    temporary file's name; where the folder takes no new files at all (a view the system gives,
    `/proc`, `/sys`), told as `export -o` tells it (`folder_taking_no_files`)."""
    refused = folder_taking_no_files(folder, error)
    said = f", which {refused}" if refused else f" ({os_reason(error)})"
    return OSError(error.errno, f"cannot create a file in {folder}{said}", str(folder))
