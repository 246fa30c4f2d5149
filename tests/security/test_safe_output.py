"""Output safety: article text is escaped in HTML and neutralised in CSV; names stay inside."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from revdiff.cli import main
from revdiff.export.csv_cells import FORMULA_STARTS, restore_cell, spreadsheet_safe
from revdiff.export.html_report import report_file_name
from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database
from revdiff.store.paths import article_path, path_from_url

ROOT = Path(__file__).resolve().parents[2]

TITLE = '<script>alert("title")</script><img src=x onerror="alert(1)">'
PARAGRAPHS = (
    ('<script>alert("old")</script> The minister said talks would resume.',
     '<img src=x onerror=alert(2)> Officials denied it.'),
    ('<script>alert("new")</script> The minister said talks had resumed.',
     '<img src=x onerror=alert(2)> Officials denied it.', '<a href="javascript:alert(3)">x</a>'),
)
FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)",
            "\tTab first", "\rCR first", "'=already quoted")


def hostile_database(folder: Path, paragraphs: tuple[tuple[str, ...], ...] = PARAGRAPHS,
                     title: str = TITLE, url: str = "https://example.com/news/story") -> Path:
    versions = tuple(Version(k, f"{title} v{k}", texts) for k, texts in enumerate(paragraphs))
    path = folder / "hostile.db"
    write_database(path, [Article("example", url, versions, len(versions))])
    return path


class TagCollector(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def assert_inert(html: str) -> None:
    parsed = TagCollector()
    parsed.feed(html)
    assert not parsed.tags & {"script", "img", "iframe", "object", "embed"}
    assert not any(name.startswith("on") for name in parsed.attributes), parsed.attributes
    assert "javascript:" not in re.sub(r"&[^;]+;", "", "".join(
        re.findall(r'href="([^"]*)"', html)))
    assert "&lt;script&gt;" in html and "onerror=" in html  # shown as text, not dropped
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_diff_html_escapes_titles_and_paragraphs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(hostile_database(tmp_path)),
                                       "--format", "html"])
    assert result.exit_code == 0, result.stderr
    assert_inert(result.stdout)


def test_export_html_escapes_titles_and_paragraphs(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["export", str(hostile_database(tmp_path)), "-o", str(out),
                                       "--format", "html", "-q"])
    assert result.exit_code == 0, result.stderr
    pages = sorted(out.glob("*.html"))
    assert len(pages) == 2  # the article and the index
    for page in pages:
        assert_inert(page.read_text(encoding="utf-8"))


def formula_database(folder: Path) -> Path:
    return hostile_database(folder, ((*FORMULAS, "plain"), (*FORMULAS[::-1], "plain!")),
                            title="=cmd|' /C calc'!A0", url="=1+1")


def assert_no_formula_cells(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows:
        for cell in row:
            assert not cell or cell[0] not in FORMULA_STARTS, f"formula cell {cell!r}"
    return rows


def test_diff_csv_neutralises_formulas(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(formula_database(tmp_path)), "--format", "csv",
                                       "--sentences", "lines"])
    assert result.exit_code == 0, result.stderr
    rows = assert_no_formula_cells(result.stdout)
    texts = {restore_cell(cell) for row in rows for cell in row}
    # The apostrophe is the only change, and it comes off again (readers trim whitespace).
    assert {text.strip() for text in FORMULAS} <= texts


def test_export_csv_neutralises_formulas(tmp_path: Path) -> None:
    out = tmp_path / "edits.csv"
    result = CliRunner().invoke(main, ["export", str(formula_database(tmp_path)), "-o", str(out),
                                       "--sentences", "lines", "-q"])
    assert result.exit_code == 0, result.stderr
    edits = assert_no_formula_cells(out.read_text(encoding="utf-8"))
    summaries = assert_no_formula_cells(
        out.with_name("edits.comparisons.csv").read_text(encoding="utf-8"))
    texts = {restore_cell(cell) for row in edits + summaries for cell in row}
    assert ({text.strip() for text in FORMULAS} <= texts and "=1+1" in texts
            and "=cmd|' /C calc'!A0 v1" in texts)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_neutralising_is_reversible_and_safe(text: str) -> None:
    cell = spreadsheet_safe(text)
    assert not cell or cell[0] not in FORMULA_STARTS
    assert restore_cell(cell) == text


def test_a_nul_before_a_formula_is_neutralised_too() -> None:
    """ASVS 1.2.10 lists NUL among the characters a cell must not start with; such a cell, which
    a NewsEdits file's text can hold, was written as it was."""
    assert spreadsheet_safe('\x00=HYPERLINK("http://evil.example")') == \
        '\'\x00=HYPERLINK("http://evil.example")'


def test_numbers_are_not_changed() -> None:
    assert spreadsheet_safe(-3) == -3 and spreadsheet_safe(-0.5) == -0.5


