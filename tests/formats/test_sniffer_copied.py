"""A News Sniffer diff page copied from the browser: its table's cells come apart by a tab, so
both versions are read exactly, every row sure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from story_chains import SAMPLES

from revdiff.cli import main
from revdiff.formats.detect import Format, detect
from revdiff.formats.load import load

PAGES = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pages"
SAMPLE_PAGES = sorted((SAMPLES / "sniffer-diff").glob("*.html"))


def browser_copy(html: str) -> str:
    """The page as a browser's select-all and copy gives it: the article-info paragraphs a line
    each, then each table row's cells joined by a tab (white space collapsed, an empty cell
    empty)."""
    soup = BeautifulSoup(html, "html.parser")

    def text(element: object) -> str:
        return re.sub(r"[ \t\r\n\f]+", " ", element.get_text()).strip()  # type: ignore[attr-defined]

    lines = [text(paragraph) for paragraph in soup.find("div", class_="article-info").find_all("p")]
    lines.append("")
    for row in soup.find("table", class_="version_diff").find_all("tr"):
        lines.append("\t".join(text(cell) for cell in row.find_all(["th", "td"])))
    return "\n".join(lines) + "\n"


def _versions(article):  # type: ignore[no-untyped-def]
    return [(v.number, v.title, v.paragraphs, v.time, v.time_text) for v in article.versions]


@pytest.mark.parametrize("page", SAMPLE_PAGES, ids=lambda page: page.name)
def test_a_copied_page_reads_as_its_html_page(tmp_path: Path, page: Path) -> None:
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(page.read_text("utf-8")), "utf-8")
    assert detect(copied.read_text("utf-8")) is Format.SNIFFER_DIFF_TEXT
    (article,) = load([str(copied)])
    (shown,) = load([str(page)])
    assert _versions(article) == _versions(shown)
    assert article.url == shown.url and article.warnings == ()
    assert all(row.confidence == 1.0 for page_read in article.pages for row in page_read.rows)


def test_a_copied_page_among_flattened_pages_decides_them(tmp_path: Path) -> None:
    first, *others = sorted((SAMPLES / "sniffer-diff").glob("*.txt"))
    copied = tmp_path / "copied.txt"
    copied.write_text(browser_copy(first.with_suffix(".html").read_text("utf-8")), "utf-8")
    (article,) = load([str(copied), *map(str, others)])
    (shown,) = load(list(map(str, sorted((SAMPLES / "sniffer-diff").glob("*.html")))))
    assert [v.paragraphs for v in article.versions] == [v.paragraphs for v in shown.versions]


def test_a_row_without_its_tab_is_one_error_line(tmp_path: Path) -> None:
    lines = browser_copy(SAMPLE_PAGES[0].read_text("utf-8")).split("\n")
    body = next(i for i, line in enumerate(lines) if line.startswith("BAGHDAD"))
    lines[body] = lines[body].replace("\t", " ")
    copied = tmp_path / "copied.txt"
    copied.write_text("\n".join(lines), "utf-8")
    result = CliRunner().invoke(main, ["parse", str(copied)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert f"{copied}:{body + 1}: row holds 0 tabs" in line and "copy the whole page again" in line


@pytest.mark.skipif(not PAGES.is_dir(), reason=f"{PAGES} is not present")
def test_every_corpus_page_copied_reads_as_its_html_page(tmp_path: Path) -> None:
    folders = sorted(folder for folder in PAGES.iterdir() if folder.is_dir())
    for folder in folders:
        copied = tmp_path / f"{folder.name}.txt"
        copied.write_text(browser_copy((folder / "page.html").read_text("utf-8")), "utf-8")
        (article,) = load([str(copied)])
        (shown,) = load([str(folder / "page.html")])
        assert _versions(article) == _versions(shown), folder.name
    assert len(folders) == 65
