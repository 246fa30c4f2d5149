"""Raw input before and after decoding: size limits, and the whitespace trackers trim."""

from __future__ import annotations

import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from revdiff.errors import BinaryInput, InputTooLarge
from revdiff.read_warnings import counted
from revdiff.size_limit import DEFAULT_MAX_BYTES, KIB, MAX_SIZE_ENV, format_size

# What trackers treat as whitespace: ASCII only, so a no-break space is text.
ASCII_WHITESPACE = " \t\n\r\f\v"
_WHITESPACE_RUN = re.compile(f"[{re.escape(ASCII_WHITESPACE)}]+")


def collapse_whitespace(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and trim the ends (as trackers store text)."""
    if only_lone_spaces(text):
        return text.strip(" ")
    return _WHITESPACE_RUN.sub(" ", text).strip(" ")


def only_lone_spaces(text: str) -> bool:
    """Whether the text's only ASCII whitespace is spaces, none next to another: what most text
    is, and `collapse_whitespace` leaves as it is but for its ends. A search for each character
    is several times quicker than substituting every space with itself, and than `isprintable`
    (which reads each character's Unicode category)."""
    return not ("  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text
                or "\v" in text)


def check_size(size: int, where: str, max_bytes: int = DEFAULT_MAX_BYTES,
               what: str = "input") -> None:
    """Refuse an input (or `what` else it holds, such as one version of a database) of `size`
    bytes when it is over the limit."""
    if size > max_bytes:
        exact = f" ({size:,} bytes)" if size >= KIB else ""
        raise too_large(f"{what} is {_bytes_text(size)}{exact}, more than the size limit of "
                         f"{limit_beside(size, max_bytes)}", where,
                         "one article" if what == "input" else "one version")


def limit_beside(size: int, max_bytes: int) -> str:
    """The size limit as an error writes it beside a `size` over it (`64M`), with its bytes
    where the two would read alike (a size just over it: `1K`, `1K (1,024 bytes)`)."""
    limit = _bytes_text(max_bytes)
    return limit + f" ({max_bytes:,} bytes)" if _bytes_text(size) == limit else limit


def _bytes_text(size: int) -> str:
    """`64M`, `1.5G`, `900 bytes`, `1 byte`."""
    return format_size(size) if size >= KIB else counted(size, "byte")


def read_bounded(stream: BinaryIO, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a stream of unknown length (standard input), refusing it once it passes the limit.

    At most `max_bytes + 1` bytes are ever held, so an endless stream cannot exhaust memory.
    A buffered stream is read one read of the system at a time (`read1`): its `read(n)` reads
    on past an end of input typed on a terminal (Ctrl-D), which then took a second to end.
    """
    read = getattr(stream, "read1", stream.read)
    chunks: list[bytes] = []
    held = 0
    while held <= max_bytes:  # a piece at a time: read(n) sets aside n bytes before reading
        chunk = read(min(max_bytes + 1 - held, _READ_PIECE))
        if not chunk:
            break
        chunks.append(chunk)
        held += len(chunk)
    if held > max_bytes:
        raise too_large(f"input is more than the size limit of {_bytes_text(max_bytes)}", where)
    return b"".join(chunks)


GZIP_MAGIC = b"\x1f\x8b"
# How much of a gzip file a member's decompressor is handed at once (`gunzipped`): a small
# piece first, as a member may be a few bytes, then twice as much each time, up to the last size.
_GZIP_FIRST_PIECE = 32
_GZIP_LAST_PIECE = 1 << 20


@dataclass(frozen=True, slots=True)
class Gunzipped:
    """What a gzip-compressed input holds, and a warning when its gzip stream is cut short or
    followed by data that is no gzip member."""

    body: bytes
    warning: str | None = None


def gunzipped(data: bytes, where: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Gunzipped:
    """The bytes gzip-compressed `data` holds (a page a browser or wget saved with the body
    compressed as the server sent it), refusing them once they pass the limit: at most
    `max_bytes + 1` are ever decompressed, so a small file that holds gigabytes of zeros cannot
    exhaust memory. A stream cut short gives what it holds, with a warning that says so, and is
    refused when it holds nothing (BinaryInput, as a damaged one is); members joined one after
    another (`cat a.gz b.gz`, which gzip reads as one file) give all they hold. Data after the
    last member is ignored, as gzip ignores it: with a warning that counts its bytes, unless it
    is padding (zeros).

    Each member's decompressor is handed the data in pieces that grow from a small one: handed
    all that follows, it copies back what its member leaves, and a file of a million empty
    members (20 bytes each) took hours."""
    body = bytearray()
    pieces = memoryview(data)
    position = 0  # where the member being read goes on
    cut_short = False
    trailing = b""  # what follows the last member, when it starts no other
    try:
        while position < len(data) and len(body) <= max_bytes:
            if position and not data.startswith(GZIP_MAGIC, position):  # no other member
                trailing = data[position:]
                break
            member = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
            piece_size = _GZIP_FIRST_PIECE
            while not member.eof and position < len(data) and len(body) <= max_bytes:
                piece = pieces[position:position + piece_size]
                body += member.decompress(piece, max_bytes + 1 - len(body))
                position += len(piece) - len(member.unconsumed_tail) - len(member.unused_data)
                piece_size = min(2 * piece_size, _GZIP_LAST_PIECE)
            if not member.eof:  # over the limit, or cut short
                cut_short = len(body) <= max_bytes
                break
    except zlib.error as error:
        raise BinaryInput(f"input is gzip-compressed but damaged ({error})", where,
                          hint="save the page again") from None
    if len(body) > max_bytes:
        raise too_large(f"input is gzip-compressed and more than the size limit of "
                        f"{_bytes_text(max_bytes)} once decompressed", where)
    text = bytes(body)
    if trailing.strip(b"\0"):  # no padding (zeros), which gzip passes over without a word
        return Gunzipped(text, f"{where}: {counted(len(trailing), 'byte')} of trailing data after "
                               "its gzip stream ignored: no gzip stream starts there")
    if not cut_short:
        return Gunzipped(text)
    if not text:  # no empty capture: a gzip file cut short before any of what it holds
        raise BinaryInput("input is gzip-compressed but cut short before any of its text", where,
                          hint="save the page again")
    return Gunzipped(text, f"{where}: the file is cut short (its gzip stream ends early): only "
                           "the text before the cut is read; save the page again to read it whole")


# How a Python caller reads an input over the default limit (the tables take the articles it gives).
RAISED_LIMIT_IN_PYTHON = "revdiff.load(path, max_bytes=N)"

# How much read_bounded asks for at once: a limit raised to 100G must not set aside 100 GB for
# a file of a few bytes (a MemoryError), nor one beyond what an index holds (an OverflowError).
_READ_PIECE = 1 << 22


def too_large(message: str, where: str, meant: str = "one article") -> InputTooLarge:
    """The error of an input over the size limit, with how to raise the limit."""
    return InputTooLarge(message, where, hint=f"raise the limit with --max-size or {MAX_SIZE_ENV} "
                                              f"if this is really {meant}",
                         python_hint=f"if this is really {meant}, raise the limit: "
                                     f"{RAISED_LIMIT_IN_PYTHON}")


def resolved(path: Path) -> Path:
    """`path` made absolute with its links followed, as `Path.resolve()` does; a loop of
    symbolic links (which `resolve()` raises on before Python 3.13) is left unresolved, made
    absolute only, so that the command goes on to say that nothing is there in one line."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return Path(os.path.abspath(path))
