"""The package's names (revdiff/formats/__init__.py)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import revdiff.formats

MODULES = sorted(module.name for module in pkgutil.iter_modules(revdiff.formats.__path__))


@pytest.mark.parametrize("name", MODULES)
def test_a_module_s_name_in_the_package_is_the_module(name: str) -> None:
    """`revdiff.formats.load` and `revdiff.formats.detect` were functions, bound over the
    modules `load.py` and `detect.py`, while `import revdiff.formats.load` (and
    `mock.patch("revdiff.formats.load.…")`) reached the module: one name, two things."""
    assert getattr(revdiff.formats, name, None) in (None, importlib.import_module(
        f"revdiff.formats.{name}"))
