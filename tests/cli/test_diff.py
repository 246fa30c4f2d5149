from __future__ import annotations

import csv
import importlib
import io
import json
import re
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from cli_run import CHAIN, page_of_one_blank_unsure_row
from click.testing import CliRunner

import revdiff
from revdiff.cli import main
from revdiff.export.comparison_html import LEGEND
from revdiff.export.html_page import page_head
from revdiff.export.json_text import escape_line_breaks, json_array, json_line
from revdiff.export.records import COMPARISON_COLUMN_NAMES, EDIT_COLUMN_NAMES
from revdiff.model import Article, Version
from revdiff.render.newsdiffs import DiffPageInfo, render_rendered_page
from revdiff.render.newsedits import write_database

OLD = "BAGHDAD — A U.S. airstrike killed the commander. At least 25 people died.\n\n“It is over,” he said.\n"
NEW = ("BAGHDAD — A U.S. airstrike killed the commander. At least 26 people died.\n\n"
       "<b>New</b> & improved line.\n")


@pytest.fixture
def versions(tmp_path: Path) -> list[str]:
    paths = []
    for k, text in enumerate((OLD, NEW)):
        path = tmp_path / f"{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["diff", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_jsonl_one_object_per_edit(versions: list[str]) -> None:
    rows = [json.loads(line) for line in run(*versions, "--format", "jsonl").splitlines()]
    assert [row["op"] for row in rows] == ["unchanged", "edited", "deleted", "added"]
    edited = rows[1]
    assert edited["old_indices"] == [1] and edited["new_indices"] == [1]
    assert edited["old_text"] == "At least 25 people died."
    assert "number_changed" in edited["flags"]
    assert edited["words_removed"] == 1 and edited["words_added"] == 1
    assert 0 < edited["similarity"] < 1
    assert edited["confidence"] is None and edited["warnings"] == []  # plain files: exact


@pytest.mark.parametrize("output_format", ["json", "jsonl", "csv", "unified", "html"])
def test_changes_only_is_refused_outside_the_text_format(versions: list[str],
                                                         output_format: str) -> None:
    """It was taken and did nothing: the unchanged rows came out all the same."""
    result = CliRunner().invoke(main, ["diff", *versions, "--format", output_format,
                                       "--changes-only"])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--changes-only applies to --format text, not {output_format}" in result.stderr
    # --color did nothing there either; --no-color is what those formats are anyway
    result = CliRunner().invoke(main, ["diff", *versions, "--format", output_format, "--color"])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"--color applies to --format text, not {output_format}" in result.stderr
    assert CliRunner().invoke(main, ["diff", *versions, "--format", output_format,
                                     "--no-color"]).exit_code == 0


