from __future__ import annotations

import importlib
import random
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revdiff.engine import compare, flags, words
from revdiff.engine.flags import edit_flags, sources_in
from revdiff.engine.graphemes import grapheme_clusters, is_mark
from revdiff.engine.numbers import _roman_numeral_values, numbers_in
from revdiff.engine.quotations import open_quotation, quotations_in
from revdiff.engine.similarity import similarity
from revdiff.engine.stats import is_boring_change, is_boring_edit
from revdiff.engine.word_count import count_words, version_words
from revdiff.engine.words import new_side, old_side, tokenize, word_diff
from revdiff.model import Edit, EditOp, Flag, Version

from .conftest import CountingText

TITLE_6 = ("Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, "
           "Defense Sec. Mark Esper says")
TITLE_7 = ("Pentagon launched airstrike that killed Iranian commander Qasem Soleimani, "
           "Defense Secretary Mark Esper says")


def test_title_change_of_seed_004_is_one_phrase() -> None:
    diff = word_diff(TITLE_6, TITLE_7)
    changed = [(op, text) for op, text in diff if op != 0]
    assert changed == [(-1, "Sec."), (1, "Secretary")]
    assert old_side(diff) == TITLE_6 and new_side(diff) == TITLE_7


@pytest.mark.parametrize(("old", "new", "kept"), [
    # the cleanup merged the one-token runs `), ` and ` ` into the changes beside them, and the
    # changes, grown, swallowed the year and then the name with its dates
    ("the town is where actor ann lee (1950-) and folk-painter tom hall (1949-1983) grew up.",
     ("the town is where actor ann lee (born 1950), painter-sculptor tom hall (1949-1983), and "
      "blues drummer joe park (born 1921) grew up."), ["1950", "tom hall (1949-1983"]),
    ("winners: 1946-), and harp-player mia ray (1931-1990",
     ("winners: born 1946), harp player-singer mia ray (1931-1990), and jazz pianist ed fox "
      "(born 1925"), ["1946", "mia ray (1931-1990"]),
])
def test_unchanged_words_between_changes_stay_kept(old: str, new: str, kept: list[str]) -> None:
    diff = word_diff(old, new)
    kept_text = "".join(text for op, text in diff if op == 0)
    for words_kept in kept:
        assert words_kept in kept_text, diff
    assert old_side(diff) == old and new_side(diff) == new


@pytest.mark.parametrize(("old", "new"), [
    ("angry protesters gathered outside of the embassy on friday",
     "a small crowd of protesters stood in front of the new consulate building on saturday evening"),
    ("officials said they are reviewing the plan",
     "senior ministers insisted they are scrapping a proposal entirely"),
    ("the head of the central bank warned on monday",
     "a former governor of the reserve board cautioned late tuesday night"),
])
def test_function_words_alone_between_changes_stay_in_them(old: str, new: str) -> None:
    # `of the` and `they are` were given back as kept between a change and the next, as if they
    # carried meaning: one change, as the cleanup made it
    diff = word_diff(old, new)
    assert [op for op, _ in diff] == [-1, 1], diff
    assert old_side(diff) == old and new_side(diff) == new


def test_a_change_sharing_only_function_words_is_not_diffed_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A deletion and an insertion that share no word but `they are` can give back nothing
    (`_carries_meaning`): diffing them again, as every change was, is work for nothing, and
    four changes in five of the Wikipedia pairs share no other word."""
    diffs: list[int] = []  # the diffs begun, not those diff_main makes of their parts
    depth = [0]
    differ = words._DIFFER
    exact = differ.diff_main

    def counted(*args: object) -> object:
        diffs.extend([1] if not depth[0] else [])
        depth[0] += 1
        try:
            return exact(*args)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(differ, "diff_main", counted)
    old, new = ("officials said they are reviewing the plan",
                "senior ministers insisted they are scrapping a proposal entirely")
    assert word_diff(old, new) == ((-1, old), (1, new))
    assert len(diffs) == 1  # the diff itself, not the change again
    diffs.clear()
    # a shared word of meaning is still looked for
    word_diff("the mayor of springfield resigned on monday after weeks of pressure",
              "on tuesday springfield's council chose a new mayor amid protests")
    assert len(diffs) == 2

def test_word_diff_keeps_whole_words() -> None:
    old = "At least 25 militia members were killed in the strikes."
    new = "At least 26 militia members died in the strikes."
    diff = word_diff(old, new)
    assert (-1, "25") in diff and (1, "26") in diff
    for side, keep in ((old, -1), (new, 1)):
        boundaries = {0, len(side)} | {k for k in range(1, len(side))
                                        if side[k - 1].isalnum() != side[k].isalnum()}
        offset = 0
        for op, text in diff:
            if op in (0, keep):
                if op == keep:
                    assert offset in boundaries and offset + len(text) in boundaries, text
                offset += len(text)


@pytest.mark.parametrize(("old", "new", "deleted", "inserted"), [
    ("We stayed here for the night.", "We stayed there for the night.", "here", "there"),
    ("The cats sat.", "The cat sat.", "cats", "cat"),
    ("He was unhappy today.", "He was happy today.", "unhappy", "happy"),
    ("US to send 3,500 troops.", "US to send 3,000 troops.", "3,500", "3,000"),
    ("It grew 1.5 percent.", "It grew 1.75 percent.", "1.5", "1.75"),
    # an amount written on its number is one word, with a decimal mark or without: `$5.5m` to
    # `$5.6m` showed `$[-5.5-]{+5.6+}m` where `$5m` to `$6m` showed `$[-5m-]{+6m+}`
    ("It cost $5m.", "It cost $6m.", "5m", "6m"),
    ("It cost $5.5m.", "It cost $5.6m.", "5.5m", "5.6m"),
    ("It cost €1,5bn.", "It cost €1,6bn.", "1,5bn", "1,6bn"),
    # a time is one number, as `10.30` is: `10:30` to `10:45` showed `10:[-30-]{+45+}`, half a
    # time changed, and `10:30` to `11:30` `[-10-]{+11+}:30`
    ("It began at 10:30 on Friday.", "It began at 10:45 on Friday.", "10:30", "10:45"),
    ("It began at 10:30 on Friday.", "It began at 11:30 on Friday.", "10:30", "11:30"),
    ("It began at 10:30am.", "It began at 10:45am.", "10:30am", "10:45am"),
    ("Es begann um 10:30 Uhr, sagte Müller.", "Es begann um 10:45 Uhr, sagte Müller.", "10:30",
     "10:45"),
    ("They won 2:1 at home.", "They won 3:1 at home.", "2:1", "3:1"),
    # a Hebrew acronym is one word, its gershayim (`״` or `"`) before its last letter and a geresh
    # (`׳`) inside it: `מנכ"ל` (director general) to `סמנכ"ל` (deputy) showed `[-מנכ-]{+סמנכ+}"ל`
    ('אמר מנכ"ל החברה.', 'אמר סמנכ"ל החברה.', 'מנכ"ל', 'סמנכ"ל'),
    ("אמר מנכ״ל החברה.", "אמר סמנכ״ל החברה.", "מנכ״ל", "סמנכ״ל"),
    ('דובר צה"ל אמר.', 'דובר צה"ב אמר.', 'צה"ל', 'צה"ב'),
    ("אמר ג׳ורג׳ בוש.", "אמר ג׳ורג׳ן בוש.", "ג׳ורג׳", "ג׳ורג׳ן"),
])
def test_a_changed_word_is_one_word_deleted_and_one_inserted(old: str, new: str, deleted: str,
                                                             inserted: str) -> None:
    # cleaned up on characters, `here` to `there` kept `here` and inserted `t`: a word added and
    # none removed
    changed = [(op, text) for op, text in word_diff(old, new) if op]
    assert changed == [(-1, deleted), (1, inserted)]


def test_word_diff_one_side_empty() -> None:
    assert word_diff("", "New text.") == ((1, "New text."),)
    assert word_diff("Old text.", "") == ((-1, "Old text."),)
    assert word_diff("Same.", "Same.") == ((0, "Same."),)


def test_a_sentence_of_many_short_tokens_gets_a_diff_of_bounded_work() -> None:
    """A giant was told by its characters (50,000), where the work grows with its tokens: a
    sentence of 20,000 characters in 13,520 tokens (`?” he said. ` again and again) against one
    as long took 19 s exactly (found by the long fuzz run). No shared token occurs once on
    either side, and the stretch is too large for a common subsequence: deleted and inserted."""
    old = "?” he said. " * 1690
    new = "\r ?” he said.  ” » Officials ”" * 776
    diff = word_diff(old, new)
    assert old_side(diff) == old and new_side(diff) == new
    assert word_diff("A short sentence.", "A short, edited sentence.") == (
        (0, "A short"), (1, ", edited"), (0, " sentence."))


def _giant_pair(words_long: int) -> tuple[str, str, int]:
    """A sentence of `words_long` words of a 3,000-word vocabulary, and the same with about one
    word in four replaced in place, and how many words differ."""
    rng = random.Random(3)
    vocabulary = [f"w{number}" for number in range(3000)]
    old = [rng.choice(vocabulary) for _ in range(words_long)]
    new = [word if rng.random() > 0.25 else rng.choice(vocabulary) for word in old]
    return " ".join(old), " ".join(new), sum(a != b for a, b in zip(old, new))


def test_a_giant_sentence_s_diff_is_the_same_on_a_busy_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pair of more than GIANT_TOKENS tokens was diffed within 2 seconds: on a busy machine the
    diff stopped early and gave a sentence of 6,000 words with 30% of them replaced as a total
    rewrite (`+6000/-6000 words, 100% changed; rewrite`), on an idle one 46% changed, so the
    counts and exports of one input changed from run to run. Its diff no longer reads the clock,
    here made to run a minute a call, and keeps the words that did not change."""
    old, new, differing = _giant_pair(3000)
    assert len(tokenize(old)) + len(tokenize(new)) > words.GIANT_TOKENS
    calm = word_diff(old, new)
    clock = iter(range(0, 10**9, 60))
    library = importlib.import_module("diff_match_patch.diff_match_patch")  # the module, not its class
    monkeypatch.setattr(library.time, "time", lambda: next(clock))
    assert word_diff(old, new) == calm
    assert old_side(calm) == old and new_side(calm) == new
    deleted_words = sum(len(text.split()) for op, text in calm if op < 0)
    assert differing <= deleted_words < 1.1 * differing


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("The damage was limited.", 'The damage was "limited".',
     ((0, "The damage was "), (1, '"'), (0, "limited"), (1, '"'), (0, "."))),
    ("He said (briefly) no.", "He said briefly no.",
     ((0, "He said "), (-1, "("), (0, "briefly"), (-1, ")"), (0, " no."))),
])
def test_a_word_between_two_punctuation_edits_is_kept(old: str, new: str,
                                                      expected: tuple[tuple[int, str], ...]) -> None:
    """The cleanup, on tokens, took a word between two added quotation marks for a changed word:
    `"limited"` counted one word deleted and one added (+1/-1 words, 21% changed) in an edit
    flagged punctuation_only."""
    assert word_diff(old, new) == expected


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_reproduces_both_sides(old: str, new: str) -> None:
    """The new side as written; the old side as written, but for a kept word written in another
    Unicode form there, which the runs give as the new side writes it."""
    diff = word_diff(old, new)
    assert new_side(diff) == new
    assert unicodedata.normalize("NFC", old_side(diff)) == unicodedata.normalize("NFC", old)
    if unicodedata.is_normalized("NFC", old) and unicodedata.is_normalized("NFC", new):
        assert old_side(diff) == old


def test_the_runs_keep_the_text_as_written() -> None:
    """The runs were in Unicode's composed form: `cafe` and a combining accent came out as `é`
    (U+00E9), in the text output and the app, not as the input wrote it."""
    old, new = "Le cafe\u0301 ouvre.", "Le cafe\u0301 ferme."
    assert word_diff(old, new) == ((0, "Le cafe\u0301 "), (-1, "ouvre"), (1, "ferme"), (0, "."))
    assert word_diff("cafe\u0301", "") == ((-1, "cafe\u0301"),)


def test_words_that_differ_only_in_unicode_form_are_kept() -> None:
    # `é` as one character in the old text, as `e` and a combining accent in the new
    old = "Le café a été rénové, puis fermé."
    new = unicodedata.normalize("NFD", "Le café a été rénové, puis ouvert.")
    assert new != unicodedata.normalize("NFC", new)
    diff = word_diff(old, new)
    assert [(op, text) for op, text in diff if op != 0] == [(-1, "fermé"), (1, "ouvert")]
    assert word_diff(old, unicodedata.normalize("NFD", old)) == (
        (0, unicodedata.normalize("NFD", old)),)


def test_case_only_is_a_change_of_letter_case_alone() -> None:
    # a letter written in its other case, also a capital sharp s or a Greek word's final sigma
    assert edit_flags("Straße closed.", "STRAẞE closed.") == {Flag.CASE_ONLY}
    assert edit_flags("ΟΔΟΣ closed.", "οδος closed.") == {Flag.CASE_ONLY}
    # a ligature written as its letters, or `ß` as `ss`, is no case change (casefold() made them
    # alike); a ligature's change is a compatibility form's, boring as the README says
    old, new = "The oﬃce closed.", "The office closed."
    assert edit_flags(old, new) == frozenset()
    assert is_boring_change(old, new, edit_flags(old, new))
    assert edit_flags("Straße closed.", "Strasse closed.") == frozenset()
    assert edit_flags("Straße closed.", "STRASSE closed.") == frozenset()


def test_flags() -> None:
    assert edit_flags("He said so.", "He  said so.") == {Flag.WHITESPACE_ONLY}
    assert edit_flags("He said so.", "He said so!") == {Flag.PUNCTUATION_ONLY}
    assert edit_flags("He said so.", "he said so.") == {Flag.CASE_ONLY}
    assert Flag.NUMBER_CHANGED in edit_flags("25 were killed.", "26 were killed.")
    assert Flag.NUMBER_CHANGED in edit_flags("Two were killed.", "Three were killed.")
    assert Flag.NUMBER_CHANGED not in edit_flags("1,000 were there.", "1000 were there!")
    assert Flag.QUOTE_CHANGED in edit_flags("“We will win,” he said.", "“We shall win,” he said.")
    assert Flag.QUOTE_CHANGED not in edit_flags("“We will win,” he said.", "“We will win,” she said.")
    assert edit_flags("Same.", "Same.") == frozenset()


def test_a_change_of_unicode_form_alone_is_encoding_only() -> None:
    composed = "Il a été rénové à Montréal."
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert edit_flags(composed, decomposed) == {Flag.ENCODING_ONLY}
    # the other flags read the texts in one form: this is a change of spacing, nothing else
    assert edit_flags(composed, decomposed.replace("Il a", "Il  a")) == {Flag.WHITESPACE_ONLY}
    assert Flag.ENCODING_ONLY not in edit_flags(composed, decomposed.replace("Il a", "Elle a"))


def test_added_and_deleted_texts_get_no_changed_flag() -> None:
    assert edit_flags("", "“New quote,” he said of the 26 dead.") == frozenset()
    assert edit_flags("At least 25 were killed, “officials” said.", "") == frozenset()


def test_numbers_and_quotes_extraction() -> None:
    assert numbers_in("About 5,000 troops and two ships on Dec. 27") == ("2", "27", "~5000")
    assert numbers_in("Hundreds fled; the first of twelve buses left") == ("1", "12", "hundreds")


def test_a_number_written_in_words_or_in_digits_is_one_number() -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags("Five people died.", "5 people died.")
    assert Flag.NUMBER_CHANGED not in edit_flags("He was one of them.", "He was 1 of them.")
    assert Flag.NUMBER_CHANGED in edit_flags("Twelve were hurt.", "13 were hurt.")
    assert Flag.NUMBER_CHANGED in edit_flags("Dozens were hurt.", "12 were hurt.")
    assert quotations_in("He said “no” and \"yes\" then “maybe") == ["no", "yes", "maybe"]


