"""The entries of a git `objects/info/alternates` file, read as git reads them.

A repository from a stranger names in it the object folders git reads besides its own, so what
revdiff checks there (the folders out of the input, a FIFO git would wait on) must be what git
reads: an entry read otherwise names a folder revdiff never looks at. git reads the file as a C
string (a NUL ends it), an entry at a time: a `#` starts a comment up to the line's end; a `"`
starts a path in C quotes, read up to its closing quote (past line ends), the one character
after that quote skipped, whatever it is; a path whose quoting is broken (an escape C quoting
has not, no closing quote), and any other, is read as written, up to the line's end.
"""

from __future__ import annotations

import re

# The escapes of C quoting, as git unquotes them (`\ooo` octal besides).
_ESCAPES = {ord("a"): 7, ord("b"): 8, ord("f"): 12, ord("n"): 10, ord("r"): 13, ord("t"): 9,
            ord("v"): 11, ord("\\"): ord("\\"), ord('"'): ord('"')}
_OCTAL = b"01234567"
# What a quoted path holds up to its closing quote or its next escape, copied as it is.
_PLAIN_RUN = re.compile(rb'[^"\\]+')


def alternates_entries(data: bytes) -> list[bytes]:
    """The paths an alternates file of `data` names, in order, as git reads them (an empty one
    left out; one holding a NUL, written `\\000` in quotes, cut there, as git's C string is)."""
    data = data.partition(b"\0")[0]
    entries = []
    at = 0
    while at < len(data):
        quoted = _c_unquoted(data, at) if data.startswith(b'"', at) else None
        if quoted is not None:
            entry, end = quoted
        else:  # (a line end looked for only here: quoted paths may fill a line of megabytes)
            end = data.find(b"\n", at)
            end = len(data) if end < 0 else end
            entry = b"" if data.startswith(b"#", at) else data[at:end]
        entry = entry.partition(b"\0")[0]
        if entry:
            entries.append(entry)
        at = end + 1  # the line end, or the character after a closing quote
    return entries


def _c_unquoted(data: bytes, at: int) -> tuple[bytes, int] | None:
    """The path quoted C-style at `at` (a `"`) and where its closing quote ends; None where the
    quoting is broken."""
    out = bytearray()
    index = at + 1
    while index < len(data):
        plain = _PLAIN_RUN.match(data, index)
        if plain is not None:
            out += plain.group()
            index = plain.end()
            continue
        if data[index] == ord('"'):
            return bytes(out), index + 1
        escape = data[index + 1:index + 2]
        if escape and escape[0] in _ESCAPES:
            out.append(_ESCAPES[escape[0]])
            index += 2
        elif (len(digits := data[index + 1:index + 4]) == 3 and digits[0] in b"0123"
              and all(digit in _OCTAL for digit in digits)):
            out.append(int(digits, 8))
            index += 4
        else:
            return None
    return None
