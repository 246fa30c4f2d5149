"""`store_articles`: each version of each article becomes one commit on the current branch."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import click
import git

from revdiff.formats.gitrepo import read_history
from revdiff.model import Article
from revdiff.store.encode import git_date
from revdiff.store.fast_import import FastImport
from revdiff.store.plan import PlannedCommit, histories_from_changes, plan_store
from revdiff.store.repository import (
    branch_tip,
    current_branch,
    open_or_create,
    store_lock,
    sync_worktree,
)
from revdiff.store.summary import StoreSummary

# Below this many commits a run is quick enough to need no progress bar.
PROGRESS_MIN_COMMITS = 200


def store_articles(articles: Sequence[Article], repo_dir: Path | str,
                   progress: bool | None = None, checkpoint_every: int = 1000) -> StoreSummary:
    """Commit every version not yet stored, one commit per version, through `git fast-import`.

    Creates the repository when missing and writes to the branch HEAD names (any name). Re-running
    with the same articles adds nothing; versions identical to the one before, flip-flops and
    conflicting numbers are skipped and listed in the summary. `progress`: show a bar on stderr
    (None: only when stderr is a terminal and the run is long).
    """
    path = Path(repo_dir)
    repo = open_or_create(path)
    try:
        with store_lock(repo):
            ref = current_branch(repo)
            tip = branch_tip(repo, ref)
            histories = histories_from_changes(read_history(repo, ref) if tip else [])
            plan = plan_store(articles, histories)
            if plan.commits:
                show = (sys.stderr.isatty() and len(plan.commits) >= PROGRESS_MIN_COMMITS
                        if progress is None else progress)
                with _progress_bar(len(plan.commits), show) as advance:
                    write_commits(str(repo.git_dir), ref, tip, plan.commits, advance,
                                  checkpoint_every)
                _pack_when_needed(repo)
            sync_worktree(repo, ref)
            head = branch_tip(repo, ref)
    finally:
        repo.close()
    return StoreSummary(str(path), ref.removeprefix("refs/heads/"), len(articles),
                        len(plan.commits), plan.already_stored, plan.skipped, head)


def write_commits(git_dir: str, ref: str, parent: str | None,
                  commits: Sequence[PlannedCommit], advance: Callable[[int], None],
                  checkpoint_every: int = 1000) -> None:
    """Stream the planned commits to one `git fast-import`, in order."""
    now = f"{int(time.time())} +0000"
    with FastImport(git_dir, ref, parent, checkpoint_every) as importer:
        for planned in commits:
            importer.commit(planned.path, planned.encoded.data, planned.encoded.message,
                            git_date(planned.version.time) if planned.version.time else now, now)
            advance(1)


def _pack_when_needed(repo: git.Repo) -> None:
    """Let git repack when imports have left many packs (each checkpoint writes one)."""
    with contextlib.suppress(git.GitCommandError):
        repo.git.gc("--auto", "--quiet")


@contextlib.contextmanager
def _progress_bar(length: int, show: bool) -> Iterator[Callable[[int], None]]:
    if not show:
        yield lambda steps: None
        return
    with click.progressbar(length=length, label="storing versions", file=sys.stderr,
                           show_pos=True) as bar:
        yield bar.update
