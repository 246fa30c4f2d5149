"""Flattened diff pages: u finds rows the reader was unsure of, f flips the current one."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import SAMPLES, diff_lines, header_text, run_async, status_text, wait_until

from revdiff.corrections_file import Correction
from revdiff.engine import compare
from revdiff.export.pairs import pair_reading
from revdiff.export.records import article_ref, edit_rows
from revdiff.formats import load
from revdiff.model import SURE_CONFIDENCE, Article, Comparison, EditOp, Version
from revdiff.size_limit import DEFAULT_MAX_BYTES
from revdiff.splitter.corrections import flip_row
from revdiff.tui import background
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.help_screen import HelpScreen
from revdiff.tui.session import ArticleSession
from revdiff.tui.status_line import change_position, fitted_parts


def _two_pages_apart() -> Article:
    """Pages of versions 0 to 1 and 2 to 3 of one article, read together: no page compares the
    pair v1 → v2."""
    pages = SAMPLES / "sniffer-diff"
    (article,) = load([str(pages / "iran-strikes-v0-v1.txt"), str(pages / "iran-strikes-v2-v3.txt")])
    return article


def _exported_confidences(app: RevdiffApp, article: Article) -> list[float]:
    """The `confidence` an export gives each edit of the pair the app shows."""
    comparison = app.session.comparison()
    return [row["confidence"] for row in edit_rows(
        article_ref(0, article, "iran-strikes"), comparison, pair_reading(article, comparison))]


@run_async
async def test_unsure_rows_are_marked_and_u_moves_to_them(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any(line.startswith("?") for line in app.query_one(DiffView).view_layout.rows
                   for line in [line.text])
        await pilot.press("u")
        assert "? line" in status_text(app) and "reading 1 of" in status_text(app)
        view = app.query_one(DiffView)
        first = view.view_layout.first_row[view.current_edit]
        assert diff_lines(app)[first - view.top_row].startswith("?")


@run_async
async def test_u_says_the_filters_hide_the_unsure_rows(page_article: Article) -> None:
    """With every unsure row hidden (only merged sentences, no context), u said the pair had no
    unsure rows, though 41 of its 42 were."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"llllll", *"cccc", "u")
        assert "changes only ±0, only merged" in header_text(app)
        assert list(app._notifications)[-1].message == \
            "These filters hide every unsure row"


@run_async
async def test_f_with_every_change_filtered_out_names_what_moves_to_a_row(
        page_article: Article) -> None:
    """With the filters hiding every change, `f` said "Move to a row first (n, or u for the next
    unsure row)", yet `n` found no change to go to and, with no context, `u` no unsure row: it
    names the filters' keys as `n` does, and `u` alone where context shows an unsure row."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"lllll", "f")  # only split: the pair has none
        assert app.diff.changes == []
        assert list(app._notifications)[-1].message == "Move to an unsure row first (u)"
        await pilot.press(*"cccc", "f")  # and no context: no row at all
        said_by_n = app._no_change_shown()
        assert said_by_n == "Filters hide every change: press l"
        assert list(app._notifications)[-1].message == said_by_n


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
        line = int(status.split("? line ")[1].split(":")[0])
        before = app.session.comparison()
        await pilot.press("f")
        assert calls == [(page_article.pages[0].name, line)]
        assert app.session.article is not page_article
        after = app.session.comparison()
        assert after is not before
        row = next(r for r in app.session.article.pages[0].rows if r.line == line)
        old_row = next(r for r in page_article.pages[0].rows if r.line == line)
        assert (row.kind, row.boundary) != (old_row.kind, old_row.boundary)
        assert f"? line {line}:" not in status_text(app)  # the flipped row is now certain
        assert f"line {line}: {row.kind.value} · reading 2 of" in status_text(app)


@run_async
async def test_f_without_a_page_explains_itself(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 30)) as pilot:  # room for the long wording
        await pilot.pause()
        await pilot.press("f")  # before any move too: the pair has no rows to flip
        assert list(app._notifications)[-1].message == \
            "This pair was not read from a flattened diff page"
        await pilot.press("n", "f", "u")
        assert app.session.article is chain_article
        assert status_text(app).startswith("change 1 of")


@run_async
async def test_F_without_a_page_explains_itself(chain_article: Article) -> None:
    """No splitter read the pair: `F` names no "splitter's own reading" to go back to."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 30)) as pilot:  # room for the long wording
        await pilot.pause()
        await pilot.press("F")
        assert list(app._notifications)[-1].message == \
            "This pair was not read from a flattened diff page"


