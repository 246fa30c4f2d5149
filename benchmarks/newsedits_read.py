"""How long `revdiff parse` and `revdiff diff` take on a NewsEdits file, and their peak memory,
against reading the same file with sqlite3 in the same run.

The file is made in a temporary folder (`--articles` articles of 3 versions, 15 to 17 paragraphs
of made-up sentences each), or named with `--database`. Each case is a fresh process writing to
/dev/null; the cases take turns, round after round, so a busy machine slows them alike. A
figure is the median wall time over the rounds, and the peak resident memory of the process
(`os.wait4`); each revdiff case is told as so many times slower (or faster) than the sqlite3
read, by their medians (or, where a median is 0, a run shorter than the clock's tick, as too
fast to measure).

    python benchmarks/newsedits_read.py [--articles 3000] [--rounds 3] [--diff]
    python benchmarks/newsedits_read.py --database news.db
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import faster_or_slower, speed_ratio

from revdiff.model import Article, Version
from revdiff.render.newsedits import write_database

REVDIFF = [sys.executable, "-m", "revdiff"]
PEER = "sqlite3 read"
ARTICLES = 3000  # in the made-up file
# Every row read, one at a time (as revdiff reads an article's rows, and lets them go).
SQLITE_READ = ("import sqlite3, sys\nconnection = sqlite3.connect(sys.argv[1])\n"
               "for row in connection.execute('SELECT * FROM entryversion'): pass")
WORDS = ["the", "government", "said", "on", "tuesday", "that", "officials", "would", "review",
         "new", "policy", "after", "protests", "in", "city", "council", "members", "voted",
         "against", "plan", "police", "reported", "arrests", "economy", "grew", "percent"]


def made_up_database(path: Path, articles: int) -> None:
    """`articles` articles of 3 versions: each changes one paragraph and adds one."""
    chance = random.Random(1)

    def paragraph() -> str:
        return " ".join(" ".join(chance.choice(WORDS) for _ in range(chance.randint(8, 20)))
                        .capitalize() + "." for _ in range(chance.randint(1, 3)))

    written = []
    for number in range(articles):
        paragraphs = [paragraph() for _ in range(15)]
        versions = []
        for version in range(3):
            versions.append(Version(version, f"Story {number}", tuple(paragraphs)))
            paragraphs = list(paragraphs)
            paragraphs[chance.randrange(len(paragraphs))] = paragraph()
            paragraphs.append(paragraph())
        written.append(Article("bbc", f"https://www.bbc.co.uk/news/a-{number}",
                               tuple(versions), 3))
    write_database(path, written)


def readable_size(size: int) -> str:
    """`size` bytes in the largest unit it fills: 900 B, 24 kB, 3.2 MB (a tenth below 10)."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if size >= scale:
            return f"{size / scale:.{1 if size < 10 * scale else 0}f} {unit}"
    return f"{size} B"


def run_once(name: str, command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB) of one run of case `name`, its output thrown
    away. A run that fails ends the benchmark in one line, the last its run wrote on stderr (its
    error), with exit status 2; what a run that succeeds writes there is passed on. Control
    characters of either are escaped."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as nowhere, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=nowhere, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        errors.seek(0)
        written = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        last = ([line for line in written.splitlines() if line.strip()] or ["(nothing on stderr)"])[-1]
        print(f"{name} failed on the NewsEdits file (exit status {code}): {printable(last.strip())}",
              file=sys.stderr)
        sys.exit(2)
    for line in written.splitlines():
        print(printable(line), file=sys.stderr)
    return seconds, usage.ru_maxrss // 1024


def printable(text: str) -> str:
    """`text` with its control characters escaped (`\\x1b`), so none reaches the terminal."""
    return "".join(character if character.isprintable() else repr(character)[1:-1]
                   for character in text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int,
                        help=f"articles in the made-up file (default {ARTICLES}; not with --database)")
    parser.add_argument("--database", type=Path, help="read this NewsEdits file instead")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each case (default 3)")
    parser.add_argument("--diff", action="store_true",
                        help="time `diff --format json` too (several times slower than parse)")
    options = parser.parse_args()
    if options.rounds < 1:
        parser.error("--rounds must be 1 or more: each figure is the median of its runs")
    if options.articles is not None and options.database is not None:
        parser.error("--articles makes up a file: give it or --database, not both")
    if options.database is not None and not options.database.is_file():
        parser.error(f"--database {printable(str(options.database))} is no file: "
                     "give a NewsEdits SQLite file")
    articles = ARTICLES if options.articles is None else options.articles
    if articles < 1:
        parser.error("--articles must be 1 or more: revdiff refuses a NewsEdits file of none")
    with tempfile.TemporaryDirectory() as folder:
        database = options.database
        if database is None:
            database = Path(folder) / "news.db"
            made_up_database(database, articles)
        size = ["--max-size", "1G", str(database)]
        cases = {PEER: [sys.executable, "-c", SQLITE_READ, str(database)],
                 "revdiff parse": [*REVDIFF, "parse", *size],
                 "revdiff parse --format jsonl": [*REVDIFF, "parse", "--format", "jsonl", *size]}
        if options.diff:
            cases["revdiff diff --format json"] = [*REVDIFF, "diff", "--format", "json", *size]
        runs: dict[str, list[tuple[float, int]]] = {name: [] for name in cases}
        for _ in range(options.rounds):
            for name, command in cases.items():
                runs[name].append(run_once(name, command))
        file_size = database.stat().st_size
    print(f"{readable_size(file_size)} NewsEdits file, median of {options.rounds} runs")
    peer = statistics.median(seconds for seconds, _ in runs[PEER])
    for name, results in runs.items():
        seconds = statistics.median(seconds for seconds, _ in results)
        peak = max(megabytes for _, megabytes in results)
        against = "the peer" if name == PEER else faster_or_slower(speed_ratio(seconds, peer))
        print(f"  {name:<30} {seconds:7.2f} s  {peak:6d} MB peak  {against}")


if __name__ == "__main__":
    main()
