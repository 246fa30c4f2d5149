"""A script of benchmarks/ loaded as a module, for the tests of its arguments and output."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_benchmark(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """benchmarks/NAME.py as a module, for the test that `monkeypatch` belongs to.

    The scripts import what lies beside them (`timing`, one another): their folder goes first on
    sys.path, and a module of it loaded before is forgotten, so that each test reads this
    checkout's whatever ran before it. The module stands in sys.modules while the test runs, where
    a dataclass of it looks itself up.
    """
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    for loaded, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file is not None and Path(file).resolve().parent == BENCHMARKS:
            monkeypatch.delitem(sys.modules, loaded)
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module
