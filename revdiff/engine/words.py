"""Word-level diffs with diff-match-patch: words become single characters, then semantic cleanup."""

from __future__ import annotations

import re
import unicodedata

from diff_match_patch import diff_match_patch

from revdiff.model import Version, WordDiff

# A token is a word, a run of whitespace, or one other character (punctuation stays separate);
# `tokenize` puts combining marks back on the token they belong to.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")
_WORD_START = re.compile(r"\w")


# Sentences are short: they always get the exact diff, cleaned up on their characters. Giant
# "sentences" (a page without punctuation, hostile input) get a diff bounded in time and cleaned
# up on their tokens, because the character-level cleanup is quadratic in the text's length.
GIANT_CHARS = 50_000
GIANT_TIMEOUT_SECONDS = 2.0


def _differ(timeout: float) -> diff_match_patch:
    differ = diff_match_patch()
    differ.Diff_Timeout = timeout
    return differ


_DIFFER = _differ(0)
_GIANT_DIFFER = _differ(GIANT_TIMEOUT_SECONDS)


def _code_point(number: int) -> str:
    """A distinct character for token number `number`, skipping control characters and surrogates."""
    point = number + 0x100
    return chr(point + 0x800 if point >= 0xD800 else point)


def count_words(text: str) -> int:
    """Words as a reader counts them: the runs between spaces that hold a letter or a digit
    (`Iran's` and `3,000` are one word each; a dash or a bullet alone is none)."""
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def version_words(version: Version) -> int:
    """The words of a version's paragraphs, counted as `count_words` counts them."""
    return sum(count_words(paragraph) for paragraph in version.paragraphs)


def is_mark(char: str) -> bool:
    """A combining mark (Unicode category M): a vowel sign, virama, accent or variation selector,
    part of the letter or symbol before it."""
    return unicodedata.category(char).startswith("M")


def tokenize(text: str) -> list[str]:
    """Words, runs of white space, and single other characters. A combining mark stays with what
    it marks, and letters after it go on with that word: the word pattern leaves marks out, so a
    Devanagari word such as `दिन` came as `द`, `ि`, `न`, and a changed vowel sign as no changed
    word."""
    tokens = _TOKENS.findall(text)
    if text.isascii():
        return tokens
    joined: list[str] = []
    for token in tokens:
        if joined and not joined[-1][-1].isspace() and (
                is_mark(token[0]) or (is_mark(joined[-1][-1]) and _WORD_START.match(token))):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def word_diff(old: str, new: str) -> WordDiff:
    """(op, text) runs turning `old` into `new`: -1 deleted, 0 kept, 1 inserted.

    The texts are compared in Unicode's composed form (NFC), so a word that differs only in how
    it is encoded (`é` as one character, or as `e` and a combining accent) is kept, not changed.
    Joining the runs with op <= 0 gives `old` in that form; with op >= 0 gives `new` in it (the
    texts themselves for text already composed, as nearly all text is).
    """
    old, new = unicodedata.normalize("NFC", old), unicodedata.normalize("NFC", new)
    if old == new:
        return ((0, old),) if old else ()
    if not old:
        return ((1, new),)
    if not new:
        return ((-1, old),)
    codes: dict[str, str] = {}
    vocabulary: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for token in tokenize(text):
            code = codes.get(token)
            if code is None:
                code = _code_point(len(vocabulary))
                codes[token] = code
                vocabulary.append(token)
            chars.append(code)
        return "".join(chars)

    old_codes, new_codes = encode(old), encode(new)
    decode = {code: token for token, code in codes.items()}
    if len(old) + len(new) > GIANT_CHARS:
        runs = _GIANT_DIFFER.diff_main(old_codes, new_codes, False)
        _GIANT_DIFFER.diff_cleanupSemantic(runs)
        expanded = [(op, "".join(decode[c] for c in text)) for op, text in runs]
    else:
        runs = _DIFFER.diff_main(old_codes, new_codes, False)
        expanded = [(op, "".join(decode[c] for c in text)) for op, text in runs]
        _DIFFER.diff_cleanupSemantic(expanded)
    return tuple((op, text) for op, text in expanded if text)


def old_side(diff: WordDiff) -> str:
    return "".join(text for op, text in diff if op <= 0)


def new_side(diff: WordDiff) -> str:
    return "".join(text for op, text in diff if op >= 0)
