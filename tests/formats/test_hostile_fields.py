"""Numbers, times and URLs that once ended in a traceback: one error line and exit 2 for a page's
field, a warning about its row for a NewsEdits cell.

Every case here is an input that crashed revdiff (exit 1 and a 33-60 line traceback) before the
readers shared one safe parser for numbers and times (`revdiff.formats.fields`). The line of
the error names the file, the line where the reader knows it, the field, and what to do; a
NewsEdits cell that cannot be read is dropped (or its row, when it holds the version number)
with a warning.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from story_chains import ROOT, SAMPLES

from revdiff.cli import main

HUGE = "9" * 5000  # more digits than Python's int() accepts from text


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text("utf-8")


def edited_sample(name: str, old: str, new: str, suffix: str) -> Callable[[Path], Path]:
    """A maker of a file: sample `name` with its first `old` replaced by `new`."""
    def make(folder: Path) -> Path:
        text = sample_text(name)
        assert old in text, f"{old!r} is not in {name}"
        target = folder / f"page{suffix}"
        target.write_text(text.replace(old, new, 1), "utf-8")
        return target
    return make


def flattened(old: str, new: str) -> Callable[[Path], Path]:
    return edited_sample("washpo-soleimani-v6-v7.txt", old, new, ".txt")


def sniffer_html(old: str, new: str) -> Callable[[Path], Path]:
    return edited_sample("sniffer-diff/iran-strikes-v0-v1.html", old, new, ".html")


def newsdiffs(old: str, new: str) -> Callable[[Path], Path]:
    return edited_sample("newsdiffs/us-deploys-troops-v1-v2-raw.html", old, new, ".html")


def newsdiffs_unarchived(old: str, new: str) -> Callable[[Path], Path]:
    """`newsdiffs`, its page without the Archived dates that give its versions' times."""
    def make(folder: Path) -> Path:
        target = newsdiffs(old, new)(folder)
        text = target.read_text("utf-8")
        for archived in ("January 03, 2020 at  3:40pm EDT", "January 03, 2020 at  5:12pm EDT"):
            text = text.replace(f"Archived {archived}", "Archived")
        target.write_text(text, "utf-8")
        return target
    return make


def newsedits(**cells: object) -> Callable[[Path], Path]:
    """A maker of a NewsEdits file of one entry with two versions; `cells` replace the first
    version's values."""
    def make(folder: Path) -> Path:
        target = folder / "outlet.db"
        connection = sqlite3.connect(target)
        columns = ("entry_id", "version", "summary", "title", "url", "created", "source",
                   "num_versions")
        connection.execute(f"CREATE TABLE entryversion ({', '.join(columns)})")
        first = {"entry_id": 1, "version": 0, "summary": "One.</p><p>Two.", "title": "T",
                 "url": "https://example.com/a", "created": 1_600_000_000, "source": "s",
                 "num_versions": 2}
        second = {**first, "version": 1, "summary": "One.</p><p>Three."}
        first.update(cells)
        for row in (first, second):
            connection.execute(f"INSERT INTO entryversion VALUES ({', '.join('?' * 8)})",
                               [row[c] for c in columns])
        connection.commit()
        connection.close()
        return target
    return make


V0_TIME = 'datetime="2020-01-07T23:10:00Z"'

