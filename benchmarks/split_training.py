"""Learn the column splitter's feature weights from flattened pages with known truth.

Each body row that needs a decision (every row but a glued match) is one training example: its
readings are the change readings at each space and the one-sided reading, and the weights are
those of a conditional logit model (a softmax over the row's readings) that makes the true
reading likely, with an L2 penalty. Then the rows are decoded with those weights, and the
confidence model (revdiff/splitter/confidence.py) is learned on whether each was read right:
a logistic regression, calibrated by isotonic regression. Only the tuning slice is used (the corpus chains' and the
generated news pages', see split_data.py); the held-out slice is never read here. The weights are written to
revdiff/splitter/weights.json, with the data they were learned from.

Usage: python benchmarks/split_training.py [--rounds N]   (needs numpy)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from split_data import TruePage, corpus_available, tuning_pages

from revdiff.formats.sniffer_text import parse_header
from revdiff.model import RowKind
from revdiff.splitter import features
from revdiff.splitter.confidence import CONFIDENCE_FEATURES, is_short_half
from revdiff.splitter.decoder import PageDecoder, Reading, decode_best
from revdiff.splitter.evidence import RowEvidence, gather_evidence, is_glued_match
from revdiff.splitter.features import CHANGE_FEATURES, ONE_SIDED_FEATURES
from revdiff.splitter.learned import learned

MIN_STEP_ROWS = 200  # each step of the calibration holds at least this many rows
WEIGHTS = Path(__file__).resolve().parents[1] / "revdiff" / "splitter" / "weights.json"
PENALTY = 1.0  # L2, per 10,000 rows
MAX_WORDS = 400  # longer rows add many readings and little information


# A page's body rows and the true reading of each row the flattener kept intact.
Body = tuple[list[tuple[int, str]], dict[int, tuple[RowKind, int | None]]]


def tuning_body(page: TruePage) -> Body:
    body = parse_header(page.text, page.name).body
    return body, page.line_truth(body)


def true_readings(rows: list[RowEvidence], truth: dict[int, tuple[RowKind, int | None]]
                  ) -> list[Reading | None]:
    """The true reading of each row, as the decoder writes readings (None where unknown)."""
    readings: list[Reading | None] = []
    for row in rows:
        kind, offset = truth.get(row.line, (None, None))
        if kind is None:
            readings.append(None)
        elif kind is RowKind.CHANGE:
            readings.append((kind, row.starts.index(offset)))
        else:
            readings.append((kind, 0))
    return readings


def examples(bodies: list[Body]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Readings as rows of a feature matrix, the row (group) of each, and the true reading's
    index per group. The repeated-text features of a row are computed with every other row
    read as the truth reads it (a pseudo-likelihood), so that their weights can be learned."""
    features: list[list[float]] = []
    group_starts: list[int] = []
    targets: list[int] = []
    width_change, width_one = len(CHANGE_FEATURES), len(ONE_SIDED_FEATURES)
    pages = 0
    for body, truth in bodies:
        if not truth:
            continue
        pages += 1
        decoder = PageDecoder(body)
        decoder.self_repeat_weight = decoder.link_weight = 1.0
        decoder.readings = true_readings(decoder.rows, truth)
        for index, row in enumerate(gather_evidence(body, keep_features=True)):
            if row.is_match or row.line not in truth or row.size > MAX_WORDS:
                continue
            kind, offset = truth[row.line]
            assert row.features is not None
            change, one_sided = row.features
            prefer_old, prefer_new = decoder._side_preferences(index, {})
            separated = [0] * (row.size + 1)
            for first, second in row.self_pairs:
                separated[first + 1] += 1
                separated[second + 1] -= 1
            start = len(features)
            target = None
            pull, repeats = sum(prefer_new), 0
            for k in range(1, row.size):
                pull += prefer_old[k - 1] - prefer_new[k - 1]
                repeats += separated[k]
                if row.boundary[k] == float("-inf"):
                    continue
                if kind is RowKind.CHANGE and row.starts[k] == offset:
                    target = len(features)
                features.append([*change[k], *[0.0] * width_one, repeats, pull])
            for side, pulls in ((RowKind.OLD_ONLY, prefer_old), (RowKind.NEW_ONLY, prefer_new)):
                if kind is side:
                    target = len(features)
                features.append([*[0.0] * width_change, *one_sided, 0.0, sum(pulls)])
            if target is None:  # the truth is not among the readings (cannot happen)
                del features[start:]
                continue
            group_starts.append(start)
            targets.append(target)
    return (np.array(features, dtype=np.float64), np.array(group_starts), np.array(targets), pages)


