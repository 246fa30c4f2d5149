"""What the text of one row says about how to read it, as features with learned weights.

For a change reading that starts the new cell at word k, the features ask whether each cell
reads as a whole paragraph and whether the two cells read as two forms of one paragraph:

* the paragraph-end cues at the boundary (final punctuation, a capital, wiki markup that opens
  or closes a paragraph), and the page's own odds that a sentence break ends a paragraph; a
  capital without final punctuation before it counts more when the page writes the word with a
  small letter elsewhere (`Whether`, `Support`: a sentence starts there, so a paragraph without
  final punctuation, a heading or a byline, may end before it) than on a name (`Iran`, `US`);
* whether each cell is balanced (brackets, braces, curly quotes, straight double quotes): a
  cut inside a parenthesis or a `[[link]]` leaves both cells unbalanced;
* how often the word before the boundary ends a paragraph and the word after it begins one
  (`edges`), which decides where lower-case text and headings give no punctuation, and how
  often the words (and the two words) at the boundary end and begin the page's own rows
  (`edges.PageEdges`): the items of a list, headings, signatures;
* how alike each cell is to the paragraphs the page shows (`shapes`): a row that glues two items
  of a list reads as two of them;
* whether the two words at the boundary follow each other elsewhere on the page, or elsewhere in
  the row (`evidence`): inside a paragraph they often do, across a paragraph break rarely;
* how alike the two cells begin and end, in characters, also with digits masked (so that
  `3.9% (2004 est.)` and `5.2% (2005 est.)` are the same shape), whether the shorter cell is
  the longer one's start and end, whole (words added or cut inside), their first and last
  words, whether both begin with the same two words (two items of one list, `crude oil 4,350
  km; …` / `crude oil 5,432 km; …`), the words they share (compared by `word_key`) and the
  ratio of their lengths; cells of one or two words.

A one-sided reading has features of its own (the row's balance, length and sentences). Cased
pages (news) get features of their own for the change reading and its sentence breaks, a colon
or semicolon before a capital apart from the other sentence ends: in news text it mostly goes
on (`BREAKING: Pentagon …`, `Qassem Soleimani: Who was …`), where lower-case headings end on it.
Text repeated within a row (its occurrences should fall on both sides of the boundary) and
between rows (see `evidence`) gets learned weights too. The weights are learned from flattened
pages with known truth (benchmarks/split_training.py) and shipped in `weights.json`. A reading's
score, in log-odds, is the dot product of its features with the weights plus, for the features
that take many values, a learned change of slope at each of a few knots (`Bend`), up to a cap:
the score is piecewise linear in them. The words two cells share count little while they are few
and much once they are many; a word pair at the cut that the page shows elsewhere counts against
the cut most for its first few uses.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from revdiff.splitter.edges import EdgeWords, PageEdges
from revdiff.splitter.learned import learned
from revdiff.splitter.shapes import PageShapes

CHANGE_FEATURES = (
    "change", "sentence_break", "sentence_break_page_odds", "final_only", "capital_only",
    "common_word_capital", "markup_start", "markup_end", "similarity", "masked_similarity",
    "contained_cell", "same_first_word", "same_first_two", "same_last_word", "shared_words",
    "length_ratio", "one_word_cell", "two_word_cell", "old_unbalanced", "new_unbalanced",
    "cased_change", "cased_sentence_break", "cased_colon_break", "edge_end", "edge_start",
    "page_shapes", "cut_pair_on_page", "cut_pair_in_row", "page_end", "page_start",
    "page_end_share", "page_start_share", "page_end_two", "page_start_two",
)
ONE_SIDED_FEATURES = ("one_sided_unbalanced", "one_sided_log_words", "one_sided_final",
                      "one_sided_sentences", "cased_one_sided_sentences", "one_sided_page_shape")

_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"))
_BALANCED_CHARACTERS = frozenset("".join(a + b for a, b in _BRACKETS) + '"')
_MARKUP_START = ("[[", "{{", "|", "*", "#", "==", "{|", "<", "!")
_MARKUP_END = ("]]", "}}", "==", "|}", ">")
_DIGIT = re.compile(r"\d")
_PUNCTUATION_AROUND = "\"'“”‘’()[]{}.,;:!?…*"


def word_key(word: str) -> str:
    """A word as compared with other words: lower case, without the punctuation around it (an
    edit that adds a comma after a word keeps the word), unless it is all punctuation."""
    lowered = word.lower()
    return lowered.strip(_PUNCTUATION_AROUND) or lowered


def bare_word(word: str) -> str:
    """A word without the punctuation around it, its case kept."""
    return word.strip(_PUNCTUATION_AROUND)


@dataclass(frozen=True, slots=True)
class Bend:
    """A feature's change of slope past each of its knots (in increasing order); past `cap`,
    the largest value common in the tuning pages, only the feature's own weight goes on."""

    index: int
    cap: float
    knots: tuple[tuple[float, float], ...]

    def score(self, value: float) -> float:
        value = min(value, self.cap)
        total = 0.0
        for knot, slope in self.knots:
            if value <= knot:
                break
            total += slope * (value - knot)
        return total


