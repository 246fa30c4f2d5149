from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

import pytest
from hypothesis import given
from hypothesis import strategies as st
from text_columns import terminal_columns

from revdiff.engine.graphemes import continues_cluster, grapheme_clusters
from revdiff.tui import wrapping
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


def test_wrap_counts_the_cells_of_wide_spaces_between_words() -> None:
    """An ideographic space between words was counted as one cell: the line took 10 of 9."""
    text = "東京\u3000大阪\u3000名古屋\u3000横浜"
    lines = [text[start:end] for start, end in wrap_ranges(text, 9)]
    assert lines == ["東京", "大阪", "名古屋", "横浜"]
    for start, end in wrap_ranges(text, 10):
        assert text_width(text[start:end]) <= 10


def test_wrap_gives_the_vowel_signs_of_indic_scripts_their_cell() -> None:
    """Terminals draw a spacing vowel sign (`ा`, `ि`, `ी`: Unicode category Mc) in a cell of its
    own, where Rich counts none: a Hindi line took more cells than the screen had, and its end
    was drawn over the last column (`क्योंकि बारिश` came out as `क्योंेें`)."""
    text = ("प्रधानमंत्री ने आज नई दिल्ली में बैठक की और कहा कि सरकार किसानों की पूरी मदद करेगी "
            "क्योंकि बारिश से फसलें खराब हो गई हैं। தமிழ்நாடு அரசு அறிவிப்பு")
    assert text_width("प्रधानमंत्री") == terminal_columns("प्रधानमंत्री") == 9
    for width in (10, 20, 40, 77):
        for start, end in wrap_ranges(text, width):
            assert terminal_columns(text[start:end]) <= width
        for line in wrap_spans([(text, "plain")], width):
            assert terminal_columns("".join(run for run, _ in pad_line(line, width, "plain"))) == width


