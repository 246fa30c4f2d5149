"""Dates and times written in English words, as news sites write them on their pages.

NewsDiffs copies them into the date line of each version text (`January 3, 2020`,
`June 03, 2013 at  4:05pm EDT`), and a saved page may give its microdata time so
(`<span itemprop="dateModified">3 January 2020</span>`): one reader for both. A date given
without a time of day is read as that date (`parse_day`), never as its midnight.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from revdiff.errors import MalformedPage
from revdiff.formats.fields import iso_date, parse_written_time
from revdiff.formats.text_input import ASCII_WHITESPACE

# The sources' date lines that give a date alone (`January 3, 2020`)
_DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%A, %B %d, %Y")
# Those that give a time of day too; the last two are CNN's (`June 03, 2013 at  4:05pm EDT`, EDT in
# every season) and the Washington Post's (`Monday, June  3 2013,  4:05 PM`), a number padded
# with a space or not.
_TIME_FORMATS = ("%B %d, %Y %I:%M %p", "%Y-%m-%d %H:%M:%S", "%B %d, %Y at %I:%M%p EDT",
                 "%A, %B %d %Y, %I:%M %p")


def parse_date(value: str) -> datetime | None:
    """A date line as a datetime, when it gives a date and a time of day in a format news
    sources use.

    None when it is in no known format, gives a date alone (`parse_day` reads that: its
    midnight is no time the line gives), or is a time its zone offset makes none
    (`fields.zone_fault` says why). The sources' own formats come first, then the times
    `parse_written_time` reads (ISO 8601, RFC 2822).
    """
    value = value.strip(ASCII_WHITESPACE)
    if not value or parse_day(value) is not None:
        return None
    dated = source_format_time(value)
    if dated is None:
        with contextlib.suppress(MalformedPage):  # a zone that puts it out of the years
            dated = parse_written_time(value, "date line", "")
    return dated


def parse_day(value: str) -> date | None:
    """The date a date line gives without a time of day (`January 3, 2020`, `2020-01-03`),
    None when it gives a time of day too or is no date."""
    value = value.strip(ASCII_WHITESPACE)
    for day_format in _DAY_FORMATS:
        try:
            return datetime.strptime(value, day_format).date()
        except ValueError:
            continue
    return iso_date(value)


def source_format_time(value: str) -> datetime | None:
    """The date and time a line writes in one of the sources' own formats, None when it is in
    none."""
    value = value.strip(ASCII_WHITESPACE)
    for time_format in _TIME_FORMATS:
        try:
            return datetime.strptime(value, time_format)
        except ValueError:
            continue
    return None
