"""Each entry's rows of a NewsEdits file read as an article (`group_articles`).

Broken rows are read as far as they go, each with a warning naming its entry and version: of rows
that repeat an entry's version number the first written (lowest rowid) is read and the others are
left out; a row without a version number is left out; a row whose entry id is NULL joins no other
row, an article of its own; a NULL title or text is read as empty; a `created` that is no time keeps
its text (News Sniffer's "about 1 hour later" and a date alone, `2024-02-01`, which revdiff's own
export writes there, without a warning); a time in a zone Python does not know (`CET`) is read in
no zone, with one warning for its entry that names such zones and their versions; a version dated
before the one before it keeps its place by number; an entry's url and source are its lowest
version's that has one (lower versions without one warned of), a later row's other url or source
warned of; the lowest version's num_versions is the entry's, the other rows' not read, left
out when it is no number (it counts the versions the rows hold); an entry id written as `1` in
some rows and `'1'` in others is one entry; an entry id stored as a BLOB is read as UTF-8 text
(`b'1'` is `1`; bad bytes replaced, warned), as a title is, in `entry_id` and in warnings, as
NYTdiff and diffengine read theirs. A number written as a float (`'2.0'`: a CSV file from
pandas) is the whole number it spells (`cell_int`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

from revdiff.errors import MalformedPage, RevdiffError
from revdiff.formats.article_errors import skip_or_raise
from revdiff.formats.created_times import parse_created
from revdiff.formats.export_read_back import EXPORT_ARTICLE_COLUMN, EXPORT_TIME_FROM_COLUMN
from revdiff.formats.fields import (
    MAX_DIGITS,
    RELATIVE_TIME,
    checked_url,
    dated_back_warnings,
    iso_date,
    leap_second_warning,
    not_a_time_reason,
    shown,
    source_of_url,
    time_from_problem,
    unread_time_from_warning,
    unread_zone,
)
from revdiff.formats.sqlite_schema import (
    cell_int,
    cell_shown,
    cell_text,
    id_key,
    id_not_utf8_warning,
    id_spellings_warning,
    is_not_utf8,
    not_utf8_warning,
)
from revdiff.formats.summary_paragraphs import split_summary
from revdiff.formats.text_input import check_size
from revdiff.model import Article, Version
from revdiff.natural_order import NaturalKey, natural_key
from revdiff.read_warnings import first_few

_Item = TypeVar("_Item")  # what `by_entry` groups: a rowid, a row


def by_entry(items: Sequence[tuple[object, _Item]]) -> list[tuple[object, list[_Item]]]:
    """The items of each entry, from (entry id, item) pairs ordered by entry: the entries in
    their natural order (`_natural_order`), then each item whose entry id is NULL, which joins
    no other, an entry of its own."""
    entries: dict[object, list[_Item]] = {}
    for entry, item in items:
        if entry is not None:
            entries.setdefault(id_key(entry), []).append(item)
    without_entry: list[tuple[object, list[_Item]]] = [
        (None, [item]) for entry, item in items if entry is None]
    return [*sorted(entries.items(), key=lambda entry_items: _natural_order(entry_items[0])),
            *without_entry]


def _natural_order(entry: object) -> NaturalKey:
    """An entry id (`id_key`) as its place among the others, its text's natural order
    (`natural_key`), so that `Story 2` comes before `Story 10` (SQLite's order put it after)."""
    return natural_key(str(entry))


def group_articles(rows: Sequence[dict[str, object]], columns: dict[str, str],
                    where: str, max_bytes: int, *, exported: bool) -> Iterator[Article]:
    for entry, entry_rows in by_entry([(row["entry"], row) for row in rows]):
        try:
            article = _article(entry, entry_rows, columns, where, max_bytes, exported=exported)
        except RevdiffError as error:  # one entry's: `export --skip-errors` reads the others
            skip_or_raise(error)
            continue
        yield article


def _article(entry: object, entry_rows: list[dict[str, object]], columns: dict[str, str],
             where: str, max_bytes: int, *, exported: bool) -> Article:
    """One entry's rows as an article: a broken row is read as far as it goes, with a warning.

    Of rows that repeat a version number the first written is read, the others are left out, as
    are rows without a version number (an entry without any is refused). A row without an
    entry id (`entry` None) is an article of its own, warned, without an `entry_id`. A NULL title
    or text is read as empty, and a text without paragraphs is kept so (warned, unless the file
    is revdiff's export, `exported`, which writes a version without a title or paragraphs so;
    its NULL text is warned of), a `created` that is no time
    keeps its text (warned, unless it is News Sniffer's "about 1 hour later" or a date alone,
    which revdiff's export writes), a time at a leap second (`23:59:60`) is read at second 59,
    warned, a time in a zone not read (`unread_zone`) is read in no zone (one warning names the
    zones and their versions: `_zones_warning`), a version dated before the one before it keeps
    its place by number, and a num_versions that is no number is left out. The num_versions is the lowest
    version's; the url and source the lowest version's that has one, a later row's other one
    warned of (`_entry_value`); without a source in any row, the URL's (`source_of_url`).
    """
    warnings: list[str] = []
    if entry is None:
        entry_name = f"{_row_name(entry_rows[0])} without an entry id"
        warnings.append(f"{entry_name} ({columns['entry']} is NULL) is read as an article of "
                        "its own")
    else:
        entry_name = f"entry {cell_shown(entry)}"
    cells = [row["entry"] for row in entry_rows]
    warnings.extend(warning for warning in (
        id_spellings_warning(entry_name, cells, columns["entry"], "entry"),
        id_not_utf8_warning(entry_name, cells, columns["entry"])) if warning is not None)
    numbered = []
    for row in entry_rows:
        number = cell_int(row["version"])
        if number is not None:
            numbered.append((number, row))
        else:
            warnings.append(f"{entry_name}: {_row_name(row)} is left out: its {columns['version']} "
                            f"{cell_shown(row['version'])} is not a version number")
    if not numbered:
        raise MalformedPage(f"{entry_name}: no row has a version number (a whole number from 0, "
                            f"of at most {MAX_DIGITS} digits) in {columns['version']}",
                            where,
                            hint="write a version number in its rows, or delete them")
    # Stable: rows of one number stay in the order SQLite gave them (by rowid where there is one).
    numbered.sort(key=lambda item: (item[0], _written(item[1])))
    by_number: dict[int, list[dict[str, object]]] = {}
    for number, row in numbered:
        by_number.setdefault(number, []).append(row)
    versions = []
    unread_zones: dict[str, list[str]] = {}  # zone: the numbers of its versions
    for number, same in by_number.items():
        row = same[0]
        if len(same) > 1:
            warnings.append(_duplicate_warning(entry_name, number, same))
        place = f"{entry_name} version {number}"
        created = row.get("created")
        time, time_text = parse_created(created, f"{place}: created", where)
        told = row.get("time_text")  # revdiff's export: what a page said beside the time
        if time is not None and isinstance(told, str) and told:
            time_text = told
        leap_second = (leap_second_warning(created.strip(), f"{place}: {columns['created']}")
                       if time is not None and isinstance(created, str) else None)
        if leap_second is not None:
            warnings.append(leap_second)
        zone = unread_zone(created) if time is not None and isinstance(created, str) else None
        if zone is not None:
            unread_zones.setdefault(zone, []).append(str(number))
        # revdiff's export (`exported`) writes a version without a title so, which the
        # warnings it keeps tell of where its input did
        if "title" in columns and row.get("title") is None and not exported:
            warnings.append(f"{place}: {columns['title']} is NULL, read as empty")
        if row.get("text") is None:
            warnings.append(f"{place}: {columns['text']} is NULL, read as no text")
        if time_text is not None and not (RELATIVE_TIME.fullmatch(time_text)
                                          or iso_date(time_text) is not None):
            warnings.append(_not_a_time_warning(place, columns['created'], time_text))
        title = _cell_text(row, "title", columns, place, warnings)
        text = _cell_text(row, "text", columns, place, warnings)
        check_size(_utf8_size(title) + _utf8_size(text), where, max_bytes, what=place)
        paragraphs = split_summary(text)
        # an empty text is how revdiff's export (`exported`) writes a version without
        # paragraphs, which the warnings it keeps tell of where its input did
        if row.get("text") is not None and not paragraphs and not exported:
            warnings.append(f"{place}: {columns['text']} holds no text; kept as a version "
                            "without paragraphs")
        time_from = _time_from(row, number, time_text, place, warnings)
        versions.append(Version(number, title, paragraphs, time, time_text, time_from))
    if unread_zones:
        warnings.append(_zones_warning(entry_name, columns["created"], unread_zones))
    warnings.extend(dated_back_warnings(entry_name, versions,
                                        f"{columns.get('created', 'created')} "))
    first = by_number[versions[0].number][0]
    count = first.get("count")
    url = _entry_value("url", entry_name, versions, by_number, columns, warnings)
    if url is not None:
        checked_url(url, f"{entry_name}: url", where)
    changes = cell_int(count)
    if changes is None and count not in (None, ""):
        warnings.append(f"{entry_name}: {columns['count']} {cell_shown(count)} is not a number "
                        "of versions; left out")
    # no source in the rows (NULL, or no such column): the one the URL names, as every reader
    source = (_entry_value("source", entry_name, versions, by_number, columns, warnings)
              or source_of_url(url))
    metadata = {"entry_id": str(cell_text(entry))} if entry is not None else {}
    # revdiff's export names an article without a URL or title by the input it was read from:
    # read back, it keeps that name (`Article.key`), not the export's, so that exports settle
    exported_name = first.get(EXPORT_ARTICLE_COLUMN)
    if (url is None and not versions[0].title.strip() and isinstance(exported_name, str)
            and exported_name.strip()):
        metadata[EXPORT_ARTICLE_COLUMN] = exported_name
    return Article(source, url, tuple(versions), changes, metadata, tuple(warnings))


def _time_from(row: dict[str, object], number: int, time_text: str | None, place: str,
               warnings: list[str]) -> int | None:
    """The number of the version the time (`time_text`) of version `number` counts from, which
    revdiff's export keeps in its `time_from` column, also one the entry has not (its row cut);
    None without a time, and for a cell that is no version number, or names the version itself
    or one on the wrong side for the time told (`fields.time_from_problem`; warned: the time
    counts as one that names no version, `fields.unread_time_from_warning`)."""
    value = row.get(EXPORT_TIME_FROM_COLUMN)
    if time_text is None or value is None:
        return None
    time_from = cell_int(value)
    problem = ("is not a version number" if time_from is None
               else time_from_problem(number, time_from, time_text))
    if problem is None:
        return time_from
    warnings.append(unread_time_from_warning(
        f"{place}: {EXPORT_TIME_FROM_COLUMN} {cell_shown(value)}", problem, time_text))
    return None


def _entry_value(field: str, entry_name: str, versions: list[Version],
                 by_number: dict[int, list[dict[str, object]]], columns: dict[str, str],
                 warnings: list[str]) -> str | None:
    """The entry's `url` or `source` (`field`), of which an article holds one: its lowest
    version's that has one. Versions below that one, without any, are warned of, and so are the
    later versions' other values (a slug changed), naming each with its versions: they are not
    read, nor written back by the export. A row without one is none to name."""
    rows = [(version.number, by_number[version.number][0]) for version in versions]
    given = [(number, cell_text(row[field]) if row.get(field) else None) for number, row in rows]
    present = [(number, value) for number, value in given if value is not None]
    if not present:
        return None
    holder, kept = present[0]
    column = columns.get(field, field)
    without = [number for number, _ in given if number < holder]
    if without:
        warnings.append(f"{entry_name}: {_versions(without)} {'has' if len(without) == 1 else 'have'}"
                        f" no {column}: the article's is version {holder}'s ({shown(kept)})")
    numbers_of: dict[str, list[int]] = {}
    for number, other in present[1:]:
        if other != kept:
            numbers_of.setdefault(other, []).append(number)
    if numbers_of:
        named = "; ".join(f"{shown(other)} of {_versions(numbers)}"
                          for other, numbers in numbers_of.items())
        whose = f"version {holder}'s" if without else "its lowest version's"
        warnings.append(f"{entry_name}: {column} {named} {'is' if len(numbers_of) == 1 else 'are'}"
                        f" not read: an article holds one {column}, {whose} ({shown(kept)})")
    return kept


def _versions(numbers: list[int]) -> str:
    """`version 2`, `versions 2, 3`."""
    return (f"version{'s' if len(numbers) > 1 else ''} "
            f"{', '.join(str(number) for number in numbers)}")


def _not_a_time_warning(place: str, column: str, text: str) -> str:
    """The warning of a `created` kept as text, saying why where a time's zone is what is wrong
    (`not_a_time_reason`)."""
    quoted = f"{place}: {column} {shown(text)} is not a time"
    reason = not_a_time_reason(text)
    return quoted if reason is None else f"{quoted}: {reason}"


def _cell_text(row: dict[str, object], field: str, columns: dict[str, str], place: str,
               warnings: list[str]) -> str:
    """A text cell of a version's row; a BLOB is read as UTF-8, its bad bytes replaced with a
    warning (its Python form, `b'...'`, was read as the text)."""
    value = row.get(field)
    if is_not_utf8(value):
        warnings.append(not_utf8_warning(place, columns[field]))
    return cell_text(value) or ""


def _zones_warning(entry_name: str, column: str, unread_zones: dict[str, list[str]]) -> str:
    """The warning of an entry's times in a zone not read (`unread_zone`), read as written in no
    zone: the zones, the most used first, each with the first few of its versions (`'CET'
    (versions 0, 1, 2 and 3 more)`), one line for the entry however many rows hold them."""
    zones = [f"{shown(zone)} ({'version' if len(numbers) == 1 else 'versions'} "
             f"{_few_named(numbers)})"
             for zone, numbers in sorted(unread_zones.items(), key=lambda item: -len(item[1]))]
    return (f"{entry_name}: {column} names a time zone that is not read (unknown or ambiguous): "
            f"{first_few(zones)}; read as written, in no zone (write an offset, `+0100`, to read "
            "a time in its zone)")


def _row_name(row: dict[str, object]) -> str:
    """`the row with rowid 17`, or `a row` in a table without rowids."""
    row_id = row.get("rowid")
    return f"the row with rowid {row_id}" if isinstance(row_id, int) else "a row"


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def _written(row: dict[str, object]) -> int:
    """Where a row comes in the order rows were written: its rowid (0 where there is none)."""
    row_id = row.get("rowid")
    return row_id if isinstance(row_id, int) else 0


def _duplicate_warning(entry_name: str, number: int, same: Sequence[dict[str, object]]) -> str:
    others = len(same) - 1
    ids = [row.get("rowid") for row in same]
    if all(isinstance(row_id, int) for row_id in ids):
        read = f"the first written (rowid {ids[0]}) is read"
        left = (f"the other{'s' if others > 1 else ''} "
                f"(rowid {', '.join(str(row_id) for row_id in ids[1:])}) left out")
    else:
        read = "the first is read"
        left = f"{others} other{'s' if others > 1 else ''} left out"
    kept = (same[0].get("title"), same[0].get("text"))
    alike = all((row.get("title"), row.get("text")) == kept for row in same[1:])
    return (f"{entry_name} has {len(same)} rows for version {number}: {read}, {left}"
            f"{' (same title and text)' if alike else ''}")


def _few_named(names: list[str], shown_names: int = 3) -> str:
    """`5`, `5 and 9`, `5, 9, 12 and 2 more`: the first `shown_names` names and how many more."""
    if len(names) > shown_names:
        return f"{', '.join(names[:shown_names])} and {len(names) - shown_names:,} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
