"""Write Articles into a diffengine-shaped SQLite file (`diffengine.db`), for samples and tests.

The tables follow diffengine's peewee models: `feed`, `entry`, `feedentry`, `entryversion`
(`title`, `url`, `summary`, `created`, `archive_url`, `entry_id`; no version column) and `diff`
(consecutive versions). Summaries are `<p>` elements with `&` `<` `>` escaped, as diffengine's
bleach pass leaves them; `created` is naive UTC. Version numbers are not stored: give versions
numbered 1, 2, ... in time order to read the same ones back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from revdiff.model import Article
from revdiff.render.nytdiff import escape_like_bleach

_SCHEMA = (
    ("CREATE TABLE feed (url VARCHAR(255) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, "
     "created DATETIME NOT NULL)"),
    ("CREATE TABLE entry (id INTEGER NOT NULL PRIMARY KEY, url VARCHAR(255) NOT NULL, "
     "created DATETIME NOT NULL, checked DATETIME NOT NULL)"),
    ("CREATE TABLE feedentry (id INTEGER NOT NULL PRIMARY KEY, feed_id VARCHAR(255) NOT NULL, "
     "entry_id INTEGER NOT NULL, created DATETIME NOT NULL)"),
    ("CREATE TABLE entryversion (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(255) NOT NULL, "
     "url VARCHAR(255) NOT NULL, summary VARCHAR(255) NOT NULL, created DATETIME NOT NULL, "
     "archive_url VARCHAR(255), entry_id INTEGER NOT NULL)"),
    "CREATE INDEX entryversion_url ON entryversion (url)",
    ("CREATE TABLE diff (id INTEGER NOT NULL PRIMARY KEY, old_id INTEGER NOT NULL, "
     "new_id INTEGER NOT NULL, created DATETIME NOT NULL, tweeted DATETIME, blogged DATETIME)"),
)
FEED_URL = "https://news.example.com/feed.xml"
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _stamp(time: datetime | None) -> str:
    moment = _EPOCH if time is None else time.astimezone(UTC) if time.tzinfo else time
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def summary_html(paragraphs: Sequence[str]) -> str:
    return "".join(f"<p>{escape_like_bleach(p)}</p>" for p in paragraphs)


def write_database(path: Path, articles: Sequence[Article]) -> None:
    """Create `path` (replacing it) with every version of every article, in time order.

    Each article is one entry of one feed; a version without a time is stamped 2000-01-01.
    The same articles always give the same bytes.
    """
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        for statement in _SCHEMA:
            connection.execute(statement)
        connection.execute("INSERT INTO feed VALUES (?, ?, ?)", (FEED_URL, "News", _stamp(None)))
        for entry_id, article in enumerate(articles, start=1):
            times = [_stamp(v.time) for v in article.versions] or [_stamp(None)]
            connection.execute("INSERT INTO entry VALUES (?, ?, ?, ?)",
                               (entry_id, article.url or f"https://news.example.com/{entry_id}",
                                times[0], times[-1]))
            connection.execute("INSERT INTO feedentry (feed_id, entry_id, created) VALUES (?, ?, ?)",
                               (FEED_URL, entry_id, times[0]))
            previous = None
            for version, created in zip(article.versions, times):
                archive = (f"https://web.archive.org/web/{created[:19].translate(_DIGITS_ONLY)}/"
                           f"{article.url}" if article.url else None)
                cursor = connection.execute(
                    "INSERT INTO entryversion (title, url, summary, created, archive_url, entry_id) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (version.title, article.url or "", summary_html(version.paragraphs), created,
                     archive, entry_id))
                if previous is not None:
                    connection.execute(
                        "INSERT INTO diff (old_id, new_id, created) VALUES (?, ?, ?)",
                        (previous, cursor.lastrowid, created))
                previous = cursor.lastrowid
        connection.commit()
    finally:
        connection.close()


_DIGITS_ONLY = str.maketrans("", "", "- :")
