"""Numbers read from a text (`numbers_in`): in digits in any script and grouping, in words, in
vulgar fractions and Roman numerals after a name's word, with what qualifies them and an abbreviated
magnitude; and in other styles, dates, times, decades, ranges of years and scale words, to see two
texts' numbers alike."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

from revdiff.engine.abbreviations import BEFORE_OR_AFTER_NAME, TITLES
from revdiff.engine.attribution_tokens import is_title_case
from revdiff.engine.calendar_words import TIME_ZONES
from revdiff.engine.cjk_numerals import (
    MAGNITUDES_AFTER_DIGITS,
    cjk_numeral_values,
    value_with_magnitude,
    without_digits_in_numerals,
)
from revdiff.engine.currency_signs import after_currency
from revdiff.engine.dates import dates_in
from revdiff.engine.number_qualifiers import qualified_number, qualifier_before
from revdiff.engine.quotations import CLOSING_MARKS
from revdiff.engine.sentence_edges import SENTENCE_OPENING_MARKS, end_of_text_before, word_start
from revdiff.engine.terminal_codes import without_terminal_codes
from revdiff.engine.word_sets import word_set
from revdiff.engine.words import NUMBER_PART, SPACED_GROUPS

# A number in digits, with its separators (`words.NUMBER_PART`, and an apostrophe before a group of
# three digits, as Switzerland writes `1'000'000` and `1’000’000`; not the feet of `6'2"`), a minus
# sign before it (`-5`, `−5`, and `–5`, an en dash set as a minus; not the hyphen or dash of
# `2019-2020`, `3–5 June`, `COVID-19` or, after a number's percent or degree sign, `52%-48%` and
# `5°–10°`) and a decimal point that begins it (`.5 percent`; not the full stop of `No.5`).
_SEPARATED = rf"\d+(?:{NUMBER_PART}|['’]\d{{3}}(?!\d))*"
NUMBER = re.compile(rf"(?<![\w.,\u066b\u066c%‰°])[-−–]?(?:\.(?=\d))?{_SEPARATED}|{_SEPARATED}")

# Number words with one value are compared by it (`five` and `5`, `first` and `1st`, `twice` and
# `two times`; not `once`, which is `formerly` or `as soon as` as often); the others
# (`hundred`, `dozens`, `tens` of `tens of thousands`, India's `lakh` and `crore`, `half`) as words,
# but a scale word after a number in other styles (`SCALES`: `1.2 million` as `1200000`).
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
                  | {word: str(20 + 10 * tens) for tens, word in enumerate(_TENS_ORDINALS)}
                  | {"twice": "2", "thrice": "3"})
_NUMBER_WORDS = word_set(
    "tens hundred hundreds thousand thousands lakh lakhs million millions crore crores billion "
    "billions trillion trillions dozen dozens half"
)
# The number words that multiply the number before them by one value, which `numbers_in` reads as
# their product in other styles (`1.2 million` as `1200000`); not their plurals, which count
# vaguely (`hundreds`, `dozens`), nor `tens` or `half`.
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "lakh": 10**5, "million": 10**6,
           "crore": 10**7, "billion": 10**9, "trillion": 10**12}
# `one`, `first`, `second` and `third` where they are no number: `no one`, `one another`, `the
# one who`, `one-time` (former), `at first` and `first of all` (initially), `first published` and
# `first posted` but after `the` (when, not which: `the first published account` is one), `first
# lady` (a title) and `first responders` (a trade), a `second` that ends its clause (`wait a
# second.`), and `a third party`, `third-party` and `third parties` (someone else, as a photo's
# credit writes, `PHOTO: A THIRD PARTY`); `one soldier`, `the first attack`, `a second attack` and
# `the third party to join` are.
_NO_NUMBER = re.compile(r"\bno one\b|\bone another\b|\bthe one(?= (?:who|that|which)\b)"
                        r"|\bone-time\b|\bat first\b|\bfirst of all\b"
                        r"|(?<!\bthe )\bfirst (?:published|posted)\b"
                        r"|\bfirst (?:lady|ladies|responders?)\b"
                        r"|\bsecond(?=\s*(?:[.,;:!?)]|$|ago\b|later\b))"
                        r"|\ba third party\b|\bthird-party\b|\bthird parties\b")
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

# The word `minus` before a number in digits or a cardinal number word, its sign (`minus 5C`,
# `minus five`: `numbers_in` reads it as `−`); not after a number, a difference (`10 minus 3`), nor
# in `plus or minus` and `plus/minus`, a margin.
_MINUS_WORD = re.compile(rf"(?<![\w/‐-])(?<!\d\s)(?<!\bor\s)minus[^\S\n]+"
                         rf"(?=\.?\d|(?:{'|'.join(_TENS + _UNITS)})\b)", re.IGNORECASE)

# Abbreviations whose full stop ends no sentence before a name (`St. Louis IX`, `Gen. Smith`).
_BEFORE_NAME = TITLES | BEFORE_OR_AFTER_NAME
# A number word, `twenty-five` and `twenty five` (any run of white space between) as one
# (`twenty-first` too; but `thirty second` is most often a duration, `a thirty second ad`, and
# stays two words as `30 second`).
_NUMBER_WORD = re.compile(rf"\b(?:({'|'.join(_TENS)})(?:[-‐]|\s+(?!second\b))"
                          rf"({'|'.join(_UNITS[1:10] + _ORDINALS[:9])})\b|\w+)")

# A number's abbreviated magnitude, written on it (`$1.2bn`, `£3bn`, `1.2 bln`, `$2tn`) and in
# capitals there (`$1.2BN`, `$5M`) or apart from it where they are no other word (`1.2 BLN`; `in
# 2020 TN voters` names Tennessee), read as its word (`billion`). `m` and `mn` are a million, and
# `k` a thousand, only where they cannot be metres, French minutes, a race or a resolution: after
# a currency's sign or code (`$5m`, `$5 m`, `£1.5m`, `$5mn`, `Rs 500 mn`, `$5k`, `£40K`) or before
# a noun that is counted, not measured (`1.5m people`, `5k jobs`); `a 5m wall`, `a 5 m wall`, `the
# 100m final`, `5 mn de marche`, `a 5k race` and `4K video` hold no million or thousand.
_MAGNITUDE_WORDS = {"bn": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion",
                    "mln": "million", "mn": "million", "m": "million", "k": "thousand"}
_MAYBE_A_UNIT = frozenset({"m", "mn", "k"})
# Abbreviations that are a magnitude in capitals too, apart from the number (`1.2 BLN`); `TN` and
# `MN` may be Tennessee and Minnesota.
_NO_OTHER_WORD = frozenset({"bn", "bln", "mln", "trn"})

_MAGNITUDE = re.compile(r"(\s?)(bn|bln|tn|trn|mln|mn|m|k)\b", re.IGNORECASE)
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
    counted = after_currency(text, number.start()) or _COUNTED.match(text, suffix.end())
    return _MAGNITUDE_WORDS[abbreviation] if counted else ""


# A time of day, `10:30` or in the British style `10.30` (not `1:10:30`, `1.10.30`, `10.3`, a
# number before its magnitude or scale word, `$1.20bn`, `1.30 million`, `1.30万`, or a number
# after a minus sign that `NUMBER` reads as its sign, `-0.25`, though a dash between times is
# none, `9.30-10.30`), and digits grouped by three between ordinary spaces, `1 000 000`
# (`words.SPACED_GROUPS`, one number to the word diff too: `in 2019 100 people` holds none).
_TIME = re.compile(rf"(?<![\d:.,])(?<!(?<![\w.,\u066b\u066c])[-−–])(\d{{1,2}})[:.]([0-5]\d)"
                   rf"(?![\d:]|[.,]\d|[{MAGNITUDES_AFTER_DIGITS}]"
                   rf"|(?i:{_MAGNITUDE.pattern}|(?:\s+|[‐-])(?:{'|'.join(SCALES)})\b))")
# A time on the 24-hour clock written in four digits, as agencies write it: before a time zone of
# three letters or more in capitals (`1500 GMT`, `0930UTC`; not one of two, `2000 MT` being tonnes
# as often), or after `at` and before `hours` (`at 1500 hours`; `1500 hours of work` and `1500
# troops` are counts).
_LONG_ZONES = "|".join(sorted(zone.upper() for zone in TIME_ZONES if len(zone) > 2))
_ZONED_TIME = re.compile(rf"(?<![\w.,:])([01]\d|2[0-3])([0-5]\d)"
                         rf"(?=\s?(?:{_LONG_ZONES})\b|(?<=\bat\s\d{{4}})\s+h(?:ou)?rs\b)")
# (Like `_LAKH_GROUPS` below, it begins with a digit, so that the search skips to digits.)
_SPACED_GROUPS = re.compile(SPACED_GROUPS)
# Digits grouped as India's lakhs and crores, which may be a list written without spaces too
# (`Grades 10,11,12,100`), but for a group that begins with a zero, no list's item (`5,00,000`).
# (The pattern begins with a digit, not with the look-behind, so that the search skips to digits.)
_LAKH_GROUPS = re.compile(r"\d(?<![\d.,]\d)\d?(?:,[1-9]\d)+,[1-9]\d{2}(?![\d.,])")

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


# A vulgar fraction, `½` or `⅔` (not `⅟`, a numerator alone).
_VULGAR_FRACTION = re.compile("[\u00bc-\u00be\u2150-\u215e\u2189]")


def _as_slashed_fraction(fraction: re.Match[str]) -> str:
    """A vulgar fraction as its numerator and denominator, `½` as `1⁄2`, apart from a whole number
    before it (`2½` as `2 1⁄2`, as `2 1/2` is written)."""
    return " " + unicodedata.normalize("NFKC", fraction.group())


# A number in digits, a cardinal number word (`five`, `twenty-five`, `twenty   five`; no
# ordinal: `the first hundred days`), the article `a` or `an`, or a half, `half a` or `a half`
# (group 1), and the scale words after it (group 2), each after a hyphen or any run of white
# space: `1.2 million`, `one hundred`, `a dozen`, `a   dozen`, `twenty-five hundred`, `two hundred
# thousand`, `half a dozen`, `a half-dozen`.
_CARDINAL_WORD = (rf"(?:(?:{'|'.join(_TENS)})(?:[-‐]|\s+))?(?:{'|'.join(_UNITS[1:10])})"
                  rf"|{'|'.join(_TENS + _UNITS)}")
_HALF = r"half\s+an?|an?\s+half"
_SCALED_NUMBER = re.compile(rf"(?<![\w.,\u066b\u066c])({_SEPARATED}|(?:{_HALF}|{_CARDINAL_WORD}|an?)\b)"
                            rf"((?:(?:\s+|[‐-])(?:{'|'.join(SCALES)})\b)+)", re.IGNORECASE)


def _values_of_scaled_numbers(text: str) -> str:
    """`text` with each number and the scale words after it (`_SCALED_NUMBER`) written as its
    value in digits: `1.2 million` as `1200000`, `a dozen` as `12`, `twenty-five hundred` as
    `2500`, `half a dozen` as `6`; a magnitude abbreviated on a number (`_magnitude`) is read as
    its word first, `$1.2bn` as `$1200000000`. A list of digits (`10,20,30 million`:
    `_is_a_list`) stays as written."""
    spelled, position = [], 0
    for number in NUMBER.finditer(text):
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
    if "half" in word.split():
        value = "0.5"
    elif word in ("a", "an"):
        value = "1"
    elif word[0].isalpha():  # `five`, `twenty-five`: the sum of its words' values
        value = str(sum(int(_NUMBER_VALUES[part]) for part in re.split(r"[-‐]|\s+", word)))
    else:
        value = plain_digits(number)
    if value.count(".") > 1:
        return scaled.group()
    product = Decimal(value)
    for scale in re.split(r"\s+|[‐-]", scales.casefold())[1:]:
        product *= SCALES[scale]
    return format(product.normalize(), "f")


# A sentence edited again and again (a toll, a count) is the new text of one of a chain's pairs and
# the old text of the next: the last texts read are kept, as their sources are (`sources_in`).
@functools.lru_cache(maxsize=2**14)
def numbers_in(text: str, *, other_styles: bool = False) -> tuple[str, ...]:
    """Numbers written in digits (separators dropped, any script's digits read as 0-9, a minus sign
    kept, and the word `minus` before a number in digits or words read as one, `minus 5` and `minus
    five` as `-5`: `_MINUS_WORD`, the marks and words that qualify a number kept on it, `3,000+`,
    `~300` and `at least 300` as `≥300`: `qualified_number`, an abbreviated magnitude read as its
    word: `$1.2bn` holds `1.2` and `billion`), in vulgar fractions (`½` holds `1` and `2`, as `1/2`
    does) and in words (by their value where a word has one: `five` is `5`, `twenty-five` `25`,
    `tenfold` `10`, qualified as digits are, `~ five` as `~5`; not `no one`, `wait a second` or an
    ordinal in a name, `the First Amendment`: `_without_ordinals_in_names`) and in Roman numerals
    after a name's word (`World War III` holds `3`: `_roman_numeral_values`) and in Chinese and
    Japanese numerals (`三千` holds `3000`: `cjk_numeral_values`; a magnitude after digits
    multiplies them, `3千` holds `3000` too: `value_with_magnitude`), sorted. `other_styles`
    reads a date in any style news writes it as the date it is (`dates_in`: `2020-01-03`,
    `1/3/2020`, `January 3, 2020` and `3 Jan. 2020` as `2020-01-03`, `9/11` and `September 11` as
    `--09-11`), a time `10:30` and the British `10.30` as one time, `10:30` (`8:00` as `8`;
    qualified as digits are, `~10:30`), not the number `10.3` (a signed number, `-0.25`, stays
    one), a time on the 24-hour clock as the 12-hour time it is, `15:00` and `1500 GMT` as `3`,
    as `3 p.m.` is read (`twelve_hour_time`, `_ZONED_TIME`), a list written without spaces,
    `10,20,30`, as its numbers, `10`, `20` and `30` (not digits
    joined by points, a date `1.2.2024` or a version `3.11.2`, whose order tells), and so digits
    grouped as lakhs, `10,11,12,100`, which may be one (`Grades 10,11,12,100`), digits grouped by
    ordinary spaces, `1 000 000`, as one number, a range of years whose end is written short,
    `2019–20` or `2019/20`, as `2019` and `2020`, a decade, `1990s` or `'90s`, as `1990s` (`~1990s`
    too), and a number with the scale words after it as its value (`_values_of_scaled_numbers`: `1.2
    million`, `$1.2m`, `one hundred`, `a dozen` as `1200000`, `1200000`, `100`, `12`): readings that
    may be wrong (`on day 3 100 people` is read `3100`, and `'90s` may be the 1890s), which
    `edit_flags` takes only to see two texts' numbers alike (`numbers_alike_in_other_styles`). A
    terminal's control sequence or string holds none (`\x1b[31m`, `\x1b]0;title\x07`), and neither
    does a character written as its escape in a title (`caf\\xe9`: `name_text`)."""
    text = _MINUS_WORD.sub("−", without_terminal_codes(text))
    text = _VULGAR_FRACTION.sub(_as_slashed_fraction, text)
    found: list[str] = []
    if other_styles:
        dates = dates_in(text)
        found += [qualified_number(text, date, value) for date, value in dates]
        text = _without_dates(text, [date for date, _ in dates])
        found += [qualified_number(text, time, twelve_hour_time(*time.group(1, 2))[0])
                  for time in clock_times(text)]
        found += [qualified_number(text, decade, _full_decade(decade)) for decade in _DECADE.finditer(text)]
        text = _DECADE.sub(" ", _TIME.sub(" ", _ZONED_TIME.sub(" ", text)))
        text = _SHORT_YEAR_RANGE.sub(_full_year_range, text)
        text = _SPACED_GROUPS.sub(lambda match: match.group().replace(" ", "\u00a0"), text)
        text = _values_of_scaled_numbers(text)
        text = _LAKH_GROUPS.sub(lambda match: match.group().replace(",", ", "), text)
    read_to = 0
    digits_text = without_digits_in_numerals(text)
    for match in NUMBER.finditer(digits_text):
        if match.start() < read_to:
            continue  # the `5` of `3万5千`, read with the `3`
        number, read_to = value_with_magnitude(digits_text, match.end(), plain_digits(match.group()))
        is_a_comma_list = number.count(".") > 1 and "." not in match.group()
        found += ([plain_digits(item) for item in number.split(".")] if other_styles and is_a_comma_list
                  else [qualified_number(digits_text, match, number, end=read_to)])
        if magnitude := _magnitude(digits_text, match):
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
        sign = "-" if words[match.start() - 1:match.start()] == "−" and value[0].isdigit() else ""
        qualifier = qualifier_before(words, match.start() - len(sign), in_words=True, names=False)
        found.append(qualifier + sign + value)
    return tuple(sorted(found + _roman_numeral_values(text) + cjk_numeral_values(text)))


def _without_dates(text: str, dates: list[re.Match[str]]) -> str:
    """`text` with a space for each of its dates (`dates_in`), whose numbers are read already."""
    kept, start = [], 0
    for date in dates:
        kept += [text[start:date.start()], " "]
        start = date.end()
    return "".join(kept) + text[start:]


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
        name_word = word.lstrip(SENTENCE_OPENING_MARKS)
        if (name_word[:1].isupper() and not name_word.isupper()
                and name_word.casefold() not in _DETERMINERS
                and not _begins_sentence(_word_before(text, word_start)[0])):
            tens, units = syntax.groups()
            values.append(str(10 * len(tens) + _ROMAN_UNITS[units]))
    return values


def _word_before(text: str, end: int) -> tuple[str, int]:
    """The word (characters up to white space, opening marks and all) before `end`, the white
    space before `end` skipped, and where it starts; `''` at the text's start. Scanning back costs
    the word's length and its spaces', not `end`: slicing the text up to each numeral cost a long
    text of many numerals its length squared."""
    text_end = end_of_text_before(text, end)
    start = word_start(text, text_end)
    return text[start:text_end], start


def _begins_sentence(word_before: str) -> bool:
    """Whether the word after `word_before` begins a sentence: no word stands before it (`''`),
    or it ends in `.`, `!` or `?` (a closing mark after it or not) and is no title before a name
    (`Gen.`, `St.`)."""
    if not word_before:
        return True
    last = word_before.rstrip(CLOSING_MARKS)
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


def time_of_day(hour: str, minutes: str) -> str:
    """A time as `h:mm`, or its hour alone on the hour or when no minutes are given (`08:00`,
    `8` and `8 a.m.` have one hour)."""
    return str(int(hour)) if minutes in ("", "00") else f"{int(hour)}:{minutes}"


def clock_times(text: str) -> list[re.Match[str]]:
    """The times of `text` on a clock (`_TIME`: `10:30`, `10.30`, `15:00`; `_ZONED_TIME`: `1500
    GMT`), their hour (group 1) and minutes (group 2)."""
    return [*_TIME.finditer(text), *_ZONED_TIME.finditer(text)]


def twelve_hour_time(hour: str, minutes: str) -> tuple[str, str]:
    """A time on the 24-hour clock as the 12-hour time it is (`time_of_day`) and its half of the
    day, `a` or `p`, where its hour tells it: `15:00` as `3` and `p`, `00:30` as `12:30` and `a`,
    so that `15:00`, `1500 GMT` and `3 p.m.` are one time. An hour from 1 to 12 (`3:00`, `10:30`),
    which either clock writes, stays as written, with no half (`''`)."""
    value = int(hour)
    if value == 0:
        return time_of_day("12", minutes), "a"
    if 13 <= value <= 23:
        return time_of_day(str(value - 12), minutes), "p"
    return time_of_day(hour, minutes), ""


# A separator, and (group 1) the digits after it when they close a group: three for a thousands
# group, or two before the commas of India's lakhs and crores, which end in a thousands group
# (`1,50,000`; `5,12,13` and `10,20,30` are lists).
_GROUP_OR_DECIMAL = re.compile(
    r"[.,'’\u066b\u066c\u00a0\u202f\u2009](?=(\d{3}(?!\d)|(?<=,)\d{2}(?=(?:,\d{2})*,\d{3}(?!\d)))?)")


def plain_digits(number: str) -> str:
    """`３,000`, `3.000`, `3 000`, `3'000` and `٣٬٠٠٠` as `3000`, `1,50,000` as `150000`, `3,5`, `٣٫٥` and
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
