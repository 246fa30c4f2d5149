"""A file's changes in a git repository turned into the versions of an article
(`add_versions`, then `finish_article`): a store's version from its commit's trailers, a
NewsDiffs archive's from its header lines, any other file's as plain versions are read, alike
for wrapping and in one encoding where it is guessed; a store's file edited by hand in the
store's layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from revdiff.errors import MalformedPage
from revdiff.formats.decoding import DecodedText, decode_version_bytes, read_in_one_encoding
from revdiff.formats.elision import without_stale_cut_warnings
from revdiff.formats.fields import (
    shown,
    source_of_url,
    time_from_problem,
    unread_time_from_warning,
)
from revdiff.formats.git_blobs import FETCH_LFS
from revdiff.formats.git_history import FileChange
from revdiff.formats.git_layout import (
    MOST_VERSION_DIGITS,
    TRAILER_CUT,
    TRAILER_ENCODING,
    TRAILER_SOURCE,
    TRAILER_TIME,
    TRAILER_TIME_FROM,
    TRAILER_TIME_TEXT,
    TRAILER_URL,
    TRAILER_VERSION,
    TRAILER_WARNINGS,
    TRAILER_WHOLE_READING,
    decode_version_file,
    decode_warnings,
    parse_trailers,
    stored_version_number,
)
from revdiff.formats.git_trailers import (
    NOT_BY_STORE,
    stored_changes,
    stored_metadata,
    stored_time_from,
)
from revdiff.formats.newsdiffs_text import split_version_text
from revdiff.formats.plain import (
    blocks_between_blank_lines,
    read_paragraphs,
    wrapped_warning,
)
from revdiff.model import Article, Version
from revdiff.read_warnings import SHOWN_BY_PARSE_JSON, counted, first_few

_NEWSDIFFS_MESSAGE = re.compile(r"^(Adding file|Change to) (.+)$")


@dataclass(slots=True)
class ArticleParts:
    versions: list[Version] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    changes: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # those of `warnings` that store commits' trailers gave, which a whole reading's commit
    # (`TRAILER_WHOLE_READING`) replaces
    stored_warnings: list[str] = field(default_factory=list)
    last_timed: Version | None = None  # the newest version timed by an author date
    last_stored: Version | None = None  # the newest version read from a store's trailers
    path: str = ""  # the file's path in its newest change
    # the plain texts read one paragraph a line: (place in `versions`, commit, text), read
    # again in blocks when another version of the file looks wrapped (`_read_alike`)
    unwrapped: list[tuple[int, str, str]] = field(default_factory=list)
    # the width each of its plain versions that looks wrapped is wrapped at, by its place in
    # `versions`: the widest is the one the others are read alike at (`_read_alike`)
    wrap_widths: dict[int, int] = field(default_factory=dict)
    emptied: bool = False  # a commit left the file without text: no version (`add_version`)
    unfetched: bool = False  # a Git LFS pointer whose content is not in the repository
    newsdiffs_url: str | None = None  # the URL a NewsDiffs archive's file is named after
    # the plain texts that hold a NewsDiffs header, written by commits that are no NewsDiffs
    # commit: (place in `versions`, commit, text), read again in NewsDiffs' layout when the
    # file has NewsDiffs versions (`_read_newsdiffs_alike`)
    headed: list[tuple[int, str, str]] = field(default_factory=list)


# One change of a file read from the repository: the change, where it is (for errors), and its
# content, None for a Git LFS pointer whose content is not in the repository.
FileContent = tuple[FileChange, str, bytes | None]


def add_versions(article: ArticleParts, contents: Sequence[FileContent]) -> None:
    """The versions a file's changes write, in the order of its history. The texts of those no
    store's commit wrote are decoded together: those whose encoding is guessed are read in one
    encoding guessed over them all, as a folder's files are (`_decoded_in_one_encoding`)."""
    trailers = [parse_trailers(change.message) for change, _, _ in contents]
    plain = [index for index, (_, _, data) in enumerate(contents)
             if data is not None and TRAILER_VERSION not in trailers[index]]
    decoded = dict(zip(plain, _decoded_in_one_encoding(
        [(contents[index][0], contents[index][2] or b"") for index in plain]), strict=True))
    for index, (change, where, data) in enumerate(contents):
        article.path = change.path
        if data is None:
            article.warnings.append(f"{change.commit[:12]}: the content of this Git LFS file is "
                                    f"not in the repository ({FETCH_LFS}); left out")
            article.unfetched = True
            continue
        if change.texts_passed_over:
            count = change.texts_passed_over
            article.warnings.append(
                f"{change.commit[:12]}: a merge brings this text from a branch that wrote {count} "
                f"earlier text{'s' if count > 1 else ''} of the file; only the branch's last text "
                "is read (the current branch's first-parent history)")
        if index in decoded:
            _add_plain_version(article, change, decoded[index], where)
        else:
            _add_stored_version(article, change, trailers[index], data, where)


