"""The versions beside a version file that is not there: `revdiff diff story/4.txt story/5.txt`
of a folder that holds 0.txt to 4.txt is told which versions the folder holds, not only to check
the path."""

from __future__ import annotations

from pathlib import Path

from revdiff.file_names import name_text
from revdiff.formats import plain
from revdiff.formats.folders import folder_entries, holds_a_number, version_files

# How many versions the hint names in full; more are named by the first few and the last
NAMED_IN_FULL = 5
FIRST_NAMED = 3


def versions_beside(name: str) -> str | None:
    """`its folder holds 0.txt, 1.txt, 2.txt, 3.txt and 4.txt` for a missing `name` whose file
    name holds a number (a version chosen by its number), where its folder is there and holds
    files numbered so, in the order a folder's versions are read; `its folder holds 42 numbered
    files, 0.txt, 1.txt, 2.txt, ..., 41.txt` for more than five, each name that is not UTF-8
    written as `name_text` writes it. None for any other path, or a folder that cannot be
    listed."""
    path = Path(name)
    if not holds_a_number(path):
        return None
    try:
        if not path.parent.is_dir():
            return None
        numbered = sorted((file for file in version_files(folder_entries(path.parent))
                           if holds_a_number(file)), key=plain.version_order_key)
    except (OSError, ValueError):  # a name too long, or holding a NUL
        return None
    names = [name_text(file.name) for file in numbered]
    if not names:
        return None
    if len(names) == 1:
        return f"its folder holds {names[0]}"
    if len(names) <= NAMED_IN_FULL:
        return f"its folder holds {', '.join(names[:-1])} and {names[-1]}"
    return (f"its folder holds {len(names):,} numbered files, "
            f"{', '.join(names[:FIRST_NAMED])}, ..., {names[-1]}")
