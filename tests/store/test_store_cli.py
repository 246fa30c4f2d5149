"""`revdiff store INPUT... --repo DIR`."""

from __future__ import annotations

import builtins
import errno
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from revdiff.cli import main
from revdiff.formats.git_layout import STORE_LOCK_NAME
from revdiff.read_warnings import SHOWN_BY_PARSE_JSON
from revdiff.store.worktree_sync import SYNC_MARKER_NAME


def write_versions(folder: Path, *texts: str) -> Path:
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    return folder


def test_a_stop_while_the_inputs_are_read_says_nothing_was_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while a large input was read said only `interrupted`, where a later stop says how
    many versions were stored."""
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("revdiff.cli.store.load_and_warn", interrupted)
    repo = tmp_path / "repo"
    result = CliRunner().invoke(main, ["store", str(write_versions(tmp_path / "story", "A.\n",
                                                                   "B.\n")), "--repo", str(repo)])
    assert result.exit_code == 130
    assert result.stderr == (f"revdiff: error: {repo}: interrupted; nothing was stored (run the "
                             "same command again to store the versions)\n")
    assert not repo.exists()


@pytest.mark.parametrize("stored_before", [False, True])
def test_a_stop_as_the_repository_is_read_says_a_new_one_is_left_empty(
        stored_before: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C once the repository was made, as it was read, said only that nothing was stored:
    `revdiff diff` on the repository, made and left without commits, then said its HEAD has
    none."""
    versions = write_versions(tmp_path / "story", "A.\n", "B.\n")
    repo = tmp_path / "repo"
    if stored_before:
        assert CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)]
                                  ).exit_code == 0

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("revdiff.store.writer._plan_run", interrupted)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 130
    left = "" if stored_before else ", and the new repository it made is left empty"
    assert result.stderr == (f"revdiff: error: {repo}: interrupted; nothing was stored{left} "
                             "(run the same command again to store the versions)\n")
    monkeypatch.undo()
    again = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert again.exit_code == 0, again.stderr


def test_store_then_parse_back(tmp_path: Path) -> None:
    versions = write_versions(tmp_path / "story", "First para.\n\nSecond.\n", "First para.\n",
                              "First para.\n", "Third version.\n")
    runner = CliRunner()
    result = runner.invoke(main, ["store", str(versions), "--repo", str(tmp_path / "repo")])
    assert result.exit_code == 0, result.output
    # plain files are titled by their folder, so version 2 (the text of version 1) is unchanged
    assert _one_line(result.stdout).startswith(
        "1 article: 3 versions stored, 0 already stored, 1 skipped (1 unchanged: identical to "
        f"the version stored before it) in {tmp_path / 'repo'} [")
    assert result.stderr == ""
    again = runner.invoke(main, ["store", str(versions), "--repo", str(tmp_path / "repo")])
    assert again.exit_code == 0
    assert "0 versions stored, 3 already stored" in _one_line(again.output)
    parsed = runner.invoke(main, ["parse", str(tmp_path / "repo"), "--format", "text"])
    assert parsed.exit_code == 0
    assert "story" in parsed.output and ".txt" not in parsed.output.split("\n", 1)[1]


def test_bad_repository_is_one_error_line(tmp_path: Path) -> None:
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    (tmp_path / "occupied").mkdir()
    (tmp_path / "occupied" / "file").write_text("x")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo",
                                       str(tmp_path / "occupied")])
    assert result.exit_code == 2
    assert "not a git repository" in result.output
    assert "Traceback" not in result.output


def test_a_repository_path_that_is_a_file_is_refused_before_the_inputs_are_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It got click's wording, `Invalid value for '--repo': Directory '...' is a file`, where a
    FIFO there got revdiff's own line, once the inputs were read."""
    def read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the inputs were read")

    monkeypatch.setattr("revdiff.cli.store.load_and_warn", read)
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    (tmp_path / "notes").write_text("x")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / "notes")])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {tmp_path / 'notes'}: is a file, not a directory "
                             "(give a directory for the repository with --repo)\n")


@pytest.mark.parametrize(("repo_at", "said"), [
    ("occupied", ("{tmp}/occupied: directory exists, is not empty and is not a git repository "
                  "(give an empty or new directory, or a repository)\n")),
    ("notes/repo", ("{tmp}/notes/repo: cannot create a git repository there: {tmp}/notes is a "
                    "file (give a path whose folders are directories, or move the file away)\n"))])
def test_a_repository_path_that_takes_no_repository_is_refused_before_the_inputs_are_read(
        repo_at: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a file was refused before the inputs were read; a folder of other files, or a path
    running through a file, was refused after all of them had been read and warned about."""
    def read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the inputs were read")

    monkeypatch.setattr("revdiff.cli.store.load_and_warn", read)
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    (tmp_path / "notes").write_text("x")
    (tmp_path / "occupied").mkdir()
    (tmp_path / "occupied" / "file").write_text("x")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / repo_at)])
    assert result.exit_code == 2
    assert result.stderr == "revdiff: error: " + said.format(tmp=tmp_path)


@pytest.mark.parametrize("inside", ["_no-url", "new", "_no-url/deeper"])
def test_a_repository_path_in_a_store_s_working_tree_is_refused_naming_the_store(
        inside: str, tmp_path: Path) -> None:
    """A folder of a store's files was said to be no git repository, to be replaced by an empty
    or new directory: a new one there made a second store among the first one's files."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    store = tmp_path / "store"
    assert CliRunner().invoke(main, ["store", str(versions), "--repo", str(store)]).exit_code == 0
    files = sorted(path.relative_to(store) for path in store.rglob("*") if ".git" not in path.parts)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(store / inside)])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {store / inside}: lies in the working tree of the "
                             f"revdiff store {store} (give --repo {store} to store into that "
                             "store, or a directory outside it)\n")
    assert sorted(path.relative_to(store) for path in store.rglob("*")
                  if ".git" not in path.parts) == files


