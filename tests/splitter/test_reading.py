"""The column splitter: generator fidelity, structure, confidence, corrections, joint reading."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rendered_pairs import read_rendered_pair

from revdiff.errors import MalformedPage
from revdiff.formats.sniffer_text import read_diff_texts
from revdiff.model import RowKind, Version
from revdiff.render.sniffer import PageInfo, render_diff_text
from revdiff.splitter.corrections import correct_row, flip_row
from revdiff.splitter.grammar import diff_rows, flatten_row
from revdiff.splitter.titles import split_title

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "corpus" / "pages"
needs_corpus = pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is not present")

SENTENCES = st.sampled_from([
    "The Pentagon said 700 troops were sent.", "Officials said 3,000 troops were sent.",
    "Esper spoke at the Pentagon on Thursday.", "“We are ready,” he said.",
    "Iraq condemned the strike.", "Oil prices rose sharply.", "BAGHDAD — A rocket hit the base.",
    "no capital letters here.", "A heading without a full stop", "Trump said the strike was lawful.",
])
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=3).map(" ".join)
VERSIONS = st.lists(PARAGRAPHS, min_size=1, max_size=8)


@needs_corpus
def test_generator_reproduces_every_unaltered_corpus_page() -> None:
    index = {p["id"]: p for p in json.loads((PAGES / "index.json").read_text(encoding="utf-8"))}
    checked = 0
    for folder in sorted(p for p in PAGES.iterdir() if p.is_dir()):
        altered = index[folder.name]["txt_altered"]
        if altered["old"] or altered["new"]:
            continue
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        body = (folder / "page.txt").read_text(encoding="utf-8").split("\n")[9:]
        assert [flatten_row(r) for r in diff_rows(truth["old"], truth["new"])] == body, folder.name
        checked += 1
    assert checked >= 50


def test_match_rows_are_glued_and_change_rows_have_one_space() -> None:
    rows = diff_rows(["Same.", "Old text here."], ["Same.", "New text here."])
    assert [flatten_row(r) for r in rows] == ["Same.Same.", "Old text here. New text here."]


def test_gap_puts_change_rows_before_one_sided_rows() -> None:
    rows = diff_rows(["A.", "B.", "C.", "Z."], ["X.", "Z."])
    assert [r[0] for r in rows] == [RowKind.CHANGE, RowKind.OLD_ONLY, RowKind.OLD_ONLY, RowKind.MATCH]


def test_edited_paragraph_is_split_where_the_halves_agree() -> None:
    old = ["Defense Secretary Mark Esper said 700 troops would deploy to Kuwait on Thursday."]
    new = ["Defense Secretary Mark Esper said 3,000 troops would deploy to Kuwait on Thursday."]
    article = read_rendered_pair(old, new)
    assert article.versions[0].paragraphs == tuple(old)
    assert article.versions[1].paragraphs == tuple(new)
    assert article.pages[0].rows[0].confidence > 0.9


@settings(max_examples=60, deadline=None)
@given(VERSIONS, VERSIONS)
def test_recovered_versions_render_the_same_page_or_warn(old: list[str], new: list[str]) -> None:
    article = read_rendered_pair(old, new)
    recovered_old, recovered_new = article.versions[0].paragraphs, article.versions[-1].paragraphs
    rows = [flatten_row(r) for r in diff_rows(recovered_old, recovered_new)]
    expected = [flatten_row(r) for r in diff_rows(old, new)]
    assert rows == expected or any("re-render" in w for w in article.warnings)
    for row in article.pages[0].rows:
        assert 0.0 <= row.confidence <= 1.0


@settings(max_examples=40, deadline=None)
@given(VERSIONS, VERSIONS)
def test_match_rows_are_always_read_as_matches(old: list[str], new: list[str]) -> None:
    article = read_rendered_pair(old, new)
    truth = diff_rows(old, new)
    for row, (kind, cell_old, _) in zip(article.pages[0].rows, truth):
        if kind is RowKind.MATCH:
            assert row.kind is RowKind.MATCH and row.old == cell_old


def test_chain_of_pages_reads_each_version_once_in_any_order() -> None:
    v1 = ("Troops were sent to Kuwait.", "The embassy was attacked on Tuesday.")
    v2 = ("About 700 troops were sent to Kuwait.", "The embassy was attacked on Tuesday.",
          "Iran denied any role.")
    v3 = ("About 3,000 troops were sent to Kuwait.", "Iran denied any role.")
    info = PageInfo(url="https://example.com/a")
    first = render_diff_text(Version(1, "T", v1), Version(2, "T", v2), info)
    second = render_diff_text(Version(2, "T", v2), Version(3, "T", v3), info)
    [article] = read_diff_texts([("b.txt", second), ("a.txt", first)])
    assert [v.number for v in article.versions] == [1, 2, 3]
    assert article.versions[1].paragraphs == v2
    assert article.versions[2].paragraphs == v3


def test_correct_row_fixes_a_reading_and_flip_row_changes_it() -> None:
    article = read_rendered_pair(["Iraq condemned the strike. Oil prices rose sharply."],
                                 ["Trump spoke."])
    page = article.pages[0]
    row = page.rows[0]
    boundary = row.text.index("Trump")
    corrected = correct_row(article, page.name, row.line, RowKind.CHANGE, boundary)
    assert corrected.versions[0].paragraphs == ("Iraq condemned the strike. Oil prices rose sharply.",)
    assert corrected.versions[1].paragraphs == ("Trump spoke.",)
    assert corrected.pages[0].rows[0].confidence == 1.0
    flipped = flip_row(corrected, page.name, row.line)
    assert flipped.pages[0].rows[0] != corrected.pages[0].rows[0]


def test_a_flip_keeps_the_header_warnings_and_counts_the_flipped_row_sure() -> None:
    """A flip dropped every warning of its page, the title row's cut among them, and counted the
    row the person flipped among the rows not decided (`41 of 42 ... lines 10-36`): the app's
    export published both."""
    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    title_warnings = [w for w in article.warnings if "the title row" in w]
    assert title_warnings
    (undecided,) = [w for w in article.warnings if "could not be decided" in w]
    unsure = [row.line for row in article.pages[0].rows if row.confidence < 0.99]
    assert undecided.startswith(f"seed: {len(unsure)} of 42 rows")
    flipped = flip_row(article, "seed", unsure[0])
    assert [w for w in flipped.warnings if "the title row" in w] == title_warnings
    (undecided,) = [w for w in flipped.warnings if "could not be decided" in w]
    still_unsure = [row.line for row in flipped.pages[0].rows if row.confidence < 0.99]
    assert unsure[0] not in still_unsure
    assert undecided.startswith(f"seed: {len(still_unsure)} of 42 rows")


def test_corrections_that_contradict_each_other_are_refused_naming_the_lines() -> None:
    article = read_rendered_pair(["A kept paragraph.", "Old one."],
                                 ["A kept paragraph.", "New one.", "Another new one.", "Third new."])
    name = article.pages[0].name
    inserted = correct_row(article, name, 12, RowKind.NEW_ONLY)
    # the one-sided rows of a gap all lie on one side: line 13 cannot be deleted while 12 is new
    with pytest.raises(MalformedPage, match=r"page.txt:11: no reading of lines 11-13"):
        correct_row(inserted, name, 13, RowKind.OLD_ONLY)


def test_title_row_is_split_into_old_and_new_titles() -> None:
    same = "Iran strikes back Iran strikes back"
    assert split_title(same) == ("Iran strikes back", "Iran strikes back")
    edited = ("Defense Sec. Mark Esper says Pentagon launched strike "
              "Defense Secretary Mark Esper says Pentagon launched strike")
    assert split_title(edited) == ("Defense Sec. Mark Esper says Pentagon launched strike",
                                   "Defense Secretary Mark Esper says Pentagon launched strike")


def test_a_headline_is_followed_by_one_that_begins_as_headlines_do() -> None:
    # read alone, the words the two titles share pull the cut before `in retaliation`; a new
    # headline does not begin in lower case when the old one does not
    edited = ("Iran fires missiles at US troops in Iraq in retaliation for general's killing "
              "Avenging general's killing, Iran strikes at US troops in Iraq")
    assert split_title(edited) == (
        "Iran fires missiles at US troops in Iraq in retaliation for general's killing",
        "Avenging general's killing, Iran strikes at US troops in Iraq")
    # a title does not end in a colon: it would go on (here to `Iranian TV`), nor inside the
    # source a wire headline names after its colon (the cuts after `Iranian` and after `TV`
    # score alike, and `TV Iran fires …` begins as a headline does)
    assert split_title("Rockets hit base housing US troops in Iraq: Iranian TV "
                       "Iran fires missiles at US troops in Iraq") == (
        "Rockets hit base housing US troops in Iraq: Iranian TV",
        "Iran fires missiles at US troops in Iraq")
    assert split_title("Drone kills general: Iraqi TV US drone strike kills Iranian general") == (
        "Drone kills general: Iraqi TV", "US drone strike kills Iranian general")
    # words after a colon that name no source leave every cut to the weights
    assert split_title("Iran: what we know Iran strikes back") == ("Iran: what we know",
                                                                   "Iran strikes back")
    # a doubled space leaves an empty word, which begins nothing in lower case
    assert split_title("Iran strikes Iran  hits back") == ("Iran strikes", "Iran  hits back")
    # equal titles glued without the space read as a glued match row does
    assert split_title("Iran hits backIran hits back") == ("Iran hits back", "Iran hits back")
    # lower-case titles (the corpus's Wikipedia pages) are cut anywhere
    assert split_title("history of iraq history of modern iraq") == ("history of iraq",
                                                                     "history of modern iraq")


def test_a_title_row_cut_by_inference_is_warned() -> None:
    # read alone, `Rockets hit base housing US troops in Iraq: Iranian TV Iran fires missiles at
    # US troops in Iraq` was cut before `TV` and nothing said the titles were a guess
    pages = sorted((ROOT / "samples" / "sniffer-diff").glob("iran-strikes-v*.txt"))
    title_warning = "the title row holds two titles, cut where they most likely meet"

    def warnings(paths: list[Path]) -> list[str]:
        [article] = read_diff_texts([(str(p), p.read_text(encoding="utf-8")) for p in paths])
        return [w for w in article.warnings if title_warning in w]

    assert warnings(pages[:1]) == [
        f"{pages[0]}:8: {title_warning}; check them or give neighbouring pages"]
    assert warnings(pages) == []  # the neighbouring pages' title rows leave one place to cut
    assert warnings(pages[-1:]) == []  # equal titles


def test_titles_of_pages_that_are_not_neighbours_do_not_constrain_each_other() -> None:
    # pages v0-v1 and v2-v3 of one article: version 1's title is not version 2's, so the second
    # page's title row is split alone (fitted to the first page's titles, its old title was cut
    # to `Iran fires missiles at US troops in Iraq`)
    pages = [ROOT / "samples" / "sniffer-diff" / f"iran-strikes-v{k}-v{k + 1}.txt" for k in (0, 2)]
    [article] = read_diff_texts([(str(p), p.read_text(encoding="utf-8")) for p in pages])
    titles = {version.number: version.title for version in article.versions}
    assert titles[2] == "Iran fires missiles at US troops in Iraq in retaliation for general's killing"
    assert titles[3] == "Avenging general's killing, Iran strikes at US troops in Iraq"


def test_flattened_pages_are_fitted_to_the_versions_an_html_page_gives() -> None:
    # the HTML page v1-v2 gives versions 1 and 2 exactly; read alone, v0-v1 guessed version 1
    # otherwise, and the two inputs were refused as disagreeing about its text
    from revdiff.formats import load
    from revdiff.formats.plain import split_paragraphs

    pages = ROOT / "samples" / "sniffer-diff"
    story = ROOT / "samples" / "versions" / "iran-strikes-us-troops-in-iraq"
    [article] = load([str(pages / "iran-strikes-v1-v2.html"), str(pages / "iran-strikes-v0-v1.txt"),
                      str(pages / "iran-strikes-v2-v3.txt")])
    assert [v.paragraphs for v in article.versions] == [
        split_paragraphs((story / f"{n}.txt").read_text(encoding="utf-8")) for n in range(4)]
    assert article.versions[0].title == "Rockets hit base housing US troops in Iraq: Iranian TV"
    assert all(row.is_sure for page in article.pages for row in page.rows)
    assert not any("unsure" in warning for warning in article.warnings)


def test_a_symbol_the_flattened_page_lost_is_kept_from_the_html_page(tmp_path: Path) -> None:
    from revdiff.formats import load
    from revdiff.render.sniffer import render_diff_html

    info = PageInfo(url="https://example.com/story")
    v0 = Version(0, "T", ("Troops – 700 of them – left.", "Oil rose."))
    v1 = Version(1, "T", ("Troops 3,000 of them left.", "Oil rose."))
    v2 = Version(2, "T", ("Troops 3,000 of them left.", "Oil rose sharply.", "Iraq protested."))
    (tmp_path / "a.html").write_text(render_diff_html(v0, v1, info), encoding="utf-8")
    flattened = render_diff_text(v0, v1, info).replace(" – ", " ")  # the flattener dropped them
    (tmp_path / "a.txt").write_text(flattened, encoding="utf-8")
    (tmp_path / "b.txt").write_text(render_diff_text(v1, v2, info), encoding="utf-8")
    [article] = load([str(tmp_path / name) for name in ("a.html", "a.txt", "b.txt")])
    assert [v.paragraphs for v in article.versions] == [v0.paragraphs, v1.paragraphs, v2.paragraphs]


def test_a_flattened_page_that_no_reading_fits_to_a_known_version_is_refused(tmp_path: Path) -> None:
    from revdiff.errors import InconsistentPages
    from revdiff.formats import load
    from revdiff.render.sniffer import render_diff_html

    info = PageInfo(url="https://example.com/story")
    v0, v1 = Version(0, "T", ("Troops left.",)), Version(1, "T", ("Troops left today.",))
    other = Version(1, "T", ("Something else entirely.",))
    (tmp_path / "a.html").write_text(render_diff_html(v0, v1, info), encoding="utf-8")
    (tmp_path / "b.txt").write_text(render_diff_text(other, Version(2, "T", ("More.",)), info),
                                    encoding="utf-8")
    with pytest.raises(InconsistentPages, match="no reading of the page gives version 1") as refused:
        load([str(tmp_path / "a.html"), str(tmp_path / "b.txt")])
    assert refused.value.where == str(tmp_path / "b.txt")


def test_seed_page_header_and_rows_are_read() -> None:
    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    assert article.source == "washpo"
    assert article.changes == 16
    assert article.metadata["check_status"].startswith("It last changed over 40 days ago")
    assert [v.number for v in article.versions] == [6, 7]
    assert article.versions[1].time_text == "about 1 hour later"
    assert article.versions[0].title.endswith("Defense Sec. Mark Esper says")
    assert article.versions[1].title.endswith("Defense Secretary Mark Esper says")
    rows = article.pages[0].rows
    assert len(rows) == 42
    assert rows[27].kind is RowKind.MATCH  # line 37, the one identical paragraph
    assert rows[27].old is not None and rows[27].old.endswith("Milley said.")


def test_seed_page_body_has_the_structure_formats_md_reads() -> None:
    """FORMATS.md §1: 19 change rows, 8 new-only, the match, 5 change rows, 9 old-only. The
    learned weights alone read line 43, a quote, its speaker and more of the quote, as a sixth
    change row, whose new cell then followed the new version's credit line (`closing`)."""
    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    kinds = [row.kind for row in article.pages[0].rows]
    assert kinds == ([RowKind.CHANGE] * 19 + [RowKind.NEW_ONLY] * 8 + [RowKind.MATCH]
                     + [RowKind.CHANGE] * 5 + [RowKind.OLD_ONLY] * 9)
    old, new = article.versions
    assert old.paragraphs[-1] == "Carol Morello and Liz Sly contributed to this report."
    # (whether `Sly reported from Beirut. Ryan and Hudson reported from Washington.` begins the
    # new credit line or ends the old paragraph before it, FORMATS.md does not say)
    assert new.paragraphs[-1].endswith("Carol Morello contributed to this report from Washington.")


