"""File and folder names as text: a name that is not UTF-8 spelled one way in every output and
message. Imported by the command line before any reader, so it imports nothing."""

from __future__ import annotations


def name_text(name: str) -> str:
    """A name from the file system as text that every output can hold: its bytes that are not
    UTF-8, which Python keeps as lone surrogates, written as `\\xe9` (`caf\\xe9.txt`)."""
    if not any("\ud800" <= char <= "\udfff" for char in name):
        return name
    return "".join(f"\\x{ord(char) - 0xDC00:02x}" if "\udc80" <= char <= "\udcff"
                   else f"\\u{ord(char):04x}" if "\ud800" <= char <= "\udfff" else char
                   for char in name)
