"""A German locale built with localedef, for tests of readers that must not read dates in the
locale's language."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def printed_in_german_locale(folder: Path, code: str, *args: str) -> list[str]:
    """The lines Python prints running `code` (with `args` in sys.argv) after it set LC_TIME to
    `de_DE.UTF-8`, a locale built in `folder` (`german_locale`)."""
    locales = german_locale(folder)
    script = "import locale\nlocale.setlocale(locale.LC_TIME, 'de_DE.UTF-8')\n" + code
    run = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                         env={**os.environ, "LOCPATH": str(locales)}, check=True)
    return run.stdout.splitlines()
