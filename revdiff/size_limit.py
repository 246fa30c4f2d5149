"""The size limit on inputs, and sizes as `--max-size` writes them (`64M`).

Kept out of revdiff.formats, whose package imports every reader (and the column splitter): the
command line shows the limit as an option's default, and completing a path must not wait for the
readers to load.
"""

from __future__ import annotations

import math
import re

# Inputs larger than this are refused unless the caller raises the limit (`--max-size` or the
# REVDIFF_MAX_SIZE environment variable on the command line, `max_bytes` in the API).
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
MAX_SIZE_ENV = "REVDIFF_MAX_SIZE"

KIB = 1024
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": KIB, "m": KIB**2, "g": KIB**3, "t": KIB**4}


def parse_size(text: str) -> int:
    """Bytes in a size such as `5000000`, `64M`, `1.5G` or `512KiB` (units are powers of 1024).

    Raises ValueError for anything else, for a fraction without a unit (`1.5`: bytes are
    whole) and for sizes below one byte.
    """
    found = _SIZE.fullmatch(text)
    if not found:
        raise ValueError(f"{text!r} is not a size; write e.g. 64M, 1G or 5000000")
    if "." in found.group(1) and not found.group(2):
        raise ValueError(f"{text!r} is a fraction of a byte; write whole bytes (e.g. 1500) "
                         "or a fraction of a unit (e.g. 1.5K)")
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


def size_at_least(size: int) -> str:
    """The shortest form `format_size` writes that `parse_size` reads as `size` bytes or more
    (`1.6K` for 1,587 bytes, where `format_size` writes `1.5K`, 1,536): a limit to suggest.
    A size just under a unit is that unit (`1M`, not `1024K`)."""
    larger = None
    for unit in ("T", "G", "M", "K"):
        scale = _UNITS[unit.lower()]
        if size >= scale:
            tenths = math.ceil(size * 10 / scale)
            if tenths >= 10 * KIB and larger is not None:
                return f"1{larger}"
            return f"{tenths / 10:.1f}".removesuffix(".0") + unit
        larger = unit
    return str(size)
