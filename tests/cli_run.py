"""Running the command line as a user does: `python -m revdiff` in a fresh process, and the sample
inputs the command-line tests give it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED_PAGE = SAMPLES / "washpo-soleimani-v6-v7.txt"
VERSION_PAGE = SAMPLES / "sniffer-version.html"
RENDERED_NEWSDIFFS = SAMPLES / "newsdiffs" / "us-sends-3000-troops-v1-v2-rendered.html"
CHAIN = SAMPLES / "versions" / "iran-strikes-us-troops-in-iraq"


def revdiff(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The finished run, its output as text. The timeout ends a run that hangs rather than the
    test run; it is long enough for an export on a Dask cluster of a busy machine."""
    return subprocess.run([sys.executable, "-m", "revdiff", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, **(env or {})}, cwd=cwd)
