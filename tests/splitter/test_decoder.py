"""How the decoder chooses the reading of a gap."""

from __future__ import annotations

import pytest

from revdiff.model import RowKind
from revdiff.splitter.decoder import (
    PageDecoder,
    _GapScorer,
    columns,
    decode_best,
    rerendered,
)
from revdiff.splitter.features import side_priors
from revdiff.splitter.grammar import diff_rows, flatten_row

ROWS = [
    "The strike killed the general in Baghdad.The strike killed the general in Baghdad.",
    "Oil prices rose on Friday after the strike. Markets in Asia fell as investors sold shares.",
    "Iraq's parliament voted to expel American troops.",
    "The Pentagon said 3,000 more troops would be sent.",
]


def test_a_gap_is_scored_by_its_best_whole_reading() -> None:
    # the weights score one reading of a gap, cuts included; a change row counts with its best
    # cut, not with all its cuts summed
    decoder = PageDecoder(list(enumerate(ROWS, start=1)))
    [gap] = decoder.gaps
    scorer = _GapScorer(decoder, gap)
    first, second, third = (decoder.row_scores(index) for index in gap)
    assert scorer.config_scores("new")[1] == pytest.approx(
        first.best_change + second.new_only + third.new_only)
    assert scorer.config_scores("old")[2] == pytest.approx(
        first.best_change + second.best_change + third.old_only)


def test_a_gap_of_linked_rows_scores_each_reading_as_its_rows_read_under_it() -> None:
    # rows that share phrases score differently under each reading of their gap; scoring all the
    # readings in one pass rescores them where the count of change rows passes them or a partner
    phrases = ["the embassy siege ended", "troops were sent to kuwait", "oil prices rose sharply"]
    rows = [f"{phrases[i % 3]} on day {i}. officials said {phrases[(i + 1) % 3]} again."
            for i in range(7)]
    decoder = PageDecoder(list(enumerate(rows, start=1)))
    [gap] = decoder.gaps
    scorer = _GapScorer(decoder, gap)
    assert scorer.coupled  # the rows are linked to each other
    for side in ("old", "new"):
        expected = []
        for count in range(len(gap) + 1):
            total = 0.0
            for position in range(len(gap)):
                scores = scorer.scores(position, count, side)
                total += scores.best_change if position < count else scores.one_sided(side)
            expected.append(total)
        assert scorer.config_scores(side) == pytest.approx(expected)


def test_a_gap_ending_in_one_sided_rows_gets_the_prior_of_their_side() -> None:
    # a gap read as change rows only gets no side prior; one whose rows end on a side gets that
    # side's, old as well as new
    decoder = PageDecoder(list(enumerate(ROWS, start=1)))
    [gap] = decoder.gaps
    scores = [decoder.row_scores(index) for index in gap]
    for kind, side in ((RowKind.OLD_ONLY, "old"), (RowKind.NEW_ONLY, "new")):
        for index in gap:
            decoder.readings[index] = (kind, 0)
        one_sided = sum(row.one_sided(side) for row in scores)
        assert decoder.objective() == pytest.approx(one_sided + side_priors()[side])
    for index, row in zip(gap, scores):
        decoder.readings[index] = (RowKind.CHANGE, row.best_boundary)
    assert decoder.objective() == pytest.approx(sum(row.best_change for row in scores))
    assert side_priors()["old"] != 0.0


def test_a_paragraph_swapped_with_its_neighbour_is_read_the_way_the_page_renders() -> None:
    # moved down past one paragraph or up past it: the two readings score the same, but News
    # Sniffer's diff keeps one of the two as the match, so only one renders this page again
    old = ("The strike killed the general in Baghdad on Friday morning.",
           "Oil prices rose sharply in Asian trading after the news broke.",
           "Iraq's parliament voted to expel American troops from the country.",
           "The Pentagon said 3,000 more troops would be sent to Kuwait.")
    new = (old[0], old[2], old[1], old[3])
    truth = diff_rows(old, new)
    lines = [(number, flatten_row(row)) for number, row in enumerate(truth, start=1)]
    rows, _ = decode_best(lines)
    assert [row.kind for row in rows] == [kind for kind, _, _ in truth]
    assert rerendered(rows) == [text for _, text in lines]


def _moved_paragraph_page() -> tuple[list[tuple[int, str]], list[tuple[RowKind, int]]]:
    """A page where a paragraph deleted in the first gap comes back in the second, and the
    true reading of each row (word index of the cut)."""
    kept = ("the town lies on the north sea coast of essex, at the mouth of two rivers.", "history", "sport")
    moved = "the royal navy is no longer present in the town, but the port at parkeston nearby is busy."
    old = (kept[0], "the town's name means military settlement, from the old english here and wic.",
           moved, "its coastal position made it vulnerable to the flood of 1953.", kept[1],
           "the lighthouse of 1818 and the treadwheel crane are of interest.", kept[2])
    new = (kept[0], "the town's name means army camp, from the old english words here and wic.", kept[1],
           "the high lighthouse of 1818 and the treadwheel crane are also of interest.", "port",
           "thumb|left|the quay", moved, "the port is famous for the phrase seen on road signs.", kept[2])
    truth = diff_rows(old, new)
    lines = [(number, flatten_row(row)) for number, row in enumerate(truth, start=1)]
    readings = [(kind, len(old_cell.split(" ")) if kind is RowKind.CHANGE else 0)
                for kind, old_cell, _ in truth]
    return lines, readings


