"""Locks: the one a store run holds on its repository, and the git commands' lock files that
refuse a run before anything is stored.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from pathlib import Path

import git

from revdiff.errors import ReadOnlyRepository, StoreError, os_reason
from revdiff.formats.git_layout import STORE_LOCK_NAME
from revdiff.store.opening import kind_of
from revdiff.store.worktree_sync import SYNC_MARKER_NAME, marker_in_use

# What to do when an existing repository cannot be written, by the reason (errno)
_WRITING_HINTS = {
    errno.EACCES: "check that you may write to its git directory",
    errno.EPERM: "check that you may write to its git directory",
    # (the repository holds its history there: another one would not have it)
    errno.EROFS: "the file system is read-only: make it writable, or copy the repository to a "
                 "writable one and give the copy with --repo",
    errno.ENOSPC: "the disk is full: free some space, then run again",
}


@contextlib.contextmanager
def store_lock(repo: git.Repo) -> Iterator[None]:
    """Hold an exclusive lock on the repository for one store run.

    The lock is an OS file lock (released by the kernel when the process dies, so a crash never
    leaves it behind). Where file locks are unavailable, runs are not serialised. A git
    directory the lock cannot be made in is refused in one line: on a read-only file system
    (`ReadOnlyRepository`), where no one can write either, the caller may go on with a run that
    writes nothing.
    """
    _refuse_others_at_own_files(Path(repo.git_dir))
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    lock_path = Path(repo.git_dir) / STORE_LOCK_NAME
    try:
        lock_file = open(lock_path, "a+b")  # noqa: SIM115 - closed by the `with` below
    except OSError as error:  # a read-only file system, a git directory the user may not write
        refused = ReadOnlyRepository if error.errno == errno.EROFS else StoreError
        raise refused(f"cannot write to the repository: {os_reason(error)}; nothing was "
                      "stored", str(repo.git_dir),
                      hint=_WRITING_HINTS.get(error.errno or 0, "check the repository's git "
                                              "directory, then run again")) from None
    with lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError("another revdiff store is writing to this repository",
                             str(lock_path), hint="wait for it to finish, then run again"
                             ) from None
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _refuse_others_at_own_files(git_dir: Path) -> None:
    """Refuse anything but a regular file at the name of the lock or the marker a run writes in
    the git directory: revdiff makes nothing else there. Writing through a symbolic link (a
    downloaded repository can hold one) would create or empty the file it names, outside the
    repository, and a folder there cannot be written."""
    for name in (STORE_LOCK_NAME, SYNC_MARKER_NAME):
        place = git_dir / name
        if place.is_symlink() or (place.exists() and not place.is_file()):
            kind = "a symbolic link" if place.is_symlink() else kind_of(place)
            raise StoreError(f"is {kind}, which revdiff store never makes, and storing would "
                             "write there; nothing was stored", str(place),
                             hint=f"remove the {kind.removeprefix('a ')}, then run again")


def refuse_held_locks(repo: git.Repo, ref: str) -> None:
    """Refuse a repository whose index, HEAD, branch `ref` or packed refs another git command
    holds (its `.lock` file, which a git command killed also leaves), before anything is stored:
    the versions would be committed and the working tree left behind the branch, or left off the
    branch (deleting the run's private ref, once the branch is moved, takes packed-refs's lock)."""
    held = held_locks(repo, ref)
    if held:
        what, lock = held[0]
        raise StoreError(f"another git command holds {what} ({lock.name}); nothing was "
                         "stored", str(lock),
                         hint=f"let that command finish, or remove {lock.name} if no git "
                              "command runs, then run again")


def held_locks(repo: git.Repo, ref: str) -> list[tuple[str, Path]]:
    """The locks of the index, HEAD, branch `ref` and packed refs that a git command holds, or
    that one killed left, each with what it locks (`the branch main`): those that refuse the next
    run. A lock of the index left by a store run killed while updating the working tree is that
    run's to clear: a regular file, as git writes it (a folder there cannot be removed as a
    file), once no git command that run started still runs (`marker_in_use`)."""
    git_dir = Path(repo.git_dir)
    locks = [("the repository's index", git_dir / "index.lock"),
             ("HEAD", git_dir / "HEAD.lock"),
             (f"the branch {ref.removeprefix('refs/heads/')}",
              Path(repo.common_dir) / f"{ref}.lock"),
             ("the repository's packed refs", Path(repo.common_dir) / "packed-refs.lock")]
    marker = git_dir / SYNC_MARKER_NAME
    return [(what, lock) for what, lock in locks
            if lock.exists() and not (lock.name == "index.lock" and lock.is_file()
                                      and marker.exists() and not marker_in_use(marker))]
