from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revdiff.engine import (
    UnknownSentenceMode,
    align_sentences,
    compare,
    comparison,
    sentences,
    sentences_of,
)
from revdiff.engine import numbers as numbers_module
from revdiff.engine import similarity as similarity_module
from revdiff.engine.flags import sources_in
from revdiff.engine.quotations import open_quotation
from revdiff.engine.rounded_shares import percent, three_decimals
from revdiff.engine.similarity import similarity
from revdiff.engine.terminal_codes import without_terminal_codes
from revdiff.errors import RevdiffError
from revdiff.model import EditOp, Flag, Sources, Version

from .conftest import SAMPLES, version

OLD = version(
    "BAGHDAD — A U.S. airstrike killed Iranian commander Qasem Soleimani on Thursday. "
    "At least 25 people were killed.",
    "“The game has changed,” Esper said.",
    "Oil prices jumped on Asian markets.",
    number=1,
)
NEW = version(
    "BAGHDAD — A U.S. airstrike killed Iranian commander Qasem Soleimani on Thursday. "
    "At least 26 people were killed.",
    "“The game has changed,” Esper said.",
    "The Pentagon said the strike was defensive.",
    number=2,
)


def test_compare_labels_edits_in_reading_order() -> None:
    comparison = compare(OLD, NEW)
    ops = [edit.op for edit in comparison.edits]
    assert ops == [EditOp.UNCHANGED, EditOp.EDITED, EditOp.UNCHANGED, EditOp.DELETED, EditOp.ADDED]
    edited = comparison.edits[1]
    assert edited.old_text == "At least 25 people were killed."
    assert Flag.NUMBER_CHANGED in edited.flags
    assert (-1, "25") in edited.word_diff and (1, "26") in edited.word_diff
    assert comparison.stats.counts["deleted"] == 1 and comparison.stats.counts["added"] == 1
    assert not comparison.stats.boring and not comparison.stats.rewrite


def test_edit_similarity_is_the_one_that_decided_the_alignment() -> None:
    comparison = compare(OLD, NEW)
    links = align_sentences([s.text for s in comparison.old_sentences],
                            [s.text for s in comparison.new_sentences])
    decided = {(link.old, link.new): link.similarity for link in links}
    assert [edit.similarity for edit in comparison.edits] == [
        decided[(edit.old, edit.new)] for edit in comparison.edits]
    edited = comparison.edits[1]
    assert edited.similarity == similarity(edited.old_text, edited.new_text)
    assert {edit.similarity for edit in comparison.edits if edit.op is EditOp.UNCHANGED} == {1.0}
    assert {edit.similarity for edit in comparison.edits if not (edit.old and edit.new)} == {0.0}


def test_added_and_deleted_sentences_carry_no_changed_flags() -> None:
    new = version(*NEW.paragraphs, "“We will respond,” the 3 officials said.")
    comparison = compare(OLD, new)
    one_sided = [edit for edit in comparison.edits if edit.op in (EditOp.ADDED, EditOp.DELETED)]
    assert len(one_sided) == 3 and all(edit.flags == frozenset() for edit in one_sided)


def test_compare_same_version_is_unchanged_and_boring() -> None:
    comparison = compare(OLD, OLD)
    assert {edit.op for edit in comparison.edits} == {EditOp.UNCHANGED}
    assert comparison.stats.boring and comparison.stats.changed_share == 0.0


def test_punctuation_only_change_is_boring() -> None:
    new = version(*(p.replace("Asian markets.", "Asian markets!") for p in OLD.paragraphs))
    comparison = compare(OLD, new)
    edited = [edit for edit in comparison.edits if edit.op is EditOp.EDITED]
    assert len(edited) == 1 and Flag.PUNCTUATION_ONLY in edited[0].flags
    assert comparison.stats.boring


