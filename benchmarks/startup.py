"""How long the command line takes to start, against `python -c pass` in the same run.

Each case is a fresh `python -m revdiff ...` process; the cases take turns, round after round, so
a busy machine slows them alike. A figure is the median wall time over the rounds; the ratio is
that median over the median of `python -c pass`, the least any Python command can take.
Bytecode is cached (in a temporary folder, after one warm-up round) as for an installed
package, even when PYTHONDONTWRITEBYTECODE is set.

    python benchmarks/startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SMALL_PAGE = SAMPLES / "sniffer-diff" / "iran-strikes-v0-v1.txt"
REVDIFF = [sys.executable, "-m", "revdiff"]
# What bash asks for on TAB: a command name after `revdiff `, an input after `revdiff diff `.
COMPLETION_ENV = {"_REVDIFF_COMPLETE": "bash_complete", "COMP_WORDS": "revdiff ",
                  "COMP_CWORD": "1"}
INPUT_COMPLETION_ENV = {"_REVDIFF_COMPLETE": "bash_complete", "COMP_WORDS": "revdiff diff sam",
                        "COMP_CWORD": "2"}

CASES: dict[str, tuple[list[str], dict[str, str]]] = {
    "python -c pass": ([sys.executable, "-c", "pass"], {}),
    "revdiff --help": ([*REVDIFF, "--help"], {}),
    "revdiff <TAB> (completion)": (REVDIFF, COMPLETION_ENV),
    "revdiff diff sam<TAB> (completion)": (REVDIFF, INPUT_COMPLETION_ENV),
    f"revdiff parse {SMALL_PAGE.name}": ([*REVDIFF, "parse", str(SMALL_PAGE)], {}),
}


def run_once(command: list[str], extra_env: dict[str, str], bytecode: str) -> float:
    env = {**os.environ, **extra_env, "PYTHONPYCACHEPREFIX": bytecode}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="runs of each case (default 15)")
    rounds = parser.parse_args().rounds
    if rounds < 1:
        parser.error("--rounds must be 1 or more: each figure is the median of its runs")
    samples: dict[str, list[float]] = {name: [] for name in CASES}
    with tempfile.TemporaryDirectory() as bytecode:
        for command, extra_env in CASES.values():
            run_once(command, extra_env, bytecode)
        for _ in range(rounds):
            for name, (command, extra_env) in CASES.items():
                samples[name].append(run_once(command, extra_env, bytecode))
    medians = {name: statistics.median(times) for name, times in samples.items()}
    baseline = medians["python -c pass"]
    print(f"{'case':36} {'median s':>9} {'x python -c pass':>17}   ({rounds} rounds)")
    for name, median in medians.items():
        print(f"{name:36} {median:9.3f} {median / baseline:17.2f}")


if __name__ == "__main__":
    main()