def test_seed_page_first_gap_and_match_are_read_as_formats_md_reads_them() -> None:
    """The rewrite's first gap: 19 change rows pairing unrelated paragraphs, 8 new-only rows."""
    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    kinds = [row.kind for row in article.pages[0].rows]
    assert kinds[:28] == [RowKind.CHANGE] * 19 + [RowKind.NEW_ONLY] * 8 + [RowKind.MATCH]
    assert kinds[-1] is RowKind.OLD_ONLY


def test_seed_page_keeps_a_quote_with_the_speaker_that_follows_it() -> None:
    """Line 12 glues the old lede to the new quote `“…throughout the region,” Esper said in a
    statement.`: the cut is after the lede, not between the quote and its speaker."""
    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    row = article.pages[0].rows[2]
    assert row.line == 12 and row.kind is RowKind.CHANGE
    assert row.old is not None and row.old.endswith("Iraqi state television reported Thursday.")
    assert row.new is not None and row.new.startswith("“Gen. Soleimani was actively developing")


def test_seed_page_does_not_end_a_paragraph_at_a_colon_before_a_capital() -> None:
    """Line 10 glues the old `BREAKING: …Mark Esper says.` line to the new lede `BAGHDAD A U.S.
    airstrike…`, and line 21 an old paragraph to the new headline `Qassem Soleimani: Who was
    Iran’s powerful military leader?`: in cased text a colon before a capital goes on."""
    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    rows = {row.line: row for row in article.pages[0].rows}
    assert rows[10].kind is RowKind.CHANGE and rows[21].kind is RowKind.CHANGE
    assert rows[10].old is not None and rows[10].old.endswith("Defense Sec. Mark Esper says.")
    assert rows[10].new is not None and rows[10].new.startswith("BAGHDAD A U.S. airstrike")
    assert rows[21].new == "Qassem Soleimani: Who was Iran’s powerful military leader?"


