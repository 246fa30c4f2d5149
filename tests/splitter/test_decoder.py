"""How the decoder chooses the reading of a gap."""

from __future__ import annotations

import pytest

from revdiff.splitter.decoder import PageDecoder, _GapScorer

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
