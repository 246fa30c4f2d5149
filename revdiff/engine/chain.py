"""The best order-preserving set of candidate matches: a max-weight chain of blocks.

A block links old sentences `old_start..old_end` with new sentences `new_start..new_end` (inclusive)
and has a weight. A chain is a set of blocks that do not overlap and keep the order of both versions;
the best chain maximises the total weight. Blocks are swept by old position and a Fenwick tree over
new positions answers "best chain ending before new position j" in O(log n), so the whole search is
O(B log n) for B candidate blocks, instead of a DP over every (old, new) cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    old_start: int
    old_end: int  # inclusive
    new_start: int
    new_end: int  # inclusive
    weight: float
    similarity: float


class _PrefixMax:
    """Fenwick tree of (best weight, block id) over positions 0..size-1, prefix maximum queries."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)

    def update(self, position: int, value: tuple[float, int]) -> None:
        index = position + 1
        while index <= self._size:
            if value[0] > self._tree[index][0]:
                self._tree[index] = value
            index += index & -index

    def best_before(self, position: int) -> tuple[float, int]:
        """Best value at positions < position."""
        best: tuple[float, int] = (0.0, -1)
        index = position
        while index > 0:
            if self._tree[index][0] > best[0]:
                best = self._tree[index]
            index -= index & -index
        return best


def best_chain(blocks: Sequence[Block], new_offset: int, new_size: int) -> list[Block]:
    """The max-weight chain of `blocks`, in order. New positions are `new_offset..+new_size-1`."""
    if not blocks:
        return []
    by_start = sorted(range(len(blocks)), key=lambda b: blocks[b].old_start)
    by_end = sorted(range(len(blocks)), key=lambda b: blocks[b].old_end)
    tree = _PrefixMax(new_size)
    total = [0.0] * len(blocks)
    previous = [-1] * len(blocks)
    inserted = 0
    for block_id in by_start:
        block = blocks[block_id]
        while inserted < len(by_end) and blocks[by_end[inserted]].old_end < block.old_start:
            done = by_end[inserted]
            tree.update(blocks[done].new_end - new_offset, (total[done], done))
            inserted += 1
        best, best_id = tree.best_before(block.new_start - new_offset)
        total[block_id] = best + block.weight
        previous[block_id] = best_id
    last = max(range(len(blocks)), key=lambda b: total[b])
    chain: list[Block] = []
    while last != -1:
        chain.append(blocks[last])
        last = previous[last]
    chain.reverse()
    return chain
