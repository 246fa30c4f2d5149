"""What a page's paragraphs look like: how likely a cell's shape is among them.

A page's paragraphs often share a shape: a list of newspapers (`fairfield citizen-news (ct)`),
of instruments or of headings, a talk page's signed comments. A row that glues two such items
reads as two paragraphs of the page's shape, and a cut that leaves a fragment of a shape the page
shows less often than paragraphs in general is less likely. A paragraph's shape is its length
(in doubling buckets of words), the kind of its first character and of its last. The page's
shapes are counted from the paragraphs it shows in full (its match rows), smoothed towards the
shapes of all tuning articles' paragraphs (learned by benchmarks/split_training.py and shipped
in `weights.json`); a cell's score is the log-ratio of its shape's frequency on the page to its
frequency in general, so a page that shows no paragraphs says nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

PRIOR_PARAGRAPHS = 1.5  # the general shapes weigh as much as this many paragraphs of the page
UNSEEN = 1e-4  # the general frequency of a shape no tuning paragraph has


def _kind(char: str) -> str:
    if char.isalpha():
        return "a"
    if char.isdigit():
        return "0"
    return char if char in ".:;,!?)]}\"”'(-[{“|*" else "~"


def shape(length: int, first: str, last: str) -> str:
    """The shape of a paragraph of `length` words from `first` to `last`: the length bucket,
    then the kinds of its first and last characters."""
    return _shape_of_edges(_bucket(length), first[:1], last[-1:])


def _bucket(length: int) -> int:
    return min(length.bit_length(), 7)


def _shape_of_edges(bucket: int, first_char: str, last_char: str) -> str:
    return f"{bucket}{_kind(first_char or ' ')}{_kind(last_char or ' ')}"


def _shape_of(paragraph: str) -> str:
    words = paragraph.split(" ")
    return shape(len(words), words[0], words[-1])


def shape_frequencies(paragraphs: Iterable[str]) -> dict[str, float]:
    """How often each shape occurs among the paragraphs (for learning the general shapes)."""
    counts = Counter(map(_shape_of, paragraphs))
    total = sum(counts.values())
    return {key: count / total for key, count in counts.items()}


class PageShapes:
    """The log-ratio of each shape's frequency on a page to its general frequency."""

    def __init__(self, known: Iterable[str], general: Mapping[str, float]) -> None:
        self.general = general
        self.counts = Counter(map(_shape_of, known))
        self.total = sum(self.counts.values())
        self.known_scores: dict[tuple[int, str, str], float] = {}

    def score(self, length: int, first: str, last: str) -> float:
        """How much likelier a cell of this shape is on the page than in general (the log of
        the ratio; positive when the page shows the shape more often than paragraphs in general)."""
        asked = (_bucket(length), first[:1], last[-1:])
        if asked not in self.known_scores:
            self.known_scores[asked] = self._score(_shape_of_edges(*asked))
        return self.known_scores[asked]

    def _score(self, key: str) -> float:
        general = self.general.get(key, UNSEEN)
        on_page = (self.counts[key] + PRIOR_PARAGRAPHS * general) / (self.total + PRIOR_PARAGRAPHS)
        return math.log(on_page / general)
