"""How alike two sentences are, and the cheap keys used to find likely pairs quickly.

Similarity is the mean of two longest-common-subsequence shares: over characters (robust to
spelling fixes and inflections) and over word tokens (unrelated sentences share many letters but few
words in order). Each is `1 - normalized insert/delete distance`, i.e. the share of items, in both
texts together, that lie in their longest common subsequence.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from revdiff.engine.word_count import UNSPACED
from revdiff.engine.words import WORD, goes_on

_SPACES = re.compile(r"\s+")
_TOKENS = re.compile(rf"{WORD}|[^\w\s]")
_ASCII_TOKENS = re.compile(r"\w+|[^\w\s]")  # the same, faster, for ASCII text
# A character `str.isalnum` takes: `\w` is those and the underscore.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD_START = re.compile(rf"[^\W{UNSPACED}]")
_UNSPACED_RUNS = re.compile(f"[{UNSPACED}]{{2,}}")
# Typography that does not count as a change: curly quotes and guillemets become straight quotes,
# dashes, Unicode's hyphens (NFKC makes the no-break hyphen U+2011 one) and the minus sign
# hyphens, no-break spaces spaces; zero-width spaces go. Also used by the flags.
TYPOGRAPHY = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                            "‚": "'", "\u00a0": " ", "\u200b": "", "–": "-", "—": "-",
                            "\u2010": "-", "\u2012": "-", "\u2212": "-"})


# Superscript and subscript digits and signs keep a mark through NFKC, which would fold `10⁵`
# into `105` (a number, not a typographic variant). A private-use character, which NFKC keeps.
_RAISED_OR_LOWERED = str.maketrans({
    chr(code): "\ue000" + chr(code) for code in (0xB2, 0xB3, 0xB9, *range(0x2070, 0x208F))
    if unicodedata.decomposition(chr(code)).startswith(("<super>", "<sub>"))})


def compatibility_form(text: str) -> str:
    """NFKC (ligatures, full-width forms and no-break spaces folded) with typography made plain,
    but `10⁵` kept apart from `105`. The form of `comparable_form` and of the flags' `boring`."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text.translate(_RAISED_OR_LOWERED)).translate(TYPOGRAPHY)


# A chain's comparisons keyed each version's sentences for its pair with the version before and
# again for the one after, and the sentences the versions share in each: a fifth of a live blog's
# chain of comparisons. The keys of the last sentences keyed are kept (more than a live blog's
# version holds, else each would be dropped before its next use).
@functools.lru_cache(maxsize=2**16)
def match_key(text: str) -> str:
    """The form in which two sentences count as identical: whitespace runs collapsed, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def comparable_form(text: str) -> str:
    """The form similarity is measured on: case, quote style, dashes and spacing do not count."""
    return _SPACES.sub(" ", compatibility_form(text)).strip().casefold()


@dataclass(frozen=True, slots=True)
class Form:
    """A sentence prepared for comparison: its comparable characters and its word tokens."""

    chars: str
    words: tuple[str, ...]
    # Its `content_tokens`, found when first asked for: a sentence without an identical partner
    # is looked up by them in each step of the alignment, and a near-total deletion (a 43 MB
    # version to two lines) found each sentence's four times.
    found_tokens: frozenset[str] | None = field(default=None, compare=False, repr=False)
    # Its `words_only`, found when first asked for: a near-total deletion (a 5 MB version to two
    # lines) asks it of each of 36,000 sentences several times, too many for a cache of the last.
    found_words_only: Form | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, text: str) -> Form:
        chars = comparable_form(text)
        return cls(chars, tuple(_ASCII_TOKENS.findall(chars)) if chars.isascii() else _words(chars))

    @classmethod
    def joined(cls, forms: list[Form]) -> Form:
        """The forms read as one sentence; one form is itself, with what was found of it."""
        if len(forms) == 1:
            return forms[0]
        return cls(" ".join(form.chars for form in forms),
                   tuple(word for form in forms for word in form.words))


def _words(chars: str) -> tuple[str, ...]:
    """The word tokens of a text that is not ASCII, each word whole: the word pattern leaves
    combining marks out, so that a Devanagari word such as `सेना` came as `स`, `े`, `न`, `ा`, and
    unrelated sentences in Hindi, Bengali or Arabic with its vowel marks shared "words" as they
    share letters. Thai, Lao, Khmer and Myanmar put no spaces between words: there each letter
    with its marks is a word, as `words.tokenize` has it (`ขีปนาวุธ` is `ขี`, `ป`, `น`, `า`,
    `วุ`, `ธ`; the marks cut it in three, so that an edited Thai sentence shared few words)."""
    words: list[list[str]] = []  # each word's tokens, joined at the end: a word of many tokens
    word_end = -1                # joined token by token is copied again at each (quadratic)
    for match in _TOKENS.finditer(chars):
        token = match.group()
        if match.start() == word_end:
            tokens = words[-1]
            # What the tests read of the word: its start, its end and a pair of flags' letters.
            word = tokens[0] if len(tokens) == 1 else tokens[0] + tokens[-1]
            if goes_on(word, token):
                tokens.append(token)
                word_end = match.end()
                continue
        words.append([token])
        word_end = match.end()
    return tuple("".join(tokens) for tokens in words)


# Above this many cells (length times length) the exact subsequence share would take seconds
# (about 0.16 s per 10**10 here); such giant "sentences" use the multiset overlap instead.
MAX_EXACT_CELLS = 2 * 10**10


def shared_share(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Share of items of both sequences in their longest common subsequence.

    For giant inputs, the share of items the two have in common regardless of order: an upper
    bound of the same quantity, computed in linear time.
    """
    if len(a) * len(b) <= MAX_EXACT_CELLS:
        return Indel.normalized_similarity(a, b)
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def is_giant_pair(a: Form, b: Form) -> bool:
    """Whether exact similarity of the two would take seconds (see MAX_EXACT_CELLS)."""
    return len(a.chars) * len(b.chars) > MAX_EXACT_CELLS


