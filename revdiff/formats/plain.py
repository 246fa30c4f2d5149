"""Plain version files: one version per file, one paragraph per non-empty line (per block between
blank lines when the lines look wrapped)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence, Sized
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from revdiff.engine.terminal_codes import without_control_sequences
from revdiff.errors import EmptyInput, InconsistentPages
from revdiff.formats.fields import dated_back_warnings
from revdiff.formats.sniffer_version_text import version_line_below_a_long_header
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version
from revdiff.read_warnings import counted, first_few

_NUMBER_IN_NAME = re.compile(r"\d+")
# A version number as a name writes one: a word (a run of letters and digits between other
# characters, as `_`, `-`, `.` or a space, or the name's ends) of digits alone (`3`, `005`), or the
# digits that end a word of letters and then digits (`v3`, `rev12`, `draft2`). The digits of a
# word that mixes them with letters otherwise are a hash's or an id's (`7791c25bd3939c3b`, `1a`).
_VERSION_NUMBER_IN_NAME = re.compile(r"(?<![^\W_])[^\W\d_]*(\d+)(?![^\W_])")
# What file managers and browsers add to a file's name for a copy they make beside it, or a
# download of a name already there: Finder's ` copy` (` copy 2`), Explorer's ` - Copy`
# (` - Copy (2)`), GNOME Files' ` (copy)` (` (another copy)`, ` (3rd copy)`, ` (21st copy)`), and a
# browser's or a desktop's ` (1)`.
_COPY_MARK = re.compile(r"(?: copy(?: \d+)?| - copy(?: \(\d+\))?"
                        r"| \((?:another |\d+(?:st|nd|rd|th) )?copy\)| \(\d+\))$", re.IGNORECASE)
# A date in a file name, year first and written apart (`2020-01-04`, `2020-1-4`), with the time
# of day that may follow it (`2020-01-04_10-30`, `2020-01-04_9-30`, `2020-01-04T10:30:00`,
# `2020-01-04 1030`), or written together with its time (`20200104T0930`, and strftime's
# `%Y%m%d-%H%M%S` and `%Y%m%d_%H%M%S`: `20200104-093000`); a number of eight digits alone such as
# `20110315` may be a revision id, and stays a number, and so does one that follows a date
# without minutes (`2020-01-04-10`: version 10 of that day).
# The time of day after a date (`_10-30`, `T10:30:00`, ` 1030`), its two separators alike, on a
# 12-hour clock when AM or PM follows it (` 9.30 PM`, `_9-30pm`, ` 9.30 p.m`).
_TIME_OF_DAY = (r"([T_ .-]?(?P<hour>[01]?\d|2[0-3])(?P<clock>[-_.:h]?)(?P<minute>[0-5]\d)"
                r"((?P=clock)(?P<second>[0-5]\d))?"
                r"([ _]?(?P<half>[AaPp])\.?[Mm]\.?(?![^\W_]))?)?")
# A day of two digits is tried first: `2020-01-31_23-00` is no 3 January at 01:23.
_DATE_IN_NAME = re.compile(r"(?<!\d)(?P<year>(1[89]|2\d)\d\d)(([-_.])(?P<month>0?[1-9]|1[0-2])\4"
                           r"(?P<day>[12]\d|3[01]|0?[1-9])" + _TIME_OF_DAY
                           + r"|(?P<together>(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(T\d{4}(\d\d)?|[-_]\d{6})))"
                           r"(?!\d)")
# A date with the year last (`30-12-2019`, `12.30.2019`), and the time of day that may follow it
# (`1.2.2020 10.30`): the day first or the month first, which a name whose first (or second)
# number is above 12 tells for the whole folder.
_YEAR_LAST_DATE = re.compile(r"(?<!\d)(0?[1-9]|[12]\d|3[01])([-_.])(0?[1-9]|[12]\d|3[01])\2"
                             r"((1[89]|2\d)\d\d)" + _TIME_OF_DAY + r"(?!\d)")
# A date with the month named in English, in full or cut short, and the day before or after it
# (`Jan 4, 2020`, `January 4th 2020`, `4 Jan 2020`, `04-Jan-2020`): read as the date it is once
# `names_with_year_first` writes it year first, with the time of day that may follow it.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAME = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
               r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_NAMED_DAY = r"(?P<{}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_MONTH_NAMED_DATE = re.compile(
    r"(?<![^\W_])(?:" + _MONTH_NAME + r"[ _-]?" + _NAMED_DAY.format("day") + r"|"
    + _NAMED_DAY.format("day_before") + r"[ _-]?" + _MONTH_NAME.replace("month", "month_after")
    + r")(?![^\W\d_]),?[ _-]?(?P<year>(1[89]|2\d)\d\d)(?!\d)", re.IGNORECASE)
# A date written year first with separators, and the time of day that may follow it, its digit
# groups apart too, whatever their numbers: what a name plainly writes as a date or a time
# (`2024-02-30`, `2024-02-01_25-30`, `2024-02-01_10-30-60`), out of range or not. A number after
# a date without a separator in it (`2020-01-04_0765`: version 765) is no time written.
_WRITTEN_DATE = re.compile(r"(?<!\d)(?P<year>(1[89]|2\d)\d\d)([-_.])(?P<month>\d{1,2})\3"
                           r"(?P<day>\d{1,2})(?:[T_ .-](?P<hour>\d{1,2})(?P<clock>[-_.:h])"
                           r"(?P<minute>\d\d)(?:(?P=clock)(?P<second>\d\d))?)?(?!\d)")
# The zone written right after the time of day in a name, perhaps after a fraction of a second,
# as ISO 8601 writes it (`2020-01-04T10:30:00+05:00`, `...T10:30:00.123456+00:00`, `...T10-30Z`,
# `20200104T0930-0300`): `Z` for UTC, or an offset of at most 14 hours.
_ZONE_AFTER_TIME = re.compile(r"([.,]\d{1,9})?(Z|(?P<sign>[+-])(?P<hours>0\d|1[0-4]):?"
                              r"(?P<minutes>[0-5]\d))(?![^\W_])")
# A date in a name with the zone that may follow it, whose numbers are no version numbers.
_DATE_AND_ZONE = re.compile(_DATE_IN_NAME.pattern + "(?:" + _ZONE_AFTER_TIME.pattern + ")?")

_BLANK_LINES = re.compile(r"\n[^\S\n]*\n")
# A version saved with its lines wrapped at a fixed width (`fold`, an editor, an e-mail) keeps its
# paragraphs apart by blank lines and breaks each into lines that end just short of that width,
# leaving no room for the next line's first word. A paragraph is then a block of lines between
# blank lines. Short lines that no one wraps (`10:02 Fire reported`, `Key points:`, list items)
# stay one paragraph a line: no text is wrapped below WRAPPED_MIN_WIDTH. No version of the
# corpus's Wikipedia chains, the seeds or the samples looks wrapped: their longest lines are
# longer than WRAPPED_MAX_WIDTH, or their blocks' lines (other than the last) end at all widths,
# or they have no blank line (three wrapped Wikipedia versions, whose every line is a paragraph).
WRAPPED_MIN_WIDTH = 30
WRAPPED_MAX_WIDTH = 120
WRAPPED_NEAR = 15
WRAPPED_SHARE = 0.8
WRAPPED_MIN_LINES = 3  # lines that go on in the next line of their block
# ... and with the width another version of the article shows: a one-block listing (code, an
# address) is not joined on the strength of one line that ends near that width
WRAPPED_MIN_LINES_KNOWN = 2
# Text laid out in columns (a table aligned with spaces or tabs) is no wrapped prose: a run of
# spaces inside a line, other than after a sentence's end, where some put two.
_LAID_OUT = re.compile(r"[^\s.!?:;] {2,}\S|\S\t+\S")
# A line that starts with a list marker starts an item: the line before it does not go on in it.
_LIST_ITEM = re.compile(r"[-*•–—]$|\d{1,3}[.)]$|\(\d{1,3}\)$|[a-z][.)]$")


def blocks_between_blank_lines(text: str) -> list[list[str]]:
    """The runs of non-empty lines between blank lines, each line's whitespace collapsed."""
    blocks = ([collapse_whitespace(line) for line in block.split("\n")]
              for block in _BLANK_LINES.split(text))
    return [lines for lines in ([line for line in block if line] for block in blocks) if lines]


