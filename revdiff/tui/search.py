"""Search every version of an article for a phrase, reporting where it appeared and how long it stayed.

No Textual import. Each use of the phrase in a paragraph (or title) is a hit, and one that a
paragraph holds in several consecutive versions, unchanged, is one hit spanning those versions, so a
search answers "when did this wording appear, and when did it go". Text is compared case-folded
and in one Unicode form (`é` finds `e` + U+0301), and a phrase is found inside words too (`the` in
`their`), as a browser's find finds it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from revdiff.engine.graphemes import grapheme_clusters
from revdiff.model import Comparison, Version
from revdiff.terminal_text import visible
from revdiff.tui.wrapping import text_width

SNIPPET_CONTEXT = 30  # terminal cells of text before a hit a line shows, more if the text after is short
SNIPPET_CELLS = 110  # the cells of text kept on either side of a hit: the widest line of the list


TITLE = -1  # the paragraph index of a hit in a title


@dataclass(frozen=True, slots=True)
class SearchHit:
    first_version: int  # index into the article's versions where this paragraph first held the phrase
    last_version: int  # last consecutive version with the same paragraph
    paragraph: int  # paragraph index in the first version (TITLE for the title)
    offset: int  # character offset of the phrase inside that paragraph
    text: str  # that paragraph (or title)
    last_paragraph: int  # its index in the last version (paragraphs added above move it)
    length: int  # the phrase's characters in `text`

    # The snippet is cut from the text when a line shows the hit, not for every hit found: a
    # letter typed in a live blog's search found 3,000 paragraphs, of which the list shows 200,
    # and cutting a snippet for each took most of the 0.2 s each key waited.
    @property
    def snippet(self) -> str:
        """The phrase with the text around it that a line may show (`_snippet`)."""
        return _snippet(self.text, self.offset, self.length)[0]

    def columns(self, versions: tuple[Version, ...]) -> tuple[str, str]:
        """The versions that hold it (`v2–v5`) and where (`title`, `¶6`, `¶6→7`)."""
        first, last = versions[self.first_version].number, versions[self.last_version].number
        span = f"v{first}" if first == last else f"v{first}–v{last}"
        where = ("title" if self.paragraph == TITLE else f"¶{self.paragraph + 1}"
                 if self.paragraph == self.last_paragraph
                 else f"¶{self.paragraph + 1}→{self.last_paragraph + 1}")
        return span, where

    def snippet_within(self, cells: int | None = None) -> str:
        """The snippet (made safe to show) as a line of `cells` shows it: the phrase, up to
        SNIPPET_CONTEXT cells of the text before it (more where the text after it is shorter than
        the rest of the line) and the text after it to the line's end, each cut with `…`, so that
        the phrase shows (all of it, if it fits at all) and the line is filled: a line showed 30
        cells either side whatever its width, cut at 45 in a list 70 wide. Without `cells`,
        SNIPPET_CONTEXT either side."""
        snippet, (start, end) = _snippet(self.text, self.offset, self.length)
        before, phrase, after = (visible(part) for part in (
            snippet[:start], snippet[start:end], snippet[end:]))
        if cells is None:
            return _cut_start(before, SNIPPET_CONTEXT) + phrase + _cut_end(after, SNIPPET_CONTEXT)
        room = max(0, cells - text_width(phrase))
        before = _cut_start(before, max(room - text_width(after), min(SNIPPET_CONTEXT, room // 2)))
        return before + phrase + _cut_end(after, room - text_width(before))


def _cut_start(text: str, cells: int) -> str:
    """The end of `text` that fits `cells`, after a `…` where its start is cut."""
    if text_width(text) <= cells:
        return text
    text = text.removeprefix("…")
    return "…" + (text[_context_start(text, len(text), cells - 1):].lstrip() if cells > 1 else "")


def _cut_end(text: str, cells: int) -> str:
    """The start of `text` that fits `cells`, before a `…` where its end is cut."""
    if text_width(text) <= cells:
        return text
    text = text.removesuffix("…")
    return (text[:_context_end(text, 0, cells - 1)].rstrip() if cells > 1 else "") + "…"


def described(hits: Sequence[SearchHit], versions: tuple[Version, ...],
              width: int | None = None) -> list[str]:
    """A line per hit, its versions and its place each in a column as wide as the widest; given
    the `width` the lines are shown in, each snippet shows its phrase (`snippet_within`)."""
    rows = [hit.columns(versions) for hit in hits]
    span_width = max((len(span) for span, _ in rows), default=0)
    where_width = max((len(where) for _, where in rows), default=0)
    snippet_cells = None if width is None else width - span_width - where_width - 4
    return [f"{span:<{span_width}}  {where:<{where_width}}  {hit.snippet_within(snippet_cells)}"
            for hit, (span, where) in zip(hits, rows)]


def _context_start(paragraph: str, offset: int, cells: int = SNIPPET_CELLS) -> int:
    """Where the text before a hit starts: the whole grapheme clusters before `offset` that fit
    `cells` (a vowel sign stays with its letter, `👨‍👩‍👧‍👦` whole, an ideograph two cells)."""
    window = max(0, offset - 4 * cells)
    clusters = list(grapheme_clusters(paragraph[window:offset]))
    if window:  # the window's first cluster may be the end of one it cut
        clusters = clusters[1:]
    start, used = offset, 0
    for cluster in reversed(clusters):
        used += text_width(cluster)
        if used > cells:
            break
        start -= len(cluster)
    return start


def _context_end(paragraph: str, end: int, cells: int = SNIPPET_CELLS) -> int:
    """Where the text after a hit ends: the whole grapheme clusters from `end` that fit
    `cells`."""
    used = 0
    for cluster in grapheme_clusters(paragraph, end):
        used += text_width(cluster)
        if used > cells:
            break
        end += len(cluster)
    return end


def _snippet(paragraph: str, offset: int, length: int) -> tuple[str, tuple[int, int]]:
    """The hit with its context, and where the phrase starts and ends in it."""
    start = _context_start(paragraph, offset)
    end = _context_end(paragraph, offset + length)
    before = ("…" if start else "") + paragraph[start:offset].lstrip()
    snippet = before + paragraph[offset:end].rstrip() + ("…" if end < len(paragraph) else "")
    return snippet, (len(before), len(before) + length)


# Characters that show nothing where they stand: the soft hyphen (`Bundes\u00adregierung`), the
# zero-width space (between Thai words), the word joiner, the zero-width no-break space and the
# direction marks (LRM, RLM, ALM), which the app draws as they are (`revdiff.terminal_text`). A
# phrase typed as it shows holds none of them. Nor, as a rule, does one typed in Arabic or Hebrew
# hold the vowel signs most text leaves out, nor the Arabic tatweel that stretches a word: with
# them left out as well, `محمد` finds `محمّد` and `الاقتصـــاد`, `שלום` finds `שָׁלוֹם`. (The
# hamza and madda that NFKD splits from `أ`, `ئ`, `آ` stay: they tell those letters apart.)
_UNSEEN = re.compile("[\u00ad\u200b\u200e\u200f\u2060\ufeff\u061c"
                     "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # Hebrew points, accents
                     "\u0640\u064b-\u0652\u0656-\u065f\u0670]")  # Arabic tatweel, vowel signs


def searched_form(text: str) -> str:
    """Text as searched: decomposed to compatibility forms (NFKD: full-width `２０２４` and `ＡＩ`
    are `2024` and `AI`, half-width `ｶﾀｶﾅ` is `カタカナ`), case-folded, without the characters
    that show nothing nor the Arabic and Hebrew vowel signs (`_UNSEEN`). All act character by
    character (NFKD only reorders a run of marks), so a length in it traces back character by
    character."""
    folded = unicodedata.normalize("NFKD", text).casefold()
    if folded.isascii():  # none of `_UNSEEN` is ASCII
        return folded
    return _UNSEEN.sub("", folded)


_NOT_ASCII = re.compile("[^\x00-\x7f]")


def _unfolded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each (start, length) of `searched_form(text)` is in `text`: its offset and length
    there (`ß` folds to `ss`, `é` decomposes into two characters)."""
    sizes = [1] * len(text)  # each character's length in the searched form: ASCII's one
    for character in _NOT_ASCII.finditer(text):
        sizes[character.start()] = len(searched_form(character.group()))
    ends = list(itertools.accumulate(sizes))
    places = []
    for start, length in spans:
        offset = bisect.bisect_right(ends, start)  # the characters that fold to before it
        end = min(len(text), bisect.bisect_left(ends, start + length, offset) + 1)
        places.append((offset, end - offset))
    return places


