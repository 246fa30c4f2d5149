"""`revdiff view`: browse an article's changes in the terminal app; text when not on a terminal."""

from __future__ import annotations

import os
import sys
from itertools import pairwise

import click

from revdiff.cli.common import (
    inputs_argument,
    load_and_warn,
    max_size_option,
    quiet_option,
    reports_errors,
)
from revdiff.export.article_json import article_summary
from revdiff.model import Article

LAYOUT_CHOICES = {"auto": None, "side": "side by side", "unified": "unified"}


def article_text(article: Article) -> str:
    """Every consecutive pair of versions as the text diff, or a summary without two versions."""
    if len(article.versions) < 2:
        return article_summary(article)
    from revdiff.engine import compare
    from revdiff.export.comparison_text import comparison_text

    versions = article.versions
    return "\n\n".join(comparison_text(compare(old, new), article=article.key, color=False)
                       for old, new in pairwise(versions))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def keyboard_on_stdin() -> bool:
    """Make sure the app can read keys: when input was piped in, read them from the terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return True
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(terminal, 0)  # the app reads keys from file descriptor 0
    os.close(terminal)
    return True


@click.command()
@inputs_argument
@click.option("--layout", type=click.Choice(list(LAYOUT_CHOICES)), default="auto", show_default=True,
              help="Side-by-side or unified diff in the app; auto picks by terminal width.")
@click.option("--plain", is_flag=True, help="Print the text diff even when output is a terminal.")
@quiet_option
@max_size_option
@reports_errors
def view(inputs: tuple[str, ...], layout: str, plain: bool, quiet: bool, max_size: int) -> None:
    """Browse the changes in a terminal app (press ? inside for keys).

    When output is not a terminal (a pipe or a file), or with --plain, prints the text diff of
    each consecutive pair of versions instead; the app never starts then.
    """
    articles = load_and_warn(inputs, max_size, quiet, compare=True)
    browsable = [article for article in articles if len(article.versions) >= 2]
    if plain or not stdout_is_terminal() or not browsable or not keyboard_on_stdin():
        click.echo("\n\n".join(article_text(article) for article in articles))
        return
    from revdiff.tui.app import RevdiffApp
    from revdiff.tui.layout import LayoutMode

    chosen = LAYOUT_CHOICES[layout]
    for article in browsable:
        RevdiffApp(article, mode=LayoutMode(chosen) if chosen else None).run()
