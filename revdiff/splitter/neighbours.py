"""What other pages of one article say about a page: a page that shows one of its versions
(the previous page's new column is its old column, the next page's old column its new one; a
page comparing other versions may show either in either column) holds its paragraphs."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from revdiff.splitter.symbols import has_droppable, symbol_key


class ParagraphIndex:
    """The paragraphs a neighbouring page could hold in one of its columns.

    An old cell starts its row and a new cell ends it, so the rows are kept sorted (reversed for
    the new column); the rows that could begin with a paragraph are then found by binary search.
    Where the flattener may have dropped symbols, the rows are also kept without them.
    """

    def __init__(self, lines: Iterable[str], column: str) -> None:
        texts = list(lines)
        self.reverse = column == "new"
        self.keys = sorted(self._oriented(text) for text in texts)
        self.symbol_keys = sorted(self._oriented(symbol_key(text)) for text in texts)
        self.any_droppable = any(has_droppable(text) for text in texts)

    def _oriented(self, text: str) -> str:
        return text[::-1] if self.reverse else text

    def holds(self, paragraph: str) -> bool:
        """Could `paragraph` be a cell of this column on the neighbouring page?

        True when some row is the paragraph alone (one-sided), twice (a match), or begins with
        it followed by a space (a change row; for the new column, ends with it after a space),
        exactly or up to dropped symbols.
        """
        if _begins_a_row(self.keys, self._oriented(paragraph)):
            return True
        if self.any_droppable or has_droppable(paragraph):
            return _begins_a_row(self.symbol_keys, self._oriented(symbol_key(paragraph)))
        return False


def _begins_a_row(rows: list[str], key: str) -> bool:
    size = len(key)
    for index in range(bisect_left(rows, key), len(rows)):
        text = rows[index]
        if not text.startswith(key):
            return False
        if len(text) == size or text[size] == " " or text == key + key:
            return True
    return False


@dataclass(slots=True)
class Neighbours:
    old: ParagraphIndex | None = None  # the column of another page that shows our old version
    new: ParagraphIndex | None = None  # the column of another page that shows our new version


class SharedVersion(NamedTuple):
    """Two pages of one article that show one version: page `first`'s `first_side` column ("old"
    or "new") is page `second`'s `second_side` column (pages numbered in the order read)."""

    first: int
    first_side: str
    second: int
    second_side: str

    def reversed(self) -> SharedVersion:
        return SharedVersion(self.second, self.second_side, self.first, self.first_side)
