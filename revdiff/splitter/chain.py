"""Read the pages of one article together: pages that show one version constrain each other (the
new column of one page is the old column of the next; a page comparing versions further apart
shares a column with any page that shows one of its versions). Every page is tried as the
anchor, its columns carried along the shared versions, and each page reached fitted to the known
column by readings News Sniffer could produce. Columns are compared up to the symbols the
flattener drops, and each paragraph keeps its fullest text."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from revdiff.errors import InconsistentPages
from revdiff.model import PageReading, RowKind, RowReading, Version
from revdiff.read_warnings import CHECK_THEM, GIVE_NEIGHBOURS, copy_read_once, missing_neighbours
from revdiff.splitter.decoder import Columns, columns, decode_rows, rerendered
from revdiff.splitter.known_column import readings_with_known_column
from revdiff.splitter.neighbours import Neighbours, ParagraphIndex, SharedVersion
from revdiff.splitter.page import PageHeader
from revdiff.splitter.symbols import fullest, same_paragraphs_up_to_symbols
from revdiff.splitter.titles import TitleSplit, split_titles_jointly

# When no page of a chain leads to a consistent reading of all pages, the least sure one-sided
# blocks (up to this many) of the pages beside a disagreement are flipped in turn and tried.
MAX_FLIPPED_TAILS = 8


@dataclass(frozen=True, slots=True)
class Chain:
    versions: tuple[Version, ...]
    pages: tuple[PageReading, ...]
    warnings: tuple[str, ...]


def read_chain(headers: list[PageHeader], known: Mapping[int, Version] | None = None) -> Chain:
    """Read the pages of one article; pages that show one version constrain each other. `known`
    holds versions other inputs give exactly (a page in HTML, a version page), by number: a page
    that shows one of them is fitted to it, and its title row cut where the known title ends."""
    known = known or {}
    advice = _advice(headers, known)
    ordered, warnings = _without_copies(sorted(headers, key=lambda h: (h.old_number, h.new_number)))
    links = _shared_versions(ordered)
    links_of = _links_by_page(links, len(ordered))
    readings: list[list[RowReading]] = []
    for header, links_here in zip(ordered, links_of):
        rows, page_warnings = decode_rows(header.body, header.name,
                                          neighbours=_neighbours(links_here, ordered),
                                          advice=advice[header.name])
        fitted, fit_warnings = _fitted_to_known(header, rows, known)
        readings.append(fitted or rows)
        warnings.extend(fit_warnings if fitted else page_warnings + fit_warnings)
    if links:
        readings, warnings = _propagate_columns(ordered, readings, warnings, links, links_of)
    return _assemble(ordered, readings, warnings, known, advice)


def _advice(headers: Sequence[PageHeader], known: Mapping[int, Version]) -> dict[str, str]:
    """What the warning about a page's unsure rows or title row advises, by the page's name: to
    give its neighbouring pages (`GIVE_NEIGHBOURS`), or to check them (`CHECK_THEM`) where every
    page beside it that can exist in the article (as many versions as the pages say it has) is
    among `headers`, or the version it shares with one is `known`."""
    given = {(h.old_number, h.new_number) for h in headers}
    versions = max((h.changes or 0 for h in headers), default=0) or None
    return {h.name: GIVE_NEIGHBOURS if missing_neighbours(h.old_number, h.new_number, given, known,
                                                          versions) else CHECK_THEM
            for h in headers}


def _without_copies(ordered: list[PageHeader]) -> tuple[list[PageHeader], list[str]]:
    """The pages without second copies of one page (a page saved twice, `page (1).txt`), with a
    warning for each copy left out; two different pages of the same versions are an error."""
    kept: list[PageHeader] = []
    warnings = []
    for page in ordered:
        earlier = kept[-1] if kept else None
        if earlier is None or (earlier.old_number, earlier.new_number) != (page.old_number, page.new_number):
            kept.append(page)
        elif (earlier.title_line, earlier.time_text, earlier.row_texts) == (
                page.title_line, page.time_text, page.row_texts):
            warnings.append(copy_read_once(page.name, earlier.name))
        else:
            raise InconsistentPages(
                f"two pages compare the same versions {page.old_number} and {page.new_number} "
                "and differ", page.name, hint=f"drop one of {earlier.name} and {page.name}")
    return kept, warnings


def _shared_versions(headers: Sequence[PageHeader]) -> list[SharedVersion]:
    """The pairs of pages that show one version, each version's pages linked in page order (for
    pages of consecutive versions, each page to the next)."""
    shown_by: dict[int, list[tuple[int, str]]] = {}
    for index, header in enumerate(headers):
        shown_by.setdefault(header.old_number, []).append((index, "old"))
        shown_by.setdefault(header.new_number, []).append((index, "new"))
    return [SharedVersion(first, first_side, second, second_side)
            for number in sorted(shown_by)
            for (first, first_side), (second, second_side) in pairwise(shown_by[number])]


def _links_by_page(links: Sequence[SharedVersion], pages: int) -> list[list[SharedVersion]]:
    """Each page's links, turned so that the page comes first."""
    links_of: list[list[SharedVersion]] = [[] for _ in range(pages)]
    for link in links:
        links_of[link.first].append(link)
        links_of[link.second].append(link.reversed())
    return links_of


