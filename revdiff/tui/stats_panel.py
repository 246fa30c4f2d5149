"""The statistics panel: counts per label for the pair on screen and a chart of change across the
chain of versions. Toggled with `i`.

Beside the diff it would leave a narrow terminal's diff too little width (at 60 columns about 24, so
that side by side broke words in two), so below `BESIDE_MIN_WIDTH` it goes under the diff instead,
the counts and the chart side by side, and the diff keeps the terminal's width."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from revdiff.tui.out_of_sight import keep_noting_out_of_sight
from revdiff.tui.stats_text import CURRENT_MARK

BESIDE_MIN_WIDTH = 110  # terminal columns from which the panel sits on the right of the diff
BESIDE_WIDTH = 34  # the columns the panel takes there, its border and padding with it
BESIDE_CHAIN_WIDTH = 30  # the chart's width on the right
BELOW_CHAIN_WIDTHS = (20, 50)  # the narrowest and widest chart below the diff
BLOCK_GAP = 3  # cells between the counts and the chart below the diff
# Cells of a terminal's width the panel below the diff does not give its text: its padding and
# scrollbar.
BELOW_FRAME = 3


class StatsPanel(VerticalScroll, can_focus=False):
    DEFAULT_CSS = f"""
    StatsPanel {{
        width: {BESIDE_WIDTH};
        dock: right;
        border-left: tall $accent;
        /* the edge the note that more is out of sight is drawn on, beside the diff and below */
        border-top: tall $accent;
        padding: 0 1;
        scrollbar-size-vertical: 1;
        display: none;
    }}
    StatsPanel.shown {{ display: block; }}
    StatsPanel Static {{ width: 100%; }}
    StatsPanel #stats-chain {{ margin-top: 1; }}
    StatsPanel.below {{
        dock: bottom;
        width: 100%;
        height: auto;
        max-height: 50%;
        border-left: none;
        layout: horizontal;
    }}
    StatsPanel.below Static {{ width: auto; margin-right: {BLOCK_GAP}; }}
    StatsPanel.below #stats-chain {{ margin-top: 0; }}
    StatsPanel.below.stacked {{ layout: vertical; }}
    StatsPanel.below.stacked #stats-chain {{ margin-top: 1; }}
    """

    def __init__(self, scroll_keys: tuple[str, str] = ("J", "K"), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scroll_keys = scroll_keys  # the keys that scroll it down and up, as the hints name them
        # the article and pair whose line of the chart was last brought into view: a new pair's
        # is, where the chart began at v0→1 whatever the pair (v34→35 of 59 out of sight until J
        # was pressed a dozen times), while the reader's own scrolling holds as long as the pair
        # does; the article with it, or the next article's v0→1 kept the last one's scrolling
        self._pair_in_view: tuple[int, tuple[int, int]] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="stats-pair")
        yield Static(id="stats-chain")

    def on_mount(self) -> None:
        down, up = self.scroll_keys
        self._renote = keep_noting_out_of_sight(self, self._note, down, up)

    def _note(self, note: str) -> None:
        self.border_title = note  # on the top edge, beside the diff as below it

    def on_resize(self, _event: events.Resize) -> None:
        self._renote()

    def place(self, terminal_width: int) -> None:
        """On the right of the diff in a wide terminal, below it in a narrow one."""
        self.set_class(terminal_width < BESIDE_MIN_WIDTH, "below")

    def diff_width(self, terminal_width: int) -> int:
        """The columns the panel leaves the diff: all but its own when it is shown beside it."""
        beside = self.shown and not self.has_class("below")
        return terminal_width - BESIDE_WIDTH if beside else terminal_width

    def chain_width(self, pair_lines: list[str], terminal_width: int) -> int:
        """Cells for the chart: the rest of the width beside the counts, when below the diff;
        where the narrowest chart does not fit beside them, it goes under them (`stacked`), as
        wide as the terminal lets it (beside them, it was cut off at the terminal's edge)."""
        if not self.has_class("below"):
            return BESIDE_CHAIN_WIDTH
        narrowest, widest = BELOW_CHAIN_WIDTHS
        counts_width = max(len(line) for line in ["Statistics", *pair_lines])
        beside = terminal_width - BELOW_FRAME - counts_width - BLOCK_GAP
        self.set_class(beside < narrowest, "stacked")
        return min(widest, beside if beside >= narrowest else terminal_width - BELOW_FRAME)

    def show_lines(self, pair_lines: list[str], chain_lines: list[str],
                   current: tuple[int, tuple[int, int]] | None = None) -> None:
        """The counts and the chart; the chart's line of `current`, the article's index and the
        pair on screen, scrolled into view when either is another than last time."""
        pair = Text(no_wrap=True, overflow="ellipsis")
        pair.append("Statistics\n", style="bold underline")
        pair.append("\n".join(pair_lines))
        self.query_one("#stats-pair", Static).update(pair)
        chain = Text(no_wrap=True, overflow="ellipsis")
        if chain_lines:
            chain.append(chain_lines[0] + "\n", style="bold")
            chain.append(chain_lines[1] + "\n", style="#87afff")
            chain.append("\n".join(chain_lines[2:]))
        chart = self.query_one("#stats-chain", Static)
        chart.update(chain)
        chart.display = bool(chain_lines)
        row = next((row for row, line in enumerate(chain_lines) if line.startswith(CURRENT_MARK)),
                   None)
        if current is not None and current != self._pair_in_view and row is not None:
            self._pair_in_view = current
            self.call_after_refresh(self._bring_into_view, chart, row)

    def _bring_into_view(self, chart: Static, row: int) -> None:
        """Scroll the least that shows the chart's `row`, the panel's top (the pair's counts) with
        it where both fit."""
        y = chart.virtual_region.y + row
        shown = Region(0, 0, 1, y + 1) if y < self.scrollable_content_region.height else Region(
            0, y, 1, 1)
        self.scroll_to_region(shown, animate=False, immediate=True)

    @property
    def shown(self) -> bool:
        return self.has_class("shown")
