"""Identical sentences that anchor an alignment: a patience diff over whole sentences, or their
longest common subsequence where sentences repeat.

Sentences that occur once in each version are matched and the longest run of them in the same
order is kept (longest increasing subsequence); identical sentences at both ends of a stretch are
matched too; the stretches between anchors are then searched the same way, recursively. A stretch
in which some shared sentence occurs more than once (boilerplate, a page that repeats itself) is
matched instead by the longest common subsequence of its sentences, so that repeated sentences pair
in order and a moved sentence that occurs once does not pull them out of place. A stretch too
large for that is searched by unique sentences as above, or, where every shared sentence repeats,
anchored by runs of 2, 4, ... consecutive sentences that occur once on each side. Cost is about
O(n log n), plus about n * m / 64 machine-word operations for a stretch of n by m sentences
matched by its subsequence; no pairwise comparison of sentences happens here.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence


def longest_increasing_pairs(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by first item) whose second items increase."""
    tails: list[int] = []  # tails[k]: smallest second item ending an increasing run of length k+1
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for position, (_, second) in enumerate(pairs):
        k = bisect_left(tails, second)
        if k == len(tails):
            tails.append(second)
            tail_index.append(position)
        else:
            tails[k] = second
            tail_index[k] = position
        previous[position] = tail_index[k - 1] if k else -1
    chain: list[tuple[int, int]] = []
    position = tail_index[-1] if tail_index else -1
    while position != -1:
        chain.append(pairs[position])
        position = previous[position]
    chain.reverse()
    return chain


# A stretch in which a shared sentence repeats is matched by the longest common subsequence of its
# sentences when it spans at most this many old x new sentences (the bit rows kept take an eighth of
# that in bytes).
COMMON_SUBSEQUENCE_CELLS = 10**8
# A larger stretch that holds no sentence occurring once on each side (text repeated many times) is
# anchored by runs of this many consecutive sentences that occur once on each side, doubling up to
# the largest.
RUN_LENGTHS = (2, 4, 8, 16, 32, 64)


def _common_subsequence(old_ids: Sequence[int], new_ids: Sequence[int]) -> list[tuple[int, int]]:
    """(old index, new index) pairs of a longest common subsequence of the two lists, in order.

    Bit-parallel (Hyyrö): row i of the length table is kept as a bit mask whose bit j is clear
    where the length grows from column j to column j + 1; the pairs are read back from the end.
    """
    where: dict[int, int] = {}
    for j, symbol in enumerate(new_ids):
        where[symbol] = where.get(symbol, 0) | 1 << j
    all_columns = (1 << len(new_ids)) - 1
    rows = [all_columns]  # rows[i]: the table after old_ids[:i]
    for symbol in old_ids:
        row = rows[-1]
        matches = row & where.get(symbol, 0)
        rows.append(((row + matches) | (row - matches)) & all_columns)
    pairs: list[tuple[int, int]] = []
    i, j = len(old_ids), len(new_ids)
    while i and j:
        if old_ids[i - 1] == new_ids[j - 1]:
            i -= 1
            j -= 1
            pairs.append((i, j))
        elif rows[i] >> (j - 1) & 1:  # as long without new_ids[j - 1]: leave it out
            j -= 1
        else:
            i -= 1
    pairs.reverse()
    return pairs


def _unique_runs(old_ids: Sequence[int], new_ids: Sequence[int], old_lo: int, old_hi: int,
                 new_lo: int, new_hi: int, length: int) -> list[tuple[int, int]]:
    """(old start, new start) of runs of `length` sentences that occur once in each stretch,
    longest increasing chain, runs not overlapping."""
    def runs(ids: Sequence[int], lo: int, hi: int) -> dict[tuple[int, ...], int]:
        seen: dict[tuple[int, ...], int] = {}
        for start in range(lo, hi - length + 1):
            run = tuple(ids[start:start + length])
            seen[run] = -1 if run in seen else start
        return seen

    old_runs = runs(old_ids, old_lo, old_hi)
    new_runs = runs(new_ids, new_lo, new_hi)
    unique_pairs = sorted((start, new_runs[run]) for run, start in old_runs.items()
                          if start >= 0 and new_runs.get(run, -1) >= 0)
    kept: list[tuple[int, int]] = []
    for i, j in longest_increasing_pairs(unique_pairs):
        if not kept or (i >= kept[-1][0] + length and j >= kept[-1][1] + length):
            kept.append((i, j))
    return kept


def identical_anchors(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[tuple[int, int]]:
    """(old index, new index) pairs of identical sentences, increasing in both indices.

    Cost is about O(n log n) for n sentences; repeated sentences are paired in order, as a
    longest common subsequence pairs them.
    """
    numbers: dict[str, int] = {}
    old_ids = [numbers.setdefault(key, len(numbers)) for key in old_keys]
    new_ids = [numbers.setdefault(key, len(numbers)) for key in new_keys]
    anchors: list[tuple[int, int]] = []
    stack = [(0, len(old_ids), 0, len(new_ids))]
    while stack:
        old_lo, old_hi, new_lo, new_hi = stack.pop()
        while old_lo < old_hi and new_lo < new_hi and old_ids[old_lo] == new_ids[new_lo]:
            anchors.append((old_lo, new_lo))
            old_lo += 1
            new_lo += 1
        while old_lo < old_hi and new_lo < new_hi and old_ids[old_hi - 1] == new_ids[new_hi - 1]:
            old_hi -= 1
            new_hi -= 1
            anchors.append((old_hi, new_hi))
        if old_lo >= old_hi or new_lo >= new_hi:
            continue
        old_counts = Counter(old_ids[old_lo:old_hi])
        new_counts = Counter(new_ids[new_lo:new_hi])
        repeated = any(old_counts[symbol] > 1 or new_counts[symbol] > 1
                       for symbol in old_counts.keys() & new_counts.keys())
        if repeated and (old_hi - old_lo) * (new_hi - new_lo) <= COMMON_SUBSEQUENCE_CELLS:
            anchors.extend((old_lo + i, new_lo + j) for i, j in _common_subsequence(
                old_ids[old_lo:old_hi], new_ids[new_lo:new_hi]))
            continue
        new_position = {new_ids[j]: j for j in range(new_lo, new_hi) if new_counts[new_ids[j]] == 1}
        unique_pairs = [
            (i, new_position[old_ids[i]])
            for i in range(old_lo, old_hi)
            if old_counts[old_ids[i]] == 1 and old_ids[i] in new_position
        ]
        chain = longest_increasing_pairs(unique_pairs)
        length = 1
        shared = not chain and not old_counts.keys().isdisjoint(new_counts.keys())
        for run_length in RUN_LENGTHS if shared else ():
            length = run_length
            chain = _unique_runs(old_ids, new_ids, old_lo, old_hi, new_lo, new_hi, length)
            if chain:
                break
        if not chain:
            continue
        matched = [(i + k, j + k) for i, j in chain for k in range(length)] if length > 1 else chain
        anchors.extend(matched)
        bounds = [(old_lo - 1, new_lo - 1), *matched, (old_hi, new_hi)]
        for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
            if i1 - i0 > 1 and j1 - j0 > 1:
                stack.append((i0 + 1, i1, j0 + 1, j1))
    anchors.sort()
    return anchors
