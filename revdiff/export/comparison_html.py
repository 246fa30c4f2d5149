"""A standalone HTML page of comparisons: one table per comparison, every text escaped.

A long run of unchanged sentences is folded into one row that opens to show them (`<details>`,
no script): a live blog's page otherwise repeated its whole text in every pair's table.

The page shell and its style sheet are `revdiff.export.html_page`'s, shared with the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from html import escape
from itertools import chain, groupby

from revdiff.engine.stats import percent, two_decimals
from revdiff.engine.words import word_diff
from revdiff.export.html_page import page_pieces
from revdiff.model import Article, Comparison, Edit, EditOp, Flag, WordDiff
from revdiff.read_warnings import counted, first_few

# What the tables' marks mean, once above them on each page.
LEGEND = (
    '<p class="legend">How to read the tables: each row holds a sentence of the old version (left) '
    "and the new (right), <del>words removed</del> struck out and <ins>words added</ins> in green. "
    "A row's label says what became of it: unchanged, edited, moved, split (one sentence made "
    "several), merged (several made one), added or deleted; the number after edited, moved, split "
    "or merged is how alike its texts are, from 0 to 1 (&gt;0.99: alike but for a detail). Flags "
    "under a label say what changed: number_changed, quote_changed, attribution_changed (the "
    "sources named), case_only, punctuation_only, whitespace_only, encoding_only (the same text "
    "in another Unicode form). A pair is boring when its edits change no more than white space, "
    "punctuation, quotation marks, dashes or Unicode forms, a rewrite when over half of each "
    "version was removed or added.</p>")


def _side(diff: WordDiff, keep: int) -> str:
    """One side of a word diff as HTML: kept runs plain, the side's own changes marked."""
    parts = []
    for op, text in diff:
        if op == 0:
            parts.append(escape(text))
        elif op == keep:
            tag = "del" if op < 0 else "ins"
            parts.append(f"<{tag}>{escape(text)}</{tag}>")
    return "".join(parts)


def _flags(flags: frozenset[Flag]) -> str:
    """An edit's or the title's flags, each in a span, after its label; a flag's name may break
    after an underscore (`attribution_<wbr>changed`), as nowhere else in its narrow column."""
    return "".join(f'<span class="flags">{escape(value).replace("_", "_<wbr>")}</span>'
                   for value in sorted(flag.value for flag in flags))


def _row(edit: Edit) -> str:
    label = escape(edit.op.value)
    if edit.op not in (EditOp.UNCHANGED, EditOp.ADDED, EditOp.DELETED):
        label += f" {escape(two_decimals(edit.similarity))}"
    return (f'<tr class="{escape(edit.op.value)}"><td class="op">{label}{_flags(edit.flags)}</td>'
            f"<td>{_side(edit.word_diff, -1)}</td><td>{_side(edit.word_diff, 1)}</td></tr>")


# A run of at least this many unchanged sentences, beside the one kept next to each change, is
# folded into one row.
_FOLDED_AT_LEAST = 3


def _folded_row(edits: Sequence[Edit]) -> str:
    """Unchanged sentences in one row that opens to show them, each once (both sides alike)."""
    texts = "".join(f"<p>{escape(edit.new_text)}</p>" for edit in edits)
    return (f'<tr class="unchanged"><td class="op">{escape(EditOp.UNCHANGED.value)}</td>'
            f'<td colspan="2"><details><summary>{counted(len(edits), "unchanged sentence")}'
            f"</summary>{texts}</details></td></tr>")


def _is_plain_unchanged(edit: Edit) -> bool:
    return edit.op is EditOp.UNCHANGED and not edit.flags


def _rows(edits: Sequence[Edit]) -> Iterator[str]:
    """The table's rows, an edit's each, but a long run of unchanged sentences folded into one
    row; the unchanged sentence next to a change keeps its row, as context."""
    runs = [(unchanged, list(run)) for unchanged, run in groupby(edits, key=_is_plain_unchanged)]
    for position, (unchanged, run) in enumerate(runs):
        start = 1 if position > 0 else 0  # after a change
        end = len(run) - 1 if position < len(runs) - 1 else len(run)  # before one
        if not unchanged or end - start < _FOLDED_AT_LEAST:
            yield from (_row(edit) for edit in run)
            continue
        yield from (_row(edit) for edit in run[:start])
        yield _folded_row(run[start:end])
        yield from (_row(edit) for edit in run[end:])


def comparison_table(comparison: Comparison, *, article: str | None = None) -> str:
    stats = comparison.stats
    counts = ", ".join(f"{count} {op}" for op, count in stats.counts.items() if count)
    title_diff = word_diff(comparison.old.title, comparison.new.title)
    heading = escape(article or comparison.new.title)
    notes = " · boring" * stats.boring + " · rewrite" * stats.rewrite
    return "\n".join([
        f"<h2><bdi>{heading}</bdi>: version {comparison.old.number} &rarr; {comparison.new.number}</h2>",
        (f'<p class="stats">{escape(counts)}; +{stats.words_added}/-{stats.words_removed} words, '
        f"{escape(percent(stats.changed_share))} changed{escape(notes)}</p>"),
        "<table>",
        (f'<tr><td class="op">title{_flags(comparison.title_flags)}</td>'
         f"<th>{_side(title_diff, -1)}</th><th>{_side(title_diff, 1)}</th></tr>"),
        *_rows(comparison.edits),
        "</table>",
    ])


def comparisons_heading(articles: Sequence[Article], titles: Sequence[str]) -> str:
    """The page's heading, naming what it compares: one article's title (`titles`, one for each
    article) and versions (`Storm hits coast: versions 0 to 3`), or the count and the first few
    titles of several articles."""
    if len(articles) == 1:
        numbers = [version.number for version in articles[0].versions]
        return f"{titles[0]}: versions {numbers[0]} to {numbers[-1]}"
    return f"{counted(len(titles), 'article')}: {first_few(titles)}"


def comparisons_html(items: Iterable[tuple[str, Comparison]], *, heading: str = "Comparisons"
                     ) -> Iterator[str]:
    """One page of every comparison's table under `heading` (its title too, `HEADING -
    revdiff`), in pieces made one comparison at a time: a page of many articles is written as it
    is made, never held whole."""
    return page_pieces(f"{heading} - revdiff", chain(
        [f"<h1>{escape(heading)}</h1>", LEGEND],
        (comparison_table(comparison, article=article) for article, comparison in items)))
