from __future__ import annotations

import itertools
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import pytest
from tui_helpers import SAMPLES

from revdiff import load
from revdiff.engine import compare
from revdiff.engine.graphemes import continues_cluster
from revdiff.export.pairs import PairPageRows, pair_page_rows
from revdiff.model import Article, Comparison, EditOp, PageReading, RowReading, Version
from revdiff.tui import search
from revdiff.tui import session as session_module
from revdiff.tui.notices import search_hit_notice
from revdiff.tui.search import (
    SNIPPET_CONTEXT,
    TITLE,
    SearchHit,
    VersionSearch,
    described,
    edit_at,
    hit_pair,
    offset_in_edit,
    search_versions,
)
from revdiff.tui.session import (
    COMPARISONS_KEPT,
    ArticleSession,
    engine_compare,
    paragraph_rows,
)
from revdiff.tui.wrapping import text_width


def test_pairs_step_and_jump(chain_article: Article) -> None:
    session = ArticleSession(chain_article)
    assert session.pair == (0, 1)
    assert session.step_pair(1) and session.pair == (1, 2)
    assert session.step_pair(1) and session.pair == (2, 3)
    assert not session.step_pair(1) and session.pair == (2, 3)
    session.select_pair(3, 1)
    assert session.pair == (1, 3)
    assert not session.step_pair(1) and session.pair == (1, 3)  # no version after 3
    assert session.step_pair(-1) and session.pair == (0, 1)
    with pytest.raises(ValueError):
        session.select_pair(1, 1)


def test_skipping_pairs(chain_article: Article) -> None:
    session = ArticleSession(chain_article)
    assert session.step_pair(1, skip=lambda old, new: old == 1)
    assert session.pair == (2, 3)


def test_chain_summaries_count_changes(chain_article: Article) -> None:
    summaries = ArticleSession(chain_article).chain_summaries()
    assert [(s.old_index, s.new_index) for s in summaries] == [(0, 1), (1, 2), (2, 3)]
    assert all(s.changes > 0 and 0 < s.changed_share <= 1 for s in summaries)


def test_unsure_rows_of_a_flattened_page(page_article: Article) -> None:
    session = ArticleSession(page_article)
    assert session.page() is not None
    unsure = session.unsure()
    assert unsure.old or unsure.new
    comparison = session.comparison()
    touched = [edit for edit in comparison.edits if unsure.touches(edit)]
    row = session.row_of_edit(touched[0])
    assert row is not None and row.confidence < 0.99


