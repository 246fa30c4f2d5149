"""The one safe parser for numbers, times and URLs that every reader uses."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from revdiff.errors import MalformedPage
from revdiff.formats.fields import (
    MAX_NUMBER,
    checked_url,
    dated_back_warnings,
    leap_second_warning,
    parse_iso_time,
    parse_number,
    parse_written_time,
    shown,
    source_of_url,
    time_from_epoch,
    unread_zone,
)
from revdiff.model import Version

# These parsers are pure and fast: many examples cost little.
MANY = settings(max_examples=1000, deadline=None)


@MANY
@given(st.integers(0, MAX_NUMBER))
def test_plain_numbers_come_back(number: int) -> None:
    assert parse_number(str(number), "version number", "page.txt") == number
    assert parse_number(f" {number}\n", "version number", "page.txt") == number
    assert parse_number(number, "version", "outlet.db") == number
    assert parse_number(float(number), "version", "outlet.db") == number


@pytest.mark.parametrize(("text", "number"), [("0000000000000001", 1), ("0" * 5000 + "7", 7),
                                              ("000", 0)], ids=["16 digits", "5001 digits", "zeros"])
def test_leading_zeros_add_no_digits(text: str, number: int) -> None:
    assert parse_number(text, "version number", "page.txt") == number


@MANY
@example("9" * 5000)
@example("²")
@example("٣")
@example("-1")
@example("1e300")
@example("")
@given(st.text(max_size=30))
def test_any_text_is_a_number_or_one_error_line(text: str) -> None:
    stripped = text.strip(" \t\n\r\f\v")
    try:
        number = parse_number(text, "version number", "page.txt", 7)
    except MalformedPage as error:
        assert not (stripped.isascii() and stripped.isdigit() and len(stripped) <= 15)
        assert str(error).startswith("page.txt:7: version number ")
        assert "\n" not in str(error) and len(str(error)) < 300
        return
    assert stripped.isascii() and stripped.isdigit() and number == int(stripped)


@MANY
@example(2**62)
@example(-(2**70))
@example(10**5000)
@example(1e300)
@example(True)
@given(st.one_of(st.integers(), st.floats()))
def test_any_cell_is_a_number_or_one_error_line(value: object) -> None:
    try:
        number = parse_number(value, "num_versions", "outlet.db")
    except MalformedPage as error:
        assert "\n" not in str(error) and len(str(error)) < 300
        return
    assert 0 <= number <= MAX_NUMBER and number == value


@MANY
@example(1e20)
@example(-1e20)
@example(2**62)
@example(10**400)
@example(math.inf)
@example(math.nan)
@given(st.one_of(st.floats(), st.integers()))
def test_any_timestamp_is_a_utc_time_or_one_error_line(seconds: float) -> None:
    try:
        when = time_from_epoch(seconds, "created", "outlet.db")
    except MalformedPage as error:
        assert "created" in str(error) and "\n" not in str(error)
        return
    assert when.tzinfo is UTC


# Time zones of whole minutes, as ISO 8601 and RFC 2822 times carry them.
OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))


@settings(max_examples=300, deadline=None)
@example(datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=23, minutes=59))))
@example(datetime(9999, 12, 31, 23, 59, tzinfo=timezone(-timedelta(hours=23, minutes=59))))
@given(st.datetimes(timezones=st.one_of(st.none(), OFFSETS)))
def test_any_iso_time_can_be_taken_to_utc_or_is_refused(when: datetime) -> None:
    try:
        read = parse_iso_time(when.isoformat(), "<time datetime>", "page.html")
    except MalformedPage as error:
        assert "outside the years 1 to 9999" in str(error)
        return
    assert read == when
    if read is not None and read.tzinfo is not None:
        read.astimezone(UTC)


def test_text_that_is_no_iso_time_is_none() -> None:
    assert parse_iso_time("about 1 hour later", "<time datetime>", "page.html") is None


EST = timezone(-timedelta(hours=5))


@pytest.mark.parametrize(("text", "when"), [
    ("Thu, 10 Jan 2019 10:31:03 PM GMT", datetime(2019, 1, 10, 22, 31, 3, tzinfo=UTC)),
    ("Thu, 10 Jan 2019 10:31:03 pm", datetime(2019, 1, 10, 22, 31, 3)),
    ("10 Jan 2019 10:31 p.m. EST", datetime(2019, 1, 10, 22, 31, tzinfo=EST)),
    ("Thu, 10 Jan 2019 10:31:03PM -0500", datetime(2019, 1, 10, 22, 31, 3, tzinfo=EST)),
    ("Thu, 10 Jan 2019 10.31 P.M. UT", datetime(2019, 1, 10, 22, 31, tzinfo=UTC)),
    ("Jan 10, 2019, 10:31 p.m., EST", datetime(2019, 1, 10, 22, 31, tzinfo=EST)),
    ("Thu Jan 10 10:31:03 PM 2019", datetime(2019, 1, 10, 22, 31, 3)),
    ("Thursday, 10-Jan-19 10:31:03 PM GMT", datetime(2019, 1, 10, 22, 31, 3, tzinfo=UTC)),
    ("2019-01-10 10:31:03 PM UTC", datetime(2019, 1, 10, 22, 31, 3, tzinfo=UTC)),
    ("Thu, 10 Jan 2019 12:31:03 AM GMT", datetime(2019, 1, 10, 0, 31, 3, tzinfo=UTC)),
    ("Thu, 10 Jan 2019 12:31:03 PM GMT", datetime(2019, 1, 10, 12, 31, 3, tzinfo=UTC)),
    ("Thu, 10 Jan 2019 10:31:03 a.m. GMT", datetime(2019, 1, 10, 10, 31, 3, tzinfo=UTC)),
    # a zone name the email reader does not know is left out with or without the clock's half
    ("Thu, 10 Jan 2019 10:31:03 PM CET", datetime(2019, 1, 10, 22, 31, 3)),
])
def test_a_12_hour_time_is_read_on_the_24_hour_clock_with_its_zone(text: str, when: datetime
                                                                    ) -> None:
    read = parse_written_time(text, "created", "edits.sqlite")
    assert read == when
    assert (read.utcoffset() if read else None) == when.utcoffset()


@pytest.mark.parametrize("text", [
    "Thu, 10 Jan 2019 22:31:03 PM GMT", "Thu, 10 Jan 2019 0:31:03 AM GMT",
    "Thu, 10 Jan 2019 10:31:03 GMT PM", "Thursday, 10-Jan-19 10:31:03 PM",
    "Thu, 10 Jan 2019 \u0661\u0660:31 PM GMT",
])
def test_a_12_hour_time_that_cannot_be_read_right_is_no_time(text: str) -> None:
    assert parse_written_time(text, "created", "edits.sqlite") is None


@pytest.mark.parametrize(("text", "zone"), [
    ("Thu, 10 Jan 2019 22:31:03 CET", "CET"), ("10 Jan 2019 22:31 BST", "BST"),
    ("Thursday, 10 Jan 2019 10:31:03 PM IST", "IST"), ("Thu, 10 Jan 2019 22:31:03 CEST", "CEST"),
    ("Thu, 10 Jan 2019 22:31:03 XYZ", "XYZ"), ("Thu, 10 Jan 2019 22:31:03 +01:00", "+01:00"),
    ("Thu, 10 Jan 2019 22:31:03 CET (Paris)", "CET"),
    # zones that are read, no zone, `-0000` (no zone known), no time, a zone out of range
    ("Thu, 10 Jan 2019 22:31:03 EST", None), ("Thu, 10 Jan 2019 22:31:03 +0100", None),
    ("Thu, 10 Jan 2019 10:31:03 PM", None), ("Thu Jan 10 10:31:03 PM 2019", None),
    ("Thu, 10 Jan 2019 22:31:03 -0000", None), ("2019-01-10 20:31:03", None),
    ("June 03, 2013 at  4:05pm EDT", None), ("Thu, 10 Jan 2019 22:31:03 +2500", None),
])
def test_a_zone_the_email_reader_leaves_out_is_named(text: str, zone: str | None) -> None:
    """An unknown zone name (`CET`) was left out without a word: the time read hours off."""
    assert unread_zone(text) == zone
    if zone is not None:
        read = parse_written_time(text, "created", "edits.sqlite")
        assert read is not None and read.tzinfo is None


@pytest.mark.parametrize("text", [
    "Thu, 10 Jan 2019 22:31:03 +2500",
    # minutes of 60 were read as the next hour (-02:00) without a word
    "Thu, 10 Jan 2019 22:31:03 -0160", "2019-01-10T22:31:03-01:60", "2019-01-10 22:31:03+00:60",
])
def test_a_time_in_a_zone_out_of_range_is_no_time(text: str) -> None:
    assert parse_written_time(text, "created", "e.sqlite") is None
    assert parse_iso_time(text, "<time datetime>", "page.html") is None


@pytest.mark.parametrize("url", ["http://[::1/x", "https://[", "http://a]/"])
def test_a_url_python_cannot_split_is_refused(url: str) -> None:
    with pytest.raises(MalformedPage, match="not a well-formed URL"):
        checked_url(url, "article URL", "page.html")


def test_a_url_is_kept_as_written() -> None:
    assert checked_url("https://example.com/a?b=1", "article URL", "p") == "https://example.com/a?b=1"


SITE = "https://www.nytimes.com/2020/01/03/world/middleeast/"


@pytest.mark.parametrize(("one", "other"), [
    # two pages of one site: their paths' ends differ
    (f"{SITE}after-the-soleimani-strike-iran-fires-missiles-at-us-troops-in-iraq.html",
     f"{SITE}after-the-soleimani-strike-iran-fires-missiles-at-us-troops-in-syria.html"),
    # two long ids alike at the start
    ("story-" + "x" * 100 + "-1", "story-" + "x" * 100 + "-2"),
])
def test_a_long_value_quoted_in_a_warning_is_told_from_another_like_it(one: str,
                                                                       other: str) -> None:
    """A value was cut to its first 32 characters: every URL of a site's day looked the same."""
    assert shown(one) != shown(other)
    assert shown(one).endswith(f"' ({len(one):,} characters)")


