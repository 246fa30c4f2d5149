"""Whether two texts' attributions name the same sources (`attribution_changed`): word for word,
a title abbreviated or written out (`Sec.`, `Secretary`), initials with full stops or without
(`U.S.`, `US`), or one name given more or less fully, its
titles and first names set aside (`Gen. Mark Milley`, `Milley`), where the text writes it as a name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from revdiff.engine.abbreviations import is_abbreviation
from revdiff.engine.attribution_lexicon import JOINING_WORDS, WHOSE_WORDS
from revdiff.engine.attribution_tokens import (
    ends_a_sentence,
    is_title_case,
    source_word,
    text_tokens,
    unaccented,
)
from revdiff.engine.headlines import MEDIA_NOUNS, WORD_PUNCTUATION
from revdiff.engine.word_sets import word_set

# Titles before a name, set aside when sources are compared (`Gen. Mark Milley`, `Mr. Trump`).
_TITLES = word_set(
    "mr mrs ms dr gen general adm admiral col colonel lt maj major sgt capt captain cmdr president "
    "vice secretary sec sen senator rep gov governor minister prime chancellor ambassador judge "
    "justice prof professor rev pope king queen prince princess sheikh ayatollah"
)
# Words of a source that are no name, but its noun or the words that say whose it is
# (`officials`, `state TV`): `officials` and `U.S. officials` are other sources.
_NOT_A_NAME = WHOSE_WORDS | MEDIA_NOUNS


def written_as_names(text: str) -> frozenset[str]:
    """The words of the text written capitalised where no capital is due, as a source's words are
    read (`source_word`): the words that may be names. A capital that begins a sentence shows
    none (`Residents said so.`), and none does in a headline in title case, where every word has
    one (`Local Residents Said They Heard Blasts`); one after an abbreviation, which may end a
    sentence or stand in a name (`left the U.S. Residents said`, `the U.S. Army said`), may be a
    name, as a source is flagged changed on evidence, not without it."""
    tokens = text_tokens(text)
    if is_title_case(tokens):
        return frozenset()
    return frozenset(unaccented(source_word(token)) for before, token in pairwise(tokens)
                     if token.lstrip(WORD_PUNCTUATION)[:1].isupper() and not ends_a_sentence(before))


def same_sources(old: Sequence[tuple[str, ...]], new: Sequence[tuple[str, ...]],
                 names: frozenset[str] = frozenset()) -> bool:
    """Whether two texts' attributions name the same sources, in order: word for word, a title
    abbreviated in one and written out in the other (`Defense Sec. Mark Esper`, `Defense
    Secretary Mark Esper`; `Gen.` and `General`) being one word; or one person named more or less
    fully (`_same_name`), where `names` are the words the texts write as names
    (`written_as_names`); a `one` that begins a source counts as its article
    (`_without_counted_one`)."""
    return len(old) == len(new) and all(
        _same_words(a, b) or _same_name(a, b, names)
        for a, b in zip(map(_without_counted_one, old), map(_without_counted_one, new)))


def _without_counted_one(source: tuple[str, ...]) -> tuple[str, ...]:
    """The source without the `one` it begins with before its other words, which counts one as
    the `a` or `an` left out of a source does (`One source said`, `A source said`)."""
    return source[1:] if len(source) > 1 and source[0] == "one" else source


def _same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and all(map(_same_word, a, b))


# Words before a name that say how many or which of its kind, making another source (`Two
# Iraqis`, `South Korea`, `Local Residents`), not a fuller name of it.
_WHICH_OF_A_NAME = word_set(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundreds thousands "
    "several many some few most all other north south east west northern southern eastern western "
    "central upper lower local nearby senior top"
)


def _same_name(a: tuple[str, ...], b: tuple[str, ...], names: frozenset[str]) -> bool:
    """Whether two sources name one person or body, titles before them set aside (`_TITLES`): one
    is the other's last words (`Gen. Mark Milley`, `Mark Milley`, `Milley`; `President Trump`,
    `Mr. Trump`; `The Washington Post`, `the Post`), the last a name (in `names`, and none of
    `_NOT_A_NAME`: `officials` and `U.S. officials` are two sources), with no `and`, `or` or `nor`
    joining two sources in the longer (`Russia and China`, `China`) and no number or word of
    `_WHICH_OF_A_NAME` among the longer's other words (`Two Iraqis`, `Iraqis`; `South Korea`,
    `Korea`). Two that differ in their titles alone are one, names or not, as no capital shows one
    in a headline in title case (`President Trump Said`, `Trump Said`), but for a title alone (`The
    President Said`, `The Vice President Said`)."""
    short, long = sorted((_without_titles(a), _without_titles(b)), key=len)
    if len(short) == len(long) and short[-1] not in _TITLES:
        return _same_words(short, long)
    other_words = long[:len(long) - len(short)]
    return (long[-1] in names and long[-1] not in _NOT_A_NAME
            and not any(word in JOINING_WORDS for word in long)
            and not any(word in _WHICH_OF_A_NAME or any(map(str.isdigit, word)) for word in other_words)
            and _same_words(short, long[len(long) - len(short):]))


def _without_titles(source: tuple[str, ...]) -> tuple[str, ...]:
    """The source without the titles it begins with, but for its last word (`Gen. Mark Milley`
    is `Mark Milley`, `Prime Minister` is `Minister`)."""
    first = 0
    while first < len(source) - 1 and source[first].removesuffix(".") in _TITLES:
        first += 1
    return source[first:]


# Initials each followed by a full stop (`u.s.`, `u.k.`), as a source's word is written
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,}")


def _undotted(word: str) -> str:
    """Initials without their full stops (`u.s.` is `us`, as another house style writes it);
    any other word as it is."""
    return word.replace(".", "") if _DOTTED_INITIALS.fullmatch(word) else word


def _same_word(a: str, b: str) -> bool:
    short, long = sorted((_undotted(a), _undotted(b)), key=len)
    return short == long or (long.startswith(short) and is_abbreviation(short + "."))
