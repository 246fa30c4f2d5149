"""Refusing a file or folder of a revdiff store's working tree, given in place of the store.

`revdiff store` keeps each story's versions in its repository's history; its working tree holds
only the newest text of each story. Read as plain versions, a file there is one version, and a
folder there (`_no-url`, a site's) the newest texts of different stories read as the versions
of one. So such a path is refused, naming the store to give instead.

A store is told from another repository by the lock file each of its runs leaves in the git
directory (`git_layout.STORE_LOCK_NAME`), or in the main one that a linked worktree's shares
(`git worktree add` of a store). Only files are looked at: the nearest `.git` above the path
that is a git directory (a HEAD, objects and refs: an empty `.git` folder is passed over, as git
passes it), the git directory a `.git` file names and the main one its `commondir` names, and
whether that lock is there. Git is not run, nor is the repository's config read, so nothing
the repository names can run.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from revdiff.errors import UnknownFormat
from revdiff.formats.git_layout import STORE_LOCK_NAME
from revdiff.safe_git import common_git_dir, git_directory, is_git_directory


def refuse_store_working_tree_path(path: Path, name: str) -> None:
    """Refuse `path` (given as `name`), a file or a folder that is not itself a repository, when
    it lies in the working tree of a repository a revdiff store wrote (`store_holding`)."""
    store = store_holding(path)
    if store is None:
        return
    kind = "folder" if path.is_dir() else "file"
    raise UnknownFormat(
        f"a {kind} of the working tree of the revdiff store {store}, which holds each story's "
        "newest text, not its versions", name,
        hint=f"give the store itself in its place, {shlex.quote(str(store))}: revdiff reads "
             "each story's versions from its history")


def store_holding(path: Path) -> Path | None:
    """The working tree of the revdiff store whose files hold `path` (its links followed), or
    None: the nearest folder above `path` whose `.git` makes it a repository is the one whose
    working tree holds it, as git finds it (`_repository_above`), and a store when its git
    directory holds the store's lock, or the main git directory does of a linked worktree's
    (`common_git_dir`). A path in the `.git` folder itself is in no working tree."""
    real = Path(os.path.realpath(path))
    folder = _repository_above(real)
    if folder is None or real.is_relative_to(folder / ".git"):
        return None
    try:
        held = any((git_dir / STORE_LOCK_NAME).is_file()
                   for git_dir in (git_directory(folder), common_git_dir(folder)))
    except (OSError, RuntimeError):  # a `commondir` that cannot be read or followed
        return None
    return folder if held else None


def _repository_above(real: Path) -> Path | None:
    """The nearest folder above `real` that is a repository, as git looks for one: a `.git`
    that is a git directory (`is_git_directory`) makes it one; one that is not there, a link to
    nothing or a folder that is no git directory (an empty one) is passed over. A `.git` file
    ends the search as it ends git's: it is a repository when it names a git directory, else
    git stops with an error, and None is given."""
    for folder in real.parents:
        dot_git = folder / ".git"
        try:
            if dot_git.is_file():
                return folder if is_git_directory(git_directory(folder)) else None
            if dot_git.is_dir() and is_git_directory(dot_git):
                return folder
        except (OSError, RuntimeError):  # a `.git` file that cannot be read or followed
            return None
    return None
