"""The app's keys for a pair read from flattened diff pages: the next unsure row (`u`), flipping
a row's reading (`f`), undoing the flips (`F`) and saving the corrections
read with `--corrections` and the flips as a corrections file (`w`)."""

from __future__ import annotations

import os
from pathlib import Path

from revdiff.corrections_file import (
    BadCorrection,
    CorrectionsFileTooLarge,
    corrections_file_text,
    corrections_text,
    other_articles_lines,
)
from revdiff.errors import MalformedPage, os_reason
from revdiff.export.atomic_write import write_text_atomically
from revdiff.export.slugs import article_slug
from revdiff.size_limit import size_at_least
from revdiff.terminal_text import visible
from revdiff.tui.app_host import AppHost
from revdiff.tui.exporting import exported_notice
from revdiff.tui.flip_elsewhere import flip_elsewhere_wordings
from revdiff.tui.notices import fitting_notice

# What `f`, `F` and `w` say on a pair that no column splitter read (plain versions, a tracker's),
# longest first (`fitting_notice`)
NOT_READ_FROM_A_PAGE = ("This pair was not read from a flattened diff page",
                        "Not read from a diff page", "Read from no page")


class PageActions:
    """The actions of `u`, `f`, `F` and `w`, mixed into the app."""

    corrections_replace_asked: tuple[Path, int] | None  # set by the app, as `AppHost` says

    def action_next_unsure(self: AppHost) -> None:
        unsure = self.session.unsure()
        layout = self.diff.view_layout
        comparison = self.session.comparison()
        start = layout.first_row.get(self.diff.current_edit, -1) if self.diff.current_edit is not None \
            else self.diff.top_row - 1
        candidates = sorted((row, edit) for edit, row in layout.first_row.items()
                            if unsure.touches(comparison.edits[edit]))
        # the next page row (a paragraph where no page compares the pair), past the other
        # sentences of the one under the cursor
        def place_of(edit: int) -> object:
            return self.session.unsure_place(comparison.edits[edit], unsure)

        current_place = place_of(self.diff.current_edit) if self.diff.current_edit is not None \
            else None
        following = [edit for row, edit in candidates
                     if row > start and place_of(edit) != current_place]
        if not candidates:
            hidden = any(unsure.touches(edit) for edit in comparison.edits)
            wordings = ((f"No unsure rows shown with these filters ({self.filters.describe()})",
                         "These filters hide every unsure row", "Filters hide unsure rows",
                         "Unsure rows hidden") if hidden
                        else ("No unsure rows in this pair", "No unsure rows"))
            self.notify(fitting_notice(wordings, self.size.width), timeout=2, markup=False)
            return
        if not following:  # no key steps back, so it goes round; `n` says it is at the end too
            self.notify(fitting_notice(("That was the last unsure row: back to the first",
                                        "Back to the first unsure row", "First unsure row"),
                                       self.size.width), timeout=1.5, markup=False)
        self.diff.set_current(following[0] if following else candidates[0][1])
        self._refresh_status()

    def action_flip_row(self: AppHost) -> None:
        current = self.diff.current_edit
        if self.session.page() is None:
            pages = self.session.pages_of_versions()
            least_sure = self.session.unsure_page_row(self.session.comparison().edits[current]) \
                if current is not None else None
            wordings = flip_elsewhere_wordings(pages, least_sure) if pages \
                else NOT_READ_FROM_A_PAGE
            self.notify(fitting_notice(wordings, self.size.width), timeout=3, markup=False)
            return
        if current is None:
            self.notify(_no_row_chosen(self), timeout=2, markup=False)
            return
        row = self.session.row_of_edit(self.session.comparison().edits[current])
        if row is None:
            _say_not_read_from_a_page(self)
            return
        line = row.line
        self.background.read_again(lambda: self.session.flip(row),
                                   lambda: _after_reading_changed(self, line),
                                   lambda error: _say_flip_refused(self, line, error))

    def action_restore_reading(self: AppHost) -> None:
        if not self.session.article.pages:  # no splitter read it: no reading to go back to
            _say_not_read_from_a_page(self)
            return
        if not self.session.flips:
            if self.session.corrections:  # 56 cells at most: the widest notice's one row
                wordings = ("No row was flipped: the reading with the corrections",
                            "No flip: the corrections' reading", "No row was flipped")
            else:
                wordings = ("No row was flipped: this is the splitter's own reading",
                            "No flip: the splitter's own reading", "No row was flipped")
            self.notify(fitting_notice(wordings, self.size.width), timeout=2, markup=False)
            return
        current = self.diff.current_edit
        row = self.session.row_of_edit(self.session.comparison().edits[current]) \
            if current is not None else None
        line = row.line if row is not None else None
        self.background.read_again(self.session.undo_flips,
                                   lambda: _after_reading_changed(self, line),
                                   lambda error: self.notify(
                                       f"Cannot undo the flips: {visible(str(error))}",
                                       severity="error", markup=False))

    def action_save_corrections(self: AppHost) -> None:
        """Write the article's corrections (`--corrections`'s, then the flips) to
        `<article>-corrections.jsonl` in the export folder, which `--corrections` reads them back
        from. In the file `--corrections` named, only the article's own lines are rewritten: the
        other articles' corrections it holds are kept. A file there that is neither the one
        `--corrections` named nor one this run wrote is replaced only on a second press right
        after the first: any other key or click in between asks again, as typing does in the
        export dialog."""
        saved = self.session.saved_corrections()
        if not saved:
            key = self.key_of["flip_row"]
            wordings = (f"No row was flipped: nothing to save ({key} flips the current row)",
                        f"Nothing to save: {key} flips a row", "No flip to save")
            self.notify(fitting_notice(wordings, self.size.width)
                        if self.session.article.pages
                        else fitting_notice(NOT_READ_FROM_A_PAGE, self.size.width),
                        timeout=2, markup=False)
            return
        article = self._article_ref()
        path = self.export_directory / f"{article_slug(article.name)}-corrections.jsonl"
        if os.path.lexists(path) and not _replaceable(self, path, article.index) \
                and self.corrections_replace_asked != (path, self.presses - 1):
            self.corrections_replace_asked = (path, self.presses)
            whose = ("holds another article's corrections, saved by this app"
                     if path in self.corrections_saved
                     else "is in the export folder, and this app did not read or write it")
            self.notify(f"{visible(path.name)} {whose}: "
                        f"{self.key_of['save_corrections']} again replaces it", severity="warning",
                        timeout=6, markup=False)
            return
        kept: list[str] = []
        if _started_with(self, path):  # it may hold other articles' corrections, joined
            pages = {page.name for page in self.session.article.pages}
            try:
                kept = other_articles_lines(corrections_file_text(str(path), self.max_bytes),
                                            str(path), self.articles, pages)
            except BadCorrection as error:
                why = (f"it is {error.size:,} bytes, over this run's --max-size of "
                       f"{self.max_bytes:,} bytes. Quit ({self.key_of['quit']}) and start again "
                       f"with --max-size {size_at_least(error.size)}, or move the file aside "
                       f"and press {self.key_of['save_corrections']} again"
                       if isinstance(error, CorrectionsFileTooLarge) else visible(str(error)))
                self.notify(f"Could not read {visible(str(path))} again to keep the other "
                            f"articles' corrections it holds, so nothing was written: {why}",
                            severity="error", markup=False)
                return
        try:
            write_text_atomically(path, corrections_text(saved, kept))
        except OSError as error:
            self.notify(f"Could not write {visible(str(path))}: {os_reason(error)}",
                        severity="error", markup=False)
            return
        self.corrections_saved[path] = article.index
        self.corrections_replace_asked = None
        self.notify(exported_notice("the corrections", visible(str(path)), self.size.width),
                    timeout=4, markup=False)


