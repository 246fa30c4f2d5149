"""NewsDiffs diff pages: JavaScript literals, the rendered #compare, page metadata, samples."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nested_pages import nested_divs, nested_in_body
from story_chains import (
    SAMPLES,
    edited_pair,
    load_sample_script,
    sample_content,
    story_chains,
)

from revdiff.errors import InconsistentPages, MalformedPage
from revdiff.formats import load
from revdiff.formats.elision import compared_versions, cut_version, cut_warning, fits_cut
from revdiff.formats.newsdiffs import ELISION, decode_js_string_literal, read_page
from revdiff.formats.newsdiffs_text import split_version_text
from revdiff.formats.open_elements import MAX_DEPTH
from revdiff.formats.page_joining import merge_articles
from revdiff.model import Article, Version
from revdiff.render.newsdiffs import (
    DiffPageInfo,
    diff_path,
    escape_js,
    render_raw_page,
    render_rendered_page,
)

PAGES = SAMPLES / "newsdiffs"


def archived_at(minute: int) -> datetime:
    """A version's time as its page gives it whole: its date line and its Archived date agree."""
    return datetime(2020, 1, 3, 15, 0, tzinfo=UTC) + timedelta(minutes=minute)


def decode(literal: str) -> str:
    value, end = decode_js_string_literal(literal, 0, "test")
    assert end == len(literal)
    return value


@pytest.mark.parametrize(("literal", "expected"), [
    (r"'plain'", "plain"),
    (r"'it\'s'", "it's"),
    (r'"say \"hi\""', 'say "hi"'),
    (r"'back\\slash'", "back\\slash"),
    (r"'line\nbreak\ttab\r'", "line\nbreak\ttab\r"),
    (r"'\u0041\u00e9\u2014'", "Aé—"),
    (r"'\x41\x7a'", "Az"),
    (r"'\u{1F600}'", "😀"),
    (r"'\uD83D\uDE00'", "😀"),  # a surrogate pair written as two escapes
    (r"'lone \uD83D'", "lone \ud83d"),  # kept, for read_page to replace and warn of
    ("'joined \\\nline'", "joined line"),  # line continuation
    (r"'\0 \101'", "\0 A"),
    (r"'\/ \q'", "/ q"),
    (r"'\u003Cb\u003E \u0026 \u003D'", "<b> & ="),
])
def test_js_literal_escapes_decode(literal: str, expected: str) -> None:
    assert decode(literal) == expected


@pytest.mark.parametrize("literal", [r"'never ends", "'raw\nnewline'", r"'\u12'", r"'\xZZ'",
                                     r"'\u{110000}'", "'ends in backslash\\"])
def test_broken_js_literals_are_malformed(literal: str) -> None:
    with pytest.raises(MalformedPage):
        decode_js_string_literal(literal, 0, "page.html")


def test_a_bad_escape_is_named_as_written_with_what_to_do() -> None:
    """The message doubled the backslash (`'\\\\uZZZZ'`) and said nothing of what to do."""
    with pytest.raises(MalformedPage) as raised:
        decode_js_string_literal(r"'\uZZZZ'", 0, "page.html")
    assert str(raised.value) == ("page.html: bad escape \\uZZZZ in a JavaScript string (the "
                                 "page's script is damaged; save the page again from NewsDiffs)")


@given(st.text())
def test_escapejs_output_decodes_to_the_original(text: str) -> None:
    assert decode("'" + escape_js(text) + "'") == text


def test_escapejs_leaves_nothing_that_could_end_a_script() -> None:
    escaped = escape_js("</script><!-- 'x' \"y\" \n \u2028")
    for dangerous in ("<", ">", "'", '"', "\n", "\u2028"):
        assert dangerous not in escaped


def test_version_text_splits_into_header_and_paragraphs() -> None:
    parsed = split_version_text("January 3, 2020\nThe title\nBy A. Writer\n\nOne.\n\nTwo\nlines.\n")
    assert (parsed.date, parsed.title, parsed.byline) == ("January 3, 2020", "The title",
                                                          "By A. Writer")
    assert parsed.paragraphs == ("One.", "Two lines.")
    assert parsed.has_header


def test_a_body_without_blank_lines_is_one_paragraph_a_line() -> None:
    """Early NYT versions put single newlines between paragraphs: each version was read as one
    paragraph, as plain versions without blank lines are not."""
    parsed = split_version_text("January 3, 2020\nThe title\nBy A. Writer\n\nOne.\nTwo.\n  Three.\n")
    assert parsed.paragraphs == ("One.", "Two.", "Three.")
    old = "January 3, 2020\nT\nB\n\nOne.\nTwo.\n"
    new = "January 3, 2020\nT\nB\n\nOne.\nTwo, changed.\n"
    page = (f"<html><body><script>var text1 = '{escape_js(old)}'; var text2 = '{escape_js(new)}';"
            "</script></body></html>")
    assert [v.paragraphs for v in read_page(page, "page.html").versions] == [
        ("One.", "Two."), ("One.", "Two, changed.")]


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_a_lone_carriage_return_inside_a_line_does_not_end_it(line_end: str) -> None:
    """NewsDiffs writes its version texts with newline line ends; a lone CR in one (`&#13;` in a
    saved page's `#compare`, `\\r` in a version literal) ended a line: one inside the byline
    moved the rest of the byline into the first paragraph. CR LF still ends a line."""
    text = line_end.join(["January 3, 2020", "The title", "By A. Writer\rand B. Writer", "",
                          "One.", "", "Two.", ""])
    parsed = split_version_text(text)
    assert (parsed.date, parsed.title, parsed.byline) == ("January 3, 2020", "The title",
                                                          "By A. Writer and B. Writer")
    assert parsed.paragraphs == ("One.", "Two.")
    page = (f"<html><body><script>var text1 = '{escape_js(text)}'; "
            f"var text2 = '{escape_js(text.replace('Two.', 'Three.'))}';</script></body></html>")
    versions = read_page(page, "page.html").versions
    assert [v.paragraphs for v in versions] == [("One.", "Two."), ("One.", "Three.")]


def test_a_carriage_return_entity_in_a_rendered_byline_does_not_end_it() -> None:
    old = Version(0, "T", ("One.", "Two."), archived_at(0))
    new = Version(1, "T", ("One.", "Three."), archived_at(60))
    byline = "By A. Writer and B. Writer"
    page = render_rendered_page(old, new, DiffPageInfo("https://example.com/a", old_byline=byline,
                                                       new_byline=byline), elide_context=False)
    page = page.replace("Writer and B.", "Writer&#13;and B.")
    assert "&#13;" in page
    versions = read_page(page, "page.html").versions
    assert [v.paragraphs for v in versions] == [("One.", "Two."), ("One.", "Three.")]


@pytest.mark.parametrize("date_line", ["June 2, 2013", "2013-06-02",
                                       "Published: Jan 3, 2020 10:30 a.m. ET",
                                       "Updated Jan 3, 2020 10:30 AM"])
def test_a_correction_right_after_the_byline_leaves_the_header_a_header(date_line: str) -> None:
    """NewsDiffs' NYT parser puts a version's top correction right after the byline, with no
    blank line: the date, title and byline were read as paragraphs, and the text as having no
    header. A date alone in ISO 8601 (as revdiff writes a version timed by its date alone) is
    a date line too, and so is a time after a label (`Published:`), which was not one."""
    parsed = split_version_text(f"{date_line}\nThe title\nBy A. Writer\nCorrection: a name.\n"
                                "One.\nTwo.\n")
    assert (parsed.date, parsed.title, parsed.byline) == (date_line, "The title", "By A. Writer")
    assert parsed.paragraphs == ("Correction: a name.", "One.", "Two.")
    assert parsed.has_header


@pytest.mark.parametrize(("text", "byline"), [("The title\nBy A. Writer\n\nOne.\n\nTwo.\n", "By A. Writer"),
                                               ("The title\n\n\nOne.\n\nTwo.\n", "")])
def test_a_version_without_a_date_starts_at_its_title(text: str, byline: str) -> None:
    """NewsDiffs strips a version text, and with it the newline of an empty date line (the
    Washington Post parser's, where the page gives no date): the title and byline were read as
    paragraphs, and the text as having no header."""
    parsed = split_version_text(text)
    assert (parsed.date, parsed.title, parsed.byline) == ("", "The title", byline)
    assert parsed.paragraphs == ("One.", "Two.")
    assert parsed.has_header


def test_a_date_line_without_a_time_of_day_gives_the_date_alone() -> None:
    """A version dated `January 3, 2020` was timed at its midnight, shown and ordered as if the
    page gave that time: it keeps the date alone (ISO 8601, as a file name's date), warned once."""
    page = ("<html><script>var text1 = 'January 3, 2020\\nT\\nB\\n\\nOne.'; "
            "var text2 = 'January 4, 2020\\nT\\nB\\n\\nTwo.';</script></html>")
    article = read_page(page, "p.html")
    assert [(v.time, v.time_text) for v in article.versions] == [(None, "2020-01-03"),
                                                                 (None, "2020-01-04")]
    assert article.metadata["date.0"] == "January 3, 2020"
    dated_only = ("p.html: the old and new versions' date lines give a date but no time of day, "
                  "and the page no Archived time; the time is the date alone")
    assert [w for w in article.warnings if "time of day" in w] == [dated_only]


