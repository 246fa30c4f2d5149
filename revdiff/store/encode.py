"""How one version is written to git: file bytes, commit message with trailers, author date.

The reading side is `revdiff.formats.gitrepo` (`decode_version_file`, `parse_trailers`); the two
must stay inverse to each other, which tests/store/test_encode.py checks.
"""

from __future__ import annotations

import hashlib
import json
import time as clock
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from revdiff.errors import StoreError
from revdiff.formats.gitrepo import (
    ENCODING_JSON_LINES,
    TRAILER_CHANGES,
    TRAILER_ENCODING,
    TRAILER_METADATA,
    TRAILER_SOURCE,
    TRAILER_TIME,
    TRAILER_TIME_TEXT,
    TRAILER_TITLE,
    TRAILER_URL,
    TRAILER_VERSION,
)
from revdiff.model import Article, Version

SUBJECT_TITLE_CHARS = 72
# Git offsets are `+HHMM`; fast-import refuses anything beyond fourteen hours.
_MAX_OFFSET_MINUTES = 14 * 60


@dataclass(frozen=True, slots=True)
class EncodedVersion:
    """What a version becomes in git: the file's bytes and the commit message."""

    data: bytes
    message: str
    blob_id: str  # the git object id of `data`, computed without git


def encode_version(article: Article, version: Version, where: str) -> EncodedVersion:
    data, encoding = encode_version_file(version.title, version.paragraphs, where)
    message = commit_message(article, version, encoding)
    return EncodedVersion(data, message, git_blob_id(data))


def encode_version_file(title: str, paragraphs: tuple[str, ...], where: str,
                        ) -> tuple[bytes, str | None]:
    """File bytes for a version, and the encoding trailer value (None for the plain form).

    Plain form: the title on the first line, then for each paragraph a blank line and the
    paragraph, then a final newline. It is used whenever it reads back exactly: a title without
    newlines and paragraphs that are non-empty and free of newlines. Otherwise each of title and
    paragraphs is one JSON string per line. The title is in the file (not only in a trailer) so
    that every stored version changes the file: a commit that touches nothing would be no version.
    """
    try:
        if "\n" not in title and all(p and "\n" not in p for p in paragraphs):
            return "\n\n".join((title, *paragraphs)).encode("utf-8") + b"\n", None
        lines = "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in (title, *paragraphs))
        return lines.encode("utf-8"), ENCODING_JSON_LINES
    except UnicodeEncodeError as error:
        raise StoreError("version text holds characters UTF-8 cannot encode "
                         f"(at offset {error.start})", where,
                         hint="the reader produced invalid text; check the input file") from None


def commit_message(article: Article, version: Version, encoding: str | None) -> str:
    title = " ".join("".join(c if unicodedata.category(c)[0] != "C" else " "
                             for c in version.title).split())
    if len(title) > SUBJECT_TITLE_CHARS:
        title = title[: SUBJECT_TITLE_CHARS - 1] + "…"
    subject = f"Version {version.number}: {title}" if title else f"Version {version.number}"
    trailers: list[tuple[str, str]] = []
    if article.source is not None:
        trailers.append((TRAILER_SOURCE, article.source))
    if article.url is not None:
        trailers.append((TRAILER_URL, article.url))
    trailers.append((TRAILER_VERSION, str(version.number)))
    trailers.append((TRAILER_TITLE, version.title))
    if version.time is not None:
        trailers.append((TRAILER_TIME, version.time.isoformat()))
    if version.time_text is not None:
        trailers.append((TRAILER_TIME_TEXT, version.time_text))
    if article.changes is not None:
        trailers.append((TRAILER_CHANGES, str(article.changes)))
    if article.metadata:
        trailers.append((TRAILER_METADATA, json.dumps(article.metadata, ensure_ascii=True,
                                                      sort_keys=True)))
    if encoding is not None:
        trailers.append((TRAILER_ENCODING, encoding))
    body = "\n".join(f"{key}: {encode_trailer_value(value)}" for key, value in trailers)
    return f"{subject}\n\n{body}\n"


def encode_trailer_value(value: str) -> str:
    """The value as is when it survives a trailer line unchanged, else as a JSON string."""
    if (value and value == value.strip() and not value.startswith('"')
            and not any(unicodedata.category(c)[0] in "CZ" and c != " " for c in value)):
        return value
    return json.dumps(value, ensure_ascii=True)


def git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def git_date(when: datetime | None) -> str:
    """A `<seconds> <+HHMM>` git date: the version's time, or now when unknown or unusable.

    Git cannot store times before 1970 or offsets beyond 14 hours; such times fall back to now
    (UTC offset for odd offsets). A time without a zone is taken as UTC. The exact time is kept
    in the `Revdiff-Time` trailer either way.
    """
    if when is None:
        return f"{int(clock.time())} +0000"
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    offset = aware.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if abs(minutes) >= _MAX_OFFSET_MINUTES or (offset is not None and offset.total_seconds() % 60):
        minutes = 0
    try:
        seconds = int(aware.timestamp())
    except (OverflowError, OSError, ValueError):
        seconds = -1
    if seconds < 0:
        return f"{int(clock.time())} +0000"
    sign = "-" if minutes < 0 else "+"
    return f"{seconds} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
