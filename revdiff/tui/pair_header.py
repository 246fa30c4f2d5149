"""The line at the top: which two versions are compared, when, and how the view is set."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from revdiff.model import Version
from revdiff.terminal_text import visible


def version_time(version: Version) -> str:
    if version.time is not None:
        return version.time.strftime("%Y-%m-%d %H:%M")
    return version.time_text or ""


class PairHeader(Static):
    DEFAULT_CSS = """
    PairHeader {
        height: 2;
        background: $panel;
        color: $text;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_pair(self, old: Version, new: Version, pair_number: str, mode: str, filters: str,
                  article: str = "") -> None:
        width = max(1, self.content_region.width or self.app.size.width - 2)
        when = visible(version_time(new))
        # Too long for the terminal, the line leaves out the layout's name (the diff shows it),
        # then the time, before it is cut: the filters in force stay in sight.
        for shows_mode, shows_time in ((True, True), (False, True), (False, False)):
            line = Text()
            if article:
                line.append(f"{article}  ", style="bold #87afff")
            line.append(f"v{old.number}", style="bold #ff8787")
            line.append(" → ")
            line.append(f"v{new.number}", style="bold #87d787")
            if when and shows_time:
                line.append(f"  {when}", style="italic")
            line.append(f"  {pair_number}  ·  {mode}" if shows_mode else f"  {pair_number}",
                        style="dim")
            if filters:
                line.append(f"  ·  {filters}", style="bold #ffd75f")
            if line.cell_len <= width:
                break
        line = shortened(line, width)
        title = shortened(Text(visible(new.title or old.title or "(untitled)"), style="bold"), width)
        self.update(Text("\n").join([line, title]), layout=False)


def shortened(line: Text, width: int) -> Text:
    """`line` cut to `width` cells, ending in `…` when something was cut."""
    if line.cell_len <= width:
        return line
    line = line.copy()
    line.truncate(width, overflow="ellipsis")
    return line
