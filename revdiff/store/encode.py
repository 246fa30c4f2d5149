"""How one version is written to git: file bytes, commit message with trailers, author date.

The file and trailer format is `revdiff.formats.git_layout`, which the reader uses too.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from revdiff.errors import StoreError
from revdiff.formats.fields import shown
from revdiff.formats.git_layout import (
    TRAILER_CHANGES,
    TRAILER_CUT,
    TRAILER_ENCODING,
    TRAILER_METADATA,
    TRAILER_SOURCE,
    TRAILER_TIME,
    TRAILER_TIME_FROM,
    TRAILER_TIME_TEXT,
    TRAILER_TITLE,
    TRAILER_URL,
    TRAILER_VERSION,
    TRAILER_WARNINGS,
    TRAILER_WHOLE_READING,
    encode_trailer_value,
    encode_version_file,
    encode_warnings,
    is_utf8_text,
)
from revdiff.model import Article, Version

SUBJECT_TITLE_CHARS = 72
# Git offsets are `+HHMM`; fast-import refuses anything beyond fourteen hours.
_MAX_OFFSET_MINUTES = 14 * 60
# The hash functions git names its objects with (`git init --object-format=...`).
OBJECT_FORMATS = ("sha1", "sha256")


@dataclass(frozen=True, slots=True)
class VersionFile:
    """What a version's file holds in git: its bytes, their `Revdiff-Encoding` (None for the
    plain form) and their blob id, by which versions are compared."""

    data: bytes
    encoding: str | None
    blob_id: str  # the git object id of `data` (in the repository's object format)


@dataclass(frozen=True, slots=True)
class EncodedVersion:
    """What a version becomes in git: the file's bytes and the commit message."""

    data: bytes
    message: str
    blob_id: str  # the git object id of `data` (in the repository's object format)


def encode_file(article: Article, version: Version, where: str, object_format: str
                ) -> VersionFile:
    """The version's file, once its article is known to be storable (text metadata, no lone
    surrogates); encoded once per version, whether or not it is committed."""
    data, encoding = encode_version_file(version.title, version.paragraphs, where)
    _refuse_metadata_not_text(article, where)
    _refuse_lone_surrogates(article, version, where)
    return VersionFile(data, encoding, git_blob_id(data, object_format))


def encode_version(article: Article, version: Version, file: VersionFile,
                   whole_reading: bool = False) -> EncodedVersion:
    """The commit of a version whose file is `file` (`encode_file`). `whole_reading`: the
    article holds every text the store wrote in its file before this version
    (`TRAILER_WHOLE_READING`)."""
    message = commit_message(article, version, file.encoding, whole_reading)
    return EncodedVersion(file.data, message, file.blob_id)


def _refuse_metadata_not_text(article: Article, where: str) -> None:
    """Metadata is text keyed by text (`dict[str, str]`), which is what reading back returns: a
    library caller's `{"n": 1}` would come back as `{"n": "1"}`, and a value JSON cannot write
    (a datetime) would end the run midway."""
    for key, value in article.metadata.items():
        if not isinstance(key, str):
            problem = f"the metadata's key {shown(key)} ({type(key).__name__}) is not text"
        elif not isinstance(value, str):
            problem = (f"the metadata's {shown(key)} is {shown(value)} "
                       f"({type(value).__name__}), not text")
        else:
            continue
        raise StoreError(f"{problem}: metadata is text keyed by text", where,
                         hint="convert it with str() before storing, or leave it out")


def _refuse_lone_surrogates(article: Article, version: Version, where: str) -> None:
    """A trailer's lone surrogate (a name decoded with `surrogateescape`) would be written as a
    `\\udcff` escape that reading back refuses (metadata, warnings) or keeps as other text."""
    fields = {"source": article.source, "URL": article.url, "time text": version.time_text,
              "metadata": article.metadata, "warnings": article.warnings}
    for name, value in fields.items():
        if not is_utf8_text(value):
            raise StoreError(f"the {name} holds a lone surrogate, which UTF-8 cannot encode",
                             where, hint="the reader produced invalid text; check the input "
                                         "file")


def commit_message(article: Article, version: Version, encoding: str | None,
                   whole_reading: bool = False) -> str:
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
    if version.time_from is not None:
        trailers.append((TRAILER_TIME_FROM, str(version.time_from)))
    if version.cut:
        trailers.append((TRAILER_CUT, "true"))
    if article.changes is not None:
        trailers.append((TRAILER_CHANGES, str(article.changes)))
    if article.metadata:
        trailers.append((TRAILER_METADATA, json.dumps(article.metadata, ensure_ascii=True,
                                                      sort_keys=True)))
    if encoding is not None:
        trailers.append((TRAILER_ENCODING, encoding))
    if article.warnings:
        trailers.append((TRAILER_WARNINGS, encode_warnings(article.warnings)))
    if whole_reading:
        trailers.append((TRAILER_WHOLE_READING, "true"))
    body = "\n".join(f"{key}: {encode_trailer_value(value)}" for key, value in trailers)
    return f"{subject}\n\n{body}\n"


def git_blob_id(data: bytes, object_format: str) -> str:
    """The id git gives `data` as a blob, in a repository of `object_format` (sha1, sha256)."""
    return git_object_id("blob", data, object_format)


def git_object_id(kind: str, data: bytes, object_format: str) -> str:
    """The id of a git object of type `kind` (blob, tree, ...) holding `data`."""
    if object_format not in OBJECT_FORMATS:
        raise ValueError(f"unknown git object format {object_format!r}")
    return hashlib.new(object_format, b"%s %d\0" % (kind.encode(), len(data)) + data).hexdigest()


def git_date(when: datetime | None, now: str) -> str:
    """A `<seconds> <+HHMM>` git date: the version's time, or `now` (the run's time, a git date)
    when unknown or unusable.

    Git cannot store times before 1970 or offsets beyond 14 hours; such times fall back to `now`
    (UTC offset for odd offsets, and for a time after 1970 that its zone still dates 1969). A
    time without a zone is taken as UTC. The exact time is kept in the `Revdiff-Time` trailer
    either way.
    """
    if when is None:
        return now
    aware = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    offset = aware.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if abs(minutes) > _MAX_OFFSET_MINUTES or (offset is not None and offset.total_seconds() % 60):
        minutes = 0
    try:
        seconds = int(aware.timestamp())
    except (OverflowError, OSError, ValueError):
        seconds = -1
    if seconds < 0:
        return now
    if seconds + minutes * 60 < 0:
        minutes = 0  # before 1970 in its own zone: `git log` stops at such a commit
    sign = "-" if minutes < 0 else "+"
    return f"{seconds} {sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
