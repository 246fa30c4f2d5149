"""The source before a reporting verb (`U.S. officials said`): read back to the nearest punctuation
or clause word, past adverbs of the verb, words that say when and whom `told` was said to, through
sources joined by `and`, `or` or `nor` and the list before them, and past an aside between commas or
dashes (`Mike Pompeo, meanwhile, has said`)."""

from __future__ import annotations

from revdiff.engine.attribution_lexicon import (
    ADVERBS,
    AFTER_CLAUSE_END,
    ASIDE_MARKS,
    CLAUSE_WORDS,
    DETERMINERS,
    FOCUS_WORDS,
    JOINING_WORDS,
    LONGEST_ASIDE,
    LONGEST_DASH_ASIDE,
    LONGEST_READ_BACK,
    MEDIA_OF_SPEECH,
    MOST_SOURCE_WORDS,
    NOT_SOURCE,
    PAIRING_WORDS,
    SENTENCE_ADVERBS,
    SOURCE_NOUNS,
    SPEECH,
    WHOSE_WORDS,
)
from revdiff.engine.attribution_times import before_words_of_time, ends_a_time
from revdiff.engine.attribution_tokens import (
    OPENS_CLAUSE,
    aside_mark,
    bare_word,
    ends_a_sentence,
    ends_clause,
    may_be_a_verb,
    source_words,
)
from revdiff.engine.numbers import numbers_in
from revdiff.engine.source_qualifiers import past_qualifiers
from revdiff.engine.word_sets import word_set

# Nouns ending in -ly that may be a source (`the family said`), and the words after which a
# word in -ly is a noun or an adjective, not an adverb (`the weekly said`).
_LY_NOUNS = word_set("family ally assembly rally supply anomaly monopoly bully daily weekly "
                     "monthly quarterly")


def _is_adverb(tokens: list[str], at: int) -> bool:
    """Whether the token at `at`, just before a reporting verb, is an adverb of it (`now`,
    `repeatedly`, `has long said`, `have since said`, and in lower case a word that focuses it,
    `just said`) and no part of its source."""
    token, word = tokens[at], bare_word(tokens[at])
    if ends_clause(token) or OPENS_CLAUSE.search(token):
        return False
    before = bare_word(tokens[at - 1]) if at > 0 else ""
    if word == "since":
        return before in {"has", "have", "had"}
    if word in ADVERBS or token.islower() and word in FOCUS_WORDS:
        return True
    return (token.islower() and word.endswith("ly") and len(word) > 4
            and word not in _LY_NOUNS and before not in DETERMINERS)


def _first_of_joined_sources(tokens: list[str], joining: int) -> int | None:
    """Where a source joined by the `and`, `or` or `nor` at `joining` to the source after it
    begins: the words before it, back to the text's start, punctuation, words that say when or a
    verb of speech (`source_begins_after`), are one word (`police and hospital officials said`),
    names (`The Pentagon and the State Department said`) or a source's noun with the words that
    say whose it is (`Iraqi militia officials and the country's state TV channel said`), after a
    determiner, a count or a word that qualifies it or not (`Nearly 40 officials and the Pentagon
    said`), and no
    verb; and so are the items of a list before them (`France, Russia and China said`, `France,
    Russia, and China said`), past a place or a medium that opens them (`In a joint statement
    Iran and Iraq said`: `_past_a_place`) and a word that pairs them (`Both the Pentagon and Iran said`,
    `Neither the Pentagon nor Iran said`). None when they may be a clause (`Casualties were
    assessed and Trump said`, `Rockets hit and officials said`, `Protesters fought police and
    officials said`) or `joining` is another word."""
    if bare_word(tokens[joining]) not in JOINING_WORDS:
        return None
    start = _source_item_start(tokens, joining)
    if start is None:
        return None
    items = 1
    while start > 0 and tokens[start - 1].endswith(",") and joining - start < LONGEST_READ_BACK:
        earlier = _source_item_start(tokens, start)
        if earlier is None or any(bare_word(word) in _NO_LIST_ITEM or bare_word(word).endswith("ly")
                                  for word in tokens[earlier:start]):
            break  # no list, but a clause before it (`However, police and officials said`)
        start, items = earlier, items + 1
    if items == 1 and tokens[joining - 1].endswith(","):
        return None  # a clause joined after a comma (`Iran, and officials said`), not a list
    return start


