"""Batch export throughput and memory: version pairs per second on 1 and N local workers and on a
Dask LocalCluster of N workers, and peak memory at 1x and 10x the corpus.

Corpus: the Wikipedia version chains in ../shared/corpus/wikipedia/<slug>/<k>.txt (296 articles,
1,358 consecutive pairs); where ../shared is not there (a clone of revdiff alone), or with
`--stories N`, N made-up stories instead (200 by default: 2 to 6 versions each, about 600 pairs,
written into a temporary folder from the samples' news text by `made_up_stories.write_stories`,
the same each run). The corpus is copied `--scale` times into a temporary folder (hard links
where it can), so that the Wikipedia runs hold at least 10,000 pairs: export reads a folder named
twice only once. Every run
is a fresh child process (`revdiff.export.driver.run_export`, JSONL output into a temporary
folder), so its peak RSS (`resource.getrusage`) is its own; the worker processes' peak RSS (VmHWM)
and CPU time are sampled from /proc while the run goes on. The three runs take turns, `--repeat`
rounds of them, each the other way round from the one before (`timing.in_turns`), so a busy
machine slows them alike; each figure is the median over the rounds, and
the ratios are those of the medians. Where a run's median time is 0 (shorter than the clock's tick)
its pairs/s and cores used show `-`, and a speed-up against it says in words that it is too fast
to measure (`timing.faster_or_slower`). A corpus whose chains all hold fewer than two versions has
no pair to export and is refused before anything runs.

When dask is installed (`pip install ".[dask]"`) each round also runs the 1x corpus on a Dask
LocalCluster of N workers (`export --dask --workers N`, the cluster's start-up included), set
against 1x on 1 worker and against N local workers; it is one copy of the corpus, not `--scale`,
so that it adds seconds, not minutes, to the run. Without dask the table says it left it out.

Targets (issue 7): 2 workers at least 1.7x the pairs/s of 1 worker; peak memory at 10x within
1.2x of peak at 1x. The speed-up needs two idle cores: the table also prints the machine's load
average, each run's CPU seconds and the cores it actually got ('cores used' = CPU s / seconds),
so a run on a busy machine can be recognised.

Stopped (Ctrl-C, SIGTERM), the benchmark stops the export it is timing as Ctrl-C stops one, which
ends its workers, waits for it, and says so in one line (exit 130 or 143); an export that has not
ended within 30 seconds, or a second stop, kills it with its process group.

    python benchmarks/batch_throughput.py            # 1x, 10x on 1 worker, 10x on 2 workers,
                                                     # 1x on a Dask LocalCluster of 2 workers
    python benchmarks/batch_throughput.py --scale 8 --format csv --repeat 5
    python benchmarks/batch_throughput.py --stories 500 --scale 4    # made-up stories
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

from made_up_stories import write_stories
from timing import faster_or_slower, in_turns, speed_ratio

from revdiff.stop_signals import Terminated, forget_caught_interrupts, stop_exit_code, stop_reason

ROOT = Path(__file__).resolve().parents[1]
WIKIPEDIA = ROOT.parent / "shared" / "corpus" / "wikipedia"
STORIES = 200  # made-up stories where the Wikipedia corpus is not there
# How long an export the benchmark was stopped during has to end its workers, before it is killed
SECONDS_TO_END = 30

CHILD = r"""
import json, os, resource, sys, threading, time
from pathlib import Path
from revdiff.export.driver import ExportJob, run_export

TICKS = os.sysconf("SC_CLK_TCK")


