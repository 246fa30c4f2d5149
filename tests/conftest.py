"""Shared test settings.

Property tests draw the same examples on every run, so that CI passes or fails on the code, not
on the luck of the draw. Set REVDIFF_HYPOTHESIS=explore to draw fresh random examples instead
(a failure found that way prints the example to add as a regression test).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("REVDIFF_HYPOTHESIS") == "explore" else "repeatable")


@pytest.fixture(autouse=True)
def no_user_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the settings of the person running them: an empty config directory."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("REVDIFF_CONFIG", raising=False)
