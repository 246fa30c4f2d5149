"""Reading git repositories of versions: revdiff's store, NewsDiffs archives, any repository."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import git
import pytest

from revdiff.broken_git_refs import refuse_unclonable_ref
from revdiff.errors import EmptyInput, EncodingProblem, InputTooLarge, MalformedPage, StoreError
from revdiff.formats import load
from revdiff.formats.git_history import author_time
from revdiff.formats.git_layout import decode_version_file, decode_warnings, parse_trailers
from revdiff.formats.git_trailers import stored_metadata
from revdiff.formats.gitrepo import is_repository, read_repository
from revdiff.formats.newsdiffs import read_page
from revdiff.model import Article, Version
from revdiff.render.newsdiffs import escape_js
from revdiff.safe_git import git_complaint
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
    # each version's lines are kept, as the NewsDiffs page reader keeps them (only the newest
    # version's were)
    assert (budget.metadata["byline.0"], budget.metadata["date.0"]) == ("By JANE DOE",
                                                                        "January 7, 2014")
    assert budget.metadata["byline.1"] == budget.metadata["byline"]
    assert budget.warnings == ()


def test_a_message_that_begins_as_newsdiffs_but_names_another_file_is_no_newsdiffs_commit(
        tmp_path: Path) -> None:
    """A person's `Change to the intro` made the file NewsDiffs's: warned of a missing header,
    and a version whose first line was a date read as one with a URL (`http://story.txt`),
    its second line as the title. NewsDiffs names the file its commit writes."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "First line.\nSecond.\n"}, "Adding file of notes")
    commit_text(repo, 60, {"story.txt": "First line.\nSecond, edited.\n"},
                "Change to the second sentence")
    commit_text(repo, 120, {"story.txt": "January 5, 2020\nA title\nBy Me\n\nBody.\n"},
                "Change to the layout")
    [article] = load([str(repo)])
    assert (article.url, article.source, article.warnings) == (None, None, ())
    assert [v.title for v in article.versions] == ["story.txt"] * 3
    assert article.versions[2].paragraphs == ("January 5, 2020", "A title", "By Me", "Body.")


def test_a_newsdiffs_files_version_from_another_commit_is_read_in_its_layout(
        tmp_path: Path) -> None:
    """A commit of the archive's keeper over many files (line ends normalised, a bulk import)
    names none of them as NewsDiffs does: the file's version it writes, before or after its
    NewsDiffs versions, was read as plain text, titled by its path, its date, title and byline
    lines three paragraphs, which the diff showed deleted. It is read in NewsDiffs' layout, as
    the file's other versions are, warned."""
    repo = new_repository(tmp_path / "archive")
    story, other = "www.x.test/story", "www.x.test/other"
    commit_text(repo, 0, {story: newsdiffs_file("January 7, 2014", "Budget", "By JANE DOE",
                                                "Talks stalled.")}, f"Adding file {story}")
    commit_text(repo, 60, {story: newsdiffs_file("January 7, 2014", "Budget", "By JANE DOE",
                                                 "Talks resumed."),
                           other: newsdiffs_file("January 7, 2014", "Storm", "", "Rain.")},
                f"Change to {story}")
    commit_text(repo, 120, {other: newsdiffs_file("January 7, 2014", "Storm", "", "Snow.")},
                f"Change to {other}")
    commit_text(repo, 180, {story: newsdiffs_file("January 7, 2014", "Budget deal", "By JANE DOE",
                                                  "Talks ended.")}, "Import the last captures")
    budget, storm = load([str(repo)])
    assert [v.title for v in budget.versions] == ["Budget", "Budget", "Budget deal"]
    assert [v.title for v in storm.versions] == ["Storm", "Storm"]
    assert paragraphs(budget) == [("Talks stalled.",), ("Talks resumed.",), ("Talks ended.",)]
    assert paragraphs(storm) == [("Rain.",), ("Snow.",)]
    assert (budget.metadata["byline.2"], budget.metadata["date"]) == ("By JANE DOE",
                                                                      "January 7, 2014")
    assert "path" not in budget.metadata and "path" not in storm.metadata
    assert [w.split(":", 1)[1] for w in storm.warnings] == [
        (" no NewsDiffs commit (its message names no file it writes as NewsDiffs names it) "
         "wrote this version, which holds the date, title and byline lines of the file's "
         "NewsDiffs versions; read as they are")]
    assert len(budget.warnings) == 1


def _archive_of_one_file(tmp_path: Path, story: str, text: str) -> Article:
    """The article a NewsDiffs archive of one commit, adding the file `story`, is read as."""
    repo = git.Repo.init(tmp_path / "archive", initial_branch="master")
    commit_file(repo, story, text, f"Adding file {story}", datetime(2013, 6, 2, 9, 15, tzinfo=UTC))
    (article,) = read_repository(tmp_path / "archive")
    return article


def test_a_newsdiffs_file_without_blank_lines_is_one_paragraph_a_line(tmp_path: Path) -> None:
    """An early NYT version, paragraphs apart by single newlines, was read as one paragraph."""
    article = _archive_of_one_file(tmp_path, "www.nytimes.com/2010/01/07/us/budget.html",
                                   "January 7, 2010\nBudget\nBy JANE DOE\n\nTalks stalled.\nMore later.\n")
    assert article.versions[0].paragraphs == ("Talks stalled.", "More later.")


def test_a_newsdiffs_file_without_a_date_line_is_read_with_its_title(tmp_path: Path) -> None:
    """NewsDiffs writes a version without a date from its title on: it was read as plain text,
    its title and byline as paragraphs and the file's path as its title, warned."""
    article = _archive_of_one_file(tmp_path, "www.washingtonpost.com/world/troops_story.html",
                                   "Troops Sent\nBy JANE DOE\n\nTroops were sent.\n")
    assert article.versions[0].title == "Troops Sent"
    assert article.versions[0].paragraphs == ("Troops were sent.",)
    assert article.metadata["byline"] == "By JANE DOE"
    assert article.warnings == ()


def test_a_newsdiffs_file_with_a_top_correction_is_read_with_its_title(tmp_path: Path) -> None:
    """An NYT version's top correction follows its byline with no blank line between: the file
    was read as plain text, its date, title and byline as paragraphs, titled with its path."""
    article = _archive_of_one_file(tmp_path, "www.nytimes.com/2013/06/02/us/troops.html",
                                   "June 2, 2013\nTroops Sent\nBy JANE DOE\nCorrection: a name.\n"
                                   "Troops were sent.\n")
    assert article.versions[0].title == "Troops Sent"
    assert article.versions[0].paragraphs == ("Correction: a name.", "Troops were sent.")
    assert article.warnings == ()


def test_a_newsdiffs_page_and_archive_of_the_same_versions_agree_on_their_times(
        tmp_path: Path) -> None:
    """A diff page took both versions' time from their date line, the article's publication
    date, the same in both: old and new time were equal, where the archive's commits differ."""
    eastern = timezone(timedelta(hours=-5))
    story = "www.nytimes.com/2014/01/07/us/budget.html"
    published = "Tue, 07 Jan 2014 08:00:00 -0500"
    texts = [newsdiffs_file(published, "Budget", "By JANE DOE", "Talks stalled."),
             newsdiffs_file(published, "Budget", "By JANE DOE", "Talks resumed.")]
    times = [datetime(2014, 1, 7, 9, 15, tzinfo=eastern), datetime(2014, 1, 7, 23, 5, tzinfo=eastern)]
    repo = git.Repo.init(tmp_path / "2014-01", initial_branch="master")
    for text, when, message in zip(texts, times, ("Adding file", "Change to"), strict=True):
        commit_file(repo, story, text, f"{message} {story}", when)
    (archived,) = read_repository(tmp_path / "2014-01")
    page = read_page(
        "<html><body><ul><li><del>Pink: Archived January 07, 2014 at  9:15am EDT</del></li>"
        "<li><ins>Green: Archived January 07, 2014 at 11:05pm EDT</ins></li></ul><script>"
        f"var text1 = '{escape_js(texts[0])}'; var text2 = '{escape_js(texts[1])}';"
        "</script></body></html>", "page.html")
    # the page's Archived date is its server's clock, with no zone (it says EDT in January)
    assert [v.time for v in page.versions] == [datetime(2014, 1, 7, 9, 15),
                                               datetime(2014, 1, 7, 23, 5)]
    assert [v.time.replace(tzinfo=None) for v in archived.versions if v.time] == [
        v.time for v in page.versions]
    assert page.metadata["date.0"] == page.metadata["date.1"] == published


def test_newsdiffs_months_kept_in_folders_of_one_repository_give_the_urls(tmp_path: Path) -> None:
    # the months' archives put together, each in its folder: the URL was made from the whole
    # path (http://2014-01/www.nytimes.com/..., source "2014-01"), without a warning
    repo = git.Repo.init(tmp_path / "articles", initial_branch="master")
    t0 = datetime(2014, 1, 7, 9, 15, tzinfo=PARIS)
    for month, story in (("2014-01", "www.nytimes.com/2014/01/07/us/budget.html"),
                         ("2014-02", "https:/www.bbc.co.uk/news/world-25000000")):
        for index, message in enumerate(("Adding file", "Change to")):
            commit_file(repo, f"{month}/{story}",
                        newsdiffs_file("January 7, 2014", f"Title {index}", "", "Text.",
                                       *["More."] * index),
                        f"{message} {story}", t0 + timedelta(hours=index))
    articles = read_repository(tmp_path / "articles")
    assert [(a.source, a.url) for a in articles] == [
        ("nyt", "http://www.nytimes.com/2014/01/07/us/budget.html"),
        ("bbc", "https://www.bbc.co.uk/news/world-25000000")]


def test_a_folder_of_newsdiffs_month_repositories_is_hinted_to_be_read_as_repositories(
        tmp_path: Path) -> None:
    """Each month a repository of many articles: the hint said to give the folders "to read
    every folder as an article"."""
    t0 = datetime(2014, 1, 7, 9, 15, tzinfo=PARIS)
    for month in ("2014-01", "2014-02"):
        repo = git.Repo.init(tmp_path / "articles" / month, initial_branch="master")
        commit_file(repo, "www.x.test/a", newsdiffs_file("January 7, 2014", "Title", "", "Text."),
                    "Adding file www.x.test/a", t0)
    with pytest.raises(EmptyInput) as raised:
        load([str(tmp_path / "articles")])
    assert raised.value.hint is not None
    assert raised.value.hint.endswith("to read every folder as a git repository of articles")
    (tmp_path / "articles" / "story").mkdir()
    (tmp_path / "articles" / "story" / "0.txt").write_text("One.\n")
    with pytest.raises(EmptyInput) as mixed:
        load([str(tmp_path / "articles")])
    assert mixed.value.hint is not None and mixed.value.hint.endswith(
        "to read every folder as an article, and every git repository among them as the "
        "articles it holds")
    (tmp_path / "articles" / "notes.txt").write_text("Months.\n")
    (tmp_path / "articles" / "story" / "0.txt").unlink()
    (tmp_path / "articles" / "story").rmdir()
    notes: list[str] = []
    load([str(tmp_path / "articles")], notes=notes)
    assert notes[0].endswith("use `revdiff export` to read each folder as a git repository of "
                             "articles")


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
    assert story.versions[0].title == "notes/story.txt" == story.metadata["path"]
    assert len(other.versions) == 1


