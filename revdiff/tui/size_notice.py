"""What the app shows in a terminal too small for it: one notice of the least size it needs, in
place of a diff, header or dialog squeezed past use (the export's formats gone, the timeline's
titles cut to three cells). Enlarged, the terminal shows what it showed before."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.widgets import Static

from revdiff.tui.dialog import Dialog

# The timeline gives titles 20 cells beside the version and the share changed, its border and
# scroll bar; the main view keeps 8 rows of the diff under its header, status line and footer.
MIN_WIDTH = 44
MIN_HEIGHT = 12


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


def too_small_notice(size: Size, quit_key: str) -> str:
    return (f"revdiff needs a terminal of {MIN_WIDTH}×{MIN_HEIGHT} or more; this one is "
            f"{size.width}×{size.height}. Enlarge it, or {quit_key} quits.")


class TerminalTooSmall(Dialog[None]):
    """Covers whatever is on screen until the terminal is large enough (the app closes it then);
    only quitting answers meanwhile, on the keys of the app's quit command: its binding's id is
    the command's, so the app's keymap (`[keys] quit`) gives it its keys, as it does the main
    view's."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit_app", "Quit", id="quit")]
    DEFAULT_CSS = """
    TerminalTooSmall { align: center middle; background: $background; }
    /* a colour of its own: inherited, it was the background's (the text unseen) in an app started
       too small, Textual keeping the colour it first worked out, before the screen had one */
    TerminalTooSmall Static { width: 100%; height: auto; text-align: center; color: $foreground; }
    /* a notice (of the inputs' warnings, say) covered this one at 30x10: it waits under it */
    TerminalTooSmall Toast { visibility: hidden; }
    """

    def __init__(self, size: Size, quit_key: str) -> None:
        super().__init__()
        self.quit_key = quit_key  # the quit command's first key, as the footer shows it
        self.notice = Static(too_small_notice(size, quit_key), markup=False)

    def compose(self) -> ComposeResult:
        yield self.notice

    def show_size(self, size: Size) -> None:
        self.notice.update(too_small_notice(size, self.quit_key))
