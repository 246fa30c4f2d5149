"""Word-level diffs with diff-match-patch: words become single characters, then semantic cleanup
that gives back the unchanged words of meaning it swallowed. Giant sentences are diffed by a
longest common subsequence of their words (`anchors.identical_anchors`), then cleaned up alike."""

from __future__ import annotations

import re
import unicodedata

from diff_match_patch import diff_match_patch

from revdiff.engine.anchors import identical_anchors
from revdiff.engine.graphemes import continues_cluster, joins_previous
from revdiff.engine.word_count import STACKERS, UNSPACED
from revdiff.engine.word_sets import word_set
from revdiff.model import WordDiff

# White space is what Python counts as such (with the no-break spaces) and the zero-width space, a
# break between words that takes no room. The word joiner and the byte-order mark (U+2060, U+FEFF)
# forbid a break and the zero-width (non-)joiners shape letters: they stay inside their word.
SPACES = re.compile(r"[\s\u200b]+")
# A word: one ideograph or kana, or a run of other letters, digits and `_`.
WORD = rf"[{UNSPACED}]|[^\W{UNSPACED}]+"
# What separates the parts of a number, with the digits after it: `,` and `.` either way round
# (`3,000` and `3.000`, `3.5` and `3,5`), the Arabic decimal and thousands marks (`٣٫٥`, `٣٬٠٠٠`),
# and a no-break, narrow no-break or thin space before a group of three digits (French `3 000`).
# `number_changed` reads numbers with these separators too.
NUMBER_PART = r"(?:[.,\u066b\u066c]\d+|[\u00a0\u202f\u2009]\d{3}(?!\d))"
# Digits grouped by three between ordinary spaces, `1 000 000`, from a first group of one to
# three digits (`in 2019 100 people` holds two numbers): one number to `numbers_in` in other
# styles, and so to the word diff.
SPACED_GROUPS = r"\d(?<![\d.,]\d)\d{0,2}(?: \d{3}(?!\d))+"
# A Hebrew word that holds a geresh (`׳`, inside it or after its last letter: `ג׳ורג׳`) or
# gershayim (`״`, or `"` as keyboards type it, before its last letter: an acronym, `צה"ל`), one
# word as the quotations read it (`quotations`), where a word diff cut it at the mark.
_HEBREW_LETTER = "[\u05d0-\u05ea]"
_HEBREW_WORD_WITH_GERESH = (f"{_HEBREW_LETTER}+(?:\u05f3{_HEBREW_LETTER}*"
                           f"|[\"\u05f4]{_HEBREW_LETTER}(?!{_HEBREW_LETTER}))+")
# A token is a number with its separators (ordinary spaces between groups of three too), or a
# time or a score with its colons (`10:30`, `2:1`), and the letters written on it (`3,500`, `3
# 500`, `1.5`, `5.5m`, `10:30am`, one word as `5m` is), a word (a Hebrew one with its geresh or
# gershayim), a run of white space, or one other character (punctuation stays separate);
# `tokenize` puts marks, joiners and the parts of an emoji back on the token they belong to.
_TOKENS = re.compile(
    rf"(?:{SPACED_GROUPS}(?:{NUMBER_PART}|:\d+)*|\d+(?:{NUMBER_PART}|:\d+)+)[^\W{UNSPACED}]*"
    rf"|{_HEBREW_WORD_WITH_GERESH}|{WORD}|[\s\u200b]+|[^\w\s\u200b]")
_ASCII_TOKENS = re.compile(  # the same, faster, for ASCII
    rf"(?:{SPACED_GROUPS}(?:[.,:]\d+)*|\d+(?:[.,:]\d+)+)\w*|\w+|\s+|[^\w\s]")
_WORD_START = re.compile(r"\w")
# The start of a word written with spaces around it, which goes on after a mark.
_SPACED_WORD_START = re.compile(rf"[^\W{UNSPACED}]")


# diff-match-patch's exact diff, whose work grows with the square of the tokens the two texts
# differ by: 4,000 tokens (some 2,000 words) take about a second. Giant "sentences" (a paragraph
# without punctuation, `--sentences lines`, hostile input) are diffed by a longest common
# subsequence of their tokens instead (`_giant_diff`: some 15 ms for 3,000 words against 3,000,
# where the exact diff takes half a second), the same on every machine. (A diff bounded in time
# gave a busy machine a total rewrite where an idle one kept most of the words.)
GIANT_TOKENS = 4_000
_DIFFER = diff_match_patch()
_DIFFER.Diff_Timeout = 0


def _code_point(number: int) -> str:
    """A distinct character for token number `number`, skipping control characters and surrogates."""
    point = number + 0x100
    return chr(point + 0x800 if point >= 0xD800 else point)


