"""Word wrapping of styled text runs into terminal lines, measured in cells. No Textual import."""

from __future__ import annotations

import bisect
import re
import unicodedata

from rich.cells import cell_len

from revdiff.engine.graphemes import grapheme_clusters

# A run of text and the name of its style (the widget maps names to colours).
Span = tuple[str, str]

_WORD = re.compile(r"\S+")
# The first character of category Mc (the Devanagari visarga).
_FIRST_SPACING_MARK = "\u0903"
# Characters of one cell each that are grapheme clusters of their own whatever is around them:
# printable Latin up to the combining marks (U+0300) but the soft hyphen, which joins the character
# before it, and the general punctuation of dashes, quotes and `…` but its invisible controls.
_ONE_CELL_CLUSTERS = re.compile("[ -~\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e]*")
# Marks that may not begin a line of Chinese or Japanese (kinsoku), beside the closing brackets and
# quotes (categories Pe and Pf): the comma, full stop and other punctuation that ends a phrase.
# Thai and Lao, written without spaces too, write some vowels after their consonant, and the
# repetition and abbreviation marks after a word: none may begin a line; nor may a vowel written
# before its consonant end one.
_NO_LINE_START = frozenset("、。，．：；？！・‥…〜ー々ゝゞヽヾ｡､" "ะาำๅๆฯະາຳໆຯ")
_NO_LINE_END = frozenset("เแโใไເແໂໃໄ")


def text_width(text: str) -> int:
    """Terminal cells `text` takes: a wide character two; a spacing mark (most vowel signs of
    Devanagari, Bengali, Tamil ...; Unicode category Mc) one, as terminals (wcwidth) draw it,
    where Rich counts none; other marks none."""
    if text.isascii() or _ONE_CELL_CLUSTERS.fullmatch(text):
        return len(text)
    if max(text) < _FIRST_SPACING_MARK:  # Latin, Greek, Cyrillic, Arabic ...: none to count
        return cell_len(text)
    return cell_len(text) + sum(1 for char in text if unicodedata.category(char) == "Mc")


def _cut_to_width(text: str, start: int, width: int) -> int:
    """The largest end such that text[start:end] fits in `width` cells (at least one grapheme
    cluster), never inside a cluster: an accent stays with its letter, an emoji with its skin
    tone, `👨‍👩‍👧` and a flag whole."""
    cut = start + max(1, width)
    if text.isascii():
        return cut
    # the characters up to the cut, and the one after it, each a cell and a cluster of its own:
    # measured a cluster at a time, the article list's 20,000 lines took 2 s
    if _ONE_CELL_CLUSTERS.fullmatch(text, start, cut + 1):
        return min(cut, len(text))
    used, end = 0, start
    for cluster in grapheme_clusters(text, start):
        cluster_width = text_width(cluster)
        if used + cluster_width > width and end > start:
            break
        used += cluster_width
        end += len(cluster)
    return end


def _may_break_before(text: str, index: int) -> bool:
    char = text[index]
    return (char not in _NO_LINE_START and unicodedata.category(char) not in ("Pe", "Pf")
            and text[index - 1] not in _NO_LINE_END)


def _cut_before_a_line_start(text: str, start: int, cut: int) -> int:
    """`cut` moved back, a grapheme cluster at a time, to where the next line may begin: not at
    `。`, `、`, a closing bracket or a Thai `า`, which take the character before them down with
    them (`晴れ。` is cut before `れ`, not `。`), nor after a Thai `เ`, which goes down with the
    consonant after it. Where no such place is left on the line, `cut`."""
    if cut >= len(text) or _may_break_before(text, cut):
        return cut
    ends = [start]
    for cluster in grapheme_clusters(text, start):
        if ends[-1] + len(cluster) >= cut:
            break
        ends.append(ends[-1] + len(cluster))
    return next((end for end in reversed(ends[1:]) if _may_break_before(text, end)), cut)


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """Character ranges of `text` that fit `width` cells each, broken at spaces where possible;
    a word cut between lines is not cut before a mark that may not begin a line (`。`, `」`)
    where the line holds a character before it."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start: int | None = None
    line_end = used = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span()
        word_width = text_width(match.group())
        if line_start is not None:
            gap = text_width(text[line_end:word_start])  # an ideographic space takes two cells
            if used + gap + word_width <= width:
                used += gap + word_width
                line_end = word_end
                continue
            lines.append((line_start, line_end))
            line_start = None
        while word_width > width:
            cut = _cut_before_a_line_start(text, word_start, _cut_to_width(text, word_start, width))
            if cut >= word_end:  # one cluster wider than the line: the line holds it alone
                break
            lines.append((word_start, cut))
            word_width -= text_width(text[word_start:cut])  # not the rest measured anew each line
            word_start = cut
        line_start, line_end, used = word_start, word_end, word_width
    if line_start is not None:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]


def wrap_spans(spans: list[Span], width: int) -> list[list[Span]]:
    """Wrap styled runs into lines of at most `width` cells, keeping each character's style."""
    text = "".join(run for run, _ in spans).replace("\n", " ")
    bounds: list[tuple[int, int, str]] = []
    offset = 0
    for run, style in spans:
        if run:
            bounds.append((offset, offset + len(run), style))
            offset += len(run)
    lines: list[list[Span]] = []
    first_bound = 0
    for start, end in wrap_ranges(text, width):
        line: list[Span] = []
        while first_bound < len(bounds) and bounds[first_bound][1] <= start:
            first_bound += 1
        index = first_bound
        while index < len(bounds) and bounds[index][0] < end:
            run_start, run_end, style = bounds[index]
            piece = text[max(start, run_start):min(end, run_end)]
            if piece:
                line.append((piece, style))
            index += 1
        lines.append(line)
    return lines


def line_holding(text: str, width: int, offset: int) -> int:
    """Which of the lines `wrap_spans` wraps `text` into, `width` cells each, holds the character
    at `offset` (the line before it, for a space where a line breaks)."""
    starts = [start for start, _ in wrap_ranges(text.replace("\n", " "), width)]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def pad_line(line: list[Span], width: int, style: str) -> list[Span]:
    """The line filled with spaces in `style` up to `width` cells."""
    used = sum(text_width(run) for run, _ in line)
    return [*line, (" " * (width - used), style)] if used < width else line


def shorten(text: str, width: int) -> str:
    """`text` cut to fit `width` cells, ending in `…` when something was cut."""
    if text_width(text) <= width:
        return text
    if width <= 1:
        return "…"[:max(0, width)]
    return text[:_cut_to_width(text, 0, width - 1)] + "…"
