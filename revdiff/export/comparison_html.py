"""A standalone HTML page of comparisons: one table per comparison, every text escaped.

A long run of unchanged sentences is folded into one row that opens to show them (`<details>`,
no script): a live blog's page otherwise repeated its whole text in every pair's table. On a page
of an article's consecutive pairs (the report's, and `revdiff diff`'s for each article) a
sentence's text is written once: a later pair folds its unchanged run into a count and a link to
where the page shows the run's first sentence.

The page shell and its style sheet are `revdiff.export.html_page`'s, shared with the report.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from itertools import chain, groupby
from typing import NamedTuple

from revdiff.engine.rounded_shares import percent, two_decimals
from revdiff.engine.terminal_codes import control_sequences_whole
from revdiff.engine.words import word_diff
from revdiff.export.comparison_text import breaks_marked
from revdiff.export.html_page import UNKNOWN_LANGUAGE, header_row, isolated, page_pieces, shown_line
from revdiff.export.pairs import PairReading
from revdiff.export.version_times import version_time
from revdiff.model import (
    Article,
    Comparison,
    Edit,
    EditOp,
    Flag,
    Version,
    WordDiff,
    is_unsure,
    sure_percent,
)
from revdiff.read_warnings import counted, first_few
from revdiff.terminal_text import UNSEEN, changes_unseen

# What the tables' marks mean, once above them on each page (`legend`).
_LEGEND = (
    "How to read the tables: each row holds a sentence of the old version (left) and the new "
    "(right), <del>words removed</del> struck out in red and <ins>words added</ins> underlined in "
    "green. A row's label says what became of it: unchanged, edited, moved, split (one sentence made "
    "several), merged (several made one), added or deleted; the number after edited, moved, split "
    "or merged is how alike its texts are, from 0 to 1 (&gt;0.99: alike but for a detail). Flags "
    "under a label say what changed: number_changed, quote_changed, attribution_changed (the "
    "sources named), case_only, punctuation_only, whitespace_only, encoding_only (the same text "
    "in another Unicode form). A pair is boring when its edits change no more than white space, "
    "punctuation, quotation marks, dashes or Unicode forms, a rewrite when over half of each "
    "version was removed or added and it is not boring.")
# What marks the rows of a flattened page that the column splitter was unsure of.
_UNSURE_LEGEND = (
    "A label over <span class=\"sureness\">? 47% sure</span> marks a row read from a "
    "flattened page (text saved without its columns) whose cut between the old text "
    "and the new the column splitter was unsure of: a guess, right about that often; check it "
    "against the page, or give the article's HTML page or the diff pages beside it.")


def legend(unsure: bool = False) -> str:
    """What the tables' marks mean; with `unsure`, on a page that marks rows read unsure, also
    what that mark means."""
    return f'<p class="legend">{_LEGEND}{" " + _UNSURE_LEGEND if unsure else ""}</p>'


# The legend of a page that marks no row unsure.
LEGEND = legend()


# A character that takes no room on screen, where a change differs in nothing else: a marker
# that shows its code, named in full in its title (`revdiff.terminal_text.changes_unseen`).
_UNSEEN_MARKERS = {ord(char): f'<span class="unseen" title="{unicodedata.name(char)}">'
                              f"&lt;U+{ord(char):04X}&gt;</span>" for char in UNSEEN}


def _side(diff: WordDiff, keep: int) -> str:
    """One side of a word diff as HTML: kept runs plain, the side's own changes marked; a change
    that differs only in characters that take no room shows them as markers. Its line breaks
    and tabs show as the text output shows them (`shown_line`: `␊`, `␉`; a paragraph break
    changed as `¶`, `breaks_marked`), where a page would draw them as spaces, and a control
    sequence that a change cuts is marked whole, as there (`control_sequences_whole`)."""
    parts = []
    for change, unseen_only in changes_unseen(breaks_marked(control_sequences_whole(diff))):
        for op, text in change:
            if op == 0:
                parts.append(shown_line(text))
            elif op == keep:
                tag = "del" if op < 0 else "ins"
                shown = shown_line(text)
                parts.append(f"<{tag}>{shown.translate(_UNSEEN_MARKERS) if unseen_only else shown}"
                             f"</{tag}>")
    return "".join(parts)


def _flags(flags: frozenset[Flag]) -> str:
    """An edit's or the title's flags, each in a span after a space (a page read without its
    style sheet, which shows each on a line of its own, keeps them apart), after its label; a
    flag's name may break after an underscore (`attribution_<wbr>changed`), as nowhere else in
    its narrow column."""
    return "".join(f' <span class="flags">{escape(value).replace("_", "_<wbr>")}</span>'
                   for value in sorted(flag.value for flag in flags))


def _id_attribute(element_id: str) -> str:
    return f' id="{escape(element_id)}"' if element_id else ""


def _sureness(confidence: float | None) -> str:
    """`? 47% sure` after the label of an edit that rests on a page row read unsure, rounded
    down as the app's status line does (never `99% sure` on a row it marks), after a space as the
    flags are (`_flags`); nothing else."""
    if not is_unsure(confidence):
        return ""
    assert confidence is not None
    return f' <span class="sureness">? {sure_percent(confidence)}</span>'


def _row(edit: Edit, row_id: str = "", confidence: float | None = None) -> str:
    label = escape(edit.op.value)
    if edit.op not in (EditOp.UNCHANGED, EditOp.ADDED, EditOp.DELETED):
        label += f" {escape(two_decimals(edit.similarity))}"
    row_class = escape(edit.op.value) + " unsure" * is_unsure(confidence)
    return (f'<tr class="{row_class}"{_id_attribute(row_id)}>'
            f'<td class="op">{label}{_sureness(confidence)}{_flags(edit.flags)}</td>'
            f"<td{UNKNOWN_LANGUAGE}>{_side(edit.word_diff, -1)}</td>"
            f"<td{UNKNOWN_LANGUAGE}>{_side(edit.word_diff, 1)}</td></tr>")


# A run of at least this many unchanged sentences, beside the one kept next to each change, is
# folded into one row.
_FOLDED_AT_LEAST = 3


def _folded_row(edits: Sequence[Edit], sentence_ids: Sequence[str] | None = None) -> str:
    """Unchanged sentences in one row that opens to show them, each once (both sides alike),
    each paragraph with its id of `sentence_ids` when given, its line breaks shown as a row's."""
    ids = sentence_ids or [""] * len(edits)
    texts = "".join(f"<p{_id_attribute(sentence_id)}{UNKNOWN_LANGUAGE}>{shown_line(edit.new_text)}</p>"
                    for edit, sentence_id in zip(edits, ids, strict=True))
    return (f'<tr class="unchanged"><td class="op">{escape(EditOp.UNCHANGED.value)}</td>'
            f'<td colspan="2"><details><summary>{counted(len(edits), "unchanged sentence")}'
            f"</summary>{texts}</details></td></tr>")


