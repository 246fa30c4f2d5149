"""NewsDiffs diff pages: raw (texts in JavaScript literals) and browser-rendered (#compare).

A NewsDiffs diff page (`/diff/<id1>/<id2>/<url>`, Django template `diffview.html`) carries the two
version texts as `var text1 = '...'; var text2 = '...';`, escaped by Django's `escapejs`; a script
then diffs them with diff-match-patch and writes `<del>`, `<ins>` and `<span>` runs into
`<div id="compare">` (newlines as `<br>`, long unchanged stretches cut to `[...]`). A page saved
from a browser may hold both forms; the literals are complete, so they win when present.

A version text is: line 1 the date, line 2 the title, line 3 the byline, a blank line, then the
paragraphs separated by blank lines (read by `newsdiffs_text`, which NewsDiffs git archives share).
"""

from __future__ import annotations

import re
from datetime import datetime

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag
from bs4.element import PreformattedString

from revdiff.errors import MalformedPage
from revdiff.formats.elision import ELISION, cut_warning
from revdiff.formats.english_dates import (
    date_text,
    english_time,
    parse_date,
    parse_day,
    unread_zone_of,
)
from revdiff.formats.fields import (
    checked_url,
    leap_second_warning,
    parse_number,
    shown,
    source_of_url,
    without_wayback_prefix,
    zone_fault,
)
from revdiff.formats.joined_pages import refuse_a_second_page
from revdiff.formats.newsdiffs_text import split_version_text
from revdiff.formats.open_elements import (
    NestedTooDeep,
    TooManyElements,
    end_tags_implied,
    read_open_elements,
)
from revdiff.formats.shown_markup import closing_html_tag, opening_html_tag, shown_markup
from revdiff.formats.text_input import collapse_whitespace
from revdiff.formats.unnumbered_pages import unnumbered_warning
from revdiff.model import Article, Version

_RAW_MARKER = re.compile(r"var\s+text1\s*=")
# The comparison's element: the attribute in any case, its value quoted or not (as minifiers and
# single-file savers write it)
_RENDERED_MARKER = re.compile(r"(?<![\w-])id\s*=\s*(?:\"compare\"|'compare'|compare(?=[\s/>]))",
                              re.IGNORECASE)
_LITERAL_START = re.compile(r"var\s+(text1|text2)\s*=\s*(?=['\"])")
# A diff page's address: NewsDiffs' `/diff/<id1>/<id2>/<url>`, or its German fork's (newsdiffs.de)
# `/diffview/?vid1=<id1>&vid2=<id2>`, the `&` escaped in markup or not
_DIFF_PATH = re.compile(r"/diff/(\d+)/(\d+)/|/diffview/\?vid1=(\d+)&(?:amp;)?vid2=(\d+)")
# The list item of a version's Archived date: `Pink: Archived <date>`, or in the German fork
# `Rot: Archiviert am <date>`
_ARCHIVED = re.compile(r"(?:Archived|Archiviert am)\s+(.+)")
# The elements the page marks the old and the new version's Archived date with
_ARCHIVED_SIDES = ["del", "ins"]
_SIDES = ("old", "new")
# How many of a page's Archived dates an error names, when it gives too many
_DATES_NAMED = 3
# NewsDiffs' 'Archived' date (`'%B %d, %Y at %l:%M%P EDT'`): the time its server archived the version
_ARCHIVED_TIME = re.compile(r"(\w+ \d{1,2}, \d{4}) at (\d{1,2}:\d\d) ?([ap]m)\b", re.IGNORECASE)
# The German fork's (`'%d.%m.%Y - %H:%M Uhr'`), its server's clock too
_GERMAN_ARCHIVED_TIME = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}) - (\d{1,2}):(\d\d) Uhr")
# The labels of the links to the diffs of the versions before and after a page's two, in
# NewsDiffs' English and its German fork's pages
_PREVIOUS_LABELS = ("Previous revision", "ältere Änderung")
_LATER_LABELS = ("Later revision", "neuere Änderung")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_DAMAGED_SCRIPT = "the page's script is damaged; save the page again from NewsDiffs"
_OCTAL = re.compile(r"[0-7]{1,3}")

# Half a UTF-16 character alone, as a `\\uD800` escape in a version text gives it
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A character reference (`&#xD800;`, `&#55296;`) HTML reads as U+FFFD: its number is checked
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}))")
_SURROGATES = range(0xD800, 0xE000)

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}
_LINE_TERMINATORS = "\n\r\u2028\u2029"


