"""A NewsDiffs archive as it is kept: a folder of month repositories (`articles/2014-01/`,
`articles/2014-02/`), read by `parse`, `diff` and `export` together and one at a time."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from cli_run import revdiff

from revdiff.formats import load

# An article whose file is in both months' repositories: NewsDiffs keeps all the versions of one
# of its articles in the month's repository it was first archived in, so the same file in two is
# two of its articles (a URL archived with its trailing slash and without, one file to NewsDiffs).
SPANNING = "www.nytimes.com/2014/01/31/us/budget.html"
QUERY_1 = "www.bbc.co.uk/news/world?id=1"  # URLs that differ only by query string
QUERY_2 = "www.bbc.co.uk/news/world?id=2"
PERCENT = "www.lemonde.fr/m%C3%A9t%C3%A9o/article.html"
NON_ASCII = "www.spiegel.de/politik/außenpolitik.html"
DELETED = "www.guardian.co.uk/world/gone"


def _git(repo: Path, when: str, *args: str) -> None:
    identity = {"GIT_AUTHOR_NAME": "NewsDiffs", "GIT_AUTHOR_EMAIL": "newsdiffs@example.org",
                "GIT_COMMITTER_NAME": "NewsDiffs", "GIT_COMMITTER_EMAIL": "newsdiffs@example.org",
                "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(repo), "-c", "commit.gpgSign=false", *args],
                   env={**os.environ, **identity}, capture_output=True, check=True)


def _version(date: str, title: str, byline: str, *paragraphs: str) -> str:
    """A version file as NewsDiffs writes it: date, title, byline, a blank line, paragraphs."""
    return f"{date}\n{title}\n{byline}\n\n" + "\n\n".join(paragraphs) + "\n"


def _commit(repo: Path, when: str, path: str, text: str, message: str) -> None:
    (repo / path).parent.mkdir(parents=True, exist_ok=True)
    (repo / path).write_text(text, encoding="utf-8")
    _git(repo, when, "add", "--", path)
    _git(repo, when, "commit", "-q", "-m", message)


def make_archive(folder: Path) -> tuple[Path, Path]:
    """Two months of a NewsDiffs archive side by side in `folder`: URLs that differ only by their
    query string, a percent-encoded and a non-ASCII path, a file deleted then added again, a
    merge, and a file in both months."""
    january, february = folder / "2014-01", folder / "2014-02"
    for repo in (january, february):
        subprocess.run(["git", "init", "-q", "-b", "master", str(repo)], check=True)
    _commit(january, "2014-01-20T10:00:00+0000", QUERY_1,
            _version("20 January 2014", "Query one", "", "One."), f"Adding file {QUERY_1}")
    _commit(january, "2014-01-20T10:05:00+0000", QUERY_2,
            _version("20 January 2014", "Query two", "", "Two."), f"Adding file {QUERY_2}")
    _commit(january, "2014-01-22T10:00:00+0000", PERCENT,
            _version("22 janvier 2014", "Météo", "", "Il pleut."), f"Adding file {PERCENT}")
    _commit(january, "2014-01-22T11:00:00+0000", NON_ASCII,
            _version("22. Januar 2014", "Außenpolitik", "", "Eins."), f"Adding file {NON_ASCII}")
    _commit(january, "2014-01-23T10:00:00+0000", DELETED,
            _version("23 January 2014", "Gone", "", "First."), f"Adding file {DELETED}")
    _git(january, "2014-01-23T11:00:00+0000", "rm", "-q", "--", DELETED)
    _git(january, "2014-01-23T11:00:00+0000", "commit", "-q", "-m", f"Removing {DELETED}")
    _commit(january, "2014-01-23T12:00:00+0000", DELETED,
            _version("23 January 2014", "Back", "", "Back again."), f"Adding file {DELETED}")
    _git(january, "2014-01-24T10:00:00+0000", "checkout", "-q", "-b", "side")
    _commit(january, "2014-01-24T10:00:00+0000", QUERY_1,
            _version("20 January 2014", "Query one", "", "One more."), f"Change to {QUERY_1}")
    _git(january, "2014-01-24T11:00:00+0000", "checkout", "-q", "master")
    _commit(january, "2014-01-24T11:00:00+0000", QUERY_2,
            _version("20 January 2014", "Query two", "", "Two more."), f"Change to {QUERY_2}")
    _git(january, "2014-01-24T12:00:00+0000", "merge", "-q", "--no-ff", "-m", "Merge side",
         "side")
    _commit(january, "2014-01-31T10:00:00+0000", SPANNING,
            _version("January 31, 2014", "Budget", "By A", "Talks stalled."),
            f"Adding file {SPANNING}")
    _commit(january, "2014-01-31T12:00:00+0000", SPANNING,
            _version("January 31, 2014", "Budget", "By A", "Talks resumed."),
            f"Change to {SPANNING}")
    _commit(february, "2014-02-01T09:00:00+0000", SPANNING,
            _version("February 1, 2014", "Budget deal", "By A", "A deal."),
            f"Adding file {SPANNING}")
    _commit(february, "2014-02-02T09:00:00+0000", SPANNING,
            _version("February 2, 2014", "Budget deal", "By A", "A deal is done."),
            f"Change to {SPANNING}")
    return january, february


def _titles(articles: list) -> dict[str | None, list[str]]:
    return {article.url: [version.title for version in article.versions]
            for article in articles}


def test_one_month_is_read_article_by_article(tmp_path: Path) -> None:
    january, _ = make_archive(tmp_path / "articles")
    articles = load([str(january)])
    assert _titles(articles) == {
        f"http://{QUERY_1}": ["Query one", "Query one"],  # the merge brings the branch's text
        f"http://{QUERY_2}": ["Query two", "Query two"],
        f"http://{PERCENT}": ["Météo"],
        f"http://{NON_ASCII}": ["Außenpolitik"],
        f"http://{DELETED}": ["Gone", "Back"],  # added again at its path: it goes on
        f"http://{SPANNING}": ["Budget", "Budget"]}
    assert all(article.warnings == () for article in articles)


def test_a_file_in_two_months_is_an_article_of_each_warned_of(tmp_path: Path) -> None:
    january, february = make_archive(tmp_path / "articles")
    articles = load([str(january), str(february)])
    spanning = [article for article in articles if article.url == f"http://{SPANNING}"]
    assert [[v.title for v in article.versions] for article in spanning] == [
        ["Budget", "Budget"], ["Budget deal", "Budget deal"]]
    assert spanning[0].warnings == ()
    assert spanning[1].warnings == (
        (f"{february}: http://{SPANNING} is also in {january}, read before; each "
        "repository's is an article of its own, not joined (NewsDiffs keeps every version of "
        "one of its articles in one month's repository)"),)
    assert all(article.warnings == () for article in articles if article not in spanning)


def test_export_of_the_folder_of_months_warns_of_the_file_in_two(tmp_path: Path) -> None:
    make_archive(tmp_path / "articles")
    result = revdiff("export", "articles", "-o", "edits.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "also in" in line]
    assert warned == [
        (f"revdiff: warning: articles/2014-02: http://{SPANNING} is also in "
        "articles/2014-01, read before; each repository's is an article of its own, not "
        "joined (NewsDiffs keeps every version of one of its articles in one month's "
        "repository)")]
    rows = [json.loads(line) for line in (tmp_path / "edits.comparisons.jsonl").open()]
    assert [row["article"] for row in rows].count(f"http://{SPANNING}") == 2


def test_a_file_whose_versions_go_back_and_forth_is_warned_of_naming_both_urls(
        tmp_path: Path) -> None:
    # NewsDiffs writes a URL with its trailing slash and without to one file: two of its articles
    # archived in one month each write their text over the other's, and nothing said so
    month = tmp_path / "2014-03"
    subprocess.run(["git", "init", "-q", "-b", "master", str(month)], check=True)
    path = "www.bbc.co.uk/news/uk-1"
    texts = [("Storm", "Rain."), ("Storm hits", "Wind."), ("Storm", "Rain."),
             ("Storm hits", "Wind and rain.")]
    for hour, (title, paragraph) in enumerate(texts, start=10):
        _commit(month, f"2014-03-02T{hour}:00:00+0000", path,
                _version("2 March 2014", title, "", paragraph),
                f"{'Adding file' if hour == 10 else 'Change to'} {path}")
    article, = load([str(month)])
    assert [v.title for v in article.versions] == ["Storm", "Storm hits", "Storm", "Storm hits"]
    assert article.warnings == (
        (f"{path}: version 2 comes back to the text of version 0; NewsDiffs writes "
        f"http://{path} and http://{path}/ to this one file, so two of its articles archived "
        "in one month may be mixed here, and nothing in the archive tells their versions "
        "apart"),)


def test_a_version_of_header_lines_alone_is_kept_and_warned_of(tmp_path: Path) -> None:
    # NewsDiffs writes the header alone when it finds no body on the article's page: it was read
    # as a version without paragraphs, and nothing said so
    month = tmp_path / "2014-04"
    subprocess.run(["git", "init", "-q", "-b", "master", str(month)], check=True)
    path = "www.bbc.co.uk/news/uk-2"
    _commit(month, "2014-04-02T10:00:00+0000", path,
            _version("2 April 2014", "Floods", "", "Water."), f"Adding file {path}")
    _commit(month, "2014-04-02T11:00:00+0000", path, "2 April 2014\nFloods\n\n\n",
            f"Change to {path}")
    article, = load([str(month)])
    assert [v.paragraphs for v in article.versions] == [("Water.",), ()]
    assert len(article.warnings) == 1
    assert article.warnings[0].endswith(
        ": the version holds the date, title and byline lines but no paragraphs; kept as a "
        "version without paragraphs")
