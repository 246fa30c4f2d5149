"""NYTdiff SQLite files: the original (`nyt_versions`) and its RSS fork (`rss_versions`).

NYTdiff polls a list of articles (the New York Times top-stories API, or an RSS feed in the
fork) and stores a row in its versions table whenever an article's fields change: `article_id`,
`url`, `title`, `abstract` (tags stripped, `&` `<` `>` escaped; often the whole body, one
paragraph per line), `byline` and `kicker` (original) or `author` (fork), a `hash` of those
fields, `date_time` and `version`. The tables are made by the `dataset` library, which adds an
`id` in insertion order. What real files show, and how it is read:

- `date_time` is the tracker machine's local time without a zone: kept without one, with a warning.
- The fork never increments `version` (every row stays 1): when the numbers of an article repeat,
  its rows are ordered by `date_time`, then `id`, and numbered 1, 2, ... with a warning; so are
  they when a row's `version` is no number (`-1`, `'x'`, NULL), which a warning of its row
  names.
- An `article_id` written as `1` in some rows and `1.0` or `'1'` in others is one article
  (`id_key`, as NewsEdits and diffengine read an entry id), warned; any other id is as stored
  (`1.5` and `'1.5'` are two: NYTdiff writes text ids, and no tracker a fractional number);
  one stored as a BLOB is the UTF-8 text it holds (`b'1'` is `1`), its bad bytes replaced,
  warned. Warnings name an article as the others name an entry: `article 1`, `article 'x'`.
- Rows without an `article_id` join the article whose rows have their `url`, when one article
  does; else they are one article per `url` (and those without either, one more); both warned.
- A title, abstract, url, byline or author whose bytes are not UTF-8 has its bad bytes replaced,
  warned, naming its row; a url Python cannot split (`http://[::1/x`) is refused, naming its
  row, as every reader refuses such a URL (`checked_url`).
- An article's source is its url's site (`source_of_url`); the original's is `nyt` where its
  rows have no url that names a site.
- A NULL title or abstract becomes an empty one, and a time that goes back along the version
  order is kept where the version number puts it; both are warned about.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from revdiff.errors import EmptyInput
from revdiff.formats.fields import (
    MAX_DIGITS,
    checked_url,
    dated_back_warnings,
    shown,
    source_of_url,
)
from revdiff.formats.sqlite_schema import (
    NYTDIFF_TABLES,
    Table,
    cell_int,
    cell_shown,
    cell_text,
    cell_time,
    cell_time_warning,
    id_key,
    id_not_utf8_warning,
    id_spellings_warning,
    is_not_utf8,
    not_utf8_warning,
    quote,
    table_rows,
    tracker_row_id,
    untimed_warning,
)
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version
from revdiff.read_warnings import counted, first_few

REQUIRED_COLUMNS = ("article_id", "title", "abstract", "date_time")
OPTIONAL_COLUMNS = ("id", "version", "url", "byline", "author")  # not `kicker`: unused


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a versions table, as read."""

    row_id: int
    article_id: object  # the cell as stored, which a warning quotes; None where it holds no id
    version: int | None
    version_cell: object  # the cell as stored, which a warning quotes when it is no number
    time: datetime | None
    time_text: str | None
    date_time: object  # the cell as stored, which its warnings quote
    title: str | None
    abstract: str | None
    url: str | None
    credit: str | None  # byline (original) or author (fork)
    not_utf8: tuple[str, ...]  # the columns of title, abstract, url and credit whose bytes are
    # not UTF-8


def split_abstract(abstract: str) -> tuple[str, ...]:
    """Paragraphs of an abstract: one per non-blank line, entities that bleach escaped undone."""
    lines = (collapse_whitespace(html.unescape(line)) for line in abstract.split("\n"))
    return tuple(line for line in lines if line)


def read_tables(connection: sqlite3.Connection, schema: dict[str, Table],
                where: str) -> list[Article]:
    """Every article of every NYTdiff versions table in the file."""
    articles: list[Article] = []
    for name in NYTDIFF_TABLES:
        table = schema.get(name)
        if table is not None:
            articles.extend(_read_table(connection, table, where))
    return articles


