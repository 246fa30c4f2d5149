"""store_articles on real repositories: round trips, idempotence, warnings, hostile URLs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import git
import pytest
from git_checks import commit_count, fsck
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_store_paths import HOSTILE

from revdiff.formats import load
from revdiff.formats.elision import ELISION, compared_versions, cut_version
from revdiff.formats.fields import time_from_problem, time_text_after
from revdiff.formats.git_history import read_history
from revdiff.formats.git_layout import TRAILER_VERSION, parse_trailers
from revdiff.formats.gitrepo import read_repository
from revdiff.formats.plain import read_versions
from revdiff.model import Article, Version
from revdiff.render.newsdiffs import DiffPageInfo, render_raw_page, render_rendered_page
from revdiff.render.nytdiff import write_database as write_nytdiff
from revdiff.safe_git import sanitized_clone
from revdiff.store import article_path, store_articles

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
WIKIPEDIA = SHARED / "corpus" / "wikipedia"


def kept_by_newsdiffs_rules(article: Article) -> Article:
    """The versions a store keeps: none identical to the one before, no text a third time."""
    kept: list[Version] = []
    seen: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for version in article.versions:
        text = (version.title, version.paragraphs)
        if kept and (kept[-1].title, kept[-1].paragraphs) == text:
            continue
        if seen[text] >= 2:
            continue
        seen[text] += 1
        kept.append(version)
    return replace(article, versions=tuple(kept))


def read_back_as(article: Article) -> Article:
    """What the git reader gives of the versions a store keeps (`kept_by_newsdiffs_rules`): a
    time counted from a version the store skipped still names it."""
    return kept_by_newsdiffs_rules(article)


def wikipedia_articles() -> list[Article]:
    if not WIKIPEDIA.is_dir():
        pytest.skip(f"the shared Wikipedia corpus is not at {WIKIPEDIA}")
    articles = []
    for chain in sorted(p for p in WIKIPEDIA.iterdir() if p.is_dir()):
        files = sorted(chain.iterdir(), key=lambda p: int(p.stem))
        article = read_versions([(f.name, f.read_text(encoding="utf-8")) for f in files])
        # titled by file name, so that revisions that left the text as it was stay versions
        titled = tuple(replace(v, title=f.name) for v, f in zip(article.versions, files))
        articles.append(replace(article, source="wikipedia", versions=titled,
                                url=f"https://en.wikipedia.org/wiki/{chain.name}"))
    return articles


# --- generated articles ------------------------------------------------------------------------

# whole minutes, as inputs give them (Python reads `+00:00:00.000001` back as `+00:00`)
offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
    lambda minutes: timedelta(minutes=minutes))
times = st.one_of(st.none(), st.datetimes(timezones=st.one_of(
    st.none(), st.just(UTC), st.builds(timezone, offsets))))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    count = draw(st.integers(min_value=1, max_value=6))
    numbers = sorted(draw(st.sets(st.integers(min_value=0, max_value=10_000),
                                  min_size=count, max_size=count)))
    pool = draw(st.lists(st.tuples(st.text(max_size=30), st.lists(st.text(max_size=40),
                                                                  max_size=4).map(tuple)),
                         min_size=1, max_size=3))
    told = {n: draw(st.one_of(st.none(), st.text(max_size=20))) for n in numbers}
    # a time counted from another version the store takes (`... later` from an earlier one)
    versions = tuple(Version(n, *draw(st.sampled_from(pool)), draw(times), told[n],
                             time_from=draw(st.one_of(st.none(), st.sampled_from(
                                 [other for other in numbers
                                  if time_from_problem(n, other, told[n]) is None]
                                 or [None]))),
                             cut=draw(st.booleans()))
                     for n in numbers)
    return Article(draw(st.one_of(st.none(), st.text(max_size=10))),
                   draw(st.one_of(st.none(), st.text(max_size=60))),
                   versions,
                   draw(st.one_of(st.none(), st.integers())),
                   draw(st.dictionaries(st.text(max_size=8), st.text(max_size=20), max_size=2)),
                   tuple(draw(st.lists(st.text(max_size=30), max_size=3, unique=True))))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=4, unique_by=article_path))
# a count of versions below 0 (a NewsEdits file's num_versions may be any integer) was written
# as Revdiff-Changes and refused when read back
@example([Article(None, None, (Version(0, "", ()), Version(1, "", ())), -1)])
def test_generated_articles_round_trip(given_articles: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        repo_dir = Path(tmp) / "store"
        summary = store_articles(given_articles, repo_dir)
        expected = [read_back_as(a) for a in given_articles]
        back = read_repository(repo_dir)
        assert back == expected
        for got, want in zip(back, expected):  # equal instants are not enough: same offsets
            assert [v.time.utcoffset() if v.time else None for v in got.versions] == \
                   [v.time.utcoffset() if v.time else None for v in want.versions]
        assert summary.stored == sum(len(a.versions) for a in expected)
        assert len(summary.skipped) == sum(len(a.versions) for a in given_articles) - \
            summary.stored
        again = store_articles(given_articles, repo_dir)
        # nothing is stored again; a flip-flop skipped the first time is now a text the archive
        # holds under an older number, `already stored`
        assert again.stored == 0
        assert again.already_stored + len(again.skipped) == summary.stored + len(summary.skipped)
        assert commit_count(repo_dir) == summary.stored


# --- the Wikipedia chains ----------------------------------------------------------------------

def test_wikipedia_chains_round_trip_and_rerun_adds_nothing(tmp_path: Path) -> None:
    articles = wikipedia_articles()
    repo_dir = tmp_path / "archive"
    total = sum(len(a.versions) for a in articles)
    summary = store_articles(articles, repo_dir)
    assert (summary.stored, summary.skipped) == (total, ())
    assert read_repository(repo_dir) == articles
    assert load([str(repo_dir)]) == articles
    fsck(repo_dir)
    head = git.Repo(repo_dir).head.commit.hexsha
    again = store_articles(articles, repo_dir)
    assert (again.stored, again.already_stored) == (0, total)
    assert git.Repo(repo_dir).head.commit.hexsha == head


def test_a_new_version_adds_one_commit(tmp_path: Path) -> None:
    article = Article("bbc", "https://www.bbc.co.uk/news/uk-1", (
        Version(1, "Flood warning", ("Rain is expected.",),
                datetime(2024, 2, 1, 9, 0, tzinfo=UTC)),))
    store_articles([article], tmp_path / "r")
    longer = replace(article, versions=article.versions + (
        Version(2, "Flood warning issued", ("Rain is expected.", "Rivers are rising."),
                datetime(2024, 2, 1, 11, 30, tzinfo=timezone(timedelta(hours=1)))),))
    summary = store_articles([longer], tmp_path / "r")
    assert (summary.stored, summary.already_stored) == (1, 1)
    assert commit_count(tmp_path / "r") == 2
    assert read_repository(tmp_path / "r") == [longer]
    commit = git.Repo(tmp_path / "r").head.commit
    assert commit.authored_datetime == longer.versions[1].time
    assert commit.message.startswith("Version 2: Flood warning issued")
    assert parse_trailers(commit.message)["Revdiff-Url"] == article.url


def test_a_later_run_that_cut_a_stored_version_leaves_its_real_mark_article_text(
        tmp_path: Path) -> None:
    # a raw NewsDiffs page stores version 2 whole, with a paragraph that reads [...]; a later
    # run's rendered page cuts version 2 (its text is not stored again) and stores version 3.
    # Read back, the later run's warning that version 2 is incomplete made its real [...] a cut
    # mark, left out of every comparison
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    quoting = Version(2, "T", (*p[:3], ELISION, *p[3:]))
    later = Version(3, "T", (*quoting.paragraphs[:6], "Inserted.", *quoting.paragraphs[6:]))
    info = DiffPageInfo("https://example.com/a")
    (tmp_path / "raw.html").write_text(render_raw_page(Version(1, "T", p), quoting, info), "utf-8")
    (tmp_path / "cut.html").write_text(render_rendered_page(quoting, later, info), "utf-8")
    store_articles(load([str(tmp_path / "raw.html")]), tmp_path / "r")
    store_articles(load([str(tmp_path / "cut.html")]), tmp_path / "r")
    [back] = read_repository(tmp_path / "r")
    assert [v.number for v in back.versions] == [1, 2, 3]
    compared = compared_versions(back)
    assert compared[1].paragraphs == quoting.paragraphs
    assert ELISION in back.versions[2].paragraphs and ELISION not in compared[2].paragraphs


def test_a_later_run_that_cut_a_stored_version_leaves_it_unwarned_of(tmp_path: Path) -> None:
    # the store holds version 1 whole; a later run's rendered page cuts versions 1 and 2 and
    # stores version 2. Read back, the article kept that run's warning that version 1 is
    # incomplete, though the version read back is whole
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    first, second = Version(1, "T", p), Version(2, "T", (*p[:6], "Inserted.", *p[6:]))
    page = render_rendered_page(first, second, DiffPageInfo("https://example.com/a"))
    (tmp_path / "cut.html").write_text(page, "utf-8")
    store_articles([Article(None, "https://example.com/a", (first,))], tmp_path / "r")
    [cut] = load([str(tmp_path / "cut.html")])
    assert {cut_version(warning) for warning in cut.warnings} >= {1, 2}
    store_articles([cut], tmp_path / "r")
    [back] = read_repository(tmp_path / "r")
    assert [(version.number, version.cut) for version in back.versions] == [(1, False), (2, True)]
    assert [n for warning in back.warnings if (n := cut_version(warning)) is not None] == [2]


@pytest.mark.parametrize("number", [-1, -15, 10 ** 255], ids=["-1", "-15", "256 digits"])
def test_a_version_number_no_reader_reads_back_is_refused_before_anything_is_written(
        tmp_path: Path, number: int) -> None:
    """`Revdiff-Version: -1` was written, which the git reader now refuses as every reader does;
    so was a number of 256 digits, more than a file name holds and the reader reads."""
    from revdiff.errors import StoreError
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),
                                                        Version(number, "T", ("y",))))
    with pytest.raises(StoreError, match=f"version {number} cannot be stored"):
        store_articles([article], tmp_path / "archive")
    assert not git.Repo(tmp_path / "archive").head.is_valid()


@pytest.mark.parametrize("number", [-1, 10 ** 255], ids=["-1", "256 digits"])
def test_a_time_counted_from_a_number_no_reader_reads_back_is_refused(
        tmp_path: Path, number: int) -> None:
    """`Revdiff-Time-From: -1` was written, and reading the store back refused the commit."""
    from revdiff.errors import StoreError
    article = Article(None, "https://example.com/a", (
        Version(0, "T", ("x",)), Version(1, "T", ("y",), time_text="about 1 hour later",
                                         time_from=number)))
    with pytest.raises(StoreError, match=f"version 1 cannot be stored: its time counts from "
                                         f"version {number}"):
        store_articles([article], tmp_path / "archive")
    assert not git.Repo(tmp_path / "archive").head.is_valid()


@pytest.mark.parametrize(("told", "number", "problem"), [
    ("about 1 hour later", 7, "names a version after it"),
    ("about 1 hour later", 1, "names the version itself"),
    ("about 1 hour earlier", 0, "names a version before it")])
def test_a_time_counted_from_no_other_version_of_the_article_is_refused(
        tmp_path: Path, told: str, number: int, problem: str) -> None:
    """A time counted from version 7 of an article of versions 0 and 1, or from version 1
    itself, or `... earlier` than version 0, was stored, and the git reader reads it back
    counted from the version before it."""
    from revdiff.errors import StoreError
    article = Article(None, "https://example.com/a", (
        Version(0, "T", ("x",)), Version(1, "T", ("y",), time_text=told, time_from=number)))
    with pytest.raises(StoreError, match=f"version 1 cannot be stored: its time_from {number} "
                                         f"{problem}"):
        store_articles([article], tmp_path / "archive")
    assert not git.Repo(tmp_path / "archive").head.is_valid()


def test_a_time_counted_from_a_version_skipped_as_unchanged_reads_back_unwarned(
        tmp_path: Path) -> None:
    """Version 3's time counts from version 1, which the store skips (its text is version 0's):
    reading the store back warned that Revdiff-Time-From 1 names no version and read the time
    as counted from version 2, so `about 1 hour later` was shown after version 2."""
    article = Article(None, "https://example.com/a", (
        Version(0, "T", ("x",)), Version(1, "T", ("x",)), Version(2, "T", ("y",)),
        Version(3, "T", ("z",), time_text="about 1 hour later", time_from=1)))
    store_articles([article], tmp_path / "archive")
    (back,) = read_repository(tmp_path / "archive")
    assert [v.number for v in back.versions] == [0, 2, 3]
    assert back.warnings == ()
    assert back.versions[2].time_from == 1
    assert time_text_after(back.versions[2], back.versions[1]) is None


def test_versions_numbered_by_long_timestamps_are_stored_and_read_back(tmp_path: Path) -> None:
    article = Article(None, "https://example.com/a", (Version(1578142800000000, "T", ("x",)),
                                                        Version(1578146400000000, "T", ("y",))))
    assert store_articles([article], tmp_path / "archive").stored == 2
    assert read_repository(tmp_path / "archive") == [article]


def test_hostile_urls_stay_inside_the_repository(tmp_path: Path) -> None:
    repo_dir = tmp_path / "inside"
    articles = [Article("evil", url, (Version(0, "t", (f"text {i}",)),))
                for i, url in enumerate(HOSTILE) if url]
    summary = store_articles(articles, repo_dir)
    assert summary.stored == len(articles)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inside"]
    inside = repo_dir.resolve()
    files = [p for p in repo_dir.rglob("*") if p.is_file() and ".git" not in p.relative_to(
        repo_dir).parts[:1]]
    assert len(files) == len(articles)
    assert all(p.resolve().is_relative_to(inside) for p in files)
    fsck(repo_dir)
    assert read_repository(repo_dir) == articles


def test_no_version_is_stored_twice(tmp_path: Path) -> None:
    articles = wikipedia_articles()[:20]
    store_articles(articles[:10], tmp_path / "r")
    store_articles(articles, tmp_path / "r")
    store_articles(articles, tmp_path / "r")
    with sanitized_clone(tmp_path / "r") as clone:
        keys = [(c.path, parse_trailers(c.message)[TRAILER_VERSION])
                for c in read_history(clone, "HEAD", str(tmp_path / "r"))]
    assert len(keys) == len(set(keys)) == sum(len(a.versions) for a in articles)


def test_metadata_survives(tmp_path: Path) -> None:
    article = Article("nyt", "https://www.nytimes.com/2024/01/01/x.html",
                      (Version(3, "Title: with \"quotes\"\nand a newline ", ("P",),
                               None, "about 1 hour later"),),
                      changes=16, metadata={"byline": "By Someone", "note": json.dumps([1])})
    store_articles([article], tmp_path / "r")
    assert read_repository(tmp_path / "r") == [article]


def test_the_version_a_time_counts_from_survives(tmp_path: Path) -> None:
    """A News Sniffer time told from another version read back told from the version numbered
    before it: v1's `about 1 hour earlier`, told from v2, was shown after v0."""
    article = Article("bbc", "https://www.bbc.co.uk/news/x", (
        Version(0, "Zero", ("A.",)),
        Version(1, "One", ("A.", "B."), None, "about 1 hour earlier", 2),
        Version(2, "Two", ("A.", "B.", "C."))))
    store_articles([article], tmp_path / "r")
    assert read_repository(tmp_path / "r") == [article]


