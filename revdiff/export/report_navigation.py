"""The links between the HTML report's article pages: each page's previous and next article's,
each naming its article's title to a screen reader (a list of links would hold many alike).

A page is written as its article is finished, when the next article may not be read yet (or may
be left out, by --skip-errors), so its neighbours are not known then. The page keeps room for
their links in its `<nav>`, a run of spaces between two comments that mark its start and its end
(`NEIGHBOURS_ROOM`), and the links are written into that room once every page is
(`link_neighbours`), in place: a live blog's page of tens of MB is not written again. The marks
stay, so a later linking (a run interrupted after linking, resumed with other pages) rewrites
the links. A page's own name never changes, so the links stay true after `--resume`. A room is
found by its marks whatever its length, and its links kept to that length: a page staged by a
revdiff that kept another room (512 bytes, before the links named their titles) is linked too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from revdiff.export.html_page import UNKNOWN_LANGUAGE, shown_line

# A title as a link names it, in bytes (escaped, its control characters as symbols); a longer
# one is cut, the link's own page heading it whole.
_TITLE_BYTES = 240
_CUT = "…"
# Room for both links: a page's name is at most 12 digits, a dash, a slug of 120 bytes and
# `.html` (`report_file_name`), its title `_TITLE_BYTES`, so with their markup two links take
# under 1,000 bytes.
_ROOM_BYTES = 1024
_ROOM_START = b"<!--neighbours-->"
_ROOM_END = b"<!--/neighbours-->"
# No revdiff kept a room near this long: a start mark further from the `</nav>` is none of a room.
_ROOM_MOST_BYTES = 64 * 1024


def _room(links: str, size: int = _ROOM_BYTES) -> bytes:
    """The room holding `links`: its start mark, the links padded with spaces to `size` bytes (a
    page's name may hold letters of several bytes each), its end mark."""
    return _ROOM_START + links.encode().ljust(size) + _ROOM_END


NEIGHBOURS_ROOM = _room("").decode()
# What ends the room in a page: its first `</nav>`, in the page's first line after its head
# (whose title is escaped, and so holds no `</nav>`). A page of an older revdiff, without the
# room, has its `<nav>` there too. The head holds the article's title, of any length, so the room
# is near the top, but may lie past the first chunk read, or across its end.
_NAV_END = b"</nav>"
_CHUNK = 64 * 1024


def _shown_title(title: str, most: int) -> str:
    """The title as a link's text holds it: escaped, its control characters shown as symbols,
    cut to `most` bytes (a mark at its end says so)."""
    pieces = [shown_line(character) for character in title]
    if len("".join(pieces).encode()) <= most:
        return "".join(pieces)
    kept, size = [], len(_CUT.encode())
    for piece in pieces:
        size += len(piece.encode())
        if size > most:
            break
        kept.append(piece)
    return "".join(kept) + _CUT


def _named(title: str | None) -> str:
    """The article's title (as shown), after a link's visible text, for a screen reader only;
    isolated (`<bdi>`) and of unknown language, as the article's text is on its page. None:
    the link names none."""
    if title is None:
        return ""
    return f'<span class="visually-hidden">: <bdi{UNKNOWN_LANGUAGE}>{title}</bdi></span>'


def _links(previous: tuple[str, str | None] | None,
           following: tuple[str, str | None] | None) -> str:
    """The links to the previous and the next article's page (each its file name and its
    article's title as shown, or None; None: no link)."""
    links = []
    if previous is not None:
        name, title = previous
        links.append(f'<a href="{escape(name)}" rel="prev">&larr; previous article'
                     f"{_named(title)}</a>")
    if following is not None:
        name, title = following
        links.append(f'<a href="{escape(name)}" rel="next">next article &rarr;{_named(title)}</a>')
    return "".join(links)


def neighbour_links(previous: tuple[str, str] | None, following: tuple[str, str] | None,
                    room: int = _ROOM_BYTES) -> str | None:
    """The links to the previous and the next article's page (each its file name and its
    article's title; None: none) in at most `room` bytes: each title cut to `_TITLE_BYTES`, or
    to its share of what a smaller room (an earlier revdiff's) leaves, or, where that leaves too
    little, the links naming none. None when even those do not fit."""
    pair = (previous, following)
    spare = room - len(_links(*_titled(pair, lambda title: "")).encode())
    most = min(_TITLE_BYTES, spare // max(1, sum(neighbour is not None for neighbour in pair)))
    if most >= len(_CUT.encode()):
        return _links(*_titled(pair, lambda title: _shown_title(title, most)))
    unnamed = _links(*_titled(pair, lambda title: None))
    return unnamed if len(unnamed.encode()) <= room else None


def _titled(pair: tuple[tuple[str, str] | None, tuple[str, str] | None],
            shown: Callable[[str], str | None]) -> list[tuple[str, str | None] | None]:
    """The previous and the next page (or None) of `pair`, each with its title as `shown`."""
    return [None if neighbour is None else (neighbour[0], shown(neighbour[1]))
            for neighbour in pair]


def link_neighbours(folder: Path, pages: Iterable[tuple[str, str]]) -> None:
    """Write into each page of `folder` (`pages`, each its file name and its article's title,
    in the report's order) the links to the pages before and after it; a page without the room
    (none of this revdiff's), or with one too small for them, is left as it is."""
    previous: tuple[str, str] | None = None
    current: tuple[str, str] | None = None
    for following in chain(pages, [None]):
        if current is not None:
            _fill_room(folder / current[0], previous, following)
        previous, current = current, following


def _fill_room(path: Path, previous: tuple[str, str] | None,
               following: tuple[str, str] | None) -> None:
    with open(path, "r+b") as page:
        room = _find_room(page)
        if room is None:
            return
        offset, size = room
        links = neighbour_links(previous, following, size)
        if links is not None:
            page.seek(offset)
            page.write(_room(links, size))


def _find_room(page: BinaryIO) -> tuple[int, int] | None:
    """Where the page's room for the links starts (its start mark), empty or holding links, and
    how many bytes it holds between its marks; None when it has none. The page is read up to its
    first `</nav>` only: a live blog's page of tens of MB is not read to its end."""
    seen, start = b"", 0  # `seen` starts at `start` in the file
    while chunk := page.read(_CHUNK):
        seen += chunk
        found = seen.find(_NAV_END)
        if found >= 0:
            opened = seen.rfind(_ROOM_START, 0, found)
            size = found - opened - len(_ROOM_START) - len(_ROOM_END)
            marked = opened >= 0 and size >= 0 and seen.endswith(_ROOM_END, 0, found)
            return (start + opened, size) if marked else None
        # keep the room and a `</nav>` cut by the chunk's end
        keep = _ROOM_MOST_BYTES + len(_NAV_END) - 1
        start, seen = start + len(seen) - len(seen[-keep:]), seen[-keep:]
    return None
