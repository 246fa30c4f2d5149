"""The app's search key (`/`): the search dialog over every version, and the pair and the change
that show the hit picked in it."""

from __future__ import annotations

from revdiff.formats.elision import compared_versions
from revdiff.tui.app_host import AppHost
from revdiff.tui.filters import FilterState
from revdiff.tui.search import SearchHit, edit_at, hit_pair
from revdiff.tui.search_screen import SearchScreen


class SearchActions:
    """The action of `/`, mixed into the app."""

    def action_search(self: AppHost) -> None:
        """Search on the last phrase searched, selected in the field: its hits listed to pick
        another, and what is typed starts another phrase."""
        # the versions as compared (a cut page's `[...]` left out), so that paragraphs agree
        dialog = SearchScreen(compared_versions(self.session.article), self._last_search)
        self._open_dialog(dialog, lambda hit: _jump_to_hit(self, dialog.phrase, hit))


def _jump_to_hit(app: AppHost, phrase: str, hit: SearchHit | None) -> None:
    app._last_search = phrase
    if hit is not None:
        pair = hit_pair(hit, app.session.version_count)
        app.background.when_compared([pair], lambda: _show_hit(app, hit, pair))


def _show_hit(app: AppHost, hit: SearchHit, pair: tuple[int, int]) -> None:
    session = app.session
    other_pair = pair != session.pair
    if other_pair:
        session.select_pair(*pair)
    side = "new" if hit.first_version == pair[1] else "old"
    edit = edit_at(session.comparison(), side, hit.paragraph, hit.offset)
    if other_pair or edit is None:  # no edit holds the title: the header shows it, above
        app.diff.scroll_home(animate=False, immediate=True)
    app.diff.rebuild()
    if edit is not None and edit not in app.diff.view_layout.first_row:
        app.filters = FilterState()
        app.notify("Filters cleared to show the hit", timeout=2)
    app._relayout(keep=edit)
