"""Recognise an input's format from its content, never from its file name."""

from __future__ import annotations

import re
from enum import Enum

from revdiff.formats import foreign, sniffer_text

SQLITE_MAGIC = b"SQLite format 3\x00"


class Format(str, Enum):
    SNIFFER_DIFF_HTML = "sniffer-diff-html"
    SNIFFER_VERSION_HTML = "sniffer-version-html"
    SNIFFER_DIFF_TEXT = "sniffer-diff-text"
    SNIFFER_VERSION_TEXT = "sniffer-version-text"
    NEWSDIFFS_HTML = "newsdiffs-html"
    NEWSEDITS_SQLITE = "newsedits-sqlite"
    PLAIN = "plain"
    UNKNOWN_HTML = "unknown-html"
    # Refused with what they are: a JSON document and an RSS/Atom feed are not version files.
    JSON = "json"
    FEED = "feed"


# An HTML document or fragment: optional XML declaration and comments (browsers put
# "<!-- saved from url=... -->" first), then a doctype or a common element.
_HTML_START = re.compile(
    r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
    r"<(!doctype\s+html|html|head|body|table|div|p|meta|title|script|link|style|h[1-6]|span"
    r"|section|article|main|header|ul|form)\b",
    re.IGNORECASE | re.DOTALL)


def detect_bytes(data: bytes) -> Format | None:
    """The formats recognisable before decoding: binary database files."""
    if data.startswith(SQLITE_MAGIC):
        return Format.NEWSEDITS_SQLITE
    return None


def detect(text: str) -> Format:
    """Pick the format of a decoded input from what it contains."""
    if foreign.describe_feed(text):
        return Format.FEED
    if foreign.describe_json(text):
        return Format.JSON
    if _HTML_START.match(text[:4096]):
        # BeautifulSoup loads only for HTML pages
        from revdiff.formats import newsdiffs, sniffer_html

        if sniffer_html.looks_like_diff_page(text):
            return Format.SNIFFER_DIFF_HTML
        if newsdiffs.looks_like_newsdiffs(text):
            return Format.NEWSDIFFS_HTML
        if sniffer_html.looks_like_version_page(text):
            return Format.SNIFFER_VERSION_HTML
        return Format.UNKNOWN_HTML
    if sniffer_text.looks_like_diff_text(text):
        return Format.SNIFFER_DIFF_TEXT
    if sniffer_text.looks_like_version_text(text):
        return Format.SNIFFER_VERSION_TEXT
    return Format.PLAIN
