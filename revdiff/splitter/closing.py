"""Paragraphs that close a news article: its credit line (`Carol Morello contributed to this
report.`, `Additional reporting by …`, `Editing by …`).

A newspaper prints the reporters who helped last, so no paragraph of a version follows its
credit line. A reading of the page's last gap that puts one after it in either version (a change
row's cell after a credit in the same column, or one-sided rows after a cell that credits) reads
the versions in an order the paper did not print them, and is set aside while the gap can be
read otherwise. Only the last gap: a credit that match rows follow closes no version (a live
blog signs each post so), and a gap before them is read as before. English credits only.
"""

from __future__ import annotations

import re

# A credit line's last sentence, at the end of a cell: `… contributed to this report.`, `…
# contributed reporting from Beirut.`, `Additional reporting by …`, `… Editing by …`.
_CREDIT_AT_END = re.compile(
    r"(?:\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))(?: from [^.!?]{1,60})?"
    r"|\badditional reporting by [^.!?]{1,120}|\bediting by [^.!?]{1,120})\.?\s*$",
    re.IGNORECASE)
# Whether a text holds a credit anywhere: most pages hold none, and are not looked at further.
_CREDIT = re.compile(r"\bcontributed (?:reporting|to (?:this|the) (?:report|story|article))"
                     r"|\badditional reporting by|\bediting by", re.IGNORECASE)


def may_hold_credit(text: str) -> bool:
    """Whether a row's text holds a credit line's words anywhere (a cell of it may end on one)."""
    return _CREDIT.search(text) is not None


def closes_article(cell: str) -> bool:
    """Whether a paragraph ends with a credit line, which closes the article it is in."""
    return _CREDIT_AT_END.search(cell) is not None
