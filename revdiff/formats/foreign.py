"""Inputs that are no version format but would otherwise pass for plain text: JSON, feeds, diffs
(patch files), wiki exports, Wayback CDX listings, tables (CSV), and web pages wrapped in
something else (a WARC archive, an MHTML archive, an HTTP response with its headers, a page with
other text before its markup).

Read as plain paragraphs they give nonsense versions, with no warning. They are recognised here
so that the reader can say what the file is and what to do instead.
"""

from __future__ import annotations

import csv
import json
import re
from itertools import islice

from revdiff.formats.fields import shown
from revdiff.formats.shown_markup import closing_html_tag, shown_markup
from revdiff.formats.translation import SAVE_UNTRANSLATED
from revdiff.read_warnings import counted

READABLE = ("revdiff reads News Sniffer and NewsDiffs pages, plain version files, git "
            "repositories, NewsEdits, NYTdiff and diffengine databases, and folders of saved "
            "article pages")

# What may come before a feed's root: an XML declaration, comments, stylesheet instructions.
# Skipped one piece at a time: one pattern repeating `<!--.*?-->` took time exponential in the
# number of comments when no root followed them (20 comments before a page: 54 s).
_PROLOGUE_PIECE = re.compile(r"\s*(<\?xml[^>]*>|<!--.*?-->|<\?xml-stylesheet[^>]*>)",
                             re.IGNORECASE | re.DOTALL)
# A feed's root, or its document type declaration, which names the root before any entity it
# declares (`<!DOCTYPE rss PUBLIC ...>` heads every RSS 0.91 feed).
_RSS = re.compile(r"\s*<(!doctype\s+)?(rss|rdf:RDF)\b", re.IGNORECASE)
_ATOM = re.compile(r"\s*<(!doctype\s+)?feed\b", re.IGNORECASE)
# The root of a MediaWiki export (`<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">`).
_MEDIAWIKI = re.compile(r"\s*<mediawiki\b")
_JSON_TOO_DEEP = "JSON nested deeper than Python reads"
# What to do with records of versions another tool keeps (a table, JSON, a wiki's revisions).
GIVE_AS_FILES = ("write each version's text to a file of its own (0.txt, 1.txt, ...) in a folder, "
                 "and give the folder")


def describe(text: str) -> tuple[str, str] | None:
    """What a foreign input is and what to do with it, else None."""
    feed = describe_feed(text)
    if feed:
        return feed, READABLE
    return (describe_json(text) or describe_document(text) or describe_diff(text)
            or describe_wiki_export(text) or describe_capture_listing(text) or describe_table(text)
            or describe_wrapped_page(text) or describe_page_text(text))


PDF_TEXT = "save its text with pdftotext FILE or a reader's Save as Text"


def describe_document(text: str) -> tuple[str, str] | None:
    """A PDF or RTF document whose bytes happen to decode as text (a PDF whose streams are not
    compressed), and how to give its text; None for anything else."""
    head = text.lstrip("\ufeff")[:8]
    if head.startswith("%PDF-"):
        return "a PDF document", PDF_TEXT
    if head.startswith("{\\rtf"):
        return "an RTF document", "save it as plain text and give that"
    return None


# A diff's header and first hunk: unified (`--- old`, `+++ new`, `@@ -1,2 +1,2 @@`), as `diff -u`
# and git write it, or context (`*** old`, `--- new`, a line of 15 stars), as `diff -c` does.
_DIFF_HEADER = re.compile(r"^--- [^\n]*\n\+\+\+ [^\n]*\n@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@"
                          r"|^\*\*\* [^\n]*\n--- [^\n]*\n\*{15}$", re.MULTILINE)


def describe_diff(text: str) -> tuple[str, str] | None:
    """A diff (a patch file, `git diff`, `git format-patch`), which holds only the lines around
    each change, and what to give instead; None for anything else."""
    if _DIFF_HEADER.search(text[:65536]):
        return ("a diff (a patch), which holds only the lines around each change",
                ("give the versions themselves: the file before and after the change (git show "
                 "REV:PATH), or the git repository"))
    return None


# A CDX listing's first capture, after its optional header (` CDX N b a m s k r M S V g`): the
# address as a SURT key (`com,example)/news/iran`), the capture's time in 14 digits, the address.
_CDX_LINE = re.compile(r"(?:[ \t]*CDX [^\n]*\n)?\s*[^\s)]+\)\S* \d{14} \S")


