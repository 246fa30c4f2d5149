"""One rule for an input with a single version: nothing to compare.

`diff` and `view` stop with one error line and exit 2; `parse` and `store` read it as it is;
`export` skips such an article, says so, and exports the others.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from cli_run import CHAIN, SEED_PAGE, VERSION_PAGE, revdiff

from revdiff.model import Version
from revdiff.render.snapshot import SITES, render_page

FIRST = (CHAIN / "0.txt").read_text(encoding="utf-8")
SECOND = (CHAIN / "1.txt").read_text(encoding="utf-8")


def single_version_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str | None]]:
    """(arguments, standard input) that hold one version, in each way a user can give it."""
    alone = tmp_path / "alone.txt"
    alone.write_text(FIRST, encoding="utf-8")
    folder = tmp_path / "one-version"
    folder.mkdir()
    (folder / "0.txt").write_text(FIRST, encoding="utf-8")
    return {
        "two files piped into -": (["-"], FIRST + "\n" + SECOND),
        "a News Sniffer version page": ([str(VERSION_PAGE)], None),
        "one plain file": ([str(alone)], None),
        "a folder with one version": ([str(folder)], None),
    }


WAYS = ["two files piped into -", "a News Sniffer version page", "one plain file",
        "a folder with one version"]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("command", [["diff"], ["view", "--plain"], ["view"], []])
def test_diff_and_view_say_there_is_nothing_to_compare(command: list[str], way: str,
                                                       tmp_path: Path) -> None:
    args, stdin = single_version_inputs(tmp_path)[way]
    result = revdiff(*command, *args, stdin=stdin)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {args[0]}: only one version, nothing to compare")


@pytest.mark.parametrize("way", WAYS)
def test_parse_and_store_read_a_single_version(way: str, tmp_path: Path) -> None:
    args, stdin = single_version_inputs(tmp_path)[way]
    parsed = revdiff("parse", *args, "--format", "text", stdin=stdin)
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stdout.count("  version ") == 1
    stored = revdiff("store", *args, "--repo", str(tmp_path / "repo"), stdin=stdin)
    assert stored.returncode == 0, stored.stderr
    assert "1 version stored" in stored.stdout


def test_export_skips_and_reports_an_article_with_one_version(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a-one-version").mkdir(parents=True)
    (corpus / "a-one-version" / "0.txt").write_text(FIRST, encoding="utf-8")
    (corpus / "b-two-versions").mkdir()
    (corpus / "b-two-versions" / "0.txt").write_text(FIRST, encoding="utf-8")
    (corpus / "b-two-versions" / "1.txt").write_text(SECOND, encoding="utf-8")
    out = tmp_path / "out.csv"
    result = revdiff("export", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.stderr
    skipped = [line for line in result.stderr.splitlines() if "nothing to compare" in line]
    expected = f"revdiff: skipped {corpus / 'a-one-version'}: only one version, nothing to compare"
    assert skipped == [expected]
    with open(tmp_path / "out.comparisons.csv", encoding="utf-8", newline="") as handle:
        pairs = list(csv.DictReader(handle))
    assert len(pairs) == 1 and pairs[0]["article_index"] == "0"


def test_diff_leaves_out_a_single_version_article_beside_others() -> None:
    result = revdiff("diff", str(VERSION_PAGE), str(SEED_PAGE), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "version 6 -> 7" in result.stdout
    loud = revdiff("diff", str(VERSION_PAGE), str(SEED_PAGE))
    left_out = [line for line in loud.stderr.splitlines() if "nothing to compare" in line]
    assert len(left_out) == 1 and left_out[0].endswith("only one version, nothing to compare; "
                                                        "left out")


def test_the_article_left_out_of_a_repository_is_named(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=a", "-c", "user.email=a@b"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "story.txt").write_text(FIRST, encoding="utf-8")
    (repo / "lone.txt").write_text(FIRST, encoding="utf-8")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    (repo / "story.txt").write_text(SECOND, encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "second"], check=True)
    result = revdiff("diff", str(repo))
    assert result.returncode == 0, result.stderr
    assert "revdiff: warning: lone.txt: only one version, nothing to compare; left out" in result.stderr


@pytest.mark.parametrize("command", ["parse", "diff"])
def test_a_folder_of_one_version_and_an_empty_file_is_one_error_line(command: str,
                                                                     tmp_path: Path) -> None:
    """A folder whose second capture is empty: `parse` read one version, with a warning, and
    `diff` warned that the file was left out, then said only that one version was left, with
    the hint to give two or more versions (two were given)."""
    (tmp_path / "1.txt").write_text("Hello.\n")
    (tmp_path / "2.txt").write_text("")
    result = revdiff(command, str(tmp_path))
    assert result.returncode == 2
    error = (f"{tmp_path}: one version file is left once 1 empty file (2.txt) is left out: an "
             "empty capture is no version (save the empty captures again, or move them out of "
             "the folder to read the one version)")
    assert result.stderr.splitlines() == [f"revdiff: error: {error}"]
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["parse", "diff"])
def test_a_folder_left_with_one_version_named_twice_is_refused_as_named_once(
        command: str, tmp_path: Path) -> None:
    """`revdiff parse f f/` (the second skipped as already read) counted two inputs: `parse`
    read the one version, `diff` said only that one version was left, as if beside others."""
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "1.txt").write_text("Hello.\n")
    (folder / "2.txt").write_text("")
    result = revdiff(command, str(folder), f"{folder}/")
    assert result.returncode == 2
    assert result.stderr == (
        f"revdiff: error: {folder}: one version file is left once 1 empty file (2.txt) is left "
        "out: an empty capture is no version (save the empty captures again, or move them out "
        "of the folder to read the one version)\n")
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["diff"], ["view", "--plain"]])
@pytest.mark.usefixtures("trafilatura")
def test_articles_of_one_version_each_are_said_to_be_several(command: list[str],
                                                             tmp_path: Path) -> None:
    """Two saved pages of two articles: the error said only `only one version`, as for one file."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in (1, 2):
        version = Version(0, f"Story {number}", (f"The paragraph of story {number} is here.",
                                                 "Another paragraph of the story follows."))
        (folder / f"{number}.html").write_text(
            render_page(f"https://news.example.com/story-{number}", version, SITES[0]), "utf-8")
    result = revdiff(*command, "--quiet", str(folder))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        f"revdiff: error: {folder}: 2 articles read, each with only one version "
        "(https://news.example.com/story-1, https://news.example.com/story-2), and versions of "
        "different articles")