def _neighbours(links_here: Sequence[SharedVersion], headers: Sequence[PageHeader]) -> Neighbours:
    """What another page that shows one of a page's versions holds (the first such page)."""
    shown: dict[str, ParagraphIndex] = {}
    for _, side, other, other_side in links_here:
        if side not in shown:
            shown[side] = ParagraphIndex(headers[other].row_texts, other_side)
    return Neighbours(old=shown.get("old"), new=shown.get("new"))


def _fitted_to_known(header: PageHeader, rows: list[RowReading], known: Mapping[int, Version]
                     ) -> tuple[list[RowReading] | None, list[str]]:
    """The page read so that a column is a version another input gives exactly (None when it
    shows none of them; of its two columns, the one that leaves fewer rows unsure), and a
    warning naming the rows that fit in more than one way. No reading that fits is an error."""
    fits = []
    for number, side in ((header.old_number, "old"), (header.new_number, "new")):
        if number in known:
            fitted = _constrained(rows, known[number].paragraphs, side)
            if fitted is None:
                raise InconsistentPages(f"no reading of the page gives version {number} as another input "
                                        "shows it", header.name,
                                        hint="give whole pages of one article only")
            fits.append((sum(not row.is_sure for row in fitted), number, fitted))
    if not fits:
        return None, []
    _, number, fitted = min(fits, key=lambda fit: fit[0])
    unsure = [row.line for row in fitted if not row.is_sure]
    return fitted, [(f"{header.name}: {len(unsure)} of {len(fitted)} rows fit version {number} in "
                     f"more than one way (lines {', '.join(map(str, unsure[:10]))})")] if unsure else []


def _constrained(rows: list[RowReading], known: tuple[str, ...], side: str) -> list[RowReading] | None:
    """Re-read a page whose `side` column is known; None when no consistent reading exists.

    Where several readings fit, the one closest to the page's own reading is tried first, then
    the one that takes the known paragraphs earliest; a reading must re-render to the page.
    """
    texts = [r.text for r in rows]
    for preferred in ([(r.kind, r.boundary) for r in rows], None):
        found = readings_with_known_column(texts, known, side, preferred)
        if found is None:
            return None
        options, count = found
        confidence = 1.0 if count == 1 else 0.9
        result = [RowReading(r.line, r.text, kind, boundary, confidence)
                  for r, (kind, boundary) in zip(rows, options)]
        if rerendered(result) == texts:
            break
    else:
        return None
    if count > 1:  # several readings fit; keep the decoder's where it agrees
        result = [r if (r.kind, r.boundary) == (d.kind, d.boundary) else replace(r, confidence=0.5)
                  for r, d in zip(result, rows)]
    return result


