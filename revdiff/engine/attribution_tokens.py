"""A text's tokens as attributions read them (engine/attributions.py): parting a text into
tokens, whether a token ends a clause or a sentence, opens a quotation or may be a verb, whether a
text is a headline in title case, and a source's words as they are named (lower case, bare, accents
taken off)."""

from __future__ import annotations

import re
import unicodedata

from revdiff.engine.abbreviations import is_abbreviation
from revdiff.engine.attribution_lexicon import (
    ASIDE_MARKS,
    JOINING_WORDS,
    MOST_SOURCE_WORDS,
    NOT_SOURCE,
    PAST_TENSES_WITHOUT_ED,
    VERB_LIKE,
)
from revdiff.engine.headlines import WORD_PUNCTUATION
from revdiff.engine.word_sets import word_set

# A straight single mark after punctuation closes a quotation (`'We will respond,' he said`);
# after a letter it is most often an apostrophe (`the soldiers' commander said`), and so is a
# curly one after the s of a plural (`the soldiers’ commander said`).
CLOSING_SINGLE = re.compile(r"[,;:.!?]'$|(?<!s)’$")
# A token that ends a clause ends in punctuation or a closing quotation mark (`ends_clause`).
_CLAUSE_END_MARKS = ",;:.!?)]”\"»—–"
_CLAUSE_END = re.compile(rf"[{re.escape(_CLAUSE_END_MARKS)}]$|{CLOSING_SINGLE.pattern}")
# The last characters `_CLAUSE_END` may match (with the single closing marks): a token ending in
# another (most words) is not searched, as a pattern anchored at the end is tried at every
# character of the token.
_CLAUSE_END_CHARS = frozenset(_CLAUSE_END_MARKS + "'’")
# A token that opens one: it begins with an opening quotation mark or bracket.
OPENS_CLAUSE = re.compile(r"^[(\[“\"«‘—–]")
# The marks that open a quotation at a token's start (a single one that does is written `“` by
# `single_quotations_doubled`, or stays `‘`).
OPENING_QUOTATION_MARKS = "“\"«„‘"


# A single mark that opens a quotation: before a letter at a token's start (`‘We`, not `'90s`).
_OPENING_SINGLE = re.compile(r"^['‘](?=[^\W\d_])")
# Words whose first letters the mark before them stands for (`let 'em play`, `‘Tis the season`):
# that mark opens no quotation.
_ELIDED_WORDS = word_set("em tis twas til cause bout n")


def _opens_single_quotation(token: str) -> bool:
    """Whether a token begins with a single mark that opens a quotation (`‘We`, not `'em`)."""
    return (token[:1] in "'‘" and bool(_OPENING_SINGLE.match(token))
            and token[1:].strip(WORD_PUNCTUATION).lower() not in _ELIDED_WORDS)


def single_quotations_doubled(tokens: list[str]) -> list[str]:
    """The tokens, where a quotation in single marks that closes after an s (`‘We have the
    documents’ says minister`), which `CLOSING_SINGLE` reads as a plural's apostrophe (`the
    soldiers’ commander said`), is written in double marks: its single marks close what one
    opened before them."""
    tokens = list(tokens)
    opened = None
    for at, token in enumerate(tokens):
        if _opens_single_quotation(token):
            opened = at
        if opened is None or token[-1:] not in "'’" or (at == opened and len(token) < 3):
            continue
        if token[-2:-1] == "s":
            tokens[opened] = "“" + tokens[opened][1:]
            tokens[at] = tokens[at][:-1] + "”"
        opened = None
    return tokens


def ends_clause(token: str) -> bool:
    """Whether a token ends a clause: it ends in punctuation or a closing quotation mark, and is
    no abbreviation (`Gen.`, `U.S.`), a handle's `@` or a hashtag's `#` before it or not (`@U.S.`)."""
    return (token[-1:] in _CLAUSE_END_CHARS and bool(_CLAUSE_END.search(token))
            and not (token.endswith(".") and is_abbreviation(token.lstrip("@#"))))


def bare_word(token: str) -> str:
    return token.strip(WORD_PUNCTUATION).casefold()


def last_word_of_phrase(tokens: list[str], start: int, ends_before: frozenset[str]) -> str | None:
    """The last token of the phrase from `start` on, at most `MOST_SOURCE_WORDS` long: before
    the first word of `ends_before` (a preposition, a clause word), or the first token that ends
    a clause (`the need to stay`: `need`; `US officials.`: `officials.`); None where the phrase
    is empty."""
    last = None
    for token in tokens[start:start + MOST_SOURCE_WORDS]:
        if bare_word(token) in ends_before:
            break
        last = token
        if ends_clause(token):
            break
    return last


