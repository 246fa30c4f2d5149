"""What was counted from the tuning articles' text, as the evidence reads it.

Two things are counted (by benchmarks/split_training.py, shipped in `weights.json`): the edge
words (`edges`: how often a word ends or begins a paragraph) and how often paragraphs in general
have each shape (`shapes`). While the weights are learned, each page is read with counts from
the other fold's articles, so that no page is scored with its own article's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from revdiff.splitter.edges import EdgeWords, shipped_edges
from revdiff.splitter.learned import learned


@dataclass(frozen=True, slots=True)
class TextCounts:
    edges: EdgeWords
    shapes: Mapping[str, float]  # how often paragraphs have each shape (`shapes.shape`)


@cache
def shipped_counts() -> TextCounts:
    """The counts learned from the tuning slice (see benchmarks/split_training.py)."""
    data = learned()
    return TextCounts(shipped_edges(), data["paragraph_shapes"])
