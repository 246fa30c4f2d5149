"""Flags a researcher filters edits on: what kind of change an old/new pair of texts shows."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from decimal import Decimal

from revdiff.engine.attribution_tokens import is_title_case
from revdiff.engine.attributions import attributions_in
from revdiff.engine.graphemes import grapheme_clusters, holds_emoji, is_emoji, is_mark
from revdiff.engine.same_sources import same_sources, written_as_names
from revdiff.engine.sentences import BEFORE_OR_AFTER_NAME, MONTHS, TITLES, word_set
from revdiff.engine.similarity import compatibility_form
from revdiff.engine.words import NUMBER_PART, SPACES
from revdiff.model import Flag, Sources

# A number in digits, with its separators (`words.NUMBER_PART`), a minus sign before it (`-5`,
# `−5`, and `–5`, an en dash set as a minus; not the hyphen or dash of `2019-2020`, `3–5 June`,
# `COVID-19` or, after a number's percent or degree sign, `52%-48%` and `5°–10°`) and a decimal
# point that begins it (`.5 percent`; not the full stop of `No.5`).
_SEPARATED = rf"\d+{NUMBER_PART}*"
_NUMBER = re.compile(rf"(?<![\w.,\u066b\u066c%‰°])[-−–]?(?:\.(?=\d))?{_SEPARATED}|{_SEPARATED}")

# Number words with one value are compared by it (`five` and `5`, `first` and `1st`); the others
# (`hundred`, `dozens`, `tens` of `tens of thousands`, India's `lakh` and `crore`, `half`) as words,
# but a scale word after a number in other styles (`_SCALES`: `1.2 million` as `1200000`).
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
             "seventeenth", "eighteenth", "nineteenth")
_TENS_ORDINALS = ("twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
                  "eightieth", "ninetieth")
_NUMBER_VALUES = ({word: str(value) for value, word in enumerate(_UNITS)}
                  | {word: str(20 + 10 * tens) for tens, word in enumerate(_TENS)}
                  | {word: str(value) for value, word in enumerate(_ORDINALS, start=1)}
                  | {word: str(20 + 10 * tens) for tens, word in enumerate(_TENS_ORDINALS)})
_NUMBER_WORDS = word_set(
    "tens hundred hundreds thousand thousands lakh lakhs million millions crore crores billion "
    "billions trillion trillions dozen dozens half"
)
# The number words that multiply the number before them by one value, which `numbers_in` reads as
# their product in other styles (`1.2 million` as `1200000`); not their plurals, which count
# vaguely (`hundreds`, `dozens`), nor `tens` or `half`.
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "lakh": 10**5, "million": 10**6,
           "crore": 10**7, "billion": 10**9, "trillion": 10**12}
# `one`, `first` and `second` where they are no number: `no one`, `one another`, `the one who`,
# `one-time` (former), `at first` and `first of all` (initially), `first lady` (a title) and
# `first responders` (a trade), and a `second` that ends its clause (`wait a second.`); `one
# soldier`, `the first attack` and `a second attack` are.
_NO_NUMBER = re.compile(r"\bno one\b|\bone another\b|\bthe one(?= (?:who|that|which)\b)"
                        r"|\bone-time\b|\bat first\b|\bfirst of all\b"
                        r"|\bfirst (?:lady|ladies|responders?)\b"
                        r"|\bsecond(?=\s*(?:[.,;:!?)]|$|ago\b|later\b))")
# A capitalised ordinal before a capitalised word, which it names with (`the First Amendment`,
# `the Second Fleet`, `Twenty-Fifth Amendment`): group 1 is that word's first letter, which a
# match needs in upper case. `the first 700 troops` and `a second attack` count. It begins with
# the capitals its words begin with, so that the search skips to those (most texts hold none).
_CAPITALISED_ORDINAL = re.compile(
    f"(?=[{''.join(sorted({word[0].upper() for word in _TENS + _ORDINALS + _TENS_ORDINALS}))}])"
    rf"\b(?:(?:{'|'.join(tens.capitalize() for tens in _TENS)})[-‐ ])?"
    rf"(?:{'|'.join(ordinal.capitalize() for ordinal in _ORDINALS + _TENS_ORDINALS)})"
    r"\b(?=\s+([^\W\d_]))")
# Two letters or more that may write a Roman numeral, upper case and after a word and a space
# (`World War II`, `Henry VIII`; not `Malcolm X`), read as a number where
# `_roman_numeral_values` says. Its first letter begins the pattern, so that the search skips to
# those letters.
_ROMAN_NUMERAL = re.compile(r"[IVX](?<=[^\W\d_]\s[IVX])[IVX]+(?!\w)")
# What a valid numeral of I, V and X writes (`II` to `XXXIX`; not `IIII`, `VV` or `IVI`): tens,
# then units.
_ROMAN_SYNTAX = re.compile(r"(X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_UNITS = {"": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
                "IX": 9}
# Words that make an `IV` after them a noun, `The IV drip`, `an IV line`, not a name's number.
_DETERMINERS = word_set("the a an this that these those my your his her its our their no any "
                        "some each every all another either neither both which what whose")
# Marks that may close a sentence after its `.`, `!` or `?`, and marks that may open a word.
_CLOSING_MARKS = "\"'”’)]»"
_OPENING_MARKS = "\"'“‘„«(["
# Abbreviations whose full stop ends no sentence before a name (`St. Louis IX`, `Gen. Smith`).
_BEFORE_NAME = TITLES | BEFORE_OR_AFTER_NAME
# A number word, `twenty-five` and `twenty five` as one (`twenty-first` too; but `thirty
# second` is most often a duration, `a thirty second ad`, and stays two words as `30 second`).
_NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(_TENS)})(?:[-‐]| (?!second\b))"
                          rf"({'|'.join(_UNITS[1:10] + _ORDINALS[:9])})\b|\w+)")
# Hebrew writes an acronym with a `"` (for the gershayim `״`) before its last letter (`צה"ל`,
# `ארה"ב`): such a mark opens and closes no quotation, where one after a prefix letter does
# (`ל"הארץ"`, to "Haaretz").
_HEBREW_LETTER = "\u05d0-\u05ea"
_LAST_LETTER = rf"[{_HEBREW_LETTER}](?!\w)"
_HEBREW_ACRONYM_MARK = re.compile(rf'(?<=[{_HEBREW_LETTER}])"(?={_LAST_LETTER})')
# Quotation marks and what closes them: curly double, straight double, guillemets, curly single
# (whose closing mark inside a word is an apostrophe: `won’t`), German low double quotes and
# German low single quotes (`‚…‘`, a quotation inside one, whose closing mark inside a word is an
# apostrophe too: `‚So geht‘s nicht.‘`), straight single (an apostrophe too,
# so it opens a quotation only at a word's start, `'big'`, and closes it only at a word's end;
# `soldiers' families` and `'90s` open none).
# German and Danish reversed guillemets (`»…«`, which open only before a word and close after one,
# since French sets `« … »` with spaces inside), single guillemets and Chinese and Japanese corner
# brackets (`‹…›`, `「…」`, `『…』`) too. Each pattern begins with its mark (one that looks behind
# does so after it), so that a search, `_ANY_CLOSING`'s too, skips to the marks: a pattern
# that begins with a look-behind is tried at every character of the text.
_CLOSING = {"“": re.compile("”"), '"': re.compile(f'"(?<![{_HEBREW_LETTER}]")|"(?!{_LAST_LETTER})'),
            "«": re.compile("»"), "‘": re.compile(r"’(?!\w)"), "„": re.compile("[“”]"),
            "‚": re.compile(r"‘(?!\w)"), "'": re.compile(r"'(?<=\S')(?!\w)"),
            "»": re.compile(r"«(?<=\S«)"), "‹": re.compile("›"), "「": re.compile("」"),
            "『": re.compile("』")}
# The marks that end an open quotation's search: every closing mark but German `“` and `‘`,
# which open English quotations, `«`, which opens French ones, and the straight single mark, most
# often an apostrophe.
_ANY_CLOSING = re.compile("|".join(pattern.pattern for mark, pattern in _CLOSING.items()
                                   if mark not in "„‚'»"))
# Every mark that may open a quotation: the reading looks at these places only.
_OPENING_MARK = re.compile("[" + re.escape("".join(_CLOSING)) + "]")
# What may stand before a straight single mark that opens a quotation.
_BEFORE_SINGLE_OPENING = frozenset("([{—–-\"“«")


def _without_space(text: str) -> str:
    return SPACES.sub("", text)


# What `_content` takes out of an ASCII text, which holds no combining mark nor emoji: every
# character but a letter or digit, left out in one `str.translate` rather than tested one by one.
_ASCII_PUNCTUATION = str.maketrans("", "", "".join(char for char in map(chr, range(128))
                                                   if not char.isalnum()))


def _content(text: str) -> str:
    """What is more than punctuation: the letters and digits, with the combining marks on them (a
    Devanagari vowel sign makes another word: `दिन` and `दीन` differ in letters, not punctuation),
    and the emoji, whole (`👍🏽` and `👍🏿`, `👨‍👩‍👧` and `👨‍👩‍👦` differ in content)."""
    if text.isascii():
        return text.translate(_ASCII_PUNCTUATION)
    if not holds_emoji(text):
        return "".join(char for char in text if char.isalnum() or is_mark(char))
    return "".join(cluster if is_emoji(cluster)
                   else "".join(char for char in cluster if char.isalnum() or is_mark(char))
                   for cluster in grapheme_clusters(text))


# A number's abbreviated magnitude, written on it (`$1.2bn`, `£3bn`, `1.2 bln`, `$2tn`) and in
# capitals there (`$1.2BN`, `$5M`) or apart from it where they are no other word (`1.2 BLN`; `in
# 2020 TN voters` names Tennessee), read as its word (`billion`). `m` and `mn` are a million only
# where they cannot be metres or French minutes: after a currency's sign or code (`$5m`, `$5 m`,
# `£1.5m`, `$5mn`, `Rs 500 mn`) or before a noun that is counted, not measured (`1.5m people`); `a
# 5m wall`, `a 5 m wall`, `the 100m final` and `5 mn de marche` hold no million.
_MAGNITUDE_WORDS = {"bn": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion",
                    "mln": "million", "mn": "million", "m": "million"}
_MAYBE_A_UNIT = frozenset({"m", "mn"})
# Abbreviations that are a magnitude in capitals too, apart from the number (`1.2 BLN`); `TN` and
# `MN` may be Tennessee and Minnesota.
_NO_OTHER_WORD = frozenset({"bn", "bln", "mln", "trn"})
# A currency's code or abbreviation before a number, on it or a space before it (`Rs 500 mn`).
_CURRENCY_CODE = re.compile(r"(?<![^\W\d_])(?:Rs\.?|Re\.?|Tk\.?|INR|PKR|NPR|LKR|BDT|USD|EUR|"
                            r"GBP|AUD|CAD|CHF|JPY|CNY|RMB|AED|SAR|HKD|NZD|SGD|BRL|TWD|KRW|RUB|"
                            r"TRY|ZAR|MXN|SEK|NOK|DKK|UAH|ILS|NIS|IRR|PLN|ARS|EGP|NGN|KES|IDR|"
                            r"THB|MYR|VND|CZK|HUF|QAR|KWD|IQD|CLP) ?$")
# Codes that are English words too: in a sentence or line all in capitals, a shouted headline,
# they are the words (`FANS TRY 100M SPRINT`), elsewhere the Turkish lira and the Russian rouble.
_CODES_THAT_ARE_WORDS = frozenset({"TRY", "RUB"})
# What ends a sentence or line: a `.`, `!`, `?` or `…` (closing marks after it or not) before white
# space, or a line break.
_SENTENCE_OR_LINE_END = re.compile(rf"[.!?…][{re.escape(_CLOSING_MARKS)}]*\s|\n")
_MAGNITUDE = re.compile(r"(\s?)(bn|bln|tn|trn|mln|mn|m)\b", re.IGNORECASE)
_COUNTED = re.compile(r"\s+(?:people|residents|children|voters|users|households|workers|jobs|"
                      r"homes|doses|cases|deaths|refugees|barrels|tonnes|tons)\b")


def _magnitude(text: str, number: re.Match[str]) -> str:
    """The magnitude word abbreviated on the number `number` of `text` ('' when none is)."""
    suffix = _MAGNITUDE.match(text, number.end())
    if suffix is None:
        return ""
    space, written = suffix.groups()
    abbreviation = written.lower()
    may_be_another_word = written != abbreviation and abbreviation not in _NO_OTHER_WORD
    if space and may_be_another_word:
        return ""  # capitals apart from the number: `in 2020 TN voters`
    if abbreviation not in _MAYBE_A_UNIT:
        return _MAGNITUDE_WORDS[abbreviation]
    counted = _after_currency(text, number.start()) or _COUNTED.match(text, suffix.end())
    return _MAGNITUDE_WORDS[abbreviation] if counted else ""


def _after_currency(text: str, at: int) -> bool:
    """Whether a currency's sign or code stands before the number at `at`, written on it or a
    space before it (`$5`, `₹ 500`, `Rs 500`, `Rs. 500`, `USD 5`)."""
    return bool(_currency_before(text, at)[0])


def _currency_before(text: str, at: int) -> tuple[str, int]:
    """The currency's sign or code before the number at `at` and where it begins (a qualifier
    stands before it: `more than $5`, `>US$5`); `('', at)` when none stands there.

    A sign is written on the number or a space before it, with the letters that name its
    currency, on the sign or a space before it (`$5`, `US$5`, `US $5` as `US$`, `A$ 5`, `E£5`,
    `₹ 500`). A code or abbreviation (`_CURRENCY_CODE`) is given without its full stop (`Rs. 500`
    gives `Rs`), and is none when it is a word too in a sentence or line all in capitals
    (`_CODES_THAT_ARE_WORDS`: a shouted headline, which an article in lower case may hold)."""
    sign = at - 1 if at > 0 and text[at - 1] == " " else at
    if sign > 0 and unicodedata.category(text[sign - 1]) == "Sc":
        lettered = _LETTERED_SIGN.search(text, max(0, sign - len("US $")), sign)
        if lettered:
            return lettered.group().replace(" ", ""), lettered.start()
        return text[sign - 1], sign - 1
    found = _CURRENCY_CODE.search(text, max(0, at - len("Rs. ")), at)
    if found is None:
        return "", at
    code = found.group().rstrip(". ")
    if code in _CODES_THAT_ARE_WORDS and _sentence_or_line_at(text, found.start()).isupper():
        return "", at
    return code, found.start()


def _sentence_or_line_at(text: str, at: int) -> str:
    """The sentence or line of `text` that the character at `at` stands in
    (`_SENTENCE_OR_LINE_END`)."""
    ends_before = list(_SENTENCE_OR_LINE_END.finditer(text, 0, at))
    start = ends_before[-1].end() if ends_before else 0
    end_after = _SENTENCE_OR_LINE_END.search(text, at)
    return text[start:end_after.start() if end_after else len(text)]


# The currencies a sign or code may name where they are more than the one it writes: a `$` with
# letters on it the dollar they name (`US$`, `A$`, `NZ$`, …; `R$` is Brazil's real, `NT$` the
# Taiwan dollar), a bare `$` any of those or Mexico's peso, whose sign it is too (it names none,
# so `$5` to `A$5`, `R$5` or `MXN 5` changes no currency), `E£` the Egyptian pound (a bare `£`
# the British one), `¥` a yen or a yuan, and `Rs` and `₨` (the letters as one sign) the rupee of
# India, Pakistan, Nepal or Sri Lanka, `NIS` (Israel's new shekel) and `₪` the shekel, `₴` the
# hryvnia, `₦` the naira, `฿` the baht, `₫` the dong, `₽` the rouble, `₺` the lira, `₩` the won,
# and `﷼` an Iranian rial or a riyal of Saudi Arabia or Qatar.
# A code or sign not here names itself.
_RUPEES = frozenset({"INR", "PKR", "NPR", "LKR"})
_LETTERED_DOLLARS = {"US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
                     "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "SG$": "SGD", "R$": "BRL",
                     "NT$": "TWD"}
_LETTERED_SIGNS = _LETTERED_DOLLARS | {"E£": "EGP"}
# A sign's letters, no word's end (`US$5`, not `BONUS$5`), written on it or, two letters or more,
# a space before it (`US $5`; the `A` of `A $5 fee` is an article).
_SPACED_LETTERED_SIGNS = [f"{sign[:-1]} {sign[-1]}" for sign in _LETTERED_SIGNS if len(sign) > 2]
_LETTERED_SIGN = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, [*_LETTERED_SIGNS, *_SPACED_LETTERED_SIGNS]))})$")
_CURRENCIES = {"$": frozenset({*_LETTERED_DOLLARS.values(), "MXN"}), "€": frozenset({"EUR"}),
               "£": frozenset({"GBP"}), "¥": frozenset({"JPY", "CNY"}), "RMB": frozenset({"CNY"}),
               "₹": frozenset({"INR"}), "₨": _RUPEES, "Rs": _RUPEES, "Re": _RUPEES,
               "৳": frozenset({"BDT"}), "Tk": frozenset({"BDT"}), "NIS": frozenset({"ILS"}),
               "₪": frozenset({"ILS"}), "₴": frozenset({"UAH"}), "₦": frozenset({"NGN"}),
               "฿": frozenset({"THB"}), "₫": frozenset({"VND"}), "₽": frozenset({"RUB"}),
               "₺": frozenset({"TRY"}), "₩": frozenset({"KRW"}),
               "﷼": frozenset({"IRR", "SAR", "QAR"})} | {
    sign: frozenset({code}) for sign, code in _LETTERED_SIGNS.items()}


def _currencies_of_numbers(text: str) -> dict[str, set[frozenset[str]]]:
    """The currencies that `text` gives each number by a sign or code, each as those it may name
    (`_CURRENCIES`): `$5 million` gives `5` any currency a `$` writes, `US$5 million` and `USD 5`
    the U.S. dollar."""
    currencies: dict[str, set[frozenset[str]]] = {}
    for number in _NUMBER.finditer(text):
        if mark := _currency_before(text, number.start())[0]:
            currencies.setdefault(_plain_digits(number.group()), set()).add(
                _CURRENCIES.get(mark, frozenset({mark})))
    return currencies


def _currency_changed(old: str, new: str) -> bool:
    """Whether a number both texts give with a currency's sign or code is given one in either
    text that none of the other's may be (`$5 million` to `£5 million`, `USD 5` to `EUR 5` or to
    `€5`, `US$5` to `A$5`). A sign and a code that may name one currency are that currency
    written otherwise, which changes none (`$5` to `US$5` or `USD 5`, `Rs 500` to `₹500` or `PKR
    500`), and so is the number without either (`$5 million` to `5 million dollars`)."""
    old_currencies, new_currencies = _currencies_of_numbers(old), _currencies_of_numbers(new)
    return any(not _may_be_alike(old_currencies[number], new_currencies[number])
               for number in old_currencies.keys() & new_currencies)


def _may_be_alike(old: set[frozenset[str]], new: set[frozenset[str]]) -> bool:
    """Whether each currency of `old` may be one of `new` and each of `new` one of `old`."""
    return (all(any(currency & other for other in new) for currency in old)
            and all(any(currency & other for other in old) for currency in new))


# A time of day, `10:30` or in the British style `10.30` (not `1:10:30`, `1.10.30`, `10.3`, a
# number before its magnitude or scale word, `$1.20bn`, `1.30 million`, or a number after a minus
# sign that `_NUMBER` reads as its sign, `-0.25`, though a dash between times is none,
# `9.30-10.30`), and digits grouped by three between ordinary spaces, `1 000 000` (from a first
# group of one to three digits: `in 2019 100 people` holds none).
_TIME = re.compile(rf"(?<![\d:.,])(?<!(?<![\w.,\u066b\u066c])[-−–])(\d{{1,2}})[:.]([0-5]\d)"
                   rf"(?![\d:]|[.,]\d|(?i:{_MAGNITUDE.pattern}|[\s‐-](?:{'|'.join(_SCALES)})\b))")
# (Like `_LAKH_GROUPS` below, it begins with a digit, so that the search skips to digits.)
_SPACED_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?: \d{3}(?!\d))+")
# Digits grouped as India's lakhs and crores, which may be a list written without spaces too
# (`Grades 10,11,12,100`).
# (The pattern begins with a digit, not with the look-behind, so that the search skips to digits.)
_LAKH_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d?(?:,\d{2})+,\d{3}(?![\d.,])")
# The English indefinite article before a word, which counts one as `one` does (`a person`, `one
# person`; `an hour`, `one hour`); not the `a` of `a.m.`, nor one before a word that makes it a
# vague quantity (`a few people`, `a number of people`) or a scale word, whose value it is part of
# (`a dozen`, `a million`: `_SCALED_NUMBER`), nor a capital A after a word, a letter that names
# (`Category A storms`, `Serie A clubs`), where an article is capital at a start only.
_INDEFINITE_ARTICLE = re.compile(r"(?:\ban?|(?<![^\W\d_]\s)\bAn?)\s+"
                                 rf"(?!(?i:few|couple|handful|number|lot|little|{'|'.join(_SCALES)})\b)"
                                 r"(?=[^\W\d_])")
# An English month's name (`sentences.MONTHS`), capitalised (`may` and `march` are verbs too), or
# its abbreviation; the longest first, so that `Sept` is not read as `Sep`.
_MONTH = "(?:" + "|".join(sorted((month.capitalize() for month in MONTHS),
                                  key=lambda month: (-len(month), month))) + ")"
# A one that counts the word after it, for which an article may stand, in digits or in words (`1
# person`, `one person`, `$1m`, `one-third`); not the one of `Jan. 1.`, `rose to one.`, `the 1st`,
# a time, `at 1 p.m.`, or a day before its month, `1 January` (`_counting_ones` leaves out a day
# after its month, `Jan. 1 with`).
_COUNTING_ONE = re.compile(r"(?<![\w.,\u066b\u066c−–-])"
                           r"(?:1\s*(?!(?-i:" + _MONTH + r")\b)|one(?:\s+|[-‐]))"
                           r"(?!(?:[ap]\.?\s?m|o['’]clock|st)\b)(?=[^\W\d_])", re.IGNORECASE)
# A month's name that ends the text before a one, the day it dates (`Jan. 1 with`, `May 1 the`).
_MONTH_BEFORE_DAY = re.compile(r"\b" + _MONTH + r"\.?\s+$")
# A range of years whose end is written in its last two digits, `2019–20`, `2019-20` and `2019/20`
# (not a month, `2019-12`, whose digits are no later year of the century, nor a date,
# `2019-12-05`), and a decade written in full or in its last two digits, `1990s` and `'90s`.
_SHORT_YEAR_RANGE = re.compile(r"(?<![\d.,/-])(1\d|20)(\d\d)([-–/])(\d\d)(?!\d|[-–/.,:]\d)")
_DECADE = re.compile(r"(?:(?<![\d.,])(\d\d)|(?<!\w)['’‘])(\d0)s\b")


def _full_decade(decade: re.Match[str]) -> str:
    """A decade in full, `1990s`; one written short, `'90s`, read as the 1900s' (two decades
    written in full, `1890s` and `1990s`, stay apart)."""
    century, years = decade.groups()
    return f"{century or '19'}{years}s"


def _full_year_range(years: re.Match[str]) -> str:
    """A range of years written `2019–20` as `2019–2020` (`1999–00` as `1999–2000`); any other
    match of `_SHORT_YEAR_RANGE` as written."""
    century, start, dash, end = years.groups()
    if end > start:
        return f"{century}{start}{dash}{century}{end}"
    if start == "99" and end == "00":
        return f"{century}{start}{dash}{int(century) + 1}{end}"
    return years.group()


# A time with its half of the day: `10 a.m.`, `10am`, `10:30 P.M.`, `10.30pm`.
_TIME_OF_HALF_DAY = re.compile(r"(?<![\d:.,])(\d{1,2})(?:[:.]([0-5]\d))? ?([ap])\.? ?m\b\.?",
                               re.IGNORECASE)


def _halves_of_day(text: str) -> dict[str, set[str]]:
    """The halves of the day (`a`, `p`) that `text` gives each time (`10`, `10:30`)."""
    halves: dict[str, set[str]] = {}
    for hour, minutes, half in _TIME_OF_HALF_DAY.findall(text):
        halves.setdefault(_time_of_day(hour, minutes), set()).add(half.lower())
    return halves


def _half_of_day_changed(old: str, new: str) -> bool:
    """Whether a time both texts give with its half of the day has another half in `new`
    (`10 a.m.` to `10 p.m.`; `8:00` to `8 a.m.`, or `9 to 11 a.m.` to `9 a.m. to 11 a.m.`,
    changes none)."""
    old_halves, new_halves = _halves_of_day(old), _halves_of_day(new)
    return any(old_halves[time] != new_halves[time] for time in old_halves.keys() & new_halves)


# What a terminal acts on instead of showing it: a control string (OSC, `\x1b]0;title\x07`, and
# DCS, SOS, PM and APC) up to its end, BEL or ST (`\x1b\\`), or the text's end, a control
# sequence (`\x1b[31m`, or after the one-character CSI, U+009B) and any other escape sequence
# (`\x1b7`, `\x1b(0`): its parameters are no numbers of the text. A control string opens only
# after ESC: its one-character forms (U+0090, U+009D, ...) are what text decoded in the wrong
# charset holds (`”` read as Latin-1 is `â\x80\x9d`), and would hide the rest of the text.
# (Each branch begins with its own character, so that the search skips to ESC and CSI.)
_CONTROL_SEQUENCE = re.compile(r"\x1b(?:[]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
                               r"|\[[0-?]*[ -/]*[@-~]"
                               r"|[ -/]*[0-~])"
                               r"|\x9b[0-?]*[ -/]*[@-~]")


# A byte of a name that is not UTF-8, or a lone UTF-16 half, as `file_names.name_text` writes it
# in a title (`caf\xe9`, `\ud800`): one character that could not be read, whose hex digits are
# no number of the text.
_ESCAPED_CHARACTER = re.compile(r"\\x[89a-f][0-9a-f]|\\ud[89a-f][0-9a-f]{2}")


def _without_terminal_codes(text: str) -> str:
    """`text` as its numbers are read: without the terminal's control sequences and strings
    (`_without_control_sequences`), and a character written as its escape
    (`_ESCAPED_CHARACTER`) as one that could not be read, U+FFFD."""
    return _ESCAPED_CHARACTER.sub("\ufffd", _without_control_sequences(text))


def _without_control_sequences(text: str) -> str:
    """`text` as its words, punctuation and quotations are read: without the terminal's control
    sequences and strings (`_CONTROL_SEQUENCE`: a `"` in a window's title, `\x1b]0;"Hi"\x07`, is
    no quotation mark of the text). A character written as its escape stays as written, whose
    letters are a title's (`caf\\xe9` to `caf` changes letters)."""
    return _CONTROL_SEQUENCE.sub("", text)


