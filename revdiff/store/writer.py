"""`store_articles`: each version of each article becomes one commit on the current branch."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import git

from revdiff.errors import BranchMoved, ReadOnlyRepository, StoreError
from revdiff.formats.git_history import FileChange, read_history
from revdiff.formats.git_layout import import_ref
from revdiff.formats.gitrepo import ref_in_files
from revdiff.model import Article
from revdiff.safe_git import sanitized_clone, without_callers_repository
from revdiff.stop_signals import stop_exit_code, stop_reason, stops_held, stops_not_ending_at_once
from revdiff.store.branch import (
    branch_tip,
    current_branch,
    refuse_branch_checked_out_elsewhere,
)
from revdiff.store.encode import git_date
from revdiff.store.fast_import import FastImport, ImportEndedAfterStop, TimeAfterAStop
from revdiff.store.in_the_way import (
    check_worktree,
    refuse_branch_entries_in_the_way,
    refuse_staged_changes,
)
from revdiff.store.locks import held_locks, refuse_held_locks, store_lock
from revdiff.store.opening import object_format, open_or_create
from revdiff.store.plan import (
    FileHistory,
    PlannedCommit,
    StorePlan,
    histories_from_changes,
    plan_store,
)
from revdiff.store.private_ref import (
    AFTER_THE_NEW_TIP,
    adopt_unfinished_import,
    drop_import_ref,
    publish_import,
    remove_import_lock,
)
from revdiff.store.summary import StoreSummary
from revdiff.store.worktree_sync import SYNC_MARKER_NAME, sync_worktree, worktree_at_branch

# Told the number of commits a run will make, before it writes any; returns what to call as
# each commit is given to git (`FastImport`'s `given`), with the number just given. Lets the
# caller show progress (the CLI: a bar).
ProgressStart = Callable[[int], Callable[[int], None]]

# How long, in all from the stop, git fast-import may take to write the versions given it once the
# run is stopped and the git commands that put the stored versions on the branch and bring the
# working tree up to them may (`TimeAfterAStop`): a stopped run must end, also where git stalls (a
# hung network file system), before a scheduler's SIGKILL.
SECONDS_FOR_GIT_AFTER_A_STOP = 20.0


def store_articles(articles: Sequence[Article], repo_dir: Path | str,
                   progress: ProgressStart | None = None,
                   checkpoint_every: int = 1000,
                   waiting: Callable[[KeyboardInterrupt, str], None] | None = None) -> StoreSummary:
    """Commit every version not yet stored, one commit per version, through `git fast-import`.

    Creates the repository when missing and writes to the branch HEAD names (any name). Re-running
    with the same articles adds nothing; versions identical to the one before, flip-flops and
    conflicting numbers are skipped and listed in the summary. No hook of the repository runs.
    A run stopped while it writes tells `waiting` the stop and what it waits for, where git
    fast-import takes a while to write the versions it was given (the CLI says it on stderr).
    """
    path = Path(repo_dir)
    after_a_stop = TimeAfterAStop(SECONDS_FOR_GIT_AFTER_A_STOP)
    made = False  # this run made the repository (it opened none)
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(without_callers_repository())
            new = missing_or_empty(path)
            repo = held.enter_context(contextlib.closing(open_or_create(path)))
            made = new
            held.enter_context(_named_as_given(repo, path))
            try:
                held.enter_context(store_lock(repo))
            except ReadOnlyRepository as refused:
                ref, plan = _plan_writing_nothing(repo, articles, refused)
                return _summary(_stored_into(repo, path), ref, plan, branch_tip(repo, ref))
            ref, tip, plan = _plan_run(repo, articles)
        except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (`stop_signals`)
            raise stopped_before_storing(stop, str(path), made) from None
        try:
            if plan.commits:
                advance = progress(len(plan.commits)) if progress else None
                write_commits(str(repo.git_dir), import_ref(ref), tip, plan.commits,
                              advance, checkpoint_every, waiting, after_a_stop)
                publish_import(repo, ref, tip)
            sync_worktree(repo, ref)
            if plan.commits:
                drop_import_ref(repo, ref, f"the {len(plan.commits):,} versions are stored, on "
                                "the branch, and the working tree is brought up to them")
                _pack_when_needed(repo)
            head = branch_tip(repo, ref)
        except KeyboardInterrupt as stop:
            head = _tip_once_stopped(repo, path, ref, tip, len(plan.commits), stop, after_a_stop)
        except ImportEndedAfterStop as ended:
            head = _tip_once_stopped(repo, path, ref, tip, len(plan.commits), ended.stop,
                                     after_a_stop, import_ended=ended.how)
    return _summary(_stored_into(repo, path), ref, plan, head)


def _stored_into(repo: git.Repo, given: Path) -> Path:
    """The folder the run stores into, as the user gave it: `REPO` for `--repo REPO/.git`, the
    git directory of a working tree (without a `core.worktree`, which is refused), else `given`."""
    worktree = repo.working_tree_dir
    if given.name == ".git" and worktree is not None \
            and Path(worktree).resolve() == given.absolute().parent.resolve():
        return given.parent
    return given


def _summary(path: Path, ref: str, plan: StorePlan, head: str | None) -> StoreSummary:
    return StoreSummary(str(path), ref.removeprefix("refs/heads/"), plan.articles,
                        len(plan.commits), plan.already_stored, plan.skipped, head,
                        plan.given_again, plan.stale_warnings)


@contextlib.contextmanager
def _named_as_given(repo: git.Repo, given: Path) -> Iterator[None]:
    """Within: a StoreError that names the repository's git directory names the repository as
    the user gave it (`shal`, not `/home/me/shal/.git`), as reading it does, and one that names a
    path in the repository names it below that (`shal/.git/index.lock`)."""
    try:
        yield
    except StoreError as error:
        if error.where is not None:
            where = Path(error.where).absolute()
            if where == Path(repo.git_dir).absolute():
                error.where = str(given)
            elif where.is_relative_to(given.absolute()):
                error.where = str(given / where.relative_to(given.absolute()))
            error.args = (str(error),)
        raise


def _plan_run(repo: git.Repo, articles: Sequence[Article]) -> tuple[str, str | None, StorePlan]:
    """The branch to store into, its tip and the commits to write, once every check that refuses
    a repository before anything is written has passed. Call only while holding `store_lock`."""
    ref = current_branch(repo)
    refuse_held_locks(repo, ref)
    refuse_branch_checked_out_elsewhere(repo, ref)
    adopt_unfinished_import(repo, ref)
    tip = branch_tip(repo, ref)
    histories, plan = _plan_after(repo, ref, tip, articles)
    stored = {path: set(history.counts) for path, history in histories.items()
              if history.written_by_store}
    if plan.commits:  # (first: it says more of a file the run writes)
        check_worktree(repo, ref, {c.path: set(histories[c.path].counts)
                                   for c in plan.commits})
        if tip:
            refuse_branch_entries_in_the_way(repo, ref, {c.path for c in plan.commits})
    refuse_staged_changes(repo, ref, stored)
    return ref, tip, plan


def _plan_after(repo: git.Repo, ref: str, tip: str | None, articles: Sequence[Article]
                ) -> tuple[dict[str, FileHistory], StorePlan]:
    """What the branch `ref`, at `tip`, holds of each file, and the commits to write after it."""
    histories = histories_from_changes(*_stored_changes(repo, ref)) if tip else {}
    return histories, plan_store(articles, histories, object_format(repo))


def _plan_writing_nothing(repo: git.Repo, articles: Sequence[Article],
                          refused: ReadOnlyRepository) -> tuple[str, StorePlan]:
    """The branch and plan of a run on a repository on a read-only file system, where the store
    lock could not be made (`refused`): one that adds no version (everything given is stored)
    and has nothing else to write, which goes on without the lock (no one can write there
    meanwhile); otherwise `refused` is raised. Nothing else to write: no versions a stopped run
    left on the private ref to put on the branch, no update of the working tree one left half
    done, an index at the branch's tree (`worktree_at_branch`)."""
    ref = current_branch(repo)
    if (branch_tip(repo, import_ref(ref)) is not None
            or (Path(repo.git_dir) / SYNC_MARKER_NAME).exists()
            or not worktree_at_branch(repo, ref)):
        raise refused
    _, plan = _plan_after(repo, ref, branch_tip(repo, ref), articles)
    if plan.commits:
        raise refused
    return ref, plan


