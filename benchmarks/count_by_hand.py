"""Can a person tell from the text whether a row is one paragraph or two glued together?

Most of the splitter's errors are in gaps that hold both change rows and one-sided rows: it reads
the wrong number of change rows (a row of two unrelated paragraphs read as one, or the reverse).
This script draws rows of such gaps at random (a fixed seed) from the held-out real pages, and
either prints each with the rows around it and without the truth (`--show`), for a person to say
"one paragraph" (1) or "two" (2), or scores the decisions recorded in count_by_hand.json against
the truth and against revdiff's own reading of the same rows.

Usage: python benchmarks/count_by_hand.py --show > rows.txt   (then record decisions)
       python benchmarks/count_by_hand.py                      (score them)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from hand_study import draw_held_out, gaps_with_truth, read_alone, recorded_decisions, rows_around, run_study
from split_data import TruePage

from revdiff.model import RowKind

SEED = 20261201
ROWS = 40
CONTEXT_CHARS = 300
DECISIONS = Path(__file__).with_name("count_by_hand.json")


@dataclass(frozen=True, slots=True)
class Drawn:
    """One row of a mixed gap: its page, its body line, where it sits in its gap, and its truth."""

    page: TruePage
    body: list[tuple[int, str]]
    index: int  # in the body
    position: int  # in the gap, from 0
    gap_rows: int
    is_change: bool


def _mixed_gap_rows(page: TruePage) -> list[Drawn]:
    """The rows of the page's gaps whose truth holds change rows and one-sided rows."""
    body, truth, gaps = gaps_with_truth(page)
    drawn: list[Drawn] = []
    for gap in gaps:
        kinds = [truth.get(body[i][0], (None,))[0] for i in gap]
        if None in kinds or RowKind.CHANGE not in kinds or len(set(kinds)) == 1:
            continue
        drawn.extend(Drawn(page, body, index, position, len(gap), kind is RowKind.CHANGE)
                     for position, (index, kind) in enumerate(zip(gap, kinds)))
    return drawn


def drawn_rows() -> list[Drawn]:
    """ROWS rows of mixed gaps of the held-out pages, drawn with the seed."""
    return draw_held_out(SEED, ROWS, _mixed_gap_rows)


def show(rows: list[Drawn]) -> None:
    for number, row in enumerate(rows):
        text = row.body[row.index][1]
        before, after = rows_around(row.body, row.index)
        print(f"### item {number}: row {row.position + 1} of a gap of {row.gap_rows} rows "
              f"({len(text.split())} words)\n  before: {before[:CONTEXT_CHARS]}\n  ROW: {text}\n"
              f"  after: {after[:CONTEXT_CHARS]}\n")


def score(rows: list[Drawn]) -> None:
    decisions = recorded_decisions(DECISIONS)
    hand = model = change_rows = 0
    for row, decision in zip(rows, decisions):
        reading = read_alone(row.page, row.body[row.index][0])
        change_rows += row.is_change
        hand += (decision == 2) == row.is_change
        model += (reading.kind is RowKind.CHANGE) == row.is_change
    print(f"{len(decisions)} rows of mixed gaps on the held-out pages, {change_rows} of them change rows")
    print(f"one paragraph or two, right: by hand {hand}, revdiff {model}, "
          f"always one paragraph {len(decisions) - change_rows}")


if __name__ == "__main__":
    sys.exit(run_study(__doc__.split("\n")[0], drawn_rows, show, score))
