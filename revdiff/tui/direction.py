"""Right-to-left text (Arabic, Hebrew) on a line for a terminal that lays it out itself. No Textual
import."""

from __future__ import annotations

import unicodedata

# A left-to-right mark (U+200E, no cell of its own). A terminal that lays out right-to-left text
# itself (the Unicode bidirectional algorithm) takes a line's direction from its first letter, and
# gives the spaces between two runs of Arabic or Hebrew their direction, drawing the second run
# left of the first: a mark before the second keeps the two in the order they are stored.
LEFT_TO_RIGHT_MARK = "\u200e"
_RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})  # Hebrew, Arabic and its digits, Syriac, ...


def holds_right_to_left(text: str) -> bool:
    """Whether `text` holds a character written right to left."""
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in _RIGHT_TO_LEFT for char in text)
