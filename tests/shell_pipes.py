"""Pipes as the shell hands them to a command (`<(cat a)` is `/dev/fd/N`), for tests in one
process: each holds its text and is closed at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def shell_pipes(*texts: str) -> Iterator[list[str]]:
    """The `/dev/fd/N` names of pipes holding `texts` (short: each fits a pipe's buffer)."""
    if not Path("/dev/fd").is_dir():
        pytest.skip("needs /dev/fd")
    read_ends = []
    for text in texts:
        read_end, write_end = os.pipe()
        os.write(write_end, text.encode())
        os.close(write_end)
        read_ends.append(read_end)
    try:
        yield [f"/dev/fd/{fd}" for fd in read_ends]
    finally:
        for fd in read_ends:
            os.close(fd)