@pytest.mark.parametrize("command", [["view"], []])  # `revdiff INPUT...` is view's too
@pytest.mark.parametrize("layout", ["side", "unified", "auto"])
def test_view_plain_refuses_a_layout(versions: list[str], command: list[str],
                                     layout: str) -> None:
    """`view --plain` printed the text diff, which has no layout, and ignored --layout without
    a word: the combination is refused in one line naming both, before anything is read."""
    result = subprocess.run([sys.executable, "-m", "revdiff", *command, *versions, "--plain",
                             "--layout", layout], capture_output=True, text=True, check=False,
                            timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert f"--layout {layout} lays out the app, which --plain does not start" in line
    assert "leave out one of them, or for side by side without the app use `revdiff diff " \
           "--format html`" in line
    # either alone is taken: --plain prints the text diff
    plain = subprocess.run([sys.executable, "-m", "revdiff", *command, *versions, "--plain"],
                           capture_output=True, text=True, check=False, timeout=120)
    assert plain.returncode == 0 and "version 0 -> 1" in plain.stdout


def edit_heads(text: str) -> list[str]:
    """The label of each edit the text format prints."""
    return [line[2:].split()[0] for line in text.splitlines()
            if line[:2] in ("  ", "~ ", "- ", "+ ") and not line.startswith("    ")]


def test_only_and_flag_pick_the_edits_the_text_format_prints(versions: list[str]) -> None:
    assert edit_heads(run(*versions, "--no-color")) == ["unchanged", "edited", "deleted", "added"]
    assert edit_heads(run(*versions, "--flag", "number_changed")) == ["edited"]
    assert edit_heads(run(*versions, "--only", "added", "--only", "deleted")) == ["deleted", "added"]
    assert edit_heads(run(*versions, "--only", "edited", "--flag", "attribution_changed",
                          "--flag", "number_changed")) == ["edited"]
    # both must hold; a pair where none does says so under its counts
    nothing = run(*versions, "--only", "edited", "--flag", "quote_changed")
    assert edit_heads(nothing) == []
    assert nothing.splitlines()[-1] == "(no edit with the label edited and the flag quote_changed)"


def test_a_label_or_flag_given_twice_is_named_once_where_no_edit_has_it(versions: list[str]
                                                                        ) -> None:
    # `--only edited --only edited` said `(no edit with the label edited or edited ...)`
    nothing = run(*versions, "--only", "edited", "--only", "edited",
                  "--flag", "quote_changed", "--flag", "quote_changed")
    assert nothing.splitlines()[-1] == "(no edit with the label edited and the flag quote_changed)"


def test_a_title_with_the_flag_asked_for_is_no_pair_without_such_an_edit(tmp_path: Path) -> None:
    # only the title's number changed: `--flag number_changed` printed the title line flagged
    # [number_changed] and under it `(no edit with the flag number_changed)`
    database = tmp_path / "news.db"
    body = ("Rockets hit a base housing US troops.",)
    write_database(database, [Article("bbc", "https://www.bbc.co.uk/news/a-2", (
        Version(0, "Rockets hit 1 base in Iraq", body),
        Version(1, "Rockets hit 2 bases in Iraq", body)), 2)])
    title = "title: Rockets hit [-1 base-]{+2 bases+} in Iraq  [number_changed]"
    for asked in (["--flag", "number_changed"], ["--only", "edited", "--flag", "number_changed"]):
        printed = run(str(database), "--no-color", *asked)
        assert printed.splitlines()[2] == title and "(no edit" not in printed
    # the title is an edited one, and has no other flag
    for asked, note in ((["--flag", "quote_changed"], "the flag quote_changed"),
                        (["--only", "moved", "--flag", "number_changed"],
                         "the label moved and the flag number_changed")):
        assert run(str(database), "--no-color", *asked).splitlines()[-1] == f"(no edit with {note})"


def test_a_title_that_does_not_answer_only_or_flag_is_left_out_as_an_edit_is(tmp_path: Path
                                                                              ) -> None:
    # the title line, flagged [number_changed], was printed above `(no edit with the flag
    # quote_changed)` (and `--only added`'s note), as if it answered them
    database = tmp_path / "news.db"
    body = ("Rockets hit a base housing US troops.",)
    write_database(database, [Article("bbc", "https://www.bbc.co.uk/news/a-2", (
        Version(0, "Rockets hit 1 base in Iraq", body),
        Version(1, "Rockets hit 2 bases in Iraq", body)), 2)])
    for asked, note in ((["--flag", "quote_changed"], "the flag quote_changed"),
                        (["--only", "added"], "the label added")):
        printed = run(str(database), "--no-color", *asked)
        assert printed.splitlines()[2:] == [f"(no edit with {note})"]
    assert "title: Rockets hit" in run(str(database), "--no-color", "--changes-only")


@pytest.mark.parametrize("option", [["--only", "edited"], ["--flag", "attribution_changed"]])
def test_only_and_flag_are_refused_outside_the_text_format(versions: list[str],
                                                           option: list[str]) -> None:
    result = CliRunner().invoke(main, ["diff", *versions, "--format", "csv", *option])
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{option[0]} applies to --format text, not csv" in result.stderr


def test_pairs_are_one_blank_line_apart_when_changes_only_leaves_a_pair_no_edit(tmp_path: Path
                                                                               ) -> None:
    """A pair whose every sentence is unchanged, under --changes-only, kept the blank line that
    would have led to its edits: two blank lines stood before the next pair, and one at the end
    of the output, where every other pair is one blank line from the next."""
    for number, text in enumerate(("Kept.\n", "Kept.\n", "Kept.\n\nAdded.\n", "Kept.\n\nAdded.\n")):
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    text = run(str(tmp_path), "--no-color", "--changes-only")
    assert "\n\n\n" not in text
    assert text.endswith("changed; boring\n")
    assert [block.splitlines()[0] for block in text.split("\n\n") if "version" in block] == [
        f"{tmp_path.name}: version {old} -> {old + 1}" for old in range(3)]


@pytest.mark.parametrize("labels", [["added"], ["deleted"], ["unchanged"],
                                    ["added", "deleted", "unchanged"]])
def test_flag_with_only_labels_that_carry_no_flag_is_refused(versions: list[str],
                                                             labels: list[str]) -> None:
    """An added, deleted or unchanged sentence has no text on one side or the same on both, so
    it carries no flag: `--only added --flag number_changed` printed `(no edit with ...)` under
    every pair, whatever the input."""
    only = [option for label in labels for option in ("--only", label)]
    result = CliRunner().invoke(main, ["diff", *versions, *only, "--flag", "number_changed"])
    assert result.exit_code == 2 and result.stdout == ""
    [error] = result.stderr.splitlines()
    assert (f"--only {' or '.join(labels)} picks sentences that carry no flag (an added, deleted "
            f"or unchanged one has none), so --flag number_changed matches no edit; add --only "
            f"edited, moved, split or merged, or leave out --flag") in error
    # a label that can carry a flag beside them is an edit that may have it
    assert edit_heads(run(*versions, *only, "--only", "edited", "--flag", "number_changed")
                      ) == ["edited"]


@pytest.mark.parametrize("labels", [["added"], ["added", "unchanged"]])
def test_flag_beside_labels_that_carry_no_flag_warns_that_they_match_nothing(
        versions: list[str], labels: list[str]) -> None:
    """`--only added --only edited --flag number_changed`: the added sentences can never be
    printed, and the `--only added` was taken without a word (it is refused alone)."""
    only = [option for label in labels for option in ("--only", label)]
    result = CliRunner().invoke(main, ["diff", *versions, *only, "--only", "edited",
                                       "--flag", "number_changed", "--quiet"])
    assert result.exit_code == 0 and edit_heads(result.stdout) == ["edited"]
    # one line, said under --quiet too: it is about the options, not how the input was read
    assert result.stderr.splitlines() == [
        (f"revdiff: warning: --only {' or '.join(labels)} matches no edit with --flag "
         f"number_changed: an added, deleted or unchanged sentence carries no flag")]


def test_changes_only_with_only_unchanged_is_refused(versions: list[str]) -> None:
    # it printed `(no edit with the label unchanged)` beside counts of unchanged sentences
    result = CliRunner().invoke(main, ["diff", *versions, "--changes-only", "--only", "unchanged"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "--changes-only leaves out the unchanged sentences that --only unchanged asks for" \
        in result.stderr


@pytest.mark.parametrize(("old", "new", "shown"), [
    ("The army said that\nthe base was hit", "The army said that the base was hit",
     "    The army said that[-¶-] the base was hit"),
    ("The army said that the base was hit", "The army said that\nthe base was hit",
     "    The army said that {+¶+}the base was hit"),
    # a break inside a longer changed run showed as the newline's symbol: `hit[-.␊The-]`
    ("The army said the base was hit.\nThe attack came at night.",
     "The army said the base was hit, and the attack came at night.",
     "    The army said the base was hit[-.¶The-]{+, and the+} attack came at night."),
    ("The army said the base was hit, and the attack came at night.",
     "The army said the base was hit.\nThe attack came at night.",
     "    The army said the base was hit[-, and the-]{+.¶The+} attack came at night."),
])
def test_a_paragraph_break_merged_or_split_is_marked_as_one(tmp_path: Path, old: str, new: str,
                                                             shown: str) -> None:
    # a merge showed `that[-␊-]{+ +}the`: a control character's symbol and a space inserted
    paths = []
    for k, text in enumerate((old, new)):
        path = tmp_path / f"{k}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    assert run(*paths, "--no-color").splitlines()[-1] == shown


@pytest.mark.parametrize(("old", "new", "summary"), [
    # 周二 and 已升至三十 added, 为十二 removed: one word a character
    ("中国政府表示，死亡人数为十二人。", "中国政府周二表示，死亡人数已升至三十人。", "+7/-3 words"),
    # a number stays one word: 20 and と発表した added, 15 removed
    ("北朝鮮は弾道ミサイル15発を発射した。", "北朝鮮は弾道ミサイル20発を発射したと発表した。",
     "+6/-1 words")])
def test_chinese_and_japanese_words_are_counted_a_character_at_a_time(
        tmp_path: Path, old: str, new: str, summary: str) -> None:
    """The README said a word was a run between spaces: a clause of these scripts, written without
    them, would be one word; each ideograph and kana is one, as the edits table defines them."""
    paths = []
    for k, text in enumerate((old, new)):
        path = tmp_path / f"{k}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    assert run(*paths, "--no-color").splitlines()[1].startswith(f"1 edited; {summary}, ")


def test_a_line_that_reads_the_cut_mark_is_text_in_plain_versions(tmp_path: Path) -> None:
    # only a rendered NewsDiffs page cuts text to `[...]`: a version file's `[...]` line was left
    # out of the comparison as a cut mark, and its deletion was never shown
    paths = []
    for k, text in enumerate(("Talks resumed.\n\n[...]\n", "Talks resumed.\n")):
        path = tmp_path / f"{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    rows = [json.loads(line) for line in run(*paths, "--format", "jsonl").splitlines()]
    assert [(row["op"], row["old_text"]) for row in rows] == [
        ("unchanged", "Talks resumed."), ("deleted", "[...]")]


def test_a_change_of_unicode_form_alone_is_flagged_and_changes_no_word(tmp_path: Path) -> None:
    # one file writes `é` as one character, the other as `e` and a combining accent: `diff` said
    # `2 edited; +5/-5 words` and marked the words as changed, with no flag on the edits
    text = "Le café a été rénové.\n\nIl pleut à Montréal.\n"
    paths = []
    for k, form in enumerate(("NFC", "NFD")):
        path = tmp_path / f"{k}.txt"
        path.write_text(unicodedata.normalize(form, text), encoding="utf-8")
        paths.append(str(path))
    rows = [json.loads(line) for line in run(*paths, "--format", "jsonl").splitlines()]
    assert [(row["op"], row["flags"], row["words_removed"], row["words_added"]) for row in rows
            ] == [("edited", ["encoding_only"], 0, 0)] * 2
    assert rows[0]["new_text"] == unicodedata.normalize("NFD", "Le café a été rénové.")
    lines = run(*paths, "--no-color").splitlines()
    assert lines[1] == "2 edited; +0/-0 words, 0% changed; boring"
    assert lines[3].endswith("[encoding_only]")  # shown as the new version writes it (README)
    assert lines[4] == unicodedata.normalize("NFD", "    Le café a été rénové.")
    rows_shown = run(*paths, "--format", "html").partition("<table")[2]  # the key above shows both
    assert "encoding_<wbr>only" in rows_shown and "<del>" not in rows_shown and "<ins>" not in rows_shown


def _titled_in_two_forms(path: Path) -> str:
    """A NewsEdits file of one article whose second version writes the title's accents as
    combining characters (NFD) and adds a sentence."""
    title, body = "Le café de Montréal rouvre", ("Le café a été rénové.",)
    write_database(path, [Article("bbc", "https://www.bbc.co.uk/news/a-1", (
        Version(0, title, body), Version(1, unicodedata.normalize("NFD", title),
                                         (*body, "Il pleut."))), 2)])
    return str(path)


def test_a_title_written_in_another_unicode_form_is_said_to_be_encoding_only(tmp_path: Path
                                                                             ) -> None:
    # `diff` printed `title: Le café de Montréal rouvre` with nothing marked, as if the title had
    # changed in a way the word diff could not show; the tables gave no sign either
    database = _titled_in_two_forms(tmp_path / "news.db")
    lines = run(database, "--no-color").splitlines()
    assert lines[2] == unicodedata.normalize("NFD", "title: Le café de Montréal rouvre  [encoding_only]")
    document = json.loads(run(database, "--format", "json"))[0]
    assert document["title_flags"] == ["encoding_only"]
    page = run(database, "--format", "html")
    assert '<td class="op">title <span class="flags">encoding_<wbr>only</span></td>' in page


def test_diff_and_export_write_one_edit_schema(versions: list[str], tmp_path: Path) -> None:
    """`diff --format jsonl|csv` rows are the rows of the export's edits table, column for column."""
    folder = tmp_path / "article"
    folder.mkdir()
    for k, path in enumerate(versions):
        (folder / f"{k}.txt").write_bytes(Path(path).read_bytes())
    diffed = [json.loads(line) for line in run(str(folder), "--format", "jsonl").splitlines()]
    out = tmp_path / "e.jsonl"
    result = CliRunner().invoke(main, ["export", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(diffed[0]) == list(exported[0]) == list(EDIT_COLUMN_NAMES)
    assert diffed == exported
    csv_rows = list(csv.reader(io.StringIO(run(str(folder), "--format", "csv"))))
    assert tuple(csv_rows[0]) == EDIT_COLUMN_NAMES


def test_rows_name_an_article_without_a_url_alike_however_it_is_given(
        versions: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `diff` named the article by its folder, `export` by the path as typed (`samples/versio...`,
    # `/tmp/.../story/0.txt (+1 files)`), so one article had two names, and one per working folder
    folder = tmp_path / "story"
    folder.mkdir()
    for k, path in enumerate(versions):
        (folder / f"{k}.txt").write_bytes(Path(path).read_bytes())
    monkeypatch.chdir(tmp_path)
    names = set()
    for given in ([str(folder)], ["story/"], ["./story/0.txt", "story/1.txt"]):
        names.update(json.loads(line)["article"] for line in run(*given, "--format", "jsonl")
                     .splitlines())
        database = tmp_path / "news.sqlite"
        result = CliRunner().invoke(main, ["export", *given, "-o", str(database), "--quiet"])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(database) as connection:
            names.update(name for (name,) in connection.execute(
                "SELECT article FROM edits UNION SELECT article FROM entryversion"))
        database.unlink()
        result = CliRunner().invoke(main, ["export", *given, "-o", "-", "--format", "unified"])
        names.update(line.removeprefix("article ").rpartition(": version")[0]
                     for line in result.output.splitlines() if line.startswith("article "))
    names.update(row["article"] for row in revdiff.edits_table("story"))
    names.update(row["article"] for row in revdiff.edits_table(revdiff.load("story")[0]))
    assert names == {"story"}


def test_json_document_has_stats(versions: list[str]) -> None:
    documents = json.loads(run(*versions, "--format", "json"))
    assert len(documents) == 1
    assert documents[0]["edited"] == 1 and documents[0]["changed_share"] > 0
    assert len(documents[0]["edits"]) == 4
    assert set(documents[0]) == {*COMPARISON_COLUMN_NAMES, "edits"}


@pytest.mark.parametrize("output_format", ["json", "jsonl", "csv"])
def test_the_edits_name_the_sources_of_each_side(tmp_path: Path, output_format: str) -> None:
    # the rows flagged attribution_changed and said nothing of which source came or went
    old, new = tmp_path / "0.txt", tmp_path / "1.txt"
    old.write_text("A Pentagon official said the troops left.\n", encoding="utf-8")
    new.write_text("Defense Secretary Mark Esper said the troops left.\n", encoding="utf-8")
    text = run(str(old), str(new), "--format", output_format)
    if output_format == "json":
        [edit] = json.loads(text)[0]["edits"]
    elif output_format == "jsonl":
        [edit] = map(json.loads, text.splitlines())
    else:
        [row] = csv.DictReader(io.StringIO(text))
        edit = {name: json.loads(row[name]) for name in ("old_sources", "new_sources")}
    assert (edit["old_sources"], edit["new_sources"]) == (["pentagon official"],
                                                          ["defense secretary mark esper"])


def test_csv_rows(versions: list[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(run(*versions, "--format", "csv"))))
    assert [row["op"] for row in rows] == ["unchanged", "edited", "deleted", "added"]
    assert rows[1]["old_indices"] == "1" and rows[1]["flags"] == "number_changed"


def test_text_without_colour_marks_changes(versions: list[str]) -> None:
    output = run(*versions, "--no-color")
    assert "[-25-]{+26+}" in output and "\x1b[" not in output
    coloured = run(*versions, "--color")
    assert "\x1b[" in coloured


def test_text_lines_end_without_padding(tmp_path: Path) -> None:
    (tmp_path / "0.txt").write_text("First line.\n\nThis one goes away entirely.\n", encoding="utf-8")
    (tmp_path / "1.txt").write_text("First line.\n\nSomething unrelated was written.\n",
                                    encoding="utf-8")
    output = run(str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), "--no-color")
    assert "- deleted         1 -> -\n" in output and "+ added           - -> 1\n" in output
    assert not any(line.endswith(" ") for line in output.splitlines())


def test_an_edit_short_of_identical_never_shows_a_similarity_of_one(tmp_path: Path) -> None:
    """A comma dropped from a long sentence (similarity 0.997) read `sim 1.00`, the similarity
    of a sentence kept as it was."""
    clause = ("the committee, which met in the capital to review the budget proposals of the "
              "regional governments and of the agencies for roads, schools, health and defence, "
              "agreed on a text late on Thursday after many hours of talks")
    sentence = f"{clause} and {clause}."
    (tmp_path / "0.txt").write_text(sentence, encoding="utf-8")
    (tmp_path / "1.txt").write_text(sentence.replace("defence,", "defence", 1), encoding="utf-8")
    paths = [str(tmp_path / "0.txt"), str(tmp_path / "1.txt")]
    [edit] = [json.loads(line) for line in run(*paths, "--format", "jsonl").splitlines()]
    assert edit["op"] == "edited" and 0.995 < edit["similarity"] < 1
    assert "sim >0.99" in run(*paths, "--no-color")
    assert "edited &gt;0.99" in run(*paths, "--format", "html")


def test_unified(versions: list[str]) -> None:
    output = run(*versions, "--format", "unified")
    lines = output.splitlines()
    assert lines[0].startswith("article ") and lines[0].endswith(": version 0 -> 1")
    assert lines[1].startswith("--- ") and lines[2].startswith("+++ ")
    assert "-At least 25 people died." in lines and "+At least 26 people died." in lines
    assert any(line.startswith("@@ -") for line in lines)


def test_html_escapes_text(versions: list[str]) -> None:
    output = run(*versions, "--format", "html")
    assert "&lt;b&gt;New&lt;/b&gt; &amp; improved" in output
    assert "<b>New</b>" not in output
    HTMLParser().feed(output)


def test_lines_mode(versions: list[str]) -> None:
    rows = [json.loads(line) for line in run(*versions, "--format", "jsonl", "--sentences", "lines")
            .splitlines()]
    assert rows[0]["op"] == "edited"


def test_bad_input_is_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    finished = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(missing)],
                              capture_output=True, text=True, check=False, timeout=120)
    assert finished.returncode == 2
    assert finished.stdout == ""
    [line] = finished.stderr.splitlines()
    assert line.startswith("revdiff: error: ") and str(missing) in line
    assert "no such file" in line and "Traceback" not in finished.stderr


@pytest.mark.parametrize(("arguments", "said"), [
    (["diff", "--format", "xml", "a.txt"], "diff: Invalid value for '--format': 'xml'"),
    (["diff", "--bogus", "a.txt"], "diff: No such option '--bogus' (see `revdiff diff"),
    # `revdiff FILE --format json` is the app's command line: the commands that take it are named;
    # a command the user did not type is not named as the one given (`view: ...`), but its help
    (["a.txt", "--format", "json"], ("No such option '--format': `revdiff diff`, "
                                     "`revdiff export` and `revdiff parse` take it (see "
                                     "`revdiff view --help`, the options of `revdiff INPUT...`)")),
    (["--layout", "diag", "a.txt"], ("Invalid value for '--layout': 'diag' is not one of "
                                     "'auto', 'side', 'unified' (see `revdiff view --help`, the "
                                     "options of `revdiff INPUT...`)")),
    (["view", "--layout", "diag", "a.txt"], ("view: Invalid value for '--layout': 'diag' is not "
                                             "one of 'auto', 'side', 'unified' (see `revdiff "
                                             "view --help`)")),
    (["parse", "a.txt", "--repo", "r"], ("parse: No such option '--repo': "
                                         "`revdiff store` takes it (see `revdiff parse --help`)")),
    # the off form of a flag is the flag's; a typo of the command's own option keeps click's guess
    (["parse", "a.txt", "--no-color"], ("parse: No such option '--no-color': "
                                        "`revdiff diff` takes it (see")),
    (["diff", "a.txt", "--no-progress"], ("diff: No such option '--no-progress': "
                                          "`revdiff store` takes it (see `revdiff diff --help`)")),
    (["diff", "a.txt", "--no-colr"], ("diff: No such option '--no-colr'. (Did you mean "
                                      "one of: '--color', '--no-color'?) (see")),
    (["diff"], "diff: Missing argument 'INPUT...' (see `revdiff diff --help`)"),
    (["export", "a.txt", "-o", "x.jsonl", "--max-size", "abc"], "export: Invalid value"),
    (["export", "a.txt", "-o"], "export: Option '-o' requires an argument"),
    (["store", "a.txt", "--repo"], ("store: Option '--repo' requires an argument (see "
                                    "`revdiff store --help`)")),
    # the options after `--version` or `--help` are revdiff's own: click printed its usage there
    (["--version", "--max-size", "1K"], ("No such option '--max-size': `revdiff diff`, "
                                         "`revdiff export`, `revdiff parse`, `revdiff store` and "
                                         "`revdiff view` take it (see `revdiff --help`)")),
    (["--help", "--bogus"], "No such option '--bogus' (see `revdiff --help`)"),
    # revdiff's own --version after a command's option: it was "No such option" of `view`
    (["--max-size", "1M", "--version"], ("--version is an option of revdiff itself, not of "
                                         "`revdiff INPUT...` (run `revdiff --version`, with no "
                                         "other argument)")),
    (["diff", "a.txt", "--version"], ("diff: --version is an option of revdiff itself, not of "
                                      "`revdiff diff` (run `revdiff --version`, with no other "
                                      "argument)"))])
def test_a_bad_option_is_one_line_error(arguments: list[str], said: str) -> None:
    finished = subprocess.run([sys.executable, "-m", "revdiff", *arguments], capture_output=True,
                              text=True, check=False, timeout=120)
    assert finished.returncode == 2 and finished.stdout == ""
    [line] = finished.stderr.splitlines()
    # the command named once, after revdiff's own prefix: it was `revdiff: error: revdiff diff:`
    assert line.startswith(f"revdiff: error: {said}")


def test_the_text_diff_compares_the_text_as_it_is_and_shows_its_controls(tmp_path: Path) -> None:
    """The text format compared titles with their control characters already made symbols: a
    title changed only by a tab was flagged punctuation_only there, whitespace_only in JSON."""
    database = tmp_path / "news.db"
    write_database(database, [Article(None, "https://example.org/tab", (
        Version(0, "Troops land", ("It rained.\x1b[2J",)),
        Version(1, "Troops\tland", ("It rained hard.\x1b[2J",))), 2)])
    text = CliRunner().invoke(main, ["diff", "--no-color", str(database)])
    assert text.exit_code == 0, text.output
    assert "[whitespace_only]" in text.output and "␛[2J" in text.output
    assert "\x1b" not in text.output
    data = json.loads(CliRunner().invoke(main, ["diff", "--format", "json", str(database)]).output)
    assert data[0]["title_flags"] == ["whitespace_only"]


def test_untitled_articles_of_one_input_are_named_as_export_names_them(tmp_path: Path) -> None:
    """diff named every article of a file that has no URL or title by the file alone, where
    export and the Python tables say `FILE#k`."""
    database = tmp_path / "news.db"
    write_database(database, [Article(None, None, (Version(0, "", (f"Story {k}.",)),
                                                   Version(1, "", (f"Story {k}, more.",))), 2)
                              for k in range(2)])
    result = CliRunner().invoke(main, ["diff", "--format", "jsonl", str(database)])
    assert result.exit_code == 0, result.output
    named = sorted({json.loads(line)["article"] for line in result.output.splitlines()})
    assert named == [f"{database}#0", f"{database}#1"]
    assert named == sorted({row["article"] for row in revdiff.edits_table(database)})


def test_parse_json_is_a_list_for_one_article_as_for_several() -> None:
    # one article was printed as an object and several as a list, so a script read them apart
    samples = Path(__file__).resolve().parents[2] / "samples" / "versions"
    for inputs in ([samples / "iran-strikes-us-troops-in-iraq"], sorted(samples.iterdir())):
        result = CliRunner().invoke(main, ["parse", *map(str, inputs)])
        assert result.exit_code == 0, result.output
        assert [article["versions"][0]["title"] for article in json.loads(result.stdout)] \
            == [path.name for path in inputs]


@pytest.mark.parametrize("output", ["json", "jsonl"])
def test_parse_json_tells_which_versions_a_page_cut(tmp_path: Path, versions: list[str],
                                                    output: str) -> None:
    # only the warnings' wording told that a version's [...] paragraphs mark left-out text
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    page = render_rendered_page(Version(1, "T", p), Version(2, "T", (*p[:6], "Inserted.", *p[6:])),
                                DiffPageInfo("https://example.com/a"))
    (tmp_path / "cut.html").write_text(page, encoding="utf-8")

    def cut_flags(*paths: str) -> list[bool]:
        result = CliRunner().invoke(main, ["parse", *paths, "--format", output])
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        [article] = json.loads(result.stdout) if output == "json" else map(json.loads, lines)
        return [version["cut"] for version in article["versions"]]

    assert cut_flags(str(tmp_path / "cut.html")) == [True, True]
    assert cut_flags(*versions) == [False, False]


def test_parse_json_tells_which_version_a_time_counts_from(tmp_path: Path) -> None:
    """Version 2's `about 1 hour later`, told by a page comparing versions 0 and 2, was printed
    after version 1 with nothing to say that it counts from version 0, as the text summary and
    the comparisons table know."""
    samples = Path(__file__).resolve().parents[2] / "samples"
    page = (samples / "sniffer-diff" / "iran-strikes-v0-v1.txt").read_text(encoding="utf-8")
    assert "\nVersion 0 Version 1\n" in page
    (tmp_path / "v0-v2.txt").write_text(page.replace("\nVersion 0 Version 1\n",
                                                     "\nVersion 0 Version 2\n"), encoding="utf-8")
    version = (samples / "sniffer-version.txt").read_text(encoding="utf-8")
    assert "\nVersion 2 of 5.\n" in version
    (tmp_path / "v1.txt").write_text(version.replace("\nVersion 2 of 5.\n", "\nVersion 1 of 5.\n"),
                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "v0-v2.txt"),
                                       str(tmp_path / "v1.txt")])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)
    assert [(v["number"], v["time_text"], v["time_from"]) for v in article["versions"]] == \
        [(0, None, None), (1, None, None), (2, "about 1 hour later", 0)]


def test_parse_text_counts_in_the_singular_where_there_is_one(tmp_path: Path) -> None:
    for number, text in enumerate(("Alone\n", "Two words\n\nand more words here\n")):
        (tmp_path / f"{number}.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(tmp_path), "--format", "text"])
    assert result.exit_code == 0, result.output
    first, second = [line for line in result.stdout.splitlines() if "version" in line]
    assert "   1 paragraph       1 word  " in first
    assert "   2 paragraphs      6 words " in second


def test_parse_json_keeps_a_small_confidence_not_zero() -> None:
    # rounded to six decimals, the washpo page's confidence, the product of its many unsure rows'
    # (under 1e-6), read 0.0: six significant digits keep what it is
    page = str(Path(__file__).resolve().parents[2] / "samples" / "washpo-soleimani-v6-v7.txt")
    (reading,) = revdiff.load(page)[0].pages
    result = CliRunner().invoke(main, ["parse", page, "-q"])
    assert result.exit_code == 0, result.output
    [shown] = json.loads(result.stdout)[0]["pages"]
    assert 0 < reading.confidence < 1e-6
    assert shown["confidence"] == pytest.approx(reading.confidence, rel=1e-5)
    assert [row["confidence"] for row in shown["rows"]] == \
        [pytest.approx(row.confidence, rel=1e-5) for row in reading.rows]


def test_parse_text_shows_a_small_page_confidence_as_under_a_thousandth() -> None:
    """The washpo page's confidence (about 1e-11) read `confidence 0.000` in the text summary,
    as if the page were surely misread: `<0.001`, as `diff` writes `<1%` for some change."""
    page = str(Path(__file__).resolve().parents[2] / "samples" / "washpo-soleimani-v6-v7.txt")
    result = CliRunner().invoke(main, ["parse", page, "--format", "text"])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("  page ")]
    assert ": 42 rows read, confidence <0.001; unsure rows at lines 10-36" in line


def test_parse_text_counts_no_cut_mark_of_a_rendered_page_as_a_paragraph() -> None:
    """A version a rendered NewsDiffs page cut to `[...]` was counted with its marks: `5
    paragraphs` for the 4 of text the page shows, compared and searched."""
    page = str(Path(__file__).resolve().parents[2] / "samples" / "newsdiffs"
               / "us-sends-3000-troops-v1-v2-rendered.html")
    (article,) = revdiff.load(page)
    assert [version.paragraphs.count("[...]") for version in article.versions] == [1, 1]
    result = CliRunner().invoke(main, ["parse", page, "--format", "text"])
    assert result.exit_code == 0, result.output
    counts = [int(line.split()[2]) for line in result.stdout.splitlines()
              if line.startswith("  version")]
    assert counts == [len(version.paragraphs) - 1 for version in article.versions]


def test_parse_text_names_an_article_without_a_url_by_its_folder(tmp_path: Path) -> None:
    # every plain folder's heading read `unknown source  (no URL)`
    story = tmp_path / "quake-story"
    story.mkdir()
    for number, text in enumerate(("A quake hit.\n", "A strong quake hit.\n")):
        (story / f"{number}.txt").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(story), "--format", "text"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "quake-story (no URL)"


def test_parse_text_writes_a_time_as_the_diff_header_does() -> None:
    # `parse --format text` wrote `2020-01-03T14:05:00+00:00` where the diff's header, the app
    # and the HTML pages write `2020-01-03 14:05:00+00:00`; its JSON keeps ISO 8601's `T`
    database = str(Path(__file__).resolve().parents[2] / "samples" / "newsedits.sqlite")
    summary = CliRunner().invoke(main, ["parse", database, "--format", "text"])
    header = CliRunner().invoke(main, ["diff", database, "--no-color"])
    assert (summary.exit_code, header.exit_code) == (0, 0), summary.output + header.output
    first, second = [line for line in summary.stdout.splitlines() if line.startswith("  version")][:2]
    assert "words  2020-01-03 14:05:00+00:00  US sends" in first
    assert "words  2020-01-03 15:40:00+00:00  US deploys" in second
    assert header.stdout.splitlines()[0].endswith(
        "version 0 (2020-01-03 14:05:00+00:00) -> 1 (2020-01-03 15:40:00+00:00)")
    (data,) = json.loads(CliRunner().invoke(main, ["parse", database]).stdout)[:1]
    assert data["versions"][0]["time"] == "2020-01-03T14:05:00+00:00"


class _Interrupted(Exception):
    """Raised in place of comparing an article: what was printed by then is what a reader saw."""


@pytest.mark.parametrize(("command", "start"), [
    (["diff", "--no-color"], "https://www.bbc.co.uk/news/a-0: version 0 -> 1"),
    (["view", "--plain"], "https://www.bbc.co.uk/news/a-0: version 0 -> 1"),
    (["diff", "--format", "json"], '[\n  {\n    "article_index": 0,'),
    (["diff", "--format", "html"],
     page_head("2 articles: https://www.bbc.co.uk/news/a-0, https://www.bbc.co.uk/news/a-1 - "
               "revdiff")
     + '<main>\n<h1>2 articles: <bdi lang="">https://www.bbc.co.uk/news/a-0</bdi>, '
     + '<bdi lang="">https://www.bbc.co.uk/news/a-1</bdi></h1>\n'
     + LEGEND + "\n<h2><bdi lang=\"\">https://www.bbc.co.uk/news/a-0</bdi>: version 0 &rarr; 1</h2>"),
])
def test_the_text_of_an_article_is_printed_before_the_next_is_compared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], start: str) -> None:
    """The text diff was printed once every article was compared: a NewsEdits file of 20,000
    articles showed nothing for 74 s and held its 180 MB of text at once. The JSON array was
    made whole before it was written (1.2 GB held for 3,000 articles), and so was the HTML page
    (226 MB held for them)."""
    import revdiff.export.pairs

    # the module, not the command of the same name that `revdiff.cli` holds
    view_module = importlib.import_module("revdiff.cli.view")
    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", f"https://www.bbc.co.uk/news/a-{k}", (
        Version(0, "", (f"Story {k}.",)), Version(1, "", (f"Story {k}, more.",))), 2)
        for k in range(2)])
    compared_pairs = revdiff.export.pairs.compared_pairs

    def compare_the_first_only(article: Article, sentences: str,
                               pairs: list[tuple[int, int]] | None = None) -> Iterator[object]:
        if article.url and article.url.endswith("a-1"):
            raise _Interrupted
        return compared_pairs(article, sentences, pairs)  # type: ignore[return-value]

    # the commands import it when they run
    monkeypatch.setattr(revdiff.export.pairs, "compared_pairs", compare_the_first_only)
    monkeypatch.setattr(view_module, "stdout_is_terminal", lambda: False)
    result = CliRunner().invoke(main, [*command, str(database)])
    assert isinstance(result.exception, _Interrupted)
    assert result.stdout.startswith(start)


