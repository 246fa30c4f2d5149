"""NO_COLOR in the terminal app: a value that is not empty turns its colours off, an empty one does
not (the convention of no-color.org, which `revdiff diff` keeps too)."""

from __future__ import annotations

import os

import pytest

from revdiff.model import Article
from revdiff.tui.app import RevdiffApp


@pytest.mark.parametrize(("value", "monochrome"), [("1", True), ("", False)])
def test_only_a_no_color_that_is_not_empty_makes_the_app_monochrome(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch, value: str, monochrome: bool) -> None:
    monkeypatch.setenv("NO_COLOR", value)
    assert RevdiffApp(chain_article).no_color is monochrome


def test_without_no_color_the_app_has_colours(chain_article: Article,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert RevdiffApp(chain_article).no_color is False


def test_an_empty_no_color_stays_in_the_environment(chain_article: Article,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "")
    RevdiffApp(chain_article)
    assert os.environ["NO_COLOR"] == ""