def _linked_fold_row(count: int, first: SentencePlace) -> str:
    """Unchanged sentences the page shows in an earlier pair: their count, and a link to where
    the first of them is."""
    return (f'<tr class="unchanged"><td class="op">{escape(EditOp.UNCHANGED.value)}</td>'
            f'<td colspan="2">{counted(count, "unchanged sentence")}, the first as '
            f'<a href="#{escape(first.anchor)}">version {first.version}</a> shows it</td></tr>')


class SentencePlace(NamedTuple):
    """Where a page shows a sentence's text: in the pair whose new version is `version`, in the
    row or folded paragraph of that version's sentence number `sentence`; `article` starts the
    ids of one article's part of a page of several (`a2-`), empty on a page of one."""

    version: int
    sentence: int
    article: str = ""

    @property
    def anchor(self) -> str:
        return f"{self.article}v{self.version}s{self.sentence}"


class ShownSentences:
    """Where a page of an article's consecutive pairs shows each sentence of the last version
    it compared, by the sentence's index. The text of every sentence is on the page once (the
    first pair's unchanged runs open to show theirs; each later sentence is on a row of the pair
    that added or changed it), so a later pair's unchanged run need not repeat it: a live blog's
    report otherwise grew with the square of its versions (500 versions, a page of 20 MB).
    `article` starts the ids of the article's sentences on a page of several articles."""

    def __init__(self, article: str = "") -> None:
        self.article = article
        self.version: int | None = None
        self.places: list[SentencePlace] = []

    def of_old_version(self, comparison: Comparison) -> list[SentencePlace] | None:
        """Where the page shows the comparison's old sentences; None when it does not show them
        all (the comparison does not follow the page's last one)."""
        if self.version != comparison.old.number or len(self.places) != len(comparison.old_sentences):
            return None
        return self.places


