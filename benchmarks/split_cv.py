"""Judge a change to the column splitter's model on the tuning slice alone: two-fold cross-validation.

The tuning articles fall in two folds (split_data.fold_of). For each fold, the weights are learned
as split_training.py learns them, from the pages of the other fold's articles; then the pages of
this fold are decoded with those weights and with text counts from the other fold's articles. No
page is read with weights or counts that saw its article, and the held-out slice is never read, so
a change can be kept or dropped here before the held-out slice is looked at once.

It prints the pages read exactly (as split_training.py counts a page right: every row's reading is
the truth's), corpus pages and generated news pages apart; with --against, how many pages it
gains and loses against a run saved with --save, and a sign test of that split (a change that
gains 10 pages and loses 6 may well be chance: p = 0.45). While it runs, weights.json holds each
fold's weights (the decoder reads them from there); the shipped file is put back at the end, also
after an error or Ctrl-C.

Usage: python benchmarks/split_cv.py [--penalty P] [--without FEATURE ...] [--save FILE] [--against FILE]
                                     [--rounds N]   (needs numpy; about two minutes on an idle machine)
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import replace
from pathlib import Path

import split_training as training
from split_data import article_of, corpus_available, fold_of

from revdiff.splitter.decoder import decode_best
from revdiff.splitter.features import CHANGE_FEATURES, ONE_SIDED_FEATURES

TEXT_FEATURES = (*CHANGE_FEATURES, *ONE_SIDED_FEATURES)  # the examples' first columns, in order


def without(part: training.Examples, names: list[str]) -> training.Examples:
    """The examples with the text features `names` made 0: learned on them, their weights stay
    0, so the pages are read as if those features did not exist."""
    features = part.features.copy()
    features[:, [TEXT_FEATURES.index(name) for name in names]] = 0.0
    return replace(part, features=features)


def sign_test(gained: int, lost: int) -> float:
    """The two-sided sign test: how likely a split of the changed pages at least this uneven
    is when a change gains and loses pages by chance alone."""
    changed = gained + lost
    if not changed:
        return 1.0
    tail = sum(math.comb(changed, k) for k in range(min(gained, lost) + 1)) / 2**changed
    return min(1.0, 2 * tail)


def compare(exact_pages: set[str], saved: Path) -> None:
    """Print how many pages are read exactly now and not in the saved run, how many the other
    way round, and the sign test of the two."""
    before = set(saved.read_text(encoding="utf-8").split())
    gained, lost = len(exact_pages - before), len(before - exact_pages)
    print(f"against {saved}: {gained} pages gained, {lost} lost "
          f"(sign test p = {sign_test(gained, lost):.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--penalty", type=float, default=training.PENALTY,
                        help="the L2 penalty per 10,000 rows (default: the shipped one)")
    parser.add_argument("--without", nargs="+", default=[], choices=TEXT_FEATURES, metavar="FEATURE",
                        help="learn and read without these text features (names as in "
                             "revdiff/splitter/features.py), to see what they are worth")
    parser.add_argument("--save", type=Path, metavar="FILE",
                        help="write the names of the pages read exactly, one a line")
    parser.add_argument("--against", type=Path, metavar="FILE",
                        help="compare with the pages a run saved with --save: how many this run "
                             "gains and loses, and whether that split could be chance (sign test)")
    parser.add_argument("--rounds", type=int, default=600)
    args = parser.parse_args()
    if args.against and not args.against.is_file():
        parser.error(f"--against {args.against}: no such file; give a file a run wrote with --save")
    if args.save and not args.save.parent.is_dir():
        parser.error(f"--save {args.save}: its folder does not exist")
    if not corpus_available():
        print("skipped: ../shared/corpus is not there", file=sys.stderr)
        return 0
    training.PENALTY = args.penalty
    everything, fold_counts = training.text_counts()
    pages = list(training.tuning_pages())
    bodies = [training.tuning_body(page, fold_counts) for page in pages]
    folds = [fold_of(article_of(page)) for page in pages]
    parts = [without(training.page_examples(body), args.without) if body[1] else None for body in bodies]
    bends = training.feature_bends(training.joined([part for part in parts if part is not None]))
    shipped = training.WEIGHTS.read_text(encoding="utf-8")
    exact = {"corpus": [0, 0], "news": [0, 0]}  # pages read exactly, pages
    exact_pages: set[str] = set()
    try:
        for fold in (0, 1):
            training.use_weights_learned_apart(fold, parts, folds, bends, args.rounds, everything)
            for page, (lines, truth, counts), f in zip(pages, bodies, folds):
                if f != fold or not truth or len(truth) != len(lines):
                    continue
                _, decoder = decode_best(lines, counts=counts)
                tally = exact["news" if page.name.startswith("news-") else "corpus"]
                if list(decoder.readings) == training.true_readings(decoder.rows, truth):
                    tally[0] += 1
                    exact_pages.add(page.name)
                tally[1] += 1
    finally:
        training.WEIGHTS.write_text(shipped, encoding="utf-8")
        training._forget_weights()
    for name, (right, total) in exact.items():
        print(f"{name} pages read exactly: {right} of {total} ({100 * right / total:.1f}%)")
    right, total = (sum(values) for values in zip(*exact.values()))
    print(f"all: {right} of {total} ({100 * right / total:.1f}%), L2 penalty {args.penalty}"
          + (f", without {' '.join(args.without)}" if args.without else ""))
    if args.against:
        compare(exact_pages, args.against)
    if args.save:
        args.save.write_text("".join(f"{name}\n" for name in sorted(exact_pages)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
