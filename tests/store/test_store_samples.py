"""Every sample stored, then read back from the repository, gives the versions it was read as."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from revdiff.formats import load
from revdiff.formats.gitrepo import read_repository
from revdiff.model import Article
from revdiff.store import store_articles

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# a folder of numbered version files (or of saved pages) is one input; every other file is one
FOLDER_INPUTS = ("versions", "snapshots")


def sample_inputs() -> list[Path]:
    folders = [story for kind in FOLDER_INPUTS for story in sorted((SAMPLES / kind).iterdir())]
    files = [path for path in sorted(SAMPLES.rglob("*")) if path.is_file()
             and path.suffix not in (".py", ".md")
             and not set(path.relative_to(SAMPLES).parts) & set(FOLDER_INPUTS)]
    return folders + files


def as_stored(article: Article) -> Article:
    """What a store keeps of an article: not the rows of the flattened pages it was read from,
    nor the reading's warnings, which point at those rows."""
    return replace(article, pages=(), warnings=())


@pytest.mark.parametrize("sample", sample_inputs(),
                         ids=lambda path: str(path.relative_to(SAMPLES)))
def test_each_sample_reads_back_from_the_store_as_it_was_read(sample: Path,
                                                              tmp_path: Path) -> None:
    articles = load([str(sample)])
    summary = store_articles(articles, tmp_path / "store")
    assert (summary.stored, summary.skipped) == (sum(len(a.versions) for a in articles), ())
    back = read_repository(tmp_path / "store")
    assert [as_stored(article) for article in back] == [as_stored(a) for a in articles]
    for got, want in zip(back, articles):  # equal instants are not enough: the same offsets
        assert [(v.time_text, v.time.utcoffset() if v.time else None) for v in got.versions] \
            == [(v.time_text, v.time.utcoffset() if v.time else None) for v in want.versions]
