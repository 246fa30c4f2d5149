"""Plain version files: paragraphs per line, directory order, files in the order given, stdin."""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from story_chains import SAMPLES, story_chains

from revdiff.errors import (
    BinaryInput,
    EmptyInput,
    InconsistentPages,
    InputTooLarge,
    UnknownFormat,
)
from revdiff.formats import load
from revdiff.formats.plain import (
    article_name,
    read_all_paragraphs,
    read_paragraphs,
    read_versions,
    split_paragraphs,
    version_numbers,
    version_order_key,
)


def test_every_non_empty_line_is_a_paragraph() -> None:
    assert split_paragraphs("One  para.\n\n\n  Two\tpara. \nThree\n") == ("One para.", "Two para.",
                                                                           "Three")


def _wrapped(paragraphs: list[str], width: int, blank: bool = True) -> str:
    return ("\n\n" if blank else "\n").join("\n".join(textwrap.wrap(p, width)) for p in paragraphs)


STORY = [line for line in (SAMPLES / "versions/iran-strikes-us-troops-in-iraq/4.txt")
         .read_text(encoding="utf-8").split("\n") if len(line) > 120][:4]


@pytest.mark.parametrize("width", [60, 72, 100])
def test_a_version_wrapped_with_blank_lines_between_paragraphs_reads_a_block_a_paragraph(
        width: int) -> None:
    assert all(len(p) > 120 for p in STORY)  # so each is wrapped into several lines
    assert split_paragraphs(_wrapped(STORY, width)) == tuple(STORY)
    article = read_versions([("v/0.txt", _wrapped(STORY, width)), ("v/1.txt", "\n".join(STORY))])
    assert article.versions[0].paragraphs == article.versions[1].paragraphs == tuple(STORY)
    [warning] = article.warnings
    assert warning.startswith("v/0.txt: its lines look wrapped at ")


def test_a_version_too_short_to_show_its_wrapping_is_read_as_its_article_is(
        tmp_path: Path) -> None:
    # two paragraphs of two lines each show too few wrapped lines alone: read a line a
    # paragraph, every paragraph differed from the next version's, which is read in blocks
    first = ("The minister said on Tuesday that the troops would arrive after talks in "
             "the capital ended.")
    second = "Officials in the region said they had not been told of the plan before it was made."
    third = " ".join(["A long third paragraph follows, with more words in it than the others."] * 3)
    for name, paragraphs in (("0.txt", [first, second]), ("1.txt", [first, second, third])):
        (tmp_path / name).write_text("\n\n".join(textwrap.fill(p, 72) for p in paragraphs) + "\n")
    assert read_paragraphs((tmp_path / "0.txt").read_text())[1] is None  # alone: not wrapped
    (article,) = load([str(tmp_path)])
    assert [v.paragraphs for v in article.versions] == [(first, second), (first, second, third)]
    assert len(article.warnings) == 2 and all("wrapped at" in w for w in article.warnings)
    # a version without blank lines between its paragraphs stays one paragraph a line
    (tmp_path / "2.txt").write_text(first + "\n" + second + "\n")
    (article,) = load([str(tmp_path)])
    assert article.versions[2].paragraphs == (first, second)


def test_lines_without_blank_lines_between_or_longer_than_a_wrap_are_paragraphs() -> None:
    # without a blank line nothing tells where a wrapped paragraph ends: one paragraph a line
    lines = _wrapped(STORY, 72, blank=False).split("\n")
    assert split_paragraphs("\n".join(lines)) == tuple(lines)
    # lists and short paragraphs in blocks, as Wikipedia versions have them, are lines still
    wiki = "\n\n".join([STORY[0], "see also:\nfirst item of a list\nsecond item, longer than it",
                         STORY[1], "notes\nreferences"])
    assert split_paragraphs(wiki) == (STORY[0], "see also:", "first item of a list",
                                      "second item, longer than it", STORY[1], "notes",
                                      "references")


@pytest.mark.parametrize("text", [
    ("Road closures today\n\n10:02 Fire reported\n10:15 Crews arrive\n10:30 Road closed\n\n"
    "More updates soon.\n"),
    "Headline here\n\nKey points:\nFirst point\nSecond point\nThird point\n\nThe end.\n",
    ("Timeline\n\n10:02 Fire reported at the old station\n10:15 Crews arrive from the north"
    "\n10:30 Police close the main road\n\nMore soon.\n"),
])
def test_short_lines_in_blocks_are_not_taken_for_wrapped_ones(text: str) -> None:
    """Lines of a live blog or a list were joined into one paragraph, "wrapped at 19"."""
    assert read_paragraphs(text) == (tuple(line for line in text.split("\n") if line), None)


def test_files_are_ordered_by_the_number_in_their_names() -> None:
    names = [Path(n) for n in ("10.txt", "2.txt", "v1.txt", "0.txt", "notes.txt")]
    assert [p.name for p in sorted(names, key=version_order_key)] == [
        "0.txt", "v1.txt", "2.txt", "10.txt", "notes.txt"]


@pytest.mark.parametrize("names", [
    ("12-30-2019", "01-04-2020", "01-05-2020"),  # the month first: 30 is a day
    ("30.12.2019", "04.01.2020", "05.01.2020"),  # the day first
    ("v_30_12_2019", "v_4_1_2020", "v_05_01_2020"),
    ("01-02-2020", "01-03-2020"),  # either reading gives this order
    # a time of day after the date: no version number (the minutes were)
    ("report 13.1.2020 8.00", "report 1.2.2020 9.15", "report 1.2.2020 10.30")])
def test_dates_written_with_the_year_last_order_the_versions(tmp_path: Path,
                                                              names: tuple[str, ...]) -> None:
    # they were ordered by their first number: January's versions before December's
    for number, name in enumerate(names):
        (tmp_path / f"{name}.txt").write_text(f"version {number}\n")
    (article,) = load([str(tmp_path)])
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (number, (f"version {number}",)) for number in range(len(names))]


def test_dates_with_the_year_last_that_no_name_tells_how_to_read_are_refused(
        tmp_path: Path) -> None:
    for name in ("04.01.2020", "05.01.2020", "01.02.2020"):
        (tmp_path / f"{name}.txt").write_text(f"as of {name}\n")
    with pytest.raises(InconsistentPages, match="dates with the year last") as raised:
        load([str(tmp_path)])
    assert raised.value.hint == "rename the files with the year first, as 2020-01-04.txt"


def test_dated_files_are_ordered_by_date_and_numbered_from_0(tmp_path: Path) -> None:
    """Only the last number of a name counted: `2020-02-01.txt` came first, as version 1."""
    for name, text in (("2020-01-03.txt", "one"), ("2020-01-04.txt", "two"),
                       ("2020-02-01.txt", "three")):
        (tmp_path / name).write_text(text + "\n")
    (article,) = load([str(tmp_path)])
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (0, ("one",)), (1, ("two",)), (2, ("three",))]
    assert version_numbers([Path("story-v2.txt"), Path("story-v10.txt")], "folder") == [2, 10]
    assert version_numbers([Path("2020-01-31.txt"), Path("2020-02-01.txt")], "folder") is None
    # days that happen to rise were taken for version numbers 4, 5, 6
    assert version_numbers([Path("2020-01-04.txt"), Path("2020-01-05.txt"),
                            Path("2020-02-06.txt")], "folder") is None
    # a time of day after the date was taken for the version number, an unpadded date for three
    assert version_numbers([Path("2020-01-04_10-30.txt"), Path("2020-01-04_11-45.txt")], "folder") is None
    assert version_numbers([Path("2020-01-04T09:05:00.txt"),
                            Path("2020-01-04T10:30:00.txt")], "folder") is None
    assert version_numbers([Path("2020-1-4.txt"), Path("2020-1-5.txt")], "folder") is None
    assert version_numbers([Path("2020-01-04_9-30.txt"), Path("2020-01-04_9-45.txt")], "folder") is None
    assert version_numbers([Path("20200104T0930.txt"), Path("20200104T1015.txt")], "folder") is None
    assert version_numbers([Path("20200104-093000.txt"), Path("20200104-101500.txt")],
                           "folder") is None
    assert version_numbers([Path("2020-01-04-1.txt"), Path("2020-01-04-2.txt")], "folder") == [1, 2]
    # a date and time of day written out of range: its seconds (60, 61) or minutes (30, 31) were
    # taken for version numbers
    assert version_numbers([Path("2024-02-01_10-30-60.txt"), Path("2024-02-01_11-00-61.txt")],
                           "folder") is None
    assert version_numbers([Path("2024-02-01_25-30.txt"), Path("2024-02-01_26-31.txt")],
                           "folder") is None
    assert version_numbers([Path("v1-2024-02-01_25-30.txt"), Path("v2-2024-02-01_26-31.txt")],
                           "folder") == [1, 2]
    # a version number beside a date is the version's; eight digits alone may be a revision id
    assert version_numbers([Path("v1-2020-01-04.txt"), Path("v2-2020-01-05.txt")], "folder") == [1, 2]
    assert version_numbers([Path("1.txt"), Path("2.txt"), Path("20110315.txt")], "folder") == [1, 2,
                                                                                    20110315]
    assert version_numbers([Path("1578000000.txt"), Path("1578003600.txt")], "folder") == [1578000000,
                                                                                1578003600]


def test_digits_inside_a_hash_in_a_name_are_no_version_number(tmp_path: Path) -> None:
    # the seeds' names: `version 3 -> 20453`, the digits that end each hash
    names = ("000_7791c25bd3939c3b.txt", "002_d8d861a5a3e20453.txt")
    (article,) = load(_numbered_versions(tmp_path, names))
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (0, ("Text of 000_7791c25bd3939c3b.txt.",)), (2, ("Text of 002_d8d861a5a3e20453.txt.",))]


@pytest.mark.parametrize(("names", "numbers"), [
    (("000_7791c25bd3939c3b.txt", "001_2a9d597d2448d81f.txt"), [0, 1]),  # were 3 and 81
    (("story-v3_ab38c57d.txt", "story-v4_40d47a86.txt"), [3, 4]),  # were 57 and 86
    (("rev12 4f2e1a.txt", "rev13 9c0b7e.txt"), [12, 13]),  # were 1 and 7
    (("draft2.txt", "version-3.txt", "page 4 (1a).txt"), [2, 3, 4]),  # the last was 1
    # names whose numbers stand as numbers number as they did
    (("3.txt", "story_005.txt", "v10.txt", "take-12-final.txt"), [3, 5, 10, 12]),
    (("v1-2020-01-04.txt", "2020-01-04-2.txt"), [1, 2]),
])
def test_a_version_number_is_one_that_stands_as_a_number_in_the_name(
        names: tuple[str, ...], numbers: list[int]) -> None:
    assert version_numbers([Path(name) for name in names], "folder") == numbers


