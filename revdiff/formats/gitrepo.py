"""Git repositories of versions: every commit that touches a file is a version of that file.

Three shapes are read, detected per commit:

- revdiff's own store (`revdiff store`): the file holds the title and the paragraphs (see
  `decode_version_file`) and the commit message ends in `Revdiff-*` trailers carrying source, URL,
  version number, title, time and the rest, so the articles come back exactly as they were stored;
- NewsDiffs archives: messages "Adding file <path>" / "Change to <path>", and files holding the
  date, the title and the byline on lines 1-3, a blank line, then paragraphs separated by blank
  lines; the version's time is the commit's author date;
- any other repository: each file's text split into paragraphs (one per non-empty line), titled by
  its file name, timed by the author date.

The history is walked once, oldest first, with one `git log` through GitPython; file contents come
from GitPython's object database (one `git cat-file --batch` process).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath

import git

from revdiff.errors import EmptyInput, MalformedPage, StoreError
from revdiff.formats.newsdiffs_text import source_of_url, split_version_text
from revdiff.formats.plain import split_paragraphs
from revdiff.formats.text_input import DEFAULT_MAX_BYTES, check_size
from revdiff.model import Article, Version

TRAILER_SOURCE = "Revdiff-Source"
TRAILER_URL = "Revdiff-Url"
TRAILER_VERSION = "Revdiff-Version"
TRAILER_TITLE = "Revdiff-Title"
TRAILER_TIME = "Revdiff-Time"
TRAILER_TIME_TEXT = "Revdiff-Time-Text"
TRAILER_CHANGES = "Revdiff-Changes"
TRAILER_METADATA = "Revdiff-Metadata"
# How the file holds the paragraphs: absent for the plain form, `json-lines` otherwise.
TRAILER_ENCODING = "Revdiff-Encoding"
ENCODING_JSON_LINES = "json-lines"

_TRAILER_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9-]*): ?(.*)$")
_NEWSDIFFS_MESSAGE = re.compile(r"^(Adding file|Change to) (.+)$")
_LOG_HEADER = re.compile(rb"^@@([0-9a-f]{40,64}) (-?\d+) ([+-]\d{4})$")


@dataclass(frozen=True, slots=True)
class FileChange:
    """One commit's new content for one file (deletions are not versions and are left out)."""

    commit: str
    path: str
    blob: str
    message: str
    author_time: datetime


@dataclass(slots=True)
class _ArticleParts:
    path: str
    versions: list[Version] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    changes: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def is_repository(path: Path) -> bool:
    return (path / ".git").exists() or ((path / "HEAD").is_file() and (path / "objects").is_dir())