# A git commit id (hex, with a letter: an all-digit value is read as a number).
_COMMIT_ID = re.compile(r"(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}")


# A NewsDiffs article-history page (`/article-history/?url=...`, template `article_history.html`):
# its heading ends in "Change Log" and its table links each version to its /diff/ page
# How many elements a page may hold: a NewsDiffs page holds a few thousand at most (an `<ins>` and
# a `<del>` for each change), and a tree of them takes about a kilobyte of memory for each
MAX_PAGE_ELEMENTS = 200_000
_HISTORY_HEADING = re.compile(r"Change Log\s*</h1>", re.IGNORECASE)
_DIFF_LINK = re.compile(r"href\s*=\s*[\"']?[^\"'>\s]*/diff/\d+/\d+/", re.IGNORECASE)


def looks_like_article_history(shown: str) -> bool:
    """Whether the page is NewsDiffs' list of one article's versions, which holds no text,
    `shown` being its `shown_markup` (so that a heading or a link in a comment, a script or
    another element whose text is no markup is none)."""
    return _HISTORY_HEADING.search(shown) is not None and _DIFF_LINK.search(shown) is not None


def looks_like_newsdiffs(text: str) -> bool:
    """Whether the page holds the version texts or the rendered comparison, anywhere in it."""
    return _RAW_MARKER.search(text) is not None or _RENDERED_MARKER.search(text) is not None


# ---------------------------------------------------------------------------------------------
# JavaScript string literals
# ---------------------------------------------------------------------------------------------


def decode_js_string_literal(text: str, start: int, where: str) -> tuple[str, int]:
    """Decode the JavaScript string literal whose opening quote is at `start`.

    Returns the string value and the offset just past the closing quote. Handles every escape
    JavaScript defines (`\\n`, `\\'`, `\\xHH`, `\\uHHHH`, `\\u{H...}`, legacy octal, line
    continuations); surrogate pairs are joined, and a lone surrogate is kept for the page's
    reader to replace with a warning (`_half_characters_warning`). Nothing is evaluated.
    """
    quote = text[start]
    if quote not in "'\"":
        raise MalformedPage("expected a quoted JavaScript string", where, hint=_DAMAGED_SCRIPT)
    stop = re.compile("[\\\\\n\r\u2028\u2029" + quote + "]")
    parts: list[str] = []
    pos = start + 1
    while True:
        found = stop.search(text, pos)
        if found is None:
            raise MalformedPage("a JavaScript string in the page never ends (page truncated?)",
                                where, hint="save the whole page again")
        parts.append(text[pos:found.start()])
        char = found.group()
        pos = found.end()
        if char == quote:
            break
        if char != "\\":
            raise MalformedPage("a line break inside a JavaScript string (page damaged?)", where,
                                hint="save the page again")
        if pos >= len(text):
            raise MalformedPage("a JavaScript string in the page never ends (page truncated?)",
                                where, hint="save the whole page again")
        decoded, pos = _decode_escape(text, pos, where)
        parts.append(decoded)
    value = "".join(parts)
    # Join UTF-16 surrogate pairs written as two \\u escapes; a lone half stays.
    value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return value, pos


def _decode_escape(text: str, pos: int, where: str) -> tuple[str, int]:
    """Decode the escape whose character after the backslash is at `pos`."""
    char = text[pos]
    if char in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[char], pos + 1
    if char == "\r" and text.startswith("\r\n", pos):
        return "", pos + 2
    if char in _LINE_TERMINATORS:
        return "", pos + 1
    if char == "x":
        digits = text[pos + 1:pos + 3]
        if len(digits) != 2 or not _HEX.fullmatch(digits):
            raise MalformedPage(f"bad escape {text[pos - 1:pos + 3]} in a JavaScript string",
                                where, hint=_DAMAGED_SCRIPT)
        return chr(int(digits, 16)), pos + 3
    if char == "u":
        if text.startswith("{", pos + 1):
            end = text.find("}", pos + 2)
            digits = text[pos + 2:end] if end != -1 else ""
            if not _HEX.fullmatch(digits) or int(digits, 16) > 0x10FFFF:
                raise MalformedPage("bad escape \\u{...} in a JavaScript string", where,
                                    hint=_DAMAGED_SCRIPT)
            return chr(int(digits, 16)), end + 1
        digits = text[pos + 1:pos + 5]
        if len(digits) != 4 or not _HEX.fullmatch(digits):
            raise MalformedPage(f"bad escape {text[pos - 1:pos + 5]} in a JavaScript string",
                                where, hint=_DAMAGED_SCRIPT)
        return chr(int(digits, 16)), pos + 5
    if char in "01234567":
        octal = _OCTAL.match(text, pos)
        assert octal is not None
        digits = octal.group()
        if int(digits, 8) > 0o377:
            digits = digits[:2]
        return chr(int(digits, 8)), pos + len(digits)
    return char, pos + 1  # \' \" \\ \/ and any other character stand for themselves


