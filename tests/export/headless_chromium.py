"""Where the machine's Chromium is, for the tests that lay out the HTML outputs in it (a module
of its own: `from conftest import ...` takes whichever conftest pytest loaded first)."""

from __future__ import annotations

import os


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None
