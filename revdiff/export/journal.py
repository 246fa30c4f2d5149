"""The journal of an export run (`journal.jsonl`): what its lines hold, and reading them back.

Its first line is a header that fingerprints the job and names the tables' columns; every other
line is one finished article (`JournalEntry`), in output order. Lines are read one at a time, up
to a torn or damaged one, so a journal a killed run left, or a stranger's, is never read whole.
"""

from __future__ import annotations

import json
import math
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import IO, Any

from revdiff.export.records import (
    COMPARISON_COLUMN_NAMES,
    EDIT_COLUMN_NAMES,
    ENTRYVERSION_COLUMNS,
)

JOURNAL_NAME = "journal.jsonl"
JOURNAL_VERSION = 1
# No line revdiff writes in the journal or the publishing list comes near this many characters (an
# article's facts, the job's inputs): a longer one is damaged, as a torn one is, and is never read
# whole (a stranger's staging folder could hold a line of gigabytes).
LONGEST_LINE = 16 * 1024 * 1024
# The columns of the tables, as the journal's header names them: a run of another revdiff that
# wrote other columns is not resumed, which would append rows of these to a file of those.
TABLE_COLUMNS = {"edits": list(EDIT_COLUMN_NAMES), "comparisons": list(COMPARISON_COLUMN_NAMES),
                 "entryversion": list(ENTRYVERSION_COLUMNS)}


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


def complete_lines(handle: IO[str]) -> Iterator[str]:
    """The lines of `handle`, each without its newline and read alone, up to a torn one (no
    newline: the process died while writing it) or one longer than `LONGEST_LINE` (damaged)."""
    while (line := handle.readline(LONGEST_LINE + 1)).endswith("\n"):
        yield line[:-1]


def parsed_entries(lines: Generator[str, None, None]) -> Iterator[JournalEntry]:
    """The finished articles of a journal's `lines`, past its header; those damaged left out."""
    try:
        next(lines, None)
        for line in lines:
            entry = _parse_entry(line)
            if entry is not None:
                yield entry
    finally:
        lines.close()


def consecutive_entries(lines: Iterator[str]) -> Iterator[tuple[str, JournalEntry]]:
    """The entries of a journal's `lines` past its header, each with its line, in the order
    written (indices 0, 1, 2 ...), up to the first damaged or out of order: the run's own."""
    for index, line in enumerate(lines):
        entry = _parse_entry(line)
        if entry is None or entry.index != index:
            return
        yield line, entry


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
