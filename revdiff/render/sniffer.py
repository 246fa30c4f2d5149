"""Make News Sniffer diff pages from two versions: the HTML page and its flattened text.

Written in this project from the format description (`../shared/FORMATS.md` §1 and §2) and from
what the corpus pages (`../shared/corpus/pages/*/page.html`, made by News Sniffer) show; no News
Sniffer code was read or translated. `tests/render/test_render_sniffer_corpus.py` renders every
corpus page from its `truth.json` and compares the bytes. What the pages show:

- the body rows are the paragraph diff of `revdiff.splitter.grammar.diff_rows`;
- a match row holds the escaped paragraph in both cells; a one-sided row holds it in a `<del>`
  (old side) or an `<ins>` (new side), the other cell empty;
- a change row runs a second diff over the words (split at single spaces). The old cell is one
  `<del>` holding each removed word as `<del> word </del>` and each kept word as ` word`; the new
  cell is one `<ins>` holding each added word as `<ins> word </ins>` and each kept word as
  ` word ` (the kept words are padded differently on the two sides);
- text is escaped with `&#39;` for the apostrophe, except in the check status sentence.

Used by `samples/make_samples.py`, the tests and the splitter benchmark; revdiff itself never
writes these pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from revdiff.model import RowKind, Version
from revdiff.splitter.grammar import Row, diff_rows, flatten_row, lcs_pairs

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
# The check status is the site's own sentence ("won't be checked"): its quotes stay as they are.
_STATUS_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the article-info block and header of a diff page say."""

    source: str = "washpo"
    url: str = "https://example.com/story"
    # How many versions "The article has changed N times" counts; by default as many as the
    # page's newer version leaves room for (News Sniffer numbers versions from 0).
    changes: int | None = None
    status: str = "It last changed over 40 days ago and won't be checked again for changes."
    time_text: str = "about 1 hour later"
    first_seen: str = "2020-01-02T17:12:09Z"


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _kept_flags(words: Sequence[str], others: Sequence[str]) -> tuple[list[bool], list[bool]]:
    """For each word of both lists: is it part of their longest common subsequence?"""
    in_words, in_others = [False] * len(words), [False] * len(others)
    for i, j in lcs_pairs(words, others):
        in_words[i] = in_others[j] = True
    return in_words, in_others


def _change_cells(old: str, new: str) -> tuple[str, str]:
    """The two cells of a change row, their words marked as the page marks them."""
    old_words, new_words = old.split(" "), new.split(" ")
    old_kept, new_kept = _kept_flags(old_words, new_words)
    old_cell = "".join(f" {_escape(word)}" if kept else f"<del> {_escape(word)} </del>"
                       for word, kept in zip(old_words, old_kept))
    new_cell = "".join(f" {_escape(word)} " if kept else f"<ins> {_escape(word)} </ins>"
                       for word, kept in zip(new_words, new_kept))
    return f"<del>{old_cell}</del>", f"<ins>{new_cell}</ins>"


def _cells(row: Row) -> tuple[str, str]:
    kind, old, new = row
    if kind is RowKind.CHANGE:
        return _change_cells(old or "", new or "")
    if kind is RowKind.MATCH:
        return _escape(old or ""), _escape(new or "")
    if kind is RowKind.OLD_ONLY:
        return f"<del>{_escape(old or '')}</del>", ""
    return "", f"<ins>{_escape(new or '')}</ins>"


