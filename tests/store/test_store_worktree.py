"""`revdiff store` into a repository with a working tree never overwrites the user's files.

A file in the way of one the store writes (untracked, ignored, changed, staged, a directory, a
file where the store needs a directory) is refused in one line naming it, before anything is
written; the store's own older versions left in the working tree by a run that could not update
it are not in the way. Staged changes to other files are refused too: bringing the working tree
to the new tip would undo them.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from revdiff.cli import main

STORY = "_no-url/story~"  # the folder and name stem of the article below (no URL)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def user_repository(folder: Path) -> Path:
    folder.mkdir()
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "t")
    git(folder, "config", "user.email", "t@t")
    (folder / "README").write_text("mine\n")
    git(folder, "add", "README")
    git(folder, "commit", "-qm", "init")
    return folder


def versions(folder: Path, count: int) -> Path:
    folder.mkdir(exist_ok=True)
    for number in range(count):
        (folder / f"{number}.txt").write_text(f"Paragraph of version {number}.\n")
    return folder


def store(story: Path, repo: Path) -> Result:
    return CliRunner().invoke(main, ["store", str(story), "--repo", str(repo)])


def story_path(repo: Path, story: Path) -> Path:
    """Where the store writes the article of `story` (found by storing it in a scratch copy)."""
    scratch = repo.parent / "scratch"
    assert store(story, scratch).exit_code == 0
    name = git(scratch, "ls-files").strip()
    assert name.startswith(STORY)
    return repo / name


COMMIT_OR_MOVE = "move it away, or commit it if it belongs in the branch, then run again"
MOVE_OR_STORE_ELSEWHERE = ("move it away (git mv, when the branch holds it), or store into "
                           "another repository, then run again")


def assert_refused(result: Result, repo: Path, where: Path, what: str, commits: int,
                   status: str, to_do: str = COMMIT_OR_MOVE) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr == (f"revdiff: error: {where}: {what}, and revdiff store would write "
                             f"there; nothing was stored ({to_do})\n")
    assert "checkout" not in result.stderr
    assert int(git(repo, "rev-list", "--count", "HEAD")) == commits
    assert git(repo, "status", "--porcelain", "--ignored") == status


def test_an_untracked_file_in_the_way_is_refused_before_anything_is_written(
        tmp_path: Path) -> None:
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 3)
    draft = story_path(repo, story)
    draft.parent.mkdir()
    draft.write_text("draft\n")
    assert_refused(store(story, repo), repo, draft, "is not tracked by git", 1,
                   "?? _no-url/\n")
    assert draft.read_text() == "draft\n"
    moved = tmp_path / "draft.txt"
    draft.rename(moved)
    result = store(story, repo)
    assert result.exit_code == 0, result.output
    assert "3 versions stored" in result.stdout
    assert git(repo, "status", "--porcelain") == ""
    assert moved.read_text() == "draft\n"


def change_the_stored_file(repo: Path, path: Path) -> None:
    path.write_text("my edit\n")


def stage_a_change(repo: Path, path: Path) -> None:
    path.write_text("my staged edit\n")
    git(repo, "add", str(path))


@pytest.mark.parametrize(("change", "what", "status"), [
    (change_the_stored_file, "has changes that are not committed", " M {}\n"),
    (stage_a_change, "has staged changes that are not committed", "M  {}\n"),
])
def test_a_changed_stored_file_is_refused_before_anything_is_written(
        tmp_path: Path, change: Callable[[Path, Path], None], what: str, status: str) -> None:
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    path = repo / git(repo, "ls-files", "_no-url").strip()
    change(repo, path)
    expected = path.read_text()
    versions(story, 3)  # a new version of the article
    assert_refused(store(story, repo), repo, path, what, 3,
                   status.format(path.relative_to(repo)))
    assert path.read_text() == expected


def test_an_ignored_file_in_the_way_is_refused(tmp_path: Path) -> None:
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    draft = story_path(repo, story)
    draft.parent.mkdir()
    draft.write_text("draft\n")
    (repo / ".git" / "info" / "exclude").write_text("_no-url/\n")
    assert_refused(store(story, repo), repo, draft, "is ignored by git, not tracked", 1,
                   "!! _no-url/\n")


def test_a_directory_in_the_way_or_a_file_where_a_folder_goes_is_refused(
        tmp_path: Path) -> None:
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    path = story_path(repo, story)
    (path / "inside").mkdir(parents=True)
    (path / "inside" / "notes").write_text("notes\n")
    assert_refused(store(story, repo), repo, path, "is a directory", 1, "?? _no-url/\n",
                   MOVE_OR_STORE_ELSEWHERE)
    subprocess.run(["rm", "-r", str(repo / "_no-url")], check=True)
    (repo / "_no-url").write_text("a file\n")
    assert_refused(store(story, repo), repo, repo / "_no-url",
                   "is a file where the store needs a directory", 1, "?? _no-url\n",
                   MOVE_OR_STORE_ELSEWHERE)
    # committed, where committing it again is no help: it was the advice
    (repo / "_no-url").unlink()
    (repo / "_no-url").symlink_to(tmp_path)
    git(repo, "add", "_no-url")
    git(repo, "commit", "-qm", "a link")
    assert_refused(store(story, repo), repo, repo / "_no-url",
                   "is a symbolic link where the store needs a directory", 2, "",
                   MOVE_OR_STORE_ELSEWHERE)


def commit_a_file_where_the_folder_goes(repo: Path, path: Path) -> str:
    (repo / "_no-url").write_text("my notes\n")
    return "_no-url"


def commit_a_directory_at_the_path(repo: Path, path: Path) -> str:
    (path / "inside").mkdir(parents=True)
    (path / "inside" / "notes").write_text("notes\n")
    return str(path.relative_to(repo))


def commit_a_submodule_where_the_folder_goes(repo: Path, path: Path) -> str:
    inner = user_repository(repo / "_no-url")  # checked out, as a submodule is
    git(repo, "add", "_no-url")  # a repository inside: added as a submodule (a gitlink)
    return str(inner.relative_to(repo))


@pytest.mark.parametrize(("arrange", "what", "bare"), [
    (commit_a_file_where_the_folder_goes,
     "is a file in the branch where the store needs a directory", True),
    (commit_a_directory_at_the_path, "is a directory in the branch", True),
    (commit_a_submodule_where_the_folder_goes,
     "is a submodule in the branch where the store needs a directory", False),
])
def test_what_the_branch_holds_in_the_way_is_refused_not_replaced(
        tmp_path: Path, arrange: Callable[[Path, Path], str], what: str, bare: bool) -> None:
    """git fast-import replaces an entry of the wrong kind without a word: the branch had lost
    the file, directory or submodule. A bare repository has no working tree to show it, and a
    submodule's is a directory."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    in_the_way = arrange(repo, story_path(repo, story))
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "mine")
    if bare:
        git(tmp_path, "clone", "-q", "--bare", str(repo), "bare.git")
        repo = tmp_path / "bare.git"
    tip = git(repo, "rev-parse", "HEAD")
    result = store(story, repo)
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"revdiff: error: {repo / in_the_way}: {what}, and revdiff store "
                             f"would write there; nothing was stored ({MOVE_OR_STORE_ELSEWHERE})\n")
    assert git(repo, "rev-parse", "HEAD") == tip


