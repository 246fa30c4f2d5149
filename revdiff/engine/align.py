"""Sentence alignment between two versions: anchors, local matching, splits, merges and moves.

1. Identical sentences anchor the alignment (`anchors.identical_anchors`, a patience diff, or a
   longest common subsequence where sentences repeat).
2. Between two anchors lies a gap of old and new sentences. Candidate pairs in the gap are found
   (every pair in small gaps, shared rare words in large ones) and scored (similarity.py).
   Each candidate becomes a block weighted by the characters it explains beyond a threshold:
   `(similarity - threshold) * (characters on both sides)`, so a pair is worth linking only when the
   two sentences are more than `threshold` alike. Splits (one old, two or three consecutive new) and
   merges (the reverse) are blocks too, scored on the joined text (or, when each part is kept whole
   in the other sentence and together they make it up, on the words they share in any order, not
   their marks: words moved between the parts), and pay a small extra cost so that a plain 1:1
   pair wins a tie. The best order-preserving chain of blocks (`chain.best_chain`) is kept.
3. Sentences still unlinked anywhere are paired across gaps when they are alike enough: moves;
   and so is an old sentence kept whole as the start of a new one elsewhere that it alone starts.
4. A pair that order alone made gives way to a move that is clearly better: an edited sentence
   whose far more alike partner is a loose sentence elsewhere, or the partner of another pair (two
   similar sentences that swapped places were each paired with the other's new version).
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from numbers import Real

from rapidfuzz import process
from rapidfuzz.distance import Indel

from revdiff.engine.anchors import identical_anchors, longest_increasing_pairs
from revdiff.engine.chain import Block, best_chain
from revdiff.engine.similarity import (
    Form,
    containment,
    content_tokens,
    form_similarity,
    is_giant_pair,
    match_key,
    share_bound,
    similarity_bound,
    words_only,
)

# Two sentences are linked when they are more than this alike (see similarity.form_similarity).
LINK_THRESHOLD = 0.45
# A sentence linked as part of a split or merge must share at least this much with the other side...
PART_THRESHOLD = 0.3
# ...and at least this share of its words must appear, in order, in the other side.
PART_CONTAINMENT = 0.5
# Extra cost of a split or merge per additional sentence, as a share of the characters involved.
GROUP_COST = 0.06
# Moves must be clearly the same sentence: a higher bar than links inside a gap.
MOVE_THRESHOLD = 0.6
# A pair gives way to a move (step 4) when the sentences re-paired gain this much similarity in all
# (with their digits masked too), and each holds this many words: short labels (`radios:`,
# `imports:`) are alike by their shape alone.
REPAIR_GAIN = 0.1
REPAIR_WORDS = 5
# A sentence kept whole inside a longer one (all but a tenth of its words, in order) is an edit of
# it when it holds this many words, scored just above the link threshold.
EXTENDED_WORDS = 4
EXTENDED_CONTAINMENT = 0.9
EXTENDED_MARGIN = 0.05
# A part of a split or merge is kept whole in the other sentence when all its words are, in order,
# but one in this many, which it may have gained when it was cut off (`Another 30 were wounded.`).
PART_WORDS_PER_GAINED = 4
# Gaps with at most this many old x new pairs, and at most this many characters old x new, compare
# every pair; larger ones use shared words.
FULL_COMPARISON_PAIRS = 10_000
FULL_COMPARISON_CELLS = 10**9
# In large gaps, each sentence is compared with at most this many sentences sharing the most words.
CANDIDATES_PER_SENTENCE = 12
# ...looked up through at most this many entries of the word index (rarest words first).
POSTINGS_PER_SENTENCE = 200
MAX_GROUP = 3
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class Link:
    """Old sentence indices aligned with new sentence indices (one side may be empty)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False


# Prepared sentences by index (only those that need comparing).
Forms = Mapping[int, Form]


@dataclass(frozen=True, slots=True)
class _InOrder:
    """Pairs (old, new) sorted by old, with the highest new of the pairs before each position and
    the lowest new from each on: what tells whether another pair crosses any of them (`_crosses`)."""

    olds: list[int]
    highest_new_before: list[float]  # [k]: of the first k pairs; -inf for none
    lowest_new_from: list[float]  # [k]: of the pairs from k on; inf for none


@dataclass(frozen=True, slots=True)
class _Gap:
    old: list[int]
    new: list[int]


