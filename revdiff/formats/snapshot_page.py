"""One saved publisher page: its URL, title, time and the article's paragraphs.

The text is found where the page holds its story (`page_story`) by main-content extraction
(`page_extraction`), without its headline and its site's logo (`page_headings`); known furniture
it leaves in the body is then taken out (`page_furniture`). A page that says it is an error page
(`error_pages`) gives no text; one that says it is no article is marked so (`page_type`). Its
time is read by `page_times`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from datetime import datetime

from bs4 import BeautifulSoup

from revdiff.formats.error_pages import error_page_heading
from revdiff.formats.fields import without_wayback_prefix
from revdiff.formats.open_elements import (
    NestedTooDeep,
    TooManyElements,
    end_tags_implied,
    read_open_elements,
)
from revdiff.formats.page_furniture import Cleaned, is_paywall_notice, remove_furniture
from revdiff.formats.page_headings import article_text, page_title
from revdiff.formats.page_metadata import own_addresses
from revdiff.formats.page_story import linked_data_text, shown_paragraphs
from revdiff.formats.page_times import time_from_page, time_of_save
from revdiff.formats.page_type import non_article_type
from revdiff.formats.shown_markup import closing_html_tag
from revdiff.formats.text_input import collapse_whitespace

_WAYBACK_TOOLBAR = re.compile(r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?"
                              r"<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.DOTALL | re.IGNORECASE)
# How many elements a page may hold: a news site's article page holds some thousands, a live
# blog of hundreds of posts some tens of thousands, and reading a page takes time and memory
# about in proportion to them (whole process, medians of 3 on 2 shared cores: 100,000 `<p>x`
# 12 s and 350 MB, 200,000 18 s and 660 MB; 100,000 paragraphs of a sentence each 11 s and
# 480 MB, 200,000 20 s and 910 MB)
MAX_PAGE_ELEMENTS = 100_000
_SAVE_AGAIN = "save the page again, or take it out of the pages given"


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
    # meta property's name, "JSON-LD " or "microdata " and the key, or "<time datetime>".
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
    # none), as a page saved part way (a download cut off) does: its last paragraphs may be missing.
    cut_short: bool
    # The heading that shows the page is an error page, a bot check or a consent wall, not the
    # article (its text is then empty).
    error_heading: str | None
    # The text is the JSON-LD articleBody: the page shows none.
    text_from_linked_data: bool
    # The type the page gives itself where it says the page is no article
    # (`page_type.non_article_type`), and where it gives it ("og:type", "JSON-LD @type"), else None.
    other_type: str | None
    other_type_source: str | None


def read_page(name: str, file_name: str, html: str) -> SavedPage:
    """Everything revdiff takes from one saved page (`file_name` is the bare name, for its time,
    a date in it written year first)."""
    # the toolbar is taken out but for its line ends, so that a refusal names a line of the file
    html = _WAYBACK_TOOLBAR.sub(lambda toolbar: "\n" * toolbar[0].count("\n"), html)
    # each element ended where a browser ends it (an `<li>` at the next)
    try:
        elements = read_open_elements(html, MAX_PAGE_ELEMENTS)
    except NestedTooDeep as deep:
        raise deep.refusal(name, "a news site's page nests a few dozen", _SAVE_AGAIN) from None
    except TooManyElements as many:
        raise many.refusal(name, MAX_PAGE_ELEMENTS, "a news site's page holds some thousands",
                           _SAVE_AGAIN) from None
    soup = BeautifulSoup(end_tags_implied(html, elements), "html.parser")
    named = time_of_save(file_name, html)
    time, source, leap_second, unread_zone, date, unread_time = (
        named if named.time is not None else time_from_page(html, soup, named))
    title = page_title(soup)
    shown = shown_paragraphs(soup, html, name, title)
    # the page's JSON-LD articleBody, read at most once: for the error page's check where the
    # page shows no text, and as its text where it shows too little
    linked_text = functools.cache(lambda: linked_data_text(soup))
    error_heading = error_page_heading(soup, shown or linked_text())
    text_from_linked_data = False
    paragraphs: tuple[str, ...] = ()
    logo = None
    if error_heading is None:
        paragraphs, logo = article_text(soup, title, shown)
    if error_heading is None and not paragraphs:
        # a page whose text a script writes in, saved without running it (its headline shown)
        paragraphs, logo = article_text(soup, title, linked_text())
        text_from_linked_data = bool(paragraphs)
    text = remove_furniture(paragraphs)
    if logo is not None:
        text = dataclasses.replace(text, furniture=(logo, *text.furniture))
    if paragraphs and not text.paywall:  # trafilatura leaves out a box of class `paywall`
        text = dataclasses.replace(text, paywall=_paywall_notices(soup))
    url, *other_urls = _urls(soup, html) or (None,)
    other_type, other_type_source = non_article_type(soup) or (None, None)
    return SavedPage(name, file_name, url, tuple(other_urls), title, time, source, leap_second,
                     unread_zone, date, unread_time, text, closing_html_tag(html) is None, error_heading,
                     text_from_linked_data, other_type, other_type_source)


def _paywall_notices(soup: BeautifulSoup) -> tuple[str, ...]:
    """A paywall notice anywhere in the page's text, not its scripts (`Subscribe to continue
    reading`, a text of its own in the page); none when it shows none."""
    for string in soup.strings:
        notice = collapse_whitespace(string)
        if is_paywall_notice(notice):
            return (notice,)
    return ()


def _urls(soup: BeautifulSoup, html: str) -> list[str]:
    """The URLs the page names as its own (`page_metadata.own_addresses`), each once, a Wayback
    Machine memento's without its `web.archive.org/web/<time>/` prefix."""
    return list(dict.fromkeys(without_wayback_prefix(url) for url in own_addresses(soup, html)))
