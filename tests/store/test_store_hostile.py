"""`revdiff store --repo DIR` into a repository that names programs runs none of them.

The repository may have been downloaded: its hooks (its own `.git/hooks`, or through
`core.hooksPath`), its file-system monitor, its filter drivers (named in `.git/info/attributes` or a
committed `.gitattributes`), its diff drivers and its signature program must not run while revdiff
writes to it. As in tests/formats/test_gitrepo_hostile.py, plain git is then run in the same
repository to show that each program is live.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from held_runs import refused_at_once
from hostile_git import (
    HOOKS,
    external_diff,
    fsmonitor,
    git,
    hooks,
    marker_script,
    set_config,
    signature_program,
    story_repository,
    textconv,
)


def filter_driver(repo: Path, folder: Path) -> Path:
    """Filters named in the repository's config apply to the files the store checks out."""
    script, marker = marker_script(folder, "filter")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "attributes").write_text("*.txt filter=evil\n")
    set_config(repo, ("filter.evil.smudge", str(script)), ("filter.evil.clean", str(script)),
               ("filter.evil.required", "true"))
    return marker


def hooks_in_the_git_directory(repo: Path, folder: Path) -> Path:
    """Hooks where a downloaded repository keeps them, its own `.git/hooks` (no
    `core.hooksPath`), each of the names git runs while the store commits, updates refs and the
    working tree, and repacks."""
    script, marker = marker_script(folder, "hook")
    for name in HOOKS:
        (repo / ".git" / "hooks" / name).write_text(script.read_text())
        (repo / ".git" / "hooks" / name).chmod(0o755)
    set_config(repo, ("gc.auto", "1"), ("gc.autoPackLimit", "1"))
    return marker


def committed_filter(repo: Path, folder: Path) -> Path:
    """A filter that a `.gitattributes` committed in the repository names (not
    `.git/info/attributes`): it comes with the files the store checks out."""
    script, marker = marker_script(folder, "filter")
    (repo / ".gitattributes").write_text("*.txt filter=evil\n")
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "attributes")
    set_config(repo, ("filter.evil.smudge", str(script)), ("filter.evil.clean", str(script)),
               ("filter.evil.required", "true"))
    return marker


def promisor_remote(repo: Path, folder: Path) -> Path:
    """A partial clone (its promisor remote's `uploadpack` a program) lacking the blob of a
    file: git fetches a missing object from that remote, running the program, when it needs
    it, as `update-index --refresh` and `read-tree -u` do to check line endings (autocrlf) of a
    file whose stat data changed (an archive unpacked)."""
    script, marker = marker_script(folder, "upload-pack")
    (repo / "notes.txt").write_bytes(b"Notes of my own.\r\n")
    git(repo, "add", "notes.txt")
    git(repo, "commit", "-q", "-m", "notes")
    blob = git(repo, "rev-parse", "HEAD:notes.txt").stdout.decode().strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    set_config(repo, ("core.repositoryformatversion", "1"),
               ("extensions.partialClone", "origin"), ("remote.origin.url", str(folder)),
               ("remote.origin.promisor", "true"), ("remote.origin.uploadpack", str(script)),
               ("core.autocrlf", "true"))
    os.utime(repo / "notes.txt", (0, 0))
    return marker


def store_versions(versions: Path, repo: Path, count: int) -> subprocess.CompletedProcess[str]:
    """`revdiff store` of `count` versions (a folder made here) into `repo`, in a process of its
    own, as a user runs it."""
    versions.mkdir()
    for number in range(count):
        (versions / f"{number}.txt").write_text(f"Paragraph of version {number}.\n")
    return subprocess.run([sys.executable, "-m", "revdiff", "store", str(versions), "--repo",
                           str(repo)], capture_output=True, text=True, timeout=120, check=False)


