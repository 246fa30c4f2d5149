"""Control characters from articles and file names never reach a terminal raw; data outputs keep
them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import revdiff

from revdiff.terminal_text import field_text, visible, visible_lines

TITLE_ESCAPE = "\x1b]0;PWNED\x07"  # OSC 0: set the window title
CLIPBOARD_ESCAPE = "\x1b]52;c;cm0gLXJmIH4=\x07"  # OSC 52: write the clipboard
CLEAR_SCREEN = "\x1b[2J"
C1_CSI = "\x9b2J"  # the one-character CSI


def test_every_control_character_is_shown_as_a_symbol() -> None:
    assert visible(TITLE_ESCAPE) == "␛]0;PWNED␇"
    assert visible("a\nb\tc\rd\x00e\x7f") == "a␊b␉c␍d␀e␡"
    assert visible(C1_CSI) == "<U+009B>2J"
    # a NewsDiffs text's `\u2028` broke the line on some terminals only
    assert visible("one\u2028two\u2029three") == "one<U+2028>two<U+2029>three"
    assert visible("plain text, “quotes” and — dashes") == "plain text, “quotes” and — dashes"
    assert visible_lines("one\x1b[31m\ntwo") == "one␛[31m\ntwo"
    assert all(ord(c) >= 0x20 and not 0x7F <= ord(c) < 0xA0 for c in visible("".join(map(chr, range(256)))))


def test_the_implicit_direction_marks_are_kept_and_the_overrides_shown() -> None:
    """Right-to-left text uses LRM, RLM and ALM, which move only the digits and punctuation
    beside them (SECURITY.md); an override or an isolate reorders all that follows it."""
    marked = "\u0642\u0627\u0644 \u200f(1)\u200e 2\u061c3"
    assert visible(marked) == marked
    assert visible("a\u202eb\u2067c") == "a<U+202E>b<U+2067>c"


def test_a_field_keeps_pasted_text_without_its_control_characters() -> None:
    assert field_text(f"Rockets{TITLE_ESCAPE}{CLEAR_SCREEN}\there{C1_CSI}") == "Rockets]0;PWNED[2J here2J"
    assert field_text("right\u202eto left, “quotes” — dashes") == "rightto left, “quotes” — dashes"


@pytest.fixture
def hostile_versions(tmp_path: Path) -> list[str]:
    body = f"Rockets hit the base {TITLE_ESCAPE} at dawn {CLIPBOARD_ESCAPE}."
    (tmp_path / "0.txt").write_text(f"{CLEAR_SCREEN}Title\n{body}\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text(f"{CLEAR_SCREEN}Title\n{body} Two died{C1_CSI}.\n",
                                    encoding="utf-8")
    return [str(tmp_path / "0.txt"), str(tmp_path / "1.txt")]


@pytest.mark.parametrize("options", [["--no-color"], ["--color"]])
def test_the_text_diff_shows_escapes_instead_of_sending_them(hostile_versions: list[str],
                                                             options: list[str]) -> None:
    result = revdiff("diff", *hostile_versions, "--format", "text", *options)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b]" not in out and "\x07" not in out and CLEAR_SCREEN not in out and "\x9b" not in out
    assert "␛]0;PWNED␇" in out and "␛]52;c;" in out
    if options == ["--no-color"]:
        assert "\x1b" not in out


def test_parse_text_shows_escapes_and_json_keeps_them(tmp_path: Path) -> None:
    """Plain version files are titled by their folder's name, which `parse --format text` prints."""
    folder = tmp_path / f"story{TITLE_ESCAPE}"
    folder.mkdir()
    first, second = folder / "0.txt", folder / "1.txt"
    first.write_text("Rockets hit the base.\n", encoding="utf-8")
    second.write_text("Rockets hit the base at dawn.\n", encoding="utf-8")
    result = revdiff("parse", str(first), str(second), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "story␛]0;PWNED␇" in result.stdout
    (article,) = json.loads(revdiff("parse", str(first), str(second), "--format", "json").stdout)
    versions = article["versions"]
    assert versions[0]["title"] == folder.name


def test_the_json_diff_keeps_the_text_intact(hostile_versions: list[str]) -> None:
    out = revdiff("diff", *hostile_versions, "--format", "jsonl").stdout
    assert any(TITLE_ESCAPE in json.loads(line).get("old_text", "") for line in out.splitlines())


ZWSP, ZWJ = "\u200b", "\u200d"


def test_a_change_only_of_characters_that_take_no_room_shows_them(tmp_path: Path) -> None:
    """`soldiers` to `sol\u200bdiers` read `[-soldiers-]{+sol\u200bdiers+}` on a terminal, which
    shows no change: such a change shows them by code. Elsewhere (Thai words parted by zero-width
    spaces, emoji joined by zero-width joiners, a word changed beside them) they stay as they
    are, and the data outputs keep the exact text."""
    family = f"\U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467"
    texts = [f"The soldiers left the base {family}.", f"The sol{ZWSP}diers left the base {family}.",
             f"The sol{ZWSP}diers left the{ZWJ} base {family}.",
             f"The sol{ZWSP}diers left the{ZWJ} camp {family}."]
    for number, text in enumerate(texts):
        (tmp_path / f"{number}.txt").write_text(text + "\n", encoding="utf-8")
    result = revdiff("diff", str(tmp_path), "--no-color")
    assert result.returncode == 0, result.stderr
    changes = [line.strip() for line in result.stdout.splitlines() if line.startswith("    ")]
    assert changes == [f"The [-soldiers-]{{+sol<U+200B>diers+}} left the base {family}.",
                       f"The sol{ZWSP}diers left [-the-]{{+the<U+200D>+}} base {family}.",
                       f"The sol{ZWSP}diers left the{ZWJ} [-base-]{{+camp+}} {family}."]
    rows = [json.loads(line) for line in revdiff("diff", str(tmp_path), "--format",
                                                 "jsonl").stdout.splitlines()]
    assert [row["new_text"] for row in rows] == texts[1:]


@pytest.mark.parametrize(("hidden", "code"), [
    ("\u00ad", "<U+00AD>"),  # a soft hyphen
    ("\u2062", "<U+2062>"),  # the invisible times, one of the invisible operators
    ("\u034f", "<U+034F>"),  # the combining grapheme joiner
    ("\u180e", "<U+180E>"),  # the Mongolian vowel separator
    ("\U000e0041", "<U+E0041>"),  # a tag character
])
def test_a_change_only_of_other_characters_that_show_nothing_shows_them(hidden: str, code: str,
                                                                         tmp_path: Path) -> None:
    """These show nothing on a terminal either: `soldiers` to `sol\u00addiers` read
    `[-soldiers-]{+soldiers+}`, a change that looked like none."""
    (tmp_path / "0.txt").write_text("The soldiers left.\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text(f"The sol{hidden}diers left.\n", encoding="utf-8")
    result = revdiff("diff", str(tmp_path), "--no-color")
    assert result.returncode == 0, result.stderr
    assert f"The [-soldiers-]{{+sol{code}diers+}} left." in result.stdout


def test_error_lines_show_escapes_and_newlines_in_file_names(tmp_path: Path) -> None:
    name = str(tmp_path / "evil\x1b]0;PWNED\x07\nname.txt")
    result = revdiff("parse", name)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil␛]0;PWNED␇␊name.txt" in line
