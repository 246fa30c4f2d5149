"""Turning raw input bytes into text: size limits, binary detection, encodings."""

from __future__ import annotations

import re
from typing import BinaryIO

from revdiff.errors import BinaryInput, EmptyInput, EncodingProblem, InputTooLarge

# Inputs larger than this are refused unless the caller raises the limit (`--max-size` or the
# REVDIFF_MAX_SIZE environment variable on the command line, `max_bytes` in the API).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_SIZE_ENV = "REVDIFF_MAX_SIZE"

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}

# What trackers treat as whitespace: ASCII only, so a no-break space is text.
ASCII_WHITESPACE = " \t\n\r\f\v"
_WHITESPACE_RUN = re.compile(f"[{re.escape(ASCII_WHITESPACE)}]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def collapse_whitespace(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and trim the ends (as trackers store text)."""
    return _WHITESPACE_RUN.sub(" ", text).strip(" ")


def parse_size(text: str) -> int:
    """Bytes in a size such as `5000000`, `64M`, `1.5G` or `512KiB` (units are powers of 1024).

    Raises ValueError for anything else, and for sizes below one byte.
    """
    found = _SIZE.fullmatch(text)
    if not found:
        raise ValueError(f"{text!r} is not a size; write e.g. 64M, 1G or 5000000")
    size = int(float(found.group(1)) * _UNITS[found.group(2).lower()])
    if size < 1:
        raise ValueError(f"{text!r} is less than one byte")
    return size


def format_size(size: int) -> str:
    """`64M`, `1.5G`, `900` (bytes): the short form `parse_size` reads back."""
    for unit in ("T", "G", "M", "K"):
        scale = _UNITS[unit.lower()]
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + unit
    return str(size)


def check_size(size: int, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse an input of `size` bytes when it is over the limit, before anything is read."""
    if size > max_bytes:
        raise _too_large(f"input is {format_size(size)} ({size:,} bytes), more than the size "
                         f"limit of {format_size(max_bytes)}", where)


def read_bounded(stream: BinaryIO, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a stream of unknown length (standard input), refusing it once it passes the limit.

    At most `max_bytes + 1` bytes are ever held, so an endless stream cannot exhaust memory.
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(f"input is more than the size limit of {format_size(max_bytes)}", where)
    return data


def _too_large(message: str, where: str) -> InputTooLarge:
    return InputTooLarge(message, where, hint=f"raise the limit with --max-size or {MAX_SIZE_ENV} "
                                              "if this is really one article")


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