def _replaceable(app: AppHost, path: Path, article: int) -> bool:
    """Whether `w` replaces the corrections file at `path` of the article numbered `article`
    without asking: the file the app was started with (`view --corrections`), or one `w` wrote
    in this run for that article (another article's name may give the same file name)."""
    if path in app.corrections_saved:
        return app.corrections_saved[path] == article
    return _started_with(app, path)


def _started_with(app: AppHost, path: Path) -> bool:
    """Whether `path` is the corrections file the app was started with (`view --corrections`)."""
    try:
        return app.corrections_file is not None and os.path.samefile(path, app.corrections_file)
    except OSError:  # the file read at the start is gone, or `path` is not there yet
        return False


def _no_row_chosen(app: AppHost) -> str:
    """What `f` says with no row under the cursor: the keys that move to one that is shown (`n`
    to a change, `u` to an unsure row, which context may show when the filters hide every
    change), in fewer words where the notice is too narrow (it wrapped to two rows at 80 columns);
    with none shown, why (`_no_change_shown`: the filters' keys)."""
    layout, comparison = app.diff.view_layout, app.session.comparison()
    unsure = app.session.unsure()
    unsure_shown = any(unsure.touches(comparison.edits[edit]) for edit in layout.first_row)
    unsure_key, change_key = app.key_of["next_unsure"], app.key_of["next_change"]
    if app.diff.changes:
        next_unsure = f"{unsure_key} for the next unsure row"
        return fitting_notice((f"Move to a row first ({change_key}, or {next_unsure})",
                               f"Move to a row first ({change_key} or {unsure_key})",
                               f"Go to a row: {change_key}, {unsure_key}"), app.size.width)
    if not unsure_shown:
        return app._no_change_shown()
    return fitting_notice((f"Move to a row first ({unsure_key} for the next unsure row)",
                           f"Move to an unsure row first ({unsure_key})",
                           f"Go to a row: {unsure_key}"), app.size.width)


