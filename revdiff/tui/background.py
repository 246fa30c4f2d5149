"""The app's comparisons, on its loop or on a thread of its own: why comparing a pair failed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revdiff.model import Version
from revdiff.terminal_text import visible

Pair = tuple[int, int]


@dataclass(frozen=True)
class ComparisonFailure:
    """Why comparing a pair of versions failed, and which pair: the numbers of its versions."""

    old_number: int
    new_number: int
    error: Exception

    @classmethod
    def of(cls, versions: Sequence[Version], pair: Pair, error: Exception) -> ComparisonFailure:
        return cls(versions[pair[0]].number, versions[pair[1]].number, error)

    def notice(self) -> str:
        """`Cannot compare v1 → v2: ` and the error: the pair that failed may be another than
        the one on screen (one of the timeline's chain)."""
        return (f"Cannot compare v{self.old_number} → v{self.new_number}: "
                f"{visible(str(self.error))}")