class _ChainFit:
    """Propagation of columns through the pages of an article, with the work shared between
    anchors.

    Propagations from different anchors mostly hand a page the same known column; fitting the
    page to it is done once, and each reading's columns are computed once, so trying every page
    as the anchor costs about as much as reading the chain once more, not once per page.
    """

    def __init__(self, readings: list[list[RowReading]], links: list[SharedVersion],
                 links_of: list[list[SharedVersion]]) -> None:
        self.readings = readings
        self.links = links
        self.links_of = links_of
        self.fits: dict[tuple[int, str, tuple[str, ...]], list[RowReading] | None] = {}
        # per reading (by identity; the reading is kept in its entry, so its id stays its own):
        # the reading, its columns, and the log of its rows' confidences
        self.seen: dict[int, tuple[list[RowReading], Columns, float]] = {}

    def _summary(self, rows: list[RowReading]) -> tuple[list[RowReading], Columns, float]:
        known = self.seen.get(id(rows))
        if known is None:
            certainty = sum(math.log(max(r.confidence, 1e-9)) for r in rows)
            known = self.seen[id(rows)] = (rows, columns(rows), certainty)
        return known

    def column(self, rows: list[RowReading], side: str) -> tuple[str, ...]:
        old, new = self._summary(rows)[1]
        return old if side == "old" else new

    def certainty(self, rows: list[RowReading]) -> float:
        """How sure the page's reading is: the sum of the log confidences of its rows."""
        return self._summary(rows)[2]

    def fit(self, page: int, known: tuple[str, ...], side: str) -> list[RowReading] | None:
        key = (page, side, known)
        if key not in self.fits:
            self.fits[key] = _constrained(self.readings[page], known, side)
        return self.fits[key]

    def propagated(self, anchor: int, start: list[RowReading]) -> list[list[RowReading]]:
        """Fit the pages that share a version with `anchor`, read as `start`, to it, then the
        pages that share one with those, and so on (nearest first).

        A page that cannot fit the page it is reached from is not carried further from; it
        keeps its own reading unless another page it shares a version with fits it.
        """
        current = list(self.readings)
        current[anchor] = start
        reached = {anchor}
        waiting = deque([anchor])
        while waiting:
            page = waiting.popleft()
            for _, side, other, other_side in self.links_of[page]:
                if other in reached:
                    continue
                fitted = self.fit(other, self.column(current[page], side), other_side)
                if fitted is not None:
                    reached.add(other)
                    current[other] = fitted
                    waiting.append(other)
        return current

    def disagreements(self, current: list[list[RowReading]]) -> list[SharedVersion]:
        """The pairs of pages whose shared version they read differently."""
        return [link for link in self.links
                if not same_paragraphs_up_to_symbols(self.column(current[link.first], link.first_side),
                                                     self.column(current[link.second], link.second_side))]


def _is_page_of_two_versions(rows: list[RowReading], texts: list[str]) -> bool:
    """Whether a reading of a page re-renders to its rows and leaves each version a paragraph
    (a version has paragraphs, as the decoder has it too)."""
    return all(columns(rows)) and rerendered(rows) == texts


def _flipped_tails(rows: list[RowReading]) -> list[list[RowReading]]:
    """The page read with one undecided block of one-sided rows moved to the other side.

    A gap's one-sided rows all lie on one side, so they flip together. Only the least sure
    blocks are tried (at most MAX_FLIPPED_TAILS), and only readings that re-render to the page
    and leave each version a paragraph.
    """
    blocks: list[list[int]] = []
    for index, row in enumerate(rows):
        if row.kind in (RowKind.OLD_ONLY, RowKind.NEW_ONLY):
            if blocks and blocks[-1][-1] == index - 1 and rows[index - 1].kind is row.kind:
                blocks[-1].append(index)
            else:
                blocks.append([index])
    undecided = sorted((min(rows[i].confidence for i in block), block) for block in blocks
                       if not all(rows[i].is_sure for i in block))
    texts = [r.text for r in rows]
    variants = []
    for _, block in undecided[:MAX_FLIPPED_TAILS]:
        variant = list(rows)
        for i in block:
            other = RowKind.NEW_ONLY if rows[i].kind is RowKind.OLD_ONLY else RowKind.OLD_ONLY
            variant[i] = replace(rows[i], kind=other, confidence=1.0 - rows[i].confidence)
        if _is_page_of_two_versions(variant, texts):
            variants.append(variant)
    return variants