def _utc(time: datetime | None, fallback: str) -> datetime:
    moment = time if time is not None else datetime.fromisoformat(fallback)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _iso(moment: datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z"


def _shown(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC"


def _title_cells(old: Version, new: Version) -> tuple[str, str]:
    if old.title == new.title:
        return _escape(old.title), _escape(new.title)
    return f"<del>{_escape(old.title)}</del>", f"<ins>{_escape(new.title)}</ins>"


def _changes(old: Version, new: Version, info: PageInfo) -> int:
    return info.changes if info.changes is not None else max(old.number, new.number) + 1


def _article_info(info: PageInfo, changes: int) -> list[str]:
    seen = _utc(None, info.first_seen)
    url = _escape(info.url)
    return [
        '<div class="article-info">',
        (f"\t<p>This article is from the source '<cite>{_escape(info.source)}</cite>' and was "
        "first published or seen"),
        f"\ton <time datetime='{_iso(seen)}'>{seen:%B} {seen.day}, {seen:%Y %H:%M} (UTC)</time>.",
        "",
        f"\t\t{info.status.translate(_STATUS_ESCAPES)}",
        "\t</p>",
        "",
        ("\t<p>You can find the current article at its original source at "
        f'<cite class="article_url"><a href="{url}" rel="alternate external author">{url}</a>'
        "</cite></p>"),
        "",
        (f"\t<p>The article has changed <var>{changes}</var> times. There is an "
        '<a href="/articles/1.rss" class="feed rss" rel="alternate">RSS feed of changes</a> '
        "available.</p>"),
        "</div>",
    ]


def _table_head(old: Version, new: Version, info: PageInfo) -> list[str]:
    old_title, new_title = _title_cells(old, new)
    old_time, new_time = _utc(old.time, info.first_seen), _utc(new.time, info.first_seen)
    return [
        '<table class="version_diff">',
        "\t<thead>",
        "\t\t<tr>",
        f'\t\t\t<th class="version"><small>Version {old.number}</small></th>',
        f'\t\t\t<th class="version"><small>Version {new.number}</small></th>',
        "\t\t</tr>",
        '\t\t<tr id="title">',
        f'\t\t\t<th class="title">{old_title}</th>',
        f'\t\t\t<th class="title">{new_title}</th>',
        "\t\t</tr>",
        "\t\t<tr>",
        f'\t\t\t<th class="time"><time datetime="{_iso(old_time)}">{_shown(old_time)}</time></th>',
        '\t\t\t<th class="time">',
        f'\t\t\t\t<time datetime="{_iso(new_time)}">',
        f"\t\t\t\t{_shown(new_time)}",
        "\t\t\t\t</time> ",
        f"\t\t\t\t({_escape(info.time_text)})",
        "\t\t\t</th>",
        "\t\t</tr>",
        "\t</thead>",
    ]


def render_diff_html(old: Version, new: Version, info: PageInfo) -> str:
    """The diff page as News Sniffer serves it."""
    pagination = ('<div class="version_list pagination"><a href="#">Previous version</a> '
                  f'<a href="#">{old.number}</a> <a href="#">{new.number}</a> '
                  '<a href="#">Next version</a></div>')
    rows = [f"<tr id='p{number}'><td>{cells[0]}</td><td>{cells[1]}</td></tr>"
            for number, cells in enumerate(
                (_cells(row) for row in diff_rows(old.paragraphs, new.paragraphs)), start=1)]
    lines = [
        "<!DOCTYPE html>",
        (f"<html><head><title>'{_escape(old.title)}' diff viewer ({old.number}/{new.number})"
        "</title></head>"),
        "<body>",
        ('<nav><ul><li><a href="/">Home</a></li>'
        '<li><a href="/versions">Latest revisions</a></li></ul></nav>'),
        "<main>",
        *_article_info(info, _changes(old, new, info)),
        pagination,
        *_table_head(old, new, info),
        *rows,
        "</table>",
        '<div class="version_list pagination"><a href="#">Previous version</a></div>',
        "</main>",
        "<footer><p>Currently monitoring 12345 articles.</p></footer>",
        "</body></html>",
    ]
    return "\n".join(lines) + "\n"


def render_diff_text(old: Version, new: Version, info: PageInfo) -> str:
    """The diff page flattened to text, as a saved page looks (no trailing newline)."""
    header = [
        (f"This article is from the source '{info.source}' and was first published or seen on . "
         f"{info.status}"),
        "",
        f"You can find the current article at its original source at {info.url}",
        "",
        (f"The article has changed {_changes(old, new, info)} times. There is an RSS feed of "
         "changes available."),
        "",
        f"Version {old.number} Version {new.number}",
        f"{old.title} {new.title}",
        f"({info.time_text})",
    ]
    rows = [flatten_row(row) for row in diff_rows(old.paragraphs, new.paragraphs)]
    return "\n".join(header + rows)
