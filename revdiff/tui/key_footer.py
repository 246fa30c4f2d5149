"""The app's footer of key hints, which keeps `? help` and `q quit` when its hints do not fit."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer that, when its hints do not fit, hides those of `optional` (in that order)
    rather than letting the last ones, `? help` and `q quit`, fall off its end; its hints in the
    order of `order`, whatever keys a keymap gave the commands."""

    def __init__(self, optional: tuple[str, ...], order: tuple[str, ...]) -> None:
        super().__init__()
        self.optional = optional  # actions whose hints may go, the first first
        self.order = order  # actions in the order their hints are shown

    def compose(self) -> ComposeResult:
        """Textual's hints, sorted: it shows them in the order their keys were bound, and a keymap
        binds its keys after the others (`q quit  N next` with `next_change = "N"`)."""
        place = {action: index for index, action in enumerate(self.order)}
        yield from sorted(super().compose(),
                          key=lambda hint: place.get(getattr(hint, "action", ""), len(place)))

    async def recompose(self) -> None:
        await super().recompose()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        hints = list(self.query("FooterKey"))  # Textual's class for a hint is not public
        for hint in hints:
            hint.display = True
        width = sum(hint_width(hint) for hint in hints)
        for action in self.optional:
            for hint in hints:
                if width > self.size.width and getattr(hint, "action", None) == action:
                    hint.display = False
                    width -= hint_width(hint)


def hint_width(hint: Widget) -> int:
    """The cells a footer hint takes: its key and its label, a space on each side of the key and
    one after the label."""
    return cell_len(str(getattr(hint, "key_display", ""))) \
        + cell_len(str(getattr(hint, "description", ""))) + 3
