"""Where an export is written while it runs, and the journal that lets `--resume` continue it.

Every export first writes into a staging directory next to the output,
`.<OUT name>.revdiff-partial/`. Only when the whole run has succeeded are the finished files
renamed into place, so a reader never sees half an output file and an interrupted run leaves the
previous output (if any) untouched.

The staging directory holds `journal.jsonl`: one header line that fingerprints the job (format,
inputs, options) and names the tables' columns, then one line per finished article, in output
order, with the article's key and the input units finished with it. The last line of each
checkpoint also carries the writer's state (e.g. byte offsets of the partial files). Lines are
only appended, and put on the disk, after the data they describe is on the disk (a power cut
leaves no line counting rows the disk lost), so on `--resume` the writer rolls
its files back to the state of the last complete checkpoint and the run skips that many
articles: no row is lost and none is written twice. A torn tail (the process died while
writing the journal) is ignored back to the last complete checkpoint.

Publishing lists its renames in `publishing.jsonl` before making them and logs each one made, so
a run killed among them is finished by `--resume` (the renames not yet made are made) instead of
being exported again from a staging folder its files have left. The staging folder is then
renamed aside (`.<OUT name>.revdiff-discarded/`) and removed: it is never seen half removed.

Either folder is removed as a whole, so one that holds anything revdiff does not stage there,
in it or in its report folders (a user's `notes.txt`, or a folder under the name of a file
revdiff stages), is refused before the run and left as it is.
"""

from __future__ import annotations

import errno
import itertools
import json
import math
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from revdiff.errors import RevdiffError, folder_taking_no_files, os_reason
from revdiff.export.output_guard import OutputProblem, is_read_only, lock_path
from revdiff.export.records import (
    COMPARISON_COLUMN_NAMES,
    EDIT_COLUMN_NAMES,
    ENTRYVERSION_COLUMNS,
)
from revdiff.formats.folders import FILE_BROWSER_LITTER
from revdiff.size_limit import format_size
from revdiff.stop_signals import stops_held

JOURNAL_NAME = "journal.jsonl"
JOURNAL_VERSION = 1
PUBLISHING_NAME = "publishing.jsonl"
# Where publishing an HTML report puts the earlier report aside, removed with the staging folder
REPLACED_REPORT_NAME = "replaced-report"
# No line revdiff writes in the journal or the publishing list comes near this many characters (an
# article's facts, the job's inputs): a longer one is damaged, as a torn one is, and is never read
# whole (a stranger's staging folder could hold a line of gigabytes).
LONGEST_LINE = 16 * 1024 * 1024
# The columns of the tables, as the journal's header names them: a run of another revdiff that
# wrote other columns is not resumed, which would append rows of these to a file of those.
TABLE_COLUMNS = {"edits": list(EDIT_COLUMN_NAMES), "comparisons": list(COMPARISON_COLUMN_NAMES),
                 "entryversion": list(ENTRYVERSION_COLUMNS)}
# Every name revdiff gives what it stages: the journal and its rewrite, the publishing log, each
# format's partial files as its writer names them (SQLite's own journals of `output.sqlite` and
# of its copy `final.sqlite` too), and an HTML report's folder and the earlier report it replaces.
_STAGED_NAME = re.compile(
    r"journal\.(?:jsonl|tmp)|publishing\.jsonl|output\.txt"
    r"|(?:output|final)\.sqlite(?:-journal|-wal|-shm)?"
    r"|(?:edits|comparisons)(?:\.(?:jsonl|csv|parquet)|-[0-9]{6,}\.(?:parquet|tmp))"
    r"|report|replaced-report")
# Which of them are folders (an HTML report's); every other is a file
_STAGED_FOLDERS = frozenset({"report", REPLACED_REPORT_NAME})
# What those folders hold, files all: a report's index and pages, as revdiff names them, and in an
# earlier report what a file browser leaves there (which the report replacing it takes away)
_REPORT_FILE_NAME = re.compile(
    r"index\.html|[0-9]{6,}-.+\.html|" + "|".join(map(re.escape, sorted(FILE_BROWSER_LITTER))))