def test_an_en_dash_set_as_a_minus_sign_is_one() -> None:
    assert edit_flags("Temperatures fell to –5 degrees.",
                      "Temperatures fell to -5 degrees.") == {Flag.PUNCTUATION_ONLY}
    assert Flag.NUMBER_CHANGED in edit_flags("Temperatures fell to –5 degrees.",
                                             "Temperatures fell to 5 degrees.")
    assert numbers_in("The talks ran 3–5 June, 2019–2020.") == ("2019", "2020", "3", "5")


def test_the_word_minus_before_a_number_is_its_sign() -> None:
    """`minus 5C` read `5`, so a forecast's `minus 5C` to `-5C` was a number change and `minus 5C`
    to `5C` none. `minus` after a number or in `plus or minus` subtracts or gives a margin, no
    sign."""
    assert numbers_in("It fell to minus 5C, then Minus  five.") == ("-5", "-5")
    assert Flag.NUMBER_CHANGED not in edit_flags("It fell to minus 5C.", "It fell to -5C.")
    assert Flag.NUMBER_CHANGED not in edit_flags("It fell to minus five C.", "It fell to −5 C.")
    assert Flag.NUMBER_CHANGED in edit_flags("It fell to minus 5C.", "It fell to 5C.")
    assert numbers_in("10 minus 3, plus or minus 2, plus/minus 1") == ("1", "10", "2", "3")


def test_a_dash_after_a_percent_or_degree_sign_is_a_range_not_a_minus() -> None:
    """`52%-48%` read `-48`: the dash right after a number's percent sign was taken for a minus
    sign, so a poll's range written out in words was a number change."""
    assert numbers_in("He won 52%-48%, in 5°–10° heat.") == ("10", "48", "5", "52")
    assert Flag.NUMBER_CHANGED not in edit_flags("Rates rose 2%-3%.", "Rates rose 2% to 3%.")
    assert Flag.NUMBER_CHANGED in edit_flags("Rates rose 2%-3%.", "Rates rose 2%-4%.")
    assert numbers_in("It fell from 5% to -2%.") == ("-2", "5")


def test_straight_single_quotes_are_quotation_marks_too() -> None:
    # made curly, a quotation in straight single marks changes no quotation
    assert edit_flags("The 'big' day came.", "The ‘big’ day came.") == {Flag.PUNCTUATION_ONLY}
    assert Flag.QUOTE_CHANGED in edit_flags("He called it 'a disaster' on Monday.",
                                            "He called it 'a catastrophe' on Monday.")
    # apostrophes open none
    assert quotations_in("The soldiers' families said 'no' in the '90s.") == ["no"]
    assert quotations_in("It's the soldiers' fault") == []


def test_every_ordinal_in_words_is_its_number() -> None:
    # `sixth` is `6th`, so no number changed; `ninth` to `tenth` is a changed number
    assert Flag.NUMBER_CHANGED not in edit_flags("He rejected the sixth proposal.",
                                                 "He rejected the 6th proposal.")
    assert Flag.NUMBER_CHANGED in edit_flags("It was the ninth day of protests.",
                                             "It was the tenth day of protests.")
    assert Flag.NUMBER_CHANGED not in edit_flags("The twenty-first victim was named.",
                                                 "The 21st victim was named.")
    assert numbers_in("the twelfth and twentieth days") == ("12", "20")


@pytest.mark.parametrize(("old", "new"), [
    ("Growth was 1.5 percent.", "Growth was 15 percent."),  # the same digits: no punctuation edit
    ("It was -5 degrees.", "It was 5 degrees."),
    ("Cases rose 10⁵ times.", "Cases rose 105 times."),  # NFKC would fold the superscript
])
def test_a_changed_number_is_never_punctuation_or_boring(old: str, new: str) -> None:
    flags = edit_flags(old, new)
    assert Flag.NUMBER_CHANGED in flags and Flag.PUNCTUATION_ONLY not in flags
    edit = Edit(EditOp.EDITED, (0,), (0,), old, new, similarity(old, new), (), flags)
    assert not is_boring_edit(edit)
    assert similarity(old, new) < 1


def test_numbers_are_compared_by_value() -> None:
    assert numbers_in("Sales rose by ３ percent, ٣ times") == ("3", "3")
    assert numbers_in("In 2019-2020 COVID-19 killed −5") == ("-5", "19", "2019", "2020")
    assert Flag.NUMBER_CHANGED not in edit_flags("twenty-five died", "25 died")
    assert Flag.NUMBER_CHANGED not in edit_flags("twenty five died", "25 died")
    assert Flag.NUMBER_CHANGED in edit_flags("twenty-five died", "twenty-six died")


@pytest.mark.parametrize(("old", "new"), [
    ("Friday 03 January 2020 18:58 GMT", "Friday 3 January 2020 18:58 GMT"),
    ("The strike came at 08:00 local time.", "The strike came at 8:00 local time."),
    ("Inflation was 3.50 percent.", "Inflation was 3.5 percent."),
    ("Inflation was 3.0 percent.", "Inflation was 3 percent."),
    ("It was -0 degrees at dawn.", "It was 0 degrees at dawn."),
    ("Growth was −0.0 percent.", "Growth was 0.0 percent."),
])
def test_zeros_that_add_nothing_to_a_number_change_none(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("The attacks of 9/11 changed the city.", "The attacks of September 11 changed the city."),
    ("The strike came on 2020-01-03, 10 days later.", "The strike came on January 3, 2020, 10 days later."),
    ("The strike came on Jan. 3 near the airport.", "The strike came on January 3 near the airport."),
    ("The strike came on 3 January 2020.", "The strike came on January 3, 2020."),
    ("The strike came on 1/3/2020.", "The strike came on Jan. 3rd, 2020."),
    ("The strike came on 25/12 at 10:30.", "The strike came on 25 December at 10.30."),
])
def test_a_date_rewritten_in_another_style_changes_no_number(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("The strike came on Jan. 3 near the airport.", "The strike came on January 4 near the airport."),
    ("The strike came on 2020-01-03.", "The strike came on March 1, 2020."),
    ("The strike came on 2020-01-03.", "The strike came on January 3, 2021."),
    ("The strike came on 3 January 2020.", "The strike came on January 3."),
    ("The strike came on 9/11.", "The strike came on November 9."),
    ("About 1/3 of voters agreed.", "1/3 of voters agreed."),
    ("On January 3, 1500 people fled.", "On January 3, 1600 people fled."),
])
def test_a_date_whose_day_month_or_year_changes_is_a_number_change(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


def test_zeros_inside_a_number_or_after_its_decimal_mark_count() -> None:
    assert Flag.NUMBER_CHANGED in edit_flags("It rose 0.05 percent.", "It rose 0.5 percent.")
    assert Flag.NUMBER_CHANGED in edit_flags("It killed 103 people.", "It killed 13 people.")
    assert Flag.NUMBER_CHANGED in edit_flags("It killed 30 people.", "It killed 3 people.")
    assert numbers_in("at 00:00, -05 and 0") == ("-5", "0", "0", "0")


def test_a_terminal_control_sequence_changed_is_no_changed_number() -> None:
    """The parameters of `\x1b[31m` were read as the number 31, so a colour changed in the text
    was flagged as a changed number."""
    assert Flag.NUMBER_CHANGED not in edit_flags("Troops \x1b[31mleft.", "Troops \x1b[32mleft.")
    assert Flag.NUMBER_CHANGED not in edit_flags("Troops \x9b1;31mleft.", "Troops \x9b1;32mleft.")
    assert numbers_in("\x1b[31m3 troops\x1b[0m left") == ("3",)
    assert Flag.NUMBER_CHANGED in edit_flags("\x1b[31m3 troops left.", "\x1b[31m4 troops left.")


@pytest.mark.parametrize("escape", ["\x1b]0;X\x07", "\x1b]0;X\x1b\\",
                                    "\x1b]8;;https://example.com/1\x1b\\", "\x1bP1$q\x1b\\", "\x1b7",
                                    "\x1b(0"])
def test_a_terminal_control_string_or_escape_sequence_added_is_no_changed_number(escape: str) -> None:
    """Only control sequences (`\x1b[31m`) were left out: the `0` of a window title set
    (`\x1b]0;X\x07`, OSC) or a link's (`\x1b]8;;…`) and the `7` of `\x1b7` were read as numbers,
    so adding one was flagged number_changed."""
    assert numbers_in(f"Troops{escape} left 3 bases.") == ("3",)
    assert Flag.NUMBER_CHANGED not in edit_flags("Troops left.", f"Troops{escape} left.")


@pytest.mark.parametrize(("old", "new"), [
    ("\x1b]0;10 am\x07Storm hits at 10 pm", "\x1b[31mStorm hits at 10 pm"),
    ("A €5 fine\x1b]0;$5\x07", "A €5 fine\x1b[31m"),
])
def test_a_half_of_the_day_or_a_currency_in_a_control_string_changes_no_number(old: str,
                                                                              new: str) -> None:
    """The numbers were read without the terminal's control strings, but a time's half of the
    day and a number's currency were read with them: a title that set the window's title to
    `10 am` or `$5` before the story's `10 pm` or `€5` was number_changed when that control
    string became a colour's."""
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)
    assert Flag.NUMBER_CHANGED in edit_flags(old, new.replace("10 pm", "10 am").replace("€", "$"))


def test_text_decoded_in_the_wrong_charset_keeps_its_numbers() -> None:
    """`”` in UTF-8 read as Latin-1 is `â\x80\x9d`, and U+009D is the one-character OSC: read as
    one, it hid every number after it, so 500 changed to 600 there was no number_changed."""
    assert numbers_in("He said â\x80\x9d it cost 500 dollars.") == ("500",)
    assert Flag.NUMBER_CHANGED in edit_flags("â\x80\x9d it cost 500.", "â\x80\x9d it cost 600.")


@pytest.mark.parametrize("old", ["t\\xe9", "caf\\x80 fire", "t\\ud800"])
def test_a_character_written_as_its_escape_in_a_title_is_no_number(old: str) -> None:
    """A title's byte that is not UTF-8 is written `\\xe9` (`name_text`): its `9` was read as a
    number, so `t\\xe9` to `t` was flagged number_changed."""
    new = old.split("\\")[0]
    assert numbers_in(old) == ()
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


def test_numbers_beside_a_backslash_or_an_escaped_byte_are_read() -> None:
    assert numbers_in("caf\\xe95 and C:\\2020\\3 and 1\\xe92") == ("1", "2", "2020", "3", "5")
    assert Flag.NUMBER_CHANGED in edit_flags("t\\xe9 5", "t\\xe9 6")


def test_single_and_german_quotation_marks_hold_quotes() -> None:
    assert quotations_in("She said: ‘We won’t go.’ Then left.") == ["We won’t go."]
    assert quotations_in("Er sagte: „Wir kommen.“") == ["Wir kommen."]
    assert Flag.QUOTE_CHANGED in edit_flags("He spoke to reporters.", "He told reporters: ‘No.’")
    assert Flag.QUOTE_CHANGED not in edit_flags("The players’ ball.", "The players’ balls.")


def test_quotations_without_closing_marks_and_mixed_marks() -> None:
    assert quotations_in("“a “b” c") == ["a “b"]
    assert quotations_in("«x “y” z") == ["y", "x z"]  # the open quote is read without the closed one
    assert quotations_in("“" * 3 + "end") == ["““end"]
    assert quotations_in("He said \"no\" and “left") == ["no", "left"]


def test_words_are_counted_as_a_reader_counts_them() -> None:
    assert count_words("Iran's 3,000 troops — now") == 4  # a lone dash is no word
    version = Version(0, "Title", ("Iran's 3,000 troops — now", "U.S. officials said •"))
    assert version_words(version) == 7


def test_words_are_the_runs_between_any_spaces_that_hold_a_letter_or_digit() -> None:
    """Counted by one pattern: what `str.split` takes for a space (the information separators,
    NEL, the ideographic space) separates, and `_`, which patterns call a word character, is
    none alone."""
    assert count_words("a\x1cb\x85c\u3000d") == 4
    assert count_words("_ __ a_b -- ²") == 2  # `²` is a digit
    assert count_words("") == count_words("  \t ") == 0


def test_a_changed_vowel_sign_changes_a_word_and_is_no_punctuation() -> None:
    # `दिन` (day) and `दीन` (poor) differ in a Devanagari vowel sign, a combining mark that `\w`
    # leaves out: the diff marked the sign alone (`वह द[-ि-]{+ी+}न था।`), counted no word changed,
    # and flagged the edit punctuation_only, so it was boring and `x` hid it
    old, new = "वह दिन था।", "वह दीन था।"
    assert word_diff(old, new) == ((0, "वह "), (-1, "दिन"), (1, "दीन"), (0, " था।"))
    assert edit_flags(old, new) == frozenset()
    assert edit_flags("Namaste, दुनिया", "Namaste दुनिया") == {Flag.PUNCTUATION_ONLY}
    assert tokenize("I ❤️ दिन") == ["I", " ", "❤️", " ", "दिन"]  # a variation selector is a mark


def test_a_changed_emoji_is_one_changed_token_and_no_punctuation() -> None:
    # Emoji were cut at their joiners and skin tones: the diff marked a part of one emoji
    # (`👨‍👩‍[-👧-]{+👦+}`, `👍[-🏽-]{+🏿+}`, broken glyphs on a terminal), and the edit was flagged
    # punctuation_only, so it was boring and `x` hid it
    family, family_son = "👨\u200d👩\u200d👧", "👨\u200d👩\u200d👦"
    cases = [(family, family_son), ("👍🏽", "👍🏿"), ("🇺🇸", "🇬🇧"), ("1️⃣", "2️⃣"), ("#️⃣", "*️⃣"),
             ("👍", "👎"), (family, "👨👩👧")]
    for old_emoji, new_emoji in cases:
        old, new = f"The family {old_emoji} waved.", f"The family {new_emoji} waved."
        assert word_diff(old, new) == ((0, "The family "), (-1, old_emoji), (1, new_emoji),
                                       (0, " waved.")), new_emoji
        assert Flag.PUNCTUATION_ONLY not in edit_flags(old, new), new_emoji
    assert edit_flags("Great 👍🏽!", "Great 👍🏽") == {Flag.PUNCTUATION_ONLY}
    assert tokenize(f"{family}👍🏽great 🇺🇸🇬🇧🇫 I ❤️NY") == [
        family, "👍🏽", "great", " ", "🇺🇸", "🇬🇧", "🇫", " ", "I", " ", "❤️", "NY"]
    # an emoji is no word, as before: a word holds a letter or a digit
    assert count_words(f"Great 👍🏽 {family}") == 1


def test_the_cleanup_of_a_word_diff_never_cuts_an_emoji() -> None:
    # the cleanup on characters kept `👍` of `👍🏽` and deleted the skin tone alone
    assert word_diff("👍🏽", "🇬🇧👍") == ((-1, "👍🏽"), (1, "🇬🇧👍"))
    assert word_diff("x👍", "👍🏿❤️ a") == ((-1, "x👍"), (1, "👍🏿❤️ a"))


EMOJI_PIECES = ["👨\u200d👩\u200d👧", "👨\u200d👩\u200d👦", "👍", "👍🏽", "👍🏿", "🇺", "🇺🇸", "🇬🇧",
                "❤️", "1️⃣", "e\u0301", "दि", "न", "a", "b", " ", "."]


