"""Git repositories of versions: every commit of the current branch that changes a file is a
version of that file.

Three shapes are read, detected per commit:

- revdiff's own store (`revdiff store`): the file holds the title and the paragraphs and the
  commit message ends in `Revdiff-*` trailers carrying source, URL, version number, title, time
  and the rest (the format is `revdiff.formats.git_layout`), so the articles come back as they
  were stored, but for the pointer at `revdiff parse --format json` in a warning on unsure rows,
  dropped as a store keeps no page readings for that output to show;
- NewsDiffs archives: messages "Adding file <path>" / "Change to <path>" naming the file the
  commit writes (a person's "Change to the intro" is no NewsDiffs commit), and files holding the
  date, the title and the byline on lines 1-3, a blank line, then paragraphs separated by blank
  lines; the version's time is the commit's author date; a version of such a file that another
  commit wrote (one over many files) is read so too when it holds the header lines, warned;
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

A file none of whose versions is text (binary: a NUL byte, but for text a UTF-16 or UTF-32
byte-order mark begins, bytes no encoding reads, or, not UTF-8, too many bytes no text holds),
or that is empty in every version, is no article; one warning on the repository's first article
counts such files and names a few; so do one for the symbolic links and one for the submodules
the chain's commits write, which are never followed nor read. A version over the size limit is
told binary from its first 8 KiB alone, the rest unread, as a plain file over it is: by a NUL
byte (not after a UTF-16 or UTF-32 byte-order mark), as git tells binary files, or bytes no
text holds; binary, it is left out as any binary version is (a picture beside the articles
stops nothing); else it is refused. A repository without a text file is an error. A Git LFS
file (git holds a pointer in its place) is read from the repository's LFS store, `lfs/objects`
in its git directory; a version whose content is not there is left out, warned, and a file with
none there is counted as binary files are.

A file renamed on the chain (git's rename detection between a commit and its first parent, `-M`:
the old path gone, a new path at least half alike) goes on as the same article at its new path; a
rename that keeps the text is no version. Each version is titled after the path it had then (any
repository); the article's `path` and NewsDiffs URL are its newest version's. A file added later
at the old path is a new article; a deleted file that comes back at its path goes on as before.

The repository is never read in place: its config, hooks and attributes could make git run
programs. git runs only in a sanitized clone (`revdiff.safe_git`). The history (every commit
reachable from HEAD, to find who wrote what a merge brings in) is read once, parents first, with
one `git log` (`revdiff.formats.git_history`); file contents come from one `git cat-file
--batch` process (`revdiff.formats.git_blobs`), and become versions as
`revdiff.formats.git_versions` reads them (a store's trailers: `revdiff.formats.git_trailers`).
This module finds the repository, clones it and says what its HEAD and branches tell. SHA-1 and
SHA-256 repositories are both read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePosixPath

from revdiff.errors import EmptyInput, RevdiffError, StoreError
from revdiff.file_names import name_text
from revdiff.formats.article_errors import skip_or_raise
from revdiff.formats.git_blobs import FETCH_LFS, BlobReader, lfs_content, missing_object_hint
from revdiff.formats.git_history import FileChange, has_commits, read_history
from revdiff.formats.git_layout import (
    TRAILER_VERSION,
    branch_made_since,
    import_ref,
    parse_trailers,
)
from revdiff.formats.git_versions import (
    ArticleParts,
    FileContent,
    add_versions,
    finish_article,
    newsdiffs_path,
)
from revdiff.formats.text_input import resolved
from revdiff.model import Article
from revdiff.read_warnings import counted, first_few
from revdiff.safe_git import (
    alternate_object_folders,
    common_git_dir,
    git_directory,
    is_linked_worktree_or_submodule,
    run_git,
    sanitized_clone,
)
from revdiff.size_limit import DEFAULT_MAX_BYTES

_OBJECT_ID = re.compile(r"[0-9a-f]{64}|[0-9a-f]{40}")
# The most of a ref file read: a ref's line is an id and its name.
_LONGEST_REF_LINE = 1 << 16
# A warning names at most this many of the files it is about, and counts the rest.
_NAMES_SHOWN = 3


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


def objects_lie_out_of(path: Path, folder: Path) -> bool:
    """Whether the repository at `path` reads objects from out of `folder`: its object folder's
    `info/alternates` names one there (as `git clone --shared` writes), from which git reads any
    commit or file its branches name, one of the reader's own repositories' too. Export leaves
    such a repository out of a folder it walks, as it does one whose history lies out of it."""
    return bool(_alternates_out_of(path, [folder]))


def _alternates_out_of(path: Path, folders: list[Path]) -> list[Path]:
    """The object folders the repository at `path` names in its alternates that lie in none of
    `folders`, resolved; none when they cannot be read or followed (a loop of links), or when an
    alternates file is too large to read, which reading the repository refuses
    (`refuse_special_files`)."""
    try:
        insides = [resolved(folder) for folder in folders]
        alternates = [resolved(alternate) for alternate
                      in alternate_object_folders(common_git_dir(path) / "objects")]
    except (OSError, RuntimeError, StoreError):
        return []
    return [alternate for alternate in alternates
            if not any(alternate.is_relative_to(inside) for inside in insides)]


def read_repository(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Every file in the history of the repository's current branch, as an article.

    A stored version larger than `max_bytes` is refused before it is read, unless its first
    8 KiB tell it binary, which is no version at any size (`revdiff.formats.git_blobs`).
    """
    if not is_repository(path):
        raise StoreError("not a git repository", str(path),
                         hint="give the directory that holds .git, or a bare repository")
    parts: dict[int, ArticleParts] = {}
    common = common_git_dir(path.resolve())
    with sanitized_clone(path) as clone:
        branch = None if _head_is_detached(path) else _current_branch(clone)
        unfinished = _unfinished_store(path, clone, branch) if branch else None
        detached = None if branch else _detached_head_warning(path, clone)
        if not has_commits(clone):
            _refuse_head_naming_no_commit(clone, path)
            if branch and not unfinished:
                _refuse_missing_branch(clone, path, branch)
            hint = (f"{unfinished}; run the same revdiff store again to put them there"
                    if unfinished else "check out a branch that holds versions, or store "
                    "versions first: revdiff store FILES --repo DIR")
            raise EmptyInput("the git repository's current branch (HEAD) has no commits",
                             str(path), hint=hint)
        missing_hint = missing_object_hint(common)
        not_files: dict[str, str] = {}  # the submodules' and symbolic links' paths: what each is
        changes = read_history(clone, "HEAD", str(path), missing_hint=missing_hint,
                               not_files=not_files)
        stored = _stored_lineages(changes)
        not_stored: dict[int, str] = {}  # in a store, the files it never wrote: their paths
        failed: set[int] = set()  # the lineages of articles left out (`export --skip-errors`)
        with BlobReader(clone, missing_hint) as blobs:
            # a file's versions are read together (their encoding is guessed over them all)
            for lineage, file_changes in _changes_by_file(changes).items():
                if stored and lineage not in stored:
                    not_stored[lineage] = file_changes[-1].path
                    continue
                article = parts.setdefault(lineage, ArticleParts())
                try:
                    contents: list[FileContent] = []
                    for change in file_changes:
                        # an error shows the path's control characters as symbols
                        where = f"{path}:{change.path}"
                        contents.append((change, where, lfs_content(
                            blobs.read(change.blob, where, max_bytes), common, where, max_bytes)))
                    add_versions(article, contents)
                except RevdiffError as error:  # one file's: `export --skip-errors` reads the rest
                    skip_or_raise(error)
                    failed.add(lineage)
    kept = [article for lineage, article in parts.items() if lineage not in failed]
    read = [article for article in kept if article.versions]
    unread = [article for article in kept if not article.versions]
    unfetched = [article.path for article in unread if article.unfetched]
    empty = [article.path for article in unread if article.emptied and not article.unfetched]
    binary = [article.path for article in unread
              if not article.emptied and not article.unfetched]
    if not read and failed:
        return []  # each left out with its error
    links = _named(not_files, "symbolic link")
    submodules = _named(not_files, "submodule")
    if not read:
        held = "; ".join(_files("binary", binary) + _files("empty", empty)
                         + _files("Git LFS", unfetched) + _not_files(links, "symbolic link")
                         + _not_files(submodules, "submodule"))
        raise EmptyInput(f"no file in the history of the current branch (HEAD) holds text"
                         f"{': ' if held else ''}{held}", str(path),
                         hint=f"the Git LFS files' content is not in the repository: {FETCH_LFS}"
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
                                f"{FETCH_LFS}")
    for files in _not_files(links, "symbolic link"):
        read[0].warnings.append(f"left out {files}: a link is no article and is never followed; "
                                "give the file it names to read that")
    for files in _not_files(submodules, "submodule"):
        read[0].warnings.append(f"left out {files}: a submodule's repository is not read; give "
                                "its folder to read its history")
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
    elsewhere = _alternates_out_of(path, [path, common])  # a worktree's are its repository's
    if elsewhere:
        read[0].warnings.append(f"{path}: its objects/info/alternates names object folders out "
                                f"of it ({first_few([name_text(str(f)) for f in elsewhere])}): "
                                "commits and files may be read from there")
    return [finish_article(article) for article in read]