def test_the_stores_own_older_version_left_in_the_working_tree_is_updated(
        tmp_path: Path) -> None:
    """A run that could not update the working tree leaves the store's older versions there
    (and in the index): they are the store's, not the user's, and the next run updates them."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    git(repo, "read-tree", "HEAD~1")  # index and files as before version 1 was stored
    git(repo, "checkout-index", "-f", "-a")
    versions(story, 3)
    result = store(story, repo)
    assert result.exit_code == 0, result.output
    assert "1 version stored, 2 already stored" in result.stdout
    assert git(repo, "status", "--porcelain") == ""


def test_a_failed_working_tree_update_advises_nothing_that_destroys_files(
        tmp_path: Path) -> None:
    """Versions stored by an older revdiff whose working-tree update failed: the next run has
    nothing to write, updates the files, and when the user's file is still in the way says to
    move it, never to force a checkout."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    git(repo, "read-tree", "HEAD~2")  # the index from before the store, as the failed run left it
    path = repo / git(repo, "ls-tree", "-r", "--name-only", "HEAD", "_no-url").strip()
    path.write_text("draft\n")  # the user's untracked file, which stopped that update
    result = store(story, repo)
    assert result.exit_code == 2
    assert "versions are stored, but the working tree could not be updated" in result.stderr
    assert "move away or commit the files git names" in result.stderr
    assert "checkout" not in result.stderr
    assert path.read_text() == "draft\n"


