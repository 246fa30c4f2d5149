"""Whether a saved page says it is no article (a site's home page, a section front, a list of
stories, a video), as its og:type or its JSON-LD @type says."""

from __future__ import annotations

from bs4 import BeautifulSoup

from revdiff.formats.page_metadata import linked_data_types, meta

# The JSON-LD @types of schema.org's Article family (Article and the types below it), which say
# a page is an article.
_ARTICLE_TYPES = frozenset((
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNews",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference"))
# The JSON-LD @types that say a page is a site's home page, a section front or a list of stories
# or results, not an article (a generic `WebPage` says neither).
_NO_ARTICLE_TYPES = frozenset((
    "WebSite", "CollectionPage", "ImageGallery", "MediaGallery", "VideoGallery", "ItemList",
    "SearchResultsPage"))


def non_article_type(soup: BeautifulSoup) -> tuple[str, str] | None:
    """The type the page says it is where that is no article, and where it says so: its og:type
    (`website`, as a home page or a section's list of stories says; `video.other`), else the
    first of its JSON-LD @types (`page_metadata.linked_data_types`) that names a home page, a
    section front or a list (`_NO_ARTICLE_TYPES`); None where it says neither, or where either
    names an article (an og:type of `article`, a JSON-LD @type of schema.org's Article family)."""
    og_type = meta(soup, "og:type")
    types = linked_data_types(soup)
    if og_type is not None and "article" in og_type.casefold() or any(
            name in _ARTICLE_TYPES for name in types):
        return None
    if og_type is not None:
        return og_type, "og:type"
    named = next((name for name in types if name in _NO_ARTICLE_TYPES), None)
    return None if named is None else (named, "JSON-LD @type")