def tokenize(text: str) -> list[str]:
    """Words, runs of white space, and single other characters, none of which cuts a grapheme
    cluster: a combining mark stays with what it marks, a skin tone with its emoji, emoji joined
    by zero-width joiners and the two letters of a flag make one token. Letters after a mark or
    a joiner go on with that word: the word pattern leaves marks out, so a Devanagari word such
    as `दिन` came as `द`, `ि`, `न`, and a changed vowel sign as no changed word; `👨‍👩‍👧` came as
    five tokens and `👍🏽` as two."""
    if text.isascii():
        return _ASCII_TOKENS.findall(text)
    tokens: list[str] = []
    for token in _TOKENS.findall(text):
        if tokens and goes_on(tokens[-1], token):
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def goes_on(previous: str, token: str) -> bool:
    """Whether `token` belongs to the token before it: the same grapheme cluster, or the rest of a
    word after a mark or a joiner (`दिन`, the Persian `می‌خواهم` with its zero-width non-joiner).
    In the scripts without spaces (`UNSPACED`) each letter with its marks is a word: `กิน` is
    `กิ` and `น`, and `ที่๑๒` the word `ที่` and the number `๑๒`; a consonant stacked below the
    one before it goes on with it (`ក្រុម` is `ក្រុ` and `ម`: a diff cut after the Khmer coeng
    showed it apart from its consonant)."""
    return continues_cluster(previous, token[0]) or previous[-1] in STACKERS or (
        joins_previous(previous[-1]) and _SPACED_WORD_START.match(previous) is not None
        and _SPACED_WORD_START.match(token) is not None)


def word_diff(old: str, new: str) -> WordDiff:
    """(op, text) runs turning `old` into `new`: -1 deleted, 0 kept, 1 inserted.

    The texts are compared in Unicode's composed form (NFC), so a word that differs only in how
    it is encoded (`é` as one character, or as `e` and a combining accent) is kept, not changed;
    the runs hold the texts as written. Joining the runs with op >= 0 gives `new`; with op <= 0
    gives `old`, but for a kept word written in another form there, given as `new` writes it.
    Anything but two strings raises TypeError.
    """
    for side, text in (("old", old), ("new", new)):
        if not isinstance(text, str):
            raise TypeError(f"word_diff takes two texts (str), not {type(text).__name__} as {side}")
    if unicodedata.normalize("NFC", old) == unicodedata.normalize("NFC", new):
        return ((0, new),) if new else ()
    if not old:
        return ((1, new),)
    if not new:
        return ((-1, old),)
    codes: dict[str, str] = {}
    vocabulary: list[str] = []

    def encode(tokens: list[str]) -> str:
        chars = []
        for token in tokens:
            composed = unicodedata.normalize("NFC", token)
            code = codes.get(composed)
            if code is None:
                code = _code_point(len(vocabulary))
                codes[composed] = code
                vocabulary.append(composed)
            chars.append(code)
        return "".join(chars)

    old_tokens, new_tokens = tokenize(old), tokenize(new)
    old_codes, new_codes = encode(old_tokens), encode(new_tokens)
    decode = {code: token for token, code in codes.items()}

    giant = len(old_codes) + len(new_codes) > GIANT_TOKENS
    runs = _diff(old_codes, new_codes)
    # cleaned up on the tokens, not on their characters: a run's edges stay between words (on the
    # characters, `here` to `there` kept `here` and inserted `t`, `cats` to `cat` deleted `s`), so
    # a changed word is a word deleted and one inserted, and no grapheme cluster is cut
    _DIFFER.diff_cleanupSemantic(runs)
    if not giant:  # a giant's changes are not diffed again: each could be a giant's work
        runs = _kept_words_given_back(runs, decode)
    runs = _punctuation_apart(runs, decode)
    return _as_written(runs, old_tokens, new_tokens)


def _diff(old_codes: str, new_codes: str) -> list[tuple[int, str]]:
    """The runs turning one string of token codes into the other: exact below GIANT_TOKENS."""
    if len(old_codes) + len(new_codes) > GIANT_TOKENS:
        return _giant_diff(old_codes, new_codes)
    return _DIFFER.diff_main(old_codes, new_codes, False)


def _giant_diff(old_codes: str, new_codes: str) -> list[tuple[int, str]]:
    """The runs of a longest common subsequence of the tokens, as `anchors.identical_anchors`
    finds it (unique tokens first, then the stretches between them; a stretch too large and
    too repetitive for that is deleted and inserted whole)."""
    runs: list[tuple[int, str]] = []
    old_at = new_at = 0
    for old_index, new_index in identical_anchors(old_codes, new_codes):
        _append_change(runs, old_codes[old_at:old_index], new_codes[new_at:new_index])
        _append(runs, (0, old_codes[old_index]))
        old_at, new_at = old_index + 1, new_index + 1
    _append_change(runs, old_codes[old_at:], new_codes[new_at:])
    return runs


def _as_written(runs: list[tuple[int, str]], old_tokens: list[str], new_tokens: list[str],
                ) -> WordDiff:
    """The runs of token codes, each code one token of its side, as that side writes it: a kept
    one as the new side does."""
    written: list[tuple[int, str]] = []
    old_at = new_at = 0
    for op, text in runs:
        if not text:
            continue
        if op < 0:
            written.append((op, "".join(old_tokens[old_at:old_at + len(text)])))
        else:
            written.append((op, "".join(new_tokens[new_at:new_at + len(text)])))
            new_at += len(text)
        old_at += len(text) if op <= 0 else 0
    return tuple(written)