# Characters a phrase typed may write otherwise: quote styles and dashes, with the Hebrew geresh,
# gershayim and maqaf that a Hebrew keyboard types as `'`, `"` and `-` (`צה"ל` for `צה״ל`).
_ALIKE = {**dict.fromkeys("'‘’‚׳", "['‘’‚׳]"), **dict.fromkeys('"“”„«»״', '["“”„«»״]'),
          **dict.fromkeys("-‐‑–—־", "[-‐‑–—־]")}


def _phrase_pattern(needle: str) -> re.Pattern[str]:
    """The phrase as a pattern in which a run of white space matches any run, and a quote or a
    dash any quote or dash of its kind (`Iran's` finds `Iran’s`, `צה"ל` finds `צה״ל`)."""
    parts = [r"\s+" if word == " " else _ALIKE.get(word, re.escape(word))
             for word in re.sub(r"\s+", " ", needle)]
    return re.compile("".join(parts) + _NO_MARK_AFTER)


def phrase_finder(query: str) -> re.Pattern[str] | None:
    """The pattern that finds `query` in a text's searched form (`searched_form`), as the search
    dialog finds it (`_phrase_pattern`); None for a query of white space only."""
    needle = searched_form(query.strip())
    return _phrase_pattern(needle) if needle else None


# A phrase ends where a letter ends: `cafe` does not find `café`, whose `e` a mark follows, `へ`
# not `べ` (`へ` and the voicing mark), and `하` not `한`, which decomposes into `하`'s two letters
# and a final one (Hangul vowels and finals follow a letter as marks do).
_NO_MARK_AFTER = ("(?![\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                  "\u3099\u309a\u1160-\u11ff\ud7b0-\ud7ff])")


