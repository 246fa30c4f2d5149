"""Split the title row of flattened pages: both titles joined by one space."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from revdiff.engine.headlines import LONGEST_HEADLINE_SOURCE, headline_source_words
from revdiff.splitter.evidence import gather_evidence, is_glued_match

_GOES_ON = (":", ",", ";")


def split_title(line: str | None) -> tuple[str, str]:
    """The title row is both titles joined by one space; equal titles give `T T`."""
    if not line:
        return "", ""
    words = line.split(" ")
    if len(words) % 2 == 1:
        half = len(words) // 2
        if words[:half] == words[half + 1:] and not words[half]:
            return " ".join(words[:half]), " ".join(words[:half])
    half_chars = (len(line) - 1) // 2
    if len(line) % 2 == 1 and line[:half_chars] == line[half_chars + 1:] and line[half_chars] == " ":
        return line[:half_chars], line[:half_chars]
    if is_glued_match(line):  # equal titles glued as body match rows are, without the space
        return line[:len(line) // 2], line[:len(line) // 2]
    evidence = gather_evidence([(0, line)])[0]
    if evidence.size < 2:
        return line, line
    # a title does not end in a colon, a comma or a semicolon: it would go on
    cuts = [k for k in range(1, evidence.size) if not evidence.words[k - 1].endswith(_GOES_ON)]
    cuts = cuts or list(range(1, evidence.size))
    # nor inside the source a wire headline names after its colon (`…: Iranian | TV Iran …`)
    cuts = [k for k in cuts if not _inside_headline_source(evidence.words, k)] or cuts
    if not line[0].islower() and any(c.isupper() for c in line):
        # a headline that does not begin in lower case is followed by one that does not either
        cuts = [k for k in cuts if not evidence.words[k][:1].islower()] or cuts
    best = max(cuts, key=lambda k: evidence.boundary[k])
    cut = evidence.offset(best)
    return line[:cut - 1], line[cut:]


def _inside_headline_source(words: list[str], k: int) -> bool:
    """Whether a title cut before word `k` would end inside the source that the words after its
    last colon begin to name, one or more of the next words completing it (`Rockets hit base
    housing US troops in Iraq: Iranian` before `TV`): a wire headline names its source whole."""
    colon = next((i for i in range(k - 1, max(-1, k - 1 - LONGEST_HEADLINE_SOURCE), -1)
                  if words[i].endswith(":")), None)
    if colon is None or headline_source_words(" ".join(words[colon:k])):
        return False
    return any(headline_source_words(" ".join(words[colon:k + more]))
               for more in range(1, LONGEST_HEADLINE_SOURCE - (k - colon - 1) + 1))


# The longest title row cut jointly with its neighbours' (no headline is near it): each of the
# row's cuts is held as its two titles, so a row of 200 KB of hostile text took gigabytes.
_LONGEST_JOINT_TITLE_ROW = 2_000


def _title_splits(line: str | None) -> list[tuple[str, str]]:
    """Every cut of the title row `line`, as its two titles; none past _LONGEST_JOINT_TITLE_ROW,
    where the row is cut alone (`split_title`)."""
    if not line:
        return [("", "")]
    if len(line) > _LONGEST_JOINT_TITLE_ROW:
        return []
    splits = [(line[:i], line[i + 1:]) for i, c in enumerate(line) if c == " "]
    return splits or [(line, line)]


@dataclass(frozen=True, slots=True)
class TitleSplit:
    """The old and new titles of a page; `sure` when they are equal, or when the neighbouring
    pages' title rows leave one place to cut (otherwise the cut is where they most likely meet)."""

    old: str
    new: str
    sure: bool


def split_titles_jointly(lines: Sequence[str | None], numbers: Sequence[tuple[int, int]]
                         ) -> list[TitleSplit]:
    """Split the title rows of pages that compare the versions `numbers` (old, new): a version
    has one title on every page that shows it."""
    candidates = [_title_splits(line) for line in lines]
    possible: dict[int, set[str]] = {}  # per version, the titles every page showing it allows
    for options, (old_number, new_number) in zip(candidates, numbers):
        if not options:  # a row too long to cut jointly constrains no version's title
            continue
        for number, titles in ((old_number, {old for old, _ in options}),
                               (new_number, {new for _, new in options})):
            possible[number] = possible[number] & titles if number in possible else titles
    shown = Counter(number for pair in numbers for number in pair)
    chosen = []
    for line, options, (old_number, new_number) in zip(lines, candidates, numbers):
        fitting = [(old, new) for old, new in options
                   if old in possible[old_number] and new in possible[new_number]]
        local = split_title(line)
        pinned = (shown[old_number] > 1 or shown[new_number] > 1) and len(fitting) == 1
        old, new = local if len(lines) == 1 or not fitting or local in fitting else fitting[0]
        chosen.append(TitleSplit(old, new, sure=old == new or pinned))
    return chosen
