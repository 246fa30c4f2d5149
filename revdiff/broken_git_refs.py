"""Refs that git cannot clone: a branch or tag naming an object the repository does not hold (a
copy that left objects behind), or a ref file that names no object at all (damaged).

`git clone` refuses such a repository with `not our ref ID` (the null id for a damaged file),
which names neither the ref nor what to do. The ref files are read here as git reads them, loose
ones under `refs/` and the `packed-refs` listing, to name the ref; no git command runs on the
repository, which is read only through a sanitized clone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from revdiff.errors import StoreError
from revdiff.file_names import name_text

_NOT_OUR_REF = re.compile(r"not our ref ([0-9a-f]{40}|[0-9a-f]{64})\b")
# What a loose ref file holds: an object id, or (a symbolic ref) the ref it stands for.
_REF_TEXT = re.compile(rb"([0-9a-f]{40}|[0-9a-f]{64})\s*|ref: refs/\S+\s*")
# Enough of a ref file to tell its text: an id of 64 digits, or a symbolic ref's name.
_REF_BYTES = 1024
# The largest `packed-refs` searched for the ref to name, as large as the config and alternates
# files revdiff reads (safe_git): a hostile repository's may be a sparse file of gigabytes, or a
# link to one; one larger is not searched, and the refusal names no ref.
_LARGEST_PACKED_REFS = 16 << 20


def refuse_unclonable_ref(git_dir: Path, where: str, said: str) -> None:
    """Refuse, naming the ref and what to do, the repository `where` (git directory `git_dir`)
    that git would not clone because a ref names an object it lacks, as git `said` (its whole
    stderr: an alternate that is not there is complained of first); nothing when git said
    something else."""
    found = _NOT_OUR_REF.search(said)
    if found is None:
        return
    object_id = found.group(1)
    if object_id.strip("0") == "":  # git reads a ref file that names no object as the null id
        refuse_damaged_ref(git_dir, where)
    ref = next(_refs_naming(git_dir, object_id), None)
    named = f"its ref {name_text(ref)}" if ref is not None else "a branch or tag"
    remedy = f"git update-ref -d {name_text(ref)}" if ref is not None else "git update-ref -d REF"
    raise StoreError(f"{named} names the object {object_id}, which the repository does not hold",
                     where, hint=f"the repository is incomplete or damaged: fetch that object, or "
                                 f"delete the ref ({remedy}); then check it with git fsck")


def refuse_damaged_ref(git_dir: Path, where: str) -> None:
    """Refuse, naming it and what to do, the repository `where` (git directory `git_dir`) when
    one of its loose ref files names no object; nothing when none is so damaged."""
    damaged = next(_damaged_loose_refs(git_dir), None)
    if damaged is not None:
        raise StoreError(f"its ref {name_text(damaged)} is damaged: its file names no object",
                         where, hint=f"write back the commit it named, or remove the file "
                                     f"{name_text(str(git_dir / damaged))} (git deletes no "
                                     "damaged ref); then check the repository with git fsck")


def _loose_refs(git_dir: Path) -> Iterator[tuple[str, bytes]]:
    """Each loose ref under `git_dir/refs` (`refs/heads/main`) with the start of its file."""
    for folder, folders, files in os.walk(git_dir / "refs"):
        folders.sort()
        for file in sorted(files):
            path = Path(folder) / file
            if not path.is_file():
                continue
            try:
                with path.open("rb") as handle:
                    text = handle.read(_REF_BYTES)
            except OSError:
                continue
            yield path.relative_to(git_dir).as_posix(), text


def _damaged_loose_refs(git_dir: Path) -> Iterator[str]:
    """The loose refs whose files hold neither an object id nor a symbolic ref."""
    return (ref for ref, text in _loose_refs(git_dir) if not _REF_TEXT.fullmatch(text))


def _refs_naming(git_dir: Path, object_id: str) -> Iterator[str]:
    """The refs, loose or packed, that name `object_id`."""
    wanted = object_id.encode()
    for loose, text in _loose_refs(git_dir):
        if text.strip() == wanted:
            yield loose
    for line in _packed_refs(git_dir).splitlines():
        named, _, packed = line.partition(b" ")
        if named == wanted and packed:
            yield packed.decode("utf-8", "surrogateescape")


def _packed_refs(git_dir: Path) -> bytes:
    """The `packed-refs` listing of `git_dir`; nothing when it cannot be read or is larger than
    `_LARGEST_PACKED_REFS` (read no further to tell: its size may be told wrong, or not at all)."""
    try:
        with (git_dir / "packed-refs").open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > _LARGEST_PACKED_REFS:
                return b""
            listing = handle.read(_LARGEST_PACKED_REFS + 1)
    except OSError:
        return b""
    return listing if len(listing) <= _LARGEST_PACKED_REFS else b""
