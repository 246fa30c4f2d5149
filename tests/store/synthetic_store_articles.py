"""Deterministic articles for store tests that need many versions (and for their child process)."""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta, timezone

from revdiff.model import Article, Version

WORDS = ["minister", "said", "talks", "would", "resume", "after", "the", "vote", "on", "Tuesday", "while",
         "officials", "denied", "any", "deal", "had", "been", "reached", "and", "markets", "fell", "sharply",
         "in", "early", "trading"]


def synthetic_articles(articles: int = 400, versions: int = 10, seed: int = 6) -> list[Article]:
    """`articles` articles of `versions` versions each, every version different from the last."""
    rng = random.Random(seed)
    zone = timezone(timedelta(hours=-5))
    result = []
    for a in range(articles):
        paragraphs = [" ".join(rng.choices(WORDS, k=30)) for _ in range(12)]
        chain = []
        for v in range(versions):
            paragraphs[rng.randrange(len(paragraphs))] = " ".join(rng.choices(WORDS, k=30))
            paragraphs.append(f"Update {v}: " + " ".join(rng.choices(WORDS, k=10)))
            when = datetime(2021, 3, 1, 8, 0, tzinfo=zone) + timedelta(hours=a, minutes=7 * v)
            chain.append(Version(v + 1, f"Story {a} (v{v + 1})", tuple(paragraphs), when))
        result.append(Article("synthetic", f"https://news.example.org/2021/story-{a}",
                              tuple(chain)))
    return result


if __name__ == "__main__":  # the child process of the crash test: store, with frequent checkpoints
    from revdiff.store.writer import store_articles

    store_articles(synthetic_articles(int(sys.argv[2]), int(sys.argv[3])), sys.argv[1],
                   checkpoint_every=int(sys.argv[4]))
