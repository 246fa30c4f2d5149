"""The repository a store run writes to: opening or creating it, its branch, locking, checkout.

Every git command run here runs with the repository's hooks and file-system monitor off
(`revdiff.safe_git.writing_environment`): the repository may have been downloaded.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import git

from revdiff.errors import BranchMoved, StoreError, folder_taking_no_files, os_reason
from revdiff.file_kinds import special_kind
from revdiff.formats.git_layout import branch_made_since, import_ref
from revdiff.formats.gitrepo import is_repository
from revdiff.formats.input_file import entry_kind
from revdiff.safe_git import (
    filter_drivers,
    git_complaint,
    git_directory,
    refuse_damaged_head,
    refuse_special_files,
    room_to_make,
    writing_environment,
)
from revdiff.store.encode import git_object_id

# How many paths one `git status` is given (the command line has a limit).
STATUS_BATCH = 500
LOCK_NAME = "revdiff-store.lock"
# Present while the working tree is being updated; left behind only by a run that died doing it.
SYNC_MARKER_NAME = "revdiff-sync-in-progress"


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
    one), in which a new repository's working tree would be `.git` itself."""
    if path.name == ".git" and (path.is_dir() or not os.path.lexists(path)) \
            and not is_repository(path):
        raise StoreError("is named .git but is no git directory, and revdiff store would make a "
                         "repository inside it", str(path),
                         hint=f"give --repo {path.parent} to make the repository there, or "
                              "name an existing one")
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
        raise StoreError(f"is {_kind_of(path)}, not a directory", str(path),
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
                      + (f"{in_the_way} is {_kind_of(in_the_way)}" if in_the_way
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


def _kind_of(path: Path) -> str:
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


def current_branch(repo: git.Repo) -> str:
    """The full ref HEAD points at, e.g. `refs/heads/main` (it may not exist yet); refused when
    it is no branch (`git symbolic-ref HEAD refs/tags/v1` makes HEAD name a tag, which the store
    would move)."""
    try:
        ref = str(repo.git.symbolic_ref("-q", "HEAD")).strip()
    except git.GitCommandError as error:
        said = git_complaint(error.stderr)
        if error.status != 1:  # not a detached HEAD: git cannot use the repository at all
            trust = (f"; if you trust it, git config --global --add safe.directory "
                     f"{repo.working_tree_dir or repo.git_dir}" if "dubious ownership" in said
                     else "")
            raise StoreError("git cannot use the repository", str(repo.git_dir),
                             hint=f"git said: {said}{trust}") from None
        git_dir = Path(repo.git_dir)
        if (git_dir / "rebase-merge").is_dir() or (git_dir / "rebase-apply").is_dir():
            raise StoreError("a rebase is in progress, so there is no branch to store into",
                             str(repo.git_dir), hint="finish it (git rebase --continue) or "
                             "abandon it (git rebase --abort) first") from None
        raise StoreError("HEAD is detached, so there is no branch to store into",
                         str(repo.git_dir), hint="check out a branch first (git switch BRANCH)"
                         ) from None
    if not ref.startswith("refs/heads/"):
        raise StoreError(f"HEAD names {ref}, which is no branch, so there is no branch to store "
                         "into", str(repo.git_dir),
                         hint="check out a branch first (git switch BRANCH)")
    return ref


def refuse_branch_checked_out_elsewhere(repo: git.Repo, ref: str) -> None:
    """Refuse, before anything is written, a branch checked out in another worktree of the
    repository (a bare repository's linked worktree): the store brings only its own working tree
    up to the commits it makes, so that worktree's index would stay behind, and its next commit
    delete the stored files. Read from the files git keeps for each linked worktree (its `HEAD`,
    and in `gitdir` where its `.git` file is); one whose folder is gone (prunable) is none. The
    main worktree (the folder holding a `.git` directory) counts too: a folder whose `.git` file
    names that directory itself, or a linked worktree, would store into its branch."""
    ours = Path(repo.git_dir).resolve()
    for head, worktree in _worktree_heads(Path(repo.common_dir), with_main=not repo.bare):
        if head.parent.resolve() == ours and worktree == _own_worktree(repo):
            continue
        if _small_file_text(head).strip() != f"ref: {ref}" or not worktree.is_dir():
            continue
        raise StoreError(f"the branch {ref.removeprefix('refs/heads/')} is checked out in the "
                         f"worktree {worktree}, which storing here would leave behind it; "
                         "nothing was stored", str(repo.working_tree_dir or repo.git_dir),
                         hint=f"store there instead (--repo {worktree}), or "
                              + ("make HEAD name another branch (git symbolic-ref HEAD "
                                 "refs/heads/BRANCH)" if repo.bare else
                                 "check out another branch here"))


def _worktree_heads(common_dir: Path, *, with_main: bool) -> Iterator[tuple[Path, Path]]:
    """Each worktree of the repository whose common git directory is `common_dir`: the `HEAD`
    file naming its branch, and its folder (for the main worktree, unless not `with_main`, the
    folder holding a `.git` directory; a bare repository, even one named `.git`, has none)."""
    common = common_dir.resolve()
    if with_main and common.name == ".git":
        yield common / "HEAD", common.parent
    for head in sorted((common / "worktrees").glob("*/HEAD")):
        pointer = _small_file_text(head.parent / "gitdir").removesuffix("\n")
        yield head, Path(pointer).parent.resolve()


def _own_worktree(repo: git.Repo) -> Path | None:
    return Path(repo.working_tree_dir).resolve() if repo.working_tree_dir else None


def _small_file_text(file: Path) -> str:
    """The start of a file git writes a line into (a worktree's `HEAD`, `gitdir`); empty when it
    cannot be read."""
    try:
        with open(file, "rb") as handle:
            return handle.read(1 << 16).decode("utf-8", "surrogateescape")
    except OSError:
        return ""


def branch_tip(repo: git.Repo, ref: str) -> str | None:
    """The commit `ref` names, or None when there is no such ref. Raises StoreError when it names
    another kind of object (a tree, a blob or a tag, in a damaged or hand-made repository): git
    would refuse to build on it only once the versions are written, or fail on it with a usage
    page."""
    named = str(repo.git.rev_parse("--verify", "--quiet", ref, with_exceptions=False)).strip()
    if not named:
        return None
    kind = str(repo.git.cat_file("-t", named, with_exceptions=False)).strip()
    if not kind:
        raise StoreError(f"{ref} names {named}, which is missing from the repository",
                         str(repo.working_tree_dir or repo.git_dir),
                         hint="the repository is incomplete or damaged; check it with git fsck")
    if kind != "commit":
        raise StoreError(f"{ref} names a {kind}, not a commit, so no commit can follow it",
                         str(repo.working_tree_dir or repo.git_dir),
                         hint=f"point it at a commit (git update-ref {ref} COMMIT), or delete it "
                              f"(git update-ref -d {ref}) to store from the start")
    return named


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


# What to do when an existing repository cannot be written, by the reason (errno)
_WRITING_HINTS = {
    errno.EACCES: "check that you may write to its git directory",
    errno.EPERM: "check that you may write to its git directory",
    errno.EROFS: "the file system is read-only: give a repository on a writable one with --repo",
    errno.ENOSPC: "the disk is full: free some space, then run again",
}


@contextlib.contextmanager
def store_lock(repo: git.Repo) -> Iterator[None]:
    """Hold an exclusive lock on the repository for one store run.

    The lock is an OS file lock (released by the kernel when the process dies, so a crash never
    leaves it behind). Where file locks are unavailable, runs are not serialised. A git
    directory the lock cannot be made in (a read-only file system) is refused in one line.
    """
    _refuse_others_at_own_files(Path(repo.git_dir))
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    lock_path = Path(repo.git_dir) / LOCK_NAME
    try:
        lock_file = open(lock_path, "a+b")  # noqa: SIM115 - closed by the `with` below
    except OSError as error:  # a read-only file system, a git directory the user may not write
        raise StoreError(f"cannot write to the repository: {os_reason(error)}; nothing "
                         "was stored", str(repo.git_dir),
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
    for name in (LOCK_NAME, SYNC_MARKER_NAME):
        place = git_dir / name
        if place.is_symlink() or (place.exists() and not place.is_file()):
            kind = "a symbolic link" if place.is_symlink() else _kind_of(place)
            raise StoreError(f"is {kind}, which revdiff store never makes, and storing would "
                             "write there; nothing was stored", str(place),
                             hint=f"remove the {kind.removeprefix('a ')}, then run again")


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


def sync_worktree(repo: git.Repo, ref: str) -> None:
    """Bring the index and working tree of a non-bare repository up to its branch.

    Moves from whatever the index holds (also after a crashed run) to the branch's tree, as a
    fast-forward checkout; files changed locally are never overwritten. git writes the index
    through a lock file and a rename, but working-tree files in place: a run killed while doing
    so leaves a marker, and the next run first undoes what that run half did. The git commands
    that take the index's lock meanwhile hold the marker's file lock (`_marker_in_use`): one that
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
                              "again: it finishes the update and overwrites no file") from error


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
    file), once no git command that run started still runs (`_marker_in_use`)."""
    git_dir = Path(repo.git_dir)
    locks = [("the repository's index", git_dir / "index.lock"),
             ("HEAD", git_dir / "HEAD.lock"),
             (f"the branch {ref.removeprefix('refs/heads/')}",
              Path(repo.common_dir) / f"{ref}.lock"),
             ("the repository's packed refs", Path(repo.common_dir) / "packed-refs.lock")]
    marker = git_dir / SYNC_MARKER_NAME
    return [(what, lock) for what, lock in locks
            if lock.exists() and not (lock.name == "index.lock" and lock.is_file()
                                      and marker.exists() and not _marker_in_use(marker))]


def _lock_for_the_sync(marker: BinaryIO) -> None:
    """Take the file lock of the open `marker` (where file locks are available)."""
    with contextlib.suppress(ImportError, OSError):  # (a file system without them: none)
        import fcntl
        fcntl.flock(marker, fcntl.LOCK_EX)


def _marker_in_use(marker: Path) -> bool:
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