@pytest.mark.parametrize(("output_format", "start"), [
    ("text", "live: version 0 -> 1"),
    ("jsonl", '{"article_index": 0,'),
    ("json", '[\n  {\n    "article_index": 0,'),
])
def test_a_pair_of_a_live_blog_is_printed_before_its_next_pair_is_compared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str, start: str) -> None:
    """Every pair of an article was compared before the first was printed, so a live blog of
    500 versions of a few hundred paragraphs each held its 499 comparisons at once (400 MB)."""
    import revdiff.engine

    folder = tmp_path / "live"
    folder.mkdir()
    paragraphs: list[str] = []
    for k in range(4):
        paragraphs.insert(0, f"Update {k}: the minister spoke.")
        (folder / f"{k}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    compare = revdiff.engine.compare
    comparisons_made = 0

    def compare_the_first_pair_only(*args: Any, **kwargs: Any) -> object:
        nonlocal comparisons_made
        comparisons_made += 1
        if comparisons_made > 1:
            raise _Interrupted
        return compare(*args, **kwargs)

    # `revdiff.export.pairs` imports it when it compares
    monkeypatch.setattr(revdiff.engine, "compare", compare_the_first_pair_only)
    result = CliRunner().invoke(main, ["diff", "--no-color", "-q", "--format", output_format,
                                       str(folder)])
    assert isinstance(result.exception, _Interrupted)
    assert result.stdout.startswith(start)


@pytest.mark.parametrize("values", [[], [{}], [{"a": ["x\ny", {"b": []}], "c": "\u2028"}, 2, []]])
def test_a_json_array_made_in_pieces_is_the_text_json_makes_of_it_whole(values: list[object]
                                                                       ) -> None:
    # its Unicode line breaks escaped, as JSON Lines' are
    assert "".join(json_array(values)) == escape_line_breaks(
        json.dumps(values, ensure_ascii=False, indent=2))


@pytest.mark.parametrize(("output_format", "made", "start"), [
    ("json", "article_to_dict", '[\n  {\n    "source": "bbc",\n    "url": "https://www.bbc.co.uk/news/a-0"'),
    ("text", "article_summary", "bbc  https://www.bbc.co.uk/news/a-0\n"),
])
def test_parse_writes_each_article_before_the_next_is_made_into_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output_format: str, made: str,
        start: str) -> None:
    """parse made every article's text, then the text of the whole array (or summary), before
    writing any: a NewsEdits file of 20,000 articles peaked at 840 MB, its articles 290 MB."""
    import revdiff.export.article_json as made_by  # which `parse` imports when it runs

    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", f"https://www.bbc.co.uk/news/a-{k}", (
        Version(0, "", (f"Story {k}.",)),), 1) for k in range(2)])
    make_text = getattr(made_by, made)

    def make_the_first_only(article: Article) -> object:
        if article.url and article.url.endswith("a-1"):
            raise _Interrupted
        return make_text(article)

    monkeypatch.setattr(made_by, made, make_the_first_only)
    result = CliRunner().invoke(main, ["parse", "--format", output_format, str(database)])
    assert isinstance(result.exception, _Interrupted)
    assert result.stdout.startswith(start)


