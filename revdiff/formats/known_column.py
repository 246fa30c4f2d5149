"""Read a flattened diff page when one of its columns is already known.

When pages of one article are read together, the new column of one page is the old column of
the next. Once one page is read, its neighbour's rows can be matched against the known column
paragraph by paragraph: each row either consumes the next known paragraph (as a match, a change
row that starts or ends with it, or a one-sided row equal to it) or belongs wholly to the other
side. A dynamic programme over (row, paragraphs consumed) finds every reading that fits; when
exactly one does, the page is read with certainty.
"""

from __future__ import annotations

from collections.abc import Sequence

from revdiff.model import RowKind

Option = tuple[RowKind, int | None]  # (kind, character offset where the new cell starts)


def _options(text: str, paragraph: str | None, known_side: str) -> list[tuple[Option, bool]]:
    """Readings of one row: (reading, consumes the next known paragraph)."""
    options: list[tuple[Option, bool]] = []
    other = RowKind.NEW_ONLY if known_side == "old" else RowKind.OLD_ONLY
    options.append(((other, None), False))
    if paragraph is None:
        return options
    size = len(paragraph)
    if text == paragraph + paragraph:
        options.append(((RowKind.MATCH, size), True))
    if text == paragraph:
        options.append(((RowKind.OLD_ONLY if known_side == "old" else RowKind.NEW_ONLY, None), True))
    if known_side == "old" and text.startswith(paragraph + " ") and len(text) > size + 1:
        options.append(((RowKind.CHANGE, size + 1), True))
    if known_side == "new" and text.endswith(" " + paragraph) and len(text) > size + 1:
        options.append(((RowKind.CHANGE, len(text) - size), True))
    return options


def readings_with_known_column(rows: Sequence[str], known: Sequence[str], known_side: str,
                               ) -> tuple[list[Option], int] | None:
    """A reading of every row whose `known_side` column is exactly `known`.

    Returns the reading (preferring to consume known paragraphs as early as possible) and how
    many readings fit (capped at 2), or None when no reading fits.
    """
    count_rows, count_known = len(rows), len(known)
    # ways[r][p]: number of readings (capped at 2) of rows r.. that consume known[p:] exactly
    ways = [[0] * (count_known + 1) for _ in range(count_rows + 1)]
    ways[count_rows][count_known] = 1
    for r in range(count_rows - 1, -1, -1):
        for p in range(count_known, -1, -1):
            paragraph = known[p] if p < count_known else None
            total = 0
            for _, consumes in _options(rows[r], paragraph, known_side):
                total += ways[r + 1][p + 1 if consumes else p]
            ways[r][p] = min(total, 2)
    if ways[0][0] == 0:
        return None
    chosen: list[Option] = []
    p = 0
    for r in range(count_rows):
        paragraph = known[p] if p < count_known else None
        options = sorted(_options(rows[r], paragraph, known_side), key=lambda o: not o[1])
        for option, consumes in options:
            if ways[r + 1][p + 1 if consumes else p]:
                chosen.append(option)
                p += consumes
                break
    return chosen, ways[0][0]
