"""The times a News Sniffer page shows as text, read as its HTML's `datetime` attributes write
them, so that a text page, its HTML and an HTML `<time>` without the attribute give one time."""

from __future__ import annotations

import re

from revdiff.formats.english_dates import english_time

# A time cell as the page shows it, in UTC or at its offset as Rails shows a time in another
# zone: `2020-01-07 23:10:00 UTC`, `2020-01-08 00:10:00 +0100`.
SHOWN_TIME = re.compile(r"(\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?) (UTC|[+-]\d{4})")
# When the page says the article was first seen, as its HTML shows it (`January 2, 2020 17:12
# (UTC)`), where the HTML page's `datetime` gives `2020-01-02T17:12:09Z`; the month in English.
_SHOWN_SEEN_TIME = "%B %d, %Y %H:%M (UTC)"


def seen_time(shown: str) -> str:
    """When an article was first seen as the HTML page's `datetime` writes it, to the minute the
    page shows (`2020-01-02T17:12Z`); a time in another form as written."""
    try:
        return english_time(shown, _SHOWN_SEEN_TIME).strftime("%Y-%m-%dT%H:%MZ")
    except ValueError:
        return shown


def iso_time_of(shown: re.Match[str]) -> str:
    """The ISO 8601 time a `SHOWN_TIME` match gives, as the HTML page's `datetime` writes it
    (`2020-01-07T23:10:00+00:00` for `2020-01-07 23:10:00 UTC`)."""
    offset = "+00:00" if shown[2] == "UTC" else shown[2]
    return f"{shown[1].replace(' ', 'T')}{offset}"
