"""Recover the old and new columns of a flattened News Sniffer diff page (first cut)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from revdiff.model import PageReading, RowKind, RowReading, Version

if TYPE_CHECKING:
    from revdiff.formats.sniffer_text import PageHeader


@dataclass(frozen=True, slots=True)
class Chain:
    versions: tuple[Version, ...]
    pages: tuple[PageReading, ...]
    warnings: tuple[str, ...]


def _is_match(text: str) -> bool:
    half, odd = divmod(len(text), 2)
    return not odd and half > 0 and text[:half] == text[half:]


def _best_boundary(text: str) -> int | None:
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return None
    best = max(spaces, key=lambda s: text[s - 1] in ".!?\"”'" and text[s + 1:s + 2].isupper())
    return best + 1


def read_page(header: PageHeader) -> PageReading:
    rows = []
    for line, text in header.body:
        if _is_match(text):
            rows.append(RowReading(line, text, RowKind.MATCH, len(text) // 2, 1.0))
            continue
        boundary = _best_boundary(text)
        if boundary is None:
            rows.append(RowReading(line, text, RowKind.NEW_ONLY, None, 0.5))
        else:
            rows.append(RowReading(line, text, RowKind.CHANGE, boundary, 0.5))
    return PageReading(header.name, header.old_number, header.new_number, tuple(rows))


def read_chain(headers: list[PageHeader]) -> Chain:
    pages = []
    versions: dict[int, Version] = {}
    for header in sorted(headers, key=lambda h: h.old_number):
        page = read_page(header)
        pages.append(page)
        old = tuple(r.old for r in page.rows if r.old is not None)
        new = tuple(r.new for r in page.rows if r.new is not None)
        title = header.title_line or ""
        versions.setdefault(header.old_number, Version(header.old_number, title, old))
        versions[header.new_number] = Version(header.new_number, title, new, None, header.time_text)
    return Chain(tuple(versions[n] for n in sorted(versions)), tuple(pages), ())
