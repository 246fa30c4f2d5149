"""The previous and next links written into each report page's room once the report is done."""

from __future__ import annotations

import io
import re
from pathlib import Path

from revdiff.export.driver import ExportJob, run_export
from revdiff.export.html_page import PAGE_END, page_head
from revdiff.export.html_report import article_page
from revdiff.export.pairs import compare_chain
from revdiff.export.records import article_ref
from revdiff.export.report_navigation import NEIGHBOURS_ROOM, link_neighbours
from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database

_CHUNK = 64 * 1024  # what the room's search reads at a time


def _page(title: str) -> bytes:
    """An article's report page, as the report writes it, under the title given."""
    article = Article(None, "https://example.org/storm", (
        Version(0, title, ("It rained.",)), Version(1, title, ("It rained hard.",))))
    pieces, _ = article_page(article_ref(0, article, "news.db"), article,
                             compare_chain(article, "auto"))
    return "".join(pieces).encode()


def _linked(folder: Path, pages: dict[str, bytes], titles: dict[str, str] | None = None
            ) -> dict[str, bytes]:
    """The pages written into `folder` and linked, each named by its title in `titles` (by its
    file name when it has none there)."""
    for name, content in pages.items():
        (folder / name).write_bytes(content)
    link_neighbours(folder, [(name, (titles or {}).get(name, name)) for name in pages])
    return {name: (folder / name).read_bytes() for name in pages}


def test_a_page_of_an_older_revdiff_without_the_room_is_left_as_it_is(tmp_path: Path) -> None:
    """A report resumed from a revdiff whose pages had no room: its `<nav>` (and each pair's,
    further down) is left byte for byte, and the pages around it are linked to it."""
    older = (page_head("Storm - revdiff")
             + '<nav><a href="index.html">&larr; all articles</a></nav>\n<h1>Storm</h1>\n'
             + '<nav><a href="#timeline">&uarr; back to the timeline</a></nav>\n'
             + PAGE_END).encode()
    linked = _linked(tmp_path, {"000000-a.html": _page("A"), "000001-b.html": older,
                                "000002-c.html": _page("C")})
    assert linked["000001-b.html"] == older
    assert re.findall(rb'href="([^"]*)" rel="(?:prev|next)"', linked["000000-a.html"]) == [
        b"000001-b.html"]
    assert re.findall(rb'href="([^"]*)" rel="(?:prev|next)"', linked["000002-c.html"]) == [
        b"000001-b.html"]


def test_a_second_linking_with_other_neighbours_rewrites_the_links(tmp_path: Path) -> None:
    """Once the links were written into the room, a later linking found no room: a run
    interrupted between linking and publishing, then resumed with another set of pages (one
    left out), kept the first links, to a page the report no longer has."""
    pages = {name: _page(name[7:8].upper()) for name in ("000000-a.html", "000001-b.html",
                                                         "000002-c.html")}
    first = _linked(tmp_path, pages)
    assert re.findall(rb'href="([^"]*)" rel="next"', first["000000-a.html"]) == [b"000001-b.html"]
    (tmp_path / "000001-b.html").unlink()
    link_neighbours(tmp_path, [("000000-a.html", "A"), ("000002-c.html", "C")])
    second = {name: (tmp_path / name).read_bytes() for name in ("000000-a.html", "000002-c.html")}
    links = {name: re.findall(rb'href="([^"]*)" rel="(?:prev|next)"', content)
             for name, content in second.items()}
    assert links == {"000000-a.html": [b"000002-c.html"], "000002-c.html": [b"000000-a.html"]}
    assert all(len(second[name]) == len(pages[name]) for name in second)


