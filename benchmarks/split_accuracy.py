"""How well the column splitter recovers both versions from flattened News Sniffer diff pages.

Data (split_data.py; read from ../shared/corpus, never copied):
  * real pages: every page of the Wikipedia chains in corpus/chains, flattened by the real
    pipeline (News Sniffer's diff code, then Resiliparse, which drops some symbols), in the
    tuning slice (the splitter's weights were learned there) and the held-out slice (never
    tuned on); and the 65 published pages of corpus/pages;
  * news pages: chains generated from cased news text (seeds 000-003, samples/versions) with
    breaking-news edits, tuning and held-out stories;
  * essay pages: the drafts of the ArgRewrite essays in corpus/align (cased prose revised by its
    writers), rendered and flattened like the news pages; never tuned on.
Each page is read alone, and each chain jointly. Peer, in the same run: a naive splitter that
cuts every non-match row at the space whose halves are most alike (difflib's quick_ratio, the
share of characters they have in common), sends rows without a space to the new side, and gives
each row that ratio as its confidence.

Measures: exact pages (paragraphs equal once compared by their word characters, and strictly);
paragraphs right; decision rows (every row but a glued `X`+`X` match) read right, called sure
(confidence >= 0.99) and right when sure; a reliability table (confidence bins against accuracy)
and the expected calibration error, for decision rows and glued rows apart; chains read exactly
(strictly wherever some page kept a paragraph intact, up to dropped symbols elsewhere);
speed against the peer, also on made-up pages whose inserted paragraphs all share phrases with
each other (the worst case of the decoder's joint moves).

Usage: python benchmarks/split_accuracy.py [--quick]   (--quick: every 4th chain)
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations, pairwise

from split_data import (
    CORPUS,
    MOSTLY_REWORDED,
    SHARED,
    TrueChain,
    TruePage,
    corpus_available,
    essay_chains,
    news_chains,
    real_chains,
    real_single_pages,
    word_characters,
)
from timing import medians_in_turns

from revdiff.errors import RevdiffError
from revdiff.formats import load
from revdiff.formats.sniffer_text import parse_header, read_diff_texts
from revdiff.model import SURE_CONFIDENCE, Article, PageReading, RowKind, Version
from revdiff.render.sniffer import PageInfo, render_diff_text
from revdiff.splitter.evidence import is_glued_match
from revdiff.splitter.grammar import diff_rows, flatten_row
from revdiff.splitter.symbols import same_up_to_symbols, symbol_key

Reading = tuple[list[str], list[str], list[tuple[int, RowKind, int | None, float]]]
BINS = (0.0, 0.5, 0.7, 0.9, 0.99, 1.01)


def baseline_read(page: TruePage) -> Reading:
    """The peer: split each row where its halves are most alike; glued rows are matches."""
    old: list[str] = []
    new: list[str] = []
    rows: list[tuple[int, RowKind, int | None, float]] = []
    for number, row in parse_header(page.text, page.name).body:
        if is_glued_match(row):
            half = len(row) // 2
            old.append(row[:half])
            new.append(row[half:])
            rows.append((number, RowKind.MATCH, half, 1.0))
            continue
        spaces = [i for i, c in enumerate(row) if c == " "]
        if not spaces:
            new.append(row)
            rows.append((number, RowKind.NEW_ONLY, None, 0.5))
            continue
        ratios = [(difflib.SequenceMatcher(None, row[:s], row[s + 1:]).quick_ratio(), s) for s in spaces]
        ratio, best = max(ratios)
        old.append(row[:best])
        new.append(row[best + 1:])
        rows.append((number, RowKind.CHANGE, best + 1, ratio))
    return old, new, rows


def revdiff_read(page: TruePage) -> Reading:
    [article] = read_diff_texts([(page.name, page.text)])
    return page_reading(article, article.pages[0])


def page_reading(article: Article, reading: PageReading) -> Reading:
    """One page of an article as revdiff read it: its two versions' paragraphs and its rows."""
    versions = {v.number: v for v in article.versions}
    return (list(versions[reading.old_number].paragraphs), list(versions[reading.new_number].paragraphs),
            [(r.line, r.kind, r.boundary, r.confidence) for r in reading.rows])


def paragraphs_right(found: Sequence[str], truth: Sequence[str]) -> int:
    available: dict[str, int] = {}
    for paragraph in word_characters(found):
        available[paragraph] = available.get(paragraph, 0) + 1
    right = 0
    for paragraph in word_characters(truth):
        if available.get(paragraph, 0) > 0:
            available[paragraph] -= 1
            right += 1
    return right