@pytest.mark.parametrize("empty_folder", [False, True])
def test_a_repository_path_named_git_that_is_no_git_directory_is_refused_and_nothing_made(
        empty_folder: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--repo .git` in a folder that is no repository made a repository whose working tree was
    `./.git`, its git directory `./.git/.git`, and the stored files in it."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    (tmp_path / "folder").mkdir()
    if empty_folder:
        (tmp_path / "folder" / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "folder")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", ".git"])
    assert result.exit_code == 2
    assert result.stderr == ("revdiff: error: .git: is named .git but is no git directory, and "
                             "revdiff store would make a repository inside it (give --repo . to "
                             "make the repository there, or name an existing one)\n")
    assert [p.name for p in (tmp_path / "folder").rglob("*")] == ([".git"] if empty_folder
                                                                   else [])


def test_a_repository_whose_parent_folder_is_missing_is_refused_and_nothing_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--repo nope/deeper/repo` made every missing folder on the way, so that a typo made a
    whole tree, where `export -o` refuses a missing folder: only the repository's own folder is
    made, in a folder that exists."""
    def read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the inputs were read")

    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "nope" / "deeper" / "repo"
    with monkeypatch.context() as patched:
        patched.setattr("revdiff.cli.store.load_and_warn", read)
        result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {repo}: the folder to hold the repository, "
                             f"{repo.parent}, does not exist (create it first, or give "
                             "another path with --repo)\n")
    assert not (tmp_path / "nope").exists()
    made = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / "repo")])
    assert made.exit_code == 0, made.stderr
    assert (tmp_path / "repo" / ".git").is_dir()


def test_a_repository_path_under_a_file_is_said_as_it_is(tmp_path: Path) -> None:
    # it said `[Errno 20] Not a directory: '...'` and to check that the directory is writable
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    (tmp_path / "notes").write_text("x")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo",
                                       str(tmp_path / "notes" / "repo")])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {tmp_path / 'notes' / 'repo'}: cannot create a "
                             f"git repository there: {tmp_path / 'notes'} is a file (give a path "
                             "whose folders are directories, or move the file away)\n")


def test_the_file_under_which_a_repository_path_runs_is_named(tmp_path: Path) -> None:
    # it said `a folder of the path is a file`, leaving the user to find which
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    (tmp_path / "notes").write_text("x")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo",
                                       str(tmp_path / "notes" / "2020" / "repo")])
    assert result.exit_code == 2
    assert f"there: {tmp_path / 'notes'} is a file (" in result.stderr


def test_a_repository_name_too_long_is_one_error_line_saying_so(tmp_path: Path) -> None:
    # a traceback: the check whether the path was a file failed on the name
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    too_long = tmp_path / ("x" * 300)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(too_long)])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {too_long}: cannot create a git repository: File "
                             "name too long (give a path of shorter folder names with --repo)\n")


def _file_size_limit(limit: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_git_init_killed_by_a_signal_is_named_by_it(tmp_path: Path) -> None:
    """`git init` killed by SIGXFSZ past `ulimit -f` writes no message, and the line said
    `cannot create a git repository: no message`; then its hint ended in nested brackets,
    `(raise the file size limit (ulimit -f))`."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    result = subprocess.run([sys.executable, "-m", "revdiff", "store", str(versions), "--repo",
                             str(repo), "--quiet"], capture_output=True, text=True, timeout=120,
                            check=False, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
                            preexec_fn=lambda: _file_size_limit(1024))
    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"revdiff: error: {repo}: cannot create a git repository: killed "
                             "by SIGXFSZ, file size limit exceeded (raise the file size limit "
                             "with ulimit -f)\n")  # it said to check that the folder is writable
    assert not any(repo.iterdir())


@pytest.mark.parametrize("folder", ["/proc", "/sys"])
def test_a_folder_that_takes_no_new_files_is_not_called_unwritable(tmp_path: Path,
                                                                   folder: str) -> None:
    """`/proc/revdiff-store` was told `No such file or directory` (its folder "takes no new
    folders ..., or was removed meanwhile"), and `/sys/revdiff-store`, to root, whom its
    permissions let write, `Operation not permitted` and to check that the directory is
    writable: it is said, as `export -o` says it, that the folder takes no new files."""
    if not (os.path.isdir(folder) and os.access(folder, os.W_OK)):
        pytest.skip(f"no {folder} that this user may write, as root may /sys")
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo",
                                       f"{folder}/revdiff-store"])
    assert result.exit_code == 2
    said = ("takes no new files: it is no real folder but a view the system gives (as /proc is)"
            if folder == "/proc" else "refuses new files though its permissions let you write "
            "(a view the system gives, as /sys is, or a folder made immutable)")
    assert result.stderr == (f"revdiff: error: {folder}/revdiff-store: cannot create a git "
                             f"repository: its folder {folder} {said} (give a directory "
                             "elsewhere with --repo)\n")


def _read_only_file_system_at(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make opening a file called `name` to write it fail as on a read-only file system (root,
    who runs the tests in CI, may write to a read-only folder)."""
    real_open = builtins.open

    def open_on_a_read_only_file_system(file: object, mode: str = "r", *args: object,
                                        **kwargs: object) -> object:
        if (isinstance(file, (str, os.PathLike)) and Path(file).name == name
                and set(mode) & set("wax+")):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(file))
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", open_on_a_read_only_file_system)


def test_a_repository_on_a_read_only_file_system_is_one_error_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a traceback: the run's lock file could not be made in the repository's git directory
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    assert CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)]).exit_code == 0

    (versions / "2.txt").write_text("Three.\n", encoding="utf-8")
    _read_only_file_system_at(STORE_LOCK_NAME, monkeypatch)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 2
    # it said to give a repository on a writable one, which would not hold the stored history
    assert result.stderr == (f"revdiff: error: {repo}: cannot write to the repository: "
                             "Read-only file system; nothing was stored (the file system is "
                             "read-only: make it writable, or copy the repository to a writable "
                             "one and give the copy with --repo)\n")


@pytest.mark.parametrize("index_behind", [False, True])
def test_a_run_that_adds_nothing_needs_no_writable_repository(
        index_behind: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Storing again what a repository on a read-only file system holds was refused, as its lock
    could not be made, where the run writes nothing; one whose index is behind the branch,
    which the run brings up to it, still is."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    assert CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)]).exit_code == 0
    if index_behind:
        subprocess.run(["git", "-C", str(repo), "read-tree", "HEAD~1"], check=True)

    _read_only_file_system_at(STORE_LOCK_NAME, monkeypatch)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    if index_behind:
        assert result.exit_code == 2
        assert result.stderr.startswith(f"revdiff: error: {repo}: cannot write to the "
                                        "repository: Read-only file system; nothing was stored")
    else:
        assert result.exit_code == 0, result.stderr
        assert _one_line(result.stdout) == ("1 article: 0 versions stored, 2 already stored, "
                                            f"0 skipped in {repo} [master]")


def test_a_read_only_file_system_met_at_the_sync_marker_is_one_error_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The marker of a working tree being updated, made once the versions are on the branch,
    could not be made (the file system remounted read-only meanwhile): the line named the
    marker, revdiff's own file, said to check that it is there and not that the versions were
    stored; the next run on a writable one finishes the update."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    _read_only_file_system_at(SYNC_MARKER_NAME, monkeypatch)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {repo}: versions are stored, but the working "
                             "tree could not be updated: Read-only file system (the file "
                             "system is read-only: make it writable, then run the same revdiff "
                             "store again: it finishes the update and overwrites no file)\n")
    assert not (repo / ".git" / SYNC_MARKER_NAME).exists()
    monkeypatch.undo()
    again = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert again.exit_code == 0, again.stderr
    assert not subprocess.run(["git", "-C", str(repo), "status", "--porcelain"],
                              capture_output=True, check=True).stdout
    assert len(list(repo.rglob("*.txt"))) == 1


def test_a_new_repository_on_a_read_only_file_system_is_said_to_be_on_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`git init` in an empty folder of a read-only file system (a read-only mount) says so in
    words only; the hint said to check that the directory is writable, which its permissions
    say it is."""
    import git

    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    repo.mkdir()

    def init_on_a_read_only_mount(path: Path, *args: object, **kwargs: object) -> None:
        raise git.GitCommandError(["git", "init"], 1,
                                  f"{path}/.git: {os.strerror(errno.EROFS)}\n".encode())

    monkeypatch.setattr("git.Repo.init", init_on_a_read_only_mount)
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {repo}: cannot create a git repository: "
                             f"{repo}/.git: Read-only file system (the file system is read-only: "
                             "give a directory on a writable one with --repo)\n")


