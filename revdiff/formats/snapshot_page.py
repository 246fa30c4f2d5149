"""One saved publisher page: its URL, title, time and the article's paragraphs.

The text comes from trafilatura (main-content extraction; Apache-2.0), installed with
`pip install 'revdiff[snapshots]'`; known furniture it leaves in the body is then taken out
(`page_furniture`, and the text of the site's logo `<h1>`); a page that shows none is read from
its JSON-LD `articleBody`. The time
is, best first: a 14-digit Wayback timestamp in the file name (UTC), the time SingleFile notes it
saved the page (in its zone), a date and time in the file name (in the zone written after it, else
without one), the "FILE ARCHIVED ON" note that Wayback Machine pages end with (UTC), the capture
time in a memento's own address (UTC), then the page's own `article:modified_time` /
`og:updated_time` / `article:published_time`, then its JSON-LD `dateModified` / `datePublished`,
then the same in
its microdata (`itemprop`; also in words, `3 January 2020`, else warned), then the latest
`<time datetime>` of its byline (the block of its first one outside its navigation, footer and
asides: `Published 8:00, updated 10:30` gives 10:30) (the publisher's claim, not when the page
was fetched). Where none gives a time of day, a date
alone is the page's date (`SavedPage.date`), not its midnight: the file name's, else the first
its metas, JSON-LD or microdata give.
A time at a leap second (`23:59:60`) is read at second 59, warned, as every reader reads it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from revdiff.engine.word_count import count_words
from revdiff.errors import MalformedPage, MissingExtra
from revdiff.formats.english_dates import parse_date, parse_day, unread_zone_of
from revdiff.formats.fields import (
    at_second_59,
    iso_date,
    leap_second_warning,
    parse_iso_time,
    shown,
    without_wayback_prefix,
)
from revdiff.formats.nytdiff import sortable_time
from revdiff.formats.open_elements import end_tags_implied
from revdiff.formats.page_furniture import Cleaned, is_paywall_notice, remove_furniture
from revdiff.formats.plain import time_in_name, zone_in_name
from revdiff.formats.shown_markup import closing_html_tag
from revdiff.formats.text_input import collapse_whitespace

_WAYBACK_NAME = re.compile(r"(?<!\d)((?:19|20)\d{12})(?!\d)")
# The capture time of a Wayback Machine memento in an address of its own that the Wayback Machine
# rewrote (`https://web.archive.org/web/20200103140500/https://...`).
_WAYBACK_ADDRESS = re.compile(r"(?:(?:https?:)?//web\.archive\.org)?/web/((?:19|20)\d{12})[a-z_]*/",
                              re.IGNORECASE)
_WAYBACK_NOTE = re.compile(r"FILE ARCHIVED ON (\d\d:\d\d:\d\d \w{3} \d\d, \d{4})")
_WAYBACK_TOOLBAR = re.compile(r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?"
                              r"<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.DOTALL | re.IGNORECASE)
# Parts of a page that never hold the article's text: site navigation, banners, footers, asides,
# cookie and consent dialogs. Pruned before extraction (measured in the benchmark).
PRUNED = ["//nav", "//header", "//footer", "//aside", "//*[@role='dialog']"]
# A numeric character reference (`&#27;`, `&#x1b;`, `&#7` without its `;`): one to a character
# that XML does not allow (a control character but tab, line feed and carriage return, U+FFFE,
# U+FFFF), anywhere in a page, makes trafilatura give no text at all.
# (Leading zeros aside, a reference of more digits than any character's is passed over.)
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F])|0*(\d{1,7})(?!\d));?")
_NOT_IN_XML = frozenset((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))
# Fewer words than this after extraction is an error or index page, not an article (words as a
# reader counts them: each ideograph and kana of a Japanese or Chinese page one).
MIN_ARTICLE_WORDS = 6
# The headings of the big consent walls, which a visitor from the EU gets in place of the page,
# in the languages of the countries that show them (Google's and the consent platforms' English
# ones are in `_ERROR_HEADING`): Google's and YouTube's `Before you continue to Google`, Yahoo's
# `Yahoo is part of the Yahoo family of brands`, the consent platforms' `We value your privacy`.
_ANY_APOSTROPHE = "['\u2019]"
_CONSENT_WALL_HEADINGS = "|".join((
    # Google and YouTube
    r"bevor sie zu (google|youtube) weitergehen",
    rf"avant d{_ANY_APOSTROPHE}acc[ée]der [àa] (google|youtube)",
    r"antes de (ir|continuar) a (google|youtube)",
    r"prima di (continuare|procedere) (su|a|in) (google|youtube)",
    r"antes de (continuar|ir) para o (google|youtube)",
    r"voordat je verdergaat (naar|met) (google|youtube)",
    r"zanim przejdziesz do (google|youtube)",
    # Yahoo
    r"yahoo is (now )?part of the yahoo family of brands",
    r"wir,? yahoo,? sind (jetzt )?teil der yahoo[\s-]?markenfamilie",
    r"yahoo fait (d[ée]sormais )?partie de la famille de marques yahoo",
    r"yahoo (ahora )?forma parte de la familia de marcas (de )?yahoo",
    r"yahoo (ora )?fa parte della famiglia di (brand|marchi) (di )?yahoo",
    # consent platforms (Didomi, OneTrust, Quantcast, Sourcepoint)
    r"wir respektieren ihre privatsph[äa]re|ihre privatsph[äa]re ist uns wichtig",
    r"nous respectons votre vie priv[ée]e|votre vie priv[ée]e (est importante|nous importe)",
    r"(le )?respect de votre vie priv[ée]e( est (notre|une) priorit[ée])?",
    r"valoramos tu privacidad|tu privacidad es importante( para nosotros)?",
    r"rispettiamo la tua privacy|la tua privacy [èe] importante( per noi)?",
    r"wij (waarderen|respecteren) (uw|je) privacy|(uw|je) privacy is belangrijk( voor ons)?",
    r"valorizamos a (sua )?privacidade|a sua privacidade [ée] importante( para n[óo]s)?",
    r"cenimy (twoj[aą]|pa[nń]stwa) prywatno[sś][cć]",
))
# The title or heading of what a server, a bot check, a CDN or a cookie consent wall sends in
# place of the article (`404 Not Found`, `Page not found | Site`, `Access Denied`, Cloudflare's
# `Just a moment...`, Google's `Before you continue`, `We value your privacy`, and the consent
# walls' headings in other languages, `Bevor Sie zu Google weitergehen`):
# the whole of it, but for punctuation and a site's name after a separator, so that a story's
# headline that starts with such words (`Forbidden City to close`) is no error page.
_ERROR_HEADING = re.compile(
    r"((error\s*)?[45]\d\d\b\W*(page\s+)?(error|not found|forbidden|unauthori[sz]ed|gone|bad gateway"
    r"|service unavailable|too many requests|internal server error)|error\s*[45]\d\d\b"
    r"|((page|file|article|story|content)\s+)?not found|access denied|forbidden"
    r"|just a moment|attention required|checking (your browser|if the site connection)"
    r"|are you a (robot|human)|verify(ing)? (that )?you are (a )?human|security check"
    r"|pardon our interruption|captcha|service unavailable|too many requests"
    r"|before you continue(\s+to(\s+\w+){1,2})?|we value your privacy|cookie consent|"
    rf"{_CONSENT_WALL_HEADINGS})\b"
    r"[\W\d_]*(\s[|\-–—·•]\s.*)?",
    re.IGNORECASE)
# An error page says little; a page with more words than this is read as an article whatever
# its heading says.
MAX_ERROR_PAGE_WORDS = 100
# The headings below `<h1>`, where a page without one (or whose `<h1>` is its logo) heads its text.
_LOWER_HEADINGS = ["h2", "h3", "h4", "h5", "h6"]
# A site's name after a separator at the end of a page's `<title>` (`Council decides | Site`).
_SITE_NAME = re.compile(r"\s[|\-–—·•]\s((?:(?!\s[|\-–—·•]\s).)*)$", re.DOTALL)
_TIME_METAS = ("article:modified_time", "og:updated_time", "article:published_time")
# The same claims in the page's schema.org JSON-LD, where most sites now give them, or microdata.
_LINKED_DATA_TIMES = ("dateModified", "datePublished")
# A time of day after a date, in a `<time datetime>` (one of a date alone is a day the text names).
_TIME_OF_DAY = re.compile(r"\d[T ]\d\d:\d\d")
# The elements that mark words within a line of text, not a block of it: the byline that holds
# a `<time>` is its closest parent of another kind.
_INLINE = frozenset(("a", "abbr", "b", "em", "font", "i", "label", "small", "span", "strong",
                     "time"))
# The article's text in the page's JSON-LD, all that a page whose text a script writes in holds
# of it when saved without running the script (curl, wget).
_LINKED_DATA_TEXT = "articleBody"
# The mark Chrome (and Internet Explorer before it) writes at the top of a page it saves: the
# address the page was saved from, after its length (`<!-- saved from url=(0041)https://... -->`);
# a page saved from a file names `about:internet`, no address.
_SAVED_FROM = re.compile(r"\ufeff?\s*(?:<!doctype[^>]*>\s*)?<!--\s*saved from url=\(\d+\)"
                         r"(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
# The comment the SingleFile extension writes after a page's `<html>` tag: the address it saved
# the page from and when (`<!--\n Page saved with SingleFile \n url: https://... \n saved date:
# Fri Jan 03 2020 14:05:00 GMT+0000 (Coordinated Universal Time)\n-->`).
_SINGLE_FILE = re.compile(r"\ufeff?\s*(?:<!doctype[^>]*>\s*)?(?:<html[^>]*>\s*)?"
                          r"<!--\s*Page saved with SingleFile\b(.*?)-->", re.IGNORECASE | re.DOTALL)
_SINGLE_FILE_URL = re.compile(r"^\s*url:\s*(https?://\S+)", re.MULTILINE)
# Its time of the save as JavaScript writes a date: the weekday, month, day, year, time and zone.
_SINGLE_FILE_DATE = re.compile(r"^\s*saved date:\s*\w{3},? (\w{3} \d{1,2},? \d{4} \d\d:\d\d:\d\d) "
                               r"GMT([+-]\d\d)(\d\d)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class SavedPage:
    name: str
    # The bare file name, a date in it written with the year last rewritten year first: where
    # the page's time and its place among pages that give none are read.
    file_name: str
    url: str | None
    # The other URLs the page names, next best first (its og:url, the address it was saved from):
    # where its `url` is no article's (a site's home page).
    other_urls: tuple[str, ...]
    title: str
    time: datetime | None
    # Where the time (or date) came from: "file name", "SingleFile saved date", "Wayback note", the
    # meta property's name,
    # "JSON-LD " or "microdata " and the key, or "<time datetime>".
    time_source: str | None
    # The warning of a time at a leap second (`23:59:60`), read at second 59.
    leap_second: str | None
    # The warning of a time in words whose zone revdiff does not read (`10:30 AM ET`), read as
    # written, in no zone.
    unread_zone: str | None
    # The date the file name, else the page, gives without a time of day (`2024-02-01`), when
    # nothing gives a time.
    date: str | None
    # The warning of a time the page gives in words no reader reads (`yesterday`), passed over
    # for the next.
    unread_time: str | None
    text: Cleaned
    # The page ends before its `</html>` (`closing_html_tag`: one in a comment or a script is
    # none), as a page saved part way (a download cut off) does: its last paragraphs may be missing
    cut_short: bool
    # The heading that shows the page is an error page, a bot check or a consent wall, not the
    # article (its text is then empty).
    error_heading: str | None
    # The text is the JSON-LD articleBody: the page shows none.
    text_from_linked_data: bool
    # The page's og:type where it says the page is no article (`website`, as a home page or a
    # section's list of stories says; `video.other`), else None.
    other_type: str | None


def read_page(name: str, file_name: str, html: str) -> SavedPage:
    """Everything revdiff takes from one saved page (`file_name` is the bare name, for its time,
    a date in it written year first)."""
    html = _WAYBACK_TOOLBAR.sub("", html)
    # each element ended where a browser ends it (an `<li>` at the next)
    soup = BeautifulSoup(end_tags_implied(html), "html.parser")
    named = _time_of_save(file_name, html)
    time, source, leap_second, unread_zone, date, unread_time = (
        named if named.time is not None else _time_from_page(html, soup, named))
    title = _title(soup)
    shown = _shown_paragraphs(soup, html, name, title)
    error_heading = _error_heading(soup, shown or _linked_data_text(soup))
    text_from_linked_data = False
    paragraphs: tuple[str, ...] = ()
    logo = None
    if error_heading is None:
        paragraphs, logo = _article_text(soup, title, shown)
    if error_heading is None and not paragraphs:
        # a page whose text a script writes in, saved without running it (its headline shown)
        paragraphs, logo = _article_text(soup, title, _linked_data_text(soup))
        text_from_linked_data = bool(paragraphs)
    text = remove_furniture(paragraphs)
    if logo is not None:
        text = dataclasses.replace(text, furniture=(logo, *text.furniture))
    if paragraphs and not text.paywall:  # trafilatura leaves out a box of class `paywall`
        text = dataclasses.replace(text, paywall=_paywall_notices(soup))
    url, *other_urls = _urls(soup, html) or (None,)
    page_type = _meta(soup, "og:type")
    return SavedPage(name, file_name, url, tuple(other_urls), title, time, source, leap_second,
                     unread_zone, date, unread_time, text, closing_html_tag(html) is None, error_heading,
                     text_from_linked_data,
                     None if page_type is None or "article" in page_type.casefold() else page_type)


def _shown_paragraphs(soup: BeautifulSoup, html: str, name: str, title: str
                      ) -> tuple[str, ...]:
    """The paragraphs the extraction gives of the story's `<article>` (`_headed_article`) where
    they hold MIN_ARTICLE_WORDS words without the headline and the logo's text (`_article_text`),
    else of the whole page."""
    headed = _headed_article(soup)
    if headed is not None:
        paragraphs = extract_paragraphs(headed, name)
        if _article_text(soup, title, paragraphs)[0]:
            return paragraphs
    return extract_paragraphs(html, name)


def _headed_article(soup: BeautifulSoup) -> str | None:
    """Of a page of several `<article>` elements (the story's and related stories' teasers, each
    in its own), the one that holds the page's first `<h1>` (the outermost, where comments are
    articles inside it), as a page of its own; None on a page of one article or none, or whose
    `<h1>` is in none."""
    if len(soup.find_all("article", limit=2)) < 2:
        return None
    heading: Any = soup.find("h1")
    holders = heading.find_parents("article") if heading is not None else []
    return f"<html><body>{holders[-1]}</body></html>" if holders else None


def _article_text(soup: BeautifulSoup, title: str, paragraphs: tuple[str, ...]
                  ) -> tuple[tuple[str, ...], str | None]:
    """The article's paragraphs of `paragraphs` and the text of its logo `<h1>` taken out of
    them: without the headline (`_headline`) and the logo's text (`_without_logo`); no
    paragraphs where fewer than MIN_ARTICLE_WORDS words are left."""
    headline = _headline(soup, title, paragraphs)
    if headline is not None:  # the headline inside the article's element is no paragraph
        at = paragraphs.index(headline)
        paragraphs = paragraphs[:at] + paragraphs[at + 1:]
    paragraphs, logo = _without_logo(soup, paragraphs)
    return (paragraphs, logo) if _words(paragraphs) >= MIN_ARTICLE_WORDS else ((), None)


def _headline(soup: BeautifulSoup, title: str, paragraphs: tuple[str, ...]) -> str | None:
    """The first of `paragraphs` that is the page's headline where the extraction gave it as a
    paragraph (as the extraction gives it): its title (`_title`), its og:title, or its
    `<title>` without what follows its last separator (on a site whose `<h1>` is its logo, the
    `<h2>` heading the text); None when none is a paragraph. It makes no title, so that the
    title does not hang on what the extraction keeps."""
    named: Any = soup.find("title")
    before_site = _SITE_NAME.sub("", named.get_text(" ")) if named is not None else ""
    for candidate in (title, _meta(soup, "og:title") or "", before_site):
        headline = _as_extracted(candidate)
        if headline in paragraphs:
            return headline
    return None


def _without_logo(soup: BeautifulSoup, paragraphs: tuple[str, ...]
                  ) -> tuple[tuple[str, ...], str | None]:
    """`paragraphs` without the first that is the text of the page's logo `<h1>` (`_is_logo`:
    the site's name, kept by the extraction), and that text; the paragraphs as they are, and
    None, on a page whose `<h1>` is no logo or whose logo is no paragraph."""
    heading: Any = soup.find("h1")
    if heading is None or not _is_logo(heading, soup):
        return paragraphs, None
    logo = _as_extracted(heading.get_text(" "))
    if not logo or logo not in paragraphs:
        return paragraphs, None
    at = paragraphs.index(logo)
    return paragraphs[:at] + paragraphs[at + 1:], logo


def _as_extracted(text: str) -> str:
    """`text` as the extraction gives it: without the characters that are neither printable nor
    white space (control and format characters: a soft hyphen, a right-to-left mark, a bidi
    override), which trafilatura drops, and white space collapsed as in the paragraphs."""
    return collapse_whitespace("".join(c for c in text if c.isprintable() or c.isspace()))


def _words(paragraphs: tuple[str, ...]) -> int:
    """The words of `paragraphs` as a reader counts them (`count_words`): a paragraph of a
    language written without spaces is not one word."""
    return sum(count_words(p) for p in paragraphs)


def _paywall_notices(soup: BeautifulSoup) -> tuple[str, ...]:
    """A paywall notice anywhere in the page's text, not its scripts (`Subscribe to continue
    reading`, a text of its own in the page); none when it shows none."""
    for string in soup.strings:
        notice = collapse_whitespace(string)
        if is_paywall_notice(notice):
            return (notice,)
    return ()


def extract_paragraphs(html: str, where: str | None = None) -> tuple[str, ...]:
    """The article's paragraphs as trafilatura finds them, or none on a page without an article.

    Precision is favoured and page furniture pruned (measured best in
    benchmarks/snapshot_extraction.py); comments and tables are left out. `where` (the page's
    path) is named when trafilatura is not installed, so that the folder read as saved pages in
    a corpus can be found.
    """
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra("reading saved publisher pages needs trafilatura", where,
                           hint="pip install 'revdiff[snapshots]'") from None
    tree = trafilatura.load_html(_without_references_outside_xml(html))
    if tree is None:
        return ()
    text = trafilatura.extract(_with_ampersands_escaped(tree), favor_precision=True,
                               include_comments=False, include_tables=False, deduplicate=False,
                               prune_xpath=PRUNED) or ""
    paragraphs = tuple(p for p in (collapse_whitespace(line) for line in text.split("\n")) if p)
    return paragraphs if _words(paragraphs) >= MIN_ARTICLE_WORDS else ()


def _without_references_outside_xml(html: str) -> str:
    """`html` without its references to characters XML does not allow, which are no text of an
    article (an escape or a backspace pasted into a CMS)."""
    def kept(reference: re.Match[str]) -> str:
        hexadecimal, decimal = reference.groups()
        point = int(hexadecimal, 16) if hexadecimal else int(decimal)
        return "" if point in _NOT_IN_XML else reference.group()

    return _CHARACTER_REFERENCE.sub(kept, html) if "&#" in html else html


def _with_ampersands_escaped(tree: Any) -> Any:
    """The parsed page `tree` with each `&` of its text written `&amp;`: trafilatura unescapes
    the text it extracts, already unescaped by the parser, a second time (a page showing
    `&lt;b&gt;`, written `&amp;lt;b&amp;gt;`, gave `<b>`; one showing `&#27;` gave nothing), and
    so gives back the text as a browser shows it. Scripts and styles are no text."""
    for node in tree.iter():
        if node.text and "&" in node.text and node.tag not in ("script", "style"):
            node.text = node.text.replace("&", "&amp;")
        if node.tail and "&" in node.tail:
            node.tail = node.tail.replace("&", "&amp;")
    return tree


class _PageTime(NamedTuple):
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


def _time_of_save(file_name: str, html: str) -> _PageTime:
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
        return _PageTime(None, "file name (date alone)" if date else None, date=date)
    zone = zone_in_name(file_name)
    if zone is None:
        return _PageTime(time, "file name (no time zone)")
    return _PageTime(time.replace(tzinfo=zone), "file name")


def _wayback_time(stamp: str, where: str) -> _PageTime | None:
    """The time of a 14-digit Wayback timestamp (UTC) found in `where`; None for no time."""
    written = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[8:10]}:{stamp[10:12]}:{stamp[12:]}"
    time = parse_iso_time(written + "+00:00", "Wayback timestamp", where)
    return None if time is None else _PageTime(
        time, f"Wayback timestamp in {where}", leap_second_warning(written, f"{where}'s Wayback timestamp"))


def _single_file_time(html: str) -> _PageTime | None:
    """The time SingleFile notes it saved the page, in the zone it gives (`saved date: Fri Jan 03
    2020 14:05:00 GMT+0000 (...)`), where the file name SingleFile gives it writes that time as
    the browser's language does (`1_3_2020 2_05_00 PM`); None without one, or where it saved a
    Wayback Machine memento (its url one of web.archive.org/web/<time>/), whose time of capture
    is the version's."""
    single_file = _SINGLE_FILE.match(html)
    saved = _SINGLE_FILE_DATE.search(single_file.group(1)) if single_file else None
    address = _SINGLE_FILE_URL.search(single_file.group(1)) if single_file else None
    if saved is None or address and without_wayback_prefix(address[1]) != address[1]:
        return None
    written, hours, minutes = saved.groups()
    with contextlib.suppress(ValueError, MalformedPage):
        local = datetime.strptime(at_second_59(written.replace(",", "")), "%b %d %Y %H:%M:%S")
        time = parse_iso_time(f"{local.isoformat()}{hours}:{minutes}", "SingleFile saved date", "")
        if time is not None:
            return _PageTime(time, "SingleFile saved date",
                             leap_second_warning(written, "SingleFile's saved date"))
    return None


