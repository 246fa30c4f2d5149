"""Where the column splitter reads pages wrong, and why its own weights prefer the wrong reading.

For whoever improves the splitter next. Pages of the tuning slice are decoded with text counts
from the other half of the articles, as the weights were learned (split_training.py); with
--held-out, pages of the held-out slice with the shipped counts. It prints:

* the rows read wrong, by kind of error (the side of a one-sided row; a change row read as
  one-sided, or the reverse; a change row cut at the wrong word), and the pages that read a
  paragraph moved down as moved up;
* the wrong pages by what their wrong gaps get wrong: the count of change rows (too few or too
  many, by how many), else a change row's cut, else the side of the one-sided rows (in a gap of
  one-sided rows only, or after change rows);
* the blocks of one-sided rows whose side is read wrong, apart for gaps of one-sided rows only
  (where nothing on the page tells the side: benchmarks/side_by_hand.py) and for gaps with
  change rows (where a reader tells it: benchmarks/tail_by_hand.py), and whether the block
  shares text with another row;
* the wrong pages by how much higher the weights score revdiff's reading than the truth: a
  negative margin is a search error (the decoder missed a reading its own weights prefer), a
  large one means the evidence itself points the wrong way;
* on the pages where the truth scores lower by MARGIN_SHOWN or more, the features that pull it
  down most: each feature's part of the score (its weight times its value, and its bends)
  under the truth minus under revdiff's reading, summed over the rows the two read
  differently. What the features leave over is the part of the links between rows and of the
  side priors;
* what is left to the cuts: the pages read exactly, and the change rows cut right, when the
  decoder is told which rows are change rows (`KindsGiven`), and also the side of each
  one-sided row; what the first figure gains is the worth of reading the count of each gap's
  change rows right, what the second gains over it that of the sides.

Usage: python benchmarks/split_errors.py [--news] [--held-out]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import partial
from typing import Any

import numpy as np
from split_data import (
    TrueChain,
    article_of,
    corpus_available,
    fold_of,
    news_chains,
    real_chains,
)
from split_training import text_counts, true_readings

from revdiff.formats.sniffer_text import parse_header
from revdiff.model import RowKind
from revdiff.splitter.counts import TextCounts
from revdiff.splitter.decoder import PageDecoder, Reading, RowScores, decode_best
from revdiff.splitter.evidence import RowEvidence, gather_evidence
from revdiff.splitter.features import CHANGE_FEATURES, ONE_SIDED_FEATURES, weights
from revdiff.splitter.grammar import gaps_between_matches

MARGIN_SHOWN = 2.0
MARGIN_BINS = ((0.0, "search error (< 0)"), (1.0, "< 1"), (2.0, "1-2"), (4.0, "2-4"),
               (float("inf"), ">= 4"))
FEATURES_SHOWN = 12


def error_kind(truth: Reading, read: Reading) -> str:
    """What is wrong with a row's reading, in words."""
    (true_kind, _), (read_kind, _) = truth, read
    if true_kind is RowKind.CHANGE and read_kind is RowKind.CHANGE:
        return "change row cut at the wrong word"
    if true_kind is RowKind.CHANGE:
        return "change row read as one-sided"
    if read_kind is RowKind.CHANGE:
        return "one-sided row read as a change row"
    return f"{true_kind.value} row read as {read_kind.value}"


def block_sides(rows: list[RowEvidence], truth: list[Reading | None], read: list[Reading | None]
                ) -> Counter[tuple[str, str, bool]]:
    """Each true block of one-sided rows: its gap (one-sided rows only, or with change rows),
    whether it shares text with a row outside the block, and whether revdiff reads it as
    one-sided rows on the wrong side (its first row)."""
    one_sided = (RowKind.OLD_ONLY, RowKind.NEW_ONLY)
    kinds = [None if reading is None else reading[0] for reading in truth]
    blocks: Counter[tuple[str, str, bool]] = Counter()
    for gap in gaps_between_matches(kind is RowKind.MATCH for kind in kinds):
        tail = [i for i in gap if kinds[i] in one_sided]
        if not tail:
            continue
        first, got = truth[tail[0]], read[tail[0]]
        kind = "one-sided rows only" if len(tail) == len(gap) else "with change rows"
        linked = "linked" if any(other not in tail for index in tail
                                 for _, other, _ in rows[index].cross_pairs) else "not linked"
        wrong_side = got is not None and got[0] in one_sided and got != first
        blocks[(kind, linked, wrong_side)] += 1
    return blocks


