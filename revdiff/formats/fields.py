"""Numbers and times taken from inputs: one safe parser for each, used by every reader.

Inputs come from strangers. A version number may have 5000 digits or be written `²`, a
timestamp may lie a hundred billion years away, a time zone may push a date past year 9999.
Each parser returns a value the rest of revdiff can use (an integer that JSON and SQLite keep
exactly, a datetime whose instant in UTC exists) or raises `MalformedPage` naming the field, so
the command line prints one line and exits with code 2.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from revdiff.engine.calendar_words import MONTHS_IN_ORDER, WEEKDAYS
from revdiff.errors import MalformedPage
from revdiff.formats.text_input import ASCII_WHITESPACE
from revdiff.model import Article, Version
from revdiff.read_warnings import counted

# Version numbers, version ids and change counts have at most 15 digits: far more than any
# tracker holds, and below 2**53, so every JSON reader and SQLite keep them exactly.
MAX_DIGITS = 15
MAX_NUMBER = 10**MAX_DIGITS - 1
_ASCII_DIGITS = re.compile("[0-9]+")
# How much of a bad value an error message quotes, as (characters of its start, of its end): a
# time with its zone and fraction whole (`2020-01-03T10:00:00.000000+00:00`), whose zone may be
# what is wrong with it. A longer value is cut in the middle, where two values (two ids, two
# long numbers) differ less often than at their ends.
_SHOWN_CHARS = (16, 16)
# A URL's scheme and host start it and its path, what tells two pages of one site apart, ends
# it: more of both, and most of the path.
_SHOWN_URL_CHARS = (32, 64)
# A value at most this much longer than what a cut keeps is shown whole: the cut's marks (`'...'`
# and the count of characters) would take about as much room as they leave out.
_CUT_MARKS_CHARS = 20
# A cut falls where a word ends if one ends within this many characters of it.
_NEAR_WORD_END = 8
_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_DEFAULT_HINT = "the input is damaged or not the tracker's own; correct it or save it again"


def digits_value(digits: str) -> int | None:
    """The number ASCII `digits` spell, None past MAX_DIGITS: leading zeros add no size
    (`0000000000000001` is 1), and thousands of them never reach `int`."""
    significant = digits.lstrip("0")
    return int(significant or "0") if len(significant) <= MAX_DIGITS else None


def shown(value: object) -> str:
    """A bad value quoted for an error line: short, and with control characters escaped.

    A long one keeps its start and its end, the middle cut (`'9999999999999999'...
    '9999999999999999' (5,000 characters)`), between words where a space is near the cut; a URL
    keeps more, most of it its path's end, so that two pages of one site are still told apart.
    A value the cut would shorten by little more than its marks is shown whole.
    """
    if isinstance(value, int):  # str() of a huge int may fail or take long
        return str(value) if abs(value) <= MAX_NUMBER else f"(more than {MAX_DIGITS} digits)"
    text = value if isinstance(value, str) else str(value)
    start, end = _SHOWN_URL_CHARS if _URL_START.match(text) else _SHOWN_CHARS
    if len(text) <= start + end + _CUT_MARKS_CHARS:
        return repr(text)
    head, tail = text[:start], text[-end:]
    if not text[start].isspace():
        word_end = head.rfind(" ", start - _NEAR_WORD_END)
        head = head[:word_end] if word_end > 0 else head
    if not text[-end - 1].isspace():
        word_start = tail.find(" ", 0, _NEAR_WORD_END)
        tail = tail[word_start + 1:] if 0 <= word_start < end - 1 else tail
    return f"{head.rstrip()!r}...{tail.lstrip()!r} ({len(text):,} characters)"


def parse_number(value: object, what: str, where: str, line: int | None = None,
                 hint: str = _DEFAULT_HINT) -> int:
    """A whole number from 0 to MAX_NUMBER: ASCII digits in text, or an integer (or integral
    float) cell.

    Anything else (other digits such as `²` or `٣`, signs, fractions, too many digits, infinity)
    raises MalformedPage saying which field of which input is wrong.
    """
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        digits = value.strip(ASCII_WHITESPACE)
        if _ASCII_DIGITS.fullmatch(digits):
            number = digits_value(digits)
    if number is None or not 0 <= number <= MAX_NUMBER:
        raise MalformedPage(f"{what} {shown(value)} is not a number of 1 to {MAX_DIGITS} "
                            "digits 0-9", where, line, hint=hint)
    return number


def checked_time(value: datetime, written: str, what: str, where: str, line: int | None = None
                 ) -> datetime:
    """`value`, read from the text `written`, itself, when its instant in UTC lies within the
    years 1 to 9999.

    A far time zone can push a date that is valid locally (`9999-12-31T23:59-23:59`) out of
    range in UTC, where converting or exporting it would fail; such a time is refused, quoted as
    written.
    """
    if value.tzinfo is not None and value.utcoffset() is not None:
        try:
            value.astimezone(UTC)
        except (OverflowError, ValueError):
            raise MalformedPage(f"{what} {shown(written)} lies outside the years 1 "
                                "to 9999 in UTC", where, line, hint=_DEFAULT_HINT) from None
    return value


def time_from_epoch(seconds: float, what: str, where: str, line: int | None = None) -> datetime:
    """The UTC time `seconds` after 1970-01-01, refused when it is not finite or out of range."""
    try:
        if not math.isfinite(seconds):
            raise ValueError("not finite")
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise MalformedPage(f"{what} {shown(seconds)} is not a time: seconds since 1970 must give "
                            "a date in the years 1 to 9999", where, line,
                            hint=_DEFAULT_HINT) from None


def seconds_or_milliseconds_time(number: float) -> datetime | None:
    """The UTC time a number stored in a database cell gives: seconds since 1970, or milliseconds
    (as JavaScript writes times) where seconds give no date in the years 1 to 9999; None where
    neither does."""
    for per_second in (1, 1000):
        with contextlib.suppress(MalformedPage, OverflowError):
            return time_from_epoch(number / per_second, "time", "")
    return None


def parse_iso_time(text: str, what: str, where: str, line: int | None = None) -> datetime | None:
    """An ISO 8601 time (`2020-01-03T18:58:00+00:00`), None when the text is not one or its zone
    offset is out of range (`offset_out_of_range`). A time at a leap second (`23:59:60`) is read
    at second 59, which its reader warns of (`leap_second_warning`).

    A time that parses but lies outside the years 1 to 9999 in UTC raises MalformedPage.
    """
    value = _iso_time(text)
    return checked_time(value, text, what, where, line) if value is not None else None


def _iso_time(text: str) -> datetime | None:
    """`text` as Python reads an ISO 8601 time, None where it reads none or its zone offset is
    out of range (`-01:60`, which Python reads as `-02:00`); a leap second is read as second 59
    (`at_second_59`)."""
    if offset_out_of_range(text) is not None:
        return None
    try:
        return datetime.fromisoformat(at_second_59(text.strip(ASCII_WHITESPACE)))
    except ValueError:
        return None


# The second 60 of a time of day at a leap second (`23:59:60`, `4:59:60 PM`), after its hour and
# minute; a zone offset's minutes (`-01:60`) follow no second colon
_LEAP_SECOND = re.compile(r"(?<=[0-9]:[0-9]{2}:)60(?![0-9])")


def at_second_59(text: str) -> str:
    """`text` with a time of day at a leap second (`23:59:60`), which Python's times cannot
    hold, written at the second before it (`23:59:59`): the time keeps its place among others,
    a second early."""
    return _LEAP_SECOND.sub("59", text)


def leap_second_warning(text: str, what: str) -> str | None:
    """The warning of a time the time parsers read at a leap second (`23:59:60` as `23:59:59`),
    `what` naming its field; None when `text` writes no leap second."""
    if _LEAP_SECOND.search(text) is None:
        return None
    return (f"{what} {shown(text)} is at a leap second (second 60), which revdiff's times cannot "
            "hold: read as second 59, a second early, which keeps the versions' order; nothing "
            "to correct")


# A time in UTC as BigQuery and R write it (`2019-01-10 20:31:03 UTC`)
_UTC_SUFFIX = re.compile(r"\s+UTC$")
# A time of day on the 12-hour clock (`10:31 PM`, `10:31:03pm`, `10.31 p.m.`), a comma maybe after
# it: hour, the rest of the time, and `a` or `p`
_TWELVE_HOUR_TIME = re.compile(r"(?<!\S)([0-9]{1,2})([:.][0-9]{2}(?:[:.][0-9]{2})?)\s*([ap])\.?m\.?"
                               r"(?![^\s,])", re.IGNORECASE)
# An AM or PM as a word of its own
_CLOCK_HALF = re.compile(r"(?<![^\s,])[ap]\.?m\.?(?![^\s,])", re.IGNORECASE)


def parse_written_time(text: str, what: str, where: str, line: int | None = None
                       ) -> datetime | None:
    """An ISO 8601 time, one with ` UTC` after it (`2019-01-10 20:31:03 UTC`) or an RFC 2822
    time (`Thu, 10 Jan 2019 22:31:03 GMT`), None when the text is none of these.

    A time of day may be on the 12-hour clock (`Thu, 10 Jan 2019 10:31:03 PM GMT`, `4:05 p.m.`),
    its zone after its AM or PM. None when such a time has no hour 1 to 12 (`22:31 PM`), or an AM
    or PM follows no time of day (`10:31 GMT PM`): none is read as a time it is not.
    A zone Python's email reader does not know is left out (`unread_zone` names it); a time in a
    zone out of range (`+2500`, `-01:60`: `offset_out_of_range`) is no time: None. A time at a
    leap second (`23:59:60`) is read at second 59, which its reader warns of
    (`leap_second_warning`).
    A time that parses but lies outside the years 1 to 9999 in UTC raises MalformedPage.
    """
    on_24_hour_clock = _on_24_hour_clock(text.strip(ASCII_WHITESPACE))
    if on_24_hour_clock is None:
        return None
    iso = _iso_time(_UTC_SUFFIX.sub("+00:00", on_24_hour_clock))
    read = iso if iso is not None else _email_time(on_24_hour_clock)
    return checked_time(read, text, what, where, line) if read is not None else None


def _email_time(text: str) -> datetime | None:
    """`text` as Python's email reader reads an RFC 2822 time, None where it reads none, or its
    zone offset is out of range (`+2500`, or `-0160`, which Python reads as `-0200`); a leap
    second is read as second 59 (`at_second_59`)."""
    import email.utils  # here, not with the module: it loads socket, and most inputs never need it

    if offset_out_of_range(text) is not None:
        return None

    try:
        return email.utils.parsedate_to_datetime(at_second_59(text))
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


# The first three letters of a day's or a month's name, which RFC 2822 writes (`Thu`, `Jan`)
_DAY_AND_MONTH_PREFIXES = sorted({name[:3] for name in (*WEEKDAYS, *MONTHS_IN_ORDER)})
# A word of an RFC 2822 time that names no zone: a day or month name (`Thu,`, `January`), a
# number (`10`, `2019,`), a time of day (`22:31:03`), or `-0000`, which says the zone is unknown
_NO_ZONE_WORD = re.compile(rf"(?:{'|'.join(_DAY_AND_MONTH_PREFIXES)})[a-z]*\.?,?|[0-9]+,?"
                           r"|[0-9]{1,2}[:.][0-9]{2}(?:[:.][0-9]{2})?,?|-0000", re.IGNORECASE)


def unread_zone(text: str) -> str | None:
    """The time zone an RFC 2822 time names that `parse_written_time` left out, reading the time
    as written, in no zone: a name Python's email reader does not know (`CET`, `XYZ`; `IST` is
    India's, Ireland's or Israel's, `BST` British Summer Time or Bangladesh's), or a form it does
    not read (`+01:00`). None when the text names no zone, names one that is read, or is no
    RFC 2822 time.
    """
    written = _on_24_hour_clock(text.strip(ASCII_WHITESPACE))
    if written is None:
        return None
    read = _email_time(written)
    if read is None or read.tzinfo is not None:
        return None
    return next((word for word in written.split() if not _NO_ZONE_WORD.fullmatch(word)), None)


def _on_24_hour_clock(text: str) -> str | None:
    """`text` with each 12-hour time of day written on the 24-hour clock (`10:31 PM` as `22:31`,
    `12:05 a.m.` as `00:05`), None when one has no hour 1 to 12 or an AM or PM follows no time.

    The email reader of RFC 2822 times takes an AM or PM for the time zone's place and drops it.
    """
    pieces = []
    end = 0
    for time in _TWELVE_HOUR_TIME.finditer(text):
        hour, rest, half = int(time[1]), time[2], time[3].lower()
        if not 1 <= hour <= 12:
            return None
        pieces += [text[end:time.start()], f"{hour % 12 + (12 if half == 'p' else 0):02d}{rest}"]
        end = time.end()
    converted = "".join(pieces) + text[end:]
    return None if _CLOCK_HALF.search(converted) else converted


# The zone offset a time ends with, ISO 8601's or RFC 2822's (`+01:00`, `-0500`): sign, hours, minutes
_ENDING_OFFSET = re.compile(r"(?<=[0-9\s])[+-]([0-9]{2}):?([0-9]{2})$")


def offset_out_of_range(text: str) -> str | None:
    """The zone offset a time ends with when it comes to a day or more (`+2500`, `-23:60`), which
    no zone has and Python does not read, or its minutes are 60 or more (`-01:60`, which Python
    would read as `-02:00`); None when it ends in none such."""
    offset = _ENDING_OFFSET.search(text.strip(ASCII_WHITESPACE))
    if offset is None or (int(offset[1]) < 24 and int(offset[2]) < 60):
        return None
    return offset[0]


def offset_out_of_range_reason(text: str, iso: bool = False) -> str | None:
    """Why a time whose zone offset is out of range (`offset_out_of_range`: `+2500`, `-01:60`)
    is no time, for its warning; None when `text` ends in no such offset, or is no time with
    that offset in range either (`not a time +2500`: correcting the offset would not make it
    one). `iso`: `text` is read as an ISO 8601 time alone (`parse_iso_time`), not as any time
    `parse_written_time` reads."""
    offset = offset_out_of_range(text)
    if offset is None or not _time_but_for_offset(text, iso):
        return None
    return (f"its zone offset {offset} is out of range (offsets run from -23:59 to +23:59, their "
            "minutes from 00 to 59)")


def _time_but_for_offset(text: str, iso: bool) -> bool:
    """Whether `text`, which ends in a zone offset out of range, reads as a time with that
    offset written in range (`+00:00`): whether the offset is what is wrong with it."""
    stripped = text.strip(ASCII_WHITESPACE)
    offset = _ENDING_OFFSET.search(stripped)
    if offset is None:
        return False
    in_range = stripped[:offset.start()] + offset[0][0] + ("00:00" if ":" in offset[0] else "0000")
    try:
        return (_iso_time(in_range) if iso else parse_written_time(in_range, "time", "")) is not None
    except MalformedPage:  # a time outside the years 1 to 9999 in UTC: a time all the same
        return True


def zone_fault(text: str) -> tuple[str, str] | None:
    """Why `text`, a time a reader keeps as text, is no time where its zone is what is wrong with
    it, and what to correct, for its warning: an offset out of range (`+2500`), or one that puts
    the time outside the years 1 to 9999 in UTC (`0001-01-01T00:00+01:00`, `Fri, 31 Dec 9999
    23:59:59 -0100`); None otherwise."""
    offset_reason = offset_out_of_range_reason(text)
    if offset_reason is not None:
        return offset_reason, "the offset"
    try:
        parse_written_time(text, "time", "")
    except MalformedPage:
        return "its zone puts it outside the years 1 to 9999 in UTC", "its date or offset"
    return None


def not_a_time_reason(text: str) -> str | None:
    """`zone_fault` as one reason with what to do (`...; correct the offset in the file`)."""
    fault = zone_fault(text)
    return None if fault is None else f"{fault[0]}; correct {fault[1]} in the file"


def checked_url(url: str, what: str, where: str, line: int | None = None) -> str:
    """`url` itself, when Python can split it into its parts (`http://[::1/x` cannot)."""
    try:
        urlsplit(url)
    except ValueError:
        raise MalformedPage(f"{what} {shown(url)} is not a well-formed URL", where, line,
                            hint=_DEFAULT_HINT) from None
    return url


# What the Wayback Machine puts before an archived page's links: absolute
# (`https://web.archive.org/web/<time>/`) or host-relative (`/web/<time>/`), the time with a
# modifier (`id_`, `im_`) or not
_WAYBACK_PREFIX = re.compile(r"^(?:(?:https?:)?//web\.archive\.org)?/web/\d+[a-z_]*/",
                             re.IGNORECASE)


def without_wayback_prefix(url: str) -> str:
    """The archived URL a Wayback Machine link points at; any other URL as it is."""
    return _WAYBACK_PREFIX.sub("", url.strip(ASCII_WHITESPACE))


# Outlet keys as News Sniffer and NewsEdits write them (FORMATS.md §1, the samples): every reader
# names an outlet alike, whether its input gives the key or only the URL
_SOURCE_NAMES = {
    "nytimes.com": "nyt", "washingtonpost.com": "washpo", "bbc.co.uk": "bbc", "bbc.com": "bbc",
    "theguardian.com": "guardian", "guardian.co.uk": "guardian", "cnn.com": "cnn",
    "politico.com": "politico", "independent.co.uk": "independent",
    "channelnewsasia.com": "channelnewsasia",
}


def source_of_url(url: str | None) -> str | None:
    """The source an article URL belongs to: News Sniffer's key (`nyt` for www.nytimes.com), else
    the host without `www.`.

    None for a URL without a host, or one Python cannot split (`http://[::1/x`).
    """
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for domain, source in _SOURCE_NAMES.items():
        if host == domain or host.endswith("." + domain):
            return source
    return host.removeprefix("www.") or None


# How News Sniffer dates a version against the one before it ("about 1 hour later"); revdiff's
# exports keep it where a tracker would put a time. Any white space, a line break too, may come
# before the last word, as a page or a database cell may write it ("about 1 hour\nlater").
RELATIVE_TIME = re.compile(r".+\s(?:later|earlier)", re.DOTALL)


def time_text_after(version: Version, before: Version) -> str | None:
    """What the input wrote of `version`'s time (`time_text`) as it may be shown after `before`,
    the version it is compared with or listed after: None for a time told from another version
    (`about 1 hour later`) when `before` is not that one (`v0 → v2`, or `v1 → v3` where v2 is
    not given, read it as counted from the older one). A time counts from the version its reader
    names (`time_from`), else from the version next to it on the side its time tells
    (`_unnamed_time_from`); one it names that is not given (skipped by a store, cut from an
    entry) is shown beside no version."""
    told = version.time_text
    if told is None or not RELATIVE_TIME.fullmatch(told):
        return told
    counted_from = (_unnamed_time_from(version.number, told) if version.time_from is None
                    else version.time_from)
    return told if before.number == counted_from else None


def _counts_from_later(time_text: str) -> bool:
    """Whether a time told from another version (`RELATIVE_TIME`) counts from a later one:
    `... earlier`, as News Sniffer's page reached by "Previous version" tells it."""
    return time_text.endswith("earlier")