class ResumeMismatch(RevdiffError):
    """`--resume` was asked for, but the interrupted run was a different job."""


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One finished article as the journal records it."""

    index: int  # position of the article in the run
    key: str
    pairs: int
    rows: int
    state: dict[str, Any]  # the writer's checkpoint after this article
    info: dict[str, Any]  # small per-article facts (for an index page, summaries)
    # the input units finished once it was written (`ArticleResult.units_done`), where a resumed
    # run's progress starts; None: not known (the journal of an earlier revdiff)
    units_done: float | None = None


def staging_path(out: Path) -> Path:
    return out.parent / f".{out.name}.revdiff-partial"


def discarded_path(out: Path) -> Path:
    return out.parent / f".{out.name}.revdiff-discarded"


def _room_lacking(path: Path, beside: list[Path]) -> tuple[int, int] | None:
    """When the longest name of `beside` (files revdiff makes beside `path`) is longer than the
    file system takes: the longest name it takes and how many bytes longer than `path`'s name
    that one is. None when they fit, or the folder is missing (which is told elsewhere)."""
    try:
        longest = os.pathconf(path.parent, "PC_NAME_MAX")
    except OSError:
        return None
    longer_by = max(len(os.fsencode(other.name)) for other in beside) - len(
        os.fsencode(path.name))
    return (longest, longer_by) if len(os.fsencode(path.name)) + longer_by > longest else None


def check_room_for_staging(out: Path) -> None:
    """Refuse an output whose name leaves the file system no room for the lock and staging
    folders revdiff makes beside it (`.<OUT name>.revdiff-discarded`), before the run starts."""
    lacking = _room_lacking(out, [lock_path(out), staging_path(out), discarded_path(out)])
    if lacking:
        longest, longer_by = lacking
        raise OutputProblem(f"the output's name is too long: revdiff stages the run beside it "
                            f"under names {longer_by} bytes longer, and this file system "
                            f"takes names of up to {longest} bytes", str(out),
                            hint=f"choose an -o name of at most {longest - longer_by} bytes")


class Staging:
    """The staging directory and journal of one export run."""

    def __init__(self, out: Path, fingerprint: dict[str, Any], resume: bool) -> None:
        self.out = out
        self.directory = staging_path(out)
        self.journal_path = self.directory / JOURNAL_NAME
        self.fingerprint = fingerprint
        self.resumed_entries = 0
        self.recorded = 0
        self.last_entry: JournalEntry | None = None
        # the finished articles of an interrupted run that starting over discards (None: its
        # journal could not be read), and how that run was unlike this one (`with --format
        # jsonl, this one with --format csv`; None: it was of this job, which --resume keeps)
        self.discarded: int | None = 0
        self.discarded_unlike: str | None = None
        if not out.parent.is_dir():
            raise OutputProblem("the output's folder does not exist", str(out.parent),
                                hint="create it first, or choose another -o path")
        self._check_directory()
        _check_staged_only(self.directory)
        _check_staged_only(discarded_path(out))
        shutil.rmtree(discarded_path(out), ignore_errors=True)  # left by a run stopped there
        # a journal that is a link is refused by --resume as any link staged (_check_no_links)
        self.resumable = self.journal_path.is_file() or self.journal_path.is_symlink()
        # the renames of a run of the same job stopped while publishing, which --resume makes
        self.unpublished = None
        if resume and self.resumable:
            staged = self._staged_entries()
            self._check_owner(staged)
            self._check_no_links(staged)
            header = self._header()
            self._check_job(header)
            self.unpublished = self._unpublished_moves()
            self._check_replaced_report()
            if self.unpublished is None and header is not None:
                self._reopen()
            elif self.unpublished is None:  # it stopped before its journal's first line
                self._start_fresh()
        else:
            if self.resumable:
                self._count_discarded()
            self._start_fresh()
        # Kept open for the whole run (appended at every checkpoint); closed by close().
        self._journal = open(self.journal_path, "a", encoding="utf-8")  # noqa: SIM115
        if self.unpublished is not None:
            self.resumed_entries = sum(1 for _ in _parsed_entries(
                self._interrupted_journal_lines()))

    # -- starting -------------------------------------------------------------------------------

    def _check_directory(self) -> None:
        """The staging path must be revdiff's own folder (or nothing): never a link or a file."""
        if self.directory.is_symlink() or (self.directory.exists()
                                           and not self.directory.is_dir()):
            raise OutputProblem("the staging path is in the way: it is a symbolic link or a "
                                "file, not revdiff's staging folder", str(self.directory),
                                hint="remove it, or choose another -o path")

    def _start_fresh(self) -> None:
        self._check_no_report_put_aside()
        if self.directory.exists():
            try:
                shutil.rmtree(self.directory)
            except OSError as error:  # no permission to remove it (not run as root)
                raise OutputProblem("cannot remove the staging folder an interrupted run left, "
                                    f"to start over: {os_reason(error)}", str(self.directory),
                                    hint="check the permissions of that folder, or remove it "
                                    "yourself, then rerun the command; or choose another -o "
                                    "path") from error
        try:
            self.directory.mkdir()
        except OSError as error:
            raise OutputProblem(f"cannot create the staging folder: {os_reason(error)}",
                                str(self.directory), hint="check the permissions of the folder"
                                ) from error
        header = {"revdiff_export": JOURNAL_VERSION, "job": self.fingerprint,
                  "columns": TABLE_COLUMNS}
        try:
            with open(self.journal_path, "w", encoding="utf-8") as journal:
                journal.write(json.dumps(header, sort_keys=True) + "\n")
        except OSError as error:  # a full disk: no staging folder is left to resume
            shutil.rmtree(self.directory, ignore_errors=True)
            raise OutputProblem(f"cannot write the staging folder: {os_reason(error)}",
                                str(self.directory), hint="free some space (or fix the "
                                "problem), then rerun the command") from error

    def _count_discarded(self) -> None:
        """Count what starting over throws away: the articles the interrupted run's journal holds
        up to its last checkpoint, as --resume would keep them (`discarded`), and how that run
        was unlike this one (`discarded_unlike`). A journal that is no file of its own (a
        link, which is not followed) or cannot be read is counted as unknown, None."""
        if self.journal_path.is_symlink() or not self.journal_path.is_file():
            self.discarded = None
            return
        lines = self._interrupted_journal_lines()
        try:
            header = next(lines, None)
            self.discarded = max((entry.index + 1 for _, entry in _consecutive_entries(lines)
                                  if entry.state), default=0)
        except OutputProblem:
            self.discarded = None
            return
        finally:
            lines.close()
        self.discarded_unlike = _unlike_job(header, self.fingerprint)

    def _check_no_report_put_aside(self) -> None:
        """Refuse to start over, removing the staging folder, where a run stopped while publishing
        had put the earlier report aside into it (`replaced-report`) and the new report had not
        taken its place: the earlier report would go with the staging folder, the output none."""
        replaced = self.directory / REPLACED_REPORT_NAME
        listed = self._unpublished_moves()
        if not replaced.is_dir() or listed is None:
            return
        moves, _ = listed
        if any(_place(target) == _place(replaced) and not (source.exists() or source.is_symlink())
               for source, target in moves):
            raise OutputProblem(f"an interrupted publish left the earlier report in "
                                f"{REPLACED_REPORT_NAME}, and starting over removes the staging "
                                "folder with it", str(self.directory),
                                hint="rerun the same command with --resume to finish publishing, "
                                f"or move {REPLACED_REPORT_NAME} out of that folder")

    def _header(self) -> str | None:
        """The journal's first line, None where it has none complete."""
        lines = self._interrupted_journal_lines()
        try:
            return next(lines, None)
        finally:
            lines.close()

    def _interrupted_journal_lines(self) -> Generator[str, None, None]:
        """The complete lines of the journal an interrupted run left, read one at a time."""
        return self._journal_lines("the interrupted export's journal",
                                   "rerun the same command with --resume (or drop --resume to "
                                   "start over)")

    def _journal_lines(self, whose: str, then: str) -> Generator[str, None, None]:
        """The complete lines of the journal (`whose`, as the error names it), read one at a
        time; a failure to read it (no permission, a failing disk) is told as such, with how to
        go on once it is fixed (`then`)."""
        try:
            with open(self.journal_path, encoding="utf-8", errors="replace") as journal:
                yield from _complete_lines(journal)
        except OSError as error:
            raise OutputProblem(f"cannot read {whose} ({JOURNAL_NAME}): {os_reason(error)}",
                                str(self.directory),
                                hint=f"fix the problem, then {then}") from error

    def _check_job(self, line: str | None) -> None:
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
                                 "its first line is no header of revdiff's", str(self.directory),
                                 hint="drop --resume to start over")
        if header.get("revdiff_export") != JOURNAL_VERSION or header.get("job") != self.fingerprint:
            raise ResumeMismatch(
                "the interrupted export was run with "
                + _what_differs(header.get("job"), self.fingerprint), str(self.directory),
                hint="rerun the same command with --resume, or drop --resume to start over")
        if header.get("columns") != TABLE_COLUMNS:
            raise ResumeMismatch(
                "the interrupted export was run by another version of revdiff, which wrote "
                "other columns", str(self.directory), hint="drop --resume to start over")

    def _staged_entries(self) -> list[Path]:
        """What the staging folder holds, and what its report folder (`html`) holds."""
        report = self.directory / "report"
        return sorted([*self.directory.iterdir(),
                       *(report.iterdir() if report.is_dir() and not report.is_symlink() else ())])

    def _check_owner(self, staged: list[Path]) -> None:
        """Refuse to resume from a staging folder, or one of its `staged` entries, that belongs
        to another user (even when run as root), as git refuses a repository of another's: its
        files would be taken for this user's run and published as its output."""
        if not hasattr(os, "geteuid"):  # no owners to compare (Windows)
            return
        for path in [self.directory, *staged]:
            owner = path.lstat().st_uid
            if owner != os.geteuid():
                what = ("staging folder" if path == self.directory
                        else f"staging folder's {path.relative_to(self.directory)}")
                raise ResumeMismatch(
                    f"the interrupted export's {what} belongs to another user (uid {owner}), "
                    "and --resume publishes what it holds as this export's", str(self.directory),
                    hint="drop --resume to start over; if that run was yours, make the folder "
                    "yours again with chown -R and rerun with --resume")

    def _check_no_links(self, staged: list[Path]) -> None:
        """Refuse to resume from a staging folder holding (in `staged`) a symbolic link, or a
        file linked from elsewhere too (a hard link), which revdiff never makes there: a
        stranger's staging folder (a shared folder, an unpacked archive) would have the run cut
        back, append to or replace the file it links to."""
        for entry in staged:
            status = entry.lstat()
            if stat.S_ISLNK(status.st_mode) or stat.S_ISREG(status.st_mode) and status.st_nlink > 1:
                raise ResumeMismatch(
                    f"the interrupted export's staging folder holds a symbolic or hard link "
                    f"({entry.relative_to(self.directory)}), which revdiff never makes there",
                    str(self.directory), hint="drop --resume, or remove that folder")

    def _check_replaced_report(self) -> None:
        """Refuse to resume from a staging folder holding a `replaced-report` that its run did not
        put there, where a rename is still to put the earlier report: it would fail (a folder
        not empty, a file). Publishing lists its renames before making any, so one there with
        no list to finish is no run's; what it holds may be a report of the user's, kept."""
        replaced = self.directory / REPLACED_REPORT_NAME
        if not (replaced.exists() or replaced.is_symlink()):
            return
        if self.unpublished is not None:
            moves, made = self.unpublished
            if not any(_place(target) == _place(replaced) and (source.exists()
                                                                or source.is_symlink())
                       for source, target in moves[made:]):
                return  # made (logged or not), or none to make
        raise ResumeMismatch(
            f"the interrupted export's staging folder holds {REPLACED_REPORT_NAME}, which its run "
            "did not put there, and the earlier report cannot be put aside into it",
            str(self.directory), hint=f"move {REPLACED_REPORT_NAME} out of that folder first, as "
            "it may hold an earlier report: dropping --resume starts over and removes the "
            "staging folder with all it holds")

    def _reopen(self) -> None:
        """Go on with the run of the journal, from its last checkpoint: the journal is rewritten
        without any torn or unfinished tail, so appends start clean (read and written a line at
        a time, never held whole)."""
        temporary = self.journal_path.with_suffix(".tmp")
        lines = self._interrupted_journal_lines()
        try:
            with open(temporary, "w", encoding="utf-8") as kept:
                kept.write(next(lines) + "\n")  # the header, which the caller has read
                checkpoint_end = kept.tell()
                for line, entry in _consecutive_entries(lines):
                    kept.write(line + "\n")
                    # Only the last entry of a checkpoint carries the writer state; entries
                    # after the last complete checkpoint (a torn batch) do not count as done.
                    if entry.state:
                        self.last_entry = entry
                        self.resumed_entries = entry.index + 1
                        checkpoint_end = kept.tell()
                kept.truncate(checkpoint_end)
            lines.close()  # the journal, closed before it is replaced
            os.replace(temporary, self.journal_path)
        except OSError as error:  # a full disk: the journal as it was is kept, to resume later
            raise OutputProblem(f"cannot write the staging folder: {os_reason(error)}",
                                str(self.directory), hint="free some space (or fix the "
                                "problem), then rerun the same command with --resume") from error
        finally:  # gone once it has replaced the journal; else (a failed read or write) removed
            lines.close()
            temporary.unlink(missing_ok=True)

    # -- running --------------------------------------------------------------------------------

    def record(self, entries: list[JournalEntry]) -> None:
        """Append finished articles, on the disk when this returns; call only once their data is
        (`ExportWriter.checkpoint`): a power cut leaves no line counting rows the disk lost."""
        for entry in entries:
            line = {"i": entry.index, "key": entry.key, "pairs": entry.pairs, "rows": entry.rows,
                    "state": entry.state, "info": entry.info, "units_done": entry.units_done}
            self._journal.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())
        self.recorded += len(entries)

    def entries(self) -> Iterator[JournalEntry]:
        """Every finished article, read back from the journal (streamed, not held in memory)."""
        self._journal.flush()
        # the run ends on a failed read: with the staging folder kept, or removed if empty
        yield from _parsed_entries(self._journal_lines("the export's journal", self.rerun_hint()))

    def file(self, name: str) -> Path:
        return self.directory / name

    def checkpoint_count(self, value: Any, what: str, most: int | None = None) -> int:
        """`value`, a count of the writer's state at a checkpoint (`what`), when it is a whole
        number from 0 to `most` (what the staging folder holds); else the journal is damaged, as
        a stranger's staging folder may be, and is refused rather than obeyed."""
        if type(value) is not int or value < 0 or most is not None and value > most:
            raise ResumeMismatch(
                f"the interrupted export's journal ({JOURNAL_NAME}) is damaged: its last "
                f"checkpoint's {what} are no count of what the staging folder holds",
                str(self.directory), hint="drop --resume, or remove that folder")
        return value

    # -- ending ---------------------------------------------------------------------------------

    def close(self) -> None:
        if not self._journal.closed:
            self._journal.close()

    @property
    def kept(self) -> int:
        """The finished articles the journal holds: those resumed and those recorded since."""
        return self.resumed_entries + self.recorded

    def rerun_hint(self) -> str:
        """How to go on after the run stopped: with --resume when it kept a finished article; a
        run that kept none leaves no staging folder (`discard_if_empty`), so nothing to resume."""
        if self.kept:
            return "rerun the same command with --resume to continue"
        return "rerun the same command: no article was finished, so there is nothing to resume"

    def discard_if_empty(self) -> None:
        """Remove the staging directory of a run that stopped before finishing any article."""
        if self.kept == 0:
            self.close()
            shutil.rmtree(self.directory, ignore_errors=True)

    def publish(self, moves: list[tuple[Path, Path]]) -> None:
        """Rename finished files into place, then remove the staging directory. Nothing is
        renamed unless every rename can be made; Ctrl-C and SIGTERM wait for the renames."""
        self.close()
        for source, target in moves:
            if target.is_dir() and not source.is_dir():
                raise OutputProblem("a folder is in the way of the output file", str(target),
                                    hint="remove it or choose another -o path")
        for source, target in moves:
            _keep_permissions(source, target)
            if source.is_file():
                sync_file(source)
        self._rename(moves, made=0)

    def finish_publishing(self, outputs: Sequence[Path]) -> None:
        """Make the renames a run stopped while publishing had not made yet (`unpublished`).
        Each must move a file of the staging folder to one of `outputs` (the paths this job
        writes), or one of them into it: the list is read from a file, which the staging folder
        of a stranger's (a shared folder, an unpacked archive) could fill with any renames."""
        assert self.unpublished is not None
        moves, made = self.unpublished
        staged = os.path.realpath(self.directory)
        written = {_place(output) for output in outputs}
        for source, target in moves:
            if not (_place(source)[0] == staged and _place(target) in written
                    or _place(target)[0] == staged and _place(source) in written):
                raise ResumeMismatch(
                    f"the interrupted export's {PUBLISHING_NAME} lists a rename of {source} to "
                    f"{target}, which is no move of this export's output", str(self.directory),
                    hint="drop --resume to start over")
        self.close()
        self._rename(moves, made)

    def _unpublished_moves(self) -> tuple[list[tuple[Path, Path]], int] | None:
        """The renames listed by a run stopped while publishing, and how many it made."""
        try:
            with open(self.directory / PUBLISHING_NAME, encoding="utf-8") as log:
                lines = _complete_lines(log)
                moves = [(Path(a), Path(b)) for a, b in json.loads(next(lines))]
                return moves, sum(1 for _ in itertools.islice(lines, len(moves)))
        # none listed, or the listing was cut or is damaged (JSON of another shape, or nested
        # deeper than Python recurses): nothing was renamed
        except (OSError, ValueError, TypeError, RecursionError, StopIteration):
            return None

    def _rename(self, moves: list[tuple[Path, Path]], made: int) -> None:
        """Make the renames after the first `made`, listed first (and each logged once made),
        then remove the staging folder. Ctrl-C and SIGTERM wait for the renames, and once
        they are made, the output is in place: the stop came too late to keep it out."""
        listing = self.directory / PUBLISHING_NAME
        try:
            with stops_held(), open(listing, "a" if made else "w", encoding="utf-8") as log:
                if not made:  # absolute: a --resume run from another folder makes them
                    log.write(json.dumps([[os.path.abspath(a), os.path.abspath(b)]
                                          for a, b in moves]) + "\n")
                    log.flush()
                    os.fsync(log.fileno())
                for source, target in moves[made:]:
                    # a rename made just before a stop that logged it not: its source has gone
                    if source.exists() or source.is_symlink():
                        os.replace(source, target)
                    log.write("made\n")
                    log.flush()
        except KeyboardInterrupt:
            pass
        self._discard()

    def _discard(self) -> None:
        """Remove the staging directory, renamed aside first so that it is never half there."""
        discarded = discarded_path(self.out)
        try:
            os.replace(self.directory, discarded)
        except OSError:
            return
        with suppress(KeyboardInterrupt):  # the output is in place; the next run removes the rest
            shutil.rmtree(discarded, ignore_errors=True)


