"""Running git on repositories that come from strangers, without running what they name.

A repository's `.git/config` (and the files it includes), its hooks and its attributes can make
git run programs: `gpg.program` when a log shows signatures, `core.fsmonitor`, `core.pager`,
`diff.external`, textconv and filter drivers, `core.sshCommand` for a lazy fetch, hooks from
`core.hooksPath`. A NewsDiffs archive received as a tarball carries all of them.

Git's own answer (gitsecurityboundary(7)) is to run git only on a sanitized clone of such a
repository: `git clone --no-local` copies refs and objects through `git upload-pack`, which obeys
none of the source's hooks or program-running config, and the clone gets a config of its own.
`sanitized_clone` makes that clone in a temporary directory without copying the objects
(`--reference` lets the clone read them from the source's object directory, as alternates), and
every git command revdiff runs to read a repository runs in such a clone, with no system or
global config either, so nothing outside revdiff changes what git prints.

Writing (`revdiff store --repo DIR`) must happen in the repository the user named; there
`writing_environment` turns off hooks, the file-system monitor, the signature program, the
filter drivers its config defines and the fetching of a partial clone's missing objects for
every git command, and keeps the working tree in DIR whatever `core.worktree` says (the store's
own history is read through a sanitized clone).
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import re
import shutil
import signal
import stat
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from revdiff.broken_git_refs import refuse_unclonable_ref
from revdiff.errors import StoreError, os_reason, temporary_folder_failure
from revdiff.file_kinds import is_dev_null, special_kind
from revdiff.file_names import name_text
from revdiff.git_alternates_file import alternates_entries
from revdiff.process_ends import killing_signal

# The oldest git revdiff runs: `git log --diff-merges` came in 2.31.
MINIMUM_GIT = (2, 31)
_private: dict[int, Path] = {}  # per process id: a forked child makes its own


def _private_folder() -> Path:
    """A folder only this process writes to: an empty config file and an empty hooks folder.

    (Not /dev/null: git reads it as a file, and a machine where it is a regular file with
    something written into it would make every git command fail or obey what it holds.)
    """
    folder = _private.get(os.getpid())
    if folder is None or not folder.is_dir():
        try:
            folder = Path(tempfile.mkdtemp(prefix="revdiff-git-"))
            try:
                (folder / "empty-config").write_bytes(b"")
                (folder / "no-hooks").mkdir()
            except OSError:  # a full disk: nothing half made is left
                shutil.rmtree(folder, ignore_errors=True)
                raise
        except OSError as error:  # it was told as git's failing to start, or as a user's file
            raise temporary_folder_failure(error, "the folder of the settings revdiff gives git"
                                           ) from None
        _private[os.getpid()] = folder
        atexit.register(_remove_private_folder, os.getpid(), folder)
    return folder


def _remove_private_folder(owner: int, folder: Path) -> None:
    if os.getpid() != owner:  # a forked child inherits the handler
        return
    with contextlib.suppress(ValueError):  # only the main thread sets handlers
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # exiting already: a late Ctrl-C is moot
    shutil.rmtree(folder, ignore_errors=True)


def _overrides() -> list[tuple[str, str]]:
    """Settings given to every git command revdiff runs. Command-line scope (set here through
    the environment) wins over the repository's config and anything it includes."""
    return [("core.hooksPath", str(_private_folder() / "no-hooks")),  # no hook is found
            ("core.fsmonitor", "false")]


def git_executable() -> str:
    """The git program, as GitPython finds it (GIT_PYTHON_GIT_EXECUTABLE, else git on PATH), or
    StoreError when there is none, or it is no git or one older than MINIMUM_GIT: GitPython then
    fails on import with a page of text, and an old git on the first option it lacks."""
    named = os.environ.get("GIT_PYTHON_GIT_EXECUTABLE")
    found = shutil.which(named or "git")
    if found is None and named:
        raise StoreError(f"GIT_PYTHON_GIT_EXECUTABLE names '{name_text(named)}', which is "
                         "no program",
                         hint="set it to the git program's path, or unset it to use git on PATH")
    if found is None:
        raise StoreError("reading a git repository or storing into one needs git, and 'git' is "
                         "not a program on PATH",
                         hint="install git, or set GIT_PYTHON_GIT_EXECUTABLE to its path")
    _check_git_version(found)
    return found


