"""Benchmark: storing versions in git with `git fast-import` (revdiff's bulk path) against one
GitPython commit per version (index.add + index.commit), in the same run, on the same corpus.

The corpus is the shared Wikipedia chains, repeated under different URLs until it holds
--versions versions (5,000 by default). Both methods write the same files, messages and author
dates into a fresh repository; the peer reuses revdiff's planning and encoding so only the
writing differs. The methods take turns, round after round (the peer in its first
--peer-repeats rounds), so a busy machine slows them alike. Prints medians over the runs and the
ratio of the medians.

With --one-folder every article's URL is in one folder (as a site whose URLs are all
`/news/<slug>`), and the bulk path also runs without spreading a crowded folder's files over
subfolders (`revdiff.store.plan.CROWDED_FOLDER`), so that the two layouts are compared (where
no folder would hold more files than that, the two are the same: it says so and compares none);
--crowded-folder N spreads them above N files instead of revdiff's own number, to compare those.

    python benchmarks/git_store.py [--versions 5000] [--repeats 5] [--peer-repeats 3] [--one-folder]
                                   [--crowded-folder N]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import git
from shared_input import input_is_there
from timing import faster_or_slower, in_turns

from revdiff.formats.plain import read_versions
from revdiff.model import Article
from revdiff.store import plan as store_plan
from revdiff.store import store_articles
from revdiff.store.encode import git_date
from revdiff.store.plan import plan_store

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wikipedia"


class NotACorpus(Exception):
    """--corpus is no folder of article folders of numbered version files."""


def load_chains(corpus: Path) -> list[Article]:
    chains = []
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files = list(folder.iterdir())
        unnumbered = sorted(f for f in files if not f.stem.isdigit())
        if unnumbered:
            raise NotACorpus(f"{unnumbered[0]} is not a numbered version file")
        files.sort(key=lambda p: int(p.stem))
        chains.append(read_versions([(f.name, f.read_text(encoding="utf-8")) for f in files]))
    if not any(chain.versions for chain in chains):
        raise NotACorpus(f"{corpus} holds no article folder with versions")
    return chains


def build_corpus(chains: list[Article], versions: int, one_folder: bool) -> list[Article]:
    """Chains repeated under different URLs, cut to exactly `versions` versions."""
    articles: list[Article] = []
    total, copy = 0, 0
    while total < versions:
        for index, chain in enumerate(chains):
            take = chain.versions[: versions - total]
            if not take:
                break
            url = (f"https://en.wikipedia.org/wiki/copy-{copy}-chain-{index}" if one_folder
                   else f"https://en.wikipedia.org/copy-{copy}/chain-{index}")
            articles.append(replace(chain, versions=take, source="wikipedia", url=url))
            total += len(take)
        copy += 1
    return articles


def store_bulk(articles: list[Article], repo_dir: Path) -> int:
    return store_articles(articles, repo_dir).stored


@contextmanager
def no_subfolders() -> Iterator[None]:
    """The store as it was before a crowded folder's new files went to subfolders."""
    spread_above = store_plan.CROWDED_FOLDER
    store_plan.CROWDED_FOLDER = sys.maxsize
    try:
        yield
    finally:
        store_plan.CROWDED_FOLDER = spread_above


def store_bulk_in_one_flat_folder(articles: list[Article], repo_dir: Path) -> int:
    with no_subfolders():
        return store_bulk(articles, repo_dir)


def planned_files(articles: list[Article]) -> set[str]:
    """The files the store would write the articles to, in a new repository."""
    return {planned.path for planned in plan_store(articles, {}, "sha1").commits}


def store_one_commit_each(articles: list[Article], repo_dir: Path) -> int:
    """The peer: what a GitPython script would do, one index.add + index.commit per version."""
    repo = git.Repo.init(repo_dir)
    actor = git.Actor("revdiff", "revdiff@localhost")
    plan = plan_store(articles, {}, "sha1")
    now = f"{int(time.time())} +0000"
    for planned in plan.commits:
        target = repo_dir / planned.path
        target.parent.mkdir(parents=True, exist_ok=True)
        encoded = planned.encoded()
        target.write_bytes(encoded.data)
        repo.index.add([planned.path])
        when = git_date(planned.version.time, now)
        repo.index.commit(encoded.message, author=actor, committer=actor,
                          author_date=when, commit_date=when)
    repo.close()
    return len(plan.commits)


