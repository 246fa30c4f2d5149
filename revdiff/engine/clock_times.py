"""Whether a sentence goes on after a time's `a.m.` or `p.m.`: before a local time's place
(`9 a.m. New York City time`), or when the time opens it (`At 9 a.m. Trump tweeted.`)."""

from __future__ import annotations

from revdiff.engine.abbreviations import is_abbreviation
from revdiff.engine.sentence_edges import end_of_text_before, opens_sentence, word_before
from revdiff.engine.word_sets import word_set

# Lower-case particles inside a place's name (`Rio de Janeiro`, `Dar es Salaam`), read in a local
# time (`at 9 a.m. Rio de Janeiro time`).
PLACE_PARTICLES = word_set("de del da do dos das es al el la le")


def time_opens_sentence(paragraph: str, end: int) -> bool:
    """Whether the time before `end` (`9` of `9 a.m.`) follows a preposition that opens a sentence
    (`At 9 a.m. Trump tweeted.`), where a name after the time goes on with the sentence."""
    number_end = end_of_text_before(paragraph, end)
    number = word_before(paragraph, number_end)
    preposition_end = end_of_text_before(paragraph, number_end - len(number))
    preposition = word_before(paragraph, preposition_end)
    return bool(preposition) and opens_sentence(paragraph, preposition_end - len(preposition))


def follows_clock_time(paragraph: str, end: int) -> bool:
    """Whether the word before `end` tells a time: `a.m.`, `p.m.` or a number (`17:00`)."""
    time = word_before(paragraph, end_of_text_before(paragraph, end))
    return time.lower() in ("a.m.", "p.m.") or time[:1].isdigit()


def names_local_time(paragraph: str, start: int) -> bool:
    """Whether a place of one to four words and `time` begin at `start`, after a time's `p.m.`
    (`5 p.m. Baghdad time`, `9 a.m. New York City time`, `Rio de Janeiro time`, `4 p.m.
    Washington, D.C. time`, a comma before its region), where they continue its sentence; a word
    that is no place's ends the look (`9 a.m. New York officials said it was time` opens a
    sentence)."""
    words = paragraph[start:start + 80].split(maxsplit=5)[:5]
    for count, word in enumerate(words):
        if count and word.lower().rstrip(".,;:)") == "time":
            return True
        next_word = words[count + 1] if count + 1 < len(words) else ""
        region_follows = word.endswith(",") and next_word[:1].isupper()
        if not _is_place_word(word.removesuffix(",") if region_follows else word):
            return False
    return False


def _is_place_word(word: str) -> bool:
    """Whether `word` may be part of a place's name before `time`: capitalised, a particle (`de` of
    `Rio de Janeiro`) or `local` (`Baghdad local time`), with no punctuation ending it (`York,`)
    but an abbreviation's full stop (`St. Louis`, `D.C.`)."""
    return ((word[:1].isupper() or word in PLACE_PARTICLES or word == "local")
            and (word[-1:].isalpha() or word[:1].isupper() and is_abbreviation(word)))
