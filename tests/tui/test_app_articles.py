"""Several articles in one app: the header says which, `<` `>` and the list `a` move between them,
`q` quits the whole app."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.widgets import OptionList, Static
from tui_helpers import (
    SAMPLES,
    header_text,
    on_a_terminal,
    rendered_text,
    run_async,
    status_text,
    wait_until,
)

from revdiff.cli import main
from revdiff.formats import load
from revdiff.model import Article, Version
from revdiff.tui import article_list_screen, background
from revdiff.tui.app import ARTICLES_KEEPING_COMPARISONS, RevdiffApp
from revdiff.tui.article_list_screen import (
    FIELD_GAP,
    ArticleListScreen,
    article_line_fields,
    article_list,
    fit_line,
)

STORIES = sorted(str(path) for path in (SAMPLES / "versions").iterdir() if path.is_dir())


@run_async
async def test_one_app_steps_through_every_article_and_q_quits() -> None:
    articles = load(STORIES)
    assert len(articles) == 3
    app = RevdiffApp(articles)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert header_text(app).startswith("article 1 of 3  v0 → v1")
        await pilot.press("greater_than_sign")
        assert header_text(app).startswith("article 2 of 3")
        assert app.session.article is articles[1]
        await pilot.press("less_than_sign", "less_than_sign")  # the second press: already first
        assert header_text(app).startswith("article 1 of 3")
        await pilot.press("a")
        assert isinstance(app.screen, ArticleListScreen)
        listed = app.screen.query_one(OptionList)
        assert listed.option_count == 3 and listed.highlighted == 0
        await pilot.press("down", "down", "enter")
        assert header_text(app).startswith("article 3 of 3")
        assert app.session.article is articles[2]
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@run_async
async def test_an_article_keeps_its_pair_when_you_come_back() -> None:
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop", "greater_than_sign", "less_than_sign")
        assert header_text(app).startswith("article 1 of 3  v1 → v2")


@run_async
async def test_an_article_keeps_its_change_when_you_come_back() -> None:
    """The article reopened on its pair, but with the cursor back before the first change."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n", "n")
        left_at = app.diff.current_edit
        assert status_text(app).startswith("change 3 of ")
        await pilot.press("greater_than_sign", "n", "less_than_sign")
        assert app.diff.current_edit == left_at
        assert status_text(app).startswith("change 3 of ")
        await pilot.press("greater_than_sign")  # the second article too, at its first change
        assert status_text(app).startswith("change 1 of ")


@run_async
async def test_a_long_article_keeps_its_change_when_you_come_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose comparisons were dropped (ARTICLES_KEEPING_COMPARISONS) and whose pair is
    long is compared again in the background: it had no layout when the article was shown
    again, and the change it was left at was dropped."""
    monkeypatch.setattr(background, "LONG_PAIR_CHARACTERS", 1)
    articles = ARTICLES_KEEPING_COMPARISONS + 2
    app = RevdiffApp([*load(STORIES), *load(STORIES)][:articles])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.diff.has_layout)
        await pilot.press("n", "n", "n")
        left_at = app.diff.current_edit
        assert left_at is not None
        for _ in range(articles - 1):
            await pilot.press("greater_than_sign")
            await wait_until(pilot, lambda: app.diff.has_layout and not app.background.running)
        app.show_article(0)
        await wait_until(pilot, lambda: app.diff.has_layout and not app.background.running)
        await pilot.pause()
        assert app.diff.current_edit == left_at
        assert status_text(app).startswith("change 3 of ")


@run_async
async def test_with_one_article_the_list_says_so_as_the_article_keys_do() -> None:
    """`>` said the inputs held only this article, but `a` opened a list of that one article."""
    app = RevdiffApp(load(STORIES[:1]))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleListScreen)
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]  # not public
        assert toasts == ["The inputs hold only this article"]


@run_async
async def test_one_article_has_no_article_count() -> None:
    app = RevdiffApp(load(STORIES[:1]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert header_text(app).startswith("v0 → v1")


@run_async
async def test_the_article_list_gives_each_article_one_line_at_60_columns() -> None:
    """Each article took two lines, the second ending in a `…` cut far from the dialog's edge."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        options = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in options.render_line(y)).strip()
                 for y in range(options.size.height)]
        assert len(lines) == 3
        assert lines[1].startswith("2.   4 versions  us-deploys-troops-after")
        assert all(line.endswith("…") for line in lines)