@pytest.mark.parametrize(("old_title", "new_title", "boring"), [
    ("Rockets hit 1 base", "Rockets hit 2 bases", False),  # a number in the headline
    ("Rockets hit a base", "Iran fires rockets at US troops", False),  # a headline rewritten
    ("Rockets hit a base", "Rockets hit a base!", True),
    ("Le café rouvre", unicodedata.normalize("NFD", "Le café rouvre"), True),
])
def test_a_pair_is_boring_only_when_its_title_is_too(old_title: str, new_title: str,
                                                     boring: bool) -> None:
    old = Version(0, old_title, OLD.paragraphs)
    new = Version(1, new_title, tuple(p.replace("Asian markets.", "Asian markets!")
                                      for p in OLD.paragraphs))
    assert compare(old, new).stats.boring is boring


def test_rewrite_when_most_text_is_replaced() -> None:
    new = version("Completely different reporting now leads this story about football.",
                  "Nothing of the earlier text remains here at all, not even one line.")
    assert compare(OLD, new).stats.rewrite


@pytest.mark.parametrize(("old", "new"), [("...", "—"), ("* * *", "—"), ("...", "• • •")])
def test_a_boring_pair_is_no_rewrite(old: str, new: str) -> None:
    # Every character of each side changed, but only punctuation: no story was replaced.
    comparison = compare(version(old, number=0), version(new))
    assert comparison.stats.chars_removed == len(old) and comparison.stats.chars_added == len(new)
    assert comparison.stats.boring and not comparison.stats.rewrite


@pytest.mark.parametrize(("old", "new"), [
    # a breaking-news alert in capitals, recased in the next version
    (("US TROOPS SENT TO IRAQ AFTER STRIKE.", "Iran vowed revenge."),
     ("US troops sent to Iraq after strike.", "Iran vowed revenge.")),
    (("iran fired missiles at us bases.", "Oil rose."), ("Iran Fired Missiles At US Bases.", "Oil rose.")),
])
def test_a_pair_of_letter_case_changed_is_no_rewrite(old: tuple[str, ...],
                                                     new: tuple[str, ...]) -> None:
    # Every edit keeps its text but for letter case (`case_only`), similarity 1: `rewrite`
    # was true, as the word diff's recased words counted as characters replaced, though no story
    # was; the characters it counts are still those of `chars_added` and `changed_share`.
    comparison = compare(Version(0, "t", old), Version(1, "t", new))
    assert comparison.stats.chars_removed > len(" ".join(old)) / 2
    assert all(edit.similarity == 1.0 for edit in comparison.edits)
    assert not comparison.stats.boring and not comparison.stats.rewrite


@pytest.mark.parametrize(("old", "new"), [
    (("iran fired missiles at us bases.", "Oil rose."), ("Iran Fired Missiles At US Bases!", "Oil rose.")),
    (("US TROOPS SENT TO IRAQ, AFTER STRIKE", "Iran vowed revenge."),
     ("US troops sent to Iraq after strike.", "Iran vowed revenge.")),
])
def test_a_pair_of_letter_case_and_punctuation_changed_is_no_rewrite(
        old: tuple[str, ...], new: tuple[str, ...]) -> None:
    # Recased and repunctuated at once, the edit is neither `case_only` nor `punctuation_only`,
    # and its recased words counted as characters replaced: `rewrite` was true, though it keeps
    # the same words as a `case_only` edit does.
    comparison = compare(Version(0, "t", old), Version(1, "t", new))
    assert comparison.stats.chars_removed > len(" ".join(old)) / 2
    assert not comparison.edits[0].flags & {Flag.CASE_ONLY, Flag.PUNCTUATION_ONLY}
    assert not comparison.stats.boring and not comparison.stats.rewrite


def test_a_pair_rewritten_and_recased_is_a_rewrite() -> None:
    old = ("IRAN VOWS REVENGE.", "Completely different reporting led this story about football.")
    new = ("Iran vows revenge.", "Nothing of the earlier text remains here at all, not one line.")
    assert compare(Version(0, "t", old), Version(1, "t", new)).stats.rewrite


def test_lines_mode_keeps_paragraphs_whole() -> None:
    comparison = compare(OLD, NEW, sentences="lines")
    assert len(comparison.old_sentences) == 3
    assert comparison.edits[0].op is EditOp.EDITED


def test_unknown_sentence_mode_is_a_revdiff_error() -> None:
    with pytest.raises(UnknownSentenceMode) as error:
        compare(OLD, NEW, sentences="words")
    assert isinstance(error.value, RevdiffError)


