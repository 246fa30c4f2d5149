"""The one page shell and style sheet of revdiff's HTML outputs (the report and the comparison page).

A page carries its CSS inline, runs no scripts and loads nothing from elsewhere; its
Content-Security-Policy tells the browser so, in case a text ever slipped through unescaped.
The control characters of the text (an escape sequence, a bidirectional override), which HTML
does not allow and which `cat` would hand to a terminal, are shown as symbols (`visible_html`).
A page's own words are English (`<html lang="en">`); an article's text is in whatever language
it was written in, which no input records, so each element that holds it says its language is
unknown (`UNKNOWN_LANGUAGE`) rather than English, to a screen reader, a spelling checker or a
translator.

Printed, a page leaves out its links between pages (`<nav>`) and each pair's back to the
timeline, lets no table scroll (the timeline is printed whole) and shows the sentences folded
into `N unchanged sentences` (a browser that cannot style `::details-content` prints them
folded: without a script a `<details>` cannot be opened for print); no background is needed
to tell changes apart, words removed being struck out and words added underlined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from revdiff.terminal_text import visible, visible_html

# Nothing may be fetched or run: no scripts, no images (the charts are inline SVG), fonts or
# styles but the page's own; and, as `default-src` does not cover them, no `<base>` may send the
# page's links elsewhere, no form post anywhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

# The attribute of an element that holds an article's text: HTML's `lang=""`, language unknown.
UNKNOWN_LANGUAGE = ' lang=""'


def shown_line(text: str) -> str:
    """A line of article text (a title, a name, a URL) escaped, its line breaks and tabs shown as
    symbols (`␊`, `␉`), as the text output shows them (`visible`): a page draws them as spaces."""
    return escape(visible(text))


def isolated(text: str) -> str:
    """`text` as a line (`shown_line`) and isolated (`<bdi>`): a right-to-left name, key, path or
    source would take the text after it into its direction."""
    return f"<bdi>{shown_line(text)}</bdi>"

STYLE = """
body { font-family: Georgia, serif; margin: 2em auto; max-width: 76em; padding: 0 1em; color: #222;
       overflow-wrap: break-word; }
h1 { font-size: 1.6em; margin-bottom: .2em; unicode-bidi: plaintext; }
h2 { font-size: 1.2em; margin-top: 2em; }
.meta, .stats, .legend { color: #555; } .legend { font-size: 90%; } a { color: #245; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
/* A diff table's columns keep their widths whatever their words: a word breaks only where it is
   longer than its column's line (a long URL), never widening the page, and no word breaks where it
   fits. A table that scrolls sideways may break any word. */
table.diff { table-layout: fixed; } table.diff th:first-child { width: 6em; }
th, td { vertical-align: top; padding: .3em .6em; border-top: 1px solid #ddd; text-align: start;
         unicode-bidi: plaintext; }
td.op { font-family: monospace; color: #666; overflow-wrap: normal; }
td.num { text-align: right; font-variant-numeric: tabular-nums; min-width: 7ch; }
td.words { white-space: nowrap; }  /* the index's `+282 / -70`, never over two lines */
.sideways { overflow-x: auto; } .sideways td { overflow-wrap: anywhere; }
.sideways th { overflow-wrap: normal; }
.sideways td:not(.num) { min-width: 8em; }
td.source { overflow-wrap: normal; }
.unseen { font-family: monospace; font-size: 85%; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: underline; }
tr.title td:not(.op) { font-weight: bold; } thead th { font-size: 85%; color: #555; }
tr.unchanged td { color: #666; } tr.moved td.op { color: #06c; }
summary { cursor: pointer; } details p { margin: .3em 0; unicode-bidi: plaintext; }
.flags { font-size: 80%; color: #a60; display: block; }
.sureness { font-size: 80%; padding: 0 .2em; color: #000; background: #fb6; outline: 1px solid #a60; }
td.op .sureness { display: block; width: max-content; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
.charts figure { margin: 0; } figcaption { font-size: 85%; color: #555; }
svg.chart { background: #fafafa; border: 1px solid #eee; max-width: 100%; height: auto; }
nav a { margin-right: 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }  /* read by a screen reader, not shown */
@media (max-width: 30em) {  /* a phone's, or a page zoomed to 400%: room for the words */
  body { padding: 0 .5em; } th, td { padding: .3em; }
  table.diff th:first-child { width: 4.6em; } td.op { font-size: 80%; }
}
@media print {
  body { margin: 0; max-width: none; }
  nav, .back { display: none; }
  .sideways { overflow: visible; }
  details::details-content { content-visibility: visible; }
  tr, figure { break-inside: avoid; } h2 { break-after: avoid; }
}
"""


def page_head(title: str) -> str:
    """Everything before the page's content, ending with the opening `<body>` line."""
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{shown_line(title)}</title><style>{STYLE}</style></head><body>",
    ]) + "\n"


# A page's content is its `<main>` (a screen reader's user jumps to it), the links between
# pages (`<nav>`) before it: each page opens it after its links, and `PAGE_END` closes it.
MAIN_START = "<main>"
PAGE_END = "</main></body></html>\n"


def header_row(*columns: str) -> str:
    """A table's header row, naming its columns (`<th scope="col">`) for a screen reader to tie
    each cell to its column."""
    cells = "".join(f'<th scope="col">{escape(column)}</th>' for column in columns)
    return f"<thead><tr>{cells}</tr></thead>"


def sideways_box(label: str) -> str:
    """The opening of a box that scrolls a table too wide for the window sideways: focusable, so
    that a keyboard's user can scroll it (Safari focuses no box that is not), and a region named
    `label`, for a screen reader to say what it holds."""
    return f'<div class="sideways" tabindex="0" role="region" aria-label="{escape(label)}">'


def page_pieces(title: str, body: Iterable[str]) -> Iterator[str]:
    """A whole page in pieces, each body line's made as it comes: the head, the body's lines,
    the end. (No line ends with a carriage return, so the lines show as the body does whole.)"""
    yield page_head(title)
    yield f"{MAIN_START}\n"
    yield from body_pieces(body)
    yield PAGE_END


def body_pieces(body: Iterable[str]) -> Iterator[str]:
    """The body's lines as a page holds them, each made as it comes."""
    for line in body:
        yield visible_html(f"{line}\n")


def page(title: str, body: Iterable[str]) -> str:
    """A whole page: the head, the body's lines, the end."""
    return "".join(page_pieces(title, body))
