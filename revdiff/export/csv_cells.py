"""CSV cells that a spreadsheet shows as text and never runs as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (and, in
some versions, a tab or carriage return; OWASP's ASVS adds a NUL character) as a formula, so an
article sentence such as `=HYPERLINK("http://evil.example", "click")` in a CSV export would run
when the file is opened ("CSV injection"). Every text cell that starts with one of those
characters gets one leading apostrophe, which spreadsheets hide and read as "this is text".

To keep the change reversible, a text that already starts with apostrophes followed by one of
those characters gets one more; `restore_cell` removes exactly one again. Numbers are written as
numbers and never changed (a negative number is not text).

`csv_line` writes a row as the exports do: ended by a line feed, every cell that holds a line
break quoted, a bare carriage return too.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = "=+-@\t\r\0"
APOSTROPHE = "'"

_NEUTRALISED = re.compile(f"{APOSTROPHE}*[{re.escape(FORMULA_STARTS)}]")


def spreadsheet_safe(value: Any) -> Any:
    """The cell as written: text that a spreadsheet would read as a formula gets a leading `'`."""
    if isinstance(value, str) and _NEUTRALISED.match(value):
        return APOSTROPHE + value
    return value


def restore_cell(value: Any) -> Any:
    """The original text of a cell written by `spreadsheet_safe` (for readers of the CSV); a
    value that is no text (a number, or the NaN pandas reads from an empty cell) as it is, so
    that `frame["old_text"].map(restore_cell)` and `frame.map(restore_cell)` work."""
    if isinstance(value, str) and value.startswith(APOSTROPHE) and _NEUTRALISED.match(value, 1):
        return value[1:]
    return value


def csv_line(cells: Iterable[Any]) -> str:
    """One CSV row ending in a line feed, with each cell that holds a line feed or a carriage
    return quoted.

    csv.writer quotes a cell that holds a character of its line terminator, so with a line feed
    alone it left a carriage return (in a title read from a NewsEdits file) bare, and readers
    ended the row there. It writes with CR LF, which quotes both, and the row's own CR LF at the
    end becomes a line feed.
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"