def _decoded_in_one_encoding(contents: Sequence[tuple[FileChange, bytes]]
                             ) -> list[DecodedText | None]:
    """The texts of a file's versions (None for binary content), those whose encoding is guessed
    read in one encoding guessed over them together (`decoding.read_in_one_encoding`), warned
    once, on the first of them, by their commits; one that encoding cannot read, or misreads more
    than its own guess does, keeps its own, and its warning."""
    decoded = [decode_version_bytes(data) for _, data in contents]
    found = read_in_one_encoding([(text.text, text.encoding) if text is not None and text.guessed
                                  else None for text in decoded])
    if found is None:
        return decoded
    shared, reread = found
    commits = [contents[index][0].commit[:12] for index in reread]
    several = len(commits) > 1
    warning = (f"the text of {counted(len(commits), 'version')} of the file (commit"
               f"{'s' if several else ''} {first_few(commits)}) is not valid UTF-8; read as "
               f"{shared}, guessed over {'them' if several else 'the versions'} together "
               "(a guess)")
    for place, (index, text) in enumerate(reread.items()):
        decoded[index] = DecodedText(text, shared, None if place else warning, guessed=True)
    return decoded


def _add_plain_version(article: ArticleParts, change: FileChange, decoded: DecodedText | None,
                       where: str) -> None:
    """A version no store's commit wrote: a NewsDiffs archive's, any other file's, or a store's
    file edited by hand; `decoded` is its text, None for binary content."""
    if change.date_problem is not None:
        raise MalformedPage(change.date_problem, f"{where} (commit {change.commit[:12]})",
                            hint="the commit is damaged; correct its date or leave it out")
    if change.author_time is None:
        article.warnings.append(f"{change.commit[:12]}: author date missing, 0 or negative; "
                                "the version has no time")
    if decoded is None:
        article.warnings.append(f"{change.commit[:12]}: binary content left out")
        return
    if decoded.warning is not None:
        article.warnings.append(f"{change.commit[:12]}: {decoded.warning}")
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")  # line ends as a plain file's
    if article.last_stored is not None:  # a store's file, in a commit revdiff did not write
        _add_hand_edited_version(article, change, text)
        return
    if not text.strip():  # as an empty file among a folder's versions: a failed capture
        article.warnings.append(f"{change.commit[:12]}: the file is empty, and an empty capture "
                                "is no version; left out")
        article.emptied = True
        return
    number = len(article.versions)
    url_path = newsdiffs_path(change.message, change.path)
    if url_path is not None:
        parsed = split_version_text(text)
        if parsed.has_header:
            article.versions.append(Version(number, parsed.title, parsed.paragraphs,
                                            change.author_time))
            if not parsed.paragraphs:  # as NewsDiffs writes a page it found no body on
                article.warnings.append(
                    f"{change.commit[:12]}: the version holds the date, title and byline lines "
                    "but no paragraphs; kept as a version without paragraphs")
            _warn_when_time_goes_back(article, change.commit)
            article.url = article.newsdiffs_url = _newsdiffs_url(url_path)
            article.source = source_of_url(article.url)
            # each version's date and byline lines, as the NewsDiffs page reader keeps them;
            # `date` and `byline` are the newest version's
            article.metadata.update({f"date.{number}": parsed.date, "date": parsed.date,
                                     f"byline.{number}": parsed.byline, "byline": parsed.byline})
            return
        article.warnings.append(f"{change.commit[:12]}: NewsDiffs commit without the "
                                "date/title/byline header; read as plain text")
    article.metadata["path"] = change.path
    paragraphs, width = read_paragraphs(text)
    if width is None:
        article.unwrapped.append((len(article.versions), change.commit[:12], text))
    else:
        article.warnings.append(wrapped_warning(change.commit[:12], width))
        article.wrap_widths[len(article.versions)] = width
    if url_path is None and split_version_text(text).has_header:
        article.headed.append((len(article.versions), change.commit[:12], text))
    article.versions.append(Version(number, change.path, paragraphs, change.author_time))
    _warn_when_time_goes_back(article, change.commit)