def align_sentences(old: Sequence[str], new: Sequence[str], *,
                    threshold: float = LINK_THRESHOLD) -> tuple[Link, ...]:
    """Align two lists of sentences. Every sentence is in exactly one link.

    Links come sorted by their first old index, additions last; `moved` links are out of order
    relative to the rest. A string given for a list (whose characters would each be a sentence),
    or a sentence that is no string (a `Sentence`: give its `text`), or a `threshold` that is no
    number, raises TypeError; a `threshold` outside 0 to 1, where every similarity it is
    compared with lies (`form_similarity`), or NaN, which compares with none, raises ValueError.
    """
    _check_texts(old, "old")
    _check_texts(new, "new")
    if not isinstance(threshold, Real) or isinstance(threshold, bool):
        raise TypeError(f"align_sentences takes threshold as a number (0 to 1, default "
                        f"{LINK_THRESHOLD}), not {type(threshold).__name__}")
    if not 0 <= threshold <= 1:  # NaN is neither
        raise ValueError(f"align_sentences takes threshold as a similarity from 0 to 1 (default "
                         f"{LINK_THRESHOLD}), not {threshold!r}")
    old_keys = [match_key(text) for text in old]
    new_keys = [match_key(text) for text in new]
    anchors = identical_anchors(old_keys, new_keys)
    links: list[Link] = [Link((i,), (j,), 1.0) for i, j in anchors]
    # Only sentences without an identical partner are ever compared: prepare just those.
    old_anchored = {i for i, _ in anchors}
    new_anchored = {j for _, j in anchors}
    old_forms = {i: Form.of(key) for i, key in enumerate(old_keys) if i not in old_anchored}
    new_forms = {j: Form.of(key) for j, key in enumerate(new_keys) if j not in new_anchored}
    for gap in _gaps(anchors, len(old), len(new)):
        links.extend(_align_gap(gap, old_forms, new_forms, threshold))
    linked_old = {i for link in links for i in link.old}
    linked_new = {j for link in links for j in link.new}
    loose_old = [i for i in range(len(old)) if i not in linked_old]
    loose_new = [j for j in range(len(new)) if j not in linked_new]
    moves = _match_moves(loose_old, loose_new, old_forms, new_forms, max(threshold, MOVE_THRESHOLD))
    moves = _grow_moves(moves, loose_old, loose_new, old_forms, new_forms, threshold)
    moves += _extended_elsewhere(loose_old, loose_new, old_forms, new_forms, links, moves)
    links.extend(moves)
    moved_old = {i for link in moves for i in link.old}
    moved_new = {j for link in moves for j in link.new}
    links.extend(Link((i,), (), 0.0) for i in loose_old if i not in moved_old)
    links.extend(Link((), (j,), 0.0) for j in loose_new if j not in moved_new)
    links = _moves_marked(_better_partners(links, old_forms, new_forms, threshold), len(new))
    links.sort(key=lambda link: (0, link.old[0]) if link.old else (1, link.new[0]))
    return tuple(links)


_TEXTS_WANTED = ("align_sentences takes two lists of sentences' texts "
                 "([s.text for s in sentences])")


def _check_texts(texts: Sequence[str], side: str) -> None:
    """Refuse a string, or a list holding anything but strings, as `align_sentences`' `side`."""
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(f"{_TEXTS_WANTED}, not {'a str' if isinstance(texts, str) else 'bytes'}")
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{_TEXTS_WANTED}: {side} sentence {index} is {type(text).__name__}")


def _gaps(anchors: Sequence[tuple[int, int]], old_size: int, new_size: int) -> list[_Gap]:
    gaps: list[_Gap] = []
    bounds = [(-1, -1), *anchors, (old_size, new_size)]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        if i1 - i0 > 1 and j1 - j0 > 1:
            gaps.append(_Gap(list(range(i0 + 1, i1)), list(range(j0 + 1, j1))))
    return gaps


