"""Running the command line as a user does: `python -m revdiff` in a fresh process, and the sample
inputs the tests give it."""

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


def page_of_one_blank_unsure_row(folder: Path) -> Path:
    """`folder/storm.txt`, a copied News Sniffer page whose one unsure row is blank (a line of an
    ideographic space: no sentence, no edit), for the tests that an HTML legend explains no mark
    that no row shows."""
    page = folder / "storm.txt"
    page.write_text(
        "This article is from the source 'bbc' and was first published or seen on .\n\n"
        "Version 0 Version 1\nStorm hits coast Storm hits coast\n"
        "The storm came ashore.The storm came ashore.\n\u3000\n"
        "More details to follow.More details to follow.\n", encoding="utf-8")
    return page


def revdiff(*args: str, stdin: str | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The finished run, its output as text. The timeout ends a run that hangs rather than the
    test run; it is long enough for an export on a Dask cluster of a busy machine."""
    return subprocess.run([sys.executable, "-m", "revdiff", *args], input=stdin,
                          capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, **(env or {})}, cwd=cwd)
