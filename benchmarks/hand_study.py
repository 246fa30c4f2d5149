"""The command line of a blind hand study: print what was drawn without the truth (`--show`),
for a person to decide, or score the decisions recorded beside the script."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

from split_data import TruePage, corpus_available

from revdiff.formats.sniffer_text import read_diff_texts
from revdiff.model import RowReading

Drawn = TypeVar("Drawn")


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
