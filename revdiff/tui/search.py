"""Search every version of an article for a phrase, reporting where it appeared and how long it stayed.

No Textual import. A paragraph that holds the phrase in several consecutive versions, unchanged, is one
hit spanning those versions, so a search answers "when did this wording appear, and when did it go".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from revdiff.model import Comparison, Version
from revdiff.terminal_text import visible

SNIPPET_CONTEXT = 30


@dataclass(frozen=True, slots=True)
class SearchHit:
    first_version: int  # index into the article's versions where this paragraph first held the phrase
    last_version: int  # last consecutive version with the same paragraph
    paragraph: int  # paragraph index in the first version
    offset: int  # character offset of the phrase inside that paragraph
    snippet: str

    def describe(self, versions: tuple[Version, ...]) -> str:
        first, last = versions[self.first_version].number, versions[self.last_version].number
        span = f"v{first}" if first == last else f"v{first}–v{last}"
        return f"{span:<9} ¶{self.paragraph + 1:<3} {visible(self.snippet)}"


def _snippet(paragraph: str, offset: int, length: int) -> str:
    start = max(0, offset - SNIPPET_CONTEXT)
    end = min(len(paragraph), offset + length + SNIPPET_CONTEXT)
    return ("…" if start else "") + paragraph[start:end].strip() + ("…" if end < len(paragraph) else "")


def _unfolded(text: str, start: int, length: int) -> tuple[int, int]:
    """Where `length` characters from `start` of `text.casefold()` are in `text`: their offset and
    length there (`ß` folds to `ss`, `İ` to two characters)."""
    folded = offset = 0
    for index, character in enumerate(text):
        folded += len(character.casefold())
        if folded <= start:
            offset = index + 1
        elif folded >= start + length:
            return offset, index + 1 - offset
    return offset, len(text) - offset


# Characters a phrase typed may write otherwise: quote styles and dashes.
_ALIKE = {**dict.fromkeys("'‘’‚", "['‘’‚]"), **dict.fromkeys('"“”„«»', '["“”„«»]'),
          **dict.fromkeys("-‐‑–—", "[-‐‑–—]")}


def _phrase_pattern(needle: str) -> re.Pattern[str]:
    """The phrase as a pattern in which a run of white space matches any run, and a quote or a
    dash any quote or dash of its kind (`Iran's` finds `Iran’s`)."""
    parts = [r"\s+" if word == " " else _ALIKE.get(word, re.escape(word))
             for word in re.sub(r"\s+", " ", needle)]
    return re.compile("".join(parts))


def search_versions(versions: tuple[Version, ...], query: str) -> list[SearchHit]:
    """Hits for `query` (case-insensitive; white space, quote style and dashes as `_phrase_pattern`
    reads them) in reading order of the version where each first appeared."""
    needle = query.strip().casefold()
    if not needle:
        return []
    pattern = _phrase_pattern(needle)
    hits: list[SearchHit] = []
    open_hits: dict[str, int] = {}  # paragraph text -> index in hits, for the previous version
    for version_index, version in enumerate(versions):
        still_open: dict[str, int] = {}
        for paragraph_index, paragraph in enumerate(version.paragraphs):
            folded = paragraph.casefold()
            found = pattern.search(folded)
            if found is None:
                continue
            offset, length = found.start(), found.end() - found.start()
            if len(folded) != len(paragraph):  # a letter folds to more than one: count in the text
                offset, length = _unfolded(paragraph, offset, length)
            if paragraph in open_hits:
                hit_index = open_hits[paragraph]
                hit = hits[hit_index]
                hits[hit_index] = SearchHit(hit.first_version, version_index, hit.paragraph,
                                            hit.offset, hit.snippet)
            else:
                hit_index = len(hits)
                hits.append(SearchHit(version_index, version_index, paragraph_index, offset,
                                      _snippet(paragraph, offset, length)))
            still_open[paragraph] = hit_index
        open_hits = still_open
    return hits


def hit_pair(hit: SearchHit, version_count: int) -> tuple[int, int]:
    """The version pair that shows the hit arriving: the version before it and the version itself."""
    if hit.first_version == 0:
        return (0, 1) if version_count > 1 else (0, 0)
    return hit.first_version - 1, hit.first_version


def edit_at(comparison: Comparison, side: str, paragraph: int, offset: int) -> int | None:
    """The index of the edit holding the sentence at (paragraph, offset) on the old or new side."""
    sentences = comparison.new_sentences if side == "new" else comparison.old_sentences
    target = None
    for sentence in sentences:
        if sentence.paragraph == paragraph and sentence.start <= offset < max(sentence.end,
                                                                               sentence.start + 1):
            target = sentence.index
            break
    if target is None:
        return None
    for index, edit in enumerate(comparison.edits):
        if target in (edit.new if side == "new" else edit.old):
            return index
    return None