def test_a_block_read_on_the_wrong_side_is_flipped_with_the_gap_it_shares_text_with() -> None:
    lines, truth = _moved_paragraph_page()
    decoder = PageDecoder(lines)
    first, second = decoder.gaps
    decoder.readings = list(truth)
    best = decoder.objective()
    # the moved paragraph read as inserted first and deleted later (and the second gap's change
    # row cut badly): read alone, the second gap keeps its block deleted
    for index in decoder._tail(first):
        decoder.readings[index] = (RowKind.NEW_ONLY, 0)
    alone = [reading for reading, _ in decoder._decode_gap(second)]
    assert [kind for kind, _ in alone[1:]] == [RowKind.OLD_ONLY] * (len(second) - 1)
    decoder.readings[second[0]] = (RowKind.CHANGE, 3)
    for index in second[1:]:
        decoder.readings[index] = (RowKind.OLD_ONLY, 0)
    assert decoder.objective() < best
    assert decoder._flip_tails_with_linked_gaps()
    assert decoder.readings == truth
    # a flip that gains nothing is not taken: the swapped reading of both blocks ties with it
    decoder._swap_sides(decoder._tail(first) + decoder._tail(second))
    assert decoder.objective() == pytest.approx(best)
    assert not decoder._flip_tails_with_linked_gaps()


def test_the_gain_of_a_move_is_the_change_of_the_whole_page_score() -> None:
    # counted from the moved rows and their links alone, the gain must equal what the whole
    # page's score says, whichever rows move and however they were read
    lines, truth = _moved_paragraph_page()
    decoder = PageDecoder(lines)
    first, second = decoder.gaps
    decoder.readings = list(truth)
    moves = [[(index, (RowKind.NEW_ONLY, 0)) for index in decoder._tail(first)],
             [(second[0], (RowKind.CHANGE, 3)), (second[3], (RowKind.OLD_ONLY, 0))],
             [(first[0], (RowKind.OLD_ONLY, 0)), (second[-1], (RowKind.OLD_ONLY, 0))]]
    for move in moves:
        before, score = decoder._saved(index for index, _ in move), decoder.objective()
        for index, reading in move:
            decoder.readings[index] = reading
        assert decoder._gains(before) == pytest.approx(decoder.objective() - score)


@pytest.mark.parametrize("places", [2, 3])
def test_a_paragraph_moved_two_places_or_more_reads_as_moved_up(places: int) -> None:
    # moved up or moved down, the page is the same text: nothing on it decides, and revdiff
    # says which reading it takes
    others = ["The strike killed the general in Baghdad on Friday morning.",
              "Oil prices rose sharply in Asian trading after the news broke.",
              "Iraq's parliament voted to expel American troops from the country.",
              "The Pentagon said 3,000 more troops would be sent to Kuwait.",
              "Officials in Tehran vowed a harsh response to the killing."]
    moved = "Hundreds of embassy staff sheltered in safe rooms during the siege."
    new = (others[0], moved, *others[1:])
    old = (*new[:1], *new[2:places + 2], moved, *new[places + 2:])
    truth = diff_rows(old, new)
    lines = [(number, flatten_row(row)) for number, row in enumerate(truth, start=1)]
    rows, _ = decode_best(lines)
    assert [row.kind for row in rows] == [kind for kind, _, _ in truth]


def test_a_block_is_flipped_with_the_change_row_of_its_own_gap_that_shares_its_text() -> None:
    # a deleted paragraph whose sentence the new text kept inside a rewritten paragraph
    kept = ("Markets in Asia fell sharply as investors sold shares on the news.",
            "Officials in Tehran vowed a harsh response to the killing.")
    deleted = "Iraq's parliament voted on Sunday to expel all American troops from the country."
    rewritten = ("The strike killed the general near the airport, the Pentagon said.",
                 ("The general was killed in a drone strike. Iraq's parliament voted on Sunday to "
                  "expel all American troops from the country, a vote the prime minister backed."))
    truth = diff_rows((kept[0], rewritten[0], deleted, kept[1]), (kept[0], rewritten[1], kept[1]))
    lines = [(number, flatten_row(row)) for number, row in enumerate(truth, start=1)]
    decoder = PageDecoder(lines)
    [gap] = decoder.gaps
    change, block = gap
    words = decoder.rows[change].words
    # read as inserted, the block pulls the shared sentence into the old cell; read alone, the
    # gap keeps the block inserted
    late_cut = words.index("country,") + 1
    decoder.readings[change], decoder.readings[block] = (RowKind.CHANGE, late_cut), (RowKind.NEW_ONLY, 0)
    assert [reading for reading, _ in decoder._decode_gap(gap)][1] == (RowKind.NEW_ONLY, 0)
    assert decoder._flip_tails_with_linked_gaps()
    # flipped together: the block deleted, the change row cut again so that the shared sentence
    # lies in the new cell (the weights cut before "The general", as the truth does, or before
    # "Iraq's": both are sentence breaks)
    kind, cut = decoder.readings[change]
    assert decoder.readings[block] == (RowKind.OLD_ONLY, 0)
    assert kind is RowKind.CHANGE and cut <= words.index("Iraq's")
    assert words[cut - 1].endswith(".")


