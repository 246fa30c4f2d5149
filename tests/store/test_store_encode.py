"""The file and trailer encoding of a version reads back exactly (writer and reader are inverse)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revdiff.errors import StoreError
from revdiff.formats import git_layout
from revdiff.formats.git_layout import (
    decode_trailer_value,
    decode_version_file,
    decode_warnings,
    encode_trailer_value,
    encode_version_file,
    encode_warnings,
    parse_trailers,
)
from revdiff.model import Article, Version
from revdiff.store.encode import commit_message, encode_file, git_blob_id, git_date

NOW = "1764000000 +0000"  # a run's time, as a git date


@given(st.text(), st.lists(st.text()).map(tuple))
def test_version_file_round_trip(title: str, paragraphs: tuple[str, ...]) -> None:
    data, encoding = encode_version_file(title, paragraphs, "test")
    assert decode_version_file(data, encoding, "test") == (title, paragraphs)


def test_plain_form_is_readable_text() -> None:
    data, encoding = encode_version_file("Title", ("First para.", "Second para."), "test")
    assert encoding is None
    assert data == b"Title\n\nFirst para.\n\nSecond para.\n"


def test_awkward_paragraphs_use_json_lines() -> None:
    for paragraphs in [("",), ("two\nlines",), ("a", "")]:
        _, encoding = encode_version_file("T", paragraphs, "test")
        assert encoding == "json-lines"


@given(st.text())
def test_trailer_value_round_trip(value: str) -> None:
    encoded = encode_trailer_value(value)
    assert "\n" not in encoded
    assert decode_trailer_value(encoded) == value


@pytest.mark.parametrize("title", ["sol\u200bdiers", "Gaza\u200f", "re\u00adcord", "\ufeffTitle"])
def test_a_title_holding_a_character_that_takes_no_room_is_a_json_string(title: str) -> None:
    """docs/STORE.md: a value holding a character that takes no room (a zero-width space, a
    bidirectional mark, a soft hyphen, a byte-order mark) is written as a JSON string, which
    names it by its code, where written as it is the trailer would look like another title."""
    message = commit_message(Article(None, "https://example.org/a", ()), Version(0, title, ()),
                             None)
    written = json.dumps(title, ensure_ascii=True)
    assert f"\nRevdiff-Title: {written}\n" in message and written.isascii()
    assert parse_trailers(message)["Revdiff-Title"] == title


@given(st.text(), st.text(), st.one_of(st.none(), st.text()), st.integers())
def test_trailers_read_back(title: str, url: str, source: str | None, number: int) -> None:
    article = Article(source, url, ())
    version = Version(number, title, ())
    trailers = parse_trailers(commit_message(article, version, None))
    assert trailers["Revdiff-Title"] == title
    assert trailers["Revdiff-Url"] == url
    assert trailers["Revdiff-Version"] == str(number)
    assert trailers.get("Revdiff-Source") == source


@given(st.lists(st.text()).map(tuple), st.text())
def test_warnings_read_back(warnings: tuple[str, ...], title: str) -> None:
    assert decode_warnings(encode_warnings(warnings), "test") == warnings
    message = commit_message(Article(None, None, (), warnings=warnings), Version(0, title, ()),
                             None)
    trailers = parse_trailers(message)
    assert trailers.get("Revdiff-Title") == title
    if warnings:
        assert decode_warnings(trailers["Revdiff-Warnings"], "test") == warnings
    else:
        assert "Revdiff-Warnings" not in trailers


def test_blob_id_matches_git() -> None:
    assert git_blob_id(b"", "sha1") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
    assert git_blob_id(b"hello\n", "sha1") == "ce013625030ba8dba906f756967f9e9ca394464a"
    # `echo hello | git hash-object --stdin` in a repository made with --object-format=sha256
    assert git_blob_id(b"hello\n", "sha256") == \
        "2cf8d83d9ee29543b34a87727421fdecb7e3f3a183d337639025de576db9ebb4"


def test_git_date_keeps_instant_and_offset() -> None:
    when = datetime(2020, 1, 3, 12, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert git_date(when, NOW) == f"{int(when.timestamp())} +0530"
    west = datetime(2020, 1, 3, 12, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert git_date(west, NOW).endswith(" -0800")
    naive = datetime(2020, 1, 3, 12, 30)
    assert git_date(naive, NOW) == f"{int(naive.replace(tzinfo=UTC).timestamp())} +0000"
    # the zones farthest from UTC (Kiribati, Baker Island) are kept: +1400 was written as +0000
    kiribati = datetime(2020, 1, 1, 10, tzinfo=timezone(timedelta(hours=14)))
    assert git_date(kiribati, NOW) == f"{int(kiribati.timestamp())} +1400"
    assert git_date(datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=-12))), NOW).endswith(" -1200")


def test_git_date_falls_back_to_the_runs_time_for_times_git_cannot_hold() -> None:
    # each such version took the clock's time as its commit was written, seconds apart on a long
    # run, where the README says the run's time
    assert git_date(datetime(1912, 4, 15, tzinfo=UTC), NOW) == NOW
    assert git_date(None, NOW) == NOW


def test_git_date_of_a_time_its_zone_dates_1969_is_written_in_utc() -> None:
    """3,599 seconds after 1970 began, at -01:00, is 31 December 1969 there: written `3599 -0100`,
    `git log` stopped at its commit with `fatal: Timestamp before Unix epoch: 3599 -100`."""
    west = datetime(1969, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-1)))
    assert git_date(west, NOW) == "3599 +0000"
    assert git_date(datetime(1970, 1, 1, 1, tzinfo=timezone(timedelta(hours=-1))), NOW) == "7200 -0100"


def test_docs_store_names_every_trailer_the_store_writes() -> None:
    """`git log --format='%(trailers:key=Revdiff-Time-Text)'` and the like need the trailers'
    names: the README named two of them, and nowhere said that the relative time, the version it
    counts from, the tracker's count of versions and the file's form are kept at all. They are
    named in docs/STORE.md, where the README's rules of the store moved."""
    store_md = (Path(__file__).resolve().parents[2] / "docs" / "STORE.md").read_text(encoding="utf-8")
    written = {value for name, value in vars(git_layout).items()
               if name.startswith("TRAILER_") and isinstance(value, str)}
    assert "Revdiff-Version" in written
    assert {name for name in written if f"`{name}`" not in store_md} == set()


@pytest.mark.parametrize(("first", "second"), [
    ({"a": [0] * 50 + [1]}, {"a": [0] * 50 + [2]}),  # values alike in their start
    ({(0,) * 50 + (1,): "x"}, {(0,) * 50 + (2,): "x"}),  # keys alike in their start
    ({"k" * 60 + "1": 1}, {"k" * 60 + "2": 1}),  # long keys, quoted whole
])
def test_metadata_that_is_not_text_is_quoted_apart(first: dict[object, object],
                                                   second: dict[object, object]) -> None:
    """reprlib cut a value or a key at its start, giving no length, and a text key was quoted
    whole however long."""
    said = []
    for metadata in (first, second):
        article = Article(None, "https://example.com/a", (Version(1, "T", ("P",)),),
                          metadata=metadata)  # type: ignore[arg-type]
        with pytest.raises(StoreError) as error:
            encode_file(article, article.versions[0], "store", "sha1")
        said.append(error.value.message)
    assert said[0] != said[1]
    assert all("characters)" in message and len(message) < 300 for message in said)
