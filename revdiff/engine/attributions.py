"""Attributions: whom a sentence gives as the source of what it reports.

An attribution is a reporting verb with its source: `officials said`, `Esper told reporters`,
`“…,” said Gen. Mark Milley`, `the Post reported.`, `according to NBC News`, `citing two
officials`, or a headline's source after a colon (`…: Iranian TV`). Its source is read as the
words next to the verb up to the nearest punctuation or quotation mark: before the verb (`U.S.
officials said`), past an aside between commas or dashes (`Hefner, whose mansions had come under
scrutiny, said`), or after it when the verb follows a comma or a quotation (`, said Mark Esper,
the defense secretary`). `attribution_changed` compares the sources, not the verbs: `officials
said` to `officials say` changes no attribution, `officials said` to `U.S. officials said` or to
`the Pentagon said` does, and so does one added or removed. One name given more or less fully,
its titles and first names set aside, is one source (`Gen. Mark Milley`, `Milley`: `same_sources`).

This module tells where a word reports (`attributions_in`); the source is read by its neighbours:
`source_before_verb`, `source_past_an_aside` and `source_after_verb`, with the words of
`attribution_lexicon`, the tokens of `attribution_tokens`, the words of time of
`attribution_times` and the qualifiers of `source_qualifiers`; `same_sources` compares what they
read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from revdiff.engine.attribution_lexicon import (
    ADVERBS,
    AFTER_CLAUSE_END,
    AFTER_NAME_VERBS,
    AFTER_QUOTATION_VERBS,
    AFTER_SOURCE,
    BE,
    BIDDING_WORDS,
    CLAUSE_END_VERBS,
    CLAUSE_WORDS,
    DASHES,
    DETERMINERS,
    INTRODUCERS,
    LONGEST_ASIDE,
    LONGEST_DASH_ASIDE,
    LONGEST_READ_BACK,
    MEDIA_OF_SPEECH,
    MEDIA_WORDS,
    MODALS,
    MOST_SOURCE_WORDS,
    PARTICIPLES,
    READ_AT,
    REPORTING_WORD,
    SPEECH,
    SUBJECT_PRONOUNS,
    VERB_WORDS,
)
from revdiff.engine.attribution_times import SPANS, after_words_of_time, ends_a_time
from revdiff.engine.attribution_tokens import (
    APOSTROPHE,
    CLOSING_MARKS_OF,
    CLOSING_SINGLE,
    OPENING_QUOTATION_MARKS,
    OPENS_CLAUSE,
    aside_mark,
    bare_word,
    ends_a_sentence,
    ends_clause,
    holds_quotation_marks,
    is_title_case,
    last_word_of_phrase,
    may_be_a_verb,
    names_someone,
    opens_quotation,
    single_quotations_doubled,
    text_tokens,
)
from revdiff.engine.calendar_words import MONTHS
from revdiff.engine.headlines import MEDIA_NOUNS, WORD_PUNCTUATION
from revdiff.engine.source_after_verb import (
    headline_source,
    introduced_source,
    introducer_attributes,
    names_its_speaker_to_the_end,
    per_gives_a_source,
    source_after,
    source_after_quoted_words,
    speaker_after,
)
from revdiff.engine.source_before_verb import source_before
from revdiff.engine.source_past_an_aside import subject_after_marks, subject_before_aside
from revdiff.engine.word_sets import word_set

# The end of a quotation of what was said, not of a word or phrase quoted: its closing mark after
# a stop (`,”`, `!”`, `.'`) or before a comma (`”,`); after the s of a plural, `’` is an apostrophe.
_SAID_QUOTATION_END = re.compile(r"[,.!?…][”\"»’']$|(?:[”\"»]|(?<!s)’),$")


def _goes_on_after_a_conjunction(tokens: list[str], verb: int) -> bool:
    """Whether the verb follows an aside that opens after `and` or `but` (`Zarif called the attack
    an “act of terrorism” and, in a message on Twitter, said the United States “bears …`): it goes
    on a clause whose subject stands before them, and the words after it are what it reports, not
    its source."""
    closing = aside_mark(tokens[verb - 1]) if verb > 0 else None
    if closing is None:
        return False
    opening = next((at for at in range(verb - 1, max(0, verb - 1 - LONGEST_DASH_ASIDE), -1)
                    if at > 0 and tokens[at - 1].endswith(closing)), None)
    if opening is None:
        return False
    before = opening - 2 if tokens[opening - 1] in DASHES and opening > 1 else opening - 1
    return bare_word(tokens[before]) in {"and", "but"}


def _reports_where_it_stands(tokens: list[str], verb: int) -> bool:
    """Whether a verb that reports only at the end of a clause (`CLAUSE_END_VERBS`) reports where
    it stands: it ends its clause (`_ends_its_clause`: `, he added.`), or follows a comma before
    its speaker, inverted, as after `said`, up to its sentence's stop
    (`names_its_speaker_to_the_end`: `No one was hurt, added Esper.`)."""
    return _ends_its_clause(tokens, verb) or names_its_speaker_to_the_end(tokens, verb)


def _ends_its_clause(tokens: list[str], verb: int) -> bool:
    """Whether a verb that needs it ends its clause (`he added.`, `reported Friday.`), comes
    before a quotation (`added: “…`) or a clause it reports (`acknowledged that the strike
    failed`, also past words that say when, `confirmed late Tuesday that the base was hit`,
    `denied on Tuesday.`: `after_words_of_time`), or
    follows a quotation (`,” he added`). A comma that opens an aside the clause goes on after
    ends none (`claimed, without evidence, that …` is `claimed that`)."""
    if _reports_a_clause(tokens, verb):
        return True
    after = verb + 1
    while after < len(tokens) and not ends_clause(tokens[after - 1]):
        past_a_time = after_words_of_time(tokens, after)
        if past_a_time == after and bare_word(tokens[after]) not in AFTER_CLAUSE_END:
            break
        after = max(past_a_time, after + 1)
    clause_ended = ends_clause(tokens[after - 1]) and _that_after_aside(tokens, after - 1) is None
    if clause_ended or after == len(tokens) or OPENS_CLAUSE.search(tokens[after]):
        return True
    if after > verb + 1 and _reports_a_clause(tokens, after - 1):
        return True
    return _follows_a_quotation(tokens, verb) or _reports_past_a_place(tokens, verb)


# Prepositions that begin the place or medium of what a verb reports, after the verb (`wrote on
# Twitter:`); not those of a place before its source (engine/source_before_verb.py).
_PLACE_AFTER_THE_VERB = word_set("on in at via")


def _reports_past_a_place(tokens: list[str], verb: int) -> bool:
    """Whether a place or medium follows the verb, a preposition and up to a source's words
    without a clause word, and its clause ends in a colon or in a comma before a quotation
    (`Trump wrote on Twitter: “…”`, `Esper added in a statement: …`, `Iran announced in a
    statement on its website, “…”`), or `that` follows it and a clause (`_subject_follows`: `The
    Pentagon confirmed in a statement that the strike took place.`); not `The Post reported on
    the scandal.`, `He wrote in a notebook, then left.` nor, `that` a relative clause's, `The
    Post reported on the scandal that rocked the city.`"""
    if (ends_clause(tokens[verb]) or verb + 1 >= len(tokens)
            or bare_word(tokens[verb + 1]) not in _PLACE_AFTER_THE_VERB):
        return False
    for at in range(verb + 1, min(len(tokens), verb + 2 + MOST_SOURCE_WORDS)):
        token = tokens[at]
        if bare_word(token) == "that" and at > verb + 2:
            return _names_a_medium_or_time(tokens[at - 1]) and _subject_follows(tokens, at)
        if bare_word(token) in CLAUSE_WORDS or OPENS_CLAUSE.search(token):
            return False
        if ends_clause(token) and not _is_a_dates_comma(tokens, at):
            quotation_next = at + 1 < len(tokens) and opens_quotation(tokens[at + 1])
            return (token.endswith(":") or token.endswith(",") and quotation_next
                    or ends_a_sentence(token) and _names_a_medium_of_speech(tokens[verb + 1:at + 1]))
    return False


# Platforms a verb reports on (`wrote on Twitter.`), capitalised as their names are: after `on`,
# another capitalised word is most often what was reported on (`The Post reported on Trump.`).
_PLATFORMS = word_set("Twitter X Facebook Instagram Telegram TikTok YouTube Truth LinkedIn Weibo "
                      "WhatsApp Threads Bluesky Substack")
# Prepositions before a medium of speech in lower case (`in a statement`, `at a news conference`):
# after `on` it is most often what was reported on (`reported on the statement`).
_BEFORE_A_MEDIUM = word_set("in at")


def _names_a_medium_of_speech(place: list[str]) -> bool:
    """Whether the place after a verb that runs to its sentence's end names the medium the verb
    reports in: a platform after `on` or `via` (`Zarif wrote on Twitter.`, `… wrote on Twitter on
    Tuesday.`), or a noun of a medium in lower case after `in` or `at` (`Iran confirmed in a
    statement.`, `… at a news conference.`); not `The Post reported on the scandal.`, `The Post
    reported on Trump.` nor `… reported on the statement.`."""
    preposition, *words = map(bare_word, place)
    if preposition in _BEFORE_A_MEDIUM:
        return any(word in MEDIA_OF_SPEECH and token.islower() for word, token in zip(words, place[1:]))
    return bool(words) and place[1].strip(WORD_PUNCTUATION) in _PLATFORMS


_MEDIUM_OR_TIME_WORDS = MEDIA_OF_SPEECH | SPANS | AFTER_CLAUSE_END


def _names_a_medium_or_time(token: str) -> bool:
    """Whether the last word of a place after a reporting verb, before `that`, is a name, a number
    or a noun of a medium or a time (`in a statement`, `on Twitter`, `on November 13, 2009`, `on
    Friday night`), after which `that` begins what was reported; after another noun it may begin
    a relative clause (`reported on the scandal that the mayor hid`)."""
    word = bare_word(token)
    return (token[:1].isupper() or any(map(str.isdigit, word))
            or word in _MEDIUM_OR_TIME_WORDS)


def _is_a_dates_comma(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` is a day's number after a month whose comma parts it from the
    year after it (`on November 13, 2009 that`), which ends no clause."""
    if not tokens[at].endswith(",") or at == 0 or at + 1 >= len(tokens):
        return False
    day, year = bare_word(tokens[at]), bare_word(tokens[at + 1])
    return (bare_word(tokens[at - 1]) in MONTHS and day.isdigit() and len(day) <= 2
            and year.isdigit() and len(year) == 4)


# Words that begin a subject, whatever follows them (`that the strike`, `that he`).
_SUBJECT_BEGINNINGS = SUBJECT_PRONOUNS | DETERMINERS


def _subject_follows(tokens: list[str], that: int) -> bool:
    """Whether the `that` at `that` begins a clause it reports, not a relative one: a subject
    pronoun or a determiner follows it (`that the strike took place`, `that he would respond`), or
    a word that may be no verb and, before the clause ends, one that may be (`that Iran fired
    missiles`, `that 12 people were killed`, `that all was well`, `that troops must leave`); not a
    verb (`that rocked the city`, `that was short`)."""
    if that + 1 >= len(tokens) or ends_clause(tokens[that]):
        return False
    first, *rest = _clause_from(tokens, that + 1)
    return (bare_word(first) in _SUBJECT_BEGINNINGS
            or not may_be_a_verb(first) and any(map(may_be_a_verb, rest)))


def _follows_a_quotation(tokens: list[str], verb: int) -> bool:
    """Whether a quotation closes in the three tokens before the verb (`,” he added`), or further
    back past its source's longer name, words that neither end a clause nor begin one (`,”
    Iranian Foreign Minister Mohammad Javad Zarif wrote on Twitter.`)."""
    if any(_closes_a_quotation(token) for token in tokens[max(0, verb - 3):verb]):
        return True
    for at in range(verb - 1, max(-1, verb - 2 - MOST_SOURCE_WORDS), -1):
        if _closes_a_quotation(tokens[at]):
            return True
        if ends_clause(tokens[at]) or bare_word(tokens[at]) in CLAUSE_WORDS:
            return False
    return False


def _closes_a_quotation(token: str) -> bool:
    """Whether a token ends in a closing quotation mark (`war,”`, `won’`)."""
    return token.endswith(("”", '"', "»")) or bool(CLOSING_SINGLE.search(token))


def _follows_what_was_said(tokens: list[str], verb: int) -> bool:
    """Whether a quotation of what was said closes in the three tokens before the verb, its
    subject between them (`,” Trump posted`; not `a “statement” posted online` or `“shocking,”
    posted online`, where no subject stands after the quotation): a quotation after a stop or
    before a comma, or one that opens the text, as a headline's does without them (`‘We won’
    Trump posted.`), before a verb that has no object (`“Joker” star posted a video` is no
    attribution)."""
    before = tokens[max(0, verb - 3):verb - 1]
    if any(_SAID_QUOTATION_END.search(token) for token in before):
        return True
    opens_the_text = bool(tokens) and OPENS_CLAUSE.search(tokens[0]) is not None
    return (opens_the_text and _follows_a_quotation(tokens, verb - 1)
            and not ends_clause(tokens[verb - 1]) and _has_no_object(tokens, verb))


def _follows_a_name(tokens: list[str], verb: int) -> bool:
    """Whether the verb, in lower case, follows a name that begins its clause, or follows words
    that say when before it (`Last week CNN reports that …`): capitalised words, after `the` or
    not, the first of them followed by words of news media in lower case too (`…, CNN reports`,
    `“…,” the Post reports`, `…, Iranian state media reports`), or words of news media alone that
    end in its noun (`…, state media reports`); not `Iran denied the reports`, `according to local
    reports` or `…, official reports`."""
    def name_begins_after(at: int) -> bool:
        return ends_clause(tokens[at]) or ends_a_time(tokens, at)

    start = verb
    while start > 0 and not name_begins_after(start - 1) and verb - start < MOST_SOURCE_WORDS:
        start -= 1
    if start > 0 and not name_begins_after(start - 1) or not tokens[verb][:1].islower():
        return False
    names = tokens[start + 1:verb] if bare_word(tokens[start]) == "the" else tokens[start:verb]
    if not names:
        return False
    if not names[0][:1].isupper():
        return (bare_word(names[-1]) in MEDIA_NOUNS
                and all(bare_word(word) in MEDIA_WORDS for word in names))
    return all(word[:1].isupper() or bare_word(word) in MEDIA_WORDS for word in names[1:])


def _is_the_subject_of_a_later_verb(tokens: list[str], noun: int) -> bool:
    """Whether the `reports` at `noun` is a noun, the subject of a verb after the clause that
    `that` begins after it (`Local reports that the base was hit were false.`, `Early reports …`):
    before the clause ends, a form of `be`, `have` or a modal (`VERB_WORDS`) that follows such a
    form and a word of neither kind (an adverb aside), with no word that begins another clause or
    a verb of speech before it. `CNN reports that the base was hit.`, `… that troops have been
    moved.`, `… that the base was hit and troops were moved.` and `… that officials said the base
    was hit.` report."""
    if noun + 2 >= len(tokens) or bare_word(tokens[noun + 1]) != "that" or ends_clause(tokens[noun + 1]):
        return False
    verb_seen = words_after_verb = False
    for token in tokens[noun + 2:noun + 2 + LONGEST_READ_BACK]:
        word = bare_word(token)
        if word in CLAUSE_WORDS or word in SPEECH:
            return False
        if word in VERB_WORDS:
            if words_after_verb:
                return True
            verb_seen = True
        elif verb_seen and word not in ADVERBS and not word.endswith("ly"):
            words_after_verb = True
        if ends_clause(token):
            return False
    return False


def _cites_next(tokens: list[str], verb: int) -> bool:
    """Whether `citing` follows the verb, for the source it reports from (`…, Fox News reports
    citing officials`)."""
    return verb + 1 < len(tokens) and bare_word(tokens[verb + 1]) == "citing"


# Words after a verb that begin no object of it, but say when or where (`posted on X`).
_NO_OBJECT = AFTER_CLAUSE_END | word_set("on in at")


def _has_no_object(tokens: list[str], verb: int) -> bool:
    """Whether the verb ends its clause or a word of when or where follows it (`posted.`,
    `posted Friday`, `posted on Truth Social`)."""
    return (ends_clause(tokens[verb]) or verb + 1 == len(tokens)
            or bare_word(tokens[verb + 1]) in _NO_OBJECT)


def _reports_a_clause(tokens: list[str], verb: int) -> bool:
    """Whether the verb is followed, past a short aside, by `that` and a clause: a subject
    pronoun or a determiner, which no `that` a determiner stands before (`confirmed that the
    attack took place`), or, before the clause ends, a word that may be a verb (`acknowledged
    that Iran failed`, `warned, once again, that Iran would respond`); not by `that` a determiner
    (`denied that claim.`, `wrote that book in 1990`)."""
    that = _that_after_aside(tokens, verb) or verb + 1
    if that >= len(tokens) - 1 or bare_word(tokens[that]) != "that" or ends_clause(tokens[that]):
        return False
    clause = _clause_from(tokens, that + 1)
    return (bare_word(clause[0]) in _SUBJECT_BEGINNINGS
            or any(map(may_be_a_verb, clause)))


def _reports_a_clause_without_that(tokens: list[str], verb: int) -> bool:
    """Whether the verb is followed by a clause without `that`: a subject, which begins with a
    subject pronoun, a determiner or a capitalised word, and, before the clause ends, a word after
    it that may be a verb (`CNN reports the base was hit`, `CNN reports Iran fired missiles`); not
    by words of a noun (`CNN reports of casualties were false`, `CNN reports said …`)."""
    if verb + 1 >= len(tokens) or ends_clause(tokens[verb]):
        return False
    first, *rest = _clause_from(tokens, verb + 1)
    begins_a_subject = bare_word(first) in _SUBJECT_BEGINNINGS or first[:1].isupper()
    return begins_a_subject and any(map(may_be_a_verb, rest))


def _clause_from(tokens: list[str], first: int) -> list[str]:
    """The tokens of the clause that begins at `first`, up to the one that ends it, of a source's
    words at most."""
    clause = []
    for token in tokens[first:first + MOST_SOURCE_WORDS]:
        clause.append(token)
        if ends_clause(token):
            break
    return clause


def _that_after_aside(tokens: list[str], at: int) -> int | None:
    """Where `that` stands when the token at `at` ends in a comma that opens an aside of a few
    words after which the clause goes on with it (`claimed, without evidence, that`); None when
    it does not."""
    if not tokens[at].endswith(","):
        return None
    return next((end + 1 for end in range(at + 1, min(len(tokens) - 1, at + 1 + LONGEST_ASIDE))
                 if tokens[end].endswith(",") and bare_word(tokens[end + 1]) == "that"), None)


# Prepositions after `told` that make it a participle, what was told (`a story told from a
# woman's point of view`, `a tale told by an idiot`): as a verb it names whom it told first.
_AFTER_TOLD_AS_A_PARTICIPLE = word_set("from by through in")
_BE_OR_TO = BE | word_set("to")