@dataclass(frozen=True, slots=True)
class Scorer:
    """The score of a reading from its features: a weight per feature, and bends for the
    features that take many values."""

    weight: tuple[float, ...]
    bends: tuple[Bend, ...] = ()

    def __call__(self, features: Sequence[float]) -> float:
        total = sum(map(operator.mul, features, self.weight))
        for bend in self.bends:
            total += bend.score(features[bend.index])
        return total

    def parts(self, features: Sequence[float]) -> list[float]:
        """What each feature adds to the score."""
        parts = list(map(operator.mul, features, self.weight))
        for bend in self.bends:
            parts[bend.index] += bend.score(features[bend.index])
        return parts


def _scorer(data: dict[str, Any], kind: str, names: Sequence[str]) -> Scorer:
    bends = data["bends"][kind]
    return Scorer(tuple(float(data[kind][name]) for name in names),
                  tuple(Bend(names.index(name), float(bend["cap"]),
                             tuple((float(k), float(s)) for k, s in bend["knots"]))
                        for name, bend in bends.items()))


@cache
def weights() -> tuple[Scorer, Scorer]:
    """The learned scorers of the change readings and of the one-sided readings."""
    data = learned()
    return _scorer(data, "change", CHANGE_FEATURES), _scorer(data, "one_sided", ONE_SIDED_FEATURES)


@cache
def repeat_weights() -> tuple[float, float]:
    """Learned weights of the repeated-text evidence: per trigram repeated within a row that
    the boundary separates, and the multiplier of the links between rows (`evidence`)."""
    data = learned()["repeats"]
    return data["self_repeats"], data["links"]


@cache
def side_priors() -> dict[str, float]:
    """Learned log-odds, per side, that a gap ends in one-sided rows on that side rather than
    reading as change rows only."""
    data = learned()
    return {"old": data["old_side"], "new": data["new_side"]}


def _imbalance(text: str) -> tuple[int, ...]:
    """Per bracket kind, opened minus closed; then the number of straight double quotes."""
    return (*(text.count(a) - text.count(b) for a, b in _BRACKETS), text.count('"'))


def _unbalanced(counts: Sequence[int]) -> bool:
    """A bracket opened and not closed (or the reverse), or an odd number of straight quotes."""
    return any(counts[:-1]) or counts[-1] % 2 == 1