# case: (maker, words the error line holds, line number the error names or None)
CASES: dict[str, tuple[Callable[[Path], Path], str, int | None]] = {
    "flattened: 5000-digit version number": (
        flattened("Version 6 Version 7", f"Version {HUGE} Version 7"), "old version number", 7),
    "flattened: Arabic-Indic version number": (
        flattened("Version 6 Version 7", "Version ٦ Version ٧"), "old version number", 7),
    "flattened: a version compared with itself": (
        flattened("Version 6 Version 7", "Version 7 Version 7"), "compares version 7 with itself", 7),
    "flattened: 5000-digit change count": (
        flattened("changed 16 times", f"changed {HUGE} times"), "change count", 5),
    "flattened: unsplittable URL": (
        flattened("at https://www.washingtonpost.com/", "at http://[::1/x/"), "article URL", 3),
    "flattened version page: 5000-digit version": (
        edited_sample("sniffer-version.txt", "Version 2 of", f"Version {HUGE} of", ".txt"),
        "version number", None),
    "News Sniffer HTML: <var>²</var>": (
        sniffer_html("<var>5</var>", "<var>²</var>"), "change count (<var>) '²'", 15),
    "News Sniffer HTML: 5000-digit <var>": (
        sniffer_html("<var>5</var>", f"<var>{HUGE}</var>"), "change count", 15),
    "News Sniffer HTML: a version compared with itself": (
        sniffer_html("<small>Version 0</small>", "<small>Version 1</small>"),
        "compares version 1 with itself", 22),
    "News Sniffer HTML: 5000-digit version": (
        sniffer_html("<small>Version 0</small>", f"<small>Version {HUGE}</small>"),
        "version number", 21),
    "News Sniffer HTML: unsplittable URL": (
        sniffer_html('href="https://www.channelnewsasia.com', 'href="http://[::1/x'),
        "not a well-formed URL", None),
    "News Sniffer version page: 5000-digit count": (
        edited_sample("sniffer-version.html", "of 5.", f"of {HUGE}.", ".html"), "version count",
        None),
    "NewsDiffs: version id ²": (
        newsdiffs('name="diff_v1" value="1"', 'name="diff_v1" value="²"'), "version id", None),
    "NewsDiffs: 5000-digit version id": (
        newsdiffs('name="diff_v1" value="1"', f'name="diff_v1" value="{HUGE}"'), "version id",
        None),
    "NewsDiffs: unsplittable URL": (
        newsdiffs('<h3><a href="https://www.independent.co.uk', '<h3><a href="http://[::1/x'),
        "not a well-formed URL", None),
    "NewsEdits: unsplittable URL": (newsedits(url="http://[::1/x"), "url", None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_field_is_one_error_line(tmp_path: Path, case: str) -> None:
    make, words, line = CASES[case]
    target = make(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(target)])
    assert result.exit_code == 2, result.output
    (error,) = result.stderr.splitlines()
    place = f"{target}:{line}: " if line else f"{target}: "
    assert place in error
    assert words in error
    assert "save it again" in error  # what to do
    assert len(error) < 400
    assert result.stdout == ""


NEWSDIFFS_TEXT1 = re.search(r"var text1 = '([^'\\]|\\.)*'",
                            sample_text("newsdiffs/us-deploys-troops-v1-v2-raw.html"))[0]
# case: (maker, words the error line holds, what it says to do); each said no more than the first
DAMAGED: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "News Sniffer HTML: a row of one cell": (
        sniffer_html("<tr id='p2'><td>", "<tr id='p2'>"), "body row 'p2' has 1 cell",
        "save the page again from News Sniffer"),
    "News Sniffer HTML: no version number": (
        sniffer_html("<small>Version 1</small>", "<small>Version -1</small>"),
        "does not name two versions", "save the page again from News Sniffer"),
    "NewsDiffs: an old version without text": (
        newsdiffs(NEWSDIFFS_TEXT1, "var text1 = ''"),
        "the old version holds no paragraphs", "give a page of two versions that hold text"),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_page_is_one_error_line_with_what_to_do(tmp_path: Path, case: str) -> None:
    make, words, to_do = DAMAGED[case]
    result = CliRunner().invoke(main, ["parse", str(make(tmp_path))])
    assert result.exit_code == 2 and result.stdout == ""
    (error,) = result.stderr.splitlines()
    assert words in error and f"({to_do}" in error


# A NewsEdits file holds a million versions: a bad cell of one row is that row's warning, not the
# file's error. case: (cells of the first version's row, the warning it gets)
NEWSEDITS_WARNED: dict[str, tuple[dict[str, object], str]] = {
    "created 1e20": ({"created": 1e20}, "entry 1 version 0: created '1e+20' is not a time"),
    "created -1e20": ({"created": -1e20}, "entry 1 version 0: created '-1e+20' is not a time"),
    "created infinite": ({"created": float("inf")}, "entry 1 version 0: created 'inf' is not a time"),
    "created 2**62": ({"created": 2**62}, f"entry 1 version 0: created '{2**62}' is not a time"),
    "created out of range in UTC": (
        {"created": "9999-12-31T23:59:59-23:59"},
        ("entry 1 version 0: created '9999-12-31T23:59:59-23:59' is not a time: its zone puts "
         "it outside the years 1 to 9999 in UTC; correct its date or offset in the file")),
    "version ²": ({"version": "²"}, ("entry 1: the row with rowid 1 is left out: its version '²' "
                                    "is not a version number")),
    "5000-digit version": ({"version": HUGE}, ("entry 1: the row with rowid 1 is left out: its "
                                              "version '9999999999999999'...'9999999999999999' "
                                              "(5,000 characters) is not a version number")),
    "version 1e300": ({"version": 1e300}, ("entry 1: the row with rowid 1 is left out: its "
                                          "version 1e+300 is not a version number")),
    # a count the rows themselves give refused the whole entry
    "num_versions ²": ({"num_versions": "²"},
                       "entry 1: num_versions '²' is not a number of versions; left out"),
    "5000-digit num_versions": ({"num_versions": HUGE}, (
        "entry 1: num_versions '9999999999999999'...'9999999999999999' (5,000 characters) is not "
        "a number of versions; left out")),
}


UNREADABLE_TIMES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "sniffer <time datetime>": (
        sniffer_html(V0_TIME, 'datetime="2020-13-45T99:00:00Z"'),
        "the old version's <time datetime> '2020-13-45T99:00:00Z' is not a time; left out"),
    # it refused the whole page
    "sniffer <time datetime> out of range in UTC": (
        sniffer_html(V0_TIME, 'datetime="0001-01-01T00:00:00+23:59"'),
        ("the old version's <time datetime> '0001-01-01T00:00:00+23:59' is not a time: its zone "
         "puts it outside the years 1 to 9999 in UTC; left out (correct its date or offset in the "
         "file to have it read)")),
    "newsdiffs date line": (
        newsdiffs_unarchived("text1 = 'Fri, 03 Jan 2020 15:40:00 +0000",
                             "text1 = 'sometime on Friday"),
        ("the old version's date line 'sometime on Friday' is not a date; kept as text, and the "
         "version has no time")),
    # it refused the whole page
    "newsdiffs date line out of range in UTC": (
        newsdiffs_unarchived("text1 = 'Fri, 03 Jan 2020 15:40:00 +0000",
                             "text1 = '0001-01-01T00:00:00+23:59"),
        ("the old version's date line '0001-01-01T00:00:00+23:59' is not a time: its zone puts it "
         "outside the years 1 to 9999 in UTC; kept as text, and the version has no time (correct "
         "its date or offset in the file to have it read)")),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE_TIMES))