def test_a_short_value_quoted_in_a_warning_is_shown_whole() -> None:
    """A 36-character date line was cut to 16 and 16 characters around `...`, with its length:
    longer than the line itself, and cut in the middle of a word."""
    line = "Published: Jan 3, 2020 10:30 a.m. ET"
    assert shown(line) == repr(line)


def test_a_long_value_quoted_in_a_warning_is_cut_between_words_where_one_ends_near() -> None:
    """The cut fell in the middle of words (`'Published: Janua'...`) though a space was near."""
    line = "Published: January 3, 2020 at 10:30 a.m. Eastern Time, updated once more, at noon"
    quoted = shown(line)
    start, end = quoted.removesuffix(f" ({len(line):,} characters)").split("...")
    assert (start, end) == ("'Published:'", "'more, at noon'")


@pytest.mark.parametrize("value", [f"{SITE}x\x1b[2J" + "y" * 200 + "\x1b]0;owned\x07/\x9b.html",
                                   "\x1b[2J" + "x" * 200 + "\u202e\r"])
def test_a_long_value_quoted_in_a_warning_shows_no_control_character(value: str) -> None:
    quoted = shown(value)
    assert quoted.isprintable()
    assert len(quoted) < 200


@pytest.mark.parametrize("sample", ["newsedits.sqlite", "diffengine.db",
                                    "newsdiffs/us-deploys-troops-v1-v2-raw.html",
                                    "nytdiff-rss-titles.db",
                                    "snapshots/us-deploys-troops-after-soleimani-strike"])