def test_the_engine_s_unknown_sentence_mode_names_its_function_and_argument() -> None:
    """The engine's `compare` and `sentences_of` (exported by `revdiff.engine`) said only
    "unknown sentence mode 'line'", where `revdiff.compare` names itself and its argument; a list
    given to `sentences_of` ended in the cache's bare "unhashable type: 'list'"."""
    with pytest.raises(UnknownSentenceMode, match=r"^revdiff\.engine\.comparison\.compare: "
                       r"unknown sentence mode 'line' given as sentences \(use one of: auto, "):
        compare(OLD, NEW, sentences="line")
    for mode in ("line", ["lines"]):
        with pytest.raises(UnknownSentenceMode,
                           match=rf"^revdiff\.engine\.comparison\.sentences_of: unknown sentence "
                                 rf"mode {re.escape(repr(mode))} given as mode \(use one of"):
            sentences_of(OLD, mode)  # type: ignore[arg-type]


def test_empty_versions() -> None:
    assert compare(version(), version()).edits == ()
    added = compare(version(), OLD)
    assert {edit.op for edit in added.edits} == {EditOp.ADDED}


def test_sample_seed_004_gives_sensible_edits() -> None:
    from revdiff.formats import load
    article = load([str(SAMPLES / "washpo-soleimani-v6-v7.txt")])[0]
    old, new = article.versions[0], article.versions[1]
    comparison = compare(old, new)
    ops = {edit.op for edit in comparison.edits}
    assert EditOp.UNCHANGED in ops and EditOp.ADDED in ops and EditOp.DELETED in ops
    # Version 7 is a rewrite of version 6 (see FORMATS.md): most text replaced.
    assert comparison.stats.rewrite
    # A sentence both versions have word for word is one edit, never a deletion plus an addition:
    # unchanged, or moved when the page reading puts it out of order with the other kept sentences.
    kept = [e for e in comparison.edits if e.new_text.startswith("“There is sufficient combat power")]
    assert len(kept) == 1
    assert kept[0].op in (EditOp.UNCHANGED, EditOp.MOVED) and kept[0].old_text == kept[0].new_text


paragraph = st.lists(st.sampled_from(["Iran", "said", "the", "U.S.", "strike", "on", "Dec.", "27",
                                      "“quote,”", "he", "left."]), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(paragraph, max_size=6), st.lists(paragraph, max_size=6))
def test_every_sentence_is_covered_once_and_texts_rebuild(old_p: list[str], new_p: list[str]) -> None:
    old, new = version(*old_p), version(*new_p)
    comparison = compare(old, new)
    old_ids = sorted(i for edit in comparison.edits for i in edit.old)
    new_ids = sorted(j for edit in comparison.edits for j in edit.new)
    assert old_ids == list(range(len(comparison.old_sentences)))
    assert new_ids == list(range(len(comparison.new_sentences)))
    for edit in comparison.edits:
        assert "".join(t for op, t in edit.word_diff if op <= 0) == edit.old_text
        assert "".join(t for op, t in edit.word_diff if op >= 0) == edit.new_text


@settings(max_examples=40, deadline=None)
@given(st.lists(paragraph, max_size=6))
def test_compare_version_with_itself_is_all_unchanged(paragraphs: list[str]) -> None:
    v = version(*paragraphs)
    comparison = compare(v, v)
    assert all(edit.op is EditOp.UNCHANGED for edit in comparison.edits)
    assert [edit.old for edit in comparison.edits] == [edit.new for edit in comparison.edits]


def test_a_title_written_in_another_unicode_form_is_flagged_encoding_only() -> None:
    # the title `Le café de Montréal` with its accents as combining characters: `diff` printed
    # `title: Le café de Montréal` with nothing marked and no word of what changed
    title = "Le café de Montréal rouvre"
    old = version("Il pleut.", number=1, title=title)
    assert compare(old, version("Il pleut.", number=2, title=unicodedata.normalize("NFD", title))
                   ).title_flags == {Flag.ENCODING_ONLY}
    assert compare(old, version("Il pleut.", number=2, title=title.upper())
                   ).title_flags == {Flag.CASE_ONLY}
    assert compare(old, version("Il pleut.", number=2, title=title)).title_flags == set()
    assert compare(old, version("Il pleut.", number=2, title="")).title_flags == set()


