"""Learn the column splitter's feature weights from flattened pages with known truth.

The model is the decoder's own: each gap between match rows is read as a count of change rows
(each at one of its boundaries) followed by one-sided rows on one side, and a reading's score
is the sum of its rows' feature scores plus a learned prior for the side of its one-sided rows
(old or new; none when all are change rows); a page without match rows is never all one-sided
rows, as the decoder never reads it so. A row's feature score is piecewise linear in each text
feature that takes many values: bends at four quantiles of its values, none past a cap (the 99th
percentile), learned with the weights. The weights make
the true reading of each gap likely against every other reading of that gap (a conditional
random field, exact within a gap; the phrases a row shares with other rows are scored with those
rows read as the truth reads them), with an L2 penalty. The edge words (revdiff/splitter/edges.py)
and the general paragraph shapes (revdiff/splitter/shapes.py) are counted from the tuning
articles' versions (revdiff/splitter/counts.py); while learning, each page's counts come from
the other fold of articles, so that no page is scored with its own article's text. Then the
confidence model (revdiff/splitter/confidence.py) is learned on whether each row was read right,
each fold's pages decoded with weights learned on the other fold's pages (so that it learns how
the decoder reads pages it has not learned from): a logistic regression, calibrated by isotonic
regression. Only the tuning slice is used (the corpus chains' and the generated news pages', see
split_data.py); the held-out slice is never read here. The weights are written to
revdiff/splitter/weights.json, with the data they were learned from.

Usage: python benchmarks/split_training.py [--rounds N]   (needs numpy)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from split_data import (
    TruePage,
    article_of,
    corpus_available,
    fold_of,
    tuning_articles,
    tuning_pages,
)

from revdiff.formats.sniffer_text import parse_header
from revdiff.model import RowKind
from revdiff.splitter import features
from revdiff.splitter.confidence import CONFIDENCE_FEATURES, is_short_half
from revdiff.splitter.counts import TextCounts, shipped_counts
from revdiff.splitter.decoder import PageDecoder, Reading, decode_best
from revdiff.splitter.edges import learn_edges, shipped_edges
from revdiff.splitter.evidence import RowEvidence, gather_evidence, is_glued_match
from revdiff.splitter.features import CHANGE_FEATURES, ONE_SIDED_FEATURES
from revdiff.splitter.grammar import gaps_between_matches
from revdiff.splitter.learned import learned
from revdiff.splitter.shapes import shape_frequencies

MIN_STEP_ROWS = 200  # each step of the calibration holds at least this many rows
WEIGHTS = Path(__file__).resolve().parents[1] / "revdiff" / "splitter" / "weights.json"
PENALTY = 1.0  # L2, per 10,000 rows
MAX_WORDS = 400  # longer rows add many readings and little information
KNOTS = 4  # bends of each text feature that takes many values, at quantiles of its non-zero values
CAP_QUANTILE = 0.99  # past this quantile of its non-zero values, a feature bends no more


# A page's body rows, the true reading of each row the flattener kept intact, and the text
# counted from the other fold's articles.
Body = tuple[list[tuple[int, str]], dict[int, tuple[RowKind, int | None]], TextCounts]


def tuning_body(page: TruePage, fold_counts: list[TextCounts]) -> Body:
    body = parse_header(page.text, page.name).body
    return body, page.line_truth(body), fold_counts[fold_of(article_of(page))]


def counted(articles: list[tuple[str, list[str]]]) -> TextCounts:
    """Edge words and paragraph shapes counted from some tuning articles."""
    shapes = shape_frequencies(p for _, paragraphs in articles for p in paragraphs)
    return TextCounts(learn_edges(paragraphs for _, paragraphs in articles),
                      {key: round(value, 6) for key, value in sorted(shapes.items())})


def text_counts() -> tuple[TextCounts, list[TextCounts]]:
    """Text counted from every tuning article, and for each fold from the other's."""
    articles = list(tuning_articles())
    apart = [counted([(name, paragraphs) for name, paragraphs in articles if fold_of(name) != fold])
             for fold in (0, 1)]
    return counted(articles), apart


def _forget_weights() -> None:
    """Make the splitter read weights.json again."""
    learned.cache_clear()
    features.weights.cache_clear()
    features.repeat_weights.cache_clear()
    features.side_priors.cache_clear()
    shipped_edges.cache_clear()
    shipped_counts.cache_clear()


