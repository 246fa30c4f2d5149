"""The app's keys that move over the diff: to the next or previous change (`n`, `p`), a line or a
page down or up, to the top or the bottom; and why there is no change to go to."""

from __future__ import annotations

from revdiff.model import EditOp
from revdiff.tui.app_host import AppHost
from revdiff.tui.notices import end_notice, fitting_notice


class CursorActions:
    """The actions that move the cursor or the screen over the diff, mixed into the app."""

    def _no_change_shown(self: AppHost) -> str:
        """Why there is no change to go to: the pair has none, or the filters hide every one, and
        then the keys of those in force that hide changes (the label's, the flag's, `x`), in
        one row of the notice where a shorter wording fits (`Filtered: press l` at 44 columns)."""
        if not any(edit.op is not EditOp.UNCHANGED for edit in self.session.comparison().edits):
            return "No changes in this pair"
        # never none of these keys: with no label, flag or `x` filter on, the layout (made of this
        # comparison with these filters, `_start_layout`) highlights every change, and the keys
        # that step to one do not answer while the pair has no layout (`check_action`)
        filters = self.filters
        keys = [self.key_of[action] for action, hiding in
                (("cycle_label", filters.only is not None),
                 ("cycle_flag", filters.only_flag is not None),
                 ("toggle_hide_boring", filters.hide_boring)) if hiding]
        press = f"press {' or '.join(keys)}"
        return fitting_notice((f"No changes to show with these filters: {press}",
                               f"Filters hide every change: {press}", f"No change shown: {press}",
                               f"Filtered: {press}"), self.size.width)

    def action_next_change(self: AppHost) -> None:
        _go_to_change(self, 1)

    def action_previous_change(self: AppHost) -> None:
        _go_to_change(self, -1)

    def action_line_down(self: AppHost) -> None:
        self.diff.scroll_relative(y=1, animate=False, immediate=True)

    def action_line_up(self: AppHost) -> None:
        self.diff.scroll_relative(y=-1, animate=False, immediate=True)

    def action_page_down(self: AppHost) -> None:
        self.diff.scroll_page_down(animate=False)

    def action_page_up(self: AppHost) -> None:
        self.diff.scroll_page_up(animate=False)

    def action_go_top(self: AppHost) -> None:
        self.diff.scroll_home(animate=False, immediate=True)

    def action_go_bottom(self: AppHost) -> None:
        self.diff.finish_layout()  # so that the end is the real end, not an estimate
        self.diff.scroll_end(animate=False, immediate=True)


def _go_to_change(app: AppHost, step: int) -> None:
    """Put the cursor on the next (step 1) or previous (-1) change, counted from the cursor when
    some of its rows are on screen, else from the screen: the first change from its top, the
    last change above its bottom (so `p` after `G` is the last change, as `n` after `g` is the
    first)."""
    view, layout = app.diff, app.diff.view_layout
    if not layout.changes:
        app.notify(app._no_change_shown(), severity="warning", markup=False)
        return
    current = view.current_edit
    screen_top = view.top_row
    below_screen = screen_top + max(1, view.scrollable_content_region.height)
    if current is not None and current in layout.first_row \
            and layout.first_row[current] < below_screen and layout.last_row[current] >= screen_top:
        anchor, inclusive = layout.first_row[current], False
    elif step > 0:
        anchor, inclusive = screen_top, True
    else:
        anchor, inclusive = below_screen, False
    if step > 0:
        following = [e for e in layout.changes
                     if layout.first_row[e] > anchor or (inclusive and layout.first_row[e] == anchor)]
        target = following[0] if following else None
    else:
        preceding = [e for e in layout.changes if layout.first_row[e] < anchor]
        target = preceding[-1] if preceding else None
    if target is None:
        app.notify(end_notice("change", step, app.size.width), timeout=1.5)
        return
    view.set_current(target)
    app._refresh_status()
