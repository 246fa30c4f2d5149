"""benchmarks/batch_throughput.py prints medians over rounds, not one run's figures."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmark_scripts import BENCHMARKS, load_benchmark
from held_runs import child_processes, pool_workers, session_processes, wait_for


def two_versions(chain: Path) -> None:
    """A chain of two version files, one pair to export."""
    chain.mkdir(parents=True)
    (chain / "0.txt").write_text("One.\n")
    (chain / "1.txt").write_text("One. Two.\n")


def test_each_run_is_the_median_of_its_rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("batch_throughput", monkeypatch)
    two_versions(tmp_path / "wikipedia" / "some-article")
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "dask_installed", lambda: False)
    # Rounds take turns: 1x, big on 1 worker, big on 2 workers; then the other way round; then
    # as the first.
    seconds = iter([10.0, 20.0, 10.0, 11.0, 21.0, 90.0, 11.0, 22.0, 99.0])

    def made_up_run(folders: list[str], workers: int, dask: bool, fmt: str
                    ) -> dict[str, float]:
        return {"pairs": 100.0, "articles": 1.0, "seconds": next(seconds), "driver_rss_mb": 50.0,
                "worker_rss_mb": 40.0, "cpu_seconds": 5.0}

    monkeypatch.setattr(script, "run", made_up_run)
    script.main(["--scale", "2", "--repeat", "3"])
    table = capsys.readouterr().out
    assert [line.split()[4] for line in table.splitlines() if " worker" in line[:18]] == \
        ["11.0", "21.0", "11.0"]
    assert "speed-up on 2 workers: 1.91x" in table
    assert 'no Dask case: dask is not installed (pip install ".[dask]")' in table


def test_a_dask_local_cluster_runs_beside_the_local_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The benchmark measured local processes only: what `export --dask` costs was not known."""
    script = load_benchmark("batch_throughput", monkeypatch)
    two_versions(tmp_path / "wikipedia" / "some-article")
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "dask_installed", lambda: True)
    ran: list[tuple[int, int, bool]] = []
    # 1x on 1 worker, 3x on 1 worker, 3x on 3 workers, 1x on a Dask cluster of 3
    seconds = {(1, 1, False): 10.0, (3, 1, False): 30.0, (3, 3, False): 12.0, (1, 3, True): 8.0}

    def made_up_run(folders: list[str], workers: int, dask: bool, fmt: str
                    ) -> dict[str, float]:
        ran.append((len(folders), workers, dask))
        return {"pairs": 100.0 * len(folders), "articles": 1.0,
                "seconds": seconds[len(folders), workers, dask], "driver_rss_mb": 50.0,
                "worker_rss_mb": 40.0, "cpu_seconds": 5.0}

    monkeypatch.setattr(script, "run", made_up_run)
    script.main(["--scale", "3", "--repeat", "1", "--workers", "3"])
    table = capsys.readouterr().out
    assert ran == [(1, 1, False), (3, 1, False), (3, 3, False), (1, 3, True)]
    assert [line.split()[4] for line in table.splitlines() if line.startswith("1x, Dask 3")] == \
        ["8.0"]
    assert ("speed-up on a Dask LocalCluster of 3 workers (1x, its start-up included): 1.25x; "
            "pairs/s Dask / 3 local workers: 0.50x") in table


@pytest.mark.parametrize(("arguments", "refusal"), [
    # at --scale 1 the '1x' and '1x, 1 worker' runs had one label: their figures were mixed
    (["--scale", "1"], "--scale must be 2 or more"),
    # at --repeat 0 the table took the median of no runs: a traceback (IndexError)
    (["--repeat", "0"], "--repeat must be 1 or more"),
    (["--workers", "1"], "--workers must be 2 or more"),
    (["--stories", "0"], "--stories must be 1 or more"),
])
def test_arguments_that_make_no_figure_are_refused(
        arguments: list[str], refusal: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("batch_throughput", monkeypatch)
    (tmp_path / "wikipedia" / "some-article").mkdir(parents=True)
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "run", lambda *arguments: pytest.fail("ran"))
    with pytest.raises(SystemExit) as stopped:
        script.main(arguments)
    assert stopped.value.code == 2
    assert refusal in capsys.readouterr().err