def _names_no_source(tokens: list[str], verb: int) -> bool:
    """Whether the verb is passive (`was told`, `is clearly explained`, `nowhere is the
    hypothesis confirmed`, `history told from a woman's point of view`), an infinitive (`that is
    to say`), compared (`easier said than done`), what someone might have said but did not
    (`should have said`, `would never have told`) or a first-person hedge
    (`_is_a_first_person_hedge`)."""
    if verb + 1 < len(tokens) and bare_word(tokens[verb + 1]) == "than" or _is_inverted_passive(tokens, verb):
        return True
    if (bare_word(tokens[verb]) == "told" and verb + 1 < len(tokens) and not ends_clause(tokens[verb])
            and bare_word(tokens[verb + 1]) in _AFTER_TOLD_AS_A_PARTICIPLE):
        return True
    if _is_a_first_person_hedge(tokens, verb):
        return True
    before = _before_adverbs(tokens, verb)
    if before >= 0 and bare_word(tokens[before]) == "have":
        modal = _before_adverbs(tokens, before)
        return modal >= 0 and bare_word(tokens[modal]) in MODALS
    return before >= 0 and bare_word(tokens[before]) in _BE_OR_TO


# The first persons of a hedge (`I would say`, `we would say`), and the same with `would` on them.
_FIRST_PERSONS = word_set("i we")
_FIRST_PERSONS_WOULD = word_set("i'd i’d we'd we’d")


