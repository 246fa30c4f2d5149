"""Running the command line as a user does: `python -m revdiff` in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SEED_PAGE = SAMPLES / "washpo-soleimani-v6-v7.txt"
VERSION_PAGE = SAMPLES / "sniffer-version.html"
RENDERED_NEWSDIFFS = SAMPLES / "newsdiffs" / "us-sends-3000-troops-v1-v2-rendered.html"
CHAIN = SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq"


def revdiff(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "revdiff", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, **(env or {})}, cwd=cwd)