def test_without_the_corpus_it_measures_made_up_stories(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Without ../shared (a user's clone) it measured nothing: `skipped: ... is not there`."""
    script = load_benchmark("batch_throughput", monkeypatch)
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "corpus" / "wikipedia")
    monkeypatch.setattr(script, "STORIES", 3)
    monkeypatch.setattr(script, "dask_installed", lambda: False)
    versions: list[list[int]] = []

    def made_up_run(folders: list[str], workers: int, dask: bool, fmt: str
                    ) -> dict[str, float]:
        versions.append([len(list(Path(folder).glob("*.txt"))) for folder in folders])
        return {"pairs": 10.0 * len(folders), "articles": float(len(folders)), "seconds": 1.0,
                "driver_rss_mb": 50.0, "worker_rss_mb": 40.0, "cpu_seconds": 1.0}

    monkeypatch.setattr(script, "run", made_up_run)
    script.main(["--scale", "2", "--repeat", "1"])
    output = capsys.readouterr()
    assert output.err == ""
    assert output.out.startswith(f"corpus: 3 made-up stories ({tmp_path / 'corpus' / 'wikipedia'} "
                                 "is not there); format jsonl;")
    assert [len(run) for run in versions] == [3, 6, 6]  # 1x on 1 worker, 2x on 1 and 2 workers
    assert all(count >= 2 for run in versions for count in run)
    assert "speed-up on 2 workers: 1.00x" in output.out


def test_stories_are_measured_in_place_of_the_corpus(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("batch_throughput", monkeypatch)
    two_versions(tmp_path / "wikipedia" / "some-article")
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "dask_installed", lambda: False)
    names: list[str] = []

    def made_up_run(folders: list[str], workers: int, dask: bool, fmt: str
                    ) -> dict[str, float]:
        names.extend(Path(folder).name for folder in folders)
        return {"pairs": 10.0, "articles": 1.0, "seconds": 1.0, "driver_rss_mb": 50.0,
                "worker_rss_mb": 40.0, "cpu_seconds": 1.0}

    monkeypatch.setattr(script, "run", made_up_run)
    script.main(["--stories", "2", "--scale", "2", "--repeat", "1"])
    assert capsys.readouterr().out.startswith("corpus: 2 made-up stories (--stories);")
    assert sorted(set(names)) == ["story-00000", "story-00001"]


def test_the_help_of_scale_says_its_least(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`--scale` refuses 1 (`--scale must be 2 or more`), but its help did not say so."""
    monkeypatch.setenv("COLUMNS", "200")  # one line per option
    with pytest.raises(SystemExit):
        load_benchmark("batch_throughput", monkeypatch).main(["--help"])
    scale = next(line for line in capsys.readouterr().out.splitlines()
                 if line.startswith("  --scale"))
    assert "2 or more" in scale


def test_the_help_of_workers_says_its_least(monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """`--workers` refuses 1 (`--workers must be 2 or more`), but its help did not say so."""
    monkeypatch.setenv("COLUMNS", "200")  # one line per option
    with pytest.raises(SystemExit):
        load_benchmark("batch_throughput", monkeypatch).main(["--help"])
    workers = next(line for line in capsys.readouterr().out.splitlines()
                   if line.startswith("  --workers"))
    assert "2 or more" in workers


@pytest.mark.parametrize(("dask", "seconds_of"), [
    (False, {"1x, 1 worker": 0.0, "2x, 1 worker": 0.0, "2x, 2 workers": 0.0}),
    (True, {"1x, 1 worker": 10.0, "2x, 1 worker": 20.0, "2x, 2 workers": 0.0, "1x, Dask 2": 0.0}),
])
def test_a_run_timed_at_zero_is_told_not_divided(
        dask: bool, seconds_of: dict[str, float], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """pairs/s, cores used and the speed-ups divided by a run's seconds: ZeroDivisionError where
    the export's clock saw no time pass (a run shorter than its tick)."""
    script = load_benchmark("batch_throughput", monkeypatch)
    two_versions(tmp_path / "wikipedia" / "some-article")
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "dask_installed", lambda: dask)
    labels = {(1, 1, False): "1x, 1 worker", (2, 1, False): "2x, 1 worker",
              (2, 2, False): "2x, 2 workers", (1, 2, True): "1x, Dask 2"}

    def run_on_a_still_clock(folders: list[str], workers: int, dask: bool, fmt: str
                             ) -> dict[str, float]:
        return {"pairs": 100.0 * len(folders), "articles": 1.0,
                "seconds": seconds_of[labels[len(folders), workers, dask]],
                "driver_rss_mb": 50.0, "worker_rss_mb": 40.0, "cpu_seconds": 5.0}

    monkeypatch.setattr(script, "run", run_on_a_still_clock)
    script.main(["--scale", "2", "--repeat", "1"])
    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if line.startswith("2x, 2 workers"))
    assert row.split()[3:] == ["200", "0.0", "-", "5.0", "-", "50", "40"]
    assert ("- : its time was 0, below the clock's resolution: its pairs/s and cores used are "
            "not measured") in lines
    if dask:
        assert ("speed-up on 2 workers: faster beyond measure: its time was below the clock's "
                "resolution (target >= 1.7x)") in lines
        assert ("speed-up on a Dask LocalCluster of 2 workers (1x, its start-up included): faster "
                "beyond measure: its time was below the clock's resolution; pairs/s Dask / 2 "
                "local workers: not measured: both times were below the clock's resolution") in lines
    else:
        assert ("speed-up on 2 workers: not measured: both times were below the clock's "
                "resolution (target >= 1.7x)") in lines
        assert "  cores used: - of 2 by the 2-worker run; CPU time 2 workers / 1 worker: 1.00x" in lines


