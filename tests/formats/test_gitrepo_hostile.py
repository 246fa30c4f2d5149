"""Reading a repository never runs a program its config, includes or attributes name.

For each setting, a marker script is named by the repository; `revdiff parse` reads the
repository and the script must not have run. Then git itself is run the way a person would in
that repository, and the script must run: proof that the setting is live, so the first check
could fail.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
from held_runs import refused_at_once
from hostile_git import (
    external_diff,
    fsmonitor,
    git,
    git_on_a_terminal,
    hooks,
    marker_script,
    set_config,
    sign_head,
    signature_program,
    story_repository,
    textconv,
)

from revdiff.formats.git_blobs import BlobReader
from revdiff.safe_git import alternate_object_folders


@dataclass(frozen=True)
class Hostile:
    name: str
    arrange: Callable[[Path, Path], Path]  # (repo, scripts folder) -> the marker file
    show: Callable[[Path], None]  # a plain git command that runs the program
    exit_code: int = 0  # what `revdiff parse` ends with


def included_config(repo: Path, folder: Path) -> Path:
    script, marker = marker_script(folder, "included-gpg")
    sign_head(repo)
    included = folder / "included.config"
    included.write_text(f"[log]\n\tshowSignature = true\n[gpg]\n\tprogram = {script}\n")
    set_config(repo, ("include.path", str(included)))
    return marker


def pager(repo: Path, folder: Path) -> Path:
    script, marker = marker_script(folder, "pager")
    set_config(repo, ("core.pager", str(script)), ("pager.log", "true"))
    return marker


def filter_driver(repo: Path, folder: Path) -> Path:
    script, marker = marker_script(folder, "filter")
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "attributes").write_text("*.txt filter=evil\n")
    set_config(repo, ("filter.evil.smudge", str(script)), ("filter.evil.clean", str(script)))
    return marker


def ssh_command(repo: Path, folder: Path) -> Path:
    """A partial clone missing a blob: reading it would fetch it over ssh."""
    script, marker = marker_script(folder, "ssh")
    blob = git(repo, "rev-parse", "HEAD:story.txt").stdout.decode().strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    set_config(repo, ("core.repositoryFormatVersion", "1"),
               ("extensions.partialClone", "origin"),
               ("remote.origin.url", "ssh://example.invalid/story.git"),
               ("remote.origin.promisor", "true"), ("core.sshCommand", str(script)))
    return marker


def checkout_again(repo: Path) -> None:
    (repo / "story.txt").unlink()
    git(repo, "checkout", "--", "story.txt", check=False)


def show_blob(repo: Path) -> None:
    git(repo, "cat-file", "-p", "HEAD:story.txt", check=False)


HOSTILE = [
    Hostile("gpg.program", signature_program, lambda repo: git(repo, "log", check=False)),
    Hostile("include.path", included_config, lambda repo: git(repo, "log", check=False)),
    Hostile("core.fsmonitor", fsmonitor, lambda repo: git(repo, "status", check=False)),
    Hostile("core.pager", pager, lambda repo: git_on_a_terminal(repo, "log")),
    Hostile("diff.external", external_diff,
            lambda repo: git(repo, "diff", "HEAD~1", "HEAD", check=False)),
    Hostile("textconv", textconv, lambda repo: git(repo, "log", "-p", check=False)),
    Hostile("filter", filter_driver, checkout_again),
    Hostile("core.sshCommand", ssh_command, show_blob, exit_code=2),
    Hostile("core.hooksPath", hooks,
            lambda repo: git(repo, "commit", "-q", "--allow-empty", "-m", "by hand", check=False)),
]


@pytest.mark.parametrize("hostile", HOSTILE, ids=[h.name for h in HOSTILE])
def test_reading_runs_no_program_the_repository_names(hostile: Hostile, tmp_path: Path) -> None:
    repo = story_repository(tmp_path / "archive")
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    marker = hostile.arrange(repo, scripts)
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo), "--format",
                             "text"], capture_output=True, text=True, timeout=120, check=False)
    assert not marker.exists(), f"revdiff ran {hostile.name}: {marker.read_text()}"
    assert result.returncode == hostile.exit_code, result.stderr
    assert "Traceback" not in result.stderr
    if hostile.exit_code:
        assert result.stderr.count("\n") == 1, result.stderr
    else:
        assert "story.txt" in result.stdout
    hostile.show(repo)
    assert marker.exists(), f"git did not run {hostile.name}: the test proves nothing"


def _fifo_as_head(repo: Path) -> str:
    (repo / ".git" / "HEAD").unlink()
    os.mkfifo(repo / ".git" / "HEAD")
    return "HEAD"


def _fifo_as_packed_refs(repo: Path) -> str:
    git(repo, "pack-refs", "--all")
    os.mkfifo(repo / ".git" / "packed-refs.fifo")
    (repo / ".git" / "packed-refs").unlink()
    (repo / ".git" / "packed-refs.fifo").rename(repo / ".git" / "packed-refs")
    return "packed-refs"


def _fifo_as_alternates(repo: Path) -> str:
    (repo / ".git" / "objects" / "info").mkdir(exist_ok=True)
    os.mkfifo(repo / ".git" / "objects" / "info" / "alternates")
    return "alternates"


def _fifo_in_an_alternate(repo: Path) -> str:
    """The repository's alternate object folder lies in the unpacked archive, beside its git
    directory, and names one of its own (git follows alternates five deep): a FIFO there."""
    shared = repo / "shared" / "objects"
    (shared / "info").mkdir(parents=True)
    os.mkfifo(shared / "info" / "alternates")
    (repo / ".git" / "objects" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "objects" / "info" / "alternates").write_text("../../shared/objects\n")
    return "shared"


def _fifo_in_a_quoted_alternate(repo: Path) -> str:
    """As `_fifo_in_an_alternate`, the alternate named in C quotes followed by a character,
    which git skips: git reads the path up to the closing quote."""
    shared = repo / "shared" / "objects"
    (shared / "info").mkdir(parents=True)
    os.mkfifo(shared / "info" / "alternates")
    (repo / ".git" / "objects" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "objects" / "info" / "alternates").write_text('"../../shared/objects"X\n')
    return "shared"


def _fifo_included(repo: Path) -> str:
    os.mkfifo(repo / "extra.config")  # in the unpacked archive, named relative to .git
    set_config(repo, ("include.path", "../extra.config"))
    return "extra.config"


@pytest.mark.parametrize("arrange", [_fifo_as_head, _fifo_as_packed_refs, _fifo_as_alternates,
                                     _fifo_in_an_alternate, _fifo_in_a_quoted_alternate,
                                     _fifo_included],
                         ids=["HEAD", "packed-refs", "alternates", "an alternate's alternates",
                              "a quoted alternate's alternates", "include.path"])
def test_a_fifo_in_the_repository_is_refused_not_waited_on(
        arrange: Callable[[Path], str], tmp_path: Path) -> None:
    """git opens a FIFO in the git directory (or an included config that is one) as a file
    and waits on it forever: an archive unpacked with one must not hang revdiff."""
    repo = story_repository(tmp_path / "archive")
    named = arrange(repo)
    assert "FIFO" in refused_at_once("parse", str(repo), "--format", "text", naming=named)


def test_security_md_lists_the_fifos_and_devices_refused_in_a_repository() -> None:
    # SECURITY.md did not say that a FIFO or device in the git directory, an included config
    # or an alternate object folder is refused: a guarantee the tests above check went untold
    security_md = " ".join((Path(__file__).resolve().parents[2] / "SECURITY.md")
                           .read_text(encoding="utf-8").split())
    assert "`refuse_special_files` in `revdiff/safe_git.py`" in security_md
    for place in ("in a config file the config includes (`include.path`, `includeIf.*.path`",
                  "in the object folders that `objects/info/alternates` names",
                  "`test_a_fifo_in_the_repository_is_refused_not_waited_on`"):
        assert place in security_md


def test_an_alternate_named_many_times_is_looked_at_once(tmp_path: Path) -> None:
    """An alternates file naming its own folder a thousand times: each folder git follows is
    checked for FIFOs once, not once a line at every depth (1000 to the fifth)."""
    repo = story_repository(tmp_path / "archive")
    shared = repo / "shared" / "objects"
    (shared / "info").mkdir(parents=True)
    (shared / "info" / "alternates").write_text(".\n" * 1000)
    (repo / ".git" / "objects" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "objects" / "info" / "alternates").write_text("../../shared/objects\n")
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo), "--format",
                             "text"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "story.txt" in result.stdout


def test_alternates_are_read_as_git_reads_them(tmp_path: Path) -> None:
    """An alternates file is read entry by entry as git reads it (what `git count-objects -v`
    lists for this file): a path in C quotes up to its closing quote, the character after it
    skipped; one whose quoting is broken (an escape C quoting has not, `\\x`, or no closing
    quote) as written, up to the line's end; a NUL ending the file. An escape Python has and
    git has not raised ValueError (a traceback), and a path followed by more after its quotes
    was read as written, so that git read an object folder revdiff never looked at."""
    objects = tmp_path / "objects"
    (objects / "info").mkdir(parents=True)
    (objects / "info" / "alternates").write_bytes(
        b'"a\\x41"\n"b\\101"\n"c"Xd\n# "e"\n"f\nunclosed\n\0g\n')
    assert [path.name for path in alternate_object_folders(objects)] == [
        '"a\\x41"', "bA", "c", "d", '"f', "unclosed"]


@pytest.mark.parametrize("command", ["parse", "export"])
def test_an_alternates_file_longer_than_revdiff_reads_is_refused(tmp_path: Path,
                                                                 command: str) -> None:
    """git reads an alternates file whole; revdiff read its first 16 MiB, so a folder named after
    16 MiB of comment was read by git from a commit the branch names, and neither warned of nor
    left out of a corpus (nor looked at for a FIFO)."""
    own = story_repository(tmp_path / "home" / "notes")
    repo = story_repository(tmp_path / "corpus" / "archive")
    listing = repo / ".git" / "objects" / "info" / "alternates"
    listing.parent.mkdir(exist_ok=True)
    listing.write_bytes(b"#" * (16 << 20) + f"\n{own / '.git' / 'objects'}\n".encode())
    args = (["parse", str(repo), "--format", "text"] if command == "parse" else
            ["export", str(tmp_path / "corpus"), "-o", str(tmp_path / "out.jsonl")])
    result = subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("revdiff: error: "), result.stderr
    assert "alternates" in result.stderr, result.stderr


def test_a_hook_or_exclude_file_linked_to_dev_null_is_no_fifo(tmp_path: Path) -> None:
    """Linking a file of the git directory to /dev/null empties it (a known way to turn a hook
    off); such a repository is read, not refused as one holding a device."""
    repo = story_repository(tmp_path / "archive")
    (repo / ".git" / "hooks").mkdir(exist_ok=True)
    (repo / ".git" / "hooks" / "post-commit").symlink_to(os.devnull)
    (repo / ".git" / "info").mkdir(exist_ok=True)
    (repo / ".git" / "info" / "exclude").unlink(missing_ok=True)
    (repo / ".git" / "info" / "exclude").symlink_to(os.devnull)
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo), "--format",
                             "text"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "story.txt" in result.stdout


@pytest.mark.parametrize("kind", ["FIFO", "socket"])
def test_a_special_file_in_a_linked_worktrees_work_tree_is_no_concern(kind: str, tmp_path: Path) -> None:
    """A linked worktree (or a submodule) has a `.git` file naming its git directory: that
    directory is checked, not its work tree, whose untracked FIFO or socket git never opens
    (the main work tree with the same file is read)."""
    repo = story_repository(tmp_path / "main")
    linked = tmp_path / "linked"
    subprocess.run(["git", "-C", str(repo), "worktree", "add", "--quiet", str(linked)],
                   check=True, capture_output=True)
    if kind == "FIFO":
        os.mkfifo(linked / "pipe")
    else:
        import socket
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(linked / "pipe"))
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(linked), "--format",
                             "text"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "story.txt" in result.stdout


def test_the_fsmonitor_daemons_socket_in_the_git_directory_is_no_fifo(tmp_path: Path) -> None:
    """git's fsmonitor daemon keeps a socket in the git directory (.git/fsmonitor--daemon.ipc);
    git cannot open a socket as a file, so it waits on none: the repository is read."""
    import socket
    repo = story_repository(tmp_path / "archive")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(repo / ".git" / "fsmonitor--daemon.ipc"))
        result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo), "--format",
                                 "text"], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "story.txt" in result.stdout


# Memory a revdiff run is given below: far less than a file of SPARSE_SIZE read whole.
MEMORY_LIMIT = 1 << 30
SPARSE_SIZE = 4 << 30  # takes no disk: a sparse file, which an archive can hold


def run_with_little_memory(*arguments: str) -> subprocess.CompletedProcess[str]:
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run([sys.executable, "-m", "revdiff", *arguments], capture_output=True,
                          text=True, timeout=120, check=False, preexec_fn=limit)


def _sparse_included_config(repo: Path) -> None:
    """A comment, then gigabytes of NUL bytes: git reads it (a NUL in a comment is no error)."""
    with open(repo / ".git" / "huge.config", "wb") as config:
        config.write(b"#")
        config.truncate(SPARSE_SIZE)
    set_config(repo, ("include.path", "huge.config"))


def _sparse_dot_git_file(repo: Path) -> None:
    """A `.git` file of gigabytes: git reads no `.git` file that large."""
    subprocess.run(["rm", "-r", str(repo / ".git")], check=True)
    with open(repo / ".git", "wb") as dot_git:
        dot_git.truncate(SPARSE_SIZE)


@pytest.mark.parametrize("command", ["parse", "store"])
@pytest.mark.parametrize("arrange", [_sparse_included_config, _sparse_dot_git_file],
                         ids=["included config", ".git file"])
def test_a_sparse_file_of_gigabytes_in_the_repository_is_not_read_whole(
        arrange: Callable[[Path], None], command: str, tmp_path: Path) -> None:
    """Each was read whole into memory (by revdiff, and in `store` by GitPython), gigabytes
    for a file that takes no disk: a MemoryError here, the machine's memory outside a test."""
    repo = story_repository(tmp_path / "archive")
    arrange(repo)
    version = tmp_path / "0.txt"
    version.write_text("One sentence here.\n")
    result = run_with_little_memory(*(["parse", str(repo)] if command == "parse" else
                                      ["store", str(version), "--repo", str(repo)]))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("revdiff: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


class _CountingPipe:
    """git's output pipe, counting the bytes read from it."""

    def __init__(self, pipe: IO[bytes]) -> None:
        self.pipe = pipe
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.pipe.read(size)
        self.count += len(data)
        return data

    def readline(self) -> bytes:
        line = self.pipe.readline()
        self.count += len(line)
        return line

    def close(self) -> None:
        self.pipe.close()


def test_a_blob_over_the_limit_is_not_passed_through_whole(tmp_path: Path) -> None:
    """Of a stored version over the size limit, git writes no more than its first bytes to
    revdiff: a sparse file of a gigabyte committed took git half a minute to pour through the
    pipe, to be dropped. The next version is read all the same."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    big = b"\0" * (4 << 20)  # binary: left out at any size
    small = b"A paragraph.\n"
    blobs = [subprocess.run(["git", "-C", str(repo), "hash-object", "-w", "--stdin"], input=data,
                            capture_output=True, check=True).stdout.decode().strip()
             for data in (big, small)]
    with BlobReader(repo / ".git") as reader:
        counting = _CountingPipe(reader._stdout)
        reader._stdout = counting  # type: ignore[assignment]
        assert reader.read(blobs[0], "big.bin", max_bytes=100_000)[:4] == b"\0" * 4
        assert counting.count < 1 << 20
        assert reader.read(blobs[1], "story.txt", max_bytes=100_000) == small


@pytest.mark.parametrize(("nul_at", "left_out"), [(8100, True), (8300, False)])
def test_a_version_over_the_limit_is_told_binary_by_its_first_8_kib(
        nul_at: int, left_out: bool, tmp_path: Path) -> None:
    """SECURITY.md: of a version stored in git over the limit, the first 8 KiB (as of a file)
    tell it binary, left out, or text, refused; a NUL byte further on tells nothing."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "story.txt").write_text("Title\n\nA paragraph.\n")
    (repo / "picture.bin").write_bytes(b"a" * nul_at + b"\0" + b"b" * 4000)
    subprocess.run(["git", "-C", str(repo), "add", "."], check=True)
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=A", "-c", "user.email=a@b",
                    "commit", "-q", "-m", "both"], check=True)
    result = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(repo), "--max-size",
                             "10K", "--format", "text"], capture_output=True, text=True,
                            timeout=60, check=False)
    if left_out:
        assert result.returncode == 0, result.stderr
        assert "1 binary file (picture.bin) left out" in result.stdout
    else:
        assert result.returncode == 2, result.stdout
        assert result.stderr.count("\n") == 1 and "picture.bin" in result.stderr, result.stderr