def test_sample_chain_of_flattened_pages_comes_back_exactly() -> None:
    from revdiff.formats.plain import split_paragraphs

    pages = sorted((ROOT / "samples" / "sniffer-diff").glob("*.txt"))
    story = ROOT / "samples" / "versions" / "iran-strikes-us-troops-in-iraq"
    [article] = read_diff_texts([(str(p), p.read_text(encoding="utf-8")) for p in reversed(pages)])
    expected = [split_paragraphs((story / f"{n}.txt").read_text(encoding="utf-8"))
                for n in range(len(pages) + 1)]
    assert [v.paragraphs for v in article.versions] == expected
    # every page is read through its neighbours' columns, the page the reading started from
    # (the anchor) too: each fits its neighbour in one way only, so every row is sure
    assert all(row.is_sure for page in article.pages for row in page.rows)
    assert not any("unsure" in warning for warning in article.warnings)
    assert article.versions[0].title == "Rockets hit base housing US troops in Iraq: Iranian TV"


def _story_pages(story: str, pairs: list[tuple[int, int]], titles: dict[int, str] | None = None
                 ) -> tuple[list[tuple[str, ...]], list[tuple[str, str]]]:
    """A sample story's versions, and its pages comparing the versions in `pairs`."""
    from revdiff.formats.plain import split_paragraphs

    folder = ROOT / "samples" / "versions" / story
    versions = [Version(n, (titles or {}).get(n, "T"),
                        tuple(split_paragraphs((folder / f"{n}.txt").read_text(encoding="utf-8"))))
                for n in range(len(list(folder.glob("*.txt"))))]
    info = PageInfo(url=f"https://example.com/{story}")
    return ([v.paragraphs for v in versions],
            [(f"v{a}-v{b}.txt", render_diff_text(versions[a], versions[b], info)) for a, b in pairs])


