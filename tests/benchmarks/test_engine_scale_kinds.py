"""engine_scale.py's near-total deletion and insertion: the varied article against two lines."""

from __future__ import annotations

import pytest
from benchmark_scripts import load_benchmark


@pytest.mark.parametrize(("kind", "long_side"), [("deleted", "old"), ("added", "new")])
def test_a_one_sided_kind_sets_the_varied_article_against_two_paragraphs(
        kind: str, long_side: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The benchmark measured only pairs that share most of their sentences; a version cut down
    to two lines (43 MB to two lines took 1 min 42 s) goes another way through the alignment."""
    script = load_benchmark("engine_scale", monkeypatch)
    varied, _, _ = script.article_pair(20_000, "varied")
    old, new, moved = script.article_pair(20_000, kind)
    long, short = (old, new) if long_side == "old" else (new, old)
    assert long.paragraphs == varied.paragraphs
    assert len(short.paragraphs) == script.SHORT_PARAGRAPHS == 2
    assert not set(short.paragraphs) & set(long.paragraphs)
    assert (old.number, new.number, moved) == (0, 1, 0)
