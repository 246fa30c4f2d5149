"""Tracker pages that list versions or articles but hold no version's text: News Sniffer's article
page and its list of revisions, and the German NewsDiffs fork's (newsdiffs.de) article history.
Each is refused saying what it is and which pages to save instead."""

from __future__ import annotations

import re

_LINK = r"href\s*=\s*[\"']?[^\"'<>\s]*"
# News Sniffer's article page (`/articles/<id>`): the title in an `<h1>`, then a table whose
# version numbers link to the version pages (`/articles/<id>/versions/<id>`)
_SNIFFER_HEADING = re.compile(r"<h1\b", re.IGNORECASE)
_SNIFFER_VERSION_LINK = re.compile(_LINK + r"/articles/\d+/versions/\d+", re.IGNORECASE)
# News Sniffer's list of the latest revisions (`/versions`): a `table.versions` whose titles
# link to the diff pages (`/articles/<id>/diff/<a>/<b>`)
_SNIFFER_REVISIONS_TABLE = re.compile(r"<table\b[^<>]*\bclass\s*=\s*[\"']?versions\b",
                                      re.IGNORECASE)
_SNIFFER_DIFF_LINK = re.compile(_LINK + r"/articles/\d+/diff/\d+/\d+", re.IGNORECASE)
# newsdiffs.de's article history (`/article-history/?id=<id>`): the article's `zum Original` link
# (`a#original`) and a table whose rows link to the diff pages (`/diffview/?vid1=..&vid2=..`)
_ORIGINAL_LINK = re.compile(r"<a\b[^<>]*\bid\s*=\s*[\"']?original\b", re.IGNORECASE)
_GERMAN_DIFF_LINK = re.compile(_LINK + r"/diffview/\?vid1=\d+", re.IGNORECASE)
_GIVE_FOLDER = "or put them in a folder and give the folder"


def listing_page(shown: str) -> tuple[str, str] | None:
    """What the page is and what to give instead, where it is one of these listing pages;
    `shown` is its `shown_markup`, so that a link in a comment or a script is none."""
    if _SNIFFER_HEADING.search(shown) and _SNIFFER_VERSION_LINK.search(shown):
        what = ("this is a News Sniffer article page, which lists the article's versions but "
                "holds none of their text")
        return what, ("save the version pages it links to, or the diff pages between them, and "
                      f"give those, {_GIVE_FOLDER}")
    if _SNIFFER_REVISIONS_TABLE.search(shown) and _SNIFFER_DIFF_LINK.search(shown):
        what = ("this is News Sniffer's list of revisions, which names the articles' versions "
                "but holds none of their text")
        return what, f"save the diff pages its titles link to and give those, {_GIVE_FOLDER}"
    if _ORIGINAL_LINK.search(shown) and _GERMAN_DIFF_LINK.search(shown):
        what = ("this is a newsdiffs.de article history page (Versionsübersicht), which lists "
                "the versions but holds none of their text")
        return what, f"save each of its diff pages (Vorherige Version) and give those, {_GIVE_FOLDER}"
    return None
