"""Turning an article's warnings and page readings into one line each."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from revdiff.model import Article, PageReading, RowKind, RowReading, Version
from revdiff.read_warnings import line_runs, unsure_summary, warning_lines

VERSIONS = (Version(0, "Old", ("a",)), Version(1, "New", ("b",)))


def page(name: str, confidences: list[float], first_line: int = 10) -> PageReading:
    rows = tuple(RowReading(first_line + k, "x y", RowKind.CHANGE, 2, confidence)
                 for k, confidence in enumerate(confidences))
    return PageReading(name, 0, 1, rows)


def test_runs_of_lines() -> None:
    assert line_runs([10, 11, 12, 14, 20, 21]) == "10-12, 14, 20-21"
    assert line_runs([3]) == "3"
    assert line_runs(list(range(1, 30, 2))) == "1, 3, 5, 7, 9, 11, ..."


@given(st.sets(st.integers(1, 500), min_size=1, max_size=5))
def test_runs_give_back_every_line_when_they_all_show(lines: set[int]) -> None:
    shown = []
    for run in line_runs(sorted(lines)).split(", "):
        first, _, last = run.partition("-")
        shown.extend(range(int(first), int(last or first) + 1))
    assert shown == sorted(lines)


def test_a_page_with_unsure_rows_is_one_line_that_replaces_the_splitters_count() -> None:
    reading = page("p.txt", [0.2, 0.3, 1.0, 0.5])
    article = Article("x", None, VERSIONS, warnings=(
        "p.txt: 3 of 4 rows could not be decided with certainty (lines 10, 11, 13); check them",
        "p.txt:12: the recovered versions do not re-render to this page",
    ), pages=(reading,))
    assert warning_lines(article, "p.txt", ["p.txt"]) == [
        "p.txt:12: the recovered versions do not re-render to this page",
        ("p.txt: 3 of 4 rows unsure (lines 10-11, 13); `revdiff parse --format json` shows each; "
         "the diff pages beside it (Version 1 to 2) or its HTML page, given with it, can decide "
         "them"),
    ]


def test_a_page_read_alone_names_the_pages_that_decide_its_unsure_rows() -> None:
    """A page read alone said only that its rows were unsure, not that the pages before and
    after it in its article (whose columns it shares) would decide them."""
    reading = replace(page("v6-v7.txt", [0.2, 1.0]), old_number=6, new_number=7)
    assert unsure_summary(reading, read_alone=True) == (
        "v6-v7.txt: 1 of 2 rows unsure (lines 10); `revdiff parse --format json` shows each; the diff pages "
        "beside it (Version 5 to 6, Version 7 to 8) or its HTML page, given with it, can decide "
        "them")


def test_a_page_read_alone_names_no_page_past_the_last_version_its_article_has() -> None:
    """The last page of an article of five versions (`changed 5 times`: versions 0 to 4) was
    told to be decided by `Version 4 to 5`, a page that cannot exist; and the one page of an
    article of two versions by a page after it."""
    last = replace(page("v3-v4.txt", [0.2, 1.0]), old_number=3, new_number=4)
    article = Article("x", None, VERSIONS, changes=5, pages=(last,))
    assert warning_lines(article, "v3-v4.txt", ["v3-v4.txt"]) == [
        ("v3-v4.txt: 1 of 2 rows unsure (lines 10); `revdiff parse --format json` shows each; the "
         "diff pages beside it (Version 2 to 3) or its HTML page, given with it, can decide them")]
    assert unsure_summary(page("v0-v1.txt", [0.2]), read_alone=True, versions=2) == (
        "v0-v1.txt: 1 of 1 rows unsure (lines 10); `revdiff parse --format json` shows each; its "
        "HTML page, given with it, can decide them")


def test_a_page_with_the_later_version_on_the_left_names_the_pages_beside_it() -> None:
    """A page reached by "Previous version" (version 7 in its old column, 6 in its new) was told
    to be decided by `Version 6 to 7, Version 6 to 7`: itself, twice."""
    reading = replace(page("v7-v6.txt", [0.2, 1.0]), old_number=7, new_number=6)
    assert unsure_summary(reading, read_alone=True) == (
        "v7-v6.txt: 1 of 2 rows unsure (lines 10); `revdiff parse --format json` shows each; the diff pages "
        "beside it (Version 5 to 6, Version 7 to 8) or its HTML page, given with it, can decide "
        "them")


def test_pages_read_with_their_neighbours_leave_their_unsure_rows_without_a_hint() -> None:
    after = replace(page("b.txt", [1.0]), old_number=1, new_number=2)
    article = Article("x", None, VERSIONS, changes=3, pages=(page("a.txt", [0.2]), after))
    assert warning_lines(article, "a.txt", ["a.txt", "b.txt"]) == [
        "a.txt: 1 of 1 rows unsure (lines 10); `revdiff parse --format json` shows each"]


def test_a_page_given_with_its_versions_the_other_way_round_is_no_page_missing() -> None:
    """Beside a page of versions 2 to 1 (reached by "Previous version"), the page of versions 0 to
    1 was told to be decided by `Version 1 to 2`, the page given with it."""
    reversed_page = replace(page("v2-v1.txt", [1.0]), old_number=2, new_number=1)
    article = Article("x", None, VERSIONS, changes=3, pages=(page("a.txt", [0.2]), reversed_page))
    assert warning_lines(article, "a.txt", ["a.txt", "v2-v1.txt"]) == [
        "a.txt: 1 of 1 rows unsure (lines 10); `revdiff parse --format json` shows each"]


def test_pages_read_together_name_the_pages_beside_them_that_were_not_given() -> None:
    """Pages of versions 0 to 1 and 2 to 3 read together said nothing of what would decide their
    unsure rows, where a page read alone names the pages beside it: here the one between them,
    and the one after the second."""
    later = replace(page("v2-v3.txt", [0.2]), old_number=2, new_number=3)
    article = Article("x", None, VERSIONS, pages=(page("v0-v1.txt", [0.2]), later))
    assert warning_lines(article, "v0-v1.txt", ["v0-v1.txt", "v2-v3.txt"]) == [
        ("v0-v1.txt: 1 of 1 rows unsure (lines 10); `revdiff parse --format json` shows each; the "
         "diff pages beside it (Version 1 to 2) or its HTML page, given with it, can decide them"),
        ("v2-v3.txt: 1 of 1 rows unsure (lines 10); `revdiff parse --format json` shows each; the "
         "diff pages beside it (Version 1 to 2, Version 3 to 4) or its HTML page, given with it, can "
         "decide them")]


def test_a_sure_page_has_no_summary() -> None:
    assert unsure_summary(page("p.txt", [1.0, 0.995])) is None


def test_a_warning_without_an_input_name_is_given_one() -> None:
    article = Article("x", "https://example.org/a", VERSIONS,
                      warnings=("the old text is incomplete", "b.html: already named",
                                "abc123def456: binary content left out\x1b]0;title\x07"))
    assert warning_lines(article, "a.html", ["a.html", "b.html"]) == [
        "a.html: the old text is incomplete",
        "b.html: already named",
        "a.html: abc123def456: binary content left out␛]0;title␇",
    ]


def test_a_warning_naming_a_file_of_an_input_folder_is_not_named_twice() -> None:
    article = Article("d", None, VERSIONS, warnings=(
        "d/0.txt: the text is not valid UTF-8; read it as cp1252",
        "dd/1.txt: not in the folder given",
    ))
    assert warning_lines(article, "d", ["d/"]) == [
        "d/0.txt: the text is not valid UTF-8; read it as cp1252",
        "d: dd/1.txt: not in the folder given",
    ]