# An HTML comment, or a script element (in which `<!--` opens no HTML comment)
_COMMENT_OR_SCRIPT = re.compile(r"<!--.*?(?:-->|\Z)|(?P<script><script\b.*?(?:</script\s*>|\Z))",
                                re.IGNORECASE | re.DOTALL)


def _without_html_comments(text: str) -> str:
    """The text with each HTML comment outside the scripts blanked, every offset kept."""
    def blanked(found: re.Match[str]) -> str:
        return found.group() if found.group("script") else re.sub(r"[^\n]", " ", found.group())

    return _COMMENT_OR_SCRIPT.sub(blanked, text)


def find_text_literals(text: str, where: str) -> tuple[str, str] | None:
    """The decoded `text1` and `text2` of a raw page, or None when the page has neither. Those
    an HTML comment holds (code a page commented out) are not the page's. A page that assigns
    one of them twice is refused: a browser shows the last, which need not be the page's."""
    text = _without_html_comments(text)
    values: dict[str, str] = {}
    pos = 0
    while (found := _LITERAL_START.search(text, pos)) is not None:
        name = found.group(1)
        if name in values:
            raise MalformedPage(f"the page assigns var {name} twice, so which version text it "
                                "shows depends on its script", where,
                                hint="save the page again from NewsDiffs, or give the version "
                                     "files")
        values[name], pos = decode_js_string_literal(text, found.end(), where)
    if not values:
        if _RAW_MARKER.search(text):
            raise MalformedPage("'var text1 =' is not followed by a string literal", where,
                                hint=_DAMAGED_SCRIPT)
        return None
    if len(values) != 2:
        missing = "text2" if "text1" in values else "text1"
        raise MalformedPage(f"the page defines one version text but not {missing}", where,
                            hint="save the whole page again")
    return values["text1"], values["text2"]


def _escapes_half_a_character(page: str) -> bool:
    """Whether the page's markup, outside its comments, writes a character reference to half a
    UTF-16 character (`&#xD800;`, `&#55296;`), which HTML reads as U+FFFD."""
    return any((int(hexadecimal, 16) if hexadecimal else int(decimal)) in _SURROGATES
               for hexadecimal, decimal in _NUMERIC_REFERENCE.findall(
                   _without_html_comments(page)))


def _half_characters_warning(texts: tuple[str, str], escaped: bool, where: str) -> list[str]:
    """The warning, once a page, that its texts hold half a UTF-16 character alone (a `\\uD800`
    escape in a literal, or `escaped` in its markup), read as U+FFFD."""
    if not escaped and not any(_LONE_SURROGATE.search(text) for text in texts):
        return []
    return [(f"{where}: the page escapes half a character alone (\\uD800 or &#xD800;), which "
             "is no text; read as \ufffd")]


# ---------------------------------------------------------------------------------------------
# The rendered comparison
# ---------------------------------------------------------------------------------------------


# The elements diff-match-patch writes a run in: deleted, inserted, kept
_RUN_NAMES = {"del": "a deletion (<del>)", "ins": "an insertion (<ins>)",
              "span": "a kept run (<span>)"}
_CHANGES = ("del", "ins")
# Elements whose content is never shown: code and styles a saved page or an extension put there,
# and what only a browser that runs no scripts or shows no frames shows (as `shown_markup` reads
# them)
_NOT_SHOWN = ("script", "style", "template", "noscript", "iframe", "noembed", "noframes")


