"""The words that qualify or focus the source they open (`Nearly 40 officials said`, `…, said
nearly 40 officials.`, `According to only the Pentagon, …`), which are no words of its name, read
before and after its verb alike (engine/source_before_verb.py, engine/source_after_verb.py)."""

from __future__ import annotations

from revdiff.engine.attribution_lexicon import SOURCE_NOUNS, SOURCE_QUALIFIERS
from revdiff.engine.attribution_tokens import bare_word, ends_clause
from revdiff.engine.numbers import numbers_in
from revdiff.engine.years import looks_like_a_year

# Qualifiers that are prepositions too, which qualify a source only before a count (`about 40
# officials`, `over a dozen officials`; not `said about the plan`, `Over the weekend officials
# said`).
_PREPOSITIONS = frozenset({("about",), ("around",), ("over",), ("up", "to")})


def _counts_a_source(tokens: list[str], at: int, end: int, *, subject: bool) -> bool:
    """Whether the words at `at` (before `end`) begin with a count after a preposition that
    qualifies a source (`about 40 officials`, `over a dozen officials`), not with a year, what was
    said about (`said about 2020 plans`): four digits from 1800 to 2099 (`looks_like_a_year`), as
    a number's qualifiers read it (engine/number_qualifiers.py), but for one before a source's
    noun (`said about 2000 officials`) or in the `subject` of a verb after it, which it counts
    (`About 2000 protesters said`)."""
    if not numbers_in(" ".join(tokens[at:min(at + 2, end)])):
        return False
    before_a_source_noun = at + 1 < end and bare_word(tokens[at + 1]) in SOURCE_NOUNS
    return subject or not looks_like_a_year(bare_word(tokens[at])) or before_a_source_noun


def past_qualifiers(tokens: list[str], start: int, end: int, *, subject: bool = False) -> int:
    """Where the source in the words from `start` to `end` begins past the words that qualify or
    focus it (`SOURCE_QUALIFIERS`: `Nearly 40 officials said`, `Only the Pentagon said` and `…,
    said nearly 40 officials.` name `40 officials` and `the Pentagon`): after them when they are
    in lower case or the word after them is not capitalised (a number, `officials`, `the`), and,
    a preposition too (`about`, `over`), a count follows them (`_PREPOSITIONS`), no year after
    the verb, where the words are no `subject` of it (`_counts_a_source`); at `start` when
    they hold none, or a punctuation ends one (`said only, …`), or they and the word after them
    are capitalised, as a name's words are (`Just Eat said`, `About Face said`; the price: `Only
    Iran said` names `only iran`)."""
    words = [bare_word(token) for token in tokens[start:end]]
    qualifier = next((candidate for candidate in SOURCE_QUALIFIERS
                      if tuple(words[:len(candidate)]) == candidate and len(candidate) < len(words)), None)
    if qualifier is None or any(map(ends_clause, tokens[start:start + len(qualifier)])):
        return start
    after = start + len(qualifier)
    if qualifier in _PREPOSITIONS and not _counts_a_source(tokens, after, end, subject=subject):
        return start
    if tokens[start].islower() or not tokens[after][:1].isupper():
        return after
    return start