def _changes_by_file(changes: list[FileChange]) -> dict[int, list[FileChange]]:
    """The changes of each file (its lineage, across renames), in the order of the history, the
    files in the order they first appear; paths as names are shown, and git's own files
    (`.gitignore`, ...) left out."""
    by_file: dict[int, list[FileChange]] = {}
    for change in changes:
        change = replace(change, path=name_text(change.path))
        if PurePosixPath(change.path).name not in _GIT_FILES:
            by_file.setdefault(change.lineage, []).append(change)
    return by_file


def _stored_lineages(changes: list[FileChange]) -> set[int]:
    """The files (lineages) that are articles of a store, in which only they are: those `revdiff
    store` wrote a version of, by its trailers, and those a NewsDiffs archive's commit wrote (a
    store made in an archive). Empty for any other repository."""
    stored = {change.lineage for change in changes
              if TRAILER_VERSION in parse_trailers(change.message)}
    if not stored:
        return set()
    return stored | {change.lineage for change in changes
                     if newsdiffs_path(change.message, change.path) is not None}


def _current_branch(clone: Path) -> str | None:
    """The ref of the branch HEAD names (`refs/heads/main`); None when HEAD is detached."""
    branch = run_git(clone, "symbolic-ref", "-q", "HEAD").stdout.decode("utf-8", "replace").strip()
    return branch or None


