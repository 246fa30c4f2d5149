"""Sizes as `--max-size` writes them: a limit to suggest is never below the size it is for."""

from __future__ import annotations

import pytest

from revdiff.size_limit import parse_size, size_at_least


@pytest.mark.parametrize(("size", "written"), [
    (900, "900"), (1024, "1K"), (1587, "1.6K"), (1025, "1.1K"), (64 * 1024**2, "64M"),
    (1024**2 - 1, "1M"), (1023 * 1024 + 1, "1023.1K"), (3 * 1024**3 + 1, "3.1G"),
])
def test_a_suggested_limit_reads_back_as_the_size_or_more(size: int, written: str) -> None:
    assert size_at_least(size) == written
    assert parse_size(written) >= size