def _say_not_read_from_a_page(app: AppHost) -> None:
    app.notify(fitting_notice(NOT_READ_FROM_A_PAGE, app.size.width), timeout=2, markup=False)


def _say_flip_refused(app: AppHost, line: int, error: Exception) -> None:
    if isinstance(error, MalformedPage):
        # no other reading of its gap fits: what fixes the gap's other rows is either an
        # earlier flip or, with none, the article's other pages (its neighbours, its HTML)
        cause = (f"an earlier flip or the article's other pages fix its gap "
                 f"({app.key_of['restore_reading']} undoes flips)"
                 if app.session.flips else "the article's other pages decide it")
        app.notify(f"Line {line} cannot be read otherwise: {cause}", severity="warning",
                   markup=False)
        return
    app.notify(f"Cannot flip this row: {visible(str(error))}", severity="error", markup=False)


def _after_reading_changed(app: AppHost, line: int | None) -> None:
    """Lay the new reading out, the cursor back on page line `line`, and say how it reads."""
    keep = next((index for index, edit in enumerate(app.session.comparison().edits)
                 if (found := app.session.row_of_edit(edit)) is not None
                 and found.line == line), None)
    app._relayout(keep=keep)
    new_row = app.session.row_of_edit(app.session.comparison().edits[keep]) \
        if keep is not None else None
    if new_row is None:
        app.notify("The comparison was computed again", timeout=3, markup=False)
        return
    number, count = app.session.reading_number(new_row)
    whose = ("your choice" if app.session.is_flipped(new_row) else
             "the corrections file's" if app.session.is_corrected(new_row) else "the splitter's own")
    # a row whose new reading the filters hide can only be flipped again once they show it
    hidden = "" if keep in app.diff.view_layout.first_row \
        else f"; hidden by the filter ({app.filters.describe()})"
    app.notify(f"Page line {new_row.line}: reading {number} of {count}, "
               f"{new_row.kind.value} ({whose}){hidden}", timeout=3, markup=False)
