"""Quotations: the passages a text quotes (`quotations_in`) and the mark of one it leaves open
(`open_quotation`), in the quotation marks of English and other languages."""

from __future__ import annotations

import re

from revdiff.engine.terminal_codes import without_control_sequences
from revdiff.engine.words import SPACES

# Marks that may close a sentence after its `.`, `!` or `?` (those that may open one are
# sentence_edges.SENTENCE_OPENING_MARKS).
CLOSING_MARKS = "\"'”’)]»"

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
    (`without_control_sequences`). (`open_quotation`, read for each sentence of a version, needs
    the mark alone: `quotations_in` collapses the passages' white space.)

    Read left to right: an opening mark starts a quote that ends at the next matching mark; an
    opening mark without one is skipped. A mark after which no closing mark of any kind follows in
    the unquoted rest starts the open quotation. Linear in the text's length (each mark kind is
    looked for once past a position where it was missing).
    """
    text = without_control_sequences(text)
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
