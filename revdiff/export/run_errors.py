"""The errors that end an export run, and how its messages name a failure and what to do."""

from __future__ import annotations

import errno
import resource
import sqlite3
from pathlib import Path

from revdiff.errors import INTERRUPTED_EXIT, WORKER_LOST_EXIT, RevdiffError
from revdiff.export.job import ExportJob
from revdiff.export.output_guard import OutputProblem
from revdiff.export.progress import ExportProgress
from revdiff.export.staging import Staging
from revdiff.export.writers import damaged_staged
from revdiff.read_warnings import counted
from revdiff.stop_signals import stop_exit_code, stop_reason
from revdiff.terminal_text import visible


class InterruptedExport(RevdiffError):
    """The run was stopped (Ctrl-C, SIGTERM) before the end; what is done is kept for --resume."""

    exit_code = INTERRUPTED_EXIT


class WorkerDied(RevdiffError):
    """A worker process died (killed from outside, often for lack of memory); what is done is
    kept for --resume."""

    exit_code = WORKER_LOST_EXIT


class ArticleFailed(RevdiffError):
    """One article could not be read or exported (and --skip-errors was not given)."""


def skip_hint(job: ExportJob, progress: ExportProgress) -> str:
    """What to do about an input or article that stops the run: fix, remove or skip it; and,
    where articles were written to an output file before it (the stopped run keeps them),
    --resume to keep them (again, in a run that has it), which goes on only with the same inputs:
    fixed in place or skipped, not removed. An input read ahead of the articles before it is
    written has none before it."""
    if not progress.articles or str(job.out) == "-":
        return "fix or remove that input, or rerun with --skip-errors to skip it"
    how = "rerun with --resume again" if progress.resuming else "add --resume"
    return (f"fix that input in place, or rerun with --skip-errors to skip it; {how} to keep the "
            "articles exported before it, with the same inputs")


class NothingExported(RevdiffError):
    """No article was exported: every input was skipped (--skip-errors) or held no article of two
    versions. A run that exported nothing is no export; an earlier run's output stays as it was."""


def describe(error: BaseException) -> str:
    """An error as one line: revdiff's own message, or the kind of failure and its text. A hint
    to rerun with --skip-errors is left out: the export says that itself where it is news."""
    if isinstance(error, RevdiffError):
        if error.hint and "--skip-errors" in error.hint:
            return str(RevdiffError(error.message, error.where, error.line))
        return str(error)
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def failure_reason(error: str, key: str, where: str) -> str:
    """Why an article could not be exported, for a line that names it already: the error
    without the name it begins with (the rows' errors name it by its key, as `visible` shows it)."""
    return error.removeprefix(f"{visible(key)}: ").removeprefix(f"{visible(where)}: ")


def finished_kept(count: int) -> str:
    """`1 finished article is kept`, `1,204 finished articles are kept`: what a stopped run keeps
    for --resume; or, where it finished none, that nothing is."""
    if count == 0:
        return "no article was finished, so nothing is kept"
    return f"{counted(count, 'finished article')} {'is' if count == 1 else 'are'} kept"


def interrupted(stop: KeyboardInterrupt, staging: Staging, out: Path) -> InterruptedExport:
    """What a run stopped before its output was published says: the finished articles it keeps,
    and how to go on."""
    stopped = InterruptedExport(f"{stop_reason(stop)}; {finished_kept(staging.kept)}",
                                str(out), hint=staging.rerun_hint())
    stopped.exit_code = stop_exit_code(stop)
    return stopped


def unwritable(error: OSError | sqlite3.Error, staging: Staging, out: Path) -> OutputProblem:
    """What a run that could not write or put in place its output says: why, the finished
    articles it keeps, and how to go on; or, where SQLite found the staged database damaged
    (no failure of the output written, which a rerun with --resume would find alike), that
    they cannot be kept."""
    reason = getattr(error, "strerror", None) or " ".join(str(error).split())
    if _sqlite_reason(error) in _SQLITE_DAMAGED:
        return damaged_staged("staged database", reason, staging.directory, on_resume=False)
    return OutputProblem(f"cannot write the output: {reason}; {finished_kept(staging.kept)}",
                         str(out),
                         hint=f"{_first_fix(error)}, then {staging.rerun_hint()}")


# Why a write failed, by its errno or SQLite's result code: a permission refused, a disk full
_NO_PERMISSION = {errno.EACCES, errno.EPERM}
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT}
_SQLITE_NO_PERMISSION = {sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY}
# SQLite's word for a database that is damaged: the staged one, as the run reads it
_SQLITE_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
# What to do about a file that reached the largest size it may have
_SMALLER_OR_ELSEWHERE = "write elsewhere or split the export, or raise that limit"


def _first_fix(error: OSError | sqlite3.Error) -> str:
    """What to fix before rerunning a run whose write failed with `error`. SQLite says no errno:
    its I/O error names a file-size limit only as what it may be, where this process has one."""
    reason = getattr(error, "errno", None)
    sqlite_reason = _sqlite_reason(error)
    if reason in _NO_PERMISSION or sqlite_reason in _SQLITE_NO_PERMISSION:
        return "check the permissions of the output and its folder"
    if reason in _NO_ROOM or sqlite_reason == sqlite3.SQLITE_FULL:
        return "free some space"
    if reason == errno.EFBIG:
        return ("the file reached the largest size allowed here, by a file-size limit (ulimit -f) "
                f"or by the file system: {_SMALLER_OR_ELSEWHERE}")
    if sqlite_reason == sqlite3.SQLITE_IOERR and (limit := _file_size_limit()) is not None:
        return (f"the database may have reached the file-size limit set here, {limit} bytes by "
                f"ulimit -f: {_SMALLER_OR_ELSEWHERE}; if not, fix the problem the error names")
    return "fix the problem the error names"


def _sqlite_reason(error: OSError | sqlite3.Error) -> int | None:
    """SQLite's primary result code of `error` (less its extended part); None: not SQLite's."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _file_size_limit() -> int | None:
    """The largest file this process may write, in bytes (`ulimit -f`); None: no limit."""
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft
