"""A long fuzz run: the tests in tests/fuzz with many more examples, and fresh random seeds.

    python benchmarks/fuzz_long.py                  # each fuzz test 30 times its CI examples
    python benchmarks/fuzz_long.py --times 100 --call-seconds 60
    python benchmarks/fuzz_long.py --examples 5000 -- -k sqlite    # 5000 for each test chosen

CI runs the same tests briefly (10 to 150 fixed examples each, about 30 s in all); `--times`
keeps their proportions, so the default run is some 30 times as long (15 minutes and more on 2
cores: fresh examples are often slower). A failure here prints the smallest input hypothesis
found; a call stuck in C code ends the run and leaves every thread's stack in this run's hang
report, whose path the run prints first. Each test is one line as it ends (pytest's `-q` after
`--` for dots alone).
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--times", type=int, default=30,
                        help="examples per fuzz test, as a multiple of its CI count")
    parser.add_argument("--examples", type=int, default=0,
                        help="examples per fuzz test, whatever its CI count (overrides --times)")
    parser.add_argument("--call-seconds", type=float, default=20.0,
                        help="time limit of one read or compare")
    parser.add_argument("pytest_args", nargs="*",
                        help="extra pytest arguments, after --: e.g. -- -k sqlite -x")
    options = parser.parse_args()
    if options.times < 1 or options.examples < 0:
        parser.error("--times takes a whole number from 1, --examples one from 0 (0: use --times)")
    hang_report = Path(tempfile.gettempdir()) / f"revdiff-fuzz-hang-{os.getpid()}.txt"
    counts = {"REVDIFF_FUZZ_TIMES": str(options.times),
              "REVDIFF_FUZZ_EXAMPLES": str(options.examples)}
    env = dict(os.environ, **counts, REVDIFF_FUZZ_CALL_SECONDS=str(options.call_seconds),
               REVDIFF_FUZZ_HANG_REPORT=str(hang_report))
    # one line per test unless the arguments given say otherwise (-q, -v), whatever pyproject.toml
    # adds before them
    command = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "fuzz"), "--verbosity=1",
               "-p", "no:cacheprovider", "--durations=10", *options.pytest_args]
    print(f"a call stuck in C code ends the run, every thread's stack in {hang_report}")
    told_counts = " ".join(f"{name}={value}" for name, value in counts.items())
    print(f"{told_counts} {shlex.join(command)}", flush=True)
    return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
