"""This copy of revdiff's version (`revdiff.__version__`, `revdiff --version`)."""

from __future__ import annotations

import functools
import tomllib
from importlib.metadata import distributions
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@functools.cache  # found once a process: each Dask task asks it of its worker
def package_version() -> str:
    """The version in the pyproject.toml beside the package (a checkout, run through PYTHONPATH
    or installed editable), else that of the installed distribution whose files hold this very
    package, else `unknown`. The distribution first found under the name may be another copy:
    one installed beside a checkout, or a stale egg-info."""
    return _checkout_version() or _installed_version() or "unknown"


def _checkout_version() -> str | None:
    try:
        project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    table = project.get("project")
    if not isinstance(table, dict) or table.get("name") != "revdiff":
        return None
    version = table.get("version")
    return version if isinstance(version, str) else None


def _installed_version() -> str | None:
    own = PACKAGE / "__init__.py"
    for found in distributions(name="revdiff"):
        if any(file.as_posix() == "revdiff/__init__.py"
               and Path(str(found.locate_file(file))).resolve() == own for file in found.files or ()):
            return found.version
    return None
