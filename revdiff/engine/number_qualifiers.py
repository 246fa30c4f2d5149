"""What qualifies a number: a mark before it or a `+` after it (`~300`, `3,000+`), or the words
before it (`at least 300` as `≥300`), but for a preposition before a number that names (`about
2020`)."""

from __future__ import annotations

import re
import unicodedata

from revdiff.engine.currency_signs import currency_before
from revdiff.engine.years import looks_like_a_year

# A mark that qualifies the number beside it: `~`, `≈`, `>`, `<`, `≥` or `≤` before it, any run
# of spaces between or none (`~300`, `>  5`, `~\u00a0300` with a no-break space: `_mark_before`),
# where no letter, digit, `-` or `=` is right before the mark (not the `>` of an arrow,
# `200->300`, or of a tag left in the text, `</tr> 1980`), and a `+` right after it that no digit
# follows (`3,000+ troops`, more than 3,000; not the sum `3+2`, nor the sign of `+1`).
_QUALIFIER_BEFORE = re.compile(r"(?<![-=\w])[~≈<>≥≤]")
_QUALIFIER_AFTER = re.compile(r"\+(?![\d+])")
# English words that qualify the number right after them (any run of white space between them
# and after them, no line break: `at  least 5`, `at\u00a0least 5`), read as the mark that says
# the same: synonyms are one qualifier (`about`, `around`, `roughly` and `approximately` are
# `~`), and `nearly` and `almost`, a little below, are `≲`.
_QUALIFYING_WORDS = {"at least": "≥", "no fewer than": "≥", "no less than": "≥",
                     "more than": ">", "over": ">", "above": ">",
                     "at most": "≤", "no more than": "≤", "up to": "≤",
                     "fewer than": "<", "less than": "<", "under": "<", "below": "<",
                     "nearly": "≲", "almost": "≲",
                     "about": "~", "around": "~", "roughly": "~", "approximately": "~"}
# Those that are prepositions too, which before a number that names rather than counts are
# (`argued about 2020 policy`, `growth over 2019`, `a book about 9/11`, `a talk about 5G`, `the
# under 18s`): they qualify no year, four digits from 1800 to 2099 (`looks_like_a_year`), and no
# number that `_names` reads. A unit on a number is a quantity's (`over 30C`, `about 5km`; the
# price: `in under 10s`, ten seconds, is read as an age group), and a currency before it a price's
# (`over $2000`); `over 3 days` may say during or more than, and is read as more.
_PREPOSITIONS = frozenset({"over", "above", "up to", "under", "below", "about", "around"})
# What after a number may make it a name: a `G` or `D` on it, a generation of mobile networks or
# a count of dimensions (`5G`, `3D`), or a slash and a number (group 1), a date or a phrase
# (`9/11`, `24/7`) but a fraction's (`_names`); a date's when a slash and its year follow
# (`_DATE_GOES_ON`: `3/4/2020`).
_NAMING_END = re.compile(r"[GD]\b|/(\d+)(?!\d|[.,]\d)")
_DATE_GOES_ON = re.compile(r"/\d")
# The `s` of a plural on an age, one or two digits, which names an age group, the people of that
# age (`the under 18s`, `over 65s`, `under 18's`), as `the under-18s`, which no preposition
# qualifies, does; `over 100s of people` counts.
_AGE = re.compile(r"\d\d?")
_PLURAL_END = re.compile(r"['’]?s\b")
# The longest first, so that `no more than` is not read as `more than`.
_QUALIFYING_WORD = re.compile(
    r"(?<!\w)(" + "|".join(words.replace(" ", r"[^\S\n]+")
                          for words in sorted(_QUALIFYING_WORDS, key=len, reverse=True))
    + r")[^\S\n]+$", re.IGNORECASE)
_MOST_QUALIFYING_WORDS = max(len(words.split()) for words in _QUALIFYING_WORDS)
# The article before a scale word, which a qualifier stands before (`more than a dozen`).
_ARTICLE_BEFORE_SCALE = re.compile(r"(?<!\w)an?[^\S\n]+$", re.IGNORECASE)