def read_rendered_compare(compare: Tag, where: str) -> tuple[str, str]:
    """Old text (kept runs and deletions) and new text (kept runs and insertions) of #compare.

    `<br>` is a newline, and a pilcrow shown before it is dropped. Runs wrapped in an element
    of their own (a `<div>` a saved page added around them, a `<span>` left open or an
    extension's highlight) are read as runs; white space outside the runs, which a
    pretty-printer leaves between them, is no page text, nor is what a page's `<script>`,
    `<style>`, `<template>`, `<noscript>`, `<iframe>`, `<noembed>` or `<noframes>` holds, nor a
    comment, a doctype or what a browser reads as a comment (`<?php ... ?>`, `<![CDATA[...]]>`).
    A deletion inside an insertion, or the other way round, or a kept run inside either is
    refused: diff-match-patch nests no runs, so a run was left open and took in the ones after
    it, which cannot be told apart again.
    """
    old: list[str] = []
    new: list[str] = []
    # (element, the run it is in: del, ins, span or None), in document order, without recursion
    pending: list[tuple[PageElement, str | None]] = [(child, None)
                                                     for child in reversed(compare.contents)]
    while pending:
        node, run = pending.pop()
        sides = [side for side, left_out in ((old, "ins"), (new, "del")) if run != left_out]
        if isinstance(node, PreformattedString):  # a comment, or what a browser reads as one
            continue  # (`<?php ... ?>`, `<![CDATA[...]]>`) or drops (a doctype): no text
        if isinstance(node, NavigableString):
            if run is not None or str(node).strip():
                for side in sides:
                    side.append(str(node))
        elif isinstance(node, Tag) and node.name == "br":
            for side in sides:
                if side and side[-1].endswith("\u00b6"):
                    side[-1] = side[-1][:-1]
                side.append("\n")
        elif isinstance(node, Tag) and node.name not in _NOT_SHOWN:
            pending.extend((child, _run_inside(node, run, where))
                           for child in reversed(node.contents))
    return "".join(old), "".join(new)


def _run_inside(element: Tag, run: str | None, where: str) -> str | None:
    """The run `element`'s content is in, inside `run`: a deletion or insertion is its own,
    inside a kept run too (which an element left open or a highlight makes of the runs in it);
    any other element stays in the run it is in. A run inside a deletion or an insertion, other
    than one of its own kind, is refused: one was left open and took in the runs after it."""
    if run in _CHANGES and element.name in _RUN_NAMES and element.name != run:
        raise MalformedPage(f"div#compare holds {_RUN_NAMES[element.name]} inside "
                            f"{_RUN_NAMES[run]}, which NewsDiffs never writes: a tag left open "
                            "(the page is damaged)", where, line=element.sourceline,
                            hint="save the page again from NewsDiffs")
    if element.name not in _CHANGES:
        return run or (element.name if element.name in _RUN_NAMES else None)
    return element.name


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


def _start_offset(text: str, element: Tag) -> int:
    """Where `element`'s start tag begins in the text html.parser read: its line and column."""
    line_start = 0
    for _ in range((element.sourceline or 1) - 1):
        line_start = text.index("\n", line_start) + 1
    return line_start + (element.sourcepos or 0)


def _element_ends(text: str, compare: Tag) -> bool:
    """Whether the #compare element is closed in the text: a piece of a page without `<html>`
    (which tells a page cut short by its missing `</html>`) gave what it held of the comparison,
    cut short, as the whole. Elements of its name inside it are counted; the count starts at the
    element the page is read from, not at an earlier `id=compare` in a comment or another
    element (`<a id="Compare">`)."""
    marker = _RENDERED_MARKER.search(text, _start_offset(text, compare))
    if marker is None:
        return True
    depth = 1
    for tag in re.finditer(rf"<(/?){re.escape(compare.name)}(?=[\s/>])[^>]*?(/?)>",
                           text[marker.end():], re.IGNORECASE):
        if tag.group(2):  # `<div/>`: opened and closed at once
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return True
    return False


def _version_numbers(soup: BeautifulSoup, markup: str, where: str) -> tuple[int, int] | None:
    """The two version ids: from the upvote form, else from the page's own /diff/ URL, else
    from the previous and next revision links.

    A form value that is a git commit id or a word is passed over: older NewsDiffs pages put the
    version's commit id there, or the template printed its object (`value=Version object`,
    unquoted: `Version`). A value with digits that is no version id (`-1`, `1e300`, `²`) is a
    damaged page."""
    for form in _upvote_forms(soup, markup, where):
        ids = []
        for name in ("diff_v1", "diff_v2"):
            field = form.find("input", attrs={"name": name})
            value = str(field.get("value") or "").strip() if isinstance(field, Tag) else ""
            passed_over = (not any(char.isdigit() for char in value) or " " in value
                           or _COMMIT_ID.fullmatch(value) is not None)
            ids.append(None if passed_over else parse_number(value, f"version id ({name})",
                                                             where))
        if ids[0] is not None and ids[1] is not None and ids[0] != ids[1]:
            return ids[0], ids[1]
    for candidate in (soup.find("link", rel="canonical"), soup.find("meta", property="og:url")):
        if isinstance(candidate, Tag):
            found = _DIFF_PATH.search(str(candidate.get("href") or candidate.get("content") or ""))
            if found:
                return _diff_path_ids(found, where)
    saved_from = re.search(r"<!--\s*saved from url=\(\d+\)(\S+)", markup[:2000])
    if saved_from and (found := _DIFF_PATH.search(saved_from.group(1))):
        return _diff_path_ids(found, where)
    return _ids_between_revision_links(soup, where)


