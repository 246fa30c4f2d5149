"""The sample version chains (samples/versions) as Articles, hypothesis strategies for versions, and
pairs of versions holding a paragraph of a no-break space alone."""

from __future__ import annotations

import importlib.util
import sqlite3
import string
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

from hypothesis import strategies as st

from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Article, Version

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def load_sample_script(name: str) -> ModuleType:
    """samples/<name>.py, a generator of samples, as a module."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def sample_content(path: Path) -> bytes | list[str]:
    """What a regenerated sample must match: a SQLite file's schema and rows, any other file's bytes.

    A SQLite file's header records the version of the SQLite library that wrote it, so its bytes
    depend on the Python build as well as on the generator.
    """
    if path.suffix not in (".sqlite", ".db"):
        return path.read_bytes()
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


# Versions holding a paragraph that is a no-break space alone, as News Sniffer stores one (the
# corpus chains `himachal-pradesh` and `second-polish-republic` hold such paragraphs): in a match
# row, a one-sided row on either side, a change row on either side, and as the titles
NO_BREAK_SPACE_VERSIONS = [
    (("Kept one.", "\xa0", "Kept two."), ("Kept one.", "\xa0", "Kept two.", "Added.")),
    (("Kept one.", "Kept two."), ("Kept one.", "\xa0", "Kept two.")),
    (("Kept one.", "\xa0", "Kept two."), ("Kept one.", "Kept two.")),
    (("Kept one.", "\xa0", "Kept two."), ("Kept one.", "New words here.", "Kept two.")),
    (("Kept one.", "Old words.", "Kept two."), ("Kept one.", "\xa0", "Kept two.")),
]


def story_chains() -> list[Article]:
    make_samples = load_sample_script("make_samples")  # it holds the chains' titles, times and URLs
    return [make_samples.read_story(story) for story in make_samples.STORIES]


# Text as news pages hold it: letters, digits, punctuation, quotes, markup characters, accents,
# emoji; whitespace collapsed the way trackers store it.
_ALPHABET = (string.ascii_letters + string.digits + " .,;:!?'\"()-&<>/\\[]=`$%@#*"
             + "éüçñ—–“”‘’€😀中")
paragraph_text = st.text(_ALPHABET, min_size=1, max_size=80).map(collapse_whitespace).filter(
    lambda p: p != "" and p != "[...]")
title_text = st.text(string.ascii_letters + " ,'", min_size=1, max_size=40).map(
    collapse_whitespace).filter(lambda t: t != "")
paragraph_lists = st.lists(paragraph_text, min_size=1, max_size=8).map(tuple)
times = st.one_of(
    st.none(),
    st.datetimes(datetime(1995, 1, 1), datetime(2030, 1, 1)).map(lambda t: t.replace(microsecond=0)),
    st.datetimes(datetime(1995, 1, 1), datetime(2030, 1, 1),
                 timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5))])).map(
        lambda t: t.replace(microsecond=0)),
)


@st.composite
def versions(draw: st.DrawFn, number: int | None = None) -> Version:
    return Version(
        draw(st.integers(0, 10_000)) if number is None else number,
        draw(title_text), draw(paragraph_lists), draw(times),
    )


@st.composite
def edited_pair(draw: st.DrawFn) -> tuple[Version, Version]:
    """Two versions where the new one edits, drops and adds paragraphs of the old one."""
    old = draw(versions(number=draw(st.integers(0, 500))))
    new_paragraphs = [p for p in old.paragraphs if draw(st.booleans()) or len(old.paragraphs) < 2]
    for _ in range(draw(st.integers(0, 3))):
        new_paragraphs.insert(draw(st.integers(0, len(new_paragraphs))), draw(paragraph_text))
    if not new_paragraphs:
        new_paragraphs.append(draw(paragraph_text))
    new = Version(old.number + draw(st.integers(1, 5)), draw(title_text), tuple(new_paragraphs),
                  draw(times))
    return old, new
