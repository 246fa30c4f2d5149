"""A German locale built with localedef, for tests of readers that must not read dates in the
locale's language."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def german_locale(folder: Path) -> Path:
    """A folder holding the locale `de_DE.UTF-8`, for a process's LOCPATH; skips the test where
    localedef or the German locale's source is missing."""
    localedef = shutil.which("localedef")
    if localedef is None or not Path("/usr/share/i18n/locales/de_DE").exists():
        pytest.skip("no localedef, or no German locale source, to build a locale with")
    subprocess.run([localedef, "-i", "de_DE", "-f", "UTF-8", str(folder / "de_DE.UTF-8")],
                   check=False, capture_output=True)  # warnings give a non-zero status
    if not (folder / "de_DE.UTF-8" / "LC_TIME").exists():
        pytest.skip("localedef built no German locale")
    return folder