def read_repository(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Every file in the history of the repository's current branch, as an article.

    A stored version larger than `max_bytes` is refused before it is read.
    """
    repo = open_repository(path)
    if not has_commits(repo):
        raise EmptyInput("git repository has no commits", str(path),
                         hint="store versions in it first, e.g. revdiff store FILES --repo DIR")
    try:
        changes = read_history(repo, "HEAD")
        parts: dict[str, _ArticleParts] = {}
        for change in changes:
            article = parts.setdefault(change.path, _ArticleParts(change.path))
            where = f"{path}:{change.path}"
            _add_version(article, change, read_blob(repo, change.blob, where, max_bytes), where)
    finally:
        repo.close()
    return [_finish(article) for article in parts.values() if article.versions]


def open_repository(path: Path) -> git.Repo:
    try:
        return git.Repo(path)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError) as error:
        raise StoreError("not a git repository", str(path),
                         hint="give the directory that holds .git, or a bare repository"
                         ) from error


def has_commits(repo: git.Repo) -> bool:
    try:
        repo.git.rev_parse("--verify", "--quiet", "HEAD^{commit}")
    except git.GitCommandError:
        return False
    return True


def read_history(repo: git.Repo, revision: str) -> list[FileChange]:
    """Every file change reachable from `revision`, oldest commit first (merges left out)."""
    try:
        output = repo.git.log(
            revision, "--reverse", "--topo-order", "--no-merges", "-z", "--raw", "--no-abbrev",
            "--no-renames", "--date=raw", "--format=@@%H %ad%x00%B", "--",
            stdout_as_string=False,
        )
    except git.GitCommandError as error:
        raise StoreError(f"cannot read the history of {revision}", str(repo.git_dir),
                         hint=f"git said: {error.stderr.strip()}") from error
    return list(_parse_log(output))


def _parse_log(output: bytes) -> Iterator[FileChange]:
    """Parse `git log -z --raw` output: NUL-separated, read by position (no delimiter guessing).

    Each commit is a header token `@@<sha> <seconds> <offset>`, its message as one token, then
    for every changed file a `:<modes> <ids> <status>` token followed by a path token.
    """
    tokens = output.split(b"\0")
    index = 0
    commit: tuple[str, str, datetime] | None = None
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        header = _LOG_HEADER.match(token)
        if header:
            message = tokens[index].decode("utf-8", "replace") if index < len(tokens) else ""
            index += 1
            when = _raw_date(int(header.group(2)), header.group(3).decode("ascii"))
            commit = (header.group(1).decode("ascii"), message, when)
            continue
        if commit is None or not token.startswith(b":") or index >= len(tokens):
            continue
        meta = token.decode("ascii").split(" ")
        path = tokens[index].decode("utf-8", "surrogateescape")
        index += 1
        blob, status = meta[3], meta[4]
        if status.startswith("D") or set(blob) == {"0"} or meta[1] == "160000":
            continue
        yield FileChange(commit[0], path, blob, commit[1], commit[2])


def _raw_date(seconds: int, offset: str) -> datetime:
    sign = -1 if offset.startswith("-") else 1
    minutes = int(offset[1:3]) * 60 + int(offset[3:5])
    return datetime.fromtimestamp(seconds, timezone(sign * timedelta(minutes=minutes)))


def read_blob(repo: git.Repo, sha: str, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's content at one commit; its size is checked (from the object header) first."""
    binary_sha = bytes.fromhex(sha)
    check_size(repo.odb.info(binary_sha).size, where, max_bytes)
    return repo.odb.stream(binary_sha).read()


def parse_trailers(message: str) -> dict[str, str]:
    """The `Key: value` trailers in the last paragraph of a commit message, values decoded."""
    paragraphs = message.rstrip("\n").split("\n\n")
    if len(paragraphs) < 2:
        return {}
    trailers = {}
    for line in paragraphs[-1].split("\n"):
        match = _TRAILER_LINE.match(line)
        if match:
            trailers[match.group(1)] = decode_trailer_value(match.group(2))
    return trailers


def decode_trailer_value(raw: str) -> str:
    """A trailer value: raw text, or a JSON string when it starts with a double quote."""
    if raw.startswith('"'):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            return raw
        if isinstance(value, str):
            return value
    return raw


def decode_version_file(data: bytes, encoding: str | None, where: str,
                        ) -> tuple[str, tuple[str, ...]]:
    """The title and paragraphs of a file written by revdiff's store.

    Plain form: the title, then each paragraph after a blank line, then a final newline.
    `json-lines` form (used when the title holds a newline or a paragraph is empty or holds one):
    the title and then each paragraph as one JSON string per line.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MalformedPage("stored version is not valid UTF-8", where,
                            hint="the file was not written by revdiff store") from error
    if encoding == ENCODING_JSON_LINES:
        try:
            values = [json.loads(line) for line in text.split("\n") if line]
        except json.JSONDecodeError as error:
            raise MalformedPage(f"stored version is not JSON lines ({error.msg})", where,
                                hint="the file was not written by revdiff store") from error
        if not values or not all(isinstance(v, str) for v in values):
            raise MalformedPage("stored version does not hold JSON strings", where,
                                hint="the file was not written by revdiff store")
        return values[0], tuple(values[1:])
    if encoding is not None:
        raise MalformedPage(f"unknown {TRAILER_ENCODING} {encoding!r}", where,
                            hint="read it with a newer revdiff")
    if not text.endswith("\n"):
        raise MalformedPage("stored version does not end with a newline", where,
                            hint="the file was changed by hand; restore it with git checkout")
    title, *paragraphs = text[:-1].split("\n\n")
    return title, tuple(paragraphs)


def _add_version(article: _ArticleParts, change: FileChange, data: bytes, where: str) -> None:
    trailers = parse_trailers(change.message)
    if TRAILER_VERSION in trailers:
        _add_stored_version(article, change, trailers, data, where)
        return
    if b"\0" in data:
        article.warnings.append(f"{change.commit[:12]}: binary content left out")
        return
    text = data.decode("utf-8", "replace")
    if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        article.warnings.append(f"{change.commit[:12]}: invalid UTF-8 replaced")
    text = text.replace("\r\n", "\n")
    number = len(article.versions)
    if _NEWSDIFFS_MESSAGE.match(change.message.split("\n", 1)[0]):
        parsed = split_version_text(text)
        if parsed.has_header:
            article.versions.append(Version(number, parsed.title, parsed.paragraphs,
                                            change.author_time))
            article.url = _newsdiffs_url(change.path)
            article.source = source_of_url(article.url)
            article.metadata.update(date=parsed.date, byline=parsed.byline)
            return
        article.warnings.append(f"{change.commit[:12]}: NewsDiffs commit without the "
                                "date/title/byline header; read as plain text")
    article.metadata["path"] = change.path
    article.versions.append(Version(number, PurePosixPath(change.path).name,
                                    split_paragraphs(text), change.author_time))


def _add_stored_version(article: _ArticleParts, change: FileChange, trailers: dict[str, str],
                        data: bytes, where: str) -> None:
    place = f"{where} (commit {change.commit[:12]})"
    try:
        number = int(trailers[TRAILER_VERSION])
    except ValueError:
        raise MalformedPage(f"{TRAILER_VERSION} is not a number: {trailers[TRAILER_VERSION]!r}",
                            place) from None
    time = None
    if TRAILER_TIME in trailers:
        try:
            time = datetime.fromisoformat(trailers[TRAILER_TIME])
        except ValueError:
            raise MalformedPage(f"{TRAILER_TIME} is not an ISO time: {trailers[TRAILER_TIME]!r}",
                                place) from None
    title, paragraphs = decode_version_file(data, trailers.get(TRAILER_ENCODING), place)
    article.versions.append(Version(number, title, paragraphs, time,
                                    trailers.get(TRAILER_TIME_TEXT)))
    article.source = trailers.get(TRAILER_SOURCE)
    article.url = trailers.get(TRAILER_URL)
    article.changes = int(trailers[TRAILER_CHANGES]) if TRAILER_CHANGES in trailers else None
    metadata = json.loads(trailers[TRAILER_METADATA]) if TRAILER_METADATA in trailers else {}
    article.metadata = {str(k): str(v) for k, v in metadata.items()}


def _finish(parts: _ArticleParts) -> Article:
    return Article(parts.source, parts.url, tuple(parts.versions), parts.changes,
                   dict(parts.metadata), tuple(parts.warnings))


def _newsdiffs_url(path: str) -> str:
    # NewsDiffs names a file after its URL: `http://` dropped, `https://` kept as `https:/`.
    if path.startswith("https:/"):
        return "https://" + path.removeprefix("https:/")
    return "http://" + path
