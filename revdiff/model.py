"""The data revdiff passes between its layers: plain frozen dataclasses, no I/O."""

from __future__ import annotations

import math
import reprlib
import typing
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from revdiff.read_warnings import counted

# What `from revdiff.model import *` gives: not the names imported here (`datetime`, the class,
# would take the place of a notebook's `datetime` module)
__all__ = ["SENTENCE_MODES", "SURE_CONFIDENCE", "Article", "Comparison", "ComparisonStats", "Edit",
           "EditOp", "Flag", "PageReading", "RowKind", "RowReading", "Sentence", "SentenceMode",
           "Sources", "Version", "WordDiff", "is_unsure", "sure_percent"]

# Reprs name a text by its start and end: a notebook showing a list of articles shows their
# versions' titles and sizes, not megabytes of text.
_short_repr = reprlib.Repr()
_short_repr.maxstring = 60

# How the engine cuts a version into the units it aligns: sentences split by rules, or one per
# paragraph. The one list of the engine's check, the commands' --sentences and the app's settings,
# kept here so that a command's options load without the engine.
SentenceMode = typing.Literal["auto", "lines"]
SENTENCE_MODES: tuple[SentenceMode, ...] = typing.get_args(SentenceMode)


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version of an article: its text as a tuple of paragraphs."""

    number: int
    title: str
    paragraphs: tuple[str, ...]
    time: datetime | None = None
    # What a page says about the time when no timestamp survives, e.g. "about 1 hour later".
    time_text: str | None = None
    # The number of the version a relative `time_text` counts from, where the input says which:
    # the other version of the News Sniffer page that tells it, also one not given (skipped by a
    # store, cut from an entry), whose time is then shown beside no version. None where it does
    # not say.
    time_from: int | None = None
    # Whether a rendered NewsDiffs page cut it: its paragraphs that read `[...]` then mark text the
    # page left out (`revdiff.formats.elision`); in any other version they are article text.
    cut: bool = False

    @property
    def text(self) -> str:
        """The version's text: its paragraphs, one a line."""
        return "\n".join(self.paragraphs)

    def __repr__(self) -> str:
        when = f", time={self.time.isoformat()}" if self.time else ""
        cut = ", cut=True" if self.cut else ""  # its `[...]` paragraphs are counted: they are marks
        return (f"Version(number={self.number}, title={_short_repr.repr(self.title)}, "
                f"{counted(len(self.paragraphs), 'paragraph')}, "
                f"{counted(sum(map(len, self.paragraphs)), 'character')}{when}{cut})")


# A row read with at least this confidence is reported as sure; below it, it is flagged for a person.
SURE_CONFIDENCE = 0.99


def is_unsure(confidence: float | None) -> bool:
    """Whether a reading this sure (None: read exactly) is one a person should check."""
    return confidence is not None and confidence < SURE_CONFIDENCE


def sure_percent(confidence: float) -> str:
    """`47% sure`, as every output says how sure a reading is: rounded down, so that a reading
    marked unsure never says 99% sure or more."""
    return f"{math.floor(confidence * 100)}% sure"


class RowKind(StrEnum):
    """How one body row of a flattened diff page is read."""

    MATCH = "match"  # the same paragraph in both columns, glued: X + X
    CHANGE = "change"  # old paragraph, one space, new paragraph
    OLD_ONLY = "old_only"  # a deleted paragraph
    NEW_ONLY = "new_only"  # an inserted paragraph


@dataclass(frozen=True, slots=True)
class RowReading:
    """The splitter's reading of one body row of a flattened diff page.

    `boundary` is the character offset in `text` where the new cell starts (for change rows the
    space at `boundary - 1` separates the cells; for match rows `boundary == len(text) // 2`).
    `confidence` is the estimated probability that this reading is right.
    """

    line: int  # 1-based line number in the page
    text: str
    kind: RowKind
    boundary: int | None
    confidence: float

    @property
    def is_sure(self) -> bool:
        """Whether the row is read with at least `SURE_CONFIDENCE`: below it, flagged for a person."""
        return not is_unsure(self.confidence)

    @property
    def old(self) -> str | None:
        """The row's old cell, as read (None for a row only the new version has)."""
        if self.kind is RowKind.MATCH:
            return self.text[: self.boundary]
        if self.kind is RowKind.CHANGE:
            assert self.boundary is not None
            return self.text[: self.boundary - 1]
        return self.text if self.kind is RowKind.OLD_ONLY else None

    @property
    def new(self) -> str | None:
        """The row's new cell, as read (None for a row only the old version has)."""
        if self.kind in (RowKind.MATCH, RowKind.CHANGE):
            return self.text[self.boundary :]
        return self.text if self.kind is RowKind.NEW_ONLY else None

    def __repr__(self) -> str:
        return (f"RowReading(line={self.line}, kind={str(self.kind)!r}, "
                f"text={_short_repr.repr(self.text)}, boundary={self.boundary}, "
                f"confidence={self.confidence!r})")


@dataclass(frozen=True, slots=True)
class PageReading:
    """How the body of one flattened diff page was read: one reading per row."""

    name: str
    old_number: int
    new_number: int
    rows: tuple[RowReading, ...]

    @property
    def confidence(self) -> float:
        """Probability that every row is read right (rows treated as independent)."""
        total = 1.0
        for row in self.rows:
            total *= row.confidence
        return total

    def __repr__(self) -> str:
        unsure = sum(not row.is_sure for row in self.rows)
        return (f"PageReading(name={_short_repr.repr(self.name)}, old_number={self.old_number}, "
                f"new_number={self.new_number}, {counted(len(self.rows), 'row')}, "
                f"{unsure:,} unsure)")


