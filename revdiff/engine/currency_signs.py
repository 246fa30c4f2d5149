"""A currency's sign or code before a number (`$5`, `US$5`, `Rs. 500`, `USD 5`), and the currencies
each may name."""

from __future__ import annotations

import re
import unicodedata

from revdiff.engine.quotations import CLOSING_MARKS

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
_SENTENCE_OR_LINE_END = re.compile(rf"[.!?…][{re.escape(CLOSING_MARKS)}]*\s|\n")


def after_currency(text: str, at: int) -> bool:
    """Whether a currency's sign or code stands before the number at `at`, written on it or a
    space before it (`$5`, `₹ 500`, `Rs 500`, `Rs. 500`, `USD 5`)."""
    return bool(currency_before(text, at)[0])


def currency_before(text: str, at: int) -> tuple[str, int]:
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
CURRENCIES = {"$": frozenset({*_LETTERED_DOLLARS.values(), "MXN"}), "€": frozenset({"EUR"}),
               "£": frozenset({"GBP"}), "¥": frozenset({"JPY", "CNY"}), "RMB": frozenset({"CNY"}),
               "₹": frozenset({"INR"}), "₨": _RUPEES, "Rs": _RUPEES, "Re": _RUPEES,
               "৳": frozenset({"BDT"}), "Tk": frozenset({"BDT"}), "NIS": frozenset({"ILS"}),
               "₪": frozenset({"ILS"}), "₴": frozenset({"UAH"}), "₦": frozenset({"NGN"}),
               "฿": frozenset({"THB"}), "₫": frozenset({"VND"}), "₽": frozenset({"RUB"}),
               "₺": frozenset({"TRY"}), "₩": frozenset({"KRW"}),
               "﷼": frozenset({"IRR", "SAR", "QAR"})} | {
    sign: frozenset({code}) for sign, code in _LETTERED_SIGNS.items()}