def _is_a_first_person_hedge(tokens: list[str], verb: int) -> bool:
    """Whether the verb is the `say` of `I would say`, `I'd say` or `we would say` (`I would not
    say`), which hedges the speaker's own words and reports none: a quotation's words when a
    quotation holds it. `He would say only that …` reports, and so do `I said` and `we say`."""
    if bare_word(tokens[verb]) != "say":
        return False
    before = _before_adverbs(tokens, verb)
    if before < 0:
        return False
    if bare_word(tokens[before]) in _FIRST_PERSONS_WOULD:
        return True
    return (before > 0 and bare_word(tokens[before]) == "would"
            and bare_word(tokens[before - 1]) in _FIRST_PERSONS)


# Words that put `be` before its subject when they begin a clause (`Not everywhere is …`), and
# the adverbs that may stand with them.
_INVERTING = word_set("not nowhere everywhere never rarely seldom only hardly nor neither")
_BEFORE_INVERTED_BE = _INVERTING | ADVERBS


def _is_inverted_passive(tokens: list[str], verb: int) -> bool:
    """Whether the verb ends a passive whose form of `be` begins its clause, after no words or
    only words that put it first (`Is the report confirmed?`, `Not everywhere is the 'great hunt'
    or 'overkill' hypothesis confirmed.`)."""
    start = verb
    while start > 0 and not ends_clause(tokens[start - 1]):
        start -= 1
        if verb - start >= LONGEST_READ_BACK:
            return False  # read as though its clause began with another word
    be = next((at for at in range(start, verb) if bare_word(tokens[at]) not in _BEFORE_INVERTED_BE), verb)
    return be < verb - 1 and bare_word(tokens[be]) in BE