def test_changed_share_counts_text_stored_in_nfd_as_in_nfc() -> None:
    # the changed characters were counted in NFC and divided by the text as stored: in NFD every
    # accent is a character more, so the share came out lower (5.0% for the change that is 5.7%)
    old = ("Élodie a été élue à Genève.", "Les électeurs étaient nombreux.")
    new = ("Élodie a été réélue à Genève.", "Les électeurs étaient très nombreux.")
    for form in ("NFC", "NFD"):
        written = [tuple(unicodedata.normalize(form, p) for p in text) for text in (old, new)]
        stats = compare(version(*written[0], number=1), version(*written[1], number=2)).stats
        composed = compare(version(*old, number=1), version(*new, number=2)).stats
        assert stats.changed_share == composed.changed_share
        assert (stats.chars_added, stats.chars_removed) == (composed.chars_added,
                                                            composed.chars_removed)


def test_a_share_of_change_is_never_shown_as_none_or_all_when_it_is_not() -> None:
    assert [percent(share) for share in (0.0, 0.001, 0.006, 0.5, 0.994, 0.996, 1.0)] == \
        ["0%", "<1%", "1%", "50%", "99%", ">99%", "100%"]


def test_a_confidence_is_never_shown_as_none_or_all_when_it_is_not() -> None:
    """A page's confidence in `parse --format text`: 1.2e-11 read `0.000`."""
    assert [three_decimals(share) for share in (0.0, 1.2e-11, 0.0006, 0.5, 0.9996, 1.0)] == \
        ["0.000", "<0.001", "0.001", "0.500", ">0.999", "1.000"]


def test_a_change_inside_a_quotation_of_several_sentences_is_a_changed_quotation() -> None:
    def flags(old: str, new: str) -> list[frozenset[Flag]]:
        result = compare(Version(0, "t", (old,)), Version(1, "t", (new,)))
        return [edit.flags for edit in result.edits if edit.op.value != "unchanged"]

    # the second and the middle sentence of a quotation hold no opening mark of their own
    assert flags("“We will respond. We will not wait,” he said. Then he left.",
                 "“We will respond. We will wait,” he said. Then he left.") == [{Flag.QUOTE_CHANGED}]
    assert flags('"We will respond. We will not wait. We are ready," he said.',
                 '"We will respond. We will wait. We are ready," he said.') == [{Flag.QUOTE_CHANGED}]
    # a quotation that goes on in the next paragraph is closed in none
    assert flags("“We will respond. We will not wait.", "“We will respond. We will wait.") == [
        {Flag.QUOTE_CHANGED}]
    # the words after the quotation, and a sentence after an inch mark, are no quotation
    # the quotation is the same; its source is named otherwise
    assert flags("“We will respond. We will not wait,” he said.",
                 "“We will respond. We will not wait,” the general said.") == [
        frozenset({Flag.ATTRIBUTION_CHANGED})]
    assert flags('The 12" pipe burst. Then the valve broke.',
                 'The 12" pipe burst. Then the valve snapped.') == [frozenset()]


def test_a_straight_quotation_that_goes_on_in_the_next_paragraph_is_read_to_its_end() -> None:
    """News sets a quotation of several paragraphs with no closing mark at the end of a
    paragraph and an opening one at the start of the next: a sentence after the opening is
    inside the quotation, straight marks as curly ones."""
    def flags(old: str, new: str, after: str) -> list[frozenset[Flag]]:
        result = compare(Version(0, "t", (old, after)), Version(1, "t", (new, after)))
        return [edit.flags for edit in result.edits if edit.op.value != "unchanged"]

    speech = 'Khamenei said: "Military action is not sufficient. What is important is ending the {} presence.'
    going_on = '"This region will not accept it," he said.'
    assert flags(speech.format("corrupting"), speech.format("corrupt"), going_on) == [
        {Flag.QUOTE_CHANGED}]
    # after an inch mark, with no quotation in the next paragraph, a sentence is read as it stands
    assert flags('The 12" pipe burst. Then the valve broke.',
                 'The 12" pipe burst. Then the valve snapped.', "Repairs began.") == [frozenset()]