def test_the_html_page_is_titled_and_headed_by_the_article_and_its_versions(tmp_path: Path
                                                                            ) -> None:
    """The page was titled `revdiff` whatever it compared, and each pair headed by the article's
    URL (or the input's path); it names the article's title and its versions, as the report does."""
    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", "https://www.bbc.co.uk/news/a-1", (
        Version(3, "Storm nears", ("It rained.",)), Version(4, "Storm nears", ("It poured.",)),
        Version(5, "Storm hits coast", ("It poured.",))), 3)])
    page = run(str(database), "--format", "html")
    assert "<title>Storm hits coast: versions 3 to 5 - revdiff</title>" in page
    assert "<h2>version 3 &rarr; 4</h2>" in page
    assert "bbc.co.uk" not in page


def test_the_html_page_has_one_main_heading_above_its_pairs(tmp_path: Path) -> None:
    """The page's headings started at <h2>, one per pair, with no <h1>: a screen reader's list of
    headings, or the outline, began a level down. The page is headed as it is titled."""
    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", "https://www.bbc.co.uk/news/a-1", (
        Version(3, "Storm & <b>coast</b>", ("It rained.",)),
        Version(4, "Storm & <b>coast</b>", ("It poured.",))), 2)])
    page = run(str(database), "--format", "html")
    levels = re.findall(r"<h([1-6])\b", page)
    assert levels == ["1", "2"]
    assert '<h1><bdi lang="">Storm &amp; &lt;b&gt;coast&lt;/b&gt;</bdi>: versions 3 to 4</h1>' in page
    assert "<title>Storm &amp; &lt;b&gt;coast&lt;/b&gt;: versions 3 to 4 - revdiff</title>" in page


