"""How the News Sniffer HTML diff page reader's time grows with the page, against html.parser
reading the same text in the same run.

Two kinds of made-up page, each at 1x, 4x and 16x its size: one of `--rows` body rows (a long
article), and one whose diff table follows `--depth` nested `<div>`s (hostile markup, which the
reader refuses past `open_elements.MAX_DEPTH`: the time is that of the refusal). The reader and the
peer (`html.parser.HTMLParser` fed the page, the least any reader of it on html.parser does)
take turns, round after round (`timing.medians_in_turns`), so that a busy machine slows them
alike. For each page the script prints the medians of both and how many times slower the reader
is: a reader whose time grows as the page does keeps that ratio from 1x to 16x.

    python benchmarks/sniffer_html_scale.py [--rows 1000] [--depth 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable
from html.parser import HTMLParser

from timing import faster_or_slower, medians_in_turns, speed_ratio

from revdiff.errors import MalformedPage
from revdiff.formats.sniffer_html import read_diff_page
from revdiff.model import Version
from revdiff.render.sniffer import PageInfo, render_diff_html

SCALES = (1, 4, 16)


def rows_page(rows: int) -> str:
    """A diff page of `rows` body rows, each paragraph edited."""
    old = Version(0, "Title", tuple(f"Paragraph {n} said one thing." for n in range(rows)))
    new = Version(1, "Title", tuple(f"Paragraph {n} said another." for n in range(rows)))
    return render_diff_html(old, new, PageInfo())


def nested_page(depth: int) -> str:
    """A diff page of two rows whose table follows `depth` nested `<div>`s, each ended."""
    table = '<table class="version_diff">'
    page = rows_page(2)
    return page.replace(table, "<div>" * depth + "\n" + "</div>" * depth + "\n" + table, 1)


def read(page: str) -> None:
    try:
        read_diff_page(page, "made-up.html")
    except MalformedPage:  # nested too deep: refusing it is the reader's work
        pass


def parse_alone(page: str) -> None:
    parser = HTMLParser()
    parser.feed(page)
    parser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000,
                        help="body rows of the 1x long page (default 1000)")
    parser.add_argument("--depth", type=int, default=20000,
                        help="nested <div>s of the 1x deep page (default 20000)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each case (default 3)")
    options = parser.parse_args()
    if options.rounds < 1:
        parser.error("--rounds must be 1 or more: each figure is the median of its runs")
    if options.rows < 1 or options.depth < 1:
        parser.error("--rows and --depth must be 1 or more")
    kinds: list[tuple[str, Callable[[int], str], int]] = [
        ("rows", rows_page, options.rows), ("nested", nested_page, options.depth)]
    print(f"{'page':>18}  {'size':>8}  {'reader':>8}  {'html.parser':>11}  reader against html.parser")
    for kind, make, base in kinds:
        for scale in SCALES:
            page = make(base * scale)
            reader, peer = medians_in_turns(
                [functools.partial(read, page), functools.partial(parse_alone, page)], options.rounds)
            print(f"{f'{kind} {base * scale}':>18}  {len(page.encode()) / 1e6:>5.2f} MB  "
                  f"{reader:>6.2f} s  {peer:>9.2f} s  "
                  f"{faster_or_slower(speed_ratio(reader, peer))}")


if __name__ == "__main__":
    main()