def _source_item_start(tokens: list[str], end: int) -> int | None:
    """Where the source or item of a list that ends before `end` (in a comma if it is an item
    before another) begins: see `_first_of_joined_sources`; None when it is no source."""
    if end == 0 or ends_clause(tokens[end - 1]) and not tokens[end - 1].endswith(","):
        return None  # (`Yes. And officials said`)
    start = end - 1  # back to punctuation or words that say when (`Last week Iran and Iraq said`)
    while start > 0 and not source_begins_after(tokens, start - 1) and end - start < MOST_SOURCE_WORDS:
        start -= 1
    if start > 0 and not source_begins_after(tokens, start - 1):
        return None  # more words than a source's
    start = past_whom_it_was_told(tokens, start, end)
    if bare_word(tokens[start]) in PAIRING_WORDS and start + 1 < end:
        start += 1
    start = past_qualifiers(tokens, _past_a_place(tokens, start, end), end, subject=True)
    words = tokens[start:end]
    names = words[1:] if bare_word(words[0]) in DETERMINERS else words
    if len(names) > 1 and numbers_in(bare_word(names[0])):
        names = names[1:]  # a count, as a determiner (`40 officials and the Pentagon said`)
    if len(words) > 1 and not all(word[:1].isupper() for word in names) and not _is_whose_source(names):
        return None
    if any(bare_word(word) in CLAUSE_WORDS or may_be_a_verb(word) for word in words):
        return None
    return start


def source_begins_after(tokens: list[str], at: int) -> bool:
    """Whether a source (or an item of a list of them) read back before its verb begins after the
    token at `at`: it ends a clause, ends words that say when (`Last week Iran and Iraq said`) or
    is a verb of speech whose reported words the source begins (`He said the Pentagon and Iran
    told him`)."""
    return ends_clause(tokens[at]) or ends_a_time(tokens, at) or _begins_what_is_said(tokens[at])


# Words that begin a clause before a list rather than stand in it (`However, police and
# officials said`, `On Friday, police and officials said`); words in -ly too.
_NO_LIST_ITEM = AFTER_CLAUSE_END | SENTENCE_ADVERBS | word_set(
    "then here there last next on in at for by with since after before during"
)


def _is_whose_source(words: list[str]) -> bool:
    """Whether the words are a source's noun after words that say whose it is, in capitals or of
    `WHOSE_WORDS` (`Iraqi militia officials`, `country's state TV channel`)."""
    return (bare_word(words[-1]) in SOURCE_NOUNS
            and all(word[:1].isupper() or bare_word(word) in WHOSE_WORDS for word in words[:-1]))


# A verb of speech whose object, whom it was said to, stands between it and the words it reports
# (`He told reporters the officials said so`), and the pronouns that may be such an object alone.
_SPEECH_TO_SOMEONE = word_set("told")
_OBJECT_PRONOUNS = word_set("me him her us them")
# The plural nouns of a source, which say whose no noun after them is, as `police` and `state` do
# (`police officials`): after a verb of speech, one before the source ends its object (`told
# lawmakers military officials said`).
_PLURAL_SOURCE_NOUNS = frozenset(noun for noun in SOURCE_NOUNS if noun.endswith("s"))


def past_whom_it_was_told(tokens: list[str], start: int, end: int) -> int:
    """Where a source read back from `end` to a verb of speech with an object before `start`
    begins: past that object, a pronoun (`told him officials said`), the words before a
    determiner after its first word (`told reporters the officials said`, `told a group of
    reporters the officials said`) or, without one, the words up to the last in lower case before
    the source's last word that does not say whose it is or is a plural noun of a source (`told
    reporters officials said`, `told reporters Pentagon officials said`, `told reporters state
    media said`, `told lawmakers military officials said`); at `start` when no such verb stands
    there or the words hold no object (`was told senior officials said`)."""
    if start == 0 or not (tokens[start - 1][:1].islower()
                          and bare_word(tokens[start - 1]) in _SPEECH_TO_SOMEONE):
        return start
    if bare_word(tokens[start]) in _OBJECT_PRONOUNS:
        return start + 1
    determiner = next((at for at in range(start + 1, end - 1) if bare_word(tokens[at]) in DETERMINERS), None)
    if determiner is not None:
        return determiner
    object_end = next((at for at in range(end - 2, start - 1, -1)
                       if tokens[at].islower() and (bare_word(tokens[at]) not in WHOSE_WORDS
                                                    or bare_word(tokens[at]) in _PLURAL_SOURCE_NOUNS)), None)
    return start if object_end is None else object_end + 1


# Verbs of thought, after which may come a clause without `that`, as after a verb of speech
# (`They believe officials told him`).
_THOUGHT = word_set(
    "believe believes believed think thinks know knows knew suspect suspects suspected fear fears "
    "feared assume assumes assumed understand understands understood hope hopes hoped"
)
# Adjectives of thought, after which may come a clause without `that` too (`I'm sure critics say
# this`, `sure "critics" say this`); not `certain`, a source's word too (`certain officials said`).
_THOUGHT_ADJECTIVES = word_set("sure afraid aware glad")
_BEFORE_WHAT_IS_SAID = SPEECH | _THOUGHT | _THOUGHT_ADJECTIVES


