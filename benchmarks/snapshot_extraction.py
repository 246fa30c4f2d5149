"""Article text extraction from saved publisher pages: revdiff's reader against peers (every <p>,
trafilatura).

Pages are written here, not fetched: every version of the three sample chains (samples/versions)
and seeded random articles made of their paragraphs (one in three a short first take of a few
short lines), laid out by the three site layouts of
`revdiff.render.snapshot` and by two more layouts defined only in this script, whose furniture
(captions, "Follow us" prompts, video notices, author boxes) revdiff's furniture list does not
name. A page counts as right when the extracted paragraphs equal the article's, in order.

Methods, run in the same process on the same pages:
- naive: the text of every <p> element (BeautifulSoup), the baseline;
- trafilatura: `trafilatura.extract` with its default settings (comments and tables off);
- trafilatura-precision: the same with `favor_precision=True`;
- revdiff: what the saved-pages reader keeps (precision, site chrome pruned, known furniture
  taken out: `page_extraction.extract_paragraphs` + `page_furniture.remove_furniture`).

    python benchmarks/snapshot_extraction.py [--random 60] [--repeat 3]

Prints the share of pages extracted exactly per method and layout, the share of the articles'
paragraphs found, the extra (non-article) paragraphs per page, and the median time per page, as
`2.1x slower` or faster than the naive baseline's (or, where a median time is 0, a run shorter
than the clock's tick, that it is too fast to measure); the methods' timing runs take turns,
round after round, so a busy machine slows them alike.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import trafilatura
from bs4 import BeautifulSoup
from timing import faster_or_slower, medians_in_turns, speed_ratio

from revdiff.formats.page_extraction import extract_paragraphs
from revdiff.formats.page_furniture import remove_furniture
from revdiff.formats.text_input import collapse_whitespace
from revdiff.model import Version
from revdiff.render.snapshot import SITES, Site, render_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples"))
from make_samples import STORIES, read_story

# Layouts unknown to revdiff's furniture list: their in-body furniture must be left out by
# the extractor itself, or the page counts as wrong.
UNSEEN_SITES = (
    Site("broadcaster", "<div class='story-body__inner' property='articleBody'>", "</div>",
         "<p>{}</p>",
         ((0, "<figure><span class='media-caption'>Image copyright Getty Images</span></figure>"),
          (2, ("<div class='media-player'><p>Media playback is unsupported on your device</p>"
              "</div>"))),
         "<div id='orb-banner'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>"
         "Sport</a></div>",
         "<div class='story-more'><h2>More on this story</h2><ul><li><a href='/1'>Who was "
         "the general?</a></li></ul></div><div id='orb-footer'><p>Copyright 2020. We are not "
         "responsible for the content of external sites.</p></div>"),
    Site("magazine", "<section class='article__body'>", "</section>",
         "<p class='article__paragraph'>{}</p>",
         ((1, "<p class='promo'><em>Follow us on Instagram for more stories like this.</em></p>"),),
         "<div class='topbar'><p>Subscribe now: 12 issues for $12</p></div>",
         "<div class='author-box'><p>The author covers the Middle East and is based in "
         "Beirut.</p></div><div class='tags'><a href='/t/iran'>Iran</a> <a href='/t/us'>US</a>"
         "</div>"),
)


def naive_paragraphs(html: str) -> tuple[str, ...]:
    soup = BeautifulSoup(html, "html.parser")
    texts = (collapse_whitespace(p.get_text(" ")) for p in soup.find_all("p"))
    return tuple(t for t in texts if t)


def _trafilatura(precision: bool) -> Callable[[str], tuple[str, ...]]:
    def extract(html: str) -> tuple[str, ...]:
        text = trafilatura.extract(html, favor_precision=precision, include_comments=False,
                                   include_tables=False, deduplicate=False) or ""
        return tuple(p for p in (collapse_whitespace(line) for line in text.split("\n")) if p)
    return extract


def revdiff_paragraphs(html: str) -> tuple[str, ...]:
    return remove_furniture(extract_paragraphs(html)).paragraphs


METHODS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "naive": naive_paragraphs,
    "trafilatura": _trafilatura(precision=False),
    "trafilatura-precision": _trafilatura(precision=True),
    "revdiff": revdiff_paragraphs,
}


def make_pages(random_count: int) -> list[tuple[str, str, tuple[str, ...]]]:
    """(layout, html, expected paragraphs) for every chain version and `random_count` more."""
    chains = [read_story(story) for story in STORIES]
    layouts = SITES + UNSEEN_SITES
    pages = []
    for chain in chains:
        for version in chain.versions:
            for site in layouts:
                pages.append((site.name, render_page(chain.url or "", version, site),
                              version.paragraphs))
    pool = [p for chain in chains for v in chain.versions for p in v.paragraphs]
    rng = random.Random(20200103)
    for number in range(random_count):
        paragraphs = tuple(dict.fromkeys(rng.sample(pool, rng.randint(2, 12))))
        if number % 3 == 0:  # a first take: a few short lines, as breaking stories start
            paragraphs = tuple(dict.fromkeys(" ".join(p.split()[:rng.randint(4, 9)]) + "."
                                             for p in paragraphs[:3]))
        version = Version(number, rng.choice(pool)[:70], paragraphs)
        site = rng.choice(layouts)
        url = f"https://news.example.com/story/{number}"
        pages.append((site.name, render_page(url, replace(version), site), paragraphs))
    return pages


def read_all(pages: list[tuple[str, str, tuple[str, ...]]], read: Callable[[str], tuple[str, ...]]
             ) -> list[tuple[str, ...]]:
    """The paragraphs `read` extracts from every page: what is timed."""
    return [read(html) for _, html, _ in pages]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=60,
                        help="seeded random articles to add, 0 or more (default 60)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timing runs, 1 or more; times are medians (default 3)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more: each figure is the median of its runs")
    if args.random < 0:
        parser.error("--random must be 0 or more: the count of seeded random articles added to "
                     "the sample chains' pages")
    pages = make_pages(args.random)
    layouts = sorted({layout for layout, _, _ in pages})
    print(f"{len(pages)} pages, layouts: {', '.join(layouts)} "
          f"(unseen by revdiff's furniture list: {', '.join(s.name for s in UNSEEN_SITES)})")
    header = f"{'method':<22} {'exact':>7}  " + "  ".join(f"{name:>11}" for name in layouts)
    print(header + f"  {'found':>6}  {'extra':>6}  {'s/page':>8}  against naive")
    rows = []
    for name, method in METHODS.items():  # each method's first pass, before any is timed
        right = {layout: [0, 0] for layout in layouts}
        found = extra = wanted = 0
        for layout, html, expected in pages:
            got = method(html)
            right[layout][1] += 1
            right[layout][0] += got == expected
            found += len(set(got) & set(expected))
            extra += len(set(got) - set(expected))
            wanted += len(set(expected))
        total = sum(r[0] for r in right.values()) / len(pages)
        shares = "  ".join(f"{r[0]:>5}/{r[1]:<5}" for r in (right[x] for x in layouts))
        rows.append(f"{name:<22} {total:>7.1%}  {shares}  {found / wanted:>6.1%}  "
                    f"{extra / len(pages):>6.2f}")
    timed = medians_in_turns([functools.partial(read_all, pages, method) for method in METHODS.values()],
                             args.repeat)
    for k, (row, median) in enumerate(zip(rows, timed, strict=True)):
        against = "the baseline" if k == 0 else faster_or_slower(speed_ratio(median, timed[0]))
        print(f"{row}  {median / len(pages):>8.4f}  {against}")


if __name__ == "__main__":
    main()