def _read_table(connection: sqlite3.Connection, table: Table, where: str) -> list[Article]:
    order = quote(table.columns["id"]) if "id" in table.columns else None
    raw = table_rows(connection, table, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, where,
                     tracker="NYTdiff", hint="give the titles.db file NYTdiff wrote, unchanged",
                     order=order)
    if not raw:
        raise EmptyInput(f"the {table.name} table is empty", where,
                         hint="give a NYTdiff file that has tracked articles")
    # an article is its article_id (`id_key`, as NewsEdits and diffengine tell their entries
    # apart); rows without one (None) are told apart by their url
    grouped: dict[tuple[object, str | None], list[Row]] = {}
    for values in raw:
        time, time_text = cell_time(values["date_time"])
        credit_column = "byline" if "byline" in values else "author"
        credit = values.get(credit_column)
        row_id = tracker_row_id(values)
        id_cell = values["article_id"] if cell_text(values["article_id"]) else None
        article_id = None if id_cell is None else id_key(id_cell)
        url = cell_text(values.get("url"))
        if url:
            checked_url(url, f"{table.name} row {row_id}: url", where)
        key = (article_id, None if article_id is not None else url or None)
        grouped.setdefault(key, []).append(Row(
            row_id, id_cell, cell_int(values.get("version")), values.get("version"), time,
            time_text, values["date_time"],
            cell_text(values["title"]), cell_text(values["abstract"]), url, cell_text(credit),
            tuple(column for column in ("title", "abstract", "url", credit_column)
                  if is_not_utf8(values.get(column)))))
    original = table.name.lower() == "nyt_versions"
    numbered = "version" in table.columns
    return [_article(article_id, rows, table.name, original, numbered, notes)
            for article_id, rows, notes in _joined_by_url(grouped, table.name)]


def _joined_by_url(grouped: dict[tuple[object, str | None], list[Row]],
                   table: str) -> list[tuple[object, list[Row], list[str]]]:
    """The articles of the grouped rows, each with the warnings of its rows without an
    article_id: those of a url that the rows of one article have join that article, as its
    versions; those of a url that several articles or none have are an article of their own."""
    ids_of_url: dict[str, list[object]] = {}
    for (article_id, _), rows in grouped.items():
        for row_url in dict.fromkeys(r.url for r in rows if article_id is not None and r.url):
            ids_of_url.setdefault(row_url, []).append(article_id)
    articles = {key: (list(rows), list[str]()) for key, rows in grouped.items()}
    for (article_id, url), rows in grouped.items():
        if article_id is not None:
            continue
        lack = (f"{table}: {counted(len(rows), 'row')} {'has' if len(rows) == 1 else 'have'} "
                f"no article_id ({'row' if len(rows) == 1 else 'rows'} "
                f"{first_few([str(r.row_id) for r in rows])})")
        ids = ids_of_url.get(url or "", [])
        if len(ids) == 1:
            del articles[(None, url)]
            joined_rows, notes = articles[(ids[0], None)]
            joined_rows.extend(rows)
            notes.append(f"{lack}; read as article {cell_shown(ids[0])}, the one article whose rows "
                         f"have the url {shown(url)}")
        elif url:
            others = (f", not joined to articles {', '.join(cell_shown(i) for i in ids)}, whose rows "
                      "have it too") if ids else ""
            articles[(None, url)][1].append(f"{lack}; read as one article by the url "
                                          f"{shown(url)}{others}")
        else:
            articles[(None, None)][1].append(f"{lack} and no url; read as one article")
    return [(article_id, rows, notes) for (article_id, _), (rows, notes) in articles.items()]


def _numbers_are_distinct(rows: Sequence[Row]) -> bool:
    numbers = [r.version for r in rows]
    return None not in numbers and len(set(numbers)) == len(numbers)


