"""Folders of saved publisher pages: extraction, order by time, grouping by URL, bad folders."""

from __future__ import annotations

import gzip
import json
import os
import re
import string
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from html import escape
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from locales import printed_in_german_locale
from nested_pages import nested_in_body
from story_chains import SAMPLES, story_chains

from revdiff.errors import (
    EmptyInput,
    InconsistentPages,
    InputTooLarge,
    MalformedPage,
    MissingExtra,
    UnknownFormat,
)
from revdiff.formats import load
from revdiff.formats.open_elements import MAX_DEPTH
from revdiff.formats.page_furniture import remove_furniture
from revdiff.formats.snapshot_page import read_page
from revdiff.model import Version
from revdiff.render.snapshot import SITES, render_page

URL = "https://news.example.com/2020/01/03/story"
FIRST = Version(0, "First title", ("One paragraph of the story.", "Another paragraph here."))
SECOND = Version(1, "Second title", ("One paragraph of the story, edited.",
                                     "Another paragraph here.", "A new closing paragraph."))


# Reading saved pages is an optional feature: its tests skip where trafilatura is not installed.
needs_trafilatura = pytest.mark.usefixtures("trafilatura")


def _write(folder: Path, name: str, html: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(html, "utf-8")


@needs_trafilatura
def test_sample_folders_give_back_the_chains() -> None:
    chains = {c.url: c for c in story_chains()}
    for folder in sorted((SAMPLES / "snapshots").iterdir()):
        article, = load([str(folder)])
        chain = chains[article.url]
        assert [(v.title, v.paragraphs, v.time) for v in article.versions] == [
            (v.title, v.paragraphs, v.time) for v in chain.versions]


@needs_trafilatura
def test_pages_are_ordered_by_the_time_in_their_names(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _write(folder, "a-2020-01-03T12-00.html", render_page(URL, SECOND, SITES[0]))
    _write(folder, "b-2020-01-03T10-00.html", render_page(URL, FIRST, SITES[1]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert article.versions[0].time == datetime(2020, 1, 3, 10, 0)
    assert any("no time zone" in w for w in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize(("name", "time"), [
    ("2020-01-03T10:00:00+05:00.html", datetime(2020, 1, 3, 5, 0, tzinfo=UTC)),
    ("2020-01-03T10:00:00.123456+05:00.html", datetime(2020, 1, 3, 5, 0, tzinfo=UTC)),
    ("2020-01-03T08-00-00Z.html", datetime(2020, 1, 3, 8, 0, tzinfo=UTC)),
    ("20200103T030000-0300.html", datetime(2020, 1, 3, 6, 0, tzinfo=UTC)),
])
def test_a_zone_after_the_time_in_a_name_is_read(tmp_path: Path, name: str,
                                                 time: datetime) -> None:
    """A scrape that names its saves by `datetime.now(UTC).isoformat()` writes the zone: it was
    dropped, the time read as a time without one and said to carry none, so that a save at 05:00
    UTC named 10:00+05:00 came after a memento of 07:00 UTC."""
    folder = tmp_path / "pages"
    _write(folder, name, render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103070000.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert next(v.time for v in article.versions if v.title == "First title") == time
    order = ["First title", "Second title"]
    assert [v.title for v in article.versions] == (order if time.hour < 7 else order[::-1])
    assert not any("no time zone" in w for w in article.warnings)


@needs_trafilatura
def test_a_large_blank_file_among_pages_is_left_out_as_a_small_one_is(tmp_path: Path) -> None:
    """A blank save over 4 KB was not seen to be empty: the folder was refused (`input is
    empty`) where a smaller one is left out, named in a note."""
    folder = tmp_path / "pages"
    _write(folder, "2020-01-03T10-00.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "2020-01-03T11-00.html", " \n" * 3072)  # 6 KB of white space
    _write(folder, "2020-01-03T12-00.html", render_page(URL, SECOND, SITES[0]))
    notes: list[str] = []
    article, = load([str(folder)], notes=notes)
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert notes == [
        f"{folder}: left out 1 empty file (2020-01-03T11-00.html): an empty capture is no version"]


@needs_trafilatura
def test_dates_with_the_year_last_in_names_are_read_as_the_dates_they_are(tmp_path: Path) -> None:
    """`31-03-2024 23-00.html` gave no time and came after `01-04-2024 08-00.html` (by the numbers
    in turn, the day first), though a folder of plain versions so named is read in date order."""
    folder = tmp_path / "pages"
    _write(folder, "31-03-2024 23-00.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "01-04-2024 08-00.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert [(v.title, v.time) for v in article.versions] == [
        ("First title", datetime(2024, 3, 31, 23, 0)), ("Second title", datetime(2024, 4, 1, 8, 0))]


@needs_trafilatura
def test_dates_with_the_year_last_that_read_either_way_are_ordered_by_date_and_said(
        tmp_path: Path) -> None:
    """`01-02-2024.html`, `03-02-2024.html`, `12-11-2023.html`, whose days and months are all 12
    or below, were ordered by their numbers (1, 2, 2024 before 12, 11, 2023): November's save
    came last, read as the newest version."""
    folder = tmp_path / "pages"
    third = Version(2, "Third title", (*SECOND.paragraphs, "One more paragraph at the end."))
    _write(folder, "01-02-2024.html", render_page(URL, SECOND, SITES[0]))
    _write(folder, "03-02-2024.html", render_page(URL, third, SITES[0]))
    _write(folder, "12-11-2023.html", render_page(URL, FIRST, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]
    said = [w for w in article.warnings if "day first or month first" in w]
    assert said == [("the file names hold dates with the year last (01-02-2024.html, "
                     "03-02-2024.html, 12-11-2023.html) that may be read day first or month "
                     "first; read day first (01-02-2024 as 1 February 2024): rename the files "
                     "with the year first, as 2024-02-01.html, if the month comes first")]


@needs_trafilatura
@pytest.mark.parametrize("empty_name", ["05-02-2024.html", "02-13-2024.html"],
                         ids=["named in the warning", "reading the dates month first"])
def test_an_empty_file_has_no_say_in_how_the_dates_in_names_are_read(tmp_path: Path,
                                                                       empty_name: str) -> None:
    """An empty file, left out of a folder of pages, was named in the warning that the dates in
    the names read either way, or settled how they read (`02-13-2024.html`: the month first) and
    so kept the warning back, where a folder of plain versions reads the names of the files
    that hold text only."""
    folder = tmp_path / "pages"
    _write(folder, "01-02-2024.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "03-02-2024.html", render_page(URL, SECOND, SITES[0]))
    _write(folder, empty_name, " \n")
    article, = load([str(folder)])
    assert [v.time_text for v in article.versions] == ["2024-02-01", "2024-02-03"]
    said = [w for w in article.warnings if "day first or month first" in w]
    assert said == [("the file names hold dates with the year last (01-02-2024.html, "
                     "03-02-2024.html) that may be read day first or month first; read day first "
                     "(01-02-2024 as 1 February 2024): rename the files with the year first, as "
                     "2024-02-01.html, if the month comes first")]


@needs_trafilatura
def test_dates_with_the_year_last_that_read_one_way_are_not_said(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _write(folder, "12-13-2023.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "02-01-2024.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert not any("day first or month first" in w for w in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize(("names", "said"), [
    (("2020-1-4.html", "2020-01-04.html"),
     "2020-01-04.html and 2020-1-4.html both name the date 2020-01-04"),
    (("20200104T0930.html", "2020-01-04_09-30.html"),
     "2020-01-04_09-30.html and 20200104T0930.html both name the time 2020-01-04 09:30:00"),
])
def test_two_pages_whose_names_give_one_time_are_refused(tmp_path: Path, names: tuple[str, str],
                                                        said: str) -> None:
    """They were ordered by how their names were written, without a word, where a folder of
    plain versions so named is refused."""
    folder = tmp_path / "pages"
    _write(folder, names[0], render_page(URL, SECOND, SITES[0]))
    _write(folder, names[1], render_page(URL, FIRST, SITES[0]))
    with pytest.raises(InconsistentPages, match=rf"{re.escape(said)} \(keep one of them"):
        load([str(folder)])


@needs_trafilatura
def test_pages_without_times_are_ordered_by_the_numbers_in_their_names(tmp_path: Path) -> None:
    """`page10.html` came before `page2.html`, by name, where the warning listed page2 first."""
    folder = tmp_path / "pages"
    _write(folder, "page10.html", render_page(URL, SECOND, SITES[0]))
    _write(folder, "page2.html", render_page(URL, FIRST, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert any("placed by the numbers in their file names" in w for w in article.warnings)


@needs_trafilatura
def test_pages_without_times_or_numbers_are_said_to_be_read_in_name_order(tmp_path: Path) -> None:
    """The warning said such pages were placed by the numbers in their names, which hold none."""
    folder = tmp_path / "pages"
    third = Version(2, "Third title", SECOND.paragraphs + ("A last paragraph.",))
    for name, version in zip(("alpha.html", "mid.html", "zeta.html"), (FIRST, SECOND, third),
                             strict=True):
        _write(folder, name, render_page(URL, version, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]
    note, = (w for w in article.warnings if "give no time" in w)
    assert "no file name holds a number, so they are read in the order of their names;" in note
    assert "numbers in their file names" not in note and "timed ones" not in note


@needs_trafilatura
def test_pages_without_times_or_numbers_are_read_in_name_order_whatever_their_case(
        tmp_path: Path) -> None:
    """`B.html` was read before `a.html`, in the order of their characters, where a folder of
    version files, and a file browser, put `a.txt` before `B.txt`."""
    folder = tmp_path / "pages"
    third = Version(2, "Third title", SECOND.paragraphs + ("A last paragraph.",))
    for name, version in zip(("a.html", "B.html", "c.html"), (FIRST, SECOND, third), strict=True):
        _write(folder, name, render_page(URL, version, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]


@needs_trafilatura
@pytest.mark.parametrize("names", [("page.html", "page(1).html", "page(2).html"),
                                   ("index.html?ver=2", "index.html?ver=10", "index.html?ver=11")])
def test_repeated_saves_are_ordered_as_a_browser_or_wget_numbers_them(tmp_path: Path,
                                                                      names: tuple[str, ...]) -> None:
    # a browser saves the same page as page.html, then page(1).html: page.html, the first save,
    # was read last; wget's index.html?ver=10 came before index.html?ver=2 (the numbers were
    # looked for in the name before its last dot only)
    folder = tmp_path / "pages"
    third = Version(2, "Third title", SECOND.paragraphs + ("A last paragraph.",))
    for name, version in zip(names, (FIRST, SECOND, third), strict=True):
        _write(folder, name, render_page(URL, version, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]
    assert any(f"({', '.join(str(folder / name) for name in names)})" in w
               for w in article.warnings)


@needs_trafilatura
def test_modified_time_is_used_when_the_name_has_none_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    late = Version(1, SECOND.title, SECOND.paragraphs, datetime(2020, 1, 3, 9, tzinfo=UTC))
    early = Version(0, FIRST.title, FIRST.paragraphs, datetime(2020, 1, 3, 8, tzinfo=UTC))
    _write(folder, "a.html", render_page(URL, late, SITES[2]))
    _write(folder, "b.html", render_page(URL, early, SITES[2]))
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [early.time, late.time]
    assert any("article:modified_time" in w for w in article.warnings)


@needs_trafilatura
def test_json_ld_date_modified_is_used_when_the_name_and_metas_have_none(tmp_path: Path) -> None:
    # most sites give the times in schema.org JSON-LD only: such pages, saved as a.html and
    # b.html, were ordered by name, and the diff showed the later text as the earlier
    folder = tmp_path / "pages"
    for name, version, modified in (("a.html", SECOND, "2020-01-03T09:00:00Z"),
                                    ("b.html", FIRST, "2020-01-03T08:00:00Z")):
        linked_data = ('<script type="application/ld+json">{"@context": "https://schema.org", '
                       '"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", '
                       f'"datePublished": "2020-01-03T07:00:00Z", "dateModified": "{modified}"'
                       '}]}</script><script type="application/ld+json">{not json</script>')
        _write(folder, name, render_page(URL, version, SITES[0]).replace(
            "</head>", linked_data + "</head>"))
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [datetime(2020, 1, 3, 8, tzinfo=UTC),
                                                  datetime(2020, 1, 3, 9, tzinfo=UTC)]
    assert any("the pages' own JSON-LD dateModified" in w for w in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("host", ["https://web.archive.org", ""])
def test_wayback_memento_loses_its_toolbar_and_archive_prefix(tmp_path: Path, host: str) -> None:
    # the Wayback Machine writes a page's links absolute or host-relative (`/web/<time>/<url>`)
    folder = tmp_path / "mementos"
    for stamp, version in (("20200103100000", FIRST), ("20200103120000", SECOND)):
        page = render_page(f"{host}/web/{stamp}/{URL}", version, SITES[0])
        toolbar = ("<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id='wm-ipp'><p>The Wayback Machine "
                   "has archived this page 12 times between 2020 and 2021, see all captures."
                   "</p></div><!-- END WAYBACK TOOLBAR INSERT -->")
        _write(folder, f"{stamp}.html", page.replace("<body>", "<body>" + toolbar))
    article, = load([str(folder)])
    assert article.url == URL
    assert [v.paragraphs for v in article.versions] == [FIRST.paragraphs, SECOND.paragraphs]
    assert article.versions[1].time == datetime(2020, 1, 3, 12, tzinfo=UTC)


@needs_trafilatura
def test_repeated_pages_are_folded_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103110000.html", render_page(URL, FIRST, SITES[1]))
    _write(folder, "20200103120000.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert [v.number for v in article.versions] == [0, 1]
    assert any("1 page repeats the text of the page before it and is folded" in w
               and "20200103110000.html" in w for w in article.warnings)


@needs_trafilatura
def test_bad_folder_pages_are_each_said_and_the_rest_read(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103110000.html", render_page(URL, SECOND, SITES[1]))
    _write(folder, "20200103113000.html", render_page(URL + "-other", SECOND, SITES[2]))
    _write(folder, "20200103120000.html", "<!DOCTYPE html><html><head><title>503</title></head>"
                                          "<body><nav><a href='/'>Home</a></nav></body></html>")
    story, other = load([str(folder)])
    assert len(story.versions) == 2 and len(other.versions) == 1
    for article in (story, other):
        assert any("20200103120000.html: no article text found; page left out" in w
                   for w in article.warnings)
        assert any("pages of 2 articles" in w for w in article.warnings)
    assert any("only one version" in w for w in other.warnings)
    assert any("paywall notice" in w for w in story.warnings)  # the tabloid layout has one
    assert any("furniture taken out" in w and "'READ MORE:" in w for w in story.warnings)


ERROR_PAGES = {
    "404 Not Found": "<h1>Page not found</h1><p>Sorry, the page you were looking for could not be "
                     "found. It may have been moved or deleted.</p>",
    "Access Denied": "<h1>Access Denied</h1><p>You don't have permission to access this page on "
                     "this server.</p><p>Reference #18.2f1e3b17.1578445800</p>",
    "Just a moment...": "<h1>Checking if the site connection is secure</h1><p>The site needs to "
                        "review the security of your connection before proceeding.</p>",
}


@needs_trafilatura
@pytest.mark.parametrize("pages", ["error pages", "consent walls"])
def test_error_pages_bot_checks_and_consent_walls_are_left_out_and_said(tmp_path: Path,
                                                                         pages: str) -> None:
    """An hourly scrape that once got a 404, a CDN's refusal and a bot check read them as a second
    article ("Page not found", without a URL) of three versions, each a rewrite of the last; a
    save that got the cookie consent wall a site shows a visitor from the EU in place of the
    article was read so too (a folder of pages without URLs: as a version that rewrote the
    story)."""
    wrong_pages = ERROR_PAGES if pages == "error pages" else CONSENT_WALLS
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    for hour, (title, body) in enumerate(wrong_pages.items(), start=11):
        _write(folder, f"20200103{hour}0000.html",
               f"<!DOCTYPE html><html><head><title>{title}</title></head><body><main>{body}"
               "</main></body></html>")
    _write(folder, "20200103140000.html", render_page(URL, SECOND, SITES[0]))
    [article] = load([str(folder)])
    assert [v.title for v in article.versions] == [FIRST.title, SECOND.title]
    for hour, title in enumerate(wrong_pages, start=11):
        assert (f"{folder / f'20200103{hour}0000.html'}: an error page, a bot check or a "
                f"consent wall ({title!r}), not the article: save the page again; page left out"
                in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("invisible", ["\u00ad", "\u200f", "\u202e", "\x1b", " \u200e "])
def test_a_headline_holding_an_invisible_character_is_the_title_not_a_paragraph(
        tmp_path: Path, invisible: str) -> None:
    """A headline with a soft hyphen (German sites hyphenate theirs so), a right-to-left mark
    (Hebrew, Arabic and Persian ones), a bidi override or a control character was kept as the
    first paragraph: the extraction drops such characters, so the paragraph was not seen to be
    the headline."""
    version = Version(0, f"Bridge{invisible}works halted", FIRST.paragraphs)
    shown = "Bridge works halted" if " " in invisible else "Bridgeworks halted"
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", _page_with_headline_in_article(version))
    [article] = load([str(folder)])
    assert article.versions[0].paragraphs == FIRST.paragraphs
    assert article.versions[0].title == shown


CONSENT_WALLS = {
    "Before you continue to Google": "<h1>Before you continue</h1><p>We use cookies and data to "
                                     "deliver and maintain Google services and to measure "
                                     "audience engagement and site statistics.</p>"
                                     "<button>Accept all</button>",
    "We value your privacy": "<h1>We value your privacy</h1><p>We and our partners store and "
                             "access information on your device, such as cookies, to show "
                             "personalised ads and content.</p><button>I accept</button>",
}


@needs_trafilatura
def test_a_story_headed_like_an_error_page_is_read(tmp_path: Path) -> None:
    story = Version(0, "Access denied: the clinic that turned patients away",
                    tuple(f"Paragraph {n} of a long report on the clinic, its patients and the "
                          "doctors who say they were told to refuse them care." for n in range(8)))
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, story, SITES[0]))
    [article] = load([str(folder)])
    assert article.versions[0].paragraphs == story.paragraphs


@needs_trafilatura
@pytest.mark.parametrize("headline", ["Forbidden City to close amid virus outbreak",
                                      "Security check at airport delays flights",
                                      "Not found: the hikers missing since Sunday"])
def test_a_short_story_whose_headline_starts_as_an_error_page_is_read(
        tmp_path: Path, headline: str) -> None:
    # the first save of a breaking story, under 100 words, was left out as an error page because
    # its headline started with `Forbidden`, `Security check` or `Not found`
    first = Version(0, headline, ("The palace museum said it would close to visitors on Saturday.",
                                  "Officials said more details would follow."))
    second = Version(1, headline, (*first.paragraphs, *(
        f"Update {n}: the museum said tickets bought online would be refunded within ten days."
        for n in range(8))))
    folder = tmp_path / "pages"
    _write(folder, "20200124090000.html", render_page(URL, first, SITES[0]))
    _write(folder, "20200124150000.html", render_page(URL, second, SITES[0]))
    [article] = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [first.paragraphs, second.paragraphs]
    assert not any("error page" in w for w in article.warnings)


def _page_with_headline_in_article(version: Version) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in version.paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{escape(version.title)} | Example News</title>"
            f"<link rel='canonical' href='{URL}'>"
            f"<meta property='og:title' content='{escape(version.title)}'></head><body>"
            f"<nav><a href='/'>Home</a></nav><main><article><h1>{escape(version.title)}</h1>"
            f"{paragraphs}</article></main></body></html>")


@needs_trafilatura
def test_a_headline_inside_the_article_is_its_title_not_a_paragraph(tmp_path: Path) -> None:
    # most sites put the <h1> inside <article>: trafilatura gave it as the first paragraph, so a
    # rewritten headline also showed as a paragraph deleted and one added, counted as text changed
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", _page_with_headline_in_article(FIRST))
    _write(folder, "20200103110000.html", _page_with_headline_in_article(SECOND))
    article, = load([str(folder)])
    assert [(v.title, v.paragraphs) for v in article.versions] == [
        (FIRST.title, FIRST.paragraphs), (SECOND.title, SECOND.paragraphs)]


def _page_around(body: str) -> str:
    """A page of `body` between a site's own banner (a page-level `<header>` and its `<nav>`)
    and its footer."""
    return (f"<!DOCTYPE html><html><head><title>Example News</title>"
            f"<link rel='canonical' href='{URL}'></head><body>"
            "<header><a href='/'>Example News</a><nav><a href='/news'>News</a></nav></header>"
            f"{body}<footer>Copyright Example News</footer></body></html>")


@needs_trafilatura
def test_a_standfirst_in_the_articles_own_header_is_a_paragraph() -> None:
    # every <header> was pruned as the site's banner, so the dek in the story's own <header>
    # (beside its <h1>) was lost, and a rewritten standfirst showed no change at all
    standfirst = "The standfirst tells the gist of the story in one line."
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in FIRST.paragraphs)
    page = read_page("page.html", "page.html", _page_around(
        f"<main><article><header><h1>{FIRST.title}</h1><p>{standfirst}</p></header>"
        f"{paragraphs}</article></main>"))
    assert page.text.paragraphs == (standfirst, *FIRST.paragraphs)
    assert page.title == FIRST.title


@needs_trafilatura
def test_related_stories_each_in_an_article_are_no_part_of_the_story() -> None:
    # with the <h1> in no <article>, the teasers' headings and summaries, each teaser in an
    # <article> of its own, were read as paragraphs of the story
    teasers = "".join(
        f"<article><h2><a href='/news/{n}'>Related story number {n} heading</a></h2>"
        f"<p>A short summary of related story number {n}.</p></article>" for n in range(4))
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in SECOND.paragraphs)
    page = read_page("page.html", "page.html", _page_around(
        f"<main><h1>{SECOND.title}</h1><div class='body'>{paragraphs}</div>"
        f"<section>{teasers}</section></main>"))
    assert page.text.paragraphs == SECOND.paragraphs


@needs_trafilatura
def test_a_story_in_an_article_beside_related_stories_is_read_whole() -> None:
    # the story's own <article>, its <h1> above it, is no teaser: its heading links nowhere
    teasers = "".join(
        f"<li><article><h3><a href='/news/{n}'>Related story number {n} heading</a></h3>"
        f"<p>A short summary of related story number {n}.</p></article></li>" for n in range(3))
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in SECOND.paragraphs)
    page = read_page("page.html", "page.html", _page_around(
        f"<h1>{SECOND.title}</h1><main><article>{paragraphs}</article>"
        f"<ul>{teasers}</ul></main>"))
    assert page.text.paragraphs == SECOND.paragraphs


@needs_trafilatura
def test_a_paragraph_made_a_list_item_keeps_its_text(tmp_path: Path) -> None:
    # trafilatura writes a list item `- ` first: a paragraph a site turned into a bullet
    # showed as a paragraph edited; a paragraph that itself starts with `- ` keeps it
    folder = tmp_path / "pages"
    for name, title, last in (("20200103100000.html", FIRST.title, "<p>{}</p>"),
                              ("20200103110000.html", SECOND.title, "<ul><li>{}</li></ul>")):
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in SECOND.paragraphs[:-1])
        _write(folder, name, _page_around(
            f"<main><article><h1>{title}</h1>{paragraphs}"
            f"{last.format(SECOND.paragraphs[-1])}</article></main>"))
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [SECOND.paragraphs, SECOND.paragraphs]
    dashed = "- A line of the story that starts with a dash as written."
    page = read_page("page.html", "page.html", _page_around(
        f"<main><article><h1>{FIRST.title}</h1><p>{dashed}</p><ul><li>{dashed[2:]}x</li></ul>"
        "</article></main>"))
    assert page.text.paragraphs == (dashed, f"{dashed[2:]}x")


@needs_trafilatura
def test_a_headline_other_than_the_og_title_is_the_title_not_a_paragraph(tmp_path: Path) -> None:
    # a site whose og:title (the headline for sharing) is not the <h1> on the page kept the <h1>
    # as the first paragraph, and the one og:title as every version's title: a rewritten headline
    # showed as a paragraph edited, the title unchanged
    folder = tmp_path / "pages"
    for name, version in (("20200103100000.html", FIRST), ("20200103110000.html", SECOND)):
        _write(folder, name, _page_with_headline_in_article(version).replace(
            f"content='{version.title}'", "content='Story: all the latest'"))
    article, = load([str(folder)])
    assert [(v.title, v.paragraphs) for v in article.versions] == [
        (FIRST.title, FIRST.paragraphs), (SECOND.title, SECOND.paragraphs)]


@needs_trafilatura
def test_a_page_whose_text_is_only_in_its_json_ld_is_read_from_it(tmp_path: Path) -> None:
    # a page whose text a script writes in, saved without running it (curl, wget), holds the text
    # only in its JSON-LD articleBody: the folder was refused as "none of the 2 saved pages holds
    # article text", saying to save the article pages themselves
    folder = tmp_path / "pages"
    for name, version in (("20200103100000.html", FIRST), ("20200103110000.html", SECOND)):
        linked_data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                                  "headline": version.title,
                                  "articleBody": "\n".join(version.paragraphs)})
        _write(folder, name, f"<!DOCTYPE html><html><head><title>{escape(version.title)}</title>"
                             f"<link rel='canonical' href='{URL}'><script type='application/ld+json'>"
                             f"{linked_data}</script></head><body><div id='app'></div>"
                             "<script src='/app.js'></script></body></html>")
    article, = load([str(folder)])
    assert [(v.title, v.paragraphs) for v in article.versions] == [
        (FIRST.title, FIRST.paragraphs), (SECOND.title, SECOND.paragraphs)]
    assert any("read from their JSON-LD articleBody" in w for w in article.warnings)


@needs_trafilatura
def test_a_lone_surrogate_in_json_ld_is_read_as_a_replacement_character(tmp_path: Path) -> None:
    # JSON's `\ud800` escape, alone in a page's articleBody, gave a character that no file takes:
    # `revdiff export` and `revdiff parse` stopped with a traceback (UnicodeEncodeError)
    folder = tmp_path / "pages"
    for name, version in (("20200103100000.html", FIRST), ("20200103110000.html", SECOND)):
        body = "\n".join(version.paragraphs).replace("One paragraph", "One \ud800 paragraph")
        linked_data = json.dumps({"@type": "NewsArticle", "articleBody": body})
        _write(folder, name, f"<html><head><title>{escape(version.title)}</title>"
                             f"<script type='application/ld+json'>{linked_data}</script></head>"
                             "<body><div id='app'></div></body></html>")
    article, = load([str(folder)])
    assert [v.paragraphs[0] for v in article.versions] == [
        "One \ufffd paragraph of the story.", "One \ufffd paragraph of the story, edited."]


@needs_trafilatura
def test_a_page_whose_encoding_is_guessed_is_said(tmp_path: Path) -> None:
    # a page in Windows-1252 whose <meta charset> says UTF-8 was read as Windows-1252 without a
    # word, where a plain version so read is warned: letters read wrong looked like edits
    folder = tmp_path / "pages"
    accented = Version(0, "Pont fermé", ("Le maire a déclaré que la décision était nécessaire.",
                                         "Les commerçants s’inquiètent à Genève."))
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    (folder / "20200103110000.html").write_bytes(  # it declares utf-8
        render_page(URL, accented, SITES[0]).encode("cp1252"))
    article, = load([str(folder)])
    assert article.versions[1].paragraphs == accented.paragraphs
    assert any(w.startswith(f"{folder / '20200103110000.html'}: the text declares utf-8 but is "
                            "not valid utf-8; read it as cp1252") for w in article.warnings)


@needs_trafilatura
def test_a_live_page_headline_given_after_a_post_is_its_title(tmp_path: Path) -> None:
    # trafilatura gives a live page's headline after the newest post: it was read as a paragraph
    posts = ("The mayor confirms the bridge will close to all traffic from midnight tonight.",
             "The council meeting has started and the mayor is expected to speak shortly.")
    folder = tmp_path / "pages"
    for hour, shown in (("10", posts[1:]), ("11", posts)):
        html = "".join(f"<div class='post'><time datetime='2020-01-08T{hour}:00Z'>{hour}:00</time>"
                       f"<p>{post}</p></div>" for post in shown)
        _write(folder, f"20200108{hour}3000.html",
               f"<!DOCTYPE html><html><head><title>Live: bridge closure</title>"
               f"<link rel='canonical' href='{URL}'></head><body><nav><a href='/'>Home</a></nav>"
               f"<main><article><h1>Live: bridge closure</h1>{html}</article></main></body></html>")
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [posts[1:], posts]


@needs_trafilatura
def test_pages_spelling_the_url_differently_are_one_article(tmp_path: Path) -> None:
    # a site that moved to https, added a final slash or put share tracking in og:url split one
    # article's saves into three articles of one version each: "only one version, nothing to
    # compare"
    folder = tmp_path / "pages"
    third = Version(2, "Third title", SECOND.paragraphs + ("A last paragraph.",))
    spellings = (URL, URL + "/", URL.replace("https://", "http://www.") + "?utm_source=twitter")
    for hour, url, version in zip((10, 11, 12), spellings, (FIRST, SECOND, third), strict=True):
        _write(folder, f"20200103{hour}0000.html", render_page(url, version, SITES[0]))
    article, = load([str(folder)])
    assert article.url == URL
    assert [v.title for v in article.versions] == ["First title", "Second title", "Third title"]
    assert any(f"spell the article's URL in 3 ways ({', '.join(spellings)})" in w
               for w in article.warnings)


@needs_trafilatura
def test_a_page_saved_part_way_is_said(tmp_path: Path) -> None:
    # a download cut off in the last paragraph was read as a version that lost its last
    # paragraphs, and the diff showed them deleted, without a word of doubt
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    whole = render_page(URL, SECOND, SITES[0])
    _write(folder, "20200103110000.html", whole[:whole.index("A new closing") + 5])
    [article] = load([str(folder)])
    said = (f"1 page ends before </html>, as a page saved part way does "  # it said `1 page(s) end`
            f"({folder / '20200103110000.html'}); its last paragraphs may be missing")
    assert [w for w in article.warnings if "</html>" in w] == [said]
    [whole_pages] = load([str(SAMPLES / "snapshots" / "iran-strikes-us-troops-in-iraq")])
    assert not any("</html>" in w for w in whole_pages.warnings)


@needs_trafilatura
@pytest.mark.parametrize(("ending", "cut_short"), [
    ("</body></html/>\n", False), ("</body></html data-x>\n", False),
    ("<!-- cached </html> -->\n", True), ("<script>w('</html>')</script>\n", True)])
def test_a_page_s_end_is_its_closing_html_tag_as_a_browser_reads_it(ending: str,
                                                                     cut_short: bool) -> None:
    """A `</html>` in a comment or a script's string after a page cut short was taken for its
    end (the page not said to be saved part way), and `</html/>` or an end tag with attributes
    was taken for none (a whole page said to be)."""
    page = _page(STORY).removesuffix("</body></html>\n") + ending
    assert read_page("p.html", "p.html", page).cut_short is cut_short


@needs_trafilatura
def test_folder_without_article_text_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _write(folder, "a.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(EmptyInput, match="none of the 1 saved pages holds article text"):
        load([str(folder)])


@pytest.mark.parametrize("other", ["notes.txt", "zz-tracker.html", "zz.sqlite",
                                   "0.txt", "0-tracker.html", "0.sqlite"])
def test_saved_pages_with_another_file_are_refused_naming_it(tmp_path: Path, other: str) -> None:
    # the error named the first saved page, "HTML page is neither a News Sniffer nor a NewsDiffs
    # page", and told the user to put saved pages in a folder, which they had done; so it still
    # did when the other file came first by name (0.txt, then the saved pages)
    folder = tmp_path / "mixed"
    _write(folder, "20200103140500.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103154000.html", render_page(URL, SECOND, SITES[0]))
    if other.endswith(".sqlite"):
        (folder / other).write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    else:
        tracker_page = (SAMPLES / "sniffer-version.html").read_text("utf-8")
        _write(folder, other, "My notes.\n" if other.endswith(".txt") else tracker_page)
    with pytest.raises(InconsistentPages, match=rf"{other} is no saved page, but the folder "
                                                r"holds saved pages \(20200103140500\.html"):
        load([str(folder)])


def test_a_single_file_save_beside_saved_pages_is_named_as_one(tmp_path: Path) -> None:
    """A Chrome `.mhtml` save was "no saved page", told to be moved out, not what it is nor that
    saving the page as HTML makes it one."""
    folder = tmp_path / "mixed"
    _write(folder, "20200103140500.html", render_page(URL, FIRST, SITES[0]))
    mhtml = ("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
             '\r\n\ttype="text/html";\r\n\tboundary="--b"\r\n\r\n----b\r\n'
             "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
             + render_page(URL, SECOND, SITES[0]).replace("=", "=3D") + "\r\n----b--\r\n")
    _write(folder, "20200103154000.mhtml", mhtml)
    with pytest.raises(InconsistentPages) as refused:
        load([str(folder)])
    assert refused.value.message == (
        "20200103154000.mhtml is an MHTML archive (the MIME file a browser writes for "
        '"Webpage, Single File"), not a saved page, but the folder holds saved pages '
        "(20200103140500.html, ...)")
    assert refused.value.hint == (
        'save the page again as HTML ("Webpage, Complete" or "Webpage, HTML only"), or give its '
        "text; a folder of saved pages must hold nothing else")


def test_a_folder_of_single_file_saves_alone_is_refused_naming_the_first_by_name(
        tmp_path: Path) -> None:
    # `story.mhtml` and `story2.mhtml`: the refusal named `story2.mhtml`, the first in the order
    # of versions (a numbered name before one without a number), not the first by name
    folder = tmp_path / "saves"
    mhtml = ("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
             '\r\n\ttype="text/html";\r\n\tboundary="--b"\r\n\r\n----b\r\n'
             "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
             + render_page(URL, FIRST, SITES[0]).replace("=", "=3D") + "\r\n----b--\r\n")
    for name in ("story2.mhtml", "story.mhtml"):
        _write(folder, name, mhtml)
    with pytest.raises(UnknownFormat) as refused:
        load([str(folder)])
    assert refused.value.where == str(folder / "story.mhtml")
    assert refused.value.message.startswith("this is an MHTML archive")


def test_a_folder_refused_for_another_file_names_its_first_page_as_saved(tmp_path: Path) -> None:
    # a page named with the year last was named as the folder does not hold it, the year first
    # (`saved pages (2024-02-01.html, ...)` for `01-02-2024.html`)
    folder = tmp_path / "mixed"
    _write(folder, "01-02-2024.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "notes.txt", "My notes.\n")
    with pytest.raises(InconsistentPages, match=r"notes\.txt is no saved page, but the folder "
                                                r"holds saved pages \(01-02-2024\.html, \.\.\.\)"):
        load([str(folder)])


def test_pages_read_without_trafilatura_are_named(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # `pip install revdiff` without the snapshots extra: "reading saved publisher pages needs
    # trafilatura" named no input, so an export of a corpus did not say which folder was read so
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    with pytest.raises(MissingExtra) as refused:
        load([str(folder)])
    assert str(refused.value) == (f"{folder / '20200103100000.html'}: reading saved publisher "
                                  "pages needs trafilatura, which is not installed (pip install "
                                  "'revdiff[snapshots]')")


@needs_trafilatura
def test_trafilatura_that_fails_to_import_is_not_called_missing() -> None:
    # trafilatura installed without the lxml HTML cleaner its jusText imports (lxml 5.2 made it a
    # package of its own, lxml_html_clean): "needs trafilatura" sent the user to a package that
    # `pip show` found installed. A fresh process, as the import it breaks is one of its own.
    root = Path(__file__).resolve().parents[2]
    code = ("import sys; sys.modules['lxml.html.clean'] = None; "
            "from revdiff.cli import main; main()")
    folder = SAMPLES / "snapshots" / "iran-strikes-us-troops-in-iraq"
    finished = subprocess.run([sys.executable, "-c", code, "parse", str(folder)],
                              capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONPATH": str(root)})
    assert finished.returncode == 2 and finished.stdout == ""
    [line] = finished.stderr.splitlines()
    assert line.startswith(f"revdiff: error: {folder / '20200107231000.html'}: reading saved "
                           "publisher pages needs trafilatura, which is installed but fails to "
                           "import: ")
    assert "lxml.html.clean" in line and line.endswith(" (pip install 'revdiff[snapshots]')")


def test_furniture_is_taken_out_and_long_paragraphs_kept() -> None:
    story = "Advertisement executives said the campaign would continue reading the polls. " * 4
    cleaned = remove_furniture(("Advertisement", "READ MORE: Who was he?", story,
                                "Subscribe to continue reading.", "Share this article"))
    assert cleaned.paragraphs == (story,)
    assert cleaned.furniture == ("Advertisement", "READ MORE: Who was he?", "Share this article")
    assert cleaned.paywall == ("Subscribe to continue reading.",)


@needs_trafilatura
def test_a_page_laid_out_in_a_table_is_read() -> None:
    """A page laid out in a table, as sites were before CSS (a Wayback memento of one), its
    headline and story in a cell beside the menu's: the tables that hold the `<h1>` are its layout,
    read as blocks, not a data table left out with the page's text; a data table in the story
    stays out."""
    story = ("Troops were sent to the region on Friday, officials said.",
             "The deployment adds to some 700 soldiers sent earlier in the week.",
             "Officials said more could follow if the threat grows.")
    html = ("<html><head><title>Troops sent | Old News</title></head><body>"
            "<table><tr><td colspan='2'><img src='logo.gif' alt='Old News'></td></tr><tr>"
            "<td><a href='/'>Home</a><br><a href='/world'>World</a></td>"
            "<td><table><tr><td><h1>Troops sent to the region</h1>"
            + "".join(f"<p>{paragraph}</p>" for paragraph in story[:2])
            + "<table><tr><td>Unit</td><td>Soldiers on the ground</td></tr>"
              "<tr><td>82nd Airborne</td><td>3,000 sent from Fort Bragg</td></tr></table>"
            + f"<p>{story[2]}</p></td></tr></table></td></tr></table></body></html>")
    page = read_page("old.html", "old.html", html)
    assert page.title == "Troops sent to the region"
    assert page.text.paragraphs == story


def test_a_divider_paragraph_is_furniture() -> None:
    """A paragraph without a letter or a digit in any script is a divider (the `___` before a wire
    story's contributor line, `* * *` between its parts), not a sentence: taken out and reported,
    not diffed as a paragraph; a paragraph in a script without Latin letters is text."""
    cleaned = remove_furniture(("WASHINGTON (AP) \u2014 The Senate voted.", "___", "* * *", "\u2014",
                                "\u6771\u4eac\u90fd\u306f\u767a\u8868\u3057\u305f\u3002", "\u0661\u0662",
                                "Robert Burns contributed to this report."))
    assert cleaned.paragraphs == ("WASHINGTON (AP) \u2014 The Senate voted.",
                                  "\u6771\u4eac\u90fd\u306f\u767a\u8868\u3057\u305f\u3002", "\u0661\u0662",
                                  "Robert Burns contributed to this report.")
    assert cleaned.furniture == ("___", "* * *", "\u2014")


@needs_trafilatura
def test_wayback_note_gives_the_time_when_the_name_has_none(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    for name, version, note in (("x.html", SECOND, "14:05:00 Jan 03, 2020"),
                                ("y.html", FIRST, "09:30:00 Jan 03, 2020")):
        page = render_page(URL, version, SITES[2]).replace(
            "</html>", f"<!--\n     FILE ARCHIVED ON {note} AND RETRIEVED FROM THE\n     INTERNET "
                       "ARCHIVE ON 22:00:00 Feb 01, 2020.\n-->\n</html>")
        _write(folder, name, page)
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [datetime(2020, 1, 3, 9, 30, tzinfo=UTC),
                                                  datetime(2020, 1, 3, 14, 5, tzinfo=UTC)]


def test_the_wayback_note_and_single_file_s_date_are_read_whatever_the_locale(
        tmp_path: Path) -> None:
    """Their months were read with strptime's `%b`, in LC_TIME's language: a caller that set a
    German locale had `Oct 03, 2020` (Okt) read as no time, and the page took none."""
    script = ("from bs4 import BeautifulSoup\n"
              "from revdiff.formats.page_times import PageTime, time_from_page, time_of_save\n"
              "note = '<!-- FILE ARCHIVED ON 14:05:00 Oct 03, 2020 AND RETRIEVED -->'\n"
              "soup = BeautifulSoup(note, 'html.parser')\n"
              "print(time_from_page(note, soup, PageTime(None, None)).time)\n"
              "saved = ('<html><!-- Page saved with SingleFile\\n saved date: Sat Oct 03 2020 '\n"
              "         '14:05:00 GMT+0000 (UTC)\\n--><body></body></html>')\n"
              "print(time_of_save('story.html', saved).time)\n")
    assert printed_in_german_locale(tmp_path, script) == ["2020-10-03 14:05:00+00:00",
                                                           "2020-10-03 14:05:00+00:00"]


@needs_trafilatura
def test_a_time_at_a_leap_second_is_read_at_second_59_and_warned_of(tmp_path: Path) -> None:
    """A Wayback timestamp, a Wayback note, a meta or a JSON-LD time at second 60 was no time:
    the page took a later source's time, or none, without a word."""
    folder = tmp_path / "pages"
    note = ("<!--\n     FILE ARCHIVED ON 23:59:60 Dec 29, 2016 AND RETRIEVED FROM THE\n     "
            "INTERNET ARCHIVE ON 22:00:00 Feb 01, 2017.\n-->\n</html>")
    meta = "<meta property='article:modified_time' content='2016-12-30T23:59:60Z'></head>"
    linked_data = ('<script type="application/ld+json">{"dateModified": "2016-12-31T23:59:60Z"}'
                   "</script></head>")
    pages = [("20161228235960.html", "</html>", "</html>"), ("b.html", "</html>", note),
             ("c.html", "</head>", meta), ("d.html", "</head>", linked_data)]
    for number, (name, old, new) in enumerate(pages):
        version = Version(number, f"Title {number}", (f"Paragraph {number} of the story here.",
                                                      "Another paragraph of the story."))
        _write(folder, name, render_page(URL, version, SITES[0]).replace(old, new))
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [
        datetime(2016, 12, day, 23, 59, 59, tzinfo=UTC) for day in (28, 29, 30, 31)]
    at_second_59 = ("is at a leap second (second 60), which revdiff's times cannot hold: read as "
                    "second 59, a second early, which keeps the versions' order; nothing to correct")
    assert [w for w in article.warnings if "leap second" in w] == [
        f"{folder / name}: {what} {written!r} {at_second_59}" for name, what, written in (
            ("20161228235960.html", "the file name's Wayback timestamp", "2016-12-28 23:59:60"),
            ("b.html", "the Wayback note's time", "23:59:60 Dec 29, 2016"),
            ("c.html", "article:modified_time", "2016-12-30T23:59:60Z"),
            ("d.html", "JSON-LD dateModified", "2016-12-31T23:59:60Z"))]


@needs_trafilatura
@pytest.mark.parametrize("claimed", ["2020-01-03T10:00:00-01:60", "0001-01-01T00:00:00+01:00"])
def test_a_meta_time_whose_zone_is_out_of_range_gives_no_time(claimed: str) -> None:
    """`-01:60` was read as `-02:00`, and a time its zone puts before the year 1 in UTC was the
    page's time, which sorting and exporting convert to UTC; the JSON-LD time is read instead."""
    html = render_page(URL, FIRST, SITES[0]).replace("</head>", (
        f"<meta property='article:modified_time' content='{claimed}'><script "
        'type="application/ld+json">{"dateModified": "2020-01-03T09:00:00Z"}</script></head>'))
    page = read_page("page.html", "page.html", html)
    assert (page.time, page.time_source) == (datetime(2020, 1, 3, 9, tzinfo=UTC),
                                             "JSON-LD dateModified")


@needs_trafilatura
@settings(max_examples=40, deadline=None)
@given(name=st.text(string.digits + "-_T:.abc", max_size=20),
       meta=st.text(max_size=30), body=st.text(max_size=200))
def test_odd_names_metas_and_bodies_never_raise(name: str, meta: str, body: str) -> None:
    html = (f"<html><head><meta property='article:modified_time' content='{escape(meta)}'>"
            f"<link rel='canonical' href='{escape(meta)}'></head><body><article><p>{escape(body)}"
            "</p></article></body></html>")
    page = read_page("page", name + ".html", html)
    assert all(paragraph for paragraph in page.text.paragraphs)


STORY = tuple(f"Paragraph {word} of the story says what the council decided on {word} matters."
              for word in ("one", "two", "three", "four", "five", "six", "seven", "eight"))
PAYWALL_BOX = ("<div class='paywall'><h2>Subscribe to continue reading</h2>"
               "<a href='/subscribe'>Subscribe</a></div>")


def _page(paragraphs: tuple[str, ...], after: str = "") -> str:
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>Council decides</title>"
            f"<link rel='canonical' href='{URL}'></head><body><main><h1>Council decides</h1>"
            f"<article>{body}{after}</article></main></body></html>\n")


@needs_trafilatura
def test_a_paywall_teaser_among_whole_saves_is_left_out_and_named(tmp_path: Path) -> None:
    """The teaser was read as a version that deleted all but the story's opening (its paywall
    box, which trafilatura leaves out, not even warned)."""
    folder = tmp_path / "pages"
    edited = (*STORY[:5], "A paragraph added in the afternoon.", *STORY[5:])
    _write(folder, "story-2020-01-03T10-00.html", _page(STORY))
    _write(folder, "story-2020-01-03T12-00.html",
           _page((*STORY[:2], STORY[2][:30] + "…"), PAYWALL_BOX))
    _write(folder, "story-2020-01-03T14-00.html", _page(edited))
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [STORY, edited]
    note, = (w for w in article.warnings if "paywall" in w)
    assert note.startswith(f"{folder / 'story-2020-01-03T12-00.html'}: only the opening of the "
                           "article, behind a paywall ('Subscribe to continue reading'): 3 "
                           f"paragraphs that {folder / 'story-2020-01-03T14-00.html'} holds")
    assert "page left out" in note


@needs_trafilatura
def test_an_earlier_shorter_version_on_a_site_with_a_meter_on_every_page_is_read(
        tmp_path: Path) -> None:
    """A developing story of 3 paragraphs, 8 by the afternoon, on a site whose every page shows
    its meter: the morning's save was left out as a paywall teaser."""
    folder = tmp_path / "pages"
    for hour, (paragraphs, read) in {10: (STORY[:3], 2), 14: (STORY, 3)}.items():
        meter = f"<div class='meter'>You have read {read} of your 10 free articles</div>"
        _write(folder, f"story-2020-01-03T{hour}-00.html", _page(paragraphs).replace(
            "<main>", meter + "<main>"))
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [STORY[:3], STORY]
    assert not any("page left out" in w for w in article.warnings)


@pytest.mark.parametrize("saves", [
    ((STORY[:2], PAYWALL_BOX), (("The council's opening paragraph, rewritten.", *STORY[1:]), "")),
    ((STORY[:2], PAYWALL_BOX), ((*STORY[:3], "Subscribe to continue reading."), "")),
])
@needs_trafilatura
def test_a_paywall_teaser_without_its_whole_story_is_read_and_warned(
        tmp_path: Path, saves: tuple[tuple[tuple[str, ...], str], ...]) -> None:
    """A teaser whose text no save holds whole (its opening edited since, or every save cut by
    the paywall) stays a version, its notice warned."""
    folder = tmp_path / "pages"
    for hour, (paragraphs, after) in enumerate(saves, start=10):
        _write(folder, f"story-2020-01-03T{hour}-00.html", _page(paragraphs, after))
    article, = load([str(folder)])
    assert len(article.versions) == 2
    assert any(w.endswith("paywall notice 'Subscribe to continue reading'; its text may be cut")
               for w in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("before", ["", "<!DOCTYPE html>\n"])
def test_the_address_chrome_saved_a_page_from_is_its_url(tmp_path: Path, before: str) -> None:
    # a page without a canonical link or og:url named no URL, though Chrome writes the address
    # it saved the page from at its top: pages of two articles were read as one
    folder = tmp_path / "pages"
    for name, url, version in (("20200103100000.html", URL, FIRST),
                               ("20200103110000.html", f"{URL}-two", SECOND)):
        page = render_page(url, version, SITES[0]).removeprefix("<!DOCTYPE html>\n")
        page = page.replace(f"<link rel='canonical' href='{url}'>", "").replace(
            f"<meta property='og:url' content='{url}'>", "")
        _write(folder, name, f"{before}<!-- saved from url=({len(url):04}){url} -->\n{page}")
    first, second = load([str(folder)])
    assert (first.url, second.url) == (URL, f"{URL}-two")
    assert not any("name no URL" in w for w in first.warnings)


@needs_trafilatura
def test_a_page_chrome_saved_from_a_file_names_no_url(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    page = render_page(URL, FIRST, SITES[0]).replace(f"<link rel='canonical' href='{URL}'>", "")
    page = page.replace(f"<meta property='og:url' content='{URL}'>", "")
    _write(folder, "a.html", f"<!-- saved from url=(0014)about:internet -->\n{page}")
    article, = load([str(folder)])
    assert article.url is None


@needs_trafilatura
def test_a_page_saved_gzip_compressed_is_read(tmp_path: Path) -> None:
    # browsers and wget sometimes save the body compressed as the server sent it: the one page
    # refused its folder, "input is gzip-compressed, not text"
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    folder.joinpath("20200103110000.html").write_bytes(
        gzip.compress(render_page(URL, SECOND, SITES[0]).encode()))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title"]


@needs_trafilatura
def test_a_gzip_compressed_page_cut_short_is_read_as_far_as_it_goes_and_said_to_be_cut(
        tmp_path: Path) -> None:
    # a download that stopped gave half a page without a word, which then read as a teaser
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    whole = gzip.compress(render_page(URL, SECOND, SITES[0]).encode())
    cut = folder / "20200103110000.html"
    cut.write_bytes(whole[:len(whole) * 2 // 3])
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    said, = (w for w in article.warnings if "cut short" in w)
    assert said == (f"{cut}: the file is cut short (its gzip stream ends early): only the text "
                    "before the cut is read; save the page again to read it whole")


@needs_trafilatura
@pytest.mark.parametrize("name", ["20200103093000.html", "20200103103000.html"],
                         ids=["first", "between pages"])
def test_an_empty_gzip_page_is_left_out_of_a_folder_of_pages(tmp_path: Path, name: str) -> None:
    # a folder of pages decompresses its pages: one that holds nothing is an empty capture there
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    folder.joinpath(name).write_bytes(gzip.compress(b""))
    _write(folder, "20200103110000.html", render_page(URL, SECOND, SITES[0]))
    notes: list[str] = []
    article, = load([str(folder)], notes=notes)
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    assert notes == [f"{folder}: left out 1 empty file ({name}): an empty capture is no version"]


def test_a_page_that_decompresses_past_the_size_limit_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    folder.joinpath("20200103110000.html").write_bytes(gzip.compress(b" " * 2_000_000))
    with pytest.raises(InputTooLarge, match="gzip-compressed and more than the size limit of "
                                            "1M once decompressed"):
        load([str(folder)], max_bytes=1 << 20)


@needs_trafilatura
@pytest.mark.parametrize(("content", "why"), [
    (bytes(range(256)) * 8, "input is binary data, not text"),
    (b"<html><head><meta charset='x-unknown'></head><body><p>caf\xe9</p></body></html>",
     "x-unknown"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\x07 invalid deflate block", "damaged"),
    # a gzip header cut short was left out as an empty file, "an empty capture is no version"
    (gzip.compress(b"<p>One.</p>")[:5], "gzip-compressed but cut short before any of its text"),
], ids=["binary", "unknown charset", "damaged gzip", "gzip header cut short"])
def test_a_page_no_encoding_reads_is_left_out_and_named(tmp_path: Path, content: bytes,
                                                        why: str) -> None:
    # one such file refused its whole folder, where a page without text is left out, warned
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    folder.joinpath("20200103103000.html").write_bytes(content)
    _write(folder, "20200103110000.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    left_out, = (w for w in article.warnings if "20200103103000.html" in w)
    assert why in left_out and left_out.endswith("; page left out (save it again to read it)")


@needs_trafilatura
def test_a_binary_file_named_as_a_page_over_the_size_limit_is_left_out_as_a_small_one(
        tmp_path: Path) -> None:
    # the size limit was checked first, and refused the folder
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    folder.joinpath("20200103103000.html").write_bytes(bytes(range(256)) * 400)
    _write(folder, "20200103110000.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)], max_bytes=50_000)
    assert [v.title for v in article.versions] == ["First title", "Second title"]
    left_out, = (w for w in article.warnings if "20200103103000.html" in w)
    assert "input is binary data, not text; page left out" in left_out


@needs_trafilatura
@pytest.mark.parametrize("command", ["diff", "parse", "export"])
def test_what_holds_for_a_folder_of_several_articles_is_said_once_naming_it(
        command: str, tmp_path: Path) -> None:
    """Every article of a folder of pages of two URLs carried the folder's notes (its several
    articles, the dates in the names, an encoding guessed, a page left out), each said once per
    article and prefixed by that article's URL: each is now said once, naming the folder, and a
    note on one page stays with that page's article."""
    from click.testing import CliRunner

    from revdiff.cli import main

    folder = tmp_path / "pages"
    for day, (url, version) in enumerate([(URL, FIRST), (URL, SECOND), (URL + "-b", FIRST),
                                          (URL + "-b", SECOND)], start=1):
        _write(folder, f"0{day}-02-2024.html", render_page(url, version, SITES[0]))
    (folder / "05-02-2024.html").write_bytes(
        "<html><head><title>x</title></head><body><nav>Caf\xe9</nav></body></html>"
        .encode("latin-1"))
    out = tmp_path / "out.jsonl"
    args = {"diff": ["diff", str(folder)], "parse": ["parse", str(folder)],
            "export": ["export", str(folder), "-o", str(out)]}[command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    for note in ("the folder holds pages of 2 articles", "may be read day first or month first",
                 "05-02-2024.html: the text is not valid UTF-8",
                 "05-02-2024.html: no article text found; page left out"):
        [line] = [line for line in lines if note in line]
        assert f" {folder}" in line and URL not in line
    if command == "parse":
        warnings = [w for article in json.loads(result.stdout) for w in article["warnings"]]
        assert not any("pages of 2 articles" in w or "day first" in w for w in warnings)


@needs_trafilatura
def test_a_file_left_out_of_a_folder_of_several_articles_is_named_once(tmp_path: Path) -> None:
    """A file no encoding reads, left out of a folder of pages of two URLs, was said with the
    folder's name before its own (`pages: pages/x.html: input is binary data ...`), as if the
    folder's note, where a page without text is named alone."""
    from click.testing import CliRunner

    from revdiff.cli import main

    folder = tmp_path / "pages"
    for day, (url, version) in enumerate([(URL, FIRST), (URL, SECOND), (URL + "-b", FIRST),
                                          (URL + "-b", SECOND)], start=1):
        _write(folder, f"2024020{day}T1000.html", render_page(url, version, SITES[0]))
    (folder / "20240205T1000.html").write_bytes(bytes(range(256)) * 8)
    result = CliRunner().invoke(main, ["parse", str(folder)])
    assert result.exit_code == 0, result.output
    [line] = [line for line in result.stderr.splitlines() if "binary" in line]
    assert line.startswith(f"revdiff: warning: {folder / '20240205T1000.html'}: input is binary")


@needs_trafilatura
def test_a_date_without_a_time_of_day_in_the_names_is_the_versions_time(tmp_path: Path) -> None:
    """`2024-02-01.html` and `03-02-2024.html` gave their versions no time (`"time": null`) and
    a warning that the pages give no time: each version's time is now its name's date alone
    (`time_text`, as the exports write it where there is no timestamp), said so."""
    folder = tmp_path / "pages"
    _write(folder, "2024-02-01.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "03-02-2024.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert [(v.title, v.time, v.time_text) for v in article.versions] == [
        (FIRST.title, None, "2024-02-01"), (SECOND.title, None, "2024-02-03")]
    assert not any("give no time" in w for w in article.warnings)
    assert any(w.startswith("2 pages give a date in their file names but no time of day")
               for w in article.warnings)


@needs_trafilatura
def test_dates_in_names_are_read_as_plain_versions_read_them(tmp_path: Path) -> None:
    """`2024-2-1.html` and `2024.02.03.html` gave no date (the names had to write months and days
    with two digits, apart by `-` or nothing), and `2024-2-5_9-30.html` no time, where plain
    version files so named give them: one reading of the date in a name, for both."""
    folder = tmp_path / "pages"
    third = Version(2, "Third title", (*SECOND.paragraphs, "One more paragraph at the end."))
    _write(folder, "2024-2-5_9-30.html", render_page(URL, third, SITES[0]))
    _write(folder, "2024.02.03.html", render_page(URL, SECOND, SITES[0]))
    _write(folder, "2024-2-1.html", render_page(URL, FIRST, SITES[0]))
    article, = load([str(folder)])
    assert [(v.title, v.time, v.time_text) for v in article.versions] == [
        (FIRST.title, None, "2024-02-01"), (SECOND.title, None, "2024-02-03"),
        (third.title, datetime(2024, 2, 5, 9, 30), None)]
    assert any(w.startswith("2 pages give a date in their file names but no time of day")
               for w in article.warnings)
    # eight digits alone may be a revision id, as in a plain version's name
    assert read_page("20240201.html", "20240201.html", render_page(URL, FIRST, SITES[0])).date is None


@needs_trafilatura
def test_a_page_with_a_date_alone_is_placed_by_it_among_the_timed_pages(tmp_path: Path) -> None:
    """`2024-01-30.html` came after `2024-01-31T10-00.html`, as if saved later, with every
    page that gives no time: it is placed at the start of its day."""
    folder = tmp_path / "pages"
    _write(folder, "2024-01-30.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "2024-01-31T10-00.html", render_page(URL, SECOND, SITES[0]))
    article, = load([str(folder)])
    assert [(v.title, v.time_text) for v in article.versions] == [
        (FIRST.title, "2024-01-30"), (SECOND.title, None)]


@needs_trafilatura
def test_pages_in_a_language_written_without_spaces_are_read(tmp_path: Path) -> None:
    """A Japanese story's saves were each left out as pages without article text: its words
    were counted between spaces, and a paragraph without a space was one word, under the six
    of an article."""
    story = ("大臣は火曜日、新しい鉄道路線が来年の春に開通すると発表した。",
             "地元住民はこのニュースを歓迎した。",
             "野党は予算の管理について調査を求めた。")
    folder = tmp_path / "pages"
    for hour, paragraphs in {10: story[:2], 12: story}.items():
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        _write(folder, f"story-2020-01-03T{hour}-00.html",
               f"<html lang='ja'><head><title>鉄道路線</title><link rel='canonical' "
               f"href='{URL}'></head><body><article><h1>鉄道路線</h1>{body}</article>"
               "</body></html>\n")
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [story[:2], story]


@needs_trafilatura
@pytest.mark.parametrize("reference", ["&#27;", "&#x1B;", "&#0008;", "&#xfffe;", "&#7"])
def test_a_reference_to_a_control_character_does_not_hide_the_pages_text(
        tmp_path: Path, reference: str) -> None:
    """One character reference to a control character (an escape or a backspace pasted into
    the CMS) anywhere in a page, its text or its attributes, made trafilatura give no text: the
    save was left out as a page without article text, the folder refused where all had it."""
    folder = tmp_path / "pages"
    _write(folder, "story-2020-01-03T10-00.html", _page(STORY[:3]))
    _write(folder, "story-2020-01-03T12-00.html",
           _page((*STORY[:3], "A paragraph added<> with a stray character."))
           .replace("&lt;&gt;", reference).replace("<main>", f"<main data-x='a{reference}b'>"))
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [
        STORY[:3], (*STORY[:3], "A paragraph added with a stray character.")]


@needs_trafilatura
def test_other_stories_in_articles_of_their_own_are_not_the_storys_text(tmp_path: Path) -> None:
    """A page listing related stories, each in an `<article>` of its own, before the story's
    `<article>` (the one holding its headline): their headings and summaries were read as the
    story's first paragraphs."""
    related = "".join(f"<article class='teaser'><h2>Other story {n}</h2><p>A summary of "
                      f"another story, number {n}, about something else entirely.</p></article>"
                      for n in range(3))
    folder = tmp_path / "pages"
    for hour, paragraphs in {10: STORY[:3], 12: STORY[:4]}.items():
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        _write(folder, f"story-2020-01-03T{hour}-00.html",
               f"<!DOCTYPE html><html><head><title>Council decides</title><link rel='canonical' "
               f"href='{URL}'></head><body>{related}<article class='story'><h1>Council decides"
               f"</h1>{body}</article></body></html>\n")
    article, = load([str(folder)])
    assert [(v.title, v.paragraphs) for v in article.versions] == [
        ("Council decides", STORY[:3]), ("Council decides", STORY[:4])]


@needs_trafilatura
def test_a_consent_wall_under_the_storys_title_headed_below_h1_is_left_out(tmp_path: Path) -> None:
    """A consent wall a site sends in place of the story under the story's own title and URL,
    its heading an `<h2>` (the page has no `<h1>`), was read as a version that replaced the
    story with the wall's text, and the next save as one that put it back."""
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103110000.html",
           f"<!DOCTYPE html><html><head><title>{FIRST.title} | News Company</title><link "
           f"rel='canonical' href='{URL}'></head><body><div class='consent'><h2>We value your "
           "privacy</h2><p>We and our 842 partners store and/or access information on a device, "
           "such as cookies, and process personal data.</p><button>Accept</button></div>"
           "</body></html>")
    _write(folder, "20200103120000.html", render_page(URL, SECOND, SITES[0]))
    [article] = load([str(folder)])
    assert [v.title for v in article.versions] == [FIRST.title, SECOND.title]
    assert (f"{folder / '20200103110000.html'}: an error page, a bot check or a consent wall "
            "('We value your privacy'), not the article: save the page again; page left out"
            in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("logo", ["<img src='/logo.png' alt='News Company'>", "News Company"])
def test_a_site_logo_in_an_h1_is_not_the_title(tmp_path: Path, logo: str) -> None:
    """A site whose logo is its page's `<h1>` and whose headline is an `<h2>` (no og:title):
    every version's title was the logo's text (empty for an image) and the headline a paragraph."""
    folder = tmp_path / "pages"
    for hour, paragraphs in {10: STORY[:3], 12: STORY[:4]}.items():
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        _write(folder, f"story-2020-01-03T{hour}-00.html",
               f"<!DOCTYPE html><html><head><title>Council decides | News Company</title><link "
               f"rel='canonical' href='{URL}'></head><body><header><h1 class='logo'><a href='/'>"
               f"{logo}</a></h1></header><article><h2>Council decides</h2>{body}</article>"
               "</body></html>\n")
    article, = load([str(folder)])
    assert [(v.title, v.paragraphs) for v in article.versions] == [
        ("Council decides", STORY[:3]), ("Council decides", STORY[:4])]


@needs_trafilatura
def test_a_page_whose_only_h1_is_an_image_takes_its_title_from_title(tmp_path: Path) -> None:
    """A page whose `<h1>` is the site's logo, an image, and which shows no headline: its title
    was empty, though its `<title>` names the story; it is the `<title>` without the site's
    name, which the logo's `alt` gives, as on the same page showing its headline as an `<h2>`."""
    folder = tmp_path / "pages"
    body = "".join(f"<p>{escape(p)}</p>" for p in STORY[:3])
    _write(folder, "story.html",
           f"<!DOCTYPE html><html><head><title>Council decides | News Company</title><link "
           f"rel='canonical' href='{URL}'></head><body><header><h1><img src='/logo.png' "
           f"alt='News Company'></h1></header><article>{body}</article></body></html>\n")
    article, = load([str(folder)])
    assert [v.title for v in article.versions] == ["Council decides"]


@needs_trafilatura
@pytest.mark.parametrize(("written", "shown"), [
    ("&amp;lt;b&amp;gt;", "&lt;b&gt;"), ("&lt;b&gt;", "<b>"), ("&amp;#27;", "&#27;"),
    ("&#38;#x1b;", "&#x1b;"), ("&amp;amp;", "&amp;"), ("&amp;quot;", "&quot;"),
    ("AT&amp;T", "AT&T"), ("<i>&amp;</i>lt;", "&lt;")])
def test_escaped_text_is_read_as_a_browser_shows_it(tmp_path: Path, written: str,
                                                    shown: str) -> None:
    """Text a page escapes to show it (a story about HTML showing `&lt;b&gt;`, a reference
    `&#27;` written out) was unescaped a second time: `&amp;lt;b&amp;gt;` came out as `<b>`,
    and `&amp;#27;` as nothing at all."""
    folder = tmp_path / "pages"
    _write(folder, "story.html", _page(STORY[:3]).replace(
        "</article>", f"<p>The page shows {written} in its text here.</p></article>"))
    article, = load([str(folder)])
    assert article.versions[0].paragraphs == (*STORY[:3], f"The page shows {shown} in its text here.")


@needs_trafilatura
@pytest.mark.parametrize("heading", [
    "Bevor Sie zu Google weitergehen", "Avant d\u2019accéder à Google", "Avant d'accéder à YouTube",
    "Antes de ir a Google", "Prima di continuare su Google", "Antes de continuar para o Google",
    "Voordat je verdergaat naar Google", "Zanim przejdziesz do Google",
    "Wir, Yahoo, sind Teil der Yahoo Markenfamilie", "Yahoo is part of the Yahoo family of brands",
    "Yahoo fait partie de la famille de marques Yahoo",
    "Yahoo forma parte de la familia de marcas de Yahoo",
    "Wir respektieren Ihre Privatsphäre", "Le respect de votre vie privée est notre priorité",
    "Valoramos tu privacidad", "La tua privacy è importante per noi",
    "Uw privacy is belangrijk voor ons", "A sua privacidade é importante para nós"])
def test_a_consent_wall_in_another_language_is_left_out(tmp_path: Path, heading: str) -> None:
    """The consent walls were known by their English headings only: Google's wall as a visitor
    from Germany gets it, Yahoo's, a consent platform's in French, was read as a second article
    without a URL."""
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103110000.html",
           f"<!DOCTYPE html><html><head><title>{escape(heading)}</title></head><body><main><h1>"
           f"{escape(heading)}</h1><p>Wir verwenden Cookies und Daten, um Dienste bereitzustellen "
           "und die Zahl der Besucher zu messen.</p><button>Alle akzeptieren</button></main>"
           "</body></html>")
    [article] = load([str(folder)])
    assert [v.title for v in article.versions] == [FIRST.title]
    assert (f"{folder / '20200103110000.html'}: an error page, a bot check or a consent wall "
            f"({heading!r}), not the article: save the page again; page left out"
            in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("headline", ["Bevor Sie zu Google weitergehen: was Kartellwächter wollen",
                                      "Antes de ir a Google, el ministro habló"])
def test_a_short_story_headed_like_a_consent_wall_is_read(tmp_path: Path, headline: str) -> None:
    """A headline that only starts as a consent wall's heading is a story's, however short."""
    first = Version(0, headline, ("Das Ministerium sagte am Samstag, es werde entscheiden.",
                                  "Weitere Einzelheiten sollen folgen."))
    folder = tmp_path / "pages"
    _write(folder, "20200124090000.html", render_page(URL, first, SITES[0]))
    [article] = load([str(folder)])
    assert article.versions[0].paragraphs == first.paragraphs


@needs_trafilatura
@pytest.mark.parametrize("logo", ["<a href='/'><img src='/logo.png' alt='News Company'></a>",
                                  "<a href='https://www.news.example.com/'>News Company</a>",
                                  "News Company"])
def test_a_consent_wall_headed_by_an_h2_below_a_logo_h1_is_left_out(tmp_path: Path,
                                                                     logo: str) -> None:
    """On a site whose `<h1>` is its logo, a consent wall under the story's own title and URL
    headed by an `<h2>` was read as a version that replaced the story with the wall's text: only
    the `<h1>`, the logo, was checked."""
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103110000.html",
           f"<!DOCTYPE html><html><head><title>{FIRST.title} | News Company</title><link "
           f"rel='canonical' href='{URL}'></head><body><header><h1 class='logo'>{logo}</h1>"
           "</header><div class='consent'><h2>We value your privacy</h2><p>We and our 842 "
           "partners store and/or access information on a device, such as cookies, and process "
           "personal data.</p><button>Accept</button></div></body></html>")
    _write(folder, "20200103120000.html", render_page(URL, SECOND, SITES[0]))
    [article] = load([str(folder)])
    assert [v.title for v in article.versions] == [FIRST.title, SECOND.title]
    assert (f"{folder / '20200103110000.html'}: an error page, a bot check or a consent wall "
            "('We value your privacy'), not the article: save the page again; page left out"
            in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize(("marked", "source"), [
    ("<p class='byline'>By A. Writer, <time datetime='{}'>3 January</time></p>",
     "<time datetime>"),
    ("<p class='byline'>Updated <span itemprop='dateModified'>{}</span></p>",
     "microdata dateModified"),
    ("<meta itemprop='datePublished dateCreated' content='{}'>", "microdata datePublished")])
def test_a_time_in_the_byline_or_in_microdata_is_read(tmp_path: Path, marked: str,
                                                      source: str) -> None:
    """Pages that give their time only in a `<time datetime>` in the byline or in schema.org
    microdata, saved as a.html and b.html, were ordered by name: the later text first. A
    `<time>` in the site's navigation or a related story's aside is no time of the page's."""
    folder = tmp_path / "pages"
    aside = "<aside><time datetime='2020-01-05T10:00:00Z'>Other story</time></aside>"
    for name, version, time in (("a.html", SECOND, "2020-01-03T09:00:00Z"),
                                ("b.html", FIRST, "2020-01-03T08:00:00Z")):
        _write(folder, name, render_page(URL, version, SITES[0]).replace(
            "<body>", f"<body>{aside}").replace("</h1>", "</h1>" + marked.format(time)))
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [datetime(2020, 1, 3, 8, tzinfo=UTC),
                                                  datetime(2020, 1, 3, 9, tzinfo=UTC)]
    assert any(f"the pages' own {source}" in w for w in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("home", ["https://www.news.example.com/", "http://news.example.com",
                                  "https://news.example.com/?utm_source=share",
                                  "https://news.example.com/index.html"])
def test_a_canonical_url_that_is_the_sites_home_page_is_no_articles(tmp_path: Path,
                                                                    home: str) -> None:
    """A site that names its home page as the canonical URL of every page: the saves of all its
    articles were read as one article's versions, each a rewrite of the other story."""
    other_url = "https://news.example.com/2020/01/03/other-story"
    folder = tmp_path / "pages"
    for hour, url, version in ((10, URL, FIRST), (11, other_url, Version(0, "Other story", (
            "A paragraph of another story altogether, about the weather.",))), (12, URL, SECOND)):
        page = render_page(url, version, SITES[0]).replace(
            f"<link rel='canonical' href='{escape(url)}'>", f"<link rel='canonical' href='{home}'>")
        assert home in page
        _write(folder, f"202001031{hour - 10}0000.html", page)
    notes: list[str] = []
    articles = load([str(folder)], notes=notes)
    assert [(a.url, [v.title for v in a.versions]) for a in articles] == [
        (URL, [FIRST.title, SECOND.title]), (other_url, ["Other story"])]
    assert any(f"{home} is the site's home page, no article's URL" in n for n in notes)


@needs_trafilatura
def test_a_page_naming_only_the_sites_home_page_is_read_as_one_without_a_url(
        tmp_path: Path) -> None:
    """A page whose only URL is its site's home page names no article's URL: it is read as a
    page without one, said, not as the home page's article."""
    home = "https://news.example.com/"
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]).replace(
        f"'{URL}'", f"'{home}'"))
    [article] = load([str(folder)])
    assert article.url is None
    assert any(w.startswith(f"{home} is the site's home page, no article's URL, yet 1 page names "
                            "it as its own") for w in article.warnings)


@needs_trafilatura
@pytest.mark.parametrize("byline", [
    ("<p class='byline'>Published <time datetime='2020-01-03T08:00:00Z'>8:00</time>, updated "
     "<time datetime='2020-01-03T10:30:00Z'>10:30</time></p>"),
    ("<div class='meta'><span>Updated <time datetime='2020-01-03T10:30:00Z'>10:30</time></span> "
     "<span>First published <time datetime='2020-01-03T08:00:00Z'>8:00</time></span></div>")])
def test_a_byline_that_gives_two_times_gives_the_latest(byline: str) -> None:
    """A byline reading `Published 8:00, updated 10:30` gave the page the time it was first
    published, not when its text was written, as a page's `dateModified` gives it. A time the
    text names in a paragraph of its own (a vote to come) is no time of the byline's."""
    later = "<p>The vote is set for <time datetime='2020-02-01T15:00:00Z'>1 February</time>.</p>"
    html = render_page(URL, FIRST, SITES[0]).replace(
        "<p class='byline'>By Staff Reporter</p>", byline).replace("</main>", later + "</main>")
    page = read_page("page.html", "page.html", html)
    assert (page.time, page.time_source) == (datetime(2020, 1, 3, 10, 30, tzinfo=UTC),
                                             "<time datetime>")


@needs_trafilatura
@pytest.mark.parametrize("byline", [
    ("<p class='byline'>Published <time datetime='2020-01-03T10:00:00+01:00'>10:00</time>, "
     "updated <time datetime='2020-01-03T09:30:00'>9:30</time></p>"),
    ("<p class='byline'>Updated <time datetime='2020-01-03T09:30:00'>9:30</time>, published "
     "<time datetime='2020-01-03T10:00:00+01:00'>10:00</time></p>")])
def test_a_byline_mixing_zoned_and_zoneless_times_gives_the_zoned_one(byline: str) -> None:
    """A zoneless time was compared with a zoned one as if in UTC: 9:30 in no zone came after
    10:00+01:00 (9:00 UTC), though it may be up to a day before or after it. The byline's
    zoned times are compared among themselves; a zoneless one is none of theirs."""
    html = render_page(URL, FIRST, SITES[0]).replace(
        "<p class='byline'>By Staff Reporter</p>", byline)
    page = read_page("page.html", "page.html", html)
    assert (page.time, page.time_source) == (
        datetime(2020, 1, 3, 10, tzinfo=timezone(timedelta(hours=1))), "<time datetime>")


@needs_trafilatura
def test_a_byline_of_zoneless_times_gives_the_latest() -> None:
    byline = ("<p class='byline'>Published <time datetime='2020-01-03T08:00:00'>8:00</time>, "
              "updated <time datetime='2020-01-03T10:30:00'>10:30</time></p>")
    html = render_page(URL, FIRST, SITES[0]).replace(
        "<p class='byline'>By Staff Reporter</p>", byline)
    assert read_page("page.html", "page.html", html).time == datetime(2020, 1, 3, 10, 30)


@needs_trafilatura
@pytest.mark.parametrize(("marked", "source"), [
    ("<meta property='article:modified_time' content='{}'>", "article:modified_time"),
    ('<script type="application/ld+json">{{"dateModified": "{}"}}</script>',
     "JSON-LD dateModified"),
    ("<meta itemprop='dateModified' content='{}'>", "microdata dateModified")])
def test_a_date_alone_in_a_pages_metas_is_its_date_not_its_midnight(
        tmp_path: Path, marked: str, source: str) -> None:
    """`article:modified_time='2020-01-03'` was read as midnight, a time the page never gave,
    while a date alone in a file name gives the date (`time_text`): it gives the date too, said
    so. A time of day in a claim after it is read before it."""
    folder = tmp_path / "pages"
    for name, version, day in (("a.html", SECOND, "2020-01-04"), ("b.html", FIRST, "2020-01-03")):
        _write(folder, name, render_page(URL, version, SITES[0]).replace(
            "</head>", marked.format(day) + "</head>"))
    article, = load([str(folder)])
    assert [(v.title, v.time, v.time_text) for v in article.versions] == [
        (FIRST.title, None, "2020-01-03"), (SECOND.title, None, "2020-01-04")]
    assert (f"2 pages give a date but no time of day in their {source} ({folder / 'b.html'}, "
            f"{folder / 'a.html'}); their time is the date alone, and they are placed at the "
            "start of that day") in article.warnings
    timed = render_page(URL, FIRST, SITES[0]).replace("</head>", marked.format("2020-01-04") + (
        "<time datetime='2020-01-03T09:00:00Z'>9:00</time></head>"))
    page = read_page("page.html", "page.html", timed)
    assert (page.time, page.date) == (datetime(2020, 1, 3, 9, tzinfo=UTC), None)
    # the file name's date comes before the page's, as its time does
    assert read_page("2020-01-02.html", "2020-01-02.html", timed.replace(
        "<time datetime='2020-01-03T09:00:00Z'>9:00</time>", "")).date == "2020-01-02"


@needs_trafilatura
@pytest.mark.parametrize(("shown", "time", "day"), [
    ("3 January 2020", None, "2020-01-03"), ("Friday, January 3, 2020", None, "2020-01-03"),
    ("January 3, 2020 10:30 AM", datetime(2020, 1, 3, 10, 30), None)])
def test_a_microdata_time_given_as_words_is_read(shown: str, time: datetime | None,
                                                 day: str | None) -> None:
    """`<span itemprop="dateModified">3 January 2020</span>`, a time given only as the page
    shows it, was passed over without a word: the page had no time."""
    html = render_page(URL, FIRST, SITES[0]).replace(
        "</h1>", f"</h1><p>Updated <span itemprop='dateModified'>{shown}</span></p>")
    page = read_page("page.html", "page.html", html)
    assert (page.time, page.date, page.time_source) == (time, day, "microdata dateModified")


@needs_trafilatura
def test_a_microdata_time_that_no_reader_reads_is_warned_of(tmp_path: Path) -> None:
    """`<span itemprop="dateModified">yesterday\x1b[2J</span>` was passed over without a word;
    it is named (its control characters escaped), and the time read after it kept."""
    folder = tmp_path / "pages"
    for hour, version in ((10, FIRST), (11, SECOND)):
        _write(folder, f"{'ab'[hour - 10]}.html", render_page(URL, version, SITES[0]).replace(
            "</h1>", "</h1><p>Updated <span itemprop='dateModified'>yesterday\x1b[2J</span> "
            f"<time datetime='2020-01-03T{hour}:00:00Z'>{hour}:00</time></p>"))
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [datetime(2020, 1, 3, h, tzinfo=UTC)
                                                  for h in (10, 11)]
    assert (f"{folder / 'a.html'}: microdata dateModified 'yesterday\\x1b[2J' is no date or time "
            "revdiff reads (2020-01-03T10:30:00Z, 3 January 2020, January 3, 2020 10:30 AM): "
            "passed over; put the time of the save in its file name "
            "(story-2020-01-03T10-30.html) to give it") in article.warnings


@needs_trafilatura
def test_a_logo_h1_the_extraction_keeps_is_no_headline() -> None:
    """A logo `<h1>` linking to the site's root, kept by the extraction as a paragraph, was taken
    for the headline: the page's title became the site's name. The og:title is its title, as on
    any page whose `<h1>` is its logo, and the `<title>` without the site's name, kept as a
    paragraph, is its headline, no paragraph (it made the title where kept, and the og:title
    where not: the title hung on what the extraction kept)."""
    html = ("<!DOCTYPE html><html><head><title>Council decides on the bridge | News Company"
            "</title><meta property='og:title' content='Bridge vote: what it means'></head><body>"
            "<main><article><h1><a href='/'>News Company</a></h1>"
            "<h2>Council decides on the bridge</h2><p>The council voted on Tuesday to close the "
            "old bridge to all traffic from next month.</p><p>Residents said they were worried "
            "about the long detours the closure will bring.</p></article></main></body></html>")
    page = read_page("page.html", "page.html", html)
    left_out = read_page("b.html", "b.html",
                         html.replace("<h2>Council decides on the bridge</h2>", ""))
    assert page.title == left_out.title == "Bridge vote: what it means"
    assert page.text.paragraphs == left_out.text.paragraphs


_LOGO_PAGE = ("<!DOCTYPE html><html><head><title>Council decides on the bridge | News Company"
              "</title></head><body><main><article><h1><a href='/'>News Company</a></h1>"
              "<p>The council voted on Tuesday to close the old bridge to all traffic from next "
              "month.</p><p>Residents said they were worried about the long detours the closure "
              "will bring.</p></article></main></body></html>")


@needs_trafilatura
def test_a_page_without_og_title_whose_logo_h1_shows_text_takes_its_title_from_title() -> None:
    """A logo `<h1>` showing the site's name, linking to the site's root, gave the page without
    og:title the site's name for its title; only one showing no text fell back to `<title>`,
    which is read without the site's name the logo shows after its separator."""
    page = read_page("page.html", "page.html", _LOGO_PAGE)
    assert page.title == "Council decides on the bridge"


@needs_trafilatura
def test_a_logo_h1_the_extraction_keeps_is_furniture() -> None:
    """The logo `<h1>`'s text stayed in the article as its first paragraph (`News Company`); it
    is page furniture, taken out and reported as such."""
    page = read_page("page.html", "page.html", _LOGO_PAGE)
    assert page.text.paragraphs == (
        "The council voted on Tuesday to close the old bridge to all traffic from next month.",
        "Residents said they were worried about the long detours the closure will bring.")
    assert page.text.furniture == ("News Company",)


@needs_trafilatura
def test_an_h1_that_is_no_logo_stays_the_headline_and_a_paragraph_named_so_stays() -> None:
    """Only the logo's text is taken out: an `<h1>` that is the headline is the title, and a
    paragraph that happens to say what no logo shows is kept."""
    html = _LOGO_PAGE.replace("<h1><a href='/'>News Company</a></h1>",
                              "<h1>Bridge to close</h1><p>News Company</p>")
    page = read_page("page.html", "page.html", html)
    assert page.title == "Bridge to close"
    assert page.text.paragraphs[0] == "News Company"
    assert page.text.furniture == ()


@needs_trafilatura
def test_a_microdata_time_in_words_with_a_zone_not_read_is_warned_of(tmp_path: Path) -> None:
    """`<span itemprop="dateModified">January 3, 2020 10:30 AM ET</span>` was read in no zone
    without a word, where a NewsDiffs date line naming the same zone is warned of."""
    folder = tmp_path / "pages"
    for name, version, hour in (("a.html", FIRST, 10), ("b.html", SECOND, 11)):
        _write(folder, name, render_page(URL, version, SITES[0]).replace(
            "</h1>", f"</h1><p>Updated <span itemprop='dateModified'>January 3, 2020 {hour}:30 AM "
            "ET</span></p>"))
    article, = load([str(folder)])
    assert [v.time for v in article.versions] == [datetime(2020, 1, 3, 10, 30),
                                                  datetime(2020, 1, 3, 11, 30)]
    assert (f"{folder / 'a.html'}: microdata dateModified 'January 3, 2020 10:30 AM ET' names "
            "the time zone 'ET', which is not read (unknown or ambiguous): read as written, in "
            "no zone") in article.warnings


@needs_trafilatura
def test_a_microdata_time_in_a_list_item_left_unended_is_read_without_the_next_item() -> None:
    """A browser ends an `<li>` where the next starts; html.parser nested the byline's next item
    in the time's, so its text ran on into the time (`3 January 2020 By Jane Doe`), which was
    then no date and the page had none."""
    html = render_page(URL, FIRST, SITES[0]).replace(
        "</h1>", "</h1><ul class='byline'><li itemprop='dateModified'>3 January 2020"
                 "<li>By Jane Doe</ul>")
    page = read_page("page.html", "page.html", html)
    assert (page.time, page.date, page.time_source) == (None, "2020-01-03", "microdata dateModified")


_SITE_HEAD = ("<!DOCTYPE html><html><head><title>Council approves new bridge | News Company</title>"
              "{meta}</head><body><header><h1>{logo}</h1></header><main><article>")
_SITE_BODY = ("<p>The council voted on Tuesday to build a new bridge over the river next year.</p>"
              "<p>Residents said they were glad the old crossing will finally be replaced.</p>"
              "</article></main></body></html>")


@needs_trafilatura
@pytest.mark.parametrize(("meta", "logo"), [
    ("", "<a href='/'>News Company</a>"),
    ("<meta property='og:site_name' content='News Company'>", "<img src='/logo.png' alt=''>"),
])
def test_two_saves_of_one_headline_under_a_logo_h1_have_one_title(meta: str, logo: str) -> None:
    """A page without og:title whose `<h1>` is the logo took the `<title>` with the site's name
    (`Council approves new bridge | News Company`) where the extraction left the headline out,
    and the headline without it where the extraction kept it: two saves of one article showed a
    title change. The site's name, as its logo or og:site_name gives it, is no part of a title."""
    head = _SITE_HEAD.format(meta=meta, logo=logo)
    kept = read_page("a.html", "a.html", f"{head}<h2>Council approves new bridge</h2>{_SITE_BODY}")
    left_out = read_page("b.html", "b.html", head + _SITE_BODY)
    assert kept.title == left_out.title == "Council approves new bridge"
    assert kept.text.paragraphs == left_out.text.paragraphs


@needs_trafilatura
@pytest.mark.parametrize(("title_site", "meta_site"), [
    ("News\u00a0Company", "News Company"),
    ("News Company", "News\u00a0\u00a0Company"),
    ("News\u2009Company", " News  Company "),
])
def test_a_site_name_after_the_separator_is_compared_as_white_space_collapsed(
        title_site: str, meta_site: str) -> None:
    """The site's name after the title's separator was compared as written with og:site_name
    cleaned: `Council approves new bridge | News\u00a0Company` under og:site_name `News Company`
    kept the site's name in the title."""
    head = _SITE_HEAD.format(meta=f"<meta property='og:site_name' content='{meta_site}'>",
                             logo="<img src='/logo.png' alt=''>").replace(
        "| News Company", f"|  {title_site}")
    page = read_page("a.html", "a.html", head + _SITE_BODY)
    assert page.title == "Council approves new bridge"


@needs_trafilatura
def test_a_title_whose_end_names_no_site_keeps_it_whatever_the_extraction_keeps() -> None:
    """Where nothing else on the page names the site, what follows the separator in `<title>`
    may be the headline's own (`Brexit - what happens next`): it is kept, and kept the same
    whether or not the extraction keeps a paragraph that says what comes before it (a kicker,
    `Brexit`), which made the title `Brexit`."""
    head = _SITE_HEAD.format(meta="", logo="<img src='/logo.png' alt=''>").replace(
        "Council approves new bridge | News Company", "Brexit - what happens next")
    kept = read_page("a.html", "a.html", f"{head}<h2>Brexit</h2>{_SITE_BODY}")
    left_out = read_page("b.html", "b.html", head + _SITE_BODY)
    assert kept.title == left_out.title == "Brexit - what happens next"
    assert kept.text.paragraphs == left_out.text.paragraphs


@needs_trafilatura
@pytest.mark.parametrize("heading", [
    "<h1>Bridge to close soon</h1>",  # the headline, taken for the title
    "<h1><a href='/'>News Company</a></h1>",  # the logo's text, taken out
])
def test_the_word_minimum_is_counted_without_the_headline_and_logo(tmp_path: Path,
                                                                   heading: str) -> None:
    """The 6-word minimum counted the headline (and the logo's text) that are then taken out of
    the text: a page showing only `Short text here.` under a 4-word headline was read as a
    version of 3 words, not left out as a page without article text."""
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]))
    _write(folder, "20200103110000.html",
           f"<!DOCTYPE html><html><head><title>Bridge to close soon</title><link rel='canonical' "
           f"href='{URL}'></head><body><article>{heading}<p>Short text here now.</p></article>"
           "</body></html>")
    article, = load([str(folder)])
    assert [v.paragraphs for v in article.versions] == [FIRST.paragraphs]
    assert any("20200103110000.html: no article text found; page left out" in w
               for w in article.warnings)


@needs_trafilatura
def test_a_page_showing_its_headline_and_too_few_words_is_read_from_its_linked_data() -> None:
    """A page whose script writes its text in, saved without running it, that shows its headline
    and a line (`Loading the story now.`) was read as that line, the JSON-LD articleBody that
    holds its text passed over, as the headline made up the minimum."""
    body = json.dumps({"@type": "NewsArticle", "articleBody": "\n".join(STORY[:2])})
    page = read_page("page.html", "page.html", (
        "<!DOCTYPE html><html><head><title>Bridge to close soon</title><script "
        f"type='application/ld+json'>{body}</script></head><body><article><h1>Bridge to close "
        "soon</h1><p>Loading the story now.</p></article></body></html>"))
    assert (page.title, page.text.paragraphs, page.text_from_linked_data) == (
        "Bridge to close soon", STORY[:2], True)


@needs_trafilatura
def test_a_storys_article_of_a_headline_and_a_few_words_is_not_its_text() -> None:
    """The story's `<article>` was preferred to the whole page where it held 6 words counting
    its headline: one holding a headline of 4 words and a 3-word byline gave the byline alone,
    too short to read, where the page around it holds the story."""
    related = "".join(f"<article class='teaser'><h2>Other story {n}</h2><p>A summary of "
                      f"another story, number {n}, about something else entirely.</p></article>"
                      for n in range(2))
    body = "".join(f"<p>{escape(p)}</p>" for p in STORY[:3])
    page = read_page("page.html", "page.html",
                     "<!DOCTYPE html><html><head><title>Council decides on bridge</title></head>"
                     "<body><article class='story-head'><h1>Council decides on bridge</h1>"
                     f"<p>By Jane Doe</p></article><main><div class='story-body'>{body}</div>"
                     f"</main>{related}</body></html>")
    assert page.title == "Council decides on bridge"
    assert all(paragraph in page.text.paragraphs for paragraph in STORY[:3])


@needs_trafilatura
def test_two_saves_of_one_headline_other_than_the_og_title_have_one_title() -> None:
    """A page whose og:title (a headline for sharing) is not its `<h1>` took the `<h1>` for its
    title where the extraction kept it as a paragraph, and the og:title where it left it out
    (a headline in a pruned `<header>`): two saves of one article showed a title change. The
    headline on the page is the title, whatever the extraction keeps."""
    head = ("<!DOCTYPE html><html><head><title>Council approves new bridge</title><meta "
            "property='og:title' content='Bridge: all the latest'></head><body>")
    kept = read_page("a.html", "a.html", f"{head}<main><article><h1>Council approves new "
                                          f"bridge</h1>{_SITE_BODY}")
    left_out = read_page("b.html", "b.html", f"{head}<header><h1>Council approves new bridge"
                                              f"</h1></header><main><article>{_SITE_BODY}")
    assert kept.title == left_out.title == "Council approves new bridge"
    assert kept.text.paragraphs == left_out.text.paragraphs


def _single_file_save(url: str, version: Version, saved: str = "") -> str:
    """A page as the SingleFile extension saves it: without a canonical link or og:url here, its
    address and the time of the save in the comment it writes after `<html>`."""
    page = render_page(url, version, SITES[0]).replace(f"<link rel='canonical' href='{url}'>", "")
    page = page.replace(f"<meta property='og:url' content='{url}'>", "")
    doctype, html_tag, rest = re.split(r"(<html[^>]*>)", page, maxsplit=1)
    date = f" saved date: {saved}\n" if saved else ""
    return f"{doctype.strip()} {html_tag}<!--\n Page saved with SingleFile \n url: {url} \n{date}-->{rest}"


@needs_trafilatura
def test_the_address_single_file_saved_a_page_from_is_its_url(tmp_path: Path) -> None:
    # SingleFile writes the address it saved a page from in a comment at its top: pages of two
    # articles without a canonical link or og:url were read as one article without a URL
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", _single_file_save(URL, FIRST))
    _write(folder, "20200103110000.html", _single_file_save(f"{URL}-two", SECOND))
    first, second = load([str(folder)])
    assert (first.url, second.url) == (URL, f"{URL}-two")
    assert not any("name no URL" in w for w in first.warnings)


@needs_trafilatura
def test_the_time_single_file_saved_a_page_is_its_time(tmp_path: Path) -> None:
    # SingleFile notes when it saved a page, in its zone, and names the file by that time as the
    # browser's language writes it (`1_3_2020 2_05_00 PM` in American English): the times were
    # read from the names alone, day first, on 1 March, without a zone, where the note says 3 January
    folder = tmp_path / "pages"
    saves = (("1_3_2020 2_05_00 PM", "Fri Jan 03 2020 14:05:00 GMT+0000", SECOND),
             ("1_3_2020 10_12_00 AM", "Fri Jan 03 2020 05:12:00 GMT-0500", FIRST))
    for name, saved, version in saves:
        _write(folder, f"Story ({name}).html",
               _single_file_save(URL, version, f"{saved} (Coordinated Universal Time)"))
    article, = load([str(folder)])
    assert [(v.title, v.time) for v in article.versions] == [
        ("First title", datetime(2020, 1, 3, 5, 12, tzinfo=timezone(timedelta(hours=-5)))),
        ("Second title", datetime(2020, 1, 3, 14, 5, tzinfo=UTC))]
    assert not any("day first" in w or "no time zone" in w for w in article.warnings)


@needs_trafilatura
def test_a_wayback_memento_single_file_saved_keeps_its_time_of_capture(tmp_path: Path) -> None:
    # SingleFile's saved date of a memento is when the memento was saved, years after the capture
    folder = tmp_path / "pages"
    memento = f"https://web.archive.org/web/20200103100000/{URL}"
    page = _single_file_save(memento, FIRST, "Wed Mar 22 2023 10:00:00 GMT+0000 (UTC)")
    _write(folder, "story.html", page.replace(
        "</html>", "</html>\n<!-- FILE ARCHIVED ON 10:00:00 Jan 03, 2020 AND RETRIEVED -->"))
    article, = load([str(folder)])
    assert (article.url, article.versions[0].time) == (URL, datetime(2020, 1, 3, 10, 0, tzinfo=UTC))


def _section_page(url: str, og_type: str | None, head: str = "") -> str:
    """A section front: a heading and a list of stories' teasers, each in an `<article>`, with
    its og:type (where given) and `head` in its `<head>`."""
    teasers = "".join(f"<article><h2><a href='/story-{n}'>Council votes on budget plan number {n} "
                      f"after a long debate</a></h2><p>A short teaser of story {n} in a few words."
                      "</p></article>" for n in range(8))
    og = "" if og_type is None else f"<meta property='og:type' content='{og_type}'>"
    return (f"<!DOCTYPE html><html><head><title>Local news | Example News</title>"
            f"<link rel='canonical' href='{url}'>{og}{head}"
            f"</head><body><main><h1>Local news</h1>{teasers}</main></body></html>")


def _linked_data_script(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


@needs_trafilatura
def test_a_page_whose_og_type_is_no_article_is_warned_of(tmp_path: Path) -> None:
    # a section front saved among an article's saves was read as an article of its own, its
    # teasers for paragraphs, nothing said of what the page itself says it is
    folder = tmp_path / "pages"
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]).replace(
        "<head>", "<head><meta property='og:type' content='article'>"))
    _write(folder, "20200103110000.html", render_page(URL, SECOND, SITES[0]))
    _write(folder, "20200103120000.html", _section_page("https://news.example.com/local", "website"))
    story, section = load([str(folder)])
    assert not any("og:type" in w for w in story.warnings)
    name = str(folder / "20200103120000.html")
    assert f"1 page says in its og:type ('website') that it is no article ({name}): it may be a " \
           "home page or a section's list of stories (leave it out if so)" in section.warnings


@needs_trafilatura
def test_a_page_whose_json_ld_type_is_no_article_is_warned_of(tmp_path: Path) -> None:
    # a section front marked only by its JSON-LD @type (no og:type) was read as an article of its
    # own without a word; an article's JSON-LD, a WebSite beside it in its @graph, is one
    folder = tmp_path / "pages"
    article = _linked_data_script({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Example News"},
        {"@type": ["NewsArticle"], "headline": FIRST.title}]})
    _write(folder, "20200103100000.html", render_page(URL, FIRST, SITES[0]).replace(
        "<head>", f"<head>{article}"))
    _write(folder, "20200103110000.html", render_page(URL, SECOND, SITES[0]))
    section = _linked_data_script([{"@context": "https://schema.org", "@type": "CollectionPage",
                                    "hasPart": [{"@type": "NewsArticle", "headline": "A story"}]},
                                   {"@type": "WebSite", "name": "Example News"}])
    _write(folder, "20200103120000.html",
           _section_page("https://news.example.com/local", None, section))
    story, front = load([str(folder)])
    assert not any("no article" in w for w in story.warnings)
    name = str(folder / "20200103120000.html")
    assert f"1 page says in its JSON-LD @type ('CollectionPage') that it is no article ({name}): " \
           "it may be a home page or a section's list of stories (leave it out if so)" \
           in front.warnings


@needs_trafilatura
@pytest.mark.parametrize("article_type", ["NewsArticle", "http://schema.org/ReportageNews",
                                          "LiveBlogPosting", "BlogPosting"])
def test_a_page_whose_json_ld_names_an_article_is_one_whatever_its_og_type(
        tmp_path: Path, article_type: str) -> None:
    script = _linked_data_script({"@context": "https://schema.org", "@type": article_type})
    page = read_page("story.html", "story.html", render_page(URL, FIRST, SITES[0]).replace(
        "<head>", f"<head><meta property='og:type' content='website'>{script}"))
    assert page.other_type is None


@needs_trafilatura
def test_the_capture_time_in_a_memento_s_own_address_is_its_time(tmp_path: Path) -> None:
    # a Wayback Machine memento saved from the browser (`story.html`, `story(1).html`) names its
    # capture time in the addresses the Wayback Machine rewrote (its canonical link, og:url): with
    # no Wayback note left, the pages were read without a time, in the order of their names
    folder = tmp_path / "pages"
    for name, stamp, version in (("story.html", "20200103110000", SECOND),
                                 ("story(1).html", "20200103100000", FIRST)):
        memento = f"https://web.archive.org/web/{stamp}/{URL}"
        _write(folder, name, render_page(URL, version, SITES[0]).replace(f"'{URL}'", f"'{memento}'"))
    article, = load([str(folder)])
    assert article.url == URL
    assert [(v.title, v.time) for v in article.versions] == [
        ("First title", datetime(2020, 1, 3, 10, 0, tzinfo=UTC)),
        ("Second title", datetime(2020, 1, 3, 11, 0, tzinfo=UTC))]


@needs_trafilatura
def test_a_json_ld_time_given_as_a_list_is_read_the_latest() -> None:
    """schema.org allows several values of a key: `"dateModified": [...]` was passed over, and
    the page had the time of its `datePublished`. The latest is its time: the page is as its
    last change left it, in whatever order the list gives them."""
    times = '["2020-01-03T08:00:00Z", "2020-01-03T10:30:00Z", "2020-01-03T09:00:00Z"]'
    html = render_page(URL, FIRST, SITES[0]).replace("</head>", (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
        f'"2020-01-03T07:00:00Z", "dateModified": {times}}}</script></head>'))
    page = read_page("page.html", "page.html", html)
    assert (page.time, page.time_source) == (datetime(2020, 1, 3, 10, 30, tzinfo=UTC),
                                             "JSON-LD dateModified")


@pytest.mark.parametrize("depth", [100, 600])
def test_elements_nested_deeper_than_a_saved_page_nests_are_refused_at_their_line(depth: int) -> None:
    """A saved page's elements nested past `MAX_DEPTH` are refused as a News Sniffer page's are
    (its tree of elements was built whole, 80,000 nested `<div>`s in 10 s); a page nested less
    is read as before."""
    page = render_page(URL, FIRST, SITES[0])
    copy, line = nested_in_body(page, depth)
    if depth < MAX_DEPTH:
        assert read_page("p.html", "p.html", copy).text == read_page("p.html", "p.html", page).text
        return
    with pytest.raises(MalformedPage) as refused:
        read_page("p.html", "p.html", copy)
    assert refused.value.line == line
    assert refused.value.message == (f"an element nested more than {MAX_DEPTH} elements deep "
                                     "starts here, where a news site's page nests a few dozen")


def test_a_saved_page_of_more_elements_than_a_news_site_writes_is_refused_at_the_first_past(
) -> None:
    """A page of many elements side by side, none nested deep, was built into a tree of them
    all: 200,000 `<p>x` took 18 s and 660 MB, so that a page at the size limit would exhaust
    the machine's memory. Refused at the line of the first element past the limit (100,000)."""
    page = render_page(URL, FIRST, SITES[0])
    line = page[:page.index("<body>")].count("\n") + 2
    copy = page.replace("<body>", "<body>\n" + "<b></b>" * 100_000 + "\n")
    with pytest.raises(MalformedPage) as refused:
        read_page("p.html", "p.html", copy)
    assert refused.value.line == line
    assert refused.value.message == ("the page holds more than 100,000 elements, the next "
                                     "starting here, where a news site's page holds some "
                                     "thousands")


def test_a_refusal_after_a_wayback_toolbar_names_the_line_of_the_file() -> None:
    """The Wayback Machine's toolbar was taken out of the page before it was read, lines and
    all, so that an element nested too deep after it was refused at a line above its own."""
    page = render_page(URL, FIRST, SITES[0])
    toolbar = ("<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n<div id='wm-ipp'>\n<p>The Wayback Machine"
               "</p>\n</div>\n<!-- END WAYBACK TOOLBAR INSERT -->\n")
    copy = page.replace("<body>", "<body>\n" + toolbar + "<div>" * MAX_DEPTH + "\n")
    line = copy[:copy.index("<div>" * MAX_DEPTH)].count("\n") + 1
    with pytest.raises(MalformedPage) as refused:
        read_page("p.html", "p.html", copy)
    assert refused.value.line == line


@needs_trafilatura
@pytest.mark.parametrize("given", ["folder", "files"])
def test_the_pages_of_an_article_are_read_in_the_encoding_guessed_over_them_all(
        tmp_path: Path, given: str) -> None:
    """Each page's encoding was guessed alone: the first save of a Polish story in Windows-1250
    was read as Windows-1252 (`podpisa³ ustawê`), the second right. One guess over the pages
    together is taken for each, and warned once."""
    folder = tmp_path / "pages"
    folder.mkdir()
    closing = "Opozycja zapowiada protest w Sejmie i w Senacie jeszcze w tym tygodniu."
    saves = [Version(0, "Ustawa podpisana", ("Prezydent podpisał ustawę.", closing)),
             Version(1, "Ustawa podpisana",
                     ("Prezydent podpisał w piątek ustawę o szkolnictwie.", closing))]
    for hour, version in zip((10, 11), saves, strict=True):
        (folder / f"202001031{hour - 10}0000.html").write_bytes(
            render_page(URL, version, SITES[0]).encode("cp1250"))
    inputs = [str(folder)] if given == "folder" else sorted(map(str, folder.iterdir()))
    article, = load(inputs)
    assert [version.paragraphs for version in article.versions] == [
        save.paragraphs for save in saves]
    guessed = [warning for warning in article.warnings if "not valid" in warning]
    assert len(guessed) == 1 and "read them as cp1250" in guessed[0], article.warnings