@run_async
async def test_f_says_which_reading_is_shown_and_F_restores_the_splitters(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        status = status_text(app)
        line = int(status.split("? line ")[1].split(":")[0])
        row = next(r for r in page_article.pages[0].rows if r.line == line)
        count = row.text.count(" ") + 2  # old only, new only, or a change cut at any space
        assert f"reading 1 of {count}" in status
        await pilot.press("f")
        assert f"line {line}: " in status_text(app) and f"reading 2 of {count}" in status_text(app)
        assert "F undoes" in status_text(app)
        await pilot.press("f")
        assert f"reading 3 of {count}" in status_text(app)
        await pilot.press("F")
        assert app.session.article is page_article
        assert f"? line {line}: " in status_text(app) and f"reading 1 of {count}" in status_text(app)
        assert "F undoes" not in status_text(app)


@run_async
async def test_a_row_marked_unsure_never_says_99_percent_sure(page_article: Article) -> None:
    """Confidence just under the "sure" mark is shown rounded down: `?` and "98% sure" agree."""
    page = page_article.pages[0]
    first_unsure = next(r for r in page.rows if not r.is_sure)
    rows = tuple(replace(r, confidence=0.989) if r.line == first_unsure.line else r for r in page.rows)
    article = replace(page_article, pages=(replace(page, rows=rows),))
    app = RevdiffApp(article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        status = status_text(app)
        assert f"? line {first_unsure.line}: " in status
        assert "98% sure" in status and "99%" not in status


@run_async
async def test_side_by_side_marks_unsure_new_text_too(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert app.mode.value == "side by side"
        rows = [row.text for row in app.query_one(DiffView).view_layout.rows]
        assert any("?" in text.split("│", 1)[1][:2] for text in rows if "│" in text)


@run_async
async def test_flattened_pages_open_at_the_first_pair_like_every_input() -> None:
    pages = sorted(str(path) for path in (SAMPLES / "sniffer-diff").glob("*.txt"))
    (article,) = load(pages)
    assert len(article.versions) == 5
    app = RevdiffApp(article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = header_text(app).split("\n")[0]
        assert header.startswith("v0 → v1  ") and "pair 1 of 4" in header


@run_async
async def test_f_on_a_row_the_other_pages_decide_says_so() -> None:
    pages = sorted(str(path) for path in (SAMPLES / "sniffer-diff").glob("*.txt"))
    (article,) = load(pages)
    app = RevdiffApp(article)
    said: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await pilot.pause()
        await pilot.press("n", "f")
        assert said == ["Line 10 cannot be read otherwise: the article's other pages decide it"]
        assert app.session.article is article


@run_async
async def test_the_flip_notice_does_not_cover_a_dialog_opened_after_it(page_article: Article) -> None:
    app = RevdiffApp([page_article, page_article])  # two: the list of one article does not open
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("u", "f")
        await pilot.pause()
        await pilot.pause()
        assert list(app.screen.query("Toast"))  # the notice shows over the diff
        for key in ("question_mark", "t", "slash", "e", "a"):
            await pilot.press("f", key)
            await pilot.pause()
            await pilot.pause()
            assert app.screen.is_modal, key
            assert not list(app.screen.query("Toast")), key
            await pilot.press("escape")
            await pilot.pause()


@run_async
async def test_a_flip_the_label_filter_hides_says_so(page_article: Article) -> None:
    """With one label shown, a flip that gives the row another label hid it without a word (and
    `f` could not reach its next reading)."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        label = app.session.comparison().edits[app.diff.current_edit].op
        while app.filters.only is not label:
            await pilot.press("l")
        await pilot.press("u")
        assert app.session.comparison().edits[app.diff.current_edit].op is label
        await pilot.press("f")
        await pilot.pause()
        assert app.diff.current_edit is None
        assert list(app._notifications)[-1].message.endswith(
            f"; hidden by the filter (only {label.value})")


@run_async
async def test_a_narrow_status_line_cuts_the_edit_s_part_before_the_row_s_reading(
        page_article: Article) -> None:
    """At 80 columns an unsure edited row's status was cut at its end, `change 1 of 8  edited ·
    74% similar  ? line 21: change, 47% sure · reading 1 …`: which reading is shown, of how many,
    and the key that flips it were lost, the edit's similarity kept. The edit's part gives way
    first."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l")  # only edited
        await pilot.press("n")
        status = status_text(app)
        assert status.startswith("change 1 of ") and "  edited · " in status
        assert re.search(r"  \? line \d+: change, \d+% sure · reading 1 of \d+ \(f\)$", status)
        assert " · …  ? line " in status and len(status) <= 78


@run_async
async def test_a_narrower_status_line_shortens_the_row_s_part_and_keeps_its_reading(
        page_article: Article) -> None:
    """At 60 columns an unsure row's status was cut at its end, `change 2 of 92  ? line 11:
    change, 23% sure · reading 1 o…`: the reading count and the key that flips it were lost, and
    the edit's label with them, though the README says the reading and its keys stay. The row's
    part gives way (how sure, then its kind) before the edit's label, the reading never."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u", "u")
        await pilot.pause()
        edit = app.session.comparison().edits[app.diff.current_edit]
        status = status_text(app)
        assert re.fullmatch(rf"change \d+ of \d+  {edit.op.value}  \? line \d+ · reading 1 of \d+ \(f\)",
                            status), status
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert re.search(r"  \? line \d+: change · reading 1 of \d+ \(f\)$", status_text(app))


@run_async
async def test_the_narrowest_status_line_keeps_the_row_s_reading_and_its_keys(
        page_article: Article) -> None:
    """At 44 columns, the least the app takes, `u` showed `change 1 of 92  ? line 10 · reading 1
    of …`: the reading count and the key that flips it were cut, its shortest form too long.
    A shorter one (`1 of 54`) keeps them, after a flip the key that undoes it too."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(44, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert re.fullmatch(r"change 1 of 92  \? line 10 · 1 of \d+ \(f\)", status_text(app))
        await pilot.press("f")
        await wait_until(pilot, lambda: not app.background.running)
        await pilot.pause()
        assert re.fullmatch(r"change 1 of \d+  line 10 · 2 of \d+ \(f, F\)", status_text(app))


@run_async
async def test_the_narrowest_status_line_shortens_the_place_before_the_row_s_keys(
        page_article: Article) -> None:
    """At 44 columns an unsure row of a sentence that moved unchanged showed `sentence 35 (was
    25)  ? line 27 · 1 of 6…`: the reading's count and the key that flips it were cut, though
    its place was whole. After the row's note, the place gives way: its old position first."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(44, 24)) as pilot:
        await pilot.pause()
        session = app.session
        app.diff.set_current(next(  # the first unsure row of a sentence that moved unchanged
            index for index, edit in enumerate(session.comparison().edits)
            if edit.op is EditOp.UNCHANGED and edit.old[0] != edit.new[0]
            and (row := session.row_of_edit(edit)) is not None and not row.is_sure))
        app._refresh_status()  # as the keys that move the cursor do
        await pilot.pause()
        assert re.fullmatch(r"sentence \d+  \? line \d+ · 1 of \d+ \(f\)", status_text(app)), \
            status_text(app)


def test_large_numbers_cut_the_place_not_the_row_s_reading_or_its_keys() -> None:
    """With large numbers even the shortest forms overflow 44 columns (42 cells): the place is
    cut to what is left, the row's reading and keys stay whole."""
    note = "? line 1234 · 1 of 1000 (f)"
    assert fitted_parts(("sentence 12 (was 14)", "sentence 12"), "", (note,), 42) == (
        "sentence 12", "", note)
    flipped = "line 1234 · 1000 of 1000 (f, F)"
    place, detail, kept = fitted_parts(change_position(12345, 67890), "edited", (flipped,), 42)
    assert (place, detail, kept) == ("change 1…", "", flipped)
    assert len(f"{place}  {kept}") == 42


@run_async
async def test_a_pair_of_two_pages_marks_what_they_read_unsure_as_the_exports_rate_it() -> None:
    """Pages of versions 0 to 1 and 2 to 3 read together: the pair v1 → v2, which no page
    compares, rests on both pages' unsure rows (its edits' exported confidence is as low as 0.55),
    yet it showed no `?` and `u` found no unsure row in it."""
    article = _two_pages_apart()
    app = RevdiffApp(article)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await pilot.press(".")
        await pilot.pause()
        assert header_text(app).startswith("v1 → v2")
        exported = _exported_confidences(app, article)
        layout = app.query_one(DiffView).view_layout
        marked = [any(row.text.startswith("?") for row in
                      layout.rows[layout.first_row[edit]:layout.last_row[edit] + 1])
                  for edit in range(len(exported))]
        assert marked == [confidence < SURE_CONFIDENCE for confidence in exported]
        assert marked[3] and exported[3] == 0.546  # the row page v0-v1 read least sure
        assert not marked[8] and exported[8] > SURE_CONFIDENCE


@run_async
async def test_u_steps_from_row_to_row_not_sentence_to_sentence(page_article: Article) -> None:
    """Page line 11 holds two sentences, two edits: `u` ("Next row the page reader was unsure
    of") went from line 10 to line 11, then to line 11 again."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = []
        for _ in range(6):
            await pilot.press("u")
            lines.append(int(status_text(app).split("? line ")[1].split(":")[0]))
        assert lines == [10, 11, 12, 13, 14, 15]


@run_async
async def test_f_on_a_pair_of_two_pages_names_the_pairs_where_its_rows_flip() -> None:
    """The pair v1 → v2 of pages v0-v1 and v2-v3, whose text both pages gave, was "not read from
    a flattened diff page", `f` said."""
    article = _two_pages_apart()
    app = RevdiffApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(".", "f")
        assert list(app._notifications)[-1].message == \
            "Not from one page: flip its rows in v0 → v1, v2 → v3"
        assert app.session.article is article


@run_async
async def test_f_on_a_marked_change_of_a_pair_of_two_pages_names_the_row_to_flip() -> None:
    """On a change marked `?` of the pair v1 → v2 of pages v0-v1 and v2-v3, `f` named every page's
    pair, two rows of the notice for the four pages of a chain's pair 2 apart at 80 columns,
    though one row of one page makes the change unsure: the one the status line names. It names
    that row, where a flip changes how sure the change is."""
    app = RevdiffApp(_two_pages_apart())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(".", "u", "u", "u")
        assert status_text(app).endswith("? v0 → v1 line 12, 54% sure")
        await pilot.press("f")
        assert list(app._notifications)[-1].message == "Flip line 12 in v0 → v1"
        await pilot.press("u", "n", "f")  # edit 6: a change no unsure row makes unsure
        assert app.diff.current_edit == 6 and "?" not in status_text(app)
        assert list(app._notifications)[-1].message == "Flip its rows in v0 → v1, v2 → v3"


@run_async
@pytest.mark.parametrize("width", [100, 44])
async def test_f_names_the_pairs_of_four_pages_even_where_they_take_more_than_a_row(
        width: int) -> None:
    """The pair v1 → v3 of the chain of pages v0-v1 .. v3-v4 rests on all four pages: `f` said
    `Flip in its pages` at 100 columns (and with two pages at 44), naming none, where the pairs
    did not fit one row of the notice. It names them, in as many rows as they take (three at
    44 columns)."""
    (article,) = load([str(path) for path in sorted((SAMPLES / "sniffer-diff").glob("*.txt"))])
    app = RevdiffApp(article)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t", "m", "j", "j", "enter")
        assert app.session.pair == (1, 3)
        await pilot.press("n", "f")
        assert list(app._notifications)[-1].message == \
            "Flip in v0 → v1, v1 → v2, v2 → v3, v3 → v4"


@run_async
async def test_u_says_when_it_goes_round_from_the_last_unsure_row_to_the_first(
        page_article: Article) -> None:
    """After the last unsure row `u` went back to the first without a word, where `n` after the
    last change says `This is the last change`."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        said: list[str] = []
        app.notify = lambda message, **_: said.append(str(message))  # type: ignore[method-assign]
        await pilot.press("G", "u")  # the first unsure row on the last screen
        rows = [app.diff.view_layout.first_row[app.diff.current_edit]]
        while not said and len(rows) < 20:
            await pilot.press("u")
            rows.append(app.diff.view_layout.first_row[app.diff.current_edit])
        assert said == ["That was the last unsure row: back to the first"]
        assert rows[:-1] == sorted(rows[:-1]) and rows[-1] < rows[-2], rows
        assert status_text(app).startswith("change 1 of ") and "? line 10:" in status_text(app)


@run_async
async def test_the_page_keys_fixed_notices_are_shown_as_plain_text(
        page_article: Article, chain_article: Article) -> None:
    """`u` going round, `F` without a flip and `f` or `F` on a pair read from no page gave their
    notices as markup, where the page keys' other notices are plain text."""
    notices: list[tuple[str, object]] = []
    for article, keys in ((page_article, ("G", *"u" * 20)), (page_article, ("F",)),
                          (chain_article, ("F",))):
        app = RevdiffApp(article)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.notify = lambda message, **options: notices.append(  # type: ignore[method-assign]
                (str(message), options.get("markup", True)))
            await pilot.press(*keys)
    assert {message for message, _ in notices} == {
        "That was the last unsure row: back to the first",
        "No row was flipped: this is the splitter's own reading",
        "This pair was not read from a flattened diff page"}
    assert all(markup is False for _, markup in notices), notices


@run_async
async def test_u_on_a_pair_of_two_pages_steps_from_paragraph_to_paragraph() -> None:
    """In the pair v1 → v2 of pages v0-v1 and v2-v3, `u` stayed on the first marked change: no
    page row holds its edits, so every edit counted as the row under the cursor. It goes to the
    next unsure paragraph: edits 2 and 4 rest on the paragraphs of edits 1 and 3."""
    article = _two_pages_apart()
    app = RevdiffApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(".")
        steps = []
        for _ in range(5):
            await pilot.press("u")
            steps.append(app.diff.current_edit)
        assert steps == [0, 1, 3, 5, 0]
        await pilot.press("f")  # flipping stays with the pages' own pairs
        assert list(app._notifications)[-1].message == \
            "Not from one page: flip line 10 in v0 → v1"


@run_async
async def test_a_marked_change_of_a_pair_of_two_pages_names_the_row_that_makes_it_unsure() -> None:
    """In the pair v1 → v2 of pages v0-v1 and v2-v3, a change marked `?` said nothing in the
    status line of why: no page row of the pair holds it. It names the page's pair, the line of
    the least sure row it rests on and how sure that is, as the exports rate the change."""
    article = _two_pages_apart()
    app = RevdiffApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press(".")
        await pilot.pause()
        exported = _exported_confidences(app, article)
        said = []
        for key in ("u", "u", "u", "u", "n"):  # edits 0, 1, 3, 5 marked, then 6
            await pilot.press(key)
            said.append(status_text(app).split("  ")[-1])
        assert app.diff.current_edit == 6
        assert [exported[edit] for edit in (1, 3, 5, 6)] == [0.9303, 0.546, 0.6035, 0.9996]
        assert said[1:4] == ["? v2 → v3 line 11, 93% sure", "? v0 → v1 line 12, 54% sure",
                             "? v0 → v1 line 13, 60% sure"]
        assert "?" not in said[4] and "sure" not in said[4]


@run_async
async def test_a_narrow_status_line_drops_how_sure_the_page_row_is_before_the_edit_s_label() -> None:
    """The note of a pair no page compares had one form: at 50 columns the edit's label gave way
    to it whole. Like a page row's own note, it now leaves out how sure the row is first."""
    app = RevdiffApp(_two_pages_apart())
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.pause()
        await pilot.press(".")
        await pilot.pause()
        await pilot.press("u", "u", "u")
        await pilot.pause()
        assert status_text(app) == "change 3 of 7  deleted  ? v0 → v1 line 12"


@run_async
async def test_a_long_page_is_read_again_and_compared_apart_on_f_and_F(
        page_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a live blog's page of 1,500 rows, `f` read the page again and compared the pair on the
    app's own loop: 2 s in which no key answered and the screen said nothing. Now the status says
    `reading the page again…` meanwhile (it said `comparing…`, though the page is read again
    first) and `?` and `q` answer, as when the pair was first compared."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    release = threading.Event()

    def slow_flip(article: Article, page_name: str, line: int) -> Article:
        release.wait(5)
        return flip_row(article, page_name, line)

    def slow_compare(old: Version, new: Version) -> Comparison:
        release.wait(5)
        return compare(old, new)

    app = RevdiffApp(page_article, compare=slow_compare, flip=slow_flip)
    release.set()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout and "comparing" not in status_text(app))
        await pilot.press("u")
        line = int(status_text(app).split("? line ")[1].split(":")[0])
        for key, reading in (("f", "reading 2 of"), ("F", "reading 1 of")):
            release.clear()
            await pilot.press(key)
            await pilot.pause()
            assert "reading the page again…" in status_text(app)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            release.set()
            await wait_until(pilot, lambda: "again…" not in status_text(app))
            assert f"line {line}: " in status_text(app) and reading in status_text(app)


@run_async
async def test_the_flip_notice_is_shown_as_plain_text(page_article: Article) -> None:
    """The notice after a flip, which names the filters in force, was the one notice of the page
    keys shown as markup: text in square brackets in it would have been read as styles."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        label = app.session.comparison().edits[app.diff.current_edit].op
        while app.filters.only is not label:
            await pilot.press("l")
        await pilot.press("u", "f")
        await pilot.pause()
        notice = list(app._notifications)[-1]
        assert notice.message.startswith("Page line ")
        assert notice.message.endswith(f"; hidden by the filter (only {label.value})")
        assert notice.markup is False


@run_async
async def test_w_saves_the_flips_as_a_corrections_file_read_back_as_the_app_reads_them(
        page_article: Article, tmp_path: Path) -> None:
    """The app's flips were lost on quit: `w` writes them as a corrections file, which
    `--corrections` reads the page back from as the app showed it."""
    from revdiff.corrections_file import apply_corrections, read_corrections

    app = RevdiffApp(page_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert list(tmp_path.iterdir()) == []  # no flip, nothing to save
        await pilot.press("u")
        for count in (1, 2):  # the row's third reading
            await pilot.press("f")
            await wait_until(pilot, lambda count=count: sum(app.session.flips.values()) == count)
            await pilot.pause()
        assert sum(app.session.flips.values()) == 2
        await pilot.press("w")
        await pilot.pause()
        shown = app.session.article
    [path] = tmp_path.iterdir()
    assert path.name.endswith("-corrections.jsonl")
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2  # a comment and the row
    [read_back] = apply_corrections([page_article], read_corrections(str(path), 100_000),
                                    str(path))
    assert read_back.pages == shown.pages
    assert read_back.versions == shown.versions


def _corrections_path(app: RevdiffApp) -> Path:
    """Where `w` saves the corrections of the article on screen."""
    from revdiff.export.slugs import article_slug

    return app.export_directory / f"{article_slug(app._article_ref().name)}-corrections.jsonl"


def _app_read_with_a_correction(article: Article, tmp_path: Path,
                                names: Sequence[str] = ()) -> tuple[RevdiffApp, Path]:
    """An app showing `article` read with a corrections file (`_read_with_a_correction`), once
    for each of `names` (once with none), and the export folder of its own `w` saves in."""
    corrected, applied = _read_with_a_correction(article, tmp_path)
    saved_in = tmp_path / "saved"
    saved_in.mkdir()
    app = RevdiffApp([corrected] * max(1, len(names)), export_directory=saved_in,
                     corrections=applied, article_names=names)
    return app, saved_in


async def _w_asks_then_replaces(pilot: Pilot[None], app: RevdiffApp, path: Path,
                                keys: Sequence[str] = ("w",)) -> str:
    """Press `keys`, the last `w`: the corrections file at `path` is left as it was and `w`
    asks; a second `w` replaces it with the app's (a comment and the file's correction). The
    question `w` asked."""
    before = path.read_text(encoding="utf-8")
    await pilot.press(*keys)
    await pilot.pause()
    assert path.read_text(encoding="utf-8") == before
    notice = list(app._notifications)[-1]
    assert notice.severity == "warning" and notice.message.endswith(": w again replaces it")
    await pilot.press("w")
    await pilot.pause()
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
    return notice.message


@run_async
async def test_w_asks_before_replacing_a_corrections_file_it_did_not_read_or_write(
        page_article: Article, tmp_path: Path) -> None:
    """`w` silently replaced an `<article>-corrections.jsonl` already in the export folder, one
    the user never named as output (a colleague's, an earlier session's): it now says so and
    replaces it on a second press; one it wrote itself in this run it replaces at once."""
    app, _ = _app_read_with_a_correction(page_article, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        path = _corrections_path(app)
        path.write_text("# someone else's\n", encoding="utf-8")
        asked = await _w_asks_then_replaces(pilot, app, path)
        assert asked.endswith("-corrections.jsonl is in the export folder, and this app did not "
                              "read or write it: w again replaces it")
        saved = path.read_text(encoding="utf-8")
        path.write_text("# changed since\n", encoding="utf-8")
        await pilot.press("w")  # written by this run: replaced without asking
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == saved


@run_async
async def test_w_asks_again_after_another_key(page_article: Article, tmp_path: Path) -> None:
    """The question of `w` never expired: a second `w` after other keys (the cursor moved, a row
    flipped, another pair shown) still replaced the file. Any other key now clears it, as typing
    clears the export dialog's `Enter again replaces it`."""
    app, _ = _app_read_with_a_correction(page_article, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        path = _corrections_path(app)
        path.write_text("# someone else's\n", encoding="utf-8")
        await _w_asks_then_replaces(pilot, app, path, keys=("w", "n", "w"))


@run_async
async def test_w_asks_before_replacing_the_corrections_another_article_saved_under_its_name(
        page_article: Article, tmp_path: Path) -> None:
    """Found by a review: two articles whose names give one file name (a slug keeps 60
    characters) share `<article>-corrections.jsonl`, and `w` on the second silently replaced the
    file it had saved for the first, whose corrections were lost."""
    names = ("https://example.com/" + "x" * 70 + "/one", "https://example.com/" + "x" * 70 + "/two")
    app, _ = _app_read_with_a_correction(page_article, tmp_path, names)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        path = _corrections_path(app)
        await pilot.press("w")
        await pilot.pause()
        path.write_text("# the first article's\n", encoding="utf-8")  # told apart from the second's
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert app.article_index == 1 and _corrections_path(app) == path
        asked = await _w_asks_then_replaces(pilot, app, path)
        assert asked.endswith("-corrections.jsonl holds another article's corrections, saved by "
                              "this app: w again replaces it")


def _app_started_with_its_corrections_file(article: Article, tmp_path: Path,
                                           max_bytes: int = DEFAULT_MAX_BYTES) -> RevdiffApp:
    """An app showing `article` read with a corrections file (`_read_with_a_correction`) found
    where `w` saves its corrections, as `view --corrections` gives it, within `max_bytes`."""
    corrected, applied = _read_with_a_correction(article, tmp_path)
    path = _corrections_path(RevdiffApp(corrected, export_directory=tmp_path))
    (tmp_path / "fixes.jsonl").rename(path)
    return RevdiffApp(corrected, export_directory=tmp_path, corrections=applied,
                      corrections_file=str(path), max_bytes=max_bytes)


@run_async
async def test_w_replaces_the_corrections_file_the_app_was_started_with(
        page_article: Article, tmp_path: Path) -> None:
    """Replacing the file `view --corrections` read is what `w` is for: no question asked."""
    app = _app_started_with_its_corrections_file(page_article, tmp_path)
    path = _corrections_path(app)
    before = path.read_text(encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        after = path.read_text(encoding="utf-8")
    assert after.startswith("#") and after.splitlines()[1:] == before.splitlines()


@run_async
async def test_w_reads_the_file_the_app_was_started_with_again_within_the_run_s_size_limit(
        page_article: Article, tmp_path: Path) -> None:
    """`w` read the file `view --corrections` named again within the default 64 MiB, whatever
    `--max-size` the run was given: the app now reads it within the run's limit, so a file
    grown past it since is refused and left as it is. The notice said to raise `--max-size`, an
    option the running app cannot take: it says what can be done from the app, naming the
    limit to start again with."""
    limit = len(_a_correction_line(page_article).encode()) + 10  # the file it reads, and 10 bytes
    app = _app_started_with_its_corrections_file(page_article, tmp_path, max_bytes=limit)
    path = _corrections_path(app)
    assert path.stat().st_size < limit
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grown = path.read_text(encoding="utf-8") + "# another article's, joined since\n"
        path.write_text(grown, encoding="utf-8")
        await pilot.press("w")
        await pilot.pause()
        notice = list(app._notifications)[-1]
    assert path.read_text(encoding="utf-8") == grown
    assert notice.severity == "error"
    assert notice.message.endswith(
        f"so nothing was written: it is {len(grown.encode()):,} bytes, over this run's "
        f"--max-size of {limit:,} bytes. Quit (q) and start again with --max-size "
        f"{len(grown.encode())}, or move the file aside and press w again")


def _a_correction_line(article: Article) -> str:
    """A corrections file's line that reads the last unsure row of `article`'s first page
    otherwise."""
    from revdiff.corrections_file import correction_line

    page = article.pages[0]
    line = [row for row in page.rows if not row.is_sure][-1].line
    row = next(r for r in flip_row(article, page.name, line).pages[0].rows if r.line == line)
    return correction_line(page.name, line, row.kind, row.boundary)


async def _flip_a_row_and_save(pilot: Pilot[None], app: RevdiffApp) -> Article:
    """Flip the first unsure row (`u`, `f`), then save the corrections (`w`): the article as
    the app shows it."""
    await pilot.press("u", "f")
    await wait_until(pilot, lambda: sum(app.session.flips.values()) == 1)
    await pilot.pause()
    await pilot.press("w")
    await pilot.pause()
    return app.session.article


@run_async
async def test_w_keeps_the_other_articles_corrections_of_the_file_the_app_was_started_with(
        page_article: Article, tmp_path: Path) -> None:
    """Found by a review: `view --corrections F` with F holding two articles' corrections joined
    (as the README suggests), and F named as `w` names the first article's: `w` on it replaced F
    with that article's lines alone, and the second article's corrections were lost."""
    from revdiff.corrections_file import apply_corrections, read_corrections

    other = _two_pages_apart()
    names = ("washpo-soleimani", "iran-strikes")
    path = _corrections_path(RevdiffApp([page_article, other], export_directory=tmp_path,
                                        article_names=names))
    first, second = _a_correction_line(page_article), _a_correction_line(other)
    path.write_text(f"# joined\n{first}\n{second}\n", encoding="utf-8")
    applied: list[Correction] = []
    articles = apply_corrections([page_article, other], read_corrections(str(path), 100_000),
                                 str(path), applied)
    app = RevdiffApp(articles, export_directory=tmp_path, corrections=applied,
                     corrections_file=str(path), article_names=names)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = await _flip_a_row_and_save(pilot, app)
        assert list(app._notifications)[-1].message.startswith("Wrote the corrections")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert second in lines and "# joined" in lines
    assert first in lines  # read with it, then a flip of another row
    assert len(lines) == 5  # the header, the comment, the second's, the first's, the flip
    read_back = apply_corrections([page_article, other], read_corrections(str(path), 100_000),
                                  str(path))
    assert read_back[0].pages == shown.pages
    assert read_back[1].pages == articles[1].pages != other.pages


def _read_with_a_correction(article: Article, tmp_path: Path) -> tuple[Article, list[Correction]]:
    """`article` read with a corrections file (`view --corrections`) that flips its last unsure
    row, and the corrections applied."""
    from revdiff.corrections_file import apply_corrections, read_corrections

    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text(_a_correction_line(article) + "\n", encoding="utf-8")
    applied: list[Correction] = []
    [corrected] = apply_corrections([article], read_corrections(str(fixes), 100_000), str(fixes),
                                    applied)
    return corrected, applied


@run_async
async def test_w_saves_the_corrections_the_app_was_read_with_and_then_its_flips(
        page_article: Article, tmp_path: Path) -> None:
    """`view --corrections F` then `w` wrote the app's flips alone: the file's corrections, which
    the app started from, were lost."""
    from revdiff.corrections_file import apply_corrections, read_corrections

    app, saved_in = _app_read_with_a_correction(page_article, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = await _flip_a_row_and_save(pilot, app)
    [path] = saved_in.iterdir()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # a comment, the file's correction, the flip
    assert lines[1] == (tmp_path / "fixes.jsonl").read_text(encoding="utf-8").strip()
    [read_back] = apply_corrections([page_article], read_corrections(str(path), 100_000),
                                    str(path))
    assert read_back.pages == shown.pages
    assert read_back.versions == shown.versions


def test_a_flip_of_a_row_the_corrections_file_read_replaces_its_correction(
        page_article: Article, tmp_path: Path) -> None:
    corrected, [correction] = _read_with_a_correction(page_article, tmp_path)
    session = ArticleSession(corrected, compare=compare, corrections=[correction])
    assert session.saved_corrections() == [
        (correction.page, correction.line, correction.kind, correction.boundary)]
    session.flip(next(r for r in corrected.pages[0].rows if r.line == correction.line))
    [(page, line, kind, boundary)] = session.saved_corrections()
    flipped = next(r for r in session.article.pages[0].rows if r.line == correction.line)
    assert (page, line, kind, boundary) == (correction.page, correction.line, flipped.kind,
                                            flipped.boundary)
    assert (kind, boundary) != (correction.kind, correction.boundary)


@run_async
async def test_w_is_said_to_save_the_corrections_read_with_not_the_flips_alone(
        page_article: Article, tmp_path: Path) -> None:
    """`w` saves the corrections the app was read with and then its flips, yet the help called it
    `Save the flips`, and with no flip its notice said `Wrote the flips`."""
    from revdiff.tui.help_screen import help_table

    app, saved_in = _app_read_with_a_correction(page_article, tmp_path)
    columns = help_table(app.key_table).columns
    shown = dict(zip(map(str, columns[0].cells), map(str, columns[1].cells), strict=True))
    assert "--corrections" in shown["w"] and "flips" in shown["w"]
    assert not shown["w"].startswith("Save the flips")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        notice = list(app._notifications)[-1].message
    assert notice.startswith("Wrote the corrections to "), notice
    assert len(list(saved_in.iterdir())) == 1


@run_async
async def test_F_in_an_app_read_with_corrections_goes_back_to_them_and_says_so(
        page_article: Article, tmp_path: Path) -> None:
    """`view --corrections FILE` then `F` undoes the flips alone: the rows the file corrected stay
    as it reads them, the reading the app started with. Its help, its notices and the reading
    a corrected row was said to have called that `the splitter's own reading`."""
    from revdiff.tui.help_screen import help_table

    corrected, [correction] = _read_with_a_correction(page_article, tmp_path)
    app = RevdiffApp(corrected, corrections=[correction])
    columns = help_table(app.key_table).columns
    shown = dict(zip(map(str, columns[0].cells), map(str, columns[1].cells), strict=True))
    assert "splitter's own" not in shown["F"] and "--corrections" in shown["F"]

    def notices() -> list[str]:
        return [notice.message for notice in app._notifications]

    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        assert notices()[-1] == "No row was flipped: the reading with the corrections"
        edits = app.session.comparison().edits
        app.diff.set_current(next(index for index, edit in enumerate(edits)
                                  if (row := app.session.row_of_edit(edit)) is not None
                                  and row.line == correction.line))
        await pilot.press("f")
        await wait_until(pilot, lambda: bool(app.session.flips))
        await pilot.pause()
        assert app.session.article != corrected
        await pilot.press("F")
        await wait_until(pilot, lambda: not app.session.flips)
        await pilot.pause()
        assert app.session.article is corrected
        assert notices()[-1].startswith(f"Page line {correction.line}: reading 1 of ")
        assert notices()[-1].endswith(f"{correction.kind.value} (the corrections file's)")


@run_async
async def test_u_lands_on_a_sentence_marked_for_its_old_row_after_an_edit_of_its_sure_new_row(
        page_article: Article) -> None:
    """A sentence marked `?` for its old page row, its new row sure, right after another edit of
    that new row: with the cursor on that edit, `u` passed over the sentence to the first unsure
    row, as if its row had been reached. It took an edit's `?` to come from its new row, sure or
    not."""
    page = page_article.pages[0]
    session = ArticleSession(page_article)
    edits = session.comparison().edits
    before, after = next(
        (index - 1, index) for index, edit in enumerate(edits)
        if index and edit.old and edit.new
        and (row := session.row_of_edit(edit)) is not None
        and session.row_of_edit(edits[index - 1]) is row
        and not edits[index - 1].old)  # the edit before it is of the new row only
    new_row = session.row_of_edit(edits[after])
    assert new_row is not None
    rows = tuple(replace(r, confidence=1.0) if r.line == new_row.line else r for r in page.rows)
    app = RevdiffApp(replace(page_article, pages=(replace(page, rows=rows),)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        unsure = app.session.unsure()
        assert not unsure.touches(edits[before])
        assert unsure.touches(edits[after], "old") and not unsure.touches(edits[after], "new")
        app.diff.set_current(before)
        app._refresh_status()  # as the keys that move the cursor do
        await pilot.press("u")
        assert app.diff.current_edit == after


@run_async
async def test_a_sentence_moved_from_an_unsure_row_to_a_sure_one_names_and_flips_the_unsure_one(
        page_article: Article) -> None:
    """`u` landed on a sentence that moved unchanged, `?` on its old page row, its new row sure:
    the status line said `sentence 53 (was 42)  unchanged` and nothing of the row, as it named
    the sure new row, and `f` flipped that row, not the one marked `?`."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        session = app.session
        edits = session.comparison().edits
        moved = next(index for index, edit in enumerate(edits)
                     if edit.op is EditOp.UNCHANGED and edit.old[0] != edit.new[0]
                     and session.unsure().touches(edit, "old")
                     and not session.unsure().touches(edit, "new"))
        while app.diff.current_edit != moved:
            await pilot.press("u")
        old_paragraph = session.comparison().old_sentences[edits[moved].old[0]].paragraph
        old_row = session._row_paragraphs("old")[old_paragraph]
        assert old_row is not None and not old_row.is_sure
        assert re.search(rf"  \? line {old_row.line}: \w+, \d+% sure · reading 1 of \d+ \(f\)$",
                         status_text(app)), status_text(app)
        await pilot.press("f")
        await wait_until(pilot, lambda: not app.background.running)
        await pilot.pause()
        assert app.session.flips == {(page_article.pages[0].name, old_row.line): 1}


@pytest.mark.parametrize(("size", "rows"), [((44, 15), 2), ((80, 24), 1), ((120, 40), 1)])
@run_async
async def test_f_on_a_pair_of_two_pages_says_so_in_one_row_where_the_pairs_fit(
        size: tuple[int, int], rows: int) -> None:
    """`This pair was not read from one diff page: flip its rows in the pairs of their pages (v0 →
    v1, v2 → v3)` was longer than the widest notice, and wrapped to four rows of it at 80 columns.
    At 44 columns, where no wording that names the pairs fits one row, they take two (it said
    `Flip in its pages`, naming none). No change is under the cursor, so no row is named."""
    app = RevdiffApp(_two_pages_apart())
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(".")
        app.clear_notifications()
        await pilot.press("f")
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))  # Textual's class for a notice is not public
        assert [toast.content_size.height for toast in toasts] == [rows], \
            [str(toast.render()) for toast in toasts]
        assert list(app._notifications)[-1].message.endswith("v0 → v1, v2 → v3")
