"""What a notice has room for: Textual's notice is 60 columns wide at most and half the terminal,
its text 4 fewer (its border and padding); and notices worded to fit in one row."""

from __future__ import annotations

from revdiff.tui.layout import LayoutMode
from revdiff.tui.wrapping import text_width


def notice_text_width(terminal_width: int) -> int:
    return min(60, terminal_width // 2) - 4


def layout_notice(mode: LayoutMode, kept: bool, terminal_width: int) -> str:
    """Which layout `s` chose, its longest wording that fits one row of the notice (the last one
    where none does): `Layout: automatic, by the diff's width (unified)` wrapped to two rows under
    110 columns, three at 44."""
    wordings: tuple[str, ...]
    if kept:
        wordings = (f"Layout: {mode.value}, kept", f"{mode.value.capitalize()}, kept")
    else:
        wordings = (f"Layout: automatic, by the diff's width ({mode.value})",
                    f"Layout: automatic ({mode.value})", f"Automatic: {mode.value}")
    return fitting_notice(wordings, terminal_width)


def end_notice(what: str, step: int, terminal_width: int) -> str:
    """That the key stepping to the next (`step` 1) or previous (-1) `what` (change, pair, article)
    is at the last or first: `This is the last change`, `Last change` where that wrapped to two
    rows of the notice (at 44 columns)."""
    end = "last" if step > 0 else "first"
    return fitting_notice((f"This is the {end} {what}", f"{end.capitalize()} {what}"),
                          terminal_width)


def fitting_notice(wordings: tuple[str, ...], terminal_width: int) -> str:
    """The first of `wordings`, longest first, that fits one row of the notice at
    `terminal_width`, or the last where none does."""
    room = notice_text_width(terminal_width)
    return next((wording for wording in wordings if text_width(wording) <= room), wordings[-1])
