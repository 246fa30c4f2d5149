"""Peak memory of `revdiff export --workers 1` of one live blog, written in parts of its version
pairs (as the export runs) and whole (as it ran before), in the same run.

The blog is generated: a folder of N version files (`0.txt` ...), version k holding 60 steady
paragraphs and 3k updates of two sentences, the newest update of version k - 1 edited (a word
changed) in version k and back in k + 1, so the versions' text and the edits table grow with
N squared. Each export is a fresh child process (`revdiff.export.driver.run_export` into a
temporary folder), its peak RSS its own (`resource.getrusage`); so is reading the blog alone
(`revdiff.load`), which the export does first and which neither way of writing changes. A peak
varies from run to run: the three runs of each blog take turns, `--repeat` rounds of them, each
the other way round from the one before (`timing.in_turns`), and the table prints each peak's
median over the rounds and the ratio of the medians, parts / whole.

    python benchmarks/long_article_memory.py [--versions 100 300] [--format jsonl] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import in_turns

ROOT = Path(__file__).resolve().parents[1]
STEADY = 60
UPDATES_PER_VERSION = 3

CHILD = """
import json, resource, sys
from pathlib import Path
import revdiff
from revdiff.export.driver import ExportJob, run_export
folder, out, fmt, split = sys.argv[1:]
if split == "read":
    revdiff.load(folder)
    rows = 0
else:
    rows = run_export(ExportJob((folder,), Path(out), fmt),
                      part_pairs=None if split == "whole" else int(split)).rows
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak, "rows": rows}))
"""


def update(number: int, edited: bool) -> str:
    hour = "night" if edited else "day"
    return (f"Update {number}: officials said at hour {number} of the {hour} that the talks "
            f"on the ceasefire would go on. Reporters outside the building counted {number} "
            "cars arriving before the doors were closed again.")


def write_blog(folder: Path, versions: int) -> None:
    """`versions` files of a growing live blog (see the module's docstring)."""
    folder.mkdir(parents=True)
    steady = [f"Background {n}: the city had been quiet for {n} days before the protests began."
              for n in range(STEADY)]
    for k in range(versions):
        count = k * UPDATES_PER_VERSION
        updates = [update(u, edited=u == count - UPDATES_PER_VERSION - 1) for u in range(count)]
        (folder / f"{k}.txt").write_text("Live: the talks\n\n" + "\n\n".join([*steady, *updates])
                                         + "\n", encoding="utf-8")


def peak(folder: Path, out: Path, fmt: str, split: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(out), fmt, split],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> None:
    from revdiff.export.article_parts import PART_PAIRS

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, nargs="+", default=[100, 300],
                        help="versions of each generated blog (default 100 300)")
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv", "parquet", "sqlite"],
                        help="export format (default jsonl)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of the runs, 1 or more: each peak is the median of its "
                             "rounds (default 3)")
    args = parser.parse_args()
    if min(args.versions) < 2:
        parser.error("--versions must be 2 or more: a blog of fewer has no pair to export")
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more: each peak is the median of its rounds")
    splits = ("read", "whole", str(PART_PAIRS))
    print(f"{'versions':>8}  {'edit rows':>9}  {'read only':>9}  {'whole':>8}  {'parts':>8}  "
          f"{'parts / whole':>13}")
    with tempfile.TemporaryDirectory() as temporary:
        for count in args.versions:
            folder = Path(temporary) / f"blog-{count}"
            write_blog(folder, count)
            out = Path(temporary) / f"out-{count}.{args.format}"
            runs: list[list[dict[str, float]]] = [[] for _ in splits]
            for k in in_turns([args.repeat] * len(splits)):
                runs[k].append(peak(folder, out, args.format, splits[k]))
            read, whole, parts = (statistics.median(run["peak_mb"] for run in split_runs)
                                  for split_runs in runs)
            print(f"{count:>8}  {int(runs[2][0]['rows']):>9,}  {read:>6.0f} MB  "
                  f"{whole:>5.0f} MB  {parts:>5.0f} MB  {parts / whole:>13.2f}")


if __name__ == "__main__":
    main()
