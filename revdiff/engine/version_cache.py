"""A function of a Version and a sentence mode that keeps its last results, for a chain's next
pair, and checks its arguments before the cache hashes them: a list in a Version's place (or in
the mode's) failed with the cache's bare `unhashable type: 'list'`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

from revdiff.model import Version

Result = TypeVar("Result")
# What checks a mode (`comparison.check_sentence_mode`): the mode, the function's name, the
# argument's name; it raises for a mode it does not know.
ModeCheck = Callable[[object, str, str], None]


def check_version(value: object, wanted: str) -> None:
    """Refuse anything but a Version at a public entry point, naming what it `wanted`: a str in
    its place failed with a bare AttributeError deep in the engine."""
    if not isinstance(value, Version):
        raise TypeError(f"{wanted}, not {type(value).__name__}")


class VersionCache(Generic[Result]):
    """`function(version, mode)`, its last `maxsize` results kept (`functools.lru_cache`),
    anything but a Version refused with a TypeError naming the function and what it takes, and
    the mode checked by `check_mode(mode, the function's full name, "mode")`."""

    def __init__(self, function: Callable[[Version, str], Result], maxsize: int,
                 check_mode: ModeCheck) -> None:
        self._cached = functools.lru_cache(maxsize=maxsize)(function)
        self._wanted = f"{function.__name__} takes a Version (article.versions[i])"
        self._name = f"{function.__module__}.{function.__name__}"
        self._check_mode = check_mode
        functools.update_wrapper(self, function)

    def __call__(self, version: Version, mode: str = "auto") -> Result:
        check_version(version, self._wanted)
        self._check_mode(mode, self._name, "mode")
        return self._cached(version, mode)

    def cache_clear(self) -> None:
        """Forget the results kept (a benchmark that compares one pair again and again)."""
        self._cached.cache_clear()

    def cache_info(self) -> functools._CacheInfo:
        """How many results are kept, and how often they were used (`functools.lru_cache`)."""
        return self._cached.cache_info()


def version_cache(maxsize: int, check_mode: ModeCheck
                  ) -> Callable[[Callable[[Version, str], Result]], VersionCache[Result]]:
    """The decorator that makes a function of a Version and a mode a `VersionCache`."""
    return lambda function: VersionCache(function, maxsize, check_mode)
