"""Putting a finished export in place: the renames listed in `publishing.jsonl` before any is
made, each logged once made, so that `--resume` finishes a publish a killed run left half made;
then the staging folder removed, renamed aside first. The list, and each rename before the line
that logs it, are put on the disk, so that a power cut leaves a list that tells what was made."""

from __future__ import annotations

import itertools
import json
import os
import shutil
from contextlib import suppress
from pathlib import Path
from typing import TextIO

from revdiff.export.disk_sync import sync_folder
from revdiff.export.journal import complete_lines
from revdiff.export.output_guard import OutputProblem
from revdiff.export.resume_checks import ResumeMismatch
from revdiff.stop_signals import stops_held

PUBLISHING_NAME = "publishing.jsonl"
# Where publishing an HTML report puts the earlier report aside, removed with the staging folder
REPLACED_REPORT_NAME = "replaced-report"


def place(path: Path) -> tuple[str, str]:
    """Where `path` is: its folder with every link on the way followed, and its name (a link
    itself is not followed: a rename replaces it)."""
    return os.path.realpath(path.parent), path.name


def unpublished_moves(directory: Path) -> tuple[list[tuple[Path, Path]], int] | None:
    """The renames listed by a run stopped while publishing, and how many it made."""
    try:
        with open(directory / PUBLISHING_NAME, encoding="utf-8") as log:
            lines = complete_lines(log)
            moves = [(Path(a), Path(b)) for a, b in json.loads(next(lines))]
            return moves, sum(1 for _ in itertools.islice(lines, len(moves)))
    # none listed, or the listing was cut or is damaged (JSON of another shape, or nested
    # deeper than Python recurses): nothing was renamed
    except (OSError, ValueError, TypeError, RecursionError, StopIteration):
        return None


def check_no_report_put_aside(directory: Path) -> None:
    """Refuse to start over, removing the staging folder, where a run stopped while publishing
    had put the earlier report aside into it (`replaced-report`) and the new report had not
    taken its place: the earlier report would go with the staging folder, the output none."""
    replaced = directory / REPLACED_REPORT_NAME
    listed = unpublished_moves(directory)
    if not replaced.is_dir() or listed is None:
        return
    moves, _ = listed
    if any(place(target) == place(replaced) and not (source.exists() or source.is_symlink())
           for source, target in moves):
        raise OutputProblem(f"an interrupted publish left the earlier report in "
                            f"{REPLACED_REPORT_NAME}, and starting over removes the staging "
                            "folder with it", str(directory),
                            hint="rerun the same command with --resume to finish publishing, "
                            f"or move {REPLACED_REPORT_NAME} out of that folder")


def check_replaced_report(
        directory: Path, unpublished: tuple[list[tuple[Path, Path]], int] | None) -> None:
    """Refuse to resume from a staging folder holding a `replaced-report` that its run did not
    put there, where a rename is still to put the earlier report: it would fail (a folder
    not empty, a file). Publishing lists its renames before making any, so one there with
    no list to finish is no run's; what it holds may be a report of the user's, kept."""
    replaced = directory / REPLACED_REPORT_NAME
    if not (replaced.exists() or replaced.is_symlink()):
        return
    if unpublished is not None:
        moves, made = unpublished
        if not any(place(target) == place(replaced) and (source.exists() or source.is_symlink())
                   for source, target in moves[made:]):
            return  # made (logged or not), or none to make
    raise ResumeMismatch(
        f"the interrupted export's staging folder holds {REPLACED_REPORT_NAME}, which its run "
        "did not put there, and the earlier report cannot be put aside into it",
        str(directory), hint=f"move {REPLACED_REPORT_NAME} out of that folder first, as "
        "it may hold an earlier report: dropping --resume starts over and removes the "
        "staging folder with all it holds")


def make_renames(directory: Path, discarded: Path, moves: list[tuple[Path, Path]],
                 made: int) -> None:
    """Make the renames after the first `made`, listed first (and each logged once made),
    then remove the staging folder. Ctrl-C and SIGTERM wait for the renames, and once
    they are made, the output is in place: the stop came too late to keep it out."""
    listing = directory / PUBLISHING_NAME
    try:
        with stops_held(), open(listing, "a" if made else "w", encoding="utf-8") as log:
            if not made:  # absolute: a --resume run from another folder makes them
                log.write(json.dumps([[os.path.abspath(a), os.path.abspath(b)]
                                      for a, b in moves]) + "\n")
                _sync_log(log)
                sync_folder(directory)  # its name, before any rename it lists
            for source, target in moves[made:]:
                # a rename made just before a stop that logged it not: its source has gone
                if source.exists() or source.is_symlink():
                    os.replace(source, target)
                # on the disk before it is logged (a power cut keeps no line for a rename it
                # lost), and logged on the disk before the next (none is made twice)
                for folder in dict.fromkeys([target.parent, source.parent]):
                    sync_folder(folder)
                log.write("made\n")
                _sync_log(log)
    except KeyboardInterrupt:
        pass
    _discard(directory, discarded)


def _sync_log(log: TextIO) -> None:
    """Put the lines written to the list of renames on the disk."""
    log.flush()
    os.fsync(log.fileno())


def _discard(directory: Path, discarded: Path) -> None:
    """Remove the staging directory, renamed aside first so that it is never half there."""
    try:
        os.replace(directory, discarded)
    except OSError:
        return
    with suppress(KeyboardInterrupt):  # the output is in place; the next run removes the rest
        shutil.rmtree(discarded, ignore_errors=True)
