"""What an export may replace, and the lock that keeps two exports off the same output.

An export only ever replaces regular files (or, for HTML, fills a real folder) that the user named
with `-o`, and none that is read-only; the tables it writes beside that name
(`NAME.comparisons.csv`, or `edits.jsonl` in `-o DIR/`) replace only an empty file or one of
revdiff's tables. It refuses a device node, FIFO or socket (replacing `/dev/null` with a file
would break the system), a symbolic link where the HTML report's folder should be (it would write
into the folder the link points at), and any output that is one of its own inputs or would replace
a file inside an input folder (it would overwrite what it reads), and a SQLite database beside
a journal of the old one (`-wal`, `-journal`), which SQLite would read with the new one. A
folder it may not write into is refused before the run, not once every article is compared.

`OutputLock` holds an exclusive lock on `.<OUT name>.revdiff-lock` beside the output for the whole
run, so a second export to the same output stops with one line instead of deleting the first
one's staging folder. The lock file says it is revdiff's: a file of that name that does not (the
user's) is refused, never locked and removed.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Self

from revdiff.errors import RevdiffError, folder_taking_no_files, os_reason
from revdiff.export.records import COMPARISON_COLUMN_NAMES, EDIT_COLUMN_NAMES
from revdiff.file_kinds import special_kind
from revdiff.formats.text_input import resolved


class OutputProblem(RevdiffError):
    """The output location cannot or must not be written."""


class OutputBusy(OutputProblem):
    """Another export is writing the same output."""


def lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.revdiff-lock"


def check_targets(targets: Iterable[Path], inputs: Iterable[str], *, folder: bool) -> None:
    """Refuse outputs that are not plain files (or, with `folder`, a real folder), that are inputs
    of the run, that would replace something inside an input folder, or that would be new files
    or folders in an input folder, which the next run would meet (`_what_would_become_of_it`; a
    git repository's work tree, whose commits are read, may take one)."""
    sources = [resolved(Path(name)) for name in inputs if name != "-"]
    for target in targets:
        _check_kind(target, folder=folder)
        real = resolved(target)
        for source in sources:
            if real == source or (source in real.parents and os.path.lexists(target)):
                raise OutputProblem("the output would overwrite one of the export's inputs",
                                    str(target), hint="choose an -o path outside the inputs")
            if goes_among_input_files(real, source):
                raise OutputProblem(f"the output {_what_would_become_of_it(source, folder)}",
                                    str(target), hint="choose an -o path outside the inputs")


def _what_would_become_of_it(source: Path, folder: bool) -> str:
    """What the next read of the input folder `source` would make of an output put in it: a
    report's folder an article's folder to export, a file one of its versions, or, beside
    article folders (a corpus), a file the export leaves out with a warning."""
    from revdiff.formats.folders import folder_entries  # the readers load only for this refusal

    if folder:
        return "would go in an input folder, whose next export would read it as an article's folder"
    if any(entry.is_dir() for entry in folder_entries(source)):
        return ("would go beside the article folders of an input folder, where the next export "
                "of it would leave it out with a warning")
    return ("would go among the version files of an input folder, which the next read of it "
            "would take for a version")


def check_writable(targets: Iterable[Path], *, folder: bool) -> None:
    """Refuse, before any article is compared, an existing folder the outputs go in that revdiff
    may not write: the finished files are put there only at the end of the run. With `folder`,
    an existing report folder too, which is replaced by renaming it (moving a folder needs
    leave to write it)."""
    for target in targets:
        places = [target.parent, target] if folder else [target.parent]
        for place in places:
            if place.is_dir() and not os.access(place, os.W_OK | os.X_OK):
                if _on_a_read_only_file_system(place):  # (its permissions may well allow it)
                    raise _read_only_folder_refused(place)
                raise OutputProblem("cannot write into the output's folder", str(place),
                                    hint="check its permissions, or choose another -o path")


def _read_only_folder_refused(place: Path) -> OutputProblem:
    """The line for the output's folder `place`, on a file system mounted read-only."""
    return OutputProblem("cannot write into the output's folder: it is on a read-only file "
                         "system", str(place), hint="choose an -o path on a writable file system")


def _on_a_read_only_file_system(place: Path) -> bool:
    """Whether `place` is on a file system mounted read-only (EROFS for any write there)."""
    try:
        return bool(os.statvfs(place).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def goes_among_input_files(real: Path, source: Path) -> bool:
    """Whether a new file or folder at `real` would lie among the files of the input folder
    `source` (both resolved), where the next run that reads the folder would meet it; a git
    repository's work tree, whose commits are read, may take one."""
    return real.parent == source and not _is_repository(source)


def _is_repository(folder: Path) -> bool:
    from revdiff.formats import (
        gitrepo,  # GitPython loads only for an output among the inputs
    )

    return gitrepo.is_repository(folder)


def check_companions(targets: Iterable[Path], named: Path) -> None:
    """Refuse to replace a file the user did not name with -o (the comparisons table beside
    `-o NAME.csv`, the tables in `-o DIR/`) unless it is empty or a table revdiff wrote."""
    for target in targets:
        if target != named and target.is_file() and not _is_revdiff_table(target):
            raise OutputProblem("the export would replace this file, which -o does not name and "
                                "revdiff did not write", str(target),
                                hint="move it away, or choose another -o path")


# The files SQLite keeps beside a database, which it reads with whatever database has that name.
_SQLITE_JOURNALS = ("-wal", "-journal")


def check_sqlite_journals(out: Path) -> None:
    """Refuse a SQLite database to replace while a journal of the old one lies beside it: SQLite
    would read that journal with the new database, which would show the old one's pages."""
    for suffix in _SQLITE_JOURNALS:
        journal = out.with_name(out.name + suffix)
        if journal.is_file() and journal.stat().st_size > 0:
            raise OutputProblem("a journal of the database this export replaces lies beside it, "
                                "and SQLite would read it with the new database", str(journal),
                                hint="close the program that has the old database open, or "
                                     "remove that file, or choose another -o path")


# The columns of revdiff's tables, as a CSV header or a JSONL record's keys give them.
_TABLES = (EDIT_COLUMN_NAMES, COMPARISON_COLUMN_NAMES)
# A first line (a header, a record) longer than this is no table of ours.
_MAX_FIRST_LINE = 1 << 20


def _is_revdiff_table(path: Path) -> bool:
    """Whether the file is empty, or a table of revdiff's: a CSV file with its header, a JSONL
    file whose first record has its columns, a Parquet file whose schema has them."""
    with open(path, "rb") as handle:
        head = handle.read(4)
        if not head:
            return True
        handle.seek(0)
        if head.startswith(b"PAR1"):
            return _is_revdiff_parquet(handle)
        return _is_revdiff_first_line(handle.readline(_MAX_FIRST_LINE))


def _is_revdiff_parquet(handle: BinaryIO) -> bool:
    """Whether the Parquet file's schema has the columns of a table of revdiff's; without
    pyarrow to read it, or a schema it cannot read, the file is taken for someone else's."""
    try:
        import pyarrow
        import pyarrow.parquet as pq
    except ImportError:
        return False
    try:
        names = pq.read_schema(handle).names
    # any error of pyarrow's (ArrowInvalid is a ValueError; ArrowNotImplementedError, for a type
    # it does not implement, is neither that nor an OSError), or of the file
    except (OSError, ValueError, pyarrow.ArrowException):
        return False
    return tuple(names) in _TABLES


def _is_revdiff_first_line(line: bytes) -> bool:
    text = line.decode("utf-8", "replace").rstrip("\r\n")
    if tuple(text.split(",")) in _TABLES:
        return True
    try:
        record = json.loads(text)
    except (ValueError, RecursionError):  # no JSON, or nested deeper than Python recurses
        return False
    return isinstance(record, dict) and tuple(record) in _TABLES


def _check_kind(target: Path, *, folder: bool) -> None:
    try:
        link = os.lstat(target)
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise OutputProblem("the output's path runs through a file, as if it were a folder",
                            str(target), hint="choose another -o path") from None
    except OSError as error:  # a loop of symbolic links on the way (ELOOP), no access
        raise OutputProblem(f"cannot reach the output ({os_reason(error)})", str(target),
                            hint="choose another -o path") from None
    if folder and stat.S_ISLNK(link.st_mode):
        raise OutputProblem("the report folder is a symbolic link; revdiff writes only into a "
                            "real folder", str(target), hint="name a real folder with -o")
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:  # a dangling link: replacing the link itself is harmless
        return
    except OSError as error:  # a link in a loop of links (ELOOP)
        raise OutputProblem(f"cannot reach the output ({os_reason(error)})", str(target),
                            hint="choose another -o path") from None
    if stat.S_ISREG(mode) and is_read_only(mode):
        raise OutputProblem("the output is a read-only file; revdiff does not replace a file "
                            "kept from writing", str(target),
                            hint="make it writable with chmod u+w, or name another file with -o")
    if stat.S_ISDIR(mode) and not folder:
        raise OutputProblem("a folder is in the way of the output file", str(target),
                            hint="remove it or choose another -o path")
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    from revdiff.export.registry import STREAM_FORMATS  # the registry imports this module

    raise OutputProblem(f"the output is {special_kind(mode)}, not a file; revdiff replaces only "
                        "regular files", str(target),
                        hint="name a regular file with -o, or -o - to write "
                             f"{', '.join(STREAM_FORMATS[:-1])} or {STREAM_FORMATS[-1]} to standard output")


def is_read_only(mode: int) -> bool:
    """A file with no write permission for anyone: its owner kept it from being written (a
    rename would still replace it, even for its owner; root may write it anyway)."""
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


# What a lock file revdiff made holds: a file without it at the lock's name is someone else's,
# and is neither locked nor removed.
_LOCK_MARK = b"revdiff export lock\n"


class OutputLock:
    """An exclusive lock on the output, held from before staging until after publishing."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = lock_path(out)
        self.descriptor = -1

    def acquire(self) -> None:
        if not self.out.parent.is_dir():
            raise OutputProblem("the output's folder does not exist", str(self.out.parent),
                                hint="create it first, or choose another -o path")
        while True:
            opened = self._open()
            if opened is None:  # removed by its holder between our two tries
                continue
            descriptor, created = opened
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                raise OutputBusy("another revdiff export is writing this output", str(self.out),
                                 hint="wait for it to finish, or choose another -o path"
                                 ) from None
            # The holder before us may have removed the file after we opened it: lock the
            # file that is there now, not a removed one.
            try:
                same = os.path.samestat(os.fstat(descriptor), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if not same:
                os.close(descriptor)
                continue
            if not created and os.pread(descriptor, len(_LOCK_MARK) + 1, 0) != _LOCK_MARK:
                os.close(descriptor)
                raise OutputProblem("a file revdiff did not write has the name of the export's "
                                    "lock, which revdiff would remove", str(self.path),
                                    hint="move it away, or choose another -o path")
            self.descriptor = descriptor
            return

    def _open(self) -> tuple[int, bool] | None:
        """The lock file's descriptor, and whether this run created it (and marked it as
        revdiff's); None when the file that was there is gone. An existing one is opened only to
        read it, without waiting (a FIFO of that name would wait for a writer)."""
        try:
            try:
                return self._create(), True
            except FileExistsError:
                pass
            try:
                descriptor = os.open(self.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            except FileNotFoundError:
                return None
        except OSError as error:
            refused = folder_taking_no_files(self.out.parent, error)
            if refused:
                raise OutputProblem(f"the output's folder {refused}", str(self.out.parent),
                                    hint="choose an -o path in a folder of your own") from error
            if error.errno == errno.EROFS:  # (remounted since `check_writable`)
                raise _read_only_folder_refused(self.out.parent) from error
            raise OutputProblem(f"cannot create the lock file: {os_reason(error)}",
                                str(self.path), hint="check the folder's permissions, or "
                                "remove whatever has that name") from error
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise OutputProblem("something that is not a file has the name of the export's lock",
                                str(self.path), hint="move it away, or choose another -o path")
        return descriptor, False

    def _create(self) -> int:
        """A new lock file, marked at once as revdiff's (a run that opens it next reads it);
        removed again when it cannot be marked."""
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                             0o644)
        try:
            os.write(descriptor, _LOCK_MARK)
        except OSError:
            os.close(descriptor)
            self.path.unlink(missing_ok=True)
            raise
        return descriptor

    def release(self) -> None:
        if self.descriptor >= 0:
            try:
                self.path.unlink(missing_ok=True)
            finally:
                os.close(self.descriptor)
                self.descriptor = -1

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
