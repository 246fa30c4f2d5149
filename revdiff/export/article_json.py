"""Articles as JSON-ready dictionaries and as a readable text summary."""

from __future__ import annotations

from typing import Any

from revdiff.engine.rounded_shares import three_decimals
from revdiff.engine.word_count import version_words
from revdiff.export.exported_floats import six_digits
from revdiff.export.version_times import version_time
from revdiff.formats.elision import compared_versions
from revdiff.model import Article, PageReading
from revdiff.read_warnings import counted, line_runs
from revdiff.terminal_text import visible


def article_to_dict(article: Article) -> dict[str, Any]:
    """The recovered article in the shape `revdiff parse --format json` prints."""
    result: dict[str, Any] = {
        "source": article.source,
        "url": article.url,
        "changes": article.changes,
        "versions": [
            {
                "number": version.number,
                "title": version.title,
                "time": version.time.isoformat() if version.time else None,
                "time_text": version.time_text,
                "time_from": version.time_from,
                "cut": version.cut,
                "paragraphs": list(version.paragraphs),
            }
            for version in article.versions
        ],
        "metadata": dict(article.metadata),
        "warnings": list(article.warnings),
    }
    if article.pages:
        result["pages"] = [page_to_dict(page) for page in article.pages]
    return result


def page_to_dict(page: PageReading) -> dict[str, Any]:
    return {
        "name": page.name,
        "old": page.old_number,
        "new": page.new_number,
        "confidence": six_digits(page.confidence),
        "rows": [
            {"line": row.line, "kind": row.kind.value, "boundary": row.boundary,
             "confidence": six_digits(row.confidence)}
            for row in page.rows
        ],
    }


def _heading(article: Article) -> str:
    """`bbc  https://...`: the source, when known, and the URL, or without one the article's
    name (for version files, their folder's)."""
    named = article.url or f"{article.key or 'untitled article'} (no URL)"
    return f"{article.source}  {named}" if article.source else named


def article_summary(article: Article) -> str:
    """A few lines a person can read on a terminal: what the article is and what each version
    holds, every control character in its names and text (newlines too) shown as a symbol."""
    lines = [_heading(article)]
    if article.changes is not None:
        lines.append(f"tracker counts {counted(article.changes, 'version')}")
    # counted as compared: a cut page's `[...]` marks are no paragraphs of the article
    versions = compared_versions(article)
    for before, version in zip((None, *versions), versions):
        # as the diff's header and the app write it (`2020-01-03 14:05:00+00:00`), and not a
        # time told from a version other than the one listed before (`time_text_after`)
        when = version_time(version, before)
        paragraphs, words = len(version.paragraphs), version_words(version)
        lines.append(f"  version {version.number:>3}  {paragraphs:>4} "
                     f"{'paragraph ' if paragraphs == 1 else 'paragraphs'} {words:>6} "
                     f"{'word ' if words == 1 else 'words'}  {when}  {version.title}")
    for page in article.pages:
        unsure = [row.line for row in page.rows if not row.is_sure]
        note = f"; unsure rows at lines {line_runs(unsure)}" if unsure else ""
        lines.append(f"  page {page.name}: {len(page.rows)} rows read, "
                     f"confidence {three_decimals(page.confidence)}{note}")
    lines.extend(f"  warning: {warning}" for warning in article.warnings)
    return "\n".join(visible(line) for line in lines)