def one_paragraph_a_line(blocks: Sized) -> bool:
    """Whether a version's lines are each a paragraph, whatever their width: they are one block,
    with no blank line between them (a version that puts blank lines between its paragraphs has
    at least two blocks)."""
    return len(blocks) < 2


def _wrapped_width(blocks: list[list[str]], known: int | None = None) -> int | None:
    """The width a version's lines were wrapped at, when its blocks of lines look wrapped.

    With `known`, the width another version of the article was wrapped at: a version too short
    to show it alone (fewer than WRAPPED_MIN_LINES lines going on, but at least
    WRAPPED_MIN_LINES_KNOWN) looks wrapped at that width when its lines fit it and those going
    on are full."""
    going_on = [(line, following.split(" ", 1)[0])
                for lines in blocks for line, following in itertools.pairwise(lines)]
    if (one_paragraph_a_line(blocks)
            or len(going_on) < (WRAPPED_MIN_LINES_KNOWN if known else WRAPPED_MIN_LINES)):
        return None  # without blank lines, one paragraph a line
    longest = max(len(line) for lines in blocks for line in lines)
    width = known or longest
    if not WRAPPED_MIN_WIDTH <= width <= WRAPPED_MAX_WIDTH or longest > width:
        return None
    full = sum(len(line) >= width - WRAPPED_NEAR and len(line) + 1 + len(word) > width
               and not _LIST_ITEM.match(word) for line, word in going_on)
    return width if full >= WRAPPED_SHARE * len(going_on) else None


