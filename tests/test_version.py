"""`revdiff.__version__` is this copy's version, not another installed copy's."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKOUT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _installed(site: Path, version: str, files: str = "") -> None:
    """A distribution named revdiff in `site`, listing `files` (RECORD lines) as its own."""
    info = site / f"revdiff-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: revdiff\nVersion: {version}\n",
                                   encoding="utf-8")
    (info / "RECORD").write_text(files, encoding="utf-8")


def _version_seen(*path: Path) -> str:
    finished = subprocess.run([sys.executable, "-c", "import revdiff; print(revdiff.__version__)"],
                              capture_output=True, text=True, check=True, cwd=path[0].parent,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(map(str, path))})
    return finished.stdout.strip()


def test_a_checkout_reports_its_own_version_not_another_installed_copys(tmp_path: Path) -> None:
    # a checkout run through PYTHONPATH reported the version of whatever revdiff was installed
    other = tmp_path / "site"
    _installed(other, "9.9.9", "revdiff/__init__.py,,\n")
    assert _version_seen(other, ROOT) == CHECKOUT_VERSION


def test_an_installed_copy_reports_its_distributions_version(tmp_path: Path) -> None:
    # installed, with no pyproject.toml beside it: the version of the distribution holding it,
    # not of another one found first on the path
    site = tmp_path / "site"
    shutil.copytree(ROOT / "revdiff", site / "revdiff", ignore=shutil.ignore_patterns("__pycache__"))
    _installed(site, "7.7.7", "revdiff/__init__.py,,\n")
    first = tmp_path / "first"
    _installed(first, "9.9.9")
    assert _version_seen(first, site) == "7.7.7"