def moved_down_read_up(rows: list[RowEvidence], truth: list[Reading | None],
                       read: list[Reading | None]) -> set[int]:
    """The rows of paragraphs moved down (deleted above, the same text inserted below) that are
    read as moved up: the page renders the same either way."""
    deleted_at = {rows[i].text: i for i, reading in enumerate(truth) if reading == (RowKind.OLD_ONLY, 0)}
    swapped: set[int] = set()
    for i, reading in enumerate(truth):
        j = deleted_at.get(rows[i].text)
        if (reading == (RowKind.NEW_ONLY, 0) and j is not None and j < i
                and read[j] == (RowKind.NEW_ONLY, 0) and read[i] == (RowKind.OLD_ONLY, 0)):
            swapped |= {i, j}
    return swapped


def gap_errors(truth: list[Reading | None], read: list[Reading | None]) -> list[tuple[str, int]]:
    """What each gap read wrong gets wrong, the first that applies of: the count of its change
    rows, a change row's cut, the side of its one-sided rows; with the true count of change rows
    minus the count read."""
    kinds = [None if reading is None else reading[0] for reading in truth]
    found = []
    for gap in gaps_between_matches(kind is RowKind.MATCH for kind in kinds):
        if all(truth[i] == read[i] for i in gap):
            continue
        true_count = sum(kinds[i] is RowKind.CHANGE for i in gap)
        read_count = sum(reading is not None and reading[0] is RowKind.CHANGE
                         for reading in (read[i] for i in gap))
        if true_count != read_count:
            found.append(("count of change rows", true_count - read_count))
        elif any(kinds[i] is RowKind.CHANGE and truth[i] != read[i] for i in gap):
            found.append(("cut of a change row", 0))
        elif true_count == 0:
            found.append(("side, one-sided rows only", 0))
        else:
            found.append(("side, after change rows", 0))
    return found


def margin_bin(margin: float) -> str:
    return next(label for upper, label in MARGIN_BINS if margin < upper)


def feature_pull(rows: list[RowEvidence], truth: list[Reading | None],
                 read: list[Reading | None]) -> dict[str, float]:
    """Per feature, its part of the score under the truth minus under the reading, summed over the
    rows the two read differently (`rows` gathered with their features kept)."""
    change_score, one_sided_score = weights()
    pull: defaultdict[str, float] = defaultdict(float)
    for row, true_reading, reading in zip(rows, truth, read):
        if row.is_match or true_reading == reading or true_reading is None or reading is None:
            continue
        assert row.features is not None  # gathered with keep_features
        change, one_sided = row.features
        for (kind, word), sign in ((true_reading, 1), (reading, -1)):
            if kind is RowKind.CHANGE:
                named = zip(CHANGE_FEATURES, change_score.parts(change[word]))
            else:
                named = zip(ONE_SIDED_FEATURES, one_sided_score.parts(one_sided))
            for name, part in named:
                pull[name] += sign * part
    return pull


class KindsGiven(PageDecoder):
    """A decoder told the true kind of some rows (`given`, by row index): a change row is read as
    a change row (the cut left to the weights), a one-sided row as one-sided, on its own side
    where `sides` is set, else on either."""

    def __init__(self, given: dict[int, RowKind], sides: bool, *decoder_arguments: Any) -> None:
        self.given, self.sides = given, sides
        super().__init__(*decoder_arguments)

    def row_scores(self, index: int, assumed: dict[int, Reading | None] | None = None) -> RowScores:
        scores = super().row_scores(index, assumed)
        kind = self.given.get(index)
        if kind is None or kind is RowKind.MATCH:
            return scores
        never = float("-inf")
        if kind is RowKind.CHANGE:
            return RowScores(scores.change, never, never)
        return RowScores([never] * len(scores.change),
                         never if self.sides and kind is not RowKind.OLD_ONLY else scores.old_only,
                         never if self.sides and kind is not RowKind.NEW_ONLY else scores.new_only)


def read_with_kinds_given(body: list[tuple[int, str]], truth: list[Reading | None],
                          counts: TextCounts | None, sides: bool) -> tuple[bool, int, int]:
    """Whether the page reads exactly when the decoder is told each row's true kind (and side,
    with `sides`), and how many of its change rows are then cut right, of how many."""
    given = {i: reading[0] for i, reading in enumerate(truth) if reading is not None}
    _, decoder = decode_best(body, counts=counts, make_decoder=partial(KindsGiven, given, sides))
    change = [(t, r) for t, r in zip(truth, decoder.readings) if t is not None and t[0] is RowKind.CHANGE]
    return list(decoder.readings) == truth, sum(t == r for t, r in change), len(change)