def two_folders_one_of_one_version_and_an_empty_file(tmp_path: Path) -> tuple[Path, Path]:
    """A folder of two versions, and one whose second capture is empty."""
    good, captured = tmp_path / "good", tmp_path / "captured"
    for folder in (good, captured):
        folder.mkdir()
    (good / "0.txt").write_text(FIRST, encoding="utf-8")
    (good / "1.txt").write_text(SECOND, encoding="utf-8")
    (captured / "0.txt").write_text(FIRST, encoding="utf-8")
    (captured / "1.txt").write_text("", encoding="utf-8")
    return good, captured


@pytest.mark.parametrize("command", [["diff"], ["view", "--plain"]])
def test_beside_other_inputs_a_folder_left_with_one_version_is_left_out(
        command: list[str], tmp_path: Path) -> None:
    """It ended the run with an error, where a folder of one version file is left out, warned."""
    good, captured = two_folders_one_of_one_version_and_an_empty_file(tmp_path)
    result = revdiff(*command, str(good), str(captured))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        (f"revdiff: warning: {captured}: left out 1 empty file (1.txt): an empty capture is "
         "no version"),
        # named as a folder of one version file is, by its name
        "revdiff: warning: captured: only one version, nothing to compare; left out"]


def test_the_export_skips_a_folder_left_with_one_version_beside_other_inputs(
        tmp_path: Path) -> None:
    good, captured = two_folders_one_of_one_version_and_an_empty_file(tmp_path)
    out = tmp_path / "edits.csv"
    result = revdiff("export", str(good), str(captured), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"skipped {captured}: only one version, nothing to compare" in result.stderr
    assert "empty capture is no version" in result.stderr
    with out.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert rows and not any("captured" in ",".join(row.values()) for row in rows)


def test_the_export_of_a_folder_left_with_one_version_alone_is_one_error(tmp_path: Path) -> None:
    _, captured = two_folders_one_of_one_version_and_an_empty_file(tmp_path)
    out = tmp_path / "edits.csv"
    result = revdiff("export", str(captured), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"revdiff: error: {captured}: one version file is left once")
    assert not out.exists()


def test_the_export_of_a_corpus_skips_its_folder_left_with_one_version(tmp_path: Path) -> None:
    """One input, a folder of article folders: its folders are the run's units, as several
    inputs are; the one left with one version is skipped, not the end of the run."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _, captured = two_folders_one_of_one_version_and_an_empty_file(corpus)
    out = tmp_path / "edits.csv"
    result = revdiff("export", str(corpus), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"skipped {captured}: only one version, nothing to compare" in result.stderr
    assert "empty capture is no version" in result.stderr
    with out.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert rows and not any("captured" in ",".join(row.values()) for row in rows)


def test_a_file_left_out_beside_its_folder_is_named_and_its_warnings_said_once(
        tmp_path: Path) -> None:
    """`diff nl nl/0.txt` warned `nl: only one version ...; left out`, though the folder nl was
    compared and nl/0.txt left out, and said nl/0.txt's encoding guess twice, once an article."""
    folder = tmp_path / "nl"
    folder.mkdir()
    (folder / "0.txt").write_bytes("Caf\u00e9 opens.\n".encode("cp1252"))
    (folder / "1.txt").write_bytes("Caf\u00e9 opens late.\n".encode("cp1252"))
    result = revdiff("diff", str(folder), str(folder / "0.txt"))
    assert result.returncode == 0, result.stderr
    guessed = f"revdiff: warning: {folder / '0.txt'}: the text is not valid UTF-8; read it as"
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith(guessed)]) == 1, result.stderr
    assert lines[-1] == (f"revdiff: warning: {folder / '0.txt'}: only one version, nothing to "
                         "compare; left out")


def test_export_says_a_file_s_encoding_guess_once_where_it_is_read_into_two_articles(
        tmp_path: Path) -> None:
    """`export nl nl/0.txt nl/1.txt` said each file's encoding guess twice, once an article (the
    folder's, and the files' given by name), where `diff nl nl/0.txt` says it once."""
    folder = tmp_path / "nl"
    folder.mkdir()
    (folder / "0.txt").write_bytes("Caf\u00e9 opens.\n".encode("cp1252"))
    (folder / "1.txt").write_bytes("Caf\u00e9 opens late.\n".encode("cp1252"))
    result = revdiff("export", str(folder), str(folder / "0.txt"), str(folder / "1.txt"),
                     "-o", str(tmp_path / "edits.jsonl"))
    assert result.returncode == 0, result.stderr
    # the encoding is guessed over an article's files together, and said once an article: the
    # folder's, and the files' given by name; not once a file
    guessed = [line for line in result.stderr.splitlines() if "not valid UTF-8" in line]
    assert len(guessed) == 2, result.stderr
    assert all("the text of 2 files (0.txt, 1.txt)" in line for line in guessed), result.stderr