def _before_adverbs(tokens: list[str], at: int) -> int:
    """Where the word before the token at `at` stands, past the adverbs between them (-1: none)."""
    before = at - 1
    while before >= 0 and (bare_word(tokens[before]) in ADVERBS or bare_word(tokens[before]).endswith("ly")):
        before -= 1
    return before


def _asks_what_to_say(tokens: list[str], verb: int, clause_end: int) -> bool:
    """Whether the verb is a `say` that asks, in a clause that ends in a question mark, not one
    closing a quotation (`Why not simply say it?`, `What can they say?`; not `They say "why?"`): it
    reports nothing. `clause_end` is the first token from the verb on that ends a clause."""
    return (bare_word(tokens[verb]) == "say" and clause_end < len(tokens)
            and tokens[clause_end].endswith("?"))


def _bids_to_say(tokens: list[str], verb: int) -> bool:
    """Whether the verb is a `say` that begins its sentence, or that only words that bid or focus
    it go before (`BIDDING_WORDS`), an imperative (`Say hello to the chairman.`, `The war is over.
    Say goodbye.`, `Please say hello.`, `Just say no.`): it reports nothing, where one after a
    quotation or a comma has its source after it (`“Go home!” say protesters.`, `…, say
    officials.`), but for the comma of a `please` that bids it (`Please, say hello to him.`) and
    one after a phrase that opens the sentence before no subject the verb agrees with (`John, say
    hello to him.`: `_follows_an_opening_phrase`, `_may_be_its_inverted_subject`). A capitalised
    first word after an abbreviation goes on its sentence (`Officials in the U.S. Say …`). The
    price: an inversion that opens its sentence, `Say the critics, …`, names none."""
    if bare_word(tokens[verb]) != "say":
        return False
    first = verb
    while (first > 0 and bare_word(tokens[first - 1]) in BIDDING_WORDS
           and (not ends_clause(tokens[first - 1]) or _is_a_comma_after_please(tokens[first - 1]))):
        first -= 1
    if first == 0:
        return True
    before = tokens[first - 1]
    if tokens[first][:1].isupper() and before[-1:] in ".!?" and ends_clause(before):
        return True
    return _follows_an_opening_phrase(tokens, first) and not _may_be_its_inverted_subject(tokens, verb)


