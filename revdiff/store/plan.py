"""Deciding which versions to commit, from what the repository already holds.

Idempotence comes from here, not from the writer: a version whose number is already stored with
the same text and title is not written again, so a re-run (also after a crash) adds only what is
missing; nor is one whose number holds another text while its own text is stored under another
number (another tracker's numbering of the same versions). The NewsDiffs rules apply to the
rest: a version identical to the one before it is skipped, and a text already stored twice for
the article is refused as a flip-flop.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from revdiff.errors import MalformedPage, StoreError
from revdiff.formats.fields import time_from_problem
from revdiff.formats.git_history import FileChange
from revdiff.formats.git_layout import (
    MOST_VERSION_DIGITS,
    TRAILER_METADATA,
    TRAILER_URL,
    TRAILER_VERSION,
    TRAILER_WARNINGS,
    TRAILER_WHOLE_READING,
    decode_metadata,
    decode_warnings,
    parse_trailers,
    stored_version_number,
)
from revdiff.model import Article, Version
from revdiff.read_warnings import SHOWN_BY_PARSE_JSON
from revdiff.store.encode import EncodedVersion, VersionFile, encode_file, encode_version
from revdiff.store.paths import article_path, fanned_path, folded, path_with_hash
from revdiff.store.summary import SkippedVersion, SkipReason

# The most article files a folder holds itself: a run whose new articles would put more in one
# folder puts them one folder down (`fanned_path`), where git writes smaller listings.
CROWDED_FOLDER = 1000

# What makes two versions "the same text": the git blob id of the file (title and paragraphs),
# in the repository's object format.
Fingerprint = str

# Which entry of which tracker an article is, where its tracker names its articles by an id of
# its own (NewsEdits, diffengine: `entry_id`; NYTdiff: `article_id`): (the metadata's `tracker`,
# or "", and that id).
Entry = tuple[str, str]
ENTRY_KEYS = ("entry_id", "article_id")


@dataclass(slots=True)
class FileHistory:
    """The versions stored in one file, oldest first, and where the file is now."""

    path: str
    url: str | None = None  # the article's, as the store's last commit of the file names it
    entries: set[Entry] = field(default_factory=set)  # as the store's commits of the file name them
    by_number: dict[int, Fingerprint] = field(default_factory=dict)
    counts: Counter[Fingerprint] = field(default_factory=Counter)
    newest: int | None = None  # the highest stored version number
    written_by_store: bool = False  # a commit of the file carries a `Revdiff-Version` trailer
    # the versions that commits revdiff did not write (edits by hand) hold: number -> the
    # commit's short id and subject
    not_by_store: dict[int, tuple[str, str]] = field(default_factory=dict)
    # the warnings the store's commits give the article read back (those of its last whole
    # reading and of the readings after it), None where a commit's do not decode
    warnings: set[str] | None = field(default_factory=set)

    def add_warnings(self, warnings: Iterable[str] | None, whole_reading: bool) -> None:
        """A store's commit's warnings (None: they do not decode), which replace those before
        where it is of a whole reading (`TRAILER_WHOLE_READING`), as the git reader reads
        them."""
        if whole_reading:
            self.warnings = set()
        if warnings is None or self.warnings is None:
            self.warnings = None
        else:
            self.warnings |= _as_read_back(warnings)

    def append(self, number: int, fingerprint: Fingerprint) -> None:
        self.by_number.setdefault(number, fingerprint)
        self.counts[fingerprint] += 1
        if self.newest is None or number > self.newest:
            self.newest = number

    def stored_texts(self) -> set[Fingerprint]:
        """The texts commits of the store hold: an edit by hand's alone is no reading's."""
        by_hand = Counter(self.by_number[number] for number in self.not_by_store)
        return {text for text, count in self.counts.items() if count > by_hand[text]}

    def previous(self, number: int) -> Fingerprint | None:
        """The fingerprint of the highest stored version numbered below `number`."""
        if self.newest is None:
            return None
        if number > self.newest:
            return self.by_number[self.newest]
        below = [n for n in self.by_number if n < number]
        return self.by_number[max(below)] if below else None


@dataclass(frozen=True, slots=True)
class PlannedCommit:
    """A version to commit. Its file is encoded again as it is written (`encoded`), not kept
    from planning: a whole NewsEdits file's versions held a second copy of every text."""

    path: str
    article: Article
    version: Version
    whole_reading: bool  # (`TRAILER_WHOLE_READING`)
    object_format: str  # the repository's (sha1 or sha256)

    def encoded(self) -> EncodedVersion:
        """The version's file and commit message, as planning encoded them."""
        file = _encoded_file(self.article, self.version, self.path, self.object_format)
        return encode_version(self.article, self.version, file, self.whole_reading)