class VersionSearch:
    """The titles and paragraphs of an article's versions, searched phrase after phrase (a phrase
    a key typed): each distinct text is put in its searched form (`searched_form`) once, however
    many versions repeat it (a live blog's 40 versions of 2,600 paragraphs hold 3,000 distinct
    ones), and a phrase is looked for once in each distinct text."""

    def __init__(self, versions: tuple[Version, ...]) -> None:
        self.versions = versions
        self._keys: dict[str, str] = {}  # text -> `searched_form(text)`

    def _key_of(self, text: str) -> str:
        folded = self._keys.get(text)
        if folded is None:
            folded = self._keys[text] = searched_form(text)
        return folded

    def _found(self, pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
        """Where `pattern` is in `text`, each time: offset and length in `text` itself."""
        folded = self._key_of(text)
        spans = [(found.start(), found.end() - found.start()) for found in pattern.finditer(folded)]
        # a letter folds to more than one, or one unseen to none (both in `Für die
        # Bundes\u00adregierung`, the same length folded): count in the text
        if spans and (len(folded) != len(text) or _UNSEEN.search(text)):
            return _unfolded(text, spans)
        return spans

    def hits(self, query: str) -> list[SearchHit]:
        """Hits for `query` (case-insensitive; white space, quote style and dashes as
        `_phrase_pattern` reads them) in the titles and paragraphs, in reading order of the
        version where each first appeared: a hit each time a paragraph (or title) holds the
        phrase, as a browser's find counts it."""
        pattern = phrase_finder(query)
        if pattern is None:
            return []
        found_in: dict[str, list[tuple[int, int]]] = {}  # text -> `_found` in it
        # (version, paragraph, text, each (offset, length) of the phrase in it)
        opened: list[tuple[int, int, str, list[tuple[int, int]]]] = []
        last_seen: list[tuple[int, int]] = []  # each hit's last (version, paragraph)
        # A hit's place, that the next version's same place continues: the title, or the n-th
        # paragraph of its text (keyed by text alone, two identical paragraphs of a version were
        # one hit, the second never listed; by index, a paragraph added above ended every hit
        # below it)
        open_hits: dict[tuple[bool, str, int], int] = {}  # place -> index in opened, last version
        for version_index, version in enumerate(self.versions):
            still_open: dict[tuple[bool, str, int], int] = {}
            repeats: dict[tuple[bool, str], int] = {}  # (title?, text) -> its places so far, less one
            texts = [(TITLE, version.title), *enumerate(version.paragraphs)]
            for paragraph_index, paragraph in texts:
                if paragraph in found_in:
                    found = found_in[paragraph]
                else:
                    found = found_in[paragraph] = self._found(pattern, paragraph)
                if not found:
                    continue
                same_text = (paragraph_index == TITLE, paragraph)
                repeat = repeats[same_text] = repeats.get(same_text, -1) + 1
                place = (*same_text, repeat)
                hit_index = open_hits.get(place)
                if hit_index is None:
                    hit_index = len(opened)
                    opened.append((version_index, paragraph_index, paragraph, found))
                    last_seen.append((version_index, paragraph_index))
                else:
                    last_seen[hit_index] = (version_index, paragraph_index)
                still_open[place] = hit_index
            open_hits = still_open
        return [SearchHit(first_version, last_version, paragraph, offset, text, last_paragraph,
                          length)
                for (first_version, paragraph, text, found),
                    (last_version, last_paragraph) in zip(opened, last_seen)
                for offset, length in found]


@dataclass(frozen=True, slots=True)
class LastSearch:
    """What `/` opens on again: the phrase the search dialog held when it closed, and the hit
    last opened, highlighted again when the phrase lists it (`↓` Enter opens the next)."""

    phrase: str = ""
    opened: SearchHit | None = None


def search_versions(versions: tuple[Version, ...], query: str) -> list[SearchHit]:
    """`VersionSearch.hits` for one query."""
    return VersionSearch(versions).hits(query)


def hit_pair(hit: SearchHit, version_count: int) -> tuple[int, int]:
    """The version pair that shows the hit arriving: the version before it and the version itself."""
    if hit.first_version == 0:
        return (0, 1) if version_count > 1 else (0, 0)
    return hit.first_version - 1, hit.first_version


def offset_in_edit(comparison: Comparison, side: str, edit: int, paragraph: int,
                   offset: int) -> int | None:
    """Where the character at (paragraph, offset) on the old or new side is in the text of the
    edit at `edit` there: its sentences of a paragraph are that paragraph from the first one's
    start to the last one's end, and a newline parts those of two paragraphs (as the engine
    joins them); None where no sentence of the edit holds it."""
    sentences = comparison.new_sentences if side == "new" else comparison.old_sentences
    indices = comparison.edits[edit].new if side == "new" else comparison.edits[edit].old
    before = 0  # the edit's text before the run of sentences
    for number, run in itertools.groupby((sentences[index] for index in indices),
                                         key=lambda sentence: sentence.paragraph):
        in_paragraph = list(run)
        start, end = in_paragraph[0].start, in_paragraph[-1].end
        if number == paragraph and start <= offset <= end:
            return before + offset - start
        before += end - start + 1
    return None


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
