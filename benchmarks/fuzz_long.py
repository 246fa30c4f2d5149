"""A long fuzz run: the tests in tests/fuzz with many more examples, and fresh random seeds.

    python benchmarks/fuzz_long.py                 # 500 examples per fuzz test
    python benchmarks/fuzz_long.py --examples 5000 --call-seconds 60

CI runs the same tests briefly (a few dozen fixed examples each). A failure here prints the
smallest input hypothesis found; a call stuck in C code ends the run and leaves every thread's
stack in this run's hang report, whose path the run prints first.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=500, help="examples per fuzz test")
    parser.add_argument("--call-seconds", type=float, default=20.0,
                        help="time limit of one read or compare")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, e.g. -k sqlite")
    options = parser.parse_args()
    hang_report = Path(tempfile.gettempdir()) / f"revdiff-fuzz-hang-{os.getpid()}.txt"
    env = dict(os.environ, REVDIFF_FUZZ_EXAMPLES=str(options.examples),
               REVDIFF_FUZZ_CALL_SECONDS=str(options.call_seconds),
               REVDIFF_FUZZ_HANG_REPORT=str(hang_report))
    command = [sys.executable, "-m", "pytest", str(ROOT / "tests" / "fuzz"), "-q",
               "-p", "no:cacheprovider", "--durations=10", *options.pytest_args]
    print(f"REVDIFF_FUZZ_EXAMPLES={options.examples} {' '.join(command)}")
    print(f"a call stuck in C code ends the run, every thread's stack in {hang_report}", flush=True)
    return subprocess.run(command, env=env, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
