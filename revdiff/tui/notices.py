"""What a notice has room for: Textual's notice is 60 columns wide at most and half the terminal,
its text 4 fewer (its border and padding); and notices worded to fit in one row, or a row each
part (a search hit's)."""

from __future__ import annotations

from textual.content import Content

from revdiff.model import Version
from revdiff.tui.layout import LayoutMode
from revdiff.tui.search import TITLE, SearchHit
from revdiff.tui.wrapping import text_width

# A terminal narrower than this gives a notice under 40 cells (Textual's toast takes at most half
# the width): there notices have no blank rows.
NARROW_NOTICE_WIDTH = 80
# The rows below the notices: the status line and the key footer, which they covered.
ROWS_BELOW_NOTICES = 2


def notice_text_width(terminal_width: int) -> int:
    return min(60, terminal_width // 2) - 4


def notice_height(message: str, terminal_width: int) -> int:
    """The rows a notice of `message` (shown without markup) takes: its text as Textual wraps it
    to the notice's width, at word breaks, a word longer than the row folded; and a blank row
    above and below them where the terminal is not narrow."""
    rows = len(Content(message).wrap(max(1, notice_text_width(terminal_width))))
    return rows + (2 if terminal_width >= NARROW_NOTICE_WIDTH else 0)


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


def search_hit_notice(hit: SearchHit, versions: tuple[Version, ...], place: tuple[int, int], *,
                      at_cursor: bool, filters_cleared: bool, terminal_width: int) -> str:
    """Which of the search's places (`place`: its number from 1 and their count) the app opened,
    and where: `Place 3 of 15, in v7's paragraph 2`. A hit no sentence holds (`at_cursor` false:
    one in a title, which the header cuts, or shows only as the new title) is shown here, its
    snippet on a row of its own. A row says so when the filters were cleared to show it."""
    number, count = place
    version = versions[hit.first_version].number
    where = "title" if hit.paragraph == TITLE else f"paragraph {hit.paragraph + 1}"
    mark = "" if at_cursor else ":"
    short = f"{number} of {count}: v{version} {hit.columns(versions)[1]}{mark}"
    rows = [fitting_notice((f"Place {number} of {count}, in v{version}'s {where}{mark}",
                            f"Place {short}", short), terminal_width)]
    if not at_cursor:
        rows.append(hit.snippet_within(notice_text_width(terminal_width)))
    if filters_cleared:
        rows.append(fitting_notice(("Filters cleared to show it", "Filters cleared"),
                                   terminal_width))
    return "\n".join(rows)