def test_names_whose_only_digits_are_in_hashes_are_numbered_in_order() -> None:
    # they were versions 81 and 434, the digits that end each hash
    assert version_numbers([Path("2a9d597d2448d81f.txt"), Path("ab38c57d65ed434d.txt")],
                           "folder") is None
    # two hashes, not two names of version 1: they were refused as such
    assert version_numbers([Path("a01b.txt"), Path("a1b.txt")], "folder") is None


def test_files_named_by_date_without_a_time_of_day_have_the_date_for_their_time(
        tmp_path: Path) -> None:
    """As saved pages so named: the date alone (`time_text`), warned; a name with a date that is
    no date, or a number of eight digits (a revision id), gives none, and the order stays the
    names'."""
    for name, text in (("2024-02-01.txt", "one"), ("2024-2-3.txt", "two"),
                       ("2024.02.04.txt", "three"), ("2024-02-30.txt", "four")):
        (tmp_path / name).write_text(text + "\n")
    (article,) = load([str(tmp_path)])
    assert [(v.paragraphs, v.time, v.time_text) for v in article.versions] == [
        (("one",), None, "2024-02-01"), (("two",), None, "2024-02-03"),
        (("three",), None, "2024-02-04"), (("four",), None, None)]
    assert any(warning.startswith("3 version files give a date in their names but no time of "
                                  "day") for warning in article.warnings)
    assert read_versions([("20110315.txt", "a"), ("20110316.txt", "b")]).versions[0].time_text is None


def test_files_named_by_date_and_time_of_day_have_that_time_without_a_zone(
        tmp_path: Path) -> None:
    """`2024-02-01_10-30.txt` gave no time at all, where a saved page so named has that time:
    the name's time, without a zone (as the name gives none), warned; the order stays the
    names'."""
    for name, text in (("2024-02-01_9-30.txt", "one"), ("2024-02-01_10-30.txt", "two"),
                       ("2024-02-01T11:05:20.txt", "three")):
        (tmp_path / name).write_text(text + "\n")
    (article,) = load([str(tmp_path)])
    assert [(v.paragraphs, v.time, v.time_text) for v in article.versions] == [
        (("one",), datetime(2024, 2, 1, 9, 30), None),
        (("two",), datetime(2024, 2, 1, 10, 30), None),
        (("three",), datetime(2024, 2, 1, 11, 5, 20), None)]
    assert any(warning.startswith("3 version files give a date and a time of day in their names "
                                  "(") and "without a time zone" in warning
               for warning in article.warnings)
    (version,) = read_versions([("story-20240201T0930.txt", "a")]).versions
    assert version.time == datetime(2024, 2, 1, 9, 30)
    # a 12-hour clock
    for name, hour in (("2024-02-01 9.30 PM.txt", 21), ("2024-02-01 9.30 a.m.txt", 9),
                       ("2024-02-01 12.30 PM.txt", 12), ("2024-02-01 12.30 AM.txt", 0),
                       ("2024-02-01 21.30 PM.txt", 21)):
        (version,) = read_versions([(name, "a")]).versions
        assert version.time == datetime(2024, 2, 1, hour, 30)
    # strftime's %Y%m%d-%H%M%S and %Y%m%d_%H%M%S, as scrapers name their saves
    for name in ("20240201-093015.txt", "20240201_093015.txt"):
        (version,) = read_versions([(name, "a")]).versions
        assert version.time == datetime(2024, 2, 1, 9, 30, 15)


def test_a_zone_after_the_time_in_a_name_is_read_as_saved_pages_read_it(tmp_path: Path) -> None:
    """It was dropped, the time said to carry no zone, and the zone's digits taken for version
    numbers (`+0100`, `+0200`: versions 100 and 200)."""
    for name, text in (("2024-02-01T10:30:00+0100.txt", "one"),
                       ("2024-02-01T10:45:00+0200.txt", "two"), ("2024-02-01T10-50Z.txt", "three")):
        (tmp_path / name).write_text(text + "\n")
    (article,) = load([str(tmp_path)])
    # all zoned, the versions follow the instants the names give
    assert [(v.number, v.paragraphs, v.time) for v in article.versions] == [
        (0, ("two",), datetime(2024, 2, 1, 8, 45, tzinfo=UTC)),
        (1, ("one",), datetime(2024, 2, 1, 9, 30, tzinfo=UTC)),
        (2, ("three",), datetime(2024, 2, 1, 10, 50, tzinfo=UTC))]
    assert any(warning.startswith("3 version files give a date, a time of day and a time zone in "
                                  "their names (") for warning in article.warnings)
    assert not any("without a time zone" in warning for warning in article.warnings)
    assert not any("dated before" in warning for warning in article.warnings)
    assert version_numbers([Path("2024-02-01T10:30:00+0100.txt"),
                            Path("2024-02-01T10:45:00+0200.txt")], "folder") is None


@pytest.mark.parametrize(("name", "time", "day", "out_of_range", "read"), [
    # read as 10:30:00, the seconds dropped without a word
    ("2024-02-01_10-30-60.txt", datetime(2024, 2, 1, 10, 30), None,
     "time of day in the name has second 60, out of range", "read as 2024-02-01 10:30:00"),
    # read as the date alone without a word
    ("2024-02-01_10-75.txt", None, "2024-02-01",
     "time of day in the name has minute 75, out of range", "read as the date 2024-02-01 alone"),
    ("2024-02-01_25-30.txt", None, "2024-02-01",
     "time of day in the name has hour 25, out of range", "read as the date 2024-02-01 alone"),
    # dropped without a word
    ("2024-02-30.txt", None, None, "date in the name has day 30, which 2024-02 does not have",
     "the version has no time"),
    ("2024-13-01.txt", None, None, "date in the name has month 13, out of range",
     "the version has no time"),
    ("20240201T2590.txt", None, None, "time of day in the name has hour 25, out of range",
     "the version has no time"),
])
def test_a_name_that_writes_a_date_or_time_out_of_range_is_warned_of(
        tmp_path: Path, name: str, time: datetime | None, day: str | None, out_of_range: str,
        read: str) -> None:
    (tmp_path / name).write_text("One.\n")
    (article,) = load([str(tmp_path / name)])
    (version,) = article.versions
    assert (version.time, version.time_text) == (time, day)
    assert [w for w in article.warnings if "out of range" in w or "does not have" in w] == [
        (f"{tmp_path / name}: the {out_of_range}: {read}; rename the file with the date and "
         "time it means to have them read")]


@pytest.mark.parametrize("name", ["2020-01-04_0765.txt", "2020-01-04-10.txt", "20110315.txt",
                                  "2024-02-29_23-59-59.txt"])
def test_a_name_that_writes_no_date_or_time_out_of_range_is_not_warned_of(
        tmp_path: Path, name: str) -> None:
    """Digits without separators between them are no time written (`_0765`: version 765)."""
    (tmp_path / name).write_text("One.\n")
    (article,) = load([str(tmp_path / name)])
    assert not any("out of range" in w or "does not have" in w for w in article.warnings)


def test_a_day_of_two_digits_before_a_time_of_day_is_read_whole(tmp_path: Path) -> None:
    """`2020-01-31_23-00.txt` was read as 3 January, 01:23 (the day's first digit the day, its
    second the hour), and so ordered before `2020-01-05_10-00.txt`."""
    for name, text in (("2020-01-05_10-00.txt", "one"), ("2020-01-15_10_30_05.txt", "two"),
                       ("2020-01-31_23-00.txt", "three")):
        (tmp_path / name).write_text(text + "\n")
    (article,) = load([str(tmp_path)])
    assert [(v.paragraphs, v.time) for v in article.versions] == [
        (("one",), datetime(2020, 1, 5, 10, 0)), (("two",), datetime(2020, 1, 15, 10, 30, 5)),
        (("three",), datetime(2020, 1, 31, 23, 0))]


def test_files_named_by_date_with_the_year_last_have_it_for_their_time(tmp_path: Path) -> None:
    """`30-12-2019.txt` gave no time, though its date orders the folder: the date (and time of
    day) as the order reads it, day or month first as some name shows, day first, warned,
    where none does and both readings give the order."""
    day_first, either = tmp_path / "day-first", tmp_path / "either"
    day_first.mkdir()
    either.mkdir()
    for name, text in (("30-12-2019.txt", "one"), ("02-01-2020 08-15.txt", "two")):
        (day_first / name).write_text(text + "\n")
    (article,) = load([str(day_first)])
    assert [(v.paragraphs, v.time, v.time_text) for v in article.versions] == [
        (("one",), None, "2019-12-30"), (("two",), datetime(2020, 1, 2, 8, 15), None)]
    # they said they were "ordered by the numbers in their names": 30, 12, 2019 after 2, 1, 2020
    assert (f"1 version file gives a date in its name but no time of day ({day_first}/"
            "30-12-2019.txt); its time is the date alone") in article.warnings
    assert not any("day first or month first" in warning for warning in article.warnings)
    (article,) = load([str(day_first / "30-12-2019.txt"), str(day_first / "02-01-2020 08-15.txt")])
    assert article.versions[1].time == datetime(2020, 1, 2, 8, 15)
    for name, text in (("01-02-2024.txt", "one"), ("03-02-2024.txt", "two")):
        (either / name).write_text(text + "\n")
    (article,) = load([str(either)])
    assert [v.time_text for v in article.versions] == ["2024-02-01", "2024-02-03"]
    assert ("the file names hold dates with the year last (01-02-2024.txt, 03-02-2024.txt) that "
            "may be read day first or month first; read day first (01-02-2024 as 1 February "
            "2024): rename the files with the year first, as 2024-02-01.txt, if the month comes "
            "first") in article.warnings


@pytest.mark.parametrize("names", [
    ("20200104T0930", "2020-01-04_10-00"),  # 20200104 was one number, above 2020
    # strftime's %Y%m%d-%H%M%S and %Y%m%d_%H%M%S: 93000 was one number, above 10
    ("20200104-093000", "2020-01-04_10-00", "20200104_103000"),
    ("2020-01-04 0930", "2020-01-04T10:00"),  # 930 was one number, above 10
    # a 12-hour clock: 9.30 PM was 9.30, before 10.00 AM, and 12.30 AM after 11.00 AM
    ("2020-01-04 12.30 AM", "2020-01-04 10.00 AM", "2020-01-04 11.00 am", "2020-01-04 9.30 PM",
     "2020-01-04_11-45pm"),
    ("2020-01-04", "20200104T0000", "2020-01-04_0-01", "20200105T0000")])