def diagnose(chains: list[TrueChain], fold_counts: list[TextCounts] | None) -> None:
    errors: Counter[str] = Counter()
    sides: Counter[tuple[str, str, bool]] = Counter()
    margins: Counter[str] = Counter()
    pull: defaultdict[str, float] = defaultdict(float)
    page_kinds: Counter[str] = Counter()
    counts_missed: Counter[int] = Counter()
    kinds_given = {told_sides: np.zeros(3, dtype=int) for told_sides in (False, True)}
    pages = wrong = pulled = moves = moves_only = 0
    unexplained = 0.0
    for chain in chains:
        for page in chain.pages:
            body = parse_header(page.text, page.name).body
            truth_by_line = page.line_truth(body)
            if len(truth_by_line) != len(body):
                continue  # a row the flattener dropped leaves the truth of its page unknown
            pages += 1
            counts = None if fold_counts is None else fold_counts[fold_of(article_of(page))]
            _, decoder = decode_best(body, counts=counts)
            read = list(decoder.readings)
            truth = true_readings(decoder.rows, truth_by_line)
            sides.update(block_sides(decoder.rows, truth, read))
            for told_sides in (False, True):
                exact, cut_right, change_rows = read_with_kinds_given(body, truth, counts, told_sides)
                kinds_given[told_sides] += (exact, cut_right, change_rows)
            if truth == read:
                continue
            wrong += 1
            swapped = moved_down_read_up(decoder.rows, truth, read)
            if swapped:
                moves += 1
                moves_only += all(t == r or i in swapped for i, (t, r) in enumerate(zip(truth, read)))
            errors.update(error_kind(t, r) for t, r in zip(truth, read)
                          if t is not None and r is not None and t != r)
            wrong_gaps = gap_errors(truth, read)
            page_kinds.update({kind for kind, _ in wrong_gaps})
            counts_missed.update(max(-3, min(3, missed)) for kind, missed in wrong_gaps if missed)
            score_read = decoder.objective()
            decoder.readings = truth
            margin = score_read - decoder.objective()
            margins[margin_bin(margin)] += 1
            if margin >= MARGIN_SHOWN:
                pulled += 1
                page_pull = feature_pull(gather_evidence(body, keep_features=True, counts=counts),
                                         truth, read)
                for name, part in page_pull.items():
                    pull[name] += part
                unexplained += -margin - sum(page_pull.values())
    print(f"{pages} pages with a known truth, {wrong} read wrong")
    print("rows read wrong:")
    for kind, count in errors.most_common():
        print(f"  {count:6d}  {kind}")
    print("wrong pages with a gap that gets this wrong (a page may have several):")
    for kind, count in page_kinds.most_common():
        print(f"  {count:6d}  {kind}")
    print("  gaps with a wrong count, by the true count minus the count read (±3: three or more): "
          + ", ".join(f"{missed:+d}: {count}" for missed, count in sorted(counts_missed.items())))
    print(f"{moves} wrong pages read a paragraph moved down as moved up ({moves_only} of them "
          "wrong only there; the page renders the same either way)")
    print("blocks of one-sided rows read on the wrong side, by their gap and whether they share "
          "text with another row:")
    for kind in ("one-sided rows only", "with change rows"):
        for linked in ("linked", "not linked"):
            total = sides[(kind, linked, True)] + sides[(kind, linked, False)]
            print(f"  {sides[(kind, linked, True)]:6d} of {total:6d}  {kind}, {linked}")
    print("wrong pages by how much higher revdiff's reading scores than the truth:")
    for _, label in MARGIN_BINS:
        print(f"  {margins[label]:6d}  {label}")
    print(f"on the {pulled} pages where the truth scores lower by {MARGIN_SHOWN:g} or more, "
          "the features that pull it down most (their parts of the score summed, truth - reading):")
    for name, value in sorted(pull.items(), key=lambda item: item[1])[:FEATURES_SHOWN]:
        print(f"  {value:8.1f}  {name}")
    print(f"  {unexplained:8.1f}  links between rows and side priors")
    print("told the true kinds (the cuts left to the weights):")
    for told_sides, label in ((False, "change rows and one-sided rows"), (True, "and the sides too")):
        exact, cut_right, change_rows = kinds_given[told_sides]
        print(f"  {label}: {exact} of {pages} pages read exactly; "
              f"{cut_right} of {change_rows} change rows cut right")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--news", action="store_true", help="generated news pages, not the corpus")
    parser.add_argument("--held-out", action="store_true", help="the held-out slice, not tuning")
    args = parser.parse_args()
    if not corpus_available():
        print("skipped: ../shared/corpus is not there", file=sys.stderr)
        return 0
    chains = list((news_chains if args.news else real_chains)(held_out=args.held_out))
    diagnose(chains, None if args.held_out else text_counts()[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