def test_the_room_follows_the_head_whose_title_may_be_long_and_may_cross_a_chunk(
        tmp_path: Path) -> None:
    """The room is in the `<nav>` right after the page's head, which holds the article's title:
    near the top, but past the first 64 KiB read under a title of that length, and across that
    read's end under one a little shorter. Either way the links are written into it."""
    room = NEIGHBOURS_ROOM.encode()
    short_title_offset = _page("x").index(room)
    for end in (_CHUNK + 200, _CHUNK + 4000):  # the room across the chunk's end, past it
        title = "x" * (1 + end - len(room) - short_title_offset)
        page = _page(title)
        start = page.index(room)
        assert start + len(room) == end
        linked = _linked(tmp_path, {"000000-a.html": page, "000001-b.html": _page("B")})
        written = linked["000000-a.html"]
        assert len(written) == len(page)
        assert written[start:].startswith(b'<!--neighbours--><a href="000001-b.html" rel="next">')
        assert written[:start] == page[:start]


class _CountedReads(io.BytesIO):
    def __init__(self, content: bytes) -> None:
        super().__init__(content)
        self.bytes_read = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.bytes_read += len(data)
        return data


def test_a_long_page_is_read_only_as_far_as_its_first_nav(tmp_path: Path) -> None:
    """A live blog's page runs to tens of MB; one without the room (an older revdiff's) was read
    to its end to look for the room, which is only ever in its first `<nav>`."""
    from revdiff.export.report_navigation import _find_room

    body = "<p>It rained.</p>\n" * (2 << 20)  # 38 MB
    for nav in ('<nav><a href="index.html">&larr; all articles</a></nav>\n',
                f'<nav><a href="index.html">&larr; all articles</a>{NEIGHBOURS_ROOM}</nav>\n'):
        page = (page_head("Storm - revdiff") + nav + body + PAGE_END).encode()
        reads = _CountedReads(page)
        found = _find_room(reads)
        assert found == (None if NEIGHBOURS_ROOM not in nav else
                         (page.index(NEIGHBOURS_ROOM.encode()), 1024))
        assert reads.bytes_read <= _CHUNK


def test_links_to_pages_named_in_another_script_keep_to_the_room(tmp_path: Path) -> None:
    """The room was padded to 512 characters, not bytes: a neighbour's name in a script of
    several bytes a letter (`000001-风暴袭击海岸.html`, up to 120 bytes) wrote the links past the
    room's end, over the page's `</nav>`, `<main>` and heading. Whatever the names, each page
    keeps all but its room as it was, the links and their padding inside it."""
    names = ["000000-" + "风暴" * 20 + ".html", "000001-" + "暴风雨" * 13 + ".html",
             "000002-" + "ε" * 60 + ".html"]
    pages = {name: _page("Storm") for name in names}
    # and whatever their titles: of letters of several bytes, or of characters HTML escapes
    linked = _linked(tmp_path, pages, dict(zip(names, ["风暴" * 200, "&<" * 300, "\x1b" * 400],
                                               strict=True)))
    room = NEIGHBOURS_ROOM.encode()
    for name, page in pages.items():
        start = page.index(room)
        written = linked[name]
        assert written[:start] == page[:start]
        assert written[start + len(room):] == page[start + len(room):]
        region = written[start:start + len(room)].decode()
        assert region.startswith("<!--neighbours--><a href=")
        assert region.endswith(" <!--/neighbours-->")


def test_each_link_names_the_article_it_leads_to(tmp_path: Path) -> None:
    """The links read only `previous article` and `next article`: in a screen reader's list of
    links, one page's were told apart from another's by nothing. Each names its article's title
    too, to a screen reader only, escaped, its control characters shown as symbols, isolated
    and of unknown language as the article's text is; a title too long for the room is cut."""
    titles = {"000000-a.html": "Storm", "000001-b.html": "<b>عاصفة</b> & rain\x1b[2J",
              "000002-c.html": "Flood " * 100}
    linked = _linked(tmp_path, {name: _page("x") for name in titles}, titles)
    names = {name: re.findall(rb'rel="(prev|next)">[^<]*<span class="visually-hidden">: '
                              rb'<bdi lang="">([^<]*)</bdi></span></a>', page)
             for name, page in linked.items()}
    assert names["000000-a.html"] == [(b"next", "&lt;b&gt;عاصفة&lt;/b&gt; &amp; rain␛[2J".encode())]
    assert names["000001-b.html"] == [(b"prev", b"Storm"), (b"next", names["000001-b.html"][1][1])]
    cut = names["000001-b.html"][1][1].decode()
    assert cut.startswith("Flood Flood ") and cut.endswith("…") and len(cut) < len(titles["000002-c.html"])
    assert names["000002-c.html"][0][0] == b"prev"