def _is_a_comma_after_please(token: str) -> bool:
    """Whether the token is `please` and a comma (`Please, say hello.`), which bids the verb after
    it as `Please say hello.` does; after other words that bid a verb a comma may begin a source
    inverted after it (`Now, say officials, the focus shifts.`)."""
    return token.endswith(",") and bare_word(token) == "please"


# The most words of a phrase that opens a sentence before a comma and a `say` it bids (`Ladies and
# gentlemen, say …`); the words before the comma of an inversion are most often a clause.
_LONGEST_OPENING_PHRASE = 4


def _follows_an_opening_phrase(tokens: list[str], first: int) -> bool:
    """Whether the token before `first` ends in a comma a short phrase that opens its sentence
    ends, without a word that may be a verb or a quotation mark: whom a `say` after it bids or an
    adverb (`John, say hello.`, `Mr President, say …`, `Today, say …`), or what an inversion
    reports (`Yes, say officials.`, `Now, say officials, …`), told apart by the words after the
    verb (`_may_be_its_inverted_subject`). A clause before the comma is what was said (`The war
    is over, say officials.`), as a quotation is (`“Go home,” say protesters.`)."""
    if not tokens[first - 1].endswith(","):
        return False
    start = first - 1
    while start > 0 and not ends_a_sentence(tokens[start - 1]):
        start -= 1
        if first - start > _LONGEST_OPENING_PHRASE:
            return False
    phrase = tokens[start:first]
    return not (any(map(ends_clause, phrase[:-1]))
                or any(may_be_a_verb(token) or holds_quotation_marks(token) for token in phrase))


