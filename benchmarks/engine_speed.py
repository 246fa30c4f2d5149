"""Engine speed on real version pairs, against diff-match-patch over the whole text, and growth.

Reads Wikipedia version chains from ../shared/corpus/wikipedia (or --corpus PATH): version k and
k+1 of each article form a pair; a version's paragraphs are its non-blank lines. Prints

1. median milliseconds of CPU time per comparison for revdiff's `compare` and for
   diff-match-patch run over the whole text (`diff_main` + `diff_cleanupSemantic`, what NewsDiffs
   does), on pairs of about 60 sentences and on every fourth pair of any size, with revdiff's
   as `2.1x faster` or slower than the peer's (`timing.faster_or_slower`, which says where a
   median time is 0, a run shorter than the clock's tick, that it is too fast to measure), the
   two taking turns on each pair (1 to 3 rounds a pair: in wall time, at a load of 6 on two cores,
   the same work varied threefold);
2. whole chains: each article's consecutive pairs compared in order, as `export` and the
   timeline compare them (each version split once, for its pair with the version before and
   after), against the same comparisons each made afresh (each version split twice), the two
   taking turns (medians of 3 rounds), in CPU time: in wall time, at a load of 6 on two cores,
   the same run took from 9 to 29 s, far more than the splitting that comparing in order
   saves;
3. growth: pairs concatenated into one comparison of about N, 4N and 16N sentences, medians of
   several rounds in CPU time, revdiff and diff-match-patch taking turns, with the ratios
   time(4N)/time(N) and time(16N)/time(4N) (target: at most 5; a ratio above it is marked
   `misses`), or where the time before was 0 that it was too short to compare.

diff-match-patch runs with its default time limit of 1 s of wall time, as NewsDiffs runs it: past
it, it gives up and returns a coarser diff, so where it reaches the limit its time is the limit's,
not its work's (on the Wikipedia chains, 2026-12-07 at a load of 5.7, its medians of wall time at
N, 4N and 16N were all 1.00 to 1.01 s), and its CPU time is what the machine gave it in that
second. Each table says in how many of its runs it reached the limit, in wall time.

    python benchmarks/engine_speed.py [--corpus PATH] [--base 320] [--repeat 7] [--growth-only]
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from diff_match_patch import diff_match_patch
from shared_input import input_is_there
from timing import compare_afresh, faster_or_slower, forget_splits, medians_in_turns, speed_ratio

from revdiff.engine import compare, split_sentences
from revdiff.model import Version

GROWTH_FACTORS = (1, 4, 16)
# the most time(4N)/time(N) and time(16N)/time(4N) may be: each size 4 times the one before
GROWTH_TARGET = 5
# diff-match-patch's own default, as in NewsDiffs' browser code: past it, it gives up and returns a
# coarser diff, so a run that reaches it times the limit, not the peer's work.
DMP_TIME_LIMIT = 1.0
DEFAULT_CORPUS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "wikipedia").resolve()


def read_version(path: Path, number: int) -> Version:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return Version(number=number, title=path.parent.name,
                   paragraphs=tuple(" ".join(line.split()) for line in lines if line.strip()))


def version_chains(corpus: Path) -> list[list[Version]]:
    chains = []
    for article in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = sorted(article.glob("*.txt"), key=lambda p: int(p.stem) if p.stem.isdigit() else -1)
        chains.append([read_version(path, k) for k, path in enumerate(files)])
    return chains


def compare_chains(chains: list[list[Version]], each: Callable[[Version, Version], object]
                   ) -> None:
    forget_splits()  # each run splits the chains as a process that split nothing before
    for chain in chains:
        for old, new in itertools.pairwise(chain):
            each(old, new)


def whole_text_dmp(old: Version, new: Version) -> None:
    differ = diff_match_patch()
    differ.Diff_Timeout = DMP_TIME_LIMIT
    diffs = differ.diff_main(old.text, new.text)
    differ.diff_cleanupSemantic(diffs)


def sentence_count(pair: tuple[Version, Version]) -> int:
    return max(len(split_sentences(pair[0].paragraphs)), len(split_sentences(pair[1].paragraphs)))


def concatenated(pairs: list[tuple[Version, Version]], target: int) -> tuple[Version, Version, int]:
    old: list[str] = []
    new: list[str] = []
    total = 0
    for pair in pairs:
        if total >= target:
            break
        old.extend(pair[0].paragraphs)
        new.extend(pair[1].paragraphs)
        total += sentence_count(pair)
    return Version(0, "old", tuple(old)), Version(1, "new", tuple(new)), total


def wall_timed_dmp(old: Version, new: Version, walls: list[float]) -> None:
    """`whole_text_dmp`, its wall time added to `walls`: its time limit is one of wall time."""
    started = time.perf_counter()
    whole_text_dmp(old, new)
    walls.append(time.perf_counter() - started)


def at_time_limit(walls: list[float]) -> str:
    """How many of the peer's runs took its time limit or longer, in wall time."""
    reached = sum(run >= DMP_TIME_LIMIT for run in walls)
    return (f"diff-match-patch took its time limit ({DMP_TIME_LIMIT:g} s of wall time), after which "
            f"it gives up and returns a coarser diff, or longer in {reached} of {len(walls)} runs")