def test_a_byte_order_mark_an_editor_adds_is_no_change(tmp_path: Path) -> None:
    repo = git.Repo.init(tmp_path / "r", initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(repo, "story.txt", "Line one.\nLine two.\n", "first", when)
    commit_file(repo, "story.txt", "\ufeffLine one.\nLine 2.\n", "saved in Notepad",
                when + timedelta(hours=1))
    commit_file(repo, "story.txt", "\ufeff\ufeffLine one.\nLine 3.\n", "and again",
                when + timedelta(hours=2))
    [story] = read_repository(tmp_path / "r")
    assert [v.paragraphs[0] for v in story.versions] == ["Line one."] * 3


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


OUT_OF_IT = "names a git directory out of it"


def _two_versions(folder: Path) -> git.Repo:
    repo = git.Repo.init(folder, initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(repo, "story.txt", "One.\n", "first", when)
    commit_file(repo, "story.txt", "Two.\n", "second", when + timedelta(hours=1))
    return repo


def test_a_linked_worktree_and_a_submodule_are_read_without_a_warning(tmp_path: Path) -> None:
    """Their `.git` files name git directories out of them, which name them back (a worktree's
    `gitdir` file; a submodule's under its superproject's `.git/modules`): every ordinary one
    named was warned of as a folder naming some other repository."""
    repo = _two_versions(tmp_path / "r")
    repo.git.worktree("add", "-q", "-b", "other", str(tmp_path / "linked"))
    superproject = _two_versions(tmp_path / "super")
    superproject.git.execute(["git", "-c", "protocol.file.allow=always", "submodule", "add",
                              "-q", str(tmp_path / "r"), "deep/sub"])
    for folder in (tmp_path / "linked", tmp_path / "super" / "deep" / "sub"):
        [story] = read_repository(folder)
        assert len(story.versions) == 2
        assert not [w for w in story.warnings if OUT_OF_IT in w], folder


@pytest.mark.parametrize("named", ["worktree", "submodule"])
def test_a_folder_naming_a_worktrees_or_submodules_git_directory_is_warned_of(
        tmp_path: Path, named: str) -> None:
    """A folder elsewhere whose `.git` names the git directory of a linked worktree or of a
    submodule of the reader's is none of theirs: that git directory does not name it back."""
    repo = _two_versions(tmp_path / "r")
    if named == "worktree":
        repo.git.worktree("add", "-q", "-b", "other", str(tmp_path / "linked"))
        target = tmp_path / "r" / ".git" / "worktrees" / "linked"
    else:
        superproject = _two_versions(tmp_path / "super")
        superproject.git.execute(["git", "-c", "protocol.file.allow=always", "submodule", "add",
                                  "-q", str(tmp_path / "r"), "sub"])
        target = tmp_path / "super" / ".git" / "modules" / "sub"
    stranger = tmp_path / "downloads" / "archive"
    stranger.mkdir(parents=True)
    (stranger / ".git").write_text(f"gitdir: {target}\n")
    [story] = read_repository(stranger)
    assert [w for w in story.warnings if OUT_OF_IT in w]


def test_a_repository_reading_objects_from_out_of_it_is_warned_of(tmp_path: Path) -> None:
    """`git clone --shared` writes an `objects/info/alternates` naming the source's object
    folder, from which git reads whatever commit the branch names: a repository named so was read
    without a word, where one whose `.git` names a git directory out of it is warned of."""
    _two_versions(tmp_path / "r")
    subprocess.run(["git", "clone", "-q", "--shared", str(tmp_path / "r"), str(tmp_path / "shared")],
                   check=True)
    [story] = read_repository(tmp_path / "shared")
    assert len(story.versions) == 2
    [warning] = [w for w in story.warnings if "alternates" in w]
    assert warning == (f"{tmp_path / 'shared'}: its objects/info/alternates names object folders "
                       f"out of it ({(tmp_path / 'r' / '.git' / 'objects').resolve()}): commits "
                       "and files may be read from there")
    [own] = read_repository(tmp_path / "r")
    assert not [w for w in own.warnings if "alternates" in w]


def test_a_worktree_reading_its_repositorys_alternates_is_not_warned_of(tmp_path: Path) -> None:
    """A linked worktree's objects are its repository's: alternates inside that repository's git
    directory are no objects from elsewhere."""
    repo = _two_versions(tmp_path / "r")
    (tmp_path / "r" / ".git" / "spare").mkdir()
    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "r" / ".git" / "spare")],
                   check=True)
    (tmp_path / "r" / ".git" / "objects" / "info" / "alternates").write_text("../spare/objects\n")
    repo.git.worktree("add", "-q", "-b", "other", str(tmp_path / "linked"))
    [story] = read_repository(tmp_path / "linked")
    assert not [w for w in story.warnings if "alternates" in w]


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


def test_a_head_naming_a_branch_that_does_not_exist_says_so(tmp_path: Path) -> None:
    """It was said to be a current branch with no commits, naming neither it nor the ones there
    are."""
    raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"))
    (tmp_path / "r" / ".git" / "HEAD").write_text("ref: refs/heads/nope\n")
    assert_one_error_line(parse_cli(tmp_path / "r"),
                          "current branch (HEAD) is nope, which does not exist",
                          "its branches are main; check out one (git switch main)")


@pytest.mark.parametrize("kind", ["tree", "blob"])
def test_a_branch_naming_no_commit_is_said_as_it_is(tmp_path: Path, kind: str) -> None:
    """It had been called a branch with no commits, to store versions into."""
    blob = raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"))[0]
    named = git_output(tmp_path / "r", "rev-parse", "HEAD^{tree}") if kind == "tree" else blob
    (tmp_path / "r" / ".git" / "refs" / "heads" / "main").write_text(named + "\n")
    assert_one_error_line(parse_cli(tmp_path / "r"), f"(HEAD) names a {kind}, not a commit",
                          "check out a branch that names a commit")


@pytest.mark.parametrize("kind", ["tag", "tree"])
def test_a_detached_head_naming_no_commit_is_said_as_it_is(tmp_path: Path, kind: str) -> None:
    """git's complaint that it cannot write the clone's HEAD had been passed on as it was, with
    nothing to do."""
    raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"))
    if kind == "tag":
        git_output(tmp_path / "r", "-c", "user.name=t", "-c", "user.email=t@t", "tag", "-a",
                   "-m", "a tag", "v1")
    named = git_output(tmp_path / "r", "rev-parse", "v1" if kind == "tag" else "HEAD^{tree}")
    (tmp_path / "r" / ".git" / "HEAD").write_text(named + "\n")
    assert_one_error_line(parse_cli(tmp_path / "r"), "HEAD names a tag, a tree or a blob, not a "
                          "commit", "check out a branch that names a commit")


def test_what_git_says_on_the_lines_after_its_error_is_passed_on(tmp_path: Path) -> None:
    """git names an unknown repository extension on an indented line after its error line, which
    alone was passed on: `unknown repository extension found:`, naming none."""
    raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"))
    git_output(tmp_path / "r", "config", "core.repositoryFormatVersion", "1")
    git_output(tmp_path / "r", "config", "extensions.madeUp", "true")
    assert_one_error_line(parse_cli(tmp_path / "r"), "git said: fatal: unknown repository "
                          "extension found: madeup)")


@pytest.mark.parametrize("stderr", [
    b"fatal: cannot switch to branch 'HEAD'\n",
    git.GitCommandError(["git"], 128, b"fatal: cannot switch to branch 'HEAD'").stderr,
], ids=["git's", "GitPython's"])
def test_a_quote_ending_what_git_says_is_kept(stderr: str | bytes) -> None:
    """Every quote at either end of git's message was cut, GitPython's wrapping `stderr: '...'`
    meant: `to branch 'HEAD` lost its closing quote."""
    assert git_complaint(stderr) == "fatal: cannot switch to branch 'HEAD'"


def test_git_s_verdict_on_a_corrupt_object_is_passed_on_not_zlib_s_error() -> None:
    """Of a corrupt loose object git says zlib's error first, then its verdict: the first was
    passed on, `inflate: data stream error`, which names no object. Where git's fatal line says
    less than its error line (a commit missing, `Failed to traverse parents`), the error line
    is still the one passed on."""
    loose = ".git/objects/de/9dfafe24c1b0d1c9adadfdec5efbc6e0b67ffb"
    corrupt = ("error: inflate: data stream error (invalid stored block lengths)\n"
               "error: unable to unpack de9dfafe24c1b0d1c9adadfdec5efbc6e0b67ffb header\n"
               f"fatal: loose object de9dfafe24c1b0d1c9adadfdec5efbc6e0b67ffb (stored in {loose}) "
               "is corrupt\n")
    assert git_complaint(corrupt) == ("fatal: loose object de9dfafe24c1b0d1c9adadfdec5efbc6e0b67ffb "
                                      f"(stored in {loose}) is corrupt")
    missing = ("error: Could not read de9dfafe24c1b0d1c9adadfdec5efbc6e0b67ffb\n"
               "fatal: Failed to traverse parents of commit 1e6a843d050363e8ba0408f7d7ffc5cba9c08153\n")
    assert git_complaint(missing) == "error: Could not read de9dfafe24c1b0d1c9adadfdec5efbc6e0b67ffb"


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


def parse_cli(repo_dir: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo_dir), "--format",
                           "json", *options], capture_output=True, text=True, timeout=120,
                          check=False)


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    for word in words:
        assert word in result.stderr


STORED = "Version 1: T\n\nRevdiff-Url: https://example.com/a\nRevdiff-Version: 1\n"


@pytest.mark.parametrize(("trailer", "named"), [
    ("Revdiff-Changes: many", "Revdiff-Changes 'many' is not a whole number"),
    ("Revdiff-Changes: 1e3", "Revdiff-Changes '1e3' is not a whole number"),
    ("Revdiff-Changes: 1_000", "Revdiff-Changes '1_000' is not a whole number"),  # was read as 1000
    ("Revdiff-Changes: \u0663", "Revdiff-Changes '\u0663' is not a whole number"),  # was read as 3
    ("Revdiff-Cut: yes", "Revdiff-Cut 'yes' is not true"),
    ("Revdiff-Whole-Reading: yes", "Revdiff-Whole-Reading 'yes' is not true"),
    ("Revdiff-Time-From: v2", "Revdiff-Time-From 'v2' is not a whole number from 0"),
    ("Revdiff-Metadata: {not json", "Revdiff-Metadata is not a JSON object"),
    ("Revdiff-Metadata: [1, 2]", "Revdiff-Metadata is not a JSON object"),
    ("Revdiff-Metadata: \"text\"", "Revdiff-Metadata is not a JSON object"),
    pytest.param("Revdiff-Metadata: " + "[" * 100_000, "Revdiff-Metadata is not a JSON object",
                 id="Revdiff-Metadata: deeply nested"),
    ("Revdiff-Warnings: [\"unclosed", "Revdiff-Warnings is not a JSON list of strings"),
    ("Revdiff-Warnings: [\"a\", 2]", "Revdiff-Warnings is not a JSON list of strings"),
    ("Revdiff-Warnings: {}", "Revdiff-Warnings is not a JSON list of strings"),
    ("Revdiff-Warnings: [\"\\ud800\"]", "Revdiff-Warnings is not a JSON list of strings"),
    ("Revdiff-Metadata: {\"a\": \"\\ud800\"}", "Revdiff-Metadata is not a JSON object"),
    pytest.param("Revdiff-Warnings: " + "[" * 100_000,
                 "Revdiff-Warnings is not a JSON list of strings",
                 id="Revdiff-Warnings: deeply nested"),
])
def test_malformed_trailers_are_one_error_line(tmp_path: Path, trailer: str, named: str) -> None:
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000", STORED + trailer + "\n"))
    assert_one_error_line(parse_cli(tmp_path / "r"), named, "story.txt")


@pytest.mark.parametrize(("told", "time_from", "problem"), [
    ("about 1 hour later", "7",
     "names a version after it, which 'about 1 hour later' cannot count from"),
    ("about 1 hour later", "1", "names the version itself"),
    ("about 1 hour earlier", "0",
     "names a version before it, which 'about 1 hour earlier' cannot count from")])