def _read_alike(parts: ArticleParts) -> None:
    """A file's plain versions read alike, as a folder's are (`plain.read_all_paragraphs`): when
    one looks wrapped, those too short to show it are read in blocks at its width if they fit."""
    wrap_width = max(parts.wrap_widths.values(), default=None)
    if wrap_width is None:
        return
    for place, commit, text in parts.unwrapped:
        paragraphs, width = read_paragraphs(text, wrap_width)
        if width is not None:
            parts.versions[place] = replace(parts.versions[place], paragraphs=paragraphs)
            parts.warnings.append(wrapped_warning(commit, width))


def _add_hand_edited_version(article: ArticleParts, change: FileChange, text: str) -> None:
    """A version of a store's file that `revdiff store` did not commit (an edit by hand): read in
    the store's layout, its title on the first line and its paragraphs between blank lines (a
    paragraph's line breaks read as spaces), timed by the commit's author date, and numbered
    after the newest version (version numbers are an article's keys in every export; `revdiff
    store` numbers it so too, and refuses a later version of the tracker that has its number)."""
    commit = change.commit[:12]
    title, *paragraphs = [" ".join(lines) for lines in blocks_between_blank_lines(text)] or [""]
    if not paragraphs:
        article.warnings.append(f"{commit}: a commit without revdiff's trailers leaves the "
                                "store's file without paragraphs; left out")
        return
    number = max(version.number for version in article.versions) + 1
    article.versions.append(Version(number, title, tuple(paragraphs), change.author_time))
    article.warnings.append(f"{commit}: a commit without revdiff's trailers (an edit by hand?) "
                            f"is read in the store's layout, as version {number}")


def _warn_when_time_goes_back(article: ArticleParts, commit: str) -> None:
    """Versions keep the order of the history; one dated before the one before it is warned of.

    Only versions timed by their commit's author date are compared: a stored version's time is
    the article's own, read back as it was stored.
    """
    newest = article.versions[-1]
    if newest.time is None:
        return
    before, article.last_timed = article.last_timed, newest
    if before is not None and before.time is not None and newest.time < before.time:
        article.warnings.append(
            f"{commit[:12]}: version {newest.number} is dated before version {before.number} "
            f"({newest.time.isoformat(sep=' ')} < {before.time.isoformat(sep=' ')}); kept in "
            "the order of the branch's first-parent history")


