"""The columns a terminal gives a line of text, character by character as wcwidth counts them,
for the tests that keep documents and screens within a width: counted in characters, `政府` took
two columns where a terminal gives it four, and a decomposed `é` two where it gives it one."""

from __future__ import annotations

import unicodedata

# Categories of the characters a terminal draws in no column of their own: combining marks drawn
# over the character before them (a decomposed accent, the Hindi `े` and `्`) and format
# characters (the zero-width space, the joiners, the byte order mark), but the soft hyphen, which
# terminals draw as a hyphen.
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_SOFT_HYPHEN = "\u00ad"


def _character_columns(character: str) -> int:
    """Two for an East Asian wide or fullwidth character (`政`, `민`, `Ａ`), none for a
    combining mark or a zero-width character, one for any other: a spacing mark (category Mc,
    the Hindi `ा`) among them, as terminals draw it."""
    if unicodedata.east_asian_width(character) in ("W", "F"):
        return 2
    if character != _SOFT_HYPHEN and unicodedata.category(character) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return 1


def terminal_columns(line: str) -> int:
    """The columns a terminal gives `line`."""
    return sum(_character_columns(character) for character in line)