@dataclass(frozen=True, slots=True)
class StorePlan:
    commits: tuple[PlannedCommit, ...]
    already_stored: int  # versions the repository held before the run
    skipped: tuple[SkippedVersion, ...]
    articles: int  # the article files the articles given go to: two readings of one are one
    # versions another input of the run gave too (stored by the run, or already stored and
    # counted there): `store day3.db day4.db` gives day 3's versions twice
    given_again: int = 0
    # article files whose stored warnings are an earlier reading's: a whole reading of the run
    # warned otherwise and added no version, so no commit of it replaces them
    stale_warnings: int = 0


def histories_from_changes(changes: Iterable[FileChange], paths_now: dict[int, str]
                           ) -> dict[str, FileHistory]:
    """Per file, the stored versions, numbered as the git reader numbers them: by their
    `Revdiff-Version` trailers; a commit without one (an edit by hand, or plain git history),
    or whose number an earlier commit of the file took (a copied commit), after the newest.

    A file is found under its path now (`paths_now`: per lineage) and under every path it had
    that no file holds now: a file renamed by hand goes on as the same article where it is
    (`plan_store` finds an article's file by its URL first, so also when files swapped paths)."""
    by_lineage: dict[int, FileHistory] = {}
    earlier_paths: dict[str, FileHistory] = {}
    for change in changes:
        path_now = paths_now.get(change.lineage, change.path)
        history = by_lineage.setdefault(change.lineage, FileHistory(path_now))
        earlier_paths[change.path] = history
        trailers = parse_trailers(change.message)
        history.written_by_store |= TRAILER_VERSION in trailers
        history.url = trailers.get(TRAILER_URL, history.url)
        if TRAILER_VERSION in trailers:
            history.add_warnings(_stored_warnings(trailers),
                                 trailers.get(TRAILER_WHOLE_READING) == "true")
        entry = _stored_entry(trailers)
        if entry is not None:
            history.entries.add(entry)
        # a number the git reader refuses (`-1`) is read as no number
        number = stored_version_number(trailers[TRAILER_VERSION]) \
            if TRAILER_VERSION in trailers else None
        if number is None or number in history.by_number:
            number = 0 if history.newest is None else history.newest + 1
        if TRAILER_VERSION not in trailers:
            history.not_by_store[number] = (change.commit[:12], change.message.split("\n", 1)[0])
        history.append(number, change.blob)
    held_now = set(paths_now.values())  # a set: a store holds thousands of files
    histories = {path: history for path, history in earlier_paths.items()
                 if path not in held_now}
    histories.update((history.path, history) for history in by_lineage.values())
    return histories


