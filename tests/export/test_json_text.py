"""JSON text as revdiff writes it: `indented_json` is json's indented text, made faster."""

from __future__ import annotations

import enum
import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revdiff.export.json_text import escape_line_breaks, indented_json, json_array, json_line


class _Code(enum.IntEnum):
    ONE = 1


# What JSON holds and more that json writes: any text (control characters, quotes, a lone
# surrogate, line separators), floats with NaN and infinities, tuples, keys that are numbers or
# None, an int subclass; nested as deep as records go.
_JSON_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats() | st.text()
                 | st.sampled_from([_Code.ONE, math.nan, -math.inf, -0.0, 1e300, "\u2028",
                                    "\x00\x1f\x7f\"\\", "é\U0001f600", "\ud800"]))
_JSON_VALUES = st.recursive(
    _JSON_SCALARS,
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
                   | st.dictionaries(st.text(max_size=5), inner, max_size=4)
                   | st.dictionaries(st.integers() | st.floats() | st.none(), inner, max_size=2)),
    max_leaves=30)


@given(_JSON_VALUES)
def test_indented_json_is_the_text_json_dumps_makes_with_an_indent(value: object) -> None:
    """`indented_json` lays out dicts and lists itself, which json does in Python when given an
    indent (`revdiff diff --format json`): byte for byte json's text, and so is `json_array`'s,
    its Unicode line breaks escaped."""
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)
    assert "".join(json_array([value, value])) == escape_line_breaks(
        json.dumps([value, value], ensure_ascii=False, indent=2))


@pytest.mark.parametrize("line_break", ["\x85", "\u2028", "\u2029"])
def test_json_array_escapes_unicode_line_breaks_as_json_lines_does(line_break: str) -> None:
    """`--format json` wrote NEL, the line separator and the paragraph separator raw, where
    jsonl escapes them: a reader splitting its text with `str.splitlines()` cut a string."""
    value = {"text": f"one{line_break}two"}
    text = "".join(json_array([value]))
    assert text.splitlines() == ["[", "  {", '    "text": "one\\u' + f"{ord(line_break):04x}"
                                 + 'two"', "  }", "]"]
    assert json.loads(text) == [value]
    assert f"\\u{ord(line_break):04x}" in json_line(value)


@pytest.mark.parametrize("value", [{(1, 2): "a tuple key"}, [1, {"a": {1, 2}}], float])
def test_indented_json_refuses_what_json_refuses(value: object) -> None:
    with pytest.raises(TypeError) as refused:
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError, match=re.escape(str(refused.value))):
        indented_json(value)