WARNINGS = ("page.txt: 41 of 42 rows could not be decided with certainty (lines 10-36)",
            'a "quoted"\nwarning\twith\x1b[31m controls\u2028 and \ud7ff ',
            "[\"looks like JSON\"]")


def test_warnings_are_stored_and_read_back(tmp_path: Path) -> None:
    article = Article("washpo", "https://www.washingtonpost.com/x.html",
                      (Version(6, "Six", ("A.",)), Version(7, "Seven", ("A.", "B."))),
                      warnings=WARNINGS)
    store_articles([article], tmp_path / "r")
    assert read_repository(tmp_path / "r") == [article]
    plain = replace(article, url="https://example.com/y", warnings=())
    store_articles([plain], tmp_path / "r")  # written as before: no warnings trailer
    with sanitized_clone(tmp_path / "r") as clone:
        messages = [c.message for c in read_history(clone, "HEAD", str(tmp_path / "r"))]
    assert ["Revdiff-Warnings" in m for m in messages] == [True, True, False, False]
    assert read_repository(tmp_path / "r") == [article, plain]


def test_warnings_of_every_stored_version_stay_and_do_not_make_a_version_new(
        tmp_path: Path) -> None:
    url = "https://www.washingtonpost.com/x.html"
    guessed = Article("washpo", url, (Version(6, "Six", ("A.",)), Version(7, "Seven", ("B.",))),
                      warnings=WARNINGS[:1])
    store_articles([guessed], tmp_path / "r")
    # read again exactly: the same texts are the same versions, whatever the reading said
    exact = replace(guessed, warnings=())
    again = store_articles([exact], tmp_path / "r")
    assert (again.stored, again.already_stored) == (0, 2)
    warned_otherwise = replace(guessed, warnings=("another reading's warning",))
    assert store_articles([warned_otherwise], tmp_path / "r").already_stored == 2
    # a later version read alone keeps the warnings of the versions read before it
    eight = Version(8, "Eight", ("C.",))
    assert store_articles([replace(exact, versions=(eight,))], tmp_path / "r").stored == 1
    later = replace(exact, versions=(*exact.versions, eight))
    assert read_repository(tmp_path / "r") == [replace(later, warnings=WARNINGS[:1])]
    # a reading of every stored version and a new one is the article's reading: its warnings
    # (none) are the article's (`Revdiff-Whole-Reading`)
    latest = replace(later, versions=(*later.versions, Version(9, "Nine", ("D.",))))
    assert store_articles([latest], tmp_path / "r").stored == 1
    assert read_repository(tmp_path / "r") == [latest]


