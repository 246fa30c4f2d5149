"""The reader's warnings on stderr: one line each, naming the input; `--quiet` leaves them out."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import CHAIN, RENDERED_NEWSDIFFS, SAMPLES, SEED_PAGE, revdiff
from hostile_git import PLAIN_GIT_ENV, git
from newsedits_files import NEWSEDITS_TABLE, make_database

from revdiff.read_warnings import SHOWN_BY_PARSE_JSON

UNSURE_LINE = re.compile(r"^revdiff: warning: (?P<page>.+): (?P<unsure>\d+) of (?P<rows>\d+) rows "
                         r"unsure \(lines (?P<lines>[\d, -]+)\); `revdiff parse --format json` "
                         r"shows each; the diff pages beside it \(Version 5 to 6, Version 7 to 8\) "
                         r"or its HTML page, given with it, can decide them$")


def command_args(command: str, tmp_path: Path) -> list[str]:
    """Arguments that make each command read its inputs and succeed."""
    return {"diff": [], "view": ["--plain"], "parse": [], "store": ["--repo", str(tmp_path / "repo")],
            "export": ["-o", str(tmp_path / "out.csv")]}[command]


def unsure_lines_from_parse(page: Path) -> list[int]:
    parsed = revdiff("parse", str(page), "--format", "json")
    assert parsed.returncode == 0, parsed.stderr
    (reading,) = json.loads(parsed.stdout)[0]["pages"]
    return [row["line"] for row in reading["rows"] if row["confidence"] < 0.99]


def expand_runs(text: str) -> list[int]:
    lines: list[int] = []
    for run in text.split(", "):
        first, _, last = run.partition("-")
        lines.extend(range(int(first), int(last or first) + 1))
    return lines


@pytest.mark.parametrize("command", ["diff", "view", "store", "export"])
def test_unsure_rows_of_a_page_are_one_summary_line(command: str, tmp_path: Path) -> None:
    result = revdiff(command, str(SEED_PAGE), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    summaries = [m for m in map(UNSURE_LINE.match, result.stderr.splitlines()) if m]
    assert len(summaries) == 1, result.stderr
    summary = summaries[0]
    unsure = unsure_lines_from_parse(SEED_PAGE)
    assert unsure, "seed 004 is a rewrite: the splitter stays unsure of most rows"
    assert summary["page"] == str(SEED_PAGE)
    assert int(summary["unsure"]) == len(unsure) and int(summary["rows"]) == 42
    assert expand_runs(summary["lines"]) == unsure
    assert "Traceback" not in result.stderr


def test_the_warnings_about_unsure_rows_name_a_command_that_shows_each() -> None:
    # they said `revdiff parse` shows each, but `parse --format text` lists only their lines;
    # the splitter's warning, which parse prints, named no way to see them
    stderr = revdiff("diff", str(SEED_PAGE), "--format", "jsonl").stderr
    summary = revdiff("parse", str(SEED_PAGE), "--format", "text").stdout
    (warned,) = re.findall(r"rows unsure \(lines [^)]*\); `([^`]+)` shows each", stderr)
    (decoded,) = re.findall(r"rows unsure \(lines [^)]*\); `([^`]+)` shows each", summary)
    assert warned == decoded
    shown = revdiff(*shlex.split(warned)[1:], str(SEED_PAGE))
    (reading,) = json.loads(shown.stdout)[0]["pages"]
    unsure = [row for row in reading["rows"] if row["confidence"] < 0.99]
    assert unsure and all({"kind", "boundary"} <= row.keys() for row in unsure)


@pytest.mark.parametrize("command", ["diff", "view", "store", "export"])
def test_quiet_leaves_the_warnings_out(command: str, tmp_path: Path) -> None:
    result = revdiff(command, str(SEED_PAGE), "--quiet", *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("command", ["diff", "view", "store", "export"])
def test_a_newsdiffs_warning_names_the_page(command: str, tmp_path: Path) -> None:
    result = revdiff(command, str(RENDERED_NEWSDIFFS), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert len(warnings) == 2, result.stderr  # the old and the new text are cut to [...]
    for line in warnings:
        assert line.startswith(f"revdiff: warning: {RENDERED_NEWSDIFFS}: the ")
        assert "incomplete" in line


def test_a_warning_names_its_page_among_several_inputs(tmp_path: Path) -> None:
    """Files given together are one input to `export`; a page's warning still names that page,
    not the group (`SEED_PAGE (+1 files)#1`)."""
    result = revdiff("export", str(SEED_PAGE), str(RENDERED_NEWSDIFFS), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    cut = [line for line in result.stderr.splitlines() if "incomplete" in line]
    assert len(cut) == 2, result.stderr
    assert all(line.startswith(f"revdiff: warning: {RENDERED_NEWSDIFFS}: the ") for line in cut)


def test_clean_input_prints_no_warning() -> None:
    result = revdiff("diff", str(CHAIN))
    assert result.returncode == 0 and result.stderr == ""


def test_unsure_lines_are_given_alike_in_parse_and_on_stderr() -> None:
    stderr = revdiff("diff", str(SEED_PAGE), "--format", "jsonl").stderr
    summary = revdiff("parse", str(SEED_PAGE), "--format", "text").stdout
    (warned,) = re.findall(r"rows unsure \(lines ([^)]*)\)", stderr)
    (listed,) = re.findall(r"unsure rows at lines (.*)", summary)
    (decoded,) = re.findall(r"  warning: .*rows unsure \(lines ([^)]*)\)", summary)
    assert "-" in warned and warned == listed == decoded


@pytest.mark.parametrize("command", ["diff", "view", "parse", "store"])
def test_folders_left_out_of_a_folder_of_versions_are_named(command: str, tmp_path: Path) -> None:
    """A folder of versions that also holds folders: its files are read, and one line names the
    folders left out and what reads them. They were left out without a word. `--quiet` leaves
    the line out (`parse` had no `--quiet`: its line could not be silenced)."""
    story = tmp_path / "story"
    shutil.copytree(CHAIN, story)
    for folder in ("old-drafts", "photos"):
        (story / folder).mkdir()
        (story / folder / "0.txt").write_text("A draft.\n", encoding="utf-8")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    warning = (f"revdiff: warning: {story}: read its {len(list(CHAIN.iterdir()))} files; left "
               "out 2 folders in it (old-drafts, photos): name a folder to read it, or use "
               "`revdiff export` to read each folder as an article")
    assert result.stderr.splitlines() == [warning]
    (tmp_path / "quiet").mkdir()  # where `store` makes its second repository
    quiet = revdiff(command, str(story), *command_args(command, tmp_path / "quiet"), "--quiet")
    assert (quiet.returncode, quiet.stderr) == (0, "")


@pytest.mark.parametrize("given", [["story/"], ["./story"], ["story/", "other/"]])
def test_a_folder_warning_is_named_once_however_the_folder_is_given(given: list[str],
                                                                    tmp_path: Path) -> None:
    """The reader names a folder as a path (`story`); `diff story/` and `diff ./story` named it
    again as given (`story/: story: left out ...`), and two folders named each article by the
    folder again (`story: story: left out ...`)."""
    for folder in ("story", "other"):
        shutil.copytree(CHAIN, tmp_path / folder)
        (tmp_path / folder / "9.txt").write_text("", encoding="utf-8")
    result = revdiff("diff", *given, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"revdiff: warning: {Path(name)}: left out 1 empty file (9.txt): an empty capture is no "
        "version" for name in given]


@pytest.mark.parametrize(("folder", "link", "target"), [("story", "self", "."),
                                                       ("corp/sub", "up", "..")])
def test_a_link_back_to_a_folder_read_or_holding_it_is_no_folder_left_out(
        tmp_path: Path, folder: str, link: str, target: str) -> None:
    """`story/self -> .` was named a folder left out, to be read by naming it (which reads
    `story` again) or with `revdiff export` (which skips it), and `diff corp/sub` with
    `corp/sub/up -> ..` named `up` a link that leads out, to be read by copying a file into the
    folder: each is skipped as `export` skips it, in its words."""
    versions = tmp_path / folder
    shutil.copytree(CHAIN, versions)
    (versions / link).symlink_to(target)
    result = revdiff("diff", str(versions))
    assert result.returncode == 0, result.stderr
    skipped = (f"revdiff: warning: {versions}: skipped 1 link back to a folder already read or to "
               f"one holding it, such as {link}")
    assert result.stderr.splitlines() == [skipped]


def test_export_names_a_link_up_to_its_corpus_once(tmp_path: Path) -> None:
    """`export corp` with `corp/sub/up -> ..` said both that it skipped `up`, a link back, and
    that it left `up` out, a link out of `corp/sub`, with a file's advice: one link, one note."""
    sub = tmp_path / "corp" / "sub"
    shutil.copytree(CHAIN, sub)
    shutil.copytree(CHAIN, tmp_path / "corp" / "other")
    (sub / "up").symlink_to("..")
    result = revdiff("export", str(tmp_path / "corp"), "-o", str(tmp_path / "e.jsonl"))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    skipped = (f"revdiff: warning: {sub}: skipped 1 link back to a folder already read or to one "
               "holding it, such as up")
    assert warnings == [skipped]


