"""The engine's single definitions of typography and abbreviations, shared by their users."""

from __future__ import annotations

import pytest

from revdiff.engine.abbreviations import ABBREVIATIONS, is_abbreviation
from revdiff.engine.flags import same_but_encoding
from revdiff.engine.similarity import comparable_form, similarity
from revdiff.engine.word_sets import word_set

# What the column splitter's own list held before it moved to the engine's (row_evidence.py).
SPLITTER_WORDS = sorted(word_set(
    "Gen Sec Secy Lt Col Sgt Capt Cmdr Adm Maj Gov Sen Rep Rev Mr Mrs Ms Dr St Jr Sr "
    "Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec No vs etc approx Inc Corp Co Ltd"))


@pytest.mark.parametrize("word", SPLITTER_WORDS)
def test_every_abbreviation_the_splitter_knew_is_in_the_one_list(word: str) -> None:
    assert word.lower() in ABBREVIATIONS
    assert is_abbreviation(f"{word}.") and is_abbreviation(f"“{word.upper()}.")


def test_initials_are_abbreviations_and_words_are_not() -> None:
    assert all(map(is_abbreviation, ["T.", "U.S.", "(U.S.", "a.m.", "e.g."]))
    assert not any(map(is_abbreviation, ["said.", "U.S", "Pentagon.", "1.", "troops."]))


def test_flags_and_similarity_read_typography_alike() -> None:
    plain, fancy = 'He said "no" - twice.', "He said «no» — twice.\u200b"
    assert same_but_encoding(plain, fancy)
    assert comparable_form(plain) == comparable_form(fancy)


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011", "\u2012", "\u2212"])
def test_unicode_hyphens_and_the_minus_sign_are_a_hyphen(hyphen: str) -> None:
    plain, fancy = "The al-Asad base, at -5 degrees.", f"The al{hyphen}Asad base, at {hyphen}5 degrees."
    assert same_but_encoding(plain, fancy)
    assert comparable_form(plain) == comparable_form(fancy)
    assert similarity(plain, fancy) == 1.0