# A vulgar fraction, `½` or `⅔` (not `⅟`, a numerator alone).
_VULGAR_FRACTION = re.compile("[\u00bc-\u00be\u2150-\u215e\u2189]")


def _as_slashed_fraction(fraction: re.Match[str]) -> str:
    """A vulgar fraction as its numerator and denominator, `½` as `1⁄2`, apart from a whole number
    before it (`2½` as `2 1⁄2`, as `2 1/2` is written)."""
    return " " + unicodedata.normalize("NFKC", fraction.group())


# A number in digits, a cardinal number word (`five`, `twenty-five`; no ordinal: `the first
# hundred days`) or the article `a` or `an` (group 1), and the scale words after it (group 2): `1.2
# million`, `one hundred`, `a dozen`, `twenty-five hundred`, `two hundred thousand`.
_CARDINAL_WORD = (rf"(?:(?:{'|'.join(_TENS)})[-‐ ])?(?:{'|'.join(_UNITS[1:10])})"
                  rf"|{'|'.join(_TENS + _UNITS)}")
_SCALED_NUMBER = re.compile(rf"(?<![\w.,\u066b\u066c])({_SEPARATED}|(?:{_CARDINAL_WORD}|an?)\b)"
                            rf"((?:[\s‐-](?:{'|'.join(_SCALES)})\b)+)", re.IGNORECASE)