def test_a_raw_page_cuts_no_version_to_the_mark() -> None:
    """The literals of a raw page are complete: a paragraph of them that reads `[...]` is text,
    but the page said the version was cut there, and its comparison left the paragraph out."""
    page = ("<html><script>var text1 = 'd\\nT\\nB\\n\\nOne.\\n\\n[...]'; "
            "var text2 = 'd\\nT\\nB\\n\\nOne.';</script></html>")
    article = read_page(page, "p.html")
    assert article.versions[0].paragraphs == ("One.", ELISION)
    assert not [w for w in article.warnings if cut_version(w) is not None]


def test_date_lines_that_are_no_dates_are_warned_of_once_a_page() -> None:
    # each was warned of apart, where the date-alone warning came once for both
    page = ("<html><script>var text1 = 'sometime on Friday\\nT\\nB\\n\\nOne.'; "
            "var text2 = 'later\\nT\\nB\\n\\nTwo.';</script></html>")
    article = read_page(page, "p.html")
    assert [v.time_text for v in article.versions] == ["sometime on Friday", "later"]
    both = ("p.html: the old and new versions' date lines 'sometime on Friday' and 'later' are "
            "not dates; kept as text, and the versions have no time")
    assert [w for w in article.warnings if "not a date" in w or "not dates" in w] == [both]


def test_an_archived_time_times_a_version_whose_date_line_gives_a_date_alone() -> None:
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    start = page.index("var text1 = '") + len("var text1 = '")
    line_end = page.index("\\u000A", start)
    article = read_page(page[:start] + "January 3, 2020" + page[line_end:], "p.html")
    assert article.versions[0].time == datetime(2020, 1, 3, 15, 40)
    assert not any("time of day" in w for w in article.warnings)


@settings(max_examples=60, deadline=None)
@given(edited_pair(), st.text("ABC xyz.", max_size=12))
def test_raw_page_round_trips(pair: tuple[Version, Version], byline: str) -> None:
    old, new = pair
    info = DiffPageInfo("https://www.nytimes.com/2020/01/03/world/a.html?x=1&y=2", byline.strip())
    article = read_page(render_raw_page(old, new, info), "page.html")
    assert article.versions == (old, new)
    assert article.url == info.url
    assert article.source == "nyt"  # as News Sniffer and the NewsDiffs archive name it
    # a version without a time has no Archived date ("Archived unknown date"), which is warned of
    archived_warnings = [w for w in article.warnings if "Archived" in w]
    assert len(archived_warnings) == (old.time is None or new.time is None)
    assert len(article.warnings) == len(archived_warnings)


@settings(max_examples=60, deadline=None)
@given(edited_pair())
def test_rendered_page_without_cuts_round_trips(pair: tuple[Version, Version]) -> None:
    old, new = pair
    page = render_rendered_page(old, new, DiffPageInfo("https://example.com/a"),
                                elide_context=False)
    assert "var text1" not in page
    assert read_page(page, "page.html").versions == (old, new)