def _recounted_gaps(rows: list[RowReading]) -> list[list[RowReading]]:
    """The page read with the last change row of one gap read as one-sided instead, on the side
    of the gap's one-sided rows (either side when it has none).

    Only gaps whose last change row is undecided are tried, the least sure first (at most
    MAX_FLIPPED_TAILS readings), and only readings that re-render to the page and leave each
    version a paragraph.
    """
    candidates: list[tuple[float, int, RowKind]] = []
    for index, row in enumerate(rows):
        following = rows[index + 1] if index + 1 < len(rows) else None
        if row.kind is not RowKind.CHANGE or row.is_sure or (
                following is not None and following.kind is RowKind.CHANGE):
            continue
        if following is not None and following.kind in (RowKind.OLD_ONLY, RowKind.NEW_ONLY):
            candidates.append((row.confidence, index, following.kind))
        else:
            candidates += [(row.confidence, index, RowKind.OLD_ONLY),
                           (row.confidence, index, RowKind.NEW_ONLY)]
    texts = [r.text for r in rows]
    variants = []
    for confidence, index, kind in sorted(candidates, key=lambda c: c[0])[:MAX_FLIPPED_TAILS]:
        variant = list(rows)
        variant[index] = replace(rows[index], kind=kind, boundary=None, confidence=1.0 - confidence)
        if _is_page_of_two_versions(variant, texts):
            variants.append(variant)
    return variants


def _propagate_columns(headers: Sequence[PageHeader], readings: list[list[RowReading]],
                       warnings: list[str], links: list[SharedVersion],
                       links_of: list[list[SharedVersion]]) -> tuple[list[list[RowReading]], list[str]]:
    """Carry columns from page to page along the versions they share (each page's new column is
    the next page's old one).

    Every page is tried as the anchor; the anchor whose propagation reads the most rows with
    certainty and keeps all pages consistent wins. When no page's own reading leads to a
    consistent chain, the pages on either side of a disagreement are tried as anchors again,
    each read with one undecided one-sided block flipped, or with the undecided last change row
    of one gap read as one paragraph.
    A page that fits a page it agrees with in one way only is sure, the anchor included.
    Where another anchor also keeps all pages consistent but reads a row differently, the pages
    admit both readings: the row is unsure.
    """
    chain = _ChainFit(readings, links, links_of)

    def tried(starts: Iterable[tuple[int, list[RowReading]]]
              ) -> list[tuple[int, float, list[list[RowReading]]]]:
        found = []
        for anchor, start in starts:
            current = chain.propagated(anchor, start)
            consistent = len(links) - len(chain.disagreements(current))
            found.append((consistent, sum(chain.certainty(rows) for rows in current), current))
        return found

    candidates = tried(enumerate(readings))
    most, _, best = max(candidates, key=lambda c: (c[0], c[1]))
    if most < len(links):
        broken = {page for link in chain.disagreements(best) for page in (link.first, link.second)}
        candidates += tried((anchor, variant) for anchor in sorted(broken)
                            for variant in [*_flipped_tails(readings[anchor]),
                                            *_recounted_gaps(readings[anchor])])
        most, _, best = max(candidates, key=lambda c: (c[0], c[1]))
    rivals = [c[2] for c in candidates if c[0] == most and c[2] is not best]
    best = _decided_by_neighbours(chain, best)
    chosen = [[row if all(other[p] is rows or _same_reading(row, other[p][r]) for other in rivals)
               else replace(row, confidence=min(row.confidence, 0.5))
               for r, row in enumerate(rows)] for p, rows in enumerate(best)]
    names = {h.name for h, before, after in zip(headers, readings, chosen) if before != after}
    warnings = [w for w in warnings if not any(w.startswith(n + ":") for n in names)]
    for header, rows in zip(headers, chosen):
        if header.name in names:
            unsure = [r.line for r in rows if not r.is_sure]
            if unsure:
                warnings.append(f"{header.name}: {len(unsure)} of {len(rows)} rows fit the "
                                f"neighbouring pages in more than one way (lines "
                                f"{', '.join(map(str, unsure[:10]))})")
    return chosen, warnings