def _add_stored_version(article: ArticleParts, change: FileChange, trailers: dict[str, str],
                        data: bytes, where: str) -> None:
    place = f"{where} (commit {change.commit[:12]})"
    number = stored_version_number(trailers[TRAILER_VERSION])
    if number is None:
        raise MalformedPage(f"{TRAILER_VERSION} {shown(trailers[TRAILER_VERSION])} is not a whole "
                            f"number from 0 of at most {MOST_VERSION_DIGITS} digits", place,
                            hint=NOT_BY_STORE)
    time = None
    if TRAILER_TIME in trailers:
        try:
            time = datetime.fromisoformat(trailers[TRAILER_TIME])
        except ValueError:
            raise MalformedPage(f"{TRAILER_TIME} is not an ISO time: "
                                f"{shown(trailers[TRAILER_TIME])}",
                                place, hint=NOT_BY_STORE) from None
    title, paragraphs = decode_version_file(data, trailers.get(TRAILER_ENCODING), place)
    taken = {version.number for version in article.versions}
    if number in taken:  # a store's commit copied (cherry-picked): numbers are the keys
        renumbered = max(taken) + 1
        article.warnings.append(f"{change.commit[:12]}: version {number} is stored again (a "
                                f"commit copied?); read as version {renumbered}")
        number = renumbered
    cut = TRAILER_CUT in trailers
    if cut and trailers[TRAILER_CUT] != "true":
        raise MalformedPage(f"{TRAILER_CUT} {shown(trailers[TRAILER_CUT])} is not true", place,
                            hint=NOT_BY_STORE)
    time_text = trailers.get(TRAILER_TIME_TEXT)
    time_from = _checked_time_from(stored_time_from(trailers, place), number, time_text,
                                   change.commit, article.warnings)
    article.versions.append(Version(number, title, paragraphs, time, time_text,
                                    time_from=time_from, cut=cut))
    _warn_when_number_goes_back(article, change.commit)
    article.source = trailers.get(TRAILER_SOURCE)
    article.url = trailers.get(TRAILER_URL)
    article.changes = stored_changes(trailers, place)
    article.metadata = stored_metadata(trailers, place)
    # Each commit keeps the warnings of the reading that stored it: the article has them all
    # from the last commit of a reading that held every version stored before it (its warnings
    # replace theirs), but stale cut warnings (`finish_article`). A store keeps no page readings,
    # so a warning on unsure rows loses its pointer at the output that shows them: dropped on
    # reading, a store already written reads back without it too.
    if _whole_reading(trailers, place):
        for replaced in article.stored_warnings:
            article.warnings.remove(replaced)
        article.stored_warnings.clear()
    stored = tuple(warning.replace(SHOWN_BY_PARSE_JSON, "")
                   for warning in decode_warnings(trailers[TRAILER_WARNINGS], place)) \
        if TRAILER_WARNINGS in trailers else ()
    added = [w for w in dict.fromkeys(stored) if w not in article.warnings]
    article.warnings.extend(added)
    article.stored_warnings.extend(added)


def _whole_reading(trailers: dict[str, str], place: str) -> bool:
    value = trailers.get(TRAILER_WHOLE_READING)
    if value not in (None, "true"):
        raise MalformedPage(f"{TRAILER_WHOLE_READING} {shown(value)} is not true", place,
                            hint=NOT_BY_STORE)
    return value is not None


def _warn_when_number_goes_back(article: ArticleParts, commit: str) -> None:
    """Stored versions keep the order of the history; one numbered below the stored version
    before it (`Revdiff-Version` going back: versions committed out of order) is warned
    of, as a version dated back is."""
    newest = article.versions[-1]
    before, article.last_stored = article.last_stored, newest
    if before is not None and newest.number < before.number:
        article.warnings.append(
            f"{commit[:12]}: version {newest.number} is stored after version {before.number} "
            f"({TRAILER_VERSION} goes back); kept in the order of the branch's first-parent "
            "history")


