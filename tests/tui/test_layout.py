from __future__ import annotations

import re
import unicodedata

import pytest

from revdiff.engine import compare
from revdiff.model import Article, EditOp, Version
from revdiff.tui.filters import FilterState, Folded, Shown, visible_items
from revdiff.tui.layout import (
    Layout,
    LayoutBuilder,
    LayoutMode,
    Unsure,
    automatic_mode,
    build_layout,
)
from revdiff.tui.wrapping import text_width

SPLIT_OLD = Version(1, "t", (
    ("The mayor said on Monday that the bridge would close for repairs, and that traffic would be "
     "diverted through the town centre."),
    "Officials said the work would last three weeks.",
    "Residents were angry.",
))
SPLIT_NEW = Version(2, "t", (
    ("The mayor said on Monday that the bridge would close for repairs. Traffic would be diverted "
     "through the town centre."),
    "Officials said the work would last three weeks!",
    "Residents were angry.",
))


@pytest.mark.parametrize("mode", list(LayoutMode))
@pytest.mark.parametrize("width", [60, 79, 140])
def test_every_row_is_exactly_the_width(chain_article: Article, mode: LayoutMode, width: int) -> None:
    comparison = compare(chain_article.versions[1], chain_article.versions[2])
    layout = build_layout(comparison, visible_items(comparison.edits, FilterState()), mode, width)
    assert layout.rows
    assert {text_width(row.text) for row in layout.rows} == {width}


def test_side_by_side_puts_old_left_and_new_right(chain_article: Article) -> None:
    comparison = compare(chain_article.versions[0], chain_article.versions[1])
    layout = build_layout(comparison, visible_items(comparison.edits, FilterState()),
                          LayoutMode.SIDE_BY_SIDE, 120)
    added = next(i for i, e in enumerate(comparison.edits) if e.op is EditOp.ADDED)
    row = layout.rows[layout.first_row[added]]
    left, right = row.text.split("│")
    assert left.strip() == ""
    assert right.startswith("+ ")
    edited = next(i for i, e in enumerate(comparison.edits) if e.op is EditOp.EDITED)
    left, right = layout.rows[layout.first_row[edited]].text.split("│")
    assert left.startswith(" - ") and right.startswith("+ ")


def test_unified_shows_old_lines_then_new_lines_with_word_highlights(chain_article: Article) -> None:
    comparison = compare(chain_article.versions[0], chain_article.versions[1])
    layout = build_layout(comparison, visible_items(comparison.edits, FilterState()),
                          LayoutMode.UNIFIED, 200)
    edited = next(i for i, e in enumerate(comparison.edits) if e.op is EditOp.EDITED)
    rows = layout.rows[layout.first_row[edited]:layout.last_row[edited] + 1]
    assert [row.text[1] for row in rows] == ["-", "+"]
    assert any(style == "old_word" for _, style in rows[0].spans)
    assert any(style == "new_word" for _, style in rows[1].spans)
    inserted = "".join(text for text, style in rows[1].spans if style == "new_word")
    assert "nearly" in inserted and "about" not in inserted


def test_split_and_moved_sentences_are_labelled_not_added_and_deleted(chain_article: Article) -> None:
    split = compare(SPLIT_OLD, SPLIT_NEW)
    layout = build_layout(split, visible_items(split.edits, FilterState()), LayoutMode.UNIFIED, 100)
    texts = [row.text for row in layout.rows]
    assert any("⑂ split: sentence 1 became 2 sentences" in text for text in texts)
    moved = compare(chain_article.versions[1], chain_article.versions[2])
    assert any(e.op is EditOp.MOVED for e in moved.edits)
    layout = build_layout(moved, visible_items(moved.edits, FilterState()), LayoutMode.SIDE_BY_SIDE, 120)
    assert any("↕ moved: was sentence" in row.text for row in layout.rows)
    # at 40 columns the label was cut: `↕ moved: was sentence 4, now senten`
    narrow = build_layout(moved, visible_items(moved.edits, FilterState()), LayoutMode.UNIFIED, 40)
    labels = [row.text for row in narrow.rows if any(s == "label" for _, s in row.spans)]
    whole = next(label for label in
                 build_layout(moved, visible_items(moved.edits, FilterState()), LayoutMode.UNIFIED,
                              200).rows if "↕ moved" in label.text).text.strip()
    assert whole.split(" ")[-1] in " ".join(labels) and all(text_width(t) <= 40 for t in labels)


