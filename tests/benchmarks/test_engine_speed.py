"""benchmarks/engine_speed.py times its peer as often as revdiff in the growth table."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark

from revdiff.model import Version


def test_the_growth_table_peer_is_a_median_of_as_many_rounds(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    script = load_benchmark("engine_speed", monkeypatch)
    peer_runs: list[tuple[Version, Version]] = []
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: peer_runs.append((old, new)))
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=3)
    assert len(peer_runs) == 3 * len(script.GROWTH_FACTORS)
    assert "medians of 3 rounds" in capsys.readouterr().out


def test_no_rounds_are_refused(monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("engine_speed", monkeypatch).main(["--growth-only", "--repeat", "0"])
    assert stopped.value.code == 2
    assert "--repeat must be 1 or more" in capsys.readouterr().err


def test_without_the_corpus_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It said `corpus not found` and exited 2, where the other benchmarks skip."""
    script = load_benchmark("engine_speed", monkeypatch)
    missing = tmp_path / "corpus" / "wikipedia"
    monkeypatch.setattr(script, "DEFAULT_CORPUS", missing)
    assert script.main([]) == 0
    output = capsys.readouterr()
    assert (output.out, output.err) == ("", f"skipped: {missing} is not there\n")


def test_a_corpus_named_that_is_not_there_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("engine_speed", monkeypatch).main(["--corpus", str(tmp_path / "nowhere")])
    assert stopped.value.code == 2
    assert f"--corpus {tmp_path / 'nowhere'} is no folder" in capsys.readouterr().err


def test_whole_chains_and_their_afresh_peer_take_turns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The chains in order were timed in all their rounds before the afresh peer in all of its,
    so a load rising or falling meanwhile skewed their ratio."""
    script = load_benchmark("engine_speed", monkeypatch)
    sentences = tuple(f"The council met on day {k}." for k in range(60))
    chain = [Version(0, "a", sentences), Version(1, "a", (*sentences, "It adjourned."))]
    monkeypatch.setattr(script, "version_chains", lambda corpus: [chain])
    monkeypatch.setattr(script, "growth", lambda *arguments: None)
    timed: list[str] = []
    monkeypatch.setattr(script, "compare_chains",
                        lambda chains, each: timed.append(each.__name__))
    assert script.main(["--corpus", str(tmp_path)]) == 0
    assert timed == ["compare", "compare_afresh", "compare_afresh", "compare", "compare",
                     "compare_afresh"]
    assert "whole chains, 1 pairs in order" in capsys.readouterr().out


def test_revdiff_and_its_peer_take_turns_on_each_pair(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The per-pair table timed revdiff on every pair of a group before its peer on any, so a
    load rising or falling meanwhile skewed their ratio."""
    script = load_benchmark("engine_speed", monkeypatch)
    sentences = tuple(f"The council met on day {k}." for k in range(60))
    chain = [Version(0, "a", sentences), Version(1, "a", (*sentences, "It adjourned."))]
    monkeypatch.setattr(script, "version_chains", lambda corpus: [chain])
    monkeypatch.setattr(script, "growth", lambda *arguments: None)
    monkeypatch.setattr(script, "compare_chains", lambda chains, each: None)
    timed: list[str] = []
    monkeypatch.setattr(script, "compare_afresh", lambda old, new: timed.append("revdiff"))
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: timed.append("dmp"))
    assert script.main(["--corpus", str(tmp_path)]) == 0
    assert timed == ["revdiff", "dmp", "dmp", "revdiff", "revdiff", "dmp"] * 2  # two groups of one pair
    assert "about 60 sentences            1" in capsys.readouterr().out


