"""Reading git repositories of versions: revdiff's store, NewsDiffs archives, any repository."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import git
import pytest

from revdiff.errors import EmptyInput, StoreError
from revdiff.formats import load
from revdiff.formats.git_layout import parse_trailers
from revdiff.formats.gitrepo import is_repository, read_repository
from revdiff.model import Article, Version
from revdiff.store import store_articles

PARIS = timezone(timedelta(hours=1))


def commit_file(repo: git.Repo, path: str, text: str, message: str, when: datetime) -> None:
    target = Path(repo.working_tree_dir) / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    repo.index.add([path])
    actor = git.Actor("NewsDiffs", "newsdiffs@example.org")
    offset = int(when.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    raw = f"{int(when.timestamp())} {'-' if offset < 0 else '+'}{abs(offset) // 60:02d}" \
          f"{abs(offset) % 60:02d}"
    repo.index.commit(message, author=actor, committer=actor, author_date=raw, commit_date=raw)


def newsdiffs_file(date: str, title: str, byline: str, *paragraphs: str) -> str:
    return f"{date}\n{title}\n{byline}\n\n" + "\n\n".join(paragraphs) + "\n"


def test_newsdiffs_archive_is_read(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path / "2014-01", initial_branch="master")
    story = "www.nytimes.com/2014/01/07/us/politics/budget.html"
    other = "https:/www.bbc.co.uk/news/world-25000000"
    t0 = datetime(2014, 1, 7, 9, 15, tzinfo=PARIS)
    commit_file(repo, story, newsdiffs_file("January 7, 2014", "Budget Talks Stall",
                                            "By JANE DOE", "Talks stalled.", "More later."),
                f"Adding file {story}", t0)
    commit_file(repo, other, newsdiffs_file("7 January 2014", "Storm hits coast", "",
                                            "A storm hit."),
                f"Adding file {other}", t0 + timedelta(minutes=5))
    commit_file(repo, story, newsdiffs_file("January 7, 2014", "Budget Talks Resume",
                                            "By JANE DOE and JOHN ROE", "Talks resumed.",
                                            "A deal is\nnear.", "More later."),
                f"Change to {story}", t0 + timedelta(hours=2))
    articles = read_repository(tmp_path / "2014-01")
    assert [a.url for a in articles] == [f"http://{story}",
                                         "https://www.bbc.co.uk/news/world-25000000"]
    budget = articles[0]
    assert budget.source == "nyt" and articles[1].source == "bbc"
    assert [v.title for v in budget.versions] == ["Budget Talks Stall", "Budget Talks Resume"]
    assert budget.versions[1].paragraphs == ("Talks resumed.", "A deal is near.", "More later.")
    assert budget.versions[0].paragraphs == ("Talks stalled.", "More later.")
    assert [v.time for v in budget.versions] == [t0, t0 + timedelta(hours=2)]
    assert budget.versions[1].time.utcoffset() == timedelta(hours=1)
    assert budget.metadata["byline"] == "By JANE DOE and JOHN ROE"
    assert budget.warnings == ()


def test_any_repository_every_commit_is_a_version(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path / "r", initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(repo, "notes/story.txt", "Line one.\nLine two.\n", "first", when)
    commit_file(repo, "other.txt", "Unrelated.\n", "other file", when + timedelta(minutes=1))
    commit_file(repo, "notes/story.txt", "Line one.\nLine 2.\n", "edit", when + timedelta(hours=1))
    story, other = read_repository(tmp_path / "r")
    assert [v.paragraphs for v in story.versions] == [("Line one.", "Line two."),
                                                      ("Line one.", "Line 2.")]
    assert [v.number for v in story.versions] == [0, 1]
    assert story.versions[1].time == when + timedelta(hours=1)
    assert story.versions[0].title == "story.txt" and story.metadata["path"] == "notes/story.txt"
    assert len(other.versions) == 1


def test_store_and_load_give_the_same_articles(tmp_path: Path) -> None:
    articles = [
        Article("guardian", "https://www.theguardian.com/a", (
            Version(1, "One", ("Para one.", "Para two."), datetime(2023, 1, 1, tzinfo=PARIS)),
            Version(2, "One, updated", ("Para one.", "Para two!"), None, "3 days later"))),
        Article(None, None, (Version(0, "0.txt", ("plain",)), Version(1, "1.txt", ("plain",)))),
    ]
    store_articles(articles, tmp_path / "s")
    assert is_repository(tmp_path / "s")
    assert load([str(tmp_path / "s")]) == articles


def test_linked_worktree_is_read_at_its_own_head(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path / "r", initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(repo, "story.txt", "One.\n", "first", when)
    commit_file(repo, "story.txt", "Two.\n", "second", when + timedelta(hours=1))
    repo.git.worktree("add", "--detach", str(tmp_path / "linked"), "HEAD~1")
    [story] = read_repository(tmp_path / "linked")
    assert [v.paragraphs for v in story.versions] == [("One.",)]


def test_odd_paths_and_messages_are_parsed(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path / "r", initial_branch="main")
    when = datetime(2020, 5, 1, tzinfo=UTC)
    commit_file(repo, 'we"ird\nname.txt', "x\n", "@@0123 not a header\x01\n\n:000 fake", when)
    commit_file(repo, "b.txt", "y\n", "", when)
    articles = read_repository(tmp_path / "r")
    assert [a.metadata["path"] for a in articles] == ['we"ird\nname.txt', "b.txt"]


def test_trailers_are_only_the_last_paragraph() -> None:
    message = "Version 1: T\n\nBody: not a trailer here\nmore text\n\nRevdiff-Version: 1\n"
    assert parse_trailers(message) == {"Revdiff-Version": "1"}
    assert parse_trailers("Subject only: no trailers") == {}


def test_empty_repository_is_an_error(tmp_path: Path) -> None:
    git.Repo.init(tmp_path / "r")
    with pytest.raises(EmptyInput, match="no commits"):
        read_repository(tmp_path / "r")


def test_not_a_repository_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a git repository"):
        read_repository(tmp_path)


# --- damaged commits: one error line and exit 2, or a warning --------------------------------

def raw_commits(repo_dir: Path, *commits: tuple[str, str, str]) -> list[str]:
    """Commits written byte by byte (git's porcelain refuses odd dates): for each, the text of
    `story.txt`, the author date as git stores it, and the message. Returns the blob ids."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo_dir)], check=True)
    parent, blobs = None, []
    for text, author_date, message in commits:
        blob = git_output(repo_dir, "hash-object", "-w", "--stdin", stdin=text)
        tree = git_output(repo_dir, "mktree", stdin=f"100644 blob {blob}\tstory.txt\n")
        body = (f"tree {tree}\n" + (f"parent {parent}\n" if parent else "")
                + f"author A <a@example.org> {author_date}\n"
                + f"committer A <a@example.org> 1600000000 +0000\n\n{message}")
        parent = git_output(repo_dir, "hash-object", "-t", "commit", "-w", "--literally", "--stdin",
                     stdin=body)
        blobs.append(blob)
    git_output(repo_dir, "update-ref", "refs/heads/main", str(parent))
    return blobs


def git_output(repo_dir: Path, *args: str, stdin: str = "") -> str:
    return subprocess.run(["git", "-C", str(repo_dir), *args], input=stdin.encode(),
                          capture_output=True, check=True).stdout.decode().strip()


def parse_cli(repo_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo_dir), "--format",
                           "json"], capture_output=True, text=True, timeout=120, check=False)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    for word in words:
        assert word in result.stderr