@functools.cache
def _check_git_version(program: str) -> None:
    """Refuse a program that does not say it is git (`git version 2.39.5`), or an older git."""
    try:
        said = subprocess.run([program, "version"], capture_output=True, text=True,
                              errors="replace", timeout=60, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        said = ""
    version = re.match(r"git version (\d+)\.(\d+)", said)
    if version is None:
        raise StoreError("is not git: it does not say its version as git does", program,
                         hint="set GIT_PYTHON_GIT_EXECUTABLE to the git program, or unset it to "
                              "use git on PATH")
    if (int(version[1]), int(version[2])) < MINIMUM_GIT:
        raise StoreError(f"reading a git repository or storing into one needs git "
                         f"{'.'.join(map(str, MINIMUM_GIT))} or later, and this is "
                         f"{said.split()[2]}", program,
                         hint="install a newer git, or name one with GIT_PYTHON_GIT_EXECUTABLE")


def _with_overrides(environment: dict[str, str],
                    more: Iterable[tuple[str, str]] = ()) -> dict[str, str]:
    settings = [*_overrides(), *more]
    environment["GIT_CONFIG_COUNT"] = str(len(settings))
    for index, (key, value) in enumerate(settings):
        environment[f"GIT_CONFIG_KEY_{index}"] = key
        environment[f"GIT_CONFIG_VALUE_{index}"] = value
    return environment


def writing_environment(drivers: Iterable[str] = (), worktree: str | None = None
                        ) -> dict[str, str]:
    """Environment additions for git commands in the repository `revdiff store` writes to.

    The user's own config stays in force (it may name the default branch); hooks, the
    file-system monitor and `log.showSignature` (which runs `gpg.program`) are off, and so are
    the filter `drivers` named (see `filter_drivers`): an empty command is no filter. The working
    tree is `worktree`, the folder the user named, whatever the repository's `core.worktree` says
    (it could name any folder to write into). No missing object is fetched: a partial clone's
    promisor remote names a program (`remote.*.uploadpack`, an `ext::` URL, `core.sshCommand`)
    that git would run to fetch one, as refreshing the index does to check a file's line endings,
    and the store needs no object it does not write.
    """
    names = list(drivers)
    emptied = [(f"filter.{driver}.{key}", "") for driver in names
               for key in ("clean", "smudge", "process")]
    required = [(f"filter.{driver}.required", "false") for driver in names]
    here = {"GIT_WORK_TREE": worktree} if worktree is not None else {}  # core.worktree loses
    return _with_overrides({"GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1", **here},
                           [("log.showSignature", "false"), *emptied, *required])


@contextlib.contextmanager
def without_callers_repository() -> Iterator[None]:
    """Keep out of the process's environment, while a store run writes, the variables by which
    its caller places a repository of its own (GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY,
    ...: those git lists, `git rev-parse --local-env-vars`); they are put back afterwards.

    A git hook that runs `revdiff store` has those of the repository it runs for, and git, and
    GitPython, which reads them too, would init, read and write that repository in place of the
    one named (its index, its objects). They are taken out of `os.environ` itself, as GitPython
    reads it there: a store run changes the environment of the whole process while it runs.
    """
    removed = {name: os.environ.pop(name) for name in _local_variables(git_executable())
               if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(removed)


@functools.cache
def _local_variables(program: str) -> tuple[str, ...]:
    """The environment variables that place a repository, as the git `program` lists them, or
    StoreError when it cannot (it fails, or cannot be started: removed since its version was
    checked): git documents no full list to fall back on."""
    try:
        listed = subprocess.run([program, "rev-parse", "--local-env-vars"], capture_output=True,
                                text=True, errors="replace", env=reading_environment(),
                                check=False, stdin=subprocess.DEVNULL)
    except OSError as error:
        raise _unlisted(program, f"git could not be started: {os_reason(error)}") from error
    if listed.returncode != 0:
        raise _unlisted(program, f"git said: {git_complaint(listed.stderr, listed.returncode)}")
    return tuple(listed.stdout.split())


def _unlisted(program: str, why: str) -> StoreError:
    return StoreError("cannot list the variables that place a git repository (git rev-parse "
                      "--local-env-vars)", program,
                      hint=f"{why}; check this git, or name another with "
                           "GIT_PYTHON_GIT_EXECUTABLE")


def filter_drivers(config_names: str) -> list[str]:
    """The filter drivers in `git config --name-only --get-regexp ^filter\\.` output."""
    drivers = {name.removeprefix("filter.").rpartition(".")[0]
               for name in config_names.splitlines() if name.startswith("filter.")}
    return sorted(driver for driver in drivers if driver)


def reading_environment() -> dict[str, str]:
    """The whole environment for git commands that read a repository (in a sanitized clone).

    The caller's GIT_* variables are dropped (GIT_DIR and the like would point git elsewhere),
    system and global config are not read, only the local file transport is allowed, and a
    missing object is never fetched.
    """
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("GIT_")}
    environment.update(GIT_CONFIG_NOSYSTEM="1",
                       GIT_CONFIG_GLOBAL=str(_private_folder() / "empty-config"),
                       GIT_ATTR_NOSYSTEM="1", GIT_NO_LAZY_FETCH="1", GIT_TERMINAL_PROMPT="0",
                       GIT_ALLOW_PROTOCOL="file", LC_ALL="C", LANGUAGE="C")
    return _with_overrides(environment)


def run_git(git_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """One git command in the (sanitized) repository `git_dir`, its output captured."""
    return subprocess.run([git_executable(), "--git-dir", str(git_dir), *args],
                          capture_output=True, env=reading_environment(), check=False,
                          stdin=subprocess.DEVNULL)


# What git says, on one of its lines, of an object it cannot read (its first line may say only
# `inflate: data stream error`, then `loose object ... is corrupt`): the repository is damaged.
_DAMAGED_OBJECT = re.compile(rb"is corrupt|unable to unpack")


@contextlib.contextmanager
def sanitized_clone(path: Path) -> Iterator[Path]:
    """A bare clone of the repository at `path` that shares its objects; removed afterwards.

    The clone holds the source's branches and HEAD (as `refs/heads/*` and `HEAD`) and a config
    written by git, not copied. Raises StoreError when git cannot read the source.
    """
    real = path.resolve()
    source = str(real)  # absolute: never read as a URL or an option
    refuse_special_files(path)
    try:
        made = tempfile.TemporaryDirectory(prefix="revdiff-clone-")
    except OSError as error:
        raise temporary_folder_failure(error, "a clone of the git repository") from None
    with made as folder:
        clone = Path(folder) / "clone.git"
        result = subprocess.run(
            [git_executable(), "clone", "--quiet", "--bare", "--no-local", "--template=",
             "--reference", str(common_git_dir(real)), "--", source, str(clone)],
            capture_output=True, env=_trusting(reading_environment(), path, Path(folder)),
            check=False, stdin=subprocess.DEVNULL)
        if result.returncode != 0:
            said = git_complaint(result.stderr)
            if "is shallow" in said:  # git cannot share the objects of a shallow clone
                raise StoreError("cannot read a shallow clone: it lacks the history", str(path),
                                 hint="fetch the whole history first: git fetch --unshallow")
            if "non-commit object" in said:  # a detached HEAD: git clones no HEAD but a commit
                raise StoreError("the git repository's HEAD names a tag, a tree or a blob, not "
                                 "a commit", str(path), hint="the repository is damaged or was "
                                 "made by hand; check out a branch that names a commit (git "
                                 "switch BRANCH)")
            refuse_damaged_head(path)
            git_dirs = (git_directory(real), common_git_dir(real))
            refuse_unclonable_ref(git_dirs[1], str(path),
                                  _as_text(result.stderr))  # all of it: see its docstring
            said, names_a_file = files_named_where_they_are(said, git_dirs, ran_in=git_dirs)
            damaged = "; the repository is damaged; check it with git fsck" \
                if _DAMAGED_OBJECT.search(result.stderr) else \
                f"; {MEND_THE_FILE}" if names_a_file else ""
            raise StoreError("cannot read the git repository", str(path),
                             hint=f"git said: {said}{damaged}")
        yield clone


# What to do about a file of the git directory that git cannot read (a damaged `config`).
MEND_THE_FILE = "mend that file or copy the repository again, then check it with git fsck"

# A file as git names it in a complaint: by its whole path, or by its path from the folder git
# runs in (`./config` in a git directory, `.git/packed-refs` in a working tree).
_NAMED_FILE = re.compile(r"(?<![^\s'])(?:/|\./|\.git/)[^\s:']+")


def files_named_where_they_are(said: str, git_dirs: Iterable[Path], ran_in: Iterable[Path]
                               ) -> tuple[str, bool]:
    """What git `said`, run in one of the folders `ran_in`, of a repository whose git
    directories are `git_dirs`: the files of those that git names from the folder it ran in
    (`bad config line 6 in file ./config`) named by their whole path, and whether it named one
    of their files, by either path."""
    folders = [folder.resolve() for folder in git_dirs]
    starts = list(ran_in)
    named = False

    def whole_path(found: re.Match[str]) -> str:
        nonlocal named
        for start in starts:
            file = start / found.group(0)  # (a whole path stays as it is)
            if file.is_file() and any(file.parent.resolve().is_relative_to(folder)
                                      for folder in folders):
                named = True
                return name_text(str(file.parent.resolve() / file.name))
        return found.group(0)

    return _NAMED_FILE.sub(whole_path, said), named


def _refuse_broken_git_file(path: Path) -> None:
    """Refuse the repository at `path` when its `.git` is a file (a linked worktree's, a
    submodule's) that names no git directory, or a folder that is none (`gitdir: /etc`): git
    then takes the folder for no repository, and the git directory is not there to hold the
    HEAD file `refuse_damaged_head` looks for."""
    dot_git = path.resolve() / ".git"
    if not dot_git.is_file():
        return
    pointer = _pointer_text(dot_git)
    if not pointer.startswith("gitdir:"):
        raise StoreError("its .git is a file, and it does not name a git directory as a linked "
                         "worktree's or a submodule's does (gitdir: PATH)", str(path),
                         hint="give the repository itself, or put its .git folder in place of "
                              "the file")
    named = (path.resolve() / pointer.removeprefix("gitdir:").strip()).resolve()
    if not named.is_dir():
        raise StoreError(f"its .git file names the git directory {name_text(str(named))}, "
                         "which is not there", str(path),
                         hint="the repository it belongs to was moved or deleted: give that "
                              "repository, or, for a linked worktree, run git worktree repair "
                              "in it")
    if not any((named / entry).exists() for entry in _GIT_DIRECTORY_ENTRIES):
        raise StoreError(f"its .git file names the folder {name_text(str(named))}, which is not "
                         "a git directory (it holds no HEAD, objects or refs)", str(path),
                         hint="give the repository itself, or point the .git file at its git "
                              "directory")


# What git accepts in HEAD: a branch it names, or a commit's object id (a detached HEAD)
_HEAD_TEXT = re.compile(rb"(ref: refs/\S+|[0-9a-f]{40}|[0-9a-f]{64})\s*")


# What every git directory holds, one of them at least even when damaged (a linked worktree's
# holds `commondir` in place of `objects` and `refs`)
_GIT_DIRECTORY_ENTRIES = ("HEAD", "objects", "refs", "commondir")


def refuse_damaged_head(path: Path) -> None:
    """Refuse the repository at `path` when its HEAD file is missing or damaged: git then takes
    the folder for no repository ("does not exist", "not a git repository"). A `.git` file
    that names no git directory (`_refuse_broken_git_file`), and a `.git` folder (or a `.git`
    linked to a folder) that is no git directory at all, are said to be so: they have no HEAD to
    write back."""
    _refuse_broken_git_file(path)
    dot_git = path.resolve() / ".git"
    if dot_git.is_dir() and not any((dot_git / entry).exists() for entry in _GIT_DIRECTORY_ENTRIES):
        if dot_git.is_symlink():
            raise StoreError(f"its .git links to the folder {name_text(str(dot_git.resolve()))}, "
                             "which is not a git directory (it holds no HEAD, objects or refs)",
                             str(path), hint="link .git to the repository's git directory, or "
                                             "give the repository itself")
        if not any(dot_git.iterdir()):
            raise StoreError("its .git folder is empty, so it is no git repository", str(path),
                             hint="remove the empty .git folder, or give the repository itself")
        raise StoreError("its .git folder is not a git directory (it holds no HEAD, objects or "
                         "refs)", str(path), hint="move the .git folder out of the way, or give "
                                                  "the repository itself")
    head_problem = _head_problem(git_directory(path.resolve()))
    if head_problem:
        raise StoreError(f"the git repository's HEAD file (which names the current branch) "
                         f"is {head_problem}", str(path),
                         hint="write it back naming a branch, e.g. `ref: refs/heads/main` "
                         "for a branch main, then check the repository with git fsck")


def _head_problem(git_dir: Path) -> str | None:
    """"missing" or "damaged" when the HEAD file of `git_dir` is, else None."""
    head = git_dir / "HEAD"
    if not head.is_file():
        return "missing"
    with head.open("rb") as file:
        return None if _HEAD_TEXT.fullmatch(file.read(256)) else "damaged"


def refuse_special_files(path: Path) -> None:
    """Refuse a repository whose git directory holds a FIFO or a device (or links to one), or
    whose config includes one: git opens such a file as it would a regular one and
    waits on a FIFO forever (a `HEAD`, `packed-refs`, `objects/info/alternates` or included
    config that is a FIFO hangs `git clone`), so an archive unpacked with one would hang
    revdiff. Raises StoreError naming the file."""
    resolved = path.resolve()
    folders = {common_git_dir(resolved)}
    pointer = resolved / ".git"
    if pointer.is_dir():
        folders.add(pointer)
    elif pointer.is_file():  # a linked worktree or a submodule: its own git directory holds HEAD
        text = _pointer_text(pointer)
        if text.startswith("gitdir:"):
            folders.add((resolved / text.removeprefix("gitdir:").strip()).resolve())
    else:  # a bare repository
        folders.add(resolved)
    # (never the work tree: git reads nothing of it here, and a FIFO or socket there is no
    # concern of the repository's)
    for folder in sorted(folders):
        if folder.is_dir():
            for entry in _special_entries(folder):
                _refuse_special(entry, path)
            _refuse_special_includes(folder / "config", path, depth=0)
            _refuse_special_alternates(folder / "objects", path)


def _special_entries(folder: Path) -> Iterator[Path]:
    """The entries under `folder` (its links to folders not followed) that are neither
    regular files nor folders, a link followed to what it names."""
    pending = [folder]
    while pending:
        try:
            entries = list(os.scandir(pending.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(Path(entry.path))
                elif not entry.is_file(follow_symlinks=True) and not entry.is_dir():
                    yield Path(entry.path)
            except OSError:
                continue


# How deep git follows alternates (object folders that name further ones).
_ALTERNATES_DEPTH = 5
# What git opens in an object folder: loose objects (`ab/cdef...`), packs and `info`
# (alternates, commit graphs).
_OBJECT_FOLDER_PARTS = ("info", "pack", *(f"{number:02x}" for number in range(256)))


def _refuse_special_alternates(objects: Path, path: Path) -> None:
    """Refuse a FIFO or device in an object folder that the object folder `objects` names in
    `info/alternates` (`alternate_object_folders`): they may lie anywhere, beside the git
    directory in the unpacked archive, and git opens what they hold as it opens the
    repository's own objects."""
    for alternate in alternate_object_folders(objects):
        for part in _OBJECT_FOLDER_PARTS:
            for entry in _special_entries(alternate / part):
                _refuse_special(entry, path)


def alternate_object_folders(objects: Path) -> list[Path]:
    """The object folders that the object folder `objects` names in `info/alternates` (a path a
    line, relative to `objects`), and those name, as deep as git follows them; each once, as
    git reads each once, however many lines name it."""
    seen = {Path(os.path.realpath(objects))}
    found = []
    pending = [(objects, 0)]
    while pending:
        folder, depth = pending.pop()
        if depth >= _ALTERNATES_DEPTH:
            continue
        for name in _alternates(folder / "info" / "alternates"):
            alternate = folder / name  # an absolute path stays as it is
            if Path(os.path.realpath(alternate)) in seen:
                continue
            seen.add(Path(os.path.realpath(alternate)))
            found.append(alternate)
            pending.append((alternate, depth + 1))
    return found


def _alternates(listing: Path) -> list[str]:
    """The object folders an `info/alternates` file names, as git reads them
    (`alternates_entries`: a path in C quotes up to its closing quote, the character after it
    skipped, whatever it is; a FIFO there is refused before this reads it). One larger than a
    config's most is refused (StoreError): git reads it whole, and the folders it names past
    what revdiff reads would be neither looked at nor warned of; a sparse file of gigabytes is
    not read."""
    try:
        if not listing.is_file():
            return []
        with open(listing, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(_LARGEST_CONFIG) if size <= _LARGEST_CONFIG else b""
    except OSError:
        return []
    if size > _LARGEST_CONFIG:
        raise StoreError(f"cannot read the git repository: this alternates file is {size:,} "
                         "bytes, far more than the object folders it names take", str(listing),
                         hint="remove the file, or keep in it only the object folders' paths")
    return [os.fsdecode(entry) for entry in alternates_entries(data)]


def _refuse_special(entry: Path, path: Path,
                    hint: str = "remove it from the repository, or replace it with a regular "
                                "file") -> None:
    try:
        mode = os.stat(entry).st_mode
    except OSError:  # a dangling link or a loop: git reports it as missing
        return
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISSOCK(mode) or is_dev_null(entry):
        # (a hook or an exclude file linked to /dev/null is a known way to empty it; a socket
        # cannot be opened as a file, so git waits on none, and git's own fsmonitor daemon
        # keeps one in the git directory: .git/fsmonitor--daemon.ipc)
        return
    raise StoreError(f"cannot read the git repository: {entry} is {special_kind(mode)}, which "
                     "git would wait on", str(path), hint=hint)


def _refuse_special_includes(config: Path, path: Path, depth: int) -> None:
    """Refuse a FIFO or device that the config file `config` includes (`include.path`,
    `includeIf.*.path`, relative to the file's folder), and the same in what it includes."""
    if depth > 10 or not config.is_file():
        return
    try:
        size = config.stat().st_size
        if size <= _LARGEST_CONFIG:
            text = config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return
    if size > _LARGEST_CONFIG:
        raise StoreError(f"cannot read the git repository: its config file {config} is "
                         f"{size:,} bytes, far more than any config holds", str(path),
                         hint="remove the file, or the include that names it")
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line[1:].split("]", 1)[0].strip().lower()
            line = line.split("]", 1)[1].strip() if "]" in line else ""
        key, equals, value = line.partition("=")
        if not equals or key.strip().lower() != "path" or not (
                section == "include" or section.startswith("includeif")):
            continue
        value = value.strip().strip('"')
        if not value:
            continue
        included = Path(os.path.expanduser(value))
        if not included.is_absolute():
            included = config.parent / included
        if not included.resolve().is_relative_to(path.resolve()):
            # (outside the repository, which a hint to remove it from would not hold)
            _refuse_special(included, path, hint=f"remove the include that names it from "
                            f"{config}, or replace the file it names with a regular file")
        else:
            _refuse_special(included, path)
        _refuse_special_includes(included, path, depth + 1)


# The largest config file (or file it includes) read: a sparse file of gigabytes, which an
# archive can hold, would be read whole into memory here and by GitPython (git reads it a line
# at a time, and takes a NUL byte in a comment).
_LARGEST_CONFIG = 16 << 20
# The most of a `.git` file or a `commondir` file read: git reads no `.git` file larger.
_LONGEST_POINTER = 1 << 20


def _pointer_text(file: Path) -> str:
    """The text of a file that names another git directory (`.git` in a linked worktree,
    `commondir`), read no further than git would: a sparse file of gigabytes (an archive can hold
    one) is neither read whole nor held in memory."""
    with open(file, "rb") as handle:
        data = handle.read(_LONGEST_POINTER)
    return data.partition(b"\0")[0].decode("utf-8", "replace").strip()


def _trusting(environment: dict[str, str], path: Path, folder: Path) -> dict[str, str]:
    """`environment` with a global config of its own in `folder` that trusts the repository at
    `path` when another user owns it (an archive unpacked as root, a shared one): git's
    ownership check guards against running what its config names, which a `--no-local` clone
    never runs. (Set as global config, since git hands no command-line setting to the
    `upload-pack` it runs on the source.)"""
    config = folder / "trusting-config"
    subprocess.run([git_executable(), "config", "--file", str(config), "safe.directory",
                    str(common_git_dir(path.resolve()))],
                   capture_output=True, env=environment, check=True, stdin=subprocess.DEVNULL)
    return {**environment, "GIT_CONFIG_GLOBAL": str(config)}


def common_git_dir(path: Path) -> Path:
    """The git directory holding the objects of the repository at `path`.

    A linked worktree (`.git` is a file naming its git directory, which names the main one in
    `commondir`) shares the main repository's objects; git cannot use it as a reference itself.
    Only files are read here, as git would read them.
    """
    return _main_git_dir(git_directory(path))


def _main_git_dir(git_dir: Path) -> Path:
    """The git directory that `git_dir` names in its `commondir` (a linked worktree's does),
    else `git_dir` itself."""
    common = git_dir / "commondir"
    if common.is_file():
        return (git_dir / _pointer_text(common)).resolve()
    return git_dir


def is_git_directory(git_dir: Path) -> bool:
    """Whether `git_dir` is a git directory, as git tells one while it looks for the repository
    above a folder: it holds a HEAD file naming a branch or a commit, and `objects` and `refs`
    folders, in the main git directory a linked worktree's names. An empty `.git` folder is
    none, and git looks on above it. Only files are read; a HEAD that is a FIFO is no file."""
    try:
        main = _main_git_dir(git_dir)
        return (_head_problem(git_dir) is None and (main / "objects").is_dir()
                and (main / "refs").is_dir())
    except (OSError, RuntimeError):  # unreadable, or a loop of links
        return False


def git_directory(path: Path) -> Path:
    """The git directory of the repository at `path`, which holds its HEAD: `.git`, the one a
    `.git` file names (a linked worktree's), or `path` itself (a bare repository)."""
    git_dir = path
    dot_git = path / ".git"
    if dot_git.is_file():
        pointer = _pointer_text(dot_git)
        if pointer.startswith("gitdir:"):
            git_dir = (path / pointer.removeprefix("gitdir:").strip()).resolve()
    elif dot_git.is_dir():
        git_dir = dot_git
    return git_dir


def is_linked_worktree_or_submodule(path: Path) -> bool:
    """Whether the git directory that the `.git` file at `path` names was made for `path`, by
    `git worktree add` or `git submodule`: a linked worktree's (`MAIN/worktrees/NAME`, whose
    `commondir` names MAIN) names `path/.git` back in its `gitdir` file; a submodule's lies under
    the `.git/modules` of a superproject that holds `path`. A folder from elsewhere can name
    either (`gitdir: ~/notes/.git/worktrees/x`), but is not named back, nor held. A `.git` that
    is a symbolic link is neither's."""
    dot_git = path / ".git"
    if dot_git.is_symlink() or not dot_git.is_file():
        return False
    try:
        git_dir = git_directory(path).resolve()
        folder = path.resolve()
        back_link = git_dir / "gitdir"
        if git_dir.parent.name == "worktrees" and back_link.is_file():
            return (common_git_dir(path).resolve() == git_dir.parent.parent
                    and (git_dir / _pointer_text(back_link)).resolve() == dot_git.resolve())
    except (OSError, RuntimeError):  # a pointer that cannot be read or followed
        return False
    parts = git_dir.parts
    return any(parts[at:at + 2] == (".git", "modules") and folder.is_relative_to(Path(*parts[:at]))
               for at in range(1, len(parts) - 2))


def git_complaint(stderr: bytes | str, status: int | None = None) -> str:
    """The line of git's stderr that says what went wrong (errors are reported on one line),
    with the indented lines git goes on with (`unknown repository extension found:`, then each
    extension on a line of its own, a tab before it): its first `error:` or `fatal:` line, or
    of a corrupt object git's verdict, which follows zlib's errors. `stderr` is git's own, or GitPython's
    `GitCommandError.stderr`, which wraps git's in `stderr: '...'`: only those quotes are
    dropped, never one of git's (`branch 'HEAD'`). When git said nothing, as when a signal killed
    it, how it ended by its `status`, a `Popen` return code: `killed by SIGXFSZ, file size limit
    exceeded`."""
    text = re.sub(r"\n[ \t]+(?=\S)", " ", _as_text(stderr)).strip()
    if text.startswith("stderr: '") and text.endswith("'"):
        text = text.removeprefix("stderr: '").removesuffix("'")
    said = [line.strip() for line in text.splitlines() if line.strip()]
    important = [line for line in said if line.startswith(("fatal:", "error:"))]
    # git's verdict on a corrupt object (`fatal: loose object ... is corrupt`) says more than the
    # zlib errors before it (`error: inflate: data stream error`), which name no object
    corrupt = [line for line in important if line.startswith("fatal:") and line.endswith(" is corrupt")]
    chosen = (corrupt or important or said
              or ["no message" if status is None else _how_it_ended(status)])[0]
    return "".join(c if c.isprintable() else "?" for c in chosen)


# What git says of a full disk: the system's ENOSPC, or its own for a write of nothing
_DISK_FULL = ("No space left on device", "Out of diskspace")


def room_to_make(status: int | None, stderr: bytes | str) -> str | None:
    """What to do first about a git command that stopped for want of room, as running it again
    fails the same way: `raise the file size limit with ulimit -f` when that limit killed it
    (SIGXFSZ, `status` a `Popen` return code), `free some space on the repository's disk` when
    it said the disk is full (ENOSPC, in English: git runs in the C locale; or `Out of
    diskspace`, git's own words for a write of nothing); else None."""
    if status == -signal.SIGXFSZ:
        return "raise the file size limit with ulimit -f"
    if any(words in _as_text(stderr) for words in _DISK_FULL):
        return "free some space on the repository's disk"
    return None


def _as_text(stderr: bytes | str) -> str:
    """What git wrote on stderr, as text (GitPython gives it as bytes or as text)."""
    return stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr


def _how_it_ended(code: int) -> str:
    """A process's end said in words: `exit code 128`, or, for a negative `Popen` return code,
    the signal that killed it: `killed by SIGXFSZ, file size limit exceeded`."""
    return f"exit code {code}" if code >= 0 else f"killed by {killing_signal(-code)}"
