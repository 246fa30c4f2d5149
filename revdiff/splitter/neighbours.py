"""What neighbouring pages of one article say about a page: its old column is the previous
page's new column, and its new column the next page's old column."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

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
    previous_new: ParagraphIndex | None = None  # the page before: its new column is our old one
    next_old: ParagraphIndex | None = None  # the page after: its old column is our new one