@pytest.mark.parametrize(("repo_at", "said"), [
    ("fifo", "{fifo}: is a FIFO, not a directory (give a directory"),
    ("fifo/repo", "{fifo}/repo: cannot create a git repository there: {fifo} is a FIFO (give")])
def test_a_fifo_given_as_the_repository_is_called_a_fifo(repo_at: str, said: str,
                                                          tmp_path: Path) -> None:
    # it was called a file, which the user would look for in vain
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    os.mkfifo(tmp_path / "fifo")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / repo_at)])
    assert result.exit_code == 2
    assert result.stderr.startswith("revdiff: error: " + said.format(fifo=tmp_path / "fifo"))
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("kind", ["tree", "blob", "tag"])
def test_a_branch_naming_no_commit_is_one_error_line_before_anything_is_written(
        kind: str, tmp_path: Path) -> None:
    """A blob had made git print its usage page as a traceback; a tree or a tag (of a commit), an
    error after the versions were written that asked to run again, which failed the same way."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    runner = CliRunner()
    repo = tmp_path / "repo"
    assert runner.invoke(main, ["store", str(versions), "--repo", str(repo)]).exit_code == 0

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              check=True).stdout.strip()

    branch = git("symbolic-ref", "HEAD")
    if kind == "tag":
        git("-c", "user.name=t", "-c", "user.email=t@t", "tag", "-a", "-m", "a tag", "v1")
    damaged = git("rev-parse", {"tree": "HEAD^{tree}", "blob": "HEAD:" + git("ls-files"),
                                "tag": "v1"}[kind])
    (repo / ".git" / branch).write_text(damaged + "\n")  # as git update-ref refuses to
    result = runner.invoke(main, ["store", str(write_versions(tmp_path / "more", "Three.\n")),
                                  "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"revdiff: error: {repo}: {branch} names a {kind}, not a commit, so "
                             f"no commit can follow it (point it at a commit (git update-ref "
                             f"{branch} COMMIT), or delete it (git update-ref -d {branch}) to "
                             "store from the start)\n")
    assert git("for-each-ref", "--format=%(refname)", "refs/heads", "refs/revdiff") == branch


def test_a_branch_naming_a_missing_commit_is_one_error_line(tmp_path: Path) -> None:
    """git had failed on it as a bad object, and revdiff with a traceback."""
    repo = tmp_path / "repo"
    runner = CliRunner()
    assert runner.invoke(main, ["store", str(write_versions(tmp_path / "story", "One.\n")),
                                "--repo", str(repo)]).exit_code == 0
    tip = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                         text=True, check=True).stdout.strip()
    (repo / ".git" / "objects" / tip[:2] / tip[2:]).unlink()
    result = runner.invoke(main, ["store", str(write_versions(tmp_path / "more", "Two.\n")),
                                  "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stderr.endswith(f"names {tip}, which is missing from the repository (the "
                                  "repository is incomplete or damaged; check it with git fsck)\n")
    assert result.stderr.count("\n") == 1


def test_a_branch_whose_name_is_not_utf8_is_stored_into(tmp_path: Path) -> None:
    """git takes any bytes in a branch name; encoding one for git fast-import was a traceback."""
    repo = tmp_path / "repo"
    runner = CliRunner()
    first = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    assert runner.invoke(main, ["store", str(first), "--repo", str(repo)]).exit_code == 0
    branch = b"refs/heads/caf\xe9"
    subprocess.run([b"git", b"-C", bytes(repo), b"branch", b"-m", branch[11:]], check=True)
    more = write_versions(tmp_path / "more", "Three.\n")
    result = runner.invoke(main, ["store", str(more), "--repo", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 article: 1 version stored")
    assert result.stdout.endswith(" [caf\\xe9]\n")
    count = subprocess.run([b"git", b"-C", bytes(repo), b"rev-list", b"--count", branch],
                           capture_output=True, check=True).stdout
    assert count == b"3\n"


def test_progress_asked_for_is_not_written_into_a_file_or_pipe(tmp_path: Path) -> None:
    """`--progress` with stderr in a pipe (or a file: a log) wrote the terminal's `\r` and
    `\x1b[K` into it; as `export`'s, the bar is drawn only on a terminal that redraws a line
    (`tests/cli/test_cli_terminal.py` draws it there)."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    result = subprocess.run([sys.executable, "-m", "revdiff", "store", str(versions), "--repo",
                             str(tmp_path / "repo"), "--progress"], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("1 article: 2 versions stored")


def stored_then_another_text(tmp_path: Path) -> tuple[CliRunner, str, Path]:
    """A story stored into a repository, and another story of that name whose version 1 has
    another text (a conflict when stored there): the runner, the repository and the other."""
    repo = str(tmp_path / "repo")
    runner = CliRunner()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_versions(tmp_path / "a" / "story", "First text.\n", "Second text.\n")
    other = write_versions(tmp_path / "b" / "story", "First text.\n", "Another second text.\n")
    assert runner.invoke(main, ["store", str(first), "--repo", repo]).exit_code == 0
    return runner, repo, other


def test_a_version_stored_with_another_text_is_named(tmp_path: Path) -> None:
    runner, repo, other = stored_then_another_text(tmp_path)
    result = runner.invoke(main, ["store", str(other), "--repo", repo])
    assert result.exit_code == 0, result.output
    assert ("1 skipped (1 conflict: version number already stored with another text)"
            in _one_line(result.stdout))
    assert result.stderr.endswith(": version 1 not stored: version number already stored with "
                                  "another text; the stored text stays; to keep both, store this "
                                  "input into another repository\n")


