"""What a store run says it did (`revdiff.store.summary`): counts, skips, thousands grouped."""

from __future__ import annotations

from pathlib import Path

from revdiff.formats.gitrepo import read_repository
from revdiff.model import Article, Version
from revdiff.store import (
    SkippedVersion,
    SkipReason,
    StoreSummary,
    store_articles,
)


def test_skips_are_reported_and_not_stored(tmp_path: Path) -> None:
    texts = ["A", "A", "B", "A", "B", "A", "C"]
    article = Article(None, "https://example.com/flip",
                      tuple(Version(n, "T", (t,)) for n, t in enumerate(texts)))
    summary = store_articles([article], tmp_path / "r")
    assert [(s.number, s.reason) for s in summary.skipped] == [
        (1, SkipReason.UNCHANGED), (5, SkipReason.FLIP_FLOP)]
    assert [v.number for v in read_repository(tmp_path / "r")[0].versions] == [0, 2, 3, 4, 6]
    assert "1 unchanged" in summary.describe() and "1 flip-flop" in summary.describe()


def test_the_summary_groups_thousands_as_the_progress_bar_does() -> None:
    """A run of thousands of versions drew `storing versions: 1,548/1,548` on its bar, then
    summed it up as `1548 versions stored`: the counts read alike in both, as in export's."""
    skipped = tuple(SkippedVersion("a.txt", None, n, SkipReason.UNCHANGED) for n in range(1200))
    summary = StoreSummary("r", "main", 1296, 1548, 2000, skipped)
    assert summary.describe() == (
        "1,296 articles: 1,548 versions stored, 2,000 already stored, 1,200 skipped (1,200 "
        "unchanged: identical to the version stored before it) in r [main]")


def test_the_summary_writes_a_name_no_encoding_holds_as_escapes() -> None:
    """A repository or branch name holding a lone UTF-16 half, which no output takes, is written
    with escapes as every other name revdiff shows (`name_text`): the summary's own conversion
    raised UnicodeEncodeError on it, after the versions were stored."""
    summary = StoreSummary("caf\udce9", "b\ud800", 1, 1, 0, ())
    assert summary.describe().endswith("in caf\\xe9 [b\\ud800]")


def test_the_summary_counts_an_article_given_twice_once(tmp_path: Path) -> None:
    """A month of a tracker's daily databases stored in one run (`store day*.db`) gives each
    article once a database: the summary said `6 articles` of three days' readings of two,
    where the repository holds and the run touched two article files."""
    def day(last: int) -> list[Article]:
        return [Article(None, f"https://example.com/{name}",
                        tuple(Version(n, "T", (f"{name} {n}",)) for n in range(last + 1)))
                for name in ("a", "b")]
    summary = store_articles([*day(0), *day(1), *day(2)], tmp_path / "r")
    assert (summary.articles, summary.stored, summary.already_stored) == (2, 6, 0)
    assert summary.describe().startswith(
        "2 articles: 6 versions stored, 0 already stored, 6 given again by another input, "
        "0 skipped")
    assert len(read_repository(tmp_path / "r")) == 2