@pytest.mark.parametrize(("story", "pairs"), [
    ("us-deploys-troops-after-soleimani-strike", [(0, 2), (1, 2)]),
    ("us-deploys-troops-after-soleimani-strike", [(0, 1), (0, 2)]),
    ("us-deploys-troops-after-soleimani-strike", [(a, b) for a in range(4) for b in range(a + 1, 4)]),
    # each page read alone takes a row of the gap for two paragraphs, so no page's own reading
    # gives version 0 as the other shows it: one must be read with that row as one paragraph
    ("us-sends-3000-troops-to-middle-east", [(0, 1), (0, 2)]),
])
def test_pages_of_versions_further_apart_are_read_through_the_versions_they_share(
        story: str, pairs: list[tuple[int, int]]) -> None:
    """News Sniffer compares any two versions: pages that show one version, in either column,
    fix each other's reading as consecutive pages do (each page read alone gets these wrong)."""
    expected, pages = _story_pages(story, pairs)
    [article] = read_diff_texts(pages)
    assert {v.number: v.paragraphs for v in article.versions} == {
        n: expected[n] for pair in pairs for n in pair}
    assert all(row.is_sure for page in article.pages for row in page.rows)
    assert not article.warnings


def test_the_title_of_a_version_is_one_title_on_every_page_that_shows_it() -> None:
    """Version 2's title ends the title rows of v0-v2 and v1-v2 and begins that of v2-v3: only
    one cut of each row gives it the same title everywhere."""
    titles = {0: "Troops sent to Iraq", 1: "US sends troops to Iraq: officials",
              2: "US sends 3,000 troops", 3: "Pentagon orders 3,000 more troops to the region"}
    _, pages = _story_pages("us-deploys-troops-after-soleimani-strike", [(0, 2), (1, 2), (2, 3)],
                            titles)
    [article] = read_diff_texts(pages)
    assert [v.title for v in article.versions] == [titles[n] for n in range(4)]
    assert not any("title row" in warning for warning in article.warnings)


