"""The NewsDiffs rules and idempotence: what plan_store decides to commit or skip."""

from __future__ import annotations

import pytest

from revdiff.formats.git_layout import encode_version_file
from revdiff.model import Article, Version
from revdiff.store import encode
from revdiff.store.plan import FileHistory, plan_store
from revdiff.store.summary import SkipReason

URL = "https://example.com/story"


def article(*texts: str, numbers: list[int] | None = None) -> Article:
    numbers = numbers if numbers is not None else list(range(len(texts)))
    return Article("test", URL, tuple(Version(n, "Title", (t,)) for n, t in zip(numbers, texts)))


def planned(result) -> list[int]:  # type: ignore[no-untyped-def]
    return [c.version.number for c in result.commits]


def test_identical_to_previous_is_skipped() -> None:
    result = plan_store([article("A", "A", "B", "B", "C")], {}, "sha1")
    assert planned(result) == [0, 2, 4]
    assert [(s.number, s.reason) for s in result.skipped] == [
        (1, SkipReason.UNCHANGED), (3, SkipReason.UNCHANGED)]


def test_flip_flop_refused_after_two_stores() -> None:
    # A B A B are allowed (each text stored at most once before); the third A is refused, and
    # the B after it is then identical to the version stored before it.
    result = plan_store([article("A", "B", "A", "B", "A", "B", "C", "A", "D")], {}, "sha1")
    assert planned(result) == [0, 1, 2, 3, 6, 8]
    assert [(s.number, s.reason) for s in result.skipped] == [
        (4, SkipReason.FLIP_FLOP), (5, SkipReason.UNCHANGED), (7, SkipReason.FLIP_FLOP)]


def test_replanning_against_the_result_adds_nothing() -> None:
    histories: dict[str, FileHistory] = {}
    first = plan_store([article("A", "A", "B", "A", "B", "A")], histories, "sha1")
    again = plan_store([article("A", "A", "B", "A", "B", "A")], histories, "sha1")
    assert again.commits == ()
    assert again.already_stored == len(first.commits)
    assert [(s.number, s.reason) for s in again.skipped] == \
        [(s.number, s.reason) for s in first.skipped]


def test_new_version_is_the_only_commit() -> None:
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "B")], histories, "sha1")
    result = plan_store([article("A", "B", "C")], histories, "sha1")
    assert planned(result) == [2]
    assert result.already_stored == 2


def test_conflicting_and_out_of_order_versions_are_reported() -> None:
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "C", numbers=[1, 5])], histories, "sha1")
    result = plan_store([article("X", "B", "C", numbers=[1, 3, 5])], histories, "sha1")
    assert result.commits == ()
    assert [(s.number, s.reason) for s in result.skipped] == [
        (1, SkipReason.CONFLICT), (3, SkipReason.OUT_OF_ORDER)]
    assert result.already_stored == 1


def test_the_same_texts_numbered_by_another_tracker_are_already_stored() -> None:
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "B", "C")], histories, "sha1")
    result = plan_store([article("A", "B", "C", "D", numbers=[1, 2, 3, 4])], histories, "sha1")
    assert planned(result) == [4]  # D is new
    assert result.already_stored == 2  # 1 and 2 hold B and C here, A and B there
    assert [(s.number, s.reason) for s in result.skipped] == [(3, SkipReason.UNCHANGED)]


def test_a_text_stored_under_a_higher_number_is_already_stored_not_out_of_order() -> None:
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "B", numbers=[1, 2])], histories, "sha1")
    result = plan_store([article("A", "B", numbers=[0, 1])], histories, "sha1")
    assert result.commits == () and result.skipped == ()
    assert result.already_stored == 2


def test_inputs_of_one_article_given_newest_first_are_all_stored() -> None:
    # One article exported in two parts (day 9: versions 1 and 2; day 10: version 3), given in the
    # order a shell glob sorts them: nothing is stored yet, so nothing is out of order.
    later = article("C", numbers=[3])
    earlier = article("A", "B", numbers=[1, 2])
    result = plan_store([later, earlier], {}, "sha1")
    assert planned(result) == [1, 2, 3]
    assert result.skipped == ()