def plan_store(articles: Sequence[Article], histories: dict[str, FileHistory],
               object_format: str) -> StorePlan:
    """The commits to make, in order, and what to skip. Updates `histories` as it goes.

    `object_format` is the repository's (sha1 or sha256): versions are compared by blob id.
    """
    commits: list[PlannedCommit] = []
    skipped: list[SkippedVersion] = []
    # per file, the texts an earlier article of the run gave (stored by the run, or found
    # stored): an article that gives one again was given again by the run's inputs; a text an
    # article repeats itself (A B A, its last A skipped as a flip-flop when first stored) is not
    given_by_the_run: dict[int, set[Fingerprint]] = {}
    already = given_again = 0
    by_url: dict[str, list[FileHistory]] = {}
    # (a file renamed by hand is under two paths)
    for stored in {id(stored): stored for stored in histories.values()}.values():
        if stored.url:
            by_url.setdefault(stored.url, []).append(stored)
    # the file each path is, where case and normalisation are ignored (`folded`)
    held = {folded(path): path for path in histories}
    files: set[int] = set()  # the ids of the articles' FileHistory objects
    stale: set[int] = set()  # (`StorePlan.stale_warnings`)
    for article, named in _oldest_first(articles, by_url, histories):
        history = _stored_file(article, by_url)
        entry = _entry(article.metadata)
        if history is None:
            holder = held.get(folded(named), named)
            holder_url = histories[holder].url if holder in histories else None
            yours = holder in histories and not histories[holder].written_by_store
            if article.url and (holder != named or holder_url not in (None, article.url)
                                or yours):
                # `Story` where `story` is stored: another article, which must not share its
                # file on such a file system (nor, under core.ignorecase, in git's history);
                # nor does the article of another URL made the same path (`http://` where
                # `https://` is stored), whose versions would go on in its history, nor a
                # file the store never wrote (one of yours), which is no version of it
                named = path_with_hash(named, article.url)
            elif article.url and entry is not None and holder in histories \
                    and histories[holder].url == article.url:
                # another entry of the tracker under this URL (a story published again) holds
                # the file: this entry is an article of its own, in a file named apart
                named = path_with_hash(named, "\0".join((article.url, *entry)))
            history = histories.setdefault(named, FileHistory(named, article.url))
            held.setdefault(folded(named), named)
        if article.url and all(held_file is not history
                               for held_file in by_url.get(article.url, ())):
            # a new file, or the file of the article's earlier URL: a later article of the run
            # (another entry, a later reading of this one) finds it by this URL
            by_url.setdefault(article.url, []).append(history)
        if entry is not None:
            history.entries.add(entry)
        files.add(id(history))
        path = history.path  # where the file is now, if it was renamed
        files_of = [_encoded_file(article, version, path, object_format)
                    for version in article.versions]
        # a reading that holds every text the store wrote in the file (a growing input read
        # again; a text edited by hand is in no input): its warnings are the article's, not
        # added to those stored before (`TRAILER_WHOLE_READING`)
        stored_texts = history.stored_texts()
        whole_reading = bool(stored_texts) and \
            stored_texts <= {each.blob_id for each in files_of}
        committed = len(commits)
        for version, each in zip(article.versions, files_of):
            fingerprint = each.blob_id
            reason = _skip_reason(history, version.number, fingerprint)
            if reason is None:
                history.append(version.number, fingerprint)
                commits.append(PlannedCommit(path, article, version, whole_reading,
                                             object_format))
            elif reason == "stored":
                if fingerprint in given_by_the_run.get(id(history), ()):
                    given_again += 1
                else:
                    already += 1
            else:
                taken_by = history.not_by_store.get(version.number) \
                    if reason == SkipReason.CONFLICT else None
                skipped.append(SkippedVersion(path, article.url, version.number, reason,
                                              read_from_pages=bool(article.pages),
                                              taken_by=taken_by))
        if len(commits) > committed:  # each commit carries the article's warnings
            history.add_warnings(article.warnings, whole_reading)
        given_by_the_run.setdefault(id(history), set()).update(each.blob_id for each in files_of)
        if whole_reading and history.warnings is not None:
            if history.warnings == _as_read_back(article.warnings):
                stale.discard(id(history))
            else:
                stale.add(id(history))
    return StorePlan(tuple(commits), already, tuple(skipped), len(files), given_again,
                     len(stale))


def _as_read_back(warnings: Iterable[str]) -> set[str]:
    """Warnings as the git reader gives them back (without their pointer at `revdiff parse
    --format json`, which shows no rows of a store)."""
    return {warning.replace(SHOWN_BY_PARSE_JSON, "") for warning in warnings}


def _stored_warnings(trailers: Mapping[str, str]) -> tuple[str, ...] | None:
    """A store's commit's warnings; None where its trailer does not decode (the git reader
    refuses it)."""
    if TRAILER_WARNINGS not in trailers:
        return ()
    try:
        return decode_warnings(trailers[TRAILER_WARNINGS], "")
    except MalformedPage:
        return None


def _encoded_file(article: Article, version: Version, path: str, object_format: str
                  ) -> VersionFile:
    """The version's file as git will hold it, once it is known to read back as given."""
    if not _reads_back(version.number):
        raise StoreError(f"version {version.number} cannot be stored: a version number "
                         f"is a whole number from 0 of at most {MOST_VERSION_DIGITS} "
                         "digits", article.key or path,
                         hint="number the versions from 0, as the readers do")
    if version.time_from is not None and not _reads_back(version.time_from):
        raise StoreError(f"version {version.number} cannot be stored: its time counts "
                         f"from version {version.time_from}, and a version number is a "
                         f"whole number from 0 of at most {MOST_VERSION_DIGITS} digits",
                         article.key or path,
                         hint="number the versions from 0, as the readers do")
    unread = None if version.time_from is None else time_from_problem(
        version.number, version.time_from, version.time_text)
    if unread is not None:  # the git reader would read it as one that names no version
        raise StoreError(f"version {version.number} cannot be stored: its time_from "
                         f"{version.time_from} {unread}", article.key or path,
                         hint="set its time_from to the number of another version of "
                              "the article (an earlier one for a time '... later', a "
                              "later one for '... earlier'), or to None (counted from "
                              "the version next to it on that side)")
    return encode_file(article, version, _named(article, version), object_format)


def _named(article: Article, version: Version) -> str:
    return f"{article.key} version {version.number}"


