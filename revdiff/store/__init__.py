"""The git store: each version of an article a commit, its metadata in commit trailers.

Reading such repositories back (and NewsDiffs archives) is `revdiff.formats.gitrepo`.
"""

from revdiff.store.paths import article_path, path_from_url
from revdiff.store.summary import SkippedVersion, SkipReason, StoreSummary
from revdiff.store.writer import store_articles

__all__ = ["SkipReason", "SkippedVersion", "StoreSummary", "article_path", "path_from_url",
           "store_articles"]
