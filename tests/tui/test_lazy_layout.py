"""Rows laid out lazily: the first screen first, the rest in steps, and the same rows in the end."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot
from tui_helpers import run_async

from revdiff.engine import compare
from revdiff.model import Article, Version
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.filters import FilterState, visible_items
from revdiff.tui.layout import LayoutBuilder, LayoutMode, build_layout


def long_article(paragraphs: int = 300) -> Article:
    """Two versions of a long article: every seventh paragraph edited, every eleventh deleted."""
    old = [f"Paragraph {k} reports that the council met on day {k} and voted on item {k}. "
           f"Members said the vote on item {k} was close." for k in range(paragraphs)]
    new = [text.replace("was close", "was not close") if k % 7 == 0 else text
           for k, text in enumerate(old) if k % 11 != 5]
    return Article("long", None, (Version(1, "Long", tuple(old)), Version(2, "Long", tuple(new))))


@pytest.fixture(scope="module")
def long() -> Article:
    return long_article()


@pytest.mark.parametrize("mode", list(LayoutMode))
@pytest.mark.parametrize("step", [1, 7, 1000])
def test_laying_out_in_steps_gives_the_rows_of_one_pass(long: Article, mode: LayoutMode,
                                                       step: int) -> None:
    comparison = compare(*long.versions)
    items = visible_items(comparison.edits, FilterState(hide_unchanged=True))
    whole = build_layout(comparison, items, mode, 90)
    builder = LayoutBuilder(comparison, items, mode, 90)
    assert builder.layout.changes == whole.changes  # known before any row is laid out
    builder.extend(rows=30)
    assert 30 <= len(builder.layout.rows) < len(whole.rows)
    while not builder.done:
        builder.extend(items=step)
    assert builder.layout.rows == whole.rows
    assert builder.layout.first_row == whole.first_row
    assert builder.layout.last_row == whole.last_row
    assert builder.estimated_rows() == len(whole.rows)


def test_nothing_to_show_is_one_row(long: Article) -> None:
    builder = LayoutBuilder(compare(*long.versions), [], LayoutMode.UNIFIED, 80)
    assert not builder.done
    builder.extend(rows=10)
    assert builder.done
    assert [row.text.strip() for row in builder.layout.rows] == ["nothing to show with these filters"]


def full_rows(app: RevdiffApp, width: int) -> list[str]:
    comparison = app.session.comparison()
    layout = build_layout(comparison, visible_items(comparison.edits, app.filters), app.mode, width)
    return [row.text.rstrip() for row in layout.rows]


@asynccontextmanager
async def rebuilt_view(article: Article) -> AsyncIterator[tuple[Pilot[None], DiffView, list[str]]]:
    """The app's diff view just after a rebuild, with the rows a one-pass layout gives."""
    app = RevdiffApp(article)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        expected = full_rows(app, view.layout_width)
        view.rebuild()
        yield pilot, view, expected


@run_async
async def test_rebuild_lays_out_the_top_then_the_rest_between_events(long: Article) -> None:
    async with rebuilt_view(long) as (pilot, view, expected):
        assert 0 < view.rows_laid_out < len(expected) // 4
        assert view.changes == view.view_layout.changes  # view_layout finishes the layout...
        view.rebuild()
        await pilot.pause()  # ...and so do the steps between events, with no key pressed
        assert view.rows_laid_out == len(expected)
        assert view.virtual_size.height == len(expected)
        assert [row.text.rstrip() for row in view.view_layout.rows] == expected


@run_async
async def test_drawing_below_the_laid_out_rows_lays_them_out(long: Article) -> None:
    async with rebuilt_view(long) as (_, view, expected):
        target = view.rows_laid_out + 40
        view.scroll_to(y=target, animate=False, immediate=True)
        assert view.top_row == target
        drawn = "".join(segment.text for segment in view.render_line(0))
        assert drawn[1:].rstrip() == expected[target]  # after the cursor column
        assert view.rows_laid_out > target


@run_async
async def test_G_goes_to_the_real_end_right_after_a_rebuild(long: Article) -> None:
    async with rebuilt_view(long) as (pilot, view, expected):
        await pilot.press("G")
        assert view.visible_text()[-1] == expected[-1]
        assert view.top_row + view.scrollable_content_region.height == len(expected)


@run_async
async def test_objects_frozen_while_running_are_given_back_on_exit(long: Article) -> None:
    app = RevdiffApp(long)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


@run_async
async def test_a_new_width_keeps_the_place_laying_out_only_as_far_as_it(long: Article) -> None:
    """A resize keeps the edit at the top in place by laying out the rows down to it, not the
    whole article at once (a second's wait on a long one)."""
    async with rebuilt_view(long) as (pilot, view, expected):
        await pilot.pause()
        view.scroll_to(y=60, animate=False, immediate=True)
        place = view._place_on_screen()
        assert place is not None
        view._built_width = -1  # as after a resize
        view.on_resize()
        assert view.rows_laid_out < len(expected) // 2
        edit, offset = place
        assert view.view_layout.first_row[edit] - view.top_row == offset