def _article(article_id: object, rows: list[Row], table: str, original: bool, numbered: bool,
             notes: list[str]) -> Article:
    """One article's rows as an article; `numbered` where the table has a version column, whose
    rows without a version number (NULL, `''`, `-1`, `'x'`) are each named in a warning."""
    warnings = list(notes)
    named = f"{table}: {_article_named(article_id, rows)}"
    cells = [r.article_id for r in rows if r.article_id is not None]
    warnings.extend(warning for warning in (id_spellings_warning(named, cells, "article_id", "article"),
                                            id_not_utf8_warning(named, cells, "article_id"))
                    if warning is not None)
    if _numbers_are_distinct(rows):
        rows = sorted(rows, key=lambda r: (r.version or 0, r.row_id))
        numbers = [r.version or 0 for r in rows]
    else:
        rows = sorted(rows, key=lambda r: (r.time is None, sortable_time(r.time), r.row_id))
        numbers = list(range(1, len(rows) + 1))
        warnings.extend(f"{table} row {r.row_id}: version {cell_shown(r.version_cell)} is not a "
                        f"version number (a whole number from 0, of at most {MAX_DIGITS} digits)"
                        for r in sorted(rows, key=lambda r: r.row_id)
                        if numbered and r.version is None)
        if len(rows) > 1:
            warnings.append(f"{named} repeats or lacks version numbers; its {len(rows)} rows "
                            "are ordered by date_time, then id, and numbered 1, 2, ...")
    versions = []
    untimed = []
    for number, row in zip(numbers, rows):
        if row.time is None and row.time_text is None:
            untimed.append(number)
        if row.title is None:
            warnings.append(f"{table} row {row.row_id} (version {number}): title is NULL, read as empty")
        if row.abstract is None:
            warnings.append(f"{table} row {row.row_id} (version {number}): abstract is NULL, "
                            "read as no text")
        warnings.extend(not_utf8_warning(f"{table} row {row.row_id} (version {number})", column)
                        for column in row.not_utf8)
        time_warning = cell_time_warning(row.date_time, (row.time, row.time_text),
                                         f"{table} row {row.row_id} (version {number}): date_time")
        if time_warning is not None:
            warnings.append(time_warning)
        paragraphs = split_abstract(row.abstract or "")
        if row.abstract is not None and not paragraphs:
            warnings.append(f"{table} row {row.row_id} (version {number}): abstract holds no "
                            "text; kept as a version without paragraphs")
        versions.append(Version(number, collapse_whitespace(row.title or ""), paragraphs,
                                row.time, row.time_text))
    warnings.extend(warning for warning in (untimed_warning(named, "date_time", untimed),)
                    if warning is not None)
    warnings.extend(_time_warnings(table, named, versions))
    urls = [r.url for r in rows if r.url]
    url = urls[-1] if urls else None
    # (the fork numbers its articles apart from the original: its own tracker's entries)
    metadata = {"tracker": "nytdiff" if original else "nytdiff-rss",
                "article_id": "" if article_id is None else str(cell_text(article_id))}
    if len(set(urls)) > 1:
        metadata["earlier_urls"] = " ".join(dict.fromkeys(u for u in urls if u != url))
    credits = [r.credit for r in rows if r.credit]
    if credits:
        metadata["byline" if original else "author"] = credits[-1]
    # the original tracks the Times, but its list of articles may name another site's
    source = (source_of_url(url) or "nyt") if original else source_of_url(url)
    return Article(source, url, tuple(versions), None, metadata, tuple(warnings))


def _article_named(article_id: object, rows: Sequence[Row]) -> str:
    """An article as its warnings name it: by its article_id, else by the url and ids of its
    rows (a url is cut short when quoted; the ids tell apart urls that start alike)."""
    if article_id is not None:
        return f"article {cell_shown(article_id)}"
    ids = first_few([str(r.row_id) for r in sorted(rows, key=lambda r: r.row_id)])
    if rows[0].url:
        return f"the article of url {shown(rows[0].url)} (no article_id; rows {ids})"
    return f"the article of the rows without article_id or url ({ids})"


def _time_warnings(table: str, named: str, versions: Sequence[Version]) -> list[str]:
    """The warnings of an article's times: the table's zoneless times, and each version of the
    article (`named`, as its warnings name it) dated before the one before it."""
    warnings = []
    if any(v.time is not None and v.time.tzinfo is None for v in versions):
        warnings.append(f"{table}: date_time has no time zone (NYTdiff stores the tracker "
                        "machine's local time); times are kept without one")
    return warnings + dated_back_warnings(named, versions)


def sortable_time(time: datetime | None) -> datetime:
    """A time that sorts with all others: zoned times in UTC, naive ones as given, none first."""
    if time is None:
        return datetime.min
    return time.astimezone(UTC).replace(tzinfo=None) if time.tzinfo is not None else time