def fit(x: np.ndarray, starts: np.ndarray, targets: np.ndarray, rounds: int) -> np.ndarray:
    """Conditional logit by Adam on the mean negative log-likelihood plus an L2 penalty."""
    groups = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(x))))
    weight = np.zeros(x.shape[1])
    moment, second = np.zeros_like(weight), np.zeros_like(weight)
    penalty = PENALTY / 10_000
    for step in range(1, rounds + 1):
        scores = x @ weight
        top = np.maximum.reduceat(scores, starts)
        exp = np.exp(scores - top[groups])
        total = np.add.reduceat(exp, starts)
        prob = exp / total[groups]
        loss = -(scores[targets] - top - np.log(total)).mean() + penalty * weight @ weight
        grad = (x.T @ prob - x[targets].sum(axis=0)) / len(starts) + 2 * penalty * weight
        moment = 0.9 * moment + 0.1 * grad
        second = 0.999 * second + 0.001 * grad**2
        weight -= 0.05 * (moment / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
        if step % 100 == 0:
            print(f"round {step}: loss {loss:.4f}", file=sys.stderr)
    return weight


def decisions(bodies: list[Body]) -> tuple[np.ndarray, np.ndarray]:
    """The confidence model's features of each decision row of the tuning slice, and whether
    the row is read right (decoded with the change weights just learned)."""
    features, right = [], []
    for body, truth in bodies:
        rows, decoder = decode_best(body)
        for index, row in enumerate(rows):
            decision = decoder.decisions.get(index)
            if decision is None or row.line not in truth:
                continue
            features.append(decision.features())
            right.append((row.kind, row.boundary) == truth[row.line])
    return np.array(features), np.array(right, dtype=np.float64)


def glued_rows(bodies: list[Body]) -> dict[str, float]:
    """How often a glued X+X row is a true match row, for short halves and for the others."""
    counts = {"short": [0, 0], "other": [0, 0]}
    for body, truth in bodies:
        for number, text in body:
            if number in truth and is_glued_match(text):
                group = counts["short" if is_short_half(text[: len(text) // 2]) else "other"]
                group[0] += 1
                group[1] += truth[number][0] is RowKind.MATCH
    return {name: round(right / rows, 4) for name, (rows, right) in counts.items()}


def fit_logistic(x: np.ndarray, y: np.ndarray, rounds: int) -> np.ndarray:
    """Logistic regression: the probability that a row is read right."""
    starts = np.arange(0, 2 * len(x), 2)
    pairs = np.zeros((2 * len(x), x.shape[1]))
    pairs[0::2] = x  # the "right" outcome has the row's features, "wrong" has none
    targets = starts + (1 - y).astype(int)
    return fit(pairs, starts, targets, rounds)


def isotonic_steps(points: list[tuple[float, bool]]) -> tuple[list[float], list[float]]:
    """Pool adjacent violators over rows sorted by the model's output: a non-decreasing step
    function from output to the share of rows read right. Rows with equal outputs are pooled
    first; steps smaller than MIN_STEP_ROWS are pooled with the step before (the first with
    the one after), which keeps the function non-decreasing. Returns each step's lowest output
    and its share."""
    blocks: list[list[float]] = []  # [lowest output, rows, rows read right]
    for value, right in sorted(points):
        if blocks and blocks[-1][0] == value:
            blocks[-1][1] += 1
            blocks[-1][2] += right
        else:
            blocks.append([value, 1, float(right)])
        while len(blocks) > 1 and blocks[-2][2] / blocks[-2][1] >= blocks[-1][2] / blocks[-1][1]:
            _, rows, right_rows = blocks.pop()
            blocks[-1][1] += rows
            blocks[-1][2] += right_rows
    pooled: list[list[float]] = []
    for block in blocks:
        if pooled and (pooled[-1][1] < MIN_STEP_ROWS or block[1] < MIN_STEP_ROWS):
            pooled[-1][1] += block[1]
            pooled[-1][2] += block[2]
        else:
            pooled.append(block)
    return [round(b[0], 6) for b in pooled], [round(b[2] / b[1], 4) for b in pooled]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=600)
    args = parser.parse_args()
    if not corpus_available():
        print("skipped: ../shared/corpus is not there", file=sys.stderr)
        return 0
    bodies = [tuning_body(page) for page in tuning_pages()]
    x, starts, targets, pages = examples(bodies)
    print(f"{pages} pages, {len(starts)} rows, {len(x)} readings", file=sys.stderr)
    weight = fit(x, starts, targets, args.rounds)
    width = len(CHANGE_FEATURES)
    data = {
        "learned_from": f"{len(starts)} decision rows of {pages} pages: the tuning slice of "
                        "../shared/corpus/chains and of generated news pages "
                        "(benchmarks/split_training.py)",
        "change": {name: round(float(w), 4) for name, w in zip(CHANGE_FEATURES, weight[:width])},
        "one_sided": {name: round(float(w), 4)
                      for name, w in zip(ONE_SIDED_FEATURES, weight[width:width + len(ONE_SIDED_FEATURES)])},
        "repeats": {"self_repeats": round(float(weight[-2]), 4), "links": round(float(weight[-1]), 4)},
    }
    data["glued"] = glued_rows(bodies)
    WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    learned.cache_clear()
    features.weights.cache_clear()
    features.repeat_weights.cache_clear()
    x, y = decisions(bodies)
    print(f"{len(y)} decision rows for the confidence model", file=sys.stderr)
    confidence_weights = fit_logistic(x, y, args.rounds)
    outputs = 1 / (1 + np.exp(-(x @ confidence_weights)))
    starts_at, right = isotonic_steps([(round(float(o), 6), bool(r)) for o, r in zip(outputs, y)])
    data["confidence"] = {
        "rows": len(y),
        "weights": {name: round(float(w), 4) for name, w in zip(CONFIDENCE_FEATURES, confidence_weights)},
        "raw": starts_at, "right": right,
    }
    WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