def test_unsure_sentences_are_marked_in_the_gutter(chain_article: Article) -> None:
    comparison = compare(chain_article.versions[0], chain_article.versions[1])
    layout = build_layout(comparison, visible_items(comparison.edits, FilterState()),
                          LayoutMode.UNIFIED, 100, Unsure(new=frozenset({0})))
    first = next(i for i, e in enumerate(comparison.edits) if 0 in e.new)
    assert comparison.edits[first].old  # an edit: old lines, then new lines
    rows = layout.rows[layout.first_row[first]:layout.last_row[first] + 1]
    marked = [row.text for row in layout.rows if row.text.startswith("?")]
    assert marked and marked == [row.text for row in rows if row.text[1] == "+"]


def test_side_by_side_marks_an_unsure_new_sentence_on_the_new_side(chain_article: Article) -> None:
    """The `?` goes with the side whose page row was unsure, in both layouts."""
    comparison = compare(chain_article.versions[0], chain_article.versions[1])
    layout = build_layout(comparison, visible_items(comparison.edits, FilterState()),
                          LayoutMode.SIDE_BY_SIDE, 120, Unsure(new=frozenset({0})))
    first = next(i for i, e in enumerate(comparison.edits) if 0 in e.new)
    rows = [row.text for row in layout.rows[layout.first_row[first]:layout.last_row[first] + 1]]
    new_side = [text.split("│", 1)[1] for text in rows]
    assert any(text.startswith("+?") for text in new_side)
    assert not any("?" in text.split("│", 1)[0][:3] for text in rows)


def test_hide_unchanged_folds_runs_and_keeps_context(chain_article: Article) -> None:
    comparison = compare(chain_article.versions[2], chain_article.versions[3])
    edits = comparison.edits
    items = visible_items(edits, FilterState(hide_unchanged=True, context=0))
    shown = [item.edit for item in items if isinstance(item, Shown)]
    assert all(edits[i].op is not EditOp.UNCHANGED for i in shown)
    assert sum(item.count for item in items if isinstance(item, Folded)) == \
        sum(e.op is EditOp.UNCHANGED for e in edits)
    with_context = visible_items(edits, FilterState(hide_unchanged=True, context=1))
    assert len([i for i in with_context if isinstance(i, Shown)]) > len(shown)


def test_a_fold_too_long_for_the_width_ends_in_an_ellipsis(chain_article: Article) -> None:
    """`⋯ 41 sentences hidden (41 with othe` was cut at 40 columns without `…`."""
    comparison = compare(chain_article.versions[2], chain_article.versions[3])
    items = visible_items(comparison.edits, FilterState(hide_unchanged=True, context=0,
                                                        only=EditOp.ADDED))
    layout = build_layout(comparison, items, LayoutMode.UNIFIED, 30)
    folds = [row.text for row in layout.rows if "⋯" in row.text]
    assert folds and all(text_width(text) == 30 for text in folds)
    assert any(text.rstrip().endswith("…") for text in folds)


def test_label_filter_and_boring_filter() -> None:
    comparison = compare(SPLIT_OLD, SPLIT_NEW)
    only_split = visible_items(comparison.edits, FilterState(only=EditOp.SPLIT))
    highlighted = [comparison.edits[i.edit].op for i in only_split if isinstance(i, Shown) and i.highlighted]
    assert highlighted == [EditOp.SPLIT]
    punctuation = next(i for i, e in enumerate(comparison.edits) if e.flags)
    plain = visible_items(comparison.edits, FilterState(hide_boring=True))
    assert Shown(punctuation, highlighted=False) in plain
    assert Shown(punctuation, highlighted=True) in visible_items(comparison.edits, FilterState())


def test_automatic_mode_follows_width() -> None:
    assert automatic_mode(80) is LayoutMode.UNIFIED
    assert automatic_mode(160) is LayoutMode.SIDE_BY_SIDE


def _strong_directions(text: str) -> str:
    """The strong directions of `text`'s characters in order, as the Unicode bidirectional
    algorithm reads them: `L` left to right, `R` right to left (Hebrew, Arabic and its digits)."""
    classes = {"L": "L", "R": "R", "AL": "R", "AN": "R"}
    return "".join(classes.get(unicodedata.bidirectional(char), "") for char in text)


