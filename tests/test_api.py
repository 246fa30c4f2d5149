"""The notebook API: revdiff.load, revdiff.compare, revdiff.edits_table and friends."""

from __future__ import annotations

import inspect
import io
import math
import subprocess
import sys
import typing
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import revdiff
from revdiff.errors import EmptyInput
from revdiff.export.records import COMPARISON_COLUMN_NAMES, EDIT_COLUMN_NAMES
from revdiff.model import Article, Comparison, PageReading, RowKind, RowReading, Sentence, Version

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "versions"
STORY = SAMPLES / "iran-strikes-us-troops-in-iraq"


def test_load_and_compare() -> None:
    articles = revdiff.load(STORY)
    assert len(articles) == 1 and isinstance(articles[0], Article)
    versions = articles[0].versions
    comparison = revdiff.compare(versions[0], versions[1])
    assert isinstance(comparison, Comparison)
    assert comparison.old is versions[0] and comparison.edits


def test_load_takes_several_paths_like_the_command_line() -> None:
    files = sorted(STORY.glob("*.txt"))
    articles = revdiff.load(*files)
    assert len(articles) == 1 and len(articles[0].versions) == len(files)
    assert revdiff.load(files)[0].versions == articles[0].versions


def test_edits_table_from_paths_and_articles() -> None:
    from_path = revdiff.edits_table(SAMPLES)  # a folder of article folders
    assert {row["article_index"] for row in from_path} == {0, 1, 2}
    assert all(tuple(row) == EDIT_COLUMN_NAMES for row in from_path)
    article = revdiff.load(STORY)[0]
    from_article = revdiff.edits_table([article])
    story_rows = [row for row in from_path if row["article_index"] == 0]
    strip = [{k: v for k, v in row.items() if k != "article"} for row in story_rows]
    assert strip == [{k: v for k, v in row.items() if k != "article"} for row in from_article]


def test_tables_make_dataframes() -> None:
    pd = pytest.importorskip("pandas")
    edits = pd.DataFrame(revdiff.edits_table(STORY))
    pairs = pd.DataFrame(revdiff.comparisons_table(STORY))
    assert list(edits.columns) == list(EDIT_COLUMN_NAMES)
    assert list(pairs.columns) == list(COMPARISON_COLUMN_NAMES)
    assert len(pairs) == 4  # five versions
    counted = pairs[["unchanged", "edited", "added", "deleted", "moved", "split", "merged"]]
    assert counted.to_numpy().sum() == len(edits)
    assert edits.groupby("new_version")["op"].count().index.tolist() == [1, 2, 3, 4]


def test_arrow_tables() -> None:
    pa = pytest.importorskip("pyarrow")
    table = revdiff.edits_arrow(STORY)
    assert isinstance(table, pa.Table)
    assert table.column_names == list(EDIT_COLUMN_NAMES)
    assert table.to_pylist() == revdiff.edits_table(STORY)
    assert revdiff.comparisons_arrow([STORY]).num_rows == 4


@pytest.mark.parametrize("name", ["edits_arrow", "comparisons_arrow"])
def test_arrow_tables_refuse_a_version_number_beyond_64_bits(tmp_path: Path, name: str) -> None:
    """A version file named 100000000000000000000000.txt ended the Arrow tables in a bare
    OverflowError ('Python int too large to convert to C long'); the Parquet export refuses it
    with a RevdiffError, and so do they, saying what to do in Python."""
    pytest.importorskip("pyarrow")
    (tmp_path / "1.txt").write_text("It is 3 pm.\n")
    (tmp_path / f"{10**23}.txt").write_text("It is 4 pm.\n")
    with pytest.raises(revdiff.errors.RevdiffError,
                       match=rf"^{tmp_path.name}: version number {10**23} is too large for an "
                             r"Arrow table \(64-bit integers\) \(number the versions from 0, or "
                             r"use edits_table or comparisons_table, whose rows take any int\)$"):
        getattr(revdiff, name)(tmp_path)
    assert revdiff.edits_table(tmp_path)[0]["new_version"] == 10**23


@pytest.mark.parametrize("name", ["edits_arrow", "comparisons_arrow"])
def test_arrow_tables_say_a_version_number_is_too_far_below_zero(name: str) -> None:
    """A version numbered -2**70 was refused as "too large for an Arrow table"."""
    pytest.importorskip("pyarrow")
    article = Article(None, "https://example.com/a", (Version(-2**70, "A", ("It is 3 pm.",)),
                                                      Version(1, "A", ("It is 4 pm.",))))
    with pytest.raises(revdiff.errors.RevdiffError,
                       match=rf"^https://example.com/a: version number {-2**70} is too far below "
                             r"zero for an Arrow table \(64-bit integers\)"):
        getattr(revdiff, name)(article)


def test_import_is_light() -> None:
    code = ("import sys, revdiff; heavy = [m for m in ('pyarrow', 'pandas', 'dask', 'textual', "
            "'revdiff.engine') if m in sys.modules]; print(heavy)")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert output == "[]"


def test_edits_table_equals_the_jsonl_export(tmp_path: Path) -> None:
    import json

    from revdiff.export.driver import ExportJob, run_export

    out = tmp_path / "e.jsonl"
    run_export(ExportJob((str(SAMPLES),), out, "jsonl"))
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert revdiff.edits_table(str(SAMPLES)) == exported


def test_diff_export_and_the_tables_name_and_number_an_article_alike(tmp_path: Path) -> None:
    """With an article of one version before it, `diff` named the other `n.sqlite` (its own
    warnings `n.sqlite#1`) and `edits_table` numbered it 1, where `export` gave `n.sqlite#1`, 0."""
    import json
    import sqlite3

    database = tmp_path / "n.sqlite"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE entryversion (id INTEGER PRIMARY KEY, entry_id INTEGER, "
                           "version INTEGER, title TEXT, url TEXT, summary TEXT)")
        connection.executemany(
            "INSERT INTO entryversion (entry_id, version, title, url, summary) VALUES (?,?,?,?,?)",
            [(1, 0, "Solo", "https://x.test/solo", "Only one."), (2, 0, None, None, "Alpha."),
             (2, 1, None, None, "Alpha. Beta.")])
    connection.close()

    def named(lines: str) -> set[tuple[int, str]]:
        return {(row["article_index"], row["article"])
                for row in map(json.loads, lines.splitlines())}

    def run(*args: str) -> str:
        return subprocess.run([sys.executable, "-m", "revdiff", *args], capture_output=True,
                              text=True, check=True, timeout=120).stdout

    out = tmp_path / "e.jsonl"
    run("export", str(database), "-o", str(out), "-q")
    assert named(out.read_text()) == {(0, f"{database}#1")}
    assert named(run("diff", str(database), "--format", "jsonl", "-q")) == {(0, f"{database}#1")}
    assert {(row["article_index"], row["article"])
            for row in revdiff.edits_table(str(database))} == {(0, f"{database}#1")}


def test_a_list_of_paths_is_read_as_export_reads_its_inputs(tmp_path: Path) -> None:
    """Each path of a list was expanded alone: version files named one by one became articles of
    one version each (no rows, where `export 0.txt 1.txt 2.txt` compares them), and a folder named
    twice was read twice."""
    import json

    from revdiff.export.driver import ExportJob, run_export

    files = [str(path) for path in sorted(STORY.glob("*.txt"))[:3]]
    for inputs in (files, [str(STORY), str(STORY)]):
        out = tmp_path / "e.jsonl"
        run_export(ExportJob(tuple(inputs), out, "jsonl"))
        exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert exported and revdiff.edits_table(inputs) == exported
        assert revdiff.edits_table(iter(inputs)) == exported
        out.unlink()
        (tmp_path / "e.comparisons.jsonl").unlink()


@pytest.mark.parametrize("table", [revdiff.edits_table, revdiff.comparisons_table,
                                   revdiff.edits_arrow, revdiff.comparisons_arrow])
def test_no_input_is_refused_by_the_tables_as_by_load(table: Any) -> None:
    """`load([])` raised, where the tables given `[]` (a glob that matched nothing, a filter that
    kept no article) returned no rows, a DataFrame without even its columns: they raise too."""
    if table in (revdiff.edits_arrow, revdiff.comparisons_arrow):
        pytest.importorskip("pyarrow")
    with pytest.raises(EmptyInput, match="no input given"):
        revdiff.load([])
    for nothing in ([], (), iter([])):
        with pytest.raises(EmptyInput, match=rf"^revdiff\.{table.__name__}: no input given "
                                             r"\(give an Article, a path, or a list of either\)$"):
            table(nothing)


@pytest.mark.parametrize("table", [revdiff.edits_table, revdiff.comparisons_table,
                                   revdiff.edits_arrow, revdiff.comparisons_arrow])
