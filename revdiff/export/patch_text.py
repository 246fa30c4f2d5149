"""The `unified` export: every comparison of every article as a `diff -u`-style text.

One sentence per line (the engine's sentences), with hunks and context from
`revdiff.export.unified.unified_diff`. Each comparison gets a line naming the article as it is
called (its URL, else its title or input) and the versions, which `git apply` and `patch` pass
over as text before a patch, then version headers naming the article as a file, `a/` and `b/`
and its slug (`revdiff.export.slugs.article_slug`: one plain file name, never `..` or a path
outside the folder `git apply` or `patch -p1` run in), numbered by its place in an output of
several articles (`numbered_slug`: two articles of one slug patch two files), the version
numbers and, when known, their times; pairs without any change produce no text, like `diff -u`
on identical files.
"""

from __future__ import annotations

from collections.abc import Iterable

from revdiff.export.records import ArticleRef
from revdiff.export.slugs import article_slug, numbered_slug
from revdiff.export.unified import unified_diff
from revdiff.formats.fields import time_text_after
from revdiff.model import Article, Comparison, Version
from revdiff.terminal_text import visible


def _one_line(text: str) -> str:
    """`text` with its line breaks and other whitespace runs made single spaces: a header is one
    line."""
    return " ".join(text.split())


def patch_file(name: str, index: int | None = None) -> str:
    """The file the patches of the article `name` change: its slug, numbered by `index`, its
    place in an output of several articles (`numbered_slug`), where one is given."""
    return article_slug(name) if index is None else numbered_slug(index, name)


def article_line(name: str, comparison: Comparison) -> str:
    """The line before a patch's headers that names the article `name` as it is called and the
    versions (`article https://example.org/troops: version 6 -> 7`), one line, its control
    characters shown as symbols; it starts as no line of a patch does, so `git apply` and `patch`
    pass over it as text before the patch (as git's own commit text is)."""
    return (f"article {visible(_one_line(name))}: version {comparison.old.number} -> "
            f"{comparison.new.number}")


def version_label(side: str, file: str, version: Version, other: Version) -> str:
    """The header naming the version of an article, as the file `side/file` (`a` old, `b` new,
    as git names them; `file` as `patch_file` names it), and its time, not a time told from a
    version other than `other`, the pair's other version (`time_text_after`): the old version's
    `about 1 hour earlier` counted from the new one is given, its `about 1 hour later` counted
    from the version before it, which the pair does not show, left out, as the pair headings of
    the text and HTML outputs and the comparisons' `old_time` give them."""
    label = f"{side}/{file}\tversion {version.number}"
    told = time_text_after(version, other)
    when = version.time.isoformat() if version.time else _one_line(told or "")
    return f"{label} ({when})" if when else label


def article_unified_diff(name: str, comparison: Comparison, index: int | None = None) -> str:
    """The comparison's unified diff after the line naming the article `name` and the versions
    (`article_line`), its headers naming the article's file (`patch_file`, numbered by `index`
    in an output of several articles) and each version (`diff`, `export` and the app's export
    write these); empty when nothing changed."""
    file = patch_file(name, index)
    diff = unified_diff(comparison, old_label=version_label("a", file, comparison.old,
                                                            comparison.new),
                        new_label=version_label("b", file, comparison.new, comparison.old))
    return f"{article_line(name, comparison)}\n{diff}" if diff else ""


def render_unified(ref: ArticleRef, article: Article, comparisons: Iterable[Comparison]
                   ) -> tuple[list[str], int]:
    """The export's patches of the article, its file numbered by its place in the run: one
    `all.diff` holds every article's."""
    pieces = [text for text in (article_unified_diff(ref.name, comparison, ref.index)
                                for comparison in comparisons) if text]
    return pieces, len(pieces)