def test_an_unfinished_update_a_killed_run_left_says_this_run_stored_nothing(
        tmp_path: Path) -> None:
    """A run killed while updating the working tree left its marker; finishing that update failed
    before this run wrote anything, and the message said that versions were stored."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    git(repo, "read-tree", "HEAD~2")  # the index from before the store, as the killed run left it
    path = repo / git(repo, "ls-tree", "-r", "--name-only", "HEAD", "_no-url").strip()
    path.unlink()
    path.mkdir()
    (path / "mine.txt").write_text("mine\n")  # the user's, where the update writes a file
    (repo / ".git" / "revdiff-sync-in-progress").write_bytes(b"")
    versions(story, 3)
    result = store(story, repo)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"revdiff: error: {repo}: a revdiff store killed while updating the working tree left "
        "it behind the branch, and it could not be brought up; nothing was stored (git said: ")
    assert "versions are stored" not in result.stderr
    assert int(git(repo, "rev-list", "--count", "HEAD")) == 3
    assert (path / "mine.txt").read_text() == "mine\n"


def test_a_stored_file_only_touched_is_not_in_the_way(tmp_path: Path) -> None:
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    path = repo / git(repo, "ls-files", "_no-url").strip()
    os.utime(path, (1_000_000_000, 1_000_000_000))  # its content is as committed
    versions(story, 3)
    result = store(story, repo)
    assert result.exit_code == 0, result.output
    assert git(repo, "status", "--porcelain") == ""
    assert path.read_text().endswith("Paragraph of version 2.\n")


@pytest.mark.parametrize("stored_before", [False, True])
def test_staged_changes_elsewhere_are_refused_and_kept(tmp_path: Path, stored_before: bool) -> None:
    """Bringing the working tree to the new tip from the index's tree undid what the user had
    staged: a staged new file was deleted, a staged edit reverted, even with nothing to store."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    if stored_before:  # nothing new to store: the run only brings the working tree up
        assert store(story, repo).exit_code == 0
    (repo / "notes.txt").write_text("my notes\n")
    (repo / "README").write_text("mine, edited\n")
    git(repo, "add", "notes.txt", "README")
    commits = git(repo, "rev-list", "--count", "HEAD")
    result = store(story, repo)
    assert result.exit_code == 2
    assert "staged changes that storing would undo (README, notes.txt)" in result.output
    assert (repo / "notes.txt").read_text() == "my notes\n"
    assert (repo / "README").read_text() == "mine, edited\n"
    assert git(repo, "diff", "--cached", "--name-only").split() == ["README", "notes.txt"]
    assert git(repo, "rev-list", "--count", "HEAD") == commits


def test_an_index_another_git_command_holds_is_refused_before_anything_is_stored(
        tmp_path: Path) -> None:
    """With a leftover index.lock the versions had been committed and the working tree left
    behind, `git status` showing them as staged deletions."""
    repo = user_repository(tmp_path / "repo")
    (repo / ".git" / "index.lock").write_text("")
    result = store(versions(tmp_path / "story", 2), repo)
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {repo / '.git' / 'index.lock'}: another git "
                             "command holds the repository's index (index.lock); nothing was "
                             "stored (let that command finish, or remove index.lock if no git "
                             "command runs, then run again)\n")
    assert int(git(repo, "rev-list", "--count", "HEAD")) == 1


@pytest.mark.parametrize(("lock", "held"), [("HEAD.lock", "HEAD"),
                                             ("refs/heads/main.lock", "the branch main"),
                                             ("packed-refs.lock", "the repository's packed refs")])
