"""Edge words: how often a word ends or begins a paragraph, counted from version texts."""

from __future__ import annotations

import math

from revdiff.splitter.edges import MIN_ARTICLES, PageEdges, learn_edges, shipped_edges


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
    assert edges.ends("zanzibarite") == edges.ends("unseenword") == edges.ending["$a"]
    assert edges.ends("") == 0.0 and edges.begins("") == 0.0


def test_a_listed_word_with_neutral_odds_does_not_fall_back_to_its_shape() -> None:
    # "x" ends a paragraph exactly as often as the base rate (one word in two); words ending in
    # a letter, taken together, end more often than that
    edges = learn_edges([["x y", "y x", "7 y"] for _ in range(MIN_ARTICLES)])
    assert edges.ends("x") == 0.0 < edges.ending["$a"]


def test_case_does_not_matter() -> None:
    edges = learn_edges(_articles(MIN_ARTICLES))
    assert edges.ends("The") == edges.ends("the")


def test_the_shipped_words_know_common_english() -> None:
    edges = shipped_edges()
    assert edges.ends("the") < -1 and edges.ends("of") < -1


def _cut(rows: list[str], row: int, before: str) -> list[float]:
    """The page-edge features of row `row`'s cut before the word `before`."""
    edges = PageEdges(line.split(" ") for line in rows)
    keys = rows[row].split(" ")
    return edges.cuts(keys)[keys.index(before)]


def test_a_page_counts_how_its_rows_end_and_begin() -> None:
    rows = ["isbn 1 (paperback)", "isbn 2 (hardcover)", "i robot isbn 3 (e-book)"]
    # `isbn` begins two other rows and occurs three times on the page; `robot` ends none
    assert _cut(rows, 2, "isbn") == [0.0, math.log1p(2), 0.0, 2 / 3, 0.0, 0.0]
    # a row's own start is not counted for its cuts: `isbn` and `isbn 1` begin no other row
    keys = ["isbn", "1", "isbn", "1", "x"]
    assert PageEdges([keys]).cuts(keys)[2] == [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]


def test_the_two_words_at_a_cut_count_apart() -> None:
    rows = ["war of 1812", "history of the war of 1812", "causes of the war of 1812 background"]
    assert _cut(rows, 2, "background")[4] == math.log1p(2)  # `of 1812` ends the two other rows
    # the first cut of a row has one word before it: no two words end there
    assert _cut(rows, 2, "of")[4:] == [0.0, 0.0]