def _keep_permissions(source: Path, target: Path) -> None:
    """Give a finished file the permissions of the file it replaces (`chmod 600 edits.csv`
    stays private), where it was made with the default ones."""
    try:
        replaced = target.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(replaced.st_mode) and source.is_file() and not source.is_symlink():
        os.chmod(source, stat.S_IMODE(replaced.st_mode) & 0o777)


def _complete_lines(handle: IO[str]) -> Iterator[str]:
    """The lines of `handle`, each without its newline and read alone, up to a torn one (no
    newline: the process died while writing it) or one longer than `LONGEST_LINE` (damaged)."""
    while (line := handle.readline(LONGEST_LINE + 1)).endswith("\n"):
        yield line[:-1]


def _parsed_entries(lines: Generator[str, None, None]) -> Iterator[JournalEntry]:
    """The finished articles of a journal's `lines`, past its header; those damaged left out."""
    try:
        next(lines, None)
        for line in lines:
            entry = _parse_entry(line)
            if entry is not None:
                yield entry
    finally:
        lines.close()


def _consecutive_entries(lines: Iterator[str]) -> Iterator[tuple[str, JournalEntry]]:
    """The entries of a journal's `lines` past its header, each with its line, in the order
    written (indices 0, 1, 2 ...), up to the first damaged or out of order: the run's own."""
    for index, line in enumerate(lines):
        entry = _parse_entry(line)
        if entry is None or entry.index != index:
            return
        yield line, entry


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


