"""The line above the footer: where the cursor is, what the current edit is and, on a flattened
page, how its row was read (or, for a pair no page compares, which page row makes it unsure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import Static

from revdiff.engine.rounded_shares import percent
from revdiff.model import Edit, PageReading, RowReading, sure_percent
from revdiff.tui.pair_header import shortened
from revdiff.tui.wrapping import shorten, text_width


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $boost;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, where: Sequence[str], detail: str = "", notes: Sequence[str] = ()) -> None:
        """Where the cursor is, in `where`: its forms, longest first (`change_position`,
        `sentence_position`); the `detail` of the edit there and the note of its page row, in
        `notes`: its forms, longest first (`describe_row`, `describe_page_row`). Too long for the
        line, the detail gives way first down to its label (`fitted_detail`), then the row's note
        to a shorter form, then the label, then the place to its shorter form and to what fits
        before the note, so that the row's reading and the keys that change it stay; then the
        line's end is cut."""
        width = max(1, self.content_region.width or self.app.size.width - 2)
        place, detail, note = fitted_parts(where, detail, notes, width)
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(place, style="bold")
        if detail:
            line.append(f"  {detail}")
        if note:
            line.append(f"  {note}" if place else note, style="bold #ffaf00")
        self.update(shortened(line, width), layout=False)


def fitted_parts(where: Sequence[str], detail: str, notes: Sequence[str],
                 width: int) -> tuple[str, str, str]:
    """The place, the edit's detail and the row's note that `width` cells hold: the place's
    longest form (`where`) with the longest note beside which the detail's label fits, the
    detail shortened to fit beside it; with no such note, no detail and the longest note that
    fits; with none, the shortest note and the longest form of the place that fits before it,
    else its shortest form cut to the room left (none when no room is left)."""
    place = where[0]
    if not notes:
        return place, detail, ""
    if detail:
        for note in notes:
            kept = fitted_detail(detail, width - text_width(f"{place}    {note}"))
            if kept:
                return place, kept, note
    fitting = next((note for note in notes if text_width(f"{place}  {note}") <= width), None)
    if fitting is not None:
        return place, "", fitting
    note = notes[-1]
    room = width - text_width(f"  {note}")
    place = next((form for form in where if text_width(form) <= room), where[-1])
    return (shorten(place, room) if room > 1 else ""), "", note


def fitted_detail(detail: str, room: int) -> str:
    """The edit's detail (`edited · 74% similar · number changed`) in `room` cells: its parts left
    out from the last, `…` in their place (a percentage is never cut in two); nothing when not
    even its label fits."""
    parts = detail.split(" · ")
    for kept in range(len(parts), 0, -1):
        shown = " · ".join(parts[:kept]) + ("" if kept == len(parts) else " · …")
        if text_width(shown) <= room:
            return shown
    return ""


def failed_pair_place(pair: tuple[int, int], version_count: int, article_index: int,
                      article_count: int, key_of: Mapping[str, str]) -> str:
    """The place of a pair whose comparison failed, `could not compare this pair`, with the keys
    (`key_of`: an action's key) that show another: ` · . or , for another pair` (those of them
    that lead somewhere), the timeline's when the pair spans every version, the keys of another
    article when the article has one pair (where `.` and `,` only say so), else none."""
    old, new = pair
    steps = [key_of[action] for action, leads in
             (("next_pair", new < version_count - 1), ("previous_pair", old > 0)) if leads]
    if steps:
        return f"could not compare this pair · {' or '.join(steps)} for another pair"
    if version_count > 2:
        return f"could not compare this pair · {key_of['timeline']} for another pair"
    steps = [key_of[action] for action, leads in
             (("next_article", article_index < article_count - 1),
              ("previous_article", article_index > 0)) if leads]
    return "could not compare this pair" + (
        f" · {' or '.join(steps)} for another article" if steps else "")


def changes_place(shown: int, hidden: int, next_key: str) -> str:
    """The place of a cursor on no sentence: how many changes the diff shows, how many a label or
    flag filter or `x` hides (the header names them), and the key to the next, `6 changes (2
    hidden) · n for the next`."""
    place = f"{shown} change{'s' if shown != 1 else ''}"
    if hidden:
        place += f" ({hidden} hidden)"
    if shown:
        place += f" · {next_key} for the next"
    return place


def change_position(position: int, total: int) -> tuple[str, str]:
    """Which change the cursor is on, `change 2 of 8`, and the shorter form a narrow status
    line keeps (`change 2`)."""
    return f"change {position} of {total}", f"change {position}"


def sentence_position(edit: Edit) -> tuple[str, ...]:
    """Where a sentence that is no change (unchanged, or a change a filter shows as plain text)
    stands, counted from 1 as the moved notes count: in the new version (`sentence 3`), with its
    place in the old one when that differs (`sentence 3 (was 4)`, then the shorter form that
    leaves it out); only in the old one when the new version lacks it. Its index among the
    edits is neither: deleted sentences count there."""
    if not edit.new:
        return (f"old sentence {edit.old[0] + 1}" if edit.old else "sentence",)
    where = f"sentence {edit.new[0] + 1}"
    if edit.old and edit.old[0] != edit.new[0]:
        return f"{where} (was {edit.old[0] + 1})", where
    return (where,)


def describe_edit(edit: Edit) -> str:
    """What the edit under the cursor is: its label, how similar its sides are, its flags."""
    parts = [edit.op.value]
    if edit.old and edit.new and edit.similarity < 1:
        # `>99%`, not `100%`, for a long sentence with a word changed: it did change
        parts.append(f"{percent(edit.similarity)} similar")
    parts += [flag.value.replace("_", " ") for flag in sorted(edit.flags, key=lambda f: f.value)]
    return " · ".join(parts)


def describe_row(row: RowReading, number: int, count: int, *, flipped: bool, flip_key: str,
                 restore_key: str) -> tuple[str, ...]:
    """For a row of a flattened page that is unsure or was flipped: its reading (the `number`-th
    of `count`) and the keys that change it (`flip_key` shows the next reading, `restore_key`
    undoes flips), in its forms from the longest to the shortest, which leave out how sure the
    reading is, then the row's kind, then the words around the reading and its keys (`? line 10 ·
    1 of 54 (f)`), never the reading and its keys; none for a sure row as the splitter read it."""
    if row.is_sure and not flipped:
        return ()
    # Rounded down, so that a row marked `?` never says "99% sure" or more.
    sure = "" if flipped else f", {sure_percent(row.confidence)}"
    keys = f"{flip_key}, {restore_key} undoes" if flipped else flip_key
    mark = "? " if not row.is_sure else ""
    reading = f" · reading {number} of {count} ({keys})"
    heads = (f"line {row.line}: {row.kind.value}{sure}", f"line {row.line}: {row.kind.value}",
             f"line {row.line}")
    bare_keys = f"{flip_key}, {restore_key}" if flipped else flip_key
    shortest = f"{mark}line {row.line} · {number} of {count} ({bare_keys})"
    return tuple(dict.fromkeys((*(f"{mark}{head}{reading}" for head in heads), shortest)))


def describe_page_row(page: PageReading, row: RowReading) -> tuple[str, ...]:
    """For an edit of a pair no page compares, the unsure row of another page it rests on: that
    page's pair, the row's line and how sure its reading is (`? v0 → v1 line 12, 47% sure`), then
    the shorter form that leaves out how sure, as `describe_row` does, never the pair or line."""
    row_named = f"? v{page.old_number} → v{page.new_number} line {row.line}"
    return (f"{row_named}, {sure_percent(row.confidence)}", row_named)
