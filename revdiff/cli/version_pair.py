"""`revdiff diff --versions OLD..NEW`: the two versions of each article to compare directly, by
the numbers `revdiff parse` shows, or `first` and `last`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import click

from revdiff.cli.common import warn
from revdiff.errors import NothingToCompare
from revdiff.model import Article
from revdiff.read_warnings import first_few, line_runs
from revdiff.terminal_text import visible

FIRST, LAST = "first", "last"
_END = rf"[0-9]+|{FIRST}|{LAST}"
_RANGE = re.compile(rf"({_END})\.\.({_END})")
_EXPECTED = "OLD..NEW, each a version number as `revdiff parse` shows it, or first or last"


@dataclass(frozen=True, slots=True)
class VersionPair:
    """The versions asked for: a version number, or `first` or `last` of each article."""

    old: int | str
    new: int | str

    def __str__(self) -> str:
        return f"{self.old}..{self.new}"

    def indices(self, article: Article) -> tuple[int, int] | None:
        """Where the old and new version are among the article's versions, None when it lacks one."""
        places = {version.number: index for index, version in enumerate(article.versions)}
        places_by_end = {FIRST: 0, LAST: len(article.versions) - 1}
        old = places_by_end.get(self.old) if isinstance(self.old, str) else places.get(self.old)
        new = places_by_end.get(self.new) if isinstance(self.new, str) else places.get(self.new)
        return None if old is None or new is None else (old, new)

    def missing(self, article: Article) -> str:
        """The version numbers asked for that the article lacks (`2 or 9`)."""
        numbers = {version.number for version in article.versions}
        return " or ".join(str(end) for end in (self.old, self.new)
                           if isinstance(end, int) and end not in numbers)


class VersionPairType(click.ParamType):
    """`OLD..NEW` (`0..4`, `first..last`, `2..last`) as a `VersionPair`."""

    name = "OLD..NEW"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> VersionPair:
        if isinstance(value, VersionPair):
            return value
        found = _RANGE.fullmatch(str(value).strip().lower())
        if found is None:
            self.fail(f"{visible(str(value))!r} is not {_EXPECTED} (first..last, 0..4)", param, ctx)
        old, new = (int(end) if end.isdigit() else end for end in found.groups())
        if old == new or old == LAST or new == FIRST:
            self.fail(f"{visible(str(value))!r} does not name two versions, the older first "
                      "(first..last, 0..4)", param, ctx)
        return VersionPair(old, new)


def pick_pairs(articles: Sequence[Article], names: Sequence[str], pair: VersionPair,
               quiet: bool) -> list[list[tuple[int, int]]]:
    """For each of `articles`, the pairs of its versions to compare (places among its versions,
    as `revdiff.export.pairs.version_pairs` takes them): the one `pair` names, or none where the
    article lacks one of the two, which is left out with a warning that names the versions it has
    (none when `quiet`); when every article lacks one, that is an error, as is a pair whose old
    version is not before its new one in an article."""
    picked: list[list[tuple[int, int]]] = []
    lacking = []
    for article, name in zip(articles, names, strict=True):
        picked.append([])
        indices = pair.indices(article)
        has = f"(it has versions {line_runs([version.number for version in article.versions])})"
        if indices is None:
            lacking.append(f"{visible(name)} has no version {pair.missing(article)} {has}")
            continue
        old, new = (article.versions[place].number for place in indices)
        if indices[0] == indices[1]:  # `3..last` of an article whose last is 3
            lacking.append(f"{visible(name)} has no version "
                           f"{f'after {old}' if pair.new == LAST else f'before {new}'} {has}")
            continue
        if indices[0] > indices[1]:
            raise click.BadParameter(f"{pair}: in {visible(name)}, version {old} comes after "
                                     f"version {new}; name the older one first",
                                     param_hint="'--versions'")
        picked[-1].append(indices)
    if not any(picked):
        raise NothingToCompare(f"--versions {pair} names versions no article has: "
                               + first_few(lacking, 2),
                               hint="name versions that `revdiff parse` shows")
    for line in lacking if not quiet else ():
        warn(f"{line}, asked for by --versions {pair}; left out")
    return picked
