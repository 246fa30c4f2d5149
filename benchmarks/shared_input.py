"""What a benchmark does when the data it reads from ../shared is not there."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def input_is_there(parser: argparse.ArgumentParser, option: str, given: Path, default: Path,
                   is_there: Callable[[Path], bool] = Path.is_dir, kind: str = "folder") -> bool:
    """Whether the data `option` names is there to measure. Its default, in ../shared, is not
    there in a checkout without it (a user's clone): a line on stderr says the run is skipped,
    and False. A path the user named that is not there is refused (`parser.error`, exit 2)."""
    if is_there(given):
        return True
    if given != default:
        parser.error(f"{option} {given} is no {kind}")
    print(f"skipped: {default} is not there", file=sys.stderr)
    return False