def test_quiet_says_it_leaves_out_the_versions_not_stored_too(tmp_path: Path) -> None:
    """`store --help` said --quiet leaves out the warnings about how the input was read, but it
    leaves out the warnings naming each version not stored (a conflict, out of order) too, with
    what to do about it: only the summary line's count of them stays."""
    runner, repo, other = stored_then_another_text(tmp_path)
    quiet = runner.invoke(main, ["store", str(other), "--repo", repo, "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert "1 skipped (1 conflict: " in _one_line(quiet.stdout)
    assert quiet.stderr == ""
    said = " ".join(runner.invoke(main, ["store", "--help"]).stdout.split())
    assert ("-q, --quiet Leave out the warnings: how the input was read, and which versions "
            "were not stored and why (the summary counts them).") in said


def test_help_says_a_version_without_a_time_is_dated_with_the_run_s_time(
        tmp_path: Path) -> None:
    """Neither `store --help` nor the README said what author date a version without a time gets:
    the run's, which `git log` shows, while reading the store back gives the version no time."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    runner = CliRunner()
    started = int(time.time())
    assert runner.invoke(main, ["store", str(versions), "--repo", str(repo)]).exit_code == 0
    ended = int(time.time())
    dates = subprocess.run(["git", "-C", str(repo), "log", "--format=%at"], capture_output=True,
                           text=True, check=True).stdout.split()
    assert len(dates) == 2 and all(started <= int(date) <= ended for date in dates)
    parsed = json.loads(runner.invoke(main, ["parse", str(repo), "--format", "json"]).stdout)
    assert [version["time"] for version in parsed[0]["versions"]] == [None, None]
    said = " ".join(runner.invoke(main, ["store", "--help"]).stdout.split())
    assert ("A commit's author date is the version's time; a version without a time, or with one "
            "git cannot date (before 1970), gets the run's time, which `git log` shows, while "
            "reading the repository back gives the version the time it had, or none.") in said


def test_a_summary_stdout_cannot_take_says_the_versions_were_stored(tmp_path: Path) -> None:
    """`store ... > /dev/full` committed every version, then said only `cannot write to standard
    output`, as if nothing was stored, and left out the warnings of the versions it skipped: the
    error line says the run is done and what it did, after those warnings."""
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    repo = tmp_path / "repo"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = write_versions(tmp_path / "a" / "story", "First text.\n", "Second text.\n")
    other = write_versions(tmp_path / "b" / "story", "First text.\n", "Another second text.\n",
                           "Third text.\n")
    assert CliRunner().invoke(main, ["store", str(first), "--repo", str(repo)]).exit_code == 0
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "revdiff", "store", str(other), "--repo",
                                 str(repo)], stdout=full, stderr=subprocess.PIPE, text=True,
                                timeout=120, check=False)
    assert result.returncode == 2
    *warnings, error = result.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].endswith(": version 1 not stored: version number "
                                                       "already stored with another text; the "
                                                       "stored text stays; to keep both, store "
                                                       "this input into another repository")
    assert error.startswith(
        "revdiff: error: the run is done, but its summary cannot be written to standard output "
        "(No space left on device): 1 article: 1 version stored, 1 already stored, 1 skipped "
        f"(1 conflict: version number already stored with another text) in {repo} [")
    assert error.endswith("] (nothing to run again; to see the summary next time, free some "
                          "space or send the output elsewhere)")
    log = subprocess.run(["git", "-C", str(repo), "log", "--oneline"], capture_output=True,
                         text=True, check=True)
    assert len(log.stdout.splitlines()) == 3


def test_a_repository_is_not_stored_into_itself(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    versions = write_versions(tmp_path / "story", "First text.\n", "Second text.\n")
    runner = CliRunner()
    assert runner.invoke(main, ["store", str(versions), "--repo", str(repo)]).exit_code == 0
    again = runner.invoke(main, ["store", str(repo), "--repo", str(repo)])
    assert again.exit_code == 2
    assert again.stderr == (f"revdiff: error: {repo}: the repository to store into is also an input"
                            " (or holds one) (store into another repository with --repo)\n")
    parsed = runner.invoke(main, ["parse", str(repo), "--format", "jsonl"])
    assert parsed.output.count('"number"') == 2  # still the two versions, not four


def test_a_repository_is_not_stored_into_itself_through_its_git_directory(tmp_path: Path) -> None:
    """`store REPO --repo REPO/.git` stored into the repository it read: its path was not the
    input's, so it was taken for another repository, and a plain repository's own file came
    back as a new article, while the file itself was left out of every later reading."""
    versions = write_versions(tmp_path / "story", "First text.\n", "Second text.\n")
    runner = CliRunner()
    repos = {"repo": tmp_path / "repo", "plain": tmp_path / "plain"}
    assert runner.invoke(main, ["store", str(versions), "--repo", str(repos["repo"])]).exit_code == 0
    repos["plain"].mkdir()
    (repos["plain"] / "notes.txt").write_text("Notes\n", encoding="utf-8")
    git = ["git", "-C", str(repos["plain"]), "-c", "user.name=u", "-c", "user.email=u@x"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "notes.txt"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "notes"], check=True)
    for repo in repos.values():
        heads = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                               text=True, check=True).stdout
        result = runner.invoke(main, ["store", str(repo), "--repo", str(repo / ".git")])
        assert result.exit_code == 2
        assert result.stderr == (f"revdiff: error: {repo / '.git'}: the repository to store into "
                                 "is also an input (or holds one) (store into another repository "
                                 "with --repo)\n")
        assert subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True,
                              text=True, check=True).stdout == heads


def test_a_git_directory_given_as_repo_is_stored_into_and_named_by_its_working_tree(
        tmp_path: Path) -> None:
    """`--repo REPO/.git` (no `core.worktree`) stores into REPO, the repository's working tree,
    as docs/STORE.md says: the summary said `in REPO/.git`, where no file was written."""
    versions = write_versions(tmp_path / "story", "First text.\n", "Second text.\n")
    repo = tmp_path / "repo"
    runner = CliRunner()
    result = runner.invoke(main, ["store", str(versions), "--repo", str(repo / ".git")])
    assert result.exit_code == 2  # no repository there yet: `.git` would be its working tree
    assert runner.invoke(main, ["store", str(versions / "0.txt"), "--repo", str(repo)]
                         ).exit_code == 0
    result = runner.invoke(main, ["store", str(versions), "--repo", str(repo / ".git")])
    assert result.exit_code == 0, result.stderr
    assert _one_line(result.stdout) == ("1 article: 1 version stored, 1 already stored, 0 skipped "
                                        f"in {repo} [master]")
    stored = [path for path in repo.rglob("*") if ".git" not in path.parts and path.is_file()]
    assert len(stored) == 1 and stored[0].read_text(encoding="utf-8").endswith("Second text.\n")


def test_a_repository_is_not_stored_among_an_input_folders_files(tmp_path: Path) -> None:
    """`store inp --repo inp/r` wrote the repository into its input folder, as `export -o`
    refuses to: the next read of `inp` warned that its folder `r` was left out, and its next
    export read the folder as a corpus, leaving out its version files. The line says what the
    next read and export would do with the repository there (it said only that the next read
    "would meet it")."""
    versions = write_versions(tmp_path / "story", "First text.\n", "Second text.\n")
    repo = versions / "repo"
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"revdiff: error: {repo}: the repository would go among the files of an input folder, "
        "whose next read would leave it out with a warning, and whose next export would read the "
        "articles stored in it, not the version files (store into a repository outside the "
        "inputs with --repo)\n")
    assert sorted(path.name for path in versions.iterdir()) == ["0.txt", "1.txt"]


def test_a_repository_is_not_stored_beside_an_input_folders_folders(tmp_path: Path) -> None:
    """Where the input folder holds folders already, its next export reads them, not its files:
    the line does not say the repository would take the files' place."""
    versions = write_versions(tmp_path / "story", "First text.\n", "Second text.\n")
    (versions / "notes").mkdir()
    repo = versions / "repo"
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"revdiff: error: {repo}: the repository would go among the files of an input folder, "
        "whose next read would leave it out with a warning, and whose next export would read the "
        "articles stored in it (store into a repository outside the inputs with --repo)\n")
    assert not repo.exists()


def test_a_flattened_pages_warnings_travel_with_its_stored_versions(tmp_path: Path) -> None:
    """Versions guessed from a flattened page are stored with the reader's warnings: read back,
    `parse`, `diff` and the export rows say the text is unsure, as the page's rows do."""
    page = str(Path(__file__).parents[2] / "samples" / "washpo-soleimani-v6-v7.txt")
    repo = str(tmp_path / "repo")
    runner = CliRunner()
    assert runner.invoke(main, ["store", page, "--repo", repo, "-q"]).exit_code == 0
    (stored,) = json.loads(runner.invoke(main, ["parse", repo, "--format", "json"]).stdout)
    rows, direct_rows = ([json.loads(line) for line in runner.invoke(
        main, ["diff", read, "--format", "jsonl", "-q"]).stdout.splitlines()] for read in (repo, page))
    assert "40 of 42 rows could not be decided" in direct_rows[0]["warnings"][0]
    # but for the pointer at `parse --format json`, which shows no rows of a store
    pointed_at_nothing = [warning.replace(SHOWN_BY_PARSE_JSON, "")
                          for warning in direct_rows[0]["warnings"]]
    # `parse` gives the count of unsure rows summarised, as for the page itself
    assert stored["warnings"] == [warning.replace(" rows could not be decided with certainty (",
                                                  " rows unsure (")
                                  for warning in pointed_at_nothing]
    assert rows and all(row["warnings"] == pointed_at_nothing for row in rows)
    assert {row["confidence"] for row in rows} == {None}  # per-row confidences are not stored
    again = runner.invoke(main, ["store", page, "--repo", repo, "-q"])
    assert "0 versions stored, 2 already stored" in again.stdout


def test_a_flattened_pages_warnings_read_back_from_a_store_point_at_no_rows(tmp_path: Path) -> None:
    """A store keeps a page's warnings but not its rows: read back, the warning on unsure rows
    said that `revdiff parse --format json` shows each, on `diff`'s stderr and in `parse`'s
    summary, and that output of the store shows none. Stores already written hold the pointer.
    It is summarised there, and on `export`'s stderr, as for the page itself (`40 of 42 rows
    unsure`): it came in the tables' long form (`could not be decided with certainty`)."""
    page = str(Path(__file__).parents[2] / "samples" / "washpo-soleimani-v6-v7.txt")
    repo = tmp_path / "repo"
    runner = CliRunner()
    assert runner.invoke(main, ["store", page, "--repo", str(repo), "-q"]).exit_code == 0
    assert SHOWN_BY_PARSE_JSON in subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%B"],
                                                 capture_output=True, text=True, check=True).stdout
    diffed = runner.invoke(main, ["diff", str(repo)])
    summary = runner.invoke(main, ["parse", str(repo), "--format", "text"])
    exported = runner.invoke(main, ["export", str(repo), "-o", str(tmp_path / "edits.jsonl")])
    assert exported.exit_code == 0
    for said in (diffed.stderr, summary.stdout, exported.stderr):
        [unsure] = [line for line in said.splitlines() if "40 of 42 rows" in line]
        assert unsure.endswith(": 40 of 42 rows unsure (lines 10-36, 38-39, 41-51); check them or "
                               "give neighbouring pages")


def _one_line(summary: str) -> str:
    """A summary's lines as the one line `StoreSummary.describe` gives (its breaks, between
    parts a space joins, and its indents left out)."""
    return " ".join(line.strip() for line in summary.splitlines())


def test_a_newline_in_the_repository_name_starts_no_line_of_the_summary(tmp_path: Path) -> None:
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / "a\nb")])
    assert result.exit_code == 0, result.output
    after = result.stdout.splitlines()[1:]
    assert after and all(line.startswith("  ") for line in after), result.stdout
    assert _one_line(result.stdout).endswith(f"in {tmp_path}/a␊b [master]")