def _unlike_job(header: str | None, fingerprint: dict[str, Any]) -> str | None:
    """How the run whose journal's first line is `header` was unlike the job of `fingerprint`
    (`with --format jsonl, this one with --format csv`, `by another version of revdiff`); None
    where it was of that job, written by a revdiff of these tables' columns: a run --resume
    continues (`Staging._check_job`)."""
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


def _check_staged_only(folder: Path) -> None:
    """Refuse a staging folder (or one discarded) that holds anything revdiff does not stage,
    in it or in its report folders: revdiff removes the folder as a whole, and what it did not
    write there is not its to remove."""
    if not folder.is_dir() or folder.is_symlink():
        return
    try:
        others = sorted(_unstaged_in(folder))
    except OSError as error:  # no permission to list it (not run as root)
        raise OutputProblem(f"cannot read the staging folder: {os_reason(error)}", str(folder),
                            hint="check the permissions of that folder, or choose another -o "
                            "path") from error
    if others:
        held = f"{', '.join(others[:3])}{' ...' if len(others) > 3 else ''}"
        raise OutputProblem(f"the staging folder holds what revdiff did not write there ({held}), "
                            "and revdiff removes it as a whole", str(folder),
                            hint="move those out of it, or choose another -o path")


def _unstaged_in(folder: Path) -> Iterator[str]:
    """How each entry of a staging `folder`, and of its report folders, that revdiff does not
    stage there is told (`_unstaged`); one in a report folder after that folder's name."""
    for entry in folder.iterdir():
        if name := _unstaged(entry):
            yield name
        elif entry.name in _STAGED_FOLDERS and not entry.is_symlink():
            for page in entry.iterdir():
                if name := _unstaged(page, _REPORT_FILE_NAME, frozenset()):
                    yield f"{entry.name}/{name}"


