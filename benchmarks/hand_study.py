"""The command line of a blind hand study: print what was drawn without the truth (`--show`),
for a person to decide, or score the decisions recorded beside the script; and what the studies
of rows of the held-out real pages share: the page's gaps beside its truth, the draw, the rows
around a drawn row and the recorded decisions."""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from split_data import TruePage, corpus_available, real_chains

from revdiff.formats.sniffer_text import parse_header, read_diff_texts
from revdiff.model import RowKind, RowReading
from revdiff.splitter.grammar import gaps_between_matches

Drawn = TypeVar("Drawn")
Item = TypeVar("Item")
Body = list[tuple[int, str]]


def run_study(description: str, draw: Callable[[], Drawn], show: Callable[[Drawn], None],
              score: Callable[[Drawn], None]) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--show", action="store_true", help="print what was drawn, without the truth")
    args = parser.parse_args()
    if not corpus_available():
        print("skipped: ../shared/corpus is not there", file=sys.stderr)
        return 0
    drawn = draw()
    if args.show:
        show(drawn)
    else:
        score(drawn)
    return 0


def read_alone(page: TruePage, line: int) -> RowReading:
    """How revdiff reads one row (by its line) of a page read alone."""
    [article] = read_diff_texts([(page.name, page.text)])
    return next(row for row in article.pages[0].rows if row.line == line)


def gaps_with_truth(page: TruePage) -> tuple[Body, dict[int, tuple[RowKind, int | None]], list[list[int]]]:
    """A page's body lines, their truth (`TruePage.line_truth`) and the gaps between its true
    match rows, as indices into the body (none when the page has no truth)."""
    body = parse_header(page.text, page.name).body
    truth = page.line_truth(body)
    if not truth:
        return body, truth, []
    return body, truth, gaps_between_matches(truth.get(line, (None,))[0] is RowKind.MATCH
                                             for line, _ in body)


def draw_held_out(seed: int, count: int, items_of_page: Callable[[TruePage], list[Item]]) -> list[Item]:
    """`count` of the items `items_of_page` gives for the held-out real pages, drawn with the seed."""
    items = [item for chain in real_chains(held_out=True) for page in chain.pages
             for item in items_of_page(page)]
    random.Random(seed).shuffle(items)
    return items[:count]


def rows_around(body: Body, index: int) -> tuple[str, str]:
    """The texts of the body lines just before and just after line `index`, or "(start)" and
    "(end)" at the ends of the body."""
    before = body[index - 1][1] if index > 0 else "(start)"
    after = body[index + 1][1] if index + 1 < len(body) else "(end)"
    return before, after


def recorded_decisions(recorded: Path) -> list[Any]:
    """The decisions a person recorded in a study's JSON file."""
    decisions: list[Any] = json.loads(recorded.read_text(encoding="utf-8"))["decisions"]
    return decisions