def test_the_summary_is_lines_that_fit_80_columns(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary was one line of 90 to 400 columns (the counts, each reason skipped, the
    repository, the note of warnings kept), which an 80-column terminal wrapped wherever it
    fell: it is what was stored and skipped, then where, each starting a line, broken between
    its parts to fit 80 columns, the lines after the first indented, as export's summary is."""
    monkeypatch.chdir(tmp_path)
    versions = write_versions(Path("story"), "One.\n", "One.\n", "Two.\n", "One.\n", "Two.\n",
                              "One.\n")
    repo = Path("a repository folder of a length that takes a line", "of its own, almost")
    repo.parent.mkdir()
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "1 article: 4 versions stored, 0 already stored, 2 skipped",
        "  (1 unchanged: identical to the version stored before it,",
        "  1 flip-flop: text already stored twice before)",
        f"  in {repo}",
        "  [master]"]


def test_the_summary_measures_the_repository_name_by_the_columns_it_takes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name of wide characters takes two columns each: `in 記事…記事 [master]` is 46
    characters but 80 columns, so the branch goes on a line of its own."""
    monkeypatch.chdir(tmp_path)
    versions = write_versions(Path("story"), "One.\n", "Two.\n")
    repo = "記事" * 17
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", repo])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == [f"  in {repo}", "  [master]"]


def test_a_long_read_is_said_on_the_terminal_and_cleared() -> None:
    # a large NewsEdits file took seconds to read before the bar started, with nothing shown
    import io
    import time

    from revdiff.cli.progress import reading_notice

    stream = io.StringIO()
    with reading_notice(stream.write, "1 input", True, after=0):
        deadline = time.monotonic() + 10
        while not stream.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
    assert stream.getvalue() == "\rrevdiff: reading 1 input…\x1b[K\r\x1b[K"
    quick = io.StringIO()
    with reading_notice(quick.write, "1 input", True, after=60):
        pass
    assert quick.getvalue() == ""
    with reading_notice(quick.write, "1 input", False, after=0):
        time.sleep(0.05)
    assert quick.getvalue() == ""


def test_the_reading_notice_is_cut_to_the_terminals_width() -> None:
    # the notice wrapped on a narrow terminal, and `\r\x1b[K` cleared only its last row: the
    # first row stayed on the screen; it is cut as the progress bar is, one column short
    import io
    import time

    from revdiff.cli.progress import reading_notice

    stream = io.StringIO()
    with reading_notice(stream.write, "12 inputs", True, after=0, columns=lambda: 20):
        deadline = time.monotonic() + 10
        while not stream.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
    assert stream.getvalue() == "\rrevdiff: reading 12\x1b[K\r\x1b[K"


@pytest.mark.parametrize(("inputs", "shown"), [(["-"], False), (["story"], True)])
def test_no_reading_notice_is_written_into_a_version_typed_on_the_terminal(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, inputs: list[str], shown: bool) -> None:
    """`store -` on a terminal wrote `revdiff: reading 1 input…` into the text being typed."""
    import contextlib
    import io

    from revdiff.cli import common

    write_versions(tmp_path / "story", "One.\n", "Two.\n")
    monkeypatch.chdir(tmp_path)
    terminal = io.TextIOWrapper(io.BytesIO(b"Typed text.\n"))
    monkeypatch.setattr(terminal, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys, "stdin", terminal)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "xterm")  # a terminal that redraws a line (`draws_on_stderr`)
    shows: list[bool] = []

    @contextlib.contextmanager
    def noted(write: object, what: str, show: bool) -> Iterator[None]:
        shows.append(show)
        yield

    monkeypatch.setattr(common, "reading_notice", noted)
    common.load_articles(inputs, 1 << 20, notice=True)
    assert shows == [shown]


def test_a_page_stored_alone_then_with_its_neighbour_says_the_reading_differs(
        tmp_path: Path) -> None:
    # the joint reading cuts version 1's title row otherwise (and decides its unsure rows
    # otherwise): each version was said to hold another text, with advice to store this input
    # into another repository, where the page read alone would again be stored apart
    pages = Path(__file__).parents[2] / "samples" / "sniffer-diff"
    repo = str(tmp_path / "repo")
    runner = CliRunner()
    alone = runner.invoke(main, ["store", str(pages / "iran-strikes-v0-v1.txt"), "--repo", repo])
    assert alone.exit_code == 0, alone.output
    together = runner.invoke(main, ["store", str(pages / "iran-strikes-v0-v1.txt"),
                                    str(pages / "iran-strikes-v1-v2.txt"), "--repo", repo])
    assert together.exit_code == 0, together.output
    skips = [line + "\n" for line in together.stderr.splitlines() if "not stored" in line]
    assert "".join(skips) == "".join(
        f"revdiff: warning: {repo}:www.channelnewsasia.com/news/world/iran-missiles-us-troops-"
        f"iraq-soleimani.txt: version {number} not stored: version number already stored with "
        "another text; these pages read together read it otherwise than the pages it was stored "
        "from; the stored reading stays; to store this one, store all of the article's pages in "
        "one run into another repository\n" for number in (0, 1))


@pytest.mark.parametrize("stopped_in", ["_write_summary", "warn"])
def test_a_stop_while_the_report_is_written_ends_the_run_as_done(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stopped_in: str) -> None:
    """Ctrl-C while the summary or the warning of a conflict was written, once storing was
    done, said only `interrupted`, exit 130, where a stop that comes once the versions are stored
    ends the run as done."""
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    runner, repo, other = stored_then_another_text(tmp_path)
    monkeypatch.setattr(f"revdiff.cli.store.{stopped_in}", interrupted)
    result = runner.invoke(main, ["store", str(other), "--repo", repo])
    assert result.exit_code == 0
    assert result.stderr == ("revdiff: interrupted once storing was done; the rest of the "
                             "summary and warnings is left out\n")
    assert ("1 skipped (1 conflict" in _one_line(result.stdout)) is (stopped_in == "warn")


def test_a_version_not_stored_is_named_with_the_repository(tmp_path: Path) -> None:
    """The warning of a version not stored named its file in the repository (`_no-url/...`) but
    not the repository: storing into several, a user could not tell which one held the other
    text. It names it as `parse` names a file of a repository it reads: `REPO:FILE`."""
    runner, repo, other = stored_then_another_text(tmp_path)
    result = runner.invoke(main, ["store", str(other), "--repo", repo])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"revdiff: warning: {repo}:_no-url/story~")
    assert result.stderr.endswith(".txt: version 1 not stored: version number already stored "
                                  "with another text; the stored text stays; to keep both, store "
                                  "this input into another repository\n")


def test_help_names_what_the_trailers_keep_and_points_at_docs_store() -> None:
    """`store --help` said the trailers keep the title, URL, source, version number and time,
    leaving out the metadata, the reader's warnings and the rest docs/STORE.md names (the
    README's "What it reads" named them, until they moved there)."""
    said = " ".join(CliRunner().invoke(main, ["store", "--help"]).stdout.split())
    assert ("its source, URL, version number, title, time, metadata and the reader's warnings "
            "are kept in commit trailers, with a few more that docs/STORE.md names (How revdiff "
            "store writes a repository).") in said
    store_md = (Path(__file__).parents[2] / "docs" / "STORE.md").read_text("utf-8")
    assert store_md.startswith("# How revdiff store writes a repository\n")
    assert all(f"`Revdiff-{name}`" in store_md for name in (
        "Source", "Url", "Version", "Title", "Time", "Metadata", "Warnings"))