def _unstaged(entry: Path, names: re.Pattern[str] = _STAGED_NAME,
              folders: frozenset[str] = _STAGED_FOLDERS) -> str | None:
    """How `entry` of a staging folder is told where revdiff does not stage it there (`names`,
    of which `folders` are folders, every other a file): its name, or, where only its kind
    differs, its name and kind (a folder named as revdiff's journal, a file named as its report
    folder). None where revdiff stages it; a link, which revdiff never makes, is left to
    `--resume` to refuse (elsewhere it is removed alone, not followed)."""
    if not names.fullmatch(entry.name):
        return entry.name
    mode = entry.lstat().st_mode
    is_staged_kind = stat.S_ISDIR if entry.name in folders else stat.S_ISREG
    if stat.S_ISLNK(mode) or is_staged_kind(mode):
        return None
    kind = "folder" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "special file"
    return f"{entry.name} as a {kind}"


def _place(path: Path) -> tuple[str, str]:
    """Where `path` is: its folder with every link on the way followed, and its name (a link
    itself is not followed: a rename replaces it)."""
    return os.path.realpath(path.parent), path.name


def _temporary_path(path: Path) -> Path:
    """Where `write_text_atomically` writes first: a new file under a name no one can guess (a
    link planted at a known name would be followed)."""
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")


