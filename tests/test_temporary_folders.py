"""The folders revdiff makes for itself in the system's temporary folder (a git repository's
clone, the settings it gives git, a local Dask cluster's files): one that cannot be made is told
as revdiff's temporary folder, with what to do, not as a file of the user's."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import git
import pytest
from click.testing import CliRunner

from revdiff import safe_git
from revdiff.cli import main


def _takes_new_folders(folder: Path) -> bool:
    try:
        (folder / "probe").mkdir()
    except OSError:
        return False
    (folder / "probe").rmdir()
    return True


@pytest.fixture
def unwritable_temporary_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system's temporary folder (as `tempfile` has found it) made unwritable: its mode
    read-only, and, for root, whom the mode does not stop, immutable (`chattr +i`)."""
    folder = tmp_path / "temporary"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if _takes_new_folders(folder):  # root
        immutable = shutil.which("chattr") is not None and subprocess.run(
            ["chattr", "+i", str(folder)], capture_output=True, check=False).returncode == 0
        if not immutable or _takes_new_folders(folder):
            folder.chmod(0o755)
            pytest.skip("cannot make a folder unwritable here (root without chattr +i)")
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(safe_git, "_private", {})  # made again, in that folder
    # as in a new process, where the first git that needs the settings lists git's variables
    safe_git._local_variables.cache_clear()
    yield folder
    safe_git._local_variables.cache_clear()
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def _repository(folder: Path) -> Path:
    repo = git.Repo.init(folder)
    for text in ("One.\n", "Two.\n"):
        (folder / "story.txt").write_text(text)
        repo.index.add(["story.txt"])
        repo.index.commit(text.strip(), author=git.Actor("a", "a@example.com"),
                          committer=git.Actor("a", "a@example.com"))
    return folder


def _told(line: str, folder: Path, what: str) -> None:
    assert line.startswith(f"revdiff: error: {folder}: cannot make {what} in the temporary "
                           "folder: ")
    assert line.endswith("(free some space there or make it writable, or set TMPDIR to a "
                         "folder you may write in, then rerun the command)")


def test_a_git_repository_read_with_no_room_for_its_clone(
        tmp_path: Path, unwritable_temporary_folder: Path) -> None:
    # `.../revdiff-clone-x1y2: cannot read or write this file`, as if the user had named it
    repo = _repository(tmp_path / "repo")
    result = CliRunner().invoke(main, ["diff", str(repo)])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    _told(line, unwritable_temporary_folder, "a clone of the git repository")


def test_a_store_with_no_room_for_git_s_settings(
        tmp_path: Path, unwritable_temporary_folder: Path) -> None:
    # `/usr/bin/git: cannot list the variables ... (git could not be started: Permission
    # denied; check this git ...)`: the folder of git's settings was made as git was started
    versions = tmp_path / "story"
    versions.mkdir()
    (versions / "1.txt").write_text("One.\n")
    (versions / "2.txt").write_text("Two.\n")
    result = CliRunner().invoke(main, ["store", str(versions), "--repo", str(tmp_path / "st")])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    _told(line, unwritable_temporary_folder, "the folder of the settings revdiff gives git")
    assert not (tmp_path / "st").exists()


def test_a_local_dask_cluster_with_no_room_for_its_folder(
        unwritable_temporary_folder: Path) -> None:
    # `.../revdiff-dask-x1y2: cannot read or write this file`; Dask's own temporary-directory
    # setting was told in its own words already
    pytest.importorskip("dask.distributed")
    from revdiff.errors import RevdiffError
    from revdiff.export.dask_executor import DaskExecutor

    with pytest.raises(RevdiffError) as problem:
        DaskExecutor.local(1)
    _told(f"revdiff: error: {problem.value}", unwritable_temporary_folder,
          "the local Dask cluster's folder")
    assert os.listdir(unwritable_temporary_folder) == []