def _head_is_detached(path: Path) -> bool:
    """Whether the HEAD of the repository at `path` names a commit, not a branch: read from its
    file, as the clone's HEAD names a branch whose tip is that commit (git guesses it so). A
    HEAD that is a symbolic link names a branch (as git once wrote it)."""
    head = git_directory(path.resolve()) / "HEAD"
    if head.is_symlink() or not head.is_file():
        return False
    with open(head, "rb") as file:
        return _OBJECT_ID.fullmatch(file.read(_LONGEST_REF_LINE).decode("ascii", "replace")
                                    .strip()) is not None


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
    on the branch, until a store run puts them there. Read from the ref files, as git would.
    None when they are on it already (a run that moved the branch, then failed to delete its
    ref: the next run deletes it)."""
    private = import_ref(branch)
    common = common_git_dir(path.resolve())
    written = ref_in_files(common, private)
    if written is None or _on_the_branch(clone, written) \
            or _branch_made_since(clone, common, branch, written):
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


def _named(not_files: dict[str, str], kind: str) -> list[str]:
    """The paths of `not_files` (path -> what it is) that are a `kind`, as names are shown."""
    return [name_text(path) for path, what in not_files.items() if what == kind]


def _not_files(paths: list[str], kind: str) -> list[str]:
    """`2 symbolic links (latest.txt, top.txt)`, as a folder's left-out files are counted and
    named (`folders.left_out_binary_warnings`); none when `paths` is empty."""
    return [f"{counted(len(paths), kind)} ({first_few(paths)})"] if paths else []


def ref_in_files(common: Path, ref: str) -> str | None:
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


def _on_the_branch(clone: Path, written: str) -> bool:
    """Whether the commit `written` is the current branch's tip or one of its ancestors."""
    if not _OBJECT_ID.fullmatch(written):  # (a hand-made file: never given to git as an option)
        return False
    return run_git(clone, "merge-base", "--is-ancestor", written, "HEAD").returncode == 0


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


def _refuse_missing_branch(clone: Path, path: Path, branch: str) -> None:
    """Refuse a HEAD naming a branch that does not exist (`ref: refs/heads/nope`) in a repository
    that has others: storing versions into it, as is said of a new repository's branch, is not
    what is wanted there. Nothing is said when there is no branch at all."""
    listed = run_git(clone, "for-each-ref", "--format=%(refname:short)", "refs/heads/").stdout
    branches = [name_text(name) for name in listed.decode("utf-8", "replace").splitlines()]
    if branches:
        raise StoreError(f"the git repository's current branch (HEAD) is "
                         f"{name_text(branch.removeprefix('refs/heads/'))}, which does not exist",
                         str(path), hint=f"its branches are {first_few(branches)}; check out "
                         f"one (git switch {branches[0]})")
