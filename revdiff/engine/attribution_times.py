"""Words that say when (`Last week`, `On Jan. 8`, `in 2004`, `Friday morning`), which a source
read back before its verb does not go past (engine/source_before_verb.py), which a source may
have between it and its verb (`Iran late Tuesday said`), and which may end a verb's clause after
it (`the Pentagon denied on Tuesday.`)."""

from __future__ import annotations

import re

from revdiff.engine.attribution_lexicon import (
    CLAUSE_WORDS,
    DETERMINERS,
    MOST_SOURCE_WORDS,
    SUBJECT_PRONOUNS,
    WHOSE_WORDS,
)
from revdiff.engine.attribution_tokens import bare_word, ends_clause
from revdiff.engine.calendar_words import MONTHS, WEEKDAYS
from revdiff.engine.dates import BEFORE_A_DATE
from revdiff.engine.word_sets import word_set
from revdiff.engine.years import FIRST_YEAR_AFTER_IN, looks_like_a_year

_DECADE = re.compile(r"(?:1\d|20)?\d0s")


def _is_a_year_or_decade_in(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` is a year after `in` or `since` (`in 2004`, `In 1492`: from
    `FIRST_YEAR_AFTER_IN`), or a decade after them and `the` (`in the 1990s`, `since the ’90s`)."""
    word = bare_word(tokens[at])
    if at > 1 and bare_word(tokens[at - 1]) == "the" and _DECADE.fullmatch(word):
        return bare_word(tokens[at - 2]) in {"in", "since"}
    return (at > 0 and bare_word(tokens[at - 1]) in {"in", "since"}
            and looks_like_a_year(word, earliest=FIRST_YEAR_AFTER_IN))


_DAYS_FROM_TODAY = word_set("yesterday today tonight")
# Nouns of a span of time, and the words before them that say which it is (`last week`, `that
# night`, `Friday morning`, `the next day`).
SPANS = word_set("day week weekend month year morning afternoon evening night")
_DAY_NAMES = WEEKDAYS | _DAYS_FROM_TODAY
_WHICH_SPAN = _DAY_NAMES | word_set("last this next that previous same earlier later")
# Prepositions that make a span after `the` a time (`over the weekend`, `during the night`, `in
# the morning`, `at the weekend`), not a source's word (`the weekend officials`).
_BEFORE_THE_SPAN = word_set("over during in at through throughout")


def ends_a_time(tokens: list[str], at: int) -> bool:
    """Whether the token at `at` ends words that say when, which a source read back before its
    verb does not go past (`Last week the Pentagon said`, `On Friday the minister told`, `In
    January officials said`, `On Jan. 8 Iran said`, `Two days ago Esper said`, `in 2004 Bergman
    said`, `Over the weekend officials said`): a year or decade after `in`
    (`_is_a_year_or_decade_in`), `ago`, a span of time after a word that says which or after
    `the` and a preposition of `_BEFORE_THE_SPAN` (`during the night`), a month after a word of
    `BEFORE_A_DATE` or a day's number that no punctuation ends (`8 April`; not `On April 8, April
    Ryan said`), the day's number after such a month or one that begins its clause (`Jan. 8 the
    Pentagon said`; not `The Jan. 6 committee said` nor, the date modifying the noun after it,
    `Jan. 6 committee members said`: `_names_an_event`), or a day of the week, `yesterday`,
    `today` or `tonight` but where a determiner stands before it (`the Today programme`) or, after
    no word of `BEFORE_A_DATE`, a capitalised word after it (`Sunday Times`), or `overnight` but
    after a determiner (`Overnight officials said`; not `the overnight staff said`)."""
    word = bare_word(tokens[at])
    before = bare_word(tokens[at - 1]) if at > 0 else ""
    if word == "ago" or _is_a_year_or_decade_in(tokens, at):
        return True
    if word in SPANS:
        return before in _WHICH_SPAN or (before == "the" and at > 1
                                         and bare_word(tokens[at - 2]) in _BEFORE_THE_SPAN)
    if word in MONTHS:
        return before in BEFORE_A_DATE or before.isdigit() and not ends_clause(tokens[at - 1])
    if word.isdigit() and len(word) <= 2:
        month_begins_its_clause = at == 1 or at > 1 and ends_clause(tokens[at - 2])
        dates_its_clause = month_begins_its_clause and not _names_an_event(tokens, at)
        return before in MONTHS and (dates_its_clause or ends_a_time(tokens, at - 1))
    if word == "overnight":
        return before not in DETERMINERS
    if word in _DAY_NAMES:
        if before in BEFORE_A_DATE:
            return True
        name_after = (at + 1 < len(tokens) and tokens[at + 1][:1].isupper()
                      and bare_word(tokens[at + 1]) not in DETERMINERS)
        return before not in DETERMINERS and not name_after
    return False


# Words that may stand in words that say when before the one that ends them (`on Friday`, `late
# Tuesday`, `last week`, `on Jan. 8`, `in 2004`, `over the weekend`).
_WORDS_OF_A_TIME = BEFORE_A_DATE | _WHICH_SPAN | MONTHS | _BEFORE_THE_SPAN | word_set("the")


def before_words_of_time(tokens: list[str], end: int) -> int:
    """Where words that say when between a source and its verb begin, when they end at `end`
    (`Pentagon officials on Wednesday said`, `Iran late Tuesday said`, `Bergman in 2004 said`,
    `Officials over the weekend said`);
    `end` when no such words end there, or nothing of a clause stands before them (`On Wednesday
    said`), where they are no part of a source either."""
    if end == 0 or not ends_a_time(tokens, end - 1):
        return end
    start = end - 1
    while start > 0 and not ends_clause(tokens[start - 1]) and (
            bare_word(tokens[start - 1]) in _WORDS_OF_A_TIME or ends_a_time(tokens, start - 1)):
        start -= 1
    if start == 0 or ends_clause(tokens[start - 1]) or bare_word(tokens[start - 1]) in CLAUSE_WORDS:
        return end
    return start


def after_words_of_time(tokens: list[str], start: int) -> int:
    """Where words that say when after a verb end, when they begin at `start` (`denied on
    Tuesday.`, `acknowledged last week.`, `confirmed on Jan. 8 that`): past the last token that
    ends a time in a run of words that may stand in one (`ends_a_time`); `start` when none ends
    there (`reported on the scandal`, `denied the reports`)."""
    end = at = start
    while at < len(tokens) and at - start < MOST_SOURCE_WORDS:
        if ends_a_time(tokens, at):
            end = at + 1
        if ends_clause(tokens[at]) or (bare_word(tokens[at]) not in _WORDS_OF_A_TIME
                                       and not ends_a_time(tokens, at)):
            break
        at += 1
    return end


_BEGIN_A_SUBJECT = DETERMINERS | SUBJECT_PRONOUNS | WHOSE_WORDS


def _names_an_event(tokens: list[str], day: int) -> bool:
    """Whether the date that ends in the day's number at `day` modifies the noun after it, as in
    `The Jan. 6 committee`: that noun is in lower case and is no word that may begin a subject
    alone, a determiner, a pronoun or a source's word of `WHOSE_WORDS` (`Jan. 6 committee members
    said`, `Sept. 11 families said`; not `Jan. 8 the Pentagon said`, `Jan. 8 officials said`,
    `Jan. 8 state media said`)."""
    if ends_clause(tokens[day]) or day + 1 >= len(tokens) or not tokens[day + 1][:1].islower():
        return False
    return bare_word(tokens[day + 1]) not in _BEGIN_A_SUBJECT
