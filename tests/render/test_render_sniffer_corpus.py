"""The News Sniffer page renderer against the corpus: every page comes back byte for byte.

The corpus pages were made by News Sniffer's own code; the renderer was written from FORMATS.md.
Each test renders a page from its `truth.json` and compares it with the stored page.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from revdiff.model import Version
from revdiff.render.sniffer import PageInfo, render_diff_html, render_diff_text

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
INDEX = PAGES / "index.json"
ENTRIES: list[dict[str, Any]] = (json.loads(INDEX.read_text(encoding="utf-8"))
                                 if INDEX.is_file() else [])
needs_corpus = pytest.mark.skipif(not ENTRIES, reason=f"{INDEX} is not present")

# The fixed times every corpus page was made with (FORMATS.md's corpus README).
OLD_TIME = datetime(2020, 1, 2, 17, 12, 9, tzinfo=UTC)
NEW_TIME = datetime(2020, 1, 2, 18, 20, tzinfo=UTC)


def _render(entry: dict[str, Any]) -> tuple[Path, str, str]:
    folder = PAGES / entry["id"]
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    old = Version(entry["old_version"], truth["old_title"], tuple(truth["old"]), OLD_TIME)
    new = Version(entry["new_version"], truth["new_title"], tuple(truth["new"]), NEW_TIME)
    info = PageInfo(source=entry["source"], url=entry["url"], changes=entry["versions_total"],
                    time_text=f"{entry['period']} later")
    return folder, render_diff_html(old, new, info), render_diff_text(old, new, info)


@needs_corpus
def test_the_corpus_has_its_65_pages() -> None:
    assert len(ENTRIES) == 65


@needs_corpus
@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["id"] for entry in ENTRIES])
def test_every_corpus_page_renders_byte_for_byte(entry: dict[str, Any]) -> None:
    folder, html, _ = _render(entry)
    assert html.encode("utf-8") == (folder / "page.html").read_bytes()


@needs_corpus
@pytest.mark.parametrize("entry", [entry for entry in ENTRIES if not any(entry["txt_altered"].values())],
                         ids=lambda entry: entry["id"])
def test_flattened_text_matches_where_the_flattener_dropped_nothing(entry: dict[str, Any]) -> None:
    folder, _, text = _render(entry)
    assert text == (folder / "page.txt").read_text(encoding="utf-8")