@given(*[st.lists(st.sampled_from(EMOJI_PIECES), max_size=8).map("".join)] * 2)
def test_word_diff_runs_begin_and_end_between_grapheme_clusters(old: str, new: str) -> None:
    diff = word_diff(old, new)
    for dropped in (1, -1):
        side = [text for op, text in diff if op != dropped]
        cuts = {sum(map(len, side[:at])) for at in range(len(side) + 1)}
        bounds = {0}
        for cluster in grapheme_clusters("".join(side)):
            bounds.add(max(bounds) + len(cluster))
        assert cuts <= bounds, diff


def test_a_zero_width_space_is_white_space() -> None:
    # a zero-width space (a break that takes no room) replaced by a space was punctuation_only:
    # Python does not count U+200B as white space, the tokenizer now does
    assert edit_flags("Breaking\u200bnews today.", "Breaking news today.") == {Flag.WHITESPACE_ONLY}
    assert tokenize("Breaking\u200bnews") == ["Breaking", "\u200b", "news"]
    assert count_words("Breaking\u200bnews") == 2
    # no-break spaces were white space already
    assert edit_flags("10\u00a0km away.", "10 km away.") == {Flag.WHITESPACE_ONLY}
    assert edit_flags("10\u202fkm away.", "10 km away.") == {Flag.WHITESPACE_ONLY}
    # the word joiner and the byte-order mark forbid a break, and the zero-width non-joiner shapes
    # Persian letters: they are no white space and stay inside their word
    for joiner in ("\u2060", "\ufeff", "\u200c"):
        assert tokenize(f"news{joiner}room now") == [f"news{joiner}room", " ", "now"]
        assert edit_flags(f"news{joiner}room now", "newsroom now") == {Flag.PUNCTUATION_ONLY}
    assert tokenize("می\u200cخواهم بروم") == ["می\u200cخواهم", " ", "بروم"]


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("No one was hurt in the attack.", "Nobody was hurt in the attack.", False),
    ("He is the one who ordered it.", "He is the man who ordered it.", False),
    ("Wait a second.", "Wait a moment.", False),
    ("One soldier died.", "Two soldiers died.", True),
    ("The second missile hit.", "The third missile hit.", True),
    # one to none is a number changed, as much as one to two
    ("One soldier was killed.", "No soldier was killed.", True),
    ("The attack killed one person and wounded 5.", "It killed none and wounded 5.", True),
    ("A second soldier died.", "A soldier died.", True),
    # `at first` and `one-time` are no numbers: they were number changes to `Initially`, `former`
    ("At first, officials denied that the base was hit.",
     "Initially, officials denied that the base was hit.", False),
    ("The one-time ally turned on him.", "The former ally turned on him.", False),
    ("The first attack came at dawn.", "The second attack came at dawn.", True)])
def test_one_and_second_are_no_number_in_no_one_the_one_who_and_a_second(
        old: str, new: str, changed: bool) -> None:
    # `No one was hurt` to `Nobody was hurt` was a number_changed, 1 to nothing
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Police said one person was hurt.", "Police said a person was hurt.", False),
    ("One source said there were no casualties.",
     "A Pentagon official said there were no casualties.", False),
    ("The talks resumed an hour later.", "The talks resumed one hour later.", False),
    ("Officials said one soldier and a civilian died.",
     "Officials said a soldier and a civilian died.", False),
    # a vague quantity is no one, and another count is still a number changed
    ("Police said one person was hurt.", "Police said a few people were hurt.", True),
    ("Police said one person was hurt.", "Police said a number of people were hurt.", True),
    ("A soldier was hurt.", "Two soldiers were hurt.", True),
    ("One soldier was killed at a checkpoint.", "The soldier was killed at the checkpoint.", True)])
def test_one_written_as_the_article_a_is_no_changed_number(old: str, new: str, changed: bool) -> None:
    # `one person` to `a person` (a style edit) was a number_changed, 1 to nothing
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It happened at 10 a.m.", "It happened at 10 p.m.", True),
    ("Polls close at 8:00 a.m.", "Polls close at 8 P.M.", True),
    ("Talks at 9am, a vote at 5pm.", "Talks at 9pm, a vote at 5am.", True),
    ("It happened at 10am.", "It happened at 10 a.m.", False),
    ("The strike came at 8:00.", "The strike came at 8 a.m.", False),
    ("Talks run from 9 to 11 a.m.", "Talks run from 9 a.m. to 11 a.m.", False)])
def test_a_time_given_the_other_half_of_the_day_is_a_changed_number(
        old: str, new: str, changed: bool) -> None:
    # `10 a.m.` to `10 p.m.` got no flag at all: the same digits, and `a` to `p` no number
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("The vote is at 3 p.m. (1500 GMT).", "The vote is at 3 p.m. (15:00 GMT).", False),
    ("The vote is at 3 p.m. on Friday.", "The vote is at 15:00 on Friday.", False),
    ("The vote is at 1500 GMT on Friday.", "The vote is at 3 p.m. on Friday.", False),
    ("The vote is at 1500UTC on Friday.", "The vote is at 3pm on Friday.", False),
    ("The vote is at 1500 hours on Friday.", "The vote is at 15:00 on Friday.", False),
    ("The vote is at 10:30 p.m. on Friday.", "The vote is at 22.30 on Friday.", False),
    ("The vote is at 12:30 a.m. on Friday.", "The vote is at 00:30 on Friday.", False),
    # the other half of the day, another time, or a count that is no time
    ("The vote is at 3 a.m. on Friday.", "The vote is at 15:00 on Friday.", True),
    ("The vote is at 1500 GMT on Friday.", "The vote is at 3 a.m. on Friday.", True),
    ("The vote is at 15:00 on Friday.", "The vote is at 16:00 on Friday.", True),
    ("They sent 1500 troops on Friday.", "They sent troops at 3 p.m. on Friday.", True),
    ("They gave 1500 hours of work.", "They gave 15:00 of work.", True),
    ("They shipped 2000 MT of rice.", "They shipped 20:00 of rice.", True)])
def test_a_time_on_either_clock_is_one_time(old: str, new: str, changed: bool) -> None:
    # `3 p.m.` to `15:00` and `1500 GMT` to `15:00 GMT` were number changes: 3 to 15, 1500 to 15
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new"), [
    ("Category A storms are the weakest.", "Category 1 storms are the weakest."),
    ("He was charged with a Class A felony.", "He was charged with a Class 1 felony."),
    ("The Serie A side signed him.", "The Serie 1 side signed him.")])
def test_a_capital_letter_after_a_word_is_no_article_counting_one(old: str, new: str) -> None:
    # a letter that names (`Category A`) was read as the article, one, so `Category A` to
    # `Category 1` changed no number
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("The law takes effect on Jan. 1.", "The law takes effect in a month."),
    ("The death toll rose to one.", "The death toll rose, a spokesman said."),
    ("Polls close at 1.", "Polls close in an hour."),
    ("Polls close at 1 p.m.", "Polls close in an hour.")])
def test_an_article_stands_for_no_one_that_counts_nothing(old: str, new: str) -> None:
    # the article was read as 1 wherever it stood, so a date's, a total's or a time's 1 dropped
    # from the text while an article came in elsewhere was no number_changed
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("He arrived on Jan. 1 with his family.", "He arrived in a month with his family."),
    ("The law takes effect on 1 January.", "The law takes effect in a month."),
    ("On March 1 the troops left.", "In a week the troops left.")])
def test_an_article_stands_for_no_day_of_a_month_before_a_word(old: str, new: str) -> None:
    # a date's 1 followed by a word was read as counting that word (`1 with`, `1 January`), so
    # the article that came in stood for it and the date that went changed no number
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    # an article that stands for no one changes no number either
    ("At 10:30 a man came in.", "At 10.30 the man came in."),
    ("The vote is at 1 p.m. today.", "The vote is at 1:00 p.m. today."),
    ("Police said 1 person was hurt.", "Police said a person was hurt."),
    ("The bill costs $1m.", "The bill costs a million dollars."),
    # a date beside the one that counts a word leaves it counting, and so does a month's name
    # after the word one
    ("Police said 1 person was hurt on May 1.", "Police said a person was hurt on May 1."),
    ("One January morning the troops left.", "A January morning the troops left."),
    # a fraction's one, hyphened to its word, counts it as well
    ("Prices rose by one-third.", "Prices rose by a third."),
    ("One‐half of voters stayed home.", "A half of voters stayed home.")])
