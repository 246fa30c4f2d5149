"""The text of a comparison that `revdiff diff` prints: its edits' heads line up."""

from __future__ import annotations

from revdiff.engine.comparison import compare
from revdiff.engine.words import word_diff
from revdiff.export.comparison_text import comparison_text, styled_word_diff
from revdiff.model import EditOp, Version
from revdiff.terminal_text import visible

# Sentences unlike each other, so that each is aligned with its own
FILLER = [f"Report number {n} says that {'abcdefghijklmnopqrstuvwxyz'[n % 26] * (n % 7 + 3)} "
          f"happened at site {n * 37}." for n in range(100)]


def test_heads_line_up_when_a_merge_has_three_digit_indices() -> None:
    """The indices were padded to 7 characters: a merge of sentences 100, 101 and 102 (11
    characters) pushed its arrow, its new indices and its similarity out of line with the
    other edits' (here an edit of sentence 0)."""
    merged = ("The minister visited the flooded town on Monday.",
              "She met the families who lost their homes.",
              "She promised help within a week.")
    old = Version(1, "Floods", (" ".join(FILLER), " ".join(merged)))
    edited = [FILLER[0].replace("says", "said"), *FILLER[1:]]
    merger = ("The minister visited the flooded town on Monday, met the families who lost their "
              "homes and promised help within a week.")
    new = Version(2, "Floods", (" ".join(edited), merger))
    comparison = compare(old, new)
    assert any(edit.op is EditOp.MERGED and len(edit.old) == 3 for edit in comparison.edits)
    heads = [line for line in comparison_text(comparison).splitlines() if " -> " in line
             and not line.startswith("Floods")]
    arrows = {head.index(" -> ") for head in heads}
    assert len(arrows) == 1, heads
    similarities = {head.index(" sim ") for head in heads if " sim " in head}
    assert len(similarities) == 1, heads
    assert len([head for head in heads if " sim " in head]) == 2, heads


def test_a_changed_control_sequence_is_marked_whole() -> None:
    """A change inside an escape sequence cut it where its parameters differ
    (`␛[[-31mred-]{+32mgreen+}␛[0m`): the sequence, shown as symbols, is deleted and inserted
    whole, and a sequence kept whole beside the change stays kept."""
    diff = word_diff("Say \x1b[31mred\x1b[0m now.", "Say \x1b[32mgreen\x1b[0m now.")
    assert styled_word_diff(diff, shown=visible) == (
        "Say [-␛[31mred-]{+␛[32mgreen+}␛[0m now.")


def test_a_control_string_cut_on_both_sides_joins_the_changes_around_it() -> None:
    """A window title set whose title changed at both ends is one change, not two cut out of it."""
    diff = word_diff("A \x1b]0;old title here\x07 b", "A \x1b]0;new title there\x07 b")
    marked = styled_word_diff(diff, shown=visible)
    assert marked == "A [-␛]0;old title here␇-]{+␛]0;new title there␇+} b"


def _tagged(text: str, role: str) -> str:
    return f"<{role}>{text}</{role}>"


def test_coloured_a_replaced_word_is_parted_from_its_replacement() -> None:
    """Coloured, a deleted number and the one inserted in its place ran together (`3,0003,500`),
    told apart only by colour and strikethrough, which not every terminal draws: a plain space
    parts them. A deletion beside kept text, or beside a space, gets none."""
    diff = word_diff("The toll rose to 3,000 people.", "The toll rose to 3,500 people.")
    assert styled_word_diff(diff, color=_tagged) == (
        "The toll rose to <deleted>3,000</deleted> <inserted>3,500</inserted> people.")
    assert styled_word_diff(diff) == "The toll rose to [-3,000-]{+3,500+} people."
    dropped = word_diff("Rockets hit the base early on Wednesday.", "Rockets hit the base on Wednesday.")
    assert styled_word_diff(dropped, color=_tagged) == (
        "Rockets hit the base <deleted>early </deleted>on Wednesday.")
