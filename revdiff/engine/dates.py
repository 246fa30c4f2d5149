"""Dates written in running text in the styles news writes them, each read as the one date it is
(`dates_in`): `2020-01-03`, `1/3/2020`, `January 3, 2020`, `Jan. 3, 2020` and `3 January 2020`
are one date, `Jan. 3`, `January 3rd`, `3 Jan.` and `1/3` another, a date without its year, so
that `numbers_in` in other styles sees a date rewritten in another style as the same numbers."""

from __future__ import annotations

import re
from datetime import date

from revdiff.engine.calendar_words import MONTHS
from revdiff.engine.word_sets import word_set
from revdiff.engine.years import looks_like_a_year


def capitalised_pattern(words: frozenset[str]) -> str:
    """A pattern of any of `words`, capitalised, the longest first, so that `Sept` is not read
    as `Sep`."""
    return "(?:" + "|".join(sorted((word.capitalize() for word in words),
                                   key=lambda word: (-len(word), word))) + ")"


# An English month's name or its abbreviation (`calendar_words.MONTHS`), capitalised (`may` and
# `march` are verbs too).
MONTH = capitalised_pattern(MONTHS)
# Words before a day or a month that make it a time, capitalised or not (`on Friday`, `in
# January`, `late May`, `On Friday, …`, a headline's `Strike Gaza On Tuesday`), not a name
# (`Theresa May`, `April Ryan`, `Super Tuesday`).
BEFORE_A_DATE = word_set("on in since by until during early late mid last next this earlier later")
# Each month's number, by its name's first three letters (`Sept` and `September` are `Sep`).
_MONTH_NUMBERS = {month: number for number, month in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}

# What may not stand right after a date's last number: more of a word or of a number (`3,000`,
# `3.5`, `10:30`), or another part of a date written with slashes or dashes.
_END = r"(?![\w/⁄-]|[.,:]\d)"


def _year(name: str) -> str:
    """A year of four digits after a date's day, a comma or not before it (`January 3, 2020`,
    `3 January 2020`), or none: a pattern whose group `name` holds it."""
    return rf"(?:,?\s+(?P<{name}>\d{{4}}){_END})?"


def _day(name: str) -> str:
    """A day of the month, with an ordinal's letters or not (`3`, `3rd`): a pattern whose group
    `name` holds its number."""
    return rf"(?P<{name}>\d{{1,2}})(?:st|nd|rd|th)?"


_DATE = re.compile(
    # ISO 8601: year, month and day
    rf"(?<![\w.,/⁄-])(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{2}})-(?P<iso_day>\d{{2}}){_END}"
    # digits and slashes (or a vulgar fraction's slash, as `numbers_in` writes `½`), month first,
    # the year last or none: `1/3/2020`, `9/11`
    rf"|(?<![\w.,/⁄-])(?P<first>\d{{1,2}})[/⁄](?P<second>\d{{1,2}})(?:/(?P<slash_year>\d{{4}}))?{_END}"
    # the month's name, then the day: `January 3, 2020`, `Jan. 3`
    rf"|\b(?P<month>{MONTH})\b\.?\s+{_day('day')}{_END}{_year('year')}"
    # the day, then the month's name: `3 January 2020`, `3rd of Jan.`
    rf"|(?<![\w.,/⁄-]){_day('day_before')}\s+(?:of\s+)?(?P<month_after>{MONTH})\b\.?"
    rf"{_year('year_after')}")


def dates_in(text: str) -> list[tuple[re.Match[str], str]]:
    """Each date of `text` (`_DATE`) and the date it is, `2020-01-03` (ISO 8601), or `--01-03`
    without a year (ISO 8601's form for a date of any year). Digits and slashes are read month
    first, as American papers write them (`9/11` and `September 11`, `1/3/2020` and `January 3,
    2020` are one date; the price: a British `1/3`, 1 March, is read as January 3), but day first
    where the first cannot be a month (`25/12`); a year is four digits from 1800 to 2099, so
    `January 3, 1500 people` holds no year, and a day or month out of range (`13/13`, `Feb. 30`)
    makes no date, its numbers read as numbers."""
    dates = []
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        if groups["iso_year"]:
            year, month, day = groups["iso_year"], groups["iso_month"], groups["iso_day"]
        elif groups["first"]:
            month, day, year = groups["first"], groups["second"], groups["slash_year"]
            if int(month) > 12:
                month, day = day, month
        else:
            name = groups["month"] or groups["month_after"]
            month = str(_MONTH_NUMBERS[name[:3].casefold()])
            day, year = ((groups["day"], groups["year"]) if groups["month"]
                         else (groups["day_before"], groups["year_after"]))
        if year is not None and not looks_like_a_year(year):
            continue
        read = _valid_date(int(year or 2000), int(month), int(day))  # 2000 has a 29 February
        if read is not None:
            dates.append((match, f"{year}-{read[5:]}" if year else f"--{read[5:]}"))
    return dates


def _valid_date(year: int, month: int, day: int) -> str | None:
    """The date in ISO 8601 (`2020-01-03`), None when the month or the day is out of range."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