def missing_or_empty(path: Path) -> bool:
    """Whether `path` is missing or an empty folder: where opening the repository makes one."""
    try:
        return not os.path.lexists(path) or (path.is_dir() and not any(path.iterdir()))
    except OSError:  # (left to opening the repository to report)
        return False


def nothing_stored(made_empty: bool) -> str:
    """What a run that wrote no version left: `made_empty`, it made the repository, which is left
    without commits (reading it then says its branch has none)."""
    return "nothing was stored" + (", and the new repository it made is left empty"
                                   if made_empty else "")


def stopped_before_storing(stop: KeyboardInterrupt, repo_dir: str,
                           made_empty: bool = False) -> StoreError:
    """What a run stopped before it wrote any version says (reading the inputs, or the
    repository); `made_empty`: as `nothing_stored` says."""
    stopped = StoreError(f"{stop_reason(stop)}; {nothing_stored(made_empty)}", repo_dir,
                         hint="run the same command again to store the versions")
    stopped.exit_code = stop_exit_code(stop)
    return stopped


def _tip_once_stopped(repo: git.Repo, given: Path, ref: str, tip: str | None, planned: int,
                      stop: KeyboardInterrupt, after_a_stop: TimeAfterAStop,
                      import_ended: str = "") -> str | None:
    """The branch's tip after a stop that came once every version was stored, the working tree
    brought up to them: the run is done. Otherwise the error that says how many versions were
    stored before the stop, with the working tree brought up to them, so that the user's next
    commit on the branch deletes no stored file, or that none are on the branch, where it moved
    while the run wrote (`BranchMoved`). A file in the repository it names below the
    repository as `given`. Its git commands run until `after_a_stop` is up. `import_ended` says
    how the import was ended, where it was (`ImportEndedAfterStop`)."""
    stored: int | None = None  # on the branch
    written: int | None = None  # on the import's ref, before it is put on the branch
    moved = False  # the branch moved while the run wrote: none of them are on it
    new_tip: str | None = None
    synced = False  # the working tree was brought up to the branch
    stalled = f"; {import_ended}" if import_ended else ""
    # a second Ctrl-C, which git's own processes get too from a terminal, leaves this line said;
    # a second SIGTERM ends the process at once (`stop_signals`), also after a Ctrl-C and a
    # first SIGTERM that came meanwhile
    with contextlib.suppress(KeyboardInterrupt), \
            stops_held(stops_not_ending_at_once(), second_sigterm_at_once=True), \
            contextlib.suppress(StoreError, git.GitCommandError), \
            _git_within(repo, after_a_stop) as bounded:
        try:
            if import_ended:  # (as it moved its ref, it left the ref's lock)
                remove_import_lock(repo, ref)
            # on the import's ref: stored, for the next run to put on the branch if this one cannot
            written = _commits_since(repo, tip, import_ref(ref))
            publish_import(repo, ref, tip)
            new_tip = branch_tip(repo, ref)
            stored = _commits_since(repo, tip, ref)
            sync_worktree(repo, ref)
            synced = True
            drop_import_ref(repo, ref, "the versions are stored")
        except _GitStalled as given_up:
            stored = written if stored is None else stored
            stalled += (f"; git {given_up.command} did not end within {bounded.seconds:g} s "
                        "of the stop and was ended" if given_up.started else
                        f"; git {given_up.command} was not run: the {bounded.seconds:g} s after "
                        "the stop had passed")
        except BranchMoved:
            moved = True
    if moved:
        refused = StoreError(f"{stop_reason(stop)}; none of the {planned:,} versions are on the "
                             "branch: it moved while they were being written (a commit made on "
                             "it meanwhile)", str(repo.working_tree_dir or repo.git_dir),
                             hint=AFTER_THE_NEW_TIP)
        refused.exit_code = stop_exit_code(stop)
        raise refused from None
    if stored == planned and synced:
        return new_tip
    # a git command ended midway leaves its locks, which refuse the next run: say which
    left = held_locks(repo, ref) if stalled else []
    locks = [_shown_in(repo, given, lock) for _, lock in left]
    if left:
        stalled += f", leaving {' and '.join(what for what, _ in left)} locked ({', '.join(locks)})"
    removed = f"remove {' and '.join(locks)} if no git command runs, then " if locks else ""
    count = f"{stored:,} of {planned:,}" if stored is not None else f"some of {planned:,}"
    rest = "" if stored == planned else " to store the rest"
    tree = ("; the working tree is behind the branch: run it before committing to it"
            if written and not synced and _worktree_left_behind(repo, ref, tip) else "")
    stopped = StoreError(f"{stop_reason(stop)}; {count} versions were stored before the "
                         f"stop{stalled}", str(repo.working_tree_dir or repo.git_dir),
                         hint=f"{removed}run the same command again{rest}{tree}")
    stopped.exit_code = stop_exit_code(stop)
    raise stopped from None