@run_async
async def test_the_article_list_is_built_once_and_not_measured_line_by_line(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`a` on a NewsEdits file of 20,000 articles took 1.1 s each time: every line was made
    again, and the list, as high as its lines (`auto`), measured each of them at each layout."""
    made: list[int] = []
    original_line = article_list_screen.article_line_fields

    def counted_line(index: int, article: Article, *rest: Any) -> tuple[str, ...]:
        made.append(index)
        return original_line(index, article, *rest)

    measured: list[int] = []
    original_height = OptionList.get_content_height

    def counted_height(options: OptionList, *args: Any) -> int:
        measured.append(options.option_count)
        return original_height(options, *args)

    monkeypatch.setattr(article_list_screen, "article_line_fields", counted_line)
    monkeypatch.setattr(OptionList, "get_content_height", counted_height)
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for step in ("down", "up"):
            await pilot.press("a", step, "enter")
            await pilot.pause()
        assert header_text(app).startswith("article 1 of 3")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one(OptionList).size.height == 3
    assert made == [0, 1, 2]
    assert measured == []


def test_the_command_runs_one_app_over_all_articles(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[int] = []
    on_a_terminal(monkeypatch)
    monkeypatch.setattr(RevdiffApp, "run", lambda self: runs.append(len(self.articles)))
    result = CliRunner().invoke(main, ["view", *STORIES])
    assert result.exit_code == 0, result.output
    assert runs == [3]


@pytest.mark.parametrize(("width", "message"), [
    (80, "2 input warnings after you quit"),
    (120, "2 input warnings, on the terminal after you quit"),
])
@run_async
async def test_the_inputs_warnings_are_noticed_in_the_app_in_one_row(
        chain_article: Article, width: int, message: str) -> None:
    """The warnings went to stderr under the app's screen: an article left out for having one
    version was seen only after quitting. The notice counts them and says where they are: at 80
    columns and wider it gave the first in full, 9 rows over the diff for its 10 seconds (seed
    004 at 80x24)."""
    said = [("story-b: only one version, nothing to compare; left out, as every article of one "
             "version is, its versions named in the summary of the run"), "x: another"]
    app = RevdiffApp(chain_article, input_warnings=said)
    async with app.run_test(size=(width, 24), notifications=True) as pilot:
        await pilot.pause()
        [notice] = list(app._notifications)
        assert notice.message == message
        assert notice.severity == "warning"
        [toast] = app.screen.query("Toast")  # Textual's class for a notice is not public
        assert toast.content_size.height == 1


def test_the_article_list_lines_up_past_999_articles_and_versions() -> None:
    """Numbers were padded to 3 digits: in a NewsEdits file of 1,184 articles `1000.` stood a
    column right of `999.`, and so did the text after an article of 1,000 versions."""
    def article(versions: int) -> Article:
        return Article(None, "https://example.com/story",
                       tuple(Version(n, "Story", (f"Text {n}.",)) for n in range(versions)))

    articles = [article(2)] * 1000 + [article(1000)]
    lines = [str(option.prompt) for option in article_list(articles)[0]]
    starts = {line.index("example.com") for line in lines}
    assert len(starts) == 1, (lines[0], lines[999], lines[1000])
    assert lines[0].startswith("   1.    2 versions") and lines[1000].startswith("1001. 1000 versions")


@run_async
async def test_the_article_list_lines_fit_the_widest_dialog_past_999_articles() -> None:
    """The text after the number was cut to 84 cells whatever the number's padding: past 999
    articles (or with a scrollbar) a line was wider than the dialog, which cut its last cells.
    Each line ends at the list's edge in the `…` of its cut URL."""
    def article(number: int) -> Article:
        title = f"A long headline about what happened in the story numbered {number} today"
        return Article(None, f"https://example.com/{'section/' * 8}{number}",
                       tuple(Version(n, title, (f"Text {n}.",)) for n in range(2)))

    for count in (100, 1001):
        app = RevdiffApp([article(number) for number in range(count)])
        async with app.run_test(size=(130, 40)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            options = app.screen.query_one(OptionList)
            for y in range(3):
                shown = "".join(segment.text for segment in options.render_line(y)).rstrip()
                assert len(shown) == options.scrollable_content_region.width, (count, shown)
                assert "  example.com/section/" in shown and shown.endswith("…"), (count, shown)


def test_an_article_line_keeps_room_for_the_url_after_a_long_title() -> None:
    """Two articles of one long title read the same: the title took the whole line."""
    title = "US deploys thousands more troops to Middle East after Trump-ordered airstrike kills"
    lines = [fit_line(article_line_fields(0, Article(
                 None, f"https://example.com/{name}",
                 (Version(0, title, ("One.",)), Version(1, title, ("Two.",))))), 74)
             for name in ("first", "second")]
    assert lines[0] != lines[1]
    assert lines[0].endswith("  example.com/first") and "…" in lines[0]


def test_an_article_line_without_a_url_opens_with_words_not_a_cut_mark() -> None:
    """A rendered NewsDiffs page that names no URL and cut its newest version's opening to
    `[...]` was listed by that mark, found by typing `[...]` and not by its first words."""
    cut = Version(1, "Troops sent", ("[...]", "The Pentagon said more troops will go.",
                                     "Officials said nothing else."), cut=True)
    article = Article(None, None, (Version(0, "Troops sent", ("Troops will go.",)), cut))
    assert article_line_fields(0, article)[-1] == "The Pentagon said more troops will go."


@run_async
async def test_the_article_list_shows_each_articles_site_at_80_columns() -> None:
    """On a NewsEdits file at 80 columns a 50-cell title left the URL `ht…`: which outlet's
    article a line was, all that tells articles of one title apart, was out of sight. The title
    leaves the URL room, and the URL starts at its site."""
    app = RevdiffApp(load([str(SAMPLES / "newsedits.sqlite")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in options.render_line(y)).strip()
                 for y in range(options.option_count)]
        for line, site in zip(lines, ("independent.co.uk", "channelnewsasia.com", "news.example.com"),
                              strict=True):
            assert f"  {site}" in line, line
        assert lines[0].startswith("1.   4 versions  US deploys thousands more troops…")


@run_async
async def test_the_article_list_starts_every_lines_opening_text_at_one_column() -> None:
    """Found by a review: the title column had no width of its own, so each line's opening text
    (or URL) started where its title ended: at 80 columns line 1's, after a title shorter than
    the others' (which were cut), stood 3 cells left of lines 2's and 3's."""
    openings = ("BAGHDAD", "The United", "Approximately")
    for width in (120, 80):
        app = RevdiffApp(load(STORIES))
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            await pilot.pause()
            options = app.screen.query_one(OptionList)
            lines = ["".join(segment.text for segment in options.render_line(y))
                     for y in range(options.option_count)]
            starts = {line.index(f"  {opening}") for line, opening in zip(lines, openings,
                                                                           strict=True)}
            assert len(starts) == 1, (width, lines)


@run_async
async def test_the_article_list_gives_the_title_the_room_a_narrow_terminal_leaves() -> None:
    """The title was cut at 32 cells whatever the width: at 60 columns the URL after it was a
    bare `…`, 20 cells the title could have had. Each line is laid out at the list's width, again
    when the terminal is resized: at 60 columns the title takes the line, at 120 the title and
    the URL share it."""
    def shown_lines(app: RevdiffApp) -> list[str]:
        options = app.screen.query_one(OptionList)
        return ["".join(segment.text for segment in options.render_line(y)).strip()
                for y in range(options.option_count)]

    app = RevdiffApp(load([str(SAMPLES / "newsedits.sqlite")]))
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert shown_lines(app)[0] == "1.   4 versions  US deploys thousands more troops t…"
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert shown_lines(app)[0] == ("1.   4 versions  US deploys thousands more troops to Middle "
                                       "East af…  independent.co.uk/news/world/am…")


@run_async
async def test_the_article_list_names_the_input_of_articles_another_input_also_holds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two trackers' databases of one story listed rows 1 and 4 alike, title and URL, with
    nothing to say which file each came from. Such rows now begin with their input's file name
    (its path, `samples/...`, took most of the title's room at 60 columns); rows no other input
    repeats, and those of a single input, do not."""
    started: list[RevdiffApp] = []
    on_a_terminal(monkeypatch)
    monkeypatch.setattr(RevdiffApp, "run", lambda self: started.append(self))
    titles, rss_titles = str(SAMPLES / "nytdiff-titles.db"), str(SAMPLES / "nytdiff-rss-titles.db")
    # the stories' folders: one article each, none of them in the databases
    for inputs in ([titles, rss_titles], [titles, *STORIES], [titles]):
        result = CliRunner().invoke(main, ["view", "--quiet", *inputs])
        assert result.exit_code == 0, result.output
        app = started.pop()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("a")
            lines = [str(option.prompt) for option in app.screen.query_one(OptionList).options]
            if inputs[1:] == [rss_titles]:
                assert len(lines) == 6
                assert lines[0].startswith("  1.   4 versions  nytdiff-titles.db: US deploys")
                assert lines[3].startswith("  4.   4 versions  nytdiff-rss-titles.db: US deploys")
            else:
                assert not any(f"{titles}:" in line for line in lines), lines


@run_async
async def test_only_the_articles_shown_last_keep_their_comparisons() -> None:
    """Every article shown kept every comparison computed for it until the app quit: memory grew
    with each article visited (25 KB an article of a NewsEdits file, 100 MB a live blog whose
    timeline was opened). Now those of the few shown last stay; another's are computed again."""
    from revdiff.tui.app import ARTICLES_KEEPING_COMPARISONS
    from revdiff.tui.session import engine_compare

    count = ARTICLES_KEEPING_COMPARISONS + 2
    articles = [Article(None, f"https://example.org/{k}", tuple(
        Version(number, "", (f"Story {k} in version {number}.",)) for number in range(3)))
        for k in range(count)]
    compared: list[str | None] = []

    def compare(old: Version, new: Version):  # type: ignore[no-untyped-def]
        compared.append(new.paragraphs[0])
        return engine_compare(old, new)

    app = RevdiffApp(articles, compare=compare)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop")  # article 1 at its second pair
        await pilot.press(*["greater_than_sign"] * (count - 1))
        compared.clear()
        await pilot.press("less_than_sign")  # among the last shown: nothing compared again
        assert compared == []
        app.show_article(0)
        await pilot.pause()
        assert header_text(app).startswith(f"article 1 of {count}  v1 → v2")  # where it was left
        assert compared == ["Story 0 in version 2."]


def listed_articles(app: RevdiffApp) -> list[int]:
    return [int(str(option.id)) for option in app.screen.query_one(OptionList).options]


def count_note(app: RevdiffApp) -> str:
    return str(app.screen.query_one(".hint", Static).render())


def titled(title: str, url: str) -> Article:
    """An article of two versions under one title."""
    return Article("news", url, (Version(0, title, ("Text.",)), Version(1, title, ("More.",))))


async def finds(pilot: Pilot[None], app: RevdiffApp,
                cases: tuple[tuple[str, list[int]], ...]) -> None:
    """Each text typed in the article list lists the articles given, then the list is closed."""
    for typed, found in cases:
        await pilot.press("a", *typed)
        assert listed_articles(app) == found, typed
        await pilot.press("escape")
        await pilot.pause()


@run_async
async def test_typing_in_the_article_list_filters_it_and_enter_opens_the_match() -> None:
    """The list had no way to find an article: the 4,000th of a NewsEdits file was 142 PageDowns
    away. Typed text (any letter case; `a` and `q`, which closed the list, among it) keeps the
    articles whose line holds it, says how many, and Enter opens the highlighted one."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"TROOPS")
        assert listed_articles(app) == [0, 1, 2]
        assert count_note(app).startswith("3 of 3 articles")
        await pilot.press(*"-after-SOLEIMANI")
        assert listed_articles(app) == [1]
        assert count_note(app).startswith("1 of 3 articles · ↑ ↓ PgUp PgDn Home End move · Enter opens")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleListScreen)
        assert header_text(app).startswith("article 2 of 3")


@run_async
async def test_the_article_list_names_what_enter_does_in_one_way() -> None:
    """Enter opens the highlighted article whether or not anything is typed, but the hint said
    `Enter opens one` before anything was typed and `Enter opens the highlighted` after."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert count_note(app) == ("3 articles · type to filter · ↑ ↓ PgUp PgDn Home End move · "
                                   "Enter opens the highlighted · Esc closes")
        await pilot.press(*"troops")
        assert count_note(app) == ("3 of 3 articles · ↑ ↓ PgUp PgDn Home End move · Enter opens the "
                                   "highlighted · Esc closes")


@run_async
async def test_the_article_list_hint_names_the_keys_that_move_through_it() -> None:
    """↑ ↓, PgUp PgDn and Home End move through the list from the field, as the README says, but
    the hint under the field named only typing, Enter and Esc."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        hint = app.screen.query_one(".hint", Static)
        drawn = " ".join(rendered_text([hint.content], hint.content_region.width).split())
        assert "↑ ↓ PgUp PgDn Home End move" in drawn


@run_async
async def test_a_narrow_article_list_shortens_its_hint_and_keeps_its_rows() -> None:
    """At 44 columns the hint took three rows, and at 44x12 the list showed 2 of its 3 articles.
    There the hint takes a short form, of two rows, which still names the keys."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(44, 12)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.scrollable_content_region.height >= 3
        hint = app.screen.query_one(".hint", Static)
        assert hint.outer_size.height == 2
        assert count_note(app) == "3 articles · ↑ ↓ PgUp PgDn Home End move · Enter opens · Esc closes"
        await pilot.press(*"troops")
        await pilot.pause()
        assert count_note(app) == ("3 of 3 articles · ↑ ↓ PgUp PgDn Home End move · Enter opens · "
                                   "Esc closes")
        assert options.scrollable_content_region.height >= 3


@run_async
async def test_the_filtered_article_list_keeps_the_list_s_keys() -> None:
    """↑ ↓ Home End PageUp PageDown move through the matches from the field; a match that stays
    highlighted stays so; nothing matching says so, and Enter then opens nothing; emptied, the
    field lists every article again; Esc closes, as every dialog."""
    app = RevdiffApp(load(STORIES))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", "down", "down")
        options = app.screen.query_one(OptionList)
        assert options.highlighted == 2
        await pilot.press(*"3,")  # articles 2 and 3: the third still highlighted
        assert listed_articles(app) == [1, 2] and options.highlighted == 1
        await pilot.press("home")
        assert options.highlighted == 0
        await pilot.press("end", "up")
        assert options.highlighted == 0
        await pilot.press(*"zz")
        assert listed_articles(app) == [] and count_note(app) == "no article matches · Esc closes"
        await pilot.press("enter")
        assert isinstance(app.screen, ArticleListScreen)
        await pilot.press(*["backspace"] * 4)
        assert listed_articles(app) == [0, 1, 2] and count_note(app).startswith("3 articles")
        await pilot.press("pagedown", "enter")
        await pilot.pause()
        assert header_text(app).startswith("article 3 of 3")
        await pilot.press("a", *"iran", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleListScreen)
        assert header_text(app).startswith("article 3 of 3")


@run_async
async def test_the_article_list_finds_an_article_by_an_earlier_title_or_its_whole_url() -> None:
    """The filter looked only at the line, which shows the newest title, cut at 50 cells, and the
    URL cut at the dialog's edge: a story found under its first headline was not found."""
    long_title = "Pentagon says the troops sent to the region will stay until the talks end"
    first = Article("news", "https://example.com/world/2020/01/03/a-very-long-address-that-goes-on",
                    (Version(0, "Rockets hit base housing US troops", ("Rockets hit.",)),
                     Version(1, long_title, ("Rockets hit a base.",))))
    other = Article("news", "https://example.com/other",
                    (Version(0, "Markets fall", ("Shares fell.",)),
                     Version(1, "Markets fall again", ("Shares fell again.",))))
    app = RevdiffApp([other, first])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await finds(pilot, app, (("rockets hit base", [1]), ("talks end", [1]),
                                 ("goes-on", [1]), ("markets", [0])))


@run_async
async def test_the_article_list_compares_text_as_the_search_does() -> None:
    """The filter ignored letter case only: `Saint-Etienne's` typed with a plain hyphen and
    quote, a soft hyphen's title or a full-width number found nothing, where the search dialog
    finds them. It compares as the search does, accents kept (`Etienne` is not `Étienne`)."""
    app = RevdiffApp([titled("Fans gather in Saint\u2011Étienne’s square", "https://a.example/1"),
                      titled("Bundes\u00adregierung plans ２０２４ budget", "https://a.example/2"),
                      titled("Markets fall", "https://a.example/3")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await finds(pilot, app, (("Saint-Étienne's", [0]), ("saint-etienne's", []),
                                 ("bundesregierung plans 2024", [1]), ("markets", [2])))


@run_async
async def test_the_article_list_matches_a_phrase_within_one_field() -> None:
    """A title, its URL and the line were joined by spaces into one text: a phrase of the title's
    last word and the URL's start (`tonight https`), or of the version count and the title
    (`versions markets`), found the article although no field holds it."""
    app = RevdiffApp([titled("Storm hits coast tonight", "https://a.example/storm"),
                      titled("Markets fall", "https://a.example/markets")])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await finds(pilot, app, (("tonight https", []), ("tonight  https://a", []),
                                 ("versions markets", []), ("coast tonight", [0]),
                                 ("https://a.example/m", [1]), ("2 versions", [0, 1])))


def test_an_input_named_in_the_article_list_keeps_its_path_where_its_file_name_is_not_its_own(
        ) -> None:
    """A row another input repeats begins with its input's file name; two inputs of one file name
    (`one/news.db`, `two/news.db`) would read alike, so theirs keep their paths."""
    article = Article(None, "https://example.com/story",
                      tuple(Version(n, "Story", (f"Text {n}.",)) for n in range(2)))
    origins = ["feeds/one/news.db", "feeds/two/news.db", "feeds/rss.db"]
    lines = [str(option.prompt) for option in article_list([article] * 3, origins)[0]]
    assert [line.split(FIELD_GAP)[-2] for line in lines] == [
        "feeds/one/news.db: Story", "feeds/two/news.db: Story", "rss.db: Story"]


@run_async
async def test_an_input_named_in_the_article_list_leaves_the_title_room_at_44_columns() -> None:
    """At 44 columns the rows of two trackers' databases read `1.   4 versions
    nytdiff-titles.d…`: the input's name took the whole room, every title out of sight. The name
    now takes half the title's room at most, cut with `…`."""
    app = RevdiffApp(load([str(SAMPLES / "nytdiff-titles.db"), str(SAMPLES / "nytdiff-rss-titles.db")]),
                     article_inputs=["nytdiff-titles.db"] * 3 + ["nytdiff-rss-titles.db"] * 3)
    async with app.run_test(size=(44, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in options.render_line(y)).strip()
                 for y in range(options.option_count)]
        assert [line.split(": ")[1][:6] for line in lines] == ["US dep", "Avengi", "US Wil"] * 2
        assert lines[0].startswith("1.   4 versions  …title…: US deploy"), lines


@run_async
async def test_input_names_cut_at_44_columns_keep_the_part_that_tells_them_apart() -> None:
    """At 44 columns the rows of `nytdiff-titles.db` and `nytdiff-rss-titles.db` both began
    `nytdif…:`: each name was cut to its start, which the two share. A name cut now leaves out
    what it shares with another input's name and keeps where it differs."""
    app = RevdiffApp(load([str(SAMPLES / "nytdiff-titles.db"), str(SAMPLES / "nytdiff-rss-titles.db")]),
                     article_inputs=["nytdiff-titles.db"] * 3 + ["nytdiff-rss-titles.db"] * 3)
    async with app.run_test(size=(44, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in options.render_line(y)).strip()
                 for y in range(options.option_count)]
        names = [line.split(FIELD_GAP)[2].split(": ")[0] for line in lines]
        assert names == ["…title…"] * 3 + ["…rss-t…"] * 3, lines
        assert [line.split(": ")[1][:6] for line in lines] == ["US dep", "Avengi", "US Wil"] * 2


_ARABIC_ARTICLES = [Article(None, None, (Version(0, title, ("نص.",)), Version(1, title, (opening,))))
                    for title, opening in (("انفجار في بيروت", "قالت الشرطة إن الانفجار وقع."),
                                           ("Storm hits coast", "Officials said the storm hit."))]


@pytest.mark.parametrize("width", [90, 44])  # the URL beside the title, or after it
def test_a_right_to_left_title_and_opening_keep_their_order_in_a_reordering_terminal(
        width: int) -> None:
    """An Arabic title followed by an opening in Arabic made one right-to-left run of the two and
    the spaces between them, which a terminal that reorders such text itself drew the other way
    round, the opening left of the title; the opening gets a left-to-right mark (U+200E, no cell)
    before it, as the diff rows do, and a line of left-to-right text none."""
    arabic, english = (article_line_fields(0, article) for article in _ARABIC_ARTICLES)
    line = fit_line(arabic, width)
    assert "\u200eقالت" in line and line.count("\u200e") == 1
    assert "\u200e" not in fit_line(english, width)


@run_async
async def test_the_article_list_marks_a_right_to_left_opening_left_to_right() -> None:
    app = RevdiffApp(_ARABIC_ARTICLES)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, ArticleListScreen)
        options = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in options.render_line(y)) for y in range(2)]
        assert f"{FIELD_GAP}\u200eقالت" in lines[0], lines[0]
        assert "\u200e" not in lines[1], lines[1]