def _values_of_scaled_numbers(text: str) -> str:
    """`text` with each number and the scale words after it (`_SCALED_NUMBER`) written as its
    value in digits: `1.2 million` as `1200000`, `a dozen` as `12`, `twenty-five hundred` as
    `2500`; a magnitude abbreviated on a number (`_magnitude`) is read as its word first, `$1.2bn`
    as `$1200000000`. A list of digits (`10,20,30 million`: `_is_a_list`) stays as written."""
    spelled, position = [], 0
    for number in _NUMBER.finditer(text):
        suffix = _MAGNITUDE.match(text, number.end())
        if suffix and (magnitude := _magnitude(text, number)):
            spelled += [text[position:number.end()], " ", magnitude]
            position = suffix.end()
    return _SCALED_NUMBER.sub(_scaled_value, "".join(spelled) + text[position:])


def _scaled_value(scaled: re.Match[str]) -> str:
    """The value of a number and its scale words (`_SCALED_NUMBER`) in digits; a list of digits
    as written."""
    number, scales = scaled.groups()
    word = number.casefold()
    if word in ("a", "an"):
        value = "1"
    elif word[0].isalpha():  # `five`, `twenty-five`: the sum of its words' values
        value = str(sum(int(_NUMBER_VALUES[part]) for part in re.split("[-‐ ]", word)))
    else:
        value = _plain_digits(number)
    if value.count(".") > 1:
        return scaled.group()
    product = Decimal(value)
    for scale in re.split(r"[\s‐-]", scales.casefold())[1:]:
        product *= _SCALES[scale]
    return format(product.normalize(), "f")