def read_paragraphs(text: str, known_width: int | None = None
                    ) -> tuple[tuple[str, ...], int | None]:
    """Paragraphs of a version file, and the width its lines were wrapped at (None when they
    do not look wrapped): every non-empty line, whitespace collapsed; when the lines look
    wrapped, every block of lines between blank lines, joined. `known_width` is the width
    another version of the article was wrapped at (`read_all_paragraphs`).

    One paragraph a line is how News Sniffer stores a version and how NewsDiffs files and
    Wikipedia dumps hold theirs (single lines, mostly with blank lines between).
    """
    blocks = blocks_between_blank_lines(text)
    if known_width is not None and _LAID_OUT.search(text):
        known_width = None
    width = _wrapped_width(blocks, known_width)
    if width is not None:
        return tuple(" ".join(lines) for lines in blocks), width
    paragraphs = (collapse_whitespace(line) for line in text.split("\n"))
    return tuple(p for p in paragraphs if p), None


def read_all_paragraphs(texts: Sequence[str]) -> list[tuple[tuple[str, ...], int | None]]:
    """`read_paragraphs` of each version of one article, read alike: when some versions look
    wrapped, the others are read as wrapped at that width if their lines fit it (a version of
    two short paragraphs shows too few wrapped lines to tell alone, and read one paragraph a
    line it differed from the next version in every paragraph). A paragraph that several
    versions hold is one string, held once (`_shared`)."""
    shared: dict[str, str] = {}
    read = [_shared(read_paragraphs(text), shared) for text in texts]
    width = max((width for _, width in read if width is not None), default=None)
    if width is None:
        return read
    return [(paragraphs, found) if found is not None
            else _shared(read_paragraphs(text, width), shared)
            for (paragraphs, found), text in zip(read, texts, strict=True)]


