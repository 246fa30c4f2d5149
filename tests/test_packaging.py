"""pyproject.toml declares exactly what the package imports, nothing missing, nothing unused; the
source distribution holds what the README's commands use, and no caches."""

from __future__ import annotations

import ast
import os
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, requires
from pathlib import Path

import pytest
from setuptools.command.egg_info import FileList

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement such as `dask[distributed]>=2024.1`."""
    bare = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert bare is not None, requirement
    return re.sub(r"[-_.]+", "-", bare.group()).lower()


def _imported_modules(folder: Path) -> set[str]:
    """Top-level names of the third-party modules the code in `folder` imports."""
    found: set[str] = set()
    for path in folder.rglob("*.py"):
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
TEST = {_name(requirement) for requirement in PROJECT["optional-dependencies"]["test"]}
# Modules the tests import that the test extra does not name, and the package each comes with.
COMES_WITH = {"distributed": "dask", "numpy": "pandas", "tornado": "distributed"}


def test_every_imported_package_is_declared() -> None:
    undeclared = {module for module in _imported_modules(ROOT / "revdiff")
                  if not _distributions(module) & (CORE | EXTRAS)}
    assert not undeclared, f"imported but not in pyproject.toml: {sorted(undeclared)}"


def test_every_required_package_is_imported() -> None:
    imported = set().union(*(_distributions(module) for module in _imported_modules(ROOT / "revdiff")))
    assert not CORE - imported, f"required but never imported: {sorted(CORE - imported)}"


def test_every_package_the_tests_import_is_installed_by_the_test_extra() -> None:
    # the README's `pip install -e ".[test]" && python -m pytest` stopped at collecting this file
    # in a new environment of Python 3.12 or 3.13, which holds no setuptools: nothing named it
    helpers = {path.stem for path in (ROOT / "tests").rglob("*.py")}
    imported = _imported_modules(ROOT / "tests") - helpers
    undeclared = {module for module in imported - set(COMES_WITH)
                  if not _distributions(module) & (CORE | TEST)}
    assert not undeclared, f"imported by the tests but not in the test extra: {sorted(undeclared)}"
    for module, package in COMES_WITH.items():
        assert _name(package) in CORE | TEST or package in COMES_WITH, package
        assert _distributions(module) & {_name(requirement) for requirement in requires(package) or []}


# What the README's commands and links use, run in an unpacked source distribution:
# `revdiff samples/...`, `python -m pytest`, `.ci/run`, the benchmarks, docs/ and the files it links
SOURCE_FOLDERS = ("samples", "tests", "docs", "benchmarks")
SOURCE_FILES = {".ci/run", "CHANGELOG.md", "CITATION.cff", "SECURITY.md", "LICENSE", "README.md",
                *PROJECT["license-files"]}
CACHES = {"__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache"}


def _is_cache(path: str) -> bool:
    return path.endswith((".pyc", ".pyo")) or bool(CACHES & set(Path(path).parts))


def _manifest_files(monkeypatch: pytest.MonkeyPatch, root: Path = ROOT) -> set[str]:
    """The files of `root` that the project's MANIFEST.in adds to the source distribution, as
    setuptools reads it."""
    monkeypatch.chdir(root)
    files = FileList()
    files.findall()
    for line in (ROOT / "MANIFEST.in").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            files.process_template_line(line)
    return {Path(name).as_posix() for name in files.files}


def test_source_distribution_holds_the_samples_tests_and_docs(monkeypatch: pytest.MonkeyPatch) -> None:
    wanted = SOURCE_FILES | {Path(folder, name).relative_to(ROOT).as_posix()
                             for top in SOURCE_FOLDERS
                             for folder, _, names in os.walk(ROOT / top) for name in names}
    missing = {path for path in wanted if not _is_cache(path)} - _manifest_files(monkeypatch)
    assert not missing, f"left out of the source distribution: {sorted(missing)[:10]}"


def test_source_distribution_holds_no_caches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # a checkout after the tests, the benchmarks and the checkers have run in it
    for path in ("tests/test_x.py", "tests/__pycache__/test_x.cpython-311.pyc", "benchmarks/b.pyc",
                 "samples/__pycache__/make_samples.cpython-311.pyc", "tests/.hypothesis/examples/x",
                 "docs/.mypy_cache/x.json", "tests/.pytest_cache/v/x", "benchmarks/.ruff_cache/x"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"x")
    shipped = _manifest_files(monkeypatch, tmp_path)
    assert "tests/test_x.py" in shipped
    cached = {path for path in shipped if _is_cache(path)}
    assert not cached, f"caches in the source distribution: {sorted(cached)[:10]}"


def test_the_licence_expression_covers_the_sample_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    # the source distribution ships samples/, whose texts are the outlets' (The Washington Post's
    # page, the retold reports): `License-Expression: MIT` said they were revdiff's, under MIT
    from packaging.licenses import canonicalize_license_expression

    assert any(path.startswith("samples/") for path in _manifest_files(monkeypatch))
    expression = canonicalize_license_expression(PROJECT["license"])
    references = re.findall(r"LicenseRef-[A-Za-z0-9.-]+", expression)
    assert references, f"samples/ ships under {expression!r} alone"
    for reference in references:
        text = f"LICENSES/{reference}.txt"
        assert text in PROJECT["license-files"] and (ROOT / text).is_file(), text
    assert "MIT" in expression.split() and "LICENSE" in PROJECT["license-files"]


def test_the_wheel_holds_the_package_alone() -> None:
    from setuptools import find_packages

    tool = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = find_packages(str(ROOT), **tool["packages"]["find"])
    assert packages and all(name.split(".")[0] == "revdiff" for name in packages), packages
    assert set(tool["package-data"]) <= set(packages)


def test_the_readme_links_nothing_that_breaks_as_a_long_description() -> None:
    # PyPI shows README.md with no checkout to resolve a relative link in (LICENSE, SECURITY.md,
    # docs/EXPORT.md) nor ids on the headings an anchor names, and the project has no URL of its own
    readme = (ROOT / PROJECT["readme"]).read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)\s]+)\)", readme)
    broken = [target for target in targets if not target.startswith(("https://", "http://"))]
    assert not broken, f"links that break on PyPI: {broken}"


def test_the_classifiers_name_the_python_the_tests_run_on() -> None:
    # they named 3.11 alone, though the tests pass on 3.12 and 3.13 too
    named = {classifier.rpartition(" :: ")[2] for classifier in PROJECT["classifiers"]
             if classifier.startswith("Programming Language :: Python :: 3.")}
    oldest = re.fullmatch(r">=(3\.\d+)", PROJECT["requires-python"])
    assert oldest is not None and oldest.group(1) in named
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in named
