"""A saved page's title, and its headline and its site's logo, which are no paragraphs of its
article: the `<h1>` that is the site's logo, not a heading of the text, is told from the one
that heads the story by its link and its text, and the site's name after the separator of the
page's `<title>` is taken off where the page names its site so."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from revdiff.formats.page_extraction import MIN_ARTICLE_WORDS, paragraph_words
from revdiff.formats.page_metadata import meta
from revdiff.formats.text_input import collapse_whitespace

# The headings below `<h1>`, where a page without one (or whose `<h1>` is its logo) heads its text.
LOWER_HEADINGS = ["h2", "h3", "h4", "h5", "h6"]

# A site's name after a separator at the end of a page's `<title>` (`Council decides | Site`).
_SITE_NAME = re.compile(r"\s[|\-–—·•]\s((?:(?!\s[|\-–—·•]\s).)*)$", re.DOTALL)


def article_text(soup: BeautifulSoup, title: str, paragraphs: tuple[str, ...]
                 ) -> tuple[tuple[str, ...], str | None]:
    """The article's paragraphs of `paragraphs` and the text of its logo `<h1>` taken out of
    them: without the headline (`_headline`) and the logo's text (`_without_logo`); no
    paragraphs where fewer than MIN_ARTICLE_WORDS words are left."""
    headline = _headline(soup, title, paragraphs)
    if headline is not None:  # the headline inside the article's element is no paragraph
        at = paragraphs.index(headline)
        paragraphs = paragraphs[:at] + paragraphs[at + 1:]
    paragraphs, logo = _without_logo(soup, paragraphs)
    return (paragraphs, logo) if paragraph_words(paragraphs) >= MIN_ARTICLE_WORDS else ((), None)


def _headline(soup: BeautifulSoup, title: str, paragraphs: tuple[str, ...]) -> str | None:
    """The first of `paragraphs` that is the page's headline where the extraction gave it as a
    paragraph (as the extraction gives it): its title (`page_title`), its og:title, or its
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
    """`paragraphs` without the first that is the text of the page's logo `<h1>` (`is_logo`:
    the site's name, kept by the extraction), and that text; the paragraphs as they are, and
    None, on a page whose `<h1>` is no logo or whose logo is no paragraph."""
    heading: Any = soup.find("h1")
    if heading is None or not is_logo(heading, soup):
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


def is_logo(heading: Any, soup: BeautifulSoup) -> bool:
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


def page_title(soup: BeautifulSoup) -> str:
    """The page's first `<h1>`, the headline it shows, where that is no logo (`is_logo`), else
    its og:title, else its `<title>`, without the site's name after a separator where the page
    names its site so (its og:site_name, the text of its logo `<h1>` or of its image's `alt`).
    The `<h1>` comes before the og:title, a headline for sharing that a site may leave as it
    was when it rewrites the one on the page. Read as the extraction reads text (`_as_extracted`:
    without a soft hyphen or a control character), whatever it keeps of the page."""
    shown: Any = soup.find("h1")
    if shown is not None and not is_logo(shown, soup):
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
