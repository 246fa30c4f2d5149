"""How large the HTML report's page of a live blog grows with its versions.

A generated blog of N versions, each adding a paragraph and editing the one before it, under ten
paragraphs that never change. For each N the script prints the size of the article's report
page, of `revdiff diff --format html`'s page of it, and of the report page had every pair shown
its unchanged sentences again (the peer: the same page, its timeline, charts and headings, with
each pair's table made as the first pair's is, whose folds open to show them, as every pair's did
before a later pair linked to where the page shows them), and the ratio of the peer's size to the
report page's: the first two grow with N, the peer with N squared; at 2 versions, one pair, the
two pages are one. Each size is that of text generated and rendered alike in every run, the same
from run to run, so each is measured once, not as a median of rounds.

    python benchmarks/html_page_size.py [--versions 50 200 500]
"""

from __future__ import annotations

import argparse

from revdiff.export.comparison_html import ShownSentences, comparison_table, comparisons_html
from revdiff.export.html_report import render_html
from revdiff.export.pairs import compare_chain, pair_reading
from revdiff.export.records import article_ref
from revdiff.model import Article, Comparison, Version

STEADY = [f"Paragraph {n} says that officials met on day {n} to talk about the talks."
          for n in range(10)]


def live_blog(count: int) -> Article:
    """`count` versions: version k holds the steady paragraphs and updates 1 to k, update k - 1
    edited (its last word changed) and update k new."""
    versions = []
    for k in range(count):
        updates = [f"Update {u} tells what happened at hour {u} of the "
                   f"{'night' if u == k - 1 else 'day'}." for u in range(1, k + 1)]
        versions.append(Version(k, "Live", (*STEADY, *updates)))
    return Article("blog", "https://example.com/live", tuple(versions), count)


def unfolded_page_size(page: int, article: Article, comparisons: list[Comparison]) -> int:
    """The size of the report page (`page` bytes) with each pair's table made as the first
    pair's is, folds that open to show its unchanged sentences, where the page's later tables
    link to the sentences an earlier one shows: its tables, made as the page makes them in turn,
    swapped for those."""
    shown = ShownSentences()
    linked = unfolded = 0
    for comparison in comparisons:
        reading = pair_reading(article, comparison)
        linked += len(comparison_table(comparison, shown=shown, reading=reading).encode())
        unfolded += len(comparison_table(comparison, shown=ShownSentences(),
                                         reading=reading).encode())
    return page - linked + unfolded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", type=int, nargs="+", default=[50, 200, 500],
                        help="versions of each generated blog (default 50 200 500)")
    args = parser.parse_args()
    if min(args.versions) < 2:
        parser.error("--versions must be 2 or more: a blog of fewer has no pair to compare")
    print(f"{'versions':>8}  {'report page':>11}  {'diff page':>9}  "
          f"{'report page, every pair unfolded':>32}  {'unfolded / report':>17}")
    for count in args.versions:
        article = live_blog(count)
        comparisons = compare_chain(article, "auto")
        (_, pieces), _ = render_html(article_ref(0, article, "live"), article, comparisons)
        page = sum(len(piece.encode()) for piece in pieces)
        pairs = [(comparison, None) for comparison in comparisons]
        diff_page = sum(len(piece.encode()) for piece in comparisons_html([(None, pairs)]))
        unfolded = unfolded_page_size(page, article, comparisons)
        print(f"{count:>8}  {page / 1e6:>8.2f} MB  {diff_page / 1e6:>6.2f} MB  "
              f"{unfolded / 1e6:>29.2f} MB  {unfolded / page:>16.1f}x")


if __name__ == "__main__":
    main()