def describe_capture_listing(text: str) -> tuple[str, str] | None:
    """A Wayback Machine CDX listing (the captures of an address, as its CDX server lists them),
    which names captures but holds none of their pages, and how to give them; None for anything
    else."""
    if _CDX_LINE.match(text):
        return ("a Wayback Machine CDX listing, which names captures but holds none of their pages",
                ("save the pages it lists into a folder, each from "
                 "https://web.archive.org/web/TIMESTAMPid_/URL, and give the folder"))
    return None


# A table's header: names of columns (`url`, `"created"`, `Text`) apart by a comma, a tab or a
# semicolon, one of which names a version's text.
_COLUMN_NAME = re.compile(r"[A-Za-z_][\w .-]{0,39}")
_TEXT_COLUMNS = frozenset({"text", "content", "body", "article", "html", "summary"})


def describe_table(text: str) -> tuple[str, str] | None:
    """A table of versions (CSV or TSV: a header that names a text column, then rows of as many
    cells), and how to give its versions; None for anything else, such as a version whose
    first line happens to read as names apart by commas."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    rows = csv.reader(text[:65536].split("\n"), delimiter=delimiter)
    try:
        header = next(rows)
        first_row = next(rows, None)
    except csv.Error:
        return None
    names = [name.strip() for name in header]
    if (len(names) < 2 or first_row is None or len(first_row) != len(names)
            or not all(_COLUMN_NAME.fullmatch(name) for name in names)
            or not _TEXT_COLUMNS & {name.lower() for name in names}):
        return None
    columns = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
    kind = "TSV" if delimiter == "\t" else "CSV"
    return (f"a table of {columns} ({kind})",
            GIVE_AS_FILES)


# The two lines a NewsDiffs diff page names its versions with (`Pink: Archived <date>`, then
# `Green: Archived <date>`), as its text keeps them, a list's bullet before each or not.
_NEWSDIFFS_VERSION_LINES = re.compile(r"^\W*Pink: Archived .*\n(?:.*\n){0,3}?\W*Green: Archived ",
                                      re.MULTILINE)


# A News Sniffer diff page's version row, title row and time row (`Version 0 Version 1`, a title,
# `(about 1 hour later)`), in any language (`Versión 0 Versión 1`, `(alrededor de 1 hora
# después)`), as the text of a page a browser translated has them, and in any case, as a text
# changed in case as a whole has them; a page in English as News Sniffer writes it is read before
# this is looked at. The page's header names the article's address before them, which a
# translation keeps: a plain version's rows alike (`Round 1 Round 2`, a line, `(provisional
# figures)`) follow none.
_DIFF_HEADER_ROWS = re.compile(r"^[ \t]*(?P<word>[^\W\d_]+) \d+(?: |[ \t]*\t[ \t]*)(?P=word) \d+"
                               r"[ \t]*\n[^\n]+\n[ \t]*\((?P<time>[^()\n]{1,60})\)[ \t]*$",
                               re.MULTILINE)
_NEWS_SNIFFER_TIME = re.compile(r".*\b(?:later|earlier)")
_ARTICLE_ADDRESS = re.compile(r"https?://\S", re.IGNORECASE)


def describe_page_text(text: str) -> tuple[str, str] | None:
    """A NewsDiffs diff page saved as text ("Text files", "Text only", a copy of the page): its
    deleted and inserted runs, which only the HTML's `<del>` and `<ins>` tell apart, are glued
    into one text, from which neither version can be read; a News Sniffer diff page's text
    translated, or changed in case; None for anything else."""
    if _NEWSDIFFS_VERSION_LINES.search(text[:8192]):
        what = ("a NewsDiffs diff page saved as text, whose deleted and inserted words run "
                "together")
        return what, "save the page as HTML (\"Web Page, HTML only\") and give that"
    if has_translated_diff_header(text):
        what = "a News Sniffer diff page translated by the browser (its header is not in English)"
        return what, SAVE_UNTRANSLATED
    if _has_recased_diff_header(text):
        what = ("a News Sniffer diff page whose text was changed in case after it was saved (its "
                "header row is not 'Version N Version M')")
        return what, "save or copy the page again from News Sniffer, or give its HTML page"
    return None


def _diff_header_after_address(text: str) -> re.Match[str] | None:
    """The News Sniffer diff page's header rows the text holds after the article's address
    (`_DIFF_HEADER_ROWS`), in any language and case; None where it holds none."""
    header = _DIFF_HEADER_ROWS.search(text[:8192])
    return header if header and _ARTICLE_ADDRESS.search(text, 0, header.start()) else None


def _in_english(header: re.Match[str]) -> bool:
    """Whether the header rows' words are News Sniffer's English ones, in any case."""
    return (header["word"].casefold() == "version"
            and re.fullmatch(_NEWS_SNIFFER_TIME.pattern, header["time"], re.IGNORECASE) is not None)


def has_translated_diff_header(text: str) -> bool:
    """Whether the text holds a News Sniffer diff page's version, title and time rows in another
    language, after the article's address, as the text of a page a browser translated does."""
    header = _diff_header_after_address(text)
    return header is not None and not _in_english(header)