def test_a_version_two_pages_show_differently_is_warned_naming_both() -> None:
    expected, pages = _story_pages("us-deploys-troops-after-soleimani-strike", [(0, 1)])
    other = Version(0, "T", ("Something else entirely happened today.", "More of it."))
    info = PageInfo(url="https://example.com/us-deploys-troops-after-soleimani-strike")
    pages.append(("v0-v2.txt", render_diff_text(other, Version(2, "T", expected[2]), info)))
    [article] = read_diff_texts(pages)
    assert ("v0-v2.txt: its old column differs from version 0 as v0-v1.txt shows it; kept that one"
            in article.warnings)


def test_a_page_saved_twice_is_read_once_and_two_different_pages_of_one_pair_are_refused() -> None:
    from revdiff.errors import InconsistentPages

    page = (ROOT / "samples" / "sniffer-diff" / "iran-strikes-v0-v1.txt").read_text(encoding="utf-8")
    [article] = read_diff_texts([("v0-v1.txt", page), ("v0-v1 (1).txt", page)])
    assert [p.name for p in article.pages] == ["v0-v1.txt"]
    assert "v0-v1 (1).txt: the same page as v0-v1.txt; read once" in article.warnings
    [again] = read_diff_texts([("v0-v1.txt", page), ("v0-v1.txt", page)])
    assert "v0-v1.txt: given twice; read once" in again.warnings
    with pytest.raises(InconsistentPages, match="compare the same versions 0 and 1 and differ"):
        read_diff_texts([("v0-v1.txt", page), ("other.txt", page.replace("US troops", "UK troops"))])


def test_no_break_spaces_at_paragraph_edges_are_kept() -> None:
    # trackers trim ASCII whitespace only, so a paragraph may start with a no-break space or
    # be one; the flattened rows keep them and so must the reader
    old = ["Casualties", "\xa0wounded soldiers", "\xa0", "Iraq condemned the strike."]
    new = ["Casualties", "\xa0wounded soldiers", "\xa0", "Iraq condemned the strike again."]
    article = read_rendered_pair(old, new)
    assert list(article.versions[0].paragraphs) == old
    assert list(article.versions[-1].paragraphs) == new


