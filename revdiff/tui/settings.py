"""The user's settings for the terminal UI: a TOML file in the platform's config directory.

```toml
[view]
layout = "unified"        # "auto" (by terminal width), "side" or "unified"
sentences = "lines"       # "auto" or "lines", as `revdiff diff --sentences`
export_directory = "~/notes/diffs"

[keys]                    # command = "key" or "key1,key2"; command names as in the help (`?`)
next_change = "n,ctrl+n"
quit = "Q"

[colours]                 # a style name of the diff = a Rich style
old_word = "bold white on dark_red"
```

A missing file means the defaults. A file that cannot be read or holds an unknown name, a bad value
or a key bound twice is refused with one error line naming the file and what to fix. No Textual
import: the app applies the keys with Textual's `set_keymap`.
"""

from __future__ import annotations

import os
import sys
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from revdiff.errors import RevdiffError
from revdiff.tui.keys import KEY_TABLE, KeyCommand

CONFIG_ENV = "REVDIFF_CONFIG"  # a config file to use instead of the platform's
LAYOUTS = ("auto", "side", "unified")
SENTENCE_MODES = ("auto", "lines")
# Key names Textual gives characters that are not letters or digits, where they differ from the
# lower-case Unicode name (e.g. "?" is "question_mark" either way, but "/" is "slash").
_KEY_NAME_REPLACEMENTS = {"solidus": "slash", "reverse_solidus": "backslash",
                          "commercial_at": "at", "hyphen_minus": "minus", "plus_sign": "plus",
                          "low_line": "underscore"}


class ConfigError(RevdiffError):
    """The settings file cannot be read or holds something revdiff does not understand."""


@dataclass(frozen=True, slots=True)
class Settings:
    layout: str = "auto"
    sentences: str = "auto"
    export_directory: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)  # command action -> "key1,key2"
    colours: dict[str, str] = field(default_factory=dict)  # diff style name -> Rich style


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the settings live: $REVDIFF_CONFIG, else the platform's config directory
    ($XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS,
    %APPDATA% on Windows), in `revdiff/config.toml`."""
    if environ.get(CONFIG_ENV):
        return Path(environ[CONFIG_ENV]).expanduser()
    if sys.platform == "win32" and environ.get("APPDATA"):
        base = Path(environ["APPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "revdiff" / "config.toml"


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


def _string(section: dict[str, Any], name: str, where: str, choices: tuple[str, ...] | None = None,
            default: str = "") -> str:
    value = section.get(name, default)
    if not isinstance(value, str) or (choices and value not in choices):
        wanted = " or ".join(f'"{choice}"' for choice in choices) if choices else "a string"
        raise ConfigError(f"{where}.{name} must be {wanted}, not {value!r}", hint="fix the file")
    return value


def _unknown(section: dict[str, Any], known: set[str], where: str) -> None:
    extra = sorted(set(section) - known)
    if extra:
        raise ConfigError(f"unknown setting {where}.{extra[0]}",
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
                              hint="fix the file")
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
            raise ConfigError(f"colours.{name}: {error}", hint='write a Rich style, e.g. "bold red on black"') \
                from None
    return dict(section)


def parse_settings(text: str, style_names: set[str], table: tuple[KeyCommand, ...] = KEY_TABLE) -> Settings:
    """The settings a TOML text holds; `ConfigError` (without a file name) for anything wrong."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", hint="fix the file") from None
    _unknown(document, {"view", "keys", "colours"}, "file")
    sections = {}
    for name in ("view", "keys", "colours"):
        section = document.get(name, {})
        if not isinstance(section, dict):
            raise ConfigError(f"[{name}] must be a table of settings", hint="fix the file")
        sections[name] = section
    view = sections["view"]
    _unknown(view, {"layout", "sentences", "export_directory"}, "view")
    export_directory = _string(view, "export_directory", "view")
    return Settings(
        layout=_string(view, "layout", "view", LAYOUTS, "auto"),
        sentences=_string(view, "sentences", "view", SENTENCE_MODES, "auto"),
        export_directory=Path(export_directory).expanduser() if export_directory else None,
        keys=_keys(sections["keys"], table),
        colours=_colours(sections["colours"], style_names),
    )


def load_settings(path: Path | None = None) -> Settings:
    """The settings in `path` (default: `config_path()`); the defaults when it does not exist."""
    from revdiff.tui.styles import ROW_STYLES

    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the settings: {error}", str(path),
                          hint="fix or remove the file") from None
    try:
        return parse_settings(text, set(ROW_STYLES))
    except ConfigError as error:
        raise ConfigError(error.message, str(path), hint=error.hint) from None