def test_help_says_only_conflicts_and_versions_out_of_order_are_warned(tmp_path: Path) -> None:
    """`store --help` listed unchanged and flip-flop versions with conflicts and versions out
    of order, `each with a warning`: only the last two are warned about; the summary line counts
    all four."""
    versions = write_versions(tmp_path / "story", "One.\n", "One.\n", "Two.\n", "One.\n",
                              "Two.\n", "One.\n")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / "repo")])
    assert result.exit_code == 0, result.output
    assert ("(1 unchanged: identical to the version stored before it, 1 flip-flop: "
            in _one_line(result.stdout))
    assert result.stderr == ""
    said = " ".join(CliRunner().invoke(main, ["store", "--help"]).stdout.split())
    assert ("a version identical to the previous one, or a text stored twice before (a "
            "flip-flop), is skipped, and so is one whose number is stored with another text (a "
            "conflict) or that is older than the newest stored version (out of order), which "
            "gets a warning that says what to do; the summary counts each reason.") in said


def test_help_says_max_size_limits_the_inputs_not_the_versions_in_the_repository(
        tmp_path: Path) -> None:
    """`store --help` said `--max-size` refuses a `stored version larger than this`: a version
    in --repo over it went unrefused (store compares those by their git ids and never reads
    them), while `parse` of that repository refuses it. The help says what the limit is for."""
    versions = write_versions(tmp_path / "story", "x" * 3000 + "\n", "y" * 3000 + "\n")
    repo = tmp_path / "repo"
    runner = CliRunner()
    assert runner.invoke(main, ["store", str(versions), "--repo", str(repo)]).exit_code == 0
    more = write_versions(tmp_path / "more", "Short.\n")  # another article, stored beside it
    again = runner.invoke(main, ["store", str(more), "--repo", str(repo), "--max-size", "2K"])
    assert again.exit_code == 0, again.output
    assert "1 version stored" in again.stdout
    said = " ".join(runner.invoke(main, ["store", "--help"]).stdout.split())
    assert ("--max-size SIZE Refuse any input file, standard input or version in an input git "
            "repository larger than this (e.g. 500K, 64M, 1G); checked before it is read. A "
            "binary file in a git repository is left out instead, at any size. The versions "
            "already in --repo are compared by their git ids, not read, at any size.") in said


# A child that runs `revdiff store CHAIN --repo REPO` and sends itself SIGTERM as its second
# version is written, then again as the stopped run calls WHERE (`FastImport._finish_after`, which
# ends the import, or the writer's `publish_import`, which puts it on the branch), then, were it
# still running, touches MARKER.
SIGTERM_TWICE = """
import runpy, signal, sys
from pathlib import Path
from revdiff.store import fast_import, writer
chain, repo, where, marker = sys.argv[1:]
commit = fast_import.FastImport.commit
written = []
def first_stop(*args):
    written.append(1)
    if len(written) == 2:
        signal.raise_signal(signal.SIGTERM)
    return commit(*args)
owner = fast_import.FastImport if where == "_finish_after" else writer
real = getattr(owner, where)
def second_stop(*args):
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return real(*args)
fast_import.FastImport.commit = first_stop
setattr(owner, where, second_stop)
sys.argv = ["revdiff", "store", chain, "--repo", repo]
runpy.run_module("revdiff", run_name="__main__")
"""


