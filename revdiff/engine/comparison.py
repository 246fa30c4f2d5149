"""compare(): two Versions in, a Comparison out (sentences, aligned edits, word diffs, stats)."""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence

from revdiff.engine.align import Link, align_sentences
from revdiff.engine.flags import edit_flags, sources_in
from revdiff.engine.quotations import open_quotation
from revdiff.engine.sentences import paragraphs_as_sentences, split_sentences
from revdiff.engine.stats import comparison_stats
from revdiff.engine.version_cache import check_version, version_cache
from revdiff.engine.words import word_diff
from revdiff.errors import UnknownSentenceMode
from revdiff.model import SENTENCE_MODES, Comparison, Edit, EditOp, Sentence, Version


def check_sentence_mode(mode: object, caller: str, argument: str = "sentences") -> None:
    """Refuse a mode the engine does not know, before a cache is asked for it (a list was a bare
    "unhashable type: 'list'"), naming the function `caller` and its `argument`: the one check
    of the engine's functions and of the API's (`revdiff.compare`, the table functions)."""
    if mode not in SENTENCE_MODES:
        raise UnknownSentenceMode(f"{caller}: unknown sentence mode {mode!r} given as {argument}",
                                  hint=f"use one of: {', '.join(SENTENCE_MODES)}")


# A straight double quotation mark, found once per paragraph by `_quote_openings`.
_STRAIGHT_QUOTE = re.compile('"')


# A chain's comparisons (v0-v1, v1-v2, ...) split each version once, for its pair with the
# version before it and then with the one after: splitting was half of a live blog's comparison
# time. The last few versions split are kept (a version of a live blog holds thousands of
# sentences).
@version_cache(maxsize=4, check_mode=check_sentence_mode)
def sentences_of(version: Version, mode: str = "auto") -> tuple[Sentence, ...]:
    """The sentences of a version: split by rules ("auto") or one per paragraph ("lines").
    Anything but a Version raises TypeError, another mode `UnknownSentenceMode`."""
    if mode == "lines":
        return paragraphs_as_sentences(version.paragraphs)
    return split_sentences(version.paragraphs)


def compare(old: Version, new: Version, *, sentences: str = "auto") -> Comparison:
    """Align the sentences of two versions and describe every change, in reading order.
    Anything but two Versions raises TypeError, another sentence mode `UnknownSentenceMode`."""
    for side in (old, new):
        check_version(side, "compare takes two Versions (article.versions[i])")
    check_sentence_mode(sentences, f"{__name__}.compare")
    old_sentences = sentences_of(old, sentences)
    new_sentences = sentences_of(new, sentences)
    links = align_sentences([s.text for s in old_sentences], [s.text for s in new_sentences])
    old_quotes, new_quotes = quote_openings_of(old, sentences), quote_openings_of(new, sentences)
    edits = tuple(
        _edit(link, old, new, old_sentences, new_sentences, old_quotes, new_quotes)
        for link in reading_order(links)
    )
    title_flags = edit_flags(old.title, new.title)
    return Comparison(
        old=old, new=new, old_sentences=old_sentences, new_sentences=new_sentences, edits=edits,
        stats=comparison_stats(edits, old_sentences, new_sentences, (old.title, new.title),
                               title_flags),
        title_flags=title_flags,
    )


# Kept as `sentences_of` keeps the sentences, for the version's next pair: read for each pair
# anew, the quotations took a quarter of a live blog's chain of comparisons.
@version_cache(maxsize=4, check_mode=check_sentence_mode)
def quote_openings_of(version: Version, mode: str = "auto") -> tuple[str, ...]:
    """`_quote_openings` of the sentences of a version (`sentences_of`). Anything but a Version
    raises TypeError."""
    return tuple(_quote_openings(version, sentences_of(version, mode)))


def _quote_openings(version: Version, sentences: Sequence[Sentence]) -> list[str]:
    """For each sentence, the mark of a quotation that an earlier sentence of its paragraph
    opened and left open ('' for none): the second sentence of `“We will respond. We will not
    wait,” he said.` is inside a quotation, and so is one of `“We will respond. We will not
    wait.` (a quotation that goes on in the next paragraph)."""
    openings: list[str] = []
    for paragraph_index, paragraph_sentences in itertools.groupby(sentences,
                                                                  lambda each: each.paragraph):
        next_paragraph = version.paragraphs[paragraph_index + 1:paragraph_index + 2]
        runs_on = bool(next_paragraph) and next_paragraph[0].lstrip().startswith('"')
        spans = tuple((sentence.start, sentence.end) for sentence in paragraph_sentences)
        openings.extend(paragraph_quote_openings(version.paragraphs[paragraph_index], spans,
                                                  runs_on))
    return openings