STORED = "Version 1: T\n\nRevdiff-Url: https://example.com/a\nRevdiff-Version: 1\n"


@pytest.mark.parametrize(("trailer", "named"), [
    ("Revdiff-Changes: many", "Revdiff-Changes is not a number"),
    ("Revdiff-Changes: 1e3", "Revdiff-Changes is not a number"),
    ("Revdiff-Metadata: {not json", "Revdiff-Metadata is not a JSON object"),
    ("Revdiff-Metadata: [1, 2]", "Revdiff-Metadata is not a JSON object"),
    ("Revdiff-Metadata: \"text\"", "Revdiff-Metadata is not a JSON object"),
    pytest.param("Revdiff-Metadata: " + "[" * 100_000, "Revdiff-Metadata is not a JSON object",
                 id="Revdiff-Metadata: deeply nested"),
])
def test_malformed_trailers_are_one_error_line(tmp_path: Path, trailer: str, named: str) -> None:
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000", STORED + trailer + "\n"))
    assert_one_error_line(parse_cli(tmp_path / "r"), named, "story.txt")


@pytest.mark.parametrize(("damage", "named"), [
    ("missing", "is missing from the repository"),
    ("corrupt", "cannot be read"),
])
def test_missing_or_corrupt_blob_is_one_error_line(tmp_path: Path, damage: str,
                                                   named: str) -> None:
    blob = raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"),
                       ("Two lines.\n", "1600000100 +0000", "two"))[1]
    loose = tmp_path / "r" / ".git" / "objects" / blob[:2] / blob[2:]
    loose.chmod(0o644)
    if damage == "missing":
        loose.unlink()
    else:
        loose.write_bytes(b"x\x9c not zlib at all")
    assert_one_error_line(parse_cli(tmp_path / "r"), named)


@pytest.mark.parametrize(("author_date", "named"), [
    ("99999999999999 +0000", "author date 99999999999999 +0000 is out of range"),
    ("253402300799 +0100", "is out of range"),  # the last second of 9999 UTC, an hour east
    ("1600000000 +9999", "author time zone +9999 is not a time zone"),
    ("1600000000 -2400", "author time zone -2400 is not a time zone"),
])
def test_impossible_author_dates_are_one_error_line(tmp_path: Path, author_date: str,
                                                    named: str) -> None:
    raw_commits(tmp_path / "r", ("One line.\n", author_date, "one"))
    assert_one_error_line(parse_cli(tmp_path / "r"), named, "story.txt")


def test_negative_author_date_is_kept_with_a_warning(tmp_path: Path) -> None:
    raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"),
                ("Two lines.\n", "-5 +0000", "two"), ("Three.\n", "1600000200 -2359", "three"))
    [story] = read_repository(tmp_path / "r")
    assert [v.paragraphs for v in story.versions] == [("One line.",), ("Two lines.",),
                                                      ("Three.",)]
    assert story.versions[1].time is None
    assert story.versions[2].time == datetime(2020, 9, 13, 12, 30, tzinfo=UTC)
    assert story.versions[2].time.utcoffset() == -timedelta(hours=23, minutes=59)
    assert len(story.warnings) == 1 and "author date missing or negative" in story.warnings[0]