def _upvote_forms(soup: BeautifulSoup, markup: str, where: str) -> list[BeautifulSoup]:
    """The page, and each comment that holds the upvote form's fields: later NewsDiffs templates
    comment the form out. A comment's text is read as markup, never run or followed, as the page
    is: elements nested past `MAX_DEPTH` in it are refused at their line in the page's `markup`
    (the text `soup` was read from)."""
    forms = [soup]
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        if "diff_v1" not in comment:
            continue
        try:
            elements = read_open_elements(str(comment), MAX_PAGE_ELEMENTS)
        except (NestedTooDeep, TooManyElements) as past:
            lines_before = markup.count("\n", 0, _comment_offset(markup, comment))
            raise _refusal(past, where, lines_before) from None
        forms.append(BeautifulSoup(end_tags_implied(str(comment), elements), "html.parser"))
    return forms


def _comment_offset(markup: str, comment: NavigableString) -> int:
    """Where `comment` begins in `markup`: the last `<!--` holding its text before the element
    that follows it. An earlier copy of its text (a script's string) is not it."""
    following = comment.find_next()
    end = _start_offset(markup, following) if isinstance(following, Tag) else len(markup)
    return max(markup.rfind(f"<!--{comment}", 0, end), 0)


def _refusal(past: NestedTooDeep | TooManyElements, where: str, lines_before: int = 0
             ) -> MalformedPage:
    """The page's refusal where its elements nest deeper than `MAX_DEPTH` or are more than
    `MAX_PAGE_ELEMENTS`, at the line of the first past the limit, `lines_before` the lines of
    the page before the markup read."""
    line = lines_before + past.line
    if isinstance(past, NestedTooDeep):
        return NestedTooDeep(line).refusal(where, "a NewsDiffs page nests about ten",
                                           "save the page again")
    return TooManyElements(line).refusal(where, MAX_PAGE_ELEMENTS,
                                          "a NewsDiffs page holds a few thousand",
                                          "save the page again")


def _ids_between_revision_links(soup: BeautifulSoup, where: str) -> tuple[int, int] | None:
    """The ids of a page of two consecutive versions, from its revision links.

    NewsDiffs links "Previous revision" to the diff of the versions before each of this page's
    two, and "Later revision" to the diff of the versions after each: on a page of consecutive
    versions the previous diff ends with this page's old version and the next one starts with
    its new version. Without both links, or when they do not run forward (a page of versions
    further apart), the page does not say."""
    links = _navigation(soup)
    previous = _DIFF_PATH.search(links.get("previous_diff", ""))
    later = _DIFF_PATH.search(links.get("next_diff", ""))
    if previous is None or later is None:
        return None
    old_id = _diff_path_ids(previous, where)[1]
    new_id = _diff_path_ids(later, where)[0]
    return (old_id, new_id) if old_id < new_id else None


def _diff_path_ids(found: re.Match[str], where: str) -> tuple[int, int]:
    old_id, new_id = (found.group(1), found.group(2)) if found.group(1) else (found.group(3),
                                                                              found.group(4))
    return (parse_number(old_id, "version id in the diff page's URL", where),
            parse_number(new_id, "version id in the diff page's URL", where))


def _article_url(soup: BeautifulSoup) -> str | None:
    """The article's URL; on a page the Wayback Machine serves, the URL its links point at."""
    url = _url_shown(soup)
    return without_wayback_prefix(url) if url is not None else None


def _url_shown(soup: BeautifulSoup) -> str | None:
    heading = soup.find("h3")
    if isinstance(heading, Tag):
        link = heading.find("a")
        if isinstance(link, Tag) and link.get("href"):
            return str(link.get("href"))
        if collapse_whitespace(heading.get_text()).startswith("http"):
            return collapse_whitespace(heading.get_text())
    field = soup.find("input", attrs={"name": "article_url"})
    if isinstance(field, Tag) and field.get("value"):
        return str(field.get("value"))
    original = soup.find("a", id="original")  # the German fork's link `zum Original`
    if isinstance(original, Tag) and original.get("href"):
        return str(original.get("href"))
    return None


