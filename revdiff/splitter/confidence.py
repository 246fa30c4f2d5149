"""How likely a decoded row is read right: a small learned model over what the decoder knows.

The decoder's own agreement share (the score-weighted share of the gap's readings that agree
with the row) ranks rows poorly on its own: a row can win its gap by a wide margin and still
be wrong when nothing on the page speaks for either side. The model combines it with the margins
of the row's reading over its rivals, the shape of its gap, and whether repeated text links the
row to others (the only page evidence for the side of a one-sided row). Its weights are learned
on the tuning slice as a logistic regression on whether each decision row was read right, and
its output is then calibrated (isotonic regression) so that a row reported at confidence p is
read right about p of the time. Glued `X`+`X` rows are read as match rows; how often that is
right is measured apart, for short halves without a space (`wangi`+`wangi`, `}}`+`}}`, which
may be one paragraph) and for the others.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from revdiff.model import RowKind
from revdiff.splitter.learned import learned

CONFIDENCE_FEATURES = (
    "bias", "change", "new_only", "agreement", "boundary_margin", "kind_margin",
    "gap_rows", "one_sided_rows", "linked", "link_strength", "cased",
)
MAX_MARGIN = 12.0
SHORT_HALF_CHARS = 8


@dataclass(frozen=True, slots=True)
class RowDecision:
    """What the decoder knows about one decided row."""

    kind: RowKind
    agreement: float  # the decoder's share of agreeing readings, 0..1
    boundary_margin: float  # change rows: best boundary over the next best
    kind_margin: float  # the chosen kind's best score over the best score of the other kind
    gap_rows: int
    one_sided_rows: int  # in the row's gap, as decoded
    link_strength: float  # summed weight of the repeated text it shares with other rows
    cased: bool

    def features(self) -> list[float]:
        clipped = min(max(self.agreement, 1e-6), 1 - 1e-6)
        return [
            1.0,
            float(self.kind is RowKind.CHANGE),
            float(self.kind is RowKind.NEW_ONLY),
            math.log(clipped / (1 - clipped)),
            min(self.boundary_margin, MAX_MARGIN),
            max(-MAX_MARGIN, min(self.kind_margin, MAX_MARGIN)),
            math.log(self.gap_rows),
            math.log1p(self.one_sided_rows),
            float(self.link_strength != 0),
            min(abs(self.link_strength), MAX_MARGIN),
            float(self.cased),
        ]


@cache
def _model() -> tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]] | None:
    table = learned().get("confidence")
    if not table:
        return None
    weights = tuple(table["weights"][name] for name in CONFIDENCE_FEATURES)
    return weights, tuple(table["raw"]), tuple(table["right"])


def row_confidence(decision: RowDecision) -> float:
    """The calibrated probability that the row is read right (the agreement when untrained)."""
    model = _model()
    if model is None:
        return decision.agreement
    weights, starts, right = model
    value = sum(w * f for w, f in zip(weights, decision.features()))
    output = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, value))))
    return right[max(0, bisect_right(starts, output) - 1)] if starts else output


def is_short_half(half: str) -> bool:
    """A glued row's half that could well be a one-sided paragraph of its own."""
    return " " not in half and len(half) < SHORT_HALF_CHARS


def glued_confidence(text: str) -> float:
    """How often a glued `X`+`X` row is truly a match row (measured on the tuning slice)."""
    table = learned().get("glued")
    if not table:
        return 1.0
    return float(table["short" if is_short_half(text[: len(text) // 2]) else "other"])