def _unnamed_time_from(number: int, time_text: str) -> int:
    """The version a time told from another (`RELATIVE_TIME`) counts from where its input names
    none: the one numbered after version `number` for `... earlier`, else the one before it."""
    return number + 1 if _counts_from_later(time_text) else number - 1


def time_from_problem(number: int, time_from: int, time_text: str | None) -> str | None:
    """Why version `number`'s time (`time_text`) cannot count from version `time_from`, as its
    input says (`Version.time_from`): it names the version itself, or a version on the wrong
    side for the time told: `... later` counts from an earlier version, and `... earlier` from a
    later one (News Sniffer's page reached by "Previous version" tells the older version's time
    from the newer one). None where it can, also for a version the article does not give (one a
    store skipped as unchanged, a row cut from an entry): the time counts from it all the same,
    and `time_text_after` shows it beside no other version."""
    if time_from == number:
        return "names the version itself"
    if time_text is not None and RELATIVE_TIME.fullmatch(time_text):
        later = not _counts_from_later(time_text)
        if later != (time_from < number):
            return (f"names a version {'after' if later else 'before'} it, which "
                    f"{shown(time_text)} cannot count from")
    return None


def unread_time_from_warning(told: str, problem: str, time_text: str | None) -> str:
    """The warning of a `time_from` not read (`told`: where the input says it, and what), whose
    version's time (`time_text`) counts, as a time that names none does, from the version next to
    it on the side its time tells (`_unnamed_time_from`)."""
    side = "after" if time_text is not None and _counts_from_later(time_text) else "before"
    return f"{told} {problem}; its time is read as counted from the version {side} it"


