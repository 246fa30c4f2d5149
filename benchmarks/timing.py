"""Timing shared by the benchmarks: machines are noisy, so a figure is the median of runs."""

from __future__ import annotations

import functools
import importlib
import math
import pkgutil
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import revdiff.engine
from revdiff.engine import compare
from revdiff.engine.version_cache import VersionCache
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


def faster_or_slower(ratio: float) -> str:
    """One method's speed over another's in words: `2.0x faster` above 1, and below 1 the
    inverse, `1.2x slower` (for 0.8), where `0.8x faster` read as faster. A ratio of speeds
    (work over a median time) that is infinite, 0 or NaN comes of a time of 0, a run shorter than
    the clock's tick, and is said so."""
    if math.isnan(ratio):
        return "not measured: both times were below the clock's resolution"
    if math.isinf(ratio):
        return "faster beyond measure: its time was below the clock's resolution"
    if ratio == 0:
        return "slower beyond measure: the other's time was below the clock's resolution"
    return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"


def speed_ratio(seconds: float, peer_seconds: float) -> float:
    """How many times faster a method is than its peer, from their times (`peer_seconds /
    seconds`), for `faster_or_slower`: infinite where `seconds` is 0, NaN where both are, as a
    run shorter than the clock's tick measures, where dividing raised ZeroDivisionError."""
    if seconds == 0:
        return math.nan if peer_seconds == 0 else math.inf
    return peer_seconds / seconds


@functools.cache  # looked for once: the search took 0.5 ms a call, timed in each pair compared afresh
def engine_caches() -> tuple[functools._lru_cache_wrapper[Any] | VersionCache[Any], ...]:
    """Every function of revdiff's engine that keeps what it computed (`functools.lru_cache`,
    `functools.cache`, or `VersionCache`, which checks its argument first), found in every module
    of `revdiff.engine`, so that one added later is found too."""
    caches: list[functools._lru_cache_wrapper[Any] | VersionCache[Any]] = []
    for found in pkgutil.walk_packages(revdiff.engine.__path__, "revdiff.engine."):
        module = importlib.import_module(found.name)
        caches.extend(value for value in vars(module).values()
                      if isinstance(value, functools._lru_cache_wrapper | VersionCache)
                      and value.__module__ == module.__name__)
    return tuple(caches)


def forget_splits() -> None:
    """Forget the versions, paragraphs, sentences and words read so far: the engine keeps the
    last ones it read and what it made of them (`sentences_of`, `split_paragraph`, `match_key`,
    `sources_in`, `numbers_in`, ...: `engine_caches`) for a chain's next pair, so a benchmark
    that compares one pair again and again would time the caches."""
    for cache in engine_caches():
        cache.cache_clear()


def compare_afresh(old: Version, new: Version) -> Comparison:
    """`compare` as for versions never split before (`forget_splits`)."""
    forget_splits()
    return compare(old, new)
