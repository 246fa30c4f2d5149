"""What every revdiff command shares: error reporting, input loading, common options."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar

import click

from revdiff.errors import RevdiffError
from revdiff.formats import load
from revdiff.formats.text_input import (
    DEFAULT_MAX_BYTES,
    MAX_SIZE_ENV,
    format_size,
    parse_size,
)
from revdiff.model import Article
from revdiff.terminal_text import visible

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(command: F) -> F:
    """Turn revdiff's own errors into one line on stderr and exit code 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except RevdiffError as error:
            click.echo(f"revdiff: error: {visible(str(error))}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


inputs_argument = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")

class ByteSize(click.ParamType):
    """A size in bytes, written `5000000`, `64M`, `1.5G` or `512K` (powers of 1024)."""

    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


max_size_option = click.option(
    "--max-size", type=ByteSize(), default=format_size(DEFAULT_MAX_BYTES), show_default=True,
    envvar=MAX_SIZE_ENV, show_envvar=True,
    help="Refuse any input file, standard input or stored version larger than this "
         "(e.g. 500K, 64M, 1G); checked before it is read.",
)


def load_articles(inputs: Sequence[str], max_size: int) -> list[Article]:
    return load(list(inputs), max_bytes=max_size)
