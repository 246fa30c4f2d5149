"""What a store run did: how many versions it stored, and which it skipped and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from revdiff.file_names import name_text
from revdiff.read_warnings import counted
from revdiff.summary_layout import listed


class SkipReason(StrEnum):
    """Why a version was not stored."""

    UNCHANGED = "unchanged"  # same text and title as the version stored before it
    FLIP_FLOP = "flip-flop"  # this text is already stored twice for the article (as NewsDiffs)
    CONFLICT = "conflict"  # this version number is stored with another text
    OUT_OF_ORDER = "out-of-order"  # older than the newest stored version, which git cannot insert

    @property
    def explanation(self) -> str:
        return {
            SkipReason.UNCHANGED: "identical to the version stored before it",
            SkipReason.FLIP_FLOP: "text already stored twice before",
            SkipReason.CONFLICT: "version number already stored with another text",
            SkipReason.OUT_OF_ORDER: "older than the newest stored version",
        }[self]


@dataclass(frozen=True, slots=True)
class SkippedVersion:
    path: str  # the article's file in the repository
    url: str | None
    number: int
    reason: SkipReason
    # read from flattened diff pages, whose reading of a version depends on the pages read with it
    read_from_pages: bool = False
    # for a conflict with a commit revdiff did not write (an edit by hand, numbered after the
    # newest stored version): its short id and subject
    taken_by: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """The outcome of `store_articles`."""

    repository: str
    branch: str
    articles: int  # the article files of the articles given (two readings of one are one)
    stored: int  # versions committed by this run
    already_stored: int  # versions the repository held before the run
    skipped: tuple[SkippedVersion, ...] = ()
    head: str | None = None  # the branch's commit after the run
    given_again: int = 0  # versions another input of the run gave too
    # article files whose stored warnings are an earlier reading's: the run read every text
    # stored again, warned otherwise, and added no version, whose commit would replace them
    stale_warnings: int = 0

    def skip_counts(self) -> dict[SkipReason, int]:
        counts = Counter(s.reason for s in self.skipped)
        return {reason: counts[reason] for reason in SkipReason if counts[reason]}

    def describe(self) -> str:
        """One line for people, e.g. `3 articles: 12 versions stored, 4 already stored, ...`:
        the `parts` joined by spaces."""
        return " ".join(part for group in self.parts() for part in group)

    def parts(self) -> tuple[tuple[str, ...], ...]:
        """What `describe` says, in groups of parts a summary of several lines breaks between
        (`revdiff.summary_layout`): what was stored and skipped; the repository and branch;
        the articles that keep the warnings of the input that stored them, if any, clause by clause."""
        what = [f"{counted(self.articles, 'article')}:",
                f"{counted(self.stored, 'version')} stored,",
                f"{self.already_stored:,} already stored,"]
        if self.given_again:
            what.append(f"{self.given_again:,} given again by another input,")
        what.append(f"{len(self.skipped):,} skipped")
        what += listed([f"{n:,} {reason.value}: {reason.explanation}"
                        for reason, n in self.skip_counts().items()], opening="(", closing=")")
        where = (f"in {name_text(self.repository)}",
                 f"[{name_text(self.branch)}]{';' if self.stale_warnings else ''}")
        if not self.stale_warnings:
            return tuple(what), where
        keeps = "keeps" if self.stale_warnings == 1 else "keep"
        articles = counted(self.stale_warnings, "article")
        note = (f"{articles} {keeps} the warnings of the input that stored them:",
                "a reading of this run gave every stored text again,",
                "warned otherwise and added no version to them,",
                "and only a version added replaces them")
        return tuple(what), where, note