def use_weights_learned_apart(fold: int, parts: list[Examples | None], folds: list[int],
                              bends: list[BendAt], rounds: int, counts: TextCounts) -> None:
    """Learn the gap model's weights from the pages (`parts`, None where a page has no truth) of
    the articles outside `fold`, and make the decoder read with them: they are written to
    weights.json, which the decoder reads."""
    apart = joined([part for part, f in zip(parts, folds) if part is not None and f != fold])
    WEIGHTS.write_text(json.dumps(gap_weights(apart, bends, rounds, counts)) + "\n", encoding="utf-8")
    _forget_weights()


def true_readings(rows: list[RowEvidence], truth: dict[int, tuple[RowKind, int | None]]
                  ) -> list[Reading | None]:
    """The true reading of each row, as the decoder writes readings (None where unknown)."""
    readings: list[Reading | None] = []
    for row in rows:
        kind, offset = truth.get(row.line, (None, None))
        if kind is None:
            readings.append(None)
        elif kind is RowKind.CHANGE:
            assert offset is not None  # a change row's truth has a boundary
            readings.append((kind, row.starts.index(offset)))
        else:
            readings.append((kind, 0))
    return readings


@dataclass
class Examples:
    """The readings of the rows of the gaps `_true_gaps` keeps, grouped by row and by gap, as
    arrays.

    Each row's readings are contiguous: its change readings (one per boundary), then old-only,
    then new-only. Rows are in page order and each gap's rows are contiguous.
    """

    features: np.ndarray  # one line per reading
    row_start: np.ndarray  # index of each row's first reading
    row_changes: np.ndarray  # number of change readings of each row
    target: np.ndarray  # index of each row's true reading
    gap_start: np.ndarray  # index of each gap's first row
    gap_size: np.ndarray
    true_side: np.ndarray  # the side of the gap's one-sided rows: new (1), old (-1), none (0)
    whole_page: np.ndarray  # whether the gap is all of its page (no match rows): never all one-sided
    pages: int


def _row_readings(row: RowEvidence, prefer_old: list[float], prefer_new: list[float]
                  ) -> list[list[float]]:
    """The features of each reading of a row: its change readings, then old-only, new-only."""
    assert row.features is not None
    change, one_sided = row.features
    width_change, width_one = len(CHANGE_FEATURES), len(ONE_SIDED_FEATURES)
    separated = [0] * (row.size + 1)
    for first, second in row.self_pairs:
        separated[first + 1] += 1
        separated[second + 1] -= 1
    readings = []
    pull, repeats = sum(prefer_new), 0
    for k in range(1, row.size):
        pull += prefer_old[k - 1] - prefer_new[k - 1]
        repeats += separated[k]
        if row.boundary[k] != float("-inf"):
            readings.append([*change[k], *[0.0] * width_one, repeats, pull])
    for pulls in (prefer_old, prefer_new):
        readings.append([*[0.0] * width_change, *one_sided, 0.0, sum(pulls)])
    return readings


def _true_gaps(rows: list[RowEvidence], truth: dict[int, tuple[RowKind, int | None]]) -> list[list[int]]:
    """The gaps between true match rows whose rows all have a known truth and a usable length."""
    kinds = [truth.get(row.line, (None,))[0] for row in rows]

    def usable(index: int) -> bool:
        row, kind = rows[index], kinds[index]
        return kind not in (None, RowKind.MATCH) and not row.is_match and row.size <= MAX_WORDS

    gaps = gaps_between_matches(kind is RowKind.MATCH and row.is_match for kind, row in zip(kinds, rows))
    return [gap for gap in gaps if all(map(usable, gap))]  # a row without truth spoils its gap