def numbers_in(text: str, *, other_styles: bool = False) -> list[str]:
    """Numbers written in digits (separators dropped, any script's digits read as 0-9, a minus sign
    kept, the marks and words that qualify a number kept on it, `3,000+`, `~300` and `at least 300`
    as `≥300`: `_qualified`, an abbreviated magnitude read as its word: `$1.2bn` holds `1.2` and
    `billion`), in vulgar fractions (`½` holds `1` and `2`, as `1/2` does) and in words (by their
    value where a word has one: `five` is `5`, `twenty-five` `25`, `tenfold` `10`, qualified as
    digits are, `~ five` as `~5`; not `no one`, `wait a second` or an ordinal in a name, `the First
    Amendment`: `_without_ordinals_in_names`) and in Roman numerals after a name's word (`World War
    III` holds `3`: `_roman_numeral_values`), sorted. `other_styles` reads a time `10:30` and the
    British `10.30` as one time, `10:30` (`8:00` as `8`; qualified as digits are, `~10:30`), not
    the number `10.3` (a signed number, `-0.25`, stays one), a list written without spaces,
    `10,20,30`, as its numbers, `10`, `20` and `30` (not digits joined by points, a date `1.2.2024`
    or a version `3.11.2`, whose order tells), and so digits grouped as lakhs, `10,11,12,100`,
    which may be one (`Grades 10,11,12,100`), digits grouped by ordinary spaces, `1 000 000`, as
    one number, a range of years whose end is written short, `2019–20` or `2019/20`, as `2019` and
    `2020`, a decade, `1990s` or `'90s`, as `1990s` (`~1990s` too), and a number with the scale
    words after it as its value (`_values_of_scaled_numbers`: `1.2 million`, `$1.2m`, `one
    hundred`, `a dozen` as `1200000`, `1200000`, `100`, `12`): readings that may be wrong (`on day
    3 100 people` is read `3100`, and `'90s` may be the 1890s), which `edit_flags` takes only to
    see two texts' numbers alike (`_numbers_alike_in_other_styles`). A terminal's control sequence
    or string holds none (`\x1b[31m`, `\x1b]0;title\x07`), and neither does a character written as
    its escape in a title (`caf\\xe9`: `name_text`)."""
    text = _without_terminal_codes(text)
    text = _VULGAR_FRACTION.sub(_as_slashed_fraction, text)
    found = ([_qualified(text, time, _time_of_day(*time.group(1, 2))) for time in _TIME.finditer(text)]
             if other_styles else [])
    if other_styles:
        found += [_qualified(text, decade, _full_decade(decade)) for decade in _DECADE.finditer(text)]
        text = _DECADE.sub(" ", _TIME.sub(" ", text))
        text = _SHORT_YEAR_RANGE.sub(_full_year_range, text)
        text = _SPACED_GROUPS.sub(lambda match: match.group().replace(" ", "\u00a0"), text)
        text = _values_of_scaled_numbers(text)
        text = _LAKH_GROUPS.sub(lambda match: match.group().replace(",", ", "), text)
    for match in _NUMBER.finditer(text):
        number = _plain_digits(match.group())
        is_a_comma_list = number.count(".") > 1 and "." not in match.group()
        found += ([_plain_digits(item) for item in number.split(".")]
                  if other_styles and is_a_comma_list else [_qualified(text, match, number)])
        if magnitude := _magnitude(text, match):
            found.append(magnitude)
    words = _NO_NUMBER.sub(" ", _without_ordinals_in_names(text).casefold())
    for match in _NUMBER_WORD.finditer(words):
        tens, unit = match.groups()
        word = match.group().removesuffix("fold")  # `tenfold` as `ten`, as `ten-fold` and `10-fold`
        if tens:
            value = str(int(_NUMBER_VALUES[tens]) + int(_NUMBER_VALUES[unit]))
        elif word in _NUMBER_VALUES:
            value = _NUMBER_VALUES[word]
        elif word in _NUMBER_WORDS:
            value = word
        else:
            continue
        found.append(_qualifier(words, match.start(), in_words=True, names=False) + value)
    return sorted(found + _roman_numeral_values(text))