def _entry(metadata: Mapping[str, str]) -> Entry | None:
    entry = next((metadata[key] for key in ENTRY_KEYS if key in metadata), None)
    return None if entry is None else (metadata.get("tracker", ""), entry)


def _stored_entry(trailers: Mapping[str, str]) -> Entry | None:
    """The entry a store's commit names in its metadata (a trailer git's reader refuses, not
    a JSON object, names none here)."""
    metadata = decode_metadata(trailers.get(TRAILER_METADATA, "{}"))
    if metadata is None:
        return None
    return _entry({str(key): str(value) for key, value in metadata.items()})


def _stored_file(article: Article, by_url: Mapping[str, list[FileHistory]]
                 ) -> FileHistory | None:
    """The file that holds the article's versions: the one of its URL that holds its entry,
    else one of an earlier URL of the article that holds its entry (NYTdiff follows an article
    across URLs: `earlier_urls`, oldest first), else one of its URL that holds no other entry of
    its tracker (another tracker's versions of the article, numbered its own way, or a page's,
    go on in one file)."""
    if not article.url:
        return None
    entry = _entry(article.metadata)
    files = [history for history in by_url.get(article.url, ())
             if entry is None or entry in history.entries
             or not any(tracker == entry[0] for tracker, _ in history.entries)]
    earlier_files = [history
                     for url in reversed(article.metadata.get("earlier_urls", "").split())
                     for history in by_url.get(url, ()) if entry in history.entries]
    return next((history for history in files + earlier_files if entry in history.entries),
                files[0] if files else None)


def _oldest_first(articles: Sequence[Article], by_url: Mapping[str, list[FileHistory]],
                  stored: Iterable[str]) -> list[tuple[Article, str]]:
    """The articles, each with its file (where its URL is stored, else `article_path`, one
    folder down when `CROWDED_FOLDER` files would be in its folder with the `stored` ones), those
    that go to one file (inputs split by time, given in any order: shell globs put `day10`
    before `day9`) ordered by their first version number, so that a run never calls a version
    out of order for one that the same run stores after it. Articles of one file stay in input
    order when they begin at the same number; other articles keep theirs."""
    known = [_stored_file(article, by_url) for article in articles]
    files = [history.path if history is not None else article_path(article)
             for article, history in zip(articles, known)]
    stored_files = set(stored)
    crowded = _crowded_folders(stored_files.union(files))
    files = [name if history is not None else _new_file(name, article.url, stored_files, crowded)
             for article, history, name in zip(articles, known, files)]
    first_seen: dict[str, int] = {}
    for index, name in enumerate(files):
        first_seen.setdefault(name, index)
    order = sorted(range(len(articles)), key=lambda index: (
        first_seen[files[index]],
        min((v.number for v in articles[index].versions), default=0), index))
    return [(articles[index], files[index]) for index in order]


def _new_file(name: str, url: str | None, stored: set[str], crowded: set[str]) -> str:
    """The file of an article whose URL is not stored: `name`, or `name` one folder down where
    its folder is crowded; an article without a URL is found by its path only, so a file that an
    earlier run stored (in a folder crowded then, or not yet) is kept whatever the folder holds
    now."""
    fanned = fanned_path(name, url)
    if name in stored or (fanned not in stored and _folder(name) not in crowded):
        return name
    return fanned


def _folder(path: str) -> str:
    return path.rpartition("/")[0]


def _crowded_folders(paths: Iterable[str]) -> set[str]:
    files_in = Counter(_folder(path) for path in paths)
    return {folder for folder, count in files_in.items() if count > CROWDED_FOLDER}


def _reads_back(number: int) -> bool:
    """Whether the git reader reads `number` back as a version number (`Revdiff-Version`,
    `Revdiff-Time-From`): none below 0, nor one of more digits than a file name holds."""
    return 0 <= number < 10 ** MOST_VERSION_DIGITS


def _skip_reason(history: FileHistory, number: int, fingerprint: Fingerprint,
                 ) -> SkipReason | Literal["stored"] | None:
    stored = history.by_number.get(number)
    if stored is not None:
        # the same text under another number (another tracker counting from 1) is stored too
        return "stored" if stored == fingerprint or history.counts[fingerprint] else SkipReason.CONFLICT
    if history.previous(number) == fingerprint:
        return SkipReason.UNCHANGED
    if history.newest is not None and number < history.newest:
        return "stored" if history.counts[fingerprint] else SkipReason.OUT_OF_ORDER
    if history.counts[fingerprint] >= 2:
        return SkipReason.FLIP_FLOP
    return None
