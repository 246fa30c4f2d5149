"""The capture of the app in docs/TUI.md, the first screen a new user compares with theirs, is
what the app shows after the keys it names, in a terminal of the size it names."""

from __future__ import annotations

import re
from pathlib import Path

from tui_helpers import diff_lines, header_text, load_one, run_async, status_text

from revdiff.tui.app import RevdiffApp

REPO = Path(__file__).resolve().parents[2]
# The command, the terminal's size and the keys pressed, then the capture in a fenced block.
CAPTURE = re.compile(r"^`revdiff ([^`]+)`\s+in\s+an\s+(\d+)x(\d+)\s+terminal,\s+after\s+(.*?),"
                     r"\s+captured.*?\n```\n(.*?)```", re.MULTILINE | re.DOTALL)


@run_async
async def test_the_documented_capture_of_the_app_is_what_it_shows() -> None:
    guide = (REPO / "docs" / "TUI.md").read_text(encoding="utf-8")
    found = CAPTURE.search(guide)
    assert found, "docs/TUI.md shows no capture of the app"
    path, columns, rows, said_keys, capture = found.groups()
    keys = re.findall(r"`(\S)`", said_keys)
    assert keys
    lines = capture.rstrip("\n").split("\n")
    width = int(columns)
    app = RevdiffApp(load_one(REPO / path))
    async with app.run_test(size=(width, int(rows))) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        # a capture's rows begin with the column of the cursor's `▌`; the diff's last column is its
        # scroll bar
        assert header_text(app).split("\n") == [line.strip() for line in lines[:2]]
        shown = [line.rstrip() for line in diff_lines(app)]
        assert shown[:len(lines) - 4] == [line[1:width - 1].rstrip() for line in lines[2:-2]]
        assert status_text(app) == lines[-2].strip()