CASES: list[tuple[str, Callable[[Path, Path], Path], tuple[str, ...]]] = [
    ("core.hooksPath", hooks, ("commit", "-q", "--allow-empty", "-m", "by hand")),
    ("core.fsmonitor", fsmonitor, ("status",)),
    ("gpg.program", signature_program, ("log",)),
    ("hooks in .git/hooks", hooks_in_the_git_directory,
     ("commit", "-q", "--allow-empty", "-m", "by hand")),
    ("filter", filter_driver, ("checkout", "-f", "HEAD~1", "--", "story.txt")),
    ("filter in a committed .gitattributes", committed_filter,
     ("checkout", "-f", "HEAD~2", "--", "story.txt")),
    ("textconv", textconv, ("log", "-p")),
    ("diff.external", external_diff, ("diff", "HEAD~1", "HEAD")),
    ("remote.origin.uploadpack", promisor_remote, ("cat-file", "-p", "HEAD:notes.txt")),
]


@pytest.mark.parametrize(("name", "arrange", "show"), CASES, ids=[c[0] for c in CASES])
def test_storing_runs_no_program_the_repository_names(
        name: str, arrange: Callable[[Path, Path], Path], show: tuple[str, ...],
        tmp_path: Path) -> None:
    repo = story_repository(tmp_path / "archive")
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    marker = arrange(repo, scripts)
    result = store_versions(tmp_path / "versions", repo, 3)
    assert not marker.exists(), f"revdiff ran {name}: {marker.read_text()}"
    assert result.returncode == 0, result.stderr
    assert "3 versions stored" in result.stdout
    git(repo, *show, check=False)
    assert marker.exists(), f"git did not run {name}: the test proves nothing"


def test_storing_writes_no_working_tree_the_repository_names(tmp_path: Path) -> None:
    """`core.worktree` in the repository's config had made the store write its files there."""
    repo = story_repository(tmp_path / "archive")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    set_config(repo, ("core.worktree", str(elsewhere)))
    result = store_versions(tmp_path / "versions", repo, 2)
    assert result.returncode == 0, result.stderr
    assert list(elsewhere.iterdir()) == []
    assert [p.name for p in repo.rglob("*.txt") if ".git" not in p.parts and p.name != "story.txt"]


@pytest.mark.parametrize("layout", ["core.worktree", "git directory inside another repository"])
def test_a_git_directory_whose_working_tree_is_another_repositorys_is_refused(
        layout: str, tmp_path: Path) -> None:
    """`--repo` naming a git directory whose working tree is elsewhere (its `core.worktree`, or
    the folder above it) ran git there, where it found another repository: the store read that
    one's branch and history, wrote its commits into the named one, said they were stored, and
    left them on the private ref."""
    other = story_repository(tmp_path / "other")
    if layout == "core.worktree":
        named = tmp_path / "named.git"
        git(tmp_path, "clone", "-q", "--bare", str(other), str(named))
        set_config(named, ("core.bare", "false"), ("core.worktree", str(other)))
    else:
        named = other / "named.git"
        git(tmp_path, "clone", "-q", "--bare", str(other), str(named))
        set_config(named, ("core.bare", "false"))
    before = [git(repo, "for-each-ref").stdout for repo in (other, named)]
    version = tmp_path / "0.txt"
    version.write_text("One sentence here.\n")
    stderr = refused_at_once("store", str(version), "--repo", str(named), "--no-progress",
                             naming=str(named))
    assert ("working tree is elsewhere" if layout == "core.worktree"
            else "is a git directory, not a repository's working tree") in stderr
    assert [git(repo, "for-each-ref").stdout for repo in (other, named)] == before
    assert [p.name for p in other.iterdir() if p.name not in (".git", "named.git")] == ["story.txt"]


def test_a_separate_git_directory_is_refused_without_naming_its_parent_its_working_tree(
        tmp_path: Path) -> None:
    """`--repo` naming the git directory of `git init --separate-git-dir`: the error named the
    folder above it as its working tree, which the git directory does not record."""
    (tmp_path / "kept").mkdir()
    git(tmp_path, "init", "-q", "--separate-git-dir", str(tmp_path / "kept" / "story.git"),
        str(tmp_path / "work"))
    version = tmp_path / "0.txt"
    version.write_text("One sentence here.\n")
    named = tmp_path / "kept" / "story.git"
    stderr = refused_at_once("store", str(version), "--repo", str(named), "--no-progress",
                             naming=str(named))
    assert f"({tmp_path / 'kept'})" not in stderr
    assert "is a git directory, not a repository's working tree" in stderr
    assert "give --repo the folder whose .git file names it" in stderr


