"""Pages that do not say which versions they compare (a NewsDiffs page as its server sends it,
with its form of version ids commented out or holding no ids, and no revision links on both
sides): read alone, their two versions are numbered 0 and 1; given with other pages of their
article, they cannot be placed in its chain of versions."""

from __future__ import annotations

from revdiff.errors import InconsistentPages
from revdiff.model import Article

_UNNUMBERED = ("the page does not say which versions it compares (no version ids in its upvote "
               "form, no /diff/ address in a canonical link, og:url or saved-from note, no "
               "Previous and Later revision links of consecutive versions); numbered them 0 and 1, "
               "so it cannot be joined with other pages of its article")


def unnumbered_warning(where: str) -> str:
    """The warning of a page (`where`) that does not say which versions it compares."""
    return f"{where}: {_UNNUMBERED}"


def is_unnumbered(article: Article) -> bool:
    """Whether the article was read from a page that does not say which versions it compares."""
    return any(warning.endswith(_UNNUMBERED) for warning in article.warnings)


def unplaced_page_error(page: str, key: str) -> InconsistentPages:
    """The error for a page of unknown versions (`page`) given with other pages of its article."""
    return InconsistentPages(
        f"{page} does not say which versions it compares, so it cannot be joined with the "
        "other pages of its article", key,
        hint="save the pages from a browser, which notes each page's address, or give the "
             "version files")