def is_subsequence(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    remaining = iter(whole)
    return all(any(p == w for w in remaining) for p in part)


@settings(max_examples=80, deadline=None)
@given(edited_pair())
def test_rendered_page_with_cuts_keeps_whole_paragraphs_and_warns(
        pair: tuple[Version, Version]) -> None:
    old, new = pair
    article = read_page(render_rendered_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    for original, read in zip((old, new), article.versions):
        assert (read.number, read.title, read.time) == (original.number, original.title,
                                                        original.time)
        kept = tuple(p for p in read.paragraphs if p != ELISION)
        assert is_subsequence(kept, original.paragraphs)
        if ELISION not in read.paragraphs:
            assert read.paragraphs == original.paragraphs
    cut = [v.number for v in article.versions if ELISION in v.paragraphs]
    assert cut == [cut_version(w) for w in article.warnings if "incomplete" in w]


def test_a_labelled_date_line_is_read_and_its_ambiguous_zone_warned_of() -> None:
    """`Published: Jan 3, 2020 10:30 a.m. ET` was no date: the version kept it as text. ET is
    EST or EDT by the season: the time is read as written, in no zone, and the zone named."""
    old = Version(1, "T", ("One.",), None, "Published: Jan 3, 2020 10:30 a.m. ET")
    new = Version(2, "T", ("Two.",), None, "Updated: Jan. 3, 2020 11:45 a.m. ET")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert [v.time for v in article.versions] == [datetime(2020, 1, 3, 10, 30),
                                                  datetime(2020, 1, 3, 11, 45)]
    assert [warning for warning in article.warnings if "zone" in warning] == [
        ("page.html: the old and new versions' date lines 'Published: Jan 3, 2020 10:30 a.m. ET' "
         "and 'Updated: Jan. 3, 2020 11:45 a.m. ET' name the time zone 'ET', which is not read "
         "(unknown or ambiguous): read as written, in no zone")]


def test_long_unchanged_stretches_are_cut_like_the_site_does() -> None:
    # NewsDiffs keeps the paragraph after the first break of an unchanged run and the one before
    # its last break, and cuts the rest to [...]; in the final run it keeps only the first.
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    old = Version(1, "T", p)
    new = Version(2, "T", (*p[:4], "Inserted middle.", *p[4:]))
    article = read_page(render_rendered_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert article.versions[0].paragraphs == (p[0], ELISION, p[3], p[4], p[5], ELISION)
    assert article.versions[1].paragraphs == (p[0], ELISION, p[3], "Inserted middle.", p[4], p[5],
                                              ELISION)
    assert [cut_version(w) for w in article.warnings if cut_version(w) is not None] == [1, 2]


def test_a_date_line_zone_not_read_is_warned_of_once_a_page() -> None:
    """A zone Python's email reader does not know (`CET`) was left out of the time silently."""
    old = Version(1, "T", ("One.",), None, "Thu, 10 Jan 2019 22:31:03 CET")
    new = Version(2, "T", ("Two.",), None, "Thu, 10 Jan 2019 23:31:03 CET")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert article.versions[1].time == datetime(2019, 1, 10, 23, 31, 3)
    # (the page also says it gives no Archived time: the renderer writes none it could read)
    assert [warning for warning in article.warnings if "zone" in warning] == [
        ("page.html: the old and new versions' date lines 'Thu, 10 Jan 2019 22:31:03 CET' and "
         "'Thu, 10 Jan 2019 23:31:03 CET' name the time zone 'CET', which is not read (unknown or "
         "ambiguous): read as written, in no zone")]


def test_date_lines_naming_two_zones_not_read_are_warned_of_each_with_its_own_line() -> None:
    old = Version(1, "T", ("One.",), None, "Thu, 10 Jan 2019 22:31:03 CET")
    new = Version(2, "T", ("Two.",), None, "Published: Jan 3, 2020 10:30 a.m. ET")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert [warning.split(", which")[0] for warning in article.warnings if "zone" in warning] == [
        ("page.html: the old version's date line 'Thu, 10 Jan 2019 22:31:03 CET' names the time "
         "zone 'CET'"),
        ("page.html: the new version's date line 'Published: Jan 3, 2020 10:30 a.m. ET' names the "
         "time zone 'ET'")]


OFFSET_OUT_OF_RANGE = ("is not a time: its zone offset {} is out of range (offsets run from -23:59 "
                       "to +23:59, their minutes from 00 to 59); the version is timed by its "
                       "Archived time instead (correct the offset in the file to have it read)")


@pytest.mark.parametrize(("old_line", "new_line", "warnings"), [
    ("Thu, 10 Jan 2019 25:31:03 +0000", "Fri, 03 Jan 2020 20:50:00 +0000",
     [("the old version's date line 'Thu, 10 Jan 2019 25:31:03 +0000' is not a time; the version "
       "is timed by its Archived time instead (correct the line to have it read)")]),
    ("2020-01-03T15:40:61+00:00", "Fri, 03 Jan 2020 20:50:99 +0000",
     [("the old and new versions' date lines '2020-01-03T15:40:61+00:00' and 'Fri, 03 Jan 2020 "
       "20:50:99 +0000' are not times; the versions are timed by their Archived time instead "
       "(correct the lines to have them read)")]),
    ("Thu, 10 Jan 2019 22:31:03 +2500", "Fri, 03 Jan 2020 20:50:00 -0160",
     ["the old version's date line 'Thu, 10 Jan 2019 22:31:03 +2500' "
      + OFFSET_OUT_OF_RANGE.format("+2500"),
      "the new version's date line 'Fri, 03 Jan 2020 20:50:00 -0160' "
      + OFFSET_OUT_OF_RANGE.format("-0160")]),
    ("Fri, 31 Dec 9999 23:59:59 -0100", "Fri, 03 Jan 2020 20:50:00 +0000",
     [("the old version's date line 'Fri, 31 Dec 9999 23:59:59 -0100' is not a time: its zone "
       "puts it outside the years 1 to 9999 in UTC; the version is timed by its Archived time "
       "instead (correct its date or offset in the file to have it read)")]),
])
def test_a_date_line_that_is_no_time_where_the_archived_time_times_it_is_warned_of(
        old_line: str, new_line: str, warnings: list[str]) -> None:
    """The Archived time timed a version whose date line could not be read without a word; one
    whose zone offset is out of range was "not a time" without saying why, where a page without
    Archived times names the offset."""
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    for literal, line in (("var text1 = '", old_line), ("var text2 = '", new_line)):
        start = page.index(literal) + len(literal)
        page = page[:start] + line + page[page.index("\\u000A", start):]
    article = read_page(page, "p.html")
    assert article.versions[0].time == datetime(2020, 1, 3, 15, 40)
    assert [w for w in article.warnings if "not a time" in w or "not times" in w] == [
        f"p.html: {warning}" for warning in warnings]


def test_a_date_line_that_is_no_time_on_a_page_without_archived_times_leaves_no_time() -> None:
    """Without an Archived date, a version whose date line is no time has no time: it was said to
    be "timed by its Archived time instead", as both were None."""
    page = ("<html><script>var text1 = 'sometime on Friday\\nT\\nB\\n\\nOne.'; "
            "var text2 = 'Thu, 10 Jan 2019 22:31:03 +2500\\nT\\nB\\n\\nTwo.';</script></html>")
    article = read_page(page, "p.html")
    assert [v.time for v in article.versions] == [None, None]
    assert [w for w in article.warnings if "date line '" in w] == [
        ("p.html: the new version's date line 'Thu, 10 Jan 2019 22:31:03 +2500' is not a time: its "
         "zone offset +2500 is out of range (offsets run from -23:59 to +23:59, their minutes from "
         "00 to 59); kept as text, and the version has no time (correct the offset in the file to "
         "have it read)"),
        ("p.html: the old version's date line 'sometime on Friday' is not a date; kept as text, and "
         "the version has no time")]


def test_a_date_line_at_a_leap_second_is_read_at_second_59_and_warned_of() -> None:
    """A date line at `23:59:60` was "not a date; kept as text", without saying why."""
    old = Version(1, "T", ("One.",), None, "2016-12-31 23:59:60")
    new = Version(2, "T", ("Two.",), None, "Sat, 31 Dec 2016 23:59:60 GMT")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert [v.time for v in article.versions] == [datetime(2016, 12, 31, 23, 59, 59),
                                                  datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)]
    assert [w for w in article.warnings if "leap second" in w] == [
        (f"page.html: the {side} version's date line {line!r} is at a leap second (second 60), "
         "which revdiff's times cannot hold: read as second 59, a second early, which keeps the "
         "versions' order; nothing to correct")
        for side, line in (("old", old.time_text), ("new", new.time_text))]
    assert not any("not a" in w for w in article.warnings)


def test_a_date_line_whose_zone_offset_is_out_of_range_says_so() -> None:
    """A date line ending in an offset no zone has was "not a date; kept as text", which did not
    say what was wrong with it."""
    old = Version(1, "T", ("One.",), None, "Thu, 10 Jan 2019 22:31:03 +2500")
    new = Version(2, "T", ("Two.",), None, "2019-01-10T23:31:03-01:60")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert [v.time_text for v in article.versions] == [old.time_text, new.time_text]
    assert [w for w in article.warnings if "Archived" not in w] == [
        (f"page.html: the {side} version's date line {line!r} is not a time: its zone offset "
         f"{offset} is out of range (offsets run from -23:59 to +23:59, their minutes from 00 to "
         "59); kept as text, and the version has no time (correct the offset in the file to have "
         "it read)")
        for side, line, offset in (("old", old.time_text, "+2500"),
                                   ("new", new.time_text, "-01:60"))]


def test_a_date_line_out_of_range_in_utc_is_kept_as_text_naming_its_side() -> None:
    """A date line its zone puts outside the years 1 to 9999 in UTC refused the whole page, where
    one that is no time is kept as text with a warning."""
    old = Version(1, "T", ("One.",), None, "0001-01-01T00:00:00+01:00")
    new = Version(2, "T", ("Two.",), None, "Fri, 31 Dec 9999 23:59:59 -0100")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert [(v.time, v.time_text) for v in article.versions] == [
        (None, old.time_text), (None, new.time_text)]
    assert [w for w in article.warnings if "Archived" not in w] == [
        (f"page.html: the {side} version's date line {line!r} is not a time: its zone puts it "
         "outside the years 1 to 9999 in UTC; kept as text, and the version has no time (correct "
         "its date or offset in the file to have it read)")
        for side, line in (("old", old.time_text), ("new", new.time_text))]


def test_page_metadata() -> None:
    chain = story_chains()[0]
    article = read_page((PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8"), "raw")
    assert [v.number for v in article.versions] == [1, 2]
    assert article.metadata["byline.1"] == "Clark Mindock"
    assert article.metadata["archived.1"] == "January 03, 2020 at 3:40pm EDT"
    assert article.metadata["archived.2"] == "January 03, 2020 at 5:12pm EDT"
    assert article.metadata["previous_diff"].startswith("/diff/0/1/www.independent.co.uk/")
    assert article.metadata["next_diff"].startswith("/diff/2/3/")
    assert article.metadata["page_title"] == chain.versions[2].title


@pytest.mark.parametrize("name", ["us-deploys-troops-v1-v2-raw.html",
                                  "us-deploys-troops-v1-v2-rendered.html"])
def test_samples_give_back_the_chain_versions(name: str) -> None:
    chain = story_chains()[0]
    article = read_page((PAGES / name).read_text("utf-8"), name)
    assert article.versions == chain.versions[1:3]
    assert article.url == chain.url
    assert article.warnings == ()


def test_rendered_sample_with_a_cut_warns() -> None:
    chain = story_chains()[2]
    article = read_page((PAGES / "us-sends-3000-troops-v1-v2-rendered.html").read_text("utf-8"),
                        "page")
    assert article.warnings
    for original, read in zip(chain.versions[1:], article.versions):
        assert ELISION in read.paragraphs
        assert is_subsequence(tuple(p for p in read.paragraphs if p != ELISION),
                              original.paragraphs)


@pytest.mark.parametrize("script", ["make_samples", "make_tracker_samples"])
def test_samples_are_what_their_script_writes(script: str, tmp_path: Path) -> None:
    written = load_sample_script(script).write_samples(tmp_path)
    assert written
    for path in written:
        committed = SAMPLES / path.relative_to(tmp_path)
        assert sample_content(committed) == sample_content(path), \
            f"rerun samples/{script}.py: {committed}"


@pytest.mark.parametrize("script", ["make_samples", "make_tracker_samples"])
def test_a_sample_script_asked_for_help_prints_it_and_writes_nothing(script: str) -> None:
    """`--help` was ignored like any argument: the script rewrote the committed samples (the
    SQLite ones in the bytes of the SQLite library at hand) and printed their paths."""
    before = {path: path.stat().st_mtime_ns for path in SAMPLES.rglob("*") if path.is_file()}
    run = subprocess.run([sys.executable, str(SAMPLES / f"{script}.py"), "--help"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage:") and "--out" in run.stdout
    assert {path: path.stat().st_mtime_ns for path in before} == before


@pytest.mark.parametrize("script", ["make_samples", "make_tracker_samples"])
def test_a_sample_script_writes_into_the_folder_given(script: str, tmp_path: Path) -> None:
    """`--out DIR` regenerates the samples there, to compare with the committed ones."""
    run = subprocess.run([sys.executable, str(SAMPLES / f"{script}.py"), "--out", str(tmp_path)],
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    written = [tmp_path / line for line in run.stdout.splitlines()]
    assert written and all(path.is_file() for path in written)
    for path in written:
        assert sample_content(SAMPLES / path.relative_to(tmp_path)) == sample_content(path)


@pytest.mark.parametrize("script", ["make_samples", "make_tracker_samples"])
@pytest.mark.parametrize("arguments", [["--out", "{out}"], ["--help"]], ids=["out", "help"])
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "unbuffered"])
def test_a_sample_script_whose_reader_has_gone_ends_quietly(
        script: str, arguments: list[str], unbuffered: str, tmp_path: Path) -> None:
    """Piped into a reader that had gone (`| head -1`), the scripts ended with a BrokenPipeError
    traceback (exit 1) or Python's `Exception ignored ... BrokenPipeError` (exit 120)."""
    piped = tmp_path / "piped"
    reader, writer = os.pipe()
    os.close(reader)
    try:
        run = subprocess.run([sys.executable, str(SAMPLES / f"{script}.py"),
                              *(argument.format(out=piped) for argument in arguments)],
                             stdout=writer, stderr=subprocess.PIPE, text=True, timeout=120,
                             env={**os.environ, "PYTHONUNBUFFERED": unbuffered}, check=False)
    finally:
        os.close(writer)
    assert (run.returncode, run.stderr) == (0, "")
    if arguments[0] == "--out":  # every sample written whole, though none could be listed
        expected = tmp_path / "expected"
        expected.mkdir()
        for path in load_sample_script(script).write_samples(expected):
            name = path.relative_to(expected)
            assert sample_content(piped / name) == sample_content(SAMPLES / name)


def test_a_sample_script_started_without_stdout_writes_the_samples(tmp_path: Path) -> None:
    """`>&-`: Python's stdout is None, which the end of a closed pipe must not stumble on."""
    run = subprocess.run([sys.executable, str(SAMPLES / "make_samples.py"), "--out", str(tmp_path)],
                         preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True,
                         timeout=120, check=False)
    assert (run.returncode, run.stderr) == (0, "")
    assert sample_content(tmp_path / "newsedits.sqlite") == sample_content(SAMPLES / "newsedits.sqlite")


def test_a_database_sample_written_by_another_sqlite_is_the_same_sample(tmp_path: Path) -> None:
    """The samples were compared byte for byte, so a Python built with another SQLite failed the
    check above on newsedits.sqlite: SQLite writes its own version number into the file's header."""
    written = tmp_path / "newsedits.sqlite"
    written.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    with written.open("r+b") as handle:
        handle.seek(96)  # SQLITE_VERSION_NUMBER of the library that last wrote the file
        handle.write((3_045_001).to_bytes(4, "big"))
    assert sample_content(written) == sample_content(SAMPLES / "newsedits.sqlite")


def test_pilcrows_and_whitespace_between_runs_are_not_text() -> None:
    page = ("<html><body><div id='compare'>\n  <span>d\u00b6<br>T\u00b6<br>\u00b6<br>\u00b6<br>"
            "Same </span>\n <del>old</del><ins>new</ins><span>.</span>\n</div></body></html>")
    old, new = read_page(page, "p").versions
    assert old.paragraphs == ("Same old.",) and new.paragraphs == ("Same new.",)
    assert old.title == new.title == "T"


@pytest.mark.parametrize("wrapper", ["div", "pre"])
def test_runs_wrapped_in_an_element_of_their_own_are_told_apart(wrapper: str) -> None:
    """Runs that a saved page wraps in an element inside #compare were read as one kept run:
    both versions held the deleted and the inserted words."""
    page = (f"<html><body><div id='compare'><{wrapper} class='diff'>\n<span>d\u00b6<br>T\u00b6<br>"
            f"\u00b6<br>\u00b6<br>Same </span>\n<del>old</del><ins>new</ins><span>.</span>"
            f"</{wrapper}></div></body></html>")
    old, new = read_page(page, "p").versions
    assert old.paragraphs == ("Same old.",) and new.paragraphs == ("Same new.",)
    assert old.title == new.title == "T"


def test_version_texts_in_an_html_comment_are_not_the_pages() -> None:
    """Literals an HTML comment held before the page's script (code commented out) were read as
    the versions, and the page's own texts passed over; a script's body that old pages wrap in
    `<!-- ... //-->` is still the script."""
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    script = '<script type="text/javascript">'
    commented = page.replace(script, "<!-- var text1 = 'Old\\nT\\nB\\n\\nOld.'; "
                                     "var text2 = 'Old\\nT\\nB\\n\\nOlder.'; -->\n" + script)
    wrapped = page.replace(script, script + "<!--").replace("</script>\n<style", "//-->\n</script>\n<style")
    assert page != commented and page != wrapped
    assert read_page(commented, "p.html") == read_page(page, "p.html")
    assert read_page(wrapped, "p.html") == read_page(page, "p.html")


def test_page_without_texts_or_comparison_is_malformed() -> None:
    with pytest.raises(MalformedPage, match="div#compare"):
        read_page("<html><body><p>var text1 is gone</p></body></html>", "p.html")


def test_page_saved_before_the_script_ran_is_malformed() -> None:
    with pytest.raises(MalformedPage, match="before its script ran"):
        read_page("<html><body><div id='compare'>\n</div></body></html>", "p.html")


def test_page_with_one_text_is_malformed() -> None:
    with pytest.raises(MalformedPage, match="text2"):
        read_page("<html><script>var text1 = 'a\\nb\\nc\\n\\nd';</script></html>", "p.html")


def test_a_page_that_assigns_a_version_text_twice_is_refused() -> None:
    """The first `var text1` was read, where a browser runs the last: the page shows a text
    revdiff did not read. A literal that holds `var text2 = '...'` is no assignment."""
    once = ("<html><script>var text1 = 'a\\nb\\nc\\n\\nd'; "
            "var text2 = \"e\\nb\\nc\\n\\nvar text2 = 'x';\";</script></html>")
    assert read_page(once, "p.html").versions[1].paragraphs == ("var text2 = 'x';",)
    twice = once.replace("</script>", "var text1 = 'f\\nb\\nc\\n\\ng';</script>")
    with pytest.raises(MalformedPage) as raised:
        read_page(twice, "p.html")
    assert str(raised.value) == (
        "p.html: the page assigns var text1 twice, so which version text it shows depends on its "
        "script (save the page again from NewsDiffs, or give the version files)")


def test_truncated_page_is_malformed() -> None:
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    with pytest.raises(MalformedPage, match="truncated"):
        read_page(page[: len(page) // 2], "p.html")
    body = page[page.index("var text1"):]
    with pytest.raises(MalformedPage, match="never ends"):
        read_page(body[:200], "p.html")


def test_a_rendered_piece_of_a_page_cut_short_is_malformed() -> None:
    """A piece of a rendered page without <html> (no missing </html> to tell it by), cut inside
    the comparison, was read as complete, its versions short of their last paragraphs."""
    page = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    piece = page.replace("<html", "<div").replace("</html>", "</div>")
    assert read_page(piece, "p.html").versions == read_page(page, "p.html").versions
    with pytest.raises(MalformedPage, match=r"truncated: its comparison \(div#compare\) does "
                                            "not end"):
        read_page(piece[: len(piece) * 6 // 10], "p.html")


def test_a_rendered_piece_of_a_page_holding_an_element_named_html_x_is_whole() -> None:
    """A custom element (`<html-frame>`) is no `<html>`: a piece of a page holding one was
    refused as a page cut short before its `</html>`."""
    page = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    piece = page.replace("<html", "<div").replace("</html>", "</div>")
    framed = piece.replace('<div id="compare">', '<html-frame></html-frame><div id="compare">', 1)
    assert framed != piece
    assert read_page(framed, "p.html").versions == read_page(page, "p.html").versions


def test_a_comparison_closed_after_elements_of_its_kind_is_whole() -> None:
    page = ("<div id=compare><div><span>d<br>T<br><br><br>Same </span><del>old</del><ins>new"
            "</ins></div><div/><DIV\n class='x'><span>.</span></DIV></div>")
    old, new = read_page(page, "p").versions
    assert old.paragraphs == ("Same old.",) and new.paragraphs == ("Same new.",)
    with pytest.raises(MalformedPage, match="does not end"):
        read_page(page.removesuffix("</div>"), "p")


@pytest.mark.parametrize("hidden", ['<script>var note = "<ins>x</ins>";</script>',
                                    "<style>del { color: red }</style>",
                                    "<template><span>x</span></template>",
                                    "<noscript>Turn on JavaScript to see the changes</noscript>",
                                    "<iframe>Your browser shows no frames</iframe>",
                                    "<noembed>x</noembed>", "<noframes>x</noframes>"])
def test_scripts_and_styles_in_the_comparison_are_no_text(hidden: str) -> None:
    """A script, style or template a saved page put in #compare (or in one of its runs) was read
    as version text: its code ran into the date line, so the versions lost their times. So was
    a noscript, iframe, noembed or noframes element's text, which a browser that runs scripts
    and shows frames never shows."""
    page = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    with_hidden = page.replace('<div id="compare">', f'<div id="compare">{hidden}').replace(
        "<span>.</span></div>", f"<span>{hidden}.</span></div>")
    assert with_hidden != page
    assert read_page(with_hidden, "p.html") == read_page(page, "p.html")


@pytest.mark.parametrize("bogus", ["<?php echo 1 ?>", "<![CDATA[ note ]]>", "<!DOCTYPE html>",
                                   "<!ELEMENT x ANY>"])
def test_a_bogus_comment_or_doctype_in_the_comparison_is_no_text(bogus: str) -> None:
    """A processing instruction, CDATA section or doctype in #compare, which a browser reads as
    a comment or drops, was read as version text (`php echo 1 ?` ran into the title)."""
    page = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    with_bogus = page.replace('<div id="compare">', f'<div id="compare">{bogus}').replace(
        "<span>.</span></div>", f"<span>{bogus}.</span></div>")
    assert with_bogus != page
    assert read_page(with_bogus, "p.html") == read_page(page, "p.html")


@pytest.mark.parametrize("earlier", ['<a id="Compare" href="#compare">To the comparison</a>',
                                     "<!-- <div id=compare> is filled in by a script -->"])
def test_an_earlier_id_compare_does_not_make_a_whole_page_truncated(earlier: str) -> None:
    """The check that the comparison ends counted from the first `id=compare` in the page, in
    any case and even in a comment, so a whole page was refused as truncated."""
    page = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    with_earlier = page.replace("<body>", f"<body>\n{earlier}")
    assert read_page(with_earlier, "p.html").versions == read_page(page, "p.html").versions
    with pytest.raises(MalformedPage, match="does not end"):
        read_page(with_earlier.replace("<html", "<div").replace("</html>", "</div>")[:-300],
                  "p.html")


def test_a_page_that_names_no_article_url_says_so() -> None:
    # it was read without a URL or source, without a word
    page = "<html><div id=compare><span>May 1, 2020<br>T<br>B<br><br>One.</span></div></html>"
    article = read_page(page, "p.html")
    assert (article.url, article.source) == (None, None)
    no_url = ("p.html: the page names no article URL (no link in its <h3> heading, no article_url "
              "form field, no a#original link); its source is unknown, and it is not joined with "
              "other pages of its article")
    assert [w for w in article.warnings if "URL" in w] == [no_url]


# A diff page of NewsDiffs' German fork (newsdiffs.de): the article's URL in a link `zum
# Original`, the Archived dates in German (`Archiviert am 03.02.2016 - 10:05 Uhr`), the
# neighbouring diffs' links at `/diffview/?vid1=..&vid2=..`, labelled in German, no upvote form
_GERMAN_FORK_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>newsdiffs.de | Artikel</title>
<script type="text/javascript">
  var text1 = 'February 3, 2016\\nHafen wird ausgebaut\\nVon A. Muster\\n\\nEins.\\n\\nZwei.';
  var text2 = 'February 3, 2016\\nHafen wird doch ausgebaut\\nVon A. Muster\\n\\nEins.\\n\\nDrei.';
</script></head><body>
<ul class="pager">
<li class="previous"><a href="/diffview/?vid1=40&amp;vid2=41"><span>&larr;</span>ältere Änderung</a></li>
<li><a href="/article-history/?id=7">Versionsübersicht</a></li>
<li class="next"><a href="/diffview/?vid1=42&amp;vid2=43">neuere Änderung <span>&rarr;</span></a></li>
</ul>
<h2>Hafen wird doch ausgebaut</h2>
<p>Quelle:<a href="http://www.zeitung.example">www.zeitung.example</a>
(<a id="original" href="http://www.zeitung.example/hafen-123.html">zum Original</a>)</p>
<ul class="del-ins"><li><del>Rot: Archiviert am 03.02.2016 - 10:05 Uhr</del></li>
<li><ins>Grün: Archiviert am 03.02.2016 - 12:07 Uhr</ins></li></ul>
<p id="compare" class="content"></p>
</body></html>
"""


def test_a_diff_page_of_the_german_fork_gives_its_versions_ids_times_and_url() -> None:
    """A newsdiffs.de page was read without its article URL, numbered 0 and 1 and timed by no
    Archived date, as its link, labels and dates are in German and its address another."""
    article = read_page(_GERMAN_FORK_PAGE, "de.html")
    assert [(v.number, v.title, v.paragraphs, v.time) for v in article.versions] == [
        (41, "Hafen wird ausgebaut", ("Eins.", "Zwei."), datetime(2016, 2, 3, 10, 5)),
        (42, "Hafen wird doch ausgebaut", ("Eins.", "Drei."), datetime(2016, 2, 3, 12, 7))]
    assert article.url == "http://www.zeitung.example/hafen-123.html"
    assert article.source == "zeitung.example"
    assert article.warnings == ()


def test_text_without_header_is_read_as_paragraphs_with_one_warning_a_page() -> None:
    # it was warned of once for the old and once for the new text
    page = "<script>var text1 = 'One.\\n\\nTwo.'; var text2 = 'One.\\n\\nTwo!';</script>"
    article = read_page(page, "p.html")
    assert article.versions[1].paragraphs == ("One.", "Two!")
    both = ("p.html: the old and new versions' texts do not start with date, title and byline "
            "lines; read as paragraphs only")
    assert [w for w in article.warnings if "date, title and byline" in w] == [both]
    new_with_header = read_page(page.replace("'One.\\n\\nTwo!'", "'May 1, 2020 at 3:04pm\\nT\\nB"
                                             "\\n\\nOne.\\n\\nTwo!'"), "p.html")
    old_only = ("p.html: the old version's text does not start with date, title and byline lines; "
                "read as paragraphs only")
    assert [w for w in new_with_header.warnings if "date, title and byline" in w] == [old_only]


def test_a_text_without_header_of_three_paragraphs_or_more_keeps_them_all() -> None:
    """A text without header whose fourth line is blank (`One.\\n\\nTwo.\\n\\nThree.`) was read as
    the date line `One.`, an empty title and the byline `Two.`: two paragraphs were lost without
    a warning. A header's title line is blank only under a date line that reads as a date."""
    page = ("<script>var text1 = 'One.\\n\\nTwo.\\n\\nThree.'; "
            "var text2 = 'One.\\n\\nTwo.\\n\\nThree!';</script>")
    article = read_page(page, "p.html")
    assert [version.paragraphs for version in article.versions] == [
        ("One.", "Two.", "Three."), ("One.", "Two.", "Three!")]
    assert any("read as paragraphs only" in warning for warning in article.warnings)
    untitled = split_version_text("January 3, 2020\n\nBy A. Writer\n\nOne.\n\nTwo.\n")
    assert (untitled.date, untitled.title, untitled.byline, untitled.paragraphs) == (
        "January 3, 2020", "", "By A. Writer", ("One.", "Two."))


def test_the_page_and_the_git_archive_read_one_version_text_alike(tmp_path: Path) -> None:
    """One body parser and one source naming for NewsDiffs pages and NewsDiffs git archives."""
    import git

    from revdiff.formats.gitrepo import read_repository

    text = ("January 7, 2014\nBudget  Talks Stall\nBy JANE DOE\n \t\n"
            "Talks stalled.\n\f\nA deal is\nnear.\n\v \nMore later.\n")
    path = "www.nytimes.com/2014/01/07/us/budget.html"
    repo = git.Repo.init(tmp_path / "2014-01", initial_branch="master")
    (tmp_path / "2014-01" / path).parent.mkdir(parents=True)
    (tmp_path / "2014-01" / path).write_text(text, encoding="utf-8")
    repo.index.add([path])
    repo.index.commit(f"Adding file {path}")
    (from_archive,) = read_repository(tmp_path / "2014-01")

    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    start = page.index("var text1 = '") + len("var text1 = '")
    page = page[:start] + escape_js(text) + page[page.index("';", start):]
    page = page.replace("https://www.independent.co.uk/", "https://www.nytimes.com/")
    from_page = read_page(page, "page.html")

    assert from_archive.versions[0].paragraphs == from_page.versions[0].paragraphs == (
        "Talks stalled.", "A deal is near.", "More later.")
    assert from_archive.versions[0].title == from_page.versions[0].title == "Budget Talks Stall"
    assert from_archive.source == from_page.source == "nyt"


def _write_chain_pages(tmp_path: Path, versions: list[Version]) -> list[str]:
    """One rendered page per consecutive pair, as a user saves them while browsing NewsDiffs."""
    names = []
    for k, (old, new) in enumerate(pairwise(versions)):
        path = tmp_path / f"page{k}.html"
        path.write_text(render_rendered_page(old, new, DiffPageInfo("https://example.com/a")),
                        "utf-8")
        names.append(str(path))
    return names


def test_rendered_pages_of_one_chain_join_where_one_page_cut_a_version(tmp_path: Path) -> None:
    # the second page cuts version 2 to [...]; the first shows it whole: they agree, and the
    # whole text is kept (this was refused as "two pages disagree about the text of version 2")
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    versions = [Version(1, "T", p[:2]), Version(2, "T", p),
                Version(3, "T", (*p[:4], "Inserted middle.", *p[4:]))]
    pages = _write_chain_pages(tmp_path, versions)
    [article] = load(pages)
    assert [v.number for v in article.versions] == [1, 2, 3]
    assert article.versions[1].paragraphs == p
    assert ELISION in article.versions[2].paragraphs


def test_a_page_that_cut_a_version_another_page_gives_whole_no_longer_warns(tmp_path: Path
                                                                            ) -> None:
    # the second page cuts versions 2 and 3; the first gives version 2 whole. The second page's
    # warning that its old text (version 2) is incomplete stayed on the article, which had it
    # whole; its warning about version 3, still cut, is true
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    versions = [Version(1, "T", p[:2], archived_at(1)), Version(2, "T", p, archived_at(2)),
                Version(3, "T", (*p[:4], "Inserted middle.", *p[4:]), archived_at(3))]
    first, second = _write_chain_pages(tmp_path, versions)
    assert [cut_version(w) for w in read_page(Path(second).read_text("utf-8"), second).warnings
            ] == [2, 3]
    for pages in ([first, second], [second, first]):
        [article] = load(pages)
        assert article.versions[1].paragraphs == p
        assert article.warnings == (cut_warning(second, "new", 3),)


def test_a_real_mark_a_raw_page_gives_stays_article_text_beside_a_page_that_cut_it(
        tmp_path: Path) -> None:
    # version 2 quotes a court filing with a paragraph that reads [...]: the raw page gives it
    # whole, the rendered page cuts it. The joined version is the raw page's, and its [...] is
    # compared as text; the rendered page's warning that version 2 is incomplete kept it a cut
    # mark, left out of every comparison
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    quoting = Version(2, "T", (*p[:3], ELISION, *p[3:]))
    info = DiffPageInfo("https://example.com/a")
    (tmp_path / "raw.html").write_text(render_raw_page(Version(1, "T", p), quoting, info), "utf-8")
    later = Version(3, "T", (*quoting.paragraphs[:6], "Inserted.", *quoting.paragraphs[6:]))
    (tmp_path / "cut.html").write_text(render_rendered_page(quoting, later, info), "utf-8")
    for pages in (["raw.html", "cut.html"], ["cut.html", "raw.html"]):
        [article] = load([str(tmp_path / page) for page in pages])
        assert compared_versions(article)[1].paragraphs == quoting.paragraphs
        assert [cut_version(w) for w in article.warnings if cut_version(w) is not None] == [3]


@pytest.mark.parametrize("warnings", [(), ("cut.html: the old text was cut short",)])
def test_a_cut_version_keeps_its_marks_out_whatever_the_warnings_say(
        warnings: tuple[str, ...]) -> None:
    # the cut is the version's, not its warning's wording: a notebook that clears the warnings
    # it has read, or a warning worded otherwise, left the [...] marks compared as article text
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    page = render_rendered_page(Version(1, "T", p), Version(2, "T", (*p[:6], "Inserted.", *p[6:])),
                                DiffPageInfo("https://example.com/a"))
    article = read_page(page, "cut.html")
    assert ELISION in article.versions[0].paragraphs
    reworded = replace(article, warnings=warnings)
    assert all(ELISION not in version.paragraphs for version in compared_versions(reworded))


def test_rendered_pages_that_cut_one_version_in_two_places_join(tmp_path: Path) -> None:
    p = tuple(f"Paragraph number {i} stays." for i in range(10))
    versions = [Version(1, "T", (*p[:8], "Old end.")), Version(2, "T", (*p[:8], "New end.")),
                Version(3, "T", ("New start.", *p[1:8], "New end."))]
    pages = _write_chain_pages(tmp_path, versions)
    [article] = load(pages)
    middle = article.versions[1].paragraphs
    assert ELISION in middle
    assert [cut_version(w) for w in article.warnings].count(2) == 2  # cut on both pages: it stays
    assert is_subsequence(tuple(x for x in middle if x != ELISION), versions[1].paragraphs)


def test_pages_that_disagree_beyond_a_cut_are_still_refused(tmp_path: Path) -> None:
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    first = render_rendered_page(Version(1, "T", p[:2]), Version(2, "T", p),
                                 DiffPageInfo("https://example.com/a"))
    other = (*p[:3], "Not what the other page says.", *p[4:])
    second = render_rendered_page(Version(2, "T", other),
                                  Version(3, "T", (*other[:4], "Inserted middle.", *other[4:])),
                                  DiffPageInfo("https://example.com/a"))
    (tmp_path / "a.html").write_text(first, "utf-8")
    (tmp_path / "b.html").write_text(second, "utf-8")
    assert ELISION in read_page(second, "b").versions[0].paragraphs
    with pytest.raises(InconsistentPages, match="disagree about the text of version 2") as error:
        load([str(tmp_path / "a.html"), str(tmp_path / "b.html")])
    # the two pages are named: the message named only the URL they share
    assert f"{tmp_path / 'a.html'} and {tmp_path / 'b.html'} disagree" in str(error.value)


@pytest.mark.parametrize(("cut", "whole", "fits"), [
    (("a", ELISION, "d"), ("a", "b", "c", "d"), True),
    (("a", ELISION), ("a", "b"), True),
    ((ELISION, "c"), ("a", "b", "c"), True),
    (("a", ELISION, "c", ELISION, "e"), ("a", "b", "c", "d", "e"), True),
    (("a", ELISION, "x"), ("a", "b", "c"), False),
    (("a", "b", ELISION, "b", "c"), ("a", "b", "c"), False),  # the stretches overlap
    (("b", ELISION), ("a", "b"), False),
])
def test_a_cut_version_fits_its_whole_text(cut: tuple[str, ...], whole: tuple[str, ...],
                                           fits: bool) -> None:
    assert fits_cut(cut, whole) is fits


def test_pages_joined_keep_what_only_one_of_them_gives_of_a_version() -> None:
    """The version with a time was kept whole: a flattened page's `about 1 hour later`, or a
    title only the other page gave, was lost."""
    seen = datetime(2020, 1, 4, 10, 0, tzinfo=UTC)
    timed = Article(None, "https://x.test/a", (Version(0, "", ("One.",)), Version(1, "", ("Two.",), seen)))
    flattened = Article(None, "https://x.test/a", (
        Version(0, "Title", ("One.",)), Version(1, "Title", ("Two.",), None, "about 1 hour later")))
    (article,) = merge_articles([timed, flattened], ["a.html", "a.txt"])
    assert article.versions[1] == Version(1, "Title", ("Two.",), seen, "about 1 hour later")
    assert article.versions[0].title == "Title"


@pytest.mark.parametrize("version_page_first", [True, False])
def test_pages_joined_keep_the_source_and_metadata_whatever_their_order(
        version_page_first: bool) -> None:
    # a version page names no source: given first, the diff page's source and metadata were lost
    version_page = Article(None, "https://x.test/a", (Version(1, "T", ("One.",)),),
                           metadata={"check_status": ""})
    diff_page = Article("bbc", "https://x.test/a", (Version(1, "T", ("One.",)),
                                                     Version(2, "T", ("Two.",))),
                        metadata={"first_seen": "2020-01-02", "check_status": "checked"})
    pages = [version_page, diff_page] if version_page_first else [diff_page, version_page]
    (article,) = merge_articles(pages, ["v.html", "d.html"])
    assert article.source == "bbc"
    assert article.metadata == {"first_seen": "2020-01-02", "check_status": "checked"}


@pytest.mark.parametrize("prefix", ["https://web.archive.org/web/20200105123456/",
                                    "/web/20200105123456/", "//web.archive.org/web/2020id_/"])
def test_a_page_the_wayback_machine_serves_names_the_article_not_the_archive(
        prefix: str) -> None:
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    url = "https://www.independent.co.uk/news/world/americas/us-troops-middle-east-iran-soleimani.html"
    served = page.replace(f'<h3><a href="{url}">', f'<h3><a href="{prefix}{url}">')
    assert served != page
    article = read_page(served, "wayback")
    assert article.url == url
    assert article.source == "independent"
    # so it joins the same article's pages saved from NewsDiffs itself
    direct = read_page(page, "direct")
    assert len(merge_articles([article, direct], ["wayback", "direct"])) == 1


@pytest.mark.parametrize("value", ["3f1e2d4c5b6a79880123456789abcdef01234567", "Version object"])
def test_an_upvote_form_without_numbers_leaves_the_ids_to_the_page_url(value: str) -> None:
    # refused as damaged ("version id (diff_v1) ... is not a number"), though its texts are whole
    page = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    for name, number in (("diff_v1", 1), ("diff_v2", 2)):
        page = page.replace(f'name="{name}" value="{number}"', f"name={name} value={value}")
    assert 'value="1"' not in page
    article = read_page(page, "old template")
    # from the `saved from url=` comment's /diff/1/2/ path
    assert [v.number for v in article.versions] == [1, 2]
    assert article.versions[1].paragraphs == story_chains()[0].versions[2].paragraphs


ARTICLE_URL = "https://www.nytimes.com/2020/01/03/world/troops.html"
# NewsDiffs numbers versions by database ids: those of one article need not follow each other
SERVED = tuple(Version(number, "Troops", (f"Version {number} says this.", "Kept."),
                       archived_at(number - 100))
               for number in (101, 102, 105, 109))


def served_page(index: int, form_values: bool = True) -> str:
    """The page of versions `index` and `index + 1` of SERVED as the NewsDiffs server sends it
    from its later template: the upvote form commented out, with the ids (or, as that template
    printed its objects, `Version object`) in it, and the revision links of FORMATS.md §3."""
    old, new = SERVED[index], SERVED[index + 1]
    info = DiffPageInfo(
        ARTICLE_URL,
        previous_diff=diff_path(SERVED[index - 1], old, ARTICLE_URL) if index > 0 else None,
        next_diff=(diff_path(new, SERVED[index + 2], ARTICLE_URL)
                   if index + 2 < len(SERVED) else None))
    page = render_raw_page(old, new, info)
    start, end = page.index("Are these changes"), page.index("</form>") + len("</form>")
    page = f"{page[:start]}<!--\n{page[start:end]}\n-->{page[end:]}"
    if not form_values:
        for name, number in (("diff_v1", old.number), ("diff_v2", new.number)):
            page = page.replace(f'name="{name}" value="{number}"',
                                f"name={name} value=Version object")
    assert "saved from" not in page and "canonical" not in page
    return page


def test_a_too_deep_commented_form_is_refused_at_its_own_line_not_an_earlier_copy() -> None:
    """A script string earlier in the page holding the same comment does not move the line named:
    the refusal names the line of the comment the page holds, not the first copy of its text."""
    page = served_page(0)
    at = page.index("Are these changes")
    deep = "\n" + nested_divs(MAX_DEPTH + 1)
    copy = f"{page[:at]}{deep}{page[at:]}"
    start, end = copy.rindex("<!--", 0, at), copy.index("-->", at) + len("-->")
    assert "`" not in copy[start:end]
    script = f"<script>var saved = `{copy[start:end]}`;</script>\n"
    head = copy.index("<head>") + len("<head>")
    copy = f"{copy[:head]}\n{script}{copy[head:]}"
    line = copy[:copy.index(deep, head + len(script))].count("\n") + 2
    with pytest.raises(MalformedPage) as refused:
        read_page(copy, "n1.html")
    assert refused.value.line == line


def test_pages_the_server_sent_chain_by_the_ids_in_their_commented_form() -> None:
    # the form inside a comment was not read: both pages were versions 0 and 1, "disagree
    # about the text of version 0 (give pages of one article only)"
    articles = [read_page(served_page(index), f"n{index + 1}.html") for index in range(3)]
    (article,) = merge_articles(articles, ["n1.html", "n2.html", "n3.html"])
    assert article.versions == SERVED
    assert article.warnings == ()


def test_a_page_of_consecutive_versions_takes_its_ids_from_its_revision_links() -> None:
    # previous: the diff of the versions before each of this page's (101, 102); next: after
    # each (105, 109)
    article = read_page(served_page(1, form_values=False), "n2.html")
    assert article.versions == SERVED[1:3]
    assert article.warnings == ()


def test_pages_that_do_not_say_which_versions_they_compare_are_not_joined() -> None:
    # the first and the last page have one revision link each: no ids anywhere
    first, last = (read_page(served_page(index, form_values=False), name)
                   for index, name in ((0, "n1.html"), (2, "n3.html")))
    assert [v.number for v in first.versions] == [0, 1]
    # the warning names where the reader looked for the ids, and what follows from their lack
    unnumbered = ("n1.html: the page does not say which versions it compares (no version ids in "
                  "its upvote form, no /diff/ address in a canonical link, og:url or saved-from "
                  "note, no Previous and Later revision links of consecutive versions); numbered "
                  "them 0 and 1, so it cannot be joined with other pages of its article")
    assert first.warnings == (unnumbered,)
    with pytest.raises(InconsistentPages) as raised:
        merge_articles([first, last], ["n1.html", "n3.html"])
    assert str(raised.value) == (
        f"{ARTICLE_URL}: n1.html does not say which versions it compares, so it cannot be "
        "joined with the other pages of its article (save the pages from a browser, which notes "
        "each page's address, or give the version files)")


def test_pages_given_together_keep_the_order_they_were_given_in() -> None:
    # a flattened News Sniffer page is read after the exact pages, and its article came first
    # whatever its place: `export page.html flattened.txt` numbered the flattened page's article
    # 0, where EXPORT.md numbers articles in input order
    page = str(PAGES / "us-sends-3000-troops-v1-v2-rendered.html")
    flattened = str(SAMPLES / "washpo-soleimani-v6-v7.txt")
    given_first = [article.url for article in load([page, flattened])]
    assert given_first[0] == "https://news.example.com/2020/01/03/us-will-send-troops-to-middle-east/"
    assert [article.url for article in load([flattened, page])] == given_first[::-1]


def test_archived_dates_go_to_the_versions_their_colours_mark_in_any_order() -> None:
    # the old version's date is Pink (<del>), the new one's Green (<ins>), whichever comes first
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    pink = "<li><del>Pink: Archived January 03, 2020 at  3:40pm EDT</del></li>"
    green = "<li><ins>Green: Archived January 03, 2020 at  5:12pm EDT</ins></li>"
    assert pink in text and green in text
    as_sent = read_page(text, "page.html")
    reordered = read_page(text.replace(pink, "PINK").replace(green, pink).replace("PINK", green),
                          "page.html")
    assert reordered.versions == as_sent.versions
    assert reordered.metadata == as_sent.metadata
    green_alone = read_page(text.replace(pink, ""), "page.html")
    assert "archived.1" not in green_alone.metadata
    assert green_alone.metadata["archived.2"] == "January 03, 2020 at 5:12pm EDT"
    assert green_alone.versions[1].time == as_sent.versions[1].time


PINK = "<li><del>Pink: Archived January 03, 2020 at  3:40pm EDT</del></li>"
GREEN = "<li><ins>Green: Archived January 03, 2020 at  5:12pm EDT</ins></li>"


def test_a_page_without_archived_dates_says_so_once() -> None:
    # it was read from the date lines without a word
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    as_sent = read_page(text, "page.html")
    article = read_page(text.replace(PINK, "").replace(GREEN, ""), "page.html")
    both = ("page.html: the page gives no Archived date for the old and new versions (no "
            "'Archived <date>' list item); their date lines time them instead, where those give "
            "a time")
    assert article.warnings == (both,)
    green_alone = read_page(text.replace(PINK, ""), "page.html")
    old_only = ("page.html: the page gives no Archived date for the old version (no 'Archived "
                "<date>' list item); its date line times it instead, where that gives a time")
    assert green_alone.warnings == (old_only,)
    assert [v.time for v in article.versions] == [v.time for v in as_sent.versions]


def test_archived_dates_in_a_layout_not_known_are_warned_of_once() -> None:
    # they were kept in the metadata and left out of the times without a word
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    as_sent = read_page(text, "page.html")
    article = read_page(text.replace("January 03, 2020 at  3:40pm EDT", "2020-01-03 15:40")
                        .replace("January 03, 2020 at  5:12pm EDT", "3 janvier 2020 à 17h12"),
                        "page.html")
    unreadable = ("page.html: the old and new versions' Archived dates '2020-01-03 15:40' and "
                  "'3 janvier 2020 à 17h12' are not dates in NewsDiffs' layout ('January 03, "
                  "2020 at 3:40pm EDT'); their date lines time them instead, where those give a "
                  "time")
    assert article.warnings == (unreadable,)
    assert article.metadata["archived.1"] == "2020-01-03 15:40"
    assert [v.time for v in article.versions] == [v.time for v in as_sent.versions]


SECOND_PINK = "<li><del>Pink: Archived January 05, 2020 at  3:40pm EDT</del></li>"


@pytest.mark.parametrize(("damaged", "dates"), [
    (lambda text: text.replace(PINK, PINK + SECOND_PINK), "3 Archived dates, 3 of them marked"),
    (lambda text: text.replace(PINK, PINK + "<li>Archived January 05, 2020 at  3:40pm EDT</li>"),
     "3 Archived dates, 2 of them marked"),
    (lambda text: text.replace(GREEN, SECOND_PINK), "2 Archived dates, 2 of them marked"),
    (lambda text: text.replace(PINK, PINK + SECOND_PINK * 1000), "3 Archived dates, 3 of them marked"),
    (lambda text: text.replace(PINK, PINK + "".join(
        f"<li>Archived January 05, 2020 at  {hour}:40pm EDT</li>" for hour in range(1, 12))),
     "13 Archived dates, 2 of them marked"),
], ids=["third-marked", "third-unmarked", "two-pink", "repeated", "many"])
def test_a_page_with_archived_dates_past_one_of_each_colour_is_refused(
        damaged: Callable[[str], str], dates: str) -> None:
    # the first date of the old version's colour was taken and another left out or given to the
    # new version without a word, so a damaged page could time a version by either
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    with pytest.raises(MalformedPage) as refused:
        read_page(damaged(text), "page.html")
    message = str(refused.value)
    assert message.startswith(f"page.html: the page gives {dates} Pink or Green, where NewsDiffs "
                              "writes one of each colour for its two versions ('January 03, 2020 "
                              "at 3:40pm EDT'")
    assert len(message) < 400  # a page of many dates is named by its first three


def test_a_page_that_repeats_an_archived_date_is_read() -> None:
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    assert read_page(text.replace(PINK, PINK + PINK), "page.html") == read_page(text, "page.html")


def test_rendered_runs_inside_an_element_left_open_are_read_as_their_own() -> None:
    # a `<span>` left open (or an extension's highlight wrapping runs) made every run after it
    # kept text, deletions and insertions alike, in both versions
    text = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    opened = text.replace('<div id="compare">', '<div id="compare"><span class="highlight">', 1)
    assert read_page(opened, "page.html").versions == read_page(text, "page.html").versions


@pytest.mark.parametrize("outer", ["<del>", "<ins>"])
def test_a_rendered_deletion_and_insertion_inside_each_other_are_refused(outer: str) -> None:
    # a run left open took in the runs after it: all of them went to its version
    text = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    first_kept = '<div id="compare"><span>Fri, 03 Jan 2020 1</span>'
    assert text.count(first_kept) == 1  # a deletion and an insertion follow it
    damaged = text.replace(first_kept, first_kept + outer, 1)
    with pytest.raises(MalformedPage) as refused:
        read_page(damaged, "page.html")
    inside = ("an insertion (<ins>) inside a deletion (<del>)" if outer == "<del>"
              else "a deletion (<del>) inside an insertion (<ins>)")
    assert str(refused.value) == (
        f"page.html:36: div#compare holds {inside}, which NewsDiffs never writes: a tag left open "
        "(the page is damaged) (save the page again from NewsDiffs)")


@pytest.mark.parametrize(("name", "written", "escape"), [
    ("us-deploys-troops-v1-v2-raw.html", "Clark Mindock\\u000A\\u000AThe", "\\uD800"),
    ("us-deploys-troops-v1-v2-rendered.html", "Clark Mindock<br><br>The", "&#xD800;"),
    ("us-deploys-troops-v1-v2-rendered.html", "Clark Mindock<br><br>The", "&#55296;"),
])
def test_half_a_character_escaped_alone_is_read_as_a_replacement_character_with_a_warning(
        name: str, written: str, escape: str) -> None:
    # a JavaScript `\uD800` or an HTML `&#xD800;` alone became U+FFFD without a word, where a
    # NewsEdits text's bad bytes are warned of
    text = (PAGES / name).read_text("utf-8")
    assert written in text
    article = read_page(text.replace(written, written.replace("The", f"{escape}The")), "page.html")
    assert article.versions[0].paragraphs[0].startswith("\ufffdThe United States")
    assert article.warnings == (("page.html: the page escapes half a character alone (\\uD800 or "
                                 "&#xD800;), which is no text; read as \ufffd"),)
    assert read_page(text, "page.html").warnings == ()


def test_a_rendered_deletion_left_open_before_kept_runs_alone_is_refused() -> None:
    # with no insertion after it, the deletion took in the kept text after it without a word:
    # the new version lost it, the old one kept it as deleted
    text = (PAGES / "us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    text = re.sub(r'<ins style="background:#e6ffe6;">It remains to be seen.*?</ins>', "", text,
                  count=1, flags=re.DOTALL)
    assert read_page(text, "page.html").versions[1].paragraphs[-1] == "."
    damaged = text.replace("This is a developing story</del>", "This is a developing story", 1)
    assert damaged != text
    with pytest.raises(MalformedPage) as refused:
        read_page(damaged, "page.html")
    assert str(refused.value) == (
        "page.html:36: div#compare holds a kept run (<span>) inside a deletion (<del>), which "
        "NewsDiffs never writes: a tag left open (the page is damaged) (save the page again from "
        "NewsDiffs)")


def test_a_page_named_like_a_cut_warning_has_its_own_versions_read_as_cut(tmp_path: Path) -> None:
    # a cut warning begins with the page's name, and the version it is about was read from the
    # first match anywhere in it: a page saved under a name that reads as a cut warning of version
    # 2 had its warning about version 3 read as one of version 2, which the other page gives
    # whole, and dropped as stale
    p = tuple(f"Paragraph number {i} stays." for i in range(8))
    versions = [Version(1, "T", p[:2], archived_at(1)), Version(2, "T", p, archived_at(2)),
                Version(3, "T", (*p[:4], "Inserted middle.", *p[4:]), archived_at(3))]
    first, _ = _write_chain_pages(tmp_path, versions)
    crafted = "p: the new text (version 2) is incomplete: unchanged stretches are cut to [...].html"
    second = str(tmp_path / crafted)
    (tmp_path / "page1.html").rename(second)
    assert [cut_version(w) for w in read_page(Path(second).read_text("utf-8"), second).warnings
            ] == [2, 3]
    [article] = load([first, second])
    assert article.warnings == (cut_warning(second, "new", 3),)


def test_a_labelled_date_lines_zone_fault_and_leap_second_are_told_of_its_date() -> None:
    """A date line with a label in front (`Published: `) whose zone puts it outside the years 1
    to 9999 was "not a date", without saying why, and one at a leap second was shown label and
    all, cut short: the faults are of the date the line gives."""
    old = Version(1, "T", ("One.",), None, "Published: Fri, 31 Dec 9999 23:59:59 -0100")
    new = Version(2, "T", ("Two.",), None, "Last updated on: Sat, 31 Dec 2016 23:59:60 GMT")
    article = read_page(render_raw_page(old, new, DiffPageInfo("https://example.com/a")),
                        "page.html")
    assert [w for w in article.warnings if "Archived" not in w] == [
        ("page.html: the old version's date line 'Published: Fri, 31 Dec 9999 23:59:59 -0100' "
         "is not a time: its zone puts it outside the years 1 to 9999 in UTC; kept as text, and "
         "the version has no time (correct its date or offset in the file to have it read)"),
        ("page.html: the new version's date line 'Sat, 31 Dec 2016 23:59:60 GMT' is at a leap "
         "second (second 60), which revdiff's times cannot hold: read as second 59, a "
         "second early, which keeps the versions' order; nothing to correct")]


def test_archived_dates_in_list_items_left_unended_are_each_a_version_s() -> None:
    """A browser ends an `<li>` where the next starts; html.parser nested the Green item in the
    Pink one, so the old version's date ran on into the new one's ("... 3:40pm EDT Green:
    Archived ...") and its time was left out, warned as no date."""
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    as_sent = read_page(text, "page.html")
    unended = read_page(text.replace(PINK, PINK.removesuffix("</li>"))
                        .replace(GREEN, GREEN.removesuffix("</li>")), "page.html")
    assert unended.warnings == as_sent.warnings
    assert unended.metadata == as_sent.metadata
    assert unended.versions == as_sent.versions


@pytest.mark.parametrize("unshown", [
    "<script>document.write('</html> <html><body></body></html>');</script>",
    "<!-- an old copy ended here: </html>\n<html> -->",
    "<template></html><!doctype html><html></template>",
])
def test_a_page_s_end_and_start_the_page_does_not_show_are_no_second_page(unshown: str) -> None:
    """A page's end and another's start in a script's string, a comment or a template are no
    markup of the page: the page was refused as a file of two pages."""
    text = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    assert text.count("</body>") == 1
    assert read_page(text.replace("</body>", f"{unshown}</body>"), "page.html") == read_page(
        text, "page.html")


@pytest.mark.parametrize("unshown", [
    "<script>document.write('<html><body></body></html>');</script>",
    "<!-- the page we moved from ended here: </html> -->",
])
def test_a_page_cut_short_is_truncated_for_a_closing_tag_it_does_not_show(unshown: str) -> None:
    """A `</html>` in a script's string or a comment is no end of the page: a page cut short
    after its version texts was read as whole, without its URL and navigation."""
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    with_unshown = page.replace("</head>", f"{unshown}\n</head>")
    assert read_page(with_unshown, "p.html") == read_page(page, "p.html")
    with pytest.raises(MalformedPage, match="page is truncated: no </html> found"):
        read_page(with_unshown[:with_unshown.index("<h3>")], "p.html")


@pytest.mark.parametrize("closing", ["</html >", "</HTML\n>", "</html><!-- cached: </html> -->"])
def test_a_page_whose_closing_html_tag_is_written_otherwise_is_whole(closing: str) -> None:
    """`</html >` and `</HTML\\n>` close the page as `</html>` does, and a `</html>` in a comment
    after it is none: the first two were refused as cut short (the exact string was looked for)."""
    page = (PAGES / "us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    assert page.count("</html>") == 1
    assert read_page(page.replace("</html>", closing), "p.html") == read_page(page, "p.html")


@pytest.mark.parametrize("render", [render_raw_page, render_rendered_page])
def test_a_version_of_header_lines_alone_is_kept_without_paragraphs_warned(
        render: Callable[[Version, Version, DiffPageInfo], str]) -> None:
    """NewsDiffs stores a version whose page it found no body on as its date, title and byline
    lines alone, as its git archive is read; its diff page was refused for it."""
    old = Version(1, "Story", (), archived_at(0))
    new = Version(2, "Story", ("Now with a body.",), archived_at(60))
    page = render(old, new, DiffPageInfo("https://www.nytimes.com/2020/01/03/story.html"))
    article = read_page(page, "page.html")
    assert [(v.title, v.paragraphs, v.time) for v in article.versions] == [
        ("Story", (), old.time), ("Story", new.paragraphs, new.time)]
    assert ("page.html: the old version holds the date, title and byline lines but no "
            "paragraphs; kept as a version without paragraphs") in article.warnings


@pytest.mark.parametrize("depth", [100, 600])
@pytest.mark.parametrize("name", ["us-deploys-troops-v1-v2-raw.html",
                                  "us-deploys-troops-v1-v2-rendered.html"])
def test_elements_nested_deeper_than_a_newsdiffs_page_nests_are_refused_at_their_line(
        name: str, depth: int) -> None:
    """Elements nested past `MAX_DEPTH` are refused as a News Sniffer page's are (the page's tree
    of elements was built whole, 80,000 nested `<div>`s in 10 s); a page nested less is read as
    before."""
    page = (PAGES / name).read_text("utf-8")
    copy, line = nested_in_body(page, depth)
    if depth < MAX_DEPTH:
        assert read_page(copy, "p.html").versions == read_page(page, "p.html").versions
        return
    with pytest.raises(MalformedPage) as refused:
        read_page(copy, "p.html")
    assert refused.value.line == line
    assert refused.value.message == (f"an element nested more than {MAX_DEPTH} elements deep "
                                     "starts here, where a NewsDiffs page nests about ten")


def test_elements_nested_too_deep_in_the_commented_upvote_form_are_refused_at_their_line() -> None:
    """The commented form is read as markup of its own: its elements are held to `MAX_DEPTH` as
    the page's are, at their line in the page."""
    page = served_page(0)
    at = page.index("Are these changes")
    line = page[:at].count("\n") + 2
    copy = f"{page[:at]}\n{nested_divs(MAX_DEPTH + 1)}{page[at:]}"
    with pytest.raises(MalformedPage) as refused:
        read_page(copy, "n1.html")
    assert refused.value.line == line
    assert refused.value.message == (f"an element nested more than {MAX_DEPTH} elements deep "
                                     "starts here, where a NewsDiffs page nests about ten")


@pytest.mark.parametrize("name", ["us-deploys-troops-v1-v2-raw.html",
                                  "us-deploys-troops-v1-v2-rendered.html"])
def test_a_newsdiffs_page_of_more_elements_than_newsdiffs_writes_is_refused_at_the_first_past(
        name: str) -> None:
    """Elements side by side, none nested deep, were built into a tree of them all, about a
    kilobyte each, so that a page at the size limit would exhaust the machine's memory. Refused
    at the line of the first element past the limit (200,000) as a News Sniffer page is."""
    page = (PAGES / name).read_text("utf-8")
    line = page[:page.index("<body>")].count("\n") + 2
    copy = page.replace("<body>", "<body>\n" + "<b></b>" * 200_000 + "\n")
    with pytest.raises(MalformedPage) as refused:
        read_page(copy, "p.html")
    assert refused.value.line == line
    assert refused.value.message == ("the page holds more than 200,000 elements, the next "
                                     "starting here, where a NewsDiffs page holds a few thousand")


def test_more_elements_than_newsdiffs_writes_in_the_commented_upvote_form_are_refused() -> None:
    """The commented form is read as markup of its own: its elements are counted as the page's
    are, refused at their line in the page."""
    page = served_page(0)
    at = page.index("Are these changes")
    line = page[:at].count("\n") + 2
    copy = f"{page[:at]}\n{'<b></b>' * 200_001}\n{page[at:]}"
    with pytest.raises(MalformedPage, match="more than 200,000 elements") as refused:
        read_page(copy, "n1.html")
    assert refused.value.line == line
