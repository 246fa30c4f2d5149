"""The trailers of a stored version's commit read back as `revdiff store` writes them
(`revdiff.formats.git_layout`): a damaged one is refused, saying what to do (`NOT_BY_STORE`).
"""

from __future__ import annotations

import re

from revdiff.errors import MalformedPage
from revdiff.formats.fields import shown
from revdiff.formats.git_layout import (
    MOST_VERSION_DIGITS,
    TRAILER_CHANGES,
    TRAILER_METADATA,
    TRAILER_TIME_FROM,
    decode_metadata,
    is_utf8_text,
    stored_version_number,
)

# A damaged trailer of a store's commit: what to do
NOT_BY_STORE = ("the commit was not written by revdiff store as it is: mend its message with git "
                "commit --amend or a rebase, or read a branch without it")


# A change count as `revdiff store` writes one: the article's, whatever its reader took (a
# NewsEdits file's `num_versions` may be any 64-bit integer), in ASCII digits after an optional
# minus; not `1_000` or `٣`, which `int` took too, nor more digits than a version number has.
_STORED_COUNT = re.compile(rf"-?[0-9]{{1,{MOST_VERSION_DIGITS}}}")


def stored_changes(trailers: dict[str, str], place: str) -> int | None:
    if TRAILER_CHANGES not in trailers:
        return None
    written = trailers[TRAILER_CHANGES].strip()
    if not _STORED_COUNT.fullmatch(written):
        raise MalformedPage(f"{TRAILER_CHANGES} {shown(written)} is not a whole number",
                            place, hint=NOT_BY_STORE)
    return int(written)


def stored_time_from(trailers: dict[str, str], place: str) -> int | None:
    """The number of the version the stored time counts from (`Revdiff-Time-From`), if stored."""
    if TRAILER_TIME_FROM not in trailers:
        return None
    number = stored_version_number(trailers[TRAILER_TIME_FROM])
    if number is None:
        raise MalformedPage(f"{TRAILER_TIME_FROM} {shown(trailers[TRAILER_TIME_FROM])} is not a "
                            f"whole number from 0 of at most {MOST_VERSION_DIGITS} digits", place,
                            hint=NOT_BY_STORE)
    return number


def stored_metadata(trailers: dict[str, str], place: str) -> dict[str, str]:
    if TRAILER_METADATA not in trailers:
        return {}
    metadata = decode_metadata(trailers[TRAILER_METADATA])
    if metadata is None or not is_utf8_text(metadata):
        raise MalformedPage(f"{TRAILER_METADATA} is not a JSON object: "
                            f"{shown(trailers[TRAILER_METADATA])}", place,
                            hint=NOT_BY_STORE)
    return {str(k): str(v) for k, v in metadata.items()}