def test_dates_and_times_written_apart_or_together_order_the_versions_as_they_read(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    """A name's date and time of day were ordered by the numbers written: a date written
    together with its time came after every other way of writing that date."""
    for number, name in enumerate(names):
        (tmp_path / f"{name}.txt").write_text(f"version {number}\n")
    (article,) = load([str(tmp_path)])
    assert [v.paragraphs for v in article.versions] == [
        (f"version {number}",) for number in range(len(names))]


def test_dates_whose_month_is_named_order_the_versions_and_give_their_times(
        tmp_path: Path) -> None:
    """`Jan 4, 2020 9.30 PM.txt` was ordered by its numbers (4, 2020, 9, 30: before every
    `2019`, and 9.30 PM before 10.00 AM) and gave no time; its numbers were version numbers."""
    names = ("Dec 31, 2019.txt", "04-Jan-2020_08-00.txt", "January 4th 2020 10.00 AM.txt",
             "Jan 4, 2020 9.30 PM.txt", "5 jan 2020.txt")
    for number, name in enumerate(names):
        (tmp_path / name).write_text(f"version {number}\n")
    (article,) = load([str(tmp_path)])
    assert [(v.number, v.paragraphs, v.time, v.time_text) for v in article.versions] == [
        (0, ("version 0",), None, "2019-12-31"),
        (1, ("version 1",), datetime(2020, 1, 4, 8, 0), None),
        (2, ("version 2",), datetime(2020, 1, 4, 10, 0), None),
        (3, ("version 3",), datetime(2020, 1, 4, 21, 30), None),
        (4, ("version 4",), None, "2020-01-05")]


def test_versions_whose_names_date_them_back_are_kept_in_order_and_warned_of(
        tmp_path: Path) -> None:
    """As a tracker's versions dated back are: the names' version numbers (or the order the
    files are given in) keep the order, but the times going back were not warned of."""
    story = tmp_path / "story"
    story.mkdir()
    for name, text in (("v1-2020-01-04_10-00.txt", "one"), ("v2-20200104T0930.txt", "two"),
                       ("v3-2020-01-04_11-00.txt", "three")):
        (story / name).write_text(text + "\n")
    (article,) = load([str(story)])
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (1, ("one",)), (2, ("two",)), (3, ("three",))]
    back = ("story: version 2 is dated before version 1 (2020-01-04 09:30:00 < "
            "2020-01-04 10:00:00); kept in version order")
    assert [warning for warning in article.warnings if "dated before" in warning] == [back]
    (article,) = load([str(story / "v3-2020-01-04_11-00.txt"),
                       str(story / "v1-2020-01-04_10-00.txt")])
    back = ("story: version 1 is dated before version 0 (2020-01-04 10:00:00 < "
            "2020-01-04 11:00:00); kept in version order")
    assert [warning for warning in article.warnings if "dated before" in warning] == [back]


def test_versions_whose_names_give_dates_going_back_are_warned_of(tmp_path: Path) -> None:
    """Only times of day were compared: a date alone (`time_text`) going back, given one by
    one, was not warned of; a date compares by its day, with a date or a time."""
    given = ["2020-01-05.txt", "2020-01-04.txt", "2020-01-04_10-00.txt", "2020-01-04.txt",
             "2020-01-04T09-00.txt", "2020-01-03.txt"]
    for name in given:
        (tmp_path / name).write_text(f"{name}\n")
    (article,) = load([str(tmp_path / name) for name in given])
    folder = tmp_path.name
    back = [(1, 0, "2020-01-04", "2020-01-05"), (4, 2, "2020-01-04 09:00:00", "2020-01-04 10:00:00"),
            (5, 4, "2020-01-03", "2020-01-04 09:00:00")]
    assert [warning for warning in article.warnings if "dated before" in warning] == [
        f"{folder}: version {after} is dated before version {before} ({time} < {earlier}); kept "
        "in version order" for after, before, time, earlier in back]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_sample_directories_read_as_their_chains(index: int) -> None:
    chain = story_chains()[index]
    directory = SAMPLES / "versions" / [
        "us-deploys-troops-after-soleimani-strike", "iran-strikes-us-troops-in-iraq",
        "us-sends-3000-troops-to-middle-east"][index]
    (article,) = load([str(directory)])
    assert [v.paragraphs for v in article.versions] == [v.paragraphs for v in chain.versions]
    assert [v.number for v in article.versions] == list(range(len(chain.versions)))


def test_sample_chains_stay_small_and_evolve() -> None:
    for chain in story_chains():
        assert len(chain.versions) >= 3
        for old, new in zip(chain.versions, chain.versions[1:]):
            assert old.paragraphs != new.paragraphs
    for path in (SAMPLES / "versions").rglob("*.txt"):
        assert path.stat().st_size < 4096, path


def test_directory_numbers_sort_numerically(tmp_path: Path) -> None:
    for number in (0, 2, 10):
        (tmp_path / f"{number}.txt").write_text(f"Version {number} text.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert [v.number for v in article.versions] == [0, 2, 10]
    assert article.versions[2].paragraphs == ("Version 10 text.",)


def test_a_file_without_a_number_among_numbered_versions_is_refused(tmp_path: Path) -> None:
    # README.md was read as the last version and 3.txt renumbered 2, silently
    for number in (0, 1, 3):
        (tmp_path / f"{number}.txt").write_text(f"Version {number} text.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("Notes about this story.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages, match=r"number the versions, but README\.md holds no "
                                                r"number \(move the files that are no versions"):
        load([str(tmp_path)])


@pytest.mark.parametrize(("names", "said"), [
    (("0.txt", "00.txt", "1.txt"), "0.txt and 00.txt both name version 0"),
    (("0.txt", "1.md", "1.txt"), "1.md and 1.txt both name version 1"),
    (("v01.txt", "v1.txt", "v2.txt"), "v01.txt and v1.txt both name version 1"),
    # a copy kept beside a version under its name and one suffix more (a merge's `.orig`, a
    # backup's `.bak`) was read as a version of its own, and the versions renumbered from 0
    (("v1.txt", "v2.txt", "v2.txt.orig"), "v2.txt and v2.txt.orig both name version 2"),
    (("0.txt", "1.md", "1.md.bak"), "1.md and 1.md.bak both name version 1"),
])
def test_two_files_that_name_one_version_are_refused(tmp_path: Path, names: tuple[str, ...],
                                                     said: str) -> None:
    """They were numbered 0, 1, 2 in name order, without a word: which text is the version, or
    which came first, nothing says."""
    for name in names:
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages, match=rf"{re.escape(said)} \(keep one of them"):
        load([str(tmp_path)])


@pytest.mark.parametrize(("names", "copy", "original"), [
    (("0.txt", "0 copy.txt", "1.txt"), "0 copy.txt", "0.txt"),
    (("0.txt", "0 copy 2.txt", "1.txt"), "0 copy 2.txt", "0.txt"),
    (("v1.txt", "v1 - Copy.txt", "v2.txt"), "v1 - Copy.txt", "v1.txt"),
    (("v1.txt", "v1 - Copy (2).txt", "v2.txt"), "v1 - Copy (2).txt", "v1.txt"),
    (("v1.txt", "v1 (1).txt", "v2.txt"), "v1 (1).txt", "v1.txt"),
    (("v1.txt", "v1 (2).txt", "v3.txt"), "v1 (2).txt", "v1.txt"),
    (("2020-01-04.txt", "2020-01-04 (1).txt"), "2020-01-04 (1).txt", "2020-01-04.txt"),
    # GNOME Files' copies: ` (copy)`, ` (another copy)`, then ` (3rd copy)`, ` (4th copy)`, ...
    (("0.txt", "0 (copy).txt", "1.txt"), "0 (copy).txt", "0.txt"),
    (("0.txt", "0 (another copy).txt", "1.txt"), "0 (another copy).txt", "0.txt"),
    (("0.txt", "0 (3rd copy).txt", "1.txt"), "0 (3rd copy).txt", "0.txt"),
    (("v1.txt", "v1 (21st copy).txt", "v2.txt"), "v1 (21st copy).txt", "v1.txt"),
])
def test_a_copy_a_file_browser_or_a_download_names_beside_its_version_is_refused(
        tmp_path: Path, names: tuple[str, ...], copy: str, original: str) -> None:
    """As two names of one version are: the copy was read as a version, the versions numbered
    from 0 without a word (`v1 (2).txt` read as version 2, its download counter)."""
    for name in names:
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages,
                       match=rf"{re.escape(copy)} is named as a file browser or a download names "
                             rf"a copy of {re.escape(original)} \(keep one of them"):
        load([str(tmp_path)])


def test_an_escape_sequence_in_a_name_gives_it_no_number(tmp_path: Path) -> None:
    """`a<ESC>[31m.txt` held the number 31 (and `b.txt` beside it none: refused); read as a name
    without a number, the two are read in name order."""
    for name in ("b.txt", "a\x1b[31m.txt"):
        (tmp_path / name).write_text(f"Text of {name!r}.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert [version.paragraphs for version in article.versions] == [
        ("Text of 'a\\x1b[31m.txt'.",), ("Text of 'b.txt'.",)]


def test_an_escape_sequence_gives_no_version_number_among_numbered_names(tmp_path: Path) -> None:
    """`x<ESC>[2m.txt` was read as version 2 after `0.txt`, `1.txt`, the versions renumbered."""
    for name in ("0.txt", "1.txt", "x\x1b[2m.txt"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages, match=r"but x␛\[2m\.txt holds no number"):
        load([str(tmp_path)])


def test_a_name_that_differs_only_in_an_escape_sequence_names_the_same_version(
        tmp_path: Path) -> None:
    """`0<ESC>[m.txt` beside `0.txt` was read as a third version, the numbers 0, 0, 1 not rising,
    and the folder numbered from 0 without a word."""
    for name in ("0.txt", "0\x1b[m.txt", "1.txt"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages, match=r"both name version 0 \(keep one of them"):
        load([str(tmp_path)])


@pytest.mark.parametrize("names", [("v1 (1).txt", "v2 (1).txt"), ("0 copy.txt", "1 copy.txt"),
                                   ("1 (2).txt", "2.txt"), ("0 (copy).txt", "1 (copy).txt")])