# Plurals without an s that may be the subject of a `say` inverted after it (`…, say police.`).
_PLURALS_WITHOUT_S = word_set("people police staff media men women children")
# Words said that end in -s, no plural that may be such a subject (`Kids, say thanks.`, `say yes`).
_SAID_WORDS_IN_S = word_set("thanks yes cheers congrats kudos")
# Words that end the phrase after a `say`, its object's or its inverted subject's: a word that
# begins a clause, a pronoun, or a preposition (`say hello to him`, `say officials at the
# Pentagon`).
_ENDS_PHRASE_AFTER_SAY = AFTER_SOURCE | word_set("to of for with from by")


def _may_be_its_inverted_subject(tokens: list[str], verb: int) -> bool:
    """Whether the phrase after the `say` at `verb` may be its subject, inverted after it: its
    last word, before a clause's end or a word of `_ENDS_PHRASE_AFTER_SAY`, is capitalised (a
    name, `say Labour`), a plural in -s (`say US officials`, not -ss, nor one of
    `_SAID_WORDS_IN_S`: `Kids, say thanks.`) or one of `_PLURALS_WITHOUT_S`, as the bare `say`
    agrees with a plural; `say hello to him`, `say something nice`, `say cheese` and `say it`
    hold none. The price: a plural said, `Kids, say your prayers.`, reads as a source."""
    last = last_word_of_phrase(tokens, verb + 1, _ENDS_PHRASE_AFTER_SAY)
    if last is None:
        return False
    word = bare_word(last)
    return (last[:1].isupper() or word in _PLURALS_WITHOUT_S
            or word.endswith("s") and not word.endswith("ss") and word not in _SAID_WORDS_IN_S)


