"""The header's lines: the pair and its time, the title and how the pair changed it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from rich.text import Text

from revdiff.model import Version
from revdiff.tui.filters import FilterState
from revdiff.tui.pair_header import ShownPair, header_lines


def shown(old_title: str, new_title: str) -> ShownPair:
    return ShownPair(Version(0, old_title, ("One.",)), Version(1, new_title, ("Two.",)), (0, 1), 2,
                     "unified", FilterState(), None)


def styled_words(line: Text, style: str) -> list[str]:
    return [line.plain[span.start:span.end] for span in line.spans
            if getattr(span.style, style, False)]


def test_a_changed_title_shows_the_words_cut_and_added() -> None:
    """The header showed only the new title: a rewritten headline (`Rockets hit base housing US
    troops` to `Iran fires missiles at US troops`) went unseen in the app, where `diff` prints it."""
    _, title = header_lines(shown("Rockets hit base housing US troops in Iraq: Iranian TV",
                                  "Iran fires missiles at US troops in Iraq"), 120)
    assert title.plain == ("Rockets hit base housing Iran fires missiles at US troops in Iraq: "
                           "Iranian TV")
    assert styled_words(title, "strike") == ["Rockets hit base housing", ": Iranian TV"]
    assert styled_words(title, "underline") == ["Iran fires missiles at"]


def test_an_unchanged_title_is_shown_plain() -> None:
    _, title = header_lines(shown("Iran fires missiles", "Iran fires missiles"), 120)
    assert title.plain == "Iran fires missiles"
    assert styled_words(title, "strike") == styled_words(title, "underline") == []
    _, untitled = header_lines(shown("", ""), 120)
    assert untitled.plain == "(untitled)"


def test_a_changed_title_too_long_for_the_terminal_shows_the_new_title() -> None:
    """A headline rewritten whole showed only its struck-through old words in a narrow terminal,
    the new title cut off: there the header gives the new title, its new words underlined."""
    old = "Rockets hit base housing US troops in Iraq, Iranian state television says"
    new = "Iran fires a dozen ballistic missiles at two bases housing US troops in Iraq"
    _, title = header_lines(shown(old, new), 60)
    assert title.plain == new[:59] + "…"
    assert styled_words(title, "strike") == []
    assert "Iran fires a dozen ballistic missiles at two" in styled_words(title, "underline")[0]
    _, wide = header_lines(shown(old, new), 200)
    assert wide.plain.startswith("Rockets hit base")


def test_a_title_only_one_version_has_is_shown_cut_or_added() -> None:
    """A title the new version lacked was shown as the title, with no mark that it went (and one
    the old version lacked with none that it came): it is struck through, or underlined."""
    _, removed = header_lines(shown("Iran fires missiles", ""), 120)
    assert removed.plain == "Iran fires missiles"
    assert styled_words(removed, "strike") == ["Iran fires missiles"]
    _, added = header_lines(shown("", "Iran fires missiles"), 120)
    assert styled_words(added, "underline") == ["Iran fires missiles"]
    _, narrow = header_lines(shown("Iran fires a dozen ballistic missiles at two bases", ""), 30)
    assert narrow.plain == "(untitled)"  # the new version's title, where the old does not fit


def test_the_header_tells_apart_two_versions_of_one_minute() -> None:
    """Times were cut to the minute, so two captures a few seconds apart showed the same time;
    they are given to the second, as the HTML export gives them."""
    first = Version(0, "Iran fires missiles", ("One.",),
                    time=datetime(2020, 1, 8, 1, 30, 5, tzinfo=UTC))
    second = Version(1, "Iran fires missiles", ("Two.",),
                     time=datetime(2020, 1, 8, 1, 30, 47, tzinfo=UTC))
    line, _ = header_lines(ShownPair(first, second, (0, 1), 2, "unified", FilterState(), None), 80)
    assert line.plain == "v0 → v1  2020-01-08 01:30:47+00:00  pair 1 of 1  ·  unified"


def test_the_header_gives_a_times_zone_as_the_html_export_does() -> None:
    """The app left out the zone of a time that has one, which the HTML export writes
    (`+00:00`): a time in another zone looked local. A time without a zone gets none."""
    first = Version(0, "Iran fires missiles", ("One.",))
    in_tehran = Version(1, "Iran fires missiles", ("Two.",),
                        time=datetime(2020, 1, 8, 5, 0, 5, tzinfo=timezone(timedelta(hours=3.5))))
    local = Version(2, "Iran fires missiles", ("Three.",), time=datetime(2020, 1, 8, 6, 0, 5))
    pairs = [(first, in_tehran), (in_tehran, local)]
    lines = [header_lines(ShownPair(old, new, (index, index + 1), 3, "unified", FilterState(),
                                    None), 80)[0].plain
             for index, (old, new) in enumerate(pairs)]
    assert lines == ["v0 → v1  2020-01-08 05:00:05+03:30  pair 1 of 2  ·  unified",
                     "v1 → v2  2020-01-08 06:00:05  pair 2 of 2  ·  unified"]


def test_a_time_told_from_the_version_before_is_left_out_of_a_pair_that_skips_it() -> None:
    """A News Sniffer version's time is `about 1 hour later`, counted from the version before it:
    the timeline's jump to `v0 → v2` showed it as if counted from v0."""
    versions = [Version(number, "Title", ("Text.",), None, "about 1 hour later") for number in range(3)]
    def header(pair: tuple[int, int]) -> str:
        old, new = pair
        shown = ShownPair(versions[old], versions[new], pair, 3, "unified", FilterState(), None)
        return header_lines(shown, 120)[0].plain
    assert header((1, 2)) == "v1 → v2  about 1 hour later  pair 2 of 2  ·  unified"
    assert header((0, 2)) == "v0 → v2  versions 2 apart  ·  unified"


def test_a_time_told_from_the_version_before_is_left_out_after_a_version_numbered_further_back() -> None:
    """v2 not given, `v1 → v3` is the app's pair 2 of 2, but v3's `about 1 hour later` counts
    from v2, not from v1."""
    versions = [Version(number, "Title", ("Text.",), None, "about 1 hour later") for number in (0, 1, 3)]
    shown = ShownPair(versions[1], versions[2], (1, 2), 3, "unified", FilterState(), None)
    assert header_lines(shown, 120)[0].plain == "v1 → v3  pair 2 of 2  ·  unified"
