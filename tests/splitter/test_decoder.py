"""How the decoder chooses the reading of a gap."""

from __future__ import annotations

import pytest

from revdiff.model import RowKind
from revdiff.splitter.decoder import PageDecoder, _GapScorer, decode_best, rerendered
from revdiff.splitter.features import side_priors
from revdiff.splitter.grammar import diff_rows, flatten_row

ROWS = [
    "The strike killed the general in Baghdad.The strike killed the general in Baghdad.",
    "Oil prices rose on Friday after the strike. Markets in Asia fell as investors sold shares.",
    "Iraq's parliament voted to expel American troops.",
    "The Pentagon said 3,000 more troops would be sent.",
]


def test_a_gap_is_scored_by_its_best_whole_reading() -> None:
    # the weights score one reading of a gap, cuts included; a change row counts with its best
    # cut, not with all its cuts summed
    decoder = PageDecoder(list(enumerate(ROWS, start=1)))
    [gap] = decoder.gaps
    scorer = _GapScorer(decoder, gap)
    first, second, third = (decoder.row_scores(index) for index in gap)
    assert scorer.config_score(1, "new") == pytest.approx(first.best_change + second.new_only + third.new_only)
    assert scorer.config_score(2, "old") == pytest.approx(
        first.best_change + second.best_change + third.old_only)


def test_a_gap_ending_in_one_sided_rows_gets_the_prior_of_their_side() -> None:
    # a gap read as change rows only gets no side prior; one whose rows end on a side gets that
    # side's, old as well as new
    decoder = PageDecoder(list(enumerate(ROWS, start=1)))
    [gap] = decoder.gaps
    scores = [decoder.row_scores(index) for index in gap]
    for kind, side in ((RowKind.OLD_ONLY, "old"), (RowKind.NEW_ONLY, "new")):
        for index in gap:
            decoder.readings[index] = (kind, 0)
        one_sided = sum(row.one_sided(side) for row in scores)
        assert decoder.objective() == pytest.approx(one_sided + side_priors()[side])
    for index, row in zip(gap, scores):
        decoder.readings[index] = (RowKind.CHANGE, row.best_boundary)
    assert decoder.objective() == pytest.approx(sum(row.best_change for row in scores))
    assert side_priors()["old"] != 0.0


def test_a_paragraph_swapped_with_its_neighbour_is_read_the_way_the_page_renders() -> None:
    # moved down past one paragraph or up past it: the two readings score the same, but News
    # Sniffer's diff keeps one of the two as the match, so only one renders this page again
    old = ("The strike killed the general in Baghdad on Friday morning.",
           "Oil prices rose sharply in Asian trading after the news broke.",
           "Iraq's parliament voted to expel American troops from the country.",
           "The Pentagon said 3,000 more troops would be sent to Kuwait.")
    new = (old[0], old[2], old[1], old[3])
    truth = diff_rows(old, new)
    lines = [(number, flatten_row(row)) for number, row in enumerate(truth, start=1)]
    rows, _ = decode_best(lines)
    assert [row.kind for row in rows] == [kind for kind, _, _ in truth]
    assert rerendered(rows) == [text for _, text in lines]
