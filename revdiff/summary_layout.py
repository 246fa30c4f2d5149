"""The layout of a run's summary (`export`'s, `store`'s): lines that fit 80 columns, broken
between the summary's parts, the lines after the first indented."""

from __future__ import annotations

from collections.abc import Sequence

# The summary's lines fit this many columns, a terminal's usual width, wherever it goes.
SUMMARY_COLUMNS = 80
SUMMARY_INDENT = "  "  # before each line of the summary after its first


def laid_out(groups: Sequence[Sequence[str]], columns: int = SUMMARY_COLUMNS) -> list[str]:
    """The summary made of `groups` of parts, as they are to be shown (names escaped): each
    group starts a line of its own, its parts joined by spaces and broken between them where
    they are wider than `columns` (a part wider than that stands on a line of its own); every
    line after the first is indented. The parts are measured by the columns they take on a
    terminal (a wide character takes two)."""
    lines = [line for parts in groups if parts for line in _fitted(parts, columns)]
    return [lines[0], *(SUMMARY_INDENT + line for line in lines[1:])] if lines else []


def listed(items: Sequence[str], opening: str = "", closing: str = "") -> list[str]:
    """`items` as parts of a list a summary may break between: each but the last followed by a
    comma, `opening` before the first and `closing` after the last (`to a.csv,`, `b.csv`;
    `(3 unchanged: ...,`, `2 conflict: ...)`)."""
    return [f"{opening if index == 0 else ''}{item}{',' if index + 1 < len(items) else closing}"
            for index, item in enumerate(items)]


def _fitted(parts: Sequence[str], columns: int) -> list[str]:
    """`parts` joined by spaces into lines that take at most `columns` columns once indented
    (`SUMMARY_INDENT`, as the summary's lines after its first are); a part too wide stands
    alone."""
    from rich.cells import cell_len

    room = columns - len(SUMMARY_INDENT)
    lines: list[str] = []
    for part in parts:
        if lines and cell_len(lines[-1]) + 1 + cell_len(part) <= room:
            lines[-1] += f" {part}"
        else:
            lines.append(part)
    return lines