def _archived_dates(soup: BeautifulSoup, where: str) -> list[str | None]:
    """The old and the new version's 'Archived' dates (None where the page gives none).

    NewsDiffs marks the old version's date Pink (in `<del>`) and the new one's Green (in
    `<ins>`): a date so marked is that version's wherever the list puts it; others fill the
    places left, in the order the page lists them. A page that lists more dates than it has
    versions, or two of one colour (a date repeated word for word counts once), is refused:
    which one times a version cannot be told."""
    listed: dict[tuple[int | None, str], None] = {}  # (side marked, date), in page order, once
    for item in soup.find_all("li"):
        found = _ARCHIVED.search(collapse_whitespace(item.get_text()))
        if found is None:
            continue
        marker = item.find(_ARCHIVED_SIDES)
        side = _ARCHIVED_SIDES.index(marker.name) if isinstance(marker, Tag) else None
        listed[(side, found.group(1))] = None
    marked = [side for side, _ in listed if side is not None]
    if len(listed) > len(_SIDES) or len(set(marked)) < len(marked):
        quoted = [shown(date) for _, date in listed][:_DATES_NAMED]
        more = f" and {len(listed) - len(quoted)} more" if len(listed) > len(quoted) else ""
        raise MalformedPage(
            f"the page gives {len(listed)} Archived dates, {len(marked)} of them marked Pink or "
            f"Green, where NewsDiffs writes one of each colour for its two versions "
            f"({', '.join(quoted[:-1])} and {quoted[-1]}{more})", where,
            hint="save the page again from NewsDiffs, or keep only one Pink and one Green date")
    dates: list[str | None] = [None, None]
    unmarked = []
    for side, date in listed:
        if side is None:
            unmarked.append(date)
        else:
            dates[side] = date
    for side, taken in enumerate(dates):
        if taken is None and unmarked:
            dates[side] = unmarked.pop(0)
    return dates


def _archived_warnings(archived: list[str | None], where: str) -> list[str]:
    """The warnings of a page (`where`) that gives no 'Archived' date for a version, or gives it
    in a layout `archived_time` cannot read: one for each, naming the sides affected."""
    missing = [side for side, date in zip(_SIDES, archived) if date is None]
    unreadable = {side: shown(date) for side, date in zip(_SIDES, archived)
                  if date is not None and archived_time(date) is None}
    warnings = []
    if missing:
        warnings.append(f"{where}: the page gives no Archived date for "
                        f"{_which(missing, 'version', 'versions')} (no 'Archived <date>' list "
                        f"item); {_timed_instead(missing)}")
    if unreadable:
        warnings.append(f"{where}: {_whose(list(unreadable), 'Archived date', 'Archived dates')} "
                        f"{' and '.join(unreadable.values())} "
                        f"{'is not a date' if len(unreadable) == 1 else 'are not dates'} in "
                        f"NewsDiffs' layout ('January 03, 2020 at 3:40pm EDT'); "
                        f"{_timed_instead(list(unreadable))}")
    return warnings


def _timed_instead(sides: list[str]) -> str:
    """What times the versions of `sides` without an Archived time."""
    if len(sides) == 2:
        return "their date lines time them instead, where those give a time"
    return "its date line times it instead, where that gives a time"


def archived_time(archived: str) -> datetime | None:
    """The time an 'Archived' date gives (`January 03, 2020 at 3:40pm EDT`, or in the German
    fork's pages `03.01.2020 - 15:40 Uhr`), None when it is no such date. It has no UTC
    offset: NewsDiffs writes its server's local time and calls it EDT in every season, so the
    zone it names is no zone."""
    try:
        if (found := _ARCHIVED_TIME.match(archived)) is not None:
            return english_time(" ".join(found.groups()), "%B %d, %Y %I:%M %p")
        if (german := _GERMAN_ARCHIVED_TIME.fullmatch(archived.strip())) is not None:
            day, month, year, hour, minute = map(int, german.groups())
            return datetime(year, month, day, hour, minute)
    except ValueError:
        pass
    return None


def _in_minute(time: datetime | None, minute: datetime) -> bool:
    """Whether `time`, read on its own clock, falls in the (zoneless) minute."""
    return time is not None and time.replace(second=0, microsecond=0, tzinfo=None) == minute