# A list whose entries move back and forth between versions: each page alone reads its one-sided
# blocks on the wrong side, and only flipping a block leads to a reading all pages agree on.
_TOPICS = ["these are the basic topics of the field, the ones we want articles about:",
           "sailing --", "rowing --", "fencing --", "archery --", "cycling --", "judo --",
           "curling --", "biathlon --", "bobsleigh --", "luge --", "skeleton --", "diving --",
           "surfing --", "karate --", "polo --", "rugby --", "cricket --", "hockey --", "golf --",
           "tennis --", "squash --", "badminton --", "handball --", "netball --",
           "we need a page on the equipment of each sport, with pictures of the gear.",
           "we need an entry on the history of the rules and who wrote them down first.",
           "i like the rules idea. it should be linked to the governing bodies as well.",
           "we have an entry above and a list of governing bodies below? --coach",
           "hmm. many of them deserve their own articles -- like the old clubs and leagues.",
           "see also: portal:sport"]
_MOVES = [[0, *range(1, 30)],
          [0, 10, 11, 1, 2, 3, 4, 5, 6, 8, 9, *range(12, 25)],
          [0, *range(1, 29)],
          [30, 0, 1, 2, 3, 4, 5, 6, 7, 8, *range(12, 30)],
          [0, 10, 11, 1, 2, 3, 4, 5, 6, 8, 9, *range(12, 24)]]


def test_chain_with_moving_list_entries_is_read_consistently() -> None:
    versions = [Version(k, "T", tuple(_TOPICS[i] for i in order)) for k, order in enumerate(_MOVES)]
    pages = [(f"p{k}.txt", render_diff_text(a, b, PageInfo())) for k, (a, b) in
             enumerate(pairwise(versions))]
    [article] = read_diff_texts(pages)
    assert [v.paragraphs for v in article.versions] == [v.paragraphs for v in versions]
    assert not any("column differs from version" in w for w in article.warnings)


def test_chain_with_repeated_boilerplate_paragraphs_is_read_exactly() -> None:
    # news pages repeat boilerplate ("Advertisement") between paragraphs; with many identical
    # rows, a page fits its neighbour's column in several ways, and only readings News Sniffer
    # could produce (change rows first in a gap, one-sided rows on one side) may be chosen
    from revdiff.formats.plain import split_paragraphs

    story = ROOT / "samples" / "versions" / "iran-strikes-us-troops-in-iraq"
    texts = list(dict.fromkeys(p for f in sorted(story.glob("*.txt"))
                               for p in split_paragraphs(f.read_text(encoding="utf-8"))))
    ad = "Advertisement"
    orders = [[5, ad, 3, ad, 14, ad, 10, ad, 7, ad, 6, ad],
              [5, ad, ad, 14, ad, 10, ad, ad, 3, 7, ad, 6, ad],
              [5, ad, ad, 14, 3, ad, 10, ad, ad, ad, 3, 7, ad, 6, ad],
              [5, ad, ad, 14, 3, ad, 11, 10, 5, ad, ad, ad, 3, 7, ad, 6, 6, ad]]
    versions = [Version(k, "T", tuple(p if isinstance(p, str) else texts[p] for p in order))
                for k, order in enumerate(orders)]
    pages = [(f"p{k}.txt", render_diff_text(a, b, PageInfo())) for k, (a, b) in
             enumerate(pairwise(versions))]
    [article] = read_diff_texts(pages)
    assert [v.paragraphs for v in article.versions] == [v.paragraphs for v in versions]


def test_a_line_with_no_body_row_is_named_once() -> None:
    """The error named the line twice, as its place and in its words: `p.txt:3: page has no body
    row at line 3`."""
    from revdiff.formats import load

    article = load([str(ROOT / "samples" / "washpo-soleimani-v6-v7.txt")])[0]
    name = article.pages[0].name
    with pytest.raises(MalformedPage) as refused:
        correct_row(article, name, 3, RowKind.NEW_ONLY)
    assert (refused.value.where, refused.value.line) == (name, 3)
    said = str(refused.value)
    assert said.startswith(f"{name}:3: the page has no body row at this line (")
    assert "3" not in said.removeprefix(f"{name}:3: "), said


def test_correct_row_takes_a_kind_by_its_value() -> None:
    """RowKind is a str enum, yet `correct_row(..., "old_only")` failed with 'the correction
    contradicts a row already fixed': the checks compared the kind with `is`."""
    from revdiff.formats import load

    article = load([str(ROOT / "samples" / "washpo-soleimani-v6-v7.txt")])[0]
    name = article.pages[0].name
    by_enum = correct_row(article, name, 11, RowKind.OLD_ONLY)
    assert correct_row(article, name, 11, "old_only") == by_enum  # type: ignore[arg-type]
    by_enum = correct_row(article, name, 11, RowKind.CHANGE, 295)
    assert correct_row(article, name, 11, "change", 295) == by_enum  # type: ignore[arg-type]
    with pytest.raises(MalformedPage, match="must be split just after a space"):
        correct_row(article, name, 11, "change", 7)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown row kind 'old'; use one of: match, change"):
        correct_row(article, name, 11, "old")  # type: ignore[arg-type]


