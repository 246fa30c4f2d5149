"""A News Sniffer time told from another version (`(about 1 hour later)`, `(... earlier)`):
it counts from the other version of the page that tells it, and is shown only beside that one."""

from __future__ import annotations

import re
from pathlib import Path

from revdiff.export.article_json import article_summary
from revdiff.formats import load
from revdiff.formats.fields import time_text_after
from revdiff.formats.sniffer_html import read_diff_page
from revdiff.model import Version
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
    assert _summary_times([earlier, first]) == ["Head", "Head", "Head"]
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