def _shared(read: tuple[tuple[str, ...], int | None], shared: dict[str, str]
            ) -> tuple[tuple[str, ...], int | None]:
    """`read` (`read_paragraphs`) with each paragraph equal to one of `shared` given as that one,
    the others added to it: a live blog's versions repeat most of the one before, and an
    article's versions are held together, each paragraph once instead of once a version."""
    paragraphs, width = read
    return tuple(shared.setdefault(paragraph, paragraph) for paragraph in paragraphs), width


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of a version file, as `read_paragraphs` reads them."""
    return read_paragraphs(text)[0]


def version_order_key(path: Path) -> tuple[int, tuple[int, ...], tuple[str, str]]:
    """Sort key for version files: by the numbers in the name, in turn (`2.txt` before `10.txt`,
    `2020-01-04.txt` before `2020-02-01.txt`), a date's year, month, day, hour, minute and second
    each a number however the name writes them (`20200104T0930.txt` before
    `2020-01-04_10-00.txt`), not the digits of an escape sequence (`a<ESC>[31m.txt` holds none);
    names without a number last, and names of the same numbers without case first (`a.txt`
    before `B.txt`, as a file browser lists them and revdiff sorts other names), then as text."""
    stem = _DATE_IN_NAME.sub(lambda dated: "-".join(part for part in _date_parts(dated) if part),
                             without_control_sequences(path.stem))
    numbers = tuple(int(number) for number in _NUMBER_IN_NAME.findall(stem))
    return (0 if numbers else 1, numbers, (path.name.casefold(), path.name))


def _date_parts(dated: re.Match[str]) -> tuple[str, str, str, str | None, str | None, str | None]:
    """The year, month, day, hour, minute and second of a `_DATE_IN_NAME` match (None for a time
    of day it does not give), as written, but for an hour from 1 to 12 followed by AM or PM,
    given on a 24-hour clock (`9.30 PM`: `21`; `12.05 AM`: `0`)."""
    together = dated["together"]
    if together:  # `0104T0930`, `0104T093015`, `0104-093015`
        return (dated["year"], together[:2], together[2:4], together[5:7], together[7:9],
                together[9:] or None)
    hour = dated["hour"]
    if hour is not None and dated["half"] is not None and 1 <= int(hour) <= 12:
        hour = str(int(hour) % 12 + (12 if dated["half"] in "Pp" else 0))
    return (dated["year"], dated["month"], dated["day"], hour, dated["minute"], dated["second"])


def time_in_name(file_name: str) -> tuple[datetime | None, str | None]:
    """The time a file's name gives by a date written year first (a date written with the year
    last is read once `names_with_year_first` writes it year first): with a time of day
    (`2024-02-01_10-30.txt`, `20240201T1030.html`), that time, without a zone, as the name gives
    none, and no date; without one (`2024-02-01.txt`, `2024-2-1.html`, `2024.02.01.txt`), no time
    and the date alone, as ISO 8601 (`2024-02-01`). Neither for a name without a date, with a
    number of eight digits (perhaps a revision id) or with one that is no date (`2024-02-30`)."""
    dated = _DATE_IN_NAME.search(Path(file_name).stem)
    if dated is None:
        return None, None
    year, month, day, hour, minute, second = _date_parts(dated)
    try:
        if hour is None or minute is None:
            return None, date(int(year), int(month), int(day)).isoformat()
        return datetime(int(year), int(month), int(day), int(hour), int(minute),
                        int(second or 0)), None
    except ValueError:  # no date (`2024-02-30`), or no time of day (`20240201T2590`)
        return None, None


def zone_in_name(file_name: str) -> timezone | None:
    """The zone a name writes right after the date and time of day that `time_in_name` reads
    (`2024-02-01T10:30:00+05:00.html`, `2024-02-01T10-30Z.html`); None when it writes none."""
    stem = Path(file_name).stem
    dated = _DATE_IN_NAME.search(stem)
    if dated is None or _date_parts(dated)[4] is None:  # no time of day
        return None
    zone = _ZONE_AFTER_TIME.match(stem, dated.end())
    if zone is None:
        return None
    if zone["sign"] is None:
        return UTC
    offset = timedelta(hours=int(zone["hours"]), minutes=int(zone["minutes"]))
    return timezone(-offset if zone["sign"] == "-" else offset)


def unread_time_warning(file_name: str, name: str) -> str | None:
    """The warning of a file whose name (`name`, as `time_in_name` reads it) plainly writes a date,
    or a date and a time of day, with a number out of range (`2024-02-30`, `2024-02-01_25-30`,
    `2024-02-01_10-30-60`, `20240201T2590`), saying what is read of it; None when it writes none,
    or one that is read whole."""
    stem = Path(name).stem
    written = _WRITTEN_DATE.search(stem)
    if written is not None:
        parts = _written_parts(written)
    elif (together := _DATE_IN_NAME.search(stem)) is not None and together["together"]:
        parts = _date_parts(together)
    else:
        return None
    out_of_range = _out_of_range(*parts)
    if out_of_range is None:
        return None
    time, day = time_in_name(name)
    read = (f"read as {time.isoformat(sep=' ')}" if time is not None
            else f"read as the date {day} alone" if day is not None else "the version has no time")
    return (f"{file_name}: the {out_of_range}: {read}; rename the file with the date and time it "
            "means to have them read")


def _written_parts(written: re.Match[str]
                   ) -> tuple[str, str, str, str | None, str | None, str | None]:
    """The year, month, day, hour, minute and second of a `_WRITTEN_DATE` match (None for a time
    of day it does not give), as written."""
    return (written["year"], written["month"], written["day"], written["hour"], written["minute"],
            written["second"])


def _out_of_range(year: str, month: str, day: str, hour: str | None, minute: str | None,
                  second: str | None) -> str | None:
    """What is out of range in a written date and time of day, its first such number
    (`date in the name has month 13, out of range`), None when nothing is."""
    if not 1 <= int(month) <= 12:
        return f"date in the name has month {month}, out of range"
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return f"date in the name has day {day}, which {year}-{int(month):02} does not have"
    for field, value, last in (("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)):
        if value is not None and int(value) > last:
            return f"time of day in the name has {field} {value}, out of range"
    return None


def in_version_order(files: Sequence[Path], where: str) -> list[Path]:
    """Files sorted by `version_order_key`, a date whose month is named read as the date it is
    (`Dec 31, 2019.txt` before `Jan 4, 2020.txt`), and one written with the year last too
    (`12-30-2019.txt` before `01-04-2020.txt`): day first or month first as the names show.
    When they do not (`04.01.2020`, `05.01.2020`, `01.02.2020`) and the two readings order the
    files differently, InconsistentPages. Names that all give a time of day in a zone, and no
    version number, are then ordered by the instant they give (`_zoned_instants`)."""
    dates, readings = _year_last_readings(files)
    if not any(dates.values()):
        ordered = sorted(files, key=lambda file: _year_first_key(file, None, True))
    else:
        orders = [sorted(files, key=lambda file: _year_first_key(file, dates[file], reading))
                  for reading in readings]
        if orders[-1] != orders[0]:
            named = sorted(file.name for file in files if dates[file])
            raise InconsistentPages(
                f"the file names hold dates with the year last ({first_few(named)}), and whether "
                "the day or the month comes first decides the order of the versions", where,
                hint="rename the files with the year first, as 2020-01-04.txt")
        ordered = orders[0]
    instants = _zoned_instants(ordered)
    return ordered if instants is None else sorted(ordered, key=instants.__getitem__)


def _zoned_instants(files: Sequence[Path]) -> dict[Path, datetime] | None:
    """Each file's time, in UTC, where every name gives a date and time of day in a zone
    (`2024-02-01T10:30:00+05:00.txt` is 05:30 in UTC, before `2024-02-01T10-30Z.txt`) and none
    holds a version number, which orders the files then; None otherwise, the names' numbers as
    written ordering them (the zones of a name without one unknown)."""
    year_first, _ = names_with_year_first(files)
    instants = {}
    for file in files:
        name = year_first[file]
        time, zone = time_in_name(name)[0], zone_in_name(name)
        if time is None or zone is None or _version_numbers_in_name(name):
            return None
        instants[file] = time.replace(tzinfo=zone).astimezone(UTC)
    return instants


def _version_numbers_in_name(name: str) -> tuple[int, ...]:
    """The numbers in a (year-first) file name that may be its version number, as
    `version_numbers` reads them: not a date's, nor those of an escape sequence."""
    return tuple(int(number) for number in _VERSION_NUMBER_IN_NAME.findall(
        _without_dates(without_control_sequences(Path(name).stem))))