@dataclass
class Tally:
    pages: int = 0
    exact: int = 0
    strict: int = 0
    right: int = 0
    total: int = 0
    decisions: list[tuple[float, bool]] = field(default_factory=list)
    glued: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, page: TruePage, reading: Reading) -> None:
        old, new, rows = reading
        self.pages += 1
        self.exact += (word_characters(old) == word_characters(page.old)
                       and word_characters(new) == word_characters(page.new))
        self.strict += list(old) == list(page.old) and list(new) == list(page.new)
        self.right += paragraphs_right(old, page.old) + paragraphs_right(new, page.new)
        self.total += len(page.old) + len(page.new)
        truth = page.line_truth(parse_header(page.text, page.name).body)
        for line, kind, boundary, confidence in rows:
            if line not in truth:
                continue
            right = (kind, boundary) == truth[line]
            # only a glued X+X row is read as a match row; every other row is a decision
            (self.glued if kind is RowKind.MATCH else self.decisions).append((confidence, right))

    def line(self, name: str) -> str:
        def share(a: float, b: float) -> str:
            return f"{100 * a / b:6.1f}%" if b else "      -"
        sure = [right for confidence, right in self.decisions if confidence >= SURE_CONFIDENCE]
        return (f"{name:<34} {self.pages:>5} {share(self.exact, self.pages)} "
                f"{share(self.strict, self.pages)} {share(self.right, self.total)} "
                f"{share(sum(r for _, r in self.decisions), len(self.decisions))} "
                f"{share(len(sure), len(self.decisions))} {share(sum(sure), len(sure))}")


def reliability(points: list[tuple[float, bool]]) -> tuple[str, float]:
    """Rows per confidence bin with their accuracy, and the expected calibration error."""
    cells = []
    error = 0.0
    for low, high in pairwise(BINS):
        inside = [(c, r) for c, r in points if low <= c < high]
        if not inside:
            cells.append(f"[{low:.2f},{min(high, 1):.2f}): -")
            continue
        accuracy = sum(r for _, r in inside) / len(inside)
        mean = sum(c for c, _ in inside) / len(inside)
        error += len(inside) * abs(accuracy - mean)
        cells.append(f"[{low:.2f},{min(high, 1):.2f}): {len(inside)} rows, {100 * accuracy:.1f}% right")
    return "  ".join(cells), error / len(points) if points else 0.0


def read_pages(pages: Iterable[TruePage], read: Callable[[TruePage], Reading]) -> Tally:
    tally = Tally()
    for page in pages:
        tally.add(page, read(page))
    return tally


def held_paragraphs(chain: TrueChain) -> set[str]:
    """The paragraphs some page of the chain shows intact: a cell of a row the flattener kept."""
    held: set[str] = set()
    for page in chain.pages:
        lines = {line for _, line in parse_header(page.text, page.name).body}
        for row in diff_rows(page.old, page.new):
            if flatten_row(row) in lines:
                held.update(cell for cell in row[1:] if cell is not None)
    return held


def chain_exact(chain: TrueChain) -> tuple[bool, bool, Tally]:
    """Is the chain read exactly: by word characters, and strictly wherever some page kept a
    paragraph intact? A paragraph no page kept intact must come back up to dropped symbols; one
    that was only such a symbol, and whose row vanished everywhere, cannot come back at all.
    Also the tally of its pages' rows as read together (their confidences included)."""
    [article] = read_diff_texts([(p.name, p.text) for p in chain.pages])
    held = held_paragraphs(chain)
    rows = Tally()
    pages = {page.name: page for page in chain.pages}
    for reading in article.pages:
        rows.add(pages[reading.name], page_reading(article, reading))
    found = [v.paragraphs for v in article.versions]
    truth = [tuple(p for p in version if p in held or symbol_key(p)) for version in chain.versions]
    if [len(v) for v in found] != [len(v) for v in truth]:
        return False, False, rows
    pairs = [(a, b) for got, want in zip(found, truth) for a, b in zip(got, want)]
    by_words = all(word_characters([a]) == word_characters([b])
                   or (b not in held and same_up_to_symbols(a, b)) for a, b in pairs)
    strict = all(a == b or (b not in held and same_up_to_symbols(a, b)) for a, b in pairs)
    return by_words, strict, rows


