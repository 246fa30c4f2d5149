"""The report pages and the comparison page share one shell and one style sheet."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import revdiff
from revdiff.cli import main
from revdiff.export.comparison_html import ArticleName, comparison_table, comparisons_html
from revdiff.export.html_page import CSP, PAGE_END, STYLE, page_head
from revdiff.model import Article, Version

VERSIONS = Path(__file__).resolve().parents[2] / "samples" / "versions" / "iran-strikes-us-troops-in-iraq"


def test_the_comparison_page_and_every_report_page_use_the_one_shell(tmp_path: Path) -> None:
    [article] = revdiff.load(VERSIONS)
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    single = "".join(comparisons_html([(None, [(comparison, None)])], heading="story"))
    assert single.startswith(page_head("story - revdiff")) and single.endswith(PAGE_END)
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    pages = sorted((tmp_path / "report").glob("*.html"))
    assert len(pages) >= 2
    for report_page in pages:
        text = report_page.read_text(encoding="utf-8")
        assert text.count(STYLE) == 1 and CSP in text and text.endswith(PAGE_END)


def test_the_pages_policy_also_forbids_what_default_src_does_not_cover() -> None:
    """The policy said `default-src 'none'`, which `base-uri` and `form-action` do not fall back
    to: a `<base href>` slipped into a page unescaped would have sent every link of the report,
    `#timeline` and `index.html` too, to another site, and a `<form>` would have posted to one.
    It also let in `data:` images, which no page holds. Each is now forbidden outright."""
    head = page_head("story")
    [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
    directives = dict(directive.strip().split(" ", 1) for directive in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["base-uri"] == "'none'" and directives["form-action"] == "'none'"
    assert "img-src" not in directives  # no page holds an image but inline SVG
    assert set(directives) == {"default-src", "style-src", "base-uri", "form-action"}


def _declarations(selector: str) -> str:
    """The declarations of the style sheet's rule for `selector` (as it is written there)."""
    [rule] = re.findall(rf"(?m)^{re.escape(selector)} \{{([^}}]*)\}}", STYLE)
    return " ".join(rule.split())


def test_right_to_left_text_and_words_longer_than_a_line_keep_the_columns_on_the_page() -> None:
    """A 500-character URL widened its column past the window (the new text off screen), and
    Arabic or Hebrew text sat on the left, its full stop at the wrong end: each cell now takes
    its direction from its own text, and a word too long for its column breaks."""
    article = Article("test", "https://example.com/story", (
        Version(0, "خبر", ("أعلنت الحكومة اليوم عن خطة جديدة.", "See " + "a" * 500 + ".")),
        Version(1, "خبر", ("أعلنت الحكومة أمس عن خطة جديدة.", "See " + "a" * 500 + "b."))))
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    html = "".join(comparisons_html([(ArticleName("خبر عاجل"), [(comparison, None)])]))
    assert '<h2><bdi lang="">خبر عاجل</bdi>: version 0 &rarr; 1</h2>' in html  # the title set apart
    cells = _declarations("th, td")
    assert "unicode-bidi: plaintext" in cells and "text-align: start" in cells
    assert "text-align: left" not in cells
    assert "overflow-wrap: break-word" in _declarations("body")  # inherited by every cell
    assert "table-layout: fixed" in _declarations("table.diff")  # so a URL breaks in its column


def test_both_pages_explain_the_marks_of_their_tables(tmp_path: Path) -> None:
    """Nothing on the page said what its marks meant: the red and green words, the labels with
    their numbers (`edited 0.50`, `moved >0.99`), the flags, `boring` and `rewrite`. Both pages
    explain them once, above their tables."""
    from revdiff.export.comparison_html import LEGEND
    from revdiff.model import EditOp, Flag

    for words in ("unchanged", "edited", "moved", "split", "merged", "added", "deleted",
                  "how alike", "boring", "rewrite", "<del>", "<ins>"):
        assert words in LEGEND
    assert all(op.value in LEGEND for op in EditOp) and all(flag.value in LEGEND for flag in Flag)
    [article] = revdiff.load(VERSIONS)
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    single = "".join(comparisons_html([(None, [(comparison, None)])], heading="story"))
    assert single.count(LEGEND) == 1 and single.index(LEGEND) < single.index('<table class="diff">')
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    [report_page] = (tmp_path / "report").glob("0*.html")
    text = report_page.read_text(encoding="utf-8")
    assert text.count(LEGEND) == 1 and text.index(LEGEND) < text.index('<section id="v0-v1">')


