"""Numbers written in Chinese and Japanese numerals (`三千`, `两万`, `一百二十`, `二〇二四`), read as
their values for `numbers_in`, so that `三千` to `五千` is a number changed and `三千` to `3000` none.

A numeral is a run of numeral characters: a lone `一` is none (it is part of a word as often as
a number: `一些`, `一样`, `统一`), nor is `十` or `零` alone (`十分`, very; `零售`, retail), nor a
run that opens with a magnitude (`万一`, in case; `千万`, by all means). A run without a magnitude
is read digit by digit, as a year is written (`二〇二四` is `2024`). A magnitude after a number in
digits multiplies it as it does a numeral (`value_with_magnitude`: `3千` is `3000`, `1.2万` is
`12000`, `3000万` and `三千万` are one number), and digits after it with a magnitude of their own
are the same number's, as numerals there are (`3万5千` is `35000`, as `三万五千` is), after a
numeral's magnitude too (`三万5千`). The magnitudes of a number fall (`一亿五千万`; a larger one
after them multiplies them all, `3万5千亿`), so a run where they do not is two numbers (`3万5万`,
a range written without a dash, is `30000` and `50000`)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
# Magnitudes within a group of four digits, and those of the groups (`万`, `亿`; Japanese and
# traditional Chinese `萬`, `億`).
_SMALL_MAGNITUDES = {"十": 10, "百": 100, "千": 1000}
_LARGE_MAGNITUDES = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_NUMERAL_CHARACTERS = "".join([*_DIGITS, *_SMALL_MAGNITUDES, *_LARGE_MAGNITUDES])
# The magnitudes written after digits (`3千`, `3000万`, `1.2万亿`; not `十`, which no digits come
# before), and the digits with a magnitude of their own after a magnitude, which are the same
# number's (`3万5千`, `1億2000万`, `1亿2,000万`, `三万5千`; not the `5` of `3万5人`).
MAGNITUDES_AFTER_DIGITS = "百千" + "".join(_LARGE_MAGNITUDES)
_DIGITS_IN_A_RUN = r"\d+(?:,\d{3})*"
_DIGITS_WITH_A_MAGNITUDE = (f"(?:(?<=[{''.join([*_SMALL_MAGNITUDES, *_LARGE_MAGNITUDES])}])"
                            f"{_DIGITS_IN_A_RUN}[{MAGNITUDES_AFTER_DIGITS}][{_NUMERAL_CHARACTERS}]*+)*+")
# A run from its start, beside no digits (the `千` of `3千` is read with its digits:
# `_MAGNITUDE_AFTER_DIGITS`) but those with a magnitude of their own within it.
_NUMERAL = re.compile(f"(?<![0-9０-９{_NUMERAL_CHARACTERS}])[{''.join(_DIGITS)}十]"
                      f"[{_NUMERAL_CHARACTERS}]*+{_DIGITS_WITH_A_MAGNITUDE}(?![0-9０-９])")
_NO_NUMERAL_ALONE = frozenset("一十〇零")
# A magnitude after digits, with the numerals after it (`3千五百`) and the digits with a magnitude
# of their own.
_MAGNITUDE_AFTER_DIGITS = re.compile(
    f"[{MAGNITUDES_AFTER_DIGITS}][{_NUMERAL_CHARACTERS}]*+{_DIGITS_WITH_A_MAGNITUDE}")
# A part of a numeral: digits (`2,000` of `1亿2,000万`) or one character.
_NUMERAL_PART = re.compile(f"{_DIGITS_IN_A_RUN}|.")


def cjk_numeral_values(text: str) -> list[str]:
    """The values of the Chinese and Japanese numerals in `text`, as digits (`三千` as `3000`)."""
    return [value for match in _NUMERAL.finditer(text) for value in _values_in_run(match.group())]


def _values_in_run(run: str) -> list[str]:
    """The values of the numerals in the run `run`: one, or more where its magnitudes do not fall
    (`三万五万` holds `30000` and `50000`: `_value`); a part that opens with a magnitude, or a lone
    `一`, `十` or `零` (`_NO_NUMERAL_ALONE`), is none."""
    values = []
    while run and run not in _NO_NUMERAL_ALONE and run[0] not in MAGNITUDES_AFTER_DIGITS:
        value, read = _value(run)
        values.append(str(value))
        run = run[read:]
    return values


def without_digits_in_numerals(text: str) -> str:
    """`text` with the digits in its Chinese and Japanese numerals (the `5` of `三万5千`, which
    `cjk_numeral_values` reads) written as `〇`, so that they are not read again on their own."""
    return _NUMERAL.sub(lambda numeral: re.sub(r"\d", "〇", numeral.group()), text)


def value_with_magnitude(text: str, end: int, number: str) -> tuple[str, int]:
    """`number`, a number in digits as `plain_digits` writes it that ends at `end` of `text`, times
    the magnitude right after it, with the numerals after that and the digits with a magnitude of
    their own (`3千` as `3000`, `3千五百` and `3千5百` as `3500`, `1.2万` as `12000`, `1億2000万`
    as `120000000`), and where what was read ends; `number` as it is where no magnitude follows,
    and a list of digits (`10.20.30`) as it is too, both ending at `end`."""
    run = _MAGNITUDE_AFTER_DIGITS.match(text, end)
    if run is None:
        return number, end
    try:
        digits = Decimal(number)
    except InvalidOperation:
        return number, end
    value, read = _value(run.group(), digits)
    return format(value.normalize(), "f"), end + read


def _value(numeral: str, digits: Decimal = Decimal(0)) -> tuple[Decimal, int]:
    """The value of `numeral` (with digits in it, the `5` of `万5千`), after `digits` where a
    number in digits comes before it, and how much of `numeral` it reads: up to where its
    magnitudes stop falling, where a new number begins (`3万5万`, a range written without a dash,
    and `三千五千` are two)."""
    if not any(char in _SMALL_MAGNITUDES or char in _LARGE_MAGNITUDES for char in numeral):
        return Decimal("".join(str(_DIGITS[char]) for char in numeral)), len(numeral)
    total = group = Decimal(0)
    digit = digits
    # What the next group, and the next term of this group, stays below: the place of the group
    # closed last, and of the term read last.
    group_below = term_below = Decimal("Infinity")
    group_start = term_start = 0
    for match in _NUMERAL_PART.finditer(numeral):
        part = match.group()
        if part in _DIGITS:
            digit, term_start = Decimal(_DIGITS[part]), match.start()
        elif part[0].isdecimal():  # the `5` of `3万5千`
            digit = Decimal("".join(str(unicodedata.decimal(char)) for char in part if char != ","))
            term_start = match.start()
        elif part in _SMALL_MAGNITUDES:
            term = (digit or 1) * _SMALL_MAGNITUDES[part]
            if term >= term_below:
                return total + group, term_start if digit else match.start()
            group += term
            term_below = Decimal(_SMALL_MAGNITUDES[part])
            digit = Decimal(0)
        else:
            magnitude = _LARGE_MAGNITUDES[part]
            if magnitude > max(total, Decimal(1)):  # `一万亿`: the groups before it are multiplied too
                if group + digit >= group_below:
                    return total, group_start
                total = (total + group + digit) * magnitude
                group_below = Decimal(magnitude) if group + digit else group_below * magnitude
            else:
                if (group + digit) * magnitude >= group_below:
                    return total, group_start
                total += (group + digit) * magnitude
                group_below = Decimal(magnitude)
            group = digit = Decimal(0)
            term_below = Decimal("Infinity")
            group_start = match.end()
    return total + group + digit, len(numeral)
