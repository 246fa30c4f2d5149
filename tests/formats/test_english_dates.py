"""Dates and times written in English words: NewsDiffs' date lines, saved pages' microdata."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from locales import printed_in_german_locale

from revdiff.formats.english_dates import parse_date, parse_day, unread_zone_of


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


@pytest.mark.parametrize("value", [
    "3 Jan 2020", "Jan. 3, 2020", "Jan 3, 2020", "Updated 3 January 2020", "Updated: Jan. 3, 2020",
    "Published: 3 January 2020", "Last updated on January 3, 2020", "published 3 Jan 2020",
])
def test_day_lines_abbreviated_or_labelled(value: str) -> None:
    """A month abbreviated with a dot or not, day first, and a label in front (`Updated`,
    `Published:`), as sites write their dates: none was read."""
    assert parse_day(value) == date(2020, 1, 3)
    assert parse_date(value) is None  # a date alone, no midnight


@pytest.mark.parametrize("value", ["Sept. 3, 2020", "Sept 3, 2020", "3 Sept 2020"])
def test_september_is_read_as_sites_abbreviate_it(value: str) -> None:
    assert parse_day(value) == date(2020, 9, 3)


@pytest.mark.parametrize(("value", "expected"), [
    # ET is Eastern time, EST or EDT by the season: no offset is invented, the time is read as
    # written, in no zone (`unread_zone_of` names it, for a reader's warning)
    ("Published: Jan 3, 2020 10:30 a.m. ET", datetime(2020, 1, 3, 10, 30)),
    ("Updated 3 Jan 2020 10:30 BST", datetime(2020, 1, 3, 10, 30)),
    # a zone RFC 2822 names (EST, EDT, GMT) is its offset, as in any date line
    ("Updated: Jan. 3, 2020 10:30 AM EST", datetime(2020, 1, 3, 10, 30,
                                                     tzinfo=timezone(timedelta(hours=-5)))),
    ("Published 3 Jan 2020 10:30 GMT", datetime(2020, 1, 3, 10, 30, tzinfo=UTC)),
    ("Sept. 3, 2020 4:05 p.m. EDT", datetime(2020, 9, 3, 16, 5,
                                             tzinfo=timezone(timedelta(hours=-4)))),
])
def test_times_abbreviated_or_labelled(value: str, expected: datetime) -> None:
    read = parse_date(value)
    assert read == expected
    assert read is not None and read.tzinfo == expected.tzinfo


@pytest.mark.parametrize(("value", "zone"), [
    ("Published: Jan 3, 2020 10:30 a.m. ET", "ET"), ("Updated 3 Jan 2020 10:30 BST", "BST"),
    ("Updated: Jan. 3, 2020 10:30 AM EST", None), ("Jan 3, 2020", None),
])
def test_the_zone_a_labelled_time_leaves_out_is_named(value: str, zone: str | None) -> None:
    assert unread_zone_of(value) == zone


@pytest.mark.parametrize("value", ["Yesterday 3 Jan 2020", "Updated", "Updated:", "3 Jan"])
def test_words_that_are_no_label_or_no_date_stay_unread(value: str) -> None:
    assert parse_day(value) is None
    assert parse_date(value) is None


def test_english_names_are_read_whatever_the_locale(tmp_path: Path) -> None:
    """The formats were read with strptime's `%B`, `%b`, `%A` and `%p`, in LC_TIME's language: a
    caller that set a German locale had NewsDiffs' English date lines read as no date."""
    printed = printed_in_german_locale(
        tmp_path, "from revdiff.formats.english_dates import parse_date, parse_day\n"
                  "print(parse_day('Friday, January 3, 2020'), parse_day('Oct 3, 2020'))\n"
                  "print(parse_date('June 03, 2013 at  4:05pm EDT'))\n"
                  "from revdiff.formats.newsdiffs import archived_time\n"
                  "print(archived_time('January 03, 2020 at 3:40pm EDT'))\n")
    assert printed == ["2020-01-03 2020-10-03", "2013-06-03 16:05:00",
                                       "2020-01-03 15:40:00"]


@pytest.mark.parametrize(("value", "day"), [
    ("May. 3, 2020", date(2020, 5, 3)), ("Updated: May. 3, 2020", date(2020, 5, 3)),
    ("3 May. 2020", date(2020, 5, 3)),
])
def test_may_with_a_dot_is_read_as_the_other_months_are(value: str, day: date) -> None:
    """Sites that put a dot after every month's short name write `May.` too: it kept its dot
    and the line was no date."""
    assert parse_day(value) == day


def test_may_with_a_dot_before_a_time_is_read() -> None:
    assert parse_date("May. 3, 2020 4:05 PM") == datetime(2020, 5, 3, 16, 5)