def _navigation(soup: BeautifulSoup) -> dict[str, str]:
    links: dict[str, str] = {}
    for link in soup.find_all("a"):
        label = collapse_whitespace(link.get_text())
        if any(wording in label for wording in _PREVIOUS_LABELS):
            links["previous_diff"] = str(link.get("href") or "")
        elif any(wording in label for wording in _LATER_LABELS):
            links["next_diff"] = str(link.get("href") or "")
    return links


def _which(sides: list[str], singular: str, plural: str) -> str:
    """`the old <singular>`, or `the old and new <plural>` for both sides."""
    return f"the old and new {plural}" if len(sides) == 2 else f"the {sides[0]} {singular}"


def _whose(sides: list[str], singular: str, plural: str) -> str:
    """`the old version's <singular>`, or `the old and new versions' <plural>` for both sides."""
    return _which(sides, f"version's {singular}", f"versions' {plural}")


def read_page(text: str, where: str) -> Article:
    """Read a NewsDiffs diff page, raw or browser-rendered, into an article of two versions. A
    page whose `<html>` has no `</html>` after it is refused as cut short, both read as a
    browser reads them (`opening_html_tag`, `closing_html_tag`): a `</html>` in a script's string
    or a comment is none, nor is a custom element's `<html-frame>`, and `</html >` is one."""
    shown_page = shown_markup(text)  # read once for both checks
    if opening_html_tag(shown_page) is not None and closing_html_tag(shown_page) is None:
        raise MalformedPage("page is truncated: no </html> found", where,
                            hint="save the whole page again")
    refuse_a_second_page(shown_page, where)
    literals = find_text_literals(text, where)
    # on the lines of the page, each element ended where a browser ends it
    try:
        elements = read_open_elements(text, MAX_PAGE_ELEMENTS)
    except (NestedTooDeep, TooManyElements) as past:
        raise _refusal(past, where) from None
    markup = end_tags_implied(text, elements)
    soup = BeautifulSoup(markup, "html.parser")
    warnings: list[str] = []
    if literals is not None:
        old_text, new_text = literals
    else:
        compare = soup.find(id="compare")
        if not isinstance(compare, Tag):
            raise MalformedPage("no version texts (var text1/text2) and no div#compare", where,
                                hint="give a NewsDiffs diff page")
        if not _element_ends(markup, compare):
            raise MalformedPage(f"page is truncated: its comparison ({compare.name}#compare) "
                                "does not end", where, hint="save the whole page again")
        old_text, new_text = read_rendered_compare(compare, where)
        if not old_text.strip() and not new_text.strip():
            raise MalformedPage("div#compare is empty: the page was saved before its script ran",
                                where, hint="save the page again once the comparison shows")
    warnings.extend(_half_characters_warning(
        (old_text, new_text), literals is None and _escapes_half_a_character(text), where))
    old_text, new_text = (_LONE_SURROGATE.sub("\ufffd", side) for side in (old_text, new_text))
    numbers = _version_numbers(soup, markup, where)
    if numbers is None:
        numbers = (0, 1)
        warnings.append(unnumbered_warning(where))
    archived = _archived_dates(soup, where)
    warnings.extend(_archived_warnings(archived, where))
    url = _article_url(soup)
    if url is None:
        warnings.append(f"{where}: the page names no article URL (no link in its <h3> heading, no "
                        "article_url form field, no a#original link); its source is unknown, and "
                        "it is not joined with other pages of its article")
    else:
        checked_url(url, "article URL", where)
    metadata: dict[str, str] = {}
    heading = soup.find("h2")
    if isinstance(heading, Tag):
        metadata["page_title"] = collapse_whitespace(heading.get_text()).removeprefix(
            "Comparing:").strip()
    metadata.update(_navigation(soup))
    versions = []
    headless: list[str] = []  # the sides whose text does not start with its header lines
    dated_only: list[str] = []  # the sides whose date line gives a date but no time of day
    zones_left_out: dict[str, dict[str, str]] = {}  # zone: {side: its date line, quoted}
    undated: dict[str, str] = {}  # side: its date line, quoted, where that is no date
    archived_instead: dict[str, str] = {}  # side: its date line, quoted, where the Archived time
    # times the version as the line is no time (one whose zone makes it none, `zone_fault`, is
    # warned of on its own, saying why)
    for index, (number, version_text) in enumerate(zip(numbers, (old_text, new_text))):
        parsed = split_version_text(version_text)
        side = _SIDES[index]
        if not parsed.has_header:
            headless.append(side)
        cut = literals is None and ELISION in parsed.paragraphs  # the literals are complete
        if cut:
            warnings.append(cut_warning(where, side, number))
        if not parsed.paragraphs and not parsed.has_header:
            raise MalformedPage(f"the {side} version holds no paragraphs", where,
                                hint="give a page of two versions that hold text")
        if not parsed.paragraphs:  # as NewsDiffs writes a page it found no body on (its git
            # archive's version so is read so too)
            warnings.append(f"{where}: the {side} version holds the date, title and byline lines "
                            "but no paragraphs; kept as a version without paragraphs")
        # when the version was archived, as the git archive's commit says: the date line is the
        # date the article's page gave (its publication date or its last update, which may
        # differ from version to version), and gives the time where the page does not say, or
        # where it names the Archived minute, to the second; a date line without a time of day
        # gives the date alone (`time_text`, ISO 8601), not its midnight
        archived_on = archived[index]
        archived_at = archived_time(archived_on) if archived_on is not None else None
        dated = parse_date(parsed.date)
        time = dated if archived_at is None or _in_minute(dated, archived_at) else archived_at
        day = parse_day(parsed.date) if time is None else None
        fault = zone_fault(date_text(parsed.date)) if dated is None else None
        if (archived_at is not None and time is archived_at and dated is None and parsed.date
                and parse_day(parsed.date) is None):
            if fault is None:
                archived_instead[side] = shown(parsed.date)
            else:
                warnings.append(f"{where}: the {side} version's date line {shown(parsed.date)} is "
                                f"not a time: {fault[0]}; the version is timed by its Archived "
                                f"time instead (correct {fault[1]} in the file to have it read)")
        time_text = None if time is not None else day.isoformat() if day else parsed.date or None
        if day is not None:
            dated_only.append(side)
        elif time_text is not None and fault is not None:
            warnings.append(f"{where}: the {side} version's date line {shown(parsed.date)} is not a "
                            f"time: {fault[0]}; kept as text, and the version has no time "
                            f"(correct {fault[1]} in the file to have it read)")
        elif time_text is not None:
            undated[side] = shown(parsed.date)
        leap_second = (leap_second_warning(date_text(parsed.date),
                                           f"the {side} version's date line")
                       if time is dated and dated is not None else None)
        if leap_second is not None:
            warnings.append(f"{where}: {leap_second}")
        zone = unread_zone_of(parsed.date) if time is dated else None
        if zone is not None:
            zones_left_out.setdefault(zone, {})[side] = shown(parsed.date)
        title = parsed.title if parsed.has_header else metadata.get("page_title", "")
        versions.append(Version(number, title, parsed.paragraphs, time, time_text, cut=cut))
        if parsed.date:
            metadata[f"date.{number}"] = parsed.date
            metadata["date"] = parsed.date
        if parsed.byline:
            metadata[f"byline.{number}"] = parsed.byline
            metadata["byline"] = parsed.byline
        if archived_on is not None:
            metadata[f"archived.{number}"] = archived_on
    for zone, lines in zones_left_out.items():  # one warning a zone, naming each line
        warnings.append(f"{where}: {_whose(list(lines), 'date line', 'date lines')} "
                        f"{' and '.join(lines.values())} {'names' if len(lines) == 1 else 'name'} "
                        f"the time zone {shown(zone)}, which is not read (unknown or ambiguous): "
                        "read as written, in no zone")
    if headless:
        warnings.append(f"{where}: {_whose(headless, 'text does', 'texts do')} not start with "
                        "date, title and byline lines; read as paragraphs only")
    if undated:
        warnings.append(f"{where}: {_whose(list(undated), 'date line', 'date lines')} "
                        f"{' and '.join(undated.values())} "
                        f"{'is not a date' if len(undated) == 1 else 'are not dates'}; kept as "
                        f"text, and {'the version has' if len(undated) == 1 else 'the versions have'} "
                        "no time")
    if archived_instead:
        one = len(archived_instead) == 1
        warnings.append(f"{where}: {_whose(list(archived_instead), 'date line', 'date lines')} "
                        f"{' and '.join(archived_instead.values())} "
                        f"{'is not a time' if one else 'are not times'}; the "
                        f"{'version is timed by its' if one else 'versions are timed by their'} "
                        f"Archived time instead (correct the {'line' if one else 'lines'} to have "
                        f"{'it' if one else 'them'} read)")
    if dated_only:
        warnings.append(f"{where}: {_whose(dated_only, 'date line gives', 'date lines give')} a "
                        "date but no time of day, and the page no Archived time; the time is the "
                        "date alone")
    return Article(source_of_url(url), url, tuple(versions), None, metadata, tuple(warnings))
