"""What the app's keys, mixed into it by idea (`PairActions`, `PageActions`, ...), ask of the app
(`RevdiffApp`): its state, its widgets and the methods that lay out and speak."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.widgets.option_list import Option

from revdiff.export.records import ArticleRef
from revdiff.model import Article
from revdiff.tui.background import BackgroundWork
from revdiff.tui.dialog import Dialog, DialogResult
from revdiff.tui.diff_view import DiffView
from revdiff.tui.filters import FilterState
from revdiff.tui.layout import LayoutMode
from revdiff.tui.search import LastSearch
from revdiff.tui.session import ArticleSession
from revdiff.tui.stats_panel import StatsPanel


class AppHost(Protocol):
    """The app as its mixed-in keys see it."""

    @property
    def diff(self) -> DiffView: ...

    @property
    def stats_panel(self) -> StatsPanel: ...

    @property
    def mode(self) -> LayoutMode: ...

    @property
    def background(self) -> BackgroundWork: ...

    @property
    def key_of(self) -> dict[str, str]: ...

    @property
    def size(self) -> Size: ...

    session: ArticleSession
    filters: FilterState
    articles: list[Article]
    article_index: int
    article_names: tuple[str, ...]
    article_inputs: tuple[str, ...]
    inputs: tuple[str, ...]
    forced_mode: LayoutMode | None
    _first_kept_layout: LayoutMode | None
    _edit_left_at: dict[int, int]
    _article_list: tuple[tuple[Option, ...], tuple[str, ...]] | None
    _last_search: LastSearch
    export_directory: Path
    export_directory_source: Path | None
    corrections_file: str | None
    max_bytes: int
    corrections_saved: dict[Path, int]
    corrections_replace_asked: tuple[Path, int] | None
    presses: int

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None: ...

    def copy_to_clipboard(self, text: str) -> None: ...

    def call_after_refresh(self, callback: Callable[[], None]) -> bool: ...

    def _open_dialog(self, dialog: Dialog[DialogResult],
                     answered: Callable[[DialogResult | None], None] | None = None, *,
                     toggled_by: str | None = None) -> None: ...

    def _session_shown(self, index: int) -> ArticleSession: ...

    def _relayout(self, keep: int | None = None) -> None: ...

    def _refresh_chrome(self) -> None: ...

    def _refresh_status(self) -> None: ...

    def _place_stats(self, terminal_width: int) -> None: ...

    def _no_change_shown(self) -> str: ...

    def _show_pair(self) -> None: ...

    def show_article(self, index: int) -> None: ...

    def _article_ref(self) -> ArticleRef: ...