def test_inputs_of_one_version_only_are_refused_by_the_tables_as_by_export(
        tmp_path: Path, table: Any) -> None:
    """Given only articles of one version, the tables returned no rows without a word (the skips
    went to `notes` only when a list was given): a DataFrame without even its columns, where
    `export` and `diff` refuse such inputs. They raise NothingToCompare, naming the articles, and
    still note each skip."""
    from revdiff.errors import NothingToCompare

    if table in (revdiff.edits_arrow, revdiff.comparisons_arrow):
        pytest.importorskip("pyarrow")
    for story in ("one", "other"):
        (tmp_path / story).mkdir()
        (tmp_path / story / "0.txt").write_text(f"The {story} version.\n", encoding="utf-8")
    notes: list[str] = []
    with pytest.raises(NothingToCompare, match=rf"^revdiff\.{table.__name__}: nothing to compare: "
                                               r"the 2 articles read have one version each "
                                               r"\(.*one, .*other\) \(give .*len\(a\.versions\) "
                                               r"> 1.*\)$"):
        table(tmp_path, notes=notes)
    assert notes == [f"skipped {tmp_path / story}: only one version, nothing to compare"
                     for story in ("one", "other")]
    (single,) = revdiff.load(tmp_path / "one")
    with pytest.raises(NothingToCompare, match=r": the article read has one version \(one\)"):
        table(single)
    (tmp_path / "one" / "1.txt").write_text("The one version, edited.\n", encoding="utf-8")
    assert len(table(tmp_path)) == 1  # an article of two versions among them: no error

def test_wrong_arguments_are_refused_by_name() -> None:
    """bytes were read as a list of ints ('115: no such file or directory'), and an Article, a
    number or None gave "'Article' object is not iterable"; compare() of a non-Version failed
    with an AttributeError deep in the sentence splitter."""
    article = revdiff.load(STORY)[0]
    with pytest.raises(TypeError, match="not bytes: decode bytes first"):
        revdiff.load(str(STORY).encode())
    with pytest.raises(TypeError, match="revdiff.load takes paths .*not Article"):
        revdiff.load(article)
    with pytest.raises(TypeError, match="revdiff.load takes paths .*not Article"):
        revdiff.load([article])
    with pytest.raises(TypeError, match="not bytes: decode bytes first"):
        revdiff.edits_table(str(SAMPLES).encode())
    with pytest.raises(TypeError, match="revdiff.comparisons_table takes .*not NoneType"):
        revdiff.comparisons_table(None)
    with pytest.raises(TypeError, match="revdiff.edits_table .*not a Version: give the Article"):
        revdiff.edits_table([article, article.versions[0]])
    with pytest.raises(TypeError, match="revdiff.compare takes two Versions.*not Article"):
        revdiff.compare(article, article)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="revdiff.compare takes two Versions.*not str"):
        revdiff.compare(article.versions[0], "new text")  # type: ignore[arg-type]


@pytest.mark.parametrize("table", [revdiff.edits_table, revdiff.comparisons_table])
def test_a_list_of_loaded_lists_is_refused_saying_to_flatten_it(table: Any) -> None:
    """`[revdiff.load(p) for p in paths]`, a list of lists of Articles, was refused as "takes paths
    (str or os.PathLike), not list", and Articles given to `load` as "takes paths, not Article",
    neither saying what to give: the tables name the flat list, `load` the tables."""
    loaded = [revdiff.load(STORY)]
    with pytest.raises(TypeError, match=rf"^revdiff\.{table.__name__} takes an Article or a path "
                                        r"each, not a list: .*one flat list .*"
                                        r"\[article for found in lists for article in found\]"):
        table(loaded)
    with pytest.raises(TypeError, match=r"^revdiff\.load takes paths \(str or os\.PathLike\), not "
                                        r"Article: .*read already.*revdiff\.edits_table"):
        revdiff.load(loaded[0])


@pytest.mark.parametrize("table", [revdiff.edits_table, revdiff.comparisons_table])
@pytest.mark.parametrize(("part", "given", "say"), [
    ("version", "Version", "its versions"),
    ("versions", "Version", "its versions"),
    ("article and version", "Version", "its versions"),
    ("comparison", "Comparison", "a Comparison of its versions"),
    ("comparisons", "Comparison", "a Comparison of its versions"),
    ("page", "PageReading", "its pages"),
])
def test_a_part_of_an_article_given_to_the_tables_is_refused_saying_to_give_the_article(
        table: Any, part: str, given: str, say: str) -> None:
    """A Version among the inputs was refused as "(an Article or a path each) takes paths (str or
    os.PathLike), not Version", a lone one as "takes an Article, a path, or a list of either":
    neither said that the Article holding it is what the tables take."""
    article = revdiff.load(STORY)[0]
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    parts = {"version": article.versions[0], "versions": article.versions,
             "article and version": [article, article.versions[1]], "comparison": comparison,
             "comparisons": [comparison], "page": PageReading("p.txt", 0, 1, (_ROW,))}
    with pytest.raises(TypeError, match=rf"^revdiff\.{table.__name__} takes an Article or a path "
                                        rf"each, not a {given}: give the Article, not {say}$"):
        table(parts[part])

@pytest.mark.parametrize("table", [revdiff.edits_table, revdiff.comparisons_table])
@pytest.mark.parametrize(("part", "given", "say"), [
    ("versions", "tuple of Versions", "its versions"),
    ("comparisons", "list of Comparisons", "a Comparison of its versions"),
])
def test_a_list_holding_the_parts_of_an_article_is_refused_saying_to_give_the_article(
        table: Any, part: str, given: str, say: str) -> None:
    """`edits_table([article.versions])` was refused as "not a tuple: give one flat list
    (revdiff.load returns a list of Articles ...)", a mistake it is not: the Article is what to
    give, not its versions."""
    article = revdiff.load(STORY)[0]
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    parts = {"versions": [article.versions], "comparisons": [[comparison]]}
    with pytest.raises(TypeError, match=rf"^revdiff\.{table.__name__} takes an Article or a path "
                                        rf"each, not a {given}: give the Article, not {say}$"):
        table(parts[part])


@pytest.mark.parametrize("part", ["version", "versions", "comparison", "list of a version"])
def test_a_part_of_an_article_given_to_load_says_what_load_and_the_tables_take(part: str) -> None:
    """`revdiff.load(version)` said only "takes paths or lists of paths, not Version": nothing
    of what to do with it."""
    article = revdiff.load(STORY)[0]
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    parts = {"version": article.versions[0], "versions": article.versions,
             "comparison": comparison, "list of a version": [article.versions[0]]}
    given = "Comparison" if part == "comparison" else "Version"
    with pytest.raises(TypeError, match=rf"^revdiff\.load takes paths.*, not {given}: load reads "
                                        r"files \(a page, version files, a folder\); a "
                                        rf"{given} is part of an Article, read already: the "
                                        r"tables \(revdiff\.edits_table and friends\) take "
                                        r"that Article$"):
        revdiff.load(parts[part])


@pytest.mark.parametrize(("paragraphs", "given"), [(["A b."], "list"), (("A b.", 1), "tuple holding int")])
def test_compare_refuses_a_version_whose_paragraphs_are_no_tuple_of_text(paragraphs: object,
                                                                         given: str) -> None:
    """A Version built with a list of paragraphs (which the model types a tuple, and hashes)
    failed deep in the engine with a bare "unhashable type: 'list'"."""
    built = Version(0, "t", paragraphs)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^revdiff.compare takes Versions whose paragraphs are a "
                                        rf"tuple of str \(tuple\(paragraphs\)\), not {given}$"):
        revdiff.compare(built, Version(1, "t", ("A c.",)))


@pytest.mark.parametrize(("fields", "refused"), [
    ({"paragraphs": ["A b."]}, r"paragraphs are a tuple of str \(tuple\(paragraphs\)\), not list"),
    ({"title": None}, r"title is a str \('' for none\), not NoneType"),
    ({"time": "2020-01-03"}, (r"time is a datetime or None \(text such as 'about 1 hour "
                              r"later' goes in time_text\), not str")),
    ({"number": "1"}, "number is an int, not str"),
    ({"cut": "no"}, (r"cut is a bool \(True when a rendered NewsDiffs page cut it to "
                     r"\[\.\.\.\]\), not str")),
    ({"time_from": True}, (r"time_from is an int or None \(the number of the version time_text "
                           r"counts from\), not bool")),
])
@pytest.mark.parametrize("name", ["edits_table", "comparisons_table", "edits_arrow"])
def test_the_tables_refuse_a_version_built_with_fields_of_other_types(
        name: str, fields: dict[str, object], refused: str) -> None:
    """An Article built by hand whose Version held a list of paragraphs ended the tables in a
    bare "unhashable type: 'list'", a title of None or a time given as text in an
    AttributeError ('NoneType' object has no attribute 'strip'), a number given as text in
    pyarrow's ArrowInvalid: they are refused by name, as `compare` refuses them."""
    pytest.importorskip("pyarrow")
    built = replace(Version(1, "t", ("A b.",)), **fields)
    article = Article(None, None, (built, Version(2, "t", ("A c.",))))
    with pytest.raises(TypeError, match=rf"^revdiff.{name} takes Versions whose {refused} "
                                        r"\(article.versions\[0\]\)$"):
        getattr(revdiff, name)([article])
    with pytest.raises(TypeError, match=rf"^revdiff.compare takes Versions whose {refused}$"):
        revdiff.compare(built, article.versions[1])


def test_the_tables_refuse_an_article_whose_versions_are_no_versions() -> None:
    """Versions given as their text ended the tables in a bare AttributeError."""
    article = Article(None, None, ("A b.", "A c."))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^revdiff.edits_table takes Articles whose versions are "
                                        r"Versions, not str \(article.versions\[0\]\)$"):
        revdiff.edits_table(article)


