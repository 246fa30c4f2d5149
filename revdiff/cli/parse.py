"""`revdiff parse`: print the recovered article(s)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import click

from revdiff.cli import RevdiffCommand
from revdiff.cli.common import (
    corrections_option,
    echo_blocks,
    inputs_argument,
    load_articles,
    max_size_option,
    reports_errors,
    write_data,
)
from revdiff.errors import stdout_open
from revdiff.read_warnings import SHOWN_BY_PARSE_JSON, summarised_warnings

if TYPE_CHECKING:
    from revdiff.model import Article

EXAMPLES = """\b
Examples:
  revdiff parse samples/washpo-soleimani-v6-v7.txt
      JSON, with how each row of the page was read
  revdiff parse samples/newsedits.sqlite --format text
      a summary of each article
  revdiff parse samples/versions/*/ --format jsonl
      each folder an article, one per line
"""


@click.command(cls=RevdiffCommand, epilog=EXAMPLES)
@inputs_argument
@click.option("--format", "output_format", type=click.Choice(["json", "jsonl", "text"]),
              default="json", show_default=True,
              help="json: a list of the articles, however many; "
                   "jsonl: one article per line; text: a summary.")
@click.option("-q", "--quiet", is_flag=True,
              help="Leave out the notes on stderr on reading the inputs, which belong to no "
                   "article (the folders left out of a folder of versions, files given beside "
                   "their folder, ...); the articles' warnings stay in the output.")
@corrections_option
@max_size_option
@reports_errors
def parse(inputs: tuple[str, ...], output_format: str, quiet: bool,
          corrections: str | None, max_size: int) -> None:
    """Print the recovered article(s): versions, titles, times, paragraphs, warnings."""
    # the articles' warnings go into the output, worded as `diff` words them on stderr; the notes
    # on reading the inputs, which belong to no article, go to stderr (unless `quiet`).
    # Every input is read before anything is written (bad input is one error line, never a
    # half-written output); each article is then written as soon as it is made into text.
    # The exporters are imported here, not with the module: completing an input path and
    # `--help` need none of them.
    from revdiff.export.article_json import article_summary, article_to_dict
    from revdiff.export.json_text import json_array, json_line

    stdout_open()  # the output goes there: a closed one is refused before any input is read
    articles = load_articles(inputs, max_size, quiet, corrections=corrections)
    if output_format == "text":
        echo_blocks(article_summary(_as_warned(a)) for a in articles)
    elif output_format == "jsonl":
        for article in articles:
            write_data(json_line(article_to_dict(_as_warned(article, shows_rows=True))) + "\n")
    else:
        for text in json_array(article_to_dict(_as_warned(a, shows_rows=True)) for a in articles):
            write_data(text)
        write_data("\n")


def _as_warned(article: Article, *, shows_rows: bool = False) -> Article:
    """The article with its warnings as `diff` and `view` give them on stderr
    (`summarised_warnings`: a page's unsure rows with what would decide them); when the output
    `shows_rows` itself, as JSON does, without the pointer to `revdiff parse --format json`
    (`SHOWN_BY_PARSE_JSON`)."""
    warnings = summarised_warnings(article)
    if shows_rows:
        warnings = [warning.replace(SHOWN_BY_PARSE_JSON, "") for warning in warnings]
    return replace(article, warnings=tuple(warnings))
