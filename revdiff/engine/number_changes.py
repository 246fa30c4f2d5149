"""Whether two texts' numbers differ as `number_changed` reads them (engine/flags.py): the numbers
(`numbers_in`), also in other styles and with a counting one for an article, a time's half of the
day, a number's currency, and the weekdays and months named alone."""

from __future__ import annotations

import re
from collections import Counter

from revdiff.engine.calendar_words import MONTH_ABBREVIATIONS, MONTH_NAMES
from revdiff.engine.currency_signs import CURRENCIES, currency_before
from revdiff.engine.dates import BEFORE_A_DATE, MONTH, capitalised_pattern
from revdiff.engine.numbers import (
    NUMBER,
    SCALES,
    clock_times,
    numbers_in,
    plain_digits,
    time_of_day,
    twelve_hour_time,
)


def _currencies_of_numbers(text: str) -> dict[str, set[frozenset[str]]]:
    """The currencies that `text` gives each number by a sign or code, each as those it may name
    (`CURRENCIES`): `$5 million` gives `5` any currency a `$` writes, `US$5 million` and `USD 5`
    the U.S. dollar."""
    currencies: dict[str, set[frozenset[str]]] = {}
    for number in NUMBER.finditer(text):
        if mark := currency_before(text, number.start())[0]:
            currencies.setdefault(plain_digits(number.group()), set()).add(
                CURRENCIES.get(mark, frozenset({mark})))
    return currencies


def currency_changed(old: str, new: str) -> bool:
    """Whether a number both texts give with a currency's sign or code is given one in either
    text that none of the other's may be (`$5 million` to `£5 million`, `USD 5` to `EUR 5` or to
    `€5`, `US$5` to `A$5`). A sign and a code that may name one currency are that currency
    written otherwise, which changes none (`$5` to `US$5` or `USD 5`, `Rs 500` to `₹500` or `PKR
    500`), and so is the number without either (`$5 million` to `5 million dollars`)."""
    old_currencies, new_currencies = _currencies_of_numbers(old), _currencies_of_numbers(new)
    return any(not _may_be_alike(old_currencies[number], new_currencies[number])
               for number in old_currencies.keys() & new_currencies)


def _may_be_alike(old: set[frozenset[str]], new: set[frozenset[str]]) -> bool:
    """Whether each currency of `old` may be one of `new` and each of `new` one of `old`."""
    return (all(any(currency & other for other in new) for currency in old)
            and all(any(currency & other for other in old) for currency in new))


# The English indefinite article before a word, which counts one as `one` does (`a person`, `one
# person`; `an hour`, `one hour`); not the `a` of `a.m.`, nor one before a word that makes it a
# vague quantity (`a few people`, `a number of people`) or a scale word, whose value it is part of
# (`a dozen`, `a million`: `numbers._SCALED_NUMBER`), nor a capital A after a word, a letter that names
# (`Category A storms`, `Serie A clubs`), where an article is capital at a start only.
_INDEFINITE_ARTICLE = re.compile(r"(?:\ban?|(?<![^\W\d_]\s)\bAn?)\s+"
                                 rf"(?!(?i:few|couple|handful|number|lot|little|{'|'.join(SCALES)})\b)"
                                 r"(?=[^\W\d_])")
# A one that counts the word after it, for which an article may stand, in digits or in words (`1
# person`, `one person`, `$1m`, `one-third`); not the one of `Jan. 1.`, `rose to one.`, `the 1st`,
# a time, `at 1 p.m.`, or a day before its month, `1 January` (`_counting_ones` leaves out a day
# after its month, `Jan. 1 with`).
_COUNTING_ONE = re.compile(r"(?<![\w.,\u066b\u066c−–-])"
                           r"(?:1\s*(?!(?-i:" + MONTH + r")\b)|one(?:\s+|[-‐]))"
                           r"(?!(?:[ap]\.?\s?m|o['’]clock|st)\b)(?=[^\W\d_])", re.IGNORECASE)
# A month's name that ends the text before a one, the day it dates (`Jan. 1 with`, `May 1 the`).
_MONTH_BEFORE_DAY = re.compile(r"\b" + MONTH + r"\.?\s+$")

# A time with its half of the day: `10 a.m.`, `10am`, `10:30 P.M.`, `10.30pm`.
_TIME_OF_HALF_DAY = re.compile(r"(?<![\d:.,])(\d{1,2})(?:[:.]([0-5]\d))? ?([ap])\.? ?m\b\.?",
                               re.IGNORECASE)


def _halves_of_day(text: str) -> dict[str, set[str]]:
    """The halves of the day (`a`, `p`) that `text` gives each time (`10`, `10:30`): by `a.m.` or
    `p.m.`, or by a 24-hour clock's hour (`15:00` and `1500 GMT` give `3` the `p`:
    `twelve_hour_time`)."""
    halves: dict[str, set[str]] = {}
    for hour, minutes, half in _TIME_OF_HALF_DAY.findall(text):
        halves.setdefault(time_of_day(hour, minutes), set()).add(half.lower())
    for clock_time in clock_times(text):
        time, half = twelve_hour_time(*clock_time.group(1, 2))
        if half:
            halves.setdefault(time, set()).add(half)
    return halves


