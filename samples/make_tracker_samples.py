"""Regenerate the tracker samples from the version chains in samples/versions/.

    python samples/make_tracker_samples.py [--out DIR]

Writes, into samples/ (into DIR with --out, to compare them with the committed ones) and byte
for byte the same on every run (the .db files only with the same SQLite library, whose version
SQLite records in the file: see samples/README.md):
  samples/nytdiff-titles.db       NYTdiff's original tables (nyt_ids, nyt_versions), times in
                                  Buenos Aires local time without a zone, as the tracker stores them
  samples/nytdiff-rss-titles.db   the RSS fork's tables (rss_ids, rss_versions), every version 1,
                                  times in Los Angeles local time
  samples/diffengine.db           diffengine's tables (feed, entry, feedentry, entryversion, diff)
  samples/snapshots/<story>/<14-digit time>.html  saved publisher pages of two stories, one page
                                  per version, with site furniture around the article
The chains' titles, times and URLs are in make_samples.py.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import timedelta, timezone
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
sys.path.insert(0, str(SAMPLES))

from make_samples import STORIES, main, read_story, write_text

from revdiff.model import Article
from revdiff.render import diffengine, nytdiff, snapshot

BUENOS_AIRES = timezone(timedelta(hours=-3))
LOS_ANGELES = timezone(timedelta(hours=-8))


def numbered_from_one(article: Article, local: timezone | None = None) -> Article:
    """The chain as a tracker numbers it (1, 2, ...), in a tracker's local time when given."""
    versions = []
    for version in article.versions:
        time = version.time
        if local is not None and time is not None:
            time = time.astimezone(local).replace(tzinfo=None)
        versions.append(replace(version, number=version.number + 1, time=time))
    return replace(article, versions=tuple(versions))


def write_samples(directory: Path) -> list[Path]:
    chains = [read_story(story) for story in STORIES]
    written = []
    for name, variant, local in (("nytdiff-titles.db", "nyt", BUENOS_AIRES),
                                 ("nytdiff-rss-titles.db", "rss", LOS_ANGELES)):
        nytdiff.write_database(directory / name, [numbered_from_one(c, local) for c in chains],
                               variant)
        written.append(directory / name)
    diffengine.write_database(directory / "diffengine.db", [numbered_from_one(c) for c in chains])
    written.append(directory / "diffengine.db")
    for story, chain in zip(STORIES[:2], chains[:2]):
        for version in chain.versions:
            assert version.time is not None
            page = snapshot.render_page(chain.url or "", version, snapshot.SITES[version.number % 3])
            stamp = version.time.strftime("%Y%m%d%H%M%S")
            written += write_text(directory / "snapshots" / story.slug / f"{stamp}.html", page)
    return written


if __name__ == "__main__":
    main(write_samples, __doc__)