def chains_line(name: str, chains: list[TrueChain]) -> str:
    results = [chain_exact(chain) for chain in chains]
    words = sum(w for w, _, _ in results)
    strict = sum(s for _, s, _ in results)
    decisions = [point for _, _, rows in results for point in rows.decisions]
    sure = [right for confidence, right in decisions if confidence >= SURE_CONFIDENCE]
    return (f"{name:<34} {len(chains):>5} chains: {100 * words / len(chains):5.1f}% exact, "
            f"{100 * strict / len(chains):5.1f}% strictly where a page kept the paragraph; "
            f"decision rows {100 * sum(r for _, r in decisions) / len(decisions):.1f}% right, "
            f"{100 * len(sure) / len(decisions):.1f}% sure, {100 * sum(sure) / max(1, len(sure)):.1f}% of "
            f"those right")


def with_html_line() -> str:
    """Each published corpus page read from its flattened text together with its HTML page,
    which gives both versions exactly: how many come back exactly, and how many are refused."""
    exact = refused = 0
    pages = list(real_single_pages())
    for page in pages:
        folder = CORPUS / "pages" / page.name
        try:
            [article] = load([str(folder / "page.html"), str(folder / "page.txt")])
        except RevdiffError:
            refused += 1
            continue
        exact += [v.paragraphs for v in article.versions] == [page.old, page.new]
    return (f"published corpus pages read with their HTML page: {exact} of {len(pages)} exact, "
            f"{refused} refused as disagreeing")


def seed_004() -> str:
    path = SHARED / "seeds" / "004_40d47a86cd9220f1.txt"
    [article] = read_diff_texts([(path.name, path.read_text(encoding="utf-8"))])
    rows = article.pages[0].rows
    runs: list[tuple[RowKind, int]] = []
    for row in rows:
        if runs and runs[-1][0] is row.kind:
            runs[-1] = (row.kind, runs[-1][1] + 1)
        else:
            runs.append((row.kind, 1))
    shape = " + ".join(f"{count} {kind.value}" for kind, count in runs)
    sure = sum(row.is_sure for row in rows)
    return f"seed 004: {shape}; {sure} of {len(rows)} rows sure"


def speed(pages: list[TruePage]) -> str:
    """Median time per page by size, and a 200-row page against the peer (medians of runs in
    which the two take turns)."""
    timings = []
    for page in pages:
        rows = len(parse_header(page.text, page.name).body)
        started = time.perf_counter()
        revdiff_read(page)
        timings.append((rows, time.perf_counter() - started))
    small = [t for n, t in timings if n <= 50]
    large = [t for n, t in timings if 150 <= n <= 250]
    sized = min(pages, key=lambda p: abs(len(parse_header(p.text, p.name).body) - 200))
    rows = len(parse_header(sized.text, sized.name).body)
    ours, peer = medians_in_turns([partial(revdiff_read, sized), partial(baseline_read, sized)], 5)
    return (f"speed: median {1000 * statistics.median(t for _, t in timings):.1f} ms over {len(timings)}"
            f" pages; <= 50 rows: {1000 * statistics.median(small):.1f} ms; 150-250 rows: "
            f"{1000 * statistics.median(large) if large else float('nan'):.1f} ms\n"
            f"  a {rows}-row page ({sized.name}): revdiff {1000 * ours:.1f} ms, peer {1000 * peer:.1f} ms,"
            f" ratio {ours / peer:.2f}\n" + linked_speed() + "\n" + rewrite_speed(pages))


def linked_speed() -> str:
    """Time on made-up pages whose inserted paragraphs all share phrases with each other."""
    lines = []
    for paragraphs in (20, 40, 80):
        page = linked_page(paragraphs)
        ours, peer = medians_in_turns([partial(revdiff_read, page), partial(baseline_read, page)], 3)
        lines.append(f"  a linked page of {2 * paragraphs} rows, {len(page.text.split())} words: revdiff "
                     f"{1000 * ours:.0f} ms, peer {1000 * peer:.0f} ms, ratio {ours / peer:.2f}")
    return "\n".join(lines)