def _live_blog(folder: Path, updates: int) -> Path:
    """A chain of versions, each adding an update to the page and editing the one before."""
    folder.mkdir()
    paragraphs = [f"Paragraph {n} stays as it was." for n in range(6)]
    for k in range(updates + 1):
        edited = [f"Update {u} is edited in version {k}." for u in range(1, k)]
        new = [f"Update {k} is new."] if k else []
        (folder / f"{k}.txt").write_text("\n\n".join([*paragraphs, *edited, *new]) + "\n",
                                         encoding="utf-8")
    return folder


def test_the_html_page_writes_a_sentence_once_and_heads_each_pair_by_its_versions(
        tmp_path: Path) -> None:
    """Each pair's table repeated the article's unchanged text and each pair's heading its
    title, so a live blog's page grew with the square of its versions (200 versions: 3.36 MB):
    as in the report, a later pair links its unchanged run to where the page shows it, and the
    pairs are headed by their versions under the page's heading, which names the article."""
    page = run(str(_live_blog(tmp_path / "live", 5)), "--format", "html")
    assert all(page.count(f"Paragraph {n} stays as it was.") == 1 for n in range(5))
    assert re.findall(r"<h2>.*</h2>", page)[:2] == ["<h2>version 0 &rarr; 1</h2>",
                                                    "<h2>version 1 &rarr; 2</h2>"]
    assert '<h1><bdi lang="">live</bdi>: versions 0 to 5</h1>' in page
    ids = re.findall(r' id="([^"]+)"', page)
    links = re.findall(r'<a href="#([^"]+)">', page)
    assert links and set(links) <= set(ids)


