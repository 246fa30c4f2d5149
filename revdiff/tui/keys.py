"""The key table: one list of commands that feeds the app's bindings, its footer and the help screen.

Plain data with no Textual import; `revdiff.tui.bindings` turns it into Textual `Binding`s.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass, replace

# How Textual names keys that are not letters, and how a person writes them.
KEY_NAMES_SHOWN = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "full_stop": ".",
    "comma": ",",
    "slash": "/",
    "question_mark": "?",
    "space": "space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "down": "↓",
    "up": "↑",
    "home": "Home",
    "end": "End",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
    "insert": "Ins",
    "left": "←",
    "right": "→",
    "greater_than_sign": ">",
    "less_than_sign": "<",
}

# The keys Textual reports by name (besides characters), and its modifiers in the order it writes
# them ("ctrl+shift+up"); other names, "F1" or "ctrl+nope", match no key press.
NAMED_KEYS = frozenset({"escape", "enter", "tab", "backspace", "space", "insert", "delete", "left",
                        "right", "up", "down", "home", "end", "pageup", "pagedown",
                        *(f"f{number}" for number in range(1, 25))})
KEY_NAME_ALIASES = {"esc": "escape", "return": "enter", "pgdn": "pagedown", "pgup": "pageup",
                    "del": "delete", "ins": "insert"}
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")


# Key names Textual gives characters that are not letters or digits, where they differ from the
# lower-case Unicode name (e.g. "?" is "question_mark" either way, but "/" is "slash").
_KEY_NAME_REPLACEMENTS = {"solidus": "slash", "reverse_solidus": "backslash",
                          "commercial_at": "at", "hyphen_minus": "minus", "plus_sign": "plus",
                          "low_line": "underscore"}
_UNICODE_NAMES_REPLACED = {textual: unicode for unicode, textual in _KEY_NAME_REPLACEMENTS.items()}


def key_name(key: str) -> str:
    """A key as Textual names it: "?" -> "question_mark", "." -> "full_stop", "n" -> "n"."""
    key = key.strip()
    if len(key) != 1 or key.isalnum():
        return key
    try:
        name = unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return key
    return _KEY_NAME_REPLACEMENTS.get(name, name)


# The ASCII punctuation characters by their key names, some of which Unicode's names do not give
# back ("less_than_sign" is "LESS-THAN SIGN", "minus" "HYPHEN-MINUS").
PUNCTUATION_KEYS = {key_name(character): character for character in string.punctuation}


def character_named(name: str) -> str | None:
    """The character whose (Unicode or Textual) key name `name` is, if any: "slash" -> "/"."""
    unicode_name = _UNICODE_NAMES_REPLACED.get(name, name)
    try:
        return unicodedata.lookup(unicode_name.replace("_", " "))
    except KeyError:
        return None


@dataclass(frozen=True, slots=True)
class KeyCommand:
    """One command: the keys that run it, the app action it runs, and how to describe it."""

    keys: tuple[str, ...]  # Textual key names, first one is the main key
    action: str  # name of an `action_*` method on the app, without the prefix; also the binding id
    description: str
    group: str
    footer: str | None = None  # a short label for the footer; None keeps it out (80 columns fit ~8)

    @property
    def keys_shown(self) -> str:
        return " ".join(key_shown(key) for key in self.keys)

    @property
    def main_key_shown(self) -> str:
        """The first key, as the hints that name a key show it."""
        return key_shown(self.keys[0])


def key_shown(key: str) -> str:
    """A key as the help and the hints write it, its modifiers kept: `]`, `PgDn`, `ctrl+PgDn`; a
    character's key that KEY_NAMES_SHOWN leaves out as the character, as the footer shows it
    (`!`, not `exclamation_mark`); another as Textual names it (`ctrl+f`, `f1`)."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, KEY_NAMES_SHOWN.get(name) or _character_shown(name) or name])


def _character_shown(name: str) -> str | None:
    """The character whose key Textual names `name` ("exclamation_mark" -> "!"), if it has one
    that shows; None for another name ("f1", or "delete", which Unicode's aliases name too)."""
    character = PUNCTUATION_KEYS.get(name) or character_named(name)
    if character is None or not character.isprintable() or key_name(character) != name:
        return None
    return character


