"""How well the column splitter recovers both versions from flattened News Sniffer diff pages.

Data (read from ../shared/corpus, never copied):
  * corpus pages: the 65 real pages in corpus/pages (page.txt with truth.json);
  * generated pages: every consecutive version pair of the Wikipedia chains in corpus/wikipedia,
    rendered with revdiff.render.sniffer (checked against the real pages by the tests);
  * chains: all pages of each Wikipedia article read together.
Peer, in the same run: a naive baseline that splits every non-match row at the space whose
halves are most alike (difflib ratio) and sends rows without a space to the new side.
Also estimated from the truth: the share of pages that hold a row nothing on the page decides
(no reader of one page alone can be sure of those), and the exact share of the other pages.

Usage: python benchmarks/split_accuracy.py [--limit N] [--skip-generated]
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from timing import median_seconds

from revdiff.formats.plain import split_paragraphs
from revdiff.formats.sniffer_text import parse_header, read_diff_texts
from revdiff.model import SURE_CONFIDENCE, RowKind, Version
from revdiff.render.sniffer import PageInfo, render_diff_text
from revdiff.splitter.evidence import gather_evidence
from revdiff.splitter.grammar import diff_rows, flatten_row

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def baseline_split(text: str) -> tuple[list[str], list[str]]:
    old: list[str] = []
    new: list[str] = []
    for line in parse_header(text, "baseline").body:
        row = line[1]
        half = len(row) // 2
        if len(row) % 2 == 0 and row[:half] == row[half:]:
            old.append(row[:half])
            new.append(row[half:])
            continue
        spaces = [i for i, c in enumerate(row) if c == " "]
        if not spaces:
            new.append(row)
            continue
        best = max(spaces, key=lambda s: difflib.SequenceMatcher(None, row[:s], row[s + 1:]).ratio())
        old.append(row[:best])
        new.append(row[best + 1:])
    return old, new


def flattened(paragraphs: list[str] | tuple[str, ...]) -> list[str]:
    """Paragraphs as a flattened page can carry them: whitespace runs (any, as the text
    extractor sees them, non-breaking spaces included) collapsed and trimmed."""
    return [" ".join(p.split()) for p in paragraphs]


def paragraphs_right(found: list[str] | tuple[str, ...], truth: list[str]) -> tuple[int, int]:
    available = Counter(found)
    right = 0
    for paragraph in truth:
        if available[paragraph] > 0:
            available[paragraph] -= 1
            right += 1
    return right, len(truth)


@functools.cache
def has_undecidable_row(truth_old: tuple[str, ...], truth_new: tuple[str, ...]) -> bool:
    """Does the page hold a row that nothing on it decides? An estimate, from the truth.

    It looks with the splitter's own evidence for a block of deleted rows that shares no
    repeated phrase with any row outside it (only the prior, which favours inserted rows,
    can pick its side), or for a change row that shares no phrase with any row, whose halves
    do not begin or end alike, and whose true boundary looks like another space of the row
    (a reader can only guess among them). Such pages are exact by luck alone; the share is a
    lower bound, since links within one version and other ties are not counted.
    """
    rows = diff_rows(truth_old, truth_new)
    evidence = gather_evidence([(i, flatten_row(row)) for i, row in enumerate(rows)])
    index = 0
    while index < len(rows):
        kind = rows[index][0]
        if kind is RowKind.OLD_ONLY:
            end = index
            while end < len(rows) and rows[end][0] is kind:
                end += 1
            if not any(not index <= other < end for i in range(index, end)
                       for _, other, _ in evidence[i].cross_pairs):
                return True
            index = end
            continue
        row = evidence[index]
        if kind is RowKind.CHANGE and not row.cross_pairs and not row.self_pairs:
            old_cell = rows[index][1] or ""
            truth_score = row.boundary[len(old_cell.split(" "))]
            if sum(value == truth_score for value in row.boundary[1:]) >= 2:
                return True
        index += 1
    return False


class Tally:
    def __init__(self) -> None:
        self.pages = self.exact = self.exact_text = self.right = self.total = 0
        self.sure_rows = self.sure_right = self.rows = self.rows_right = 0
        self.sure_pages = self.sure_pages_right = 0
        self.undecidable = self.decidable_exact = 0

    def add(self, old: list[str] | tuple[str, ...], new: list[str] | tuple[str, ...],
            truth_old: list[str], truth_new: list[str]) -> bool:
        self.pages += 1
        exact = list(old) == truth_old and list(new) == truth_new
        self.exact += exact
        if has_undecidable_row(tuple(truth_old), tuple(truth_new)):  # the same for every tally
            self.undecidable += 1
        else:
            self.decidable_exact += exact
        self.exact_text += flattened(old) == flattened(truth_old) and flattened(new) == flattened(truth_new)
        for found, truth in ((old, truth_old), (new, truth_new)):
            right, total = paragraphs_right(found, truth)
            self.right += right
            self.total += total
        return exact

    def add_rows(self, readings: list[tuple[bool, float]], page_exact: bool, page_sure: bool) -> None:
        for right, confidence in readings:
            self.rows += 1
            self.rows_right += right
            if confidence >= SURE_CONFIDENCE:
                self.sure_rows += 1
                self.sure_right += right
        if page_sure:
            self.sure_pages += 1
            self.sure_pages_right += page_exact

    def line(self, name: str) -> str:
        def share(a: int, b: int) -> str:
            return f"{100 * a / b:6.2f}%" if b else "     -"
        return (f"{name:<28} {self.pages:>6} {share(self.exact, self.pages)} "
                f"{share(self.exact_text, self.pages)} "
                f"{share(self.right, self.total)} {share(self.rows_right, self.rows)} "
                f"{share(self.sure_rows, self.rows)} {share(self.sure_right, self.sure_rows)} "
                f"{share(self.sure_pages_right, self.sure_pages)} "
                f"{share(self.undecidable, self.pages)} "
                f"{share(self.decidable_exact, self.pages - self.undecidable)}")


def truth_rows(truth_old: list[str], truth_new: list[str]) -> list[tuple[str, str | None, str | None]]:
    return [(k.value, o, n) for k, o, n in diff_rows(truth_old, truth_new)]


def score_article(article, texts_truth, tally: Tally) -> None:  # type: ignore[no-untyped-def]
    by_number = {v.number: v for v in article.versions}
    for page, (old_number, new_number, truth_old, truth_new) in zip(article.pages, texts_truth):
        old = by_number[old_number].paragraphs
        new = by_number[new_number].paragraphs
        exact = tally.add(old, new, truth_old, truth_new)
        expected = truth_rows(truth_old, truth_new)
        readings = []
        for row, (kind, cell_old, cell_new) in zip(page.rows, expected):
            readings.append((row.kind.value == kind and row.old == cell_old and row.new == cell_new,
                             row.confidence))
        tally.add_rows(readings, exact, page.confidence >= SURE_CONFIDENCE)


def wikipedia_chains(limit: int | None) -> list[tuple[str, list[tuple[str, ...]]]]:
    root = SHARED / "corpus" / "wikipedia"
    chains = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.txt"), key=lambda f: int(f.stem))
        chains.append((folder.name, [split_paragraphs(f.read_text(encoding="utf-8")) for f in files]))
    return chains[:limit] if limit else chains


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N Wikipedia articles")
    parser.add_argument("--skip-generated", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(f"skipped: {SHARED / 'corpus'} is not there", file=sys.stderr)
        return 0
    header = (f"{'set':<28} {'pages':>6} {'exact':>7} {'exact ws':>7} {'paras':>7} {'rows':>7} "
              f"{'sure':>7} {'sure ok':>7} {'sure pg ok':>7} {'undecid':>7} {'ex rest':>7}")
    results = []
    timings: list[tuple[int, float]] = []

    corpus = sorted((SHARED / "corpus" / "pages").glob("*/page.txt"))
    revdiff_pages, baseline_pages = Tally(), Tally()
    for page in corpus:
        truth = json.loads((page.parent / "truth.json").read_text(encoding="utf-8"))
        text = page.read_text(encoding="utf-8")
        started = time.perf_counter()
        [article] = read_diff_texts([(str(page), text)])
        timings.append((len(article.pages[0].rows), time.perf_counter() - started))
        numbers = (article.pages[0].old_number, article.pages[0].new_number)
        score_article(article, [(*numbers, truth["old"], truth["new"])], revdiff_pages)
        baseline_pages.add(*baseline_split(text), truth["old"], truth["new"])
    results += [revdiff_pages.line("corpus pages: revdiff"), baseline_pages.line("corpus pages: baseline")]

    if not args.skip_generated:
        single, baseline, joint = Tally(), Tally(), Tally()
        for slug, versions in wikipedia_chains(args.limit):
            info = PageInfo(source="wikipedia", url=f"https://en.wikipedia.org/wiki/{slug}",
                            changes=len(versions))
            texts, truths = [], []
            for k in range(len(versions) - 1):
                old = Version(k, slug, versions[k])
                new = Version(k + 1, slug, versions[k + 1])
                text = render_diff_text(old, new, info)
                texts.append((f"{slug}-v{k}", text))
                truths.append((k, k + 1, list(versions[k]), list(versions[k + 1])))
                started = time.perf_counter()
                [article] = read_diff_texts([(f"{slug}-v{k}", text)])
                timings.append((len(article.pages[0].rows), time.perf_counter() - started))
                score_article(article, [truths[-1]], single)
                baseline.add(*baseline_split(text), list(versions[k]), list(versions[k + 1]))
            [article] = read_diff_texts(texts)
            score_article(article, truths, joint)
        results += [single.line("generated: revdiff"), baseline.line("generated: baseline"),
                    joint.line("generated chains: joint")]

    print(header)
    print("\n".join(results))
    print("exact: pages whose two versions come back exactly; exact ws: the same once runs of"
          " whitespace,\nwhich flattening collapses, are collapsed in the truth too;"
          " paras: paragraphs recovered; rows: rows read right;\nsure: rows with confidence >= "
          f"{SURE_CONFIDENCE}; sure ok: of those, read right; sure pg ok: pages with confidence"
          f" >= {SURE_CONFIDENCE} that are exact;\nundecid: pages holding a row that nothing on the"
          " page decides (estimated from the truth, a lower bound; see has_undecidable_row);\n"
          "ex rest: exact share of the other pages")
    by_size = sorted(timings)
    small = [t for n, t in by_size if n <= 50]
    large = [t for n, t in by_size if n >= 150]
    print(f"\nspeed: median {1000 * statistics.median(t for _, t in timings):.1f} ms per page "
          f"over {len(timings)} pages")
    if small and large:
        small_rows = statistics.median(n for n, _ in by_size if n <= 50)
        large_rows = statistics.median(n for n, _ in by_size if n >= 150)
        print(f"  pages <= 50 rows (median {small_rows:.0f}): {1000 * statistics.median(small):.1f} ms;"
              f" pages >= 150 rows (median {large_rows:.0f}): {1000 * statistics.median(large):.1f} ms")
    if not args.skip_generated:
        print(long_chain_speed())
    return 0


def long_chain_speed(slug: str = "hearst-communications", pages: int = 60, repeats: int = 3) -> str:
    """Reading a long chain jointly against reading its pages one by one (medians of runs).

    The chain cycles forth and back through the versions of one article of about a hundred
    paragraphs, as a live story's many updates would.
    """
    folder = SHARED / "corpus" / "wikipedia" / slug
    files = sorted(folder.glob("*.txt"), key=lambda f: int(f.stem))
    versions = [split_paragraphs(f.read_text(encoding="utf-8")) for f in files]
    cycle = versions + versions[-2:0:-1]
    sequence = [cycle[k % len(cycle)] for k in range(pages + 1)]
    texts = [(f"{slug}-v{k}", render_diff_text(Version(k, slug, sequence[k]),
                                               Version(k + 1, slug, sequence[k + 1]), PageInfo()))
             for k in range(pages)]
    joint = median_seconds(lambda: read_diff_texts(texts), repeats)
    alone = median_seconds(lambda: [read_diff_texts([text]) for text in texts], repeats)
    return (f"chain of {pages} pages ({slug}, cycled): joint {joint:.2f} s, pages alone "
            f"{alone:.2f} s, joint / alone {joint / alone:.2f}")


if __name__ == "__main__":
    sys.exit(main())
