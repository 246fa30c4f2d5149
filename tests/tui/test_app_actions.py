"""Search (/), export (e), copy (y), help (?), quit (q)."""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import json
import os
import threading
from html import escape as html_escape
from pathlib import Path

import pytest
from cli_run import page_of_one_blank_unsure_row
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from tui_helpers import (
    current_edit_text,
    export_written,
    header_text,
    load_one,
    run_async,
    shown_text,
    shown_words,
    status_text,
    wait_until,
)

from revdiff.export.atomic_write import write_text_atomically
from revdiff.model import Article, Version
from revdiff.tui import exporting, notices, search, search_screen
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.export_screen import ExportScreen
from revdiff.tui.filters import FilterState
from revdiff.tui.help_screen import HelpScreen
from revdiff.tui.keys import KEY_TABLE
from revdiff.tui.layout import LayoutMode
from revdiff.tui.search_screen import SearchScreen
from revdiff.tui.settings import Settings, load_settings
from revdiff.tui.wrapping import text_width


@run_async
async def test_search_names_its_way_out_until_a_hit_offers_enter(chain_article: Article) -> None:
    """`q` is typed in the search field, so the dialog says that Esc closes it, as the others do."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")

        def note() -> str:
            return str(app.screen.query_one("#search-count", Static).content)

        assert note() == "Esc closes"
        await pilot.press(*"zzq")
        assert note() == "not found in any version · Esc closes"
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


@run_async
async def test_search_jumps_to_the_pair_where_a_phrase_appeared(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Pompeo")
        hits = app.screen.query_one(OptionList)
        assert hits.option_count == 4  # twice in a paragraph of v2, twice in one of v3
        assert str(hits.get_option_at_index(0).prompt).startswith("v2 ")
        hit_versions = {v for hit in app.screen.hits for v in range(hit.first_version, hit.last_version + 1)}
        assert len(hit_versions) == 2
        assert "4 places in 2 of 4 versions" in str(app.screen.query_one("#search-count", Static).content)
        await pilot.press("enter")  # one Enter opens the first hit
        assert not isinstance(app.screen, SearchScreen)
        assert header_text(app).startswith("v1 → v2")
        assert "Pompeo" in current_edit_text(app)
        assert "Pompeo" in shown_words(app)


@run_async
async def test_search_puts_each_text_in_its_searched_form_once_while_the_phrase_is_typed(
        chain_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each key typed searched every paragraph of every version again, folding each afresh (0.36 s
    a key on a live blog's 40 versions); the dialog keeps each distinct text's folded form."""
    folded: list[str] = []
    original_key = search.searched_form

    def counted_key(text: str) -> str:
        folded.append(text)
        return original_key(text)

    monkeypatch.setattr(search, "searched_form", counted_key)
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Pompeo said")
        assert len(app.screen.hits) == 1
    texts = {text for version in chain_article.versions
             for text in (version.title, *version.paragraphs)}
    folded_texts = [text for text in folded if text in texts]
    assert len(folded_texts) == len(set(folded_texts)) == len(texts)


@run_async
async def test_a_narrow_search_cuts_a_hit_s_context_before_its_phrase(chain_article: Article) -> None:
    """Below 80 columns the 30 cells of text before a hit pushed the phrase past the dialog's
    edge: at 50, `…the airstrike that killed the Q…` hid `Quds Force leader`."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(50, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Quds Force leader")
        await pilot.pause()
        hits = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in hits.render_line(y)).strip()
                 for y in range(hits.size.height)]
        assert len(lines) == hits.option_count == 3
        assert all("Quds Force leader" in line and "…" in line for line in lines)


@run_async
async def test_search_gives_each_hit_one_line_at_80_columns(chain_article: Article) -> None:
    """At 80 columns a hit's snippet went on to a second line (`amid incre…`), where the
    article list cuts its lines with `…` at the dialog's edge."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"troops")
        await pilot.pause()
        hits = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in hits.render_line(y)).strip()
                 for y in range(hits.size.height)]
        assert len(lines) == hits.option_count == 9
        assert all(line.startswith("v") for line in lines)
        assert lines[1].endswith("…")


