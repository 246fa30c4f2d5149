"""pyproject.toml declares exactly what the package imports: nothing missing, nothing unused."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement such as `dask[distributed]>=2024.1`."""
    bare = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert bare is not None, requirement
    return re.sub(r"[-_.]+", "-", bare.group()).lower()


def _imported_modules() -> set[str]:
    """Top-level names of the third-party modules revdiff's own code imports."""
    found: set[str] = set()
    for path in (ROOT / "revdiff").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return {name for name in found
            if name not in sys.stdlib_module_names and name not in {"revdiff", "__future__"}}


def _distributions(module: str) -> set[str]:
    return {_name(name) for name in packages_distributions().get(module, [])}


CORE = {_name(requirement) for requirement in PROJECT["dependencies"]}
EXTRAS = {_name(requirement) for extra in ("parquet", "dask", "snapshots")
          for requirement in PROJECT["optional-dependencies"][extra]}


def test_every_imported_package_is_declared() -> None:
    undeclared = {module for module in _imported_modules()
                  if not _distributions(module) & (CORE | EXTRAS)}
    assert not undeclared, f"imported but not in pyproject.toml: {sorted(undeclared)}"


def test_every_required_package_is_imported() -> None:
    imported = set().union(*(_distributions(module) for module in _imported_modules()))
    assert not CORE - imported, f"required but never imported: {sorted(CORE - imported)}"
