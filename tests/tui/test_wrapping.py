from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from revdiff.tui.wrapping import pad_line, text_width, wrap_ranges, wrap_spans


def test_wrap_breaks_at_spaces() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    lines = [text[a:b] for a, b in wrap_ranges(text, 15)]
    assert lines == ["the quick brown", "fox jumps over", "the lazy dog"]


def test_wrap_splits_words_longer_than_the_line() -> None:
    lines = [("abcdefghij"[a:b]) for a, b in wrap_ranges("abcdefghij", 4)]
    assert lines == ["abcd", "efgh", "ij"]


def test_wrap_counts_wide_characters_as_two_cells() -> None:
    text = "日本語のテキスト"
    for start, end in wrap_ranges(text, 5):
        assert text_width(text[start:end]) <= 5


def test_wrap_spans_keeps_styles_across_breaks() -> None:
    lines = wrap_spans([("keep this ", "new"), ("added words", "new_word")], 12)
    assert lines == [[("keep this", "new")], [("added words", "new_word")]]


def test_pad_line_fills_to_width() -> None:
    assert pad_line([("ab", "old")], 5, "old") == [("ab", "old"), ("   ", "old")]


@given(st.text(alphabet=st.sampled_from("ab cd\u00e9\u65e5 "), max_size=80), st.integers(1, 30))
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: int) -> None:
    ranges = wrap_ranges(text, width)
    pieces = [text[a:b] for a, b in ranges]
    for piece in pieces:
        assert text_width(piece) <= max(width, 2)  # a single wide character may exceed width 1
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
