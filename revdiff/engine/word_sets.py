"""The engine's word tables are sets of words, written as one space-separated list each."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, for the engine's word tables."""
    return frozenset(words.split())
