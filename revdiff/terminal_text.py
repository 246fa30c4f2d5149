"""Text from articles and file names, made safe to show on a terminal.

Article text and file names come from strangers. An escape (ESC, CSI, OSC ...) inside them would be
obeyed by the terminal: it could set the window title, write the clipboard or clear the screen.
Everything that reaches a terminal goes through `visible()`, which shows each control character
as a visible symbol instead (ESC as `␛`, a newline as `␊`); a change of the text diff made only of
characters that take no room on screen shows them by code too (`visible_unseen`). Data outputs
(JSON, CSV, SQLite, exported files) keep the text intact in files and pipes; printed on a
terminal, they go through `visible_data` (`TerminalDataStream`), which keeps their line ends and
tabs.
"""

from __future__ import annotations

from collections.abc import Iterator
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the model imports `read_warnings`, which imports this module
    from revdiff.model import WordDiff

# C0 controls show as the Unicode "control pictures" U+2400..U+241F, DEL as U+2421.
_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# C1 controls (U+0080..U+009F; U+009B is a one-character CSI) have no pictures: show their code.
_C1 = {code: f"<U+{code:04X}>" for code in range(0x80, 0xA0)}
# Bidirectional overrides and isolates reorder what follows them on screen, and the line and
# paragraph separators (U+2028, U+2029) break a line for some terminals only: shown by code too.
# The implicit direction marks (LRM U+200E, RLM U+200F, ALM U+061C) are kept, as SECURITY.md says:
# right-to-left text uses them, and they move only the digits and punctuation beside them.
_REORDERING_OR_BREAKING = {code: f"<U+{code:04X}>"
                           for code in [*range(0x2028, 0x202F), *range(0x2066, 0x206A)]}
_TABLE = _PICTURES | _C1 | _REORDERING_OR_BREAKING


def visible(text: str) -> str:
    """`text` with every control character (C0, DEL, C1, bidirectional controls, line and
    paragraph separators; also tab and newline) shown as a symbol."""
    return text.translate(_TABLE)


# Characters that take no room on screen: the zero-width space (between Thai words), the
# zero-width non-joiner and joiner (Persian words, emoji such as `👨‍👩‍👧`), the word joiner, the
# byte-order mark and the implicit direction marks; and those that show nothing either: the soft
# hyphen, the invisible operators (U+2061..U+2064), the combining grapheme joiner, the Mongolian
# vowel separator and the tag characters (U+E0001, U+E0020..U+E007F: a subdivision flag's).
# Kept as they are in text, which needs them; a change made of nothing else shows them by code
# (`visible_unseen`), or it would look like none.
UNSEEN = ("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c"
          "\u00ad\u2061\u2062\u2063\u2064\u034f\u180e\U000e0001"
          + "".join(chr(code) for code in range(0xE0020, 0xE0080)))
_UNSEEN_TABLE = {ord(char): f"<U+{ord(char):04X}>" for char in UNSEEN}
_UNSEEN_LEFT_OUT: dict[int, str | None] = {ord(char): None for char in UNSEEN}


def visible_unseen(text: str) -> str:
    """`text` made `visible`, and its characters that take no room (`UNSEEN`: the zero-width
    space and joiners, the word joiner, a byte-order mark, the direction marks, a soft hyphen ...)
    shown by code as well: for a change that only adds, removes or moves them, `sol<U+200B>diers`."""
    return visible(text).translate(_UNSEEN_TABLE)


def without_unseen(text: str) -> str:
    """`text` without the characters that take no room on screen (`visible_unseen`)."""
    return text.translate(_UNSEEN_LEFT_OUT)


def changes_unseen(diff: WordDiff) -> Iterator[tuple[WordDiff, bool]]:
    """The runs of a word diff grouped, each unchanged run alone and each change (its deleted and
    inserted runs next to one another) together, each with whether it is a change whose deleted
    and inserted text differ only in characters that take no room on screen
    (`[-soldiers-]{+sol\u200bdiers+}`): written as it is, such a change would look like none, so
    every output that marks changes writes its characters that take no room by code."""
    for changed, runs in groupby(diff, key=lambda run: run[0] != 0):
        change = tuple(runs)
        deleted = "".join(piece for op, piece in change if op < 0)
        inserted = "".join(piece for op, piece in change if op > 0)
        yield change, changed and without_unseen(deleted) == without_unseen(inserted)


def visible_lines(text: str) -> str:
    """Several lines of text made safe to print: newlines kept, every other control shown."""
    return "\n".join(visible(line) for line in text.split("\n"))


_DATA_TABLE = {code: symbol for code, symbol in _TABLE.items() if code not in (ord("\n"), ord("\t"))}
_FIELD_TABLE: dict[int, str | None] = {code: None for code in _TABLE} | {ord("\t"): " "}


def visible_data(text: str) -> str:
    """Data (JSON, CSV, a patch, HTML) made safe to print on a terminal: line ends and tabs kept
    (CR LF shown as a line end), every other control character shown as a symbol."""
    return text.replace("\r\n", "\n").translate(_DATA_TABLE)


_HTML_TABLE = {code: escape(symbol) for code, symbol in _DATA_TABLE.items()}


def visible_html(markup: str) -> str:
    """HTML (its text escaped) made safe to print, as `visible_data` makes data, each symbol
    escaped in turn: a browser reads a bare `<U+202E>` as a tag and shows nothing of it."""
    return markup.replace("\r\n", "\n").translate(_HTML_TABLE)


def field_text(text: str) -> str:
    """Text pasted into a text field of the app, as the field keeps it: its control characters
    (an escape sequence, a bell) and bidirectional controls left out, a tab made a space. The field
    draws what it holds as it is, so a pasted escape sequence would reach the terminal; shown as
    symbols instead, it would be searched for, or written into a file name."""
    return text.translate(_FIELD_TABLE)


class ByteSink(Protocol):
    """Where bytes are written: a binary file, stdout's buffer, a `TerminalDataStream`."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


class TerminalDataStream:
    """A terminal written to as a byte stream: each chunk of UTF-8 text written to it (a whole
    record: a JSON line, a CSV row, an article's patch) appears with its control characters shown
    as symbols (`visible_data`), in the terminal's `encoding`, what that cannot hold written as an
    escape (`\\u241b`), as the text output is: a Latin-1 terminal reads the bytes 0x80 to 0x9F
    of UTF-8 (`ě` is C4 9B) as C1 controls (0x9B a CSI)."""

    def __init__(self, terminal: ByteSink, encoding: str = "utf-8") -> None:
        self.terminal = terminal
        self.encoding = encoding

    def write(self, data: bytes, /) -> int:
        text = visible_data(data.decode("utf-8", "replace"))
        self.terminal.write(text.encode(self.encoding, "backslashreplace"))
        return len(data)

    def flush(self) -> None:
        self.terminal.flush()