def test_every_reader_names_the_independent_alike(sample: str, request: pytest.FixtureRequest) -> None:
    from pathlib import Path

    if sample.startswith("snapshots/"):
        request.getfixturevalue("trafilatura")

    from revdiff.formats import load

    samples = Path(__file__).resolve().parents[2] / "samples"
    articles = [a for a in load([str(samples / sample)])
                if a.url and "independent.co.uk" in a.url]
    assert articles and {a.source for a in articles} == {"independent"}


def test_a_source_is_the_host_without_www_when_no_key_is_known() -> None:
    assert source_of_url("https://www.example.org/a") == "example.org"
    assert source_of_url("https://edition.cnn.com/x") == "cnn"
    assert source_of_url("no url") is None


@pytest.mark.parametrize(("text", "read"), [
    ("2016-12-31T23:59:60+00:00", datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)),
    ("Sat, 31 Dec 2016 23:59:60 GMT", datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)),
    ("Dec 31, 2016 11:59:60 PM", datetime(2016, 12, 31, 23, 59, 59)),
])
def test_a_time_at_a_leap_second_is_read_at_second_59_and_has_its_warning(
        text: str, read: datetime) -> None:
    assert parse_written_time(text, "created", "f") == read
    assert leap_second_warning(text, "created") is not None


