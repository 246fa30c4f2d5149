"""Repositories whose config, attributes or hooks name programs, for the tests that read them.

Each program is a script that appends a line to its own marker file and then behaves like `cat`
(so it can stand in for a pager, a filter, a textconv or gpg). A marker file that exists means
git ran the program.
"""

from __future__ import annotations

import os
import pty
import subprocess
import tempfile
from pathlib import Path

# git as a person would run it in the repository, but with no system or global config (an
# empty file, not /dev/null, which need not be empty), so that what runs is named by the
# repository alone.
_CONFIG_FOLDER = tempfile.TemporaryDirectory(prefix="revdiff-test-")  # removed when the run ends
EMPTY_CONFIG = Path(_CONFIG_FOLDER.name) / "empty-config"
EMPTY_CONFIG.write_bytes(b"")
PLAIN_GIT_ENV = {**{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
                 "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(EMPTY_CONFIG)}
IDENTITY = ("-c", "user.name=Someone", "-c", "user.email=someone@example.org")


def git(repo: Path, *args: str, stdin: bytes | None = None,
        check: bool = True) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *IDENTITY, *args], input=stdin,
                          capture_output=True, env=PLAIN_GIT_ENV, check=check, timeout=60)


def git_on_a_terminal(repo: Path, *args: str) -> None:
    """Run git with its output on a pseudo-terminal (git starts a pager only on a terminal)."""
    leader, follower = pty.openpty()
    try:
        subprocess.run(["git", "-C", str(repo), *args], stdin=subprocess.DEVNULL,
                       stdout=follower, stderr=follower, env=PLAIN_GIT_ENV, timeout=60,
                       check=False)
    finally:
        os.close(follower)
        os.close(leader)


def marker_script(folder: Path, name: str) -> tuple[Path, Path]:
    """A program that records that it ran in `<folder>/<name>.ran`: (script, marker)."""
    marker = folder / f"{name}.ran"
    script = folder / f"{name}.sh"
    script.write_text(f'#!/bin/sh\necho "$0 $*" >> "{marker}"\nexec cat "$@"\n')
    script.chmod(0o755)
    return script, marker


def story_repository(repo: Path) -> Path:
    """A repository with two versions of `story.txt`, each commit a version."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True,
                   env=PLAIN_GIT_ENV)
    for text in ("First line.\nSecond line.\n", "First line.\nSecond line, edited.\n"):
        (repo / "story.txt").write_text(text)
        git(repo, "add", "story.txt")
        git(repo, "commit", "-q", "-m", "update")
    return repo


def sign_head(repo: Path) -> None:
    """Give HEAD a (fake) PGP signature, so that showing signatures runs gpg.program."""
    commit = git(repo, "cat-file", "commit", "HEAD").stdout
    header, message = commit.split(b"\n\n", 1)
    signature = (b"gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n"
                 b" -----END PGP SIGNATURE-----")
    signed = git(repo, "hash-object", "-t", "commit", "-w", "--stdin",
                 stdin=header + b"\n" + signature + b"\n\n" + message).stdout.decode().strip()
    git(repo, "update-ref", "HEAD", signed)


def set_config(repo: Path, *pairs: tuple[str, str]) -> None:
    for key, value in pairs:
        git(repo, "config", key, value)


HOOKS = ("reference-transaction", "pre-auto-gc", "post-checkout", "post-index-change",
         "pre-commit", "commit-msg", "post-commit", "post-merge", "post-rewrite")


def fsmonitor(repo: Path, folder: Path) -> Path:
    """A file-system monitor program named in the config; returns the marker it writes."""
    script, marker = marker_script(folder, "fsmonitor")
    set_config(repo, ("core.fsmonitor", str(script)))
    return marker


def textconv(repo: Path, folder: Path) -> Path:
    """A diff driver's text conversion that the repository's attributes give every `.txt` file
    (`.git/info/attributes`); returns the marker it writes."""
    script, marker = marker_script(folder, "textconv")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "attributes").write_text("*.txt diff=evil\n")
    set_config(repo, ("diff.evil.textconv", str(script)))
    return marker


def external_diff(repo: Path, folder: Path) -> Path:
    """A diff program named in the config (`diff.external`); returns the marker it writes."""
    script, marker = marker_script(folder, "external-diff")
    set_config(repo, ("diff.external", str(script)))
    return marker


def signature_program(repo: Path, folder: Path) -> Path:
    """A signature program named in the config, which showing HEAD's signature runs; returns
    the marker it writes."""
    script, marker = marker_script(folder, "gpg")
    sign_head(repo)
    set_config(repo, ("log.showSignature", "true"), ("gpg.program", str(script)))
    return marker


def hooks(repo: Path, folder: Path) -> Path:
    script, marker = marker_script(folder, "hook")
    hooks_dir = folder / "hooks"
    hooks_dir.mkdir()
    for name in HOOKS:
        (hooks_dir / name).write_text(script.read_text())
        (hooks_dir / name).chmod(0o755)
    # gc.* make the store's `git gc --auto` repack, which runs the pre-auto-gc hook.
    set_config(repo, ("core.hooksPath", str(hooks_dir)), ("gc.auto", "1"),
               ("gc.autoPackLimit", "1"))
    return marker
