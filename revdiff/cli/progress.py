"""The export's progress bar (a terminal line on stderr) and its final summary line."""

from __future__ import annotations

import time
from typing import TextIO

from revdiff.export.driver import ExportProgress


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """Redraws one line at most `rate` times a second: inputs done, counts and pairs per second."""

    WIDTH = 24

    def __init__(self, stream: TextIO, rate: float = 8.0) -> None:
        self.stream = stream
        self.interval = 1.0 / rate
        self.last_draw = 0.0
        self.drawn = False

    def __call__(self, progress: ExportProgress) -> None:
        now = time.monotonic()
        if progress.finished is None and now - self.last_draw < self.interval:
            return
        self.last_draw = now
        total = max(progress.units_total, 1)
        filled = int(self.WIDTH * min(progress.units_done, total) / total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = (f"\r[{bar}] {progress.units_done}/{progress.units_total} inputs  "
                f"{progress.articles:,} articles  {progress.pairs:,} pairs  "
                f"{progress.pairs_per_second:,.1f} pairs/s  {_duration(progress.elapsed)}")
        self.stream.write(line + "\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


ROWS_LABELS = {"jsonl": "edit rows", "csv": "edit rows", "parquet": "edit rows",
               "sqlite": "edit rows", "unified": "diffs", "html": "report pages"}


def summary_line(progress: ExportProgress, workers_text: str, format_name: str) -> str:
    outputs = ", ".join(str(path) for path in progress.outputs)
    resumed = (f" ({progress.resumed_articles:,} from the interrupted run)"
               if progress.resumed_articles else "")
    skipped = (f"; skipped {len(progress.skipped_inputs)} input(s) or article(s) that failed"
               if progress.skipped_inputs else "")
    rows = progress.articles if format_name == "html" else progress.rows
    return (f"revdiff: exported {progress.articles:,} articles{resumed}, {progress.pairs:,} "
            f"version pairs, {rows:,} {ROWS_LABELS.get(format_name, 'rows')} to {outputs} "
            f"in {progress.elapsed:.1f} s "
            f"({progress.pairs_per_second:,.1f} pairs/s, {workers_text}){skipped}")
