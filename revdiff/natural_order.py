"""Natural order of names: `story2` before `story10`, `a` beside `B`.

One order for every list revdiff sorts by name: the folders and databases an export reads and
the entries of a NewsEdits database. Paths sort by their names, folder by folder
(`natural_path_key`)."""

from __future__ import annotations

import re
from pathlib import PurePath

_DIGIT_RUNS = re.compile(r"([0-9]+)")

NaturalKey = tuple[tuple[str | tuple[int, str], ...], tuple[int, ...], str]


def natural_key(text: str) -> NaturalKey:
    """Where `text` sorts among others: its runs of digits (every other part of the split) by
    their value, compared by length and then digit by digit (so no `int` of thousands of
    digits), the rest without case. Names still equal come in one order whatever order they are
    given in: fewer leading zeros first (`7` before `007`), then by their characters (`Story`
    before `story`)."""
    parts = _DIGIT_RUNS.split(text)
    folded = tuple((len(part.lstrip("0")), part.lstrip("0")) if index % 2 else part.casefold()
                   for index, part in enumerate(parts))
    return folded, tuple(len(run) for run in parts[1::2]), text


def natural_path_key(path: str) -> tuple[tuple[NaturalKey, ...], str]:
    """Where the path `path` sorts among others: name by name, each in natural order, so that a
    folder's entries come in the order a listing of it gives (`a/` before `a2/`, which a key of
    the whole text put after it, as `/` sorts after the end of `a`); paths of the same names
    written otherwise (`a/`, `a`) by their text."""
    return tuple(natural_key(name) for name in PurePath(path).parts), path
