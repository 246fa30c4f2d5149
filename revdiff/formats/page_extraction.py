"""The article's paragraphs as main-content extraction finds them in a saved page's HTML.

The extraction is trafilatura's (Apache-2.0), installed with `pip install 'revdiff[snapshots]'`;
the page is first made one it reads as a browser shows it (references to characters XML does
not allow taken out, ampersands escaped once more, layout tables and the story's own `<header>`
made blocks), and the `- ` it writes before a list item's text is taken off again.
"""

from __future__ import annotations

import re
from typing import Any

from revdiff.engine.word_count import count_words
from revdiff.errors import MissingExtra, import_failure
from revdiff.formats.text_input import collapse_whitespace

# Parts of a page that never hold the article's text: site navigation, banners, footers, asides,
# cookie and consent dialogs. Pruned before extraction (measured in the benchmark). A `<header>`
# is the page's banner only outside its `<article>` and `<main>` (`_story_headers_as_blocks`).
PRUNED = ["//nav", "//header", "//footer", "//aside", "//*[@role='dialog']"]
# Where a `<header>` heads the story, not the page: inside these it holds the story's headline
# and standfirst, as HTML defines it.
_STORY_CONTAINERS = ("article", "main")
# A numeric character reference (`&#27;`, `&#x1b;`, `&#7` without its `;`): one to a character
# that XML does not allow (a control character but tab, line feed and carriage return, U+FFFE,
# U+FFFF), anywhere in a page, makes trafilatura give no text at all.
# (Leading zeros aside, a reference of more digits than any character's is passed over.)
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F])|0*(\d{1,7})(?!\d));?")
_NOT_IN_XML = frozenset((*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF))

# Fewer words than this after extraction is an error or index page, not an article (words as a
# reader counts them: each ideograph and kana of a Japanese or Chinese page one).
MIN_ARTICLE_WORDS = 6


def paragraph_words(paragraphs: tuple[str, ...]) -> int:
    """The words of `paragraphs` as a reader counts them (`count_words`): a paragraph of a
    language written without spaces is not one word."""
    return sum(count_words(p) for p in paragraphs)


def extract_paragraphs(html: str, where: str | None = None) -> tuple[str, ...]:
    """The article's paragraphs as trafilatura finds them, or none on a page without an article.

    Precision is favoured and page furniture pruned (measured best in
    benchmarks/snapshot_extraction.py); comments and tables are left out, but for the tables
    of a page laid out in them (`_layout_tables_as_blocks`). `where` (the page's
    path) is named when trafilatura is not installed, so that the folder read as saved pages in
    a corpus can be found.
    """
    try:
        import trafilatura
    except ImportError as error:
        # installed, trafilatura may still fail on an import of its own (jusText's lxml HTML
        # cleaner, a package of its own since lxml 5.2), which the extra installs too
        raise MissingExtra("reading saved publisher pages needs trafilatura, "
                           + import_failure(error, "trafilatura"), where,
                           hint="pip install 'revdiff[snapshots]'") from None
    tree = trafilatura.load_html(_without_references_outside_xml(html))
    if tree is None:
        return ()
    tree = _story_headers_as_blocks(_layout_tables_as_blocks(tree))
    items = _list_item_texts(tree)
    text = trafilatura.extract(_with_ampersands_escaped(tree), favor_precision=True,
                               include_comments=False, include_tables=False, deduplicate=False,
                               prune_xpath=PRUNED) or ""
    paragraphs = tuple(p for p in (_without_item_marker(collapse_whitespace(line), items)
                                   for line in text.split("\n")) if p)
    return paragraphs if paragraph_words(paragraphs) >= MIN_ARTICLE_WORDS else ()


def _list_item_texts(tree: Any) -> frozenset[str]:
    """The texts of the list items (`<li>`) of the parsed page `tree`, each without the lists
    inside it (whose items are lines of their own), white space collapsed."""
    return frozenset(collapse_whitespace(_own_text(item)) for item in tree.iter("li"))


def _own_text(item: Any) -> str:
    """The text of the element `item` without that of the lists (`<ul>`, `<ol>`) inside it."""
    parts = [item.text or ""]
    for child in item:
        if isinstance(child.tag, str) and child.tag not in ("ul", "ol"):  # not a comment
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _without_item_marker(paragraph: str, items: frozenset[str]) -> str:
    """`paragraph` without the `- ` the extraction writes before a list item's text (`items`):
    a bullet's text is compared as a paragraph's is, so that a paragraph a site turns into a
    bullet is no edit. A paragraph of the page that itself starts with `- ` keeps it."""
    text = paragraph[2:]
    return text if paragraph.startswith("- ") and text in items else paragraph


def _without_references_outside_xml(html: str) -> str:
    """`html` without its references to characters XML does not allow, which are no text of an
    article (an escape or a backspace pasted into a CMS)."""
    def kept(reference: re.Match[str]) -> str:
        hexadecimal, decimal = reference.groups()
        point = int(hexadecimal, 16) if hexadecimal else int(decimal)
        return "" if point in _NOT_IN_XML else reference.group()

    return _CHARACTER_REFERENCE.sub(kept, html) if "&#" in html else html


def _layout_tables_as_blocks(tree: Any) -> Any:
    """The parsed page `tree` with the tables that hold its first `<h1>` (a page laid out in a
    table, as sites were before CSS, its headline and story in a cell) made blocks: their own rows
    and cells `<div>`s, which the extraction reads as it reads any block, where it leaves out a
    table with the page's text. A table inside the story, holding no `<h1>`, stays a table."""
    heading = next(tree.iter("h1"), None)
    for table in heading.iterancestors("table") if heading is not None else ():
        for node in (table, *_rows_and_cells(table)):
            node.tag = "div"
    return tree


def _story_headers_as_blocks(tree: Any) -> Any:
    """The parsed page `tree` with each `<header>` inside its story's container (an `<article>`
    or `<main>`: one holding the headline and the standfirst) made a `<div>`, whose text the
    extraction reads, where it and `PRUNED` leave out every `<header>` as the site's banner."""
    for header in list(tree.iter("header")):
        if any(True for _ in header.iterancestors(*_STORY_CONTAINERS)):
            header.tag = "div"
    return tree


def _rows_and_cells(table: Any) -> list[Any]:
    """The rows and cells of `table` itself (through its `<thead>`, `<tbody>`, `<tfoot>`), not
    those of a table inside one of its cells."""
    groups = [child for child in table if child.tag in ("thead", "tbody", "tfoot")]
    rows = [row for part in (table, *groups) for row in part if row.tag == "tr"]
    return [*groups, *rows, *(cell for row in rows for cell in row if cell.tag in ("td", "th"))]


def _with_ampersands_escaped(tree: Any) -> Any:
    """The parsed page `tree` with each `&` of its text written `&amp;`: trafilatura unescapes
    the text it extracts, already unescaped by the parser, a second time (a page showing
    `&lt;b&gt;`, written `&amp;lt;b&amp;gt;`, gave `<b>`; one showing `&#27;` gave nothing), and
    so gives back the text as a browser shows it. Scripts and styles are no text."""
    for node in tree.iter():
        if node.text and "&" in node.text and node.tag not in ("script", "style"):
            node.text = node.text.replace("&", "&amp;")
        if node.tail and "&" in node.tail:
            node.tail = node.tail.replace("&", "&amp;")
    return tree
