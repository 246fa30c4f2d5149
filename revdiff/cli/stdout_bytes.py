"""Standard output's file descriptor as a byte stream of its own, for the data a command writes."""

from __future__ import annotations

import os

# How much is held before it is written: a few records, as a buffer of Python's holds.
WRITE_AT_BYTES = 64 * 1024


class StdoutBytes:
    """Bytes held here and written to file descriptor `descriptor` (standard output's) on
    `flush`, or once `WRITE_AT_BYTES` are held, apart from `sys.stdout`.

    `sys.stdout` holds a lock while it writes, and a write into a pipe whose reader reads nothing
    for now (`| less`, a test that reads later) holds it until the reader reads on: any other
    thread that flushes `sys.stdout` meanwhile waits as long. Python's multiprocessing flushes it
    before it starts a process, as Dask's nanny does, in a thread of its own, to restart a worker
    that died: the worker was not restarted, and an export to stdout on a local cluster of one
    worker waited for ever for one. Nothing else writes or flushes this stream, so a write that
    waits here keeps only the thread that writes waiting.

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