def _worktree_left_behind(repo: git.Repo, ref: str, tip: str | None) -> bool:
    """Whether the branch moved from `tip`, where the working tree was, and the repository has
    one. The ref is read from its files, not asked of git: the time for git may be up."""
    if repo.bare:
        return False
    try:
        return ref_in_files(Path(repo.common_dir), ref) != tip
    except OSError:  # (unreadable: it may have moved)
        return True


def _commits_since(repo: git.Repo, tip: str | None, ref: str) -> int:
    """How many commits `ref` holds past `tip` (all of them when `tip` is None): 0 for a ref
    that is missing or at `tip`."""
    head = branch_tip(repo, ref)
    if head is None or head == tip:
        return 0
    return int(repo.git.rev_list("--count", head if tip is None else f"{tip}..{head}"))


def _shown_in(repo: git.Repo, given: Path, path: Path) -> str:
    """`path` below the repository as `given` (`shal/.git/refs/heads/main.lock`), or whole where
    it is elsewhere (the common folder of a linked worktree's)."""
    folder = Path(repo.working_tree_dir or repo.git_dir).absolute()
    place = path.absolute()
    return str(given / place.relative_to(folder)) if place.is_relative_to(folder) else str(place)


class _GitStalled(Exception):
    """A git command did not end by the deadline of `_GitWithDeadline`, and was ended, or was
    not `started`: the deadline had passed."""

    def __init__(self, command: str, *, started: bool = True) -> None:
        super().__init__(command)
        self.command = command
        self.started = started


