"""The features the splitter's learned weights read from each row."""

from __future__ import annotations

from revdiff.splitter.evidence import gather_evidence
from revdiff.splitter.features import CHANGE_FEATURES, Bend, Scorer, weights


def _features(text: str, boundary_after: str) -> dict[str, float]:
    [row] = gather_evidence([(1, text)], keep_features=True)
    assert row.features is not None
    k = row.words.index(boundary_after) + 1
    return dict(zip(CHANGE_FEATURES, row.features[0][k]))


def test_a_cut_inside_brackets_leaves_both_cells_unbalanced() -> None:
    text = "The base (in Anbar province) was hit. Officials (unnamed) confirmed it."
    inside = _features(text, "(in")
    at_sentence_end = _features(text, "hit.")
    assert inside["old_unbalanced"] == inside["new_unbalanced"] == 1.0
    assert at_sentence_end["old_unbalanced"] == at_sentence_end["new_unbalanced"] == 0.0
    assert at_sentence_end["sentence_break"] == 1.0


def test_numbers_that_changed_keep_the_shape_of_the_cells_alike() -> None:
    features = _features("3.9% (2004 est.) 5.2% (2005 est.)", "est.)")
    assert features["similarity"] == 0.0  # too little is alike, character for character
    assert features["masked_similarity"] > 0


def test_cells_that_start_and_end_alike_are_marked() -> None:
    features = _features("Esper said 700 troops would go. Esper said 3,000 troops would go.", "go.")
    assert features["same_first_word"] == features["same_last_word"] == 1.0
    assert features["shared_words"] > 0.5


def test_two_items_of_one_list_begin_with_the_same_two_words() -> None:
    """`crude oil 4,350 km; …` / `crude oil 5,432 km; …`: the cut before the second `crude oil`
    starts both cells with the same two words; a cut elsewhere, or before a lone repeated word,
    does not."""
    text = "crude oil 4,350 km; natural gas 1,360 km crude oil 5,432 km; natural gas 2,455 km"
    assert _features(text, "km")["same_first_two"] == 1.0  # the first `km` without `;`
    assert _features(text, "km;")["same_first_two"] == 0.0
    one_word = _features("crude oil 4,350 km crude gas 5,432 km", "km")
    assert one_word["same_first_word"] == 1.0 and one_word["same_first_two"] == 0.0


def test_on_a_cased_page_a_colon_before_a_capital_is_a_break_of_its_own_kind() -> None:
    text = "BREAKING: Pentagon confirms the strike, Esper says. BAGHDAD The strike killed him."
    colon, stop = _features(text, "BREAKING:"), _features(text, "says.")
    assert colon["sentence_break"] == stop["sentence_break"] == 1.0
    assert (colon["cased_colon_break"], colon["cased_sentence_break"]) == (1.0, 0.0)
    assert (stop["cased_colon_break"], stop["cased_sentence_break"]) == (0.0, 1.0)
    lower = _features(text.lower(), "breaking:")  # without capitals a colon is a break like others
    assert lower["sentence_break"] == 1.0 and lower["cased_colon_break"] == 0.0


def test_a_bent_feature_changes_slope_at_its_knots_and_not_past_its_cap() -> None:
    scorer = Scorer((1.0, 2.0), (Bend(1, cap=3.0, knots=((1.0, 0.5), (2.0, -1.0))),))
    assert scorer([1.0, 0.5]) == 2.0  # below the first knot: the weights alone
    assert scorer([0.0, 2.5]) == 5.0 + 0.5 * 1.5 - 1.0 * 0.5
    assert scorer([0.0, 10.0]) == 20.0 + 0.5 * 2.0 - 1.0 * 1.0  # bent up to the cap only
    assert sum(scorer.parts([1.0, 2.5])) == scorer([1.0, 2.5])


def test_every_reading_is_scored_with_the_learned_bends() -> None:
    [row] = gather_evidence([(1, "Esper said 700 troops would go. Esper said 3,000 troops would go.")],
                            keep_features=True)
    assert row.features is not None
    change_score, one_sided_score = weights()
    assert change_score.bends and one_sided_score.bends
    for k in range(1, row.size):
        assert row.boundary[k] == change_score(row.features[0][k])
    assert row.one_sided == one_sided_score(row.features[1])


def test_a_capital_after_no_final_punctuation_counts_more_on_a_word_the_page_writes_small() -> None:
    text = ("READ: Airlines divert flights from Iraq Whether you give $5 or $50, whether you give "
            "once, Iran thanks you")
    common, name = _features(text, "Iraq"), _features(text, "once,")
    assert common["capital_only"] == name["capital_only"] == 1.0
    assert (common["common_word_capital"], name["common_word_capital"]) == (1.0, 0.0)
    lower = _features(text.lower(), "iraq")  # without capitals nothing says a sentence starts
    assert lower["capital_only"] == lower["common_word_capital"] == 0.0


def test_a_cell_that_is_the_other_with_text_added_inside_is_marked() -> None:
    text = 'off topic messages -- off topic messages -- "can anyone help me make a webpage?"'
    added = _features(text, "--")  # the first `--`: the old cell is the new one's start, whole
    assert added["contained_cell"] == 1.0
    assert _features(text, "topic")["contained_cell"] == 0.0
    inside = _features("the troops were sent the troops were quickly sent", "sent")
    assert inside["contained_cell"] == 1.0  # `quickly` added between the start and the end
    unrelated = _features("Esper said 700 troops would go. Officials confirmed it.", "go.")
    assert unrelated["contained_cell"] == 0.0
