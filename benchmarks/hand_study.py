"""The command line of a blind hand study: print what was drawn without the truth (`--show`),
for a person to decide, or score the decisions recorded beside the script."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

from split_data import corpus_available

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