def test_a_corpus_without_pairs_of_about_60_sentences_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It ended in a StatisticsError traceback (the median of no pairs)."""
    script = load_benchmark("engine_speed", monkeypatch)
    chain = [Version(0, "a", ("The council met.",)), Version(1, "a", ("The council met again.",))]
    monkeypatch.setattr(script, "version_chains", lambda corpus: [chain])
    monkeypatch.setattr(script, "growth", lambda *arguments: None)
    assert script.main(["--corpus", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert f"about 60 sentences            0  no such pair in {tmp_path}: nothing to time" in lines
    assert any(line.startswith("every 4th pair, any size      1 ") for line in lines)


def test_the_growth_table_says_how_often_the_peer_ran_into_its_time_limit(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """diff-match-patch gives up at its time limit (1 s) and returns a coarser diff; at 4N and
    16N sentences its `dmp ms` was that limit, about 1000 ms at every size, and nothing said so."""
    script = load_benchmark("engine_speed", monkeypatch)
    monkeypatch.setattr(script, "DMP_TIME_LIMIT", 1e-9)
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=3)
    assert ("diff-match-patch took its time limit (1e-09 s of wall time), after which it gives up "
            "and returns a coarser diff, or longer in 9 of 9 runs") in capsys.readouterr().out


def test_the_per_pair_table_is_timed_in_cpu_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It was timed in wall time, in 1 to 3 rounds a pair: at a load of 6 on two cores the same
    work took from one to three times as long. A CPU clock that ticks once a reading makes every
    run one second, and the header says it is CPU time."""
    script = load_benchmark("engine_speed", monkeypatch)
    sentences = tuple(f"The council met on day {k}." for k in range(60))
    chain = [Version(0, "a", sentences), Version(1, "a", (*sentences, "It adjourned."))]
    monkeypatch.setattr(script, "version_chains", lambda corpus: [chain])
    monkeypatch.setattr(script, "growth", lambda *arguments: None)
    monkeypatch.setattr(script, "compare_chains", lambda chains, each: None)
    monkeypatch.setattr(script, "compare_afresh", lambda old, new: None)
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: None)
    ticks = iter(range(10**6))
    monkeypatch.setattr(script.time, "process_time", lambda: float(next(ticks)))
    assert script.main(["--corpus", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "revdiff cpu ms" in next(line for line in lines if line.startswith("pairs "))
    row = next(line for line in lines if line.startswith("about 60 sentences"))
    assert row.split()[3:] == ["1", "1000.00", "1000.00", "1.0x", "faster"]


def test_the_growth_table_is_timed_in_cpu_time(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """revdiff's column and its ratios came in wall time and CPU time, the peer's in wall time
    only, so the two were compared in a time that other processes inflate. A CPU clock that ticks
    once a reading makes every run one second."""
    script = load_benchmark("engine_speed", monkeypatch)
    monkeypatch.setattr(script, "compare_afresh", lambda old, new: None)
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: None)
    ticks = iter(range(10**6))
    monkeypatch.setattr(script.time, "process_time", lambda: float(next(ticks)))
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=3)
    lines = capsys.readouterr().out.splitlines()
    assert "medians of 3 rounds in CPU time" in lines[1]
    assert lines[2].split() == ["target", "sentences", "cpu", "ms", "dmp", "cpu", "ms", "cpu", "ratio"]
    assert [line.split()[2:] for line in lines[3:6]] == [
        ["1000.0", "1000.0"], ["1000.0", "1000.0", "1.00"], ["1000.0", "1000.0", "1.00"]]


def test_whole_chains_are_timed_in_cpu_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """In wall time, on a machine with a load of 6 on two cores, the same run of the chains in
    order took from 9 to 29 s, and comparing in order looked slower than afresh (medians of 5
    rounds in turns, 19.22 s against 16.83 s, ratio 1.14), where it splits each version once and
    took less CPU time (6.20 s against 6.44 s, 0.96). A CPU clock that ticks once a reading makes
    every run one second, and the line says so."""
    script = load_benchmark("engine_speed", monkeypatch)
    sentences = tuple(f"The council met on day {k}." for k in range(60))
    chain = [Version(0, "a", sentences), Version(1, "a", (*sentences, "It adjourned."))]
    monkeypatch.setattr(script, "version_chains", lambda corpus: [chain])
    monkeypatch.setattr(script, "growth", lambda *arguments: None)
    ticks = iter(range(10**6))
    monkeypatch.setattr(script.time, "process_time", lambda: float(next(ticks)))
    assert script.main(["--corpus", str(tmp_path)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("whole chains"))
    assert line.startswith("whole chains, 1 pairs in order: 1.00 s of CPU; each pair afresh: 1.00 s")
    assert line.endswith("in order against afresh: 1.0x faster")


def test_the_growth_table_times_revdiff_and_its_peer_in_turns(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """revdiff ran before diff-match-patch at every size in every round, so a load rising or
    falling on the machine meanwhile skewed their columns; the rounds take turns (A B, B A) as
    the other tables' do, each round over every size."""
    script = load_benchmark("engine_speed", monkeypatch)
    timed: list[tuple[str, int]] = []
    monkeypatch.setattr(script, "compare_afresh",
                        lambda old, new: timed.append(("revdiff", len(old.paragraphs))))
    monkeypatch.setattr(script, "whole_text_dmp",
                        lambda old, new: timed.append(("dmp", len(old.paragraphs))))
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=2)
    first, second = timed[:6], timed[6:]
    assert [name for name, _ in first] == ["revdiff", "dmp"] * 3
    assert second == first[::-1]
    assert [size for _, size in first[::2]] == sorted({size for _, size in first})


def test_a_per_pair_median_of_no_time_gives_no_ratio(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A clock too coarse to see a run (Windows' process_time ticks every 15.6 ms) gave medians
    of 0 and a ZeroDivisionError traceback in place of the tables; then a `-` of its own, where
    timing.faster_or_slower says so in words for every benchmark."""
    script = load_benchmark("engine_speed", monkeypatch)
    sentences = tuple(f"The council met on day {k}." for k in range(60))
    chain = [Version(0, "a", sentences), Version(1, "a", (*sentences, "It adjourned."))]
    monkeypatch.setattr(script, "version_chains", lambda corpus: [chain])
    monkeypatch.setattr(script, "growth", lambda *arguments: None)
    monkeypatch.setattr(script, "compare_chains", lambda chains, each: None)
    monkeypatch.setattr(script.time, "process_time", lambda: 0.0)
    assert script.main(["--corpus", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if line.startswith("about 60 sentences"))
    unmeasured = "not measured: both times were below the clock's resolution"
    assert row.endswith(f"0.00  {unmeasured}")
    assert next(line for line in lines if line.startswith("whole chains")).endswith(
        f"in order against afresh: {unmeasured}")


def test_a_growth_from_a_time_of_zero_is_told_not_left_blank(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Where the time of the size before was 0 (a run shorter than the clock's tick), the growth
    column was left blank, as on the first size, which has nothing to grow from."""
    script = load_benchmark("engine_speed", monkeypatch)
    monkeypatch.setattr(script.time, "process_time", lambda: 0.0)
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=1)
    lines = capsys.readouterr().out.splitlines()
    assert lines[3].split() == ["1", "1", "0.0", "0.0"]
    for line in lines[4:6]:
        assert line.endswith(" not compared: the time of the size before was below the clock's "
                             "resolution")


def test_the_growth_target_covers_both_ratios_and_marks_each_one_missing_it(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The docstring holds time(16N)/time(4N) to the target of 5 as well, but the table's last
    line named time(4N)/time(N) alone, and no row said whether its ratio met it."""
    script = load_benchmark("engine_speed", monkeypatch)
    clock = [0.0]
    cost = {1: 1.0, 4: 6.0, 16: 24.0}  # seconds by sentences: ratios 6 (misses) and 4 (meets)

    def compared(old: Version, new: Version) -> None:
        clock[0] += cost[len(old.paragraphs)]

    monkeypatch.setattr(script, "compare_afresh", compared)
    monkeypatch.setattr(script, "whole_text_dmp", lambda old, new: None)
    monkeypatch.setattr(script.time, "process_time", lambda: clock[0])
    pairs = [(Version(0, "a", (f"The council met on day {k}.",)),
              Version(1, "a", (f"The council met again on day {k}.",))) for k in range(20)]
    script.growth(pairs, base=1, repeat=1)
    lines = capsys.readouterr().out.splitlines()
    assert lines[4].split()[2:] == ["6000.0", "0.0", "6.00", "misses"]
    assert lines[5].split()[2:] == ["24000.0", "0.0", "4.00"]
    assert lines[-1] == "target: time(4N)/time(N) and time(16N)/time(4N) <= 5 (misses: above it)"