def _begins_what_is_said(token: str) -> bool:
    """Whether the token is a verb of speech or thought in lower case (`said`, `told`, `believe`,
    `knows`) or an adjective of thought (`sure`: `_THOUGHT_ADJECTIVES`), after which come the words
    it reports: a source read back before a later verb begins after it (`He said the officials told
    him`, `They believe officials told him` and `I'm sure officials told him` name `officials`)."""
    return token[:1].islower() and bare_word(token) in _BEFORE_WHAT_IS_SAID


def source_before(tokens: list[str], verb: int, *, after_aside: bool = False) -> tuple[str, ...]:
    """The source words before the verb, back to the nearest punctuation or clause word and after
    the adverbs of the sentence that open its clause (`Obviously critics say this.`), past an
    aside between commas or dashes (`Mike Pompeo, meanwhile, has said`: read again from
    `Pompeo,`, whose comma `after_aside` lets through; `Russia and China — all permanent members
    of the Security Council — have all warned`)."""
    end = verb  # the source ends before the adverbs of the verb (`police initially said`)
    while end > 0 and not (after_aside and end == verb) and _is_adverb(tokens, end - 1):
        end -= 1
    if end < verb and (end == 0 or ends_clause(tokens[end - 1])
                       or bare_word(tokens[end - 1]) in CLAUSE_WORDS):
        end = verb  # nothing before the adverbs: read them (`a silent film, deliverance, first told`)
    end = before_words_of_time(tokens, end)
    start = end
    while start > 0 and verb - start < MOST_SOURCE_WORDS:
        token = tokens[start - 1]
        through = after_aside and start == verb and token.endswith(ASIDE_MARKS)
        if ends_a_time(tokens, start - 1) or _begins_what_is_said(token):
            break  # `in 2004 Bergman said`, `he said officials told`: the source begins after it
        if not through and (ends_clause(token) or bare_word(token) in CLAUSE_WORDS):
            joined = _first_of_joined_sources(tokens, start - 1)
            start = start if joined is None else joined
            break
        start -= 1
    start = past_whom_it_was_told(tokens, start, end)
    while start < end - 1 and bare_word(tokens[start]) in SENTENCE_ADVERBS:
        start += 1  # `Obviously critics say this.` names `critics`
    start = past_qualifiers(tokens, _past_a_place(tokens, start, end), end, subject=True)
    end = _before_a_place(tokens, start, end)
    source = source_words(tokens[_past_a_reported_noun(tokens, start, end):end])
    mark = aside_mark(tokens[start - 1]) if start > 0 else None
    if source or after_aside or mark is None:
        return source
    longest = LONGEST_ASIDE if mark == "," else LONGEST_DASH_ASIDE
    aside_start = next((at for at in range(start - 1, max(0, start - 1 - longest), -1)
                        if at > 0 and tokens[at - 1].endswith(mark)), None)
    if aside_start is None:
        return source
    return source_before(tokens, aside_start, after_aside=True)


# Prepositions that begin a place or a medium before a source, without a comma (`At the Pentagon
# officials said`, `In a statement officials said`).
_PLACE_BEFORE_THE_SOURCE = word_set("at in inside outside near from on")
# Words in lower case that may stand before the noun of a medium (`In a joint statement`).
_MOST_WORDS_OF_A_MEDIUM = 3


def _past_a_place(tokens: list[str], start: int, end: int) -> int:
    """Where the source in the words from `start` to `end` begins past a place or a medium that
    opens them: a preposition of `_PLACE_BEFORE_THE_SOURCE` in lower case or capitalised, and a
    medium's noun in lower case (`MEDIA_OF_SPEECH`) after a determiner and up to two other words
    in lower case or not (`In a statement officials said` and `In a joint statement Iran said`
    name `officials` and `Iran`), or `the` or not and the capitalised words of a name, before words
    that begin in lower case (`At the Pentagon officials said`, `In Iraq senior officials said`
    and `On Twitter officials said` name `officials`, `senior officials` and `officials`, `At the
    Pentagon the spokesman said` `the spokesman`); at `start` when they hold none, or no word
    follows the medium or no word in lower case follows the name, where the source cannot be told
    from the place (`At the White House Trump said` names `white house trump`). The price: a
    source's capitalised words after the place are read as the place's (`In Iraq U.S. officials
    said` names `officials`); or `the` and one noun in lower case before a source's noun in lower
    case (`_opens_a_short_place`: `On the ground officials said`)."""
    if bare_word(tokens[start]) not in _PLACE_BEFORE_THE_SOURCE or ends_clause(tokens[start]):
        return start
    medium = _past_a_medium(tokens, start + 1, end)
    if medium is not None:
        return medium
    if _opens_a_short_place(tokens, start + 1, end):
        return start + 3
    name = start + 2 if start + 1 < end and bare_word(tokens[start + 1]) == "the" else start + 1
    after = name
    while after < end and tokens[after][:1].isupper() and not ends_clause(tokens[after]):
        after += 1
    named = after > name
    return after if named and after < end and tokens[after][:1].islower() else start