# A mark that qualifies the number beside it: `~`, `≈`, `>`, `<`, `≥` or `≤` before it, any run
# of spaces between or none (`~300`, `>  5`, `~\u00a0300` with a no-break space: `_mark_before`),
# where no letter, digit, `-` or `=` is right before the mark (not the `>` of an arrow,
# `200->300`, or of a tag left in the text, `</tr> 1980`), and a `+` right after it that no digit
# follows (`3,000+ troops`, more than 3,000; not the sum `3+2`, nor the sign of `+1`).
_QUALIFIER_BEFORE = re.compile(r"(?<![-=\w])[~≈<>≥≤]")
_QUALIFIER_AFTER = re.compile(r"\+(?![\d+])")
# English words that qualify the number right after them (white space between, no line break),
# read as the mark that says the same: synonyms are one qualifier (`about`, `around`, `roughly`
# and `approximately` are `~`), and `nearly` and `almost`, a little below, are `≲`.
_QUALIFYING_WORDS = {"at least": "≥", "no fewer than": "≥", "no less than": "≥",
                     "more than": ">", "over": ">", "above": ">",
                     "at most": "≤", "no more than": "≤", "up to": "≤",
                     "fewer than": "<", "less than": "<", "under": "<", "below": "<",
                     "nearly": "≲", "almost": "≲",
                     "about": "~", "around": "~", "roughly": "~", "approximately": "~"}
# Those that are prepositions too, which before a number that names rather than counts are
# (`argued about 2020 policy`, `growth over 2019`, `a book about 9/11`, `a talk about 5G`): they
# qualify no year, four digits from 1800 to 2099, and no number that `_names` reads. A unit on
# a number is a quantity's (`over 30C`, `about 5km`), and a currency before it a price's (`over
# $2000`); `over 3 days` may say during or more than, and is read as more.
_PREPOSITIONS = frozenset({"over", "above", "up to", "under", "below", "about", "around"})
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# What after a number may make it a name: a `G` or `D` on it, a generation of mobile networks or
# a count of dimensions (`5G`, `3D`), or a slash and a number (group 1), a date or a phrase
# (`9/11`, `24/7`) but a fraction's (`_names`).
_NAMING_END = re.compile(r"[GD]\b|/(\d+)(?!\d|[.,]\d)")
# The longest first, so that `no more than` is not read as `more than`.
_QUALIFYING_WORD = re.compile(
    r"(?<!\w)(" + "|".join(sorted(_QUALIFYING_WORDS, key=len, reverse=True)) + r")[^\S\n]+$",
    re.IGNORECASE)
# The article before a scale word, which a qualifier stands before (`more than a dozen`).
_ARTICLE_BEFORE_SCALE = re.compile(r"(?<!\w)an?[^\S\n]+$", re.IGNORECASE)
_LONGEST_QUALIFYING_WORD = max(map(len, _QUALIFYING_WORDS)) + len("  ")