@pytest.mark.parametrize("where", ["_finish_after", "publish_import"])
def test_a_second_sigterm_ends_a_stopped_store_at_once(tmp_path: Path, where: str) -> None:
    """A second SIGTERM while a store stopped by the first finished its import or put it on the
    branch and brought the working tree up (up to 20 s of git, unbounded for the import) was
    held until that was done, where the first says a second ends the process at once. It now
    does, with one line that says what is left and what to do."""
    chain = Path(__file__).resolve().parents[2] / "samples" / "versions" / \
        "iran-strikes-us-troops-in-iraq"
    repo, marker = tmp_path / "repo", tmp_path / "went-on"
    child = subprocess.run([sys.executable, "-c", SIGTERM_TWICE, str(chain), str(repo), where,
                            str(marker)], capture_output=True, text=True, timeout=120,
                           check=False)
    assert child.returncode == -15, child.stderr
    assert not marker.exists()
    assert child.stderr == (
        f"revdiff: error: {repo}: stopped by SIGTERM a second time, at once, while the versions "
        "stored before the first were put on the branch and the working tree brought up to "
        "them (run the same command again: it finishes that, then stores the rest)\n")
    again = subprocess.run([sys.executable, "-m", "revdiff", "store", str(chain), "--repo",
                            str(repo)], capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 0, again.stderr
    count = subprocess.run(["git", "-C", str(repo), "rev-list", "--count", "HEAD"],
                           capture_output=True, text=True, check=True)
    status = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"],
                            capture_output=True, text=True, check=True)
    assert (count.stdout, status.stdout) == ("5\n", "")


# A child that runs `revdiff store CHAIN --repo REPO` and sends itself SIGTERM as the run checks
# the repository, before it writes a version, then again as that stop is raised, then, were it
# still running, touches MARKER.
SIGTERM_TWICE_BEFORE_STORING = """
import runpy, signal, sys
from pathlib import Path
from revdiff.store import writer
chain, repo, marker = sys.argv[1:]
stopped_before_storing = writer.stopped_before_storing
def first_stop(*args):
    signal.raise_signal(signal.SIGTERM)
def second_stop(*args):
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return stopped_before_storing(*args)
writer._plan_run = first_stop
writer.stopped_before_storing = second_stop
sys.argv = ["revdiff", "store", chain, "--repo", repo]
runpy.run_module("revdiff", run_name="__main__")
"""


@pytest.mark.parametrize("stored_before", [False, True])
def test_a_second_sigterm_before_anything_was_stored_says_so(stored_before: bool,
                                                             tmp_path: Path) -> None:
    """A second SIGTERM while a store stopped before it wrote a version said that the versions
    stored before the first stop were being put on the branch: none were. It says nothing was
    stored, and that the new repository it made is left empty, where it made one (it said only
    that nothing was stored, and `revdiff diff` on the repository then said HEAD has no
    commits)."""
    chain = Path(__file__).resolve().parents[2] / "samples" / "versions" / \
        "iran-strikes-us-troops-in-iraq"
    repo, marker = tmp_path / "repo", tmp_path / "went-on"
    if stored_before:
        assert CliRunner().invoke(main, ["store", str(chain), "--repo", str(repo)]).exit_code == 0
    child = subprocess.run([sys.executable, "-c", SIGTERM_TWICE_BEFORE_STORING, str(chain),
                            str(repo), str(marker)], capture_output=True, text=True, timeout=120,
                           check=False)
    assert child.returncode == -15, child.stderr
    assert not marker.exists()
    left = "" if stored_before else ", and the new repository it made is left empty"
    assert child.stderr == (
        f"revdiff: error: {repo}: stopped by SIGTERM a second time, at once; nothing was stored"
        f"{left} (run the same command again to store the versions)\n")


# A child that runs `revdiff store CHAIN --repo REPO` and sends itself SIGTERM as the run reads
# its inputs, then again as that stop is raised, then, were it still running, touches MARKER.
SIGTERM_TWICE_WHILE_LOADING = """
import runpy, signal, sys
from pathlib import Path
import revdiff.cli.store
from revdiff.store import writer
chain, repo, marker = sys.argv[1:]
stopped_before_storing = writer.stopped_before_storing
def first_stop(*args, **kwargs):
    signal.raise_signal(signal.SIGTERM)
def second_stop(*args):
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return stopped_before_storing(*args)
revdiff.cli.store.load_and_warn = first_stop
writer.stopped_before_storing = second_stop
sys.argv = ["revdiff", "store", chain, "--repo", repo]
runpy.run_module("revdiff", run_name="__main__")
"""


def test_a_second_sigterm_while_the_inputs_are_read_says_nothing_was_stored(
        tmp_path: Path) -> None:
    """A second SIGTERM while a store stopped as it read its inputs ended the process without a
    line: its last words were set up only once the inputs were read."""
    chain = Path(__file__).resolve().parents[2] / "samples" / "versions" / \
        "iran-strikes-us-troops-in-iraq"
    repo, marker = tmp_path / "repo", tmp_path / "went-on"
    child = subprocess.run([sys.executable, "-c", SIGTERM_TWICE_WHILE_LOADING, str(chain),
                            str(repo), str(marker)], capture_output=True, text=True, timeout=120,
                           check=False)
    assert child.returncode == -15, child.stderr
    assert not marker.exists()
    assert child.stderr == (
        f"revdiff: error: {repo}: stopped by SIGTERM a second time, at once; nothing was stored "
        "(run the same command again to store the versions)\n")


# The start of a child that runs `revdiff store CHAIN --repo REPO` and is stopped with Ctrl-C as
# its second version is written; what it patches next (`publish_import` to send SIGTERM, then, were
# it still running, to touch MARKER) follows it, and `_RUN_THE_STORE` ends it.
_CTRL_C_AT_THE_SECOND_VERSION = """
import runpy, signal, sys
from pathlib import Path
from revdiff.store import fast_import, writer
chain, repo, marker = sys.argv[1:]
commit = fast_import.FastImport.commit
written = []
def ctrl_c(*args):
    written.append(1)
    if len(written) == 2:
        signal.raise_signal(signal.SIGINT)
    return commit(*args)
fast_import.FastImport.commit = ctrl_c
"""
_RUN_THE_STORE = """
sys.argv = ["revdiff", "store", chain, "--repo", repo]
runpy.run_module("revdiff", run_name="__main__")
"""

# ... then gets SIGTERM twice as the stopped run puts the versions on the branch.
CTRL_C_THEN_SIGTERM_TWICE = _CTRL_C_AT_THE_SECOND_VERSION + """
publish_import = writer.publish_import
def sigterm_twice(*args):
    signal.raise_signal(signal.SIGTERM)
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return publish_import(*args)
writer.publish_import = sigterm_twice
""" + _RUN_THE_STORE

