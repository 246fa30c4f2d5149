"""What revdiff stages in a staging folder, by name and kind, and the refusal of a folder that
holds anything else: revdiff removes the folder as a whole, so what it did not write there is
not its to remove."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path

from revdiff.errors import os_reason
from revdiff.export.output_guard import OutputProblem
from revdiff.export.publishing import REPLACED_REPORT_NAME
from revdiff.formats.folders import FILE_BROWSER_LITTER

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


def check_staged_only(folder: Path) -> None:
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