def half_of_day_changed(old: str, new: str) -> bool:
    """Whether a time both texts give with its half of the day has another half in `new`
    (`10 a.m.` to `10 p.m.`; `8:00` to `8 a.m.`, or `9 to 11 a.m.` to `9 a.m. to 11 a.m.`,
    changes none)."""
    old_halves, new_halves = _halves_of_day(old), _halves_of_day(new)
    return any(old_halves[time] != new_halves[time] for time in old_halves.keys() & new_halves)


# A weekday or a month by its name, capitalised, a month's also abbreviated with its full stop
# (`Tuesday`, `Tuesday's`, `January`, `Jan.`) or without it (group `bare`: `Jan`, not `Jan's` nor
# `Mar-a-Lago`); `Sunni` is none.
_DAY_OR_MONTH = re.compile(
    r"\b(?:(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
    rf"|(?P<month>{capitalised_pattern(MONTH_NAMES)}|{capitalised_pattern(MONTH_ABBREVIATIONS)}\.)"
    rf"|(?P<bare>{capitalised_pattern(MONTH_ABBREVIATIONS)}(?![.'’-])))(?!\w)")
# A word that ends the text before a day's or month's name, with white space alone between: a
# capitalised one makes that name a name's (`Theresa May`, `Super Tuesday`, `Black Friday`), but
# for one that says when (`BEFORE_A_DATE`: `On Tuesday, …`, a headline's `Strike Gaza On Tuesday`).
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
# The first letter of a word after a name, with white space alone between.
_LETTER_AFTER = re.compile(r"\s+([^\W\d_])")


def _days_and_months(text: str) -> tuple[set[str], set[str]]:
    """The weekdays and the months (by their first three letters) that `text` names, but for those
    a capitalised word right before that says no when makes a name's; a month's abbreviation
    without its full stop only after a word that says when and before no capitalised word (`since
    Jan`, `Since Jan`; not `Jan Egeland said`, `In Jan Egeland's words`): `Jan` and `Mar` are
    names and words too."""
    weekdays: set[str] = set()
    months: set[str] = set()
    for name in _DAY_OR_MONTH.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, name.start() - 40), name.start())
        says_when = before is not None and before.group(1).casefold() in BEFORE_A_DATE
        if name.group("bare"):
            letter_after = _LETTER_AFTER.match(text, name.end())
            if not says_when or letter_after and letter_after.group(1).isupper():
                continue
        elif before and before.group(1)[0].isupper() and not says_when:
            continue
        (weekdays if name.group("weekday") else months).add(name.group()[:3].casefold())
    return weekdays, months


def day_or_month_changed(old: str, new: str) -> bool:
    """Whether a weekday or a month named alone, of which both texts name one, is another in `new`
    (`on Tuesday` to `on Wednesday`, `since January` to `since March`): a date corrected, as
    `Jan. 7` to `Jan. 8` is a number changed; one that only one text names says when, and corrects
    none (`officials said` to `officials said on Tuesday`)."""
    return any(old_names and new_names and old_names != new_names
               for old_names, new_names in zip(_days_and_months(old), _days_and_months(new)))


def sorted_numbers_differ(old: tuple[str, ...], new: tuple[str, ...], regrouped: bool) -> bool:
    """Whether the numbers `old` and `new`, each sorted as `numbers_in` gives them, differ: as
    multisets, or, for `regrouped` texts (`edit_flags`), as sets."""
    return set(old) != set(new) if regrouped else old != new


def numbers_alike_in_other_styles(old: str, new: str, regrouped: bool = False) -> bool:
    """Whether `old` and `new` hold the same numbers read in other styles (`numbers_in`), or differ
    only by ones that count a word in one text where the other has as many more articles `a` or
    `an` (not `a few`, `a number of`): `one person` and `1 person` to `a person` (or `$1m` to `a
    million dollars`) change none, where `on Jan. 1.` to `in a month`, `at 1 p.m.` to `in an
    hour` and `one soldier at a checkpoint` to `the soldier at the checkpoint` do. `regrouped`
    texts hold the same numbers when they hold the same distinct ones."""
    old_numbers = Counter(numbers_in(old, other_styles=True))
    new_numbers = Counter(numbers_in(new, other_styles=True))
    if old_numbers == new_numbers or regrouped and old_numbers.keys() == new_numbers.keys():
        return True
    gone, came = old_numbers - new_numbers, new_numbers - old_numbers
    articles_came = len(_INDEFINITE_ARTICLE.findall(new)) - len(_INDEFINITE_ARTICLE.findall(old))
    if not came and set(gone) == {"1"}:
        return gone["1"] == articles_came and gone["1"] <= _counting_ones(old)
    if not gone and set(came) == {"1"}:
        return came["1"] == -articles_came and came["1"] <= _counting_ones(new)
    return False


def _counting_ones(text: str) -> int:
    """How many ones in `text` count the word after them (`_COUNTING_ONE`), a date's day, whose
    month comes before it, left out (`on Jan. 1 with his family`)."""
    return sum(not _MONTH_BEFORE_DAY.search(text, 0, one.start())
               for one in _COUNTING_ONE.finditer(text))