@run_async
async def test_search_with_one_hit_jumps_at_once_and_escape_cancels(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("full_stop", "full_stop", "slash", *"harsh vengeance", "enter")
        assert header_text(app).startswith("v0 → v1")
        assert "Harsh vengeance" in current_edit_text(app)
        await pilot.press("slash", *"nothing like this", "enter", "escape")
        assert header_text(app).startswith("v0 → v1")
        assert "Harsh vengeance" in current_edit_text(app)


# Forty paragraphs under a title, one of them changed: a diff longer than the screen.
PARAGRAPHS = tuple(f"Paragraph {number} tells what the council said." for number in range(40))
LONG_UNDER_A_TITLE = Article(None, None, (
    Version(1, "Budget vote", PARAGRAPHS),
    Version(2, "Budget vote", (*PARAGRAPHS[:-1], "The council wrote the last paragraph again.")),
))


@run_async
async def test_a_search_hit_on_the_title_of_the_pair_on_screen_goes_to_the_top() -> None:
    """A hit in the text goes to its sentence; one on the title of the pair on screen cleared the
    cursor but left the view where it was (at the foot, after `G`), not at the title."""
    app = RevdiffApp(LONG_UNDER_A_TITLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("G", "p")
        view = app.query_one(DiffView)
        assert view.top_row > 0 and view.current_edit is not None
        await pilot.press("slash", *"budget vote", "enter")
        assert not isinstance(app.screen, SearchScreen)
        assert view.top_row == 0 and view.current_edit is None


# The pair's titles differ in a word before `Esper`: at 80 columns the header's title line shows
# the new title, cut before `Esper`, and the old one not at all.
ESPER_TITLES = Article(None, None, (
    Version(6, "Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, "
               "Defense Sec. Mark Esper says",
            ("Esper said Thursday night that Soleimani was planning attacks.",
             "Officials declined to comment.")),
    Version(7, "Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, "
               "Defense Secretary Mark Esper says",
            ("Esper said Thursday night that Soleimani was planning attacks.",
             "Officials declined to comment on the strike.")),
))


def last_notice(app: RevdiffApp) -> str:
    return [notice.message for notice in app._notifications][-1]


@pytest.mark.parametrize("mode", list(LayoutMode))
@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
@run_async
async def test_a_search_hit_on_the_diff_s_last_row_shows_above_the_notice(
        mode: LayoutMode, size: tuple[int, int]) -> None:
    """The view could scroll no further than its last row, which the notice that names the hit
    covered until it timed out."""
    app = RevdiffApp(LONG_UNDER_A_TITLE, mode=mode)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"paragraph again", "enter")
        await pilot.pause()
        assert last_notice(app).startswith("Place 1 of 1")
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")))
        notice = app.screen.query_one("Toast")
        diff = app.diff
        rows = [diff.scrollable_content_region.y + number
                for number, line in enumerate(diff.visible_text()) if "paragraph again" in line]
        assert rows
        assert all(row < notice.region.y for row in rows)


# Notices whose words wrap to one row more than their width counts: 72 cells in the 36 of a
# notice at 80 columns, a row at each space; 50 in the 26 at 60 (a row for the first word).
WRAPPED_AT_WORDS = [(80, f"{'a' * 30} {'b' * 10} {'c' * 30}"), (60, f"{'a' * 20} {'b' * 29}")]


@pytest.mark.parametrize(("width", "message"), WRAPPED_AT_WORDS)
@run_async
async def test_a_notice_is_counted_the_rows_textual_wraps_it_to(width: int, message: str) -> None:
    """`notice_height` counted a notice's rows by its width alone, where Textual wraps it at word
    breaks: a row too few, and a search hit on the diff's last row was scrolled to under it."""
    app = RevdiffApp(LONG_UNDER_A_TITLE)
    async with app.run_test(size=(width, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify(message, markup=False)
        await wait_until(pilot, lambda: bool(app.screen.query("Toast")))
        [toast] = app.screen.query("Toast")  # Textual's class for a notice is not public
        await wait_until(pilot, lambda: toast.region.height > 0)
        assert toast.content_region.width == notices.notice_text_width(width)
        assert notices.notice_height(message, width) == toast.region.height


@run_async
async def test_a_search_hit_in_a_title_the_header_cuts_is_shown_in_a_notice() -> None:
    """The first hit of `Esper`, in the old title, scrolled the view to the top, where the header
    showed the new title cut before `Esper` (`…Defense Secretary Mark…`) and the status line
    the count of changes: nothing showed the hit, nor said where it was."""
    app = RevdiffApp(ESPER_TITLES)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Esper", "enter")
        await pilot.pause()
        assert "Esper" not in header_text(app) and app.diff.current_edit is None
        place, snippet = last_notice(app).split("\n")
        assert place == "Place 1 of 3, in v6's title:"
        assert snippet.startswith("…") and snippet.endswith("Defense Sec. Mark Esper says")
        assert text_width(snippet) <= notices.notice_text_width(80)
        await pilot.press("slash", "down", "down", "enter")  # the new title's
        await pilot.pause()
        place, snippet = last_notice(app).split("\n")
        assert place == "Place 3 of 3, in v7's title:"
        assert snippet.endswith("Defense Secretary Mark Esper says")


@run_async
async def test_a_search_hit_in_a_paragraph_of_another_pair_is_shown_and_counted(
        chain_article: Article) -> None:
    """The cursor went to the hit's sentence, but nothing said which of the places listed it
    was, to pick the next one after it."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Pompeo", "down", "down", "enter")  # the third: v3's
        await pilot.pause()
        assert header_text(app).startswith("v2 → v3")
        assert "Pompeo" in current_edit_text(app) and "Pompeo" in shown_words(app)
        assert last_notice(app) == "Place 3 of 4, in v3's paragraph 8"


@run_async
async def test_search_opens_again_on_the_hit_last_opened_for_the_next_one(
        chain_article: Article) -> None:
    """The notice says `Place 3 of 4`, but `/` opened again on the first hit: the next one took
    `↓` three times. It opens on the one last opened, kept through a search closed with Esc."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Pompeo", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("slash", "escape", "slash")
        await pilot.pause()
        assert app.screen.query_one(OptionList).highlighted == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert last_notice(app) == "Place 4 of 4, in v3's paragraph 8"
        await pilot.press("slash", *"troops")  # another phrase: its first hit
        assert app.screen.query_one(OptionList).highlighted == 0
        await pilot.press("escape")


@run_async
async def test_a_search_hit_the_filters_hide_is_counted_in_the_notice_that_clears_them() -> None:
    """The hit's place and the filters cleared to show it are one notice, not two."""
    app = RevdiffApp(LONG_UNDER_A_TITLE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h", "slash", *"Paragraph 3 tells", "enter")
        await pilot.pause()
        assert app.filters == FilterState()
        assert "Paragraph 3 tells" in current_edit_text(app)
        assert last_notice(app) == "Place 1 of 1, in v1's paragraph 4\nFilters cleared to show it"


# One paragraph of one sentence many screens long, a phrase near its end: added in v2 (the hit on
# the new side), or taken out in v2 or kept (on the old side of v1 → v2).
LONG_SENTENCE = ", ".join(f"the council heard item {number} read out" for number in range(90))
WITH_PHRASE = f"{LONG_SENTENCE}, until the Zanzibar motion was put to a vote at last."
WITHOUT_PHRASE = f"{LONG_SENTENCE}, until a motion was put to a vote at last."


@pytest.mark.parametrize("mode", list(LayoutMode))
@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
@pytest.mark.parametrize("texts", [(WITHOUT_PHRASE, WITH_PHRASE), (WITH_PHRASE, WITHOUT_PHRASE),
                                   (WITH_PHRASE, WITH_PHRASE)], ids=["added", "taken out", "kept"])
@run_async
async def test_a_search_hit_near_the_end_of_a_long_sentence_is_scrolled_into_view(
        mode: LayoutMode, size: tuple[int, int], texts: tuple[str, str]) -> None:
    """The view scrolled to the first row of the hit's sentence: in a sentence longer than the
    screen the hit was rows below it, out of sight."""
    article = Article(None, None, (Version(1, "Council", ("Opening.", texts[0])),
                                   Version(2, "Council", ("Opening.", texts[1]))))
    app = RevdiffApp(article, mode=mode)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Zanzibar", "enter")
        await pilot.pause()
        assert app.diff.current_edit is not None
        edit = app.session.comparison().edits[app.diff.current_edit]
        assert "Zanzibar" in (edit.new_text if texts[1] == WITH_PHRASE else edit.old_text)
        assert any("Zanzibar" in line for line in app.diff.visible_text())


@run_async
async def test_export_suggests_a_name_in_the_article_s_own_script(chain_article: Article,
                                                                 tmp_path: Path) -> None:
    """Every Chinese, Arabic or Hindi article was offered the same `article-v0-v1.txt`; and the
    URL's `www.`, which the article list leaves out, began the name (`www-bbc-com-…`)."""
    article = dataclasses.replace(chain_article, url="https://www.bbc.com/hindi/भारत-में-चुनाव")
    app = RevdiffApp(article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert app.screen.query_one(Input).value == str(
            tmp_path / "bbc-com-hindi-भारत-में-चुनाव-v0-v1.txt")


@run_async
async def test_export_writes_the_chosen_format_on_one_enter(chain_article: Article, tmp_path: Path) -> None:
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        formats = app.screen.query_one(OptionList)
        assert [formats.get_option_at_index(i).id for i in range(formats.option_count)] == \
            ["text", "json", "unified", "html"]
        await pilot.press("down")  # json
        assert (app.screen.query_one(Input).value
                == str(tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.json"))
        await pilot.press("enter")  # one Enter writes it
        await pilot.pause()
        await export_written(app, pilot)
        assert not isinstance(app.screen, ExportScreen)
        document = json.loads((tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.json").read_text())
        assert document["old_version"] == 0 and document["new_version"] == 1
        assert len(document["edits"]) == len(app.session.comparison().edits)
        await pilot.press("e", "down", "down", "down", "enter")
        await pilot.pause()
        await export_written(app, pilot)
        html = (tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.html").read_text()
        assert html.startswith("<!DOCTYPE html>") and '<table class="diff">' in html
        # titled and headed by the article's title, as `revdiff diff --format html` is, not its URL
        title = html_escape(app.session.comparison().new.title)
        assert f"<title>{title}: versions 0 to 1 - revdiff</title>" in html
        assert "<h2>" in html and "https://" not in html.split("<h2>", 1)[1].split("</h2>")[0]


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize(("sample", "article_steps"), [("washpo-soleimani-v6-v7.txt", 0),
                                                       ("newsedits.sqlite", 1)])
def test_a_json_export_is_what_revdiff_diff_writes(sample: str, article_steps: int,
                                                   tmp_path: Path) -> None:
    """The app's JSON left out how sure the page's reading is (no confidence, no warnings), the
    source and URL, and numbered every article 0: `revdiff diff --format json` gives them all."""
    import subprocess
    import sys

    from revdiff.cli.common import load_and_warn

    inputs = [str(SAMPLES / sample)]
    names: list[str] = []
    articles = load_and_warn(inputs, 64 << 20, True, compare=True, names=names)
    app = RevdiffApp(articles, export_directory=tmp_path, inputs=inputs, article_names=names)

    async def export_json() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press(*["greater_than_sign"] * article_steps, "e", "down", "enter")
            await pilot.pause()
            await export_written(app, pilot)

    asyncio.run(export_json())
    (written,) = tmp_path.glob("*.json")
    diff = subprocess.run([sys.executable, "-m", "revdiff", "diff", *inputs, "--format", "json",
                           "--quiet"], capture_output=True, text=True, check=True)
    expected = next(document for document in json.loads(diff.stdout)
                    if document["article_index"] == article_steps
                    and (document["old_version"], document["new_version"]) ==
                    (articles[article_steps].versions[0].number,
                     articles[article_steps].versions[1].number))
    exported = json.loads(written.read_text("utf-8"))
    assert exported == expected
    assert exported["source"] is not None and exported["url"] is not None
    if sample.endswith(".txt"):
        assert exported["confidence"] is not None and exported["warnings"]


def test_a_text_export_is_what_revdiff_diff_writes(tmp_path: Path) -> None:
    """The app's text export left out the `? N% sure` marks `revdiff diff` writes after the
    edits read from unsure rows of a flattened page: the two are the same text now."""
    import subprocess
    import sys

    from revdiff.cli.common import load_and_warn

    inputs = [str(SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt")]
    names: list[str] = []
    articles = load_and_warn(inputs, 64 << 20, True, compare=True, names=names)
    app = RevdiffApp(articles, export_directory=tmp_path, inputs=inputs, article_names=names)

    async def export_text() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("e", "enter")
            await pilot.pause()
            await export_written(app, pilot)

    asyncio.run(export_text())
    (written,) = tmp_path.glob("*.txt")
    diff = subprocess.run([sys.executable, "-m", "revdiff", "diff", *inputs, "--quiet"],
                          capture_output=True, text=True, check=True)
    assert "% sure" in diff.stdout
    assert written.read_text("utf-8") == diff.stdout


def test_a_text_export_shows_control_characters_as_revdiff_diff_does(tmp_path: Path) -> None:
    """The app's text export wrote a version's escape codes as they are, where `revdiff diff`
    writes them as symbols (a file shown with `cat` would run them)."""
    import subprocess
    import sys

    from revdiff.cli.common import load_and_warn
    from revdiff.export.pairs import compare_chain, pair_reading
    from revdiff.export.records import article_ref

    story = tmp_path / "story"
    story.mkdir()
    (story / "0.txt").write_text("The mayor said no.\n", "utf-8")
    (story / "1.txt").write_text("The mayor said \x1b[2Jyes.\n", "utf-8")
    inputs = [str(story / "0.txt"), str(story / "1.txt")]
    names: list[str] = []
    (article,) = load_and_warn(inputs, 64 << 20, True, compare=True, names=names)
    comparison = compare_chain(article, "auto")[0]
    pair = exporting.ExportedPair(comparison, article_ref(0, article, names[0]),
                                  pair_reading(article, comparison))
    (text_format,) = [f for f in exporting.EXPORT_FORMATS if f.name == "text"]
    diff = subprocess.run([sys.executable, "-m", "revdiff", "diff", *inputs, "--quiet"],
                          capture_output=True, text=True, check=True)
    assert "\x1b" not in diff.stdout
    assert text_format.render(pair) + "\n" == diff.stdout


def test_a_json_export_is_json_s_indented_text_byte_for_byte(page_article: Article) -> None:
    """The JSON export is laid out by `indented_json`, faster than json's indent: the same bytes,
    on a page's pair, whose reading has confidences (floats) and warnings."""
    from revdiff.export.comparison_records import comparison_record
    from revdiff.export.pairs import compare_chain, pair_reading
    from revdiff.export.records import article_ref

    comparison = compare_chain(page_article, "auto")[0]
    pair = exporting.ExportedPair(comparison, article_ref(0, page_article, "page.txt"),
                                  pair_reading(page_article, comparison))
    (json_format,) = [f for f in exporting.EXPORT_FORMATS if f.name == "json"]
    record = comparison_record(comparison, reading=pair.reading, ref=pair.ref)
    assert record["confidence"] is not None and record["warnings"]
    assert json_format.render(pair) == json.dumps(record, ensure_ascii=False, indent=2)


def test_an_html_export_marks_the_rows_read_unsure_as_the_report_does(page_article: Article
                                                                       ) -> None:
    """The app's HTML export of a flattened page's pair marked no row unsure, where the report
    and `revdiff diff --format html` mark each `? N% sure`: it marks the same rows now."""
    import re

    from revdiff.export.comparison_html import comparison_table
    from revdiff.export.pairs import compare_chain, pair_reading
    from revdiff.export.records import article_ref

    comparison = compare_chain(page_article, "auto")[0]
    reading = pair_reading(page_article, comparison)
    pair = exporting.ExportedPair(comparison, article_ref(0, page_article, "page.txt"), reading)
    (html_format,) = [f for f in exporting.EXPORT_FORMATS if f.name == "html"]
    mark = r'<td class="op">[^<]*<span class="sureness">([^<]*)</span>'
    expected = re.findall(mark, comparison_table(comparison, reading=reading))
    assert expected
    page = html_format.render(pair)
    assert re.findall(mark, page) == expected
    assert "unsure" in page.split("How to read the tables", 1)[1].split("</p>", 1)[0]


@run_async
async def test_export_to_a_typed_file_name_keeps_what_is_typed(chain_article: Article,
                                                                tmp_path: Path) -> None:
    """Tab moves to the file name without selecting it: typing adds to the name, it does not
    replace it, and before its suffix, which it keeps (it went after the offered `.diff`)."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "down", "down", "tab")  # unified, then the file name
        name = app.screen.query_one(Input)
        assert (name.has_focus
                and name.value == str(tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.diff"))
        await pilot.press(*"-mine")
        assert name.value == str(tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1-mine.diff")
        await pilot.press("shift+tab", "up", "tab", "x")  # the suffix follows the format
        assert name.value == str(tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1-minex.json")
        name.value = ""
        await pilot.press(*"changes.diff", "enter")
        await pilot.pause()
        await export_written(app, pilot)
        text = (tmp_path / "changes.diff").read_text()
        assert text.startswith("article us-deploys-troops-after-soleimani-strike: version 0 -> 1\n"
                               "--- a/us-deploys-troops-after-soleimani-strike\tversion 0\n"
                               "+++ b/us-deploys-troops-after-soleimani-strike\tversion 1\n@@")
        # another format for a typed name changes its suffix (JSON was written into z.txt)
        await pilot.press("e", "tab")
        name = app.screen.query_one(Input)
        name.value = str(tmp_path / "z.txt")
        await pilot.press("shift+tab", "down")
        assert name.value == str(tmp_path / "z.json")
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        assert (tmp_path / "z.json").read_text().startswith("{")


@run_async
async def test_the_export_hint_says_what_tab_does_from_where_the_cursor_is(chain_article: Article,
                                                                           tmp_path: Path) -> None:
    """In the file name the hint still said `Tab edits the name`: Tab there goes back to the
    formats, where the next letter typed is no name (`q` closes the dialog). The hint follows the
    focus."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()

        def hint() -> str:
            return str(app.screen.query_one("#export-file-hint", Static).render())

        assert "Tab edits the name" in hint()
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one(Input).has_focus
        assert "Tab goes back to the formats" in hint() and "Tab edits the name" not in hint()
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one(OptionList).has_focus
        assert "Tab edits the name" in hint()


@run_async
async def test_a_typed_suffix_of_another_format_picks_that_format(chain_article: Article,
                                                                 tmp_path: Path) -> None:
    """`x.json` typed while text was highlighted was written as text: a JSON reader then failed
    on it. The suffix picks its format, the highlight moves to it and the hint says so; an unknown
    suffix keeps the highlighted format."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *str(tmp_path / "x.JSON"))
        await pilot.pause()
        formats = app.screen.query_one(OptionList)
        assert formats.highlighted_option is not None and formats.highlighted_option.id == "json"
        assert "(Enter writes it as json," in str(app.screen.query_one("#export-file-hint").render())
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "x.JSON").read_text().startswith("{")
        assert [notice.message for notice in app._notifications][-1] == (
            f"Wrote json to {tmp_path / 'x.JSON'}")
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *str(tmp_path / "y.html"), "enter")  # Enter at once
        await pilot.pause()
        assert (tmp_path / "y.html").read_text().startswith("<!DOCTYPE html>")
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *str(tmp_path / "notes.md"), "enter")
        await pilot.pause()
        assert (tmp_path / "notes.md").read_text().startswith("us-deploys-troops-after-soleimani")


@run_async
async def test_another_format_changes_a_typed_suffix_in_any_letter_case(chain_article: Article,
                                                                        tmp_path: Path) -> None:
    """`x.JSON` typed, then html highlighted: the hint said `Enter writes it as html`, the name
    kept its `.JSON` and Enter wrote JSON, as the suffix picks the format whatever its case (and
    `x.json ` with a space after it, too). The suffix follows the highlight in any case."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *str(tmp_path / "x.JSON"),
                          "shift+tab", "down", "down")
        await pilot.pause()
        name = app.screen.query_one(Input)
        assert name.value == str(tmp_path / "x.html")
        assert "(Enter writes it as html," in str(app.screen.query_one("#export-file-hint").render())
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        assert (tmp_path / "x.html").read_text().startswith("<!DOCTYPE html>")
        assert not (tmp_path / "x.JSON").exists()
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k", *str(tmp_path / "y.json "), "shift+tab", "up")
        await pilot.pause()
        assert app.screen.query_one(Input).value == str(tmp_path / "y.txt")


@run_async
async def test_export_asks_before_replacing_and_creates_no_folder(chain_article: Article,
                                                                 tmp_path: Path) -> None:
    existing = tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.txt"
    existing.write_text("mine\n")
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "enter")
        await pilot.pause()
        await export_written(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "exists" in str(app.screen.query_one("#export-problem", Static).content)
        assert existing.read_text() == "mine\n"
        await pilot.press("escape")
        assert existing.read_text() == "mine\n"
        await pilot.press("e", "tab")
        app.screen.query_one(Input).value = str(tmp_path / "new" / "folder" / "x.txt")
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        assert "No folder" in str(app.screen.query_one("#export-problem", Static).content)
        assert not (tmp_path / "new").exists()
        # a name ending in `/` names a folder: it was written as a file named `new`
        app.screen.query_one(Input).value = str(tmp_path / "new") + os.sep
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        assert str(app.screen.query_one("#export-problem", Static).content) == (
            f"No folder {tmp_path / 'new'}: type a name in a folder that exists")
        assert not (tmp_path / "new").exists()
        await pilot.press("escape", "e", "enter", "enter")  # Enter again: replace it
        await pilot.pause()
        await export_written(app, pilot)
        assert existing.read_text().startswith("us-deploys-troops-after-soleimani-strike: version 0 -> 1")


@run_async
async def test_q_closes_the_export_dialog_from_its_formats_and_is_typed_in_the_name(
        chain_article: Article, tmp_path: Path) -> None:
    """The README says `q` closes a dialog or is typed; from the formats it did nothing."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "q")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        await pilot.press("e", "tab", "q")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one(Input).value.endswith("-v0-v1q.txt")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", [(44, 12), (60, 12)])
@run_async
async def test_export_keeps_the_file_name_and_its_problem_in_a_small_terminal(
        chain_article: Article, tmp_path: Path, size: tuple[int, int]) -> None:
    """The dialog was as tall as its four formats, the file name and the problem line below them,
    whatever the terminal: 10 rows showed no file name, and the `exists: Enter again replaces it`
    line below the screen made Enter seem to do nothing. The dialog scrolls to them now."""
    (tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.txt").write_text("mine\n")
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("e", "enter")
        await pilot.pause()
        screen = app.screen.region
        problem = app.screen.query_one("#export-problem", Static)
        assert "exists" in str(problem.content)
        assert screen.contains_region(app.screen.query_one(Input).region)
        assert screen.contains_region(problem.region)


@run_async
async def test_export_keeps_a_read_only_file(chain_article: Article, tmp_path: Path) -> None:
    """A read-only file was replaced after the second Enter (a rename ignores its permissions)."""
    kept = tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.txt"
    kept.write_text("mine\n")
    kept.chmod(0o444)
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "is a read-only file" in str(app.screen.query_one("#export-problem", Static).content)
    assert kept.read_text() == "mine\n"
    with pytest.raises(PermissionError, match="read-only"):
        write_text_atomically(kept, "theirs\n")
    assert kept.read_text() == "mine\n"


@run_async
@pytest.mark.parametrize("kind", ["fifo", "input", "long name"])
async def test_export_refuses_what_export_o_refuses_and_a_name_too_long(
        chain_article: Article, tmp_path: Path, kind: str) -> None:
    """A FIFO (or device) had been replaced by a file after the second Enter, an input
    overwritten, and a name over 255 bytes ended the app with a traceback."""
    name = "us-deploys-troops-after-soleimani-strike-v0-v1.txt"
    target = tmp_path / ("a" * 300 + ".txt" if kind == "long name" else name)
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "input":
        target.write_text("One.\n")
    app = RevdiffApp(chain_article, export_directory=tmp_path,
                     inputs=[str(target)] if kind == "input" else [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab", "ctrl+u", "ctrl+k")
        await pilot.press(*str(target))
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        problem = str(app.screen.query_one("#export-problem", Static).content)
        assert problem.endswith(": type another name")
        assert {"fifo": "is a FIFO", "input": "one of the export's inputs",
                "long name": "File name too long"}[kind] in problem
    if kind == "fifo":
        assert target.is_fifo()
    elif kind == "input":
        assert target.read_text() == "One.\n"


async def export_problem(app: RevdiffApp, pilot: Pilot[None], name: str) -> str:
    """What the export dialog says when `name` is given as the file name and Enter pressed; the
    dialog stays open to change it."""
    await pilot.press("e", "tab")
    app.screen.query_one(Input).value = name
    await pilot.press("enter")
    await pilot.pause()
    await export_written(app, pilot)
    assert isinstance(app.screen, ExportScreen)
    return str(app.screen.query_one("#export-problem", Static).content)


@run_async
async def test_export_refuses_a_name_that_leaves_no_room_for_its_temporary_file(
        chain_article: Article, tmp_path: Path) -> None:
    """A name that fit the file system but not with the temporary file written beside it
    (`.NAME.<16 hex digits>.tmp`, 22 bytes longer) closed the dialog, losing the name typed, and
    then failed with `File name too long` for a name shorter than the limit."""
    target = tmp_path / ("a" * (os.pathconf(tmp_path, "PC_NAME_MAX") - 14) + ".txt")
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        problem = await export_problem(app, pilot, str(target))
        assert "the name is too long" in problem and problem.endswith(": type another name")
        assert app.screen.query_one(Input).value == str(target)
    assert list(tmp_path.iterdir()) == []


@run_async
async def test_export_names_a_home_folder_it_cannot_find(chain_article: Article,
                                                          tmp_path: Path) -> None:
    """`~nouser/x.txt` (a mistyped user name) ended the app with a RuntimeError traceback."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await export_problem(app, pilot, "~no-such-user-here/x.txt") == (
            "Cannot tell which home folder ~no-such-user-here is: type the folder in full")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("error", "reason"), [
    # a full disk, a folder kept from writing: the dialog closed first, the name typed was lost
    # and the error came as a notice after it
    (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "No space left on device"),
    # an error without a system reason is worded by its text, which may quote a name holding an
    # escape sequence: the dialog showed it raw, where the path beside it was made visible
    (OSError("cannot replace changes.txt\x1b[2J"), "cannot replace changes.txt\u241b[2J"),
])
@run_async
async def test_export_tells_a_failed_write_in_the_dialog_and_keeps_the_name(
        chain_article: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError,
        reason: str) -> None:
    """A write that failed is told in the dialog, which keeps the name typed, and the cursor in
    it, its reason shown without control characters."""
    def failing(path: Path, text: str) -> None:
        raise error

    monkeypatch.setattr(exporting, "write_text_atomically", failing)
    target = tmp_path / "changes.txt"
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await export_problem(app, pilot, str(target)) == f"Could not write {target}: {reason}"
        assert app.screen.query_one(Input).value == str(target)
        assert app.screen.query_one(Input).has_focus
        assert not app.screen.query_one("#export-status", Static).display  # `Writing …` is over
    assert list(tmp_path.iterdir()) == []


@run_async
async def test_export_writes_on_a_thread_of_its_own_and_says_so_meanwhile(
        chain_article: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file was written on the app's loop, which a pair ten times a 6,000-paragraph one
    (0.24 s as JSON) would stop for seconds. It is written apart: the dialog says so meanwhile,
    Esc and Enter wait for it, and it closes once the file is written. `Writing …` is on a status
    line of its own: on the problem line it was in the warning colour, as if something was
    wrong, and the problem said before it (`exists: Enter again replaces it`) is gone."""
    release = threading.Event()
    writers: list[threading.Thread] = []

    def held(path: Path, text: str) -> None:
        writers.append(threading.current_thread())
        release.wait(5)
        write_text_atomically(path, text)

    monkeypatch.setattr(exporting, "write_text_atomically", held)
    target = tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.txt"
    target.write_text("")
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e", "enter", "enter")  # the second Enter replaces the file there
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        status = app.screen.query_one("#export-status", Static)
        problem = app.screen.query_one("#export-problem", Static)
        assert status.display and str(status.content) == f"Writing {target}…"
        assert str(problem.content) == ""
        assert status.rich_style.color != problem.rich_style.color  # not the warning colour
        await pilot.press("escape", "enter")  # neither closes the dialog nor writes again
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        release.set()
        await export_written(app, pilot)
        assert not isinstance(app.screen, ExportScreen)
    assert len(writers) == 1 and writers[0] is not threading.main_thread()
    assert target.read_text().startswith("us-deploys-troops-after-soleimani-strike: version 0 -> 1")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
@run_async
async def test_export_to_a_folder_that_takes_no_new_files_names_the_folder(
        chain_article: Article) -> None:
    """`/proc/a.txt` was told as `Could not write /proc/a.txt: No such file or directory`, the
    error of the temporary file beside it, in a folder that exists."""
    app = RevdiffApp(chain_article, export_directory=Path("/proc"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        problem = await export_problem(app, pilot, "/proc/a.txt")
    # root is let through to the kernel, which has no such file to make; others are kept out
    assert problem in (f"Could not write /proc/a.txt: cannot create a file in /proc{reason}"
                       for reason in ((", which takes no new files: it is no real folder but a "
                                       "view the system gives (as /proc is)"),
                                      " (Permission denied)"))


def test_export_defaults_to_the_settings_or_downloads_not_the_working_directory(
        chain_article: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert RevdiffApp(chain_article).export_directory == tmp_path
    (tmp_path / "Downloads").mkdir()
    assert RevdiffApp(chain_article).export_directory == tmp_path / "Downloads"
    chosen = Settings(export_directory=tmp_path / "elsewhere")
    assert RevdiffApp(chain_article, settings=chosen).export_directory == tmp_path / "elsewhere"


@run_async
async def test_y_copies_the_current_edit(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")
        assert app.clipboard == ""  # nothing under the cursor yet
        await pilot.press("n", "y")
        edit = app.session.comparison().edits[app.query_one("#diff").current_edit]
        assert app.clipboard.splitlines() == [
            "edited (v0 → v1)", f"- {edit.old_text}", f"+ {edit.new_text}"]


@run_async
async def test_y_on_a_split_says_it_copied_its_sentences() -> None:
    """A split's copy held its old sentence and both new ones, and the notice said `Copied the
    split sentence`."""
    joined = "The army sent troops to the base on Monday and the navy sent ships to the gulf."
    article = Article("src", None, (
        Version(0, "T", (joined,)),
        Version(1, "T", ("The army sent troops to the base on Monday.",
                         "The navy sent ships to the gulf."))))
    app = RevdiffApp(article)
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n", "y")
        assert app.clipboard.splitlines()[0] == "split (v0 → v1)"
        assert [notice.message for notice in app._notifications][-1] == \
            "Copied the split sentences"


@run_async
async def test_help_lists_every_key_from_the_table(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown_text(app)
        for command in KEY_TABLE:
            assert command.description in text
            assert command.keys_shown.split()[0] in text
        assert "ctrl+c  Quit, from a dialog too" in text
        await pilot.press("n")  # keys of the main view are off while help is open
        assert "change 1" not in status_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@run_async
async def test_the_help_legend_names_every_mark_the_diff_draws() -> None:
    """The legend left out the cursor `▌`, the `⋯` of hidden sentences and the rule `│` between
    the sides, though the README says the help has a legend of the markers."""
    app = RevdiffApp(Article(None, None, (
        Version(0, "Title", ("One. Two. Three. Four. Five.", "Six.")),
        Version(1, "Title", ("One. Two. Three. Four. Five.", "Seven.")))))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("h", "n")
        diff = app.query_one(DiffView)
        drawn = "".join(segment.text for y in range(diff.size.height)
                        for segment in diff.render_line(y))
        marks = {"-", "+", "▌", "⋯", "│"}
        assert marks <= set(drawn)
        await pilot.press("question_mark")
        legend = app.screen.query(Static).last().content
        assert marks | {"?", "↕ ⑂ ⑃"} <= {str(mark) for mark in legend.columns[0].cells}


@run_async
async def test_q_quits(chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@run_async
async def test_ctrl_c_quits_the_main_view(chain_article: Article) -> None:
    """Ctrl+C quit neither the main view (Textual's notice said to press Ctrl+Q) nor a dialog."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running and app.return_code == 0


@pytest.mark.parametrize("quit_key", ["ctrl+c", "ctrl+q"])
@pytest.mark.parametrize("dialog_key", ["question_mark", "slash", "e", "t", "a"])
@run_async
async def test_ctrl_c_and_ctrl_q_quit_from_every_dialog(chain_article: Article, dialog_key: str,
                                                         quit_key: str) -> None:
    """Both did nothing in help, search, export, the timeline and the article list."""
    app = RevdiffApp([chain_article, chain_article])  # two: the list of one article does not open
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(dialog_key)
        assert app.screen is not app.screen_stack[0]  # the dialog is open
        await pilot.press(quit_key)
        await pilot.pause()
        assert not app.is_running and app.return_code == 0


@run_async
async def test_ctrl_c_copies_the_text_selected_in_a_field_instead_of_quitting(
        chain_article: Article) -> None:
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Pompeo", "shift+home", "ctrl+c")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, SearchScreen)
        assert app.clipboard == "Pompeo"


@run_async
async def test_ctrl_c_given_to_a_command_runs_it_and_still_quits_from_a_dialog(
        chain_article: Article) -> None:
    app = RevdiffApp(chain_article, settings=Settings(keys={"next_change": "ctrl+c"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        assert app.is_running and status_text(app).startswith("change 1 of")
        await pilot.press("question_mark", "ctrl+c")
        await pilot.pause()
        assert not app.is_running


@run_async
async def test_export_names_a_path_with_brackets_as_it_is(chain_article: Article, tmp_path: Path) -> None:
    """A typed path is text, not Textual markup: a folder's `[b]` or `[link=x]` vanished from the
    export dialog's messages and from the notice of what was written."""
    folder = tmp_path / "[b]notes"
    folder.mkdir()
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(100, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab")
        app.screen.query_one(Input).value = str(tmp_path / "[link=x]drafts" / "x.txt")
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        problem = app.screen.query_one("#export-problem", Static)
        assert str(problem.visual) == f"No folder {tmp_path}/[link=x]drafts: type a name in a " \
                                      "folder that exists"
        app.screen.query_one(Input).value = str(folder / "x.txt")
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        await pilot.pause()
        assert (folder / "x.txt").exists()
        said = [str(toast.render()).strip() for toast in app.screen.query("Toast")]
        assert said == [f"Wrote text to {folder}/x.txt"]


@run_async
async def test_space_and_b_page_through_the_help(chain_article: Article) -> None:
    """Space did nothing in the help (PgDn, End, j and k scrolled it); it pages down as in `less`,
    and b pages back up."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        assert body.max_scroll_y > body.scrollable_content_region.height  # more than two pages
        await pilot.press("space")
        assert body.scroll_offset.y == body.scrollable_content_region.height
        await pilot.press("b")
        assert body.scroll_offset.y == 0
        assert isinstance(app.screen, HelpScreen)


@run_async
async def test_a_search_hit_on_unchanged_text_names_its_sentence_not_its_edit(tmp_path: Path) -> None:
    """Two deleted sentences and an added one come before it: the status said `sentence 5` (its
    place among the edits) in versions of four and three sentences."""
    (tmp_path / "0.txt").write_text(
        "T\n\nThe minister resigned. Officials left the room. The embassy stayed open today.\n",
        encoding="utf-8")
    (tmp_path / "1.txt").write_text(
        "T\n\nA new opening line was written. The embassy stayed open today.\n", encoding="utf-8")
    app = RevdiffApp(load_one(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"embassy", "enter")
        assert "embassy" in current_edit_text(app)
        assert status_text(app).startswith("sentence 3 (was 4)  unchanged")


@run_async
async def test_export_says_it_holds_every_edit_when_a_filter_is_on(chain_article: Article,
                                                                  tmp_path: Path) -> None:
    # with `o` or `l` on, the dialog read `Export v0 → v1 as:` and the file held the edits the
    # screen hid, with nothing to say so
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        hints = [str(hint.content) for hint in app.screen.query(".hint")]
        assert hints[0] == "Export v0 → v1 as:"
        await pilot.press("escape", "o", "l", "e")
        hints = [str(hint.content) for hint in app.screen.query(".hint")]
        assert hints[0] == ("Export v0 → v1, every edit (the filters, only edited, "
                            "only number_changed, are the screen's only), as:")
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        text = (tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.txt").read_text()
        assert text.count("\n  unchanged") + text.count("\n- deleted") >= 1


@run_async
async def test_search_says_when_the_list_holds_only_the_first_hits(tmp_path: Path) -> None:
    # 250 places counted, 200 listed, and nothing said so: the places past the list's end
    # seemed not to exist (a live blog's common word)
    paragraphs = "\n\n".join(f"Paragraph {number} on the troops." for number in range(250))
    (tmp_path / "0.txt").write_text(f"T\n\n{paragraphs}\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text(f"T\n\n{paragraphs}\n\nMore troops.\n", encoding="utf-8")
    app = RevdiffApp(load_one(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"troops")
        assert app.screen.query_one(OptionList).option_count == search_screen.MAX_HITS_SHOWN
        assert str(app.screen.query_one("#search-count", Static).content).startswith(
            "251 places in 2 of 2 versions, the first 200 listed (type more to narrow) · ")
        await pilot.press(*["backspace"] * 6, *"the troops")
        assert str(app.screen.query_one("#search-count", Static).content).startswith(
            "250 places in 2 of 2 versions, the first 200 listed")
        await pilot.press(*["backspace"] * 10, *"Paragraph 24")  # 24 and 240 .. 249
        assert str(app.screen.query_one("#search-count", Static).content).startswith(
            "11 places in 2 of 2 versions · Enter")


@run_async
async def test_search_counts_a_phrase_used_twice_in_a_paragraph_as_two_places(tmp_path: Path) -> None:
    # `1 place in 1 of 2 versions` for a paragraph that said `troops` twice: the count read as
    # the phrase used once, and the list showed only the first
    (tmp_path / "0.txt").write_text("T\n\nTroops landed; more troops came.\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text("T\n\nTroops landed.\n", encoding="utf-8")
    app = RevdiffApp(load_one(tmp_path))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"troops")
        assert str(app.screen.query_one("#search-count", Static).content).startswith(
            "3 places in 2 of 2 versions · Enter")
        assert app.screen.query_one(OptionList).option_count == 3


@run_async
async def test_search_hits_fill_the_width_of_the_list() -> None:
    """A hit's line showed 30 cells of text either side of its phrase whatever the dialog's
    width: at 80 columns one at its paragraph's start ended 45 cells in, 30 short of the edge.
    And lines cut to the list's width before the hits filled it lost the two cells its scroll
    bar took then, the dialog cutting `Iran.` to `Ir…`."""
    words = " ".join(f"word{n}" for n in range(40))
    paragraphs = (f"Iran {words}", *(f"{words} number {n} Iran." for n in range(20)))
    versions = (Version(0, "T", paragraphs), Version(1, "T", (*paragraphs, "New.")))
    app = RevdiffApp(Article(None, None, versions))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one(Input).value = "Iran"  # pasted, or typed faster than drawn
        await pilot.pause()
        hits = app.screen.query_one(OptionList)
        lines = ["".join(segment.text for segment in hits.render_line(y)).rstrip(" ▁▔▎▊")
                 for y in range(hits.size.height)]
        assert lines[0].startswith("v0–v1  ¶1   Iran word0") and len(lines[0]) >= 70
        assert all(line.endswith("Iran.") for line in lines[1:])


@run_async
async def test_export_refuses_a_missing_folder_named_with_a_trailing_dot(chain_article: Article,
                                                                        tmp_path: Path) -> None:
    """`notes/.` names the folder `notes` as `notes/` does: it was written as a file named `notes`
    (Path drops a trailing `/.`)."""
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert await export_problem(app, pilot, str(tmp_path / "notes") + os.sep + os.curdir) == (
            f"No folder {tmp_path / 'notes'}: type a name in a folder that exists")
    assert list(tmp_path.iterdir()) == []


@run_async
async def test_export_names_the_file_that_stands_where_a_folder_of_the_name_would(
        chain_article: Article, tmp_path: Path) -> None:
    """`notes.txt/x.txt`, `notes.txt` a file, was told as `No folder …/notes.txt`, which the
    user could see was there: the file is what is in the way, however far up it stands."""
    (tmp_path / "notes.txt").write_text("kept\n")
    app = RevdiffApp(chain_article, export_directory=tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert await export_problem(app, pilot, "notes.txt/drafts/x.txt") == (
            f"{tmp_path / 'notes.txt'} is not a folder: type a name in a folder that exists")
    assert (tmp_path / "notes.txt").read_text() == "kept\n"


@run_async
async def test_export_says_at_once_that_the_settings_folder_is_a_file(
        chain_article: Article, tmp_path: Path) -> None:
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[view]\nexport_directory = "{tmp_path / "notes"}"\n')
    (tmp_path / "notes").write_text("kept\n")
    app = RevdiffApp(chain_article, settings=load_settings(settings_file))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        problem = str(app.screen.query_one("#export-problem", Static).content)
        assert problem == (f"{tmp_path / 'notes'} is not a folder (view.export_directory in "
                           f"{settings_file}): type a name in a folder that exists, or mend "
                           "the setting")


@run_async
async def test_search_keeps_the_field_while_the_arrows_pick_a_hit(chain_article: Article) -> None:
    """`↓` moved the focus into the list of hits: the letters typed after it were lost (the list
    takes no text) and `↑` at the first hit went round to the last, never back to the field."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"troops", "down", "up", "up", *" to")
        hits = app.screen.query_one(OptionList)
        assert app.screen.query_one(Input).value == "troops to"
        assert hits.highlighted == 0 and 0 < hits.option_count < 9
        await pilot.press("down", "enter")
        assert not isinstance(app.screen, SearchScreen)


@run_async
async def test_search_opens_again_on_the_last_phrase_for_the_next_hit(chain_article: Article) -> None:
    """After a hit was opened, `/` opened on an empty field: the next hit of the same phrase
    needed it typed again. The field holds the last phrase, selected, its hits listed (`↓` Enter
    opens the second), and a letter typed starts another phrase."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"Pompeo", "enter")
        assert not isinstance(app.screen, SearchScreen)
        first = header_text(app)
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Pompeo"
        assert app.screen.query_one(OptionList).option_count == 4
        await pilot.press("down", "down", "enter")  # the third: v3's
        assert not isinstance(app.screen, SearchScreen)
        assert header_text(app) != first and "Pompeo" in current_edit_text(app)
        await pilot.press("slash", *"troops")
        assert app.screen.query_one(Input).value == "troops"
        await pilot.press("escape")


@run_async
async def test_g_and_shift_g_go_to_the_top_and_the_bottom_of_the_help(chain_article: Article) -> None:
    """The help lists `g` and `G` for the top and the bottom, and the timeline takes them so, but
    in the help they did nothing (only Home and End went there)."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        await pilot.press("G")
        assert body.scroll_offset.y == body.max_scroll_y > 0
        await pilot.press("g")
        assert body.scroll_offset.y == 0
        assert isinstance(app.screen, HelpScreen)


@run_async
async def test_g_opening_the_help_closes_it(chain_article: Article) -> None:
    """A key the help binds beside another that does the same closes it when it opened it, as
    `j` does: `g` beside Home."""
    app = RevdiffApp(chain_article, settings=Settings(keys={"help": "g", "go_top": "home"}))
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("g")
        assert not isinstance(app.screen, HelpScreen)


def test_the_export_of_a_pair_the_timeline_jumped_to_leaves_out_a_time_told_from_v1() -> None:
    """`v0 → v2`, from the timeline: each export wrote v2's `about 1 hour later`, which counts
    from v1, as v2's time after v0, where the header leaves it out."""
    from revdiff.engine import compare
    from revdiff.export.pairs import pair_reading
    from revdiff.export.records import article_ref

    article = Article(None, "https://example.org/troops", tuple(
        Version(number, "Troops", (f"{number + 1} troops were sent.",), None,
                "about 1 hour later" if number else None) for number in range(3)))
    comparison = compare(article.versions[0], article.versions[2])
    pair = exporting.ExportedPair(comparison, article_ref(0, article, "troops"),
                                  pair_reading(article, comparison))
    exported = {export_format.name: export_format.render(pair)
                for export_format in exporting.EXPORT_FORMATS}
    assert json.loads(exported["json"])["new_time"] is None
    assert "about 1 hour later" not in exported["unified"]
    assert "<h2>version 0 &rarr; 2</h2>" in exported["html"]


def test_an_html_export_explains_no_unsure_mark_that_no_row_shows(tmp_path: Path) -> None:
    """The legend of the app's HTML export said what `? N% sure` means whenever the pair's
    reading was unsure, but rows are marked edit by edit: a pair whose one unsure row is blank
    (no sentence, no edit) explained a mark it never showed."""
    from revdiff.export.pairs import compare_chain, pair_reading
    from revdiff.export.records import article_ref

    page = page_of_one_blank_unsure_row(tmp_path)
    article = load_one(page)
    comparison = compare_chain(article, "auto")[0]
    pair = exporting.ExportedPair(comparison, article_ref(0, article, page.name),
                                  pair_reading(article, comparison))
    (html_format,) = [f for f in exporting.EXPORT_FORMATS if f.name == "html"]
    shown = html_format.render(pair).split("</style>", 1)[1]
    assert "How to read the tables" in shown
    assert "sureness" not in shown and "% sure" not in shown


@run_async
async def test_export_says_at_once_that_the_settings_folder_does_not_exist(
        chain_article: Article, tmp_path: Path) -> None:
    """A `view.export_directory` naming no folder was offered all the same; only Enter told it,
    and not that the folder came from the settings file."""
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[view]\nexport_directory = "{tmp_path / "gone"}"\n')
    app = RevdiffApp(chain_article, settings=load_settings(settings_file))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        problem = str(app.screen.query_one("#export-problem", Static).content)
        assert problem == (f"No folder {tmp_path / 'gone'} (view.export_directory in "
                           f"{settings_file}): type a name in a folder that exists, or mend "
                           "the setting")
        await pilot.press("tab", "x")  # typing goes on
        assert app.screen.query_one(Input).value.endswith("-v0-v1x.txt")
    assert not (tmp_path / "gone").exists()


@run_async
async def test_export_names_the_setting_on_enter_into_its_missing_folder(
        chain_article: Article, tmp_path: Path) -> None:
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[view]\nexport_directory = "{tmp_path / "gone"}"\n')
    app = RevdiffApp(chain_article, settings=load_settings(settings_file))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        problem = await export_problem(app, pilot, "a.txt")
    assert problem.startswith(f"No folder {tmp_path / 'gone'} (view.export_directory in ")


@run_async
async def test_export_says_nothing_of_a_settings_folder_that_exists(
        chain_article: Article, tmp_path: Path) -> None:
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[view]\nexport_directory = "{tmp_path}"\n')
    app = RevdiffApp(chain_article, settings=load_settings(settings_file))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert str(app.screen.query_one("#export-problem", Static).content) == ""


@run_async
async def test_home_end_and_the_page_keys_jump_in_the_help_as_g_g_space_and_b_do(
        chain_article: Article) -> None:
    """Home, End, PgDn and PgUp were the scroll's own, animated: right after the key the help
    was part of the way there, and the note on its edge said where more was from there."""
    app = RevdiffApp(chain_article)
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body")
        passed: list[float] = []  # the places it scrolled through
        body.watch(body, "scroll_y", lambda y: passed.append(y), init=False)
        for key, same in (("space", "pagedown"), ("G", "end"), ("b", "pageup"), ("g", "home")):
            before = body.scroll_offset.y
            await pilot.press(key)
            where = (body.scroll_offset.y, body.border_subtitle)
            body.scroll_to(y=before, animate=False, immediate=True)
            await pilot.pause()
            passed.clear()
            await pilot.press(same)
            assert (body.scroll_offset.y, body.border_subtitle) == where, same
            assert set(passed) == {where[0]}, same  # no place on the way


@run_async
async def test_export_keeps_saying_its_missing_folder_while_the_name_is_in_it(
        chain_article: Article, tmp_path: Path) -> None:
    """The first key typed in the name cleared `No folder …`, the name still in that folder;
    a name in a folder that exists clears it."""
    settings_file = tmp_path / "config.toml"
    settings_file.write_text(f'[view]\nexport_directory = "{tmp_path / "gone"}"\n')
    app = RevdiffApp(chain_article, settings=load_settings(settings_file))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "x")
        await pilot.pause()
        problem = str(app.screen.query_one("#export-problem", Static).content)
        assert problem.startswith(f"No folder {tmp_path / 'gone'} (view.export_directory in ")
        app.screen.query_one(Input).value = "story.txt"  # relative: in the missing folder
        await pilot.pause()
        problem = str(app.screen.query_one("#export-problem", Static).content)
        assert problem.startswith(f"No folder {tmp_path / 'gone'} (view.export_directory in ")
        app.screen.query_one(Input).value = str(tmp_path / "story.txt")
        await pilot.pause()
        assert str(app.screen.query_one("#export-problem", Static).content) == ""
