"""Property: versions exported to the NewsEdits SQLite schema read back unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from export_corpus import make_chain
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revdiff.export.driver import ExportJob, run_export
from revdiff.formats import load

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÄéß0123456789.,;:!?'\"()-&", min_size=1,
               max_size=9)
PARAGRAPH = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
VERSION = st.lists(PARAGRAPH, min_size=1, max_size=5)
CHAIN = st.lists(VERSION, min_size=2, max_size=4)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(chains=st.lists(CHAIN, min_size=1, max_size=3))
def test_sqlite_export_reads_back_as_the_same_versions(chains: list[list[list[str]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, chain in enumerate(chains):
            make_chain(root / "in" / f"a{number}", chain)
        out = root / "out.sqlite"
        run_export(ExportJob((str(root / "in"),), out, "sqlite"))
        originals = [load([str(root / "in" / f"a{n}")])[0] for n in range(len(chains))]
        again = load([str(out)])
    assert len(again) == len(originals)
    for read_back, original in zip(again, originals):
        assert [v.number for v in read_back.versions] == [v.number for v in original.versions]
        assert [v.paragraphs for v in read_back.versions] == [
            v.paragraphs for v in original.versions]
        assert [v.title for v in read_back.versions] == [v.title for v in original.versions]
