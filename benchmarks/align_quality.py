"""Sentence alignment quality against human gold alignments (ArgRewrite essay drafts): revdiff's
aligner and peer methods (difflib, NewsEdits-style matching) in the same run.

Reads ../shared/corpus/align/argrewrite-dev.jsonl (or --gold PATH), aligns each pair of drafts on
the annotators' own sentence segmentation, and prints link precision, recall and F1 (micro-averaged
over all (old, new) sentence pairs) for revdiff's aligner and two simple peer methods run in the
same process:

- difflib: `difflib.ndiff` logic over whole sentences: SequenceMatcher links equal runs, and inside a
  replaced stretch the most similar pair with ratio > 0.75 is linked, recursively on both sides of it
  (what `Differ._fancy_replace` does for lines);
- difflib-positional: equal runs linked, replaced stretches paired by position (a change-row table);
- newsedits: every sentence keeps its most similar partner on the other side when the similarity
  reaches a threshold, both directions united (the matcher style of the NewsEdits dataset); run with
  plain character similarity and with revdiff's own similarity, so the matching strategy is compared
  on equal terms.

"non-identical" restricts gold and predicted links to pairs whose texts differ. The methods take
turns pair by pair (A B on one pair of drafts, B A on the next), so that a busy machine slows each
alike in the `median ms/pair` column (the median of the method's times on each pair, which one
slow pair does not set), and each begins with the engine's caches emptied (`timing.forget_splits`),
so that no method times what another read on the same pair before it (revdiff and its threshold
variants of --sweep share them).

The gold links of these drafts never cross (the script counts the crossing pairs of gold links and
prints how many): the annotators recorded no moves, so every (old, new) pair of a link revdiff
reports as moved, even of two identical sentences, is scored a false link unless a gold link
happens to join the same two sentences, while difflib, which reports no moves, is never charged for
one. Under each table a line says how many moves revdiff reported, and the next gives revdiff's and
difflib's figures with the sentences of those moves left out of the gold and of both methods'
links alike.

The pairs are split by essay, on a hash of the essay id: two essays in three are the tuning slice,
the only one whose errors may be studied (--errors prints them: missed and false links, splits and
merges), the third is held out, only measured, so that a change that helps just these pairs shows.

    python benchmarks/align_quality.py [--gold PATH] [--sweep] [--tuning-only] [--errors]
"""

from __future__ import annotations

import argparse
import difflib
import functools
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Indel
from shared_input import input_is_there
from timing import forget_splits, in_turns

from revdiff.engine.align import align_sentences
from revdiff.engine.similarity import comparable_form, similarity

DEFAULT_GOLD = (Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "align"
                / "argrewrite-dev.jsonl").resolve()
NEWSEDITS_THRESHOLD = 0.5
HELD_OUT_SHARE = 3  # one essay in three is held out

Pairs = set[tuple[int, int]]
Aligner = Callable[[Sequence[str], Sequence[str]], Pairs]


def revdiff_pairs(old: Sequence[str], new: Sequence[str], threshold: float | None = None) -> Pairs:
    links = align_sentences(old, new) if threshold is None else align_sentences(old, new, threshold=threshold)
    return {(i, j) for link in links for i in link.old for j in link.new}


def difflib_positional_pairs(old: Sequence[str], new: Sequence[str]) -> Pairs:
    pairs: Pairs = set()
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            pairs.update(zip(range(i1, i2), range(j1, j2)))
    return pairs


def _fancy_replace(old: Sequence[str], i1: int, i2: int, new: Sequence[str], j1: int, j2: int,
                   pairs: Pairs, cutoff: float = 0.75) -> None:
    best, best_i, best_j = cutoff, -1, -1
    matcher = difflib.SequenceMatcher(None)
    for j in range(j1, j2):
        matcher.set_seq2(new[j])
        for i in range(i1, i2):
            matcher.set_seq1(old[i])
            if (matcher.real_quick_ratio() > best and matcher.quick_ratio() > best
                    and matcher.ratio() > best):
                best, best_i, best_j = matcher.ratio(), i, j
    if best_i < 0:
        return
    pairs.add((best_i, best_j))
    _fancy_replace(old, i1, best_i, new, j1, best_j, pairs, cutoff)
    _fancy_replace(old, best_i + 1, i2, new, best_j + 1, j2, pairs, cutoff)


