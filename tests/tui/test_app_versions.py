"""Switching version pairs: . , and the timeline (t)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from textual import events
from textual.containers import Vertical
from textual.widgets import DataTable, Static
from tui_helpers import SAMPLES, header_text, load_one, run_async, status_text, wait_until

from revdiff.engine import compare
from revdiff.engine import word_count as word_count_module
from revdiff.engine.word_count import count_words
from revdiff.formats import load
from revdiff.model import Article, Comparison, Version
from revdiff.tui import background
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.help_screen import HelpScreen
from revdiff.tui.keys import KEY_NAMES_SHOWN
from revdiff.tui.settings import Settings
from revdiff.tui.timeline_screen import TimelineScreen, TimelineTable

KEY_NAMES = {shown: name for name, shown in KEY_NAMES_SHOWN.items()}  # "Esc" -> "escape"


@run_async
async def test_full_stop_and_comma_walk_the_chain(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert header_text(app).startswith("v0 → v1")
        await pilot.press("n", "full_stop")
        assert header_text(app).startswith("v1 → v2")
        assert app.query_one(DiffView).current_edit is None  # a new pair starts at the top
        assert app.query_one(DiffView).top_row == 0
        await pilot.press("full_stop", "full_stop")  # the second press is past the end: stays
        assert header_text(app).startswith("v2 → v3")
        await pilot.press("comma")
        assert header_text(app).startswith("v1 → v2")
        expected = len(app.session.comparison().edits) - app.session.comparison().stats.counts["unchanged"]
        assert status_text(app).startswith(f"{expected} changes")


@run_async
async def test_two_version_article_stays_on_its_pair(page_article: Article) -> None:
    app = RevdiffApp(page_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop", "comma")
        assert header_text(app).startswith("v6 → v7")


@run_async
async def test_the_timeline_does_not_call_the_first_version_given_the_story_s_first(
        page_article: Article) -> None:
    """A page of v6 and v7 (trackers number from wherever they began) said `first version`
    (`first` when narrow) on v6, the sixth version of the story."""
    for width, first_cell in ((120, "first given"), (44, "—")):
        app = RevdiffApp(page_article)
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert str(table.get_cell("0", "version")) == "v6"
            assert str(table.get_cell("0", "change")) == first_cell


@run_async
async def test_timeline_lists_versions_and_jumps_to_a_consecutive_pair(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 4
        assert [str(table.get_cell(str(r), "version")) for r in range(4)] == ["v0", "v1", "v2", "v3"]
        assert str(table.get_cell("0", "change")) == "first given"
        assert "%" in str(table.get_cell("2", "change")) and "changes" in str(table.get_cell("2", "change"))
        await pilot.press("j", "enter")  # cursor starts on v1 (the new side); down to v2
        assert not isinstance(app.screen, TimelineScreen)
        assert header_text(app).startswith("v1 → v2")


@pytest.mark.parametrize(("keymap", "closing"), [
    ({}, "Esc, q or t closes"), ({"timeline": "f2,enter"}, "Esc, q or f2 closes"),
    ({"timeline": "j,m", "line_down": "down"}, "Esc, q or j closes"),
    ({"timeline": "left_square_bracket,right_square_bracket", "next_change": "n",
      "previous_change": "p"}, "Esc, q, [ or ] closes")])
@run_async
async def test_the_timeline_hint_names_every_key_that_closes_it(
        chain_article: Article, keymap: dict[str, str], closing: str) -> None:
    """The hint said only `Esc closes`, but q and the key that opened the timeline (`t`, or the
    keymap's, but for one the timeline answers itself: Enter compares, m marks) close it too.
    Given `timeline = "[,]"`, it said `Esc, q,  closes`: Textual read `[ or ]` as markup."""
    app = RevdiffApp(chain_article, settings=Settings(keys=keymap))
    opening = next(command.keys[0] for command in app.key_table if command.action == "timeline")
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        for key in closing.removesuffix(" closes").replace(",", "").replace(" or", "").split():
            await pilot.press(opening)
            await pilot.pause()
            hint = str(app.screen.query_one("#timeline-hint", Static).render())  # as drawn
            assert hint.endswith(f" · {closing}")
            await pilot.press(KEY_NAMES.get(key, key))
            await pilot.pause()
            assert not isinstance(app.screen, TimelineScreen), key


@run_async
async def test_the_timeline_hint_says_what_enter_compares_the_first_version_with(
        chain_article: Article) -> None:
    """The hint said Enter compares with the previous version, and Enter on v0, which has none,
    compared v0 with v1 without a word of it."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "g")
        hint = str(app.screen.query_one("#timeline-hint", Static).content)
        assert hint.startswith("Enter: compare with the previous version (the first with the next)")
        await pilot.press("enter")
        assert app.session.pair == (0, 1)


@run_async
async def test_the_timeline_hint_explains_its_marks(chain_article: Article) -> None:
    """The marks before the versions, `○`, `●` and `◆`, were explained nowhere on screen."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "end", "m")
        hint = str(app.screen.query_one("#timeline-hint", Static).content)
        assert "marks: ◆ marked, ○ ● the pair on screen, old and new" in hint
        dialog = app.screen.query_one(Vertical)
        assert dialog.content_region.contains_region(app.screen.query_one("#timeline-hint").region)


@run_async
async def test_a_dialog_answered_twice_before_it_closed_takes_the_first_answer(
        chain_article: Article) -> None:
    """Enter, Enter typed fast in a dialog: the second came while the first was closing it, and
    Textual, finding no dialog to take off the screen stack, stopped the app with a traceback."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "j")  # the cursor on v2
        assert isinstance(app.screen, TimelineScreen)
        for _ in range(2):  # both queued before the first is handled
            app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        assert app.return_code is None  # still running
        assert not isinstance(app.screen, TimelineScreen)
        assert header_text(app).startswith("v1 → v2")
        await pilot.press("full_stop")
        assert header_text(app).startswith("v2 → v3")


@run_async
async def test_timeline_jumps_to_a_non_consecutive_pair(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "k", "m", "j", "j", "j", "enter")
        assert header_text(app).startswith("v0 → v3")
        assert app.session.pair == (0, 3)
        await pilot.press("t", "escape")  # closing without a choice keeps the pair
        assert app.session.pair == (0, 3)


@run_async
async def test_the_timeline_counts_the_words_of_each_version_once(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """The timeline counted the words of every version again at each opening, on the app's own
    loop: 1.4 s for a live blog's 40 versions of 2,500 paragraphs, every time `t` was pressed."""
    counted: list[str] = []

    def counting(text: str) -> int:
        counted.append(text)
        return count_words(text)

    monkeypatch.setattr(word_count_module, "count_words", counting)
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        first_words = str(app.screen.query_one(DataTable).get_cell("0", "words"))
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert str(app.screen.query_one(DataTable).get_cell("0", "words")) == first_words
    assert len(counted) == sum(len(version.paragraphs) for version in chain_article.versions)


@run_async
async def test_marking_in_the_timeline_redraws_only_the_rows_whose_mark_changed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `m` updated the mark cell of every version's row, 40 updates for 40 versions."""
    article = Article(None, None, tuple(Version(n, "Story", (f"Version {n} of the story.",))
                                        for n in range(40)))
    app = RevdiffApp(article)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        table = app.screen.query_one(DataTable)
        updated: list[str] = []
        update_cell = table.update_cell

        def counted(row_key: str, column_key: str, value: object, **options: bool) -> None:
            updated.append(row_key)
            update_cell(row_key, column_key, value, **options)

        monkeypatch.setattr(table, "update_cell", counted)
        marks = {}
        for keys, rows in [(("home", "m"), ["0"]), (("j", "j", "m"), ["0", "2"]),
                           (("m",), ["2"])]:
            updated.clear()
            await pilot.press(*keys)
            assert sorted(updated) == rows, keys
            marks[keys] = [str(table.get_cell(key, "mark")) for key in ("0", "1", "2")]
        assert marks == {("home", "m"): ["◆", "●", " "], ("j", "j", "m"): ["○", "●", "◆"],
                         ("m",): ["○", "●", " "]}


@run_async
async def test_timeline_home_end_g_and_shift_g_reach_the_first_and_last_version(
        chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        table = app.screen.query_one(DataTable)
        for key, row in [("end", 3), ("home", 0), ("G", 3), ("g", 0)]:
            await pilot.press(key)
            assert table.cursor_row == row, key
        await pilot.press("m", "end", "enter")
        assert app.session.pair == (0, 3)


def drawn_rows(table: DataTable) -> list[str]:
    return ["".join(segment.text for segment in table.render_line(y)).rstrip()
            for y in range(table.size.height)]


@run_async
async def test_a_narrow_timeline_keeps_the_titles_readable() -> None:
    """At 60 columns every column but the title took its full width, and the title showed a letter
    or nothing; now the counts, words, bar and time give way, and come back on a wider terminal."""
    article = load(sorted(str(path) for path in (SAMPLES / "sniffer-diff").glob("*.txt")))[0]
    app = RevdiffApp(article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "j")
        table = app.screen.query_one(DataTable)
        rows = drawn_rows(table)
        assert "Iran fires missiles at US troops in" in rows[2]  # v1, under the header
        assert "6 changes" not in rows[2] and "59%" in rows[2]
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no scrolling
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        rows = drawn_rows(table)
        assert "about 1 hour later" in rows[2] and "+73 -18  6 changes" in rows[2]
        assert rows[2].endswith("Iran fires missiles at US troops in Iraq")
        assert table.cursor_row == 2  # the cursor kept its version


@run_async
async def test_the_timeline_gives_a_time_s_zone_as_the_header_does() -> None:
    """Times were cut to 20 cells, so every time with a zone lost it to `…` at any width
    (`2020-01-03 15:40:00…`), while the header gives `2020-01-03 15:40:00+00:00`."""
    article = load_one(SAMPLES / "newsedits.sqlite")
    app = RevdiffApp(article)
    async with app.run_test(size=(160, 30)) as pilot:
        await pilot.pause()
        assert "2020-01-03 15:40:00+00:00" in header_text(app)
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell("1", "time")) == "2020-01-03 15:40:00+00:00"


@run_async
async def test_the_timeline_calls_a_version_without_a_title_untitled_as_the_header_does() -> None:
    """A version with an empty title had a blank title cell in the timeline, where the header
    and the article list say `(untitled)`."""
    article = Article(None, "https://example.com/story", (
        Version(0, "", ("The army sent troops.",)),
        Version(1, "東京で地震", ("The army sent more troops.",))))
    app = RevdiffApp(article)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert str(table.get_cell("0", "title")) == "(untitled)"
        assert str(table.get_cell("1", "title")) == "東京で地震"


@run_async
async def test_a_timeline_longer_than_the_screen_fits_beside_its_scrollbar() -> None:
    versions = tuple(Version(number, f"Headline {number} of a long run of versions of a story",
                             (f"The story as told in version {number}.",))
                     for number in range(40))
    app = RevdiffApp(Article(None, None, versions))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.height > table.size.height  # it scrolls up and down
        assert table.virtual_size.width <= table.scrollable_content_region.width  # not sideways
        assert "Headline 1 of a" in drawn_rows(table)[2]


def chart_text(app: RevdiffApp) -> str:
    return str(app.query_one("#stats-chain", Static).render())


def gated_app(article: Article, monkeypatch: pytest.MonkeyPatch) -> tuple[RevdiffApp,
                                                                          threading.Event]:
    """An app that compares every pair apart, each comparison waiting until the event is set."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    release = threading.Event()

    def slow_compare(old: Version, new: Version) -> Comparison:
        release.wait(10)
        return compare(old, new)

    return RevdiffApp(article, compare=slow_compare), release


@pytest.mark.parametrize(("key", "shown"), [
    ("t", lambda app: isinstance(app.screen, TimelineScreen)),
    ("i", lambda app: "v1→2" in chart_text(app)),
    # `x` then `.`: the pairs stepped over are compared to find one that is not boring
    ("x,full_stop", lambda app: app.session.pair == (1, 2))])
@run_async
async def test_a_long_chain_is_compared_apart_for_the_timeline_statistics_and_steps(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch, key: str,
        shown: Callable[[RevdiffApp], bool]) -> None:
    """A live blog's 40 versions of 400 paragraphs took 3.5 s to compare for the timeline or
    the chart of the chain, on the app's own loop: no key answered meanwhile."""
    app, release = gated_app(chain_article, monkeypatch)
    release.set()  # the first pair at once
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        release.clear()
        for name in key.split(","):
            await pilot.press(name)
        await pilot.pause()
        assert "comparing" in status_text(app) and not shown(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        await wait_until(pilot, lambda: shown(app))
        assert shown(app) and "comparing" not in status_text(app)


@run_async
async def test_the_status_counts_the_pairs_compared_for_the_timeline(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """The timeline of a live blog's 40 versions said only `comparing…` for the 9 s its 39 pairs
    took to compare."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    allowed = threading.Semaphore(1)  # the first pair at once, then one pair a release

    def gated_compare(old: Version, new: Version) -> Comparison:
        allowed.acquire(timeout=10)
        return compare(old, new)

    app = RevdiffApp(chain_article, compare=gated_compare)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        await pilot.press("t")
        await wait_until(pilot, lambda: "comparing" in status_text(app))
        assert "comparing 1 of 2 pairs…" in status_text(app)
        allowed.release()
        await wait_until(pilot, lambda: "comparing 2 of 2 pairs…" in status_text(app))
        assert "comparing 2 of 2 pairs…" in status_text(app)
        allowed.release()
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        assert isinstance(app.screen, TimelineScreen)


@run_async
async def test_a_dialog_asked_for_while_comparing_does_not_open_over_another(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """`t`, then `?` while the chain was compared: the timeline opened over the help when the
    comparisons ended, and Escape then closed the timeline only, leaving the help over the diff."""
    app, release = gated_app(chain_article, monkeypatch)
    release.set()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        release.clear()
        await pilot.press("t", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        release.set()
        await wait_until(pilot, lambda: "comparing" not in status_text(app))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (HelpScreen, TimelineScreen))
        await pilot.press("t")  # the comparisons are done: the timeline opens at once
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


@run_async
async def test_a_long_pair_is_compared_apart_and_help_and_quit_answer_meanwhile(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pair of 60,000 paragraphs took 8.5 s to compare on the app's own loop: no key, not even
    Ctrl-C or q, answered until it was done, and resizes were not drawn."""
    app, release = gated_app(chain_article, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "comparing…" in status_text(app)
        await pilot.press("n")  # needs the comparison: does nothing meanwhile
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        release.set()
        await wait_until(pilot, lambda: app.diff.has_layout)
        assert app.diff.has_layout and "comparing" not in status_text(app)
        assert app.diff.current_edit is None  # the `n` pressed meanwhile was not kept for later
        await pilot.press("n")
        assert "change 1 of" in status_text(app)


def footer_actions(app: RevdiffApp) -> list[str]:
    """The commands whose hints the main screen's footer shows."""
    return [str(getattr(hint, "action", "")) for hint in app.query("FooterKey")]


def failing_from(version: Version) -> Callable[[Version, Version], Comparison]:
    """The engine's comparison, but one that fails, as out of memory, for the pair whose old
    version is `version`."""

    def comparing(old: Version, new: Version) -> Comparison:
        if old is version:
            raise ValueError("no memory left")
        return compare(old, new)

    return comparing


@run_async
async def test_a_pair_whose_comparison_failed_says_so_in_the_status_and_the_footer(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the comparison computed apart for the pair on screen failed, the footer showed every
    key again while the status line still said `comparing…`, and `n`, which the footer offered,
    compared the pair again on the app's own loop and ended the app with a traceback. Both now
    say the pair has no comparison; the keys that show another pair answer, and do so."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    app = RevdiffApp(chain_article, compare=failing_from(chain_article.versions[0]))
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_until(pilot, lambda: "comparing" not in status_text(app))
        await pilot.pause()
        assert status_text(app).startswith("could not compare this pair")
        assert "next_change" not in footer_actions(app) and "search" not in footer_actions(app)
        assert "timeline" in footer_actions(app) and "quit" in footer_actions(app)
        await pilot.press("n")  # needs the comparison: does nothing
        await pilot.pause()
        assert app.is_running and status_text(app).startswith("could not compare this pair")
        await pilot.press("full_stop")
        await wait_until(pilot, lambda: app.diff.has_layout)
        await pilot.pause()
        assert app.session.pair == (1, 2) and "change" in status_text(app)
        assert "next_change" in footer_actions(app)


@run_async
async def test_a_short_pair_whose_comparison_fails_ends_as_one_compared_apart(
        chain_article: Article) -> None:
    """A short pair is compared on the app's own loop: when the engine failed there, the app
    ended with a traceback. It now says so once, and answers as when a comparison computed apart
    failed: only the keys that show another pair or article, and they do."""
    app = RevdiffApp(chain_article, compare=failing_from(chain_article.versions[0]))
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        assert app.is_running and not app.diff.has_layout
        assert status_text(app).startswith("could not compare this pair")
        assert [notice.message for notice in app._notifications] == \
            ["Cannot compare v0 → v1: no memory left"]
        assert "next_change" not in footer_actions(app) and "timeline" in footer_actions(app)
        await pilot.press("n")  # needs the comparison: does nothing
        await pilot.pause()
        assert app.is_running and status_text(app).startswith("could not compare this pair")
        await pilot.press("full_stop")
        await pilot.pause()
        assert app.session.pair == (1, 2) and app.diff.has_layout
        assert "change" in status_text(app) and "next_change" in footer_actions(app)


@pytest.mark.parametrize(("order", "shown", "pair", "hint"), [
    ("page", 0, (0, 1), ""),
    ("page,chain", 0, (0, 1), " · > for another article"),
    ("chain,page", 1, (0, 1), " · < for another article"),
    ("chain", 0, (0, 1), " · . for another pair"),
    ("chain", 0, (1, 2), " · . or , for another pair"),
    ("chain", 0, (0, 3), " · t for another pair"),
])
@run_async
async def test_a_failed_pair_s_status_offers_only_the_keys_that_show_another(
        chain_article: Article, page_article: Article, order: str, shown: int,
        pair: tuple[int, int], hint: str) -> None:
    """The status of a pair whose comparison failed offered `. or , for another` on an article of
    two versions too, where both only say it has no other pair. It offers the keys that step to
    another pair, the timeline when the pair spans them all, another article when the article
    has one pair, and nothing when the inputs hold nothing else."""
    articles = [{"chain": chain_article, "page": page_article}[name] for name in order.split(",")]
    app = RevdiffApp(articles, compare=failing_from(articles[shown].versions[pair[0]]))
    async with app.run_test(size=(100, 24)) as pilot:
        app.show_article(shown)
        app.session.select_pair(*pair)
        app._show_pair()
        await pilot.pause()
        assert status_text(app) == f"could not compare this pair{hint}"


@run_async
async def test_a_failed_pair_compared_again_along_the_timeline_s_chain_is_laid_out(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pair on screen, whose comparison failed, was compared again with the timeline's chain:
    its failure was forgotten while it still had no layout, and the status said `comparing…`
    for good. It is now laid out when its comparison arrives."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    first = chain_article.versions[0]
    failures = [ValueError("no memory left")]  # the first comparison of the first pair only

    def failing_once(old: Version, new: Version) -> Comparison:
        if old is first and failures:
            raise failures.pop()
        return compare(old, new)

    app = RevdiffApp(chain_article, compare=failing_once)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_until(pilot, lambda: status_text(app).startswith("could not compare"))
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TimelineScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.pair == (0, 1) and app.diff.has_layout
        assert "changes" in status_text(app) and "next_change" in footer_actions(app)


@pytest.mark.parametrize("key", ["t", "i", "x,full_stop"])
@run_async
async def test_a_short_chain_whose_comparison_fails_is_said_and_the_app_goes_on(
        chain_article: Article, key: str) -> None:
    """The timeline, the chart of the chain and the pairs `.` steps over while `x` hides boring
    ones are compared on the app's own loop when short: when the engine failed on one of them,
    the app ended with a traceback. It now says so, naming the pair that failed (it said
    `this pair` of another than the one on screen), and the pair on screen stays as it was."""
    app = RevdiffApp(chain_article, compare=failing_from(chain_article.versions[1]))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        for name in key.split(","):
            await pilot.press(name)
        await pilot.pause()
        assert app.is_running and app.session.pair == (0, 1) and app.diff.has_layout
        assert [notice.message for notice in app._notifications][-1] == \
            "Cannot compare v1 → v2: no memory left"
        await pilot.press("n")
        assert "change 1 of" in status_text(app)


@pytest.mark.parametrize("apart", [False, True])
@run_async
async def test_the_chart_of_a_chain_whose_comparison_failed_says_so(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch, apart: bool) -> None:
    """When comparing the chain for the statistics' chart failed, on the app's loop or apart,
    the chart said `comparing…` for good."""
    if apart:
        monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    app = RevdiffApp(chain_article, compare=failing_from(chain_article.versions[1]))
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        await pilot.press("i")
        await wait_until(pilot, lambda: "comparing" not in status_text(app))
        await pilot.pause()
        assert chart_text(app).splitlines() == ["change along the chain", "could not compare"]


@run_async
async def test_a_chain_compared_apart_names_the_pair_whose_comparison_failed(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """When a pair of the timeline's chain compared apart failed, the notice said `Cannot compare
    this pair` while another pair was on screen."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    app = RevdiffApp(chain_article, compare=failing_from(chain_article.versions[1]))
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        await pilot.press("t")
        await wait_until(pilot, lambda: "comparing" not in status_text(app))
        await pilot.pause()
        assert app.session.pair == (0, 1) and not isinstance(app.screen, TimelineScreen)
        assert [notice.message for notice in app._notifications] == \
            ["Cannot compare v1 → v2: no memory left"]


@pytest.mark.parametrize("apart", [False, True])
@run_async
async def test_a_failed_pair_is_not_compared_again_at_each_resize(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch, apart: bool) -> None:
    """While the pair on screen had failed, each resize that changed the diff's width compared it
    again and said its error again. It is compared again when it is shown again."""
    if apart:
        monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    first = chain_article.versions[0]
    first_pair_compared = []

    def failing_first_pair(old: Version, new: Version) -> Comparison:
        if old is first:
            first_pair_compared.append(new)
            raise ValueError("no memory left")
        return compare(old, new)

    app = RevdiffApp(chain_article, compare=failing_first_pair)
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_until(pilot, lambda: status_text(app).startswith("could not compare"))
        for width in (90, 80, 110):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
        await wait_until(pilot, lambda: status_text(app).startswith("could not compare"))
        assert len(first_pair_compared) == 1
        await pilot.press("full_stop")
        await wait_until(pilot, lambda: app.diff.has_layout)
        await pilot.press("comma")
        await wait_until(pilot, lambda: status_text(app).startswith("could not compare"))
        assert len(first_pair_compared) == 2


@run_async
async def test_the_timeline_hint_says_a_marked_later_version_is_compared_as_the_new_side(
        chain_article: Article) -> None:
    """The hint said `m` marks the old side, but a later version marked and Enter on an earlier
    one compare them oldest first: the marked version is the new side."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t", "end", "m", "home")
        hint = str(app.screen.query_one("#timeline-hint", Static).content)
        assert "m: mark a version, Enter on another: compare the two, the older first" in hint
        await pilot.press("enter")
        assert app.session.pair == (0, len(chain_article.versions) - 1)


@run_async
async def test_the_timeline_leaves_out_a_time_told_from_a_version_not_listed_before_it() -> None:
    """Versions 0, 1 and 3, timed as News Sniffer tells it: v3's `about 1 hour later` counts from
    v2, and the timeline listed it under v1 as if it counted from v1."""
    article = Article(None, "https://example.org/troops", tuple(
        Version(number, "Troops", (f"{number + 1} troops were sent.",), None,
                "about 1 hour later" if number else None) for number in (0, 1, 3)))
    app = RevdiffApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(TimelineTable)
        assert [(row.version, row.time) for row in table.timeline_rows] == [
            ("v0", ""), ("v1", "about 1 hour later"), ("v3", "")]
