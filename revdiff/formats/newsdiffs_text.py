"""NewsDiffs version texts and source names, shared by the page reader and the git archive reader.

NewsDiffs stores each version as a text file: line 1 the date, line 2 the title, line 3 the byline,
a blank line, then the paragraphs separated by blank lines (by single newlines in early NYT
versions). Its diff pages carry the same text, so one parser reads both. Blank means holding nothing
but ASCII whitespace, as trackers trim it; a no-break space is text.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import date, datetime

from revdiff.errors import MalformedPage
from revdiff.formats.fields import iso_date, parse_written_time
from revdiff.formats.plain import one_paragraph_a_line
from revdiff.formats.text_input import ASCII_WHITESPACE, collapse_whitespace

_BLANK_LINE = re.compile(f"\n[{re.escape(ASCII_WHITESPACE.replace(chr(10), ''))}]*\n")
# The sources' date lines that give a date alone (`January 3, 2020`)
_DAY_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%A, %B %d, %Y")
# Those that give a time of day too; the last two are CNN's (`June 03, 2013 at  4:05pm EDT`, EDT in
# every season) and the Washington Post's (`Monday, June  3 2013,  4:05 PM`), a number padded
# with a space or not.
_TIME_FORMATS = ("%B %d, %Y %I:%M %p", "%Y-%m-%d %H:%M:%S", "%B %d, %Y at %I:%M%p EDT",
                 "%A, %B %d %Y, %I:%M %p")


@dataclass(frozen=True, slots=True)
class VersionText:
    """One NewsDiffs version text, split into its header lines and paragraphs."""

    date: str
    title: str
    byline: str
    paragraphs: tuple[str, ...]
    has_header: bool


def split_version_text(text: str) -> VersionText:
    """Split `date\\ntitle\\nbyline\\n\\nparagraphs...`; paragraphs are separated by blank lines,
    or, in a body without blank lines (early NYT versions), each line is one, as plain versions
    are read (`plain.one_paragraph_a_line`).

    Two headers come without the blank line, as NewsDiffs writes them: a version with a
    correction at its top (NYT) has it right after the byline, and a version without a date
    starts at its title (NewsDiffs strips the text's leading newline, the empty date line's:
    `title\\nbyline\\n\\nparagraphs...`). Without a header, the whole text is paragraphs.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(lines) >= 4 and _is_blank(lines[3]):
        date, title, byline = (collapse_whitespace(line) for line in lines[:3])
        body = "\n".join(lines[4:])
        has_header = True
    elif len(lines) >= 4 and (_source_format_time(lines[0]) or parse_day(lines[0])) is not None:
        date, title, byline = (collapse_whitespace(line) for line in lines[:3])
        body = "\n".join(lines[3:])
        has_header = True
    elif len(lines) >= 4 and _is_blank(lines[2]) and not _is_blank(lines[0]):
        date = ""
        title, byline = (collapse_whitespace(line) for line in lines[:2])
        body = "\n".join(lines[3:])
        has_header = True
    else:
        date = title = byline = ""
        body = text
        has_header = False
    blocks = [block for block in _BLANK_LINE.split(body) if block.strip(ASCII_WHITESPACE)]
    if one_paragraph_a_line(blocks):  # as a plain version without blank lines (early NYT ones)
        blocks = body.split("\n")
    paragraphs = (collapse_whitespace(block) for block in blocks)
    return VersionText(date, title, byline, tuple(p for p in paragraphs if p), has_header)


def _is_blank(line: str) -> bool:
    return not line.strip(ASCII_WHITESPACE)


def parse_date(value: str) -> datetime | None:
    """A version's date line as a datetime, when it gives a date and a time of day in a format
    NewsDiffs sources use.

    None when it is in no known format, gives a date alone (`parse_day` reads that: its
    midnight is no time the page gives), or is a time its zone offset makes none
    (`fields.zone_fault` says why). The sources' own formats come first, then the times
    `parse_written_time` reads (ISO 8601, RFC 2822).
    """
    value = value.strip(ASCII_WHITESPACE)
    if not value or parse_day(value) is not None:
        return None
    dated = _source_format_time(value)
    if dated is None:
        with contextlib.suppress(MalformedPage):  # a zone that puts it out of the years
            dated = parse_written_time(value, "date line", "")
    return dated


def parse_day(value: str) -> date | None:
    """The date a version's date line gives without a time of day (`January 3, 2020`,
    `2020-01-03`), None when it gives a time of day too or is no date."""
    value = value.strip(ASCII_WHITESPACE)
    for day_format in _DAY_FORMATS:
        try:
            return datetime.strptime(value, day_format).date()
        except ValueError:
            continue
    return iso_date(value)


def _source_format_time(value: str) -> datetime | None:
    """The date and time a line writes in one of the sources' own formats, None when it is in
    none."""
    value = value.strip(ASCII_WHITESPACE)
    for time_format in _TIME_FORMATS:
        try:
            return datetime.strptime(value, time_format)
        except ValueError:
            continue
    return None
