"""What every revdiff command shares: error reporting, input loading, common options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from revdiff.errors import RevdiffError
from revdiff.formats import load
from revdiff.formats.text_input import DEFAULT_MAX_BYTES
from revdiff.model import Article

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn revdiff's own errors into one line on stderr and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except RevdiffError as error:
            click.echo(f"revdiff: error: {error}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


inputs_argument = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")

max_size_option = click.option(
    "--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
    help="Refuse input files larger than this many bytes.",
)


def load_articles(inputs: Sequence[str], max_size: int) -> list[Article]:
    return load(list(inputs), max_bytes=max_size)
