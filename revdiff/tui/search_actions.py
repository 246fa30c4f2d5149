"""The app's search key (`/`): the search dialog over every version, and the pair and the change
that show the hit picked in it."""

from __future__ import annotations

from revdiff.formats.elision import compared_versions
from revdiff.model import Version
from revdiff.tui.app_host import AppHost
from revdiff.tui.filters import FilterState
from revdiff.tui.notices import ROWS_BELOW_NOTICES, notice_height, search_hit_notice
from revdiff.tui.search import LastSearch, SearchHit, edit_at, hit_pair, offset_in_edit
from revdiff.tui.search_screen import SearchScreen


class SearchActions:
    """The action of `/`, mixed into the app."""

    _last_search = LastSearch()  # what the search dialog held when it last closed

    def action_search(self: AppHost) -> None:
        """Search on the last phrase searched, selected in the field: its hits listed to pick
        another, and what is typed starts another phrase."""
        # the versions as compared (a cut page's `[...]` left out), so that paragraphs agree
        dialog = SearchScreen(compared_versions(self.session.article), self._last_search.phrase,
                              self._last_search.opened)
        self._open_dialog(dialog, lambda hit: _jump_to_hit(self, dialog, hit))


def _jump_to_hit(app: AppHost, dialog: SearchScreen, hit: SearchHit | None) -> None:
    app._last_search = LastSearch(dialog.phrase, hit or app._last_search.opened)
    if hit is not None:
        pair = hit_pair(hit, app.session.version_count)
        place = (dialog.hits.index(hit) + 1, len(dialog.hits))
        app.background.when_compared(
            [pair], lambda: _show_hit(app, hit, pair, dialog.versions, place))


def _show_hit(app: AppHost, hit: SearchHit, pair: tuple[int, int],
              versions: tuple[Version, ...], place: tuple[int, int]) -> None:
    """Show the pair that shows the hit arriving, the cursor on the sentence that holds it and
    the phrase on screen, and say which place of the search's it is; one no sentence holds (a
    title's) is shown in the notice, the view at its top, under the header's title."""
    session = app.session
    other_pair = pair != session.pair
    if other_pair:
        session.select_pair(*pair)
    side = "new" if hit.first_version == pair[1] else "old"
    edit = edit_at(session.comparison(), side, hit.paragraph, hit.offset)
    if other_pair or edit is None:
        app.diff.scroll_home(animate=False, immediate=True)
    app.diff.rebuild()
    filters_cleared = edit is not None and edit not in app.diff.view_layout.first_row
    if filters_cleared:
        app.filters = FilterState()
    app._relayout(keep=edit)
    notice = search_hit_notice(hit, versions, place, at_cursor=edit is not None,
                               filters_cleared=filters_cleared, terminal_width=app.size.width)
    if edit is not None:
        _scroll_to_phrase(app, hit, side, edit, notice)
    app.notify(notice, markup=False)


def _scroll_to_phrase(app: AppHost, hit: SearchHit, side: str, edit: int, notice: str) -> None:
    """Bring the hit's phrase on screen, which in a sentence longer than the screen may be below
    its first row, where the cursor put the view, and above the `notice` that names it, which
    covers the diff's last rows on screen."""
    start = offset_in_edit(app.session.comparison(), side, edit, hit.paragraph, hit.offset)
    if start is not None:
        size = app.size
        notice_top = size.height - ROWS_BELOW_NOTICES - notice_height(notice, size.width)
        covered = max(0, app.diff.scrollable_content_region.bottom - notice_top)
        app.diff.scroll_to_text(edit, side, start, start + hit.length, covered=covered)
