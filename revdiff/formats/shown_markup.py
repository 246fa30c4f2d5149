"""A page's markup as a browser shows it: without what it never shows as markup."""

from __future__ import annotations

import re

# What a browser shows nothing of as markup: a comment, a script or style element (whose text
# is no markup), a template (whose content is never shown) or a textarea (whose content is text);
# each left open runs to the page's end, as a browser reads it. html.parser reads the inside of
# a template or a textarea as markup: a table there would be taken for the page's.
_UNSHOWN = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style|template|textarea)(?=[\s/>])"
                      r".*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)


def shown_markup(text: str) -> str:
    """The page with each comment and script, style, template and textarea element made only
    its line ends: what a browser shows nothing of as markup, on lines that keep their numbers."""
    return _UNSHOWN.sub(lambda unshown: "\n" * unshown.group().count("\n"), text)
