"""Dates and times written in English words, as news sites write them on their pages.

NewsDiffs copies them into the date line of each version text (`January 3, 2020`,
`June 03, 2013 at  4:05pm EDT`), and a saved page may give its microdata time so
(`<span itemprop="dateModified">3 January 2020</span>`): one reader for both. A date given
without a time of day is read as that date (`parse_day`), never as its midnight. A label in
front (`Updated`, `Published:`) is no part of the date, and a month is abbreviated with a dot
or not, September as `Sept` too, May dotted as sites that dot every month write it (`Jan. 3, 2020`,
`Sept. 3, 2020`, `May. 3, 2020`, `3 Jan 2020`).

A zone after the time is read where RFC 2822 gives it an offset (`EST`, `EDT`, `GMT`), as in
any date line; one it does not (`ET`, EST or EDT by the season; `BST`) is left out, the time
read as written, in no zone, and named by `unread_zone_of` for the reader's warning: no offset
is made up.

The formats are read here, not with `strptime`, whose `%B`, `%b`, `%A` and `%p` read the names
of the language LC_TIME gives when a caller sets a locale: the sources write English
whatever the reader's locale. `english_time` reads such a time in a fixed format for the other
readers too: a saved page's SingleFile date and Wayback note (`page_times`), and a News Sniffer
page's first-seen time as it shows it, `January 2, 2020 17:12 (UTC)` (`sniffer_shown_times`).
"""

from __future__ import annotations

import contextlib
import re
from datetime import date, datetime

from revdiff.engine.calendar_words import MONTHS_IN_ORDER, WEEKDAYS
from revdiff.errors import MalformedPage
from revdiff.formats.fields import iso_date, parse_written_time, unread_zone
from revdiff.formats.text_input import ASCII_WHITESPACE

# The sources' date lines that give a date alone (`January 3, 2020`)
_DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y")
# Those that give a time of day too; the last two are CNN's (`June 03, 2013 at  4:05pm EDT`, EDT in
# every season) and the Washington Post's (`Monday, June  3 2013,  4:05 PM`), a number padded
# with a space or not.
_TIME_FORMATS = ("%B %d, %Y %I:%M %p", "%Y-%m-%d %H:%M:%S", "%B %d, %Y at %I:%M%p EDT",
                 "%A, %B %d %Y, %I:%M %p")

# A month's first three letters, which `%b` reads, as strptime does, not the engine's
# MONTH_ABBREVIATIONS (`sept`; no `may`)
_MONTH_FIRST_LETTERS = tuple(month[:3] for month in MONTHS_IN_ORDER)
# What each directive the formats use reads, as strptime reads it in the C locale; a space reads
# one or more white-space characters, as in strptime (`at  4:05pm`).
_DIRECTIVES = {
    "%B": f"(?P<month_name>{'|'.join(MONTHS_IN_ORDER)})",
    "%b": f"(?P<month_abbreviation>{'|'.join(_MONTH_FIRST_LETTERS)})",
    "%A": f"(?:{'|'.join(sorted(WEEKDAYS))})",
    "%p": "(?P<half>am|pm)",
    "%Y": "(?P<year>[0-9]{4})",
    "%m": "(?P<month>[0-9][0-9]?)",
    "%d": "(?P<day>[0-9][0-9]?)",
    "%H": "(?P<hour>[0-9][0-9]?)",
    "%I": "(?P<hour12>[0-9][0-9]?)",
    "%M": "(?P<minute>[0-9][0-9]?)",
    "%S": "(?P<second>[0-9][0-9]?)",
    " ": r"\s+",
}
_DIRECTIVE = re.compile("(" + "|".join(re.escape(directive) for directive in _DIRECTIVES) + ")")

# A label a site writes before its date (`Updated 3 January 2020`, `Published: Jan 3, 2020`,
# `Last updated on ...`), followed by something
_LABEL = re.compile(r"(?:(?:last\s+)?(?:updated|modified)|(?:first\s+)?(?:published|posted))"
                    r"(?:\s+on)?(?:\s*:\s*|\s+)(?=\S)", re.IGNORECASE)
