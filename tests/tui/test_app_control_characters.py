"""Article text cannot control the terminal through the app: escapes are drawn as symbols in the
diff, the header, search hits, the timeline and what `y` copies."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static
from tui_helpers import diff_lines, export_written, header_text, run_async

from revdiff.model import Article, Version
from revdiff.tui.app import RevdiffApp
from revdiff.tui.diff_view import DiffView
from revdiff.tui.pair_header import PairHeader

OSC_TITLE = "\x1b]0;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
HOSTILE = Article(None, None, (
    Version(0, f"Title{OSC_TITLE}", (f"Rockets hit the base {OSC_TITLE} at dawn.",
                                     "Officials gave no details.")),
    Version(1, f"Title{OSC_TITLE}", (f"Rockets hit the base {OSC_TITLE} at dawn {OSC_CLIPBOARD}.",
                                     "Officials gave no details.\x1b[2J")),
))


def raw_controls(text: str) -> list[str]:
    return [char for char in text if ord(char) < 0x20 and char != "\n" or 0x7F <= ord(char) < 0xA0]


@run_async
async def test_escapes_in_the_article_are_drawn_as_symbols() -> None:
    app = RevdiffApp(HOSTILE)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        screen = "\n".join(diff_lines(app)) + header_text(app)
        assert not raw_controls(screen)
        assert "␛]0;PWNED␇" in screen and "␛]52;c;" in screen and "␛[2J" in screen
        await pilot.press("n", "y")
        assert app.clipboard and not raw_controls(app.clipboard)
        assert "␛]52;c;" in app.clipboard
        await pilot.press("slash", *"rockets")
        hits = app.screen.query_one(OptionList)
        prompt = str(hits.get_option_at_index(0).prompt)
        assert not raw_controls(prompt) and "␛]0;PWNED␇" in prompt
        await pilot.press("escape", "t")
        table = app.screen.query_one(DataTable)
        cells = " ".join(str(cell) for cell in table.get_row_at(0))
        assert not raw_controls(cells) and "␛]0;PWNED␇" in cells


MARKUP = "[link=https://evil.example]link[/link] [@click=app.quit]here[/] [b]bold"
BRACKETED = Article(None, None, (
    Version(0, f"Title {MARKUP}", (f"Rockets hit the base {MARKUP} at dawn.", "No details.")),
    Version(1, f"Title {MARKUP}", (f"Rockets hit the base {MARKUP} at dawn, officials said.",
                                   "No details.")),
))


def drawn(widget: Widget, lines: int = 3) -> str:
    return "\n".join("".join(segment.text for segment in widget.render_line(y))
                     for y in range(lines))


@run_async
async def test_brackets_in_the_article_are_text_not_markup() -> None:
    """Titles and paragraphs holding Textual markup are drawn as written in the search hits, the
    timeline and the article list (search crashed with a MarkupError; the rest read it as links,
    styles and click actions)."""
    app = RevdiffApp([BRACKETED, BRACKETED])
    async with app.run_test(size=(200, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"rockets")
        await pilot.pause()
        assert "base [link=https://ev" in drawn(app.screen.query_one(OptionList))
        await pilot.press("escape", "t")
        await pilot.pause()
        assert ("Title [link=https://evil.example]link[/link] [@click"
                in drawn(app.screen.query_one(DataTable)))
        await pilot.press("escape", "a")
        await pilot.pause()
        assert ("Title [link=https://evil.example]link[/link] [@cli…"
                in drawn(app.screen.query_one(OptionList), 2))
        await pilot.press("escape")
        assert app.is_running


@run_async
async def test_text_pasted_into_a_field_loses_its_control_characters() -> None:
    """A search phrase or file name pasted with an escape sequence held it, and the field drew it
    as it was: the terminal obeyed it."""
    app = RevdiffApp(HOSTILE)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        for opens_the_field in (["slash"], ["e", "tab"]):
            await pilot.press(*opens_the_field)
            field = app.screen.query_one(Input)
            field.post_message(events.Paste(f"Rockets{OSC_TITLE}\x1b[2J\there"))
            await pilot.pause()
            assert not raw_controls(field.value)
            assert "Rockets]0;PWNED[2J here" in field.value
            assert not raw_controls(drawn(field, field.size.height))
            await pilot.press("escape")


@run_async
async def test_a_home_folder_with_an_escape_is_not_drawn_in_the_export_dialog(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file name offered started with the folder, from $HOME, as it was: the field drew its
    escape sequence, for the terminal to obey. The name alone is offered, the dialog naming the
    folder in symbols, and Enter writes the file in that folder all the same."""
    home = tmp_path / f"home{OSC_TITLE}"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    app = RevdiffApp(HOSTILE)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        field = app.screen.query_one(Input)
        hints = " ".join(str(hint.content) for hint in app.screen.query(Static))
        assert not raw_controls(field.value) and not raw_controls(drawn(field, field.size.height))
        assert not raw_controls(hints) and "home␛]0;PWNED␇ (Enter writes it as text" in hints
        await pilot.press("enter")
        await pilot.pause()
        await export_written(app, pilot)
        assert [path.name for path in home.iterdir()] == [field.value]


ZWSP, ZWJ = "\u200b", "\u200d"
FAMILY = f"\U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467"
THAI = f"\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35{ZWSP}\u0e04\u0e23\u0e31\u0e1a"
UNSEEN_CHANGE = Article(None, None, (
    Version(0, "Troops leave", (f"The soldiers left the base {FAMILY}.", f"{THAI} today.")),
    Version(1, f"Troops{ZWJ} leave", (f"The sol{ZWSP}diers left the base {FAMILY}.",
                                      f"{THAI} tonight.")),
))


@pytest.mark.parametrize("size", [(100, 24), (160, 24)])  # unified, side by side
@run_async
async def test_a_change_only_of_characters_that_take_no_room_shows_them_by_code(
        size: tuple[int, int]) -> None:
    """`soldiers` to `sol\u200bdiers` was drawn as `soldiers`, the changed word's colours alone
    telling of a change that the eye could not find: it shows the character by code, as `revdiff
    diff` does, and so does the title's change in the header. Thai words parted by a zero-width
    space and emoji joined by zero-width joiners stay as they are."""
    app = RevdiffApp(UNSEEN_CHANGE)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = " ".join(diff_lines(app))
        assert "sol<U+200B>diers" in screen
        assert THAI in screen and FAMILY in screen
        assert "Troops<U+200D>" in header_text(app)


CHANGED_SEQUENCE = Article(None, None, (
    Version(0, "Say \x1b[31mred\x1b[0m now", ("Say \x1b[31mred\x1b[0m now.",)),
    Version(1, "Say \x1b[32mgreen\x1b[0m now", ("Say \x1b[32mgreen\x1b[0m now.",)),
))


@run_async
async def test_a_changed_control_sequence_is_marked_whole() -> None:
    """The diff and the header's title marked a changed escape sequence from where its
    parameters differ (`␛[` kept, `31mred` cut, `32mgreen` added), as `revdiff diff` no longer
    does: the sequence is marked cut and added whole."""
    app = RevdiffApp(CHANGED_SEQUENCE)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        rows = app.query_one(DiffView).visible_rows()
        words = {style: [run for row in rows for run, run_style in row.spans if run_style == style]
                 for style in ("old_word", "new_word")}
        assert words == {"old_word": ["␛[31mred"], "new_word": ["␛[32mgreen"]}
        title = app.query_one(PairHeader).content
        assert isinstance(title, Text)
        marked = [title.plain[span.start:span.end] for span in title.spans if span.style]
        assert "␛[31mred" in marked and "␛[32mgreen" in marked
