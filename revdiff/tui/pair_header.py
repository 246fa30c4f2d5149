"""The line at the top: which two versions are compared, when, and how the view is set."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from revdiff.engine.terminal_codes import control_sequences_whole
from revdiff.engine.words import word_diff
from revdiff.export.version_times import version_time
from revdiff.model import Version
from revdiff.terminal_text import changes_unseen, visible, visible_unseen
from revdiff.tui.filters import FilterState
from revdiff.tui.styles import ROW_STYLES
from revdiff.tui.wrapping import shorten, text_width


@dataclass(frozen=True, slots=True)
class HeaderForm:
    """How much the first line says: each form is tried in turn until the line fits."""

    shows_mode: bool = True
    shows_time: bool = True
    compact: bool = False  # `pair 2/3`, `changes ±2`, single spaces between the parts
    article_on_title: bool = False  # `article 1/2` starts the title line instead
    shows_position: bool = True  # `pair 2/3` (without it, `v1 → v2` still names the pair)


# Too long for the terminal, the line leaves out the layout's name (the diff shows it), then the
# time, then takes the short forms of the counts and the filters, then moves the article's
# position to the title line, then leaves out the pair's, then moves the filters that do not fit
# to the start of the title line (`pair_and_filters`): the filters in force stay in sight.
HEADER_FORMS = (
    HeaderForm(),
    HeaderForm(shows_mode=False),
    HeaderForm(shows_mode=False, shows_time=False),
    HeaderForm(shows_mode=False, shows_time=False, compact=True),
    HeaderForm(shows_mode=False, shows_time=False, compact=True, article_on_title=True),
    HeaderForm(shows_mode=False, shows_time=False, compact=True, article_on_title=True,
               shows_position=False),
)


def pair_position(pair: tuple[int, int], version_count: int, *, compact: bool = False) -> str:
    """Consecutive pairs counted from 1 (`pair 2 of 3`), else how far apart the two versions are."""
    old, new = pair
    if new == old + 1:
        return f"pair {new}/{version_count - 1}" if compact else f"pair {new} of {version_count - 1}"
    return f"{new - old} apart" if compact else f"versions {new - old} apart"


def article_position(article: tuple[int, int], *, compact: bool = False) -> str:
    """The article's place among the inputs' (`article 2 of 3`), from its 0-based index."""
    index, count = article
    return f"article {index + 1}/{count}" if compact else f"article {index + 1} of {count}"


@dataclass(frozen=True, slots=True)
class ShownPair:
    """What the header says; it is fitted to the header's width again on every resize."""

    old: Version
    new: Version
    pair: tuple[int, int]  # the versions' indices
    version_count: int
    mode: str
    filters: FilterState
    article: tuple[int, int] | None  # the article's index and how many there are; None for one


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

    shown: ShownPair | None = None

    def __init__(self, *, diff_styles: dict[str, Style] = ROW_STYLES, id: str | None = None) -> None:
        super().__init__(id=id)
        self.diff_styles = diff_styles  # the diff's, the user's colours among them (`row_styles`)

    def show_pair(self, shown: ShownPair) -> None:
        self.shown = shown
        self._fit()

    def on_resize(self) -> None:
        # the app's own resize handler runs before the header has its new width
        self._fit()

    def _fit(self) -> None:
        if self.shown is None:
            return
        width = max(1, self.content_region.width or self.app.size.width - 2)
        self.update(Text("\n").join(header_lines(self.shown, width, self.diff_styles)), layout=False)


