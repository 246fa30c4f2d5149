"""`revdiff view`: browse an article's changes (a text summary when not on a terminal)."""

from __future__ import annotations

import click

from revdiff.cli.common import inputs_argument, load_articles, max_size_option, reports_errors
from revdiff.export.article_json import article_summary


@click.command()
@inputs_argument
@max_size_option
@reports_errors
def view(inputs: tuple[str, ...], max_size: int) -> None:
    """Browse the changes in a terminal; prints a summary when output is not a terminal."""
    articles = load_articles(inputs, max_size)
    for article in articles:
        click.echo(article_summary(article))