def _has_recased_diff_header(text: str) -> bool:
    """Whether the text holds a News Sniffer diff page's version, title and time rows in English
    but not in its case (`version 0 version 1`, `(ABOUT 1 HOUR LATER)`), after the article's
    address, as the text of a page changed in case as a whole does."""
    header = _diff_header_after_address(text)
    return (header is not None and _in_english(header)
            and not (header["word"] == "Version" and _NEWS_SNIFFER_TIME.fullmatch(header["time"])))


# A header block: lines of `Name: value` (a value may go on, indented, on the next lines).
_HEADERS = re.compile(r"\s*([!-9;-~]+:[^\n]*\n([ \t][^\n]*\n)*)+\r?\n")
_HTTP_STATUS = re.compile(r"\s*HTTP/\d(\.\d)? \d{3}\b[^\n]*\n")
# What a response may begin with before the page's own: a proxy's answer to CONNECT
# (`200 Connection established`, or a bare `200 OK`), interim answers (`100 Continue`) and the
# redirects `curl -iL` followed (`301 Moved Permanently`): a status line with its headers and no
# body, and then another status line.
_INTERIM_STATUS = re.compile(r"\s*HTTP/\d(\.\d)? \d{3}\b[^\n]*\n([!-9;-~]+:[^\n]*\n)*\n"
                             r"(?=\s*HTTP/\d(\.\d)? \d{3}\b)")