@pytest.mark.parametrize("name", ["edits_table", "comparisons_table", "edits_arrow"])
def test_the_tables_refuse_an_article_whose_versions_repeat_a_number(name: str) -> None:
    """Versions v0, v1, v0 built by hand gave a row whose old_version was its new_version, where
    no reader gives two versions of one number; numbers that go back are still taken."""
    pytest.importorskip("pyarrow")
    versions = (Version(0, "t", ("A b.",)), Version(1, "t", ("A c.",)), Version(0, "t", ("A d.",)))
    with pytest.raises(ValueError, match=rf"^revdiff.{name} takes Articles whose versions each "
                                         r"have a number of their own: article.versions\[2\] is "
                                         r"numbered 0, as article.versions\[0\] is$"):
        getattr(revdiff, name)(Article(None, None, versions))
    going_back = Article(None, None, versions[1:])
    assert [(row["old_version"], row["new_version"])
            for row in revdiff.comparisons_table(going_back)] == [(1, 0)]


@pytest.mark.parametrize(("fields", "refused"), [
    ({"url": 5}, "url is a str or None, not int"),
    ({"source": ["bbc"]}, "source is a str or None, not list"),
    ({"warnings": "one warning"}, "warnings are a tuple of str, not str"),
    ({"warnings": (1,)}, "warnings are a tuple of str, not a tuple holding int"),
    ({"metadata": None}, "metadata is a dict of str, not NoneType"),
    ({"pages": ("x",)}, "pages are a tuple of PageReadings, not a tuple holding str"),
    ({"pages": None}, "pages are a tuple of PageReadings, not NoneType"),
    ({"changes": "3"}, "changes is an int or None, not str"),
    ({"changes": True}, "changes is an int or None, not bool"),
])
@pytest.mark.parametrize("name", ["edits_table", "comparisons_arrow"])
def test_the_tables_refuse_an_article_built_with_fields_of_other_types(
        name: str, fields: dict[str, object], refused: str) -> None:
    """A url or source of another type than text went into the rows as it was and ended the
    Arrow tables in pyarrow's bare `ArrowTypeError: Expected bytes, got a 'int' object`,
    warnings given as one str were one warning per character, and pages that are no
    PageReadings a bare AttributeError: they are refused by name."""
    pytest.importorskip("pyarrow")
    article = replace(Article(None, None, (Version(1, "t", ("A b.",)),
                                           Version(2, "t", ("A c.",)))), **fields)
    with pytest.raises(TypeError, match=rf"^revdiff.{name} takes Articles whose {refused}$"):
        getattr(revdiff, name)(article)


_ROW = RowReading(1, "A b.", RowKind.OLD_ONLY, None, 0.9)


@pytest.mark.parametrize(("page", "refused"), [
    (PageReading(5, 1, 2, (_ROW,)),  # type: ignore[arg-type]
     r"PageReadings whose name is a str, not int \(article.pages\[0\]\)"),
    (PageReading("p", "1", 2, (_ROW,)),  # type: ignore[arg-type]
     r"PageReadings whose old_number is an int, not str \(article.pages\[0\]\)"),
    (PageReading("p", 1, 2, None),  # type: ignore[arg-type]
     r"PageReadings whose rows are a tuple of RowReadings, not NoneType \(article.pages\[0\]\)"),
    (PageReading("p", 1, 2, (_ROW, "x")),  # type: ignore[arg-type]
     r"PageReadings whose rows are RowReadings, not str \(article.pages\[0\].rows\[1\]\)"),
    (PageReading("p", 1, 2, (replace(_ROW, confidence="high"),)),
     r"RowReadings whose confidence is a float, not str \(article.pages\[0\].rows\[0\]\)"),
    (PageReading("p", 1, 2, (replace(_ROW, kind="old_only"),)),
     r"RowReadings whose kind is a RowKind, not str \(article.pages\[0\].rows\[0\]\)"),
])
@pytest.mark.parametrize("name", ["edits_table", "comparisons_arrow"])
def test_the_tables_refuse_an_article_whose_pages_hold_fields_of_other_types(
        name: str, page: PageReading, refused: str) -> None:
    """A page's name of 5 ended the tables in a bare "'int' object is not iterable", a row
    given as text in a bare AttributeError, a confidence given as text in a ValueError, and a
    page number given as text passed silently: they are refused by name."""
    pytest.importorskip("pyarrow")
    article = Article(None, None, (Version(1, "t", ("A b.",)), Version(2, "t", ("A c.",))),
                      pages=(page,))
    with pytest.raises(TypeError, match=rf"^revdiff.{name} takes {refused}$"):
        getattr(revdiff, name)(article)


@pytest.mark.parametrize("confidence", [math.nan, 1.5, -0.1, math.inf])
@pytest.mark.parametrize("name", ["edits_table", "comparisons_arrow"])
def test_the_tables_refuse_a_row_whose_confidence_is_no_probability(name: str,
                                                                    confidence: float) -> None:
    """A confidence of NaN or outside 0 to 1 went into the rows' `confidence` as given."""
    pytest.importorskip("pyarrow")
    page = PageReading("p", 1, 2, (_ROW, replace(_ROW, confidence=confidence)))
    article = Article(None, None, (Version(1, "t", ("A b.",)), Version(2, "t", ("A c.",))),
                      pages=(page,))
    with pytest.raises(ValueError, match=rf"^revdiff.{name} takes RowReadings whose confidence "
                                         rf"is a probability from 0 to 1, not {confidence!r} "
                                         r"\(article.pages\[0\].rows\[1\]\)$"):
        getattr(revdiff, name)(article)


def test_warnings_on_unsure_rows_point_python_at_the_article_s_pages() -> None:
    """The API's warnings on a flattened page's unsure rows said that `revdiff parse --format
    json` shows each row, a command, where a notebook has each in the article's `pages`."""
    page = SAMPLES.parent / "washpo-soleimani-v6-v7.txt"
    (article,) = revdiff.load(page)
    [row] = revdiff.comparisons_table(page)
    for warnings in (article.warnings, row["warnings"]):
        unsure = [warning for warning in warnings if "with certainty" in warning]
        assert unsure and all("; the article's `pages` show each;" in warning for warning in unsure)
        assert not any("revdiff parse" in warning for warning in warnings)
    assert article.pages and not all(row.is_sure for row in article.pages[0].rows)


def test_warnings_on_unsure_rows_read_back_from_a_store_point_at_no_pages(tmp_path: Path) -> None:
    """A git store keeps an article's warnings but not its pages: read back, the warning on a
    flattened page's unsure rows said that the article's `pages` show each, and they were empty."""
    from revdiff.formats import load as load_inputs
    from revdiff.store import store_articles

    page = SAMPLES.parent / "washpo-soleimani-v6-v7.txt"
    store_articles(load_inputs([str(page)]), tmp_path / "store")
    (article,) = revdiff.load(tmp_path / "store")
    [row] = revdiff.comparisons_table(tmp_path / "store")
    assert not article.pages
    for warnings in (article.warnings, row["warnings"]):
        [unsure] = [warning for warning in warnings if "with certainty" in warning]
        assert "show each" not in unsure and unsure.endswith("; check them or give neighbouring pages")


def test_the_tables_take_an_article_with_pages_read_as_load_reads_them() -> None:
    row = RowReading(2, "A b.A b.", RowKind.MATCH, 4, 1)
    article = Article(None, None, (Version(1, "t", ("A b.",)), Version(2, "t", ("A c.",))),
                      changes=2, pages=(PageReading("p", 1, 2, (_ROW, row)),))
    assert revdiff.comparisons_table(article)


def test_a_title_byte_that_is_not_utf8_is_no_changed_number_in_the_tables() -> None:
    """A title's byte that is not UTF-8 is written `t\\xe9`, and its `9` was read as a number:
    `t\\xe9` to `t` had title_flags ['number_changed']."""
    article = Article(None, None, (Version(1, "t\udce9", ("A b.",)), Version(2, "t", ("A b.",))))
    [row] = revdiff.comparisons_table(article)
    assert (row["old_title"], row["title_flags"]) == ("t\\xe9", [])


@pytest.mark.parametrize("name", ["edits_arrow", "comparisons_arrow", "edits_table"])
def test_the_tables_take_an_article_built_with_a_lone_utf16_half_as_load_would_give_it(
        name: str) -> None:
    """Text taken from JSON that escapes half a character (`json.loads('"\\ud800"')`) ended
    the Arrow tables in pyarrow's bare `UnicodeEncodeError: ... surrogates not allowed`, and
    the other tables gave rows that no CSV or Parquet file takes: the half is read as U+FFFD,
    as `load` reads it."""
    pytest.importorskip("pyarrow")
    article = Article("bbc\udcff", "https://example.com/\ud800",
                      (Version(1, "t", ("A b\udcff.",)), Version(2, "t", ("A c.",))))
    table = getattr(revdiff, name)(article)
    row = (table if isinstance(table, list) else table.to_pylist())[0]
    assert (row["source"], row["url"]) == ("bbc\ufffd", "https://example.com/\ufffd")
    if name != "comparisons_arrow":
        assert row["old_text"] == "A b\ufffd."


def test_the_tables_take_a_version_numbered_with_a_numpy_integer() -> None:
    """A number taken from a pandas frame is a numpy integer, not an int: it is a number."""
    np = pytest.importorskip("numpy")
    versions = (Version(np.int64(1), "t", ("A b.",)), Version(np.int64(2), "t", ("A c.",)))
    assert revdiff.comparisons_table(Article(None, None, versions))[0]["new_version"] == 2
    assert revdiff.compare(*versions).new.number == 2


