"""The unified format: `diff -u`-style text, one sentence per line, with version headers."""

from __future__ import annotations

from pathlib import Path

from export_corpus import make_chain

from revdiff.export.driver import ExportJob, run_export

ROOT = Path(__file__).resolve().parents[2]


def test_headers_and_hunks(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.diff"
    run_export(ExportJob((str(samples),), out, "unified"))
    lines = out.read_text(encoding="utf-8").splitlines()
    old_headers = [line for line in lines if line.startswith("--- ")]
    new_headers = [line for line in lines if line.startswith("+++ ")]
    assert len(old_headers) == len(new_headers) == 9  # every sample pair changed something
    assert old_headers[0].endswith("iran-strikes-us-troops-in-iraq\tversion 0")
    assert new_headers[0].endswith("iran-strikes-us-troops-in-iraq\tversion 1")
    for line in lines:
        assert line[:1] in (" ", "-", "+", "@"), line
    assert sum(1 for line in lines if line.startswith("@@ -")) >= 9


def test_export_md_says_a_version_without_a_time_has_none_in_its_header(samples: Path,
                                                                       tmp_path: Path) -> None:
    # EXPORT.md gave every header as `version N (time)`; the samples' version files have no
    # time, and their headers end at the version number, with no `()`
    out = tmp_path / "all.diff"
    run_export(ExportJob((str(samples / "iran-strikes-us-troops-in-iraq"),), out, "unified"))
    assert out.read_text(encoding="utf-8").startswith(
        "--- a/iran-strikes-us-troops-in-iraq\tversion 0\n"
        "+++ b/iran-strikes-us-troops-in-iraq\tversion 1\n")
    export_md = " ".join((ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8").split())
    assert "(time)` headers, the time left out with its parentheses where the version has none," \
        in export_md


def test_unchanged_pair_writes_nothing(tmp_path: Path) -> None:
    chain = make_chain(tmp_path / "same", [["One sentence.", "Two."], ["One sentence.", "Two."],
                                           ["One sentence.", "Two, changed."]])
    out = tmp_path / "same.diff"
    run_export(ExportJob((str(chain),), out, "unified"))
    text = out.read_text(encoding="utf-8")
    assert "\tversion 0" not in text  # 0 -> 1 is identical, like diff -u on equal files
    assert "--- " in text and text.count("+++ ") == 1
    assert "-Two." in text and "+Two, changed." in text