def _candidate_pairs(old_ids: Sequence[int], new_ids: Sequence[int], old_forms: Forms,
                     new_forms: Forms, cutoff: float,
                     shared_word_pairs: set[tuple[int, int]] | None = None
                     ) -> dict[tuple[int, int], float]:
    """(old, new) pairs at least `cutoff` alike, with their similarity.

    Pairs whose lengths alone rule them out (`similarity_bound`) are never scored.
    `shared_word_pairs`, when given, is what `_shared_word_pairs` finds for these sentences.
    """
    pairs: dict[tuple[int, int], float] = {}
    if not old_ids or not new_ids:
        return pairs

    def score_pairs(candidates: Iterable[tuple[int, int]]) -> None:
        for i, j in candidates:
            if similarity_bound(old_forms[i], new_forms[j]) >= cutoff:
                score = form_similarity(old_forms[i], new_forms[j])
                if score >= cutoff:
                    pairs[(i, j)] = score

    longest_old = max(old_ids, key=lambda i: len(old_forms[i].chars))
    giant = [j for j in new_ids if is_giant_pair(old_forms[longest_old], new_forms[j])]
    # exact scoring would take seconds; form_similarity bounds the cost
    score_pairs((i, j) for j in giant for i in old_ids)
    new_ids = [j for j in new_ids if j not in giant]
    old_chars = sum(len(old_forms[i].chars) for i in old_ids)
    new_chars = sum(len(new_forms[j].chars) for j in new_ids)
    if (new_ids and len(old_ids) * len(new_ids) <= FULL_COMPARISON_PAIRS
            and old_chars * new_chars <= FULL_COMPARISON_CELLS):
        for j in new_ids:
            new_form = new_forms[j]
            choices = [i for i in old_ids if similarity_bound(old_forms[i], new_form) >= cutoff]
            for position, score in _scores_reaching(new_form, [old_forms[i] for i in choices],
                                                    cutoff):
                pairs[(choices[position], j)] = score
        return pairs
    if shared_word_pairs is None or giant:  # a search without the giant sentences
        shared_word_pairs = _shared_word_pairs(old_ids, new_ids, old_forms, new_forms)
    for i, candidates in itertools.groupby(sorted(shared_word_pairs), key=operator.itemgetter(0)):
        old_form = old_forms[i]
        choices = [j for _, j in candidates if similarity_bound(old_form, new_forms[j]) >= cutoff]
        for position, score in sorted(_scores_reaching(old_form, [new_forms[j] for j in choices],
                                                       cutoff)):
            pairs[(i, choices[position])] = score
    return pairs


# Far less than a similarity's last digit, more than its rounding: `_scores_reaching` leaves a
# pair unscored only when it falls short of the cutoff by this much.
_ROUNDING = 1e-9


def _scores_reaching(form: Form, others: Sequence[Form], cutoff: float
                     ) -> list[tuple[int, float]]:
    """(position, `form_similarity`) of those of `others` (no pair giant) at least `cutoff` alike
    `form`, scored in one batch, in the order of their characters' share, highest first.

    The words of a pair are compared only when its characters leave it a chance: a share of
    words is at most that of the shorter's count (`similarity_bound`), so a pair whose
    characters fall short by more than that cannot reach `cutoff` (nearly half of the pairs
    sharing words that are tried as moves, unlike sentences of unlike length)."""
    char_scores = process.extract(form.chars, [other.chars for other in others],
                                  scorer=Indel.normalized_similarity, limit=None)
    words = len(form.words)
    hopeful = [(position, char_score) for _, char_score, position in char_scores
               if char_score + share_bound(words, len(others[position].words))
               >= 2 * cutoff - _ROUNDING]
    if not hopeful:
        return []
    word_scores = process.extract(form.words, [others[position].words for position, _ in hopeful],
                                  scorer=Indel.normalized_similarity, limit=None)
    scores = [0.0] * len(hopeful)
    for _, word_score, at in word_scores:
        scores[at] = (hopeful[at][1] + word_score) / 2
    return [(position, score) for (position, _), score in zip(hopeful, scores, strict=True)
            if score >= cutoff]


def _shared_word_pairs(old_ids: Sequence[int], new_ids: Sequence[int], old_forms: Forms,
                       new_forms: Forms) -> set[tuple[int, int]]:
    """Pairs that share the most topic words, found through an inverted index (both directions).

    Each sentence looks its words up rarest first and stops once it has visited
    `POSTINGS_PER_SENTENCE` index entries, so the cost is linear in the number of sentences even when
    a word occurs in a fixed share of them.
    """
    old_tokens = {i: content_tokens(old_forms[i]) for i in old_ids}
    new_tokens = {j: content_tokens(new_forms[j]) for j in new_ids}
    pairs: set[tuple[int, int]] = set()
    for source_tokens, target_tokens, flip in ((new_tokens, old_tokens, False),
                                               (old_tokens, new_tokens, True)):
        index: dict[str, list[int]] = {}
        for target, tokens in target_tokens.items():
            for token in tokens:
                index.setdefault(token, []).append(target)
        for source, tokens in source_tokens.items():
            postings: list[list[int]] = []
            budget = POSTINGS_PER_SENTENCE
            for size, token in sorted((len(index[token]), token) for token in tokens if token in index):
                budget -= size
                if budget < 0:
                    break
                postings.append(index[token])
            shared = Counter(itertools.chain.from_iterable(postings))
            most_shared = _most_shared(shared)
            pairs.update(zip(itertools.repeat(source), most_shared) if flip
                         else zip(most_shared, itertools.repeat(source)))
    return pairs