def _opens_a_short_place(tokens: list[str], start: int, end: int) -> bool:
    """Whether the words from `start` to `end` open with `the` and one noun in lower case, a place,
    before a source's noun in lower case (`SOURCE_NOUNS`: `the ground officials`, `the scene
    police`, `the region officials`), where the place's noun says no whose (`WHOSE_WORDS`: not
    `the health ministry officials`) and no punctuation parts them."""
    if end - start < 3 or bare_word(tokens[start]) != "the":
        return False
    place, noun = tokens[start + 1], tokens[start + 2]
    return (tokens[start].islower() and place.islower() and noun.islower()
            and not any(map(ends_clause, tokens[start:start + 2]))
            and bare_word(place) not in WHOSE_WORDS and bare_word(noun) in SOURCE_NOUNS)


def _past_a_medium(tokens: list[str], start: int, end: int) -> int | None:
    """Where the words from `start` to `end` go on past a medium's noun in lower case that they
    open, a determiner or not and up to `_MOST_WORDS_OF_A_MEDIUM` words in lower case
    (`a statement`, `a joint statement`, `court`); None when they open none or nothing follows it."""
    first = start + 1 if start < end and bare_word(tokens[start]) in DETERMINERS else start
    for at in range(first, min(first + _MOST_WORDS_OF_A_MEDIUM, end - 1)):
        if not tokens[at].islower() or ends_clause(tokens[at]):
            return None
        if bare_word(tokens[at]) in MEDIA_OF_SPEECH:
            return at + 1
    return None


# Prepositions that begin a place after the source's noun (`Officials at the Pentagon said`);
# not `from`, which says whose the source is, as `of` does (`officials from the ministry`), nor
# `on`, which may say what the source knows of (`experts on terrorism said`).
_PLACE_AFTER_A_NOUN = _PLACE_BEFORE_THE_SOURCE - {"from", "on"}


def _before_a_place(tokens: list[str], start: int, end: int) -> int:
    """Where the source in the words from `start` to `end` ends before a place after its noun: a
    preposition of `_PLACE_AFTER_A_NOUN` in lower case after a word in lower case, and the words
    after it (`Officials at the Pentagon said` and `Police in Baghdad said` name `officials` and
    `police`); at `end` when they hold none, or the word before the preposition is capitalised
    but for the first of its sentence, whose capital shows no name (`Officials in Baghdad said`),
    as it may be a name's (`The Embassy in Baghdad said` names `embassy baghdad`)."""
    opens_sentence = start == 0 or ends_a_sentence(tokens[start - 1])
    place = next((at for at in range(start + 1, end - 1)
                  if tokens[at].islower() and bare_word(tokens[at]) in _PLACE_AFTER_A_NOUN
                  and (tokens[at - 1].islower() or opens_sentence and at - 1 == start)
                  and not ends_clause(tokens[at - 1])), None)
    return end if place is None else place


# Words that end a reported noun's scan: the clause's own words, a determiner, and `nor`, which
# joins two sources as `and` and `or` do (`Neither the police nor the army said`).
_ENDS_A_REPORTED_NOUN = NOT_SOURCE | DETERMINERS | JOINING_WORDS


def _past_a_reported_noun(tokens: list[str], start: int, end: int) -> int:
    """Where the source in the words from `start` to `end` begins: at a determiner after a
    determiner and words in lower case, a noun of what the verb reports before its subject, and
    the words of its clause before it (`a claim the Pentagon denied`, `Iran made a claim the
    Pentagon denied` and `a false report the ministry confirmed` name `the Pentagon` and `the
    ministry`); at `start` when they hold none (`the head of the agency said`, `the country's
    state TV channel said`)."""
    for first in range(start, end - 2):
        if bare_word(tokens[first]) not in DETERMINERS:
            continue
        at = first + 1
        while at < end and tokens[at].islower() and bare_word(tokens[at]) not in _ENDS_A_REPORTED_NOUN:
            at += 1
        if first + 1 < at < end - 1 and bare_word(tokens[at]) in DETERMINERS:
            return at
    return start