def page_examples(body: Body) -> Examples:
    """Every gap of one tuning page (with a known truth), its rows and their readings. The
    repeated-text features of a row are computed with every other row read as the truth reads
    it (a pseudo-likelihood), so that their weights can be learned."""
    lines, truth, counts = body
    features: list[list[float]] = []
    row_start: list[int] = []
    row_changes: list[int] = []
    target: list[int] = []
    gap_start: list[int] = []
    gap_size: list[int] = []
    true_side: list[int] = []
    whole_page: list[int] = []
    rows = gather_evidence(lines, keep_features=True, counts=counts)
    decoder = PageDecoder(lines, evidence=rows)
    decoder.self_repeat_weight = decoder.link_weight = 1.0
    decoder.readings = true_readings(decoder.rows, truth)
    for gap in _true_gaps(rows, truth):
        gap_start.append(len(row_start))
        gap_size.append(len(gap))
        last = decoder.readings[gap[-1]]
        true_side.append(int(last == (RowKind.NEW_ONLY, 0)) - int(last == (RowKind.OLD_ONLY, 0)))
        whole_page.append(int(len(gap) == len(rows)))
        for index in gap:
            row = rows[index]
            readings = _row_readings(row, *decoder._side_preferences(index, {}))
            reading = decoder.readings[index]
            assert reading is not None
            kind, boundary = reading
            start = len(features)
            changes = len(readings) - 2
            if kind is RowKind.CHANGE:
                live = [k for k in range(1, row.size) if row.boundary[k] != float("-inf")]
                target.append(start + live.index(boundary))
            else:
                target.append(start + changes + (kind is RowKind.NEW_ONLY))
            row_start.append(start)
            row_changes.append(changes)
            features.extend(readings)
    width = len(CHANGE_FEATURES) + len(ONE_SIDED_FEATURES) + 2
    return Examples(np.array(features, dtype=np.float64).reshape(-1, width), _ints(row_start),
                    _ints(row_changes), _ints(target), _ints(gap_start), _ints(gap_size),
                    _ints(true_side), _ints(whole_page), pages=1)


def _ints(values: list[int]) -> np.ndarray:
    return np.array(values, dtype=int)


def joined(parts: list[Examples]) -> Examples:
    """The examples of several pages as one, in their order."""
    reading_offsets = np.cumsum([0] + [len(part.features) for part in parts[:-1]])
    row_offsets = np.cumsum([0] + [len(part.row_start) for part in parts[:-1]])
    return Examples(
        np.concatenate([part.features for part in parts]),
        np.concatenate([part.row_start + offset for part, offset in zip(parts, reading_offsets)]),
        np.concatenate([part.row_changes for part in parts]),
        np.concatenate([part.target + offset for part, offset in zip(parts, reading_offsets)]),
        np.concatenate([part.gap_start + offset for part, offset in zip(parts, row_offsets)]),
        np.concatenate([part.gap_size for part in parts]),
        np.concatenate([part.true_side for part in parts]),
        np.concatenate([part.whole_page for part in parts]),
        sum(part.pages for part in parts))


@dataclass(frozen=True)
class BendAt:
    """Where a text feature bends: its column in the examples, its knots, its cap."""

    column: int
    knots: np.ndarray
    cap: float


def feature_bends(data: Examples) -> list[BendAt]:
    """The bends of each text feature that takes many values: knots at evenly spaced quantiles
    of its non-zero values over all readings, and a cap at CAP_QUANTILE of them."""
    quantiles = np.linspace(0.0, 1.0, KNOTS + 2)[1:-1]
    bends = []
    for column in range(len(CHANGE_FEATURES) + len(ONE_SIDED_FEATURES)):
        values = data.features[:, column]
        values = values[values != 0.0]
        if len(np.unique(values)) > KNOTS:
            bends.append(BendAt(column, np.unique(np.round(np.quantile(values, quantiles), 4)),
                                round(float(np.quantile(values, CAP_QUANTILE)), 4)))
    return bends


def with_bends(data: Examples, bends: list[BendAt]) -> Examples:
    """The examples with a column per knot: how far the feature, capped, lies past the knot, in
    the readings that have the feature (a change feature in change readings, a one-sided one in
    the others)."""
    is_change = data.features[:, [0]] == 1.0  # the feature `change` is 1 in every change reading
    columns = []
    for bend in bends:
        capped = np.minimum(data.features[:, [bend.column]], bend.cap)
        past = np.maximum(capped - bend.knots[np.newaxis, :], 0.0)
        columns.append(np.where(is_change == (bend.column < len(CHANGE_FEATURES)), past, 0.0))
    return replace(data, features=np.hstack([data.features, *columns]))


