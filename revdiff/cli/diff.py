"""`revdiff diff`: compare consecutive versions, or two chosen ones, and print the edits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

import click

from revdiff.cli import RevdiffCommand
from revdiff.cli.common import (
    corrections_option,
    echo_blocks,
    inputs_argument,
    load_and_warn,
    max_size_option,
    quiet_option,
    reports_errors,
    use_color,
    warn,
    write_data,
)
from revdiff.cli.version_pair import VersionPair, VersionPairType, pick_pairs
from revdiff.errors import stdout_open
from revdiff.model import SENTENCE_MODES, Article, Comparison, Edit, EditOp, Flag, is_unsure
from revdiff.terminal_text import visible, visible_unseen

if TYPE_CHECKING:
    from revdiff.export.comparison_records import Item

FORMATS = ("text", "json", "jsonl", "csv", "unified", "html")

EXAMPLES = """\b
Examples:
  revdiff diff samples/versions/iran-strikes-us-troops-in-iraq/
      a directory of versions
  revdiff diff samples/washpo-soleimani-v6-v7.txt --changes-only
      a saved diff page, changes only
  revdiff diff samples/newsedits.sqlite --flag number_changed
      the edits that change a number
  revdiff diff samples/newsedits.sqlite --format csv
      one edit per row
  revdiff diff samples/newsedits.sqlite --versions first..last
      each article's first version against its last
