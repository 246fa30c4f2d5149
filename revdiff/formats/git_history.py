"""A git repository's history read with one `git log` (`read_history`): its output parsed
by position, and the changes of file contents along the first-parent chain of a revision, each
described by the commit that wrote it (`FileChange`), renames followed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from revdiff.errors import StoreError
from revdiff.formats.fields import shown
from revdiff.formats.git_blobs import DAMAGED
from revdiff.safe_git import git_complaint, run_git

# A SHA-256 id first: a SHA-1 id is its first 40 digits.
_LOG_HEADER = re.compile(rb"^@@([0-9a-f]{64}|[0-9a-f]{40}) (.*)$")
_RAW_DATE = re.compile(r"^(-?\d+) ([+-])(\d\d)(\d\d)$")
# git's modes of the entries that are no file, and what each is: never read nor followed
_NOT_FILES = {"160000": "submodule", "120000": "symbolic link"}


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


def has_commits(git_dir: Path) -> bool:
    return run_git(git_dir, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode == 0


def read_history(git_dir: Path, revision: str, where: str,
                 paths_now: dict[int, str] | None = None,
                 missing_hint: str = DAMAGED,
                 not_files: dict[str, str] | None = None) -> list[FileChange]:
    """Every change of a file's content on the first-parent chain of `revision`, oldest first.

    Each commit of the chain, a merge too, is compared with its first parent, renames detected
    (`FileChange.lineage`). A change a merge brings in unchanged from a merged branch is described
    by the commit of that branch that wrote it (its message and author date): a store's trailers
    and a NewsDiffs message survive the merge. `git_dir` is a sanitized clone
    (`revdiff.safe_git.sanitized_clone`). `paths_now`, when given, gets each lineage's path at
    `revision` (for a deleted file, its last), which a rename that kept the text changed too.
    `not_files`, when given, gets the paths the chain's commits write a submodule or a symbolic
    link at, each with what it is (`_NOT_FILES`): none of them is read. `where` is the
    repository the clone was made of, named when git cannot read the history, which is then
    incomplete or damaged; `missing_hint` says what to do when a file's content it reads to
    detect a rename is missing (`git_blobs.missing_object_hint`).
    """
    result = run_git(git_dir, "log", revision, "--reverse", "--topo-order", "-z", "--raw",
                     "--no-abbrev", "--find-renames", "--diff-merges=first-parent", "--date=raw",
                     "--format=@@%H %ad%x00%P%x00%B", "--")
    if result.returncode != 0:
        complaint = git_complaint(result.stderr)
        what_to_do = missing_hint if complaint.startswith("fatal: unable to read") else DAMAGED
        raise StoreError(f"cannot read the history of {revision}", where,
                         hint=f"git said: {complaint}; {what_to_do}")
    return list(_changes_on_first_parent_chain(list(_parse_log(result.stdout)), paths_now,
                                               not_files))


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
    # the submodules and symbolic links it writes: (path, what it is: `_NOT_FILES`)
    not_files: list[tuple[str, str]] = field(default_factory=list)


def _parse_log(output: bytes) -> Iterator[_Commit]:
    """Parse `git log -z --raw` output: NUL-separated, read by position (no delimiter guessing).

    Each commit is a header token `@@<id> <seconds> <offset>` (git prints no date when the
    commit's is unreadable), its parents as one token, its message as one token, then for every
    changed file a `:<modes> <ids> <status>` token followed by a path token, or by the old and
    the new path for a rename (status `R<score>`). Deletions are left out; submodules and
    symbolic links are kept apart (`_Commit.not_files`).
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
        if not status or status.startswith("D") or set(meta[3]) == {"0"}:
            continue
        if meta[1] in _NOT_FILES:
            commit.not_files.append((path, _NOT_FILES[meta[1]]))
            continue
        commit.changes.append(_PathChange(path, renamed_from, meta[2], meta[3]))
    if commit is not None:
        yield commit


def _path_name(path: bytes) -> str:
    """A path git printed (git keeps names as bytes), as Python keeps names from the file
    system: bytes that are not UTF-8 as lone surrogates (`os.fsdecode`), so that `revdiff store`
    writes to the very file the branch holds. Shown through `name_text` (`caf\\xe9.txt`)."""
    return path.decode("utf-8", "surrogateescape")


def _changes_on_first_parent_chain(commits: list[_Commit], paths_now: dict[int, str] | None = None,
                                   not_files: dict[str, str] | None = None
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
        if not_files is not None and commit.id in chain:
            not_files.update(commit.not_files)
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
        return None, f"author date {shown(raw)} is not a git date"
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
