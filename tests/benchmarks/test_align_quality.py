"""benchmarks/align_quality.py reads ../shared's gold alignments, and says so where they are not."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from benchmark_scripts import load_benchmark


def test_without_the_gold_file_it_says_so_and_measures_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It said `gold file not found` and exited 2, where the other benchmarks skip."""
    script = load_benchmark("align_quality", monkeypatch)
    missing = tmp_path / "corpus" / "align" / "argrewrite-dev.jsonl"
    monkeypatch.setattr(script, "DEFAULT_GOLD", missing)
    assert script.main([]) == 0
    output = capsys.readouterr()
    assert (output.out, output.err) == ("", f"skipped: {missing} is not there\n")


def test_a_gold_file_named_that_is_not_there_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("align_quality", monkeypatch).main(["--gold", str(tmp_path / "gold.jsonl")])
    assert stopped.value.code == 2
    assert f"--gold {tmp_path / 'gold.jsonl'} is no file" in capsys.readouterr().err


def test_revdiff_s_moves_against_a_gold_without_any_are_counted_and_left_out_in_a_line_of_their_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A sentence moved unchanged from the start to the end: the gold, which holds no crossing
    links, has it deleted and added, so revdiff's move is a false link (P 0.750) and difflib's
    deletion and addition are right. Nothing in the output said that the moves cost revdiff its
    precision; a line counts them and the next scores both methods without their sentences."""
    old = ["Alpha is first here.", "Bravo comes second.", "Charlie is third.", "Delta ends it all."]
    new = old[1:] + old[:1]
    links = [[[0], []], [[1], [0]], [[2], [1]], [[3], [2]], [[], [3]]]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "e_12", "essay": "e", "old": old, "new": new, "links": links}) + "\n",
                    encoding="utf-8")
    assert load_benchmark("align_quality", monkeypatch).main(["--gold", str(gold)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("revdiff ") and line.split()[1:4] == ["0.750", "1.000", "0.857"]
               for line in lines)
    assert ("revdiff reports 1 moved links (1 of identical sentences, 0 joining sentences a gold link "
            "joins); the gold holds 0 crossing pairs of links") in lines
    assert ("with the sentences of revdiff's moves left out of gold and links: "
            "revdiff P 1.000 R 1.000 F1 1.000, difflib (ndiff) P 1.000 R 1.000 F1 1.000") in lines


def test_the_methods_take_turns_pair_by_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """revdiff aligned every pair, then difflib did, and so on: on a machine whose load changed
    meanwhile the `ms/pair` column measured the load as much as the methods. difflib now aligns
    the first pair before revdiff aligns the second, and the order turns pair by pair."""
    script = load_benchmark("align_quality", monkeypatch)
    essay = next(name for name in "abcdefgh" if not script.is_held_out(name))
    old = ["Alpha is first here.", "Bravo comes second."]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": f"{essay}_{k}", "essay": essay, "old": old,
                                        "new": [*old[:1], f"Bravo comes {k}."],
                                        "links": [[[0], [0]], [[1], [1]]]}) + "\n"
                            for k in range(3)), encoding="utf-8")
    runs: list[tuple[str, str]] = []
    revdiff_pairs, difflib_pairs = script.revdiff_pairs, script.difflib_pairs

    def recorded(name: str, aligner: Callable[[Sequence[str], Sequence[str]], set[tuple[int, int]]]
                 ) -> Callable[[Sequence[str], Sequence[str]], set[tuple[int, int]]]:
        def align(old: Sequence[str], new: Sequence[str]) -> set[tuple[int, int]]:
            runs.append((name, new[1]))
            return aligner(old, new)
        return align

    monkeypatch.setattr(script, "revdiff_pairs", recorded("revdiff", revdiff_pairs))
    monkeypatch.setattr(script, "difflib_pairs", recorded("difflib", difflib_pairs))
    assert script.main(["--gold", str(gold), "--tuning-only"]) == 0
    assert runs[:6] == [("revdiff", "Bravo comes 0."), ("difflib", "Bravo comes 0."),
                        ("difflib", "Bravo comes 1."), ("revdiff", "Bravo comes 1."),
                        ("revdiff", "Bravo comes 2."), ("difflib", "Bravo comes 2.")]
    assert any(line.startswith("difflib (ndiff) ") for line in capsys.readouterr().out.splitlines())


def test_each_method_is_timed_with_the_engine_s_caches_empty(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """revdiff and its threshold variants of --sweep share the engine's caches: whichever aligned
    a pair second found the sentences' word forms and keys the first had kept, and its `ms/pair`
    timed the caches."""
    script = load_benchmark("align_quality", monkeypatch)
    timing = load_benchmark("timing", monkeypatch)
    kept_when_called: list[int] = []

    def counting(old: Sequence[str], new: Sequence[str]) -> set[tuple[int, int]]:
        kept_when_called.append(sum(cache.cache_info().currsize for cache in timing.engine_caches()))
        return script.revdiff_pairs(old, new)

    old = ["The council met on Tuesday.", "It agreed on a budget of $5 million, officials said."]
    new = ["The council met again on Tuesday.", "It agreed on a budget of $6 million, officials said."]
    items = [{"old": old, "new": new, "links": [[[0], [0]], [[1], [1]]]}] * 2
    script.evaluate(items, [script.revdiff_pairs, counting])
    assert kept_when_called == [0, 0]


@pytest.mark.parametrize(("text", "what"), [
    ("not json\n", "line 1 is no JSON object"),
    ('{"id": "a", "essay": "e", "old": ["One."], "new": ["One."], "links": [[[0], [0]]]}\n[1]\n',
     "line 2 is no JSON object"),
    ('{"a": 1}\n', "line 1 has no 'id'"),
    ('{"id": "a", "essay": "e", "old": "One.", "new": ["One."], "links": []}\n',
     "line 1's 'old' is no list of sentences"),
    ('{"id": "a", "essay": "e", "old": ["One."], "new": ["One."], "links": [[[0], [3]]]}\n',
     "line 1's 'links' are not pairs of lists of the sentences' indexes"),
    ("\n", "holds no draft pair"),
    ("\udcff\n", "is not UTF-8 text"),
])
def test_a_gold_file_that_is_no_gold_is_refused_in_one_line(
        text: str, what: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A line that is not a draft pair stopped in a JSONDecodeError or KeyError traceback; a file
    of none printed tables of zeros."""
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("align_quality", monkeypatch).main(["--gold", str(gold)])
    assert stopped.value.code == 2
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err.splitlines()[-1].endswith(
        f" error: --gold {gold}: {what}; give a JSONL file of draft pairs, one "
        "object a line with 'id', 'essay', 'old', 'new' and 'links', as "
        "../shared/corpus/align/argrewrite-dev.jsonl holds them")