def test_side_by_side_keeps_right_to_left_columns_apart_for_a_terminal_that_reorders() -> None:
    """A terminal that lays out right-to-left text itself gives the rule, the gutter and the
    padding between two columns of Arabic their direction (rule N1) and drew the new column left
    of the old one; its first strong character sets a row's direction. Each row holds a
    left-to-right character before its text and between its columns."""
    old = Version(1, "t", ("قال الوزير إن ٣٬٠٠٠ جندي وصلوا إلى بغداد يوم الثلاثاء.",))
    new = Version(2, "t", ("قال الوزير إن ٣٬٥٠٠ جندي وصلوا إلى بغداد يوم الأربعاء.",))
    comparison = compare(old, new)
    layout = build_layout(comparison, visible_items(comparison.edits, FilterState()),
                          LayoutMode.SIDE_BY_SIDE, 120)
    rows = [row.text for row in layout.rows if _strong_directions(row.text)]
    assert rows
    for text in rows:
        left, _new_side = text.split("│")
        assert _strong_directions(text)[0] == "L"
        assert _strong_directions(left).endswith("L")
        assert text_width(text) == 120
    unified = build_layout(comparison, visible_items(comparison.edits, FilterState()),
                           LayoutMode.UNIFIED, 80)
    texts = [row.text for row in unified.rows if _strong_directions(row.text)]
    assert texts and all(_strong_directions(text)[0] == "L" for text in texts)
    assert all(text[1] in "-+" for text in texts)  # the gutter first, the mark after it


# Two sentences of two paragraphs merged into one: the edit's old text holds a newline between them.
MERGED_OLD = Version(1, "t", (
    "The mayor said on Monday that the bridge would close for repairs over the summer.",
    "It will reopen in May, officials said.",
))
MERGED_NEW = Version(2, "t", (
    ("The mayor said on Monday that the bridge would close for repairs over the summer and it "
     "will reopen in May, officials said."),
))


def _side_rows(layout: Layout, index: int, side: str, mode: LayoutMode) -> list[tuple[int, str]]:
    """The rows of an edit that show the text of `side`, each with its text there, without the
    gutter."""
    rows = range(layout.first_row[index], layout.last_row[index] + 1)
    if mode is LayoutMode.SIDE_BY_SIDE:
        return [(row, layout.rows[row].text.split("│")[side == "new"][3:]) for row in rows
                if "│" in layout.rows[row].text]
    marker = {"old": "-", "new": "+"}[side] if index in layout.changes else " "
    return [(row, layout.rows[row].text[3:]) for row in rows if layout.rows[row].text[1] == marker]


@pytest.mark.parametrize("mode", list(LayoutMode))
@pytest.mark.parametrize("width", [50, 79, 140])
def test_the_row_showing_a_character_of_an_edit_s_text_is_the_row_with_its_word(
        chain_article: Article, mode: LayoutMode, width: int) -> None:
    """Each word of each side of each edit (a sentence split, two merged across paragraphs, a
    chain's edits) is on the row `row_showing` names for its first character: its occurrences on
    the rows before are fewer than those before it in the text, on that row one more."""
    checked = 0
    for old, new in ((SPLIT_OLD, SPLIT_NEW), (MERGED_OLD, MERGED_NEW), chain_article.versions[:2]):
        comparison = compare(old, new)
        builder = LayoutBuilder(comparison, visible_items(comparison.edits, FilterState()), mode,
                                width)
        builder.extend()
        for index, edit in enumerate(comparison.edits):
            for side, text in (("old", edit.old_text), ("new", edit.new_text)):
                rows = _side_rows(builder.layout, index, side, mode)
                if not text or not rows:  # a side without text; unified, the old of a plain edit
                    continue
                for word in re.finditer(r"\S+", text):
                    row = builder.row_showing(index, side, word.start())
                    before = text[:word.start()].count(word.group())
                    through = "".join(shown for at, shown in rows if row is not None and at <= row)
                    above = "".join(shown for at, shown in rows if row is not None and at < row)
                    assert above.count(word.group()) <= before < through.count(word.group()), (
                        f"{word.group()!r} of {side} of edit {index} not on row {row}")
                    checked += 1
    assert checked > 300
