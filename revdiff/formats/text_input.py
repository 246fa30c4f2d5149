"""Turning raw input bytes into text: size limits, binary detection, encodings."""

from __future__ import annotations

import re

from revdiff.errors import BinaryInput, EmptyInput, EncodingProblem, InputTooLarge

# Inputs larger than this are refused unless the caller raises the limit (see `--max-size`).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_ASCII_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def collapse_whitespace(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and trim the ends (as trackers store text)."""
    return _ASCII_WHITESPACE.sub(" ", text).strip(" ")


def check_size(size: int, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    if size > max_bytes:
        raise InputTooLarge(
            f"input is {size:,} bytes, more than the limit of {max_bytes:,}",
            where, hint="raise the limit with --max-size if this is really one article",
        )


def decode_bytes(data: bytes, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode input bytes to text, or raise a RevdiffError saying what is wrong with them."""
    check_size(len(data), where, max_bytes)
    if not data.strip():
        raise EmptyInput("input is empty", where, hint="give a file that holds an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16", where)
    if b"\x00" in data[:8192]:
        raise BinaryInput("input is binary data, not text", where,
                          hint="give a text, HTML or NewsEdits SQLite file")
    declared = _META_CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    text = _decode(data, encoding, where)
    if "\x00" in text:
        raise BinaryInput("input contains NUL characters", where, hint="give a text file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise EncodingProblem(f"input declares an unknown encoding {encoding!r}", where,
                              hint="convert it to UTF-8 first") from None
    except UnicodeDecodeError as exc:
        raise EncodingProblem(
            f"input is not valid {encoding} (bad byte at offset {exc.start})", where,
            hint="convert it to UTF-8 first, e.g. iconv -f latin1 -t utf-8",
        ) from None
