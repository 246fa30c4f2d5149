"""Paragraph shapes: how alike a cell is to the paragraphs the page shows."""

from __future__ import annotations

from revdiff.splitter.evidence import gather_evidence
from revdiff.splitter.features import CHANGE_FEATURES, ONE_SIDED_FEATURES
from revdiff.splitter.shapes import PageShapes, shape, shape_frequencies

NEWSPAPERS = ["the advocate (stamford)", "greenwich time (ct)", "the news-times (danbury)",
              "beaumont enterprise (texas)", "houston chronicle (texas)", "the hour (norwalk)",
              "laredo times (texas)", "midland reporter-telegram (texas)"]
GLUED = "fairfield citizen-news (ct) jasper newsboy (texas)"


def test_a_shape_is_the_length_bucket_and_the_first_and_last_characters() -> None:
    assert shape(3, "greenwich", "(ct)") == "2a)"
    assert shape(6, "fairfield", "(texas)") == "3a)"
    assert shape(1, "1.", "1.") == "10."
    assert shape_frequencies(["a b (c)", "d e (f)", "g."]) == {"2a)": 2 / 3, "1a.": 1 / 3}


def test_a_page_that_shows_no_paragraphs_says_nothing() -> None:
    shapes = PageShapes([], {"2a)": 0.01, "5a.": 0.3})
    assert shapes.score(3, "greenwich", "(ct)") == 0.0
    assert shapes.score(40, "it", "said.") == 0.0


def test_the_shapes_the_page_shows_are_likelier_there() -> None:
    shapes = PageShapes(NEWSPAPERS, {"2a)": 0.01, "3a)": 0.01, "5a.": 0.3})
    assert shapes.score(3, "jasper", "(texas)") > 0
    assert shapes.score(6, "fairfield", "(texas)") < 0
    assert shapes.score(20, "officials", "said.") < 0


def _shape_features(lines: list[tuple[int, str]], boundary_after: str) -> tuple[float, float]:
    """The shape feature of the row's change reading cut after a word, and of its one-sided reading."""
    row = gather_evidence(lines, keep_features=True)[-1]
    assert row.features is not None
    change, one_sided = row.features
    k = row.words.index(boundary_after) + 1
    return (change[k][CHANGE_FEATURES.index("page_shapes")],
            one_sided[ONE_SIDED_FEATURES.index("one_sided_page_shape")])


def test_a_row_gluing_two_items_of_the_page_scores_better_as_two_of_them() -> None:
    page = [(n, item + item) for n, item in enumerate(NEWSPAPERS)] + [(20, GLUED)]
    between_items, one_paragraph = _shape_features(page, "(ct)")
    inside_an_item, _ = _shape_features(page, "citizen-news")
    assert between_items > 0 > one_paragraph
    assert between_items > inside_an_item
    alone = _shape_features([(20, GLUED)], "(ct)")
    assert alone == (0.0, 0.0)
