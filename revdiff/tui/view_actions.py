"""The app's keys that change how the pair is shown: the layout (`s`), the filters (`h`, `c`,
`l`, `o`, `x`) and the statistics panel (`i`, and `J`, `K` to scroll it)."""

from __future__ import annotations

from dataclasses import replace

from revdiff.tui.app_host import AppHost
from revdiff.tui.filters import FilterState
from revdiff.tui.layout import LayoutMode
from revdiff.tui.notices import fitting_notice, layout_notice


class ViewActions:
    """The actions that change the layout, the filters and the statistics panel, mixed into the
    app."""

    # set by the app, as `AppHost` says
    forced_mode: LayoutMode | None
    _first_kept_layout: LayoutMode | None

    def action_toggle_layout(self: AppHost) -> None:
        """From the automatic layout to the other one than it shows, kept; then to the one it
        showed, kept; then back to the automatic one, which the diff's width chooses again (`i`
        switches it). A layout `--layout` or the settings chose goes to the other, then to the
        automatic one."""
        other = {LayoutMode.SIDE_BY_SIDE: LayoutMode.UNIFIED, LayoutMode.UNIFIED: LayoutMode.SIDE_BY_SIDE}
        if self.forced_mode is None:
            self.forced_mode = self._first_kept_layout = other[self.mode]
        elif self.forced_mode is self._first_kept_layout:
            self.forced_mode = other[self.forced_mode]
        else:
            self.forced_mode = None
        self._relayout(keep=self.diff.current_edit)
        self.notify(layout_notice(self.mode, self.forced_mode is not None, self.size.width),
                    timeout=2, markup=False)

    def action_toggle_hide_unchanged(self: AppHost) -> None:
        _set_filters(self, replace(self.filters, hide_unchanged=not self.filters.hide_unchanged))

    def action_cycle_context(self: AppHost) -> None:
        """Hide unchanged text, keeping the context in force (±1 at first, as `h`); pressed again
        while it is hidden, keep one sentence more around each change: ±2, ±3, then ±0 and ±1."""
        filters = self.filters
        context = (filters.context + 1) % 4 if filters.hide_unchanged else filters.context
        _set_filters(self, replace(filters, hide_unchanged=True, context=context))

    def action_cycle_label(self: AppHost) -> None:
        _set_filters(self, self.filters.next_label())

    def action_cycle_flag(self: AppHost) -> None:
        _set_filters(self, self.filters.next_flag())

    def action_toggle_hide_boring(self: AppHost) -> None:
        _set_filters(self, replace(self.filters, hide_boring=not self.filters.hide_boring))

    def action_toggle_stats(self: AppHost) -> None:
        self.stats_panel.toggle_class("shown")
        self._place_stats(self.size.width)
        self.call_after_refresh(self._refresh_chrome)

    def action_stats_down(self: AppHost) -> None:
        _scroll_stats(self, 3)

    def action_stats_up(self: AppHost) -> None:
        _scroll_stats(self, -3)


def _set_filters(app: AppHost, filters: FilterState) -> None:
    app.filters = filters
    app._relayout(keep=app.diff.current_edit)


def _scroll_stats(app: AppHost, lines: int) -> None:
    stats = app.stats_panel
    if not stats.shown:
        key = app.key_of["toggle_stats"]
        app.notify(fitting_notice((f"The statistics are hidden: {key} shows them",
                                   f"Statistics hidden: {key} shows them",
                                   f"{key} shows the statistics", f"{key} shows statistics"),
                                  app.size.width), timeout=2, markup=False)
        return
    stats.scroll_relative(y=lines, animate=False, immediate=True)
