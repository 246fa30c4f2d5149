"""The repository a store run writes to: opening or creating it, its branch, locking, checkout."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import git

from revdiff.errors import StoreError

LOCK_NAME = "revdiff-store.lock"


def open_or_create(path: Path) -> git.Repo:
    """The repository at `path`, created (with git's default branch name) when missing."""
    if path.exists() and not path.is_dir():
        raise StoreError("is a file, not a directory", str(path),
                         hint="give a directory for the repository with --repo")
    try:
        return git.Repo(path)
    except git.NoSuchPathError:
        pass
    except git.InvalidGitRepositoryError:
        if any(path.iterdir()):
            raise StoreError("directory exists, is not empty and is not a git repository",
                             str(path), hint="give an empty or new directory, or a repository"
                             ) from None
    try:
        path.mkdir(parents=True, exist_ok=True)
        return git.Repo.init(path)
    except (OSError, git.GitCommandError) as error:
        raise StoreError(f"cannot create a git repository: {error}", str(path),
                         hint="check that the directory is writable") from error


def current_branch(repo: git.Repo) -> str:
    """The full ref HEAD points at, e.g. `refs/heads/main` (it may not exist yet)."""
    try:
        return str(repo.git.symbolic_ref("-q", "HEAD")).strip()
    except git.GitCommandError:
        raise StoreError("HEAD is detached, so there is no branch to store into",
                         str(repo.git_dir), hint="check out a branch first, e.g. git switch main"
                         ) from None


def branch_tip(repo: git.Repo, ref: str) -> str | None:
    try:
        return str(repo.git.rev_parse("--verify", "--quiet", f"{ref}^{{commit}}")).strip()
    except git.GitCommandError:
        return None


@contextlib.contextmanager
def store_lock(repo: git.Repo) -> Iterator[None]:
    """Hold an exclusive lock on the repository for one store run.

    The lock is an OS file lock (released by the kernel when the process dies, so a crash never
    leaves it behind). Where file locks are unavailable, runs are not serialised.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    lock_path = Path(repo.git_dir) / LOCK_NAME
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError("another revdiff store is writing to this repository",
                             str(lock_path), hint="wait for it to finish, then run again"
                             ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sync_worktree(repo: git.Repo, ref: str) -> None:
    """Bring the index and working tree of a non-bare repository up to its branch.

    Moves from whatever the index holds (also after a crashed run) to the branch's tree, as a
    fast-forward checkout; files changed locally are never overwritten.
    """
    if repo.bare or branch_tip(repo, ref) is None:
        return
    try:
        if (Path(repo.git_dir) / "index").exists():
            index_tree = str(repo.git.write_tree()).strip()
        else:  # a new repository: start from the empty tree, which git knows without storing
            index_tree = str(repo.git.hash_object("-t", "tree", os.devnull)).strip()
        repo.git.read_tree("-m", "-u", index_tree, ref)
    except git.GitCommandError as error:
        raise StoreError("versions are stored, but the working tree could not be updated",
                         str(repo.working_tree_dir),
                         hint=f"git said: {error.stderr.strip()}; commit or discard local "
                              "changes, then run git checkout -f") from error
