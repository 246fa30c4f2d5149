"""Layout and filters: s h c l x i."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pytest
from text_columns import terminal_columns
from textual.widgets import Static
from tui_helpers import diff_lines, header_text, run_async, status_text

from revdiff.model import Article, EditOp, Flag, Version
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.filters import FLAG_CYCLE
from revdiff.tui.layout import LayoutMode
from revdiff.tui.pair_header import PairHeader
from revdiff.tui.session import PairSummary
from revdiff.tui.stats_panel import StatsPanel
from revdiff.tui.stats_text import chain_lines
from revdiff.tui.wrapping import text_width

PUNCTUATION = Article(None, None, (
    Version(1, "Bridge", ("The bridge will close on Monday.",
                          "Officials said the work would last three weeks.", "Residents were angry.")),
    Version(2, "Bridge", ("The bridge will close on Tuesday.",
                          "Officials said the work would last three weeks!", "Residents were angry.")),
))

# The new version writes `é` as `e` and a combining accent (NFD) in one sentence and changes a word
# in another.
ACCENTS = Article(None, None, (
    Version(1, "Café", ("Le café a été rénové.", "Il ouvre lundi.")),
    Version(2, "Café", (unicodedata.normalize("NFD", "Le café a été rénové."), "Il ouvre mardi.")),
))


@run_async
async def test_s_toggles_side_by_side_and_unified(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "unified" in header_text(app)  # 80 columns start unified
        assert not any("│" in line for line in diff_lines(app))
        await pilot.press("n", "s")
        assert "side by side" in header_text(app)
        rows = [line for line in diff_lines(app) if "│" in line]
        assert rows and any(line.split("│")[1].startswith("+ ") for line in rows)
        assert status_text(app).startswith("change 1 of")  # the cursor survives the switch
        await pilot.press("s")
        assert "unified" in header_text(app)


@run_async
async def test_wide_terminals_start_side_by_side(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        assert "side by side" in header_text(app)
        assert all("│" in line for line in diff_lines(app) if line.strip())


@pytest.mark.parametrize(("columns", "beside"), [(110, "unified"), (130, "unified"),
                                                 (160, "side by side")])
@run_async
async def test_the_layout_follows_the_width_the_statistics_leave_the_diff(
        chain_article: Article, columns: int, beside: str) -> None:
    """With the panel on the right, the layout followed the terminal's width: at 130 columns the
    diff was side by side in 96 (about 46 a side). It follows the diff's width, and `i` changes it
    back and forth; `s` still forces one."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(columns, 30)) as pilot:
        await pilot.pause()
        assert "side by side" in header_text(app)
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        assert beside in header_text(app)
        assert any("│" in line for line in diff_lines(app)) == (beside == "side by side")
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        assert "side by side" in header_text(app)
        assert any("│" in line for line in diff_lines(app))
        await pilot.press("s", "i")
        await pilot.pause()
        assert "unified" in header_text(app)


@run_async
async def test_s_goes_back_to_the_automatic_layout(chain_article: Article) -> None:
    """Once `s` was pressed the layout was fixed for the run: `i` no longer switched it as the
    panel took or gave back its columns. `s` goes from the automatic layout to the other one,
    then to the first, then back to automatic, the notice saying which."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(130, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "side by side" in header_text(app)
        await pilot.press("s")
        assert "unified" in header_text(app)
        assert notices(app)[-1] == "Layout: unified, kept"
        await pilot.press("s", "i")
        await pilot.pause()
        await pilot.pause()
        assert "side by side" in header_text(app)  # kept, the panel beside it
        await pilot.press("s")
        await pilot.pause()
        assert "unified" in header_text(app)  # the automatic one for the 96 columns left
        assert notices(app)[-1] == "Layout: automatic, by the diff's width (unified)"
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        assert "side by side" in header_text(app)


@pytest.mark.parametrize("size", [(44, 15), (60, 20), (80, 24), (200, 50)])
@run_async
async def test_the_layout_notices_take_one_row(chain_article: Article, size: tuple[int, int]) -> None:
    """Under 110 columns `Layout: automatic, by the diff's width (unified)` wrapped to two rows of
    the notice (its text is half the terminal less 3 cells), three at 44 columns: a notice that
    narrow says it shorter."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.press("s")
            await pilot.pause()
            toast = list(app.screen.query("Toast"))[-1]
            assert toast.content_size.height == 1, str(toast.render())
        assert "automatic" in str(toast.render()).lower()


