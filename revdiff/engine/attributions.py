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
its titles and first names set aside, is one source (`Gen. Mark Milley`, `Milley`: `_same_name`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from revdiff.engine.headlines import MEDIA_NOUNS, WORD_PUNCTUATION, headline_source_words
from revdiff.engine.sentences import MONTHS, is_abbreviation, word_set

# Verbs that report speech wherever they stand (`said`, `told`).
_SPEECH = word_set("say says said saying told tweeted")
# Verbs that report speech at the end of a clause (`, he added.`, `the Post reported.`), or after
# a quotation, but not before their object (`added 3,000 troops`, `reported cases`). Forms that
# are also nouns (`this report.`, `the United States.`, `a claim`) are left out.
_CLAUSE_END_VERBS = word_set(
    "adds added writes wrote reported confirms confirmed announces announced noted stated claimed "
    "insists insisted warns warned explains explained admits admitted acknowledges acknowledged "
    "denies denied alleges alleged argues argued declares declared"
)
# Verbs that report speech only after a quotation (`“…,” Trump posted.`; not `The company posted
# a loss.`, `the video he posted.`, `a “statement” posted online`).
_AFTER_QUOTATION_VERBS = word_set("posted")
# Verbs that report speech only in lower case after a name that begins its clause, or words of
# news media that do (`state media`), and at the end of the clause, before a quotation or a clause
# it reports, with `that` or without, or before `citing` (`…, CNN reports.`, `“…,” the Post reports
# Friday.`, `The Times reports that …`, `CNN reports the base was hit`, `…, Fox News reports citing
# officials`, `…, state media reports.`); a noun too (`Iran denied the reports.`, `according to
# local reports.`, `Iran Denies Reports`, `the reports citing officials were false`, `CNN reports
# of casualties`, `Local reports that the base was hit were false`).
_AFTER_NAME_VERBS = word_set("reports")
# Words in lower case that may stand in a name of news media after its capitalised first word
# (`Iranian state media`, `Syria's official news agency`), or make one alone when it ends in one
# of the nouns (`state media`, `the local news agency`; not `official reports`).
_MEDIA_WORDS = MEDIA_NOUNS | word_set("state state-run state-owned official local news")
# The end of a quotation of what was said, not of a word or phrase quoted: its closing mark after
# a stop (`,”`, `!”`, `.'`) or before a comma (`”,`); after the s of a plural, `’` is an apostrophe.
_SAID_QUOTATION_END = re.compile(r"[,.!?…][”\"»’']$|(?:[”\"»]|(?<!s)’),$")
# Words of time after such a verb that still leave its clause ended (`reported Friday.`).
_AFTER_CLAUSE_END = word_set(
    "late early earlier later today tonight yesterday monday tuesday wednesday thursday friday "
    "saturday sunday"
)
# Words that are part of the verb or the clause around it, not of the source (`has said`, `who
# told`, `also added`, `should say`; not `may`, a name too: `Theresa May said`).
_NOT_SOURCE = word_set(
    "a an the and but or also has have had was were is are been be being will would could "
    "should might must can shall did does do then later earlier previously reportedly who which "
    "that in on at of for to by with this"
)
# Words that begin another clause: a source read before its verb starts after them (`… were
# being assessed and Trump said`, `showed footage of what it said were missiles`), one read after
# it ends before them.
_CLAUSE_WORDS = word_set(
    "and but or nor so yet while as because after before when whenever that which who whom "
    "whose where although though since if whereas what how why"
)
# Words that also end a source read after its verb (`said the Pentagon in a statement`), or
# after `according to` (`according to interviews they were …`).
_AFTER_SOURCE = _CLAUSE_WORDS | word_set(
    "in on at during about he she it they we i you is are was were has have had will would"
)
# A verb after a form of `be` is passive (`was told to leave`, `can be told apart`, `was added`,
# `it is said`): it names no source. Adverbs may stand between them.
_BE = word_set("be is are was were been being am")
# A verb after one of these and `have` is a counterfactual or a guess (`should have said`).
_MODALS = word_set("should would could might must may")
# Adverbs of a verb, and words that go with its subject but may stand before it (`they all
# said`, `were all told`).
_ADVERBS = word_set(
    "also usually often widely commonly generally still not never reportedly first later then "
    "previously originally now already long all both each"
)
# Participles after a comma (`, saying that …`) have the clause's subject as their source, which
# they do not repeat: they are no attribution of their own.
_PARTICIPLES = word_set("saying")
# After `according to` or `citing`, the source runs to the next punctuation.
_INTRODUCERS = {("according", "to"): 2, ("citing",): 1}
# `per` (or `as per`) gives a source, to the next punctuation, only where it begins its sentence or
# follows a comma or a dash (`, per officials.`, `Per the Pentagon, …`, `As per the Pentagon, …`),
# and not before a word with a digit or one of these words, which it divides by (`per cent`, `per
# capita`, `, per day,`) or which makes an idiom with it (`as per usual`).
_NO_SOURCE_AFTER_PER = word_set("cent centum capita se annum diem day hour minute second week month "
                                "year person head share unit usual")
# The words an attribution is read at: a text's other words are passed over. Found anywhere in a
# text's lower case: a text without one (most sentences) names no source, and is not read word by
# word.
_READ_AT = (_SPEECH | _CLAUSE_END_VERBS | _AFTER_QUOTATION_VERBS | _AFTER_NAME_VERBS
            | {opening[0] for opening in _INTRODUCERS} | {"per"})
# `per` found as a word of its own: inside words (`percent`, `paper`, `expert`) it is common
_REPORTING_WORD = re.compile("|".join(sorted(_READ_AT - {"per"})) + r"|\bper\b")
_MOST_SOURCE_WORDS = 8
_LONGEST_ASIDE = 4  # words between the commas of an aside the source is read past
# Dashes around an aside, which may be longer than one between commas: commas also part clauses
# and the items of a list, dashes in pairs asides only.
_DASHES = ("—", "–")
_ASIDE_MARKS = (",", *_DASHES)
_LONGEST_DASH_ASIDE = 16  # words between the dashes of an aside the source is read past
# Words of an aside that is a relative clause (`A U.S. official, who like others spoke on the
# condition of anonymity because …, said`), between commas or dashes.
_LONGEST_RELATIVE_ASIDE = 40
# Words read back for the start of a clause or a sentence: a longer run without one is read as
# though it had none, so that reading a text stays linear in its length.
_LONGEST_READ_BACK = 40
# A straight single mark after punctuation closes a quotation (`'We will respond,' he said`);
# after a letter it is most often an apostrophe (`the soldiers' commander said`), and so is a
# curly one after the s of a plural (`the soldiers’ commander said`).
_CLOSING_SINGLE = re.compile(r"[,;:.!?]'$|(?<!s)’$")
# A token that ends a clause ends in punctuation or a closing quotation mark (`_ends_clause`).
_CLAUSE_END_MARKS = ",;:.!?)]”\"»—–"
_CLAUSE_END = re.compile(rf"[{re.escape(_CLAUSE_END_MARKS)}]$|{_CLOSING_SINGLE.pattern}")
# The last characters `_CLAUSE_END` may match (with the single closing marks): a token ending in
# another (most words) is not searched, as a pattern anchored at the end is tried at every
# character of the token.
_CLAUSE_END_CHARS = frozenset(_CLAUSE_END_MARKS + "'’")
# A token that opens one: it begins with an opening quotation mark or bracket.
_OPENS_CLAUSE = re.compile(r"^[(\[“\"«‘—–]")
# The marks that open a quotation at a token's start (a single one that does is written `“` by
# `_single_quotations_doubled`, or stays `‘`).
_OPENING_QUOTATION_MARKS = "“\"«„‘"


# A single mark that opens a quotation: before a letter at a token's start (`‘We`, not `'90s`).
_OPENING_SINGLE = re.compile(r"^['‘](?=[^\W\d_])")
# Words whose first letters the mark before them stands for (`let 'em play`, `‘Tis the season`):
# that mark opens no quotation.
_ELIDED_WORDS = word_set("em tis twas til cause bout n")


def _opens_single_quotation(token: str) -> bool:
    """Whether a token begins with a single mark that opens a quotation (`‘We`, not `'em`)."""
    return (token[:1] in "'‘" and bool(_OPENING_SINGLE.match(token))
            and token[1:].strip(WORD_PUNCTUATION).lower() not in _ELIDED_WORDS)


def _single_quotations_doubled(tokens: list[str]) -> list[str]:
    """The tokens, where a quotation in single marks that closes after an s (`‘We have the
    documents’ says minister`), which `_CLOSING_SINGLE` reads as a plural's apostrophe (`the
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


def _ends_clause(token: str) -> bool:
    """Whether a token ends a clause: it ends in punctuation or a closing quotation mark, and is
    no abbreviation (`Gen.`, `U.S.`), a handle's `@` or a hashtag's `#` before it or not (`@U.S.`)."""
    return (token[-1:] in _CLAUSE_END_CHARS and bool(_CLAUSE_END.search(token))
            and not (token.endswith(".") and is_abbreviation(token.lstrip("@#"))))


def _bare(token: str) -> str:
    return token.strip(WORD_PUNCTUATION).casefold()


def _unaccented(word: str) -> str:
    """A source word as sources are compared: `Cortés` and `Cortes` are one source."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


# Words that join sources into one (`officials and police`, `police or hospital officials`,
# `Neither Iran nor Iraq`): part of its name between two of its words.
_JOINING_WORDS = word_set("and or nor")
# Words before sources joined by `and`, `or` or `nor` that pair them (`Both the Pentagon and Iran
# said`, `Neither the Pentagon nor Iran said`): no part of their name.
_PAIRING_WORDS = word_set("both either neither")


def _source_words(words: list[str]) -> tuple[str, ...]:
    """The words that name a source: without the words of the verb or clause around it
    (`_NOT_SOURCE`), but for an `and`, `or` or `nor` that joins two of its words, and without a
    web address, a reference set in the text (`…created."http://… NASA reported` names `nasa`)."""
    named = [_unaccented(word) for word in map(_source_word, words)
             if word and (word not in _NOT_SOURCE or word in _JOINING_WORDS) and "://" not in word]
    while named and named[0] in _JOINING_WORDS:
        named.pop(0)
    while named and named[-1] in _JOINING_WORDS:
        named.pop()
    return tuple(named)


def _source_word(token: str) -> str:
    """A word of a source as it is named: bare (`_bare`) and without any other punctuation around
    its letters or digits (a handle's `@`, a hashtag's `#`: `@NASA` is `nasa`, as the flags take
    `@NASA` for `NASA` with punctuation; a lone `&` is kept), but for the last dot of a dotted
    abbreviation, which the punctuation around it took (`U.S.` is `u.s.`, not `u.s`); the full
    stop after another dotted word ends the sentence (`said Booking.com.` is `booking.com`)."""
    word = _without_punctuation_around(_bare(token))
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


# Nouns ending in -ly that may be a source (`the family said`), and the words after which a
# word in -ly is a noun or an adjective, not an adverb (`the weekly said`).
_LY_NOUNS = word_set("family ally assembly rally supply anomaly monopoly bully daily weekly "
                     "monthly quarterly")
_DETERMINERS = word_set("the a an his her their its our my your this that these those")


def _is_adverb(tokens: list[str], at: int) -> bool:
    """Whether the token at `at`, just before a reporting verb, is an adverb of it (`now`,
    `repeatedly`, `has long said`, `have since said`) and no part of its source."""
    token, word = tokens[at], _bare(tokens[at])
    if _ends_clause(token) or _OPENS_CLAUSE.search(token):
        return False
    before = _bare(tokens[at - 1]) if at > 0 else ""
    if word == "since":
        return before in {"has", "have", "had"}
    if word in _ADVERBS:
        return True
    return (token.islower() and word.endswith("ly") and len(word) > 4
            and word not in _LY_NOUNS and before not in _DETERMINERS)


# Words of a verb: an aside that holds one is a clause (`Troops will stay, for now, said Esper`).
_VERB_WORDS = word_set(
    "is are was were be been being am has have had will would can could may might shall should "
    "must do does did"
)
# Words that may be a verb (`_may_be_a_verb`), a word in -ed aside.
_VERB_LIKE = _VERB_WORDS | _SPEECH | _CLAUSE_END_VERBS


def _first_of_joined_sources(tokens: list[str], joining: int) -> int | None:
    """Where a source joined by the `and`, `or` or `nor` at `joining` to the source after it
    begins: the words before it, back to the text's start, punctuation, words that say when or a
    verb of speech (`_source_begins_after`), are one word (`police and hospital officials said`),
    names (`The Pentagon and the State Department said`) or a source's noun with the words that
    say whose it is (`Iraqi militia officials and the country's state TV channel said`), and no
    verb; and so are the items of a list before them (`France, Russia and China said`, `France,
    Russia, and China said`), past a word that pairs them (`Both the Pentagon and Iran said`,
    `Neither the Pentagon nor Iran said`). None when they may be a clause (`Casualties were
    assessed and Trump said`, `Rockets hit and officials said`, `Protesters fought police and
    officials said`) or `joining` is another word."""
    if _bare(tokens[joining]) not in _JOINING_WORDS:
        return None
    start = _source_item_start(tokens, joining)
    if start is None:
        return None
    items = 1
    while start > 0 and tokens[start - 1].endswith(",") and joining - start < _LONGEST_READ_BACK:
        earlier = _source_item_start(tokens, start)
        if earlier is None or any(_bare(word) in _NO_LIST_ITEM or _bare(word).endswith("ly")
                                  for word in tokens[earlier:start]):
            break  # no list, but a clause before it (`However, police and officials said`)
        start, items = earlier, items + 1
    if items == 1 and tokens[joining - 1].endswith(","):
        return None  # a clause joined after a comma (`Iran, and officials said`), not a list
    return start


def _source_item_start(tokens: list[str], end: int) -> int | None:
    """Where the source or item of a list that ends before `end` (in a comma if it is an item
    before another) begins: see `_first_of_joined_sources`; None when it is no source."""
    if end == 0 or _ends_clause(tokens[end - 1]) and not tokens[end - 1].endswith(","):
        return None  # (`Yes. And officials said`)
    start = end - 1  # back to punctuation or words that say when (`Last week Iran and Iraq said`)
    while start > 0 and not _source_begins_after(tokens, start - 1) and end - start < _MOST_SOURCE_WORDS:
        start -= 1
    if start > 0 and not _source_begins_after(tokens, start - 1):
        return None  # more words than a source's
    start = _past_whom_it_was_told(tokens, start, end)
    if _bare(tokens[start]) in _PAIRING_WORDS and start + 1 < end:
        start += 1
    words = tokens[start:end]
    names = words[1:] if _bare(words[0]) in _DETERMINERS else words
    if len(words) > 1 and not all(word[:1].isupper() for word in names) and not _is_whose_source(names):
        return None
    if any(_bare(word) in _CLAUSE_WORDS or _may_be_a_verb(word) for word in words):
        return None
    return start


def _source_begins_after(tokens: list[str], at: int) -> bool:
    """Whether a source (or an item of a list of them) read back before its verb begins after the
    token at `at`: it ends a clause, ends words that say when (`Last week Iran and Iraq said`) or
    is a verb of speech whose reported words the source begins (`He said the Pentagon and Iran
    told him`)."""
    return _ends_clause(tokens[at]) or _ends_a_time(tokens, at) or _begins_what_is_said(tokens[at])


# Nouns that name a source (`officials`, `the channel`), and the words in lower case that may say
# whose it is before it (`militia officials`, `state TV`): `Iraqi militia officials` is a source,
# `Protesters fought police` a clause.
_SOURCE_NOUNS = word_set(
    "officials official sources spokesman spokeswoman spokesperson authorities diplomats "
    "commanders officers lawmakers leaders ministry agency media channel television tv police"
)
_WHOSE_WORDS = _SOURCE_NOUNS | word_set(
    "militia state security military government senior local health hospital defense defence "
    "foreign intelligence administration army party news country's country’s"
)
# Words that begin a clause before a list rather than stand in it (`However, police and
# officials said`, `On Friday, police and officials said`); words in -ly too.
_NO_LIST_ITEM = _AFTER_CLAUSE_END | word_set(
    "however meanwhile moreover instead still separately now then thus therefore nevertheless "
    "nonetheless overall again here there last next on in at for by with since after before "
    "during"
)


def _is_whose_source(words: list[str]) -> bool:
    """Whether the words are a source's noun after words that say whose it is, in capitals or of
    `_WHOSE_WORDS` (`Iraqi militia officials`, `country's state TV channel`)."""
    return (_bare(words[-1]) in _SOURCE_NOUNS
            and all(word[:1].isupper() or _bare(word) in _WHOSE_WORDS for word in words[:-1]))


def _may_be_a_verb(token: str) -> bool:
    """Whether a token may be a verb: a word of a verb, a reporting verb or a word in -ed in lower
    case (`arrived`)."""
    word = _bare(token)
    return word in _VERB_LIKE or token.islower() and word.endswith("ed")


# A verb of speech whose object, whom it was said to, stands between it and the words it reports
# (`He told reporters the officials said so`), and the pronouns that may be such an object alone.
_SPEECH_TO_SOMEONE = word_set("told")
_OBJECT_PRONOUNS = word_set("me him her us them")
# The plural nouns of a source, which say whose no noun after them is, as `police` and `state` do
# (`police officials`): after a verb of speech, one before the source ends its object (`told
# lawmakers military officials said`).
_PLURAL_SOURCE_NOUNS = frozenset(noun for noun in _SOURCE_NOUNS if noun.endswith("s"))


def _past_whom_it_was_told(tokens: list[str], start: int, end: int) -> int:
    """Where a source read back from `end` to a verb of speech with an object before `start`
    begins: past that object, a pronoun (`told him officials said`), the words before a
    determiner after its first word (`told reporters the officials said`, `told a group of
    reporters the officials said`) or, without one, the words up to the last in lower case before
    the source's last word that does not say whose it is or is a plural noun of a source (`told
    reporters officials said`, `told reporters Pentagon officials said`, `told reporters state
    media said`, `told lawmakers military officials said`); at `start` when no such verb stands
    there or the words hold no object (`was told senior officials said`)."""
    if start == 0 or not (tokens[start - 1][:1].islower() and _bare(tokens[start - 1]) in _SPEECH_TO_SOMEONE):
        return start
    if _bare(tokens[start]) in _OBJECT_PRONOUNS:
        return start + 1
    determiner = next((at for at in range(start + 1, end - 1) if _bare(tokens[at]) in _DETERMINERS), None)
    if determiner is not None:
        return determiner
    object_end = next((at for at in range(end - 2, start - 1, -1)
                       if tokens[at].islower() and (_bare(tokens[at]) not in _WHOSE_WORDS
                                                    or _bare(tokens[at]) in _PLURAL_SOURCE_NOUNS)), None)
    return start if object_end is None else object_end + 1


# Verbs of thought, after which may come a clause without `that`, as after a verb of speech
# (`They believe officials told him`).
_THOUGHT = word_set(
    "believe believes believed think thinks know knows knew suspect suspects suspected fear fears "
    "feared assume assumes assumed understand understands understood hope hopes hoped"
)


def _begins_what_is_said(token: str) -> bool:
    """Whether the token is a verb of speech or thought in lower case (`said`, `told`, `believe`,
    `knows`), after which come the words it reports: a source read back before a later verb begins
    after it (`He said the officials told him` and `They believe officials told him` name
    `officials`)."""
    return token[:1].islower() and _bare(token) in _SPEECH | _THOUGHT


_DECADE = re.compile(r"(?:1\d|20)?\d0s")


def _is_a_year_or_decade_in(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` is a year after `in` or `since` (`in 2004`), or a decade after
    them and `the` (`in the 1990s`, `since the ’90s`)."""
    word = _bare(tokens[at])
    if at > 1 and _bare(tokens[at - 1]) == "the" and _DECADE.fullmatch(word):
        return _bare(tokens[at - 2]) in {"in", "since"}
    return (at > 0 and _bare(tokens[at - 1]) in {"in", "since"}
            and len(word) == 4 and word.isascii() and word.isdigit() and 1000 <= int(word) < 2100)


_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_DAYS_FROM_TODAY = word_set("yesterday today tonight")
# Nouns of a span of time, and the words before them that say which it is (`last week`, `that
# night`, `Friday morning`, `the next day`).
_SPANS = word_set("day week weekend month year morning afternoon evening night")
_WHICH_SPAN = _WEEKDAYS | _DAYS_FROM_TODAY | word_set("last this next that previous same earlier later")
# Words before a day or a month that make it a time (`on Friday`, `in January`, `late May`), not
# a name (`Theresa May`, `April Ryan`).
_BEFORE_A_DATE = word_set("on in since by until during early late mid last next this earlier later")


def _ends_a_time(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` ends words that say when, which a source read back before its
    verb does not go past (`Last week the Pentagon said`, `On Friday the minister told`, `In
    January officials said`, `On Jan. 8 Iran said`, `Two days ago Esper said`, `in 2004 Bergman
    said`): a year or decade after `in` (`_is_a_year_or_decade_in`), `ago`, a span of time after a
    word that says which, a month after a word of `_BEFORE_A_DATE` or a day's number that no
    punctuation ends (`8 April`; not `On April 8, April Ryan said`), the day's number after such a
    month or one that begins its clause (`Jan. 8 the Pentagon said`; not `The Jan. 6 committee
    said` nor, the date modifying the noun after it, `Jan. 6 committee members said`:
    `_names_an_event`), or a day of the week, `yesterday`, `today` or `tonight` but where a
    determiner stands before it (`the Today programme`) or, after no word of `_BEFORE_A_DATE`, a
    capitalised word after it (`Sunday Times`)."""
    word = _bare(tokens[at])
    before = _bare(tokens[at - 1]) if at > 0 else ""
    if word == "ago" or _is_a_year_or_decade_in(tokens, at):
        return True
    if word in _SPANS:
        return before in _WHICH_SPAN
    if word in MONTHS:
        return before in _BEFORE_A_DATE or before.isdigit() and not _ends_clause(tokens[at - 1])
    if word.isdigit() and len(word) <= 2:
        month_begins_its_clause = at == 1 or at > 1 and _ends_clause(tokens[at - 2])
        dates_its_clause = month_begins_its_clause and not _names_an_event(tokens, at)
        return before in MONTHS and (dates_its_clause or _ends_a_time(tokens, at - 1))
    if word in _WEEKDAYS | _DAYS_FROM_TODAY:
        if before in _BEFORE_A_DATE:
            return True
        name_after = (at + 1 < len(tokens) and tokens[at + 1][:1].isupper()
                      and _bare(tokens[at + 1]) not in _DETERMINERS)
        return before not in _DETERMINERS and not name_after
    return False


# Words that may stand in words that say when before the one that ends them (`on Friday`, `late
# Tuesday`, `last week`, `on Jan. 8`, `in 2004`).
_WORDS_OF_A_TIME = _BEFORE_A_DATE | _WHICH_SPAN | MONTHS


def _before_words_of_time(tokens: list[str], end: int) -> int:
    """Where words that say when between a source and its verb begin, when they end at `end`
    (`Pentagon officials on Wednesday said`, `Iran late Tuesday said`, `Bergman in 2004 said`);
    `end` when no such words end there, or nothing of a clause stands before them (`On Wednesday
    said`), where they are no part of a source either."""
    if end == 0 or not _ends_a_time(tokens, end - 1):
        return end
    start = end - 1
    while start > 0 and not _ends_clause(tokens[start - 1]) and (
            _bare(tokens[start - 1]) in _WORDS_OF_A_TIME or _ends_a_time(tokens, start - 1)):
        start -= 1
    if start == 0 or _ends_clause(tokens[start - 1]) or _bare(tokens[start - 1]) in _CLAUSE_WORDS:
        return end
    return start


def _names_an_event(tokens: list[str], day: int) -> bool:
    """Whether the date that ends in the day's number at `day` modifies the noun after it, as in
    `The Jan. 6 committee`: that noun is in lower case and is no word that may begin a subject
    alone, a determiner, a pronoun or a source's word of `_WHOSE_WORDS` (`Jan. 6 committee members
    said`, `Sept. 11 families said`; not `Jan. 8 the Pentagon said`, `Jan. 8 officials said`,
    `Jan. 8 state media said`)."""
    if _ends_clause(tokens[day]) or day + 1 >= len(tokens) or not tokens[day + 1][:1].islower():
        return False
    return _bare(tokens[day + 1]) not in _DETERMINERS | _SUBJECT_PRONOUNS | _WHOSE_WORDS


def _source_before(tokens: list[str], verb: int, *, after_aside: bool = False) -> tuple[str, ...]:
    """The source words before the verb, back to the nearest punctuation or clause word, past an
    aside between commas or dashes (`Mike Pompeo, meanwhile, has said`: read again from
    `Pompeo,`, whose comma `after_aside` lets through; `Russia and China — all permanent members
    of the Security Council — have all warned`)."""
    end = verb  # the source ends before the adverbs of the verb (`police initially said`)
    while end > 0 and not (after_aside and end == verb) and _is_adverb(tokens, end - 1):
        end -= 1
    if end < verb and (end == 0 or _ends_clause(tokens[end - 1]) or _bare(tokens[end - 1]) in _CLAUSE_WORDS):
        end = verb  # nothing before the adverbs: read them (`a silent film, deliverance, first told`)
    end = _before_words_of_time(tokens, end)
    start = end
    while start > 0 and verb - start < _MOST_SOURCE_WORDS:
        token = tokens[start - 1]
        through = after_aside and start == verb and token.endswith(_ASIDE_MARKS)
        if _ends_a_time(tokens, start - 1) or _begins_what_is_said(token):
            break  # `in 2004 Bergman said`, `he said officials told`: the source begins after it
        if not through and (_ends_clause(token) or _bare(token) in _CLAUSE_WORDS):
            joined = _first_of_joined_sources(tokens, start - 1)
            start = start if joined is None else joined
            break
        start -= 1
    start = _past_whom_it_was_told(tokens, start, end)
    source = _source_words(tokens[_past_a_reported_noun(tokens, start, end):end])
    mark = _aside_mark(tokens[start - 1]) if start > 0 else None
    if source or after_aside or mark is None:
        return source
    longest = _LONGEST_ASIDE if mark == "," else _LONGEST_DASH_ASIDE
    aside_start = next((at for at in range(start - 1, max(0, start - 1 - longest), -1)
                        if at > 0 and tokens[at - 1].endswith(mark)), None)
    if aside_start is None:
        return source
    return _source_before(tokens, aside_start, after_aside=True)


def _past_a_reported_noun(tokens: list[str], start: int, end: int) -> int:
    """Where the source in the words from `start` to `end` begins: at a determiner after a
    determiner and words in lower case, a noun of what the verb reports before its subject (`a
    claim the Pentagon denied`, `a false report the ministry confirmed` name `the Pentagon` and
    `the ministry`); at `start` when they hold none (`the head of the agency said`, `the country's
    state TV channel said`)."""
    if _bare(tokens[start]) not in _DETERMINERS:
        return start
    at = start + 1
    while at < end and tokens[at].islower() and _bare(tokens[at]) not in _NOT_SOURCE | _DETERMINERS:
        at += 1
    return at if start + 1 < at < end - 1 and _bare(tokens[at]) in _DETERMINERS else start


_QUOTES = "\"'“”‘’«»„"
# An apostrophe: a straight or curly single mark between letters (`Iran's`, `Iran’s`), after
# the s of a plural (`the soldiers' commander`) or for the century of a decade (`the ’90s`), which
# is no quotation mark.
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)|(?<=s)['’](?!\w)|(?<!\w)['’‘](?=\d0s\b)")


def _holds_quotation_marks(token: str) -> bool:
    """Whether the token holds a quotation mark, an apostrophe aside."""
    return any(mark in _APOSTROPHE.sub("", token) for mark in _QUOTES)


# Quotation marks that open and close a quotation in English, the opening mark first.
_QUOTATION_PAIRS = (("“", "”"), ("‘", "’"), ("«", "»"), ('"', '"'), ("'", "'"))


def _holds_whole_quotations(tokens: list[str]) -> bool:
    """Whether every quotation the tokens hold opens and closes in them (`chanting "Death to
    America",`; not `“We will win,`), apostrophes aside: the first mark opens one and each kind's
    marks pair up."""
    marks = [char for char in _APOSTROPHE.sub("", " ".join(tokens)) if char in _QUOTES]
    return not marks or marks[0] in {opening for opening, _ in _QUOTATION_PAIRS} and all(
        marks.count(opening) % 2 == 0 if opening == closing else marks.count(opening) == marks.count(closing)
        for opening, closing in _QUOTATION_PAIRS)


# A quotation, apostrophes taken out: the words in it are the speaker's, not those of the clause
# around it.
_QUOTATION = re.compile(r"“[^”]*”|‘[^’]*’|«[^»]*»|\"[^\"]*\"|'[^']*'")


def _words_outside_quotations(tokens: list[str]) -> list[str]:
    """The words of the tokens outside the quotations they hold (`chanting "Death to America is
    near",` holds `chanting` outside them), apostrophes aside."""
    return _QUOTATION.sub(" ", _APOSTROPHE.sub("", " ".join(tokens))).split()


def _is_lower_case_verb(token: str) -> bool:
    """Whether a token may be a verb written in lower case: a capitalised one inside a subject is
    a name (`Ahmed Said, 45, said`, `The Said family, in a statement, said`)."""
    word = token.strip(WORD_PUNCTUATION)
    return word[:1].islower() and _bare(word) in _VERB_LIKE


# Words that begin an aside as a relative clause (`Hefner, whose mansions had come under
# scrutiny, said`): the verbs in it are its own, and the words before it the verb's subject.
_RELATIVE_WORDS = word_set("who whom whose which")


def _aside_mark(token: str) -> str | None:
    """The comma or dash that ends the token, which may open or close an aside; None if none."""
    return next((mark for mark in _ASIDE_MARKS if token.endswith(mark)), None)


def _subject_before_aside(tokens: list[str], verb: int, *, past_an_age: bool = True) -> tuple[str, ...]:
    """The subject of a verb that follows an aside between commas or dashes (`Johnson, the prime
    minister, said the UK …`, `Smith, 45, said …`, `Hefner, whose mansions had come under
    scrutiny, said …`, `Officials — speaking anonymously — said …`): read back from the mark
    that opens the aside to the nearest punctuation or clause word. An aside between commas of
    more than a source's words is read past when it begins with a determiner or a relative word
    (`Col. Myles Caggins, a spokesman for the U.S.-led coalition against the Islamic State, said`)
    and the subject's start is found, and one of more than `_LONGEST_DASH_ASIDE` words only when
    it is a relative clause; the aside may hold whole quotations (`Khamenei, addressing
    crowds chanting "Death to America", said`). Empty when there is no such aside: the verb
    follows a quotation (`,” said Milley`, `"We will, if we must, fight on", said Esper`), or what
    stands before it reads as a clause (`Troops will stay, for now, said Esper`), and the source
    is read after the verb. A subject that is a number alone is an age in an aside before it, and
    `past_an_age` reads the subject before that aside (`Smith, 45, who had been warned, said`)."""
    if verb < 2:
        return ()
    closing = _aside_mark(tokens[verb - 1])
    if closing is None:
        return ()
    opening = next((at for at in range(verb - 1, max(0, verb - 1 - _LONGEST_RELATIVE_ASIDE), -1)
                    if at > 0 and tokens[at - 1].endswith(closing)), None)
    if opening is None or _bare(tokens[opening]) in {"and", "but", "or", "nor", "so", "yet"}:
        return ()  # (`We lost, and badly, said Smith`: no aside but a clause going on)
    if verb - opening > _LONGEST_DASH_ASIDE and _bare(tokens[opening]) not in _RELATIVE_WORDS:
        return ()  # longer than any aside but a relative clause
    long_aside = closing == "," and verb - opening > _MOST_SOURCE_WORDS
    if long_aside and _bare(tokens[opening]) not in _DETERMINERS | _RELATIVE_WORDS:
        return ()  # a long aside between commas is a noun's (`, a spokesman for …,`) or a clause
    start = opening - 1  # the subject's last word, `Johnson,`
    while (start > 0 and opening - start < _MOST_SOURCE_WORDS and not _source_begins_after(tokens, start - 1)
           and _bare(tokens[start - 1]) not in _CLAUSE_WORDS):
        start -= 1
    begins_its_clause = (start == 0 or _source_begins_after(tokens, start - 1)
                         or _bare(tokens[start - 1]) in _CLAUSE_WORDS)
    if long_aside and not begins_its_clause:
        return ()  # a subject whose start was not found, before an aside that may be a clause
    start = _past_whom_it_was_told(tokens, start, opening)
    subject = tokens[start:opening]
    words = tokens[start:verb]
    if _bare(tokens[opening]) in _RELATIVE_WORDS:  # a verb of its relative clause is no clause's
        words = subject
    if (any(_bare(word) in _VERB_WORDS for word in _words_outside_quotations(words))
            or any(_is_lower_case_verb(word) for word in subject)  # (`He said, no, said Smith`)
            or any(map(_holds_quotation_marks, subject))
            or not _holds_whole_quotations(tokens[opening:verb])):
        return ()
    if past_an_age and len(subject) == 1 and _bare(subject[0]).isdigit():
        return _subject_before_aside(tokens, opening, past_an_age=False)
    return _source_words(subject)


# The marks that may stand around a word of a subject (`"Smith" said`, `(@user) said`), each with
# its closing mark.
_MARKS_AROUND_A_WORD = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "(": ")", "[": "]"}
# Capitalised words a name in marks before a verb may have (`Rapper "Lil X" said`): more, or a word
# in lower case, are a quotation, what was said.
_LONGEST_NAME_IN_MARKS = 4


def _are_words_in_marks(words: list[str]) -> bool:
    """Whether the words are one word in quotation marks or brackets (`"Smith"`, `(@user)`), or a
    name of capitalised words in them (`"Lil X"`, `“Big Bad Wolf”`), no whole quotation, which
    ends in a stop before its closing mark (`"Wow!"`)."""
    text = " ".join(words)
    inner = text[1:-1]
    return (len(text) > 2 and text[-1] == _MARKS_AROUND_A_WORD.get(text[0]) and inner[-1] not in ",;:.!?…"
            and not _holds_quotation_marks(inner) and not any(mark in inner for mark in "()[]")
            and (len(words) == 1 or all(word[:1].isupper() for word in inner.split())))


def _start_of_words_in_marks(tokens: list[str], verb: int) -> int | None:
    """Where the words in quotation marks or brackets right before the verb begin
    (`_are_words_in_marks`: `"Smith" said`, `Rapper "Lil X" said`); None when there are none."""
    for start in range(verb - 1, max(-1, verb - 1 - _LONGEST_NAME_IN_MARKS), -1):
        if start < verb - 1 and _ends_clause(tokens[start]):
            return None
        if tokens[start][:1] in _MARKS_AROUND_A_WORD:
            return start if _are_words_in_marks(tokens[start:verb]) else None
    return None


def _subject_in_marks(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The subject of a verb right after words in quotation marks or brackets
    (`_start_of_words_in_marks`: `"Smith" said hi.`, `(@user) said hi.`, `The "Times" said`,
    `Rapper "Lil X" said hi.`): read back from them to the nearest punctuation or clause word.
    Empty when there are no such words, or the words read hold a verb, and the words are what was
    said (`He called it "terrorism" said Smith`)."""
    start = _start_of_words_in_marks(tokens, verb)
    if start is None:
        return ()
    while (start > 0 and verb - start < _MOST_SOURCE_WORDS and not _source_begins_after(tokens, start - 1)
           and _bare(tokens[start - 1]) not in _CLAUSE_WORDS):
        start -= 1
    words = tokens[start:verb]
    if any(_may_be_a_verb(word) for word in words):
        return ()
    source = _source_words(words)
    return source if _names_someone(source) else ()


# Nouns of a source that a headline names after its verb, inverted, as it quotes what was said
# before it (`‘Devastating’ says minister`, `'Shocking' say MPs`, `… says UN chief`).
_INVERTED_SOURCE_NOUNS = _SOURCE_NOUNS | word_set(
    "minister ministers mp mps pm chief chiefs boss bosses councillors experts doctors scientists "
    "unions union judge report study survey poll"
)


def _source_after_quoted_words(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The source after a verb that follows words in quotation marks, not brackets, which open
    their clause (`_start_of_words_in_marks`), a headline's inverted attribution of what was said: the words
    after the verb, when they read as a source, a source's noun after words that say whose it is
    or capitalised words that are no day or month (`‘Devastating’ says minister`, `'Shocking' say
    MPs`, `‘Devastating’ says Boris Johnson`). Empty otherwise, the quoted words the subject
    (`"Smith" said hi.`, `"Smith" said Tuesday.`, `"Smith" said Jones was right.`)."""
    start = _start_of_words_in_marks(tokens, verb)
    if start is None or tokens[start][0] in "([" or start > 0 and not _ends_clause(tokens[start - 1]):
        return ()
    source = _speaker_after(tokens, verb)
    if not source:
        return ()
    words = tokens[verb + 1:]
    end = next((at + 1 for at, token in enumerate(words) if _ends_clause(token)), len(words))
    named = [word for word in words[:end] if _bare(word) not in _DETERMINERS]
    if len(named) != len(source):
        return ()  # the source read ends before its clause does (`said Jones was right`)
    if _bare(named[-1]) in _INVERTED_SOURCE_NOUNS and all(
            word[:1].isupper() or _bare(word) in _WHOSE_WORDS for word in named[:-1]):
        return source
    is_a_name = all(word[:1].isupper() and _bare(word) not in _AFTER_CLAUSE_END | MONTHS for word in named)
    return source if is_a_name else ()


def _goes_on_after_a_conjunction(tokens: list[str], verb: int) -> bool:
    """Whether the verb follows an aside that opens after `and` or `but` (`Zarif called the attack
    an “act of terrorism” and, in a message on Twitter, said the United States “bears …`): it goes
    on a clause whose subject stands before them, and the words after it are what it reports, not
    its source."""
    closing = _aside_mark(tokens[verb - 1]) if verb > 0 else None
    if closing is None:
        return False
    opening = next((at for at in range(verb - 1, max(0, verb - 1 - _LONGEST_DASH_ASIDE), -1)
                    if at > 0 and tokens[at - 1].endswith(closing)), None)
    if opening is None:
        return False
    before = opening - 2 if tokens[opening - 1] in _DASHES and opening > 1 else opening - 1
    return _bare(tokens[before]) in {"and", "but"}


def _source_after(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The source words after the verb (`said Gen. Mark Milley, the chairman`), up to the
    nearest punctuation or a word that begins another clause or a place or time; none after
    `of`, which says whom or what it was said of (`“Hoozer”—said of anything large`)."""
    if verb + 1 < len(tokens) and _bare(tokens[verb + 1]) == "of":
        return ()
    end = verb + 1
    while end < len(tokens) and end - verb <= _MOST_SOURCE_WORDS:
        token = tokens[end]
        if _bare(token) in _AFTER_SOURCE or (end > verb + 1 and _OPENS_CLAUSE.search(token)):
            break
        end += 1
        if _ends_clause(token):
            break
    return _source_words(tokens[verb + 1:end])


def _speaker_after(tokens: list[str], verb: int) -> tuple[str, ...]:
    """The source after a reporting verb that follows a break (`,” said Gen. Mark Milley`); none
    when the words after it run into a verb (in lower case: not `said Theresa May`) before any
    punctuation or word that ends a source, the subject of the clause it reports (`Khamenei,
    addressing a crowd chanting "Death to America", said the attacks were a slap`)."""
    end = verb + 1
    while end < len(tokens) and end - verb <= _MOST_SOURCE_WORDS and not _ends_clause(tokens[end - 1]):
        token = tokens[end]
        if token.islower() and _bare(token) in _VERB_WORDS:
            return ()
        if _bare(token) in _AFTER_SOURCE:
            break
        end += 1
    return _source_after(tokens, verb)


def _ends_its_clause(tokens: list[str], verb: int) -> bool:
    """Whether a verb that needs it ends its clause (`he added.`, `reported Friday.`), comes
    before a quotation (`added: “…`) or a clause it reports (`acknowledged that the strike
    failed`), or follows a quotation (`,” he added`). A comma that opens an aside the clause goes
    on after ends none (`claimed, without evidence, that …` is `claimed that`)."""
    if _reports_a_clause(tokens, verb):
        return True
    after = verb + 1
    while (after < len(tokens) and not _ends_clause(tokens[after - 1])
           and _bare(tokens[after]) in _AFTER_CLAUSE_END):
        after += 1
    clause_ended = _ends_clause(tokens[after - 1]) and _that_after_aside(tokens, after - 1) is None
    if clause_ended or after == len(tokens) or _OPENS_CLAUSE.search(tokens[after]):
        return True
    return _follows_a_quotation(tokens, verb) or _reports_past_a_place(tokens, verb)


# Prepositions that begin the place or medium of what a verb reports (`wrote on Twitter:`).
_PLACE_PREPOSITIONS = word_set("on in at via")


def _reports_past_a_place(tokens: list[str], verb: int) -> bool:
    """Whether a place or medium follows the verb, a preposition and up to a source's words
    without a clause word, and its clause ends in a colon or in a comma before a quotation
    (`Trump wrote on Twitter: “…”`, `Esper added in a statement: …`, `Iran announced in a
    statement on its website, “…”`), or `that` follows it and a clause (`_subject_follows`: `The
    Pentagon confirmed in a statement that the strike took place.`); not `The Post reported on
    the scandal.`, `He wrote in a notebook, then left.` nor, `that` a relative clause's, `The
    Post reported on the scandal that rocked the city.`"""
    if (_ends_clause(tokens[verb]) or verb + 1 >= len(tokens)
            or _bare(tokens[verb + 1]) not in _PLACE_PREPOSITIONS):
        return False
    for at in range(verb + 1, min(len(tokens), verb + 2 + _MOST_SOURCE_WORDS)):
        token = tokens[at]
        if _bare(token) == "that" and at > verb + 2:
            return _names_a_medium_or_time(tokens[at - 1]) and _subject_follows(tokens, at)
        if _bare(token) in _CLAUSE_WORDS or _OPENS_CLAUSE.search(token):
            return False
        if _ends_clause(token) and not _is_a_dates_comma(tokens, at):
            quotation_next = at + 1 < len(tokens) and _opens_quotation(tokens[at + 1])
            return token.endswith(":") or token.endswith(",") and quotation_next
    return False


# Nouns of a medium or an occasion of speech, which no relative clause goes with after a reporting
# verb (`confirmed in a statement that the strike took place`).
_MEDIA_OF_SPEECH = MEDIA_NOUNS | word_set(
    "statement statements interview interviews tweet tweets post posts posting letter letters email "
    "emails e-mail release briefing speech speeches video message messages report conference call "
    "broadcast column blog memo filing filings court testimony hearing remarks address website "
    "book podcast"
)


def _names_a_medium_or_time(token: str) -> bool:
    """Whether the last word of a place after a reporting verb, before `that`, is a name, a number
    or a noun of a medium or a time (`in a statement`, `on Twitter`, `on November 13, 2009`, `on
    Friday night`), after which `that` begins what was reported; after another noun it may begin
    a relative clause (`reported on the scandal that the mayor hid`)."""
    word = _bare(token)
    return (token[:1].isupper() or any(map(str.isdigit, word))
            or word in _MEDIA_OF_SPEECH | _SPANS | _AFTER_CLAUSE_END)


def _is_a_dates_comma(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` is a day's number after a month whose comma parts it from the
    year after it (`on November 13, 2009 that`), which ends no clause."""
    if not tokens[at].endswith(",") or at == 0 or at + 1 >= len(tokens):
        return False
    day, year = _bare(tokens[at]), _bare(tokens[at + 1])
    return (_bare(tokens[at - 1]) in MONTHS and day.isdigit() and len(day) <= 2
            and year.isdigit() and len(year) == 4)


def _subject_follows(tokens: list[str], that: int) -> bool:
    """Whether the `that` at `that` begins a clause it reports, not a relative one: a subject
    pronoun or a determiner follows it (`that the strike took place`, `that he would respond`), or
    a capitalised word and a word that may be a verb (`that Iran fired missiles`); not a verb
    (`that rocked the city`, `that was short`)."""
    if that + 1 >= len(tokens) or _ends_clause(tokens[that]):
        return False
    return (_bare(tokens[that + 1]) in _SUBJECT_PRONOUNS | _DETERMINERS
            or _reports_a_clause_without_that(tokens, that))


def _follows_a_quotation(tokens: list[str], verb: int) -> bool:
    """Whether a quotation closes in the three tokens before the verb (`,” he added`)."""
    before = tokens[max(0, verb - 3):verb]
    return any(token.endswith(("”", '"', "»")) or _CLOSING_SINGLE.search(token) for token in before)


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
    opens_the_text = bool(tokens) and _OPENS_CLAUSE.search(tokens[0]) is not None
    return (opens_the_text and _follows_a_quotation(tokens, verb - 1)
            and not _ends_clause(tokens[verb - 1]) and _has_no_object(tokens, verb))


def _follows_a_name(tokens: list[str], verb: int) -> bool:
    """Whether the verb, in lower case, follows a name that begins its clause, or follows words
    that say when before it (`Last week CNN reports that …`): capitalised words, after `the` or
    not, the first of them followed by words of news media in lower case too (`…, CNN reports`,
    `“…,” the Post reports`, `…, Iranian state media reports`), or words of news media alone that
    end in its noun (`…, state media reports`); not `Iran denied the reports`, `according to local
    reports` or `…, official reports`."""
    def name_begins_after(at: int) -> bool:
        return _ends_clause(tokens[at]) or _ends_a_time(tokens, at)

    start = verb
    while start > 0 and not name_begins_after(start - 1) and verb - start < _MOST_SOURCE_WORDS:
        start -= 1
    if start > 0 and not name_begins_after(start - 1) or not tokens[verb][:1].islower():
        return False
    names = tokens[start + 1:verb] if _bare(tokens[start]) == "the" else tokens[start:verb]
    if not names:
        return False
    if not names[0][:1].isupper():
        return (_bare(names[-1]) in MEDIA_NOUNS
                and all(_bare(word) in _MEDIA_WORDS for word in names))
    return all(word[:1].isupper() or _bare(word) in _MEDIA_WORDS for word in names[1:])


def _is_the_subject_of_a_later_verb(tokens: list[str], noun: int) -> bool:
    """Whether the `reports` at `noun` is a noun, the subject of a verb after the clause that
    `that` begins after it (`Local reports that the base was hit were false.`, `Early reports …`):
    before the clause ends, a form of `be`, `have` or a modal (`_VERB_WORDS`) that follows such a
    form and a word of neither kind (an adverb aside), with no word that begins another clause or
    a verb of speech before it. `CNN reports that the base was hit.`, `… that troops have been
    moved.`, `… that the base was hit and troops were moved.` and `… that officials said the base
    was hit.` report."""
    if noun + 2 >= len(tokens) or _bare(tokens[noun + 1]) != "that" or _ends_clause(tokens[noun + 1]):
        return False
    verb_seen = words_after_verb = False
    for token in tokens[noun + 2:noun + 2 + _LONGEST_READ_BACK]:
        word = _bare(token)
        if word in _CLAUSE_WORDS or word in _SPEECH:
            return False
        if word in _VERB_WORDS:
            if words_after_verb:
                return True
            verb_seen = True
        elif verb_seen and word not in _ADVERBS and not word.endswith("ly"):
            words_after_verb = True
        if _ends_clause(token):
            return False
    return False


def _cites_next(tokens: list[str], verb: int) -> bool:
    """Whether `citing` follows the verb, for the source it reports from (`…, Fox News reports
    citing officials`)."""
    return verb + 1 < len(tokens) and _bare(tokens[verb + 1]) == "citing"


# Words after a verb that begin no object of it, but say when or where (`posted on X`).
_NO_OBJECT = _AFTER_CLAUSE_END | word_set("on in at")


def _has_no_object(tokens: list[str], verb: int) -> bool:
    """Whether the verb ends its clause or a word of when or where follows it (`posted.`,
    `posted Friday`, `posted on Truth Social`)."""
    return (_ends_clause(tokens[verb]) or verb + 1 == len(tokens)
            or _bare(tokens[verb + 1]) in _NO_OBJECT)


# Words that begin a clause after `that` as its subject (`admitted that he …`).
_SUBJECT_PRONOUNS = word_set("i you he she it we they there")


def _reports_a_clause(tokens: list[str], verb: int) -> bool:
    """Whether the verb is followed, past a short aside, by `that` and a clause: a subject
    pronoun or a determiner, which no `that` a determiner stands before (`confirmed that the
    attack took place`), or, before the clause ends, a word that may be a verb (`acknowledged
    that Iran failed`, `warned, once again, that Iran would respond`); not by `that` a determiner
    (`denied that claim.`, `wrote that book in 1990`)."""
    that = _that_after_aside(tokens, verb) or verb + 1
    if that >= len(tokens) - 1 or _bare(tokens[that]) != "that" or _ends_clause(tokens[that]):
        return False
    clause = _clause_from(tokens, that + 1)
    return (_bare(clause[0]) in _SUBJECT_PRONOUNS | _DETERMINERS
            or any(map(_may_be_a_verb, clause)))


def _reports_a_clause_without_that(tokens: list[str], verb: int) -> bool:
    """Whether the verb is followed by a clause without `that`: a subject, which begins with a
    subject pronoun, a determiner or a capitalised word, and, before the clause ends, a word after
    it that may be a verb (`CNN reports the base was hit`, `CNN reports Iran fired missiles`); not
    by words of a noun (`CNN reports of casualties were false`, `CNN reports said …`)."""
    if verb + 1 >= len(tokens) or _ends_clause(tokens[verb]):
        return False
    first, *rest = _clause_from(tokens, verb + 1)
    begins_a_subject = _bare(first) in _SUBJECT_PRONOUNS | _DETERMINERS or first[:1].isupper()
    return begins_a_subject and any(map(_may_be_a_verb, rest))


def _clause_from(tokens: list[str], first: int) -> list[str]:
    """The tokens of the clause that begins at `first`, up to the one that ends it, of a source's
    words at most."""
    clause = []
    for token in tokens[first:first + _MOST_SOURCE_WORDS]:
        clause.append(token)
        if _ends_clause(token):
            break
    return clause


def _that_after_aside(tokens: list[str], at: int) -> int | None:
    """Where `that` stands when the token at `at` ends in a comma that opens an aside of a few
    words after which the clause goes on with it (`claimed, without evidence, that`); None when
    it does not."""
    if not tokens[at].endswith(","):
        return None
    return next((end + 1 for end in range(at + 1, min(len(tokens) - 1, at + 1 + _LONGEST_ASIDE))
                 if tokens[end].endswith(",") and _bare(tokens[end + 1]) == "that"), None)


def _ends_a_sentence(token: str) -> bool:
    """Whether the token ends a sentence: a full stop (not an abbreviation's), `!` or `?`, before
    any closing marks."""
    return token.rstrip("”\"’)").endswith((".", "!", "?")) and not is_abbreviation(token)


def _introduced_source(tokens: list[str], at: int, length: int, clause_end: int) -> tuple[str, ...]:
    """The source after `according to` (or `citing`) at `at`, up to the nearest punctuation or a
    word that begins another clause; but when no punctuation closes it before its sentence ends
    and no verb stands before it in its sentence, up to the verb of the clause it runs into
    (`Christianity, according to tradition arrived in India.`), and when it opens its sentence,
    up to that verb's subject too (`According to tradition Christianity arrived in India.`,
    `According to Gardner Wicca is …`). `clause_end` is as for `_attributes`."""
    source = _source_after(tokens, at + length - 1)
    sentence_start = at
    while sentence_start > 0 and not _ends_a_sentence(tokens[sentence_start - 1]):
        sentence_start -= 1
        if at - sentence_start >= _LONGEST_READ_BACK:
            return source  # read as though a verb stood before it
    closed = clause_end < len(tokens) and not _ends_a_sentence(tokens[clause_end])
    if closed or any(map(_may_be_a_verb, tokens[sentence_start:at])):
        return source
    first = at + length
    last = min(clause_end + 1, len(tokens), first + _MOST_SOURCE_WORDS + 1)
    verb = next((verb for verb in range(first, last) if _may_be_a_verb(tokens[verb])
                 or _bare(tokens[verb]) in _AFTER_SOURCE), None)
    if verb is None or not _may_be_a_verb(tokens[verb]):
        return source  # the source is read up to another word (`according to officials in Iraq the …`)
    words = tokens[first:verb]
    if sentence_start == at:  # the subject: its last word, and determiners and numbers before it
        subject = len(words) - 1
        while subject > 0 and (_bare(words[subject - 1]) in _DETERMINERS
                               or _bare(words[subject - 1]).replace(",", "").isdigit()):
            subject -= 1
        words = words[:subject] or words
    return _source_words(words)


def _attributes(tokens: list[str], at: int, length: int, clause_end: int) -> bool:
    """Whether `according to` (or `citing`) at `at` gives a source: it begins its clause
    (`according to NBC News, …`, `…, citing two officials`, `but according to …`) or its source
    ends the sentence (`… deployed according to U.S. officials.`); `built according to similar
    plans, …` and `measured according to the amount of power, or …` give none. `clause_end` is
    the first token from `at + length` on that ends a clause."""
    if at == 0 or _ends_clause(tokens[at - 1]) or _bare(tokens[at - 1]) in {"and", "but"}:
        return True
    if clause_end >= len(tokens) - 1:
        return clause_end == len(tokens) or tokens[clause_end].rstrip("”\"’)").endswith((".", "!", "?"))
    return False


def _per_gives_a_source(tokens: list[str], at: int) -> bool:
    """Whether the `per` at `at` gives a source: it, or an `as` before it, begins its sentence or
    follows a comma or a dash (`…, per officials.`, `Per the Pentagon, …`, `As per the Pentagon,
    …`; not `…; per capital output`, `moved as per the plan`) and a word follows it that holds no
    digit and is none of `_NO_SOURCE_AFTER_PER` (`, per cent`, `$5 per gallon`, `Income, per
    capita, rose`, `As per usual, …` and `rupees (rs) per us$1` give none)."""
    if at + 1 >= len(tokens) or _ends_clause(tokens[at]):
        return False
    start = at - 1 if at > 0 and _bare(tokens[at - 1]) == "as" and not _ends_clause(tokens[at - 1]) else at
    begins_a_clause = (start == 0 or _ends_a_sentence(tokens[start - 1])
                       or tokens[start - 1].rstrip("”\"’").endswith((",", *_DASHES)))
    after = _bare(tokens[at + 1])
    return begins_a_clause and after not in _NO_SOURCE_AFTER_PER and not any(char.isdigit() for char in after)


# Prepositions after `told` that make it a participle, what was told (`a story told from a
# woman's point of view`, `a tale told by an idiot`): as a verb it names whom it told first.
_AFTER_TOLD_AS_A_PARTICIPLE = word_set("from by through in")


def _names_no_source(tokens: list[str], verb: int) -> bool:
    """Whether the verb is passive (`was told`, `is clearly explained`, `nowhere is the
    hypothesis confirmed`, `history told from a woman's point of view`), an infinitive (`that is
    to say`), compared (`easier said than done`), what someone might have said but did not
    (`should have said`, `would never have told`) or a first-person hedge
    (`_is_a_first_person_hedge`)."""
    if verb + 1 < len(tokens) and _bare(tokens[verb + 1]) == "than" or _is_inverted_passive(tokens, verb):
        return True
    if (_bare(tokens[verb]) == "told" and verb + 1 < len(tokens) and not _ends_clause(tokens[verb])
            and _bare(tokens[verb + 1]) in _AFTER_TOLD_AS_A_PARTICIPLE):
        return True
    if _is_a_first_person_hedge(tokens, verb):
        return True
    before = _before_adverbs(tokens, verb)
    if before >= 0 and _bare(tokens[before]) == "have":
        modal = _before_adverbs(tokens, before)
        return modal >= 0 and _bare(tokens[modal]) in _MODALS
    return before >= 0 and _bare(tokens[before]) in _BE | {"to"}


# The first persons of a hedge (`I would say`, `we would say`), and the same with `would` on them.
_FIRST_PERSONS = word_set("i we")
_FIRST_PERSONS_WOULD = word_set("i'd i’d we'd we’d")


def _is_a_first_person_hedge(tokens: list[str], verb: int) -> bool:
    """Whether the verb is the `say` of `I would say`, `I'd say` or `we would say` (`I would not
    say`), which hedges the speaker's own words and reports none: a quotation's words when a
    quotation holds it. `He would say only that …` reports, and so do `I said` and `we say`."""
    if _bare(tokens[verb]) != "say":
        return False
    before = _before_adverbs(tokens, verb)
    if before < 0:
        return False
    if _bare(tokens[before]) in _FIRST_PERSONS_WOULD:
        return True
    return before > 0 and _bare(tokens[before]) == "would" and _bare(tokens[before - 1]) in _FIRST_PERSONS


# Words that put `be` before its subject when they begin a clause (`Not everywhere is …`), and
# the adverbs that may stand with them.
_INVERTING = word_set("not nowhere everywhere never rarely seldom only hardly nor neither")
_BEFORE_INVERTED_BE = _INVERTING | _ADVERBS


def _is_inverted_passive(tokens: list[str], verb: int) -> bool:
    """Whether the verb ends a passive whose form of `be` begins its clause, after no words or
    only words that put it first (`Is the report confirmed?`, `Not everywhere is the 'great hunt'
    or 'overkill' hypothesis confirmed.`)."""
    start = verb
    while start > 0 and not _ends_clause(tokens[start - 1]):
        start -= 1
        if verb - start >= _LONGEST_READ_BACK:
            return False  # read as though its clause began with another word
    be = next((at for at in range(start, verb) if _bare(tokens[at]) not in _BEFORE_INVERTED_BE), verb)
    return be < verb - 1 and _bare(tokens[be]) in _BE


def _before_adverbs(tokens: list[str], at: int) -> int:
    """Where the word before the token at `at` stands, past the adverbs between them (-1: none)."""
    before = at - 1
    while before >= 0 and (_bare(tokens[before]) in _ADVERBS or _bare(tokens[before]).endswith("ly")):
        before -= 1
    return before


def _asks_what_to_say(tokens: list[str], verb: int, clause_end: int) -> bool:
    """Whether the verb is a `say` that asks, in a clause that ends in a question mark, not one
    closing a quotation (`Why not simply say it?`, `What can they say?`; not `They say "why?"`): it
    reports nothing. `clause_end` is the first token from the verb on that ends a clause."""
    return (_bare(tokens[verb]) == "say" and clause_end < len(tokens)
            and tokens[clause_end].endswith("?"))


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
    conjunctions a style may leave in lower case (`Moved from Iraq`)."""
    words = (token.strip(WORD_PUNCTUATION) for token in tokens)
    long_words = [word for word in words if len(word) >= 4 and word.isalpha()
                  and word not in _LOWER_IN_TITLE_CASE]
    return bool(long_words) and all(word[0].isupper() for word in long_words)


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
    quotation_follows = at + 1 < len(tokens) and tokens[at + 1][:1] in _OPENING_QUOTATION_MARKS
    name_possible = not title_case or tokens[at].endswith(",") and not quotation_follows
    return name_possible and tokens[at - 1][:1].isupper() and not _ends_clause(tokens[at - 1])


def headline_source(text: str) -> tuple[str, ...]:
    """The source a headline names after its last colon (`headlines.headline_source_words`), as
    wire headlines attribute without a verb (`Rockets hit base housing US troops in Iraq: Iranian
    TV`); none for a sentence or words that name no source."""
    words = headline_source_words(text)
    return _source_words(words) if words else ()


def attributions_in(text: str, quote_open: str = "") -> list[tuple[str, ...]]:
    """The sources of the text's attributions, in order, each as its words (lower case, without
    the punctuation around them, accents taken off); an attribution whose source is only words of
    its clause (`who said`, `according to which`) is left out. A headline's source after its last
    colon (`headline_source`) comes last. `quote_open` is the mark of a quotation that an earlier
    sentence opened and that goes on in the text (`We will not wait, as I said,” he said.`), whose
    reporting verbs up to its closing mark are the speaker's words (`_quoted_tokens`)."""
    source = headline_source(text)
    return [*_sources_at_verbs(text, quote_open), *([source] if source else [])]


# What closes a quotation that a token's first mark opens (`_quoted_tokens`).
_CLOSING_MARKS_OF = {"“": "”", '"': '"', "«": "»", "„": "“”", "‘": "’'", "'": "'’"}


def _opens_quotation(token: str) -> bool:
    """Whether a token begins with a mark that opens a quotation (`“We`, `'We`; not `'em`)."""
    return token[:1] in _CLOSING_MARKS_OF and (token[0] not in "'‘" or _opens_single_quotation(token))


def _quoted_tokens(tokens: list[str], quote_open: str = "") -> set[int]:
    """The places of the tokens inside a quotation that opens and closes in them (`"We will
    respond, as I said," he said`: `"We` to `said,"`), or that `quote_open`, the mark of a
    quotation an earlier sentence opened, opens before the first and that closes in them (`We
    will not wait, as I said,” he said`: `We` to `said,”`), whose reporting verbs are the
    speaker's words, no attribution of the text. It closes at its closing mark anywhere in a
    token, an apostrophe aside (`"Bad Side"(Lil Wayne`, `‘We don’t know,’`). A quotation left
    open holds none, as a stray mark may open it."""
    quoted: set[int] = set()
    closing = _CLOSING_MARKS_OF.get(quote_open, "")
    opened = 0 if closing else None
    for at, token in enumerate(tokens):
        rest = token
        if opened is None:
            if not _opens_quotation(token):
                continue
            opened, closing, rest = at, _CLOSING_MARKS_OF[token[0]], token[1:]
        if any(mark in _APOSTROPHE.sub("", rest) for mark in closing):
            quoted.update(range(opened, at + 1))
            opened = None
    return quoted


# Where words part that no space parts: a dash set without spaces, an em dash anywhere (`China—all`)
# and an en dash between letters (`together–could`; not a range of numbers, `2019–20`), each a
# token of its own, and a double quotation's closing mark after a stop and before a word
# (`created."http`; not `U.S.'s`).
_GLUED_BREAK = re.compile(r"—|(?<=[^\W\d_])–(?=[^\W\d_])|(?<=[,.!?…][”\"»])(?=\w)")


def _tokens(text: str) -> list[str]:
    """The text's words and the punctuation around them, parted at spaces and at `_GLUED_BREAK`."""
    return _GLUED_BREAK.sub(lambda match: f" {match.group()} ", text).split()


def _sources_at_verbs(text: str, quote_open: str) -> list[tuple[str, ...]]:
    """The sources of the text's reporting verbs and of `according to` and `citing`, outside the
    quotations it holds and the one `quote_open` goes on (`_quoted_tokens`)."""
    if not _REPORTING_WORD.search(text.casefold()):
        return []
    tokens = _tokens(text)
    if "'" in text or "‘" in text:  # what opens a single quotation: most texts hold neither
        tokens = _single_quotations_doubled(tokens)
    bare = [_bare(token) for token in tokens]
    title_case = "Said" in text and is_title_case(tokens)  # asked of a capitalised `Said` only
    clause_ends = [len(tokens)] * (len(tokens) + 1)  # per token, the first from it that ends a clause
    for at in range(len(tokens) - 1, -1, -1):
        clause_ends[at] = at if _ends_clause(tokens[at]) else clause_ends[at + 1]
    quoted = (_quoted_tokens(tokens, quote_open)
              if quote_open or any(mark in text for mark in _CLOSING_MARKS_OF) else set())
    found = []
    for at, word in enumerate(bare):
        if word not in _READ_AT or at in quoted:
            continue
        for opening, length in _INTRODUCERS.items():
            if (word == opening[0] and tuple(bare[at:at + length]) == opening
                    and _attributes(tokens, at, length, clause_ends[min(at + length, len(tokens))])):
                found.append(_introduced_source(tokens, at, length,
                                                clause_ends[min(at + length, len(tokens))]))
        if word == "per" and _per_gives_a_source(tokens, at):
            found.append(_source_after(tokens, at))
        if (word not in _SPEECH and not (word in _CLAUSE_END_VERBS and _ends_its_clause(tokens, at))
                and not (word in _AFTER_QUOTATION_VERBS and _follows_what_was_said(tokens, at))
                and not (word in _AFTER_NAME_VERBS and _follows_a_name(tokens, at)
                         and (_ends_its_clause(tokens, at) or _cites_next(tokens, at)
                              or _reports_a_clause_without_that(tokens, at))
                         and not _is_the_subject_of_a_later_verb(tokens, at))):
            continue
        if (word in _PARTICIPLES or _names_no_source(tokens, at) or _is_the_name_said(tokens, at, title_case)
                or _asks_what_to_say(tokens, at, clause_ends[at])):
            continue
        follows_a_break = at == 0 or _ends_clause(tokens[at - 1])
        if follows_a_break and _goes_on_after_a_conjunction(tokens, at):
            continue
        inverted = _source_after_quoted_words(tokens, at) if at + 1 < len(tokens) else ()
        subject_in_marks = _subject_in_marks(tokens, at) if follows_a_break and not inverted else ()
        if inverted:  # `‘Devastating’ says minister`
            found.append(inverted)
        elif subject_in_marks:  # `"Smith" said hi.`
            found.append(subject_in_marks)
        elif follows_a_break and at + 1 < len(tokens):  # `,” said Milley`
            found.append(_subject_before_aside(tokens, at) or _speaker_after(tokens, at))
        else:
            before = _source_before(tokens, at)
            is_a_number = bool(before) and not _names_someone(before)
            found.append(_speaker_after(tokens, at) if is_a_number and at + 1 < len(tokens) else before)
    return [source for source in found if _names_someone(source)]


def _names_someone(source: tuple[str, ...]) -> bool:
    """Whether a source's words hold a letter: a number alone (`2+3`, `40%`) is no speaker, and
    the source of a verb after one is read after the verb (`-2+3 said the officials.` names
    `officials`; `40% said they would stay` none)."""
    return any(char.isalpha() for word in source for char in word)


# Titles before a name, set aside when sources are compared (`Gen. Mark Milley`, `Mr. Trump`).
_TITLES = word_set(
    "mr mrs ms dr gen general adm admiral col colonel lt maj major sgt capt captain cmdr president "
    "vice secretary sec sen senator rep gov governor minister prime chancellor ambassador judge "
    "justice prof professor rev pope king queen prince princess sheikh ayatollah"
)
# Words of a source that are no name, but its noun or the words that say whose it is
# (`officials`, `state TV`): `officials` and `U.S. officials` are other sources.
_NOT_A_NAME = _WHOSE_WORDS | MEDIA_NOUNS


def written_as_names(text: str) -> frozenset[str]:
    """The words of the text written capitalised where no capital is due, as a source's words are
    read (`_source_word`): the words that may be names. A capital that begins a sentence shows
    none (`Residents said so.`), and none does in a headline in title case, where every word has
    one (`Local Residents Said They Heard Blasts`); one after an abbreviation, which may end a
    sentence or stand in a name (`left the U.S. Residents said`, `the U.S. Army said`), may be a
    name, as a source is flagged changed on evidence, not without it."""
    tokens = _tokens(text)
    if is_title_case(tokens):
        return frozenset()
    return frozenset(_unaccented(_source_word(token)) for before, token in pairwise(tokens)
                     if token.lstrip(WORD_PUNCTUATION)[:1].isupper() and not _ends_a_sentence(before))


def same_sources(old: Sequence[tuple[str, ...]], new: Sequence[tuple[str, ...]],
                 names: frozenset[str] = frozenset()) -> bool:
    """Whether two texts' attributions name the same sources, in order: word for word, a title
    abbreviated in one and written out in the other (`Defense Sec. Mark Esper`, `Defense
    Secretary Mark Esper`; `Gen.` and `General`) being one word; or one person named more or less
    fully (`_same_name`), where `names` are the words the texts write as names
    (`written_as_names`)."""
    return len(old) == len(new) and all(
        _same_words(a, b) or _same_name(a, b, names) for a, b in zip(old, new))


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(map(_same_word, a, b))


# Words before a name that say how many or which of its kind, making another source (`Two
# Iraqis`, `South Korea`, `Local Residents`), not a fuller name of it.
_WHICH_OF_A_NAME = word_set(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands "
    "several many some few most all other north south east west northern southern eastern western "
    "central upper lower local nearby senior top"
)


def _same_name(a: tuple[str, ...], b: tuple[str, ...], names: frozenset[str]) -> bool:
    """Whether two sources name one person or body, titles before them set aside (`_TITLES`): one
    is the other's last words (`Gen. Mark Milley`, `Mark Milley`, `Milley`; `President Trump`,
    `Mr. Trump`; `The Washington Post`, `the Post`), the last a name (in `names`, and none of
    `_NOT_A_NAME`: `officials` and `U.S. officials` are two sources), with no `and`, `or` or `nor`
    joining two sources in the longer (`Russia and China`, `China`) and no number or word of
    `_WHICH_OF_A_NAME` among the longer's other words (`Two Iraqis`, `Iraqis`; `South Korea`,
    `Korea`). Two that differ in their titles alone are one, names or not, as no capital shows one
    in a headline in title case (`President Trump Said`, `Trump Said`), but for a title alone (`The
    President Said`, `The Vice President Said`)."""
    short, long = sorted((_without_titles(a), _without_titles(b)), key=len)
    if len(short) == len(long) and short[-1] not in _TITLES:
        return _same_words(short, long)
    other_words = long[:len(long) - len(short)]
    return (long[-1] in names and long[-1] not in _NOT_A_NAME
            and not any(word in _JOINING_WORDS for word in long)
            and not any(word in _WHICH_OF_A_NAME or any(map(str.isdigit, word)) for word in other_words)
            and _same_words(short, long[len(long) - len(short):]))


def _without_titles(source: tuple[str, ...]) -> tuple[str, ...]:
    """The source without the titles it begins with, but for its last word (`Gen. Mark Milley`
    is `Mark Milley`, `Prime Minister` is `Minister`)."""
    first = 0
    while first < len(source) - 1 and source[first].removesuffix(".") in _TITLES:
        first += 1
    return source[first:]


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (long.startswith(short) and is_abbreviation(short + "."))