def _qualified(text: str, number: re.Match[str], value: str) -> str:
    """The number `number` of `text` (digits, a time or a decade), whose value is `value`, with
    what qualifies it (`_qualifier`, and a `+` after it, `_QUALIFIER_AFTER`): `~300`, `>300`,
    `3000+`, and `at least 300` as `≥300`; before a currency's sign or code (`_currency_before`)
    too, `>$300` and `more than US$300` as `>300`. A price names nothing: a preposition before a
    currency qualifies its number, `over $2000` as `>2000`, where `over 2000` may be a year's."""
    currency, start = _currency_before(text, number.start())
    after = _QUALIFIER_AFTER.match(text, number.end())
    names = not currency and _names(text, number)
    return _qualifier(text, start, in_words=False, names=names) + value + ("+" if after else "")


def _names(text: str, number: re.Match[str]) -> bool:
    """Whether the number `number` of `text` names rather than counts (`_PREPOSITIONS`): a year,
    or a number that `_NAMING_END` ends but a fraction's numerator, smaller than a denominator up
    to 10 (`1/3`, `3/10`; `9/11` and `24/7` name)."""
    if _YEAR.fullmatch(number.group()):
        return True
    end = _NAMING_END.match(text, number.end())
    if end is None:
        return False
    denominator = end.group(1)
    return not (denominator and number.group().isdigit()
                and int(number.group()) < int(denominator) <= 10)


def _qualifier(text: str, at: int, *, in_words: bool, names: bool) -> str:
    """The mark that qualifies the number at `at` of `text`, written before it or, for a number
    `in_words`, before its article (`> a dozen`, `more than a dozen`): a mark
    (`_mark_before`; `≈` as `~`) or the mark for the words (`_QUALIFYING_WORDS`); '' when
    none does, or when a preposition stands before a number that `names` (`about 2020`, `about
    9/11`: `_PREPOSITIONS`)."""
    if in_words and (article := _ARTICLE_BEFORE_SCALE.search(text, max(0, at - 3), at)):
        at = article.start()
    if mark := _mark_before(text, at):
        return mark.replace("≈", "~")
    words = _QUALIFYING_WORD.search(text, max(0, at - _LONGEST_QUALIFYING_WORD), at)
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


def _roman_numeral_values(text: str) -> list[str]:
    """The values of the Roman numerals of `text` that are a name's number (`World War II`, `Pope
    John Paul II`, `Henry VIII`: `2`, `2`, `8`): numerals from `II` to `XXXIX` in valid syntax
    (not `IIII`, `VV` or `IVI`), written in I, V and X only (`Super Bowl LIV` holds none), in upper
    case, directly after a capitalised word (`Paul`, not `PAUL`) that is neither a determiner
    (`The IV drip`) nor a sentence's first word, which any word may be. A lone `I`, `V` or `X`
    is none (`Malcolm X`, `Type I`)."""
    values: list[str] = []
    for numeral in _ROMAN_NUMERAL.finditer(text):
        syntax = _ROMAN_SYNTAX.fullmatch(numeral.group())
        if syntax is None:
            continue
        word, word_start = _word_before(text, numeral.start())
        name_word = word.lstrip(_OPENING_MARKS)
        if (name_word[:1].isupper() and not name_word.isupper()
                and name_word.casefold() not in _DETERMINERS
                and not _begins_sentence(_word_before(text, word_start)[0])):
            tens, units = syntax.groups()
            values.append(str(10 * len(tens) + _ROMAN_UNITS[units]))
    return values


