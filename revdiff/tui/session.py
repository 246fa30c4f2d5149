"""What the app is looking at: an article, the chosen pair of versions, and their comparison.

Plain Python with no Textual import, so it can be tested and benchmarked on its own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from difflib import SequenceMatcher

from revdiff.corrections_file import Correction
from revdiff.engine.word_count import version_words
from revdiff.export.pairs import PageRow, PairPageRows, pair_page_rows
from revdiff.formats.elision import ELISION, cut_versions, without_elisions
from revdiff.model import (
    Article,
    Comparison,
    Edit,
    PageReading,
    RowKind,
    RowReading,
    Sentence,
    Version,
)
from revdiff.tui.layout import Unsure

CompareFunction = Callable[[Version, Version], Comparison]
FlipFunction = Callable[[Article, str, int], Article]

# The comparisons an article keeps, the pair on screen's among them; the others are computed
# again when asked for. The timeline and the chart need only each pair's summary: a live blog's
# 40 versions of 2,600 paragraphs kept all 39 comparisons for them, 4 MB each (167 MB).
COMPARISONS_KEPT = 8


def engine_compare(old: Version, new: Version, sentences: str = "auto") -> Comparison:
    from revdiff.engine import compare  # imported late: the engine is a separate layer

    return compare(old, new, sentences=sentences)


def column_split_flip(article: Article, page_name: str, line: int) -> Article:
    from revdiff.splitter.corrections import flip_row

    return flip_row(article, page_name, line)


def paragraph_rows(page: PageReading, version: Version, side: str,
                   cut: Collection[int]) -> tuple[RowReading | None, ...]:
    """For each paragraph of `version` as compared (the marks of a `cut` version left out), the row
    of `page` it was read from, `version` being the page's old or new one (`side`). Where the
    version was taken from another page whose column differs (a paragraph more or less), its
    paragraphs are matched to the rows of the same text in order: by text alone, two paragraphs of
    one text (a repeated `Advertisement`) both took the last such row."""
    marks_cuts = version.number in cut  # its `[...]` paragraphs are cut marks, not compared
    rows = [row for row in page.rows if (text := row.old if side == "old" else row.new) is not None
            and not (marks_cuts and text.strip() == ELISION)]
    paragraphs = [paragraph.strip() for paragraph in without_elisions(version, cut).paragraphs]
    if len(rows) == len(paragraphs):
        return tuple(rows)
    texts = [((row.old if side == "old" else row.new) or "").strip() for row in rows]
    matched: list[RowReading | None] = [None] * len(paragraphs)
    for block in SequenceMatcher(None, texts, paragraphs, autojunk=False).get_matching_blocks():
        matched[block.b:block.b + block.size] = rows[block.a:block.a + block.size]
    return tuple(matched)


@dataclass(frozen=True, slots=True)
class PairSummary:
    """How much changed between two versions, for the timeline and the chart."""

    old_index: int
    new_index: int
    changes: int
    words_added: int
    words_removed: int
    changed_share: float
    boring: bool


class ArticleSession:
    """An article, the pair of versions on screen (indices into `article.versions`), the last
    comparisons computed (COMPARISONS_KEPT) and the summary of every pair compared."""

    def __init__(self, article: Article, compare: CompareFunction = engine_compare,
                 flip: FlipFunction = column_split_flip,
                 corrections: Collection[Correction] = ()) -> None:
        if len(article.versions) < 2:
            raise ValueError("an article needs at least two versions to compare")
        self.article = article
        self._compare = compare
        self._flip = flip
        self._cache: dict[tuple[int, int], Comparison] = {}  # the last used last
        self._cache_lock = threading.Lock()
        self._summaries: dict[tuple[int, int], PairSummary] = {}
        # a version -> its words: counting a live blog's 40 versions took the timeline 1.4 s at
        # every opening
        self._words: dict[Version, int] = {}
        self.pair: tuple[int, int] = (0, 1)  # every input opens at its first pair
        # the article as it was read, before any flip: as the splitter read it, but for the rows
        # the corrections file corrected (`--corrections`), which `F` goes back to
        self.read_article = article
        # the corrections of its pages it was read with (`--corrections`), in the file's order
        page_names = {page.name for page in article.pages}
        self.corrections = tuple(c for c in corrections if c.page in page_names)
        # (page name, line) -> how many times that row was flipped away from its reading as read
        self.flips: dict[tuple[str, int], int] = {}
        # "old" or "new" -> the page and version last matched (`_row_paragraphs`) and their rows
        self._paragraph_rows: dict[
            str, tuple[PageReading, Version, tuple[RowReading | None, ...]]] = {}
        # the pair, the article (a flip makes another) and their `pair_page_rows` last found
        self._page_rows_of_pair: tuple[tuple[int, int], Article, PairPageRows] | None = None

    # -- versions and pairs ---------------------------------------------------------------------
    @property
    def old_version(self) -> Version:
        return self.article.versions[self.pair[0]]

    @property
    def new_version(self) -> Version:
        return self.article.versions[self.pair[1]]

    @property
    def version_count(self) -> int:
        return len(self.article.versions)

    def comparison(self) -> Comparison:
        return self.comparison_of(*self.pair)

    def has_comparison(self) -> bool:
        """Whether the current pair's comparison is computed (`comparison` returns at once)."""
        return self.has_comparison_of(*self.pair)

    def has_comparison_of(self, old_index: int, new_index: int) -> bool:
        return (old_index, new_index) in self._cache

    def has_summary_of(self, old_index: int, new_index: int) -> bool:
        """Whether the pair's summary or comparison is computed (`pair_summary` returns at once)."""
        return (old_index, new_index) in self._summaries or self.has_comparison_of(old_index,
                                                                                   new_index)

    def comparison_of(self, old_index: int, new_index: int) -> Comparison:
        key = (old_index, new_index)
        comparison = self._cache.get(key)
        if comparison is None:
            comparison = self._compare(self.compared_version(old_index),
                                       self.compared_version(new_index))
        # the app's thread that compares a chain and the app itself both ask
        with self._cache_lock:
            self._cache.pop(key, None)
            self._cache[key] = comparison  # now the last used
            if len(self._cache) > COMPARISONS_KEPT:
                del self._cache[next(pair for pair in self._cache if pair != self.pair)]
        return comparison

    def compared_version(self, index: int) -> Version:
        """The version at `index` as compared: without its `[...]` marks when a page cut it."""
        return without_elisions(self.article.versions[index], cut_versions(self.article))

    def words_of(self, index: int) -> int:
        """The words of the version at `index` (`version_words`), counted once."""
        version = self.article.versions[index]
        if version not in self._words:
            self._words[version] = version_words(version)
        return self._words[version]

    def forget_comparisons(self) -> None:
        """Drop the comparisons computed so far (they are computed again when asked for); the
        pair on screen, the flips and the pairs' summaries stay."""
        self._cache.clear()

    def select_pair(self, old_index: int, new_index: int) -> None:
        count = self.version_count
        if not (0 <= old_index < count and 0 <= new_index < count) or old_index == new_index:
            raise ValueError(f"no version pair ({old_index}, {new_index}) among {count} versions")
        self.pair = (min(old_index, new_index), max(old_index, new_index))

    def step_pair(self, step: int, skip: Callable[[int, int], bool] | None = None) -> bool:
        """Move to the consecutive pair after (step 1) or before (-1) the current one; False at
        either end. From a non-consecutive pair (2, 5) the next pair is (5, 6), the previous (1, 2).
        """
        old_index = self.pair[1] if step > 0 else self.pair[0] - 1
        while 0 <= old_index < self.version_count - 1:
            if skip is None or not skip(old_index, old_index + 1):
                self.pair = (old_index, old_index + 1)
                return True
            old_index += step
        return False

    def pair_summary(self, old_index: int, new_index: int) -> PairSummary:
        key = (old_index, new_index)
        if key not in self._summaries:
            stats = self.comparison_of(old_index, new_index).stats
            changes = sum(count for op, count in stats.counts.items() if op != "unchanged")
            self._summaries[key] = PairSummary(old_index, new_index, changes, stats.words_added,
                                               stats.words_removed, stats.changed_share,
                                               stats.boring)
        return self._summaries[key]

    def chain_pairs(self) -> list[tuple[int, int]]:
        """Each consecutive pair of versions, oldest first: the chain the timeline shows."""
        return [(index, index + 1) for index in range(self.version_count - 1)]

    def chain_summaries(self) -> list[PairSummary]:
        """One summary per consecutive pair of versions, oldest first."""
        return [self.pair_summary(*pair) for pair in self.chain_pairs()]

    # -- flattened diff pages -------------------------------------------------------------------
    def page(self) -> PageReading | None:
        """The flattened page that was read to produce the current pair, if any."""
        old_number, new_number = self.old_version.number, self.new_version.number
        for page in self.article.pages:
            if page.old_number == old_number and page.new_number == new_number:
                return page
        return None

    def _row_paragraphs(self, side: str) -> tuple[RowReading | None, ...]:
        """`paragraph_rows` of the current pair's page and its old (or new) version, matched once
        per page and version: after a flip `row_of_edit` is asked for every edit, and matched them
        all anew each time. A flip or another pair brings another page or version, matched anew.
        """
        page = self.page()
        index = self.pair[0] if side == "old" else self.pair[1]
        version = self.article.versions[index]
        if page is None:  # one None per paragraph as compared, a cut version's marks left out
            return (None,) * len(self.compared_version(index).paragraphs)
        kept = self._paragraph_rows.get(side)
        if kept is not None and kept[0] is page and kept[1] is version:
            return kept[2]
        rows = paragraph_rows(page, version, side, cut_versions(self.article))
        self._paragraph_rows[side] = (page, version, rows)
        return rows

    def pages_of_versions(self) -> list[PageReading]:
        """For a pair no page compares, the pages its versions were read from; `f` flips their
        rows in the pairs the pages compare."""
        if self.page() is not None:
            return []
        numbers = {self.old_version.number, self.new_version.number}
        return [page for page in self.article.pages
                if page.old_number in numbers or page.new_number in numbers]

    def unsure(self) -> Unsure:
        """Sentences of the current pair whose page row was read with low confidence. For a pair
        no page compares, the rows of the pages holding its versions decide, as they give the
        exports' confidences (`pair_reading`)."""
        if self.page() is None:
            return self._unsure_in_pages_of_versions()
        comparison = self.comparison()
        old_rows, new_rows = self._row_paragraphs("old"), self._row_paragraphs("new")

        def is_unsure(rows: tuple[RowReading | None, ...], paragraph: int) -> bool:
            row = rows[paragraph] if paragraph < len(rows) else None
            return row is not None and not row.is_sure

        return Unsure(
            old=frozenset(s.index for s in comparison.old_sentences if is_unsure(old_rows, s.paragraph)),
            new=frozenset(s.index for s in comparison.new_sentences if is_unsure(new_rows, s.paragraph)),
        )

    def _pair_page_rows(self) -> PairPageRows:
        """`pair_page_rows` of the current pair, found once per pair and reading: every layout (a
        resize, a filter), `u` and cursor move asks for them, and a live blog's pages hold
        thousands of rows. Only the last pair's are kept, as they hold a row per paragraph."""
        kept = self._page_rows_of_pair
        if kept is not None and kept[0] == self.pair and kept[1] is self.article:
            return kept[2]
        page_rows = pair_page_rows(self.article, self.comparison())
        self._page_rows_of_pair = (self.pair, self.article, page_rows)
        return page_rows

    def _unsure_in_pages_of_versions(self) -> Unsure:
        comparison = self.comparison()
        old_rows, new_rows = self._pair_page_rows()

        def unsure_sentences(page_rows: tuple[PageRow, ...] | None,
                             sentences: tuple[Sentence, ...]) -> frozenset[int]:
            return frozenset(s.index for s in sentences if page_rows is not None
                             and s.paragraph < len(page_rows)
                             and not page_rows[s.paragraph][1].is_sure)

        return Unsure(old=unsure_sentences(old_rows, comparison.old_sentences),
                      new=unsure_sentences(new_rows, comparison.new_sentences))

    def unsure_page_row(self, edit: Edit) -> PageRow | None:
        """For a pair no page compares, the least sure row of the pages holding its versions that
        the edit's sentences rest on, when it is unsure: its confidence is the one the exports give
        the edit (`PairReading.edit_confidence`). None for a sure edit or a page's own pair."""
        if self.page() is not None:
            return None
        comparison = self.comparison()
        old_rows, new_rows = self._pair_page_rows()
        resting_on = [page_rows[sentences[index].paragraph]
                      for page_rows, indices, sentences in (
                          (old_rows, edit.old, comparison.old_sentences),
                          (new_rows, edit.new, comparison.new_sentences))
                      if page_rows is not None
                      for index in indices if sentences[index].paragraph < len(page_rows)]
        least = min(resting_on, key=lambda page_row: page_row[1].confidence, default=None)
        return least if least is not None and not least[1].is_sure else None

    def unsure_place(self, edit: Edit, unsure: Unsure) -> RowReading | PageRow | None:
        """Where the edit's `?` comes from, which `u` steps by: the page row the splitter was
        unsure of that holds it (`row_of_edit`: a moved sentence's sure new row is not where its
        old row's `?` comes from) or, for a pair no page compares, the least sure page row it
        rests on (`unsure_page_row`), which the status line names. None for an edit `unsure`
        does not mark."""
        if self.page() is not None:
            return self.row_of_edit(edit) if unsure.touches(edit) else None
        return self.unsure_page_row(edit)

    def row_of_edit(self, edit: Edit) -> RowReading | None:
        """The page row holding the edit's sentences, if it came from a page, that the status
        line names and `f` flips: the first (new side first) the splitter was unsure of or that
        was flipped, else the first. A sentence that moved from an unsure row to a sure one
        named the sure one, without its `?`, and `f` flipped it."""
        if self.page() is None:
            return None
        comparison = self.comparison()
        rows = [found for side, indices, sentences in (
                    ("new", edit.new, comparison.new_sentences),
                    ("old", edit.old, comparison.old_sentences))
                for index in indices
                if (found := self._row_of_paragraph(side, sentences[index].paragraph)) is not None]
        in_question = (row for row in rows if not row.is_sure or self.is_flipped(row))
        return next(in_question, rows[0] if rows else None)

    def _row_of_paragraph(self, side: str, paragraph: int) -> RowReading | None:
        rows = self._row_paragraphs(side)
        return rows[paragraph] if paragraph < len(rows) else None

    def reading_number(self, row: RowReading) -> tuple[int, int]:
        """(k, n): the row shows its k-th reading of n, its reading as read (the splitter's own, or
        the corrections file's) being the first.

        A row can be read as old only, new only, or as a change cut at any one of its spaces;
        `f` steps through those readings, most likely first, as the splitter ranks them.
        """
        page = self.page()
        count = 1 if row.kind is RowKind.MATCH else row.text.count(" ") + 2
        flips = self.flips.get((page.name, row.line), 0) if page is not None else 0
        return flips % count + 1, count

    def is_flipped(self, row: RowReading) -> bool:
        """Whether `row` of the current page reads the way a person chose with `f`."""
        page = self.page()
        return page is not None and (page.name, row.line) in self.flips

    def is_corrected(self, row: RowReading) -> bool:
        """Whether `row` of the current page reads as the corrections file read it, not flipped
        since."""
        page = self.page()
        return (page is not None and (page.name, row.line) not in self.flips
                and any((c.page, c.line) == (page.name, row.line) for c in self.corrections))

    def flipped_rows(self) -> tuple[tuple[str, RowReading], ...]:
        """Each row flipped with `f` (in the order first flipped) with its page's name, as the
        article now reads it."""
        rows = {(page.name, row.line): row for page in self.article.pages for row in page.rows}
        return tuple((name, rows[name, line]) for name, line in self.flips if (name, line) in rows)

    def saved_corrections(self) -> list[tuple[str, int, RowKind, int | None]]:
        """What `w` saves, each row's page name, line, kind and boundary: the corrections the
        article was read with, then the rows flipped as they now read, a later reading of a row
        replacing the earlier (and taking its place in the order the readings were made)."""
        readings: dict[tuple[str, int], tuple[RowKind, int | None]] = {}
        for page, line, kind, boundary in [
                *((c.page, c.line, c.kind, c.boundary) for c in self.corrections),
                *((name, row.line, row.kind, row.boundary) for name, row in self.flipped_rows())]:
            readings.pop((page, line), None)
            readings[page, line] = (kind, boundary)
        return [(page, line, kind, boundary) for (page, line), (kind, boundary) in readings.items()]

    def flip(self, row: RowReading) -> None:
        """Read `row` the next most likely way and forget the comparisons that depended on it;
        after the last reading comes the one it was read with again."""
        page = self.page()
        if page is None:
            raise ValueError("the current pair was not read from a flattened diff page")
        number, count = self.reading_number(row)
        if count == 1:
            raise ValueError("a row made of one text twice has only one reading")
        if number == count and len(self.flips) == 1 and (page.name, row.line) in self.flips:
            self.undo_flips()  # back round to the first reading, exactly as read
            return
        self.article = self._flip(self.article, page.name, row.line)
        self.flips[(page.name, row.line)] = self.flips.get((page.name, row.line), 0) + 1
        self._cache.clear()
        self._summaries.clear()

    def undo_flips(self) -> None:
        """Undo every flip: the article as it was read, the corrections file's rows kept."""
        self.article = self.read_article
        self.flips.clear()
        self._cache.clear()
        self._summaries.clear()
