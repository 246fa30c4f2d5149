"""Recognise an input's format from its content, never from its file name."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from revdiff.file_kinds import open_without_waiting
from revdiff.formats import foreign, sniffer_text, sniffer_version_text

SQLITE_MAGIC = b"SQLite format 3\x00"
# The suffixes SQLite files go by (and `export` writes its SQLite tables to); detection goes by the
# content, but an input file of such a name that holds text is noted (`input_file.database_named_note`).
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


class Format(StrEnum):
    SNIFFER_DIFF_HTML = "sniffer-diff-html"
    SNIFFER_VERSION_HTML = "sniffer-version-html"
    SNIFFER_DIFF_TEXT = "sniffer-diff-text"
    SNIFFER_VERSION_TEXT = "sniffer-version-text"
    NEWSDIFFS_HTML = "newsdiffs-html"
    NEWSEDITS_SQLITE = "newsedits-sqlite"
    PLAIN = "plain"
    UNKNOWN_HTML = "unknown-html"
    # Refused with what they are (`foreign`): a JSON document and an RSS/Atom feed are not
    # version files, and a page wrapped in something else is to be saved as a page.
    JSON = "json"
    FEED = "feed"
    WRAPPED_PAGE = "wrapped-page"
    DOCUMENT = "document"  # a PDF or RTF document: its text is to be saved first
    PAGE_TEXT = "page-text"  # a NewsDiffs diff page saved as text: its HTML is to be saved
    DIFF = "diff"  # a patch file: the versions it was made from are to be given
    WIKI_EXPORT = "wiki-export"  # a MediaWiki export: its revisions are to be given as files
    CAPTURE_LISTING = "capture-listing"  # a Wayback CDX listing: its captures are to be saved
    TABLE = "table"  # a CSV or TSV table of versions: its texts are to be given as files


# An HTML document or fragment: optional XML declaration and comments (browsers put
# "<!-- saved from url=... -->" first), then a doctype or a common element.
_PROLOGUE = r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
_DOCUMENT_START = re.compile(_PROLOGUE + r"<(!doctype\s+html|html|head|body|meta|title)\b",
                             re.IGNORECASE | re.DOTALL)
_FRAGMENT_START = re.compile(
    _PROLOGUE + r"<(table|div|p|script|link|style|h[1-6]|span|section|article|main|header|ul"
    r"|form)\b", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[a-zA-Z/!][^<>]*>")
_BLOCK_END = re.compile(r"</(p|div|table|tr|td|section|article|main|header|ul|ol|li|h[1-6]|span"
                        r"|form)\s*>", re.IGNORECASE)

# A page cut short inside its doctype (`<!DOCTY`): no version's text is a start of one
_DOCTYPE = "<!doctype html"
_SHORTEST_DOCTYPE_START = 3  # `<!d`


def _is_html(start: str) -> bool:
    """Whether text beginning with `start` is an HTML page: a document, or a fragment that is
    markup throughout (it closes an element such as `</p>`, and most of its lines hold a tag).
    A plain version whose text opens with a tag (`<script>` quoted in a caption, `<p> is the
    paragraph tag`) and goes on in prose is no page. A start of a doctype and nothing else is a
    page cut short."""
    if _DOCUMENT_START.match(start):
        return True
    written = start.strip().lower()
    if len(written) >= _SHORTEST_DOCTYPE_START and _DOCTYPE.startswith(written):
        return True
    if not _FRAGMENT_START.match(start) or not _BLOCK_END.search(start):
        return False
    lines = [line for line in start.splitlines() if line.strip()]
    return sum(1 for line in lines if _TAG.search(line)) * 2 > len(lines)


_LEADING_COMMENT = re.compile(r"\s*<!--.*?-->", re.DOTALL)


def _after_comments(text: str) -> str:
    """The text after the comments it opens with, however long (a licence a page carries
    first); the prologue `_is_html` allows is looked for in the first 4 KB only."""
    start = 0
    while found := _LEADING_COMMENT.match(text, start):
        start = found.end()
    return text[start:]


def is_sqlite_file(path: Path) -> bool:
    """Whether `path` is a SQLite file. What is no regular file (a pipe, whose start a look
    would consume, or a FIFO without a writer, which would wait), or cannot be opened, is not
    looked into: its reader says what it is."""
    if not path.is_file():
        return False
    try:
        with open_without_waiting(path) as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def detect_bytes(data: bytes) -> Format | None:
    """The formats recognisable before decoding: binary database files."""
    if data.startswith(SQLITE_MAGIC):
        return Format.NEWSEDITS_SQLITE
    return None


# Inputs of other tools (`foreign`), each refused saying what it is: those looked for before any
# page format, in this order, and those looked for only after News Sniffer's text formats.
_FOREIGN_FIRST: tuple[tuple[Callable[[str], object], Format], ...] = (
    (foreign.describe_feed, Format.FEED),
    (foreign.describe_json, Format.JSON),
    (foreign.describe_document, Format.DOCUMENT),
    (foreign.describe_diff, Format.DIFF),
    (foreign.describe_wiki_export, Format.WIKI_EXPORT),
    (foreign.describe_capture_listing, Format.CAPTURE_LISTING),
    (foreign.describe_table, Format.TABLE),
)
_FOREIGN_LAST: tuple[tuple[Callable[[str], object], Format], ...] = (
    (foreign.describe_wrapped_page, Format.WRAPPED_PAGE),
    (foreign.describe_page_text, Format.PAGE_TEXT),
)


def detect(text: str) -> Format:
    """Pick the format of a decoded input from what it contains."""
    for describes, foreign_format in _FOREIGN_FIRST:
        if describes(text):
            return foreign_format
    if _is_html(_after_comments(text)[:4096]):
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
    if sniffer_version_text.looks_like_version_text(text):
        return Format.SNIFFER_VERSION_TEXT
    for describes, foreign_format in _FOREIGN_LAST:
        if describes(text):
            return foreign_format
    return Format.PLAIN