def test_a_title_row_too_long_to_cut_jointly_leaves_its_neighbours_their_joint_cut() -> None:
    """A title row over 2,000 characters is cut alone (each of its cuts held as two titles took
    memory in the square of its length); it gave its versions no possible title at all, so the
    pages beside it lost their joint cut too."""
    from revdiff.splitter.titles import split_titles_jointly

    long_row = "A " * 1001 + "B B"
    splits = split_titles_jointly([long_row, "B B C", "C D"], [(1, 2), (2, 3), (3, 4)])
    assert [(split.old, split.new, split.sure) for split in splits[1:]] == [
        ("B B", "C", True), ("C", "D", True)]


@pytest.mark.parametrize(("second_count", "shown_by"), [(1, "b.txt shows"), (None, "shows")])
def test_a_count_that_leaves_no_room_names_the_page_that_shows_the_version(
        second_count: int | None, shown_by: str) -> None:
    """The warning said the page that counts shows the version where another page of the
    article shows it ('a.txt: ... but shows version 2' of a page of versions 0 and 1)."""
    versions = [Version(n, "T", (f"Paragraph {n} here.", "Kept paragraph.")) for n in range(3)]
    pages = [("a.txt", render_diff_text(versions[0], versions[1], PageInfo(changes=2))),
             ("b.txt", render_diff_text(versions[1], versions[2], PageInfo(changes=second_count)))]
    if second_count is None:  # one page counts and shows the version
        pages = [("b.txt", render_diff_text(versions[1], versions[2], PageInfo(changes=2)))]
    [article] = read_diff_texts(pages)
    assert article.changes is None
    counter = pages[0][0]
    assert [warning for warning in article.warnings if "counts" in warning] == [
        (f"{counter}: the page counts 2 versions, numbered from 0, but {shown_by} version 2; "
         "the count is left out (the page is damaged or edited by hand: save it again from News "
         "Sniffer)")]


def test_a_correction_that_contradicts_another_page_of_the_article_is_refused() -> None:
    """Flipping line 15 of the v1-v2 sample page (read with its neighbours, every row sure) gave
    version 1 six paragraphs where the v0-v1 page, whose new column it is, shows five: the
    article then disagreed with its own pages, silently."""
    pages = sorted((ROOT / "samples" / "sniffer-diff").glob("*.txt"))
    [article] = read_diff_texts([(path.name, path.read_text(encoding="utf-8")) for path in pages])
    with pytest.raises(MalformedPage, match=r"^iran-strikes-v1-v2.txt:15: .*version 1 .*"
                                            r"iran-strikes-v0-v1.txt"):
        flip_row(article, "iran-strikes-v1-v2.txt", 15)
    # a reading of the row that keeps the versions as the other pages show them is taken
    row = article.pages[1].rows[0]
    assert correct_row(article, "iran-strikes-v1-v2.txt", row.line, row.kind,
                       row.boundary).versions == article.versions