def _time_from_page(html: str, soup: BeautifulSoup, named: _PageTime) -> _PageTime:
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


def _claimed_times(html: str, soup: BeautifulSoup) -> Iterator[_PageTime]:
    """The times (or dates alone) the page gives, best first: its Wayback note, the capture time
    in its address as a memento, its metas, its JSON-LD, its microdata, its byline."""
    note = _WAYBACK_NOTE.search(html)
    archived = None
    if note:
        with contextlib.suppress(ValueError):
            archived = datetime.strptime(at_second_59(note.group(1)), "%H:%M:%S %b %d, %Y")
    if note and archived:
        yield _PageTime(archived.replace(tzinfo=UTC), "Wayback note",
                        leap_second_warning(note.group(1), "the Wayback note's time"))
    memento = next(filter(None, map(_WAYBACK_ADDRESS.match, _own_addresses(soup, html))), None)
    captured = _wayback_time(memento.group(1), "the page's address") if memento else None
    if captured is not None:
        yield captured
    linked_data = _linked_data(soup, _LINKED_DATA_TIMES)
    claims: Iterator[tuple[str | None, str]] = itertools.chain(
        ((_meta(soup, prop), prop) for prop in _TIME_METAS),
        ((content, f"JSON-LD {key}") for key in _LINKED_DATA_TIMES
         for content in linked_data.get(key, ())),
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


def _microdata(soup: BeautifulSoup, key: str) -> list[str]:
    """The values of the schema.org microdata property `key` (`itemprop="dateModified"`), in the
    order they stand: a `<meta>`'s content, a `<time>`'s datetime, else the element's text."""
    values = []
    for tag in soup.find_all(True, attrs={"itemprop": True}):
        if key in str(tag["itemprop"]).split():
            value = tag.get("content") or tag.get("datetime") or tag.get_text(" ")
            values.append(str(value).strip())
    return values


def _shown_time(soup: BeautifulSoup) -> _PageTime | None:
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


def _claimed_time(content: str | None, source: str) -> _PageTime | None:
    """The time a page's meta or JSON-LD value (`source`) gives, as `fields.parse_iso_time`
    reads it, or the date it gives alone (`2020-01-03`: a day, not its midnight); None for none,
    or one its zone puts outside the years 1 to 9999 in UTC."""
    if not content:
        return None
    day = iso_date(content)
    if day is not None:
        return _PageTime(None, source, date=day.isoformat())
    try:
        time = parse_iso_time(content, source, "")
    except MalformedPage:
        return None
    return None if time is None else _PageTime(time, source, leap_second_warning(content, source))


def _worded_time(content: str, source: str) -> _PageTime:
    """The time or date a microdata value gives in words, as a page shows it (`3 January 2020`,
    `January 3, 2020 10:30 AM`, as NewsDiffs' date lines write them), else the warning that it
    is none revdiff reads; a zone it names that is not read (`10:30 AM ET`) is warned of, as in
    a NewsDiffs date line."""
    day = parse_day(content)
    if day is not None:
        return _PageTime(None, source, date=day.isoformat())
    time = parse_date(content)
    if time is not None:
        zone = unread_zone_of(content)
        return _PageTime(time, source, leap_second_warning(content, source), None if zone is None
                         else f"{source} {shown(content)} names the time zone {shown(zone)}, which "
                         "is not read (unknown or ambiguous): read as written, in no zone")
    return _PageTime(None, source, unread=(
        f"{source} {shown(content)} is no date or time revdiff reads (2020-01-03T10:30:00Z, "
        "3 January 2020, January 3, 2020 10:30 AM): passed over; put the time of the save in "
        "its file name (story-2020-01-03T10-30.html) to give it"))


def _linked_data_text(soup: BeautifulSoup) -> tuple[str, ...]:
    """The paragraphs of the page's JSON-LD articleBody (one a line), or none when it has none
    of MIN_ARTICLE_WORDS words."""
    for body in _linked_data(soup, (_LINKED_DATA_TEXT,)).get(_LINKED_DATA_TEXT, ()):
        paragraphs = tuple(p for p in (collapse_whitespace(line) for line in body.split("\n")) if p)
        if _words(paragraphs) >= MIN_ARTICLE_WORDS:
            return paragraphs
    return ()


def _linked_data(soup: BeautifulSoup, keys: tuple[str, ...]) -> dict[str, list[str]]:
    """The values of `keys` in the page's JSON-LD (schema.org) blocks, in the order they stand,
    looked for in nested objects, lists and `@graph`; a block that is no JSON (or nested too deep
    to read) is passed over."""
    values: dict[str, list[str]] = {}

    def collect(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                collect(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in keys and isinstance(value, str):
                    values.setdefault(key, []).append(value.strip())
                else:
                    collect(value)

    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            collect(json.loads(script.get_text()))
        except (ValueError, RecursionError):  # no JSON, or nested deeper than Python recurses
            continue
    return values


def _error_heading(soup: BeautifulSoup, paragraphs: tuple[str, ...]) -> str | None:
    """The page's title or first heading (its first `<h1>`, else, on a page without one or
    whose `<h1>` is the site's logo, its first heading of a lower level: a consent wall under the
    story's own title heads its text with an `<h2>`) when it says the
    page is an error page, a bot check or a consent wall and the page holds few words; None
    otherwise."""
    if _words(paragraphs) > MAX_ERROR_PAGE_WORDS:
        return None
    first: Any = soup.find("h1")
    if first is None or _is_logo(first, soup):
        first = soup.find(_LOWER_HEADINGS)
    for tag in (soup.find("title"), first):
        heading = collapse_whitespace(tag.get_text(" ")) if tag is not None else ""
        if _ERROR_HEADING.fullmatch(heading):
            return heading
    return None


def _is_logo(heading: Any, soup: BeautifulSoup) -> bool:
    """Whether the `<h1>` `heading` is the site's logo, not a heading of the page's text: it
    shows no text (an image), links to the site's root, or names the site as its `<title>` does
    after a separator (`Council decides | News Company`)."""
    shown = collapse_whitespace(heading.get_text(" "))
    link: Any = heading.find("a", href=True)
    if not shown or link is not None and _is_root(str(link["href"])):
        return True
    named: Any = soup.find("title")
    site = _SITE_NAME.search(named.get_text(" ")) if named is not None else None
    return site is not None and collapse_whitespace(site.group(1)).casefold() == shown.casefold()


def _is_root(href: str) -> bool:
    """Whether the link `href` goes to a site's home page (`/`, `https://site/`)."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:  # no URL Python can split
        return False
    return parts.path in ("", "/") and not parts.query and not parts.fragment and (
        bool(parts.netloc) or parts.path == "/")


def _meta(soup: BeautifulSoup, prop: str) -> str | None:
    tag: Any = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
    content = tag.get("content") if tag is not None else None
    return str(content).strip() if content else None


def _urls(soup: BeautifulSoup, html: str) -> list[str]:
    """The URLs the page names as its own (`_own_addresses`), each once, a Wayback Machine
    memento's without its `web.archive.org/web/<time>/` prefix."""
    return list(dict.fromkeys(without_wayback_prefix(url) for url in _own_addresses(soup, html)))


def _own_addresses(soup: BeautifulSoup, html: str) -> list[str]:
    """The addresses the page names as its own, best first: its canonical link, its og:url, the
    address a browser or an extension saved it from (Chrome's `saved from url` mark,
    SingleFile's comment)."""
    link: Any = soup.find("link", attrs={"rel": "canonical"})
    href = link.get("href") if link is not None else None
    saved_from = _SAVED_FROM.match(html)
    single_file = _SINGLE_FILE.match(html)
    single_file_url = _SINGLE_FILE_URL.search(single_file.group(1)) if single_file else None
    named = (str(href).strip() if href else None, _meta(soup, "og:url"),
             saved_from.group(1) if saved_from else None,
             single_file_url.group(1) if single_file_url else None)
    return [url for url in named if url]


def _title(soup: BeautifulSoup) -> str:
    """The page's first `<h1>`, the headline it shows, where that is no logo (`_is_logo`), else
    its og:title, else its `<title>`, without the site's name after a separator where the page
    names its site so (its og:site_name, the text of its logo `<h1>` or of its image's `alt`).
    The `<h1>` comes before the og:title, a headline for sharing that a site may leave as it
    was when it rewrites the one on the page. Read as the extraction reads text (`_as_extracted`:
    without a soft hyphen or a control character), whatever it keeps of the page."""
    shown: Any = soup.find("h1")
    if shown is not None and not _is_logo(shown, soup):
        return _as_extracted(shown.get_text(" "))
    title = _meta(soup, "og:title")
    if title is not None:
        return _as_extracted(title)
    named: Any = soup.find("title")
    title = _as_extracted(named.get_text(" ")) if named is not None else ""
    site = _SITE_NAME.search(title)
    logo = [shown.get_text(" "), *(str(image.get("alt", "")) for image in shown.find_all("img"))
            ] if shown is not None else []
    site_names = {_site_name_key(name) for name in (_meta(soup, "og:site_name") or "", *logo)}
    if site is not None and _site_name_key(site.group(1)) in site_names - {""}:
        return title[:site.start()]
    return title


def _site_name_key(name: str) -> str:
    """A site's name as its names are compared: as extracted (`_as_extracted`), its white space
    of any kind (a no-break space, `News\u00a0Company`) collapsed, in any case."""
    return " ".join(_as_extracted(name).split()).casefold()
