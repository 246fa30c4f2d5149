"""Whether a number before a full stop numbers an item of a list written into a paragraph
(`1. First, check the facts. 2. Then publish.`, `Results: 1. Smith 2. Jones.`)."""

from __future__ import annotations

from revdiff.engine.abbreviations import BEFORE_NUMBER, word_ends_a_sentence
from revdiff.engine.sentence_edges import end_of_text_before, word_before

# How far apart, in characters, the numbers of a list's items written into a sentence may be
# (`Results: 1. Smith 2. Jones.`), and how many items such a list may have.
LIST_ITEM_REACH = 100
LIST_ITEMS_IN_A_SENTENCE = 20


def is_numbered_by(word: str) -> bool:
    """Whether a number after `word` is what it abbreviates the name of (`No. 2`, `Vol. 3`),
    never a list's item."""
    return word.lower().removesuffix(".") in BEFORE_NUMBER


def numbers_a_list_item(paragraph: str, start: int, number: int) -> bool:
    """Whether `number`, written at `start` before a full stop, numbers an item of a list that
    opens after a colon, a sentence's end or the paragraph's start (`Results: 1. Smith 2. Jones.`):
    `1.` there before a `2.`, or a later number, up to LIST_ITEMS_IN_A_SENTENCE, after the items
    before it, each within LIST_ITEM_REACH characters of the next; elsewhere a number before a
    full stop may end a sentence (`Score: 1. Then we left.`, `He came 2. Jones won.`)."""
    if number > LIST_ITEMS_IN_A_SENTENCE:
        return False
    if number == 1:
        second = paragraph.find(" 2. ", start, start + LIST_ITEM_REACH)
        return (second >= 0 and paragraph.rfind(" 1. ", start, second) < 0
                and _opens_a_list(paragraph, start))
    item_start = start
    for earlier in range(number - 1, 0, -1):
        found = paragraph.rfind(f" {earlier}. ", max(0, item_start - LIST_ITEM_REACH), item_start)
        if found >= 0:
            item_start = found + 1
        elif item_start <= LIST_ITEM_REACH and paragraph.startswith(f"{earlier}. "):
            item_start = 0
        else:
            return False
    return _opens_a_list(paragraph, item_start)


def _opens_a_list(paragraph: str, start: int) -> bool:
    """Whether a list's first item may begin at `start`: after a colon or a word that ends a
    sentence, or at the paragraph's start."""
    text_end = end_of_text_before(paragraph, start)
    return paragraph[text_end - 1:text_end] == ":" or word_ends_a_sentence(
        word_before(paragraph, text_end))
