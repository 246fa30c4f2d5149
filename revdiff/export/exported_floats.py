"""The one rounding of the floats revdiff exports (confidences, similarities, distances, shares):
six significant digits, so that every export, and every scheduler, writes the same digits.

Significant digits, not decimals: a page of many unsure rows, whose confidence is their product,
keeps a small one (`1.23732e-11`), and a distance of sentences alike but for a character in ten
million keeps its `1e-07`, which six decimals made `0.0`, the value of a sure reading and of
identical sentences. A module of its own, importing nothing: `revdiff parse` rounds with it.
"""

from __future__ import annotations


def six_digits(value: float) -> float:
    """`value` to six significant digits (`0.876543`, `1.23457e-09`)."""
    return float(f"{float(value):.6g}")