def _word_before(text: str, end: int) -> tuple[str, int]:
    """The word (characters up to white space) before `end`, the white space before `end`
    skipped, and where it starts; `''` at the text's start. Scanning back costs the word's length
    and its spaces', not `end`: slicing the text up to each numeral cost a long text of many
    numerals its length squared."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end], start


def _begins_sentence(word_before: str) -> bool:
    """Whether the word after `word_before` begins a sentence: no word stands before it (`''`),
    or it ends in `.`, `!` or `?` (a closing mark after it or not) and is no title before a name
    (`Gen.`, `St.`)."""
    if not word_before:
        return True
    last = word_before.rstrip(_CLOSING_MARKS)
    return last.endswith(("!", "?")) or (last.endswith(".")
                                         and last.removesuffix(".").casefold() not in _BEFORE_NAME)


def _without_ordinals_in_names(text: str) -> str:
    """The text without the ordinals that are part of a name (`_CAPITALISED_ORDINAL`: `the First
    Amendment`), but in a headline in title case, where every word is capitalised (`Iran Launches
    Second Wave`)."""
    if is_title_case(text.split()):
        return text
    return _CAPITALISED_ORDINAL.sub(
        lambda ordinal: " " if ordinal.group(1).isupper() else ordinal.group(), text)


def _time_of_day(hour: str, minutes: str) -> str:
    """A time as `h:mm`, or its hour alone on the hour or when no minutes are given (`08:00`,
    `8` and `8 a.m.` have one hour)."""
    return str(int(hour)) if minutes in ("", "00") else f"{int(hour)}:{minutes}"


# A separator, and (group 1) the digits after it when they close a group: three for a thousands
# group, or two before the commas of India's lakhs and crores, which end in a thousands group
# (`1,50,000`; `5,12,13` and `10,20,30` are lists).
_GROUP_OR_DECIMAL = re.compile(
    r"[.,\u066b\u066c\u00a0\u202f\u2009](?=(\d{3}(?!\d)|(?<=,)\d{2}(?=(?:,\d{2})*,\d{3}(?!\d)))?)")


def _plain_digits(number: str) -> str:
    """`３,000`, `3.000`, `3 000` and `٣٬٠٠٠` as `3000`, `1,50,000` as `150000`, `3,5`, `٣٫٥` and
    `3.5` as `3.5`, `−5` and `–5` as `-5`: a separator before a group of three digits that ends
    the number or meets another separator groups thousands and is dropped, and so is a comma
    before two digits that commas part from a thousands group (lakhs); any other is a decimal
    mark, `.`, and so is a point that begins the number (`.5` and `.500` are `0.5`). Digits with
    more than one decimal mark, or one that also groups them (`10,20,30`, `1,5,000`, `3,000,00`),
    are a list (`_is_a_list`), each separator read as `.`: `10.20.30`, `1.5.000`, `3.000.00`.
    Zeros that add nothing to the value are dropped: `03` is `3` (`Friday 03 January`, `08:00`),
    `3.50` is `3.5` and `3.0` is `3`; so is the sign of a zero: `-0` and `-0.0` are `0`."""
    digits = "".join(str(unicodedata.decimal(char)) if char.isdecimal() else "-" if char in "−–"
                     else char for char in number)
    if digits.lstrip("-").startswith("."):  # `.5`, `.500`: a point beginning a number
        plain = digits.replace(".", "0.", 1)
    elif _is_a_list(digits):
        plain = _GROUP_OR_DECIMAL.sub(".", digits)
    else:
        plain = _GROUP_OR_DECIMAL.sub(lambda match: "" if match.group(1) else ".", digits)
    whole, _, fraction = plain.partition(".")
    whole = whole.lstrip("-").lstrip("0") or "0"
    fraction = fraction.rstrip("0") if fraction.isdigit() else fraction
    number = f"{whole}.{fraction}" if fraction else whole
    return f"-{number}" if plain.startswith("-") and number != "0" else number


def _is_a_list(digits: str) -> bool:
    """Whether `digits` are numbers written one after another (`10,20,30`, `1.2.3`), not one
    number: they have more than one decimal mark, or a decimal mark that also groups their digits
    (`1,5,000`, `3,000,00`), where a number's groups after the first are all of three digits or
    lakhs (`1,50,000`) and its decimal mark is another (`1,234.5`, `1.234,5`)."""
    separators = list(_GROUP_OR_DECIMAL.finditer(digits))
    decimal_marks = [match.group() for match in separators if not match.group(1)]
    group_marks = {match.group() for match in separators if match.group(1)}
    return len(decimal_marks) > 1 or not group_marks.isdisjoint(decimal_marks)


def quotations_in(text: str) -> list[str]:
    """Quoted passages (whitespace collapsed), including a quotation left open at the end.
    (`_read_quotations` says how they are read.)"""
    return [SPACES.sub(" ", quote).strip() for quote in _read_quotations(text)[0] if quote.strip()]


def open_quotation(text: str) -> str:
    """The mark that opens a quotation still open at the end of `text` ('' when none is)."""
    return _read_quotations(text)[1]


def _read_quotations(text: str) -> tuple[list[str], str]:
    """Quoted passages as they stand, including a quotation left open at the end, and the mark
    that opens that open quotation ('' when none is left open), read without the terminal's codes
    (`_without_control_sequences`). (`open_quotation`, read for each sentence of a version, needs
    the mark alone: `quotations_in` collapses the passages' white space.)

    Read left to right: an opening mark starts a quote that ends at the next matching mark; an
    opening mark without one is skipped. A mark after which no closing mark of any kind follows in
    the unquoted rest starts the open quotation. Linear in the text's length (each mark kind is
    looked for once past a position where it was missing).
    """
    text = _without_control_sequences(text)
    quotes: list[str] = []
    open_mark = ""
    rest: list[str] = []
    missing_from: dict[str, int] = {}  # closing mark -> first position after which it is absent
    position = 0
    for mark in _OPENING_MARK.finditer(text):
        at, char = mark.start(), mark.group()
        closing = _CLOSING[char]
        if at < position or at >= missing_from.get(char, len(text) + 1):
            continue
        if not _may_open(text, at):
            continue
        end = closing.search(text, at + 1)
        if end is None:
            missing_from[char] = at
            continue
        rest.append(text[position:at])
        quotes.append(text[at + 1:end.start()])
        position = end.end()
    rest.append(text[position:])
    unquoted = "".join(rest)
    last_closing = max((match.start() for match in _ANY_CLOSING.finditer(unquoted)), default=0)
    for mark in _OPENING_MARK.finditer(unquoted, last_closing):
        if mark.group() != "'" and _may_open(unquoted, mark.start()):
            quotes.append(unquoted[mark.end():])
            open_mark = mark.group()
            break
    return quotes, open_mark


def _may_open(text: str, at: int) -> bool:
    """Whether the opening mark at `at` opens a quotation there: a straight single mark and a
    `»` do only where they stand (`_opens_single`, `_opens_reversed`), a `‘` not between the
    letters of a Latin word, where it is a Hawaiian ʻokina or an apostrophe (`Hawai‘i`,
    `ī‘ao`), a German `‚` not right after a letter or digit, where it is a comma's look-alike
    or what a mis-decoded `ł` leaves (`Då‚ugosz`), a `"` not right after a digit, where it is
    the sign of inches (`14", with 13" available`), nor inside a Hebrew acronym (`צה"ל`), any
    other always."""
    char = text[at]
    if char == "'":
        return _opens_single(text, at)
    if char == "‘":
        return not _IN_WORD_SINGLE.match(text, at)
    if char == "‚":
        return not (at > 0 and text[at - 1].isalnum())
    if char == '"':
        return not (at > 0 and text[at - 1].isdigit() or _HEBREW_ACRONYM_MARK.match(text, at))
    return char != "»" or _opens_reversed(text, at)


# A `‘` after a Latin letter and before a letter or digit. Not after a letter of another script:
# a Korean headline sets a quotation against the word before it (`민주당‘검수완박’ 강행`), as
# Chinese and Japanese do (`他说‘好’`).
_LATIN_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_IN_WORD_SINGLE = re.compile(rf"(?<=[{_LATIN_LETTER}])‘(?=\w)")


def _opens_reversed(text: str, at: int) -> bool:
    """A `»` at `at` opens a German quotation (`»Wir`), not closes a French one (`prêts »`)."""
    return at + 1 < len(text) and text[at + 1].isalnum()


def _opens_single(text: str, at: int) -> bool:
    """A straight single mark at `at` opens a quotation: at a word's start, before a letter."""
    before_ok = at == 0 or text[at - 1].isspace() or text[at - 1] in _BEFORE_SINGLE_OPENING
    return (before_ok and at + 1 < len(text) and text[at + 1].isalpha()
            and not _ELISION.match(text, at))


# An apostrophe at a word's start that stands for letters left out: a lower-case letter alone
# of those Dutch elides (`'s ochtends`, `'t`, `'k`, `'n`) or the `'n'` of `rock 'n' roll`.
_ELISION = re.compile(r"'(?:[kstn](?=\s|$)|n'(?=\s))")


# A chain's comparisons read each sentence twice, with the version before it and the one after (an
# unchanged sentence on both sides of a pair): the last texts read are kept, as the quotations are.
@functools.lru_cache(maxsize=2**14)
def sources_in(text: str, quote_open: str = "") -> Sources:
    """The sources the text attributes to (`attributions_in`), read as `edit_flags` compares them:
    in Unicode's composed form (NFC) and without the terminal's codes
    (`_without_control_sequences`: `\x1b[1mofficials\x1b[0m said` names `officials`), the
    reporting verbs of a quotation that an earlier sentence opened with the mark `quote_open`
    (`open_quotation`) and that closes in the text left out; none for no text."""
    readable = unicodedata.normalize("NFC", _without_control_sequences(text))
    return tuple(attributions_in(readable, quote_open)) if text else ()