def qualified_number(text: str, number: re.Match[str], value: str, *, end: int | None = None) -> str:
    """The number `number` of `text` (digits, a time or a decade), whose value is `value`, with
    what qualifies it (`qualifier_before`, and a `+` after it, `_QUALIFIER_AFTER`, or after `end`
    where what was read of it ends later, its magnitude with it: `3万+`): `~300`, `>300`, `3000+`,
    and `at least 300` as `≥300`; before a currency's sign or code (`currency_before`) too, `>$300`
    and `more than US$300` as `>300`. A price names nothing: a preposition before a currency
    qualifies its number, `over $2000` as `>2000`, where `over 2000` may be a year's."""
    currency, start = currency_before(text, number.start())
    after = _QUALIFIER_AFTER.match(text, number.end() if end is None else end)
    names = not currency and _names(text, number)
    return qualifier_before(text, start, in_words=False, names=names) + value + ("+" if after else "")


def _names(text: str, number: re.Match[str]) -> bool:
    """Whether the number `number` of `text` names rather than counts (`_PREPOSITIONS`): a year,
    an age group (`_PLURAL_END` on an `_AGE`: `under 18s`), or a number that `_NAMING_END` ends
    but a fraction's numerator, smaller than a denominator up to 10 (`1/3`, `3/10`; `9/11` and
    `24/7` name) or a `1` below a denominator that is no year (`1/11`, `1/100`; `1/2020` names),
    where no slash and a year go on from the denominator, a date's (`3/4/2020`)."""
    if looks_like_a_year(number.group()):
        return True
    if _AGE.fullmatch(number.group()) and _PLURAL_END.match(text, number.end()):
        return True
    end = _NAMING_END.match(text, number.end())
    if end is None:
        return False
    denominator = end.group(1)
    if not denominator or not number.group().isdigit() or _DATE_GOES_ON.match(text, end.end()):
        return True
    below = int(number.group()) < int(denominator)
    return not (below and (int(denominator) <= 10
                           or number.group() == "1" and not looks_like_a_year(denominator)))


def qualifier_before(text: str, at: int, *, in_words: bool, names: bool) -> str:
    """The mark that qualifies the number at `at` of `text`, written before it or, for a number
    `in_words`, before its article (`> a dozen`, `more than a dozen`): a mark
    (`_mark_before`; `≈` as `~`) or the mark for the words (`_QUALIFYING_WORDS`); '' when
    none does, or when a preposition stands before a number that `names` (`about 2020`, `about
    9/11`: `_PREPOSITIONS`)."""
    if in_words and (article := _ARTICLE_BEFORE_SCALE.search(text, _words_before(text, at, 1), at)):
        at = article.start()
    if mark := _mark_before(text, at):
        return mark.replace("≈", "~")
    words = _QUALIFYING_WORD.search(text, _words_before(text, at, _MOST_QUALIFYING_WORDS), at)
    if words is None:
        return ""
    qualifier = " ".join(words.group(1).casefold().split())
    if qualifier in _PREPOSITIONS and names:
        return ""
    return _QUALIFYING_WORDS[qualifier]


def _mark_before(text: str, at: int) -> str:
    """The mark (`_QUALIFIER_BEFORE`) before `at` of `text`, the space separators between skipped
    (ordinary, no-break, thin, ...; no line break); '' when none stands there."""
    while at > 0 and unicodedata.category(text[at - 1]) == "Zs":
        at -= 1
    mark = _QUALIFIER_BEFORE.match(text, at - 1) if at > 0 else None
    return mark.group() if mark else ""


def _words_before(text: str, at: int, count: int) -> int:
    """Where the `count` words of letters before `at` of `text` begin, with the runs of white space
    (no line break) after each: the window that a qualifier's words (`_QUALIFYING_WORD`) or an
    article (`_ARTICLE_BEFORE_SCALE`) before `at` is looked for in, however many spaces part
    them."""
    for _ in range(count):
        while at > 0 and text[at - 1].isspace() and text[at - 1] != "\n":
            at -= 1
        while at > 0 and text[at - 1].isalpha():
            at -= 1
    return at
