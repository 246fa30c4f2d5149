"""Dates and times written in English words: NewsDiffs' date lines, saved pages' microdata."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from revdiff.formats.english_dates import parse_date, parse_day


@pytest.mark.parametrize(("value", "expected"), [
    ("Fri, 03 Jan 2020 18:58:00 +0000", datetime(2020, 1, 3, 18, 58, tzinfo=UTC)),
    ("2020-01-03T18:58:00Z", datetime(2020, 1, 3, 18, 58, tzinfo=UTC)),
    ("January 3, 2020", None),  # a date alone: was its midnight, a time the line does not give
    ("2020-01-03", None),
    # as NewsDiffs' CNN and Washington Post parsers write them (were no date, and 4:05 am)
    ("June 03, 2013 at  4:05pm EDT", datetime(2013, 6, 3, 16, 5)),
    ("Monday, June  3 2013,  4:05 PM", datetime(2013, 6, 3, 16, 5)),
    # RFC 2822 with a 12-hour time (was 10:31 without its zone)
    ("Thu, 10 Jan 2019 10:31:03 PM GMT", datetime(2019, 1, 10, 22, 31, 3, tzinfo=UTC)),
    ("", None),
    ("Updated sometime", None),
])
def test_date_lines(value: str, expected: datetime | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("January 3, 2020", date(2020, 1, 3)), ("Friday, January 3, 2020", date(2020, 1, 3)),
    ("2020-01-03", date(2020, 1, 3)), ("January 3, 2020 at  4:05pm EDT", None), ("", None),
])
def test_day_lines(value: str, expected: date | None) -> None:
    assert parse_day(value) == expected
