"""The app's work on a thread of its own (`BackgroundWork`): what is asked for while a job runs."""

from __future__ import annotations

import threading

import pytest
from tui_helpers import run_async, wait_until

from revdiff.engine import compare
from revdiff.model import Article, Comparison, Version
from revdiff.tui import background
from revdiff.tui.app import RevdiffApp


def gated_app(article: Article, monkeypatch: pytest.MonkeyPatch, *,
              fails: bool = False) -> tuple[RevdiffApp, threading.Event, list[int]]:
    """An app that compares every pair apart, each comparison waiting until the event is set (and
    failing with `fails`); the list counts the comparisons."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    release = threading.Event()
    compared: list[int] = []

    def gated_compare(old: Version, new: Version) -> Comparison:
        release.wait(10)
        compared.append(1)
        if fails:
            raise ValueError("no comparison")
        return compare(old, new)

    return RevdiffApp(article, compare=gated_compare), release, compared


@run_async
async def test_a_request_for_the_pairs_the_running_job_compares_is_answered_after_it(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second request for the pairs being compared was dropped, and what it was to do with them
    never happened; they are compared once."""
    app, release, compared = gated_app(chain_article, monkeypatch)
    release.set()
    answered: list[str] = []
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        release.clear()
        before = len(compared)
        app.background.when_compared([(1, 2)], lambda: answered.append("first"))
        app.background.when_compared([(1, 2)], lambda: answered.append("second"))
        assert app.background.running and answered == []
        release.set()
        await wait_until(pilot, lambda: len(answered) == 2)
        assert answered == ["first", "second"]
        assert len(compared) - before == 1


@run_async
async def test_a_request_for_the_pair_whose_page_is_read_again_is_answered_after_it(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """While the pair on screen was read again (`f`, `F`), a request to compare it was taken for
    the same job and dropped."""
    app, release, _ = gated_app(chain_article, monkeypatch)
    release.set()
    answered: list[str] = []
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        release.clear()
        app.session.forget_comparisons()
        app.background.read_again(lambda: None, lambda: answered.append("read"),
                                  lambda error: answered.append(f"refused: {error}"))
        app.background.when_compared([app.session.pair], lambda: answered.append("compared"))
        assert app.background.running and answered == []
        release.set()
        await wait_until(pilot, lambda: len(answered) == 2)
        assert answered == ["read", "compared"]


@run_async
async def test_a_request_for_the_pairs_of_a_failing_job_fails_with_it(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its `failed` is called once the job fails, without comparing the pairs again."""
    app, release, compared = gated_app(chain_article, monkeypatch, fails=True)
    answered: list[str] = []
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.background.running)
        release.set()
        await wait_until(pilot, lambda: not app.background.running)
        release.clear()
        before = len(compared)
        app.background.when_compared([(1, 2)], lambda: answered.append("first"),
                                     failed=lambda: answered.append("first failed"))
        app.background.when_compared([(1, 2)], lambda: answered.append("second"),
                                     failed=lambda: answered.append("second failed"))
        assert app.background.running and answered == []
        release.set()
        await wait_until(pilot, lambda: len(answered) == 2)
        assert answered == ["first failed", "second failed"]
        await wait_until(pilot, lambda: not app.background.running)
        assert len(compared) - before == 1
