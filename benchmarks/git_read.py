"""Benchmark: what reading a git repository through a sanitized clone costs, against reading it
in place.

revdiff never runs git in the repository it reads (its config could name programs): it clones it
first (`git clone --no-local --reference`, objects shared, not copied) and reads the clone. The
peer reads the same repository in place, with the same `git log` and `git cat-file` (what
revdiff did before, unsafe on a stranger's repository). Both read a store of generated articles
written by `revdiff store`; prints medians over the runs, the clone's as `1.3x slower` or faster
than the peer's (or, where a median time is 0, a run shorter than the clock's tick, that it is
too fast to measure), and the whole `read_repository` (clone, read, parse into articles) for
scale. The three take turns, round after round, so a busy machine slows them alike.

    python benchmarks/git_read.py [--articles 300] [--versions 10] [--repeats 5]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from timing import faster_or_slower, medians_in_turns, speed_ratio

from revdiff.formats.git_blobs import BlobReader
from revdiff.formats.git_history import read_history
from revdiff.formats.gitrepo import read_repository
from revdiff.model import Article, Version
from revdiff.safe_git import sanitized_clone
from revdiff.store import store_articles

WORDS = [
    "the", "minister", "said", "talks", "would", "resume", "after", "a", "vote", "on", "Tuesday",
    "while", "officials", "denied", "any", "deal", "had", "been", "reached", "and", "markets",
    "fell", "sharply", "in", "early", "trading",
]


def generated_articles(articles: int, versions: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    result = []
    for number in range(articles):
        paragraphs = [" ".join(rng.choices(WORDS, k=30)) for _ in range(10)]
        chain = []
        for version in range(versions):
            paragraphs[rng.randrange(len(paragraphs))] = " ".join(rng.choices(WORDS, k=30))
            when = datetime(2021, 3, 1, tzinfo=UTC) + timedelta(hours=number, minutes=version)
            chain.append(Version(version, f"Story {number}", tuple(paragraphs), when))
        result.append(Article("bench", f"https://news.example.org/story-{number}",
                              tuple(chain)))
    return result


def read_all(git_dir: Path) -> int:
    """The history and every stored version, read with revdiff's git reading functions."""
    changes = read_history(git_dir, "HEAD", str(git_dir))
    with BlobReader(git_dir) as blobs:
        return sum(len(blobs.read(change.blob, change.path)) for change in changes)


def read_through_clone(repo_dir: Path) -> int:
    with sanitized_clone(repo_dir) as clone:
        return read_all(clone)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300,
                        help="articles in the generated store (default 300)")
    parser.add_argument("--versions", type=int, default=10,
                        help="versions of each article (default 10)")
    parser.add_argument("--repeats", type=int, default=5,
                        help="runs of each case; figures are medians (default 5)")
    args = parser.parse_args()
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more: each figure is the median of its runs")
    if args.articles < 1 or args.versions < 1:
        parser.error("--articles and --versions must be 1 or more: a store of no version has "
                     "no history to read")
    with tempfile.TemporaryDirectory(prefix="revdiff-bench-") as tmp:
        repo_dir = Path(tmp) / "store"
        store_articles(generated_articles(args.articles, args.versions), repo_dir)
        commits = args.articles * args.versions
        print(f"{commits} commits ({args.articles} articles x {args.versions} versions); "
              f"median of {args.repeats} runs each")
        safe, in_place, whole = medians_in_turns([lambda: read_through_clone(repo_dir),
                                                  lambda: read_all(repo_dir / ".git"),
                                                  lambda: read_repository(repo_dir)], args.repeats)
    print(f"{'sanitized clone, then log + cat-file':40} {safe:8.3f} s")
    print(f"{'peer: log + cat-file in place (unsafe)':40} {in_place:8.3f} s")
    print(f"clone against in place: {faster_or_slower(speed_ratio(safe, in_place))}  "
          f"(cost of the clone: {safe - in_place:.3f} s)")
    print(f"{'read_repository (clone, read, parse)':40} {whole:8.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
