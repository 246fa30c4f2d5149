"""benchmarks/timing.py's `forget_splits` leaves the engine nothing of what it read before, and
`faster_or_slower` says which a ratio is."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark

import revdiff.engine
from revdiff.engine import compare
from revdiff.model import Version

ENGINE = Path(revdiff.engine.__file__).parent


def cached_functions() -> list[str]:
    """`module.function` for each function of the engine's source decorated with a cache
    (`functools.lru_cache(...)`, `functools.cache`, `lru_cache`, `cache`), read from the source
    rather than found as `timing` finds them."""
    names = []
    for path in sorted(ENGINE.rglob("*.py")):
        module = ".".join(path.relative_to(ENGINE.parent.parent).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(
                    "cache" in ast.unparse(decorator) for decorator in node.decorator_list):
                names.append(f"{module}.{node.name}")
    return names


def test_forget_splits_empties_every_cache_of_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """It emptied five caches by name (`sentences_of`, `quote_openings_of`,
    `paragraph_quote_openings`, `split_paragraph`, `match_key`) and kept the sources, the numbers
    and the word forms read before (`sources_in`, `numbers_in`, align's `_words_only`), so a pair
    compared "afresh" reused work of the runs before it."""
    timing = load_benchmark("timing", monkeypatch)
    old = Version(0, "a", ('"We will respond," officials said on Tuesday. About 40 people were hurt.',
                           "The base was hit by 12 rockets late on Tuesday night, the Pentagon said."))
    new = Version(1, "a", ("Officials said on Wednesday that they would respond. About 50 were hurt.",
                           "The base near Erbil was hit by rockets late on Tuesday, officials said."))
    compare(old, new)
    names = cached_functions()
    assert "revdiff.engine.flags.sources_in" in names
    caches = {name: getattr(importlib.import_module(name.rpartition(".")[0]), name.rpartition(".")[2])
              for name in names}
    assert [name for name, cache in caches.items() if not cache.cache_info().currsize] == []
    timing.forget_splits()
    assert {name: cache.cache_info().currsize for name, cache in caches.items()
            if cache.cache_info().currsize} == {}


@pytest.mark.parametrize(("ratio", "said"), [
    (3.0, "3.0x faster"), (1.0, "1.0x faster"), (0.5, "2.0x slower"), (0.8, "1.2x slower"),
])
def test_a_ratio_says_slower_below_1(ratio: float, said: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A speed ratio of 0.8 read `0.8x faster`."""
    assert load_benchmark("timing", monkeypatch).faster_or_slower(ratio) == said


@pytest.mark.parametrize(("ratio", "said"), [
    (0.0, "slower beyond measure: the other's time was below the clock's resolution"),
    (float("inf"), "faster beyond measure: its time was below the clock's resolution"),
    (float("nan"), "not measured: both times were below the clock's resolution"),
])
def test_a_ratio_of_a_time_below_the_clock_says_so(ratio: float, said: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A ratio of 0 (the other method's median time 0 on a coarse clock) divided by zero."""
    assert load_benchmark("timing", monkeypatch).faster_or_slower(ratio) == said