def test_compare_leaves_out_the_cut_marks_as_the_tables_do() -> None:
    """`compare` of a rendered NewsDiffs page's cut versions compared their `[...]` marks as
    a sentence (an unchanged one here): its changed share was not the tables'."""
    page = SAMPLES.parent / "newsdiffs" / "us-sends-3000-troops-v1-v2-rendered.html"
    (article,) = revdiff.load(str(page))
    assert [version.cut for version in article.versions] == [True, True]
    comparison = revdiff.compare(*article.versions)
    assert "[...]" not in [edit.old_text for edit in comparison.edits]
    (row,) = revdiff.comparisons_table(article)
    assert comparison.stats.changed_share == pytest.approx(row["changed_share"], abs=1e-5)
    whole = replace(article.versions[0], cut=False)  # a `[...]` of another input is text
    assert "[...]" in [edit.old_text for edit in revdiff.compare(whole, article.versions[1]).edits]


def test_the_tables_take_a_version_marked_cut_with_a_numpy_bool() -> None:
    """A cut taken from a pandas frame's column of bools is a numpy bool, not a bool: it was
    refused as `cut is a bool ..., not bool`. Its `[...]` mark is left out as a bool's is."""
    np = pytest.importorskip("numpy")
    old = Version(1, "t", ("A b.", "[...]"), cut=np.bool_(True))
    new = Version(2, "t", ("A b.",), cut=np.bool_(False))
    (row,) = revdiff.comparisons_table(Article(None, None, (old, new)))
    assert row["changed_share"] == 0
    assert revdiff.compare(old, new).new.number == 2


@pytest.mark.parametrize("name", ["comparisons_table", "comparisons_arrow"])
def test_the_tables_refuse_a_version_timed_with_pandas_missing_time(name: str) -> None:
    """A time taken from a pandas frame where it is missing is NaT, a datetime to Python: the
    comparisons table gave it as the time "NaT", where a version without a time has None."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    untimed = Version(1, "t", ("A b.",), time=pd.NaT)
    article = Article(None, None, (untimed, Version(2, "t", ("A c.",))))
    refused = r"time is a datetime or None \(None for no time\), not NaT, pandas' missing time"
    with pytest.raises(TypeError, match=rf"^revdiff.{name} takes Versions whose {refused} "
                                        r"\(article.versions\[0\]\)$"):
        getattr(revdiff, name)(article)
    with pytest.raises(TypeError, match=rf"^revdiff.compare takes Versions whose {refused}$"):
        revdiff.compare(untimed, article.versions[1])


def test_an_error_shows_an_escape_in_the_path_as_a_symbol(tmp_path: Path) -> None:
    """An error naming a path that holds an escape held it as it is: printed in a terminal's
    Python session (or its traceback), it turned the text red; the command line shows it as a
    symbol, as the error now does. The error's `where` keeps the path."""
    path = str(tmp_path / "x\x1b[31m")
    with pytest.raises(revdiff.errors.RevdiffError) as refused:
        revdiff.load(path)
    assert str(refused.value) == (f"{tmp_path}/x\N{SYMBOL FOR ESCAPE}[31m: no such file or "
                                  "directory (check the path)")
    assert refused.value.where == path


def test_a_dict_is_refused_where_paths_are_meant() -> None:
    """A dict was read as its keys: `edits_table({path: label})` read the paths and dropped what
    the dict held, as `load` did."""
    paths = {str(STORY): "the story"}
    with pytest.raises(TypeError, match=r"^revdiff.edits_table takes an Article, a path, or a "
                                        r"list of either, not dict: give list\(d\) or "
                                        r"list\(d.values\(\)\)$"):
        revdiff.edits_table(paths)
    with pytest.raises(TypeError, match=r"^revdiff.load takes paths or lists of paths, not dict"):
        revdiff.load(paths)


@pytest.mark.parametrize("name", ["edits_arrow", "comparisons_arrow"])
def test_the_arrow_tables_name_themselves_in_their_errors(name: str) -> None:
    """The Arrow tables called the dict tables, whose errors named those:
    `edits_arrow(None)` said 'revdiff.edits_table takes ...', a function not called."""
    pytest.importorskip("pyarrow")
    with pytest.raises(TypeError, match=rf"^revdiff.{name} takes an Article, a path, or a list "
                                        "of either, not NoneType$"):
        getattr(revdiff, name)(None)
    with pytest.raises(TypeError, match=rf"^revdiff.{name} takes a list to append notes to"):
        getattr(revdiff, name)(STORY, notes="notes")


def test_an_unknown_sentence_mode_is_refused_with_nothing_to_compare() -> None:
    """`sentences` was only checked when a pair was compared: with no input of two versions,
    a typo ('line') returned an empty table."""
    from revdiff.engine.comparison import UnknownSentenceMode

    single = Path(__file__).resolve().parents[1] / "samples" / "sniffer-version.txt"
    for table in (revdiff.edits_table, revdiff.comparisons_table, revdiff.edits_arrow):
        for given in ([], str(single)):
            with pytest.raises(UnknownSentenceMode, match="unknown sentence mode 'line'"):
                table(given, sentences="line")


def test_compare_refuses_a_sentence_mode_that_is_no_text() -> None:
    """A list given as `sentences` (`sentences=["lines"]`) ended in a bare TypeError,
    "unhashable type: 'list'", from the engine's cache of split versions."""
    from revdiff.engine.comparison import UnknownSentenceMode

    versions = revdiff.load(STORY)[0].versions
    with pytest.raises(UnknownSentenceMode,
                       match=r"unknown sentence mode \['lines'\] given as sentences \(use one"):
        revdiff.compare(versions[0], versions[1], sentences=["lines"])  # type: ignore[arg-type]


def test_load_refuses_a_size_limit_below_one_byte() -> None:
    """max_bytes=0 was silently the 64 MiB default and -1 refused every input ('more than the
    size limit of -1 bytes'); `--max-size` refuses both."""
    for limit in (0, -1):
        with pytest.raises(ValueError, match="max_bytes must be a number of bytes"):
            revdiff.load(STORY, max_bytes=limit)
    assert revdiff.load(STORY, max_bytes=1 << 20)


@pytest.mark.parametrize("limit", ["64M", 1.5, True])
def test_load_refuses_a_size_limit_of_the_wrong_type_with_a_type_error(limit: object) -> None:
    """Arguments of the wrong type raise TypeError (docs/EXPORT.md): `max_bytes="64M"` raised
    ValueError."""
    with pytest.raises(TypeError, match=r"^revdiff.load takes max_bytes as a whole number of "
                                        rf"bytes \(an int\), not {type(limit).__name__}$"):
        revdiff.load(STORY, max_bytes=limit)  # type: ignore[arg-type]


def test_load_takes_a_size_limit_worked_out_with_numpy() -> None:
    """A limit computed with numpy or pandas (`np.int64`, not an int) was refused as if it were
    none: 'max_bytes must be a number of bytes of at least 1, not np.int64(1048576)'."""
    np = pytest.importorskip("numpy")
    assert revdiff.load(STORY, max_bytes=np.int64(1 << 20)) == revdiff.load(STORY)
    with pytest.raises(ValueError, match="max_bytes must be a number of bytes of at least 1"):
        revdiff.load(STORY, max_bytes=np.int64(0))


def test_a_path_like_is_read_by_its_fspath() -> None:
    """A PathLike was turned into text with str(), which names the object ('<P object at
    0x...>: no such file or directory') unless the class also prints as its path."""
    import os

    class Where(os.PathLike):  # type: ignore[type-arg]
        def __init__(self, path: str) -> None:
            self.path = path

        def __fspath__(self) -> str:
            return self.path

    assert len(revdiff.load(Where(str(STORY)))) == 1
    assert revdiff.edits_table(Where(str(STORY))) == revdiff.edits_table(str(STORY))
    assert revdiff.edits_table([Where(str(STORY))]) == revdiff.edits_table(str(STORY))


def test_labels_and_flags_print_as_their_values() -> None:
    """A notebook printing `edit.op` or a flag got `EditOp.EDITED`, `Flag.NUMBER_CHANGED` (str
    enums print their names on Python 3.11), where the tables hold `edited`, `number_changed`."""
    old = Version(0, "t", ("About 700 troops were sent.",))
    new = Version(1, "t", ("About 3,000 troops were sent.",))
    edit = next(e for e in revdiff.compare(old, new).edits if e.flags)
    assert f"{edit.op} {', '.join(sorted(map(str, edit.flags)))}" == "edited number_changed"
    assert str(RowKind.OLD_ONLY) == "old_only"