@pytest.mark.parametrize("size", [(44, 15), (60, 20), (80, 24)])
@run_async
async def test_the_notices_of_keys_that_do_nothing_take_one_row(size: tuple[int, int]) -> None:
    """`The statistics are hidden: J shows them` wrapped to two rows of the notice at 80 columns,
    `This article has only two versions` and `The inputs hold only this article` at 60: a notice
    that narrow says it shorter, as the layout's does."""
    article = Article(None, "https://example.com/story",
                      tuple(Version(n, "Story", (f"Text {n}.",)) for n in range(2)))
    app = RevdiffApp(article)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        for key in ("full_stop", "greater_than_sign", "J"):
            await pilot.press(key)
            await pilot.pause()
        toasts = list(app.screen.query("Toast"))
        assert len(toasts) == 3
        assert [toast.content_size.height for toast in toasts] == [1, 1, 1], notices(app)


@pytest.mark.parametrize("size", [(44, 15), (80, 24)])
@run_async
async def test_the_notices_of_no_row_chosen_take_one_row(
        chain_article: Article, page_article: Article, size: tuple[int, int]) -> None:
    """`No edit selected: press n to go to a change` (`y`) and `Move to a row first (n, or u for
    the next unsure row)` (`f`) wrapped to two rows of the notice at 80 columns: a notice that
    narrow says it shorter."""
    for article, presses in ((chain_article, [("y",)]),
                             (page_article, [("f",), (*"lllll", "f")])):  # only split: no change
        app = RevdiffApp(article)
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            for keys in presses:
                app.clear_notifications()
                await pilot.press(*keys)
                await pilot.pause()
                assert [toast.content_size.height for toast in app.screen.query("Toast")] == [1], \
                    notices(app)


@run_async
async def test_the_notices_of_the_ends_take_one_row(chain_article: Article) -> None:
    """`This is the first change`, `This is the first pair` and `This is the first article` wrapped
    to two rows of the notice at 44 columns: a notice that narrow says it shorter."""
    app = RevdiffApp([chain_article, chain_article])
    async with app.run_test(size=(44, 15), notifications=True) as pilot:
        await pilot.pause()
        for keys in (("n", "p"), ("comma",), ("less_than_sign",)):
            app.clear_notifications()
            await pilot.press(*keys)
            await pilot.pause()
            assert [toast.content_size.height for toast in app.screen.query("Toast")] == [1], \
                notices(app)


@pytest.mark.parametrize("size", [(44, 15), (80, 24)])
@run_async
async def test_the_page_keys_notices_of_nothing_to_do_take_one_row(
        page_article: Article, size: tuple[int, int]) -> None:
    """`That was the last unsure row: back to the first` (`u`), `No row was flipped: nothing to
    save (f flips the current row)` (`w`) and `No row was flipped: this is the splitter's own
    reading` (`F`) wrapped to two rows of the notice at 80 columns, three and four at 44."""
    for presses in (("G", *"u" * 20), ("w",), ("F",)):
        app = RevdiffApp(page_article)
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            app.clear_notifications()
            await pilot.press(*presses)
            await pilot.pause()
            assert [toast.content_size.height for toast in app.screen.query("Toast")] == [1], \
                notices(app)


@pytest.mark.parametrize("size", [(44, 15), (80, 24)])
@run_async
async def test_the_page_keys_notices_on_a_pair_of_no_page_take_one_row(
        chain_article: Article, size: tuple[int, int]) -> None:
    """`This pair was not read from a flattened diff page` (`f`, `F`, `w`) wrapped to two rows of
    the notice at 80 columns, four at 44, and `No unsure rows in this pair` (`u`) to two at 44."""
    for keys in (("n", "f"), ("F",), ("w",), ("u",)):  # `n`: a row under the cursor, for `f`
        app = RevdiffApp(chain_article)
        async with app.run_test(size=size, notifications=True) as pilot:
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            assert [toast.content_size.height for toast in app.screen.query("Toast")] == [1], \
                notices(app)


def notices(app: RevdiffApp) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]  # not public