def test_a_name_like_a_copy_s_of_no_file_there_is_a_version(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert len(article.versions) == 2


@pytest.mark.parametrize(("names", "said"), [
    (("2020-1-4.txt", "2020-01-04.txt"),
     "2020-01-04.txt and 2020-1-4.txt both name the date 2020-01-04"),
    (("20200104T0930.txt", "2020-01-04_09-30-00.txt", "2020-01-04_10-00.txt"),
     "20200104T0930.txt and 2020-01-04_09-30-00.txt both name the time 2020-01-04 09:30:00"),
    (("04-01-2020.txt", "4-1-2020.txt", "13-01-2020.txt"),
     "04-01-2020.txt and 4-1-2020.txt both name the date 2020-01-04"),
])
def test_two_files_that_name_one_date_and_time_are_refused(
        tmp_path: Path, names: tuple[str, ...], said: str) -> None:
    """As two names of one version number are: they were two versions, ordered by how the
    name was written, without a word."""
    for name in names:
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    with pytest.raises(InconsistentPages, match=rf"{re.escape(said)} \(keep one of them"):
        load([str(tmp_path)])


@pytest.mark.parametrize("names", [("2020-01-04_09-00.txt", "2020-01-04_10-00.txt"),
                                   ("2020-01-04.txt", "2020-01-04_10-00.txt"),
                                   ("a-2020-01-04.txt", "b-2020-1-4.txt")])
def test_names_of_different_times_or_names_of_one_date_are_read(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert [version.paragraphs for version in article.versions] == [
        (f"Text of {name}.",) for name in names]


@pytest.mark.parametrize("names", [("10-00.txt", "11-00.txt"), ("a-1.txt", "b-1.txt"),
                                   ("-1.txt", "1.txt"), ("2020-01-04.txt", "2020-01-04-b.txt")])
def test_names_whose_last_numbers_agree_but_that_differ_are_read_in_name_order(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (tmp_path / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert [version.number for version in article.versions] == [0, 1]


def test_files_without_numbers_are_read_in_name_order(tmp_path: Path) -> None:
    for name in ("b-first.txt", "c-second.txt", "a-zeroth.txt"):
        (tmp_path / name).write_text(f"{name} text.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert [v.paragraphs for v in article.versions] == [
        ("a-zeroth.txt text.",), ("b-first.txt text.",), ("c-second.txt text.",)]
    assert [v.number for v in article.versions] == [0, 1, 2]
    # said: `first.txt`, `latest.txt`, `second.txt` were put in that order without a word
    said = (f"{tmp_path}: no file name holds a number, so the versions are read in the order "
            "of their names (a-zeroth.txt, b-first.txt, c-second.txt); number the files (0.txt, "
            "1.txt, ...) to give another order")
    assert article.warnings == (said,)


def test_what_file_browsers_and_editors_leave_in_a_folder_is_no_version(tmp_path: Path) -> None:
    for number in (0, 1):
        (tmp_path / f"{number}.txt").write_text(f"Version {number} text.\n", encoding="utf-8")
    (tmp_path / "desktop.ini").write_text("[.ShellClassInfo]\r\nIconResource=x.ico\r\n")
    (tmp_path / "Thumbs.db").write_bytes(bytes(range(256)) * 4)
    # an editor's backup and autosave: they counted as versions, and two names holding 0
    # numbered the versions 0, 1, 2, the real 1.txt becoming version 2
    (tmp_path / "0.txt~").write_text("An older text.\n", encoding="utf-8")
    (tmp_path / "#1.txt#").write_text("A draft.\n", encoding="utf-8")
    (article,) = load([str(tmp_path)])
    assert [(v.number, v.paragraphs) for v in article.versions] == [(0, ("Version 0 text.",)),
                                                                    (1, ("Version 1 text.",))]


@pytest.mark.parametrize("versions", [("0.txt", "1.txt"), ("a.txt", "b.txt")])
def test_sqlite_journals_without_their_database_are_refused_saying_what_they_are(
        tmp_path: Path, versions: tuple[str, str]) -> None:
    """`x.db-wal` and `x.db-shm` with no `x.db` beside them, holding text: the folder was refused
    as one whose `x.db-shm, x.db-wal hold no number`, or, its versions unnumbered, the journal
    read as a version."""
    for name in versions:
        (tmp_path / name).write_text(f"{name} text.\n", encoding="utf-8")
    for name in ("x.db-wal", "x.db-shm"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(InconsistentPages) as error:
        load([str(tmp_path)])
    assert str(error.value) == (
        f"{tmp_path}: x.db-shm, x.db-wal are the journal files SQLite keeps beside a database, "
        "but no x.db is in the folder (move them out of the folder to read the versions: they "
        "belong beside x.db, which SQLite reads with them)")


@pytest.mark.parametrize("versions", [("0.txt", "1.txt"), ("a.txt", "b.txt")])
def test_sqlite_journals_without_their_database_given_by_name_are_refused_as_in_a_folder(
        tmp_path: Path, versions: tuple[str, str]) -> None:
    """`revdiff parse f/*` on a folder holding text `x.db-wal` and `x.db-shm` and no `x.db` read
    them as versions, silently, where the folder given as a folder refuses them."""
    for name in versions:
        (tmp_path / name).write_text(f"{name} text.\n", encoding="utf-8")
    for name in ("x.db-wal", "x.db-shm"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    with pytest.raises(InconsistentPages) as error:
        load(sorted(str(file) for file in tmp_path.iterdir()))
    assert str(error.value) == (
        f"{tmp_path}: x.db-shm, x.db-wal are the journal files SQLite keeps beside a database, "
        "but no x.db is in the folder (give the other files without them to read the versions: "
        "they belong beside x.db, which SQLite reads with them)")


@pytest.mark.parametrize("database", ["tracker", "text"])
def test_a_sqlite_journal_given_by_name_beside_its_database_is_refused_saying_whose(
        tmp_path: Path, database: str) -> None:
    """`revdiff parse f/*.txt f/x.db-wal`, `x.db` in `f` but not given, read the journal, holding
    text, as a version, silently, where the folder leaves it out as the database's."""
    for name in ("0.txt", "1.txt"):
        (tmp_path / name).write_text(f"{name} text.\n", encoding="utf-8")
    if database == "tracker":
        shutil.copyfile(SAMPLES / "newsedits.sqlite", tmp_path / "x.db")
    else:
        (tmp_path / "x.db").write_text("Not a database.\n", encoding="utf-8")
    (tmp_path / "x.db-wal").write_text("x", encoding="utf-8")
    with pytest.raises(InconsistentPages) as error:
        load([str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), str(tmp_path / "x.db-wal")])
    assert str(error.value) == (
        f"{tmp_path}: x.db-wal is the journal file SQLite keeps beside the database x.db in the "
        "folder, not a version (give x.db to read the database, which SQLite reads with it, or "
        "leave it out to read the versions)")
    (article,) = load([str(tmp_path / "0.txt"), str(tmp_path / "1.txt")])
    assert len(article.versions) == 2


@pytest.mark.parametrize("given_again", ["as_itself", "through_a_link"])
def test_a_folder_given_twice_is_read_once_as_export_reads_it(tmp_path: Path,
                                                             given_again: str) -> None:
    """`diff story story` compared the article twice, where `export story story` reads it once;
    a real folder given again was said to lead to a folder already read, as a link does."""
    story = tmp_path / "story"
    story.mkdir()
    for number in (0, 1):
        (story / f"{number}.txt").write_text(f"Version {number} text.\n", encoding="utf-8")
    again = tmp_path / "link"
    if given_again == "through_a_link":
        again.symlink_to("story")
    else:
        again = tmp_path / ".." / tmp_path.name / "story"
    notes: list[str] = []
    articles = load([str(story), str(again)], notes=notes)
    assert len(articles) == 1
    assert notes == [f"{again}: skipped, " + ("it leads to a folder already read"
                                             if given_again == "through_a_link" else
                                             "an earlier input already read it")]


def test_files_keep_the_order_given(tmp_path: Path) -> None:
    first, second = tmp_path / "b.txt", tmp_path / "a.txt"
    first.write_text("First.\n", encoding="utf-8")
    second.write_text("Second.\n", encoding="utf-8")
    (article,) = load([str(first), str(second)])
    assert [v.paragraphs for v in article.versions] == [("First.",), ("Second.",)]


def _numbered_versions(folder: Path, names: Sequence[str]) -> list[str]:
    """The files `names` in `folder`, each holding its name as its text; their paths."""
    for name in names:
        (folder / name).write_text(f"Text of {name}.\n", encoding="utf-8")
    return [str(folder / name) for name in names]


SHELL_READ_AS_FOLDER = ("12 version files are read in the order of the numbers in their "
                        "names, as a folder's are (2.txt before 10.txt), not in the order given, "
                        "their names sorted as text, as a shell's * gives them; to read them in "
                        "another order, name them one by one in that order")


def test_files_a_shell_glob_sorted_as_text_are_read_in_the_folders_order(tmp_path: Path) -> None:
    # `revdiff parse story/*` read 10.txt and 11.txt right after 1.txt, without a word
    paths = _numbered_versions(tmp_path, [f"{number}.txt" for number in range(12)])
    (article,) = load(sorted(paths))
    assert [v.paragraphs for v in article.versions] == [(f"Text of {number}.txt.",)
                                                        for number in range(12)]
    assert article.warnings == (SHELL_READ_AS_FOLDER,)
    # numbered as the folder numbers them
    versions = tmp_path / "named"
    versions.mkdir()
    named = _numbered_versions(versions, ["story-v10.txt", "story-v2.txt", "story-v3.txt"])
    (article,) = load(named)
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (number, (f"Text of story-v{number}.txt.",)) for number in (2, 3, 10)]
    assert load([str(versions)])[0].versions == article.versions


AS_GIVEN_NOT_BY_NUMBER = ("5 version files are read in the order given (10.txt before 1.txt), "
                          "which is not the order of the numbers in their names; to read them "
                          "in that order, name their folder")


def test_files_given_in_an_order_of_their_own_are_read_so_warned(tmp_path: Path) -> None:
    # the user's own order, or a shell's that sorts names by a language's rules, which may put
    # `10.txt` before `1.txt`: read as given, but not without a word
    names = ("0.txt", "10.txt", "11.txt", "1.txt", "2.txt")
    (article,) = load(_numbered_versions(tmp_path, names))
    assert [v.paragraphs for v in article.versions] == [(f"Text of {name}.",) for name in names]
    assert article.warnings == (AS_GIVEN_NOT_BY_NUMBER,)
    # names without numbers are read in the order given, as they always were
    (article,) = load(_numbered_versions(tmp_path, ("old.txt", "new.txt")))
    assert not article.warnings


def test_files_given_in_their_folders_order_are_numbered_as_it_numbers_them(
        tmp_path: Path) -> None:
    # `revdiff diff 3.txt 5.txt` compared versions 0 and 1, `story/` would read versions 3 and 5
    names = ("3.txt", "5.txt", "10.txt")
    (article,) = load(_numbered_versions(tmp_path, names))
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (int(name.removesuffix(".txt")), (f"Text of {name}.",)) for name in names]
    assert not article.warnings


@pytest.mark.parametrize("names", [
    ("1.txt", "10.txt", "2.txt", "notes.txt"),  # a folder of them is refused: notes.txt
    ("0.txt", "00.txt", "10.txt", "2.txt"),  # 0.txt and 00.txt: which is version 0?
    ("01.02.2020.txt", "04.01.2020.txt", "05.01.2020.txt"),  # day or month first?
])
def test_files_given_in_another_order_or_that_a_folder_refuses_keep_the_order_given(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    paths = _numbered_versions(tmp_path, names)
    (article,) = load(paths)
    assert [v.paragraphs for v in article.versions] == [(f"Text of {name}.",) for name in names]
    assert [v.number for v in article.versions] == list(range(len(names)))
    assert not [warning for warning in article.warnings if "order given" in warning]


def test_stdin_is_a_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import io
    import sys

    old = tmp_path / "old.txt"
    old.write_text("Old text.\n", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"New text.\n")))
    (article,) = load([str(old), "-"])
    assert [v.paragraphs for v in article.versions] == [("Old text.",), ("New text.",)]


def test_standard_input_given_twice_is_refused_as_such() -> None:
    # the second `-` read nothing and was refused as "input is empty"
    with pytest.raises(EmptyInput, match="standard input is given more than once"):
        load(["-", "-"])


def test_a_closed_standard_input_is_refused_as_such(monkeypatch: pytest.MonkeyPatch) -> None:
    # a process started with its standard input closed (`<&-`) has none: reading `-` ended with
    # a traceback, `'NoneType' object has no attribute 'buffer'`
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(EmptyInput, match="standard input is closed"):
        load([str(SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq" / "0.txt"), "-"])


def test_a_version_without_text_is_refused() -> None:
    with pytest.raises(EmptyInput, match="holds no text"):
        read_versions([("0.txt", "text"), ("1.txt", " \n\n")])


def test_versions_are_titled_by_their_folder_not_their_file_names() -> None:
    directory = SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq"
    (article,) = load([str(directory)])
    assert {v.title for v in article.versions} == {"iran-strikes-us-troops-in-iraq"}
    (given_one_by_one,) = load([str(directory / "0.txt"), str(directory / "1.txt")])
    assert {v.title for v in given_one_by_one.versions} == {"iran-strikes-us-troops-in-iraq"}


def test_the_article_name_is_the_folder_the_files_share(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert article_name([str(tmp_path / "a" / "0.txt"), str(tmp_path / "a" / "1.txt")]) == "a"
    assert article_name([str(tmp_path / "b" / "0.txt"), str(tmp_path / "a" / "1.txt")]) == "b"
    assert article_name(["-", str(tmp_path / "a" / "1.txt")]) == "a"
    assert article_name(["-"]) == "-"


def test_diff_and_store_name_plain_versions_by_their_folder(tmp_path: Path) -> None:
    directory = SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq"
    files = [str(directory / "0.txt"), str(directory / "1.txt")]
    diff = subprocess.run([sys.executable, "-m", "revdiff", "diff", *files], capture_output=True,
                          text=True, check=True)
    assert diff.stdout.startswith("iran-strikes-us-troops-in-iraq: version 0 -> 1\n")
    assert "title:" not in diff.stdout and "0.txt" not in diff.stdout
    as_json = subprocess.run([sys.executable, "-m", "revdiff", "diff", *files, "--format", "json"],
                             capture_output=True, text=True, check=True)
    assert json.loads(as_json.stdout)[0]["article"] == "iran-strikes-us-troops-in-iraq"
    subprocess.run([sys.executable, "-m", "revdiff", "store", str(directory), "--repo",
                    str(tmp_path / "repo")], capture_output=True, check=True)
    (stored,) = (tmp_path / "repo" / "_no-url").iterdir()
    assert stored.name.startswith("iran-strikes-us-troops-in-iraq~")


def test_pipes_named_on_the_command_line_are_versions(tmp_path: Path) -> None:
    # `revdiff diff <(curl ...) <(curl ...)`: the shell names pipes /dev/fd/N, which were refused
    # as "not a regular file"
    from click.testing import CliRunner
    from shell_pipes import shell_pipes

    from revdiff.cli import main

    with shell_pipes("One.\nTwo.\n", "One.\nThree.\n") as pipes:
        result = CliRunner().invoke(main, ["diff", *pipes])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("-: version 0 -> 1\n")  # named as standard input is
    assert "Three." in result.stdout and result.stderr == ""


def test_a_file_given_twice_is_warned_of(tmp_path: Path) -> None:
    # it was read as two identical versions without a word
    version = tmp_path / "0.txt"
    version.write_text("One.\n")
    (article,) = load([str(version), str(tmp_path / "." / "0.txt")])
    assert len(article.versions) == 2
    assert article.warnings == (f"{version}: given 2 times; each is read as a version",)


def test_a_fifo_named_among_files_is_refused_not_waited_on(tmp_path: Path) -> None:
    # `revdiff diff folder/*` with a FIFO in the folder waited for a writer for ever. Its refusal
    # said "not a regular file" alone, though the shell's pipes `<(...)` are read: it says why a
    # named one is not, and how to read it
    import os

    (tmp_path / "0.txt").write_text("One.\n")
    fifo = tmp_path / "zz.fifo"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "revdiff", "diff", str(tmp_path / "0.txt"),
                             str(fifo)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr == (f"revdiff: error: {fifo}: a FIFO (named pipe), not a regular file: "
                             "opening one waits for ever while nothing writes to it (to read it, "
                             f"give it as standard input: - < {fifo})\n")


def test_a_list_is_not_taken_for_wrapped_lines() -> None:
    # with another version wrapped at 72, a list of lines of 68 to 71 characters was one paragraph
    wrapped = "\n\n".join(textwrap.fill(" ".join(["Words of a long paragraph go on."] * 6), 72)
                          for _ in range(3))
    items = ["- The council voted 7-2 to approve the budget for the next fiscal year.",
             "- The mayor said she would sign the measure into law on Friday morning.",
             "- Opponents said the plan would raise property taxes for homeowners."]
    listed = "The council approved the budget.\n\n" + "\n".join(items) + "\n\nMore to follow.\n"
    (_, width), (paragraphs, listed_width) = read_all_paragraphs([wrapped, listed])
    assert width is not None and listed_width is None
    assert paragraphs == ("The council approved the budget.", *items, "More to follow.")


def test_a_paragraph_that_versions_repeat_is_held_once() -> None:
    """A live blog's versions repeat most of the one before: each version held its own copy of
    every paragraph, an article of 300 versions the text of all of them."""
    steady = "Background: the city had been quiet for days before the protests began."
    texts = [f"{steady}\n\nUpdate {n}: the talks went on." for n in range(3)]
    read = read_all_paragraphs(texts)
    firsts = [paragraphs[0] for paragraphs, _ in read]
    assert firsts == [steady] * 3
    assert all(first is firsts[0] for first in firsts)
    assert [paragraphs[1] for paragraphs, _ in read] == [f"Update {n}: the talks went on."
                                                         for n in range(3)]


def test_a_listing_or_a_table_is_not_joined_at_another_versions_wrap_width() -> None:
    """With another version wrapped at 72, a command of two long lines, and a table aligned with
    spaces, were each joined into one paragraph."""
    wrapped = "\n\n".join(textwrap.fill(" ".join(["Words of a long paragraph go on."] * 6), 72)
                          for _ in range(3))
    command = ["curl --silent --fail --location --retry 3 --max-time 30 --compressed \\",
               "https://example.org/api/v2/stories/2020/01/04/strikes/versions.json"]
    listing = "The data came from the tracker:\n\n" + "\n".join(command) + "\n\nMore to follow.\n"
    table = ["Country of the troops     Troops sent     Date announced     Figure given by",
             "Netherlands               300 troops      January 6, 2020    Defence Ministry"]
    tabled = "The deployments so far:\n\n" + "\n".join(table) + "\n\nSee also: the map.\n\n" + \
        "\n".join(command) + "\n"
    read = read_all_paragraphs([wrapped, listing, tabled])
    assert read[0][1] is not None
    assert read[1] == (("The data came from the tracker:", *command, "More to follow."), None)
    assert read[2][0][1:3] == tuple(" ".join(row.split()) for row in table)


def test_an_empty_file_among_versions_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """One blank capture in a folder made the whole article unreadable (`input is empty`); then
    the line that said so was a note on stderr only, not in `parse`'s JSON or the store."""
    (tmp_path / "0.txt").write_text("First. Two.\n")
    (tmp_path / "1.txt").write_bytes(b"\xef\xbb\xbf\r\n\xc2\xa0\n")  # a BOM, a no-break space
    (tmp_path / "2.txt").write_text("Third. Two now.\n")
    notes: list[str] = []
    (article,) = load([str(tmp_path)], notes=notes)
    assert [(v.number, v.paragraphs) for v in article.versions] == [
        (0, ("First. Two.",)), (2, ("Third. Two now.",))]
    assert article.warnings == (
        f"{tmp_path}: left out 1 empty file (1.txt): an empty capture is no version",)
    assert notes == []
    (tmp_path / "0.txt").write_text("")  # one version left: refused, as for files given together
    with pytest.raises(EmptyInput, match=r"one version file is left once 2 empty files \(0.txt, "
                                         r"1.txt\) are left out") as refused:
        load([str(tmp_path)])
    assert refused.value.where == str(tmp_path)
    (tmp_path / "2.txt").write_text("")
    with pytest.raises(EmptyInput, match="input is empty"):  # nothing left: the folder is empty
        load([str(tmp_path)])


def test_an_empty_file_among_version_files_given_together_is_left_out_as_in_a_folder(
        tmp_path: Path) -> None:
    """`revdiff parse story/*` stopped at a failed capture (`input is empty`) that `revdiff parse
    story/` leaves out with a warning."""
    (tmp_path / "0.txt").write_text("First. Two.\n")
    (tmp_path / "1.txt").write_bytes(b"\xef\xbb\xbf\r\n\xc2\xa0\n")  # a BOM, a no-break space
    (tmp_path / "2.txt").write_text("Third. Two now.\n")
    (tmp_path / "10.txt").write_text("Fourth. Two later.\n")
    given = sorted(str(file) for file in tmp_path.iterdir())  # as a shell's * gives them
    (article,) = load(given)
    (in_folder,) = load([str(tmp_path)])
    assert article.versions == in_folder.versions
    assert [version.number for version in article.versions] == [0, 2, 10]
    assert article.warnings[0] == (f"left out 1 empty file ({tmp_path / '1.txt'}): an empty "
                                   "capture is no version")
    assert in_folder.warnings[0] == (f"{tmp_path}: left out 1 empty file (1.txt): an empty "
                                     "capture is no version")
    # one version left, or none, or a tracker's page beside it: the empty file is refused
    for inputs in ([tmp_path / "0.txt", tmp_path / "1.txt"], [tmp_path / "1.txt"],
                   [tmp_path / "1.txt", tmp_path / "1.txt"],
                   [SAMPLES / "sniffer-version.html", tmp_path / "1.txt"]):
        with pytest.raises(EmptyInput, match="input is empty") as refused:
            load([str(file) for file in inputs])
        assert refused.value.where == str(tmp_path / "1.txt")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files opened while the test runs, in order (a test clears it once it has
    written its files): by `open`, or by `os.open`, as inputs are opened without waiting
    (`file_kinds.open_without_waiting`)."""
    names: list[str] = []
    real_open, real_os_open = io.open, os.open

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        names.append(str(file))
        return real_open(file, *args, **kwargs)

    def counting_os_open(file: Any, *args: Any, **kwargs: Any) -> int:
        names.append(os.fspath(file))
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)  # as Path.read_bytes opens
    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(os, "open", counting_os_open)
    return names


def test_each_version_file_given_is_opened_once(tmp_path: Path, opened: list[str]) -> None:
    """Each small file given was read twice: once to tell whether it was empty, then to read it."""
    (tmp_path / "0.txt").write_text("First. Two.\n")
    (tmp_path / "1.txt").write_text("")
    (tmp_path / "2.txt").write_text("Third. Two now.\n")
    opened.clear()
    given = [str(tmp_path / name) for name in ("0.txt", "1.txt", "2.txt")]
    (article,) = load(given)
    assert [version.paragraphs for version in article.versions] == [("First. Two.",),
                                                                    ("Third. Two now.",)]
    assert sorted(name for name in opened if name in given) == given


def test_a_large_blank_file_in_a_folder_is_left_out_as_a_small_one_is(tmp_path: Path,
                                                                     opened: list[str]) -> None:
    """A folder's files were looked at for being empty only up to 4 KB: a blank capture over that
    size was refused (`input is empty`), though the same files given one by one leave it out.
    Each blank file is now read once, when the folder is read."""
    (tmp_path / "0.txt").write_text("First. Two.\n")
    (tmp_path / "1.txt").write_text(" \n" * 3072)  # 6 KB of white space
    (tmp_path / "2.txt").write_text("Third. Two now.\n")
    opened.clear()
    (article,) = load([str(tmp_path)])
    assert [version.number for version in article.versions] == [0, 2]
    assert article.warnings == (
        f"{tmp_path}: left out 1 empty file (1.txt): an empty capture is no version",)
    assert opened.count(str(tmp_path / "1.txt")) == 1


PICTURE = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"


def test_a_picture_among_version_files_is_left_out_as_in_a_git_repository(tmp_path: Path) -> None:
    """A picture beside a folder's versions refused the whole folder (`pic.png: input is binary
    data`), where a git repository leaves its binary files out with a warning."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("One. Two.\n")
    (tmp_path / "pic.png").write_bytes(PICTURE)
    (tmp_path / "chart.png").write_bytes(PICTURE)
    (article,) = load([str(tmp_path)])
    assert [version.number for version in article.versions] == [0, 1]
    assert article.warnings == (
        f"{tmp_path}: left out 2 binary files (chart.png, pic.png): binary data is no version",)


def test_a_picture_among_version_files_given_together_is_left_out_as_in_a_folder(
        tmp_path: Path) -> None:
    """`revdiff parse story/*` refused a picture (`pic.png: input is binary data`) that
    `revdiff parse story/` leaves out with a warning."""
    story = tmp_path / "story"
    story.mkdir()
    (story / "0.txt").write_text("One.\n")
    (story / "1.txt").write_text("One. Two.\n")
    (story / "pic.png").write_bytes(PICTURE)
    given = sorted(str(file) for file in story.iterdir())  # as a shell's * gives them
    (article,) = load(given)
    (in_folder,) = load([str(story)])
    assert article.versions == in_folder.versions
    assert article.warnings == (
        f"left out 1 binary file ({story / 'pic.png'}): binary data is no version",)
    # alone, beside a tracker's page, or among files of another folder: the picture is refused
    (tmp_path / "2.txt").write_text("One. Two. Three.\n")
    for inputs in ([story / "pic.png"], [SAMPLES / "sniffer-version.html", story / "pic.png"],
                   [story / "0.txt", story / "pic.png", tmp_path / "2.txt"]):
        with pytest.raises(BinaryInput, match="input is binary data") as refused:
            load([str(file) for file in inputs])
        assert refused.value.where == str(story / "pic.png")


WITHHELD = "This article cannot be shown for legal reasons\n"
NOT_FOUND = "Couldn't find NewsArticle with 'id'=4071"
WITHHELD_LEFT_OUT = ("News Sniffer's reply that the article cannot be shown for legal reasons, "
                     "not a version of it")
NOT_FOUND_LEFT_OUT = ("News Sniffer's reply that the article or version asked for was not found "
                      "(404), not a version of it")


def test_a_news_sniffer_reply_in_a_folder_of_versions_is_left_out_with_a_warning(
        tmp_path: Path) -> None:
    """A folder's file that is all News Sniffer's plain-text reply in place of a page was read as
    a version of one paragraph, without a word, where the same file given alone is refused."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("One. Two.\n")
    (tmp_path / "2.txt").write_text(WITHHELD)
    (tmp_path / "3.txt").write_text("One. Two. Three.\n")
    notes: list[str] = []
    (article,) = load([str(tmp_path)], notes=notes)
    assert [version.number for version in article.versions] == [0, 1, 3]
    assert article.warnings == (f"{tmp_path}: left out 2.txt: {WITHHELD_LEFT_OUT}",)
    assert notes == []
    (tmp_path / "4.txt").write_text(WITHHELD)
    (tmp_path / "5.txt").write_text(NOT_FOUND)
    (article,) = load([str(tmp_path)])
    assert article.warnings == (
        f"{tmp_path}: left out 2.txt, 4.txt: each {WITHHELD_LEFT_OUT}",
        f"{tmp_path}: left out 5.txt: {NOT_FOUND_LEFT_OUT}")
    for version in ("0.txt", "1.txt", "3.txt"):  # nothing else left: refused, as one alone is
        (tmp_path / version).unlink()
    with pytest.raises(UnknownFormat, match=r"this is News Sniffer's reply that the article "
                                            r"cannot be shown for legal reasons, not a version "
                                            r"of it, and 2 more files of the folder are refused "
                                            r"too \(4.txt, 5.txt\)") as refused:
        load([str(tmp_path)])
    assert refused.value.where == str(tmp_path / "2.txt")


def test_a_news_sniffer_reply_among_files_given_together_is_left_out_as_in_a_folder(
        tmp_path: Path) -> None:
    """`revdiff parse story/*` read News Sniffer's plain-text reply among the files as a version,
    as `revdiff parse story/` did; alone, or beside nothing but such replies, it is refused."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text(WITHHELD)
    (tmp_path / "2.txt").write_text("One. Two.\n")
    given = sorted(str(file) for file in tmp_path.iterdir())  # as a shell's * gives them
    (article,) = load(given)
    (in_folder,) = load([str(tmp_path)])
    assert article.versions == in_folder.versions
    assert [version.number for version in article.versions] == [0, 2]
    assert article.warnings == (f"left out {tmp_path / '1.txt'}: {WITHHELD_LEFT_OUT}",)
    (tmp_path / "3.txt").write_text(NOT_FOUND)
    for inputs in (["1.txt"], ["1.txt", "3.txt"]):
        with pytest.raises(UnknownFormat, match="this is News Sniffer's reply that the article "
                                                "cannot be shown") as refused:
            load([str(tmp_path / name) for name in inputs])
        assert refused.value.where == str(tmp_path / "1.txt")


def test_a_news_sniffer_reply_beside_its_diff_pages_is_left_out_with_a_note(
        tmp_path: Path) -> None:
    """A diff page that News Sniffer answered with its 404 line, saved beside the other diff
    pages, refused the folder as text that is no page, and the pages given together as plain
    version files and tracker pages given together."""
    pages = sorted((SAMPLES / "sniffer-diff").glob("*.html"))
    for page in pages:
        shutil.copy(page, tmp_path / page.name)
    gone = tmp_path / "iran-strikes-v9-v10.html"
    gone.write_text(NOT_FOUND)
    notes: list[str] = []
    (article,) = load([str(tmp_path)], notes=notes)
    assert article.versions == load([str(page) for page in pages])[0].versions
    assert notes == [f"{tmp_path}: left out {gone.name}: {NOT_FOUND_LEFT_OUT}"]
    (given,) = load(sorted(str(file) for file in tmp_path.iterdir()))
    assert given.versions == article.versions
    assert given.warnings[0] == f"left out {gone}: {NOT_FOUND_LEFT_OUT}"


def test_binary_sqlite_journals_without_their_database_are_warned_of_as_journals(
        tmp_path: Path) -> None:
    """Binary `x.db-wal` and `x.db-shm` with no `x.db` beside the versions were left out as
    `2 binary files`, not saying that they belong to a database, which may lack what a -wal
    holds."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("One. Two.\n")
    (tmp_path / "pic.png").write_bytes(PICTURE)
    for name in ("x.db-wal", "x.db-shm"):
        (tmp_path / name).write_bytes(bytes(64))
    journals = ("left out x.db-shm, x.db-wal: the journal files SQLite keeps beside a database, "
                "but no x.db is in the folder; a -wal file may hold data the database has not "
                "taken in, so keep them beside x.db")
    (article,) = load([str(tmp_path)])
    assert [version.number for version in article.versions] == [0, 1]
    assert article.warnings == (
        f"{tmp_path}: left out 1 binary file (pic.png): binary data is no version",
        f"{tmp_path}: {journals}")
    (by_name,) = load(sorted(str(file) for file in tmp_path.iterdir()))
    assert by_name.warnings == (
        f"left out 1 binary file ({tmp_path / 'pic.png'}): binary data is no version",
        journals.replace("x.db-shm, x.db-wal",
                         f"{tmp_path / 'x.db-shm'}, {tmp_path / 'x.db-wal'}"))


def test_a_picture_over_the_size_limit_is_left_out_as_a_small_one_is(tmp_path: Path) -> None:
    """The size limit was checked first, so a picture over `--max-size` beside the versions
    refused the folder (`pic.png: input is 2K, more than the size limit`); a git repository
    tells binary data by a NUL byte among the first bytes, and leaves it out at any size."""
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("One. Two.\n")
    (tmp_path / "pic.png").write_bytes(PICTURE + bytes(2048))
    (article,) = load([str(tmp_path)], max_bytes=1024)
    assert [version.number for version in article.versions] == [0, 1]
    assert article.warnings == (
        f"{tmp_path}: left out 1 binary file (pic.png): binary data is no version",)


def test_binary_data_without_a_nul_over_the_size_limit_is_left_out_as_binary(
        tmp_path: Path) -> None:
    """Binary data without a NUL byte near its start (random bytes, a compressed stream) is
    binary data to `decode_bytes`; over `--max-size` it was called too large, stopping the
    folder, where it is left out as binary data of any size is."""
    generator = random.Random(7)
    (tmp_path / "0.txt").write_text("One.\n")
    (tmp_path / "1.txt").write_text("One. Two.\n")
    (tmp_path / "noise.bin").write_bytes(bytes(generator.randrange(1, 256) for _ in range(4096)))
    (article,) = load([str(tmp_path)], max_bytes=1024)
    assert [version.number for version in article.versions] == [0, 1]
    assert article.warnings == (
        f"{tmp_path}: left out 1 binary file (noise.bin): binary data is no version",)


def test_a_legacy_text_over_the_size_limit_is_still_too_large(tmp_path: Path) -> None:
    """A Windows-1252 text with control characters (a tab, a form feed) is no binary data."""
    (tmp_path / "0.txt").write_bytes("Caf\u00e9 \u201cna\u00efve\u201d.\t\x0c\n".encode("cp1252") * 200)
    (tmp_path / "1.txt").write_text("One. Two.\n")
    with pytest.raises(InputTooLarge, match="more than the size limit"):
        load([str(tmp_path)], max_bytes=1024)


def test_a_folder_of_several_files_over_the_size_limit_names_the_first_and_how_many_more(
        tmp_path: Path) -> None:
    """The first file over the limit stopped the folder, named alone, where the README says that
    a folder names the first of its refused files and how many more there are."""
    (tmp_path / "0.txt").write_text("One.\n")
    for number in (1, 2, 3):
        (tmp_path / f"{number}.txt").write_text("One. Two.\n" * 200)
    with pytest.raises(InputTooLarge) as refused:
        load([str(tmp_path)], max_bytes=1024)
    assert refused.value.where == str(tmp_path / "1.txt")
    assert "and 2 more files of the folder are refused too (2.txt, 3.txt)" in str(refused.value)


def test_a_text_file_over_the_size_limit_beside_a_picture_is_still_refused(
        tmp_path: Path) -> None:
    (tmp_path / "0.txt").write_text("One.\n" * 300)
    (tmp_path / "1.txt").write_text("One. Two.\n")
    (tmp_path / "pic.png").write_bytes(PICTURE)
    with pytest.raises(InputTooLarge, match="more than the size limit"):
        load([str(tmp_path)], max_bytes=1024)


@pytest.mark.parametrize("beside", [None, "0.txt"], ids=["alone", "beside an empty file"])
def test_a_folder_of_pictures_alone_is_still_refused(tmp_path: Path, beside: str | None) -> None:
    """The hint said to move the picture out of the folder `to read the other files`, where no
    other file was there to be read: it is the picture's own, as when it is given alone."""
    (tmp_path / "pic.png").write_bytes(PICTURE)
    (tmp_path / "chart.png").write_bytes(PICTURE)
    if beside:
        (tmp_path / beside).write_text("")
    with pytest.raises(BinaryInput, match="input is binary data") as refused:
        load([str(tmp_path)])
    assert refused.value.hint == ("give a text or HTML file, a NewsEdits, NYTdiff or diffengine "
                                  "SQLite file, a git repository or a folder")


def test_a_folder_of_pictures_alone_is_refused_naming_the_first_by_name(tmp_path: Path) -> None:
    # `pic2.png` was named, first in the order of versions (a numbered name before one without
    # a number), where `pic.png` is the first by name
    (tmp_path / "pic2.png").write_bytes(PICTURE)
    (tmp_path / "pic.png").write_bytes(PICTURE)
    with pytest.raises(BinaryInput) as refused:
        load([str(tmp_path)])
    assert refused.value.where == str(tmp_path / "pic.png")


@pytest.mark.parametrize("name", ["0.txt", "2.txt"], ids=["first", "last"])
def test_an_empty_gzip_file_among_version_files_is_refused_wherever_it_stands(
        tmp_path: Path, name: str) -> None:
    """A gzip file that holds nothing, first in a folder of plain versions, was left out as an
    empty file (the saved-pages reading, which decompresses, met it first), where after a plain
    file, or given alone, it is refused: a folder of versions decompresses no file."""
    for plain_name in {"0.txt", "1.txt", "2.txt"} - {name}:
        (tmp_path / plain_name).write_text(f"Version {plain_name}.\n")
    (tmp_path / name).write_bytes(gzip.compress(b""))
    with pytest.raises(BinaryInput, match="input is gzip-compressed, not text"):
        load([str(tmp_path)])


def _gzip_with_its_name(text: bytes) -> bytes:
    """`text` compressed as `gzip -9 a-rather-long-name.txt` does: the file's name and time in
    its header, and the flag of the slowest compression, none of them a NUL byte."""
    held = io.BytesIO()
    with gzip.GzipFile("a-rather-long-name.txt", "wb", 9, held, mtime=0x6543_2101) as file:
        file.write(text)
    return held.getvalue()


@pytest.mark.parametrize("kept", [2, 3, 8, 9, 20, None])  # None: the whole file
def test_a_gzip_file_cut_inside_its_header_is_refused_as_a_longer_one_is(tmp_path: Path,
                                                                         kept: int | None) -> None:
    """A gzip file cut to 9 bytes or fewer (`head -c 8`), or inside the file name its header
    holds, has no NUL byte, by which a compressed file was told from text: it was read as
    Windows-1252 text with a warning, where the whole file, or a longer cut, is refused."""
    compressed = _gzip_with_its_name(b"One. Two three.\nFour five six.\n" * 20)
    assert b"\0" not in compressed[:30]  # (the name ends at byte 32)
    cut = tmp_path / "story.txt.gz"
    cut.write_bytes(compressed[:kept])
    with pytest.raises(BinaryInput, match="input is gzip-compressed, not text") as refused:
        load([str(cut)])
    assert refused.value.where == str(cut)
    assert refused.value.hint == "decompress it first, e.g. with gunzip"


def test_an_empty_pipe_is_named_by_its_path_in_the_error_line(tmp_path: Path) -> None:
    # the README said pipes are named `-`, which is their article's name; an error line names
    # the pipe as the shell passed it, which tells the empty one of two pipes apart (as
    # docs/COMMANDS.md, where the README's rules of the commands moved, says)
    from click.testing import CliRunner
    from shell_pipes import shell_pipes

    from revdiff.cli import main

    with shell_pipes("One.\nTwo.\n", "") as pipes:
        result = CliRunner().invoke(main, ["diff", *pipes])
    assert result.exit_code == 2
    assert result.stderr == (f"revdiff: error: {pipes[1]}: input is empty (give a file that holds "
                             "an article)\n")
    reference = Path(__file__).parents[2] / "docs" / "COMMANDS.md"
    said = " ".join(reference.read_text("utf-8").split())
    assert ("An article read from standard input or pipes alone is named `-`, while an error or "
            "warning names a pipe by the path the shell passed") in said


def test_a_link_in_a_folder_to_a_version_there_is_named_with_it(tmp_path: Path) -> None:
    # `3.txt -> 2.txt` in a folder was warned of as `2.txt: given 2 times`: the folder was given
    # once, and the warning named neither the link nor that it leads to the other file
    (tmp_path / "1.txt").write_text("One.\n")
    (tmp_path / "2.txt").write_text("One. Two.\n")
    (tmp_path / "3.txt").symlink_to("2.txt")
    (article,) = load([str(tmp_path)])
    assert len(article.versions) == 3
    assert article.warnings == (
        (f"{tmp_path / '2.txt'}: read 2 times, as {tmp_path / '2.txt'}, {tmp_path / '3.txt'} "
         "(names of one file: a symbolic link to it or another path); each is read as a version"),)


def test_names_without_a_number_are_read_in_natural_order_whatever_their_case(
        tmp_path: Path) -> None:
    # `B.txt` was read before `a.txt`, in the order of their characters, as no file browser
    # lists them and as revdiff lists no other names (`a` before `B`)
    for name, text in (("a.txt", "One.\n"), ("B.txt", "One. Two.\n"), ("c.txt", "One. Three.\n")):
        (tmp_path / name).write_text(text)
    (article,) = load([str(tmp_path)])
    assert [version.paragraphs for version in article.versions] == [
        ("One.",), ("One. Two.",), ("One. Three.",)]
    assert "(a.txt, B.txt, c.txt)" in article.warnings[0]


def test_a_link_without_a_number_to_a_version_there_is_left_out(tmp_path: Path) -> None:
    # `latest.txt -> 3.txt` beside numbered versions made the whole folder refused as
    # `latest.txt holds no number`, though it names a version already there
    for number in (1, 2, 3):
        (tmp_path / f"{number}.txt").write_text("One." + " Two." * number + "\n")
    (tmp_path / "latest.txt").symlink_to("3.txt")
    notes: list[str] = []
    (article,) = load([str(tmp_path)], notes=notes)
    assert [version.number for version in article.versions] == [1, 2, 3]
    assert notes == [(f"{tmp_path}: left out latest.txt, a symbolic link to 3.txt: that "
                      "version is read once, as 3.txt")]


def test_a_folder_of_downloads_of_one_name_says_so_and_their_order(tmp_path: Path) -> None:
    # `story.txt`, `story (1).txt`, `story (2).txt`, a browser's downloads of one name, were
    # refused as `story.txt holds no number`, without saying what the names look like
    for name, text in (("story.txt", "One.\n"), ("story (1).txt", "One. Two.\n"),
                       ("story (2).txt", "One. Three.\n")):
        (tmp_path / name).write_text(text)
    with pytest.raises(InconsistentPages) as refused:
        load([str(tmp_path)])
    assert refused.value.message == (
        "the file names number the versions, but story.txt holds no number; story (1).txt, "
        "story (2).txt are named as a browser or a file browser names copies of story.txt: "
        "downloaded in turn, the versions would be story.txt, story (1).txt, story (2).txt")
    assert refused.value.hint == ("if so, rename them 0.txt, 1.txt, 2.txt in that order; else "
                                  "put each version's number in its name")


def test_names_without_a_number_sorted_as_text_are_read_as_their_folder_is(
        tmp_path: Path) -> None:
    # a shell in the C locale gives `Y/*` as `B.txt a.txt c.txt`: they were read in that order,
    # without a warning, where the folder itself reads `a.txt` first
    for name, text in (("a.txt", "One.\n"), ("B.txt", "One. Two.\n"), ("c.txt", "One. Three.\n")):
        (tmp_path / name).write_text(text)
    given = sorted(str(file) for file in tmp_path.iterdir())  # as a C locale's * gives them
    assert [Path(name).name for name in given] == ["B.txt", "a.txt", "c.txt"]
    (article,) = load(given)
    assert [version.paragraphs for version in article.versions] == [
        ("One.",), ("One. Two.",), ("One. Three.",)]
    assert article.warnings[0] == (
        "3 version files are read in the order of their names without case first, as a "
        "folder's are (a.txt before B.txt), not in the order given, their names sorted as text, "
        "as a shell's * gives them; to read them in another order, name them one by one in that "
        "order")


def test_files_of_several_folders_name_the_link_that_leads_to_another(tmp_path: Path) -> None:
    # `revdiff parse V/*` read V/3.txt, a link out of V, and said only `3 files of plain text
    # from 2 folders`, naming neither the link nor where it leads
    folder, out = tmp_path / "V", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    (folder / "1.txt").write_text("One.\n")
    (folder / "2.txt").write_text("One. Two.\n")
    (out / "x.txt").write_text("One. Three.\n")
    (folder / "3.txt").symlink_to(out / "x.txt")
    notes: list[str] = []
    load(sorted(str(file) for file in folder.iterdir()), notes=notes)
    assert notes == [
        (f"3 files of plain text from 2 folders are read together, as the versions of one "
         f"article ({folder / '3.txt'} is a symbolic link to {(out / 'x.txt').resolve()}); to "
         "read each folder as an article, name the folders")]


def test_names_that_all_carry_a_time_zone_are_ordered_by_their_instant(tmp_path: Path) -> None:
    """`2024-02-01T10:30:00+05:00.txt`, 05:30 in UTC, was ordered after `2024-02-01T10-30Z.txt` by
    the numbers as written, and warned of as dated before it."""
    for name in ("2024-02-01T10-30Z.txt", "2024-02-01T10:30:00+05:00.txt", "2024-02-01T06-00Z.txt"):
        (tmp_path / name).write_text(f"{name}\n")
    (article,) = load([str(tmp_path)])
    assert [v.time for v in article.versions] == [
        datetime(2024, 2, 1, 5, 30, tzinfo=UTC), datetime(2024, 2, 1, 6, tzinfo=UTC),
        datetime(2024, 2, 1, 10, 30, tzinfo=UTC)]
    assert [v.number for v in article.versions] == [0, 1, 2]
    assert not [warning for warning in article.warnings if "dated before" in warning]


@pytest.mark.parametrize("names", [
    # one name without a zone: the numbers as written order them all
    ("2024-02-01T10-30Z.txt", "2024-02-01T10:30:00+05:00.txt", "2024-02-01T11-00.txt"),
    # version numbers order them, whatever the times
    ("v1-2024-02-01T10-30Z.txt", "v2-2024-02-01T10:30:00+05:00.txt"),
])
def test_names_not_all_zoned_or_numbered_keep_the_order_their_numbers_give(
        tmp_path: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (tmp_path / name).write_text(f"{name}\n")
    (article,) = load([str(tmp_path)])
    assert [v.paragraphs for v in article.versions] == [(name,) for name in names]
    assert [warning for warning in article.warnings if "dated before" in warning]


def test_one_names_downloads_given_as_a_shell_s_star_gives_them_are_refused_so(
        tmp_path: Path) -> None:
    # `revdiff parse D/*` on `story.txt`, `story (1).txt`, `story (2).txt` read them in the
    # shell's order, the original last, without a word, where the folder is refused as downloads
    for name, text in (("story.txt", "One.\n"), ("story (1).txt", "One. Two.\n"),
                       ("story (2).txt", "One. Three.\n")):
        (tmp_path / name).write_text(text)
    given = sorted(str(file) for file in tmp_path.iterdir())  # as a shell's * gives them
    assert [Path(name).name for name in given] == ["story (1).txt", "story (2).txt", "story.txt"]
    with pytest.raises(InconsistentPages) as refused:
        load(given)
    assert refused.value.where == str(tmp_path)
    assert refused.value.message == (
        "the file names number the versions, but story.txt holds no number; story (1).txt, "
        "story (2).txt are named as a browser or a file browser names copies of story.txt: "
        "downloaded in turn, the versions would be story.txt, story (1).txt, story (2).txt")
    assert refused.value.hint == ("if so, give them one by one in that order, or rename them "
                                  "0.txt, 1.txt, 2.txt; else put each version's number in its "
                                  "name")
    in_that_order = load([str(tmp_path / name)
                          for name in ("story.txt", "story (1).txt", "story (2).txt")])
    assert [version.paragraphs for version in in_that_order[0].versions] == [
        ("One.",), ("One. Two.",), ("One. Three.",)]


# Versions of one article in one legacy encoding, of which the first alone reads as well in
# another: Polish `podpisał ustawę` in Windows-1250 is `podpisa³ ustawê` in Windows-1252, a
# superscript after a word and a French letter; Hungarian `Győrben` in ISO-8859-2 `Gyõrben`
# (whose letters Windows-1250 writes with the same bytes: it is read so, taken first).
_ONE_ENCODING_ARTICLES = [
    ("cp1250", "cp1250", ["Prezydent podpisał ustawę.",
                          "Prezydent podpisał w piątek ustawę o szkolnictwie."]),
    ("iso8859_2", "cp1250", ["Leégett egy raktár Győrben.",
                   "Leégett egy raktár Győrben, senki sem sérült meg.",
                   "Hétfő éjjel leégett egy raktár Győrben, senki sem sérült meg."]),
]


@pytest.mark.parametrize(("encoding", "read_as", "versions"), _ONE_ENCODING_ARTICLES)
@pytest.mark.parametrize("given", ["folder", "files"])
def test_an_articles_files_are_read_in_the_encoding_guessed_over_them_all(
        tmp_path: Path, encoding: str, read_as: str, versions: list[str], given: str) -> None:
    """Each file's encoding was guessed alone, from a sentence: the first version of a Polish
    article in Windows-1250 was read as Windows-1252 (`podpisa³ ustawê`) beside the others read
    right. One guess over the files together is taken for each, and warned once."""
    for number, text in enumerate(versions):
        (tmp_path / f"{number}.txt").write_bytes(f"{text}\n".encode(encoding))
    inputs = [str(tmp_path)] if given == "folder" else [
        str(tmp_path / f"{number}.txt") for number in range(len(versions))]
    (article,) = load(inputs)
    assert [version.text.strip() for version in article.versions] == versions
    guessed = [warning for warning in article.warnings if "not valid UTF-8" in warning]
    assert len(guessed) == 1
    assert f"read them as {read_as}" in guessed[0]


def test_a_file_the_shared_encoding_misreads_keeps_its_own_guess(tmp_path: Path) -> None:
    """A file the guess over the article's files misreads (letters no one language writes
    together: `Noël ŕ Paris aprčs`) is read in its own guess, warned on its own."""
    (tmp_path / "0.txt").write_bytes("Rząd przyjął budżet w środę.\n".encode("cp1250"))
    (tmp_path / "1.txt").write_bytes("Rząd przyjął budżet w środę, mówią posłowie.\n"
                                     .encode("cp1250"))
    (tmp_path / "2.txt").write_bytes("Noël à Paris après.\n".encode("cp1252"))
    (article,) = load([str(tmp_path)])
    assert [version.text for version in article.versions] == [
        "Rząd przyjął budżet w środę.", "Rząd przyjął budżet w środę, mówią posłowie.",
        "Noël à Paris après."]
    guessed = [warning for warning in article.warnings if "not valid UTF-8" in warning]
    assert len(guessed) == 2
    assert "read them as cp1250" in guessed[0] and "2.txt" in guessed[1]


def test_the_shared_encoding_is_the_one_whose_readings_hold_fewer_control_characters(
        tmp_path: Path) -> None:
    """Three English files in Windows-1252 with curly quotes beside two Polish ones in
    ISO-8859-2: ISO-8859-2 reads the quotes as C1 control characters (`\x93Yes.\x94`), which no
    word rule sees, so it was guessed over the article, the English files kept their own
    guesses, and each was warned of alone (four warnings). Windows-1252 is taken, warned once
    for its three files; the Polish ones, which it misreads, keep theirs."""
    texts = [("The mayor said: “Yes.” – and then he left the hall.", "cp1252"),
             ("Prezydent Gdańska przyjął ustawę. Sąd oddalił skargę.", "iso8859_2"),
             ("Prezydent Gdańska przyjął ustawę. Sąd oddalił skargę wczoraj.", "iso8859_2"),
             ("The mayor said: “No.” – and then he came back to the hall.", "cp1252"),
             ("The mayor said: “Maybe.” – and then he sat down.", "cp1252")]
    for number, (text, encoding) in enumerate(texts):
        (tmp_path / f"{number}.txt").write_bytes(f"{text}\n".encode(encoding))
    (article,) = load([str(tmp_path)])
    assert [version.text for version in article.versions] == [text for text, _ in texts]
    guessed = [warning for warning in article.warnings if "not valid UTF-8" in warning]
    assert len(guessed) == 3
    assert "(0.txt, 3.txt, 4.txt)" in guessed[0] and "read them as cp1252" in guessed[0]
