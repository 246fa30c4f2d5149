"""JSON text as revdiff writes it: one value a line (JSON Lines), or an array made in pieces.

A module of its own, apart from the row schema (`records`) and the engine it needs: `revdiff
parse` writes its articles with these and loads nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

# Line ends to `str.splitlines` (and to some editors) that JSON leaves raw inside its strings,
# with their escapes. Each is replaced on its own: `str.replace` scans a line at C speed, where
# `str.translate` with a table looked up every character (a seventh of a live blog's export).
_UNICODE_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_line(value: Any) -> str:
    """`value` as one line of JSON Lines, without its newline: a text's NEL, line separator and
    paragraph separator escaped (`\\u2028`), so that a reader splitting the file with
    `str.splitlines()` gets one record per line."""
    text = json.dumps(value, ensure_ascii=False)
    for line_break, escape in _UNICODE_LINE_BREAKS:
        text = text.replace(line_break, escape)
    return text


def json_array(values: Iterable[Any]) -> Iterator[str]:
    """The text `json.dumps(list(values), ensure_ascii=False, indent=2)` makes, in pieces made
    one value at a time: a large array is written as it is made, never held whole."""
    opening = "["
    for value in values:
        # a newline in JSON text is layout (one in a string is written `\\n`): indent each line
        text = json.dumps(value, ensure_ascii=False, indent=2)
        yield opening + "\n  " + text.replace("\n", "\n  ")
        opening = ","
    yield "[]" if opening == "[" else "\n]"
