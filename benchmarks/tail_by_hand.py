"""Can a person tell the side of a gap's one-sided rows when the gap holds change rows too?

A gap's one-sided rows follow its change rows, all on one side, and the flattened page is the
same text whether they were deleted or inserted (FORMATS.md section 1). Unlike a gap of
one-sided rows only (side_by_hand.py), such a gap shows the paragraphs that come just before the
one-sided rows in each version: the cells of its change rows. This script draws such gaps at
random (a fixed seed) from the held-out real pages and either prints each with its change rows
cut where the truth cuts them, its one-sided rows and the rows around it, without their side
(`--show`), for a person to decide, or scores the decisions recorded in tail_by_hand.json
against the truth, against the prior "always inserted" and against revdiff's own reading of the
gap's first one-sided row (which may read it as a change row).

Usage: python benchmarks/tail_by_hand.py --show > tails.txt   (then record decisions)
       python benchmarks/tail_by_hand.py                       (score them)
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

from hand_study import recorded_decisions, run_study
from split_data import TruePage, real_chains

from revdiff.formats.sniffer_text import read_diff_texts
from revdiff.model import RowKind
from revdiff.splitter.grammar import Row, diff_rows, flatten_row, gaps_between_matches

SEED = 20261202
TAILS = 40
CONTEXT_CHARS = 200
CELL_CHARS = 280
TAIL_CHARS = 400
DECISIONS = Path(__file__).with_name("tail_by_hand.json")


@dataclass(frozen=True, slots=True)
class Tail:
    """A gap with change rows and one-sided rows: its page, the page's rows as rendered, where
    the gap starts and ends, and where its one-sided rows start."""

    page: TruePage
    rows: list[Row]
    start: int
    end: int
    tail: int


def mixed_tails() -> list[Tail]:
    """Every gap of the held-out pages that holds change rows and one-sided rows, drawn in an
    order shuffled with the seed."""
    tails: list[Tail] = []
    for chain in real_chains(held_out=True):
        for page in chain.pages:
            rows = diff_rows(page.old, page.new)
            for gap in gaps_between_matches(row[0] is RowKind.MATCH for row in rows):
                one_sided = [i for i in gap if rows[i][0] is not RowKind.CHANGE]
                if one_sided and len(one_sided) < len(gap):
                    tails.append(Tail(page, rows, gap[0], gap[-1] + 1, one_sided[0]))
    random.Random(SEED).shuffle(tails)
    return tails


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[:chars] + "…"


def _context(row: Row) -> str:
    if row[0] is RowKind.MATCH:
        return f"[match] {_cut(row[1] or '', CONTEXT_CHARS)}"
    return f"[row] {_cut(flatten_row(row), CONTEXT_CHARS)}"


def show(tails: list[Tail]) -> None:
    for number, tail in enumerate(tails[:TAILS]):
        rows = tail.rows
        print(f"##### block {number} ({tail.page.name.split('/')[0]})")
        for row in rows[max(0, tail.start - 2):tail.start]:
            print(f"   {_context(row)}")
        for _, old, new in rows[tail.start:tail.tail]:
            print(f"   [change] {_cut(old or '', CELL_CHARS)}  ‖  {_cut(new or '', CELL_CHARS)}")
        for row in rows[tail.tail:tail.end]:
            print(f">> [tail] {_cut(flatten_row(row), TAIL_CHARS)}")
        for row in rows[tail.end:tail.end + 2]:
            print(f"   {_context(row)}")


def _read_by_revdiff(tail: Tail) -> RowKind | None:
    """How revdiff reads the gap's first one-sided row, when the flattener kept every row of the
    page (then the page's lines are its rendered rows, in order)."""
    [article] = read_diff_texts([(tail.page.name, tail.page.text)])
    rows = article.pages[0].rows
    if [row.text for row in rows] != [flatten_row(row) for row in tail.rows]:
        return None
    return rows[tail.tail].kind


def score(tails: list[Tail]) -> None:
    decisions = recorded_decisions(DECISIONS)
    hand = prior = model = compared = as_change = 0
    for tail, decision in zip(tails, decisions):
        truth = tail.rows[tail.tail][0]
        hand += decision == truth.value
        prior += truth is RowKind.NEW_ONLY
        read = _read_by_revdiff(tail)
        if read is not None:
            compared += 1
            model += read is truth
            as_change += read is RowKind.CHANGE
    print(f"{len(tails)} gaps with change rows and one-sided rows on the held-out pages; "
          f"{len(decisions)} decided by hand")
    print(f"side of the one-sided rows, right: by hand {hand}, always inserted {prior}; "
          f"revdiff {model} of the {compared} whose page kept every row "
          f"({as_change} read as change rows)")


if __name__ == "__main__":
    sys.exit(run_study(__doc__.split("\n")[0], mixed_tails, show, score))
