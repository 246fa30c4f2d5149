"""The private ref a run's `git fast-import` writes the versions to: moving the branch to them,
deleting it after, and putting on the branch what a killed or failed run left there.
"""

from __future__ import annotations

from pathlib import Path

import git

from revdiff.errors import BranchMoved, StoreError
from revdiff.formats.git_layout import branch_made_since, import_ref
from revdiff.safe_git import git_complaint
from revdiff.store.branch import branch_tip


def publish_import(repo: git.Repo, ref: str, tip: str | None) -> None:
    """Move the branch from `tip` to the commits the import wrote, keeping the private ref
    (`drop_import_ref` deletes it once the working tree is brought up to them: a run killed
    between the two leaves it at the branch's tip, which the next run deletes).

    Refused (`BranchMoved`) when the branch is no longer at `tip` (a commit made on it while the
    run wrote): the private ref is kept, and the next run stores the versions again after that
    commit."""
    written = branch_tip(repo, import_ref(ref))
    if written is None or written == branch_tip(repo, ref):
        return
    try:
        repo.git.update_ref("-m", "revdiff store", ref, written, tip or "")
    except git.GitCommandError as error:
        where = str(repo.working_tree_dir or repo.git_dir)
        if branch_tip(repo, ref) != tip:
            raise BranchMoved("the branch moved while the versions were being written (a "
                              "commit made on it meanwhile); they are not on the branch",
                              where, hint=AFTER_THE_NEW_TIP) from None
        raise StoreError(
            f"cannot move the branch to the versions written: {git_complaint(error.stderr)}",
            where, hint=_WHEN_GIT_IS_DONE) from None


# What to do when the branch moved while a run wrote (`BranchMoved`)
AFTER_THE_NEW_TIP = "run the same command again: it stores them after the branch's new tip"
_WHEN_GIT_IS_DONE = "run the same command again once no other git command holds the repository"


def drop_import_ref(repo: git.Repo, ref: str, done: str) -> None:
    """Delete the private ref of `ref`'s imports, if any. Its deletion takes packed-refs's lock,
    which another git command may hold: the error then says what was `done` (`the 2 versions
    are stored, on the branch`), and that running again deletes the ref."""
    private = import_ref(ref)
    written = branch_tip(repo, private)
    if written is None:
        return
    try:
        repo.git.update_ref("-d", private, written)
    except git.GitCommandError as error:
        raise StoreError(f"{done}, but the ref {private} that held them while they were written "
                         f"could not be deleted: {git_complaint(error.stderr)}",
                         str(repo.working_tree_dir or repo.git_dir),
                         hint=f"{_WHEN_GIT_IS_DONE}: it deletes the ref, and stores nothing "
                              "twice") from None


def remove_import_lock(repo: git.Repo, ref: str) -> None:
    """Remove the lock of the private ref of `ref`'s imports that a fast-import ended while it
    moved that ref leaves. Call only while holding `store_lock` and with no import running: no
    git command but a store run's import takes it."""
    (Path(repo.common_dir) / f"{import_ref(ref)}.lock").unlink(missing_ok=True)


def adopt_unfinished_import(repo: git.Repo, ref: str) -> None:
    """Put on the branch the commits a killed or failed run left on its private ref, when they
    continue the branch; drop them when the branch has moved on without them.

    A lock of the private ref is a dead run's (one killed while fast-import moved the ref), and
    is removed (`remove_import_lock`): the caller holds `store_lock`. HEAD's and the
    branch's locks may be another git command's, and are left to git to report. Refs, and so
    their locks, are in the repository's common directory, shared by all its worktrees."""
    private = import_ref(ref)
    _refuse_links_among_private_folders(repo, private)
    names = str(repo.git.for_each_ref("--format=%(refname)", "refs/revdiff")).split()
    _refuse_refs_in_the_way(repo, private, names)
    remove_import_lock(repo, ref)
    written = branch_tip(repo, private) if private in names else None
    if written is None:
        return
    tip = branch_tip(repo, ref)
    if tip is None or (_is_ancestor(repo, tip, written)
                       and not _branch_made_since(repo, ref, written)):
        publish_import(repo, ref, tip)
        drop_import_ref(repo, ref, "the versions a stopped run wrote are on the branch now, "
                        "and nothing else was stored")
    else:
        drop_import_ref(repo, ref, "the versions a stopped run wrote are not on the branch, "
                        "which moved on without them, and nothing was stored")


def _branch_made_since(repo: git.Repo, ref: str, written: str) -> bool:
    """Whether the branch `ref` was made after the run that wrote the commit `written` (its
    committer date; `branch_made_since`): that run stored into a branch of the same name that was
    deleted, and its versions are not this branch's."""
    written_at = str(repo.git.log("-1", "--format=%ct", written, "--",
                                  with_exceptions=False)).strip()
    return written_at.isdigit() and branch_made_since(Path(repo.common_dir), ref, int(written_at))


def _is_ancestor(repo: git.Repo, ancestor: str, commit: str) -> bool:
    """Whether `commit` descends from `ancestor` (asked of git itself: GitPython's object reader
    knows SHA-1 ids only). A repository git cannot answer for (a missing object) is refused,
    so that the commits a killed run left are not dropped as if the branch had moved on."""
    status, _, said = repo.git.merge_base("--is-ancestor", ancestor, commit,
                                          with_extended_output=True, with_exceptions=False)
    failed = any(line.startswith(("error:", "fatal:")) for line in said.splitlines())
    if status not in (0, 1) or failed:  # (a missing object: git says so, with status 1)
        raise StoreError(f"cannot tell whether the versions a stopped run wrote continue the "
                         f"branch: {git_complaint(said)}", str(repo.common_dir),
                         hint="check the repository with git fsck; nothing was stored")
    return status == 0


def _refuse_links_among_private_folders(repo: git.Repo, private: str) -> None:
    """Refuse a symbolic link at a folder of the private ref `private` below `refs` (revdiff makes
    none): git writes the ref, and its lock, through such a link (a downloaded repository can
    hold one), and prunes the folders it empties, outside the repository."""
    parts = private.split("/")
    for depth in range(2, len(parts)):
        place = Path(repo.common_dir).joinpath(*parts[:depth])
        if place.is_symlink():
            raise StoreError("is a symbolic link, which revdiff store never makes, and git "
                             f"would write the ref {private} through it; nothing was stored",
                             str(place), hint="remove the symbolic link, then run again")


def _refuse_refs_in_the_way(repo: git.Repo, private: str, names: list[str]) -> None:
    """Refuse when a ref (of `names`, those under refs/revdiff, or a file in the refs directory)
    has a name that git cannot hold together with the private ref `private`: one of its parents
    (`refs/revdiff`, a leftover private ref of a deleted branch `feature` for the branch
    `feature/x`), or one below it."""
    parts = private.split("/")
    parents = {"/".join(parts[:depth]) for depth in range(2, len(parts))}
    loose = [name for name in parents if (Path(repo.common_dir) / name).is_file()]
    for name in [*loose, *names]:
        if name in parents or name.startswith(private + "/"):
            raise StoreError(f"the ref {name} is in the way of {private}, where revdiff store "
                             "writes the versions before it moves the branch to them; nothing "
                             "was stored", str(repo.common_dir),
                             hint=f"delete it, then run again: git update-ref -d {name} (if "
                                  f"git says it is no ref, remove {Path(repo.common_dir, name)})")
