"""The `unified` export: every comparison of every article as a `diff -u`-style text.

One sentence per line (the engine's sentences), with hunks and context from
`revdiff.export.unified.unified_diff`. Each comparison gets version headers naming the article
as a file, `a/` and `b/` and its slug (`revdiff.export.slugs.article_slug`: one plain file name,
never `..` or a path outside the folder `git apply` or `patch -p1` run in), the version numbers
and, when known, their times; pairs without any change produce no text, like `diff -u` on
identical files.
"""

from __future__ import annotations

from collections.abc import Iterable

from revdiff.export.records import ArticleRef
from revdiff.export.slugs import article_slug
from revdiff.export.unified import unified_diff
from revdiff.formats.fields import RELATIVE_TIME, time_text_after
from revdiff.model import Article, Comparison, Version


def _one_line(text: str) -> str:
    """`text` with its line breaks and other whitespace runs made single spaces: a header is one
    line."""
    return " ".join(text.split())


def version_label(side: str, name: str, version: Version, after: Version | None = None) -> str:
    """The header naming the version of the article `name`, as the file `side/slug` (`a` old,
    `b` new, as git names them), and its time, not a time told from a version other than
    `after`, the old one of the pair (`time_text_after`); the old version's (no `after`) without
    a time told from the version before it, which the pair does not show, as the pair headings
    of the text and HTML outputs leave it out (`pair_time`)."""
    label = f"{side}/{article_slug(name)}\tversion {version.number}"
    if after is not None:
        told = time_text_after(version, after)
    else:
        told = None if RELATIVE_TIME.fullmatch(version.time_text or "") else version.time_text
    when = version.time.isoformat() if version.time else _one_line(told or "")
    return f"{label} ({when})" if when else label


def article_unified_diff(name: str, comparison: Comparison) -> str:
    """The comparison's unified diff, its headers naming the article `name` and each version
    (`diff`, `export` and the app's export write these); empty when nothing changed."""
    return unified_diff(comparison, old_label=version_label("a", name, comparison.old),
                        new_label=version_label("b", name, comparison.new, comparison.old))


def render_unified(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                   ) -> tuple[list[str], int]:
    pieces = [text for text in (article_unified_diff(ref.name, comparison)
                                for comparison in comparisons) if text]
    return pieces, len(pieces)