def dated_back_warnings(owner: str, versions: Sequence[Version], field: str = "") -> list[str]:
    """A warning for each version dated before the dated version before it (or, dated by its
    time, before the timed version before it), which keeps its place by number. A version is
    dated by its time, or by a date alone (`time_text` an ISO 8601 date, as a file name without
    a time of day gives: `2020-01-04`), which compares by its day; a time without a zone is
    before one with a zone only when it is in every zone (more than 12 or 14 hours apart: a
    NewsDiffs page times one version by its zoneless Archived date and the other by its date
    line's offset), and a date is not compared with a time in a zone. `field` names the column
    the times come from, before each time, where the tracker has several."""
    warnings = []
    last_dated: tuple[Version, datetime | date] | None = None
    last_timed: tuple[Version, datetime | date] | None = None
    for version in versions:
        when = _time_or_day(version)
        if when is None:
            continue
        earlier = (last_dated, last_timed) if version.time is not None else (last_dated,)
        back = next((dated for dated in earlier
                     if dated is not None and _is_before(when, dated[1])), None)
        if back is not None:
            before, before_when = back
            warnings.append(f"{owner}: version {version.number} is dated before version "
                            f"{before.number} ({field}{_shown_time(when)} < "
                            f"{_shown_time(before_when)}); kept in version order")
        last_dated = (version, when)
        if version.time is not None:
            last_timed = last_dated
    return warnings