KEY_TABLE: tuple[KeyCommand, ...] = (
    KeyCommand(("n", "right_square_bracket"), "next_change", "Next change", "Move", footer="next"),
    KeyCommand(("p", "left_square_bracket"), "previous_change", "Previous change", "Move",
               footer="prev"),
    KeyCommand(("j", "down"), "line_down", "Scroll down a line", "Move"),
    KeyCommand(("k", "up"), "line_up", "Scroll up a line", "Move"),
    KeyCommand(("space", "pagedown"), "page_down", "Page down", "Move"),
    KeyCommand(("b", "pageup"), "page_up", "Page up", "Move"),
    KeyCommand(("g", "home"), "go_top", "Go to the top", "Move"),
    KeyCommand(("G", "end"), "go_bottom", "Go to the bottom", "Move"),
    KeyCommand(("full_stop",), "next_pair", "Next version pair", "Versions"),
    KeyCommand(("comma",), "previous_pair", "Previous version pair", "Versions"),
    KeyCommand(("greater_than_sign",), "next_article", "Next article", "Versions"),
    KeyCommand(("less_than_sign",), "previous_article", "Previous article", "Versions"),
    KeyCommand(("a",), "articles", "Article list: filter and open any article", "Versions"),
    KeyCommand(("t",), "timeline", "Version timeline: jump to any pair", "Versions",
               footer="timeline"),
    KeyCommand(("s",), "toggle_layout", "Side by side / unified / automatic", "View", footer="layout"),
    KeyCommand(("h",), "toggle_hide_unchanged", "Hide unchanged text (keeps context)", "View"),
    KeyCommand(("c",), "cycle_context",
               "Context sentences around changes: 1, 2, 3, 0 (hides unchanged text)", "View"),
    KeyCommand(("l",), "cycle_label", "Show only one label (cycles)", "View"),
    KeyCommand(("o",), "cycle_flag", "Show only one flag, e.g. number_changed (cycles)", "View"),
    KeyCommand(("x",), "toggle_hide_boring",
               "Hide boring edits (only whitespace, punctuation, encoding)", "View"),
    KeyCommand(("i",), "toggle_stats", "Statistics and change chart", "View"),
    KeyCommand(("J",), "stats_down", "Scroll the statistics down", "View"),
    KeyCommand(("K",), "stats_up", "Scroll the statistics up", "View"),
    KeyCommand(("slash",), "search", "Search all versions", "Find", footer="search"),
    KeyCommand(("u",), "next_unsure", "Next row the page reader was unsure of", "Page reading"),
    KeyCommand(("f",), "flip_row", "Next reading of the current row (k of n)", "Page reading"),
    KeyCommand(("F",), "restore_reading", "Undo every flip (keeps --corrections's rows)",
               "Page reading"),
    KeyCommand(("w",), "save_corrections",
               "Save --corrections's rows and the flips as a corrections file", "Page reading"),
    KeyCommand(("e",), "export", "Export this comparison to a file", "Share", footer="export"),
    KeyCommand(("y",), "copy_edit", "Copy the current edit", "Share"),
    KeyCommand(("question_mark",), "help", "This help", "App", footer="help"),
    KeyCommand(("q",), "quit", "Quit", "App", footer="quit"),
)

# Keys outside the table that quit from the main view and from every dialog
# (`revdiff.tui.dialog`): each with what the help says of it, and what it says once a keymap gives
# the key to a command, which it then runs in the main view.
ANYWHERE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("ctrl+c", "Quit, from a dialog too (with text selected: copy it)",
     "Quit from a dialog (with text selected: copy it)"),
    ("ctrl+q", "Quit, from a dialog too", "Quit from a dialog"),
)

# The timeline's own keys (`revdiff.tui.timeline_screen`), as the help lists them: the keys shown
# and what they do. For the last, those that close it, the help names the keys that do, the ones
# that opened it among them (`TimelineScreen.closing_keys_shown`).
TIMELINE_KEYS: tuple[tuple[str, str], ...] = (
    ("Enter", "Compare the version with the previous one (the first with the next)"),
    ("m", "Mark a version (again: unmark it); Enter on another compares the two, the older first"),
    ("j k ↓ ↑", "Move through the versions"),
    ("PgDn PgUp", "Move a page through the versions"),  # the table's own keys
    # the table's own ctrl+Home and ctrl+End named in the description: in the keys they widened
    # the help's key column, taking the descriptions' room
    ("g G Home End", "First or last version (ctrl+Home and ctrl+End too)"),
    ("Esc q", "Close the timeline"),
)


def anywhere_keys(table: tuple[KeyCommand, ...] = KEY_TABLE) -> list[tuple[str, str]]:
    """The keys of ANYWHERE_KEYS and what they do with the keys of `table` in force: one that
    `table` gives a command other than quit quits from a dialog only (the help said it quit
    from the main view too, where it ran the command)."""
    given = {key for command in table if command.action != "quit" for key in command.keys}
    return [(key, from_dialog_only if key in given else everywhere)
            for key, everywhere, from_dialog_only in ANYWHERE_KEYS]


def with_keymap(keymap: dict[str, str], table: tuple[KeyCommand, ...] = KEY_TABLE) -> tuple[KeyCommand, ...]:
    """The table with the keys a user's keymap (command action -> "key1,key2") gives instead."""
    return tuple(replace(command, keys=tuple(keymap[command.action].split(",")))
                 if command.action in keymap else command for command in table)


def main_keys_shown(table: tuple[KeyCommand, ...] = KEY_TABLE) -> dict[str, str]:
    """Each command's action -> its first key as shown, for hints such as "n for the next"."""
    return {command.action: command.main_key_shown for command in table}


def commands_by_group(table: tuple[KeyCommand, ...] = KEY_TABLE) -> list[tuple[str, list[KeyCommand]]]:
    """The table's commands grouped for the help screen, groups in first-seen order."""
    groups: dict[str, list[KeyCommand]] = {}
    for command in table:
        groups.setdefault(command.group, []).append(command)
    return list(groups.items())


def markdown_table(table: tuple[KeyCommand, ...] = KEY_TABLE) -> str:
    """The table as Markdown, for docs/TUI.md (a test checks docs/TUI.md holds exactly this)."""
    lines = ["| group | keys | what they do | name in `[keys]` |", "|---|---|---|---|"]
    for group, commands in commands_by_group(table):
        for command in commands:
            keys = " ".join(f"`{key}`" for key in command.keys_shown.split(" "))
            lines.append(f"| {group} | {keys} | {command.description} | `{command.action}` |")
    return "\n".join(lines)
