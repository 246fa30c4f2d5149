"""Timing shared by the benchmarks: machines are noisy, so a figure is the median of runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from revdiff.engine import compare, sentences_of
from revdiff.engine.comparison import quote_openings_of
from revdiff.model import Comparison, Version


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    """The median wall time of `repeat` calls of `function`, in seconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def compare_afresh(old: Version, new: Version) -> Comparison:
    """`compare` as for versions never split before: `sentences_of` and `quote_openings_of`
    keep the last versions they read (for a chain's next pair), so a benchmark that compares one
    pair again and again would time the caches."""
    sentences_of.cache_clear()
    quote_openings_of.cache_clear()
    return compare(old, new)