def test_a_time_from_naming_no_other_version_is_warned_of(tmp_path: Path, told: str,
                                                          time_from: str, problem: str) -> None:
    """A `Revdiff-Time-From` naming a version the article has not, or the version itself, or
    one an `... earlier` cannot count from (an earlier one), was read as it is, silently: the
    time was shown counted from that version."""
    first = STORED.replace("Version 1", "Version 0").replace("Revdiff-Version: 1",
                                                               "Revdiff-Version: 0")
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000", first),
                ("T\n\nQ\n", "1600000000 +0000", STORED + f"Revdiff-Time-Text: {told}\n"
                 f"Revdiff-Time-From: {time_from}\n"))
    [article] = load([str(tmp_path / "r")])
    assert [v.time_from for v in article.versions] == [None, None]
    commit = git_output(tmp_path / "r", "rev-parse", "--short=12", "HEAD")
    assert article.warnings == (
        (f"{commit}: version 1's Revdiff-Time-From {time_from} {problem}; its time is read as "
         f"counted from the version {'after' if told.endswith('earlier') else 'before'} it"),)


def test_a_lone_surrogate_in_a_stored_version_is_one_error_line(tmp_path: Path) -> None:
    """JSON's `\\ud800` in a version file of the json-lines form gave a lone surrogate, which
    every output (JSON, CSV, SQLite, a patch) stopped on with a traceback."""
    raw_commits(tmp_path / "r", ('"T"\n"It \\ud800 rained."\n', "1600000000 +0000",
                                 STORED + "Revdiff-Encoding: json-lines\n"))
    assert_one_error_line(parse_cli(tmp_path / "r"), "lone surrogate", "story.txt")


def test_a_stored_version_nested_deep_is_one_error_line(tmp_path: Path) -> None:
    """A line of a json-lines version file nested 100,000 levels deep: json's RecursionError
    was a traceback."""
    raw_commits(tmp_path / "r", ('"T"\n' + "[" * 100_000 + "\n", "1600000000 +0000",
                                 STORED + "Revdiff-Encoding: json-lines\n"))
    assert_one_error_line(parse_cli(tmp_path / "r"), "nested deeper than Python reads",
                          "story.txt")


_HUGE = "9" * 5000  # Python reads no integer of more than 4,300 digits: a ValueError


@pytest.mark.parametrize(("text", "trailer", "named"), [
    pytest.param('"T"\n' + _HUGE + "\n", "Revdiff-Encoding: json-lines\n",
                 "stored version is not JSON lines (a number of more than 4,300 digits)",
                 id="version file"),
    pytest.param("T\n\nP\n", f'Revdiff-Metadata: {{"tracker": {_HUGE}}}\n',
                 "Revdiff-Metadata is not a JSON object", id="metadata"),
    pytest.param("T\n\nP\n", f"Revdiff-Warnings: [{_HUGE}]\n",
                 "Revdiff-Warnings is not a JSON list of strings", id="warnings"),
])
def test_a_stored_integer_of_5000_digits_is_one_error_line(tmp_path: Path, text: str,
                                                           trailer: str, named: str) -> None:
    """Found by a review: the store's JSON was read catching its syntax errors alone, and a
    5,000-digit integer in a version file or a trailer was a traceback."""
    raw_commits(tmp_path / "r", (text, "1600000000 +0000", STORED + trailer))
    result = parse_cli(tmp_path / "r")
    assert_one_error_line(result, named, "story.txt")
    assert len(result.stderr) < 500


def test_a_trailer_holding_a_lone_surrogate_is_read_as_written(tmp_path: Path) -> None:
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000",
                                 STORED.replace("https://example.com/a",
                                                '"https://example.com/\\udc80"')))
    result = parse_cli(tmp_path / "r")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["url"] == '"https://example.com/\\udc80"'


@pytest.mark.parametrize(("version", "named"), [
    ("abc", "Revdiff-Version 'abc' is not a whole number from 0"),
    ("-1", "Revdiff-Version '-1' is not a whole number from 0"),  # was read as version -1
    ("1.0", "Revdiff-Version '1.0' is not a whole number from 0"),
    pytest.param("1" * 5000, "is not a whole number from 0 of at most 255 digits",
                 id="5000 digits"),  # a ValueError: Python converts 4,300 digits at most
])
def test_a_stored_version_number_is_what_the_other_readers_take(tmp_path: Path, version: str,
                                                                named: str) -> None:
    message = f"Version {version}: T\n\nRevdiff-Url: https://example.com/a\nRevdiff-Version: {version}\n"
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000", message))
    assert_one_error_line(parse_cli(tmp_path / "r"), named, "story.txt",
                          "mend its message with git commit --amend")


def test_a_stored_version_number_of_many_digits_reads_back(tmp_path: Path) -> None:
    """A folder's files named by 16-digit timestamps number its versions so, and the store kept
    those numbers: such a store must read back."""
    message = ("Version 1578142800000000: T\n\nRevdiff-Url: https://example.com/a\n"
               "Revdiff-Version: 1578142800000000\n")
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000", message))
    (article,) = read_repository(tmp_path / "r")
    assert [version.number for version in article.versions] == [1578142800000000]


def test_a_stored_time_that_is_no_time_says_what_to_do(tmp_path: Path) -> None:
    raw_commits(tmp_path / "r", ("T\n\nP\n", "1600000000 +0000",
                                 STORED + "Revdiff-Time: garbage\n"))
    assert_one_error_line(parse_cli(tmp_path / "r"), "Revdiff-Time is not an ISO time",
                          "mend its message with git commit --amend")


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


@pytest.mark.parametrize("command", ["parse", "store"])
def test_a_missing_commit_is_one_error_line_naming_the_repository(tmp_path: Path,
                                                                  command: str) -> None:
    """The error had named the temporary clone it was read through, gone when it is shown."""
    repo = tmp_path / "r"
    raw_commits(repo, ("One line.\n", "1600000000 +0000", "one"),
                ("Two lines.\n", "1600000100 +0000", "two"))
    first = git_output(repo, "rev-parse", "HEAD~1")
    (repo / ".git" / "objects" / first[:2] / first[2:]).unlink()
    version = tmp_path / "0.txt"
    version.write_text("Three lines.\n")
    arguments = ["parse", str(repo)] if command == "parse" else \
        ["store", str(version), "--repo", str(repo)]
    result = subprocess.run([sys.executable, "-m", "revdiff", *arguments], capture_output=True,
                            text=True, timeout=120, check=False)
    assert_one_error_line(result)
    assert result.stderr.startswith(f"revdiff: error: {repo}: cannot read the history of ")
    assert f"Could not read {first}" in result.stderr


@pytest.mark.parametrize(("damage", "refused"), [
    ("missing", "cannot read the history of HEAD"),
    ("corrupt", "cannot read the git repository"),  # found when its clone is made
])
def test_a_damaged_commit_says_to_check_the_repository(tmp_path: Path, damage: str,
                                                        refused: str) -> None:
    """A commit missing or corrupt was refused with git's complaint alone (`Could not read`,
    `inflate: data stream error`), which says nothing of what to do."""
    repo = tmp_path / "r"
    raw_commits(repo, ("One line.\n", "1600000000 +0000", "one"),
                ("Two lines.\n", "1600000100 +0000", "two"))
    first = git_output(repo, "rev-parse", "HEAD~1")
    loose = repo / ".git" / "objects" / first[:2] / first[2:]
    loose.chmod(0o644)
    if damage == "missing":
        loose.unlink()
    else:
        loose.write_bytes(b"x\x9c not zlib at all")
    assert_one_error_line(parse_cli(repo), refused, "damaged; check it with git fsck")


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


@pytest.mark.parametrize("unreadable", ["-5 +0000", "99999999999999999999 +9999", "0 +0000"])
def test_negative_author_date_is_kept_with_a_warning(tmp_path: Path, unreadable: str) -> None:
    """A date git cannot read it prints as 0: that was read as 1970-01-01 without a word."""
    raw_commits(tmp_path / "r", ("One line.\n", "1600000000 +0000", "one"),
                ("Two lines.\n", unreadable, "two"), ("Three.\n", "1600000200 -2359", "three"))
    [story] = read_repository(tmp_path / "r")
    assert [v.paragraphs for v in story.versions] == [("One line.",), ("Two lines.",),
                                                      ("Three.",)]
    assert story.versions[1].time is None
    assert story.versions[2].time == datetime(2020, 9, 13, 12, 30, tzinfo=UTC)
    assert story.versions[2].time.utcoffset() == -timedelta(hours=23, minutes=59)
    assert len(story.warnings) == 1 and "author date missing, 0 or negative" in story.warnings[0]


# --- branches and merges: the history is HEAD's first-parent chain ----------------------------

T0 = 1_600_000_000  # 2020-09-13 12:26:40 UTC


def git_at(repo_dir: Path, seconds: int, *args: str) -> None:
    """Run git in `repo_dir` with author and committer dated `seconds` after T0 (UTC)."""
    date = f"{T0 + seconds} +0000"
    identity = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
                "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org",
                "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(repo_dir), "-c", "commit.gpgSign=false", *args],
                   env={**os.environ, **identity}, capture_output=True, check=True)


def commit_text(repo_dir: Path, seconds: int, texts: dict[str, str], message: str) -> None:
    """Write each file's text and commit them all, dated `seconds` after T0."""
    for name, text in texts.items():
        (repo_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (repo_dir / name).write_text(text, encoding="utf-8")
    git_at(repo_dir, seconds, "add", "--", *texts)
    git_at(repo_dir, seconds, "commit", "-q", "-m", message)


def new_repository(repo_dir: Path) -> Path:
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo_dir)], check=True)
    return repo_dir


def at(seconds: int) -> datetime:
    return datetime.fromtimestamp(T0 + seconds, UTC)


def paragraphs(article: Article) -> list[tuple[str, ...]]:
    return [v.paragraphs for v in article.versions]


