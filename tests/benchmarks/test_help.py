"""Each benchmark's --help says what it measures, against which peer, and what its options take."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def help_of(script: str) -> str:
    environment = {**os.environ, "COLUMNS": "400",  # one line for the description, one per option
                   "PYTHONPATH": str(BENCHMARKS.parent)}
    return subprocess.run([sys.executable, str(BENCHMARKS / f"{script}.py"), "--help"],
                          capture_output=True, text=True, check=True, env=environment).stdout


@pytest.mark.parametrize(("script", "peer"), [
    ("long_article_memory", "and whole (as it ran before), in the same run"),
    ("newsedits_read", "against reading the same file with sqlite3"),
    ("engine_scale", "against difflib's SequenceMatcher"),
    ("align_quality", "peer methods (difflib, NewsEdits-style matching)"),
    ("git_read", "against reading it in place"),
    ("snapshot_extraction", "against peers (every <p>, trafilatura)"),
    ("sniffer_html_scale", "against html.parser reading the same text"),
])
def test_the_description_names_the_peer(script: str, peer: str) -> None:
    """The descriptions of long_article_memory and newsedits_read stopped mid-sentence, before
    their peer (the first line of the docstring); the others named none."""
    description = help_of(script).split("\n\n")[1]
    assert peer in description and description.rstrip().endswith(".")


@pytest.mark.parametrize("script", ["engine_scale", "git_read", "long_article_memory",
                                    "html_page_size", "tui_latency", "split_training"])
def test_every_option_says_what_it_takes(script: str) -> None:
    """Some of their options had no help: `--kinds`, `--repeats`, `--sentences`, and
    split_training's `--rounds`, alone."""
    lines = help_of(script).splitlines()
    options = [(line, after) for line, after in zip(lines, [*lines[1:], ""], strict=True)
               if line.startswith("  --")]
    assert options
    # an option's help follows its words after two spaces or more, or on the next line
    assert [line.split()[0] for line, after in options
            if not re.search(r"\S {2,}\S", line) and not after.startswith(" " * 8)] == []