def test_an_inch_mark_opens_no_quotation_for_the_sentences_after_it() -> None:
    """A `"` left open by an inch mark is closed by none of the marks of a later quotation: a
    sentence after it, with a quotation of its own or before one, is read as it stands."""
    def flags(old: str, new: str) -> list[frozenset[Flag]]:
        result = compare(Version(0, "t", (old,)), Version(1, "t", (new,)))
        return [edit.flags for edit in result.edits if edit.op.value != "unchanged"]

    assert flags('A 12" pipe burst on Monday. Workers said "it was old." Repairs cost $5.',
                 'A 12" pipe burst on Monday. Workers told us "it was old." Repairs cost $5.') == [
        frozenset()]
    assert flags('A 12" pipe burst on Monday. Workers said it was old. Repairs cost "a lot".',
                 'A 12" pipe burst on Monday. Workers said it was very old. Repairs cost "a lot".'
                 ) == [frozenset()]
    assert flags('A 12" pipe burst. Workers said it was old. Repairs cost "a lot", they said.',
                 'A 12" pipe burst. Workers said it was old. Repairs now cost "a lot", they said.'
                 ) == [frozenset()]
    # a quotation of several sentences after one is still read
    assert flags('A 12" pipe burst. "We will fix it. We will not wait," he said.',
                 'A 12" pipe burst. "We will fix it. We will wait," he said.') == [
        {Flag.QUOTE_CHANGED}]


def test_an_edit_of_one_sentence_holds_that_sentences_text() -> None:
    """Each edit held a copy of its sentences' texts, sliced out of their paragraph again: a live
    blog's chain of comparisons held every sentence's text once more per comparison."""
    comparison = compare(version("It rained all day. Roads closed at noon. Schools shut."),
                         version("It rained all day. Roads closed at ten. Schools shut."))
    assert [edit.op for edit in comparison.edits] == [EditOp.UNCHANGED, EditOp.EDITED,
                                                      EditOp.UNCHANGED]
    for edit in comparison.edits:
        assert edit.old_text is comparison.old_sentences[edit.old[0]].text
        assert edit.new_text is comparison.new_sentences[edit.new[0]].text


def test_a_chain_splits_a_paragraph_its_versions_share_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A live blog's versions share most of their paragraphs, and each version split them anew:
    some forty times each, half of its chain of comparisons."""
    split: list[str] = []
    boundaries = sentences._boundaries

    def splitting(paragraph: str) -> list[int]:
        split.append(paragraph)
        return boundaries(paragraph)

    monkeypatch.setattr(sentences, "_boundaries", splitting)
    shared = "Paragraphs shared along the chain stay. They are split once."  # no other test's
    chain = [version(f"Shared chain update {number}. Posted now.", shared, number=number)
             for number in range(4)]
    for old, new in itertools.pairwise(chain):
        compare(old, new)
    assert split.count(shared) == 1 and len(split) == 5


def test_a_chain_keys_a_sentence_its_versions_share_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The alignment keyed each version's sentences for its pair with the version before and
    again for the one after, and the sentences the versions share in each: a fifth of a live
    blog's chain of comparisons."""
    keyed: list[str] = []
    spaces = similarity_module._SPACES

    class CountingSpaces:
        def sub(self, replacement: str, text: str) -> str:
            keyed.append(text)
            return spaces.sub(replacement, text)

    monkeypatch.setattr(similarity_module, "_SPACES", CountingSpaces())
    shared = "Sentences shared along the chain are keyed once."  # no other test's
    chain = [version(f"Keyed chain update {number}. {shared}", number=number)
             for number in range(4)]
    for old, new in itertools.pairwise(chain):
        compare(old, new)
    assert keyed.count(shared) == 1


