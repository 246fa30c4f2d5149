"""A git repository read where it was listed: still the folder found there, its history in it.

`export corpus/` walks the corpus first, leaving out each repository in it whose history or
objects lie out of it, and reads each repository later by its path; `parse repo/` looks the
folder up, then reads it. Someone who may write into the folder above a repository could put a
symbolic link to one of the reader's own repositories (`corpus/c -> ~/notes`) in its place in
between, or, who may write into it, a `.git` naming one (`corpus/c/.git -> ~/notes/.git`), and
git, which opens the repository by its path, would read that one. Revdiff does not open a
repository's files for git, as it opens a folder's (`listed_file`): git opens them, in processes
of its own, by path. So the repository is checked around git's reading: before, and again
after, what was read being used only where both checks pass. A swap made after the first check
and undone before the second is not seen: no path handed to git can be pinned to the folder
checked, a real path neither (a link put in the place of any folder on it is followed).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from revdiff.errors import EmptyInput, os_reason
from revdiff.file_names import name_text
from revdiff.formats import gitrepo
from revdiff.formats.text_input import resolved
from revdiff.model import Article

_WHO_ELSE = "check who else may write into the folder that holds it, and give it again"


def read_where_listed(path: Path, listed_folder: Path, max_bytes: int) -> list[Article]:
    """The articles of the repository at `path` (`gitrepo.read_repository`), which must lie in
    `listed_folder`, a real path as it was when listed, not looked up again: the repository's
    own (a repository named, or one a glob matched), or that of the folder above it whose walk
    (`export`'s of a corpus) found its history and objects in it, where they must still lie.
    Refused, in one line naming it, where that does not hold before git reads it or no longer
    holds after (`_held_where_listed`)."""
    with _held_where_listed(path, listed_folder):
        return gitrepo.read_repository(path, max_bytes)


@contextmanager
def _held_where_listed(path: Path, listed_folder: Path) -> Iterator[None]:
    """Run the block that reads the repository at `path` (git's reading) only while it lies in
    `listed_folder` (`_out_of_place`), checked before the block and after it, the folder `path`
    leads to held open meanwhile, to be the one found there after as before."""
    try:
        held = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise EmptyInput(f"cannot open the git repository: {os_reason(error)}", str(path),
                         hint="check that it is still there and readable, and give it "
                              "again") from None
    try:
        why = _out_of_place(path, listed_folder, held, "after it was listed")
        if why:
            raise EmptyInput(f"cannot read the git repository: {why}; not read, for safety",
                             str(path), hint=_WHO_ELSE)
        yield
        why = _out_of_place(path, listed_folder, held, "while git read it")
        if why:
            raise EmptyInput(f"cannot read the git repository: {why}; what git read is not "
                             "used, for safety", str(path), hint=_WHO_ELSE)
    finally:
        os.close(held)


def _out_of_place(path: Path, listed_folder: Path, held: int, when: str) -> str | None:
    """How the repository at `path` left `listed_folder` (`when`: `after it was listed`), or
    None where it did not: `path` leads out of it, or to another folder than the one `held` is
    open on; or, listed in a folder above it, its `.git` (or `commondir`) or its alternates name
    a git directory or an object folder out of that folder, as the walk that listed it checked."""
    now = resolved(path)
    opened = os.fstat(held)
    try:
        there = os.stat(now)
    except OSError:
        there = None
    if (not now.is_relative_to(listed_folder) or there is None
            or (there.st_dev, there.st_ino) != (opened.st_dev, opened.st_ino)):
        return ("it lies out of the place it was listed in (a symbolic link put in its place, "
                f"or in that of a folder holding it, {when})")
    if now != listed_folder and (gitrepo.history_lies_out_of(now, listed_folder)
                                 or gitrepo.objects_lie_out_of(now, listed_folder)):
        return (f"its .git, commondir or objects/info/alternates names a git directory or an "
                f"object folder out of {name_text(str(listed_folder))}, changed {when}")
    return None
