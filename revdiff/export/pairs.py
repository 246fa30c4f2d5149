"""The version pairs every output compares, and how sure the reading behind each of them is.

`compare_chain` compares every consecutive pair of an article, as the notebook API does;
`compared_pairs` hands them out one at a time, as `revdiff diff`, `revdiff export` and `revdiff
view` take them, so that a live blog's hundreds of comparisons are never held at once, or the
pairs of versions asked for (`revdiff diff --versions`). A
browser-rendered NewsDiffs page leaves `[...]` where it cut unchanged text; in a version it cut
(its reader marks it cut, `Version.cut`) that mark is not article text, so it is left out before comparing
and is never counted as a sentence, a word or an unchanged edit.

`PairReading` says how sure the reading of a pair's text is. Versions read from a flattened diff
page rest on the column splitter's reading of its rows; an edit is as sure as the least sure row
its sentences come from. Versions from exact formats have no confidence (None: nothing inferred).
`pair_page_rows` names the page row each paragraph's confidence comes from.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from revdiff.formats.elision import ELISION, compared_versions, cut_versions, without_elisions
from revdiff.model import Article, Comparison, Edit, PageReading, RowReading, Sentence, Version

# A row of a flattened diff page, with the page that holds it.
PageRow = tuple[PageReading, RowReading]
# For each paragraph of a pair's old and new version, the page row its confidence comes from.
PairPageRows = tuple[tuple[PageRow, ...] | None, tuple[PageRow, ...] | None]


def compare_chain(article: Article, sentences: str) -> list[Comparison]:
    """Every consecutive version pair of the article, compared (cut marks left out)."""
    return list(compared_pairs(article, sentences))


def compared_pairs(article: Article, sentences: str, pairs: Sequence[tuple[int, int]] | None = None
                   ) -> Iterator[Comparison]:
    """`compare_chain`'s comparisons, each made when the one before it has been taken: a caller
    that keeps only what it needs of each holds one comparison at a time (the sentences of the
    version it shares with the next are kept by `revdiff.engine.comparison.sentences_of`). With
    `pairs`, the versions at those places compared instead (`version_pairs`)."""
    from revdiff.engine import compare

    for old, new in version_pairs(article, pairs):
        yield compare(old, new, sentences=sentences)


def version_pairs(article: Article, pairs: Sequence[tuple[int, int]] | None = None
                  ) -> Iterator[tuple[Version, Version]]:
    """The article's versions as compared (cut marks left out), paired: each with the next, or,
    given `pairs` (places among its versions, `(0, 4)`), those versions directly, as the app
    compares a version marked with another (their confidences come from the rows of the pages
    holding each version, as for a consecutive pair no page compares: `pair_page_rows`)."""
    versions = compared_versions(article)
    if pairs is None:
        yield from pairwise(versions)
    else:
        yield from ((versions[old], versions[new]) for old, new in pairs)


@dataclass(frozen=True, slots=True)
class PairReading:
    """Per-paragraph confidence of the two versions of a comparison (None: read exactly)."""

    old: tuple[float, ...] | None
    new: tuple[float, ...] | None
    warnings: tuple[str, ...] = ()

    def edit_confidence(self, edit: Edit, comparison: Comparison) -> float | None:
        """The confidence of the least sure page row the edit's sentences come from."""
        values = [*_sides(self.old, edit.old, comparison.old_sentences),
                  *_sides(self.new, edit.new, comparison.new_sentences)]
        return min(values) if values else None

    def least_edit_confidence(self, comparison: Comparison) -> float | None:
        """The least sure edit's confidence (`edit_confidence`), None when no edit rests on a
        page row: the tables mark an edit, not a paragraph, and a blank paragraph gives none."""
        values = [confidence for edit in comparison.edits
                  if (confidence := self.edit_confidence(edit, comparison)) is not None]
        return min(values) if values else None

    @property
    def confidence(self) -> float | None:
        """The least sure row of either version, None when both were read exactly."""
        values = [*(self.old or ()), *(self.new or ())]
        return min(values) if values else None


def _sides(confidences: tuple[float, ...] | None, indices: tuple[int, ...],
           sentences: tuple[Sentence, ...]) -> list[float]:
    if confidences is None:
        return []
    return [confidences[sentences[k].paragraph] for k in indices
            if sentences[k].paragraph < len(confidences)]


def pair_reading(article: Article, comparison: Comparison) -> PairReading:
    """How sure the reading of the comparison's two versions is, paragraph by paragraph."""
    old, new = pair_page_rows(article, comparison)
    return PairReading(_confidences(old), _confidences(new), tuple(article.warnings))


def pair_page_rows(article: Article, comparison: Comparison) -> PairPageRows:
    """For each paragraph of the comparison's old and new version (cut marks left out, as
    compared), the page and row its confidence comes from; None for a version no page holds.

    The rows of a page whose column is exactly the version give it (the pair's own page first);
    when no page's column is exactly the version, every paragraph gets the least sure row of the
    pages that hold the version.
    """
    return _numbered_pair_page_rows(article, comparison.old.number, comparison.new.number)


def article_confidence(article: Article, sentences: str,
                       pairs: Sequence[tuple[int, int]] | None = None) -> float | None:
    """The least sure reading of a sentence of any pair of the article's that is compared (each
    consecutive one, or the `pairs` given: `version_pairs`), as `sentences` cuts them
    (`PairReading.least_edit_confidence`: every sentence is in an edit), None when every one was
    read exactly; told by splitting the versions, without comparing a pair, for a page that says
    above its tables what marks their rows."""
    if not article.pages:
        return None
    from revdiff.engine.comparison import sentences_of

    values = [confidence
              for old, new in version_pairs(article, pairs)
              for version, rows in zip((old, new), _numbered_pair_page_rows(
                  article, old.number, new.number), strict=True)
              for confidence in _every_sentence(_confidences(rows), sentences_of(version, sentences))]
    return min(values) if values else None


def _every_sentence(confidences: tuple[float, ...] | None, sentences: tuple[Sentence, ...]
                    ) -> list[float]:
    return _sides(confidences, tuple(range(len(sentences))), sentences)


def _numbered_pair_page_rows(article: Article, old: int, new: int) -> PairPageRows:
    if not article.pages:
        return None, None
    by_number = {version.number: version for version in article.versions}
    pages = sorted(article.pages, key=lambda page: (page.old_number, page.new_number)
                   != (old, new))  # the pair's own page first
    cut = cut_versions(article)
    return _page_rows(pages, by_number.get(old), cut), _page_rows(pages, by_number.get(new), cut)


def _confidences(page_rows: tuple[PageRow, ...] | None) -> tuple[float, ...] | None:
    return None if page_rows is None else tuple(row.confidence for _, row in page_rows)


def _page_rows(pages: list[PageReading], version: Version | None,
               cut: frozenset[int]) -> tuple[PageRow, ...] | None:
    if version is None:
        return None
    marks_cuts = version.number in cut  # its `[...]` paragraphs are cut marks, not compared
    holding: list[PageRow] = []
    for page in pages:
        for side in ("old", "new"):
            if (page.old_number if side == "old" else page.new_number) != version.number:
                continue
            rows = [row for row in page.rows if getattr(row, side) is not None]
            holding.extend((page, row) for row in rows)
            if tuple(getattr(row, side) for row in rows) == version.paragraphs:
                return tuple((page, row) for row, paragraph in zip(rows, version.paragraphs)
                             if not (marks_cuts and paragraph.strip() == ELISION))
    if not holding:
        return None
    least = min(holding, key=lambda page_row: page_row[1].confidence)
    return (least,) * len(without_elisions(version, cut).paragraphs)