def test_a_lock_a_killed_git_left_on_head_or_the_branch_is_refused_before_anything_is_stored(
        lock: str, held: str, tmp_path: Path) -> None:
    """The versions were written, then the branch could not be moved to them, and the hint said
    to wait for a git command that no longer ran, not to remove its lock. A lock of packed-refs
    let the branch move, then failed the run as it deleted its private ref, before the working
    tree was brought up (left behind the branch, its files' older versions staged)."""
    repo = user_repository(tmp_path / "repo")
    git(repo, "branch", "-m", "main")
    (repo / ".git" / lock).write_text("")
    result = store(versions(tmp_path / "story", 2), repo)
    assert result.exit_code == 2
    name = lock.rpartition("/")[2]
    assert result.stderr == (f"revdiff: error: {repo / '.git' / lock}: another git command holds "
                             f"{held} ({name}); nothing was stored (let that command finish, or "
                             f"remove {name} if no git command runs, then run again)\n")
    assert git(repo, "for-each-ref", "refs/revdiff") == ""
    assert int(git(repo, "rev-list", "--count", "HEAD")) == 1


def test_a_head_that_names_a_tag_is_refused_and_the_tag_left_where_it_was(
        tmp_path: Path) -> None:
    """The store wrote to the ref HEAD named, so the tag moved to the stored versions."""
    repo = user_repository(tmp_path / "repo")
    git(repo, "tag", "v1")
    tagged = git(repo, "rev-parse", "v1")
    git(repo, "symbolic-ref", "HEAD", "refs/tags/v1")
    result = store(versions(tmp_path / "story", 2), repo)
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {repo}: HEAD names refs/tags/v1, which "
                             "is no branch, so there is no branch to store into; nothing was "
                             "stored (check out a branch first (git switch BRANCH))\n")
    assert git(repo, "rev-parse", "v1") == tagged


def test_a_detached_head_or_a_rebase_in_progress_is_said_as_it_is(tmp_path: Path) -> None:
    repo = user_repository(tmp_path / "repo")
    (repo / "README").write_text("mine, edited\n")
    git(repo, "commit", "-qam", "edit")
    git(repo, "checkout", "-q", "--detach", "HEAD~1")
    result = store(versions(tmp_path / "story", 2), repo)
    assert result.exit_code == 2
    assert "HEAD is detached, so there is no branch to store into; nothing was stored (" \
        in result.stderr
    git(repo, "checkout", "-q", "-")
    (repo / ".git" / "rebase-merge").mkdir()  # what `git rebase -i` keeps while it stops
    git(repo, "checkout", "-q", "--detach")
    result = store(versions(tmp_path / "story", 2), repo)
    assert result.exit_code == 2
    assert "a rebase is in progress, so there is no branch to store into; nothing was stored (" \
        in result.stderr and "git rebase --abort" in result.stderr


def test_a_stored_file_renamed_by_hand_goes_on_where_it_is(tmp_path: Path) -> None:
    """After `git mv` of a stored file, the next versions were written at the old path again:
    the archive then read as two articles of one story, and a new file at the old path as the
    first. They go to the file where it is now, and one article reads back."""
    from revdiff.formats.gitrepo import read_repository

    repo = user_repository(tmp_path / "mine")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    (stored,) = [name for name in git(repo, "ls-files").split() if name != "README"]
    (repo / "kept").mkdir()
    git(repo, "mv", stored, "kept/story.txt")
    git(repo, "commit", "-qm", "file it elsewhere")
    versions(story, 4)
    result = store(story, repo)
    assert result.exit_code == 0, result.output
    assert "2 versions stored, 2 already stored" in result.output
    assert git(repo, "ls-files").split() == ["README", "kept/story.txt"]
    assert git(repo, "status", "--porcelain") == ""
    articles = [article for article in read_repository(repo) if len(article.versions) > 1]
    assert [[version.number for version in article.versions] for article in articles] == [[0, 1, 2, 3]]
    assert "2 versions stored" not in store(story, repo).output  # a re-run adds nothing


