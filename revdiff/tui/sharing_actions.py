"""The app's keys that take the pair out of the app: the current edit to the clipboard (`y`) and
the comparison to a file (`e`, the export dialog)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from revdiff.export.pairs import pair_reading
from revdiff.export.records import ArticleRef, article_ref
from revdiff.terminal_text import visible, visible_lines
from revdiff.tui.app_host import AppHost
from revdiff.tui.export_screen import ExportChoice, ExportScreen
from revdiff.tui.exporting import (
    EXPORT_FORMATS,
    ExportedPair,
    ExportFormat,
    edit_as_text,
    exported_notice,
    write_export,
)
from revdiff.tui.notices import fitting_notice


class SharingActions:
    """The actions of `y` and `e`, mixed into the app."""

    def action_copy_edit(self: AppHost) -> None:
        current = self.diff.current_edit
        if current is None:
            key = self.key_of["next_change"]
            note = (fitting_notice((f"No edit selected: press {key} to go to a change",
                                    f"No edit selected: {key} goes to a change",
                                    f"{key} goes to a change"), self.size.width)
                    if self.diff.changes else self._no_change_shown())
            self.notify(note, timeout=2, markup=False)
            return
        comparison = self.session.comparison()
        edit = comparison.edits[current]
        self.copy_to_clipboard(visible_lines(edit_as_text(comparison, edit)))
        sentences = "sentence" if max(len(edit.old), len(edit.new)) <= 1 else "sentences"
        self.notify(fitting_notice((f"Copied the {edit.op.value} {sentences}",
                                    f"Copied: {edit.op.value}"), self.size.width), timeout=2)

    def _article_ref(self: AppHost) -> ArticleRef:
        """The article on screen as `revdiff diff` names and numbers it."""
        article = self.session.article
        name = self.article_names[self.article_index] if self.article_names else article.key
        return article_ref(self.article_index, article, name)

    def action_export(self: AppHost) -> None:
        self._open_dialog(ExportScreen(self.session.comparison(), self._article_ref().name,
                                       list(EXPORT_FORMATS), self.export_directory,
                                       _pair_writer(self), self.inputs, self.filters.describe(),
                                       self.export_directory_source),
                          lambda choice: _tell_exported(self, choice))


def _pair_writer(app: AppHost) -> Callable[[ExportFormat, Path], None]:
    """What writes the pair on screen, with how sure the reading of its versions is, to a
    file: the pair, its article and its name are taken here, on the app's loop, since the
    export dialog writes on a thread of its own."""
    article, comparison, ref = app.session.article, app.session.comparison(), app._article_ref()

    def write(export_format: ExportFormat, path: Path) -> None:
        write_export(ExportedPair(comparison, ref, pair_reading(article, comparison)),
                     export_format, path)
    return write


def _tell_exported(app: AppHost, choice: ExportChoice | None) -> None:
    if choice is None:
        return
    export_format, path = choice
    app.notify(exported_notice(export_format.name, visible(str(path)), app.size.width),
               timeout=4, markup=False)