def test_the_html_page_of_several_articles_names_each_and_links_within_each(
        tmp_path: Path) -> None:
    """On a page of several articles each pair still names its article, and each article's
    sentences have ids of their own: a link never leads into another article's table."""
    folders = [_live_blog(tmp_path / name, 3) for name in ("calm", "storm")]
    page = run(*map(str, folders), "--format", "html")
    assert '<h2><bdi lang="">storm</bdi>: version 2 &rarr; 3</h2>' in page
    assert page.count("Paragraph 0 stays as it was.") == 2  # once in each article's first pair
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    storm = page.split('<h2><bdi lang="">storm</bdi>', 1)[1]
    assert set(re.findall(r'<a href="#([^"]+)">', storm)) <= set(re.findall(r' id="([^"]+)"', storm))


def test_the_html_page_of_several_articles_gives_each_pair_s_times(tmp_path: Path) -> None:
    """A page of one article heads each pair with its versions' times; a page of several gave
    the versions alone: it gives their times too, after the article's name."""
    from datetime import UTC, datetime

    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", f"https://www.bbc.co.uk/news/a-{n}", (
        Version(0, "Storm", ("It rained.",), datetime(2024, 1, 5, 9, 30, tzinfo=UTC)),
        Version(1, "Storm", ("It poured.",), None, "about 1 hour later"))) for n in (1, 2)])
    page = run(str(database), "--format", "html")
    headings = re.findall(r"<h2>.*</h2>", page)
    assert headings == [(f'<h2><bdi lang="">Storm</bdi> (<bdi>https://www.bbc.co.uk/news/a-{n}</bdi>): '
                         "version 0 <small>(2024-01-05 09:30:00+00:00)</small> "
                         "&rarr; 1 <small>(about 1 hour later)</small></h2>") for n in (1, 2)]


