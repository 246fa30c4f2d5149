"""Shares (a changed share, a similarity, a confidence) written rounded, but never rounded to
none where there is some nor to all where there is less: `<1%`, `>99%`.

A module of its own, importing nothing: `revdiff parse`'s text summary writes its pages'
confidences with it and loads none of the engine's statistics.
"""

from __future__ import annotations


def percent(share: float) -> str:
    """A share as a whole percentage, but never `0%` for some change nor `100%` short of all."""
    return _short_of_the_ends(share, f"{share:.0%}", ("0%", "<1%"), ("100%", ">99%"))


def two_decimals(share: float) -> str:
    """A share (a similarity) with two decimals, but never `0.00` for some nor `1.00` short of
    all: `<0.01`, `>0.99`, as `percent` writes it."""
    return _short_of_the_ends(share, f"{share:.2f}", ("0.00", "<0.01"), ("1.00", ">0.99"))


def three_decimals(share: float) -> str:
    """A share (a page's confidence) with three decimals, but never `0.000` for some nor `1.000`
    short of all: `<0.001`, `>0.999`, as `percent` writes it."""
    return _short_of_the_ends(share, f"{share:.3f}", ("0.000", "<0.001"), ("1.000", ">0.999"))


def _short_of_the_ends(share: float, shown: str, none: tuple[str, str],
                       whole: tuple[str, str]) -> str:
    """`shown` (the share rounded), or what stands for it where rounding made some share none
    (`none`: the rounded form and its stand-in) or a share short of all the whole (`whole`)."""
    if share > 0 and shown == none[0]:
        return none[1]
    if share < 1 and shown == whole[0]:
        return whole[1]
    return shown