def check_room_for_temporary(path: Path) -> None:
    """Refuse a name that leaves the file system no room for the temporary file
    `write_text_atomically` writes beside it (`.<NAME>.<16 hex digits>.tmp`), before writing."""
    lacking = _room_lacking(path, [_temporary_path(path)])
    if lacking:
        longest, longer_by = lacking
        raise OutputProblem(f"the name is too long: this file system takes names of up to "
                            f"{longest} bytes, and revdiff writes through a temporary file beside "
                            f"it named {longer_by} bytes longer, so a name may have "
                            f"{longest - longer_by} bytes at most", str(path))


def write_text_atomically(path: Path, text: str) -> None:
    """Write `path` through a temporary file beside it and a rename: old or new, never half, with
    the permissions of the file it replaces. A read-only file is not replaced
    (`PermissionError`), as a write to it would fail."""
    if path.is_file() and is_read_only(path.stat().st_mode):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_path(path)
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:  # told as the folder's, which the user can act on
        raise _cannot_create_in(path.parent, error) from error
    try:
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_permissions(temporary, path)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _cannot_create_in(folder: Path, error: OSError) -> OSError:
    """The error of a file that could not be created in `folder`, naming the folder, not the
    temporary file's name; where the folder takes no new files at all (a view the system gives,
    `/proc`, `/sys`), told as `export -o` tells it (`folder_taking_no_files`)."""
    refused = folder_taking_no_files(folder, error)
    said = f", which {refused}" if refused else f" ({os_reason(error)})"
    return OSError(error.errno, f"cannot create a file in {folder}{said}", str(folder))