def form_similarity(a: Form, b: Form) -> float:
    return (shared_share(a.chars, b.chars) + shared_share(a.words, b.words)) / 2


def share_bound(a: int, b: int) -> float:
    """An upper bound of `shared_share` of sequences of `a` and `b` items: a common subsequence is
    no longer than the shorter."""
    return 2 * min(a, b) / (a + b) if a + b else 1.0


def similarity_bound(a: Form, b: Form) -> float:
    """An upper bound of `form_similarity(a, b)` from lengths alone: a common subsequence is no
    longer than the shorter text, so texts of very different lengths cannot be alike."""
    return (share_bound(len(a.chars), len(b.chars)) + share_bound(len(a.words), len(b.words))) / 2


def similarity(a: str, b: str) -> float:
    """0..1 similarity of two texts (1 when equal up to case, quote style and spacing)."""
    return form_similarity(Form.of(a), Form.of(b))


def containment(part: Form, whole: Form) -> float:
    """Share of `part`'s words that appear, in order, in `whole` (1 when it is a subsequence)."""
    if not part.words:
        return 0.0
    distance = Indel.distance(part.words, whole.words)
    common = (len(part.words) + len(whole.words) - distance) / 2
    return common / len(part.words)


def content_tokens(form: Form) -> frozenset[str]:
    """`topic_tokens` of the sentence, found once and kept on its form."""
    if form.found_tokens is None:
        tokens = topic_tokens(form)
        object.__setattr__(form, "found_tokens", tokens)  # a cache: the form stays as it was
        return tokens
    return form.found_tokens


def words_only(form: Form) -> Form:
    """The sentence with its word tokens that hold a letter or a digit only, not its marks;
    found once and kept on its form."""
    if form.found_words_only is None:
        only = Form(form.chars, letter_or_digit_words(form.words))
        object.__setattr__(form, "found_words_only", only)  # a cache: the form stays as it was
        return only
    return form.found_words_only


def letter_or_digit_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that hold a letter or a digit (a character `str.isalnum` takes)."""
    return tuple(filter(_LETTER_OR_DIGIT.search, words))


def topic_tokens(form: Form) -> frozenset[str]:
    """Words that identify a sentence's topic: at least four letters (a mark counts with its
    letter: `सेना`), or numbers; in Chinese and Japanese, which have no spaces, each two
    ideographs or kana that follow each other."""
    words = {word for word in form.words
             if _WORD_START.match(word) and (len(word) >= 4 or word.isdigit())}
    if not form.chars.isascii():
        words.update(run[at:at + 2] for run in _UNSPACED_RUNS.findall(form.chars)
                     for at in range(len(run) - 1))
    return frozenset(words)
