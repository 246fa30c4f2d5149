"""Pages of one chain fitted to each other up to the symbols a flattener drops."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revdiff.formats.sniffer_text import parse_header, read_diff_texts
from revdiff.model import RowKind, Version
from revdiff.render.sniffer import PageInfo, render_diff_text
from revdiff.splitter.grammar import diff_rows, flatten_row
from revdiff.splitter.known_column import readings_with_known_column
from revdiff.splitter.symbols import kept_words_end, same_up_to_symbols, symbol_key

DASHED = "BAGHDAD — A rocket hit the base on Tuesday."
DROPPED = "BAGHDAD A rocket hit the base on Tuesday."


def test_texts_differing_only_by_dropped_symbols_share_a_key() -> None:
    assert symbol_key(DASHED) == DROPPED
    assert same_up_to_symbols(DASHED, DROPPED)
    assert symbol_key("area 240,000 m³ per day") == "area 240,000 per day"
    assert not same_up_to_symbols("A rocket hit the base.", "A rocket hit the camp.")


def test_kept_words_end_skips_droppable_tokens() -> None:
    text = "BAGHDAD — A rocket hit"
    assert kept_words_end(text, 2) == len("BAGHDAD — A")
    assert kept_words_end(text, 9) is None


def test_a_row_whose_dash_was_dropped_still_holds_the_known_paragraph() -> None:
    row = f"{DROPPED} Officials said a rocket hit the base."
    found = readings_with_known_column([row], [DASHED], "old")
    assert found is not None
    (reading,), count = found
    assert reading == (RowKind.CHANGE, len(DROPPED) + 1) and count == 1


def test_chain_keeps_the_symbol_a_neighbouring_page_kept() -> None:
    info = PageInfo(source="news", url="https://example.com/story", changes=3)
    versions = [
        ("Iran fired missiles at two bases.", DASHED, "Casualties were being assessed."),
        ("Iran fired missiles at two bases.", DASHED, "No casualties were reported."),
        ("Iran fired missiles at two bases.", "Officials said a rocket hit the base.",
         "No casualties were reported."),
    ]
    texts = [render_diff_text(Version(k, "T", versions[k]), Version(k + 1, "T", versions[k + 1]), info)
             for k in range(2)]
    # the second page pairs the dashed paragraph with another in a change row, whose word
    # diff wraps the dash alone: the flattener drops it there, as Resiliparse does
    changed = f"{DASHED} Officials said a rocket hit the base."
    assert changed in texts[1]
    texts[1] = texts[1].replace(changed, changed.replace(DASHED, DROPPED))
    [article] = read_diff_texts([("p1.txt", texts[0]), ("p2.txt", texts[1])])
    assert [v.paragraphs for v in article.versions] == versions
    assert not any("differs" in warning for warning in article.warnings)
    assert all(row.is_sure for row in article.pages[1].rows)


CHAINS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "chains"


@pytest.mark.skipif(not CHAINS.is_dir(), reason=f"{CHAINS} is not present")
def test_every_row_the_real_flattener_altered_lost_only_droppable_symbols() -> None:
    altered = vanished = 0
    for folder in sorted(p for p in CHAINS.iterdir() if p.is_dir()):
        truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
        for index, name in enumerate(truth["pages"]):
            text = (folder / f"{name}.txt").read_text(encoding="utf-8")
            body = [line for _, line in parse_header(text, name).body]
            rows = [flatten_row(r) for r in diff_rows(truth["versions"][index], truth["versions"][index + 1])]
            if len(rows) != len(body):
                vanished += 1  # a row that was only a dropped symbol is gone
                assert [r for r in rows if symbol_key(r)] == body, (folder.name, name)
                continue
            for rendered, line in zip(rows, body):
                if rendered != line:
                    altered += 1
                    assert symbol_key(rendered) == symbol_key(line), (folder.name, name, line)
    assert altered > 50


def test_a_change_row_whose_cells_the_flattener_made_equal_still_fits_its_neighbours() -> None:
    """Old and new differ only by the kind of dash; both dashes are dropped, the cells are equal."""
    info = PageInfo(source="news", url="https://example.com/dashes", changes=3)
    en, em = "Off topic messages – a music forum.", "Off topic messages — a music forum."
    versions = [("Trolls post.", en, "Kept."), ("Trolls post often.", en, "Kept."),
                ("Trolls post often.", em, "Kept.")]
    texts = [render_diff_text(Version(k, "T", versions[k]), Version(k + 1, "T", versions[k + 1]), info)
             for k in range(2)]
    changed = f"{en} {em}"
    assert changed in texts[1]
    plain = "Off topic messages a music forum."
    texts[1] = texts[1].replace(changed, f"{plain} {plain}")
    [article] = read_diff_texts([("p1.txt", texts[0]), ("p2.txt", texts[1])])
    assert [v.paragraphs for v in article.versions][:2] == versions[:2]
    assert article.versions[2].paragraphs == ("Trolls post often.", plain, "Kept.")
    assert not any("differs" in warning for warning in article.warnings)