def test_progress_goes_to_the_callers_callback_and_the_library_needs_no_terminal(
        tmp_path: Path) -> None:
    article = Article(None, "https://example.com/p", (Version(0, "T", ("x",)),
                                                        Version(1, "T", ("y",))))
    calls: list[tuple[str, int]] = []

    def start(total: int) -> Callable[[int], None]:
        calls.append(("start", total))
        return lambda steps: calls.append(("step", steps))

    store_articles([article], tmp_path / "r", progress=start)
    assert calls == [("start", 2), ("step", 1), ("step", 1)]
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, revdiff.store.writer; print('click' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "False"


@pytest.mark.parametrize("urls", [
    ("https://example.com/Story", "https://example.com/story"),
    ("https://example.com/caf\u00e9", "https://example.com/cafe\u0301"),
])
def test_urls_alike_but_for_case_or_normalisation_keep_files_of_their_own(
        tmp_path: Path, urls: tuple[str, str]) -> None:
    # git init sets core.ignorecase on a file system that ignores case (macOS, Windows, a FAT
    # drive); fast-import then wrote the second article into the first one's file.
    repo_dir = tmp_path / "store"
    git.Repo.init(repo_dir).close()
    subprocess.run(["git", "-C", str(repo_dir), "config", "core.ignorecase", "true"], check=True)
    first, second = (Article("test", url, (Version(1, f"Title {n}", (f"Text {n}.",)),))
                     for n, url in enumerate(urls))
    store_articles([first], repo_dir)
    assert store_articles([second], repo_dir).stored == 1
    later = Article("test", urls[0], (Version(2, "Title 0", ("Text 0, later.",)),))
    assert store_articles([later], repo_dir).stored == 1
    read = {article.url: article for article in read_repository(repo_dir)}
    assert [v.paragraphs for v in read[urls[0]].versions] == [("Text 0.",), ("Text 0, later.",)]
    assert [v.paragraphs for v in read[urls[1]].versions] == [("Text 1.",)]
    tracked = subprocess.run(["git", "-C", str(repo_dir), "ls-files", "-z"], capture_output=True,
                             check=True).stdout.decode().strip("\0").split("\0")
    assert len({unicodedata.normalize("NFC", path).casefold() for path in tracked}) == 2
    fsck(repo_dir)


def test_a_crowded_folder_gets_new_articles_one_folder_down(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    # git writes a folder's whole listing for every commit into it: a flat folder of 10,000
    # articles made a store quadratic
    monkeypatch.setattr("revdiff.store.plan.CROWDED_FOLDER", 3)

    def story(n: int, versions: int = 1) -> Article:
        return Article("bbc", f"https://www.bbc.co.uk/news/world-{n}", tuple(
            Version(k, f"Story {n}", (f"Text {n}, version {k}.",)) for k in range(versions)))

    repo_dir = tmp_path / "r"
    store_articles([story(n) for n in range(3)], repo_dir)
    news = repo_dir / "www.bbc.co.uk" / "news"
    assert sorted(p.name for p in news.iterdir()) == [f"world-{n}.txt" for n in range(3)]
    later = [story(n, versions=2) for n in range(5)]
    assert store_articles(later, repo_dir).stored == 3 + 2 * 2
    flat = sorted(p.name for p in news.iterdir() if p.is_file())
    assert flat == [f"world-{n}.txt" for n in range(3)]  # stored files stay where they are
    fanned = sorted(p.relative_to(news).as_posix() for p in news.glob("*/*.txt"))
    assert sorted(re.sub(r"^[0-9a-f]{2}/(world-\d)~[0-9a-f]{12}\.txt$", r"\1", name)
                  for name in fanned) == ["world-3", "world-4"]
    assert read_repository(repo_dir) == later
    assert store_articles(later, repo_dir).stored == 0


@pytest.mark.parametrize("first_run, second_run", [(5, 1), (3, 5)])
def test_an_article_without_a_url_stays_in_its_file_whether_or_not_its_folder_is_crowded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first_run: int, second_run: int) -> None:
    # an article without a URL is found again by its path only: a later run in which its folder
    # was crowded (or no longer was) put its next version into a second file
    monkeypatch.setattr("revdiff.store.plan.CROWDED_FOLDER", 3)

    def note(n: int, versions: int) -> Article:
        return Article("test", None, tuple(
            Version(k, f"Note {n}", (f"Text {n}, version {k}.",)) for k in range(versions)))

    repo_dir = tmp_path / "r"
    store_articles([note(n, 1) for n in range(first_run)], repo_dir)
    later = [note(n, 2) for n in range(second_run)]
    assert store_articles(later, repo_dir).stored == second_run + max(second_run - first_run, 0)
    assert len(list((repo_dir / "_no-url").rglob("*.txt"))) == max(first_run, second_run)
    fsck(repo_dir)


def test_two_entries_of_one_url_are_stored_as_two_articles(tmp_path: Path) -> None:
    # NewsEdits has entries of their own under one URL (a story published again); the second
    # one's versions were skipped as conflicts, or joined the first one's file as its later
    # versions, and read back as one article named after the last entry stored.
    url = "https://news.example.com/story"

    def entry(entry_id: str, *texts: str) -> Article:
        return Article("news.example.com", url, tuple(
            Version(n, f"Title {entry_id}", (text,)) for n, text in enumerate(texts)),
            metadata={"entry_id": entry_id})

    first, second = entry("1", "One.", "One, later."), entry("2", "Two.", "Two, a.", "Two, b.")
    summary = store_articles([first, second], tmp_path / "r")
    assert (summary.stored, summary.skipped) == (5, ())
    assert read_repository(tmp_path / "r") == [first, second]
    # found again by entry in later runs, whichever run stored which entry first
    assert store_articles([second, first], tmp_path / "r").already_stored == 5
    store_articles([second], tmp_path / "s")
    store_articles([first, second], tmp_path / "s")
    assert sorted(read_repository(tmp_path / "s"), key=lambda a: a.metadata["entry_id"]) \
        == [first, second]
    # another tracker's versions of the article go on in the first entry's file, as before
    other = Article("news.example.com", url, (Version(7, "Title 1", ("One, elsewhere.",)),),
                    metadata={"tracker": "diffengine", "entry_id": "9"})
    assert store_articles([other], tmp_path / "r").stored == 1
    assert [len(article.versions) for article in read_repository(tmp_path / "r")] == [3, 3]


def nytdiff_article(article_id: str, url: str, *texts: str, earlier_urls: str = "") -> Article:
    metadata = {"tracker": "nytdiff", "article_id": article_id}
    if earlier_urls:
        metadata["earlier_urls"] = earlier_urls
    return Article("nyt", url, tuple(Version(n, f"Title {article_id}", (text,))
                                     for n, text in enumerate(texts, start=1)),
                   metadata=metadata)


def test_two_nytdiff_articles_of_one_url_are_stored_as_two_articles(tmp_path: Path) -> None:
    # NYTdiff names its articles by article_id, not entry_id: two of one URL shared a file, the
    # second one's versions skipped as conflicts and the file read back as one article.
    url = "https://www.nytimes.com/live/2020/01/03/world/iran.html"
    first = nytdiff_article("a1", url, "One.", "One, later.")
    second = nytdiff_article("a2", url, "Two.", "Two, a.", "Two, b.")
    summary = store_articles([first, second], tmp_path / "r")
    assert (summary.stored, summary.skipped) == (5, ())
    assert read_repository(tmp_path / "r") == [first, second]
    assert store_articles([second, first], tmp_path / "r").already_stored == 5


def test_the_nytdiff_forks_article_ids_are_not_the_originals(tmp_path: Path) -> None:
    # The RSS fork (`rss_versions`) numbers its articles apart from the original: its article
    # `a2` of a URL, the story the original calls `a1`, went on in the file of the original's
    # `a2` (the story published again), as if it were that article.
    url = "https://www.nytimes.com/2020/01/03/world/iran.html"
    store_articles([nytdiff_article("a1", url, "One.", "One, later."),
                    nytdiff_article("a2", url, "Again.", "Again, later.")], tmp_path / "r")
    fork_file = tmp_path / "fork.db"
    story = nytdiff_article("a1", url, "One.", "One, later.", "One, in the fork.")
    write_nytdiff(fork_file, [replace(story, metadata={"article_id": "a2"})], variant="rss")
    fork = load([str(fork_file)])
    summary = store_articles(fork, tmp_path / "r")
    assert (summary.stored, summary.already_stored, summary.skipped) == (1, 2, ())
    assert [[v.paragraphs for v in article.versions] for article in
            read_repository(tmp_path / "r")] == [
        [("One.",), ("One, later.",), ("One, in the fork.",)],
        [("Again.",), ("Again, later.",)]]


def test_a_nytdiff_article_whose_url_changed_goes_on_in_its_file(tmp_path: Path) -> None:
    # NYTdiff follows an article (its article_id) across URLs, naming the ones it had before in
    # `earlier_urls`: a later run's reading of it went to a file of the new URL, storing its
    # versions a second time, and the store read back as two articles.
    before, after = "https://www.nytimes.com/2020/01/03/a.html", "https://www.nytimes.com/b.html"
    other = nytdiff_article("a2", before, "Another article once at that URL.")
    store_articles([nytdiff_article("a1", before, "One.", "One, later."), other], tmp_path / "r")
    moved = nytdiff_article("a1", after, "One.", "One, later.", "One, moved.",
                            earlier_urls=before)
    summary = store_articles([moved], tmp_path / "r")
    assert (summary.stored, summary.already_stored, summary.skipped) == (1, 2, ())
    assert read_repository(tmp_path / "r") == [moved, other]
    # found by its new URL from then on
    assert store_articles([moved], tmp_path / "r").already_stored == 3


@pytest.mark.parametrize("metadata, named", [
    ({"section": "world", "n": 1}, "the metadata's 'n' is 1 (int)"),
    ({"tags": ["a", "b"]}, "the metadata's 'tags' is \"['a', 'b']\" (list)"),
    ({1: "one"}, "the metadata's key 1 (int)"),
])
def test_metadata_that_is_not_text_is_refused_naming_its_key(
        tmp_path: Path, metadata: dict[object, object], named: str) -> None:
    # Metadata is text keyed by text: `{"n": 1}` was stored and read back as `{"n": "1"}`
    # without a word, and a value JSON cannot write (a datetime) ended in a traceback.
    from revdiff.errors import StoreError
    article = Article("tracker", "https://e.com/a", (Version(0, "Title", ("First.",)),),
                      metadata=metadata)  # type: ignore[arg-type]
    with pytest.raises(StoreError) as refused:
        store_articles([article], tmp_path / "repo")
    assert named in str(refused.value) and "metadata is text" in str(refused.value)
    assert not (tmp_path / "repo").exists() or subprocess.run(
        ["git", "-C", str(tmp_path / "repo"), "rev-parse", "--verify", "-q", "HEAD"],
        capture_output=True, check=False).returncode != 0


@pytest.mark.parametrize("field, article", [
    ("source", Article("tracker\udcff", "https://e.com/a", ())),
    ("URL", Article("tracker", "https://e.com/a\udcff", ())),
    ("metadata", Article("tracker", "https://e.com/a", (), metadata={"section": "w\ud800"})),
    ("metadata", Article("tracker", "https://e.com/a", (), metadata={"\ud800": "world"})),
    ("warnings", Article("tracker", "https://e.com/a", (), warnings=("read \udce9",))),
    ("time text", Article("tracker", "https://e.com/a", ())),
])
def test_a_lone_surrogate_outside_the_text_is_refused_before_anything_is_stored(
        tmp_path: Path, field: str, article: Article) -> None:
    # A library caller's article can hold one (a name decoded with `surrogateescape`): git would
    # take the escaped value, but reading back would refuse the commit or return another string.
    from revdiff.errors import StoreError
    time_text = "about 1 hour later\udcff" if field == "time text" else None
    article = replace(article, versions=(Version(0, "Title", ("First.",)),
                                         Version(1, "Title", ("Second.",), time_text=time_text)))
    with pytest.raises(StoreError, match=f"the {field} holds a lone surrogate"):
        store_articles([article], tmp_path / "repo")
    assert not (tmp_path / "repo").exists() or subprocess.run(
        ["git", "-C", str(tmp_path / "repo"), "rev-parse", "--verify", "-q", "HEAD"],
        capture_output=True, check=False).returncode != 0


def test_warnings_about_a_growing_input_do_not_pile_up_day_after_day(tmp_path: Path) -> None:
    """A folder of dated versions stored day after day: each day's reading warns of the folder as
    a whole (`1 version file gives a date ...`, `2 version files give ...`), and every commit kept
    its day's warning, so that reading the store back gave one stale warning per day where
    reading the folder gives one."""
    folder = tmp_path / "story"
    folder.mkdir()
    for day in (1, 2, 3):
        (folder / f"2024-02-0{day}.txt").write_text(f"Text of day {day}.\n", encoding="utf-8")
        [read] = load([str(folder)])
        store_articles([read], tmp_path / "r")
        assert len(read.warnings) == 1 and read.warnings[0].startswith(
            f"{day} version file{'s' if day > 1 else ''} give")
        [back] = read_repository(tmp_path / "r")
        assert back.warnings == read.warnings
        assert back.versions == read.versions


def test_a_hand_edit_does_not_keep_a_later_whole_reading_from_replacing_warnings(
        tmp_path: Path) -> None:
    """A commit by hand of a stored file holds a text no input holds: a later reading of every
    version the store wrote was taken for a part of the article, so its warnings were added to
    those stored before it again, run after run."""
    repo = tmp_path / "r"
    url = "https://www.washingtonpost.com/x.html"
    six, seven = Version(6, "Six", ("A.",)), Version(7, "Seven", ("B.",))
    store_articles([Article("washpo", url, (six, seven), warnings=("read on day 1",))], repo)
    [stored] = [p for p in repo.rglob("*.txt") if ".git" not in p.parts]
    stored.write_text(stored.read_text(encoding="utf-8") + "\nBy hand.\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=me", "-c", "user.email=me@x",
                    "commit", "-q", "-am", "a note by hand"], check=True)
    nine = Version(9, "Nine", ("C.",))
    day2 = Article("washpo", url, (six, seven, nine), warnings=("read on day 2",))
    assert store_articles([day2], repo).stored == 1
    [back] = read_repository(repo)
    assert [w for w in back.warnings if "(an edit by hand?)" not in w] == ["read on day 2"]
    assert any("(an edit by hand?)" in w for w in back.warnings)  # the reader's, of the edit


