"""A long article compared in parts in the formats of a row per pair: split into tasks of a few
pairs (`in_parts`), each part written as it comes and the article journaled once its last part is
(`ArticleParts`), so that no worker or driver holds all its rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from revdiff.export.progress import ExportProgress
from revdiff.export.tasks import CHUNK_PAIRS, ArticlePart, ArticleResult, ArticleTask
from revdiff.export.writers import ExportWriter

# A longer article is compared in parts of this many pairs in the formats of a row per pair
# (`in_parts`), so that its rows are held a part at a time.
PART_PAIRS = CHUNK_PAIRS


def joined_parts(before: ArticleResult | None, part: ArticleResult) -> ArticleResult:
    """The results of a long article's parts so far, with its next part's: pairs and rows added
    up, the facts of each pair in `info` joined (the title is the last part's, of the article's
    last version); no payload, as each part is written when it comes."""
    if before is None:
        return replace(part, payload=None)
    info = {**part.info, "changed": before.info["changed"] + part.info["changed"],
            "words_added": before.info["words_added"] + part.info["words_added"],
            "words_removed": before.info["words_removed"] + part.info["words_removed"]}
    return replace(part, pairs=before.pairs + part.pairs, rows=before.rows + part.rows,
                   info=info, payload=None)


def in_parts(tasks: Iterator[ArticleTask], part_pairs: int | None
             ) -> Iterator[ArticleTask]:
    """The tasks, each article of more than `part_pairs` version pairs split into tasks of that
    many pairs (a part's last version is the next one's first), so that its rows are rendered,
    handed back and written a part at a time, the input units done moving on with its pairs;
    None keeps every article whole."""
    for task in tasks:
        if part_pairs is None or task.pairs <= part_pairs:
            yield task
            continue
        versions = task.article.versions
        article_share = task.units_done - task.units_before
        for first in range(0, task.pairs, part_pairs):
            last = min(first + part_pairs, task.pairs)  # the position of the part's last version
            units_done = (task.units_done if last == task.pairs
                          else task.units_before + article_share * last / task.pairs)
            yield replace(task, article=replace(task.article, versions=versions[first:last + 1]),
                          units_done=units_done,
                          part=ArticlePart(first, last == task.pairs, len(versions)))


class ArticleParts:
    """The parts of the long article being written (`in_parts`), each written as it comes.

    Before its first part the articles written so far are journaled and the writer's state is
    kept: the article is journaled only once its last part is written, and a part that fails
    rolls its earlier parts' rows back, so that the article is skipped (--skip-errors) or stops
    the run as a whole one does, none of its rows written; its parts after that one are dropped.
    Each part's pairs and rows are added to `progress` as it is written, so that the bar moves
    through a long article, and taken back with its rows.
    """

    def __init__(self, writer: ExportWriter, progress: ExportProgress) -> None:
        self.writer = writer
        self.progress = progress
        self.so_far: ArticleResult | None = None  # the article's parts written
        self.start: dict[str, Any] = {}  # the writer's state before its first part
        self.failed: int | None = None  # the index of an article whose part failed

    def written(self, result: ArticleResult, journal: Callable[[], None]
                ) -> ArticleResult | None:
        """A whole article's `result` as it is; a part written, and the article's result once
        its last part is (or the failed part's), else None. `journal` records the articles
        written before."""
        if result.part is None:
            return result
        if result.index == self.failed:
            return None
        if result.part.first_version == 0:
            journal()
            self.start = self.writer.checkpoint()
        if result.error is not None:
            self.failed = result.index
            if self.so_far is not None:
                self.writer.close()
                self.writer.restore(self.start)
                self.progress.pairs -= self.so_far.pairs
                self.progress.rows -= self.so_far.rows
                self.so_far = None
            return result
        self.writer.write(result.index, result.payload)
        self.progress.pairs += result.pairs
        self.progress.rows += result.rows
        self.so_far = joined_parts(self.so_far, result)
        if not result.part.last:
            return None
        article, self.so_far = self.so_far, None
        return article
