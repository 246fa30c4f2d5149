"""A saved publisher page's time: when it was saved, else when the page claims it was written.

The time is, best first: a 14-digit Wayback timestamp in the file name (UTC), the time SingleFile
notes it saved the page (in its zone), a date and time in the file name (in the zone written
after it, else without one), the "FILE ARCHIVED ON" note that Wayback Machine pages end with
(UTC), the capture time in a memento's own address (UTC), then the page's own
`article:modified_time` / `og:updated_time` / `article:published_time`, then its JSON-LD
`dateModified` / `datePublished`, then the same in its microdata (`itemprop`; also in words,
`3 January 2020`, else warned), then the latest `<time datetime>` of its byline (the block of its
first one outside its navigation, footer and asides: `Published 8:00, updated 10:30` gives 10:30)
(the publisher's claim, not when the page was fetched). Where none gives a time of day, a date
alone is the page's date (`SavedPage.date`), not its midnight: the file name's, else the first
its metas, JSON-LD or microdata give.
A time at a leap second (`23:59:60`) is read at second 59, warned, as every reader reads it.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple

from bs4 import BeautifulSoup

from revdiff.errors import MalformedPage
from revdiff.formats.english_dates import english_time, parse_date, parse_day, unread_zone_of
from revdiff.formats.fields import (
    at_second_59,
    iso_date,
    leap_second_warning,
    parse_iso_time,
    shown,
    without_wayback_prefix,
)
from revdiff.formats.nytdiff import sortable_time
from revdiff.formats.page_metadata import (
    linked_data,
    meta,
    own_addresses,
    single_file_note,
    single_file_url,
)
from revdiff.formats.plain import time_in_name, zone_in_name

_WAYBACK_NAME = re.compile(r"(?<!\d)((?:19|20)\d{12})(?!\d)")
# The capture time of a Wayback Machine memento in an address of its own that the Wayback Machine
# rewrote (`https://web.archive.org/web/20200103140500/https://...`).
_WAYBACK_ADDRESS = re.compile(r"(?:(?:https?:)?//web\.archive\.org)?/web/((?:19|20)\d{12})[a-z_]*/",
                              re.IGNORECASE)
_WAYBACK_NOTE = re.compile(r"FILE ARCHIVED ON (\d\d:\d\d:\d\d \w{3} \d\d, \d{4})")

_TIME_METAS = ("article:modified_time", "og:updated_time", "article:published_time")
# The same claims in the page's schema.org JSON-LD, where most sites now give them, or microdata.
_LINKED_DATA_TIMES = ("dateModified", "datePublished")
# A time of day after a date, in a `<time datetime>` (one of a date alone is a day the text names).
_TIME_OF_DAY = re.compile(r"\d[T ]\d\d:\d\d")
# The elements that mark words within a line of text, not a block of it: the byline that holds
# a `<time>` is its closest parent of another kind.
_INLINE = frozenset(("a", "abbr", "b", "em", "font", "i", "label", "small", "span", "strong",
                     "time"))

# Its time of the save as JavaScript writes a date: the weekday, month, day, year, time and zone.
_SINGLE_FILE_DATE = re.compile(r"^\s*saved date:\s*\w{3},? (\w{3} \d{1,2},? \d{4} \d\d:\d\d:\d\d) "
                               r"GMT([+-]\d\d)(\d\d)", re.MULTILINE)


class PageTime(NamedTuple):
    """A saved page's time, where it came from (`SavedPage.time_source`), the warning of a
    time at a leap second, read at second 59, the warning of a time in words whose zone is not
    read, the date given without a time of day (`SavedPage.date`) where there is no time, and
    the warning of a time in words no reader reads (`SavedPage.unread_time`)."""

    time: datetime | None
    source: str | None
    leap_second: str | None = None
    unread_zone: str | None = None
    date: str | None = None
    unread: str | None = None


def time_of_save(file_name: str, html: str) -> PageTime:
    """The time the page was saved, best first: a Wayback timestamp in its file name, the time
    SingleFile notes it saved it (`_single_file_time`), a date and time in its file name."""
    wayback = _WAYBACK_NAME.search(file_name)
    named = _wayback_time(wayback.group(1), "the file name") if wayback else None
    if named is not None:
        return named
    single_file = _single_file_time(html)
    if single_file is not None:
        return single_file
    time, date = time_in_name(file_name)
    if time is None:
        return PageTime(None, "file name (date alone)" if date else None, date=date)
    zone = zone_in_name(file_name)
    if zone is None:
        return PageTime(time, "file name (no time zone)")
    return PageTime(time.replace(tzinfo=zone), "file name")


def _wayback_time(stamp: str, where: str) -> PageTime | None:
    """The time of a 14-digit Wayback timestamp (UTC) found in `where`; None for no time."""
    written = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[8:10]}:{stamp[10:12]}:{stamp[12:]}"
    time = parse_iso_time(written + "+00:00", "Wayback timestamp", where)
    return None if time is None else PageTime(
        time, f"Wayback timestamp in {where}", leap_second_warning(written, f"{where}'s Wayback timestamp"))


def _single_file_time(html: str) -> PageTime | None:
    """The time SingleFile notes it saved the page, in the zone it gives (`saved date: Fri Jan 03
    2020 14:05:00 GMT+0000 (...)`), where the file name SingleFile gives it writes that time as
    the browser's language does (`1_3_2020 2_05_00 PM`); None without one, or where it saved a
    Wayback Machine memento (its url one of web.archive.org/web/<time>/), whose time of capture
    is the version's."""
    note = single_file_note(html)
    saved = _SINGLE_FILE_DATE.search(note) if note is not None else None
    address = single_file_url(html)
    if saved is None or address and without_wayback_prefix(address) != address:
        return None
    written, hours, minutes = saved.groups()
    with contextlib.suppress(ValueError, MalformedPage):
        local = english_time(at_second_59(written.replace(",", "")), "%b %d %Y %H:%M:%S")
        time = parse_iso_time(f"{local.isoformat()}{hours}:{minutes}", "SingleFile saved date", "")
        if time is not None:
            return PageTime(time, "SingleFile saved date",
                             leap_second_warning(written, "SingleFile's saved date"))
    return None


