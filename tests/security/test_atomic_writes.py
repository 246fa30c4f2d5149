"""Atomic writes: a run killed at any moment leaves the old output or the new, never half a file.

The export and the store run in a child process that is SIGKILLed (with its whole process
group, git included) while it works; the outputs are then checked byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import git
import pytest
from click.testing import CliRunner
from held_runs import LAST_ARTICLE, held_export, release, wait_for

from revdiff.cli import main
from revdiff.export.driver import ExportJob, run_export
from revdiff.export.staging import staging_path
from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database
from revdiff.store.worktree_sync import SYNC_MARKER_NAME

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "versions"
WORDS = ("minister", "said", "talks", "would", "resume", "after", "the", "vote", "on", "Tuesday",
         "while", "officials", "denied")


def corpus(folder: Path, copies: int) -> Path:
    """`copies` copies of each sample story, one folder per article."""
    for story in sorted(SAMPLES.iterdir()):
        for copy in range(copies):
            shutil.copytree(story, folder / f"{story.name}-{copy:03d}")
    return folder


def run_and_kill(command: list[str], ready: Callable[[], bool], delay: float = 0.0) -> bool:
    """Start `revdiff COMMAND`; once `ready()` (and `delay` later), SIGKILL it and its children.

    Returns False when the run finished before it could be killed.
    """
    child = subprocess.Popen([sys.executable, "-m", "revdiff", *command],
                             start_new_session=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while not ready():
            if child.poll() is not None:
                return False
            assert time.monotonic() < deadline, "the run never got going"
            time.sleep(0.005)
        time.sleep(delay)
        return child.poll() is None
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def wait_for_git_writers(git_dir: Path, timeout: float = 60.0) -> None:
    """Wait until no process writes to the repository: git fast-import runs in a session of its
    own (a terminal's Ctrl-C must not kill it mid-pack), so the kill of revdiff's session leaves
    it to end its stream, checkpoint or abort, as after a crash of revdiff alone. Checked before
    it had ended, the repository was seen between a pack and its ref (`invalid reflog entry`)."""
    marker = f"GIT_DIR={git_dir.resolve()}".encode() + b"\0"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        writers = []
        for process in Path("/proc").iterdir():
            if process.name.isdigit():
                try:
                    environment = (process / "environ").read_bytes()
                except OSError:  # gone meanwhile, or not ours
                    continue
                if marker in environment + b"\0":
                    writers.append(process.name)
        if not writers:
            return
        time.sleep(0.05)
    raise AssertionError(f"git processes still write to {git_dir}")


def journal_checkpoints(out: Path) -> int:
    """Complete checkpoints in the journal: entry lines that carry the writer's state.

    A checkpoint's entries are appended one after another, so a run killed in between leaves
    entries that --resume rightly does not count; only a line with a state marks work as done.
    """
    journal = staging_path(out) / "journal.jsonl"
    try:
        lines = journal.read_text(encoding="utf-8", errors="replace").split("\n")[1:-1]
    except FileNotFoundError:
        return 0
    return sum(bool(json.loads(line).get("state")) for line in lines if line)


def snapshot(*paths: Path) -> list[bytes | None]:
    return [path.read_bytes() if path.exists() else None for path in paths]


@pytest.fixture(scope="module")
def export_case(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A corpus, the previous (old) export and what a complete new export holds.

    The runs under test read the corpus and then standard input, which the test holds open
    (`held_export`): the run cannot finish before the test has killed it, on any machine.
    """
    root = tmp_path_factory.mktemp("atomic-export")
    big = corpus(root / "corpus", 250)  # 750 articles: a checkpoint after 512 at the latest
    reference = root / "reference" / "edits.csv"
    reference.parent.mkdir()
    made = subprocess.run([sys.executable, "-m", "revdiff", "export", str(big), "-", "-o",
                           str(reference), "-q"], input=LAST_ARTICLE, capture_output=True,
                          check=False)
    assert made.returncode == 0, made.stderr
    new = snapshot(reference, reference.with_name("edits.comparisons.csv"))
    return {"corpus": big, "new": new}


def previous_export(folder: Path) -> tuple[Path, list[bytes | None]]:
    out = folder / "edits.csv"
    run_export(ExportJob((str(SAMPLES / "iran-strikes-us-troops-in-iraq"),), out, "csv"))
    return out, snapshot(out, out.with_name("edits.comparisons.csv"))


def kill_held(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL a run that is certainly still going, with everything it started."""
    assert process.poll() is None, "the run ended before the kill"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def test_killed_export_keeps_the_old_output_and_resumes(tmp_path: Path,
                                                        export_case: dict[str, object]) -> None:
    out, old = previous_export(tmp_path)
    big = export_case["corpus"]
    command = [str(big), "-o", str(out), "-q"]
    run = held_export(*command)
    wait_for(lambda: journal_checkpoints(out) >= 1, run)
    kill_held(run)
    assert snapshot(out, out.with_name("edits.comparisons.csv")) == old
    assert journal_checkpoints(out) >= 1  # the finished part is kept for --resume
    resumed = held_export(*command, "--resume")
    code, stderr = release(resumed)
    assert code == 0, stderr
    assert "resuming after" in stderr or stderr == ""
    assert snapshot(out, out.with_name("edits.comparisons.csv")) == export_case["new"]
    assert not staging_path(out).exists()


@pytest.mark.parametrize("delay", [0.0, 0.2, 0.6])
def test_export_killed_at_any_moment_leaves_old_or_new(tmp_path: Path, delay: float,
                                                       export_case: dict[str, object]) -> None:
    """Killed after its first checkpoint, while it writes the rest: old output, then new."""
    out, old = previous_export(tmp_path)
    run = held_export(str(export_case["corpus"]), "-o", str(out), "-q")
    wait_for(lambda: journal_checkpoints(out) >= 1, run)  # rows are written and checkpointed
    time.sleep(delay)
    kill_held(run)  # mid-run: it cannot finish before its last input is given
    assert journal_checkpoints(out) >= 1
    after = snapshot(out, out.with_name("edits.comparisons.csv"))
    assert after == old, "a killed run changed the output"
    resumed = held_export(str(export_case["corpus"]), "-o", str(out), "-q", "--resume")
    code, stderr = release(resumed)
    assert code == 0, stderr
    assert snapshot(out, out.with_name("edits.comparisons.csv")) == export_case["new"]
    assert not list(tmp_path.glob("*.tmp"))


def synthetic_article(number: int, versions: int) -> Article:
    chain = []
    for v in range(versions):
        words = [WORDS[(number * 7 + v * 3 + k) % len(WORDS)] for k in range(40 + v)]
        chain.append(Version(v, f"Story {number}", (" ".join(words) + ".", f"Update {v}.")))
    return Article("synthetic", f"https://news.example.org/story-{number}", tuple(chain))


def git_output(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=False)


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.8])
def test_store_killed_at_any_moment_stays_valid_and_completes(tmp_path: Path,
                                                              delay: float) -> None:
    repo = tmp_path / "repo"
    first, full = tmp_path / "first.db", tmp_path / "full.db"
    write_database(first, [synthetic_article(n, 3) for n in range(50)])
    write_database(full, [synthetic_article(n, 12) for n in range(400)])
    assert CliRunner().invoke(main, ["store", str(first), "--repo", str(repo)]).exit_code == 0
    old_tip = git_output(repo, "rev-parse", "HEAD").stdout.strip()

    run_and_kill(["store", str(full), "--repo", str(repo), "--no-progress"],
                 lambda: True, 0.6 + delay)
    wait_for_git_writers(repo / ".git")

    assert git_output(repo, "fsck", "--full", "--strict").returncode == 0
    assert git_output(repo, "merge-base", "--is-ancestor", old_tip, "HEAD").returncode == 0
    again = CliRunner().invoke(main, ["store", str(full), "--repo", str(repo)])
    assert again.exit_code == 0, again.stderr
    assert git_output(repo, "status", "--porcelain").stdout == ""
    assert int(git_output(repo, "rev-list", "--count", "HEAD").stdout) == 400 * 12
    assert not (repo / ".git" / SYNC_MARKER_NAME).exists()


def test_store_recovers_from_a_run_killed_while_updating_files(tmp_path: Path) -> None:
    """The working-tree update is the one step git does in place: simulate a kill inside it
    (its marker, git's index lock and a half-written file) and check the next run repairs it.

    The killed run had stored `larger` and was updating the files from the index's tree (that
    of `small`) to it; the next run stores more and must not take the half-written file for the
    user's."""
    repo = tmp_path / "repo"
    small, killed, larger = tmp_path / "small.db", tmp_path / "killed.db", tmp_path / "larger.db"
    write_database(small, [synthetic_article(n, 2) for n in range(3)])
    write_database(killed, [synthetic_article(n, 3) for n in range(5)])
    write_database(larger, [synthetic_article(n, 4) for n in range(5)])
    assert CliRunner().invoke(main, ["store", str(small), "--repo", str(repo)]).exit_code == 0
    small_tip = git_output(repo, "rev-parse", "HEAD").stdout.strip()
    assert CliRunner().invoke(main, ["store", str(killed), "--repo", str(repo)]).exit_code == 0
    assert git_output(repo, "read-tree", small_tip).returncode == 0  # the index before the kill
    git_dir = repo / ".git"
    (git_dir / SYNC_MARKER_NAME).write_bytes(b"")
    (git_dir / "index.lock").write_bytes(b"half an index")
    half = repo / "news.example.org" / "story-4.txt"
    half.write_bytes(b"half a ver")
    result = CliRunner().invoke(main, ["store", str(larger), "--repo", str(repo)])
    assert result.exit_code == 0, result.stderr
    assert git_output(repo, "status", "--porcelain").stdout == ""
    assert half.read_bytes() == git_output(repo, "show", "HEAD:news.example.org/story-4.txt"
                                           ).stdout.encode()
    assert not (git_dir / "index.lock").exists() and not (git_dir / SYNC_MARKER_NAME).exists()


def test_foreign_index_lock_is_left_alone_and_reported_in_one_line(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    small = tmp_path / "small.db"
    write_database(small, [synthetic_article(n, 2) for n in range(3)])
    assert CliRunner().invoke(main, ["store", str(small), "--repo", str(repo)]).exit_code == 0
    (repo / ".git" / "index.lock").write_bytes(b"")  # another git command at work
    write_database(small, [synthetic_article(n, 3) for n in range(3)])
    head = git.Repo(repo).head.commit.hexsha
    result = CliRunner().invoke(main, ["store", str(small), "--repo", str(repo)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "index.lock" in line and "nothing was stored" in line  # refused before committing
    assert (repo / ".git" / "index.lock").exists()
    assert git.Repo(repo).head.commit.hexsha == head


def test_tui_export_replaces_the_file_whole_or_not_at_all(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The TUI's `e` export, driven by its keys: when the final rename fails the old file stays
    whole and no temporary file is left; when it works the file is the new export."""
    import asyncio

    from revdiff.formats import load
    from revdiff.tui.app import RevdiffApp

    # the name `e` offers for the text format
    target = tmp_path / "us-deploys-troops-after-soleimani-strike-v0-v1.txt"
    target.write_text("old result\n", encoding="utf-8")
    real_replace = os.replace

    def fail(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    async def export_twice() -> None:
        app = RevdiffApp(load([str(SAMPLES / "us-deploys-troops-after-soleimani-strike")])[0],
                         export_directory=tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            monkeypatch.setattr(os, "replace", fail)
            await pilot.press("e", "enter", "enter")  # text; Enter again replaces the file
            await pilot.pause()
            assert target.read_text(encoding="utf-8") == "old result\n"
            assert sorted(p.name for p in tmp_path.iterdir()) == [
                "us-deploys-troops-after-soleimani-strike-v0-v1.txt"]
            # the dialog says so and stays open, the name kept: Enter tries again
            assert "Could not write" in str(app.screen.query_one("#export-problem").render())
            monkeypatch.setattr(os, "replace", real_replace)
            await pilot.press("enter")
            await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith(
            "us-deploys-troops-after-soleimani-strike: version 0 -> 1")

    asyncio.run(export_twice())
