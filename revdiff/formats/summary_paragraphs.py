"""The paragraphs of a NewsEdits text (its `summary`), joined by `</p><p>`."""

from __future__ import annotations

import re

from revdiff.formats.text_input import collapse_whitespace, only_lone_spaces

# White space around a break is left to `collapse_whitespace` (a leading `\s*` made every space
# of the text a place to try a match).
_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p(?:\s[^>]*)?>", re.IGNORECASE)
_OPENING_P = re.compile(r"\s*<p(?:\s[^>]*)?>", re.IGNORECASE)


def split_summary(summary: str) -> tuple[str, ...]:
    """Paragraphs of a NewsEdits text: joined by `</p><p>`, a line break inside one read as a
    space; a text without `<p>` marks, one per line."""
    inner = _without_outer_p(summary)
    marked = inner != summary or _PARAGRAPH_BREAK.search(inner)  # paragraphs given as <p>
    pieces = _PARAGRAPH_BREAK.split(inner) if marked else inner.split("\n")
    if only_lone_spaces(inner):  # so is every piece: found out once for the text
        paragraphs = (p.strip(" ") for p in pieces)
    else:
        paragraphs = (collapse_whitespace(p) for p in pieces)
    return tuple(p for p in paragraphs if p)


def _without_outer_p(summary: str) -> str:
    """The text without the `<p>` it opens with and the `</p>` it ends with (a regular
    expression for both tried `</p>` at every place of the text, five times slower)."""
    opening = _OPENING_P.match(summary)
    inner = summary[opening.end():] if opening else summary
    trimmed = inner.rstrip()
    return trimmed[:-4] if trimmed[-4:].lower() == "</p>" else inner
