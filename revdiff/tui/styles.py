"""Colours for the style names the layout uses. Markers (`+`, `-`, `?`) carry the same meaning, so
nothing depends on colour alone."""

from __future__ import annotations

from rich.style import Style

ROW_STYLES: dict[str, Style] = {
    "plain": Style(),
    "old": Style(color="#ffb0b0", bgcolor="#3a1e22"),
    "old_word": Style(color="#ffffff", bgcolor="#a02a35", bold=True, strike=True),
    "new": Style(color="#b5f0b5", bgcolor="#1c3522"),
    "new_word": Style(color="#ffffff", bgcolor="#26803a", bold=True, underline=True),
    "old_marker": Style(color="#ff6b6b", bold=True),
    "new_marker": Style(color="#5fd75f", bold=True),
    "void": Style(color="#3a3a3a", dim=True),
    "rule": Style(color="#5f5f5f"),
    "fold": Style(color="#8a8a8a", italic=True),
    "label": Style(color="#87afff", bold=True),
    "unsure": Style(color="#000000", bgcolor="#ffaf00", bold=True),
}


def row_styles(colours: dict[str, str] | None = None) -> dict[str, Style]:
    """The styles with the user's colours (style name -> Rich style, `[colours]`) over the
    defaults, for everything drawn in the diff's colours: the diff, the header's title, the help's
    legend."""
    return {**ROW_STYLES, **{name: Style.parse(style) for name, style in (colours or {}).items()}}


CURSOR_STYLE = Style(color="#ffd75f", bold=True)
CURSOR_MARK = "▌"
