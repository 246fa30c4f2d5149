"""The key table is the single source of the bindings, the footer and the help screen."""

from __future__ import annotations

from pathlib import Path

from revdiff.tui.app import RevdiffApp, bindings_from_table
from revdiff.tui.help_screen import help_table
from revdiff.tui.keys import KEY_TABLE, commands_by_group, markdown_table

REQUIRED_KEYS = {"n", "p", "right_square_bracket", "left_square_bracket", "j", "k", "down", "up",
                 "space", "b", "g", "G", "full_stop", "comma", "t", "s", "slash", "e", "y", "f",
                 "question_mark", "q", "h", "l", "x", "i"}


def test_every_command_has_an_action_on_the_app() -> None:
    for command in KEY_TABLE:
        assert callable(getattr(RevdiffApp, f"action_{command.action}", None)), command.action


def test_no_key_is_bound_twice_and_the_issue_keys_are_all_there() -> None:
    keys = [key for command in KEY_TABLE for key in command.keys]
    assert len(keys) == len(set(keys))
    assert REQUIRED_KEYS <= set(keys)


def test_app_bindings_come_from_the_table() -> None:
    bindings = bindings_from_table(KEY_TABLE)
    assert [(b.key, b.action) for b in RevdiffApp.BINDINGS] == [(b.key, b.action) for b in bindings]
    shown = [b.action for b in bindings if b.show]
    assert shown == [c.action for c in KEY_TABLE if c.footer]


def test_help_groups_cover_the_table() -> None:
    grouped = [command for _, commands in commands_by_group() for command in commands]
    assert grouped == list(KEY_TABLE)
    assert help_table().row_count == len(KEY_TABLE) + 2 * len(commands_by_group())


def test_the_readme_key_table_is_the_key_table() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme
