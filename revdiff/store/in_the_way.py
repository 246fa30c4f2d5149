"""Refusing, before anything is written, what the store would overwrite or undo: the user's
files where it writes in the working tree, a directory or submodule of the branch there, and
changes staged in the index.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

import git

from revdiff.errors import StoreError
from revdiff.store.worktree_sync import SYNC_MARKER_NAME, sync_worktree

# How many paths one `git status` is given (the command line has a limit).
STATUS_BATCH = 500


def check_worktree(repo: git.Repo, ref: str, writes: Mapping[str, Collection[str]]) -> None:
    """Refuse, before anything is written, when the working tree holds a file the store would
    overwrite: one at a path it writes that git does not track with the content of HEAD
    (untracked, ignored, changed, with staged changes or unmerged), a directory there, or a file
    or link where the store needs a directory.

    `writes` maps each file the run writes to the blob ids already stored there: a file whose
    index entry is one of them, staged against HEAD but unchanged since, is the store's own
    older version (a run that could not update the working tree left it), not the user's.
    On a branch with no commits yet, the files not tracked there are counted and named at once.
    A bare repository has no working tree. Call only while holding `store_lock`.
    """
    if repo.bare:
        return
    if (Path(repo.git_dir) / SYNC_MARKER_NAME).exists():
        try:
            sync_worktree(repo, ref)  # finish the update a killed run began: its files are ours
        except StoreError as unfinished:  # said as what this run did: nothing yet
            raise StoreError("a revdiff store killed while updating the working tree left it "
                             "behind the branch, and it could not be brought up; nothing was "
                             "stored", unfinished.where, hint=unfinished.hint) from unfinished
    root = Path(str(repo.working_tree_dir))
    present = [path for path in writes if _present(root, path)]
    problems = []
    for start in range(0, len(present), STATUS_BATCH):
        output = repo.git.status(
            "--porcelain=v2", "-z", "--untracked-files=all", "--ignored=traditional",
            "--ignore-submodules=all", "--no-renames", "--", *present[start:start + STATUS_BATCH],
            env={"GIT_LITERAL_PATHSPECS": "1", "GIT_OPTIONAL_LOCKS": "0"},
            stdout_as_string=False, strip_newline_in_stdout=False)
        for entry in output.split(b"\0"):
            problem = _status_problem(entry.decode("utf-8", "surrogateescape"), writes)
            if problem is not None:
                problems.append(problem)
    if not problems:
        return
    untracked = [path for path, what in problems if what == _UNTRACKED]
    if untracked and not repo.git.rev_parse("--verify", "--quiet", ref, with_exceptions=False):
        _in_the_way(root, untracked[0], _UNTRACKED, _unborn_leftovers_hint(ref, untracked))
    _in_the_way(root, *problems[0])


def _unborn_leftovers_hint(ref: str, untracked: list[str]) -> str:
    """What to do with files not tracked where the store writes, on a branch with no commits yet:
    most likely those of the branch checked out before, which `git reset` (the refusal of
    its index's files suggests it) leaves in the working tree."""
    shown = ", ".join(untracked[:3]) + (" ..." if len(untracked) > 3 else "")
    many = len(untracked) > 1
    return (f"the branch {ref.removeprefix('refs/heads/')} has no commits yet: "
            f"{len(untracked)} file{'s' if many else ''} of the branch checked out before "
            f"({shown}), which git reset leaves in the working tree, or of yours, "
            f"stand{'' if many else 's'} where the store writes; move "
            f"{'them all' if many else 'it'} away (the branch before keeps its own), then run "
            "again")


# What each kind of entry in a tree is called, by its mode
_TREE_ENTRY_KINDS = {"040000": "a directory", "160000": "a submodule", "120000": "a symbolic link"}


def refuse_branch_entries_in_the_way(repo: git.Repo, ref: str, paths: Collection[str]) -> None:
    """Refuse, before anything is written, when the branch holds a directory or a submodule at a
    path the store writes, or anything but a directory where the store needs one (a folder of
    such a path): `git fast-import` would replace it, and the branch lose it without a word. The
    working tree need not show it: a bare repository has none, and a submodule is a directory."""
    folders = {path.rsplit("/", depth)[0] for path in paths for depth in
               range(1, path.count("/") + 1)}
    asked = sorted(folders | set(paths))
    root = Path(str(repo.working_tree_dir or repo.git_dir))
    for start in range(0, len(asked), STATUS_BATCH):
        listing = repo.git.ls_tree("-z", "--full-tree", ref, "--", *asked[start:start + STATUS_BATCH],
                                   env={"GIT_LITERAL_PATHSPECS": "1"}, stdout_as_string=False,
                                   strip_newline_in_stdout=False)
        for entry in listing.split(b"\0"):
            meta, _, raw_path = entry.partition(b"\t")
            path = raw_path.decode("utf-8", "surrogateescape")
            kind = _TREE_ENTRY_KINDS.get(meta.decode("ascii", "replace").split(" ")[0], "a file")
            if path in folders and kind != "a directory":
                _in_the_way(root, path, f"is {kind} in the branch where the store needs a "
                                        "directory", _NEEDS_ANOTHER_PLACE)
            if path in paths and kind in ("a directory", "a submodule"):
                _in_the_way(root, path, f"is {kind} in the branch", _NEEDS_ANOTHER_PLACE)


def refuse_staged_changes(repo: git.Repo, ref: str,
                          stored: Mapping[str, Collection[str]]) -> None:
    """Refuse when the index holds changes the working tree's update would undo: the working
    tree is brought to the branch tip from the index's tree, which reverts a staged edit and
    deletes a staged new file. `stored` maps the store's own files (the paths of the branch's
    commits that carry a stored version) to the blob ids stored there: such a file may differ
    from the tip, staged, where a killed run stored versions and did not bring the working tree
    up to them (its index holds an older stored version, or not the file yet); the next run does.
    A staged edit of a store's file to a text never stored there (an edit by hand) is the user's.
    A bare repository has no index."""
    if repo.bare:
        return
    against = [ref] if repo.git.rev_parse("--verify", "--quiet", ref, with_exceptions=False) else []
    staged = repo.git.diff("--cached", "--raw", "-z", "--no-renames", "--no-abbrev", *against,
                           "--", stdout_as_string=False, strip_newline_in_stdout=False)
    fields = staged.split(b"\0")
    others = []
    for meta, raw_name in zip(fields[0::2], fields[1::2], strict=False):
        if not raw_name:
            continue
        name = raw_name.decode("utf-8", "surrogateescape")
        *_, index_blob, status = meta.decode("ascii", "replace").split(" ")
        if name in stored and (status.startswith("D") or index_blob in stored[name]):
            continue
        others.append(raw_name.decode("utf-8", "backslashreplace"))
    if not others:
        return
    shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
    if not against:  # an unborn branch (git symbolic-ref HEAD, git checkout --orphan)
        raise StoreError(f"the branch {ref.removeprefix('refs/heads/')} has no commits yet, and "
                         f"the index still holds files ({shown}): those of the branch checked out "
                         "before (git symbolic-ref HEAD, git checkout --orphan), or added since; "
                         "storing would undo them; nothing was stored", str(repo.working_tree_dir),
                         hint="to start the branch empty, take them out of the index with git "
                              "reset -q (the working tree keeps them: move away those "
                              "where the store writes, which the next run names), or commit them "
                              "if they belong in it; then run again")
    raise StoreError(f"the branch has staged changes that storing would undo ({shown}); "
                     "nothing was stored", str(repo.working_tree_dir),
                     hint="commit them, or unstage them (git restore --staged FILE), "
                          "then run again")


def _present(root: Path, path: str) -> bool:
    """Whether something is at `path` in the working tree (refused here when it is a directory,
    or a parent of it is not one)."""
    parts = path.split("/")
    for depth in range(1, len(parts) + 1):
        place = root.joinpath(*parts[:depth])
        if not place.is_symlink() and not place.exists():
            return False
        if depth == len(parts):
            if place.is_dir() and not place.is_symlink():
                _in_the_way(root, path, "is a directory", _NEEDS_ANOTHER_PLACE)
            return True
        if place.is_symlink() or not place.is_dir():
            kind = "a symbolic link" if place.is_symlink() else "a file"
            _in_the_way(root, "/".join(parts[:depth]), f"is {kind} where the store needs a "
                                                        "directory", _NEEDS_ANOTHER_PLACE)
    return False


_UNTRACKED = "is not tracked by git"


def _status_problem(entry: str, writes: Mapping[str, Collection[str]]) -> tuple[str, str] | None:
    """The path and what is wrong, for one `git status --porcelain=v2 -z` entry, if anything."""
    kind, _, rest = entry.partition(" ")
    if kind == "?":
        return rest, _UNTRACKED
    if kind == "!":
        return rest, "is ignored by git, not tracked"
    if kind == "u":
        return rest.split(" ", 9)[-1], "is unmerged (a merge conflict)"
    if kind != "1":
        return None
    fields = rest.split(" ", 7)  # XY sub mH mI mW hH hI path
    changes, index_blob, path = fields[0], fields[6], fields[7]
    if changes[1] != ".":
        return path, "has changes that are not committed"
    if index_blob in writes.get(path, ()):
        return None
    return path, "has staged changes that are not committed"


# What a path the branch may hold, which is of the wrong kind for the store, asks of the user
_NEEDS_ANOTHER_PLACE = ("move it away (git mv, when the branch holds it), or store into another "
                        "repository, then run again")


def _in_the_way(root: Path, path: str, what: str,
                hint: str = "move it away, or commit it if it belongs in the branch, then run "
                            "again") -> None:
    raise StoreError(f"{what}, and revdiff store would write there; nothing was stored",
                     str(root / path), hint=hint)
