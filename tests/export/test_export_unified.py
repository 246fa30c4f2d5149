"""The unified format: `diff -u`-style text, one sentence per line, with version headers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner
from export_corpus import make_chain

from revdiff.cli import main
from revdiff.export.driver import ExportJob, run_export
from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database

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
        assert line[:1] in (" ", "-", "+", "@") or line.startswith("article "), line
    # a line naming each article and the versions before each patch's headers
    named = [line for line in lines if line.startswith("article ")]
    assert len(named) == 9 and named[0] == "article iran-strikes-us-troops-in-iraq: version 0 -> 1"
    assert sum(1 for line in lines if line.startswith("@@ -")) >= 9


def test_export_md_says_a_version_without_a_time_has_none_in_its_header(samples: Path,
                                                                       tmp_path: Path) -> None:
    # EXPORT.md gave every header as `version N (time)`; the samples' version files have no
    # time, and their headers end at the version number, with no `()`
    out = tmp_path / "all.diff"
    run_export(ExportJob((str(samples / "iran-strikes-us-troops-in-iraq"),), out, "unified"))
    assert out.read_text(encoding="utf-8").startswith(
        "article iran-strikes-us-troops-in-iraq: version 0 -> 1\n"
        "--- a/000000-iran-strikes-us-troops-in-iraq\tversion 0\n"
        "+++ b/000000-iran-strikes-us-troops-in-iraq\tversion 1\n")
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


def test_articles_of_one_slug_patch_two_files(tmp_path: Path) -> None:
    """Two articles whose URLs differ only by `www.` have one slug: their patches in one
    `all.diff` (and in one `revdiff diff --format unified`) both named `a/example-com-story`, and
    applying the file applied both to that one file. Each names a file of its own, numbered as
    the HTML report numbers its pages."""
    database = tmp_path / "news.db"
    first = (Version(0, "Story", ("It rained.",)), Version(1, "Story", ("It rained hard.",)))
    second = (Version(0, "Story", ("It snowed.",)), Version(1, "Story", ("It snowed all day.",)))
    write_database(database, [Article(None, "https://www.example.com/story", first, 2),
                              Article(None, "http://example.com/story", second, 2)])
    out = tmp_path / "all.diff"
    run_export(ExportJob((str(database),), out, "unified"))
    printed = CliRunner().invoke(main, ["diff", "--format", "unified", str(database)])
    assert printed.exit_code == 0, printed.stderr
    for diff in (out.read_text(encoding="utf-8"), printed.stdout):
        files = [line[6:].split("\t")[0] for line in diff.splitlines() if line.startswith("--- a/")]
        assert files == ["000000-example-com-story", "000001-example-com-story"]
        folder = tmp_path / "work"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        (folder / files[0]).write_text("It rained.\n", encoding="utf-8")
        (folder / files[1]).write_text("It snowed.\n", encoding="utf-8")
        (tmp_path / "change.diff").write_text(diff, encoding="utf-8")
        result = subprocess.run(["git", "apply", "../change.diff"], cwd=folder,
                                capture_output=True, text=True, check=False,
                                env={"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path),
                                     "PATH": "/usr/bin:/bin"})
        assert result.returncode == 0, result.stderr + diff
        assert [(folder / name).read_text(encoding="utf-8") for name in files] == [
            "It rained hard.\n", "It snowed all day.\n"]
