"""The work of an export: an article (or part of one) handed to a worker, what comes back, and the
chunks of whole articles the workers take; `process_chunk` is the worker's side."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from revdiff.export import registry
from revdiff.export.pairs import compared_pairs
from revdiff.export.process_pool import abandoned
from revdiff.export.records import ArticleRef, display_title
from revdiff.export.run_errors import describe
from revdiff.export.worker_loss import InFlight, working_on
from revdiff.model import Article, Comparison, ComparisonStats

# A chunk sent to a worker holds whole articles and about this many version pairs.
CHUNK_PAIRS = 16


@dataclass(frozen=True, slots=True)
class ArticlePart:
    """Where a task's versions stand in a long article compared in parts (`article_parts`)."""

    first_version: int  # the position of the part's first version among the article's
    last: bool  # whether the part ends with the article's last version
    versions: int  # the article's versions, all parts together


@dataclass(frozen=True, slots=True)
class ArticleTask:
    index: int
    ref: ArticleRef
    article: Article  # of a part, the part's versions only
    where: str  # the article as the run's messages name it: by its input (see `iter_tasks`)
    # input units finished once it is written: its unit's number, and the share of that unit's
    # articles up to this one (of a part, up to the part's last version)
    units_done: float = 1.0
    units_before: float = 0.0  # those finished before the article: up to the one before it
    part: ArticlePart | None = None  # None: the whole article

    @property
    def pairs(self) -> int:
        return max(0, len(self.article.versions) - 1)


@dataclass(frozen=True, slots=True)
class ArticleResult:
    index: int
    key: str  # the article's name in the rows (`ArticleRef.name`)
    where: str  # `ArticleTask.where`
    pairs: int
    rows: int
    payload: Any
    info: dict[str, Any]
    units_done: float  # `ArticleTask.units_done`
    error: str | None = None  # why the article could not be exported (no payload then)
    part: ArticlePart | None = None  # `ArticleTask.part`


def article_info(ref: ArticleRef, article: Article, pair_stats: list[ComparisonStats]
                 ) -> dict[str, Any]:
    """Small facts about an article for the journal, the HTML index and summaries, from the
    statistics of each of its comparisons."""
    return {
        "title": display_title(ref, article),
        "versions": len(article.versions),
        "source": ref.source,
        "input": ref.read_from,
        "changed": [round(stats.changed_share, 4) for stats in pair_stats],
        "words_added": sum(stats.words_added for stats in pair_stats),
        "words_removed": sum(stats.words_removed for stats in pair_stats),
    }


def _stats_noted(comparisons: Iterator[Comparison], pair_stats: list[ComparisonStats]
                 ) -> Iterator[Comparison]:
    """The comparisons, each one's statistics added to `pair_stats` as it is handed on (the
    renderer keeps no comparison it has rendered)."""
    for comparison in comparisons:
        pair_stats.append(comparison.stats)
        yield comparison


def process_chunk(format_name: str, sentences: str, tasks: list[ArticleTask]
                  ) -> list[ArticleResult]:
    """Worker entry point: compare and render each article (or part of one) of the chunk (none
    once the run is abandoned: nobody will read the results)."""
    results = []
    for task in tasks:
        if abandoned():
            break
        working_on(task.index)  # named by the driver if this process dies on it
        units_done = task.units_done
        pair_stats: list[ComparisonStats] = []
        render = registry.renderer(format_name, opens_article=task.part is None
                                   or task.part.first_version == 0)
        try:
            payload, rows = render(task.ref, task.article,
                                   _stats_noted(compared_pairs(task.article, sentences),
                                                pair_stats))
        except Exception as error:  # noqa: BLE001 - the driver stops or skips (--skip-errors)
            results.append(ArticleResult(task.index, task.ref.name, task.where, 0, 0, None,
                                         {"skipped": describe(error), "where": task.where},
                                         units_done, describe(error), task.part))
            continue
        info = article_info(task.ref, task.article, pair_stats)
        if task.part is not None:
            info["versions"] = task.part.versions
        results.append(ArticleResult(task.index, task.ref.name, task.where, len(pair_stats), rows,
                                     payload, info, units_done, part=task.part))
    working_on(None)
    return results


def handed_out(chunks: Iterator[list[ArticleTask]], in_flight: InFlight
               ) -> Iterator[list[ArticleTask]]:
    """The chunks, each noted in `in_flight` as it is taken to be submitted."""
    for chunk in chunks:
        for task in chunk:
            in_flight.handed(task.index, task.where)
        yield chunk


def chunked(tasks: Iterator[ArticleTask], pairs: int | None = None
            ) -> Iterator[list[ArticleTask]]:
    """Whole articles grouped until a chunk holds about `pairs` version pairs."""
    pairs = pairs or CHUNK_PAIRS
    chunk: list[ArticleTask] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += max(1, task.pairs)
        if size >= pairs:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