# A live blog's versions share most of their paragraphs, and each version read their quotations
# anew: a fifth of its chain of comparisons. The last paragraphs read are kept, as
# `split_paragraph` keeps their sentences.
@functools.lru_cache(maxsize=2**14)
def paragraph_quote_openings(paragraph: str, spans: tuple[tuple[int, int], ...],
                              runs_on: bool) -> tuple[str, ...]:
    """`_quote_openings` of the sentences of one paragraph, at `spans` (start, end); `runs_on`:
    whether the next paragraph opens with a straight `"`. One pass over the paragraph."""
    openings: list[str] = []
    straight_marks = [mark.start() for mark in _STRAIGHT_QUOTE.finditer(paragraph)]
    state = ""
    read_to = 0
    for start, end in spans:
        # A straight `"` left open may be an inch mark (`a 12" pipe`): it counts when an odd
        # number of `"` follows in the paragraph, one of them closing it (an even number pair
        # among themselves: `Workers said "it was old."`), or when the next paragraph opens
        # with a `"`, as a quotation of several paragraphs goes on; a curly one opens a
        # quotation that may run on to the next paragraph. (The marks that follow are counted
        # from their places, found once: counted anew for each sentence, a paragraph of many
        # sentences each leaving a `"` open took time quadratic in its length.)
        following = len(straight_marks) - bisect_left(straight_marks, start)
        inside = state and (state != '"' or following % 2 == 1 or runs_on)
        state = state if inside else ""
        openings.append(state)
        state = open_quotation(state + paragraph[read_to:end])
        read_to = end
    return tuple(openings)


def reading_order(links: Sequence[Link]) -> list[Link]:
    """Interleave both versions: in-order pairs as they come, deletions at their old position
    (before the additions of the same stretch), additions and moves at their new position."""
    in_order = sorted((link for link in links if link.old and link.new and not link.moved),
                      key=lambda link: link.old[0])
    deletions = sorted((link for link in links if not link.new), key=lambda link: link.old[0])
    arrivals = sorted((link for link in links if link.new and (link.moved or not link.old)),
                      key=lambda link: link.new[0])
    ordered: list[Link] = []
    d = a = 0
    for link in in_order:
        while d < len(deletions) and deletions[d].old[0] < link.old[0]:
            ordered.append(deletions[d])
            d += 1
        while a < len(arrivals) and arrivals[a].new[0] < link.new[0]:
            ordered.append(arrivals[a])
            a += 1
        ordered.append(link)
    ordered.extend(deletions[d:])
    ordered.extend(arrivals[a:])
    return ordered


def group_text(version: Version, sentences: Sequence[Sentence], indices: Sequence[int]) -> str:
    """The text of consecutive sentences as the version has it; paragraphs joined by a newline.
    One sentence's is its own text, not a copy of it (a live blog's chain of comparisons held
    each sentence's text once more in every edit, and sliced it out of its paragraph again)."""
    if not indices:
        return ""
    if len(indices) == 1:
        return sentences[indices[0]].text
    pieces: list[str] = []
    group = [sentences[k] for k in indices]
    start = 0
    for position in range(1, len(group) + 1):
        if position == len(group) or group[position].paragraph != group[start].paragraph:
            first, last = group[start], group[position - 1]
            paragraph = version.paragraphs[first.paragraph]
            pieces.append(paragraph[first.start:last.end])
            start = position
    return "\n".join(pieces)


def _operation(link: Link, old_text: str, new_text: str) -> EditOp:
    if not link.new:
        return EditOp.DELETED
    if not link.old:
        return EditOp.ADDED
    if link.moved:
        return EditOp.MOVED
    if len(link.old) == 1 and len(link.new) > 1:
        return EditOp.SPLIT
    if len(link.old) > 1 and len(link.new) == 1:
        return EditOp.MERGED
    return EditOp.UNCHANGED if old_text == new_text else EditOp.EDITED


def _edit(link: Link, old: Version, new: Version, old_sentences: Sequence[Sentence],
          new_sentences: Sequence[Sentence], old_quotes: Sequence[str],
          new_quotes: Sequence[str]) -> Edit:
    old_text = group_text(old, old_sentences, link.old)
    new_text = group_text(new, new_sentences, link.new)
    old_quote_open = old_quotes[link.old[0]] if link.old else ""
    new_quote_open = new_quotes[link.new[0]] if link.new else ""
    old_sources = sources_in(old_text, old_quote_open)
    # A sentence the same on both sides, read with the same quotation open, names the same sources:
    # read twice, the unchanged sentences took most of a large text's comparison.
    same_reading = (old_text, old_quote_open) == (new_text, new_quote_open)
    new_sources = old_sources if same_reading else sources_in(new_text, new_quote_open)
    return Edit(
        op=_operation(link, old_text, new_text),
        old=link.old,
        new=link.new,
        old_text=old_text,
        new_text=new_text,
        similarity=link.similarity,
        word_diff=word_diff(old_text, new_text),
        flags=edit_flags(old_text, new_text,
                         old_quote_open=old_quote_open, new_quote_open=new_quote_open,
                         sources=(old_sources, new_sources),
                         regrouped=len(link.old) != len(link.new)),
        old_sources=old_sources,
        new_sources=new_sources,
    )
