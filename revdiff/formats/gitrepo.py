"""Git repositories of versions: every commit of the current branch that changes a file is a
version of that file.

Three shapes are read, detected per commit:

- revdiff's own store (`revdiff store`): the file holds the title and the paragraphs and the
  commit message ends in `Revdiff-*` trailers carrying source, URL, version number, title, time
  and the rest (the format is `revdiff.formats.git_layout`), so the articles come back as they
  were stored, but for the pointer at `revdiff parse --format json` in a warning on unsure rows,
  dropped as a store keeps no page readings for that output to show;
- NewsDiffs archives: messages "Adding file <path>" / "Change to <path>", and files holding the
  date, the title and the byline on lines 1-3, a blank line, then paragraphs separated by blank
  lines; the version's time is the commit's author date;
- any other repository: each file's text split into paragraphs (one per non-empty line), titled by
  its path in the repository (`world/story.txt`, which tells it from `politics/story.txt`), timed
  by the author date; a commit that leaves the file without text is no
  version (warned), as an empty file among a folder's versions is none: a failed capture. The
  versions either side of it are kept, identical ones too (as identical captures in a folder are).

The current branch's history is HEAD's first-parent chain (`git log --first-parent`): the commits
made on the branch, its merge commits among them, not the commits of the branches it merged. A
detached HEAD (a commit checked out, no branch) is read so too, with a warning that no branch is.
Each commit of the chain, a merge too, is compared with its first parent: text that a merge
brings in is a version, and a commit that leaves a file's content as it was (a mode change, a
merge that changes nothing) is no version of it. A version is described (message, so trailers
and NewsDiffs header, and author date) by the commit that wrote its text: the chain's commit, or,
when a merge takes a file unchanged from a merged branch, the commit of that branch that wrote
it, so that a store or an archive merged from a branch reads back as it was written there; only
the branch's last text of the file is a version (a warning counts the branch's earlier texts of
it, left out). Versions keep the chain's order; one dated by its author date before the version
before it gets a warning (a stored version's time is the article's own, read back as stored), and
so does a stored version numbered below the stored version before it.

A file none of whose versions is text (binary: a NUL byte, or bytes no encoding reads), or that
is empty in every version, is no article; one warning on the repository's first article counts
such files and names a few. A version over the size limit is told binary as git tells binary
files, by a NUL byte among its first 8,000 bytes, the rest unread: binary, it is left out as any
binary version is (a picture beside the articles stops nothing); else it is refused. A
repository without a text file is an error. A Git LFS file (git holds a pointer in its place) is
read from the repository's LFS store, `lfs/objects` in its git directory; a version whose
content is not there is left out, warned, and a file with none there is counted as binary files
are.

A file renamed on the chain (git's rename detection between a commit and its first parent, `-M`:
the old path gone, a new path at least half alike) goes on as the same article at its new path; a
rename that keeps the text is no version. Each version is titled after the path it had then (any
repository); the article's `path` and NewsDiffs URL are its newest version's. A file added later
at the old path is a new article; a deleted file that comes back at its path goes on as before.

The repository is never read in place: its config, hooks and attributes could make git run
programs. git runs only in a sanitized clone (`revdiff.safe_git`). The history (every commit
reachable from HEAD, to find who wrote what a merge brings in) is read once, parents first, with
one `git log`; file contents come from one `git cat-file --batch` process. SHA-1 and SHA-256
repositories are both read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, Self

from revdiff.errors import EmptyInput, MalformedPage, RevdiffError, StoreError
from revdiff.file_names import name_text
from revdiff.formats.article_errors import skip_or_raise
from revdiff.formats.decoding import decode_version_bytes
from revdiff.formats.elision import without_stale_cut_warnings
from revdiff.formats.fields import shown, source_of_url
from revdiff.formats.git_layout import (
    MOST_VERSION_DIGITS,
    TRAILER_CHANGES,
    TRAILER_CUT,
    TRAILER_ENCODING,
    TRAILER_METADATA,
    TRAILER_SOURCE,
    TRAILER_TIME,
    TRAILER_TIME_FROM,
    TRAILER_TIME_TEXT,
    TRAILER_URL,
    TRAILER_VERSION,
    TRAILER_WARNINGS,
    branch_made_since,
    decode_metadata,
    decode_version_file,
    decode_warnings,
    import_ref,
    is_utf8_text,
    parse_trailers,
    stored_version_number,
)
from revdiff.formats.newsdiffs_text import split_version_text
from revdiff.formats.plain import (
    blocks_between_blank_lines,
    read_paragraphs,
    wrapped_warning,
)
from revdiff.formats.text_input import check_size, resolved
from revdiff.model import Article, Version
from revdiff.read_warnings import SHOWN_BY_PARSE_JSON
from revdiff.safe_git import (
    common_git_dir,
    git_complaint,
    git_directory,
    git_executable,
    is_linked_worktree_or_submodule,
    reading_environment,
    run_git,
    sanitized_clone,
)
from revdiff.size_limit import DEFAULT_MAX_BYTES

_NEWSDIFFS_MESSAGE = re.compile(r"^(Adding file|Change to) (.+)$")
# A SHA-256 id first: a SHA-1 id is its first 40 digits.
_LOG_HEADER = re.compile(rb"^@@([0-9a-f]{64}|[0-9a-f]{40}) (.*)$")
_RAW_DATE = re.compile(r"^(-?\d+) ([+-])(\d\d)(\d\d)$")
_OBJECT_ID = re.compile(r"[0-9a-f]{64}|[0-9a-f]{40}")
# The most of a ref file read: a ref's line is an id and its name.
_LONGEST_REF_LINE = 1 << 16
_NOT_FILES = ("160000", "120000")  # the modes of a submodule and of a symbolic link
# A Git LFS pointer (spec v1): git holds it in place of the file, whose content `git lfs fetch`
# puts in the repository's LFS store (`lfs/objects/`). No pointer is longer than 1024 bytes.
_LFS_POINTER = re.compile(rb"version https://git-lfs\.github\.com/spec/v1\n"
                          rb"(?:ext-\d+-\w+ sha256:[0-9a-f]{64}\n)*"
                          rb"oid sha256:([0-9a-f]{64})\nsize (\d+)\n")
_LONGEST_LFS_POINTER = 1024
_FETCH_LFS = "git lfs fetch --all fetches it into the repository"
# How much of a version over the size limit is read to tell whether it is binary: git's own
# test, a NUL byte among a file's first 8,000 bytes
_FIRST_FEW_BYTES = 8000
# A warning names at most this many of the files it is about, and counts the rest.
_NAMES_SHOWN = 3


@dataclass(frozen=True, slots=True)
class FileChange:
    """One version of a file: the new content a commit of the first-parent chain gives it.

    Deletions are not versions and are left out. `commit`, `message` and the times are those of
    the commit that wrote the content (for a merge that took it from a merged branch, the
    branch's commit).
    """

    commit: str
    path: str  # the file's path in the chain's commit (not UTF-8: `_path_name`)
    blob: str
    message: str
    author_time: datetime | None
    # Which file this is across renames: changes with the same number are one file's history,
    # whatever path git's rename detection followed it to (numbered from 0, oldest first).
    lineage: int
    # What is wrong with the author date when git printed one revdiff cannot read (the commit
    # is damaged); None when it is fine or absent (git prints no negative date).
    date_problem: str | None = None
    # For text a merge brings: how many texts of the file a merged branch wrote before its last
    # one. They are off the first-parent chain, so no version.
    texts_passed_over: int = 0


@dataclass(slots=True)
class _ArticleParts:
    versions: list[Version] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    changes: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    last_timed: Version | None = None  # the newest version timed by an author date
    last_stored: Version | None = None  # the newest version read from a store's trailers
    path: str = ""  # the file's path in its newest change
    # the plain texts read one paragraph a line: (place in `versions`, commit, text), read
    # again in blocks when another version of the file looks wrapped (`_read_alike`)
    unwrapped: list[tuple[int, str, str]] = field(default_factory=list)
    wrap_width: int | None = None  # the widest any of its plain versions looks wrapped at
    emptied: bool = False  # a commit left the file without text: no version (`_add_version`)
    unfetched: bool = False  # a Git LFS pointer whose content is not in the repository


def is_repository(path: Path) -> bool:
    """Whether `path` holds a repository (`.git`) or is a bare one: its objects, and its HEAD,
    or its refs and git's config file (a bare repository whose HEAD is lost is still one, to be
    named as such; a folder of versions that happens to hold `objects` and `refs` folders is
    not)."""
    return (path / ".git").exists() or (
        (path / "objects").is_dir()
        and ((path / "HEAD").is_file() or ((path / "refs").is_dir() and (path / "config").is_file())))


def history_lies_out_of(path: Path, folder: Path) -> bool:
    """Whether the repository at `path` keeps its history outside `folder`: its `.git` is a file
    or a link naming another git directory, or its `commondir` does. A folder from a stranger
    can so name one of the reader's own repositories (`gitdir: /home/me/notes/.git`), as a
    symbolic link can name any file: export leaves such a repository out of a folder it walks,
    and reading one named itself (`folder` is `path`) says whose history it reads, unless that
    is a linked worktree's or a submodule's made for it (`is_linked_worktree_or_submodule`).
    One whose pointer cannot be read or followed (a loop of links) is not: its reading says
    why."""
    inside = resolved(folder)
    try:
        git_dirs = (git_directory(path), common_git_dir(path))
    except (OSError, RuntimeError):
        return False
    return any(not resolved(git_dir).is_relative_to(inside) for git_dir in git_dirs)


def read_repository(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Every file in the history of the repository's current branch, as an article.

    A stored version larger than `max_bytes` is refused before it is read, unless its first
    8,000 bytes tell it binary, which is no version at any size (`_binary_or_refused`).
    """
    if not is_repository(path):
        raise StoreError("not a git repository", str(path),
                         hint="give the directory that holds .git, or a bare repository")
    parts: dict[int, _ArticleParts] = {}
    common = common_git_dir(path.resolve())
    with sanitized_clone(path) as clone:
        branch = _current_branch(clone)
        unfinished = _unfinished_store(path, clone, branch) if branch else None
        detached = None if branch else _detached_head_warning(path, clone)
        if not has_commits(clone):
            _refuse_head_naming_no_commit(clone, path)
            hint = (f"{unfinished}; run the same revdiff store again to put them there"
                    if unfinished else "check out a branch that holds versions, or store "
                    "versions first: revdiff store FILES --repo DIR")
            raise EmptyInput("the git repository's current branch (HEAD) has no commits",
                             str(path), hint=hint)
        missing_hint = _missing_object_hint(common)
        changes = read_history(clone, "HEAD", str(path), missing_hint=missing_hint)
        stored = _stored_lineages(changes)
        not_stored: dict[int, str] = {}  # in a store, the files it never wrote: their paths
        failed: set[int] = set()  # the lineages of articles left out (`export --skip-errors`)
        with BlobReader(clone, missing_hint) as blobs:
            for change in changes:
                change = replace(change, path=name_text(change.path))  # as names are shown
                if change.lineage in failed or PurePosixPath(change.path).name in _GIT_FILES:
                    continue
                if stored and change.lineage not in stored:
                    not_stored[change.lineage] = change.path
                    continue
                article = parts.setdefault(change.lineage, _ArticleParts())
                article.path = change.path
                where = f"{path}:{change.path}"  # an error shows its control characters as symbols
                try:
                    data = _lfs_content(blobs.read(change.blob, where, max_bytes), common,
                                        where, max_bytes)
                    if data is None:
                        article.warnings.append(f"{change.commit[:12]}: the content of this Git "
                                                f"LFS file is not in the repository ({_FETCH_LFS}"
                                                "); left out")
                        article.unfetched = True
                        continue
                    _add_version(article, change, data, where)
                except RevdiffError as error:  # one file's: `export --skip-errors` reads the rest
                    skip_or_raise(error)
                    failed.add(change.lineage)
    kept = [article for lineage, article in parts.items() if lineage not in failed]
    read = [article for article in kept if article.versions]
    unread = [article for article in kept if not article.versions]
    unfetched = [article.path for article in unread if article.unfetched]
    empty = [article.path for article in unread if article.emptied and not article.unfetched]
    binary = [article.path for article in unread
              if not article.emptied and not article.unfetched]
    if not read and failed:
        return []  # each left out with its error
    if not read:
        held = "; ".join(_files("binary", binary) + _files("empty", empty)
                         + _files("Git LFS", unfetched))
        raise EmptyInput(f"no file in the history of the current branch (HEAD) holds text"
                         f"{': ' if held else ''}{held}", str(path),
                         hint=f"the Git LFS files' content is not in the repository: {_FETCH_LFS}"
                         if unfetched
                         else "revdiff reads the versions of text files; binary "
                              "files, symbolic links and submodules are no articles")
    # said once, on the repository's first article
    for kind, paths, why in (("binary", binary, "is text"), ("empty", empty, "holds text")):
        for files in _files(kind, paths):
            read[0].warnings.append(f"{files} left out: no version of "
                                    f"{'it' if len(paths) == 1 else 'them'} {why}")
    others = list(not_stored.values())
    for files in _files("other", others):
        read[0].warnings.append(f"{files} left out: the repository is a revdiff store, and the "
                                f"store wrote no version of {'it' if len(others) == 1 else 'them'}"
                                " (a file of your own beside the articles is no article)")
    for files in _files("Git LFS", unfetched):
        read[0].warnings.append(f"{files} left out: the content of no version of "
                                f"{'it' if len(unfetched) == 1 else 'them'} is in the repository; "
                                f"{_FETCH_LFS}")
    if unfinished:
        read[0].warnings.append(f"{path}: {unfinished}; run the same revdiff store again to "
                                "put them there")
    if detached:
        read[0].warnings.append(detached)
    if history_lies_out_of(path, path) and not is_linked_worktree_or_submodule(path):
        read[0].warnings.append(f"{path}: its .git names a git directory out of it "
                                f"({name_text(str(resolved(common)))}), which is no linked "
                                "worktree's nor submodule's made for it: the history read is that "
                                "repository's")
    return [_finish(article) for article in read]