def growth(pairs: list[tuple[Version, Version]], base: int, repeat: int) -> None:
    """Time one comparison of about N, 4N and 16N sentences; print medians and their ratios.

    The pairs are shuffled once (seeded) and each size takes a prefix of that order, so 4N holds the
    N pairs plus more of the same mix. Sizes and methods are timed in rounds that take turns
    (revdiff and the peer at N, 4N, 16N, then the other way round, `medians_in_turns`), so that a
    busy spell on the machine hits every size and method alike, in CPU time, which other
    processes on the machine barely change (wall time, which they inflate, is kept for the peer's
    time limit only).
    """
    order = list(pairs)
    random.Random(0).shuffle(order)
    sizes = [concatenated(order, base * factor) for factor in GROWTH_FACTORS]
    peer_walls: list[float] = []
    medians = medians_in_turns([timed for old, new, _ in sizes
                                for timed in (functools.partial(compare_afresh, old, new),
                                              functools.partial(wall_timed_dmp, old, new, peer_walls))],
                               repeat, clock=time.process_time)
    ours, theirs = medians[0::2], medians[1::2]
    print(f"\ngrowth: pairs of different articles concatenated; medians of {repeat} rounds in CPU "
          f"time, load average {os.getloadavg()[0]:.1f}")
    print(f"{'target':>7} {'sentences':>10} {'cpu ms':>9} {'dmp cpu ms':>11} {'cpu ratio':>10}")
    previous: float | None = None
    for factor, (_, _, total), mine, peer in zip(GROWTH_FACTORS, sizes, ours, theirs, strict=True):
        mine_ms, peer_ms = mine * 1000, peer * 1000
        if previous is None:
            ratio = f"{'':>10}"
        elif previous:
            growth_ratio = mine_ms / previous
            ratio = f"{growth_ratio:10.2f}" + (" misses" if growth_ratio > GROWTH_TARGET else "")
        else:
            ratio = " not compared: the time of the size before was below the clock's resolution"
        print(f"{base * factor:>7} {total:>10} {mine_ms:9.1f} {peer_ms:11.1f} {ratio}")
        previous = mine_ms
    print(at_time_limit(peer_walls))
    print(f"target: time(4N)/time(N) and time(16N)/time(4N) <= {GROWTH_TARGET} (misses: above it)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="a folder of article folders of numbered version files "
                             "(default: the checkout's ../shared/corpus/wikipedia)")
    parser.add_argument("--base", type=int, default=320, help="N for the growth table (sentences)")
    parser.add_argument("--repeat", type=int, default=7, help="rounds of the growth table")
    parser.add_argument("--growth-only", action="store_true", help="skip the per-pair table")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its rounds")
    if not input_is_there(parser, "--corpus", args.corpus, DEFAULT_CORPUS):
        return 0
    chains = version_chains(args.corpus)
    pairs = [pair for chain in chains for pair in itertools.pairwise(chain)]
    if args.growth_only:
        growth(pairs, args.base, args.repeat)
        return 0
    sized = [(sentence_count(pair), pair) for pair in pairs]
    typical = [pair for count, pair in sized if 45 <= count <= 75]
    print(f"{len(pairs)} version pairs from {args.corpus}; {len(typical)} of 45-75 sentences\n")
    print(f"medians of CPU time, load average {os.getloadavg()[0]:.1f}")
    print(f"{'pairs':<26} {'n':>4} {'revdiff cpu ms':>15} {'dmp cpu ms':>11}  revdiff against dmp")
    every_fourth = [pair for _, pair in sized[::4]]
    for label, group in (("about 60 sentences", typical), ("every 4th pair, any size", every_fourth)):
        if not group:
            print(f"{label:<26} {0:>4}  no such pair in {args.corpus}: nothing to time")
            continue
        repeat = 3 if len(group) < 200 else 1
        peer_walls: list[float] = []
        timed = [medians_in_turns([functools.partial(compare_afresh, o, n),
                                   functools.partial(wall_timed_dmp, o, n, peer_walls)], repeat,
                                  clock=time.process_time) for o, n in group]
        ours, theirs = [1000 * mine for mine, _ in timed], [1000 * peer for _, peer in timed]
        ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
        print(f"{label:<26} {len(group):>4} {ours_median:15.2f} {theirs_median:11.2f}  "
              f"{faster_or_slower(speed_ratio(ours_median, theirs_median))}")
        print(f"{'':<26} {'':>4} {'p90 ' + format(sorted(ours)[int(0.9 * len(ours))], '.1f'):>15} "
              f"{'p90 ' + format(sorted(theirs)[int(0.9 * len(theirs))], '.1f'):>11}")
        print(f"{'':<26} {'':>4} {at_time_limit(peer_walls)}")
    in_order, afresh = medians_in_turns([functools.partial(compare_chains, chains, compare),
                                         functools.partial(compare_chains, chains, compare_afresh)],
                                        repeat=3, clock=time.process_time)
    print(f"\nwhole chains, {len(pairs)} pairs in order: {in_order:.2f} s of CPU; each pair "
          f"afresh: {afresh:.2f} s, taking turns (load average "
          f"{os.getloadavg()[0]:.1f}); in order against afresh: "
          f"{faster_or_slower(speed_ratio(in_order, afresh))}")
    growth(pairs, args.base, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