def _year_last_readings(files: Sequence[Path]
                        ) -> tuple[dict[Path, re.Match[str] | None], list[bool]]:
    """The date written with the year last in each file's name (None where there is none), and
    the readings of those dates that the names allow, day first (True) or month first (False):
    one where a day or a month above 12 shows it, both where nothing does."""
    dates = {file: _YEAR_LAST_DATE.search(file.stem) for file in files}
    found = [date for date in dates.values() if date]
    day_first = any(int(date.group(1)) > 12 for date in found)
    month_first = any(int(date.group(3)) > 12 for date in found)
    return dates, [day_first] if day_first != month_first else [True, False]


def names_with_year_first(files: Sequence[Path]) -> tuple[dict[Path, str], bool]:
    """Each file's name with a date written with the year last written year first
    (`30-12-2019 10-30.html`: `2019-12-30 10-30.html`), the day first or the month first as the
    names show, and one whose month is named too (`Jan 4, 2020 9.30 PM.html`:
    `2020-01-04 9.30 PM.html`), and whether they do not (`01-02-2024`, `03-02-2024`, `12-11-2023`), the dates
    then read day first."""
    dates, readings = _year_last_readings(files)
    return ({file: _year_first_name(file, dates[file], readings[0]) for file in files},
            len(readings) > 1 and any(dates.values()))


