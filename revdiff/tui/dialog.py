"""What every dialog (help, timeline, search, export, article list) shares: Ctrl+C and Ctrl+Q quit
the app from it, as they do from the main view.

The app keeps the main view's keys out of a dialog (`RevdiffApp.check_action`), its quit command
with them, since `q` closes some dialogs and is typed in others; Textual's own Ctrl+C only says how
to quit, and a dialog never reaches it. So a dialog binds the two keys itself.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

DialogResult = TypeVar("DialogResult")


class Dialog(ModalScreen[DialogResult]):
    """A modal screen over the diff that Ctrl+C and Ctrl+Q can leave by quitting the app."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # In place of the screen's Ctrl+C, which copies the selection and does nothing without one.
        # A text field copies its own selection first: it is nearer the focus.
        Binding("ctrl+c", "copy_or_quit", "Quit", show=False),
        Binding("ctrl+q", "quit_app", "Quit", show=False),
    ]

    # Keys the dialog binds beside others that do the same (`j` beside ↓): when one of them opened
    # the dialog (`help = "j"`), it closes it instead.
    SPARE_KEYS: ClassVar[frozenset[str]] = frozenset()

    _answered = False
    closing_keys: tuple[str, ...] = ()  # the keys of the command that opened it (the app sets them)

    def on_key(self, event: events.Key) -> None:
        """The key that opened the dialog closes it, whichever key the keymap gave its command
        (the letters were bound here, so `t` closed the timeline that F2 had opened), unless the
        dialog needs it itself: with the timeline on Enter, Enter still compares the pair chosen,
        but with the help on `j`, `j` closes the help (↓ scrolls it). (A dialog's bindings stop
        at it: the main view's, the keymap's among them, are not in.)"""
        if event.key in self.closing_keys and (event.key in self.SPARE_KEYS
                                               or event.key not in self.active_bindings):
            event.stop()
            self.dismiss()

    def dismiss(self, result: DialogResult | None = None) -> AwaitComplete:
        """Close the dialog with `result`, once. A key that comes again before the dialog has
        closed (Enter, Enter typed fast, or a key repeating) asked again, and Textual, finding
        the dialog off the stack of screens, stopped the app with a traceback."""
        if self._answered:
            return AwaitComplete.nothing()
        self._answered = True
        return super().dismiss(result)

    def action_copy_or_quit(self) -> None:
        """Copy the text selected with the mouse, if any, as Textual does; else quit."""
        selected = self.get_selected_text()
        if selected:
            self.app.copy_to_clipboard(selected)
        else:
            self.app.exit()

    def action_quit_app(self) -> None:
        self.app.exit()