@pytest.mark.parametrize("text", ["2019-01-10T22:31:03-01:60", "2016-12-31T23:59:61+00:00",
                                  "2016-12-31T23:59:59+00:00"])
def test_no_other_time_has_a_leap_second_warning(text: str) -> None:
    """Minutes of 60 in a zone offset are out of range, no leap second."""
    assert leap_second_warning(text, "created") is None


def _timed(number: int, time: datetime) -> Version:
    return Version(number, "T", ("A paragraph.",), time)


@pytest.mark.parametrize(("zoneless", "warned"), [
    (datetime(2020, 1, 4, 5, 13), True),  # before in every zone: 14:00 behind the zoned time's UTC
    (datetime(2020, 1, 4, 5, 11), False),  # after it in UTC+14
    (datetime(2020, 1, 3, 5, 11), False),  # before it in every zone, as a version before it
], ids=["before-in-every-zone", "before-in-one-zone", "in-order"])
def test_a_zoned_time_is_dated_back_against_a_zoneless_one_only_where_every_zone_says_so(
        zoneless: datetime, warned: bool) -> None:
    # a NewsDiffs page times a version by its zoneless Archived date and the other by its date
    # line's time with a UTC offset; a day back between them went without a word
    zoned = datetime(2020, 1, 3, 15, 12, tzinfo=UTC)
    warnings = dated_back_warnings("page.html", [_timed(1, zoneless), _timed(2, zoned)])
    warning = ("page.html: version 2 is dated before version 1 (2020-01-03 15:12:00+00:00 < "
               f"{zoneless.isoformat(sep=' ')}); kept in version order")
    assert warnings == ([warning] if warned else [])


@pytest.mark.parametrize(("zoneless", "warned"), [
    (datetime(2020, 1, 3, 3, 11), True),  # behind it in every zone: 12:00 after the zoneless one
    (datetime(2020, 1, 3, 3, 13), False),  # in UTC-12, 15:13 UTC: after it
], ids=["before-in-every-zone", "after-in-one-zone"])
def test_a_zoneless_time_is_dated_back_against_a_zoned_one_only_where_every_zone_says_so(
        zoneless: datetime, warned: bool) -> None:
    zoned = datetime(2020, 1, 3, 15, 12, tzinfo=UTC)
    warnings = dated_back_warnings("page.html", [_timed(1, zoned), _timed(2, zoneless)])
    assert bool(warnings) is warned


def test_times_at_the_ends_of_the_calendar_compare_without_overflow() -> None:
    earliest = datetime.min
    latest = datetime.max.replace(tzinfo=UTC)
    assert dated_back_warnings("x", [_timed(1, latest), _timed(2, earliest)]) != []
    assert dated_back_warnings("x", [_timed(1, datetime.max), _timed(2, datetime.min.replace(
        tzinfo=UTC))]) != []
