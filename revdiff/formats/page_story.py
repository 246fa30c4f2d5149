"""Where a saved page holds its story's text: the story's own `<article>`, else the page without
its related stories' teasers, else the whole page; and, for a page that shows none, its JSON-LD
`articleBody`."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup

from revdiff.engine.word_count import count_words
from revdiff.formats.page_extraction import MIN_ARTICLE_WORDS, extract_paragraphs, paragraph_words
from revdiff.formats.page_headings import LOWER_HEADINGS, article_text
from revdiff.formats.page_metadata import linked_data
from revdiff.formats.text_input import collapse_whitespace

# A related story's teaser in an `<article>` of its own says little: a heading and a summary of
# fewer words than this (a short story of its own has more).
TEASER_MAX_WORDS = 60

# The article's text in the page's JSON-LD, all that a page whose text a script writes in holds
# of it when saved without running the script (curl, wget).
_LINKED_DATA_TEXT = "articleBody"


def shown_paragraphs(soup: BeautifulSoup, html: str, name: str, title: str
                     ) -> tuple[str, ...]:
    """The paragraphs the extraction gives of the story's `<article>` (`_headed_article`), else
    of the page without its related stories' teasers (`_without_teasers`), where they hold
    MIN_ARTICLE_WORDS words without the headline and the logo's text (`article_text`), else of
    the whole page (a section front, all teasers)."""
    for story_of in (_headed_article, _without_teasers):
        story = story_of(soup)
        if story is not None:
            paragraphs = extract_paragraphs(story, name)
            if article_text(soup, title, paragraphs)[0]:
                return paragraphs
    return extract_paragraphs(html, name)


def _without_teasers(soup: BeautifulSoup) -> str | None:
    """The page without its related stories' teasers (`_teasers`), or None on a page that
    shows none. They are taken out of the page parsed again from its text, not of a copy of
    `soup`: Beautiful Soup copies a tag in time that grows with the square of its depth (a
    page of 5,000 nested lists took 7 s, of 20,000 nearly two minutes)."""
    if not _teasers(soup):
        return None
    page = BeautifulSoup(str(soup), "html.parser")
    for teaser in _teasers(page):
        teaser.decompose()
    return str(page)


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
        first: Any = article.find(LOWER_HEADINGS)
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


def linked_data_text(soup: BeautifulSoup) -> tuple[str, ...]:
    """The paragraphs of the page's JSON-LD articleBody (one a line), or none when it has none
    of MIN_ARTICLE_WORDS words."""
    for body in linked_data(soup, (_LINKED_DATA_TEXT,)).get(_LINKED_DATA_TEXT, ()):
        paragraphs = tuple(p for p in (collapse_whitespace(line) for line in body.split("\n")) if p)
        if paragraph_words(paragraphs) >= MIN_ARTICLE_WORDS:
            return paragraphs
    return ()
