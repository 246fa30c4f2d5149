"""Hypothesis strategies for what trackers store: chains numbered 1, 2, ... with rising times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st
from story_chains import paragraph_lists, title_text

from revdiff.model import Article, Version


@st.composite
def tracked_articles(draw: st.DrawFn, zoned: bool) -> Article:
    """An article as a tracker sees it: versions 1..n, each later than the one before."""
    count = draw(st.integers(1, 4))
    time = draw(st.datetimes(datetime(2015, 1, 1), datetime(2025, 1, 1)))
    chain = []
    for number in range(1, count + 1):
        time += timedelta(seconds=draw(st.integers(1, 10**6)), microseconds=draw(st.integers(0, 999_999)))
        chain.append(Version(number, draw(title_text), draw(paragraph_lists),
                             time.replace(tzinfo=UTC) if zoned else time))
    url = f"https://news.example.com/2020/{draw(st.integers(1, 10**6))}/story"
    return Article(None, url, tuple(chain))


def tracked_article_lists(zoned: bool) -> st.SearchStrategy[list[Article]]:
    return st.lists(tracked_articles(zoned), min_size=1, max_size=3, unique_by=lambda a: a.url)
