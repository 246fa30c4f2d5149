"""Edge words: how often a word ends or begins a paragraph, counted from version texts."""

from __future__ import annotations

import math

from revdiff.splitter.edges import (
    MIN_ARTICLES,
    PageEdges,
    end_shape,
    ending_keys,
    learn_edges,
    shipped_edges,
)
from revdiff.splitter.features import word_key


def _articles(count: int) -> list[list[str]]:
    return [[f"history of place {n}", "the river runs through the valley of the place.",
             "it is known for the fish of the river."] for n in range(count)]


def test_function_words_do_not_end_paragraphs_and_headings_do() -> None:
    edges = learn_edges(_articles(MIN_ARTICLES))
    assert edges.ends("the") < 0 < edges.ends("river.")
    assert edges.begins("history") > 0 > edges.begins("valley")


def test_a_word_from_too_few_articles_falls_back_to_its_shape() -> None:
    articles = _articles(MIN_ARTICLES)
    articles[0].append("a rare zanzibarite ends here")
    edges = learn_edges(articles)
    assert "zanzibarite" not in edges.ending
    assert edges.ends("zanzibarite") == edges.ends("unseenword") == edges.ending[end_shape("zanzibarite")]
    assert edges.ends("") == 0.0 and edges.begins("") == 0.0


def test_a_listed_word_with_neutral_odds_does_not_fall_back_to_its_shape() -> None:
    # "x" ends a paragraph exactly as often as the base rate (one word in two); words ending in
    # a letter, taken together, end more often than that
    edges = learn_edges([["x y", "y x", "7 y"] for _ in range(MIN_ARTICLES)])
    assert edges.ends("x") == 0.0 < edges.ending[end_shape("x")]


def test_case_does_not_matter() -> None:
    edges = learn_edges(_articles(MIN_ARTICLES))
    assert edges.ends("The") == edges.ends("the")


def test_a_word_that_looks_like_a_shape_key_is_still_a_word() -> None:
    articles = _articles(MIN_ARTICLES)
    articles[0].append("the fine was $100")
    edges = learn_edges(articles)
    assert "$100" not in edges.ending  # seen in one article: not listed, not taken for a shape
    assert edges.ends("$100") == edges.ending[end_shape("$100")]


def test_closing_quotes_are_looked_through_at_the_end_of_a_word() -> None:
    assert end_shape("region,”") != end_shape("region.”") != end_shape("region”")
    assert end_shape("region,”") != end_shape("region,")
    edges = shipped_edges()
    # `“…region,” Esper said` goes on; `“…region.”` ends a sentence, often a paragraph
    assert edges.ends("region,”") < 0 < edges.ends("region.”")


def test_the_shipped_words_know_common_english() -> None:
    edges = shipped_edges()
    assert edges.ends("the") < -1 and edges.ends("of") < -1


def _cut(rows: list[str], row: int, before: str) -> list[float]:
    """The page-edge features of row `row`'s cut before the word `before`."""
    edges = PageEdges((line.split(" "), line.split(" ")) for line in rows)
    keys = rows[row].split(" ")
    return edges.cuts(keys, keys)[keys.index(before)]


def test_a_page_counts_how_its_rows_end_and_begin() -> None:
    rows = ["isbn 1 (paperback)", "isbn 2 (hardcover)", "i robot isbn 3 (e-book)"]
    # `isbn` begins two other rows and occurs three times on the page; `robot` ends none
    assert _cut(rows, 2, "isbn") == [0.0, math.log1p(2), 0.0, 2 / 3, 0.0, 0.0]
    # a row's own start is not counted for its cuts: `isbn` and `isbn 1` begin no other row
    keys = ["isbn", "1", "isbn", "1", "x"]
    assert PageEdges([(keys, keys)]).cuts(keys, keys)[2] == [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]


def test_the_two_words_at_a_cut_count_apart() -> None:
    rows = ["war of 1812", "history of the war of 1812", "causes of the war of 1812 background"]
    assert _cut(rows, 2, "background")[4] == math.log1p(2)  # `of 1812` ends the two other rows
    # the first cut of a row has one word before it: no two words end there
    assert _cut(rows, 2, "of")[4:] == [0.0, 0.0]


def test_a_cut_after_a_comma_does_not_end_like_rows_that_end_the_sentence() -> None:
    lines = ["fighting spread in the region.", "and throughout the region,” Esper said",
             "calm returned to the region. Esper said"]
    rows = []
    for line in lines:
        words = line.split(" ")
        keys = [word_key(word) for word in words]
        rows.append((keys, ending_keys(keys, words)))
    edges = PageEdges(rows)
    after_comma = edges.cuts(*rows[1])[4]  # `region,”` | `Esper`
    after_stop = edges.cuts(*rows[2])[5]  # `region.` | `Esper`
    # the first row ends `region.` (and `the region.`): so does the cut after the full stop,
    # not the one after the comma
    assert after_comma[0] == after_comma[4] == 0.0
    assert after_stop[0] == after_stop[4] == math.log1p(1)