def _year_first_key(file: Path, date: re.Match[str] | None,
                    day_first: bool) -> tuple[int, tuple[int, ...], tuple[str, str]]:
    return version_order_key(file.with_name(_year_first_name(file, date, day_first)))


def _year_first_name(file: Path, date: re.Match[str] | None, day_first: bool) -> str:
    if date is None:
        return _MONTH_NAMED_DATE.sub(_month_named_date_year_first, file.stem) + file.suffix
    day, month = (date.group(1), date.group(3)) if day_first else (date.group(3), date.group(1))
    return (f"{file.stem[:date.start()]}{date.group(4)}-{int(month):02}-{int(day):02}"
            f"{file.stem[date.end(4):]}{file.suffix}")


def _month_named_date_year_first(named: re.Match[str]) -> str:
    """A `_MONTH_NAMED_DATE` match written year first (`Jan 4, 2020`: `2020-01-04`)."""
    month = _MONTHS.index((named["month"] or named["month_after"])[:3].lower()) + 1
    return f"{named['year']}-{month:02}-{int(named['day'] or named['day_before']):02}"


def version_numbers(files: Sequence[Path], where: str) -> list[int] | None:
    """The version numbers files sorted by `version_order_key` give: each name's last version
    number (`_VERSION_NUMBER_IN_NAME`: `000_7791c25b.txt` is version 0, the digits of its hash
    none) other than a date's (`2020-01-04.txt`: its day is no version number; `v2-2020-01-05.txt`
    is version 2; nor a date or time of day written out of range: `2024-02-01_10-30-60.txt`),
    when every name holds one and they rise in that order (`story-v2.txt`,
    `story-v10.txt`); None when they do not, and the versions are then numbered from 0 in that
    order. Two names that differ only in zeros before a version number, in their suffix or in how
    they write one date, or date and time of day (`0.txt`, `00.txt`; `1.txt`, `1.md`;
    `2020-1-4.txt`, `2020-01-04.txt`; `20200104T0930.txt`, `2020-01-04_09-30.txt`) are
    InconsistentPages, and so are a name and the name with one suffix more (`2.txt`, `2.txt.orig`):
    which is that version, or which comes first, nothing says; so is a name that a file browser or a
    download gives a copy of a file there (`_refuse_copies`)."""
    year_first, _ = names_with_year_first(files)
    _refuse_copies(files, year_first, where)
    in_names = [_version_numbers_in_name(year_first[file]) for file in files]
    named: dict[str, Path] = {}
    all_names = set(year_first.values())
    for file, name_numbers in zip(files, in_names):
        other = named.setdefault(name_as_read(_stem_of_copies(year_first[file], all_names)), file)
        if other is file:
            continue
        if name_numbers:
            raise InconsistentPages(f"{other.name} and {file.name} both name version "
                                    f"{name_numbers[-1]}", where,
                                    hint="keep one of them, or give each version its own number")
        time, day = time_in_name(year_first[file])
        if time is not None or day is not None:
            raise named_twice(other.name, file.name, time, day, where, ".txt")
    if not all(in_names):
        return None
    numbers = [name_numbers[-1] for name_numbers in in_names]
    return numbers if all(a < b for a, b in itertools.pairwise(numbers)) else None


def _stem_of_copies(name: str, names: Collection[str]) -> str:
    """The stem of file name `name` among the file `names`, that of the file it copies where it is
    one of them with one suffix more (`v2.txt.orig`, `1.md.bak`: `v2`, `1`), as a merge or a
    backup leaves one beside a version: both then name one version."""
    stem = Path(name).stem
    return Path(stem).stem if stem in names else stem


def _refuse_copies(files: Sequence[Path], year_first: dict[Path, str], where: str) -> None:
    """InconsistentPages for a file named as a copy of another file there is (`_COPY_MARK`:
    `0 copy.txt` beside `0.txt`, `v1 (2).txt` beside `v1.txt`), as two names of one version are:
    read as a version, its copy mark's number taken for the version's, it renumbered the others."""
    named = {name_as_read(Path(year_first[file]).stem): file for file in files}
    for file in files:
        stem = Path(year_first[file]).stem
        mark = _COPY_MARK.search(stem)
        copied = None if mark is None else named.get(name_as_read(stem[:mark.start()]))
        if copied is not None:
            raise InconsistentPages(
                f"{file.name} is named as a file browser or a download names a copy of "
                f"{copied.name}", where,
                hint="keep one of them, or give each version its own number")


