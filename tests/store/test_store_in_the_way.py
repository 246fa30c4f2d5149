"""What the store leaves alone where it would write (`revdiff.store.in_the_way`): a file of your own."""

from __future__ import annotations

from pathlib import Path

import git
import pytest

from revdiff.formats.gitrepo import read_repository
from revdiff.model import Article, Version
from revdiff.store import store_articles


@pytest.mark.parametrize("stored_before", [False, True])
def test_a_file_of_your_own_where_an_article_would_go_is_kept_and_no_version(
        tmp_path: Path, stored_before: bool) -> None:
    """A file committed by hand at the path of a new article's file (in a repository no store
    wrote yet, or in a store) was read as the article's first version: the article's own first
    version was skipped as a conflict with it, and the file was overwritten with the article."""
    repo_dir = tmp_path / "r"
    repo = git.Repo.init(repo_dir)
    if stored_before:
        store_articles([Article(None, "https://example.com/other", (Version(0, "O", ("o",)),))],
                       repo_dir)
    (repo_dir / "example.com").mkdir(exist_ok=True)
    (repo_dir / "example.com" / "a.txt").write_text("my notes\n")
    repo.index.add(["example.com/a.txt"])
    actor = git.Actor("someone", "someone@example.com")
    repo.index.commit("notes", author=actor, committer=actor)
    article = Article(None, "https://example.com/a", (Version(0, "T", ("x",)),
                                                        Version(1, "T", ("y",))))
    summary = store_articles([article], repo_dir)
    assert (summary.stored, summary.skipped) == (2, ())
    assert (repo_dir / "example.com" / "a.txt").read_text() == "my notes\n"
    read = {each.url: each for each in read_repository(repo_dir)}
    assert read[article.url].versions == article.versions
    assert not repo.is_dirty(untracked_files=True)