def test_a_chain_reads_the_quotations_of_each_paragraph_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A chain's comparisons read the quotations of each version for its pair with the version
    before and again for the one after (a quarter of a live blog's chain of comparisons), and
    those of the paragraphs the versions share in each version anew (a fifth)."""
    read: list[str] = []

    def reading(text: str) -> str:
        read.append(text)
        return open_quotation(text)

    monkeypatch.setattr(comparison, "open_quotation", reading)
    shared = "“We will answer along the chain. We will not wait,” she said."  # no other test's
    chain = [version(shared, f"Quoted chain update {number}.", number=number)
             for number in range(4)]
    for old, new in itertools.pairwise(chain):
        compare(old, new)
    assert len(read) == len(sentences_of(chain[0])) - 1 + len(chain)  # shared, then each update


def test_a_chain_reads_the_numbers_of_a_sentence_edited_twice_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence a live blog edits again and again (a toll) is the new text of one pair and the
    old text of the next: its numbers were read for each, the number reader's calls a tenth of a
    chain's export and over a third of them a repeat."""
    read: list[str] = []

    def reading(text: str) -> str:
        read.append(text)
        return without_terminal_codes(text)

    monkeypatch.setattr(numbers_module, "without_terminal_codes", reading)
    chain = [version(f"The chain's toll rose to {toll} people.", number=number)  # no other test's
             for number, toll in enumerate((5, 7, 9))]
    for old, new in itertools.pairwise(chain):
        assert compare(old, new).edits[0].flags == {Flag.NUMBER_CHANGED}
    middle = chain[1].paragraphs[0]
    assert read.count(middle) == 2  # its numbers, and its numbers read in other styles


def test_an_edit_names_the_sources_its_flag_compared() -> None:
    # the attribution_changed flag said a source changed and the edit kept no word of which
    old = version("A Pentagon official said the troops left.", "Officials said the base was hit.")
    new = version("Defense Secretary Mark Esper said the troops left.",
                  "Officials said the base was hit.", "It was quiet, the Pentagon added.")
    assert [(edit.op, edit.flags, edit.old_sources, edit.new_sources)
            for edit in compare(old, new).edits] == [
        (EditOp.EDITED, {Flag.ATTRIBUTION_CHANGED}, (("pentagon", "official"),),
         (("defense", "secretary", "mark", "esper"),)),
        (EditOp.UNCHANGED, set(), (("officials",),), (("officials",),)),
        (EditOp.ADDED, set(), (), (("pentagon",),))]


def test_a_reporting_verb_taken_out_of_a_quotation_an_earlier_sentence_opened_changes_no_source() -> None:
    # the continued quotation's `as I said before` was read as an attribution to `i`
    old = version("“We are ready to act. We will not wait, as I said before,” he said.")
    new = version("“We are ready to act. We will not wait,” he said.")
    edited = [edit for edit in compare(old, new).edits if edit.op is EditOp.EDITED]
    assert [(edit.flags, edit.old_sources, edit.new_sources) for edit in edited] == [
        ({Flag.QUOTE_CHANGED}, (("he",),), (("he",),))]


def test_an_unchanged_sentence_read_with_the_same_quotation_open_is_read_for_sources_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # both sides of every unchanged sentence were read for their sources: most of a large text's
    # comparison time, for a result the same on both sides
    read: list[str] = []

    def reading(text: str, quote_open: str = "") -> Sources:
        read.append(text)
        return sources_in(text, quote_open)

    monkeypatch.setattr(comparison, "sources_in", reading)
    kept = "Officials said the base was hit."
    old = version(f"A Pentagon official said the troops left. {kept}")
    new = version(f"Defense Secretary Mark Esper said the troops left. {kept}")
    edits = compare(old, new).edits
    assert [(edit.op, edit.old_sources, edit.new_sources) for edit in edits][1] == (
        EditOp.UNCHANGED, (("officials",),), (("officials",),))
    assert read.count(kept) == 1


def test_an_unchanged_sentence_read_with_another_quotation_open_is_read_on_each_side() -> None:
    # `as I said` is the speaker's words inside the quotation the old first sentence opened only
    old = version("“We will respond now. We will not wait, as I said,” he said.")
    new = version("We will respond now. We will not wait, as I said,” he said.")
    assert [(edit.op, edit.old_sources, edit.new_sources) for edit in compare(old, new).edits][1] == (
        EditOp.UNCHANGED, (("he",),), (("i",), ("he",)))


DEPLOYED = ("The 82nd Airborne Division left for Kuwait on Monday as the Pentagon sent "
            "reinforcements to the region.")
DEPLOYED_SPLIT = ("The 82nd Airborne Division left for Kuwait on Monday. The 82nd Airborne "
                  "Division was sent as reinforcements to the region.")
DEPLOYED_SPLIT_101ST = DEPLOYED_SPLIT.replace("82nd Airborne Division was", "101st Airborne Division was")


@pytest.mark.parametrize(("old", "new", "changed"), [
    (DEPLOYED, DEPLOYED_SPLIT, False),
    (DEPLOYED_SPLIT, DEPLOYED, False),
    (DEPLOYED, DEPLOYED_SPLIT_101ST, True),
])
def test_a_number_repeated_in_a_split_or_merge_changes_none(old: str, new: str,
                                                             changed: bool) -> None:
    """A split that repeats `82nd Airborne` in both new sentences (or a merge that says it once)
    was `number_changed`, though no number changed: a split or merged row compares the distinct
    numbers of its sides, so one only written more or less often changes none, where one added
    (`101st`) does."""
    edit, = compare(version(old, number=1), version(new, number=2)).edits
    assert edit.op in (EditOp.SPLIT, EditOp.MERGED)
    assert (Flag.NUMBER_CHANGED in edit.flags) is changed


def test_a_number_repeated_in_a_plain_edit_changes_it() -> None:
    """Outside a split or merge a number written once more is a number change: `2 killed` to `2
    killed and 2 injured` reports two more people."""
    edit, = compare(version("Officials said 2 people were killed in the blast on Monday.", number=1),
                    version("Officials said 2 people were killed and 2 injured in the blast on Monday.",
                            number=2)).edits
    assert edit.op is EditOp.EDITED and Flag.NUMBER_CHANGED in edit.flags


def test_compare_and_sentences_of_refuse_anything_but_versions() -> None:
    """A str in place of a Version failed with a bare AttributeError ('str' object has no
    attribute 'paragraphs'), where the package's `revdiff.compare` names itself and what it
    takes."""
    with pytest.raises(TypeError, match=r"^compare takes two Versions \(article\.versions\[i\]\), "
                                        r"not str$"):
        compare(OLD, "It rained.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^sentences_of takes a Version \(article\.versions\[i\]\), "
                                        r"not str$"):
        sentences_of("It rained.")  # type: ignore[arg-type]
    assert sentences_of(OLD)


def test_the_cached_functions_refuse_an_unhashable_argument_by_name() -> None:
    """A list in place of a Version failed with the cache's bare `unhashable type: 'list'`
    before the argument was checked; the cache is still there to clear (benchmarks/timing.py)."""
    with pytest.raises(TypeError, match=r"^sentences_of takes a Version \(article\.versions\[i\]\), "
                                        r"not list$"):
        sentences_of(["It rained."])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^quote_openings_of takes a Version "
                                        r"\(article\.versions\[i\]\), not list$"):
        comparison.quote_openings_of(["It rained."])  # type: ignore[arg-type]
    assert sentences_of(OLD) is sentences_of(OLD)
    sentences_of.cache_clear()
    comparison.quote_openings_of.cache_clear()


@pytest.mark.parametrize(("old_text", "new_text"), [
    ("Hi...", "Hi—"), ("Go...", "Go—"), ("Wait...", "Wait—"), ("Hi!", "Hi!!!!!!!!"),
])
def test_a_sentence_re_punctuated_is_an_edit_however_short(old_text: str, new_text: str) -> None:
    """`Hi...` to `Hi—` was a deleted and an added sentence, as `...` and `—` count as no more
    alike than 0.42 in so short a sentence, where `Wait...` to `Wait—` was paired: the same
    words in the same order are the same sentence re-punctuated, an edit, and a boring one."""
    old = version("Rockets hit the base.", old_text, "Nobody was hurt.")
    new = version("Rockets hit the base.", new_text, "Nobody was hurt.")
    comparison = compare(old, new)
    (edited,) = [edit for edit in comparison.edits if edit.op is not EditOp.UNCHANGED]
    assert (edited.op, edited.old_text, edited.new_text) == (EditOp.EDITED, old_text, new_text)
    assert Flag.PUNCTUATION_ONLY in edited.flags
    assert comparison.stats.boring