def test_the_html_page_of_several_articles_tells_apart_two_of_one_title(tmp_path: Path) -> None:
    """Each pair was headed by its article's title alone: two articles of one title read as one.
    It gives the article's name too, as the text's header line names it (its URL, or the input
    it came from), where that is not its title."""
    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", f"https://www.bbc.co.uk/news/a-{n}", (
        Version(0, "Storm", ("It rained.",), None), Version(1, "Storm", ("It poured.",), None)))
        for n in (1, 2)])
    headings = re.findall(r"<h2>.*</h2>", run(str(database), "--format", "html"))
    texts = [line for line in run(str(database), "--no-color").splitlines() if ": version " in line]
    assert texts == [f"https://www.bbc.co.uk/news/a-{n}: version 0 -> 1" for n in (1, 2)]
    assert headings == [f'<h2><bdi lang="">Storm</bdi> (<bdi>https://www.bbc.co.uk/news/a-{n}</bdi>): '
                        "version 0 &rarr; 1</h2>" for n in (1, 2)]


def test_json_line_escapes_the_unicode_line_breaks_and_nothing_else() -> None:
    """The line breaks JSON leaves raw are escaped, each wherever it stands; other text, quotes
    and letters beyond ASCII among it, is as `json.dumps` writes it."""
    value = {"text": "\x85a\u2028b\u2029“c”\x85\u2028\u2029", "n": 1}
    assert json_line(value) == ('{"text": "\\u0085a\\u2028b\\u2029“c”\\u0085\\u2028\\u2029", '
                                '"n": 1}')
    assert json.loads(json_line(value)) == value


@pytest.fixture
def version_2_not_given(tmp_path: Path) -> str:
    """A NewsEdits file of versions 0, 1 and 3, each after the first timed as News Sniffer tells
    it, from the version numbered before it: v3's `about 1 hour later` counts from v2."""
    database = tmp_path / "skips.sqlite"
    texts = {0: "Troops were sent.", 1: "More troops were sent.", 3: "Three thousand troops were sent."}
    write_database(database, [Article(None, "https://example.org/troops", tuple(
        Version(number, "Troops", (text,), None, "about 1 hour later" if number else None)
        for number, text in texts.items()))])
    return str(database)


def test_json_leaves_out_a_new_time_told_from_a_version_the_pair_skips(version_2_not_given: str
                                                                      ) -> None:
    pairs = json.loads(run(version_2_not_given, "--format", "json"))
    assert [(pair["new_version"], pair["new_time"]) for pair in pairs] == [
        (1, "about 1 hour later"), (3, None)]


def test_unified_leaves_out_times_told_from_versions_the_pair_does_not_show(version_2_not_given: str
                                                                         ) -> None:
    headers = [line for line in run(version_2_not_given, "--format", "unified").splitlines()
               if line.startswith(("--- ", "+++ "))]
    assert headers == ["--- a/example-org-troops\tversion 0",
                       "+++ b/example-org-troops\tversion 1 (about 1 hour later)",
                       "--- a/example-org-troops\tversion 1",
                       "+++ b/example-org-troops\tversion 3"]


def test_html_leaves_out_times_told_from_versions_the_pair_does_not_show(version_2_not_given: str
                                                                         ) -> None:
    """A new version's time told from a version the pair skips is left out, and so is an old
    version's told from the version before it, which the pair does not show (`version 1 (about 1
    hour later) → 3` reads as an hour after something unseen): the headings read as the text's
    header lines."""
    headings = re.findall("<h2>version .*</h2>", run(version_2_not_given, "--format", "html"))
    assert headings == ["<h2>version 0 &rarr; 1 <small>(about 1 hour later)</small></h2>",
                        "<h2>version 1 &rarr; 3</h2>"]


def test_text_heads_each_pair_with_the_times_of_its_versions(version_2_not_given: str) -> None:
    headers = [line for line in run(version_2_not_given, "--no-color").splitlines()
               if ": version " in line]
    assert headers == ["https://example.org/troops: version 0 -> 1 (about 1 hour later)",
                       "https://example.org/troops: version 1 -> 3"]
    page = Path(__file__).resolve().parents[2] / "samples" / "newsdiffs" / "us-deploys-troops-v1-v2-raw.html"
    dated = run(str(page), "--no-color").splitlines()[0]
    assert dated.endswith(": version 1 (2020-01-03 15:40:00+00:00) -> 2 (2020-01-03 17:12:00+00:00)")


def test_headers_give_an_old_time_told_from_the_pair_s_new_version(tmp_path: Path) -> None:
    """A page reached by "Previous version" times the old version from the new one (`about 1
    hour earlier`): the comparisons' `old_time` gives it, and the HTML, text and unified headers
    left it out as a time told from the version before the pair."""
    from datetime import UTC, datetime

    database = tmp_path / "previous.sqlite"
    write_database(database, [Article(None, "https://example.org/troops", (
        Version(4, "Troops", ("Troops were sent.",), None, "about 1 hour earlier"),
        Version(5, "Troops", ("More troops were sent.",),
                datetime(2024, 1, 5, 9, 30, tzinfo=UTC))))])
    [pair] = json.loads(run(str(database), "--format", "json"))
    assert pair["old_time"] == "about 1 hour earlier"
    headings = re.findall("<h2>version .*</h2>", run(str(database), "--format", "html"))
    assert headings == [("<h2>version 4 <small>(about 1 hour earlier)</small> &rarr; "
                         "5 <small>(2024-01-05 09:30:00+00:00)</small></h2>")]
    texts = [line for line in run(str(database), "--no-color").splitlines() if ": version " in line]
    assert texts == [("https://example.org/troops: version 4 (about 1 hour earlier) -> "
                      "5 (2024-01-05 09:30:00+00:00)")]
    headers = [line for line in run(str(database), "--format", "unified").splitlines()
               if line.startswith(("--- ", "+++ "))]
    assert headers == ["--- a/example-org-troops\tversion 4 (about 1 hour earlier)",
                       "+++ b/example-org-troops\tversion 5 (2024-01-05T09:30:00+00:00)"]


