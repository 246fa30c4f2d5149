"""Where a sentence may end or open around an offset of a paragraph: the word before it, where
the text before it stops, whether a sentence may open there, and the words and marks that open one."""

from __future__ import annotations

from revdiff.engine.word_sets import word_set

# Marks that may open a sentence: quotation marks (German `„` and `»` too), brackets, `¿` and `¡`.
SENTENCE_OPENING_MARKS = "“\"‘'«»„‹([¿¡"


def word_start(paragraph: str, end: int) -> int:
    """Where the word (characters up to white space) that ends at `end` starts, found by scanning
    back (cost: its length, not the offset)."""
    start = end
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    return start


def word_before(paragraph: str, end: int) -> str:
    """The word that ends at `end`, its opening marks left out."""
    return paragraph[word_start(paragraph, end):end].lstrip(SENTENCE_OPENING_MARKS)


def end_of_text_before(paragraph: str, end: int) -> int:
    """Where the text before `end` stops, the spaces before `end` skipped (cost: their number; a
    slice and `rstrip` would copy the paragraph up to `end`, quadratic over a long paragraph)."""
    while end > 0 and paragraph[end - 1].isspace():
        end -= 1
    return end


def opens_sentence(paragraph: str, start: int) -> bool:
    """Whether a sentence may begin at `start`: the paragraph's start, or after a sentence's end
    or an opening quotation mark (a German article is capitalised only there: `Der 3. Platz`,
    where a capitalised `Den 7` inside an English sentence is a name)."""
    text_end = end_of_text_before(paragraph, start)
    return paragraph[text_end - 1:text_end] in ("", ".", "!", "?", ":", *SENTENCE_OPENING_MARKS)


# Words that say when and open a sentence (`left the U.S. Today they arrived.`); after a quotation
# they may come before its speaker (`?” Today Smith asked.`).
WHEN_OPENERS = word_set("today yesterday tomorrow tonight")
# Words that commonly open a sentence: after a dotted abbreviation (`U.S.`) only these cause a split;
# a word that says when opens one too (`left the U.S. Today they arrived.`), where a name's word
# goes on with it (`the U.S. Embassy`).
OPENERS = WHEN_OPENERS | word_set(
    "a an the he she it its they we i you his her their our this that these those there here "
    "but and or so yet if in on at as for from after before when while since although though "
    "however meanwhile still also then now later earlier what who why how where some many "
    "most no not officials authorities police mr mrs ms dr"
)
# Openers that open a sentence before a comma too (`Still, it failed.`, `It, too, failed.`,
# `Police, who came, ...`): after an initial, a comma after one leaves it opening a sentence
# (`Plan B. Still, it failed.`; `Mary C. Most, resigned`).
OPENERS_BEFORE_COMMA = WHEN_OPENERS | word_set(
    "however meanwhile still also then now later earlier yet so no here there but and or "
    "he she it they we i you this that these those officials authorities police"
)
