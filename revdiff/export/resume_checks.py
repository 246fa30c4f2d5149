"""What `--resume` refuses to continue: a run of another job, or a staging folder that is not
this user's run's (another's files, links); and how an interrupted run's job differed from this
one, which a run starting over tells as it discards it."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revdiff.errors import RevdiffError
from revdiff.export.journal import JOURNAL_NAME, JOURNAL_VERSION, TABLE_COLUMNS
from revdiff.size_limit import format_size


class ResumeMismatch(RevdiffError):
    """`--resume` was asked for, but the interrupted run was a different job."""


# The options a job's fingerprint records, by its key, and how a value is written on the command line
_FINGERPRINT_OPTIONS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "format": ("--format", str), "sentences": ("--sentences", str),
    "max_bytes": ("--max-size", lambda size: format_size(size) if isinstance(size, int)
                  else repr(size))}


def _what_differs(recorded: object, fingerprint: dict[str, Any]) -> str:
    """What the interrupted run's job, as its journal `recorded` it, had other than this run's
    `fingerprint`: other inputs, or an option and its two values (`--sentences auto, this one
    with --sentences lines`); all three where the journal records no job revdiff can read."""
    if not isinstance(recorded, dict) or set(recorded) != set(fingerprint):
        return "other inputs, format or options"
    then: list[str] = []
    now: list[str] = []
    for key, (option, written) in _FINGERPRINT_OPTIONS.items():
        if recorded[key] != fingerprint[key]:
            then.append(f"{option} {written(recorded[key])}")
            now.append(f"{option} {written(fingerprint[key])}")
    inputs = ("other inputs" if (recorded["inputs"], recorded["units"])
              != (fingerprint["inputs"], fingerprint["units"]) else "")
    if not then:
        return inputs or "other inputs, format or options"
    return (", ".join(then) + f", this one with {', '.join(now)}"
            + (f", and {inputs}" if inputs else ""))


def unlike_job(header: str | None, fingerprint: dict[str, Any]) -> str | None:
    """How the run whose journal's first line is `header` was unlike the job of `fingerprint`
    (`with --format jsonl, this one with --format csv`, `by another version of revdiff`); None
    where it was of that job, written by a revdiff of these tables' columns: a run --resume
    continues (`check_job`)."""
    try:
        fields = json.loads(header) if header is not None else None
    except (ValueError, RecursionError):
        fields = None
    if (not isinstance(fields, dict) or fields.get("revdiff_export") != JOURNAL_VERSION
            or fields.get("job") != fingerprint):
        job = fields.get("job") if isinstance(fields, dict) else None
        return f"with {_what_differs(job, fingerprint)}"
    if fields.get("columns") != TABLE_COLUMNS:
        return "by another version of revdiff"
    return None


def check_job(directory: Path, line: str | None, fingerprint: dict[str, Any]) -> None:
    """Refuse to resume a run of another job (other inputs, format or options), or one of a
    revdiff whose tables had other columns, as its journal's first `line` says."""
    if line is None:  # it stopped before its journal's first line: nothing to resume
        return
    try:
        header = json.loads(line)
    except (ValueError, RecursionError):  # no JSON, or nested deeper than Python recurses
        header = None
    if not isinstance(header, dict):
        raise ResumeMismatch(f"the interrupted export's journal ({JOURNAL_NAME}) is damaged: "
                             "its first line is no header of revdiff's", str(directory),
                             hint="drop --resume to start over")
    if header.get("revdiff_export") != JOURNAL_VERSION or header.get("job") != fingerprint:
        raise ResumeMismatch(
            "the interrupted export was run with "
            + _what_differs(header.get("job"), fingerprint), str(directory),
            hint="rerun the same command with --resume, or drop --resume to start over")
    if header.get("columns") != TABLE_COLUMNS:
        raise ResumeMismatch(
            "the interrupted export was run by another version of revdiff, which wrote "
            "other columns", str(directory), hint="drop --resume to start over")


def staged_entries(directory: Path) -> list[Path]:
    """What the staging folder holds, and what its report folder (`html`) holds."""
    report = directory / "report"
    return sorted([*directory.iterdir(),
                   *(report.iterdir() if report.is_dir() and not report.is_symlink() else ())])


def check_owner(directory: Path, staged: list[Path]) -> None:
    """Refuse to resume from a staging folder, or one of its `staged` entries, that belongs
    to another user (even when run as root), as git refuses a repository of another's: its
    files would be taken for this user's run and published as its output."""
    if not hasattr(os, "geteuid"):  # no owners to compare (Windows)
        return
    for path in [directory, *staged]:
        owner = path.lstat().st_uid
        if owner != os.geteuid():
            what = ("staging folder" if path == directory
                    else f"staging folder's {path.relative_to(directory)}")
            raise ResumeMismatch(
                f"the interrupted export's {what} belongs to another user (uid {owner}), "
                "and --resume publishes what it holds as this export's", str(directory),
                hint="drop --resume to start over; if that run was yours, make the folder "
                "yours again with chown -R and rerun with --resume")


def check_no_links(directory: Path, staged: list[Path]) -> None:
    """Refuse to resume from a staging folder holding (in `staged`) a symbolic link, or a
    file linked from elsewhere too (a hard link), which revdiff never makes there: a
    stranger's staging folder (a shared folder, an unpacked archive) would have the run cut
    back, append to or replace the file it links to."""
    for entry in staged:
        status = entry.lstat()
        if stat.S_ISLNK(status.st_mode) or stat.S_ISREG(status.st_mode) and status.st_nlink > 1:
            raise ResumeMismatch(
                f"the interrupted export's staging folder holds a symbolic or hard link "
                f"({entry.relative_to(directory)}), which revdiff never makes there",
                str(directory), hint="drop --resume, or remove that folder")
