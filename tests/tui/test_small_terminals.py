"""Terminals too small for the app, and dialogs in the smallest it takes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.data_table import ColumnKey
from tui_helpers import export_written, header_text, run_async, status_text, wait_until

from revdiff.model import Article, Version
from revdiff.tui.app import RevdiffApp, input_warnings_notice
from revdiff.tui.article_list_screen import LIST_HEIGHT
from revdiff.tui.export_screen import ExportScreen
from revdiff.tui.exporting import EXPORT_FORMATS, ExportFormat
from revdiff.tui.search import described
from revdiff.tui.search_screen import MAX_HITS_SHOWN, SearchScreen
from revdiff.tui.settings import Settings
from revdiff.tui.size_notice import MIN_HEIGHT, MIN_WIDTH, TerminalTooSmall
from revdiff.tui.stats_panel import StatsPanel
from revdiff.tui.status_line import StatusLine
from revdiff.tui.timeline_screen import HINT, SHORT_HINT, TimelineTable


@run_async
async def test_a_terminal_too_small_shows_the_least_size_until_it_is_enlarged(
        chain_article: Article) -> None:
    """At 24x12 the export dialog's formats collapsed to nothing and the timeline cut its titles
    to three cells: below the least size the app shows that size, answers only quitting, and
    comes back as it was when the terminal is enlarged."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(24, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TerminalTooSmall)
        notice = str(app.screen.query_one(Static).render())
        assert f"{MIN_WIDTH}×{MIN_HEIGHT}" in notice and "24×12" in notice
        await pilot.press("n", "e")
        await pilot.pause()
        assert isinstance(app.screen, TerminalTooSmall)
        await pilot.resize_terminal(30, 12)
        await pilot.pause()
        assert "30×12" in str(app.screen.query_one(Static).render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not isinstance(app.screen, TerminalTooSmall)
        assert status_text(app).startswith("5 changes")  # the `n` pressed meanwhile did nothing
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.resize_terminal(MIN_WIDTH - 1, 24)
        await pilot.pause()
        assert isinstance(app.screen, TerminalTooSmall)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # the dialog open before is back
        await pilot.resize_terminal(80, MIN_HEIGHT - 1)
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@run_async
async def test_the_least_size_can_be_read_in_an_app_started_too_small(chain_article: Article) -> None:
    """Started in a terminal too small, the app drew the notice's text in the background's colour,
    unseen: a blank screen that only q answered."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one(Static)
        for x in range(notice.region.x, notice.region.right):
            drawn = app.screen.get_style_at(x, notice.region.y)
            assert drawn.color != drawn.bgcolor


@run_async
async def test_the_export_dialog_keeps_its_formats_in_the_shortest_terminal(
        chain_article: Article) -> None:
    """The list of formats took what rows were left (none at 12) and showed no format; it keeps
    its four, and the dialog scrolls to the file name."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        formats = app.screen.query_one(OptionList)
        assert formats.option_count == 4 and formats.scrollable_content_region.height == 4
        await pilot.press("tab")
        await pilot.pause()
        name = app.screen.query_one(Input)
        assert name.has_focus and app.screen.region.contains_region(name.region)


@run_async
async def test_the_export_dialog_opens_on_its_heading_and_the_file_name_in_the_smallest_terminal(
        chain_article: Article) -> None:
    """At 44x12 the dialog opened scrolled past its heading, and the file name Enter writes was
    below its foot, unseen: the list and the field go without their borders there, and the
    dialog shows both."""
    app = RevdiffApp(chain_article, export_directory=Path("/tmp"))
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        heading, name = app.screen.query_one(Static), app.screen.query_one(Input)
        assert str(heading.render()) == "Export v0 → v1 as:"
        assert dialog.scroll_y == 0
        for shown in (heading, app.screen.query_one(OptionList), name):
            assert dialog.content_region.contains_region(shown.region), shown
        assert app.screen.query_one(OptionList).option_count == 4


@run_async
async def test_the_export_dialog_of_a_long_folder_keeps_its_heading_and_name_in_the_smallest_terminal(
        chain_article: Article, tmp_path: Path) -> None:
    """At 44x12 a long export folder made the hint 6 rows, and the dialog opened scrolled past
    its heading. There the hint names the folder's end, on one line, and the heading, the formats
    and the name fit, the cursor in the list or in the name; 24 rows have the whole folder back."""
    folder = tmp_path / "a-rather-long-folder-name" / "and-another-level-below-it" / "and-one-more"
    folder.mkdir(parents=True)
    app = RevdiffApp(chain_article, export_directory=folder)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        hint = app.screen.query_one("#export-file-hint", Static)
        for _ in range(2):  # in the list, then in the name (the hint says another Tab)
            assert dialog.scroll_y == 0
            for shown in (app.screen.query_one(Static), app.screen.query_one(OptionList), hint,
                          app.screen.query_one(Input)):
                assert dialog.content_region.contains_region(shown.region), shown
            assert str(hint.render()).endswith(" goes in …/and-one-more):")
            await pilot.press("tab")
            await pilot.pause()
        await pilot.resize_terminal(MIN_WIDTH, 24)
        await pilot.pause()
        await pilot.pause()
        assert str(hint.render()).endswith(f" goes in {folder}):")


def text_column(widget: Widget) -> int:
    """The screen column where the first line of `widget`'s text starts."""
    line = widget.render_line(0).text
    return widget.content_region.x + len(line) - len(line.lstrip())


@run_async
async def test_the_export_dialog_without_borders_aligns_its_formats_and_name_with_its_heading(
        chain_article: Article) -> None:
    """Below 18 rows, the list of formats and the file name without their borders, the formats
    and the name started a column left of the heading and the hint."""
    app = RevdiffApp(chain_article, export_directory=Path("/tmp"))
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        heading = app.screen.query_one(Static)
        columns = {widget.id: text_column(widget) for widget in (
            app.screen.query_one(OptionList), app.screen.query_one("#export-file-hint"),
            app.screen.query_one(Input))}
        assert columns == dict.fromkeys(columns, text_column(heading))


@run_async
async def test_the_timeline_gives_titles_20_cells_in_the_narrowest_terminal(
        chain_article: Article) -> None:
    """At 24 columns the titles had 3 cells and the header said `titl`: the narrowest terminal
    the app takes leaves them the 20 cells the README promises."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one(TimelineTable)
        assert table.columns_shown is not None and table.columns_shown.title_cells >= 20
        assert str(table.columns[ColumnKey("title")].label) == "title"


@run_async
async def test_the_article_list_of_many_articles_fits_a_short_terminal() -> None:
    """The list was 30 rows high whatever the terminal: at 80x16 the dialog's bottom border and
    its last rows were cut off the screen. It fits the terminal, and a resize fits it anew."""
    articles = [Article(None, f"https://example.org/{k}", tuple(
        Version(number, f"Story {k}", (f"Story {k} in version {number}.",)) for number in range(2)))
        for k in range(300)]
    app = RevdiffApp(articles)
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        listed = dialog.query_one(OptionList)
        assert dialog.content_region.contains_region(listed.region)  # its border in sight
        assert dialog.outer_size.height == 16
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        assert listed.outer_size.height == LIST_HEIGHT
        await pilot.resize_terminal(80, 14)
        await pilot.pause()
        assert dialog.content_region.contains_region(listed.region)
        await pilot.resize_terminal(MIN_WIDTH, MIN_HEIGHT)  # the hint takes two rows
        await pilot.pause()
        assert dialog.content_region.contains_region(listed.region)


@run_async
async def test_the_search_dialog_lists_several_hits_in_the_shortest_terminal(
        page_article: Article) -> None:
    """At 44x12 the dialog kept two rows above it for the header and a tenth of the terminal
    below it, and listed one hit at a time; in a short terminal it takes the whole height. At
    80x24 the list ran past the dialog's foot, its last hits out of sight: it fits the rows left."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        # under 200 places at each letter: from 200 (`t` finds 1,202, `the` still over 200) the
        # count's note of the first 200 takes it a row more, and the list, fit to the rows the
        # count wraps to (search_screen._fit, the same at every run), has 2 rows left here
        await pilot.press("slash", *"kill")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        hits = dialog.query_one(OptionList)
        assert hits.option_count > 3 and hits.scrollable_content_region.height >= 3
        assert dialog.content_region.contains_region(hits.region)
        await pilot.resize_terminal(80, 24)  # the list ran 3 rows past the dialog's foot
        await pilot.pause()
        assert dialog.region.y == 2  # the header in sight above it
        assert dialog.content_region.contains_region(hits.region)


@run_async
async def test_the_search_hits_are_cut_to_the_width_the_list_has_after_a_resize(
        page_article: Article) -> None:
    """Each hit was cut to the list's width as last laid out: a terminal made wider, then
    narrower again, left every hit cut two cells short of the list's edge."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"kill")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        hits = screen.query_one(OptionList)
        for width in (100, 60):
            await pilot.resize_terminal(width, 24)
            await pilot.pause()
            shown = [str(hits.get_option_at_index(k).prompt) for k in range(hits.option_count)]
            assert shown == described(screen.hits[:MAX_HITS_SHOWN], screen.versions,
                                      hits.scrollable_content_region.width)


@run_async
async def test_the_search_list_takes_the_rows_the_count_leaves_at_each_letter(
        page_article: Article) -> None:
    """The list's height was fit to the count's rows as last laid out, before the count had
    wrapped its new text: at 44x12 `a` (a count of 3 rows, after `Esc closes`) ran the list past
    the screen's foot, and `and` (2 rows, after 3) gave it 2 lines of hits where 3 fit."""
    app = RevdiffApp(page_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        for letter, count_rows in zip("and", (3, 3, 2), strict=True):
            await pilot.press(letter)
            await pilot.pause()
            dialog = app.screen.query_one(Vertical)
            count = dialog.query_one("#search-count", Static)
            hits = dialog.query_one(OptionList)
            assert count.outer_size.height == count_rows
            rows_left = (MIN_HEIGHT - dialog.styles.gutter.height
                         - dialog.query_one(Input).outer_size.height - count_rows)
            assert hits.outer_size.height == rows_left
            assert dialog.content_region.contains_region(hits.region)
            assert dialog.region.bottom <= MIN_HEIGHT


@run_async
async def test_the_filters_stay_in_sight_in_the_narrowest_terminal(chain_article: Article) -> None:
    """At 44 columns four filters were cut on the header's first line (`changes ±1, only edited,
    only n…`): those that do not fit there begin the title line."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("h", "l", "o", "x")
        await pilot.pause()
        pair, title = header_text(app).splitlines()
        assert pair == "v0 → v1 · changes ±1, only edited,"
        assert title.startswith("only number_changed, no boring · ")


WARNINGS = [("samples/washpo-soleimani-v6-v7.txt: line 10: the title row holds two titles, cut "
             "where they most likely meet; check them or give neighbouring pages"), "x: another"]


@run_async
async def test_no_notice_covers_the_least_size_in_a_terminal_too_small(
        chain_article: Article) -> None:
    """At 30x10 the notice of the inputs' warnings covered half of the least size's notice."""
    app = RevdiffApp(chain_article, input_warnings=WARNINGS)
    async with app.run_test(size=(30, 10), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TerminalTooSmall)
        notice = app.screen.query_one(Static)
        region = notice.region
        assert region.width and region.height
        for y in range(region.y, region.bottom):
            for x in range(region.x, region.right):
                assert app.screen.get_widget_at(x, y)[0] is notice


@run_async
async def test_the_inputs_warnings_leave_the_diff_in_sight_in_the_smallest_terminal(
        chain_article: Article) -> None:
    """At 44x12 the notice of the inputs' warnings, the first in full, was 15 rows high over the
    8 of the diff for 10 seconds: a narrow terminal counts them, in a notice of one row (`2 input
    warnings: see them after you quit` took three)."""
    app = RevdiffApp(chain_article, input_warnings=WARNINGS)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT), notifications=True) as pilot:
        await pilot.pause()
        [notice] = list(app._notifications)
        assert notice.message == "2 warnings on quit"
        [toast] = app.screen.query("Toast")  # Textual's class for a notice is not public
        assert toast.content_size.height == 1
        assert toast.region.bottom <= app.query_one(StatusLine).region.bottom  # none of it cut


@pytest.mark.parametrize("width", [MIN_WIDTH, 120])
@run_async
async def test_the_inputs_warnings_leave_the_status_line_readable(
        chain_article: Article, width: int) -> None:
    """At 44x12 the notice of the inputs' warnings covered the status line (where the change on
    screen is counted) for its 10 seconds: it sits above it."""
    app = RevdiffApp(chain_article, input_warnings=WARNINGS)
    async with app.run_test(size=(width, MIN_HEIGHT), notifications=True) as pilot:
        await pilot.pause()
        [toast] = app.screen.query("Toast")  # Textual's class for a notice is not public
        status = app.query_one(StatusLine)
        assert toast.region.height and status.region.height
        assert not toast.region.overlaps(status.region)


def _article_of_30_versions() -> Article:
    return Article(None, "https://example.org/long", tuple(
        Version(number, f"Title {number}", (f"Sentence of version {number}.", "It stays."))
        for number in range(30)))


@run_async
async def test_the_timeline_of_many_versions_fits_a_short_terminal() -> None:
    """The table was up to 30 rows high whatever the terminal: at 44x12 a timeline of 30
    versions ran past the dialog's foot, its hint of the keys and the rows the cursor went down
    to out of sight. The table fits the rows left, and a resize fits it anew."""
    app = RevdiffApp(_article_of_30_versions())
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        table = dialog.query_one(TimelineTable)
        hint = dialog.query_one("#timeline-hint", Static)
        assert dialog.content_region.contains_region(table.region)
        assert dialog.content_region.contains_region(hint.region)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert dialog.content_region.contains_region(hint.region)
        await pilot.resize_terminal(80, 60)
        await pilot.pause()
        assert table.outer_size.height == 30


@run_async
async def test_the_timeline_hint_leaves_the_table_five_versions_in_the_smallest_terminal() -> None:
    """At 44x12 the hint of the keys took 6 of the dialog's 10 rows, and the table showed 2
    versions. There the hint says the same in fewer words, and the table shows 5 versions; a
    terminal of more rows has the whole hint back."""
    app = RevdiffApp(_article_of_30_versions())
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        table = dialog.query_one(TimelineTable)
        hint = dialog.query_one("#timeline-hint", Static)
        assert str(hint.render()) == SHORT_HINT.format(closing="Esc, q or t")
        assert table.scrollable_content_region.height == 6  # its header and 5 versions
        assert dialog.content_region.contains_region(hint.region)
        await pilot.resize_terminal(MIN_WIDTH, 24)
        await pilot.pause()
        assert str(hint.render()) == HINT.format(closing="Esc, q or t")


def test_one_input_warning_is_counted_as_one_in_a_narrow_terminal() -> None:
    """Under 80 columns one warning was counted `1 input warning: see them after you quit`."""
    assert input_warnings_notice(WARNINGS[:1], 70) == "1 input warning after you quit"
    assert input_warnings_notice(WARNINGS, 70) == "2 input warnings after you quit"
    assert input_warnings_notice(WARNINGS[:1], MIN_WIDTH) == "1 warning on quit"


def line_in_sight(widget: Widget, line: int) -> bool:
    """Whether content line `line` of a scrolling list or table is within its rows on screen."""
    top = round(widget.scroll_offset.y)
    return top <= line < top + widget.scrollable_content_region.height


@run_async
async def test_a_lower_terminal_keeps_each_dialog_s_cursor_in_sight() -> None:
    """The article list, the search's hits and the timeline took fewer rows in a lower terminal
    but kept their scroll, and the line the cursor was on went below their foot, out of sight."""
    articles = [Article(None, None, tuple(
        Version(number, f"Story {k}", (f"Story {k} in version {number}.",)) for number in range(30)))
        for k in range(40)]
    app = RevdiffApp(articles)
    async with app.run_test(size=(80, 40)) as pilot:
        for opening, closing in (("a", "escape"), ("slash", "escape"), ("t", "escape")):
            await pilot.press(opening)
            if opening == "slash":
                await pilot.press(*"story", "down")
            await pilot.pause()
            cursor_list = app.screen.query_one("OptionList, DataTable")
            await pilot.press(*["down"] * 25)
            line = (cursor_list.cursor_row + 1 if isinstance(cursor_list, TimelineTable)  # header
                    else cursor_list.highlighted)
            assert line is not None and line_in_sight(cursor_list, line)
            await pilot.resize_terminal(80, 16)
            await pilot.pause()
            await pilot.pause()
            assert line_in_sight(cursor_list, line), opening
            await pilot.press(closing)
            await pilot.resize_terminal(80, 40)
            await pilot.pause()


@pytest.mark.parametrize("width", [MIN_WIDTH, 80])
@run_async
async def test_the_export_dialog_says_where_a_relative_name_goes(
        chain_article: Article, tmp_path: Path, width: int) -> None:
    """A relative name is written in the export folder, not the working directory, but with the
    field showing a full path the hint did not say so: it names the folder, whole on screen in
    the narrowest terminal too."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        hint = app.screen.query_one("#export-file-hint", Static)
        drawn = "".join(hint.render_line(y).text for y in range(hint.size.height))
        said = f"a relative name goes in {tmp_path}"
        assert said.replace(" ", "") in drawn.replace(" ", "")
        assert app.screen.region.contains_region(hint.region)


@run_async
async def test_the_export_dialog_shows_the_end_of_a_long_file_name(
        chain_article: Article, tmp_path: Path) -> None:
    """At 60 columns the file name field showed the start of a long folder and hid the file's name
    and suffix until the cursor moved: it opens scrolled to the end, the cursor before the suffix."""
    folder = tmp_path / "a-rather-long-folder-name" / "and-another-level-below-it"
    folder.mkdir(parents=True)
    app = RevdiffApp(chain_article, export_directory=folder)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        name = app.screen.query_one(Input)
        assert name.max_scroll_x > 0  # the name is wider than the field
        assert name.cursor_position == len(name.value) - len(".txt")
        assert name.scroll_x == name.max_scroll_x


@run_async
async def test_the_least_size_notice_names_and_answers_the_quit_key_of_the_settings(
        chain_article: Article) -> None:
    """The notice said `q quits` and bound q, with `[keys] quit = "x"` too, where q then did
    nothing (or, given to another command, quit in the notice alone) and x nothing."""
    settings = Settings(keys={"quit": "x,f10", "next_change": "q"})
    app = RevdiffApp(chain_article, settings=settings)
    async with app.run_test(size=(24, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TerminalTooSmall)
        assert str(app.screen.query_one(Static).render()).endswith("Enlarge it, or x quits.")
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, TerminalTooSmall)
        await pilot.press("f10")
        await pilot.pause()
        assert not app.is_running


@run_async
async def test_the_notice_of_an_export_shows_the_end_of_its_path_in_the_smallest_terminal(
        chain_article: Article, tmp_path: Path) -> None:
    """At 44x12 `Wrote text to PATH` wrapped a long path over the screen's foot, the file's name
    cut off: the notice shows the path's end, a folder at a time, in a few rows."""
    folder = tmp_path.joinpath("a-rather-long-folder-name", "another-level-down",
                               "and-yet-another-folder-of-notes", "2026-12-06", "drafts")
    folder.mkdir(parents=True)
    app = RevdiffApp(chain_article, export_directory=folder)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab")
        app.screen.query_one(Input).value = str(folder / "some-export-file.txt")
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        await pilot.pause()
        assert (folder / "some-export-file.txt").exists()
        [notice] = list(app._notifications)
        assert notice.message.startswith("Wrote text to …/")
        assert notice.message.endswith("/drafts/some-export-file.txt")
        [toast] = app.screen.query("Toast")  # Textual's class for a notice is not public
        assert toast.region.height <= 4


@run_async
async def test_the_short_timeline_hint_of_a_long_opening_key_takes_three_rows() -> None:
    """Opened by `ctrl+t`, the timeline's short hint ended `Esc, q or ctrl+t closes` over a fourth
    row at 44x12, and the table showed 4 versions. Where the keys that close it cost a row, the
    hint names Esc alone; the whole hint names them all."""
    app = RevdiffApp(_article_of_30_versions(), settings=Settings(keys={"timeline": "ctrl+t"}))
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        table = dialog.query_one(TimelineTable)
        hint = dialog.query_one("#timeline-hint", Static)
        assert str(hint.render()) == SHORT_HINT.format(closing="Esc")
        assert hint.size.height == 3
        assert table.scrollable_content_region.height == 6  # its header and 5 versions
        await pilot.resize_terminal(MIN_WIDTH, 24)
        await pilot.pause()
        assert str(hint.render()) == HINT.format(closing="Esc, q or ctrl+t")


@run_async
async def test_a_problem_in_the_export_dialog_keeps_its_heading_in_the_smallest_terminal(
        chain_article: Article) -> None:
    """At 44x12 the two rows of `No folder …: type a name in a folder that exists` scrolled the
    dialog past its heading. The hint of the keys gives them its rows while the problem is said,
    and is back once the name is changed."""
    app = RevdiffApp(chain_article, export_directory=Path("/tmp"))
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *"/nonexistent/x.txt", "enter")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        problem = app.screen.query_one("#export-problem", Static)
        assert str(problem.render()).startswith("No folder /nonexistent")
        assert dialog.scroll_y == 0
        for shown in (app.screen.query_one(Static), app.screen.query_one(OptionList),
                      app.screen.query_one(Input), problem):
            assert dialog.content_region.contains_region(shown.region), shown
        await pilot.press("backspace")
        await pilot.pause()
        await pilot.pause()
        hint = app.screen.query_one("#export-file-hint", Static)
        assert hint.display and not problem.display
        assert dialog.content_region.contains_region(hint.region)