def _most_shared(shared: Counter[int]) -> list[int]:
    """The CANDIDATES_PER_SENTENCE sentences sharing the most words, of those sharing as many at
    the cut the first seen: the ones `Counter.most_common` picks, without its heap, which runs
    in Python over every sentence counted."""
    if len(shared) <= CANDIDATES_PER_SENTENCE:
        return list(shared)
    return sorted(shared, key=shared.__getitem__, reverse=True)[:CANDIDATES_PER_SENTENCE]


def _block(old_ids: list[int], new_ids: list[int], old_forms: Forms,
           new_forms: Forms, threshold: float) -> Block | None:
    """The block linking these sentences, or None when a part of a group does not belong."""
    old_parts = [old_forms[k] for k in old_ids]
    new_parts = [new_forms[k] for k in new_ids]
    # most groups tried have a part that does not belong: it is told before the parts are joined
    if not (_parts_belong(old_parts, new_parts, threshold)
            and _parts_belong(new_parts, old_parts, threshold)):
        return None
    old_form = Form.joined(old_parts)
    new_form = Form.joined(new_parts)
    score = form_similarity(old_form, new_form)
    parts, joined, whole = (old_parts, old_form, new_form) if len(old_ids) > 1 \
        else (new_parts, new_form, old_form)
    if _made_of_parts_kept_whole(parts, whole):
        # weighed by the words the parts share with the whole in any order, those that hold a
        # letter or a digit, as they are judged kept whole; keeps its own similarity
        words_score = _shared_word_share(words_only(joined), words_only(whole))
        if words_score > score:
            block = _scored_block(old_ids, new_ids, old_form, new_form, threshold, words_score)
            return replace(block, similarity=score)
    return _scored_block(old_ids, new_ids, old_form, new_form, threshold, score)


def _parts_belong(parts: list[Form], other: list[Form], threshold: float) -> bool:
    """Whether each of several parts has at least PART_CONTAINMENT of its words, in order, in the
    other side's sentences read as one, or is an edit of them: alike them above `threshold`, as
    a pair is linked (`Under fire, the minister resigned.`, half its words new, is a part of `The
    minister resigned and the government fell.`). A single sentence is no group: it belongs."""
    if len(parts) == 1:
        return True
    whole = Form.joined(other)
    return all(containment(part, whole) >= PART_CONTAINMENT or _alike(part, whole, threshold)
               for part in parts)


def _alike(one: Form, other: Form, threshold: float) -> bool:
    """Whether the two are more than `threshold` alike (told from their lengths when they cannot
    be)."""
    return similarity_bound(one, other) > threshold and form_similarity(one, other) > threshold


def _made_of_parts_kept_whole(parts: list[Form], whole: Form) -> bool:
    """Whether the parts of a split or merge are each kept whole in the other sentence (their
    words in order, but one in PART_WORDS_PER_GAINED (`_part_kept_whole`):
    `Another 30 were wounded.` of `X and 30 were wounded.`) and together make it up (all but a
    tenth of its words, or all but one a part: a short sentence merged with a figure changed,
    `X 12 people, police said. Another 30 were wounded.` to `X 15 people and 30 were wounded,
    police said.`, holds two words neither part gave it): a split that also moved words from one
    part to another (`X and y, officials said.` to `X, officials said. Y.`), whose joined parts
    are less alike the whole than their words say. Words are those that hold a letter or a
    digit: the marks that close a part move when it is cut off (`"X and y," he said.` to `"X,"
    he said. "Y."`), and in a short part they would weigh as much as its words."""
    parts = [words_only(part) for part in parts]
    whole = words_only(whole)
    if not all(_part_kept_whole(part, whole) for part in parts):
        return False
    part_words = Counter(word for part in parts for word in part.words)
    covered = sum((Counter(whole.words) & part_words).values())
    return covered >= min(EXTENDED_CONTAINMENT * len(whole.words), len(whole.words) - len(parts))


