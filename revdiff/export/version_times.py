"""How a version's time is shown to a person: to the second, with its zone's offset, or as the
input told it; the same in the diff's text and HTML, `parse --format text` and the app."""

from __future__ import annotations

from revdiff.formats.fields import time_text_after
from revdiff.model import Version


def version_time(version: Version, after: Version | None = None) -> str:
    """When the version was published, to the second and with its zone's offset when it has one
    (`+05:30`: two captures a minute apart are told apart, a time in another zone is not taken
    for a local one), or its time as the input wrote it; shown after `after`, the version it is
    compared with or listed after, not a time told from another (`time_text_after`). The HTML
    pages and the app's header and timeline give it, and each pair's heading its two versions,
    each after the other (`version 4 (about 1 hour earlier) → 5`, a time counted from the pair's
    new version; not `version 1 (about 1 hour later) → 3`, counted from one before it), as the
    comparisons' `old_time` and `new_time` give them."""
    if version.time is not None:
        return version.time.isoformat(sep=" ", timespec="seconds")
    told = version.time_text if after is None else time_text_after(version, after)
    return told or ""