@pytest.mark.parametrize("width", [MIN_WIDTH, 80])
@run_async
async def test_the_timeline_title_starts_where_its_hint_does(width: int) -> None:
    """`Version timeline` touched the dialog's left border, a column left of the hint under the
    table and of every other dialog's heading."""
    app = RevdiffApp(_article_of_30_versions())
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        title = app.screen.query_one("#timeline-title", Static)
        hint = app.screen.query_one("#timeline-hint", Static)
        dialog = app.screen.query_one(Vertical)
        assert text_column(title) == text_column(hint) == dialog.content_region.x + 1


@run_async
async def test_the_export_dialog_of_a_wide_folder_keeps_its_heading_in_the_smallest_terminal(
        chain_article: Article, tmp_path: Path) -> None:
    """At 44x12 a folder of CJK names opened the dialog scrolled past its heading: the hint, fit
    to the width its scroll bar left, took a row more than Textual gave the dialog, which it
    measured without that bar, and the bar stayed. The dialog shows no bar."""
    folder = tmp_path / "出力" / "ニュースの記事" / "二零二六年十二月" / "下書きのフォルダー"
    folder.mkdir(parents=True)
    app = RevdiffApp(chain_article, export_directory=folder)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        hint = app.screen.query_one("#export-file-hint", Static)
        assert dialog.scroll_y == 0
        for shown in (app.screen.query_one(Static), app.screen.query_one(OptionList), hint,
                      app.screen.query_one(Input)):
            assert dialog.content_region.contains_region(shown.region), shown
        assert str(hint.render()).endswith(" …/二零二六年十二月/下書きのフォルダー):")


