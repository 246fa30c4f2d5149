"""Errors that belong to one article of an input that holds many (a NewsEdits file, a git
repository): `export --skip-errors` skips that article and reads the others. Outside
`skipping_bad_articles`, such an error stops the reading as any other does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from revdiff.errors import RevdiffError

_skipped: ContextVar[list[RevdiffError] | None] = ContextVar("skipped_articles", default=None)


@contextmanager
def skipping_bad_articles() -> Iterator[list[RevdiffError]]:
    """Within the block, readers leave out an article they cannot read; the list yielded gets
    the error of each."""
    skipped: list[RevdiffError] = []
    token = _skipped.set(skipped)
    try:
        yield skipped
    finally:
        _skipped.reset(token)


def skip_or_raise(error: RevdiffError) -> None:
    """Note `error` as one left-out article's, within `skipping_bad_articles`; raise it outside."""
    skipped = _skipped.get()
    if skipped is None:
        raise error
    skipped.append(error)
