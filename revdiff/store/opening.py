"""Opening or creating the repository a store run writes to, at the path given with `--repo`.

A path that takes no repository (a file, a folder of other files, a missing folder, ...) is
refused in one line before anything is read or made. The repository is opened with its git
commands set to run none of its hooks, file-system monitor or filters
(`revdiff.safe_git.writing_environment`): it may have been downloaded.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shlex
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import git

from revdiff.errors import StoreError, folder_taking_no_files, os_reason
from revdiff.file_kinds import special_kind
from revdiff.formats.gitrepo import is_repository
from revdiff.formats.input_file import entry_kind
from revdiff.formats.store_working_tree import store_holding
from revdiff.safe_git import (
    filter_drivers,
    git_complaint,
    git_directory,
    refuse_damaged_head,
    refuse_special_files,
    room_to_make,
    writing_environment,
)


def open_or_create(path: Path) -> git.Repo:
    """The repository at `path`, created (with git's default branch name) when missing, in a
    folder that exists (`refuse_a_missing_parent_folder`)."""
    try:  # (a name too long for the file system fails already here)
        refuse_a_path_that_takes_no_repository(path)
        if path.is_dir() and ((path / "HEAD").exists() or is_repository(path)):
            refuse_special_files(path)  # git (and GitPython) would wait on a FIFO in it forever
        path.mkdir(exist_ok=True)
        with _creation_lock(path):
            repo = _open_or_init(path)
        refuse_a_working_tree_of_another_repository(repo, path)
        return repo
    except NotADirectoryError:
        raise _runs_through_a_file(path) from None
    except git.GitCommandError as error:
        status = error.status if isinstance(error.status, int) else None  # a signal: no stderr
        said = git_complaint(error.stderr, status)
        raise StoreError(f"cannot create a git repository: {said}", str(path),
                         hint=room_to_make(status, error.stderr)
                         or _git_init_hint(said)) from error
    except OSError as error:
        refused = (None if os.path.lexists(path)  # made, then failed: not its folder's refusal
                   else folder_taking_no_files(path.absolute().parent, error))
        if refused:
            raise StoreError(f"cannot create a git repository: its folder {path.parent} "
                             f"{refused}", str(path),
                             hint="give a directory elsewhere with --repo") from error
        raise StoreError(f"cannot create a git repository: {os_reason(error)}", str(path),
                         hint=_CREATION_HINTS.get(error.errno or 0, "give another directory "
                                                  "with --repo")) from error


def is_the_repository_of(target: Path, source: Path) -> bool:
    """Whether the repository path `target` is the input `source`'s repository under another
    path: `REPO/.git` for the input `REPO`, or a folder whose `.git` file names the git
    directory given as input (and the other way round). Only files are read, as git would."""
    try:
        return source.is_dir() and is_repository(source) \
            and git_directory(source).resolve() == git_directory(target).resolve()
    except (OSError, RuntimeError):  # a pointer that cannot be read or followed: left to git
        return False


def refuse_a_path_that_takes_no_repository(path: Path) -> None:
    """Refuse a repository path seen to take no repository: one that names a file, a FIFO or a
    device, or runs through one, a symbolic link to nothing (or a loop of links), a path whose
    folder does not exist (`refuse_a_missing_parent_folder`), or a folder holding other files and
    nothing of a repository; `revdiff store` asks before it reads the inputs, which takes a
    while; so is a folder whose files cannot be listed (`chmod 300`). A path that names nothing
    in a folder that exists, or cannot be looked at, is left to the creation of the repository
    to report. So is a path named `.git` that is no git directory (missing, or a folder without
    one), in which a new repository's working tree would be `.git` itself, and a path in the
    working tree of a revdiff store (`store_holding`), where a new store would lie among the
    store's files."""
    if path.name == ".git" and (path.is_dir() or not os.path.lexists(path)) \
            and not is_repository(path):
        raise StoreError("is named .git but is no git directory, and revdiff store would make a "
                         "repository inside it", str(path),
                         hint=f"give --repo {path.parent} to make the repository there, or "
                              "name an existing one")
    if (store := _store_around(path)) is not None:
        raise StoreError(f"lies in the working tree of the revdiff store {store}", str(path),
                         hint=f"give --repo {shlex.quote(str(store))} to store into that store, "
                              "or a directory outside it")
    try:
        mode = path.stat().st_mode
    except NotADirectoryError:
        raise _runs_through_a_file(path) from None
    except OSError:
        if os.path.islink(path):  # creating the repository would say only `File exists`
            raise StoreError(f"is {entry_kind(path)}", str(path),
                             hint="give a directory for the repository with --repo")
        refuse_a_missing_parent_folder(path)
        return
    if not stat.S_ISDIR(mode):
        raise StoreError(f"is {kind_of(path)}, not a directory", str(path),
                         hint="give a directory for the repository with --repo")
    try:
        if _has_anything_of_a_repository(path):
            return
        holds_files = any(path.iterdir())
    except PermissionError as error:  # `chmod 300`: git could not tell it is empty either
        raise StoreError(f"cannot list the folder's files ({os_reason(error)})", str(path),
                         hint="let yourself read it, e.g. chmod u+rx, or give another "
                              "directory with --repo") from None
    except OSError:  # left to opening the repository to report
        return
    if holds_files:
        raise _not_a_repository(path)


def refuse_a_missing_parent_folder(path: Path) -> None:
    """Refuse a repository path whose folder does not exist: only the repository's own folder
    is made, as `export -o` makes no folder, so that a typo in a folder's name makes no tree.
    A path that runs through a file is refused as such (`_runs_through_a_file`)."""
    parent = path.absolute().parent
    if not os.path.lexists(path) and not os.path.lexists(parent):
        if any(folder.exists() and not folder.is_dir() for folder in parent.parents):
            raise _runs_through_a_file(path)
        raise StoreError(f"the folder to hold the repository, {path.parent}, does not exist",
                         str(path), hint="create it first, or give another path with --repo")


def _store_around(path: Path) -> Path | None:
    """The revdiff store in whose working tree `path` lies (`store_holding`), when `path` is
    not a repository of its own; None also where the path cannot be looked at, which the
    creation of the repository reports."""
    try:
        return None if _has_anything_of_a_repository(path) else store_holding(path)
    except OSError:
        return None


def _has_anything_of_a_repository(folder: Path) -> bool:
    """Whether `folder` holds what git (or GitPython) may take for a repository, or for a
    damaged one: a `.git`, a `HEAD` (a linked worktree's git directory has no `objects`), or
    the rest of a bare repository."""
    return (os.path.lexists(folder / ".git") or os.path.lexists(folder / "HEAD")
            or is_repository(folder))


def _runs_through_a_file(path: Path) -> StoreError:
    """The error for a repository path whose folders include a file (or a FIFO, ...)."""
    in_the_way = next((folder for folder in path.parents
                       if folder.exists() and not folder.is_dir()), None)
    return StoreError("cannot create a git repository there: "
                      + (f"{in_the_way} is {kind_of(in_the_way)}" if in_the_way
                         else "a folder of the path is a file"), str(path),
                      hint="give a path whose folders are directories, or move the file away")


def _not_a_repository(path: Path) -> StoreError:
    """The error for a folder that holds other files, and no repository to store into."""
    return StoreError("directory exists, is not empty and is not a git repository", str(path),
                      hint="give an empty or new directory, or a repository")


# What to do when the repository's folder cannot be made, by the reason (errno)
_CREATION_HINTS = {
    errno.EACCES: "check that the directory is writable",
    errno.EPERM: "check that the directory is writable",
    errno.EROFS: "the file system is read-only: give a directory on a writable one with --repo",
    errno.ENOSPC: "the disk is full: free some space, or give a directory on another disk",
    errno.ENOENT: "its folder was removed meanwhile: give a directory elsewhere with --repo",
    errno.ENAMETOOLONG: "give a path of shorter folder names with --repo",
}


def _git_init_hint(said: str) -> str:
    """What to do about a `git init` that failed saying `said`. A read-only file system, which
    git names only in words (`DIR/.git: Read-only file system`), is said to be one: the folder's
    own permissions may well allow writing."""
    if said.endswith(os.strerror(errno.EROFS)):
        return _CREATION_HINTS[errno.EROFS]
    return "check that the directory is writable"


@contextlib.contextmanager
def _creation_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the repository's folder while it is opened or created, waiting
    for another run's: two runs storing into one new folder at once would both run `git init`
    there, and the second fail on the files the first is writing (`cannot copy ... File
    exists`) or find a repository half made. The lock is on the folder itself, so nothing is
    left in it. Where file locks are unavailable, creations are not serialised."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def refuse_a_working_tree_of_another_repository(repo: git.Repo, path: Path) -> None:
    """Refuse a git directory named by `--repo` whose working tree (its `core.worktree`, else the
    folder above it) holds no `.git` that leads back to it: git, run there, finds another
    repository or none, and the store would read one repository and write into the other. One
    without `core.worktree` (`git init --separate-git-dir`) names no working tree: the folder
    above it is none, and is not said to be."""
    if repo.bare or repo.working_tree_dir is None:
        return
    worktree = Path(repo.working_tree_dir)
    if git_directory(worktree).resolve() == Path(repo.git_dir).resolve():
        return
    with repo.config_reader("repository") as config:
        named = config.has_option("core", "worktree")
    repo.close()
    bare = "or make it bare (git config core.bare true) to store without one"
    if not named:  # (`git init --separate-git-dir`: the folder above it is no working tree)
        raise StoreError("is a git directory, not a repository's working tree, and names none "
                         "(core.worktree)", str(path),
                         hint=f"give --repo the folder whose .git file names it, {bare}")
    raise StoreError(f"is a git directory whose working tree is elsewhere ({worktree}), where "
                     "git would find another repository, or none", str(path),
                     hint=f"give --repo the folder of its working tree, {bare}")


def _open_or_init(path: Path) -> git.Repo:
    """The repository at `path` (another run's new one too, once this run holds the creation
    lock), or else a new one there, when the folder is empty; a creation that fails leaves the
    folder empty."""
    try:
        return _without_hooks(git.Repo(path))
    except git.InvalidGitRepositoryError:
        if is_repository(path):
            refuse_damaged_head(path)
        if any(path.iterdir()):
            raise _not_a_repository(path) from None
        try:
            return _without_hooks(git.Repo.init(path))
        except BaseException:  # a full disk, a file size limit, Ctrl-C: no half made repository
            shutil.rmtree(path / ".git", ignore_errors=True)  # stays to refuse the next run
            raise


def kind_of(path: Path) -> str:
    """What `path`, which is no directory, is in an error line: `a file`, `a FIFO`, ..."""
    mode = path.stat().st_mode
    return "a file" if stat.S_ISREG(mode) else special_kind(mode)


def _without_hooks(repo: git.Repo) -> git.Repo:
    """The repository, its git commands set to run no hook, monitor or filter it names, and to
    write no working tree but its own."""
    worktree = None if repo.bare else str(repo.working_tree_dir)
    repo.git.update_environment(**writing_environment(worktree=worktree))
    try:
        names = str(repo.git.config("--name-only", "--get-regexp", r"^filter\."))
    except git.GitCommandError:  # no filter is configured
        names = ""
    repo.git.update_environment(**writing_environment(filter_drivers(names), worktree))
    return repo


def object_format(repo: git.Repo) -> str:
    """The hash the repository names its objects with: `sha1` or `sha256`."""
    try:
        return str(repo.git.rev_parse("--show-object-format")).strip()
    except git.GitCommandError as error:
        raise StoreError("cannot tell the repository's object format", str(repo.git_dir),
                         hint=f"git said: {git_complaint(error.stderr)}") from error
