"""benchmarks/split_training.py says in weights.json which rows the gap model learned from."""

from __future__ import annotations

import numpy as np
import pytest
from benchmark_scripts import load_benchmark


def test_learned_from_names_the_gaps_not_every_decision_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """It said `N decision rows of P pages`, where decision rows are every row but a glued X+X
    row (docs/SPLITTER.md), but the rows counted are only those of the gaps whose rows all have a
    known reading, at most MAX_WORDS words and no glued row (`_true_gaps`)."""
    training = load_benchmark("split_training", monkeypatch)
    three = np.arange(3)
    rows = training.Examples(np.zeros((3, 1)), three, three, three, np.array([0]), np.array([3]),
                             np.array([0]), np.array([0]), pages=2)
    assert training.learned_from(rows).startswith(
        "3 decision rows of 2 pages, those of the gaps between match rows whose rows all have a "
        f"known reading, at most {training.MAX_WORDS} words and no glued X+X: the tuning slice")
