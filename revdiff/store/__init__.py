"""The git store: each version of an article a commit, its metadata in commit trailers.

Reading such repositories back (and NewsDiffs archives) is `revdiff.formats.gitrepo`.
`store_articles` (and GitPython, which cannot even be imported where git is missing) is loaded
on first use, so that `revdiff store` can say in one line that git is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from revdiff.store.paths import article_path, path_from_url
from revdiff.store.summary import SkippedVersion, SkipReason, StoreSummary

if TYPE_CHECKING:
    from revdiff.store.writer import store_articles

__all__ = ["SkipReason", "SkippedVersion", "StoreSummary", "article_path", "path_from_url",
           "store_articles"]


def __getattr__(name: str) -> Any:
    if name == "store_articles":
        from revdiff.store.writer import store_articles
        return store_articles
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