def _kept_words_given_back(runs: list[tuple[int, str]], decode: dict[str, str]) -> list[tuple[int, str]]:
    """The runs, with the unchanged words the cleanup swallowed that carry meaning given back.

    The cleanup merges a kept run into the changes beside it when it is no longer than they
    are, and counts in tokens, a bracket as much as a name: once the one-token runs between
    edits (`), `, ` `) are merged, the changes have grown and swallow the next kept run, then
    the next, up to a year and a name with its dates that did not change (`1946-), and folk-singer
    stan rogers (1949-1983` deleted and inserted again). A deletion beside an insertion is diffed
    again, and what they have in common is kept when it holds a number, or two words or more not
    all common function words (`_carries_meaning`); a lone word such as `the` or `and`, or
    `of the`, between changes stays in them, as the cleanup wanted."""
    given_back: list[tuple[int, str]] = []
    index = 0
    while index < len(runs):
        op, text = runs[index]
        following = runs[index + 1] if index + 1 < len(runs) else (0, "")
        if op == 0 or following[0] != -op:
            _append(given_back, (op, text))
            index += 1
            continue
        deleted, inserted = (text, following[1]) if op < 0 else (following[1], text)
        index += 2
        if not _share_a_word_of_meaning(deleted, inserted, decode):
            _append_change(given_back, deleted, inserted)  # all the diff again would give
            continue
        deleted_part = inserted_part = ""
        for again_op, again in _DIFFER.diff_main(deleted, inserted, False):
            if again_op == 0 and _carries_meaning(again, decode):
                _append_change(given_back, deleted_part, inserted_part)
                deleted_part = inserted_part = ""
                _append(given_back, (0, again))
            else:
                deleted_part += again if again_op <= 0 else ""
                inserted_part += again if again_op >= 0 else ""
        _append_change(given_back, deleted_part, inserted_part)
    return given_back


def _share_a_word_of_meaning(deleted: str, inserted: str, decode: dict[str, str]) -> bool:
    """Whether the two changes share a word that is no common function word: kept words carry
    meaning (`_carries_meaning`) only with one, a number too, so without one the two diffed
    again give nothing back, and are not diffed (four changes in five on the Wikipedia pairs
    of benchmarks/engine_speed.py: the pass takes a quarter less time)."""
    return any(_WORD_START.match(decode[code]) and decode[code].casefold() not in _FUNCTION_WORDS
               for code in set(deleted).intersection(inserted))


def _carries_meaning(codes: str, decode: dict[str, str]) -> bool:
    """Whether kept words between changes are worth showing kept: a number, or two words or more
    of which one is no common English function word (`of the`, `they are` stay in the change)."""
    words = _words_of(codes, decode)
    return any(word[0].isdigit() for word in words) or (
        len(words) >= 2 and any(word.casefold() not in _FUNCTION_WORDS for word in words))


# the words that alone carry no meaning of their own between two changes
_FUNCTION_WORDS = word_set(
    "a an the and or but nor so yet if as than then of in on at to for from by with into onto "
    "over under up out about after before this that these those it its is are was were be been "
    "being am do does did has have had will would shall should can could may might must not no "
    "i me my we us our you your he him his she her they them their who whom whose which what "
    "there here")


def _append_change(runs: list[tuple[int, str]], deleted: str, inserted: str) -> None:
    """Add a deletion and an insertion (either may be empty)."""
    for run in ((-1, deleted), (1, inserted)):
        if run[1]:
            _append(runs, run)


def _punctuation_apart(runs: list[tuple[int, str]], decode: dict[str, str]) -> list[tuple[int, str]]:
    """The runs, with a word the cleanup swallowed between two punctuation edits given back.

    On tokens a word is one character, as long as a quotation mark: the cleanup takes `limited`
    between two added `"` for a changed word (`limited.` to `"limited".` deleted and inserted
    `limited`). A deletion and an insertion beside each other that hold the same words are
    diffed again without it, so only their punctuation and spacing changes."""
    cleaned: list[tuple[int, str]] = []
    for op, text in runs:
        if cleaned and op and cleaned[-1][0] == -op and _words_of(text, decode) == _words_of(
                cleaned[-1][1], decode) != []:
            previous = cleaned.pop()[1]
            old, new = (previous, text) if op > 0 else (text, previous)
            for again in _diff(old, new):
                _append(cleaned, again)
        else:
            _append(cleaned, (op, text))
    return cleaned


def _append(runs: list[tuple[int, str]], run: tuple[int, str]) -> None:
    """Add `run`, joined to the last run when it is of the same kind."""
    if runs and runs[-1][0] == run[0]:
        runs[-1] = (run[0], runs[-1][1] + run[1])
    else:
        runs.append(run)


def _words_of(codes: str, decode: dict[str, str]) -> list[str]:
    return [decode[code] for code in codes if _WORD_START.match(decode[code])]


def old_side(diff: WordDiff) -> str:
    return "".join(text for op, text in diff if op <= 0)


def new_side(diff: WordDiff) -> str:
    return "".join(text for op, text in diff if op >= 0)
