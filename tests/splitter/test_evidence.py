"""Evidence the column splitter gathers from the rows of one flattened page."""

from __future__ import annotations

import math

from revdiff.splitter.evidence import (
    LINK_NEUTRAL,
    LINK_SLOPE,
    REPEAT_CAP,
    gather_evidence,
)
from revdiff.splitter.features import CHANGE_FEATURES


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


def test_a_phrase_shared_with_a_comma_added_still_links_the_rows() -> None:
    passage = "the Pentagon said on Thursday that about 3,000 more troops would be sent"
    with_comma = passage.replace("Thursday", "Thursday,")
    linked = _link_total(f"Officials said {passage}.", f"Earlier, {passage}.")
    assert _link_total(f"Officials said {passage}.", f"Earlier, {with_comma}.") == linked > 0


def _cut_pair_features(lines: list[str], row: int, after: str) -> tuple[float, float]:
    """The cut-pair features of row `row`'s change reading cut after the word `after`."""
    rows = gather_evidence(list(enumerate(lines, start=1)), keep_features=True)
    k = rows[row].words.index(after) + 1
    features = rows[row].features
    assert features is not None
    change = features[0][k]
    return (change[CHANGE_FEATURES.index("cut_pair_on_page")],
            change[CHANGE_FEATURES.index("cut_pair_in_row")])


def test_a_cut_between_words_that_follow_each_other_elsewhere_is_marked() -> None:
    glued = "Troops landed in Kuwait. Oil prices rose."
    page = [("Officials said troops landed in Kuwait on Friday."
             "Officials said troops landed in Kuwait on Friday."), glued]
    # "troops landed" follows elsewhere on the page: a cut there is marked; at the sentence end not
    assert _cut_pair_features(page, 1, "Troops") == (math.log(2), 0.0)
    assert _cut_pair_features(page, 1, "Kuwait.") == (0.0, 0.0)
    # within the row itself: the second occurrence of "oil prices"
    assert _cut_pair_features(["Oil prices rose. Oil prices fell."], 0, "Oil")[1] == math.log(2)


def test_a_stray_space_at_either_end_of_a_row_never_leaves_a_change_row_an_empty_cell() -> None:
    for text in ("Troops landed in Kuwait. Oil prices rose. ", " Troops landed in Kuwait. Oil prices rose."):
        [row] = gather_evidence([(1, text)])
        empty = [k for k in range(1, row.size) if not text[:row.starts[k] - 1] or not text[row.starts[k]:]]
        assert empty and all(row.boundary[k] == float("-inf") for k in empty)
        assert max(row.boundary[1:]) > float("-inf")