@run_async
async def test_the_statistics_say_more_follows_and_how_to_reach_it_in_the_smallest_terminal(
        chain_article: Article) -> None:
    """At 44x12 the panel below the diff showed 3 of its rows, the rest reachable only with J and
    K, and nothing on screen said so: its top edge names the keys while more is out of sight."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        panel = app.query_one(StatsPanel)
        assert panel.max_scroll_y > 0
        assert "J" in panel.border_title and "more" in panel.border_title
        await pilot.press(*"J" * 20)
        await pilot.pause()
        assert panel.scroll_y == panel.max_scroll_y
        assert "K" in panel.border_title and "J" not in panel.border_title
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        assert panel.max_scroll_y == 0 and not panel.border_title


def drawn(widget: Widget) -> str:
    """The text `widget` draws, its borders with it."""
    return "\n".join(strip.text for strip in widget.render_lines(widget.outer_size.region))


@run_async
async def test_the_statistics_beside_the_diff_say_more_follows(chain_article: Article) -> None:
    """Beside the diff (110 columns and wider) the panel had only a left border, so its note that
    more was out of sight, set as on the panel below the diff, was drawn nowhere."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(120, 12)) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await pilot.pause()
        panel = app.query_one(StatsPanel)
        assert not panel.has_class("below") and panel.max_scroll_y > 0
        # scrolled to the chart's line of the pair on screen, the counts above it
        assert "more: J below, K above" in drawn(panel)
        await pilot.press(*"J" * 20)
        await pilot.pause()
        assert "more above: K" in drawn(panel)


