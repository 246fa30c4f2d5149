"""Whether a saved page is what a server, a bot check, a CDN or a cookie consent wall sends in
place of the article: a page of few words whose title or first heading says so; and whether a
file is the line of plain text a tracker answers with in place of a version's page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from revdiff.errors import UnknownFormat
from revdiff.formats.page_extraction import paragraph_words
from revdiff.formats.text_input import collapse_whitespace

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

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


def error_page_heading(soup: BeautifulSoup, paragraphs: tuple[str, ...]) -> str | None:
    """The page's title or first heading (its first `<h1>`, else, on a page without one or
    whose `<h1>` is the site's logo, its first heading of a lower level: a consent wall under the
    story's own title heads its text with an `<h2>`) when it says the
    page is an error page, a bot check or a consent wall and the page holds few words; None
    otherwise."""
    if paragraph_words(paragraphs) > MAX_ERROR_PAGE_WORDS:
        return None
    # BeautifulSoup loads only for pages: a plain file's check (`tracker_reply`) needs none
    from revdiff.formats.page_headings import LOWER_HEADINGS, is_logo

    first: Any = soup.find("h1")
    if first is None or is_logo(first, soup):
        first = soup.find(LOWER_HEADINGS)
    for tag in (soup.find("title"), first):
        heading = collapse_whitespace(tag.get_text(" ")) if tag is not None else ""
        if _ERROR_HEADING.fullmatch(heading):
            return heading
    return None


# What News Sniffer sends, as a bare line of text and no page, in place of a version page or a
# diff page: the line for an article it withholds (status 410), and, for a diff page whose
# article or version it does not hold (status 404), the message of the error its database
# layer (Ruby on Rails) raised: `Couldn't find NewsArticle with 'id'=123` (`with id=123` in
# older Rails) for the article, `Couldn't find NewsArticleVersion ...` for a version number,
# or, in Rails 4.0 and 4.1, which the site ran, the error's bare name.
_SNIFFER_WITHHELD = re.compile(r"This article cannot be shown for legal reasons")
_SNIFFER_NOT_FOUND = re.compile(r"Couldn't find NewsArticle(Version)?( with [^\n]*)?"
                                r"|ActiveRecord::RecordNotFound")


@dataclass(frozen=True, slots=True)
class TrackerReply:
    """A tracker's plain-text reply in place of a page: what it is, and what to give instead."""

    what: str
    instead: str

    def refused(self, where: str) -> UnknownFormat:
        """The error that the file or input `where`, all this reply, is refused."""
        return UnknownFormat(f"this is {self.what}, not a version of it", where, hint=self.instead)


_WITHHELD = TrackerReply(
    "News Sniffer's reply that the article cannot be shown for legal reasons",
    "the site shows none of its versions: give its version or diff pages as they were saved "
    "before it was withheld, by you or by a web archive")
_NOT_FOUND = TrackerReply(
    "News Sniffer's reply that the article or version asked for was not found (404)",
    "check the article id and version numbers in the diff page's address, /articles/ID/diff/A/B, "
    "against the article's page, then save that diff page and give it")


def tracker_reply(text: str) -> TrackerReply | None:
    """The reply the text is, where the whole of it (but for white space around it) is one of
    News Sniffer's plain-text replies in place of a page; None otherwise, as for a version that
    quotes such a line among its own."""
    reply = text.strip()
    if _SNIFFER_WITHHELD.fullmatch(reply):
        return _WITHHELD
    if _SNIFFER_NOT_FOUND.fullmatch(reply):
        return _NOT_FOUND
    return None
