"""`--corrections FILE`: the commands that read inputs read the rows it names as it corrects them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import SAMPLES, SEED_PAGE, revdiff

from revdiff.corrections_file import correction_line
from revdiff.model import RowKind


def _fixes(tmp_path: Path, *lines: str) -> str:
    path = tmp_path / "fixes.jsonl"
    path.write_text("# read by hand\n" + "".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def test_parse_reads_a_row_as_the_corrections_file_says(tmp_path: Path) -> None:
    fixes = _fixes(tmp_path, correction_line(str(SEED_PAGE), 15, RowKind.NEW_ONLY, None),
                   correction_line(str(SEED_PAGE), 14, RowKind.CHANGE, 177))
    run = revdiff("parse", str(SEED_PAGE), "--corrections", fixes)
    assert run.returncode == 0, run.stderr
    [article] = json.loads(run.stdout)
    rows = {row["line"]: row for row in article["pages"][0]["rows"]}
    assert (rows[15]["kind"], rows[15]["confidence"]) == ("new_only", 1.0)
    assert (rows[14]["kind"], rows[14]["boundary"], rows[14]["confidence"]) == ("change", 177, 1.0)
    assert any("15: read as corrected by hand (new_only)" in w for w in article["warnings"])


def test_a_match_row_copied_from_parse_json_with_its_boundary_is_a_correction(
        tmp_path: Path) -> None:
    # `parse --format json` shows a match row's boundary, where its glued halves meet (line 37's
    # is 137): the row copied as parse shows it, its confidence left out, is read
    line = f'{{"page": {json.dumps(str(SEED_PAGE))}, "line": 37, "kind": "match", "boundary": 137}}'
    run = revdiff("parse", str(SEED_PAGE), "--corrections", _fixes(tmp_path, line))
    assert run.returncode == 0, run.stderr
    [article] = json.loads(run.stdout)
    rows = {row["line"]: row for row in article["pages"][0]["rows"]}
    assert (rows[37]["kind"], rows[37]["boundary"], rows[37]["confidence"]) == ("match", 137, 1.0)


@pytest.mark.parametrize(("line", "reason"), [
    ('{"page": "elsewhere.txt", "line": 15, "kind": "new_only"}',
     "fixes.jsonl:2: no diff page named elsewhere.txt among the inputs"),
    (f'{{"page": {json.dumps(str(SEED_PAGE))}, "line": 3, "kind": "new_only"}}',
     "fixes.jsonl:2: .*washpo-soleimani-v6-v7.txt:3: the page has no body row at this line \\("),
    (f'{{"page": {json.dumps(str(SEED_PAGE))}, "line": 15, "kind": "match"}}',
     ("fixes.jsonl:2: .*washpo-soleimani-v6-v7.txt:15: only a row made of one text twice can be "
      "a match row \\(mend that line: `revdiff parse --format json` shows each row's reading")),
    (f'{{"page": {json.dumps(str(SEED_PAGE))}, "line": 14, "kind": "change", "boundary": 99999}}',
     ("fixes.jsonl:2: .*washpo-soleimani-v6-v7.txt:14: a change row must be split just after a "
      "space, not at 99999 \\(mend that line: `revdiff parse --format json` shows each row's")),
    (f'{{"page": {json.dumps(str(SEED_PAGE))}, "line": 37, "kind": "match", "boundary": 136}}',
     ("fixes.jsonl:2: .*washpo-soleimani-v6-v7.txt:37: a match row's \"boundary\" is 137, "
      "where its two halves meet, not 136 \\(write the boundary")),
    ('{"page": "p.txt", "line": 15}', 'fixes.jsonl:2: "kind" is not one of'),
])
@pytest.mark.parametrize("command", ["diff", "view", "parse"])
def test_a_correction_that_cannot_be_applied_is_one_line_naming_it(
        tmp_path: Path, command: str, line: str, reason: str) -> None:
    run = revdiff(command, str(SEED_PAGE), "--corrections", _fixes(tmp_path, line))
    assert (run.returncode, run.stdout) == (2, "")
    [said] = run.stderr.splitlines()
    assert said.startswith("revdiff: error: ")
    assert re.search(reason, said), said


def test_store_with_a_correction_it_cannot_apply_makes_no_repository(tmp_path: Path) -> None:
    fixes = _fixes(tmp_path, '{"page": "elsewhere.txt", "line": 15, "kind": "new_only"}')
    run = revdiff("store", str(SEED_PAGE), "--repo", str(tmp_path / "repo"), "--corrections", fixes)
    assert run.returncode == 2
    assert "fixes.jsonl:2: no diff page named" in run.stderr
    assert not (tmp_path / "repo").exists()
    fixes = _fixes(tmp_path, correction_line(str(SEED_PAGE), 15, RowKind.NEW_ONLY, None))
    run = revdiff("store", str(SEED_PAGE), "--repo", str(tmp_path / "repo"), "--corrections", fixes)
    assert run.returncode == 0, run.stderr
    assert "15: read as corrected by hand" in run.stderr


def test_a_page_is_found_by_its_file_whichever_way_its_path_is_written(tmp_path: Path) -> None:
    """A file saved with absolute paths was refused, `no diff page named ...`, when the inputs
    were given as relative paths, and one written in another folder wherever it was read: a
    page is the same file (its real path), else the one input page of that file name."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.txt").write_bytes(SEED_PAGE.read_bytes())
    for page in (str(tmp_path / "in" / "p.txt"), "./in/../in/p.txt", "/elsewhere/p.txt"):
        fixes = _fixes(tmp_path, correction_line(page, 15, RowKind.NEW_ONLY, None))
        run = revdiff("parse", "in/p.txt", "--corrections", fixes, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        [article] = json.loads(run.stdout)
        [page_read] = article["pages"]
        assert page_read["name"] == "in/p.txt"
        rows = {row["line"]: row for row in page_read["rows"]}
        assert (rows[15]["kind"], rows[15]["confidence"]) == ("new_only", 1.0)


def test_a_file_name_two_input_pages_have_is_refused_naming_them(tmp_path: Path) -> None:
    for folder, page in (("a", SEED_PAGE), ("b", SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p.txt").write_bytes(page.read_bytes())
    fixes = _fixes(tmp_path, correction_line("/elsewhere/p.txt", 15, RowKind.NEW_ONLY, None))
    run = revdiff("parse", "a/p.txt", "b/p.txt", "--corrections", fixes, cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    [said] = run.stderr.splitlines()
    assert "fixes.jsonl:2: no diff page is /elsewhere/p.txt, and 2 input pages are named " \
           "p.txt (a/p.txt, b/p.txt)" in said, said


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_a_corrections_file_that_is_no_regular_file_is_refused_not_read_forever(
        tmp_path: Path, kind: str) -> None:
    """Found by a review: --corrections naming a FIFO waited forever for a writer, and
    /dev/zero was read until memory ran out (its size is 0, under --max-size)."""
    if kind == "fifo":
        fixes = tmp_path / "fixes.jsonl"
        os.mkfifo(fixes)
    else:
        fixes = Path(kind)
    try:
        run = subprocess.run([sys.executable, "-m", "revdiff", "parse", str(SEED_PAGE),
                              "--corrections", str(fixes)], capture_output=True, text=True,
                             timeout=20, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"revdiff kept reading the corrections file {kind}")
    assert (run.returncode, run.stdout) == (2, "")
    [said] = run.stderr.splitlines()
    assert re.search(r"the corrections file is a (FIFO|device), not a regular file", said), said


def test_a_corrections_file_not_in_utf_8_says_where_and_what_to_do(tmp_path: Path) -> None:
    """It said `the corrections file is not UTF-8 text` alone: nor where, nor what to do."""
    fixes = tmp_path / "fixes.jsonl"
    fixes.write_bytes(b'# lu \xe0 la main\n')
    run = revdiff("parse", str(SEED_PAGE), "--corrections", str(fixes))
    assert (run.returncode, run.stdout) == (2, "")
    [said] = run.stderr.splitlines()
    assert said == (f"revdiff: error: {fixes}: the corrections file is not UTF-8 text (byte 0xe0 "
                    "at offset 5) (save it as UTF-8)")


@pytest.mark.skipif(not os.access("/proc/self/mem", os.R_OK), reason="needs /proc/self/mem")
def test_a_corrections_file_that_cannot_be_read_says_what_to_do() -> None:
    """It said `cannot read the corrections file: Input/output error` and no more."""
    run = revdiff("parse", str(SEED_PAGE), "--corrections", "/proc/self/mem")
    assert (run.returncode, run.stdout) == (2, "")
    [said] = run.stderr.splitlines()
    assert said == ("revdiff: error: /proc/self/mem: cannot read the corrections file"
                    ": Input/output error (give a corrections file you may read: a file of JSON lines)")


def test_a_corrections_file_over_max_size_names_its_size_and_a_limit_that_holds_it(
        tmp_path: Path) -> None:
    """Found by a review: the command line said only 'larger than N bytes (raise --max-size)',
    where the app names the file's size and a --max-size value to start again with."""
    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text("# read by hand\n" * 2000, encoding="utf-8")  # 30,000 bytes
    run = revdiff("parse", str(SEED_PAGE), "--corrections", str(fixes), "--max-size", "20K")
    assert (run.returncode, run.stdout) == (2, "")
    [said] = run.stderr.splitlines()
    assert "fixes.jsonl: the corrections file is 30,000 bytes, larger than the limit of " \
           "20,480 bytes (give a smaller file, or raise --max-size to 29.3K)" in said, said


@pytest.mark.parametrize("command", ["diff", "view", "parse", "store"])
def test_a_corrections_file_that_is_missing_or_a_folder_is_revdiffs_one_line(
        tmp_path: Path, command: str) -> None:
    """Found by a review: click said it (`Invalid value for '--corrections': File 'missing.txt'
    does not exist`), not in revdiff's words and without what to do."""
    output = ["--repo", str(tmp_path / "out")] if command == "store" else []
    missing = revdiff(command, str(SEED_PAGE), *output, "--corrections", "missing.txt",
                      cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (2, "")
    assert missing.stderr == ("revdiff: error: missing.txt: cannot read the corrections file: "
                              "No such file or directory (check the path)\n")
    folder = revdiff(command, str(SEED_PAGE), *output, "--corrections", str(tmp_path))
    assert (folder.returncode, folder.stdout) == (2, "")
    assert folder.stderr == (f"revdiff: error: {tmp_path}: the corrections file is a folder, not "
                             "a regular file (give a corrections file: a file of JSON lines)\n")
    assert not (tmp_path / "out").exists()
