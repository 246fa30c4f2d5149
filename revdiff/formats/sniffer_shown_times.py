"""The times a News Sniffer page shows as text, read as its HTML's `datetime` attributes write
them, so that a text page, its HTML and an HTML `<time>` without the attribute give one time."""

from __future__ import annotations

from revdiff.formats.english_dates import english_time

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