def test_a_whole_reading_that_adds_no_version_says_the_stored_warnings_are_an_earlier_ones(
        tmp_path: Path) -> None:
    """An input fixed after it was stored (its reading warns no more) and stored again adds no
    version, so no commit replaces the stored warnings: reading back shows them as before, and
    the run said nothing of it."""
    repo = tmp_path / "r"
    url = "https://www.washingtonpost.com/x.html"
    versions = (Version(6, "Six", ("A.",)), Version(7, "Seven", ("B.",)))
    warned = Article("washpo", url, versions, warnings=("read on day 1",))
    assert "keeps the warnings" not in store_articles([warned], repo).describe()
    assert "keeps the warnings" not in store_articles([warned], repo).describe()  # the same
    fixed = replace(warned, warnings=())
    again = store_articles([fixed], repo)
    assert (again.stored, again.stale_warnings) == (0, 1)
    assert again.describe().endswith(
        "; 1 article keeps the warnings of the input that stored them: a reading of this run "
        "gave every stored text again, warned otherwise and added no version to them, and only "
        "a version added replaces them")
    assert commit_count(repo) == 2  # idempotent: no commit for warnings alone
    assert read_repository(repo)[0].warnings == ("read on day 1",)
    # a part of the article read alone (its newest version) tells nothing of the whole
    assert store_articles([replace(fixed, versions=versions[1:])], repo).stale_warnings == 0
    later = replace(fixed, versions=(*versions, Version(8, "Eight", ("C.",))))
    assert store_articles([later], repo).stale_warnings == 0
    assert read_repository(repo) == [later]
