"""Moving around one comparison: n p ] [ j k arrows space b PgDn PgUp g G Home End."""

from __future__ import annotations

from pathlib import Path

from tui_helpers import (
    current_edit_text,
    diff_lines,
    load_one,
    run_async,
    shown_words,
    status_text,
    wait_until,
)

from revdiff.model import Article, EditOp
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.session import engine_compare


@run_async
async def test_n_and_p_step_through_changes_in_order(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        changes = app.query_one(DiffView).view_layout.changes
        assert "changes · n for the next" in status_text(app)
        await pilot.press("n")
        assert status_text(app).startswith(f"change 1 of {len(changes)}")
        assert app.query_one(DiffView).current_edit == changes[0]
        assert current_edit_text(app)[:40] in shown_words(app)
        await pilot.press("n", "right_square_bracket")
        assert status_text(app).startswith(f"change 3 of {len(changes)}")
        assert current_edit_text(app)[:30] in shown_words(app)
        await pilot.press("p")
        assert status_text(app).startswith(f"change 2 of {len(changes)}")
        await pilot.press("left_square_bracket")
        assert status_text(app).startswith(f"change 1 of {len(changes)}")
        await pilot.press("left_square_bracket")  # already at the first: stays
        assert status_text(app).startswith(f"change 1 of {len(changes)}")


@run_async
async def test_n_reaches_the_last_change_and_shows_it(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        total = len(view.view_layout.changes)
        assert total > 20
        for _ in range(total + 2):
            await pilot.press("n")
        assert status_text(app).startswith(f"change {total} of {total}")
        assert view.current_edit == view.view_layout.changes[-1]
        first_row = view.view_layout.first_row[view.current_edit]
        assert view.top_row <= first_row < view.top_row + view.scrollable_content_region.height


@run_async
async def test_line_and_page_scrolling(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        height = view.scrollable_content_region.height
        first_screen = diff_lines(app)
        await pilot.press("j", "j", "down")
        assert view.top_row == 3
        assert diff_lines(app)[0] == first_screen[3]
        await pilot.press("k", "up")
        assert view.top_row == 1
        await pilot.press("space")
        assert view.top_row == 1 + height
        await pilot.press("pagedown")
        assert view.top_row == 1 + 2 * height
        await pilot.press("b", "pageup")
        assert view.top_row == 1
        await pilot.press("G")
        assert view.top_row == view.max_scroll_y > 0
        assert diff_lines(app)[-1].strip() != ""
        await pilot.press("g")
        assert view.top_row == 0
        assert diff_lines(app) == first_screen
        await pilot.press("end")
        assert view.top_row == view.max_scroll_y
        await pilot.press("home")
        assert view.top_row == 0


@run_async
async def test_first_n_starts_from_the_scroll_position(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        await pilot.press("G")
        top = view.top_row
        await pilot.press("n")
        # with no cursor yet, n picks the first change from the top of the screen
        layout = view.view_layout
        expected = next(e for e in layout.changes if layout.first_row[e] >= top)
        assert view.current_edit == expected
        await pilot.press("p")
        assert view.current_edit == layout.changes[layout.changes.index(expected) - 1]
        assert app.session.comparison().edits[view.current_edit].op is not EditOp.UNCHANGED


def _on_screen(view: DiffView, edit: int) -> bool:
    first_row = view.view_layout.first_row[edit]
    return view.top_row <= first_row < view.top_row + view.scrollable_content_region.height


@run_async
async def test_p_after_g_end_takes_the_last_change_then_the_one_before(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        changes = view.view_layout.changes
        await pilot.press("G", "p")
        # as n after g takes the first change, p after G takes the last (it was the last change
        # above the top of the screen, which skipped every change on screen)
        assert view.current_edit == changes[-1]
        assert status_text(app).startswith(f"change {len(changes)} of {len(changes)}")
        await pilot.press("p")
        assert view.current_edit == changes[-2]
        assert _on_screen(view, changes[-2])


@run_async
async def test_a_cursor_scrolled_off_screen_counts_no_more(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        changes = view.view_layout.changes
        await pilot.press("n", "G", "p")
        # the cursor on change 1 is far above the screen: p counts from the screen, where the
        # last change is (it said "That was the first change" and left the cursor off screen)
        assert view.current_edit == changes[-1]
        assert _on_screen(view, changes[-1])
        await pilot.press("g", "n")
        assert view.current_edit == changes[0]


@run_async
async def test_a_notice_given_again_replaces_itself(page_article: Article) -> None:
    """`p` pressed three times at the first change gave three equal notices, stacked."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n", "p", "p", "p")
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]  # not public
        assert toasts == ["This is the first change"]
        app.notify("Another notice")
        await pilot.pause()
        assert len(app.screen.query("Toast")) == 2
        # a dialog clears the notices; the same notice given after it shows again (it never did)
        await pilot.press("question_mark", "escape")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert toasts == ["This is the first change"]


@run_async
async def test_a_notice_given_again_is_shown_for_its_whole_time(page_article: Article) -> None:
    """The notice on screen kept the first press's timer: `.` pressed at the last pair again two
    seconds after had its notice taken away a second later, as the first one's time ran out, so
    that every other press seemed to show none."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n", "p", "p")
        await wait_until(pilot, lambda: len(app.screen.query("Toast")) == 1)
        given_last = list(app._notifications)[-1]
        (toast,) = app.screen.query("Toast")
        assert toast._notification is given_last  # not public: the notice whose timer it runs


@run_async
async def test_the_status_says_comparing_until_the_first_comparison_is_laid_out(
        chain_article: Article) -> None:
    """It said "0 changes" for the second a long article took to compare."""
    said: list[str] = []

    def compare(old, new):  # type: ignore[no-untyped-def]
        said.append(status_text(app))
        return engine_compare(old, new)

    app = RevdiffApp(chain_article, compare=compare)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert said and said[0] == "comparing…"
        assert status_text(app).endswith("changes · n for the next")


@run_async
async def test_a_step_that_finds_no_pair_says_why(chain_article: Article) -> None:
    """From v0 → v3 picked in the timeline, `.` said "Already at the last pair" and `,` "Already
    at the first pair"; with boring pairs hidden, `,` said the same where the pair before was
    only hidden."""
    from dataclasses import replace

    app = RevdiffApp(chain_article)

    async def said_after(*keys: str) -> list[str]:
        await pilot.press(*keys)
        await pilot.pause()
        return [str(toast.render()) for toast in app.screen.query("Toast")]

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.session.select_pair(0, 3)
        assert await said_after("full_stop") == ["No pair after version 3"]
        app.clear_notifications()
        assert await said_after("comma") == ["No pair before version 0"]
        app.clear_notifications()
        app.session.select_pair(1, 2)
        app.filters = replace(app.filters, hide_boring=True)
        app.session.pair_summary(0, 1)  # compared: is it boring?
        monkey = app.session.pair_summary
        app.session.pair_summary = lambda old, new: replace(monkey(old, new), boring=True)  # type: ignore[method-assign]
        assert await said_after("comma") == ["Every pair before is boring (x)"]
        app.clear_notifications()
        app.filters = replace(app.filters, hide_boring=False)
        app.session.select_pair(0, 1)
        assert await said_after("comma") == ["This is the first pair"]


@run_async
async def test_a_long_sentence_with_one_word_changed_is_not_called_100_percent_similar(
        tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(400))
    (tmp_path / "0.txt").write_text(f"Title\n\nThe minister said {words}.\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text(f"Title\n\nThe secretary said {words}.\n", encoding="utf-8")
    app = RevdiffApp(load_one(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        status = status_text(app)
        assert status.startswith("change 1 of 1  edited")
        assert "100% similar" not in status and ">99% similar" in status


@run_async
async def test_the_ends_of_changes_pairs_and_articles_are_told_alike(chain_article: Article) -> None:
    """`That was the last change`, `Already at the last pair` and `This is the last article`
    told the same thing three ways."""
    app = RevdiffApp([chain_article, chain_article])

    async def said_after(*keys: str) -> list[str]:
        app.clear_notifications()
        await pilot.press(*keys)
        await pilot.pause()
        return [str(toast.render()) for toast in app.screen.query("Toast")]

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert await said_after("n", "p") == ["This is the first change"]
        assert await said_after("G", "p", "n") == ["This is the last change"]
        assert await said_after("comma") == ["This is the first pair"]
        app.session.select_pair(2, 3)
        assert await said_after("full_stop") == ["This is the last pair"]
        assert await said_after("less_than_sign") == ["This is the first article"]
        assert await said_after("greater_than_sign", "greater_than_sign") == \
            ["This is the last article"]
