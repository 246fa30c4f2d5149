"""The revdiff app: wires the session, the filters and the layout to the widgets and the keys.

The keys' actions are mixed in, one module an idea: `cursor_actions` (moving over the diff),
`pair_actions`, `article_actions`, `view_actions` (layout, filters, statistics), `search_actions`,
`sharing_actions` (clipboard, export) and `page_actions` (a flattened page's rows); what they ask
of the app is `AppHost`. Textual's side of the key table is `bindings`.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import ClassVar
from uuid import uuid4

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.geometry import Size
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import ModalScreen
from textual.widgets.option_list import Option

from revdiff.corrections_file import Correction
from revdiff.model import Article, EditOp
from revdiff.size_limit import DEFAULT_MAX_BYTES
from revdiff.tui.article_actions import ArticleActions
from revdiff.tui.background import BackgroundWork, ComparisonFailure, are_long
from revdiff.tui.bindings import answers, bindings_from_table, key_display
from revdiff.tui.cursor_actions import CursorActions
from revdiff.tui.dialog import Dialog, DialogResult
from revdiff.tui.diff_view import DiffView
from revdiff.tui.filters import FilterState, visible_items
from revdiff.tui.help_screen import HelpScreen
from revdiff.tui.key_footer import KeyFooter
from revdiff.tui.keys import KEY_TABLE, main_keys_shown, with_keymap
from revdiff.tui.layout import LayoutBuilder, LayoutMode, automatic_mode
from revdiff.tui.notices import NARROW_NOTICE_WIDTH, ROWS_BELOW_NOTICES, fitting_notice
from revdiff.tui.page_actions import PageActions
from revdiff.tui.pair_actions import PairActions
from revdiff.tui.pair_header import PairHeader, ShownPair
from revdiff.tui.search_actions import SearchActions
from revdiff.tui.session import (
    ArticleSession,
    CompareFunction,
    FlipFunction,
    column_split_flip,
    engine_compare,
)
from revdiff.tui.settings import Settings
from revdiff.tui.sharing_actions import SharingActions
from revdiff.tui.size_notice import TerminalTooSmall, is_too_small
from revdiff.tui.stats_panel import StatsPanel
from revdiff.tui.stats_text import chain_lines, comparison_lines
from revdiff.tui.status_line import (
    StatusLine,
    change_position,
    changes_place,
    describe_edit,
    describe_page_row,
    describe_row,
    failed_pair_place,
    sentence_position,
)
from revdiff.tui.styles import row_styles
from revdiff.tui.view_actions import ViewActions

# The articles, the last shown last, whose comparisons are kept when another is shown: stepping
# back and forth between them answers at once, and memory does not grow with every article
# visited (25 KB an article of a NewsEdits file, 100 MB a live blog whose timeline was opened).
ARTICLES_KEEPING_COMPARISONS = 3

# The footer's hints a narrow terminal leaves out, the first first: side by side needs 110 columns,
# and `?` lists every key. `? help` and `q quit` stay down to 16 columns.
NARROW_FOOTER_LEAVES_OUT = ("toggle_layout", "export", "timeline", "search", "previous_change",
                            "next_change")


def input_warnings_notice(warnings: Sequence[str], terminal_width: int) -> str:
    """How many warnings the inputs gave and where to read them, in one row of the notice: `2 input
    warnings, on the terminal after you quit`, `2 input warnings after you quit` at 80 columns,
    `2 warnings on quit` at 44. The first in full took 9 rows over the diff at 80x24."""
    count, plural = len(warnings), "" if len(warnings) == 1 else "s"
    return fitting_notice((f"{count} input warning{plural}, on the terminal after you quit",
                           f"{count} input warning{plural} after you quit",
                           f"{count} warning{plural} after you quit",
                           f"{count} warning{plural} on quit"), terminal_width)


@contextlib.contextmanager
def empty_no_color_unset() -> Iterator[None]:
    """NO_COLOR set to nothing left out of the environment meanwhile: Textual makes the app
    monochrome for a NO_COLOR set at all, where the convention (no-color.org), `revdiff diff` and
    Rich turn colours off only for a value that is not empty."""
    if os.environ.get("NO_COLOR") != "":
        yield
        return
    del os.environ["NO_COLOR"]
    try:
        yield
    finally:
        os.environ["NO_COLOR"] = ""


def default_export_directory() -> Path:
    """Where `e` writes unless the settings say otherwise: the Downloads folder, or home."""
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.home()


class RevdiffApp(CursorActions, PairActions, ArticleActions, ViewActions, SearchActions,
                 SharingActions, PageActions, App[None]):
    """Step through how an article changed between versions."""

    TITLE = "revdiff"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings_from_table(KEY_TABLE),
        # Ctrl+C quits, as it does in a dialog (`Dialog`), when the screen has no selection to copy;
        # Textual's own only said to press Ctrl+Q. A command of the keymap given Ctrl+C replaces it.
        Binding("ctrl+c", "quit", "Quit", show=False),
    ]
    # a class variable, as Textual declares it (in a way neither ruff nor mypy reads as one)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_NOTICE_WIDTH, "-wide")]  # noqa: RUF012
    CSS = f"""
    Screen {{ layout: vertical; }}
    #body {{ height: 1fr; }}
    Screen.-narrow Toast {{ padding: 0 1; }}
    /* Notices rise above the status line and the key footer (a row each), which they covered. */
    #_default > ToastRack {{ margin-bottom: {ROWS_BELOW_NOTICES}; }}
    """

    def __init__(self, articles: Article | Sequence[Article], *,
                 compare: CompareFunction | None = None, flip: FlipFunction = column_split_flip,
                 export_directory: Path | None = None, mode: LayoutMode | None = None,
                 settings: Settings | None = None, input_warnings: Sequence[str] = (),
                 inputs: Sequence[str] = (), article_names: Sequence[str] = (),
                 article_inputs: Sequence[str] = (),
                 corrections: Sequence[Correction] = (), corrections_file: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        with empty_no_color_unset():
            super().__init__()
        self.inputs = tuple(inputs)  # the files and folders read, which an export never replaces
        # each article's name as `revdiff diff` gives it (`load_and_warn`'s), for the export
        self.article_names = tuple(article_names)
        self.article_inputs = tuple(article_inputs)  # the input each article was read from
        # the corrections the articles were read with (`--corrections`), which `w` saves again
        self.corrections = tuple(corrections)
        # the file they were read from and the files `w` wrote in this run: the only corrections
        # files `w` replaces without asking; and the one it last asked to replace, with the
        # press it asked at (`presses`): only the press right after it answers
        self.corrections_file = corrections_file
        self.max_bytes = max_bytes  # the run's size limit (`--max-size`): `w` reads the file again within it
        self.corrections_saved: dict[Path, int] = {}  # each file `w` wrote: the article's index
        self.corrections_replace_asked: tuple[Path, int] | None = None
        self.presses = 0  # the keys pressed and the clicks so far
        # what the command line said of the inputs on stderr, which the app's screen hides
        self.input_warnings = tuple(input_warnings)
        self.settings = settings or Settings()
        self.articles = [articles] if isinstance(articles, Article) else list(articles)
        if not self.articles:
            raise ValueError("the app needs at least one article with two versions")
        sentences = self.settings.sentences
        self._compare = compare or (lambda old, new: engine_compare(old, new, sentences))
        self._flip = flip
        # each article shown so far, where it was left; the last shown last (`show_article`)
        self._sessions: dict[int, ArticleSession] = {}
        # the edit under the cursor in each article left with one, which it gets back on return
        self._edit_left_at: dict[int, int] = {}
        # the article list's lines and what typing finds each by, once it opened
        self._article_list: tuple[tuple[Option, ...], tuple[str, ...]] | None = None
        # long pairs compared on a thread of their own, the screen answering meanwhile
        self.background = BackgroundWork(self)
        # comparing the pair on screen failed (apart or on the app's loop): it has no layout until
        # another is shown, or until it is compared along with others (`lay_out_compared_pair`)
        self._comparison_failed = False
        self.article_index = 0
        self.session = self._session_shown(0)
        self.filters = FilterState()
        # the notice last given with each text (severity, title, message), until its time is up
        # or a dialog clears the notices (`notify`)
        self._notices_given: dict[tuple[str, str, str], Notification] = {}
        configured = {"side": LayoutMode.SIDE_BY_SIDE, "unified": LayoutMode.UNIFIED}
        self.forced_mode = mode or configured.get(self.settings.layout)  # None: by the diff's width
        # the layout kept first since the automatic one, which `s` goes on from to the other
        self._first_kept_layout = self.forced_mode
        self.export_directory = (export_directory or self.settings.export_directory
                                 or default_export_directory())
        # the settings file that named the export folder, which the export dialog names with it
        self.export_directory_source = (self.settings.source if export_directory is None
                                        and self.settings.export_directory else None)
        self.diff_styles = row_styles(self.settings.colours)  # the header's and the help's, as the diff's
        self.key_table = with_keymap(self.settings.keys)
        self.key_of = main_keys_shown(self.key_table)  # action -> the key the hints name
        if self.settings.keys:
            self.set_keymap(self.settings.keys)

    def get_key_display(self, binding: Binding) -> str:
        """A key in the footer as the help and the hints write it (`key_display`)."""
        return key_display(binding.key)

    def _session_shown(self, index: int) -> ArticleSession:
        """The session of the article at `index`, made the last shown: the article that falls
        out of the recent ones (`ARTICLES_KEEPING_COMPARISONS`) forgets its comparisons."""
        if index not in self._sessions:
            self._sessions[index] = ArticleSession(self.articles[index], compare=self._compare,
                                                   flip=self._flip, corrections=self.corrections)
        self._sessions[index] = self._sessions.pop(index)  # now the last shown
        # the one that falls out of the recent ones; those before it fell out already
        fallen = next(islice(reversed(self._sessions.values()), ARTICLES_KEEPING_COMPARISONS, None),
                      None)
        if fallen is not None:
            fallen.forget_comparisons()
        return self._sessions[index]

    # -- composition and layout -----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield PairHeader(diff_styles=self.diff_styles, id="pair-header")
        with Horizontal(id="body"):
            yield DiffView(self._start_layout, colours=self.settings.colours, id="diff")
            yield StatsPanel((self.key_of["stats_down"], self.key_of["stats_up"]), id="stats")
        yield StatusLine(id="status")
        yield KeyFooter(optional=NARROW_FOOTER_LEAVES_OUT,
                        order=tuple(command.action for command in self.key_table))

    @property
    def diff(self) -> DiffView:
        return self.query_one(DiffView)

    @property
    def stats_panel(self) -> StatsPanel:
        return self.query_one(StatsPanel)

    @property
    def mode(self) -> LayoutMode:
        """The layout `s`, `--layout` or the settings chose, else the one the diff's width calls
        for: the terminal's, less the statistics panel's when it is beside the diff."""
        if self.forced_mode is not None:
            return self.forced_mode
        panels = self.query(StatsPanel)  # none before the app is composed
        width = panels.first().diff_width(self.size.width) if panels else self.size.width
        return automatic_mode(width)

    def _start_layout(self, width: int) -> LayoutBuilder | None:
        """The layout of the current pair, or None while its comparison is computed apart or when
        comparing it failed."""
        session = self.session
        if not session.has_comparison() and are_long(session, [session.pair]):
            pair = session.pair
            # the cursor waits on the edit it is to go to meanwhile (`_relayout`)
            self.background.when_compared(
                [pair], lambda: self._relayout(keep=self.diff.current_edit)
                if pair == session.pair else None)
            return None
        try:
            comparison = session.comparison()
        except Exception as error:  # noqa: BLE001 - said on screen, as when compared apart
            self.comparison_failed_with(ComparisonFailure.of(session.article.versions,
                                                             session.pair, error))
            return None
        items = visible_items(comparison.edits, self.filters)
        return LayoutBuilder(comparison, items, self.mode, width, session.unsure())

    def comparison_failed_with(self, failure: ComparisonFailure) -> None:
        """Say which pair failed to compare and why; when the pair on screen is left without a
        comparison, only the keys that show another pair or article answer, and the status line
        says so."""
        self._comparison_failed = not self.session.has_comparison()
        self.refresh_bindings()
        self.notify(failure.notice(), severity="error", markup=False)
        self._refresh_status()

    def show_status(self) -> None:
        """Show the status line again, once the diff is laid out (while a thread compares)."""
        if self.diff.has_layout:
            self._refresh_status()

    def lay_out_compared_pair(self) -> None:
        """Lay out the pair on screen if it had no layout, its comparison having failed, and has
        a comparison now (compared along with others)."""
        if not self.diff.has_layout and self.session.has_comparison():
            self._relayout()

    def on_mount(self) -> None:
        self.diff.focus()
        self._place_stats(self.size.width)
        self._refresh_chrome()
        if self.input_warnings:
            self.notify(input_warnings_notice(self.input_warnings, self.size.width),
                        severity="warning", timeout=10, markup=False)
        self.call_after_refresh(self._freeze_startup_objects)
        self._mind_terminal_size(self.size)

    @staticmethod
    def _freeze_startup_objects() -> None:
        """Keep what exists once the first screen is up (modules, the article, the comparison) out
        of Python's full garbage collections while the app runs: a full pass over them took tens of
        milliseconds and landed on every few key presses. `on_unmount` gives them back."""
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    async def on_event(self, event: events.Event) -> None:
        """Count the keys pressed and the clicks (`presses`) as they arrive, before any answers."""
        if isinstance(event, (events.Key, events.MouseDown)) and not event.is_forwarded:
            self.presses += 1
        await super().on_event(event)

    def on_resize(self, event: events.Resize) -> None:
        self._place_stats(event.size.width)
        self.call_after_refresh(self._refresh_chrome)
        self._mind_terminal_size(event.size)

    def _place_stats(self, terminal_width: int) -> None:
        """The statistics panel beside the diff or below it, and the header over the diff's
        columns only: over the panel's too, its title line ran along the panel's top edge."""
        stats = self.stats_panel
        stats.place(terminal_width)
        self.query_one(PairHeader).styles.width = stats.diff_width(terminal_width)

    def _mind_terminal_size(self, size: Size) -> None:
        """Cover the screen with a notice of the least size the app needs while the terminal is
        smaller, and take it away once it is large enough."""
        notice = self.screen if isinstance(self.screen, TerminalTooSmall) else None
        if not is_too_small(size):
            if notice is not None:
                notice.dismiss()
        elif notice is not None:
            notice.show_size(size)
        else:
            self.push_screen(TerminalTooSmall(size, self.key_of["quit"]))

    def on_diff_view_layout_changed(self) -> None:
        if self._comparison_failed and self.diff.has_layout:
            self._comparison_failed = False
            self.refresh_bindings()
        self._refresh_status()

    def _relayout(self, keep: int | None = None) -> None:
        """Lay the diff out again and put the cursor back on `keep` if it is still shown; while
        the pair is compared apart (no layout yet) the cursor stays on `keep`, for the layout
        made once it is compared (`_start_layout`)."""
        view = self.diff
        view.rebuild()
        if view.has_layout and keep is not None and keep not in view.view_layout.first_row:
            keep = None
        view.set_current(keep, scroll=keep is not None)
        self._refresh_chrome()

    def _refresh_chrome(self) -> None:
        session = self.session
        article = (self.article_index, len(self.articles)) if len(self.articles) > 1 else None
        self.query_one(PairHeader).show_pair(ShownPair(
            session.old_version, session.new_version, session.pair, session.version_count,
            self.mode.value, self.filters, article))
        self._refresh_status()
        stats = self.stats_panel
        if stats.shown and session.has_comparison():
            pair_lines = comparison_lines(session.comparison())
            article_index = self.article_index  # the one shown now, when the chain is compared

            def show_chain() -> None:
                stats.show_lines(pair_lines, chain_lines(
                    session.chain_summaries(), session.article.versions, session.pair,
                    width=stats.chain_width(pair_lines, self.size.width)),
                    (article_index, session.pair))

            def show_chain_failed() -> None:
                stats.show_lines(pair_lines, ["change along the chain", "could not compare"])

            stats.show_lines(pair_lines, ["change along the chain", "comparing…"])
            self.background.when_compared(session.chain_pairs(), show_chain, summaries=True,
                                          failed=show_chain_failed)

    def _refresh_status(self) -> None:
        changes = self.diff.changes
        current = self.diff.current_edit
        total = len(changes)
        notes: tuple[str, ...] = ()  # the page row's note, longest first
        places: tuple[str, ...]  # where the cursor is, longest first
        if self._comparison_failed and not self.background.running:
            places = (failed_pair_place(self.session.pair, self.session.version_count,
                                        self.article_index, len(self.articles), self.key_of),)
            detail = ""
        elif not self.diff.has_layout or self.background.running:  # computed apart
            places, detail = (self.background.note(),), ""
        elif current is None:
            hidden = sum(edit.op is not EditOp.UNCHANGED
                         for edit in self.session.comparison().edits) - total
            places, detail = (changes_place(total, hidden, self.key_of["next_change"]),), ""
        else:
            edit = self.session.comparison().edits[current]
            position = changes.index(current) + 1 if current in changes else None
            places = change_position(position, total) if position else sentence_position(edit)
            detail = describe_edit(edit)
            row = self.session.row_of_edit(edit)
            if row is not None:
                notes = describe_row(row, *self.session.reading_number(row),
                                     flipped=self.session.is_flipped(row),
                                     flip_key=self.key_of["flip_row"],
                                     restore_key=self.key_of["restore_reading"])
            elif (page_row := self.session.unsure_page_row(edit)) is not None:
                notes = describe_page_row(*page_row)
        self.query_one(StatusLine).show(places, detail, notes)

    def _open_dialog(self, dialog: Dialog[DialogResult],
                     answered: Callable[[DialogResult | None], None] | None = None, *,
                     toggled_by: str | None = None) -> None:
        """Open a dialog over the diff; the notices about the diff go, so that none covers it.
        The keys of the command `toggled_by` (the keymap's) close it again. None opens over
        another: one asked for before a comparison ended (`BackgroundWork`) is dropped when the
        user opened another meanwhile."""
        if isinstance(self.screen, ModalScreen):
            return
        if toggled_by is not None:
            dialog.closing_keys = next(command.keys for command in self.key_table
                                       if command.action == toggled_by)
        self.clear_notifications()
        # their boxes stay on the screen below the dialog until it is shown again: a notice given
        # after is a new one, not theirs
        self._notices_given.clear()
        self.push_screen(dialog, answered)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Textual's notice, but one equal to a notice on screen takes its place instead of
        stacking under it (`n` pressed again and again at the last change showed the same notice
        once a press), shown for its whole time: the box on screen goes, whose timer, run from
        the earlier press, took the new notice away with it (a second after `.` pressed again
        at the last pair). One given again before Textual took the first in (a key held down)
        takes its identity, which Textual shows once."""
        text = (severity, title, message)
        self._notices_given = {given_text: given for given_text, given in
                               self._notices_given.items() if not given.has_expired}
        earlier = self._notices_given.get(text)
        if earlier is not None and earlier in self._notifications:  # Textual's own, on screen
            self._unnotify(earlier)
            earlier = None
        notification = Notification(
            message, title, severity, self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=markup, identity=str(uuid4()) if earlier is None else earlier.identity)
        self._notices_given[text] = notification
        self.post_message(Notify(notification))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether a key's command answers now (`answers`): the status line says which do while
        the pair has no comparison (`_refresh_status`)."""
        return answers(action, comparing=self.background.running,
                       comparison_failed=self._comparison_failed,
                       dialog_open=isinstance(self.screen, ModalScreen))

    def action_help(self) -> None:
        self._open_dialog(HelpScreen(self.key_table, self.diff_styles), toggled_by="help")