def test_the_http_form_of_a_stored_https_url_is_an_article_of_its_own() -> None:
    # both made the path example.com/story.txt, and the second URL's versions went on in the
    # first's history (a conflict for each number it held, the file's URL changed by the rest)
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "B")], histories, "sha1")
    plain = Article("test", "http://example.com/story",
                    tuple(Version(n, "Title", (t,)) for n, t in enumerate(["X", "Y"])))
    result = plan_store([plain], histories, "sha1")
    assert planned(result) == [0, 1] and result.skipped == ()
    assert {c.path for c in result.commits} != {"example.com/story.txt"}
    assert histories["example.com/story.txt"].url == URL


def test_already_stored_counts_only_versions_the_repository_held_before_the_run() -> None:
    """`store day4.db day3.db` into a repository of 6 versions said `5 versions stored, 15 already
    stored`: it counted day 4's versions that day 3's input, in the same run, stored or matched."""
    texts = [f"paragraph {n}" for n in range(11)]
    histories: dict[str, FileHistory] = {}
    plan_store([article(*texts[:6])], histories, "sha1")
    result = plan_store([article(*texts), article(*texts[:8])], histories, "sha1")
    assert planned(result) == [6, 7, 8, 9, 10]
    assert result.already_stored == 6  # what the repository held
    assert result.given_again == 8  # day 4's versions 0 to 7, which day 3 gave


def test_a_version_stored_twice_before_and_given_twice_again_is_already_stored_twice() -> None:
    # A B A: the repository holds A twice, so both are already stored, not given again
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "B", "A")], histories, "sha1")
    result = plan_store([article("A", "B", "A")], histories, "sha1")
    assert (result.already_stored, result.given_again) == (3, 0)


def test_a_flip_flop_skipped_when_first_stored_is_already_stored_when_given_again() -> None:
    """A B A B A C: the third A was skipped as a flip-flop; given again, it is a text the
    repository holds (the article's newest version is later), and was counted as given again by
    another input of the run, where the run had one input."""
    histories: dict[str, FileHistory] = {}
    first = plan_store([article("A", "B", "A", "B", "A", "C")], histories, "sha1")
    assert [(s.number, s.reason) for s in first.skipped] == [(4, SkipReason.FLIP_FLOP)]
    again = plan_store([article("A", "B", "A", "B", "A", "C")], histories, "sha1")
    assert (again.already_stored, again.given_again) == (6, 0)


def test_a_whole_readings_versions_are_encoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A version of a reading that held every stored text was encoded twice: once to compare
    its text, again to write its commit with `Revdiff-Whole-Reading`."""
    histories: dict[str, FileHistory] = {}
    plan_store([article("A", "B")], histories, "sha1")
    calls: list[tuple[str, ...]] = []

    def counted(title: str, paragraphs: tuple[str, ...], where: str) -> tuple[bytes, str | None]:
        calls.append(paragraphs)
        return encode_version_file(title, paragraphs, where)

    monkeypatch.setattr(encode, "encode_version_file", counted)
    result = plan_store([article("A", "B", "C")], histories, "sha1")
    assert planned(result) == [2]
    assert calls == [("A",), ("B",), ("C",)]  # planning; writing encodes the commit's again
    assert "Revdiff-Whole-Reading: true" in result.commits[0].encoded().message


def _bytes_held(root: object) -> int:
    """The bytes of every `bytes` object reachable from `root`."""
    import gc

    seen: set[int] = set()
    held, todo = 0, [root]
    while todo:
        thing = todo.pop()
        if id(thing) in seen or isinstance(thing, type):
            continue
        seen.add(id(thing))
        if isinstance(thing, bytes):
            held += len(thing)
        todo.extend(gc.get_referents(thing))
    return held


def test_the_plan_holds_no_versions_file() -> None:
    """Each planned commit kept its version's file bytes from planning to writing: a second copy
    of every text to store beside the articles (1.2 GB for a NewsEdits file of 480 MB, whose
    articles took 0.7 GB). A commit's file is encoded again as it is written."""
    texts = [f"{n} " + "word " * 200_000 for n in range(3)]
    result = plan_store([article(*texts)], {}, "sha1")
    assert planned(result) == [0, 1, 2]
    assert _bytes_held(result.commits) < 100_000
    encoded = [commit.encoded() for commit in result.commits]
    assert [e.data for e in encoded] == [encode_version_file("Title", (t,), "x")[0] for t in texts]
