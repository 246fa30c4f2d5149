"""`/`: type a phrase, see where it appears across every version, pick a hit to jump to it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from revdiff.model import Version
from revdiff.tui.cursor_list import CursorList
from revdiff.tui.dialog import Dialog
from revdiff.tui.plain_text_input import PlainTextInput
from revdiff.tui.search import SearchHit, VersionSearch, described
from revdiff.tui.wrapping import wrap_ranges

MAX_HITS_SHOWN = 200
DIALOG_WIDTH = 110  # the dialog's most columns, its border's included
LIST_HEIGHT = 16  # the list's most rows, its border's included; it scrolls through the others
HEADER_ROWS = 2  # the rows above the dialog that keep the pair's header in sight
HEADER_KEPT_FROM_ROWS = 20  # a shorter terminal gives them to the hits


class SearchScreen(Dialog[SearchHit | None]):
    """Dismisses with the chosen hit, or None. The search field keeps the focus, as the article
    list's filter field does: the arrows and page keys move through the hits from it, and the
    letters typed after them still go into the phrase (in the list they were lost)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        *(Binding(key, f"move('{action}')", show=False, priority=True) for key, action in (
            ("up", "cursor_up"), ("down", "cursor_down"), ("pageup", "page_up"),
            ("pagedown", "page_down"))),
    ]
    DEFAULT_CSS = f"""
    SearchScreen {{ align: center top; }}
    SearchScreen > Vertical {{
        width: 100%;
        max-width: {DIALOG_WIDTH};
        height: auto;
        border: round $accent;
        background: $surface;
    }}
    /* one line a hit, cut with … at the scroll bar's columns, as the article list's */
    SearchScreen OptionList {{
        height: auto;  /* at most LIST_HEIGHT rows, or those the terminal leaves (`_fit`) */
        /* the scroll bar's columns kept when there is none: a line cut to the list's width before
           the hits filled it (and the bar came) lost its last two cells, `Iran.` shown `Ir…`.
           No horizontal bar (the lines are cut), whose row Textual adds to a stable gutter's. */
        scrollbar-gutter: stable;
        scrollbar-size-horizontal: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }}
    /* the list never has the focus (the field keeps it): its highlight drawn as a focused one's */
    SearchScreen OptionList > .option-list--option-highlighted {{
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }}
    SearchScreen #search-count {{ color: $text-muted; padding: 0 1; }}
    """

    def __init__(self, versions: tuple[Version, ...], phrase: str = "",
                 opened: SearchHit | None = None) -> None:
        super().__init__()
        self.versions = versions
        self.version_search = VersionSearch(versions)  # the searched text kept from one key to the next
        self.phrase = phrase  # what the field holds: the app opens the next search on it
        self.opened = opened  # the hit last opened, highlighted where the phrase typed lists it
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield PlainTextInput(value=self.phrase, placeholder="search every version…",
                                 id="search-input")
            yield Static("", id="search-count")
            hits = CursorList(id="search-hits")
            hits.can_focus = False
            yield hits

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._update(self.phrase)

    def _update(self, query: str) -> None:
        self.hits = self.version_search.hits(query)
        self._list_hits()
        shown = self.hits[:MAX_HITS_SHOWN]
        count = len(self.hits)
        spans = {(hit.first_version, hit.last_version) for hit in self.hits}  # a place each use
        holding = len({version for first, last in spans for version in range(first, last + 1)})
        # more than the list holds: say so, or the places past its end seem not to exist
        listed = f", the first {len(shown)} listed (type more to narrow)" if count > len(shown) else ""
        # the way out named as every dialog names it, where no hit offers Enter ('q' is typed here)
        note = "Esc closes" if not query.strip() else (
            f"{count} place{'s' if count != 1 else ''} in {holding} of {len(self.versions)} versions"
            f"{listed} · Enter opens the first, ↓ picks another" if count
            else "not found in any version · Esc closes")
        self.query_one("#search-count", Static).update(note)
        if count:  # the first, or the hit last opened where the phrase lists it
            self.query_one(OptionList).highlighted = (
                shown.index(self.opened) if self.opened in shown else 0)
        self.call_after_refresh(self._fit)  # once the field has its rows (the count's are its text's)

    def _fit(self) -> None:
        """Keep the whole list on the screen, the header above the dialog where the terminal has
        rows to spare: the list kept its 16 rows whatever the terminal, cut off at the dialog's
        foot (its last hits out of sight at 80x24), and at 44x12 showed one hit at a time. The
        count's rows are those its text wraps to at the screen's width, as `wrap_ranges` wraps
        it as Textual does: measured on the screen, they were the last text's until the count
        was laid out again, and the list ran past the screen's foot or kept a row too few."""
        rows = self.size.height
        top = HEADER_ROWS if rows >= HEADER_KEPT_FROM_ROWS else 0
        dialog = self.query_one(Vertical)
        dialog.styles.margin = (top, 0, 0, 0)
        count = self.query_one("#search-count", Static)
        count_width = (min(self.size.width, DIALOG_WIDTH) - dialog.styles.gutter.width
                       - count.styles.gutter.width)
        count_rows = len(wrap_ranges(str(count.content), count_width)) + count.styles.gutter.height
        taken = (top + dialog.styles.gutter.height + self.query_one(Input).outer_size.height
                 + count_rows)
        self.query_one(OptionList).styles.max_height = min(LIST_HEIGHT, rows - taken)

    def _list_hits(self) -> None:
        """The hits, each line cut to the list's width so that it shows the phrase (the text
        before it is cut short first: at 50 columns `…the airstrike that killed the Q…` hid
        `Quds Force leader`). The width is the screen's less the dialog's and the list's edges
        and its scroll bar's gutter, as `_fit` counts the count's: the list's as last laid out
        was the width it had before a resize, and a terminal made wider, then narrower again,
        left the hits cut two cells short."""
        hits = self.query_one(OptionList)
        highlighted = hits.highlighted
        width = (min(self.size.width, DIALOG_WIDTH) - self.query_one(Vertical).styles.gutter.width
                 - hits.styles.gutter.width - hits.styles.scrollbar_size_vertical)
        hits.clear_options()
        # Text, not a string: Textual reads a string as markup, and article text is no markup.
        shown = described(self.hits[:MAX_HITS_SHOWN], self.versions, width if width > 0 else None)
        hits.add_options([Option(Text(line), id=str(index)) for index, line in enumerate(shown)])
        hits.highlighted = highlighted

    def on_resize(self) -> None:
        self._list_hits()
        self.call_after_refresh(self._fit)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.phrase = event.value
        self._update(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search field opens the highlighted hit (the first, unless ↓ moved on)."""
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if self.hits:
            self.dismiss(self.hits[highlighted or 0])

    def action_move(self, action: str) -> None:
        """Move the list's highlight (`action`: the list's own, `cursor_down`...)."""
        getattr(self.query_one(OptionList), f"action_{action}")()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[event.option_index])