def _segment_logsumexp(values: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """log-sum-exp of each segment [start, start + size); empty segments, and segments of -inf
    only, give -inf."""
    out = np.full(len(starts), -np.inf)
    some = sizes > 0
    if len(values):
        top = np.maximum.reduceat(values, starts[some])
        top = np.where(np.isneginf(top), 0.0, top)
        owner = np.repeat(np.arange(some.sum()), sizes[some])
        total = np.add.reduceat(np.exp(values - top[owner]), starts[some])
        with np.errstate(divide="ignore"):
            out[some] = top + np.log(total)
    return out


class GapModel:
    """A conditional random field over each gap's readings, as the decoder reads a gap.

    A gap's configuration is a count c of change rows and the side s of the rest; its score is
    the sum of its rows' scores (a change row's summed over its boundaries) plus the side's
    prior (none when c is the gap's size). The likelihood of the true reading (configuration and
    boundaries) is exact.
    """

    def __init__(self, data: Examples) -> None:
        self.data = data
        rows = len(data.row_start)
        changes = data.row_changes
        self.change_index = np.concatenate([np.arange(s, s + m) for s, m in zip(data.row_start, changes)])
        self.change_row = np.repeat(np.arange(rows), changes)
        self.change_starts = np.concatenate([[0], np.cumsum(changes)[:-1]])
        self.old_index = data.row_start + changes
        self.new_index = self.old_index + 1
        gaps = len(data.gap_start)
        self.gap_of_row = np.repeat(np.arange(gaps), data.gap_size)
        self.position = np.arange(rows) - data.gap_start[self.gap_of_row]
        # configurations: gap g has counts 0..size, laid out from config_start[g]
        self.config_start = data.gap_start + np.arange(gaps)
        self.config_sizes = data.gap_size + 1
        self.config_gap = np.repeat(np.arange(gaps), self.config_sizes)
        config_count = np.arange(len(self.config_gap)) - self.config_start[self.config_gap]
        self.is_full = config_count == data.gap_size[self.config_gap]
        # a version has paragraphs: the decoder never reads a page without match rows as all
        # one-sided rows
        self.is_empty_version = (config_count == 0) & (data.whole_page[self.config_gap] == 1)
        # the rows each configuration reads as change rows, [gap's first row, split), and as
        # one-sided rows, [split, gap's end)
        self.first = data.gap_start[self.config_gap]
        self.split = self.first + config_count
        self.end = self.first + data.gap_size[self.config_gap]
        # per row, the configurations of its gap: those up to the row's own position read it as
        # one-sided, those after it as a change row
        self.row_configs = self.config_start[self.gap_of_row]
        self.row_config = self.row_configs + self.position
        self.row_configs_end = self.row_configs + self.config_sizes[self.gap_of_row]
        self.true_reading = np.zeros(len(data.features))
        np.add.at(self.true_reading, data.target, 1.0)
        self.true_new = (data.true_side == 1).astype(float)
        self.true_old = (data.true_side == -1).astype(float)

    def loss_and_gradient(self, weight: np.ndarray, side_prior: np.ndarray
                          ) -> tuple[float, np.ndarray, np.ndarray]:
        data = self.data
        scores = data.features @ weight
        change_scores = scores[self.change_index]
        change_mass = _segment_logsumexp(change_scores, self.change_starts, data.row_changes)
        change_mass = np.maximum(change_mass, -1e4)  # a one-word row cannot be a change row
        old, new = scores[self.old_index], scores[self.new_index]
        # per gap and count c: change rows before c, one-sided rows from c on
        cum_change = np.concatenate([[0.0], np.cumsum(change_mass)])
        cum_old = np.concatenate([[0.0], np.cumsum(old)])
        cum_new = np.concatenate([[0.0], np.cumsum(new)])
        first, split, end = self.first, self.split, self.end
        head = cum_change[split] - cum_change[first]
        with_old = np.where(self.is_full, head, head + cum_old[end] - cum_old[split] + side_prior[0])
        with_new = np.where(self.is_full, -np.inf, head + cum_new[end] - cum_new[split] + side_prior[1])
        with_old = np.where(self.is_empty_version, -np.inf, with_old)
        with_new = np.where(self.is_empty_version, -np.inf, with_new)
        log_z = np.logaddexp(_segment_logsumexp(with_old, self.config_start, self.config_sizes),
                             _segment_logsumexp(with_new, self.config_start, self.config_sizes))
        p_old = np.exp(with_old - log_z[self.config_gap])
        p_new = np.exp(with_new - log_z[self.config_gap])
        # per row at position i: change if the count is above i, one-sided on a side otherwise
        cum_all = np.concatenate([[0.0], np.cumsum(p_old + p_new)])
        cum_p_old = np.concatenate([[0.0], np.cumsum(p_old)])
        cum_p_new = np.concatenate([[0.0], np.cumsum(p_new)])
        after = self.row_config + 1
        p_change = cum_all[self.row_configs_end] - cum_all[after]
        p_row_old = cum_p_old[after] - cum_p_old[self.row_configs]
        p_row_new = cum_p_new[after] - cum_p_new[self.row_configs]
        probability = np.zeros(len(scores))
        probability[self.change_index] = p_change[self.change_row] * np.exp(
            change_scores - change_mass[self.change_row])
        probability[self.old_index] = p_row_old
        probability[self.new_index] = p_row_new
        true_score = np.zeros(len(data.gap_start))
        np.add.at(true_score, self.gap_of_row, scores[data.target])
        true_score += side_prior[0] * self.true_old + side_prior[1] * self.true_new
        gaps = len(data.gap_start)
        loss = float(-(true_score - log_z).mean())
        gradient = data.features.T @ (probability - self.true_reading) / gaps
        new_expected = np.add.reduceat(np.where(self.is_full, 0.0, p_new), self.config_start)
        old_expected = np.add.reduceat(np.where(self.is_full, 0.0, p_old), self.config_start)
        side_gradient = np.array([(old_expected - self.true_old).mean(),
                                  (new_expected - self.true_new).mean()])
        return loss, gradient, side_gradient


def adam(objective: Callable[[np.ndarray], tuple[float, np.ndarray]], size: int, rounds: int
         ) -> np.ndarray:
    """Minimise by Adam from zero, given the loss and its gradient at a point; the loss is
    printed every 100 rounds."""
    weight = np.zeros(size)
    moment, second = np.zeros_like(weight), np.zeros_like(weight)
    for step in range(1, rounds + 1):
        loss, grad = objective(weight)
        moment = 0.9 * moment + 0.1 * grad
        second = 0.999 * second + 0.001 * grad**2
        weight -= 0.05 * (moment / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
        if step % 100 == 0:
            print(f"round {step}: loss {loss:.4f}", file=sys.stderr)
    return weight


def fit(data: Examples, rounds: int) -> tuple[np.ndarray, np.ndarray]:
    """The gap model's weights and its side priors (old, new), on the mean negative
    log-likelihood of the gaps plus an L2 penalty on the weights."""
    model = GapModel(data)
    penalty = PENALTY / 10_000

    def objective(weight: np.ndarray) -> tuple[float, np.ndarray]:  # the last two: side priors
        loss, weights_gradient, side_gradient = model.loss_and_gradient(weight[:-2], weight[-2:])
        return loss, np.append(weights_gradient + 2 * penalty * weight[:-2], side_gradient)

    weight = adam(objective, data.features.shape[1] + 2, rounds)
    return weight[:-2], weight[-2:]


def decisions(bodies: list[Body]) -> tuple[np.ndarray, np.ndarray]:
    """The confidence model's features of each decision row of the tuning slice, and whether
    the row is read right (decoded with the change weights just learned)."""
    features, right = [], []
    for body, truth, counts in bodies:
        rows, decoder = decode_best(body, counts=counts)
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
    for body, truth, _ in bodies:
        for number, text in body:
            if number in truth and is_glued_match(text):
                group = counts["short" if is_short_half(text[: len(text) // 2]) else "other"]
                group[0] += 1
                group[1] += truth[number][0] is RowKind.MATCH
    return {name: round(right / rows, 4) for name, (rows, right) in counts.items()}


def fit_logistic(x: np.ndarray, y: np.ndarray, rounds: int) -> np.ndarray:
    """Logistic regression: the probability that a row is read right."""
    penalty = PENALTY / 10_000

    def objective(weight: np.ndarray) -> tuple[float, np.ndarray]:
        probability = 1 / (1 + np.exp(-(x @ weight)))
        loss = float(-np.mean(y * np.log(probability + 1e-12) + (1 - y) * np.log(1 - probability + 1e-12)))
        return loss, x.T @ (probability - y) / len(y) + 2 * penalty * weight

    return adam(objective, x.shape[1], rounds)


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


def learned_from(data_rows: Examples) -> str:
    """What the gap model learned from, as weights.json says it: not every decision row (every
    row but a glued X+X row) of the tuning pages, but those of the gaps `_true_gaps` keeps."""
    return (f"{len(data_rows.row_start)} decision rows of {data_rows.pages} pages, those of the gaps "
            f"between match rows whose rows all have a known reading, at most {MAX_WORDS} words and "
            "no glued X+X: the tuning slice of ../shared/corpus/chains and of generated news pages "
            "(benchmarks/split_training.py)")


def gap_weights(data_rows: Examples, bends: list[BendAt], rounds: int, counts: TextCounts
                ) -> dict[str, object]:
    """Learn the gap model's weights from `data_rows`, as weights.json holds them."""
    weight, side_prior = fit(with_bends(data_rows, bends), rounds)
    width = len(CHANGE_FEATURES)
    local = width + len(ONE_SIDED_FEATURES)
    names = [*CHANGE_FEATURES, *ONE_SIDED_FEATURES]
    bent: dict[str, dict[str, object]] = {"change": {}, "one_sided": {}}
    slopes = iter(weight[local + 2:])
    for bend in bends:
        kind = "change" if bend.column < width else "one_sided"
        bent[kind][names[bend.column]] = {
            "cap": bend.cap,
            "knots": [[float(knot), round(float(next(slopes)), 4)] for knot in bend.knots]}
    return {
        "learned_from": learned_from(data_rows),
        "change": {name: round(float(w), 4) for name, w in zip(CHANGE_FEATURES, weight[:width])},
        "one_sided": {name: round(float(w), 4)
                      for name, w in zip(ONE_SIDED_FEATURES, weight[width:local])},
        "bends": bent,
        "repeats": {"self_repeats": round(float(weight[local]), 4),
                    "links": round(float(weight[local + 1]), 4)},
        "old_side": round(float(side_prior[0]), 4),
        "new_side": round(float(side_prior[1]), 4),
        "paragraph_shapes": counts.shapes,
        "edges": {"ending": counts.edges.ending, "beginning": counts.edges.beginning},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=600,
                        help="steps of gradient descent (Adam) for each model fitted (default 600)")
    args = parser.parse_args()
    if not corpus_available():
        print("skipped: ../shared/corpus is not there", file=sys.stderr)
        return 0
    everything, fold_counts = text_counts()
    pages = list(tuning_pages())
    bodies = [tuning_body(page, fold_counts) for page in pages]
    folds = [fold_of(article_of(page)) for page in pages]
    parts = [page_examples(body) if body[1] else None for body in bodies]
    data_rows = joined([part for part in parts if part is not None])
    print(f"{data_rows.pages} pages, {len(data_rows.gap_start)} gaps, {len(data_rows.row_start)} rows, "
          f"{len(data_rows.features)} readings", file=sys.stderr)
    bends = feature_bends(data_rows)
    data = gap_weights(data_rows, bends, args.rounds, everything)
    # the confidence model learns how the decoder reads pages it has not learned from: each
    # fold's pages are decoded with weights learned on the other fold's
    x_parts, y_parts = [], []
    for fold in (0, 1):
        use_weights_learned_apart(fold, parts, folds, bends, args.rounds, everything)
        x, y = decisions([body for body, f in zip(bodies, folds) if f == fold])
        x_parts.append(x)
        y_parts.append(y)
    x, y = np.concatenate(x_parts), np.concatenate(y_parts)
    print(f"{len(y)} decision rows for the confidence model", file=sys.stderr)
    confidence_weights = fit_logistic(x, y, args.rounds)
    outputs = 1 / (1 + np.exp(-(x @ confidence_weights)))
    starts_at, right = isotonic_steps([(round(float(o), 6), bool(r)) for o, r in zip(outputs, y)])
    data["glued"] = glued_rows(bodies)
    data["confidence"] = {
        "rows": len(y),
        "weights": {name: round(float(w), 4) for name, w in zip(CONFIDENCE_FEATURES, confidence_weights)},
        "raw": starts_at, "right": right,
    }
    WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({key: value for key, value in data.items() if key != "edges"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
