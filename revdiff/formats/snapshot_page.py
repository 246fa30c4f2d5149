"""One saved publisher page: its URL, title, time and the article's paragraphs.

The text comes from trafilatura (main-content extraction; Apache-2.0), installed with
`pip install 'revdiff[snapshots]'`; known furniture it leaves in the body is then taken out
(`page_furniture`, and the text of the site's logo `<h1>`); a page that shows none is read from
its JSON-LD `articleBody`. Its time is read by `page_times`.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from revdiff.engine.word_count import count_words
from revdiff.errors import MissingExtra, import_failure
from revdiff.formats.fields import without_wayback_prefix
from revdiff.formats.open_elements import end_tags_implied
from revdiff.formats.page_furniture import Cleaned, is_paywall_notice, remove_furniture
from revdiff.formats.page_metadata import linked_data, linked_data_types, meta, own_addresses
from revdiff.formats.page_times import time_from_page, time_of_save
from revdiff.formats.shown_markup import closing_html_tag
from revdiff.formats.text_input import collapse_whitespace

_WAYBACK_TOOLBAR = re.compile(r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?"
                              r"<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.DOTALL | re.IGNORECASE)
# Parts of a page that never hold the article's text: site navigation, banners, footers, asides,
# cookie and consent dialogs. Pruned before extraction (measured in the benchmark). A `<header>`
# is the page's banner only outside its `<article>` and `<main>` (`_story_headers_as_blocks`).
PRUNED = ["//nav", "//header", "//footer", "//aside", "//*[@role='dialog']"]
# Where a `<header>` heads the story, not the page: inside these it holds the story's headline
# and standfirst, as HTML defines it.
_STORY_CONTAINERS = ("article", "main")
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
# A related story's teaser in an `<article>` of its own says little: a heading and a summary of
# fewer words than this (a short story of its own has more).
TEASER_MAX_WORDS = 60
# The headings below `<h1>`, where a page without one (or whose `<h1>` is its logo) heads its text.
_LOWER_HEADINGS = ["h2", "h3", "h4", "h5", "h6"]
# A site's name after a separator at the end of a page's `<title>` (`Council decides | Site`).
_SITE_NAME = re.compile(r"\s[|\-–—·•]\s((?:(?!\s[|\-–—·•]\s).)*)$", re.DOTALL)
# The JSON-LD @types of schema.org's Article family (Article and the types below it), which say
# a page is an article.
_ARTICLE_TYPES = frozenset((
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNews",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference"))
# The JSON-LD @types that say a page is a site's home page, a section front or a list of stories
# or results, not an article (a generic `WebPage` says neither).
_NO_ARTICLE_TYPES = frozenset((
    "WebSite", "CollectionPage", "ImageGallery", "MediaGallery", "VideoGallery", "ItemList",
    "SearchResultsPage"))
# The article's text in the page's JSON-LD, all that a page whose text a script writes in holds
# of it when saved without running the script (curl, wget).
_LINKED_DATA_TEXT = "articleBody"


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
    # The type the page gives itself where it says the page is no article (`_other_type`), and
    # where it gives it ("og:type", "JSON-LD @type"), else None.
    other_type: str | None
    other_type_source: str | None


def read_page(name: str, file_name: str, html: str) -> SavedPage:
    """Everything revdiff takes from one saved page (`file_name` is the bare name, for its time,
    a date in it written year first)."""
    html = _WAYBACK_TOOLBAR.sub("", html)
    # each element ended where a browser ends it (an `<li>` at the next)
    soup = BeautifulSoup(end_tags_implied(html), "html.parser")
    named = time_of_save(file_name, html)
    time, source, leap_second, unread_zone, date, unread_time = (
        named if named.time is not None else time_from_page(html, soup, named))
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
    other_type, other_type_source = _other_type(soup) or (None, None)
    return SavedPage(name, file_name, url, tuple(other_urls), title, time, source, leap_second,
                     unread_zone, date, unread_time, text, closing_html_tag(html) is None, error_heading,
                     text_from_linked_data, other_type, other_type_source)


def _other_type(soup: BeautifulSoup) -> tuple[str, str] | None:
    """The type the page says it is where that is no article, and where it says so: its og:type
    (`website`, as a home page or a section's list of stories says; `video.other`), else the
    first of its JSON-LD @types (`page_metadata.linked_data_types`) that names a home page, a
    section front or a list (`_NO_ARTICLE_TYPES`); None where it says neither, or where either
    names an article (an og:type of `article`, a JSON-LD @type of schema.org's Article family)."""
    og_type = meta(soup, "og:type")
    types = linked_data_types(soup)
    if og_type is not None and "article" in og_type.casefold() or any(
            name in _ARTICLE_TYPES for name in types):
        return None
    if og_type is not None:
        return og_type, "og:type"
    named = next((name for name in types if name in _NO_ARTICLE_TYPES), None)
    return None if named is None else (named, "JSON-LD @type")


def _shown_paragraphs(soup: BeautifulSoup, html: str, name: str, title: str
                      ) -> tuple[str, ...]:
    """The paragraphs the extraction gives of the story's `<article>` (`_headed_article`), else
    of the page without its related stories' teasers (`_without_teasers`), where they hold
    MIN_ARTICLE_WORDS words without the headline and the logo's text (`_article_text`), else of
    the whole page (a section front, all teasers)."""
    for story_of in (_headed_article, _without_teasers):
        story = story_of(soup)
        if story is not None:
            paragraphs = extract_paragraphs(story, name)
            if _article_text(soup, title, paragraphs)[0]:
                return paragraphs
    return extract_paragraphs(html, name)


def _without_teasers(soup: BeautifulSoup) -> str | None:
    """The page without its related stories' teasers (`_teasers`), or None on a page that
    shows none."""
    page = copy.copy(soup)
    teasers = _teasers(page)
    for teaser in teasers:
        teaser.decompose()
    return str(page) if teasers else None


def _teasers(soup: BeautifulSoup) -> list[Any]:
    """The `<article>` elements that are related stories' teasers, not the story: two or more in
    one list (children of one element, or `<li>`s of one list), each holding no other `<article>`
    and not the page's first `<h1>`, its first heading a link (to the story it teases) and its
    text fewer than TEASER_MAX_WORDS words."""
    heading: Any = soup.find("h1")
    headline_holders = heading.find_parents("article") if heading is not None else []
    lists: dict[int, list[Any]] = {}
    for article in soup.find_all("article"):
        if article in headline_holders or article.find("article") is not None:
            continue
        first: Any = article.find(_LOWER_HEADINGS)
        if first is None or first.find("a", href=True) is None and first.find_parent(
                "a", href=True) is None:
            continue
        if count_words(article.get_text(" ")) >= TEASER_MAX_WORDS:
            continue
        holder = article.parent
        if holder is not None and holder.name == "li":
            holder = holder.parent
        lists.setdefault(id(holder), []).append(article)
    return [article for teasers in lists.values() if len(teasers) > 1 for article in teasers]


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
    for candidate in (title, meta(soup, "og:title") or "", before_site):
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
    benchmarks/snapshot_extraction.py); comments and tables are left out, but for the tables
    of a page laid out in them (`_layout_tables_as_blocks`). `where` (the page's
    path) is named when trafilatura is not installed, so that the folder read as saved pages in
    a corpus can be found.
    """
    try:
        import trafilatura
    except ImportError as error:
        # installed, trafilatura may still fail on an import of its own (jusText's lxml HTML
        # cleaner, a package of its own since lxml 5.2), which the extra installs too
        raise MissingExtra("reading saved publisher pages needs trafilatura, "
                           + import_failure(error, "trafilatura"), where,
                           hint="pip install 'revdiff[snapshots]'") from None
    tree = trafilatura.load_html(_without_references_outside_xml(html))
    if tree is None:
        return ()
    tree = _story_headers_as_blocks(_layout_tables_as_blocks(tree))
    items = _list_item_texts(tree)
    text = trafilatura.extract(_with_ampersands_escaped(tree), favor_precision=True,
                               include_comments=False, include_tables=False, deduplicate=False,
                               prune_xpath=PRUNED) or ""
    paragraphs = tuple(p for p in (_without_item_marker(collapse_whitespace(line), items)
                                   for line in text.split("\n")) if p)
    return paragraphs if _words(paragraphs) >= MIN_ARTICLE_WORDS else ()


def _list_item_texts(tree: Any) -> frozenset[str]:
    """The texts of the list items (`<li>`) of the parsed page `tree`, each without the lists
    inside it (whose items are lines of their own), white space collapsed."""
    return frozenset(collapse_whitespace(_own_text(item)) for item in tree.iter("li"))


def _own_text(item: Any) -> str:
    """The text of the element `item` without that of the lists (`<ul>`, `<ol>`) inside it."""
    parts = [item.text or ""]
    for child in item:
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol"):  # not a comment
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _without_item_marker(paragraph: str, items: frozenset[str]) -> str:
    """`paragraph` without the `- ` the extraction writes before a list item's text (`items`):
    a bullet's text is compared as a paragraph's is, so that a paragraph a site turns into a
    bullet is no edit. A paragraph of the page that itself starts with `- ` keeps it."""
    text = paragraph[2:]
    return text if paragraph.startswith("- ") and text in items else paragraph


def _without_references_outside_xml(html: str) -> str:
    """`html` without its references to characters XML does not allow, which are no text of an
    article (an escape or a backspace pasted into a CMS)."""
    def kept(reference: re.Match[str]) -> str:
        hexadecimal, decimal = reference.groups()
        point = int(hexadecimal, 16) if hexadecimal else int(decimal)
        return "" if point in _NOT_IN_XML else reference.group()

    return _CHARACTER_REFERENCE.sub(kept, html) if "&#" in html else html


def _layout_tables_as_blocks(tree: Any) -> Any:
    """The parsed page `tree` with the tables that hold its first `<h1>` (a page laid out in a
    table, as sites were before CSS, its headline and story in a cell) made blocks: their own rows
    and cells `<div>`s, which the extraction reads as it reads any block, where it leaves out a
    table with the page's text. A table inside the story, holding no `<h1>`, stays a table."""
    heading = next(tree.iter("h1"), None)
    for table in heading.iterancestors("table") if heading is not None else ():
        for node in (table, *_rows_and_cells(table)):
            node.tag = "div"
    return tree


def _story_headers_as_blocks(tree: Any) -> Any:
    """The parsed page `tree` with each `<header>` inside its story's container (an `<article>`
    or `<main>`: one holding the headline and the standfirst) made a `<div>`, whose text the
    extraction reads, where it and `PRUNED` leave out every `<header>` as the site's banner."""
    for header in list(tree.iter("header")):
        if any(True for _ in header.iterancestors(*_STORY_CONTAINERS)):
            header.tag = "div"
    return tree


def _rows_and_cells(table: Any) -> list[Any]:
    """The rows and cells of `table` itself (through its `<thead>`, `<tbody>`, `<tfoot>`), not
    those of a table inside one of its cells."""
    groups = [child for child in table if child.tag in ("thead", "tbody", "tfoot")]
    rows = [row for part in (table, *groups) for row in part if row.tag == "tr"]
    return [*groups, *rows, *(cell for row in rows for cell in row if cell.tag in ("td", "th"))]


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



def _linked_data_text(soup: BeautifulSoup) -> tuple[str, ...]:
    """The paragraphs of the page's JSON-LD articleBody (one a line), or none when it has none
    of MIN_ARTICLE_WORDS words."""
    for body in linked_data(soup, (_LINKED_DATA_TEXT,)).get(_LINKED_DATA_TEXT, ()):
        paragraphs = tuple(p for p in (collapse_whitespace(line) for line in body.split("\n")) if p)
        if _words(paragraphs) >= MIN_ARTICLE_WORDS:
            return paragraphs
    return ()



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



def _urls(soup: BeautifulSoup, html: str) -> list[str]:
    """The URLs the page names as its own (`page_metadata.own_addresses`), each once, a Wayback
    Machine memento's without its `web.archive.org/web/<time>/` prefix."""
    return list(dict.fromkeys(without_wayback_prefix(url) for url in own_addresses(soup, html)))



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
    title = meta(soup, "og:title")
    if title is not None:
        return _as_extracted(title)
    named: Any = soup.find("title")
    title = _as_extracted(named.get_text(" ")) if named is not None else ""
    site = _SITE_NAME.search(title)
    logo = [shown.get_text(" "), *(str(image.get("alt", "")) for image in shown.find_all("img"))
            ] if shown is not None else []
    site_names = {_site_name_key(name) for name in (meta(soup, "og:site_name") or "", *logo)}
    if site is not None and _site_name_key(site.group(1)) in site_names - {""}:
        return title[:site.start()]
    return title


def _site_name_key(name: str) -> str:
    """A site's name as its names are compared: as extracted (`_as_extracted`), its white space
    of any kind (a no-break space, `News\u00a0Company`) collapsed, in any case."""
    return " ".join(_as_extracted(name).split()).casefold()