def test_a_long_run_of_text_without_spaces_is_measured_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph of Chinese has no spaces: one word. After each line cut from it, the rest of
    it was measured anew, 448 lines of 17,000 characters each measured up to 17,000: a second
    and more to wrap one such paragraph. Each character is measured a few times now."""
    measured = 0
    cells = wrapping.text_width

    def counting_width(text: str) -> int:
        nonlocal measured
        measured += len(text)
        return cells(text)

    monkeypatch.setattr(wrapping, "text_width", counting_width)
    text = "东京电视台报道今天上午发生了地震地震造成三人受伤政府表示正在调查原因" * 500
    lines = wrap_ranges(text, 76)
    assert len(lines) == 448 and "".join(text[start:end] for start, end in lines) == text
    assert measured <= 4 * len(text)


def test_wrap_spans_keeps_styles_across_breaks() -> None:
    lines = wrap_spans([("keep this ", "new"), ("added words", "new_word")], 12)
    assert lines == [[("keep this", "new")], [("added words", "new_word")]]


def test_pad_line_fills_to_width() -> None:
    assert pad_line([("ab", "old")], 5, "old") == [("ab", "old"), ("   ", "old")]


@given(st.text(alphabet=st.sampled_from("ab cd\u00e9\u65e5 \u3000"), max_size=80), st.integers(1, 30))
def test_wrapped_lines_fit_and_keep_every_word(text: str, width: int) -> None:
    ranges = wrap_ranges(text, width)
    pieces = [text[a:b] for a, b in ranges]
    for piece in pieces:
        assert text_width(piece) <= max(width, 2)  # a single wide character may exceed width 1
    assert "".join(pieces).replace(" ", "").replace("\u3000", "") == \
        text.replace(" ", "").replace("\u3000", "")


@given(st.text(alphabet=st.sampled_from("ab cd\u00e9\u65e5 \u3000-"), max_size=80), st.integers(1, 30))
def test_only_a_word_longer_than_the_line_is_broken(text: str, width: int) -> None:
    """Lines break at spaces; a line ends inside a word only when the word alone is too wide."""
    words = list(re.finditer(r"\S+", text))
    for start, end in wrap_ranges(text, width):
        cut_word = next((word.group() for word in words if word.start() < end < word.end()), None)
        if cut_word is not None:
            assert text_width(cut_word) > width


def test_a_cut_line_of_chinese_or_japanese_begins_with_no_closing_mark() -> None:
    """A line of text without spaces was cut where it filled the width, so the next could begin
    with `。`, `、` or a closing bracket, which may not begin a line (kinsoku): the character
    before such a mark goes down with it."""
    japanese = "東京は晴れ。大阪は雨、名古屋は曇り」です"
    assert [japanese[a:b] for a, b in wrap_ranges(japanese, 10)] == [
        "東京は晴", "れ。大阪は", "雨、名古屋", "は曇り」で", "す"]
    chinese = "「我们将尽一切努力。」他说。"
    for width in range(6, 30):
        lines = [chinese[a:b] for a, b in wrap_ranges(chinese, width)]
        assert "".join(lines) == chinese and all(text_width(line) <= width for line in lines)
        assert not any(line[0] in "。、」" for line in lines[1:]), (width, lines)


def test_a_cut_line_of_thai_or_lao_keeps_each_vowel_with_its_consonant() -> None:
    """Thai and Lao, written without spaces, were cut where the line filled up, so a line could
    begin with a vowel written after its consonant (`าณ` of `งบประมาณ`) or end with one written
    before it (`เ` of `เชียงใหม่`): the consonant goes down with the first, the second with its
    consonant."""
    after, before = "ะาำๅๆฯະາຳໆຯ", "เแโใไເແໂໃໄ"
    for text in ("รัฐบาลจะสร้างรถไฟความเร็วสูงเชื่อมกรุงเทพฯกับเชียงใหม่โดยใช้งบประมาณ",
                 "ລັດຖະບານຈະສ້າງທາງລົດໄຟເຊື່ອມຕໍ່ນະຄອນຫຼວງວຽງຈັນກັບແຂວງ"):
        for width in range(4, 30):
            lines = [text[a:b] for a, b in wrap_ranges(text, width)]
            assert "".join(lines) == text and all(text_width(line) <= width for line in lines)
            assert not any(line[0] in after for line in lines[1:]), (width, lines)
            assert not any(line[-1] in before for line in lines[:-1]), (width, lines)


def test_a_split_word_keeps_its_grapheme_clusters_whole() -> None:
    """A word longer than the line was cut between characters: `👨‍👩‍👧` came apart at its joiners
    (broken glyphs, and each piece measured two cells), a flag between its two letters, and at a
    width of one an accent after a wide letter went to a line of its own."""
    family = "👨\u200d👩\u200d👧"
    assert [(family * 3)[a:b] for a, b in wrap_ranges(family * 3, 3)] == [family] * 3
    assert ["🇺🇸🇬🇧🇫🇷"[a:b] for a, b in wrap_ranges("🇺🇸🇬🇧🇫🇷", 3)] == ["🇺🇸", "🇬🇧", "🇫🇷"]
    assert ["👍🏽👍🏿"[a:b] for a, b in wrap_ranges("👍🏽👍🏿", 2)] == ["👍🏽", "👍🏿"]
    accented = "漢\u0301字\u0301"
    assert [accented[a:b] for a, b in wrap_ranges(accented, 1)] == ["漢\u0301", "字\u0301"]


def _cut_cluster_by_cluster(text: str, start: int, width: int) -> int:
    """`_cut_to_width` as it was, every cluster measured."""
    used, end = 0, start
    for cluster in grapheme_clusters(text, start):
        if used + text_width(cluster) > width and end > start:
            break
        used += text_width(cluster)
        end += len(cluster)
    return end


def test_latin_text_is_measured_and_cut_by_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of the article list's lines (a title cut with `…`, then its URL) was measured a
    character and cut a cluster at a time: 2 s of the 3.8 s `a` took to open on 20,000 articles."""
    line = "12.   2 versions  Café owners “protest” the new tax on their terr…  https://example.com/1"
    width, expected = text_width(line), _cut_cluster_by_cluster(line, 0, 59)

    def measured_one_by_one(*_: object) -> Iterator[str]:
        raise AssertionError("measured one at a time")

    for name in ("grapheme_clusters", "cell_len"):
        monkeypatch.setattr(wrapping, name, measured_one_by_one)
    assert (text_width(line), wrapping._cut_to_width(line, 0, 59)) == (width, expected)
    assert wrapping.shorten(line, 60) == line[:59] + "…"


def test_the_characters_cut_by_count_are_one_cell_clusters_of_their_own() -> None:
    """What `_cut_to_width` counts instead of measuring: a cell each, none joining another."""
    counted = [char for char in map(chr, range(0x2060))
               if wrapping._ONE_CELL_CLUSTERS.fullmatch(char)]
    assert len(counted) > 700
    for char in counted:
        assert text_width(char) == 1, hex(ord(char))
        for before in ("a", "…", "é", char):
            assert not continues_cluster(before, char), hex(ord(char))


@given(st.text(alphabet=st.sampled_from("ab é…’\u00ad\u0301\u0303漢\u200d👍🏽\u200b-"), max_size=40),
       st.integers(0, 40), st.integers(0, 30))
def test_a_cut_by_count_ends_where_measuring_each_cluster_ends(text: str, cluster: int,
                                                                width: int) -> None:
    starts = list(accumulate((len(each) for each in grapheme_clusters(text)), initial=0))
    start = starts[cluster % len(starts)]
    cut = wrapping._cut_to_width(text, start, width)  # past the end of an ASCII text: no matter
    assert min(cut, len(text)) == _cut_cluster_by_cluster(text, start, width)