def test_the_report_names_each_neighbour_by_its_title(tmp_path: Path) -> None:
    """The export hands each page's title to the linking, as the index shows it."""
    versions = (Version(0, "T", ("It rained.",)), Version(1, "T", ("It rained hard.",)))
    write_database(tmp_path / "news.db", [
        Article(None, "https://example.org/storm", (
            Version(0, "Storm", ("It rained.",)), Version(1, "Storm hits", ("It rained hard.",))), 2),
        Article(None, "https://example.org/flood", versions, 2)])
    run_export(ExportJob((str(tmp_path / "news.db"),), tmp_path / "report", "html"))
    first, second = [page.read_text(encoding="utf-8")
                     for page in sorted((tmp_path / "report").glob("0*.html"))]
    assert 'next article &rarr;<span class="visually-hidden">: <bdi lang="">T</bdi>' in first
    assert '<span class="visually-hidden">: <bdi lang="">Storm hits</bdi></span></a>' in second


def _with_room_of(page: bytes, size: int) -> bytes:
    """`page` with its room of `size` bytes, as a revdiff that kept another room wrote it."""
    room = NEIGHBOURS_ROOM.encode()
    return page.replace(room, b"<!--neighbours-->" + b" " * size + b"<!--/neighbours-->")


def test_a_page_staged_with_a_room_of_another_size_is_linked(tmp_path: Path) -> None:
    """The room was recognised only at its own length: a page staged by a revdiff that kept
    512 bytes (before the links named their titles), resumed by one keeping 1,024, was left
    without links, silently. Any room is found by its marks and gets the links, in its own
    length: the titles cut to share what it has left, or, where even that is too little, the
    links without them; all of the page but the room stays as it was. A room too small even
    for those is left as it is."""
    names = ["000000-" + "a" * 120 + ".html", "000001-" + "b" * 120 + ".html",
             "000002-" + "c" * 120 + ".html"]
    titles = dict(zip(names, ["Storm " * 60, "Flood " * 60, "Rain " * 60], strict=True))
    for size, named in ((400, False), (512, True), (4096, True)):
        folder = tmp_path / str(size)
        folder.mkdir()
        pages = {name: _with_room_of(_page("x"), size) for name in names}
        linked = _linked(folder, pages, titles)
        for name, page in pages.items():
            start = page.index(b"<!--neighbours-->")
            end = page.index(b"<!--/neighbours-->")
            written = linked[name]
            assert len(written) == len(page)
            assert written[:start] == page[:start] and written[end:] == page[end:]
            assert written[start:end].rstrip(b" ").endswith(b"</a>")
        links = {name: re.findall(rb'href="([^"]*)" rel="(?:prev|next)"', content)
                 for name, content in linked.items()}
        assert links == {names[0]: [names[1].encode()],
                         names[1]: [names[0].encode(), names[2].encode()],
                         names[2]: [names[1].encode()]}
        # the middle page's two links, of long names, name their titles where the room lets them
        middle = linked[names[1]].decode()
        assert ("Storm Storm" in middle and "Rain Rain" in middle) == named
        assert ('class="visually-hidden"' in middle) == named
    tiny = _with_room_of(_page("x"), 100)
    assert _linked(tmp_path, {names[0]: tiny, names[1]: _page("y")}, titles)[names[0]] == tiny
