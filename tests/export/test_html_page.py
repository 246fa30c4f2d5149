"""The report pages and the comparison page share one shell and one style sheet."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import revdiff
from revdiff.cli import main
from revdiff.export.comparison_html import comparisons_html
from revdiff.export.html_page import CSP, PAGE_END, STYLE, page_head

VERSIONS = Path(__file__).resolve().parents[2] / "samples" / "versions" / "iran-strikes-us-troops-in-iraq"


def test_the_comparison_page_and_every_report_page_use_the_one_shell(tmp_path: Path) -> None:
    [article] = revdiff.load(VERSIONS)
    comparison = revdiff.compare(article.versions[0], article.versions[1])
    single = "".join(comparisons_html([("story", comparison)], title="story"))
    assert single.startswith(page_head("story")) and single.endswith(PAGE_END)
    result = CliRunner().invoke(main, ["export", str(VERSIONS), "-o", str(tmp_path / "report"),
                                       "--format", "html"])
    assert result.exit_code == 0, result.output
    pages = sorted((tmp_path / "report").glob("*.html"))
    assert len(pages) >= 2
    for report_page in pages:
        text = report_page.read_text(encoding="utf-8")
        assert text.count(STYLE) == 1 and CSP in text and text.endswith(PAGE_END)
