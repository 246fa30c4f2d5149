"""benchmarks/newsedits_read.py tells the size of the file it read."""

from __future__ import annotations

import re
import sys

import pytest
from benchmark_scripts import load_benchmark


def test_a_small_file_shows_its_size(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The size was printed in whole MB: a file of one article showed as `0 MB NewsEdits file`."""
    monkeypatch.setattr(sys, "argv", ["newsedits_read.py", "--articles", "1", "--rounds", "1"])
    load_benchmark("newsedits_read", monkeypatch).main()
    first = capsys.readouterr().out.splitlines()[0]
    assert re.fullmatch(r"[1-9][\d.]* kB NewsEdits file, median of 1 runs", first), first
