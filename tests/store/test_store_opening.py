"""Opening or creating the store's repository (`revdiff.store.opening`): bare, SHA-256, half
made, or refused in one line.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import git
import pytest
from git_checks import fsck

from revdiff.formats.gitrepo import read_repository
from revdiff.model import Article, Version
from revdiff.store import store_articles


def test_bare_repository(tmp_path: Path) -> None:
    git.Repo.init(tmp_path / "bare.git", bare=True, initial_branch="main")
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),
                                                        Version(1, "T", ("y",))))
    assert store_articles([article], tmp_path / "bare.git").stored == 2
    assert read_repository(tmp_path / "bare.git") == [article]


@pytest.mark.parametrize("variable, place", [("GIT_DIR", ".git"), ("GIT_INDEX_FILE", ".git/index"),
                                             ("GIT_OBJECT_DIRECTORY", ".git/objects"),
                                             ("GIT_WORK_TREE", "")])
def test_the_callers_git_variables_lead_the_store_to_no_other_repository(
        variable: str, place: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git hook that runs revdiff store gets the variables that place its own repository
    (GIT_DIR, GIT_INDEX_FILE, ...): `git init` ran in that one and the store then failed with a
    traceback, or its git commands wrote that repository's index or objects."""
    other = tmp_path / "other"
    subprocess.run(["git", "init", "-q", "-b", "main", str(other)], check=True)
    (other / "mine.txt").write_text("mine\n")
    subprocess.run(["git", "-C", str(other), "add", "mine.txt"], check=True)
    subprocess.run(["git", "-C", str(other), "-c", "user.name=me", "-c", "user.email=me@x",
                    "commit", "-q", "-m", "mine"], check=True)
    before = {path: path.read_bytes() for path in other.rglob("*") if path.is_file()}
    monkeypatch.setenv(variable, str(other / place))
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),
                                                        Version(1, "T", ("y",))))
    assert store_articles([article], tmp_path / "store").stored == 2
    monkeypatch.delenv(variable)
    assert read_repository(tmp_path / "store") == [article]
    assert {path: path.read_bytes() for path in other.rglob("*") if path.is_file()} == before
    fsck(tmp_path / "store")
    assert not subprocess.run(["git", "-C", str(tmp_path / "store"), "status", "--porcelain"],
                              capture_output=True, check=True).stdout


def _git_failing_to_list(args: list[str]) -> list[str]:
    """`git rev-parse --local-env-vars` run as a git that fails."""
    return [sys.executable, "-c",
            "import sys; sys.stderr.write('fatal: not a git command\\n'); sys.exit(128)"]


def _git_vanished(args: list[str]) -> list[str]:
    """A git removed after its version was checked: starting it fails."""
    raise FileNotFoundError(2, "No such file or directory", args[0])


@pytest.mark.parametrize(("listing", "why"), [
    # `git rev-parse --local-env-vars` failing let a bare CalledProcessError out of the store
    (_git_failing_to_list, "git said: fatal: not a git command"),
    # a git removed after its version was checked: the OSError of starting it came out
    (_git_vanished, "git could not be started: No such file or directory"),
])
def test_a_git_that_cannot_list_its_local_variables_is_refused_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        listing: Callable[[list[str]], list[str]], why: str) -> None:
    """A git that cannot list the variables that place a repository came out as a traceback,
    where bad input gets one line saying what, where and what to do."""
    import revdiff.safe_git
    from revdiff.errors import StoreError

    real_run = subprocess.run

    def listing_fails(args: list[str], **options: object) -> object:
        if "--local-env-vars" in args:  # run as `listing` says, with the options it was given
            args = listing(args)
        return real_run(args, **options)

    revdiff.safe_git._local_variables.cache_clear()
    monkeypatch.setattr(revdiff.safe_git.subprocess, "run", listing_fails)
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),))
    try:
        with pytest.raises(StoreError) as raised:
            store_articles([article], tmp_path / "store")
    finally:
        revdiff.safe_git._local_variables.cache_clear()
    said = str(raised.value)
    assert "\n" not in said
    assert said.endswith(": cannot list the variables that place a git repository (git "
                         f"rev-parse --local-env-vars) ({why}; check this git, or name another "
                         "with GIT_PYTHON_GIT_EXECUTABLE)")
    assert not (tmp_path / "store").exists()