def _read_newsdiffs_alike(parts: ArticleParts) -> None:
    """A NewsDiffs file's versions that other commits wrote (a keeper's commit over many files,
    line ends normalised, a bulk import: their messages name no file as NewsDiffs does) read in
    NewsDiffs' layout, as its NewsDiffs versions are, when they hold its date, title and byline
    lines, warned; read as plain text, those lines were three paragraphs of the version."""
    if parts.newsdiffs_url is None or not parts.headed:
        return
    newest = parts.versions[-1].number
    for place, commit, text in parts.headed:
        parsed = split_version_text(text)
        version = parts.versions[place]
        parts.versions[place] = replace(version, title=parsed.title, paragraphs=parsed.paragraphs)
        parts.unwrapped = [entry for entry in parts.unwrapped if entry[0] != place]
        width = parts.wrap_widths.pop(place, None)  # no plain version's: none read alike at it
        if width is not None:
            parts.warnings.remove(wrapped_warning(commit, width))
        parts.metadata.update({f"date.{version.number}": parsed.date,
                               f"byline.{version.number}": parsed.byline})
        if version.number == newest:
            parts.metadata.update({"date": parsed.date, "byline": parsed.byline})
        parts.warnings.append(
            f"{commit}: no NewsDiffs commit (its message names no file it writes as NewsDiffs "
            "names it) wrote this version, which holds the date, title and byline lines of the "
            "file's NewsDiffs versions; read as they are")
    if all(f"date.{version.number}" in parts.metadata for version in parts.versions):
        parts.metadata.pop("path", None)  # no version is read as plain text


def finish_article(parts: ArticleParts) -> Article:
    _read_newsdiffs_alike(parts)
    _read_alike(parts)
    _warn_when_text_comes_back(parts)
    # a later run's page that cut a version stored whole warned it incomplete: no longer so
    return Article(parts.source, parts.url, tuple(parts.versions), parts.changes,
                   dict(parts.metadata), without_stale_cut_warnings(parts.warnings, parts.versions))


def _checked_time_from(time_from: int | None, number: int, time_text: str | None, commit: str,
                       warnings: list[str]) -> int | None:
    """A stored time counting from the version itself, or from one on the wrong side for the
    time told (`... later` than a later version: a trailer edited), is warned of, naming its
    commit, and read as a time that names no version (`fields.unread_time_from_warning`), as the
    NewsEdits reader does; one counting from a version not stored (skipped as unchanged) is kept."""
    problem = None if time_from is None else time_from_problem(number, time_from, time_text)
    if problem is None:
        return time_from
    warnings.append(unread_time_from_warning(
        f"{commit[:12]}: version {number}'s {TRAILER_TIME_FROM} {time_from}", problem, time_text))
    return None


def _warn_when_text_comes_back(parts: ArticleParts) -> None:
    """A NewsDiffs file whose text comes back to an earlier version's is warned of once: NewsDiffs
    names a file after its URL with the trailing slash dropped, so the URLs with and without it
    write to one file, and two of its articles archived in one month each write their text over
    the other's. Nothing in the archive tells their versions apart (the second article's first
    commit is a `Change to` as any other), so they are read as one article, warned."""
    if parts.newsdiffs_url is None:
        return
    first_seen: dict[tuple[str, tuple[str, ...]], int] = {}
    previous: tuple[str, tuple[str, ...]] | None = None
    for version in parts.versions:
        text = (version.title, version.paragraphs)
        earlier = first_seen.setdefault(text, version.number)
        if earlier != version.number and text != previous:
            url = parts.newsdiffs_url
            parts.warnings.append(
                f"{parts.path}: version {version.number} comes back to the text of version "
                f"{earlier}; NewsDiffs writes {url} and {url}/ to this one file, so two of its "
                "articles archived in one month may be mixed here, and nothing in the archive "
                "tells their versions apart")
            return
        previous = text


def newsdiffs_path(message: str, path: str) -> str | None:
    """The part of the file's `path` made from its URL when the commit is a NewsDiffs archive's:
    the first line of its `message`, `Adding file <path>` or `Change to <path>`, names the file
    it writes, or the end of its path after a `/` (the month's archive kept in a folder, as
    `2020-01/www.nytimes.com/...` in a repository of several months). None for any other
    commit, a person's `Change to the intro` among them."""
    found = _NEWSDIFFS_MESSAGE.match(message.split("\n", 1)[0])
    if found is None:
        return None
    named = found.group(2).strip()
    written = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # as `message`
    if written == named:
        return path
    return named if written.endswith("/" + named) else None


def _newsdiffs_url(path: str) -> str:
    # NewsDiffs names a file after its URL: `http://` dropped, `https://` kept as `https:/`.
    if path.startswith("https:/"):
        return "https://" + path.removeprefix("https:/")
    return "http://" + path