# ... then gets SIGTERM as the stopped run waits for git fast-import (`fast_import._ended_within`),
# then again as it puts the versions on the branch.
CTRL_C_THEN_SIGTERM_IN_THE_WAIT = _CTRL_C_AT_THE_SECOND_VERSION + """
ended_within = fast_import._ended_within
def sigterm_in_the_wait(*args):
    signal.raise_signal(signal.SIGTERM)
    return ended_within(*args)
publish_import = writer.publish_import
def sigterm_again(*args):
    signal.raise_signal(signal.SIGTERM)
    Path(marker).touch()
    return publish_import(*args)
fast_import._ended_within = sigterm_in_the_wait
writer.publish_import = sigterm_again
""" + _RUN_THE_STORE


def _assert_ended_by_a_second_sigterm_after_the_ctrl_c(tmp_path: Path, child_script: str) -> None:
    """`child_script` run on the sample chain ends at the second SIGTERM, at once, with the line
    that says what is left and names the first stop, the Ctrl-C."""
    chain = Path(__file__).resolve().parents[2] / "samples" / "versions" / \
        "iran-strikes-us-troops-in-iraq"
    repo, marker = tmp_path / "repo", tmp_path / "went-on"
    child = subprocess.run([sys.executable, "-c", child_script, str(chain), str(repo),
                            str(marker)], capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == -15, child.stderr
    assert not marker.exists()
    assert child.stderr.endswith(
        f"revdiff: error: {repo}: stopped by SIGTERM a second time, at once, while the versions "
        "stored before the Ctrl-C were put on the branch and the working tree brought up to "
        "them (run the same command again: it finishes that, then stores the rest)\n")


def test_a_second_sigterm_after_ctrl_c_ends_a_stopped_store_at_once(tmp_path: Path) -> None:
    """After Ctrl-C, a first SIGTERM and then a second one while the stopped run put its versions
    on the branch (up to 20 s of git) were both held, where a second SIGTERM ends a store at
    once. The second now does, with the line that says what is left, which names the first
    stop: the Ctrl-C (it said `the first`, for the first SIGTERM)."""
    _assert_ended_by_a_second_sigterm_after_the_ctrl_c(tmp_path, CTRL_C_THEN_SIGTERM_TWICE)


def test_a_second_sigterm_after_ctrl_c_and_one_in_the_import_s_wait_names_the_ctrl_c(
        tmp_path: Path) -> None:
    """Ctrl-C, then SIGTERM as the stopped run waits for git fast-import (which ends the import),
    then a second SIGTERM as the run puts the versions on the branch: the line that ends the
    process names the stop the run stopped at, the Ctrl-C, not the first SIGTERM."""
    _assert_ended_by_a_second_sigterm_after_the_ctrl_c(tmp_path, CTRL_C_THEN_SIGTERM_IN_THE_WAIT)


def _without_root(command: list[str]) -> list[str]:
    """`command` run as a user the file permissions bind: as the files' owner in a user namespace
    of its own (`unshare -U`), without root's rights to read every folder."""
    if os.geteuid() != 0:
        return command
    try:
        allowed = subprocess.run(["unshare", "-U", "--map-user=1000", "--map-group=1000", "true"],
                                 check=False, capture_output=True)
    except FileNotFoundError:
        pytest.skip("no unshare command")
    if allowed.returncode != 0:
        pytest.skip("unshare -U with a mapped user is not allowed here")
    return ["unshare", "-U", "--map-user=1000", "--map-group=1000", *command]


def test_a_repository_folder_that_cannot_be_listed_is_said_to_be_so(tmp_path: Path) -> None:
    """A folder the user may write but not read (`chmod 300 repo`) was refused as `Invalid value
    for '--repo': Path 'repo' is not readable (see --help)`, which names an option's misuse; past
    that check the repository's creation said to check that the directory is writable."""
    versions = write_versions(tmp_path / "story", "One.\n", "Two.\n")
    repo = tmp_path / "repo"
    repo.mkdir(mode=0o300)
    try:
        result = subprocess.run(_without_root([sys.executable, "-m", "revdiff", "store",
                                               str(versions), "--repo", str(repo)]),
                                check=False, capture_output=True, text=True, timeout=120)
    finally:
        repo.chmod(0o700)
    assert result.returncode == 2
    assert result.stderr == (f"revdiff: error: {repo}: cannot list the folder's files "
                             "(Permission denied) (let yourself read it, e.g. chmod u+rx, or "
                             "give another directory with --repo)\n")
    assert not any(repo.iterdir())


def test_a_conflict_with_a_hand_edit_names_the_commit_that_is_not_revdiffs(tmp_path: Path) -> None:
    """A commit by hand of a stored file takes the next version number; the tracker's version of
    that number was then refused with `to keep both, store this input into another repository`,
    which did not say that the number was the user's own commit's."""
    repo = tmp_path / "repo"
    story = write_versions(tmp_path / "story", "First text.\n", "Second text.\n")
    runner = CliRunner()
    assert runner.invoke(main, ["store", str(story), "--repo", str(repo)]).exit_code == 0
    [stored] = [p for p in repo.rglob("*.txt") if ".git" not in p.parts]
    stored.write_text(stored.read_text(encoding="utf-8") + "\nBy hand.\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=me", "-c", "user.email=me@x",
                    "commit", "-q", "-am", "fix the \x1b[31mtypo"], check=True)
    hand = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short=12", "HEAD"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (story / "2.txt").write_text("Third text.\n", encoding="utf-8")
    result = runner.invoke(main, ["store", str(story), "--repo", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(
        ": version 2 not stored: version number already stored with another text; the stored "
        f"text stays: version 2 is commit {hand} 'fix the ␛[31mtypo', which revdiff did not "
        "write (an edit by hand?); to keep both, store this input into another repository\n")


def test_the_reading_notice_says_how_far_the_reading_is() -> None:
    """`view` of a NewsEdits file of 5,000 articles waited some 40 s under `reading 1 input…`,
    which said nothing of how far it was: the articles read are counted on it as they come."""
    import io
    import threading

    from revdiff.cli.progress import reading_notice

    class Screen(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.counted = threading.Event()

        def write(self, text: str) -> int:
            if "622/5,000 articles" in text:
                self.counted.set()
            return super().write(text)

    screen = Screen()
    with reading_notice(screen.write, "1 input", True, after=0, tick=0.01) as articles_read:
        articles_read(622, 5000)
        assert screen.counted.wait(60)
    assert "\rrevdiff: reading 1 input… 622/5,000 articles\x1b[K" in screen.getvalue()
    assert screen.getvalue().endswith("\r\x1b[K")


def test_reading_a_newsedits_file_counts_its_articles(tmp_path: Path) -> None:
    from newsedits_files import NEWSEDITS_TABLE, make_database

    from revdiff.formats import load

    database = make_database(tmp_path / "n.db", NEWSEDITS_TABLE, [
        (entry * 2 + version, entry, version, f"Story {entry}", None, None, None, 2,
         f"Story {entry} says {version}.") for entry in range(3) for version in range(2)])
    seen: list[tuple[int, int]] = []
    load([str(database)], on_article_read=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
