"""Read a flattened diff page when one of its columns is already known.

When pages of one article are read together, the new column of one page is the old column of
the next. Once one page is read, its neighbour's rows can be matched against the known column
paragraph by paragraph: each row either consumes the next known paragraph (as a match, a change
row that starts or ends with it, or a one-sided row equal to it) or belongs wholly to the other
side. A dynamic programme over (row, paragraphs consumed, place in the gap) finds every reading
that fits and that News Sniffer could have produced: within a gap, change rows come first and
the one-sided rows after them all lie on one side. When exactly one reading fits, the page is
read with certainty. A row also holds a known paragraph that differs from it only by symbols
the flattener dropped on one of the two pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from revdiff.model import RowKind
from revdiff.splitter.evidence import is_glued_match
from revdiff.splitter.symbols import (
    has_droppable,
    is_droppable,
    kept_words_end,
    symbol_key,
)

Option = tuple[RowKind, int | None]  # (kind, character offset where the new cell starts)

# Where a reading stands in a gap: after a match (or at the start), among its change rows, or
# among its one-sided rows on either side. A row's kind moves it on, or is not allowed there.
_PLACES = ("start", "change", "old", "new")
_NEXT_PLACE: dict[RowKind, tuple[int | None, ...]] = {
    RowKind.MATCH: (0, 0, 0, 0),
    RowKind.CHANGE: (1, 1, None, None),
    RowKind.OLD_ONLY: (2, 2, 2, None),
    RowKind.NEW_ONLY: (3, 3, None, 3),
}


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
    if len(options) == 1 and (has_droppable(text) or has_droppable(paragraph)):
        options += _options_up_to_symbols(text, paragraph, known_side)
    return options


def _options_up_to_symbols(text: str, paragraph: str, known_side: str) -> list[tuple[Option, bool]]:
    """Readings that hold the known paragraph up to symbols the flattener dropped on one of
    the two pages (see `symbols`)."""
    options: list[tuple[Option, bool]] = []
    key = symbol_key(paragraph)
    half = len(text) // 2
    if is_glued_match(text) and symbol_key(text[:half]) == key:
        options.append(((RowKind.MATCH, half), True))
    if symbol_key(text) == key:
        options.append(((RowKind.OLD_ONLY if known_side == "old" else RowKind.NEW_ONLY, None), True))
    if not key:  # a paragraph of dropped symbols alone: no cell of a change row
        return options
    kept = len(key.split(" "))
    if known_side == "old":
        cells = [(text[:end], end + 1) for end in _cuts_after_kept_words(text, kept)]
    else:
        backwards = " ".join(reversed(text.split(" ")))
        cells = [(text[len(text) - end:], len(text) - end)
                 for end in _cuts_after_kept_words(backwards, kept)]
    cells = [(cell, cut) for cell, cut in cells if symbol_key(cell) == key]
    # a symbol beside the cut goes with the cell whose known paragraph ends (or starts) with it
    edge = -1 if known_side == "old" else 0
    alike = [(cell, cut) for cell, cut in cells
             if cell.split(" ")[edge] == paragraph.split(" ")[edge]]
    options += [((RowKind.CHANGE, cut), True) for _, cut in alike or cells]
    return options


def _cuts_after_kept_words(text: str, kept: int) -> list[int]:
    """Where a cell holding `kept` words that are not droppable can end in `text`: just after
    the last of them, or after droppable tokens that follow it (either cell may hold those)."""
    end = kept_words_end(text, kept)
    cuts = []
    while end is not None and end + 1 < len(text):
        cuts.append(end)
        following = text.find(" ", end + 1)
        if following < 0 or not is_droppable(text[end + 1:following]):
            break
        end = following
    return cuts


def readings_with_known_column(rows: Sequence[str], known: Sequence[str], known_side: str,
                               preferred: Sequence[Option] | None = None,
                               ) -> tuple[list[Option], int] | None:
    """A reading of every row whose `known_side` column is exactly `known`.

    Returns a reading and how many readings fit (capped at 2), or None when none fits. Where
    several fit, each row takes its `preferred` reading when that still leads to a fit, and
    otherwise consumes the known paragraphs as early as it can.
    """
    count_rows, count_known = len(rows), len(known)

    # Each row consumes at most one paragraph, so before row r between max(0, K - (n - r)) and
    # min(r, K) paragraphs are consumed; only that band of the table is filled.
    def band(r: int) -> range:
        return range(max(0, count_known - (count_rows - r)), min(r, count_known) + 1)

    # ways[r][p][place]: readings (capped at 2) of rows r.. that consume known[p:] exactly,
    # entered at `place` of a gap; a missing p means none
    none = [0] * len(_PLACES)
    ways: list[dict[int, list[int]]] = [{} for _ in range(count_rows)]
    ways.append({count_known: [1] * len(_PLACES)})
    options_at: dict[tuple[int, int], list[tuple[Option, bool]]] = {}
    for r in range(count_rows - 1, -1, -1):
        following = ways[r + 1]
        for p in band(r):
            options = options_at[r, p] = _options(rows[r], known[p] if p < count_known else None,
                                                  known_side)
            cell = [0] * len(_PLACES)
            for (kind, _), consumes in options:
                after = following.get(p + 1 if consumes else p, none)
                for place, next_place in enumerate(_NEXT_PLACE[kind]):
                    if next_place is not None and after[next_place]:
                        cell[place] = min(cell[place] + after[next_place], 2)
            if any(cell):
                ways[r][p] = cell
    if not ways[0].get(0, none)[0]:
        return None
    chosen: list[Option] = []
    p = place = 0
    for r in range(count_rows):
        wanted = preferred[r] if preferred is not None else None
        options = sorted(options_at[r, p], key=lambda o: (o[0] != wanted, not o[1]))
        for option, consumes in options:
            next_place = _NEXT_PLACE[option[0]][place]
            if next_place is not None and ways[r + 1].get(p + consumes, none)[next_place]:
                chosen.append(option)
                p += consumes
                place = next_place
                break
    return chosen, ways[0][0][0]
