"""A benchmark refuses a count of runs below 1 in one line, before it runs anything."""

from __future__ import annotations

import sys

import pytest
from benchmark_scripts import load_benchmark


@pytest.mark.parametrize(("script", "option"), [
    ("engine_scale", "--repeat"),
    ("git_read", "--repeats"),
    ("startup", "--rounds"),
    ("newsedits_read", "--rounds"),
    ("snapshot_extraction", "--repeat"),
    ("tui_latency", "--repeat"),
])
@pytest.mark.parametrize("count", ["0", "-1"])
def test_no_runs_are_refused(script: str, option: str, count: str,
                             monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """Each ended in a traceback (`StatisticsError: no median for empty data`, or an IndexError),
    most after generating their input."""
    monkeypatch.setattr(sys, "argv", [f"{script}.py", option, count])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark(script, monkeypatch).main()
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert f"{option} must be 1 or more" in error
    assert "Traceback" not in error


@pytest.mark.parametrize(("arguments", "said"), [
    (["--kinds", "other"],
     "'other' is no kind (varied, repeated, deleted, added) or method (revdiff, difflib)"),
    (["--methods", "revdiff,dmp"], "'dmp' is no kind"),
])
def test_engine_scale_refuses_a_kind_or_method_it_has_not(
        arguments: list[str], said: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown kind ended in a CalledProcessError traceback (the child's KeyError), an
    unknown method was timed as difflib under its name."""
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("engine_scale", monkeypatch).main(["--sizes", "0.01", *arguments])
    assert stopped.value.code == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize("methods", ["revdiff,revdiff", "difflib,difflib"])
def test_engine_scale_refuses_a_method_named_twice(
        methods: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--methods revdiff,revdiff` ran the method twice a round, took the median of both, and
    set it against itself: a peer line of `1.00` that measured nothing."""
    script = load_benchmark("engine_scale", monkeypatch)
    monkeypatch.setattr(script, "measure", lambda *arguments: pytest.fail("measured"))
    with pytest.raises(SystemExit) as stopped:
        script.main(["--sizes", "0.01", "--repeat", "1", "--methods", methods])
    assert stopped.value.code == 2
    method = methods.split(",")[0]
    assert f"--methods names {method!r} twice" in capsys.readouterr().err


@pytest.mark.parametrize("kinds", ["varied,varied", "added,repeated,added"])
def test_engine_scale_refuses_a_kind_named_twice(
        kinds: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`--kinds varied,varied` measured the varied article twice over and printed its table twice."""
    script = load_benchmark("engine_scale", monkeypatch)
    monkeypatch.setattr(script, "measure", lambda *arguments: pytest.fail("measured"))
    with pytest.raises(SystemExit) as stopped:
        script.main(["--sizes", "0.01", "--repeat", "1", "--kinds", kinds])
    assert stopped.value.code == 2
    kind = "varied" if kinds.startswith("varied") else "added"
    assert f"--kinds names {kind!r} twice" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["0", "1"])
def test_long_article_memory_refuses_a_blog_without_a_pair(
        count: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """It ended in a CalledProcessError traceback: the child could not read or export the blog."""
    monkeypatch.setattr(sys, "argv", ["long_article_memory.py", "--versions", "100", count])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark("long_article_memory", monkeypatch).main()
    assert stopped.value.code == 2
    assert "--versions must be 2 or more" in capsys.readouterr().err


@pytest.mark.parametrize("sizes", ["0", "-1", "1,0", "nan", "inf", "one", ""])
def test_engine_scale_refuses_a_size_that_is_no_size(
        sizes: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A size of 0 was measured and the growth told `against 0 MB`; one that is no number ended
    in a ValueError traceback."""
    script = load_benchmark("engine_scale", monkeypatch)
    monkeypatch.setattr(script, "measure", lambda *arguments: pytest.fail("measured"))
    with pytest.raises(SystemExit) as stopped:
        script.main(["--sizes", sizes, "--repeat", "1"])
    assert stopped.value.code == 2
    assert f"--sizes {sizes!r} is not a list of sizes in MB above 0" in capsys.readouterr().err


@pytest.mark.parametrize(("script", "arguments", "said"), [
    ("html_page_size", ["--versions", "50", "1"],
     "--versions must be 2 or more: a blog of fewer has no pair to compare"),
    ("html_page_size", ["--versions", "0"], "--versions must be 2 or more"),
    ("split_pairs", ["--chains", "0"], "--chains must be 1 or more"),
])
def test_no_input_to_measure_is_refused(script: str, arguments: list[str], said: str,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """html_page_size printed a row of 0.0x for a blog of fewer than two versions (no pair, so
    no table to unfold), after its larger blogs; split_pairs printed nothing at all and exited 0."""
    monkeypatch.setattr(sys, "argv", [f"{script}.py", *arguments])
    with pytest.raises(SystemExit) as stopped:
        load_benchmark(script, monkeypatch).main()
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert said in error
    assert "Traceback" not in error
