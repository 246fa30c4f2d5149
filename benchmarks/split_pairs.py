"""Pages of versions further apart: how often an article comes back exactly when its saved pages
compare pairs of versions that are not all consecutive (News Sniffer compares any two).

Data (split_data.py; read from ../shared/corpus, never copied): the held-out chains, real
(Wikipedia, corpus/chains) and news (generated from cased news text). For each chain of three or
more versions, pages are flattened (split_data.flattened_page: the real flattener's symbol
drops included) for four sets of version pairs:
  * consecutive: v0-v1, v1-v2, ... (the usual chain, for comparison);
  * from the first: v0-v1, v0-v2, v0-v3, ... (every page shares only version 0);
  * skipping: v0-v2, v2-v4, ... with v1-v2, v3-v4, ... (every other pair skips a version);
  * all pairs: the first 8 of v0-v1, v0-v2, ..., v1-v2, ... in that order.
An article is exact when every version some page shows comes back with the right paragraphs
(compared by their word characters). Peer, in the same run: each page read alone, a version
taken from the first page that shows it.

Usage: python benchmarks/split_pairs.py [--chains N]   (default: 40 of each kind)
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence

from split_data import (
    TrueChain,
    corpus_available,
    flattened_page,
    news_chains,
    real_chains,
    word_characters,
)

from revdiff.formats.sniffer_text import read_diff_texts
from revdiff.model import Version
from revdiff.render.sniffer import PageInfo

Pages = list[tuple[str, str]]
ALL_PAIRS_SHOWN = 8


def pair_sets(versions: int) -> dict[str, list[tuple[int, int]]]:
    skipping = ([(k, k + 2) for k in range(0, versions - 2, 2)]
                + [(k, k + 1) for k in range(1, versions - 1, 2)])
    return {
        "consecutive": [(k, k + 1) for k in range(versions - 1)],
        "from the first": [(0, k) for k in range(1, versions)],
        "skipping": skipping,
        "all pairs": [(a, b) for a in range(versions) for b in range(a + 1, versions)][:ALL_PAIRS_SHOWN],
    }


def read_together(pages: Pages) -> dict[int, tuple[str, ...]]:
    [article] = read_diff_texts(pages)
    return {v.number: v.paragraphs for v in article.versions}


def read_alone(pages: Pages) -> dict[int, tuple[str, ...]]:
    found: dict[int, tuple[str, ...]] = {}
    for page in pages:
        [article] = read_diff_texts([page])
        for version in article.versions:
            found.setdefault(version.number, version.paragraphs)
    return found


def exact(found: dict[int, tuple[str, ...]], chain: TrueChain, pairs: Sequence[tuple[int, int]]) -> bool:
    shown = {number for pair in pairs for number in pair}
    return all(number in found and word_characters(found[number]) == word_characters(chain.versions[number])
               for number in shown)


def tally(name: str, chains: list[TrueChain]) -> None:
    counts: dict[str, list[int]] = {}
    for chain in chains:
        rng = random.Random(chain.slug)
        info = PageInfo(source="bench", url=f"https://example.com/{chain.slug}", changes=len(chain.versions))
        for kind, pairs in pair_sets(len(chain.versions)).items():
            pages = [(f"v{a}-v{b}", flattened_page(Version(a, "T", chain.versions[a]),
                                                   Version(b, "T", chain.versions[b]), info, rng))
                     for a, b in pairs]
            right = counts.setdefault(kind, [0, 0])
            right[0] += exact(read_together(pages), chain, pairs)
            right[1] += exact(read_alone(pages), chain, pairs)
    for kind, (together, alone) in counts.items():
        print(f"{name:<6} {kind:<15} {len(chains):>4} articles: read together {together:>3} exact, "
              f"each page alone (peer) {alone:>3}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chains", type=int, default=40, help="chains of each kind (default 40)")
    args = parser.parse_args()
    if args.chains < 1:
        parser.error("--chains must be 1 or more: each kind's figures count its chains")
    if not corpus_available():
        sys.exit("split_pairs.py needs ../shared/corpus (the held-out chains)")
    for name, chains in (("news", news_chains(held_out=True)), ("real", real_chains(held_out=True))):
        tally(name, [chain for chain in chains if len(chain.versions) >= 3][:args.chains])


if __name__ == "__main__":
    main()
