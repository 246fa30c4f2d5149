"""Fixtures for the TUI tests: the sample articles."""

from __future__ import annotations

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
