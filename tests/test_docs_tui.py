"""The README's section on the terminal UI says in a few lines how to start the app and which keys
are used most, and docs/TUI.md holds the rest: the screen, the views and dialogs, the settings."""

from __future__ import annotations

import re
from pathlib import Path

from revdiff.tui.keys import markdown_table

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
TUI = (ROOT / "docs" / "TUI.md").read_text(encoding="utf-8")
# The longest the README's section on the terminal UI may be: how to start it, the keys used most
# and where the rest is.
SECTION_AT_MOST = 1500


def _section() -> str:
    """The text under the README's `### The terminal UI` up to the next heading."""
    return README.partition("\n### The terminal UI\n")[2].partition("\n#")[0]


def test_the_readme_section_on_the_terminal_ui_is_short_and_points_at_docs_tui() -> None:
    # it ran to about 370 lines: the capture, every part of the screen, every dialog, the settings
    section = _section()
    assert "`revdiff INPUT...`" in section and "`docs/TUI.md`" in section
    assert len(section) <= SECTION_AT_MOST


def test_the_keys_the_readme_names_do_what_it_says() -> None:
    # each key the section names with what it does is the key table's: `n` the next change, ...
    said = " ".join(_section().split())
    table = {key: what for keys, what in re.findall(r"^\| \w+ \| (.+?) \| (.+?) \|", markdown_table(),
                                                    flags=re.MULTILINE)
             for key in re.findall(r"`([^`]+)`", keys)}
    for key, words in (("n", "Next change"), ("p", "Previous change"), (".", "Next version pair"),
                       (",", "Previous version pair"), ("t", "Version timeline"),
                       ("i", "Statistics"), ("/", "Search all versions"), ("s", "Side by side"),
                       ("e", "Export"), ("?", "This help"), ("q", "Quit")):
        assert f"`{key}`" in said and table[key].startswith(words), key


def test_docs_tui_holds_the_screen_the_dialogs_and_the_settings() -> None:
    assert TUI.startswith("# The terminal UI\n")
    assert re.findall(r"^## .+$", TUI, flags=re.MULTILINE) == ["## Settings"]
    assert markdown_table() in TUI and "From the top:" in TUI
