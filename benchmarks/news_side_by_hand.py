"""Can a person tell from the text whether a block of one-sided rows on a news page was inserted or deleted?

The same question as side_by_hand.py, asked of the generated news pages (benchmarks/split_data.py:
cased news text with the edits breaking news gets), where a quarter of the pages hold a deleted
block that shares no text with another row. This script draws such blocks (gaps of one-sided rows
only that share no word trigram with a row outside the gap: links read the others) at random (a
fixed seed) from the held-out news pages, and either prints them with their context and without
the truth (`--show`), for a person to decide, or scores the decisions recorded in
news_side_by_hand.json against the truth and against the prior "always inserted".

Usage: python benchmarks/news_side_by_hand.py --show > blocks.txt   (then record decisions)
       python benchmarks/news_side_by_hand.py                        (score them)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hand_study import run_study
from side_by_hand import (
    Block,
    row_evidence,
    score_decisions,
    show,
    unlinked_one_sided_gaps,
)
from split_data import news_chains

from revdiff.splitter.grammar import diff_rows

SEED = 20261202
DECISIONS = Path(__file__).with_name("news_side_by_hand.json")


def unlinked_blocks() -> list[Block]:
    """Every unlinked gap of one-sided rows only of the held-out news pages, shuffled with the seed."""
    blocks: list[Block] = []
    for chain in news_chains(held_out=True):
        for page in chain.pages:
            rows = diff_rows(page.old, page.new)
            blocks.extend((page.name, rows, gap[0], gap[-1] + 1)
                          for gap in unlinked_one_sided_gaps(rows, row_evidence(rows)))
    random.Random(SEED).shuffle(blocks)
    return blocks


def score(blocks: list[Block]) -> None:
    score_decisions(blocks, DECISIONS)


if __name__ == "__main__":
    sys.exit(run_study(__doc__.split("\n")[0], unlinked_blocks, show, score))
