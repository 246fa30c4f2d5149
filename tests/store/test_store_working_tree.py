"""A file or folder of a store's working tree, given in place of the store: the newest text of
each story, refused, where it was read as plain versions without a word."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from revdiff.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
STORIES = sorted(str(folder) for folder in (SAMPLES / "versions").iterdir())
PAGES = sorted(str(page) for page in (SAMPLES / "sniffer-diff").glob("*.html"))


def stored(repo: Path, *inputs: str) -> Path:
    result = CliRunner().invoke(main, ["store", *inputs, "--repo", str(repo), "--quiet"])
    assert result.exit_code == 0, result.stderr
    return repo


def test_a_folder_of_the_working_tree_is_refused(tmp_path: Path) -> None:
    """`_no-url` holds the newest text of three stories: they were read as three versions of
    one article, ordered by the digits of their names' hashes."""
    store = stored(tmp_path / "news", *STORIES)
    folder = store / "_no-url"
    result = CliRunner().invoke(main, ["parse", str(folder)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"revdiff: error: {folder}: a folder of the working tree of the revdiff store {store}, "
        "which holds each story's newest text, not its versions (give the store itself in its "
        f"place, {store}: revdiff reads each story's versions from its history)\n")


def test_a_file_of_the_working_tree_is_refused(tmp_path: Path) -> None:
    """The story's file was read as one plain version: `only one version, nothing to
    compare`, where the store holds five."""
    store = stored(tmp_path / "news", *PAGES)
    file = store / "www.channelnewsasia.com/news/world/iran-missiles-us-troops-iraq-soleimani.txt"
    result = CliRunner().invoke(main, ["diff", str(file)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"revdiff: error: {file}: a file of the working tree of the revdiff store {store}, "
        "which holds each story's newest text, not its versions (give the store itself in its "
        f"place, {store}: revdiff reads each story's versions from its history)\n")
    read_back = CliRunner().invoke(main, ["parse", str(store), "--format", "text"])
    assert read_back.exit_code == 0, read_back.stderr
    assert "version   4" in read_back.stdout


def test_a_folder_of_versions_in_another_repository_is_read_as_before(tmp_path: Path) -> None:
    """A user's project that holds a folder of versions, and a store in a folder of its own:
    the folder is the project's, read as its versions, and the store's folder is refused."""
    project = tmp_path / "project"
    repo = git.Repo.init(project, initial_branch="main")
    story = project / "story"
    story.mkdir()
    for number, text in enumerate(["First.\n", "First.\nSecond.\n", "First!\nSecond.\n"]):
        (story / f"{number}.txt").write_text(text, encoding="utf-8")
    repo.index.add([str(story / f"{number}.txt") for number in range(3)])
    repo.index.commit("versions")
    store = stored(project / "news", *STORIES)

    result = CliRunner().invoke(main, ["parse", str(story), "--format", "text"])
    assert result.exit_code == 0, result.stderr
    assert [line.split()[:2] for line in result.stdout.splitlines() if "version" in line] == [
        ["version", "0"], ["version", "1"], ["version", "2"]]
    refused = CliRunner().invoke(main, ["parse", str(store / "_no-url")])
    assert refused.exit_code == 2
    assert f"a folder of the working tree of the revdiff store {store}," in refused.stderr


def test_a_file_of_a_linked_worktree_of_the_store_is_refused(tmp_path: Path) -> None:
    """Found by a review: a worktree added to a store (`git worktree add`), whose git directory
    is the store's `.git/worktrees/NAME`, was not told from another repository, the lock lying
    in the main git directory; its file was read as one plain version."""
    store = stored(tmp_path / "news", *PAGES)
    linked = tmp_path / "linked"
    git.Repo(store).git.worktree("add", "--detach", str(linked))
    file = linked / "www.channelnewsasia.com/news/world/iran-missiles-us-troops-iraq-soleimani.txt"
    result = CliRunner().invoke(main, ["diff", str(file)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"revdiff: error: {file}: a file of the working tree of the revdiff store {linked}, ")


STORY = "www.channelnewsasia.com/news/world/iran-missiles-us-troops-iraq-soleimani.txt"


def _empty_folder(dot_git: Path) -> None:
    dot_git.mkdir()


def _link_to_nothing(dot_git: Path) -> None:
    dot_git.symlink_to(dot_git.parent / "gone")


def _folder_of_no_git_directory(dot_git: Path) -> None:
    """HEAD and objects/, but no refs/: git takes it for no git directory either."""
    (dot_git / "objects").mkdir(parents=True)
    (dot_git / "HEAD").write_text("ref: refs/heads/main\n")


@pytest.mark.parametrize("plant", [_empty_folder, _link_to_nothing, _folder_of_no_git_directory])
def test_a_dot_git_that_is_no_repository_between_the_file_and_the_store_is_passed_over(
        tmp_path: Path, plant: Callable[[Path], None]) -> None:
    """Found by a review: the nearest `.git` above the path was taken for its repository's,
    whatever it was, so an empty `.git` folder (or a link to nothing) between a file and the
    store let the file be read as one plain version. Git passes over such a `.git`, and looks on
    above it, as the store's working tree's file is now told."""
    store = stored(tmp_path / "news", *PAGES)
    plant(store / "www.channelnewsasia.com" / ".git")
    file = store / STORY
    result = CliRunner().invoke(main, ["diff", str(file)])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"revdiff: error: {file}: a file of the working tree of the revdiff store {store}, ")


def test_a_repository_between_the_file_and_the_store_holds_the_file(tmp_path: Path) -> None:
    """A repository of its own inside the store's working tree holds its files, as git says:
    they are that repository's, not the store's, and read as plain versions."""
    store = stored(tmp_path / "news", *PAGES)
    git.Repo.init(store / "www.channelnewsasia.com", initial_branch="main")
    result = CliRunner().invoke(main, ["parse", str(store / STORY), "--format", "text"])
    assert result.exit_code == 0, result.stderr
