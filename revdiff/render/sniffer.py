"""Render News Sniffer diff pages from two versions: the HTML page and its flattened text.

The rows come from `revdiff.splitter.grammar.diff_rows` (News Sniffer's paragraph diff);
change rows get a word diff as the site marks it up. The flattened text is what a text
extractor makes of the page (FORMATS.md §1): one line per row, cells glued together.
Used for samples, tests and the splitter benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from revdiff.model import RowKind, Version
from revdiff.splitter.grammar import Row, diff_rows, flatten_row, lcs_pairs


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the article-info block and header of a diff page say."""

    source: str = "washpo"
    url: str = "https://example.com/story"
    changes: int = 2
    status: str = "It last changed over 40 days ago and won't be checked again for changes."
    time_text: str = "about 1 hour later"
    first_seen: str = "2020-01-02T17:12:09Z"


def _word_diff_cells(old: str, new: str) -> tuple[str, str]:
    old_words, new_words = old.split(" "), new.split(" ")
    old_html: list[str] = []
    new_html: list[str] = []
    i = j = 0
    for match_i, match_j in [*lcs_pairs(old_words, new_words), (len(old_words), len(new_words))]:
        old_html.extend(f"<del> {escape(w)} </del>" for w in old_words[i:match_i])
        new_html.extend(f"<ins> {escape(w)} </ins>" for w in new_words[j:match_j])
        if match_i < len(old_words):
            old_html.append(f" {escape(old_words[match_i])}")
            new_html.append(f" {escape(new_words[match_j])} ")
        i, j = match_i + 1, match_j + 1
    return "".join(old_html), "".join(new_html)


def _row_html(number: int, row: Row) -> str:
    kind, old, new = row
    if kind is RowKind.MATCH:
        cells = escape(old or ""), escape(new or "")
    elif kind is RowKind.CHANGE:
        old_cell, new_cell = _word_diff_cells(old or "", new or "")
        cells = f"<del>{old_cell}</del>", f"<ins>{new_cell}</ins>"
    elif kind is RowKind.OLD_ONLY:
        cells = f"<del>{escape(old or '')}</del>", ""
    else:
        cells = "", f"<ins>{escape(new or '')}</ins>"
    return f"<tr id='p{number}'><td>{cells[0]}</td><td>{cells[1]}</td></tr>"


def render_diff_html(old: Version, new: Version, info: PageInfo) -> str:
    """The diff page as News Sniffer serves it."""
    if old.title == new.title:
        titles = f'<th class="title">{escape(old.title)}</th><th class="title">{escape(new.title)}</th>'
    else:
        titles = (f'<th class="title"><del>{escape(old.title)}</del></th>'
                  f'<th class="title"><ins>{escape(new.title)}</ins></th>')
    old_time = old.time.isoformat() if old.time else info.first_seen
    new_time = new.time.isoformat() if new.time else info.first_seen
    body = "\n".join(_row_html(n, row) for n, row in
                     enumerate(diff_rows(old.paragraphs, new.paragraphs), start=1))
    return f"""<!DOCTYPE html>
<html><head><title>{escape(old.title)} diff viewer ({old.number}/{new.number})</title></head>
<body><main>
<div class="article-info">
<p>This article is from the source '<cite>{escape(info.source)}</cite>' and was first published or seen
on <time datetime='{info.first_seen}'>{info.first_seen}</time>.
{escape(info.status)}</p>
<p>You can find the current article at its original source at <cite class="article_url"><a href="{escape(info.url)}" rel="alternate external author">{escape(info.url)}</a></cite></p>
<p>The article has changed <var>{info.changes}</var> times. There is an <a href="#" class="feed rss">RSS feed of changes</a> available.</p>
</div>
<table class="version_diff">
<thead>
<tr><th class="version"><small>Version {old.number}</small></th><th class="version"><small>Version {new.number}</small></th></tr>
<tr id="title">{titles}</tr>
<tr><th class="time"><time datetime="{old_time}">{old_time}</time></th>
<th class="time"><time datetime="{new_time}">{new_time}</time> ({escape(info.time_text)})</th></tr>
</thead>
{body}
</table>
</main></body></html>
"""


def render_diff_text(old: Version, new: Version, info: PageInfo) -> str:
    """The diff page flattened to text, as a saved page looks (no trailing newline)."""
    header = [
        (f"This article is from the source '{info.source}' and was first published or seen on . "
         f"{info.status}"),
        "",
        f"You can find the current article at its original source at {info.url}",
        "",
        f"The article has changed {info.changes} times. There is an RSS feed of changes available.",
        "",
        f"Version {old.number} Version {new.number}",
        f"{old.title} {new.title}",
        f"({info.time_text})",
    ]
    rows = [flatten_row(row) for row in diff_rows(old.paragraphs, new.paragraphs)]
    return "\n".join(header + rows)