def time_in_turns(methods: list[Callable[[list[Article], Path], int]], articles: list[Article],
                  repeats: list[int]) -> list[tuple[list[float], int]]:
    """Each method's run times and versions stored, method k run `repeats[k]` times, each into a
    new repository, the methods taking turns round by round (`timing.in_turns`)."""
    seconds: list[list[float]] = [[] for _ in methods]
    stored = [0 for _ in methods]
    for k in in_turns(repeats):
        with tempfile.TemporaryDirectory(prefix="revdiff-bench-") as tmp:
            start = time.perf_counter()
            stored[k] = methods[k](articles, Path(tmp) / "repo")
            seconds[k].append(time.perf_counter() - start)
    return list(zip(seconds, stored, strict=True))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", type=int, default=5000, metavar="N",
                        help="versions in the corpus: its chains repeated under other URLs up "
                             "to N; the store skips those unchanged (default: %(default)s)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of the bulk path")
    parser.add_argument("--peer-repeats", type=int, default=3,
                        help="runs of the GitPython peer, taking turns with the bulk path's (each "
                             "takes minutes; 0 leaves it out)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR",
                        help="a folder of article folders of numbered version files (default: "
                             "the checkout's ../shared/corpus/wikipedia)")
    parser.add_argument("--one-folder", action="store_true",
                        help="every article in one folder; also time the bulk path without "
                             "subfolders, where that changes where its files go")
    parser.add_argument("--crowded-folder", type=int, default=store_plan.CROWDED_FOLDER,
                        metavar="N", help="a run whose new files would put more than N in one "
                                          "folder puts them all in subfolders; 0: every new "
                                          "file (default: %(default)s, revdiff's own)")
    args = parser.parse_args()
    if args.versions < 1:
        parser.error("--versions must be 1 or more: there is nothing to store")
    if args.repeats < 1:
        parser.error("--repeats must be 1 or more: the bulk path is what is measured")
    if args.peer_repeats < 0:
        parser.error("--peer-repeats must be 0 or more")
    if args.crowded_folder < 0:
        parser.error("--crowded-folder must be 0 or more: 0 puts every new file in a subfolder")
    store_plan.CROWDED_FOLDER = args.crowded_folder
    if not input_is_there(parser, "--corpus", args.corpus, DEFAULT_CORPUS):
        return 0
    try:
        chains = load_chains(args.corpus)
    except NotACorpus as error:
        print(f"{error} (give --corpus a folder of article folders of numbered version files, "
              "as shared/corpus/wikipedia)", file=sys.stderr)
        return 1
    articles = build_corpus(chains, args.versions, args.one_folder)
    count = sum(len(a.versions) for a in articles)
    megabytes = sum(len("\n".join(v.paragraphs)) for a in articles for v in a.versions) / 1e6
    print(f"corpus: {len(articles)} articles, {count} versions, {megabytes:.1f} MB of text; "
          f"{args.repeats} bulk runs, {args.peer_repeats} peer runs, each into a new repository; "
          f"subfolders above {store_plan.CROWDED_FOLDER:,} files in a folder")
    bulk, peer, flat = ("git fast-import (revdiff store)", "GitPython, one commit per version",
                         "fast-import, one flat folder")
    methods = [(bulk, store_bulk, args.repeats), (peer, store_one_commit_each, args.peer_repeats)]
    layouts = ""
    if args.one_folder:
        with no_subfolders():
            flat_files = planned_files(articles)
        if planned_files(articles) != flat_files:
            methods.append((flat, store_bulk_in_one_flat_folder, args.repeats))
        else:
            layouts = (f"subfolders / one flat folder: the same layout (no folder holds more than "
                       f"{store_plan.CROWDED_FOLDER:,} files), not compared")
    rates = {}
    print(f"\n{'method':36} {'commits':>8} {'median s':>9} {'versions/s':>11}  runs (s)")
    timed = time_in_turns([method for _, method, _ in methods], articles,
                          [repeats for _, _, repeats in methods])
    for (name, _, _), (seconds, stored) in zip(methods, timed, strict=True):
        if seconds:
            median = statistics.median(seconds)
            rates[name] = stored / median if median else math.inf
            runs = ", ".join(f"{s:.2f}" for s in seconds)
            rate_column = f"{rates[name]:11.0f}" if median else f"{'-':>11}"
            print(f"{name:36} {stored:8d} {median:9.2f} {rate_column}  {runs}")
    for name, rate in rates.items():
        if math.isinf(rate):
            print(f"{name}: its median time was below the clock's resolution, so no rate")
    if peer in rates:
        ratio = rates[bulk] / rates[peer]  # NaN where both are infinite
        verdict = ("not judged" if math.isinf(rates[bulk]) or math.isinf(rates[peer])
                   else "met" if ratio >= 20 and rates[bulk] >= 1000 else "NOT met")
        print(f"\nbulk / peer: {faster_or_slower(ratio)}  (targets: >= 20x and >= 1,000 versions/s; "
              f"{verdict})")
    if flat in rates:
        print(f"subfolders / one flat folder: {faster_or_slower(rates[bulk] / rates[flat])}")
    if layouts:
        print(layouts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