def test_a_time_that_is_none_is_warned(tmp_path: Path, case: str) -> None:
    # it was left out without a word, exit 0
    make, warning = UNREADABLE_TIMES[case]
    target = make(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(target)])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)
    # beside the missing Archived dates', after the line of the value where a page names it
    place = rf"{re.escape(str(target))}(:[0-9]+)?: "
    assert any(re.fullmatch(place + re.escape(warning), w) for w in article["warnings"])
    assert article["versions"][0]["time"] is None


@pytest.mark.parametrize("case", sorted(NEWSEDITS_WARNED))
def test_a_hostile_newsedits_cell_is_its_rows_warning(tmp_path: Path, case: str) -> None:
    cells, warning = NEWSEDITS_WARNED[case]
    target = newsedits(**cells)(tmp_path)
    result = CliRunner().invoke(main, ["parse", str(target)])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)
    assert article["warnings"] == [warning]
    assert [version["paragraphs"][-1] for version in article["versions"]][-1] == "Three."


def test_security_md_tells_a_newsedits_cell_from_a_page_field() -> None:
    # SECURITY.md listed NewsEdits `num_versions` and `created` = 1e20 among the fields that end
    # the reading in one error line, exit 2, where such a cell is a warning about its row
    security_md = " ".join((ROOT / "SECURITY.md").read_text(encoding="utf-8").split())
    fields = security_md[security_md.index("- Hostile header fields:"):security_md.index("- Encodings:")]
    errors, warnings = fields.split("(each case through the CLI: one line, exit 2)")
    assert "NewsEdits" not in errors and "created" not in errors
    assert "`created` = 1e20" in warnings and "`num_versions`" in warnings
    assert {"created 1e20", "num_versions ²"} <= set(NEWSEDITS_WARNED)
    # and times out of range among them, where such a time is a warning now
    assert "out of range" not in errors and "A time out of range" in warnings
    assert {"newsdiffs date line out of range in UTC"} <= set(UNREADABLE_TIMES)