def _stored_lineages(changes: list[FileChange]) -> set[int]:
    """The files (lineages) that are articles of a store, in which only they are: those `revdiff
    store` wrote a version of, by its trailers, and those a NewsDiffs archive's commit wrote (a
    store made in an archive). Empty for any other repository."""
    stored = {change.lineage for change in changes
              if TRAILER_VERSION in parse_trailers(change.message)}
    if not stored:
        return set()
    return stored | {change.lineage for change in changes
                     if _NEWSDIFFS_MESSAGE.match(change.message.split("\n", 1)[0])}


# What to do about an object missing from a repository that is no partial clone
_DAMAGED = "the repository is incomplete or damaged; check it with git fsck"


def _missing_object_hint(common: Path) -> str:
    """What to do when an object the history names is missing from the repository whose git
    directory is `common`: a partial clone (`git clone --filter`, its packs marked `.promisor`)
    lacks file contents by design, and revdiff fetches nothing."""
    if any((common / "objects" / "pack").glob("*.promisor")):
        return ("the repository is a partial clone, made with git clone --filter, and revdiff "
                "fetches nothing: fetch every version's content into it first with git -c "
                "remote.origin.partialclonefilter= fetch --refetch origin, or clone it again "
                "without --filter")
    return _DAMAGED


def _lfs_content(data: bytes, common: Path, where: str, max_bytes: int) -> bytes | None:
    """The content a Git LFS pointer stands for, read from the repository's LFS store
    (`common` is its git directory): `data` itself when it is no pointer, None when the store
    lacks the content (or holds other bytes under its id), whatever size the pointer gives.
    Content that is there and larger than `max_bytes` is not read (`_binary_or_refused`)."""
    pointer = _LFS_POINTER.fullmatch(data) if len(data) <= _LONGEST_LFS_POINTER else None
    if pointer is None:
        return data
    object_id, size = pointer.group(1).decode("ascii"), int(pointer.group(2))
    stored = common / "lfs" / "objects" / object_id[:2] / object_id[2:4] / object_id
    try:
        # opened without waiting: `lfs` may link out of the git directory, past the check for
        # FIFOs and devices (`refuse_special_files`), to a FIFO, whose open waits for a writer
        descriptor = os.open(stored, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with open(descriptor, "rb") as file:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode) or found.st_size != size:
            return None
        if size > max_bytes:
            return _binary_or_refused(file.read(_FIRST_FEW_BYTES), size, where, max_bytes)
        content = file.read(size + 1)
    return content if hashlib.sha256(content).hexdigest() == object_id else None


