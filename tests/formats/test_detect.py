"""detect() picks the reader from the content, never from the file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from story_chains import SAMPLES

from revdiff.errors import RevdiffError
from revdiff.formats import load
from revdiff.formats.detect import Format, detect, detect_bytes

EXPECTED = {
    "newsdiffs/us-deploys-troops-v1-v2-raw.html": Format.NEWSDIFFS_HTML,
    "newsdiffs/us-deploys-troops-v1-v2-rendered.html": Format.NEWSDIFFS_HTML,
    "newsdiffs/us-sends-3000-troops-v1-v2-rendered.html": Format.NEWSDIFFS_HTML,
    "sniffer-diff-spacer-columns.html": Format.SNIFFER_DIFF_HTML,
    "sniffer-version.html": Format.SNIFFER_VERSION_HTML,
    "sniffer-version.txt": Format.SNIFFER_VERSION_TEXT,
    "washpo-soleimani-v6-v7.txt": Format.SNIFFER_DIFF_TEXT,
    "versions/iran-strikes-us-troops-in-iraq/0.txt": Format.PLAIN,
}


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_every_sample_is_recognised(name: str, expected: Format) -> None:
    assert detect((SAMPLES / name).read_text("utf-8")) is expected


def test_every_sample_file_is_covered() -> None:
    samples = {str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*")
               if p.is_file() and p.suffix in (".html", ".txt") and "versions" not in p.parts}
    covered = set(EXPECTED) | {"newsedits.sqlite"}
    sniffer_diff_pages = {s for s in samples if s.startswith("sniffer-diff/")}
    # Saved publisher pages are no tracker page: each is unknown HTML, read as a folder.
    saved_pages = {s for s in samples if s.startswith("snapshots/")}
    assert all(detect((SAMPLES / s).read_text("utf-8")) is Format.UNKNOWN_HTML for s in saved_pages)
    assert samples - sniffer_diff_pages - saved_pages <= covered


def test_sqlite_is_recognised_from_its_bytes() -> None:
    assert detect_bytes((SAMPLES / "newsedits.sqlite").read_bytes()) is Format.NEWSEDITS_SQLITE
    assert detect_bytes(b"plain text") is None


@pytest.mark.parametrize(("name", "expected"), sorted(EXPECTED.items()))
def test_file_name_does_not_matter(tmp_path: Path, name: str, expected: Format) -> None:
    """A sample under another name is detected and read exactly as under its own."""
    original = SAMPLES / name
    misnamed = tmp_path / ("article.html" if original.suffix == ".txt" else "article.txt")
    misnamed.write_bytes(original.read_bytes())
    assert detect(misnamed.read_text("utf-8")) is expected
    # one plain file alone is one version, so plain files are read in pairs
    copies = 2 if expected is Format.PLAIN else 1
    (read,) = load([str(misnamed)] * copies)
    (reference,) = load([str(original)] * copies)
    assert [v.paragraphs for v in read.versions] == [v.paragraphs for v in reference.versions]
    assert [v.number for v in read.versions] == [v.number for v in reference.versions]


def test_sqlite_with_a_text_name_is_still_read(tmp_path: Path) -> None:
    misnamed = tmp_path / "versions.txt"
    misnamed.write_bytes((SAMPLES / "newsedits.sqlite").read_bytes())
    assert len(load([str(misnamed)])) == 3


@pytest.mark.parametrize("prefix", ["<?xml version='1.0' encoding='utf-8'?>\n",
                                    "<!-- saved from url=(0030)http://www.newsdiffs.org/ -->\n",
                                    "\n\n  "])
def test_html_with_a_prologue_is_html(prefix: str) -> None:
    page = (SAMPLES / "newsdiffs/us-deploys-troops-v1-v2-raw.html").read_text("utf-8")
    assert detect(prefix + page) is Format.NEWSDIFFS_HTML


def test_unrelated_html_is_unknown() -> None:
    assert detect("<!DOCTYPE html><html><body><p>Hello</p></body></html>") is Format.UNKNOWN_HTML


def test_prose_mentioning_html_is_plain() -> None:
    assert detect("The <p> tag starts a paragraph.\nSecond line.") is Format.PLAIN


@pytest.mark.parametrize(("text", "expected"), [
    ("<script>alert(1)</script> was in the caption.\nIt rained.\n", Format.PLAIN),
    ("<b>Breaking:</b> troops land.\n", Format.PLAIN),
    ("<p> is the paragraph tag, she wrote.\n", Format.PLAIN),
    ("<script>alert(1)</script> was in the caption.", Format.PLAIN),
    ("<p>One.</p>\n<p>Two.</p>\n", Format.UNKNOWN_HTML),
    ("<div class='story'><p>One.</p></div>", Format.UNKNOWN_HTML),
    ("<!-- saved from url=(0014)about:internet -->\n<html><body>Text</body></html>",
     Format.UNKNOWN_HTML),
])
def test_a_version_opening_with_a_tag_in_prose_is_text_a_fragment_of_markup_a_page(
        text: str, expected: Format) -> None:
    """A plain version whose first line quoted `<script>` was read as a saved page, and its
    folder refused as mixing pages and other files."""
    assert detect(text) is expected


def test_a_diff_page_copied_without_its_article_info_is_a_diff_page(tmp_path: Path) -> None:
    # the table alone, copied from the browser: it was read as one plain version of 45
    # paragraphs, the first `Version 6 Version 7`, without a warning
    lines = (SAMPLES / "washpo-soleimani-v6-v7.txt").read_text("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("Version 6 Version 7"))
    table = "\n".join(lines[start:])
    assert detect(table) is Format.SNIFFER_DIFF_TEXT
    path = tmp_path / "table.txt"
    path.write_text(table, "utf-8")
    (article,) = load([str(path)])
    assert [version.number for version in article.versions] == [6, 7]
    assert any("no article URL" in warning for warning in article.warnings)
    assert detect("Version 6 was better.\nVersion 7 is worse.\n") is Format.PLAIN


@pytest.mark.parametrize("written", ["id=compare", "ID=\"compare\"", "id = 'compare'"])
def test_a_rendered_newsdiffs_page_is_one_however_its_id_is_written(written: str) -> None:
    """A rendered page saved minified (`id=compare`) or with upper-case attribute names was
    refused as an HTML page of no tracker."""
    page = (SAMPLES / "newsdiffs/us-deploys-troops-v1-v2-rendered.html").read_text("utf-8")
    assert 'id="compare"' in page
    assert detect(page.replace('id="compare"', written)) is Format.NEWSDIFFS_HTML


def test_an_element_named_like_the_comparison_is_no_newsdiffs_page() -> None:
    for written in ("data-id=\"compare\"", "id=\"compared\"", "id=compares"):
        assert detect(f"<html><body><div {written}>x</div></body></html>") is Format.UNKNOWN_HTML


@pytest.mark.parametrize("unshown", [
    "<script>document.title = '<h1>' + 'Version 2 of 5';</script>",
    "<!-- <h1>Old layout</h1><p>Version 2 of 5.</p> -->",
    "<template><h1>Story</h1><p>Version 2 of 5.</p></template>",
])
def test_a_title_and_version_line_the_page_does_not_show_make_no_version_page(
        unshown: str) -> None:
    """An `<h1>` and a 'Version N of M' line in a script, a comment or a template made a page
    of no tracker a News Sniffer version page, which its reader then refused as one without a
    version line, where it is a page of no tracker."""
    page = f"<!DOCTYPE html><html><head>{unshown}</head><body><p>Hello</p></body></html>"
    assert detect(page) is Format.UNKNOWN_HTML


@pytest.mark.parametrize("cut", ["<!D", "<!DOCTY", "<!DOCTYPE", "\n<!doctype htm"])
def test_a_page_cut_inside_its_doctype_is_refused_as_a_page(tmp_path: Path,
                                                                      cut: str) -> None:
    """A page cut short inside its doctype was read as a version whose text was `<!DOCTY`: it
    is refused as a page cut short, as one cut after its doctype is."""
    page = tmp_path / "page.html"
    page.write_text(cut, "utf-8")
    assert detect(cut) is Format.UNKNOWN_HTML
    with pytest.raises(RevdiffError, match="HTML page ends inside its doctype: it looks cut short"):
        load([str(page)])
