"""`a`: the articles the inputs hold, one per line; typing filters them, Enter opens the highlighted one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from revdiff.engine.graphemes import grapheme_clusters
from revdiff.export.slugs import url_from_site
from revdiff.formats.elision import compared_versions
from revdiff.model import Article
from revdiff.terminal_text import visible
from revdiff.tui.cursor_list import CursorList
from revdiff.tui.dialog import Dialog
from revdiff.tui.direction import LEFT_TO_RIGHT_MARK, holds_right_to_left
from revdiff.tui.keys import key_shown
from revdiff.tui.plain_text_input import PlainTextInput
from revdiff.tui.search import phrase_finder, searched_form
from revdiff.tui.wrapping import shorten, text_width

LIST_HEIGHT = 30  # the list's most lines, its border's included; it scrolls through the others
# The titles are a column as wide as the list's widest title (`fit_line`), so that the URLs after
# them line up; where the titles and URLs do not both fit the list's width, the column keeps
# TITLE_SHARE of the room left of the numbers, more where the widest URL needs less, and the URL
# the rest, from its site on, which tells articles of one title apart (`channelnewsasia.com…`,
# SITE_CELLS). Where that leaves a longer URL less, the title takes the line: at 60 columns a title
# cut at 32 cells left the URL a bare `…`.
TITLE_SHARE = 0.6
SITE_CELLS = 20

# The keys that move through the list from the field, each with the list's action it runs, and the
# hint under the field that names them.
MOVE_KEYS = (("up", "cursor_up"), ("down", "cursor_down"), ("pageup", "page_up"),
             ("pagedown", "page_down"), ("home", "first"), ("end", "last"))
MOVE_KEYS_NOTE = " ".join(key_shown(key) for key, _ in MOVE_KEYS) + " move"
HINT_ROWS = 2  # the rows the hint's long form may take; past them it takes its short form

FIELD_GAP = "  "  # between the fields of an article's line
# Between the fields an article is found by: no phrase typed holds it (the field keeps no control
# character, `PlainTextInput`) and no white space of a phrase matches it, so no match runs from
# one field into the next (a title's last word and its URL's start).
_FIELD_END = "\0"


def _article_fields(article: Article) -> tuple[str, ...]:
    """The newest title, then the URL from its site on (`url_from_site`: `https://` and `www.`,
    12 cells that tell no article apart, left out) or (plain files have neither) the opening
    words, of the text as compared (a cut page's `[...]` mark is no words of it)."""
    newest = compared_versions(article)[-1]
    title = newest.title or "(untitled)"
    where = (url_from_site(article.url) if article.url
             else newest.paragraphs[0] if newest.paragraphs else "")
    return (visible(title), visible(where)) if where else (visible(title),)


def article_text(article: Article) -> str:
    """The article's fields (`_article_fields`) as its line shows them."""
    return FIELD_GAP.join(_article_fields(article))


def article_line_fields(index: int, article: Article, read_from: str = "",
                        number_digits: tuple[int, int] = (3, 3)) -> tuple[str, ...]:
    """The fields of the article's line, whole (`fit_line` cuts them to the list's width): its
    number and version count, then its text (`_article_fields`), after the input it was read from
    when that is given. `number_digits`: the digits the list's article numbers and version counts
    are padded to, so that its columns line up (padded to 3, `1000.` of a list of 1,184 stood a
    column right of `999.`)."""
    index_digits, versions_digits = number_digits
    numbers = f"{index + 1:>{index_digits}}. {len(article.versions):>{versions_digits}} versions"
    first, *others = _article_fields(article)
    return (numbers, f"{visible(read_from)}: {first}" if read_from else first, *others)


def fit_line(fields: Sequence[str], width: int, read_from: str = "",
             widest: tuple[int, int] | None = None, shared_start: int = 0) -> str:
    """An article's line (`article_line_fields`) cut to `width` cells: the title is a column and
    the URL follows it, as TITLE_SHARE and SITE_CELLS say; each field cut ends in `…`. `widest`:
    the cells of the list's widest title field and widest URL field (`widest_fields`), which set
    the title column's width, so that every line's URL starts at one column (by default, the
    line's own). `read_from`, the input's name that begins the title field, if any, takes half of
    the title's room at most (`_cut_title`), less the `shared_start` characters it shares with
    another input's name when it must be cut (`shared_starts`). A URL or opening after a line's
    right-to-left text begins with a left-to-right mark, which takes no cell."""
    numbers, title, *others = fields
    room = width - text_width(numbers) - len(FIELD_GAP)
    if not others:
        return FIELD_GAP.join([numbers, _cut_title(title, read_from, room, shared_start)])
    [where] = others
    if holds_right_to_left(title + where):  # the two keep their order (`LEFT_TO_RIGHT_MARK`)
        where = LEFT_TO_RIGHT_MARK + where
    widest_title, widest_where = widest or (text_width(title), text_width(where))
    title_cells = min(widest_title,
                      max(int(room * TITLE_SHARE), room - len(FIELD_GAP) - widest_where))
    where_cells = room - title_cells - len(FIELD_GAP)
    if where_cells < min(SITE_CELLS, widest_where):
        return FIELD_GAP.join([numbers, shorten(FIELD_GAP.join(
            [_cut_title(title, read_from, room, shared_start), where]), room)])
    cut = _cut_title(title, read_from, title_cells, shared_start)
    return FIELD_GAP.join([numbers, cut + " " * (title_cells - text_width(cut)),
                           shorten(where, where_cells)])


def widest_fields(lines: Sequence[Sequence[str]]) -> tuple[int, int]:
    """The cells of the widest title field and of the widest URL (or opening) field among
    `lines` (`article_line_fields`): the title column's width that `fit_line` takes."""
    return (max((text_width(line[1]) for line in lines), default=0),
            max((text_width(line[2]) for line in lines if len(line) > 2), default=0))


def _cut_title(title: str, read_from: str, cells: int, shared_start: int = 0) -> str:
    """The title field (`read_from: title`, or the title alone) cut to `cells`, the input's name
    cut to half of them at most: at 44 columns `nytdiff-rss-titles.db: ` took the whole room, and
    every line of two trackers' databases read the same, no title in sight. A name cut leaves out
    its first `shared_start` characters, which another input's name begins with, for `…`: cut at
    its end instead, `nytdiff-titles.db` and `nytdiff-rss-titles.db` both read `nytdif…`."""
    prefix = f"{read_from}: "
    if (not read_from or text_width(title) <= cells or text_width(prefix) <= cells // 2
            or not title.startswith(prefix)):
        return shorten(title, cells)
    name_cells = max(1, cells // 2 - 2)
    told_apart = read_from[shared_start:]
    name = (shorten(f"…{told_apart}", name_cells) if shared_start and told_apart
            else shorten(read_from, name_cells))
    return shorten(f"{name}: {title[len(prefix):]}", cells)


def shared_starts(names: Sequence[str]) -> dict[str, int]:
    """Each of `names` with the characters, whole grapheme clusters, that it begins with as
    another of them does, the longest such start: `nytdiff-` of `nytdiff-titles.db` beside
    `nytdiff-rss-titles.db`."""
    clusters = {name: list(grapheme_clusters(name)) for name in set(names)}
    starts = dict.fromkeys(clusters, 0)
    for name, own in clusters.items():
        for other, theirs in clusters.items():
            if other == name:
                continue
            shared = 0
            while shared < min(len(own), len(theirs)) and own[shared] == theirs[shared]:
                shared += 1
            starts[name] = max(starts[name], len("".join(own[:shared])))
    return starts


class ArticleLine(Visual):
    """An article's line in the list, laid out at the width it is drawn at (`fit_line`), and again
    at each new width (the list draws its lines anew when resized). The lines are built once: a
    line of text kept its title cut at 32 cells at any width."""

    def __init__(self, fields: tuple[str, ...], read_from: str = "",
                 widest: tuple[int, int] | None = None, shared_start: int = 0) -> None:
        self.fields = fields
        self.read_from = read_from  # the input's name that begins the title field, as shown
        self.widest = widest  # the list's widest fields (`widest_fields`)
        self.shared_start = shared_start  # of `read_from`, begun as another's (`shared_starts`)

    def __str__(self) -> str:
        return FIELD_GAP.join(self.fields)

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        # Content, not markup: a title is no markup.
        return Content(fit_line(self.fields, width, self.read_from, self.widest,
                                self.shared_start)).render_strips(
            width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return text_width(str(self))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1


def article_list(articles: Sequence[Article], origins: Sequence[str] = ()
                 ) -> tuple[tuple[Option, ...], tuple[str, ...]]:
    """An article's line each, for the list, and what typing finds each by; an app keeps them from
    one opening to the next. `origins`, each article's input, names it (`_short_input_names`) where
    another input has an article of the same title and URL (one story in two trackers'
    databases), which its line alone cannot tell apart.

    Typing finds an article by a field of its line, a title its versions had or its URL, whole
    (the line cuts a long title, and shows the newest only): each in the search's form
    (`searched_form`), put in it once, a phrase matching within one field only."""
    named = _told_apart_by_input(articles, origins)
    input_names = _short_input_names(origins)
    most_versions = max((len(article.versions) for article in articles), default=0)
    number_digits = (max(3, len(str(len(articles)))), max(3, len(str(most_versions))))
    read_from = [input_names[origins[index]] if index in named else ""
                 for index in range(len(articles))]
    shown_from = [visible(name) for name in read_from]
    shared = shared_starts([name for name in shown_from if name])
    lines = [article_line_fields(index, article, read_from[index], number_digits)
             for index, article in enumerate(articles)]
    widest = widest_fields(lines)
    options, searched = [], []
    for index, (article, line) in enumerate(zip(articles, lines, strict=True)):
        options.append(Option(ArticleLine(line, shown_from[index], widest,
                                          shared.get(shown_from[index], 0)), id=str(index)))
        titles = dict.fromkeys(version.title for version in article.versions)
        searched.append(searched_form(_FIELD_END.join([*line, *titles, article.url or ""])))
    return tuple(options), tuple(searched)


def _short_input_names(origins: Sequence[str]) -> dict[str, str]:
    """Each input's file name, which leaves the title its room (`samples/newsedits.sqlite: ` took
    most of it at 60 columns), or the input as given where another input has that file name."""
    names = {origin: PurePath(origin).name or origin for origin in set(origins)}
    inputs_named = Counter(names.values())
    return {origin: name if inputs_named[name] == 1 else origin for origin, name in names.items()}


def _told_apart_by_input(articles: Sequence[Article], origins: Sequence[str]) -> set[int]:
    """The articles whose text another input's article shares."""
    if len(set(origins)) < 2:
        return set()
    inputs_of: dict[str, set[str]] = {}
    texts = [article_text(article) for article in articles]
    for text, origin in zip(texts, origins, strict=True):
        inputs_of.setdefault(text, set()).add(origin)
    return {index for index, text in enumerate(texts) if len(inputs_of[text]) > 1}


class ArticleListScreen(Dialog[int | None]):
    """Dismisses with the index of the chosen article, or None. The filter field keeps the focus
    (letters, `q` and `a` among them, are typed there, as in search); the keys that move through
    the list move through it from the field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        *(Binding(key, f"move('{action}')", show=False, priority=True) for key, action in MOVE_KEYS),
    ]
    DEFAULT_CSS = """
    ArticleListScreen { align: center middle; }
    ArticleListScreen > Vertical {
        width: 100%;
        max-width: 110;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
    }
    /* one line an article, cut to the list's width (`fit_line`) */
    ArticleListScreen OptionList {
        height: 30;  /* LIST_HEIGHT, or fewer when fewer articles or the terminal's rows (`_fit`) */
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    /* the list never has the focus (the field keeps it): its highlight drawn as a focused one's */
    ArticleListScreen OptionList > .option-list--option-highlighted {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    ArticleListScreen .hint { color: $text-muted; padding: 0 1; }
    """

    def __init__(self, options: Sequence[Option], searched: Sequence[str], current: int) -> None:
        super().__init__()
        self.options = options  # `article_list`'s
        self.searched = searched  # `article_list`'s
        self.current = current
        self._counted: tuple[int, str] = (len(options), "")  # the matches and what was typed

    def compose(self) -> ComposeResult:
        with Vertical():
            yield PlainTextInput(placeholder="type to filter…", id="article-filter")
            yield Static(self._count_notes(*self._counted)[0], classes="hint", markup=False)
            article_list = CursorList(*self.options, id="article-list")
            article_list.can_focus = False
            yield article_list

    def on_mount(self) -> None:
        self._fit()
        self.query_one(OptionList).highlighted = self.current
        self.query_one(Input).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)  # once the hint has its rows at the new width

    def _fit(self) -> None:
        """The hint in the form that fits its width (`_count_notes`), and one line an article, as
        many as the articles, LIST_HEIGHT and the terminal's rows allow: as high as its lines
        (`auto`), the list measured every line at each layout (0.5 s for 20,000 articles), and 30
        rows high in a terminal of 16 it lost its last rows and the dialog's bottom border off the
        screen. At 44 columns the long hint took three rows, and at 44x12 the list showed 2 of
        3 articles: there the hint takes its short form, of two rows."""
        hint = self.query_one(".hint", Static)
        width = max(1, hint.content_region.width)
        long, short = self._count_notes(*self._counted)
        note = long if len(Content(long).wrap(width)) <= HINT_ROWS else short
        hint.update(note)
        options = self.query_one(OptionList)
        taken = (self.query_one(Vertical).styles.gutter.height
                 + self.query_one(Input).outer_size.height
                 + len(Content(note).wrap(width)) + hint.styles.gutter.height)
        options.styles.height = min(max(1, options.option_count) + options.styles.gutter.height,
                                    LIST_HEIGHT, self.app.size.height - taken)

    def _count_notes(self, matches: int, typed: str) -> tuple[str, str]:
        """The hint under the field, long and short: what the list holds, and the keys."""
        if typed and not matches:
            return ("no article matches · Esc closes",) * 2
        if typed:
            count = f"{matches} of {len(self.options)} articles"
            long = f"{count} · {MOVE_KEYS_NOTE} · Enter opens the highlighted · Esc closes"
        else:
            count = f"{matches} article{'s' if matches != 1 else ''}"
            long = (f"{count} · type to filter · {MOVE_KEYS_NOTE} · Enter opens the highlighted · "
                    "Esc closes")
        return long, f"{count} · {MOVE_KEYS_NOTE} · Enter opens · Esc closes"

    def on_input_changed(self, event: Input.Changed) -> None:
        """List the articles whose line, titles or URL hold what is typed, compared as the search
        compares text (`phrase_finder`: letter case, quote style, dashes... aside); the highlighted
        one stays highlighted while it matches, else the first match is."""
        typed = event.value.strip()
        pattern = phrase_finder(typed)
        article_list = self.query_one(OptionList)
        highlighted = article_list.highlighted_option
        matching = [option for option, text in zip(self.options, self.searched, strict=True)
                    if pattern is None or pattern.search(text)]
        article_list.clear_options()
        article_list.add_options(matching)
        if matching:
            article_list.highlighted = next(
                (at for at, option in enumerate(matching) if option is highlighted), 0)
        self._counted = (len(matching), typed)
        self._fit()

    def action_move(self, action: str) -> None:
        """Move the list's highlight (`action`: the list's own, `cursor_down`...)."""
        getattr(self.query_one(OptionList), f"action_{action}")()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        chosen = self.query_one(OptionList).highlighted_option
        if chosen is not None:
            self.dismiss(_article_index(chosen))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(_article_index(event.option))


def _article_index(option: Option) -> int:
    """The index of the article whose line `option` is: `article_list` gives it as its id."""
    return int(cast(str, option.id))
