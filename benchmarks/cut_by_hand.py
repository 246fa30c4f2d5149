"""Can a person tell from the text where a change row's old paragraph ends and the new one begins?

Where a change row's two cells are unrelated paragraphs (a rewrite pairs paragraphs by their
place in the gap), nothing the cells share shows the cut: only how each reads as a whole paragraph
does. This script draws such rows at random (a fixed seed) from the held-out real pages: true
change rows whose cells share no start and no end of SIMILARITY_MIN_CHARS characters or more.
With `--show` it prints each with its words numbered and the rows around it, without the truth,
for a person to give the number of the word that begins the new paragraph; without it, it scores
the decisions recorded in cut_by_hand.json against the truth, beside revdiff's own reading of the
same rows (each page read alone) and the peer's (the cut where the halves are most alike).

Usage: python benchmarks/cut_by_hand.py --show > rows.txt   (then record decisions)
       python benchmarks/cut_by_hand.py                      (score them)
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from hand_study import draw_held_out, gaps_with_truth, read_alone, recorded_decisions, rows_around, run_study
from split_accuracy import baseline_read
from split_data import TruePage

from revdiff.model import RowKind
from revdiff.splitter.evidence import SIMILARITY_MIN_CHARS

SEED = 20261206
ROWS = 40
CONTEXT_CHARS = 300
DECISIONS = Path(__file__).with_name("cut_by_hand.json")


@dataclass(frozen=True, slots=True)
class Drawn:
    """One true change row with unrelated cells: its page, its body line, and its true cut."""

    page: TruePage
    body: list[tuple[int, str]]
    index: int  # in the body
    position: int  # in its gap, from 0
    gap_rows: int
    boundary: int  # character offset where the new cell starts

    @property
    def line(self) -> int:
        return self.body[self.index][0]

    @property
    def text(self) -> str:
        return self.body[self.index][1]


def word_at(text: str, boundary: int) -> int:
    """The number (from 0) of the word that starts at a character offset of a row."""
    return text[:boundary].count(" ")


def _unrelated(text: str, boundary: int) -> bool:
    old, new = text[:boundary - 1], text[boundary:]
    shared_start = len(os.path.commonprefix([old, new]))
    shared_end = len(os.path.commonprefix([old[::-1], new[::-1]]))
    return max(shared_start, shared_end) < SIMILARITY_MIN_CHARS


def _unrelated_change_rows(page: TruePage) -> list[Drawn]:
    body, truth, gaps = gaps_with_truth(page)
    drawn: list[Drawn] = []
    for gap in gaps:
        for position, index in enumerate(gap):
            kind, boundary = truth.get(body[index][0], (None, None))
            if kind is RowKind.CHANGE and boundary is not None and _unrelated(body[index][1], boundary):
                drawn.append(Drawn(page, body, index, position, len(gap), boundary))
    return drawn


def drawn_rows() -> list[Drawn]:
    """ROWS change rows with unrelated cells of the held-out pages, drawn with the seed."""
    return draw_held_out(SEED, ROWS, _unrelated_change_rows)


def show(rows: list[Drawn]) -> None:
    for number, row in enumerate(rows):
        before, after = rows_around(row.body, row.index)
        words = " ".join(f"[{k}]{word}" for k, word in enumerate(row.text.split(" ")))
        print(f"### item {number}: row {row.position + 1} of a gap of {row.gap_rows} rows "
              f"({len(row.text.split(' '))} words)\n  before: {before[:CONTEXT_CHARS]}\n"
              f"  ROW: {words}\n  after: {after[:CONTEXT_CHARS]}\n")


def _revdiff_cut(row: Drawn) -> int | None:
    """The word revdiff begins the new cell with, reading the page alone (None: not a change row)."""
    reading = read_alone(row.page, row.line)
    if reading.kind is not RowKind.CHANGE or reading.boundary is None:
        return None
    return word_at(row.text, reading.boundary)


def _peer_cut(row: Drawn) -> int | None:
    _, _, readings = baseline_read(row.page)
    boundary = next(b for line, kind, b, _ in readings if line == row.line)
    return None if boundary is None else word_at(row.text, boundary)


def score(rows: list[Drawn]) -> None:
    decisions = recorded_decisions(DECISIONS)
    hand = ours = peer = read_as_change = 0
    for row, decision in zip(rows, decisions):
        truth = word_at(row.text, row.boundary)
        revdiff_cut = _revdiff_cut(row)
        hand += decision == truth
        ours += revdiff_cut == truth
        read_as_change += revdiff_cut is not None
        peer += _peer_cut(row) == truth
    print(f"{len(decisions)} change rows with unrelated cells on the held-out pages")
    print(f"cut at the true word: by hand {hand}, revdiff {ours} (read as a change row: "
          f"{read_as_change}), peer {peer}")


if __name__ == "__main__":
    sys.exit(run_study(__doc__.split("\n")[0], drawn_rows, show, score))
