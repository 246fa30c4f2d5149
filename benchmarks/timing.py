"""Timing shared by the benchmarks: machines are noisy, so a figure is the median of runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Sequence

from revdiff.engine import compare, sentences_of
from revdiff.engine.comparison import paragraph_quote_openings, quote_openings_of
from revdiff.engine.sentences import split_paragraph
from revdiff.engine.similarity import match_key
from revdiff.model import Comparison, Version


def in_turns(repeats: Sequence[int]) -> Iterator[int]:
    """The index of the method to run next, run after run, in rounds that take turns (A B, B A,
    A B, ...), so that a load rising or falling on the machine meanwhile slows each alike; method
    k takes part in the first `repeats[k]` rounds."""
    for round_ in range(max(repeats, default=0)):
        order = [k for k, count in enumerate(repeats) if round_ < count]
        yield from order if round_ % 2 == 0 else reversed(order)


def medians_in_turns(functions: list[Callable[[], object]], repeat: int,
                     clock: Callable[[], float] = time.perf_counter) -> list[float]:
    """The median times of `functions` by `clock` (wall time; `time.process_time` for CPU time,
    which other processes on a busy machine barely change), in seconds, timed in `repeat` rounds
    that take turns (`in_turns`)."""
    samples: list[list[float]] = [[] for _ in functions]
    for k in in_turns([repeat] * len(functions)):
        started = clock()
        functions[k]()
        samples[k].append(clock() - started)
    return [statistics.median(runs) for runs in samples]


def forget_splits() -> None:
    """Forget the versions, paragraphs and sentences read so far: `sentences_of`,
    `quote_openings_of`, `paragraph_quote_openings`, `split_paragraph` and `match_key` keep the
    last ones they read (for a chain's next pair), so a benchmark that compares one pair again
    and again would time the caches."""
    sentences_of.cache_clear()
    quote_openings_of.cache_clear()
    paragraph_quote_openings.cache_clear()
    split_paragraph.cache_clear()
    match_key.cache_clear()


def compare_afresh(old: Version, new: Version) -> Comparison:
    """`compare` as for versions never split before (`forget_splits`)."""
    forget_splits()
    return compare(old, new)
