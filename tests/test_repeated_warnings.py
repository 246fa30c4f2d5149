"""Warnings of one kind from one input: the first few printed, the rest counted."""

from __future__ import annotations

import pytest

from revdiff.repeated_warnings import RepeatedWarnings, warning_kind

ZONE = ("{name}: {entry}: created names a time zone that is not read (unknown or ambiguous): "
        "{zones}; read as written, in no zone (write an offset, `+0100`, to read a time in its "
        "zone)")


@pytest.mark.parametrize(("entry", "zones"), [
    ("entry 7", "'CET' (version 0)"),
    ("entry 'Story 3'", "'CET' (versions 0, 1, 2 and 3 more)"),
    ("entry 12", "'CET' (versions 0 and 1), 'IST' (version 2)"),
])
def test_the_warnings_of_articles_named_apart_are_one_kind(entry: str, zones: str) -> None:
    first = ZONE.format(name="n.db#0", entry="entry 1", zones="'CET' (versions 0 and 1)")
    other = ZONE.format(name="https://x.test/a-story", entry=entry, zones=zones)
    assert warning_kind(first, "n.db#0") == warning_kind(other, "https://x.test/a-story")


def test_warnings_of_other_kinds_stay_apart() -> None:
    zone = ZONE.format(name="n.db#0", entry="entry 1", zones="'CET' (version 0)")
    null = "n.db#1: entry 1, version 1: NULL title read as empty"
    assert warning_kind(zone, "n.db#0") != warning_kind(null, "n.db#1")


def test_the_first_lines_of_a_kind_are_shown_and_the_rest_counted_by_input() -> None:
    repeated = RepeatedWarnings(shown_of_a_kind=2)
    lines = [(ZONE.format(name=f"n.db#{entry}", entry=f"entry {entry}", zones="'CET' (version 0)"),
              f"n.db#{entry}") for entry in range(5)]
    assert [repeated.shows(line, name, "n.db") for line, name in lines] == [
        True, True, False, False, False]
    assert repeated.shows(*lines[0], "m.db")  # another input's are its own
    assert repeated.summaries("n.db") == [
        ("n.db: 3 more warnings like 'entry …: created names a time zone that is not read "
         "(unknown or ambiguous): …' (each article's warnings hold them; `revdiff parse "
         "--format json` shows each)")]
    assert repeated.summaries() == []  # m.db showed all of its one line; n.db's were told


def test_no_summary_when_every_line_was_shown() -> None:
    repeated = RepeatedWarnings()
    assert repeated.shows("a.txt: the title row is cut", "a.txt", "a.txt")
    assert repeated.summaries() == []
