"""The same file in several git repositories read together, as the month repositories of a
NewsDiffs archive (`articles/2014-01/`, `articles/2014-02/`) may hold it: each repository's file
is an article of its own, not joined to the others', and each after the first is warned of.

NewsDiffs keeps every version of one of its articles in the repository of the month it was first
archived in; the same file in two months' repositories is two of its articles (a URL archived
with its trailing slash and without, which NewsDiffs writes to one file), so joining their
histories would make one article of two.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from revdiff.model import Article


class RepeatedFiles:
    """The repositories read so far, each article's key (`Article.key`: its URL, else its path)
    mapped to the first repository that held it."""

    def __init__(self) -> None:
        self._first_read_in: dict[str, str] = {}

    def warned(self, articles: Sequence[Article], repository: str) -> list[Article]:
        """`articles`, read from `repository`, each warned of when an earlier repository held
        its file."""
        return [self.warned_of(article, repository) for article in articles]

    def warned_of(self, article: Article, repository: str) -> Article:
        key = article.key
        if not key:
            return article
        earlier = self._first_read_in.setdefault(key, repository)
        if earlier == repository:
            return article
        warning = (f"{repository}: {key} is also in {earlier}, read before; each repository's "
                   "is an article of its own, not joined (NewsDiffs keeps every version of one "
                   "of its articles in one month's repository)")
        return dataclasses.replace(article, warnings=(warning, *article.warnings))
