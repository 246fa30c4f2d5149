"""Flattened diff pages: u finds rows the reader was unsure of, f flips the current one."""

from __future__ import annotations

from tui_helpers import diff_lines, run_async, status_text

from revdiff.model import Article
from revdiff.splitter.corrections import flip_row
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView


@run_async
async def test_unsure_rows_are_marked_and_u_moves_to_them(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any(line.startswith("?") for line in app.query_one(DiffView).view_layout.rows
                   for line in [line.text])
        await pilot.press("u")
        assert "? page line" in status_text(app) and "f flips" in status_text(app)
        view = app.query_one(DiffView)
        first = view.view_layout.first_row[view.current_edit]
        assert diff_lines(app)[first - view.top_row].startswith("?")


@run_async
async def test_f_flips_the_row_and_recomputes_the_comparison(page_article: Article) -> None:
    calls: list[tuple[str, int]] = []

    def recording_flip(article: Article, page_name: str, line: int) -> Article:
        calls.append((page_name, line))
        return flip_row(article, page_name, line)

    app = RevdiffApp(page_article, flip=recording_flip)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        status = status_text(app)
        line = int(status.split("? page line ")[1].split(":")[0])
        before = app.session.comparison()
        await pilot.press("f")
        assert calls == [(page_article.pages[0].name, line)]
        assert app.session.article is not page_article
        after = app.session.comparison()
        assert after is not before
        row = next(r for r in app.session.article.pages[0].rows if r.line == line)
        old_row = next(r for r in page_article.pages[0].rows if r.line == line)
        assert (row.kind, row.boundary) != (old_row.kind, old_row.boundary)
        assert f"? page line {line}:" not in status_text(app)  # the flipped row is now certain


@run_async
async def test_f_without_a_page_explains_itself(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "f", "u")
        assert app.session.article is chain_article
        assert status_text(app).startswith("change 1 of")
