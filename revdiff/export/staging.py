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

import json
import os
import shutil
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

from revdiff.errors import os_reason
from revdiff.export.atomic_write import keep_permissions
from revdiff.export.disk_sync import sync_file, sync_folder
from revdiff.export.journal import (
    JOURNAL_NAME,
    JOURNAL_VERSION,
    TABLE_COLUMNS,
    JournalEntry,
    complete_lines,
    consecutive_entries,
    parsed_entries,
)
from revdiff.export.name_room import room_lacking
from revdiff.export.output_guard import OutputProblem, lock_path
from revdiff.export.publishing import (
    PUBLISHING_NAME,
    check_no_report_put_aside,
    check_replaced_report,
    make_renames,
    place,
    unpublished_moves,
)
from revdiff.export.resume_checks import (
    ResumeMismatch,
    check_job,
    check_no_links,
    check_owner,
    staged_entries,
    unlike_job,
)
from revdiff.export.staged_names import check_staged_only


def staging_path(out: Path) -> Path:
    """The folder beside the output `out` where a run stages what it writes until it publishes."""
    return out.parent / f".{out.name}.revdiff-partial"


def discarded_path(out: Path) -> Path:
    """The name beside the output `out` that a staging folder is renamed to before it is
    removed, so that it is never half there; a run that finds one left there removes it."""
    return out.parent / f".{out.name}.revdiff-discarded"


def check_room_for_staging(out: Path) -> None:
    """Refuse an output whose name leaves the file system no room for the lock and staging
    folders revdiff makes beside it (`.<OUT name>.revdiff-discarded`), before the run starts."""
    lacking = room_lacking(out, [lock_path(out), staging_path(out), discarded_path(out)])
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
        check_staged_only(self.directory)
        check_staged_only(discarded_path(out))
        shutil.rmtree(discarded_path(out), ignore_errors=True)  # left by a run stopped there
        # a journal that is a link is refused by --resume as any link staged (check_no_links)
        self.resumable = self.journal_path.is_file() or self.journal_path.is_symlink()
        # the renames of a run of the same job stopped while publishing, which --resume makes
        self.unpublished: tuple[list[tuple[Path, Path]], int] | None = None
        if resume and self.resumable:
            staged = staged_entries(self.directory)
            check_owner(self.directory, staged)
            check_no_links(self.directory, staged)
            header = self._header()
            check_job(self.directory, header, self.fingerprint)
            self.unpublished = unpublished_moves(self.directory)
            check_replaced_report(self.directory, self.unpublished)
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
            self.resumed_entries = sum(1 for _ in parsed_entries(
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
        check_no_report_put_aside(self.directory)
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
            self.discarded = max((entry.index + 1 for _, entry in consecutive_entries(lines)
                                  if entry.state), default=0)
        except OutputProblem:
            self.discarded = None
            return
        finally:
            lines.close()
        self.discarded_unlike = unlike_job(header, self.fingerprint)

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
                yield from complete_lines(journal)
        except OSError as error:
            raise OutputProblem(f"cannot read {whose} ({JOURNAL_NAME}): {os_reason(error)}",
                                str(self.directory),
                                hint=f"fix the problem, then {then}") from error

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
                for line, entry in consecutive_entries(lines):
                    kept.write(line + "\n")
                    # Only the last entry of a checkpoint carries the writer state; entries
                    # after the last complete checkpoint (a torn batch) do not count as done.
                    if entry.state:
                        self.last_entry = entry
                        self.resumed_entries = entry.index + 1
                        checkpoint_end = kept.tell()
                kept.truncate(checkpoint_end)
                kept.flush()
                os.fsync(kept.fileno())  # on the disk before it replaces the journal
            lines.close()  # the journal, closed before it is replaced
            os.replace(temporary, self.journal_path)
            sync_folder(self.directory)
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
        yield from parsed_entries(self._journal_lines("the export's journal", self.rerun_hint()))

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
        return "rerun the same command: there is nothing to resume"

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
            keep_permissions(source, target)
            if source.is_file():
                sync_file(source)
        make_renames(self.directory, discarded_path(self.out), moves, made=0)

    def finish_publishing(self, outputs: Sequence[Path]) -> None:
        """Make the renames a run stopped while publishing had not made yet (`unpublished`).
        Each must move a file of the staging folder to one of `outputs` (the paths this job
        writes), or one of them into it: the list is read from a file, which the staging folder
        of a stranger's (a shared folder, an unpacked archive) could fill with any renames."""
        assert self.unpublished is not None
        moves, made = self.unpublished
        staged = os.path.realpath(self.directory)
        written = {place(output) for output in outputs}
        for source, target in moves:
            if not (place(source)[0] == staged and place(target) in written
                    or place(target)[0] == staged and place(source) in written):
                raise ResumeMismatch(
                    f"the interrupted export's {PUBLISHING_NAME} lists a rename of {source} to "
                    f"{target}, which is no move of this export's output", str(self.directory),
                    hint="drop --resume to start over")
        self.close()
        make_renames(self.directory, discarded_path(self.out), moves, made)

