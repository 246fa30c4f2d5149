"""The line at the top: which two versions are compared, when, and how the view is set."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from revdiff.model import Version


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

    def show_pair(self, old: Version, new: Version, pair_number: str, mode: str, filters: str) -> None:
        line = Text()
        line.append(f"v{old.number}", style="bold #ff8787")
        line.append(" → ")
        line.append(f"v{new.number}", style="bold #87d787")
        when = version_time(new)
        if when:
            line.append(f"  {when}", style="italic")
        line.append(f"  pair {pair_number}  ·  {mode}", style="dim")
        if filters:
            line.append(f"  ·  {filters}", style="bold #ffd75f")
        title = new.title or old.title or "(untitled)"
        line.append("\n")
        line.append(title, style="bold")
        line.no_wrap = True
        line.overflow = "ellipsis"
        self.update(line, layout=False)