def test_an_article_counts_as_a_one_that_counts_a_word_only(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


def test_quotation_marks_written_otherwise_change_no_quotation() -> None:
    # typography alone was a quote_changed, and the edit boring at once
    old, new = "\"He called it 'a disaster',\" he said.", "“He called it ‘a disaster’,” he said."
    assert edit_flags(old, new) == {Flag.PUNCTUATION_ONLY}
    assert edit_flags("He said “all is well.”", "He said “all is well”.") == {
        Flag.PUNCTUATION_ONLY}


def test_a_split_or_merge_that_repeats_a_source_changes_no_attribution() -> None:
    # a split that says `officials said` after both its sentences, or a merge that says it once,
    # names the same source: compared as a list, `officials` to `officials, officials` was an
    # attribution_changed (the numbers of such edits are compared as sets already)
    old = ("The strike killed the commander near the airport, officials said, and the embassy "
           "closed its doors to visitors.")
    new = ("The strike killed the commander near the airport, officials said. The embassy closed "
           "its doors to visitors, officials said.")
    assert Flag.ATTRIBUTION_CHANGED not in edit_flags(old, new, regrouped=True)
    assert Flag.ATTRIBUTION_CHANGED not in edit_flags(new, old, regrouped=True)
    # one sentence that names a source twice where it named it once is an edit of its attribution
    assert Flag.ATTRIBUTION_CHANGED in edit_flags("X rose, officials said.",
                                                  "X rose, officials said, and Y fell, officials said.")
    # a source added to the repeated one still counts
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(
        old, new.replace("visitors, officials said.", "visitors, police said."), regrouped=True)
    compared = compare(Version(number=0, title="t", paragraphs=(old,)),
                       Version(number=1, title="t", paragraphs=(new,)))
    assert [(edit.op, edit.flags) for edit in compared.edits] == [(EditOp.SPLIT, frozenset())]


def test_a_split_that_repeats_a_participles_subject_as_a_pronoun_changes_no_attribution() -> None:
    # `, saying that …` names no source of its own (its clause's subject is it): split into a
    # sentence of its own with a pronoun for that subject, it was flagged, none to `he`
    old = "Esper spoke to reporters on Tuesday, saying that the strike had been lawful."
    new = "Esper spoke to reporters on Tuesday. He said the strike had been lawful."
    assert Flag.ATTRIBUTION_CHANGED not in edit_flags(old, new, regrouped=True)
    assert Flag.ATTRIBUTION_CHANGED not in edit_flags(new, old, regrouped=True)
    compared = compare(Version(number=0, title="t", paragraphs=(old,)),
                       Version(number=1, title="t", paragraphs=(new,)))
    assert [(edit.op, edit.flags) for edit in compared.edits] == [(EditOp.SPLIT, frozenset())]
    # a source other than a pronoun, or a pronoun where no participle stood, is still a change
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(
        old, new.replace("He said", "Officials said"), regrouped=True)
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(
        old.replace(", saying that", " and said that"), new, regrouped=True)
    # in one sentence edited in place, a pronoun added beside the participle is a change
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(old, old.replace(", saying that", ", he said,"))


@pytest.mark.parametrize(("old", "new"), [
    ("Iran fired missiles at two bases, saying the strikes were revenge.",
     "Iran fired missiles at two bases. Iran said the strikes were revenge."),
    ("The Pentagon denied the report on Tuesday, saying no base was hit.",
     "The Pentagon denied the report on Tuesday. The Pentagon said no base was hit."),
    ("On Wednesday, Iranian forces fired missiles, saying the strikes were revenge.",
     "On Wednesday, Iranian forces fired missiles. Iranian forces said the strikes were revenge."),
    # the subject of a verb in the past tense without -ed
    ("Iran struck US bases in Iraq, saying the strikes were revenge.",
     "Iran struck US bases in Iraq. Iran said the strikes were revenge."),
    # the subject before an aside, of the subject or of a noun after the verb
    ("Esper, the defence secretary, ordered troops home, saying the war was over.",
     "Esper, the defence secretary, ordered troops home. Esper said the war was over."),
    ("Iran fired missiles at Ain al-Asad, a base used by US troops, saying the strikes were revenge.",
     "Iran fired missiles at Ain al-Asad, a base used by US troops. Iran said the strikes were revenge."),
])
def test_a_split_that_repeats_a_participles_subject_by_name_changes_no_attribution(
        old: str, new: str) -> None:
    # `, saying …` reports for its clause's subject: split into a sentence that names that
    # subject again, it was flagged, none to `iran`, where a pronoun for it was not
    assert Flag.ATTRIBUTION_CHANGED not in edit_flags(old, new, regrouped=True)
    assert Flag.ATTRIBUTION_CHANGED not in edit_flags(new, old, regrouped=True)
    # another source than the subject, or the subject where no participle stood, is a change
    subject = new.split(". ")[1].split(" said")[0]
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(
        old, new.replace(f"{subject} said", "Officials said"), regrouped=True)
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(old.replace(", saying", ", and"), new, regrouped=True)


def test_a_split_that_names_a_source_of_the_participles_clause_other_than_its_subject_is_a_change() -> None:
    old = "Iran fired missiles at bases the Pentagon runs, saying the strikes were revenge."
    new = "Iran fired missiles at bases the Pentagon runs. The Pentagon said the strikes were revenge."
    assert Flag.ATTRIBUTION_CHANGED in edit_flags(old, new, regrouped=True)


def test_a_quotation_cut_in_two_or_joined_into_one_is_the_same_quotation() -> None:
    # compared passage by passage, a quotation joined across the sentences of a merge (a common
    # news edit) or cut in two by its marks was a quote_changed, the same words quoted
    old = '"We will respond with force," Zarif said. "And we will win."'
    new = '"We will respond with force, and we will win," Zarif said.'
    assert Flag.QUOTE_CHANGED not in edit_flags(old, new, regrouped=True)
    assert Flag.QUOTE_CHANGED not in edit_flags(new, old, regrouped=True)
    assert edit_flags('Zarif said "we will respond with force, and we will win."',
                      'Zarif said "we will respond with force." "And we will win."') == {
        Flag.PUNCTUATION_ONLY}
    # a word taken into or out of the quotation, or the passages' order, still changes it
    assert Flag.QUOTE_CHANGED in edit_flags('"We will" win, he said.', '"We will win," he said.')
    assert Flag.QUOTE_CHANGED in edit_flags('"Yes" and "no," he said.', '"No" and "yes," he said.')


def test_a_quotation_whose_letter_case_alone_changed_is_the_same_quotation() -> None:
    assert edit_flags('He said: "we will win."', 'He said: "We will win."') == {Flag.CASE_ONLY}
    assert edit_flags("He called Soleimani “a Monster”.", "Esper called Soleimani “a monster”.") == set()
    assert Flag.QUOTE_CHANGED in edit_flags('He said: "we will win."', 'He said: "We shall win."')


def test_a_quotation_made_a_paraphrase_is_no_boring_edit() -> None:
    old, new = "Trump said “all is well” after it.", "Trump said all is well after it."
    flags = edit_flags(old, new)
    assert flags == {Flag.PUNCTUATION_ONLY, Flag.QUOTE_CHANGED}
    assert not is_boring_edit(Edit(EditOp.EDITED, (0,), (0,), old, new, similarity(old, new),
                                   (), flags))


def test_chinese_and_japanese_words_are_their_ideographs_and_kana() -> None:
    """Without spaces a clause was one word: a number changed in it was a rewrite, `69% changed`."""
    old = "イランはイラクの米軍基地に弾道ミサイル15発を発射したと国営テレビが伝えた。"
    new = old.replace("15", "22")
    assert tokenize("弾道ミサイル15発") == ["弾", "道", "ミ", "サ", "イ", "ル", "15", "発"]
    assert count_words("弾道ミサイル15発。 Iran's move") == 10
    assert [text for op, text in word_diff(old, new) if op] == ["15", "22"]
    assert similarity(old, new) > 0.9
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


def test_thai_lao_myanmar_and_khmer_words_are_their_letters_with_their_marks() -> None:
    """Without spaces a clause was one word, cut only where a vowel sign or tone mark stopped the
    word pattern: a word changed in it was the clause changed, a Thai number written after a mark
    (`ที่๑๒`) was part of a word, and a vowel AM was cut from its letter."""
    old = "นายกรัฐมนตรีกล่าวว่ารัฐบาลจะสร้างรถไฟฟ้าสายใหม่อีก ๑๒ สาย"
    new = old.replace("สร้าง", "ขยาย").replace("๑๒", "๑๕")
    assert [text for op, text in word_diff(old, new) if op] == ["สร้าง", "ขยาย", "๑๒", "๑๕"]
    assert tokenize("น้ำที่๑๒") == ["น้ำ", "ที่", "๑๒"]
    assert tokenize("ນ້ຳ ໑໒ မြန်မာ ១២,៥") == ["ນ້ຳ", " ", "໑໒", " ", "မြ", "န်", "မာ", " ", "១២,៥"]
    assert count_words("น้ำ ๑๒ ลิตร ฿") == 5
    assert count_words("น้ำที่๑๒") == 3


def test_a_consonant_stacked_below_another_is_not_diffed_apart_from_it() -> None:
    """A diff cut after the Khmer coeng or the Myanmar virama, so that the kept text ended in the
    sign and the changed text began with the consonant it writes below (`ភ្` kept, `លៀ` changed)."""
    assert word_diff("ភ្នំពេញមានភ្លៀង", "ភ្នំពេញមានភ្ញៀង") == (
        (0, "ភ្នំពេញមាន"), (-1, "ភ្លៀ"), (1, "ភ្ញៀ"), (0, "ង"))
    assert word_diff("သတ္တဝါ", "သတ္ထဝါ") == ((0, "သ"), (-1, "တ္တ"), (1, "တ္ထ"), (0, "ဝါ"))
    assert count_words("ក្រុម ១២") == 3


def test_quote_marks_written_otherwise_are_boring_also_with_straight_single_quotes() -> None:
    old, new = "Trump's aides and the 'experts' agreed.", "Trump’s aides and the ‘experts’ agreed."
    flags = edit_flags(old, new)
    assert is_boring_edit(Edit(EditOp.EDITED, (0,), (0,), old, new, similarity(old, new), (),
                               flags))


def test_an_elided_word_at_a_words_start_opens_no_straight_single_quotation() -> None:
    """Dutch `'s` and `'t` and the `'n'` of `rock 'n' roll` are apostrophes: they open no
    quotation that would run to the next word-final apostrophe."""
    assert quotations_in("He loved rock 'n' roll.") == []
    assert quotations_in("Ze kocht 's ochtends een 'mooie' fiets.") == ["mooie"]
    assert quotations_in("Hij zei 't is 'klaar'.") == ["klaar"]
    assert quotations_in("He got an 'A' in maths.") == ["A"]
    assert Flag.QUOTE_CHANGED not in edit_flags("'s Avonds zei hij 'nee'.",
                                                "'s Avonds zei hij later 'nee'.")
    assert Flag.QUOTE_CHANGED not in edit_flags("He loved rock 'n' roll.", "He loved rock and roll.")


def test_a_left_single_mark_between_letters_is_an_okina_and_opens_no_quotation() -> None:
    """`Hawai‘i` and `ī‘ao` write the Hawaiian ʻokina (or an apostrophe) as `‘`: it opens no
    quotation left open to the end, so the ʻokina written otherwise or the rest of the sentence
    changed is no changed quotation; a `‘` before a word still opens one, in Chinese too."""
    assert quotations_in("The ī‘ao needle is a famous landmark in the valley.") == []
    assert quotations_in("He flew to Hawai‘i and said ‘no’.") == ["no"]
    assert quotations_in("他说‘好’。") == ["好"]
    assert Flag.QUOTE_CHANGED not in edit_flags("The ī'ao needle is a landmark in the valley.",
                                                "The ī‘ao needle is a landmark in the state park.")
    assert open_quotation("The ī‘ao needle is a famous landmark.") == ""


def test_a_left_single_mark_against_a_word_of_another_script_still_opens_a_quotation() -> None:
    """Only a Latin word holds an ʻokina: a Korean headline's quotation set against the word
    before it (`민주당‘검수완박’`) was read as none, so a changed one was no changed quotation."""
    assert quotations_in("민주당‘검수완박’ 강행") == ["검수완박"]
    assert Flag.QUOTE_CHANGED in edit_flags("민주당‘검수완박’ 강행", "민주당‘검찰개혁’ 강행")
    assert quotations_in("Путин‘Да’ сказал") == ["Да"]


def test_a_straight_double_mark_after_a_digit_is_inches_and_opens_no_quotation() -> None:
    """`14", with 13" available` gives sizes in inches: no quotation runs from one size to the
    next, so the sizes written in words change none; a mark after a space still opens one."""
    assert quotations_in('Hi-hats were 14", with 13" available and "tiny" 12" ones.') == ["tiny"]
    assert Flag.QUOTE_CHANGED not in edit_flags(
        'The standard hi-hats were 14", with 13" available as a less common size.',
        "The standard hi-hats were 14 inches, with 13 inches available as a less-common size.")
    assert quotations_in('He said "top 10" twice.') == ["top 10"]


def test_german_low_single_quotes_hold_a_quotation() -> None:
    """German quotes inside a quotation with `‚…‘`: its closing `‘` was read as an opening mark,
    the words after the quotation quoted, so a changed quotation was no quote_changed."""
    assert quotations_in("‚Wir sind zufrieden‘, sagte er.") == ["Wir sind zufrieden"]
    assert Flag.QUOTE_CHANGED in edit_flags("‚Wir sind zufrieden‘, sagte er.",
                                            "‚Wir sind sehr zufrieden‘, sagte er.")
    assert quotations_in("„Er rief ‚Nein‘ und ging“, hieß es.") == ["Er rief ‚Nein‘ und ging"]


def test_a_left_single_mark_inside_a_word_closes_no_german_single_quotation() -> None:
    """German sets the apostrophe of `geht‘s` as `‘`, the mark that closes `‚…‘`: it ended the
    quotation at `So geht`, and the closing mark after it opened another that ran on, quoting
    `Dann ging er.`, so an edit of the words after the quotation was quote_changed and one inside
    it after `geht‘s` none."""
    text = "Er sagte: ‚So geht‘s nicht.‘ Dann ging er."
    assert quotations_in(text) == ["So geht‘s nicht."]
    assert open_quotation(text) == ""
    assert Flag.QUOTE_CHANGED in edit_flags("Er sagte: ‚So geht‘s nicht.‘",
                                            "Er sagte: ‚So geht‘s gar nicht.‘")
    assert Flag.QUOTE_CHANGED not in edit_flags(text, "Er sagte: ‚So geht‘s nicht.‘ Dann ging er weg.")


def test_a_low_single_mark_after_a_letter_or_digit_opens_no_quotation() -> None:
    """German `‚` opens a quotation before a word; after a letter or digit it is a comma's look-alike
    or what a mis-decoded `ł` leaves (`Då‚ugosz`), and it quoted the rest of the paragraph and
    left a quotation open for the next, so any edit after it was quote_changed."""
    signed = "Signed —Då‚ugosz, who wrote it."
    assert quotations_in(signed) == []
    assert Flag.QUOTE_CHANGED not in edit_flags(signed, "Signed —Då‚ugosz, who wrote it again.")
    assert open_quotation("Prices rose 1‚000 times‚ he said.") == ""
    assert quotations_in("Er rief (‚Nein‘) und ging.") == ["Nein"]


def test_indian_digit_groups_of_lakhs_and_crores_are_one_number() -> None:
    """India groups a number's digits by two above the thousands (`1,50,000`, `१,५०,०००`): the
    first comma was read as a decimal mark, `1.5`, so `1,50,000` to `150,000` was a number
    change and `1,50,000` to `1,50,500` read `1.5` against `1.505`."""
    assert numbers_in("रैली में १,५०,००० लोग आए।") == ("150000",)
    assert numbers_in("Rs 1,00,00,000 and 12,34,567") == ("10000000", "1234567")
    assert Flag.NUMBER_CHANGED not in edit_flags("रैली में 1,50,000 लोग आए।",
                                                 "रैली में 150,000 लोग आए।")
    assert numbers_in("2,5 and 1,5,000") == ("1.5.000", "2.5")


def test_digits_grouped_by_apostrophes_are_one_number() -> None:
    """Switzerland and Liechtenstein group a number's digits with an apostrophe (`1'000'000`,
    `1’000’000`): each group was read as a number of its own, `1`, `0` and `0`, so `CHF
    1'000'000` to `CHF 1,000,000` was a number change and `10'000` to `20'000` read `10` and `0`
    against `20` and `0`. An apostrophe before other than three digits groups none (`6'2"`)."""
    assert numbers_in("CHF 1'000'000 and 2’500") == ("1000000", "2500")
    assert numbers_in("He is 6'2\" tall") == ("2", "6")
    assert Flag.NUMBER_CHANGED not in edit_flags("It cost CHF 1'000'000.", "It cost CHF 1,000,000.")
    assert Flag.NUMBER_CHANGED not in edit_flags("It cost CHF 1’000’000.", "It cost CHF 1 000 000.")
    assert Flag.NUMBER_CHANGED in edit_flags("Some 10'000 came.", "Some 10'500 came.")


def test_commas_between_pairs_of_digits_not_ending_in_a_thousands_group_are_no_lakhs() -> None:
    """India's groups of two digits end in a group of three (`1,50,000`); a list written with
    commas (`(5,12,13)`, `10,20,30`) was read as lakhs, `512.13`, so `(5,12,13)` to `(512,13)`
    was no number change."""
    assert numbers_in("the triples (3,4,5) and (5,12,13)") == ("3.4.5", "5.12.13")
    assert numbers_in("sets of 10,20,30 and 1,50,50") == ("1.50.50", "10.20.30")
    assert Flag.NUMBER_CHANGED in edit_flags("the triple (5,12,13)", "the triple (512,13)")


def test_digits_with_a_comma_that_both_groups_and_marks_a_decimal_are_a_list() -> None:
    """`1,5,000` was read as `1.5` (its first comma a decimal mark, its second a thousands
    separator) and `3,000,00` as `3000`, so `1,5,000` to `1.5` and `3,000,00` to `3,000` were no
    number change: digits whose groups after the first are not all of three (or lakhs) are a list,
    each item kept."""
    assert numbers_in("1,5,000 and 3,000,00") == ("1.5.000", "3.000.00")
    assert Flag.NUMBER_CHANGED in edit_flags("It cost 1,5,000 rupees.", "It cost 1.5 rupees.")
    assert Flag.NUMBER_CHANGED in edit_flags("It cost 3,000,00 rupees.", "It cost 3,000 rupees.")
    assert numbers_in("1,234.5 and 1.234,5") == ("1234.5", "1234.5")


@pytest.mark.parametrize(("old", "new"), [
    ("Grades 10,20,30 took part.", "Grades 10, 20, 30 took part."),
    ("Grades 10,11,12,100 took part.", "Grades 10, 11, 12, 100 took part."),  # lakhs, or a list
    ("It cost 1,50,000 rupees.", "It cost 150,000 rupees."),
])
def test_a_list_written_without_spaces_and_with_them_holds_the_same_numbers(old: str,
                                                                          new: str) -> None:
    """`Grades 10,11,12,100`, valid lakhs, was read as one number and `10,20,30` as one list, so
    adding spaces after their commas was flagged number_changed."""
    assert edit_flags(old, new) <= {Flag.WHITESPACE_ONLY, Flag.PUNCTUATION_ONLY}
    assert Flag.NUMBER_CHANGED in edit_flags(old, new.replace("30", "31").replace("100", "101")
                                             .replace("50,000", "50,500"))


@pytest.mark.parametrize(("old", "new"), [
    ("The fund gave Rs 5 lakh in aid.", "The fund gave Rs 5,00,000 in aid."),
    ("The rally drew 1.5 lakh people.", "The rally drew 1,50,000 people."),
])
def test_digits_grouped_as_lakhs_are_the_lakhs_written_in_words(old: str, new: str) -> None:
    """Digits grouped as lakhs were also read as a list, `5,00,000` as `5`, `00` and `000`, the
    reading that `5 lakh` (`500000`) is compared with, so `5 lakh` to `5,00,000` was a number
    change: a group that begins with a zero is no list's item."""
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)
    assert Flag.NUMBER_CHANGED in edit_flags(old, new.replace("5,00,000", "5,00,500")
                                             .replace("1,50,000", "1,50,500"))
    assert numbers_in("Grades 10,11,12,100", other_styles=True) == ("10", "100", "11", "12")


@pytest.mark.parametrize(("old", "new"), [
    ("The vote was moved to 1.2.2024.", "The vote was moved to 2.1.2024."),
    ("Version 1.3.2 fixed it.", "Version 1.2.3 fixed it."),
    ("Traffic came from 192.168.1.2.", "Traffic came from 192.168.2.1."),
])
def test_digits_joined_by_points_in_another_order_are_a_changed_number(old: str, new: str) -> None:
    """Read in other styles as a list, a date, version or address was its numbers in any order,
    so `1.2.2024` to `2.1.2024` was no number change: only a list joined by commas, which is also
    written with spaces after them, is read as its numbers."""
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


def test_a_straight_double_mark_in_a_hebrew_acronym_opens_no_quotation() -> None:
    """Hebrew writes an acronym with a `"` before its last letter (`צה"ל`, the army): it was read
    as a quotation running to the sentence's end, so any edit of a sentence naming the army was
    quote_changed, and a quotation holding one ended at it."""
    assert quotations_in('דובר צה"ל אמר שהאירוע הסתיים.') == []
    assert Flag.QUOTE_CHANGED not in edit_flags('דובר צה"ל אמר שהאירוע הסתיים.',
                                                'דובר צה"ל אמר כי האירוע הסתיים לחלוטין.')
    assert quotations_in('נשיא ארה"ב אמר "צה"ל ינצח" אתמול.') == ['צה"ל ינצח']
    assert quotations_in('הוא אמר ל"הארץ" כי "נמשיך".') == ["הארץ", "נמשיך"]


def test_a_full_stop_moved_across_a_stray_mark_changes_no_quotation() -> None:
    """A stray mark before the full stop opens a quotation of the stop alone: moving the stop
    inside the mark changes punctuation only, no quotation."""
    flags = edit_flags('I take pride in the words "we are "ich bin ein berliner!".',
                       'I take pride in the words "we are "ich bin ein berliner!."')
    assert flags == {Flag.PUNCTUATION_ONLY}