# A WARC file's first record (an ISO 28500 web archive, as crawlers and the Wayback Machine keep
# pages): its version line, then a header of its own.
_WARC_RECORD = re.compile(r"\s*WARC/\d\.\d+\n[!-9;-~]+:")
_MULTIPART = re.compile(r"^content-type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_HTML_TYPE = re.compile(r"^content-type:\s*text/html", re.IGNORECASE | re.MULTILINE)
_DOCUMENT_LINE = re.compile(r"^[ \t]*<(!doctype\s+html|html)\b", re.IGNORECASE | re.MULTILINE)


def describe_wrapped_page(text: str) -> tuple[str, str] | None:
    """A web page saved inside something else, and how to save it as a page: a WARC web archive,
    an MHTML archive (the MIME file a browser writes for "Webpage, Single File") with its HTML
    part, an HTTP response with its headers (`curl -i`) whose body is HTML, or a whole page with a
    few lines before its markup. None for anything else: text that quotes headers or markup is a
    version like any other."""
    text = text.replace("\r\n", "\n")
    head = text[:65536]
    if _WARC_RECORD.match(head):
        return ("a WARC web archive",
                ("take its pages out into a folder, one file per capture (with warcio, say), "
                 "and give the folder"))
    headers = _HEADERS.match(head)
    if headers and _MULTIPART.search(headers.group(0)) and _HTML_TYPE.search(head,
                                                                            headers.end()):
        return ("an MHTML archive (the MIME file a browser writes for \"Webpage, Single File\")",
                ("save the page again as HTML (\"Webpage, Complete\" or \"Webpage, HTML "
                 "only\"), or give its text"))
    if _is_http_response_of_a_page(head):
        return ("an HTTP response with its headers (as curl -i saves it)",
                "save the response's body alone: curl without -i")
    document = _DOCUMENT_LINE.search(head)
    if document and _is_page_after_preamble(text, document.start()):
        line = head.count("\n", 0, document.start()) + 1
        return (f"a web page with other text before its markup (the page starts at line {line})",
                f"remove the lines before line {line}")
    return None


def _is_http_response_of_a_page(head: str) -> bool:
    """Whether the text is a status line and headers (after any proxy's or interim answers),
    then HTML: headers that say so, or a body that opens with markup."""
    start = 0
    while interim := _INTERIM_STATUS.match(head, start):
        start = interim.end()
    status = _HTTP_STATUS.match(head, start)
    headers = status and _HEADERS.match(head, status.end())
    if not headers:
        return False
    return bool(_HTML_TYPE.search(headers.group(0))) or \
        head[headers.end():].lstrip().startswith("<")


# A page saved with a few lines before it (a note, a URL) is the page; prose that quotes a page
# goes on after it, or has more lines before it, and what it quotes is short: a page has a head
# and a body, and more text than the listing of an example.
_PREAMBLE_LINES = 5
_PAGE_CHARACTERS = 2048


def _is_page_after_preamble(text: str, start: int) -> bool:
    """Whether the text from `start` (a line that opens an HTML document) to its end is a
    page: a few lines before it, nothing a browser shows after its `</html>` but white space
    (`closing_html_tag`: a comment after it, one holding a `</html>` too, is none), and a page's
    parts and length."""
    if start == 0 or len([line for line in text[:start].split("\n") if line.strip()]) > \
            _PREAMBLE_LINES:
        return False
    lowered = text.lower()
    closing = closing_html_tag(text)
    if closing is None or closing.start() <= start or shown_markup(text[closing.end():]).strip():
        return False
    end = closing.start()
    return (end - start >= _PAGE_CHARACTERS and "<head" in lowered[start:end]
            and "<body" in lowered[start:end])


def _root_start(head: str) -> int:
    """Where an XML document's root (or its document type declaration) starts in `head`, after
    its prologue."""
    start = 0
    while found := _PROLOGUE_PIECE.match(head, start):
        start = found.end()
    return start


def describe_feed(text: str) -> str | None:
    """'an RSS feed' or 'an Atom feed' when the text is one, else None."""
    head = text[:4096]
    start = _root_start(head)
    if _RSS.match(head, start):
        return "an RSS feed"
    if _ATOM.match(head, start):
        return "an Atom feed"
    return None


def describe_wiki_export(text: str) -> tuple[str, str] | None:
    """A MediaWiki XML export (Special:Export, a Wikipedia dump), whose pages' revisions are
    each a version, and how to give them; None for anything else."""
    head = text[:4096]
    if _MEDIAWIKI.match(head, _root_start(head)):
        return ("a MediaWiki XML export (a wiki's pages and their revisions)",
                GIVE_AS_FILES)
    return None


def describe_json(text: str) -> tuple[str, str] | None:
    """What JSON the text is (a document or JSON Lines, and its top-level keys) and what to do
    with it: records that hold a version's text (a list of objects, JSON Lines, with a `text`
    key or one like it) are to be written to files, one a version. None for anything else."""
    stripped = text.strip()
    if not stripped.startswith(("{", "[")):
        return None
    try:
        value = json.loads(stripped, strict=False)
    except RecursionError:  # json recurses once per level of nesting
        return _JSON_TOO_DEEP, READABLE
    except ValueError:
        first = stripped.split("\n", 1)[0]
        try:
            value = json.loads(first, strict=False)
        except RecursionError:
            return _JSON_TOO_DEEP, READABLE
        except ValueError:
            broken = _broken_json(stripped)
            return (broken, READABLE) if broken else None
        if not isinstance(value, dict):
            return None
        return f"a JSON Lines file{_keys(value)}", _json_hint(value)
    if isinstance(value, dict):
        return f"a JSON document{_keys(value)}", READABLE
    if isinstance(value, list):
        first_item = value[0] if value else None
        return (f"a JSON list of {counted(len(value), 'item')}{_keys(first_item)}",
                _json_hint(first_item))
    return None


def _json_hint(record: object) -> str:
    """What to do with JSON records whose first is `record`: write their texts to files where
    it holds a version's text, else give one of the formats revdiff reads."""
    if isinstance(record, dict) and _TEXT_COLUMNS & {str(key).lower() for key in record}:
        return GIVE_AS_FILES
    return READABLE


def _broken_json(stripped: str) -> str | None:
    """Text that opens like a JSON object or list of objects but does not parse."""
    if re.match(r"(\[\s*)?\{\s*\"", stripped):
        return "text that opens like JSON but is not valid JSON (cut short or edited?)"
    return None


def _keys(value: object) -> str:
    if not isinstance(value, dict) or not value:
        return ""
    keys = [shown(str(key)) for key in islice(value, 5)]
    return f" (keys: {', '.join(keys)}{', ...' if len(value) > 5 else ''})"