def test_a_stored_file_renamed_by_hand_to_a_name_not_utf8_goes_on_where_it_is(
        tmp_path: Path) -> None:
    """A name that is not UTF-8 (`caf\\xe9.txt` in Latin-1) was looked up as it is shown, its
    byte written out as the text `\\xe9`: the next versions went to a new file of that text's
    name, beside the moved one."""
    repo = user_repository(tmp_path / "mine")
    story = versions(tmp_path / "story", 2)
    assert store(story, repo).exit_code == 0
    (stored,) = [name for name in git(repo, "ls-files").split() if name != "README"]
    moved = os.fsdecode(b"caf\xe9.txt")
    git(repo, "mv", stored, moved)
    git(repo, "commit", "-qm", "renamed by hand")
    versions(story, 4)
    result = store(story, repo)
    assert result.exit_code == 0, result.output
    assert "2 versions stored, 2 already stored" in result.output
    listed = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], capture_output=True,
                            check=True).stdout
    assert listed.split(b"\0") == [b"README", b"caf\xe9.txt", b""]
    assert git(repo, "status", "--porcelain") == ""
    assert (repo / moved).read_text(encoding="utf-8").endswith("Paragraph of version 3.\n")


def test_two_stored_files_that_swapped_paths_each_go_on_as_their_article(tmp_path: Path) -> None:
    """With the two files' paths swapped by hand, the next version of one article was checked
    against the other's history (`2 skipped: conflict`): an article's file is found by its URL."""
    from revdiff.formats.gitrepo import read_repository

    samples = Path(__file__).resolve().parents[2] / "samples"
    repo = user_repository(tmp_path / "mine")
    first = [str(samples / "sniffer-diff" / "iran-strikes-v0-v1.html"),
             str(samples / "newsdiffs" / "us-deploys-troops-v1-v2-raw.html")]
    assert CliRunner().invoke(main, ["store", *first, "--repo", str(repo)]).exit_code == 0
    a, b = [name for name in git(repo, "ls-files").split() if name != "README"]
    for source, target in ((a, "swap.txt"), (b, a), ("swap.txt", b)):
        git(repo, "mv", source, target)
        git(repo, "commit", "-qm", f"move {source}")
    result = CliRunner().invoke(main, ["store", str(samples / "sniffer-diff" / "iran-strikes-v1-v2.html"),
                                       "--repo", str(repo)])
    assert result.exit_code == 0, result.output
    assert "1 version stored, 1 already stored, 0 skipped" in result.output
    assert git(repo, "status", "--porcelain") == ""
    read = {article.url: [version.number for version in article.versions]
            for article in read_repository(repo) if article.url}
    assert sorted(read.values()) == [[0, 1, 2], [1, 2]]


def test_a_staged_edit_of_a_stored_file_is_refused_and_kept(tmp_path: Path) -> None:
    """A store run that wrote other articles brought the working tree to the tip from the index's
    tree: a staged edit by hand of a file the store wrote before was reverted, in the index and
    in the working tree, without a word."""
    repo = user_repository(tmp_path / "repo")
    assert store(versions(tmp_path / "story", 2), repo).exit_code == 0
    stored = repo / git(repo, "ls-files", "_no-url").strip()
    stored.write_text(stored.read_text() + "\nMy note, by hand.\n")
    git(repo, "add", str(stored))
    other = tmp_path / "other"
    other.mkdir()
    (other / "0.txt").write_text("Another story.\n")
    result = store(other, repo)
    assert result.exit_code == 2
    assert "staged changes that storing would undo (_no-url/story~" in result.output
    assert stored.read_text().endswith("My note, by hand.\n")
    assert git(repo, "diff", "--cached", "--name-only").split() == [stored.relative_to(repo).as_posix()]