def test_a_tens_word_before_second_with_a_space_is_a_duration() -> None:
    """`a thirty second ad` is a 30-second ad, not the 32nd: written in digits, no number
    changed; `thirty-second` and `twenty first` are still ordinals."""
    assert Flag.NUMBER_CHANGED not in edit_flags("It ran a thirty second ad.", "It ran a 30-second ad.")
    assert Flag.NUMBER_CHANGED not in edit_flags("It ran a thirty second ad.", "It ran a 30 second ad.")
    assert numbers_in("the thirty-second president") == ("32",)
    assert numbers_in("the twenty first century") == ("21",)


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Twenty   five people fled.", "25 people fled.", False),
    ("Twenty\tfive people fled.", "Twenty-five people fled.", False),
    ("Twenty  five hundred people fled.", "2,500 people fled.", False),
    ("Twenty   five people fled.", "26 people fled.", True),
    ("It ran a thirty  second ad.", "It ran a 30-second ad.", False),
])
def test_a_tens_word_and_its_unit_are_one_number_across_any_run_of_spaces(old: str, new: str,
                                                                         changed: bool) -> None:
    """`twenty   five` was read as 20 and 5 where `twenty five` is 25 (and `twenty  five
    hundred` as 20 and 500, not 2500): a tens word and its unit made one number across one space
    only. Any run of white space between them is read, as between a scale word and its number;
    `thirty  second` is still a duration."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new"), [
    ("Die Inflation lag bei 3,5 Prozent.", "Die Inflation lag bei 35 Prozent."),  # decimal comma
    ("بلغ العدد ٣٫٥ مليون.", "بلغ العدد ٥٫٣ مليون."),  # Arabic decimal mark
])
def test_a_decimal_comma_is_no_thousands_separator(old: str, new: str) -> None:
    flags = edit_flags(old, new)
    assert Flag.NUMBER_CHANGED in flags and Flag.PUNCTUATION_ONLY not in flags


@pytest.mark.parametrize(("old", "new"), [
    ("Es gab 3.000 Tote.", "Es gab 3000 Tote."),
    ("Es gab 3.000 Tote.", "Es gab 3,000 Tote."),
    ("Il y a eu 3\u202f000 morts.", "Il y a eu 3000 morts."),
    ("Il y a eu 3\u00a0000 morts.", "Il y a eu 3\u202f000 morts."),
    ("قتل ٣٬٠٠٠ شخص.", "قتل 3,000 شخص."),
    ("Die Inflation lag bei 3,5 Prozent.", "Die Inflation lag bei 3.5 Prozent."),
])
def test_a_number_in_another_separator_style_is_no_changed_number(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("Er sagte: »Wir sind bereit.«", "Er sagte: »Wir sind nicht bereit.«"),
    ("Il a dit : ‹ Nous sommes prêts. ›", "Il a dit : ‹ Nous ne sommes pas prêts. ›"),
    ("部长说：「我们准备好了。」", "部长说：「我们没有准备好。」"),
    ("大臣は『準備はできている』と述べた。", "大臣は『準備はできていない』と述べた。"),
])
def test_reversed_guillemets_and_corner_brackets_quote(old: str, new: str) -> None:
    assert Flag.QUOTE_CHANGED in edit_flags(old, new)


def test_quotation_marks_of_another_language_change_no_quotation() -> None:
    assert Flag.QUOTE_CHANGED not in edit_flags("Er sagte: »Wir sind bereit.«",
                                                "Er sagte: „Wir sind bereit.“")
    # a French closing guillemet opens no German quotation
    assert quotations_in("Nous partons », a-t-il dit. « Vraiment ? »") == ["Vraiment ?"]


@pytest.mark.parametrize(("old", "new", "deleted", "inserted"), [
    ("Il y a eu 3\u202f000 morts.", "Il y a eu 3\u202f500 morts.", "3\u202f000", "3\u202f500"),
    ("Il y a eu 3\u00a0000 morts.", "Il y a eu 2\u00a0000 morts.", "3\u00a0000", "2\u00a0000"),
    ("قتل ٣٬٠٠٠ شخص.", "قتل ٣٬٥٠٠ شخص.", "٣٬٠٠٠", "٣٬٥٠٠"),
])
def test_a_number_with_no_break_or_arabic_separators_changes_whole(
        old: str, new: str, deleted: str, inserted: str) -> None:
    diff = word_diff(old, new)
    assert (-1, deleted) in diff and (1, inserted) in diff


@pytest.mark.parametrize(("old", "new", "deleted", "inserted"), [
    # digits grouped by three between ordinary spaces are one number to the flags
    # (`numbers_in`), and were two words to the word diff: `3 [-000-]{+500+}`
    ("About 3 000 people fled.", "About 3 500 people fled.", "3 000", "3 500"),
    ("Il y a eu 3 000 morts, dit-il à Genève.", "Il y a eu 3 500 morts, dit-il à Genève.",
     "3 000", "3 500"),
    ("About 1 000 000 people fled.", "About 1 500 000 people fled.", "1 000 000", "1 500 000"),
    ("Il y a eu 3\u00a0000 morts.", "Il y a eu 3\u00a0500 morts.", "3\u00a0000", "3\u00a0500"),
    # a first group of more than three digits is no grouped number: two numbers, as to the flags
    ("In 2019 100 people fled.", "In 2019 200 people fled.", "100", "200"),
    ("In 2019 100 people fled, à Genève.", "In 2019 200 people fled, à Genève.", "100", "200"),
])
def test_digits_grouped_by_spaces_change_whole_where_the_flags_read_one_number(
        old: str, new: str, deleted: str, inserted: str) -> None:
    assert [(op, text) for op, text in word_diff(old, new) if op] == [(-1, deleted), (1, inserted)]


@pytest.mark.parametrize(("old", "new"), [
    ("The deal is worth $1.2bn.", "The deal is worth $1.2 billion."),
    ("It cost £3bn.", "It cost £3 billion."),
    ("Reuters put it at $4 bln.", "Reuters put it at $4 billion."),
    ("The fund holds £1.5m.", "The fund holds £1.5 million."),
    ("Some 1.5m people fled.", "Some 1.5 million people fled."),
    # `mn` and a magnitude in capitals were no magnitude: number changes to `million`, `billion`
    ("It cost $5mn.", "It cost $5 million."),
    ("The deal is worth $1.2BN.", "The deal is worth $1.2 billion."),
    ("It raised $5M and £3Bn.", "It raised $5 million and £3 billion."),
    # after a currency written as letters, or a space after its sign
    ("It cost Rs 500 mn.", "It cost Rs 500 million."),
    ("It cost Rs. 500 mn and ₹ 20 mn.", "It cost Rs. 500 million and ₹ 20 million."),
    ("It cost $5 m.", "It cost $5 million."),
    ("Some 1.5 m people fled.", "Some 1.5 million people fled."),
    # in capitals apart from the number, where they are no other word (`TN`, `MN` are states)
    ("The deal is worth 1.2 BLN.", "The deal is worth 1.2 billion."),
    ("The deal is worth 3 MLN and 1.2 BN.", "The deal is worth 3 million and 1.2 billion."),
])
def test_an_abbreviated_magnitude_is_its_word(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


def test_an_m_that_may_be_metres_is_no_million() -> None:
    assert numbers_in("a 5m wall, a 5 m wall and the 100m final") == ("100", "5", "5")
    assert Flag.NUMBER_CHANGED in edit_flags("It cost $1.2bn.", "It cost $1.2m.")


def test_a_k_after_a_currency_is_a_thousand() -> None:
    """`$5k` read `5`, so `$5k` to `$5,000` was a number change and `£40k` to `£40,000` too. A `k`
    neither after a currency nor before a counted noun may be a race or a resolution (`a 5k race`,
    `4K video`) and is none."""
    assert Flag.NUMBER_CHANGED not in edit_flags("It cost $5k.", "It cost $5,000.")
    assert Flag.NUMBER_CHANGED not in edit_flags("Pay of £40K a year.", "Pay of £40,000 a year.")
    assert Flag.NUMBER_CHANGED not in edit_flags("Some 5k people came.", "Some 5,000 people came.")
    assert Flag.NUMBER_CHANGED in edit_flags("It cost $5k.", "It cost $5.")
    assert numbers_in("a 5k race in 4K video") == ("4", "5")


def test_capitals_or_an_mn_apart_from_a_number_are_no_magnitude() -> None:
    assert numbers_in("in 2020 TN voters, a 5 mn walk, the 5mn wall") == ("2020", "5", "5")
    assert numbers_in("5 MN voters, Mrs 5 mn walk") == ("5", "5")


def test_a_point_that_begins_a_number_is_its_decimal_mark() -> None:
    assert numbers_in("rates of .5 and -.25, batting .500, No.5") == ("-0.25", "0.5", "0.5", "5")
    assert Flag.NUMBER_CHANGED in edit_flags("It rose .5 percent.", "It rose 5 percent.")
    assert Flag.NUMBER_CHANGED not in edit_flags("It rose 0.5 percent.", "It rose .5 percent.")


@pytest.mark.parametrize(("old", "new"), [
    ("The talks begin at 10:30 on Monday.", "The talks begin at 10.30 on Monday."),
    ("Some 1,000,000 people fled.", "Some 1 000 000 people fled."),
    ("Some 1 000 000 people fled at 10:30.", "Some 1000000 people fled at 10.30."),
    ("The strike came at 8:00.", "The strike came at 8 a.m."),
    ("The talks run 9:30-10:30.", "The talks run 9.30-10.30."),  # a dash between times, no sign
])
def test_a_time_and_spaced_digit_groups_in_another_style_are_no_changed_number(
        old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("The talks begin at 10:30 on Monday.", "The talks begin at 10.45 on Monday."),
    ("The talks begin at 10:30 on Monday.", "The talks begin at 10.3 on Monday."),
    ("The talks begin at 10.30 on Monday.", "The talks begin at 10:03 on Monday."),
    ("It raised $1.20bn.", "It raised $1.20m."),  # a sum, no British time
    ("The deal is worth 2.50 bn euros.", "The deal is worth 2.50 euros."),
    ("In 2019 100 people fled.", "In 2019 200 people fled."),
    ("Some 1 000 000 people fled.", "Some 1 000 001 people fled."),
    ("The index moved -0.25 points.", "The index moved 0.25 points."),  # a sign, no British time
    ("It was −3.14 degrees.", "It was 3.14 degrees."),
])
def test_a_time_or_spaced_digits_changed_are_a_changed_number(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("The 2019-2020 season ended.", "The 2019–20 season ended."),
    ("The 2019-2020 season ended.", "The 2019/20 season ended."),
    ("The 1999–2000 budget passed.", "The 1999-00 budget passed."),
    ("It grew in the 1990s.", "It grew in the '90s."),
    ("It grew in the 1990s.", "It grew in the ’90s."),
])
def test_a_year_range_or_decade_written_short_is_no_changed_number(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED not in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("The 2019-2020 season ended.", "The 2019–21 season ended."),
    ("It grew in the 1990s.", "It grew in the '80s."),
    ("It grew in the 1890s.", "It grew in the 1990s."),
    ("It grew in the 1990s.", "It grew in 90 days."),
    ("It opened in 2019-12.", "It opened in 2019-2012."),  # a month, no range
])
def test_a_year_range_or_decade_changed_is_a_changed_number(old: str, new: str) -> None:
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


@pytest.mark.parametrize(("old", "new"), [
    ("Tens of thousands marched in Tehran.", "Thousands marched in Tehran."),
    ("Trillions of dollars were lost.", "Dollars were lost."),
    ("The fund gave Rs 5 lakh.", "The fund gave Rs 5 crore."),
    ("The fund gave 5 lakhs.", "The fund gave 5 crores."),
])
def test_tens_and_indian_magnitude_words_are_numbers(old: str, new: str) -> None:
    """`tens`, `trillions`, `lakh` and `crore` were no number words, as `dozens` and `million`
    are, so `tens of thousands` to `thousands` and `5 lakh` to `5 crore` changed no number."""
    assert Flag.NUMBER_CHANGED in edit_flags(old, new)


def test_a_vulgar_fraction_is_its_numerator_and_denominator() -> None:
    """A vulgar fraction (`½`, `⅔`) held no number, so `2½ years` to `2¾ years` changed none; it
    reads as the fraction written with a slash, apart from a whole number before it."""
    assert Flag.NUMBER_CHANGED in edit_flags("He served 2½ years.", "He served 2¾ years.")
    assert Flag.NUMBER_CHANGED in edit_flags("Shares rose ⅓ point.", "Shares rose ⅔ point.")
    assert Flag.NUMBER_CHANGED not in edit_flags("He served 2½ years.", "He served 2 1/2 years.")
    assert Flag.NUMBER_CHANGED in edit_flags("He served 2½ years.", "He served 21/2 years.")


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("First lady Melania Trump urged calm.", "Melania Trump urged calm.", False),
    ("First responders reached the base.", "Medics reached the base.", False),
    ("The first lady's second visit began.", "The first lady's third visit began.", True),
    ("First responders found one survivor.", "First responders found two survivors.", True),
])
def test_first_lady_and_first_responders_hold_no_number(old: str, new: str,
                                                         changed: bool) -> None:
    """`First lady` (a title) and `first responders` (a trade) count nothing: dropping them was a
    number change, 1 to nothing."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Troops fired. PHOTO: A THIRD PARTY", "Troops fired.", False),
    ("Third-party software was blamed.", "Software was blamed.", False),
    ("Data went to third parties.", "Data went to advertisers.", False),
    ("The story was first published online.", "The story was published online.", False),
    ("It was first posted at noon.", "It was posted at noon.", False),
    ("The third party to join the coalition left.", "The party to join the coalition left.", True),
    ("The first published account was wrong.", "The published account was wrong.", True),
])
def test_an_ordinal_used_as_an_ordinary_word_is_no_number(old: str, new: str,
                                                         changed: bool) -> None:
    """`a third party`, `third-party` and `third parties` (someone else, as in a photo credit in
    capitals) and `first published` or `first posted` (when, not which: no `the` before) count
    nothing: cutting them was a number change, 3 or 1 to nothing."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Protesters cited the First Amendment.", "Protesters cited the Constitution.", False),
    ("The Navy's Fifth Fleet is based in Bahrain.", "The Navy's fleet is based in Bahrain.", False),
    ("The Twenty-Fifth Amendment was raised.", "The amendment was raised.", False),
    ("The first 700 troops arrived in Kuwait.", "The 700 troops arrived in Kuwait.", True),
    ("A second attack hit Al Asad.", "A third attack hit Al Asad.", True),
    ("Iran Launches Second Wave of Missiles", "Iran Launches Third Wave of Missiles", True),
])
def test_an_ordinal_in_a_name_is_no_number(old: str, new: str, changed: bool) -> None:
    """A capitalised ordinal before a capitalised word is part of a name (`the First Amendment`,
    `the Fifth Fleet`): dropping it was a number change, 1 to nothing; a lower-case one counts,
    and so does one in a headline in title case, where every word is capitalised."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("text", "numbers"), [
    ("the Second World War x", ()),
    ("the Second World War ended", ()),
    ("Veterans of the Second World War met in London on a", ()),
    ("Iran Launches Second Wave of Missiles", ("2",)),
    ("Iran Launches Second Wave of Missiles in 2020", ("2", "2020")),
])
def test_a_text_ending_in_a_short_lower_case_word_is_no_title_case_headline(
        text: str, numbers: tuple[str, ...]) -> None:
    """A text whose last word, of fewer than four letters, is in lower case was taken for a
    headline in title case, whose capitalised ordinals count: `the Second World War x` held the
    number 2, where `the Second World War ended` held none. A headline capitalises its last word."""
    assert numbers_in(text) == numbers


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Analysts warned the strike could start World War II.",
     "Analysts warned the strike could start World War III.", True),
    ("The funeral recalled that of Pope John Paul II in 2005.",
     "The funeral recalled that of Pope Benedict XVI in 2005.", True),
    ("The palace was built for King Henry VIII in 1530.",
     "The palace was built for King Henry VII in 1530.", True),
    ("Analysts warned the strike could start World War III.",
     "Analysts warned the strike could start World War 3.", False),
    ("Analysts warned the strike could start World War III.",
     "Analysts warned the strike could start a third world war.", False),
    ("Veterans of the Second World War gathered in London.",
     "Veterans of World War II gathered in London.", True),
])
def test_a_roman_numeral_after_a_name_word_is_its_number(old: str, new: str,
                                                           changed: bool) -> None:
    """A Roman numeral held no number, so `World War II` to `World War III` changed none; one after
    a capitalised word is read as its value, so `III` and `3` are one number. An ordinal in a name
    holds none (`the Second World War`), so it to `World War II` is a number change, as it to
    `World War 2` is."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize("text", [
    "Der Film «Heinrich VIII» lief.",
    "Der Film »Heinrich VIII« lief.",
    "Der Film ‹Heinrich VIII› lief.",
    "Preguntó: ¿Enrique VIII o Carlos?",
])
def test_a_roman_numeral_after_a_name_word_behind_any_opening_mark_is_its_number(text: str) -> None:
    """The name's word is read past every mark that may open a sentence: `»Heinrich VIII«` and
    `¿Enrique VIII` hold 8 as `«Heinrich VIII»` does (a list of opening marks of its own lacked
    the German `»` and `‹` and the Spanish `¿` and `¡`)."""
    assert numbers_in(text) == ("8",)


@pytest.mark.parametrize("text", [
    "The IV drip was removed after doctors gave him an IV line.",
    "Inside The IV Ward of a Baghdad Hospital",
    "Protesters carried pictures of Malcolm X and chanted.",
    "Fans watched Super Bowl LIV on Sunday.",
    "The rules split Type I from Type V and Class X.",
    "Inventory lists Item IIII, Item VV and Item IVI.",
    "Henry VIII was king.",
    "PRESIDENT XI JINPING arrived.",
    "The Louvre's LIVE feed showed MIX tapes.",
])
def test_a_roman_numeral_counts_only_after_a_name_word(text: str) -> None:
    """A numeral counts only when it is valid (`IIII`, `VV`, `IVI` are none), of more than one
    letter (`Malcolm X`), in I, V and X (`LIV`), after a capitalised word that is no determiner
    (`The IV drip`) and does not begin the sentence, where any word is capitalised."""
    assert numbers_in(text) == ()


def test_a_roman_numeral_is_read_by_its_value() -> None:
    """Tens, then units, subtractive ones too; after a title's full stop (`St.`), which ends no
    sentence, and in a quotation."""
    assert numbers_in("Portraits of Louis XIV and Louis XVI hang near St. Louis IX.") == (
        "14", "16", "9")
    assert numbers_in("“We fear World War III,” he said.") == ("3",)


def test_many_roman_numerals_in_one_long_text_are_read_in_one_pass() -> None:
    """Each numeral sliced the text up to it to find the words before it, so a giant sentence of
    many (`World War II` again and again, no full stop to split it) cost its length squared:
    400 kB took 27 s in each of the four readings of an edit's numbers. The numerals still count
    only after a name's word that does not open a sentence."""
    text = CountingText("Veterans of World War II met. And Henry VIII came, " * 2000)
    CountingText.copied = 0
    assert _roman_numeral_values(text) == ["2", "8"] * 2000
    assert CountingText.copied < 10 * len(text)
    assert _roman_numeral_values("Veterans met. Henry VIII came.") == []


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Iran's losses reached $5 million.", "Iran's losses reached £5 million.", True),
    ("The U.S. pledged $1.2bn in aid.", "The U.S. pledged €1.2bn in aid.", True),
    ("It cost $5 million.", "It cost 5 million dollars.", False),
    ("It cost $5 million.", "It cost US$5 million.", False),
])
def test_a_currency_changed_is_a_number_change(old: str, new: str, changed: bool) -> None:
    """A sum given another currency's sign, `$5 million` to `£5 million`, was `punctuation_only`
    (signs are no letters or digits), and so boring; where both texts give the number a sign, a
    sign changed is a number change."""
    flags = edit_flags(old, new)
    assert (Flag.NUMBER_CHANGED in flags) is changed
    assert Flag.PUNCTUATION_ONLY not in flags


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It cost USD 5 million.", "It cost EUR 5 million.", True),
    ("It cost USD 5 million.", "It cost CAD 5 million.", True),
    ("It cost USD 5 million.", "It cost €5 million.", True),
    ("It cost Rs 500.", "It cost USD 500.", True),
    ("It cost US$5m.", "It cost €5m.", True),
    ("It cost USD 5.", "It cost US$5.", False),
    ("It cost USD 5 million.", "It cost $5 million.", False),
    ("It cost GBP 5 million.", "It cost £5 million.", False),
    ("It cost Rs. 500.", "It cost PKR 500.", False),
    ("It cost Rs 500.", "It cost ₨500.", False),
    ("It cost EUR 5 million.", "It cost 5 million euros.", False),
])
def test_a_currency_code_changed_is_a_number_change(old: str, new: str, changed: bool) -> None:
    """A sum's currency code was no currency to compare, so `USD 5 million` to `EUR 5 million` or
    to `€5 million` changed no number; a code and a sign are compared by the currencies they may
    name, so `USD` and `$`, or `Rs` and `PKR`, are one currency written otherwise."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It cost US$5m.", "It cost A$5m.", True),
    ("It cost C$5m.", "It cost NZ$5m.", True),
    ("It cost HK$5m.", "It cost NT$5m.", True),
    ("It cost S$ 5m.", "It cost R$ 5m.", True),
    ("It cost AU$5m.", "It cost USD 5m.", True),
    ("It cost $5m.", "It cost US$5m.", False),
    ("It cost $5m.", "It cost A$5m.", False),
    ("It cost $5m.", "It cost HK$5m.", False),
    ("It cost US$5.", "It cost USD 5.", False),
    ("It cost A$5m.", "It cost AU$5m.", False),
    ("It cost C$5m.", "It cost CA$5m.", False),
    ("It cost S$5m.", "It cost SG$5m.", False),
])
def test_the_letters_on_a_dollar_sign_name_its_currency(old: str, new: str, changed: bool) -> None:
    """`_currency_sign` read the `$` of `US$5m` alone, so `US$5m` to `A$5m` (U.S. to Australian
    dollars) changed no number; the letters on the sign name the dollar, where a bare `$` may be
    any of them."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It cost HKD 5m.", "It cost NZD 5m.", True),
    ("It cost SGD 5m.", "It cost BRL 5m.", True),
    ("It cost TWD 5m.", "It cost KRW 5m.", True),
    ("It cost RUB 5m.", "It cost TRY 5m.", True),
    ("It cost ZAR 5m.", "It cost MXN 5m.", True),
    ("It cost SEK 5m.", "It cost NOK 5m.", True),
    ("It cost DKK 5 million.", "It cost €5 million.", True),
    ("It cost US$5 million.", "It cost MXN 5 million.", True),
    ("It cost HK$5m.", "It cost HKD 5m.", False),
    ("It cost NT$5m.", "It cost TWD 5m.", False),
    ("It cost R$5m.", "It cost BRL 5m.", False),
    ("It cost $5m.", "It cost MXN 5m.", False),
    ("It cost TRY 5m.", "It cost TRY 5 million.", False),
    ("FANS TRY 100M SPRINT", "Fans try 100m sprint", False),
])
def test_more_currency_codes_are_currencies(old: str, new: str, changed: bool) -> None:
    """`HKD`, `NZD`, `SGD`, `BRL`, `TWD`, `KRW`, `RUB`, `TRY`, `ZAR`, `MXN`, `SEK`, `NOK` and
    `DKK` were no currency codes, so `HKD 5m` to `NZD 5m` changed no number and `HK$5m` to `HKD
    5m` did (its `m` no million). `TRY` and `RUB`, words too, are none in a text all in
    capitals, a shouted headline."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("A US $5 fee applies.", "A A$5 fee applies.", True),
    ("It cost HK $5m.", "It cost NT$5m.", True),
    ("It cost US $5m.", "It cost US$5m.", False),
    ("It cost HK $5m.", "It cost HKD 5m.", False),
    ("A $5 fee applies.", "A NZ$5 fee applies.", False),
])
def test_a_dollar_sign_spaced_from_its_letters_names_its_currency(old: str, new: str,
                                                                  changed: bool) -> None:
    """The `$` of `US $5`, a space between the sign and its letters, was read alone, a dollar of
    any country, so `US $5` to `A$5` changed no number; letters of two or more spaced from the
    sign name its dollar as they do on it (a lone capital before it, `A $5 fee`, is an article)."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It cost UAH 5m.", "It cost PLN 5m.", True),
    ("It cost ILS 5m.", "It cost IRR 5m.", True),
    ("It cost ARS 5 million.", "It cost USD 5 million.", True),
    ("It cost EGP 5m.", "It cost NGN 5m.", True),
    ("It cost KES 5m.", "It cost IDR 5m.", True),
    ("It cost THB 5m.", "It cost MYR 5m.", True),
    ("It cost VND 5m.", "It cost CZK 5m.", True),
    ("It cost HUF 5m.", "It cost QAR 5m.", True),
    ("It cost KWD 5m.", "It cost IQD 5m.", True),
    ("It cost CLP 5m.", "It cost ARS 5m.", True),
    ("It cost NIS 5 million.", "It cost €5 million.", True),
    ("It cost NIS 5m.", "It cost ILS 5m.", False),
    ("It cost ₪5m.", "It cost ILS 5m.", False),
    ("It cost ₴5m.", "It cost UAH 5m.", False),
    ("It cost ₦5m.", "It cost NGN 5m.", False),
    ("It cost ฿5m.", "It cost THB 5m.", False),
    ("It cost ₫5m.", "It cost VND 5m.", False),
    ("It cost ﷼5m.", "It cost IRR 5m.", False),
    ("It cost UAH 5m.", "It cost UAH 5 million.", False),
])
def test_currency_codes_of_world_news_are_currencies(old: str, new: str, changed: bool) -> None:
    """`UAH`, `ILS` (and Israel's `NIS`), `IRR`, `PLN`, `ARS`, `EGP`, `NGN`, `KES`, `IDR`, `THB`,
    `MYR`, `VND`, `CZK`, `HUF`, `QAR`, `KWD`, `IQD` and `CLP` were no currency codes, so
    `UAH 5m` to `PLN 5m` changed no number and `UAH 5m` to `UAH 5 million` did (its `m` no
    million); a sign that writes one of them is that currency (`₪5m` and `ILS 5m`)."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It cost E£5m.", "It cost EGP 5m.", False),
    ("It cost E£ 5m.", "It cost EGP 5m.", False),
    ("It cost E£5m.", "It cost £5m.", True),
    ("It cost E£5m.", "It cost GBP 5m.", True),
])
def test_the_letter_on_a_pound_sign_names_the_egyptian_pound(old: str, new: str,
                                                             changed: bool) -> None:
    """`_currency_sign` read the `£` of `E£5m` alone, a British pound, so `E£5m` to `EGP 5m`
    changed the currency and `E£5m` to `£5m` did not; the `E` on the sign names Egypt's pound."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("FANS TRY 100M SPRINT\nThe race was run in Rome.",
     "Fans try 100m sprint\nThe race was run in Rome.", False),
    ("The race was run in Rome. FANS TRY 100M SPRINT, SAYS COACH.",
     "The race was run in Rome. Fans try 100m sprint, says coach.", False),
    ("MARKETS FALL\nThe deal cost TRY 5m.", "MARKETS FALL\nThe deal cost TRY 5 million.", False),
    ("MARKETS FALL\nThe deal cost TRY 5m.", "MARKETS FALL\nThe deal cost RUB 5m.", True),
])
def test_a_code_that_is_a_word_is_read_in_its_sentence(old: str, new: str, changed: bool) -> None:
    """Whether `TRY` or `RUB` is a word was told by the whole text in capitals, so a shouted
    headline in an article (`FANS TRY 100M SPRINT`) read `TRY 100M` as 100 million lira; the
    sentence or line it stands in tells now, and a code stays one in a sentence of the article
    under the headline."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It cost ₽5m.", "It cost RUB 5m.", False),
    ("It cost ₺5m.", "It cost TRY 5m.", False),
    ("It cost ₩5m.", "It cost KRW 5m.", False),
    ("It cost ₩5m.", "It cost JPY 5m.", True),
])
def test_the_sign_of_a_known_code_is_its_currency(old: str, new: str, changed: bool) -> None:
    """`₽`, `₺` and `₩` named themselves, no currency their codes name, so `₽5m` to `RUB 5m` was a
    number change; they are the rouble, the lira and the won."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