@dataclass(frozen=True, slots=True)
class Article:
    """An article and every version of it that an input holds, oldest first.

    Equal when every field is; hashable (a set's member or a dict's key), `metadata` left out of
    the hash as a dict cannot be hashed.
    """

    source: str | None
    url: str | None
    versions: tuple[Version, ...]
    # How many versions the tracker says it stored, when it says so: News Sniffer's "changed N
    # times" and NewsEdits' num_versions both count versions (the first one too), not changes.
    changes: int | None = None
    metadata: dict[str, str] = field(default_factory=dict, hash=False)
    warnings: tuple[str, ...] = ()
    # For flattened diff pages: how each page's rows were read.
    pages: tuple[PageReading, ...] = ()

    @property
    def key(self) -> str:
        """A name for the article: its URL, or failing that the first version's title, or
        failing both the name revdiff's SQLite export gave it, read back (`metadata["article"]`;
        empty without any)."""
        if self.url:
            return self.url
        title = self.versions[0].title.strip() if self.versions else ""
        return title or self.metadata.get("article", "")

    def __repr__(self) -> str:
        return (f"Article(key={_short_repr.repr(self.key)}, source={self.source!r}, "
                f"{counted(len(self.versions), 'version')}, "
                f"{counted(len(self.warnings), 'warning')})")


# ---------------------------------------------------------------------------------------------
# Comparison types: what the engine (revdiff.engine.comparison) produces from two Versions.
# ---------------------------------------------------------------------------------------------


class EditOp(StrEnum):
    """What happened to a sentence (or group of sentences) between two versions."""

    UNCHANGED = "unchanged"
    EDITED = "edited"
    ADDED = "added"
    DELETED = "deleted"
    MOVED = "moved"  # same or similar text, position changed relative to the other sentences
    SPLIT = "split"  # one old sentence became several new ones
    MERGED = "merged"  # several old sentences became one new one


class Flag(StrEnum):
    """Properties of an edit that researchers filter on."""

    ENCODING_ONLY = "encoding_only"  # the same text in another Unicode form (NFC equal)
    PUNCTUATION_ONLY = "punctuation_only"
    WHITESPACE_ONLY = "whitespace_only"
    CASE_ONLY = "case_only"
    NUMBER_CHANGED = "number_changed"
    QUOTE_CHANGED = "quote_changed"
    ATTRIBUTION_CHANGED = "attribution_changed"  # a source added, removed or named otherwise


# A word-level diff as diff-match-patch gives it: (op, text) runs, op -1 deleted, 0 kept, 1 inserted.
WordDiff = tuple[tuple[int, str], ...]

# The sources a text attributes what it reports to, in order, each as its words (lower case,
# accents taken off), as engine/attributions.py reads them: `(("pentagon", "official"),)`.
Sources = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a version, located in it."""

    index: int  # position among the version's sentences
    paragraph: int  # index of the paragraph that holds it
    start: int  # character offsets inside that paragraph
    end: int
    text: str

    def __repr__(self) -> str:
        return (f"Sentence(index={self.index}, paragraph={self.paragraph}, start={self.start}, "
                f"end={self.end}, text={_short_repr.repr(self.text)})")


@dataclass(frozen=True, slots=True)
class Edit:
    """One aligned unit: old sentence indices, new sentence indices, and what changed."""

    op: EditOp
    old: tuple[int, ...]  # indices into Comparison.old_sentences (empty for ADDED)
    new: tuple[int, ...]  # indices into Comparison.new_sentences (empty for DELETED)
    old_text: str
    new_text: str
    similarity: float  # 0..1, the aligner's (engine/similarity.py); 0 for added or deleted text
    word_diff: WordDiff
    flags: frozenset[Flag] = frozenset()
    old_sources: Sources = ()  # the sources old_text attributes to; empty for no text
    new_sources: Sources = ()

    def __repr__(self) -> str:
        return (f"Edit(op={str(self.op)!r}, old={self.old}, new={self.new}, "
                f"old_text={_short_repr.repr(self.old_text)}, "
                f"new_text={_short_repr.repr(self.new_text)}, similarity={self.similarity:.3f}, "
                f"flags={sorted(map(str, self.flags))})")


@dataclass(frozen=True, slots=True)
class ComparisonStats:
    """What a comparison changed, counted: its edits by kind and the words and characters that
    came and went.

    Equal when every field is; hashable, `counts` (a dict) left out of the hash.
    """

    counts: dict[str, int] = field(hash=False)  # per EditOp value; the hash leaves it out
    words_added: int
    words_removed: int
    chars_added: int
    chars_removed: int
    changed_share: float  # share of the text (0..1) that changed
    boring: bool  # nothing but whitespace, punctuation or encoding changed
    rewrite: bool  # most of the text was replaced, and not boring


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two versions and the edits that turn the old one into the new one, in reading order.

    Equal when every field is; hashable, `stats.counts` (a dict) left out of the hash.
    """

    old: Version
    new: Version
    old_sentences: tuple[Sentence, ...]
    new_sentences: tuple[Sentence, ...]
    edits: tuple[Edit, ...]
    stats: ComparisonStats
    # What kind of change the title is, as an edit's flags say it (empty for the same title, or
    # a title only one version has): a title written in another Unicode form is encoding_only.
    title_flags: frozenset[Flag]

    def __repr__(self) -> str:
        return (f"Comparison(old={self.old.number}, new={self.new.number}, "
                f"{counted(len(self.edits), 'edit')}, "
                f"changed_share={self.stats.changed_share:.3f})")
