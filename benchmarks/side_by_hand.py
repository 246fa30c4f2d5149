"""Can a person tell from the text whether a block of one-sided rows was inserted or deleted?

When a gap between match rows holds only one-sided rows, the flattened page is the same text
whether the block was inserted or deleted: only the block's content could tell. This script draws
such blocks at random (a fixed seed) from the held-out real pages, and either prints them with
their context and without the truth (`--show`), for a person to decide, or scores the decisions
recorded in side_by_hand.json against the truth and against the prior "always inserted", and
says how many pages (held-out and tuning) could be exact if every other row were read right and
all such blocks were read as inserted.

Usage: python benchmarks/side_by_hand.py --show > blocks.txt   (then record decisions)
       python benchmarks/side_by_hand.py                        (score them)
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from hand_study import run_study
from split_data import real_chains

from revdiff.model import RowKind
from revdiff.splitter.grammar import Row, diff_rows, flatten_row, gaps_between_matches

SEED = 20261201
DECISIONS = Path(__file__).with_name("side_by_hand.json")
Block = tuple[str, list[Row], int, int]


def _one_sided_gaps(rows: list[Row]) -> list[list[int]]:
    """The gaps of a page's rows that hold one-sided rows only."""
    return [gap for gap in gaps_between_matches(row[0] is RowKind.MATCH for row in rows)
            if all(rows[i][0] is not RowKind.CHANGE for i in gap)]


def pure_blocks() -> list[Block]:
    """Every gap of held-out pages that holds one-sided rows only, shuffled with the seed."""
    blocks: list[Block] = []
    for chain in real_chains(held_out=True):
        for page in chain.pages:
            rows = diff_rows(page.old, page.new)
            blocks.extend((page.name, rows, gap[0], gap[-1] + 1) for gap in _one_sided_gaps(rows))
    random.Random(SEED).shuffle(blocks)
    return blocks


def show(blocks: list[Block]) -> None:
    for number, (name, rows, start, end) in enumerate(blocks):
        print(f"##### block {number} ({name.split('/')[0]})")
        for row in rows[max(0, start - 3):start]:
            print(f"   {_context(row)}")
        for row in rows[start:end]:
            print(f">> [block] {flatten_row(row)[:600]}")
        for row in rows[end:end + 2]:
            print(f"   {_context(row)}")


def _context(row: Row) -> str:
    return f"[match] {row[1]}"[:360] if row[0] is RowKind.MATCH else f"[row] {flatten_row(row)}"[:360]


def score(blocks: list[Block]) -> None:
    decisions = json.loads(DECISIONS.read_text(encoding="utf-8"))["decisions"]
    truth = [rows[start][0].value for _, rows, start, _ in blocks[:len(decisions)]]
    right = sum(d == t for d, t in zip(decisions, truth))
    prior = sum(t == RowKind.NEW_ONLY.value for t in truth)
    differ = [(d, t) for d, t in zip(decisions, truth) if d != RowKind.NEW_ONLY.value]
    print(f"{len(blocks)} blocks of one-sided rows only on the held-out pages; "
          f"{len(decisions)} decided by hand")
    print(f"by hand: {right} right; always inserted: {prior} right; where the hand departed "
          f"from the prior: {sum(d == t for d, t in differ)} of {len(differ)} right")
    for held_out, slice_name in ((True, "held-out"), (False, "tuning")):
        pages, exact = _exact_if_read_as_inserted(held_out)
        print(f"if every other row were read right and such blocks read as inserted, "
              f"{100 * exact / pages:.1f}% of the {pages} {slice_name} pages would be exact")


def _exact_if_read_as_inserted(held_out: bool) -> tuple[int, int]:
    """The slice's pages, and those whose gaps of one-sided rows only were all inserted."""
    pages = exact = 0
    for chain in real_chains(held_out=held_out):
        for page in chain.pages:
            rows = diff_rows(page.old, page.new)
            pages += 1
            exact += all(rows[gap[0]][0] is RowKind.NEW_ONLY for gap in _one_sided_gaps(rows))
    return pages, exact


if __name__ == "__main__":
    sys.exit(run_study(__doc__.split("\n")[0], pure_blocks, show, score))
