"""The branch a store run writes to: the one HEAD names, its tip, and that no other worktree has
it checked out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import git

from revdiff.broken_git_refs import refuse_damaged_ref
from revdiff.errors import StoreError
from revdiff.safe_git import MEND_THE_FILE, files_named_where_they_are, git_complaint


def current_branch(repo: git.Repo) -> str:
    """The full ref HEAD points at, e.g. `refs/heads/main` (it may not exist yet); refused when
    it is no branch (`git symbolic-ref HEAD refs/tags/v1` makes HEAD name a tag, which the store
    would move)."""
    try:
        ref = str(repo.git.symbolic_ref("-q", "HEAD")).strip()
    except git.GitCommandError as error:
        said = git_complaint(error.stderr)
        if error.status != 1:  # not a detached HEAD: git cannot use the repository at all
            refuse_damaged_ref(Path(repo.common_dir), str(repo.git_dir))  # `No such ref: HEAD`
            trust = (f"; if you trust it, git config --global --add safe.directory "
                     f"{repo.working_tree_dir or repo.git_dir}" if "dubious ownership" in said
                     else "")
            said, names_a_file = files_named_where_they_are(  # `.git/config`: from its folder
                said, (Path(repo.git_dir), Path(repo.common_dir)), ran_in=(Path(repo.working_dir),))
            mend = f"; {MEND_THE_FILE}" if names_a_file else ""
            raise StoreError("git cannot use the repository; nothing was stored", str(repo.git_dir),
                             hint=f"git said: {said}{trust}{mend}") from None
        git_dir = Path(repo.git_dir)
        if (git_dir / "rebase-merge").is_dir() or (git_dir / "rebase-apply").is_dir():
            raise StoreError("a rebase is in progress, so there is no branch to store into; "
                             "nothing was stored",
                             str(repo.git_dir), hint="finish it (git rebase --continue) or "
                             "abandon it (git rebase --abort) first") from None
        raise StoreError("HEAD is detached, so there is no branch to store into; nothing "
                         "was stored",
                         str(repo.git_dir), hint="check out a branch first (git switch BRANCH)"
                         ) from None
    if not ref.startswith("refs/heads/"):
        raise StoreError(f"HEAD names {ref}, which is no branch, so there is no branch to store "
                         "into; nothing was stored", str(repo.git_dir),
                         hint="check out a branch first (git switch BRANCH)")
    return ref


def refuse_branch_checked_out_elsewhere(repo: git.Repo, ref: str) -> None:
    """Refuse, before anything is written, a branch checked out in another worktree of the
    repository (a bare repository's linked worktree): the store brings only its own working tree
    up to the commits it makes, so that worktree's index would stay behind, and its next commit
    delete the stored files. Read from the files git keeps for each linked worktree (its `HEAD`,
    and in `gitdir` where its `.git` file is); one whose folder is gone (prunable) is none. The
    main worktree (the folder holding a `.git` directory) counts too: a folder whose `.git` file
    names that directory itself, or a linked worktree, would store into its branch."""
    ours = Path(repo.git_dir).resolve()
    for head, worktree in _worktree_heads(Path(repo.common_dir), with_main=not repo.bare):
        if head.parent.resolve() == ours and worktree == _own_worktree(repo):
            continue
        if _small_file_text(head).strip() != f"ref: {ref}" or not worktree.is_dir():
            continue
        raise StoreError(f"the branch {ref.removeprefix('refs/heads/')} is checked out in the "
                         f"worktree {worktree}, which storing here would leave behind it; "
                         "nothing was stored", str(repo.working_tree_dir or repo.git_dir),
                         hint=f"store there instead (--repo {worktree}), or "
                              + ("make HEAD name another branch (git symbolic-ref HEAD "
                                 "refs/heads/BRANCH)" if repo.bare else
                                 "check out another branch here"))


def _worktree_heads(common_dir: Path, *, with_main: bool) -> Iterator[tuple[Path, Path]]:
    """Each worktree of the repository whose common git directory is `common_dir`: the `HEAD`
    file naming its branch, and its folder (for the main worktree, unless not `with_main`, the
    folder holding a `.git` directory; a bare repository, even one named `.git`, has none)."""
    common = common_dir.resolve()
    if with_main and common.name == ".git":
        yield common / "HEAD", common.parent
    for head in sorted((common / "worktrees").glob("*/HEAD")):
        pointer = _small_file_text(head.parent / "gitdir").removesuffix("\n")
        yield head, Path(pointer).parent.resolve()


def _own_worktree(repo: git.Repo) -> Path | None:
    return Path(repo.working_tree_dir).resolve() if repo.working_tree_dir else None


def _small_file_text(file: Path) -> str:
    """The start of a file git writes a line into (a worktree's `HEAD`, `gitdir`); empty when it
    cannot be read."""
    try:
        with open(file, "rb") as handle:
            return handle.read(1 << 16).decode("utf-8", "surrogateescape")
    except OSError:
        return ""


def branch_tip(repo: git.Repo, ref: str) -> str | None:
    """The commit `ref` names, or None when there is no such ref. Raises StoreError when it names
    another kind of object (a tree, a blob or a tag, in a damaged or hand-made repository): git
    would refuse to build on it only once the versions are written, or fail on it with a usage
    page."""
    named = str(repo.git.rev_parse("--verify", "--quiet", ref, with_exceptions=False)).strip()
    if not named:
        return None
    kind = str(repo.git.cat_file("-t", named, with_exceptions=False)).strip()
    if not kind:
        raise StoreError(f"{ref} names {named}, which is missing from the repository",
                         str(repo.working_tree_dir or repo.git_dir),
                         hint="the repository is incomplete or damaged; check it with git fsck")
    if kind != "commit":
        raise StoreError(f"{ref} names a {kind}, not a commit, so no commit can follow it",
                         str(repo.working_tree_dir or repo.git_dir),
                         hint=f"point it at a commit (git update-ref {ref} COMMIT), or delete it "
                              f"(git update-ref -d {ref}) to store from the start")
    return named
