"""What a command tells its user about how an input was read: one line per warning.

Readers put their warnings in `Article.warnings` and, for flattened diff pages, a reading of every
row in `Article.pages`. A user wants the warnings on stderr, each naming its input, but not one
line per unsure row: a page's unsure rows become one summary line. Every command that compares
versions follows one rule for an article with a single version: there is nothing to compare.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from revdiff.file_names import name_text
from revdiff.terminal_text import visible

if TYPE_CHECKING:  # the command line imports this module before any reader: keep it light
    from revdiff.model import Article, PageReading

NOTHING_TO_COMPARE = "only one version, nothing to compare"
NOTHING_TO_COMPARE_HINT = ("give two or more versions: version files, a directory of them or a "
                           "diff page; `revdiff parse` shows what was read")

# How the splitter ends a warning about rows or a title row it could not read for certain: with
# the advice to give neighbouring pages, or to check them alone when all were given.
CHECK_THEM = "; check them"
GIVE_NEIGHBOURS = f"{CHECK_THEM} or give neighbouring pages"
# How a warning about unsure rows points at the output that shows how each row was read (the
# splitter's and `unsure_summary`'s); `revdiff parse` leaves it out of that output, the Python
# API points at the article's pages instead (`worded_for_python`), and a git store, which keeps
# the warnings but not the pages, is read back without it.
SHOWN_BY_PARSE_JSON = "; `revdiff parse --format json` shows each"
SHOWN_BY_PAGES = "; the article's `pages` show each"
# How the splitter counts a page's unsure rows: `NAME: 40 of 42 rows could not be decided with
# certainty (lines …)`.
UNDECIDED_ROWS = "rows could not be decided with certainty"
# The splitter's own per-page count of unsure rows, replaced by `unsure_summary`.
_UNSURE_COUNT = re.compile(r"\d+ of \d+ rows ")
# The splitter's count of a page's unsure rows as a `revdiff store` repository keeps it, with no
# page reading to summarise it from: `NAME: 40 of 42 rows could not be decided with certainty
# (lines …)` and its advice.
_STORED_UNSURE_COUNT = re.compile(rf"(: \d+ of \d+) {UNDECIDED_ROWS}"
                                  r"( \(lines [\d, .-]+\)(?:;.*)?)$")
# At most this many runs of unsure lines are listed in a summary.
_MAX_RUNS = 6


def worded_for_python(warning: str) -> str:
    """A reader's warning as the Python API gives it: pointing at the article's `pages`, which
    hold how each row was read, not at a command (`SHOWN_BY_PARSE_JSON`)."""
    return warning.replace(SHOWN_BY_PARSE_JSON, SHOWN_BY_PAGES)


def has_pairs(article: Article) -> bool:
    """Whether the article has at least one pair of versions to compare."""
    return len(article.versions) >= 2


def first_few(items: Sequence[str], shown: int = 3) -> str:
    """`a, b, c, ...`: the first `shown` items, and `...` when there are more."""
    return ", ".join(items[:shown]) + (", ..." if len(items) > shown else "")


def counted(number: int, noun: str) -> str:
    """`1 article`, `1,204 articles`: a count and a noun whose plural takes an `s`."""
    return f"{number:,} {noun}{'s' if number != 1 else ''}"


def counted_skips(number: int) -> str:
    """`1 input or article`, `3 inputs or articles`: what --skip-errors skipped."""
    return f"{number:,} {'input or article' if number == 1 else 'inputs or articles'}"


def input_name(label: str, position: int, count: int) -> str:
    """What names the `position`-th of the `count` articles an input (`label`) holds when the
    article has no URL or title: the input, and the article's place when it holds several
    (`n.sqlite#2`), in every command's messages and rows alike."""
    return label if count == 1 else f"{label}#{position}"


def article_name(key: str, place: str, keys: Counter[str]) -> str:
    """What names one of several articles in every command's warnings: its `key` (its URL, else
    its first title: `Article.key`), but its `place` (`news.db#2`) where it has none or another
    of the articles it is named among has it too (their `keys`, counted)."""
    return key if key and keys[key] < 2 else place


def article_inputs(origins: Sequence[str]) -> list[str]:
    """The input each article was read from (`origins`, as `load` gives them), as every
    command's messages name it (`input_name`): of files given together, the article's own
    (`a.txt`, or its pages, `a.txt (+2 files)`), not all of them; its place among that input's
    articles where it holds several (`news.db#2`)."""
    holds = Counter(origins)
    before: Counter[str] = Counter()
    names = []
    for origin in origins:
        names.append(input_name(name_text(origin), before[origin], holds[origin]))
        before[origin] += 1
    return names


def files_name(files: Sequence[str]) -> str:
    """What names files read together (`a.txt (+2 files)`: the first, and how many more), as
    `export` names the files given to it together and each article of them."""
    return files[0] if len(files) == 1 else f"{files[0]} (+{counted(len(files) - 1, 'file')})"


def copy_read_once(name: str, first: str) -> str:
    """The warning for a page left out as a copy of the page `first` (the same file given twice,
    or a page saved twice, `page (1).txt`)."""
    what = "given twice" if name == first else f"the same page as {first}"
    return f"{name}: {what}; read once"


def line_runs(lines: Sequence[int]) -> str:
    """`10-14, 20, 31-33`: sorted line numbers as runs, the first few of them."""
    runs: list[tuple[int, int]] = []
    for line in sorted(lines):
        if runs and line == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    shown = [f"{first}-{last}" if last > first else str(first) for first, last in runs]
    return first_few(shown, _MAX_RUNS)