def _contrast(foreground: str, background: str) -> float:
    """WCAG's contrast ratio of two colours written `#rgb` or `#rrggbb`."""
    def luminance(colour: str) -> float:
        digits = colour.lstrip("#")
        digits = "".join(digit * 2 for digit in digits) if len(digits) == 3 else digits
        channels = [int(digits[k:k + 2], 16) / 255 for k in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_every_text_colour_is_readable_on_its_background() -> None:
    """The unchanged sentences (#777 on white, 4.48:1) and the words chart's top count (+N in
    #3a3 on the chart's #fafafa, 2.9:1) fell short of the 4.5:1 that WCAG asks of text."""
    from revdiff.export.svg_charts import words_chart

    for selector, declarations in re.findall(r"([^{}]+)\{([^}]*)\}", STYLE):
        colour = re.search(r"(?<![-\w])color: (#\w+)", declarations)
        if colour:
            background = re.search(r"background: (#\w+)", declarations)
            ratio = _contrast(colour.group(1), background.group(1) if background else "#fff")
            assert ratio >= 4.5, (selector.strip(), round(ratio, 2))
    [chart_background] = re.findall(r"svg\.chart \{ background: (#\w+)", STYLE)
    for fill in re.findall(r'<text [^>]*fill="(#\w+)"', words_chart([63, 0], [0, 63], ["0→1", "1→2"])):
        assert _contrast(fill, chart_background) >= 4.5, fill


class _TableCells(HTMLParser):
    """Each table row's cells: (tag, scope, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str | None, str]]] = []
        self._cell: list[Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = [tag, dict(attrs).get("scope"), ""]

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[2] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append((self._cell[0], self._cell[1], self._cell[2]))
            self._cell = None


def test_a_diff_table_names_the_versions_of_its_columns_in_a_header_row() -> None:
    """The table had no header row: a screen reader could not tell a cell's version, and the
    title row's texts were headers of nothing. Its first row now names the columns
    (`<th scope="col">`, `version 6`, `version 7`); the titles are data cells as the rest are."""
    comparison = revdiff.compare(Version(6, "Storm hits", ("The storm hit.",)),
                                 Version(7, "Storm hits coast", ("The storm hit the coast.",)))
    cells = _TableCells()
    cells.feed(comparison_table(comparison))
    header, title, *_ = cells.rows
    assert header == [("th", "col", "edit"), ("th", "col", "version 6"),
                      ("th", "col", "version 7")]
    assert [tag for tag, _, _ in title] == ["td", "td", "td"]
    assert [text for _, _, text in title] == ["title", "Storm hits", "Storm hits coast"]


def test_the_timeline_and_the_index_name_their_columns_in_header_cells(tmp_path: Path) -> None:
    """The timeline's and the index's header cells said no scope, and stood in the same table
    section as the data (no `<thead>`): as the diff tables do, their columns are now named by
    `<th scope="col">` in a header row of its own, for a screen reader to tie a cell to them."""
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    [article_page] = (tmp_path / "report").glob("0*.html")
    for page, columns in ((article_page, 6), (tmp_path / "report" / "index.html", 6)):
        text = page.read_text(encoding="utf-8")
        cells = _TableCells()
        cells.feed(text)
        header, *rows = cells.rows
        assert len(header) == columns and all(tag == "th" and scope == "col"
                                              for tag, scope, _ in header), (page.name, header)
        assert all(tag == "td" for row in rows[:2] for tag, _, _ in row), page.name
        assert re.search(r'<table class="(timeline|index)"><thead><tr><th scope="col">', text)


def test_every_page_marks_its_content_as_the_main_landmark(tmp_path: Path) -> None:
    """No page had a `<main>`: a screen reader's user could not jump past an article page's
    links to its content, nor to the content of the index or the comparison page. Each page's
    content, its heading first, is now its one `<main>`, the links between pages before it."""
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    [article_page] = (tmp_path / "report").glob("0*.html")
    [article] = revdiff.load(VERSIONS)
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    pages = {"article": article_page.read_text(encoding="utf-8"),
             "index": (tmp_path / "report" / "index.html").read_text(encoding="utf-8"),
             "comparison": "".join(comparisons_html([(None, [(comparison, None)])], heading="x"))}
    for name, text in pages.items():
        body = text[text.index("<body>") + len("<body>"):text.index("</body>")].strip()
        assert text.count("<main>") == text.count("</main>") == 1, name
        content = body[body.index("<main>"):]
        assert content.endswith("</main>") and content[len("<main>"):].lstrip().startswith("<h1"), name
        assert "<table" not in body[:body.index("<main>")], name
    article_text = pages["article"]
    assert article_text.index("all articles</a>") < article_text.index("<main>")


def test_an_article_page_has_one_navigation_landmark_however_many_its_pairs(tmp_path: Path) -> None:
    """Each pair's link back to the timeline was a `<nav>` of its own: a live blog's page of 500
    pairs listed 501 navigation landmarks, unnamed, to a screen reader's user looking for the
    links between pages. The links between pages are the page's one `<nav>`, before its
    `<main>`; each pair still links the timeline, and a printout leaves that link out too."""
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    [article_page] = (tmp_path / "report").glob("0*.html")
    text = article_page.read_text(encoding="utf-8")
    sections = text.split("<section ")[1:]
    assert len(sections) >= 3
    assert all('<a href="#timeline">' in section for section in sections)
    assert text.count("<nav") == 1 and text.index("<nav") < text.index("<main>")
    assert "display: none" in _declarations("  nav, .back")  # printed, no link shows


def test_the_marks_of_the_charts_stand_out_from_their_background() -> None:
    """The words chart's green bars (#3a3 on the chart's #fafafa, 2.9:1) fell short of the 3:1
    that WCAG asks of the parts of a chart a reader needs (non-text contrast), and so did the
    charts' axis lines (#999, 2.7:1), the words chart's parting the words added from
    those removed; the other bars, lines and dots of the charts reach it."""
    from revdiff.export.svg_charts import line_chart, sparkline, words_chart

    [chart_background] = re.findall(r"svg\.chart \{ background: (#\w+)", STYLE)
    charts = (words_chart([63, 5], [4, 63], ["0→1", "1→2"]),
              line_chart([0.5, 0.2], ["0→1", "1→2"], label="share", maximum=1.0, shares=True),
              sparkline([0.5, 0.2]))
    marks = [colour for svg in charts
             for colour in re.findall(r'<(?:rect|circle|polyline|line) [^>]*(?:fill|stroke)="(#\w+)"', svg)]
    assert len(set(marks)) >= 4  # the bars, the lines, the dots and the axes
    for colour in marks:
        assert _contrast(colour, chart_background) >= 3, colour


def test_a_keyboard_reaches_the_tables_that_scroll_sideways(tmp_path: Path) -> None:
    """The timeline's and the index's scrolling boxes could not be focused, so a keyboard's user
    could not scroll them (Safari focuses no box that is not focusable), nor did a screen reader
    say what they held. Each is now focusable (`tabindex="0"`), a region, named by its label."""
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    [article_page] = (tmp_path / "report").glob("0*.html")
    labels = []
    for page in (article_page, tmp_path / "report" / "index.html"):
        text = page.read_text(encoding="utf-8")
        boxes = re.findall(r'<div class="sideways"[^>]*>', text)
        assert len(boxes) == 1, page.name
        [box] = boxes
        assert 'tabindex="0"' in box and 'role="region"' in box, box
        labels += re.findall(r'aria-label="([^"]+)"', box)
    assert labels == ["timeline of the versions", "articles"]


def test_a_line_break_or_tab_in_a_title_shows_as_its_symbol_on_every_page(tmp_path: Path) -> None:
    """A newline or tab in a title showed as a space in the comparison page's `<title>`, `<h1>`
    and title row (and in the report's), where the text output and SECURITY.md show `␊` and `␉`:
    a title broken in two read as one with a space."""
    from revdiff.render.newsedits import write_database

    database = tmp_path / "titles.sqlite"
    write_database(database, [Article(None, None, (
        Version(0, "Storm\nhits\tcoast", ("One.",)), Version(1, "Storm\nhits\tthe coast", ("Two.",))))])
    diff = CliRunner().invoke(main, ["diff", str(database), "--format", "html"])
    assert diff.exit_code == 0, diff.output
    result = CliRunner().invoke(main, ["export", str(database), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    pages = [diff.output] + [page.read_text(encoding="utf-8")
                             for page in sorted((tmp_path / "report").glob("*.html"))]
    for page in pages:
        assert "Storm\n" not in page and "hits\t" not in page
    title, h1 = (re.search(rf"<{tag}>(.*?)</{tag}>", diff.output, re.DOTALL) for tag in ("title", "h1"))
    assert title is not None and "Storm␊hits␉the coast" in title.group(1)
    assert h1 is not None and "Storm␊hits␉the coast" in h1.group(1)
    assert re.search(r'<tr class="title">.*Storm␊hits␉coast.*Storm␊hits␉<ins>the </ins>coast',
                     diff.output)