def _without_dates(stem: str) -> str:
    """`stem` without the dates and times of day it writes, whose numbers are no version numbers:
    first those written with separators out of range (`2024-02-01_10-30-60`, `2024-02-01_25-30`),
    which `_DATE_IN_NAME` reads in part or not at all, then those it reads, with the zone after
    them (`+01:00`), then those written with the year last."""
    unread = _WRITTEN_DATE.sub(
        lambda written: "" if _out_of_range(*_written_parts(written)) is not None else written[0],
        stem)
    return _YEAR_LAST_DATE.sub("", _DATE_AND_ZONE.sub("", unread))


def named_twice(first: str, second: str, time: datetime | None, day: str | None, where: str,
                suffix: str) -> InconsistentPages:
    """The refusal of the files `first` and `second`, whose names give one time (or one date
    `day`) written in two ways; `suffix` is the files' kind, as `.txt`."""
    named_time = f"the time {time.isoformat(sep=' ')}" if time else f"the date {day}"
    return InconsistentPages(
        f"{first} and {second} both name {named_time}", where,
        hint=f"keep one of them, or name each file by its own date and time of day, as "
             f"2020-01-04_09-00{suffix} and 2020-01-04_10-00{suffix}")


def copies_of(original: Path, files: Sequence[Path]) -> list[Path]:
    """The `files` named as a file browser or a download names a copy of `original`
    (`_COPY_MARK`: `story (1).txt`, `story (2).txt` beside `story.txt`), in the order of the
    numbers in their names."""
    def copies(file: Path) -> bool:
        mark = _COPY_MARK.search(file.stem)
        return (mark is not None and file != original
                and name_as_read(file.stem[:mark.start()]) == name_as_read(original.stem))

    return sorted(filter(copies, files), key=version_order_key)


def name_as_read(stem: str) -> str:
    """A file name's stem as its numbers read: a date and time of day written one way, the
    seconds given (`20200104T0930` and `2020-01-04_09-30-00` as `2020-1-4T9-30-0`), every
    number without zeros before it, and without the terminal's control sequences, which write
    nothing of the name (`0<ESC>[m` as `0`)."""
    def written_one_way(dated: re.Match[str]) -> str:
        year, month, day, hour, minute, second = _date_parts(dated)
        time_of_day = f"T{hour}-{minute}-{second or 0}" if hour and minute else ""
        return f"{year}-{month}-{day}{time_of_day}"

    return _NUMBER_IN_NAME.sub(lambda number: str(int(number[0])),
                               _DATE_IN_NAME.sub(written_one_way,
                                                 without_control_sequences(stem)))


def article_name(names: Sequence[str]) -> str:
    """What a chain of version files is called: the name of the folder that holds them.

    Files from several folders are named after the first file's folder; standard input alone,
    or pipes alone (`<(curl ...)`), is `-`.
    """
    files = [Path(name).absolute() for name in names if not is_stream_name(name)]
    if not files:
        return "-"
    folders = {file.parent for file in files}
    folder = folders.pop() if len(folders) == 1 else files[0].parent
    return folder.name or str(folder)


def is_stream_name(name: str) -> bool:
    """Whether an input name is standard input or a pipe the shell made (`/dev/fd/63`): no
    file whose folder names the article."""
    return name == "-" or Path(name).parent in _PIPE_FOLDERS


_PIPE_FOLDERS = frozenset({Path("/dev/fd"), Path("/proc/self/fd")})


