"""Split the title row of flattened pages: both titles joined by one space."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    if not line[0].islower() and any(c.isupper() for c in line):
        # a headline that does not begin in lower case is followed by one that does not either
        cuts = [k for k in cuts if not evidence.words[k][:1].islower()] or cuts
    best = max(cuts, key=lambda k: evidence.boundary[k])
    cut = evidence.offset(best)
    return line[:cut - 1], line[cut:]


def _title_splits(line: str | None) -> list[tuple[str, str]]:
    if not line:
        return [("", "")]
    splits = [(line[:i], line[i + 1:]) for i, c in enumerate(line) if c == " "]
    return splits or [(line, line)]


@dataclass(frozen=True, slots=True)
class TitleSplit:
    """The old and new titles of a page; `sure` when they are equal, or when the neighbouring
    pages' title rows leave one place to cut (otherwise the cut is where they most likely meet)."""

    old: str
    new: str
    sure: bool


def split_titles_jointly(lines: Sequence[str | None], linked: Sequence[bool]) -> list[TitleSplit]:
    """Split the title rows of pages in version order: where `linked[i]` says that page i's new
    version is page i + 1's old one, its new title is that page's old title."""
    candidates = [_title_splits(line) for line in lines]
    old_titles = [{old for old, _ in options} for options in candidates]
    new_titles = [{new for _, new in options} for options in candidates]
    chosen = []
    for i, options in enumerate(candidates):
        fitting = [
            (old, new) for old, new in options
            if (i == 0 or not linked[i - 1] or old in new_titles[i - 1])
            and (i == len(lines) - 1 or not linked[i] or new in old_titles[i + 1])
        ]
        local = split_title(lines[i])
        has_neighbour = (i > 0 and linked[i - 1]) or (i < len(lines) - 1 and linked[i])
        pinned = has_neighbour and len(fitting) == 1
        old, new = local if len(lines) == 1 or not fitting or local in fitting else fitting[0]
        chosen.append(TitleSplit(old, new, sure=old == new or pinned))
    return chosen

