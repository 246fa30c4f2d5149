"""Fixtures for the TUI tests: the sample articles, and a check that no test prints past pytest's
capture."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest
from tui_helpers import CHAIN, PAGE, load_one

from revdiff.model import Article


@pytest.fixture(scope="session")
def chain_article() -> Article:
    """Four plain versions, 0.txt .. 3.txt, of one story."""
    return load_one(CHAIN)


@pytest.fixture(scope="session")
def page_article() -> Article:
    """A flattened News Sniffer diff page (versions 6 and 7) with rows the reader is unsure of."""
    return load_one(PAGE)


@pytest.fixture(autouse=True)
def nothing_printed_past_the_capture(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A headless Textual app passes what is printed while it runs on to `sys.__stdout__`, which
    pytest's capture does not hold: buffered when it is no terminal (a CI run without
    PYTHONUNBUFFERED), it came out later on pytest's own output, colour codes and all. Keep it
    here, and fail the test that printed it (render text with `tui_helpers.rendered_text`)."""
    printed = io.StringIO()
    monkeypatch.setattr(sys, "__stdout__", printed)
    yield
    assert not printed.getvalue(), f"printed past pytest's capture: {printed.getvalue()[:200]!r}"