def _is_plain_unchanged(edit: Edit) -> bool:
    return edit.op is EditOp.UNCHANGED and not edit.flags


def _rows(comparison: Comparison, shown: ShownSentences | None, reading: PairReading | None
          ) -> Iterator[str]:
    """The table's rows, an edit's each, but a long run of unchanged sentences folded into one
    row; the unchanged sentence next to a change keeps its row, as context, and so does one that
    rests on a page row read unsure (`reading`), marked so. With `shown` (a page
    of consecutive pairs) each row carries the id of its first new sentence, and a run the page
    already shows is folded into a link there; `shown` then holds the new version's places."""
    edits = comparison.edits
    earlier = shown.of_old_version(comparison) if shown is not None else None
    places = [SentencePlace(comparison.new.number, index, shown.article if shown else "")
              for index in range(len(comparison.new_sentences))]

    def confidence(edit: Edit) -> float | None:
        return reading.edit_confidence(edit, comparison) if reading is not None else None

    def row(edit: Edit) -> str:
        if shown is None or not edit.new:
            return _row(edit, confidence=confidence(edit))
        for index in edit.new[1:]:  # a split's sentences: on the row of its first
            places[index] = places[edit.new[0]]
        return _row(edit, places[edit.new[0]].anchor, confidence(edit))

    def foldable(edit: Edit) -> bool:
        return _is_plain_unchanged(edit) and not is_unsure(confidence(edit))

    def folded(run: Sequence[Edit]) -> str:
        if shown is None:
            return _folded_row(run)
        if earlier is None:
            return _folded_row(run, [places[edit.new[0]].anchor for edit in run])
        for edit in run:
            places[edit.new[0]] = earlier[edit.old[0]]
        return _linked_fold_row(len(run), earlier[run[0].old[0]])

    runs = [(unchanged, list(run)) for unchanged, run in groupby(edits, key=foldable)]
    for position, (unchanged, run) in enumerate(runs):
        start = 1 if position > 0 else 0  # after a change
        end = len(run) - 1 if position < len(runs) - 1 else len(run)  # before one
        if not unchanged or end - start < _FOLDED_AT_LEAST:
            yield from (row(edit) for edit in run)
            continue
        yield from (row(edit) for edit in run[:start])
        yield folded(run[start:end])
        yield from (row(edit) for edit in run[end:])
    if shown is not None:
        shown.version, shown.places = comparison.new.number, places


def _version_and_time(version: Version, other: Version) -> str:
    """`3 <small>(TIME)</small>`, the version's time beside the pair's `other` version
    (`version_time`), or the number alone for a version without one."""
    when = version_time(version, other)
    return f"{version.number} <small>({escape(when)})</small>" if when else str(version.number)


class ArticleName(NamedTuple):
    """How a page of several articles names one in the heading of each of its pairs: by its
    title and, where that is not it, the name the text output gives it (its URL or input), so
    that two articles of one title are told apart."""

    title: str
    name: str | None = None

    def html(self) -> str:
        """`TITLE (NAME)`, each isolated (`<bdi>`): a right-to-left title would otherwise draw
        a URL after it on its own side."""
        title = f"<bdi{UNKNOWN_LANGUAGE}>{shown_line(self.title)}</bdi>"
        return title if self.name is None else f"{title} ({isolated(self.name)})"


def _pair_heading(comparison: Comparison, article: ArticleName | None) -> str:
    """`version 3 (2024-01-05 10:00:00) → 4 (2024-01-05 11:30:00)`: the versions and their
    times, after the article's name (`ARTICLE: version 3 ...`) on a page of several articles;
    on a page of one (`article` None) its heading names it."""
    versions = (f"version {_version_and_time(comparison.old, comparison.new)} &rarr; "
                f"{_version_and_time(comparison.new, comparison.old)}")
    if article is None:
        return f"<h2>{versions}</h2>"
    return f"<h2>{article.html()}: {versions}</h2>"


