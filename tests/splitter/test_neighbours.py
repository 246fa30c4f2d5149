"""What a neighbouring page's column holds: each cut's cell looked up at once (`holds_cells`)
must say what looking each cell up alone (`holds`) says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from revdiff.splitter.neighbours import ParagraphIndex

# few words, so that rows begin and end with each other's cells often; dashes, bullets and `m³`
# are symbols the flattener may drop, `b–` is not one (`–b` and `b–` differ from `b`)
WORDS = st.sampled_from(["a", "b", "ab", "ba", "x", "", "–", "•", "m³", "b–"])
ROW = st.lists(WORDS, min_size=1, max_size=7).map(" ".join)


def cells(words: list[str], column: str) -> list[str]:
    if column == "old":
        return [" ".join(words[:cut]) for cut in range(1, len(words))]
    return [" ".join(words[cut:]) for cut in range(1, len(words))]


@settings(max_examples=400, deadline=None)
@given(rows=st.lists(ROW, max_size=8), row=ROW, glued=st.booleans(),
       kept_by=st.sampled_from(["old", "new"]), column=st.sampled_from(["old", "new"]),
       shared=st.integers(min_value=0, max_value=3))
def test_each_cut_reads_as_its_cell_looked_up_alone(rows: list[str], row: str, glued: bool,
                                                     kept_by: str, column: str,
                                                     shared: int) -> None:
    if rows and glued:
        rows = [*rows, rows[0] + rows[0]]  # a match row
    if rows and shared:
        # the row begins or ends with a row of the other page, so its cells are found there
        other = rows[shared % len(rows)]
        row = f"{other} {row}" if shared % 2 else f"{row} {other}"
    index = ParagraphIndex(rows, kept_by)
    words = row.split(" ")
    assert index.holds_cells(words, column)[1:] == [index.holds(cell)
                                                    for cell in cells(words, column)]


def test_a_cell_is_found_in_a_column_kept_either_way() -> None:
    # the next page's old column holds this page's new cells at its rows' starts; the previous
    # page's new column holds its old cells at its rows' ends (or dropping a symbol)
    next_old = ParagraphIndex(["the end. more", "other"], "old")
    assert next_old.holds_cells(["a", "b", "the", "end."], "new") == [False, False, True, False]
    previous_new = ParagraphIndex(["other – start here", "x"], "new")
    assert previous_new.holds_cells(["start", "here", "then"], "old") == [False, False, True]
    dropped = ParagraphIndex(["other start here", "x"], "new")  # the flattener dropped `–`
    assert dropped.holds_cells(["–", "start", "here", "then"], "old") == [
        False, False, False, True]
