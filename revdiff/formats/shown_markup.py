"""A page's markup as a browser shows it: without what it never shows as markup."""

from __future__ import annotations

import re
from collections.abc import Iterator

# HTML's white space, and a tag's attributes as its tokenizer reads them: a name runs to white
# space, `/`, `>` or `=` (holding `<`, `!` or a quote), a quoted value to its quote (holding `>`),
# an unquoted one to white space or `>`; a tag cut off by the page's end runs to it
_SPACE = r"[\t\n\f\r ]"
_ATTRIBUTE_NAME = r"[^\t\n\f\r />][^\t\n\f\r />=]*+"
_ATTRIBUTE_VALUE = r"(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^\t\n\f\r >]*+)"
_ATTRIBUTES = (rf"(?:[\t\n\f\r /]++|{_ATTRIBUTE_NAME}(?:{_SPACE}*+={_SPACE}*+{_ATTRIBUTE_VALUE})?+)*+"
               r"(?:>|\Z)")
# One attribute of a tag: its name, and its value as written (in its quotes, if any)
_ATTRIBUTE = re.compile(
    rf"(?P<name>{_ATTRIBUTE_NAME})(?:{_SPACE}*+={_SPACE}*+(?P<value>{_ATTRIBUTE_VALUE}))?+")
# What a browser shows nothing of as markup: a comment (`<!-->` and `<!--->` are whole ones; one
# ends at `-->` or `--!>`), a script or style element (whose text is no markup), a template
# (whose content is never shown), a textarea (whose content is a form's text), and an iframe,
# noembed, noframes or noscript element, whose text (RAWTEXT, read as no markup) a browser that
# shows frames and embeds and runs scripts never shows; each left open runs to the page's end, as
# a browser reads it. html.parser reads the inside of a template, a textarea or those as markup:
# a table there would be taken for the page's.
_BLANKED = "script|style|template|textarea|iframe|noembed|noframes|noscript"
_UNSHOWN = (r"<!--(?:-?>|.*?(?:--!?>|\Z))"
            rf"|<(?P<raw>{_BLANKED})(?=[\t\n\f\r />]){_ATTRIBUTES}"
            rf".*?(?:</(?P=raw)(?=[\t\n\f\r />]|\Z){_ATTRIBUTES}|\Z)")
# Elements whose text a browser shows and its tokenizer reads as text, not markup: a title's
# (RCDATA) and an xmp's (RAWTEXT) up to their own end tag (`</title` before white space, `/` or
# `>`), and all after `<plaintext>`
_SHOWN_TEXT = (rf"(?P<text_start><(?P<text_raw>title|xmp)(?=[\t\n\f\r />]){_ATTRIBUTES})"
               rf"(?P<text>.*?)(?P<text_end></(?P=text_raw)(?=[\t\n\f\r />]){_ATTRIBUTES}|\Z)"
               rf"|(?P<plain_start><plaintext(?=[\t\n\f\r />]){_ATTRIBUTES})(?P<plain>.*)")
# The markup a browser reads as a unit, in which a comment's or an element's start is none: a
# start or end tag (its name runs to white space, `/` or `>`: `<scr<!---->` is a tag named
# `scr<!----`), and what a browser reads as a comment of its own up to the next `>` (`<!` not of a
# comment, a doctype too, `<?`, `</` not before a letter), kept as written
_TAG = rf"(?P<tag><(?P<end>/)?(?P<name>[a-zA-Z][^\t\n\f\r />]*+){_ATTRIBUTES})"
_BOGUS_COMMENT = r"<(?:!|\?|/(?![a-zA-Z]))[^>]*+(?:>|\Z)"
# A `<` that starts no markup is text; one before what is blanked is written `&lt;`, so that it
# does not start a tag with the text after it
_TEXT_LT = rf"(?P<text_lt><)(?=<!--|<(?:{_BLANKED})(?:[\t\n\f\r />]))"
_MARKUP = re.compile(rf"(?P<unshown>{_UNSHOWN})|{_SHOWN_TEXT}|{_TAG}|{_BOGUS_COMMENT}|{_TEXT_LT}",
                     re.DOTALL | re.IGNORECASE)

# The pieces of `_MARKUP` that `_shown` writes otherwise
_CHANGED = ("unshown", "text_start", "plain_start", "text_lt")


def _shown(piece: re.Match[str]) -> str:
    if piece["unshown"] is not None:
        return "\n" * piece.group().count("\n")
    if piece["text_start"] is not None:
        return piece["text_start"] + piece["text"].replace("<", "&lt;") + piece["text_end"]
    if piece["plain_start"] is not None:
        return piece["plain_start"] + piece["plain"].replace("<", "&lt;")
    return "&lt;" if piece["text_lt"] is not None else piece.group()


def shown_markup(text: str) -> str:
    """The page with each comment and script, style, template, textarea, iframe, noembed,
    noframes and noscript element made only its line ends: what a browser shows nothing of as
    markup, on lines that keep their numbers. The text of a title, an xmp and all after
    `<plaintext>`, which a browser shows as text, is kept with its `<` written `&lt;`. Tags and
    what a browser reads as a comment up to the next `>` are read as it reads them: a comment's
    or an element's start inside one is none. Shown markup is its own shown markup.

    Only what changes is copied: the tags between are kept as slices of `text`, where a piece
    for each tag (`re.sub`) held 16 bytes and more for each byte of a page of tags alone."""
    pieces: list[str] = []
    done = 0
    for piece in _MARKUP.finditer(text):
        if all(piece[group] is None for group in _CHANGED):
            continue  # a tag, or what a browser reads as a comment of its own: kept as written
        pieces.extend((text[done:piece.start()], _shown(piece)))
        done = piece.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def opening_html_tag(text: str) -> re.Match[str] | None:
    """The page's opening html tag, where a browser reads one in `text` (a page, or its shown
    markup): the first start tag named html in any case (`<HTML lang=en>`), not a custom
    element's (`<html-frame>`), nor one in a comment, an element whose text is no markup
    (`shown_markup`), or a tag's attribute."""
    for piece in _MARKUP.finditer(text):
        if piece["tag"] is not None and piece["end"] is None and piece["name"].lower() == "html":
            return piece
    return None


def tag_attributes(text: str, tag: re.Match[str]) -> Iterator[tuple[str, str]]:
    """The name, in lower case, and the value of each attribute of `tag` (a start tag that
    `opening_html_tag` found in `text`), as HTML's tokenizer reads them: a name runs to white
    space, `/`, `>` or `=`, a quoted value to its quote (`data-class` is no `class`, nor is a
    `class=` inside another attribute's value)."""
    for attribute in _ATTRIBUTE.finditer(text, tag.end("name"), tag.end()):
        value = attribute["value"] or ""
        if value[:1] in ("'", '"'):
            value = value[1:].removesuffix(value[0])  # (a quote the page's end cut is open)
        yield attribute["name"].lower(), value


def html_end_tags(text: str) -> Iterator[re.Match[str]]:
    """Each end tag named html in any case (`</html >`, `</HTML\\n>`, `</html/>`) where a browser
    reads one in `text` (a page, or its shown markup): not one in a comment, an element whose
    text is no markup (`shown_markup`), or a tag's attribute."""
    return (piece for piece in _MARKUP.finditer(text)
            if piece["end"] is not None and piece["name"].lower() == "html")


def closing_html_tag(text: str) -> re.Match[str] | None:
    """The page's closing html tag, where a browser reads one in `text`: the last of its
    `html_end_tags`."""
    found = None
    for found in html_end_tags(text):
        pass
    return found
