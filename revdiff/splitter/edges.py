"""How likely a word is to end a paragraph, or to begin one, learned from version texts.

A change row's boundary ends the old paragraph after one word and begins the new one with the
next. Punctuation says much of that (`features`), but lower-case text and headings give no
punctuation: there, the words themselves decide. A cut after `the` or `of` is almost never a
paragraph's end; `history` or `references` often ends one (a heading). For every word seen in
enough different articles, the log-odds that it ends (begins) a paragraph, against its
occurrences inside paragraphs, are counted from the tuning slice's versions
(benchmarks/split_training.py) and shipped in `weights.json`. Words not in the list fall back to
their shape (the kind of their last or first character; closing quotes and brackets are looked
through, so that `region,”` reads as going on and `region.”` as ending), and the odds are
relative to the base rate: 0.0 says nothing.

A page also says it of itself (`PageEdges`): the words, and the two words, that begin and end
its rows (a word that ends a row counted with the punctuation it ends on). A list of `isbn ...`
items or of `nintendo ...` consoles, a run of headings, a talk page's signatures: a cut that
ends the old cell the way the page's rows end, or begins the new cell the way they begin, is
likely a paragraph break.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from revdiff.splitter.learned import learned

MIN_ARTICLES = 40  # a word must occur in this many articles to be listed by itself
SMOOTHING = 10.0  # pseudo-occurrences at the base rate
ROUNDING = 2


def _shape(char: str) -> str:
    if char.isalpha():
        return "a"
    if char.isdigit():
        return "0"
    return char


_CLOSERS = "\"'”’)]"
_SENTENCE_MARKS = frozenset(".,;:!?…")
# Shapes are listed with the words; they begin with a space, which no word holds (a word such
# as `$100` must not pass for a shape).
_END, _START = " $", " ^"


def end_shape(word: str) -> str:
    """The kind of a word's last character; closing quotes and brackets are looked through
    (`region,”` goes on, `region.”` ends a sentence) and marked."""
    core = word.rstrip(_CLOSERS)
    if not core or core == word:
        return _END + _shape(word[-1]) if word else _END
    return _END + _shape(core[-1]) + "+"


def start_shape(word: str) -> str:
    return _START + _shape(word[0]) if word else _START


@dataclass(frozen=True, slots=True)
class EdgeWords:
    """Log-odds, against the base rate, that a word ends a paragraph and that it begins one."""

    ending: dict[str, float]
    beginning: dict[str, float]

    def ends(self, word: str) -> float:
        key = word.lower()
        if key in self.ending:
            return self.ending[key]
        return self.ending.get(end_shape(key), 0.0)

    def begins(self, word: str) -> float:
        key = word.lower()
        if key in self.beginning:
            return self.beginning[key]
        return self.beginning.get(start_shape(key), 0.0)


def _odds(edge: Counter[str], inside: Counter[str], keys: Iterable[str], base: float) -> dict[str, float]:
    """Smoothed log-odds of each key against the base rate, rounded (a listed word at 0.0 still
    says that it is neutral, rather than falling back to its shape)."""
    prior = math.log(base / (1 - base))
    return {key: round(math.log((edge[key] + SMOOTHING * base) / (inside[key] + SMOOTHING * (1 - base)))
                       - prior, ROUNDING) for key in keys}


def learn_edges(articles: Iterable[Sequence[str]]) -> EdgeWords:
    """Count the edge words of the paragraphs of several articles (each a list of distinct
    paragraphs, from all its versions)."""
    ending, before_more, beginning, after_more = (Counter[str](), Counter[str](),
                                                  Counter[str](), Counter[str]())
    seen_in: dict[str, set[int]] = defaultdict(set)
    for number, paragraphs in enumerate(articles):
        for paragraph in paragraphs:
            words = paragraph.lower().split(" ")
            for key in (words[-1], end_shape(words[-1])):
                ending[key] += 1
            for key in (words[0], start_shape(words[0])):
                beginning[key] += 1
            for word in words[:-1]:
                before_more[word] += 1
                before_more[end_shape(word)] += 1
            for word in words[1:]:
                after_more[word] += 1
                after_more[start_shape(word)] += 1
            for word in words:
                seen_in[word].add(number)
    listed = {word for word, where in seen_in.items() if len(where) >= MIN_ARTICLES}
    shapes_end = {key for key in ending | before_more if key.startswith(_END)}
    shapes_start = {key for key in beginning | after_more if key.startswith(_START)}
    edge_count = sum(ending[key] for key in shapes_end)
    word_count = edge_count + sum(before_more[key] for key in shapes_end)
    base = edge_count / word_count if word_count else 0.5
    base = min(max(base, 1e-6), 1 - 1e-6)
    return EdgeWords(_odds(ending, before_more, sorted(listed | shapes_end), base),
                     _odds(beginning, after_more, sorted(listed | shapes_start), base))


@cache
def shipped_edges() -> EdgeWords:
    """The edge words learned from the tuning slice (see benchmarks/split_training.py)."""
    data = learned()["edges"]
    return EdgeWords(data["ending"], data["beginning"])


def ending_keys(keys: Sequence[str], words: Sequence[str]) -> list[str]:
    """The words as compared where they end a row: their key (`features.word_key`) with the
    punctuation they end on, looking through closing quotes and brackets, so that a cut after
    `region,”` does not count as ending like a row that ends `region.`"""
    marked = []
    for key, word in zip(keys, words):
        last = word.rstrip(_CLOSERS)[-1:]
        marked.append(key + last if last in _SENTENCE_MARKS else key)
    return marked


class PageEdges:
    """How often each word, and each two words, begin and end the rows of one page (a glued
    match row counts its paragraph once), against how often the word occurs on the page. A
    word that ends a row is counted with the punctuation it ends on (`ending_keys`)."""

    def __init__(self, rows: Iterable[tuple[Sequence[str], Sequence[str]]]) -> None:
        """`rows`: each row's words as compared (`features.word_key`), and as they end a row
        (`ending_keys`)."""
        self.ends, self.begins = Counter[str](), Counter[str]()
        self.occurrences, self.ending_occurrences = Counter[str](), Counter[str]()
        self.two_ends, self.two_begins = Counter[tuple[str, ...]](), Counter[tuple[str, ...]]()
        for keys, ending in rows:
            self.ends[ending[-1]] += 1
            self.begins[keys[0]] += 1
            self.occurrences.update(keys)
            self.ending_occurrences.update(ending)
            if len(keys) > 1:
                self.two_ends[(keys[-2], ending[-1])] += 1
                self.two_begins[tuple(keys[:2])] += 1

    def cuts(self, keys: Sequence[str], ending: Sequence[str]) -> list[list[float]]:
        """For each cut of a row (`keys`, and `ending` as they end a row; entry k cuts before
        word k, entry 0 is unused): how often the word before it ends other rows of the page
        (log of 1 + the count, then the share of the word's occurrences), likewise how often
        the word after it begins other rows, then how often the two words before it end other
        rows and the two words after it begin them (log of 1 + the count). The row's own ends
        are not counted."""
        own_end, own_begin = ending[-1], keys[0]
        own_two_end = (keys[-2], ending[-1]) if len(keys) > 1 else None
        own_two_begin = tuple(keys[:2])
        features: list[list[float]] = [[]]
        for k in range(1, len(keys)):
            last, first = ending[k - 1], keys[k]
            ends = self.ends[last] - (last == own_end)
            begins = self.begins[first] - (first == own_begin)
            two_last, two_first = (keys[k - 2], last) if k > 1 else None, tuple(keys[k:k + 2])
            two_ends = self.two_ends[two_last] - (two_last == own_two_end) if two_last else 0
            two_begins = (self.two_begins[two_first] - (two_first == own_two_begin)
                          if k < len(keys) - 1 else 0)
            features.append([math.log1p(ends), math.log1p(begins),
                             ends / self.ending_occurrences[last], begins / self.occurrences[first],
                             math.log1p(two_ends), math.log1p(two_begins)])
        return features
