"""The app's keys that show another pair of the article's versions: the next or previous pair
(`.`, `,`), past the boring ones while they are hidden, and the one picked in the timeline (`t`)."""

from __future__ import annotations

from revdiff.tui.app_host import AppHost
from revdiff.tui.notices import end_notice, fitting_notice
from revdiff.tui.timeline_screen import TimelineScreen


class PairActions:
    """The actions that step to another pair of versions, mixed into the app."""

    def _show_pair(self: AppHost) -> None:
        self.diff.scroll_home(animate=False, immediate=True)
        self.diff.current_edit = None
        self._relayout()

    def action_next_pair(self: AppHost) -> None:
        _step_pair(self, 1)

    def action_previous_pair(self: AppHost) -> None:
        _step_pair(self, -1)

    def action_timeline(self: AppHost) -> None:
        session = self.session
        self.background.when_compared(session.chain_pairs(), lambda: self._open_dialog(
            TimelineScreen(session.article.versions,
                           [session.words_of(index) for index in range(session.version_count)],
                           session.chain_summaries(), session.pair),
            lambda pair: _pick_pair(self, pair), toggled_by="timeline"), summaries=True)


def _step_pair(app: AppHost, step: int) -> None:
    if app.session.version_count < 3 and app.session.pair == (0, 1):
        app.notify(fitting_notice(("This article has only two versions", "Only two versions"),
                                  app.size.width), timeout=2)
        return

    session = app.session

    def boring(old: int, new: int) -> bool:
        return app.filters.hide_boring and session.pair_summary(old, new).boring

    def step_there() -> None:
        if session.step_pair(step, boring):
            app._show_pair()
        else:
            app.notify(_why_no_step(app, step), timeout=2, markup=False)

    if not app.filters.hide_boring:
        step_there()
        return
    # the pairs it may step over, compared up to the first that is not boring
    old_index = session.pair[1] if step > 0 else session.pair[0] - 1
    onward = range(old_index, session.version_count - 1) if step > 0 else \
        range(old_index, -1, -1)
    app.background.when_compared([(index, index + 1) for index in onward], step_there,
                                 until=lambda pair: not boring(*pair), summaries=True)


def _why_no_step(app: AppHost, step: int) -> str:
    """Why `.` (step 1) or `,` (-1) found no pair to go to: the chain ends there, the pair on
    screen (picked in the timeline) spans to the end, or every pair beyond it is boring; in
    one row of the notice (`Boring after (x)`, `No pair after v3` at 44 columns)."""
    session, (old, new) = app.session, app.session.pair
    ahead = new < session.version_count - 1 if step > 0 else old > 0
    beyond = "after" if step > 0 else "before"
    if ahead:  # there are pairs: boring ones, hidden
        key = app.key_of["toggle_hide_boring"]
        return fitting_notice((f"Every pair {beyond} this one is boring ({key} shows them)",
                               f"Every pair {beyond} is boring ({key})",
                               f"Boring {beyond} ({key})"), app.size.width)
    if new - old > 1:
        end = session.article.versions[new if step > 0 else old].number
        return fitting_notice((f"No pair {beyond} version {end}", f"No pair {beyond} v{end}"),
                              app.size.width)
    return end_notice("pair", step, app.size.width)


def _pick_pair(app: AppHost, pair: tuple[int, int] | None) -> None:
    if pair is not None and pair != app.session.pair:
        app.session.select_pair(*pair)
        app._show_pair()