def descendants(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(name))
            except OSError:
                pass
    found, stack = [], [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def sample(stop, peaks, cpu):
    # Worker processes are forkserver children, not the driver's: watch the process tree.
    while not stop.is_set():
        for pid in descendants(os.getpid()):
            try:
                with open(f"/proc/{pid}/status") as handle:
                    for line in handle:
                        if line.startswith("VmHWM:"):
                            peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))
                with open(f"/proc/{pid}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / TICKS
            except OSError:
                pass
        stop.wait(0.2)


folders, workers, dask, fmt, out = json.loads(sys.argv[1])
job = ExportJob(tuple(folders), Path(out), fmt)
stop, peaks, cpu = threading.Event(), {}, {}
watcher = threading.Thread(target=sample, args=(stop, peaks, cpu), daemon=True)
watcher.start()
progress = run_export(job, workers=workers, local_dask=dask)
stop.set()
watcher.join()
own = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "pairs": progress.pairs, "articles": progress.articles, "seconds": progress.elapsed,
    "driver_rss_mb": own.ru_maxrss / 1024,
    "worker_rss_mb": max(peaks.values(), default=0) / 1024,
    "cpu_seconds": own.ru_utime + own.ru_stime + sum(cpu.values()),
}))
"""


def run(folders: list[str], workers: int, dask: bool, fmt: str) -> dict[str, float]:
    """One export in a child process of its own process group (with its workers, local or
    Dask's), which `end_run` ends when the benchmark is stopped: a Ctrl-C or SIGTERM that
    reaches the benchmark reaches the export through it alone."""
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / f"out.{fmt}")
        argument = json.dumps([folders, workers, dask, fmt, out])
        with subprocess.Popen([sys.executable, "-c", CHILD, argument], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=ROOT, process_group=0) as child:
            try:
                output, errors = child.communicate()
            except KeyboardInterrupt:
                end_run(child)
                raise
    if child.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{errors}")
    return json.loads(output.strip().splitlines()[-1])  # type: ignore[no-any-return]


def end_run(child: subprocess.Popen[str]) -> None:
    """Stop an export the benchmark was stopped during as Ctrl-C stops it, which ends its workers
    and puts away what it made; where it has not ended within SECONDS_TO_END, or the benchmark
    is stopped again meanwhile, kill it with every process of its group."""
    try:
        child.send_signal(signal.SIGINT)
        child.wait(timeout=SECONDS_TO_END)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        with contextlib.suppress(ProcessLookupError):  # (all of them ended meanwhile)
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def raise_terminated(_signal_number: int, _frame: FrameType | None) -> None:
    """SIGTERM stops the benchmark as Ctrl-C does, each time it comes (a second one too, which
    kills the export being timed, with its workers, at once)."""
    raise Terminated


def dask_installed() -> bool:
    """Whether the Dask case can run: dask.distributed is importable."""
    return importlib.util.find_spec("distributed") is not None


def per_second(amount: float, result: dict[str, float], digits: int) -> str:
    """`amount` over the run's seconds, to `digits` decimals; `-` where its time was 0 (a run
    shorter than the clock's tick), which a line under the table explains."""
    return f"{amount / result['seconds']:.{digits}f}" if result["seconds"] else "-"


def speed_up(result: dict[str, float], peer: dict[str, float]) -> str:
    """How many times the peer's pairs/s the run's is, to two decimals as the targets are given,
    or in words (`timing.faster_or_slower`) where a time of 0 makes it no number."""
    ratio = speed_ratio(result["seconds"] / result["pairs"], peer["seconds"] / peer["pairs"])
    return f"{ratio:.2f}x" if 0 < ratio < math.inf else faster_or_slower(ratio)


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the runs of one case."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def copies(folders: list[Path], scale: int, into: Path) -> list[str]:
    """`scale` copies of the chains' folders (`into/<k>/<slug>`), each read as its own article."""
    made = []
    for copy in range(scale):
        for folder in folders:
            target = into / str(copy) / folder.name
            shutil.copytree(folder, target, copy_function=_link_or_copy)
            made.append(str(target))
    return made


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10,
                        help="corpus repetitions for the big runs, 2 or more: they are measured "
                             "against one (default 10: 13,580 pairs of the Wikipedia corpus)")
    parser.add_argument("--stories", type=int,
                        help="measure this many made-up stories, 1 or more, instead of the "
                             f"Wikipedia corpus (default {STORIES} where ../shared is not there)")
    parser.add_argument("--format", default="jsonl", help="export format (default jsonl)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the runs (default 3)")
    parser.add_argument("--workers", type=int, default=2,
                        help="workers of the parallel runs, local and Dask, 2 or more: they are "
                             "measured against one (default 2)")
    arguments = parser.parse_args(argv)
    if arguments.scale < 2:
        parser.error("--scale must be 2 or more: the big runs are measured against one copy")
    if arguments.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its rounds")
    if arguments.workers < 2:
        parser.error("--workers must be 2 or more: the parallel runs are measured against one")
    if arguments.stories is not None and arguments.stories < 1:
        parser.error("--stories must be 1 or more")
    copied = tempfile.TemporaryDirectory()
    if arguments.stories is None and WIKIPEDIA.is_dir():
        chains = sorted(p for p in WIKIPEDIA.iterdir() if p.is_dir())
        if not any(len(list(chain.glob("*.txt"))) >= 2 for chain in chains):
            print(f"{WIKIPEDIA}: no chain holds two versions (<k>.txt), so there is no pair to "
                  "export; give it chains of two versions or more", file=sys.stderr)
            sys.exit(1)
        corpus = f"{len(chains)} Wikipedia chains"
    else:
        stories = arguments.stories or STORIES
        chains = write_stories(Path(copied.name) / "made-up", stories)
        why = "--stories" if arguments.stories else f"{WIKIPEDIA} is not there"
        corpus = f"{stories} made-up stories ({why})"
    folders = copies(chains, arguments.scale, Path(copied.name) / "copies")
    load = os.getloadavg()[0]
    workers = arguments.workers
    plan = [("1x, 1 worker", 1, 1, False),
            (f"{arguments.scale}x, 1 worker", arguments.scale, 1, False),
            (f"{arguments.scale}x, {workers} workers", arguments.scale, workers, False)]
    with_dask = dask_installed()
    if with_dask:
        plan.append((f"1x, Dask {workers}", 1, workers, True))
    runs: dict[str, list[dict[str, float]]] = {label: [] for label, *_ in plan}
    print(f"corpus: {corpus}; format {arguments.format}; "
          f"{os.cpu_count()} CPUs; load average {load:.2f} at start; "
          f"medians of {arguments.repeat} rounds", flush=True)
    for k in in_turns([arguments.repeat] * len(plan)):
        label, scale, run_workers, dask = plan[k]
        runs[label].append(run(folders[:scale * len(chains)], run_workers, dask, arguments.format))
    results = {label: medians(runs[label]) for label in runs}
    header = (f"{'run':<18}{'pairs':>8}{'seconds':>9}{'pairs/s':>9}{'CPU s':>8}"
              f"{'cores used':>11}{'driver MB':>11}{'worker MB':>11}")
    print(header)
    print("-" * len(header))
    for label, _, run_workers, _ in plan:
        result = results[label]
        rate = per_second(result["pairs"], result, 1)
        worker = f"{result['worker_rss_mb']:.0f}" if run_workers > 1 else "-"
        cores = per_second(result["cpu_seconds"], result, 2)
        print(f"{label:<18}{int(result['pairs']):>8}{result['seconds']:>9.1f}{rate:>9}"
              f"{result['cpu_seconds']:>8.1f}{cores:>11}{result['driver_rss_mb']:>11.0f}"
              f"{worker:>11}", flush=True)
    small, big, parallel = (results[label] for label, *_ in plan[:3])
    memory = big["driver_rss_mb"] / small["driver_rss_mb"]
    print("-" * len(header))
    if not all(result["seconds"] for result in results.values()):
        print("- : its time was 0, below the clock's resolution: its pairs/s and cores used are "
              "not measured")
    target = " (target >= 1.7x)" if workers == 2 else ""
    print(f"speed-up on {workers} workers: {speed_up(parallel, big)}{target}")
    # On a machine shared with other jobs 'cores used' stays near 1 and no speed-up can show.
    print(f"  cores used: {per_second(parallel['cpu_seconds'], parallel, 2)} of {workers} by the "
          f"{workers}-worker run; CPU time {workers} workers / 1 worker: "
          f"{parallel['cpu_seconds'] / big['cpu_seconds']:.2f}x")
    if with_dask:
        on_dask = results[plan[3][0]]
        print(f"speed-up on a Dask LocalCluster of {workers} workers (1x, its start-up included): "
              f"{speed_up(on_dask, small)}; pairs/s Dask / {workers} local workers: "
              f"{speed_up(on_dask, parallel)}")
    else:
        print('no Dask case: dask is not installed (pip install ".[dask]")')
    print(f"peak memory {arguments.scale}x / 1x (1 worker): {memory:.2f}x (target <= 1.2x)")
    print(f"load average now {os.getloadavg()[0]:.2f}")
    copied.cleanup()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, raise_terminated)
    try:
        main()
    except KeyboardInterrupt as stop:
        print(f"batch_throughput: {stop_reason(stop)}; the export being timed was ended with its "
              "workers, and no table is printed", file=sys.stderr)
        forget_caught_interrupts()
        sys.exit(stop_exit_code(stop))
