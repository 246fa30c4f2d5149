"""Every link of an HTML report leads somewhere: to a page of the report, or to an element of one;
and the links written into the pages once every page is leave the pages whole.

A report's pages link the index, each other (the previous and the next article), the timeline,
each pair's table, and the place where an earlier pair shows the sentences a later pair folds;
none of them may lead to a file the report lacks or to an id no page holds. The previous and the
next article's links are written into each page in place, and must leave every element around
them as it was: each closed, in order.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from export_corpus import make_chain

from revdiff.export.driver import ExportJob, run_export

ROOT = Path(__file__).resolve().parents[2]


class _Targets(HTMLParser):
    """A page's ids and the addresses of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href") is not None:
            self.links.append(str(values["href"]))


def broken_links(folder: Path) -> list[str]:
    """`PAGE: HREF` for each link of a page of `folder` that leads to no page of it, or to no
    element of its page; a link to a web page (the article's URL) is not followed."""
    pages = {}
    for path in sorted(folder.glob("*.html")):
        targets = _Targets()
        targets.feed(path.read_text(encoding="utf-8"))
        pages[path.name] = targets
    broken = []
    for name, page in pages.items():
        for href in page.links:
            address = urlsplit(href)
            if address.scheme in ("http", "https"):
                continue
            target = pages.get(unquote(address.path) or name)
            if (address.scheme or address.netloc or target is None
                    or (address.fragment and unquote(address.fragment) not in target.ids)):
                broken.append(f"{name}: {href}")
    return broken


# The elements HTML closes by themselves, which a page never closes.
_VOID = frozenset({"meta", "br", "wbr"})


class _Nesting(HTMLParser):
    """Where a page closes an element other than the last one it opened, or leaves one open."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # an SVG shape, `<line ... />`, opens nothing

    def handle_endtag(self, tag: str) -> None:
        if self.open[-1:] != [tag]:
            self.problems.append(f"</{tag}> at line {self.getpos()[0]}, {self.open[-2:]} open")
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]


def misnested(folder: Path) -> list[str]:
    """`PAGE: PROBLEM` for each element a page of `folder` closes out of order or leaves open."""
    problems = []
    for path in sorted(folder.glob("*.html")):
        nesting = _Nesting()
        nesting.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.name}: {problem}" for problem in nesting.problems]
        problems += [f"{path.name}: <{tag}> left open" for tag in nesting.open]
    return problems


def _live_blog(folder: Path) -> Path:
    """Five versions, each adding an update and editing the one before it, under paragraphs that
    never change: each later pair folds them into a link to where the first pair shows them."""
    steady = [f"Paragraph {n} stays as it was." for n in range(8)]
    return make_chain(folder, [[*steady, *(f"Update {u} of version {k}." for u in range(k))]
                               for k in range(5)])


def _report(tmp_path: Path) -> Path:
    """The report of the sample articles, a live blog, and an article whose page is named in a
    script of several bytes a letter, which its neighbours' pages link."""
    inputs = (*sorted(str(p) for p in (ROOT / "samples" / "versions").iterdir()),
              str(_live_blog(tmp_path / "in" / "live-blog")),
              str(make_chain(tmp_path / "in" / ("风暴袭击海岸" * 6), [["It rained."],
                                                                  ["It rained hard."]])))
    run_export(ExportJob(inputs, tmp_path / "report", "html"))
    return tmp_path / "report"


def test_every_link_of_a_report_leads_to_a_page_or_an_element_of_it(tmp_path: Path) -> None:
    report = _report(tmp_path)
    assert len(list(report.glob("*.html"))) == 1 + 5
    assert broken_links(report) == []


def test_every_element_of_a_report_page_is_closed_in_order(tmp_path: Path) -> None:
    assert misnested(_report(tmp_path)) == []


def test_the_checker_finds_a_link_to_a_missing_page_or_element(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="000000-a.html">a</a><a href="000001-b.html">b</a>', encoding="utf-8")
    (tmp_path / "000000-a.html").write_text(
        '<h2 id="timeline">T</h2><a href="#timeline">up</a><a href="#v0-v1">pair</a>'
        '<a href="index.html#nowhere">index</a><a href="https://example.org/">site</a>',
        encoding="utf-8")
    assert broken_links(tmp_path) == ["000000-a.html: #v0-v1", "000000-a.html: index.html#nowhere",
                                      "index.html: 000001-b.html"]


def test_the_checker_finds_an_element_closed_out_of_order_or_left_open(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<html><body><nav><a href="x">x</a> <!--/neighbours-->">Storm</h1>\n<main><svg><line/>'
        "</svg></main></body></html>", encoding="utf-8")
    assert misnested(tmp_path) == ["index.html: </h1> at line 1, ['body', 'nav'] open",
                                   "index.html: </body> at line 2, ['body', 'nav'] open"]
    (tmp_path / "index.html").write_text("<main><p>It rained.</main>", encoding="utf-8")
    assert misnested(tmp_path) == ["index.html: </main> at line 1, ['main', 'p'] open"]
    (tmp_path / "index.html").write_text("<main><p>It rained.</p>", encoding="utf-8")
    assert misnested(tmp_path) == ["index.html: <main> left open"]
