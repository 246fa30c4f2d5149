"""What neighbouring pages of one article say about a page: its old column is the previous
page's new column, and its new column the next page's old column."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass


class ParagraphIndex:
    """The paragraphs a neighbouring page could hold in one of its columns, for exact checks.

    An old cell starts its row and a new cell ends it, so the rows are kept sorted (reversed for
    the new column); the rows that could begin with a paragraph are then found by binary search.
    """

    def __init__(self, lines: Iterable[str], column: str) -> None:
        self.reverse = column == "new"
        self.keys = sorted(text[::-1] if self.reverse else text for text in lines)

    def holds(self, paragraph: str) -> bool:
        """Could `paragraph` be a cell of this column on the neighbouring page?

        True when some row is the paragraph alone (one-sided), twice (a match), or begins with
        it followed by a space (a change row; for the new column, ends with it after a space).
        """
        key = paragraph[::-1] if self.reverse else paragraph
        size = len(key)
        for index in range(bisect_left(self.keys, key), len(self.keys)):
            text = self.keys[index]
            if not text.startswith(key):
                return False
            if len(text) == size or text[size] == " " or text == key + key:
                return True
        return False


@dataclass(slots=True)
class Neighbours:
    previous_new: ParagraphIndex | None = None  # the page before: its new column is our old one
    next_old: ParagraphIndex | None = None  # the page after: its old column is our new one


