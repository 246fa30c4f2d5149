"""Reading a flattened page whose old or new column is already known (chains of pages)."""

from __future__ import annotations

from revdiff.model import RowKind
from revdiff.splitter.known_column import readings_with_known_column


def test_a_unique_fit_is_found_with_its_boundaries() -> None:
    rows = ["Kept.Kept.", "Old text. New text.", "Added."]
    found = readings_with_known_column(rows, ["Kept.", "Old text."], "old")
    assert found == ([(RowKind.MATCH, 5), (RowKind.CHANGE, 10), (RowKind.NEW_ONLY, None)], 1)


def test_readings_news_sniffer_cannot_produce_do_not_fit() -> None:
    # deleted "x" then the change row "y | z" would put a one-sided row before a change row
    # of the same gap; News Sniffer always lists the change rows first
    assert readings_with_known_column(["x", "y z"], ["x", "y"], "old") is None


def test_among_several_fits_the_preferred_reading_wins() -> None:
    # "aa" is a match of "a", or a doubled paragraph added; "a b" is then a change row or added
    rows, known = ["a b", "aa"], ["a"]
    added_then_match = [(RowKind.NEW_ONLY, None), (RowKind.MATCH, 1)]
    assert readings_with_known_column(rows, known, "old") == (
        [(RowKind.CHANGE, 2), (RowKind.NEW_ONLY, None)], 2)
    assert readings_with_known_column(rows, known, "old", added_then_match) == (added_then_match, 2)
