"""Crash safety: kill a bulk import midway; the repository stays valid and a re-run finishes it."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import git
import pytest
from held_runs import wait_for
from synthetic_store_articles import synthetic_articles

from revdiff.errors import EmptyInput, StoreError
from revdiff.formats.git_history import read_history
from revdiff.formats.git_layout import TRAILER_VERSION, import_ref, parse_trailers
from revdiff.formats.gitrepo import read_repository
from revdiff.safe_git import sanitized_clone
from revdiff.stop_signals import Terminated
from revdiff.store import store_articles
from revdiff.store.fast_import import FastImport, ImportEndedAfterStop, TimeAfterAStop

ARTICLES, VERSIONS, CHECKPOINT = 600, 10, 100
CHILD = Path(__file__).with_name("synthetic_store_articles.py")


def branch_commits(repo_dir: Path, ref: str = "HEAD") -> int:
    result = subprocess.run(["git", "-C", str(repo_dir), "rev-list", "--count", ref],
                            capture_output=True, text=True, check=False)
    return int(result.stdout) if result.returncode == 0 else 0


def branch_name(repo_dir: Path) -> str:
    """The branch HEAD names, read from the file: `git symbolic-ref` failed ("not a git
    repository") while the child's `git init` had written HEAD and not yet the rest."""
    head = repo_dir / ".git" / "HEAD"
    head = head if head.exists() else repo_dir / "HEAD"  # a bare repository's
    return head.read_text(encoding="utf-8").removeprefix("ref: ").strip()


def test_killed_import_leaves_a_valid_repository_and_rerun_completes(tmp_path: Path) -> None:
    repo_dir = tmp_path / "archive"
    total = ARTICLES * VERSIONS
    with subprocess.Popen(  # (its end closes the stderr pipe, and waits for the child)
        [sys.executable, str(CHILD), str(repo_dir), str(ARTICLES), str(VERSIONS), str(CHECKPOINT)],
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        # the killed child cannot remove its temporary files: they go where the test's are
        env={**os.environ, "TMPDIR": str(tmp_path)},
    ) as child:
        try:  # (bounded: a child that dies first, its git holding stderr open, fails the test)
            wait_for(lambda: (repo_dir / ".git" / "HEAD").exists(), child, seconds=60,
                     named="the store to kill, before it made its repository,")
            private = import_ref(branch_name(repo_dir))
            wait_for(lambda: branch_commits(repo_dir, private) > 0, child, seconds=60,
                     named="the store to kill, before its first checkpoint,")
        finally:
            with contextlib.suppress(ProcessLookupError):  # (none left of a child that died)
                os.killpg(child.pid, signal.SIGKILL)  # the child and its git fast-import, a crash
    at_crash = branch_commits(repo_dir, private)
    assert 0 < at_crash < total, "the kill came too late to test anything"
    assert branch_commits(repo_dir) == 0  # the branch moves only when a run ends

    fsck = subprocess.run(["git", "-C", str(repo_dir), "fsck", "--full", "--strict"],
                          capture_output=True, text=True, check=False)
    assert fsck.returncode == 0, fsck.stderr
    assert "error" not in fsck.stderr.lower()

    articles = synthetic_articles(ARTICLES, VERSIONS)
    summary = store_articles(articles, repo_dir)
    assert summary.already_stored == at_crash
    assert summary.stored == total - at_crash
    assert summary.skipped == ()
    assert branch_commits(repo_dir) == total
    repo = git.Repo(repo_dir)
    with sanitized_clone(repo_dir) as clone:
        keys = [(c.path, parse_trailers(c.message)[TRAILER_VERSION])
                for c in read_history(clone, "HEAD", str(repo_dir))]
    assert len(set(keys)) == len(keys) == total
    assert not repo.is_dirty(untracked_files=True)
    assert read_repository(repo_dir) == articles


def test_the_lock_of_a_killed_import_is_cleared_and_others_are_left(tmp_path: Path) -> None:
    """A run killed while fast-import moved its private ref leaves that ref's lock (the crash
    test above hits this only by chance): the next run clears it. HEAD's and the branch's locks
    may be another git command's: they are reported before anything is stored, never removed
    (they were, after a dead import, when the import wrote to the branch itself)."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(3, 2)
    store_articles(articles[:1], repo_dir)
    git_dir = repo_dir / ".git"
    branch = branch_name(repo_dir)
    (git_dir / "HEAD.lock").write_text("")
    with pytest.raises(StoreError, match="HEAD.lock"):
        store_articles(articles[:2], repo_dir)
    assert (git_dir / "HEAD.lock").exists()
    (git_dir / "HEAD.lock").unlink()
    private_lock = git_dir / f"{import_ref(branch)}.lock"
    private_lock.parent.mkdir(parents=True, exist_ok=True)
    private_lock.write_text("")  # as an import killed while it moved its ref leaves it
    summary = store_articles(articles, repo_dir)
    assert summary.stored == 4 and summary.already_stored == 2
    assert not private_lock.exists()
    assert read_repository(repo_dir) == articles


def test_the_lock_of_a_killed_import_into_a_linked_worktree_is_cleared(tmp_path: Path) -> None:
    """Refs are shared by all worktrees: a linked worktree's private ref, and its lock, are in
    the main repository's git directory, not in the worktree's own."""
    main_dir, linked_dir = tmp_path / "main", tmp_path / "linked"
    articles = synthetic_articles(2, 2)
    store_articles(articles[:1], main_dir)
    subprocess.run(["git", "-C", str(main_dir), "worktree", "add", "-q", "-b", "feature/x",
                    str(linked_dir)], check=True)
    private_lock = main_dir / ".git" / f"{import_ref('refs/heads/feature/x')}.lock"
    private_lock.parent.mkdir(parents=True, exist_ok=True)
    private_lock.write_text("")  # as an import killed while it moved its ref leaves it
    summary = store_articles(articles, linked_dir)
    assert summary.stored == 2
    assert not private_lock.exists()
    assert read_repository(linked_dir) == articles


@pytest.mark.parametrize("in_the_way", ["refs/revdiff", "refs/revdiff/store/heads/main/x"])
def test_a_ref_in_the_way_of_the_private_ref_is_named_before_anything_is_written(
        tmp_path: Path, in_the_way: str) -> None:
    """A file `refs/revdiff`, or the leftover private ref of a branch `main/x` deleted since
    (git cannot hold both `a` and `a/b`), would make every run fail in fast-import (or in a
    traceback), with a hint to run it again."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(2, 2)
    store_articles(articles[:1], repo_dir)
    subprocess.run(["git", "-C", str(repo_dir), "switch", "-q", "-c", "main"], check=True)
    shutil.rmtree(repo_dir / ".git" / "refs" / "revdiff", ignore_errors=True)
    subprocess.run(["git", "-C", str(repo_dir), "update-ref", in_the_way, "HEAD"], check=True)
    with pytest.raises(StoreError, match=f"the ref {in_the_way} is in the way") as refused:
        store_articles(articles, repo_dir)
    assert f"git update-ref -d {in_the_way}" in str(refused.value.hint)
    assert branch_commits(repo_dir) == 2


def test_a_killed_import_into_a_sha256_repository_is_put_on_the_branch(tmp_path: Path) -> None:
    # the next run ended in GitPython's traceback (BadName), which reads no SHA-256 object
    repo_dir = tmp_path / "archive.git"
    subprocess.run(["git", "init", "-q", "--bare", "--object-format=sha256", str(repo_dir)],
                   check=True)
    articles = synthetic_articles(2, 3)
    store_articles(articles, repo_dir)
    branch = branch_name(repo_dir)
    for command in (["update-ref", import_ref(branch), branch], ["update-ref", branch, "HEAD~2"]):
        subprocess.run(["git", "-C", str(repo_dir), *command], check=True)  # as a killed run
    summary = store_articles(articles, repo_dir)
    assert (summary.stored, summary.already_stored) == (0, 6)
    assert read_repository(repo_dir) == articles


def test_a_packed_private_ref_that_cannot_be_deleted_is_said_in_one_line(
        tmp_path: Path) -> None:
    # `git gc` packs a killed run's private ref; deleting it then takes packed-refs.lock, and
    # another git command holding it made the next run end in GitPython's traceback; it is
    # refused before anything is stored, as a lock of the index, HEAD or the branch is
    repo_dir = tmp_path / "archive.git"
    subprocess.run(["git", "init", "-q", "--bare", str(repo_dir)], check=True)
    articles = synthetic_articles(2, 3)
    store_articles(articles, repo_dir)
    branch = branch_name(repo_dir)
    for command in (["update-ref", import_ref(branch), branch], ["pack-refs", "--all"]):
        subprocess.run(["git", "-C", str(repo_dir), *command], check=True)  # as a killed run
    (repo_dir / "packed-refs.lock").write_text("")
    with pytest.raises(StoreError, match="another git command holds the repository's packed "
                       r"refs \(packed-refs.lock\); nothing was stored"):
        store_articles(articles, repo_dir)
    (repo_dir / "packed-refs.lock").unlink()
    assert store_articles(articles, repo_dir).already_stored == 6
    assert branch_commits(repo_dir, import_ref(branch)) == 0


def test_a_commit_made_on_the_branch_while_a_store_runs_keeps_the_stored_files(
        tmp_path: Path) -> None:
    """fast-import moved the branch at each checkpoint while the index stayed at the old tip: a
    `git commit` made meanwhile (of a note beside the store) recorded the old tree, deleting every
    file stored so far from the branch, and the store's next checkpoint then failed. The branch
    now moves when the run ends; one that moved meanwhile is reported and the next run stores the
    versions after the user's commit."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(6, 2)
    store_articles(articles[:1], repo_dir)

    def commit_a_note_midway(commits: int) -> Callable[[int], None]:
        done = 0

        def step(steps: int) -> None:
            nonlocal done
            done += steps
            if done == 4:  # after a checkpoint
                (repo_dir / "NOTES.md").write_text("sources checked\n")
                subprocess.run(["git", "-C", str(repo_dir), "add", "NOTES.md"], check=True)
                subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                                "user.email=a@b", "commit", "-q", "-m", "notes"], check=True)

        return step

    with pytest.raises(StoreError, match="the branch moved while the versions were being written"):
        store_articles(articles, repo_dir, progress=commit_a_note_midway, checkpoint_every=3)
    files = subprocess.run(["git", "-C", str(repo_dir), "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert len(files) == 2 and "NOTES.md" in files  # the first article's file is still there
    summary = store_articles(articles, repo_dir)
    assert summary.stored == 10 and summary.already_stored == 2
    noted = ("1 other file (NOTES.md) left out: the repository is a revdiff store, and the store "
             "wrote no version of it (a file of your own beside the articles is no article)")
    first, *others = articles
    assert read_repository(repo_dir) == [replace(first, warnings=(noted,)), *others]
    assert (repo_dir / "NOTES.md").read_text() == "sources checked\n"
    assert not git.Repo(repo_dir).is_dirty(untracked_files=True)


def test_a_stop_after_the_branch_moved_says_none_of_the_versions_are_on_it(
        tmp_path: Path) -> None:
    """Ctrl-C after a commit of the user's on the branch while the run wrote said `some of 10
    versions were stored before the stop`, and to run again "to store the rest": none were on the
    branch, and the next run stores them all after the user's commit."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(6, 2)
    store_articles(articles[:1], repo_dir)

    def commit_a_note_then_stop(commits: int) -> Callable[[int], None]:
        done = 0

        def step(steps: int) -> None:
            nonlocal done
            done += steps
            if done == 4:  # after a checkpoint
                (repo_dir / "NOTES.md").write_text("sources checked\n")
                subprocess.run(["git", "-C", str(repo_dir), "add", "NOTES.md"], check=True)
                subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                                "user.email=a@b", "commit", "-q", "-m", "notes"], check=True)
            if done == 7:
                raise KeyboardInterrupt

        return step

    with pytest.raises(StoreError) as stopped:
        store_articles(articles, repo_dir, progress=commit_a_note_then_stop, checkpoint_every=3)
    assert (stopped.value.message, stopped.value.hint) == (
        ("interrupted; none of the 10 versions are on the branch: it moved while they were "
         "being written (a commit made on it meanwhile)"),
        "run the same command again: it stores them after the branch's new tip")
    assert stopped.value.exit_code == 130
    assert branch_commits(repo_dir) == 3
    assert store_articles(articles, repo_dir).stored == 10


@pytest.mark.parametrize("stop", [KeyboardInterrupt, Terminated])
def test_a_stopped_store_brings_the_working_tree_up_to_what_it_stored(
        tmp_path: Path, stop: type[KeyboardInterrupt]) -> None:
    """Ctrl-C or SIGTERM after a checkpoint left the branch ahead of the working tree, which
    showed every stored file as deleted (`git status`: staged deletions): a commit of the user's
    own then deleted them from the branch. The run said only `interrupted`."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(20, 3)

    def stop_after_seven(commits: int) -> Callable[[int], None]:
        done = 0

        def step(steps: int) -> None:
            nonlocal done
            done += steps
            if done == 7:
                raise stop

        return step

    with pytest.raises(StoreError) as stopped:
        store_articles(articles, repo_dir, progress=stop_after_seven, checkpoint_every=3)
    reason = "stopped by SIGTERM" if stop is Terminated else "interrupted"
    assert stopped.value.message == f"{reason}; 7 of 60 versions were stored before the stop"
    assert stopped.value.exit_code == (143 if stop is Terminated else 130)
    assert branch_commits(repo_dir) == 7
    assert not git.Repo(repo_dir).is_dirty(untracked_files=True)
    assert store_articles(articles, repo_dir).stored == 53


@pytest.mark.parametrize("stop", [KeyboardInterrupt, Terminated])
def test_a_store_stopped_before_its_first_version_says_nothing_was_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: type[KeyboardInterrupt]) -> None:
    """Ctrl-C or SIGTERM while the run read the repository (before it wrote a version) said only
    `interrupted`, where a later stop says how many versions were stored."""
    from revdiff.store import writer

    repo_dir = tmp_path / "archive"
    store_articles(synthetic_articles(2, 2), repo_dir)

    def stopped(*args: object) -> None:
        raise stop

    monkeypatch.setattr(writer, "plan_store", stopped)
    with pytest.raises((StoreError, KeyboardInterrupt)) as refused:  # a stop would end pytest
        store_articles(synthetic_articles(3, 3), repo_dir)
    assert isinstance(refused.value, StoreError)
    reason = "stopped by SIGTERM" if stop is Terminated else "interrupted"
    assert str(refused.value) == (f"{repo_dir}: {reason}; nothing was stored (run the same "
                                  "command again to store the versions)")
    assert refused.value.exit_code == (143 if stop is Terminated else 130)
    assert branch_commits(repo_dir) == 4


def test_a_second_ctrl_c_while_the_tree_is_brought_up_still_says_what_was_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal's second Ctrl-C reaches git's read-tree too, which dies: the count and the
    word that the working tree is behind were lost, the run saying only `interrupted`."""
    from revdiff.errors import StoreError as Failed
    from revdiff.store import writer

    def sync_killed(repo: git.Repo, ref: str) -> None:
        signal.raise_signal(signal.SIGINT)  # held until the tree is given up on
        raise Failed("versions are stored, but the working tree could not be updated")

    def stop_after_four(commits: int) -> Callable[[int], None]:
        written: list[int] = []

        def step(steps: int) -> None:
            written.append(steps)
            if len(written) == 4:
                raise KeyboardInterrupt

        return step

    monkeypatch.setattr(writer, "sync_worktree", sync_killed)
    with pytest.raises(StoreError) as stopped:
        store_articles(synthetic_articles(5, 2), tmp_path / "archive", progress=stop_after_four)
    assert stopped.value.message == "interrupted; 4 of 10 versions were stored before the stop"
    assert stopped.value.hint is not None and "working tree is behind" in stopped.value.hint


@pytest.mark.parametrize("step", ["_pack_when_needed", "sync_worktree"])
def test_a_stop_after_the_last_commit_still_brings_the_tree_up_and_ends_the_run_as_done(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """Ctrl-C while git packed the new commits or brought the working tree up to them (the steps
    after the last commit) said only `interrupted` and left every new file a staged deletion;
    then `interrupted; 6 of 6 versions were stored before the stop`, exit 130, for a repository
    that was complete: the run is done, as an export stopped once its output is published is."""
    from revdiff.store import writer

    real = getattr(writer, step)
    calls: list[int] = []

    def stopped_once(*args: object) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt
        real(*args)

    monkeypatch.setattr(writer, step, stopped_once)
    repo_dir = tmp_path / "archive"
    summary = store_articles(synthetic_articles(3, 2), repo_dir)
    assert summary.stored == 6 and summary.head == git.Repo(repo_dir).head.commit.hexsha
    assert branch_commits(repo_dir) == 6
    assert not git.Repo(repo_dir).is_dirty(untracked_files=True)


def test_a_ctrl_c_while_the_process_exits_prints_no_traceback(tmp_path: Path) -> None:
    """A Ctrl-C that came while revdiff removed its private git folder at exit printed
    `Exception ignored in atexit callback` and a traceback, and left the folder behind."""
    code = (
        "import os, shutil, signal, time\n"
        "from revdiff import safe_git\n"
        "folder = safe_git._private_folder()\n"
        "remove = shutil.rmtree\n"
        "def interrupted(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(0.2)\n"
        "    remove(*args, **kwargs)\n"
        "shutil.rmtree = interrupted\n"
        "print(folder)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    assert not Path(done.stdout.strip()).exists()


def test_the_versions_a_killed_run_left_are_kept_when_git_cannot_tell_where_they_belong(
        tmp_path: Path) -> None:
    """A private ref whose history git cannot read (a missing object: `git merge-base` says
    `Could not read`, with the status of `not an ancestor`) was deleted as if the branch had
    moved on without it: the versions the killed run wrote were lost without a word."""
    repo_dir = tmp_path / "archive"
    store_articles(synthetic_articles(1, 1), repo_dir)

    def git_out(*args: str) -> str:
        return subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                               "user.email=a@b", *args], capture_output=True, text=True,
                              check=True).stdout.strip()

    tip, tree = git_out("rev-parse", "HEAD"), git_out("rev-parse", "HEAD^{tree}")
    lost = git_out("commit-tree", tree, "-p", tip, "-m", "lost")
    written = git_out("commit-tree", tree, "-p", lost, "-m", "written")
    private = import_ref(branch_name(repo_dir))
    git_out("update-ref", private, written)
    (repo_dir / ".git" / "objects" / lost[:2] / lost[2:]).unlink()
    with pytest.raises(StoreError, match="cannot tell whether the versions a stopped run wrote"):
        store_articles(synthetic_articles(2, 1), repo_dir)
    assert git_out("rev-parse", private) == written


def test_reading_a_store_says_where_a_stopped_run_left_its_versions(tmp_path: Path) -> None:
    """A killed run's versions wait on its private ref until the next store run; read back in
    the meantime, the archive showed the branch without them and said nothing (and, stopped in
    its first run, only that the branch has no commits)."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(2, 2)
    store_articles(articles[:1], repo_dir)
    # a commit after the branch's tip, written (as a run's are) once the branch was made
    written = subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                              "user.email=a@b", "commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m",
                              "written"], capture_output=True, text=True, check=True
                             ).stdout.strip()
    private = import_ref(branch_name(repo_dir))
    subprocess.run(["git", "-C", str(repo_dir), "update-ref", private, written], check=True)
    said = read_repository(repo_dir)[0].warnings
    assert any(f"the versions it wrote are on {private}, not yet on the branch" in w for w in said)
    subprocess.run(["git", "-C", str(repo_dir), "pack-refs", "--all"], check=True)
    assert any(private in w for w in read_repository(repo_dir)[0].warnings)
    store_articles(articles, repo_dir)
    assert not any(private in w for w in read_repository(repo_dir)[0].warnings)

    first_run = tmp_path / "new"
    store_articles(articles[:1], first_run)
    branch = branch_name(first_run)
    subprocess.run(["git", "-C", str(first_run), "update-ref", private, branch], check=True)
    subprocess.run(["git", "-C", str(first_run), "update-ref", "-d", branch], check=True)
    with pytest.raises(EmptyInput) as empty:
        read_repository(first_run)
    assert empty.value.hint is not None and private in empty.value.hint


def test_the_versions_a_killed_run_left_for_a_deleted_branch_stay_off_its_namesake(
        tmp_path: Path) -> None:
    """A run into `feature` killed, then `git branch -D feature` and a new `feature` made from
    the same commit: the next store put the deleted branch's versions on the new branch."""
    repo_dir = tmp_path / "archive"
    articles = synthetic_articles(2, 1)
    store_articles(articles[:1], repo_dir)

    def git_out(*args: str, **env: str) -> str:
        return subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                               "user.email=a@b", *args], capture_output=True, text=True,
                              check=True, env={**os.environ, **env}).stdout.strip()

    git_out("switch", "-q", "-c", "feature")
    tip, tree = git_out("rev-parse", "HEAD"), git_out("rev-parse", "HEAD^{tree}")
    discarded = git_out("commit-tree", tree, "-p", tip, "-m", "discarded",
                        GIT_COMMITTER_DATE="2020-01-01T00:00:00Z")
    private = import_ref("refs/heads/feature")
    git_out("update-ref", private, discarded)
    git_out("switch", "-q", "-")
    git_out("branch", "-D", "feature")
    git_out("switch", "-q", "-c", "feature")

    store_articles(articles, repo_dir)
    assert discarded not in git_out("rev-list", "feature").split()
    assert git_out("for-each-ref", private) == ""


@pytest.mark.parametrize("reflogs", [False, True])
def test_in_a_bare_repository_a_deleted_branchs_versions_go_on_its_namesake_without_a_reflog(
        tmp_path: Path, reflogs: bool) -> None:
    """docs/STORE.md: a bare repository keeps no reflog, so a `feature` made again after the one
    a stopped run wrote for was deleted cannot be told from it: the next run puts those commits
    on it; with `core.logAllRefUpdates` set it keeps one, and the next run drops them."""
    repo_dir = tmp_path / "archive.git"
    subprocess.run(["git", "init", "-q", "--bare", str(repo_dir)], check=True)
    if reflogs:
        subprocess.run(["git", "-C", str(repo_dir), "config", "core.logAllRefUpdates", "true"],
                       check=True)
    articles = synthetic_articles(2, 1)
    store_articles(articles[:1], repo_dir)

    def git_out(*args: str, **env: str) -> str:
        return subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                               "user.email=a@b", *args], capture_output=True, text=True,
                              check=True, env={**os.environ, **env}).stdout.strip()

    tip, tree = git_out("rev-parse", "HEAD"), git_out("rev-parse", "HEAD^{tree}")
    git_out("branch", "feature", tip)
    discarded = git_out("commit-tree", tree, "-p", tip, "-m", "discarded",
                        GIT_COMMITTER_DATE="2020-01-01T00:00:00Z")
    private = import_ref("refs/heads/feature")
    git_out("update-ref", private, discarded)
    git_out("branch", "-D", "feature")
    git_out("branch", "feature", tip)
    assert (repo_dir / "logs" / "refs" / "heads" / "feature").is_file() == reflogs
    git_out("symbolic-ref", "HEAD", "refs/heads/feature")

    store_articles(articles, repo_dir)
    assert (discarded in git_out("rev-list", "feature").split()) == (not reflogs)
    assert git_out("for-each-ref", private) == ""


def test_reading_a_branch_made_after_a_deleted_namesakes_stopped_run_says_nothing_of_it(
        tmp_path: Path) -> None:
    """Read back, a new `feature` said that a store into it had been stopped and that running
    it again would put the versions there: they were a deleted `feature`'s, which store drops."""
    repo_dir = tmp_path / "archive"
    store_articles(synthetic_articles(1, 1), repo_dir)

    def git_out(*args: str, **env: str) -> str:
        return subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c",
                               "user.email=a@b", *args], capture_output=True, text=True,
                              check=True, env={**os.environ, **env}).stdout.strip()

    tip, tree = git_out("rev-parse", "HEAD"), git_out("rev-parse", "HEAD^{tree}")
    private = import_ref("refs/heads/feature")
    git_out("update-ref", private, git_out("commit-tree", tree, "-p", tip, "-m", "discarded",
                                           GIT_COMMITTER_DATE="2020-01-01T00:00:00Z"))
    git_out("switch", "-q", "-c", "feature")
    assert not any(private in w for w in read_repository(repo_dir)[0].warnings)
    subprocess.run(["git", "-C", str(repo_dir), "pack-refs", "--all"], check=True)
    assert not any(private in w for w in read_repository(repo_dir)[0].warnings)


@pytest.mark.parametrize(("stop", "said", "first"), [
    (signal.SIGXFSZ, b"", "raise the file size limit with ulimit -f first, then run the command again"),
    (signal.SIGKILL, b"fatal: cannot write pack: No space left on device\n",
     "free some space on the repository's disk first, then run the command again"),
    # git's own words for a write of nothing (a full tmpfs), met storing into one
    (signal.SIGKILL, (b"fatal: sha1 file '.git/objects/pack/tmp_pack_PWNOBn' write error. "
                      b"Out of diskspace\n"),
     "free some space on the repository's disk first, then run the command again")])
def test_a_failed_import_says_what_to_do_before_running_again(
        tmp_path: Path, stop: signal.Signals, said: bytes, first: str) -> None:
    """A file size limit or a full disk that stopped the import was met by `run the command
    again`, which fails the same way until there is room."""
    git.Repo.init(tmp_path / "repo", bare=True)
    with pytest.raises(StoreError) as failed, \
            FastImport(str(tmp_path / "repo"), "refs/heads/main", None) as importer:
        assert importer._process is not None
        importer._process.send_signal(stop)
        importer._process.wait()
        importer._stderr.write(said)  # what git says of a full disk before it ends
        importer.commit("story.txt", b"Title\n", "Version 1\n", "0 +0000", "0 +0000")
    assert failed.value.hint is not None and failed.value.hint.startswith(first), failed.value


def test_an_import_killed_by_a_signal_names_the_signal(tmp_path: Path) -> None:
    # it said `exit code -9`: the out-of-memory killer's SIGKILL, or SIGXFSZ past `ulimit -f`
    git.Repo.init(tmp_path / "repo", bare=True)
    with pytest.raises(StoreError) as failed, \
            FastImport(str(tmp_path / "repo"), "refs/heads/main", None) as importer:
        assert importer._process is not None
        importer._process.kill()
        importer._process.wait()
        importer.commit("story.txt", b"Title\n", "Version 1\n", "0 +0000", "0 +0000")
    assert "git fast-import failed: killed by SIGKILL" in str(failed.value)


def _fake_git(tmp_path: Path, case: str, first: str = "") -> Path:
    """A folder holding a `git` that runs `first`, then does what the shell `case` item says for
    the commands it matches, and runs the real git otherwise: put it on PATH to use it."""
    stalling = tmp_path / "bin"
    stalling.mkdir()
    fake = stalling / "git"
    fake.write_text(f'#!/bin/sh\n{first}case " $* " in {case};; esac\n'
                    f'exec {shutil.which("git")} "$@"\n')
    fake.chmod(0o755)
    return stalling


def test_a_git_that_stalls_after_a_stop_is_given_up_on_and_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After SIGTERM the run brought the branch and working tree up with no time limit: a git
    that stalled (a slow network file system, a hung lock) kept the stopped run alive as long,
    and a scheduler's stop did not stop it. The stalled git is now ended after a while, and the
    run says what it left."""
    from revdiff.store import writer

    stalling = _fake_git(tmp_path, '*" read-tree "*) exec sleep 20')
    monkeypatch.setattr(writer, "SECONDS_FOR_GIT_AFTER_A_STOP", 0.5)

    def stop_after_three(commits: int) -> Callable[[int], None]:
        done = 0

        def step(steps: int) -> None:
            nonlocal done
            done += steps
            if done == 3:  # git stalls from now on
                monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")
                raise Terminated

        return step

    with pytest.raises(StoreError) as stopped:
        store_articles(synthetic_articles(4, 2), tmp_path / "archive",
                       progress=stop_after_three, checkpoint_every=1)
    assert stopped.value.exit_code == 143
    assert stopped.value.message == (
        "stopped by SIGTERM; 3 of 8 versions were stored before the stop; git read-tree "
        "did not end within 0.5 s of the stop and was ended")
    assert stopped.value.hint is not None and "working tree is behind" in stopped.value.hint


def test_a_lock_left_by_a_git_update_ref_ended_after_a_stop_is_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git update-ref ended after a stop (it stalled) leaves the branch's lock, which refuses
    the next run with a line of its own: the stop's line said only that git was ended. It now
    names the lock and says to remove it. It counted `some of` the versions as stored, where
    those written onto the import's ref, which the next run puts on the branch, can be counted:
    it counts them."""
    from revdiff.store import writer

    repo_dir = tmp_path / "archive"
    git.Repo.init(repo_dir, initial_branch="main")
    stalling = _fake_git(  # takes the lock of the ref it moves, as git does, and stalls
        tmp_path, '*" update-ref "*)\n  for arg; do case $arg in refs/heads/*)\n'
                  f'    : > "$({shutil.which("git")} rev-parse --git-common-dir)/$arg.lock";; '
                  'esac; done\n  exec sleep 20')
    monkeypatch.setattr(writer, "SECONDS_FOR_GIT_AFTER_A_STOP", 0.5)

    def stop_after_three(commits: int) -> Callable[[int], None]:
        done = 0

        def step(steps: int) -> None:
            nonlocal done
            done += steps
            if done == 3:  # git stalls from now on
                monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")
                raise Terminated

        return step

    with pytest.raises(StoreError) as stopped:
        store_articles(synthetic_articles(4, 2), repo_dir, progress=stop_after_three,
                       checkpoint_every=1)
    assert stopped.value.message == (
        "stopped by SIGTERM; 3 of 8 versions were stored before the stop; git update-ref "
        "did not end within 0.5 s of the stop and was ended, leaving the branch main locked "
        f"({repo_dir}/.git/refs/heads/main.lock)")
    assert stopped.value.hint == (  # (the branch did not move: no working tree is behind it)
        f"remove {repo_dir}/.git/refs/heads/main.lock if no git command runs, then run the "
        "same command again to store the rest")
    monkeypatch.setenv("PATH", os.environ["PATH"].removeprefix(f"{stalling}{os.pathsep}"))
    (repo_dir / ".git" / "refs" / "heads" / "main.lock").unlink()  # as the line says
    again = store_articles(synthetic_articles(4, 2), repo_dir)
    assert (again.already_stored, again.stored, branch_commits(repo_dir)) == (3, 5, 8)


def _stopped_after_three_with_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str,
                                  repo_dir: Path) -> StoreError:
    """The error of a run into `repo_dir` stopped by SIGTERM after its third version, git doing
    from then on what the shell `case` item says for the commands it matches."""
    from revdiff.store import writer

    stalling = _fake_git(tmp_path, case)
    monkeypatch.setattr(writer, "SECONDS_FOR_GIT_AFTER_A_STOP", 0.5)

    def stop_after_three(commits: int) -> Callable[[int], None]:
        done = 0

        def step(steps: int) -> None:
            nonlocal done
            done += steps
            if done == 3:
                monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")
                raise Terminated

        return step

    with pytest.raises(StoreError) as stopped:
        store_articles(synthetic_articles(4, 2), repo_dir, progress=stop_after_three,
                       checkpoint_every=1)
    return stopped.value


def test_a_stop_whose_branch_git_did_not_move_says_no_working_tree_is_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where git update-ref failed to put the versions written on the branch, the branch stays
    where the working tree is: the hint said the working tree was behind the branch all the
    same."""
    repo_dir = tmp_path / "archive"
    stopped = _stopped_after_three_with_git(
        tmp_path, monkeypatch, '*" update-ref -m "*) echo "fatal: no room" >&2; exit 128',
        repo_dir)
    assert stopped.hint == "run the same command again to store the rest"
    assert branch_commits(repo_dir) == 0


def test_a_stopped_store_into_a_bare_repository_says_no_working_tree_is_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare repository has no working tree: where git stalled after the branch moved, the
    hint said the working tree was behind the branch."""
    repo_dir = tmp_path / "archive.git"
    git.Repo.init(repo_dir, bare=True, initial_branch="main")
    stopped = _stopped_after_three_with_git(
        tmp_path, monkeypatch, '*" update-ref -d "*) exec sleep 20', repo_dir)
    assert stopped.message == (
        "stopped by SIGTERM; 3 of 8 versions were stored before the stop; git update-ref did "
        "not end within 0.5 s of the stop and was ended")
    assert stopped.hint == "run the same command again to store the rest"
    assert branch_commits(repo_dir) == 3


def test_an_index_lock_a_git_holds_past_its_run_is_not_removed(tmp_path: Path) -> None:
    """A second SIGTERM ends revdiff at once, and a git read-tree it started to bring the
    working tree up runs on, holding the index's lock: the next run took that lock for one left
    by a killed run (the marker of an unfinished update was there), removed it and updated the
    working tree beside that git. It now refuses while that git runs, and once it has ended
    (killed, as by a hung file system) finishes the update."""
    repo_dir = tmp_path / "archive"
    store_articles(synthetic_articles(2, 2), repo_dir)
    started = tmp_path / "read-tree-pid"
    stalling = _fake_git(  # takes the index's lock, as git does, and stalls
        tmp_path, f'*" read-tree "*)\n  : > "$({shutil.which("git")} rev-parse --git-dir)/index.lock"; '
                  f'echo $$ > {started}\n  exec sleep 60')
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(repo_dir), "3", "2", "1000"],
        start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PATH": f"{stalling}{os.pathsep}{os.environ['PATH']}"})
    deadline = time.monotonic() + 60
    while not started.exists() or not started.read_text().strip():
        assert child.poll() is None and time.monotonic() < deadline, "read-tree never ran"
        time.sleep(0.01)
    child.kill()  # revdiff ended at once, as by a second SIGTERM; its git runs on
    child.wait()
    read_tree = int(started.read_text())
    try:
        with pytest.raises(StoreError) as refused:
            store_articles(synthetic_articles(3, 2), repo_dir)
        assert refused.value.message == ("another git command holds the repository's index "
                                         "(index.lock); nothing was stored")
        assert (repo_dir / ".git" / "index.lock").exists()
    finally:
        os.kill(read_tree, signal.SIGKILL)
    while (Path("/proc") / str(read_tree)).exists() and time.monotonic() < deadline:
        time.sleep(0.01)  # (reaped by init once the child that started it is gone)
    again = store_articles(synthetic_articles(3, 2), repo_dir)
    assert (again.already_stored, again.stored, branch_commits(repo_dir)) == (6, 0, 6)
    status = subprocess.run(["git", "-C", str(repo_dir), "status", "--porcelain"],
                            capture_output=True, text=True, check=True)
    assert status.stdout == ""


def test_an_import_that_stalls_after_a_stop_is_said_and_ended(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After Ctrl-C the run waited for its git fast-import to end, however long: in a session
    of its own, the import gets no Ctrl-C from the terminal, and one that stalled kept the run
    waiting for ever, saying nothing. It now says what it waits for, ends the import after the
    git limit of a stopped run, and leaves the repository as a stopped run does: the branch at
    the versions the import wrote by its last checkpoint, no lock, the rest for the next run.
    The limit runs from the stop for all the git a stopped run does: the git commands after the
    import, which had a limit of their own, are not run once it is up (it was, by the import)."""
    from revdiff.store import writer

    repo_dir = tmp_path / "archive"
    store_articles(synthetic_articles(2, 2), repo_dir)  # 4 versions on the branch
    ran = tmp_path / "ran"
    lock = repo_dir / ".git" / f"{import_ref(branch_name(repo_dir))}.lock"
    stalling = _fake_git(  # stalls as it moves its ref, holding the ref's lock; says what runs
        tmp_path, f'*" fast-import "*) mkdir -p {lock.parent}; : > {lock}; exec sleep 20',
        first=f'echo "$*" >> {ran}\n')
    monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(writer, "SECONDS_FOR_GIT_AFTER_A_STOP", 0.5)

    def stop_after_one(commits: int) -> Callable[[int], None]:
        def step(steps: int) -> None:
            raise KeyboardInterrupt

        return step

    said: list[str] = []
    with pytest.raises(StoreError) as stopped:
        store_articles(synthetic_articles(3, 2), repo_dir, progress=stop_after_one,
                       waiting=lambda stop, what: said.append(what))
    assert said == [("interrupted; waiting up to 0.5 s for git fast-import to write the "
                     "versions stored so far (a second Ctrl-C ends the wait at once)")]
    assert stopped.value.exit_code == 130
    assert stopped.value.message == (
        "interrupted; some of 2 versions were stored before the stop; git fast-import did not "
        "end within 0.5 s of the stop and was ended; git rev-parse was not run: the 0.5 s after "
        "the stop had passed")
    # the branch did not move: the working tree is not behind it
    assert stopped.value.hint == "run the same command again to store the rest"
    assert "fast-import" in ran.read_text().splitlines()[-1]  # (the last git run)
    assert branch_commits(repo_dir) == 4
    assert not lock.exists()
    monkeypatch.setenv("PATH", os.environ["PATH"].removeprefix(f"{stalling}{os.pathsep}"))
    again = store_articles(synthetic_articles(3, 2), repo_dir)
    assert (again.already_stored, again.stored, branch_commits(repo_dir)) == (4, 2, 6)


def test_a_stop_while_the_import_finishes_waits_for_it_as_any_stop(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while fast-import wrote the last commits (every one given it) stopped the run at
    once, leaving fast-import running on, alone, to move the ref the stopped run then put on the
    branch: a stalled one, for ever. It is now waited for and ended as after any stop."""
    import threading

    git.Repo.init(tmp_path / "repo", bare=True)
    read = tmp_path / "stream-read"  # the fake import reads the whole stream, then stalls
    stalling = _fake_git(tmp_path, f'*" fast-import "*) cat > /dev/null; : > {read}; exec sleep 20')
    monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")

    def ctrl_c_once_read() -> None:
        while not read.exists():
            time.sleep(0.01)
        os.kill(os.getpid(), signal.SIGINT)

    stopper = threading.Thread(target=ctrl_c_once_read, daemon=True)
    # (KeyboardInterrupt too: one that went on past the import would end the test session)
    with pytest.raises((ImportEndedAfterStop, KeyboardInterrupt)) as ended, \
            FastImport(str(tmp_path / "repo"), "refs/heads/main", None,
                       after_a_stop=TimeAfterAStop(0.5)) as importer:
        importer.commit("story.txt", b"Title\n", "Version 1\n", "0 +0000", "0 +0000")
        stopper.start()
    stopper.join()
    assert importer._process is not None and importer._process.poll() is not None
    assert isinstance(ended.value, ImportEndedAfterStop)
    assert ended.value.how == "git fast-import did not end within 0.5 s of the stop and was ended"


def test_a_second_ctrl_c_ends_the_wait_for_a_stopped_import_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The line a stopped run says as it waits for fast-import says that a second Ctrl-C ends
    the wait at once: it does, ending the import, whose ref stays at its last checkpoint."""
    git.Repo.init(tmp_path / "repo", bare=True)
    stalling = _fake_git(tmp_path, '*" fast-import "*) exec sleep 20')
    monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")

    def ctrl_c_again(stop: KeyboardInterrupt, what: str) -> None:
        assert what.endswith("(a second Ctrl-C ends the wait at once)")
        os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises((ImportEndedAfterStop, KeyboardInterrupt)) as ended, \
            FastImport(str(tmp_path / "repo"), "refs/heads/main", None,
                       waiting=ctrl_c_again) as importer:
        importer.commit("story.txt", b"Title\n", "Version 1\n", "0 +0000", "0 +0000")
        raise KeyboardInterrupt
    assert importer._process is not None and importer._process.poll() is not None
    assert isinstance(ended.value, ImportEndedAfterStop)
    assert ended.value.how == "git fast-import was ended at a second stop"


def _commit_stopped_on_a_full_pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   signalled_thread: Callable[[], int]) -> ImportEndedAfterStop:
    """What a commit to a stalled fast-import raises when a thread sends SIGINT to the thread
    `signalled_thread` names once the commit waits for room in the import's full pipe; the
    import has ended."""
    import select
    import threading

    git.Repo.init(tmp_path / "repo", bare=True)
    stalling = _fake_git(tmp_path, '*" fast-import "*) exec sleep 20')
    monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")

    def ctrl_c_once_the_pipe_is_full(pipe: int) -> None:
        while select.select([], [pipe], [], 0)[1]:  # (room in it: the commit is not waiting)
            time.sleep(0.01)
        signal.pthread_kill(signalled_thread(), signal.SIGINT)

    with pytest.raises((ImportEndedAfterStop, KeyboardInterrupt)) as ended, \
            FastImport(str(tmp_path / "repo"), "refs/heads/main", None,
                       after_a_stop=TimeAfterAStop(0.5)) as importer:
        assert importer._stdin is not None
        stopper = threading.Thread(target=ctrl_c_once_the_pipe_is_full,
                                   args=(importer._stdin.fileno(),), daemon=True)
        stopper.start()
        importer.commit("story.txt", b"Title\n" * 200_000, "Version 1\n", "0 +0000", "0 +0000")
    stopper.join()
    assert importer._process is not None and importer._process.poll() is not None
    assert isinstance(ended.value, ImportEndedAfterStop)
    return ended.value


def test_a_stop_while_a_commit_waits_on_a_full_pipe_ends_the_stalled_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each commit was written with Ctrl-C held: where fast-import stalled and its pipe filled,
    the write waited for ever and the Ctrl-C was never acted on. The stop now reaches the
    bounded wait, which ends the import."""
    import threading

    main = threading.main_thread().ident
    assert main is not None
    # (to the main thread, which waits on the pipe: the process's signal could be the stopper's)
    ended = _commit_stopped_on_a_full_pipe(tmp_path, monkeypatch, lambda: main)
    assert ended.how == "git fast-import did not end within 0.5 s of the stop and was ended"


def test_a_stop_that_comes_just_before_a_commit_blocks_on_a_full_pipe_is_heard(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A commit waited for room in the pipe of a stalled fast-import in a `select` with no time
    limit: a Ctrl-C that came just before it blocked (Python runs its handler between two steps,
    and `select` is woken only by a signal that comes once it waits) was heard only when the
    import ended, by itself, however late: the run stopped then, its bounded wait missed. Here
    the signal goes to another thread, which leaves the waiting one asleep, as one that comes
    in that gap does; the wait now looks for a stop now and then, and ends the import in time."""
    import threading

    # (to the stopper's own thread: its handler runs in the main thread, not woken)
    ended = _commit_stopped_on_a_full_pipe(tmp_path, monkeypatch, threading.get_ident)
    assert ended.how == "git fast-import did not end within 0.5 s of the stop and was ended"


def test_a_stop_that_comes_just_before_the_wait_for_the_import_to_end_is_heard(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once every commit was given it, the run waited for fast-import to end with no time limit:
    a Ctrl-C that came just before the wait blocked was heard only when a stalled import ended,
    by itself, however late. The signal goes to another thread here, as in the test above."""
    import threading

    git.Repo.init(tmp_path / "repo", bare=True)
    read = tmp_path / "stream-read"  # the fake import reads the whole stream, then stalls
    stalling = _fake_git(tmp_path, f'*" fast-import "*) cat > /dev/null; : > {read}; exec sleep 20')
    monkeypatch.setenv("PATH", f"{stalling}{os.pathsep}{os.environ['PATH']}")

    def ctrl_c_unheard_by_the_waiting_thread() -> None:
        while not read.exists():
            time.sleep(0.01)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # (its handler runs in main)

    stopper = threading.Thread(target=ctrl_c_unheard_by_the_waiting_thread, daemon=True)
    with pytest.raises((ImportEndedAfterStop, KeyboardInterrupt)) as ended, \
            FastImport(str(tmp_path / "repo"), "refs/heads/main", None,
                       after_a_stop=TimeAfterAStop(0.5)) as importer:
        importer.commit("story.txt", b"Title\n", "Version 1\n", "0 +0000", "0 +0000")
        stopper.start()
    stopper.join()
    assert isinstance(ended.value, ImportEndedAfterStop)
    assert ended.value.how == "git fast-import did not end within 0.5 s of the stop and was ended"


def test_reading_a_store_says_nothing_of_a_private_ref_whose_versions_are_on_the_branch(
        tmp_path: Path) -> None:
    """A run that moved the branch and then failed to delete its private ref (another git
    command held packed-refs) leaves that ref at the branch's tip, or behind it once a commit
    follows: read back, the archive said the run's versions were not yet on the branch."""
    repo_dir = tmp_path / "archive"
    store_articles(synthetic_articles(2, 2), repo_dir)
    private = import_ref(branch_name(repo_dir))
    subprocess.run(["git", "-C", str(repo_dir), "update-ref", private, "HEAD"], check=True)
    assert not any(private in w for w in read_repository(repo_dir)[0].warnings)
    subprocess.run(["git", "-C", str(repo_dir), "-c", "user.name=a", "-c", "user.email=a@b",
                    "commit", "-q", "--allow-empty", "-m", "notes"], check=True)
    assert not any(private in w for w in read_repository(repo_dir)[0].warnings)


def test_a_stop_as_a_commit_is_given_counts_it_on_the_bar_as_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Ctrl-C that came while a commit was given to fast-import (held until it was whole, then
    raised) left the bar one short of the error line: 1,155/6,000 above '1,156 of 6,000 versions
    were stored', the commit stored but never counted, and the bar closed before the count."""
    real_commit = FastImport.commit

    def stopped_on_the_fifth(importer: FastImport, *args: str) -> None:
        real_commit(importer, *args)
        if importer.commits == 5:  # as the stop held through the commit is let through
            raise KeyboardInterrupt

    counted: list[int] = []
    monkeypatch.setattr(FastImport, "commit", stopped_on_the_fifth)
    with pytest.raises(StoreError) as stopped:
        store_articles(synthetic_articles(4, 3), tmp_path / "archive",
                       progress=lambda commits: counted.append)
    assert stopped.value.message == "interrupted; 5 of 12 versions were stored before the stop"
    assert sum(counted) == 5