def test_the_runs_take_turns_round_by_round(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    """The docstring said the runs take turns, but every round ran them in the same order, so a
    load rising or falling on the machine meanwhile slowed the later ones more."""
    script = load_benchmark("batch_throughput", monkeypatch)
    two_versions(tmp_path / "wikipedia" / "some-article")
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "dask_installed", lambda: True)
    ran: list[tuple[int, int, bool]] = []

    def made_up_run(folders: list[str], workers: int, dask: bool, fmt: str
                    ) -> dict[str, float]:
        ran.append((len(folders), workers, dask))
        return {"pairs": 100.0, "articles": 1.0, "seconds": 10.0, "driver_rss_mb": 50.0,
                "worker_rss_mb": 40.0, "cpu_seconds": 5.0}

    monkeypatch.setattr(script, "run", made_up_run)
    script.main(["--scale", "2", "--repeat", "3"])
    first = [(1, 1, False), (2, 1, False), (2, 2, False), (1, 2, True)]
    assert ran == [*first, *first[::-1], *first]


def test_a_corpus_without_a_pair_of_versions_is_refused_before_timing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Chains of one version each export no pair: the speed-ups divided by the pairs, a
    ZeroDivisionError after every run."""
    script = load_benchmark("batch_throughput", monkeypatch)
    chain = tmp_path / "wikipedia" / "some-article"
    chain.mkdir(parents=True)
    (chain / "0.txt").write_text("One.\n")
    monkeypatch.setattr(script, "WIKIPEDIA", tmp_path / "wikipedia")
    monkeypatch.setattr(script, "run", lambda *arguments: pytest.fail("ran"))
    with pytest.raises(SystemExit) as stopped:
        script.main(["--scale", "2", "--repeat", "1"])
    assert stopped.value.code == 1
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err == (f"{tmp_path / 'wikipedia'}: no chain holds two versions (<k>.txt), so "
                          "there is no pair to export; give it chains of two versions or more\n")


def _default_stops() -> None:
    """Ctrl-C and SIGTERM as a shell's foreground job has them, whatever the tests run with."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@pytest.mark.parametrize(("stop", "exit_code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_benchmark_ends_its_export_and_the_exports_workers(
        stop: signal.Signals, exit_code: int, tmp_path: Path) -> None:
    """SIGTERM sent to the benchmark as its 2-worker export ran ended the benchmark alone, and
    left the export running on with its workers; Ctrl-C killed the export (SIGKILL) without its
    workers, and ended in a traceback. The export is stopped as Ctrl-C stops it and ends before
    the benchmark does, which says so in one line and exits 130 or 143."""
    script = subprocess.Popen(
        [sys.executable, str(BENCHMARKS / "batch_throughput.py"), "--stories", "10",
         "--scale", "2", "--repeat", "1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path,
        start_new_session=True, preexec_fn=_default_stops)  # noqa: PLW1509 - tests start no threads
    try:
        wait_for(lambda: any(pool_workers(run) for run in child_processes(script.pid)), script,
                 named="the benchmark's 2-worker export")
        export = next(run for run in child_processes(script.pid) if pool_workers(run))
        script.send_signal(stop)
        _, errors = script.communicate(timeout=120)
        assert export not in session_processes(script.pid), "the export outlived the benchmark"
        # the pool's processes end a moment after the export that ends them: poll, to a deadline
        deadline = time.monotonic() + 60
        while session_processes(script.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert session_processes(script.pid) == []
        reason = "interrupted" if stop == signal.SIGINT else "stopped by SIGTERM"
        assert (script.returncode, errors.decode()) == (exit_code, (
            f"batch_throughput: {reason}; the export being timed was ended with its workers, and "
            "no table is printed\n"))
    finally:
        for left in session_processes(script.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(left, signal.SIGKILL)
        if script.poll() is None:
            script.kill()
            script.communicate()
