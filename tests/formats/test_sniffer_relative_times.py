"""A News Sniffer time told from another version (`(about 1 hour later)`, `(... earlier)`):
it counts from the other version of the page that tells it, and is shown only beside that one."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from revdiff.export.article_json import article_summary
from revdiff.formats import load
from revdiff.formats.fields import time_text_after
from revdiff.formats.sniffer_html import read_diff_page
from revdiff.model import Article, Version
from revdiff.render.sniffer import PageInfo, render_diff_html, render_diff_text

V0, V1, V2, V3 = (Version(n, "Head", ("Kept.", "Added.", "More.", "Last.")[:n + 1])
                  for n in range(4))


def _page(old: Version, new: Version, time_text: str, tmp_path: Path) -> str:
    page = tmp_path / f"v{old.number}-v{new.number}.txt"
    page.write_text(render_diff_text(old, new, PageInfo(time_text=time_text)), "utf-8")
    return str(page)


def _summary_times(paths: list[str]) -> list[str]:
    (article,) = load(paths)
    return [re.split("words? ", line, maxsplit=1)[1].strip()
            for line in article_summary(article).splitlines() if line.startswith("  version")]


def test_an_earlier_time_of_a_previous_version_page_counts_from_its_left_version() -> None:
    """A page reached by "Previous version" shows v2 on the left and v1's time told from it
    (`about 1 hour earlier`): it was shown beside v1 after v0, as if v1 came before v0."""
    page = render_diff_html(V2, V1, PageInfo(time_text="about 1 hour earlier"))
    v1, v2 = read_diff_page(page, "p.html").versions
    assert time_text_after(v1, V0) is None
    assert time_text_after(v1, v2) == "about 1 hour earlier"


def test_a_time_on_a_page_of_versions_apart_counts_from_its_old_version() -> None:
    """A page comparing v0 with v2 tells v2's time from v0: it was left out beside v0 and shown
    after v1, as if counted from v1."""
    page = render_diff_html(V0, V2, PageInfo(time_text="about 3 hours later"))
    v0, v2 = read_diff_page(page, "p.html").versions
    assert time_text_after(v2, v0) == "about 3 hours later"
    assert time_text_after(v2, V1) is None


def test_flattened_pages_say_which_version_a_time_counts_from(tmp_path: Path) -> None:
    """`parse --format text` listed v1's time told from v2 on a "Previous version" page under v0,
    v2's told from v0 under v1, and left out v2's told from v0 under v0."""
    earlier = _page(V2, V1, "about 1 hour earlier", tmp_path)
    first = _page(V0, V1, "about 2 hours later", tmp_path)
    apart = _page(V0, V2, "about 3 hours later", tmp_path)
    # beside the page v0 -> v1, v1's time told from v0 is kept, in either order: it was the time
    # told from v2 of the page given last, so that `v0 -> v1` had no time
    assert _summary_times([earlier, first]) == ["Head", "about 2 hours later  Head", "Head"]
    assert _summary_times([first, earlier]) == ["Head", "about 2 hours later  Head", "Head"]
    assert _summary_times([apart, first]) == ["Head", "about 2 hours later  Head", "Head"]
    assert _summary_times([apart]) == ["Head", "about 3 hours later  Head"]


def test_pages_read_together_keep_the_version_a_time_counts_from(tmp_path: Path) -> None:
    """v2 is given without a time by the page v2 -> v3 and with one told from v0 by the page
    v0 -> v2, read together: its time was kept but not where it counts from."""
    pages = []
    for old, new in ((V2, V3), (V0, V2)):
        page = tmp_path / f"v{old.number}-v{new.number}.html"
        page.write_text(render_diff_html(old, new, PageInfo(time_text="about 3 hours later")), "utf-8")
        pages.append(str(page))
    (article,) = load(pages)
    v0, v2, _ = article.versions
    assert time_text_after(v2, v0) == "about 3 hours later"


def test_an_earlier_time_naming_no_version_counts_from_the_version_after_it() -> None:
    """A time `... earlier` that names no version it counts from (a tracker's row without
    `time_from`) was shown beside the version before it, as if v1 came an hour before v0: it
    counts from a later version, the one after it."""
    v1 = Version(1, "Head", ("Kept.", "Added."), time_text="about 1 hour earlier")
    assert time_text_after(v1, V0) is None
    assert time_text_after(v1, V2) == "about 1 hour earlier"


_COPIED_PAGE = ("This article is from the source 'bbc' and was first published or seen on .\n"
                "Version 2\tVersion 1\nHead\tHead\n\t(about 1 hour {word})\nKept.\tKept.\n"
                "Added.\t\n")


def test_a_text_page_whose_time_row_contradicts_its_version_numbers_is_warned(tmp_path: Path) -> None:
    """"Version 2 Version 1" then "(about 1 hour later)" on a flattened or copied page was read
    without a word, version 1's time told as an hour after version 2, where the same page as
    HTML warns that the time row contradicts the numbers."""
    flattened = _page(V2, V1, "about 1 hour later", tmp_path)
    copied = tmp_path / "copied.txt"
    copied.write_text(_COPIED_PAGE.format(word="later"), "utf-8")
    for page, line in ((flattened, 9), (str(copied), 4)):
        (article,) = load([page])
        assert _time_row_warnings(article) == [
            (f"{page}:{line}: the time row calls version 1 'about 1 hour later' than version 2, "
             "which its number puts before; kept in version order")], page
    agreeing = tmp_path / "agreeing.txt"
    agreeing.write_text(_COPIED_PAGE.format(word="earlier"), "utf-8")
    for page in (_page(V2, V1, "about 1 hour earlier", tmp_path), str(agreeing)):
        assert _time_row_warnings(load([page])[0]) == [], page


def _time_row_warnings(article: Article) -> list[str]:
    return [warning for warning in article.warnings if "the time row" in warning]


def test_a_copied_page_whose_time_row_contradicts_its_time_cells_is_warned(tmp_path: Path) -> None:
    """A copied page's time cells put version 2 before version 1 while its time row calls it
    "(about 1 hour later)": read without a word, where the HTML page warns."""
    copied = tmp_path / "copied.txt"
    copied.write_text(_COPIED_PAGE.format(word="later").replace(
        "Version 2\tVersion 1", "Version 1\tVersion 2").replace(
        "\t(about", "2020-01-07 23:10:00 UTC\t2020-01-07 22:10:00 UTC (about"), "utf-8")
    (article,) = load([str(copied)])
    assert _time_row_warnings(article) == [
        (f"{copied}:4: the time row calls version 2 'about 1 hour later' than version 1, but its "
         "time cell is before that version's: the page contradicts itself; its time cell values "
         "are kept")]


@pytest.mark.parametrize("zone", ["UTC", "+0100", "-0500"])
def test_a_flattened_time_row_keeps_its_shown_times_in_any_zone_rails_writes(
        tmp_path: Path, zone: str) -> None:
    """Rails shows a time outside UTC with its offset (`2020-01-02 18:20:00 +0100`): a
    flattened time row that kept such times was read as a body row, its times taken for
    paragraphs of both versions, and warned of as missing."""
    plain = _page(V1, V2, "about 1 hour later", tmp_path)
    text = Path(plain).read_text("utf-8")
    shown = tmp_path / "shown.txt"
    shown.write_text(text.replace("(about 1 hour later)", f"2020-01-02 17:12:09 {zone} "
                                  f"2020-01-02 18:20:00 {zone} (about 1 hour later)"), "utf-8")
    (read,), (expected,) = load([str(shown)]), load([plain])
    assert read.versions == expected.versions
    assert read.warnings == tuple(warning.replace(plain, str(shown))
                                  for warning in expected.warnings)


def test_a_copied_time_cell_outside_utc_gives_its_time(tmp_path: Path) -> None:
    """A copied page's time cell in a zone other than UTC (`2020-01-07 23:10:00 +0100`, as
    Rails shows it) was left out without a word."""
    copied = tmp_path / "copied.txt"
    copied.write_text(_COPIED_PAGE.format(word="later").replace(
        "Version 2\tVersion 1", "Version 1\tVersion 2").replace(
        "\t(about", "2020-01-07 23:10:00 +0100\t2020-01-08 00:10:00 +0100 (about"), "utf-8")
    (article,) = load([str(copied)])
    zone = timezone(timedelta(hours=1))
    assert [version.time for version in article.versions] == [
        datetime(2020, 1, 7, 23, 10, tzinfo=zone), datetime(2020, 1, 8, 0, 10, tzinfo=zone)]
    assert article.warnings == ()


def test_a_copied_time_cell_whose_offset_leaves_the_years_1_to_9999_is_left_out_warned(
        tmp_path: Path) -> None:
    copied = tmp_path / "copied.txt"
    copied.write_text(_COPIED_PAGE.format(word="later").replace(
        "Version 2\tVersion 1", "Version 1\tVersion 2").replace(
        "\t(about", "0001-01-01 00:10:00 +0100\t2020-01-08 00:10:00 +0100 (about"), "utf-8")
    (article,) = load([str(copied)])
    assert [version.time for version in article.versions] == [
        None, datetime(2020, 1, 8, 0, 10, tzinfo=timezone(timedelta(hours=1)))]
    assert article.warnings == ((f"{copied}:4: the old version's time '0001-01-01 00:10:00 +0100' "
                                 "is not a time: its offset puts it outside the years 1 to 9999 "
                                 "in UTC; left out"),)


def test_html_pages_keep_the_time_told_from_the_version_before_in_either_order(tmp_path: Path) -> None:
    """Beside the page v0 -> v1, a page of v2 and v1 reached by "Previous version" gave v1 the
    time told from v2 when it was given first, so that `v0 -> v1` had no time."""
    pages = []
    for old, new, time_text in ((V2, V1, "about 1 hour earlier"), (V0, V1, "about 2 hours later")):
        page = tmp_path / f"v{old.number}-v{new.number}.html"
        page.write_text(render_diff_html(old, new, PageInfo(time_text=time_text)), "utf-8")
        pages.append(str(page))
    for given in (pages, pages[::-1]):
        (article,) = load(given)
        v0, v1, _ = article.versions
        assert time_text_after(v1, v0) == "about 2 hours later"
