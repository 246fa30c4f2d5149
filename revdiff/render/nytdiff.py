"""Write Articles into a NYTdiff-shaped SQLite file, for samples and tests.

The tables follow what NYTdiff's `dataset` calls create: `<prefix>_ids` (one row per tracked
article) and `<prefix>_versions` (one row per stored version), with the original's columns
(`byline`, `kicker`, prefix `nyt`) or the RSS fork's (`author`, prefix `rss`); `kicker` is
NULL on purpose, as the reader does not read it. The fork never increments `version`, so its rows
all say 1, as in real files. Times are written as naive local times, as the tracker does; give
naive times to read the same ones back.
"""

from __future__ import annotations

import hashlib
import html
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from revdiff.model import Article

_VERSIONS_COLUMNS = {
    "nyt": ("article_id", "url", "title", "abstract", "byline", "kicker", "hash", "date_time",
            "version"),
    "rss": ("article_id", "url", "title", "abstract", "author", "hash", "date_time", "version"),
}


def escape_like_bleach(text: str) -> str:
    """`&`, `<` and `>` escaped, as bleach leaves text it strips of tags."""
    return html.escape(text, quote=False)


def _stamp(time: datetime | None) -> str | None:
    return None if time is None else time.strftime("%Y-%m-%d %H:%M:%S.%f")


def write_database(path: Path, articles: Sequence[Article], variant: str = "nyt") -> None:
    """Create `path` (replacing it) with every version of every article, one row each.

    Article ids come from `metadata["article_id"]`, else `a1`, `a2`, ... The credit (byline or
    author) comes from `metadata`. The same articles always give the same bytes.
    """
    columns = _VERSIONS_COLUMNS[variant]
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"CREATE TABLE {variant}_ids (id INTEGER NOT NULL PRIMARY KEY, "
                           "article_id TEXT, add_dt DATETIME, status TEXT, tweet_id INTEGER)")
        typed = ", ".join(f"{c} {'INTEGER' if c == 'version' else 'DATETIME' if c == 'date_time' else 'TEXT'}"
                          for c in columns)
        connection.execute(f"CREATE TABLE {variant}_versions (id INTEGER NOT NULL PRIMARY KEY, "
                           f"{typed})")
        marks = ", ".join("?" * len(columns))
        for index, article in enumerate(articles, start=1):
            article_id = article.metadata.get("article_id") or f"a{index}"
            first = article.versions[0].time if article.versions else None
            connection.execute(f"INSERT INTO {variant}_ids (article_id, add_dt, status) "
                               "VALUES (?, ?, 'home')", (article_id, _stamp(first)))
            for version in article.versions:
                fields = {
                    "article_id": article_id, "url": article.url,
                    "title": version.title,
                    "abstract": escape_like_bleach("\n".join(version.paragraphs)),
                    "byline": article.metadata.get("byline"),
                    "kicker": None,  # kept in the table's shape, NULL: no reader reads it
                    "author": article.metadata.get("author"),
                    "date_time": _stamp(version.time),
                    "version": version.number if variant == "nyt" else 1,
                }
                digest = repr(sorted((k, v) for k, v in fields.items() if v is not None))
                fields["hash"] = hashlib.sha224(digest.encode("utf-8")).hexdigest()
                connection.execute(
                    f"INSERT INTO {variant}_versions ({', '.join(columns)}) VALUES ({marks})",
                    tuple(fields[c] for c in columns))
        connection.commit()
    finally:
        connection.close()
