"""Evidence the column splitter gathers from the rows of one flattened page."""

from __future__ import annotations

from revdiff.splitter.evidence import (
    LINK_NEUTRAL,
    LINK_SLOPE,
    REPEAT_CAP,
    gather_evidence,
)


def _link_total(first: str, second: str) -> float:
    """The summed weight of the trigrams row 1 shares with row 2."""
    rows = gather_evidence([(1, first), (2, second)])
    shared = sum(1 for _, other, _ in rows[0].cross_pairs if other == 1)
    return shared * rows[0].pair_weight.get(1, 0.0)


def test_one_shared_trigram_pulls_the_two_rows_into_one_column() -> None:
    # a phrase used twice in one version is more common than a kept three-word fragment
    total = _link_total("The strike killed the general in Baghdad on Friday.",
                        "Officials said the general in charge had left.")
    assert total == LINK_SLOPE * (1 - LINK_NEUTRAL) < 0


def test_a_long_shared_passage_links_rows_strongly_but_not_decisively() -> None:
    passage = ("the Pentagon said on Thursday that about 3,000 more troops from the 82nd "
               "Airborne Division would be sent to Kuwait within days")
    total = _link_total(f"Officials said {passage}.", f"Earlier, {passage}, a spokesman said.")
    assert total == REPEAT_CAP


def test_rows_sharing_nothing_are_not_linked() -> None:
    assert _link_total("Oil prices rose sharply.", "Iraq condemned the strike.") == 0.0
