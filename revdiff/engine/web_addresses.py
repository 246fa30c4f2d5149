"""Whether a full stop ends a web or e-mail address (`example.com.`, `news@cdc.gov.`), which ends
a sentence before any capital, as a word does, where a dotted abbreviation (`U.S.`) ends one before
an opener only."""

from __future__ import annotations

from revdiff.engine.abbreviations import ABBREVIATIONS


def is_an_address(word: str, dotted: str) -> bool:
    """Whether `word`, before a full stop, is a web or e-mail address (`news@cdc.gov`,
    `https://example.com/story.html`, `Amazon.com`), whose full stop ends a sentence before any
    capital, as a word's does, where after `U.S.`, `Ph.D.` or `Prof.Dr.` only an opener ends one:
    an `@` or `://` in it, or, in `dotted`, its last part joined by full stops, a last part of
    two letters or more that is no abbreviation and a part of three letters or more that is none
    (`example.com`, `bbc.co.uk`; not `tokyo.u.s` nor `president.gen`, words glued by markup)."""
    if "@" in word or "://" in word:
        return True
    *_, last = parts = dotted.split(".")
    return (len(last) >= 2 and last.isalpha() and last not in ABBREVIATIONS
            and any(len(part) >= 3 and part.isalpha() and part not in ABBREVIATIONS
                    for part in parts))


def is_in_an_address(paragraph: str, stop: int) -> bool:
    """Whether the word around the full stop at `stop` holds another `.`, a `/` or an `@`, as a web
    or e-mail address does (`washingtonpost.com/News`, `Jane.Doe@Example.com`); each scan ends at
    the first, so the glued full stops of one long word without spaces are each read once."""
    for index, step, end in ((stop - 1, -1, -1), (stop + 1, 1, len(paragraph))):
        while index != end and not paragraph[index].isspace():
            if paragraph[index] in "./@":
                return True
            index += step
    return False
