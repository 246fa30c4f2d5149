"""benchmarks/html_page_size.py sets the report page against a whole page of every pair unfolded."""

from __future__ import annotations

import sys

import pytest
from benchmark_scripts import load_benchmark


def test_the_peer_is_a_whole_page_as_the_report_is(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The peer counted the diff tables alone, none of the page around them, so at 2 versions,
    one pair that folds nothing into links, it came out smaller than the report page."""
    script = load_benchmark("html_page_size", monkeypatch)
    monkeypatch.setattr(sys, "argv", ["html_page_size.py", "--versions", "2", "30"])
    script.main()
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["2", "30"]
    assert rows[0].endswith(" 1.0x")  # nothing to link: the same page
    assert float(rows[1].split()[-1].rstrip("x")) > 1