def neighbouring_pages(old: int, new: int, versions: int | None) -> list[tuple[int, int]]:
    """The version numbers of the diff pages beside the page of versions `old` to `new` that can
    exist: none before the first version, nor after the last of the `versions` the tracker says
    it stored (when it says). A page whose old column is the later version (reached by
    "Previous version") lies between the same pages as the page of its versions the other way."""
    low, high = min(old, new), max(old, new)
    pages = [(low - 1, low)] * (low > 0)
    if versions is None or high + 1 < versions:
        pages.append((high, high + 1))
    return pages


def missing_neighbours(old: int, new: int, given: Collection[tuple[int, int]], exact: Collection[int],
                       versions: int | None) -> list[tuple[int, int]]:
    """The diff pages beside the page of versions `old` to `new` that can exist in an article of
    `versions` versions and were not `given` (either way round: a page reached by "Previous
    version" has the later version in its old column), less those whose version shared with
    the page another input gives `exact`ly (its HTML page, or a page copied with its cells
    apart)."""
    shown = {(min(pair), max(pair)) for pair in given}
    return [pair for pair in neighbouring_pages(old, new, versions)
            if pair not in shown and (pair[1] if pair[1] in (old, new) else pair[0]) not in exact]


def _deciders(page: PageReading, read_alone: bool, versions: int | None,
              given: Collection[tuple[int, int]]) -> str | None:
    """What would decide how a flattened page is read, for a page `read_alone` or one read with
    the diff pages `given` (by version numbers) where some beside it are missing: the pages
    beside it that can exist in an article of `versions` versions and were not given, or its
    HTML page; None when every page beside it was given."""
    missing = missing_neighbours(page.old_number, page.new_number, given, (), versions)
    if not (read_alone or missing):
        return None
    neighbours = [f"Version {old} to {new}" for old, new in missing]
    return (f"the diff pages beside it ({', '.join(neighbours)}) or " if neighbours else "") + "its HTML page"


def unsure_summary(page: PageReading, *, read_alone: bool = False, versions: int | None = None,
                   given: Collection[tuple[int, int]] = ()) -> str | None:
    """One line for the rows of a flattened page that the splitter is unsure of, if any, saying
    what would decide them (`_deciders`) where some of it was not given."""
    return _summary(page, _deciders(page, read_alone, versions, given))


def _summary(page: PageReading, deciders: str | None) -> str | None:
    """`unsure_summary` with what would decide the page's rows found (`_deciders`)."""
    unsure = [row.line for row in page.rows if not row.is_sure]
    if not unsure:
        return None
    hint = f"; {deciders}, given with it, can decide them" if deciders else ""
    return (f"{page.name}: {len(unsure)} of {len(page.rows)} rows unsure "
            f"(lines {line_runs(unsure)}){SHOWN_BY_PARSE_JSON}{hint}")


def _names_a_file_in(warning: str, folders: Iterable[str]) -> bool:
    """Whether the warning starts with the name of a file in one of the folders (`d/0.txt: …`)."""
    name, colon, _ = warning.partition(": ")
    return bool(colon) and any(
        name.startswith(folder.rstrip("/" + os.sep) + separator)
        for folder in folders for separator in {"/", os.sep})


def summarised_warnings(article: Article) -> list[str]:
    """The article's warnings as a user is told them: each page's count of unsure rows by the
    splitter (`check them or give neighbouring pages`) replaced by its `unsure_summary`, which
    says what would decide them, after the other warnings; the splitter's other advice to give
    neighbouring pages (a title row it cut unsure) names those pages too. A count of unsure rows
    read back from a git store, which keeps no page readings, is worded as a summary is, its
    advice kept."""
    given = {(page.old_number, page.new_number) for page in article.pages}
    read_alone = len(article.pages) == 1
    deciders = {page.name: named for page in article.pages
                if (named := _deciders(page, read_alone, article.changes, given))}
    summaries = {page.name: summary for page in article.pages
                 if (summary := _summary(page, deciders.get(page.name)))}
    kept = [_STORED_UNSURE_COUNT.sub(r"\1 rows unsure\2", _naming_deciders(warning, deciders))
            for warning in article.warnings
            if not any(warning.startswith(f"{name}: ") and _UNSURE_COUNT.match(warning, len(name) + 2)
                       for name in summaries)]
    return kept + list(summaries.values())


def _naming_deciders(warning: str, deciders: dict[str, str]) -> str:
    """A page's warning that ends in the splitter's `GIVE_NEIGHBOURS`, with the pages that would
    decide it named (`_deciders`, by page name) instead."""
    if not warning.endswith(GIVE_NEIGHBOURS):
        return warning
    for name, named in deciders.items():
        if warning.startswith(f"{name}:"):
            return f"{warning.removesuffix(GIVE_NEIGHBOURS)}{CHECK_THEM}, or give {named}"
    return warning


def warning_lines(article: Article, source: str, names: Iterable[str] = ()) -> list[str]:
    """Every warning about how `article` was read (`summarised_warnings`), one printable line each.

    A warning that does not start with `source`, the name the user knows the article's input
    by, or with the name of an input (one of `names`, as given or as the readers write a path:
    `d` for `d/` or `./d`, or a page of the article) or of a file in an input folder
    (`d/0.txt:` where `d` is given) is prefixed with `source`: once, whatever named it first.
    """
    names = (*names, *(str(PurePath(name)) for name in names if name))
    known = [source, *names, *(page.name for page in article.pages)]
    lines = [warning if any(warning.startswith(f"{name}:") for name in known)
             or _names_a_file_in(warning, names) else f"{source}: {warning}"
             for warning in summarised_warnings(article)]
    return [visible(line) for line in lines]