def _is_the_name_said(tokens: list[str], at: int, title_case: bool) -> bool:
    """Whether the `Said` at `at` is a name, where the verb would most often be lower case: it
    begins the text, before a capitalised word (`Said Jalili, a former negotiator, …`), or
    follows a capitalised word of its clause (`Edward Said, the critic, wrote …`), outside a
    headline in title case, where every word is capitalised (`Pompeo Said Iran Would Pay`), unless
    a comma follows it there too, as the verb of a headline has words after it (`Edward Said, from
    Columbia University.`), where no quotation opens after the comma, which the verb introduces
    (`Biden Said, “We Will Win”`)."""
    if tokens[at].strip(WORD_PUNCTUATION) != "Said":
        return False
    if at == 0:
        return len(tokens) > 1 and tokens[1][:1].isupper()
    quotation_follows = at + 1 < len(tokens) and tokens[at + 1][:1] in OPENING_QUOTATION_MARKS
    name_possible = not title_case or tokens[at].endswith(",") and not quotation_follows
    return name_possible and tokens[at - 1][:1].isupper() and not ends_clause(tokens[at - 1])


def attributions_in(text: str, quote_open: str = "") -> list[tuple[str, ...]]:
    """The sources of the text's attributions, in order, each as its words (lower case, without
    the punctuation around them, accents taken off); an attribution whose source is only words of
    its clause (`who said`, `according to which`) is left out. A headline's source after its last
    colon (`headline_source`) comes last. `quote_open` is the mark of a quotation that an earlier
    sentence opened and that goes on in the text (`We will not wait, as I said,” he said.`), whose
    reporting verbs up to its closing mark are the speaker's words (`_quoted_tokens`)."""
    source = headline_source(text)
    return [*_sources_at_verbs(text, quote_open), *([source] if source else [])]


def participle_subjects(text: str, quote_open: str = "") -> list[tuple[str, ...]]:
    """The subjects of the participles after a comma the text holds outside its quotations (`X,
    saying that Y.`), one for each, in order: each reports for its clause's subject, which it does
    not repeat, so names no source of its own (`PARTICIPLES`). A subject is read as the source
    before the first word of the clause the comma ends that may be a verb (`Iran fired missiles,
    saying …`: `iran`; `On Tuesday, Iranian forces fired …`: `iranian forces`), past an aside
    between commas where that verb opens its clause (`Esper, the defence secretary, ordered …`:
    `esper`), and in the clause before an aside of a noun that holds none (`Trump fired Esper, his
    defence secretary, saying …`: `trump`); () where none is (`Iran strikes bases, saying …`, whose
    verb in -s is not told from a plural noun). `quote_open` is read as `attributions_in` reads it."""
    if not any(word in text.casefold() for word in PARTICIPLES):
        return []
    tokens = text_tokens(text)
    quoted = _quoted_tokens(tokens, quote_open)
    return [_subject_of_clause_before(tokens, at) for at in range(1, len(tokens))
            if bare_word(tokens[at]) in PARTICIPLES and tokens[at - 1].endswith(",")
            and at not in quoted]


def _subject_of_clause_before(tokens: list[str], at: int) -> tuple[str, ...]:
    """The subject of the clause that ends before the token at `at` (`participle_subjects`): the
    source before its first word that may be a verb (`_first_verb`), or where that word opens the
    clause after an aside between commas or dashes, the subject before the aside (`Iran, which
    denies it, fired …`: `subject_before_aside`). Where the clause holds no verb and follows a
    comma, it is an aside of a noun (`…, his defence secretary,`, `…, a base used by U.S.
    troops,`), and the clause before that comma is read. () where no subject is read. The price:
    a participle of the noun's own is read as the clause's (`Officials quoted Esper, the defence
    secretary, saying …`: `officials`)."""
    end = at
    while True:
        start = end - 1
        while start > 0 and not ends_clause(tokens[start - 1]) and at - start < LONGEST_READ_BACK:
            start -= 1
        verb = _first_verb(tokens, start, end)
        if verb is not None:
            break
        if start == 0 or not tokens[start - 1].endswith(",") or at - start >= LONGEST_READ_BACK:
            return ()
        end = start
    subject = source_before(tokens, verb) if verb > start else subject_before_aside(tokens, verb)
    return subject if names_someone(subject) else ()


def _first_verb(tokens: list[str], start: int, end: int) -> int | None:
    """Where the first word from `start` to `end` that may be a verb stands, but for a word in -ed
    before `by`, a participle of a passive without its `be` (`a base used by U.S. troops`), which
    describes a noun; None when there is none."""
    return next((at for at in range(start, end) if may_be_a_verb(tokens[at])
                 and not (at + 1 < end and bare_word(tokens[at]).endswith("ed")
                          and bare_word(tokens[at + 1]) == "by")), None)


