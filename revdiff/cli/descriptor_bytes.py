"""Standard output's or error's file descriptor as a byte stream of its own, apart from
`sys.stdout` and `sys.stderr`: for the data a command writes and for the lines it says."""

from __future__ import annotations

import os
from typing import TextIO

# How much is held before it is written: a few records, as a buffer of Python's holds.
WRITE_AT_BYTES = 64 * 1024


class DescriptorBytes:
    """Bytes held here and written to file descriptor `descriptor` on `flush`, or once
    `WRITE_AT_BYTES` are held, apart from Python's stream for it (`sys.stdout`, `sys.stderr`).

    Python's stream holds a lock while it writes, and a write into a pipe whose reader reads
    nothing for now (`| less`, `2>&1 | less`, a wrapper or a test that reads later) holds it
    until the reader reads on: any other thread that flushes the stream meanwhile waits as long.
    Python's multiprocessing flushes `sys.stdout` and `sys.stderr` before it starts a process, as
    Dask's nanny does, in a thread of its own, to restart a worker that died: the worker was not
    restarted, and an export on a local cluster of one worker waited for ever for one. Nothing
    else writes or flushes this stream, so a write that waits here keeps only the thread that
    writes waiting.

    A write that fails drops what was held (a reader that has gone reads nothing more; a full
    disk is one error line): nothing is left for Python to write again as it exits.
    """

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor
        self.held = bytearray()

    def write(self, data: bytes, /) -> int:
        self.held += data
        if len(self.held) >= WRITE_AT_BYTES:
            self.flush()
        return len(data)

    def flush(self) -> None:
        held, self.held = memoryview(self.held), bytearray()
        while held:
            held = held[os.write(self.descriptor, held):]


def write_text_apart(stream: TextIO, text: str) -> bool:
    """Write `text` to the file descriptor of `stream` (`sys.stderr`), encoded as `stream`
    encodes, after what `stream` holds, apart from `stream` (`DescriptorBytes`); False, with
    nothing written, when `stream` has no descriptor (a stream put in its place), for the caller
    to write to `stream` itself. An OSError of the write is the caller's."""
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both of these
        return False
    stream.flush()
    data = text.encode(stream.encoding or "utf-8", stream.errors or "strict")
    raw = DescriptorBytes(descriptor)
    raw.write(data)
    raw.flush()
    return True
