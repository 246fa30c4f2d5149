"""Shared test settings.

Property tests draw the same examples on every run, so that CI passes or fails on the code, not
on the luck of the draw. Set REVDIFF_HYPOTHESIS=explore to draw fresh random examples instead
(a failure found that way prints the example to add as a regression test).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("REVDIFF_HYPOTHESIS") == "explore" else "repeatable")
