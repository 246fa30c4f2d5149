"""The splitter's learned parameters, shipped in `weights.json` (made by
benchmarks/split_training.py from the tuning slice of the corpus chains)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def learned() -> dict[str, Any]:
    text = resources.files("revdiff.splitter").joinpath("weights.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
