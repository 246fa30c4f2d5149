from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revdiff.engine import graphemes
from revdiff.engine.graphemes import (
    grapheme_clusters,
    is_conjunct_consonant,
    is_emoji,
    is_pictograph,
)

FAMILY, FAMILY_SON = "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👦"
ENGLAND = "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"
PIECES = [FAMILY, FAMILY_SON, "👍", "👍🏽", "🏿", "🇺", "🇸", "🇬🇧", "❤️", "1️⃣", "#", "\u20e3",
          "\u200d", "e\u0301", "é", "दि", "न", "a", "Iran", " ", ".", ENGLAND, "👩\u200d🚀"]


def test_an_emoji_sequence_is_one_cluster() -> None:
    text = f"{FAMILY}👍🏽🇺🇸🇬🇧🇫 1️⃣{ENGLAND}e\u0301"
    assert list(grapheme_clusters(text)) == [
        FAMILY, "👍🏽", "🇺🇸", "🇬🇧", "🇫", " ", "1️⃣", ENGLAND, "e\u0301"]
    assert list(grapheme_clusters(text, text.index(" "))) == [" ", "1️⃣", ENGLAND, "e\u0301"]
    # two joiners in a row join no emoji
    assert list(grapheme_clusters(f"{FAMILY}\u200d\u200d👨")) == [f"{FAMILY}\u200d\u200d", "👨"]
    # a mark or a skin tone after white space, and anything after a zero-width space, stand alone
    assert list(grapheme_clusters(" \u0301\u200b🏽")) == [" ", "\u0301", "\u200b", "🏽"]


def test_the_thai_and_lao_vowel_am_stays_with_its_letter() -> None:
    # `ำ` is a letter to Python, though written over the letter before it and its tone mark
    assert list(grapheme_clusters("น้ำท่วม")) == ["น้ำ", "ท่", "ว", "ม"]
    assert list(grapheme_clusters("ນ້ຳ")) == ["ນ້ຳ"]


def test_consonants_joined_by_a_virama_are_one_cluster() -> None:
    """`प्र` came as `प्` and `र`: a long Hindi word wrapped at `अंतर्` and `राष्ट्`, each line's
    end a bare virama, and a title cut to `प्…`."""
    assert list(grapheme_clusters("प्रधानमंत्री अंतर्राष्ट्रीय")) == [
        "प्र", "धा", "न", "मं", "त्री", " ", "अं", "त", "र्रा", "ष्ट्री", "य"]
    assert list(grapheme_clusters("স্তর ક્ષ క్ష ക്ഷ ଷ୍ଟ क्\u200dष")) == [
        "স্ত", "র", " ", "ક્ષ", " ", "క్ష", " ", "ക്ഷ", " ", "ଷ୍ଟ", " ", "क्\u200dष"]
    # a virama after white space joins nothing
    assert list(grapheme_clusters(" ्र")) == [" ", "्", "र"]


def test_emoji_are_told_from_other_symbols() -> None:
    assert all(is_emoji(cluster) for cluster in (FAMILY, "👍🏽", "🇺🇸", "❤️", "1️⃣", ENGLAND, "©"))
    assert not any(is_emoji(cluster) for cluster in ("★", "✓", "—", "€", "a", "e\u0301", "."))


regex = pytest.importorskip("regex")


def test_the_pictographs_are_unicodes() -> None:
    # Code points set aside for emoji change with Unicode's versions (the `regex` releases of 2026
    # differ on 18 of them, U+1F1AE to U+1F7FF), so only characters this Python assigns are compared.
    pictograph = regex.compile(r"\p{Extended_Pictographic}")
    differ = [hex(point) for point in range(0xA0, 0x20000)
              if unicodedata.category(chr(point)) not in ("Cn", "Cs")
              and is_pictograph(chr(point)) != bool(pictograph.match(chr(point)))]
    assert differ == []


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_clusters_are_those_of_the_regex_module(text: str) -> None:
    assert list(grapheme_clusters(text)) == regex.findall(r"\X", text)


# Indic letters, viramas (some on their letter), vowel signs (spacing `ि`, `ા`; non-spacing `ु`),
# a nukta, the joiner, an independent vowel (`অ`) and a Latin letter.
def test_the_conjunct_consonants_are_unicodes() -> None:
    # those of the six scripts of Unicode 15.1 (version 16 gave more scripts conjuncts)
    consonant = regex.compile(r"\p{InCB=Consonant}")
    assert [hex(point) for point in range(0x0900, 0x0D80)
            if is_conjunct_consonant(chr(point)) != bool(consonant.match(chr(point)))] == []


# A virama comes only after a consonant (`प्`, `স্`), as in text: the regex module's releases
# disagree on one after anything else (2026.12 joins `a्` to a consonant after it, against rule
# GB9c, which needs a consonant before the virama), where Unicode's rule is what revdiff follows.
CONJUNCT_PIECES = ["प", "प्", "र", "ि", "ु", "क", "\u093c", "\u200d", "অ", "স্", "ত", "ા", "ક્",
                   "ష", "ക്", "ക", "a"]


@given(st.lists(st.sampled_from(CONJUNCT_PIECES), max_size=12).map("".join))
def test_conjunct_clusters_are_those_of_the_regex_module(text: str) -> None:
    assert list(grapheme_clusters(text)) == regex.findall(r"\X", text)


def test_latin_letters_are_told_apart_without_the_full_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """A letter below the combining marks starts a cluster of its own: Latin text is not run
    through the rules for marks, conjuncts and emoji a character at a time (the article list
    of 20,000 articles took seconds to open, most of them here)."""
    def full_rules(char: str) -> bool:
        raise AssertionError(f"the full rules were read for {char!r}")

    monkeypatch.setattr(graphemes, "joins_previous", full_rules)
    assert list(grapheme_clusters("Iran's café, 3,000 ¶")) == list("Iran's café, 3,000 ¶")


@pytest.mark.parametrize("before", ["a", "\u00e9", "1", "\u0915\u094d", "\u00a9\u200d", "\U0001F44D\u200d"])
def test_the_quick_path_agrees_with_the_full_rules(before: str) -> None:
    """Every character below the combining marks, after a letter, a virama and a joiner (after
    which `©` and `®`, emoji, join), as the rules without the quick path find."""
    for code in range(0x300):
        char = chr(code)
        full = (graphemes.joins_previous(char)
                or before[-1] == graphemes.ZERO_WIDTH_JOINER and graphemes.is_pictograph(char)
                and graphemes._pictograph_before_joiner(before))
        assert graphemes.continues_cluster(before, char) == full, (before, char)