def test_a_commit_that_keeps_the_content_is_no_version(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    git_at(repo, 10, "update-index", "--chmod=+x", "story.txt")
    git_at(repo, 10, "commit", "-q", "-m", "executable, same text")
    commit_text(repo, 20, {"story.txt": "Two.\n"}, "second")
    [story] = read_repository(repo)
    assert paragraphs(story) == [("One.",), ("Two.",)]
    assert [v.time for v in story.versions] == [at(0), at(20)]


def test_text_a_merge_brings_is_a_version(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    commit_text(repo, 0, {"story.txt": "Start.\n"}, "first")
    git_at(repo, 0, "checkout", "-q", "-b", "side")
    commit_text(repo, 100, {"story.txt": "Start.\nSide.\n"}, "on the side")
    git_at(repo, 100, "checkout", "-q", "main")
    commit_text(repo, 200, {"other.txt": "Unrelated.\n"}, "other file")
    git_at(repo, 300, "merge", "-q", "--no-ff", "--no-commit", "side")
    commit_text(repo, 300, {"story.txt": "Start.\nSide.\nWritten in the merge.\n"}, "merge side")
    story, other = read_repository(repo)
    # The side commit is not on main's first-parent chain; the merge commit is, with its text.
    assert paragraphs(story) == [("Start.",), ("Start.", "Side.", "Written in the merge.")]
    assert [v.time for v in story.versions] == [at(0), at(300)]
    assert paragraphs(other) == [("Unrelated.",)]
    assert story.warnings == ()


def test_versions_follow_the_first_parent_chain_not_the_merged_branch(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    commit_text(repo, 0, {"story.txt": "one\ntwo\nthree\nfour\n"}, "first")
    git_at(repo, 0, "checkout", "-q", "-b", "side")
    commit_text(repo, 100, {"story.txt": "one\ntwo\nthree\nFOUR\n"}, "side: last line")
    git_at(repo, 100, "checkout", "-q", "main")
    commit_text(repo, 200, {"story.txt": "ONE\ntwo\nthree\nfour\n"}, "main: first line")
    git_at(repo, 300, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    [story] = read_repository(repo)
    # Read commit by commit, FOUR would come (from the side) and go (on main) and come back.
    assert paragraphs(story) == [("one", "two", "three", "four"),
                                 ("ONE", "two", "three", "four"),
                                 ("ONE", "two", "three", "FOUR")]
    assert [v.time for v in story.versions] == [at(0), at(200), at(300)]
    assert story.warnings == ()


def test_texts_a_merged_branch_wrote_before_its_last_are_warned_of(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    commit_text(repo, 0, {"story.txt": "One.\n", "other.txt": "Other.\n"}, "first")
    git_at(repo, 0, "checkout", "-q", "-b", "side")
    for seconds, text in ((100, "One.\nTwo.\n"), (200, "One.\nTwo.\nThree.\n"),
                          (300, "One.\nTwo.\nThree.\nFour.\n")):
        commit_text(repo, seconds, {"story.txt": text}, f"side at {seconds}")
    commit_text(repo, 350, {"other.txt": "Other, once.\n"}, "side: other file once")
    git_at(repo, 300, "checkout", "-q", "main")
    commit_text(repo, 400, {"unrelated.txt": "Unrelated.\n"}, "main goes on")
    git_at(repo, 500, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    other, story, _ = read_repository(repo)  # in the order of their paths in the first commit
    # The branch's texts at 100 and 200 are off the first-parent chain: said, not read.
    assert [v.time for v in story.versions] == [at(0), at(300)]
    [warning] = story.warnings
    assert warning.endswith(": a merge brings this text from a branch that wrote 2 earlier texts "
                            "of the file; only the branch's last text is read (the current "
                            "branch's first-parent history)")
    assert other.warnings == ()  # the branch wrote it once: nothing is left out


def test_author_dates_going_back_keep_the_chain_order_with_a_warning(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    commit_text(repo, 500, {"story.txt": "One.\n"}, "first")
    commit_text(repo, 300, {"story.txt": "Two.\n"}, "second, dated earlier")
    commit_text(repo, 600, {"story.txt": "Three.\n"}, "third")
    [story] = read_repository(repo)
    assert paragraphs(story) == [("One.",), ("Two.",), ("Three.",)]
    assert [v.time for v in story.versions] == [at(500), at(300), at(600)]
    [warning] = story.warnings
    assert "version 1 is dated before version 0" in warning
    assert "kept in the order of the branch's first-parent history" in warning
    result = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(repo), "--format",
                             "json"], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "version 1 is dated before version 0" in result.stderr


def stored_message(number: int) -> str:
    return (f"Version {number}: T\n\nRevdiff-Url: https://example.com/a\n"
            f"Revdiff-Version: {number}\n")


def test_stored_version_numbers_going_back_keep_the_chain_order_with_a_warning(
        tmp_path: Path) -> None:
    """Versions stored out of order (or stores merged): read in the history's order, warned."""
    raw_commits(tmp_path / "r", ("T\n\nThree.\n", "1600000000 +0000", stored_message(3)),
                ("T\n\nOne.\n", "1600000100 +0000", stored_message(1)),
                ("T\n\nTwo.\n", "1600000200 +0000", stored_message(2)))
    [story] = read_repository(tmp_path / "r")
    assert [v.number for v in story.versions] == [3, 1, 2]
    [warning] = story.warnings
    assert warning.endswith(": version 1 is stored after version 3 (Revdiff-Version goes back); "
                            "kept in the order of the branch's first-parent history")
    result = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(tmp_path / "r"),
                             "--format", "json"], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("version 1 is stored after version 3") == 1


def test_a_renamed_file_goes_on_as_the_same_article(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    lines = "".join(f"Paragraph {n} of the story.\n" for n in range(1, 7))
    commit_text(repo, 0, {"notes/story.txt": lines}, "first")
    git_at(repo, 100, "mv", "notes/story.txt", "notes/article.txt")
    git_at(repo, 100, "commit", "-q", "-m", "renamed, same text")
    git_at(repo, 100, "checkout", "-q", "-b", "side")
    git_at(repo, 200, "mv", "notes/article.txt", "final.txt")
    commit_text(repo, 200, {"final.txt": lines.replace("6 of", "six of")}, "renamed and edited")
    git_at(repo, 200, "checkout", "-q", "main")
    git_at(repo, 300, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    commit_text(repo, 400, {"notes/story.txt": "A new story.\n"}, "a new file at the old path")
    renamed, new = read_repository(repo)
    assert len(renamed.versions) == 2
    assert renamed.versions[1].paragraphs[-1] == "Paragraph six of the story."
    assert [v.title for v in renamed.versions] == ["notes/story.txt", "final.txt"]
    assert [v.time for v in renamed.versions] == [at(0), at(200)]  # the side commit wrote it
    assert renamed.metadata["path"] == "final.txt"
    assert paragraphs(new) == [("A new story.",)] and new.metadata["path"] == "notes/story.txt"


def test_octopus_and_no_op_merges(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "r")
    commit_text(repo, 0, {"a.txt": "A.\n", "b.txt": "B.\n"}, "first")
    for branch, name, seconds in (("one", "a.txt", 100), ("two", "b.txt", 200),
                                  ("dropped", "a.txt", 400)):
        git_at(repo, 0, "checkout", "-q", "-b", branch, "main")
        commit_text(repo, seconds, {name: f"{name} on {branch}.\n"}, f"{name} on {branch}")
    git_at(repo, 300, "checkout", "-q", "main")
    git_at(repo, 300, "merge", "-q", "--no-ff", "-m", "octopus", "one", "two")
    git_at(repo, 500, "merge", "-q", "-s", "ours", "-m", "keep main's text", "dropped")
    a, b = read_repository(repo)
    # The octopus merge brings each branch's text; the `ours` merge changes nothing.
    assert paragraphs(a) == [("A.",), ("a.txt on one.",)]
    assert paragraphs(b) == [("B.",), ("b.txt on two.",)]
    assert [v.time for v in a.versions] == [at(0), at(100)]
    assert [v.time for v in b.versions] == [at(0), at(200)]


def test_store_merged_from_a_branch_reads_back_exactly(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "s")
    v1, v2, v3 = (Version(n, f"Title {n}", (f"Paragraph {n}.",), datetime(2023, 1, n, tzinfo=UTC))
                  for n in (1, 2, 3))
    story = Article("guardian", "https://www.theguardian.com/story", (v1,))
    other = Article("bbc", "https://www.bbc.co.uk/other", (v1,))
    store_articles([story], repo)
    git_at(repo, 0, "checkout", "-q", "-b", "side")
    store_articles([replace(story, versions=(v1, v2))], repo)
    git_at(repo, 0, "checkout", "-q", "main")
    store_articles([other], repo)
    git_at(repo, 10, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    git_at(repo, 10, "checkout", "-q", "-b", "dropped")
    store_articles([replace(story, versions=(v1, v2, v3))], repo)
    git_at(repo, 20, "checkout", "-q", "main")
    git_at(repo, 20, "merge", "-q", "-s", "ours", "-m", "keep main", "dropped")
    # The merge commit has no trailers: version 2 is read from the side commit that wrote it.
    assert load([str(repo)]) == [replace(story, versions=(v1, v2)), other]
    again = store_articles([replace(story, versions=(v1, v2)), other], repo)
    assert (again.stored, again.already_stored) == (0, 3)


def test_a_file_of_your_own_in_a_store_is_no_article(tmp_path: Path) -> None:
    """A README or notes committed beside a store's articles was read back as an article of its
    own, titled by its path, and exported with them."""
    repo = new_repository(tmp_path / "s")
    v1, v2 = (Version(n, "Title", (f"Paragraph {n}.",), datetime(2023, 1, n, tzinfo=UTC))
              for n in (1, 2))
    story = Article("bbc", "https://www.bbc.co.uk/story", (v1, v2))
    store_articles([story], repo)
    commit_text(repo, 0, {"NOTES.md": "# Notes\n\nWhat I stored.\n",
                          "docs/README.md": "Read me.\n"}, "my notes")
    noted = ("2 other files (NOTES.md, docs/README.md) left out: the repository is a revdiff "
             "store, and the store wrote no version of them (a file of your own beside the "
             "articles is no article)")
    assert read_repository(repo) == [replace(story, warnings=(noted,))]


def test_a_newsdiffs_archive_stored_into_keeps_its_articles(tmp_path: Path) -> None:
    """Once `revdiff store` wrote into a NewsDiffs archive, the archive's articles were left out
    as files of your own that the store never wrote."""
    repo = new_repository(tmp_path / "archive")
    budget = "www.nytimes.com/2014/01/07/us/budget.html"
    commit_text(repo, 0, {budget: newsdiffs_file("January 7, 2014", "Budget Talks Stall", "",
                                                 "Talks stalled.")}, f"Adding file {budget}")
    commit_text(repo, 60, {budget: newsdiffs_file("January 7, 2014", "Budget Talks Resume", "",
                                                  "Talks resumed.")}, f"Change to {budget}")
    v1, v2 = (Version(n, "Title", (f"Paragraph {n}.",), datetime(2023, 1, n, tzinfo=UTC))
              for n in (1, 2))
    store_articles([Article("bbc", "https://www.bbc.co.uk/story", (v1, v2))], repo)
    read = read_repository(repo)
    assert [(article.url, len(article.versions)) for article in read] == [
        (f"http://{budget}", 2), ("https://www.bbc.co.uk/story", 2)]
    assert [article.warnings for article in read] == [(), ()]


def test_a_repository_no_store_wrote_reads_every_file(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "plain")
    commit_text(repo, 0, {"README.md": "Read me.\n", "story.txt": "One.\n"}, "first")
    assert [article.versions[0].title for article in read_repository(repo)] == [
        "README.md", "story.txt"]


def test_a_store_file_edited_by_hand_is_read_in_the_store_layout(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "s")
    v1, v2 = (Version(n, "Title", ("First paragraph.", f"Second, {n}."),
                      datetime(2023, 1, n, tzinfo=UTC)) for n in (1, 2))
    store_articles([Article("bbc", "https://www.bbc.co.uk/story", (v1, v2))], repo)
    [path] = [p for p in repo.rglob("*.txt") if ".git" not in p.parts]
    with path.open("a", encoding="utf-8") as stored:
        stored.write("\nA paragraph added by hand,\nits line broken.\n")
    git_at(repo, 600, "commit", "-q", "-am", "fix by hand")
    [story] = read_repository(repo)
    assert [v.number for v in story.versions] == [1, 2, 3]
    hand = story.versions[-1]
    assert hand.title == "Title" and hand.time == at(600)
    assert hand.paragraphs == ("First paragraph.", "Second, 2.",
                               "A paragraph added by hand, its line broken.")
    assert story.url == "https://www.bbc.co.uk/story"
    assert story.warnings[-1].endswith(": a commit without revdiff's trailers (an edit by hand?) "
                                       "is read in the store's layout, as version 3")


def test_a_hand_edit_takes_a_number_store_then_refuses_and_no_number_is_read_twice(
        tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "s")
    v1, v2, v3 = (Version(n, "Title", (f"Paragraph {n}.",), datetime(2023, 1, n, tzinfo=UTC))
                  for n in (1, 2, 3))
    story = Article("bbc", "https://www.bbc.co.uk/story", (v1, v2))
    store_articles([story], repo)
    [path] = [p for p in repo.rglob("*.txt") if ".git" not in p.parts]
    path.write_text(path.read_text(encoding="utf-8") + "\nBy hand.\n", encoding="utf-8")
    git_at(repo, 600, "commit", "-q", "-am", "fix by hand")
    summary = store_articles([replace(story, versions=(v1, v2, v3))], repo)
    assert [(s.number, s.reason.value) for s in summary.skipped] == [(3, "conflict")]
    [read] = read_repository(repo)
    assert [v.number for v in read.versions] == [1, 2, 3]  # the third is the hand edit


def test_a_copied_store_commit_is_read_under_a_number_of_its_own(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "s")
    v0, v1 = (Version(n, "Title", (f"Paragraph {n}.",), datetime(2023, 1, n + 1, tzinfo=UTC))
              for n in (0, 1))
    store_articles([Article("bbc", "https://www.bbc.co.uk/story", (v0, v1))], repo)
    second = git_output(repo, "rev-parse", "HEAD").strip()
    git_at(repo, 0, "revert", "--no-edit", "HEAD")  # no trailers: a hand edit, version 2
    git_at(repo, 0, "cherry-pick", second)  # version 1's commit, trailers and all, again
    [read] = read_repository(repo)
    assert [v.number for v in read.versions] == [0, 1, 2, 3]
    assert [v.paragraphs for v in read.versions[2:]] == [v0.paragraphs, v1.paragraphs]
    assert read.warnings[-1].endswith(": version 1 is stored again (a commit copied?); "
                                      "read as version 3")
    again = store_articles([Article("bbc", "https://www.bbc.co.uk/story", (v0, v1))], repo)
    assert (again.stored, again.already_stored, again.skipped) == (0, 2, ())


def test_sha256_repository_with_a_merge(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    subprocess.run(["git", "init", "-q", "-b", "main", "--object-format=sha256", str(repo)],
                   check=True)
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    git_at(repo, 0, "checkout", "-q", "-b", "side")
    commit_text(repo, 100, {"story.txt": "Two.\n"}, "on the side")
    git_at(repo, 100, "checkout", "-q", "main")
    commit_text(repo, 200, {"other.txt": "Other.\n"}, "other file")
    git_at(repo, 300, "merge", "-q", "--no-ff", "-m", "merge side", "side")
    story, other = read_repository(repo)
    assert paragraphs(story) == [("One.",), ("Two.",)]
    assert [v.time for v in story.versions] == [at(0), at(100)]
    assert paragraphs(other) == [("Other.",)] and story.warnings == ()


def test_a_file_name_and_text_that_are_not_utf8_are_read(tmp_path: Path) -> None:
    """A Latin-1 file name is shown with its byte written out; Latin-1 text is recognised."""
    repo = new_repository(tmp_path / "repo")
    name = os.fsdecode(b"caf\xe9.txt")  # as git and the file system hold it: bytes
    for seconds, text in ((0, b"Le caf\xe9 est ouvert.\n"), (60, b"Le caf\xe9 est ferm\xe9.\n")):
        (repo / name).write_bytes(text)
        git_at(repo, seconds, "add", "--", name)
        git_at(repo, seconds, "commit", "-q", "-m", f"at {seconds}")
    [article] = load([str(repo)])
    assert [v.title for v in article.versions] == ["caf\\xe9.txt", "caf\\xe9.txt"]
    assert [v.paragraphs for v in article.versions] == [("Le café est ouvert.",),
                                                          ("Le café est fermé.",)]
    assert any("read as cp1252" in warning for warning in article.warnings)
    json.dumps(article.metadata, ensure_ascii=False).encode("utf-8")  # every output can hold it


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_text_with_a_byte_order_mark_of_utf16_or_utf32_is_read_as_a_plain_file_is(
        encoding: str, tmp_path: Path) -> None:
    """Text saved as UTF-16 (Notepad's "Unicode") holds NUL bytes, and every version of it was
    left out as binary, where the same file in a folder is read by its byte-order mark."""
    repo = new_repository(tmp_path / "repo")
    texts = ("Le café est ouvert.\n", "Le café est fermé.\r\n")
    for seconds, text in zip((0, 60), texts, strict=True):
        commit_bytes(repo, seconds, {"story.txt": text.encode(encoding)}, f"at {seconds}")
    [article] = load([str(repo)])
    assert paragraphs(article) == [("Le café est ouvert.",), ("Le café est fermé.",)]
    assert article.warnings == ()
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "0.txt").write_bytes(texts[0].encode(encoding))
    (tmp_path / "folder" / "1.txt").write_bytes(texts[1].encode(encoding))
    [from_folder] = load([str(tmp_path / "folder")])
    assert paragraphs(from_folder) == paragraphs(article)


def test_lines_ended_by_a_carriage_return_alone_are_lines_as_in_a_plain_file(
        tmp_path: Path) -> None:
    """Text saved with classic Mac OS line ends (`\\r` alone) was one paragraph in git, where
    the same file in a folder is a paragraph a line."""
    repo = new_repository(tmp_path / "repo")
    texts = (b"Line one.\rLine two.\r", b"Line one.\rLine 2.\r")
    (tmp_path / "folder").mkdir()
    for seconds, text in zip((0, 60), texts, strict=True):
        commit_bytes(repo, seconds, {"story.txt": text}, f"at {seconds}")
        (tmp_path / "folder" / f"{seconds}.txt").write_bytes(text)
    [article] = load([str(repo)])
    assert paragraphs(article) == [("Line one.", "Line two."), ("Line one.", "Line 2.")]
    [from_folder] = load([str(tmp_path / "folder")])
    assert paragraphs(from_folder) == paragraphs(article)


def test_utf8_text_cut_in_a_character_is_read_as_utf8_as_a_plain_file_is(
        tmp_path: Path) -> None:
    """A capture cut short in the middle of a character was guessed a legacy encoding in git
    (`Le caf√© est ‚Äúouvert‚Äù.`, read as mac_iceland), where a plain file is read as UTF-8 up to
    the cut, warned."""
    repo = new_repository(tmp_path / "repo")
    text = "Le café est “ouvert”.\nFin “".encode()[:-1]
    commit_bytes(repo, 0, {"story.txt": text}, "cut")
    [article] = load([str(repo)])
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "0.txt").write_bytes(text)
    [from_folder] = load([str(tmp_path / "folder" / "0.txt")])
    assert paragraphs(article) == paragraphs(from_folder) == [("Le café est “ouvert”.", "Fin")]
    [warning] = article.warnings
    assert warning.endswith(": the text ends in the middle of a character (cut short?); its "
                            "last 2 bytes are left out")


_ONE_ENCODING_FILES = [
    ("iso8859_2", ["Prezydent podpisał ustawę w Gdańsku.\nŁódź i Kraków czekają na środki.",
                   "Gdańsk.",
                   "Prezydent podpisał ustawę w Gdańsku we środę.\nŁódź czeka na środki."]),
    ("cp1252", ["Le Père Noël arrive à Paris après minuit.", "“Noël”",
                "Le Père Noël arrive à Paris après minuit, épuisé."]),
]


@pytest.mark.parametrize(("encoding", "versions"), _ONE_ENCODING_FILES,
                         ids=["iso8859_2", "cp1252"])
def test_a_files_versions_are_read_in_the_encoding_guessed_over_them_all(
        tmp_path: Path, encoding: str, versions: list[str]) -> None:
    """Each version's encoding was guessed alone, where a folder of the same versions is read in
    one encoding guessed over them together: a short version without telling letters came back
    in another (`Gdańsk.` in ISO-8859-2 as `Gdañsk.`, `“Noël”` in Windows-1252 as `УNoыlФ`)."""
    repo = new_repository(tmp_path / "repo")
    (tmp_path / "folder").mkdir()
    for number, text in enumerate(versions):
        data = f"{text}\n".encode(encoding)
        commit_bytes(repo, number * 60, {"story.txt": data}, f"version {number}")
        (tmp_path / "folder" / f"{number}.txt").write_bytes(data)
    [article] = load([str(repo)])
    assert paragraphs(article) == [tuple(text.split("\n")) for text in versions]
    [from_folder] = load([str(tmp_path / "folder")])
    assert paragraphs(article) == paragraphs(from_folder)
    [warning] = article.warnings
    assert "the text of 3 versions of the file" in warning
    assert f"read as {encoding}, guessed over them together" in warning


def test_a_version_the_files_encoding_misreads_keeps_its_own_guess(tmp_path: Path) -> None:
    """A version the guess over the file's versions misreads (`Noël ŕ Paris aprčs`) is read in
    its own guess, warned on its own, as a folder's file is."""
    repo = new_repository(tmp_path / "repo")
    texts = [("Rząd przyjął budżet w środę.", "cp1250"),
             ("Rząd przyjął budżet w środę, mówią posłowie.", "cp1250"),
             ("Noël à Paris après.", "cp1252")]
    for number, (text, encoding) in enumerate(texts):
        commit_bytes(repo, number * 60, {"story.txt": f"{text}\n".encode(encoding)}, "v")
    [article] = load([str(repo)])
    assert [version.paragraphs for version in article.versions] == [(t,) for t, _ in texts]
    shared, own = article.warnings
    assert "the text of 2 versions of the file" in shared and "read as cp1250" in shared
    assert own.endswith(": not valid UTF-8; read as cp1252 (a guess)")


def test_a_version_the_files_encoding_reads_with_control_characters_keeps_its_own(
        tmp_path: Path) -> None:
    """ISO-8859-2, which the Polish version tells, reads the quotes and the dash of the English
    one in Windows-1252 as C1 control characters (`\x93Yes.\x94 \x96`), where no word rule
    sees a misreading: the English version was read so, in the repository and in a folder.
    Each is read in its own encoding, Windows-1252 taken over the two as it reads no controls."""
    repo = new_repository(tmp_path / "repo")
    (tmp_path / "folder").mkdir()
    texts = [("The mayor said: “Yes.” – and then he left the hall.", "cp1252"),
             ("Prezydent Gdańska przyjął ustawę. Sąd oddalił skargę.", "iso8859_2")]
    for number, (text, encoding) in enumerate(texts):
        data = f"{text}\n".encode(encoding)
        commit_bytes(repo, number * 60, {"story.txt": data}, "v")
        (tmp_path / "folder" / f"{number}.txt").write_bytes(data)
    for source in (repo, tmp_path / "folder"):
        [article] = load([str(source)])
        assert [version.paragraphs for version in article.versions] == [(t,) for t, _ in texts]
        assert any("as cp1252, guessed over" in warning for warning in article.warnings)
        assert any("as iso8859_2 (a guess" in warning for warning in article.warnings)
        # one text shares the guess: it is named as one (`read it as`, `commit`), not as several
        [shared] = [warning for warning in article.warnings if "guessed over" in warning]
        assert ("read it as cp1252" in shared if source.name == "folder"
                else "(commit " in shared and "guessed over the versions" in shared)


def test_utf16_text_over_the_size_limit_is_refused_as_a_plain_file_is(tmp_path: Path) -> None:
    """Its NUL bytes told it binary, so it was left out, where a plain file is refused as too
    large: reading its first 8 KiB as the version would cut it."""
    repo = new_repository(tmp_path / "repo")
    commit_bytes(repo, 0, {"story.txt": ("A long line. " * 400).encode("utf-16")}, "long")
    with pytest.raises(InputTooLarge, match="more than the size limit of 1K"):
        load([str(repo)], max_bytes=1024)
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "0.txt").write_bytes((tmp_path / "repo" / "story.txt").read_bytes())
    with pytest.raises(InputTooLarge, match="more than the size limit of 1K"):
        load([str(tmp_path / "folder" / "0.txt")], max_bytes=1024)


def test_a_file_name_holding_control_characters_is_named_as_every_message_names_it(
        tmp_path: Path) -> None:
    """A stored file named with an escape sequence was named in Python's quotes and escapes
    (`'a\\x1b]0;T\\x07b.txt'`), unlike the same file read from a folder: both now show each
    control character as a symbol."""
    repo = new_repository(tmp_path / "repo")
    name = "a\x1b]0;T\x07b.txt"
    commit_text(repo, 0, {name: "A long version. " * 100}, "one")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / name).write_text("A long version. " * 100, encoding="utf-8")
    from_repository = parse_cli(repo, "--max-size", "1K")
    from_folder = parse_cli(tmp_path / "folder", "--max-size", "1K")
    assert_one_error_line(from_repository, f"{repo}:a\u241b]0;T\u2407b.txt: input is 1.6K")
    assert from_repository.stderr.removeprefix(f"revdiff: error: {repo}:") \
        == from_folder.stderr.removeprefix(f"revdiff: error: {tmp_path / 'folder'}/")


def test_a_shallow_clone_is_refused_with_what_to_do(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)],
                   capture_output=True, check=True)
    with pytest.raises(StoreError, match="shallow clone") as refused:
        load([str(shallow)])
    assert refused.value.hint is not None and "git fetch --unshallow" in refused.value.hint


@pytest.mark.parametrize(("head", "problem"), [(None, "missing"), (b"garbage\n", "damaged")])
def test_a_missing_or_damaged_head_is_named_with_what_to_do(tmp_path: Path, head: bytes | None,
                                                           problem: str) -> None:
    """git takes a folder whose HEAD is missing or damaged for no repository: revdiff passed on
    its "repository ... does not exist" for a repository that is there."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    if head is None:
        (repo / ".git" / "HEAD").unlink()
    else:
        (repo / ".git" / "HEAD").write_bytes(head)
    with pytest.raises(StoreError) as refused:
        load([str(repo)])
    assert refused.value.message == (f"the git repository's HEAD file (which names the current "
                                     f"branch) is {problem}")
    assert refused.value.hint is not None and "git fsck" in refused.value.hint


MISSING_OBJECT = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(("ref", "packed", "alternate"), [
    ("refs/tags/v1", False, False), ("refs/heads/old", False, False), ("refs/tags/v1", True, False),
    # git complains first of an alternate that is not there, which it reads past
    ("refs/tags/v1", False, True),
])
def test_a_ref_naming_an_object_not_held_is_named_with_what_to_do(tmp_path: Path, ref: str,
                                                                  packed: bool,
                                                                  alternate: bool) -> None:
    """A branch or tag (not the current branch) naming an object the repository lacks, as a copy
    that left objects behind has, was refused with git's `not our ref ID` alone: no ref named,
    nothing to do."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    if alternate:
        (repo / ".git" / "objects" / "info" / "alternates").write_text(
            f"{tmp_path / 'gone' / 'objects'}\n")
    if packed:
        subprocess.run(["git", "-C", str(repo), "pack-refs", "--all"], check=True)
        with (repo / ".git" / "packed-refs").open("a") as listing:
            listing.write(f"{MISSING_OBJECT} {ref}\n")
    else:
        (repo / ".git" / ref).write_text(f"{MISSING_OBJECT}\n")
    assert_one_error_line(parse_cli(repo), f"{repo}: its ref {ref} names the object "
                          f"{MISSING_OBJECT}, which the repository does not hold",
                          f"git update-ref -d {ref}", "git fsck")


@pytest.mark.parametrize("linked", [False, True])
def test_a_packed_refs_too_large_is_not_searched_for_the_ref(tmp_path: Path,
                                                           linked: bool) -> None:
    """A hostile repository's `packed-refs` may be a sparse file of gigabytes, or a link to one
    out of the repository: it was read whole, after git said `not our ref`, to name the ref.
    One larger than 16 MiB is not searched: the refusal names a branch or tag."""
    git_dir = tmp_path / "repo.git"
    (git_dir / "refs").mkdir(parents=True)
    listing = tmp_path / "elsewhere" if linked else git_dir / "packed-refs"
    with listing.open("wb") as file:
        file.write(f"{MISSING_OBJECT} refs/tags/v1\n".encode())
        file.truncate(17 << 20)  # sparse: no disk taken
    if linked:
        (git_dir / "packed-refs").symlink_to(listing)
    with pytest.raises(StoreError) as refused:
        refuse_unclonable_ref(git_dir, str(git_dir), f"fatal: not our ref {MISSING_OBJECT}\n")
    assert str(refused.value).startswith(
        f"{git_dir}: a branch or tag names the object {MISSING_OBJECT},")
    assert "git update-ref -d REF" in str(refused.value)


def test_a_damaged_ref_file_is_named_with_what_to_do(tmp_path: Path) -> None:
    """A ref file that names no object git reads as the null id, and refused the repository
    with `not our ref 0000000000000000000000000000000000000000`, as if that were the ref."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    (repo / ".git" / "refs" / "heads" / "old").write_text("garbage\n")
    assert_one_error_line(parse_cli(repo), f"{repo}: its ref refs/heads/old is damaged: its file "
                          "names no object", f"remove the file {repo}/.git/refs/heads/old",
                          "git fsck")


@pytest.mark.parametrize(("file", "damage", "said", "linked"), [
    ("config", "[core\nbroken\n", "in file {}", False),  # after `bad config line N`
    ("packed-refs", "garbage line\n", "unexpected line in {}: garbage line", False),
    # read through a linked worktree, git names the main repository's config by its whole path
    ("config", "[core\nbroken\n", "in file {}", True),
])
def test_a_damaged_file_of_the_git_directory_is_named_by_its_path(tmp_path: Path, file: str,
                                                                 damage: str, said: str,
                                                                 linked: bool) -> None:
    """git names a file of the git directory it cannot read by its path there, `./config`,
    which the error passed on, with nothing to do: the file is named where it is."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    if file == "packed-refs":
        subprocess.run(["git", "-C", str(repo), "pack-refs", "--all"], check=True)
    if linked:
        subprocess.run(["git", "-C", str(repo), "worktree", "add", "-q", str(tmp_path / "linked")],
                       check=True)
    with (repo / ".git" / file).open("a") as damaged:
        damaged.write(damage)
    assert_one_error_line(parse_cli(tmp_path / "linked" if linked else repo),
                          said.format(repo / ".git" / file),
                          "mend that file or copy the repository again, then check it with git "
                          "fsck")


def test_a_linked_worktree_whose_repository_is_gone_is_named_with_what_to_do(
        tmp_path: Path) -> None:
    """A linked worktree (or a submodule) copied without its repository has a `.git` file naming
    a git directory that is not there: it was said to have lost its HEAD file, to be written
    back."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    subprocess.run(["git", "-C", str(repo), "worktree", "add", "-q", "--detach",
                    str(tmp_path / "linked")], check=True)
    shutil.rmtree(repo)
    assert_one_error_line(parse_cli(tmp_path / "linked"), "its .git file names the git directory "
                          f"{repo}/.git/worktrees/linked, which is not there", "moved or deleted")


def test_a_git_file_naming_a_folder_that_is_no_git_directory_says_so(tmp_path: Path) -> None:
    """A `.git` file naming a folder that is no git directory (`gitdir: /etc`) was said to have
    a git directory whose HEAD file is missing, to be written back (into /etc)."""
    folder = tmp_path / "folder"
    other = tmp_path / "other"
    folder.mkdir()
    other.mkdir()
    (other / "notes.txt").write_text("Mine.\n")
    (folder / ".git").write_text(f"gitdir: {other}\n")
    assert_one_error_line(parse_cli(folder), f"its .git file names the folder {other}, which is "
                          "not a git directory (it holds no HEAD, objects or refs)")


@pytest.mark.parametrize("text", [b"", b"not a link\n"], ids=["empty", "other text"])
def test_a_git_file_naming_no_git_directory_is_named_with_what_to_do(tmp_path: Path,
                                                                     text: bytes) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / ".git").write_bytes(text)
    assert_one_error_line(parse_cli(folder), "its .git is a file, and it does not name a git "
                          "directory", "give the repository itself")


def test_a_git_link_to_a_folder_that_is_no_git_directory_is_named_with_what_to_do(
        tmp_path: Path) -> None:
    """A `.git` linked to a plain folder was said to have lost its HEAD file, to be written
    into that folder."""
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("mine\n")
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".git").symlink_to(tmp_path / "plain")
    assert_one_error_line(parse_cli(tmp_path / "repo"), f"its .git links to the folder "
                          f"{tmp_path / 'plain'}, which is not a git directory",
                          "link .git to the repository's git directory")


@pytest.mark.parametrize(("held", "named", "to_do"), [
    (None, "its .git folder is empty", "remove the empty .git folder"),
    ("notes.txt", "its .git folder is not a git directory", "move the .git folder out of the way"),
], ids=["empty", "plain files"])
def test_a_git_folder_that_is_no_git_directory_is_named_with_what_to_do(
        tmp_path: Path, held: str | None, named: str, to_do: str) -> None:
    """An empty `.git` folder (or one of plain files) was said to have lost its HEAD file, to be
    written back into it."""
    (tmp_path / "folder" / ".git").mkdir(parents=True)
    (tmp_path / "folder" / "0.txt").write_text("One.\n", encoding="utf-8")
    if held is not None:
        (tmp_path / "folder" / ".git" / held).write_text("mine\n", encoding="utf-8")
    assert_one_error_line(parse_cli(tmp_path / "folder"), named, to_do,
                          "give the repository itself")


def test_a_bare_repository_without_head_is_named_with_what_to_do(tmp_path: Path) -> None:
    """A bare repository whose HEAD is lost was taken for a folder of plain files: its config,
    description and packed-refs were read as an article's versions."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(bare)], check=True)
    (bare / "HEAD").unlink()
    assert_one_error_line(parse_cli(bare), "HEAD file (which names the current branch) is "
                          "missing", "ref: refs/heads/main", "git fsck")


def test_a_folder_of_versions_with_objects_and_refs_folders_is_no_repository(
        tmp_path: Path) -> None:
    """A folder holding `objects` and `refs` folders (of anything) was taken for a bare
    repository that lost its HEAD, and refused."""
    folder = tmp_path / "story"
    for name in ("objects", "refs"):
        (folder / name).mkdir(parents=True)
    (folder / "0.txt").write_text("One.\n", encoding="utf-8")
    (folder / "1.txt").write_text("One. Two.\n", encoding="utf-8")
    assert not is_repository(folder)


def test_a_partial_clone_lacking_old_versions_says_how_to_fetch_them(tmp_path: Path) -> None:
    """A blobless clone (`git clone --filter=blob:none`) holds only the checked-out text; its
    older versions were said to be missing from a repository "incomplete or damaged", with git
    fsck to run, which finds nothing wrong."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    git_at(repo, 60, "config", "uploadpack.allowFilter", "true")
    partial = tmp_path / "partial"
    subprocess.run(["git", "clone", "-q", "--filter=blob:none", repo.as_uri(), str(partial)],
                   capture_output=True, check=True)
    assert_one_error_line(parse_cli(partial), "is missing from the repository",
                          "partial clone", "fetch --refetch origin", "without --filter")


def test_a_partial_clone_whose_history_has_a_rename_says_how_to_fetch_it(tmp_path: Path) -> None:
    """git reads the contents of a file renamed and changed to detect the rename, so a blobless
    clone of such a history failed while the history was read, with git's "unable to read" and
    nothing saying the repository is a partial clone."""
    repo = new_repository(tmp_path / "repo")
    text = "".join(f"Paragraph {number} says what the officials said.\n\n" for number in range(9))
    commit_text(repo, 0, {"politics/story.txt": text}, "first")
    git_at(repo, 60, "mv", "politics/story.txt", "world-story.txt")
    commit_text(repo, 60, {"world-story.txt": text + "One more.\n"}, "moved")
    git_at(repo, 60, "config", "uploadpack.allowFilter", "true")
    partial = tmp_path / "partial"
    subprocess.run(["git", "clone", "-q", "--filter=blob:none", repo.as_uri(), str(partial)],
                   capture_output=True, check=True)
    assert_one_error_line(parse_cli(partial), "cannot read the history", "unable to read",
                          "partial clone", "fetch --refetch origin", "without --filter")


def test_a_symbolic_link_is_no_article(tmp_path: Path) -> None:
    """git keeps a link as a blob of its target's name: that is no version of an article."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    (repo / "latest.txt").symlink_to("story.txt")
    git_at(repo, 60, "add", "--", "latest.txt")
    git_at(repo, 60, "commit", "-q", "-m", "link")
    commit_text(repo, 120, {"story.txt": "One. Two.\n"}, "second")
    [article] = load([str(repo)])
    assert [v.title for v in article.versions] == ["story.txt", "story.txt"]


def commit_bytes(repo_dir: Path, seconds: int, files: dict[str, bytes], message: str) -> None:
    for name, data in files.items():
        (repo_dir / name).write_bytes(data)
    git_at(repo_dir, seconds, "add", "--", *files)
    git_at(repo_dir, seconds, "commit", "-q", "-m", message)


def test_binary_files_are_left_out_with_one_warning_naming_them(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    images = {f"image-{n}.png": b"\x89PNG\r\n\x1a\n\0\0" + bytes([n]) for n in range(5)}
    commit_bytes(repo, 60, images, "images")
    commit_bytes(repo, 90, {"image-0.png": b"\x89PNG\0 changed"}, "image changed")
    commit_text(repo, 120, {"story.txt": "One. Two.\n"}, "second")
    [article] = load([str(repo)])
    assert [v.paragraphs for v in article.versions] == [("One.",), ("One. Two.",)]
    [warning] = article.warnings
    assert warning == ("5 binary files (image-0.png, image-1.png, image-2.png and 2 more) left "
                       "out: no version of them is text")


def test_bytes_no_encoding_reads_are_binary_as_a_plain_file_says(tmp_path: Path) -> None:
    """Bytes without a NUL that no encoding reads were read with U+FFFD in every other place,
    where the same file given alone is refused."""
    noise = bytes(range(128, 256)) * 2
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    commit_bytes(repo, 60, {"noise.bin": noise}, "noise")
    commit_text(repo, 120, {"story.txt": "One. Two.\n"}, "second")
    [article] = load([str(repo)])
    assert article.warnings == ("1 binary file (noise.bin) left out: no version of it is text",)
    with pytest.raises(EncodingProblem):
        load([str(repo / "noise.bin")])


def test_a_repository_of_binary_files_only_is_one_error_line(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    commit_bytes(repo, 0, {"logo.png": b"\x89PNG\0"}, "logo")
    assert_one_error_line(parse_cli(repo), "no file in the history of the current branch (HEAD) "
                          "holds text: 1 binary file (logo.png)")


def test_a_binary_file_over_the_size_limit_is_left_out_as_binary_files_are(
        tmp_path: Path) -> None:
    """A picture beside the articles, larger than --max-size, stopped the whole repository
    (exit 2, unless --skip-errors). Its first bytes tell it binary, as git tells one, and it is
    left out as a binary file of any size is; the versions read after it are read whole."""
    picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 20
    chart = b"\0chart" * 500
    repo = new_repository(tmp_path / "repo")
    commit_bytes(repo, 0, {"story.txt": b"One.\n", "pic.png": picture,
                           "chart.bin": lfs_pointer(chart).encode()}, "first")
    fetch_lfs(repo, chart)
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    result = parse_cli(repo, "--max-size", "2K")
    assert result.returncode == 0, result.stderr
    [article] = json.loads(result.stdout)
    assert [v["paragraphs"] for v in article["versions"]] == [["One."], ["One. Two."]]
    [warning] = article["warnings"]
    assert warning == "2 binary files (chart.bin, pic.png) left out: no version of them is text"


def test_binary_data_without_a_nul_over_the_size_limit_is_left_out_as_binary(
        tmp_path: Path) -> None:
    """Random bytes (a compressed stream) with no NUL byte, over --max-size, stopped the
    repository as too large, where a plain file of them beside a folder's versions is binary."""
    generator = random.Random(7)
    noise = bytes(generator.randrange(1, 256) for _ in range(4096))
    repo = new_repository(tmp_path / "repo")
    commit_bytes(repo, 0, {"story.txt": b"One.\n", "noise.bin": noise}, "first")
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    [article] = load([str(repo)], max_bytes=2048)
    assert [v.paragraphs for v in article.versions] == [("One.",), ("One. Two.",)]
    assert article.warnings == ("1 binary file (noise.bin) left out: no version of it is text",)


def test_a_version_over_the_size_limit_is_told_binary_from_as_many_bytes_as_a_plain_file(
        tmp_path: Path) -> None:
    """A version over --max-size was told binary from its first 8,000 bytes, a plain file from
    its first 8,192: data whose first NUL byte is between them was left out beside a folder's
    versions and stopped the repository as too large."""
    data = b"header " * 1150 + b"\0" + bytes(range(256)) * 4  # the NUL at byte 8,050
    folder = tmp_path / "versions"
    folder.mkdir()
    for name, content in (("0.txt", b"One.\n"), ("1.txt", b"One. Two.\n"), ("data.bin", data)):
        (folder / name).write_bytes(content)
    repo = new_repository(tmp_path / "repo")
    commit_bytes(repo, 0, {"story.txt": b"One.\n", "data.bin": data}, "first")
    commit_text(repo, 60, {"story.txt": "One. Two.\n"}, "second")
    for read in (folder, repo):
        [article] = load([str(read)], max_bytes=2048)
        assert [v.paragraphs for v in article.versions] == [("One.",), ("One. Two.",)]


def lfs_pointer(content: bytes) -> str:
    return (f"version https://git-lfs.github.com/spec/v1\n"
            f"oid sha256:{hashlib.sha256(content).hexdigest()}\nsize {len(content)}\n")


def fetch_lfs(repo_dir: Path, content: bytes) -> None:
    """Put `content` in the repository's LFS store, as `git lfs fetch` does."""
    object_id = hashlib.sha256(content).hexdigest()
    stored = repo_dir / ".git" / "lfs" / "objects" / object_id[:2] / object_id[2:4] / object_id
    stored.parent.mkdir(parents=True)
    stored.write_bytes(content)


def test_a_git_lfs_file_is_read_from_the_lfs_store_not_as_its_pointer(tmp_path: Path) -> None:
    """git holds a Git LFS file as a pointer (`version https://git-lfs...`, `oid sha256:...`),
    which was read as the article's text: versions of hashes. The content is read from the
    repository's LFS store; a version whose content is not there is left out, warned, and so is
    a file none of whose content is there."""
    texts = [b"First.\nSecond.\n", b"First.\nSecond, edited.\n"]
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": lfs_pointer(texts[0]),
                          "chart.txt": lfs_pointer(b"not fetched")}, "first")
    commit_text(repo, 60, {"story.txt": lfs_pointer(texts[1])}, "second")
    fetch_lfs(repo, texts[1])
    [story] = read_repository(repo)
    assert paragraphs(story) == [("First.", "Second, edited.")]
    assert len(story.warnings) == 2
    assert "the content of this Git LFS file is not in the repository" in story.warnings[0]
    assert story.warnings[1] == ("1 Git LFS file (chart.txt) left out: the content of no "
                                 "version of it is in the repository; git lfs fetch --all "
                                 "fetches it into the repository")
    fetch_lfs(repo, texts[0])
    [story] = read_repository(repo)
    assert paragraphs(story) == [("First.", "Second."), ("First.", "Second, edited.")]


def test_a_repository_of_unfetched_git_lfs_files_says_to_fetch_them(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": lfs_pointer(b"First.\n")}, "first")
    assert_one_error_line(parse_cli(repo), "holds text: 1 Git LFS file (story.txt)",
                          "git lfs fetch --all")


def test_an_unfetched_git_lfs_file_of_any_stated_size_is_left_out(tmp_path: Path) -> None:
    """A pointer stating a size over the limit stopped the whole repository, exit 2, where
    another unfetched Git LFS file is left out, warned: its size is checked once its content
    is found, and content too large is refused as any version is."""
    repo = new_repository(tmp_path / "repo")
    huge = lfs_pointer(b"Never fetched.\n").replace("size 15", f"size {90 << 40}")
    commit_text(repo, 0, {"story.txt": "One.\n", "huge.txt": huge}, "first")
    [story] = read_repository(repo, max_bytes=1024)
    [warning] = story.warnings
    assert warning == ("1 Git LFS file (huge.txt) left out: the content of no version of it is in "
                       "the repository; git lfs fetch --all fetches it into the repository")
    fetched = b"Fetched.\n" * 200
    commit_text(repo, 60, {"huge.txt": lfs_pointer(fetched)}, "second")
    fetch_lfs(repo, fetched)
    with pytest.raises(InputTooLarge, match="more than the size limit of 1K"):
        read_repository(repo, max_bytes=1024)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX file kind")
def test_an_lfs_store_linked_to_a_fifo_is_no_content(tmp_path: Path) -> None:
    """A downloaded repository whose `lfs` folder links to a folder beside it, where the
    content's name is a FIFO: reading it waited for a writer forever (the check for FIFOs in
    the git directory follows no link to a folder). It is no content, as a missing one is."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "First.\n", "chart.txt": lfs_pointer(b"Chart.\n")},
                "first")
    commit_text(repo, 60, {"story.txt": "First, edited.\n"}, "second")
    object_id = hashlib.sha256(b"Chart.\n").hexdigest()
    trap = tmp_path / "repo" / "trap" / "objects" / object_id[:2] / object_id[2:4]
    trap.mkdir(parents=True)
    os.mkfifo(trap / object_id)
    (repo / ".git" / "lfs").symlink_to(repo / "trap")
    result = parse_cli(repo)  # a hang ends in TimeoutExpired
    assert result.returncode == 0, result.stderr
    assert "1 Git LFS file (chart.txt) left out" in result.stdout


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a repository to another user needs root")
def test_a_repository_another_user_owns_is_read(tmp_path: Path) -> None:
    """git's ownership check ("dubious ownership") had made such a repository unreadable, even
    with safe.directory in the user's own config (revdiff reads none of it)."""
    repo = new_repository(tmp_path / "theirs")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    commit_text(repo, 100, {"story.txt": "Two.\n"}, "second")
    for path in [repo, *repo.rglob("*")]:
        os.lchown(path, 65534, 65534)
    [story] = read_repository(repo)
    assert [v.paragraphs for v in story.versions] == [("One.",), ("Two.",)]


def test_a_files_plain_versions_are_read_alike_for_wrapping(tmp_path: Path) -> None:
    """A version too short to show its wrapping was read a line a paragraph beside one that
    looks wrapped, as a folder's versions were before they were read alike."""
    import textwrap

    first = ("The minister said on Tuesday that the troops would arrive after talks in "
             "the capital ended.")
    second = "Officials in the region said they had not been told of the plan before it was made."
    third = " ".join(["A long third paragraph follows, with more words in it than the others."] * 3)
    repo = new_repository(tmp_path / "r")
    for seconds, shown in ((0, [first, second]), (60, [first, second, third])):
        text = "\n\n".join(textwrap.fill(p, 72) for p in shown) + "\n"
        commit_text(repo, seconds, {"story.txt": text}, f"at {seconds}")
    [story] = read_repository(repo)
    assert paragraphs(story) == [(first, second), (first, second, third)]
    assert len(story.warnings) == 2 and all("wrapped at" in w for w in story.warnings)


def test_a_folder_of_version_files_kept_in_git_says_how_to_read_it_as_one_article(
        tmp_path: Path) -> None:
    """`0.txt`, `1.txt`, `2.txt` committed at once read as three articles of one version each,
    and `diff` then said only that there is nothing to compare: a note says what happened and
    what to do. A store or a repository of articles with histories gets no such note."""
    from revdiff.formats import load

    repo = new_repository(tmp_path / "my story")
    commit_text(repo, 0, {f"{n}.txt": f"Version {n} of the story.\n" for n in range(3)}, "keep")
    notes: list[str] = []
    assert len(load([str(repo)], notes=notes)) == 3
    note = (f"{repo}: a git repository, read as one: each file's history is an article, and "
            "each of its 3 files has one version; to read the files as the versions of one "
            f"article, name them ('{repo}'/*)")  # quoted for the shell
    assert notes == [note]
    commit_text(repo, 60, {"1.txt": "Version 1, edited.\n"}, "edit")
    notes.clear()
    load([str(repo)], notes=notes)
    assert notes == []


def test_gits_own_files_are_no_articles(tmp_path: Path) -> None:
    """A hand-made repository's .gitattributes and .gitignore were read as articles."""
    from revdiff.formats import load

    repo = new_repository(tmp_path / "story")
    commit_text(repo, 0, {"story.txt": "One.\n", ".gitattributes": "*.txt text\n",
                          ".gitignore": "*.tmp\n", "sub/.gitignore": "x\n"}, "one")
    commit_text(repo, 60, {"story.txt": "Two.\n"}, "two")
    (article,) = load([str(repo)])
    assert [version.paragraphs for version in article.versions] == [("One.",), ("Two.",)]


def test_an_emptied_file_is_no_version_as_in_a_folder(tmp_path: Path) -> None:
    """A commit that emptied a file was read as a version without paragraphs, where the same
    texts in a folder leave the empty file out as a failed capture."""
    texts = ["First.\n", "Second.\n", " \n", "Second.\n"]
    repo = new_repository(tmp_path / "repo")
    for seconds, text in enumerate(texts):
        commit_text(repo, seconds, {"story.txt": text, "placeholder.txt": ""}, f"capture {seconds}")
    [article] = read_repository(repo)
    folder = tmp_path / "folder"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    [from_folder] = load([str(folder)])
    assert [v.paragraphs for v in article.versions] \
        == [v.paragraphs for v in from_folder.versions] == [("First.",), ("Second.",), ("Second.",)]
    emptied, placeholder = article.warnings
    assert emptied.endswith(": the file is empty, and an empty capture is no version; left out")
    assert placeholder == "1 empty file (placeholder.txt) left out: no version of it holds text"


def test_a_repository_of_empty_files_only_is_one_error_line(tmp_path: Path) -> None:
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": ""}, "empty")
    assert_one_error_line(parse_cli(repo), "no file in the history of the current branch (HEAD) "
                          "holds text: 1 empty file (story.txt)")


@pytest.mark.parametrize("seconds", ["²", "1" * 5000, ""], ids=["superscript", "5000 digits", "none"])
def test_a_reflog_time_git_never_writes_is_no_time(tmp_path: Path, seconds: str) -> None:
    """A repository's hand-made reflog whose first entry's time was `²` or thousands of digits
    ended the run with a ValueError (str.isdigit takes both, int neither)."""
    from revdiff.formats.git_layout import branch_made_since

    reflog = tmp_path / "logs" / "refs" / "heads" / "main"
    reflog.parent.mkdir(parents=True)
    reflog.write_text(f"{'0' * 40} {'1' * 40} A <a@b> {seconds} +0000\tbranch: Created\n")
    assert not branch_made_since(tmp_path, "refs/heads/main", 0)
    reflog.write_text(f"{'0' * 40} {'1' * 40} A <a@b> 1600000000 +0000\tbranch: Created\n")
    assert branch_made_since(tmp_path, "refs/heads/main", 0)


def test_a_detached_head_is_read_with_a_warning_that_no_branch_is_checked_out(
        tmp_path: Path) -> None:
    """A detached HEAD was read along its first-parent history without a word, as the current
    branch that the README says is read."""
    repo = git.Repo.init(tmp_path / "r", initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(repo, "story.txt", "One.\n", "first", when)
    commit_file(repo, "story.txt", "Two.\n", "second", when + timedelta(hours=1))
    repo.git.checkout("--detach", "HEAD~1")
    [story] = read_repository(tmp_path / "r")
    assert [v.paragraphs for v in story.versions] == [("One.",)]
    head = repo.head.commit.hexsha[:12]
    assert [w for w in story.warnings if "detached" in w] == [
        (f"{tmp_path / 'r'}: HEAD is detached (no branch is checked out): read along the "
         f"first-parent history of its commit {head}; check out a branch (git switch BRANCH) "
         "to read that branch")]


def test_a_head_detached_at_a_branch_tip_is_read_with_the_warning_too(tmp_path: Path) -> None:
    """A HEAD detached at the commit a branch names was read without the warning: the sanitized
    clone takes that branch for the one checked out (git guesses it by its commit)."""
    repo = git.Repo.init(tmp_path / "r", initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(repo, "story.txt", "One.\n", "first", when)
    commit_file(repo, "story.txt", "Two.\n", "second", when + timedelta(hours=1))
    repo.git.checkout("--detach", "main")
    [story] = read_repository(tmp_path / "r")
    assert [v.paragraphs for v in story.versions] == [("One.",), ("Two.",)]
    assert [w for w in story.warnings if "detached" in w] == [
        (f"{tmp_path / 'r'}: HEAD is detached (no branch is checked out): read along the "
         f"first-parent history of its commit {repo.head.commit.hexsha[:12]}; check out a "
         "branch (git switch BRANCH) to read that branch")]


@pytest.mark.parametrize("variable, value", [("GIT_COMMON_DIR", "hooked/.git"),
                                             ("GIT_NAMESPACE", "elsewhere")])
def test_the_callers_repository_variables_do_not_mislead_reading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    """A git hook that runs revdiff has the variables placing its own repository (those of `git
    rev-parse --local-env-vars`); reading the repository named must not obey them (given to git,
    these two made the named repository's branch look empty)."""
    named = git.Repo.init(tmp_path / "named", initial_branch="main")
    hooked = git.Repo.init(tmp_path / "hooked", initial_branch="main")
    when = datetime(2020, 5, 1, 12, 0, tzinfo=UTC)
    commit_file(named, "story.txt", "Named.\n", "first", when)
    commit_file(hooked, "other.txt", "Hooked.\n", "first", when)
    monkeypatch.setenv(variable, str(tmp_path / value) if "/" in value else value)
    [story] = read_repository(tmp_path / "named")
    assert [v.paragraphs for v in story.versions] == [("Named.",)]


def _stored_time_problem(tmp_path: Path, value: str) -> str:
    repo = tmp_path / f"r{len(list(tmp_path.iterdir()))}"
    raw_commits(repo, ("T\n\nP\n", "1600000000 +0000",
                       STORED + f"Revdiff-Time: {json.dumps(value)}\n"))
    with pytest.raises(MalformedPage) as error:
        read_repository(repo)
    return error.value.message


def _refused(reader: Callable[[str], object], value: str) -> str:
    with pytest.raises(MalformedPage) as error:
        reader(value)
    return error.value.message


def _author_date_problem(value: str) -> str:
    problem = author_time(value)[1]
    assert problem is not None
    return problem


@pytest.mark.parametrize("problem_of", [
    pytest.param(lambda tmp_path, value: _author_date_problem(value), id="author date"),
    pytest.param(lambda tmp_path, value: _refused(
        lambda raw: stored_metadata({"Revdiff-Metadata": raw}, "story.txt"), value), id="metadata"),
    pytest.param(lambda tmp_path, value: _refused(
        lambda raw: decode_warnings(raw, "story.txt"), value), id="warnings"),
    pytest.param(lambda tmp_path, value: _refused(
        lambda raw: decode_version_file(b"T\n", raw, "story.txt"), value), id="encoding"),
    pytest.param(_stored_time_problem, id="stored time"),
])
def test_a_bad_stored_value_is_quoted_whole_enough_to_tell_apart(
        tmp_path: Path, problem_of: Callable[[Path, str], str]) -> None:
    """Each message cut the value at 40 characters: two values that differ past them read alike,
    with no length; a control character is escaped, never written to the terminal. The messages
    leave out where the value was read, which alone could tell two apart."""
    first, second = (problem_of(tmp_path, "{" + "x" * 60 + end) for end in ("1]", "2]"))
    assert first != second
    assert "(63 characters)" in first
    escaped = problem_of(tmp_path, "{\x1b[2J\x07")
    assert "\\x1b" in escaped and not any(c in escaped for c in "\x1b\x07")


def test_symbolic_links_and_submodules_are_left_out_with_a_warning_naming_them(
        tmp_path: Path) -> None:
    """A link or a submodule in the history was skipped without a word: an archive whose
    article is a link to it read without telling the researcher. One warning of each kind names
    them, neither followed nor read; a repository of nothing else is refused naming them."""
    repo = new_repository(tmp_path / "repo")
    commit_text(repo, 0, {"story.txt": "One.\n"}, "first")
    for name in ("latest.txt", "today.txt", "top.txt", "x.txt"):
        (repo / name).symlink_to("/etc/passwd" if name == "x.txt" else "story.txt")
    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    git_at(repo, 60, "update-index", "--add", "--cacheinfo", f"160000,{head},vendor/archive")
    git_at(repo, 60, "add", "--", "latest.txt", "today.txt", "top.txt", "x.txt")
    git_at(repo, 60, "commit", "-q", "-m", "links and a submodule")
    commit_text(repo, 120, {"story.txt": "One. Two.\n"}, "second")
    [article] = load([str(repo)])
    assert paragraphs(article) == [("One.",), ("One. Two.",)]
    assert article.warnings == (
        ("left out 4 symbolic links (latest.txt, today.txt, top.txt, ...): a link is no article "
         "and is never followed; give the file it names to read that"),
        ("left out 1 submodule (vendor/archive): a submodule's repository is not read; give its "
         "folder to read its history"))
    links_only = new_repository(tmp_path / "links")
    (links_only / "latest.txt").symlink_to("/etc/passwd")
    git_at(links_only, 0, "add", "--", "latest.txt")
    git_at(links_only, 0, "commit", "-q", "-m", "a link")
    assert_one_error_line(parse_cli(links_only), "holds text: 1 symbolic link (latest.txt)",
                          "symbolic links and submodules are no articles")


def test_a_newsdiffs_version_read_again_in_its_layout_sets_no_wrap_width(
        tmp_path: Path) -> None:
    """A version another commit wrote, whose lines looked wrapped read as plain text, is read
    again in NewsDiffs' layout: its width went on counting, and the file's plain version too
    short to show wrapping alone was read in blocks at it, its lines joined."""
    import textwrap

    story = "www.x.test/story"
    long = " ".join(["The talks on the budget went on late into the night in the capital."] * 5)
    lead = ["The minister said on Tuesday that the", "troops would arrive after talks in the",
            "capital ended, officials told reporters."]
    repo = new_repository(tmp_path / "archive")
    commit_text(repo, 0, {story: newsdiffs_file("January 7, 2014", "Budget", "By JANE DOE",
                                                "Talks stalled.")}, f"Adding file {story}")
    commit_text(repo, 60, {story: newsdiffs_file("January 7, 2014", "Budget", "By JANE DOE",
                                                 *[textwrap.fill(long, 40)] * 2)},
                "Import the last captures")
    commit_text(repo, 120, {story: "Short lead.\n\n" + "\n".join(lead) + "\n"},
                f"Change to {story}")
    [budget] = load([str(repo)])
    assert paragraphs(budget)[1] == (long, long)
    assert paragraphs(budget)[2] == ("Short lead.", *lead)
    assert not [w for w in budget.warnings if "wrapped at" in w]
