"""The time of a NewsEdits version, read from its `created` cell: seconds or milliseconds since
1970, or written text; kept as text where it is no time."""

from __future__ import annotations

import re
from datetime import datetime

from revdiff.errors import MalformedPage
from revdiff.formats.fields import iso_date, parse_written_time, seconds_or_milliseconds_time
from revdiff.formats.sqlite_schema import INTEGER_DIGITS


def parse_created(value: object, what: str, where: str) -> tuple[datetime | None, str | None]:
    """A `created` cell as (time, None), or (None, the text) when it is not a time.

    Numbers are seconds since 1970, or milliseconds (as JavaScript writes times) where seconds
    would give no date in the years 1 to 9999; text is read as `parse_written_time` reads it
    (ISO 8601, with ` UTC` after it as BigQuery and R write it, or RFC 2822). A time out of
    that range, or a number that is no time either way, is kept as its text, and so is a date
    alone (`2024-02-01`: the day, not its midnight). A cell of white space only is no time, as an
    empty one.
    """
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None, None
    written = value if isinstance(value, str) else repr(value)  # a float as Python writes it
    if isinstance(value, str) and _is_epoch_text(value):
        # a number in a column declared TEXT, as NewsEdits declares it (`time.time()`'s too)
        value = float(value) if "." in value else int(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        time = seconds_or_milliseconds_time(value)
        return (time, None) if time is not None else (None, written)
    text = str(value)
    if iso_date(text) is not None:  # as revdiff's exports write a file name's date alone
        return None, text
    try:
        time = parse_written_time(text, what, where)
    except MalformedPage:
        time = None
    return (time, None) if time is not None else (None, text)


def _is_epoch_text(text: str) -> bool:
    """Digits that are no ISO date (`20200101` is one) but a number of seconds or milliseconds:
    nine digits or more (1973 onwards), at most as many as a SQLite integer holds, maybe with a
    fraction (`1577836800.25`: SQLite keeps a REAL inserted in a TEXT column as such text)."""
    return _EPOCH_TEXT.fullmatch(text.strip()) is not None


# Seconds or milliseconds since 1970 written as text (`_is_epoch_text`)
_EPOCH_TEXT = re.compile(rf"[0-9]{{9,{INTEGER_DIGITS}}}(?:\.[0-9]+)?")
