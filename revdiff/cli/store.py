"""`revdiff store`: commit every version of the inputs' articles to a git repository."""

from __future__ import annotations

from pathlib import Path

import click

from revdiff.cli.common import (
    inputs_argument,
    load_and_warn,
    max_size_option,
    quiet_option,
    reports_errors,
)
from revdiff.store import store_articles


@click.command()
@inputs_argument
@click.option("--repo", "repo_dir", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The git repository to store into; created when missing.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar on stderr (default: on long runs, when it is a terminal).")
@quiet_option
@max_size_option
@reports_errors
def store(inputs: tuple[str, ...], repo_dir: Path, progress: bool | None, quiet: bool,
          max_size: int) -> None:
    """Store each version of each article as a git commit in the repository at --repo.

    The article's file is named after its URL; its title, URL, source, version number and time
    are kept in commit trailers. Versions already stored are not added again; a version identical
    to the previous one, or a text stored twice before (a flip-flop), is skipped. Read the
    repository back with `revdiff parse DIR`.
    """
    articles = load_and_warn(inputs, max_size, quiet)
    summary = store_articles(articles, repo_dir, progress=progress)
    click.echo(summary.describe())