_SEPTEMBER = re.compile(r"\bsept\b", re.IGNORECASE)
# A month's abbreviation with a dot after it (`Jan.`), which `%b` reads without; May too, whose
# three letters are its name, as sites that dot every month write it (`May. 3, 2020`)
_DOTTED_MONTH = re.compile(rf"\b({'|'.join(_MONTH_FIRST_LETTERS)})\.(?=\s)", re.IGNORECASE)


def date_text(value: str) -> str:
    """The date a date line gives, as the parsers read it: `value` without a label in front and
    with its month's abbreviation as `%b` and the email reader read it (`Sep 3, 2020` for
    `Updated: Sept. 3, 2020`)."""
    value = value.strip(ASCII_WHITESPACE)
    value = value[label.end():] if (label := _LABEL.match(value)) else value
    return _DOTTED_MONTH.sub(r"\1", _SEPTEMBER.sub("Sep", value))


def parse_date(value: str) -> datetime | None:
    """A date line as a datetime, when it gives a date and a time of day in a format news
    sources use.

    None when it is in no known format, gives a date alone (`parse_day` reads that: its
    midnight is no time the line gives), or is a time its zone offset makes none
    (`fields.zone_fault` says why). The sources' own formats come first, then the times
    `parse_written_time` reads (ISO 8601, RFC 2822), after a label in front.
    """
    value = date_text(value)
    if not value or parse_day(value) is not None:
        return None
    dated = _source_format_time(value)
    if dated is None:
        with contextlib.suppress(MalformedPage):  # a zone that puts it out of the years
            dated = parse_written_time(value, "date line", "")
    return dated


def parse_day(value: str) -> date | None:
    """The date a date line gives without a time of day (`January 3, 2020`, `2020-01-03`),
    None when it gives a time of day too or is no date."""
    value = date_text(value)
    for day_format in _DAY_FORMATS:
        try:
            return english_time(value, day_format).date()
        except ValueError:
            continue
    return iso_date(value)


def _source_format_time(value: str) -> datetime | None:
    """The date and time a line writes in one of the sources' own formats, None when it is in
    none."""
    value = value.strip(ASCII_WHITESPACE)
    for time_format in _TIME_FORMATS:
        try:
            return english_time(value, time_format)
        except ValueError:
            continue
    return None


def english_time(value: str, time_format: str) -> datetime:
    """`value` read in `time_format` as `datetime.strptime` reads it in the C locale, whatever
    locale a caller set: month and weekday names and am/pm in English, in any case. The format
    holds the directives `_DIRECTIVES` names and literal text. ValueError when `value` is not in
    the format or names no date or time (`February 30`, `13:00 pm`)."""
    pattern = "".join(_DIRECTIVES[piece] if piece in _DIRECTIVES else re.escape(piece)
                      for piece in _DIRECTIVE.split(time_format) if piece)
    found = re.fullmatch(pattern, value, re.IGNORECASE)
    if found is None:
        raise ValueError(f"{value!r} is not in the format {time_format!r}")
    fields = {name: text for name, text in found.groupdict().items() if text is not None}
    if "month_name" in fields:
        month = MONTHS_IN_ORDER.index(fields["month_name"].lower()) + 1
    elif "month_abbreviation" in fields:
        month = [name[:3] for name in MONTHS_IN_ORDER].index(fields["month_abbreviation"].lower()) + 1
    else:
        month = int(fields["month"])
    return datetime(int(fields["year"]), month, int(fields["day"]), _hour_of(fields),
                    int(fields.get("minute", 0)), int(fields.get("second", 0)))


def _hour_of(fields: dict[str, str]) -> int:
    """The hour of the day a match's fields give: `%H`, or `%I` (1 to 12) with `%p`."""
    if "hour12" not in fields:
        return int(fields.get("hour", 0))
    hour = int(fields["hour12"])
    if not 1 <= hour <= 12:
        raise ValueError(f"{hour} is no hour of a 12-hour clock")
    return hour % 12 + (12 if fields.get("half", "am").lower() == "pm" else 0)


def unread_zone_of(value: str) -> str | None:
    """The zone a date line names that `parse_date` leaves out (`ET` of `Published: Jan 3, 2020
    10:30 a.m. ET`), as `fields.unread_zone` names it, after a label in front."""
    return unread_zone(date_text(value))