def change_features(text: str, words: list[str], keys: list[str], endings: list[str],
                    starts: list[int], breaks: list[bool], finals: list[bool], capitals: list[bool],
                    common_capitals: list[bool], similarity: list[float],
                    masked_similarity: list[float], contained: list[bool],
                    cut_pairs: list[tuple[int, int]], page_odds: float, cased: bool,
                    edges: EdgeWords, page_edges: PageEdges, shapes: PageShapes
                    ) -> list[list[float]]:
    """Features of every change reading of a row; entry k is the reading that starts the new cell
    at word k (entry 0 is unused). `keys` are the words as compared (`word_key`), `endings` as
    they compare where they end a row (`edges.ending_keys`); `breaks[k]`, `finals[k]` and
    `capitals[k]` are the boundary cues before word k, `common_capitals[k]` says the capital is
    on a word the page elsewhere writes with a small letter (so the capital starts a sentence);
    `cut_pairs[k]` how often its two words follow each other elsewhere on the page and elsewhere
    in the row; `edges` says how often each word ends or begins a paragraph, `page_edges` how
    often it ends or begins the page's rows; `shapes` how alike the cells are to the paragraphs
    the page shows; `cased` says whether capitals carry information on the page (news pages are
    cased; the corpus's Wikipedia text is not, and its paragraphs are longer)."""
    size = len(words)
    page_cuts = page_edges.cuts(keys, endings)
    total = _imbalance(text)
    old_counts = [0] * len(total)
    # shared content words between the halves, kept up to date as words move to the old cell
    content = [w if len(w) > 3 else None for w in keys]
    new_count: dict[str, int] = {}
    for w in content:
        if w is not None:
            new_count[w] = new_count.get(w, 0) + 1
    old_count: dict[str, int] = {}
    shared = 0
    distinct = len(new_count)  # every word is in one cell or the other, whatever the boundary
    features: list[list[float]] = [[]]
    for k in range(1, size):
        moved = content[k - 1]
        if moved is not None:
            before = old_count.get(moved, 0) > 0 and new_count[moved] > 0
            old_count[moved] = old_count.get(moved, 0) + 1
            new_count[moved] -= 1
            after = new_count[moved] > 0
            shared += int(after and not before) - int(before and not after)
        if not _BALANCED_CHARACTERS.isdisjoint(words[k - 1]):
            for i, count in enumerate(_imbalance(words[k - 1])):
                old_counts[i] += count
        new_counts = [t - o for t, o in zip(total, old_counts)]
        old_chars, new_chars = starts[k] - 1, len(text) - starts[k]
        shortest = min(k, size - k)
        brk = breaks[k]
        colon = brk and endings[k - 1].endswith((":", ";"))  # through closing quotes
        bare_capital = capitals[k] and not brk and not finals[k]
        features.append([
            1.0,
            float(brk),
            page_odds if brk else 0.0,
            float(finals[k] and not brk),
            float(bare_capital),
            float(bare_capital and common_capitals[k]),
            float(words[k].startswith(_MARKUP_START)),
            float(words[k - 1].endswith(_MARKUP_END)),
            similarity[k] / 10.0,
            max(0.0, masked_similarity[k] - similarity[k]) / 10.0,
            float(contained[k]),
            float(keys[0] == keys[k]),
            float(k >= 2 and k + 1 < size and keys[:2] == keys[k:k + 2]),
            float(keys[k - 1] == keys[-1]),
            shared / distinct if distinct else 0.0,
            abs(math.log((old_chars + 1) / (new_chars + 1))),
            float(shortest == 1),
            float(shortest == 2),
            float(_unbalanced(old_counts)),
            float(_unbalanced(new_counts)),
            float(cased),
            float(cased and brk and not colon),
            float(cased and brk and colon),
            edges.ends(words[k - 1]),
            edges.begins(words[k]),
            shapes.score(k, words[0], words[k - 1]) + shapes.score(size - k, words[k], words[-1]),
            math.log1p(cut_pairs[k][0]),
            math.log1p(cut_pairs[k][1]),
            *page_cuts[k],
        ])
    return features


def one_sided_features(text: str, words: list[str], final: bool, sentence_breaks: int,
                       cased: bool, shapes: PageShapes) -> list[float]:
    sentences = math.log1p(sentence_breaks)
    return [float(_unbalanced(_imbalance(text))), math.log(len(words)), float(final), sentences,
            sentences if cased else 0.0, shapes.score(len(words), words[0], words[-1])]


def masked(text: str) -> str:
    """The text with every digit made 0: numbers that changed keep their shape."""
    return _DIGIT.sub("0", text)
