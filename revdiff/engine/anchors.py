"""Identical sentences that anchor an alignment: a patience diff over whole sentences.

Sentences that occur once in each version are matched and the longest run of them in the same
order is kept (longest increasing subsequence); identical sentences at both ends of a stretch are
matched too; the stretches between anchors are then searched the same way, recursively. Cost is
about O(n log n); no pairwise comparison of sentences happens here.
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


def identical_anchors(old_keys: Sequence[str], new_keys: Sequence[str]) -> list[tuple[int, int]]:
    """(old index, new index) pairs of identical sentences, increasing in both indices."""
    anchors: list[tuple[int, int]] = []
    stack = [(0, len(old_keys), 0, len(new_keys))]
    while stack:
        old_lo, old_hi, new_lo, new_hi = stack.pop()
        while old_lo < old_hi and new_lo < new_hi and old_keys[old_lo] == new_keys[new_lo]:
            anchors.append((old_lo, new_lo))
            old_lo += 1
            new_lo += 1
        while old_lo < old_hi and new_lo < new_hi and old_keys[old_hi - 1] == new_keys[new_hi - 1]:
            old_hi -= 1
            new_hi -= 1
            anchors.append((old_hi, new_hi))
        if old_lo >= old_hi or new_lo >= new_hi:
            continue
        old_counts = Counter(old_keys[old_lo:old_hi])
        new_counts = Counter(new_keys[new_lo:new_hi])
        new_position = {new_keys[j]: j for j in range(new_lo, new_hi) if new_counts[new_keys[j]] == 1}
        unique_pairs = [
            (i, new_position[old_keys[i]])
            for i in range(old_lo, old_hi)
            if old_counts[old_keys[i]] == 1 and old_keys[i] in new_position
        ]
        chain = longest_increasing_pairs(unique_pairs)
        if not chain:
            continue
        anchors.extend(chain)
        bounds = [(old_lo - 1, new_lo - 1), *chain, (old_hi, new_hi)]
        for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
            if i1 - i0 > 1 and j1 - j0 > 1:
                stack.append((i0 + 1, i1, j0 + 1, j1))
    anchors.sort()
    return anchors