# An ISO 8601 date alone, as a version's `time_text` holds the date a file name gives (and
# revdiff's exports write it); the form is checked first, as `date.fromisoformat` takes
# `20240201` too.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_date(text: str) -> date | None:
    """The date `text` writes as an ISO 8601 date alone (`2024-02-01`), None when it is no such
    date (`2024-02-30`, `2024-02-01 10:00`)."""
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _time_or_day(version: Version) -> datetime | date | None:
    """A version's time, else the date its `time_text` gives (an ISO 8601 date alone)."""
    if version.time is not None:
        return version.time
    return None if version.time_text is None else iso_date(version.time_text)


# The UTC offsets of the world's zones run from -12:00 to +14:00: a time without a zone is, in
# UTC, at most 14 hours before and 12 hours after its reading as UTC
_EAST_MOST = timedelta(hours=14)
_WEST_MOST = timedelta(hours=12)


def _is_before(after: datetime | date, before: datetime | date) -> bool:
    if isinstance(after, datetime) and isinstance(before, datetime):
        if (after.tzinfo is None) == (before.tzinfo is None):
            return after < before
        # a time with a zone and one without: before only if so in whatever zone the one
        # without was written
        return _latest_in_utc(after) < _earliest_in_utc(before)
    zoned = any(isinstance(when, datetime) and when.tzinfo is not None for when in (after, before))
    return not zoned and _day(after) < _day(before)