@pytest.mark.parametrize("command", ["diff", "export"])
def test_the_folder_macos_zip_adds_is_left_out_without_a_word(command: str,
                                                                tmp_path: Path) -> None:
    """`story/__MACOSX/` beside the versions: `diff` named it a folder left out, to be read with
    `revdiff export`, and `export` read `story` as a corpus, refusing `__MACOSX` as holding no
    versions; both read `story` as one article, as they leave out `.DS_Store`."""
    story = tmp_path / "story"
    shutil.copytree(CHAIN, story)
    (story / "__MACOSX" / "story").mkdir(parents=True)
    (story / "__MACOSX" / "story" / "._0.txt").write_bytes(b"\0\5\26\7")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "warning" in line] == []
    if command == "export":
        assert "exported 1 article," in result.stderr


@pytest.mark.parametrize("command", ["diff", "export"])
def test_entries_that_are_no_files_are_named(command: str, tmp_path: Path) -> None:
    """A broken link or a FIFO among the versions was left out without a word."""
    story = tmp_path / "story"
    shutil.copytree(CHAIN, story)
    (story / "20.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(story / "21.txt")
    args = ["-o", str(tmp_path / "e.jsonl")] if command == "export" else []
    result = revdiff(command, str(story), *args)
    assert result.returncode == 0, result.stderr
    assert (f"{story}: left out 2 entries that are neither file nor folder: 20.txt (a broken "
            "link), 21.txt (a FIFO)") in result.stderr


@pytest.mark.parametrize("command", ["parse", "diff", "view", "store", "export"])
def test_a_folder_of_entries_that_are_no_files_names_them_in_its_error(command: str,
                                                                        tmp_path: Path) -> None:
    """A folder whose only versions were a FIFO and a broken link said it held no version files,
    without a word of them (but for `export`, which warned first): the error names them."""
    story = tmp_path / "story"
    story.mkdir()
    os.mkfifo(story / "0.txt")
    (story / "1.txt").symlink_to(tmp_path / "gone.txt")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    error = [line for line in result.stderr.splitlines() if "warning" not in line]
    assert error == [f"revdiff: error: {story}: directory holds no version files, only 2 entries "
                     "that are neither file nor folder: 0.txt (a FIFO), 1.txt (a broken link) "
                     "(put one file per version in it, named 0.txt, 1.txt, ..."
                     + ("; fix or remove that input, or rerun with --skip-errors to skip it)"
                        if command == "export" else ")")]
    assert not (tmp_path / "repo").exists() and not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("command", ["parse", "diff", "export"])
def test_a_folder_of_files_left_out_names_them_in_its_error(command: str, tmp_path: Path) -> None:
    """A folder of versions saved as hidden files (`.0.txt`) or an editor's backups said it held
    no version files, as an empty folder does: the error names the files it left out."""
    story = tmp_path / "story"
    story.mkdir()
    for name in (".0.txt", "1.txt~", "Thumbs.db"):
        (story / name).write_text("Troops land.\n", encoding="utf-8")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith(
        f"revdiff: error: {story}: directory holds no version files, only 3 files it leaves out "
        "(hidden files, editors' backups and file browsers' files): .0.txt, 1.txt~, Thumbs.db "
        "(put one file per version in it, named 0.txt, 1.txt, ...")


@pytest.mark.parametrize("command", ["parse", "diff", "export"])
def test_a_folder_left_out_is_named_as_a_folder_not_counted_as_a_file(command: str,
                                                                      tmp_path: Path) -> None:
    """Found by a review: a hidden folder (or a zip's `__MACOSX`) was counted among the files
    the folder leaves out (`only 2 files it leaves out ...: .0.txt, .cache`)."""
    story = tmp_path / "story"
    (story / ".cache").mkdir(parents=True)
    (story / "__MACOSX").mkdir()
    (story / ".0.txt").write_text("Troops land.\n", encoding="utf-8")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith(
        f"revdiff: error: {story}: directory holds no version files, only 1 file and 2 folders "
        "it leaves out (hidden files and folders, editors' backups and file browsers' files): "
        ".0.txt, .cache/, __MACOSX/ (put one file per version in it")


@pytest.mark.parametrize("command", ["parse", "diff", "store", "export"])
def test_a_folder_of_only_a_fifo_is_one_error_line(command: str, tmp_path: Path) -> None:
    """Found by a review: `export` warned of the FIFO, then refused the folder naming it again,
    two lines where the other commands give one."""
    story = tmp_path / "story"
    story.mkdir()
    os.mkfifo(story / "0.txt")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith(
        f"revdiff: error: {story}: directory holds no version files, only 1 entry that is "
        "neither file nor folder: 0.txt (a FIFO) (put one file per version in it")


@pytest.mark.parametrize("command", ["parse", "diff", "export"])
def test_a_folder_of_empty_files_names_each(command: str, tmp_path: Path) -> None:
    """A folder of failed captures named its first empty file alone, as if the others held
    versions, where a folder of binary files names them all."""
    story = tmp_path / "story"
    story.mkdir()
    for name in ("0.txt", "1.txt", "2.txt"):
        (story / name).write_bytes(b"")
    result = revdiff(command, str(story), *command_args(command, tmp_path))
    assert result.returncode == 2 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert error.startswith(f"revdiff: error: {story / '0.txt'}: input is empty, and 2 more "
                            "files of the folder are empty too (1.txt, 2.txt) (give a file")


def test_a_loop_of_links_in_a_folder_is_named_as_a_loop(tmp_path: Path) -> None:
    """2.txt -> 3.txt -> 2.txt was called a broken link, as a link to nothing is."""
    story = tmp_path / "story"
    shutil.copytree(CHAIN, story)
    (story / "20.txt").symlink_to("21.txt")
    (story / "21.txt").symlink_to("20.txt")
    (story / "22.txt").symlink_to(tmp_path / "gone.txt")
    result = revdiff("diff", str(story))
    assert result.returncode == 0, result.stderr
    assert (f"{story}: left out 3 entries that are neither file nor folder: 20.txt (a symbolic "
            "link in a loop of links), 21.txt (a symbolic link in a loop of links), 22.txt (a "
            "broken link)") in result.stderr


@pytest.mark.parametrize("command", ["parse", "diff", "export"])
def test_each_entry_left_out_is_named_once_with_its_reason(command: str, tmp_path: Path) -> None:
    """A link to a device out of the folder was named by `export` both as no file or folder and
    as a link out of the folder, and its broken link twice, in lines that disagreed; every
    command names each entry once, the same way."""
    story = tmp_path / "story"
    shutil.copytree(CHAIN, story)
    outside = tmp_path / "outside.txt"
    outside.write_text("Not a version.\n", encoding="utf-8")
    (story / "20.txt").symlink_to("/dev/zero")
    (story / "21.txt").symlink_to(tmp_path / "gone.txt")
    (story / "22.txt").symlink_to(outside)
    os.mkfifo(story / "23.txt")
    args = ["-o", str(tmp_path / "e.jsonl")] if command == "export" else []
    result = revdiff(command, str(story), *args)
    assert result.returncode == 0, result.stderr
    neither = (f"revdiff: warning: {story}: left out 2 entries that are neither file nor "
               "folder: 21.txt (a broken link), 23.txt (a FIFO)")
    links_out = (f"revdiff: warning: {story}: left out 2 symbolic links that lead out of {story} "
                 "(20.txt, 22.txt): copy a file into the folder to read it")
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warnings == [neither, links_out]


def test_parse_names_the_folders_it_leaves_out_on_stderr(tmp_path: Path) -> None:
    """`parse` writes the articles' warnings into its output, but the folders left out belong to
    no article: they are named on stderr, as the other commands name them."""
    story = tmp_path / "story"
    shutil.copytree(CHAIN, story)
    (story / "photos").mkdir()
    result = revdiff("parse", str(story))
    assert result.returncode == 0, result.stderr
    warning = (f"revdiff: warning: {story}: read its {len(list(CHAIN.iterdir()))} files; left out "
               "1 folder in it (photos): name a folder to read it, or use `revdiff export` to read "
               "each folder as an article")
    assert result.stderr.splitlines() == [warning]


# Chrome's name for the folder, and a German, French and Dutch Firefox's
@pytest.mark.parametrize("suffix", ["_files", "-Dateien", "_fichiers", "-bestanden"])
@pytest.mark.usefixtures("trafilatura")
def test_the_folder_a_browser_saves_beside_a_page_is_no_folder_left_out(tmp_path: Path,
                                                                        suffix: str) -> None:
    """`story.html` saved with its images in `story_files/`: that folder is part of the page. A
    browser in another language names it in its language (`story-Dateien/`), which was left out
    with a note as a folder of another article."""
    from revdiff.formats import load

    pages = tmp_path / "pages"
    shutil.copytree(SAMPLES / "snapshots" / "iran-strikes-us-troops-in-iraq", pages)
    first_page = min(pages.glob("*.html"))
    (pages / f"{first_page.stem}{suffix}").mkdir()
    (pages / f"{first_page.stem}{suffix}" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    notes: list[str] = []
    assert load([str(pages)], notes=notes) and notes == []
    (pages / "notes").mkdir()
    load([str(pages)], notes=notes)
    assert len(notes) == 1 and "left out 1 folder in it (notes)" in notes[0]


def test_the_folder_a_browser_saved_given_beside_its_page_is_part_of_the_page(
        tmp_path: Path) -> None:
    """`revdiff parse saved/*`, the shell naming the diff page and the `_files` folder a browser
    saved beside it: the folder was read as an article of its own, its style sheet a version of
    one paragraph (`p_files (no URL)`), where the folder given is the page's part."""
    saved = tmp_path / "saved"
    (saved / "p_files").mkdir(parents=True)
    shutil.copy(SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.html", saved / "p.html")
    (saved / "p_files" / "style.css").write_text("body { margin: 0 }\n", encoding="utf-8")
    result = revdiff("parse", "--format", "text", str(saved / "p.html"), str(saved / "p_files"))
    assert result.returncode == 0, result.stderr
    assert "p_files" not in result.stdout and result.stderr == "", result
    assert result.stdout.startswith("channelnewsasia  https://"), result.stdout


def test_an_unsure_title_row_is_not_told_to_give_the_neighbouring_pages_it_was_given_with(
        tmp_path: Path) -> None:
    # both pages of an article of three versions (`changed 3 times`): titles `Live`, `Live Live`,
    # `Live Live Live` leave more than one place to cut each title row, and each warning said
    # "check them or give neighbouring pages", though no other page can exist
    header = ("This article is from the source 'example' and was first published or seen on .\n\n"
              "You can find the current article at its original source at https://example.com/a\n\n"
              "The article has changed 3 times.\n\n")
    titles = ["Live", "Live Live", "Live Live Live"]
    pages = []
    for old in (0, 1):
        page = tmp_path / f"v{old}-v{old + 1}.txt"
        page.write_text(f"{header}Version {old} Version {old + 1}\n{titles[old]} {titles[old + 1]}\n"
                        "(about 1 hour later)\nRockets hit a base.Rockets hit a base.\n", "utf-8")
        pages.append(str(page))
    for command in (["diff"], ["parse", "--format", "text"]):
        result = revdiff(*command, *pages)
        assert result.returncode == 0, result.stderr
        said = [line for line in (result.stderr + result.stdout).splitlines() if "title row" in line]
        assert [line.rpartition(": ")[2] for line in said] == [
            "the title row holds two titles, cut where they most likely meet; check them"] * 2, said
    alone = revdiff("diff", pages[0])
    assert ("cut where they most likely meet; check them, or give the diff pages beside it "
            "(Version 1 to 2) or its HTML page") in alone.stderr


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_parse_in_json_does_not_point_at_itself_for_the_unsure_rows(output_format: str) -> None:
    """`revdiff parse --format json` wrote the splitter's warning telling to run `revdiff parse
    --format json` to see each unsure row, which the same output shows; `--format text`, which
    does not show each row, still points at it."""
    parsed = revdiff("parse", str(SEED_PAGE), "--format", output_format)
    assert parsed.returncode == 0, parsed.stderr
    lines = parsed.stdout.splitlines()
    [article] = json.loads(parsed.stdout) if output_format == "json" else map(json.loads, lines)
    [unsure] = [warning for warning in article["warnings"] if "rows unsure" in warning]
    assert "revdiff parse" not in unsure
    assert re.search(r"\(lines [^)]*\); the diff pages beside it", unsure), unsure
    summary = revdiff("parse", str(SEED_PAGE), "--format", "text").stdout
    assert "`revdiff parse --format json` shows each; the diff pages beside it" in summary


@pytest.mark.parametrize("output_format", ["text", "json", "jsonl"])
def test_parse_gives_the_advice_on_unsure_rows_that_stderr_gives(output_format: str) -> None:
    """`revdiff parse` wrote the splitter's warning on a page's unsure rows, `check them or give
    neighbouring pages`, where `diff` says on stderr which pages beside it (`Version 5 to 6,
    Version 7 to 8`) or that its HTML page would decide them. Its JSON leaves out the pointer to
    itself."""
    stderr = revdiff("diff", str(SEED_PAGE), "--format", "jsonl").stderr
    warned = [line.removeprefix("revdiff: warning: ") for line in stderr.splitlines()]
    parsed = revdiff("parse", str(SEED_PAGE), "--format", output_format)
    assert parsed.returncode == 0, parsed.stderr
    if output_format == "text":
        said = [line.removeprefix("  warning: ") for line in parsed.stdout.splitlines()
                if line.startswith("  warning: ")]
    else:
        [article] = map(json.loads, parsed.stdout.splitlines()) if output_format == "jsonl" \
            else json.loads(parsed.stdout)
        said = article["warnings"]
        warned = [line.replace(SHOWN_BY_PARSE_JSON, "") for line in warned]
    assert any("; the diff pages beside it (Version 5 to 6, Version 7 to 8) or its HTML page"
               in line for line in warned), warned
    assert said == warned


@pytest.mark.parametrize("command", ["diff", "view", "export"])
@pytest.mark.parametrize("order", ["folder first", "files first"])
def test_files_given_beside_their_folder_are_told_of(command: str, order: str,
                                                     tmp_path: Path) -> None:
    """`export f f/0.txt f/1.txt` read the same versions as two articles (the folder's and the
    files'), without a word; so did diff and view."""
    shutil.copytree(CHAIN, tmp_path / "f")
    files = ["f/0.txt", "f/1.txt"]
    given = ["f", *files] if order == "folder first" else [*files, "f"]
    result = revdiff(command, *given, *command_args(command, tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "revdiff: warning: f: 2 files in it are given too (f/0.txt, f/1.txt), read apart from "
        "the folder as one more article, so their versions are read twice; give the folder or "
        "its files, not both")
    (tmp_path / "quiet").mkdir()
    quiet = revdiff(command, *given, *command_args(command, tmp_path / "quiet"), "--quiet",
                    cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, "")


@pytest.mark.parametrize(("command", "given", "told"), [
    # a file the folder leaves out (an editor's leftover) is no version of its article
    ("parse", ["f", "f/0.txt~"], False),
    # `parse` leaves out the folder in it, so the files of that folder are read once
    ("parse", ["f", "f/sub/0.txt", "f/sub/1.txt"], False),
    # `export` reads the folder in it as an article, so its files are read twice; the files
    # beside that folder are left out of the corpus, read once
    ("export", ["f", "f/sub/0.txt", "f/sub/1.txt"], True),
    ("export", ["f", "f/0.txt", "f/1.txt"], False),
    # one file given is an article of one version, which `export` skips
    ("export", ["f/sub", "f/sub/0.txt"], False),
    ("export", ["f/sub", "f/sub/0.txt", "f/sub/1.txt"], True),
])
def test_files_given_beside_their_folder_are_told_of_only_where_read_twice(
        command: str, given: list[str], told: bool, tmp_path: Path) -> None:
    """The note that files given beside their folder are read twice was given for every file
    under the folder's path, where the folder leaves the file out or reads it as another
    article's, and where `export` skips the file's article of one version."""
    shutil.copytree(CHAIN, tmp_path / "f")
    shutil.copytree(CHAIN, tmp_path / "f" / "sub")
    shutil.copy(tmp_path / "f" / "0.txt", tmp_path / "f" / "0.txt~")
    result = revdiff(command, *given, *command_args(command, tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ("given too" in result.stderr) is told, result.stderr


def test_a_page_given_beside_its_folder_is_told_of_to_export(tmp_path: Path) -> None:
    """A tracker's page alone is an article of several versions, which `export` compares, so
    its folder's reading and its own read them twice."""
    (tmp_path / "pages").mkdir()
    shutil.copy(SEED_PAGE, tmp_path / "pages" / "page.txt")
    result = revdiff("export", "pages", "pages/page.txt", *command_args("export", tmp_path),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "pages: 1 file in it is given too (pages/page.txt)" in result.stderr


def _database_of_cet_entries(path: Path, entries: int) -> Path:
    """A NewsEdits file of `entries` entries of two versions, each timed in CET, a zone not read:
    a warning for each entry."""
    return make_database(path, NEWSEDITS_TABLE, [
        (None, entry, version, f"Story {entry}", None, None,
         f"Thu, 10 Jan 2019 2{version}:31:03 CET", 2, f"<p>Text {version} of {entry}.</p>")
        for entry in range(1, entries + 1) for version in range(2)])


@pytest.mark.parametrize("command", ["diff", "parse", "export"])
def test_a_warning_of_every_article_of_a_file_is_not_printed_for_each(command: str,
                                                                      tmp_path: Path) -> None:
    """Each entry of a NewsEdits file in a zone not read has its warning: a file of thousands
    of entries printed thousands of lines on stderr. The first five are printed and the rest
    counted in one line; the export's warnings hold every one."""
    database = _database_of_cet_entries(tmp_path / "cet.db", 50)
    out = tmp_path / "out.jsonl"
    args = {"diff": [], "parse": [], "export": ["-o", str(out)]}[command]
    result = revdiff(command, str(database), *args)
    assert result.returncode == 0, result.stderr
    zones = [line for line in result.stderr.splitlines() if "time zone that is not read" in line]
    assert len(zones) <= 6, result.stderr
    if command != "parse":  # parse puts the warnings in its output, not on stderr
        assert len(zones) == 6, result.stderr
        assert zones[-1] == (
            f"revdiff: warning: {database}: 45 more warnings like 'entry 1: created names a time "
            "zone that is not read (unknown or ambiguous)…' (each article's warnings hold "
            "them; `revdiff parse --format json` shows each)")
    if command == "export":
        rows = [json.loads(line) for line in
                (tmp_path / "out.comparisons.jsonl").read_text(encoding="utf-8").splitlines()]
        assert [row["warnings"][0].split(":")[0] for row in rows] == [
            f"entry {entry}" for entry in range(1, 51)]
    else:
        parsed = revdiff("parse", str(database), "--format", "json")
        assert sum(len(article["warnings"]) for article in json.loads(parsed.stdout)) == 50


def test_parallel_export_counts_a_kind_of_warning_across_its_workers(tmp_path: Path) -> None:
    """The main process reads the articles and tells their warnings, whatever the workers."""
    database = _database_of_cet_entries(tmp_path / "cet.db", 12)
    result = revdiff("export", str(database), "-o", str(tmp_path / "out.csv"), "--workers", "2")
    assert result.returncode == 0, result.stderr
    zones = [line for line in result.stderr.splitlines() if "time zone that is not read" in line]
    assert len(zones) == 6 and "7 more warnings like" in zones[-1], result.stderr


def test_the_app_is_given_every_warning_stderr_counts(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`view`'s app keeps every warning (`said`), though stderr prints the first few of a kind."""
    from revdiff.cli.common import load_and_warn

    database = _database_of_cet_entries(tmp_path / "cet.db", 8)
    said: list[str] = []
    load_and_warn([str(database)], 10_000_000, False, compare=True, said=said)
    assert len(said) == 8 and all("entry" in line for line in said)
    assert len(capsys.readouterr().err.splitlines()) == 6


@pytest.mark.parametrize("command", ["diff", "view"])
def test_articles_of_one_file_that_share_a_title_are_named_apart_in_warnings(
        command: str, tmp_path: Path) -> None:
    """Two NewsEdits entries titled alike, without a URL, were both named by the title (`Story:
    entry 1: ...`, `Story: entry 2: ...`): each is named by its place in the file, as `export`
    names it (`n.db#0`)."""
    database = make_database(tmp_path / "n.db", NEWSEDITS_TABLE, [
        (None, entry, version, title, None, None, f"Thu, 10 Jan 2019 2{version}:31:03 CET", 2,
         f"<p>Text {version} of {entry}.</p>")
        for entry, title in ((1, "Story"), (2, "Story"), (3, "Other")) for version in range(2)])
    result = revdiff(command, str(database), *command_args(command, tmp_path))
    assert result.returncode == 0, result.stderr
    exported = revdiff("export", str(database), "-o", str(tmp_path / "out.csv"))
    names = [line.removeprefix("revdiff: warning: ").partition(": entry")[0]
             for line in result.stderr.splitlines() if "time zone" in line]
    export_names = [line.removeprefix("revdiff: warning: ").partition(": entry")[0]
                    for line in exported.stderr.splitlines() if "time zone" in line]
    assert names == [f"{database}#0", f"{database}#1", "Other"]
    assert export_names[:2] == names[:2]


def test_export_counts_a_kind_of_warning_across_the_article_folders_of_a_corpus(
        tmp_path: Path) -> None:
    """A corpus folder is one input to its user, but `export` counted each article folder in it
    apart: the same warning of 20 folders printed 20 lines. It counts by the path given."""
    corpus = tmp_path / "corpus"
    for story in range(20):
        (corpus / f"s{story}").mkdir(parents=True)
        (corpus / f"s{story}" / "first.txt").write_text(f"One {story}.\n", encoding="utf-8")
        (corpus / f"s{story}" / "second.txt").write_text(f"Two {story}.\n", encoding="utf-8")
    result = revdiff("export", str(corpus), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    unnumbered = [line for line in result.stderr.splitlines() if "no file name holds" in line]
    assert len(unnumbered) == 6, result.stderr
    assert unnumbered[-1].startswith(f"revdiff: warning: {corpus}: 15 more warnings like 'no "
                                     "file name holds a number"), unnumbered[-1]


@pytest.mark.parametrize("command", ["diff", "export"])
def test_a_warning_of_every_file_of_a_git_store_is_not_printed_for_each(command: str,
                                                                         tmp_path: Path) -> None:
    """Each of 20 files of a repository emptied by a commit of its own is warned of, naming the
    commit: each warning was a kind of its own (its commit id masked as numbers, `be…b…f…`),
    so all 20 were printed."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=PLAIN_GIT_ENV)
    (repo / "news").mkdir()
    for story in range(20):
        path = repo / "news" / f"story-{story}.txt"
        for text in (f"First of {story}.\n", "", f"Second of {story}.\n"):
            path.write_text(text, encoding="utf-8")
            git(repo, "add", "-A")
            git(repo, "commit", "-q", "-m", f"story {story}")
    out = ["-o", str(tmp_path / "out.csv")] if command == "export" else []
    result = revdiff(command, str(repo), *out)
    assert result.returncode == 0, result.stderr
    empty = [line for line in result.stderr.splitlines() if "the file is empty" in line]
    assert len(empty) == 6, result.stderr
    assert re.match(rf"revdiff: warning: {re.escape(str(repo))}: 15 more warnings like "
                    "'[0-9a-f]{12}: the file is empty", empty[-1]), empty[-1]


def test_export_counts_the_notes_of_reading_the_article_folders_of_a_corpus(
        tmp_path: Path) -> None:
    """A note from reading a folder (an empty file left out of a folder of saved pages) is no
    article's warning: `export` printed it for every article folder of a corpus, uncounted. It
    counts them by the path given, as the warnings, and says that no output holds them."""
    pages = sorted((SAMPLES / "snapshots" / "iran-strikes-us-troops-in-iraq").iterdir())[:2]
    corpus = tmp_path / "corpus"
    for story in range(8):
        (corpus / f"s{story}").mkdir(parents=True)
        for page in pages:
            shutil.copy(page, corpus / f"s{story}" / page.name)
        (corpus / f"s{story}" / "9.html").write_bytes(b"")
    result = revdiff("export", str(corpus), "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    empty = [line for line in result.stderr.splitlines() if "empty" in line]
    assert len(empty) == 6, result.stderr
    assert empty[-1] == (f"revdiff: warning: {corpus}: 3 more notes like 'left out 1 empty file "
                         "(9.html): an empty capture is no version' (notes on reading the "
                         "inputs, which no output holds)"), empty[-1]


def test_export_names_an_article_of_several_by_its_title_as_diff_does(tmp_path: Path) -> None:
    """An article of a git repository has no URL: `diff` named it by its title (its file's
    path) in warnings, `export` by its place (`repo#0`), though the README says both use the
    title. Both name it alike."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=PLAIN_GIT_ENV)
    (repo / "news").mkdir()
    for story in range(2):
        path = repo / "news" / f"story-{story}.txt"
        for text in (f"First of {story}.\n", "", f"Second of {story}.\n"):
            path.write_text(text, encoding="utf-8")
            git(repo, "add", "-A")
            git(repo, "commit", "-q", "-m", f"story {story}")
    names = {}
    for command, args in (("diff", []), ("export", ["-o", str(tmp_path / "out.csv")])):
        result = revdiff(command, str(repo), *args)
        assert result.returncode == 0, result.stderr
        names[command] = [line.removeprefix("revdiff: warning: ").partition(": ")[0]
                          for line in result.stderr.splitlines() if "the file is empty" in line]
    assert names["export"] == names["diff"] == ["news/story-0.txt", "news/story-1.txt"]