def test_a_corrected_row_is_marked_as_a_persons_reading_in_the_warnings_the_exports_keep() -> None:
    """A corrected row read as sure, confidence 1.0, with nothing to tell it from a row the
    splitter was sure of: an export of the corrected article passed a person's reading off as the
    splitter's."""
    import revdiff

    [article] = read_diff_texts([("seed", (ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
                                  .read_text(encoding="utf-8"))])
    once = correct_row(article, "seed", 10, RowKind.NEW_ONLY)
    assert "seed:10: read as corrected by hand (new_only), not as the splitter read it" in once.warnings
    twice = correct_row(once, "seed", 10, RowKind.OLD_ONLY)
    again = correct_row(twice, "seed", 11, RowKind.OLD_ONLY)
    marks = [w for w in again.warnings if "corrected by hand" in w]
    assert marks == ["seed:10: read as corrected by hand (old_only), not as the splitter read it",
                     "seed:11: read as corrected by hand (old_only), not as the splitter read it"]
    assert all(set(marks) <= set(edit["warnings"]) for edit in revdiff.edits_table([again]))


def test_a_corrected_page_keeps_the_advice_and_the_pointer_of_its_first_reading() -> None:
    """The page read again after a correction advised to give neighbouring pages where the page
    has none (an article of versions 0 and 1), and an article from `revdiff.load` was pointed at
    `revdiff parse --format json` instead of its `pages`."""
    import revdiff

    old = ["Iraq condemned the strike. Oil prices rose sharply.", "A kept one.", "Old one here.",
           "Another old one."]
    new = ["Trump spoke.", "A kept one.", "New one here now.", "Oil prices rose sharply."]
    text = render_diff_text(Version(0, "T", tuple(old)), Version(1, "T", tuple(new)),
                            PageInfo(changes=2))
    [article] = read_diff_texts([("page.txt", text)])
    assert article.warnings[0].endswith("; `revdiff parse --format json` shows each; check them")
    (undecided,) = [w for w in flip_row(article, "page.txt", 10).warnings if "decided" in w]
    assert undecided == ("page.txt: 2 of 4 rows could not be decided with certainty (lines 12-13); "
                         "`revdiff parse --format json` shows each; check them")
    [loaded] = revdiff.load(ROOT / "samples" / "washpo-soleimani-v6-v7.txt")
    unsure = [row.line for row in loaded.pages[0].rows if not row.is_sure]
    (undecided,) = [w for w in flip_row(loaded, loaded.pages[0].name, unsure[0]).warnings
                    if "decided" in w]
    assert undecided.endswith("; the article's `pages` show each; check them or give neighbouring pages")


def test_a_flip_tries_the_readings_in_turn_until_one_is_accepted() -> None:
    """A flip tried the next reading alone: where that one was refused, the row was said to have
    no other reading, though a later one was accepted."""
    article = read_rendered_pair(["A kept paragraph.", "Old one."],
                                 ["A kept paragraph.", "New one.", "Another new one.", "Third new."])
    name = article.pages[0].name
    inserted = correct_row(article, name, 12, RowKind.NEW_ONLY)
    # line 11's next reading, old_only, puts a deleted row before line 12's inserted one: refused
    with pytest.raises(MalformedPage):
        correct_row(inserted, name, 11, RowKind.OLD_ONLY)
    flipped = flip_row(inserted, name, 11)
    assert [(row.line, row.kind) for row in flipped.pages[0].rows][1:3] == [
        (11, RowKind.NEW_ONLY), (12, RowKind.NEW_ONLY)]
    # every other reading of line 13 is refused: the flip is, naming the first refusal
    with pytest.raises(MalformedPage, match=r"page.txt:1[1-3]: no reading of lines"):
        flip_row(inserted, name, 13)


def test_a_correction_keeps_the_symbols_another_page_kept() -> None:
    """A correction set the versions of its page to that page's columns: a symbol the flattener
    dropped on this page and another page of the article kept (`—`) was lost, where the joint
    reading keeps each paragraph's fullest text."""
    info = PageInfo(url="https://example.com/a")
    v1 = ("Troops were sent to Kuwait.", "The embassy was attacked on Tuesday.")
    v2 = ("About 700 troops were sent to Kuwait — officials said.",
          "The embassy was attacked on Tuesday.", "Iran denied any role.")
    flattened_v2 = (v2[0].replace(" —", ""), *v2[1:])
    v3 = ("About 3,000 troops were sent to Kuwait.", "Iran denied any role.")
    [article] = read_diff_texts([
        ("a.txt", render_diff_text(Version(1, "T", v1), Version(2, "T", v2), info)),
        ("b.txt", render_diff_text(Version(2, "T", flattened_v2), Version(3, "T", v3), info))])
    assert article.versions[1].paragraphs == v2
    row = article.pages[1].rows[0]
    corrected = correct_row(article, "b.txt", row.line, row.kind, row.boundary)
    assert corrected.versions == article.versions


def test_a_corrections_file_is_applied_to_the_article_that_holds_each_page(tmp_path: Path) -> None:
    from revdiff.corrections_file import (
        BadCorrection,
        apply_corrections,
        correction_line,
        read_corrections,
    )

    kept = read_rendered_pair(["A kept paragraph."], ["A kept paragraph."])
    article = read_rendered_pair(["Iraq condemned the strike. Oil prices rose sharply."],
                                 ["Trump spoke."])
    article = replace(article, pages=(replace(article.pages[0], name="other.txt"),))
    row = article.pages[0].rows[0]
    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text(correction_line("other.txt", row.line, RowKind.CHANGE,
                                     row.text.index("Trump")) + "\n", encoding="utf-8")
    untouched, corrected = apply_corrections([kept, article], read_corrections(str(fixes), 9999),
                                             str(fixes))
    assert untouched == kept
    assert corrected.versions[1].paragraphs == ("Trump spoke.",)
    assert corrected.pages[0].rows[0].confidence == 1.0
    fixes.write_text("# a page no input holds\n" + correction_line("page.tx", row.line,
                     RowKind.NEW_ONLY, None) + "\n", encoding="utf-8")
    with pytest.raises(BadCorrection, match="fixes.jsonl:2: no diff page named page.tx"):
        apply_corrections([kept, article], read_corrections(str(fixes), 9999), str(fixes))
    fixes.write_text(correction_line("other.txt", row.line, RowKind.CHANGE, 3) + "\n",
                     encoding="utf-8")
    with pytest.raises(BadCorrection, match=r"fixes.jsonl:1: other.txt:\d+: a change row must be"):
        apply_corrections([kept, article], read_corrections(str(fixes), 9999), str(fixes))
