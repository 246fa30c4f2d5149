"""A note for the edge of a scrolled box that more of it is out of sight, and which keys show it:
at 44x12 the statistics below the diff showed 3 of their rows and the help a screenful of its keys,
and nothing on screen said more followed (a scroll bar, where there is one, names no key)."""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget


def out_of_sight_note(scroll_y: float, max_scroll_y: float, down: str, up: str) -> str:
    """Where more is out of sight of a box scrolled to `scroll_y` (of `max_scroll_y`), and the
    keys, `down` and `up`, that show it; empty where the whole box is in sight."""
    below = scroll_y < max_scroll_y
    above = scroll_y > 0
    if below and above:
        return f"more: {down} below, {up} above"
    if below:
        return f"more below: {down}"
    if above:
        return f"more above: {up}"
    return ""


def keep_noting_out_of_sight(box: Widget, note: Callable[[str], None], down: str,
                             up: str) -> Callable[[], None]:
    """Give `note` the `out_of_sight_note` of `box` whenever it scrolls or its content changes
    size; the function returned gives it again, for a change of the box's own size."""

    def renote() -> None:
        note(out_of_sight_note(box.scroll_y, box.max_scroll_y, down, up))

    box.watch(box, "scroll_y", renote, init=False)
    box.watch(box, "virtual_size", renote, init=False)
    return renote
