"""Can a person tell from the text whether a block of one-sided rows was inserted or deleted?

When a gap between match rows holds only one-sided rows, the flattened page is the same text
whether the block was inserted or deleted: only the block's content could tell. This script draws
such blocks at random (a fixed seed) from the held-out real pages, and either prints them with
their context and without the truth (`--show`), for a person to decide, or scores the decisions
recorded in side_by_hand.json against the truth and against the prior "always inserted", and
says, for the real and the generated news pages, how many could be exact if every other row were
read right and all such blocks that share no text with another row were read as inserted, and
what share of the decision rows those blocks hold (rows that cannot be called sure). It also
counts, without the splitter, the pages that News Sniffer renders the same from another pair of
versions: with a gap of one-sided rows only on its other side, or a moved paragraph moved the
other way.

Usage: python benchmarks/side_by_hand.py --show > blocks.txt   (then record decisions)
       python benchmarks/side_by_hand.py                        (score them)
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterable
from pathlib import Path

from hand_study import recorded_decisions, run_study
from split_data import TrueChain, news_chains, real_chains

from revdiff.model import RowKind
from revdiff.splitter.evidence import RowEvidence, gather_evidence
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


def score_decisions(blocks: list[Block], recorded: Path) -> None:
    """Score the decisions recorded in `recorded` against the truth and the prior."""
    decisions = recorded_decisions(recorded)
    truth = [rows[start][0].value for _, rows, start, _ in blocks[:len(decisions)]]
    right = sum(d == t for d, t in zip(decisions, truth))
    prior = sum(t == RowKind.NEW_ONLY.value for t in truth)
    differ = [(d, t) for d, t in zip(decisions, truth) if d != RowKind.NEW_ONLY.value]
    print(f"{len(blocks)} blocks drawn; {len(decisions)} decided by hand")
    print(f"by hand: {right} right; always inserted: {prior} right; where the hand departed "
          f"from the prior: {sum(d == t for d, t in differ)} of {len(differ)} right")


def row_evidence(rows: list[Row]) -> list[RowEvidence]:
    """The splitter's evidence for the rows as the page shows them."""
    return gather_evidence([(number, flatten_row(row)) for number, row in enumerate(rows)])


def unlinked_one_sided_gaps(rows: list[Row], evidence: list[RowEvidence]) -> list[list[int]]:
    """The gaps of one-sided rows only whose rows share no text (no word trigram, `evidence`)
    with a row outside the gap: nothing but their content tells their side."""
    return [gap for gap in _one_sided_gaps(rows)
            if all(other in gap for index in gap for _, other, _ in evidence[index].cross_pairs)]


def score(blocks: list[Block]) -> None:
    score_decisions(blocks, DECISIONS)
    for chains, slice_name in ((list(real_chains(held_out=True)), "held-out real"),
                               (list(real_chains(held_out=False)), "tuning real"),
                               (list(news_chains(held_out=True)), "held-out news"),
                               (list(news_chains(held_out=False)), "tuning news")):
        pages, exact, decisions, undecided = _read_as_inserted(chains)
        print(f"{slice_name} pages: if every other row were read right and such blocks that share "
              f"no text with another row read as inserted, {100 * exact / pages:.1f}% of the "
              f"{pages} pages would be exact; those blocks hold {undecided} of the {decisions} "
              f"decision rows ({100 * undecided / decisions:.1f}%)")
        pages, alone, moved, prior = _rendered_alike(chains)
        print(f"  {100 * (pages - alone - moved) / pages:.1f}% of them render as no other pair of "
              f"versions does when one gap of one-sided rows only, or two that hold one paragraph "
              f"(a move), change sides; {100 * alone / pages:.1f}% render the same with a gap on "
              f"either side and no move, {100 * moved / pages:.1f}% with a move read either way; "
              f"{100 * prior / pages:.1f}% are exact if every such gap is read as inserted and "
              f"every such move as a move up")


def _flipped(rows: list[Row], flips: set[int]) -> tuple[list[str], list[str]]:
    """The two versions the rows give with the one-sided rows in `flips` on the other side."""
    old: list[str] = []
    new: list[str] = []
    for index, (kind, old_cell, new_cell) in enumerate(rows):
        if index in flips:
            (new if kind is RowKind.OLD_ONLY else old).append(old_cell or new_cell or "")
            continue
        if old_cell is not None:
            old.append(old_cell)
        if new_cell is not None:
            new.append(new_cell)
    return old, new


def _renders_alike(rows: list[Row], shown: list[str], flips: set[int]) -> bool:
    """Whether News Sniffer's diff of the versions with `flips` changing sides gives the same
    flattened page, `shown` (the diff of other versions, read from the same text)."""
    return [flatten_row(row) for row in diff_rows(*_flipped(rows, flips))] == shown


def _rendered_alike(chains: Iterable[TrueChain]) -> tuple[int, int, int, int]:
    """Pages; pages that render the same with a gap of one-sided rows only on its other side
    (one that holds no paragraph of another such gap) and no move such as below; pages that
    render the same with a moved paragraph read as moved the other way (the two gaps that hold
    it change sides together); pages that stay exact if each such gap is read as inserted and
    each such move as a move up (inserted above, deleted below). Method-free: only the page's
    rendering decides."""
    pages = alone = moved = prior = 0
    for chain in chains:
        for page in chain.pages:
            rows = diff_rows(page.old, page.new)
            shown = [flatten_row(row) for row in rows]
            gaps = _one_sided_gaps(rows)
            text_at = {shown[i]: n for n, gap in enumerate(gaps) for i in gap}
            pairs = {tuple(sorted((n, text_at[shown[i]]))) for n, gap in enumerate(gaps)
                     for i in gap if text_at[shown[i]] != n}
            moves = [(gaps[a], gaps[b]) for a, b in pairs
                     if _renders_alike(rows, shown, {*gaps[a], *gaps[b]})]
            paired = {n for pair in pairs for n in pair}
            single = [gap for n, gap in enumerate(gaps)
                      if n not in paired and _renders_alike(rows, shown, set(gap))]
            pages += 1
            alone += bool(single) and not moves
            moved += bool(moves)
            prior += (all(rows[gap[0]][0] is RowKind.NEW_ONLY for gap in single)
                      and all(rows[upper[0]][0] is RowKind.NEW_ONLY for upper, _ in moves))
    return pages, alone, moved, prior


def _read_as_inserted(chains: Iterable[TrueChain]) -> tuple[int, int, int, int]:
    """The number of pages, of pages whose unlinked gaps of one-sided rows only
    (`unlinked_one_sided_gaps`) were all inserted, of decision rows (all but glued `X`+`X`
    rows) and of decision rows in such gaps."""
    pages = exact = decisions = undecided = 0
    for chain in chains:
        for page in chain.pages:
            rows = diff_rows(page.old, page.new)
            evidence = row_evidence(rows)
            unlinked = unlinked_one_sided_gaps(rows, evidence)
            pages += 1
            exact += all(rows[gap[0]][0] is RowKind.NEW_ONLY for gap in unlinked)
            decisions += sum(not row.is_match for row in evidence)
            undecided += sum(not evidence[index].is_match for gap in unlinked for index in gap)
    return pages, exact, decisions, undecided


if __name__ == "__main__":
    sys.exit(run_study(__doc__.split("\n")[0], pure_blocks, show, score))
