"""Versions cut to `[...]`, and how such a version agrees with another reading of it.

A browser-rendered NewsDiffs page shows `[...]` as a paragraph of its own where it left out
unchanged paragraphs, so a version read from it is incomplete. The next page of the same article
shows that version again, whole or cut elsewhere: the two readings are one text when the cut one
is the other with each `[...]` standing for a stretch of paragraphs, and the reading to keep is
the one that shows more of it.

Only such a page cuts a version, and its reader marks the version so (`Version.cut`, which
joining pages and the git store keep) and warns of it (`cut_warning`): in any other version a
paragraph that reads `[...]` is article text.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from revdiff.model import Article, Version

# What a browser-rendered NewsDiffs page shows in place of unchanged text it left out.
ELISION = "[...]"

# What a `cut_warning` says after the page's name, to its end: a name may hold these words too (a
# page saved as `v: the new text (version 2) is incomplete: ….html`), the text after it cannot.
_CUT_WARNING = re.compile(r": the (?:old|new) text \(version (-?\d+)\) is incomplete: unchanged "
                          r"stretches are cut to \[\.\.\.\] on the rendered page\Z")


def cut_warning(where: str, side: str, number: int) -> str:
    """The warning of a page (`where`) that cut its `side` ("old" or "new"), version `number`."""
    return (f"{where}: the {side} text (version {number}) is incomplete: unchanged stretches "
            f"are cut to {ELISION} on the rendered page")


def cut_version(warning: str) -> int | None:
    """The number of the version a `cut_warning` is about, read from its text after the page's
    name, which may hold a warning's words itself; None for any other warning."""
    found = _CUT_WARNING.search(warning)
    return int(found.group(1)) if found else None


def without_stale_cut_warnings(warnings: Iterable[str], versions: Iterable[Version]) -> tuple[str, ...]:
    """The warnings but the `cut_warning`s of versions that are not cut: such a warning is stale
    once another page gave the version whole (joined pages), or when a later run's page cut a
    version the git store holds whole."""
    whole = {version.number for version in versions if not version.cut}
    return tuple(warning for warning in warnings if cut_version(warning) not in whole)


def is_cut(paragraphs: Sequence[str]) -> bool:
    """Whether the paragraphs hold a `[...]` mark."""
    return any(paragraph.strip() == ELISION for paragraph in paragraphs)


def cut_versions(article: Article) -> frozenset[int]:
    """The numbers of the article's versions a rendered NewsDiffs page cut to `[...]`."""
    return frozenset(version.number for version in article.versions if version.cut)


def without_elisions(version: Version, cut: Collection[int]) -> Version:
    """The version without the paragraphs that only mark a cut (`[...]`) when it is one of the
    `cut` versions (`cut_versions`): that mark is no article text, so comparisons and searches
    leave it out. Any other version is kept whole."""
    if version.number not in cut or not is_cut(version.paragraphs):
        return version
    kept = tuple(p for p in version.paragraphs if p.strip() != ELISION)
    return replace(version, paragraphs=kept)


def compared_versions(article: Article) -> tuple[Version, ...]:
    """The article's versions as compared: those a page cut without their `[...]` marks."""
    cut = cut_versions(article)
    return tuple(without_elisions(version, cut) for version in article.versions)


def _segments(paragraphs: Sequence[str]) -> list[list[str]]:
    """The stretches of paragraphs between the `[...]` marks (empty at a leading or trailing mark)."""
    segments: list[list[str]] = [[]]
    for paragraph in paragraphs:
        if paragraph.strip() == ELISION:
            segments.append([])
        else:
            segments[-1].append(paragraph)
    return segments


def _find(whole: Sequence[str], part: Sequence[str], start: int, stop: int) -> int | None:
    """Where `part` first occurs in `whole[start:stop]`, as an index into `whole`."""
    for at in range(start, stop - len(part) + 1):
        if list(whole[at:at + len(part)]) == list(part):
            return at
    return None


def fits_cut(cut: Sequence[str], whole: Sequence[str]) -> bool:
    """Whether `whole` (no `[...]` in it) is `cut` with each `[...]` standing for zero or more
    paragraphs."""
    segments = _segments(cut)
    if len(segments) == 1:
        return list(cut) == list(whole)
    first, *middle, last = segments
    start, stop = len(first), len(whole) - len(last)
    if start > stop or list(whole[:start]) != first or list(whole[stop:]) != last:
        return False
    for segment in middle:
        found = _find(whole, segment, start, stop)
        if found is None:
            return False
        start = found + len(segment)
    return True


def may_be_one_text(one: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two cut readings can be of one text: what each shows before its first `[...]` and
    after its last one agrees with the other's."""
    one_segments, other_segments = _segments(one), _segments(other)
    head = min(len(one_segments[0]), len(other_segments[0]))
    tail = min(len(one_segments[-1]), len(other_segments[-1]))
    return (one_segments[0][:head] == other_segments[0][:head]
            and one_segments[-1][len(one_segments[-1]) - tail:]
            == other_segments[-1][len(other_segments[-1]) - tail:])


def reconcile(one: Sequence[str], other: Sequence[str]) -> tuple[str, ...] | None:
    """Of two readings of one version, at least one of them cut to `[...]`, the one to keep: the
    whole one, or of two cut ones the one that shows more paragraphs. None when they cannot be
    the same text."""
    if not is_cut(one):
        one, other = other, one
    if not is_cut(other):
        return tuple(other) if fits_cut(one, other) else None
    if not may_be_one_text(one, other):
        return None
    shown = [sum(p.strip() != ELISION for p in reading) for reading in (one, other)]
    return tuple(one if shown[0] >= shown[1] else other)