def _quoted_tokens(tokens: list[str], quote_open: str = "") -> set[int]:
    """The places of the tokens inside a quotation that opens and closes in them (`"We will
    respond, as I said," he said`: `"We` to `said,"`), or that `quote_open`, the mark of a
    quotation an earlier sentence opened, opens before the first and that closes in them (`We
    will not wait, as I said,” he said`: `We` to `said,”`), whose reporting verbs are the
    speaker's words, no attribution of the text. It closes at its closing mark anywhere in a
    token, an apostrophe aside (`"Bad Side"(Lil Wayne`, `‘We don’t know,’`). A quotation left
    open holds none, as a stray mark may open it."""
    quoted: set[int] = set()
    closing = CLOSING_MARKS_OF.get(quote_open, "")
    opened = 0 if closing else None
    for at, token in enumerate(tokens):
        rest = token
        if opened is None:
            if not opens_quotation(token):
                continue
            opened, closing, rest = at, CLOSING_MARKS_OF[token[0]], token[1:]
        if (any(mark in rest for mark in closing)  # most tokens hold none: no apostrophes to take
                and any(mark in APOSTROPHE.sub("", rest) for mark in closing)):
            quoted.update(range(opened, at + 1))
            opened = None
    return quoted


def _clause_end_finder(tokens: list[str]) -> Callable[[int], int]:
    """A function of a place in the tokens that gives the first token from it on that ends a
    clause (`len(tokens)` if none does). It reads the tokens when first asked, and keeps what it
    found for the tokens it passed: most sentences are never asked."""
    ends: dict[int, int] = {}

    def clause_end(start: int) -> int:
        at = start
        while at not in ends and at < len(tokens) and not ends_clause(tokens[at]):
            at += 1
        end = ends.get(at, at)
        ends.update(dict.fromkeys(range(start, at + 1), end))
        return end

    return clause_end


def _sources_at_verbs(text: str, quote_open: str) -> list[tuple[str, ...]]:
    """The sources of the text's reporting verbs and of `according to` and `citing`, outside the
    quotations it holds and the one `quote_open` goes on (`_quoted_tokens`)."""
    if not REPORTING_WORD.search(text.casefold()):
        return []
    tokens = text_tokens(text)
    if "'" in text or "‘" in text:  # what opens a single quotation: most texts hold neither
        tokens = single_quotations_doubled(tokens)
    bare = [bare_word(token) for token in tokens]
    title_case = "Said" in text and is_title_case(tokens)  # asked of a capitalised `Said` only
    clause_end = _clause_end_finder(tokens)
    quoted = (_quoted_tokens(tokens, quote_open)
              if quote_open or any(mark in text for mark in CLOSING_MARKS_OF) else set())
    found = []
    for at, word in enumerate(bare):
        if word not in READ_AT or at in quoted:
            continue
        for opening, length in INTRODUCERS.items():
            if (word == opening[0] and tuple(bare[at:at + length]) == opening
                    and introducer_attributes(tokens, at, length, clause_end(at + length))):
                found.append(introduced_source(tokens, at, length, clause_end(at + length)))
        if word == "per" and per_gives_a_source(tokens, at):
            found.append(source_after(tokens, at))
        if (word not in SPEECH and not (word in CLAUSE_END_VERBS and _reports_where_it_stands(tokens, at))
                and not (word in AFTER_QUOTATION_VERBS and _follows_what_was_said(tokens, at))
                and not (word in AFTER_NAME_VERBS and _follows_a_name(tokens, at)
                         and (_ends_its_clause(tokens, at) or _cites_next(tokens, at)
                              or _reports_a_clause_without_that(tokens, at))
                         and not _is_the_subject_of_a_later_verb(tokens, at))):
            continue
        if (word in PARTICIPLES or _names_no_source(tokens, at) or _is_the_name_said(tokens, at, title_case)
                or _asks_what_to_say(tokens, at, clause_end(at)) or _bids_to_say(tokens, at)):
            continue
        follows_a_break = at == 0 or ends_clause(tokens[at - 1])
        if follows_a_break and _goes_on_after_a_conjunction(tokens, at):
            continue
        inverted = source_after_quoted_words(tokens, at) if at + 1 < len(tokens) else ()
        subject_in_marks = subject_after_marks(tokens, at) if follows_a_break and not inverted else ()
        if inverted:  # `‘Devastating’ says minister`
            found.append(inverted)
        elif subject_in_marks:  # `"Smith" said hi.`
            found.append(subject_in_marks)
        elif follows_a_break and at + 1 < len(tokens):  # `,” said Milley`
            speaker = speaker_after(tokens, at)
            found.append(subject_before_aside(tokens, at, source_after_verb=names_someone(speaker))
                         or speaker)
        else:
            before = source_before(tokens, at)
            is_a_number = bool(before) and not names_someone(before)
            found.append(speaker_after(tokens, at) if is_a_number and at + 1 < len(tokens) else before)
    return [source for source in found if names_someone(source)]
