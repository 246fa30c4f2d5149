"""Warnings of one kind from one input: the first few printed, the rest counted."""

from __future__ import annotations

import subprocess
import sys

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
        ("n.db: 3 more warnings like 'entry 0: created names a time zone that is not read "
         "(unknown or ambiguous)…' (each article's warnings hold them; `revdiff parse "
         "--format json` shows each)")]
    assert repeated.summaries() == []  # m.db showed all of its one line; n.db's were told


def test_no_summary_when_every_line_was_shown() -> None:
    repeated = RepeatedWarnings()
    assert repeated.shows("a.txt: the title row is cut", "a.txt", "a.txt")
    assert repeated.summaries() == []


@pytest.mark.parametrize(("line", "name"), [
    # a git repository's file, named by its path, with the commit that emptied it
    (("news/world/story-{n}.txt: {commit}: the file is empty, and an empty capture is no "
      "version; left out"), "news/world/story-{n}.txt"),
    # the same, named by its place in the repository, and its path in the middle
    (("repo#{n}: news/world/story-{n}.txt: {commit}: the file is empty, and an empty capture "
      "is no version; left out"), "repo#{n}"),
    # a NewsDiffs archive's file, named after its URL without the scheme
    (("https://www.nytimes.com/{slug}: www.nytimes.com/2012/0{n}/0{n}/world/{slug}: version 3 "
      "comes back to the text of version 1"), "https://www.nytimes.com/{slug}"),
    # unquoted file names in parentheses
    (("corpus/s{n}: no file name holds a number, so the versions are read in the order of "
      "their names ({slug}-draft.txt, {slug}-final.txt); number the files (0.txt, 1.txt, ...) "
      "to give another order"), "corpus/s{n}"),
])
def test_paths_and_commits_in_a_warning_do_not_split_its_kind(line: str, name: str) -> None:
    commits = ["6b932e9af6c7", "03ce5eb50cd7", "fac991d5ddd6", "a559dc7f7ba8"]
    slugs = ["iran-strikes", "troops", "embassy-siege", "us-sends-troops"]
    kinds = {warning_kind(line.format(n=n, commit=commit, slug=slug),
                          name.format(n=n, slug=slug))
             for n, (commit, slug) in enumerate(zip(commits, slugs, strict=True), start=1)}
    assert len(kinds) == 1, kinds


def test_warnings_of_other_kinds_naming_paths_stay_apart() -> None:
    empty = "repo#1: news/a.txt: 6b932e9af6c7: the file is empty, and an empty capture is no version"
    binary = "repo#2: news/b.txt: 03ce5eb50cd7: binary content left out"
    back = "repo#3: news/c.txt: 03ce5eb50cd7: version 3 comes back to the text of version 1"
    assert len({warning_kind(empty, "repo#1"), warning_kind(binary, "repo#2"),
                warning_kind(back, "repo#3")}) == 3


def test_the_summary_shows_the_first_warning_of_its_kind_readably() -> None:
    """The summary showed the kind's masked pattern up to its first `; `: the number masked in
    `UTF-8` left `like '…: not valid UTF-…'`. It shows the first warning's own text, to the end
    of its first clause."""
    repeated = RepeatedWarnings(shown_of_a_kind=1)
    for n in range(3):
        repeated.shows(f"d/{n}.txt: not valid UTF-8; read as cp1252", f"d/{n}.txt", "d")
    assert repeated.summaries() == [
        ("d: 2 more warnings like 'not valid UTF-8' (each article's warnings hold them; "
         "`revdiff parse --format json` shows each)")]


def test_a_long_first_clause_is_cut_at_a_word_boundary() -> None:
    repeated = RepeatedWarnings(shown_of_a_kind=1)
    clause = " ".join(["word"] * 40)
    for n in range(2):
        repeated.shows(f"a{n}: {clause}; more", f"a{n}", "f")
    (summary,) = repeated.summaries()
    shown = summary.partition(" like '")[2].partition("' (each")[0]
    assert shown == " ".join(["word"] * 16) + "…"


def test_a_megabyte_clause_without_a_space_is_cut_too() -> None:
    """A review asked whether a clause with no space to cut at (which masking cannot shrink
    either: no quotes, numbers or paths) is shown whole: it is cut at the limit."""
    repeated = RepeatedWarnings(shown_of_a_kind=1)
    for n in range(2):
        repeated.shows(f"a{n}: {'x' * 1_000_000}", f"a{n}", "f")
    (summary,) = repeated.summaries()
    assert summary.partition(" like '")[2].partition("' (each")[0] == "x" * 80 + "…"


def test_a_warning_of_long_runs_without_a_space_is_told_apart_in_seconds() -> None:
    """Found by a review: a URL was searched from each character of a run without a space, and
    a path or file name from each `-`, `~`, `@`, `+` or `#` of a run of them, each search reading
    on to the run's end (quadratic: 100 kB of letters, slashes or `-` took 20 s). Run in a child
    process: the time goes inside the regular expression engine, which no signal interrupts."""
    script = ("from revdiff.repeated_warnings import warning_kind\n"
              "for run in ['a' * 300_000, '/' * 300_000, '-' * 300_000, 'a1' * 150_000]:\n"
              "    warning_kind('n.db: entry 1: ' + run + ' https://example.com/x', 'n.db')\n")
    try:
        subprocess.run([sys.executable, "-c", script], timeout=30, check=True,
                       capture_output=True)
    except subprocess.TimeoutExpired:
        pytest.fail("telling the warning's kind ran longer than 30 s")
