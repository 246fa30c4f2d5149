"""Layouts that should not change by accident: side by side, unified, help and the timeline."""

from __future__ import annotations

from typing import Any

from tui_helpers import CHAIN, load_one

from revdiff.tui.app import RevdiffApp
from revdiff.tui.layout import LayoutMode


def test_side_by_side(snap_compare: Any) -> None:
    app = RevdiffApp(load_one(CHAIN), mode=LayoutMode.SIDE_BY_SIDE)
    assert snap_compare(app, press=["full_stop", "n", "n"], terminal_size=(120, 32))


def test_unified_80_columns(snap_compare: Any) -> None:
    app = RevdiffApp(load_one(CHAIN))
    assert snap_compare(app, press=["n"], terminal_size=(80, 24))


def test_help(snap_compare: Any) -> None:
    assert snap_compare(RevdiffApp(load_one(CHAIN)), press=["question_mark"], terminal_size=(80, 40))


def test_timeline(snap_compare: Any) -> None:
    assert snap_compare(RevdiffApp(load_one(CHAIN)), press=["t"], terminal_size=(100, 24))