def test_a_branch_checked_out_in_another_worktree_is_refused_before_anything_is_written(
        tmp_path: Path) -> None:
    """Stored into a bare repository, the branch its linked worktree has checked out moved
    under that worktree: its index stayed behind, `git status` there showed the stored file
    deleted, and its next commit deleted it."""
    bare, linked = tmp_path / "archive.git", tmp_path / "linked"
    git(tmp_path, "init", "-q", "--bare", str(bare))
    assert store(versions(tmp_path / "first", 2), bare).exit_code == 0
    git(bare, "worktree", "add", "-q", str(linked), git(bare, "symbolic-ref", "--short",
                                                        "HEAD").strip())
    tip = git(bare, "rev-parse", "HEAD")
    result = store(versions(tmp_path / "second", 3), bare)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"revdiff: error: {bare}: the branch ")
    assert f"is checked out in the worktree {linked}" in result.stderr
    # a bare repository checks nothing out: it said `or check out another branch here`
    assert result.stderr.endswith("or make HEAD name another branch (git symbolic-ref HEAD "
                                  "refs/heads/BRANCH))\n")
    assert git(bare, "rev-parse", "HEAD") == tip
    assert git(linked, "status", "--porcelain") == ""
    # stored from that worktree instead, its files are brought up to the branch
    assert store(versions(tmp_path / "second", 3), linked).exit_code == 0
    assert git(linked, "status", "--porcelain") == ""


def test_a_folder_whose_git_file_names_another_repositorys_git_directory_is_refused(
        tmp_path: Path) -> None:
    """A folder whose `.git` file names another repository's `.git` directory (a downloaded
    archive can hold one) stored into that repository's checked-out branch: its working tree
    stayed behind, `git status` there showed the stored file deleted, and its next commit
    deleted it."""
    project = user_repository(tmp_path / "project")
    pointing = tmp_path / "pointing"
    pointing.mkdir()
    (pointing / ".git").write_text(f"gitdir: {project / '.git'}\n")
    tip = git(project, "rev-parse", "HEAD")
    result = store(versions(tmp_path / "story", 2), pointing)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"revdiff: error: {pointing}: the branch ")
    assert f"is checked out in the worktree {project}, " in result.stderr
    assert git(project, "rev-parse", "HEAD") == tip
    assert git(project, "status", "--porcelain") == ""


def test_a_bare_repository_named_git_is_stored_into(tmp_path: Path) -> None:
    """A bare repository at `x/.git` was taken for the main worktree `x` of a repository with
    its branch checked out, and refused."""
    bare = tmp_path / "x" / ".git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    result = store(versions(tmp_path / "story", 2), bare)
    assert result.exit_code == 0, result.output
    assert len(git(bare, "log", "--format=%s").splitlines()) == 2


