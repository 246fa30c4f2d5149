"""How News Sniffer turns two versions into diff-page rows (FORMATS.md §1), and back to text.

News Sniffer runs diff-lcs over the two paragraph lists and walks the result in "balanced" mode:
every paragraph of the longest common subsequence is a match row; between matches, old and new
paragraphs are paired by position into change rows and the leftovers become one-sided rows.
The splitter uses this to check a reading: re-rendering the recovered versions must give back
the observed rows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable, Sequence

from revdiff.model import RowKind

Row = tuple[RowKind, str | None, str | None]


def lcs_pairs(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Index pairs (i, j) of a longest common subsequence of `a` and `b`, in order.

    Hunt-Szymanski with common prefix and suffix taken first, walking the positions of each
    element of `a` in `b` from the back; ties resolve the way diff-lcs resolves them.
    """
    start, a_end, b_end = 0, len(a) - 1, len(b) - 1
    head: list[tuple[int, int]] = []
    while start <= a_end and start <= b_end and a[start] == b[start]:
        head.append((start, start))
        start += 1
    tail: list[tuple[int, int]] = []
    while start <= a_end and start <= b_end and a[a_end] == b[b_end]:
        tail.append((a_end, b_end))
        a_end -= 1
        b_end -= 1
    positions: dict[Hashable, list[int]] = {}
    for j in range(start, b_end + 1):
        positions.setdefault(b[j], []).append(j)
    thresholds: list[int] = []
    # nodes: (parent node or -1, i, j); ends[k] is the node that ends a common run of length k+1
    nodes: list[tuple[int, int, int]] = []
    ends: list[int] = []
    for i in range(start, a_end + 1):
        k: int | None = None
        for j in reversed(positions.get(a[i], ())):
            if k is not None and k > 0 and thresholds[k - 1] < j < thresholds[k]:
                thresholds[k] = j
            else:
                k = _replace_next_larger(thresholds, j)
            if k is not None:
                nodes.append((ends[k - 1] if k > 0 else -1, i, j))
                if k < len(ends):
                    ends[k] = len(nodes) - 1
                else:
                    ends.append(len(nodes) - 1)
    middle: list[tuple[int, int]] = []
    node = ends[len(thresholds) - 1] if thresholds else -1
    while node >= 0:
        node, i, j = nodes[node]
        middle.append((i, j))
    middle.reverse()
    return head + middle + tail[::-1]


def _replace_next_larger(thresholds: list[int], value: int) -> int | None:
    """Put `value` in place of the first threshold above it; None when it is already there."""
    if not thresholds or value > thresholds[-1]:
        thresholds.append(value)
        return len(thresholds) - 1
    index = bisect_left(thresholds, value)
    if thresholds[index] == value:
        return None
    thresholds[index] = value
    return index


def diff_rows(old: Sequence[str], new: Sequence[str]) -> list[Row]:
    """The body rows News Sniffer shows for two paragraph lists: (kind, old cell, new cell)."""
    rows: list[Row] = []
    i = j = 0
    for match_i, match_j in [*lcs_pairs(old, new), (len(old), len(new))]:
        while i < match_i and j < match_j:
            rows.append((RowKind.CHANGE, old[i], new[j]))
            i += 1
            j += 1
        while i < match_i:
            rows.append((RowKind.OLD_ONLY, old[i], None))
            i += 1
        while j < match_j:
            rows.append((RowKind.NEW_ONLY, None, new[j]))
            j += 1
        if match_i < len(old):
            rows.append((RowKind.MATCH, old[match_i], new[match_j]))
            i, j = match_i + 1, match_j + 1
    return rows


def gaps_between_matches(is_match: Iterable[bool]) -> list[list[int]]:
    """The gaps of a page: the indices of each run of rows between match rows (and before the
    first match and after the last), given whether each row is a match row."""
    gaps: list[list[int]] = []
    current: list[int] = []
    for index, match in enumerate(is_match):
        if not match:
            current.append(index)
        elif current:
            gaps.append(current)
            current = []
    if current:
        gaps.append(current)
    return gaps


def flatten_row(row: Row) -> str:
    """A row as a text extractor flattens it: match X+X, change OLD + ' ' + NEW, one-sided X."""
    kind, old, new = row
    if kind is RowKind.MATCH:
        return f"{old}{new}"
    if kind is RowKind.CHANGE:
        return f"{old} {new}"
    return old if old is not None else new or ""