def test_load_gives_the_notes_that_belong_to_no_article(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The folders left out of a folder of versions, which the command line names on stderr,
    were dropped by revdiff.load: a notebook never learnt that a folder's stories went unread."""
    story = tmp_path / "story"
    story.mkdir()
    for number in range(2):
        (story / f"{number}.txt").write_text(f"Version {number} of the text.\n", encoding="utf-8")
    (story / "more").mkdir()
    notes: list[str] = []
    articles = revdiff.load(story, notes=notes)
    assert len(articles) == 1 and len(articles[0].versions) == 2
    assert len(notes) == 1 and "left out 1 folder in it (more)" in notes[0]
    assert capsys.readouterr() == ("", "")
    with pytest.raises(TypeError, match="revdiff.load takes a list to append notes to, not bool"):
        revdiff.load(story, notes=True)  # type: ignore[arg-type]


def test_the_note_on_folders_left_out_says_what_to_do_in_python(tmp_path: Path) -> None:
    """The note told a notebook to use `revdiff export`, a command, to read each folder of a
    folder of versions: it names the Python call that reads them."""
    import glob

    story = tmp_path / "story"
    for folder in (story, story / "more"):
        folder.mkdir()
        for number in range(2):
            (folder / f"{number}.txt").write_text(f"Version {number}.\n", encoding="utf-8")
    notes: list[str] = []
    revdiff.load(story, notes=notes)
    each_folder = f"{story}/*/"
    note = (f"{story}: read its 2 files; left out 1 folder in it (more): name a folder to read "
            f"it, or use revdiff.load(*sorted(glob.glob({each_folder!r}))) to read each folder "
            "as an article")
    assert notes == [note]
    [more] = revdiff.load(*sorted(glob.glob(each_folder)))
    assert len(more.versions) == 2


def test_reprs_name_the_text_without_printing_it() -> None:
    """The dataclasses' own reprs printed every paragraph of every version: a notebook showing
    `revdiff.load("news.sqlite")` or a comparison drew the whole corpus's text in one cell."""
    paragraph = "The ministry said 3,000 troops" + " and ships" * 10_000 + " had been sent."
    old = Version(0, "Troops sent", (paragraph, paragraph))
    new = Version(1, "Troops sent", (paragraph.replace("3,000", "4,000"), paragraph))
    article = Article(None, "https://example.com/troops", (old, new))
    comparison = revdiff.compare(old, new)
    for shown in (old, article, comparison, comparison.edits[0], [article]):
        assert len(repr(shown)) < 400, repr(shown)[:400]
    assert repr(old) == ("Version(number=0, title='Troops sent', 2 paragraphs, "
                         f"{2 * len(paragraph):,} characters)")
    assert repr(article) == ("Article(key='https://example.com/troops', source=None, "
                             "2 versions, 0 warnings)")
    assert repr(comparison).startswith("Comparison(old=0, new=1, ")
    assert "flags=['number_changed']" in repr(comparison.edits[0])
    assert repr(replace(old, cut=True)).endswith(" characters, cut=True)")


def test_page_reprs_name_the_rows_without_printing_the_page() -> None:
    """A PageReading's and a RowReading's reprs were the dataclasses' own: `article.pages`, where
    the warnings send a notebook to see the unsure rows, printed the whole text of every page."""
    row_text = "Troops were sent" + " and ships" * 10_000 + " Troops were sent and ships"
    row = RowReading(10, row_text, RowKind.CHANGE, row_text.index(" Troops") + 1, 0.5)
    sure = RowReading(11, "Kept. Kept.", RowKind.MATCH, 6, 1.0)
    page = PageReading("story-v6-v7.txt", 6, 7, (row, sure))
    for shown in (row, page, (page,)):
        assert len(repr(shown)) < 400, repr(shown)[:400]
    assert repr(page) == ("PageReading(name='story-v6-v7.txt', old_number=6, new_number=7, "
                          "2 rows, 1 unsure)")
    assert repr(sure) == ("RowReading(line=11, kind='match', text='Kept. Kept.', boundary=6, "
                          "confidence=1.0)")


def test_a_sentence_s_repr_names_its_text_without_printing_it() -> None:
    """A Sentence's repr was the dataclass's own: `comparison.old_sentences` in a notebook printed
    every sentence whole, and one of a text without full stops can be 100,000 characters long."""
    text = "Troops were sent" + " and ships" * 10_000 + " to the Gulf"
    sentence = Sentence(3, 1, 20, 20 + len(text), text)
    assert len(repr((sentence,))) < 200, repr(sentence)[:400]
    assert repr(Sentence(0, 0, 0, 11, "Kept. Kept.")) == ("Sentence(index=0, paragraph=0, start=0, "
                                                           "end=11, text='Kept. Kept.')")


def test_the_tables_give_the_notes_export_prints(tmp_path: Path) -> None:
    """The tables dropped what `export` notes beside its warnings: an article of one version
    was left out of them without a word, and so were the loose files of a folder of folders."""
    corpus = tmp_path / "corpus"
    for story, count in (("two", 2), ("one", 1)):
        (corpus / story).mkdir(parents=True)
        for number in range(count):
            (corpus / story / f"{number}.txt").write_text(f"Version {number}.\n", encoding="utf-8")
    (corpus / "notes.txt").write_text("A loose file.\n", encoding="utf-8")
    for table in (revdiff.edits_table, revdiff.comparisons_table):
        notes: list[str] = []
        rows = table(corpus, notes=notes)
        assert {row["article"] for row in rows} == {"two"}
        assert any("notes.txt" in note for note in notes), notes
        assert f"skipped {corpus / 'one'}: only one version, nothing to compare" in notes
    with pytest.raises(TypeError, match="revdiff.edits_table takes a list to append notes to"):
        revdiff.edits_table(corpus, notes="")  # type: ignore[arg-type]


def test_load_reads_a_folder_as_parse_does_and_the_tables_as_export_does(tmp_path: Path) -> None:
    """Of a folder that holds both version files and a folder, `load` gives the article of its
    files, leaving the folder out, and the tables the article of its folder, leaving the files
    out, each with a note, as docs/EXPORT.md says (`parse` and `export` read it so)."""
    mixed = tmp_path / "mixed"
    for folder, text in ((mixed, "Loose"), (mixed / "story", "Nested")):
        folder.mkdir()
        for number in range(2):
            (folder / f"{number}.txt").write_text(f"{text} version {number}.\n", encoding="utf-8")
    loaded: list[str] = []
    [article] = revdiff.load(mixed, notes=loaded)
    assert article.versions[0].paragraphs == ("Loose version 0.",)
    assert loaded == [(f"{mixed}: read its 2 files; left out 1 folder in it (story): name a "
                       "folder to read it, or use revdiff.load(*sorted(glob.glob("
                       f"{f'{mixed}/*/'!r}))) to read each folder as an article")]
    tabled: list[str] = []
    [row] = revdiff.comparisons_table(mixed, notes=tabled)
    assert row["article"] == "story"
    assert tabled == [(f"{mixed}: read its folder story; left out: 2 files beside it (0.txt, "
                       "1.txt), as a folder that holds folders is read as a corpus; to read "
                       "loose files, give their paths")]


def test_the_tables_note_loose_files_in_words_for_python(tmp_path: Path) -> None:
    """The tables' note on a corpus's loose files ended `not exported: ...; to export loose
    files, name them`, the command line's words, in a notebook that exports nothing."""
    corpus = tmp_path / "corpus"
    (corpus / "two").mkdir(parents=True)
    for number in (0, 1):
        (corpus / "two" / f"{number}.txt").write_text(f"Version {number}.\n", encoding="utf-8")
    (corpus / "notes.txt").write_text("A loose file.\n", encoding="utf-8")
    notes: list[str] = []
    revdiff.comparisons_table(corpus, notes=notes)
    assert notes == [(f"{corpus}: read its folder two; left out: 1 file beside it (notes.txt), "
                      "as a folder that holds folders is read as a corpus; to read loose files, "
                      "give their paths")]


def test_the_version_and_the_documented_modules_are_attributes_of_the_package() -> None:
    from revdiff.package_version import package_version

    code = ("import revdiff, sys; loaded = 'revdiff.errors' in sys.modules; "
            "print(revdiff.__version__, loaded, revdiff.errors.RevdiffError.__name__, "
            "revdiff.model.Version.__name__)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.split() == [package_version(), "False", "RevdiffError", "Version"]
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        revdiff.nope  # noqa: B018


def test_the_names_given_when_first_asked_for_are_listed() -> None:
    """`dir(revdiff)`, which a notebook completes names from, left out `__version__`, `errors`
    and `model` until they were first used."""
    code = "import revdiff; print(sorted(dir(revdiff)))"
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    for name in ("__version__", "errors", "model", *revdiff.__all__):
        assert repr(name) in listed, name


def test_articles_and_comparisons_are_hashable_and_equal_by_value() -> None:
    # their metadata and counts are dicts: a set of articles raised "unhashable type: 'dict'"
    first, again = (revdiff.load(STORY)[0] for _ in range(2))
    comparison = revdiff.compare(first.versions[0], first.versions[1])
    assert len({first, again}) == 1
    assert {comparison: "a pair"}[revdiff.compare(again.versions[0], again.versions[1])] == "a pair"
    assert first != replace(first, metadata={"entry_id": "7"})


def test_errors_say_what_to_do_in_python_not_on_the_command_line(tmp_path: Path) -> None:
    """They said `give - to read standard input`, `raise the limit with --max-size` or `quote
    globs so revdiff expands them`, ways of the command line a notebook has not."""
    from revdiff.errors import RevdiffError

    story = tmp_path / "story.txt"
    story.write_text("One version of the story.\n")
    calls = {"missing file": lambda: revdiff.load(str(tmp_path / "nope.txt")),
             "missing glob": lambda: revdiff.edits_table(str(tmp_path / "nope*.txt")),
             "no input": lambda: revdiff.load(),
             "empty path": lambda: revdiff.load(""),
             "web address": lambda: revdiff.comparisons_table("https://example.com/story"),
             "too large": lambda: revdiff.load(story, max_bytes=3)}
    for case, call in calls.items():
        with pytest.raises(RevdiffError) as raised:
            call()
        said = str(raised.value)
        assert not any(way in said for way in (" -)", "give -", "<(", "--max-size", "shell",
                                               "quote globs")), (case, said)
    assert said.endswith("(if this is really one article, raise the limit: "
                         "revdiff.load(path, max_bytes=N))")


def test_a_path_from_the_home_folder_is_refused_saying_python_does_not_expand_it() -> None:
    """`revdiff.load("~/corpus/story")`, as it is typed in a shell, said only `no such file or
    directory (check the path)`: nothing told that Python, unlike the shell, leaves ~ as it is."""
    from revdiff.errors import EmptyInput

    for call in (revdiff.load, revdiff.edits_table):
        with pytest.raises(EmptyInput) as raised:
            call("~/corpus/story")
        assert str(raised.value).endswith("(check the path; Python does not expand ~ as a shell "
                                          "does: give os.path.expanduser(path))"), call


def test_standard_input_is_refused_where_a_notebook_has_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` read standard input, which in a notebook blocks or reads nothing; the command line
    still reads it (tests/cli)."""
    import io

    from revdiff.errors import RevdiffError

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"A version on stdin.\n")))
    calls = {"load": lambda: revdiff.load("-"),
             "load of a path-like": lambda: revdiff.load(Path("-")),
             "load of a list": lambda: revdiff.load([str(STORY), "-"]),
             "edits_table": lambda: revdiff.edits_table("-"),
             "comparisons_table": lambda: revdiff.comparisons_table([STORY, "-"])}
    for case, call in calls.items():
        with pytest.raises(RevdiffError) as raised:
            call()
        assert str(raised.value) == ("-: the Python API does not read standard input (give a "
                                     "path, or read the text yourself and save it to a file)"), case
    assert sys.stdin.read() == "A version on stdin.\n"


def test_a_folder_of_article_folders_is_refused_with_a_call_that_reads_them(
        tmp_path: Path) -> None:
    """The error said to give `corpus/*/`, a glob only a shell expands: `revdiff.load` given
    it, as told, answered that no such file or directory exists."""
    import glob

    from revdiff.errors import EmptyInput

    corpus = tmp_path / "corpus"
    for story in ("one", "two"):
        (corpus / story).mkdir(parents=True)
        for number in range(2):
            (corpus / story / f"{number}.txt").write_text(f"Version {number}.\n", encoding="utf-8")
    with pytest.raises(EmptyInput) as raised:
        revdiff.load(corpus)
    suggested = f"revdiff.load(*sorted(glob.glob({str(corpus / '*') + '/'!r})))"
    assert f"each of them ({suggested}) to read every folder as an article" in str(raised.value)
    articles = eval(suggested, {"revdiff": revdiff, "glob": glob})
    assert [article.key for article in articles] == ["one", "two"]


def strict_type_check(tmp_path: Path, script_text: str) -> tuple[Path, str]:
    """The script, and what mypy --strict says of it (not of revdiff's own modules, which
    depends on the stubs installed: numpy's)."""
    pytest.importorskip("mypy")
    script = tmp_path / "notebook.py"
    script.write_text(script_text, encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
                              "--cache-dir", str(tmp_path / "cache"), str(script)],
                             cwd=Path(revdiff.__file__).parents[1], capture_output=True,
                             text=True, timeout=600, check=False)
    return script, checked.stdout


def test_a_type_checker_finds_a_misspelt_name_of_the_api(tmp_path: Path) -> None:
    """The package's `__getattr__` (for `__version__`, `errors` and `model`) returned Any, so to
    mypy every name was an attribute of revdiff: `revdiff.laod(...)` passed --strict."""
    script, said = strict_type_check(tmp_path, "import revdiff\n"
                                     "articles = revdiff.load('story')\n"
                                     "version: str = revdiff.__version__\n"
                                     "error: type[Exception] = revdiff.errors.RevdiffError\n"
                                     "rows = revdiff.edits_tabel(articles)\n")
    assert said.splitlines()[0] == (f"{script}:5: error: Module has no attribute "
                                    '"edits_tabel"; maybe "edits_table"?  [attr-defined]')
    assert "Found 1 error in 1 file" in said


def test_a_type_checker_finds_a_misspelt_name_of_the_engine(tmp_path: Path) -> None:
    """`revdiff.engine`'s `__getattr__` (its names are loaded on first use) returned Any, so to
    mypy every name was an attribute of the engine: `revdiff.engine.compaer(...)` passed --strict."""
    script, said = strict_type_check(tmp_path, "import revdiff.engine\n"
                                     "from revdiff.engine import split_sentences\n"
                                     "modes: tuple[str, ...] = revdiff.engine.SENTENCE_MODES\n"
                                     "comparison = revdiff.engine.compaer\n")
    assert said.splitlines()[0] == (f"{script}:4: error: Module has no attribute "
                                    '"compaer"; maybe "compare"?  [attr-defined]')
    assert "Found 1 error in 1 file" in said


@pytest.mark.parametrize("call", [revdiff.load, revdiff.edits_table])
def test_a_path_the_system_cannot_look_up_is_refused_naming_it(tmp_path: Path, call: Any) -> None:
    """A name longer than a file system takes (here 300 characters, over the 255 of most) made
    `Path.exists` raise a bare `OSError: [Errno 36] File name too long` from deep in pathlib,
    and the command line show its traceback: it is a RevdiffError that names the path."""
    too_long = str(tmp_path / ("a" * 300) / "0.txt")
    with pytest.raises(EmptyInput) as raised:
        call(too_long)
    assert str(raised.value) == (f"{too_long}: cannot look up the path (File name too long) "
                                 "(check the path and that you may open the folders on it)")


def test_a_folder_named_again_is_told_of_as_given(tmp_path: Path) -> None:
    """`edits_table([S, S + "/"])` noted `S: skipped, ...`: a Path drops the trailing slash, so
    the note named the input read, not the one skipped."""
    story = tmp_path / "story"
    story.mkdir()
    for number in (0, 1):
        (story / f"{number}.txt").write_text(f"Version {number} text.\n", encoding="utf-8")
    (tmp_path / "link").symlink_to("story")
    for again, why in ((f"{story}/", "an earlier input already read it"),
                       (f"{tmp_path / 'link'}/",
                        f"it leads to a folder already read ({story.resolve()})")):
        notes: list[str] = []
        rows = revdiff.comparisons_table([str(story), again], notes=notes)
        assert len(rows) == 1
        assert notes == [f"{again}: skipped, {why}"]


def test_the_package_docstring_examples_run_from_the_project_folder(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the examples read `samples/`, as the README's do, and show pandas and pyarrow at work
    import doctest

    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(SAMPLES.parents[1])
    failed, tried = doctest.testmod(revdiff, verbose=False, report=False)
    assert tried and not failed


def test_the_package_docstring_gives_confidence_its_dtype_as_docs_export_does() -> None:
    # its example built pd.DataFrame(revdiff.edits_table(...)) and left `confidence` a column of
    # None of `object` type, unsaid, which docs/EXPORT.md tells how to type
    assert revdiff.__doc__
    [line] = [line for line in revdiff.__doc__.splitlines() if "confidence" in line]
    given = 'edits.astype({"confidence": "float64"})'
    assert line.lstrip().startswith(f">>> edits = {given}")
    assert line.endswith("see docs/EXPORT.md, From Python")
    guide = (SAMPLES.parents[1] / "docs" / "EXPORT.md").read_text(encoding="utf-8")
    section = guide.split("\n## From Python\n")[1].split("\n## ")[0]
    assert f"edits = {given}" in section


def test_the_errors_the_api_raises_for_a_mode_or_a_number_are_named_in_revdiff_errors() -> None:
    """`revdiff.errors` is where a notebook looks for the types to catch: an unknown sentence mode
    (`UnknownSentenceMode`) and a version number no Arrow table holds (`ValueTooLarge`) were
    raised from types only the engine's and the export's modules named."""
    from revdiff import errors

    versions = revdiff.load(STORY)[0].versions
    with pytest.raises(errors.UnknownSentenceMode, match="unknown sentence mode 'line'"):
        revdiff.compare(versions[0], versions[1], sentences="line")
    pytest.importorskip("pyarrow")
    article = Article(None, "https://example.com/a", (Version(2**64, "A", ("It is 3 pm.",)),
                                                      Version(1, "A", ("It is 4 pm.",))))
    with pytest.raises(errors.ValueTooLarge, match="too large for an Arrow table"):
        revdiff.edits_arrow(article)


def test_the_names_listed_are_the_api_not_those_its_code_imports() -> None:
    """`dir(revdiff)`, which a notebook completes `revdiff.` from, offered `Any`, `Callable`,
    `fspath`, `sys` and the like, the names the package's own code imports, among its functions."""
    code = "import revdiff, revdiff.engine; print(' '.join(dir(revdiff)))"
    listed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    public = [name for name in listed if not name.startswith("_")]
    # and the modules imported so far, as attributes of the package: those `revdiff.model`,
    # which the functions' hints name, imports at start too
    assert public == sorted([*revdiff.__all__, "engine", "errors", "file_names", "model",
                             "read_warnings", "terminal_text"])
    assert "__version__" in listed and "__doc__" in listed


def test_every_class_and_property_of_the_model_has_a_docstring_of_its_own() -> None:
    """`help(ComparisonStats)` showed only the signature dataclasses write in place of a
    docstring, and `help(Version)` nothing on `text`, nor `help(RowReading)` on `old` and `new`."""
    import inspect

    from revdiff import model

    for name, kind in vars(model).items():
        if not (inspect.isclass(kind) and kind.__module__ == model.__name__):
            continue
        assert kind.__doc__ and not kind.__doc__.startswith(f"{name}("), name
        for attribute, value in vars(kind).items():
            if isinstance(value, property):
                assert value.__doc__, f"{name}.{attribute}"


@pytest.mark.parametrize("module", ["model", "errors"])
def test_a_star_import_gives_the_module_s_own_names_not_its_imports(module: str) -> None:
    """`from revdiff.model import *` in a notebook bound `datetime` to the class, in place of a
    module the notebook had imported under that name, and `field`, `dataclass` and `reprlib`
    too; `from revdiff.errors import *` bound `Iterator`, `contextmanager` and `visible`."""
    code = f"from revdiff.{module} import *; print(*[name for name in dir() if name[0] != '_'])"
    given = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                               check=True).stdout.split())
    namespace = getattr(revdiff, module)
    imported = {name for name, value in vars(namespace).items()
                if inspect.ismodule(value) or name == "annotations"  # `from __future__ import`
                or ((inspect.isclass(value) or inspect.isfunction(value))
                    and value.__module__ != namespace.__name__)}
    assert {"datetime", "field", "dataclass", "Iterator", "visible", "sys"} & set(vars(namespace))
    assert not given & imported
    own = {name for name in vars(namespace) if not name.startswith("_")} - imported
    assert given == own


def test_a_type_checker_finds_a_table_given_no_article_and_no_path(tmp_path: Path) -> None:
    """The four table functions took `Any`: `revdiff.edits_table(42)`, or a Version where an
    Article is meant, passed mypy --strict and failed only when run."""
    script, said = strict_type_check(tmp_path, "from pathlib import Path\n"
                                     "import revdiff\n"
                                     "articles = revdiff.load('story')\n"
                                     "rows = revdiff.edits_table(articles)\n"
                                     "rows = revdiff.comparisons_table([Path('a'), articles[0]])\n"
                                     "table = revdiff.edits_arrow('corpus/*')\n"
                                     "table = revdiff.comparisons_arrow(articles[0])\n"
                                     "rows = revdiff.edits_table(articles[0].versions[0])\n"
                                     "rows = revdiff.comparisons_table(42)\n")
    lines = said.splitlines()
    assert [line.split(": error:")[0] for line in lines[:-1]] == [f"{script}:8", f"{script}:9"]
    assert all('incompatible type' in line and "[arg-type]" in line for line in lines[:-1])
    assert "Found 2 errors in 1 file" in said


def test_a_type_checker_finds_an_unknown_sentence_mode(tmp_path: Path) -> None:
    """`sentences` was typed `str` in `compare` and the four table functions: a misspelt mode,
    `sentences="line"`, passed mypy --strict and failed only when run."""
    script, said = strict_type_check(tmp_path, "import revdiff\n"
                                     "articles = revdiff.load('story')\n"
                                     "old, new = articles[0].versions[:2]\n"
                                     "comparison = revdiff.compare(old, new, sentences='lines')\n"
                                     "comparison = revdiff.compare(old, new, sentences='line')\n"
                                     "rows = revdiff.edits_table(articles, sentences='sentences')\n"
                                     "rows = revdiff.comparisons_table(articles, sentences='auto')\n"
                                     "table = revdiff.edits_arrow(articles, sentences='Auto')\n"
                                     "table = revdiff.comparisons_arrow(articles, sentences='x')\n")
    lines = said.splitlines()
    assert [line.split(": error:")[0] for line in lines[:-1]] == [
        f"{script}:{number}" for number in (5, 6, 8, 9)]
    assert all("incompatible type" in line and "[arg-type]" in line for line in lines[:-1])
    assert "Found 4 errors in 1 file" in said


def test_an_error_shows_control_characters_and_keeps_its_path_as_given(tmp_path: Path) -> None:
    """What `RevdiffError`'s docstring and docs/EXPORT.md say: `str(error)` shows an escape in
    a file's name as a symbol, and `where` is the path as given, which opens the file."""
    named = tmp_path / "a\x1b]0;title\x07.txt"
    named.write_text("", encoding="utf-8")
    with pytest.raises(EmptyInput) as raised:
        revdiff.load(str(named))
    assert str(raised.value) == (f"{tmp_path}/a␛]0;title␇.txt: input is empty "
                                 "(give a file that holds an article)")
    assert raised.value.where == str(named)
    assert Path(raised.value.where).read_text(encoding="utf-8") == ""


def test_a_set_of_inputs_is_refused_as_it_has_no_order() -> None:
    """A set's order changes from one run of Python to the next (PYTHONHASHSEED): version files
    given as a set were read in that order, a different article each run, and a set of paths or
    articles numbered the tables' articles so."""
    files = {str(path) for path in STORY.glob("*.txt")}
    with pytest.raises(TypeError, match=r"revdiff.load takes .*not set: a set has no order"):
        revdiff.load(files)
    with pytest.raises(TypeError, match=r"not frozenset: .*give sorted\(paths\) or a list"):
        revdiff.load(str(STORY), frozenset(files))
    articles = [revdiff.load(folder)[0] for folder in sorted(SAMPLES.iterdir())]
    with pytest.raises(TypeError, match=r"revdiff.edits_table takes .*not set: a set has no order"):
        revdiff.edits_table(set(articles))
    with pytest.raises(TypeError, match=r"revdiff.comparisons_arrow takes .*not set"):
        revdiff.comparisons_arrow({str(path) for path in SAMPLES.iterdir()})
    # a dict's keys keep the order they were given in
    assert revdiff.load(dict.fromkeys(sorted(files)).keys())[0].versions == \
        revdiff.load(STORY)[0].versions


def test_a_type_checker_takes_a_size_limit_worked_out_with_numpy(tmp_path: Path) -> None:
    """`load` takes a numpy integer as `max_bytes` (a size worked out with numpy or pandas), but
    its hint said `int`: mypy --strict refused `max_bytes=np.int64(...)`, so a notebook that
    type-checks needed a cast for what the call accepts."""
    pytest.importorskip("numpy")
    script, said = strict_type_check(tmp_path, "import numpy as np\n"
                                     "import revdiff\n"
                                     "limit = np.int64(1 << 20)\n"
                                     "articles = revdiff.load('story', max_bytes=limit)\n"
                                     "fewer = revdiff.load('story', max_bytes=1.5)\n")
    assert said.splitlines()[0].startswith(f'{script}:5: error: Argument "max_bytes" to "load" '
                                           'has incompatible type "float"')
    assert "Found 1 error in 1 file" in said


@pytest.mark.parametrize("call", [revdiff.load, revdiff.edits_table])
def test_a_path_with_white_space_around_it_says_so(tmp_path: Path, call: Any) -> None:
    """Paths read from a file keep their line breaks (`revdiff.load(open('paths.txt'))` reads its
    lines), and one copied may keep a space: 'no such file or directory (check the path)' did not
    say that the path without them names a folder, and a space does not show in the message."""
    story = tmp_path / "story"
    story.mkdir()
    for number in (0, 1):
        (story / f"{number}.txt").write_text(f"Version {number} text.\n", encoding="utf-8")
    listed = tmp_path / "paths.txt"
    listed.write_text(f"{story}\n", encoding="utf-8")
    told = (r"no such file or directory.* \(check the path: it has white space before or after "
            r"it \(a line break read from a file\?\); give path.strip\(\)\)$")
    with open(listed, encoding="utf-8") as lines, pytest.raises(EmptyInput, match=told):
        call(lines)
    with pytest.raises(EmptyInput, match=told):
        call([f" {story}"])
    assert call(str(story))


@pytest.mark.parametrize("call", [revdiff.load, revdiff.edits_table])
def test_a_path_of_white_space_alone_is_not_told_to_be_stripped(call: Any) -> None:
    """A blank line read from a file of paths is `\\n`: stripped it is the empty path, which
    names the current folder to `Path`, so it was told 'give path.strip()', which is refused."""
    with pytest.raises(EmptyInput, match=r"no such file or directory.* \(check the path: it is "
                                         r"white space alone \(a blank line read from a file\?\); "
                                         r"leave it out\)$"):
        call("\n")


def test_a_data_frame_is_refused_with_its_column_to_give() -> None:
    """A pandas DataFrame was read as the iterable of its column names: `revdiff.load(df)` said
    `path: no such file or directory`. A Series of paths, one column, is read as a list is."""
    pd = pytest.importorskip("pandas")
    files = [str(path) for path in sorted(STORY.glob("*.txt"))]
    frame = pd.DataFrame({"path": files})
    calls = {"load": lambda: revdiff.load(frame),
             "edits_table": lambda: revdiff.edits_table(frame),
             "comparisons_table": lambda: revdiff.comparisons_table(frame)}
    for case, call in calls.items():
        with pytest.raises(TypeError) as raised:
            call()
        assert str(raised.value).endswith("not DataFrame: give its column of paths, "
                                          "df['column'] (or df['column'].tolist())"), case
    assert revdiff.load(frame["path"]) == revdiff.load(files)
    assert revdiff.edits_table(frame["path"]) == revdiff.edits_table(files)


def test_a_file_named_dash_is_told_to_be_given_as_dot_slash_dash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` is refused as standard input, so a file named `-` cannot be read by that name: where
    there is one, the error says to give `'./-'`, as a str, since `Path('./-')` is `Path('-')`."""
    from revdiff.errors import RevdiffError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_text("One.\n")
    for call in (lambda: revdiff.load("-"), lambda: revdiff.edits_table(Path("./-"))):
        with pytest.raises(RevdiffError) as raised:
            call()
        assert str(raised.value).endswith("; to read the file named - here, give the str './-' "
                                          "(a Path drops the ./))")
    assert revdiff.load("./-")[0].versions[0].paragraphs == ("One.",)


@pytest.mark.parametrize("name", revdiff.__all__)
def test_the_type_hints_of_each_function_can_be_read_at_run_time(name: str) -> None:
    """`typing.get_type_hints(revdiff.load)`, as sphinx, pydantic or an IDE's console call it,
    raised NameError: its hints named Article, Version, Comparison and pyarrow, which the
    package did not import at run time."""
    hints = typing.get_type_hints(getattr(revdiff, name))
    assert set(hints) == {*inspect.signature(getattr(revdiff, name)).parameters, "return"}


def test_the_type_hints_name_the_model_s_classes() -> None:
    assert typing.get_type_hints(revdiff.load)["return"] == list[Article]
    hints = typing.get_type_hints(revdiff.compare)
    assert (hints["old"], hints["new"], hints["return"]) == (Version, Version, Comparison)
    taken = typing.get_args(typing.get_type_hints(revdiff.edits_table)["articles_or_paths"])
    assert Article in taken


def run_export_md_python_examples() -> dict[str, Any]:
    """Run the Python blocks of docs/EXPORT.md's `From Python` in order, from the project's folder
    (they read `samples/`), and give the names they define."""
    text = (SAMPLES.parents[1] / "docs" / "EXPORT.md").read_text(encoding="utf-8")
    section = text.partition("\n## From Python\n")[2].partition("\n## ")[0]
    blocks = [block.partition("```")[0] for block in section.split("```python\n")[1:]]
    assert blocks
    names: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, "docs/EXPORT.md", "exec"), names)  # noqa: S102 - the doc's own example
    return names


def test_export_md_shows_the_frames_of_the_tables_with_confidence_typed_as_arrow_types_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`pd.DataFrame(edits_table(...))` of inputs read exactly made `confidence` a column of
    None, of object type, where `edits_arrow(...).to_pandas()` makes it float64 with NaN: the doc's
    frames are the typed ones."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(SAMPLES.parents[1])
    names = run_export_md_python_examples()
    edits, pairs = names["edits"], names["pairs"]
    from_arrow = {"edits": revdiff.edits_arrow("samples/versions").to_pandas(),
                  "pairs": revdiff.comparisons_arrow("samples/versions").to_pandas()}
    for name, frame in (("edits", edits), ("pairs", pairs)):
        assert frame["confidence"].dtype == from_arrow[name]["confidence"].dtype == "float64"
        assert frame["confidence"].isna().all()


def test_export_md_merges_the_two_tables_keeping_the_edit_s_and_the_pair_s_counts_apart(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Both tables have `article`, `source`, `url`, `words_added`, `words_removed`, `confidence`
    and `warnings`: the doc's merge keeps one row per edit, the article's columns once and the
    pair's counts beside the edit's under a suffix."""
    pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")  # the section's first block makes an Arrow table
    monkeypatch.chdir(SAMPLES.parents[1])
    names = run_export_md_python_examples()
    edits, pairs, both = names["edits"], names["pairs"], names["both"]
    keys = ["article_index", "old_version", "new_version"]
    assert len(both) == len(edits)
    assert list(both.columns) == [*edits.columns, *(
        f"{column}_pair" if column in edits.columns else column
        for column in pairs.columns if column not in {*keys, "article", "source", "url", "warnings"})]
    summed = edits.groupby(keys)["words_added"].transform("sum")
    assert (both["words_added_pair"] == summed).all()
    assert (both["words_added"] == edits["words_added"]).all()


@pytest.mark.parametrize("call", [revdiff.load, revdiff.edits_table])
def test_a_file_opened_in_binary_mode_is_refused_saying_to_give_its_path(call: Any) -> None:
    """`revdiff.load(open(path, "rb"))` was read as a list of paths, its lines bytes, and refused
    with 'not bytes: decode bytes first': no bytes were given, and decoding them is no way to read
    the file; its path is."""
    told = (r"not a file object read as bytes \((BufferedReader|BytesIO)\): give the file's path, "
            r"f\.name, and revdiff reads it \(a file object in text mode is read as a list of "
            r"paths, one a line\)$")
    with open(STORY / "0.txt", "rb") as file, pytest.raises(TypeError, match=told):
        call(file)
    with pytest.raises(TypeError, match=told):
        call(io.BytesIO(b"Version 0 text.\n"))


@pytest.mark.parametrize("call", [revdiff.load, revdiff.edits_table])
def test_a_file_of_text_given_open_is_told_its_lines_are_read_as_paths(call: Any) -> None:
    """`revdiff.load(open("0.txt"))`, meant to read the version, reads its lines as paths (a
    file of paths, one a line, is read so): its first line was refused as a path that names
    nothing, '(check the path)', which no check of a path mends."""
    told = (r"^BAGHDAD: .*␊: no such file or directory.* \(check the path: it ends in a line "
            r"break, as a line read from a file does; a file object is read as a list of paths, "
            r"one a line: to read the file itself, give its path, f\.name\)$")
    with open(STORY / "0.txt", encoding="utf-8") as file, pytest.raises(EmptyInput, match=told):
        call(file)
    with pytest.raises(EmptyInput, match=r"\(check the path\)$"):
        call("BAGHDAD: no such story")  # no line break: not read from a file


SEED_PAGE = Path(__file__).resolve().parents[1] / "samples" / "washpo-soleimani-v6-v7.txt"


def test_load_reads_rows_as_a_corrections_file_corrects_them_as_the_command_line_does(
        tmp_path: Path) -> None:
    """`--corrections FILE` had no counterpart in `revdiff.load`."""
    from revdiff.corrections_file import apply_corrections, correction_line, read_corrections

    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text("# read by hand\n"
                     + correction_line(str(SEED_PAGE), 15, RowKind.NEW_ONLY, None) + "\n"
                     + correction_line(str(SEED_PAGE), 14, RowKind.CHANGE, 177) + "\n",
                     encoding="utf-8")
    [article] = revdiff.load(SEED_PAGE, corrections=fixes)
    rows = {row.line: row for row in article.pages[0].rows}
    assert (rows[15].kind, rows[15].confidence) == (RowKind.NEW_ONLY, 1.0)
    assert (rows[14].kind, rows[14].boundary) == (RowKind.CHANGE, 177)
    assert [article] == apply_corrections(revdiff.load(SEED_PAGE),
                                          read_corrections(str(fixes), 100_000), str(fixes))
    assert revdiff.load(SEED_PAGE, corrections=str(fixes)) == [article]


def test_load_refuses_a_corrections_file_it_cannot_apply_as_its_other_bad_input(
        tmp_path: Path) -> None:
    from revdiff.errors import RevdiffError

    fixes = tmp_path / "fixes.jsonl"
    fixes.write_text('{"page": "elsewhere.txt", "line": 15, "kind": "new_only"}\n',
                     encoding="utf-8")
    with pytest.raises(RevdiffError, match=r"fixes.jsonl:1: no diff page named elsewhere.txt "
                                           r"among the inputs \(name a page as its PageReading"):
        revdiff.load(SEED_PAGE, corrections=fixes)
    size = fixes.stat().st_size
    with pytest.raises(RevdiffError, match=rf"fixes.jsonl: the corrections file is {size} bytes, "
                                           r"larger than the limit of 10 bytes \(give a smaller "
                                           rf"file, or raise max_bytes to {size}\)"):
        revdiff.load(SEED_PAGE, corrections=fixes, max_bytes=10)
    with pytest.raises(RevdiffError, match="cannot read the corrections file"):
        revdiff.load(SEED_PAGE, corrections=tmp_path / "missing.jsonl")
    with pytest.raises(RevdiffError, match="does not read standard input"):
        revdiff.load(SEED_PAGE, corrections="-")
    with pytest.raises(TypeError, match=r"revdiff.load takes paths \(str or os.PathLike\), not int"):
        revdiff.load(SEED_PAGE, corrections=3)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["compare", "edits_table", "comparisons_table", "edits_arrow",
                                  "comparisons_arrow"])
def test_an_unknown_sentence_mode_names_the_function_and_its_argument(name: str) -> None:
    """The error named neither the function called nor the argument at fault ("unknown sentence
    mode 'LINES' (use one of: auto, lines)"), where the API's other errors name the function."""
    from revdiff.errors import UnknownSentenceMode

    if name.endswith("_arrow"):
        pytest.importorskip("pyarrow")
    versions = revdiff.load(STORY)[0].versions
    call = getattr(revdiff, name)
    with pytest.raises(UnknownSentenceMode) as error:
        if name == "compare":
            call(versions[0], versions[1], sentences="LINES")
        else:
            call(STORY, sentences="LINES")
    assert str(error.value) == (f"revdiff.{name}: unknown sentence mode 'LINES' given as "
                                "sentences (use one of: auto, lines)")