def test_text_marks_the_edits_read_from_unsure_rows_of_a_flattened_page() -> None:
    """A page read alone leaves rows unsure: their edits say so in the text, with the
    confidence the tables give them, rounded down, so that a pipe or a file keeps the mark."""
    page = str(Path(__file__).resolve().parents[2] / "samples" / "sniffer-diff" / "iran-strikes-v0-v1.txt")
    rows = [json.loads(line) for line in run(page, "--format", "jsonl", "-q").splitlines()]
    heads = [line for line in run(page, "--no-color", "-q").splitlines() if line[:1] in "~+-> <="
             and re.match(r". \w+ +[\d,-]+ -> ", line)]
    assert len(heads) == len(rows)
    for head, row in zip(heads, rows, strict=True):
        unsure = row["confidence"] < 0.99
        assert head.endswith(f"  ? {int(row['confidence'] * 100)}% sure") == unsure, head
    assert sum("% sure" in head for head in heads) == 4
    chain = sorted(str(path) for path in Path(page).parent.glob("*.txt"))
    assert "% sure" not in run(*chain, "--no-color")  # read together, every row is decided


def test_the_diff_page_marks_the_rows_read_unsure_as_the_report_does(tmp_path: Path) -> None:
    """`revdiff diff --format html` marked no row of a flattened page unsure, where the export's
    report marks each `? N% sure`: both pages now mark the same rows, and say what the mark means."""
    page = str(Path(__file__).resolve().parents[2] / "samples" / "washpo-soleimani-v6-v7.txt")
    result = CliRunner().invoke(main, ["export", page, "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    (report_page,) = (tmp_path / "report").glob("000000-*.html")
    mark = r'<tr class="[a-z]+ unsure"[^>]*><td class="op">[^<]*<span class="sureness">([^<]*)'
    reported = re.findall(mark, report_page.read_text(encoding="utf-8"))
    assert reported
    shown = run("--format", "html", page)
    assert re.findall(mark, shown) == reported
    assert "unsure" in shown.split("How to read the tables", 1)[1].split("</p>", 1)[0]


def test_the_diff_page_explains_no_unsure_mark_that_no_row_shows(tmp_path: Path) -> None:
    """The legend of `revdiff diff --format html` said what `? N% sure` means whenever an
    article's reading was unsure, but the tables mark rows edit by edit: a page whose one unsure
    row is blank (no sentence, no edit) explained a mark it never showed."""
    page = page_of_one_blank_unsure_row(tmp_path)
    shown = run("--format", "html", "-q", str(page)).split("</style>", 1)[1]
    assert "How to read the tables" in shown
    assert "sureness" not in shown and "% sure" not in shown


def test_the_html_page_of_several_articles_isolates_a_title_from_its_url(tmp_path: Path) -> None:
    """A pair was headed `<bdi>TITLE (URL)</bdi>`: a right-to-left title took the URL into its
    direction and drew it on the wrong side. The title and the name after it are each isolated."""
    database = tmp_path / "news.db"
    write_database(database, [Article("bbc", f"https://www.bbc.co.uk/news/a-{n}", (
        Version(0, "خبر عاجل", ("It rained.",), None), Version(1, "خبر عاجل", ("It poured.",), None)))
        for n in (1, 2)])
    headings = re.findall(r"<h2>.*</h2>", run(str(database), "--format", "html"))
    assert headings == [f'<h2><bdi lang="">خبر عاجل</bdi> (<bdi>https://www.bbc.co.uk/news/a-{n}'
                        "</bdi>): version 0 &rarr; 1</h2>" for n in (1, 2)]


def test_the_html_page_s_heading_does_not_say_the_titles_in_it_are_english(
        tmp_path: Path) -> None:
    """The page's heading, `TITLE: versions 3 to 4`, was English whole (the page's `lang="en"`),
    so a screen reader read a German title with English rules, and a right-to-left title set
    the direction of the words after it; each title in it is now isolated and of unknown
    language (`<bdi lang="">`), as each pair's heading gives an article's on a page of several."""
    one = tmp_path / "one.db"
    write_database(one, [Article("bbc", "https://example.de/sturm", (
        Version(3, "Sturm & Küste", ("Es regnet.",)),
        Version(4, "Sturm & Küste", ("Es regnet stark.",))), 2)])
    page = run(str(one), "--format", "html")
    assert '<h1><bdi lang="">Sturm &amp; Küste</bdi>: versions 3 to 4</h1>' in page
    assert "<title>Sturm &amp; Küste: versions 3 to 4 - revdiff</title>" in page
    several = tmp_path / "several.db"
    write_database(several, [Article("bbc", f"https://example.de/{n}", (
        Version(0, f"Sturm {n}", ("Es regnet.",)),
        Version(1, f"Sturm {n}", ("Es regnet stark.",))), n) for n in range(4)])
    page = run(str(several), "--format", "html")
    assert ('<h1>4 articles: <bdi lang="">Sturm 0</bdi>, <bdi lang="">Sturm 1</bdi>, '
            '<bdi lang="">Sturm 2</bdi>, ...</h1>') in page


def test_a_size_limit_of_one_byte_is_worded_in_the_singular() -> None:
    """`--max-size 1` said `more than the size limit of 1 bytes`."""
    result = CliRunner().invoke(main, ["diff", str(CHAIN), "--max-size", "1"])
    assert result.exit_code == 2
    assert result.output == (f"revdiff: error: {CHAIN / '0.txt'}: input is 304 bytes, more than the "
                             "size limit of 1 byte (raise the limit with --max-size or "
                             "REVDIFF_MAX_SIZE if this is really one article)\n")


class _OpCells(HTMLParser):
    """The text of each `td.op` cell, as a browser shows it without the page's style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td" and ("class", "op") in attrs:
            self._inside = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.cells[-1] += data


def test_an_edits_label_flags_and_sureness_read_apart_without_the_style_sheet(
        tmp_path: Path) -> None:
    """`edited 0.84number_changed`, `edited 0.41? 35% sure`: the flags and the
    sureness were set apart from the label by the style sheet alone, so a page read without it
    (a text browser, a reader view, text copied from it) ran them together."""
    old, new = tmp_path / "1.txt", tmp_path / "2.txt"
    old.write_text("Title\n\nThe mayor said 'three' people came on 4 May.\n", encoding="utf-8")
    new.write_text("Title\n\nThe mayor said \"three\" people came on 5 May.\n", encoding="utf-8")
    washpo = str(Path(__file__).parents[2] / "samples" / "washpo-soleimani-v6-v7.txt")
    cells = []
    for inputs in ((str(old), str(new)), (washpo,)):
        parser = _OpCells()
        parser.feed(run(*inputs, "--format", "html", "-q"))
        cells += parser.cells
    words = {word for cell in cells for word in cell.split()}
    assert {"number_changed", "?", "sure"} <= words
    labels = {"title", "unchanged", "edited", "moved", "split", "merged", "added", "deleted",
              "?", "sure", *(flag.value for flag in revdiff.model.Flag)}
    assert {word for word in words if not re.fullmatch(r"[0-9.>]+%?", word)} <= labels
