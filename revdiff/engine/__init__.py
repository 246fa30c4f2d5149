"""The diff engine: sentences, alignment, edits, word diffs, flags and statistics.

`compare(old, new)` is the one entry point the rest of revdiff needs; the modules below it can be
used on their own (e.g. `align_sentences` on sentences that are already split).
"""

from __future__ import annotations

from revdiff.engine.align import Link, align_sentences
from revdiff.engine.compare import (
    SENTENCE_MODES,
    UnknownSentenceMode,
    compare,
    sentences_of,
)
from revdiff.engine.sentences import split_sentences
from revdiff.engine.words import word_diff

__all__ = [
    "SENTENCE_MODES",
    "Link",
    "UnknownSentenceMode",
    "align_sentences",
    "compare",
    "sentences_of",
    "split_sentences",
    "word_diff",
]