def test_the_time_per_pair_is_the_median_of_the_pairs(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`ms/pair` was the mean over all pairs, so one pair that took long (or one the machine
    slowed) set the figure, where the other benchmarks print medians."""
    script = load_benchmark("align_quality", monkeypatch)
    now = [0.0]
    monkeypatch.setattr(script, "time", SimpleNamespace(perf_counter=lambda: now[0]))
    durations = iter([0.001, 0.001, 0.010])

    def aligner_of_known_times(old: Sequence[str], new: Sequence[str]) -> set[tuple[int, int]]:
        now[0] += next(durations)
        return {(0, 0)}

    items = [{"id": f"e_{k}", "essay": "e", "old": ["Alpha is first."],
              "new": [f"Alpha is {k}."], "links": [[[0], [0]]]} for k in range(3)]
    script.print_table("essays", items, [("made up", aligner_of_known_times)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].endswith("median ms/pair")
    assert lines[4].startswith("made up ")
    assert lines[4].split()[-1] == "1.00"  # of 1, 1 and 10 ms: the mean was 4.00


def test_the_figures_docs_commands_gives_are_what_the_benchmark_measures(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/COMMANDS.md's table of revdiff's and difflib's links against the held-out essays'
    gold, and README's F1, are this aligner's: a change to the aligner shows here until the
    figures are measured again."""
    script = load_benchmark("align_quality", monkeypatch)
    if not script.DEFAULT_GOLD.is_file():
        pytest.skip(f"needs the gold alignments, {script.DEFAULT_GOLD}, which are not there")
    parser = script.argparse.ArgumentParser()
    held_out = [item for item in script.read_gold(parser, script.DEFAULT_GOLD)
                if script.is_held_out(item["essay"])]
    measured = script.evaluate(held_out, [script.revdiff_pairs, script.difflib_pairs])

    def cells(scores: tuple[object, object, float]) -> str:
        return " | ".join(f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f}"  # type: ignore[attr-defined]
                          for score in scores[:2])

    root = Path(__file__).resolve().parents[2]
    commands = (root / "docs" / "COMMANDS.md").read_text(encoding="utf-8")
    assert f"| revdiff | {cells(measured[0])} |" in commands
    assert f"| | difflib (`ndiff`) | {cells(measured[1])} |" in commands
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert (f"at F1 {measured[0][0].f1:.3f} on the held-out essays (difflib "  # type: ignore[attr-defined]
            f"{measured[1][0].f1:.3f};") in " ".join(readme.split())
