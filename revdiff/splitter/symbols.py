"""Symbols the text extractor drops when it flattens a diff page.

The flattener (Resiliparse, like many text extractors) drops some stand-alone symbol tokens that
the word diff wrapped in an element of their own: dashes, bullets, `m³`, `≥`, `1½`, a few short
non-ASCII words (see ../shared/corpus/README.md). The same paragraph then appears with its
symbol on one page and without it on the next. Two texts that differ only by such tokens have
the same `symbol_key`; pages of a chain are fitted to each other by these keys, and each
paragraph keeps its fullest text from whichever page kept the symbol.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_DROPPABLE_CHARS = 3


def is_droppable(token: str) -> bool:
    """A short token with a character outside ASCII: a token the flattener may drop."""
    return 0 < len(token) <= MAX_DROPPABLE_CHARS and not token.isascii()


def has_droppable(text: str) -> bool:
    return not text.isascii() and any(is_droppable(token) for token in text.split(" "))


def symbol_key(text: str) -> str:
    """The text without the tokens the flattener may drop."""
    if text.isascii():
        return text
    return " ".join(token for token in text.split(" ") if not is_droppable(token))


def same_up_to_symbols(one: str, other: str) -> bool:
    return one == other or symbol_key(one) == symbol_key(other)


def same_paragraphs_up_to_symbols(one: Sequence[str], other: Sequence[str]) -> bool:
    """The same paragraphs, up to symbols the flattener dropped on one of the pages."""
    return len(one) == len(other) and all(map(same_up_to_symbols, one, other))


def kept_words_end(text: str, words: int) -> int | None:
    """The character offset in `text` just after its `words`-th token that is not droppable
    (None when it has fewer)."""
    if words == 0:
        return 0
    offset = 0
    for token in text.split(" "):
        offset += len(token) + 1
        if not is_droppable(token):
            words -= 1
            if words == 0:
                return offset - 1
    return None


def fullest(one: str, other: str) -> str:
    """Of two texts of one paragraph, the one that kept more symbols."""
    return other if len(other) > len(one) else one
