"""The key table is the single source of the bindings, the footer and the help screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Static
from tui_helpers import (
    SAMPLES,
    footer_hints,
    header_text,
    rendered_text,
    run_async,
    shown_text,
    status_text,
    wait_until,
)

from revdiff.formats import load
from revdiff.model import Article
from revdiff.tui.app import RevdiffApp
from revdiff.tui.article_list_screen import ArticleListScreen
from revdiff.tui.help_screen import HelpScreen, help_table, legend_table
from revdiff.tui.keys import (
    ANYWHERE_KEYS,
    KEY_NAMES_SHOWN,
    KEY_TABLE,
    TIMELINE_KEYS,
    commands_by_group,
    markdown_table,
    with_keymap,
)
from revdiff.tui.settings import Settings
from revdiff.tui.timeline_screen import TimelineScreen

REQUIRED_KEYS = {"n", "p", "right_square_bracket", "left_square_bracket", "j", "k", "down", "up",
                 "space", "b", "g", "G", "full_stop", "comma", "t", "s", "slash", "e", "y", "f",
                 "question_mark", "q", "h", "l", "x", "i"}


def test_every_command_has_an_action_on_the_app() -> None:
    for command in KEY_TABLE:
        assert callable(getattr(RevdiffApp, f"action_{command.action}", None)), command.action


def test_no_key_is_bound_twice_and_the_issue_keys_are_all_there() -> None:
    keys = [key for command in KEY_TABLE for key in command.keys]
    assert len(keys) == len(set(keys))
    assert REQUIRED_KEYS <= set(keys)


@run_async
async def test_each_key_of_the_table_runs_its_command_in_the_app(chain_article: Article) -> None:
    """What the running app binds (Textual's own view of it), compared with the table."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        active = app.screen.active_bindings
        for command in KEY_TABLE:
            for key in command.keys:
                assert key in active, key
                assert active[key].binding.action == command.action, key
                assert active[key].binding.id == command.action, key
        footer = " ".join(await footer_hints(app, pilot))
        for command in KEY_TABLE:
            if command.footer:
                assert command.footer in footer, command.footer
        assert "Scroll down a line" not in footer


@run_async
async def test_a_keymap_gives_a_command_other_keys(chain_article: Article) -> None:
    settings = Settings(keys={"next_change": "x,ctrl+n", "toggle_hide_boring": "X"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # no longer bound
        assert not status_text(app).startswith("change 1 of")
        await pilot.press("x")
        assert status_text(app).startswith("change 1 of")
        await pilot.press("ctrl+n")
        assert status_text(app).startswith("change 2 of")
        await pilot.press("question_mark")
        help_text = shown_text(app)
        assert "x ctrl+n  Next change" in help_text


@pytest.mark.parametrize("key", ["ctrl+c", "ctrl+q"])
@run_async
async def test_help_says_a_quit_key_given_to_a_command_quits_from_a_dialog_only(
        chain_article: Article, key: str) -> None:
    """Given to a command, Ctrl+C (or Ctrl+Q) runs it in the main view; the help still said that
    it quit from the main view too."""
    app = RevdiffApp(chain_article, settings=Settings(keys={"next_change": key}))
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        help_text = shown_text(app)
        assert f"{key}  Next change" in help_text
        assert f"{key}  Quit from a dialog" in help_text
        assert f"{key}  Quit, from a dialog too" not in help_text


def test_help_groups_cover_the_table() -> None:
    grouped = [command for _, commands in commands_by_group() for command in commands]
    assert grouped == list(KEY_TABLE)
    # each group has a title and a blank row; the timeline's keys and those that work anywhere
    # follow, each with a title and a blank row too
    assert help_table().row_count == len(KEY_TABLE) + 2 * len(commands_by_group()) \
        + len(TIMELINE_KEYS) + 2 + len(ANYWHERE_KEYS) + 2


@run_async
async def test_help_lists_the_timelines_own_keys(chain_article: Article) -> None:
    """The help listed the main view's keys only: not `m`, which marks a version in the
    timeline, nor Enter on another, which compares the two."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        help_text = shown_text(app)
        assert "In the timeline" in help_text
        assert "m  Mark a version" in help_text
        assert "Enter on another compares the two" in help_text


@run_async
async def test_the_timeline_keys_the_help_lists_are_those_the_timeline_binds(
        chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        assert isinstance(app.screen, TimelineScreen)
        await pilot.pause()
        bound = set(app.screen.active_bindings)
        names = {shown: name for name, shown in KEY_NAMES_SHOWN.items()}
        for keys, _ in TIMELINE_KEYS:
            for key in keys.split():
                assert names.get(key, key) in bound, key


@run_async
async def test_the_help_lists_the_page_keys_that_move_through_the_timeline(
        chain_article: Article) -> None:
    """PgDn and PgUp, the table's own keys, move the timeline's cursor a page, but the help
    listed only `j k ↓ ↑` as moving through the versions."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 40)) as pilot:
        columns = help_table(app.key_table).columns
        rows = dict(zip(map(str, columns[1].cells), map(str, columns[0].cells), strict=True))
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        for key, row in (("pagedown", len(chain_article.versions) - 1), ("pageup", 0)):
            await pilot.press(key)
            await pilot.pause()
            assert table.cursor_row == row, key
            assert KEY_NAMES_SHOWN[key] in rows["Move a page through the versions"].split(), key


@run_async
async def test_the_help_names_ctrl_home_and_ctrl_end_of_the_timeline_in_its_key_column_s_width(
        chain_article: Article) -> None:
    """Ctrl+Home and Ctrl+End, the table's own keys, go to the first and the last version of the
    timeline, but the help did not list them; listed, they leave its key column as wide."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        for key, row in (("ctrl+end", len(chain_article.versions) - 1), ("ctrl+home", 0)):
            await pilot.press(key)
            await pilot.pause()
            assert table.cursor_row == row, key
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        drawn = [" ".join(line.split()) for static in app.screen.query(Static)
                 for line in rendered_text([static.content], static.content_region.width)
                 .splitlines()]
        assert any("Home End" in line and "ctrl+Home" in line and "ctrl+End" in line
                   for line in drawn)
    keys_width = max(cell_len(str(cell)) for cell in help_table().columns[0].cells)
    assert keys_width == cell_len("In the timeline")  # its widest cell, a heading


@pytest.mark.parametrize(("keymap", "closing"), [
    ({}, "Esc q t"), ({"timeline": "f2,enter"}, "Esc q f2"), ({"timeline": "j,m"}, "Esc q j")])
@run_async
async def test_the_help_names_the_keys_that_close_the_timeline(
        chain_article: Article, keymap: dict[str, str], closing: str) -> None:
    """The help said only Esc and q closed the timeline, but the key that opened it closes it
    too (not one the timeline answers itself: Enter compares, m marks)."""
    app = RevdiffApp(chain_article, settings=Settings(keys=keymap))
    async with app.run_test(size=(120, 40)) as pilot:
        columns = help_table(app.key_table).columns
        rows = dict(zip(map(str, columns[1].cells), map(str, columns[0].cells), strict=True))
        assert rows["Close the timeline"] == closing
        opening = next(command.keys[0] for command in app.key_table if command.action == "timeline")
        for key in closing.split()[2:]:
            await pilot.press(opening)
            await pilot.pause()
            assert isinstance(app.screen, TimelineScreen)
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, TimelineScreen), key


@pytest.mark.parametrize(("keymap", "rows"), [
    ({"timeline": "j", "line_down": "down"},
     {"Move through the versions": "k ↓ ↑", "Close the timeline": "Esc q j"}),
    ({"timeline": "g,G", "go_top": "home", "go_bottom": "end"},
     {"First or last version (ctrl+Home and ctrl+End too)": "Home End", "Close the timeline": "Esc q g G"})])
def test_the_help_lists_a_key_that_closes_the_timeline_only_there(
        keymap: dict[str, str], rows: dict[str, str]) -> None:
    """Given `timeline = "j"`, `j` closes the timeline, but the help listed it under `Move
    through the versions` too."""
    columns = help_table(with_keymap(keymap)).columns
    shown = dict(zip(map(str, columns[1].cells), map(str, columns[0].cells), strict=True))
    assert {description: shown[description] for description in rows} == rows


def test_the_documented_key_table_is_the_key_table() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "TUI.md").read_text(encoding="utf-8")
    assert markdown_table() in guide


@run_async
async def test_hints_name_the_keys_of_the_keymap(page_article: Article) -> None:
    settings = Settings(keys={"next_change": "N", "next_unsure": "U", "flip_row": "v",
                              "restore_reading": "V", "toggle_stats": "I"})
    app = RevdiffApp(page_article, settings=settings)

    def last_notification() -> str:
        return list(app._notifications)[-1].message

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "changes · N for the next" in status_text(app)
        await pilot.press("y")
        assert last_notification() == "No edit selected: press N to go to a change"
        await pilot.press("v")
        assert last_notification() == "Move to a row first (N or U)"  # the longer is too wide
        await pilot.press("J")
        assert last_notification() == "The statistics are hidden: I shows them"
        await pilot.press("U")
        assert status_text(app).endswith("(v)")  # the unsure row's reading: v shows the next
        await pilot.press("v")
        await pilot.pause()
        assert status_text(app).endswith("(v, V undoes)")
        await pilot.press("question_mark")
        assert "splits into old and new (v flips it" in shown_text(app)


@run_async
async def test_a_key_the_screen_binds_too_goes_to_the_command_and_the_footer(
        chain_article: Article) -> None:
    """Textual's screen binds Ctrl+C (copy) and Tab (focus); given to a command, the key runs it
    and the footer names it."""
    settings = Settings(keys={"quit": "ctrl+c", "next_change": "tab"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        active = app.screen.active_bindings
        assert active["ctrl+c"].binding.action == "quit"
        footer = " ".join(await footer_hints(app, pilot))
        assert "quit" in footer and "next" in footer
        await pilot.press("tab")
        assert status_text(app).startswith("change 1 of")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running


@run_async
async def test_a_narrow_footer_keeps_help_and_quit(chain_article: Article) -> None:
    """At 60 columns the footer's last hints, `? help` and `q quit`, fell off its end; the hints
    of the layout and export give way instead, and come back when there is room."""

    def footer_shown(app: RevdiffApp) -> list[str]:
        width = app.size.width
        return [str(key.render()).strip() for key in app.query("FooterKey")
                if key.display and key.region.right <= width]

    app = RevdiffApp(chain_article)
    async with app.run_test(size=(60, 15)) as pilot:
        narrow = ["n next", "p prev", "t timeline", "/ search", "? help", "q quit"]
        await wait_until(pilot, lambda: footer_shown(app) == narrow)
        assert footer_shown(app) == narrow
        await pilot.resize_terminal(80, 24)
        wide = ["n next", "p prev", "t timeline", "s layout", "/ search", "e export", "? help",
                "q quit"]
        await wait_until(pilot, lambda: footer_shown(app) == wide)
        assert footer_shown(app) == wide
        # At 44 columns, the narrowest the app takes (`size_notice`), the timeline's goes too.
        await pilot.resize_terminal(44, 15)
        narrowest = ["n next", "p prev", "/ search", "? help", "q quit"]
        await wait_until(pilot, lambda: footer_shown(app) == narrowest)
        assert footer_shown(app) == narrowest


@run_async
async def test_a_dialog_closes_on_the_key_the_keymap_gave_its_command(chain_article: Article) -> None:
    """`t`, `a` and `?` were bound in the dialogs: with help on F1, F1 opened the help and only
    `?` closed it."""
    settings = Settings(keys={"help": "f1", "timeline": "f2"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key, dialog in (("f1", HelpScreen), ("f2", TimelineScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, dialog)
            await pilot.press("question_mark", "t")
            await pilot.pause()
            assert isinstance(app.screen, dialog)
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, dialog)
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("t")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)


@run_async
async def test_a_dialog_given_its_own_keys_by_the_keymap_still_answers_them() -> None:
    """`timeline = "enter"` closed the timeline on Enter instead of comparing the pair chosen,
    `articles = "down"` the list on the first ↓: the dialog took the keys to close it first."""
    articles = load(sorted(str(path) for path in (SAMPLES / "versions").iterdir() if path.is_dir()))
    settings = Settings(keys={"timeline": "enter", "articles": "down", "line_down": "j"})
    app = RevdiffApp(articles, settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("j", "enter")  # cursor on v1 (the new side); down to v2
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)
        assert header_text(app).startswith("article 1 of 3  v1 → v2")
        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.screen, ArticleListScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleListScreen)
        assert header_text(app).startswith("article 2 of 3")


@run_async
async def test_a_keymap_keeps_the_footer_in_the_table_s_order(chain_article: Article) -> None:
    """Textual shows the hints in the order their keys were bound, and binds a keymap's keys
    last: with `next_change = "N"` the footer read `p prev ... q quit  N next`."""
    settings = Settings(keys={"next_change": "N", "search": "ctrl+f"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        footer = await footer_hints(app, pilot)
        assert footer == ["N next", "p prev", "t timeline", "s layout", "ctrl+f search",
                          "e export", "? help", "q quit"]


@run_async
async def test_the_footer_writes_the_keys_as_the_help_and_the_hints_do(chain_article: Article) -> None:
    """The footer wrote a keymap's keys as Textual does, `^f search` and `pgdn next`, where the
    help and the status line's hints write `ctrl+f` and `PgDn`."""
    settings = Settings(keys={"next_change": "pagedown", "page_down": "space", "search": "ctrl+f"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        footer = await footer_hints(app, pilot)
        assert footer[0] == "PgDn next" and footer[4] == "ctrl+f search"
        assert "PgDn for the next" in status_text(app)
        help_keys = {str(keys) for keys in help_table(app.key_table).columns[0].cells}
        assert {"PgDn", "ctrl+f"} <= help_keys


@run_async
async def test_the_help_writes_enter_and_a_modified_key_as_the_footer_does(chain_article: Article) -> None:
    """With `timeline = "enter"`, the README's example, the footer said `⏎ timeline` and the help
    `enter`; a modified page key was `ctrl+PgDn` in the footer and `ctrl+pagedown` in the help."""
    settings = Settings(keys={"timeline": "enter", "search": "ctrl+pagedown"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        footer = await footer_hints(app, pilot)
        assert {"Enter timeline", "ctrl+PgDn search"} <= set(footer)
        help_keys = {str(keys) for keys in help_table(app.key_table).columns[0].cells}
        assert {"Enter", "ctrl+PgDn"} <= help_keys


@run_async
async def test_the_footer_writes_a_punctuation_key_as_its_character(chain_article: Article) -> None:
    """A keymap's `!` and `+` were written in the footer by their Textual names,
    `exclamation_mark help` and `plus search`, where Textual wrote `! help` and `+ search`."""
    settings = Settings(keys={"help": "exclamation_mark", "search": "plus",
                              "timeline": "ctrl+question_mark"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        footer = await footer_hints(app, pilot)
        assert {"! help", "+ search", "ctrl+? timeline"} <= set(footer)


@pytest.mark.parametrize(("keys", "key", "dialog"), [
    ({"help": "j", "line_down": "down"}, "j", HelpScreen),
    ({"help": "space", "page_down": "pagedown"}, "space", HelpScreen),
    ({"timeline": "k", "line_up": "up"}, "k", TimelineScreen),
    ({"timeline": "G", "go_bottom": "end"}, "G", TimelineScreen)])
@run_async
async def test_a_dialog_opened_by_a_key_it_binds_beside_another_closes_on_it(
        chain_article: Article, keys: dict[str, str], key: str, dialog: type) -> None:
    """With `help = "j"`, `j` scrolled the help it had opened instead of closing it, and so did
    the help's space and `b` and the timeline's `j`, `k`, `g` and `G`, which the arrows, the
    page keys, Home and End do as well."""
    app = RevdiffApp(chain_article, settings=Settings(keys=keys))
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, dialog)
        await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, dialog)


def test_the_legend_says_in_which_pair_the_flip_key_flips_an_unsure_row() -> None:
    """The `?` legend said `(f flips)`, but on a pair no page compares `f` only names the pairs
    whose pages flip its rows."""
    legend = rendered_text([legend_table()], width=200)
    [unsure] = [line for line in legend.splitlines() if line.strip().startswith("?")]
    assert "(f flips it in the pair its page compares)" in unsure