@run_async
async def test_the_help_says_it_scrolls_in_the_smallest_terminal(chain_article: Article) -> None:
    """At 44x12 the help filled its dialog with nothing on screen saying that more followed: its
    bottom edge says so, and names the keys that show it."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        assert (body.border_subtitle or "") == "more below: space"
        await pilot.press("G")
        await pilot.pause()
        assert body.border_subtitle == "more above: b"
        await pilot.press("k")
        await pilot.pause()
        assert body.border_subtitle == "more: space below, b above"


@pytest.mark.parametrize(("help_key", "below", "above"), [
    ("space", "PgDn", "b"), ("b", "space", "PgUp"), ("space,b", "PgDn", "PgUp")])
@run_async
async def test_the_help_names_the_keys_that_scroll_it_when_its_key_closes_it(
        chain_article: Article, help_key: str, below: str, above: str) -> None:
    """With the help on space (or b), that key closes the help it opened, but the note on its
    edge still said `more below: space`: it names the page key in force."""
    app = RevdiffApp(chain_article, settings=Settings(keys={"help": help_key}))
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press(help_key.split(",")[0])
        await pilot.pause()
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.border_subtitle == f"more below: {below}"
        await pilot.press("pagedown" if below == "PgDn" else below)
        await pilot.pause()
        assert body.border_subtitle == f"more: {below} below, {above} above"
        await pilot.press("pageup" if above == "PgUp" else above)
        await pilot.pause()
        assert body.border_subtitle == f"more below: {below}"


@run_async
async def test_a_long_problem_in_the_export_dialog_keeps_its_heading_in_the_smallest_terminal(
        chain_article: Article) -> None:
    """At 44x12 a problem that quoted a long typed path took more than 4 rows and still scrolled
    the dialog past its heading, with no scroll bar to say the heading was above: the problem
    shows the path's end, fit to the rows the heading, the formats and the name leave."""
    typed = "/nonexistent/" + "/".join(f"folder-{n}-of-a-long-path" for n in range(8)) + "/x.txt"
    app = RevdiffApp(chain_article, export_directory=Path("/tmp"))
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *typed, "enter")
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        problem = app.screen.query_one("#export-problem", Static)
        said = str(problem.render())
        assert said.startswith("No folder …/") and said.endswith(
            "folder-7-of-a-long-path: type a name in a folder that exists")
        assert dialog.scroll_y == 0
        for shown in (app.screen.query_one(Static), app.screen.query_one(OptionList),
                      app.screen.query_one(Input), problem):
            assert dialog.content_region.contains_region(shown.region), shown