def test_an_unborn_branch_holding_the_old_branchs_files_says_so(tmp_path: Path) -> None:
    """After `git symbolic-ref HEAD refs/heads/NEW` the index still holds the files of the branch
    checked out before: they were refused as staged changes, to commit, which would put that
    branch's files into the new one."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    git(repo, "symbolic-ref", "HEAD", "refs/heads/fresh")
    result = store(story, repo)
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert "the branch fresh has no commits yet, and the index still holds files (README)" in line
    assert "git reset -q" in line
    assert git(repo, "diff", "--cached", "--name-only").split() == ["README"]
    assert git(repo, "branch", "--list", "fresh") == ""  # still unborn: nothing was stored


def test_the_unborn_branchs_hint_works_on_a_file_staged_with_changes_not_staged(
        tmp_path: Path) -> None:
    """The hint said `git rm -r -q --cached .`, which git refuses for a file whose staged content
    differs from both the file and HEAD (`git add`, then an edit): following it unblocked
    nothing. Its command, run as written, empties the index and leaves the working tree as it
    was."""
    repo = user_repository(tmp_path / "repo")
    story = versions(tmp_path / "story", 2)
    git(repo, "symbolic-ref", "HEAD", "refs/heads/fresh")
    (repo / "README").write_text("staged\n")
    git(repo, "add", "README")
    (repo / "README").write_text("edited since\n")
    refused = store(story, repo)
    assert refused.exit_code == 2
    command = re.search(r"out of the index with (git [^(]+?) \(", refused.output)
    assert command, refused.output
    subprocess.run(command.group(1).split(), cwd=repo, check=True, capture_output=True)
    assert git(repo, "ls-files") == ""
    assert (repo / "README").read_text() == "edited since\n"
    result = store(story, repo)
    assert result.exit_code == 0, result.output
    assert (repo / "README").read_text() == "edited since\n"


def test_an_unborn_branch_is_started_empty_along_the_refusals_hints(tmp_path: Path) -> None:
    """The whole path of a new branch (`git symbolic-ref HEAD refs/heads/NEW`) in a repository
    whose branch before holds stored articles: `git reset -q`, which the first refusal
    suggests, leaves that branch's files in the working tree, not tracked; the next run was
    refused as for a file of the user's, not saying that the branch before left them there, nor
    how many more of them stood where the store writes."""
    repo = user_repository(tmp_path / "repo")
    first, second = tmp_path / "first", tmp_path / "second"
    versions(first, 2)
    second.mkdir()
    for number in range(2):
        (second / f"{number}.txt").write_text(f"Another story, version {number}.\n")
    again = ["store", str(first), str(second), "--repo", str(repo)]
    assert CliRunner().invoke(main, again).exit_code == 0
    stored = sorted(git(repo, "ls-files", "_no-url").split())
    assert len(stored) == 2
    git(repo, "symbolic-ref", "HEAD", "refs/heads/fresh")
    refused = CliRunner().invoke(main, again)
    assert refused.exit_code == 2
    assert "git reset -q" in refused.output
    assert "the next run names" in refused.output  # what git reset leaves behind is said
    git(repo, "reset", "-q")
    result = CliRunner().invoke(main, again)
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert f"{repo / stored[0]}: is not tracked by git" in line
    assert "the branch fresh has no commits yet" in line
    assert "2 files of the branch checked out before" in line
    assert f"({stored[0]}, {stored[1]})" in line
    for name in stored:  # what the refusal asks: move them away
        (repo / name).rename(tmp_path / Path(name).name)
    done = CliRunner().invoke(main, again)
    assert done.exit_code == 0, done.output
    assert sorted(git(repo, "ls-files", "_no-url").split()) == stored
    assert (repo / "README").read_text() == "mine\n"  # the user's, untouched


def test_a_refusal_names_the_repository_as_given(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A shallow clone or a detached HEAD was named by its absolute git directory
    (`/home/.../shal/.git: cannot read a shallow clone`), where `parse shal` says `shal: ...`;
    a lock git holds was named by its absolute path."""
    source = user_repository(tmp_path / "source")
    (source / "README").write_text("mine, edited\n")
    git(source, "commit", "-qam", "edit")
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{source}", "shal"],
                   check=True, capture_output=True)
    story = versions(tmp_path / "story", 2)
    result = store(story, Path("shal"))
    assert result.exit_code == 2
    assert result.stderr.startswith("revdiff: error: shal: cannot read a shallow clone"), \
        result.stderr
    git(source, "checkout", "-q", "--detach")
    result = store(story, Path("source"))
    assert result.stderr.startswith("revdiff: error: source: HEAD is detached"), result.stderr
    git(source, "checkout", "-q", "-")
    (source / ".git" / "index.lock").write_bytes(b"")
    result = store(story, Path("source"))
    assert result.stderr.startswith(
        f"revdiff: error: {Path('source', '.git', 'index.lock')}: another git command holds "
        "the repository's index"), result.stderr


def test_packed_refs_taken_during_a_run_leaves_the_versions_on_the_branch_and_the_tree_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another git command took packed-refs.lock while the run wrote: the branch moved, then
    deleting the private ref failed before the working tree was brought up (its files' older
    versions staged), and the error line did not say that the versions were stored."""
    from revdiff.store import writer
    repo = user_repository(tmp_path / "repo")
    lock = repo / ".git" / "packed-refs.lock"
    write_commits = writer.write_commits

    def then_lock(*args: object, **kwargs: object) -> None:
        write_commits(*args, **kwargs)  # type: ignore[arg-type]
        lock.write_text("")

    monkeypatch.setattr(writer, "write_commits", then_lock)
    result = store(versions(tmp_path / "story", 2), repo)
    assert result.exit_code == 2
    assert "the 2 versions are stored, on the branch" in result.stderr
    assert int(git(repo, "rev-list", "--count", "HEAD")) == 3
    assert git(repo, "status", "--porcelain") == ""
    monkeypatch.undo()
    lock.unlink()
    again = store(versions(tmp_path / "story", 2), repo)
    assert again.exit_code == 0, again.stderr
    assert git(repo, "for-each-ref", "refs/revdiff") == ""