def test_refuses_a_non_empty_directory_that_is_not_a_repository(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    from revdiff.errors import StoreError
    with pytest.raises(StoreError, match="not empty"):
        store_articles([], tmp_path)


@pytest.mark.parametrize("bare", [False, True])
def test_a_repository_without_head_is_named_with_what_to_do(bare: bool, tmp_path: Path) -> None:
    """It was called a directory that "is not a git repository"."""
    repo = git.Repo.init(tmp_path / "repo", bare=bare, initial_branch="main")
    Path(repo.git_dir, "HEAD").unlink()
    from revdiff.errors import StoreError
    with pytest.raises(StoreError, match="HEAD file .* is missing") as refused:
        store_articles([], tmp_path / "repo")
    assert refused.value.hint is not None and "ref: refs/heads/main" in refused.value.hint


def test_a_git_file_naming_a_git_directory_not_there_is_named_with_what_to_do(
        tmp_path: Path) -> None:
    """It was said to have lost its HEAD file, to be written back."""
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".git").write_text(f"gitdir: {tmp_path / 'gone'}\n")
    from revdiff.errors import StoreError
    with pytest.raises(StoreError, match="names the git directory .*gone, which is not there"):
        store_articles([], tmp_path / "repo")


def test_a_git_link_to_a_folder_that_is_no_git_directory_is_named_with_what_to_do(
        tmp_path: Path) -> None:
    """It was said to have lost its HEAD file, to be written into the folder linked to."""
    (tmp_path / "plain").mkdir()
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".git").symlink_to(tmp_path / "plain")
    from revdiff.errors import StoreError
    with pytest.raises(StoreError, match="links to the folder .*plain, which is not a git "
                                         "directory"):
        store_articles([], tmp_path / "repo")


def test_an_empty_git_folder_is_named_with_what_to_do(tmp_path: Path) -> None:
    """It was said to have lost its HEAD file, to be written back into the empty folder."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    from revdiff.errors import StoreError
    with pytest.raises(StoreError, match="its .git folder is empty") as refused:
        store_articles([], tmp_path / "repo")
    assert refused.value.hint is not None and "remove the empty .git folder" in refused.value.hint


def test_sha256_repository_stores_once_and_reads_back(tmp_path: Path) -> None:
    repo_dir = tmp_path / "sha256"
    subprocess.run(["git", "init", "-q", "--object-format=sha256", str(repo_dir)], check=True)
    article = Article("bbc", "https://www.bbc.co.uk/news/uk-2", (
        Version(1, "Flood warning", ("Rain is expected.",)),
        Version(2, "Flood warning issued", ("Rain is expected.", "Rivers are rising."))))
    first = store_articles([article], repo_dir)
    assert (first.stored, first.skipped) == (2, ())
    again = store_articles([article], repo_dir)
    assert (again.stored, again.already_stored, again.skipped) == (0, 2, ())
    head = subprocess.run(["git", "-C", str(repo_dir), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()
    assert len(head) == 64
    assert read_repository(repo_dir) == [article]
    fsck(repo_dir)


def test_two_runs_creating_one_repository_at_once_both_get_it(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """A second run that comes while the first one's `git init` is half done (its `.git` only
    part written) waits for it, then opens that repository, instead of failing on it."""
    from revdiff.store import opening

    folder = tmp_path / "archive"
    real_init = git.Repo.init
    second: list[object] = []
    second_run: list[threading.Thread] = []

    def open_second() -> None:
        try:
            second.append(opening.open_or_create(folder))
        except Exception as error:  # noqa: BLE001 - what the second run met is the result
            second.append(error)

    def init_meeting_a_second_run(path: Path, *args: object, **kwargs: object) -> git.Repo:
        (folder / ".git").mkdir()
        (folder / ".git" / "description").write_text("Unnamed repository\n")
        second_run.append(threading.Thread(target=open_second))
        second_run[0].start()
        second_run[0].join(timeout=2)  # long enough to fail on the half made repository
        return real_init(path, *args, **kwargs)

    monkeypatch.setattr(git.Repo, "init", init_meeting_a_second_run)
    first = opening.open_or_create(folder)
    second_run[0].join()
    assert len(second) == 1 and isinstance(second[0], git.Repo), second
    assert Path(second[0].git_dir) == Path(first.git_dir)


def test_a_repository_whose_creation_failed_is_not_left_half_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `git init` stopped midway (a full disk, `ulimit -f`) left a `.git` without HEAD, which
    the next run refused as a damaged repository once there was room again."""
    from revdiff.errors import StoreError

    real_init = git.Repo.init

    def init_on_a_full_disk(path: Path, *args: object, **kwargs: object) -> git.Repo:
        (Path(path) / ".git").mkdir()
        (Path(path) / ".git" / "description").write_text("Unnamed repository\n")
        raise git.GitCommandError(["git", "init"], 128, b"fatal: No space left on device")

    article = Article("bbc", "https://www.bbc.co.uk/news/uk-1",
                      (Version(1, "Title", ("One.",)), Version(2, "Title", ("Two.",))))
    monkeypatch.setattr(git.Repo, "init", init_on_a_full_disk)
    with pytest.raises(StoreError, match="No space left on device"):
        store_articles([article], tmp_path / "archive")
    assert not any((tmp_path / "archive").iterdir())
    monkeypatch.setattr(git.Repo, "init", real_init)
    assert store_articles([article], tmp_path / "archive").stored == 2