@run_async
async def test_a_long_reason_from_the_system_keeps_the_export_dialogs_heading_in_sight(
        chain_article: Article, tmp_path: Path) -> None:
    """At 44x12 only the path in a problem was shortened: a long reason the system gave for a
    failed write (one without an errno's words is the error's whole text) still wrapped over
    more rows than were left and scrolled the heading away. The reason is cut in its middle."""
    reason = "the remote file system refused the write: " + "quota exceeded; " * 12 + "retry"

    def write(_format: ExportFormat, _path: Path) -> None:
        raise OSError(reason)

    app = RevdiffApp(chain_article)
    async with app.run_test(size=(MIN_WIDTH, MIN_HEIGHT)) as pilot:
        await pilot.pause()
        await app.push_screen(ExportScreen(app.session.comparison(), "story",
                                           list(EXPORT_FORMATS), tmp_path, write))
        await pilot.pause()
        await pilot.press("tab", "ctrl+u", "ctrl+k", *"x.txt", "enter")
        await wait_until(pilot, lambda: app.screen.query_one("#export-problem", Static).display)
        await pilot.pause()
        dialog = app.screen.query_one(Vertical)
        problem = app.screen.query_one("#export-problem", Static)
        said = str(problem.render())
        assert said.startswith("Could not write …/x.txt: the remote file system")
        assert "…" in said.removeprefix("Could not write …") and said.endswith("retry")
        assert dialog.scroll_y == 0
        for shown in (app.screen.query_one(Static), app.screen.query_one(OptionList),
                      app.screen.query_one(Input), problem):
            assert dialog.content_region.contains_region(shown.region), shown