def test_the_page_rows_of_paragraphs_are_matched_once_per_pair_and_reading(
        page_article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    """`row_of_edit` matched the page's rows to the version's paragraphs anew at every call, and a
    flip asks it for every edit (with a SequenceMatcher where the counts differ): the matching is
    kept for the pair and reading it was made for, and made anew after a flip."""
    matched: list[str] = []

    def counted(page: PageReading, version: Version, side: str,
                cut: Collection[int]) -> tuple[RowReading | None, ...]:
        matched.append(side)
        return paragraph_rows(page, version, side, cut)

    def every_row(session: ArticleSession) -> list[RowReading | None]:
        return [session.row_of_edit(edit) for edit in session.comparison().edits]

    monkeypatch.setattr(session_module, "paragraph_rows", counted)
    session = ArticleSession(page_article)
    rows, unsure = every_row(session), session.unsure()
    assert every_row(session) == rows and sorted(matched) == ["new", "old"]
    flipped = next(row for row in rows if row is not None and session.reading_number(row)[1] > 1)
    session.flip(flipped)
    after_flip = every_row(session)
    assert len(matched) == 4  # the flipped reading's own
    assert any(row is not None and row.line == flipped.line and row != flipped
               for row in after_flip)
    # as a new session matches them
    assert unsure == ArticleSession(page_article).unsure()
    assert after_flip == every_row(ArticleSession(session.article))


def test_the_page_rows_of_a_pair_no_page_compares_are_found_once_per_pair_and_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The unsure marks of a pair no page compares went through every page row of its versions
    again at each layout, `u` and cursor move: they are found once for the pair and reading, and
    anew for another pair or after a flip on a page's own pair."""
    found: list[tuple[int, int]] = []

    def counted(article: Article, comparison: Comparison) -> PairPageRows:
        found.append((comparison.old.number, comparison.new.number))
        return pair_page_rows(article, comparison)

    monkeypatch.setattr(session_module, "pair_page_rows", counted)
    pages = SAMPLES / "sniffer-diff"
    session = ArticleSession(load([str(pages / "iran-strikes-v0-v1.txt"),
                                   str(pages / "iran-strikes-v2-v3.txt")])[0])
    session.select_pair(1, 2)
    unsure = session.unsure()
    page_rows = [session.unsure_page_row(edit) for edit in session.comparison().edits]
    assert session.unsure() == unsure and found == [(1, 2)]
    session.select_pair(0, 1)
    session.flip(next(row for row in session.article.pages[0].rows if not row.is_sure))
    session.select_pair(1, 2)
    flipped = [session.unsure_page_row(edit) for edit in session.comparison().edits]
    assert flipped != page_rows and found == [(1, 2), (1, 2)]
    unflipped = ArticleSession(session.article)  # the flipped reading, as read anew
    unflipped.select_pair(1, 2)
    assert flipped == [unflipped.unsure_page_row(edit) for edit in unflipped.comparison().edits]


def test_u_steps_by_the_page_row_the_status_line_names_where_no_page_compares_the_pair() -> None:
    """Found by a review: where no page compares the pair, `u` stepped by the first paragraph
    `unsure` marks (new side first) while the status line named the least sure row the change
    rests on. Pages v0-v1 and v3-v4, pair v1 → v3: a change whose new paragraph's row (v3 → v4
    line 15, 69% sure) is marked rests on v0 → v1 line 13 too, 58% sure, which the status line
    names; `u` took it for the row of line 15's other changes."""
    pages = SAMPLES / "sniffer-diff"
    session = ArticleSession(load(str(pages / "iran-strikes-v0-v1.txt"),
                                  str(pages / "iran-strikes-v3-v4.txt"))[0])
    session.select_pair(1, 2)
    assert session.page() is None
    unsure = session.unsure()
    named = [(session.unsure_place(edit, unsure), session.unsure_page_row(edit))
             for edit in session.comparison().edits]
    assert any(row is not None and (row[0].old_number, row[1].line) == (0, 13)
               for _, row in named)
    assert all(place == row for place, row in named), named


def test_the_chain_keeps_its_summaries_and_only_the_last_comparisons() -> None:
    """The timeline kept every pair's comparison for the summaries it shows: a live blog of 40
    versions of 2,600 paragraphs grew by 167 MB, and one of 300 versions would by gigabytes."""
    versions = tuple(Version(n, "T", (f"Update {n}.", "Old news.")) for n in range(50))
    compared: list[tuple[int, int]] = []

    def counted_compare(old: Version, new: Version) -> Comparison:
        compared.append((old.number, new.number))
        return engine_compare(old, new)

    session = ArticleSession(Article(None, None, versions), compare=counted_compare)
    session.select_pair(20, 21)
    session.comparison()
    summaries = session.chain_summaries()
    assert [summary.changes for summary in summaries] == [1] * 49
    kept = [pair for pair in itertools.combinations(range(50), 2) if session.has_comparison_of(*pair)]
    assert len(kept) == COMPARISONS_KEPT and session.has_comparison()
    assert session.chain_summaries() == summaries and len(compared) == 49  # none again


def test_search_reports_when_a_phrase_appeared(chain_article: Article) -> None:
    hits = search_versions(chain_article.versions, "Fort Bragg")
    assert hits and hits[0].first_version == 1
    assert hits[0].last_version >= hits[0].first_version
    assert "Fort Bragg" in hits[0].snippet
    session = ArticleSession(chain_article)
    pair = hit_pair(hits[0], session.version_count)
    assert pair == (0, 1)
    comparison = session.comparison_of(*pair)
    edit = edit_at(comparison, "new", hits[0].paragraph, hits[0].offset)
    assert edit is not None
    assert comparison.edits[edit].op is EditOp.ADDED
    assert "Fort Bragg" in comparison.edits[edit].new_text


def test_search_is_case_insensitive_and_empty_query_finds_nothing(chain_article: Article) -> None:
    assert search_versions(chain_article.versions, "fort bragg")
    assert search_versions(chain_article.versions, "  ") == []
    assert search_versions(chain_article.versions, "no such phrase anywhere") == []


def test_search_reads_white_space_quotes_and_dashes_as_written_otherwise() -> None:
    """`said  Ali` (two spaces) and `Iran's` (a straight quote) found nothing in `said Ali` and
    `Iran’s`."""
    versions = (Version(0, "t", ("Iran’s leader said Ali Khamenei — in a statement.",)),)
    for query, found in (("said  Ali", "said Ali"), ("Iran's", "Iran’s"),
                         ("khamenei - in", "Khamenei — in"), ("“leader", None)):
        hits = search_versions(versions, query)
        if found is None:
            assert hits == []
            continue
        [hit] = hits
        text = versions[0].paragraphs[0]
        assert text[hit.offset:hit.offset + len(found)] == found


def test_search_reads_hebrew_punctuation_as_the_quotes_and_dash_a_keyboard_types() -> None:
    """Israeli news write `צה״ל` with a gershayim, `ג׳ורג׳` with gereshes and `בית־ספר` with a
    maqaf; a Hebrew keyboard types `"`, `'` and `-`, so `צה"ל` typed found nothing."""
    paragraph = "דובר צה״ל אמר כי ג׳ורג׳ הגיע לבית־ספר."
    versions = (Version(0, "t", (paragraph,)),)
    for query, written in [('צה"ל', "צה״ל"), ("ג'ורג'", "ג׳ורג׳"), ("בית-ספר", "בית־ספר")]:
        (hit,) = search_versions(versions, query)
        assert paragraph[hit.offset:hit.offset + hit.length] == written


def test_search_finds_arabic_and_hebrew_words_whatever_vowel_signs_they_are_written_with() -> None:
    """Arabic news write a shadda or a tanween on some words (`محمّد`, `أيضاً`) and stretch a
    headline's word with tatweel (`الاقتصـــاد`), Hebrew some vowel points (`שָׁלוֹם`); the word
    typed as most text writes it (`محمد`) found none of them. The hamza stays a letter's part:
    `ايضا` does not find `أيضاً`."""
    paragraph = "قال محمّد إن الاقتصـــاد سيتحسن أيضاً. שָׁלוֹם עולם"
    versions = (Version(0, "t", (paragraph,)),)
    for query, written in [("محمد", "محمّد"), ("الاقتصاد", "الاقتصـــاد"), ("محمّد", "محمّد"),
                           ("שלום עולם", "שָׁלוֹם עולם")]:
        (hit,) = search_versions(versions, query)
        assert paragraph[hit.offset:hit.offset + hit.length] == written
    assert not search_versions(versions, "ايضا")


def test_search_finds_full_width_and_half_width_forms() -> None:
    """Japanese and Chinese news write digits and Latin letters full-width (`２０２４年`, `ＡＩ`)
    and some katakana half-width (`ｶﾀｶﾅ`): `2024`, `ai` and `カタカナ` typed found none of them."""
    paragraph = "東京都は２０２４年にＡＩ規制を発表した。ｶﾀｶﾅ"
    versions = (Version(0, "t", (paragraph,)),)
    for query, written in [("2024", "２０２４"), ("ai", "ＡＩ"), ("カタカナ", "ｶﾀｶﾅ"),
                           ("２０２４", "２０２４")]:
        (hit,) = search_versions(versions, query)
        assert hit.offset == paragraph.index(written)


def test_a_kana_or_hangul_syllable_does_not_find_another_that_decomposes_into_more() -> None:
    """Compared decomposed, `へ` found `べ` (`へ` and a voicing mark) and `하` found `한` (`하`'s
    letters and a final one), as `cafe` would find `café` but for the marks after it."""
    paragraph = "首相がパンを食べた。한국 정부는 발표했다. 하늘"
    versions = (Version(0, "t", (paragraph,)),)
    assert not search_versions(versions, "食へ")
    assert [hit.offset for hit in search_versions(versions, "食べ")] == [paragraph.index("食べ")]
    assert [hit.offset for hit in search_versions(versions, "하")] == [paragraph.index("하늘")]
    assert [hit.offset for hit in search_versions(versions, "한")] == [paragraph.index("한국")]


def test_search_finds_a_phrase_across_characters_that_show_nothing() -> None:
    """A soft hyphen (German pages write `Bundes&shy;regierung`) or a zero-width space (between
    Thai words) shows nothing, so the phrase typed as it shows holds none: it found nothing."""
    paragraph = "Die Bundes\u00adregierung hat entschieden. นายกรัฐมนตรี\u200bกล่าวว่า ok"
    versions = (Version(0, "t", (paragraph,)),)
    (hit,) = search_versions(versions, "Bundesregierung hat")
    assert hit.offset == paragraph.index("Bundes")
    (hit,) = search_versions(versions, "นายกรัฐมนตรีกล่าวว่า")
    assert hit.offset == paragraph.index("นายก")
    (hit,) = search_versions(versions, "ok")
    assert hit.offset == paragraph.index("ok")


def test_search_finds_a_phrase_across_direction_marks() -> None:
    """The direction marks (LRM, RLM, ALM) are drawn as they are, showing nothing, so `bridge was
    reopened` on screen held an RLM either side of `was`: typed as it showed, it found nothing."""
    paragraph = "The bridge \u200fwas\u200f reopened. \u0627\u0644\u0639\u062f\u062f\u061c 5 \u200eok"
    versions = (Version(0, "t", (paragraph,)),)
    (hit,) = search_versions(versions, "bridge was reopened")
    assert (hit.offset, hit.length) == (paragraph.index("bridge"), len("bridge \u200fwas\u200f reopened"))
    (hit,) = search_versions(versions, "\u0627\u0644\u0639\u062f\u062f 5 ok")
    assert hit.offset == paragraph.index("\u0627")


def test_a_hit_between_a_soft_hyphen_and_a_decomposed_letter_is_where_it_is() -> None:
    """The soft hyphen folds to none and `für` decomposes to one character more: the folded text
    was as long as the paragraph, taken for the same offsets, so a hit after the hyphen was one
    character early (the space before `Kanzler`, in no sentence)."""
    paragraph = "Die Bundes\u00adregierung tagt. Kanzler Scholz spricht für alle."
    versions = (Version(0, "t", (paragraph,)),)
    (hit,) = search_versions(versions, "Kanzler")
    assert hit.offset == paragraph.index("Kanzler")


def test_a_snippet_keeps_whole_characters_and_its_context_in_cells() -> None:
    """The context around a hit was 30 code points: it began with a vowel sign cut from its
    letter (`…ा कि`, drawn on a dotted circle) or with the end of an emoji (`…‍👦`), and in
    Chinese it was 60 ideographs, 120 cells, that wrapped in the list of hits."""
    hindi = "प्रधानमंत्री ने आज नई दिल्ली में बैठक की। उन्होंने कहा कि किसानों की मदद की जाएगी। सरकार ने कहा"
    emoji = "The family 👨‍👩‍👧‍👦 waved at the crowd and the crowd waved back at the family today"
    chinese = "东京电视台报道，今天上午发生了地震。地震造成三人受伤。政府表示正在调查原因。" * 2
    for paragraph, phrase in [(hindi, "सरकार"), (emoji, "crowd waved back"), (chinese, "政府")]:
        hit = search_versions((Version(0, "t", (paragraph,)),), phrase)[0]  # Chinese: twice
        context_before, _, context_after = hit.snippet_within().strip("…").partition(phrase)
        start = paragraph.index(context_before)
        assert start > 0 and not continues_cluster(paragraph[:start], paragraph[start])
        assert text_width(context_before) <= SNIPPET_CONTEXT
        assert text_width(context_after) <= SNIPPET_CONTEXT
        assert context_before and context_after


def test_search_places_a_hit_in_the_text_as_written_after_letters_that_fold_longer() -> None:
    """`ß` folds to `ss` and `İ` to two characters: the hit's offset and snippet are the text's own
    (they were shifted by one character per such letter, and the hit could land in the next
    sentence)."""
    before = "Die Straße ist groß, der Fuß auch."
    paragraph = f"{before} Heute spricht Merz in İzmir über Maß und Fußball, sagt er."
    versions = (Version(0, "t", ("Nichts.",)), Version(1, "t", ("Nichts.", paragraph)))
    (hit,) = search_versions(versions, "auch")
    assert hit.offset == paragraph.index("auch") and hit.snippet.startswith("Die Straße ist groß")
    (hit,) = search_versions(versions, "sagt er")
    assert hit.offset == paragraph.index("sagt er") and hit.snippet.endswith("Fußball, sagt er.")
    comparison = ArticleSession(Article(None, None, versions)).comparison_of(0, 1)
    (hit,) = search_versions(versions, "der fuß auch")
    edit = edit_at(comparison, "new", hit.paragraph, hit.offset)
    assert edit is not None and comparison.edits[edit].new_text == before



def test_a_character_of_a_sentence_is_at_its_place_in_the_text_of_the_edit_holding_it(
        chain_article: Article) -> None:
    """`offset_in_edit` finds each sentence's characters in its edit's text, on either side, in
    two sentences of two paragraphs merged as in a chain's edits."""
    merged = (Version(1, "t", ("The mayor said the bridge would close for repairs this summer.",
                               "It will reopen in May, officials said.")),
              Version(2, "t", (("The mayor said the bridge would close for repairs this summer "
                                "and it will reopen in May, officials said."),)))
    checked_across_paragraphs = False
    for old, new in (merged, chain_article.versions[:2], chain_article.versions[2:]):
        comparison = compare(old, new)
        for index, edit in enumerate(comparison.edits):
            for side, version, sentences, text in (
                    ("old", old, comparison.old_sentences, edit.old_text),
                    ("new", new, comparison.new_sentences, edit.new_text)):
                for sentence in (sentences[i] for i in (edit.old if side == "old" else edit.new)):
                    paragraph = version.paragraphs[sentence.paragraph]
                    for offset in range(sentence.start, sentence.end):
                        at = offset_in_edit(comparison, side, index, sentence.paragraph, offset)
                        assert at is not None and text[at] == paragraph[offset]
                    checked_across_paragraphs |= "\n" in text
    assert checked_across_paragraphs
    assert offset_in_edit(compare(*merged), "old", 0, 5, 0) is None

def test_search_finds_a_letter_in_either_unicode_form_and_not_a_letter_a_mark_follows() -> None:
    """`é` typed found only the versions that wrote it as one character, not `e` + U+0301."""
    versions = (Version(0, "t", ("Le caf\u0065\u0301 ouvre.",)), Version(1, "t", ("Le café ferme.",)))
    hits = search_versions(versions, "café")
    assert [(hit.first_version, hit.offset) for hit in hits] == [(0, 3), (1, 3)]
    assert versions[0].paragraphs[0][hits[0].offset:].startswith("cafe\u0301")
    assert search_versions(versions, "cafe") == []
    assert len(search_versions(versions, "caf")) == 2


def test_search_finds_titles_and_says_where_a_paragraph_moved() -> None:
    """A title's words were not found; a hit spanning versions named the first version's
    paragraph only, though paragraphs added above had moved it."""
    versions = (Version(0, "Avenging the general", ("One.", "Two source said.")),
                Version(1, "Avenging the general", ("New.", "One.", "Two source said.")))
    [title] = search_versions(versions, "avenging")
    assert (title.paragraph, title.first_version, title.last_version) == (TITLE, 0, 1)
    assert title.columns(versions)[:2] == ("v0–v1", "title")
    [moved] = search_versions(versions, "source said")
    assert (moved.paragraph, moved.last_paragraph) == (1, 2)
    assert moved.columns(versions)[:2] == ("v0–v1", "¶2→3")


def test_search_lists_each_of_two_identical_paragraphs_of_a_version() -> None:
    """Hits were keyed by a paragraph's text: a repeated `More details to follow.` was one hit,
    and its second place was never listed."""
    repeated = "More details to follow."
    versions = (Version(0, "t", ("Troops landed.", repeated, "Officials met.", repeated)),
                Version(1, "t", ("Troops landed.", repeated, "Officials met.", repeated)),
                Version(2, "t", ("New lead.", "Troops landed.", repeated, "Officials met.")))
    hits = search_versions(versions, "details")
    assert [(hit.first_version, hit.last_version, hit.paragraph, hit.last_paragraph)
            for hit in hits] == [(0, 2, 1, 2), (0, 1, 3, 3)]


def test_search_lists_each_place_of_a_phrase_in_one_paragraph() -> None:
    """A place was a paragraph: one that held the phrase twice counted once, as `1 place`, and
    its second use was never shown, where a browser's find counts both."""
    versions = (Version(0, "t", ("Troops landed; more troops came.",)),
                Version(1, "t", ("Troops landed; more troops came.", "No troops left.")),
                Version(2, "t", ("Le café, un café noir.",)))
    hits = search_versions(versions, "troops")
    assert [(hit.first_version, hit.last_version, hit.paragraph, hit.offset) for hit in hits] == [
        (0, 1, 0, 0), (0, 1, 0, 20), (1, 1, 1, 3)]
    assert [hit.snippet for hit in hits][:2] == ["Troops landed; more troops came."] * 2
    assert [hit.snippet_within(14) for hit in hits][:2] == ["Troops landed…", "…re troops ca…"]
    cafes = search_versions(versions, "café")  # `é` folds to two characters: counted in the text
    assert [(hit.offset, hit.length) for hit in cafes] == [(3, 4), (12, 4)]


def test_a_search_cuts_snippets_only_for_the_hits_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    """A letter typed in a live blog's search found 3,000 paragraphs and cut a snippet for each,
    though the list shows 200: most of the time each key waited."""
    cut: list[str] = []

    def counted_snippet(paragraph: str, offset: int, length: int) -> tuple[str, tuple[int, int]]:
        cut.append(paragraph)
        return snippet_of(paragraph, offset, length)

    snippet_of = search._snippet
    monkeypatch.setattr(search, "_snippet", counted_snippet)
    versions = (Version(0, "Live", tuple(f"Update {n}: the army moved." for n in range(1000))),)
    hits = VersionSearch(versions).hits("army")
    assert len(hits) == 1000 and cut == []
    lines = described(hits[:200], versions, width=80)
    assert len(cut) == 200 and "Update 199: the army moved." in lines[-1]


def test_the_hits_columns_line_up_whatever_their_width() -> None:
    """`¶15→391` is wider than the 5 characters the place was given: text began a column or
    two to the right of its neighbours'."""
    versions = tuple(Version(n, "T", tuple(f"Para {k} of {n}." for k in range(n * 30)) + (
        "The phrase here.",)) for n in range(1, 4))
    hits = [SearchHit(0, 0, 29, 4, "The phrase here.", 29, 6),
            SearchHit(0, 2, 29, 4, "The phrase here.", 89, 6),
            SearchHit(1, 1, TITLE, 0, "T", TITLE, 1)]
    lines = described(hits, versions)
    assert lines == ["v1     ¶30     The phrase here.", "v1–v3  ¶30→90  The phrase here.",
                     "v2     title   T"]


def test_a_search_hit_s_notice_keeps_each_of_its_rows_to_one_row_of_the_notice() -> None:
    """The place opened, and for a title's hit its snippet, each in the notice's width: the
    shorter wording at 44 columns, where the notice's text has 18 cells."""
    versions = (Version(6, "Strike killed Soleimani, Defense Sec. Mark Esper says",
                        ("Officials said Esper spoke.",)),
                Version(7, "Strike killed Soleimani", ("Officials said Esper spoke.",)))
    title_hit, paragraph_hit = search_versions(versions, "Esper")
    assert search_hit_notice(title_hit, versions, (1, 12), at_cursor=False,
                             filters_cleared=False, terminal_width=80).split("\n") == [
        "Place 1 of 12, in v6's title:", "…imani, Defense Sec. Mark Esper says"]
    assert search_hit_notice(title_hit, versions, (1, 12), at_cursor=False,
                             filters_cleared=False, terminal_width=44).split("\n") == [
        "1 of 12: v6 title:", "…. Mark Esper says"]
    assert search_hit_notice(paragraph_hit, versions, (12, 12), at_cursor=True,
                             filters_cleared=True, terminal_width=44).split("\n") == [
        "12 of 12: v6 ¶1", "Filters cleared"]
    # at 78 columns, 35 cells: `Place 71 of 101, in v6's paragraph 1` takes one more, and the
    # place was told as `71 of 101: v6 ¶1`, where there is room to say what the numbers count
    assert search_hit_notice(paragraph_hit, versions, (71, 101), at_cursor=True,
                             filters_cleared=False, terminal_width=78) == "Place 71 of 101: v6 ¶1"


def test_a_cut_mark_is_no_sentence_of_the_comparison() -> None:
    elision = "[...]"
    old = Version(0, "T", ("The army moved in.", elision, "Oil rose."), cut=True)
    new = Version(1, "T", ("The army moved in on Friday.", elision, "Oil rose."), cut=True)
    comparison = ArticleSession(Article(None, None, (old, new))).comparison()
    assert all(elision not in edit.old_text + edit.new_text for edit in comparison.edits)
    assert [edit.op for edit in comparison.edits] == [EditOp.EDITED, EditOp.UNCHANGED]


def test_a_pair_no_page_compares_gets_no_row_for_each_paragraph_as_compared() -> None:
    """Without a page, the old version's paragraph rows were one None per paragraph, its cut
    mark included: one more than the comparison's paragraphs (private, but `row_of_edit` and
    `unsure` index it by the compared paragraph)."""
    old = Version(0, "T", ("The army moved in.", "[...]", "Oil rose."), cut=True)
    new = Version(1, "T", ("The army moved in on Friday.", "Oil rose."))
    session = ArticleSession(Article(None, None, (old, new)))
    assert session._row_paragraphs("old") == (None, None)


def test_a_paragraph_that_reads_the_mark_is_text_in_a_version_no_page_cut() -> None:
    old = Version(0, "T", ("The army moved in.", "[...]"))
    new = Version(1, "T", ("The army moved in.",))
    comparison = ArticleSession(Article(None, None, (old, new))).comparison()
    assert [(edit.op, edit.old_text) for edit in comparison.edits] == [
        (EditOp.UNCHANGED, "The army moved in."), (EditOp.DELETED, "[...]")]


def _sniffer_page(old: int, new: int, rows: str) -> str:
    return ("This article is from the source 'testnews' and was first published or seen on . It "
            "last changed over 40 days ago and won't be checked again for changes.\n\n"
            "You can find the current article at its original source at "
            "https://example.com/news/story\n\n"
            "The article has changed 3 times. There is an RSS feed of changes available.\n\n"
            f"Version {old} Version {new}\nStorm hits coast Storm hits coast\n"
            f"(about 1 hour later)\n{rows}")


def test_a_repeated_paragraph_keeps_its_own_page_row(tmp_path: Path) -> None:
    """Where a version was taken from another page whose column differs, its paragraphs were
    matched to the page's rows by text alone: of two `Advertisement` paragraphs, the first, cut
    on an unsure row (line 11), took the second's sure row (line 13), and lost its `?`."""
    storm = "The storm reached the coast early on Monday."
    power = "Officials said thousands of homes lost power."
    (tmp_path / "story-v0-v1.txt").write_text(_sniffer_page(0, 1, (
        f"{storm}{storm}\nAdvertisementAdvertisement\n{power}{power}\n"
        "Schools were shut on Monday. Advertisement\n"
        "More details to follow.More details to follow.\n")), encoding="utf-8")
    (tmp_path / "story-v1-v2.txt").write_text(_sniffer_page(1, 2, (
        f"{storm}{storm}\nAdvertisement\n{power}{power}\nAdvertisementAdvertisement\n"
        "Power was back in most homes by noon.Power was back in most homes by noon.\n"
        "More details to follow. Residents were told to stay indoors until Tuesday.\n")),
        encoding="utf-8")
    session = ArticleSession(load(sorted(str(path) for path in tmp_path.iterdir()))[0])
    session.select_pair(1, 2)
    comparison = session.comparison()
    cut = next(edit for edit in comparison.edits if edit.op is EditOp.DELETED
               and comparison.old_sentences[edit.old[0]].text == "Advertisement")
    row = session.row_of_edit(cut)
    assert row is not None and row.line == 11 and not row.is_sure
    assert cut.old[0] in session.unsure().old


def test_a_page_row_cut_to_the_mark_leaves_the_rows_after_it_with_their_own_paragraphs(
        tmp_path: Path) -> None:
    """A page row can read `[...]` on both sides of versions a page cut (here marked cut as a
    rendered NewsDiffs page of them would be); the comparison leaves that mark out, but the page rows were
    matched to the paragraphs with it: each paragraph after it took the row before its own, so the
    unsure change (line 12) lost its `?` and the sure paragraph after it (line 13) got one."""
    storm = "The storm reached the coast early on Monday."
    power = "Officials said thousands of homes lost power."
    (tmp_path / "story-v0-v1.txt").write_text(_sniffer_page(0, 1, (
        f"{storm}{storm}\n[...][...]\n"
        "Schools were shut on Monday. Schools stay shut on Tuesday, officials said.\n"
        f"{power}{power}\n")), encoding="utf-8")
    article = load([str(tmp_path / "story-v0-v1.txt")])[0]
    cut = tuple(replace(version, cut=True) for version in article.versions)
    session = ArticleSession(replace(article, versions=cut))
    comparison = session.comparison()
    rows = [row.line if (row := session.row_of_edit(edit)) else None for edit in comparison.edits]
    assert [edit.op for edit in comparison.edits] == [EditOp.UNCHANGED, EditOp.EDITED,
                                                      EditOp.UNCHANGED]
    assert rows == [10, 12, 13]
    unsure = session.unsure()
    assert [unsure.touches(edit) for edit in comparison.edits] == [False, True, False]


def test_a_page_row_that_reads_the_mark_is_text_where_no_page_cut_the_versions(
        tmp_path: Path) -> None:
    """Only a rendered NewsDiffs page cuts a version to `[...]`: a News Sniffer paragraph that
    reads `[...]` was left out of the comparison as a cut mark, without a word."""
    storm = "The storm reached the coast early on Monday."
    (tmp_path / "story-v0-v1.txt").write_text(_sniffer_page(0, 1, (
        f"{storm}{storm}\n[...][...]\nOil rose. Oil fell.\n")), encoding="utf-8")
    session = ArticleSession(load([str(tmp_path / "story-v0-v1.txt")])[0])
    comparison = session.comparison()
    assert [(edit.op, edit.old_text) for edit in comparison.edits] == [
        (EditOp.UNCHANGED, storm), (EditOp.UNCHANGED, "[...]"), (EditOp.EDITED, "Oil rose.")]
    assert [row.line if (row := session.row_of_edit(edit)) else None
            for edit in comparison.edits] == [10, 11, 12]