def difflib_pairs(old: Sequence[str], new: Sequence[str]) -> Pairs:
    pairs: Pairs = set()
    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.update(zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace":
            _fancy_replace(old, i1, i2, new, j1, j2, pairs)
    return pairs


def char_similarity(a: str, b: str) -> float:
    return Indel.normalized_similarity(comparable_form(a), comparable_form(b))


def newsedits_pairs(old: Sequence[str], new: Sequence[str], threshold: float = NEWSEDITS_THRESHOLD,
                    measure: Callable[[str, str], float] = char_similarity) -> Pairs:
    pairs: Pairs = set()
    if not old or not new:
        return pairs
    scores = [[measure(a, b) for b in new] for a in old]
    for i, row in enumerate(scores):
        j = max(range(len(row)), key=row.__getitem__)
        if row[j] >= threshold:
            pairs.add((i, j))
    for j in range(len(new)):
        i = max(range(len(old)), key=lambda k: scores[k][j])
        if scores[i][j] >= threshold:
            pairs.add((i, j))
    return pairs


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float
    f1: float


def score(true_positive: int, predicted: int, gold: int) -> Score:
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def is_held_out(essay: str) -> bool:
    return hashlib.sha256(essay.encode()).digest()[0] % HELD_OUT_SHARE == 0


GOLD_KEYS = ("id", "essay", "old", "new", "links")


def draft_pair_problem(line: int, item: object) -> str | None:
    """What keeps line `line` of a gold file, read as `item`, from being a draft pair, if
    anything: an object of an `id` and an `essay` (strings), the `old` and `new` drafts' sentences
    (lists of strings) and `links`, pairs of lists of indexes into them."""
    if not isinstance(item, dict):
        return f"line {line} is no JSON object"
    missing = next((key for key in GOLD_KEYS if key not in item), None)
    if missing is not None:
        return f"line {line} has no '{missing}'"
    for key in ("id", "essay"):
        if not isinstance(item[key], str):
            return f"line {line}'s '{key}' is no string"
    for key in ("old", "new"):
        if not isinstance(item[key], list) or not all(isinstance(s, str) for s in item[key]):
            return f"line {line}'s '{key}' is no list of sentences"

    def indexes(ids: object, sentences: int) -> bool:
        return isinstance(ids, list) and all(
            type(i) is int and 0 <= i < sentences for i in ids)

    if not isinstance(item["links"], list) or not all(
            isinstance(link, list) and len(link) == 2 and indexes(link[0], len(item["old"]))
            and indexes(link[1], len(item["new"])) for link in item["links"]):
        return f"line {line}'s 'links' are not pairs of lists of the sentences' indexes"
    return None


def read_gold(parser: argparse.ArgumentParser, path: Path) -> list[dict]:  # type: ignore[type-arg]
    """The draft pairs of the gold file `path`; one error line (`parser.error`) where a line is
    none, or the file holds none."""
    problem: str | None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text, problem = "", "is not UTF-8 text"
    else:
        problem = None
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            item = None
        problem = draft_pair_problem(number, item)
        if problem is not None:
            break
        items.append(item)
    if problem is None and not items:
        problem = "holds no draft pair"
    if problem is not None:
        parser.error(f"--gold {path}: {problem}; give a JSONL file of draft pairs, one object a "
                     "line with 'id', 'essay', 'old', 'new' and 'links', as "
                     "../shared/corpus/align/argrewrite-dev.jsonl holds them")
    return items


def gold_pairs(item: dict) -> Pairs:  # type: ignore[type-arg]
    return {(i, j) for old_ids, new_ids in item["links"] for i in old_ids for j in new_ids}


def evaluate(items: Sequence[dict], aligners: Sequence[Aligner]) -> list[tuple[Score, Score, float]]:  # type: ignore[type-arg]
    """Each aligner's links scored, all of them and the non-identical ones, and the median of its
    seconds on each pair (0 where there is none). The aligners take turns pair by pair
    (`timing.in_turns`: A B on the first pair, B A on the next), so that a load rising or falling
    on the machine meanwhile slows each alike, and each is timed with the engine's caches emptied
    (`timing.forget_splits`), as the first to align a pair is."""
    counts = [dict.fromkeys(("tp", "pred", "gold", "tp_ni", "pred_ni", "gold_ni"), 0)
              for _ in aligners]
    elapsed: list[list[float]] = [[] for _ in aligners]
    aligned = [0 for _ in aligners]
    for k in in_turns([len(items)] * len(aligners)):
        item = items[aligned[k]]
        aligned[k] += 1
        old, new = item["old"], item["new"]
        gold = gold_pairs(item)
        forget_splits()
        start = time.perf_counter()
        predicted = aligners[k](old, new)
        elapsed[k].append(time.perf_counter() - start)
        counts[k]["tp"] += len(gold & predicted)
        counts[k]["pred"] += len(predicted)
        counts[k]["gold"] += len(gold)
        gold_ni = {(i, j) for i, j in gold if old[i] != new[j]}
        predicted_ni = {(i, j) for i, j in predicted if old[i] != new[j]}
        counts[k]["tp_ni"] += len(gold_ni & predicted_ni)
        counts[k]["pred_ni"] += len(predicted_ni)
        counts[k]["gold_ni"] += len(gold_ni)
    return [(score(count["tp"], count["pred"], count["gold"]),
             score(count["tp_ni"], count["pred_ni"], count["gold_ni"]),
             statistics.median(seconds) if seconds else 0.0)
            for count, seconds in zip(counts, elapsed, strict=True)]


def moved_sentences(old: Sequence[str], new: Sequence[str]) -> tuple[set[int], set[int]]:
    """The old and the new sentences of the links revdiff reports as moved."""
    moves = [link for link in align_sentences(old, new) if link.moved]
    return {i for link in moves for i in link.old}, {j for link in moves for j in link.new}


def crossing_pairs(pairs: Pairs) -> int:
    """How many two of these (old, new) pairs cross: one's old before the other's, its new after."""
    return sum(1 for i, j in pairs for k, m in pairs if i < k and j > m)


def without_sentences(pairs: Pairs, old_ids: set[int], new_ids: set[int]) -> Pairs:
    return {(i, j) for i, j in pairs if i not in old_ids and j not in new_ids}


def evaluate_without_moves(items: Sequence[dict], aligner: Aligner) -> Score:  # type: ignore[type-arg]
    """Links scored as `evaluate` scores them all, with every (old, new) pair that has a sentence
    of a revdiff move on either side left out of the gold and of the predicted pairs."""
    true_positive = predicted_total = gold_total = 0
    for item in items:
        old, new = item["old"], item["new"]
        moved = moved_sentences(old, new)
        gold = without_sentences(gold_pairs(item), *moved)
        predicted = without_sentences(aligner(old, new), *moved)
        true_positive += len(gold & predicted)
        predicted_total += len(predicted)
        gold_total += len(gold)
    return score(true_positive, predicted_total, gold_total)


def print_moves(items: Sequence[dict], methods: Sequence[tuple[str, Aligner]]) -> None:  # type: ignore[type-arg]
    """What revdiff's moves do to its figures against a gold that may hold none."""
    moves = identical = gold_hits = 0
    for item in items:
        old, new = item["old"], item["new"]
        gold = gold_pairs(item)
        for link in align_sentences(old, new):
            if link.moved:
                moves += 1
                identical += len(link.old) == len(link.new) == 1 and old[link.old[0]] == new[link.new[0]]
                gold_hits += any((i, j) in gold for i in link.old for j in link.new)
    crossing = sum(crossing_pairs(gold_pairs(item)) for item in items)
    print(f"revdiff reports {moves} moved links ({identical} of identical sentences, {gold_hits} "
          f"joining sentences a gold link joins); the gold holds {crossing} crossing pairs of links")
    figures = ", ".join(f"{name} P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f}"
                        for name, result in ((name, evaluate_without_moves(items, aligner))
                                             for name, aligner in methods))
    print(f"with the sentences of revdiff's moves left out of gold and links: {figures}\n")


def print_errors(items: Sequence[dict]) -> None:  # type: ignore[type-arg]
    """Each pair's differences from the gold, link by link: the gold links (and splits, merges)
    with (old, new) pairs revdiff missed, and revdiff's links with pairs the gold lacks."""
    def text(sentences: Sequence[str], ids: Sequence[int]) -> str:
        return " | ".join(f"[{k}] {sentences[k][:90]}" for k in ids)

    for item in items:
        old, new = item["old"], item["new"]
        gold = [(tuple(o), tuple(n)) for o, n in item["links"] if o and n]
        predicted = [(link.old, link.new) for link in align_sentences(old, new)
                     if link.old and link.new]
        gold_set = {(i, j) for o, n in gold for i in o for j in n}
        predicted_set = {(i, j) for o, n in predicted for i in o for j in n}
        lines = []
        for kind, links, other in (("missed", gold, predicted_set), ("false", predicted, gold_set)):
            for old_ids, new_ids in sorted(links):
                wrong = sorted((i, j) for i in old_ids for j in new_ids if (i, j) not in other)
                if wrong:
                    shape = ("merge" if len(old_ids) > 1 else "") + ("split" if len(new_ids) > 1 else "")
                    lines.append(f"  {kind} {shape or 'link'} {old_ids}->{new_ids}, pairs {wrong}\n"
                                 f"    old: {text(old, old_ids)}\n    new: {text(new, new_ids)}")
        if lines:
            print(f"{item['id']}:")
            print("\n".join(lines))


def print_table(title: str, items: Sequence[dict], methods: Sequence[tuple[str, Aligner]]) -> None:  # type: ignore[type-arg]
    gold_total = sum(len(gold_pairs(item)) for item in items)
    essays = len({item["essay"] for item in items})
    print(f"{title}: {len(items)} draft pairs of {essays} essays, {gold_total} gold (old, new) links\n")
    header = (f"{'method':<32} {'P':>6} {'R':>6} {'F1':>6} | "
              f"{'P ni':>6} {'R ni':>6} {'F1 ni':>6} | {'median ms/pair':>14}")
    print(header)
    print("-" * len(header))
    scored = evaluate(items, [aligner for _, aligner in methods])
    for (name, _), (everything, non_identical, seconds) in zip(methods, scored, strict=True):
        print(f"{name:<32} {everything.precision:6.3f} {everything.recall:6.3f} {everything.f1:6.3f} | "
              f"{non_identical.precision:6.3f} {non_identical.recall:6.3f} {non_identical.f1:6.3f} | "
              f"{seconds * 1000:14.2f}")
    print()
    print_moves(items, [(name, aligner) for name, aligner in methods
                        if name in ("revdiff", "difflib (ndiff)")])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD,
                        help="a JSONL file of draft pairs and their gold links "
                             "(default: the checkout's ../shared/corpus/align/argrewrite-dev.jsonl)")
    parser.add_argument("--sweep", action="store_true",
                        help="also print revdiff's figures for a range of link thresholds")
    parser.add_argument("--tuning-only", action="store_true",
                        help="measure the tuning slice only (leave the held-out essays unread)")
    parser.add_argument("--errors", action="store_true",
                        help="print revdiff's errors on the tuning slice (never the held-out one)")
    args = parser.parse_args(argv)
    if not input_is_there(parser, "--gold", args.gold, DEFAULT_GOLD, Path.is_file, "file"):
        return 0
    items = read_gold(parser, args.gold)
    tuning = [item for item in items if not is_held_out(item["essay"])]
    held_out = [item for item in items if is_held_out(item["essay"])]
    if args.errors:
        print_errors(tuning)
        return 0
    methods: list[tuple[str, Aligner]] = [
        ("revdiff", revdiff_pairs),
        ("difflib (ndiff)", difflib_pairs),
        ("difflib-positional", difflib_positional_pairs),
    ]
    for threshold in (0.5, 0.6, 0.7):
        methods.append((f"newsedits char >= {threshold}",
                        functools.partial(newsedits_pairs, threshold=threshold)))
    for threshold in (0.45, 0.55, 0.65):
        methods.append((f"newsedits revdiff-sim >= {threshold}",
                        functools.partial(newsedits_pairs, threshold=threshold, measure=similarity)))
    if args.sweep:
        for threshold in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
            methods.append((f"revdiff threshold {threshold}",
                            functools.partial(revdiff_pairs, threshold=threshold)))
    print_table("tuning essays", tuning, methods)
    if not args.tuning_only:
        print_table("held-out essays", held_out, methods)
    return 0


if __name__ == "__main__":
    sys.exit(main())
