"""Write Articles into a NewsEdits-shaped SQLite file (an `entryversion` table), for samples and tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from revdiff.model import Article

CREATE_ENTRYVERSION = """
CREATE TABLE entryversion (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    title TEXT,
    url TEXT,
    source TEXT,
    created TEXT,
    num_versions INTEGER,
    summary TEXT
)
"""


def join_paragraphs(paragraphs: Sequence[str]) -> str:
    """Paragraphs as NewsEdits stores them in `summary`: joined by `</p><p>`.

    The format cannot carry a paragraph that holds a `<p>` tag of its own: it reads back split.
    """
    return "</p><p>".join(paragraphs)


def write_database(path: Path, articles: Sequence[Article]) -> None:
    """Create `path` (replacing it) holding every version of every article, one row each.

    Entry ids come from `article.metadata["entry_id"]` when it is a number, else 1, 2, ...
    in order. The same articles always give the same bytes.
    """
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute(CREATE_ENTRYVERSION)
        row_id = 0
        for index, article in enumerate(articles, start=1):
            given = article.metadata.get("entry_id", "")
            entry_id = int(given) if given.isdigit() else index
            count = article.changes if article.changes is not None else len(article.versions)
            for version in article.versions:
                row_id += 1
                created = (version.time.isoformat(sep=" ") if version.time is not None
                           else version.time_text)
                connection.execute(
                    "INSERT INTO entryversion VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (row_id, entry_id, version.number, version.title, article.url, article.source,
                     created, count, join_paragraphs(version.paragraphs)),
                )
        connection.commit()
    finally:
        connection.close()
