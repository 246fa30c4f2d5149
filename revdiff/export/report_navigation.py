"""The links between the HTML report's article pages: each page's previous and next article's,
each naming its article's title to a screen reader (a list of links would hold many alike).

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

from revdiff.export.html_page import UNKNOWN_LANGUAGE
from revdiff.terminal_text import visible_html

# A title as a link names it, in bytes (escaped, its control characters as symbols); a longer
# one is cut, the link's own page heading it whole.
_TITLE_BYTES = 240
_CUT = "…"
# Room for both links: a page's name is at most 12 digits, a dash, a slug of 120 bytes and
# `.html` (`report_file_name`), its title `_TITLE_BYTES`, so with their markup two links take
# under 1,000 bytes.
_ROOM_BYTES = 1024
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


def _shown_title(title: str) -> str:
    """The title as a link's text holds it: escaped, its control characters shown as symbols,
    cut to `_TITLE_BYTES` bytes (a mark at its end says so)."""
    pieces = [visible_html(escape(character)) for character in title]
    if len("".join(pieces).encode()) <= _TITLE_BYTES:
        return "".join(pieces)
    kept, size = [], len(_CUT.encode())
    for piece in pieces:
        size += len(piece.encode())
        if size > _TITLE_BYTES:
            break
        kept.append(piece)
    return "".join(kept) + _CUT


def _named(title: str) -> str:
    """The article's title, after a link's visible text, for a screen reader only; isolated
    (`<bdi>`) and of unknown language, as the article's text is on its page."""
    return (f'<span class="visually-hidden">: <bdi{UNKNOWN_LANGUAGE}>{_shown_title(title)}</bdi>'
            "</span>")


def neighbour_links(previous: tuple[str, str] | None, following: tuple[str, str] | None) -> str:
    """The links to the previous and the next article's page (each its file name and its
    article's title; None: none)."""
    links = []
    if previous is not None:
        name, title = previous
        links.append(f'<a href="{escape(name)}" rel="prev">&larr; previous article'
                     f"{_named(title)}</a>")
    if following is not None:
        name, title = following
        links.append(f'<a href="{escape(name)}" rel="next">next article &rarr;{_named(title)}</a>')
    return "".join(links)


def link_neighbours(folder: Path, pages: Iterable[tuple[str, str]]) -> None:
    """Write into each page of `folder` (`pages`, each its file name and its article's title,
    in the report's order) the links to the pages before and after it; a page without the room
    (none of this revdiff's) is left as it is."""
    previous: tuple[str, str] | None = None
    current: tuple[str, str] | None = None
    for following in chain(pages, [None]):
        if current is not None:
            _fill_room(folder / current[0], neighbour_links(previous, following))
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