@pytest.mark.parametrize("fifo", ["HEAD", "included.config"])
def test_storing_into_a_repository_with_a_fifo_is_refused_not_waited_on(
        fifo: str, tmp_path: Path) -> None:
    """GitPython and git open a FIFO in the repository (its HEAD, a config it includes) as a
    file and wait on it forever."""
    import os

    repo = story_repository(tmp_path / "store")
    if fifo == "HEAD":
        (repo / ".git" / "HEAD").unlink()
        os.mkfifo(repo / ".git" / "HEAD")
    else:
        os.mkfifo(repo / ".git" / fifo)
        set_config(repo, ("include.path", fifo))
    version = tmp_path / "0.txt"
    version.write_text("One sentence here.\n")
    stderr = refused_at_once("store", str(version), "--repo", str(repo), "--no-progress",
                             naming=fifo)
    assert "FIFO" in stderr


def test_a_fifo_included_from_outside_the_repository_is_refused_with_what_to_do(
        tmp_path: Path) -> None:
    """A config that includes a FIFO outside the repository (`include.path`): the hint said to
    remove it from the repository, which does not hold it."""
    import os

    repo = story_repository(tmp_path / "store")
    fifo = tmp_path / "outside.config"
    os.mkfifo(fifo)
    set_config(repo, ("include.path", str(fifo)))
    version = tmp_path / "0.txt"
    version.write_text("One sentence here.\n")
    stderr = refused_at_once("store", str(version), "--repo", str(repo), "--no-progress",
                             naming=str(fifo))
    assert "remove it from the repository" not in stderr
    assert f"remove the include that names it from {repo / '.git' / 'config'}" in stderr


def test_a_planted_sync_marker_removes_no_file_beyond_a_link_in_the_working_tree(
        tmp_path: Path) -> None:
    """A repository holding the marker of a run killed while updating the working tree, an index
    naming `linked/secret.txt` and a link `linked` to a folder outside: the next run removed the
    files the dead run may have half written, and so the file outside."""
    repo = story_repository(tmp_path / "archive")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("precious\n")
    (repo / "linked").mkdir()
    (repo / "linked" / "secret.txt").write_text("staged\n")
    git(repo, "add", "linked/secret.txt")
    (repo / "linked" / "secret.txt").unlink()
    (repo / "linked").rmdir()
    (repo / "linked").symlink_to(outside)
    (repo / ".git" / "revdiff-sync-in-progress").write_bytes(b"")
    result = store_versions(tmp_path / "versions", repo, 2)
    assert (outside / "secret.txt").read_text() == "precious\n"
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["revdiff-store.lock", "revdiff-sync-in-progress"])
def test_a_link_at_the_name_of_a_file_the_store_writes_in_the_git_directory_is_refused(
        name: str, tmp_path: Path) -> None:
    """The store's lock and its marker were written through a link the repository held: the file
    it named, outside the repository, was created (and a marker's emptied, had it existed)."""
    repo = story_repository(tmp_path / "archive")
    outside = tmp_path / "outside.txt"
    (repo / ".git" / name).symlink_to(outside)
    result = store_versions(tmp_path / "versions", repo, 2)
    assert not outside.exists()
    assert result.returncode == 2
    assert result.stderr == (f"revdiff: error: {repo / '.git' / name}: is a symbolic link, which "
                             "revdiff store never makes, and storing would write there; nothing "
                             "was stored (remove the symbolic link, then run again)\n")


@pytest.mark.parametrize("name", ["revdiff-store.lock", "revdiff-sync-in-progress"])
def test_a_folder_at_the_name_of_a_file_the_store_writes_in_the_git_directory_is_refused(
        name: str, tmp_path: Path) -> None:
    """A folder there ended the run with a traceback (IsADirectoryError)."""
    repo = story_repository(tmp_path / "archive")
    (repo / ".git" / name).mkdir()
    result = store_versions(tmp_path / "versions", repo, 2)
    assert result.returncode == 2
    assert result.stderr == (f"revdiff: error: {repo / '.git' / name}: is a folder, which "
                             "revdiff store never makes, and storing would write there; nothing "
                             "was stored (remove the folder, then run again)\n")


