"""Textual's side of the key table (`keys.py`): its bindings, how the footer writes their keys, and
which of the main view's commands answer while the pair is compared or could not be."""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import format_key

from revdiff.tui.keys import KEY_NAMES_SHOWN, KEY_TABLE, KeyCommand

TABLE_ACTIONS = frozenset(command.action for command in KEY_TABLE)
ANSWERED_WHILE_COMPARING = frozenset({"help", "quit"})
# and those that show another pair or article, while the pair on screen has no comparison (comparing
# it failed): the others compared it again on the app's own loop, and failed there
ANSWERED_WITHOUT_A_COMPARISON = ANSWERED_WHILE_COMPARING | {
    "next_pair", "previous_pair", "next_article", "previous_article", "articles", "timeline"}


def bindings_from_table(table: tuple[KeyCommand, ...]) -> list[Binding]:
    """One Textual binding per command, its id the command's action, so that a keymap
    (`App.set_keymap`) can give it other keys; the footer shows the first key (`key_display`).

    Priority bindings, so that a key given to a command wins over the keys Textual's screen binds
    (Ctrl+C copies a selection, Tab moves the focus): without it such a key left the footer, and
    Tab did not run the command. `answers` keeps them out of the dialogs."""
    return [
        Binding(",".join(command.keys), command.action, command.footer or command.description,
                show=command.footer is not None, id=command.action, priority=True)
        for command in table
    ]


def key_display(key: str) -> str:
    """A key in the footer as the help and the hints write it (`ctrl+f`, `PgDn`, `Esc`), where
    Textual wrote `^f`, `pgdn`, `esc`; a key those names leave out as Textual writes it, a
    character by itself (`!`, `+`), not by its name (`exclamation_mark`, `plus`)."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, KEY_NAMES_SHOWN.get(name) or format_key(name)])


def answers(action: str, *, comparing: bool, comparison_failed: bool, dialog_open: bool) -> bool:
    """Whether the app runs `action`: the keys of the main view do nothing while a dialog is open,
    only help and quit answer while the pair is compared, and only they and the keys that show
    another pair or article while the pair has no comparison (the status line says which)."""
    if comparing:
        answering = ANSWERED_WHILE_COMPARING
    elif comparison_failed:
        answering = ANSWERED_WITHOUT_A_COMPARISON
    else:
        answering = TABLE_ACTIONS
    if action in TABLE_ACTIONS - answering:
        return False
    return not (action in TABLE_ACTIONS and dialog_open)