def _earliest_in_utc(time: datetime) -> datetime:
    """The earliest UTC time `time` may be: itself with a zone, else read in the zone furthest
    east (the calendar's first moment where that is before it)."""
    if time.tzinfo is not None:
        return time.astimezone(UTC)
    as_utc = time.replace(tzinfo=UTC)
    return as_utc - _EAST_MOST if as_utc - datetime.min.replace(tzinfo=UTC) > _EAST_MOST else (
        datetime.min.replace(tzinfo=UTC))


def _latest_in_utc(time: datetime) -> datetime:
    """The latest UTC time `time` may be: itself with a zone, else read in the zone furthest
    west (the calendar's last moment where that is after it)."""
    if time.tzinfo is not None:
        return time.astimezone(UTC)
    as_utc = time.replace(tzinfo=UTC)
    return as_utc + _WEST_MOST if datetime.max.replace(tzinfo=UTC) - as_utc > _WEST_MOST else (
        datetime.max.replace(tzinfo=UTC))


def _day(when: datetime | date) -> date:
    return when.date() if isinstance(when, datetime) else when


def _shown_time(when: datetime | date) -> str:
    return when.isoformat(sep=" ") if isinstance(when, datetime) else when.isoformat()


def time_row_contradiction(time_text: str, numbers: tuple[int, int],
                           times: Sequence[datetime | None], place: str,
                           stamps: str = "<time datetime>") -> list[str]:
    """A warning where a News Sniffer diff page's time row, "(... later)" or "(... earlier)",
    which says when the right version was saved after or before the left one, contradicts the
    versions' two times (`stamps` naming where the page gives them: the HTML page's `<time
    datetime>`, a copied page's time cells), or, without two different ones both with a zone or
    both without, the order of the versions' numbers (which the page is read in)."""
    left, right = numbers
    later = time_text.endswith("later")
    left_time, right_time = times
    if (left_time is not None and right_time is not None and left_time != right_time
            and (left_time.tzinfo is None) == (right_time.tzinfo is None)):
        if (right_time > left_time) == later:
            return []
        return [(f"{place}: the time row calls version {right} {shown(time_text)} than version "
                 f"{left}, but its {stamps} is {'before' if later else 'after'} that "
                 f"version's: the page contradicts itself; its {stamps} values are kept")]
    if (right > left) == later:
        return []
    return [(f"{place}: the time row calls version {right} {shown(time_text)} than version "
             f"{left}, which its number puts {'before' if later else 'after'}; kept in version "
             "order")]


