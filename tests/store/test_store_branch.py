"""The branch a store run writes to (`revdiff.store.branch`): any name, beside existing history."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import git
import pytest
from git_checks import commit_count

from revdiff.errors import StoreError
from revdiff.formats.git_layout import STORE_LOCK_NAME
from revdiff.formats.gitrepo import read_repository
from revdiff.model import Article, Version
from revdiff.store import store_articles


def _repository_with_a_readme(path: Path, branch: str = "main") -> git.Repo:
    """A repository at `path` on `branch`, whose one commit writes a README of the user's."""
    repo = git.Repo.init(path, initial_branch=branch)
    (path / "README").write_text("notes\n")
    repo.index.add(["README"])
    actor = git.Actor("someone", "someone@example.com")
    repo.index.commit("readme", author=actor, committer=actor)
    return repo


@pytest.mark.parametrize("branch", ["trunk", "archive/2024-01"])
def test_any_branch_name_and_existing_history(tmp_path: Path, branch: str) -> None:
    repo = _repository_with_a_readme(tmp_path / "r", branch)
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),))
    summary = store_articles([article], tmp_path / "r")
    assert summary.branch == branch and summary.stored == 1
    assert repo.active_branch.name == branch
    assert commit_count(tmp_path / "r") == 2
    assert (tmp_path / "r" / "example.com" / "a.txt").read_text() == "T\n\nx\n"
    assert not repo.is_dirty(untracked_files=True)
    # the history's own file is no article of the store, said so
    noted = ("1 other file (README) left out: the repository is a revdiff store, and the store "
             "wrote no version of it (a file of your own beside the articles is no article)")
    assert read_repository(tmp_path / "r") == [replace(article, warnings=(noted,))]


def test_a_damaged_current_branch_is_named_with_what_to_do(tmp_path: Path) -> None:
    """A current branch whose ref file names no object was refused with git's `No such ref:
    HEAD`, which names neither the branch nor what to do."""
    _repository_with_a_readme(tmp_path / "r")
    (tmp_path / "r" / ".git" / "refs" / "heads" / "main").write_text("garbage\n")
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),))
    with pytest.raises(StoreError) as refused:
        store_articles([article], tmp_path / "r")
    assert refused.value.message == "its ref refs/heads/main is damaged: its file names no object"
    assert refused.value.hint is not None
    assert f"remove the file {tmp_path}/r/.git/refs/heads/main" in refused.value.hint
    assert "git fsck" in refused.value.hint


def _all_files(folder: Path) -> dict[str, bytes]:
    """Each file under `folder` with its bytes, but the empty lock file each store run keeps."""
    return {str(file.relative_to(folder)): file.read_bytes()
            for file in sorted(folder.rglob("*")) if file.is_file() and file.name != STORE_LOCK_NAME}


@pytest.mark.parametrize(("file", "damage", "bare"), [
    ("config", "[core\nbroken\n", False), ("packed-refs", "garbage line\n", False),
    ("config", "[core\nbroken\n", True),  # git names it `./config` there
])
def test_a_damaged_file_of_the_git_directory_is_named_by_its_path(tmp_path: Path, file: str,
                                                                 damage: str,
                                                                 bare: bool) -> None:
    """git names a file of the repository it cannot read from the folder it runs in
    (`.git/config`), which the store passed on with nothing to do, where reading the repository
    names it by its whole path, with what to do."""
    if bare:
        repo = git.Repo.init(tmp_path / "r", initial_branch="main", bare=True)
    else:
        repo = _repository_with_a_readme(tmp_path / "r")
        repo.git.pack_refs("--all")
    git_dir = Path(repo.git_dir)
    with (git_dir / file).open("a") as damaged:
        damaged.write(damage)
    before = _all_files(tmp_path / "r")
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),))
    with pytest.raises(StoreError) as refused:
        store_articles([article], tmp_path / "r")
    assert refused.value.message == "git cannot use the repository; nothing was stored"
    assert refused.value.hint is not None
    assert f" {git_dir.resolve() / file}" in refused.value.hint
    assert refused.value.hint.endswith("; mend that file or copy the repository again, then "
                                       "check it with git fsck")
    assert _all_files(tmp_path / "r") == before