def _decided_by_neighbours(chain: _ChainFit, pages: list[list[RowReading]]) -> list[list[RowReading]]:
    """The pages with every row sure where a page that agrees with it fixes one of its columns
    and no other reading of the page gives that column: the anchor of a chain keeps its own
    confidences when it is read, but the pages it decides decide it in turn."""
    disagreeing = set(chain.disagreements(pages))
    decided = []
    for index, rows in enumerate(pages):
        for link in chain.links_of[index]:
            if link in disagreeing or link.reversed() in disagreeing:
                continue
            _, side, other, other_side = link
            fitted = chain.fit(index, chain.column(pages[other], other_side), side)
            if (fitted is not None and all(row.confidence == 1.0 for row in fitted)
                    and all(map(_same_reading, rows, fitted))):
                rows = [replace(row, confidence=1.0) for row in rows]
                break
        decided.append(rows)
    return decided


def _known_titles(header: PageHeader, split: TitleSplit, known: Mapping[int, Version]
                  ) -> TitleSplit:
    """The title row cut where a title another input gives exactly ends or begins."""
    line = header.title_line or ""
    old, new = known.get(header.old_number), known.get(header.new_number)
    if old is not None and old.title and line.startswith(old.title + " "):
        return TitleSplit(old.title, line[len(old.title) + 1:], sure=True)
    if new is not None and new.title and line.endswith(" " + new.title):
        return TitleSplit(line[:-len(new.title) - 1], new.title, sure=True)
    return split


def telling_rank(told_from: int, number: int) -> tuple[int, bool]:
    """How near the version `told_from`, whose page tells the time of version `number`, is to it:
    the nearest first, and of two as near the earlier one (`about 1 hour later` of version 1 on
    the page of versions 0 and 1 before `about 2 hours earlier` on a page of versions 2 and 1
    reached by "Previous version"), so that the pair of a version and the one before it has a
    time."""
    return abs(told_from - number), told_from > number


def _same_reading(one: RowReading, other: RowReading) -> bool:
    return (one.kind, one.boundary) == (other.kind, other.boundary)


def _assemble(headers: Sequence[PageHeader], readings: list[list[RowReading]],
              warnings: list[str], known: Mapping[int, Version], advice: Mapping[str, str]
              ) -> Chain:
    versions: dict[int, Version] = {}
    shown_first_by: dict[int, str] = {}  # the page each version was first taken from
    told_from: dict[int, tuple[int, bool]] = {}  # `telling_rank` of the page each time is from
    pages = []
    titles = split_titles_jointly([h.title_line for h in headers],
                                  [(h.old_number, h.new_number) for h in headers])
    titles = [_known_titles(header, split, known) for header, split in zip(headers, titles)]
    for header, title in zip(headers, titles):
        if not title.sure:
            warnings.append(f"{header.name}:{header.title_line_number}: the title row holds two "
                            f"titles, cut where they most likely meet{advice[header.name]}")
    for header, rows, title in zip(headers, readings, titles):
        old, new = columns(rows)
        for side, version in (("old", Version(header.old_number, title.old, old)),
                              ("new", Version(header.new_number, title.new, new, None, header.time_text))):
            earlier = versions.get(version.number)
            rank = telling_rank(header.old_number, version.number)
            if earlier is None:
                versions[version.number] = version
                shown_first_by[version.number] = header.name
                if version.time_text:
                    told_from[version.number] = rank
            elif same_paragraphs_up_to_symbols(earlier.paragraphs, version.paragraphs):
                # the time a page gives is since its old version: the nearest one's is kept
                newer_time = version.time_text is not None and rank <= told_from.get(version.number, rank)
                if newer_time:
                    told_from[version.number] = rank
                versions[version.number] = replace(
                    earlier, paragraphs=tuple(map(fullest, earlier.paragraphs, version.paragraphs)),
                    time_text=version.time_text if newer_time else earlier.time_text)
            else:
                warnings.append(f"{header.name}: its {side} column differs from version "
                                f"{version.number} as {shown_first_by[version.number]} shows it; "
                                "kept that one")
        pages.append(PageReading(header.name, header.old_number, header.new_number, tuple(rows)))
    return Chain(tuple(versions[n] for n in sorted(versions)), tuple(pages), tuple(warnings))