def textless_warning(version: Version, where: str) -> tuple[str, ...]:
    """The warning of a single-version page that shows no paragraph of its version, which is
    kept, as a tracker's version whose text cell holds none is; none for a page with text."""
    if version.paragraphs:
        return ()
    warning = (f"{where}: the page shows no text of version {version.number}; kept as a version "
               "without paragraphs")
    return (warning,)


def sniffer_count_warning(count: int, number: int, where: str, shown_by: str | None = None
                          ) -> str | None:
    """The warning of a News Sniffer page whose count of versions ('Version N of M.', 'changed M
    times') leaves no room for a version it shows (or another page, `shown_by`, shows), none
    when it does: News Sniffer numbers versions from 0, so a count of 5 holds versions 0 to 4.
    Such a count is left out, not kept for the store and the exports to write."""
    if number < count:
        return None
    shows = "shows" if shown_by is None else f"{shown_by} shows"
    return (f"{where}: the page counts {counted(count, 'version')}, numbered from 0, but {shows} "
            f"version {number}; the count is left out (the page is damaged or edited by hand: "
            "save it again from News Sniffer)")


def joined_sniffer_count(counts: Iterable[tuple[int | None, str]], shown_by: Mapping[int, str]
                         ) -> tuple[int | None, str | None]:
    """The count of versions of pages of one article joined, from each page's count and where
    it was read, and `shown_by`, the page that shows each version: the highest count, or none,
    with its warning, where it leaves no room for the highest version shown (one HTML page's
    count is checked against its own versions as it is read, not against the others'; flattened
    pages are checked here alone, where the page that counts may be the one that shows)."""
    given = [(count, page) for count, page in counts if count is not None]
    if not given:
        return None, None
    count, counted_by = max(given, key=lambda given_count: given_count[0])
    if not shown_by:
        return count, None
    number = max(shown_by)
    warning = sniffer_count_warning(count, number, counted_by,
                                    None if shown_by[number] == counted_by else shown_by[number])
    return (count, None) if warning is None else (None, warning)