def test_a_lettered_dollar_sign_is_a_currency_before_a_magnitude() -> None:
    assert numbers_in("It cost A$5m, NZ$ 2m and R$3m.") == ("2", "3", "5", "million", "million",
                                                          "million")


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Oil prices rose tenfold.", "Oil prices rose twofold.", True),
    ("Oil prices rose tenfold.", "Oil prices rose sharply.", True),
    ("Oil prices rose tenfold.", "Oil prices rose 10-fold.", False),
])
def test_a_multiplier_word_is_its_number(old: str, new: str, changed: bool) -> None:
    """`tenfold` held no number, where `ten-fold` and `10-fold` hold 10: `tenfold` to `twofold`
    changed none, and `tenfold` to `10-fold` was a number change."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Twelve were killed on Tuesday, the ministry said.",
     "Twelve were killed on Wednesday, the ministry said.", True),
    ("It was the deadliest attack since January.", "It was the deadliest attack since March.", True),
    ("It was the deadliest attack since January 2019.",
     "It was the deadliest attack since February 2019.", True),
    ("Tuesday's attack killed 12.", "Wednesday's attack killed 12.", True),
    ("Twelve were killed on Tuesday.", "Twelve were killed on Tuesday and Wednesday.", True),
    # a day or a month one text alone names says when, and changes no day: none is corrected
    ("Twelve were killed, the ministry said.", "Twelve were killed, the ministry said on Tuesday.",
     False),
    ("Twelve were killed on Tuesday.", "Twelve were killed on Tuesday, Tuesday's report said.",
     False),
    ("The deadliest attack since Jan. 2019.", "The deadliest attack since January 2019.", False),
    # a day or a month after a capitalised word is a name's: `Theresa May`, `Super Tuesday`
    ("Theresa May spoke in March.", "Theresa May spoke in public.", False),
    ("Twelve were killed on Tuesday in March.", "Twelve were killed on Tuesday.", False),
    ("Biden won Super Tuesday on Monday.", "Biden won Black Friday on Monday.", False),
])
def test_a_day_or_a_month_both_texts_name_is_a_number(old: str, new: str, changed: bool) -> None:
    """`on Tuesday` to `on Wednesday`, a breaking story's commonest correction, and `since
    January` to `since March` changed no number, where `Jan. 7` to `Jan. 8` did: a weekday or
    month named alone is a date's number, the weekdays and the months each compared where both
    texts name one."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    # a capitalised word that says when is no name's: a title-case headline, a sentence's start
    ("Israeli Jets Strike Gaza On Tuesday", "Israeli Jets Strike Gaza On Wednesday", True),
    ("Deadliest Attack Since January", "Deadliest Attack Since March", True),
    ("On Tuesday, twelve were killed.", "On Wednesday, twelve were killed.", True),
    ("In January, twelve were killed.", "In March, twelve were killed.", True),
    # a capitalised word that says no when still makes a name's day or month
    ("Theresa May Meets Trump", "Theresa May Meets Trump In March", False),
    ("Biden Wins Super Tuesday", "Biden Wins Black Friday", False),
])
def test_a_day_or_a_month_after_a_capitalised_word_that_says_when_is_a_date(
        old: str, new: str, changed: bool) -> None:
    """A day or a month after any capitalised word was read as a name's (`Super Tuesday`), so
    `Strike Gaza On Tuesday` to `On Wednesday` in a headline in title case, or `On Tuesday, …` to
    `On Wednesday, …` at a sentence's start, changed no number."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Shares have fallen since Jan.", "Shares have fallen since Mar.", True),
    ("Shares have fallen since Jan", "Shares have fallen since Mar", True),
    ("Prices Up 5% Since Jan", "Prices Up 5% Since Feb", True),
    # a bare abbreviation elsewhere is a word or a name's: `Jan Egeland`, `Mar-a-Lago`
    ("Jan Egeland spoke.", "Mar Roxas spoke.", False),
    ("He met Jan at Mar-a-Lago.", "He met Nov at Mar-a-Lago.", False),
    ("In Jan Egeland's words, all is lost.", "In Dec Egeland's words, all is lost.", False),
])
def test_a_months_abbreviation_without_its_full_stop_is_a_month_after_a_word_that_says_when(
        old: str, new: str, changed: bool) -> None:
    """`since Jan` to `since Mar`, an abbreviation without its full stop as headlines and
    British papers write it, changed no number; it is read after a word that says when only, as
    `Jan` and `Mar` are names and words too."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("The base was hit once, officials said.", "The base was hit twice, officials said.", True),
    ("The base was hit twice.", "The base was hit three times.", True),
    ("The base was hit thrice.", "The base was hit twice.", True),
    ("The base was hit.", "The base was hit twice.", True),
    ("The base was hit twice.", "The base was hit two times.", False),
    ("The base was hit thrice.", "The base was hit 3 times.", False),
])
def test_twice_and_thrice_are_their_numbers(old: str, new: str, changed: bool) -> None:
    """`twice` and `thrice` held no number, so a strike count updated from `once` to `twice`, or
    from `twice` to `three times`, was no number change, where `two times` to `three times` is."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "flags"), [
    ("3,000+ troops were sent.", "3,000 troops were sent.", {Flag.NUMBER_CHANGED}),
    ("~300 people fled.", "300 people fled.", {Flag.NUMBER_CHANGED}),
    ("≈ 300 people fled.", "300 people fled.", {Flag.NUMBER_CHANGED}),
    (">300 people fled.", "<300 people fled.", {Flag.NUMBER_CHANGED}),
    ("≥300 people fled.", "≤300 people fled.", {Flag.NUMBER_CHANGED}),
    ("~300 people fled.", "≈300 people fled.", {Flag.PUNCTUATION_ONLY}),
    ("1,000 troops were sent.", "1000 troops were sent.", {Flag.PUNCTUATION_ONLY}),
    ("They won 3-2, a +1 lead.", "They won 3–2, a 1 lead.", {Flag.PUNCTUATION_ONLY}),
    ("They won 3+2 games.", "They won 3 2 games.", {Flag.PUNCTUATION_ONLY}),
    ("It rose 200->300.", "It rose 200 -> 300.", {Flag.WHITESPACE_ONLY}),
    ("gdp</tr> 1980 rose", "gdp 1980 rose", set()),
])
def test_a_mark_that_qualifies_a_number_is_part_of_it(old: str, new: str, flags: set[Flag]) -> None:
    """`3,000+ troops` to `3,000 troops` drops `more than`, but was `punctuation_only`, and so
    boring: a `+` right after a number, and a `~`, `≈`, `>`, `<`, `≥` or `≤` before one, qualifies
    it, and changing it changes the number (`~` and `≈` are one mark); a `+` between numbers or
    before one, and the `>` of an arrow or of a tag left in the text, qualify none."""
    assert edit_flags(old, new) == flags


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("At least 7 died.", "At most 7 died.", True),
    ("More than 700 fled.", "Fewer than 700 fled.", True),
    ("nearly 100 homes burned.", "more than 100 homes burned.", True),
    ("a dozen homes burned.", "more than a dozen homes burned.", True),
    ("Nearly a hundred fled.", "A hundred fled.", True),
    ("at least 12 dead", "more than 12 dead", True),
    ("at least 12 dead", "12 dead", True),
    ("no more than 5 were hurt.", "more than 5 were hurt.", True),
    ("up to 40 were hurt.", "40 were hurt.", True),
    ("Some 300 left, under 300 stayed.", "Some 300 left, 300 stayed.", True),
    ("about 3 people", "around 3 people", False),
    ("roughly 3 people", "approximately 3 people", False),
    ("More than 700 fled.", "more than 700 fled.", False),
    ("Over the weekend 3 people fled.", "During the weekend 3 people fled.", False),
    ("We argued about 2020 policy.", "We argued over 2020 policy.", False),
    ("It was over a 3-day period.", "It was in a 3-day period.", False),
    ("a moreover 3 people", "a 3 people", False),
])
def test_a_qualifier_in_words_is_part_of_its_number(old: str, new: str, changed: bool) -> None:
    """`>300` to `300` was a number change, but `at least 7` to `at most 7`, `nearly 100` to `more
    than 100` and `a dozen` to `more than a dozen` were none: a qualifier written in words right
    before a number (or before `a` and a scale word) qualifies it as its mark does. Synonyms are one
    qualifier (`about` and `around`); a qualifier elsewhere (`over the weekend 3`, `over a 3-day`),
    inside a word (`moreover`), or a preposition before a year (`about 2020`) qualifies none."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "flags"), [
    ("X; nobody was hurt.", "X. Nobody was hurt.", {Flag.PUNCTUATION_ONLY}),
    ("X. Nobody was hurt.", "X, nobody was hurt.", {Flag.PUNCTUATION_ONLY}),
    ("He said, “nobody was hurt.”", "He said. “Nobody was hurt.”", {Flag.PUNCTUATION_ONLY}),
    ("X; nobody was hurt.", "X. nobody was hurt.", {Flag.PUNCTUATION_ONLY}),
    ("X. nobody was hurt.", "X. Nobody was hurt.", {Flag.CASE_ONLY}),
    ("X. nobody was hurt; Y.", "X. Nobody was hurt. Y.", set()),
    ("X; nobody was hurt.", "X. NOBODY was hurt.", set()),
])
def test_a_capital_that_begins_a_new_sentence_is_part_of_the_punctuation(
        old: str, new: str, flags: set[Flag]) -> None:
    """`X; nobody was hurt` to `X. Nobody was hurt` got no flag and was no boring edit, where
    `X; nobody` to `X. nobody` is `punctuation_only`: a letter that begins a sentence in one text
    only may be a capital there; a letter's case changed where a sentence began before too stays
    a change of case."""
    assert edit_flags(old, new) == flags
    edit = Edit(EditOp.EDITED, (0,), (0,), old, new, similarity(old, new), (), edit_flags(old, new))
    assert is_boring_edit(edit) is (Flag.PUNCTUATION_ONLY in flags)


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("About 1.30 million people fled.", "About 1,300,000 people fled.", False),
    ("It cost 2.50 billion dollars.", "It cost 2,500,000,000 dollars.", False),
    ("Some 1.30 thousand fled.", "Some 1,300 fled.", False),
    ("About 1.30 million people fled.", "About 1,400,000 people fled.", True),
    # a time, also before a word that begins as a scale word does
    ("The talks begin at 10.30 on Monday.", "The talks begin at 10:30 on Monday.", False),
    ("At 10.30 thousands marched.", "At 10:30 thousands marched.", False),
    ("At 10.30 thousands marched.", "At 10:45 thousands marched.", True),
])
def test_a_number_before_a_scale_word_is_no_time_of_day(old: str, new: str, changed: bool) -> None:
    """`1.30 million` to `1,300,000` was a number change: in other styles `1.30` was read as the
    time `1:30`, not as the number the scale word multiplies, as `$1.30bn` is."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("1.2 million people fled.", "1,200,000 people fled.", False),
    ("It cost $1.2bn.", "It cost $1,200,000,000.", False),
    ("It cost $1m.", "It cost a million dollars.", False),
    ("100 people fled.", "One hundred people fled.", False),
    ("A dozen people fled.", "12 people fled.", False),
    ("Twenty-five hundred people fled.", "2,500 people fled.", False),
    ("Two hundred thousand fled.", "200,000 fled.", False),
    ("One soldier and a dozen civilians died.", "A soldier and 12 civilians died.", False),
    ("1.2 million people fled.", "1,300,000 people fled.", True),
    ("A dozen people fled.", "13 people fled.", True),
    ("Hundreds of people fled.", "100 people fled.", True),
    ("Two thousand five hundred fled.", "2,500 fled.", True),
    ("In the first hundred days.", "In 100 days.", True),
    ("It cost $1.2bn, 5 more.", "It cost $1,200,000,000, 6 more.", True),
])
def test_a_number_and_its_scale_words_are_compared_by_value(old: str, new: str,
                                                            changed: bool) -> None:
    """`1.2 million` to `1,200,000`, `100` to `one hundred` and `a dozen` to `12` were number
    changes, as scale words were compared as words: a scale word after a number, a number word
    or `a` multiplies it; a plural (`hundreds`), two numbers in words (`two thousand five
    hundred`) and an ordinal (`the first hundred`) are read as before."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    # seed 004's toll, as a later version may give it
    ("At least half a dozen people were believed to have been killed.",
     "At least six people were believed to have been killed.", False),
    ("Half a dozen people fled.", "6 people fled.", False),
    ("A half-dozen people fled.", "Six people fled.", False),
    ("A half dozen people fled.", "Half  a dozen people fled.", False),
    ("More than half a million people fled.", "More than 500,000 people fled.", False),
    ("Half a dozen people fled.", "A dozen people fled.", True),
    ("Half a dozen people fled.", "Seven people fled.", True),
    ("More than half a million people fled.", "500,000 people fled.", True),
    ("Half the people fled.", "All the people fled.", True),
    ("It took half an hour.", "It took an hour.", True),
])
def test_half_before_a_scale_word_halves_it(old: str, new: str, changed: bool) -> None:
    """`half a dozen` to `six` and `half a million` to `500,000` were number changes (`half` was
    compared as a word, `a dozen` as 12), where `a dozen` to `12` is none: `half a` or `a half`
    before a scale word is half of it; `half` elsewhere is compared as a word, as before."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("A   dozen people fled.", "12 people fled.", False),
    ("A   dozen people fled.", "A dozen people fled.", False),
    ("1.2  million people fled.", "1,200,000 people fled.", False),
    ("1.30  million people fled.", "1,300,000 people fled.", False),
    ("A   dozen people fled.", "13 people fled.", True),
    ("1.2  million people fled.", "1,300,000 people fled.", True),
])
def test_a_scale_word_multiplies_its_number_across_any_run_of_spaces(old: str, new: str,
                                                                     changed: bool) -> None:
    """`a   dozen` to `12` and `1.2  million` to `1,200,000` were number changes where `a dozen`
    to `12` and `1.2 million` to `1,200,000` are none: a scale word multiplied the number before
    it across one space only (and `1.30  million` was read as the time `1:30`). Any run of white
    space between them is read, as between a qualifier's words."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "flags"), [
    (">$5 million was spent.", "$5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("> $5 million was spent.", "$5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("~€5 million was spent.", "€5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("more than $5 million was spent.", "$5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("more than $5 million was spent.", "less than $5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("about US$5 million was spent.", "US$5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("over US $5 million was spent.", "US $5 million was spent.", {Flag.NUMBER_CHANGED}),
    ("nearly £3bn was spent.", "£3bn was spent.", {Flag.NUMBER_CHANGED}),
    ("at least Rs. 500 was paid.", "Rs. 500 was paid.", {Flag.NUMBER_CHANGED}),
    ("up to USD 5 was paid.", "USD 5 was paid.", {Flag.NUMBER_CHANGED}),
    ("about $5 million was spent.", "around $5 million was spent.", set()),
    ("~$5 million was spent.", "≈$5 million was spent.", {Flag.PUNCTUATION_ONLY}),
    ("It cost $5.", "It cost US$5.", set()),
])
def test_a_qualifier_before_a_currency_qualifies_its_number(
        old: str, new: str, flags: set[Flag]) -> None:
    """`more than $5 million` to `$5 million` was no number change, and `>$5 million` to `$5
    million` was `punctuation_only`, a boring edit: a currency's sign or code between a qualifier
    and its number hid the qualifier. It qualifies the number as it does one without a currency."""
    assert edit_flags(old, new) == flags


@pytest.mark.parametrize(("old", "new", "flags"), [
    ("It began ~10:30 a.m.", "It began 10:30 a.m.", {Flag.NUMBER_CHANGED}),
    ("It began >10.30.", "It began 10.30.", {Flag.NUMBER_CHANGED}),
    ("It began ~10:30 a.m.", "It began ≈10.30 a.m.", {Flag.PUNCTUATION_ONLY}),
    ("Built ~1990s.", "Built 1990s.", {Flag.NUMBER_CHANGED}),
    ("~ five people fled.", "five people fled.", {Flag.NUMBER_CHANGED}),
    (">a dozen people fled.", "a dozen people fled.", {Flag.NUMBER_CHANGED}),
    ("≥ twenty-five people fled.", "≤ twenty-five people fled.", {Flag.NUMBER_CHANGED}),
    ("~ five people fled.", "≈five people fled.", {Flag.PUNCTUATION_ONLY}),
])
def test_a_qualifier_mark_is_kept_on_times_decades_and_number_words(
        old: str, new: str, flags: set[Flag]) -> None:
    """`~10:30` to `10:30`, `~1990s` to `1990s`, `~ five` to `five` and `>a dozen` to `a dozen`
    were `punctuation_only`, boring edits, though `~300` to `300` is a number change: a time and a
    decade read in other styles dropped the mark, and a number in words read none. It qualifies
    them as it does a number in digits."""
    assert edit_flags(old, new) == flags


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("He wrote a book about 9/11.", "He wrote a book on 9/11.", False),
    ("Calls grew over 24/7 coverage.", "Calls grew with 24/7 coverage.", False),
    ("They spoke about 5G networks.", "They spoke on 5G networks.", False),
    ("A talk about 3D printing.", "A talk on 3D printing.", False),
    ("About 9 people read it.", "9 people read it.", True),
    ("It was over 30C today.", "It was 30C today.", True),
    ("It is about 5km away.", "It is 5km away.", True),
    ("They met over 3 days.", "They met for 3 days.", True),
    ("It hit about 1/3 of cases.", "It hit about ⅓ of cases.", False),
    ("It hit about 1/3 of cases.", "It hit 1/3 of cases.", True),
    ("It hit under 3/10 of cases.", "It hit 3/10 of cases.", True),
    ("More than 5 people died.", "5 people died.", True),
    # a year is four digits from 1800 to 2099 (engine/years.py): one outside them counts
    ("About 1799 people came.", "1799 people came.", True),
    ("We argued about 1800 policy.", "We argued 1800 policy.", False),
    ("We argued about 2099 policy.", "We argued 2099 policy.", False),
    ("About 2100 people came.", "2100 people came.", True),
])
def test_a_preposition_qualifies_no_number_that_names(old: str, new: str, changed: bool) -> None:
    """`a book about 9/11` to `a book on 9/11` and `about 5G` to `on 5G` were number changes:
    `about`, `over` and the other qualifiers that are prepositions too qualify no number that
    names rather than counts, a year (`about 2020`), one with a `G` or `D` on it (`5G`, `3D`) or
    one before a slash and a number (`9/11`, `24/7`) but a fraction's (`about 1/3`, as `about ⅓`).
    A unit on a number is a quantity's (`over 30C`, `about 5km`), and `over 3 days`, which may say
    during or more than, is read as more."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("Tickets are free for the under 18s.", "Tickets are free for the under-18s.", False),
    ("The under 18s won.", "The 18s won.", False),
    ("The over 65s travel free.", "The over-65s travel free.", False),
    ("The under 18's won.", "The under-18s won.", False),
    ("The under 18s won.", "The under 16s won.", True),
    ("Under 18 people won.", "18 people won.", True),
    ("Over 100s of people came.", "100s of people came.", True),
])
def test_a_preposition_qualifies_no_age_group(old: str, new: str, changed: bool) -> None:
    """`the under 18s` to `the under-18s` was a number change: `under` qualified `18` where
    `under-18s` reads none. A number with the `s` of a plural on it after `under`, `over` or
    another preposition names an age group, the people of that age (`under 18s`, `over 65s`,
    `under 18's`), as a hyphen writes it, and is qualified by none; a count is, `under 18
    people`."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It hit about 1/11 of cases.", "It hit 1/11 of cases.", True),
    ("It hit under 1/100 of cases.", "It hit 1/100 of cases.", True),
    ("It hit about 1/100 of cases.", "It hit around 1/100 of cases.", False),
    ("He wrote a book about 9/11.", "He wrote a book on 9/11.", False),
    ("He wrote about 3/11 in Madrid.", "He wrote on 3/11 in Madrid.", False),
    ("Polls about 1/2020 differ.", "Polls on 1/2020 differ.", False),
    ("Polls about 1/11/2020 differ.", "Polls on 1/11/2020 differ.", False),
    ("Polls about 3/4/2020 differ.", "Polls on 3/4/2020 differ.", False),
])
def test_a_preposition_qualifies_a_fraction_of_one(old: str, new: str, changed: bool) -> None:
    """`about 1/11` to `1/11` was no number change where `about 1/3` to `1/3` is one: only a
    denominator up to 10 made a fraction, so that `9/11` stays a date. A numerator of 1 (`1/11`,
    `1/100`) is a fraction's too, below any denominator that is no year (`1/2020`, a month); a
    date of another month (`9/11`, `3/11`) still names, and so does one with its year
    (`1/11/2020`, `3/4/2020`, which was read as the fraction `3/4`)."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("It sold for over $2000.", "It sold for $2000.", True),
    ("It cost about USD 2020.", "It cost USD 2020.", True),
    ("It cost under Rs. 1999.", "It cost Rs. 1999.", True),
    ("It sold for over $2000.", "It sold for above $2000.", False),
    ("We argued about 2020 policy.", "We argued over 2020 policy.", False),
])
def test_a_preposition_before_a_currency_qualifies_its_number(old: str, new: str,
                                                              changed: bool) -> None:
    """`over $2000` to `$2000` was no number change: the rule that a preposition qualifies no year
    (`about 2020`) read the price `$2000` as one. A price names nothing: a currency's sign or code
    between the preposition and the number keeps the qualifier."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "flags"), [
    ("~\u00a0300 people fled.", "300 people fled.", {Flag.NUMBER_CHANGED}),
    (">  5 people fled.", "5 people fled.", {Flag.NUMBER_CHANGED}),
    ("≈\u2009300 people fled.", "300 people fled.", {Flag.NUMBER_CHANGED}),
    ("~\u202f\u00a0 five people fled.", "five people fled.", {Flag.NUMBER_CHANGED}),
    ("It began ~  10:30 a.m.", "It began 10:30 a.m.", {Flag.NUMBER_CHANGED}),
    ("~\u00a0300 people fled.", "≈ 300 people fled.", {Flag.PUNCTUATION_ONLY}),
    ("It rose 200->  300.", "It rose 200 -> 300.", {Flag.WHITESPACE_ONLY}),
])
def test_a_mark_qualifies_its_number_across_any_run_of_spaces(
        old: str, new: str, flags: set[Flag]) -> None:
    """Only the two characters before a number were read for a mark, so a mark followed by more
    than one space or by a no-break or thin space (`~\u00a0300`, `>  5`) qualified nothing, and
    `~\u00a0300` to `300` was punctuation_only, a boring edit. Any run of space separators between
    a mark and its number is read; a mark after a `-`, an arrow's, still qualifies none."""
    assert edit_flags(old, new) == flags


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("at  least 5 fled.", "5 fled.", True),
    ("at\u00a0least 5 fled.", "5 fled.", True),
    ("more  than 5 fled.", "5 fled.", True),
    ("no \u00a0more\u2009  than 5 fled.", "no more than 5 fled.", False),
    ("> a   dozen homes burned.", "a dozen homes burned.", True),
    ("more  than a\u00a0dozen homes burned.", "a dozen homes burned.", True),
    ("at  least 5 fled.", "at least 5 fled.", False),
    ("at\nleast 5 fled.", "5 fled.", False),
])
def test_a_qualifier_in_words_is_read_across_any_run_of_spaces(old: str, new: str,
                                                               changed: bool) -> None:
    """A mark qualified its number across any run of spaces, but the words of a qualifier only
    with one space between them and a window of two after them: `at  least 5` and `at\u00a0least
    5` to `5`, and `> a   dozen` to `a dozen`, were no number changes. Any run of spaces (no line
    break) between a qualifier's words, and between an article and its scale word, is read."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("old", "new", "flags"), [
    ('\x1b]0;"Hi"\x07Troops left.', "\x1b[31mTroops left.", set()),
    ("Troops left, \x1b[1mofficials\x1b[0m said.", "Troops left, officials said.", set()),
    ("\x1b]0;TITLE\x07Troops left.", "\x1b]0;title\x07Troops left.", set()),
    ("\x1b]0;a.b\x07Troops left.", "\x1b]0;ab\x07Troops left.", set()),
    ("\x1b[31mTroops left.", "\x1b[32mTroops left!", {Flag.PUNCTUATION_ONLY}),
    ("\x1b[31mTroops left.", "\x1b[32mtroops left.", {Flag.CASE_ONLY}),
    ("\x1b[31mTroops left.", "\x1b[32mTroops  left.", {Flag.WHITESPACE_ONLY}),
    ('\x1b[31mHe said "go".', '\x1b[31mHe said "stay".', {Flag.QUOTE_CHANGED}),
    ("\x1b[1mTroops left, officials said.", "\x1b[1mTroops left, Reuters said.",
     {Flag.ATTRIBUTION_CHANGED}),
])
def test_the_words_punctuation_and_quotations_are_read_without_terminal_codes(
        old: str, new: str, flags: set[Flag]) -> None:
    """A `"` in a window's title (`\x1b]0;"Hi"\x07`) was read as a quotation, so that title
    become a colour's was quote_changed; a bold source (`\x1b[1mofficials\x1b[0m`) was another
    source than `officials`; a title changed in case or punctuation was case_only or
    punctuation_only, and a colour changed with the story's punctuation none. The words,
    punctuation, quotations and sources are read without the terminal's codes, as the numbers
    are; a change of the codes alone is none of these."""
    assert edit_flags(old, new) == flags


def test_a_quote_mark_in_a_terminal_code_opens_no_quotation() -> None:
    assert open_quotation('Troops left.\x1b]0;"Hi\x07') == ""
    assert quotations_in('\x1b]0;"Hi"\x07He said "go".') == ["go"]
    assert sources_in("Troops left, \x1b[1mofficials\x1b[0m said.") == sources_in(
        "Troops left, officials said.")


def test_ascii_content_is_its_letters_and_digits() -> None:
    """An ASCII text's content (what `punctuation_only` compares) is its letters and digits: no
    ASCII character is a combining mark or an emoji."""
    text = "".join(map(chr, range(128)))
    assert flags._content(text) == "".join(char for char in text if char.isalnum() or is_mark(char))


def test_an_ascii_edit_looks_up_no_characters_category(monkeypatch: pytest.MonkeyPatch) -> None:
    """`punctuation_only` read an ASCII text's Unicode category character by character (`is_mark`
    for each space and mark), a fifth of the flags' time in an export; it holds no combining
    mark, so none is looked up."""
    looked_up = 0

    def counted(char: str) -> bool:
        nonlocal looked_up
        looked_up += 1
        return is_mark(char)
    monkeypatch.setattr(flags, "is_mark", counted)
    assert edit_flags("He said so, today.", "He said so; today!") == {Flag.PUNCTUATION_ONLY}
    assert looked_up == 0


def test_sorted_numbers_differ_as_multisets_or_for_regrouped_texts_as_sets() -> None:
    """`numbers_in` gives a sentence's numbers sorted, so the numbers of two texts differ when
    they differ as multisets (`3 and 3` to `3`), or, for regrouped texts, as sets."""
    from revdiff.engine.number_changes import sorted_numbers_differ

    old, new = numbers_in("3 dead and 5 hurt, 3 missing"), numbers_in("5 hurt and 3 dead")
    assert sorted_numbers_differ(old, new, regrouped=False)
    assert not sorted_numbers_differ(old, new, regrouped=True)
    assert not sorted_numbers_differ(numbers_in("5 hurt, 3 dead"), numbers_in("3 dead, 5 hurt"),
                                     regrouped=False)


@pytest.mark.parametrize(("old", "new", "wanted"), [
    (None, "a", "not NoneType as old"),
    (b"a", "a", "not bytes as old"),
    ("a", 1, "not int as new"),
])
def test_word_diff_refuses_anything_but_two_texts(old: object, new: object, wanted: str) -> None:
    """`word_diff(None, "a")` failed with a bare "normalize() argument 2 must be str, not
    None" from unicodedata, where `align_sentences` and `split_sentences` name themselves and
    what they take."""
    with pytest.raises(TypeError, match=rf"^word_diff takes two texts \(str\), {wanted}$"):
        word_diff(old, new)  # type: ignore[arg-type]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("It is one way to go.", "It is oneway to go.", {Flag.WHITESPACE_ONLY}),
    ("Zero\u200bwidth marks.", "Zerowidth marks.", {Flag.WHITESPACE_ONLY}),
    ("They pitched a ten t there.", "They pitched a tent there.", {Flag.WHITESPACE_ONLY}),
    ("It happens often.", "It happens of ten.", {Flag.WHITESPACE_ONLY}),
    ("In 2019 100 people came.", "In 2019100 people came.", {Flag.WHITESPACE_ONLY}),
    # an invisible character that is no white space, inside a word, is punctuation only
    ("It is five.", "It is fi\u200cve.", {Flag.PUNCTUATION_ONLY}),
    ("It is oneway.", "It is one\u2060way.", {Flag.PUNCTUATION_ONLY}),
])
def test_a_change_of_white_space_or_invisible_characters_alone_changes_no_number(
        old: str, new: str, expected: set[Flag]) -> None:
    """`one way` to `oneway` and `Zero\u200bwidth` to `Zerowidth` were number_changed beside
    whitespace_only, as the number word `one` or `zero` came or went, though the same letters were
    only joined: the letters and digits are the same, so no number changed."""
    assert edit_flags(old, new) == expected
    assert Flag.NUMBER_CHANGED in edit_flags(old, new.replace(".", " 7."))


def test_chinese_and_japanese_numerals_are_numbers() -> None:
    """`三千` to `五千` (3,000 to 5,000) was no number changed: numerals written in ideographs
    were no digits; a lone `一`, a word's part as often as a number (`一些`, `统一`), and a run
    that opens with a magnitude (`万一`, in case; `千万`, by all means) are none."""
    assert numbers_in("目前已有三千名群众被转移，两万人受灾") == ("20000", "3000")
    assert numbers_in("一百二十人，一亿五千万元，二〇二四年，十五日，九人") == (
        "120", "15", "150000000", "2024", "9")
    assert numbers_in("死者は三百人に上った。一億円。") == ("100000000", "300")
    assert numbers_in("一些人统一了意见，万一千万别去") == ()
    assert Flag.NUMBER_CHANGED in edit_flags("目前已有三千名群众被转移。", "目前已有五千名群众被转移。")
    assert edit_flags("一些人来了。", "一样的人来了。") == frozenset()


@pytest.mark.parametrize(("text", "numbers"), [
    ("目前已有3千名群众被转移", ("3000",)),
    ("有1.2万人受灾", ("12000",)),
    ("损失3000万元，另有5亿美元", ("30000000", "500000000")),
    ("３千人", ("3000",)),
    ("3千五百人", ("3500",)),
    ("1.2万亿元", ("1200000000000",)),
    ("有1.30万人", ("13000",)),
    ("3万5千人", ("35000",)),
    ("３万５千人", ("35000",)),
    ("1億2000万円", ("120000000",)),
    ("1亿2,000万元", ("120000000",)),
    ("3万五千人", ("35000",)),
    ("3万5人，2千3百", ("2300", "30000", "5")),
])
def test_magnitudes_after_digits_multiply_them(text: str, numbers: tuple[str, ...]) -> None:
    """`3千` was read as `3`, so `3千` to `三千` (both 3,000) was a number changed and `3万人` to
    `3人` (30,000 people to 3) none: a Chinese or Japanese magnitude after digits multiplies them,
    as it does after numerals; read in other styles too, where `1.30万` is no time."""
    assert numbers_in(text) == numbers
    assert numbers_in(text, other_styles=True) == numbers


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("目前已有3千名群众被转移。", "目前已有三千名群众被转移。", False),
    ("目前已有3千名群众被转移。", "目前已有3000名群众被转移。", False),
    ("损失3000万元。", "损失三千万元。", False),
    ("有3万人受灾。", "有3人受灾。", True),
    ("有1.2万人受灾。", "有1.3万人受灾。", True),
    ("有3万5千人受灾。", "有三万五千人受灾。", False),
    ("有3万5千人受灾。", "有3万6千人受灾。", True),
    ("1億2000万円。", "一億二千万円。", False),
])
def test_digits_with_a_magnitude_against_numerals(old: str, new: str, changed: bool) -> None:
    """`3千` to `三千` is one number written otherwise, `3万人` to `3人` a number changed."""
    assert (Flag.NUMBER_CHANGED in edit_flags(old, new)) is changed


@pytest.mark.parametrize(("text", "numbers"), [
    ("三万5千人", ("35000",)),
    ("一亿2000万元", ("120000000",)),
])
def test_digits_after_a_numeral_magnitude_are_its_number(text: str, numbers: tuple[str, ...]) -> None:
    """`三万5千` was read as `5000` alone: the run `三万` was refused for the digits after it, though
    digits with a magnitude of their own after a numeral's magnitude are the same number's, as
    they are after digits (`3万5千`)."""
    assert numbers_in(text) == numbers
    assert numbers_in(text, other_styles=True) == numbers
    assert Flag.NUMBER_CHANGED not in edit_flags("有三万5千人受灾。", "有3万5千人受灾。")


@pytest.mark.parametrize(("text", "numbers"), [
    ("3万5万人", ("30000", "50000")),
    ("三万五万人", ("30000", "50000")),
    ("3万5千万元", ("30000", "50000000")),
    ("三千五千人", ("3000", "5000")),
    ("一亿五千万元，3万5千亿元", ("150000000", "3500000000000")),
])
def test_a_numeral_whose_magnitudes_do_not_fall_is_two(text: str, numbers: tuple[str, ...]) -> None:
    """`3万5万` (a range written without a dash) was read as `80000`: the magnitudes of a number
    fall (`一亿五千万`; a larger one after them multiplies them all, `3万5千亿`), and where they do
    not, a new number begins."""
    assert numbers_in(text) == numbers
    assert numbers_in(text, other_styles=True) == numbers


@pytest.mark.parametrize(("text", "numbers"), [
    ("有3万+人受灾", ("30000+",)),
    ("有3万5千+人受灾", ("35000+",)),
    ("3千+3千", ("3000", "3000")),
])
def test_a_plus_after_a_magnitude_qualifies_its_number(text: str, numbers: tuple[str, ...]) -> None:
    """`3万+` lost its `+`, looked for right after the `3`, so `3万+` to `3万` changed no number
    where `5,000+` to `5,000` does: the `+` after what a number reads, its magnitude with it,
    qualifies it (and a sum's `+` none)."""
    assert numbers_in(text) == numbers
    assert numbers_in(text, other_styles=True) == numbers
    assert Flag.NUMBER_CHANGED in edit_flags("有3万+人受灾。", "有3万人受灾。")