HOSTILE_NAMES = [
    "../../../etc/passwd", "/etc/passwd", "..", ".", "a/../../b", "\x00", "a\x00b/../../c",
    "C:\\Windows\\system32", "\\\\server\\share", ".git/config", "x/.git/hooks/pre-commit",
    "CON", "nul.txt", "a" * 5000, "é" * 3000, "~/.ssh/id_rsa", "a\nb", "", "  ", "/", "//",
    "file:///etc/passwd", "https://example.com/../../../../etc/passwd",
    "https://example.com/" + "deep/" * 400 + "x", "https://example.com/%2e%2e/%2e%2e/x",
]


def inside(root: Path, relative: str) -> bool:
    if "\x00" in relative or relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
        return False
    resolved = (root / relative).resolve()
    return resolved.is_relative_to(root.resolve()) and resolved != root.resolve()


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_store_path_stays_in_the_repository(tmp_path: Path, name: str) -> None:
    for path in (path_from_url(name),
                 article_path(Article(None, None, (Version(0, name, ("text",)),)))):
        assert inside(tmp_path, path), path
        parts = path.split("/")
        assert all(part not in ("", ".", "..") and len(part.encode()) <= 255 for part in parts)
        assert not any(part.lower() == ".git" for part in parts)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_url_gives_a_path_inside(url: str) -> None:
    path = path_from_url(url)
    assert inside(Path("/repo"), path), path
    assert all(part not in ("", ".", "..") and len(part.encode("utf-8", "surrogatepass")) <= 255
               for part in path.split("/"))


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_export_report_name_is_one_plain_file_name(name: str) -> None:
    file_name = report_file_name(7, name)
    assert re.fullmatch(r"000007-[^\W_]+(-[^\W_]+)*\.html", file_name), file_name
    assert len(file_name.removeprefix("000007-").removesuffix(".html").encode()) <= 120


def test_security_md_names_report_pages_as_they_are_made() -> None:
    # SECURITY.md said a report page's slug held `[a-z0-9-]` only, where it keeps the letters of
    # every script: a reader checking the report's file names was told of a limit that was gone
    assert report_file_name(7, "日本 Story") == "000007-日本-story.html"
    security_md = " ".join((ROOT / "SECURITY.md").read_text(encoding="utf-8").split())
    assert "`[a-z0-9-]` only" not in security_md
    assert "letters, digits and their marks in any script" in security_md
    assert "(`000007-日本-story.html`)" in security_md


def test_stored_hostile_urls_stay_inside_the_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    articles = [Article("x", url, (Version(0, f"t{k}", ("one",)), Version(1, f"t{k}", ("two",))))
                for k, url in enumerate(HOSTILE_NAMES) if url]
    folder = tmp_path / "in"
    folder.mkdir()
    write_database(folder / "hostile.db", articles)
    result = CliRunner().invoke(main, ["store", str(folder / "hostile.db"), "--repo", str(repo)])
    assert result.exit_code == 0, result.stderr
    outside = {p for p in tmp_path.rglob("*")} - {p for p in repo.rglob("*")} - {
        repo, folder, folder / "hostile.db"}
    assert not outside, outside
    files = [p for p in repo.rglob("*.txt") if ".git" not in p.relative_to(repo).parts]
    assert len(files) == len({path_from_url(url) for url in HOSTILE_NAMES if url})


def test_exported_reports_stay_inside_the_output_folder(tmp_path: Path) -> None:
    articles = [Article("x", url, (Version(0, "t", ("one",)), Version(1, "t", ("two",))))
                for url in HOSTILE_NAMES if url]
    write_database(tmp_path / "hostile.db", articles)
    out = tmp_path / "report"
    result = CliRunner().invoke(main, ["export", str(tmp_path / "hostile.db"), "-o", str(out),
                                       "--format", "html", "-q"])
    assert result.exit_code == 0, result.stderr
    assert {p for p in tmp_path.rglob("*")} == {tmp_path / "hostile.db", out, *out.iterdir()}
    assert len(list(out.iterdir())) == len(articles) + 1


def test_a_csv_read_by_pandas_gets_its_text_back_cell_by_cell(tmp_path: Path) -> None:
    # pandas reads an empty cell (the old text of an added sentence) as NaN and a number as a
    # number; restore_cell took only text, so `frame["old_text"].map(restore_cell)` stopped at
    # the first added sentence with AttributeError
    pd = pytest.importorskip("pandas")
    out = tmp_path / "edits.csv"
    database = hostile_database(tmp_path, (FORMULAS[:2], (*FORMULAS[:2], "=1+1")))
    result = CliRunner().invoke(main, ["export", str(database), "-o", str(out),
                                       "--sentences", "lines", "-q"])
    assert result.exit_code == 0, result.stderr
    frame = pd.read_csv(out)
    assert frame["old_text"].isna().any()
    restored = frame.map(restore_cell)
    assert restored["new_text"].tolist() == [*FORMULAS[:2], "=1+1"]
    assert restored["article_index"].tolist() == frame["article_index"].tolist()