"""

# The edits that carry no flag (`edit_flags`): an added or deleted sentence, text on one side only,
# and an unchanged one, the same text on both.
_UNFLAGGED_OPS = frozenset({EditOp.ADDED, EditOp.DELETED, EditOp.UNCHANGED})
_FLAGGED_LABELS = [op.value for op in EditOp if op not in _UNFLAGGED_OPS]

_STYLES: dict[str, dict[str, bool | str]] = {
    "deleted": {"fg": "red", "strikethrough": True},
    "inserted": {"fg": "green", "underline": True},
    "title": {"bold": True},
    "edit": {"bold": True},
    "unchanged": {"dim": True},
}


def terminal_style(text: str, role: str) -> str:
    """Colours for a terminal: deleted words red and struck through, inserted green, underlined."""
    return click.style(text, **_STYLES[role])  # type: ignore[arg-type]


def article_comparisons(articles: list[Article], sentences: str, names: list[str],
                        pairs: list[list[tuple[int, int]]] | None = None) -> Iterator[Item]:
    """Every consecutive pair of versions of every article, or with `pairs` (one list for each
    article, empty for one left out) the pairs of each at those places among its versions, with
    how sure its reading is, each compared when the one before it has been written (a live
    blog's hundreds of comparisons are never held at once); an article without a URL or a title
    is named by `names` (`load_and_warn`'s)."""
    from revdiff.export.pairs import compared_pairs, pair_reading
    from revdiff.export.records import article_ref

    for index, (article, name) in enumerate(zip(articles, names, strict=True)):
        ref = article_ref(index, article, name)
        for comparison in compared_pairs(article, sentences, None if pairs is None else pairs[index]):
            yield ref, comparison, pair_reading(article, comparison)


def edit_filter(changes_only: bool, labels: tuple[str, ...], flags: tuple[str, ...]
                ) -> Callable[[Edit], bool]:
    """The edits the text format prints: with one of the `labels` (any when none is given) and
    one of the `flags` (any edit when none is given), and no unchanged one with `changes_only`."""
    def kept(edit: Edit) -> bool:
        return ((not changes_only or edit.op is not EditOp.UNCHANGED)
                and (not labels or edit.op.value in labels)
                and (not flags or any(flag.value in flags for flag in edit.flags)))
    return kept


def title_answers(comparison: Comparison, labels: tuple[str, ...], flags: tuple[str, ...]
                  ) -> bool:
    """Whether the pair's changed title, which the text format prints above the edits with its
    flags, is a change `--only` and `--flag` ask for: an edited one, with the title's flags."""
    return (comparison.old.title != comparison.new.title
            and (not labels or EditOp.EDITED.value in labels)
            and (not flags or any(flag.value in flags for flag in comparison.title_flags)))


@click.command(cls=RevdiffCommand, epilog=EXAMPLES)
@inputs_argument
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True,
              help="text: coloured edits for a terminal; json: an array, one object per version pair; "
                   "jsonl: one edit per line; csv: one edit per row (the edit columns of "
                   "docs/EXPORT.md); unified: a patch, one sentence per line; html: a page.")
@click.option("--sentences", type=click.Choice(SENTENCE_MODES), default="auto", show_default=True,
              help="auto: split paragraphs into sentences; lines: each paragraph/line is one sentence.")
@click.option("--versions", "version_pair", type=VersionPairType(),
              help="Compare version OLD with version NEW of each article directly (numbers as "
                   "`revdiff parse` shows them, or first and last), not each consecutive pair.")
@click.option("--changes-only", is_flag=True, help="text format: leave out unchanged sentences.")
# --only and --flag name their choices in their help, which is wrapped to the terminal's width,
# not beside the option (`--flag [encoding_only|...|attribution_changed]` took 116 columns)
@click.option("--only", "labels", multiple=True, type=click.Choice([op.value for op in EditOp]),
              metavar="LABEL",
              help="text format: print only the edits with this label ("
                   + ", ".join(op.value for op in EditOp) + "); repeat for several (an edit "
                   "with any of them).")
@click.option("--flag", "flags", multiple=True, type=click.Choice([flag.value for flag in Flag]),
              metavar="FLAG",
              help="text format: print only the edits with this flag ("
                   + ", ".join(flag.value for flag in Flag) + "); repeat for several (an edit "
                   "with any of them). With --only, an edit needs a label and a flag (an added, "
                   "deleted or unchanged sentence has none).")
@click.option("--color/--no-color", default=None,
              help="text format: colour the word changes (default: when writing to a terminal, "
                   "unless TERM is dumb, unknown or not set, or NO_COLOR is not empty); without "
                   "colour, deletions are shown [-so-] and insertions {+so+}.")
@quiet_option
@corrections_option
@max_size_option
@reports_errors
def diff(inputs: tuple[str, ...], output_format: str, sentences: str,
         version_pair: VersionPair | None, changes_only: bool, labels: tuple[str, ...],
         flags: tuple[str, ...], color: bool | None, quiet: bool,
         corrections: str | None, max_size: int) -> None:
    """Compare consecutive versions of each article, sentence by sentence and word by word
    (with --versions, two chosen ones).

    The text format heads each pair (`ARTICLE: version 0 -> 1`, with the versions' times where
    the input gives them) with a line that counts its edits by label, the words added and
    removed (+added/-removed) and the share of the text changed, ending in `; rewrite` when more
    than half of each version's characters were removed or added in a pair that is not boring,
    and in `; boring` when every edit is boring (docs/COMMANDS.md says which are). Then each
    edit: its label, the sentences it pairs (old -> new, counted from 0, `-` for none), `sim`
    (how alike the two sentences are, 0 to 1), its flags in brackets and, for an edit read from
    an unsure row of a flattened page, how sure that reading is (`? 35% sure`).
    The tables of labels and flags in docs/COMMANDS.md say what each means (docs/FLAGS.md in full).
    """
    # a label or flag given twice is asked for once (and named once where no edit has it)
    labels, flags = tuple(dict.fromkeys(labels)), tuple(dict.fromkeys(flags))
    for option, given in (("--changes-only", changes_only), ("--only", labels), ("--flag", flags)):
        if given and output_format != "text":  # the tables hold every edit, to be counted
            raise click.UsageError(f"{option} applies to --format text, not {output_format}")
    if changes_only and EditOp.UNCHANGED.value in labels:
        raise click.UsageError("--changes-only leaves out the unchanged sentences that --only "
                               "unchanged asks for; give one of them")
    if flags and labels and all(EditOp(label) in _UNFLAGGED_OPS for label in labels):
        raise click.UsageError(
            f"--only {' or '.join(labels)} picks sentences that carry no flag (an added, deleted "
            f"or unchanged one has none), so --flag {' or '.join(flags)} matches no edit; add "
            f"--only {', '.join(_FLAGGED_LABELS[:-1])} or {_FLAGGED_LABELS[-1]}, or leave out --flag")
    if color and output_format != "text":  # (--no-color is what the other formats are anyway)
        raise click.UsageError(f"--color applies to --format text, not {output_format}")
    unmatched = [label for label in labels if flags and EditOp(label) in _UNFLAGGED_OPS]
    if unmatched:  # beside a label that can carry a flag (alone, they are refused above)
        warn(f"--only {' or '.join(unmatched)} matches no edit with --flag {' or '.join(flags)}: "
             "an added, deleted or unchanged sentence carries no flag")
    stdout_open()  # the output goes there: a closed one is refused before any input is read
    # The exporters (and through them the engine) are imported here, not with the module:
    # completing an input path and `--help` need none of them.
    from revdiff.export.comparison_html import (
        ArticleName,
        comparisons_heading,
        comparisons_html,
        versions_heading,
    )
    from revdiff.export.comparison_records import (
        comparisons_csv,
        comparisons_json,
        comparisons_jsonl,
    )
    from revdiff.export.comparison_text import comparison_text
    from revdiff.export.pairs import article_confidence
    from revdiff.export.patch_text import article_unified_diff

    names: list[str] = []
    articles = load_and_warn(inputs, max_size, quiet, compare=True, names=names,
                             corrections=corrections)
    # each article's pair asked for, none for one that lacks it, all checked before any is
    # written; an article keeps its place, so its index is the one `revdiff parse` gives it
    pairs = None if version_pair is None else pick_pairs(articles, names, version_pair, quiet)
    shown = [index for index in range(len(articles)) if pairs is None or pairs[index]]
    items = article_comparisons(articles, sentences, names, pairs)
    if output_format == "jsonl":
        for line in comparisons_jsonl(items):
            write_data(line + "\n")
    elif output_format == "json":
        for text in comparisons_json(items):
            write_data(text)
        write_data("\n")
    elif output_format == "csv":
        for text in comparisons_csv(items):
            write_data(text)
    elif output_format == "html":  # headed by each article's title, as the report is
        from revdiff.export.records import article_ref, display_title

        refs = [article_ref(index, article, name)
                for index, (article, name) in enumerate(zip(articles, names, strict=True))]
        titles = [display_title(ref, article) for ref, article in zip(refs, articles, strict=True)]
        # a page of one article names it in its heading, a page of several in each pair's: by
        # its title and, where that is not it, the name the text gives it (two of one title)
        named = [ArticleName(title, None if ref.name == title else ref.name)
                 for ref, title in zip(refs, titles, strict=True)]
        by_article = ((None if len(shown) == 1 else named[ref.index],
                       ((comparison, reading) for _, comparison, reading in pairs))
                      for ref, pairs in groupby(items, key=itemgetter(0)))
        # the legend, above the tables, says what marks a row read unsure where one is
        unsure = any(is_unsure(article_confidence(articles[index], sentences,
                                                  None if pairs is None else pairs[index]))
                     for index in shown)
        if pairs is not None and len(shown) == 1:  # one article's pair asked for: those versions
            versions = articles[shown[0]].versions
            old, new = pairs[shown[0]][0]
            heading = versions_heading(titles[shown[0]], versions[old].number, versions[new].number)
        else:
            heading = comparisons_heading([articles[index] for index in shown],
                                          [titles[index] for index in shown])
        for text in comparisons_html(by_article, heading=heading, unsure=unsure):
            write_data(text)
    elif output_format == "unified":
        for ref, comparison, _ in items:  # several articles' files numbered, kept apart
            write_data(article_unified_diff(ref.name, comparison,
                                            ref.index if len(articles) > 1 else None))
    else:
        color = use_color(color)
        # for a terminal: the text compared as it is, its control characters shown as symbols
        kept = edit_filter(changes_only, labels, flags)

        def blocks() -> Iterator[str]:
            for ref, comparison, reading in items:
                # a changed title is printed as an edit is: where it answers --only and --flag
                title_kept = not (labels or flags) or title_answers(comparison, labels, flags)
                text = comparison_text(comparison, article=ref.name, kept=kept, title_kept=title_kept,
                                       color=terminal_style if color else None, shown=visible,
                                       unseen=visible_unseen,
                                       confidence=None if reading is None else partial(
                                           reading.edit_confidence, comparison=comparison))
                if ((labels or flags) and not title_kept
                        and not any(kept(edit) for edit in comparison.edits)):
                    text += "\n(no edit with " + " and ".join(
                        f"the {name} {' or '.join(values)}"
                        for name, values in (("label", labels), ("flag", flags)) if values) + ")"
                yield text

        echo_blocks(blocks(), color=color)
