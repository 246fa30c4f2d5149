"""The package's names, loaded on first use (revdiff/engine/__init__.py)."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import revdiff.engine
import revdiff.engine.comparison


@pytest.mark.parametrize("name", revdiff.engine.__all__)
def test_each_exported_name_loads(name: str) -> None:
    assert getattr(revdiff.engine, name) is not None


def test_compare_is_the_function_once_its_module_is_loaded() -> None:
    """A submodule called `compare` would replace the function as the package's attribute."""
    assert inspect.isfunction(revdiff.engine.compare)
    assert revdiff.engine.compare is revdiff.engine.comparison.compare


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        revdiff.engine.no_such_name  # noqa: B018


def test_the_splitter_s_abbreviations_load_without_the_rest_of_the_engine() -> None:
    """Importing any engine module ran the package's file, which imported the whole engine
    (alignment, diff-match-patch, flags, attributions): some 30 ms of a flattened page's parse,
    for the column splitter's one `is_abbreviation`."""
    listing = ("import sys, revdiff.engine.sentences; "
               "print(sorted(name for name in sys.modules if name.startswith('revdiff.engine')))")
    result = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split() == [
        "['revdiff.engine',", "'revdiff.engine.abbreviations',", "'revdiff.engine.calendar_words',",
        "'revdiff.engine.clock_times',", "'revdiff.engine.list_items',",
        "'revdiff.engine.quotation_speakers',", "'revdiff.engine.sentence_edges',",
        "'revdiff.engine.sentences',", "'revdiff.engine.web_addresses',",
        "'revdiff.engine.word_sets']"]


def test_the_names_not_loaded_yet_are_listed() -> None:
    """`dir()` (a notebook's completion) and `help(revdiff.engine)` listed none of the functions
    before their first use: `help` showed only the package's `__getattr__`."""
    listing = ("import pydoc, revdiff.engine as engine; print(sorted(dir(engine))); "
               "print(pydoc.render_doc(engine, renderer=pydoc.plaintext))")
    result = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True,
                            timeout=60, check=True)
    names, documentation = result.stdout.split("\n", 1)
    assert all(repr(name) in names for name in revdiff.engine.__all__)
    assert "compare(old" in documentation
    assert "split_sentences(" in documentation