WHOLE_PARAGRAPHS = [
    ("Iran fired more than a dozen missiles at two bases in Iraq that house American troops, the "
     "Pentagon said on Wednesday."),
    ("The strikes came days after the United States killed a top Iranian general in Baghdad, "
     "raising fears of a wider war."),
]


def test_a_page_without_match_rows_leaves_a_paragraph_in_each_version() -> None:
    # each row reads as one whole paragraph, but read so the old version would have none: a
    # version has paragraphs, so the first row is a change row
    rows, _ = decode_best(list(enumerate(WHOLE_PARAGRAPHS, start=1)))
    assert [row.kind for row in rows] == [RowKind.CHANGE, RowKind.NEW_ONLY]
    old, new = columns(rows)
    assert old and new


def test_a_correction_may_still_read_a_page_without_match_rows_as_one_sided() -> None:
    lines = list(enumerate(WHOLE_PARAGRAPHS, start=1))
    rows, _ = decode_best(lines, fixed={1: (RowKind.OLD_ONLY, 0)})
    assert [row.kind for row in rows] == [RowKind.OLD_ONLY, RowKind.OLD_ONLY]


def test_a_page_of_one_word_is_read_although_one_version_stays_empty() -> None:
    [row], _ = decode_best([(1, "Developing")])
    assert row.kind in (RowKind.OLD_ONLY, RowKind.NEW_ONLY)


def test_a_corrected_row_still_lists_every_reading_as_an_alternative() -> None:
    text = ("The first paragraph of the story says one thing. The second paragraph says another "
            "thing entirely.")
    lines = [(1, text)]
    free = PageDecoder(lines)
    free.decode()
    corrected = PageDecoder(lines, fixed={1: (RowKind.OLD_ONLY, 0)})
    [row] = corrected.decode()
    assert row.kind is RowKind.OLD_ONLY
    assert corrected.alternatives(1) == free.alternatives(1)


def test_the_scores_a_row_keeps_are_those_of_the_current_readings_of_its_linked_rows() -> None:
    # rows read again and again under other readings of the rows they share text with: every
    # score asked for must be the one computed afresh, whatever the decoder kept
    lines, truth = _moved_paragraph_page()
    decoder = PageDecoder(lines)
    decoder.readings = list(truth)
    linked = [index for index, row in enumerate(decoder.rows) if row.cross_pairs]
    assert linked
    kinds = [(RowKind.OLD_ONLY, 0), (RowKind.NEW_ONLY, 0), (RowKind.CHANGE, 1), None,
             (RowKind.CHANGE, 3), (RowKind.CHANGE, 6), (RowKind.CHANGE, 9)]
    for step in range(70):
        moved = linked[step % len(linked)]
        decoder.readings[moved] = kinds[step % len(kinds)]
        for index in linked:
            kept, fresh = decoder.row_scores(index), decoder._uncorrected_scores(index, {})
            assert (kept.change, kept.old_only, kept.new_only) == (fresh.change, fresh.old_only,
                                                                   fresh.new_only)


def test_a_row_keeps_one_score_for_readings_that_put_its_shared_words_on_the_same_sides() -> None:
    # a linked row's scores depend only on which of the words it shares another reading puts in
    # the old column: cuts of the other row that leave those words where they are score the same
    rows = ["the embassy siege ended on friday after talks.",
            ("reporters said the embassy siege ended on friday after talks. troops stayed in"
             " kuwait for the night and oil prices rose sharply.")]
    decoder = PageDecoder(list(enumerate(rows, start=1)))
    first, second = 0, 1
    shared = sorted({there for _, other, there in decoder.rows[first].cross_pairs if other == second})
    assert shared and shared[-1] < 12
    cuts = [(RowKind.CHANGE, k) for k in (shared[-1] + 1, 13, 16)]  # all after the shared words
    for reading in [*cuts, (RowKind.OLD_ONLY, 0)]:
        decoder.readings[second] = reading
        decoder.row_scores(first)
    assert len(decoder.scores_kept[first]) == 1
    decoder.readings[second] = (RowKind.CHANGE, shared[0])  # the shared words now in the new column
    decoder.row_scores(first)
    assert len(decoder.scores_kept[first]) == 2

