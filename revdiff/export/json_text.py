"""JSON text as revdiff writes it: one value a line (JSON Lines), or an array made in pieces.

A module of its own, apart from the row schema (`records`) and the engine it needs: `revdiff
parse` writes its articles with these and loads nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from json.encoder import encode_basestring
from typing import Any

# Line ends to `str.splitlines` (and to some editors) that JSON leaves raw inside its strings,
# with their escapes. Each is replaced on its own: `str.replace` scans a line at C speed, where
# `str.translate` with a table looked up every character (a seventh of a live blog's export).
_UNICODE_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def escape_line_breaks(text: str) -> str:
    """JSON text with the NEL, line separator and paragraph separator in its strings escaped
    (`\\u2028`), so that a reader splitting it with `str.splitlines()` splits it only where
    JSON's own layout puts a newline."""
    for line_break, escape in _UNICODE_LINE_BREAKS:
        text = text.replace(line_break, escape)
    return text


def json_line(value: Any) -> str:
    """`value` as one line of JSON Lines, without its newline, its Unicode line breaks escaped
    (`escape_line_breaks`): a reader splitting the file with `str.splitlines()` gets one record
    per line."""
    return escape_line_breaks(json.dumps(value, ensure_ascii=False))


def json_array(values: Iterable[Any]) -> Iterator[str]:
    """The text `json.dumps(list(values), ensure_ascii=False, indent=2)` makes, its Unicode line
    breaks escaped as `json_line` escapes them, in pieces made one value at a time: a large
    array is written as it is made, never held whole."""
    opening = "["
    for value in values:
        yield escape_line_breaks(f"{opening}{_ITEM_START}{indented_json(value, _ITEM_START)}")
        opening = ","
    yield "[]" if opening == "[" else "\n]"


# Where an item of the outermost list or dict of an indented text begins.
_ITEM_START = "\n  "
# The text of each value json writes alike with or without an indent, by type: strings by json's
# own C function (as `ensure_ascii=False` has it), floats by its C encoder (`NaN`, `Infinity`).
_SCALAR_TEXT: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: json.JSONEncoder(ensure_ascii=False).encode,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): lambda _: "null",
}


def indented_json(value: Any, line_start: str = "\n") -> str:
    """The text `json.dumps(value, ensure_ascii=False, indent=2)` makes, each line after the
    first begun with `line_start` (a newline and the indent of where the text goes). Made faster
    (1.6 times on `benchmarks/diff_json.py`'s records): with an indent, json lays out every value
    with its encoder written in Python; here only dicts and lists are laid out in Python, their
    strings and numbers written by `_SCALAR_TEXT`. Anything else (a subclass, such as an enum; a
    key that is not a string; a value json refuses) is left to json, for its own text or error."""
    kind = type(value)
    if kind is dict or kind is list or kind is tuple:
        if not value:
            return "{}" if kind is dict else "[]"
        inner = line_start + "  "
        if kind is not dict:
            items = [text(item) if (text := _SCALAR_TEXT.get(type(item)))
                     else indented_json(item, inner) for item in value]
            return f"[{inner}{(',' + inner).join(items)}{line_start}]"
        if set(map(type, value)) == {str}:  # every key a string
            items = [encode_basestring(key) + ": " + (
                         text(item) if (text := _SCALAR_TEXT.get(type(item)))
                         else indented_json(item, inner))
                     for key, item in value.items()]
            return f"{{{inner}{(',' + inner).join(items)}{line_start}}}"
    elif text := _SCALAR_TEXT.get(kind):
        return text(value)
    # a newline in JSON text is layout (one in a string is written `\n`): indent each line
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", line_start)