@run_async
async def test_h_hides_unchanged_text_and_c_changes_the_context(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop", "full_stop")  # v2 → v3 has unchanged sentences
        assert any(e.op is EditOp.UNCHANGED for e in app.session.comparison().edits)
        before = len(app.query_one(DiffView).view_layout.rows)
        await pilot.press("h")
        assert "changes only ±1" in header_text(app)
        rows = app.query_one(DiffView).view_layout.rows
        assert len(rows) < before
        assert any("sentence" in row.text and "hidden" in row.text for row in rows)
        edits = app.session.comparison().edits
        for index in app.query_one(DiffView).view_layout.first_row:
            if edits[index].op is EditOp.UNCHANGED:  # kept only as context next to a change
                neighbours = edits[max(0, index - 1):index + 2]
                assert any(e.op is not EditOp.UNCHANGED for e in neighbours)
        await pilot.press("c")
        assert "changes only ±2" in header_text(app)
        await pilot.press("c", "c")
        assert "changes only ±0" in header_text(app)
        shown = app.query_one(DiffView).view_layout.first_row
        assert not any(edits[index].op is EditOp.UNCHANGED for index in shown)
        await pilot.press("h")
        assert "changes only" not in header_text(app)
        assert len(app.query_one(DiffView).view_layout.rows) == before


@run_async
async def test_the_first_c_hides_unchanged_text_with_one_sentence_of_context(
        chain_article: Article) -> None:
    """The first `c` showed ±2: it counted on from the ±1 in force although nothing was hidden yet.
    It hides as `h` does; the next `c` keeps ±2, then ±3, ±0 and ±1 again."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop", "full_stop", "h")
        hidden_by_h = [row.text for row in app.query_one(DiffView).view_layout.rows]
        await pilot.press("h", "c")
        assert "changes only ±1" in header_text(app)
        assert [row.text for row in app.query_one(DiffView).view_layout.rows] == hidden_by_h
        shown = []
        for _ in range(4):
            await pilot.press("c")
            shown.append(app.filters.context)
        assert shown == [2, 3, 0, 1]
        assert "changes only ±1" in header_text(app)


@run_async
async def test_l_shows_only_one_label(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        edits = app.session.comparison().edits
        changes = sum(e.op is not EditOp.UNCHANGED for e in edits)
        await pilot.press("l")
        assert "only edited" in header_text(app)
        edited = sum(e.op is EditOp.EDITED for e in edits)
        # how many the filter hides: a filter that left none said only "0 changes"
        assert status_text(app).startswith(f"{edited} change{'s' if edited != 1 else ''} "
                                           f"({changes - edited} hidden)")
        await pilot.press("l")
        assert "only added" in header_text(app)
        added = sum(e.op is EditOp.ADDED for e in edits)
        assert status_text(app).startswith(f"{added} change{'s' if added != 1 else ''} "
                                           f"({changes - added} hidden)")
        for _ in range(5):
            await pilot.press("l")
        assert "only" not in header_text(app)
        assert "hidden" not in status_text(app)


# Edits with the flags a researcher filters on: a number changed, an attribution changed, both, an
# added sentence (no flags), and one kept as it was.
FLAGGED = Article(None, None, (
    Version(1, "Troops", ("About 700 troops were sent.", "The base was attacked.",
                          "The general was killed, officials said.", "No one was hurt.")),
    Version(2, "Troops", ("About 3,000 troops were sent.", "The base was attacked, Iraqi officials said.",
                          "The general was killed, U.S. officials said in 2020.", "No one was hurt.",
                          "More troops may follow.")),
))


@run_async
async def test_o_shows_only_one_flag_and_with_l_both_must_hold() -> None:
    app = RevdiffApp(FLAGGED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        edits = app.session.comparison().edits
        changes = sum(e.op is not EditOp.UNCHANGED for e in edits)
        shown = []
        for flag in FLAG_CYCLE[1:]:
            assert flag is not None
            await pilot.press("o")
            assert f"only {flag.value}" in header_text(app)
            flagged = sum(flag in e.flags for e in edits)
            assert status_text(app).startswith(f"{flagged} change{'s' if flagged != 1 else ''} "
                                               f"({changes - flagged} hidden)")
            shown.append(flagged)
        # number_changed first, then quote_changed and attribution_changed: a researcher's flags
        # before those of how the text is written (it began with encoding_only, the rarest)
        assert shown == [2, 0, 2, 0, 0, 0, 0]
        assert set(FLAG_CYCLE[1:]) == set(Flag) and len(FLAG_CYCLE) == len(Flag) + 1
        await pilot.press("o")
        assert "only" not in header_text(app)
        assert status_text(app).startswith(f"{changes} changes")
        await pilot.press("o", "o", "o")  # attribution_changed
        await pilot.press("l", "l")  # and added: none has both
        assert "only added, only attribution_changed" in header_text(app)
        assert status_text(app).startswith(f"0 changes ({changes} hidden)")
        assert [line.strip() for line in diff_lines(app) if "⋯" in line] == [
            "⋯ 3 sentences hidden (3 filtered out by label or flag)",
            "⋯ 1 sentence hidden (1 filtered out by label or flag)"]


@run_async
async def test_a_narrow_fold_line_says_its_filtered_changes_in_fewer_words() -> None:
    """At 44 columns the fold line read `⋯ 14 sentences hidden (10 filtered out…`, its bracket
    left open, where `(10 filtered out)` fits."""
    old = [f"Sentence {n} is here." for n in range(14)]
    new = [f"Sentence {n} is now here." for n in range(13)] + ["Sentence 13 is here!"]
    article = Article(None, None, (Version(1, "T", (" ".join(old),)),
                                   Version(2, "T", (" ".join(new),))))
    app = RevdiffApp(article)
    async with app.run_test(size=(44, 12)) as pilot:
        await pilot.pause()
        await pilot.press("o", "o", "o", "o", "o")  # punctuation_only: the last sentence alone
        await pilot.pause()
        assert "only punctuation_only" in header_text(app)
        assert [line.strip() for line in diff_lines(app) if "⋯" in line] == [
            "⋯ 13 sentences hidden (13 filtered out)"]


@run_async
async def test_x_hides_punctuation_only_edits() -> None:
    app = RevdiffApp(PUNCTUATION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert status_text(app).startswith("2 changes")
        await pilot.press("x")
        assert "no boring" in header_text(app)
        assert status_text(app).startswith("1 change")
        assert not any(line.startswith(" - Officials") for line in diff_lines(app))
        assert any(line.startswith("   Officials") for line in diff_lines(app))


@run_async
async def test_an_edit_of_unicode_form_alone_says_so_and_x_hides_it() -> None:
    app = RevdiffApp(ACCENTS)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert status_text(app).startswith("2 changes")
        await pilot.press("x")
        assert status_text(app).startswith("1 change")
        await pilot.press("x", "n")
        assert "encoding only" in status_text(app)
        await pilot.press("i")
        await pilot.pause()
        panel = stats_text(app.query_one(StatsPanel))
        assert "encoding only      1" in panel and "words removed     1" in panel


def stats_text(panel: StatsPanel) -> str:
    """The statistics panel's counts and chart."""
    return "\n".join(str(block.content) for block in panel.query(Static))


@run_async
async def test_i_shows_statistics_and_the_chain_chart(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = app.query_one(StatsPanel)
        assert not panel.display or not panel.shown
        await pilot.press("i")
        await pilot.pause()
        assert panel.shown and panel.region.width > 0
        text = stats_text(panel)
        stats = app.session.comparison().stats
        assert f"words added  {stats.words_added:>6}" in text
        assert f"edited    {stats.counts['edited']:>6}" in text
        assert "▶v0→1" in text and "v2→3" in text
        await pilot.press("full_stop")
        assert "▶v1→2" in stats_text(panel)
        await pilot.press("i")
        await pilot.pause()
        assert not panel.shown


@run_async
async def test_header_keeps_the_title_on_its_second_line_when_filters_are_long(
        page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h", "c", "l", "x")
        header = app.query_one(PairHeader)
        lines = ["".join(segment.text for segment in strip)
                 for strip in header.render_lines(header.size.region)]
        assert lines[0].strip().startswith("v6 → v7") and "changes only ±2" in lines[0]
        assert lines[1].strip().startswith("Pentagon launched airstrike")


CASE_ONLY = Article(None, None, (
    Version(1, "Bridge", ("The bridge will close on Monday.", "Residents were angry.")),
    Version(2, "Bridge", ("The Bridge will close on Monday.", "Residents were angry.")),
))


@run_async
async def test_x_and_the_pair_agree_on_what_is_boring() -> None:
    """A change of letter case is a change for the statistics, so `x` keeps it on screen too."""
    app = RevdiffApp(CASE_ONLY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.session.comparison().stats.boring
        await pilot.press("x")
        assert "no boring" in header_text(app)
        assert status_text(app).startswith("1 change")
    app = RevdiffApp(PUNCTUATION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        assert status_text(app).startswith("1 change")  # Monday -> Tuesday; the "!" is boring


@run_async
async def test_the_statistics_scroll_by_keyboard_at_80x24(chain_article: Article) -> None:
    # a story updated a dozen times: the chart has a line per pair, more than 24 rows hold
    versions = [replace(chain_article.versions[k % 2], number=k) for k in range(14)]
    app = RevdiffApp(replace(chain_article, versions=tuple(versions)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        stats = app.query_one(StatsPanel)
        assert stats.max_scroll_y > 0  # more lines than fit
        await pilot.press("J", "J")
        assert stats.scroll_offset.y > 0
        await pilot.press("K", "K")
        assert stats.scroll_offset.y == 0


def current_pair_line_in_view(stats: StatsPanel) -> bool:
    """Whether the chart's line marked `▶` (the current pair's) is in the panel's view."""
    chart = stats.query_one("#stats-chain", Static)
    [row] = [row for row, line in enumerate(str(chart.content).splitlines()) if line.startswith("▶")]
    top = stats.scroll_offset.y
    return top <= chart.virtual_region.y + row < top + stats.scrollable_content_region.height


@run_async
async def test_the_statistics_keep_the_current_pair_s_line_in_view(chain_article: Article) -> None:
    """On a chain of 60 versions the chart always began at v0→1: the current pair's line, v34→35,
    stayed out of sight until J was pressed a dozen times."""
    versions = [replace(chain_article.versions[k % 2], number=k) for k in range(60)]
    app = RevdiffApp(replace(chain_article, versions=tuple(versions)))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stats = app.query_one(StatsPanel)
        assert current_pair_line_in_view(stats) and stats.scroll_offset.y == 0
        await pilot.press(*["full_stop"] * 34)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "▶v34→35" in stats_text(stats)
        assert current_pair_line_in_view(stats)
        await pilot.press("K", "K")  # the reader's own scrolling holds while the pair stays
        top = stats.scroll_offset.y
        await pilot.press("x", "x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert stats.scroll_offset.y == top
        await pilot.press(*["comma"] * 34)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "▶v0→1" in stats_text(stats)
        assert current_pair_line_in_view(stats)


@run_async
async def test_the_statistics_bring_the_pair_s_line_into_view_in_the_next_article(
        chain_article: Article) -> None:
    """The panel remembered the pair it last scrolled to, not the article: the next article,
    open on v0→1 as the last was, kept the place J had scrolled the last one's chart to, its
    own v0→1 out of sight."""
    versions = [replace(chain_article.versions[k % 2], number=k) for k in range(60)]
    long_chain = replace(chain_article, versions=tuple(versions))
    app = RevdiffApp([long_chain, long_chain])
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stats = app.query_one(StatsPanel)
        await pilot.press(*["J"] * 6)
        assert not current_pair_line_in_view(stats)
        await pilot.press("greater_than_sign")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.article_index == 1 and "▶v0→1" in stats_text(stats)
        assert current_pair_line_in_view(stats) and stats.scroll_offset.y == 0


@run_async
async def test_the_header_counts_pairs_not_versions(chain_article: Article) -> None:
    """Version numbers are the source's (0.txt is v0); the header counts pairs from 1, apart."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert header_text(app).startswith("v0 → v1  pair 1 of 3  ·")
        await pilot.press("full_stop")
        assert header_text(app).startswith("v1 → v2  pair 2 of 3  ·")


@run_async
async def test_cut_lines_end_in_an_ellipsis(page_article: Article) -> None:
    from textual.widgets import DataTable

    from revdiff.tui.status_line import StatusLine

    app = RevdiffApp(page_article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        # at 60 columns the row's part of the status gives way and it fits, at 40 the place's
        # too (`change 1`): at 24 it is cut
        await pilot.resize_terminal(24, 24)
        await pilot.pause()
        shown = app.query_one(StatusLine).render_line(0).text.rstrip()
        assert shown.endswith("…") and len(shown) <= 24
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        title = str(table.get_row_at(1)[-1])
        assert title.endswith("…") and page_article.versions[1].title.startswith(title[:-1])


@run_async
async def test_the_change_under_the_cursor_stays_on_screen_when_the_width_changes(
        page_article: Article) -> None:
    """`i` narrows the diff and a resize changes its width: the rows wrap anew, and the change under
    the cursor stays on screen (it scrolled away, and `n` went back to a change above it)."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        for _ in range(40):
            await pilot.press("n")
        current = view.current_edit
        assert current is not None and status_text(app).startswith("change 40 of")

        def on_screen() -> bool:
            first = view.view_layout.first_row[current]
            return view.top_row <= first < view.top_row + view.scrollable_content_region.height

        assert on_screen()
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        assert on_screen()
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        await pilot.pause()
        assert on_screen()
        await pilot.press("n")
        assert status_text(app).startswith("change 41 of")


@run_async
async def test_a_narrow_header_drops_the_layout_and_the_time_before_the_filters(
        page_article: Article) -> None:
    """At 60 columns the filters in force were cut off the end of the line (`…`), so nothing said
    that text was hidden; the layout's name (the diff shows it) and the time give way first."""
    app = RevdiffApp([page_article, page_article])
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.pause()
        first_line = header_text(app).split("\n")[0]
        assert first_line == "article 1 of 2  v6 → v7  about 1 hour later  pair 1 of 1"
        await pilot.press("l")
        first_line = header_text(app).split("\n")[0]
        assert first_line == "article 1 of 2  v6 → v7  pair 1 of 1  ·  only edited"
        await pilot.press("h", "x")
        first_line, title_line = header_text(app).split("\n")
        assert first_line == "v6 → v7 pair 1/1 · changes ±1, only edited, no boring"
        assert title_line.startswith("article 1/2 · Pentagon launched")
    app = RevdiffApp(page_article)
    async with app.run_test(size=(100, 15)) as pilot:
        await pilot.pause()
        await pilot.press("l")
        assert header_text(app).split("\n")[0] == \
            "v6 → v7  about 1 hour later  pair 1 of 1  ·  unified  ·  only edited"


@run_async
async def test_a_label_and_a_flag_stay_in_sight_in_a_50_column_header(page_article: Article
                                                                       ) -> None:
    """At 50 columns, `l` and `o` together cut the flag's name (`only edited, only attribution_cha…`),
    so the header did not say which edits were shown: the pair's position gives way to them."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        await pilot.press("l", "o", "o", "o")
        first_line = header_text(app).split("\n")[0]
        assert first_line == "v6 → v7 · only edited, only attribution_changed"
    app = RevdiffApp(page_article)
    async with app.run_test(size=(50, 20)) as pilot:  # the flag alone leaves room for it
        await pilot.pause()
        await pilot.press("o", "o", "o")
        assert header_text(app).split("\n")[0] == "v6 → v7 pair 1/1 · only attribution_changed"


@run_async
async def test_a_hindi_title_is_cut_to_the_screen_with_its_ellipsis() -> None:
    """The header measured the title as Rich does, a vowel sign (`ा`, `ी`) no cell: the terminal,
    which gives each its cell, cut the line at the screen's edge, and the `…` with it."""
    title = "प्रधानमंत्री ने दिल्ली में बैठक की किसानों की मदद का वादा किया"
    article = Article(None, None, tuple(Version(number, title, (text,)) for number, text in
                                        enumerate(["आज बैठक हुई।", "कल बैठक हुई।"])))
    app = RevdiffApp(article)
    async with app.run_test(size=(44, 12)) as pilot:
        await pilot.pause()
        title_line = header_text(app).split("\n")[1]
        assert title_line.endswith("…") and title.startswith(title_line[:-1])
        assert terminal_columns(title_line) <= app.query_one(PairHeader).content_region.width


@run_async
async def test_three_filters_fit_a_60_column_header_in_their_short_forms(page_article: Article) -> None:
    """With three filters in force the line was cut at 60 columns (`changes only ±2,…`) even
    without the layout and the time: the counts and the filters take short forms first."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h", "c", "l", "x")
        first_line, title_line = header_text(app).split("\n")
        assert first_line == "v6 → v7 pair 1/1 · changes ±2, only edited, no boring"
        assert title_line.startswith("Pentagon launched airstrike")
        await pilot.resize_terminal(100, 24)
        await pilot.pause()
        await pilot.pause()
        assert header_text(app).split("\n")[0] == (
            "v6 → v7  about 1 hour later  pair 1 of 1  ·  unified  ·  "
            "changes only ±2, only edited, no boring")


@run_async
async def test_the_header_leaves_the_statistics_beside_the_diff_their_columns(
        page_article: Article) -> None:
    """At 110 columns, the panel on the right, the header's title line ran the terminal's width,
    over the panel's columns and along its top edge. The header takes the diff's columns while the
    panel is beside it, its title cut to them, and the terminal's again when it goes."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(110, 35)) as pilot:
        await pilot.pause()
        header = app.query_one(PairHeader)
        assert header.region.width == 110
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        panel = app.query_one(StatsPanel)
        assert header.region.right <= panel.region.x
        title = header_text(app).splitlines()[1]
        assert title.endswith("…") and text_width(title) <= header.content_region.width
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        assert header.region.width == 110 and not header_text(app).splitlines()[1].endswith("…")


@run_async
async def test_the_statistics_go_below_the_diff_in_a_narrow_terminal(page_article: Article) -> None:
    """At 60 columns the panel took 35 on the right, the diff kept 24 and side by side broke its
    words (`BREAKING` / `:`, `airstrik` / `e`); below 110 columns the panel goes under the diff,
    which keeps its width, and a resize moves it back and forth."""
    app = RevdiffApp(page_article, mode=LayoutMode.SIDE_BY_SIDE)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(DiffView)
        width = view.layout_width
        await pilot.press("i")
        await pilot.pause()
        panel = app.query_one(StatsPanel)
        assert view.layout_width == width
        assert panel.region.y >= view.region.bottom and panel.region.width == 60
        assert diff_lines(app)[0].startswith("?- BREAKING: Pentagon ")
        text = stats_text(panel)
        assert "words added" in text and "▶v6→7" in text
        await pilot.resize_terminal(130, 24)
        await pilot.pause()
        await pilot.pause()
        assert panel.region.x >= view.region.right and panel.region.height == view.region.height
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        await pilot.pause()
        assert panel.region.y >= view.region.bottom and view.layout_width == width
        # at 40 columns the chart went on beside the counts, cut off at the edge: it goes under (at
        # 44, the narrowest the app takes, as well)
        await pilot.resize_terminal(44, 30)
        await pilot.pause()
        await pilot.pause()
        chart = panel.query_one("#stats-chain")
        counts = panel.query_one("#stats-pair")
        assert panel.has_class("stacked") and chart.region.y > counts.region.y
        assert chart.region.right <= 44


CITIES_OLD = "東京\u3000大阪\u3000横浜\u3000京都\u3000神戸\u3000札幌\u3000福岡\u3000仙台。"
WIDE_SPACES = Article(None, None, (
    Version(1, "駅", (CITIES_OLD,)),
    Version(2, "駅", (CITIES_OLD.replace("神戸", "奈良"),)),
))


@run_async
async def test_side_by_side_keeps_its_rule_in_line_with_wide_spaces() -> None:
    """Ideographic spaces between words were counted as one cell when wrapping: a line came out a
    cell too wide and pushed the rule and the new side one column right."""
    app = RevdiffApp(WIDE_SPACES, mode=LayoutMode.SIDE_BY_SIDE)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        rows = [line for line in diff_lines(app) if line]
        assert len(rows) == 2  # four cities a line: a fifth would make 28 cells of 25
        assert {text_width(row[:row.index("│")]) for row in rows} == {29}


SAME_TWICE = Article(None, None, (Version(0, "t", ("Nothing changed here.",)),
                                  Version(1, "t", ("Nothing changed here.",))))


@run_async
async def test_a_pair_without_changes_says_so_not_that_filters_hide_them() -> None:
    """`n` said "No changes to show with these filters" with no filter on, and the statistics
    "only boring changes" where nothing changed."""
    app = RevdiffApp(SAME_TWICE)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "i")
        await pilot.pause()
        assert list(app._notifications)[-1].message == "No changes in this pair"
        text = stats_text(app.query_one(StatsPanel))
        assert "no changes" in text and "boring" not in text
        await pilot.press("l")
        await pilot.press("n")
        assert list(app._notifications)[-1].message == "No changes in this pair"


# A number changed in one sentence, only punctuation in another: a boring edit without the flag.
NUMBER_AND_PUNCTUATION = Article(None, None, (
    Version(1, "Troops", ("About 700 troops were sent.",
                          "Officials said the work would last three weeks.", "Residents were angry.")),
    Version(2, "Troops", ("About 3,000 troops were sent.",
                          "Officials said the work would last three weeks!", "Residents were angry.")),
))


@run_async
async def test_x_keeps_folded_a_boring_edit_the_flag_filter_leaves_out() -> None:
    # with `o` on number_changed, `x` showed the punctuation-only edit as plain text while the
    # status line still counted it hidden
    app = RevdiffApp(NUMBER_AND_PUNCTUATION)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in Flag:
            await pilot.press("o")
            if "only number_changed" in header_text(app):
                break
        folded = ["⋯ 1 sentence hidden (1 filtered out by label or flag)"]
        assert [line.strip() for line in diff_lines(app) if "⋯" in line] == folded
        await pilot.press("x")
        assert "only number_changed, no boring" in header_text(app)
        assert status_text(app).startswith("1 change (1 hidden)")
        assert not any("Officials" in line for line in diff_lines(app))
        assert [line.strip() for line in diff_lines(app) if "⋯" in line] == folded
        for _ in Flag:  # every flag again: `x` alone shows the boring edit as plain text
            await pilot.press("o")
            if "only" not in header_text(app):
                break
        assert any(line.startswith("   Officials") for line in diff_lines(app))


def live_blog(version_count: int) -> Article:
    """A live blog whose every version adds a paragraph: as many pairs as the chart has rows."""
    paragraphs = [f"Update {number}: the minister spoke to reporters." for number in range(version_count)]
    return Article(None, None, tuple(Version(number, "Live", tuple(paragraphs[:number + 1]))
                                     for number in range(version_count)))


@pytest.mark.parametrize(("pairs", "current", "column"), [(5, 3, 3), (300, 0, 0), (300, 150, 14),
                                                         (300, 299, 27)])
def test_the_current_pair_is_pointed_at_under_the_sparkline(pairs: int, current: int,
                                                            column: int) -> None:
    """A long chain's `▶` bar of the current pair lay a hundred lines below the sparkline, out of
    view: a `▲` under the sparkline's cell that stands for the pair shows where it is."""
    summaries = [PairSummary(k, k + 1, 1, 1, 0, 0.1, False) for k in range(pairs)]
    versions = tuple(Version(k, "T", ("x",)) for k in range(pairs + 1))
    lines = chain_lines(summaries, versions, (current, current + 1), width=28)
    assert len(lines[1]) == min(pairs, 28)
    assert lines[2] == " " * column + "▲"
    assert chain_lines(summaries, versions, (0, 2), width=28)[2] == ""  # no consecutive pair


@run_async
async def test_a_long_chains_sparkline_is_one_line_of_the_charts_width() -> None:
    """300 pairs made a sparkline of 300 cells: beside the diff it wrapped to ten lines, below it
    it ran off the terminal's edge, the later pairs out of sight; each cell now stands for a run
    of pairs, as large as their largest change."""
    app = RevdiffApp(live_blog(121))
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        chart = app.query_one("#stats-chain", Static)
        chart_lines = str(chart.content).splitlines()
        sparkline = chart_lines[1]
        assert 0 < len(sparkline) <= chart.content_region.width
        assert chart.content_region.height == len(chart_lines)  # no line wrapped
        assert sparkline[0] == "█"  # the first pair changed most: half the text
        for size in ((80, 24), (44, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            sparkline = str(chart.content).splitlines()[1]
            assert chart.region.right <= size[0] and len(sparkline) <= chart.content_region.width


def current_rows_on_screen(view: DiffView) -> bool:
    """Whether every row of the current edit is on the diff's screen."""
    layout, edit = view.view_layout, view.current_edit
    assert edit is not None, "no edit under the cursor"
    bottom = view.top_row + view.scrollable_content_region.height
    return view.top_row <= layout.first_row[edit] and layout.last_row[edit] < bottom


# Forty paragraphs, of which three changed: a diff longer than the screen.
PARAGRAPHS = tuple(f"Paragraph {number} tells what the council said." for number in range(40))
THREE_CHANGES = Article(None, None, (
    Version(1, "Council", PARAGRAPHS),
    Version(2, "Council", tuple(paragraph.replace("said", "wrote") if number in (5, 20, 35)
                                else paragraph for number, paragraph in enumerate(PARAGRAPHS))),
))


@run_async
async def test_the_statistics_below_the_diff_keep_the_current_change_in_view() -> None:
    """Below 110 columns `i` takes the lower half of the diff's rows but not its width, and the
    view, which kept its place only for a new width, left a change at the foot of the screen
    under the panel, where `n` no longer counted from it."""
    app = RevdiffApp(THREE_CHANGES)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n")
        view = app.query_one(DiffView)
        second = view.current_edit
        assert second is not None
        height = view.scrollable_content_region.height
        view.scroll_to(y=view.view_layout.last_row[second] - height + 1, animate=False,
                       immediate=True)  # its last row at the foot of the screen
        assert current_rows_on_screen(view)
        await pilot.press("i")
        await pilot.pause()
        assert view.scrollable_content_region.height < height and current_rows_on_screen(view)
        await pilot.press("i")
        await pilot.pause()
        assert view.scrollable_content_region.height == height and current_rows_on_screen(view)
        await pilot.press("i", "n")
        assert status_text(app).startswith("change 3 of")


@run_async
async def test_with_every_change_filtered_out_y_and_n_name_the_keys_that_show_them() -> None:
    """`y` said "press n to go to a change", and `n` then said only "No changes to show with
    these filters": both name the keys of the filters that hide the changes."""
    app = RevdiffApp(NUMBER_AND_PUNCTUATION)

    def last_notification() -> str:
        return list(app._notifications)[-1].message

    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("l", "l")  # only added: the pair has none
        await pilot.press("y")
        assert last_notification() == "No changes to show with these filters: press l"
        await pilot.press("x", "n")
        assert last_notification() == "No changes to show with these filters: press l or x"


@pytest.mark.parametrize(("old", "new", "shown"), [
    (("The army said that", "the base was hit."), ("The army said that the base was hit.",),
     "that¶ the"),
    (("The army said the base was hit.", "The attack came at night."),
     ("The army said the base was hit, and the attack came at night.",), "hit.¶The"),
])
@run_async
async def test_a_changed_paragraph_break_shows_as_the_text_output_shows_it(
        old: tuple[str, ...], new: tuple[str, ...], shown: str) -> None:
    """A paragraph break that a merge changed showed as the newline's symbol (`that␊ the`,
    `hit.␊The`), where `revdiff diff` and the HTML page show `¶`."""
    article = Article(None, None, (Version(1, "Base", old), Version(2, "Base", new)))
    app = RevdiffApp(article)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        text = " ".join(line.strip() for line in diff_lines(app))
        assert shown in text and "␊" not in text, diff_lines(app)


@pytest.mark.parametrize("size", [(44, 15), (80, 24), (120, 40)])
@run_async
async def test_the_notices_of_filters_ends_and_copies_take_one_row(
        chain_article: Article, page_article: Article, size: tuple[int, int]) -> None:
    """`No unsure rows shown with these filters (changes only ±0, only merged)` (`u`) took three
    rows of the notice at 80 columns, `No changes to show with these filters: press l to change
    them` (`n`) two; `Every pair before this one is boring (x shows them)` and `No pair after
    version 3` (`,` and `.`) and `Copied the edited sentence` (`y`) wrapped at 44."""
    async def one_row_each(app: RevdiffApp, *presses: tuple[str, ...]) -> None:
        for keys in presses:
            app.clear_notifications()
            await pilot.press(*keys)
            await pilot.pause()
            assert [toast.content_size.height for toast in app.screen.query("Toast")] == [1], \
                notices(app)

    app = RevdiffApp(page_article)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await one_row_each(app, (*"llllll", *"cccc", "u"), ("n",))
    app = RevdiffApp(chain_article)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await one_row_each(app, ("n", "y"))
        app.session.select_pair(0, 3)
        await one_row_each(app, ("full_stop",))
        app.session.select_pair(1, 2)
        app.filters = replace(app.filters, hide_boring=True)
        app.session.pair_summary(0, 1)  # compared: is it boring?
        summary = app.session.pair_summary
        app.session.pair_summary = lambda old, new: replace(summary(old, new), boring=True)  # type: ignore[method-assign]
        await one_row_each(app, ("comma",))