def time_from_page(html: str, soup: BeautifulSoup, named: PageTime) -> PageTime:
    """The page's time, best first; where none gives a time of day, the file name's date
    (`named`), else the first date the page gives alone."""
    dated = unread = None
    for claimed in _claimed_times(html, soup):
        unread = unread or claimed.unread
        if claimed.time is not None:
            return claimed._replace(unread=unread)
        if claimed.date is not None:
            dated = dated or claimed
    return (dated if named.date is None and dated is not None else named)._replace(unread=unread)


def _claimed_times(html: str, soup: BeautifulSoup) -> Iterator[PageTime]:
    """The times (or dates alone) the page gives, best first: its Wayback note, the capture time
    in its address as a memento, its metas, its JSON-LD, its microdata, its byline."""
    note = _WAYBACK_NOTE.search(html)
    archived = None
    if note:
        with contextlib.suppress(ValueError):
            archived = english_time(at_second_59(note.group(1)), "%H:%M:%S %b %d, %Y")
    if note and archived:
        yield PageTime(archived.replace(tzinfo=UTC), "Wayback note",
                        leap_second_warning(note.group(1), "the Wayback note's time"))
    memento = next(filter(None, map(_WAYBACK_ADDRESS.match, own_addresses(soup, html))), None)
    captured = _wayback_time(memento.group(1), "the page's address") if memento else None
    if captured is not None:
        yield captured
    in_linked_data = linked_data(soup, _LINKED_DATA_TIMES, several=_latest_first)
    claims: Iterator[tuple[str | None, str]] = itertools.chain(
        ((meta(soup, prop), prop) for prop in _TIME_METAS),
        ((content, f"JSON-LD {key}") for key in _LINKED_DATA_TIMES
         for content in in_linked_data.get(key, ())),
        ((content, f"microdata {key}") for key in _LINKED_DATA_TIMES
         for content in _microdata(soup, key)))
    for content, source in claims:
        claimed = _claimed_time(content, source)
        if claimed is None and content and source.startswith("microdata"):
            claimed = _worded_time(content, source)
        if claimed is not None:
            yield claimed
    in_byline = _shown_time(soup)
    if in_byline is not None:
        yield in_byline


