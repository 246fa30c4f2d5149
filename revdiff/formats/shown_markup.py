"""A page's markup as a browser shows it: without what it never shows as markup."""

from __future__ import annotations

import re

# HTML's white space, and a tag's attributes as its tokenizer reads them: a name runs to white
# space, `/`, `>` or `=` (holding `<`, `!` or a quote), a quoted value to its quote (holding `>`),
# an unquoted one to white space or `>`; a tag cut off by the page's end runs to it
_SPACE = r"[\t\n\f\r ]"
_ATTRIBUTES = (rf"(?:[\t\n\f\r /]++|[^\t\n\f\r />][^\t\n\f\r />=]*+(?:{_SPACE}*+={_SPACE}*+"
               r"(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^\t\n\f\r >]*+))?+)*+(?:>|\Z)")
# What a browser shows nothing of as markup: a comment (`<!-->` and `<!--->` are whole ones; one
# ends at `-->` or `--!>`), a script or style element (whose text is no markup), a template
# (whose content is never shown) or a textarea (whose content is text); each left open runs to the
# page's end, as a browser reads it. html.parser reads the inside of a template or a textarea as
# markup: a table there would be taken for the page's.
_UNSHOWN = (r"<!--(?:-?>|.*?(?:--!?>|\Z))"
            rf"|<(?P<raw>script|style|template|textarea)(?=[\t\n\f\r />]){_ATTRIBUTES}"
            rf".*?(?:</(?P=raw)(?=[\t\n\f\r />]|\Z){_ATTRIBUTES}|\Z)")
# The markup a browser reads as a unit, in which a comment's or an element's start is none: a
# start or end tag (its name runs to white space, `/` or `>`: `<scr<!---->` is a tag named
# `scr<!----`), and what a browser reads as a comment of its own up to the next `>` (`<!` not of a
# comment, a doctype too, `<?`, `</` not before a letter), kept as written
_TAG = rf"(?P<tag><(?P<end>/)?(?P<name>[a-zA-Z][^\t\n\f\r />]*+){_ATTRIBUTES})"
_BOGUS_COMMENT = r"<(?:!|\?|/(?![a-zA-Z]))[^>]*+(?:>|\Z)"
# A `<` that starts no markup is text; one before what is blanked is written `&lt;`, so that it
# does not start a tag with the text after it
_TEXT_LT = r"(?P<text_lt><)(?=<!--|<(?:script|style|template|textarea)(?:[\t\n\f\r />]))"
_MARKUP = re.compile(rf"(?P<unshown>{_UNSHOWN})|{_TAG}|{_BOGUS_COMMENT}|{_TEXT_LT}",
                     re.DOTALL | re.IGNORECASE)


def _shown(piece: re.Match[str]) -> str:
    if piece["unshown"] is not None:
        return "\n" * piece.group().count("\n")
    return "&lt;" if piece["text_lt"] is not None else piece.group()


def shown_markup(text: str) -> str:
    """The page with each comment and script, style, template and textarea element made only
    its line ends: what a browser shows nothing of as markup, on lines that keep their numbers.
    Tags and what a browser reads as a comment up to the next `>` are read as it reads them: a
    comment's or an element's start inside one is none. Shown markup is its own shown markup."""
    return _MARKUP.sub(_shown, text)


def closing_html_tag(text: str) -> re.Match[str] | None:
    """The page's closing html tag, where a browser reads one in `text` (a page, or its shown
    markup): the last end tag named html in any case (`</html >`, `</HTML\\n>`), not one in a
    comment, a script, style, template or textarea element, or a tag's attribute."""
    found = None
    for piece in _MARKUP.finditer(text):
        if piece["end"] is not None and piece["name"].lower() == "html":
            found = piece
    return found