def unaccented(word: str) -> str:
    """A source word as sources are compared: `Cortés` and `Cortes` are one source."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


def source_words(words: list[str]) -> tuple[str, ...]:
    """The words that name a source: without the words of the verb or clause around it
    (`NOT_SOURCE`), but for an `and`, `or` or `nor` that joins two of its words, and without a
    web address, a reference set in the text (`…created."http://… NASA reported` names `nasa`)."""
    named = [unaccented(word) for word in map(source_word, words)
             if word and (word not in NOT_SOURCE or word in JOINING_WORDS) and "://" not in word]
    while named and named[0] in JOINING_WORDS:
        named.pop(0)
    while named and named[-1] in JOINING_WORDS:
        named.pop()
    return tuple(named)


def source_word(token: str) -> str:
    """A word of a source as it is named: bare (`bare_word`) and without any other punctuation around
    its letters or digits (a handle's `@`, a hashtag's `#`: `@NASA` is `nasa`, as the flags take
    `@NASA` for `NASA` with punctuation; a lone `&` is kept), but for the last dot of a dotted
    abbreviation, which the punctuation around it took (`U.S.` is `u.s.`, not `u.s`); the full
    stop after another dotted word ends the sentence (`said Booking.com.` is `booking.com`)."""
    word = _without_punctuation_around(bare_word(token))
    dotted_abbreviation = "." in word and is_abbreviation(word + ".")
    return word + "." if dotted_abbreviation and word + "." in token.casefold() else word


def _without_punctuation_around(word: str) -> str:
    """The word without the punctuation characters (Unicode's) it begins or ends with; a word of
    punctuation only (`&`) kept as it is."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(word[end - 1]).startswith("P"):
        end -= 1
    return word[start:end] or word


def may_be_a_verb(token: str) -> bool:
    """Whether a token may be a verb: a word of a verb, a reporting verb, or in lower case a word in
    -ed (`arrived`) or a past tense without it (`struck`: `PAST_TENSES_WITHOUT_ED`)."""
    word = bare_word(token)
    return word in VERB_LIKE or token.islower() and (word.endswith("ed") or word in PAST_TENSES_WITHOUT_ED)


QUOTES = "\"'“”‘’«»„"
# An apostrophe: a straight or curly single mark between letters (`Iran's`, `Iran’s`), after
# the s of a plural (`the soldiers' commander`) or for the century of a decade (`the ’90s`), which
# is no quotation mark.
APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<=s)['’](?!\w)|(?<!\w)['’‘](?=\d0s\b)")


def holds_quotation_marks(token: str) -> bool:
    """Whether the token holds a quotation mark, an apostrophe aside."""
    return any(mark in APOSTROPHE.sub("", token) for mark in QUOTES)


def aside_mark(token: str) -> str | None:
    """The comma or dash that ends the token, which may open or close an aside; None if none."""
    return next((mark for mark in ASIDE_MARKS if token.endswith(mark)), None)


def ends_a_sentence(token: str) -> bool:
    """Whether the token ends a sentence: a full stop (not an abbreviation's), `!` or `?`, before
    any closing marks."""
    return token.rstrip("”\"’)").endswith((".", "!", "?")) and not is_abbreviation(token)


# Prepositions and conjunctions of four letters or more that a headline in title case may leave in
# lower case, as Chicago's style does (`Esper Said Troops Were Moved from Iraq`).
_LOWER_IN_TITLE_CASE = word_set(
    "with from into onto upon over than that about above across after against along amid among "
    "around before behind below beneath beside between beyond despite down during except inside "
    "like near outside past since through toward towards under until unless versus within "
    "without when while"
)


def is_title_case(tokens: list[str]) -> bool:
    """Whether the text is written as a headline in title case (`Trump Said He Would Meet Kim`):
    it has words of four letters or more, all of them capitalised but the prepositions and
    conjunctions a style may leave in lower case (`Moved from Iraq`), and its last word, of any
    length, is not in lower case: title case always capitalises it (`the Second World War x` is
    no headline)."""
    words = [token.strip(WORD_PUNCTUATION) for token in tokens]
    long_words = [word for word in words if len(word) >= 4 and word.isalpha()
                  and word not in _LOWER_IN_TITLE_CASE]
    last_word = next((word for word in reversed(words) if word[:1].isalnum()), "")
    return (bool(long_words) and all(word[0].isupper() for word in long_words)
            and not last_word[:1].islower())


# What closes a quotation that a token's first mark opens (`_quoted_tokens` in engine/attributions.py).
CLOSING_MARKS_OF = {"“": "”", '"': '"', "«": "»", "„": "“”", "‘": "’'", "'": "'’"}


def opens_quotation(token: str) -> bool:
    """Whether a token begins with a mark that opens a quotation (`“We`, `'We`; not `'em`)."""
    return token[:1] in CLOSING_MARKS_OF and (token[0] not in "'‘" or _opens_single_quotation(token))


# Where words part that no space parts: a dash set without spaces, an em dash anywhere (`China—all`)
# and an en dash between letters (`together–could`; not a range of numbers, `2019–20`), each a
# token of its own, and a double quotation's closing mark after a stop and before a word
# (`created."http`; not `U.S.'s`). Each alternative begins with its mark, so that the search skips
# to those marks; the lookbehinds look back from after it.
_GLUED_BREAK = re.compile(r"(—|–(?<=[^\W\d_]–)(?=[^\W\d_]))|([”\"»](?<=[,.!?…][”\"»])(?=\w))")


def _parted(match: re.Match[str]) -> str:
    """A dash of `_GLUED_BREAK` with a space either side, a closing mark with one after it."""
    dash, closing_mark = match.groups()
    return f" {dash} " if dash else f"{closing_mark} "


def text_tokens(text: str) -> list[str]:
    """The text's words and the punctuation around them, parted at spaces and at `_GLUED_BREAK`."""
    return _GLUED_BREAK.sub(_parted, text).split()


def names_someone(source: tuple[str, ...]) -> bool:
    """Whether a source's words hold a letter: a number alone (`2+3`, `40%`) is no speaker, and
    the source of a verb after one is read after the verb (`-2+3 said the officials.` names
    `officials`; `40% said they would stay` none)."""
    return any(char.isalpha() for word in source for char in word)