def sync_file(path: Path) -> None:
    """Put what the file at `path` holds on the disk."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def sync_folder(path: Path) -> None:
    """Put the folder `path` on the disk: the names of the files made or renamed in it."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _parse_entry(line: str) -> JournalEntry | None:
    try:
        data = json.loads(line)
        return JournalEntry(int(data["i"]), str(data["key"]), int(data["pairs"]),
                            int(data["rows"]), dict(data["state"]), _info(data["info"]),
                            _units_done(data))
    except (ValueError, KeyError, TypeError, RecursionError):  # cut short, or damaged
        return None


# The type of each fact an entry's info may hold (`tasks.article_info`, or a skipped article's)
_INFO_TYPES: dict[str, type | tuple[type, ...]] = {
    "title": str, "source": (str, type(None)), "versions": int, "changed": list,
    "words_added": int, "words_removed": int, "skipped": str, "where": str, "input": str}


def _info(value: Any) -> dict[str, Any]:
    """An entry's facts; TypeError, as for its other fields, where one is of another type."""
    info = dict(value)
    for key, kind in _INFO_TYPES.items():
        if key in info and not isinstance(info[key], kind):
            raise TypeError(f"{key} is {type(info[key]).__name__}")
    for share in info.get("changed", []):
        if not isinstance(share, (int, float)) or not math.isfinite(share):
            raise TypeError(f"a share changed is {share!r}")
    return info


def _units_done(data: dict[str, Any]) -> float | None:
    """An entry's input units done: None where it does not say (the journal of an earlier
    revdiff); ValueError, as for its other fields, where it is no finite number."""
    value = data.get("units_done")
    if value is None:
        return None
    units_done = float(value)
    if not math.isfinite(units_done):
        raise ValueError(f"units_done is {value}")
    return units_done