def _latest_first(contents: list[str]) -> list[str]:
    """The times a JSON-LD key gives as a list (schema.org allows several values), the latest
    first: the page is as its last change left it, whatever order the list gives; those that
    give no time of day after them, as they stand."""
    timed = [(claimed.time, content) for content in contents
             if (claimed := _claimed_time(content, "JSON-LD")) is not None
             and claimed.time is not None]
    latest = [content for _, content in sorted(timed, key=lambda item: sortable_time(item[0]),
                                               reverse=True)]
    return latest + [content for content in contents if content not in latest]


def _microdata(soup: BeautifulSoup, key: str) -> list[str]:
    """The values of the schema.org microdata property `key` (`itemprop="dateModified"`), in the
    order they stand: a `<meta>`'s content, a `<time>`'s datetime, else the element's text."""
    values = []
    for tag in soup.find_all(True, attrs={"itemprop": True}):
        if key in str(tag["itemprop"]).split():
            value = tag.get("content") or tag.get("datetime") or tag.get_text(" ")
            values.append(str(value).strip())
    return values


def _shown_time(soup: BeautifulSoup) -> PageTime | None:
    """The latest time of the page's byline: the `<time datetime>`s that give a time of day in
    the block (`<p>`, `<div>`) of its first one, outside its navigation, footer and asides (a
    related story's time), as `Published 8:00, updated 10:30` writes them. A time the text names
    in a paragraph of its own is no byline's. Where the byline gives times in a zone and times in
    none, the latest in a zone: a time in no zone may be up to a day before or after one in a
    zone, and is compared only with others in none."""
    times = [(tag, claimed) for tag in soup.find_all("time", attrs={"datetime": True})
             if not tag.find_parent(["nav", "footer", "aside"])
             and _TIME_OF_DAY.search(str(tag["datetime"]))
             and (claimed := _claimed_time(str(tag["datetime"]), "<time datetime>")) is not None]
    if not times:
        return None
    byline = _block(times[0][0])
    in_byline = [claimed for tag, claimed in times if _block(tag) is byline]
    zoned = [claimed for claimed in in_byline
             if claimed.time is not None and claimed.time.tzinfo is not None]
    return max(zoned or in_byline, key=lambda claimed: sortable_time(claimed.time))


def _block(tag: Any) -> Any:
    """The block that holds `tag`: its closest parent that is no element of a line's text."""
    return tag.find_parent(lambda parent: parent.name not in _INLINE)


def _claimed_time(content: str | None, source: str) -> PageTime | None:
    """The time a page's meta or JSON-LD value (`source`) gives, as `fields.parse_iso_time`
    reads it, or the date it gives alone (`2020-01-03`: a day, not its midnight); None for none,
    or one its zone puts outside the years 1 to 9999 in UTC."""
    if not content:
        return None
    day = iso_date(content)
    if day is not None:
        return PageTime(None, source, date=day.isoformat())
    try:
        time = parse_iso_time(content, source, "")
    except MalformedPage:
        return None
    return None if time is None else PageTime(time, source, leap_second_warning(content, source))


def _worded_time(content: str, source: str) -> PageTime:
    """The time or date a microdata value gives in words, as a page shows it (`3 January 2020`,
    `January 3, 2020 10:30 AM`, as NewsDiffs' date lines write them), else the warning that it
    is none revdiff reads; a zone it names that is not read (`10:30 AM ET`) is warned of, as in
    a NewsDiffs date line."""
    day = parse_day(content)
    if day is not None:
        return PageTime(None, source, date=day.isoformat())
    time = parse_date(content)
    if time is not None:
        zone = unread_zone_of(content)
        return PageTime(time, source, leap_second_warning(content, source), None if zone is None
                         else f"{source} {shown(content)} names the time zone {shown(zone)}, which "
                         "is not read (unknown or ambiguous): read as written, in no zone")
    return PageTime(None, source, unread=(
        f"{source} {shown(content)} is no date or time revdiff reads (2020-01-03T10:30:00Z, "
        "3 January 2020, January 3, 2020 10:30 AM): passed over; put the time of the save in "
        "its file name (story-2020-01-03T10-30.html) to give it"))