def rewrite_speed(pages: list[TruePage]) -> str:
    """Time on made-up pages of one gap: a story of N paragraphs replaced by another under the
    same URL (N change rows, no match row), from distinct paragraphs of the given pages."""
    paragraphs = list(dict.fromkeys(p for page in pages for p in (*page.old, *page.new)
                                    if 20 <= len(p.split()) <= 80))
    lines = []
    for rows in (100, 200, 400, 800):
        if 2 * rows > len(paragraphs):
            break
        old, new = tuple(paragraphs[:rows]), tuple(paragraphs[rows:2 * rows])
        info = PageInfo(source="made-up", url="https://example.com/rewrite", changes=2)
        page = TruePage(f"rewrite-{rows}", render_diff_text(Version(0, "rewrite", old),
                                                            Version(1, "rewrite", new), info),
                        old, new)
        ours, peer = medians_in_turns([partial(revdiff_read, page), partial(baseline_read, page)], 3)
        lines.append(f"  a rewritten page of {rows} change rows, {len(page.text.split())} words: "
                     f"revdiff {1000 * ours:.0f} ms ({1000 * ours / rows:.1f} ms a row), peer "
                     f"{1000 * peer:.0f} ms, ratio {ours / peer:.2f}")
    return "\n".join(lines)


def linked_page(paragraphs: int) -> TruePage:
    """A made-up page where every inserted paragraph shares a phrase with every other (the worst
    case of the decoder's joint moves), between paragraphs kept unchanged."""
    words: list[list[str]] = [[] for _ in range(paragraphs)]
    for first, second in combinations(range(paragraphs), 2):
        phrase = [f"x{first}y{second}", f"p{first}q{second}", f"r{first}s{second}"]
        words[first] += [*phrase, "and"]
        words[second] += [*phrase, "or"]
    kept = tuple(f"Kept paragraph {i} is unique." for i in range(paragraphs))
    inserted = tuple(" ".join(w) + "." for w in words)
    new = tuple(p for pair in zip(kept, inserted) for p in pair)
    info = PageInfo(source="made-up", url="https://example.com/linked", changes=2)
    text = render_diff_text(Version(0, "linked", kept), Version(1, "linked", new), info)
    return TruePage(f"linked-{paragraphs}", text, kept, new)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="every 4th chain only")
    args = parser.parse_args()
    if not corpus_available():
        print(f"skipped: {SHARED / 'corpus'} is not there", file=sys.stderr)
        return 0
    step = 4 if args.quick else 1
    sets = {
        "real, tuning slice": [c for c in real_chains(held_out=False)][::step],
        "real, held-out slice": [c for c in real_chains(held_out=True)][::step],
        "news, tuning stories": [c for c in news_chains(held_out=False)][::step],
        "news, held-out stories": [c for c in news_chains(held_out=True)][::step],
        "news, held-out, reworded": [c for c in news_chains(True, MOSTLY_REWORDED)][::step],
        "essays, never tuned on": [c for c in essay_chains()][::step],
    }
    print(f"{'pages read alone':<34} {'pages':>5} {'exact':>7} {'strict':>7} {'paras':>7} "
          f"{'dec ok':>7} {'sure':>7} {'sure ok':>7}")
    tallies, peer_tallies = {}, {}
    for name, chains in [*sets.items(), ("published corpus pages", None)]:
        pages = list(real_single_pages()) if chains is None else [p for c in chains for p in c.pages]
        tallies[name] = read_pages(pages, revdiff_read)
        peer_tallies[name] = read_pages(pages, baseline_read)
        print(tallies[name].line(f"{name}: revdiff"))
        print(peer_tallies[name].line(f"{name}: peer"))
    print("exact: word characters compared; strict: character for character; paras: paragraphs"
          " right; dec ok: decision rows\n(all but glued X+X rows) read right; sure: decision"
          f" rows with confidence >= {SURE_CONFIDENCE}; sure ok: of those, read right")
    print("\nreliability of decision rows (confidence bins: rows, accuracy) and calibration error:")
    for name in ("real, held-out slice", "news, held-out stories", "essays, never tuned on",
                 "real, tuning slice"):
        table, error = reliability(tallies[name].decisions)
        print(f"  {name}: ECE {error:.3f}\n    {table}")
        peer_table, peer_error = reliability(peer_tallies[name].decisions)
        print(f"  {name}, peer: ECE {peer_error:.3f}\n    {peer_table}")
    glued = [point for tally in tallies.values() for point in tally.glued]
    table, error = reliability(glued)
    print(f"  glued X+X rows, all sets: ECE {error:.3f}\n    {table}")
    print("\nchains read jointly:")
    for name, chains in sets.items():
        print(chains_line(name, chains))
    print(with_html_line())
    print()
    print(seed_004())
    print(speed([p for c in sets["real, held-out slice"] for p in c.pages]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
