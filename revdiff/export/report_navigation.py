"""The links between the HTML report's article pages: each page's previous and next article's.

A page is written as its article is finished, when the next article may not be read yet (or may
be left out, by --skip-errors), so its neighbours are not known then. The page keeps room for
their links in its `<nav>`, a run of spaces between two comments that mark its start and its end
(`NEIGHBOURS_ROOM`), and the links are written into that room once every page is
(`link_neighbours`), in place: a live blog's page of tens of MB is not written again. The marks
stay, so a later linking (a run interrupted after linking, resumed with other pages) rewrites
the links. A page's own name never changes, so the links stay true after `--resume`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from itertools import chain
from pathlib import Path
from typing import BinaryIO

# Room for both links: a page's name is at most 12 digits, a dash, a slug of 120 bytes and
# `.html` (`report_file_name`), so two links take under 400 bytes.
_ROOM_BYTES = 512
_ROOM_START = "<!--neighbours-->"
_ROOM_END = "<!--/neighbours-->"


def _room(links: str) -> bytes:
    """The room holding `links`, always of one length in bytes: its start mark, the links padded
    with spaces to `_ROOM_BYTES` bytes (a page's name may hold letters of several bytes each),
    its end mark."""
    return _ROOM_START.encode() + links.encode().ljust(_ROOM_BYTES) + _ROOM_END.encode()


NEIGHBOURS_ROOM = _room("").decode()
_ROOM_LENGTH = len(_room(""))
# What ends the room in a page: its first `</nav>`, in the page's first line after its head
# (whose title is escaped, and so holds no `</nav>`). A page of an older revdiff, without the
# room, has its `<nav>` there too. The head holds the article's title, of any length, so the room
# is near the top, but may lie past the first chunk read, or across its end.
_NAV_END = b"</nav>"
_CHUNK = 64 * 1024


def neighbour_links(previous: str | None, following: str | None) -> str:
    """The links to the previous and the next article's page (their file names; None: none)."""
    links = []
    if previous is not None:
        links.append(f'<a href="{escape(previous)}" rel="prev">&larr; previous article</a>')
    if following is not None:
        links.append(f'<a href="{escape(following)}" rel="next">next article &rarr;</a>')
    return "".join(links)


def link_neighbours(folder: Path, names: Iterable[str]) -> None:
    """Write into each page of `folder` (`names`, in the report's order) the links to the pages
    before and after it; a page without the room (none of this revdiff's) is left as it is."""
    previous: str | None = None
    current: str | None = None
    for following in chain(names, [None]):
        if current is not None:
            _fill_room(folder / current, neighbour_links(previous, following))
        previous, current = current, following


def _fill_room(path: Path, links: str) -> None:
    with open(path, "r+b") as page:
        offset = _room_offset(page)
        if offset is not None:
            page.seek(offset)
            page.write(_room(links))


def _room_offset(page: BinaryIO) -> int | None:
    """Where the page's room for the links starts (its start mark), empty or holding links; None
    when it has none. The page is read up to its first `</nav>` only: a live blog's page of tens
    of MB is not read to its end."""
    seen, start = b"", 0  # `seen` starts at `start` in the file
    while chunk := page.read(_CHUNK):
        seen += chunk
        found = seen.find(_NAV_END)
        if found >= 0:
            room = seen[max(0, found - _ROOM_LENGTH):found]
            marked = (len(room) == _ROOM_LENGTH and room.startswith(_ROOM_START.encode())
                      and room.endswith(_ROOM_END.encode()))
            return start + found - _ROOM_LENGTH if marked else None
        # keep the room and a `</nav>` cut by the chunk's end
        keep = _ROOM_LENGTH + len(_NAV_END) - 1
        start, seen = start + len(seen) - len(seen[-keep:]), seen[-keep:]
    return None
