"""benchmarks/git_store.py refuses counts and corpora it cannot measure with, in one line."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

from revdiff.model import Article
from revdiff.store import plan as store_plan


@pytest.fixture(autouse=True)
def _crowded_folder_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The script sets the store's `CROWDED_FOLDER` from `--crowded-folder`; run in this
    process, it would leave later tests' stores spreading every file over subfolders (a full
    run's store tests failed after `--crowded-folder 0`)."""
    monkeypatch.setattr(store_plan, "CROWDED_FOLDER", store_plan.CROWDED_FOLDER)


@pytest.mark.parametrize(("arguments", "said"), [
    (["--repeats", "0"], "--repeats must be 1 or more"),
    (["--repeats", "-1"], "--repeats must be 1 or more"),
    (["--peer-repeats", "-1"], "--peer-repeats must be 0 or more"),
    (["--versions", "0"], "--versions must be 1 or more"),
    (["--crowded-folder", "-1"], "--crowded-folder must be 0 or more"),
])
def test_a_count_it_cannot_measure_with_is_refused_before_anything_runs(
        arguments: list[str], said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`--repeats 0` ended in a KeyError traceback after the peer's minutes, `--repeats -1` in
    a StatisticsError, and `--versions 0` divided by zero; `--crowded-folder -1` ran as 0 and
    said `subfolders above -1 files in a folder`."""
    chain = tmp_path / "some-article"
    chain.mkdir()
    (chain / "0.txt").write_text("One.\n")
    quick = ["--versions", "1", "--peer-repeats", "1", "--corpus", str(tmp_path)]
    monkeypatch.setattr(sys, "argv", ["git_store.py", *quick, *arguments])
    with pytest.raises(SystemExit) as ended:
        load_benchmark("git_store", monkeypatch).main()
    assert ended.value.code == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(("written", "said"), [
    ("notes.txt", "holds no article folder with versions"),
    ("story/notes.txt", "story/notes.txt is not a numbered version file"),
])
def test_a_corpus_of_no_numbered_versions_is_refused_in_one_line(
        written: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A corpus without article folders made `build_corpus` loop for ever; a file not named by a
    number (`--corpus shared/corpus`) ended in a ValueError traceback."""
    file = tmp_path / written
    file.parent.mkdir(exist_ok=True)
    file.write_text("One.\n")
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--versions", "1", "--corpus", str(tmp_path)])
    assert load_benchmark("git_store", monkeypatch).main() == 1
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1


def test_help_says_what_each_option_does(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`--versions` and `--corpus` had no help, and `--crowded-folder` said a folder holds N files
    before new ones go to subfolders, where a run whose new files would put more than N in a
    folder puts every one of them in subfolders."""
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--help"])
    monkeypatch.setenv("COLUMNS", "200")  # one line per option
    with pytest.raises(SystemExit):
        load_benchmark("git_store", monkeypatch).main()
    options = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()
               if line.startswith("  --")}
    assert "versions in the corpus" in options["--versions"]
    assert "shared/corpus/wikipedia" in options["--corpus"]
    assert "more than N" in options["--crowded-folder"]


def test_without_the_corpus_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It said `corpus not found` and exited 1, where the other benchmarks skip."""
    script = load_benchmark("git_store", monkeypatch)
    missing = tmp_path / "corpus" / "wikipedia"
    monkeypatch.setattr(script, "DEFAULT_CORPUS", missing)
    monkeypatch.setattr(sys, "argv", ["git_store.py"])
    assert script.main() == 0
    output = capsys.readouterr()
    assert (output.out, output.err) == ("", f"skipped: {missing} is not there\n")


def test_a_corpus_named_that_is_not_there_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--corpus", str(tmp_path / "nowhere")])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("git_store", monkeypatch).main()
    assert stopped.value.code == 2
    assert f"--corpus {tmp_path / 'nowhere'} is no folder" in capsys.readouterr().err


def test_the_bulk_path_and_the_peer_take_turns_round_by_round(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Every bulk run came first, then the peer's one run (by default): on a machine whose load
    changed meanwhile the ratio measured the load as much as the writing. The peer now runs
    before the second bulk run, and three times by default."""
    chain = tmp_path / "some-article"
    chain.mkdir()
    for number in range(2):
        (chain / f"{number}.txt").write_text(f"Version {number}.\n")
    script = load_benchmark("git_store", monkeypatch)
    runs: list[str] = []
    store_bulk, store_one_commit_each = script.store_bulk, script.store_one_commit_each

    def bulk(articles: list[Article], repo_dir: Path) -> int:
        runs.append("bulk")
        return store_bulk(articles, repo_dir)

    def peer(articles: list[Article], repo_dir: Path) -> int:
        runs.append("peer")
        return store_one_commit_each(articles, repo_dir)

    monkeypatch.setattr(script, "store_bulk", bulk)
    monkeypatch.setattr(script, "store_one_commit_each", peer)
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--versions", "2", "--repeats", "4",
                                      "--corpus", str(tmp_path)])
    assert script.main() == 0
    assert runs == ["bulk", "peer", "peer", "bulk", "bulk", "peer", "bulk"]
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("GitPython, one commit per version") and line.count(",") == 3
               for line in lines)


def one_folder_run(corpus: Path, monkeypatch: pytest.MonkeyPatch, *arguments: str) -> None:
    """A --one-folder run on one article of two versions, the peer left out."""
    chain = corpus / "some-article"
    chain.mkdir()
    for number in range(2):
        (chain / f"{number}.txt").write_text(f"Version {number}.\n")
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--one-folder", "--versions", "2",
                                      "--repeats", "1", "--peer-repeats", "0",
                                      "--corpus", str(corpus), *arguments])
    assert load_benchmark("git_store", monkeypatch).main() == 0


def test_one_folder_compares_no_layouts_that_are_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Below --crowded-folder files nothing goes to a subfolder, so both runs wrote the same
    files, yet it printed `subfolders / one flat folder: 1.5x faster`: the noise of two runs."""
    one_folder_run(tmp_path, monkeypatch)
    out = capsys.readouterr().out
    assert "one flat folder" in out and " faster" not in out
    assert ("subfolders / one flat folder: the same layout (no folder holds more than 1,000 "
            "files), not compared") in out


def test_one_folder_compares_layouts_that_differ(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    one_folder_run(tmp_path, monkeypatch, "--crowded-folder", "0")
    out = capsys.readouterr().out
    assert re.search(r"^subfolders / one flat folder: [\d.]+x (faster|slower)$", out,
                     re.MULTILINE), out


def test_one_folder_says_slower_where_the_subfolders_are(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The ratio of the layouts read `0.5x faster` where the subfolders took twice as long."""
    chain = tmp_path / "some-article"
    chain.mkdir()
    for number in range(2):
        (chain / f"{number}.txt").write_text(f"Version {number}.\n")
    script = load_benchmark("git_store", monkeypatch)
    time_in_turns = script.time_in_turns

    def bulk_twice_as_long(*arguments: Any) -> list[tuple[list[float], int]]:
        (_, stored), *others = time_in_turns(*arguments)
        flat_seconds = others[-1][0]
        return [([2 * flat_seconds[0]], stored), *others]

    monkeypatch.setattr(script, "time_in_turns", bulk_twice_as_long)
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--one-folder", "--crowded-folder", "0",
                                      "--versions", "2", "--repeats", "1", "--peer-repeats", "0",
                                      "--corpus", str(tmp_path)])
    assert script.main() == 0
    assert "subfolders / one flat folder: 2.0x slower" in capsys.readouterr().out


@pytest.mark.parametrize("peer_repeats", ["0", "1"])
def test_a_clock_too_coarse_for_a_run_says_so(
        peer_repeats: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A median time of 0 (a run shorter than a coarse clock's tick) ended in ZeroDivisionError
    at `stored / median`."""
    chain = tmp_path / "some-article"
    chain.mkdir()
    for number in range(2):
        (chain / f"{number}.txt").write_text(f"Version {number}.\n")
    script = load_benchmark("git_store", monkeypatch)
    monkeypatch.setattr(script, "time", SimpleNamespace(perf_counter=lambda: 100.0,
                                                        time=lambda: 100.0))
    monkeypatch.setattr(sys, "argv", ["git_store.py", "--one-folder", "--crowded-folder", "0",
                                      "--versions", "2", "--repeats", "1",
                                      "--peer-repeats", peer_repeats, "--corpus", str(tmp_path)])
    assert script.main() == 0
    out = capsys.readouterr().out
    assert "subfolders / one flat folder: not measured: both times were below the clock's " \
           "resolution" in out
    assert "median time was below the clock's resolution" in out
    assert ("bulk / peer: not measured" in out) == ("; not judged)" in out) == (peer_repeats == "1")