def _part_kept_whole(part: Form, whole: Form) -> bool:
    """Whether the words of one part of a split or merge are kept in `whole`, in order: all but
    one in PART_WORDS_PER_GAINED, which a part gains when it is cut off (`Another` of `Another 30
    were wounded.`, one of four; `also` and `it` of `One U.S. military official also confirmed
    it.`, two of eight)."""
    count = len(part.words)
    share = (count - count // PART_WORDS_PER_GAINED) / count if count else 1.0
    return containment(part, whole) >= share


def _shared_word_share(one: Form, other: Form) -> float:
    """The share of the words of both texts that the other holds too, in any order."""
    total = len(one.words) + len(other.words)
    if not total:
        return 0.0
    return 2 * sum((Counter(one.words) & Counter(other.words)).values()) / total


def _pair_block(i: int, j: int, old_forms: Forms, new_forms: Forms, threshold: float,
                score: float) -> Block:
    """The block linking one old sentence with one new one, whose similarity is known."""
    return _scored_block([i], [j], old_forms[i], new_forms[j], threshold, score)


def _kept_whole_block(i: int, j: int, old_forms: Forms, new_forms: Forms, threshold: float,
                      score: float) -> Block:
    """The block of a pair `_kept_whole` links though less alike than `threshold`: it weighs as
    if just above the threshold, and keeps its own similarity."""
    block = _pair_block(i, j, old_forms, new_forms, threshold, threshold + EXTENDED_MARGIN)
    return replace(block, similarity=score)


def _holds_words(form: Form, count: int) -> bool:
    """Whether the sentence holds `count` words or more that hold letters or digits only (not
    its punctuation): its words are read up to the `count`th such one, not all of them."""
    return len(list(itertools.islice(filter(str.isalnum, form.words), count))) == count


def _kept_whole(old: Form, new: Form) -> bool:
    """Whether one sentence is the other kept whole with words added around or inside it (`The
    base was hit.` / `The base was hit, Iraqi officials said, adding: "…"`): an edit however
    much was added, when the one kept holds EXTENDED_WORDS words or more. Its words are those
    with a letter or a digit: the marks that close a quotation move when more is added to it
    (`"We will win."` / `"We will win, and …," he said.`). A sentence re-punctuated, nothing
    added (`_re_punctuated`), is kept whole however short."""
    shorter, longer = (old, new) if len(old.words) <= len(new.words) else (new, old)
    if _re_punctuated(shorter, longer):
        return True
    if not _holds_words(shorter, EXTENDED_WORDS):
        return False
    shorter, longer = words_only(shorter), words_only(longer)
    words = set(longer.words)
    # cheap: most pairs stop here, a few words in
    allowed = (1 - EXTENDED_CONTAINMENT) * len(shorter.words)
    missing = 0
    for word in shorter.words:
        if word not in words:
            missing += 1
            if missing > allowed:
                return False
    return containment(shorter, longer) >= EXTENDED_CONTAINMENT


def _re_punctuated(one: Form, other: Form) -> bool:
    """Whether the two sentences hold the same words, those with a letter or a digit, in the same
    order: one sentence with its marks changed (`Hi...` / `Hi—`), whose marks weigh as much as
    its words when it is short, so that it was less alike than `LINK_THRESHOLD`."""
    words = words_only(one).words
    return bool(words) and words == words_only(other).words


def _kept_whole_pairs(old_ids: Sequence[int], new_ids: Sequence[int], old_forms: Forms,
                      new_forms: Forms, scored: Mapping[tuple[int, int], float],
                      shared_word_pairs: set[tuple[int, int]] | None) -> dict[tuple[int, int], float]:
    """Pairs not among `scored` in which one sentence is kept whole inside the other, with their
    similarity: too little alike to be candidates when much was added (`Rockets hit the base.` in
    a sentence five times as long). A small gap tries every pair, a larger one those sharing the
    most words (`shared_word_pairs`, found for a gap of more than FULL_COMPARISON_PAIRS pairs)."""
    tried: Iterable[tuple[int, int]] = shared_word_pairs if shared_word_pairs is not None \
        else itertools.product(old_ids, new_ids)
    return {(i, j): form_similarity(old_forms[i], new_forms[j]) for i, j in tried
            if (i, j) not in scored and not is_giant_pair(old_forms[i], new_forms[j])
            and _kept_whole(old_forms[i], new_forms[j])}


def _scored_block(old_ids: list[int], new_ids: list[int], old_form: Form, new_form: Form,
                  threshold: float, score: float) -> Block:
    size = len(old_form.chars) + len(new_form.chars)
    extra = len(old_ids) + len(new_ids) - 2
    weight = (score - threshold - GROUP_COST * extra) * size
    return Block(old_ids[0], old_ids[-1], new_ids[0], new_ids[-1], weight, score)


def _may_be_part(part: Form, whole: Form, alike: bool) -> bool:
    """Whether a sentence may be one part of a split or merge of `whole`: alike enough to be a
    candidate pair, or, short beside a long sentence (`They met local police.` of one that ran
    on for thirty words shares too few of both texts' characters to be a candidate), its words
    mostly in `whole`, in order."""
    return alike or containment(part, whole) >= PART_CONTAINMENT


def _align_gap(gap: _Gap, old_forms: Forms, new_forms: Forms,
               threshold: float) -> list[Link]:
    # a large gap's sentences sharing the most words are tried as candidates and as kept whole
    shared_word_pairs = _shared_word_pairs(gap.old, gap.new, old_forms, new_forms) \
        if len(gap.old) * len(gap.new) > FULL_COMPARISON_PAIRS else None
    pairs = _candidate_pairs(gap.old, gap.new, old_forms, new_forms, min(threshold, PART_THRESHOLD),
                             shared_word_pairs)
    kept_whole = _kept_whole_pairs(gap.old, gap.new, old_forms, new_forms, pairs, shared_word_pairs)
    pairs |= kept_whole
    if not pairs:
        return []
    old_lo, old_hi = gap.old[0], gap.old[-1]
    new_lo, new_hi = gap.new[0], gap.new[-1]
    blocks: list[Block | None] = [
        _pair_block(i, j, old_forms, new_forms, threshold, score) if score > threshold
        else _kept_whole_block(i, j, old_forms, new_forms, threshold, score)
        for (i, j), score in pairs.items()
        if score > threshold or (i, j) in kept_whole or _kept_whole(old_forms[i], new_forms[j])
    ]
    seen: set[tuple[int, int, int, int]] = set()
    for (i, j) in pairs:
        for size in range(2, MAX_GROUP + 1):
            for first in range(j - size + 1, j + 1):  # one old sentence split into new first..
                last = first + size - 1
                if first >= new_lo and last <= new_hi and (i, i, first, last) not in seen:
                    seen.add((i, i, first, last))
                    members = list(range(first, last + 1))
                    if all(_may_be_part(new_forms[k], old_forms[i], (i, k) in pairs)
                           for k in members):
                        blocks.append(_block([i], members, old_forms, new_forms, threshold))
            for first in range(i - size + 1, i + 1):  # old first.. merged into one new sentence
                last = first + size - 1
                if first >= old_lo and last <= old_hi and (first, last, j, j) not in seen:
                    seen.add((first, last, j, j))
                    members = list(range(first, last + 1))
                    if all(_may_be_part(old_forms[k], new_forms[j], (k, j) in pairs)
                           for k in members):
                        blocks.append(_block(members, [j], old_forms, new_forms, threshold))
    chosen = best_chain([b for b in blocks if b is not None and b.weight > 0], new_lo,
                        new_hi - new_lo + 1)
    return [
        Link(tuple(range(b.old_start, b.old_end + 1)), tuple(range(b.new_start, b.new_end + 1)),
             b.similarity)
        for b in chosen
    ]


def _match_moves(old_ids: Sequence[int], new_ids: Sequence[int], old_forms: Forms,
                 new_forms: Forms, threshold: float) -> list[Link]:
    """Pair sentences left over anywhere, most alike first, each used once."""
    pairs = _candidate_pairs(old_ids, new_ids, old_forms, new_forms, threshold)
    used_old: set[int] = set()
    used_new: set[int] = set()
    moves: list[Link] = []
    for (i, j), score in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        if score > threshold and i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            moves.append(Link((i,), (j,), score, moved=True))
    return moves


def _grow_moves(moves: list[Link], loose_old: Sequence[int], loose_new: Sequence[int],
                old_forms: Forms, new_forms: Forms, threshold: float) -> list[Link]:
    """A sentence moved elsewhere may have been split or merged on the way: a move takes in
    the loose sentences beside its partner that are parts of it (or the loose sentences beside
    it that its partner merged), when the group scores higher than the pair alone. A sentence
    moved and split in two had been read as a move and an addition."""
    free_old = set(loose_old).difference(*(move.old for move in moves))
    free_new = set(loose_new).difference(*(move.new for move in moves))
    grown: list[Link] = []
    for move in moves:
        (i,), (j,) = move.old, move.new
        best = _pair_block(i, j, old_forms, new_forms, threshold, move.similarity)
        options = [([i], part) for part in _runs_around(j, free_new, new_forms, old_forms[i])]
        options += [(part, [j]) for part in _runs_around(i, free_old, old_forms, new_forms[j])]
        for old_ids, new_ids in options:
            block = _block(old_ids, new_ids, old_forms, new_forms, threshold)
            if block is not None and block.weight > best.weight:
                best = block
        if (best.old_start, best.new_start, best.old_end, best.new_end) == (i, j, i, j):
            grown.append(move)
            continue
        old_ids = list(range(best.old_start, best.old_end + 1))
        new_ids = list(range(best.new_start, best.new_end + 1))
        free_old.difference_update(old_ids)
        free_new.difference_update(new_ids)
        grown.append(Link(tuple(old_ids), tuple(new_ids), best.similarity, moved=True))
    return grown


def _extended_elsewhere(loose_old: Sequence[int], loose_new: Sequence[int], old_forms: Forms,
                        new_forms: Forms, links: Sequence[Link], moves: Sequence[Link]) -> list[Link]:
    """Pairs of an old sentence kept whole, its marks too, as the start of a new one, both still
    loose: a list item moved and extended (`supervision` / `supervision (1992)`) is too little
    alike for a move, and too short to be kept whole inside a longer sentence. That new sentence
    alone goes on from it after a word ends, no other old sentence starts it, and the pair is
    out of order with the links in place: a move. In place, a sentence kept whole is an edit by
    `_kept_whole`, which asks for EXTENDED_WORDS words: `hot or not` / `hot or not was …` are no
    pair there. `He left.` does not start `He left the city …`. The old sentence holds a letter:
    a bare number that starts a line elsewhere (`5` / `5'3" (1600mm) gauge`) is no item moved."""
    free_old = sorted(set(loose_old).difference(*(move.old for move in moves)))
    free_new = set(loose_new).difference(*(move.new for move in moves))
    starts = sorted((new_forms[j].chars, j) for j in free_new)
    texts = [text for text, _ in starts]
    found: dict[int, list[int]] = {}  # new sentence: the old ones that start it
    for i in free_old:
        text = old_forms[i].chars
        if not any(map(str.isalpha, text)):  # a bare number (`5`) starts many a line
            continue
        started: list[int] = []  # the texts it starts follow it, in order
        for k in range(bisect.bisect_left(texts, text), len(texts)):
            if not texts[k].startswith(text) or len(started) == 2:
                break
            if len(texts[k]) > len(text) and not texts[k][len(text)].isalnum():
                started.append(starts[k][1])
        if len(started) == 1:
            found.setdefault(started[0], []).append(i)
    in_order = _in_order((link.old[0], link.new[0]) for link in links if link.old and link.new
                         and not link.moved)
    return [Link((i,), (j,), form_similarity(old_forms[i], new_forms[j]), moved=True)
            for j, (i, *others) in sorted(found.items())
            if not others and _crosses(i, j, in_order)]


def _better_partners(links: list[Link], old_forms: Forms, new_forms: Forms,
                     threshold: float) -> list[Link]:
    """The links with each pair that order alone made replaced by a clearly better move (step 4).

    Of the sentences in pairs of one old and one new sentence that are not moved and less alike
    than 1 - REPAIR_GAIN (no move could gain that much over them), and the loose ones, the most
    alike old and new sentence are paired first, when they are alike as a move must be and the
    sentences re-paired gain REPAIR_GAIN in all: their two former partners pair up when alike
    enough, else are loose. Each sentence is re-paired once.
    """
    def single(link: Link) -> bool:  # a pair alike to within REPAIR_GAIN is kept as it is
        return (len(link.old) <= 1 and len(link.new) <= 1 and not link.moved
                and link.similarity < 1 - REPAIR_GAIN)

    of_old = {link.old[0]: link for link in links
              if single(link) and link.old and _holds_words(old_forms[link.old[0]], REPAIR_WORDS)}
    of_new = {link.new[0]: link for link in links
              if single(link) and link.new and _holds_words(new_forms[link.new[0]], REPAIR_WORDS)}
    # two loose sentences were paired by `_match_moves` already when they could be
    paired_old = sorted(i for i, link in of_old.items() if link.new)
    paired_new = sorted(j for j, link in of_new.items() if link.old)
    candidates = _candidate_pairs(paired_old, sorted(of_new), old_forms, new_forms,
                                  MOVE_THRESHOLD)
    candidates |= _candidate_pairs(sorted(set(of_old) - set(paired_old)), paired_new, old_forms,
                                   new_forms, MOVE_THRESHOLD)
    replaced: set[int] = set()  # ids of the links given up
    added: list[Link] = []
    for (i, k), score in sorted(candidates.items(), key=lambda item: (-item[1], item[0])):
        first, second = of_old.get(i), of_new.get(k)
        if first is None or second is None or first is second or score <= MOVE_THRESHOLD:
            continue
        # the former partners: the old sentence of `second`, the new one of `first`
        rest_score = form_similarity(old_forms[second.old[0]], new_forms[first.new[0]]) \
            if second.old and first.new else 0.0
        if rest_score > threshold:
            rest = [Link(second.old, first.new, rest_score)]
        else:
            rest = [Link(second.old, (), 0.0)] if second.old else []
            rest += [Link((), first.new, 0.0)] if first.new else []
        gain = score + sum(link.similarity for link in rest) - first.similarity - second.similarity
        if gain < REPAIR_GAIN or not _gains_without_digits(first, second, (i, k), rest,
                                                           old_forms, new_forms):
            continue
        replaced.update((id(first), id(second)))
        for link in (first, second):
            for index in link.old:
                of_old.pop(index, None)
            for index in link.new:
                of_new.pop(index, None)
        added.extend([Link((i,), (k,), score), *rest])
    if not added:
        return links
    kept = [link for link in links if id(link) not in replaced]
    in_order = _in_order((link.old[0], link.new[0]) for link in kept if link.old and link.new
                         and not link.moved)
    # a re-pairing out of order with the pairs kept is a move; of the others, the longest run in
    # order stays in place, as of identical sentences (of two that swapped places, one is moved)
    in_place = set(longest_increasing_pairs(sorted(
        (link.old[0], link.new[0]) for link in added
        if link.old and link.new and not _crosses(link.old[0], link.new[0], in_order))))
    return kept + [Link(link.old, link.new, link.similarity,
                        moved=bool(link.old and link.new)
                        and (link.old[0], link.new[0]) not in in_place)
                   for link in added]


def _moves_marked(links: list[Link], new_size: int) -> list[Link]:
    """The links with those out of order with the rest marked moved: of the links with sentences
    on both sides, the largest set in order, counted in sentences, stays in place, so that a
    sentence moved up past more sentences than it holds, edited or not, is the move, not they;
    of two sets as large, the one the alignment found in place (the longest run of identical
    sentences: of two that swapped places one is moved). A pair linked in its place though no
    more alike than a move must be (MOVE_THRESHOLD) keeps its place: moved, it would be a
    deletion and an addition."""
    two_sided = [link for link in links if link.old and link.new]
    # being found in place is worth less than a sentence, however many add up; keeping its place
    # more than every sentence
    found_in_place = 1 / (len(two_sided) + 1)
    kept_place = 2 * sum(len(link.old) + len(link.new) for link in two_sided) + 1
    blocks = [Block(link.old[0], link.old[-1], link.new[0], link.new[-1],
                    len(link.old) + len(link.new) + (0 if link.moved else found_in_place)
                    + (kept_place if _keeps_its_place(link) else 0), link.similarity)
              for link in two_sided]
    in_place = {(block.old_start, block.new_start) for block in best_chain(blocks, 0, new_size)}
    return [replace(link, moved=bool(link.old and link.new)
                    and (link.old[0], link.new[0]) not in in_place)
            for link in links]


def _keeps_its_place(link: Link) -> bool:
    return not link.moved and link.similarity <= MOVE_THRESHOLD


def _gains_without_digits(first: Link, second: Link, pair: tuple[int, int], rest: Sequence[Link],
                    old_forms: Forms, new_forms: Forms) -> bool:
    """Whether re-pairing gains REPAIR_GAIN with the digits masked too: in a list of figures
    (`male: 62.5 years`, `female: 61.89 years`) a tally that took the value another row had is
    alike that row's old text by its number alone."""
    def masked(old_ids: tuple[int, ...], new_ids: tuple[int, ...]) -> float:
        if not old_ids or not new_ids:
            return 0.0
        return form_similarity(_digits_masked(old_forms[old_ids[0]]),
                               _digits_masked(new_forms[new_ids[0]]))

    before = masked(first.old, first.new) + masked(second.old, second.new)
    after = masked((pair[0],), (pair[1],)) + sum(masked(link.old, link.new) for link in rest)
    return after - before >= REPAIR_GAIN


def _digits_masked(form: Form) -> Form:
    return Form(_DIGITS.sub("0", form.chars), tuple(_DIGITS.sub("0", word) for word in form.words))


def _in_order(pairs: Iterable[tuple[int, int]]) -> _InOrder:
    """`pairs` made ready for `_crosses` to ask in O(log n) whether a pair crosses any of them."""
    ordered = sorted(pairs)
    news = [new for _, new in ordered]
    lowest_from_end = list(itertools.accumulate(reversed(news), min, initial=math.inf))
    return _InOrder([old for old, _ in ordered],
                    list(itertools.accumulate(news, max, initial=-math.inf)),
                    lowest_from_end[::-1])


def _crosses(i: int, j: int, in_order: _InOrder) -> bool:
    """Whether the pair (i, j) is out of order with some of the pairs of `in_order`: one of a
    lower old sentence and a higher new one, or of a higher old sentence and a lower new one."""
    lower = bisect.bisect_left(in_order.olds, i)  # the pairs before it have a lower old sentence
    higher = bisect.bisect_right(in_order.olds, i)  # those from it on, a higher one
    return in_order.highest_new_before[lower] > j or in_order.lowest_new_from[higher] < j


def _runs_around(index: int, free: set[int], forms: Forms, whole: Form) -> list[list[int]]:
    """The runs of up to MAX_GROUP sentences holding `index` whose other sentences are free and
    may be parts of `whole`."""
    runs: list[list[int]] = []
    for size in range(2, MAX_GROUP + 1):
        for first in range(index - size + 1, index + 1):
            run = list(range(first, first + size))
            if all(k == index or (k in free and _may_be_part(forms[k], whole, False))
                   for k in run):
                runs.append(run)
    return runs
