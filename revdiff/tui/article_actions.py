"""The app's keys that show another article of the inputs: the next or previous one (`>`, `<`)
and the one picked in the article list (`a`), each where it was left."""

from __future__ import annotations

from textual.widgets.option_list import Option

from revdiff.tui.app_host import AppHost
from revdiff.tui.article_list_screen import ArticleListScreen, article_list
from revdiff.tui.notices import end_notice, fitting_notice


class ArticleActions:
    """The actions that show another article, mixed into the app."""

    # set by the app, as `AppHost` says
    _article_list: tuple[tuple[Option, ...], tuple[str, ...]] | None

    def show_article(self: AppHost, index: int) -> None:
        """Open the article at `index` of the inputs where it was left, its pair and the change
        under the cursor (or at its first pair, before its first change)."""
        if index == self.article_index:
            return
        left = self.diff.current_edit
        if left is None:
            self._edit_left_at.pop(self.article_index, None)
        else:
            self._edit_left_at[self.article_index] = left
        self.article_index = index
        self.session = self._session_shown(index)
        self.diff.scroll_home(animate=False, immediate=True)
        self._relayout(keep=self._edit_left_at.get(index))

    def action_next_article(self: AppHost) -> None:
        _step_article(self, 1)

    def action_previous_article(self: AppHost) -> None:
        _step_article(self, -1)

    def action_articles(self: AppHost) -> None:
        if _only_one_article(self):
            return
        if self._article_list is None:
            self._article_list = article_list(self.articles, self.article_inputs)
        self._open_dialog(ArticleListScreen(*self._article_list, self.article_index),
                          lambda index: _pick_article(self, index), toggled_by="articles")


def _only_one_article(app: AppHost) -> bool:
    """Whether the inputs hold one article only, which `>`, `<` and `a` then say."""
    if len(app.articles) == 1:
        app.notify(fitting_notice(("The inputs hold only this article", "No other article"),
                                  app.size.width), timeout=2)
    return len(app.articles) == 1


def _step_article(app: AppHost, step: int) -> None:
    index = app.article_index + step
    if _only_one_article(app):
        return
    if 0 <= index < len(app.articles):
        app.show_article(index)
    else:
        app.notify(end_notice("article", step, app.size.width), timeout=2)


def _pick_article(app: AppHost, index: int | None) -> None:
    if index is not None:
        app.show_article(index)