def header_lines(shown: ShownPair, width: int, styles: dict[str, Style] = ROW_STYLES) -> list[Text]:
    """The header's two lines, `width` cells at most: the pair and the filters, and the title, its
    changed words in `styles`."""
    when = visible(version_time(shown.new, shown.old))
    article = shown.article
    for form in HEADER_FORMS:
        gap, separator = (" ", " · ") if form.compact else ("  ", "  ·  ")
        line = Text()
        if article is not None and not form.article_on_title:
            line.append(article_position(article, compact=form.compact) + gap, style="bold #87afff")
        line.append(f"v{shown.old.number}", style="bold #ff8787")
        line.append(" → ")
        line.append(f"v{shown.new.number}", style="bold #87d787")
        if when and form.shows_time:
            line.append(f"{gap}{when}", style="italic")
        if form.shows_position:
            position = pair_position(shown.pair, shown.version_count, compact=form.compact)
            mode = f"{separator}{shown.mode}" if form.shows_mode else ""
            line.append(f"{gap}{position}{mode}", style="dim")
        filters = shown.filters.describe(compact=form.compact)
        if filters:
            line.append(f"{separator}{filters}", style="bold #ffd75f")
        if text_width(line.plain) <= width:
            break
    title = Text()
    if text_width(line.plain) > width:  # the filters go on at the start of the title line
        line, continued = pair_and_filters(shown, width)
        title.append(f"{continued} · ", style="bold #ffd75f")
    if article is not None and form.article_on_title:
        title.append(article_position(article, compact=True) + " · ", style="bold #87afff")
    changed = title_text(shown.old.title, shown.new.title, styles=styles)
    if text_width(title.plain + changed.plain) > width:  # the new title, its new words marked
        changed = title_text(shown.old.title, shown.new.title, words_cut=False, styles=styles)
    title.append_text(changed)
    return [shortened(line, width), shortened(title, width)]


def pair_and_filters(shown: ShownPair, width: int) -> tuple[Text, str]:
    """For filters too long for the line after the pair even in the shortest form: the pair and
    the filters that fit after it in `width` cells, and the others, which begin the title line
    (at 44 columns, four filters were cut to `changes ±1, only edited, only n…`)."""
    line = Text()
    line.append(f"v{shown.old.number}", style="bold #ff8787")
    line.append(" → ")
    line.append(f"v{shown.new.number}", style="bold #87d787")
    parts = shown.filters.parts(compact=True)
    fitting = 0
    while text_width(f"{line.plain} · {', '.join(parts[:fitting + 1])},") <= width:
        fitting += 1
    if fitting:
        line.append(f" · {', '.join(parts[:fitting])},", style="bold #ffd75f")
    return line, ", ".join(parts[fitting:])


def title_text(old: str, new: str, *, words_cut: bool = True,
               styles: dict[str, Style] = ROW_STYLES) -> Text:
    """The title, and when the pair changed it, how: the words cut struck through (unless not
    `words_cut`: a narrow terminal would show little of the new title) and those added
    underlined, in the diff's colours, `styles` (a headline rewritten is news of its own), a title
    only one version has all cut or all added. Words cut and words added that meet without a space
    are kept apart by one. A control sequence that a change cuts is marked whole
    (`control_sequences_whole`); a change that differs only in characters that take no room on
    screen shows them by code (`changes_unseen`)."""
    if old == new:
        return Text(visible(new or "(untitled)"), style="bold")
    shown = Text(style="bold")
    before = (0, " ")
    for change, unseen_only in changes_unseen(control_sequences_whole(word_diff(old, new))):
        for op, words in change:
            if op < 0 and not words_cut:
                continue
            if op > 0 > before[0] and not (before[1][-1:].isspace() or words[:1].isspace()):
                shown.append(" ")
            shown.append(visible_unseen(words) if unseen_only else visible(words),
                         style=styles["old_word" if op < 0 else "new_word"] if op else None)
            before = (op, words)
    return shown if shown.plain else Text("(untitled)", style="bold")  # the new one, narrow


def shortened(line: Text, width: int) -> Text:
    """`line` cut to `width` cells as the terminal counts them (`text_width`), ending in `…` when
    something was cut."""
    short = shorten(line.plain, width)
    if short == line.plain:
        return line
    kept = short.removesuffix("…")
    line = line[:len(kept)]
    line.append(short[len(kept):])
    return line
