"""Engine time, peak memory and result character on one very large article (1, 5, 10, 20 MB),
against difflib's SequenceMatcher on the same sentences.

Builds an old and a new version of a long article (a live page that kept growing) from the news
paragraphs in `samples/versions/`. Four kinds:

- varied: every paragraph is a sample paragraph with new numbers and two or three words swapped for
  others of the samples, so most sentences are unique while sharing most of their wording with many
  others; 5% of paragraphs repeat a sample paragraph verbatim (boilerplate);
- repeated: sample paragraphs verbatim, so every sentence occurs hundreds of times;
- deleted: the varied article's old version against two paragraphs of the third story (a page
  cut down to a short notice: nearly every sentence deleted, none identical on both sides);
- added: the same two paragraphs against the varied article's old version (nearly all added).

The body is drawn from two of the sample stories; paragraphs inserted in the new version come from
the third, so they are new text, not copies of deleted ones. The new version applies a newsroom's
edits, at rates per paragraph: sentences edited (3%), paragraphs deleted (1%), inserted (1%), moved
far away (0.2%), two sentences merged into one (0.5%).

Each kind, size and method runs in its own process (so peak RSS is that comparison's own); figures
are medians over `--repeat` rounds in which the methods take turns, so a busy machine slows them
alike. The peer is difflib's SequenceMatcher on the two sentence lists (split by revdiff), run the
same way. Printed per size: the sentences of the longer version, wall and CPU seconds, peak RSS,
the moved sentences revdiff reports next to the sentences the generator moved, and ratios: peak
memory over the peer's, and CPU time as `4.2x slower` or faster than the peer (or, where a
median time is 0, a run shorter than the clock's tick, that it is too fast to measure).

    python benchmarks/engine_scale.py [--sizes 1,5,10,20] [--kinds varied,repeated,deleted,added]
        [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import faster_or_slower, speed_ratio

from revdiff.engine import compare, split_sentences
from revdiff.model import Version

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "versions"
MB = 1_000_000
EDIT_RATE, DELETE_RATE, INSERT_RATE, MOVE_RATE, MERGE_RATE = 0.03, 0.01, 0.01, 0.002, 0.005
BOILERPLATE_RATE = 0.05
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[A-Za-z]{4,}")
_SENTENCE_END = re.compile(r"(?<=[a-z])\. (?=[A-Z])")


INSERTED_STORY = "us-sends-3000-troops-to-middle-east"
VERBATIM_SHARE = {"varied": BOILERPLATE_RATE, "repeated": 1.0}
# Kinds that set the varied article against SHORT_PARAGRAPHS paragraphs of the third story: the
# old version (deleted) or the new one (added).
SHORT_SIDE = {"deleted": "new", "added": "old"}
SHORT_PARAGRAPHS = 2
KINDS = (*VERBATIM_SHARE, *SHORT_SIDE)
# Each method, as the run names it when it is the peer (the second of `--methods`).
METHODS = {"revdiff": "revdiff's compare on the two versions",
           "difflib": "difflib's SequenceMatcher on the sentence lists"}


def sample_paragraphs(inserted: bool) -> list[str]:
    """The distinct sample paragraphs of the body stories, or of the story insertions come from."""
    seen: dict[str, None] = {}
    for path in sorted(SAMPLES.glob("*/*.txt")):
        if (path.parent.name == INSERTED_STORY) != inserted:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                seen.setdefault(" ".join(line.split()), None)
    return list(seen)


def words_of(paragraphs: list[str]) -> list[str]:
    """The words of four letters or more in the paragraphs, sorted, each once: what `varied` and
    `edited` swap words for."""
    return sorted({word for paragraph in paragraphs for word in _WORD.findall(paragraph)})


def varied(paragraph: str, vocabulary: list[str], rng: random.Random) -> str:
    """The paragraph with new numbers and two or three words swapped for others of the samples."""
    text = _NUMBER.sub(lambda _: str(rng.randint(2, 9999)), paragraph)
    words = _WORD.findall(text)
    for word in rng.sample(words, min(len(words), rng.randint(2, 3))):
        text = text.replace(word, rng.choice(vocabulary), 1)
    return text


def edited(paragraph: str, vocabulary: list[str], rng: random.Random) -> str:
    """A newsroom edit: a number corrected, a word replaced, or a clause added."""
    choice = rng.random()
    if choice < 0.35 and _NUMBER.search(paragraph):
        return _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(1, 40)), paragraph, count=1)
    if choice < 0.7:
        words = _WORD.findall(paragraph)
        if words:
            return paragraph.replace(rng.choice(words), rng.choice(vocabulary), 1)
    return paragraph.rstrip(".") + ", officials said on " + rng.choice(("Monday", "Tuesday", "Friday")) + "."


def article_pair(size: int, kind: str, seed: int = 0) -> tuple[Version, Version, int]:
    """Old and new versions of about `size` bytes (UTF-8) and the number of sentences moved."""
    if kind in SHORT_SIDE:
        long, _, _ = article_pair(size, "varied", seed)
        short = tuple(sample_paragraphs(inserted=True)[:SHORT_PARAGRAPHS])
        if SHORT_SIDE[kind] == "new":
            return long, Version(1, "new", short), 0
        return Version(0, "old", short), Version(1, "new", long.paragraphs), 0
    rng = random.Random(seed)
    pool = sample_paragraphs(inserted=False)
    fresh = sample_paragraphs(inserted=True)
    vocabulary = words_of(pool)
    verbatim_share = VERBATIM_SHARE[kind]
    old: list[str] = []
    total = 0
    while total < size:
        source = rng.choice(pool)
        paragraph = source if rng.random() < verbatim_share else varied(source, vocabulary, rng)
        old.append(paragraph)
        total += len(paragraph.encode()) + 1
    new: list[str] = []
    moved: list[str] = []
    for paragraph in old:
        draw = rng.random()
        if draw < DELETE_RATE:
            continue
        draw -= DELETE_RATE
        if draw < MOVE_RATE:
            moved.append(paragraph)
            continue
        draw -= MOVE_RATE
        if draw < EDIT_RATE:
            paragraph = edited(paragraph, vocabulary, rng)
        elif draw < EDIT_RATE + MERGE_RATE:
            paragraph = _SENTENCE_END.sub(", and ", paragraph, count=1)
        new.append(paragraph)
        if rng.random() < INSERT_RATE:
            source = rng.choice(fresh)
            new.append(source if rng.random() < verbatim_share else varied(source, vocabulary, rng))
    moved_sentences = len(split_sentences(moved))
    for paragraph in moved:
        new.insert(rng.randrange(len(new) + 1), paragraph)
    return Version(0, "old", tuple(old)), Version(1, "new", tuple(new)), moved_sentences


def run_child(method: str, kind: str, size: int) -> dict[str, float | int]:
    """Compare one generated pair with `method`; the figures of this process."""
    old, new, truly_moved = article_pair(size, kind)
    wall, cpu = time.perf_counter(), time.process_time()
    moved = 0
    if method == "revdiff":
        comparison = compare(old, new)
        moved = comparison.stats.counts["moved"]
        sentences = max(len(comparison.old_sentences), len(comparison.new_sentences))
    else:
        import difflib
        old_texts = [s.text for s in split_sentences(old.paragraphs)]
        new_texts = [s.text for s in split_sentences(new.paragraphs)]
        difflib.SequenceMatcher(None, old_texts, new_texts).get_opcodes()
        sentences = max(len(old_texts), len(new_texts))
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "moved": moved, "truly_moved": truly_moved, "sentences": sentences}


def measure(methods: list[str], kind: str, size: int, repeat: int) -> dict[str, dict[str, float]]:
    """Each method's median figures over `repeat` rounds that take turns (A B, B A, A B, ...), so
    that a load rising or falling on the machine meanwhile slows each alike."""
    runs: dict[str, list[dict[str, float]]] = {method: [] for method in methods}
    for round_ in range(repeat):
        for method in methods if round_ % 2 == 0 else reversed(methods):
            finished = subprocess.run([sys.executable, __file__, "--child", method, kind, str(size)],
                                      capture_output=True, text=True, check=True)
            runs[method].append(json.loads(finished.stdout))
    return {method: {key: statistics.median(run[key] for run in method_runs) for key in method_runs[0]}
            for method, method_runs in runs.items()}


def report(kind: str, sizes: list[float], methods: list[str], repeat: int) -> None:
    print(f"\n{kind}: medians of {repeat} runs, each in its own process")
    print(f"{'MB':>4} {'sentences':>9} {'method':<8} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} "
          f"{'moved':>7} {'truly moved':>11}")
    results: dict[tuple[str, float], dict[str, float]] = {}
    for size in sizes:
        for method, figures in measure(methods, kind, int(size * MB), repeat).items():
            results[(method, size)] = figures
            moved = f"{figures['moved']:.0f}" if method == "revdiff" else "-"
            print(f"{size:>4g} {figures['sentences']:>9.0f} {method:<8} {figures['wall']:8.2f} "
                  f"{figures['cpu']:8.2f} {figures['rss_mb']:8.0f} {moved:>7} "
                  f"{figures['truly_moved']:>11.0f}", flush=True)
    if len(methods) > 1:
        print(f"{'MB':>4} {'peak ratio':>11}  cpu: {methods[0]} against {methods[1]}")
        for size in sizes:
            ours, peer = results[(methods[0], size)], results[(methods[1], size)]
            print(f"{size:>4g} {ours['rss_mb'] / peer['rss_mb']:11.2f}  "
                  f"{faster_or_slower(speed_ratio(ours['cpu'], peer['cpu']))}")
    if len(sizes) == 1:
        return
    first = results[(methods[0], sizes[0])]
    print(f"growth of {methods[0]} against {sizes[0]:g} MB (linear: cpu grows as size):")
    for size in sizes[1:]:
        figures = results[(methods[0], size)]
        cpu = (f"cpu x{figures['cpu'] / first['cpu']:.1f}" if first["cpu"] else
               f"cpu not compared: its time at {sizes[0]:g} MB was below the clock's resolution")
        print(f"{size:>4g} MB: size x{size / sizes[0]:.3g}, {cpu}, "
              f"peak memory x{figures['rss_mb'] / first['rss_mb']:.1f}")


def article_sizes(listed: str) -> list[float] | None:
    """The sizes in MB of `--sizes`; None unless each is a finite number above 0 (the growth is
    told against the first)."""
    try:
        sizes = [float(size) for size in listed.split(",")]
    except ValueError:
        return None
    return sizes if all(math.isfinite(size) and size > 0 for size in sizes) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,5,10,20", help="article sizes in MB")
    parser.add_argument("--kinds", default=",".join(KINDS),
                        help=f"articles to build, comma-separated: {', '.join(KINDS)} (default all)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each case; figures are medians (default 3)")
    parser.add_argument("--methods", default="revdiff,difflib",
                        help="methods, comma-separated; the first is set against the second "
                             "(default revdiff,difflib)")
    parser.add_argument("--child", nargs=3, metavar=("METHOD", "KIND", "BYTES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its runs")
    sizes = article_sizes(args.sizes)
    if sizes is None:
        parser.error(f"--sizes {args.sizes!r} is not a list of sizes in MB above 0, "
                     "comma-separated (e.g. 1,5,10)")
    unknown = [kind for kind in args.kinds.split(",") if kind not in KINDS]
    unknown += [method for method in args.methods.split(",") if method not in METHODS]
    if unknown:
        parser.error(f"{unknown[0]!r} is no kind ({', '.join(KINDS)}) "
                     f"or method ({', '.join(METHODS)})")
    methods, kinds = args.methods.split(","), args.kinds.split(",")
    if len(set(methods)) < len(methods):
        twice = next(method for method in methods if methods.count(method) > 1)
        parser.error(f"--methods names {twice!r} twice: the first is set against the second, "
                     f"so name two methods ({', '.join(METHODS)}) or one")
    if len(set(kinds)) < len(kinds):
        twice = next(kind for kind in kinds if kinds.count(kind) > 1)
        parser.error(f"--kinds names {twice!r} twice: each kind is measured once, "
                     f"so name each of {', '.join(KINDS)} at most once")
    if args.child:
        print(json.dumps(run_child(args.child[0], args.child[1], int(args.child[2]))))
        return 0
    peer = f"peer: {METHODS[methods[1]]}; " if len(methods) > 1 else ""
    print(f"{peer}peak MB is the process's peak RSS")
    for kind in kinds:
        report(kind, sizes, methods, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