def sniffer_url_warnings(url: str | None, where: str) -> tuple[str, ...]:
    """The warning of a News Sniffer page, diff or version, HTML or text, that names no article
    URL, or one that is no web address (`is_web_address`): pages of one article are joined by
    their URL, so it stays an article of its own."""
    if url is None:
        warning = (f"{where}: the page names no article URL, so it is not joined with other pages of "
                   "its article (save the whole page again from News Sniffer to read them as one)")
    elif not is_web_address(url):
        warning = (f"{where}: the article URL {shown(url)} is no web address (cut short?), and pages "
                   "of one article are joined by their URL (save the whole page again from News "
                   "Sniffer to read it with them)")
    else:
        return ()
    return (warning,)


def is_web_address(url: str) -> bool:
    """Whether `url` is an http or https address of a named host (`https://www.bbc.co.uk/news`),
    as News Sniffer tracks articles: a URL cut short to `h` or `https://`, or a `javascript:`
    one, is not."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme.lower() in ("http", "https") and "." in host.strip(".")


def version_page_article(url: str | None, version: Version, total: int, where: str) -> Article:
    """The article of a News Sniffer single-version page, HTML or text ('Version N of M.'), its
    count left out, warned, where it leaves no room for the version, and warned of where it
    names no article URL."""
    count_warning = sniffer_count_warning(total, version.number, where)
    warnings = (textless_warning(version, where) + ((count_warning,) if count_warning else ())
                + sniffer_url_warnings(url, where))
    return Article(None, url, (version,), None if count_warning else total, warnings=warnings)
