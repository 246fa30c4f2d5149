"""The user's settings for the terminal UI: a TOML file in the platform's config directory.

```toml
[view]
layout = "unified"        # "auto" (by the diff's width), "side" or "unified"
sentences = "lines"       # "auto" or "lines", as `revdiff diff --sentences`
export_directory = "~/notes/diffs"

[keys]                    # command = "key" or "key1,key2"; command names as in the help (`?`)
next_change = "n,ctrl+n"
quit = "Q"

[colours]                 # a style name of the diff = a Rich style
old_word = "bold white on dark_red"
```

A missing file means the defaults. A file that cannot be read or holds an unknown name, a bad value,
a key Textual never reports ("F1" for "f1") or a key bound twice is refused with one error line
naming the file and what to fix. No Textual import: the app applies the keys with Textual's
`set_keymap`.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from revdiff.errors import RevdiffError, os_reason
from revdiff.file_kinds import is_dev_null, special_kind
from revdiff.model import SENTENCE_MODES
from revdiff.terminal_text import visible
from revdiff.tui.keys import (
    KEY_NAME_ALIASES,
    KEY_TABLE,
    MODIFIERS,
    NAMED_KEYS,
    PUNCTUATION_KEYS,
    KeyCommand,
    character_named,
    key_name,
)

CONFIG_ENV = "REVDIFF_CONFIG"  # a config file to use instead of the platform's
LAYOUTS = ("auto", "side", "unified")
_KEY_HINT = ('write a character ("n", "N", "?") or a key name such as "ctrl+n", "pagedown" or '
             f'"f1" (modifiers: {", ".join(MODIFIERS)}, in that order)')


class ConfigError(RevdiffError):
    """The settings file cannot be read or holds something revdiff does not understand."""


@dataclass(frozen=True, slots=True)
class Settings:
    layout: str = "auto"
    sentences: str = "auto"
    export_directory: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)  # command action -> "key1,key2"
    colours: dict[str, str] = field(default_factory=dict)  # diff style name -> Rich style
    source: Path | None = None  # the file they were read from, for messages that name a setting


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the settings live: $REVDIFF_CONFIG, else the platform's config directory
    ($XDG_CONFIG_HOME where it is absolute, else ~/.config, on Linux; ~/Library/Application
    Support on macOS, %APPDATA% on Windows), in `revdiff/config.toml`."""
    if environ.get(CONFIG_ENV):
        return _home_expanded(environ[CONFIG_ENV], CONFIG_ENV)
    if sys.platform == "win32" and environ.get("APPDATA"):
        base = Path(environ["APPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:  # a relative $XDG_CONFIG_HOME is ignored, as the XDG spec says (not the working folder's)
        xdg = Path(environ.get("XDG_CONFIG_HOME") or "")
        base = xdg if xdg.is_absolute() else Path.home() / ".config"
    return base / "revdiff" / "config.toml"


def _home_expanded(name: str, setting: str) -> Path:
    """`name` with a leading `~` or `~user` made that home folder; refused when there is none."""
    path = Path(name)
    try:
        return path.expanduser()
    except RuntimeError:  # `~user` of no user, or `~` with neither $HOME nor an account
        raise ConfigError(f"{setting}: cannot tell which home folder {visible(path.parts[0])} is",
                          hint="write the folder in full") from None


def _is_character_name(name: str) -> bool:
    """Whether Textual names a character `name` ("question_mark", "slash", "section_sign")."""
    character = character_named(name)
    return name in PUNCTUATION_KEYS or (character is not None and key_name(character) == name)


def is_key(key: str) -> bool:
    """Whether Textual reports a key press as `key` (a key as `key_name` gives it), so that a
    binding to it can ever run: "n", "N", "ctrl+n", "f1", "question_mark"; not "F1", "ctrl+nope"."""
    *modifiers, base = key.split("+")
    if modifiers != sorted(set(modifiers)) or not set(modifiers) <= set(MODIFIERS):
        return False
    if len(base) == 1:
        return base.isalnum() and not (modifiers and base.isupper())
    return base in NAMED_KEYS or _is_character_name(base)


def _corrected_key(key: str) -> str:
    """`key` as Textual names the key it probably means: modifiers in lower case and in Textual's
    order, "F1" as "f1", "PgDn" as "pagedown", "ctrl+?" as "ctrl+question_mark"."""
    *modifiers, base = key.split("+")
    if len(base) == 1:
        base = base.lower() if modifiers and base.isalpha() else key_name(base)
    else:
        base = KEY_NAME_ALIASES.get(base.lower(), base.lower())
        character = None if base in NAMED_KEYS else character_named(base)
        if character is not None:
            base = key_name(character)
    return "+".join([*sorted({modifier.lower() for modifier in modifiers}), base])


def _string(section: dict[str, Any], name: str, where: str, choices: tuple[str, ...] | None = None,
            default: str = "") -> str:
    value = section.get(name, default)
    if not isinstance(value, str) or (choices and value not in choices):
        wanted = " or ".join(f'"{choice}"' for choice in choices) if choices else "a string"
        raise ConfigError(f"{where}.{name} must be {wanted}, not {value!r}", hint="fix the file")
    return value


# A name TOML lets a file write without quotes.
_BARE_NAME = re.compile(r"[A-Za-z0-9_-]+")


def _unknown(section: dict[str, Any], known: set[str], where: str | None) -> None:
    """Refuse a name `section` holds that is not `known`: a setting of table `where`, or with no
    `where` a section of the file (`[keymap]`)."""
    extra = sorted(set(section) - known)
    if extra:
        # a quoted TOML name may hold anything, a line end too: shown quoted unless bare
        name = extra[0] if _BARE_NAME.fullmatch(extra[0]) else repr(extra[0])
        raise ConfigError(f"unknown setting {where}.{name}" if where else f"unknown section {name}",
                          hint=f"known: {', '.join(sorted(known))}")


def _keys(section: dict[str, Any], table: tuple[KeyCommand, ...]) -> dict[str, str]:
    commands = {command.action: command for command in table}
    _unknown(section, set(commands), "keys")
    keymap: dict[str, str] = {}
    for action in section:
        value = _string(section, action, "keys")
        keys = [key_name(key) for key in value.split(",")]
        if not all(keys):
            raise ConfigError(f'keys.{action} must name keys, e.g. "n" or "n,ctrl+n", not {value!r}',
                              hint='fix the file; a comma separates keys, spaces around them are '
                                   'left out: the comma key is written "comma", the space key "space"')
        for key in keys:
            if not is_key(key):
                corrected = _corrected_key(key)
                raise ConfigError(f"keys.{action}: {key!r} is no key",
                                  hint=f'write "{corrected}"' if is_key(corrected) else _KEY_HINT)
        if len(set(keys)) < len(keys):
            twice = next(key for key in keys if keys.count(key) > 1)
            raise ConfigError(f"keys.{action} gives the key {twice!r} twice", hint="fix the file")
        keymap[action] = ",".join(keys)
    bound: dict[str, str] = {}
    for command in table:
        for key in keymap[command.action].split(",") if command.action in keymap else command.keys:
            if key in bound:
                raise ConfigError(f"key {key!r} is bound to both {bound[key]} and {command.action}",
                                  hint="give one of them another key in [keys]")
            bound[key] = command.action
    return keymap


def _colours(section: dict[str, Any], style_names: set[str]) -> dict[str, str]:
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    _unknown(section, style_names, "colours")
    for name in section:
        value = _string(section, name, "colours")
        try:
            Style.parse(value)
        except StyleSyntaxError as error:
            raise ConfigError(f"colours.{name}: {error}",
                              hint='write a Rich style, e.g. "bold red on black"') from None
    return dict(section)


# A key of many dotted parts (`a.a.a... = 1`) takes tomllib memory in the square of their number
# (4,000 parts, 8 kB of file: 64 MB; the 1 MB a settings file may hold: terabytes). A setting is
# named by two parts at most (`view.layout = "side"`), so a longer key is refused unread.
_MOST_KEY_PARTS = 16
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_LONG_DOTTED_KEY = re.compile(
    rf"^[ \t]*{_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART}){{{_MOST_KEY_PARTS},}}", re.MULTILINE)


def parse_settings(text: str, style_names: set[str], table: tuple[KeyCommand, ...] = KEY_TABLE) -> Settings:
    """The settings a TOML text holds; `ConfigError` (without a file name) for anything wrong."""
    long_key = _LONG_DOTTED_KEY.search(text)
    if long_key:
        line = text.count("\n", 0, long_key.start()) + 1
        raise ConfigError(f"line {line}: a key of more than {_MOST_KEY_PARTS} dotted parts is no "
                          "setting", hint='a setting is named by two, e.g. view.layout = "side"')
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", hint="fix the file") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise ConfigError("not valid TOML: arrays or tables nested deeper than Python reads",
                          hint="fix the file") from None
    _unknown(document, {"view", "keys", "colours"}, None)
    sections = {}
    for name in ("view", "keys", "colours"):
        section = document.get(name, {})
        if not isinstance(section, dict):
            raise ConfigError(f"[{name}] must be a table of settings", hint="fix the file")
        sections[name] = section
    view = sections["view"]
    _unknown(view, {"layout", "sentences", "export_directory"}, "view")
    export_directory = _string(view, "export_directory", "view")
    if export_directory and visible(export_directory) != export_directory:
        # the export's file name field shows the folder as it is: an escape in it reached the
        # terminal (set its title, wrote over the screen)
        raise ConfigError(f"view.export_directory {export_directory!r} holds a control character",
                          hint="name a folder without one")
    export_folder = (_home_expanded(export_directory, "view.export_directory")
                     if export_directory else None)
    if export_folder is not None and not export_folder.is_absolute():
        # the export joined a name typed in the dialog to it once more (`notes/notes/x.txt`)
        raise ConfigError(f"view.export_directory {export_directory!r} is no full path",
                          hint='write it from / or ~, e.g. "~/notes"')
    return Settings(
        layout=_string(view, "layout", "view", LAYOUTS, "auto"),
        sentences=_string(view, "sentences", "view", SENTENCE_MODES, "auto"),
        export_directory=export_folder,
        keys=_keys(sections["keys"], table),
        colours=_colours(sections["colours"], style_names),
    )


# A settings file is a few lines; a larger one is no settings file.
_MAX_SETTINGS_BYTES = 1 << 20


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (default: `config_path()`); the defaults when it does not exist,
    unless $REVDIFF_CONFIG names it: a mistyped name would leave the user's settings unread."""
    from revdiff.tui.styles import ROW_STYLES

    named_by_environment = path is None and bool(os.environ.get(CONFIG_ENV))
    path = path or config_path()
    try:
        mode = os.stat(path)
        if stat.S_ISCHR(mode.st_mode) and is_dev_null(path):  # the way to ask for no settings
            return Settings()
        if not stat.S_ISREG(mode.st_mode):  # a FIFO waits forever, /dev/zero never ends
            raise ConfigError(f"the settings file is {special_kind(mode.st_mode)}, not a "
                              "regular file", str(path),
                              hint=f"name a TOML file with {CONFIG_ENV}, or remove it")
        if mode.st_size > _MAX_SETTINGS_BYTES:
            raise ConfigError(f"the settings file is {mode.st_size:,} bytes, too large for "
                              f"settings", str(path), hint="name the TOML settings file")
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):  # a file on its path: no such file either
        if named_by_environment:
            raise ConfigError(f"the settings file {CONFIG_ENV} names does not exist", str(path),
                              hint=f"check the path, or unset {CONFIG_ENV} to use the platform's "
                                   f"settings file") from None
        return Settings()
    except UnicodeDecodeError as error:
        bad_byte = error.object[error.start]
        raise ConfigError(f"the settings file is not UTF-8 text (byte 0x{bad_byte:02x} at offset "
                          f"{error.start:,})", str(path),
                          hint="save it as UTF-8, as TOML files are") from None
    except OSError as error:
        raise ConfigError(f"cannot read the settings file ({os_reason(error)})", str(path),
                          hint="fix or remove the file") from None
    try:
        settings = parse_settings(text, set(ROW_STYLES))
    except ConfigError as error:
        raise ConfigError(error.message, str(path), hint=error.hint) from None
    return dataclasses.replace(settings, source=path)