def comparison_table(comparison: Comparison, *, article: ArticleName | None = None,
                     shown: ShownSentences | None = None, reading: PairReading | None = None
                     ) -> str:
    """The comparison's heading, its counts and its table; `article` names it, None on a page
    of one article that its heading names; `reading`, how sure the reading of its versions'
    text is, marks the rows that rest on a page row read unsure."""
    stats = comparison.stats
    # A pair of versions without text (a headline tracker's) has no sentences to count
    counts = ", ".join(f"{count} {op}" for op, count in stats.counts.items() if count) \
        or "no sentences"
    # diffed as a row's sentences are; `_side` shows them as lines, a line break kept as `␊`
    title_diff = word_diff(comparison.old.title, comparison.new.title)
    notes = " · boring" * stats.boring + " · rewrite" * stats.rewrite
    return "\n".join([
        _pair_heading(comparison, article),
        (f'<p class="stats">{escape(counts)}; +{stats.words_added}/-{stats.words_removed} words, '
        f"{escape(percent(stats.changed_share))} changed{escape(notes)}</p>"),
        '<table class="diff">',
        header_row("edit", f"version {comparison.old.number}", f"version {comparison.new.number}"),
        (f'<tr class="title"><td class="op">title{_flags(comparison.title_flags)}</td>'
         f"<td{UNKNOWN_LANGUAGE}>{_side(title_diff, -1)}</td>"
         f"<td{UNKNOWN_LANGUAGE}>{_side(title_diff, 1)}</td></tr>"),
        *_rows(comparison, shown, reading),
        "</table>",
    ])


class PageHeading(NamedTuple):
    """A page's heading as text (the page's title, `HEADING - revdiff`) and as HTML, where each
    article title in it is isolated and of unknown language (`ArticleName.html`)."""

    text: str
    html: str


def versions_heading(title: str, first: int, last: int) -> PageHeading:
    """`Storm hits coast: versions 0 to 3`: a page of one article's versions `first` to `last`."""
    versions = f": versions {first} to {last}"
    return PageHeading(f"{title}{versions}", f"{ArticleName(title).html()}{escape(versions)}")


def comparisons_heading(articles: Sequence[Article], titles: Sequence[str]) -> PageHeading:
    """The page's heading, naming what it compares: one article's title (`titles`, one for each
    article) and versions (`versions_heading`), or the count and the first few titles of several
    articles."""
    if len(articles) == 1:
        numbers = [version.number for version in articles[0].versions]
        return versions_heading(titles[0], numbers[0], numbers[-1])
    count = f"{counted(len(titles), 'article')}: "
    return PageHeading(f"{count}{first_few(titles)}",
                       escape(count) + first_few([ArticleName(title).html() for title in titles]))


# An article's name (None on a page of one article) and its comparisons, each with how sure the
# reading of its versions is (None: not known, no row marked).
ArticlePairs = tuple[ArticleName | None, Iterable[tuple[Comparison, PairReading | None]]]


def _article_tables(articles: Iterable[ArticlePairs]) -> Iterator[str]:
    """Each article's comparisons' tables, a sentence's text written once in each article's."""
    for index, (article, pairs) in enumerate(articles):
        shown = ShownSentences("" if article is None else f"a{index}-")
        for comparison, reading in pairs:
            yield comparison_table(comparison, article=article, shown=shown, reading=reading)


def comparisons_html(articles: Iterable[ArticlePairs], *,
                     heading: PageHeading | str = "Comparisons", unsure: bool = False
                     ) -> Iterator[str]:
    """One page of the tables of each article's consecutive comparisons (its name, None on a
    page of one article that `heading` names, and its comparisons with their readings, whose
    rows read unsure are marked as the report marks them) under `heading` (its title too,
    `HEADING - revdiff`; a text of revdiff's own words, or a `PageHeading` naming articles), in
    pieces made one comparison at a time: a page of many articles is written as it is made,
    never held whole. `unsure`: whether some reading is unsure, and the
    legend says what that mark means."""
    if isinstance(heading, str):
        heading = PageHeading(heading, escape(heading))
    return page_pieces(f"{heading.text} - revdiff", chain(
        [f"<h1>{heading.html}</h1>", legend(unsure)], _article_tables(articles)))
