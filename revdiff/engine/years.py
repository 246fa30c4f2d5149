"""What looks like a year: four ASCII digits up to 2099 (`2020`; not `²⁰²⁰`, whose digits `int`
cannot read), from 1800 where a number may count as well as name (`about 2020 plans`, `about 1500
protesters`), and from 1000 after `in` or `since` before a source, where a number hardly counts
(`In 1492 Columbus wrote`). Read by a number's qualifiers (engine/number_qualifiers.py), a
source's (engine/source_qualifiers.py) and the words that say when (engine/attribution_times.py)."""

from __future__ import annotations

# The first year of the years a number after a preposition that may qualify a count names (`about
# 2020 policy`); one before it counts (`about 1500 protesters`).
FIRST_YEAR = 1800
# The first year after `in` or `since` before a source (`In 1066 the chroniclers wrote`), where the
# number says when, not how many.
FIRST_YEAR_AFTER_IN = 1000
LAST_YEAR = 2099


def looks_like_a_year(word: str, *, earliest: int = FIRST_YEAR) -> bool:
    """Whether the word is four ASCII digits from `earliest` to `LAST_YEAR`, a year's."""
    return (len(word) == 4 and word.isascii() and word.isdigit()
            and earliest <= int(word) <= LAST_YEAR)
