"""Timing shared by the benchmarks: machines are noisy, so a figure is the median of runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    """The median wall time of `repeat` calls of `function`, in seconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)