def edit_flags(old: str, new: str, *, old_quote_open: str = "", new_quote_open: str = "",
               sources: tuple[Sources, Sources] | None = None,
               regrouped: bool = False) -> frozenset[Flag]:
    """Flags for an edit from `old` to `new`. Only a sentence present on both sides changed, so an
    added or deleted text (one side empty) gets no flag.

    The texts are compared in Unicode's composed form (NFC), in which `é` written as one character
    and `é` written as `e` and a combining accent are one text: `encoding_only` says the texts
    differ in that form alone. `whitespace_only`, `case_only` and `punctuation_only` describe
    texts that differ and only in that way (whitespace_only: white space as the word diff reads
    it, with the zero-width space; punctuation_only: the letters, digits and emoji are the same,
    a letter that begins a sentence in one text only may be a capital there, and not only white
    space changed: `_same_content_but_new_sentences`). `number_changed` says the numbers (in
    digits, separators dropped, or in words or Roman numerals, by their value) differ, also when
    read in other styles (`numbers_in`: `10:30` and `10.30`, `1,000,000` and `1 000 000` are
    alike), or a time's half of the day where both give one (`10 a.m.` to `10 p.m.`: `_half_of_day_changed`)
    or a number's currency, by its sign or code, where both give one (`$5 million` to `£5
    million`, `USD 5` to `EUR 5` or to `€5`: `_currency_changed`);
    `quote_changed` says the quoted passages differ; `attribution_changed` says the sources the
    texts attribute to differ (`attributions`), when more than punctuation changed. All of them
    read the texts without what a terminal acts on (`_without_control_sequences`; a `"` in a
    window's title is no quotation mark), the texts unchanged: a change of a terminal's codes
    alone is none of white space, punctuation or case.
    `old_quote_open` and `new_quote_open` are the marks of a quotation that an earlier sentence of
    the paragraph opened and that goes on in the text (`We will not wait,” he said.`), so that a
    change inside it is a changed quotation and a reporting verb inside it no attribution.
    `sources`: the texts' `sources_in`, when the caller has read them already.
    `regrouped`: the texts are sentences split or merged, which may repeat what one of them said
    (`82nd Airborne` in both sentences of a split): their numbers are compared as the distinct
    numbers each holds, so that one written more or less often changes none.
    """
    if old == new or not old or not new:
        return frozenset()
    old, new = unicodedata.normalize("NFC", old), unicodedata.normalize("NFC", new)
    if old == new:
        return frozenset({Flag.ENCODING_ONLY})
    flags: set[Flag] = set()
    numbers_differ = (_numbers_differ(numbers_in(old), numbers_in(new), regrouped)
                      and not _numbers_alike_in_other_styles(old, new, regrouped))
    if not numbers_differ:
        # a time's half of the day and a number's currency read as the numbers are, without what
        # a terminal acts on (`\x1b]0;10 am\x07` sets a window's title); the texts are unchanged
        readable = _without_terminal_codes(old), _without_terminal_codes(new)
        numbers_differ = _half_of_day_changed(*readable) or _currency_changed(*readable)
    # the words, punctuation and quotations read, as the numbers are, without what a terminal acts
    # on; a change of its codes alone is none of white space, punctuation or case
    old_read, new_read = _without_control_sequences(old), _without_control_sequences(new)
    if old_read != new_read:
        if _without_space(old_read) == _without_space(new_read):
            flags.add(Flag.WHITESPACE_ONLY)
        elif _same_content_but_new_sentences(old_read, new_read) and not numbers_differ:
            flags.add(Flag.PUNCTUATION_ONLY)
        if old_read.casefold() == new_read.casefold():
            flags.add(Flag.CASE_ONLY)
    if numbers_differ:
        flags.add(Flag.NUMBER_CHANGED)
    if _quoted_words(old_quote_open + old) != _quoted_words(new_quote_open + new):
        flags.add(Flag.QUOTE_CHANGED)
    old_sources, new_sources = sources or (sources_in(old, old_quote_open), sources_in(new, new_quote_open))
    if (not flags & {Flag.WHITESPACE_ONLY, Flag.PUNCTUATION_ONLY, Flag.CASE_ONLY}
            and old_sources != new_sources
            and not same_sources(old_sources, new_sources,
                                 written_as_names(old_read) | written_as_names(new_read))):
        flags.add(Flag.ATTRIBUTION_CHANGED)
    return frozenset(flags)


# A letter or digit that begins a sentence (group 1): the first after a `.`, `!`, `?` or `…`,
# closing marks after it or not, white space and opening marks.
_SENTENCE_START = re.compile(
    rf"[.!?…][{re.escape(_CLOSING_MARKS)}]*\s+[{re.escape(_OPENING_MARKS)}]*(\w)")


def _same_content_but_new_sentences(old: str, new: str) -> bool:
    """Whether `old` and `new` hold the same letters, digits and emoji (`_content`), where a letter
    that begins a sentence in one text but not in the other may be a capital there: `X; nobody was
    hurt` to `X. Nobody was hurt` (and back), as `X; nobody` to `X. nobody`. A letter's case
    changed where a sentence began before too (`X. nobody` to `X. Nobody`) is none of these."""
    old_content, new_content = _content(old), _content(new)
    if old_content == new_content:
        return True
    if old_content.lower() != new_content.lower():
        return False
    old_letters, new_letters = _letters_and_starts(old), _letters_and_starts(new)
    return len(old_letters) == len(new_letters) and all(
        old_letter == new_letter or _capital_of_a_new_sentence(old_letter, new_letter, old_starts,
                                                               new_starts)
        for (old_letter, old_starts), (new_letter, new_starts) in zip(old_letters, new_letters))


def _letters_and_starts(text: str) -> list[tuple[str, bool]]:
    """Each letter and digit of `text`, with its combining marks apart, and whether it begins a
    sentence (`_SENTENCE_START`)."""
    starts = {start.start(1) for start in _SENTENCE_START.finditer(text)}
    return [(char, at in starts) for at, char in enumerate(text) if char.isalnum() or is_mark(char)]


def _capital_of_a_new_sentence(old_letter: str, new_letter: str, old_starts: bool,
                               new_starts: bool) -> bool:
    """Whether one letter is the other as a capital, in the text where it alone begins a
    sentence."""
    if old_starts == new_starts:
        return False
    capital, other = (old_letter, new_letter) if old_starts else (new_letter, old_letter)
    return capital.isupper() and capital.lower() == other


def _numbers_differ(old: list[str], new: list[str], regrouped: bool) -> bool:
    """Whether the numbers `old` and `new` differ: as multisets, or, for `regrouped` texts
    (`edit_flags`), as sets."""
    return set(old) != set(new) if regrouped else old != new


def _numbers_alike_in_other_styles(old: str, new: str, regrouped: bool = False) -> bool:
    """Whether `old` and `new` hold the same numbers read in other styles (`numbers_in`), or differ
    only by ones that count a word in one text where the other has as many more articles `a` or
    `an` (not `a few`, `a number of`): `one person` and `1 person` to `a person` (or `$1m` to `a
    million dollars`) change none, where `on Jan. 1.` to `in a month`, `at 1 p.m.` to `in an
    hour` and `one soldier at a checkpoint` to `the soldier at the checkpoint` do. `regrouped`
    texts hold the same numbers when they hold the same distinct ones."""
    old_numbers = Counter(numbers_in(old, other_styles=True))
    new_numbers = Counter(numbers_in(new, other_styles=True))
    if old_numbers == new_numbers or regrouped and old_numbers.keys() == new_numbers.keys():
        return True
    gone, came = old_numbers - new_numbers, new_numbers - old_numbers
    articles_came = len(_INDEFINITE_ARTICLE.findall(new)) - len(_INDEFINITE_ARTICLE.findall(old))
    if not came and set(gone) == {"1"}:
        return gone["1"] == articles_came and gone["1"] <= _counting_ones(old)
    if not gone and set(came) == {"1"}:
        return came["1"] == -articles_came and came["1"] <= _counting_ones(new)
    return False


def _counting_ones(text: str) -> int:
    """How many ones in `text` count the word after them (`_COUNTING_ONE`), a date's day, whose
    month comes before it, left out (`on Jan. 1 with his family`)."""
    return sum(not _MONTH_BEFORE_DAY.search(text, 0, one.start())
               for one in _COUNTING_ONE.finditer(text))


def _quoted_words(text: str) -> list[str]:
    """The quoted passages as `quote_changed` compares them: their letters in any case, digits
    and emoji, so that a quotation's marks written otherwise (`"…'a disaster'…"`, `“…‘a
    disaster’…”`), its full stop moved out of it or its first letter capitalised (`"we will
    win"`, `"We will win"`) change no quotation; a quotation of punctuation alone (the `.` after
    a stray mark, `"words "ich bin ein berliner!".`) is none."""
    contents = (_content(compatibility_form(quote)).casefold() for quote in quotations_in(text))
    return [content for content in contents if content]


def same_but_encoding(old: str, new: str) -> bool:
    """True when the texts differ only in Unicode form, quote style, dashes or spacing."""
    return _encoding_form(old) == _encoding_form(new)


def _encoding_form(text: str) -> str:
    return _without_space(compatibility_form(text))
