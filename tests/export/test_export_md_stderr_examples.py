"""docs/EXPORT.md's examples of what `export` writes on stderr, a count of the progress line and
the summary, are what the code writes: each is read from the document and made again from the
counts it shows."""

from __future__ import annotations

import re
from pathlib import Path

from revdiff.cli.progress import export_counts, summary_lines
from revdiff.export.progress import ExportProgress
from revdiff.export.writers import SkippedInput
from revdiff.read_warnings import NOTHING_TO_COMPARE

ROOT = Path(__file__).resolve().parents[2]
EXPORT_MD = (ROOT / "docs" / "EXPORT.md").read_text(encoding="utf-8")


def test_the_padded_count_it_shows_is_the_one_the_progress_line_writes() -> None:
    """It showed `  9/2,000` where the line writes `    9/2,000`: the done count takes as many
    columns as its total, five here."""
    shown = re.search(r"as\s+many\s+columns\s+as\s+their\s+total\s+from\s+the\s+start,\s+`([^`]+)`",
                      EXPORT_MD)
    assert shown is not None, "docs/EXPORT.md no longer shows the padded count"
    done, total = (int(count.replace(",", "")) for count in shown.group(1).split("/"))
    progress = ExportProgress(units_total=1, unit_articles=total, units_done=done / total)
    assert export_counts(progress)[-1].partition(" articles")[0] == shown.group(1)


def test_the_summary_it_shows_is_the_one_export_writes() -> None:
    """Its lines, made from its counts, names, time and pace, each where the code breaks them."""
    block = re.search(r"```\n\s*(revdiff: exported .*?)\n\s*```", EXPORT_MD, re.DOTALL)
    assert block is not None, "docs/EXPORT.md no longer shows the summary"
    shown = [line.strip() for line in block.group(1).splitlines()]
    counts = [int(count.replace(",", "")) for count in re.findall(r"\d[\d,]*", shown[0])]
    articles, pairs, rows = counts
    names = [Path(name) for name in re.findall(r"[\w./]+\.csv", shown[1])]
    skipped = re.fullmatch(r"skipped (\d+) .* and (\d+) .*", shown[-1])
    assert skipped is not None, shown[-1]
    failed, single = (int(count) for count in skipped.groups())
    rate = float(re.search(r"\(([\d.]+) pairs/s", shown[2]).group(1))  # type: ignore[union-attr]
    skips = ([SkippedInput("bad.txt", "input is binary data", 0)] * failed
             + [SkippedInput("one", NOTHING_TO_COMPARE, 1)] * single)
    progress = ExportProgress(articles=articles, pairs=pairs, rows=rows, outputs=names,
                              skipped_inputs=skips, started=0.0, finished=pairs / rate)
    written = summary_lines(progress, "1 worker", "csv")
    assert [line.strip() for line in written] == shown
    assert [line[:2] for line in written[1:]] == ["  "] * (len(written) - 1)
