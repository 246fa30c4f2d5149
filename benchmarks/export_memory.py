"""Peak memory of `revdiff export` to each format, with 1 and 2 workers, against the JSONL export
of the same input in the same run.

Two inputs are generated in a temporary folder: a live blog of `--versions` versions (one article
whose text and edits grow with its versions squared: `long_article_memory.write_blog`), and a
NewsEdits file of `--articles` small articles of 3 versions (`newsedits_read.made_up_database`).
Each export is a fresh child process (`revdiff.export.driver.run_export`, as `revdiff export`
runs it, into a temporary folder: `batch_throughput.run`): the driving process's peak RSS is its
own (`resource.getrusage`; with 1 worker it compares the versions itself), the worker processes'
(with 2 workers) is sampled from /proc (VmHWM) every 0.2 s while the run goes on: a run that
ends before a sample saw a worker shows `-` there, and so does its 'x jsonl' and that of a format
set against it, with a line under the table that says why. The cases take turns, `--repeat`
rounds of them, each the other way round from the one before (`timing.in_turns`), so a busy
machine slows them alike; each figure is the median over the rounds, and 'x jsonl' is the ratio
of a median to that of the JSONL export of the same input with as many workers.

    python benchmarks/export_memory.py            # a blog of 100 versions, 400 articles, 3 rounds
    python benchmarks/export_memory.py --versions 300 --articles 5000 --formats jsonl parquet
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from batch_throughput import run
from long_article_memory import write_blog
from newsedits_read import made_up_database
from timing import in_turns

FORMATS = ("jsonl", "csv", "parquet", "sqlite", "html")
WORKERS = (1, 2)
FIGURES = ("seconds", "driver_rss_mb", "worker_rss_mb")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=100,
                        help="versions of the live blog (default 100)")
    parser.add_argument("--articles", type=int, default=400,
                        help="articles of the NewsEdits file (default 400)")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS),
                        help="formats to measure (default all; jsonl, the peer, always runs)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the runs (default 3)")
    arguments = parser.parse_args(argv)
    if arguments.versions < 2:
        parser.error("--versions must be 2 or more: a blog of one version has nothing to compare")
    if arguments.articles < 1:
        parser.error("--articles must be 1 or more")
    if arguments.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its rounds")
    formats = ["jsonl", *(name for name in arguments.formats if name != "jsonl")]
    with tempfile.TemporaryDirectory() as temporary:
        blog, news = Path(temporary) / "blog", Path(temporary) / "news.db"
        write_blog(blog, arguments.versions)
        made_up_database(news, arguments.articles)
        inputs = {f"blog of {arguments.versions} versions": blog,
                  f"{arguments.articles} articles": news}
        cases = [(label, fmt, workers) for label in inputs for workers in WORKERS for fmt in formats]
        runs: dict[tuple[str, str, int], list[dict[str, float]]] = {case: [] for case in cases}
        print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at start; "
              f"medians of {arguments.repeat} rounds", flush=True)
        for k in in_turns([arguments.repeat] * len(cases)):
            label, fmt, workers = cases[k]
            runs[label, fmt, workers].append(run([str(inputs[label])], workers, False, fmt))
    medians = {case: {figure: statistics.median(one[figure] for one in runs[case])
                      for figure in (*FIGURES, "pairs")} for case in cases}
    header = (f"{'input':<24}{'format':<9}{'workers':>7}{'pairs':>7}{'seconds':>9}{'driver MB':>11}"
              f"{'x jsonl':>9}{'worker MB':>11}{'x jsonl':>9}")
    print(header)
    print("-" * len(header))
    unsampled = False
    for label, fmt, workers in cases:
        result, peer = medians[label, fmt, workers], medians[label, "jsonl", workers]
        own, peers = result["worker_rss_mb"], peer["worker_rss_mb"]
        unsampled |= workers > 1 and not (own and peers)
        worker = (f"{own:>11.0f}" if workers > 1 and own else f"{'-':>11}") + (
            f"{own / peers:>9.2f}" if workers > 1 and own and peers else f"{'-':>9}")
        print(f"{label:<24}{fmt:<9}{workers:>7}{int(result['pairs']):>7}{result['seconds']:>9.1f}"
              f"{result['driver_rss_mb']:>11.0f}"
              f"{result['driver_rss_mb'] / peer['driver_rss_mb']:>9.2f}{worker}", flush=True)
    if unsampled:
        print("worker MB -: no worker process was sampled while the export ran (it ended within "
              "the 0.2 s between samples); x jsonl -: the format's or the JSONL export's worker "
              "peak is not measured")
    print(f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
