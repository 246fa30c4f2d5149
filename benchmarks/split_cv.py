"""Judge a change to the column splitter's model on the tuning slice alone: two-fold cross-validation.

The tuning articles fall in two folds (split_data.fold_of). For each fold, the weights are learned
as split_training.py learns them, from the pages of the other fold's articles; then the pages of
this fold are decoded with those weights and with text counts from the other fold's articles. No
page is read with weights or counts that saw its article, and the held-out slice is never read, so
a change can be kept or dropped here before the held-out slice is looked at once.

It prints the pages read exactly (as split_training.py counts a page right: every row's reading is
the truth's), corpus pages and generated news pages apart. While it runs, weights.json holds each
fold's weights (the decoder reads them from there); the shipped file is put back at the end, also
after an error or Ctrl-C.

Usage: python benchmarks/split_cv.py [--penalty P] [--without FEATURE ...] [--rounds N]   (needs numpy; about 5 minutes)
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--penalty", type=float, default=training.PENALTY,
                        help="the L2 penalty per 10,000 rows (default: the shipped one)")
    parser.add_argument("--without", nargs="+", default=[], choices=TEXT_FEATURES, metavar="FEATURE",
                        help="learn and read without these text features (names as in "
                             "revdiff/splitter/features.py), to see what they are worth")
    parser.add_argument("--rounds", type=int, default=600)
    args = parser.parse_args()
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
    try:
        for fold in (0, 1):
            training.use_weights_learned_apart(fold, parts, folds, bends, args.rounds, everything)
            for page, (lines, truth, counts), f in zip(pages, bodies, folds):
                if f != fold or not truth or len(truth) != len(lines):
                    continue
                _, decoder = decode_best(lines, counts=counts)
                tally = exact["news" if page.name.startswith("news-") else "corpus"]
                tally[0] += list(decoder.readings) == training.true_readings(decoder.rows, truth)
                tally[1] += 1
    finally:
        training.WEIGHTS.write_text(shipped, encoding="utf-8")
        training._forget_weights()
    for name, (right, total) in exact.items():
        print(f"{name} pages read exactly: {right} of {total} ({100 * right / total:.1f}%)")
    right, total = (sum(values) for values in zip(*exact.values()))
    print(f"all: {right} of {total} ({100 * right / total:.1f}%), L2 penalty {args.penalty}"
          + (f", without {' '.join(args.without)}" if args.without else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
