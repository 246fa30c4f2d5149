"""`revdiff diff`: compare consecutive versions and print the edits."""

from __future__ import annotations

from collections.abc import Iterator

import click

from revdiff.cli.common import (
    inputs_argument,
    load_and_warn,
    max_size_option,
    quiet_option,
    reports_errors,
    use_color,
)
from revdiff.engine import SENTENCE_MODES, compare
from revdiff.export.comparison_html import comparisons_html
from revdiff.export.comparison_records import (
    comparisons_csv,
    comparisons_json,
    comparisons_jsonl,
)
from revdiff.export.comparison_text import comparison_text
from revdiff.export.unified import unified_diff
from revdiff.model import Article, Comparison
from revdiff.terminal_text import visible_article

FORMATS = ("text", "json", "jsonl", "csv", "unified", "html")


def consecutive_comparisons(articles: list[Article], sentences: str) -> Iterator[tuple[str, Comparison]]:
    """(article key, comparison) for every consecutive pair of versions of every article."""
    for article in articles:
        for old, new in zip(article.versions, article.versions[1:]):
            yield article.key, compare(old, new, sentences=sentences)


@click.command()
@inputs_argument
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="text: coloured edits for a terminal; json: one document; jsonl: one edit per "
                   "line; csv: one edit per row; unified: a sentence-level unified diff; html: a page.")
@click.option("--sentences", type=click.Choice(SENTENCE_MODES), default="auto", show_default=True,
              help="auto: split paragraphs into sentences; lines: each paragraph/line is one sentence.")
@click.option("--changes-only", is_flag=True, help="text format: leave out unchanged sentences.")
@click.option("--color/--no-color", default=None,
              help="text format: colour the word changes (default: when writing to a terminal "
                   "and NO_COLOR is not set); without colour, deletions are shown [-so-] and "
                   "insertions {+so+}.")
@quiet_option
@max_size_option
@reports_errors
def diff(inputs: tuple[str, ...], output_format: str, sentences: str, changes_only: bool,
         color: bool | None, quiet: bool, max_size: int) -> None:
    """Compare consecutive versions of each article, sentence by sentence and word by word."""
    articles = load_and_warn(inputs, max_size, quiet, compare=True)
    if output_format == "text":  # for a terminal: control characters in the text shown as symbols
        articles = [visible_article(article) for article in articles]
    items = consecutive_comparisons(articles, sentences)
    if output_format == "jsonl":
        for line in comparisons_jsonl(items):
            click.echo(line)
    elif output_format == "json":
        click.echo(comparisons_json(items))
    elif output_format == "csv":
        click.echo(comparisons_csv(items), nl=False)
    elif output_format == "html":
        click.echo(comparisons_html(items), nl=False)
    elif output_format == "unified":
        for article, comparison in items:
            click.echo(unified_diff(comparison, old_label=f"{article} version {comparison.old.number}",
                                    new_label=f"{article} version {comparison.new.number}"), nl=False)
    else:
        color = use_color(color)
        blocks = [comparison_text(comparison, article=article, unchanged=not changes_only,
                                  color=color)
                  for article, comparison in items]
        click.echo("\n\n".join(blocks), color=color)