def read_versions(named_texts: Sequence[tuple[str, str]], numbers: Sequence[int] | None = None,
                  ) -> Article:
    """Build one article from version texts given oldest first.

    Versions are numbered from 0 unless `numbers` says otherwise. A file named with a date
    (`time_in_name`; a date with the year last read day first or month first as the names show,
    day first when they do not) has its time from its name: the date and time of day
    (`2024-02-01_10-30.txt`), in the zone written right after it (`zone_in_name`:
    `2024-02-01T10:30:00+05:00.txt`), else without one, or the date alone (`2024-02-01.txt`,
    `time_text`), warned; the order stays the one given, and a version whose time is before the one of the
    timed version before it is warned of (`dated_back_warnings`). A name that writes a date or
    time of day out of range (`2024-02-30.txt`, `2024-02-01_25-30.txt`) is warned of, saying
    what is read of it (`unread_time_warning`).
    Plain files have no titles:
    every version is titled with the article's name (`article_name`), so titles never differ
    between versions and file names are never compared as if they were titles.
    """
    name = article_name([file_name for file_name, _ in named_texts])
    versions = []
    warnings = _repeated_files([file_name for file_name, _ in named_texts])
    read = read_all_paragraphs([text for _, text in named_texts])
    files = [Path(file_name) for file_name, _ in named_texts if not is_stream_name(file_name)]
    year_first, day_or_month_first = names_with_year_first(files)
    if day_or_month_first:
        warnings.append(day_first_warning(
            [file.name for file in files if year_first[file] != file.name], "2024-02-01.txt"))
    timed, zoned, dated = [], [], []
    for index, ((file_name, text), (paragraphs, width)) in enumerate(zip(named_texts, read,
                                                                          strict=True)):
        if not paragraphs:
            raise EmptyInput("version file holds no text", file_name)
        number = numbers[index] if numbers is not None else index
        time, day = (None, None) if is_stream_name(file_name) else time_in_name(
            year_first[Path(file_name)])
        zone = None if time is None else zone_in_name(year_first[Path(file_name)])
        if time is not None and zone is not None:
            time = time.replace(tzinfo=zone)
            zoned.append(file_name)
        elif time is not None:
            timed.append(file_name)
        if day is not None:
            dated.append(file_name)
        unread_time = None if is_stream_name(file_name) else unread_time_warning(
            file_name, year_first[Path(file_name)])
        if unread_time is not None:
            warnings.append(unread_time)
        versions.append(Version(number, name, paragraphs, time, day))
        version_page = version_line_below_a_long_header(text, file_name)
        if version_page is not None:
            warnings.append(version_page)
        if width is not None:
            warnings.append(wrapped_warning(file_name, width))
    if timed:
        warnings.append(_named_time_warning(timed, "a date and a time of day",
                                            "that time, without a time zone"))
    if zoned:
        warnings.append(_named_time_warning(zoned, "a date, a time of day and a time zone",
                                            "that time"))
    if dated:
        warnings.append(_named_time_warning(dated, "a date", "the date alone",
                                            but="but no time of day"))
    warnings.extend(dated_back_warnings(name, versions))
    return Article(None, None, tuple(versions), warnings=tuple(warnings))


def day_first_warning(names: Sequence[str], example: str) -> str:
    """The warning that the file names `names` hold dates with the year last that may be read day
    first or month first, read day first; `example` is such a name written year first."""
    return (f"the file names hold dates with the year last ({first_few(names)}) that may be "
            "read day first or month first; read day first (01-02-2024 as 1 February 2024): "
            f"rename the files with the year first, as {example}, if the month comes first")


def _named_time_warning(names: Sequence[str], given: str, time: str, but: str = "") -> str:
    """The warning that the version files `names` give `given` (`a date`) in their names (and
    `but`: `but no time of day`), their time then `time`."""
    one = len(names) == 1
    their, in_names = ("its", "its name") if one else ("their", "their names")
    return (f"{counted(len(names), 'version file')} {'gives' if one else 'give'} {given} in "
            f"{in_names}{' ' + but if but else ''} ({first_few(names)}); {their} time is {time}")


def _repeated_files(names: Sequence[str]) -> list[str]:
    """A warning for each file given more than once (by one name or several): each time it is
    read as a version of its own, which is rarely meant. Several names of it (a link in a folder
    to a version there, `3.txt -> 2.txt`) are each named, as the folder gave none twice."""
    given: dict[Path, list[str]] = {}
    for name in names:
        if not is_stream_name(name):
            given.setdefault(Path(name).resolve(), []).append(name)
    return [_repeated_file_warning(names) for names in given.values() if len(names) > 1]


def _repeated_file_warning(names: Sequence[str]) -> str:
    """The warning that the names `names` (two or more) are one file, each read as a version."""
    if len(set(names)) == 1:
        return f"{names[0]}: given {len(names)} times; each is read as a version"
    return (f"{names[0]}: read {len(names)} times, as {first_few(list(dict.fromkeys(names)))} "
            "(names of one file: a symbolic link to it or another path); each is read as a "
            "version")


def wrapped_warning(where: str, width: int) -> str:
    return (f"{where}: its lines look wrapped at {width} characters; each block of lines between "
            "blank lines is read as one paragraph")
