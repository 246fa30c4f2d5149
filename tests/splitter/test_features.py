"""The features the splitter's learned weights read from each row."""

from __future__ import annotations

from revdiff.splitter.evidence import gather_evidence
from revdiff.splitter.features import CHANGE_FEATURES


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