def _current_branch(clone: Path) -> str | None:
    """The ref of the branch HEAD names (`refs/heads/main`); None when HEAD is detached."""
    branch = run_git(clone, "symbolic-ref", "-q", "HEAD").stdout.decode("utf-8", "replace").strip()
    return branch or None


def _detached_head_warning(path: Path, clone: Path) -> str:
    """What reading a repository whose HEAD is detached (a commit checked out, no branch) says:
    its history is HEAD's, as a branch's would be, which is no current branch's."""
    head = run_git(clone, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").stdout
    return (f"{path}: HEAD is detached (no branch is checked out): read along the first-parent "
            f"history of its commit {head.decode('ascii', 'replace').strip()[:12]}; check out a "
            "branch (git switch BRANCH) to read that branch")


def _unfinished_store(path: Path, clone: Path, branch: str) -> str | None:
    """What a `revdiff store` into the current `branch` that was stopped (killed, or refused
    when the branch moved) left: the versions it wrote are on its private ref (`import_ref`), not
    on the branch, until a store run puts them there. Read from the ref files, as git would."""
    private = import_ref(branch)
    common = common_git_dir(path.resolve())
    written = _ref_in_files(common, private)
    if written is None or _branch_made_since(clone, common, branch, written):
        return None  # (made since: the stopped run's branch was deleted, the next run drops them)
    return (f"a revdiff store into this branch was stopped before it finished: the versions it "
            f"wrote are on {private}, not yet on the branch")


# Files that tell git how to treat the others: no article's text
_GIT_FILES = frozenset({".gitattributes", ".gitignore", ".gitmodules", ".mailmap"})


def _files(kind: str, paths: list[str]) -> list[str]:
    """`3 binary files (logo.png, chart.pdf, data.bin and 1 more)`: the count and a few names,
    none when `paths` is empty."""
    if not paths:
        return []
    names = ", ".join(paths[:_NAMES_SHOWN])
    more = f" and {len(paths) - _NAMES_SHOWN} more" if len(paths) > _NAMES_SHOWN else ""
    return [f"{len(paths)} {kind} file{'s' if len(paths) > 1 else ''} ({names}{more})"]


def _ref_in_files(common: Path, ref: str) -> str | None:
    """The object `ref` names, read from its loose file or the `packed-refs` file (a line at a
    time: it may be large); None when neither holds it."""
    loose = common / ref
    if loose.is_file():
        with open(loose, "rb") as file:
            return file.read(_LONGEST_REF_LINE).decode("ascii", "replace").strip()
    packed_refs = common / "packed-refs"
    if not packed_refs.is_file():
        return None
    wanted = f" {ref}\n".encode()
    with open(packed_refs, "rb") as lines:
        for line in lines:
            if line.endswith(wanted):
                return line.decode("ascii", "replace").split(" ", 1)[0]
    return None


def _branch_made_since(clone: Path, common: Path, branch: str, written: str) -> bool:
    """Whether the branch was made after the commit `written` (its committer date), as `revdiff
    store` judges a stopped run's commits (`branch_made_since`)."""
    if not _OBJECT_ID.fullmatch(written):  # (a hand-made file: never given to git as an option)
        return False
    written_at = run_git(clone, "log", "-1", "--format=%ct", written, "--").stdout.strip()
    return written_at.isdigit() and branch_made_since(common, branch, int(written_at))


def _refuse_head_naming_no_commit(clone: Path, path: Path) -> None:
    """Refuse a current branch that names a tree or a blob (or a tag of one): it has no commits,
    yet storing versions into it, as is said of an empty branch, is no help."""
    named = run_git(clone, "cat-file", "-t", "HEAD").stdout.decode("ascii", "replace").strip()
    if named:
        raise StoreError(f"the git repository's current branch (HEAD) names a {named}, not a "
                         "commit", str(path), hint="the repository is damaged or was made by "
                         "hand; check out a branch that names a commit (git switch BRANCH)")


def has_commits(git_dir: Path) -> bool:
    return run_git(git_dir, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode == 0


def read_history(git_dir: Path, revision: str, where: str,
                 paths_now: dict[int, str] | None = None,
                 missing_hint: str = _DAMAGED) -> list[FileChange]:
    """Every change of a file's content on the first-parent chain of `revision`, oldest first.

    Each commit of the chain, a merge too, is compared with its first parent, renames detected
    (`FileChange.lineage`). A change a merge brings in unchanged from a merged branch is described
    by the commit of that branch that wrote it (its message and author date): a store's trailers
    and a NewsDiffs message survive the merge. `git_dir` is a sanitized clone
    (`revdiff.safe_git.sanitized_clone`). `paths_now`, when given, gets each lineage's path at
    `revision` (for a deleted file, its last), which a rename that kept the text changed too.
    `where` is the repository the clone was made of, named when git cannot read the history,
    which is then incomplete or damaged; `missing_hint` says what to do when a file's content it
    reads to detect a rename is missing (`_missing_object_hint`).
    """
    result = run_git(git_dir, "log", revision, "--reverse", "--topo-order", "-z", "--raw",
                     "--no-abbrev", "--find-renames", "--diff-merges=first-parent", "--date=raw",
                     "--format=@@%H %ad%x00%P%x00%B", "--")
    if result.returncode != 0:
        complaint = git_complaint(result.stderr)
        what_to_do = missing_hint if complaint.startswith("fatal: unable to read") else _DAMAGED
        raise StoreError(f"cannot read the history of {revision}", where,
                         hint=f"git said: {complaint}; {what_to_do}")
    return list(_changes_on_first_parent_chain(list(_parse_log(result.stdout)), paths_now))


@dataclass(frozen=True, slots=True)
class _PathChange:
    """A file's new content in a commit, against the commit's first parent."""

    path: str
    renamed_from: str | None  # the path git's rename detection paired it with, if any
    old_blob: str  # all zeros when the file is new
    blob: str


@dataclass(frozen=True, slots=True)
class _Commit:
    id: str
    parents: tuple[str, ...]
    message: str
    author_time: datetime | None
    date_problem: str | None
    changes: list[_PathChange] = field(default_factory=list)


def _parse_log(output: bytes) -> Iterator[_Commit]:
    """Parse `git log -z --raw` output: NUL-separated, read by position (no delimiter guessing).

    Each commit is a header token `@@<id> <seconds> <offset>` (git prints no date when the
    commit's is unreadable), its parents as one token, its message as one token, then for every
    changed file a `:<modes> <ids> <status>` token followed by a path token, or by the old and
    the new path for a rename (status `R<score>`). Deletions, submodules and symbolic links are
    left out.
    """
    tokens = output.split(b"\0")
    index = 0
    commit: _Commit | None = None
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        header = _LOG_HEADER.match(token)
        if header:
            if commit is not None:
                yield commit
            parents = tokens[index].decode("ascii", "replace").split() \
                if index < len(tokens) else []
            message = tokens[index + 1].decode("utf-8", "replace") \
                if index + 1 < len(tokens) else ""
            index += 2
            when, problem = author_time(header.group(2).decode("ascii", "replace"))
            commit = _Commit(header.group(1).decode("ascii"), tuple(parents), message, when,
                             problem)
            continue
        if commit is None or not token.startswith(b":") or index >= len(tokens):
            continue
        meta = token.decode("ascii", "replace").split(" ")
        status = meta[4] if len(meta) >= 5 else ""
        renamed_from = None
        if status.startswith("R") and index + 1 < len(tokens):
            renamed_from = _path_name(tokens[index])
            index += 1
        path = _path_name(tokens[index])
        index += 1
        if (not status or status.startswith("D") or set(meta[3]) == {"0"}
                or meta[1] in _NOT_FILES):
            continue
        commit.changes.append(_PathChange(path, renamed_from, meta[2], meta[3]))
    if commit is not None:
        yield commit


def _path_name(path: bytes) -> str:
    """A path git printed (git keeps names as bytes), as Python keeps names from the file
    system: bytes that are not UTF-8 as lone surrogates (`os.fsdecode`), so that `revdiff store`
    writes to the very file the branch holds. Shown through `name_text` (`caf\\xe9.txt`)."""
    return path.decode("utf-8", "surrogateescape")


def _changes_on_first_parent_chain(commits: list[_Commit], paths_now: dict[int, str] | None = None
                                   ) -> Iterator[FileChange]:
    """The content changes of the commits on the last commit's first-parent chain, in order.

    `commits` come parents first (`--reverse --topo-order`), so the last is the tip. A file
    keeps its lineage through a rename on the chain; a file added at a path that a rename left
    starts a new one, a deleted file that comes back at its path goes on with its old one.
    """
    if not commits:
        return
    by_id = {commit.id: commit for commit in commits}
    chain: set[str] = set()
    walk: _Commit | None = commits[-1]
    while walk is not None:
        chain.add(walk.id)
        walk = by_id.get(walk.parents[0]) if walk.parents else None
    passed_over = _texts_passed_over(commits, by_id, chain)
    writer_of: dict[tuple[str, str], _Commit] = {}  # (path, blob) -> the last commit writing it
    lineage_at: dict[str, int] = {}  # path -> the lineage of the file last seen there
    lineages = 0  # how many have been started
    for commit in commits:
        for change in commit.changes:
            if change.blob == change.old_blob:
                writer = None  # renamed, or its mode changed: the content is the same
            elif len(commit.parents) > 1:  # a merge: the text may come as a branch wrote it
                writer = writer_of.setdefault((change.path, change.blob), commit)
            else:
                writer = writer_of[change.path, change.blob] = commit
            if commit.id not in chain:
                continue
            lineage = None if change.renamed_from is None \
                else lineage_at.pop(change.renamed_from, None)
            if lineage is None:
                lineage = lineage_at.get(change.path)
            if lineage is None:
                lineage, lineages = lineages, lineages + 1
            lineage_at[change.path] = lineage
            if writer is not None:
                yield FileChange(writer.id, change.path, change.blob, writer.message,
                                 writer.author_time, lineage, writer.date_problem,
                                 passed_over.get((commit.id, change.path), 0))
    if paths_now is not None:
        paths_now.update((lineage, path) for path, lineage in lineage_at.items())


def _texts_passed_over(commits: list[_Commit], by_id: dict[str, _Commit], chain: set[str]
                       ) -> dict[tuple[str, str], int]:
    """(merge on the chain, path) -> how many texts of the file the branches that merge brings
    in wrote before their last one: versions the first-parent rule leaves out.

    Each commit off the chain belongs to the first merge of the chain that reaches it, and to
    the branch (the merge's parent) it was reached from.
    """
    writes: dict[tuple[str, int, str], int] = {}  # (merge, parent, path) -> commits writing it
    seen: set[str] = set()
    for merge in commits:
        if merge.id not in chain or len(merge.parents) < 2:
            continue
        for branch, parent in enumerate(merge.parents[1:]):
            stack = [parent]
            while stack:
                commit = by_id.get(stack.pop())
                if commit is None or commit.id in chain or commit.id in seen:
                    continue
                seen.add(commit.id)
                stack.extend(commit.parents)
                for change in commit.changes:
                    if change.blob != change.old_blob:
                        key = (merge.id, branch, change.path)
                        writes[key] = writes.get(key, 0) + 1
    passed_over: dict[tuple[str, str], int] = {}
    for (merge_id, _, path), count in writes.items():
        passed_over[merge_id, path] = passed_over.get((merge_id, path), 0) + count - 1
    return {key: count for key, count in passed_over.items() if count}


def author_time(raw: str) -> tuple[datetime | None, str | None]:
    """A git `--date=raw` author date as a time, or what is wrong with it.

    git prints no date for a negative one, and 0 for one it cannot read (`99999999999999999999`):
    either gives no time and no problem (a warning later). A time Python cannot hold (git accepts
    dates far past the year 9999) and an offset beyond ±23:59 are problems: the commit is damaged.
    """
    if not raw:
        return None, None
    match = _RAW_DATE.match(raw)
    if match is None:
        return None, f"author date {raw[:40]!r} is not a git date"
    if int(match.group(1)) == 0:  # 1970-01-01 00:00 UTC: no news tracker's time
        return None, None
    minutes = int(match.group(3)) * 60 + int(match.group(4))
    if minutes >= 24 * 60:
        return None, f"author time zone {raw.split()[1]} is not a time zone"
    offset = timezone(timedelta(minutes=-minutes if match.group(2) == "-" else minutes))
    try:
        return datetime.fromtimestamp(int(match.group(1)), offset), None
    except (OverflowError, OSError, ValueError):
        return None, f"author date {raw} is out of range (after the year 9999)"


class BlobReader:
    """File contents from one `git cat-file --batch` process in a sanitized clone.

    Each object's size is read from its header and checked before its content is read: of one
    larger than the limit, only the first bytes are read (`_binary_or_refused`).
    `missing_hint` says what to do when an object is missing (`_missing_object_hint`).
    """

    def __init__(self, git_dir: Path, missing_hint: str = _DAMAGED) -> None:
        self._missing_hint = missing_hint
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the reader
        self._process = subprocess.Popen(
            [git_executable(), "--git-dir", str(git_dir), "cat-file", "--batch"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
            env=reading_environment())
        assert self._process.stdin is not None and self._process.stdout is not None
        self._stdin: IO[bytes] = self._process.stdin
        self._stdout: IO[bytes] = self._process.stdout

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._process.kill()
        self._process.wait()
        self._stdin.close()
        self._stdout.close()
        self._stderr.close()

    def read(self, object_id: str, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
        """The content of the blob `object_id`; StoreError when it is missing or damaged. Of a
        blob larger than `max_bytes`, its first bytes when they tell it binary, else
        InputTooLarge (`_binary_or_refused`)."""
        try:
            self._stdin.write(object_id.encode("ascii") + b"\n")
            self._stdin.flush()
        except BrokenPipeError:
            pass  # the process has died: the empty header below says so
        header = self._stdout.readline().split()
        if len(header) == 2 and header[1] == b"missing" and self._said():
            # git reports an object it cannot inflate as missing, after complaining.
            raise StoreError(f"stored version {object_id} cannot be read", where,
                             hint=f"git said: {self._complaint()}; check it with git fsck")
        if len(header) == 2 and header[1] == b"missing":
            raise StoreError(f"stored version {object_id} is missing from the repository", where,
                             hint=self._missing_hint)
        if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
            raise StoreError(f"stored version {object_id} cannot be read", where,
                             hint=f"git said: {self._complaint()}; check it with git fsck")
        size = int(header[2])
        if size > max_bytes:
            head = self._stdout.read(min(size, _FIRST_FEW_BYTES))
            self._pass_over(size + 1 - len(head))  # the next object's header comes after it
            return _binary_or_refused(head, size, where, max_bytes)
        data = self._stdout.read(size + 1)
        if len(data) != size + 1:
            raise StoreError(f"stored version {object_id} is cut short", where,
                             hint=f"git said: {self._complaint()}; check it with git fsck")
        return data[:-1]

    def _pass_over(self, count: int) -> None:
        """Read `count` bytes of the object git is writing, a block at a time, and drop them."""
        while count > 0:
            block = self._stdout.read(min(count, 1 << 20))
            if not block:
                return
            count -= len(block)

    def _said(self) -> bool:
        return os.fstat(self._stderr.fileno()).st_size > 0

    def _complaint(self) -> str:
        self._process.kill()
        self._process.wait()
        self._stderr.seek(0)
        return git_complaint(self._stderr.read())


def _binary_or_refused(head: bytes, size: int, where: str, max_bytes: int) -> bytes:
    """The first bytes `head` of a version of `size` bytes, over the limit `max_bytes`, when
    they tell it binary (a NUL byte, as git tells a binary file among its first 8,000 bytes):
    enough for it to be left out as binary content is, since a picture or an archive kept
    beside the articles is no version at any size. Else InputTooLarge, as for any input."""
    if b"\0" not in head:
        check_size(size, where, max_bytes)
    return head


def _add_version(article: _ArticleParts, change: FileChange, data: bytes, where: str) -> None:
    if change.texts_passed_over:
        count = change.texts_passed_over
        article.warnings.append(
            f"{change.commit[:12]}: a merge brings this text from a branch that wrote {count} "
            f"earlier text{'s' if count > 1 else ''} of the file; only the branch's last text "
            "is read (the current branch's first-parent history)")
    trailers = parse_trailers(change.message)
    if TRAILER_VERSION in trailers:
        _add_stored_version(article, change, trailers, data, where)
        return
    if change.date_problem is not None:
        raise MalformedPage(change.date_problem, f"{where} (commit {change.commit[:12]})",
                            hint="the commit is damaged; correct its date or leave it out")
    if change.author_time is None:
        article.warnings.append(f"{change.commit[:12]}: author date missing, 0 or negative; "
                                "the version has no time")
    decoded = None if b"\0" in data else decode_version_bytes(data)
    if decoded is None:
        article.warnings.append(f"{change.commit[:12]}: binary content left out")
        return
    text, assumed = decoded
    if assumed is not None:
        article.warnings.append(f"{change.commit[:12]}: {assumed}")
    text = text.replace("\r\n", "\n")
    if article.last_stored is not None:  # a store's file, in a commit revdiff did not write
        _add_hand_edited_version(article, change, text)
        return
    if not text.strip():  # as an empty file among a folder's versions: a failed capture
        article.warnings.append(f"{change.commit[:12]}: the file is empty, and an empty capture "
                                "is no version; left out")
        article.emptied = True
        return
    number = len(article.versions)
    newsdiffs = _NEWSDIFFS_MESSAGE.match(change.message.split("\n", 1)[0])
    if newsdiffs:
        parsed = split_version_text(text)
        if parsed.has_header:
            article.versions.append(Version(number, parsed.title, parsed.paragraphs,
                                            change.author_time))
            _warn_when_time_goes_back(article, change.commit)
            article.url = _newsdiffs_url(_url_path(change.path, newsdiffs.group(2)))
            article.source = source_of_url(article.url)
            # each version's date and byline lines, as the NewsDiffs page reader keeps them;
            # `date` and `byline` are the newest version's
            article.metadata.update({f"date.{number}": parsed.date, "date": parsed.date,
                                     f"byline.{number}": parsed.byline, "byline": parsed.byline})
            return
        article.warnings.append(f"{change.commit[:12]}: NewsDiffs commit without the "
                                "date/title/byline header; read as plain text")
    article.metadata["path"] = change.path
    paragraphs, width = read_paragraphs(text)
    if width is None:
        article.unwrapped.append((len(article.versions), change.commit[:12], text))
    else:
        article.warnings.append(wrapped_warning(change.commit[:12], width))
        article.wrap_width = max(width, article.wrap_width or 0)
    article.versions.append(Version(number, change.path, paragraphs, change.author_time))
    _warn_when_time_goes_back(article, change.commit)


def _read_alike(parts: _ArticleParts) -> None:
    """A file's plain versions read alike, as a folder's are (`plain.read_all_paragraphs`): when
    one looks wrapped, those too short to show it are read in blocks at its width if they fit."""
    if parts.wrap_width is None:
        return
    for place, commit, text in parts.unwrapped:
        paragraphs, width = read_paragraphs(text, parts.wrap_width)
        if width is not None:
            parts.versions[place] = replace(parts.versions[place], paragraphs=paragraphs)
            parts.warnings.append(wrapped_warning(commit, width))


def _add_hand_edited_version(article: _ArticleParts, change: FileChange, text: str) -> None:
    """A version of a store's file that `revdiff store` did not commit (an edit by hand): read in
    the store's layout, its title on the first line and its paragraphs between blank lines (a
    paragraph's line breaks read as spaces), timed by the commit's author date, and numbered
    after the newest version (version numbers are an article's keys in every export; `revdiff
    store` numbers it so too, and refuses a later version of the tracker that has its number)."""
    commit = change.commit[:12]
    title, *paragraphs = [" ".join(lines) for lines in blocks_between_blank_lines(text)] or [""]
    if not paragraphs:
        article.warnings.append(f"{commit}: a commit without revdiff's trailers leaves the "
                                "store's file without paragraphs; left out")
        return
    number = max(version.number for version in article.versions) + 1
    article.versions.append(Version(number, title, tuple(paragraphs), change.author_time))
    article.warnings.append(f"{commit}: a commit without revdiff's trailers (an edit by hand?) "
                            f"is read in the store's layout, as version {number}")


def _warn_when_time_goes_back(article: _ArticleParts, commit: str) -> None:
    """Versions keep the order of the history; one dated before the one before it is warned of.

    Only versions timed by their commit's author date are compared: a stored version's time is
    the article's own, read back as it was stored.
    """
    newest = article.versions[-1]
    if newest.time is None:
        return
    before, article.last_timed = article.last_timed, newest
    if before is not None and before.time is not None and newest.time < before.time:
        article.warnings.append(
            f"{commit[:12]}: version {newest.number} is dated before version {before.number} "
            f"({newest.time.isoformat(sep=' ')} < {before.time.isoformat(sep=' ')}); kept in "
            "the order of the branch's first-parent history")


# A damaged trailer of a store's commit: what to do
_NOT_BY_STORE = ("the commit was not written by revdiff store as it is: mend its message with git "
                 "commit --amend or a rebase, or read a branch without it")


def _add_stored_version(article: _ArticleParts, change: FileChange, trailers: dict[str, str],
                        data: bytes, where: str) -> None:
    place = f"{where} (commit {change.commit[:12]})"
    number = stored_version_number(trailers[TRAILER_VERSION])
    if number is None:
        raise MalformedPage(f"{TRAILER_VERSION} {shown(trailers[TRAILER_VERSION])} is not a whole "
                            f"number from 0 of at most {MOST_VERSION_DIGITS} digits", place,
                            hint=_NOT_BY_STORE)
    time = None
    if TRAILER_TIME in trailers:
        try:
            time = datetime.fromisoformat(trailers[TRAILER_TIME])
        except ValueError:
            raise MalformedPage(f"{TRAILER_TIME} is not an ISO time: "
                                f"{trailers[TRAILER_TIME][:40]!r}",
                                place, hint=_NOT_BY_STORE) from None
    title, paragraphs = decode_version_file(data, trailers.get(TRAILER_ENCODING), place)
    taken = {version.number for version in article.versions}
    if number in taken:  # a store's commit copied (cherry-picked): numbers are the keys
        renumbered = max(taken) + 1
        article.warnings.append(f"{change.commit[:12]}: version {number} is stored again (a "
                                f"commit copied?); read as version {renumbered}")
        number = renumbered
    cut = TRAILER_CUT in trailers
    if cut and trailers[TRAILER_CUT] != "true":
        raise MalformedPage(f"{TRAILER_CUT} {shown(trailers[TRAILER_CUT])} is not true", place,
                            hint=_NOT_BY_STORE)
    article.versions.append(Version(number, title, paragraphs, time,
                                    trailers.get(TRAILER_TIME_TEXT),
                                    time_from=_stored_time_from(trailers, place), cut=cut))
    _warn_when_number_goes_back(article, change.commit)
    article.source = trailers.get(TRAILER_SOURCE)
    article.url = trailers.get(TRAILER_URL)
    article.changes = _stored_changes(trailers, place)
    article.metadata = _stored_metadata(trailers, place)
    # Each commit keeps the warnings of the reading that stored it: the article has them all, but
    # stale cut warnings (`_finish`). A store keeps no page readings, so a warning on unsure rows
    # loses its pointer at the output that shows them: dropped on reading, a store already
    # written reads back without it too.
    stored = tuple(warning.replace(SHOWN_BY_PARSE_JSON, "")
                   for warning in decode_warnings(trailers[TRAILER_WARNINGS], place)) \
        if TRAILER_WARNINGS in trailers else ()
    article.warnings.extend(w for w in dict.fromkeys(stored) if w not in article.warnings)


def _warn_when_number_goes_back(article: _ArticleParts, commit: str) -> None:
    """Stored versions keep the order of the history; one numbered below the stored version
    before it (`Revdiff-Version` going back: versions committed out of order) is warned
    of, as a version dated back is."""
    newest = article.versions[-1]
    before, article.last_stored = article.last_stored, newest
    if before is not None and newest.number < before.number:
        article.warnings.append(
            f"{commit[:12]}: version {newest.number} is stored after version {before.number} "
            f"({TRAILER_VERSION} goes back); kept in the order of the branch's first-parent "
            "history")


# A change count as `revdiff store` writes one: the article's, whatever its reader took (a
# NewsEdits file's `num_versions` may be any 64-bit integer), in ASCII digits after an optional
# minus; not `1_000` or `٣`, which `int` took too, nor more digits than a version number has.
_STORED_COUNT = re.compile(rf"-?[0-9]{{1,{MOST_VERSION_DIGITS}}}")


def _stored_changes(trailers: dict[str, str], place: str) -> int | None:
    if TRAILER_CHANGES not in trailers:
        return None
    written = trailers[TRAILER_CHANGES].strip()
    if not _STORED_COUNT.fullmatch(written):
        raise MalformedPage(f"{TRAILER_CHANGES} {shown(written)} is not a whole number",
                            place, hint=_NOT_BY_STORE)
    return int(written)


def _stored_time_from(trailers: dict[str, str], place: str) -> int | None:
    """The number of the version the stored time counts from (`Revdiff-Time-From`), if stored."""
    if TRAILER_TIME_FROM not in trailers:
        return None
    number = stored_version_number(trailers[TRAILER_TIME_FROM])
    if number is None:
        raise MalformedPage(f"{TRAILER_TIME_FROM} {shown(trailers[TRAILER_TIME_FROM])} is not a "
                            f"whole number from 0 of at most {MOST_VERSION_DIGITS} digits", place,
                            hint=_NOT_BY_STORE)
    return number


def _stored_metadata(trailers: dict[str, str], place: str) -> dict[str, str]:
    if TRAILER_METADATA not in trailers:
        return {}
    metadata = decode_metadata(trailers[TRAILER_METADATA])
    if metadata is None or not is_utf8_text(metadata):
        raise MalformedPage(f"{TRAILER_METADATA} is not a JSON object: "
                            f"{trailers[TRAILER_METADATA][:40]!r}", place,
                            hint=_NOT_BY_STORE)
    return {str(k): str(v) for k, v in metadata.items()}


def _finish(parts: _ArticleParts) -> Article:
    _read_alike(parts)
    # a later run's page that cut a version stored whole warned it incomplete: no longer so
    return Article(parts.source, parts.url, tuple(parts.versions), parts.changes,
                   dict(parts.metadata), without_stale_cut_warnings(parts.warnings, parts.versions))


def _url_path(path: str, named: str) -> str:
    """The part of a NewsDiffs file's path that is made from its URL: the path the commit message
    names, when the file's path ends with it (the month's archive kept in a folder, as
    `2020-01/www.nytimes.com/...` in a repository of several months); else the whole path."""
    named = named.strip()
    return named if path.endswith("/" + named) else path


def _newsdiffs_url(path: str) -> str:
    # NewsDiffs names a file after its URL: `http://` dropped, `https://` kept as `https:/`.
    if path.startswith("https:/"):
        return "https://" + path.removeprefix("https:/")
    return "http://" + path
