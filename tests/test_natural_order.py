"""The one natural order of names: export's folders and databases, NewsEdits' entries."""

from __future__ import annotations

from itertools import permutations

from revdiff.natural_order import natural_key


def test_numbers_in_names_sort_by_value_and_letters_without_case() -> None:
    names = ["story10", "Story2", "b", "A", "story1b", "9" * 5000]
    assert sorted(names, key=natural_key) == ["9" * 5000, "A", "b", "story1b", "Story2", "story10"]


def test_names_equal_but_for_case_or_leading_zeros_sort_alike_in_any_order_given() -> None:
    # export's glob and folder listing give names in the file system's order: names that sorted
    # alike kept it, so the articles' order changed from one disk to another
    names = ["story", "Story", "a7", "a007", "a07"]
    expected = ["a7", "a07", "a007", "Story", "story"]
    assert all(sorted(given, key=natural_key) == expected for given in permutations(names))
