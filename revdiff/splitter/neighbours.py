"""What other pages of one article say about a page: a page that shows one of its versions
(the previous page's new column is its old column, the next page's old column its new one; a
page comparing other versions may show either in either column) holds its paragraphs."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from revdiff.splitter.symbols import has_droppable, is_droppable, symbol_key


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

    def holds_cells(self, words: Sequence[str], column: str) -> list[bool]:
        """`holds` of the cell in `column` ("old" or "new") that each cut of the row
        `" ".join(words)` leaves: entry k (1 <= k < len(words)) for the cut before word k, the old
        cell (the row's first k words) or the new cell (its words from k on); entry 0 is unused.

        The row and its text without droppable symbols are joined once, and each cell is a slice
        of them (`holds` looks for each cell's symbols anew, word by word in Python, which made a
        long row's cuts cost its length squared there). Where the cells grow at the end this
        index compares (old cells against rows kept as they read, new cells against rows kept
        reversed), once no row begins with a cell none begins with the longer ones, and those are
        not looked up."""
        count = len(words)
        held = [False] * max(count, 1)
        droppable = [is_droppable(word) for word in words]
        text = " ".join(words)
        kept = " ".join(word for word, drop in zip(words, droppable, strict=True) if not drop)
        grows_at_end = (column == "new") == self.reverse
        cuts = range(1, count) if column == "old" else range(count - 1, 0, -1)
        exact_open = kept_open = True
        length = kept_length = -1  # of the cell so far, counting the space before its next word
        kept_words = 0
        droppable_in_cell = False
        for cut in cuts:
            word = cut - 1 if column == "old" else cut
            length += len(words[word]) + 1
            if not droppable[word]:
                kept_words += 1
                kept_length += len(words[word]) + 1
            droppable_in_cell = droppable_in_cell or droppable[word]
            if exact_open:
                began, held[cut] = _row_begun(self.keys, self._cell_key(text, length, column))
                exact_open = began or not grows_at_end
            if held[cut] or not kept_open or not (self.any_droppable or droppable_in_cell):
                continue
            key = self._cell_key(kept, kept_length, column) if kept_words else ""
            began, held[cut] = _row_begun(self.symbol_keys, key)
            kept_open = began or not key or not grows_at_end
            if not (exact_open or kept_open):
                break
        return held

    def _cell_key(self, row: str, length: int, column: str) -> str:
        """The cell of `length` characters at the start (old column) or end (new column) of
        `row`, oriented as this index keeps its rows."""
        cell = row[:length] if column == "old" else row[len(row) - length:]
        return self._oriented(cell)


def _row_begun(rows: list[str], key: str) -> tuple[bool, bool]:
    """Whether some row begins with `key` at all, and whether one begins with it as a cell
    (`_begins_a_row`)."""
    index = bisect_left(rows, key)
    if index == len(rows) or not rows[index].startswith(key):
        return False, False
    return True, _begins_a_row(rows, key, index)


def _begins_a_row(rows: list[str], key: str, start: int | None = None) -> bool:
    size = len(key)
    for index in range(bisect_left(rows, key) if start is None else start, len(rows)):
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
