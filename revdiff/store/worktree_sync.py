"""Bringing the working tree up to the branch once the versions are stored, and finishing the
update a killed run left half done.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import BinaryIO

import git

from revdiff.errors import StoreError, os_reason
from revdiff.safe_git import git_complaint
from revdiff.store.branch import branch_tip
from revdiff.store.encode import git_object_id
from revdiff.store.opening import object_format

# Present while the working tree is being updated; left behind only by a run that died doing it.
SYNC_MARKER_NAME = "revdiff-sync-in-progress"
# What the next run does once this one could not update the working tree.
_FINISHED_BY_THE_NEXT_RUN = "it finishes the update and overwrites no file"
# What to do when the working tree's marker cannot be written, by the reason (errno).
_SYNC_HINTS = {
    errno.EROFS: "the file system is read-only: make it writable",
    errno.ENOSPC: "the disk is full: free some space",
    errno.EACCES: "check that you may write to its git directory",
    errno.EPERM: "check that you may write to its git directory",
}


def sync_worktree(repo: git.Repo, ref: str) -> None:
    """Bring the index and working tree of a non-bare repository up to its branch.

    Moves from whatever the index holds (also after a crashed run) to the branch's tree, as a
    fast-forward checkout; files changed locally are never overwritten. git writes the index
    through a lock file and a rename, but working-tree files in place: a run killed while doing
    so leaves a marker, and the next run first undoes what that run half did. The git commands
    that take the index's lock meanwhile hold the marker's file lock (`marker_in_use`): one that
    outlives a run ended at once (a second SIGTERM) keeps it, and the next run leaves its lock.
    Call only while holding `store_lock`.
    """
    if repo.bare or branch_tip(repo, ref) is None:
        return
    git_dir = Path(repo.git_dir)
    marker = git_dir / SYNC_MARKER_NAME
    try:
        if marker.exists():
            _undo_interrupted_sync(repo, ref)
        with open(marker, "wb") as held:
            _lock_for_the_sync(held)
            # given as their standard input, which they do not read, the git commands share the
            # lock, held as long as any of them runs; read-tree takes a file whose stat data
            # changed (touched, copied) for a changed one
            repo.git.update_index("-q", "--refresh", with_exceptions=False, istream=held)
            repo.git.read_tree("-m", "-u", _index_tree(repo), ref, istream=held)
        marker.unlink()
    except git.GitCommandError as error:
        raise StoreError("versions are stored, but the working tree could not be updated",
                         str(repo.working_tree_dir),
                         hint=f"git said: {git_complaint(error.stderr)}; move away or commit the "
                              "files git names (git status), then run the same revdiff store "
                              f"again: {_FINISHED_BY_THE_NEXT_RUN}") from error
    except OSError as error:  # the marker: a file system remounted read-only, a full disk
        to_do = _SYNC_HINTS.get(error.errno or 0, "check the repository's git directory")
        raise StoreError("versions are stored, but the working tree could not be updated: "
                         f"{os_reason(error)}", str(repo.working_tree_dir),
                         hint=f"{to_do}, then run the same revdiff store again: "
                              f"{_FINISHED_BY_THE_NEXT_RUN}") from None


def _lock_for_the_sync(marker: BinaryIO) -> None:
    """Take the file lock of the open `marker` (where file locks are available)."""
    with contextlib.suppress(ImportError, OSError):  # (a file system without them: none)
        import fcntl
        fcntl.flock(marker, fcntl.LOCK_EX)


def worktree_at_branch(repo: git.Repo, ref: str) -> bool:
    """Whether `sync_worktree` has nothing to do: a bare repository, a branch without commits, or
    an index that holds the branch's tree (asked without writing the index or any object)."""
    if repo.bare or branch_tip(repo, ref) is None:
        return True
    if not (Path(repo.git_dir) / "index").exists():
        return False
    status, _, _ = repo.git.diff_index("--cached", "--quiet", ref, "--",
                                       with_extended_output=True, with_exceptions=False)
    return status == 0


def marker_in_use(marker: Path) -> bool:
    """Whether a git command a store run started to update the working tree still runs: it
    holds the marker's file lock (`sync_worktree`), also once the run that started it has been
    ended (a second SIGTERM ends revdiff at once, and a git command already started runs on).
    Where file locks are unavailable, none is seen to run."""
    try:
        import fcntl
        handle = os.open(marker, os.O_RDONLY)
    except (ImportError, OSError):
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:  # a file system without file locks
        return False
    finally:
        os.close(handle)  # (releases the lock taken)
    return False


def _index_tree(repo: git.Repo) -> str:
    if (Path(repo.git_dir) / "index").exists():
        return str(repo.git.write_tree()).strip()
    # A new repository: start from the empty tree, which git knows without storing it.
    return git_object_id("tree", b"", object_format(repo))


def _undo_interrupted_sync(repo: git.Repo, ref: str) -> None:
    """Clear what a killed `read-tree -u` left: its index lock and the files it was rewriting.

    No other store run can be at work (the caller holds the store lock), so the index lock is
    the dead run's. The index still holds the tree from before that run; the files that differ
    between it and the branch are the ones the dead run may have half written. It had checked
    them for local changes before writing, so they are removed and written again whole.
    """
    git_dir = Path(repo.git_dir)
    (git_dir / "index.lock").unlink(missing_ok=True)
    changed = str(repo.git.diff_tree("-r", "-z", "--name-only", _index_tree(repo), ref))
    root = Path(str(repo.working_tree_dir))
    for name in filter(None, changed.split("\0")):
        place = root / name
        if not _beyond_a_link(root, name) and not (place.is_dir() and not place.is_symlink()):
            place.unlink(missing_ok=True)


def _beyond_a_link(root: Path, path: str) -> bool:
    """Whether a folder of `path` in the working tree at `root` is a symbolic link or no folder:
    git writes no file beyond one, so nothing there is a file it half wrote, and removing the
    file would remove one outside the working tree (a downloaded repository can hold such a
    link and the marker of a killed run)."""
    parts = path.split("/")[:-1]
    folders = (root.joinpath(*parts[:depth]) for depth in range(1, len(parts) + 1))
    return any(folder.is_symlink() or not folder.is_dir() for folder in folders)
