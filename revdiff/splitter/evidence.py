"""Evidence about where the old cell ends in each glued row of a flattened diff page.

Every score here is a log-odds contribution: positive favours the reading, negative opposes it.
For each row, the features of every reading (`features`: boundary cues such as final
punctuation and capitals, how alike the two cells begin and end, balance, lengths) are scored
with the learned weights. Across rows:

* repeated phrases: a word trigram (words compared by `features.word_key`, so without the
  punctuation around them) that occurs exactly twice on the page is often one text seen
  in both versions, whose two occurrences then belong to opposite columns. Two rows sharing a
  long passage almost always are; two rows sharing one or two trigrams more often repeat a
  phrase within one version, so such a link pulls their occurrences into the same column;
* word pairs: how often two words follow each other on the page (`word_pairs`), against which
  each cut of a row is weighed (`features`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from revdiff.engine.abbreviations import is_abbreviation
from revdiff.splitter.counts import TextCounts, shipped_counts
from revdiff.splitter.edges import PageEdges, ending_keys
from revdiff.splitter.features import (
    bare_word,
    change_features,
    masked,
    one_sided_features,
    weights,
    word_key,
)
from revdiff.splitter.shapes import PageShapes

TRIGRAM = 3
REPEAT_CAP = 8.0
# Two rows that share a few trigrams have usually repeated a phrase within one version; the
# more they share, the likelier one passage was kept from the old version into the new. On the
# corpus pages and every 5th Wikipedia chain, the shared trigrams of two rows lie in opposite
# columns 22% of the time when they share one, 37% for three, 69% for five, 99% beyond ten.
# A link of n trigrams weighs LINK_SLOPE * (n - LINK_NEUTRAL), at most REPEAT_CAP.
LINK_SLOPE = 0.8
LINK_NEUTRAL = 2.0
SIMILARITY_WEIGHT = 0.5
SIMILARITY_CAP = 40.0
SIMILARITY_ROOT = 2.0
SIMILARITY_RATIO = 0.1  # below this share of the longer half, shared ends count less
SIMILARITY_MIN_CHARS = 8
DEFAULT_SENTENCE_BREAK = 0.0
MAX_SENTENCE_BREAK = 1.5
MIN_KNOWN_PARAGRAPHS = 3

_FINAL = re.compile(r"[.!?:;…][\"'”’)\]]*$|[\"'”’)\]]$")
_QUOTE_AFTER_COMMA = re.compile(r",[\"'”’]+$")  # `capability,”` goes on: `Milley said.`
_START = re.compile(r"^[\"'“‘(\[]*[A-Z0-9\u00C0-\u024F\u0370-\u1FFF]")


def _z_function(text: str) -> list[int]:
    """z[i] = length of the longest common prefix of text and text[i:]."""
    size = len(text)
    z = [0] * size
    left = right = 0
    for i in range(1, size):
        if i < right:
            z[i] = min(right - i, z[i - left])
        while i + z[i] < size and text[z[i]] == text[i + z[i]]:
            z[i] += 1
        if i + z[i] > right:
            left, right = i, i + z[i]
    if size:
        z[0] = size
    return z


@dataclass(slots=True)
class RowEvidence:
    """One body row and the local evidence for each way of reading it."""

    line: int
    text: str
    words: list[str]
    starts: list[int]  # character offset of each word
    is_match: bool
    # the shown words as compared with other words (`features.word_key`), set with the row
    keys: list[str] = field(default_factory=list)
    # boundary[k] for k in 1..len(words)-1: local score of "the new cell starts at word k"
    boundary: list[float] = field(default_factory=list)
    one_sided: float = 0.0  # local score of reading the row as one whole paragraph
    # the features of each change reading and of the one-sided reading (kept for learning)
    features: tuple[list[list[float]], list[float]] | None = None
    # repeated trigrams inside this row: (first word index, second word index)
    self_pairs: list[tuple[int, int]] = field(default_factory=list)
    # repeated trigrams with another row: (word index here, other row index, word index there)
    cross_pairs: list[tuple[int, int, int]] = field(default_factory=list)
    # weight of each repeated trigram shared with another row (by row index), see _weigh_repeats
    pair_weight: dict[int, float] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.words)

    @property
    def match_half(self) -> str:
        """The paragraph a glued match row shows in both cells."""
        return self.text[: len(self.text) // 2]

    @property
    def shown_words(self) -> list[str]:
        """The row's words; a glued match row's paragraph once, without the glue."""
        return self.match_half.split(" ") if self.is_match else self.words

    def offset(self, k: int) -> int:
        """Character offset where the new cell starts for boundary k."""
        return self.starts[k]


def word_starts(text: str) -> list[int]:
    """Character offset of each space-separated word; every offset but the first is a boundary."""
    return [0] + [i + 1 for i, c in enumerate(text) if c == " "]


def is_glued_match(text: str) -> bool:
    half, odd = divmod(len(text), 2)
    return not odd and half > 0 and text[:half] == text[half:]


def page_is_cased(texts: list[str]) -> bool:
    """Whether capital letters carry information on this page (not an all-lower-case text)."""
    sample = "".join(texts)[:200_000]
    letters = sum(map(str.isalpha, sample))
    upper = sum(map(str.isupper, sample))
    return letters > 0 and upper / letters > 0.01


def _ends_sentence(word: str) -> bool:
    return (_FINAL.search(word) is not None and not is_abbreviation(word)
            and _QUOTE_AFTER_COMMA.search(word) is None)


def _is_sentence_break(before: str, after: str, cased: bool) -> bool:
    """Final punctuation, then (where capitals carry information) a capital."""
    return _ends_sentence(before) and (not cased or _START.match(after) is not None)


def sentence_break_odds(paragraphs: list[str], cased: bool) -> float:
    """Log-odds that a sentence break ends a paragraph, from paragraphs known on the page.

    If paragraphs hold m sentences on average (a geometric count), a sentence break ends the
    paragraph with probability 1/m: the odds are 1/(m-1). Few known paragraphs give the default.
    """
    if len(paragraphs) < MIN_KNOWN_PARAGRAPHS:
        return DEFAULT_SENTENCE_BREAK
    breaks = 0
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        breaks += sum(_is_sentence_break(words[k - 1], words[k], cased) for k in range(1, len(words)))
    extra_sentences = (breaks + 1) / (len(paragraphs) + 1)  # m - 1, smoothed
    odds = -math.log(extra_sentences)
    return max(-MAX_SENTENCE_BREAK, min(MAX_SENTENCE_BREAK, odds))


def _shared_ends(text: str, starts: list[int]) -> list[tuple[int, int, int]]:
    """For each boundary (entry k cuts before word k; entry 0 is unused): how many characters the
    two halves share at their starts and ends together, and the lengths of the old and new half."""
    forward = _z_function(text)
    backward = _z_function(text[::-1])
    size = len(text)
    ends = [(0, 0, 0)]
    for k in range(1, len(starts)):
        cut = starts[k]
        old_len, new_len = cut - 1, size - cut
        shortest = min(old_len, new_len)
        prefix = min(forward[cut], shortest) if cut < size else 0
        # common suffix of text[:cut-1] and text: the reversed text at offset size-cut+1
        suffix = min(backward[size - cut + 1], shortest) if size - cut + 1 < size else 0
        ends.append((min(prefix + suffix, shortest), old_len, new_len))
    return ends


def _similarity_scores(ends: list[tuple[int, int, int]]) -> list[float]:
    """For each boundary, how alike the two halves begin and end (in characters)."""
    scores = [0.0] * len(ends)
    for k, (shared, old_len, new_len) in enumerate(ends):
        if shared >= SIMILARITY_MIN_CHARS:
            ratio = shared / max(old_len, new_len)
            root = SIMILARITY_ROOT * shared ** 0.5 * min(1.0, ratio / SIMILARITY_RATIO)
            scores[k] = min(SIMILARITY_CAP, SIMILARITY_WEIGHT * shared * ratio + root)
    return scores


def _contained_cells(ends: list[tuple[int, int, int]]) -> list[bool]:
    """For each boundary, whether the shorter half is the longer one's start and end, whole: text
    was added inside a paragraph or cut from it (`off topic messages --` / `off topic messages --
    "can anyone help…"`). A paragraph rarely begins by saying its first words twice."""
    return [old_len != new_len and shared >= min(old_len, new_len) >= SIMILARITY_MIN_CHARS
            for shared, old_len, new_len in ends]


def gather_evidence(lines: list[tuple[int, str]], keep_features: bool = False,
                    counts: TextCounts | None = None) -> list[RowEvidence]:
    """Local and page-wide evidence for every body row; `keep_features` keeps each reading's
    features on the row (for learning the weights); `counts` replaces the shipped counts (for
    learning, with text counted apart from the page's article)."""
    if counts is None:
        counts = shipped_counts()
    cased = page_is_cased([text for _, text in lines])
    rows = [RowEvidence(line, text, text.split(" "), word_starts(text), is_glued_match(text))
            for line, text in lines]
    for row in rows:
        row.keys = [word_key(word) for word in row.shown_words]
    known = [row.match_half for row in rows if row.is_match]
    sentence_break = sentence_break_odds(known, cased)
    shapes = PageShapes(known, counts.shapes)
    pairs = word_pairs(rows)
    lower_words = _lower_case_words(rows) if cased else set()
    endings = [ending_keys(row.keys, row.shown_words) for row in rows]
    page_edges = PageEdges(zip((row.keys for row in rows), endings))
    change_score, one_sided_score = weights()
    for row, ending in zip(rows, endings):
        if row.is_match:
            continue
        text, words, starts = row.text, row.words, row.starts
        breaks = [False] + [_is_sentence_break(words[k - 1], words[k], cased) for k in range(1, row.size)]
        one_sided = one_sided_features(text, words, _ends_sentence(words[-1]), sum(breaks), cased, shapes)
        row.one_sided = one_sided_score(one_sided)
        if row.size < 2:
            if keep_features:
                row.features = ([[]], one_sided)
            continue
        finals = [False] + [_ends_sentence(words[k - 1]) for k in range(1, row.size)]
        capitals = [False] + [cased and _START.match(words[k]) is not None for k in range(1, row.size)]
        common_capitals = [False] + [capitals[k] and _uncapitalised(words[k]) in lower_words
                                     for k in range(1, row.size)]
        ends = _shared_ends(text, starts)
        similarity = _similarity_scores(ends)
        digits_masked = masked(text)
        masked_similarity = (similarity if digits_masked == text
                             else _similarity_scores(_shared_ends(digits_masked, starts)))
        change = change_features(text, words, row.keys, ending, starts, breaks, finals, capitals,
                                 common_capitals, similarity, masked_similarity,
                                 _contained_cells(ends),
                                 _cut_pairs(words, pairs), sentence_break, cased, counts.edges,
                                 page_edges, shapes)
        row.boundary = [0.0] + [change_score(change[k]) for k in range(1, row.size)]
        for k in range(1, row.size):  # the two cells of a change row are never equal or empty
            old_chars, new_chars = starts[k] - 1, len(text) - starts[k]
            if (not old_chars or not new_chars
                    or (old_chars == new_chars and text[:old_chars] == text[starts[k]:])):
                row.boundary[k] = float("-inf")
        if keep_features:
            row.features = (change, one_sided)
    _link_repeats(rows)
    return rows


def _uncapitalised(word: str) -> str:
    """The word as it would read inside a sentence if only its capital came from starting one."""
    bare = bare_word(word)
    return bare[:1].lower() + bare[1:]


def _lower_case_words(rows: list[RowEvidence]) -> set[str]:
    """The words the page writes with a small first letter (without the punctuation around)."""
    return {bare_word(word) for row in rows for word in row.shown_words if word[:1].islower()}


def word_pairs(rows: list[RowEvidence]) -> Counter[tuple[str, str]]:
    """How often each two words follow each other on the page, in lower case (a glued match
    row counts once, without the pair its glue makes)."""
    pairs: Counter[tuple[str, str]] = Counter()
    for row in rows:
        pairs.update(pairwise(w.lower() for w in row.shown_words))
    return pairs


def _cut_pairs(words: list[str], page_pairs: Counter[tuple[str, str]]) -> list[tuple[int, int]]:
    """For each cut of a row (entry k cuts before word k; entry 0 is unused): how often its two
    words follow each other elsewhere on the page, and elsewhere in the row itself. Inside one
    paragraph they often do; across the cut between two paragraphs they rarely do."""
    pairs = list(pairwise(w.lower() for w in words))
    own = Counter(pairs)
    return [(0, 0)] + [(page_pairs[pair] - own[pair], own[pair] - 1) for pair in pairs]


def _link_repeats(rows: list[RowEvidence]) -> None:
    occurrences: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for index, row in enumerate(rows):
        for p in range(len(row.keys) - TRIGRAM + 1):
            places = occurrences.setdefault(tuple(row.keys[p:p + TRIGRAM]), [])
            if row.is_match:  # seen in both versions
                places.extend([(-1, 0), (-1, 0)])
            else:
                places.append((index, p))
    for places in occurrences.values():
        if len(places) != 2:
            continue
        (r1, p1), (r2, p2) = places
        if r1 < 0 or r2 < 0:
            continue
        if r1 == r2:
            rows[r1].self_pairs.append((p1, p2))
        else:
            rows[r1].cross_pairs.append((p1, r2, p2))
            rows[r2].cross_pairs.append((p2, r1, p1))
    for row in rows:
        _weigh_repeats(row)


def _weigh_repeats(row: RowEvidence) -> None:
    """The trigrams one row shares with another are one piece of evidence, weighed by their number.

    A long shared passage shows where the text went, so its weight grows with the number of
    trigrams, up to REPEAT_CAP: passages repeated within one version (lists, tables,
    boilerplate) also occur, so no single link may be decisive. A link of one trigram has a
    negative weight: it pulls its two occurrences into the same column.
    """
    shared = Counter(other for _, other, _ in row.cross_pairs)
    row.pair_weight = {other: min(REPEAT_CAP, LINK_SLOPE * (count - LINK_NEUTRAL)) / count
                       for other, count in shared.items()}