def test_a_folder_at_the_index_lock_beside_a_killed_runs_marker_is_refused_in_one_line(
        tmp_path: Path) -> None:
    """With the marker of a run killed while updating the working tree, the index lock is taken
    for that run's, to clear: a folder there ended the run with a traceback (IsADirectoryError)."""
    repo = story_repository(tmp_path / "archive")
    (repo / ".git" / "revdiff-sync-in-progress").write_bytes(b"")
    (repo / ".git" / "index.lock").mkdir()
    commits = git(repo, "rev-list", "--count", "HEAD").stdout
    result = store_versions(tmp_path / "versions", repo, 2)
    assert result.returncode == 2
    assert result.stderr == (f"revdiff: error: {repo / '.git' / 'index.lock'}: another git "
                             "command holds the repository's index (index.lock); nothing was "
                             "stored (let that command finish, or remove index.lock if no git "
                             "command runs, then run again)\n")
    assert git(repo, "rev-list", "--count", "HEAD").stdout == commits


def test_a_link_among_the_folders_of_the_private_ref_is_refused(tmp_path: Path) -> None:
    """`refs/revdiff` linked to a folder outside: git wrote the run's private ref there, the run
    removed a lock file of its name there, and git pruned the folders it emptied."""
    repo = story_repository(tmp_path / "archive")
    outside = tmp_path / "outside"
    (outside / "store" / "heads").mkdir(parents=True)
    (outside / "store" / "heads" / "main.lock").write_text("precious\n")
    (repo / ".git" / "refs" / "revdiff").symlink_to(outside)
    result = store_versions(tmp_path / "versions", repo, 2)
    assert (outside / "store" / "heads" / "main.lock").read_text() == "precious\n"
    assert [p.name for p in (outside / "store" / "heads").iterdir()] == ["main.lock"]
    assert result.returncode == 2
    assert result.stderr.startswith(f"revdiff: error: {repo / '.git' / 'refs' / 'revdiff'}: is a "
                                    "symbolic link, which revdiff store never makes")


def test_the_commits_a_stopped_run_left_are_read_without_running_the_signature_program(
        tmp_path: Path) -> None:
    """A private ref holding a signed commit that continues the branch, as a stopped run leaves
    one: reading when that commit was made ran `gpg.program` under `log.showSignature`."""
    repo = story_repository(tmp_path / "archive")
    git(repo, "commit", "-q", "--allow-empty", "-m", "left by a stopped run")
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    marker = signature_program(repo, scripts)
    git(repo, "update-ref", "refs/revdiff/store/heads/main", "HEAD")
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    result = store_versions(tmp_path / "versions", repo, 2)
    assert not marker.exists(), f"revdiff ran gpg.program: {marker.read_text()}"
    assert result.returncode == 0, result.stderr
    git(repo, "log", check=False)
    assert marker.exists(), "git did not run gpg.program: the test proves nothing"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a repository to another user takes root")
def test_a_repository_another_user_owns_is_stored_into_only_when_the_users_config_trusts_it(
        tmp_path: Path) -> None:
    """An archive unpacked as root belongs to another user: git's ownership check stands, and
    `store` writes there only once the user's own (global) config trusts the folder, as the
    refusal says to do (SECURITY.md)."""
    repo = story_repository(tmp_path / "archive")
    tip = git(repo, "rev-parse", "HEAD").stdout
    for folder, _, files in os.walk(repo):
        for name in [folder, *(os.path.join(folder, file) for file in files)]:
            os.lchown(name, 12345, 12345)
    user_config = tmp_path / "gitconfig"
    user_config.write_text("")
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": str(user_config)}
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "0.txt").write_text("Paragraph of version 0.\n")
    command = [sys.executable, "-m", "revdiff", "store", str(versions), "--repo", str(repo)]

    refused = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                             env=environment)
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.count("\n") == 1, refused.stderr
    # as the other refusals of `store` say, that nothing was written
    assert "git cannot use the repository; nothing was stored (git said: " in refused.stderr
    assert f"git config --global --add safe.directory {repo}" in refused.stderr
    assert git(repo, "-c", "safe.directory=*", "rev-parse", "HEAD").stdout == tip
    assert sorted(p.name for p in repo.iterdir()) == [".git", "story.txt"]

    user_config.write_text(f"[safe]\n\tdirectory = {repo}\n")
    stored = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                            env=environment)
    assert stored.returncode == 0, stored.stderr
    assert "1 version stored" in stored.stdout
