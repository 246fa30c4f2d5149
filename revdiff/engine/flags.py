"""Flags a researcher filters edits on: what kind of change an old/new pair of texts shows.

`edit_flags` reads the numbers with `numbers` (qualifiers: `number_qualifiers`, currencies:
`currency_signs`) and compares them with `number_changes`, the quotations with `quotations`, the
sources with `attributions` and `same_sources`, each without a terminal's codes (`terminal_codes`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from revdiff.engine.attribution_lexicon import SUBJECT_PRONOUNS
from revdiff.engine.attributions import attributions_in, participle_subjects
from revdiff.engine.graphemes import grapheme_clusters, holds_emoji, is_emoji, is_mark
from revdiff.engine.number_changes import (
    currency_changed,
    day_or_month_changed,
    half_of_day_changed,
    numbers_alike_in_other_styles,
    sorted_numbers_differ,
)
from revdiff.engine.numbers import numbers_in
from revdiff.engine.quotations import CLOSING_MARKS, quotations_in
from revdiff.engine.same_sources import same_sources, written_as_names
from revdiff.engine.sentence_edges import SENTENCE_OPENING_MARKS
from revdiff.engine.similarity import compatibility_form
from revdiff.engine.terminal_codes import without_control_sequences, without_terminal_codes
from revdiff.engine.words import SPACES
from revdiff.model import Flag, Sources


def _without_space(text: str) -> str:
    return SPACES.sub("", text)


def _visible(text: str) -> str:
    """The text without white space and the invisible characters that are no white space (the
    format characters: the word joiner, the zero-width (non-)joiners, a soft hyphen, ...)."""
    text = _without_space(text)
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


# What `_content` takes out of an ASCII text, which holds no combining mark nor emoji: every
# character but a letter or digit, left out in one `str.translate` rather than tested one by one.
_ASCII_PUNCTUATION = str.maketrans("", "", "".join(char for char in map(chr, range(128))
                                                   if not char.isalnum()))


def _content(text: str) -> str:
    """What is more than punctuation: the letters and digits, with the combining marks on them (a
    Devanagari vowel sign makes another word: `दिन` and `दीन` differ in letters, not punctuation),
    and the emoji, whole (`👍🏽` and `👍🏿`, `👨‍👩‍👧` and `👨‍👩‍👦` differ in content)."""
    if text.isascii():
        return text.translate(_ASCII_PUNCTUATION)
    if not holds_emoji(text):
        return "".join(char for char in text if char.isalnum() or is_mark(char))
    return "".join(cluster if is_emoji(cluster)
                   else "".join(char for char in cluster if char.isalnum() or is_mark(char))
                   for cluster in grapheme_clusters(text))


# A chain's comparisons read each sentence twice, with the version before it and the one after (an
# unchanged sentence on both sides of a pair): the last texts read are kept, as the quotations are.
@functools.lru_cache(maxsize=2**14)
def sources_in(text: str, quote_open: str = "") -> Sources:
    """The sources the text attributes to (`attributions_in`), read as `edit_flags` compares them:
    in Unicode's composed form (NFC) and without the terminal's codes
    (`without_control_sequences`: `\x1b[1mofficials\x1b[0m said` names `officials`), the
    reporting verbs of a quotation that an earlier sentence opened with the mark `quote_open`
    (`open_quotation`) and that closes in the text left out; none for no text."""
    readable = unicodedata.normalize("NFC", without_control_sequences(text))
    return tuple(attributions_in(readable, quote_open)) if text else ()


def edit_flags(old: str, new: str, *, old_quote_open: str = "", new_quote_open: str = "",
               sources: tuple[Sources, Sources] | None = None,
               regrouped: bool = False) -> frozenset[Flag]:
    """Flags for an edit from `old` to `new`. Only a sentence present on both sides changed, so an
    added or deleted text (one side empty) gets no flag.

    The texts are compared in Unicode's composed form (NFC), in which `é` written as one character
    and `é` written as `e` and a combining accent are one text: `encoding_only` says the texts
    differ in that form alone. `whitespace_only`, `case_only` and `punctuation_only` describe
    texts that differ and only in that way (whitespace_only: white space as the word diff reads
    it, with the zero-width space; punctuation_only: the letters, digits and emoji are the same,
    a letter that begins a sentence in one text only may be a capital there, and not only white
    space changed: `_same_content_but_new_sentences`). `number_changed` says the numbers (in
    digits, separators dropped, or in words or Roman numerals, by their value) differ, also when
    read in other styles (`numbers_in`: `10:30` and `10.30`, `1,000,000` and `1 000 000` are
    alike), or a time's half of the day where both give one (`10 a.m.` to `10 p.m.`: `half_of_day_changed`)
    or a number's currency, by its sign or code, where both give one (`$5 million` to `£5
    million`, `USD 5` to `EUR 5` or to `€5`: `currency_changed`), or a weekday or a month named
    alone where both name one (`on Tuesday` to `on Wednesday`: `day_or_month_changed`), never
    where the texts differ in white space and invisible characters alone (`one way` to `oneway`:
    the same letters);
    `quote_changed` says the quoted passages differ; `attribution_changed` says the sources the
    texts attribute to differ (`attributions`), when more than punctuation changed. All of them
    read the texts without what a terminal acts on (`without_control_sequences`; a `"` in a
    window's title is no quotation mark), the texts unchanged: a change of a terminal's codes
    alone is none of white space, punctuation or case.
    `old_quote_open` and `new_quote_open` are the marks of a quotation that an earlier sentence of
    the paragraph opened and that goes on in the text (`We will not wait,” he said.`), so that a
    change inside it is a changed quotation and a reporting verb inside it no attribution.
    `sources`: the texts' `sources_in`, when the caller has read them already.
    `regrouped`: the texts are sentences split or merged, which may repeat what one of them said
    (`82nd Airborne` or `officials said` in both sentences of a split): their numbers and sources
    are compared as the distinct ones each holds, so that one written more or less often changes
    none.
    """
    if old == new or not old or not new:
        return frozenset()
    old, new = unicodedata.normalize("NFC", old), unicodedata.normalize("NFC", new)
    if old == new:
        return frozenset({Flag.ENCODING_ONLY})
    flags: set[Flag] = set()
    # the words, punctuation and quotations read, as the numbers are, without what a terminal acts
    # on; a change of its codes alone is none of white space, punctuation or case
    old_read, new_read = without_control_sequences(old), without_control_sequences(new)
    # texts that differ in white space and invisible characters alone hold the same letters and
    # digits, so the same numbers: `one way` to `oneway` joins letters, it takes away no `one`
    same_letters_and_digits = _visible(old_read) == _visible(new_read)
    numbers_differ = (not same_letters_and_digits
                      and sorted_numbers_differ(numbers_in(old), numbers_in(new), regrouped)
                      and not numbers_alike_in_other_styles(old, new, regrouped))
    if not numbers_differ and not same_letters_and_digits:
        # a time's half of the day and a number's currency read as the numbers are, without what
        # a terminal acts on (`\x1b]0;10 am\x07` sets a window's title); the texts are unchanged
        readable = without_terminal_codes(old), without_terminal_codes(new)
        numbers_differ = (half_of_day_changed(*readable) or currency_changed(*readable)
                          or day_or_month_changed(*readable))
    if old_read != new_read:
        if _without_space(old_read) == _without_space(new_read):
            flags.add(Flag.WHITESPACE_ONLY)
        elif _same_content_but_new_sentences(old_read, new_read) and not numbers_differ:
            flags.add(Flag.PUNCTUATION_ONLY)
        if _same_but_letter_case(old_read, new_read):
            flags.add(Flag.CASE_ONLY)
    if numbers_differ:
        flags.add(Flag.NUMBER_CHANGED)
    if _quoted_words(old_quote_open + old) != _quoted_words(new_quote_open + new):
        flags.add(Flag.QUOTE_CHANGED)
    old_sources, new_sources = sources or (sources_in(old, old_quote_open), sources_in(new, new_quote_open))
    if regrouped:
        old_sources, new_sources = _distinct(old_sources), _distinct(new_sources)
        if old_sources != new_sources:
            old_subjects = participle_subjects(old_read, old_quote_open)
            new_subjects = participle_subjects(new_read, new_quote_open)
            old_sources, new_sources = (
                _without_subjects_of_participles(old_sources, new_sources, new_subjects,
                                                 len(new_subjects) - len(old_subjects)),
                _without_subjects_of_participles(new_sources, old_sources, old_subjects,
                                                 len(old_subjects) - len(new_subjects)))
    if (not flags & {Flag.WHITESPACE_ONLY, Flag.PUNCTUATION_ONLY, Flag.CASE_ONLY}
            and old_sources != new_sources
            and not same_sources(old_sources, new_sources,
                                 written_as_names(old_read) | written_as_names(new_read))):
        flags.add(Flag.ATTRIBUTION_CHANGED)
    return frozenset(flags)


def _same_but_letter_case(old: str, new: str) -> bool:
    """Whether the texts are one text in lower case (`Straße` and `STRAẞE`, `ΟΔΟΣ` and `οδος`).
    Not casefold(), which also folds a ligature into its letters and `ß` into `ss`: `ﬁ` to `fi`
    or `Straße` to `Strasse` changes letters, not their case."""
    return old.lower() == new.lower()


def _distinct(sources: Sources) -> Sources:
    """The sources in the order they are first named, each once."""
    return tuple(dict.fromkeys(sources))


def _without_subjects_of_participles(sources: Sources, other: Sources, subjects: list[tuple[str, ...]],
                                     participles: int) -> Sources:
    """The sources of one side of a split or merge without up to `participles` sources that the
    other side does not name and that stand for the subject of one of its participles after a
    comma (`participle_subjects`, `subjects`), where that side holds as many more: a pronoun alone
    (`he`, `they`, …) or that subject named again. `X, saying that Y.` split into `X. He said Y.`
    or, X's subject Iran, `X. Iran said Y.` names the clause's subject twice, which the participle
    does not repeat and the other sentence does."""
    kept = []
    for source in sources:
        stands_for_a_subject = len(source) == 1 and source[0] in SUBJECT_PRONOUNS or source in subjects
        if participles > 0 and stands_for_a_subject and source not in other:
            participles -= 1
        else:
            kept.append(source)
    return tuple(kept)


# A letter or digit that begins a sentence (group 1): the first after a `.`, `!`, `?` or `…`,
# closing marks after it or not, white space and opening marks.
_SENTENCE_START = re.compile(
    rf"[.!?…][{re.escape(CLOSING_MARKS)}]*\s+[{re.escape(SENTENCE_OPENING_MARKS)}]*(\w)")


def _same_content_but_new_sentences(old: str, new: str) -> bool:
    """Whether `old` and `new` hold the same letters, digits and emoji (`_content`), where a letter
    that begins a sentence in one text but not in the other may be a capital there: `X; nobody was
    hurt` to `X. Nobody was hurt` (and back), as `X; nobody` to `X. nobody`. A letter's case
    changed where a sentence began before too (`X. nobody` to `X. Nobody`) is none of these."""
    old_content, new_content = _content(old), _content(new)
    if old_content == new_content:
        return True
    if old_content.lower() != new_content.lower():
        return False
    old_letters, new_letters = _letters_and_starts(old), _letters_and_starts(new)
    return len(old_letters) == len(new_letters) and all(
        old_letter == new_letter or _capital_of_a_new_sentence(old_letter, new_letter, old_starts,
                                                               new_starts)
        for (old_letter, old_starts), (new_letter, new_starts) in zip(old_letters, new_letters))


def _letters_and_starts(text: str) -> list[tuple[str, bool]]:
    """Each letter and digit of `text`, with its combining marks apart, and whether it begins a
    sentence (`_SENTENCE_START`)."""
    starts = {start.start(1) for start in _SENTENCE_START.finditer(text)}
    return [(char, at in starts) for at, char in enumerate(text) if char.isalnum() or is_mark(char)]


def _capital_of_a_new_sentence(old_letter: str, new_letter: str, old_starts: bool,
                               new_starts: bool) -> bool:
    """Whether one letter is the other as a capital, in the text where it alone begins a
    sentence."""
    if old_starts == new_starts:
        return False
    capital, other = (old_letter, new_letter) if old_starts else (new_letter, old_letter)
    return capital.isupper() and capital.lower() == other


def _quoted_words(text: str) -> str:
    """What is quoted, as `quote_changed` compares it: the letters in any case, digits and emoji
    of the quoted passages in turn, so that a quotation's marks written otherwise (`"…'a
    disaster'…"`, `“…‘a disaster’…”`), its full stop moved out of it, its first letter
    capitalised (`"we will win"`, `"We will win"`) or its words cut into two passages or joined
    into one (`"We will respond," he said. "And we will win."` to `"We will respond, and we will
    win," he said.`) change no quotation; a quotation of punctuation alone (the `.` after a stray
    mark, `"words "ich bin ein berliner!".`) quotes nothing."""
    return "".join(_content(compatibility_form(quote)).casefold() for quote in quotations_in(text))


def same_but_encoding(old: str, new: str) -> bool:
    """True when the texts differ only in Unicode form, quote style, dashes or spacing."""
    return _encoding_form(old) == _encoding_form(new)


def same_content_in_any_case(old: str, new: str) -> bool:
    """True when the texts hold the same letters, digits and emoji (`_content`) but for their
    letter case, read in Unicode's composed form (NFC) and without the terminal's codes: an edit
    `case_only` or `punctuation_only`, or one of both at once, which no flag says (`iran fired` to
    `Iran Fired!`)."""
    return (_content(without_control_sequences(unicodedata.normalize("NFC", old))).lower()
            == _content(without_control_sequences(unicodedata.normalize("NFC", new))).lower())


def _encoding_form(text: str) -> str:
    return _without_space(compatibility_form(text))
