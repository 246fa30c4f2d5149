"""The help screen, generated from the key table so it can never disagree with the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from revdiff.tui.dialog import Dialog
from revdiff.tui.keys import (
    KEY_TABLE,
    TIMELINE_KEYS,
    KeyCommand,
    anywhere_keys,
    commands_by_group,
    key_shown,
    main_keys_shown,
)
from revdiff.tui.out_of_sight import keep_noting_out_of_sight
from revdiff.tui.styles import CURSOR_MARK, CURSOR_STYLE, ROW_STYLES
from revdiff.tui.timeline_screen import TimelineScreen

# Every mark the diff draws (`revdiff.tui.layout`, `DiffView`), with the style it is drawn in.
LEGEND = (
    ("-", "old_marker", "text of the old version (red); struck-through words were removed"),
    ("+", "new_marker", "text of the new version (green); underlined words were added"),
    ("?", "unsure", ("the page reader was unsure how this row splits into old and new ({flip_row} "
                     "flips it in the pair its page compares)")),
    ("↕ ⑂ ⑃", "label", "a sentence moved, split in several, or merged with others"),
    (CURSOR_MARK, "cursor", "the rows of the current edit ({next_change} and {previous_change} move it)"),
    ("⋯", "fold", ("sentences the filters hide ({toggle_hide_unchanged}, {cycle_context}, "
                   "{cycle_label}, {cycle_flag}), the changes among them counted apart")),
    ("│", "rule", "side by side ({toggle_layout}): the old text on its left, the new on its right"),
)


def help_table(table: tuple[KeyCommand, ...] = KEY_TABLE) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold #ffd75f", no_wrap=True)
    grid.add_column()
    for group, commands in commands_by_group(table):
        grid.add_row(Text(group, style="bold underline #87afff"), "")
        for command in commands:
            grid.add_row(command.keys_shown, command.description)
        grid.add_row("", "")
    grid.add_row(Text("In the timeline", style="bold underline #87afff"), "")
    for keys, description in timeline_keys(table):
        grid.add_row(keys, description)
    grid.add_row("", "")
    grid.add_row(Text("Anywhere", style="bold underline #87afff"), "")
    for keys, description in anywhere_keys(table):
        grid.add_row(keys, description)
    grid.add_row("", "")
    return grid


def timeline_keys(table: tuple[KeyCommand, ...] = KEY_TABLE) -> list[tuple[str, str]]:
    """TIMELINE_KEYS, the keys that opened the timeline (`t`, or the keymap's) among those that
    close it, as they do (the help said only Esc and q closed it), and only there: given
    `timeline = "j"`, `j` was listed as moving through the versions too."""
    opening = next(command.keys for command in table if command.action == "timeline")
    closing = TimelineScreen.closing_keys_shown(opening)
    *own, (_, close) = TIMELINE_KEYS
    return [*((" ".join(key for key in keys.split() if key not in closing), description)
              for keys, description in own),
            (" ".join(closing), close)]


def legend_table(table: tuple[KeyCommand, ...] = KEY_TABLE,
                 styles: dict[str, Style] = ROW_STYLES) -> Table:
    """What the marks of the diff mean, naming the keys of `table`, each mark in its `styles`."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    grid.add_row(Text("Reading the diff", style="bold underline #87afff"), "")
    mark_styles = {**styles, "cursor": CURSOR_STYLE}
    for mark, style, meaning in LEGEND:
        grid.add_row(Text(mark, style=mark_styles[style]),
                     Text(meaning.format_map(main_keys_shown(table))))
    return grid


class HelpScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j,down", "scroll_help(1)", "Down", show=False),
        Binding("k,up", "scroll_help(-1)", "Up", show=False),
        # As in `less` and in the diff: space pages down, b up, as PgDn and PgUp do.
        Binding("space,pagedown", "page_help(1)", "Page down", show=False),
        Binding("b,pageup", "page_help(-1)", "Page up", show=False),
        # As in the diff and the timeline: g to the top, G to the bottom, as Home and End do.
        Binding("g,home", "help_end(0)", "Top", show=False),
        Binding("G,end", "help_end(1)", "Bottom", show=False),
    ]
    SPARE_KEYS = frozenset({"j", "k", "space", "b", "g", "G"})
    # The keys the note on the help's edge names to show more of it: space and b, unless the
    # keymap's help key closes the help on it (`help = "space"`); then the scroll's own PgDn or
    # PgUp, which always page it.
    PAGE_KEYS = (("space", "pagedown"), ("b", "pageup"))
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, table: tuple[KeyCommand, ...] = KEY_TABLE,
                 diff_styles: dict[str, Style] = ROW_STYLES) -> None:
        super().__init__()
        self.table = table  # the keys in force, after the user's keymap
        self.diff_styles = diff_styles  # the diff's, the user's colours among them

    def compose(self) -> ComposeResult:
        # not focused, so that its own keys (Home, End, PgDn, PgUp, ↓, ↑), which scroll in an
        # animation, give way to the help's, which jump: the note on its edge said where more
        # was from the places the animation passed
        with VerticalScroll(id="help-body", can_focus=False):
            yield Static(Text("revdiff keys  (Esc closes)", style="bold"))
            yield Static(help_table(self.table))
            yield Static(legend_table(self.table, self.diff_styles))

    def on_mount(self) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        down, up = (key_shown(own if own not in self.closing_keys else scrolls)
                    for own, scrolls in self.PAGE_KEYS)
        self._renote = keep_noting_out_of_sight(body, self._note, down, up)

    def _note(self, note: str) -> None:
        """On the help's bottom edge: at 44x12 it filled the dialog, nothing saying it scrolled."""
        self.query_one("#help-body", VerticalScroll).border_subtitle = note

    def on_resize(self, _event: events.Resize) -> None:
        self._renote()

    def action_scroll_help(self, direction: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=direction, animate=False)

    def action_help_end(self, bottom: int) -> None:
        """Go to the bottom of the help if `bottom`, else to its top."""
        body = self.query_one("#help-body", VerticalScroll)
        if bottom:
            body.scroll_end(animate=False)
        else:
            body.scroll_home(animate=False)

    def action_page_help(self, direction: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction > 0:
            body.scroll_page_down(animate=False)
        else:
            body.scroll_page_up(animate=False)