class _GitWithDeadline(git.Git):
    """git commands ended (with SIGKILL, their children too) once `after_a_stop` is up; each
    that was, or that is asked for later, raises `_GitStalled`."""

    def __init__(self, working_dir: str, after_a_stop: TimeAfterAStop) -> None:
        super().__init__(working_dir)
        self.seconds = after_a_stop.seconds
        self._deadline = after_a_stop.deadline()

    def _call_process(self, method: str, *args: Any, **kwargs: Any) -> Any:
        command = git.cmd.dashify(method)
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise _GitStalled(command, started=False)
        try:
            said = super()._call_process(method, *args, kill_after_timeout=left, **kwargs)
        except git.GitCommandError:
            if time.monotonic() >= self._deadline:
                raise _GitStalled(command) from None
            raise
        if time.monotonic() >= self._deadline:
            raise _GitStalled(command)
        return said


@contextlib.contextmanager
def _git_within(repo: git.Repo, after_a_stop: TimeAfterAStop) -> Iterator[_GitWithDeadline]:
    """Within: the repository's git commands run until `after_a_stop` is up."""
    unbounded = repo.git
    bounded = _GitWithDeadline(str(repo.working_dir), after_a_stop)
    bounded.update_environment(**unbounded.environment())
    repo.git = bounded
    try:
        yield bounded
    finally:
        repo.git = unbounded


def _stored_changes(repo: git.Repo, ref: str) -> tuple[list[FileChange], dict[int, str]]:
    """What the branch already holds, read like any other repository (in a sanitized clone),
    and where each file is now (`read_history`'s `paths_now`)."""
    paths_now: dict[int, str] = {}
    with sanitized_clone(Path(repo.git_dir)) as clone:
        return read_history(clone, ref, str(repo.working_tree_dir or repo.git_dir),
                            paths_now), paths_now


def write_commits(git_dir: str, ref: str, parent: str | None,
                  commits: Sequence[PlannedCommit], advance: Callable[[int], None] | None,
                  checkpoint_every: int = 1000,
                  waiting: Callable[[KeyboardInterrupt, str], None] | None = None,
                  after_a_stop: TimeAfterAStop | None = None) -> None:
    """Stream the planned commits to one `git fast-import`, in order, onto `ref` (the run's
    private ref), the first after `parent`; once stopped, wait for it as `FastImport` says,
    until `after_a_stop` is up."""
    now = f"{int(time.time())} +0000"
    with FastImport(git_dir, ref, parent, checkpoint_every,
                    after_a_stop=after_a_stop or TimeAfterAStop(SECONDS_FOR_GIT_AFTER_A_STOP),
                    waiting=waiting, given=advance) as importer:
        for planned in commits:
            encoded = planned.encoded()
            importer.commit(planned.path, encoded.data, encoded.message,
                            git_date(planned.version.time, now), now)


def _pack_when_needed(repo: git.Repo) -> None:
    """Let git repack when imports have left many packs (each checkpoint writes one)."""
    with contextlib.suppress(git.GitCommandError):
        repo.git.gc("--auto", "--quiet")
